"""Read-side queries: plain rows and dataclasses for planners, agents, panels and the CLI.

Nothing here writes. Every function takes a :class:`sqlalchemy.orm.Session` (or connection) that the
caller opened on its own thread.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import asdict
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Select, extract, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from desktop.domain.models import CompanyRow, ContactRow, DealRow, StageRow
from desktop.domain.vocabulary import COMMON_COMPETITORS
from desktop.store import schema as s
from desktop.store.errors import AmbiguousRecord, RecordNotFound


def stages(session: Session) -> list[StageRow]:
    """All stages, in pipeline then stage order."""
    rows = session.execute(select(s.Stage).order_by(s.Stage.pipeline_id, s.Stage.position)).scalars()
    return [StageRow(r.id, r.pipeline_id, r.label, r.position, r.probability, r.is_won, r.is_lost)
            for r in rows]


#: Rows fetched between two ``pause()`` calls of the paced loaders (a few ms of work).
PAUSE_ROWS = 1000


def _paced(session: Session, q: Any, pause: Callable[[], None] | None) -> Iterator[Any]:
    """The rows of ``q``; with ``pause``, fetched :data:`PAUSE_ROWS` at a time with ``pause()``
    between the batches. (One fetchall releases and retakes the GIL per row, which keeps another
    thread waiting for it - the UI thread of the desktop measured 40-150 ms stalls - where a
    ``time.sleep(0)`` pause between batches hands it over.)"""
    if pause is None:
        yield from session.execute(q)
        return
    for part in session.execute(q.execution_options(yield_per=PAUSE_ROWS)).partitions():
        yield from part
        pause()


def companies(session: Session, pause: Callable[[], None] | None = None) -> list[CompanyRow]:
    """All companies as :class:`CompanyRow` by id (``pause``: see :func:`_paced`; the order is fixed
    so that namesake candidates are listed the same way on SQLite and PostgreSQL)."""
    q = select(s.Company.id, s.Company.name, s.Company.domain, s.Company.industry, s.Company.employees,
               s.Company.city, s.Company.country).order_by(s.Company.id)
    return [CompanyRow(*r) for r in _paced(session, q, pause)]


def contacts(session: Session, pause: Callable[[], None] | None = None) -> list[ContactRow]:
    """All contacts as :class:`ContactRow` with their company's name, by id (``pause``: see :func:`_paced`)."""
    last = (select(s.Activity.contact_id.label("cid"), func.max(s.Activity.occurred_at).label("at"))
            .where(s.Activity.contact_id.is_not(None)).group_by(s.Activity.contact_id).subquery())
    q = (select(s.Contact.id, s.Contact.first_name, s.Contact.last_name, s.Contact.email,
                s.Contact.phone, s.Contact.job_title, s.Contact.company_id, s.Company.name,
                s.Contact.do_not_contact, s.Contact.lifecycle_stage, s.Contact.owner, last.c.at)
         .outerjoin(s.Company, s.Company.id == s.Contact.company_id)
         .outerjoin(last, last.c.cid == s.Contact.id)
         .order_by(s.Contact.id))
    return [ContactRow(*r) for r in _paced(session, q, pause)]


def activity_counts(session: Session) -> dict[tuple[str, int, int], int]:
    """Activities per ``(type, year, month)`` (``("call", 2026, 11) -> 11``), for questions such as
    "how many calls have we logged this month" (one GROUP BY; months in UTC), plus ``("demo", y, m)``:
    the meetings among them whose subject starts with "Demo" (a second GROUP BY)."""
    year, month = extract("year", s.Activity.occurred_at), extract("month", s.Activity.occurred_at)
    q = select(s.Activity.type, year, month, func.count()).group_by(s.Activity.type, year, month)
    out = {(t, int(y), int(m)): int(n) for t, y, m, n in session.execute(q)}
    # demos: meetings whose subject says so ("Demo: Acme Corp - Platform Rollout"), for "how many demos did we run"
    demos = (select(year, month, func.count()).where(s.Activity.type == "meeting", func.lower(s.Activity.subject).like("demo%"))
             .group_by(year, month))
    out.update({("demo", int(y), int(m)): int(n) for y, m, n in session.execute(demos)})
    return out


