"""Pacing from rate-limit headers (no 429s), and the Pipedrive adapter's pull and push."""

from __future__ import annotations

import httpx
from sync_helpers import FAST_RETRY, TOKEN, FakeTime, client, make_emulator, pipedrive, run

from desktop.sync.emulator import RateLimit
from desktop.sync.engine import SyncEngine
from desktop.sync.hubspot import HubSpotAdapter
from desktop.sync.ratelimit import Limits, Pacer, parse_hubspot, parse_pipedrive
from desktop.sync.state import MemoryState
from desktop.sync.worker import SyncWorker


def test_pacer_keeps_a_rolling_window_under_the_limit():
    t = FakeTime()
    pacer = Pacer(window_max=5, window_s=1.0, clock=t.clock, sleep=t.sleep)

    async def go():
        stamps = []
        for _ in range(12):
            ticket = await pacer.acquire()
            stamps.append(t.now)
            pacer.complete(ticket)
        return stamps

    stamps = run(go())
    assert stamps[:5] == [100.0] * 5  # a burst up to the limit is fine in a rolling window
    for i in range(5, 12):  # never more than 5 in any 1 s window
        assert stamps[i] - stamps[i - 5] >= 1.0
    assert stamps[-1] - stamps[0] < 2.2  # and no slower than needed (+ the small margin)


def test_pacer_learns_headers_and_honours_retry_after():
    t = FakeTime()
    pacer = Pacer(rate=1.0, clock=t.clock, sleep=t.sleep)
    pacer.observe(parse_hubspot(httpx.Headers({
        "X-HubSpot-RateLimit-Max": "190", "X-HubSpot-RateLimit-Interval-Milliseconds": "10000",
        "X-HubSpot-RateLimit-Remaining": "150", "X-HubSpot-RateLimit-Daily-Remaining": "499000"})))
    assert (pacer.window_max, pacer.window_s, pacer.daily_remaining) == (190, 10.0, 499000)
    pacer.block(3.0)
    run(pacer.acquire())
    assert t.now >= 103.0
    limits = parse_pipedrive(httpx.Headers({"x-ratelimit-limit": "40", "x-ratelimit-remaining": "0",
                                            "x-ratelimit-reset": "2", "x-daily-requests-left": "9"}))
    assert limits == Limits(max=40, interval_s=2.0, remaining=0, reset_s=2.0, daily_remaining=9)


def test_pull_paced_by_headers_gets_no_429():
    with make_emulator(hubspot_limit=RateLimit(10, 0.5)) as emu:
        for i in range(2500):
            emu.hubspot.create("contacts", {"email": f"p{i}@x.test"}, updated_ms=1_700_000_000_000 + i)

        async def go():
            async with client() as c:
                adapter = HubSpotAdapter(c, lambda: TOKEN, base_url=emu.url, retry=FAST_RETRY)
                return await SyncEngine(adapter, MemoryState()).pull(["contact"], pipelines=False)

        report = run(go())
        assert report.applied["contact"] == 2500
        assert emu.stats["rate_limited"] == 0 and emu.stats["requests"] == 25


def test_pipedrive_pull_push_and_pipelines():
    with make_emulator() as emu:
        org = emu.pipedrive.create("organizations", {"name": "Acme"}, updated_s=1_700_000_000)
        ada_obj = emu.pipedrive.create("persons", {"first_name": "Ada", "last_name": "L", "org_id": org["id"],
                                         "emails": [{"value": "ada@acme.test", "primary": True}]},
                             updated_s=1_700_000_001)
        emu.pipedrive.create("deals", {"title": "Pilot", "value": 1200.5, "currency": "EUR",
                                       "stage_id": 2, "pipeline_id": 1}, updated_s=1_700_000_002)
        emu.pipedrive.create("activities", {"subject": "Call Ada", "type": "call"},
                             updated_s=1_700_000_003)
        emu.pipedrive.create("activities", {"subject": "Send deck", "type": "task", "done": False},
                             updated_s=1_700_000_004)
        state = MemoryState("pipedrive")

        async def go():
            async with client() as c:
                adapter = pipedrive(c, emu)
                engine = SyncEngine(adapter, state)
                first = await engine.pull()
                state.local_change("contact", "create", {"first_name": "Bo", "last_name": "K",
                                                         "email": "bo@k.test"})
                await SyncWorker(adapter, state, backoff_base_s=0.0).drain()
                emu.pipedrive.update("persons", ada_obj["id"], {"first_name": "Ada B."})
                second = await engine.pull()
                return first, second, engine.pipelines

        first, second, pipelines = run(go())
    assert first.applied == {"company": 1, "contact": 1, "deal": 1, "activity": 1, "task": 1}
    deal = next(f for k, f in state.records.items() if k[0] == "deal")
    assert deal["amount_cents"] == 120050 and deal["currency"] == "eur"
    ada = next(f for k, f in state.records.items() if k[0] == "contact" and f.get("email") == "ada@acme.test")
    assert ada["first_name"] == "Ada B." and ada["company_external_id"] == str(org["id"])
    assert [s.label for s in pipelines[0].stages][:2] == ["Qualified", "Contact Made"]
    bo = [p for p in emu.pipedrive.live("persons") if p["first_name"] == "Bo"]
    assert len(bo) == 1 and bo[0]["emails"][0]["value"] == "bo@k.test"


def test_exhausted_daily_budget_stops_requests_until_midnight():
    import json as _json

    import pytest as _pytest

    from desktop.sync.errors import RateLimited

    sent = []

    def handler(request):
        sent.append(request.url.path)
        return httpx.Response(200, content=_json.dumps({"results": []}).encode(), headers={
            "X-HubSpot-RateLimit-Max": "190", "X-HubSpot-RateLimit-Interval-Milliseconds": "10000",
            "X-HubSpot-RateLimit-Remaining": "189", "X-HubSpot-RateLimit-Daily-Remaining": "0"})

    async def go():
        async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as c:
            adapter = HubSpotAdapter(c, lambda: TOKEN, base_url="http://crm.invalid", retry=FAST_RETRY)
            await adapter.get_pipelines()
            await adapter.get_pipelines()

    with _pytest.raises(RateLimited) as info:
        run(go())
    assert info.value.policy == "DAILY" and 0 < info.value.retry_after <= 86_400
    assert len(sent) == 1  # the second request was never sent
