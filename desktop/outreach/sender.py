"""The sender: drains the e-mail outbox through the user's mailbox (the same outbox pattern as CRM
sync, :mod:`desktop.sync.worker`).

Each cycle (every ``poll_s``, default 50 ms):

1. queued e-mails of agents whose kill switch is on are cancelled (so a kill lands within one cycle);
2. for each queued e-mail whose undo window is over, the send-time rules
   (:func:`desktop.outreach.rules.decide`) block it, hold it, or let it go: it is *claimed*
   (``sending``, committed), handed to SMTP, and marked ``sent`` as soon as the server accepted it;
3. sent e-mails are filed in the Sent folder (IMAP APPEND, skipped when a message with the same
   Message-ID is there already).

Crash safety: the Message-ID is the idempotency key. A sender killed while an e-mail was
``sending`` leaves the row so; the next sender (:meth:`Sender.recover`, at start) looks for the
Message-ID in the Sent folder and sends it again, with the same Message-ID and bytes, only when it is
not there. Only one sender runs per workspace (:func:`sender_lock`: a lock file in the data folder).
"""

from __future__ import annotations

import fcntl
import logging
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from desktop.outreach import message, rules
from desktop.outreach.mailbox import SETTING_KEY, MailAuthError, Mailbox, MailboxConfig, MailError, MailPermanent
from desktop.store import email_outbox as eo
from desktop.store import queries
from desktop.store.db import Workspace

log = logging.getLogger(__name__)

#: seconds between attempts after a transient failure
RETRY_S = 30.0
#: ``run(until_idle=True)`` waits for e-mails due within this many seconds (undo windows), not for
#: those held longer (sending hours, tomorrow's budget, retries)
IDLE_HORIZON_S = 20.0


class SenderBusy(Exception):
    """Another sender holds this workspace's lock."""


