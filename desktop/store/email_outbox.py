"""The e-mail outbox: e-mails waiting to be sent from the user's mailbox (issue 15).

Rows (:class:`desktop.store.schema.EmailOutboxItem`) are written by :func:`queue` inside the
executor's unit of work, in the same transaction as the e-mail activity and the plan's audit entry.
The sender (:mod:`desktop.outreach.sender`) drains them with the functions below, each one short
transaction of its own:

``queued`` --(undo window over, rules pass, :func:`claim`)--> ``sending`` --(SMTP accepted,
:func:`mark_sent`)--> ``sent``; ``queued`` --(:func:`cancel`)--> ``cancelled``; ``queued``
--(a send-time rule refuses, :func:`block`)--> ``blocked``; ``queued`` --(:func:`hold`: sending hours,
daily budget)--> ``queued`` later. A row left ``sending`` by a sender that died is given back by
:func:`recover` (sent again with the same Message-ID unless the Sent folder already has it).
Every cancel, block and send is an audit entry.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, Result, func, select, update
from sqlalchemy.orm import Session

from desktop.store import schema as s
from desktop.store.errors import RecordNotFound
from desktop.store.executor import commit_changes, snapshot

#: seconds an e-mail waits after confirmation before it is sent (workspace setting ``email_undo_seconds``)
DEFAULT_UNDO_S = 10.0
#: statuses of rows that may still be sent
OPEN = ("queued", "sending")


@dataclass(frozen=True)
class EmailRow:
    """One outbox row as plain data (dates naive UTC)."""

    id: int
    message_id: str
    status: str
    to_addr: str
    subject: str
    body: str
    contact_id: int | None
    deal_id: int | None
    agent: str | None
    in_reply_to: str | None
    references: str | None
    not_before: datetime | None
    created_at: datetime
    sent_at: datetime | None
    filed_at: datetime | None
    replied_at: datetime | None
    attempts: int
    reason: str | None
    bounced_at: datetime | None = None
    #: the sequence enrollment, step position and A/B variant (None: not a sequence e-mail)
    enrollment_id: int | None = None
    seq_step: int | None = None
    variant: str | None = None


def _row(r: s.EmailOutboxItem) -> EmailRow:
    return EmailRow(r.id, r.message_id, r.status, r.to_addr, r.subject, r.body, r.contact_id, r.deal_id,
                    r.agent, r.in_reply_to, r.references, r.not_before, r.created_at, r.sent_at,
                    r.filed_at, r.replied_at, r.attempts, r.last_error, r.bounced_at, r.enrollment_id, r.seq_step,
                    r.variant)


def new_message_id(sender: str | None) -> str:
    """A new RFC 5322 Message-ID, ``<32 hex digits@domain of sender>`` (``spectrum.invalid`` when
    no sender address is known)."""
    domain = (sender or "").rpartition("@")[2].strip().strip(">") or "spectrum.invalid"
    return f"<{uuid.uuid4().hex}@{domain}>"


def undo_seconds(session: Session) -> float:
    """The undo-send window in seconds (setting ``email_undo_seconds``, default 10)."""
    v = session.get(s.Setting, "email_undo_seconds")
    try:
        return max(0.0, float(v.value)) if v is not None else DEFAULT_UNDO_S
    except ValueError:
        return DEFAULT_UNDO_S


def thread_of(session: Session, in_reply_to: str | None) -> str | None:
    """The ``References`` header for a reply to ``in_reply_to``: the earlier message's references
    plus its Message-ID (RFC 5322 section 3.6.4), or just ``in_reply_to`` when it is not ours."""
    if not in_reply_to:
        return None
    prior = session.execute(select(s.EmailOutboxItem.references).where(
        s.EmailOutboxItem.message_id == in_reply_to)).scalar()
    return f"{prior} {in_reply_to}" if prior else in_reply_to


def queue(session: Session, *, now: datetime, actor: str, agent: str | None, contact_id: int | None,
          deal_id: int | None, activity_id: int | None, to_addr: str, subject: str, body: str,
          in_reply_to: str | None, sender: str | None, enrollment_id: int | None = None,
          seq_step: int | None = None, variant: str | None = None) -> s.EmailOutboxItem:
    """Add a ``queued`` row (in the caller's unit of work) that may be sent after the undo window;
    ``enrollment_id`` / ``seq_step`` / ``variant``: the sequence step it sends, if any.
    Returns the row (flushed: ``id`` and ``message_id`` set)."""
    item = s.EmailOutboxItem(
        created_at=now, message_id=new_message_id(sender), actor=actor, agent=agent,
        contact_id=contact_id, deal_id=deal_id, activity_id=activity_id, to_addr=to_addr,
        subject=subject, body=body, in_reply_to=in_reply_to, references=thread_of(session, in_reply_to),
        status="queued", not_before=now + timedelta(seconds=undo_seconds(session)), attempts=0,
        enrollment_id=enrollment_id, seq_step=seq_step, variant=variant)
    session.add(item)
    session.flush()
    return item


def get(session: Session, row_id: int) -> EmailRow | None:
    """One row, or None."""
    r = session.get(s.EmailOutboxItem, row_id)
    return _row(r) if r is not None else None


def by_message_id(session: Session, message_id: str) -> EmailRow | None:
    """The row sent (or to be sent) with ``message_id``, or None."""
    r = session.execute(select(s.EmailOutboxItem).where(
        s.EmailOutboxItem.message_id == message_id)).scalar()
    return _row(r) if r is not None else None


def due(session: Session, now: datetime, limit: int = 20) -> list[EmailRow]:
    """Queued rows whose ``not_before`` has passed, oldest first."""
    q = select(s.EmailOutboxItem).where(s.EmailOutboxItem.status == "queued",
                                        s.EmailOutboxItem.not_before <= now).order_by(s.EmailOutboxItem.id)
    return [_row(r) for r in session.execute(q.limit(limit)).scalars()]


def queued(session: Session) -> list[EmailRow]:
    """Every ``queued`` row (due or not), oldest first."""
    return [_row(r) for r in session.execute(select(s.EmailOutboxItem).where(
        s.EmailOutboxItem.status == "queued").order_by(s.EmailOutboxItem.id)).scalars()]


def next_due_at(session: Session) -> datetime | None:
    """When the earliest queued row becomes due, or None."""
    return session.execute(select(func.min(s.EmailOutboxItem.not_before)).where(
        s.EmailOutboxItem.status == "queued")).scalar()


def listed(session: Session, limit: int = 50) -> list[EmailRow]:
    """The newest rows, newest first."""
    return [_row(r) for r in session.execute(select(s.EmailOutboxItem).order_by(
        s.EmailOutboxItem.id.desc()).limit(limit)).scalars()]


def _item(session: Session, row_id: int) -> s.EmailOutboxItem:
    """The outbox row ``row_id``; :class:`RecordNotFound` when it was deleted meanwhile."""
    r = session.get(s.EmailOutboxItem, row_id)
    if r is None:
        raise RecordNotFound(f"no e-mail outbox row #{row_id}", "it may have been removed; see `spectrum email list`")
    return r


def _rowcount(result: Result[Any]) -> int:
    """Rows an UPDATE matched (an UPDATE's result is a CursorResult, typed as a plain Result)."""
    return int(cast("CursorResult[Any]", result).rowcount)


def _audit(session: Session, now: datetime, actor: str, kind: str, row: s.EmailOutboxItem, summary: str,
           changes: list[dict[str, Any]] | None = None, **extra: Any) -> None:
    commit_changes(session, changes or [], actor=actor, kind=kind, summary=summary[:200],
                   payload={"email": row.id, "message_id": row.message_id, "to": row.to_addr,
                            "subject": row.subject, **extra}, now=now, push=bool(changes))


def _drop_activity(session: Session, row: s.EmailOutboxItem) -> list[dict[str, Any]]:
    """An e-mail that never left is no activity: delete the one the executor logged (the deletion
    goes to the CRM outbox too)."""
    act = session.get(s.Activity, row.activity_id) if row.activity_id is not None else None
    if act is None:
        return []
    before = snapshot(act)
    session.delete(act)
    session.flush()
    return [{"entity": "activity", "id": before["id"], "op": "delete", "before": before, "after": None}]


def claim(session: Session, row_id: int, now: datetime) -> bool:
    """Move a due ``queued`` row to ``sending`` (one attempt more). False when it was cancelled,
    blocked or claimed meanwhile: the caller must not send it."""
    return _rowcount(session.execute(update(s.EmailOutboxItem).where(
        s.EmailOutboxItem.id == row_id, s.EmailOutboxItem.status == "queued",
        s.EmailOutboxItem.not_before <= now).values(
        status="sending", attempts=s.EmailOutboxItem.attempts + 1))) == 1


def mark_sent(session: Session, row_id: int, now: datetime) -> None:
    """SMTP accepted the message: ``sent`` (audit entry ``email_sent``)."""
    r = _item(session, row_id)
    r.status, r.sent_at, r.last_error = "sent", now, None
    _audit(session, now, r.actor, "email_sent", r, f"E-mail sent to {r.to_addr}: {r.subject}")


def mark_filed(session: Session, row_id: int, now: datetime) -> None:
    """The message is in the user's Sent folder (IMAP APPEND done, or found there)."""
    _item(session, row_id).filed_at = now


def unfiled(session: Session, limit: int = 20, after_id: int = 0) -> list[EmailRow]:
    """Sent rows not yet in the Sent folder, id order, ids above ``after_id``."""
    return [_row(r) for r in session.execute(select(s.EmailOutboxItem).where(
        s.EmailOutboxItem.status == "sent", s.EmailOutboxItem.filed_at.is_(None),
        s.EmailOutboxItem.id > after_id).order_by(
        s.EmailOutboxItem.id).limit(limit)).scalars()]


def retry_later(session: Session, row_id: int, now: datetime, error: str, delay_s: float) -> None:
    """A transient failure (server unreachable): ``queued`` again after ``delay_s`` seconds."""
    r = _item(session, row_id)
    r.status, r.last_error = "queued", error[:2000]
    r.not_before = now + timedelta(seconds=delay_s)


def mark_dead(session: Session, row_id: int, now: datetime, reason: str) -> None:
    """The server refused the message for good (``dead``, with its reason; audit ``email_failed``)."""
    r = _item(session, row_id)
    r.status, r.last_error = "dead", reason[:2000]
    _audit(session, now, r.actor, "email_failed", r, f"E-mail to {r.to_addr} failed: {reason}",
           _drop_activity(session, r))


def block(session: Session, row_id: int, now: datetime, reason: str) -> bool:
    """A send-time rule refused a ``queued`` row: ``blocked`` with ``reason`` (audit
    ``email_blocked``). False when the row was no longer queued."""
    r = session.get(s.EmailOutboxItem, row_id)
    if r is None or r.status != "queued":
        return False
    r.status, r.last_error = "blocked", reason[:2000]
    _audit(session, now, "spectrum", "email_blocked", r, f"E-mail to {r.to_addr} blocked: {reason}",
           _drop_activity(session, r), reason=reason)
    return True


def hold(session: Session, row_id: int, until: datetime, reason: str) -> None:
    """Keep a ``queued`` row waiting until ``until`` (sending hours, daily budget), with ``reason``."""
    r = session.get(s.EmailOutboxItem, row_id)
    if r is not None and r.status == "queued":
        r.not_before, r.last_error = until, reason[:2000]


def cancel(session: Session, row_id: int, now: datetime, *, actor: str, reason: str) -> EmailRow | None:
    """Cancel a ``queued`` row (undo send, kill switch, a stopped sequence): ``cancelled`` with
    ``reason`` (audit ``email_cancelled``). Returns the row, or None when it could not be cancelled
    any more (already sending or sent, or unknown)."""
    done = _rowcount(session.execute(update(s.EmailOutboxItem).where(
        s.EmailOutboxItem.id == row_id, s.EmailOutboxItem.status == "queued").values(
        status="cancelled", last_error=reason[:2000])))
    if not done:
        return None
    r = _item(session, row_id)
    session.refresh(r)
    _audit(session, now, actor, "email_cancelled", r, f"E-mail to {r.to_addr} cancelled: {reason}",
           _drop_activity(session, r), reason=reason)
    return _row(r)


def cancel_for_agents(session: Session, agents: set[str], now: datetime, reason: str) -> list[int]:
    """Cancel every queued row proposed by one of ``agents`` (``"*"``: by any agent), with their
    activities, in one audit entry (``email_cancelled``); returns the ids."""
    q = select(s.EmailOutboxItem).where(s.EmailOutboxItem.status == "queued",
                                        s.EmailOutboxItem.agent.is_not(None))
    if "*" not in agents:
        q = q.where(s.EmailOutboxItem.agent.in_(sorted(agents)))
    rows = list(session.execute(q.with_for_update()).scalars())
    if not rows:
        return []
    changes: list[dict[str, Any]] = []
    for r in rows:
        r.status, r.last_error = "cancelled", reason[:2000]
        changes += _drop_activity(session, r)
    session.flush()
    who = ", ".join(sorted({r.agent for r in rows if r.agent is not None}))
    commit_changes(session, changes, actor="spectrum", kind="email_cancelled",
                   summary=f"{len(rows)} e-mail(s) of {who} cancelled: {reason}"[:200],
                   payload={"emails": [r.id for r in rows], "message_ids": [r.message_id for r in rows],
                            "reason": reason}, now=now, push=bool(changes))
    return [r.id for r in rows]


def recover(session: Session, now: datetime) -> list[EmailRow]:
    """Rows left ``sending`` by a sender that died; the caller decides (found in Sent -> sent,
    else queued again)."""
    return [_row(r) for r in session.execute(select(s.EmailOutboxItem).where(
        s.EmailOutboxItem.status == "sending").order_by(s.EmailOutboxItem.id)).scalars()]


def requeue(session: Session, row_id: int, now: datetime) -> None:
    """Give a ``sending`` row back to the queue (due now, same Message-ID)."""
    session.execute(update(s.EmailOutboxItem).where(
        s.EmailOutboxItem.id == row_id, s.EmailOutboxItem.status == "sending").values(
        status="queued", not_before=now))


@dataclass(frozen=True)
class SendFacts:
    """What the send-time rules (:mod:`desktop.outreach.rules`) need about one queued row.

    Attributes:
        contact_name: "First Last" ('' when the row names no contact). do_not_contact: the flag.
        consent_withdrawn: the newest consent record for e-mail (channel ``email`` or ``any``) is a
            withdrawal. time_zone: the contact's IANA zone or None. last_sent_at: when this contact
            was last sent an e-mail (another row), naive UTC, or None. is_reply: the row answers a
            message (``In-Reply-To``). sent_today: e-mails sent since ``day_start`` (UTC).
        daily_budget: setting ``email_daily_budget`` (default 50). agent / agent_killed: the
            proposing agent and whether its (or the global) kill switch is on.
    """

    contact_name: str
    do_not_contact: bool
    consent_withdrawn: bool
    time_zone: str | None
    last_sent_at: datetime | None
    is_reply: bool
    sent_today: int
    daily_budget: int
    agent: str | None
    agent_killed: bool


#: default daily send budget (setting ``email_daily_budget``)
DEFAULT_DAILY_BUDGET = 50


def killed_agents(session: Session) -> set[str]:
    """Names of agents whose kill switch is on (``"*"``: the global one)."""
    return set(session.execute(select(s.AgentState.name).where(s.AgentState.killed.is_(True))).scalars())


def facts(session: Session, row: EmailRow, now: datetime) -> SendFacts:
    """The :class:`SendFacts` of ``row`` at ``now`` (naive UTC)."""
    c = session.get(s.Contact, row.contact_id) if row.contact_id is not None else None
    withdrawn = False
    last = None
    if c is not None:
        newest = session.execute(select(s.Consent.granted).where(
            s.Consent.contact_id == c.id, s.Consent.channel.in_(("email", "any"))).order_by(
            s.Consent.at.desc(), s.Consent.id.desc()).limit(1)).scalar()
        withdrawn = newest is False
        last = session.execute(select(func.max(s.EmailOutboxItem.sent_at)).where(
            s.EmailOutboxItem.contact_id == c.id, s.EmailOutboxItem.id != row.id,
            s.EmailOutboxItem.status == "sent")).scalar()
    day_start = now.replace(hour=0, minute=0, second=0, microsecond=0)
    sent_today = session.execute(select(func.count()).select_from(s.EmailOutboxItem).where(
        s.EmailOutboxItem.status == "sent", s.EmailOutboxItem.sent_at >= day_start)).scalar_one()
    budget = session.get(s.Setting, "email_daily_budget")
    try:
        daily = int(budget.value) if budget is not None else DEFAULT_DAILY_BUDGET
    except ValueError:
        daily = DEFAULT_DAILY_BUDGET
    killed = killed_agents(session) if row.agent else set()
    return SendFacts(contact_name=f"{c.first_name} {c.last_name}".strip() if c is not None else "",
                     do_not_contact=bool(c.do_not_contact) if c is not None else False,
                     consent_withdrawn=withdrawn, time_zone=c.time_zone if c is not None else None,
                     last_sent_at=last, is_reply=bool(row.in_reply_to), sent_today=int(sent_today),
                     daily_budget=daily, agent=row.agent,
                     agent_killed=bool(row.agent) and (row.agent in killed or "*" in killed))


def counts_by(session: Session, key: str = "agent") -> dict[str, dict[str, int]]:
    """Sent / replied / bounced / cancelled / blocked per ``agent`` (``"you"`` for the user's own
    e-mails): ``{name: {"sent": n, "replied": n, "bounced": n, "cancelled": n, "blocked": n}}``."""
    out: dict[str, dict[str, int]] = {}
    for r in session.execute(select(s.EmailOutboxItem)).scalars():
        name = getattr(r, key) or "you"
        d = out.setdefault(name, {"sent": 0, "replied": 0, "bounced": 0, "cancelled": 0, "blocked": 0})
        if r.status == "sent":
            d["sent"] += 1
        if r.status in ("cancelled", "blocked"):
            d[r.status] += 1
        d["replied"] += r.replied_at is not None
        d["bounced"] += r.bounced_at is not None
    return out


def put_settings(session: Session, values: dict[str, str], changes: Any) -> None:
    """Write workspace settings (``{key: value}``; never secrets) and record each change in
    ``changes`` (an executor ``ChangeSet``) for the audit entry."""
    for key, value in values.items():
        row = session.get(s.Setting, key)
        before = None if row is None else {"value": row.value}
        session.merge(s.Setting(key=key, value=value))
        changes.record("setting", key, "update" if row is not None else "create", before, {"value": value})


def match_sent(session: Session, message_ids: list[str]) -> EmailRow | None:
    """The newest sent row whose Message-ID is among ``message_ids`` (a reply's In-Reply-To and
    References), or None."""
    if not message_ids:
        return None
    r = session.execute(select(s.EmailOutboxItem).where(
        s.EmailOutboxItem.message_id.in_(message_ids), s.EmailOutboxItem.status == "sent").order_by(
        s.EmailOutboxItem.id.desc()).limit(1)).scalar()
    return _row(r) if r is not None else None


def record_reply(session: Session, row_id: int, now: datetime, *, sender: str, subject: str,
                 bounce: bool, changes: Any) -> None:
    """A reply (or a bounce) to sent row ``row_id`` arrived: ``replied_at`` / ``bounced_at`` set;
    a reply is logged as an ``email`` activity on the row's contact and deal, moves the deal's
    last activity and stops the row's sequence enrollment, if any (status ``replied``). Changes are recorded in ``changes`` for the audit entry and the CRM outbox."""
    r = _item(session, row_id)
    if bounce:
        r.bounced_at = r.bounced_at or now
        return
    r.replied_at = r.replied_at or now
    if r.enrollment_id is not None:  # a reply stops the sequence (its queued e-mails are cancelled)
        from desktop.store import sequences  # noqa: PLC0415 - lazy: sequences imports this module

        sequences.stop(session, r.enrollment_id, now, status="replied", reason=f"{sender or 'the contact'} replied",
                       actor="mailbox")
    act = s.Activity(type="email", occurred_at=now, subject=f"Reply: {subject}"[:500] if subject else "Reply",
                     body=f"Reply from {sender} to \"{r.subject}\"", contact_id=r.contact_id, deal_id=r.deal_id)
    session.add(act)
    session.flush()
    changes.record("activity", act.id, "create", None, snapshot(act))
    if r.deal_id is not None and (d := session.get(s.Deal, r.deal_id)) is not None:
        before = snapshot(d)
        d.last_activity_at = now
        session.flush()
        changes.record("deal", d.id, "update", before, snapshot(d), internal=True)


def latest_draft(session: Session, contact_id: int | None, deal_id: int | None) -> dict[str, Any] | None:
    """The newest open e-mail draft task (``kind = email_draft``) for ``contact_id`` (else
    ``deal_id``): ``{"id", "subject", "body", "contact_id", "deal_id"}``, or None."""
    q = select(s.Task).where(s.Task.kind == "email_draft", s.Task.status == "open")
    if contact_id is not None:
        q = q.where(s.Task.contact_id == contact_id)
    elif deal_id is not None:
        q = q.where(s.Task.deal_id == deal_id)
    else:
        return None
    t = session.execute(q.order_by(s.Task.id.desc()).limit(1)).scalar()
    if t is None:
        return None
    return {"id": t.id, "subject": t.title, "body": t.body or "", "contact_id": t.contact_id, "deal_id": t.deal_id}


def newest_draft(session: Session, since: datetime) -> dict[str, Any] | None:
    """The newest open e-mail draft task created at or after ``since`` (naive UTC) that names a
    contact or a deal: ``{"id", "contact_id", "deal_id", "name"}`` (``name``: the contact's or the
    deal's), or None."""
    t = session.execute(select(s.Task).where(
        s.Task.kind == "email_draft", s.Task.status == "open", s.Task.created_at >= since,
        (s.Task.contact_id.is_not(None)) | (s.Task.deal_id.is_not(None))).order_by(
        s.Task.id.desc()).limit(1)).scalar()
    if t is None:
        return None
    if t.contact_id is not None and (c := session.get(s.Contact, t.contact_id)) is not None:
        name = f"{c.first_name} {c.last_name}".strip()
    else:
        d = session.get(s.Deal, t.deal_id) if t.deal_id is not None else None
        name = d.name if d is not None else ""
    return {"id": t.id, "contact_id": t.contact_id, "deal_id": t.deal_id, "name": name}


def contact_address(session: Session, contact_id: int) -> str | None:
    """A contact's e-mail address, or None."""
    return session.execute(select(s.Contact.email).where(s.Contact.id == contact_id)).scalar()
