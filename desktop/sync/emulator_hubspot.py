"""In-memory HubSpot CRM v3 data and routes for :class:`desktop.sync.emulator.CrmEmulator`.

Implements the subset the adapter uses: object list (``after`` cursor, ``archived``,
``associations``), search (GTE filter on the modified date, ascending sort, 10,000-result cap ->
HTTP 400 past it), batch upsert/update/read/archive (100 inputs), deal pipelines, v4 default
associations (single and batch associate, batch read, single ``DELETE`` and batch archive;
two-way) and custom property definitions.
Thread-safe through the emulator's lock (callers hold it).
"""

from __future__ import annotations

import bisect
import copy
import json
import re
import time
from collections.abc import Callable
from typing import Any

from desktop.sync.mapping_hubspot import KEY_PROPERTY, PRIMARY_TYPE_IDS, modified_property, ms_to_iso

HS_TYPES = ("companies", "contacts", "deals", "notes", "calls", "meetings", "tasks")
#: HubSpot object type ids (as they appear in HubSpot's error messages)
TYPE_IDS = {"contacts": "0-1", "companies": "0-2", "deals": "0-3", "tasks": "0-27",
            "notes": "0-46", "meetings": "0-47", "calls": "0-48"}
SINGULAR = {"companies": "company", "contacts": "contact", "deals": "deal", "notes": "note",
            "calls": "call", "meetings": "meeting", "tasks": "task"}
#: HubSpot-defined unlabeled association type ids (associations v4 guide)
UNLABELED_TYPE_IDS = {("contacts", "companies"): 279, ("deals", "companies"): 341,
                      ("companies", "contacts"): 280, ("companies", "deals"): 342,
                      ("deals", "contacts"): 3, ("contacts", "deals"): 4}
#: the property groups a type has (``GET /crm/v3/properties/{type}/groups``)
GROUPS = {"companies": ["companyinformation"], "contacts": ["contactinformation"],
          "deals": ["dealinformation"], "notes": ["noteinformation"], "calls": ["callinformation"],
          "meetings": ["meetinginformation"], "tasks": ["taskinformation"]}
#: the account (``GET /account-info/v3/details``)
ACCOUNT = {"portalId": 62515, "accountType": "STANDARD", "timeZone": "US/Eastern",
           "companyCurrency": "USD", "additionalCurrencies": [], "utcOffset": "-05:00",
           "utcOffsetMilliseconds": -18000000, "uiDomain": "app.hubspot.com",
           "dataHostingLocation": "na1"}
#: the portal's deal pipelines at start (each emulator gets its own copy in ``HubSpotData.pipelines``)
PIPELINES = [{"id": "default", "label": "Sales Pipeline", "displayOrder": 0, "stages": [
    {"id": "appointmentscheduled", "label": "Appointment Scheduled", "displayOrder": 0,
     "metadata": {"probability": "0.2", "isClosed": "false"}},
    {"id": "qualifiedtobuy", "label": "Qualified To Buy", "displayOrder": 1,
     "metadata": {"probability": "0.4", "isClosed": "false"}},
    {"id": "contractsent", "label": "Contract Sent", "displayOrder": 2,
     "metadata": {"probability": "0.8", "isClosed": "false"}},
    {"id": "closedwon", "label": "Closed Won", "displayOrder": 3,
     "metadata": {"probability": "1.0", "isClosed": "true"}},
    {"id": "closedlost", "label": "Closed Lost", "displayOrder": 4,
     "metadata": {"probability": "0.0", "isClosed": "true"}}]}]

Reply = tuple[int, Any]


def _now_ms() -> int:
    return int(time.time() * 1000)


