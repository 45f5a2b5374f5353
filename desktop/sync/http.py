"""The HTTP boundary shared by adapters: pacing, auth, retries with jitter, error mapping.

``httpx`` exceptions and status codes become :mod:`desktop.sync.errors` here and nowhere else.
Tokens come from a ``token_provider`` callable on every request and are never logged:
:func:`redact_headers` masks ``Authorization`` and ``x-api-token`` for any log line.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import logging
import random
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import httpx
from tenacity import AsyncRetrying, retry_if_exception, stop_after_attempt

from desktop.sync.errors import (
    AuthExpired,
    Conflict,
    MissingScope,
    Offline,
    Permanent,
    RateLimited,
    Retryable,
    SyncError,
)
from desktop.sync.ratelimit import Limits, Pacer

log = logging.getLogger("desktop.sync.http")

TokenProvider = Callable[[], "str | None | Awaitable[str | None]"]
#: Default timeouts (seconds): connect quickly, allow slow batch responses.
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
_SECRET_HEADERS = {"authorization", "x-api-token", "cookie", "proxy-authorization"}


def redact_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """A copy of ``headers`` with credentials replaced by ``"[redacted]"``."""
    return {k: ("[redacted]" if k.lower() in _SECRET_HEADERS else v) for k, v in headers.items()}


@dataclass(slots=True)
class RetryPolicy:
    """Retries inside one adapter call. ``base_s``/``cap_s``: exponential backoff with full jitter
    (seconds); ``attempts``: tries in total, after which the last error propagates."""

    attempts: int = 6
    base_s: float = 0.5
    cap_s: float = 30.0

    def wait(self, attempt: int, error: BaseException | None) -> float:
        """Seconds before try ``attempt + 1``: ``Retry-After`` for 429s, else full jitter."""
        if isinstance(error, RateLimited):
            return error.retry_after + random.uniform(0, self.base_s)
        return random.uniform(0, min(self.cap_s, self.base_s * (2 ** (attempt - 1))))


def map_response(response: httpx.Response) -> None:
    """Raise the :mod:`errors` exception for a non-2xx ``response``; return for 2xx."""
    status = response.status_code
    if status < 300:
        return
    body: Any = None
    try:
        body = response.json()
    except ValueError:
        pass
    message = ""
    if isinstance(body, dict):
        message = str(body.get("message") or body.get("error") or "")[:300]
    text = f"HTTP {status} {response.request.method} {response.request.url.path}: {message}"
    if status == 429:
        retry_after = _retry_after(response, body)
        policy = body.get("policyName") if isinstance(body, dict) else None
        raise RateLimited(text, retry_after=retry_after, policy=policy)
    if status == 403:
        scopes = _required_scopes(body)
        hint = (f"the token lacks the scope(s) {', '.join(scopes)}" if scopes
                else "the token is not allowed this call (missing scope or permission)")
        raise MissingScope(f"{text} ({hint}: grant {'them' if scopes else 'it'} to the app in the "
                           "CRM, e.g. HubSpot Settings > Integrations > Private Apps > Scopes, then "
                           "sync again; local changes wait in the outbox)", scopes=scopes,
                           status=status)
    if status == 401:
        raise AuthExpired(text, status=status)
    if status == 409:
        raise Conflict(text, status=status)
    if status >= 500 or status == 408:
        raise Retryable(text, status=status)
    raise Permanent(text, status=status)


def _fingerprint(token: str) -> str:
    """A short one-way hash identifying a token without revealing it."""
    return hashlib.sha256(token.encode()).hexdigest()[:16]


def _required_scopes(body: Any) -> list[str]:
    """Scopes a 403 answer names: HubSpot puts them in ``context`` of the body or of its
    ``errors`` items (``requiredGranularScopes``, ``requiredScopes``, ...). Order kept, no repeats."""
    found: list[str] = []
    if not isinstance(body, dict):
        return found
    contexts = [body.get("context")] + [e.get("context") for e in body.get("errors") or []
                                        if isinstance(e, dict)]
    for ctx in contexts:
        if not isinstance(ctx, dict):
            continue
        for key, value in ctx.items():
            if "scope" in key.lower() and isinstance(value, list):
                found += [str(v) for v in value if str(v) not in found]
    return found


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """``Retry-After`` (RFC 9110 section 10.2.3: delay-seconds or an HTTP-date) -> seconds to wait
    (>= 0), or ``None`` when absent or unreadable. ``now``: aware UTC time (default: now)."""
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def next_daily_reset(now: datetime, tz_name: str | None) -> datetime:
    """The next midnight in the account's time zone (IANA name, e.g. ``"US/Eastern"``; UTC when
    ``None`` or unknown), as an aware UTC datetime. HubSpot resets its daily limit at midnight in
    the account's time zone (API usage guidelines)."""
    try:
        tz = ZoneInfo(tz_name) if tz_name else UTC
    except (ZoneInfoNotFoundError, ValueError):
        tz = UTC
    local = now.astimezone(tz)
    midnight = datetime.combine(local.date() + timedelta(days=1), datetime.min.time(), tzinfo=tz)
    return midnight.astimezone(UTC)


