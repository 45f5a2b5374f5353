"""Gmail and Microsoft 365 mailboxes through OAuth 2.0 (issue 15): sign-in, tokens, XOAUTH2.

``spectrum connect email --provider gmail|m365`` runs the installed-app authorization-code flow with
PKCE (RFC 7636, ``S256``) and a loopback redirect (RFC 8252 section 7.3): :func:`sign_in` listens on
``http://127.0.0.1:<free port>/``, opens the provider's consent page in the browser (the URL is also
printed), receives ``?code=...&state=...`` there, and exchanges the code at the token endpoint
(RFC 6749 section 4.1.3) for an access token and a refresh token.

Secrets live only in the OS keyring: service :data:`desktop.outreach.mailbox.KEYRING_SERVICE`,
username ``oauth:<address>``, a JSON object ``{"client_id", "client_secret", "refresh_token",
"access_token", "expires_at"}`` (``expires_at``: POSIX seconds). The user registers their own OAuth
client with Google or Microsoft (see README "E-mail"); its id and secret are kept there too. Nothing
here is logged, and no token or code is ever put in the workspace, the audit log or an exception text.

:class:`TokenSource` hands SMTP and IMAP a valid access token: the stored one while it has more than
:data:`EXPIRY_MARGIN_S` left, else a new one from the refresh token (RFC 6749 section 6; transient
failures retried with tenacity). A refused refresh token (``invalid_grant``: revoked, expired, or the
client changed) raises :class:`~desktop.outreach.mailbox.MailAuthError` telling the user to run
``spectrum connect email --provider ...`` again.

The SASL XOAUTH2 initial response (Google "XOAUTH2 protocol", Microsoft "Authenticate an IMAP, POP or
SMTP connection using OAuth") is ``base64("user=" user "^Aauth=Bearer " token "^A^A")`` with ``^A`` =
``\\x01``: :func:`xoauth2_string` builds the text before base64 (smtplib and imaplib encode it).

This module speaks HTTP with the standard library (``urllib.request``) like :mod:`mailbox` speaks
SMTP and IMAP with ``smtplib`` / ``imaplib``: outreach may not import httpx or the sync layer (import
contracts), so the HubSpot refresher in :mod:`desktop.sync.oauth` (async, httpx) is not reused; the
refresh grant is the same RFC 6749 request.
"""

from __future__ import annotations

import base64
import hashlib
import http.server
import json
import os
import secrets
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import keyring
import keyring.errors
from tenacity import retry, retry_if_exception_type, stop_after_attempt, wait_exponential

from desktop.outreach.mailbox import KEYRING_SERVICE, MailAuthError, MailboxConfig, MailError, MailRetryable, Security

#: seconds before the stored expiry at which an access token is refreshed anyway
EXPIRY_MARGIN_S = 60.0
#: seconds for one token request
HTTP_TIMEOUT_S = 20.0
#: seconds :func:`sign_in` waits for the browser to come back
CONSENT_TIMEOUT_S = 300.0


class OAuthError(MailError):
    """The sign-in could not finish (denied consent, state mismatch, refused code, no browser reply)."""


@dataclass(frozen=True)
class Provider:
    """One OAuth mailbox provider's endpoints, scopes and mail servers.

    Attributes:
        name: ``gmail`` | ``m365``. title: shown to the user.
        auth_url / token_url: the authorization and token endpoints (overridable, see :func:`provider`).
        scopes: requested scopes (space-joined in the request).
        extra: extra authorization-request parameters (Google: ``access_type=offline`` and
            ``prompt=consent`` so a refresh token is returned).
        smtp / imap: ``(host, port, security)`` of the provider's servers.
        sent_folder: the IMAP folder of sent mail. secret_required: the token endpoint needs the
            client secret (Google desktop clients: yes; Microsoft public clients: no).
    """

    name: str
    title: str
    auth_url: str
    token_url: str
    scopes: tuple[str, ...]
    smtp: tuple[str, int, Security]
    imap: tuple[str, int, Security]
    sent_folder: str
    secret_required: bool
    extra: dict[str, str] = field(default_factory=dict)


