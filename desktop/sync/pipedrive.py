"""Pipedrive adapter (implements :class:`desktop.sync.port.CrmAdapter`).

Endpoints (developers.pipedrive.com/docs/api/v1 and v2): ``GET /api/v2/{persons,organizations,
deals,activities}`` with ``cursor``/``limit`` (<= 500) and ``updated_since`` + ``sort_by=update_time``
(cursor in ``additional_data.next_cursor``); ``POST``/``PATCH``/``DELETE`` on the same paths;
``GET /api/v2/{kind}/search?term=&fields=custom_fields&exact_match=true``;
``GET /api/v2/pipelines`` and ``/api/v2/stages``; notes on API v1 (``start``/``limit``).
Auth: ``x-api-token`` header (never the ``api_token`` query parameter, which would put the token in
URLs and logs). Rate limits: ``x-ratelimit-*`` (2-second window) pace requests.

Pipedrive has no batch write endpoint: :meth:`batch_upsert` writes item by item. Idempotency: a
create first looks the record up by its key custom field; a create whose answer was lost is
found by that lookup on the retry (made after ``ambiguous_grace_s``, so a slow create has landed),
so it is not created twice. A server that applies a create later than that grace is the one
window where a duplicate remains possible (Pipedrive has no server-side idempotency key). Notes have no custom fields,
so note creates are not idempotent (known gap). Deletions are not listed by the v2 list endpoints;
:meth:`list_archived` reads them from the v1 changes feed ``GET /v1/recents?since_timestamp=
&items=`` (``start``/``limit`` paging), keeping items marked deleted (``is_deleted``/``deleted``
true or ``active_flag`` false).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Sequence
from typing import Any

import httpx

from desktop.sync import mapping_pipedrive as m
from desktop.sync.errors import Offline, Permanent, RateLimited, Retryable
from desktop.sync.http import ApiClient, RetryPolicy, TokenProvider
from desktop.sync.port import Page, Pipeline, Stage, UpsertItem, UpsertResult
from desktop.sync.ratelimit import Pacer, parse_pipedrive


class PipedriveAdapter:
    """Pipedrive adapter. ``base_url``: ``https://{company}.pipedrive.com`` (or the emulator);
    ``key_field``: custom-field key holding Spectrum's idempotency key on each record — one key
    for every kind, or a mapping kind -> key as :meth:`ensure_key_property` returns it (real
    Pipedrive field keys are 40-character hashes, different per kind)."""

    name = "pipedrive"
    object_types: tuple[str, ...] = ("company", "contact", "deal", "activity", "task")
    max_batch = 100

    def __init__(self, client: httpx.AsyncClient, token_provider: TokenProvider, *, base_url: str,
                 key_field: str | dict[str, str] = "spectrum_key", retry: RetryPolicy | None = None,
                 pacer: Pacer | None = None, page_size: int = 500, owns_client: bool = False,
                 ambiguous_grace_s: float = 30.0) -> None:
        self.api = ApiClient(client, base_url, token_provider, auth="x-api-token",
                             pacer=pacer or Pacer(rate=9.5, burst=1), parse_limits=parse_pipedrive,
                             retry=retry, owns_client=owns_client,
                             daily_methods=frozenset({"POST", "PUT", "PATCH"}))
        self.key_field = key_field
        self.page_size = page_size
        self.ambiguous_grace_s = ambiguous_grace_s

    @property
    def requests(self) -> int:
        """HTTP requests sent."""
        return self.api.requests

    async def list_changed(self, object_type: str, since: int | None, cursor: str | None) -> Page:
        """Cursor JSON: ``{"t": kind index, "c": Pipedrive cursor or v1 start}``."""
        kinds = m.PIPEDRIVE_KINDS[object_type]
        state: dict[str, Any] = json.loads(cursor) if cursor else {"t": 0, "c": None}
        kind = kinds[state["t"]]
        if kind == "notes":
            params: dict[str, Any] = {"start": state["c"] or 0, "limit": self.page_size}
            body = await self.api.request("GET", "/v1/notes", params=params)
            pag = (body.get("additional_data") or {}).get("pagination") or {}
            nxt_c = pag.get("next_start") if pag.get("more_items_in_collection") else None
        else:
            params = {"limit": self.page_size}
            if state["c"]:
                params["cursor"] = state["c"]
            if since is not None:
                params.update(updated_since=m.ms_to_time(since), sort_by="update_time",
                              sort_direction="asc")
            body = await self.api.request("GET", f"/api/v2/{kind}", params=params)
            nxt_c = (body.get("additional_data") or {}).get("next_cursor")
        records = [m.to_record(kind, o, self._key(kind)) for o in body.get("data") or []]
        records = [r for r in records if r["type"] == object_type
                   and (since is None or r["updated_at"] >= since)]
        nxt: dict[str, Any] | None = dict(state, c=nxt_c) if nxt_c else None
        if nxt is None and state["t"] + 1 < len(kinds):
            nxt = {"t": state["t"] + 1, "c": None}
        return Page(records=records, next_cursor=json.dumps(nxt) if nxt else None)

    async def list_archived(self, object_type: str, since: int | None, cursor: str | None) -> Page:
        """Records deleted at or after ``since`` (epoch ms; ``None``: nothing, a full sync lists
        only live records), from ``GET /v1/recents``. Cursor JSON: ``{"t": kind index, "s": start}``."""
        if since is None:
            return Page(records=[], next_cursor=None)
        kinds = m.PIPEDRIVE_KINDS[object_type]
        state = json.loads(cursor) if cursor else {"t": 0, "s": 0}
        kind = kinds[state["t"]]
        body = await self.api.request("GET", "/v1/recents", params={
            "since_timestamp": m.ms_to_time(since).replace("T", " ").rstrip("Z"),
            "items": m.RECENTS_ITEM[kind], "start": state["s"], "limit": self.page_size})
        records = []
        for entry in body.get("data") or []:
            obj = entry.get("data")
            if entry.get("item") != m.RECENTS_ITEM[kind] or not isinstance(obj, dict):
                continue
            if not (obj.get("is_deleted") or obj.get("deleted") or obj.get("active_flag") is False):
                continue
            rec = m.to_record(kind, dict(obj, id=obj.get("id", entry.get("id"))), self._key(kind))
            if rec["type"] == object_type:
                rec["archived"] = True
                records.append(rec)
        pag = (body.get("additional_data") or {}).get("pagination") or {}
        nxt: dict[str, Any] | None = None
        if pag.get("more_items_in_collection"):
            nxt = dict(state, s=pag.get("next_start") or state["s"] + self.page_size)
        elif state["t"] + 1 < len(kinds):
            nxt = {"t": state["t"] + 1, "s": 0}
        return Page(records=records, next_cursor=json.dumps(nxt) if nxt else None)

    async def get_pipelines(self) -> list[Pipeline]:
        """Pipelines and their stages (``deal_probability`` percent -> 0.0-1.0)."""
        pipes = (await self.api.request("GET", "/api/v2/pipelines")).get("data") or []
        stages = (await self.api.request("GET", "/api/v2/stages")).get("data") or []
        out = []
        for p in sorted(pipes, key=lambda p: p.get("order_nr", 0)):
            mine = sorted((s for s in stages if s.get("pipeline_id") == p["id"]),
                          key=lambda s: s.get("order_nr", 0))
            out.append(Pipeline(external_id=str(p["id"]), label=p.get("name", ""), stages=[
                Stage(external_id=str(s["id"]), label=s.get("name", ""), position=i,
                      probability=(s.get("deal_probability") or 0) / 100.0)
                for i, s in enumerate(mine)]))
        return out

    async def batch_upsert(self, object_type: str, items: Sequence[UpsertItem]
                           ) -> list[UpsertResult]:
        """One request per item (plus a key lookup for creates)."""
        return [await self._upsert_one(object_type, item) for item in items]

    async def _upsert_one(self, object_type: str, item: UpsertItem) -> UpsertResult:
        key = item["idempotency_key"]
        ext = item.get("external_id")
        kind, body = m.to_payload(object_type, item.get("fields") or {}, create=not ext)
        if ext:
            path_id = ext.split("/")[-1]
            method = "PUT" if kind == "notes" else "PATCH"
            await self.api.request(method, self._path(kind, path_id), json_body=body)
            return UpsertResult(idempotency_key=key, external_id=ext, created=False)
        if kind != "notes":
            body["custom_fields"] = dict(body.get("custom_fields") or {}, **{self._key(kind): key})
        last: Exception | None = None
        for attempt in range(self.api.retry.attempts):
            try:
                found = None if kind == "notes" else await self._find(kind, key)
                if found:
                    await self.api.request("PATCH", self._path(kind, found), json_body=body)
                    return UpsertResult(idempotency_key=key, external_id=found, created=False)
                data = (await self.api.request("POST", self._path(kind), json_body=body,
                                               retry=False))["data"]
                new_id = f"notes/{data['id']}" if kind == "notes" else str(data["id"])
                return UpsertResult(idempotency_key=key, external_id=new_id, created=True)
            except Retryable as exc:  # look up again before re-sending the create
                last = exc
                wait = self.api.retry.wait(attempt + 1, exc)
                if not isinstance(exc, (RateLimited, Offline)):
                    # the create may still be in flight on the server (timeout, dropped answer):
                    # give it time to land so the lookup finds it instead of creating a duplicate
                    wait = max(wait, self.ambiguous_grace_s)
                await asyncio.sleep(wait)
        assert last is not None
        raise last

    def _key(self, kind: str) -> str:
        if isinstance(self.key_field, str):
            return self.key_field
        return self.key_field.get(kind, m.KEY_FIELD_NAME)

    async def ensure_key_property(self) -> dict[str, str]:
        """Make sure persons, organizations, deals and activities have the ``spectrum_key`` custom
        field (``GET /v1/{kind}Fields``; when missing, ``POST /v1/{kind}Fields`` with
        ``field_type: varchar``). Idempotent. Returns kind -> field key (also adopted by this
        adapter; ``spectrum connect`` stores it in the sync settings)."""
        keys: dict[str, str] = {}
        for kind, endpoint in m.FIELD_ENDPOINTS.items():
            found = None
            start: int | None = 0
            while start is not None and found is None:
                body = await self.api.request("GET", f"/v1/{endpoint}",
                                              params={"start": start, "limit": 500})
                for f in body.get("data") or []:
                    if f.get("name") == m.KEY_FIELD_NAME:
                        found = f["key"]
                        break
                pag = (body.get("additional_data") or {}).get("pagination") or {}
                start = pag.get("next_start") if pag.get("more_items_in_collection") else None
            if found is None:
                data = (await self.api.request("POST", f"/v1/{endpoint}", json_body={
                    "name": m.KEY_FIELD_NAME, "field_type": "varchar"}))["data"]
                found = data["key"]
            keys[kind] = found
        self.key_field = keys
        return keys

    def _path(self, kind: str, obj_id: str | None = None) -> str:
        base = "/v1/notes" if kind == "notes" else f"/api/v2/{kind}"
        return f"{base}/{obj_id}" if obj_id else base

    async def _find(self, kind: str, key: str) -> str | None:
        body = await self.api.request("GET", f"/api/v2/{kind}/search", params={
            "term": key, "fields": "custom_fields", "exact_match": "true"})
        items = ((body or {}).get("data") or {}).get("items") or []
        return str(items[0]["item"]["id"]) if items else None

    async def archive(self, object_type: str, external_ids: Sequence[str]) -> None:
        """``DELETE`` each record; an already deleted record (404) counts as archived."""
        kind = m.PIPEDRIVE_KINDS[object_type][0]
        for ext in external_ids:
            k = "notes" if ext.startswith("notes/") else kind
            try:
                await self.api.request("DELETE", self._path(k, ext.split("/")[-1]))
            except Permanent as exc:
                if exc.status != 404:
                    raise

    async def find_by_key(self, object_type: str, idempotency_key: str) -> str | None:
        """Search the key custom field (notes cannot be found by key)."""
        return await self._find(m.PIPEDRIVE_KINDS[object_type][0], idempotency_key)

    async def associate(self, from_type: str, from_id: str, to_type: str, to_id: str) -> None:
        """Pipedrive links by foreign keys: ``person.org_id``, ``deal.person_id``/``org_id``."""
        fields = {("contact", "company"): ("persons", "org_id"),
                  ("deal", "contact"): ("deals", "person_id"),
                  ("deal", "company"): ("deals", "org_id")}
        if (from_type, to_type) not in fields:
            raise Permanent(f"pipedrive cannot associate {from_type} -> {to_type}")
        kind, fk = fields[(from_type, to_type)]
        await self.api.request("PATCH", self._path(kind, from_id), json_body={fk: int(to_id)})

    async def aclose(self) -> None:
        """Close the owned httpx client, if any."""
        await self.api.aclose()
