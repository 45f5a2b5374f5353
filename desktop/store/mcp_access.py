"""SQL of the MCP server (``spectrum mcp``): its kill switch and per-client daily budget (workspace
settings), the audit entry of every MCP call, and the read queries its tools answer with (record
search, plan status, workspace summary, checks of a submitted Plan's targets).

Settings (table ``settings``; never secrets):
    ``mcp_access``: ``"on"`` | ``"off"`` (the kill switch "MCP access: off"; default on).
    ``mcp_daily_budget``: calls one MCP client may make per UTC day (default :data:`DEFAULT_DAILY_BUDGET`).

Audit (the hash-chained log of :mod:`desktop.store.audit`): every MCP request but the handshake and
``ping`` (tool calls, resource reads, lists) is an entry with ``actor = "mcp:<client name>"`` and ``kind`` :data:`CALL_KIND` (a tool call or
resource read served, including calls that failed on bad input), :data:`LIST_KIND` (tools/list and
the like: metadata, not counted) or :data:`REFUSED_KIND` (refused by the kill switch or the budget).
The budget counts :data:`CALL_KIND` entries of that actor since 00:00 UTC.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, func, not_, or_, select
from sqlalchemy.orm import Session

from desktop.domain.plan import Plan
from desktop.store import schema as s
from desktop.store.audit import append as audit_append
from desktop.store.db import Workspace
from desktop.store.errors import DatabaseLocked

ACCESS_KEY = "mcp_access"
BUDGET_KEY = "mcp_daily_budget"
#: Calls per client per UTC day when none is set (a busy assistant session makes a few dozen).
DEFAULT_DAILY_BUDGET = 500
CALL_KIND = "mcp_call"
REFUSED_KIND = "mcp_refused"
LIST_KIND = "mcp_list"
SETTING_KIND = "mcp_setting"
#: Longest client name kept (``approvals.source`` holds ``"mcp:" + name`` in 40 characters).
MAX_CLIENT_NAME = 36


def client_actor(client: str) -> str:
    """The audit actor and approvals source for an MCP client: ``"mcp:<name>"`` with the name
    stripped of control characters and cut to :data:`MAX_CLIENT_NAME` characters."""
    clean = "".join(ch for ch in (client or "") if ch.isprintable()).strip() or "unknown client"
    return "mcp:" + clean[:MAX_CLIENT_NAME]


@dataclass(frozen=True)
class AccessState:
    """The MCP switches: ``enabled`` (False = kill switch on) and ``daily_budget`` (calls per
    client per UTC day)."""

    enabled: bool
    daily_budget: int


def access_state(session: Session) -> AccessState:
    """The current :class:`AccessState` (defaults: enabled, :data:`DEFAULT_DAILY_BUDGET`)."""
    rows: dict[str, str] = {k: v for k, v in session.execute(select(s.Setting.key, s.Setting.value)
                                .where(s.Setting.key.in_((ACCESS_KEY, BUDGET_KEY)))).all()}
    try:
        budget = int(rows.get(BUDGET_KEY) or DEFAULT_DAILY_BUDGET)
    except ValueError:
        budget = DEFAULT_DAILY_BUDGET
    return AccessState(enabled=rows.get(ACCESS_KEY, "on") != "off", daily_budget=budget)


def set_access(workspace: Workspace, enabled: bool, *, actor: str = "user", now: datetime | None = None) -> None:
    """Turn MCP access on or off (the kill switch), audited. A running ``spectrum mcp`` reads it on
    every call, so switching off refuses the next call of every connected client."""
    now = now or datetime.utcnow()
    with workspace.uow() as uow:
        uow.session.merge(s.Setting(key=ACCESS_KEY, value="on" if enabled else "off"))
        audit_append(uow.session, at=now, actor=actor, kind="kill_switch",
                     summary=f"MCP access {'on' if enabled else 'OFF'}", payload={"mcp_access": enabled})
        uow.commit()


def set_daily_budget(workspace: Workspace, calls: int, *, actor: str = "user", now: datetime | None = None) -> None:
    """Set the calls each MCP client may make per UTC day (audited).

    Raises: ValueError when ``calls`` is below 1 or above 1,000,000.
    """
    if not 1 <= int(calls) <= 1_000_000:
        raise ValueError(f"the daily MCP budget must be 1 to 1,000,000 calls per client (got {calls})")
    now = now or datetime.utcnow()
    with workspace.uow() as uow:
        uow.session.merge(s.Setting(key=BUDGET_KEY, value=str(int(calls))))
        audit_append(uow.session, at=now, actor=actor, kind=SETTING_KIND,
                     summary=f"MCP daily budget set to {int(calls)} calls per client",
                     payload={"mcp_daily_budget": int(calls)})
        uow.commit()


def day_start(now: datetime) -> datetime:
    """00:00 of ``now``'s day (naive UTC in, naive UTC out)."""
    return now.replace(hour=0, minute=0, second=0, microsecond=0)


