"""Issue 13: sync that cannot damage the customer's CRM (HubSpot): no null property values, a
stage with no CRM id is held with a clear reason until mapped, the key property on every
upserted type, primary company associations and removals, 403 as a missing scope, Retry-After
dates, the account's midnight, opaque search cursors, the initial pace; the emulator refuses
what HubSpot refuses."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import httpx
import pytest
from sqlalchemy import select
from sync_helpers import FAST_RETRY, TOKEN, client, hubspot, make_emulator, run

from desktop.domain.plan import Action, Plan, Target
from desktop.store import schema as s
from desktop.store.executor import apply_plan
from desktop.store.sync_state import StoreState, map_stage
from desktop.sync import mapping_hubspot as m
from desktop.sync.engine import SyncEngine
from desktop.sync.errors import MissingScope
from desktop.sync.http import next_daily_reset, parse_retry_after
from desktop.sync.hubspot import HubSpotAdapter
from desktop.sync.state import MemoryState
from desktop.sync.worker import SyncWorker

OLD = 1_700_000_000_000


def _sync(state, emu, *, pull=True):
    async def go():
        async with client() as c:
            adapter = hubspot(c, emu)
            if pull:
                await SyncEngine(adapter, state).pull()
            return await SyncWorker(adapter, state, backoff_base_s=0.0).drain()
    return run(go())


def _posts(emu, fragment):
    return [b for (meth, path, b) in emu.requests if meth == "POST" and fragment in path]


# -- 1. null property values -----------------------------------------------------------------
def test_creates_leave_empty_fields_out_updates_clear_with_empty_strings_engagements_get_a_time():
    now = lambda: 1_750_000_000_000  # noqa: E731
    company = m.to_properties("companies", {"name": "Acme", "domain": None, "industry": None,
                                            "employees": None, "city": None, "country": None},
                              create=True)
    assert company == {"name": "Acme"}
    assert m.to_properties("contacts", {"phone": None, "email": "a@b.co"}) == {"phone": "", "email": "a@b.co"}
    assert m.to_properties("deals", {"amount_cents": None, "close_date": None}) == {
        "amount": "", "closedate": ""}
    # an enumerated value is never cleared, a required engagement time never blanked
    assert m.to_properties("deals", {"stage_external_id": None, "pipeline_external_id": None}) == {}
    assert m.to_properties("notes", {"occurred_at": None, "body": "x"}) == {"hs_note_body": "x"}
    task = m.to_properties("tasks", {"subject": "Call", "body": None, "due_at": None}, create=True,
                           now_ms=now)
    assert task == {"hs_task_subject": "Call", "hs_timestamp": m.ms_to_iso(now())}
    note = m.to_properties("notes", {"body": "hi", "occurred_at": OLD}, create=True, now_ms=now)
    assert note["hs_timestamp"] == m.ms_to_iso(OLD)  # when the activity happened


def test_the_emulator_refuses_null_values_unknown_stages_and_unknown_id_properties(emulator):
    """HubSpot's answers, so a regression fails in CI."""
    hs = emulator.hubspot

    def post(path, body):
        with httpx.Client() as c:
            r = c.post(emulator.url + path, json=body, headers={"authorization": f"Bearer {TOKEN}"})
        return r.status_code, r.json()

    status, body = post("/crm/v3/objects/contacts/batch/upsert", {"inputs": [
        {"idProperty": "spectrum_key", "id": "k1", "properties": {"firstname": "A", "phone": None}}]})
    assert status == 400 and body["category"] == "VALIDATION_ERROR"
    assert body["message"].startswith("Property values were not valid") and '"name":"phone"' in body["message"]
    status, body = post("/crm/v3/objects/deals/batch/upsert", {"inputs": [
        {"idProperty": "spectrum_key", "id": "k2", "properties": {"dealname": "D", "dealstage": "nope"}}]})
    assert status == 400 and "INVALID_OPTION" in body["message"] and "dealstage" in body["message"]
    del hs.properties["notes"][m.KEY_PROPERTY]
    status, body = post("/crm/v3/objects/notes/batch/upsert", {"inputs": [
        {"idProperty": "spectrum_key", "id": "k3", "properties": {"hs_note_body": "x"}}]})
    assert status == 400 and body["category"] == "VALIDATION_ERROR"
    assert body["message"] == ("Unable to perform update/upsert by non-unique 0-46 property "
                               "spectrum_key in portal ID 62515")
    assert hs.live("contacts") == hs.live("deals") == hs.live("notes") == []


