"""Agents on their own for a simulated week on the demo workspace: runs per day on schedule and
duplicate proposals.

A fresh copy of the demo workspace; the real ``AgentService.serve`` loop with its clocks (local and
UTC, the same here) stepped every ``--step`` minutes from Monday 2026-11-23 00:00 for ``--days``
days; the machine "sleeps" from Wednesday 18:00 to Friday 10:00 (no checks at all), so Thursday's
slots are missed and Friday's run once on wake. Agents run offline (no LLM). Nobody decides the
approvals, so every plan stays pending - the worst case for repeats.

Prints one JSON object: {"days", "step_min", "runs_per_day": {day: {agent: n}}, "expected_per_day":
{day: {agent: n}} (from the loadouts' schedules, missed days counted as one run on wake),
"scheduled_runs", "expected_runs", "approvals", "duplicate_proposals" (a proposal key - change kind
+ record - queued more than once while the first is pending), "wall_s"}.

Usage: python benchmarks/agents_schedule.py [--days 7] [--step 5]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from collections import Counter, defaultdict
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

MONDAY = datetime(2026, 11, 23)
SLEEP = (datetime(2026, 11, 25, 18, 0), datetime(2026, 11, 27, 10, 0))


def main(argv: list[str] | None = None) -> int:
    """Command line: see the module docstring."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--days", type=int, default=7)
    ap.add_argument("--step", type=int, default=5, help="minutes between schedule checks")
    args = ap.parse_args(argv)

    from desktop.agents.chain import proposal_keys
    from desktop.agents.fakes import FakeClock, no_sleep
    from desktop.agents.service import AgentService
    from desktop.bootstrap import open_workspace
    from desktop.config import Settings
    from desktop.store.approvals import list_approvals

    tmp = Path(tempfile.mkdtemp(prefix="spectrum-agents-week-"))
    settings = Settings(data_dir=tmp, llm_model=None)
    ws = open_workspace(settings, seed_demo=True)
    clock = FakeClock(MONDAY)
    svc = AgentService(ws, settings, clock, sleep=no_sleep)
    end = MONDAY + timedelta(days=args.days)
    step = timedelta(minutes=args.step)
    times = []
    t = MONDAY
    while t < end:
        if not (SLEEP[0] <= t < SLEEP[1]):
            times.append(t)
        t += step
    it = iter(times)
    stop = asyncio.Event()

    def local_now() -> datetime:
        try:
            clock.now = next(it)
        except StopIteration:
            stop.set()
        return clock.now

    t0 = time.perf_counter()
    asyncio.run(svc.serve(stop, interval_s=0, local_now=local_now))
    wall = time.perf_counter() - t0

    per_day: dict[str, Counter] = defaultdict(Counter)
    for r in svc.runs(limit=100000):
        if r.state.get("slot"):
            per_day[r.state["slot"][:10]][r.agent] += 1
    expected: dict[str, Counter] = defaultdict(Counter)
    for name, lo in svc.loadouts.items():
        sched = lo.parsed_schedule
        if sched is None:
            continue
        for d in range(args.days):
            day = MONDAY + timedelta(days=d)
            at = sched.due_at(day)
            if at is not None and not (SLEEP[0] <= at < SLEEP[1]):
                expected[day.date().isoformat()][name] += 1
    # the wake-up: a slot missed during the sleep runs once, counted on the day of its slot
    for name, lo in svc.loadouts.items():
        sched = lo.parsed_schedule
        if sched is None:
            continue
        slot = sched.last_slot(SLEEP[1])
        if slot is not None and SLEEP[0] <= slot < SLEEP[1]:
            expected[slot.date().isoformat()][name] += 1

    seen: Counter = Counter()
    approvals = list_approvals(ws, status=None)
    for a in approvals:
        for k in proposal_keys(a.plan):
            seen[(a.source, k)] += 1
    dups = sum(n - 1 for n in seen.values() if n > 1)
    out = {"days": args.days, "step_min": args.step,
           "runs_per_day": {d: dict(sorted(c.items())) for d, c in sorted(per_day.items())},
           "expected_per_day": {d: dict(sorted(c.items())) for d, c in sorted(expected.items())},
           "scheduled_runs": sum(sum(c.values()) for c in per_day.values()),
           "expected_runs": sum(sum(c.values()) for c in expected.values()),
           "approvals": len(approvals), "duplicate_proposals": dups, "wall_s": round(wall, 1)}
    print(json.dumps(out))
    ws.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
