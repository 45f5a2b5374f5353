"""The workspace-backed sync state: pull into domain tables, push executor outbox rows, conflicts."""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sync_helpers import TOKEN, client, hubspot, run

from desktop.store import schema as s
from desktop.store.sync_state import StoreState
from desktop.sync.engine import SyncEngine
from desktop.sync.worker import SyncWorker


def outbox(ws, entity, local_id, op, payload):
    """Write an outbox row the way the executor does (column names, local ids)."""
    with ws.uow() as uow:
        uow.session.add(s.OutboxItem(created_at=datetime.utcnow(), entity_type=entity,
                                     local_id=local_id, op=op, payload=json.dumps(payload, default=str),
                                     idempotency_key=uuid.uuid4().hex, status="pending"))
        uow.commit()


def sync(emu, state):
    async def go():
        async with client() as c:
            adapter = hubspot(c, emu)
            pulled = await SyncEngine(adapter, state).pull()
            pushed = await SyncWorker(adapter, state, backoff_base_s=0.0).drain()
            return pulled, pushed
    return run(go())


def test_pull_push_and_conflict_through_the_workspace(ws, emulator, tmp_path):
    co = emulator.hubspot.create("companies", {"name": "Acme", "city": "Paris"},
                                 updated_ms=1_700_000_000_000)
    ct = emulator.hubspot.create("contacts", {"email": "ada@acme.test", "firstname": "Ada",
                                              "lastname": "L"}, updated_ms=1_700_000_000_000)
    emulator.hubspot.create("deals", {"dealname": "Pilot", "amount": "1200", "dealstage": "closedwon",
                                      "pipeline": "default"}, updated_ms=1_700_000_000_000)
    state = StoreState(ws, "hubspot")
    pulled, _ = sync(emulator, state)
    assert pulled.applied["contact"] == 1 and pulled.pipelines == 1
    with ws.uow() as uow:
        ses = uow.session
        (deal,) = ses.execute(select(s.Deal)).scalars()
        assert deal.amount_cents == 120000 and ses.get(s.Stage, deal.stage_id).label == "Closed Won"
        (contact,) = ses.execute(select(s.Contact)).scalars()
        company = ses.execute(select(s.Company)).scalars().one()
        # the executor's part: a new contact row and an update, each with its outbox row
        new = s.Contact(first_name="Bo", last_name="K", email="bo@k.test")
        ses.add(new)
        contact.job_title = "CTO"
        uow.commit()
        contact_id, new_id, company_id = contact.id, new.id, company.id
    outbox(ws, "contact", new_id, "create", {"id": new_id, "first_name": "Bo", "last_name": "K",
                                             "email": "bo@k.test"})
    outbox(ws, "contact", contact_id, "update", {"job_title": "CTO"})
    _, pushed = sync(emulator, state)
    assert pushed.sent == 2
    assert ct["props"]["jobtitle"] == "CTO"
    assert [o["props"]["email"] for o in emulator.hubspot.live("contacts")] == ["ada@acme.test",
                                                                               "bo@k.test"]
    assert state.summary()["outbox"] == {"sent": 2}
    # echo of our own push is not a conflict; a both-sided change is
    outbox(ws, "company", company_id, "update", {"city": "Berlin"})
    emulator.hubspot.update("companies", co["id"], {"city": "Lyon"})
    pulled, pushed = sync(emulator, state)
    (conflict,) = state.conflicts()
    assert (conflict.field, conflict.local_value, conflict.remote_value) == ("city", "Berlin", "Lyon")
    assert pushed.sent == 0 and co["props"]["city"] == "Lyon"
    state.resolve_conflict(conflict.id, "local")
    sync(emulator, state)
    assert co["props"]["city"] == "Berlin"
    # remote archive mirrored: the local contact is removed
    emulator.hubspot.archive("contacts", ct["id"])
    sync(emulator, state)
    with ws.uow() as uow:
        assert uow.session.get(s.Contact, contact_id) is None
    # no secret in the database file
    if ws.is_sqlite:
        db_file = ws.engine.url.database
        assert TOKEN.encode() not in Path(db_file).read_bytes()


