"""The user's own mailbox over SMTP (sending) and IMAP (Sent folder, replies), with an app password
or (Gmail, Microsoft 365) an OAuth 2.0 access token through SASL XOAUTH2 (:mod:`desktop.outreach.oauth`).

Configuration (:class:`MailboxConfig`: address, hosts, ports, security, login, Sent folder) is kept
in the workspace setting ``mailbox`` as JSON - never the password, which lives only in the OS
keyring (service :data:`KEYRING_SERVICE`, username = the login). ``spectrum connect email`` writes
both (:mod:`desktop.cli.email`).

:class:`Mailbox` speaks the protocols with the standard library's ``smtplib`` and ``imaplib``
(RFC 5321 / RFC 3501): ``send`` hands one message to the SMTP server (accepted = the server's
250 reply to the end of DATA), ``file_sent`` appends it to the Sent folder (IMAP APPEND, flag
``\\Seen``) unless a message with its Message-ID is already there, and ``fetch_since`` reads new
messages' threading headers from INBOX for reply matching. Errors are translated at this boundary:
:class:`MailAuthError` (the login was refused: reconnect), :class:`MailRetryable` (unreachable,
timeout, 4xx: try again later), :class:`MailPermanent` (5xx for this message: dead-letter).
"""

from __future__ import annotations

import imaplib
import json
import smtplib
import socket
import ssl
from collections.abc import Callable
from dataclasses import asdict, dataclass
from email.message import EmailMessage
from typing import Any, Literal

import keyring
import keyring.errors

#: keyring service of mailbox app passwords (username: the login)
KEYRING_SERVICE = "spectrum-mail"
#: workspace setting that holds the :class:`MailboxConfig` JSON
SETTING_KEY = "mailbox"
#: seconds for one network operation
TIMEOUT_S = 20.0

Security = Literal["ssl", "starttls", "none"]
Auth = Literal["password", "xoauth2"]


class MailError(Exception):
    """A mailbox operation failed; ``str(exc)`` says what and what to do."""


class MailAuthError(MailError):
    """The server refused the login (wrong or revoked app password): ``spectrum connect email``."""


class MailRetryable(MailError):
    """The server is unreachable, timed out or answered 4xx: the message waits and is retried."""


class MailPermanent(MailError):
    """The server refused this message for good (5xx): it is dead-lettered with the reason."""


@dataclass(frozen=True)
class MailboxConfig:
    """Where and how to reach the user's mailbox (no secret).

    Attributes:
        address: the From address (``nina@example.com``). display_name: shown beside it.
        smtp_host / smtp_port / smtp_security: e.g. ``smtp.example.com``, 587, ``starttls``
            (``ssl``: implicit TLS, usually port 465; ``none``: plain, only for 127.0.0.1 / tests).
        imap_host / imap_port / imap_security: e.g. ``imap.example.com``, 993, ``ssl``.
        username: the login (default: the address). sent_folder: the IMAP Sent mailbox name.
        auth: ``password`` (an app password in the keyring) or ``xoauth2`` (OAuth: ``oauth_provider``
            ``gmail`` | ``m365``; ``token_url``: where access tokens are refreshed; the grant is in
            the keyring, see :mod:`desktop.outreach.oauth`).
    """

    address: str
    smtp_host: str
    smtp_port: int = 587
    smtp_security: Security = "starttls"
    imap_host: str = ""
    imap_port: int = 993
    imap_security: Security = "ssl"
    username: str = ""
    display_name: str = ""
    sent_folder: str = "Sent"
    auth: Auth = "password"
    oauth_provider: str = ""
    token_url: str = ""

    @property
    def login(self) -> str:
        """The login name (``username`` or the address)."""
        return self.username or self.address

    def to_json(self) -> str:
        """The JSON kept in the workspace setting."""
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str) -> MailboxConfig:
        """Parse :meth:`to_json`'s output. Raises ``ValueError`` on a bad shape."""
        try:
            return cls(**json.loads(text))
        except (TypeError, json.JSONDecodeError) as exc:
            raise ValueError(f"bad mailbox settings: {exc}") from exc

    def check(self) -> None:
        """Raise ``ValueError`` naming the first bad field (address, hosts, ports, security)."""
        if "@" not in self.address:
            raise ValueError(f"{self.address!r} is not an e-mail address")
        for name in ("smtp_host", "imap_host"):
            if not getattr(self, name):
                raise ValueError(f"{name.replace('_', ' ')} is missing")
        for name in ("smtp_port", "imap_port"):
            if not 0 < int(getattr(self, name)) < 65536:
                raise ValueError(f"{name.replace('_', ' ')} {getattr(self, name)} is not a port")
        for name in ("smtp_security", "imap_security"):
            if getattr(self, name) not in ("ssl", "starttls", "none"):
                raise ValueError(f"{name.replace('_', ' ')} must be ssl, starttls or none")
        if self.auth not in ("password", "xoauth2"):
            raise ValueError("auth must be password or xoauth2")
        if self.auth == "xoauth2" and not self.token_url.startswith(("https://", "http://127.0.0.1")):
            raise ValueError("an OAuth mailbox needs an https token endpoint (http only on 127.0.0.1)")


