"""Local mail servers on 127.0.0.1 (ephemeral ports) for the outreach tests and benchmarks:
SMTP from aiosmtpd (AUTH LOGIN/PLAIN without TLS, loopback only) and IMAP from pymap's in-memory
``dict`` backend, one asyncio loop in one thread. With ``bearer=callable(user, token) -> bool`` both
also offer SASL XOAUTH2 (``user=U^Aauth=Bearer T^A^A``) and accept a login only when ``bearer`` says
the token is valid; a refused XOAUTH2 SMTP login first sends Gmail's error challenge (base64 JSON),
then 535 after the client's empty line. Delivered messages are kept in ``smtp.messages``
(raw bytes) and can be put into the user's IMAP INBOX with :meth:`MailServers.deliver_to_inbox`."""

from __future__ import annotations

import argparse
import asyncio
import base64
import email
import imaplib
import json
import re
import threading
import time
from email.message import Message

from aiosmtpd.smtp import SMTP as SMTPProtocol
from aiosmtpd.smtp import AuthResult
from proxyprotocol.reader import ProxyProtocolReader
from pymap.backend.dict import DictBackend
from pymap.backend.dict import Login as DictLogin
from pymap.concurrent import Subsystem
from pymap.exceptions import InvalidAuth
from pymap.imap import IMAPServer
from pysasl import SASLAuth
from pysasl.creds.external import ExternalCredentials
from pysasl.mechanism.oauth import OAuth2Mechanism

USER, PASSWORD = "me@example.com", "app-pass-1234"
_XOAUTH2 = re.compile(rb"^user=(.*?)\x01auth=Bearer (.*?)\x01\x01$")


class _Handler:
    def __init__(self, bearer=None) -> None:
        self.bearer = bearer
        self.xoauth2_logins: list[tuple[str, bool]] = []  # (user, accepted)
        self.messages: list[bytes] = []
        self.on_data = None  # optional callable(raw bytes) run before the 250 reply
        self.on_stage = None  # optional callable("MAIL" | "RCPT" | "DATA") -> an SMTP reply to give instead
        self.lock = threading.Lock()
        self.delivered = threading.Condition(self.lock)

    async def auth_XOAUTH2(self, server, args):  # noqa: N802 - aiosmtpd's mechanism hook name
        if self.bearer is None:
            return AuthResult(success=False, handled=False, message="504 5.5.4 Unrecognized authentication type")
        blob = args[1].encode() if len(args) > 1 else await server.challenge_auth("")
        try:
            m = _XOAUTH2.match(base64.b64decode(blob, validate=True))
        except (ValueError, TypeError):
            m = None
        user = m.group(1).decode() if m else ""
        ok = bool(m) and self.bearer(user, m.group(2).decode())
        self.xoauth2_logins.append((user, ok))
        if ok:
            return AuthResult(success=True, auth_data=user)
        error = json.dumps({"status": "401", "schemes": "bearer", "scope": "https://mail.google.com/"})
        await server.challenge_auth(error)  # the client answers with an empty line
        return AuthResult(success=False, handled=False, message="535 5.7.8 Username and Password not accepted")

    async def handle_MAIL(self, server, session, envelope, address, mail_options):  # noqa: N802
        if self.on_stage is not None and (reply := self.on_stage("MAIL")):
            return reply
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if self.on_stage is not None and (reply := self.on_stage("RCPT")):
            return reply
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        raw = envelope.original_content or envelope.content
        if self.on_stage is not None and (reply := self.on_stage("DATA")):
            return reply
        if self.on_data is not None:
            reply = self.on_data(raw)
            if reply:
                return reply
        with self.delivered:
            self.messages.append(raw)
            self.delivered.notify_all()
        return "250 2.0.0 OK queued"


class _BearerLogin(DictLogin):
    """pymap's dict login that also takes XOAUTH2 (ExternalCredentials) checked by ``bearer``."""

    def __init__(self, config, base, bearer) -> None:
        super().__init__(config)
        self.users_dict, self.tokens_dict = base.users_dict, base.tokens_dict
        self._base, self._bearer = base, bearer
        self.xoauth2_logins: list[tuple[str, bool]] = []

    async def authenticate(self, credentials):
        if isinstance(credentials, ExternalCredentials):
            user = credentials.authzid
            ok = self._bearer(user, credentials._token or "")
            self.xoauth2_logins.append((user, ok))
            if not ok:
                raise InvalidAuth()
            from pymap.backend.dict import Identity

            return Identity(user, self._base, None, frozenset())
        return await self._base.authenticate(credentials)

    async def authorize(self, authenticated, authzid):
        return await self._base.authorize(authenticated, authzid)


