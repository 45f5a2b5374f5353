"""Apply a confirmed Plan: one handler per action kind, one unit of work per plan (all or nothing).

Each applied plan writes, in the same transaction: the domain rows, one audit entry (kind
``plan_applied``: transcript, plan JSON, who, when, before/after values of every change) and one
outbox row per change for the sync layer. :func:`undo_last` reverts the newest applied plan that
has not been undone yet, refusing when a record changed since (it never overwrites newer work).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Table, delete, event, func, inspect, select, update
from sqlalchemy.orm import Session

from desktop.domain import pipeline as rules
from desktop.domain.plan import Action, Plan
from desktop.store import outbox
from desktop.store import schema as s
from desktop.store.audit import append as audit_append
from desktop.store.db import Workspace

ENTITY_MODELS: dict[str, type[s.Contact] | type[s.Company] | type[s.Deal] | type[s.Task] | type[s.Activity]
                    | type[s.EmailOutboxItem] | type[s.SequenceEnrollment]] = {
    "contact": s.Contact, "company": s.Company, "deal": s.Deal, "task": s.Task,
    "activity": s.Activity, "email": s.EmailOutboxItem, "sequence": s.SequenceEnrollment}


class PlanRejected(Exception):
    """The plan cannot be applied; nothing was written. ``str(exc)`` explains why in one line."""


class NeedsConfirmation(PlanRejected):
    """The plan has destructive actions and was not explicitly confirmed."""


class ComplianceBlocked(PlanRejected):
    """An outreach action names a contact marked do-not-contact."""


@dataclass
class Applied:
    """Result of applying a plan: the audit entry id and the changes made."""

    audit_id: int
    changes: list[dict[str, Any]] = field(default_factory=list)
    created: dict[str, int] = field(default_factory=dict)  # "new:<i>" -> local id


def _jsonable(v: Any) -> Any:
    if isinstance(v, (datetime, date)):
        return v.isoformat()
    return v


def _parse_date(v: Any) -> date | None:
    if v in (None, ""):
        return None
    if isinstance(v, date):
        return v
    try:
        return date.fromisoformat(str(v)[:10])
    except ValueError:
        raise PlanRejected(f"bad date {v!r}: expected YYYY-MM-DD") from None


def _cents(v: Any) -> int | None:
    if v in (None, ""):
        return None
    try:
        return int(round(float(v) * 100))
    except (TypeError, ValueError):
        raise PlanRejected(f"bad amount {v!r}: expected a number") from None


class _Run:
    """Applies one plan inside one session."""

    def __init__(self, session: Session, now: datetime, settings: dict[str, str], *, actor: str = "user",
                 source: str = "") -> None:
        self.session = session
        self.now = now
        self.settings = settings
        self.actor = actor
        self.source = source
        self.changes: list[dict[str, Any]] = []
        self.created: dict[str, int] = {}

    # -- helpers ---------------------------------------------------------------------------
    def snapshot(self, obj: Any) -> dict[str, Any]:
        return {c.key: _jsonable(getattr(obj, c.key)) for c in obj.__table__.columns}

    def record(self, i: int, entity: str, local_id: int, op: str, before: dict[str, Any] | None, after: dict[str, Any] | None,
               extra: dict[str, Any] | None = None) -> None:
        change = {"action": i, "entity": entity, "id": local_id, "op": op, "before": before, "after": after}
        if extra:
            change.update(extra)
        self.changes.append(change)

    def target(self, action: Action, expected: tuple[str, ...]) -> tuple[str, Any]:
        t = action.target
        if t is None:
            raise PlanRejected(f"{action.kind} needs a target ({' or '.join(expected)})")
        if t.type not in expected:
            raise PlanRejected(f"{action.kind} cannot apply to a {t.type}")
        if t.id.startswith("new:"):
            local = self.created.get(t.id)
            if local is None:
                raise PlanRejected(f"{action.kind} refers to {t.id}, which this plan does not create first")
        else:
            try:
                local = int(t.id)
            except ValueError:
                raise PlanRejected(f"bad target id {t.id!r}") from None
        obj = self.session.get(ENTITY_MODELS[t.type], local)
        if obj is None:
            raise PlanRejected(f"{t.type} {t.name!r} (id {t.id}) no longer exists")
        return t.type, obj

    def company_by_name(self, name: str, i: int) -> int:
        found = self.session.execute(select(s.Company.id).where(
            func.lower(s.Company.name) == name.strip().lower()).limit(1)).scalar()
        if found is not None:
            return found
        co = s.Company(name=name.strip(), created_at=self.now, updated_at=self.now)
        self.session.add(co)
        self.session.flush()
        self.record(i, "company", co.id, "create", None, self.snapshot(co))
        return co.id

    def stage_by_label(self, label: str | None, pipeline_id: int | None = None) -> s.Stage:
        q = select(s.Stage).order_by(s.Stage.pipeline_id, s.Stage.position)
        if pipeline_id is not None:
            q = q.where(s.Stage.pipeline_id == pipeline_id)
        stages = self.session.execute(q).scalars().all()
        if not stages:
            pipe = s.Pipeline(name="Sales Pipeline")
            self.session.add(pipe)
            self.session.flush()
            for pos, lab in enumerate(["Lead", "Qualified", "Demo Scheduled", "Proposal Sent",
                                       "Negotiation", "Closed Won", "Closed Lost"]):
                self.session.add(s.Stage(pipeline_id=pipe.id, label=lab, position=pos,
                                         probability=rules.default_probability(lab),
                                         is_won=rules.is_won_label(lab), is_lost=rules.is_lost_label(lab)))
            self.session.flush()
            return self.stage_by_label(label, pipe.id)
        if label is None:
            return stages[0]
        for st in stages:
            if st.label.lower() == str(label).strip().lower():
                return st
        raise PlanRejected(f"unknown stage {label!r}; stages are: " + ", ".join(st.label for st in stages))

    def contact_dnc(self, contact_id: int | None, kind: str) -> None:
        if contact_id is None:
            return
        c = self.session.get(s.Contact, contact_id)
        if c is not None and c.do_not_contact:
            raise ComplianceBlocked(f"{c.first_name} {c.last_name} is marked do-not-contact: "
                                    f"{kind.replace('_', ' ')} is not allowed")

    # -- handlers --------------------------------------------------------------------------
    def apply(self, i: int, a: Action) -> None:
        if a.read_only:
            return
        getattr(self, f"do_{a.kind}")(i, a)

    def do_create_contact(self, i: int, a: Action) -> None:
        f = a.fields
        company_id = self.company_by_name(f["company"], i) if f.get("company") else None
        c = s.Contact(first_name=f.get("first_name", ""), last_name=f.get("last_name", ""),
                      email=f.get("email"), phone=f.get("phone"), job_title=f.get("job_title"),
                      company_id=company_id, created_at=self.now, updated_at=self.now)
        if not (c.first_name or c.last_name):
            raise PlanRejected("a new contact needs a first or last name")
        self.session.add(c)
        self.session.flush()
        self.created[f"new:{i}"] = c.id
        self.record(i, "contact", c.id, "create", None, self.snapshot(c))

    def do_update_contact(self, i: int, a: Action) -> None:
        _, c = self.target(a, ("contact",))
        before = self.snapshot(c)
        for k, v in a.fields.items():
            if k == "company":
                c.company_id = self.company_by_name(v, i)
            else:
                setattr(c, k, v)
        c.updated_at = self.now
        self.session.flush()
        self.record(i, "contact", c.id, "update", before, self.snapshot(c))

    def do_create_company(self, i: int, a: Action) -> None:
        f = a.fields
        if not f.get("name"):
            raise PlanRejected("a new company needs a name")
        co = s.Company(name=f["name"], domain=f.get("domain"), city=f.get("city"),
                       industry=f.get("industry"), created_at=self.now, updated_at=self.now)
        self.session.add(co)
        self.session.flush()
        self.created[f"new:{i}"] = co.id
        self.record(i, "company", co.id, "create", None, self.snapshot(co))

    def do_create_deal(self, i: int, a: Action) -> None:
        f = a.fields
        stage = self.stage_by_label(f.get("stage"))
        company_id = self.company_by_name(f["company"], i) if f.get("company") else None
        d = s.Deal(name=f.get("name") or (f"{f['company']} - New deal" if f.get("company") else "New deal"),
                   pipeline_id=stage.pipeline_id, stage_id=stage.id, amount_cents=_cents(f.get("amount")),
                   close_date=_parse_date(f.get("close_date")), company_id=company_id,
                   created_at=self.now, updated_at=self.now)
        self.session.add(d)
        self.session.flush()
        self.created[f"new:{i}"] = d.id
        self.record(i, "deal", d.id, "create", None, self.snapshot(d))

    def do_update_deal(self, i: int, a: Action) -> None:
        _, d = self.target(a, ("deal",))
        before = self.snapshot(d)
        f = a.fields
        if "stage" in f:
            st = self.stage_by_label(f["stage"], d.pipeline_id)
            d.stage_id = st.id
            if (st.is_won or st.is_lost) and "close_date" not in f:
                d.close_date = self.now.date()
        if "amount" in f:
            d.amount_cents = _cents(f["amount"])
        if "close_date" in f:
            d.close_date = _parse_date(f["close_date"])
        for k in ("competitor", "next_step", "owner", "lost_reason"):
            if k in f:
                setattr(d, k, f[k])
        d.updated_at = self.now
        self.session.flush()
        self.record(i, "deal", d.id, "update", before, self.snapshot(d))

    def _links(self, a: Action) -> tuple[int | None, int | None]:
        if a.target is None:
            return None, None
        typ, obj = self.target(a, ("deal", "contact", "company"))
        if typ == "deal":
            contact = self.session.execute(select(s.DealContact.contact_id).where(
                s.DealContact.deal_id == obj.id).limit(1)).scalar()
            return obj.id, contact
        if typ == "contact":
            deal = self.session.execute(
                select(s.Deal.id).join(s.DealContact, s.DealContact.deal_id == s.Deal.id)
                .join(s.Stage, s.Stage.id == s.Deal.stage_id)
                .where(s.DealContact.contact_id == obj.id, s.Stage.is_won.is_(False),
                       s.Stage.is_lost.is_(False)).order_by(s.Deal.updated_at.desc()).limit(1)).scalar()
            return deal, obj.id
        deal = self.session.execute(
            select(s.Deal.id).join(s.Stage, s.Stage.id == s.Deal.stage_id)
            .where(s.Deal.company_id == obj.id, s.Stage.is_won.is_(False), s.Stage.is_lost.is_(False))
            .order_by(s.Deal.updated_at.desc()).limit(1)).scalar()
        return deal, None

    def do_log_activity(self, i: int, a: Action) -> None:
        deal_id, contact_id = self._links(a)
        f = a.fields
        kind = f.get("activity_type", "note")
        if kind not in ("call", "meeting", "email", "note"):
            raise PlanRejected(f"unknown activity type {kind!r}")
        act = s.Activity(type=kind, occurred_at=self.now, subject=f.get("subject") or kind.title(),
                         body=f.get("body"), sentiment=f.get("sentiment"), contact_id=contact_id,
                         deal_id=deal_id)
        self.session.add(act)
        self.session.flush()
        self.record(i, "activity", act.id, "create", None, self.snapshot(act))
        if deal_id is not None:
            self.touch_deal(i, deal_id)

    def touch_deal(self, i: int, deal_id: int) -> None:
        """The deal's last activity is now (an internal change: not pushed to the CRM).

        Raises :class:`PlanRejected` when the deal was deleted meanwhile."""
        d = self.session.get(s.Deal, deal_id)
        if d is None:
            raise PlanRejected(f"deal {deal_id} no longer exists")
        before = self.snapshot(d)
        d.last_activity_at = self.now
        self.session.flush()
        self.record(i, "deal", d.id, "update", before, self.snapshot(d), {"internal": True})

    def _task(self, i: int, a: Action, kind: str, title: str, body: str | None = None) -> None:
        deal_id, contact_id = self._links(a)
        f = a.fields
        t = s.Task(title=title, due_date=_parse_date(f.get("due_date")), due_time=f.get("time"), kind=kind,
                   body=body, status="open", contact_id=contact_id, deal_id=deal_id, created_at=self.now)
        self.session.add(t)
        self.session.flush()
        self.created[f"new:{i}"] = t.id
        self.record(i, "task", t.id, "create", None, self.snapshot(t))

    def do_create_task(self, i: int, a: Action) -> None:
        self._task(i, a, "task", a.fields.get("title") or "Follow up")

    def do_book_meeting(self, i: int, a: Action) -> None:
        _, contact_id = self._links(a)
        self.contact_dnc(contact_id, a.kind)
        self._task(i, a, "meeting", a.fields.get("title") or "Meeting")

    def do_draft_email(self, i: int, a: Action) -> None:
        _, contact_id = self._links(a)
        self.contact_dnc(contact_id, a.kind)
        sender = self.settings.get("sender_address", "")
        footer = self.settings.get("unsubscribe_footer",
                                   "If you'd rather not hear from us, reply \"unsubscribe\" and we'll stop.")
        body = (a.fields.get("body") or "").rstrip()
        body = f"{body}\n\n--\n{footer}" + (f"\nSent by {sender}" if sender else "")
        self._task(i, a, "email_draft", a.fields.get("subject") or "Follow-up", body)

    def do_send_email(self, i: int, a: Action) -> None:
        from desktop.store.email_send import queue_send  # noqa: PLC0415 - lazy: email_send imports this module (PlanRejected)

        queue_send(self, i, a)

    def do_stop_sequence(self, i: int, a: Action) -> None:
        """Cancel the target contact's active e-mail sequences (their queued e-mails cancelled,
        pending approvals rejected). Raises PlanRejected when the contact has none."""
        from desktop.store import sequences  # noqa: PLC0415 - lazy: sequences imports this module (commit_changes)

        _, contact = self.target(a, ("contact",))
        ids = sequences.stop_for_contact(self.session, contact.id, self.now, actor=self.actor,
                                         reason=str(a.fields.get("reason") or "stopped by you"))
        if not ids:
            raise PlanRejected(f"{contact.first_name} {contact.last_name} is in no active sequence")
        for enrollment_id in ids:
            self.record(i, "sequence", enrollment_id, "update", {"status": "active", "finished_at": None},
                        {"status": "cancelled", "finished_at": _jsonable(self.now)}, {"internal": True})

    def do_enroll_sequence(self, i: int, a: Action) -> None:
        """Start agent ``fields.agent``'s sequence ``fields.sequence`` for the target contact (the
        durable chain in ``sequence_enrollments``, first step due now). Raises ComplianceBlocked
        (do-not-contact, withdrawn e-mail consent), PlanRejected (no e-mail address, or already in
        that sequence)."""
        from desktop.store import sequences  # noqa: PLC0415 - lazy: sequences imports this module (commit_changes)

        _, contact = self.target(a, ("contact",))
        self.contact_dnc(contact.id, a.kind)
        who = f"{contact.first_name} {contact.last_name}".strip()
        newest = self.session.execute(select(s.Consent.granted).where(
            s.Consent.contact_id == contact.id, s.Consent.channel.in_(("email", "any"))).order_by(
            s.Consent.at.desc(), s.Consent.id.desc()).limit(1)).scalar()
        if newest is False:
            raise ComplianceBlocked(f"{who} withdrew consent to e-mail: no sequence")
        if not contact.email:
            raise PlanRejected(f"{who} has no e-mail address")
        f = a.fields
        agent, name = str(f.get("agent") or ""), str(f.get("sequence") or "")
        if not agent or not name:
            raise PlanRejected("enroll_sequence needs the agent and its sequence")
        deal = int(f["deal"]) if str(f.get("deal") or "").isdigit() else None
        eid, created = sequences.enroll(self.session, agent=agent, sequence=name, contact_id=contact.id,
                                        deal_id=deal, seed=int(f.get("seed") or 0), now=self.now)
        if not created:
            raise PlanRejected(f"{who} is already in the {name} sequence (enrollment {eid})")
        self.record(i, "sequence", eid, "create", None, {"agent": agent, "sequence": name, "contact_id": contact.id,
                                                         "deal_id": deal, "status": "active"}, {"internal": True})

    def do_delete_record(self, i: int, a: Action) -> None:
        typ, obj = self.target(a, ("contact", "company", "deal", "task"))
        snap = self.snapshot(obj)
        refs: dict[str, list[Any]] = {}
        if typ == "deal":
            refs["deal_contacts"] = [c for c in self.session.execute(select(s.DealContact.contact_id).where(
                s.DealContact.deal_id == obj.id)).scalars()]
            refs["activities.deal_id"] = list(self.session.execute(select(s.Activity.id).where(
                s.Activity.deal_id == obj.id)).scalars())
            refs["tasks.deal_id"] = list(self.session.execute(select(s.Task.id).where(
                s.Task.deal_id == obj.id)).scalars())
        elif typ == "contact":
            refs["deal_contacts"] = list(self.session.execute(select(s.DealContact.deal_id).where(
                s.DealContact.contact_id == obj.id)).scalars())
            refs["activities.contact_id"] = list(self.session.execute(select(s.Activity.id).where(
                s.Activity.contact_id == obj.id)).scalars())
            refs["tasks.contact_id"] = list(self.session.execute(select(s.Task.id).where(
                s.Task.contact_id == obj.id)).scalars())
        elif typ == "company":
            refs["contacts.company_id"] = list(self.session.execute(select(s.Contact.id).where(
                s.Contact.company_id == obj.id)).scalars())
            refs["deals.company_id"] = list(self.session.execute(select(s.Deal.id).where(
                s.Deal.company_id == obj.id)).scalars())
        self.session.delete(obj)
        self.session.flush()
        self.record(i, typ, snap["id"], "delete", snap, None, {"refs": refs})


def _settings(session: Session) -> dict[str, str]:
    return {k: v for k, v in session.execute(select(s.Setting.key, s.Setting.value))}


def snapshot(obj: Any) -> dict[str, Any]:
    """Every column of an ORM row as JSON-able values (dates as ISO strings): a change's
    ``before``/``after``."""
    return {c.key: _jsonable(getattr(obj, c.key)) for c in obj.__table__.columns}


class ChangeSet(list[Any]):
    """The changes one unit of work makes, in the audit log's shape: a list of
    ``{"entity", "id", "op": create|update|delete, "before", "after", ...extra}`` (``before``/
    ``after``: column values, ``None`` for a create's before and a delete's after)."""

    def record(self, entity: str, local_id: Any, op: str, before: dict[str, Any] | None,
               after: dict[str, Any] | None, **extra: Any) -> None:
        """Add one change (``extra``: e.g. ``field=`` or ``internal=True``: not pushed)."""
        self.append({"entity": entity, "id": local_id, "op": op, "before": before, "after": after,
                     **extra})


#: rows whose changes :func:`track_changes` records -> entity name in the audit log
TRACKED = {s.Company: "company", s.Contact: "contact", s.Deal: "deal", s.Activity: "activity",
           s.Task: "task", s.DealContact: "deal_contact", s.Pipeline: "pipeline", s.Stage: "stage"}


def _key(obj: Any) -> Any:
    if isinstance(obj, s.DealContact):
        return f"{obj.deal_id}:{obj.contact_id}"
    return obj.id


class track_changes:  # noqa: N801 - used as a context manager, reads like a function
    """Record into ``changes`` (a :class:`ChangeSet`) every ORM change to the domain rows of
    :data:`TRACKED` that ``session`` flushes while the block runs: creates (after values),
    updates (before/after of the changed columns only) and deletes (before values). Bulk
    ``insert()`` statements are not seen: record those yourself. Flush before leaving the block.

    Usage: ``with track_changes(session, changes): ...``.
    """

    def __init__(self, session: Session, changes: ChangeSet) -> None:
        self.session, self.changes = session, changes

    def _after_flush(self, session: Session, _ctx: Any) -> None:
        for obj in session.new:
            if type(obj) in TRACKED:
                self.changes.record(TRACKED[type(obj)], _key(obj), "create", None, snapshot(obj))
        for obj in session.deleted:
            if type(obj) in TRACKED:
                self.changes.record(TRACKED[type(obj)], _key(obj), "delete", snapshot(obj), None)
        for obj in session.dirty:
            if type(obj) not in TRACKED or not session.is_modified(obj):
                continue
            state = inspect(obj)
            before, after = {}, {}
            for col in obj.__table__.columns:
                hist = state.attrs[col.key].history
                if hist.added or hist.deleted:
                    old = hist.deleted[0] if hist.deleted else (hist.unchanged[0] if hist.unchanged else None)
                    new = hist.added[0] if hist.added else None
                    if old != new:
                        before[col.key], after[col.key] = _jsonable(old), _jsonable(new)
            if after:
                self.changes.record(TRACKED[type(obj)], _key(obj), "update", before, after)

    def __enter__(self) -> ChangeSet:
        event.listen(self.session, "after_flush", self._after_flush)
        return self.changes

    def __exit__(self, *exc: Any) -> None:
        event.remove(self.session, "after_flush", self._after_flush)


def commit_changes(session: Session, changes: list[dict[str, Any]], *, actor: str, kind: str,
                   summary: str, payload: dict[str, Any] | None = None,
                   now: datetime | None = None, push: bool = False) -> int:
    """Write, in the caller's unit of work, the audit entry of ``changes`` (its payload:
    ``payload`` plus ``"changes"``) and, when ``push``, one outbox row per change for the CRMs.
    Every data change goes through here: plans and their undo (pushed), and pulls (``actor``
    ``"crm:<name>"``, kind ``pull``), conflict resolutions, consent and do-not-contact changes,
    kill switches, settings such as the cash balance and stage mappings (not pushed).
    Returns the audit entry id. Raises what the session raises (the caller rolls back)."""
    now = now or datetime.utcnow()
    entry = audit_append(session, at=now, actor=actor, kind=kind, summary=summary[:200],
                         payload=dict(payload or {}, changes=list(changes)))
    if push:
        outbox.enqueue(session, now, entry.id, changes)
    return entry.id


def apply_change(workspace: Workspace, change: Callable[[Session, ChangeSet], dict[str, Any] | None],
                 *, actor: str, kind: str, summary: str, now: datetime | None = None,
                 push: bool = False) -> Applied:
    """The one way to change data that is not a Plan: one unit of work that runs
    ``change(session, changes)`` (it edits rows and records them in ``changes``; it may return
    extra audit payload), then :func:`commit_changes`, then commits; all or nothing.

    Returns: :class:`Applied` (audit id, changes). Raises: whatever ``change`` raises (nothing
    is written then)."""
    now = now or datetime.utcnow()
    with workspace.uow() as uow:
        changes = ChangeSet()
        extra = change(uow.session, changes) or {}
        audit_id = commit_changes(uow.session, changes, actor=actor, kind=kind, summary=summary,
                                  payload=extra, now=now, push=push)
        uow.commit()
    return Applied(audit_id, list(changes))


def apply_plan(workspace: Workspace, plan: Plan, *, actor: str = "user", source: str = "text",
               now: datetime | None = None, confirmed_destructive: bool = False,
               on_applied: Callable[[Applied], None] | None = None) -> Applied:
    """Apply ``plan`` atomically.

    Args:
        actor: who confirmed ("user", "agent:<name>"). source: voice | text | agent | ui.
        now: naive UTC time written on rows and the audit entry (default: now).
        confirmed_destructive: must be True when the plan has a destructive action.
    Returns: :class:`Applied`.
    Raises:
        NeedsConfirmation: destructive actions without ``confirmed_destructive``.
        PlanRejected: open clarifications, a missing target, a bad value; nothing was written.
        ComplianceBlocked: outreach to a do-not-contact contact; nothing was written.
    """
    if plan.clarifications:
        raise PlanRejected("the plan has open questions: " + " ".join(plan.clarifications))
    if plan.destructive and not confirmed_destructive:
        raise NeedsConfirmation("the plan deletes data: confirm the destructive action explicitly")
    now = now or datetime.utcnow()
    with workspace.uow() as uow:
        run = _Run(uow.session, now, _settings(uow.session), actor=actor, source=source)
        for i, action in enumerate(plan.actions):
            run.apply(i, action)
        audit_id = commit_changes(uow.session, run.changes, actor=actor, kind="plan_applied",
                                  summary=plan.transcript[:200] or f"{len(plan.actions)} action(s)",
                                  payload={"source": source, "transcript": plan.transcript,
                                           "plan": plan.public_json()}, now=now, push=True)
        uow.commit()
        result = Applied(audit_id, run.changes, run.created)
    if on_applied:
        on_applied(result)
    return result


class NothingToUndo(PlanRejected):
    """No applied plan is left to undo."""


#: Tables whose rows may point at a deleted record (``<table>.<column>`` refs in a delete's change).
_REF_MODELS: dict[str, type[s.Activity] | type[s.Task] | type[s.Contact] | type[s.Deal]] = {
    "activities": s.Activity, "tasks": s.Task, "contacts": s.Contact, "deals": s.Deal}


def _table(model: type[s.Base]) -> Table:
    """The table a mapped class is mapped to."""
    table = model.__table__
    if not isinstance(table, Table):
        raise TypeError(f"{model.__name__} is not mapped to a table")
    return table


def _restore(model: type[s.Base], values: dict[str, Any]) -> dict[str, Any]:
    """Snapshot values (JSON: ISO strings for dates) back to column types, unknown keys dropped."""
    cols = {c.key: c for c in model.__table__.columns}
    clean = {}
    for k, v in values.items():
        if k not in cols:
            continue
        pytype = getattr(cols[k].type, "python_type", None)
        if v is not None and pytype is datetime:
            v = datetime.fromisoformat(v)
        elif v is not None and pytype is date:
            v = date.fromisoformat(v)
        clean[k] = v
    return clean


def undo_last(workspace: Workspace, *, actor: str = "user", now: datetime | None = None) -> int:
    """Revert the newest applied, not yet undone plan. Returns the audit id of the undo entry.

    Raises:
        NothingToUndo: every applied plan has been undone.
        PlanRejected: a record the plan touched changed since; nothing was written.
    """
    now = now or datetime.utcnow()
    with workspace.uow() as uow:
        ses = uow.session
        undone = set()
        for payload in ses.execute(select(s.AuditEntry.payload).where(s.AuditEntry.kind == "plan_undone")).scalars():
            undone.add(json.loads(payload).get("undid"))
        target = None
        for entry in ses.execute(select(s.AuditEntry).where(s.AuditEntry.kind == "plan_applied")
                                 .order_by(s.AuditEntry.id.desc())).scalars():
            if entry.id not in undone:
                target = entry
                break
        if target is None:
            raise NothingToUndo("nothing to undo")
        payload = json.loads(target.payload)
        reverted: list[dict[str, Any]] = []
        for ch in reversed(payload.get("changes", [])):
            model = ENTITY_MODELS[ch["entity"]]
            if ch["op"] == "create":
                obj = ses.get(model, ch["id"])
                if isinstance(obj, s.EmailOutboxItem) and obj.status not in ("queued", "cancelled", "blocked"):
                    raise PlanRejected(f"cannot undo: the e-mail to {obj.to_addr} has been sent")
                if isinstance(obj, s.SequenceEnrollment) and (obj.position > 0 or obj.phase != "ready"):
                    raise PlanRejected("cannot undo: the sequence has started; stop it instead "
                                       "(`spectrum sequence stop CONTACT_ID`)")
                if obj is not None:
                    if ch["entity"] == "deal":
                        ses.execute(delete(s.DealContact).where(s.DealContact.deal_id == ch["id"]))
                    ses.delete(obj)
                    ses.flush()
                reverted.append({**ch, "op": "delete", "before": ch["after"], "after": None})
            elif ch["op"] == "update":
                obj = ses.get(model, ch["id"])
                if obj is None:
                    raise PlanRejected(f"cannot undo: {ch['entity']} {ch['id']} was deleted since")
                now_vals = {c.key: _jsonable(getattr(obj, c.key)) for c in model.__table__.columns}
                changed = [k for k, v in ch["after"].items() if k not in ("updated_at",) and now_vals.get(k) != v]
                if changed:
                    raise PlanRejected(f"cannot undo: {ch['entity']} {ch['id']} was changed since "
                                       f"({', '.join(changed)}); undo would overwrite newer work")
                for k, v in _restore(model, ch["before"]).items():
                    setattr(obj, k, v)
                ses.flush()
                reverted.append({**ch, "before": ch["after"], "after": ch["before"]})
            elif ch["op"] == "delete":
                ses.execute(_table(model).insert().values(_restore(model, ch["before"])))
                refs = ch.get("refs", {})
                for other in refs.get("deal_contacts", []):
                    pair = ({"deal_id": ch["id"], "contact_id": other} if ch["entity"] == "deal"
                            else {"deal_id": other, "contact_id": ch["id"]})
                    ses.execute(_table(s.DealContact).insert().values(**pair))
                for key, ids in refs.items():
                    if "." in key and ids:
                        table, col = key.split(".")
                        tmodel = _REF_MODELS[table]
                        ses.execute(update(tmodel).where(tmodel.id.in_(ids)).values({col: ch["id"]}))
                ses.flush()
                reverted.append({**ch, "op": "create", "before": None, "after": ch["before"]})
        audit_id = commit_changes(ses, reverted, actor=actor, kind="plan_undone",
                                  summary=f"Undid: {target.summary}", payload={"undid": target.id},
                                  now=now, push=True)
        uow.commit()
        return audit_id
