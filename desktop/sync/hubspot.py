"""HubSpot CRM v3 adapter (implements :class:`desktop.sync.port.CrmAdapter`).

Endpoints used (developers.hubspot.com/docs/api/crm):
- ``GET /crm/v3/objects/{type}?limit=100&after=&properties=&archived=`` — list, cursor ``paging.next.after``
- ``POST /crm/v3/objects/{type}/search`` — incremental pull: filter ``{hs_,}lastmodifieddate GTE since``
  sorted ascending, 200 per page; the search API returns at most 10,000 results per query, so the
  window is narrowed to the last seen modified time before reaching that cap.
- ``POST /crm/v3/objects/{type}/batch/upsert`` (``idProperty`` = unique :data:`KEY_PROPERTY`),
  ``batch/update``, ``batch/read``, ``batch/archive`` — 100 inputs per call.
- ``GET /crm/v3/pipelines/deals``; ``GET /account-info/v3/details`` (time zone);
  ``GET/POST /crm/v3/properties/{type}[/spectrum_key|/groups]`` (the key property);
  ``PUT /crm/v4/objects/{from}/{id}/associations/default/{to}/{id}``,
  ``POST /crm/v4/associations/{from}/{to}/batch/associate/default`` and, for a contact's or deal's
  company, ``batch/create`` with HubSpot's primary type (links pushed with the records: contact/
  deal -> company, deal -> contacts, engagement -> contact/deal/company); links removed locally
  since the last pull/push go out as ``batch/archive``;
  on pull, deal and engagement links come with list pages (``associations=``) or, for search pages,
  from ``POST /crm/v4/associations/{from}/{to}/batch/read``; a contact's primary company is read
  from ``associatedcompanyid``. See :data:`mapping_hubspot.ASSOCIATIONS`.
Rate limits: ``X-HubSpot-RateLimit-*`` headers pace requests; before the first answer the pacer
assumes 100 requests per 10 s (HubSpot's published burst limit for most apps is 100-110 per 10 s;
190 only for some Professional/Enterprise private apps). The search endpoints have their own limit
(5 requests per second) and a separate pacer. The daily budget resets at midnight in the account's
time zone (``GET /account-info/v3/details`` -> ``timeZone``, read once per adapter).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

import httpx

from desktop.sync import mapping_hubspot as m
from desktop.sync.errors import MissingScope, Permanent
from desktop.sync.http import ApiClient, RetryPolicy, TokenProvider
from desktop.sync.port import REMOVED_LINKS, Page, Pipeline, Record, Stage, UpsertItem, UpsertResult
from desktop.sync.ratelimit import Pacer, parse_hubspot

BASE_URL = "https://api.hubapi.com"
SEARCH_CAP = 10_000


def _more(block: Any) -> bool:
    """True when an associations block (list ``associations.{type}`` or a v4 batch-read result)
    has a next page: the ids in it are not all the object's associations."""
    return bool(((block or {}).get("paging") or {}).get("next"))


def _item_errors(body: Any) -> dict[str, str]:
    """Per-input messages of a batch answer's ``errors`` (HubSpot's 207 Multi-Status): input id
    (record id or unique-property value, from ``context.ids``) -> message. (From ``fix/r3``.)"""
    out: dict[str, str] = {}
    for err in (body or {}).get("errors") or []:
        message = str(err.get("message") or err.get("category") or "error")
        for i in (err.get("context") or {}).get("ids") or []:
            out[str(i)] = message
    return out


#: Requests per 10 s assumed before HubSpot's rate-limit headers are seen (source: HubSpot "API usage
#: guidelines and limits": 100 per 10 s for free/starter apps, 110 for public OAuth apps).
INITIAL_WINDOW = (100, 10.0)

#: Properties HubSpot may return in another form than sent (dates, numbers): not compared on update.
_NORMALISED = frozenset({"closedate", "amount", "hs_timestamp", "numberofemployees"})


