"""Pipedrive JSON (API v2; notes API v1) <-> neutral :class:`desktop.sync.port.Record`.

Kinds: ``organizations`` (company), ``persons`` (contact), ``deals`` (deal), ``activities``
(activity, or task when ``type == "task"``), ``notes`` (activity of kind ``note``).
Timestamps ``update_time`` are RFC 3339 UTC with second resolution. Deal ``value`` is a number in
currency units (neutral ``amount_cents`` int). The idempotency key lives in a custom field whose
key is configurable (real Pipedrive custom field keys are 40-character hashes).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from desktop.sync.port import Record

#: neutral type -> Pipedrive kinds
PIPEDRIVE_KINDS: dict[str, tuple[str, ...]] = {
    "company": ("organizations",), "contact": ("persons",), "deal": ("deals",),
    "activity": ("activities", "notes"), "task": ("activities",),
}

#: name of the custom field holding Spectrum's idempotency key, and the field endpoints per kind
KEY_FIELD_NAME = "spectrum_key"
FIELD_ENDPOINTS = {"organizations": "organizationFields", "persons": "personFields",
                   "deals": "dealFields", "activities": "activityFields"}
#: Pipedrive kind -> ``items`` name in the v1 changes feed (``GET /v1/recents``)
RECENTS_ITEM = {"organizations": "organization", "persons": "person", "deals": "deal",
                "activities": "activity", "notes": "note"}


def time_to_ms(value: str | None) -> int:
    """``"2024-01-15T10:30:00Z"`` or ``"2024-01-15 10:30:00"`` (UTC) -> epoch ms (0 if missing)."""
    if not value:
        return 0
    dt = datetime.fromisoformat(value.replace(" ", "T").replace("Z", "+00:00"))
    return int((dt if dt.tzinfo else dt.replace(tzinfo=UTC)).timestamp() * 1000)


def ms_to_time(ms: int) -> str:
    """Epoch ms -> RFC 3339 UTC (seconds)."""
    return datetime.fromtimestamp(ms // 1000, tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _primary(items: Any) -> str | None:
    if not items:
        return None
    for it in items:
        if it.get("primary"):
            return _text(it.get("value"))
    return _text(items[0].get("value"))


def _text(value: Any) -> str | None:
    """A Pipedrive email/phone value as text (None stays None)."""
    return None if value is None else str(value)


def _links(obj: dict[str, Any], *, many_contacts: bool = False) -> dict[str, Any]:
    """Foreign keys -> neutral link fields: ``person_id`` (or the primary participant),
    ``org_id``, ``deal_id``. Deals carry their person as a one-element ``contact_external_ids``."""
    person = obj.get("person_id")
    if not person:
        parts = obj.get("participants") or []
        primary = [p for p in parts if p.get("primary")] or parts
        person = primary[0].get("person_id") if primary else None
    out: dict[str, Any] = {}
    if many_contacts:
        out["contact_external_ids"] = [str(person)] if person else []
    else:
        out["contact_external_id"] = str(person) if person else None
        out["deal_external_id"] = str(obj["deal_id"]) if obj.get("deal_id") else None
    out["company_external_id"] = str(obj["org_id"]) if obj.get("org_id") else None
    return out


def _put_links(fields: dict[str, Any], body: dict[str, Any]) -> None:
    """Neutral link fields -> Pipedrive foreign keys (only those present)."""
    def ident(v: Any) -> int | None:
        return int(str(v).split("/")[-1]) if v else None
    if "contact_external_ids" in fields:
        ids = fields["contact_external_ids"] or []
        if ids:  # Pipedrive deals have one person
            body["person_id"] = ident(ids[0])
    if fields.get("contact_external_id"):
        body["person_id"] = ident(fields["contact_external_id"])
    if fields.get("deal_external_id"):
        body["deal_id"] = ident(fields["deal_external_id"])
    if fields.get("company_external_id"):
        body["org_id"] = ident(fields["company_external_id"])


def to_record(kind: str, obj: dict[str, Any], key_field: str) -> Record:
    """One Pipedrive object -> neutral record."""
    f: dict[str, Any] = {}
    if kind == "organizations":
        neutral = "company"
        f = {"name": obj.get("name")}
    elif kind == "persons":
        neutral = "contact"
        f = {"first_name": obj.get("first_name"), "last_name": obj.get("last_name"),
             "email": _primary(obj.get("emails")), "phone": _primary(obj.get("phones"))}
        if "org_id" in obj:  # None: no organization (a cleared link is mirrored on pull)
            f["company_external_id"] = str(obj["org_id"]) if obj["org_id"] else None
    elif kind == "deals":
        neutral = "deal"
        value = obj.get("value")
        f = {"name": obj.get("title"),
             "amount_cents": None if value is None else int(round(float(value) * 100)),
             "currency": (obj.get("currency") or "").lower() or None,
             "stage_external_id": str(obj["stage_id"]) if obj.get("stage_id") else None,
             "pipeline_external_id": str(obj["pipeline_id"]) if obj.get("pipeline_id") else None,
             "close_date": obj.get("expected_close_date")}
        f.update(_links(obj, many_contacts=True))
    elif kind == "notes":
        neutral = "activity"
        f = {"kind": "note", "body": obj.get("content"), "occurred_at": time_to_ms(obj.get("add_time"))}
        f.update(_links(obj))
    else:
        neutral = "task" if obj.get("type") == "task" else "activity"
        due = obj.get("due_date")
        due_ms = time_to_ms(f"{due}T{obj.get('due_time') or '00:00'}:00Z") if due else None
        f = {"subject": obj.get("subject"), "body": obj.get("note")}
        f.update(_links(obj))
        if neutral == "task":
            f.update(status="done" if obj.get("done") else "open", due_at=due_ms)
        else:
            f.update(kind=obj.get("type") or "call", occurred_at=due_ms)
    key = (obj.get("custom_fields") or {}).get(key_field)
    if key:
        f["idempotency_key"] = key
    ext = f"notes/{obj['id']}" if kind == "notes" else str(obj["id"])
    return Record(type=neutral, external_id=ext, fields=f,
                  updated_at=time_to_ms(obj.get("update_time")), archived=bool(obj.get("is_deleted")))


def to_payload(neutral: str, fields: dict[str, Any], *, create: bool = False
               ) -> tuple[str, dict[str, Any]]:
    """Neutral fields -> (Pipedrive kind, request body) with only the fields present.

    Bodies follow Pipedrive's API reference (v2 ``persons``, ``organizations``, ``deals``,
    ``activities``; v1 ``notes``): a person is written by ``name`` (Pipedrive splits it into first
    and last name; v2 takes no ``first_name``/``last_name``), e-mails and phones as arrays of
    ``{value, primary, label}``. Never ``null`` for a value Pipedrive types as a string or number:
    an empty text field is left out of a create and cleared with ``""`` on an update, a cleared
    deal value is ``0``; ``stage_id``/``pipeline_id``/``currency`` are never sent empty (the push
    holds such a change); a person's cleared organization (``org_id``) or a deal's cleared close
    date is ``null``, which is how Pipedrive documents clearing them (other links are only set).
    """
    body: dict[str, Any] = {}

    def put(src: str, dst: str, conv: Any = lambda v: v, *, text: bool = False,
            never_empty: bool = False) -> None:
        if src not in fields:
            return
        value = fields[src]
        if value is None or value == "":
            if never_empty or create:
                return
            body[dst] = "" if text else None
            return
        body[dst] = conv(value)

    if neutral == "company":
        put("name", "name", text=True, never_empty=True)
        return "organizations", body
    if neutral == "contact":
        if "first_name" in fields or "last_name" in fields:
            name = " ".join(x for x in (fields.get("first_name"), fields.get("last_name")) if x)
            if name:
                body["name"] = name
        if "email" in fields:
            body["emails"] = [{"value": fields["email"], "primary": True, "label": "work"}] \
                if fields["email"] else []
        if "phone" in fields:
            body["phones"] = [{"value": fields["phone"], "primary": True, "label": "work"}] \
                if fields["phone"] else []
        if "company_external_id" in fields and (fields["company_external_id"] or not create):
            body["org_id"] = int(fields["company_external_id"]) if fields["company_external_id"] else None
        return "persons", body
    if neutral == "deal":
        put("name", "title", text=True, never_empty=True)
        if "amount_cents" in fields:
            body["value"] = 0 if fields["amount_cents"] is None else fields["amount_cents"] / 100
        put("currency", "currency", lambda v: v.upper(), never_empty=True)
        put("stage_external_id", "stage_id", int, never_empty=True)
        put("pipeline_external_id", "pipeline_id", int, never_empty=True)
        put("close_date", "expected_close_date", lambda v: str(v)[:10])
        _put_links(fields, body)
        return "deals", body
    _put_links(fields, body)
    if neutral == "activity" and fields.get("kind") == "note":
        put("body", "content", text=True, never_empty=True)
        if create and not body.get("content"):
            body["content"] = "(empty note)"  # Pipedrive requires a note's content
        return "notes", body
    put("subject", "subject", text=True, never_empty=True)
    put("body", "note", text=True)
    stamp = fields.get("due_at" if neutral == "task" else "occurred_at")
    if stamp:
        t = ms_to_time(int(stamp))
        body["due_date"], body["due_time"] = t[:10], t[11:16]
    if neutral == "task":
        body["type"] = "task"
        if "status" in fields and fields["status"] is not None:
            body["done"] = fields["status"] == "done"
    else:
        body["type"] = fields.get("kind") or "call"
    return "activities", body
