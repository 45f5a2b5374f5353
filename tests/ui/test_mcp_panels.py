"""The app's side of `spectrum mcp`: the Approvals panel says where each plan came from (voice,
typed, agent, MCP client) and approves an MCP client's plan; Settings holds the MCP kill switch
(applied at once) and the daily budget per client."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from ui_helpers import build

from desktop.domain.plan import Action, Plan, Target
from desktop.mcp.service import AccessRefused, McpService
from desktop.store import approvals, queries

APPROVALS, SETTINGS = 5, 8


def move(stage: str) -> Plan:
    return Plan(transcript=f"Move the Acme deal to {stage}", actions=[Action(
        kind="update_deal", target=Target(type="deal", id="5001", name="Acme Corp - Platform Rollout"),
        fields={"stage": stage})])


def test_approvals_panel_shows_each_plans_source_and_approves_an_mcp_plan(qtbot, tmp_path):
    w = build(qtbot, tmp_path)
    ws, settings = w.bridge.backend.ws, w.bridge.backend.settings
    approvals.submit(ws, move("Proposal Sent"), source="voice")
    approvals.submit(ws, move("Demo Scheduled"), source="text")
    approvals.submit(ws, move("Lead"), source="agent:ghostbuster")
    mcp_id = McpService(ws, settings).submit_plan("Claude Desktop", move("Negotiation").model_dump())["approval_id"]
    w.show_panel(APPROVALS)
    panel = w.approvals
    qtbot.waitUntil(lambda: panel.model.rowCount() == 4, timeout=10000)
    col = [c for c, _ in panel.model.columns].index("source")
    shown = [panel.model.index(r, col).data() for r in range(4)]
    assert shown == ["Voice", "Typed", "Agent: ghostbuster", "MCP: Claude Desktop"]
    panel.table.selectRow(3)
    qtbot.waitUntil(lambda: panel.card.isVisible() and panel.origin.isVisible(), timeout=10000)
    assert "MCP: Claude Desktop" in panel.origin.text() and "nothing changes until you approve" in panel.origin.text()
    with qtbot.waitSignal(w.bridge.changed, timeout=10000):
        qtbot.mouseClick(panel.card.confirm_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 3, timeout=10000)
    with ws.uow() as uow:
        assert queries.show(uow.session, "deal", "5001")["stage_label"] == "Negotiation"
    assert McpService(ws, settings).plan_status(mcp_id)["state"] == "applied"
    w.close()


def test_settings_mcp_kill_switch_applies_at_once_and_budget_on_save(qtbot, tmp_path):
    w = build(qtbot, tmp_path)
    service = McpService(w.bridge.backend.ws, w.bridge.backend.settings)
    service.gate("Cursor")  # on by default
    service.audit("Cursor", "tool search_records", {"kind": "deal"}, ok=True)
    w.show_panel(SETTINGS)
    sp = w.settings_panel
    qtbot.waitUntil(lambda: "Cursor 1" in sp.mcp_state.text(), timeout=10000)
    assert sp.mcp_on.isChecked() and sp.mcp_budget.value() == 500
    with qtbot.waitSignal(w.bridge.changed, timeout=10000):
        sp.mcp_on.click()
    qtbot.waitUntil(lambda: "OFF" in sp.mcp_state.text(), timeout=10000)
    with pytest.raises(AccessRefused) as exc:
        service.gate("Cursor")
    assert exc.value.reason == "off"
    with qtbot.waitSignal(w.bridge.changed, timeout=10000):
        sp.mcp_on.click()
    service.gate("Cursor")
    sp.mcp_budget.setValue(1)
    with qtbot.waitSignal(w.bridge.changed, timeout=10000, check_params_cb=lambda ch: "settings" in ch.scopes):
        qtbot.mouseClick(sp.save, Qt.MouseButton.LeftButton)
    assert w.bridge.backend.mcp_access()["daily_budget"] == 1
    with pytest.raises(AccessRefused) as exc:
        service.gate("Cursor")  # Cursor made 1 call today
    assert exc.value.reason == "budget"
    service.gate("Claude Desktop")  # the budget is per client
    w.close()


def test_a_plan_submitted_by_an_mcp_client_appears_while_the_app_runs(qtbot, tmp_path):
    w = build(qtbot, tmp_path)
    w.show_panel(APPROVALS)
    panel = w.approvals
    qtbot.waitUntil(lambda: w.approvals_label.text() == "Approvals: 0", timeout=10000)
    qtbot.waitUntil(lambda: bool(w._approvals_watch.files()), timeout=10000)
    # another process's server in real use; a second service over the same workspace files here
    from desktop.bootstrap import open_workspace

    ws = open_workspace(w.bridge.backend.settings)
    try:
        McpService(ws, w.bridge.backend.settings).submit_plan("Cursor", move("Negotiation").model_dump())
    finally:
        ws.dispose()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=10000)
    assert panel.model.rows[0]["source"] == "MCP: Cursor"
    qtbot.waitUntil(lambda: w.approvals_label.text() == "Approvals: 1", timeout=10000)
    w.close()
