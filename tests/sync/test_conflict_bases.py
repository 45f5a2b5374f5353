"""Field-level conflict check in the workspace state: only a remote change to *the same field*
since the last pull conflicts with a pending local change (sync_bases, migration 0002)."""

from __future__ import annotations

import json
import uuid
from datetime import datetime

from sqlalchemy import select
from sync_helpers import client, hubspot, run

from desktop.store import schema as s
from desktop.store.sync_state import StoreState
from desktop.sync.engine import SyncEngine
from desktop.sync.worker import SyncWorker


def _outbox(ws, entity, local_id, payload):
    with ws.uow() as uow:
        uow.session.add(s.OutboxItem(created_at=datetime.utcnow(), entity_type=entity,
                                     local_id=local_id, op="update", payload=json.dumps(payload),
                                     idempotency_key=uuid.uuid4().hex, status="pending"))
        uow.commit()


def _pull(emu, state):
    async def go():
        async with client() as c:
            return await SyncEngine(hubspot(c, emu), state).pull()
    return run(go())


def _push(emu, state):
    async def go():
        async with client() as c:
            return await SyncWorker(hubspot(c, emu), state, backoff_base_s=0.0).drain()
    return run(go())


def test_remote_change_to_another_field_is_not_a_conflict(ws, emulator):
    co = emulator.hubspot.create("companies", {"name": "Acme", "city": "Paris"},
                                 updated_ms=1_700_000_000_000)
    state = StoreState(ws, "hubspot")
    _pull(emulator, state)
    with ws.uow() as uow:
        company = uow.session.execute(select(s.Company)).scalar_one()
        company.city = "Berlin"
        uow.commit()
        company_id = company.id
    _outbox(ws, "company", company_id, {"city": "Berlin"})
    # the remote record moves (its modified time too) but only its name changed
    emulator.hubspot.update("companies", co["id"], {"name": "Acme Inc"})
    report = _pull(emulator, state)
    assert report.conflicts == [] and state.conflicts() == []
    with ws.uow() as uow:
        company = uow.session.get(s.Company, company_id)
        assert (company.name, company.city) == ("Acme Inc", "Berlin")
    assert _push(emulator, state).sent == 1
    assert co["props"]["city"] == "Berlin" and co["props"]["name"] == "Acme Inc"
    # the echo of our push is not a remote change either, even with a new pending local value
    with ws.uow() as uow:
        uow.session.get(s.Company, company_id).city = "Munich"
        uow.commit()
    _outbox(ws, "company", company_id, {"city": "Munich"})
    emulator.hubspot.update("companies", co["id"], {"domain": "acme.test"})
    assert _pull(emulator, state).conflicts == []
    # a remote change to the same field since the last pull still conflicts, with both values
    emulator.hubspot.update("companies", co["id"], {"city": "Lyon"})
    (conflict,) = _pull(emulator, state).conflicts
    assert (conflict.field, conflict.local_value, conflict.remote_value) == ("city", "Munich", "Lyon")
    assert _push(emulator, state).sent == 0 and co["props"]["city"] == "Lyon"
