"""A local CRM emulator: HubSpot v3 and Pipedrive subsets over HTTP on 127.0.0.1.

Used by tests, benchmarks and ``spectrum sync --sandbox``. Standard library only
(``http.server.ThreadingHTTPServer`` in a daemon thread). Features:

- rate limits with the real headers: HubSpot rolling window (default 190 requests per 10 s,
  ``X-HubSpot-RateLimit-*``, 429 body with ``policyName``), HubSpot search 5 per second,
  Pipedrive fixed 2-second window (``x-ratelimit-*``, ``x-daily-requests-left``);
- fault injection at ``FaultConfig.rate`` with a seeded RNG: 429 + ``Retry-After``, 500/502/503,
  slow responses (timeouts), connections dropped before or *after* the write was applied, and
  truncated JSON bodies (also after the write was applied);
- counters for benchmarks: ``stats["requests"]``, ``stats["rate_limited"]``, ``stats["faults"]``;
- HubSpot OAuth: ``POST /oauth/v1/token`` (``grant_type=refresh_token``) exchanges a refresh token
  registered with :meth:`CrmEmulator.add_oauth_app` for a new access token (the old one stops
  working); :meth:`CrmEmulator.expire_token` makes the current access token expire.

Usage::

    with CrmEmulator(token="t") as emu:
        emu.hubspot.create("contacts", {"email": "a@b.co"})
        adapter = HubSpotAdapter(httpx.AsyncClient(), lambda: "t", base_url=emu.url)
"""

from __future__ import annotations

import collections
import json
import math
import random
import socket
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from desktop.sync.emulator_hubspot import HubSpotData
from desktop.sync.emulator_pipedrive import PipedriveData

FAULT_KINDS = ("429", "500", "502", "503", "timeout", "drop", "drop_after", "truncate")


@dataclass
class FaultConfig:
    """Fault injection. ``rate``: probability 0.0-1.0 per request; ``kinds``: drawn uniformly;
    ``delay_s``: how long a "timeout" fault stalls (set the client timeout below it);
    ``retry_after_s``: ``Retry-After`` of injected 429s (integer seconds per RFC 9110; 0 allowed)."""

    rate: float = 0.0
    seed: int = 0
    kinds: tuple[str, ...] = FAULT_KINDS
    delay_s: float = 0.5
    retry_after_s: int = 0


@dataclass
class RateLimit:
    """``max`` requests per ``interval_s`` seconds; ``None`` max disables the limit."""

    max: int | None
    interval_s: float
    daily: int = 500_000


class _Window:
    """Rolling (HubSpot) or fixed (Pipedrive) request window."""

    def __init__(self, limit: RateLimit, rolling: bool) -> None:
        self.limit, self.rolling = limit, rolling
        self.hits: collections.deque[float] = collections.deque()
        self.window_start = 0.0
        self.daily_used = 0

    def admit(self, now: float) -> tuple[bool, int, float]:
        """(allowed, remaining, seconds until capacity frees)."""
        lim = self.limit
        if lim.max is None:
            return True, 10**9, 0.0
        if self.rolling:
            while self.hits and self.hits[0] <= now - lim.interval_s:
                self.hits.popleft()
            wait = self.hits[0] + lim.interval_s - now if self.hits else 0.0
        else:
            if now - self.window_start >= lim.interval_s:
                self.window_start, self.hits = now, collections.deque()
            wait = self.window_start + lim.interval_s - now
        if len(self.hits) >= lim.max:
            return False, 0, max(0.0, wait)
        self.hits.append(now)
        self.daily_used += 1
        return True, lim.max - len(self.hits), max(0.0, wait)