def test_plans_applied_by_the_executor_reach_the_crm(ws, emulator):
    from desktop.domain.plan import Action, Plan, Target
    from desktop.store.executor import apply_plan

    deal = emulator.hubspot.create("deals", {"dealname": "Acme renewal", "amount": "5000",
                                             "dealstage": "qualifiedtobuy", "pipeline": "default"},
                                   updated_ms=1_700_000_000_000)
    state = StoreState(ws, "hubspot")
    sync(emulator, state)
    with ws.uow() as uow:
        local_deal = uow.session.execute(select(s.Deal)).scalars().one()
    plan = Plan(transcript="move Acme renewal to closed won at 7k and add Jo Park", actions=[
        Action(kind="update_deal", target=Target(type="deal", id=str(local_deal.id),
                                                 name="Acme renewal"),
               fields={"stage": "Closed Won", "amount": 7000}),
        Action(kind="create_contact", fields={"first_name": "Jo", "last_name": "Park",
                                              "email": "jo@acme.test"})],
        requires_confirmation=True)
    apply_plan(ws, plan)
    _, pushed = sync(emulator, state)
    assert pushed.sent == 2
    assert deal["props"]["dealstage"] == "closedwon" and deal["props"]["amount"] == "7000"
    assert deal["props"]["closedate"]  # the executor set the close date on a won stage
    (jo,) = [o for o in emulator.hubspot.live("contacts") if o["props"].get("email") == "jo@acme.test"]
    assert jo["props"]["firstname"] == "Jo"
    assert state.summary()["outbox"] == {"sent": 2}


def test_company_links_are_pushed_as_associations_and_pulled_back(ws, emulator):
    from desktop.domain.plan import Action, Plan
    from desktop.store.executor import apply_plan

    state = StoreState(ws, "hubspot")
    sync(emulator, state)  # pipelines
    apply_plan(ws, Plan(transcript="add Globex and Kim Lee at Globex", actions=[
        Action(kind="create_company", fields={"name": "Globex", "domain": "globex.test"}),
        Action(kind="create_contact", fields={"first_name": "Kim", "last_name": "Lee",
                                              "company": "Globex"})], requires_confirmation=True))
    _, pushed = sync(emulator, state)
    assert pushed.sent == 2
    (co,) = emulator.hubspot.live("companies")
    (kim,) = emulator.hubspot.live("contacts")
    assert ("contacts", str(kim["id"]), "companies", str(co["id"])) in emulator.hubspot.associations
    # a remote contact linked to that company arrives linked locally
    emulator.hubspot.create("contacts", {"email": "ray@globex.test", "firstname": "Ray",
                                         "associatedcompanyid": str(co["id"])})
    sync(emulator, state)
    with ws.uow() as uow:
        ray = uow.session.execute(select(s.Contact).where(s.Contact.first_name == "Ray")).scalar_one()
        globex = uow.session.execute(select(s.Company).where(s.Company.name == "Globex")).scalar_one()
        assert ray.company_id == globex.id


def test_outbox_rows_belong_to_the_crm_that_pushes_them(ws, emulator):
    """Issue 19 #8: with HubSpot and Pipedrive both set up, a change is listed and pushed once, under
    the CRM that claimed it, never under both."""
    with ws.uow() as uow:
        uow.session.add(s.Company(id=1, name="Acme", updated_at=datetime.utcnow(), created_at=datetime.utcnow()))
        uow.commit()
    outbox(ws, "company", 1, "create", {"name": "Acme"})
    hub, pipe = StoreState(ws, "hubspot"), StoreState(ws, "pipedrive")
    assert hub.summary()["outbox"] == {"waiting for a CRM": 1} == pipe.summary()["outbox"]
    sync(emulator, hub)
    assert hub.summary()["outbox"] == {"sent": 1}
    assert pipe.summary()["outbox"] == {} and pipe.outbox_unsent() == []
    with ws.uow() as uow:
        assert uow.session.execute(select(s.OutboxItem.crm)).scalars().all() == ["hubspot"]
