"""Sequence enrollments (issue 15): each contact's place in an agent's e-mail sequence, kept in
``sequence_enrollments`` so a restart resumes every sequence where it was (see
:mod:`desktop.outreach.sequences` for the engine that advances them).

Each function works in the caller's session; the caller commits. Idempotency: a step's e-mail is
found again by ``(enrollment_id, seq_step)`` on the e-mail outbox row (written in the same
transaction as the send), and a step's approval is added in the same transaction as the
enrollment's ``phase = proposed``, so a crash never proposes one step twice.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desktop.store import email_outbox as eo
from desktop.store import schema as s
from desktop.store.errors import RecordNotFound
from desktop.store.executor import commit_changes

#: enrollment statuses that still run
ACTIVE = "active"
#: how many log lines an enrollment keeps
LOG_LINES = 50


@dataclass(frozen=True)
class Enrollment:
    """One enrollment as plain data (dates naive UTC). ``state``: ``{"variants": {step: name},
    "approvals": {step: approval id}, "log": [[iso time, text], ...]}``."""

    id: int
    agent: str
    sequence: str
    contact_id: int | None
    deal_id: int | None
    status: str
    position: int
    phase: str
    next_at: datetime | None
    seed: int
    reason: str | None
    created_at: datetime
    updated_at: datetime
    finished_at: datetime | None
    state: dict[str, Any] = field(default_factory=dict)

    @property
    def variants(self) -> dict[str, str]:
        """``{step position (str): variant name}`` assigned so far."""
        return dict(self.state.get("variants") or {})


def _plain(r: s.SequenceEnrollment) -> Enrollment:
    return Enrollment(r.id, r.agent, r.sequence, r.contact_id, r.deal_id, r.status, r.position, r.phase,
                      r.next_at, r.seed, r.reason, r.created_at, r.updated_at, r.finished_at,
                      json.loads(r.state or "{}"))


def _item(session: Session, enrollment_id: int) -> s.SequenceEnrollment:
    r = session.get(s.SequenceEnrollment, enrollment_id)
    if r is None:
        raise RecordNotFound(f"no sequence enrollment #{enrollment_id}", "see `spectrum sequence list`")
    return r


def enroll(session: Session, *, agent: str, sequence: str, contact_id: int, deal_id: int | None, seed: int,
           now: datetime) -> tuple[int, bool]:
    """Start ``sequence`` of ``agent`` for ``contact_id`` (due at once). Returns ``(id, created)``:
    an active enrollment of the same contact in the same sequence is returned as it is.
    Raises RecordNotFound when there is no such contact."""
    if session.get(s.Contact, contact_id) is None:
        raise RecordNotFound(f"no contact #{contact_id}", "see `spectrum show contact NAME` for ids")
    found = session.execute(select(s.SequenceEnrollment.id).where(
        s.SequenceEnrollment.agent == agent, s.SequenceEnrollment.sequence == sequence,
        s.SequenceEnrollment.contact_id == contact_id, s.SequenceEnrollment.status == ACTIVE)).scalar()
    if found is not None:
        return found, False
    row = s.SequenceEnrollment(agent=agent, sequence=sequence, contact_id=contact_id, deal_id=deal_id,
                               status=ACTIVE, position=0, phase="ready", next_at=now, seed=seed,
                               state=json.dumps({"variants": {}, "approvals": {}, "log": []}),
                               created_at=now, updated_at=now)
    session.add(row)
    session.flush()
    commit_changes(session, [], actor=f"agent:{agent}", kind="sequence_started",
                   summary=f"Sequence {sequence} started for contact {contact_id}",
                   payload={"enrollment": row.id, "contact": contact_id}, now=now, push=False)
    return row.id, True


def get(session: Session, enrollment_id: int) -> Enrollment | None:
    """One enrollment, or None."""
    r = session.get(s.SequenceEnrollment, enrollment_id)
    return _plain(r) if r is not None else None


def listed(session: Session, *, status: str | None = None, contact_id: int | None = None,
           limit: int = 200) -> list[Enrollment]:
    """Enrollments, newest first (optionally of one ``status`` / contact)."""
    q = select(s.SequenceEnrollment).order_by(s.SequenceEnrollment.id.desc()).limit(limit)
    if status is not None:
        q = q.where(s.SequenceEnrollment.status == status)
    if contact_id is not None:
        q = q.where(s.SequenceEnrollment.contact_id == contact_id)
    return [_plain(r) for r in session.execute(q).scalars()]


def due(session: Session, now: datetime) -> list[Enrollment]:
    """Active enrollments to look at now: those proposed (waiting on an approval or the outbox) and
    those whose ``next_at`` has come, oldest first."""
    q = select(s.SequenceEnrollment).where(
        s.SequenceEnrollment.status == ACTIVE,
        or_(s.SequenceEnrollment.phase == "proposed", s.SequenceEnrollment.next_at.is_(None),
            s.SequenceEnrollment.next_at <= now)).order_by(s.SequenceEnrollment.id)
    return [_plain(r) for r in session.execute(q).scalars()]


def active_contacts(session: Session) -> set[int]:
    """Ids of contacts with an active enrollment."""
    return {c for c in session.execute(select(s.SequenceEnrollment.contact_id).where(
        s.SequenceEnrollment.status == ACTIVE)).scalars() if c is not None}


def _log(r: s.SequenceEnrollment, state: dict[str, Any], now: datetime, text: str) -> None:
    state["log"] = (list(state.get("log") or []) + [[now.isoformat(timespec="seconds"), text]])[-LOG_LINES:]
    r.state = json.dumps(state)


def update(session: Session, enrollment_id: int, now: datetime, *, log: str | None = None,
           state: dict[str, Any] | None = None, **values: Any) -> None:
    """Set columns (``position``, ``phase``, ``next_at``, ``status``, ``reason``) and/or merge
    ``state`` keys, adding ``log`` to the enrollment's log; a final status sets ``finished_at``."""
    r = _item(session, enrollment_id)
    for k, v in values.items():
        if k not in ("position", "phase", "next_at", "status", "reason"):
            raise ValueError(f"not an enrollment column: {k}")
        setattr(r, k, v)
    merged = {**json.loads(r.state or "{}"), **(state or {})}
    r.state = json.dumps(merged)
    if log:
        _log(r, merged, now, log)
    r.updated_at = now
    if values.get("status") not in (None, ACTIVE):
        r.finished_at = now


