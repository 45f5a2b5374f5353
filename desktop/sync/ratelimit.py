"""Request pacing from the CRM's own rate-limit headers, so 429s stay rare.

:class:`Pacer` keeps a sliding window of send times sized from the response headers
(HubSpot ``X-HubSpot-RateLimit-Max`` / ``-Interval-Milliseconds`` / ``-Remaining`` / ``-Daily-Remaining``;
Pipedrive ``x-ratelimit-limit`` / ``-remaining`` / ``-reset`` (2-second window) and
``x-daily-requests-left``). A 429 blocks the pacer for ``Retry-After`` seconds.

Sources: HubSpot "API usage guidelines and limits" (developers.hubspot.com/docs/guides/apps/api-usage),
Pipedrive "Rate limiting" (pipedrive.readme.io/docs/core-api-concepts-rate-limiting).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass


@dataclass(slots=True)
class Limits:
    """Parsed rate-limit headers. ``interval_s`` seconds; counts are requests; ``reset_s`` is the
    time left in a fixed window (Pipedrive) or ``None`` (HubSpot's rolling window)."""

    max: int | None = None
    interval_s: float | None = None
    remaining: int | None = None
    reset_s: float | None = None
    daily_remaining: int | None = None


def _int(headers: Mapping[str, str], name: str) -> int | None:
    value = headers.get(name)
    try:
        return int(float(value)) if value is not None else None
    except ValueError:
        return None


def parse_hubspot(headers: Mapping[str, str]) -> Limits:
    """Read ``X-HubSpot-RateLimit-*`` headers (case-insensitive mapping, e.g. ``httpx.Headers``)."""
    interval_ms = _int(headers, "x-hubspot-ratelimit-interval-milliseconds")
    return Limits(
        max=_int(headers, "x-hubspot-ratelimit-max"),
        interval_s=interval_ms / 1000.0 if interval_ms else None,
        remaining=_int(headers, "x-hubspot-ratelimit-remaining"),
        daily_remaining=_int(headers, "x-hubspot-ratelimit-daily-remaining"),
    )


def parse_pipedrive(headers: Mapping[str, str]) -> Limits:
    """Read Pipedrive's ``x-ratelimit-*`` (2-second window) and ``x-daily-requests-left`` headers."""
    reset = headers.get("x-ratelimit-reset")
    try:
        reset_s = float(reset) if reset is not None else None
    except ValueError:
        reset_s = None
    return Limits(
        max=_int(headers, "x-ratelimit-limit"),
        interval_s=2.0 if headers.get("x-ratelimit-limit") is not None else None,
        remaining=_int(headers, "x-ratelimit-remaining"),
        reset_s=reset_s,
        daily_remaining=_int(headers, "x-daily-requests-left"),
    )


class Pacer:
    """Spaces requests to stay under the CRM's rate limit.

    Two mechanisms: a sliding-window log (at most ``window_max`` requests in any
    ``window_s * (1 + margin) + margin_s`` seconds), which uses the whole budget of a rolling
    window limit such as HubSpot's 190 per 10 s, and, before any limit is known, a GCRA token
    bucket at ``rate`` requests/s with ``burst``. :meth:`observe` switches to the window learnt
    from response headers; a 429 blocks the pacer for ``Retry-After`` seconds (:meth:`block`).

    Args:
        rate / burst: initial pacing before headers are seen.
        window_max / window_s: a known limit (e.g. HubSpot search: 5 per 1 s).
        margin: fraction added to the window to absorb latency jitter between client and server.
        clock / sleep: injectable for tests (seconds).
    """

    def __init__(self, rate: float = 5.0, burst: int = 1, *, window_max: int | None = None,
                 window_s: float | None = None, margin: float = 0.01, margin_s: float = 0.01,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep) -> None:
        self.rate = rate
        self.burst = max(1, burst)
        self.window_max = window_max
        self.window_s = window_s
        self.margin = margin
        self.margin_s = margin_s
        self._clock = clock
        self._sleep = sleep
        self._tat = 0.0  # GCRA: theoretical arrival time of the next request
        self._sent: dict[int, float] = {}  # ticket -> counted send time
        self._inflight: set[int] = set()  # tickets whose answer has not arrived
        self._completed = asyncio.Event()
        self._ticket = 0
        self._blocked_until = 0.0
        self._lock = asyncio.Lock()
        self.daily_remaining: int | None = None
        self.waited_s = 0.0
        self.acquired = 0

    def _next_start(self, now: float) -> tuple[float, bool]:
        """(earliest start, whether that depends on a request still in flight)."""
        start = max(now, self._blocked_until)
        if self.window_max and self.window_s:
            span = self.window_s * (1 + self.margin) + self.margin_s
            self._sent = {k: t for k, t in self._sent.items()
                          if t > now - span or k in self._inflight}
            if len(self._sent) >= self.window_max:
                # requests in flight count as the newest (the server may count them as late as
                # their answer); the slot needed is the window_max-th newest
                order = sorted(self._sent.items(),
                               key=lambda kv: float("inf") if kv[0] in self._inflight else kv[1])
                ticket, t = order[len(order) - self.window_max]
                if ticket in self._inflight:
                    # the server may count that request later than it was sent: wait for its
                    # answer (the latest moment it can have been counted) before deciding
                    return start, True
                start = max(start, t + span)
        else:
            interval = 1.0 / self.rate
            start = max(start, self._tat - (self.burst - 1) * interval)
        return start, False

    async def acquire(self) -> int:
        """Wait (asynchronously) until the next request may be sent. Returns a ticket for
        :meth:`complete`."""
        async with self._lock:
            while True:
                self._completed.clear()
                now = self._clock()
                start, pending = self._next_start(now)
                if not pending:
                    break
                await self._completed.wait()
            if start > now:
                self.waited_s += start - now
                await self._sleep(start - now)
            # account from the planned start, not the (slightly later) wake-up time
            self._tat = max(self._tat, start) + 1.0 / self.rate
            self._ticket += 1
            self._sent[self._ticket] = max(start, self._clock())
            self._inflight.add(self._ticket)
            self.acquired += 1
            return self._ticket

    def complete(self, ticket: int) -> None:
        """The answer to a request arrived (or it failed or was cancelled): count it in the window
        from now, the latest moment the server can have counted it (so latency jitter can never
        squeeze one request too many into the server's window). Until then the request holds its
        slot: a request whose window slot depends on it waits for this call.
        ``ticket``: the value :meth:`acquire` returned; every ticket must be completed."""
        if ticket in self._sent:
            self._sent[ticket] = max(self._sent[ticket], self._clock())
        self._inflight.discard(ticket)
        self._completed.set()

    def observe(self, limits: Limits) -> None:
        """Adopt the server's advertised limits; pause when ``remaining`` hits zero."""
        if limits.daily_remaining is not None:
            self.daily_remaining = limits.daily_remaining
        if limits.max and limits.interval_s:
            self.window_max, self.window_s = limits.max, limits.interval_s
            self.rate = max(0.1, limits.max / limits.interval_s)
        if limits.remaining is not None and limits.remaining <= 0:
            wait = limits.reset_s if limits.reset_s is not None else 1.0 / self.rate
            self.block(wait)

    def block(self, seconds: float) -> None:
        """Send nothing for ``seconds`` (after a 429's ``Retry-After``)."""
        self._blocked_until = max(self._blocked_until, self._clock() + max(0.0, seconds))
