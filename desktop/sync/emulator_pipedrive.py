"""In-memory Pipedrive data and routes for :class:`desktop.sync.emulator.CrmEmulator`.

Subset: API v2 ``persons``, ``organizations``, ``deals``, ``activities`` (list with ``cursor``/
``limit``/``updated_since``/``sort_by=update_time``, create POST, update PATCH, DELETE, ``/search``
on custom fields with ``exact_match``), ``GET /api/v2/pipelines``, ``GET /api/v2/stages``, and
API v1 ``notes`` (``start``/``limit`` pagination) and the v1 changes feed ``GET /v1/recents``
(deleted records included, ``is_deleted: true``). Responses use ``{"success", "data",
"additional_data": {"next_cursor"}}``. Callers hold the emulator lock.
"""

from __future__ import annotations

import hashlib
import re
import time
from datetime import UTC, datetime
from typing import Any

V2_KINDS = ("persons", "organizations", "deals", "activities")
STAGES = [{"id": i + 1, "name": n, "order_nr": i + 1, "pipeline_id": 1, "deal_probability": p,
           "is_deleted": False} for i, (n, p) in enumerate(
    [("Qualified", 10), ("Contact Made", 30), ("Proposal Made", 60), ("Negotiations Started", 80)])]

Reply = tuple[int, Any]
ITEM_OF = {"persons": "person", "organizations": "organization", "deals": "deal",
           "activities": "activity", "notes": "note"}
RECENTS_KIND = {v: k for k, v in ITEM_OF.items()}


