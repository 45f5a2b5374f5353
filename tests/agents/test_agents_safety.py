"""Kill switches, budgets and retries: the gate every outbound LLM call passes through."""

from __future__ import annotations

import asyncio
import time

from sqlalchemy import select

from desktop.agents.fakes import FakeLLM, recording_sleep
from desktop.agents.llm import TransientLLMError
from desktop.store import schema as s


def _calls(workspace, agent=None):
    with workspace.uow() as uow:
        q = select(s.LLMCall).order_by(s.LLMCall.id)
        if agent:
            q = q.where(s.LLMCall.agent == agent)
        return list(uow.session.execute(q).scalars())


def test_kill_cancels_the_call_in_flight_within_200ms_and_blocks_the_rest(make_service, workspace):
    llm = FakeLLM(delay_s=30)
    svc = make_service(llm_model="openai/fake-model", llm=llm)

    async def go():
        llm.started = asyncio.Event()
        task = asyncio.ensure_future(svc.run("ghostbuster"))
        await llm.started.wait()
        t0 = time.perf_counter()
        svc.kill("ghostbuster")
        res = await task
        return res, time.perf_counter() - t0

    res, elapsed = asyncio.run(go())
    assert res.status == "killed" and "killed" in res.error
    assert elapsed < 0.2, f"kill took {elapsed * 1000:.0f} ms"
    assert len(llm.calls) == 1 and llm.calls[0].cancelled
    assert llm.calls[0].ended - svc.gate.switched_at["ghostbuster"] < 0.2
    # the switch is persisted and audited; a new service (restart) still refuses to call out
    with workspace.uow() as uow:
        assert uow.session.get(s.AgentState, "ghostbuster").killed
        audit = uow.session.execute(select(s.AuditEntry).where(s.AuditEntry.kind == "kill_switch")).scalars().all()
        assert [a.summary for a in audit] == ["killed ghostbuster"]
    svc2 = make_service(llm_model="openai/fake-model", llm=llm)
    assert next(r for r in svc2.list_agents() if r.name == "ghostbuster").state == "killed"
    again = asyncio.run(svc2.run("ghostbuster"))
    assert again.status == "paused" and len(llm.calls) == 1
    # other agents are not affected by a per-agent switch
    llm.delay_s = 0
    assert asyncio.run(svc2.run("cfo")).status == "done" and len(llm.calls) == 2


def test_enable_then_resume_finishes_without_repeating_completed_steps(make_service, workspace):
    llm = FakeLLM(delay_s=30)
    svc = make_service(llm_model="openai/fake-model", llm=llm)

    async def go():
        llm.started = asyncio.Event()
        task = asyncio.ensure_future(svc.run("ghostbuster"))
        await llm.started.wait()
        svc.kill("ghostbuster")
        return await task

    killed = asyncio.run(go())
    waiting = svc.enable("ghostbuster")
    assert killed.run_id in waiting
    llm.delay_s = 0
    done = asyncio.run(svc.resume(killed.run_id))
    assert done.status == "done" and len(done.approvals) == 5
    steps = svc.steps(killed.run_id)
    assert [st.position for st in steps] == list(range(len(steps)))
    assert all(st.status == "done" for st in steps)
    assert len(llm.calls) == 1 + 5  # the cancelled call, then one draft per stale deal


def test_global_kill_stops_every_running_agent(make_service):
    llm = FakeLLM(delay_s=30)
    svc = make_service(llm_model="openai/fake-model", llm=llm)

    async def go():
        a = asyncio.ensure_future(svc.run("ghostbuster"))
        b = asyncio.ensure_future(svc.run("cfo"))
        while len(llm.calls) < 2:
            await asyncio.sleep(0.001)
        svc.kill_all()
        return await a, await b

    a, b = asyncio.run(go())
    assert a.status == b.status == "killed"
    assert all(c.cancelled for c in llm.calls)
    assert {r.state for r in svc.list_agents()} == {"killed"}
    svc.enable("*")
    assert {r.state for r in svc.list_agents()} != {"killed"}


def test_budget_stops_before_the_call_that_would_exceed_it(make_service, workspace):
    llm = FakeLLM(price_in=2e-3, price_out=0.0)  # ~$0.35 per call for a ~180-token prompt
    svc = make_service(llm_model="openai/fake-model", llm=llm)
    res = asyncio.run(svc.run("ghostbuster"))   # daily budget $0.50
    assert res.status == "over_budget" and "over budget" in res.error
    assert len(llm.calls) == 1                    # the second call was never sent
    rows = _calls(workspace, "ghostbuster")
    assert len(rows) == 1 and rows[0].cost_usd > 0.2 and rows[0].prompt_tokens > 0
    row = next(r for r in svc.list_agents() if r.name == "ghostbuster")
    assert row.state == "over_budget" and abs(row.spend_today_usd - rows[0].cost_usd) < 1e-9
    assert res.cost_usd == rows[0].cost_usd
    # tomorrow the budget is fresh
    svc.clock.advance(days=1)
    assert svc.llm.spent_today("ghostbuster") == 0.0


