"""Issue 13: every request the adapters make in a full sandbox round (``contract_round``: create,
update, clear a field, move stages, associate and dissociate, engagements of each kind, a held and
then mapped stage, a delete) is recorded by the emulator and checked against a small schema kept
here, written from the CRMs' own documentation (not copied from any OpenAPI file):

HubSpot (developers.hubspot.com: "CRM API | Objects" batch create/update/upsert/read/archive,
"Properties", "Associations v4", "Pipelines", "Search"):
- property values are strings (never ``null``; ``""`` clears a value); only known properties;
- ``dealstage`` is a stage id of the deal's pipeline, ``pipeline`` a pipeline id,
  ``hs_task_status`` one of NOT_STARTED, IN_PROGRESS, WAITING, COMPLETED, DEFERRED;
- engagement creates carry ``hs_timestamp`` (required);
- batch inputs: 1..100; upserts name a unique ``idProperty``; v4 association inputs have the
  documented shape (``types`` with a category and an integer type id for ``batch/create``,
  ``to`` a list for ``batch/archive``); search: <= 5 filter groups, ``limit`` <= 200.

Pipedrive (developers.pipedrive.com, API v2 Persons/Organizations/Deals/Activities, v1 Notes):
- only the documented body fields per endpoint; ``name``/``title``/``content`` required on create;
- ids are integers, ``value`` a number, ``currency`` a 3-letter code, dates ``YYYY-MM-DD``,
  times ``HH:MM``; ``emails``/``phones`` arrays of ``{value, primary, label}``;
- ``null`` only where Pipedrive documents clearing (links, expected close date, custom fields).
"""

from __future__ import annotations

import re
from typing import Any

from contract_round import sandbox_round, seed_hubspot, seed_pipedrive
from sync_helpers import client, hubspot, make_emulator, pipedrive, run

# -- HubSpot schema -------------------------------------------------------------------------------
HS_PROPERTIES = {
    "companies": {"name", "domain", "industry", "numberofemployees", "city", "country"},
    "contacts": {"firstname", "lastname", "email", "phone", "jobtitle"},
    "deals": {"dealname", "amount", "deal_currency_code", "dealstage", "pipeline", "closedate"},
    "notes": {"hs_note_body", "hs_timestamp"},
    "calls": {"hs_call_title", "hs_call_body", "hs_timestamp"},
    "meetings": {"hs_meeting_title", "hs_meeting_body", "hs_timestamp"},
    "tasks": {"hs_task_subject", "hs_task_body", "hs_task_status", "hs_timestamp"},
}
ENGAGEMENTS = {"notes", "calls", "meetings", "tasks"}
TASK_STATUS = {"NOT_STARTED", "IN_PROGRESS", "WAITING", "COMPLETED", "DEFERRED"}
CATEGORIES = {"HUBSPOT_DEFINED", "USER_DEFINED", "INTEGRATOR_DEFINED"}
KEY = "spectrum_key"
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z)?$")


