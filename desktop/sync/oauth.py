"""HubSpot OAuth access-token refresh (tokens in the OS keyring only).

HubSpot OAuth access tokens expire (about 30 minutes); a refresh token exchanges for a new one:
``POST /oauth/v1/token`` (form: ``grant_type=refresh_token``, ``client_id``, ``client_secret``,
``refresh_token``) -> ``{"access_token", "refresh_token", "expires_in"}``
(developers.hubspot.com/docs/api/oauth/tokens). The app's credentials and the refresh token live in
the keyring entry ``("spectrum-sync", "hubspot:oauth")`` as JSON; the access token where every
adapter reads it (``("spectrum-sync", "hubspot")``). Nothing here is logged.

:class:`TokenRefresher` is handed to :class:`desktop.sync.http.ApiClient` as ``refresh``: on a 401
the client refreshes once and retries the request; without a stored refresh token (a private-app
token) it returns ``False`` and the caller sees :class:`AuthExpired` ("reconnect"), while the
outbox keeps its rows.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import keyring
import keyring.errors

from desktop.sync import credentials
from desktop.sync.errors import AuthExpired, Offline, Retryable

OAUTH_USER = "{provider}:oauth"


def save_oauth(provider: str, *, refresh_token: str, client_id: str, client_secret: str) -> None:
    """Store the OAuth app credentials and refresh token for ``provider`` in the keyring."""
    if not (refresh_token.strip() and client_id.strip() and client_secret.strip()):
        raise ValueError("refresh token, client id and client secret are all required")
    keyring.set_password(credentials.SERVICE, OAUTH_USER.format(provider=provider), json.dumps(
        {"refresh_token": refresh_token.strip(), "client_id": client_id.strip(),
         "client_secret": client_secret.strip()}))


def load_oauth(provider: str) -> dict[str, str] | None:
    """``{"refresh_token", "client_id", "client_secret"}`` or ``None`` (none stored / no keyring)."""
    try:
        raw = keyring.get_password(credentials.SERVICE, OAUTH_USER.format(provider=provider))
    except keyring.errors.KeyringError:
        return None
    try:
        data = json.loads(raw) if raw else None
    except ValueError:
        return None
    return data if isinstance(data, dict) and data.get("refresh_token") else None


class TokenRefresher:
    """Refreshes ``provider``'s access token through ``{base_url}/oauth/v1/token``.

    Args:
        client: the adapter's ``httpx.AsyncClient``.
        base_url: API root (``https://api.hubapi.com`` or the emulator).
    Calling the object (``await refresher()``) returns ``True`` when a new access token was stored,
    ``False`` when no refresh token is stored or HubSpot rejected it (the user must reconnect).
    Raises :class:`Retryable` / :class:`Offline` for transient failures. Concurrent calls share one
    refresh.
    """

    def __init__(self, client: httpx.AsyncClient, base_url: str, provider: str = "hubspot") -> None:
        self.client = client
        self.url = base_url.rstrip("/") + "/oauth/v1/token"
        self.provider = provider
        self._lock = asyncio.Lock()
        self.refreshed = 0

    async def __call__(self) -> bool:
        async with self._lock:
            oauth = load_oauth(self.provider)
            if oauth is None:
                return False
            form: dict[str, Any] = {"grant_type": "refresh_token", **oauth}
            try:
                response = await self.client.post(self.url, data=form,
                                                  headers={"accept": "application/json"})
            except httpx.ConnectError:
                raise Offline("token refresh: cannot connect") from None
            except httpx.TransportError as exc:
                raise Retryable(f"token refresh: {type(exc).__name__}") from None
            if response.status_code >= 500 or response.status_code == 429:
                raise Retryable(f"token refresh: HTTP {response.status_code}",
                                status=response.status_code)
            if response.status_code >= 400:
                return False  # refresh token revoked or app credentials wrong: reconnect
            try:
                body = response.json()
            except ValueError:
                raise Retryable("token refresh: invalid JSON body") from None
            access = body.get("access_token") if isinstance(body, dict) else None
            if not access:
                raise AuthExpired("token refresh: no access token in the answer")
            credentials.save_token(self.provider, access)
            if body.get("refresh_token") and body["refresh_token"] != oauth["refresh_token"]:
                save_oauth(self.provider, refresh_token=body["refresh_token"],
                           client_id=oauth["client_id"], client_secret=oauth["client_secret"])
            self.refreshed += 1
            return True
