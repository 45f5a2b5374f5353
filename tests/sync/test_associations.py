"""Associations beyond company links: deal <-> contact and engagement/task <-> contact/deal, on
pull (full and incremental) and push, for HubSpot (v4 associations) and Pipedrive (foreign keys)."""

from __future__ import annotations

from sqlalchemy import select
from sync_helpers import client, hubspot, link_contact_with_pending_deal_update, make_emulator, pipedrive, run

from desktop.domain.plan import Action, Plan, Target
from desktop.store import schema as s
from desktop.store.executor import apply_plan
from desktop.store.sync_state import StoreState
from desktop.sync.engine import SyncEngine
from desktop.sync.worker import SyncWorker

OLD = 1_700_000_000_000


def _sync(state, make_adapter):
    async def go():
        async with client() as c:
            adapter = make_adapter(c)
            pulled = await SyncEngine(adapter, state).pull()
            pushed = await SyncWorker(adapter, state, backoff_base_s=0.0).drain()
            return pulled, pushed
    return run(go())


def _local(ses, model, **where):
    return ses.execute(select(model).filter_by(**where)).scalar_one()


def test_hubspot_deal_and_engagement_links_pull_and_push(ws):
    with make_emulator() as emu:
        hs = emu.hubspot
        co = hs.create("companies", {"name": "Acme"}, updated_ms=OLD)
        ada = hs.create("contacts", {"email": "ada@acme.test", "firstname": "Ada"}, updated_ms=OLD)
        bo = hs.create("contacts", {"email": "bo@acme.test", "firstname": "Bo"}, updated_ms=OLD)
        deal = hs.create("deals", {"dealname": "Pilot", "dealstage": "qualifiedtobuy",
                                   "pipeline": "default"}, updated_ms=OLD)
        note = hs.create("notes", {"hs_note_body": "Budget approved"}, updated_ms=OLD)
        task = hs.create("tasks", {"hs_task_subject": "Send deck"}, updated_ms=OLD)
        for a, b in [(("deals", deal), ("contacts", ada)), (("deals", deal), ("contacts", bo)),
                     (("deals", deal), ("companies", co)), (("notes", note), ("contacts", ada)),
                     (("notes", note), ("deals", deal)), (("tasks", task), ("contacts", bo))]:
            hs.associate(a[0], a[1]["id"], b[0], b[1]["id"])
        state = StoreState(ws, "hubspot")
        _sync(state, lambda c: hubspot(c, emu))  # full pull: links come with list pages
        with ws.uow() as uow:
            ses = uow.session
            d = _local(ses, s.Deal, name="Pilot")
            ada_id = _local(ses, s.Contact, first_name="Ada").id
            bo_id = _local(ses, s.Contact, first_name="Bo").id
            links = set(ses.execute(select(s.DealContact.contact_id).where(
                s.DealContact.deal_id == d.id)).scalars())
            assert links == {ada_id, bo_id}
            assert d.company_id == _local(ses, s.Company, name="Acme").id
            act = _local(ses, s.Activity, body="Budget approved")
            assert (act.contact_id, act.deal_id) == (ada_id, d.id)
            assert _local(ses, s.Task, title="Send deck").contact_id == bo_id
            deal_id = d.id
        # incremental pull: a new call linked remotely arrives linked (v4 batch read)
        call = hs.create("calls", {"hs_call_title": "Kickoff", "hs_call_body": "went well"})
        hs.associate("calls", call["id"], "contacts", bo["id"])
        hs.associate("calls", call["id"], "deals", deal["id"])
        _sync(state, lambda c: hubspot(c, emu))
        with ws.uow() as uow:
            act = _local(uow.session, s.Activity, subject="Kickoff")
            assert (act.contact_id, act.deal_id) == (bo_id, deal_id)
        # push: an activity and a task logged on the deal are linked to the deal and its contact
        apply_plan(ws, Plan(transcript="log a call on Pilot and add a task", actions=[
            Action(kind="log_activity", target=Target(type="deal", id=str(deal_id), name="Pilot"),
                   fields={"activity_type": "meeting", "body": "Demo done"}),
            Action(kind="create_task", target=Target(type="deal", id=str(deal_id), name="Pilot"),
                   fields={"title": "Send the proposal"})], requires_confirmation=True))
        # and a deal <-> contact link made locally goes out with the deal's next push
        carl = hs.create("contacts", {"email": "carl@acme.test", "firstname": "Carl"})
        _sync(state, lambda c: hubspot(c, emu))
        with ws.uow() as uow:
            carl_id = _local(uow.session, s.Contact, first_name="Carl").id
        link_contact_with_pending_deal_update(ws, deal_id, carl_id)
        _, pushed = _sync(state, lambda c: hubspot(c, emu))
        assert pushed.dead == 0
        (meeting,) = hs.live("meetings")
        (new_task,) = [t for t in hs.live("tasks") if t["props"].get("hs_task_subject") ==
                       "Send the proposal"]
        contact_of_deal = hs.linked("meetings", meeting["id"], "contacts")
        assert hs.linked("meetings", meeting["id"], "deals") == [str(deal["id"])]
        assert contact_of_deal and contact_of_deal[0] in (str(ada["id"]), str(bo["id"]))
        assert hs.linked("tasks", new_task["id"], "deals") == [str(deal["id"])]
        assert str(carl["id"]) in hs.linked("deals", deal["id"], "contacts")


def test_pipedrive_deal_person_and_activity_links_pull_and_push(ws):
    with make_emulator() as emu:
        pd = emu.pipedrive
        org = pd.create("organizations", {"name": "Acme"}, updated_s=1_700_000_000)
        ada = pd.create("persons", {"first_name": "Ada", "last_name": "L", "org_id": org["id"]},
                        updated_s=1_700_000_001)
        deal = pd.create("deals", {"title": "Pilot", "stage_id": 1, "pipeline_id": 1,
                                   "person_id": ada["id"], "org_id": org["id"]},
                         updated_s=1_700_000_002)
        pd.create("activities", {"subject": "Call Ada", "type": "call", "person_id": ada["id"],
                                 "deal_id": deal["id"]}, updated_s=1_700_000_003)
        pd.create("notes", {"content": "Budget ok", "person_id": ada["id"], "deal_id": deal["id"]},
                  updated_s=1_700_000_004)
        state = StoreState(ws, "pipedrive")
        _sync(state, lambda c: pipedrive(c, emu))
        with ws.uow() as uow:
            ses = uow.session
            d = _local(ses, s.Deal, name="Pilot")
            ada_id = _local(ses, s.Contact, first_name="Ada").id
            assert list(ses.execute(select(s.DealContact.contact_id).where(
                s.DealContact.deal_id == d.id)).scalars()) == [ada_id]
            assert d.company_id == _local(ses, s.Company, name="Acme").id
            for act in (_local(ses, s.Activity, subject="Call Ada"),
                        _local(ses, s.Activity, body="Budget ok")):
                assert (act.contact_id, act.deal_id) == (ada_id, d.id)
            deal_id = d.id
        apply_plan(ws, Plan(transcript="log a call on Pilot", actions=[
            Action(kind="log_activity", target=Target(type="deal", id=str(deal_id), name="Pilot"),
                   fields={"activity_type": "call", "body": "Follow-up"})],
            requires_confirmation=True))
        _, pushed = _sync(state, lambda c: pipedrive(c, emu))
        assert pushed.sent >= 1 and pushed.dead == 0
        (new,) = [a for a in pd.live("activities") if a.get("note") == "Follow-up"]
        assert (new["person_id"], new["deal_id"]) == (ada["id"], deal["id"])