def hubspot_violations(requests: list[tuple[str, str, Any]], pipelines: list[dict]) -> list[str]:
    """Every rule broken by the recorded requests (empty when all hold)."""
    stages = {p["id"]: {s["id"] for s in p["stages"]} for p in pipelines}
    out: list[str] = []

    def bad(path: str, why: str) -> None:
        out.append(f"{path}: {why}")

    for method, path, body in requests:
        m = re.fullmatch(r"/crm/v3/objects/(\w+)/batch/(upsert|update|create|read|archive)", path)
        if m:
            hs_type, action = m[1], m[2]
            inputs = (body or {}).get("inputs")
            if not isinstance(inputs, list) or not 1 <= len(inputs) <= 100:
                bad(path, f"inputs must hold 1..100 items, got {len(inputs or [])}")
                continue
            for inp in inputs:
                if not isinstance(inp.get("id"), str):
                    bad(path, f"id must be a string: {inp.get('id')!r}")
                if action == "upsert" and inp.get("idProperty") != KEY:
                    bad(path, f"upsert by an unknown idProperty {inp.get('idProperty')!r}")
                if action not in ("upsert", "update", "create"):
                    continue
                props = inp.get("properties")
                if not isinstance(props, dict):
                    bad(path, "properties must be an object")
                    continue
                for name, value in props.items():
                    if name not in HS_PROPERTIES[hs_type] | {KEY}:
                        bad(path, f"unknown property {name}")
                    if not isinstance(value, str):
                        bad(path, f"{name} is {value!r}: property values are strings")
                if hs_type == "deals":
                    pipe = props.get("pipeline")
                    if pipe is not None and pipe not in stages:
                        bad(path, f"pipeline {pipe!r} is not a pipeline id")
                    stage = props.get("dealstage")
                    if stage is not None and stage not in stages.get(pipe or "default", set()):
                        bad(path, f"dealstage {stage!r} is not a stage of pipeline {pipe or 'default'}")
                    if props.get("closedate") and not ISO_DATE.match(props["closedate"]):
                        bad(path, f"closedate {props['closedate']!r} is not an ISO date")
                if hs_type == "tasks" and "hs_task_status" in props and \
                        props["hs_task_status"] not in TASK_STATUS:
                    bad(path, f"hs_task_status {props['hs_task_status']!r}")
                if hs_type in ENGAGEMENTS and action in ("upsert", "create"):
                    ts = props.get("hs_timestamp")
                    if not ts or not ISO_DATE.match(ts):
                        bad(path, f"an engagement create needs hs_timestamp, got {ts!r}")
            continue
        m = re.fullmatch(r"/crm/v4/associations/(\w+)/(\w+)/batch/(associate/default|create|archive|read)",
                         path)
        if m:
            inputs = (body or {}).get("inputs")
            if not isinstance(inputs, list) or not 1 <= len(inputs) <= 100:
                bad(path, f"inputs must hold 1..100 items, got {len(inputs or [])}")
                continue
            for inp in inputs:
                if m[3] == "read":
                    ok = isinstance(inp.get("id"), str)
                elif m[3] == "archive":
                    ok = isinstance((inp.get("from") or {}).get("id"), str) and isinstance(
                        inp.get("to"), list) and inp["to"] and all(
                        isinstance(t.get("id"), str) for t in inp["to"])
                else:
                    ok = isinstance((inp.get("from") or {}).get("id"), str) and isinstance(
                        (inp.get("to") or {}).get("id"), str)
                    if m[3] == "create":
                        types = inp.get("types") or []
                        ok = ok and bool(types) and all(
                            t.get("associationCategory") in CATEGORIES
                            and isinstance(t.get("associationTypeId"), int) for t in types)
                if not ok:
                    bad(path, f"malformed input {inp!r}")
            continue
        m = re.fullmatch(r"/crm/v3/objects/(\w+)/search", path)
        if m:
            groups = (body or {}).get("filterGroups") or []
            if len(groups) > 5 or any(len(g.get("filters") or []) > 6 for g in groups):
                bad(path, "at most 5 filter groups of 6 filters")
            if not 1 <= int((body or {}).get("limit", 10)) <= 200:
                bad(path, f"limit {(body or {}).get('limit')}")
            if "after" in (body or {}) and not isinstance(body["after"], str):
                bad(path, "after is an opaque string")
            continue
        if method == "POST" and re.fullmatch(r"/crm/v3/properties/\w+", path):
            need = {"name", "label", "type", "fieldType", "groupName"}
            if not need <= set(body or {}) or (body["type"], body["fieldType"]) != ("string", "text"):
                bad(path, f"property definition {body!r}")
            continue
        if re.fullmatch(r"/crm/v4/objects/\w+/\d+/associations/(default/)?\w+/\d+", path) or \
                re.fullmatch(r"/crm/v3/(objects/\w+|properties/\w+(/\w+)?|pipelines/deals)", path) or \
                path in ("/account-info/v3/details", "/oauth/v1/token"):
            continue
        bad(path, f"{method} to an endpoint the schema does not know")
    return out