class HubSpotAdapter:
    """HubSpot adapter.

    Args:
        client: ``httpx.AsyncClient`` (inject ``transport=`` in tests; give it safe timeouts, e.g.
            :data:`desktop.sync.http.DEFAULT_TIMEOUT`).
        token_provider: returns the private-app / OAuth access token (see :mod:`credentials`).
        base_url: API root; the emulator's URL in tests and ``--sandbox``.
        search_cap: results one search query may page through (HubSpot: 10,000).
        refresh: renews an expired OAuth access token (:class:`desktop.sync.oauth.TokenRefresher`);
            ``None`` for private-app tokens (a 401 is then :class:`AuthExpired` at once).
    """

    name = "hubspot"
    object_types: tuple[str, ...] = ("company", "contact", "deal", "activity", "task")
    max_batch = 100
    #: the HubSpot types :meth:`ensure_key_property` covers (``spectrum sync`` re-checks when a
    #: workspace was set up for fewer, e.g. before engagements were included)
    key_property_types = tuple(m.KEY_PROPERTY_TYPES)

    def __init__(self, client: httpx.AsyncClient, token_provider: TokenProvider, *,
                 base_url: str = BASE_URL, retry: RetryPolicy | None = None,
                 pacer: Pacer | None = None, search_pacer: Pacer | None = None,
                 search_cap: int = SEARCH_CAP, page_size: int = 100, search_page_size: int = 200,
                 owns_client: bool = False,
                 refresh: Callable[[], Awaitable[bool]] | None = None) -> None:
        self.api = ApiClient(client, base_url, token_provider, auth="bearer",
                             pacer=pacer or Pacer(window_max=INITIAL_WINDOW[0],
                                                         window_s=INITIAL_WINDOW[1]),
                             parse_limits=parse_hubspot,
                             retry=retry, owns_client=owns_client, refresh=refresh)
        self.search_api = ApiClient(client, base_url, token_provider, auth="bearer",
                                    pacer=search_pacer or Pacer(window_max=5, window_s=1.0),
                                    retry=retry, refresh=refresh)
        self.search_cap = search_cap
        self._tz_read = False
        self.page_size = page_size
        self.search_page_size = search_page_size

    @property
    def requests(self) -> int:
        """HTTP requests sent (all endpoints)."""
        return self.api.requests + self.search_api.requests

    # -- pull -------------------------------------------------------------------------------
    async def list_changed(self, object_type: str, since: int | None, cursor: str | None) -> Page:
        """See :meth:`CrmAdapter.list_changed`. The cursor is JSON
        ``{"t": subtype index, "after": str|None, "w": window start ms|None}``."""
        hs_types = m.HUBSPOT_TYPES[object_type]
        state: dict[str, Any] = json.loads(cursor) if cursor else {"t": 0, "after": None, "w": since}
        hs_type = hs_types[state["t"]]
        if since is None:
            records, after = await self._list(hs_type, state["after"], archived=False)
            nxt: dict[str, Any] | None = dict(state, after=after) if after else None
        else:
            records, nxt = await self._search_window(hs_type, state)
        if nxt is None and state["t"] + 1 < len(hs_types):
            nxt = {"t": state["t"] + 1, "after": None, "w": since}
        return Page(records=records, next_cursor=json.dumps(nxt) if nxt else None)

    async def _list(self, hs_type: str, after: str | None, *, archived: bool
                    ) -> tuple[list[Record], str | None]:
        params: dict[str, Any] = {"limit": self.page_size, "archived": str(archived).lower(),
                                  "properties": ",".join(m.property_names(hs_type))}
        wanted = () if archived else m.PULL_ASSOCIATIONS.get(hs_type, ())
        if wanted:
            params["associations"] = ",".join(wanted)
        if after:
            params["after"] = after
        body = await self.api.request("GET", f"/crm/v3/objects/{hs_type}", params=params)
        records = []
        for obj in body.get("results", []):
            assoc, primary = None, {}
            if wanted:
                got = obj.get("associations") or {}
                assoc = {t: None if _more(got.get(t)) else  # paged: not the whole list
                         [str(r.get("id")) for r in (got.get(t) or {}).get("results", [])]
                         for t in wanted}
                primary = {t: str(r.get("id")) for t in wanted
                           for r in (got.get(t) or {}).get("results", [])
                           if r.get("type") in m.PRIMARY_V3_TYPES}
            records.append(m.to_record(hs_type, obj, assoc, primary))
        return records, ((body.get("paging") or {}).get("next") or {}).get("after")

    async def _read_associations(self, hs_type: str, ids: list[str]
                                 ) -> tuple[dict[str, dict[str, list[str] | None]],
                                            dict[str, dict[str, str]]]:
        """Associated ids per object id and HubSpot type, through
        ``POST /crm/v4/associations/{from}/{to}/batch/read`` (one call per associated type and
        100 ids; the search API does not return associations). ``None`` instead of a list: the
        CRM paged that object's associations (not read in full; the pull then leaves those
        links as they are rather than dropping the unread ones). Second value: the primary
        association's id per object id and type (:data:`mapping_hubspot.PRIMARY_TYPE_IDS`)."""
        out: dict[str, dict[str, list[str] | None]] = {i: {} for i in ids}
        primary: dict[str, dict[str, str]] = {i: {} for i in ids}
        for to_type in m.PULL_ASSOCIATIONS.get(hs_type, ()):
            for i in range(0, len(ids), 100):
                chunk = ids[i:i + 100]
                body = await self.api.request(
                    "POST", f"/crm/v4/associations/{hs_type}/{to_type}/batch/read",
                    json_body={"inputs": [{"id": x} for x in chunk]})
                for res in (body or {}).get("results", []):
                    frm = str((res.get("from") or {}).get("id"))
                    if frm in out:
                        out[frm][to_type] = None if _more(res) else [
                            str(t.get("toObjectId")) for t in res.get("to") or []]
                        want = m.PRIMARY_TYPE_IDS.get((hs_type, to_type))
                        for t in res.get("to") or []:
                            if want and any(a.get("typeId") == want
                                            for a in t.get("associationTypes") or []):
                                primary[frm][to_type] = str(t.get("toObjectId"))
                for x in chunk:
                    out[x].setdefault(to_type, [])
        return out, primary

    async def _search_window(self, hs_type: str, state: dict[str, Any]
                             ) -> tuple[list[Record], dict[str, Any] | None]:
        prop = m.modified_property(hs_type)
        window = int(state["w"] or 0)
        after = state["after"]  # opaque: sent back as given, never parsed
        read = int(state.get("n") or 0)  # results read in this window (the cap counts them)
        limit = min(self.search_page_size, self.search_cap - read)
        query: dict[str, Any] = {
            "filterGroups": [{"filters": [{"propertyName": prop, "operator": "GTE",
                                           "value": str(window)}]}],
            "sorts": [{"propertyName": prop, "direction": "ASCENDING"}],
            "properties": m.property_names(hs_type), "limit": limit,
        }
        if after:
            query["after"] = after
        body = await self.search_api.request("POST", f"/crm/v3/objects/{hs_type}/search",
                                             json_body=query)
        results = body.get("results", [])
        assoc, primary = await self._read_associations(hs_type, [str(o["id"]) for o in results]) \
            if results and m.PULL_ASSOCIATIONS.get(hs_type) else ({}, {})
        records = [m.to_record(hs_type, obj, assoc.get(str(obj["id"])), primary.get(str(obj["id"])))
                   for obj in results]
        next_after = ((body.get("paging") or {}).get("next") or {}).get("after")
        if not next_after:
            return records, None
        read += len(results)
        if read + self.search_page_size <= self.search_cap:
            return records, dict(state, after=str(next_after), n=read)
        # the next page would pass the 10,000-result cap: start a new window at the last seen
        # modified time (GTE, so records sharing that millisecond are read again, never skipped)
        last = max((r["updated_at"] for r in records), default=window)
        if last <= window:
            raise Permanent(f"{hs_type}: more than {self.search_cap} records modified at {window} ms")
        return records, dict(state, after=None, w=last, n=0)

    async def list_archived(self, object_type: str, since: int | None, cursor: str | None) -> Page:
        """Archived records (``GET ...?archived=true``), filtered to ``archivedAt >= since``."""
        hs_types = m.HUBSPOT_TYPES[object_type]
        state: dict[str, Any] = json.loads(cursor) if cursor else {"t": 0, "after": None, "w": since}
        records, after = await self._list(hs_types[state["t"]], state["after"], archived=True)
        if since is not None:
            records = [r for r in records if r["updated_at"] >= since]
        nxt = dict(state, after=after) if after else None
        if nxt is None and state["t"] + 1 < len(hs_types):
            nxt = {"t": state["t"] + 1, "after": None, "w": since}
        return Page(records=records, next_cursor=json.dumps(nxt) if nxt else None)

    async def get_pipelines(self) -> list[Pipeline]:
        """Deal pipelines (``GET /crm/v3/pipelines/deals``) with stages in display order. The first
        call also reads the account's time zone (:meth:`read_time_zone`)."""
        if not self._tz_read:
            await self.read_time_zone()
        body = await self.api.request("GET", "/crm/v3/pipelines/deals")
        pipelines = []
        for p in sorted(body.get("results", []), key=lambda p: p.get("displayOrder", 0)):
            stages = []
            for pos, s in enumerate(sorted(p.get("stages", []),
                                           key=lambda s: s.get("displayOrder", 0))):
                meta = s.get("metadata") or {}
                prob = float(meta.get("probability") or 0.0)
                closed = str(meta.get("isClosed", "false")).lower() == "true"
                stages.append(Stage(external_id=str(s["id"]), label=s.get("label", ""),
                                    position=pos, probability=prob,
                                    is_won=closed and prob >= 1.0, is_lost=closed and prob <= 0.0))
            pipelines.append(Pipeline(external_id=str(p["id"]), label=p.get("label", ""),
                                      stages=stages))
        return pipelines

    async def read_time_zone(self) -> str | None:
        """The account's IANA time zone (``GET /account-info/v3/details`` -> ``timeZone``), which
        the daily budget resets in; kept on both API clients. ``None`` (UTC assumed) when the
        account info cannot be read (a token without that permission is not an error here)."""
        self._tz_read = True
        try:
            body = await self.api.request("GET", "/account-info/v3/details")
        except (Permanent, MissingScope):
            return None
        tz = (body or {}).get("timeZone") or None
        self.api.daily_tz = self.search_api.daily_tz = tz
        return tz

    # -- push -------------------------------------------------------------------------------
    async def batch_upsert(self, object_type: str, items: Sequence[UpsertItem]
                           ) -> list[UpsertResult]:
        """Creates go to ``batch/upsert`` by :data:`KEY_PROPERTY` (a resend is an update of the
        same record); items with an ``external_id`` go to ``batch/update`` by id."""
        if len(items) > self.max_batch:
            raise ValueError(f"at most {self.max_batch} items per batch")
        groups: dict[tuple[str, bool], list[UpsertItem]] = {}
        for item in items:
            ext = item.get("external_id")
            hs_type = (m.split_external_id(object_type, ext)[0] if ext
                       else m.hubspot_type_for(object_type, item.get("fields") or {}))
            groups.setdefault((hs_type, bool(ext)), []).append(item)
        results: list[UpsertResult] = []
        for (hs_type, by_id), group in groups.items():
            if by_id:
                results += await self._batch_update(object_type, hs_type, group)
            else:
                results += await self._batch_create(hs_type, group)
        await self._associate_fields(object_type, items, results)
        return results

    async def _associate_fields(self, object_type: str, items: Sequence[UpsertItem],
                                results: list[UpsertResult]) -> None:
        """Links carried as fields (:data:`mapping_hubspot.ASSOCIATION_FIELDS`: a contact's or
        deal's company, a deal's contacts, an engagement's contact, deal and company) become one
        v4 call per pair of HubSpot types and 100 links (idempotent): ``batch/create`` with the
        HubSpot-defined primary type for a contact's or deal's company
        (:data:`mapping_hubspot.PRIMARY_TYPE_IDS`, so ``associatedcompanyid`` follows a move),
        ``batch/associate/default`` for the others. Links listed in :data:`port.REMOVED_LINKS`
        (there at the last pull/push, gone locally) are then removed with ``batch/archive``."""
        ids = {r["idempotency_key"]: r["external_id"] for r in results}
        pairs: dict[tuple[str, str], list[tuple[str, str]]] = {}
        gone: dict[tuple[str, str], dict[str, list[str]]] = {}
        for item in items:
            if item["idempotency_key"] not in ids:
                continue  # not confirmed: its links go with the retry
            fields = item.get("fields") or {}
            from_type, from_id = m.split_external_id(object_type, ids[item["idempotency_key"]])
            removed = fields.get(REMOVED_LINKS) or {}
            for to_type, (field, _many) in m.ASSOCIATIONS.get(from_type, {}).items():
                value = fields.get(field)
                now = [str(v) for v in (value if isinstance(value, list) else
                                        [value] if value else [])]
                for to_id in now:
                    pairs.setdefault((from_type, to_type), []).append((from_id, to_id))
                old = [str(v) for v in removed.get(field) or () if str(v) not in now]
                if old:
                    gone.setdefault((from_type, to_type), {}).setdefault(from_id, []).extend(old)
        for (from_type, to_type), links in pairs.items():
            primary = m.PRIMARY_TYPE_IDS.get((from_type, to_type))
            for i in range(0, len(links), 100):
                chunk = links[i:i + 100]
                if primary:
                    await self.api.request(
                        "POST", f"/crm/v4/associations/{from_type}/{to_type}/batch/create",
                        json_body={"inputs": [{"from": {"id": f}, "to": {"id": t}, "types": [
                            {"associationCategory": "HUBSPOT_DEFINED",
                             "associationTypeId": primary}]} for f, t in chunk]})
                else:
                    await self.api.request(
                        "POST", f"/crm/v4/associations/{from_type}/{to_type}/batch/associate/default",
                        json_body={"inputs": [{"from": {"id": f}, "to": {"id": t}} for f, t in chunk]})
        for (from_type, to_type), by_from in gone.items():
            inputs = [{"from": {"id": f}, "to": [{"id": t} for t in sorted(set(ts))]}
                      for f, ts in by_from.items()]
            for i in range(0, len(inputs), 100):
                await self.api.request(
                    "POST", f"/crm/v4/associations/{from_type}/{to_type}/batch/archive",
                    json_body={"inputs": inputs[i:i + 100]})

    async def _batch_create(self, hs_type: str, items: list[UpsertItem]) -> list[UpsertResult]:
        inputs = []
        for item in items:
            props = m.to_properties(hs_type, item.get("fields") or {}, create=True)
            props[m.KEY_PROPERTY] = item["idempotency_key"]
            inputs.append({"idProperty": m.KEY_PROPERTY, "id": item["idempotency_key"],
                           "properties": props})
        body = await self.api.request("POST", f"/crm/v3/objects/{hs_type}/batch/upsert",
                                      json_body={"inputs": inputs})
        by_key = {(r.get("properties") or {}).get(m.KEY_PROPERTY): r for r in body.get("results", [])}
        refused = _item_errors(body)
        out = []
        for item in items:
            r = by_key.get(item["idempotency_key"])
            if r is None:  # the worker splits the batch and dead-letters this input with why
                raise Permanent(f"{hs_type} batch/upsert refused an input: "
                                f"{refused.get(item['idempotency_key'], 'no result for it')}")
            out.append(UpsertResult(idempotency_key=item["idempotency_key"],
                                    external_id=m.external_id(hs_type, r["id"]),
                                    created=bool(r.get("new", False))))
        return out

    async def _batch_update(self, neutral: str, hs_type: str, items: list[UpsertItem]
                            ) -> list[UpsertResult]:
        inputs: list[dict[str, Any]] = [{"id": m.split_external_id(neutral, str(i["external_id"]))[1],
                   "properties": m.to_properties(hs_type, i.get("fields") or {})} for i in items]
        body = await self.api.request("POST", f"/crm/v3/objects/{hs_type}/batch/update",
                                      json_body={"inputs": inputs})
        # an update counts only when HubSpot answers with the object carrying what was sent (a 207
        # leaves failed inputs out; a value it refused or normalised away does not match)
        got = {str(r.get("id")): r.get("properties") or {} for r in (body or {}).get("results", [])}
        refused = _item_errors(body)
        if refused:  # HubSpot refused some inputs (207): the worker isolates them, dead-letters
            # each with HubSpot's reason and resends the others (updates are idempotent)
            first = next(iter(refused.items()))
            raise Permanent(f"{hs_type} batch/update refused {len(refused)} input(s), e.g. "
                            f"{first[0]}: {first[1]}")
        out = []
        for item, inp in zip(items, inputs):
            props = got.get(str(inp["id"]))
            if props is None or any((props.get(k) or "") != v for k, v in inp["properties"].items()
                                    if k in props and k not in _NORMALISED):
                continue
            out.append(UpsertResult(idempotency_key=item["idempotency_key"], external_id=str(item["external_id"]),
                                    created=False))
        return out

    async def archive(self, object_type: str, external_ids: Sequence[str]) -> None:
        """``POST /crm/v3/objects/{type}/batch/archive`` (idempotent)."""
        groups: dict[str, list[str]] = {}
        for ext in external_ids:
            hs_type, hs_id = m.split_external_id(object_type, ext)
            groups.setdefault(hs_type, []).append(hs_id)
        for hs_type, ids in groups.items():
            await self.api.request("POST", f"/crm/v3/objects/{hs_type}/batch/archive",
                                   json_body={"inputs": [{"id": i} for i in ids]})

    async def find_by_key(self, object_type: str, idempotency_key: str) -> str | None:
        """``batch/read`` with ``idProperty`` = :data:`KEY_PROPERTY`."""
        for hs_type in m.HUBSPOT_TYPES[object_type]:
            body = await self.api.request(
                "POST", f"/crm/v3/objects/{hs_type}/batch/read",
                json_body={"idProperty": m.KEY_PROPERTY, "inputs": [{"id": idempotency_key}],
                           "properties": [m.KEY_PROPERTY], "propertiesWithHistory": []})
            for r in (body or {}).get("results", []):
                return m.external_id(hs_type, r["id"])
        return None

    async def associate(self, from_type: str, from_id: str, to_type: str, to_id: str) -> None:
        """``PUT /crm/v4/objects/{from}/{id}/associations/default/{to}/{id}``."""
        f_type, f_id = m.split_external_id(from_type, from_id)
        t_type, t_id = m.split_external_id(to_type, to_id)
        await self.api.request(
            "PUT", f"/crm/v4/objects/{f_type}/{f_id}/associations/default/{t_type}/{t_id}")

    async def ensure_key_property(self) -> list[str]:
        """Make sure every object type pushed by upsert (:data:`mapping_hubspot.KEY_PROPERTY_TYPES`:
        companies, contacts, deals, notes, calls, meetings, tasks) has the unique
        :data:`KEY_PROPERTY` (``GET /crm/v3/properties/{type}/spectrum_key``; when 404,
        ``POST /crm/v3/properties/{type}`` with ``hasUniqueValue: true`` in the type's group).
        Checked on every connect and at sync start. Idempotent: returns the types where it was
        created (empty when all existed).

        Raises: :class:`Permanent` when the property exists but is not unique (HubSpot cannot
        make an existing property unique: delete or rename it in HubSpot, then connect again);
        other :mod:`errors` as usual.
        """
        async def look(hs_type: str) -> dict[str, Any] | None:
            try:
                prop: dict[str, Any] | None = await self.api.request(
                    "GET", f"/crm/v3/properties/{hs_type}/{m.KEY_PROPERTY}")
                return prop
            except Permanent as exc:
                if exc.status != 404:
                    raise
                return None

        # the seven checks go out together (one round trip instead of seven)
        found = await asyncio.gather(*(look(t) for t in m.KEY_PROPERTY_TYPES))
        created = []
        for (hs_type, group), prop in zip(m.KEY_PROPERTY_TYPES.items(), found):
            if prop is None:
                await self.api.request("POST", f"/crm/v3/properties/{hs_type}", json_body={
                    "name": m.KEY_PROPERTY, "label": "Spectrum key", "type": "string",
                    "fieldType": "text", "groupName": await self._group(hs_type, group),
                    "hasUniqueValue": True,
                    "description": "Spectrum's idempotency key (set by Spectrum sync; do not edit)"})
                created.append(hs_type)
            elif not prop.get("hasUniqueValue"):
                raise Permanent(f"HubSpot {hs_type} property {m.KEY_PROPERTY!r} exists but is not "
                                "unique; delete or rename it in HubSpot, then connect again")
        return created

    async def _group(self, hs_type: str, preferred: str | None) -> str:
        """A property group of ``hs_type`` to create the key in: ``preferred`` when the portal has
        it, else its first group (``GET /crm/v3/properties/{type}/groups``)."""
        body = await self.api.request("GET", f"/crm/v3/properties/{hs_type}/groups")
        names = [g.get("name") for g in (body or {}).get("results", []) if g.get("name")]
        if preferred and (preferred in names or not names):
            return preferred
        if not names:
            raise Permanent(f"HubSpot {hs_type} has no property group to hold {m.KEY_PROPERTY!r}")
        return str(names[0])

    async def aclose(self) -> None:
        """Close the owned httpx client, if any."""
        await self.api.aclose()
