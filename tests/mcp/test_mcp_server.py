"""`spectrum mcp` as an assistant meets it: an MCP client from the official SDK starts the real
server over stdio (and over HTTP with a token), reads the workspace, plans, submits a plan that
waits in the approvals queue until the app's service approves it, and is refused by the kill
switch and the daily budget. Bad input gets a clear error and changes nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import anyio
import pytest
from mcp import Client, StdioServerParameters
from mcp.shared.exceptions import MCPError
from mcp_types import Implementation

from desktop.cli import main

ROOT = Path(__file__).resolve().parents[2]
ACME = "5001"  # "Acme Corp - Platform Rollout", in Qualified in the fixture


@pytest.fixture
def data_dir(tmp_path, fixture_dir):
    d = tmp_path / "data"
    assert main(["--data-dir", str(d), "import", str(fixture_dir)]) == 0
    return d


def server(data_dir: Path) -> StdioServerParameters:
    """The real `spectrum mcp` on stdio, run from this checkout."""
    return StdioServerParameters(command=sys.executable, args=["-m", "desktop", "--data-dir", str(data_dir), "mcp"],
                                 cwd=str(ROOT), env=dict(os.environ))


def client(data_dir: Path, name: str = "Claude Desktop", **kw) -> Client:
    return Client(server(data_dir), client_info=Implementation(name=name, version="1.0"), **kw)


def body(result) -> dict:
    assert not result.is_error, result.content[0].text
    return json.loads(result.content[0].text)


def error_text(result) -> str:
    assert result.is_error, f"expected a tool error, got {result.content[0].text[:200]}"
    return result.content[0].text


def open_ws(data_dir: Path):
    from desktop.bootstrap import open_workspace
    from desktop.config import Settings

    return open_workspace(Settings(data_dir=data_dir))


def deal_stage(data_dir: Path, deal_id: str = ACME) -> str:
    from desktop.store import queries

    ws = open_ws(data_dir)
    try:
        with ws.uow() as uow:
            return queries.show(uow.session, "deal", deal_id)["stage_label"]
    finally:
        ws.dispose()


def audit_rows(data_dir: Path) -> list[dict]:
    from desktop.store import schema as s

    ws = open_ws(data_dir)
    try:
        with ws.uow() as uow:
            return [{"actor": e.actor, "kind": e.kind, "summary": e.summary, "payload": json.loads(e.payload)}
                    for e in uow.session.query(s.AuditEntry).order_by(s.AuditEntry.id)]
    finally:
        ws.dispose()


def pending(data_dir: Path) -> list:
    from desktop.store import approvals

    ws = open_ws(data_dir)
    try:
        return approvals.list_approvals(ws)
    finally:
        ws.dispose()


def test_read_plan_submit_then_the_app_approves_and_it_is_applied_and_audited(data_dir):
    got: dict = {}

    async def session_one() -> None:
        async with client(data_dir) as c:
            tools = {t.name: t for t in (await c.list_tools()).tools}
            got["tools"] = tools
            got["search"] = body(await c.call_tool("search_records", {"kind": "deal", "name": "acme"}))
            got["by_stage"] = body(await c.call_tool("search_records", {"kind": "deal", "stage": "qualified"}))
            got["contacts"] = body(await c.call_tool("search_records", {"kind": "contact", "name": "sarah"}))
            got["stale"] = body(await c.call_tool("search_records", {"kind": "deal", "stale_days": 30}))
            got["record"] = body(await c.call_tool("get_record", {"kind": "deal", "id_or_name": ACME}))
            got["metrics"] = body(await c.call_tool("pipeline_metrics", {}))
            got["agents"] = body(await c.call_tool("agents_status", {}))
            got["summary"] = json.loads((await c.read_resource("spectrum://workspace/summary")).contents[0].text)
            got["stages"] = json.loads((await c.read_resource("spectrum://workspace/stages")).contents[0].text)
            got["plan"] = body(await c.call_tool("plan", {"instruction": "Move the Acme deal to Negotiation"}))
            got["stage_after_plan"] = deal_stage(data_dir)
            got["submitted"] = body(await c.call_tool("submit_plan", {"plan": got["plan"]["plan"]}))
            got["status_pending"] = body(await c.call_tool("plan_status",
                                                           {"approval_id": got["submitted"]["approval_id"]}))

    anyio.run(session_one)
    tools = got["tools"]
    assert set(tools) == {"search_records", "get_record", "pipeline_metrics", "agents_status", "plan",
                          "submit_plan", "plan_status"}  # nothing applies or deletes
    assert tools["search_records"].annotations.read_only_hint and not tools["submit_plan"].annotations.read_only_hint
    assert [r["name"] for r in got["search"]["records"]] == ["Acme Corp - Platform Rollout"]
    assert got["by_stage"]["records"] and {r["stage"] for r in got["by_stage"]["records"]} == {"Qualified"}
    assert got["contacts"]["records"] and all("sarah" in r["name"].lower() for r in got["contacts"]["records"])
    assert all(r["days_inactive"] >= 30 for r in got["stale"]["records"])
    assert got["record"]["name"] == "Acme Corp - Platform Rollout" and "activities" in got["record"] \
        and "tasks" in got["record"]
    with_report = subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(data_dir), "report", "--json"],
                                 cwd=ROOT, capture_output=True, text=True, timeout=120)
    report = json.loads(with_report.stdout)
    for key in ("mrr", "arr", "pipeline_value", "weighted_pipeline", "win_rate", "deals_by_stage"):
        assert got["metrics"][key] == report[key], key  # the same definitions as `spectrum report`
    assert {a["name"] for a in got["agents"]["agents"]} >= {"qualifier", "ghostbuster"}
    assert got["summary"]["counts"]["deals"] > 0 and "Negotiation" in got["summary"]["stages"]
    assert [s["label"] for s in got["stages"]["stages"]][:2] == ["Lead", "Qualified"]

    action = got["plan"]["plan"]["actions"][0]
    assert action["kind"] == "update_deal" and action["fields"] == {"stage": "Negotiation"}
    assert got["stage_after_plan"] == "Qualified"  # planning applies nothing
    approval_id = got["submitted"]["approval_id"]
    assert got["submitted"]["state"] == "pending" and got["status_pending"]["state"] == "pending"
    assert deal_stage(data_dir) == "Qualified"  # submitting applies nothing either

    queue = pending(data_dir)
    assert [(a.id, a.source) for a in queue] == [(approval_id, "mcp:Claude Desktop")]

    from desktop.config import Settings
    from desktop.services.backend import Backend

    backend = Backend.open(Settings(data_dir=data_dir))
    try:
        change = backend.approve(approval_id)  # the app's service, as the Approvals panel's Approve does
    finally:
        backend.close()
    assert deal_stage(data_dir) == "Negotiation"

    async def session_two() -> None:
        async with client(data_dir) as c:
            got["status_applied"] = body(await c.call_tool("plan_status", {"approval_id": approval_id}))

    anyio.run(session_two)
    assert got["status_applied"]["state"] == "applied" and got["status_applied"]["audit_id"] == change.audit_id

    rows = audit_rows(data_dir)
    calls = [r for r in rows if r["kind"] in ("mcp_call", "mcp_list")]
    assert all(r["actor"] == "mcp:Claude Desktop" and r["payload"]["client"] == "Claude Desktop" for r in calls)
    assert calls[0]["payload"]["call"] == "tools/list" and calls[0]["kind"] == "mcp_list"
    # (the SDK client also lists the tools on its own around a first call: lists are audited too)
    assert [r["payload"]["call"] for r in calls if r["kind"] == "mcp_call"] == [
        "tool search_records", "tool search_records", "tool search_records", "tool search_records",
        "tool get_record", "tool pipeline_metrics", "tool agents_status", "read spectrum://workspace/summary",
        "read spectrum://workspace/stages", "tool plan", "tool submit_plan", "tool plan_status",
        "tool plan_status"]
    assert any(f"approval #{approval_id}" in r["summary"] for r in calls)
    applied = [r for r in rows if r["kind"] == "plan_applied"]
    assert applied and applied[-1]["payload"]["source"] == "mcp:Claude Desktop"
    from desktop.store import audit

    ws = open_ws(data_dir)
    try:
        with ws.uow() as uow:
            assert audit.verify(uow.session).ok  # the chain holds with the MCP entries in it
    finally:
        ws.dispose()


def test_bad_input_gets_a_clear_error_and_changes_nothing(data_dir):
    plan_ok = {"transcript": "Move Acme to Negotiation", "actions": [
        {"kind": "update_deal", "target": {"type": "deal", "id": ACME, "name": "Acme Corp - Platform Rollout"},
         "fields": {"stage": "Negotiation"}}]}
    errors: dict[str, str] = {}

    async def go() -> None:
        async with client(data_dir, name="Cursor") as c:
            errors["unknown_arg"] = error_text(await c.call_tool("search_records", {"kind": "deal", "colour": "red"}))
            errors["unknown_arg_submit"] = error_text(await c.call_tool(
                "submit_plan", {"plan": plan_ok, "apply_now": True}))
            errors["bad_kind"] = error_text(await c.call_tool("search_records", {"kind": "invoice"}))
            errors["oversized"] = error_text(await c.call_tool(
                "plan", {"instruction": "Move Acme to Negotiation " + "x" * 100_000}))
            errors["oversized_plan"] = error_text(await c.call_tool(
                "submit_plan", {"plan": {**plan_ok, "transcript": "y" * 70_000}}))
            errors["long_instruction"] = error_text(await c.call_tool("plan", {"instruction": "z " * 2500}))
            errors["not_a_plan"] = error_text(await c.call_tool("submit_plan", {"plan": {"actions": [
                {"kind": "wire_money", "fields": {}}]}}))
            errors["bad_field"] = error_text(await c.call_tool("submit_plan", {"plan": {"actions": [
                {**plan_ok["actions"][0], "fields": {"password": "x"}}]}}))
            errors["no_such_deal"] = error_text(await c.call_tool("submit_plan", {"plan": {"actions": [
                {**plan_ok["actions"][0], "target": {"type": "deal", "id": "999999", "name": "Ghost deal"}}]}}))
            errors["question"] = error_text(await c.call_tool("submit_plan", {"plan": {
                **plan_ok, "clarifications": ["Which Acme?"]}}))
            errors["read_only"] = error_text(await c.call_tool("submit_plan", {"plan": {"actions": [
                {"kind": "answer", "fields": {"text": "hi"}}]}}))
            errors["delete_without_target"] = error_text(await c.call_tool("submit_plan", {"plan": {"actions": [
                {"kind": "delete_record"}]}}))
            errors["no_approval"] = error_text(await c.call_tool("plan_status", {"approval_id": 4242}))
            errors["missing_record"] = error_text(await c.call_tool("get_record", {"kind": "deal",
                                                                                   "id_or_name": "Nonexistent Co"}))
            errors["unknown_tool"] = error_text(await c.call_tool("apply_plan", {"plan": plan_ok}))
            with pytest.raises(MCPError) as exc:
                await c.read_resource("spectrum://workspace/passwords")
            errors["unknown_resource"] = str(exc.value)

    anyio.run(go)
    assert "does not take argument(s) colour" in errors["unknown_arg"]
    assert "does not take argument(s) apply_now" in errors["unknown_arg_submit"]
    assert "kind" in errors["bad_kind"]
    assert "bytes" in errors["oversized"] and "at most 65,536" in errors["oversized"]
    assert "bytes" in errors["oversized_plan"]
    assert "instruction" in errors["long_instruction"] and "4000" in errors["long_instruction"].replace(",", "")
    assert "not a valid Plan" in errors["not_a_plan"] and "kind" in errors["not_a_plan"]
    assert "does not take field(s): password" in errors["bad_field"]
    assert "no deal #999999" in errors["no_such_deal"]
    assert "open questions" in errors["question"]
    assert "changes nothing" in errors["read_only"]
    assert "delete_record needs a target" in errors["delete_without_target"]
    assert "no approval #4242" in errors["no_approval"]
    assert "no deal matches" in errors["missing_record"]
    assert "unknown tool 'apply_plan'" in errors["unknown_tool"]
    assert "passwords" in errors["unknown_resource"] or "Unknown resource" in errors["unknown_resource"]

    assert pending(data_dir) == []  # nothing was queued
    assert deal_stage(data_dir) == "Qualified"  # nothing was applied
    rows = audit_rows(data_dir)
    assert not [r for r in rows if r["kind"] == "plan_applied"]
    failed = [r for r in rows if r["kind"] == "mcp_call" and not r["payload"]["ok"]]
    assert len(failed) == 16 and all(r["actor"] == "mcp:Cursor" for r in failed)
    assert all(r["payload"]["error"] for r in failed)


def test_kill_switch_and_daily_budget_refuse_calls(data_dir):
    assert main(["--data-dir", str(data_dir), "mcp", "--budget", "3"]) == 0
    seen: dict = {}

    async def go() -> None:
        async with client(data_dir, name="Greedy Bot") as c:
            for _ in range(3):
                body(await c.call_tool("search_records", {"kind": "company", "name": "acme"}))
            with pytest.raises(MCPError) as exc:
                await c.call_tool("search_records", {"kind": "company", "name": "acme"})
            seen["budget"] = exc.value
            # the budget is per client; this one connects with the initialize handshake (as Claude Desktop does)
            async with client(data_dir, name="Other Assistant", mode="legacy") as other:
                seen["other"] = body(await other.call_tool("search_records", {"kind": "company", "name": "acme"}))
                assert main(["--data-dir", str(data_dir), "mcp", "--disable"]) == 0  # while both servers run
                with pytest.raises(MCPError) as exc:
                    await other.call_tool("search_records", {"kind": "company", "name": "acme"})
                seen["off"] = exc.value
                with pytest.raises(MCPError) as exc:
                    await other.read_resource("spectrum://workspace/summary")
                seen["off_read"] = exc.value
                with pytest.raises(MCPError) as exc:
                    await other.call_tool("submit_plan", {"plan": {"actions": []}})
                seen["off_submit"] = exc.value
                assert main(["--data-dir", str(data_dir), "mcp", "--enable"]) == 0
                seen["back"] = body(await other.call_tool("search_records", {"kind": "company", "name": "acme"}))

    anyio.run(go)
    assert seen["budget"].error.code == -32002 and "daily budget of 3" in seen["budget"].error.message
    assert seen["other"]["records"]
    for key in ("off", "off_read", "off_submit"):
        assert seen[key].error.code == -32001 and "MCP access is off" in seen[key].error.message
    assert seen["back"]["records"]
    assert pending(data_dir) == []
    rows = audit_rows(data_dir)
    refused = [(r["actor"], r["payload"]["call"]) for r in rows if r["kind"] == "mcp_refused"]
    assert refused == [("mcp:Greedy Bot", "tool search_records"), ("mcp:Other Assistant", "tool search_records"),
                       ("mcp:Other Assistant", "read spectrum://workspace/summary"),
                       ("mcp:Other Assistant", "tool submit_plan")]
    assert [r["summary"] for r in rows if r["kind"] == "kill_switch"] == ["MCP access OFF", "MCP access on"]
    served = [r for r in rows if r["kind"] == "mcp_call"]
    assert [r["actor"] for r in served].count("mcp:Greedy Bot") == 3  # refused calls are not served


def test_status_and_bad_budget_on_the_command_line(data_dir, capsys):
    assert main(["--data-dir", str(data_dir), "mcp", "--budget", "0"]) == 2
    assert "1 to 1,000,000" in capsys.readouterr().err
    assert main(["--data-dir", str(data_dir), "mcp", "--disable"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "mcp", "--status", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"access": "off", "daily_budget": 500}
    assert main(["--data-dir", str(data_dir), "mcp", "--http", "--host", "0.0.0.0", "--port", "0"]) == 2
    assert "listens on this machine only" in capsys.readouterr().err


def test_streamable_http_needs_the_token(data_dir):
    import httpx
    import httpx2
    from mcp.client.streamable_http import streamable_http_client

    env = dict(os.environ, SPECTRUM_MCP_TOKEN="test-token-123")
    proc = subprocess.Popen([sys.executable, "-m", "desktop", "--data-dir", str(data_dir), "mcp", "--http",
                             "--port", "0"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True)
    try:
        url = None
        for line in proc.stderr:
            if "listening on " in line:
                url = line.split("listening on ", 1)[1].split()[0]
                break
        assert url and url.startswith("http://127.0.0.1:") and url.endswith("/mcp")
        assert "test-token-123" not in line  # a chosen token is never printed
        denied = httpx.post(url, json={"jsonrpc": "2.0", "id": 1, "method": "tools/list"}, timeout=30)
        assert denied.status_code == 401 and "bearer token" in denied.json()["error"]
        wrong = httpx.post(url, json={}, headers={"Authorization": "Bearer nope"}, timeout=30)
        assert wrong.status_code == 401
        out: dict = {}

        async def go() -> None:
            http = httpx2.AsyncClient(headers={"Authorization": "Bearer test-token-123"})
            async with http, Client(streamable_http_client(url, http_client=http),
                                    client_info=Implementation(name="HTTP Client", version="1")) as c:
                out["found"] = body(await c.call_tool("search_records", {"kind": "deal", "name": "acme"}))

        anyio.run(go)
        assert out["found"]["records"][0]["id"] == int(ACME)
        assert any(r["actor"] == "mcp:HTTP Client" for r in audit_rows(data_dir))
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        proc.stderr.close()