def test_hubspot_round_sends_only_documented_requests(ws):
    with make_emulator() as emu:
        hs = emu.hubspot
        seeded = seed_hubspot(hs)
        for t in ("notes", "calls", "meetings", "tasks"):  # a portal connected before issue 13
            hs.properties[t].pop(KEY, None)

        def remote_edit():
            hs.update("deals", seeded["deal"]["id"], {"dealname": "Pilot (renamed in HubSpot)"})

        async def go():
            async with client() as c:
                return await sandbox_round(ws, hubspot(c, emu), "hubspot", remote_edit=remote_edit)
        out = run(go())
        requests = list(emu.requests)
        assert hubspot_violations(requests, hs.pipelines) == []
        assert all(r.dead == 0 for r in out["pushes"]), [r.errors for r in out["pushes"]]
        # the round covered what the schema is about
        paths = [p for _m, p, _b in requests]
        for t in ("companies", "contacts", "deals", "notes", "calls", "meetings", "tasks"):
            assert f"/crm/v3/objects/{t}/batch/upsert" in paths, t
        updates = [b for _m, p, b in requests if p == "/crm/v3/objects/contacts/batch/update"]
        assert any(i["properties"].get("phone") == "" for b in updates for i in b["inputs"])
        moves = [i["properties"]["dealstage"] for _m, p, b in requests
                 if p == "/crm/v3/objects/deals/batch/update" for i in b["inputs"]
                 if "dealstage" in i["properties"]]
        assert moves == ["contractsent", "closedwon", "qualifiedtobuy"]  # the last: Legal Review, mapped
        assert out["held"] and out["held"][0].startswith("held: stage 'Legal Review' has no HubSpot stage")
        assert "/crm/v4/associations/contacts/companies/batch/create" in paths
        assert "/crm/v4/associations/contacts/companies/batch/archive" in paths
        assert "/crm/v4/associations/deals/contacts/batch/archive" in paths
        assert hs.linked("deals", seeded["deal"]["id"], "contacts") == [str(seeded["ada"]["id"])]
        assert hs.objects["contacts"][seeded["ada"]["id"]]["props"]["associatedcompanyid"] == \
            str(seeded["initech"]["id"])


def test_the_hubspot_schema_catches_the_faults_it_is_about():
    """The checker itself fails on the issue's faults (so the round test can fail)."""
    pipelines = [{"id": "default", "stages": [{"id": "qualifiedtobuy"}]}]
    reqs = [("POST", "/crm/v3/objects/deals/batch/update", {"inputs": [
                {"id": "1", "properties": {"dealstage": None, "amount": None}}]}),
            ("POST", "/crm/v3/objects/deals/batch/update", {"inputs": [
                {"id": "1", "properties": {"dealstage": "proposal"}}]}),
            ("POST", "/crm/v3/objects/notes/batch/upsert", {"inputs": [
                {"idProperty": KEY, "id": "k", "properties": {"hs_note_body": "x"}}]}),
            ("POST", "/crm/v3/objects/contacts/batch/upsert", {"inputs": [
                {"idProperty": KEY, "id": f"k{i}", "properties": {}} for i in range(101)]})]
    found = hubspot_violations(reqs, pipelines)
    assert len(found) == 5, found


# -- Pipedrive schema ----------------------------------------------------------------------------
PD_FIELDS = {
    "persons": {"name", "owner_id", "org_id", "add_time", "update_time", "emails", "phones",
                "visible_to", "label_ids", "marketing_status", "custom_fields"},
    "organizations": {"name", "owner_id", "add_time", "update_time", "visible_to", "label_ids",
                      "address", "custom_fields"},
    "deals": {"title", "owner_id", "person_id", "org_id", "pipeline_id", "stage_id", "value",
              "currency", "add_time", "update_time", "stage_change_time", "is_deleted", "status",
              "probability", "lost_reason", "visible_to", "close_time", "won_time", "lost_time",
              "expected_close_date", "label_ids", "custom_fields"},
    "activities": {"subject", "type", "owner_id", "deal_id", "lead_id", "person_id", "project_id",
                   "org_id", "due_date", "due_time", "duration", "busy", "done", "location",
                   "participants", "attendees", "public_description", "priority", "note",
                   "custom_fields"},
    "notes": {"content", "lead_id", "deal_id", "person_id", "org_id", "project_id", "user_id",
              "add_time", "pinned_to_lead_flag", "pinned_to_deal_flag",
              "pinned_to_organization_flag", "pinned_to_person_flag", "pinned_to_project_flag"},
}
PD_REQUIRED = {"persons": "name", "organizations": "name", "deals": "title", "notes": "content",
               "activities": "subject"}