class CrmEmulator:
    """The emulator server. Args: ``token`` accepted (Bearer for HubSpot, ``x-api-token`` for
    Pipedrive); ``hubspot_limit`` (default 190/10 s), ``search_limit`` (5/1 s),
    ``pipedrive_limit`` (80/2 s); ``faults``; ``latency_s`` added to every response;
    ``search_cap``: HubSpot search result cap (10,000)."""

    def __init__(self, *, token: str = "sandbox-token", hubspot_limit: RateLimit | None = None,
                 search_limit: RateLimit | None = None, pipedrive_limit: RateLimit | None = None,
                 faults: FaultConfig | None = None, latency_s: float = 0.0,
                 search_cap: int = 10_000, port: int = 0) -> None:
        self.token = token
        self.hubspot = HubSpotData(search_cap=search_cap)
        self.pipedrive = PipedriveData()
        self.faults = faults or FaultConfig()
        self.latency_s = latency_s
        self.lock = threading.RLock()
        self._rng = random.Random(self.faults.seed)
        self._windows = {
            "hubspot": _Window(hubspot_limit or RateLimit(190, 10.0), rolling=True),
            "search": _Window(search_limit or RateLimit(5, 1.0), rolling=True),
            "pipedrive": _Window(pipedrive_limit or RateLimit(80, 2.0), rolling=False),
        }
        self.stats: collections.Counter[str] = collections.Counter()
        self.log: list[tuple[str, str, int]] = []  # (method, path, status); never headers
        #: every request the CRM data saw: (method, path, decoded JSON body or None); never
        #: headers (tests check what an adapter sends, e.g. no null property value)
        self.requests: list[tuple[str, str, Any]] = []
        self._port = port
        self.oauth_apps: dict[str, tuple[str, str]] = {}  # client id -> (secret, refresh token)
        self._issued = 0
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """Base URL, e.g. ``http://127.0.0.1:54321``."""
        assert self._server is not None, "emulator not started"
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def start(self) -> CrmEmulator:
        """Bind and serve in a daemon thread."""
        handler = type("Handler", (_Handler,), {"emulator": self})
        self._server = ThreadingHTTPServer(("127.0.0.1", self._port), handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.05}, name="crm-emulator",
                                        daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and join the thread."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            assert self._thread is not None
            self._thread.join(timeout=5)
            self._server = None

    def __enter__(self) -> CrmEmulator:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def add_oauth_app(self, client_id: str, client_secret: str, refresh_token: str) -> None:
        """Accept ``refresh_token`` for this OAuth app at ``POST /oauth/v1/token``."""
        with self.lock:
            self.oauth_apps[client_id] = (client_secret, refresh_token)

    def expire_token(self) -> None:
        """The current access token stops working (401) until a refresh issues a new one."""
        with self.lock:
            self.token = f"expired-{self._issued}-{random.random()}"

    def _oauth_token(self, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        with self.lock:
            app = self.oauth_apps.get(form.get("client_id", ""))
            if (form.get("grant_type") != "refresh_token" or app is None
                    or app != (form.get("client_secret"), form.get("refresh_token"))):
                return 400, {"status": "BAD_REFRESH_TOKEN", "message": "missing or unknown refresh token"}
            self._issued += 1
            self.token = f"emulator-access-{self._issued}-{random.getrandbits(48):x}"
            return 200, {"access_token": self.token, "refresh_token": app[1],
                         "expires_in": 1800, "token_type": "bearer"}

    def set_fault_rate(self, rate: float) -> None:
        """Change the fault rate at run time (e.g. simulate the network coming back)."""
        with self.lock:
            self.faults.rate = rate

    def _draw_fault(self) -> str | None:
        with self.lock:
            if self.faults.rate and self._rng.random() < self.faults.rate:
                return self._rng.choice(self.faults.kinds)
        return None


class _Handler(BaseHTTPRequestHandler):
    emulator: CrmEmulator
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # small JSON answers must not wait for delayed ACKs

    def log_message(self, fmt: str, *args: Any) -> None:  # silence stderr access log
        pass

    def do_GET(self) -> None:
        try:
            self._serve()
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout): fine
            self.close_connection = True

    do_POST = do_PUT = do_PATCH = do_DELETE = do_GET

    def _serve(self) -> None:
        emu = self.emulator
        length = int(self.headers.get("content-length") or 0)
        raw = self.rfile.read(length) if length else b""
        parts = urlsplit(self.path)
        path, query = parts.path, dict(parse_qsl(parts.query))
        api = "hubspot" if path.startswith(("/crm/", "/oauth/")) else "pipedrive"
        if path == "/oauth/v1/token" and self.command == "POST":
            status, reply = emu._oauth_token(dict(parse_qsl(raw.decode())))
            return self._reply(status, reply, {})
        with emu.lock:
            emu.stats["requests"] += 1
            emu.stats[f"requests_{api}"] += 1
        if emu.latency_s:
            time.sleep(emu.latency_s)
        if not self._authorized(api):
            return self._reply(401, {"status": "error", "message": "Authentication credentials "
                                     "not found", "category": "INVALID_AUTHENTICATION"}, {})
        window_name = "search" if api == "hubspot" and path.endswith("/search") else api
        with emu.lock:
            ok, remaining, wait = emu._windows[window_name].admit(time.monotonic())
        headers = self._limit_headers(window_name, remaining, wait)
        if not ok:
            with emu.lock:
                emu.stats["rate_limited"] += 1
            return self._reply(429, _too_many(api, "SECONDLY"),
                               dict(headers, **{"Retry-After": str(max(1, math.ceil(wait)))}))
        fault = emu._draw_fault()
        if fault:
            with emu.lock:
                emu.stats["faults"] += 1
                emu.stats[f"fault_{fault}"] += 1
        if fault == "429":
            with emu.lock:
                emu.stats["rate_limited"] += 1
            return self._reply(429, _too_many(api, "SECONDLY"),
                               {"Retry-After": str(emu.faults.retry_after_s)})
        if fault in ("500", "502", "503"):
            return self._reply(int(fault), {"status": "error", "message": "upstream error"}, {})
        if fault == "drop":
            return self._drop()
        if fault == "timeout":
            time.sleep(emu.faults.delay_s)
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            return self._reply(400, {"status": "error", "message": "invalid JSON"}, headers)
        with emu.lock:
            emu.requests.append((self.command, path, body))
            data = emu.hubspot if api == "hubspot" else emu.pipedrive
            status, reply = data.handle(self.command, path, query, body)
        if fault == "drop_after":
            return self._drop()
        self._reply(status, reply, headers, truncate=fault == "truncate")

    def _authorized(self, api: str) -> bool:
        token = self.emulator.token
        if api == "hubspot":
            return self.headers.get("authorization") == f"Bearer {token}"
        return self.headers.get("x-api-token") == token or \
            self.headers.get("authorization") == f"Bearer {token}"

    def _limit_headers(self, window_name: str, remaining: int, wait: float) -> dict[str, str]:
        w = self.emulator._windows[window_name]
        if w.limit.max is None or window_name == "search":
            return {}
        if window_name == "hubspot":
            return {"X-HubSpot-RateLimit-Max": str(w.limit.max),
                    "X-HubSpot-RateLimit-Remaining": str(remaining),
                    "X-HubSpot-RateLimit-Interval-Milliseconds": str(int(w.limit.interval_s * 1000)),
                    "X-HubSpot-RateLimit-Daily": str(w.limit.daily),
                    "X-HubSpot-RateLimit-Daily-Remaining": str(max(0, w.limit.daily - w.daily_used))}
        out = {"x-ratelimit-limit": str(w.limit.max), "x-ratelimit-remaining": str(remaining),
               "x-ratelimit-reset": str(max(1, math.ceil(wait)))}
        if self.command in ("POST", "PUT", "PATCH"):
            out["x-daily-requests-left"] = str(max(0, 10_000 - w.daily_used))
        return out

    def _reply(self, status: int, body: Any, headers: dict[str, str], *, truncate: bool = False
               ) -> None:
        data = b"" if body is None else json.dumps(body).encode()
        if truncate and len(data) > 2:
            data = data[: len(data) // 2]
        with self.emulator.lock:
            self.emulator.log.append((self.command, urlsplit(self.path).path, status))
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        if data:
            self.send_header("Content-Type", "application/json;charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if data:
            self.wfile.write(data)

    def _drop(self) -> None:
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.close_connection = True


def _too_many(api: str, policy: str) -> dict[str, Any]:
    if api == "pipedrive":
        return {"success": False, "error": "Request over limit", "errorCode": 429}
    return {"status": "error", "message": "You have reached your secondly limit.",
            "errorType": "RATE_LIMIT", "policyName": policy, "correlationId": "emulator"}
