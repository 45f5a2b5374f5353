"""Kill-switch latency: time from ``AgentService.kill(...)`` to the moment the last in-flight LLM call
is cancelled and the run task has ended, with a fake LLM that would otherwise answer after 10 s.
Also checks that no outbound call starts after the switch.

    .venv/bin/python benchmarks/agents_kill.py [--trials 50] [--agents 3]

Prints p50 / p95 / max in milliseconds, for a per-agent kill and for the global kill.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop.agents.fakes import FakeClock, FakeLLM, no_sleep
from desktop.agents.service import AgentService
from desktop.config import Settings
from desktop.store.db import open_workspace
from desktop.store.importer import import_paths

FIXTURES = Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "workspace"
if not FIXTURES.exists():
    FIXTURES = Path(__file__).resolve().parent.parent / "resources" / "demo_workspace"


async def trial(svc: AgentService, llm: FakeLLM, names: list[str], global_kill: bool) -> tuple[float, float, int]:
    llm.calls.clear()
    tasks = [asyncio.ensure_future(svc.run(n)) for n in names]
    while len(llm.calls) < len(names):
        await asyncio.sleep(0.001)
    t0 = time.perf_counter()
    if global_kill:
        svc.kill_all()
    else:
        for n in names:
            svc.kill(n)
    await asyncio.gather(*tasks)
    t_end = time.perf_counter()
    late = sum(1 for c in llm.calls if c.started > t0)
    last_call_end = max(c.ended or t_end for c in llm.calls)
    for n in names:
        svc.enable(n)
    svc.enable("*")
    return (last_call_end - t0) * 1000, (t_end - t0) * 1000, late


def _stats(ms: list[float]) -> str:
    ms = sorted(ms)
    p95 = ms[min(len(ms) - 1, int(0.95 * len(ms)))]
    return f"p50 {statistics.median(ms):.1f} ms, p95 {p95:.1f} ms, max {ms[-1]:.1f} ms"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--trials", type=int, default=50)
    ap.add_argument("--agents", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        ws = open_workspace(f"sqlite:///{d}/w.db")
        import_paths(ws, [FIXTURES])
        llm = FakeLLM(delay_s=10)
        svc = AgentService(ws, Settings(data_dir=Path(d), llm_model="openai/fake-model"),
                           FakeClock(datetime(2026, 11, 21, 9, 0)), llm, sleep=no_sleep)
        names = ["ghostbuster", "cfo", "briefing", "qualifier", "post-call"][: args.agents]
        for label, glob in (("per-agent kill", False), ("global kill", True)):
            cancel, done, late = [], [], 0
            for _ in range(args.trials):
                c_ms, d_ms, n_late = asyncio.run(trial(svc, llm, names, glob))
                cancel.append(c_ms)
                done.append(d_ms)
                late += n_late
            print(f"{label}, {args.trials} trials x {len(names)} running agents; calls started after the switch: {late}")
            print(f"  switch -> last in-flight LLM call cancelled: {_stats(cancel)}")
            print(f"  switch -> every run task ended and recorded (incl. DB writes): {_stats(done)}")
        ws.dispose()


if __name__ == "__main__":
    main()