def test_a_cleared_phone_reaches_hubspot_as_empty_and_a_new_company_has_no_nulls(emulator):
    state = MemoryState()
    co = state.local_change("company", "create", {"name": "Acme", "domain": None, "city": None})
    ct = state.local_change("contact", "create", {"first_name": "Ada", "phone": "555",
                                                  "email": "ada@acme.test"})
    assert _sync(state, emulator, pull=False).dead == 0
    state.local_change("contact", "update", {"phone": None}, local_id=ct.local_id)
    report = _sync(state, emulator, pull=False)
    assert report.sent == 1 and report.dead == 0
    (contact,) = emulator.hubspot.live("contacts")
    assert contact["props"]["phone"] == ""
    (company,) = emulator.hubspot.live("companies")
    assert set(company["props"]) == {"name", m.KEY_PROPERTY} and co.local_id


# -- 2. an unmapped stage is held with its reason, mapped, then pushed ------------------------
def test_an_unmapped_stage_is_held_with_its_label_and_pushed_once_mapped(ws):
    with make_emulator() as emu:
        deal = emu.hubspot.create("deals", {"dealname": "Pilot", "dealstage": "qualifiedtobuy",
                                            "pipeline": "default"}, updated_ms=OLD)
        state = StoreState(ws, "hubspot")
        _sync(state, emu)
        with ws.uow() as uow:  # a stage made in Spectrum: HubSpot has no such stage
            ses = uow.session
            d = ses.execute(select(s.Deal).where(s.Deal.name == "Pilot")).scalar_one()
            ses.add(s.Stage(pipeline_id=d.pipeline_id, label="Proposal Sent", position=9))
            uow.commit()
            deal_id = d.id
        apply_plan(ws, Plan(transcript="Pilot to proposal sent", actions=[Action(
            kind="update_deal", target=Target(type="deal", id=str(deal_id), name="Pilot"),
            fields={"stage": "Proposal Sent"})], requires_confirmation=True))
        report = _sync(state, emu)
        assert report.sent == 0
        assert emu.hubspot.objects["deals"][deal["id"]]["props"]["dealstage"] == "qualifiedtobuy"
        assert not _posts(emu, "deals/batch/update")
        (held,) = state.summary()["held"]
        assert held["reason"].startswith("held: stage 'Proposal Sent' has no HubSpot stage: map it")
        assert "spectrum stages 'Proposal Sent' --map" in held["reason"]
        res = map_stage(ws, "hubspot", "Proposal Sent", "Contract Sent")
        assert res["crm_stage_id"] == "contractsent" and res["released"] == 1
        report = _sync(state, emu)
        assert report.sent == 1 and state.summary()["held"] == []
        assert emu.hubspot.objects["deals"][deal["id"]]["props"]["dealstage"] == "contractsent"
        with ws.uow() as uow:
            kinds = list(uow.session.execute(select(s.AuditEntry.kind)).scalars())
        assert "stage_mapped" in kinds


# -- 3. the key property on every upserted type -----------------------------------------------
def test_connect_creates_the_key_property_on_engagements_so_their_pushes_work(emulator):
    hs = emulator.hubspot
    for t in hs.properties:
        hs.properties[t].pop(m.KEY_PROPERTY, None)  # a portal never connected
    state = MemoryState()
    state.local_change("activity", "create", {"kind": "call", "subject": "Kickoff", "body": "ok"})
    report = _sync(state, emulator, pull=False)
    assert report.sent == 0 and report.dead == 1  # HubSpot refuses the unknown idProperty

    async def connect():
        async with client() as c:
            return await hubspot(c, emulator).ensure_key_property()
    created = run(connect())
    assert set(created) == {"companies", "contacts", "deals", "notes", "calls", "meetings", "tasks"}
    assert run(connect()) == []  # checked again on every connect: nothing to do
    assert hs.properties["calls"][m.KEY_PROPERTY]["groupName"] == "callinformation"
    state.local_change("activity", "create", {"kind": "call", "subject": "Kickoff 2", "body": "ok"})
    state.local_change("task", "create", {"subject": "Send deck"})
    assert _sync(state, emulator, pull=False).sent == 2
    assert len(hs.live("calls")) == 1 and len(hs.live("tasks")) == 1


