"""Association removals on pull: a link removed in the CRM is removed locally (HubSpot v4
association DELETE / batch archive, Pipedrive ``person_id`` cleared or changed), by full and
incremental pulls, among synced records only; a link made locally and still waiting in the outbox
survives, and so do links to local-only records."""

from __future__ import annotations

import httpx
from sqlalchemy import select
from sync_helpers import TOKEN, client, hubspot, link_contact_with_pending_deal_update, make_emulator, pipedrive, run

from desktop.store import schema as s
from desktop.store.sync_state import StoreState
from desktop.sync.engine import SyncEngine
from desktop.sync.worker import SyncWorker

OLD = 1_700_000_000_000
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def _pull(state, make_adapter):
    async def go():
        async with client() as c:
            return await SyncEngine(make_adapter(c), state).pull()
    return run(go())


def _push(state, make_adapter):
    async def go():
        async with client() as c:
            return await SyncWorker(make_adapter(c), state, backoff_base_s=0.0).drain()
    return run(go())


def _id(ses, model, **where):
    return ses.execute(select(model.id).filter_by(**where)).scalar_one()


def _deal_contacts(ws, deal_name):
    with ws.uow() as uow:
        ses = uow.session
        return {c.first_name for c in ses.execute(
            select(s.Contact).join(s.DealContact, s.DealContact.contact_id == s.Contact.id)
            .join(s.Deal, s.Deal.id == s.DealContact.deal_id).where(s.Deal.name == deal_name)
        ).scalars()}


def _links(ws, model, **where):
    with ws.uow() as uow:
        obj = uow.session.execute(select(model).filter_by(**where)).scalar_one()
        return obj.contact_id, obj.deal_id


def test_hubspot_removed_associations_are_removed_locally(ws):
    with make_emulator() as emu:
        hs = emu.hubspot
        co = hs.create("companies", {"name": "Acme"}, updated_ms=OLD)
        people = {n: hs.create("contacts", {"email": f"{n.lower()}@acme.test", "firstname": n},
                               updated_ms=OLD) for n in ("Ada", "Bo", "Cy")}
        deal = hs.create("deals", {"dealname": "Pilot", "dealstage": "qualifiedtobuy",
                                   "pipeline": "default"}, updated_ms=OLD)
        note = hs.create("notes", {"hs_note_body": "Budget approved"}, updated_ms=OLD)
        task = hs.create("tasks", {"hs_task_subject": "Send deck"}, updated_ms=OLD)
        for n in ("Ada", "Bo", "Cy"):
            hs.associate("deals", deal["id"], "contacts", people[n]["id"])
        hs.associate("deals", deal["id"], "companies", co["id"])
        hs.associate("notes", note["id"], "contacts", people["Ada"]["id"])
        hs.associate("notes", note["id"], "deals", deal["id"])
        hs.associate("tasks", task["id"], "contacts", people["Bo"]["id"])
        state = StoreState(ws, "hubspot")
        _pull(state, lambda c: hubspot(c, emu))
        assert _deal_contacts(ws, "Pilot") == {"Ada", "Bo", "Cy"}
        # a contact that exists only here, linked to the deal locally: never touched by a pull
        with ws.uow() as uow:
            ses = uow.session
            local_only = s.Contact(first_name="Dee", last_name="")
            ses.add(local_only)
            ses.flush()
            ses.add(s.DealContact(deal_id=_id(ses, s.Deal, name="Pilot"), contact_id=local_only.id))
            uow.commit()
        # remote removals: the single v4 DELETE, the v4 batch archive, and an edit in the CRM
        with httpx.Client(base_url=emu.url, headers=AUTH, timeout=5.0) as http:
            r = http.delete(f"/crm/v4/objects/deals/{deal['id']}/associations/contacts/"
                            f"{people['Bo']['id']}")
            assert r.status_code == 204
            r = http.post("/crm/v4/associations/notes/contacts/batch/archive", json={"inputs": [
                {"from": {"id": str(note["id"])}, "to": [{"id": str(people["Ada"]["id"])}]}]})
            assert r.status_code == 204
        assert hs.dissociate("tasks", task["id"], "contacts", people["Bo"]["id"])
        assert hs.dissociate("deals", deal["id"], "companies", co["id"])
        assert hs.linked("deals", deal["id"], "contacts") == sorted(
            [str(people["Ada"]["id"]), str(people["Cy"]["id"])], key=int)
        _pull(state, lambda c: hubspot(c, emu))  # incremental: search + v4 batch read
        assert _deal_contacts(ws, "Pilot") == {"Ada", "Cy", "Dee"}
        with ws.uow() as uow:
            ses = uow.session
            deal_id = _id(ses, s.Deal, name="Pilot")
            assert ses.get(s.Deal, deal_id).company_id is None
            assert ses.execute(select(s.Contact).filter_by(first_name="Bo")).scalar_one()
        assert _links(ws, s.Activity, body="Budget approved") == (None, deal_id)
        assert _links(ws, s.Task, title="Send deck") == (None, None)
        # a full pull (fresh cursors) agrees
        with ws.uow() as uow:
            for cur in uow.session.execute(select(s.SyncCursor)).scalars():
                uow.session.delete(cur)
            uow.commit()
        hs.dissociate("deals", deal["id"], "contacts", people["Cy"]["id"])
        _pull(state, lambda c: hubspot(c, emu))
        assert _deal_contacts(ws, "Pilot") == {"Ada", "Dee"}