_MS = "https://login.microsoftonline.com/{tenant}/oauth2/v2.0"
PROVIDERS: dict[str, Provider] = {
    # developers.google.com/identity/protocols/oauth2/native-app; scope for IMAP/SMTP:
    # developers.google.com/gmail/imap/xoauth2-protocol
    "gmail": Provider("gmail", "Gmail", "https://accounts.google.com/o/oauth2/v2/auth",
                      "https://oauth2.googleapis.com/token", ("https://mail.google.com/",),
                      ("smtp.gmail.com", 587, "starttls"), ("imap.gmail.com", 993, "ssl"), "[Gmail]/Sent Mail",
                      True, {"access_type": "offline", "prompt": "consent"}),
    # learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth
    "m365": Provider("m365", "Microsoft 365", _MS + "/authorize", _MS + "/token",
                     ("offline_access", "https://outlook.office.com/IMAP.AccessAsUser.All",
                      "https://outlook.office.com/SMTP.Send"),
                     ("smtp.office365.com", 587, "starttls"), ("outlook.office365.com", 993, "ssl"), "Sent Items",
                     False),
}


def provider(name: str, *, tenant: str = "common", auth_url: str | None = None,
             token_url: str | None = None) -> Provider:
    """``PROVIDERS[name]`` with its endpoints resolved: explicit arguments first, then the environment
    (``SPECTRUM_OAUTH_<NAME>_AUTH_URL`` / ``_TOKEN_URL``, e.g. ``SPECTRUM_OAUTH_GMAIL_TOKEN_URL``), then
    the provider's own (``{tenant}`` filled in for Microsoft). Raises ValueError for an unknown name."""
    if name not in PROVIDERS:
        raise ValueError(f"unknown provider {name!r}; expected one of {', '.join(PROVIDERS)}")
    p = PROVIDERS[name]
    env = f"SPECTRUM_OAUTH_{name.upper()}_"
    a = auth_url or os.environ.get(env + "AUTH_URL") or p.auth_url.format(tenant=tenant)
    t = token_url or os.environ.get(env + "TOKEN_URL") or p.token_url.format(tenant=tenant)
    return Provider(p.name, p.title, a, t, p.scopes, p.smtp, p.imap, p.sent_folder, p.secret_required, dict(p.extra))


def xoauth2_string(user: str, access_token: str) -> str:
    """The SASL XOAUTH2 initial client response before base64: ``user=U\\x01auth=Bearer T\\x01\\x01``."""
    return f"user={user}\x01auth=Bearer {access_token}\x01\x01"


# -- keyring ---------------------------------------------------------------------------------------
def _user(login: str) -> str:
    return f"oauth:{login}"


def save_grant(login: str, grant: dict[str, Any]) -> None:
    """Store ``grant`` (``client_id``, ``client_secret``, ``refresh_token``, ``access_token``,
    ``expires_at``) for ``login`` in the OS keyring. Raises ValueError without a client id or refresh
    token, ``keyring.errors.KeyringError`` when no keyring works."""
    if not grant.get("client_id") or not grant.get("refresh_token"):
        raise ValueError("an OAuth grant needs a client id and a refresh token")
    keyring.set_password(KEYRING_SERVICE, _user(login), json.dumps(grant))


def load_grant(login: str) -> dict[str, Any] | None:
    """The stored grant for ``login`` or None (none stored, unreadable, or no keyring)."""
    try:
        raw = keyring.get_password(KEYRING_SERVICE, _user(login))
    except keyring.errors.KeyringError:
        return None
    try:
        data = json.loads(raw) if raw else None
    except ValueError:
        return None
    return data if isinstance(data, dict) and data.get("refresh_token") else None


# -- the token endpoint ----------------------------------------------------------------------------
class _Transient(Exception):
    """A token request that may work when tried again (unreachable, timeout, 5xx, 429)."""