def propose_approval(session: Session, enrollment_id: int, position: int, *, now: datetime, source: str,
                     plan_json: str) -> int:
    """Queue a step's plan for approval and mark the enrollment ``proposed`` in the same
    transaction (a resumed engine never queues it twice). Returns the approval id."""
    row = s.Approval(created_at=now, source=source, plan_json=plan_json, status="pending")
    session.add(row)
    session.flush()
    r = _item(session, enrollment_id)
    state = json.loads(r.state or "{}")
    state["approvals"] = {**(state.get("approvals") or {}), str(position): row.id}
    r.phase, r.updated_at = "proposed", now
    _log(r, state, now, f"step {position + 1}: waiting in approvals (#{row.id})")
    return row.id


def approval_status(session: Session, approval_id: int) -> tuple[str, str | None]:
    """``(status, error)`` of an approval (``("missing", None)`` when it is gone)."""
    a = session.get(s.Approval, approval_id)
    if a is None:
        return "missing", None
    return a.status, a.error


def step_email(session: Session, enrollment_id: int, position: int) -> eo.EmailRow | None:
    """The newest outbox e-mail of step ``position`` of the enrollment, or None."""
    r = session.execute(select(s.EmailOutboxItem).where(
        s.EmailOutboxItem.enrollment_id == enrollment_id, s.EmailOutboxItem.seq_step == position).order_by(
        s.EmailOutboxItem.id.desc()).limit(1)).scalar()
    return eo.get(session, r.id) if r is not None else None