# -- 4. associations -----------------------------------------------------------------------------
def test_moving_a_contact_to_another_company_sets_the_primary_and_removes_the_old_link(ws):
    with make_emulator() as emu:
        hs = emu.hubspot
        a = hs.create("companies", {"name": "Acme"}, updated_ms=OLD)
        b = hs.create("companies", {"name": "Globex"}, updated_ms=OLD)
        ada = hs.create("contacts", {"firstname": "Ada", "email": "ada@acme.test"}, updated_ms=OLD)
        hs.associate("contacts", ada["id"], "companies", a["id"])
        state = StoreState(ws, "hubspot")
        _sync(state, emu)
        with ws.uow() as uow:
            cid = uow.session.execute(select(s.Contact.id).where(s.Contact.first_name == "Ada")).scalar_one()
        apply_plan(ws, Plan(transcript="Ada is at Globex now", actions=[Action(
            kind="update_contact", target=Target(type="contact", id=str(cid), name="Ada"),
            fields={"company": "Globex"})], requires_confirmation=True))
        assert _sync(state, emu).sent == 1
        assert hs.linked("contacts", ada["id"], "companies") == [str(b["id"])]
        assert hs.objects["contacts"][ada["id"]]["props"]["associatedcompanyid"] == str(b["id"])
        (create,) = _posts(emu, "contacts/companies/batch/create")
        assert create["inputs"][0]["types"] == [{"associationCategory": "HUBSPOT_DEFINED",
                                                 "associationTypeId": 1}]
        (archive,) = _posts(emu, "contacts/companies/batch/archive")
        assert archive["inputs"] == [{"from": {"id": str(ada["id"])}, "to": [{"id": str(a["id"])}]}]
        _sync(state, emu)  # the next pull keeps Globex: nothing reverted, no conflict
        with ws.uow() as uow:
            c = uow.session.get(s.Contact, cid)
            assert uow.session.get(s.Company, c.company_id).name == "Globex"
            assert not uow.session.execute(select(s.SyncConflict)).first()


def test_a_contact_taken_off_a_deal_is_dissociated_in_hubspot(ws):
    with make_emulator() as emu:
        hs = emu.hubspot
        deal = hs.create("deals", {"dealname": "Pilot", "dealstage": "qualifiedtobuy",
                                   "pipeline": "default"}, updated_ms=OLD)
        ada = hs.create("contacts", {"firstname": "Ada", "email": "ada@acme.test"}, updated_ms=OLD)
        bo = hs.create("contacts", {"firstname": "Bo", "email": "bo@acme.test"}, updated_ms=OLD)
        for c in (ada, bo):
            hs.associate("deals", deal["id"], "contacts", c["id"])
        state = StoreState(ws, "hubspot")
        _sync(state, emu)
        with ws.uow() as uow:
            ses = uow.session
            d = ses.execute(select(s.Deal).where(s.Deal.name == "Pilot")).scalar_one()
            bo_id = ses.execute(select(s.Contact.id).where(s.Contact.first_name == "Bo")).scalar_one()
            deal_id = d.id
            ses.query(s.DealContact).filter_by(deal_id=deal_id, contact_id=bo_id).delete()
            uow.commit()
        apply_plan(ws, Plan(transcript="Pilot amount 9k", actions=[Action(
            kind="update_deal", target=Target(type="deal", id=str(deal_id), name="Pilot"),
            fields={"amount": 9000})], requires_confirmation=True))
        assert _sync(state, emu).sent == 1
        assert hs.linked("deals", deal["id"], "contacts") == [str(ada["id"])]


# -- 5. errors and limits ------------------------------------------------------------------------
def _mock(handler):
    return httpx.AsyncClient(transport=httpx.MockTransport(handler))


def test_a_403_names_the_missing_scope_and_never_refreshes_the_token():
    refreshed = []

    def handler(request):
        return httpx.Response(403, json={
            "status": "error", "category": "MISSING_SCOPES", "correlationId": "c-1",
            "message": "This app hasn't been granted all required scopes to make this call.",
            "errors": [{"message": "One or more of the following scopes are required.",
                        "context": {"requiredGranularScopes": ["crm.objects.deals.write"]}}]})

    async def refresh():
        refreshed.append(1)
        return True

    async def go():
        async with _mock(handler) as c:
            adapter = HubSpotAdapter(c, lambda: TOKEN, base_url="http://crm.invalid",
                                     retry=FAST_RETRY, refresh=refresh)
            await adapter.batch_upsert("deal", [{"idempotency_key": "k", "fields": {"name": "D"}}])

    with pytest.raises(MissingScope) as info:
        run(go())
    assert info.value.scopes == ["crm.objects.deals.write"] and not refreshed
    assert "crm.objects.deals.write" in str(info.value) and "reconnect" not in str(info.value)


