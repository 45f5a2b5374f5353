"""Push: batching, idempotent upserts, order per record, dead letters, offline."""

from __future__ import annotations

import socket

from sync_helpers import FAST_RETRY, TOKEN, client, hubspot, run

from desktop.sync.hubspot import HubSpotAdapter
from desktop.sync.mapping_hubspot import KEY_PROPERTY
from desktop.sync.ratelimit import Pacer
from desktop.sync.state import MemoryState
from desktop.sync.worker import SyncWorker


def drain(emu, state, **kw):
    async def go():
        async with client() as c:
            return await SyncWorker(hubspot(c, emu), state, backoff_base_s=0.0, **kw).drain()
    return run(go())


def test_creates_are_batched_100_per_request_and_idempotent(emulator):
    state = MemoryState()
    for i in range(250):
        state.local_change("contact", "create", {"email": f"p{i}@x.test", "first_name": f"P{i}"})
    report = drain(emulator, state)
    upserts = [p for (m, p, s) in emulator.log if p.endswith("/batch/upsert")]
    assert report.sent == 250 and len(upserts) == 3
    assert len(emulator.hubspot.live("contacts")) == 250
    # the same operations applied again (e.g. a crash before mark_sent): no second effect
    for r in state.outbox:
        r.status = "pending"
    drain(emulator, state)
    assert len(emulator.hubspot.live("contacts")) == 250
    assert state.summary()["outbox"] == {"sent": 250}


def test_create_then_updates_merge_and_keep_order(emulator):
    state = MemoryState()
    row = state.local_change("deal", "create", {"name": "Q4 renewal", "amount_cents": 100000,
                                                 "stage_external_id": "appointmentscheduled",
                                                 "pipeline_external_id": "default"})
    state.local_change("deal", "update", {"stage_external_id": "contractsent"}, local_id=row.local_id)
    state.local_change("deal", "update", {"amount_cents": 250000}, local_id=row.local_id)
    report = drain(emulator, state)
    assert report.sent == 3 and report.calls == 1
    (deal,) = emulator.hubspot.live("deals")
    assert deal["props"]["dealstage"] == "contractsent" and deal["props"]["amount"] == "2500"
    # a later update goes by id (batch/update), a delete archives
    state.local_change("deal", "update", {"name": "Q4 renewal (signed)"}, local_id=row.local_id)
    drain(emulator, state)
    assert deal["props"]["dealname"] == "Q4 renewal (signed)"
    state.local_change("deal", "delete", local_id=row.local_id)
    drain(emulator, state)
    assert emulator.hubspot.live("deals") == []


def test_permanent_error_dead_letters_only_the_bad_row(emulator):
    state = MemoryState()
    for i in range(5):
        state.local_change("contact", "create", {"email": f"ok{i}@x.test"})
    bad = state.local_change("contact", "update", {"first_name": "Ghost"}, local_id=999)
    state.links[("contact", 999)] = "424242"  # linked to a record that no longer exists remotely
    report = drain(emulator, state)
    assert report.sent == 5 and report.dead == 1
    dead = state.summary()["dead_letters"]
    assert dead[0]["id"] == bad.id and "404" in dead[0]["reason"]


def test_association_waits_for_both_records(emulator):
    state = MemoryState()
    note = state.local_change("activity", "create", {"kind": "call", "subject": "Intro call"})
    contact = state.local_change("contact", "create", {"email": "x@y.test"})
    state.local_change("activity", "associate", local_id=note.local_id,
                       payload={"to_type": "contact", "to_local_id": contact.local_id})
    drain(emulator, state)
    assert len(emulator.hubspot.associations) == 1


def test_offline_outbox_waits_then_drains_when_network_returns(emulator):
    state = MemoryState()
    for i in range(3):
        state.local_change("company", "create", {"name": f"Co {i}"})
    with socket.socket() as s:  # a port with nothing listening: connection refused
        s.bind(("127.0.0.1", 0))
        dead_url = f"http://127.0.0.1:{s.getsockname()[1]}"

    async def offline():
        async with client() as c:
            adapter = HubSpotAdapter(c, lambda: TOKEN, base_url=dead_url, retry=FAST_RETRY,
                                     pacer=Pacer(rate=10_000, burst=100))
            return await SyncWorker(adapter, state, backoff_base_s=0.0).drain()

    report = run(offline())
    assert report.offline and report.sent == 0
    assert all(r.status == "retrying" and r.attempts == 0 for r in state.outbox)  # no attempt spent
    report = drain(emulator, state)  # network back
    assert report.sent == 3 and len(emulator.hubspot.live("companies")) == 3


