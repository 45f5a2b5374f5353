"""Answers on screen: the records a read-only plan (``search`` / ``answer`` actions) stands for.

A ``search`` action (``{"object": "deal|contact|company|task", "filters": {...}}``) is executed here,
read-only, with every filter kept; an ``answer`` action's ``records`` (``["deal:5004", ...]``) are
loaded with the fields a user asks about. Nothing is written.

Filters (keys the planner emits, see :func:`desktop.planner._create.search_action`, and the ones an
LLM plan may add): ``stage`` (label), ``company`` (name), ``name`` (substring of the record's name),
``owner`` (substring), ``is_open`` (bool), ``close_date_before`` / ``close_date_after`` and
``due_date_before`` (ISO dates, inclusive), ``amount_gte`` / ``amount_lte`` (major units),
``city``, ``stale_days`` / ``not_contacted_days`` (no activity for at least N days, or none: "not
contacted since"), ``created_after`` (ISO date). Unknown filter keys are reported in
:attr:`Results.ignored`, never dropped silently.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from desktop.services.facades.plans import Results

#: Columns shown per object type, in order.
COLUMNS: dict[str, list[tuple[str, str]]] = {
    "deal": [("name", "Deal"), ("stage", "Stage"), ("amount", "Amount"), ("close_date", "Close date"),
             ("owner", "Owner"), ("last_activity", "Last activity")],
    "contact": [("name", "Contact"), ("company", "Company"), ("job_title", "Title"), ("email", "Email"),
                ("owner", "Owner"), ("last_activity", "Last activity")],
    "company": [("name", "Company"), ("city", "City"), ("industry", "Industry"), ("domain", "Domain")],
    "task": [("name", "Task"), ("due_date", "Due"), ("kind", "Type")],
}
KNOWN_FILTERS = frozenset({"stage", "company", "name", "owner", "is_open", "close_date_before", "close_date_after",
                           "due_date_before", "amount_gte", "amount_lte", "city", "stale_days", "not_contacted_days",
                           "created_after"})
MAX_ROWS = 500


#: How each search filter reads in the results sentence ("3 deals open in Negotiation at Acme ..."), in order.
_FILTER_WORDS: tuple[tuple[str, Any], ...] = (
    ("stage", lambda v: f"in {v}"), ("company", lambda v: f"at {v}"), ("owner", lambda v: f"owned by {v}"),
    ("name", lambda v: f"named \u201c{v}\u201d"), ("city", lambda v: f"in {v}"),
    ("amount_gte", lambda v: f"of at least ${float(v):,.0f}"), ("amount_lte", lambda v: f"of at most ${float(v):,.0f}"),
    ("close_date_after", lambda v: f"closing from {v}"), ("close_date_before", lambda v: f"closing by {v}"),
    ("due_date_before", lambda v: f"due by {v}"))


def _iso(d: Any) -> str | None:
    if d is None:
        return None
    return d.date().isoformat() if isinstance(d, datetime) else d.isoformat()


def _deal_row(d: Any) -> dict[str, Any]:
    return {"type": "deal", "id": d.id, "name": d.name, "stage": d.stage_label,
            "amount": None if d.amount_cents is None else d.amount_cents / 100, "close_date": _iso(d.close_date),
            "owner": d.owner, "last_activity": _iso(d.last_activity_at), "company": d.company_name}


def _contact_row(c: Any) -> dict[str, Any]:
    return {"type": "contact", "id": c.id, "name": c.name, "company": c.company_name, "job_title": c.job_title,
            "email": c.email, "owner": c.owner, "last_activity": _iso(c.last_activity_at)}


def _company_row(c: Any) -> dict[str, Any]:
    return {"type": "company", "id": c.id, "name": c.name, "city": c.city, "industry": c.industry,
            "domain": c.domain}


def _day(v: Any) -> date | None:
    try:
        return date.fromisoformat(str(v)[:10])
    except ValueError:
        return None


def _keep(row: dict[str, Any], filters: dict[str, Any], today: date, is_open: bool | None) -> bool:
    f = filters
    low = lambda v: str(v or "").lower()  # noqa: E731
    if "stage" in f and low(row.get("stage")) != low(f["stage"]):
        return False
    if "company" in f and low(f["company"]) not in low(row.get("company") or (row["name"] if row["type"] == "company"
                                                                            else "")):
        return False
    if "name" in f and low(f["name"]) not in low(row.get("name")):
        return False
    if "owner" in f and low(f["owner"]) not in low(row.get("owner")):
        return False
    if f.get("is_open") and is_open is False:
        return False
    if "city" in f and low(f["city"]) != low(row.get("city")):
        return False
    for key, col, before in (("close_date_before", "close_date", True), ("close_date_after", "close_date", False),
                             ("due_date_before", "due_date", True)):
        if key in f:
            bound, got = _day(f[key]), _day(row.get(col) or "")
            if bound is None or got is None or (got > bound if before else got < bound):
                return False
    if "amount_gte" in f and (row.get("amount") is None or row["amount"] < float(f["amount_gte"])):
        return False
    if "amount_lte" in f and (row.get("amount") is None or row["amount"] > float(f["amount_lte"])):
        return False
    quiet = f.get("not_contacted_days", f.get("stale_days"))
    if quiet is not None:
        last = _day(row.get("last_activity") or "")
        if last is not None and (today - last).days < int(quiet):
            return False
    return True


def _describe(obj: str, n: int, filters: dict[str, Any]) -> str:
    parts = [f"{n} {obj}{'' if n == 1 else 's'}"]
    f = filters
    if f.get("is_open"):
        parts.append("open")
    for key, say in _FILTER_WORDS:
        if key in f:
            parts.append(say(f[key]))
    quiet = f.get("not_contacted_days", f.get("stale_days"))
    if quiet is not None:
        parts.append(f"not contacted for {quiet} days")
    return " ".join(parts) + "."


def search(workspace: Any, obj: str, filters: dict[str, Any], today: date) -> Results:
    """Execute one ``search`` action read-only. ``obj``: deal / contact / company / task."""
    from desktop.store import queries

    obj = obj if obj in COLUMNS else "deal"
    filters = dict(filters or {})
    ignored = sorted(set(filters) - KNOWN_FILTERS)
    found: list[tuple[dict[str, Any], bool | None]]
    with workspace.uow() as uow:
        if obj == "deal":
            found = [(_deal_row(d), d.is_open) for d in queries.deals(uow.session, with_contacts=False)]
        elif obj == "contact":
            found = [(_contact_row(c), None) for c in queries.contacts(uow.session)]
        elif obj == "company":
            found = [(_company_row(c), None) for c in queries.companies(uow.session)]
        else:
            due = _day(filters.get("due_date_before", "")) if "due_date_before" in filters else None
            found = [({"type": "task", "id": t["id"], "name": t["title"], "due_date": t["due_date"], "kind": t["kind"]},
                      True) for t in queries.open_tasks(uow.session, due_by=due, limit=MAX_ROWS)]
    rows = [r for r, is_open in found if _keep(r, filters, today, is_open)]
    if obj == "deal":
        rows.sort(key=lambda r: -(r["amount"] or 0))
    return Results(_describe(obj, len(rows), filters), obj, COLUMNS[obj], rows[:MAX_ROWS], filters, ignored,
                   total=len(rows))


def records(workspace: Any, refs: list[str]) -> list[dict[str, Any]]:
    """Rows for ``["deal:5004", "contact:102", ...]`` in the given order (unknown ones skipped)."""
    from desktop.store import queries

    want: dict[str, list[int]] = {}
    for ref in refs:
        kind, _, ident = str(ref).partition(":")
        if ident.isdigit():
            want.setdefault(kind, []).append(int(ident))
    got: dict[str, dict[str, Any]] = {}
    with workspace.uow() as uow:
        if want.get("deal"):
            got.update({f"deal:{d.id}": _deal_row(d) for d in queries.deals(uow.session, ids=want["deal"],
                                                                             with_contacts=False)})
        if want.get("contact"):
            got.update({f"contact:{c.id}": _contact_row(c) for c in queries.contacts_by_ids(uow.session,
                                                                                           want["contact"])})
        if want.get("company"):
            ids = set(want["company"])
            got.update({f"company:{c.id}": _company_row(c) for c in queries.companies(uow.session) if c.id in ids})
    return [got[r] for r in refs if r in got]


def results_for(workspace: Any, plan: Any, today: date) -> Results | None:
    """The results a read-only plan shows (None for a plan that changes data or asks a question):
    the first ``answer`` action's sentence and records, else the first ``search`` run read-only."""
    if plan.mutating or plan.clarifications:
        return None
    answers = [a for a in plan.actions if a.kind == "answer"]
    searches = [a for a in plan.actions if a.kind == "search"]
    if answers:
        a = answers[0]
        rows = records(workspace, list(a.fields.get("records") or []))
        obj = rows[0]["type"] if rows else "deal"
        return Results(str(a.fields.get("text") or plan.message or ""), obj, COLUMNS[obj], rows,
                       value=a.fields.get("value"), total=len(rows))
    if searches:
        a = searches[0]
        return search(workspace, str(a.fields.get("object") or "deal"), dict(a.fields.get("filters") or {}), today)
    return None

