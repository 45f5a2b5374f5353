"""A fake OAuth 2.0 provider on 127.0.0.1 for the mailbox OAuth tests (Google / Microsoft shaped).

``GET /authorize`` plays the user's consent: it checks the request (client id, loopback redirect,
PKCE ``S256`` challenge, state) and answers 302 to ``redirect_uri?code=...&state=...``.
``POST /token`` takes ``authorization_code`` (the code, redirect URI, client secret and PKCE verifier
must match) and ``refresh_token`` grants, and answers like the providers: ``{"access_token",
"expires_in", "refresh_token", "token_type": "Bearer"}`` or 400 ``{"error": "invalid_grant"}``.
:meth:`FakeOAuth.valid` is what the fake SMTP / IMAP servers ask before accepting an XOAUTH2 login.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

CLIENT_ID, CLIENT_SECRET = "spectrum-test-client.apps.example", "client-secret-XYZ-123"


class FakeOAuth:
    """Start with :meth:`start`, stop with :meth:`stop`. ``ttl_s``: lifetime of access tokens."""

    def __init__(self, *, user: str, ttl_s: int = 3600, require_secret: bool = True) -> None:
        self.user, self.ttl_s, self.require_secret = user, ttl_s, require_secret
        self.lock = threading.Lock()
        self.codes: dict[str, dict[str, str]] = {}
        self.access: dict[str, float] = {}      # token -> expires (monotonic)
        self.refresh: set[str] = set()
        self.requests: list[tuple[str, dict[str, str]]] = []  # (path, params)
        self.issued: list[str] = []            # every access / refresh token and code handed out
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                return

            def _json(self, status: int, body: dict) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                url = urllib.parse.urlsplit(self.path)
                q = {k: v[0] for k, v in urllib.parse.parse_qs(url.query).items()}
                outer.requests.append((url.path, q))
                if url.path != "/authorize":
                    return self._json(404, {"error": "not_found"})
                redirect = q.get("redirect_uri", "")
                ok = (q.get("client_id") == CLIENT_ID and redirect.startswith("http://127.0.0.1:")
                      and q.get("code_challenge_method") == "S256" and q.get("code_challenge")
                      and q.get("response_type") == "code" and q.get("state"))
                if not ok:
                    return self._json(400, {"error": "invalid_request"})
                code = "code-" + secrets.token_urlsafe(16)
                with outer.lock:
                    outer.codes[code] = q
                    outer.issued.append(code)
                self.send_response(302)
                self.send_header("Location", redirect + "?" + urllib.parse.urlencode({"code": code, "state": q["state"]}))
                self.send_header("Content-Length", "0")
                self.end_headers()

            def do_POST(self):
                n = int(self.headers.get("Content-Length") or 0)
                form = {k: v[0] for k, v in urllib.parse.parse_qs(self.rfile.read(n).decode()).items()}
                outer.requests.append((self.path, form))
                if self.path != "/token" or form.get("client_id") != CLIENT_ID:
                    return self._json(400, {"error": "invalid_client"})
                if outer.require_secret and form.get("client_secret") != CLIENT_SECRET:
                    return self._json(401, {"error": "invalid_client"})
                with outer.lock:
                    if form.get("grant_type") == "authorization_code":
                        asked = outer.codes.pop(form.get("code", ""), None)
                        verifier = form.get("code_verifier", "")
                        challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
                        if asked is None or asked["redirect_uri"] != form.get("redirect_uri") or asked["code_challenge"] != challenge:
                            return self._json(400, {"error": "invalid_grant", "error_description": "Bad code."})
                        refresh = "1//refresh-" + secrets.token_urlsafe(24)
                        outer.refresh.add(refresh)
                        outer.issued.append(refresh)
                        return self._json(200, outer._new_access(refresh))
                    if form.get("grant_type") == "refresh_token":
                        if form.get("refresh_token") not in outer.refresh:
                            return self._json(400, {"error": "invalid_grant",
                                                    "error_description": "Token has been expired or revoked."})
                        body = outer._new_access(None)
                        return self._json(200, body)
                return self._json(400, {"error": "unsupported_grant_type"})

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.1},
                                       name="fake-oauth", daemon=True)

    def _new_access(self, refresh: str | None) -> dict:
        token = "ya29.access-" + secrets.token_urlsafe(24)
        self.access[token] = time.monotonic() + self.ttl_s
        self.issued.append(token)
        body = {"access_token": token, "expires_in": self.ttl_s, "token_type": "Bearer", "scope": "https://mail.google.com/"}
        if refresh:
            body["refresh_token"] = refresh
        return body

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def start(self) -> FakeOAuth:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)

    # -- what the mail servers and tests use ------------------------------------------------------
    def valid(self, user: str, token: str) -> bool:
        with self.lock:
            return user == self.user and self.access.get(token, 0) > time.monotonic()

    def expire_access_tokens(self) -> None:
        """Every access token handed out so far stops working (their hour is over)."""
        with self.lock:
            self.access.clear()

    def revoke(self) -> None:
        """The user revoked Spectrum's access: refresh and access tokens stop working."""
        with self.lock:
            self.refresh.clear()
            self.access.clear()

    def grants(self, kind: str) -> int:
        return sum(1 for path, form in self.requests if path == "/token" and form.get("grant_type") == kind)