def calls_today(session: Session, client: str, now: datetime) -> int:
    """Served calls (:data:`CALL_KIND` audit entries) of ``client`` since 00:00 UTC of ``now``."""
    return session.execute(select(func.count()).select_from(s.AuditEntry).where(
        s.AuditEntry.at >= day_start(now), s.AuditEntry.actor == client_actor(client),
        s.AuditEntry.kind == CALL_KIND)).scalar() or 0


def calls_by_client_today(session: Session, now: datetime) -> dict[str, int]:
    """{client name: served calls since 00:00 UTC of ``now``}, busiest first."""
    rows = session.execute(select(s.AuditEntry.actor, func.count()).where(
        s.AuditEntry.at >= day_start(now), s.AuditEntry.kind == CALL_KIND)
        .group_by(s.AuditEntry.actor).order_by(func.count().desc())).all()
    return {actor.removeprefix("mcp:"): n for actor, n in rows}


def record_call(workspace: Workspace, client: str, *, summary: str, payload: dict[str, Any],
                refused: bool = False, listing: bool = False, now: datetime | None = None) -> int:
    """Append the audit entry of one MCP call and return its id. SQLite's snapshot conflict with
    another process appending at the same moment is retried (up to 5 times).

    Raises: DatabaseLocked when the database stays locked.
    """
    for attempt in range(5):
        try:
            with workspace.uow() as uow:
                entry = audit_append(uow.session, at=now or datetime.utcnow(), actor=client_actor(client),
                                     kind=REFUSED_KIND if refused else LIST_KIND if listing else CALL_KIND,
                                     summary=summary[:500],
                                     payload=payload)
                uow.commit()
                return entry.id
        except DatabaseLocked:
            if attempt == 4:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


# -- reads for the tools -----------------------------------------------------------------------
def _money(cents: int | None) -> float | None:
    return None if cents is None else cents / 100


def search_deals(session: Session, *, name: str | None, stage: str | None, owner: str | None,
                 stale_days: int | None, now: datetime, limit: int) -> list[dict[str, Any]]:
    """Deals whose name contains ``name``, in stage ``stage`` (label, case-insensitive), owned by
    ``owner`` (contains), and, with ``stale_days``, open with no activity (or, without any, no
    creation) for that many days. Oldest activity first when filtering by staleness, else by name.
    Rows: id, name, stage, amount (major units), currency, close_date, owner, company,
    last_activity_at, days_inactive."""
    q = (select(s.Deal.id, s.Deal.name, s.Stage.label, s.Deal.amount_cents, s.Deal.currency, s.Deal.close_date,
                s.Deal.owner, s.Company.name, s.Deal.last_activity_at, s.Deal.created_at)
         .join(s.Stage, s.Stage.id == s.Deal.stage_id).outerjoin(s.Company, s.Company.id == s.Deal.company_id))
    if name:
        q = q.where(func.lower(s.Deal.name).contains(name.lower(), autoescape=True))
    if stage:
        q = q.where(func.lower(s.Stage.label) == stage.lower())
    if owner:
        q = q.where(func.lower(s.Deal.owner).contains(owner.lower(), autoescape=True))
    if stale_days is not None:
        cutoff = now - timedelta(days=stale_days)
        q = q.where(not_(s.Stage.is_won), not_(s.Stage.is_lost),
                    or_(s.Deal.last_activity_at <= cutoff,
                        and_(s.Deal.last_activity_at.is_(None), s.Deal.created_at <= cutoff)))
        q = q.order_by(func.coalesce(s.Deal.last_activity_at, s.Deal.created_at), s.Deal.id)
    else:
        q = q.order_by(s.Deal.name, s.Deal.id)
    out = []
    for i, n, st, cents, cur, close, own, co, last, created in session.execute(q.limit(limit)):
        ref = last or created
        out.append({"type": "deal", "id": i, "name": n, "stage": st, "amount": _money(cents), "currency": cur,
                    "close_date": close.isoformat() if close else None, "owner": own, "company": co,
                    "last_activity_at": last.isoformat(timespec="minutes") if last else None,
                    "days_inactive": (now - ref).days if ref else None})
    return out


def search_contacts(session: Session, *, name: str | None, stage: str | None, owner: str | None,
                    stale_days: int | None, now: datetime, limit: int) -> list[dict[str, Any]]:
    """Contacts whose "first last" name or e-mail contains ``name``, with lifecycle stage ``stage``
    (e.g. ``lead``, ``customer``), owner containing ``owner`` and, with ``stale_days``, no
    activity in that many days. Rows: id, name, email, job_title, company, lifecycle_stage, owner,
    do_not_contact."""
    full = s.Contact.first_name + " " + s.Contact.last_name
    q = (select(s.Contact.id, full, s.Contact.email, s.Contact.job_title, s.Company.name, s.Contact.lifecycle_stage,
                s.Contact.owner, s.Contact.do_not_contact)
         .outerjoin(s.Company, s.Company.id == s.Contact.company_id))
    if name:
        needle = name.lower()
        q = q.where(or_(func.lower(full).contains(needle, autoescape=True),
                        func.lower(s.Contact.email).contains(needle, autoescape=True)))
    if stage:
        q = q.where(func.lower(s.Contact.lifecycle_stage) == stage.lower().replace(" ", ""))
    if owner:
        q = q.where(func.lower(s.Contact.owner).contains(owner.lower(), autoescape=True))
    if stale_days is not None:
        cutoff = now - timedelta(days=stale_days)
        q = q.where(~exists().where(s.Activity.contact_id == s.Contact.id, s.Activity.occurred_at > cutoff))
    q = q.order_by(s.Contact.last_name, s.Contact.first_name, s.Contact.id).limit(limit)
    return [{"type": "contact", "id": i, "name": n.strip(), "email": e, "job_title": t, "company": co,
             "lifecycle_stage": lc, "owner": own, "do_not_contact": bool(dnc)}
            for i, n, e, t, co, lc, own, dnc in session.execute(q)]