def test_hubspot_local_link_waiting_in_outbox_survives_pull(ws):
    with make_emulator() as emu:
        hs = emu.hubspot
        ada = hs.create("contacts", {"email": "ada@acme.test", "firstname": "Ada"}, updated_ms=OLD)
        bo = hs.create("contacts", {"email": "bo@acme.test", "firstname": "Bo"}, updated_ms=OLD)
        carl = hs.create("contacts", {"email": "carl@acme.test", "firstname": "Carl"},
                         updated_ms=OLD)
        deal = hs.create("deals", {"dealname": "Pilot", "dealstage": "qualifiedtobuy",
                                   "pipeline": "default"}, updated_ms=OLD)
        hs.associate("deals", deal["id"], "contacts", ada["id"])
        hs.associate("deals", deal["id"], "contacts", bo["id"])
        state = StoreState(ws, "hubspot")
        _pull(state, lambda c: hubspot(c, emu))
        assert _deal_contacts(ws, "Pilot") == {"Ada", "Bo"}
        with ws.uow() as uow:
            deal_id = _id(uow.session, s.Deal, name="Pilot")
            carl_id = _id(uow.session, s.Contact, first_name="Carl")
        # locally: Carl linked to the deal, with the deal's change waiting in the outbox
        link_contact_with_pending_deal_update(ws, deal_id, carl_id)
        # remotely: Bo unlinked (the deal's modified time moves, so the pull reads it again)
        hs.dissociate("deals", deal["id"], "contacts", bo["id"])
        _pull(state, lambda c: hubspot(c, emu))
        assert _deal_contacts(ws, "Pilot") == {"Ada", "Carl"}  # Carl kept, Bo's removal mirrored
        pushed = _push(state, lambda c: hubspot(c, emu))
        assert pushed.dead == 0
        assert hs.linked("deals", deal["id"], "contacts") == sorted(
            [str(ada["id"]), str(carl["id"])], key=int)  # Bo is not pushed back
        _pull(state, lambda c: hubspot(c, emu))
        assert _deal_contacts(ws, "Pilot") == {"Ada", "Carl"}