def _retry_after(response: httpx.Response, body: Any) -> float:
    parsed = parse_retry_after(response.headers.get("retry-after"))
    if parsed is not None:
        return parsed
    if isinstance(body, dict) and body.get("policyName") == "DAILY":
        return 3600.0
    return 1.0


class ApiClient:
    """Sends JSON requests for one adapter.

    Args:
        client: an ``httpx.AsyncClient`` (its transport is the test seam); not closed here unless
            ``owns_client``.
        base_url: e.g. ``"https://api.hubapi.com"``.
        token_provider: returns the token (sync or async callable); ``None`` -> :class:`AuthExpired`.
        auth: ``"bearer"`` (Authorization header) or a header name such as ``"x-api-token"``.
        pacer / parse_limits: rate pacing and the header parser for this CRM.
        retry: :class:`RetryPolicy` for transient errors and 429s.
        daily_methods: HTTP methods the daily budget applies to (``None``: all); when the last
            response said the daily budget is used up, such requests raise
            :class:`RateLimited` (policy ``"DAILY"``) until the next midnight in :attr:`daily_tz`
            (the account's time zone; UTC when unknown) without being sent.
        refresh: optional async callable renewing an expired token (e.g.
            :class:`desktop.sync.oauth.TokenRefresher`); on a 401 the request is retried once
            after it returns ``True`` (or at once when another request already renewed the token);
            when it returns ``False`` the :class:`AuthExpired` propagates with a reconnect hint.
    """

    def __init__(self, client: httpx.AsyncClient, base_url: str, token_provider: TokenProvider, *,
                 auth: str = "bearer", pacer: Pacer | None = None,
                 parse_limits: Callable[[Mapping[str, str]], Limits] | None = None,
                 retry: RetryPolicy | None = None, owns_client: bool = False,
                 daily_methods: frozenset[str] | None = None,
                 refresh: Callable[[], Awaitable[bool]] | None = None) -> None:
        self.client = client
        self.refresh = refresh
        self.daily_methods = daily_methods
        self.base_url = base_url.rstrip("/")
        self._token_provider = token_provider
        self._auth = auth
        self.pacer = pacer or Pacer()
        self._parse_limits = parse_limits
        self.retry = retry or RetryPolicy()
        self.owns_client = owns_client
        self.requests = 0
        self.rate_limited = 0
        #: IANA time zone the daily budget resets in (HubSpot: the account's; ``None``: UTC)
        self.daily_tz: str | None = None

    async def _token(self) -> str:
        token = self._token_provider()
        if inspect.isawaitable(token):
            token = await token
        if not token:
            raise AuthExpired("no token: run `spectrum connect`")
        return token

    async def request(self, method: str, path: str, *, params: Mapping[str, Any] | None = None,
                      json_body: Any = None, retry: bool = True) -> Any:
        """Send one request and return its decoded JSON (``None`` for empty bodies).

        Retries :class:`Retryable` errors (incl. 429, honouring ``Retry-After`` up to the policy's
        ``cap_s``; longer waits are raised to the caller) per the policy when ``retry`` is true; non-idempotent calls pass ``retry=False`` and handle retries themselves.
        Raises: :mod:`desktop.sync.errors` exceptions.
        """
        try:
            return await self._request(method, path, params, json_body, retry)
        except AuthExpired as exc:  # 401 only: a 403 (MissingScope) is not cured by a new token
            if self.refresh is None or exc.status is None:
                raise
            if _fingerprint(await self._token()) == exc.token_id and not await self.refresh():
                raise AuthExpired(f"{exc} (token expired and could not be refreshed: run "
                                  "`spectrum connect`; local changes wait in the outbox)",
                                  status=exc.status) from None
            return await self._request(method, path, params, json_body, retry)

    async def _request(self, method: str, path: str, params: Mapping[str, Any] | None,
                       json_body: Any, retry: bool) -> Any:
        if not retry:
            return await self._once(method, path, params, json_body)
        policy = self.retry
        attempt = 0
        async for attempt_state in AsyncRetrying(
            stop=stop_after_attempt(policy.attempts),
            # retry transient errors here, but hand long waits (a daily budget) back to the caller
            retry=retry_if_exception(lambda e: isinstance(e, Retryable) and not (
                isinstance(e, RateLimited) and e.retry_after > policy.cap_s)),
            wait=lambda rs: policy.wait(rs.attempt_number,
                                        rs.outcome.exception() if rs.outcome else None),
            reraise=True,
        ):
            with attempt_state:
                attempt += 1
                return await self._once(method, path, params, json_body)
        raise AssertionError("unreachable")  # pragma: no cover

    async def _once(self, method: str, path: str, params: Mapping[str, Any] | None,
                    json_body: Any) -> Any:
        if self.pacer.daily_remaining == 0 and (self.daily_methods is None
                                                 or method in self.daily_methods):
            now = datetime.now(UTC)
            midnight = next_daily_reset(now, self.daily_tz)
            raise RateLimited(f"{method} {path}: daily request budget used up",
                              retry_after=(midnight - now).total_seconds(), policy="DAILY",
                              status=None)
        token = await self._token()
        headers = {"accept": "application/json"}
        if self._auth == "bearer":
            headers["authorization"] = f"Bearer {token}"
        else:
            headers[self._auth] = token
        ticket = await self.pacer.acquire()
        self.requests += 1
        try:
            response = await self.client.request(method, self.base_url + path, params=params,
                                                 json=json_body, headers=headers)
        except httpx.ConnectError as exc:
            raise Offline(f"{method} {path}: cannot connect ({type(exc).__name__})") from None
        except httpx.TransportError as exc:  # timeouts, dropped connections, protocol errors
            raise Retryable(f"{method} {path}: {type(exc).__name__}") from None
        finally:  # also when cancelled: the slot must not stay "in flight" forever
            self.pacer.complete(ticket)
        if self._parse_limits is not None:
            self.pacer.observe(self._parse_limits(response.headers))
        log.debug("%s %s -> %s", method, path, response.status_code)
        try:
            map_response(response)
        except AuthExpired as exc:
            exc.token_id = _fingerprint(token)  # which token was refused (a hash, not the token)
            raise
        except RateLimited as exc:
            if exc.policy == "DAILY" and response.headers.get("retry-after") is None:
                now = datetime.now(UTC)  # the daily budget is back at the account's midnight
                exc.retry_after = (next_daily_reset(now, self.daily_tz) - now).total_seconds()
            self.rate_limited += 1
            self.pacer.block(exc.retry_after)
            raise
        if response.status_code == 204 or not response.content:
            return None
        try:
            return response.json()
        except (ValueError, json.JSONDecodeError):
            raise Retryable(f"{method} {path}: truncated or invalid JSON body") from None

    async def aclose(self) -> None:
        """Close the httpx client if this object owns it."""
        if self.owns_client:
            await self.client.aclose()


__all__ = ["ApiClient", "RetryPolicy", "redact_headers", "map_response", "DEFAULT_TIMEOUT",
           "parse_retry_after", "next_daily_reset",
           "TokenProvider", "SyncError"]
