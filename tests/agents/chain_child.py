"""Child process for the chain SIGKILL test: runs Post-call on a dictated call note (or resumes
what a killed process left) and kills itself with SIGKILL right after the N-th step it completes.

Usage: python chain_child.py DATABASE_URL DATA_DIR KILL_AFTER NOTE
Prints ``STEP <run> <position> <tool>`` after each completed step.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from datetime import datetime

from desktop.agents.fakes import FakeClock
from desktop.agents.service import AgentService
from desktop.config import Settings
from desktop.store import agents as store
from desktop.store.db import open_workspace


def main() -> None:
    url, data_dir, kill_after, note = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    ws = open_workspace(url)
    svc = AgentService(ws, Settings(data_dir=data_dir), FakeClock(datetime(2026, 11, 21, 9, 0)))
    done = []

    def step(run_id, pos, tool, out):
        print("STEP", run_id, pos, tool, flush=True)
        done.append(tool)
        if len(done) >= kill_after:
            os.kill(os.getpid(), signal.SIGKILL)
    svc.runner.on_step = step
    with ws.uow() as uow:
        started = bool(store.list_runs(uow.session, "post-call", 1))
    if started:
        asyncio.run(svc.resume_interrupted())
    else:
        asyncio.run(svc.run("post-call", input={"text": note, "deal": "Globex"}))
    print("FINISHED", flush=True)


if __name__ == "__main__":
    main()
