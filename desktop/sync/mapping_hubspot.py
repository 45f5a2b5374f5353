"""HubSpot CRM v3 JSON <-> neutral :class:`desktop.sync.port.Record`.

HubSpot objects (``/crm/v3/objects/{type}``): ``companies``, ``contacts``, ``deals`` and the
engagements ``notes``, ``calls``, ``meetings`` (neutral type ``activity``) and ``tasks``.
Each object is ``{"id", "properties": {...}, "createdAt", "updatedAt", "archived", "archivedAt"?}``
with ISO 8601 timestamps. Neutral activity ids are ``"<hubspot type>/<id>"`` (e.g. ``"calls/42"``)
because one neutral type spans three HubSpot types.

Money: HubSpot ``amount`` is a decimal string in the deal currency; neutral ``amount_cents`` is an int.
Idempotency: every object type carries the custom unique property :data:`KEY_PROPERTY`
(``hasUniqueValue: true``), used as ``idProperty`` for batch upserts.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from desktop.sync.port import Record

#: Custom unique property holding Spectrum's idempotency key on every object type.
KEY_PROPERTY = "spectrum_key"
#: HubSpot types whose :data:`KEY_PROPERTY` ``spectrum connect`` creates -> preferred property
#: group. Every type that is upserted by ``idProperty=spectrum_key`` is listed: the engagements
#: (notes, calls, meetings, tasks) too, or their pushes fail on a fresh portal. ``None``: the
#: type's first property group (``GET /crm/v3/properties/{type}/groups``) is used.
KEY_PROPERTY_TYPES: dict[str, str | None] = {
    "companies": "companyinformation", "contacts": "contactinformation",
    "deals": "dealinformation", "notes": None, "calls": None, "meetings": None, "tasks": None}
#: neutral type -> HubSpot object types
HUBSPOT_TYPES: dict[str, tuple[str, ...]] = {
    "company": ("companies",),
    "contact": ("contacts",),
    "deal": ("deals",),
    "activity": ("notes", "calls", "meetings"),
    "task": ("tasks",),
}
ACTIVITY_KIND = {"notes": "note", "calls": "call", "meetings": "meeting"}
KIND_TYPE = {v: k for k, v in ACTIVITY_KIND.items()}


def modified_property(hs_type: str) -> str:
    """The last-modified property to search on (contacts use ``lastmodifieddate``)."""
    return "lastmodifieddate" if hs_type == "contacts" else "hs_lastmodifieddate"


def iso_to_ms(value: str | None) -> int:
    """``"2024-01-15T10:30:00.000Z"`` (or epoch ms as a string) -> epoch ms; ``None`` -> 0."""
    if not value:
        return 0
    if value.isdigit():
        return int(value)
    return int(datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp() * 1000)


def ms_to_iso(ms: int) -> str:
    """Epoch ms -> ISO 8601 UTC with milliseconds and ``Z``."""
    dt = datetime.fromtimestamp(ms / 1000, tz=UTC)
    return dt.strftime("%Y-%m-%dT%H:%M:%S.") + f"{ms % 1000:03d}Z"


def _cents_in(v: str | None) -> int | None:
    try:
        return int((Decimal(v) * 100).to_integral_value()) if v not in (None, "") else None
    except InvalidOperation:
        return None


def _cents_out(v: int | None) -> str | None:
    return None if v is None else str(Decimal(v) / 100)


def _int_in(v: str | None) -> int | None:
    try:
        return int(float(v)) if v not in (None, "") else None
    except ValueError:
        return None


def _str_out(v: Any) -> str | None:
    return None if v is None else str(v)


def _ident(v: Any) -> Any:
    return v


def _ms_in(v: str | None) -> int | None:
    return iso_to_ms(v) if v else None


def _ms_out(v: int | None) -> str | None:
    return None if v is None else ms_to_iso(int(v))


def _task_status_in(v: str | None) -> str:
    return "done" if v == "COMPLETED" else "open"


def _task_status_out(v: str | None) -> str:
    return "COMPLETED" if v == "done" else "NOT_STARTED"


Conv = tuple[str, Callable[[Any], Any], Callable[[Any], Any]]  # (hs property, in, out)
_S: tuple[Callable[[Any], Any], Callable[[Any], Any]] = (_ident, _str_out)

#: HubSpot type -> neutral field -> (property, remote->neutral, neutral->remote)
PROPERTIES: dict[str, dict[str, Conv]] = {
    "companies": {"name": ("name", *_S), "domain": ("domain", *_S), "industry": ("industry", *_S),
                  "employees": ("numberofemployees", _int_in, _str_out), "city": ("city", *_S),
                  "country": ("country", *_S)},
    "contacts": {"first_name": ("firstname", *_S), "last_name": ("lastname", *_S),
                 "email": ("email", *_S), "phone": ("phone", *_S), "job_title": ("jobtitle", *_S),
                 # the primary company (read-only: written through the associations API)
                 "company_external_id": ("associatedcompanyid", *_S)},
    "deals": {"name": ("dealname", *_S), "amount_cents": ("amount", _cents_in, _cents_out),
              "currency": ("deal_currency_code", lambda v: v.lower() if v else v,
                           lambda v: v.upper() if v else v),
              "stage_external_id": ("dealstage", *_S), "pipeline_external_id": ("pipeline", *_S),
              "close_date": ("closedate", lambda v: v[:10] if v else None, _str_out)},
    "notes": {"body": ("hs_note_body", *_S), "occurred_at": ("hs_timestamp", _ms_in, _ms_out)},
    "calls": {"subject": ("hs_call_title", *_S), "body": ("hs_call_body", *_S),
              "occurred_at": ("hs_timestamp", _ms_in, _ms_out)},
    "meetings": {"subject": ("hs_meeting_title", *_S), "body": ("hs_meeting_body", *_S),
                 "occurred_at": ("hs_timestamp", _ms_in, _ms_out)},
    "tasks": {"subject": ("hs_task_subject", *_S), "body": ("hs_task_body", *_S),
              "status": ("hs_task_status", _task_status_in, _task_status_out),
              "due_at": ("hs_timestamp", _ms_in, _ms_out)},
}


def neutral_type(hs_type: str) -> str:
    """HubSpot object type -> neutral type."""
    for neutral, hs_types in HUBSPOT_TYPES.items():
        if hs_type in hs_types:
            return neutral
    raise KeyError(hs_type)


def property_names(hs_type: str) -> list[str]:
    """Properties to request for ``hs_type`` (mapped ones, the key and the modified date)."""
    return [c[0] for c in PROPERTIES[hs_type].values()] + [KEY_PROPERTY, modified_property(hs_type)]


def external_id(hs_type: str, hs_id: str) -> str:
    """Neutral external id: the HubSpot id, or ``"<type>/<id>"`` for activities."""
    return f"{hs_type}/{hs_id}" if hs_type in ACTIVITY_KIND else str(hs_id)


def split_external_id(neutral: str, ext_id: str) -> tuple[str, str]:
    """Neutral external id -> (HubSpot type, HubSpot id)."""
    if neutral == "activity":
        hs_type, _, hs_id = ext_id.partition("/")
        return hs_type, hs_id
    return HUBSPOT_TYPES[neutral][0], ext_id


def hubspot_type_for(neutral: str, fields: dict[str, Any]) -> str:
    """HubSpot type for a write of ``fields`` (activities: by ``fields["kind"]``, default note)."""
    if neutral == "activity":
        return KIND_TYPE.get(fields.get("kind") or "note", "notes")
    return HUBSPOT_TYPES[neutral][0]


#: HubSpot type -> associated HubSpot type -> (neutral field, many). Read on pull (list
#: ``associations=`` or v4 ``batch/read``) and written on push (v4 ``batch/associate/default``).
#: A contact's company is also readable as the ``associatedcompanyid`` property.
ASSOCIATIONS: dict[str, dict[str, tuple[str, bool]]] = {
    "contacts": {"companies": ("company_external_id", False)},
    "deals": {"companies": ("company_external_id", False),
              "contacts": ("contact_external_ids", True)},
    **{t: {"contacts": ("contact_external_id", False), "deals": ("deal_external_id", False),
           "companies": ("company_external_id", False)}
       for t in ("notes", "calls", "meetings", "tasks")},
}
#: associations read on pull (a contact's company comes with its properties)
PULL_ASSOCIATIONS = {t: tuple(a for a in v if not (t == "contacts" and a == "companies"))
                     for t, v in ASSOCIATIONS.items()}


#: HubSpot-defined "Primary" association type ids (from type, to type) -> typeId (associations v4
#: guide, "Association type ID values": contact to company primary 1, deal to company primary 5).
#: A contact's ``associatedcompanyid`` is its primary company; Spectrum's single company link is
#: written as the primary association so the pull reads back what was pushed.
PRIMARY_TYPE_IDS = {("contacts", "companies"): 1, ("deals", "companies"): 5}
#: association ``type`` names of the primary association in v3 list answers (``associations=``)
PRIMARY_V3_TYPES = frozenset({"contact_to_company", "deal_to_company"})


def association_fields(hs_type: str, assoc: dict[str, list[str] | None],
                       primary: dict[str, str] | None = None) -> dict[str, Any]:
    """``{"contacts": ["12", ...], ...}`` (associated ids per HubSpot type) -> neutral fields;
    single-valued fields take the primary association (``primary``: to type -> id, when known)
    or else the first (lowest) id; types not read for ``hs_type`` are ignored.
    A type mapped to ``None`` was only partly read (paged): its field is left out, so the pull
    neither sets nor removes those links."""
    out: dict[str, Any] = {}
    for to_type in PULL_ASSOCIATIONS.get(hs_type, ()):
        if to_type in assoc and assoc[to_type] is None:
            continue
        field, many = ASSOCIATIONS[hs_type][to_type]
        ids = sorted({str(i) for i in assoc.get(to_type) or ()}, key=lambda i: (len(i), i))
        first = (primary or {}).get(to_type)
        out[field] = ids if many else (first if first in ids else ids[0] if ids else None)
    return out


def to_record(hs_type: str, obj: dict[str, Any],
              assoc: dict[str, list[str] | None] | None = None,
              primary: dict[str, str] | None = None) -> Record:
    """One HubSpot object JSON -> neutral :class:`Record` (unmapped properties are dropped).
    ``assoc``: associated ids per HubSpot type when they were read (else taken from the object's
    ``associations`` member if present; association fields are absent when not read at all)."""
    props = obj.get("properties") or {}
    fields: dict[str, Any] = {}
    if assoc is None and isinstance(obj.get("associations"), dict):
        assoc = {t: [r.get("id") or r.get("toObjectId") for r in (v or {}).get("results", [])]
                 for t, v in obj["associations"].items()}
    if assoc is not None:
        fields.update(association_fields(hs_type, assoc, primary))
    for name, (prop, conv_in, _) in PROPERTIES[hs_type].items():
        if prop in props:
            fields[name] = conv_in(props[prop])
    if hs_type in ACTIVITY_KIND:
        fields["kind"] = ACTIVITY_KIND[hs_type]
    if props.get(KEY_PROPERTY):
        fields["idempotency_key"] = props[KEY_PROPERTY]
    updated = obj.get("archivedAt") if obj.get("archived") else None
    updated_ms = iso_to_ms(updated or obj.get("updatedAt") or props.get(modified_property(hs_type)))
    return Record(type=neutral_type(hs_type), external_id=external_id(hs_type, obj["id"]),
                  fields=fields, updated_at=updated_ms, archived=bool(obj.get("archived")))


#: neutral fields written through the associations API, not as properties
ASSOCIATION_FIELDS = {"company_external_id": "companies", "contact_external_ids": "contacts",
                      "contact_external_id": "contacts", "deal_external_id": "deals"}
#: Enumerated properties (a value must be one of the portal's options or ids): never sent empty.
#: A neutral ``None`` for one of these means the local value has no CRM counterpart; the worker
#: holds such a change (:func:`desktop.sync.worker.unmapped_reason`) and this module drops it as a
#: last guard. Source: HubSpot "Properties" guide (enumeration type; ``dealstage``/``pipeline``
#: take pipeline and stage ids).
ENUMERATED = frozenset({"dealstage", "pipeline", "hs_task_status", "deal_currency_code"})
#: Engagement types whose ``hs_timestamp`` is required on create (HubSpot engagements guides:
#: "hs_timestamp: Required. This field marks the ... time").
TIMESTAMPED = frozenset({"notes", "calls", "meetings", "tasks"})


def to_properties(hs_type: str, fields: dict[str, Any], *, create: bool = False,
                  now_ms: Callable[[], int] | None = None) -> dict[str, str]:
    """Neutral fields -> HubSpot ``properties`` (only fields present in ``fields``).

    HubSpot property values are strings, never ``null`` (CRM objects guide: "to clear a property
    value, send an empty string"). So a ``None`` is left out of a create and sent as ``""`` on an
    update (clearing the field), except for :data:`ENUMERATED` properties (never cleared: dropped)
    and ``hs_timestamp`` (required on engagements: dropped on updates). On a create of an
    engagement (:data:`TIMESTAMPED`) without a time, ``hs_timestamp`` is ``now_ms()`` (epoch ms;
    default the current time).

    Returns: ``{property name: string value}``.
    """
    out: dict[str, str] = {}
    for name, (prop, _, conv_out) in PROPERTIES[hs_type].items():
        if name not in fields or name in ASSOCIATION_FIELDS:
            continue
        value = conv_out(fields[name]) if fields[name] is not None else None
        if value is None:
            if create or prop in ENUMERATED or (prop == "hs_timestamp" and hs_type in TIMESTAMPED):
                continue
            value = ""
        out[prop] = value
    if create and hs_type in TIMESTAMPED and not out.get("hs_timestamp"):
        ms = now_ms() if now_ms else int(datetime.now(UTC).timestamp() * 1000)
        out["hs_timestamp"] = ms_to_iso(ms)
    return out