def contact_activity(session: Session) -> dict[int, dict[str, tuple[int, date, date]]]:
    """Per contact, per activity type: ``(count, date of the latest, date of the first)``
    (``{106: {"meeting": (3, date(2026, 11, 2), date(2026, 9, 14))}}``), for "when did we last email
    Tom?", "when did we first meet her?" and "how many meetings have we had with Sarah?" (one GROUP BY
    over activities that name a contact; dates in UTC)."""
    q = (select(s.Activity.contact_id, s.Activity.type, func.count(), func.max(s.Activity.occurred_at),
                func.min(s.Activity.occurred_at))
         .where(s.Activity.contact_id.is_not(None)).group_by(s.Activity.contact_id, s.Activity.type))
    return _per_record(session.execute(q))


def deal_activity(session: Session) -> dict[int, dict[str, tuple[int, date, date]]]:
    """Per deal, per activity type: ``(count, date of the latest, date of the first)``, for "how many
    notes are logged on the Pinecrest deal?" (one GROUP BY over activities that name a deal)."""
    q = (select(s.Activity.deal_id, s.Activity.type, func.count(), func.max(s.Activity.occurred_at),
                func.min(s.Activity.occurred_at))
         .where(s.Activity.deal_id.is_not(None)).group_by(s.Activity.deal_id, s.Activity.type))
    return _per_record(session.execute(q))


def _per_record(rows: Any) -> dict[int, dict[str, tuple[int, date, date]]]:
    out: dict[int, dict[str, tuple[int, date, date]]] = {}
    for rid, kind, n, last, first in rows:
        if last is not None and first is not None:
            out.setdefault(int(rid), {})[kind] = (int(n), last.date() if isinstance(last, datetime) else last,
                                                  first.date() if isinstance(first, datetime) else first)
    return out


def _deal_query() -> Select[Any]:
    return (select(s.Deal.id, s.Deal.name, s.Deal.stage_id, s.Stage.label, s.Deal.amount_cents,
                   s.Deal.currency, s.Deal.close_date, s.Deal.company_id, s.Company.name,
                   ~(s.Stage.is_won | s.Stage.is_lost), s.Deal.competitor, s.Deal.next_step,
                   s.Deal.owner, s.Deal.last_activity_at)
            .join(s.Stage, s.Stage.id == s.Deal.stage_id)
            .outerjoin(s.Company, s.Company.id == s.Deal.company_id)
            .order_by(s.Deal.id))


def deals(session: Session, *, with_contacts: bool = True, ids: list[int] | None = None,
          pause: Callable[[], None] | None = None) -> list[DealRow]:
    """Deals as :class:`DealRow` by id (optionally only ``ids``), with associated contact ids in
    ascending order (``pause``: see :func:`_paced`)."""
    q = _deal_query()
    if ids is not None:
        q = q.where(s.Deal.id.in_(ids))
    links: dict[int, list[int]] = {}
    if with_contacts:
        lq = select(s.DealContact.deal_id, s.DealContact.contact_id).order_by(
            s.DealContact.deal_id, s.DealContact.contact_id)
        if ids is not None:
            lq = lq.where(s.DealContact.deal_id.in_(ids))
        for d, c in _paced(session, lq, pause):
            links.setdefault(d, []).append(c)
    return [DealRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], bool(r[9]), r[10], r[11], r[12], r[13],
                    contact_ids=tuple(links.get(r[0], ()))) for r in _paced(session, q, pause)]


def load_index_rows(session: Session) -> tuple[list[ContactRow], list[CompanyRow], list[DealRow],
                                                list[StageRow]]:
    """Everything the planner's entity index is built from: (contacts, companies, deals, stages)."""
    return contacts(session), companies(session), deals(session), stages(session)