class HubSpotData:
    """Objects per HubSpot type: ``{"id": int, "props": {...}, "created": ms, "updated": ms,
    "archived": bool, "archived_at": ms|None}``; unique index on :data:`KEY_PROPERTY` and
    contact ``email``; ``pipelines``: deal pipelines as ``GET /crm/v3/pipelines/deals`` returns
    them (a copy of :data:`PIPELINES`; tests may add, rename or remove stages).

    Deal writes are validated as HubSpot does: a ``dealstage`` that is not a stage of the deal's
    pipeline fails that input (``VALIDATION_ERROR``). Batch writes apply the valid inputs and
    answer ``207`` with an ``errors`` list (``context.ids``) for the others, ``200`` when all
    succeed, and ``404``/``400`` when none does.

    Faults HubSpot answers with an error, so a regression fails in CI: a property value that is
    not a string (``null`` included; HubSpot property values are strings, cleared with ``""``)
    fails the input (``VALIDATION_ERROR``, "Property values were not valid"); so does an empty or
    unknown ``dealstage`` or ``pipeline``; a ``batch/upsert`` or ``batch/read`` by an
    ``idProperty`` the type does not have as a unique property is refused as a whole (HTTP 400,
    "Unable to perform update/upsert by non-unique ... property")."""

    def __init__(self, search_cap: int = 10_000) -> None:
        self.search_cap = search_cap
        self.objects: dict[str, dict[int, dict[str, Any]]] = {t: {} for t in HS_TYPES}
        self.order: dict[str, list[int]] = {t: [] for t in HS_TYPES}
        self.unique: dict[tuple[str, str, str], int] = {}
        self.associations: set[tuple[str, str, str, str]] = set()
        self._links: dict[tuple[str, str, str], set[str]] = {}  # both directions
        #: (from type, from id, to type) -> the id of the primary association (contact/deal -> company)
        self.primary: dict[tuple[str, str, str], str] = {}
        self._next_id = 1000
        self.pipelines: list[dict[str, Any]] = copy.deepcopy(PIPELINES)
        self.account: dict[str, Any] = dict(ACCOUNT)
        #: custom property definitions per type (``/crm/v3/properties``); :data:`KEY_PROPERTY`
        #: is pre-defined unique on every type (drop it to emulate a portal never connected)
        self.properties: dict[str, dict[str, dict[str, Any]]] = {t: {KEY_PROPERTY: {
            "name": KEY_PROPERTY, "label": "Spectrum key", "type": "string", "fieldType": "text",
            "hasUniqueValue": True}} for t in HS_TYPES}

    # -- direct manipulation (tests, benchmarks) ----------------------------------------------
    def create(self, hs_type: str, props: dict[str, Any], *, updated_ms: int | None = None
               ) -> dict[str, Any]:
        """Insert an object; returns it. ``updated_ms`` defaults to now."""
        self._next_id += 1
        ts = _now_ms() if updated_ms is None else updated_ms
        obj: dict[str, Any] = {"id": self._next_id, "props": {k: v for k, v in props.items() if v is not None},
               "created": ts, "updated": ts, "archived": False, "archived_at": None}
        self.objects[hs_type][obj["id"]] = obj
        self.order[hs_type].append(obj["id"])
        self._index(hs_type, obj)
        return obj

    def update(self, hs_type: str, obj_id: int, props: dict[str, Any]) -> bool:
        """Set properties (a remote edit); bumps the modified time when a value changed."""
        obj = self.objects[hs_type][obj_id]
        changed = any(obj["props"].get(k) != v for k, v in props.items())
        if changed:
            obj["props"].update(props)
            obj["updated"] = max(_now_ms(), obj["updated"] + 1)
            self._index(hs_type, obj)
        return changed

    def archive(self, hs_type: str, obj_id: int) -> None:
        """Archive (soft-delete) an object."""
        obj = self.objects[hs_type].get(obj_id)
        if obj and not obj["archived"]:
            obj["archived"], obj["archived_at"] = True, _now_ms()
            for k in [k for k, v in self.unique.items() if k[0] == hs_type and v == obj_id]:
                del self.unique[k]

    def find_unique(self, hs_type: str, prop: str, value: str) -> dict[str, Any] | None:
        """The live object whose unique ``prop`` equals ``value``."""
        obj_id = self.unique.get((hs_type, prop, str(value)))
        return self.objects[hs_type].get(obj_id) if obj_id else None

    def live(self, hs_type: str) -> list[dict[str, Any]]:
        """Non-archived objects of ``hs_type``."""
        return [o for o in self.objects[hs_type].values() if not o["archived"]]

    def _index(self, hs_type: str, obj: dict[str, Any]) -> None:
        for prop in (KEY_PROPERTY, "email"):
            value = obj["props"].get(prop)
            if value and (prop == KEY_PROPERTY or hs_type == "contacts"):
                self.unique[(hs_type, prop, str(value))] = obj["id"]

    def render(self, hs_type: str, obj: dict[str, Any], props: list[str] | None) -> dict[str, Any]:
        """Object JSON as HubSpot returns it."""
        mod = modified_property(hs_type)
        shown = {k: obj["props"].get(k) for k in (props or list(obj["props"]))}
        shown.update({"hs_object_id": str(obj["id"]), mod: ms_to_iso(obj["updated"]),
                      "createdate": ms_to_iso(obj["created"])})
        out = {"id": str(obj["id"]), "properties": shown, "createdAt": ms_to_iso(obj["created"]),
               "updatedAt": ms_to_iso(obj["updated"]), "archived": obj["archived"]}
        if obj["archived"]:
            out["archivedAt"] = ms_to_iso(obj["archived_at"])
        return out

    # -- HTTP routes ----------------------------------------------------------------------------
    def handle(self, method: str, path: str, query: dict[str, str], body: Any) -> Reply:
        """Route one request; returns (status, JSON body or None)."""
        if method == "GET" and path == "/crm/v3/pipelines/deals":
            return 200, {"results": self.pipelines}
        if method == "GET" and path == "/account-info/v3/details":
            return 200, dict(self.account)
        m = re.fullmatch(r"/crm/v3/properties/(\w+)/groups", path)
        if m and m[1] in self.properties and method == "GET":
            return 200, {"results": [{"name": g, "label": g, "displayOrder": i, "archived": False}
                                     for i, g in enumerate(GROUPS[m[1]])]}
        m = re.fullmatch(r"/crm/v3/properties/(\w+)(?:/(\w+))?", path)
        if m and m[1] in self.properties:
            return self._property(method, m[1], m[2], body)
        m = re.fullmatch(r"/crm/v4/objects/(\w+)/(\d+)/associations/default/(\w+)/(\d+)", path)
        if m and method == "PUT":
            self._associate(m[1], m[2], m[3], m[4])
            return 200, {"status": "COMPLETE", "results": [{"from": {"id": m[2]}, "to": {"id": m[4]}}]}
        m = re.fullmatch(r"/crm/v4/associations/(\w+)/(\w+)/batch/associate/default", path)
        if m and method == "POST":
            return self._associate_batch(m[1], m[2], (body or {}).get("inputs") or [])
        m = re.fullmatch(r"/crm/v4/associations/(\w+)/(\w+)/batch/create", path)
        if m and method == "POST":
            return self._associate_batch(m[1], m[2], (body or {}).get("inputs") or [], labeled=True)
        m = re.fullmatch(r"/crm/v4/objects/(\w+)/(\d+)/associations/(\w+)/(\d+)", path)
        if m and method == "DELETE":
            self.dissociate(m[1], m[2], m[3], m[4])
            return 204, None
        m = re.fullmatch(r"/crm/v4/associations/(\w+)/(\w+)/batch/archive", path)
        if m and method == "POST":
            inputs = (body or {}).get("inputs") or []
            if len(inputs) > 100:
                return 400, _error("Too many inputs: at most 100 per batch")
            for inp in inputs:
                for to in inp.get("to") or []:
                    self.dissociate(m[1], inp["from"]["id"], m[2], to["id"])
            return 204, None
        m = re.fullmatch(r"/crm/v4/associations/(\w+)/(\w+)/batch/read", path)
        if m and method == "POST":
            inputs = (body or {}).get("inputs") or []
            if len(inputs) > 100:
                return 400, _error("Too many inputs: at most 100 per batch")
            results = [{"from": {"id": str(i["id"])}, "to": [
                {"toObjectId": int(t), "associationTypes": self._types(m[1], i["id"], m[2], t)}
                for t in self.linked(m[1], i["id"], m[2])]} for i in inputs]
            return 200, {"status": "COMPLETE",
                         "results": [r for r in results if r["to"]]}
        m = re.fullmatch(r"/crm/v3/objects/(\w+)(?:/(search|batch/\w+))?", path)
        if not m or m[1] not in self.objects:
            return 404, {"status": "error", "message": f"no route {method} {path}",
                         "category": "OBJECT_NOT_FOUND"}
        hs_type, action = m[1], m[2]
        if method == "GET" and action is None:
            return self._list(hs_type, query)
        if method == "POST" and action == "search":
            return self._search(hs_type, body or {})
        if method == "POST" and action and action.startswith("batch/"):
            inputs = (body or {}).get("inputs") or []
            if len(inputs) > 100:
                return 400, _error("Too many inputs: at most 100 per batch")
            handler: Callable[[str, dict[str, Any], list[dict[str, Any]]], Reply] = \
                getattr(self, "_" + action.replace("/", "_"))
            return handler(hs_type, body or {}, inputs)
        return 405, _error(f"method {method} not allowed")

    def _property(self, method: str, hs_type: str, name: str | None, body: Any) -> Reply:
        """``GET /crm/v3/properties/{type}/{name}`` and ``POST /crm/v3/properties/{type}``."""
        props = self.properties[hs_type]
        if method == "GET" and name:
            if name not in props:
                return 404, {"status": "error", "message": f"Unable to find property {name}",
                             "category": "OBJECT_NOT_FOUND"}
            return 200, props[name]
        if method == "POST" and not name:
            body = body or {}
            if not body.get("name") or not body.get("type") or not body.get("groupName"):
                return 400, _error("name, type and groupName are required")
            if body["name"] in props:
                return 409, {"status": "error", "message": "Property already exists",
                             "category": "OBJECT_ALREADY_EXISTS"}
            props[body["name"]] = {k: body.get(k) for k in (
                "name", "label", "type", "fieldType", "groupName", "description")} | {
                "hasUniqueValue": bool(body.get("hasUniqueValue"))}
            return 201, props[body["name"]]
        return 405, _error(f"method {method} not allowed")

    def associate(self, from_type: str, from_id: Any, to_type: str, to_id: Any) -> None:
        """Link two objects (a remote edit; associations are two-way)."""
        self._associate(from_type, str(from_id), to_type, str(to_id))

    def dissociate(self, from_type: str, from_id: Any, to_type: str, to_id: Any) -> bool:
        """Remove every association between two objects (a remote edit; both directions), as
        ``DELETE /crm/v4/objects/{from}/{id}/associations/{to}/{toId}`` does. Bumps the modified
        time of both objects (their association counts, e.g. ``num_associated_contacts``,
        change), so an incremental pull sees them again; a contact's ``associatedcompanyid`` is
        cleared when it named the removed company. Returns False when they were not linked."""
        f, t = str(from_id), str(to_id)
        there = t in self._links.get((from_type, f, to_type), set())
        self._links.get((from_type, f, to_type), set()).discard(t)
        self._links.get((to_type, t, from_type), set()).discard(f)
        self.associations.discard((from_type, f, to_type, t))
        self.associations.discard((to_type, t, from_type, f))
        if not there:
            return False
        for key in ((from_type, f, to_type), (to_type, t, from_type)):
            if self.primary.get(key) in (f, t):
                del self.primary[key]
        for hs_type, obj_id, other_type, other in ((from_type, f, to_type, t),
                                                    (to_type, t, from_type, f)):
            obj = self.objects.get(hs_type, {}).get(int(obj_id))
            if obj is None:
                continue
            if (hs_type, other_type) == ("contacts", "companies") and \
                    obj["props"].get("associatedcompanyid") == other:
                obj["props"]["associatedcompanyid"] = None
            obj["updated"] = max(_now_ms(), obj["updated"] + 1)
            self._index(hs_type, obj)
        return True

    def linked(self, from_type: str, from_id: Any, to_type: str) -> list[str]:
        """Ids of ``to_type`` objects associated with one object (either direction)."""
        return sorted(self._links.get((from_type, str(from_id), to_type), ()), key=int)

    def _types(self, from_type: str, from_id: Any, to_type: str, to_id: Any) -> list[dict[str, Any]]:
        """``associationTypes`` of one link as v4 answers list them: the primary type (and the
        unlabeled one) for a contact's or deal's primary company, else the unlabeled type."""
        unlabeled = {"category": "HUBSPOT_DEFINED", "typeId": UNLABELED_TYPE_IDS.get(
            (from_type, to_type), 0), "label": None}
        if self.primary.get((from_type, str(from_id), to_type)) == str(to_id):
            return [{"category": "HUBSPOT_DEFINED", "typeId": PRIMARY_TYPE_IDS[(from_type, to_type)],
                     "label": "Primary"}, unlabeled]
        return [unlabeled]

    def _associate(self, from_type: str, from_id: str, to_type: str, to_id: str,
                   primary: bool = False) -> None:
        """Link two objects. A contact's or deal's company becomes its primary company when
        ``primary`` (v4 ``batch/create`` with the primary type) or when it has none yet (as
        HubSpot makes the first associated company primary); a contact's primary company is its
        ``associatedcompanyid``."""
        self.associations.add((from_type, str(from_id), to_type, str(to_id)))
        self._links.setdefault((from_type, str(from_id), to_type), set()).add(str(to_id))
        self._links.setdefault((to_type, str(to_id), from_type), set()).add(str(from_id))
        key = (from_type, str(from_id), to_type)
        if (from_type, to_type) in PRIMARY_TYPE_IDS and (primary or key not in self.primary):
            self.primary[key] = str(to_id)
            obj = self.objects.get(from_type, {}).get(int(from_id))
            if from_type == "contacts" and obj is not None:
                self.update("contacts", obj["id"], {"associatedcompanyid": str(to_id)})

    def _associate_batch(self, from_type: str, to_type: str, inputs: list[dict[str, Any]], *,
                         labeled: bool = False) -> Reply:
        if len(inputs) > 100:
            return 400, _error("Too many inputs: at most 100 per batch")
        for inp in inputs:
            f, t = str(inp["from"]["id"]), str(inp["to"]["id"])
            if int(f) not in self.objects.get(from_type, {}) or int(t) not in self.objects.get(
                    to_type, {}):
                return 400, _error(f"association {from_type} {f} -> {to_type} {t}: no such object")
            type_ids = {ty.get("associationTypeId") for ty in inp.get("types") or []}
            if labeled and not type_ids:
                return 400, _error("types: at least one association type is required")
            self._associate(from_type, f, to_type, t,
                            primary=PRIMARY_TYPE_IDS.get((from_type, to_type)) in type_ids)
        return 200, {"status": "COMPLETE", "results": [
            {"from": {"id": str(i["from"]["id"])}, "to": [{"toObjectId": str(i["to"]["id"])}]}
            for i in inputs]}

    def _v3_types(self, hs_type: str, obj_id: Any, to_type: str, to_id: str) -> list[dict[str, Any]]:
        """One link as a v3 list answer shows it: one result per type, the primary one named
        ``<from>_to_<to>`` and the unlabeled one ``<from>_to_<to>_unlabeled``."""
        name = f"{SINGULAR[hs_type]}_to_{SINGULAR[to_type]}"
        out = [{"id": to_id, "type": name + "_unlabeled" if (hs_type, to_type) in PRIMARY_TYPE_IDS
                else name}]
        if self.primary.get((hs_type, str(obj_id), to_type)) == str(to_id):
            out.insert(0, {"id": to_id, "type": name})
        return out

    def _list(self, hs_type: str, query: dict[str, str]) -> Reply:
        limit = min(int(query.get("limit", 10)), 100)
        archived = query.get("archived", "false") == "true"
        props = [p for p in query.get("properties", "").split(",") if p] or None
        order = self.order[hs_type]
        pos = bisect.bisect_right(order, int(query.get("after") or 0))
        objs = self.objects[hs_type]
        results: list[dict[str, Any]] = []
        last = None
        assoc = [t for t in query.get("associations", "").split(",") if t in self.objects]
        while pos < len(order) and len(results) < limit:
            obj = objs[order[pos]]
            if obj["archived"] == archived:
                out = self.render(hs_type, obj, props)
                links = {t: self.linked(hs_type, obj["id"], t) for t in assoc}
                if any(links.values()):  # HubSpot omits types with no associations
                    out["associations"] = {t: {"results": [
                        r for i in ids for r in self._v3_types(hs_type, obj["id"], t, i)]}
                        for t, ids in links.items() if ids}
                results.append(out)
                last = obj["id"]
            pos += 1
        reply: dict[str, Any] = {"results": results}
        if pos < len(order) and last is not None:
            reply["paging"] = {"next": {"after": str(last), "link": "?after=" + str(last)}}
        return 200, reply

    def _search(self, hs_type: str, body: dict[str, Any]) -> Reply:
        limit = min(int(body.get("limit", 10)), 200)
        after = int(body.get("after") or 0)
        if after + limit > self.search_cap:
            return 400, _error(f"The search API returns at most {self.search_cap} results")
        since, prop = 0, modified_property(hs_type)
        for group in body.get("filterGroups", []):
            for f in group.get("filters", []):
                if f.get("propertyName") != prop or f.get("operator") != "GTE":
                    return 400, _error("emulator supports only a GTE filter on the modified date")
                since = int(f["value"])
        hits = [o for o in self.objects[hs_type].values()
                if not o["archived"] and o["updated"] >= since]
        hits.sort(key=lambda o: (o["updated"], o["id"]))
        page = hits[after:after + limit]
        reply: dict[str, Any] = {"total": len(hits),
                                 "results": [self.render(hs_type, o, body.get("properties"))
                                             for o in page]}
        if after + limit < len(hits):
            reply["paging"] = {"next": {"after": str(after + limit)}}
        return 200, reply

    def stage_error(self, hs_type: str, obj: dict[str, Any] | None, props: dict[str, Any]
                    ) -> str | None:
        """Why HubSpot would refuse ``props`` (``obj``: the object, ``None`` for a new one): a
        value that is not a string (``null``), or on a deal an empty or unknown ``pipeline`` or a
        ``dealstage`` that is not a stage of its pipeline. Message in HubSpot's form
        ("Property values were not valid: [...]"); ``None`` when valid."""
        problems = [{"isValid": False, "message": f"{v!r} is not a valid value for property {k}: "
                     "property values must be strings", "error": "INVALID_VALUE", "name": k}
                    for k, v in props.items() if not isinstance(v, str)]
        if hs_type == "deals" and not problems:
            current = obj["props"] if obj else {}
            pipeline = props.get("pipeline", current.get("pipeline") or "default")
            ids = {p["id"]: {s["id"] for s in p["stages"]} for p in self.pipelines}
            if pipeline not in ids:
                problems.append({"isValid": False, "message": f"{pipeline!r} is not a valid "
                                 "pipeline id", "error": "INVALID_OPTION", "name": "pipeline"})
            elif "dealstage" in props and props["dealstage"] not in ids[pipeline]:
                problems.append({"isValid": False, "message": f"{props['dealstage']!r} is not a "
                                 f"valid stage of pipeline {pipeline!r}", "error": "INVALID_OPTION",
                                 "name": "dealstage"})
        if not problems:
            return None
        return "Property values were not valid: " + json.dumps(problems, separators=(",", ":"))

    def unique_error(self, hs_type: str, prop: Any) -> Reply | None:
        """HubSpot's 400 for a write or read by an ``idProperty`` that is not a unique property of
        ``hs_type`` (unknown, or not unique); ``None`` when it is one (or ``email`` on contacts)."""
        if prop == "email" and hs_type == "contacts":
            return None
        if self.properties[hs_type].get(prop, {}).get("hasUniqueValue"):
            return None
        return 400, {"status": "error", "message": "Unable to perform update/upsert by non-unique "
                     f"{TYPE_IDS[hs_type]} property {prop} in portal ID {self.account['portalId']}",
                     "correlationId": "00000000-0000-4000-8000-000000000000",
                     "category": "VALIDATION_ERROR"}

    @staticmethod
    def _multi(results: list[dict[str, Any]], errors: list[dict[str, Any]]) -> Reply:
        """200 when every input succeeded, 207 with ``errors`` when some did, else 404/400."""
        if not errors:
            return 200, {"status": "COMPLETE", "results": results}
        if results:
            return 207, {"status": "COMPLETE", "results": results, "errors": errors,
                         "numErrors": len(errors)}
        first = errors[0]
        return (404 if first["category"] == "OBJECT_NOT_FOUND" else 400), {
            "status": "error", "message": "; ".join(e["message"] for e in errors),
            "category": first["category"], "context": {
                "ids": [i for e in errors for i in e["context"]["ids"]]}}

    def _batch_upsert(self, hs_type: str, body: dict[str, Any], inputs: list[dict[str, Any]]) -> Reply:
        keys = [(i.get("idProperty"), str(i.get("id"))) for i in inputs]
        if len(set(keys)) != len(keys):
            return 400, _error("Duplicate IDs found in batch input")
        results, errors = [], []
        for inp in inputs:
            prop, value = inp.get("idProperty"), str(inp.get("id"))
            refused = self.unique_error(hs_type, prop)
            if refused:
                return refused
            prop = str(prop)  # a unique property's name (checked above)
            props = dict(inp.get("properties") or {}, **{prop: value})
            obj = self.find_unique(hs_type, prop, value)
            problem = self.stage_error(hs_type, obj, props)
            if problem:
                errors.append(_item_error("VALIDATION_ERROR", problem, value))
                continue
            new = obj is None
            if obj is None:
                obj = self.create(hs_type, props)
            else:
                self.update(hs_type, obj["id"], props)
            results.append(dict(self.render(hs_type, obj, None), new=new))
        return self._multi(results, errors)

    def _batch_update(self, hs_type: str, body: dict[str, Any], inputs: list[dict[str, Any]]) -> Reply:
        objs = self.objects[hs_type]
        results, errors = [], []
        for inp in inputs:
            obj_id = str(inp.get("id"))
            obj = objs.get(int(obj_id)) if obj_id.isdigit() else None
            if obj is None or obj["archived"]:
                errors.append(_item_error("OBJECT_NOT_FOUND", f"Could not find object {obj_id}",
                                          obj_id))
                continue
            props = inp.get("properties") or {}
            problem = self.stage_error(hs_type, obj, props)
            if problem:
                errors.append(_item_error("VALIDATION_ERROR", problem, obj_id))
                continue
            self.update(hs_type, obj["id"], props)
            results.append(self.render(hs_type, obj, None))
        return self._multi(results, errors)

    def _batch_read(self, hs_type: str, body: dict[str, Any], inputs: list[dict[str, Any]]) -> Reply:
        prop = body.get("idProperty")
        refused = self.unique_error(hs_type, prop) if prop else None
        if refused:
            return refused
        results = []
        for inp in inputs:
            obj = (self.find_unique(hs_type, prop, str(inp.get("id"))) if prop
                   else self.objects[hs_type].get(int(inp.get("id", 0))))
            if obj and not obj["archived"]:
                results.append(self.render(hs_type, obj, body.get("properties")))
        status = 200 if len(results) == len(inputs) else 207
        return status, {"status": "COMPLETE", "results": results}

    def _batch_archive(self, hs_type: str, body: dict[str, Any], inputs: list[dict[str, Any]]) -> Reply:
        for inp in inputs:
            self.archive(hs_type, int(inp.get("id", 0)))
        return 204, None


def _item_error(category: str, message: str, obj_id: str) -> dict[str, Any]:
    """One entry of a batch answer's ``errors`` list (HubSpot's shape)."""
    return {"status": "error", "category": category, "message": message,
            "context": {"ids": [obj_id]}}


def _error(message: str) -> dict[str, Any]:
    return {"status": "error", "message": message, "category": "VALIDATION_ERROR"}
