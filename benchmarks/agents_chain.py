"""Chain throughput with a fake LLM (no delay): Ghostbuster over up to 50 stale deals per run, so a
run is 1 + 2 x deals persisted steps (each step: started row, tool, done row, run state).

    .venv/bin/python benchmarks/agents_chain.py [--runs 5] [--deals 30]

Prints steps per second (every step persisted in SQLite with WAL) and LLM calls per second.
"""

from __future__ import annotations

import argparse
import asyncio
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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--deals", type=int, default=30)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        ws = open_workspace(f"sqlite:///{d}/w.db")
        import_paths(ws, [FIXTURES])
        (Path(d) / "loadouts").mkdir()
        from desktop.agents.loadout import builtin_dir

        text = (builtin_dir() / "ghostbuster.yaml").read_text().replace("max_deals: 5", f"max_deals: {args.deals}")
        text = text.replace("daily_budget_usd: 0.50", "daily_budget_usd: 1000")
        (Path(d) / "loadouts" / "ghostbuster.yaml").write_text(text)
        llm = FakeLLM(default="Hi - checking in on next steps.")
        svc = AgentService(ws, Settings(data_dir=Path(d), llm_model="openai/fake-model"),
                           FakeClock(datetime(2026, 11, 21, 9, 0)), llm, sleep=no_sleep)
        steps = 0
        t0 = time.perf_counter()
        for _ in range(args.runs):
            res = asyncio.run(svc.run("ghostbuster"))
            assert res.status == "done", res.error
            steps += len(res.outputs)
        dt = time.perf_counter() - t0
        print(f"{args.runs} runs, {steps} steps, {len(llm.calls)} fake LLM calls in {dt:.2f} s: "
              f"{steps / dt:.0f} steps/s, {len(llm.calls) / dt:.0f} LLM calls/s "
              f"({dt / steps * 1000:.1f} ms per persisted step)")
        ws.dispose()


if __name__ == "__main__":
    main()