def emails_of(session: Session, enrollment_id: int) -> list[eo.EmailRow]:
    """Every outbox e-mail of the enrollment, oldest first."""
    ids = session.execute(select(s.EmailOutboxItem.id).where(
        s.EmailOutboxItem.enrollment_id == enrollment_id).order_by(s.EmailOutboxItem.id)).scalars()
    return [row for i in ids if (row := eo.get(session, i)) is not None]


def contact_values(session: Session, contact_id: int | None, deal_id: int | None) -> dict[str, str]:
    """Template values for a contact: ``first_name``, ``last_name``, ``name``, ``company``, ``deal``
    (empty strings when unknown)."""
    out = {"first_name": "", "last_name": "", "name": "", "company": "", "deal": ""}
    c = session.get(s.Contact, contact_id) if contact_id is not None else None
    if c is not None:
        out.update(first_name=c.first_name or "", last_name=c.last_name or "",
                   name=f"{c.first_name} {c.last_name}".strip())
        co = session.get(s.Company, c.company_id) if c.company_id is not None else None
        out["company"] = co.name if co is not None else ""
    d = session.get(s.Deal, deal_id) if deal_id is not None else None
    if d is not None:
        out["deal"] = d.name
    return out


def stop(session: Session, enrollment_id: int, now: datetime, *, status: str, reason: str, actor: str) -> bool:
    """End an active enrollment (``status``: replied | stopped | cancelled | done) with ``reason``:
    its queued e-mails are cancelled and its pending approvals rejected (audit ``sequence_stopped``).
    False when it was not active."""
    r = _item(session, enrollment_id)
    if r.status != ACTIVE:
        return False
    update(session, enrollment_id, now, status=status, reason=reason, log=f"{status}: {reason}")
    for row in emails_of(session, enrollment_id):
        if row.status == "queued":
            eo.cancel(session, row.id, now, actor=actor, reason=f"the sequence stopped: {reason}")
    for approval_id in (json.loads(r.state or "{}").get("approvals") or {}).values():
        a = session.get(s.Approval, int(approval_id))
        if a is not None and a.status == "pending":
            a.status, a.decided_at = "rejected", now
    commit_changes(session, [], actor=actor, kind="sequence_stopped",
                   summary=f"Sequence {r.sequence} of {r.agent} for contact {r.contact_id} {status}: {reason}"[:200],
                   payload={"enrollment": r.id, "status": status, "reason": reason}, now=now, push=False)
    return True


def stop_for_contact(session: Session, contact_id: int, now: datetime, *, reason: str, actor: str) -> list[int]:
    """Cancel every active enrollment of ``contact_id`` (``"stop emailing Nina"``); returns their ids."""
    ids = list(session.execute(select(s.SequenceEnrollment.id).where(
        s.SequenceEnrollment.contact_id == contact_id, s.SequenceEnrollment.status == ACTIVE)).scalars())
    return [i for i in ids if stop(session, i, now, status="cancelled", reason=reason, actor=actor)]


def email_stats(session: Session) -> list[dict[str, Any]]:
    """Per e-mail of every sequence: ``{"agent", "sequence", "step", "variant", "status", "replied",
    "bounced"}`` (``replied`` / ``bounced``: bool), for the per-sequence and per-variant figures."""
    q = select(s.EmailOutboxItem, s.SequenceEnrollment.agent, s.SequenceEnrollment.sequence).join(
        s.SequenceEnrollment, s.SequenceEnrollment.id == s.EmailOutboxItem.enrollment_id)
    return [{"agent": agent, "sequence": seq, "step": r.seq_step, "variant": r.variant, "status": r.status,
             "replied": r.replied_at is not None, "bounced": r.bounced_at is not None}
            for r, agent, seq in session.execute(q)]


def enrollment_counts(session: Session) -> dict[tuple[str, str], dict[str, int]]:
    """``{(agent, sequence): {status: n}}`` over every enrollment."""
    out: dict[tuple[str, str], dict[str, int]] = {}
    for agent, seq, status in session.execute(select(s.SequenceEnrollment.agent, s.SequenceEnrollment.sequence,
                                                     s.SequenceEnrollment.status)):
        d = out.setdefault((agent, seq), {})
        d[status] = d.get(status, 0) + 1
    return out
