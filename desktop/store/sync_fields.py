"""Workspace columns (``desktop.store.schema`` / executor outbox payloads) <-> neutral fields.

The executor writes outbox payloads with column names and local ids (``stage_id``, ``company_id``,
ISO datetimes); adapters speak neutral fields (``stage_external_id``, epoch-ms timestamps).
Local foreign keys are translated through ``to_ext(entity, local_id) -> external id | None`` and
``to_local(entity, external_id) -> local id | None`` callables (the ``external_ids`` table).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

ToExt = Callable[[str, int], "str | None"]
ToLocal = Callable[[str, str], "int | None"]

_SAME = {
    "company": ("name", "domain", "industry", "employees", "city", "country"),
    "contact": ("first_name", "last_name", "email", "phone", "job_title"),
    "deal": ("name", "amount_cents", "currency"),
    "activity": ("subject", "body"),
    "task": ("body", "status"),
}
#: (local column, neutral field, entity the local id points at)
_FKS = {
    "contact": [("company_id", "company_external_id", "company")],
    "deal": [("stage_id", "stage_external_id", "stage"),
             ("pipeline_id", "pipeline_external_id", "pipeline"),
             ("company_id", "company_external_id", "company")],
    # engagement / task links (HubSpot associations, Pipedrive person_id / deal_id)
    "activity": [("contact_id", "contact_external_id", "contact"),
                 ("deal_id", "deal_external_id", "deal")],
    "task": [("contact_id", "contact_external_id", "contact"),
             ("deal_id", "deal_external_id", "deal")],
}
#: Links to enumerated CRM values (a stage or pipeline id from the CRM's own list): a local value
#: with no CRM id is never sent as null; :func:`to_neutral` leaves the field out and names it under
#: :data:`UNMAPPED`, and the push holds the change until it is mapped.
ENUMERATED_FKS = frozenset({"stage_external_id", "pipeline_external_id"})
#: payload key listing the enumerated links that have no CRM id: ``[{"field", "entity", "local_id"}]``
UNMAPPED = "_unmapped"
#: neutral list field of a deal's contacts (the ``deal_contacts`` table, not a column)
DEAL_CONTACTS = "contact_external_ids"
#: (local column, neutral field, entity) of the single-valued links (associations) a pull mirrors,
#: removals included: a pulled ``None`` clears the column when it points at a synced record
LINK_FKS = {entity: [fk for fk in fks if fk[0] in ("company_id", "contact_id", "deal_id")]
            for entity, fks in _FKS.items()}


def _dt_to_ms(v: Any) -> int | None:
    if v in (None, ""):
        return None
    dt = v if isinstance(v, datetime) else datetime.fromisoformat(str(v))
    return int((dt if dt.tzinfo else dt.replace(tzinfo=UTC)).timestamp() * 1000)


def _ms_to_dt(ms: Any) -> datetime | None:
    if ms in (None, ""):
        return None
    return datetime.fromtimestamp(int(ms) / 1000, tz=UTC).replace(tzinfo=None)


def to_neutral(entity: str, cols: dict[str, Any], to_ext: ToExt) -> dict[str, Any]:
    """Local column values (only those present) -> neutral fields.

    A link whose target has no external id becomes ``None`` (for a record link: not in the CRM
    yet, or cleared), except the enumerated ones (:data:`ENUMERATED_FKS`: stage, pipeline), which
    are never ``None``: they are left out and listed under :data:`UNMAPPED` (``{"field",
    "entity", "local_id"}``; a cleared one is just left out)."""
    out = {k: cols[k] for k in _SAME.get(entity, ()) if k in cols}
    for col, field, target in _FKS.get(entity, []):
        if col not in cols:
            continue
        ext = to_ext(target, int(cols[col])) if cols[col] is not None else None
        if field in ENUMERATED_FKS and ext is None:
            if cols[col] is not None:
                out.setdefault(UNMAPPED, []).append(
                    {"field": field, "entity": target, "local_id": int(cols[col])})
            continue
        out[field] = ext
    if entity == "deal" and "close_date" in cols:
        out["close_date"] = str(cols["close_date"])[:10] if cols["close_date"] else None
    if entity == "activity":
        if "type" in cols:
            out["kind"] = cols["type"]
        if "occurred_at" in cols:
            out["occurred_at"] = _dt_to_ms(cols["occurred_at"])
    if entity == "task":
        if "title" in cols:
            out["subject"] = cols["title"]
        if "due_date" in cols:
            due = cols["due_date"]
            if due:
                out["due_at"] = _dt_to_ms(f"{str(due)[:10]}T{cols.get('due_time') or '09:00'}:00")
            else:
                out["due_at"] = None
    return out


def to_columns(entity: str, fields: dict[str, Any], to_local: ToLocal) -> dict[str, Any]:
    """Neutral fields -> local column values (unknown external ids are left out)."""
    out = {k: fields[k] for k in _SAME.get(entity, ()) if k in fields}
    for col, field, target in _FKS.get(entity, []):
        if fields.get(field):
            local = to_local(target, str(fields[field]))
            if local is not None:
                out[col] = local
    if entity == "deal" and "close_date" in fields:
        v = fields["close_date"]
        out["close_date"] = date.fromisoformat(v[:10]) if v else None
    if entity == "activity":
        if fields.get("kind"):
            out["type"] = fields["kind"]
        if "occurred_at" in fields:
            out["occurred_at"] = _ms_to_dt(fields["occurred_at"])
    if entity == "task":
        if "subject" in fields:
            out["title"] = fields["subject"] or ""
        if "due_at" in fields:
            dt = _ms_to_dt(fields["due_at"])
            out["due_date"] = dt.date() if dt else None
            out["due_time"] = dt.strftime("%H:%M") if dt else None
    return out