def test_created_records_carry_the_idempotency_key(emulator):
    state = MemoryState()
    row = state.local_change("task", "create", {"subject": "Send proposal", "status": "open"})
    drain(emulator, state)
    (task,) = emulator.hubspot.live("tasks")
    assert task["props"][KEY_PROPERTY] == row.idempotency_key
    assert task["props"]["hs_task_status"] == "NOT_STARTED"


def test_worker_loop_waits_offline_and_drains_when_the_crm_comes_back():
    import asyncio

    from sync_helpers import make_emulator

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    state = MemoryState()
    for i in range(3):
        state.local_change("contact", "create", {"email": f"w{i}@x.test"})
    reports = []

    async def go():
        stop, offline_seen, drained = asyncio.Event(), asyncio.Event(), asyncio.Event()

        def on_drain(report):
            reports.append(report)
            if report.offline:
                offline_seen.set()
            if not state.outbox_unsent():
                drained.set()
                stop.set()

        async with client() as c:
            adapter = HubSpotAdapter(c, lambda: TOKEN, base_url=f"http://127.0.0.1:{port}",
                                     retry=FAST_RETRY, pacer=Pacer(rate=10_000, burst=100))
            worker = SyncWorker(adapter, state, backoff_base_s=0.0)
            task = asyncio.create_task(worker.run(stop, idle_s=0.02, on_drain=on_drain))
            await asyncio.wait_for(offline_seen.wait(), 10)
            with make_emulator(port=port) as emu:  # the network comes back
                await asyncio.wait_for(drained.wait(), 10)
                live = len(emu.hubspot.live("contacts"))
            await task
            return live

    assert run(go()) == 3
    assert reports[0].offline and reports[-1].sent == 3


def test_a_stage_with_no_crm_id_is_held_never_sent_as_null(emulator):
    """Issue 19 #4: a stage move whose local stage has no HubSpot id used to go out as
    ``dealstage: null``; it is held in the outbox with the reason, and nothing reaches the CRM."""
    from desktop.sync.worker import HELD_STAGE

    state = MemoryState()
    row = state.local_change("deal", "create", {"name": "Q4", "stage_external_id": "appointmentscheduled",
                                                 "pipeline_external_id": "default"})
    drain(emulator, state)
    (deal,) = emulator.hubspot.live("deals")
    state.local_change("deal", "update", {"stage_external_id": None}, local_id=row.local_id)
    report = drain(emulator, state)
    assert report.sent == 0 and deal["props"]["dealstage"] == "appointmentscheduled"
    (held,) = state.outbox_unsent()
    assert held.status == "retrying" and held.last_error == HELD_STAGE and held.attempts == 0
    assert not any("batch/update" in p for (_m, p, _s) in emulator.log)
    assert [h["reason"] for h in state.summary()["held"]] == [HELD_STAGE]  # shown by `sync status`


def test_an_update_the_crm_did_not_confirm_stays_in_the_outbox(emulator, monkeypatch):
    """Issue 19 #4: a batch/update answered without one of its objects (HubSpot's 207) used to mark
    every row sent; the unconfirmed row is retried until the CRM has the change."""
    state = MemoryState()
    rows = [state.local_change("deal", "create", {"name": f"D{i}", "stage_external_id": "appointmentscheduled",
                                                   "pipeline_external_id": "default"}) for i in range(2)]
    drain(emulator, state)
    hs = emulator.hubspot
    original = hs._batch_update

    def drops_the_second(hs_type, body, inputs):
        status, reply = original(hs_type, body, inputs)
        if len(reply["results"]) > 1:
            reply["results"] = reply["results"][:1]
            status = 207
        return status, reply

    monkeypatch.setattr(hs, "_batch_update", drops_the_second)
    for r in rows:
        state.local_change("deal", "update", {"stage_external_id": "contractsent"}, local_id=r.local_id)
    report = drain(emulator, state)
    assert report.sent == 1 and report.retried == 1
    (left,) = state.outbox_unsent()
    assert "did not confirm" in left.last_error
    monkeypatch.setattr(hs, "_batch_update", original)
    for r in state.outbox:
        r.next_attempt_at = None
    drain(emulator, state)
    assert not state.outbox_unsent()
    assert [d["props"]["dealstage"] for d in hs.live("deals")] == ["contractsent", "contractsent"]