def rfc3339(ts: float) -> str:
    """Epoch seconds -> ``YYYY-MM-DDTHH:MM:SSZ`` (Pipedrive v2 timestamps, second resolution)."""
    return datetime.fromtimestamp(int(ts), tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_rfc3339(value: str) -> float:
    """RFC 3339 / ``YYYY-MM-DD HH:MM:SS`` (UTC) -> epoch seconds."""
    value = value.replace(" ", "T").replace("Z", "+00:00")
    dt = datetime.fromisoformat(value)
    return (dt if dt.tzinfo else dt.replace(tzinfo=UTC)).timestamp()


def _split_name(kind: str, data: dict[str, Any]) -> dict[str, Any]:
    """A person written by ``name`` gets ``first_name``/``last_name`` as Pipedrive derives them
    (first word / the rest)."""
    if kind != "persons" or "name" not in data or "first_name" in data:
        return data
    first, _, last = str(data["name"] or "").partition(" ")
    return dict(data, first_name=first, last_name=last)


class PipedriveData:
    """Objects per kind keyed by int id; each is the v2 JSON plus ``_updated`` (epoch s, float)."""

    def __init__(self) -> None:
        self.objects: dict[str, dict[int, dict[str, Any]]] = {k: {} for k in (*V2_KINDS, "notes")}
        self._next_id = 0
        #: custom field definitions per fields endpoint (``personFields`` ...)
        self.fields: dict[str, list[dict[str, Any]]] = {e: [] for e in (
            "organizationFields", "personFields", "dealFields", "activityFields")}

    def create(self, kind: str, data: dict[str, Any], *, updated_s: float | None = None
               ) -> dict[str, Any]:
        """Insert a record (tests and routes)."""
        self._next_id += 1
        ts = time.time() if updated_s is None else updated_s
        data = _split_name(kind, data)
        obj = dict(data, id=self._next_id, add_time=rfc3339(ts), update_time=rfc3339(ts),
                   is_deleted=False, _updated=ts)
        obj.setdefault("custom_fields", {})
        self.objects[kind][obj["id"]] = obj
        return obj

    def update(self, kind: str, obj_id: int, data: dict[str, Any]) -> dict[str, Any]:
        """Patch a record; bumps ``update_time``."""
        obj = self.objects[kind][obj_id]
        for k, v in _split_name(kind, data).items():
            if k == "custom_fields":
                obj["custom_fields"] = dict(obj.get("custom_fields") or {}, **v)
            else:
                obj[k] = v
        now = max(time.time(), obj["_updated"] + 0.001)
        obj["_updated"], obj["update_time"] = now, rfc3339(now)
        return obj

    def live(self, kind: str) -> list[dict[str, Any]]:
        """Records not deleted."""
        return [o for o in self.objects[kind].values() if not o["is_deleted"]]

    @staticmethod
    def render(obj: dict[str, Any]) -> dict[str, Any]:
        """Public JSON (internal keys dropped)."""
        return {k: v for k, v in obj.items() if not k.startswith("_")}

    def handle(self, method: str, path: str, query: dict[str, str], body: Any) -> Reply:
        """Route one request; returns (status, JSON body)."""
        if method == "GET" and path == "/api/v2/stages":
            return 200, {"success": True, "data": STAGES, "additional_data": {"next_cursor": None}}
        if method == "GET" and path == "/api/v2/pipelines":
            return 200, {"success": True, "data": [{"id": 1, "name": "Pipeline", "order_nr": 1}],
                         "additional_data": {"next_cursor": None}}
        m = re.fullmatch(r"/v1/(\w+Fields)", path)
        if m and m[1] in self.fields:
            return self._fields(method, m[1], body)
        if method == "GET" and path == "/v1/recents":
            return self._recents(query)
        m = re.fullmatch(r"/api/v2/(\w+)/search", path)
        if m and m[1] in V2_KINDS and method == "GET":
            return self._search(m[1], query)
        m = re.fullmatch(r"/(?:api/v2|v1)/(\w+)(?:/(\d+))?", path)
        if not m or m[1] not in self.objects:
            return 404, {"success": False, "error": f"no route {method} {path}"}
        kind, obj_id = m[1], int(m[2]) if m[2] else None
        if obj_id is not None and (obj_id not in self.objects[kind]
                                   or self.objects[kind][obj_id]["is_deleted"]):
            return 404, {"success": False, "error": "Item not found"}
        if method == "GET" and obj_id is None:
            return self._list_v1(kind, query) if path.startswith("/v1/") else self._list(kind, query)
        if method == "POST" and obj_id is None:
            return 201, {"success": True, "data": self.render(self.create(kind, body or {}))}
        if method in ("PATCH", "PUT") and obj_id is not None:
            return 200, {"success": True, "data": self.render(self.update(kind, obj_id, body or {}))}
        if method == "DELETE" and obj_id is not None:
            self.update(kind, obj_id, {"is_deleted": True})
            return 200, {"success": True, "data": {"id": obj_id}}
        return 405, {"success": False, "error": "method not allowed"}

    def _list(self, kind: str, query: dict[str, str]) -> Reply:
        limit = min(int(query.get("limit", 100)), 500)
        offset = int(query.get("cursor") or 0)
        objs = self.live(kind)
        if "updated_since" in query:
            since = parse_rfc3339(query["updated_since"])
            objs = [o for o in objs if int(o["_updated"]) >= int(since)]
        if query.get("sort_by") == "update_time":
            objs.sort(key=lambda o: (o["_updated"], o["id"]))
        else:
            objs.sort(key=lambda o: o["id"])
        page = objs[offset:offset + limit]
        nxt = str(offset + limit) if offset + limit < len(objs) else None
        return 200, {"success": True, "data": [self.render(o) for o in page],
                     "additional_data": {"next_cursor": nxt}}

    def _list_v1(self, kind: str, query: dict[str, str]) -> Reply:
        start, limit = int(query.get("start", 0)), min(int(query.get("limit", 100)), 500)
        objs = sorted(self.live(kind), key=lambda o: o["id"])
        page = objs[start:start + limit]
        more = start + limit < len(objs)
        return 200, {"success": True, "data": [self.render(o) for o in page],
                     "additional_data": {"pagination": {"start": start, "limit": limit,
                                                        "more_items_in_collection": more,
                                                        "next_start": start + limit if more else None}}}

    def _fields(self, method: str, endpoint: str, body: Any) -> Reply:
        """``GET``/``POST /v1/{kind}Fields``: custom field definitions (key: 40 hex chars)."""
        if method == "GET":
            return 200, {"success": True, "data": self.fields[endpoint], "additional_data": {
                "pagination": {"start": 0, "limit": 500, "more_items_in_collection": False}}}
        if method == "POST" and (body or {}).get("name") and (body or {}).get("field_type"):
            key = hashlib.sha1(f"{endpoint}/{body['name']}/{len(self.fields[endpoint])}".encode()
                               ).hexdigest()
            field = {"id": len(self.fields[endpoint]) + 1, "key": key, "name": body["name"],
                     "field_type": body["field_type"]}
            self.fields[endpoint].append(field)
            return 201, {"success": True, "data": field}
        return 400, {"success": False, "error": "name and field_type are required"}

    def _recents(self, query: dict[str, str]) -> Reply:
        """``GET /v1/recents``: every change (deletions included) since ``since_timestamp``
        (``YYYY-MM-DD HH:MM:SS`` UTC), oldest first, ``start``/``limit`` paging."""
        since = parse_rfc3339(query.get("since_timestamp") or "1970-01-01 00:00:00")
        wanted = {RECENTS_KIND[i] for i in (query.get("items") or "").split(",") if i in RECENTS_KIND}
        hits = [(kind, o) for kind, objs in self.objects.items() if not wanted or kind in wanted
                for o in objs.values() if int(o["_updated"]) >= int(since)]
        hits.sort(key=lambda ko: (ko[1]["_updated"], ko[1]["id"]))
        start, limit = int(query.get("start", 0)), min(int(query.get("limit", 100)), 500)
        page = hits[start:start + limit]
        more = start + limit < len(hits)
        return 200, {"success": True, "data": [
            {"item": ITEM_OF[kind], "id": o["id"], "data": self.render(o)} for kind, o in page],
            "additional_data": {"since_timestamp": query.get("since_timestamp"),
                                "pagination": {"start": start, "limit": limit,
                                               "more_items_in_collection": more,
                                               "next_start": start + limit if more else None}}}

    def _search(self, kind: str, query: dict[str, str]) -> Reply:
        term = query.get("term", "")
        hits = [o for o in self.live(kind)
                if term in [str(v) for v in (o.get("custom_fields") or {}).values()]]
        return 200, {"success": True, "data": {"items": [
            {"result_score": 1.0, "item": {"id": o["id"], "type": kind[:-1]}} for o in hits]},
            "additional_data": {"next_cursor": None}}