PD_IDS = {"owner_id", "org_id", "person_id", "deal_id", "pipeline_id", "stage_id", "lead_id",
          "project_id", "user_id"}
PD_NULLABLE = {"org_id", "person_id", "deal_id", "expected_close_date", "lead_id", "project_id"}


def pipedrive_violations(requests: list[tuple[str, str, Any]], stage_ids: set[int]) -> list[str]:
    """Every documented rule broken by the recorded Pipedrive write requests."""
    out: list[str] = []
    for method, path, body in requests:
        m = re.fullmatch(r"/(?:api/v2|v1)/(persons|organizations|deals|activities|notes)(/\d+)?", path)
        if not m or method not in ("POST", "PATCH", "PUT"):
            continue
        kind, body = m[1], body or {}
        for k, v in body.items():
            where = f"{method} {path}: {k}"
            if k not in PD_FIELDS[kind]:
                out.append(f"{where} is not a documented field")
            elif v is None and k not in PD_NULLABLE:
                out.append(f"{where} is null")
            elif v is not None and k in PD_IDS and not isinstance(v, int):
                out.append(f"{where} must be an integer id, got {v!r}")
        if method == "POST" and not body.get(PD_REQUIRED[kind]):
            out.append(f"POST {path}: {PD_REQUIRED[kind]} is required")
        if "stage_id" in body and body["stage_id"] not in stage_ids:
            out.append(f"{path}: stage_id {body['stage_id']!r} is not a stage")
        if "value" in body and not isinstance(body["value"], (int, float)):
            out.append(f"{path}: value must be a number")
        if "currency" in body and not re.fullmatch(r"[A-Z]{3}", str(body["currency"])):
            out.append(f"{path}: currency {body['currency']!r}")
        for k in ("expected_close_date", "due_date"):
            if body.get(k) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", body[k]):
                out.append(f"{path}: {k} {body[k]!r}")
        if body.get("due_time") and not re.fullmatch(r"\d{2}:\d{2}", body["due_time"]):
            out.append(f"{path}: due_time {body['due_time']!r}")
        for k in ("emails", "phones"):
            for item in body.get(k) or []:
                if set(item) - {"value", "primary", "label"} or not isinstance(item.get("value"), str):
                    out.append(f"{path}: {k} item {item!r}")
        for k in body.get("custom_fields") or {}:
            if not re.fullmatch(r"[0-9a-f]{40}", k):
                out.append(f"{path}: custom field key {k!r} is not a field key")
    return out


def test_pipedrive_round_sends_only_documented_bodies(ws):
    from desktop.sync.emulator_pipedrive import STAGES

    with make_emulator() as emu:
        seed_pipedrive(emu.pipedrive)

        async def go():
            async with client() as c:
                return await sandbox_round(ws, pipedrive(c, emu), "pipedrive")
        out = run(go())
        requests = list(emu.requests)
        assert pipedrive_violations(requests, {s["id"] for s in STAGES}) == []
        assert all(r.dead == 0 for r in out["pushes"]), [r.errors for r in out["pushes"]]
        written = {(m, re.sub(r"/\d+$", "/{id}", p)) for m, p, _b in requests}
        for kind in ("persons", "organizations", "deals", "activities"):
            assert ("POST", f"/api/v2/{kind}") in written, kind
        for kind in ("persons", "deals"):
            assert ("PATCH", f"/api/v2/{kind}/{{id}}") in written, kind
        assert ("POST", "/v1/notes") in written
        ada = next(p for p in emu.pipedrive.live("persons") if p["first_name"] == "Ada")
        assert ada["phones"] == [] and ada["last_name"] == "Lovelace"


def test_the_pipedrive_schema_catches_undocumented_fields_and_nulls():
    reqs = [("POST", "/api/v2/persons", {"first_name": "A", "name": "A"}),
            ("PATCH", "/api/v2/deals/3", {"value": None, "stage_id": None}),
            ("POST", "/api/v2/deals", {"title": "", "org_id": "7"})]
    found = pipedrive_violations(reqs, {1, 2})
    assert len(found) == 7, found
