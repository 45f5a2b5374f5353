"""MCP tool-call latency of `spectrum mcp` on a large workspace: an MCP client from the official SDK
starts the real server over stdio and times each call from the client's side (request written ->
result parsed: JSON-RPC over the pipe, the gate, the tool, the audit entry).

    .venv/bin/python benchmarks/synth.py bench-data/synth                      # once (lead's script)
    .venv/bin/spectrum --data-dir .tmp/benchws import bench-data/synth          # once
    .venv/bin/python benchmarks/mcp_latency.py --data-dir .tmp/benchws [--rounds 30]

The synthetic workspace has 100,000 contacts, 20,000 companies, 50,000 deals and 500,000 activities.
The workspace file is copied to a temporary folder first (each call writes an audit entry), unless
``--in-place``. Figures (milliseconds): server start (process start -> tools listed), the first
``plan`` call (builds the planner's entity index), then p50 / p95 / max per tool over ``--rounds``
rounds, and over all calls.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import anyio  # noqa: E402
from mcp import Client, StdioServerParameters  # noqa: E402
from mcp_types import Implementation  # noqa: E402


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def payload(result) -> dict:
    if result.is_error:
        raise RuntimeError(result.content[0].text)
    return json.loads(result.content[0].text)


async def bench(data_dir: Path, rounds: int) -> dict:
    params = StdioServerParameters(command=sys.executable, args=["-m", "desktop", "--data-dir", str(data_dir), "mcp"],
                                   cwd=str(ROOT), env=dict(os.environ))
    times: dict[str, list[float]] = {}
    t0 = time.perf_counter()
    async with Client(params, client_info=Implementation(name="mcp_latency benchmark", version="1")) as c:
        await c.list_tools()
        start_ms = (time.perf_counter() - t0) * 1000

        async def timed(label: str, call):
            s = time.perf_counter()
            out = await call
            times.setdefault(label, []).append((time.perf_counter() - s) * 1000)
            return out

        deals = payload(await c.call_tool("search_records", {"kind": "deal", "name": "acme", "limit": 50}))["records"]
        contacts = payload(await c.call_tool("search_records", {"kind": "contact", "name": "sarah chen",
                                                                "limit": 50}))["records"]
        deal, contact = deals[0], contacts[0]
        s = time.perf_counter()
        first = payload(await c.call_tool("plan", {"instruction": f"Move {deal['name']} to Negotiation"}))
        first_plan_ms = (time.perf_counter() - s) * 1000
        instructions = [f"Move {deal['name']} to Negotiation", f"Set the amount of {deal['name']} to 120k",
                        f"Log a call with {contact['name']}: they want a demo next week",
                        f"Remind me to follow up with {contact['name']} on Friday",
                        "Which deals has nobody touched in three weeks?"]
        submit = {"transcript": f"Move {deal['name']} to Negotiation", "actions": [
            {"kind": "update_deal", "target": {"type": "deal", "id": str(deal["id"]), "name": deal["name"]},
             "fields": {"stage": "Negotiation"}}]}
        approval_ids = []
        for r in range(rounds):
            payload(await timed("search_records deal name", c.call_tool(
                "search_records", {"kind": "deal", "name": "acme"})))
            payload(await timed("search_records contact name", c.call_tool(
                "search_records", {"kind": "contact", "name": contact["name"].split()[0]})))
            payload(await timed("search_records stale deals", c.call_tool(
                "search_records", {"kind": "deal", "stale_days": 21, "stage": "Proposal Sent"})))
            payload(await timed("search_records company", c.call_tool(
                "search_records", {"kind": "company", "name": "labs"})))
            payload(await timed("get_record deal", c.call_tool(
                "get_record", {"kind": "deal", "id_or_name": str(deals[r % len(deals)]["id"])})))
            payload(await timed("get_record contact", c.call_tool(
                "get_record", {"kind": "contact", "id_or_name": str(contacts[r % len(contacts)]["id"])})))
            payload(await timed("pipeline_metrics", c.call_tool("pipeline_metrics", {})))
            payload(await timed("agents_status", c.call_tool("agents_status", {})))
            payload(await timed("plan", c.call_tool("plan", {"instruction": instructions[r % len(instructions)]})))
            sub = payload(await timed("submit_plan", c.call_tool("submit_plan", {"plan": submit})))
            approval_ids.append(sub["approval_id"])
            payload(await timed("plan_status", c.call_tool("plan_status", {"approval_id": sub["approval_id"]})))
            await timed("read summary", c.read_resource("spectrum://workspace/summary"))
            await timed("read stages", c.read_resource("spectrum://workspace/stages"))
    return {"start_ms": start_ms, "first_plan_ms": first_plan_ms, "first_plan_actions": len(first["plan"]["actions"]),
            "times": times, "approvals": len(approval_ids)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-dir", type=Path, required=True, help="a workspace folder holding workspace.db")
    ap.add_argument("--rounds", type=int, default=30)
    ap.add_argument("--in-place", action="store_true", help="use the workspace itself, not a copy")
    a = ap.parse_args()
    data_dir = a.data_dir
    tmp = None
    if not a.in_place:
        tmp = Path(tempfile.mkdtemp(prefix="mcp-bench-"))
        shutil.copy2(a.data_dir / "workspace.db", tmp / "workspace.db")
        data_dir = tmp
    try:
        from desktop.bootstrap import open_workspace
        from desktop.config import Settings
        from desktop.store import mcp_access

        ws = open_workspace(Settings(data_dir=data_dir))
        with ws.uow() as uow:
            counts = mcp_access.workspace_counts(uow.session)
        mcp_access.set_daily_budget(ws, 1_000_000, actor="benchmark")  # the benchmark makes more calls than 500
        ws.dispose()
        print(f"workspace: {counts['contacts']:,} contacts / {counts['companies']:,} companies / "
              f"{counts['deals']:,} deals; {os.cpu_count()} CPU cores; {a.rounds} rounds; "
              f"load average before: {os.getloadavg()[0]:.2f}", flush=True)
        res = anyio.run(bench, data_dir, a.rounds)
        print(f"load average after: {os.getloadavg()[0]:.2f} (other work on the machine slows every figure)")
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    print(f"server start (spawn -> tools listed): {res['start_ms']:,.0f} ms")
    print(f"first plan (builds the planner's entity index): {res['first_plan_ms']:,.0f} ms")
    every: list[float] = []
    for label, values in res["times"].items():
        every += values
        print(f"  {label:<28} n={len(values):<4} p50 {pct(values, 50):8.1f} ms   p95 {pct(values, 95):8.1f} ms   "
              f"max {max(values):8.1f} ms")
    print(f"all tool calls and reads: n={len(every)}, p50 {pct(every, 50):.1f} ms, p95 {pct(every, 95):.1f} ms, "
          f"mean {statistics.mean(every):.1f} ms")
    print(f"({res['approvals']} plans submitted to the approvals queue of the copy; nothing applied)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