def vocabulary(session: Session, limit: int = 400) -> list[str]:
    """Names that bias speech recognition: company names, contact full names, stage labels and
    competitors, most recently active first, at most ``limit``."""
    names: list[str] = [r.label for r in stages(session)]
    names += session.execute(select(s.Company.name).order_by(s.Company.updated_at.desc()).limit(limit)).scalars().all()
    names += [f"{a} {b}".strip() for a, b in session.execute(
        select(s.Contact.first_name, s.Contact.last_name).order_by(s.Contact.updated_at.desc()).limit(limit))]
    names += [c for c in session.execute(select(s.Deal.competitor).where(s.Deal.competitor.is_not(None)).distinct()
                                         .limit(50)).scalars().all() if c is not None]
    names += COMMON_COMPETITORS
    seen: dict[str, None] = {}
    for n in names:
        if n and n not in seen:
            seen[n] = None
    return list(seen)[:limit]


def is_empty(session: Session) -> bool:
    """True when there are no companies, contacts or deals."""
    return all(session.execute(select(func.count()).select_from(m)).scalar() == 0
               for m in (s.Company, s.Contact, s.Deal))


def budget_overrides(session: Session) -> dict[str, float]:
    """Per-agent daily budgets in USD set in the workspace (settings ``budget_usd:<agent>``)."""
    out: dict[str, float] = {}
    for k, v in session.execute(select(s.Setting.key, s.Setting.value).where(s.Setting.key.like("budget_usd:%"))):
        try:
            out[k.split(":", 1)[1]] = float(v)
        except ValueError:
            continue
    return out


def get_setting(session: Session, key: str) -> str | None:
    """A workspace setting's value, or None."""
    return session.execute(select(s.Setting.value).where(s.Setting.key == key)).scalar()


# -- show --------------------------------------------------------------------------------------
def _find(session: Session, model: type[s.Deal] | type[s.Contact] | type[s.Company],
          name_cols: list[InstrumentedAttribute[str]], needle: str, label: str) -> int:
    if needle.isdigit() and session.get(model, int(needle)) is not None:
        return int(needle)
    text = needle.strip().lower()
    display = name_cols[0] if len(name_cols) == 1 else name_cols[0] + " " + name_cols[1]
    expr = func.lower(display)
    exact = session.execute(select(model.id, display).where(expr == text).limit(10)).all()
    rows = exact or session.execute(select(model.id, display).where(expr.like(f"%{text}%")).limit(10)).all()
    if not rows:
        raise RecordNotFound(f"no {label} matches {needle!r}", f"try `spectrum show {label} ID`")
    if len(rows) > 1:
        raise AmbiguousRecord(f"{len(rows)} {label}s match {needle!r}", [(i, n) for i, n in rows])
    return int(rows[0][0])


def show(session: Session, kind: str, needle: str) -> dict[str, Any]:
    """One deal, contact or company with its associations, as JSON-ready dict.

    Raises:
        RecordNotFound / AmbiguousRecord: no or several records match ``needle`` (id or name).
    """
    if kind == "deal":
        did = _find(session, s.Deal, [s.Deal.name], needle, "deal")
        d = deals(session, ids=[did])[0]
        out = _jsonable(asdict(d))
        out["amount"] = None if d.amount_cents is None else d.amount_cents / 100
        out["contacts"] = [_jsonable(asdict(c)) for c in contacts_by_ids(session, list(d.contact_ids))]
        out["activities"] = activities_for(session, deal_id=did)
        out["tasks"] = tasks_for(session, deal_id=did)
        return out
    if kind == "contact":
        cid = _find(session, s.Contact, [s.Contact.first_name, s.Contact.last_name], needle, "contact")
        c = contacts_by_ids(session, [cid])[0]
        out = _jsonable(asdict(c))
        out["name"] = c.name
        dids = session.execute(select(s.DealContact.deal_id).where(s.DealContact.contact_id == cid)).scalars().all()
        out["deals"] = [{"id": d.id, "name": d.name, "stage": d.stage_label} for d in deals(session, ids=list(dids))]
        out["activities"] = activities_for(session, contact_id=cid)
        out["tasks"] = tasks_for(session, contact_id=cid)
        return out
    if kind == "company":
        co_id = _find(session, s.Company, [s.Company.name], needle, "company")
        co = session.get(s.Company, co_id)
        if co is None:  # _find checked it: deleted in between
            raise RecordNotFound(f"no company matches {needle!r}", "try `spectrum show company ID`")
        out = {"id": co.id, "name": co.name, "domain": co.domain, "industry": co.industry,
               "employees": co.employees, "city": co.city, "country": co.country}
        out["contacts"] = [{"id": c.id, "name": c.name, "job_title": c.job_title} for c in contacts_by_ids(
            session, list(session.execute(select(s.Contact.id).where(s.Contact.company_id == co_id)).scalars()))]
        dids = session.execute(select(s.Deal.id).where(s.Deal.company_id == co_id)).scalars().all()
        out["deals"] = [{"id": d.id, "name": d.name, "stage": d.stage_label, "open": d.is_open,
                         "amount": None if d.amount_cents is None else d.amount_cents / 100}
                        for d in deals(session, ids=list(dids), with_contacts=False)]
        return out
    raise ValueError(f"unknown record kind {kind!r} (expected deal, contact or company)")