@contextmanager
def sender_lock(data_dir: Path) -> Iterator[None]:
    """Hold ``<data_dir>/email-sender.lock`` (``fcntl.flock``; the OS releases it if the process
    dies). Raises :class:`SenderBusy` when another process holds it."""
    data_dir.mkdir(parents=True, exist_ok=True)
    fd = os.open(data_dir / "email-sender.lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise SenderBusy("another Spectrum process is sending this workspace's e-mail") from None
        yield
    finally:
        os.close(fd)


def mailbox_config(workspace: Workspace) -> MailboxConfig | None:
    """The connected mailbox's settings (workspace setting ``mailbox``), or None."""
    with workspace.uow() as uow:
        raw = queries.get_setting(uow.session, SETTING_KEY)
    return MailboxConfig.from_json(raw) if raw else None


@dataclass
class CycleReport:
    """What one :meth:`Sender.cycle` did: row ids per outcome, and the newest error."""

    sent: list[int] = field(default_factory=list)
    blocked: list[tuple[int, str]] = field(default_factory=list)
    held: list[tuple[int, str]] = field(default_factory=list)
    cancelled: list[int] = field(default_factory=list)
    failed: list[tuple[int, str]] = field(default_factory=list)
    error: str | None = None


class Sender:
    """Sends due e-mails of ``workspace`` through ``mailbox``.

    Args:
        clock: naive UTC now (tests pass a fake). on_event: called with ``(kind, row_id, text)`` for
            every sent / blocked / held / cancelled / failed e-mail (the app turns it into a signal).
    """

    def __init__(self, workspace: Workspace, mailbox: Mailbox, *, clock: Callable[[], datetime] | None = None,
                 on_event: Callable[[str, int, str], None] | None = None) -> None:
        self.ws, self.mailbox = workspace, mailbox
        self.clock = clock or message.utc_now
        self.on_event = on_event or (lambda *_: None)

    def recover(self) -> list[int]:
        """Settle rows a dead sender left ``sending``: found in the Sent folder -> ``sent``; else
        queued again (due now). Returns the ids requeued. Raises MailError when the Sent folder
        cannot be read (rows stay ``sending``; nothing is sent twice)."""
        with self.ws.uow() as uow:
            stuck = eo.recover(uow.session, self.clock())
        again = []
        for row in stuck:
            found = self.mailbox.in_sent(row.message_id)
            with self.ws.uow() as uow:
                if found:
                    eo.mark_sent(uow.session, row.id, self.clock())
                    eo.mark_filed(uow.session, row.id, self.clock())
                else:
                    eo.requeue(uow.session, row.id, self.clock())
                    again.append(row.id)
                uow.commit()
        return again

    def cancel_killed(self, report: CycleReport) -> None:
        """Cancel queued e-mails of agents whose kill switch (or the global one) is on."""
        with self.ws.uow() as uow:
            killed = eo.killed_agents(uow.session)
            if not killed:
                return
            now = self.clock()
            ids = eo.cancel_for_agents(uow.session, killed, now, "the agent's kill switch is on")
            uow.commit()
        for row_id in ids:
            report.cancelled.append(row_id)
            self.on_event("cancelled", row_id, "the agent's kill switch is on")

    def _decide(self, row: eo.EmailRow) -> rules.Decision:
        now = self.clock()
        with self.ws.uow() as uow:
            d = rules.decide(eo.facts(uow.session, row, now), now)
            if d.action == "block":
                eo.block(uow.session, row.id, now, d.reason)
            elif d.action == "hold":
                if d.until is None:
                    raise ValueError(f"e-mail #{row.id}: a hold decision without a time to try again")
                eo.hold(uow.session, row.id, d.until, d.reason)
            elif not eo.claim(uow.session, row.id, now):
                d = rules.Decision("skip")  # cancelled meanwhile
            uow.commit()
        return d

    def send_one(self, row: eo.EmailRow, report: CycleReport) -> None:
        """Rules, claim, SMTP, mark sent: one due row (filed in Sent at the end of the cycle)."""
        d = self._decide(row)
        if d.action == "block":
            report.blocked.append((row.id, d.reason))
            self.on_event("blocked", row.id, d.reason)
            return
        if d.action == "hold":
            report.held.append((row.id, d.reason))
            self.on_event("held", row.id, d.reason)
            return
        if d.action != "send":
            return
        msg = message.build(row, self.mailbox.config)
        try:
            self.mailbox.send(msg)
        except MailPermanent as exc:
            with self.ws.uow() as uow:
                eo.mark_dead(uow.session, row.id, self.clock(), str(exc))
                uow.commit()
            report.failed.append((row.id, str(exc)))
            self.on_event("failed", row.id, str(exc))
            return
        except MailError as exc:
            with self.ws.uow() as uow:
                eo.retry_later(uow.session, row.id, self.clock(), str(exc), RETRY_S)
                uow.commit()
            report.error = str(exc)
            self.on_event("retrying", row.id, str(exc))
            if isinstance(exc, MailAuthError):
                raise
            return
        with self.ws.uow() as uow:
            eo.mark_sent(uow.session, row.id, self.clock())
            uow.commit()
        report.sent.append(row.id)
        self.on_event("sent", row.id, row.to_addr)

    def _file(self, row_id: int, msg: Any) -> bool:
        try:
            self.mailbox.file_sent(msg)
        except MailError as exc:  # sent, not filed yet: tried again next cycle
            log.warning("e-mail %s sent but not filed in Sent: %s", row_id, exc)
            return False
        with self.ws.uow() as uow:
            eo.mark_filed(uow.session, row_id, self.clock())
            uow.commit()
        return True

    def cycle(self, *, file: bool = True) -> CycleReport:
        """One pass: kill switches, due rows, then (``file``) unfiled rows. Raises MailAuthError
        (the login was refused: nothing more can be sent until the user reconnects)."""
        report = CycleReport()
        self.cancel_killed(report)
        with self.ws.uow() as uow:
            rows = eo.due(uow.session, self.clock())
        for row in rows:
            self.send_one(row, report)
        if file:
            self.file_unfiled()
        return report

    def file_unfiled(self) -> int:
        """File every sent, unfiled row in the Sent folder (in batches of 20, until none is left or
        the server fails); returns how many were filed."""
        filed, after = 0, 0
        while True:
            with self.ws.uow() as uow:
                batch = eo.unfiled(uow.session, after_id=after)
            if not batch:
                return filed
            for row in batch:
                after = row.id
                filed += self._file(row.id, message.build(row, self.mailbox.config))

    def _filer(self, stop: threading.Event, poll_s: float) -> None:
        while not stop.wait(poll_s):
            try:
                self.file_unfiled()
            except Exception:
                log.exception("filing sent e-mails failed")

    def run(self, stop: threading.Event, *, poll_s: float = 0.05, until_idle: bool = False) -> None:
        """Recover, then cycle every ``poll_s`` seconds until ``stop`` is set (or, with
        ``until_idle``, until nothing is due within :data:`IDLE_HORIZON_S`). Transient errors are
        logged and retried; MailAuthError is raised."""
        # filing in the Sent folder (IMAP, slower) runs beside sending, so it never delays a send
        filer_stop = threading.Event()
        filer = threading.Thread(target=self._filer, args=(filer_stop, max(poll_s, 0.1)),
                                 name="email-filer", daemon=True)
        filer.start()
        try:
            self._loop(stop, poll_s, until_idle)
        finally:
            filer_stop.set()
            filer.join()
            self.file_unfiled()
            self.mailbox.close()

    def _loop(self, stop: threading.Event, poll_s: float, until_idle: bool) -> None:
        recovered = False
        while not stop.is_set():
            if not recovered:
                try:
                    self.recover()
                    recovered = True
                except MailAuthError:
                    raise
                except MailError as exc:
                    log.warning("cannot check the Sent folder yet: %s", exc)
            try:
                self.cycle(file=False)
            except MailAuthError:
                raise
            except MailError as exc:
                log.warning("e-mail sender: %s", exc)
            if until_idle:
                with self.ws.uow() as uow:
                    nxt = eo.next_due_at(uow.session)
                    if (nxt is None or nxt > self.clock() + timedelta(seconds=IDLE_HORIZON_S)) \
                            and not eo.recover(uow.session, self.clock()):
                        break
            stop.wait(poll_s)
