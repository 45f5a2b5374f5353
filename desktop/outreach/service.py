"""Outreach as services for the CLI and the desktop backend: the outbox listing, undo send, the
sender loop, reply polling and settings. Each opens its own units of work (never on the UI thread)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from desktop.outreach.mailbox import Mailbox
from desktop.outreach.message import utc_now
from desktop.outreach.sender import Sender, mailbox_config, sender_lock
from desktop.store import email_outbox as eo
from desktop.store.db import Workspace


def outbox(workspace: Workspace, limit: int = 50) -> list[eo.EmailRow]:
    """The newest e-mail outbox rows, newest first."""
    with workspace.uow() as uow:
        return eo.listed(uow.session, limit)


def cancel(workspace: Workspace, row_id: int, *, actor: str = "user") -> tuple[bool, str]:
    """Undo send: cancel e-mail ``row_id`` if it has not left yet. Returns ``(cancelled, sentence)``
    (e.g. ``(False, "E-mail 7 to nina@x.com was already sent at 09:00:12 UTC")``)."""
    with workspace.uow() as uow:
        row = eo.cancel(uow.session, row_id, utc_now(), actor=actor, reason="cancelled by you")
        uow.commit()
        if row is not None:
            return True, f"Cancelled: the e-mail to {row.to_addr} ({row.subject}) will not be sent."
        other = eo.get(uow.session, row_id)
    if other is None:
        return False, f"no e-mail {row_id}"
    if other.status == "sent":
        return False, f"E-mail {row_id} to {other.to_addr} was already sent at {other.sent_at:%H:%M:%S} UTC"
    if other.status == "sending":
        return False, f"E-mail {row_id} to {other.to_addr} is being handed to the mail server; too late to cancel"
    return False, f"E-mail {row_id} is {other.status}" + (f": {other.reason}" if other.reason else "")


def set_settings(workspace: Workspace, *, undo_seconds: float | None = None,
                 daily_budget: int | None = None) -> dict[str, Any]:
    """Change the undo-send window (seconds, 0-120) and/or the daily send budget (e-mails, >= 0);
    returns both current values. Raises ValueError on a value out of range (nothing written)."""
    from desktop.store.executor import apply_change

    values: dict[str, str] = {}
    if undo_seconds is not None:
        if not 0 <= undo_seconds <= 120:
            raise ValueError("the undo window must be 0-120 seconds")
        values["email_undo_seconds"] = str(undo_seconds)
    if daily_budget is not None:
        if daily_budget < 0:
            raise ValueError("the daily budget must be 0 or more")
        values["email_daily_budget"] = str(daily_budget)
    if values:
        apply_change(workspace, lambda ses, ch: eo.put_settings(ses, values, ch), actor="user",
                     kind="setting", summary="E-mail settings: " + ", ".join(f"{k}={v}" for k, v in values.items()))
    with workspace.uow() as uow:
        f = eo.facts(uow.session, eo.EmailRow(0, "", "", "", "", "", None, None, None, None, None, None,
                                              utc_now(), None, None, None, 0, None), utc_now())
        return {"undo_seconds": eo.undo_seconds(uow.session), "daily_budget": f.daily_budget}


def mailbox(workspace: Workspace) -> Mailbox | None:
    """A :class:`Mailbox` for the connected account, or None when none is connected."""
    cfg = mailbox_config(workspace)
    return Mailbox(cfg) if cfg is not None else None


def send(workspace: Workspace, box: Mailbox, stop: threading.Event, *, watch: bool = False,
         data_dir: Any = None, on_event: Callable[[str, int, str], None] | None = None,
         replies_every_s: float | None = None, sequences_tick: Callable[[], Any] | None = None,
         sequences_every_s: float = 30.0) -> int:
    """Run the sender until ``stop`` (``watch``) or until nothing is queued; returns e-mails sent.
    ``data_dir``: where the one-sender lock lives (default: beside a SQLite workspace).
    ``replies_every_s``: with ``watch``, also read replies from INBOX this often (seconds).
    ``sequences_tick``: advances the e-mail sequences (:mod:`desktop.outreach.sequences`); run once
    at start (so sequences resume after a restart) and, with ``watch``, every ``sequences_every_s``
    seconds. Raises SenderBusy, MailAuthError."""
    from pathlib import Path

    sent = 0

    def count(kind: str, row_id: int, text: str) -> None:
        nonlocal sent
        sent += kind == "sent"
        if on_event:
            on_event(kind, row_id, text)

    folder = Path(data_dir) if data_dir else Path(workspace.engine.url.database or ".").resolve().parent
    with sender_lock(folder):
        poller = ticker = None
        if sequences_tick is not None:
            _tick_safely(sequences_tick)
            if watch:
                ticker = threading.Thread(target=_tick_loop, args=(sequences_tick, stop, sequences_every_s),
                                          name="email-sequences", daemon=True)
                ticker.start()
        if watch and replies_every_s:
            poller = threading.Thread(target=_poll_loop, args=(workspace, Mailbox(box.config), stop, replies_every_s),
                                      name="email-replies", daemon=True)
            poller.start()
        try:
            Sender(workspace, box, on_event=count).run(stop, until_idle=not watch)
        finally:
            stop.set()
            if poller is not None:
                poller.join(30)
            if ticker is not None:
                ticker.join(30)
    return sent


def _tick_safely(tick: Callable[[], Any]) -> None:
    import logging

    try:
        tick()
    except Exception:  # logged: the next tick tries again; sending goes on meanwhile
        logging.getLogger(__name__).exception("advancing the e-mail sequences failed")


def _tick_loop(tick: Callable[[], Any], stop: threading.Event, every_s: float) -> None:
    while not stop.wait(every_s):
        _tick_safely(tick)


def _poll_loop(workspace: Workspace, box: Mailbox, stop: threading.Event, every_s: float) -> None:
    import logging

    from desktop.outreach.mailbox import MailError

    while not stop.wait(every_s):
        try:
            poll_replies(workspace, box)
        except MailError as exc:
            logging.getLogger(__name__).warning("reading replies: %s", exc)


def poll_replies(workspace: Workspace, box: Mailbox) -> dict[str, int]:
    """Match new INBOX messages to sent e-mails (see :mod:`desktop.outreach.replies`)."""
    from desktop.outreach.replies import poll

    return poll(workspace, box)


def email_counts(workspace: Workspace) -> dict[str, dict[str, int]]:
    """Sent / replied / bounced / cancelled / blocked e-mails per agent (``"you"``: your own)."""
    with workspace.uow() as uow:
        return eo.counts_by(uow.session, "agent")