def contacts_by_ids(session: Session, ids: list[int]) -> list[ContactRow]:
    """Contacts with these ids."""
    if not ids:
        return []
    q = (select(s.Contact.id, s.Contact.first_name, s.Contact.last_name, s.Contact.email,
                s.Contact.phone, s.Contact.job_title, s.Contact.company_id, s.Company.name,
                s.Contact.do_not_contact)
         .outerjoin(s.Company, s.Company.id == s.Contact.company_id).where(s.Contact.id.in_(ids)))
    return [ContactRow(*r) for r in session.execute(q)]


def activities_for(session: Session, *, deal_id: int | None = None, contact_id: int | None = None,
                   limit: int = 50) -> list[dict[str, Any]]:
    """Newest activities of a deal or contact, as dicts."""
    q = select(s.Activity).order_by(s.Activity.occurred_at.desc()).limit(limit)
    q = q.where(s.Activity.deal_id == deal_id) if deal_id is not None else q.where(
        s.Activity.contact_id == contact_id)
    return [{"id": a.id, "type": a.type, "at": a.occurred_at.isoformat(sep=" ", timespec="minutes"),
             "subject": a.subject, "body": a.body, "sentiment": a.sentiment}
            for a in session.execute(q).scalars()]


def tasks_for(session: Session, *, deal_id: int | None = None, contact_id: int | None = None) -> list[dict[str, Any]]:
    """Tasks of a deal or contact, soonest first."""
    q = select(s.Task).order_by(s.Task.due_date)
    q = q.where(s.Task.deal_id == deal_id) if deal_id is not None else q.where(
        s.Task.contact_id == contact_id)
    return [{"id": t.id, "title": t.title, "due_date": t.due_date.isoformat() if t.due_date else None,
             "status": t.status, "kind": t.kind} for t in session.execute(q).scalars()]


def _jsonable(d: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for k, v in d.items():
        if isinstance(v, (datetime, date)):
            v = v.isoformat()
        elif isinstance(v, tuple):
            v = list(v)
        out[k] = v
    return out


def recent_audit(session: Session, limit: int = 100) -> list[dict[str, Any]]:
    """Newest audit entries first: id, at, actor, kind, summary."""
    q = select(s.AuditEntry).order_by(s.AuditEntry.id.desc()).limit(limit)
    return [{"id": e.id, "at": e.at.isoformat(sep=" ", timespec="seconds"), "actor": e.actor,
             "kind": e.kind, "summary": e.summary} for e in session.execute(q).scalars()]


def pending_approvals_count(session: Session) -> int:
    """How many plans wait in the approvals queue."""
    return session.execute(select(func.count()).select_from(s.Approval).where(
        s.Approval.status == "pending")).scalar() or 0


def open_tasks(session: Session, due_by: date | None = None, limit: int = 200) -> list[dict[str, Any]]:
    """Open tasks, soonest due first (optionally only those due by ``due_by``)."""
    q = select(s.Task).where(s.Task.status == "open").order_by(s.Task.due_date).limit(limit)
    if due_by is not None:
        q = q.where(s.Task.due_date <= due_by)
    return [{"id": t.id, "title": t.title, "due_date": t.due_date.isoformat() if t.due_date else None,
             "deal_id": t.deal_id, "contact_id": t.contact_id, "kind": t.kind}
            for t in session.execute(q).scalars()]


def days_between(a: datetime, b: datetime) -> float:
    """(b - a) in days (float)."""
    return (b - a) / timedelta(days=1)