def test_retry_after_as_an_http_date_and_the_daily_reset_in_the_account_time_zone():
    now = datetime(2026, 12, 6, 3, 0, 0, tzinfo=UTC)
    assert parse_retry_after("Sun, 06 Dec 2026 03:00:30 GMT", now) == 30.0
    assert parse_retry_after("7", now) == 7.0
    assert parse_retry_after("soon", now) is None
    # 03:00 UTC is 22:00 the day before in New York: the budget is back at 05:00 UTC
    assert next_daily_reset(now, "US/Eastern") == datetime(2026, 12, 6, 5, 0, tzinfo=UTC)
    assert next_daily_reset(now, None) == datetime(2026, 12, 7, 0, 0, tzinfo=UTC)

    sent = []

    def handler(request):
        sent.append(request.url.path)
        if request.url.path == "/account-info/v3/details":
            return httpx.Response(200, json={"portalId": 1, "timeZone": "US/Eastern"})
        return httpx.Response(429, json={"status": "error", "policyName": "DAILY",
                                         "message": "daily limit"})

    async def go():
        async with _mock(handler) as c:
            adapter = HubSpotAdapter(c, lambda: TOKEN, base_url="http://crm.invalid", retry=FAST_RETRY)
            await adapter.get_pipelines()
    from desktop.sync.errors import RateLimited
    with pytest.raises(RateLimited) as info:
        run(go())
    wall = datetime.now(UTC)
    expected = (next_daily_reset(wall, "US/Eastern") - wall).total_seconds()
    assert abs(info.value.retry_after - expected) < 5


def test_the_search_cursor_is_passed_back_as_given_and_the_pacer_starts_at_100_per_10_s():
    bodies = []

    def handler(request):
        body = json.loads(request.content or b"{}")
        bodies.append(body)
        if "after" not in body:
            return httpx.Response(200, json={"total": 2, "results": [
                {"id": "1", "properties": {"hs_lastmodifieddate": "2026-01-01T00:00:00.000Z"}}],
                "paging": {"next": {"after": "Q2FmZTEyMw=="}}})
        return httpx.Response(200, json={"total": 2, "results": [
            {"id": "2", "properties": {"hs_lastmodifieddate": "2026-01-01T00:00:01.000Z"}}]})

    async def go():
        async with _mock(handler) as c:
            adapter = HubSpotAdapter(c, lambda: TOKEN, base_url="http://crm.invalid", retry=FAST_RETRY)
            assert (adapter.api.pacer.window_max, adapter.api.pacer.window_s) == (100, 10.0)
            page = await adapter.list_changed("company", OLD, None)
            page2 = await adapter.list_changed("company", OLD, page.next_cursor)
            return page, page2
    page, page2 = run(go())
    assert [r["external_id"] for r in page.records + page2.records] == ["1", "2"]
    assert bodies[1]["after"] == "Q2FmZTEyMw==" and page2.next_cursor is None


def test_an_input_hubspot_refuses_is_dead_lettered_with_hubspots_reason_and_the_rest_go_out(emulator):
    state = MemoryState()
    rows = [state.local_change("deal", "create", {"name": f"D{i}", "stage_external_id": "appointmentscheduled",
                                                   "pipeline_external_id": "default"}) for i in range(3)]
    assert _sync(state, emulator, pull=False).sent == 3
    state.local_change("deal", "update", {"amount_cents": 500}, local_id=rows[0].local_id)
    state.local_change("deal", "update", {"stage_external_id": "no-such-stage"}, local_id=rows[1].local_id)
    state.local_change("deal", "update", {"amount_cents": 700}, local_id=rows[2].local_id)
    report = _sync(state, emulator, pull=False)
    assert report.sent == 2 and report.dead == 1
    (dead,) = state.summary()["dead_letters"]
    assert "INVALID_OPTION" in dead["reason"] and "no-such-stage" in dead["reason"]
    amounts = {d["props"]["dealname"]: d["props"].get("amount") for d in emulator.hubspot.live("deals")}
    assert amounts == {"D0": "5", "D1": None, "D2": "7"}


def test_spectrum_stages_map_on_the_command_line(tmp_path, capsys):
    from desktop.bootstrap import open_workspace
    from desktop.cli import main
    from desktop.config import Settings

    data = tmp_path / "data"
    ws = open_workspace(Settings(data_dir=data))
    try:
        with ws.uow() as uow:
            pipe = s.Pipeline(name="Sales Pipeline")
            uow.session.add(pipe)
            uow.session.flush()
            won = s.Stage(pipeline_id=pipe.id, label="Contract Sent", position=0)
            mine = s.Stage(pipeline_id=pipe.id, label="Legal Review", position=1)
            uow.session.add_all([won, mine])
            uow.session.flush()
            uow.session.add(s.ExternalId(source="hubspot", entity_type="stage", record_id="contractsent",
                                         local_id=won.id))
            uow.commit()
    finally:
        ws.dispose()
    assert main(["--data-dir", str(data), "stages", "Legal Review", "--map", "No Such Stage"]) == 2
    assert "no HubSpot stage 'No Such Stage'" in capsys.readouterr().err
    assert main(["--data-dir", str(data), "stages", "Legal Review", "--map", "Contract Sent"]) == 0
    assert "Legal Review -> hubspot stage contractsent" in capsys.readouterr().err