def _post_form(url: str, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
    """POST ``form`` to ``url``; returns ``(HTTP status, JSON body or {})``. Raises _Transient."""
    body = urllib.parse.urlencode(form).encode()
    req = urllib.request.Request(url, data=body, method="POST", headers={
        "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=HTTP_TIMEOUT_S) as resp:
            status, raw = resp.status, resp.read()
    except urllib.error.HTTPError as exc:
        status, raw = exc.code, exc.read()
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise _Transient(f"cannot reach {urllib.parse.urlsplit(url).netloc}: {reason}") from None
    if status >= 500 or status == 429:
        raise _Transient(f"{urllib.parse.urlsplit(url).netloc} answered HTTP {status}")
    try:
        data = json.loads(raw or b"{}")
    except ValueError:
        data = {}
    return status, data if isinstance(data, dict) else {}


_post_with_retries = retry(retry=retry_if_exception_type(_Transient), stop=stop_after_attempt(3),
                           wait=wait_exponential(multiplier=0.5, max=4.0), reraise=True)(_post_form)


def _grant_from(answer: dict[str, Any], now: float) -> dict[str, Any]:
    access = answer.get("access_token")
    if not isinstance(access, str) or not access:
        raise OAuthError("the token endpoint answered without an access token")
    return {"access_token": access, "expires_at": now + float(answer.get("expires_in") or 3600),
            "refresh_token": answer.get("refresh_token")}


def _refused(status: int, answer: dict[str, Any]) -> str:
    err = str(answer.get("error") or f"HTTP {status}")
    desc = str(answer.get("error_description") or "").split("\r\n")[0][:200]
    return f"{err}" + (f": {desc}" if desc else "")


# -- sign-in (authorization code + PKCE, loopback redirect) ----------------------------------------
@dataclass
class _Redirect:
    params: dict[str, str] | None = None
    done: threading.Event = field(default_factory=threading.Event)


def _loopback_server(result: _Redirect) -> http.server.HTTPServer:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            query = urllib.parse.urlsplit(self.path).query
            params = {k: v[0] for k, v in urllib.parse.parse_qs(query).items()}
            if "code" not in params and "error" not in params:
                self.send_error(404)
                return
            ok = "code" in params
            page = ("<h1>Spectrum is connected</h1><p>You can close this window.</p>" if ok else
                    "<h1>Spectrum was not connected</h1><p>The sign-in was cancelled. You can close this window.</p>")
            data = page.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            if result.params is None:
                result.params = params
                result.done.set()

        def log_message(self, format: str, *args: Any) -> None:  # the query holds the code: never logged
            return

    return http.server.HTTPServer(("127.0.0.1", 0), Handler)


def pkce_pair() -> tuple[str, str]:
    """``(code_verifier, code_challenge)``: a 64-byte random verifier (86 URL-safe characters, within
    RFC 7636's 43-128) and ``BASE64URL(SHA256(verifier))`` without padding (method ``S256``)."""
    verifier = secrets.token_urlsafe(64)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    return verifier, challenge


def sign_in(p: Provider, *, client_id: str, client_secret: str, login_hint: str,
            open_url: Callable[[str], Any], timeout_s: float = CONSENT_TIMEOUT_S,
            clock: Callable[[], float] = time.time) -> dict[str, Any]:
    """Run the consent flow for ``p`` and return the grant to store (see :func:`save_grant`).

    ``open_url(url)`` shows the consent page (the CLI opens the browser and prints the URL); the
    browser then calls ``http://127.0.0.1:<port>/?code=...&state=...``, served here on a thread.
    Raises OAuthError (consent denied, state mismatch, the code refused, no answer within
    ``timeout_s`` seconds), MailRetryable (the token endpoint is unreachable)."""
    verifier, challenge = pkce_pair()
    state = secrets.token_urlsafe(24)
    result = _Redirect()
    server = _loopback_server(result)
    redirect_uri = f"http://127.0.0.1:{server.server_address[1]}/"
    query = {"client_id": client_id, "redirect_uri": redirect_uri, "response_type": "code",
             "scope": " ".join(p.scopes), "state": state, "code_challenge": challenge,
             "code_challenge_method": "S256", "login_hint": login_hint, **p.extra}
    url = p.auth_url + ("&" if "?" in p.auth_url else "?") + urllib.parse.urlencode(query)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1},
                              name="oauth-loopback", daemon=True)
    thread.start()
    try:
        open_url(url)
        if not result.done.wait(timeout_s):
            raise OAuthError(f"no answer from the browser within {timeout_s:.0f} s; run the command again")
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
    params = result.params or {}
    if params.get("state") != state:
        raise OAuthError("the sign-in answer did not carry this sign-in's state; run the command again")
    if "error" in params:
        raise OAuthError(f"{p.title} did not grant access ({params['error']}"
                         + (f": {params['error_description']}" if params.get("error_description") else "") + ")")
    form = {"grant_type": "authorization_code", "code": params["code"], "redirect_uri": redirect_uri,
            "client_id": client_id, "code_verifier": verifier}
    if client_secret:
        form["client_secret"] = client_secret
    try:
        status, answer = _post_with_retries(p.token_url, form)
    except _Transient as exc:
        raise MailRetryable(f"token exchange: {exc}") from None
    if status >= 400:
        raise OAuthError(f"{p.title} refused the sign-in code ({_refused(status, answer)})")
    grant = _grant_from(answer, clock())
    if not grant.get("refresh_token"):
        raise OAuthError(f"{p.title} returned no refresh token (Google: the consent must ask for offline "
                         "access; Microsoft: the offline_access scope); run the command again")
    return {"client_id": client_id, "client_secret": client_secret, **grant}


# -- access tokens for SMTP / IMAP -----------------------------------------------------------------
class TokenSource:
    """Access tokens for one OAuth mailbox (:class:`MailboxConfig` with ``auth == "xoauth2"``).

    ``access_token()`` returns the stored token while it has more than :data:`EXPIRY_MARGIN_S`
    seconds left, else refreshes it at ``config.token_url`` and stores the new one (and a rotated
    refresh token) in the keyring. ``access_token(force_refresh=True)`` refreshes regardless (the
    server refused a token we thought valid). Thread-safe; ``clock`` returns POSIX seconds.

    Raises (from ``access_token``): MailAuthError (nothing stored, or the refresh token was refused:
    the message says to run ``spectrum connect email --provider ...`` again), MailRetryable (the token
    endpoint is unreachable or failing after 3 tries).
    """

    def __init__(self, config: MailboxConfig, *, clock: Callable[[], float] = time.time) -> None:
        self.config = config
        self.clock = clock
        self._lock = threading.Lock()
        self.refreshed = 0

    @property
    def reconnect(self) -> str:
        """The command that signs in again."""
        return f"spectrum connect email --provider {self.config.oauth_provider or 'gmail'} --address {self.config.address}"

    def access_token(self, force_refresh: bool = False) -> str:
        with self._lock:
            grant = load_grant(self.config.login)
            if grant is None:
                raise MailAuthError(f"no OAuth sign-in for {self.config.login} in the keyring: run `{self.reconnect}`")
            token = grant.get("access_token")
            if not force_refresh and token and float(grant.get("expires_at") or 0) - EXPIRY_MARGIN_S > self.clock():
                return str(token)
            return self._refresh(grant)

    def _refresh(self, grant: dict[str, Any]) -> str:
        form = {"grant_type": "refresh_token", "refresh_token": grant["refresh_token"],
                "client_id": grant["client_id"]}
        if grant.get("client_secret"):
            form["client_secret"] = grant["client_secret"]
        try:
            status, answer = _post_with_retries(self.config.token_url, form)
        except _Transient as exc:
            raise MailRetryable(f"token refresh: {exc}") from None
        if status >= 400:
            raise MailAuthError(f"the OAuth sign-in for {self.config.login} is no longer valid "
                                f"({_refused(status, answer)}): run `{self.reconnect}` again")
        try:
            fresh = _grant_from(answer, self.clock())
        except OAuthError as exc:
            raise MailRetryable(f"token refresh: {exc}") from None
        grant = {**grant, "access_token": fresh["access_token"], "expires_at": fresh["expires_at"],
                 "refresh_token": fresh.get("refresh_token") or grant["refresh_token"]}
        save_grant(self.config.login, grant)
        self.refreshed += 1
        return str(fresh["access_token"])
