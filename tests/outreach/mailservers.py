"""Local mail servers on 127.0.0.1 (ephemeral ports) for the outreach tests and benchmarks:
SMTP from aiosmtpd (AUTH LOGIN/PLAIN without TLS, loopback only) and IMAP from pymap's in-memory
``dict`` backend, one asyncio loop in one thread. Delivered messages are kept in ``smtp.messages``
(raw bytes) and can be put into the user's IMAP INBOX with :meth:`MailServers.deliver_to_inbox`."""

from __future__ import annotations

import argparse
import asyncio
import email
import imaplib
import threading
import time
from email.message import Message

from aiosmtpd.smtp import SMTP as SMTPProtocol
from aiosmtpd.smtp import AuthResult
from proxyprotocol.reader import ProxyProtocolReader
from pymap.backend.dict import DictBackend
from pymap.concurrent import Subsystem
from pymap.imap import IMAPServer

USER, PASSWORD = "me@example.com", "app-pass-1234"


class _Handler:
    def __init__(self) -> None:
        self.messages: list[bytes] = []
        self.on_data = None  # optional callable(raw bytes) run before the 250 reply
        self.on_stage = None  # optional callable("MAIL" | "RCPT" | "DATA") -> an SMTP reply to give instead
        self.lock = threading.Lock()
        self.delivered = threading.Condition(self.lock)

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


class MailServers:
    """Start with :meth:`start`, stop with :meth:`stop` (the fixture does both)."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.smtp = _Handler()
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
        cb = ProxyProtocolReader(config.proxy_protocol).get_callback(IMAPServer(backend.login, config))
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
