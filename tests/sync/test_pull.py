"""Pull: full sync, incremental sync, the search cap window, remote archives, pipelines."""

from __future__ import annotations

from sync_helpers import client, hubspot, make_emulator, run

from desktop.sync.engine import SyncEngine
from desktop.sync.state import MemoryState

OLD = 1_700_000_000_000  # Nov 2023, ms


def seed_contacts(emu, n, start=OLD):
    return [emu.hubspot.create("contacts", {"email": f"c{i}@acme.test", "firstname": f"C{i}",
                                            "lastname": "Doe"}, updated_ms=start + i)
            for i in range(n)]


def test_full_then_incremental_pull_mirrors_remote(emulator):
    objs = seed_contacts(emulator, 250)
    emulator.hubspot.create("companies", {"name": "Acme", "domain": "acme.test"}, updated_ms=OLD)
    emulator.hubspot.create("deals", {"dealname": "Big", "amount": "1234.56",
                                      "dealstage": "contractsent", "pipeline": "default"},
                            updated_ms=OLD)
    state = MemoryState()
    progress = []

    async def go():
        async with client() as c:
            engine = SyncEngine(hubspot(c, emulator), state,
                                progress=lambda t, n, mode: progress.append((t, n, mode)))
            full = await engine.pull()
            # remote edits and an archive after the full sync
            emulator.hubspot.update("contacts", objs[3]["id"], {"firstname": "Changed"})
            emulator.hubspot.create("contacts", {"email": "new@acme.test", "firstname": "New"})
            emulator.hubspot.archive("contacts", objs[7]["id"])
            incr = await engine.pull()
            return full, incr, engine

    full, incr, engine = run(go())
    assert full.applied["contact"] == 250 and full.applied["company"] == 1
    assert ("contact", 250, "full") in progress
    assert engine.pipelines[0].stages[3].label == "Closed Won"
    # incremental: only what changed (the edit, the new contact), plus the archive
    assert incr.applied["contact"] == 2
    assert incr.archived["contact"] == 1
    by_email = {f["email"]: k for k, f in state.records.items() if k[0] == "contact"}
    assert state.records[by_email["c3@acme.test"]]["first_name"] == "Changed"
    assert "new@acme.test" in by_email
    assert by_email["c7@acme.test"] in state.archived
    deal = next(f for k, f in state.records.items() if k[0] == "deal")
    assert deal["amount_cents"] == 123456 and deal["stage_external_id"] == "contractsent"


def test_incremental_pull_windows_past_the_search_cap():
    # 2,500 changed records, a search cap of 1,000: the adapter narrows the window by the last
    # seen modified time and still returns every record
    with make_emulator(search_cap=1000) as emu:
        seed_contacts(emu, 2500)
        state = MemoryState()
        state.set_cursor("contact", {"mode": "incremental", "since": OLD - 1, "page": None,
                                     "started_at": 0, "high_water": 0, "archived_page": None,
                                     "stage": "done"})

        async def go():
            async with client() as c:
                adapter = hubspot(c, emu, search_cap=1000)
                return await SyncEngine(adapter, state).pull(["contact"], pipelines=False)

        report = run(go())
        searches = [p for (m, p, s) in emu.log if p.endswith("/search")]
        assert all(s == 200 for (m, p, s) in emu.log)  # never ran into the cap's HTTP 400
    emails = {f["email"] for k, f in state.records.items()}
    assert len(emails) == 2500 and report.applied["contact"] >= 2500
    assert len(searches) >= 13  # 2,500 / 200 per page, in three windows
    assert state.get_cursor("contact")["since"] == OLD + 2499


def test_pull_resumes_from_saved_cursor_after_interruption(emulator):
    seed_contacts(emulator, 300)
    state = MemoryState()

    class Boom(Exception):
        pass

    calls = {"n": 0}

    def progress(t, n, mode):
        calls["n"] += 1
        if calls["n"] == 2:
            raise Boom

    async def go(p):
        async with client() as c:
            return await SyncEngine(hubspot(c, emulator), state, progress=p).pull(
                ["contact"], pipelines=False)

    try:
        run(go(progress))
    except Boom:
        pass
    assert state.get_cursor("contact")["page"] is not None  # stopped mid-way, cursor saved
    before = sum(1 for (m, p, s) in emulator.log if p == "/crm/v3/objects/contacts")
    run(go(None))
    after = sum(1 for (m, p, s) in emulator.log if p == "/crm/v3/objects/contacts")
    assert len(state.records) == 300
    assert after - before < 3  # resumed at page 3 of 3 (plus at most the cancelled prefetch)