def save_password(login: str, password: str) -> None:
    """Store the app password for ``login`` in the OS keyring. Raises ``ValueError`` when empty,
    ``keyring.errors.KeyringError`` when no keyring works."""
    if not password.strip():
        raise ValueError("empty app password")
    keyring.set_password(KEYRING_SERVICE, login, password.strip())


def load_password(login: str) -> str | None:
    """The stored app password, or None (missing, or no keyring)."""
    try:
        return keyring.get_password(KEYRING_SERVICE, login)
    except keyring.errors.KeyringError:
        return None


class Mailbox:
    """SMTP + IMAP client for one :class:`MailboxConfig`; ``password`` is read from the keyring on
    each connection (a reconnect takes effect at once). Not thread-safe: one per worker.

    With ``config.auth == "xoauth2"`` both servers are logged in to with SASL XOAUTH2 and an access
    token from ``tokens`` (default: a :class:`desktop.outreach.oauth.TokenSource` over the keyring);
    a server refusing a token that was thought valid gets one fresh token and one more try."""

    def __init__(self, config: MailboxConfig, password: Callable[[], str | None] | None = None,
                 tokens: Any = None) -> None:
        self.config = config
        self._password = password or (lambda: load_password(config.login))
        self._smtp: smtplib.SMTP | None = None
        if tokens is None and config.auth == "xoauth2":
            from desktop.outreach.oauth import TokenSource  # oauth imports this module's errors

            tokens = TokenSource(config)
        self.tokens = tokens

    def _secret(self) -> str:
        pw = self._password()
        if not pw:
            raise MailAuthError(f"no app password for {self.config.login} in the keyring: "
                                "run `spectrum connect email`")
        return pw

    @property
    def _reconnect(self) -> str:
        if self.config.auth == "xoauth2":
            return f"run `spectrum connect email --provider {self.config.oauth_provider or 'gmail'}` again"
        return "run `spectrum connect email` with a new app password"

    def _xoauth2(self, attempt: Callable[[str], None]) -> None:
        """``attempt(sasl_text)`` with the current token, then once more with a refreshed one when
        the server refused it (``attempt`` raises ``_Refused``). Raises MailAuthError."""
        from desktop.outreach.oauth import xoauth2_string

        for force in (False, True):
            token = self.tokens.access_token(force_refresh=force)
            try:
                attempt(xoauth2_string(self.config.login, token))
                return
            except _Refused as exc:
                why = str(exc)
        raise MailAuthError(f"the mail server refused the OAuth token for {self.config.login} ({why}); "
                            f"{self._reconnect}")

    def _smtp_login(self, smtp: smtplib.SMTP) -> None:
        if self.config.auth != "xoauth2":
            smtp.login(self.config.login, self._secret())
            return

        def attempt(sasl: str) -> None:
            calls = iter((sasl,))

            def answer(challenge: bytes | None = None) -> str:
                # first the initial response; after an error challenge (a JSON status), an empty line
                return next(calls, "")
            try:
                smtp.ehlo_or_helo_if_needed()  # smtplib's auth() does not; without EHLO a 503 reads as success
                smtp.auth("XOAUTH2", answer, initial_response_ok=True)
            except smtplib.SMTPAuthenticationError as exc:
                raise _Refused(_text(exc)) from None
        self._xoauth2(attempt)

    def _imap_login(self, imap: imaplib.IMAP4) -> None:
        if self.config.auth != "xoauth2":
            imap.login(self.config.login, self._secret())
            return

        def attempt(sasl: str) -> None:
            calls = iter((sasl.encode(),))
            try:
                imap.authenticate("XOAUTH2", lambda challenge: next(calls, b""))
            except imaplib.IMAP4.error as exc:
                raise _Refused(_text(exc)) from None
        self._xoauth2(attempt)

    # -- SMTP ----------------------------------------------------------------------------------
    def _smtp_connect(self) -> smtplib.SMTP:
        c = self.config
        try:
            if c.smtp_security == "ssl":
                smtp: smtplib.SMTP = smtplib.SMTP_SSL(c.smtp_host, c.smtp_port, timeout=TIMEOUT_S,
                                                      context=ssl.create_default_context())
            else:
                smtp = smtplib.SMTP(c.smtp_host, c.smtp_port, timeout=TIMEOUT_S)
                if c.smtp_security == "starttls":
                    smtp.starttls(context=ssl.create_default_context())
        except (OSError, smtplib.SMTPException) as exc:
            raise MailRetryable(f"cannot reach {c.smtp_host}:{c.smtp_port}: {_text(exc)}") from exc
        try:
            try:
                self._smtp_login(smtp)
            except BaseException:
                smtp.close()
                raise
            return smtp
        except smtplib.SMTPAuthenticationError as exc:
            raise MailAuthError(f"the SMTP server refused the login for {c.login}: {_text(exc)}; "
                                f"{self._reconnect}") from exc
        except (OSError, smtplib.SMTPException) as exc:
            raise MailRetryable(f"cannot reach {c.smtp_host}:{c.smtp_port}: {_text(exc)}") from exc

    def send(self, msg: EmailMessage) -> None:
        """Hand ``msg`` to the SMTP server; returns once the server accepted it (250 after DATA).

        Raises: MailAuthError, MailRetryable (nothing was accepted; send again), MailPermanent
        (every recipient or the message refused with 5xx)."""
        if self._smtp is None:
            self._smtp = self._smtp_connect()
        try:
            refused = self._smtp.send_message(msg)
        except smtplib.SMTPServerDisconnected:
            self.close()
            self._smtp = self._smtp_connect()  # a kept connection timed out: once more, fresh
            try:
                refused = self._smtp.send_message(msg)
            except smtplib.SMTPException as exc:
                raise _smtp_error(exc) from exc
        except smtplib.SMTPException as exc:
            self.close()
            raise _smtp_error(exc) from exc
        except OSError as exc:
            self.close()
            raise MailRetryable(f"connection to {self.config.smtp_host} lost: {exc}") from exc
        if refused:
            raise MailPermanent("refused recipients: " + ", ".join(f"{k} ({v[0]})" for k, v in refused.items()))

    def close(self) -> None:
        """Close the kept SMTP connection (if any)."""
        smtp, self._smtp = self._smtp, None
        if smtp is not None:
            try:
                smtp.quit()
            except (OSError, smtplib.SMTPException):
                smtp.close()

    # -- IMAP ----------------------------------------------------------------------------------
    def _imap(self) -> imaplib.IMAP4:
        c = self.config
        try:
            if c.imap_security == "ssl":
                imap: imaplib.IMAP4 = imaplib.IMAP4_SSL(c.imap_host, c.imap_port, timeout=TIMEOUT_S,
                                                        ssl_context=ssl.create_default_context())
            else:
                imap = imaplib.IMAP4(c.imap_host, c.imap_port, timeout=TIMEOUT_S)
                if c.imap_security == "starttls":
                    imap.starttls(ssl_context=ssl.create_default_context())
        except (OSError, imaplib.IMAP4.error) as exc:
            raise MailRetryable(f"cannot reach {c.imap_host}:{c.imap_port}: {_text(exc)}") from exc
        try:
            self._imap_login(imap)
        except imaplib.IMAP4.error as exc:
            imap.shutdown()
            raise MailAuthError(f"the IMAP server refused the login for {c.login}: {_text(exc)}; "
                                f"{self._reconnect}") from exc
        except MailError:
            imap.shutdown()
            raise
        return imap

    def check(self) -> None:
        """Log in to both servers once (``spectrum connect email``). Raises MailAuthError /
        MailRetryable."""
        imap = self._imap()
        try:
            imap.logout()
        except (OSError, imaplib.IMAP4.error):
            pass
        self._smtp_connect().quit()

    def _session(self, work: Callable[[imaplib.IMAP4], Any]) -> Any:
        """Log in, run ``work(imap)``, log out; IMAP and socket errors become MailRetryable."""
        try:
            imap = self._imap()
            try:
                return work(imap)
            finally:
                _logout(imap)
        except (OSError, imaplib.IMAP4.error) as exc:
            raise MailRetryable(f"IMAP: {_text(exc)}") from exc

    def file_sent(self, msg: EmailMessage) -> bool:
        """Put ``msg`` in the Sent folder (created if missing) unless a message with its
        Message-ID is there already. Returns True when it appended. Raises MailRetryable."""
        folder = _quote(self.config.sent_folder)

        def work(imap: imaplib.IMAP4) -> bool:
            if imap.select(folder)[0] != "OK":
                imap.create(folder)
                imap.select(folder)
            if self._search_id(imap, msg["Message-ID"]):
                return False
            status, data = imap.append(folder, "(\\Seen)", None, msg.as_bytes())
            if status != "OK":
                raise MailRetryable(f"the IMAP server refused APPEND to {self.config.sent_folder}: {data}")
            return True
        return self._session(work)

    def in_sent(self, message_id: str) -> bool:
        """True when the Sent folder holds a message with ``message_id``. Raises MailRetryable."""
        def work(imap: imaplib.IMAP4) -> bool:
            if imap.select(_quote(self.config.sent_folder), readonly=True)[0] != "OK":
                return False
            return self._search_id(imap, message_id)
        return self._session(work)

    @staticmethod
    def _search_id(imap: imaplib.IMAP4, message_id: str) -> bool:
        status, data = imap.uid("SEARCH", "HEADER", "Message-ID", _quote(message_id))
        return status == "OK" and bool(data and data[0] and data[0].split())

    def fetch_since(self, last_uid: int, folder: str = "INBOX") -> tuple[int, list[dict[str, str]]]:
        """Messages in ``folder`` with UID > ``last_uid``: ``(new last uid, [{"uid", "from",
        "subject", "message_id", "in_reply_to", "references", "content_type", "auto"}])``
        (headers only; ``auto``: the ``Auto-Submitted`` header, for bounces). Raises MailRetryable."""
        from email.parser import BytesHeaderParser

        fields = "FROM SUBJECT MESSAGE-ID IN-REPLY-TO REFERENCES CONTENT-TYPE AUTO-SUBMITTED"

        def work(imap: imaplib.IMAP4) -> tuple[int, list[dict[str, str]]]:
            if imap.select(_quote(folder), readonly=True)[0] != "OK":
                return last_uid, []
            status, data = imap.uid("SEARCH", f"UID {last_uid + 1}:*")
            uids = [int(u) for u in (data[0] or b"").split()] if status == "OK" else []
            uids = [u for u in uids if u > last_uid]
            out = []
            for uid in uids:
                status, parts = imap.uid("FETCH", str(uid), f"(BODY.PEEK[HEADER.FIELDS ({fields})])")
                raw = next((p[1] for p in parts if isinstance(p, tuple)), b"") if status == "OK" else b""
                h = BytesHeaderParser().parsebytes(raw)
                out.append({"uid": str(uid), "from": str(h.get("From", "")), "subject": str(h.get("Subject", "")),
                            "message_id": str(h.get("Message-ID", "")).strip(),
                            "in_reply_to": str(h.get("In-Reply-To", "")).strip(),
                            "references": str(h.get("References", "")),
                            "content_type": str(h.get("Content-Type", "")),
                            "auto": str(h.get("Auto-Submitted", ""))})
            return max(uids, default=last_uid), out
        return self._session(work)


