"""With an LLM configured, the offline plan shows at once and the LLM's plan replaces it when it
arrives before the user acts (issue: offline plan first, LLM plan if in time)."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from ui_helpers import build

from desktop.services import planning

LLM_ANSWER = json.dumps({"actions": [
    {"kind": "update_deal", "target": {"type": "deal", "id": "5004", "name": "Globex Logistics - Fleet Analytics"},
     "fields": {"stage": "Negotiation", "amount": 250000}, "destructive": False}],
    "clarifications": [], "message": None})


def test_offline_plan_first_then_llm_refinement(qtbot, tmp_path):
    w = build(qtbot, tmp_path)
    backend = w.bridge.backend
    backend._planner = planning.build(backend.ws, "gpt-4o-mini", mock_response=LLM_ANSWER)
    backend._planner_dirty = False
    w.command_bar.field.setFocus()
    qtbot.keyClicks(w.command_bar.field, "Move Globex to negotiation")
    shown = []
    w.plan_shown.connect(shown.append)
    qtbot.keyClick(w.command_bar.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(shown) >= 1, timeout=15000)
    first = shown[0]
    assert first.actions and first.actions[0].target.name == "Globex Logistics - Fleet Analytics"
    qtbot.waitUntil(lambda: len(shown) >= 2, timeout=60000)
    refined = shown[1]
    assert refined.actions[0].fields == {"stage": "Negotiation", "amount": 250000}
    assert "amount" not in first.actions[0].fields
    assert w.plan_card.plan is refined and w.plan_card.isVisible()
