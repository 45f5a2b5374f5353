"""Agents that work on their own: a clock-driven day of schedules, a missed slot run once on wake,
pause / resume, next-run times, the global daily spend cap and ``spectrum agents serve``."""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from datetime import datetime, timedelta

from desktop.agents.loadout import Schedule

MONDAY = datetime(2026, 11, 23)


def _scheduled_runs(svc) -> Counter:
    return Counter(r.agent for r in svc.runs(limit=1000) if r.state.get("slot"))


def _drive(svc, clock, start: datetime, end: datetime, step=timedelta(minutes=5)) -> None:
    """Run the real ``serve`` loop with its clocks (local and UTC) stepped from ``start`` to ``end``."""
    times = iter([start + i * step for i in range(int((end - start) / step) + 1)])
    stop = asyncio.Event()

    def local_now() -> datetime:
        try:
            clock.now = next(times)
        except StopIteration:
            stop.set()
        return clock.now

    async def go():
        await svc.serve(stop, interval_s=0, local_now=local_now)
    asyncio.run(go())


def test_schedule_slots():
    s = Schedule.parse("weekdays 07:30")
    fri_night = datetime(2026, 11, 27, 23, 0)
    assert s.last_slot(fri_night) == datetime(2026, 11, 27, 7, 30)
    assert s.next_slot(fri_night) == datetime(2026, 11, 30, 7, 30)  # the Monday after
    assert s.last_slot(datetime(2026, 11, 30, 7, 29)) == datetime(2026, 11, 27, 7, 30)


def test_a_clock_driven_day_runs_each_schedule_once(make_service, clock):
    svc = make_service()
    _drive(svc, clock, MONDAY, MONDAY + timedelta(days=2) - timedelta(minutes=5))  # Monday and Tuesday
    runs = _scheduled_runs(svc)
    # weekdays 07:30 / 07:45 / 08:00 / 08:15 on both days; the CFO only on Mondays; post-call has no schedule
    assert runs == Counter({"briefing": 2, "qualifier": 2, "ghostbuster": 2, "follow-up": 2, "cfo": 1})
    slots = sorted(r.state["slot"] for r in svc.runs("briefing", 10))
    assert slots == ["2026-11-23T07:30:00", "2026-11-24T07:30:00"]
    assert all(r.status == "done" for r in svc.runs(limit=1000))


def test_a_missed_slot_runs_once_on_wake(make_service, clock):
    svc = make_service()
    _drive(svc, clock, MONDAY + timedelta(hours=7), MONDAY + timedelta(hours=9))
    assert _scheduled_runs(svc)["ghostbuster"] == 1
    # the laptop sleeps from Monday 09:00 to Thursday 10:00: three ghostbuster slots missed
    thursday = datetime(2026, 11, 26, 10, 0)
    clock.now = thursday
    assert svc.next_run("ghostbuster", thursday) == thursday  # due now
    done = asyncio.run(svc.run_due(thursday))
    assert sorted(r.agent for r in done) == ["briefing", "follow-up", "ghostbuster", "qualifier"]
    assert [r.state["slot"] for r in svc.runs("ghostbuster", 1)] == ["2026-11-26T08:00:00"]
    assert asyncio.run(svc.run_due(thursday + timedelta(minutes=1))) == []
    assert _scheduled_runs(svc)["ghostbuster"] == 2
    assert svc.next_run("ghostbuster", thursday) == datetime(2026, 11, 27, 8, 0)


def test_pause_and_resume_a_schedule(make_service, clock):
    svc = make_service()
    at = MONDAY + timedelta(hours=8, minutes=10)
    clock.now = at
    svc.pause_agent("ghostbuster")
    assert "ghostbuster" not in svc.due(at) and svc.next_run("ghostbuster", at) is None
    row = next(r for r in svc.list_agents(at) if r.name == "ghostbuster")
    assert row.paused and row.state == "paused" and row.next_run_at is None
    asyncio.run(svc.run_due(at))
    assert _scheduled_runs(svc)["ghostbuster"] == 0
    svc.resume_agent("ghostbuster")  # the slot missed while paused runs once
    assert [r.agent for r in asyncio.run(svc.run_due(at)) if r.agent == "ghostbuster"] == ["ghostbuster"]
    assert asyncio.run(svc.run_due(at)) == []
    row = next(r for r in svc.list_agents(at) if r.name == "ghostbuster")
    assert not row.paused and row.next_run_at == datetime(2026, 11, 24, 8, 0)


def test_a_new_install_does_not_run_last_weeks_schedules(make_service):
    svc = make_service()
    saturday = datetime(2026, 11, 21, 9, 0)   # Friday's 08:00 slot is 25 hours old
    assert svc.due(saturday) == []
    assert svc.next_run("ghostbuster", saturday) == datetime(2026, 11, 23, 8, 0)


def test_global_daily_cap_stops_every_agent_with_its_reason(make_service, fake_llm, clock):
    svc = make_service(llm_model="fake/model")
    svc.set_daily_cap(0.0015)
    fake_llm.price_in, fake_llm.price_out = 1e-6, 1e-3   # ~ $0.0013 per draft: the second draft would cross it
    res = asyncio.run(svc.run("ghostbuster"))
    assert res.status in ("killed", "over_budget")
    assert svc.gate.global_killed
    reason = svc.stop_reason()
    assert reason.startswith("spend cap reached: all agents spent $")
    assert all(r.state == "killed" for r in svc.list_agents())
    calls = len(fake_llm.calls)
    again = asyncio.run(svc.run("cfo"))
    assert again.status == "paused" and "global kill switch" in again.error and len(fake_llm.calls) == calls
    # the call that crosses the cap is the last one (its completion's size is known only after it)
    assert len(fake_llm.calls) == 2 and 0.0015 < svc.spent_today() < 0.0015 + 0.0011


def test_serve_once_cli_runs_due_agents_as_json_lines(tmp_path, fixture_dir, capsys, monkeypatch):
    from desktop import cli

    d = tmp_path / "data"
    assert cli.main(["--data-dir", str(d), "import", str(fixture_dir)]) == 0

    class Monday(datetime):
        @classmethod
        def now(cls, tz=None):
            return datetime(2026, 11, 23, 8, 35)
    monkeypatch.setattr("desktop.cli.agents.datetime", Monday)
    capsys.readouterr()
    assert cli.main(["--data-dir", str(d), "agents", "serve", "--once", "--json"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert sorted(x["agent"] for x in lines if x["event"] == "run") == ["briefing", "cfo", "follow-up", "ghostbuster", "qualifier"]
    assert lines[-1] == {"event": "stopped"}
    assert cli.main(["--data-dir", str(d), "agents", "serve", "--once", "--json"]) == 0
    assert [json.loads(x)["event"] for x in capsys.readouterr().out.splitlines()] == ["stopped"]
    assert cli.main(["--data-dir", str(d), "agents", "pause", "ghostbuster"]) == 0
    assert cli.main(["--data-dir", str(d), "agents", "list"]) == 0
    out = capsys.readouterr().out
    assert "weekdays 08:00 (paused)" in out
    assert cli.main(["--data-dir", str(d), "agents", "resume", "ghostbuster"]) == 0
    assert "ghostbuster resumed; next run" in capsys.readouterr().out