def test_pipedrive_cleared_and_changed_person_and_org_are_mirrored(ws):
    with make_emulator() as emu:
        pd = emu.pipedrive
        org = pd.create("organizations", {"name": "Acme"}, updated_s=1_700_000_000)
        ada = pd.create("persons", {"first_name": "Ada", "last_name": "L", "org_id": org["id"]},
                        updated_s=1_700_000_001)
        bo = pd.create("persons", {"first_name": "Bo", "last_name": "M"}, updated_s=1_700_000_002)
        d1 = pd.create("deals", {"title": "Pilot", "stage_id": 1, "pipeline_id": 1,
                                 "person_id": ada["id"]}, updated_s=1_700_000_003)
        d2 = pd.create("deals", {"title": "Rollout", "stage_id": 1, "pipeline_id": 1,
                                 "person_id": ada["id"]}, updated_s=1_700_000_004)
        act = pd.create("activities", {"subject": "Call Ada", "type": "call",
                                       "person_id": ada["id"], "deal_id": d1["id"]},
                        updated_s=1_700_000_005)
        state = StoreState(ws, "pipedrive")
        _pull(state, lambda c: pipedrive(c, emu))
        assert _deal_contacts(ws, "Pilot") == _deal_contacts(ws, "Rollout") == {"Ada"}
        with ws.uow() as uow:
            assert uow.session.execute(select(s.Contact.company_id).filter_by(
                first_name="Ada")).scalar_one() == _id(uow.session, s.Company, name="Acme")
        with httpx.Client(base_url=emu.url, headers=AUTH, timeout=5.0) as http:
            r = http.patch(f"/api/v2/deals/{d1['id']}", json={"person_id": None})
            assert r.status_code == 200 and r.json()["data"]["person_id"] is None
        pd.update("deals", d2["id"], {"person_id": bo["id"]})
        pd.update("activities", act["id"], {"person_id": None})
        pd.update("persons", ada["id"], {"org_id": None})
        _pull(state, lambda c: pipedrive(c, emu))
        assert _deal_contacts(ws, "Pilot") == set()
        assert _deal_contacts(ws, "Rollout") == {"Bo"}
        with ws.uow() as uow:
            pilot = _id(uow.session, s.Deal, name="Pilot")
            assert uow.session.execute(select(s.Contact.company_id).filter_by(
                first_name="Ada")).scalar_one() is None
            assert _id(uow.session, s.Company, name="Acme")  # unlinked, not deleted
        assert _links(ws, s.Activity, subject="Call Ada") == (None, pilot)


def test_hubspot_paged_association_list_is_not_taken_as_complete():
    """A deal whose contacts HubSpot pages (``paging.next`` in the list page's associations
    block, or in a v4 batch-read result) carries no contact list: the pull cannot tell which
    links are gone, so it removes none; complete lists (empty included) are carried."""
    from desktop.sync.hubspot import HubSpotAdapter

    deal = {"id": "7", "properties": {"dealname": "Pilot", "hs_lastmodifieddate":
                                      "2024-01-01T00:00:00Z"}, "archived": False}
    many = {"results": [{"id": "12", "type": "deal_to_contact"}],
            "paging": {"next": {"after": "12", "link": "..."}}}

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/crm/v3/objects/deals":
            return httpx.Response(200, json={"results": [
                dict(deal, associations={"contacts": many}),
                dict(deal, id="8", associations={})]})
        if request.url.path == "/crm/v3/objects/deals/search":
            return httpx.Response(200, json={"results": [deal, dict(deal, id="8")]})
        if request.url.path.endswith("/batch/read"):
            paged = request.url.path == "/crm/v4/associations/deals/contacts/batch/read"
            return httpx.Response(200, json={"status": "COMPLETE", "results": [
                {"from": {"id": "7"}, "to": [{"toObjectId": 12}],
                 **({"paging": {"next": {"after": "x"}}} if paged else {})}]})
        return httpx.Response(404, json={})

    async def go(since):
        async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as c:
            adapter = HubSpotAdapter(c, lambda: TOKEN, base_url="http://crm.test")
            return (await adapter.list_changed("deal", since, None)).records
    for since in (None, 1):  # full (list) and incremental (search + v4 batch read)
        first, second = run(go(since))
        assert "contact_external_ids" not in first["fields"]
        assert second["fields"]["contact_external_ids"] == []