def test_transient_errors_are_retried_with_backoff_and_every_attempt_is_metered(make_service, workspace):
    waits: list[float] = []
    llm = FakeLLM(script=[TransientLLMError("timeout"), TransientLLMError("rate limit"), "Burn is fine."])
    svc = make_service(llm_model="openai/fake-model", llm=llm, sleep=recording_sleep(waits))
    res = asyncio.run(svc.run("cfo"))
    assert res.status == "done" and res.outputs[0]["chat"] == "Burn is fine."
    assert len(waits) == 2 and waits[1] > waits[0] > 0
    rows = _calls(workspace, "cfo")
    assert len(rows) == 3 and [r.prompt_tokens > 0 for r in rows] == [False, False, True]


def test_permanent_failure_fails_the_run_with_the_error_logged(make_service):
    from desktop.agents.llm import LLMFailed

    llm = FakeLLM(script=[LLMFailed("401 invalid api key")])
    svc = make_service(llm_model="openai/fake-model", llm=llm)
    res = asyncio.run(svc.run("cfo"))
    assert res.status == "failed" and "invalid api key" in res.error
    step = svc.steps(res.run_id)[0]
    assert step.status == "failed" and "invalid api key" in step.error
    assert next(r for r in svc.list_agents() if r.name == "cfo").success_rate == 0.0


def test_record_transcription_feeds_the_cost_summary(workspace, make_service):
    from desktop.agents.service import record_transcription

    svc = make_service()
    record_transcription(workspace, audio_s=12.5, decode_s=3.1, cpu_s=5.2, at=svc.clock())
    c = svc.costs()
    assert c["transcriptions"] == 1 and c["audio_s"] == 12.5 and c["transcription_cpu_s"] == 5.2


def test_kill_from_another_process_stops_a_running_agent(make_service):
    """`spectrum agents kill NAME` in a terminal while the app runs: the switch lands in
    agent_states and the running service adopts it within its polling interval."""
    llm = FakeLLM(delay_s=30)
    app = make_service(llm_model="openai/fake-model", llm=llm)
    cli = make_service(llm_model="openai/fake-model", llm=FakeLLM())

    async def go():
        llm.started = asyncio.Event()
        task = asyncio.ensure_future(app.run("ghostbuster"))
        await llm.started.wait()
        t0 = time.perf_counter()
        cli.kill("ghostbuster")
        res = await task
        return res, time.perf_counter() - t0

    res, elapsed = asyncio.run(go())
    assert res.status == "killed" and llm.calls[0].cancelled and elapsed < 1.0
    cli.enable("ghostbuster")
    llm.delay_s = 0
    assert asyncio.run(app.run("cfo")).status == "done"   # enabled elsewhere: adopted at the next run
    assert not app.gate.is_killed("ghostbuster")


def test_kill_parks_queued_runs_of_the_agent(make_service):
    llm = FakeLLM(delay_s=30)
    svc = make_service(llm_model="openai/fake-model", llm=llm)

    async def go():
        llm.started = asyncio.Event()
        first = asyncio.ensure_future(svc.run("cfo"))
        second = asyncio.ensure_future(svc.run("cfo"))   # queued behind the first
        await llm.started.wait()
        svc.kill("cfo")
        return await first, await second

    first, second = asyncio.run(go())
    assert first.status == "killed" and second.status == "paused" and len(llm.calls) == 1
    assert set(svc.enable("cfo")) == {first.run_id, second.run_id}


def test_a_step_whose_tool_is_not_in_the_loadout_fails_the_run(make_service, data_dir):
    from agent_helpers import builtin_text, write_loadout

    write_loadout(data_dir, "cfo", builtin_text("cfo", tools="[revenue_report]"))
    res = asyncio.run(make_service().run("cfo"))
    assert res.status == "failed" and "may not use the tool 'finance_summary'" in res.error


def test_progress_callback_and_planner_usage_recorder(workspace, data_dir, clock):
    from desktop.agents.service import AgentService, usage_recorder
    from desktop.config import Settings
    from desktop.planner.llm_planner import UsageRecord

    seen = []
    svc = AgentService(workspace, Settings(data_dir=data_dir), clock, FakeLLM(),
                       on_step=lambda *a: seen.append((a[0], a[2], a[3])))
    asyncio.run(svc.run("qualifier"))
    assert seen == [("qualifier", 0, "qualify_leads"), ("qualifier", 1, "propose_plan")]
    usage_recorder(workspace, clock)(UsageRecord("gpt-4o-mini", 120, 30, 0.0004, 350.0))
    assert svc.costs()["by_agent"] == {"planner": 0.0004}


def test_kill_from_the_ui_thread_cancels_a_run_on_a_worker_thread(make_service):
    """The UI flips the switch on its thread while the agent runs on a worker's event loop."""
    import threading

    llm = FakeLLM(delay_s=30)
    llm.started = threading.Event()          # set when the call goes out (duck-typed)
    svc = make_service(llm_model="openai/fake-model", llm=llm)
    out = {}
    worker = threading.Thread(target=lambda: out.setdefault("res", asyncio.run(svc.run("cfo"))))
    worker.start()
    assert llm.started.wait(10)
    t0 = time.perf_counter()
    svc.kill("cfo")
    worker.join(10)
    assert not worker.is_alive() and out["res"].status == "killed"
    assert llm.calls[0].cancelled and llm.calls[0].ended - t0 < 0.2
