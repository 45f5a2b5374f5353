"""Child process for the SIGKILL test: runs Ghostbuster with an LLM that hangs on call N+1 and
prints ``STEP ...`` after each completed step and ``BLOCKED`` when it hangs.

Usage: python agent_child.py DATABASE_URL DATA_DIR N
"""

from __future__ import annotations

import asyncio
import sys
from datetime import datetime

from desktop.agents.fakes import FakeClock, FakeLLM
from desktop.agents.service import AgentService
from desktop.config import Settings
from desktop.store.db import open_workspace


class HangingLLM(FakeLLM):
    block_after: int = 0

    async def acomplete(self, **kw):
        if len(self.calls) >= self.block_after:
            print("BLOCKED", flush=True)
            await asyncio.Event().wait()
        return await super().acomplete(**kw)


def main() -> None:
    url, data_dir, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    ws = open_workspace(url)
    llm = HangingLLM()
    llm.block_after = n
    svc = AgentService(ws, Settings(data_dir=data_dir, llm_model="openai/fake-model"),
                       FakeClock(datetime(2026, 11, 21, 9, 0)), llm)
    svc.runner.on_step = lambda run_id, pos, tool, out: print("STEP", run_id, pos, tool, flush=True)
    asyncio.run(svc.run("ghostbuster"))


if __name__ == "__main__":
    main()