class MailServers:
    """Start with :meth:`start`, stop with :meth:`stop` (the fixture does both)."""

    def __init__(self, bearer=None) -> None:
        self.bearer = bearer
        self.loop = asyncio.new_event_loop()
        self.smtp = _Handler(bearer)
        self.thread = threading.Thread(target=self._run, name="mailservers", daemon=True)
        self._ready = threading.Event()
        self.smtp_port = self.imap_port = 0
        self._servers: list = []

    def _auth(self, server, session, envelope, mechanism, auth_data) -> AuthResult:
        ok = auth_data.login == USER.encode() and auth_data.password == PASSWORD.encode()
        return AuthResult(success=ok, handled=False)

    async def _start(self) -> None:
        args = argparse.Namespace(host="127.0.0.1", port=0, debug=False, cert=None, key=None, tls=False,
                                  demo_data=False, demo_user=USER, demo_password=PASSWORD,
                                  passlib_cfg=None, proxy_protocol=None)
        backend, config = await DictBackend.init(args, secure_auth=False, cpu_subsystem=Subsystem.for_asyncio(),
                                                 invalid_user_sleep=0.0, reject_dnsbl=False)
        config.apply_context()
        login = backend.login
        if self.bearer is not None:
            mechanisms = list(SASLAuth.defaults().server_mechanisms) + [OAuth2Mechanism()]
            config.__class__ = type("XOAuth2Config", (type(config),),
                                    {"tls_auth": property(lambda _self: SASLAuth(mechanisms))})
            login = _BearerLogin(config, backend.login, self.bearer)
        cb = ProxyProtocolReader(config.proxy_protocol).get_callback(IMAPServer(login, config))
        imap = await asyncio.start_server(cb, "127.0.0.1", 0)
        smtp = await self.loop.create_server(
            lambda: SMTPProtocol(self.smtp, authenticator=self._auth, auth_require_tls=False,
                                 hostname="localhost"), "127.0.0.1", 0)
        self._servers = [imap, smtp]
        self.imap_port = imap.sockets[0].getsockname()[1]
        self.smtp_port = smtp.sockets[0].getsockname()[1]

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        self.loop.run_until_complete(self._start())
        self._ready.set()
        self.loop.run_forever()
        for srv in self._servers:
            srv.close()
        pending = [t for t in asyncio.all_tasks(self.loop) if not t.done()]
        for t in pending:
            t.cancel()
        self.loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
        self.loop.close()

    def start(self) -> MailServers:
        self.thread.start()
        if not self._ready.wait(20):
            raise RuntimeError("mail servers did not start")
        return self

    def stop(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)

    # -- helpers for assertions -------------------------------------------------------------------
    def delivered(self) -> list[Message]:
        with self.smtp.lock:
            return [email.message_from_bytes(m) for m in self.smtp.messages]

    def wait_delivered(self, n: int, timeout: float = 20.0) -> list[Message]:
        end = time.monotonic() + timeout
        with self.smtp.delivered:
            while len(self.smtp.messages) < n:
                left = end - time.monotonic()
                if left <= 0 or not self.smtp.delivered.wait(left):
                    break
        return self.delivered()

    def imap(self) -> imaplib.IMAP4:
        m = imaplib.IMAP4("127.0.0.1", self.imap_port, timeout=10)
        m.login(USER, PASSWORD)
        return m

    def folder(self, name: str) -> list[Message]:
        m = self.imap()
        try:
            if m.select(f'"{name}"', readonly=True)[0] != "OK":
                return []
            _, data = m.search(None, "ALL")
            out = []
            for num in (data[0] or b"").split():
                _, parts = m.fetch(num, "(BODY.PEEK[])")
                out.append(email.message_from_bytes(next(p[1] for p in parts if isinstance(p, tuple))))
            return out
        finally:
            m.logout()

    def deliver_to_inbox(self, raw: bytes) -> None:
        m = self.imap()
        try:
            m.append("INBOX", None, None, raw)
        finally:
            m.logout()