def search_companies(session: Session, *, name: str | None, limit: int) -> list[dict[str, Any]]:
    """Companies whose name or domain contains ``name``. Rows: id, name, domain, industry, city,
    country, employees."""
    q = select(s.Company.id, s.Company.name, s.Company.domain, s.Company.industry, s.Company.city,
               s.Company.country, s.Company.employees)
    if name:
        needle = name.lower()
        q = q.where(or_(func.lower(s.Company.name).contains(needle, autoescape=True),
                        func.lower(s.Company.domain).contains(needle, autoescape=True)))
    q = q.order_by(s.Company.name, s.Company.id).limit(limit)
    return [{"type": "company", "id": i, "name": n, "domain": d, "industry": ind, "city": c, "country": ctry,
             "employees": emp} for i, n, d, ind, c, ctry, emp in session.execute(q)]


def approval_status(session: Session, approval_id: int) -> dict[str, Any] | None:
    """One approval as {id, state (pending | applied | rejected), source, created_at, decided_at,
    audit_id, error, destructive, transcript}; None when there is no such approval."""
    row = session.get(s.Approval, approval_id)
    if row is None:
        return None
    plan = Plan.model_validate_json(row.plan_json)
    return {"id": row.id, "state": row.status, "source": row.source,
            "created_at": row.created_at.isoformat(timespec="seconds") + "Z",
            "decided_at": row.decided_at.isoformat(timespec="seconds") + "Z" if row.decided_at else None,
            "audit_id": row.audit_id, "error": row.error, "destructive": plan.destructive,
            "transcript": plan.transcript}


def workspace_counts(session: Session) -> dict[str, int]:
    """{"contacts", "companies", "deals", "open_deals", "pending_approvals"}: record counts."""
    def count(model: type[s.Base], *where: ColumnElement[bool]) -> int:
        return session.execute(select(func.count()).select_from(model).where(*where)).scalar() or 0
    open_stage = select(s.Stage.id).where(not_(s.Stage.is_won), not_(s.Stage.is_lost))
    return {"contacts": count(s.Contact), "companies": count(s.Company), "deals": count(s.Deal),
            "open_deals": count(s.Deal, s.Deal.stage_id.in_(open_stage)),
            "pending_approvals": count(s.Approval, s.Approval.status == "pending")}


_TARGET_MODELS = {"contact": s.Contact, "company": s.Company, "deal": s.Deal, "task": s.Task}


def target_problems(session: Session, plan: Plan) -> list[str]:
    """What is wrong with the records ``plan``'s actions name: an id that is no local record of
    that type, or a ``new:<i>`` that points at no earlier creating action. [] when all exist.

    (The executor checks again when the plan is approved; this lets a submitted plan be refused
    at once, with the reason, instead of waiting in the queue to fail.)"""
    problems = []
    for i, a in enumerate(plan.actions, 1):
        t = a.target
        if t is None:
            continue
        if t.id.startswith("new:"):
            ref = t.id[4:]
            if not ref.isdigit() or int(ref) >= i - 1 or not plan.actions[int(ref)].kind.startswith("create_"):
                problems.append(f"action {i} ({a.kind}): target id {t.id!r} names no earlier create action")
            continue
        if not t.id.isdigit():
            problems.append(f"action {i} ({a.kind}): target id {t.id!r} is not a record id (digits, or new:<i>)")
            continue
        if session.get(_TARGET_MODELS[t.type], int(t.id)) is None:
            problems.append(f"action {i} ({a.kind}): there is no {t.type} #{t.id} ({t.name!r}) in this workspace")
    return problems


def data_generation(session: Session) -> int:
    """The newest audit entry id that is not an MCP entry: it moves whenever records change
    (applied or undone plans, imports, sync pulls), so a long-running server knows when to rebuild
    its planner's entity index."""
    return session.execute(select(s.AuditEntry.id).where(
        s.AuditEntry.kind.not_in((CALL_KIND, REFUSED_KIND, LIST_KIND, SETTING_KIND)))
        .order_by(s.AuditEntry.id.desc()).limit(1)).scalar() or 0
