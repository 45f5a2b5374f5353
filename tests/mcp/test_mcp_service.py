"""The MCP service without the protocol: destructive plans wait for an explicit confirmation,
plans are checked before they are queued, searches filter as documented."""

from __future__ import annotations

from datetime import datetime

import pytest

from desktop.config import Settings
from desktop.domain.plan import Action, Plan, Target
from desktop.mcp.service import McpService, ToolInputError
from desktop.store import approvals
from desktop.store.executor import NeedsConfirmation

NOW = datetime(2026, 11, 21, 9, 0)


@pytest.fixture
def service(workspace, tmp_path):
    return McpService(workspace, Settings(data_dir=tmp_path), now=lambda: NOW, utcnow=lambda: NOW)


def test_a_destructive_plan_is_marked_and_needs_the_users_explicit_confirmation(service, workspace, tmp_path):
    plan = Plan(transcript="Delete the Acme deal", actions=[Action(
        kind="delete_record", target=Target(type="deal", id="5001", name="Acme Corp - Platform Rollout"))])
    out = service.submit_plan("Claude Desktop", plan.model_dump())
    assert out["destructive"] and "DELETES" in out["note"]
    assert (tmp_path / "approvals.signal").read_text().strip() == str(out["approval_id"])
    done, skipped = approvals.approve_all_safe(workspace)  # "Approve all safe" leaves it alone
    assert done == [] and skipped[0][0] == out["approval_id"] and "destructive" in skipped[0][1]
    with pytest.raises(NeedsConfirmation):
        approvals.approve(workspace, out["approval_id"])
    assert service.plan_status(out["approval_id"])["state"] == "pending"
    assert service.get_record("deal", "5001")["name"] == "Acme Corp - Platform Rollout"  # still there
    approvals.approve(workspace, out["approval_id"], confirmed_destructive=True)
    assert service.plan_status(out["approval_id"])["state"] == "applied"
    with pytest.raises(ToolInputError):
        service.get_record("deal", "5001")


def test_plans_are_checked_before_they_are_queued(service, workspace):
    create_then_task = {"transcript": "", "actions": [
        {"kind": "create_contact", "fields": {"first_name": "Ada", "last_name": "Byron"}},
        {"kind": "create_task", "target": {"type": "contact", "id": "new:0", "name": "Ada Byron"},
         "fields": {"title": "Call Ada"}}]}
    assert service.submit_plan("Cursor", create_then_task)["state"] == "pending"
    forward_ref = {"actions": [
        {"kind": "create_task", "target": {"type": "contact", "id": "new:1", "name": "Ada Byron"},
         "fields": {"title": "Call Ada"}},
        {"kind": "create_contact", "fields": {"first_name": "Ada", "last_name": "Byron"}}]}
    with pytest.raises(ToolInputError, match="names no earlier create action"):
        service.submit_plan("Cursor", forward_ref)
    with pytest.raises(ToolInputError, match="limit is 100"):
        service.submit_plan("Cursor", {"actions": [create_then_task["actions"][0]] * 101})
    with pytest.raises(ToolInputError, match="must be a Plan object"):
        service.submit_plan("Cursor", ["not", "a", "plan"])
    assert len(approvals.list_approvals(workspace)) == 1
    assert approvals.list_approvals(workspace)[0].source == "mcp:Cursor"


def test_search_filters(service):
    qualified = service.search_records("deal", stage="Qualified")["records"]
    assert qualified and all(r["stage"] == "Qualified" for r in qualified)
    stale = service.search_records("deal", stale_days=14)["records"]
    assert stale and all(r["days_inactive"] >= 14 for r in stale)
    assert [r["days_inactive"] for r in stale] == sorted((r["days_inactive"] for r in stale), reverse=True)
    some = service.search_records("contact", limit=3)
    assert some["count"] == 3 and some["truncated"]
    with pytest.raises(ToolInputError, match="companies are searched by name only"):
        service.search_records("company", stage="Lead")
    assert service.search_records("deal", name="%")["records"] == []  # LIKE wildcards are escaped
