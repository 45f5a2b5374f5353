"""Sync benchmark against the local CRM emulator with HubSpot's published rate limit.

Figures printed:
1. initial full pull of N contacts: records/s, share of the rate budget used
   (requests admitted / (duration x limit / interval)), share of requests answered 429;
2. incremental sync of 100 remote changes (all object types, pipelines included): seconds;
3. push of 1,000 local changes (600 creates + 400 updates of pulled contacts): HTTP requests.

HubSpot publishes 190 requests per 10 s for private apps (Professional/Enterprise). For a tractable
run the default scales window and limit down by 10 (19 per 1 s: same rate, shorter window);
``--limit 190 --interval 10`` runs the published figures. The search API limit is 5 per second.

    .venv/bin/python benchmarks/sync_bench.py [--contacts 100000] [--limit 19] [--interval 1] [--store]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import httpx

from desktop.sync.emulator import CrmEmulator, RateLimit
from desktop.sync.engine import SyncEngine
from desktop.sync.http import DEFAULT_TIMEOUT
from desktop.sync.hubspot import HubSpotAdapter
from desktop.sync.state import MemoryState
from desktop.sync.worker import SyncWorker

TOKEN = "bench-token"
OLD_MS = 1_700_000_000_000


async def bench(args: argparse.Namespace) -> None:
    limit = RateLimit(args.limit, args.interval)
    with CrmEmulator(token=TOKEN, hubspot_limit=limit, search_limit=RateLimit(5, 1.0)) as emu:
        t0 = time.perf_counter()
        for i in range(args.contacts):
            emu.hubspot.create("contacts", {"email": f"c{i}@bench.test", "firstname": f"C{i}",
                                            "lastname": "Bench", "phone": "+1 555 0100"},
                               updated_ms=OLD_MS + i * 10)
        print(f"seeded {args.contacts} contacts in {time.perf_counter() - t0:.1f} s")
        if args.store:  # the workspace database (SQLite) as the local side
            import tempfile

            from desktop.store.db import open_workspace
            from desktop.store.sync_state import StoreState

            folder = tempfile.mkdtemp(prefix="spectrum-bench-")
            state = StoreState(open_workspace(f"sqlite:///{folder}/workspace.db"), "hubspot")
            print(f"local side: workspace database {folder}/workspace.db")
        else:
            state = MemoryState()
        async with httpx.AsyncClient(timeout=DEFAULT_TIMEOUT) as client:
            adapter = HubSpotAdapter(client, lambda: TOKEN, base_url=emu.url)
            engine = SyncEngine(adapter, state)

            # 1. initial pull
            base_req, base_429 = emu.stats["requests"], emu.stats["rate_limited"]
            t0 = time.perf_counter()
            report = await engine.pull(["contact"], pipelines=False)
            dt = time.perf_counter() - t0
            reqs = emu.stats["requests"] - base_req
            r429 = emu.stats["rate_limited"] - base_429
            admitted = reqs - r429
            budget = dt * args.limit / args.interval
            print(f"[1] initial pull: {report.applied['contact']} contacts in {dt:.1f} s = "
                  f"{report.applied['contact'] / dt:,.0f} records/s; {reqs} requests, "
                  f"{r429} answered 429 ({100 * r429 / max(reqs, 1):.2f}%); "
                  f"rate budget used {100 * admitted / budget:.1f}% "
                  f"({admitted} of {budget:.0f} allowed in {dt:.1f} s at {args.limit}/{args.interval:g} s)")

            # 2. incremental sync of 100 remote changes (every object type)
            # a full pull of the other object types first, so every type is incremental
            await engine.pull(["company", "deal", "activity", "task"], pipelines=False)
            ids = list(emu.hubspot.objects["contacts"])[:: max(1, args.contacts // 100)][:100]
            for n, obj_id in enumerate(ids):
                emu.hubspot.update("contacts", obj_id, {"firstname": f"Changed{n}"})
            base_req, base_429 = emu.stats["requests"], emu.stats["rate_limited"]
            t0 = time.perf_counter()
            report = await engine.pull()
            dt = time.perf_counter() - t0
            print(f"[2] incremental sync of {len(ids)} remote changes: {dt:.2f} s "
                  f"({report.applied.get('contact')} contacts applied, "
                  f"{emu.stats['requests'] - base_req} requests incl. pipelines and archive checks, "
                  f"{emu.stats['rate_limited'] - base_429} answered 429)")

            # 3. push of 1,000 local changes
            if args.store:
                n_changes = _executor_like_changes(state.ws)
            else:
                linked = [k for k in state.links if k[0] == "contact"][:400]
                for k in linked:
                    state.local_change("contact", "update", {"job_title": "VP Sales"}, local_id=k[1])
                for i in range(600):
                    state.local_change("contact", "create", {"email": f"new{i}@bench.test",
                                                             "first_name": "New", "last_name": str(i)})
                n_changes = len(state.outbox)
            base_req = emu.stats["requests"]
            t0 = time.perf_counter()
            drain = await SyncWorker(adapter, state).drain()
            dt = time.perf_counter() - t0
            print(f"[3] push of {n_changes} local changes: {drain.sent} sent in "
                  f"{emu.stats['requests'] - base_req} requests, {dt:.2f} s; "
                  f"{len(emu.hubspot.live('contacts'))} contacts remote")


def _executor_like_changes(ws) -> int:
    """400 contact updates + 600 contact creates written as the executor writes them: domain rows
    and outbox rows (column names, local ids) in one transaction."""
    import json
    import uuid
    from datetime import datetime

    from sqlalchemy import select

    from desktop.store import schema as s

    now = datetime.utcnow()
    with ws.uow() as uow:
        ses = uow.session
        for c in ses.execute(select(s.Contact).order_by(s.Contact.id).limit(400)).scalars():
            c.job_title = "VP Sales"
            ses.add(s.OutboxItem(created_at=now, entity_type="contact", local_id=c.id, op="update",
                                 payload=json.dumps({"job_title": "VP Sales"}),
                                 idempotency_key=uuid.uuid4().hex, status="pending"))
        for i in range(600):
            c = s.Contact(first_name="New", last_name=str(i), email=f"new{i}@bench.test")
            ses.add(c)
            ses.flush()
            ses.add(s.OutboxItem(created_at=now, entity_type="contact", local_id=c.id, op="create",
                                 payload=json.dumps({"first_name": "New", "last_name": str(i),
                                                     "email": c.email}),
                                 idempotency_key=uuid.uuid4().hex, status="pending"))
        uow.commit()
    return 1000


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--contacts", type=int, default=100_000)
    p.add_argument("--limit", type=int, default=19, help="requests per interval (HubSpot: 190)")
    p.add_argument("--interval", type=float, default=1.0, help="seconds (HubSpot: 10)")
    p.add_argument("--store", action="store_true",
                   help="pull into / push from a workspace database instead of memory")
    asyncio.run(bench(p.parse_args()))


if __name__ == "__main__":
    main()
