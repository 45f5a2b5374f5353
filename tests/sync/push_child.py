"""Child process for the crash test: drains a FileState outbox against the emulator.

``python push_child.py STATE_FILE BASE_URL TOKEN`` runs as a small fork server so the interpreter
start-up (about 0.6 s of imports) is paid once: for each ``run`` line on stdin it forks a pusher,
prints its pid, and prints ``exit <status>`` when that pusher ends (normally, or SIGKILLed by the
test). The pusher drains the outbox until nothing is unsent.
"""

from __future__ import annotations

import asyncio
import os
import ssl
import sys

import httpx

from desktop.sync.http import RetryPolicy
from desktop.sync.hubspot import HubSpotAdapter
from desktop.sync.ratelimit import Pacer
from desktop.sync.state import FileState
from desktop.sync.worker import SyncWorker

#: built once before forking: loading the CA bundle costs ~0.3 s per client otherwise
SSL_CONTEXT = ssl.create_default_context()


async def push(path: str, url: str, token: str) -> None:
    state = FileState(path)
    async with httpx.AsyncClient(timeout=httpx.Timeout(2.0, connect=1.0),
                                 verify=SSL_CONTEXT) as client:
        adapter = HubSpotAdapter(client, lambda: token, base_url=url,
                                 retry=RetryPolicy(attempts=8, base_s=0.002, cap_s=0.02),
                                 pacer=Pacer(rate=10_000, burst=100))
        adapter.max_batch = 10  # small batches: many requests, many places to be killed
        worker = SyncWorker(adapter, state, backoff_base_s=0.0, max_attempts=1000)
        while state.outbox_unsent():
            await worker.drain()


async def warm_up(url: str, token: str) -> None:
    """One read request, so lazy imports (anyio, h11 ...) happen before the first fork."""
    async with httpx.AsyncClient(verify=SSL_CONTEXT) as client:
        await client.get(url + "/crm/v3/pipelines/deals", headers={"authorization": f"Bearer {token}"})


def serve(path: str, url: str, token: str) -> None:
    asyncio.run(warm_up(url, token))
    for line in sys.stdin:
        if line.strip() != "run":
            break
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                asyncio.run(push(path, url, token))
            except BaseException:  # noqa: BLE001 - report through the exit status
                code = 1
            os._exit(code)
        print(pid, flush=True)
        _, status = os.waitpid(pid, 0)
        print("exit", status, flush=True)


if __name__ == "__main__":
    serve(*sys.argv[1:4])
