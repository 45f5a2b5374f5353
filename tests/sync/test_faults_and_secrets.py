"""20% injected faults converge; tokens never reach logs or the state file; errors map at the edge."""

from __future__ import annotations

import json
import logging

import httpx
import pytest
from sync_helpers import FAST_RETRY, TOKEN, client, hubspot, make_emulator, pipedrive, run

from desktop.sync.engine import SyncEngine
from desktop.sync.errors import AuthExpired, Conflict, Permanent, RateLimited, Retryable
from desktop.sync.hubspot import HubSpotAdapter
from desktop.sync.ratelimit import Pacer
from desktop.sync.state import FileState
from desktop.sync.worker import SyncWorker


def converge(emu, state, make_adapter, rounds=40):
    async def go():
        async with client(timeout=0.2) as c:
            adapter = make_adapter(c, emu)
            for _ in range(rounds):
                await SyncEngine(adapter, state).pull(pipelines=False)
                for r in state.outbox:  # don't wait for backoff in the test
                    r.next_attempt_at = None
                await SyncWorker(adapter, state, backoff_base_s=0.0, max_attempts=50).drain()
                if not state.outbox_unsent():
                    return
    run(go())


def small_hubspot(c, emu):
    """HubSpot with small pages and batches: more requests, so more places for faults."""
    adapter = hubspot(c, emu, page_size=20, search_page_size=20)
    adapter.max_batch = 10
    return adapter


@pytest.mark.parametrize("make_adapter,kind", [(small_hubspot, "hubspot"), (pipedrive, "pipedrive")])
def test_everything_converges_with_20_percent_faults(tmp_path, caplog, make_adapter, kind):
    caplog.set_level(logging.DEBUG)
    with make_emulator(0.2, seed=7) as emu:
        if kind == "hubspot":
            for i in range(120):
                emu.hubspot.create("contacts", {"email": f"r{i}@x.test", "firstname": "R"},
                                   updated_ms=1_700_000_000_000 + i)
        else:
            for i in range(120):
                emu.pipedrive.create("persons", {"first_name": "R", "last_name": str(i)},
                                     updated_s=1_700_000_000 + i)
        state = FileState(tmp_path / "sync.json", source=kind)
        n = 60 if kind == "hubspot" else 24  # Pipedrive writes one record per request: keep it short
        for i in range(n):
            state.local_change("contact", "create", {"email": f"l{i}@x.test", "first_name": "L",
                                                     "last_name": str(i)})
        for i in range(0, n, 3):
            state.local_change("contact", "update", {"first_name": f"L{i}b"}, local_id=i + 1)
        converge(emu, state, make_adapter)
        assert emu.stats["faults"] >= 2, emu.stats  # faults really happened (~1 in 5 requests)
        live = emu.hubspot.live("contacts") if kind == "hubspot" else emu.pipedrive.live("persons")
    assert not state.outbox_unsent() and state.summary()["dead_letters"] == []
    assert len(live) == 120 + n  # no duplicate despite drops after the write and truncated answers
    names = {(o.get("props") or o).get("firstname") or o.get("first_name") for o in live}
    assert "L3b" in names and f"L{n - 3}b" in names
    assert len([k for k in state.records if k[0] == "contact"]) == 120 + n
    # the token is in no log record and not in the state file
    assert TOKEN not in caplog.text
    assert TOKEN not in (tmp_path / "sync.json").read_text()


def transport(status, body=None, headers=None, raw=None):
    def handler(request):
        content = raw if raw is not None else json.dumps(body or {}).encode()
        return httpx.Response(status, content=content, headers=headers or {})
    return httpx.MockTransport(handler)


@pytest.mark.parametrize("status,body,raw,error", [
    (429, {"status": "error", "policyName": "DAILY", "message": "daily"}, None, RateLimited),
    (401, {"status": "error", "message": "expired"}, None, AuthExpired),
    (409, {"status": "error", "message": "exists"}, None, Conflict),
    (400, {"status": "error", "message": "bad"}, None, Permanent),
    (503, {}, None, Retryable),
    (200, None, b'{"results": [{"id": "1", "prop', Retryable),  # truncated JSON
])
def test_errors_are_mapped_at_the_boundary(status, body, raw, error):
    async def go():
        async with httpx.AsyncClient(transport=transport(status, body, raw=raw)) as c:
            adapter = HubSpotAdapter(c, lambda: TOKEN, base_url="http://crm.invalid",
                                     retry=FAST_RETRY.__class__(attempts=1),
                                     pacer=Pacer(rate=10_000, burst=10))
            await adapter.list_changed("contact", None, None)
    with pytest.raises(error) as info:
        run(go())
    if error is RateLimited:
        assert info.value.policy == "DAILY"
    assert TOKEN not in str(info.value)


def test_missing_token_is_auth_expired():
    async def go():
        async with httpx.AsyncClient(transport=transport(200, {"results": []})) as c:
            await HubSpotAdapter(c, lambda: None, base_url="http://crm.invalid").get_pipelines()
    with pytest.raises(AuthExpired):
        run(go())


def test_redact_headers():
    from desktop.sync.http import redact_headers
    out = redact_headers({"Authorization": f"Bearer {TOKEN}", "x-api-token": TOKEN, "Accept": "*/*"})
    assert TOKEN not in json.dumps(out) and out["Accept"] == "*/*"


def test_a_token_rejected_mid_pull_is_one_error_not_a_stray_task_exception(caplog):
    """Every fetch of an incremental pull gets the same 401: the caller sees one AuthExpired and
    asyncio never logs "Task exception was never retrieved" for the others (issue 19 #7)."""
    import asyncio
    import gc

    from desktop.sync.state import MemoryState

    class Rejecting:
        name = "hubspot"

        async def list_changed(self, object_type, since, cursor):
            await asyncio.sleep(0.01 if object_type != "contact" else 0)
            raise AuthExpired("401 from hubspot")

        async def list_archived(self, object_type, since, cursor):
            raise AuthExpired("401 from hubspot")

        async def get_pipelines(self):
            raise AuthExpired("401 from hubspot")

    state = MemoryState()
    for t in ("company", "contact", "deal"):
        state.set_cursor(t, {"mode": "incremental", "since": 1, "stage": "changed", "page": None, "high_water": 1})
    caplog.set_level(logging.ERROR, logger="asyncio")

    async def go():
        with pytest.raises(AuthExpired):
            await SyncEngine(Rejecting(), state).pull(["company", "contact", "deal"])

    run(go())
    gc.collect()
    assert not [r for r in caplog.records if "never retrieved" in r.getMessage()]
