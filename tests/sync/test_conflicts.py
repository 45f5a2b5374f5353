"""Field-level conflicts: remote wins untouched fields; both-sided changes surface, never overwritten."""

from __future__ import annotations

from sync_helpers import client, hubspot, run

from desktop.domain.sync_records import FieldConflict, merge_fields
from desktop.sync.engine import SyncEngine
from desktop.sync.state import MemoryState
from desktop.sync.worker import SyncWorker


def test_merge_rules():
    base = {"name": "Acme", "city": "Paris", "industry": "SaaS"}
    remote = {"name": "Acme Inc", "city": "Lyon", "industry": "Fintech"}
    pending = {"city": "Berlin", "industry": "Fintech"}
    apply, conflicts = merge_fields(remote, base, pending)
    assert apply == {"name": "Acme Inc"}  # remote change, no local change: remote wins
    assert conflicts == [FieldConflict("city", "Berlin", "Lyon")]  # both changed, differently
    # remote unchanged since last pull: local pending value stands, no conflict
    assert merge_fields({"city": "Paris"}, base, {"city": "Berlin"}) == ({}, [])


def sync(emu, state, *, push=True):
    async def go():
        async with client() as c:
            adapter = hubspot(c, emu)
            await SyncEngine(adapter, state).pull(["company"], pipelines=False)
            if push:
                await SyncWorker(adapter, state, backoff_base_s=0.0).drain()
    run(go())


def test_conflict_surfaces_with_both_values_and_blocks_the_push(emulator):
    obj = emulator.hubspot.create("companies", {"name": "Acme", "city": "Paris", "industry": "SaaS"},
                                  updated_ms=1_700_000_000_000)
    state = MemoryState()
    sync(emulator, state)
    (k,) = [k for k in state.records]
    # local edit of city (pending), remote edits of city and industry
    state.local_change("company", "update", {"city": "Berlin"}, local_id=k[1])
    emulator.hubspot.update("companies", obj["id"], {"city": "Lyon", "industry": "Fintech"})
    sync(emulator, state)
    (conflict,) = state.conflicts()
    assert (conflict.field, conflict.local_value, conflict.remote_value) == ("city", "Berlin", "Lyon")
    assert conflict.entity_type == "company" and conflict.local_id == k[1]
    assert state.records[k]["industry"] == "Fintech"  # remote wins where no local change
    assert state.records[k]["city"] == "Berlin"  # local value kept, not overwritten
    assert obj["props"]["city"] == "Lyon"  # and the remote one was not overwritten either
    sync(emulator, state)
    assert len(state.conflicts()) == 1  # pulling again does not duplicate the conflict
    # the user keeps the local value: now it is pushed
    state.resolve_conflict(conflict.id, "local")
    sync(emulator, state)
    assert obj["props"]["city"] == "Berlin"
    assert state.summary()["outbox"] == {"sent": 1}


def test_taking_the_remote_value_drops_the_local_change(emulator):
    obj = emulator.hubspot.create("companies", {"name": "Acme", "city": "Paris"},
                                  updated_ms=1_700_000_000_000)
    state = MemoryState()
    sync(emulator, state)
    (k,) = list(state.records)
    state.local_change("company", "update", {"city": "Berlin"}, local_id=k[1])
    emulator.hubspot.update("companies", obj["id"], {"city": "Lyon"})
    sync(emulator, state)
    (conflict,) = state.conflicts()
    state.resolve_conflict(conflict.id, "remote")
    sync(emulator, state)
    assert state.records[k]["city"] == "Lyon" and obj["props"]["city"] == "Lyon"
    assert state.conflicts() == [] and state.conflicts("took_remote")[0].field == "city"