class _Refused(Exception):
    """The server refused one XOAUTH2 attempt (text: its answer, never the token)."""


def _quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _logout(imap: imaplib.IMAP4) -> None:
    try:
        imap.logout()
    except (OSError, imaplib.IMAP4.error):
        pass


def _text(exc: BaseException) -> str:
    if isinstance(exc, smtplib.SMTPResponseException):
        msg = exc.smtp_error.decode(errors="replace") if isinstance(exc.smtp_error, bytes) else str(exc.smtp_error)
        return f"{exc.smtp_code} {msg}"
    if isinstance(exc, socket.timeout):
        return "timed out"
    return str(exc) or type(exc).__name__


def _smtp_error(exc: smtplib.SMTPException) -> MailError:
    code = getattr(exc, "smtp_code", None)
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [v[0] for v in exc.recipients.values()]
        text = ", ".join(f"{k} ({v[0]} {v[1].decode(errors='replace')})" for k, v in exc.recipients.items())
        return (MailRetryable if all(400 <= c < 500 for c in codes) else MailPermanent)(f"recipient refused: {text}")
    if isinstance(code, int) and 500 <= code < 600:
        return MailPermanent(f"the SMTP server refused the message: {_text(exc)}")
    return MailRetryable(f"SMTP: {_text(exc)}")
