"""The plan editor, driven by keyboard and mouse through the real main window: edit a pending
approval's amount and approve it; edit the Plan card's stage before confirming."""

from __future__ import annotations

from PySide6.QtCore import Qt
from test_main_window import ACME, confirm, count, type_instruction

from desktop.domain.plan import Action, Plan, Target


def deal_amount(w, deal_id: int):
    return w.bridge.backend.deal_rows([deal_id])[0]["amount"]


def test_edit_amount_of_pending_approval_then_approve(qtbot, window):
    w = window
    type_instruction(qtbot, w, "Acme budget is 100K")
    with qtbot.waitSignal(w.bridge.changed, timeout=10000):
        qtbot.mouseClick(w.plan_card.later_btn, Qt.MouseButton.LeftButton)
    w.show_panel(5)
    panel = w.approvals
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=10000)
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Down)  # keyboard selection opens the plan
    qtbot.waitUntil(lambda: panel.card.isVisible() and panel.card.plan is not None, timeout=10000)
    qtbot.keyClick(panel.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: panel.plan_editor is not None and panel.plan_editor.isVisible(), timeout=10000)
    dlg = panel.plan_editor
    amount = dlg.editors[0]["amount"].widget
    assert amount.value() == 100000
    assert amount.accessibleDescription() == "Current value: 60,000"  # shown as "now: 60,000"
    assert dlg.editors[0]["stage"].widget.count() > 5  # the workspace's stage labels
    amount.setFocus()
    amount.selectAll()
    qtbot.keyClicks(amount, "123456")
    with qtbot.waitSignal(w.bridge.changed, timeout=10000):
        qtbot.keyClick(amount, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: panel.result.text().startswith("Saved the edited plan"), timeout=10000)
    stored = w.bridge.backend.approvals()[0].plan
    assert stored.actions[0].fields["amount"] == 123456
    qtbot.waitUntil(lambda: panel.card.plan.actions[0].fields.get("amount") == 123456, timeout=10000)
    assert any("123" in v.sentence for v in panel.card.views)
    assert deal_amount(w, 5001) == 60000
    with qtbot.waitSignal(w.bridge.changed, timeout=10000):
        qtbot.mouseClick(panel.card.confirm_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.result.text().startswith("Approved"), timeout=10000)
    assert deal_amount(w, 5001) == 123456
    assert w.bridge.backend.approvals() == []


def test_plan_card_edit_changes_stage_before_confirming(qtbot, window):
    w = window
    type_instruction(qtbot, w, "Move Acme to Negotiation")
    qtbot.keyClick(w.command_bar.field, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: getattr(w, "plan_editor", None) is not None, timeout=10000)
    dlg = w.plan_editor
    stage = dlg.editors[0]["stage"].widget
    assert stage.currentText() == "Negotiation"
    stage.setCurrentIndex(stage.findText("Proposal Sent"))
    with qtbot.waitSignal(w.plan_shown, timeout=10000) as blocker:
        qtbot.mouseClick(dlg.save_btn, Qt.MouseButton.LeftButton)
    assert blocker.args[0].actions[0].fields["stage"] == "Proposal Sent"
    assert blocker.args[0].actions[0].target.name == ACME
    assert count(w, "Proposal Sent") == 6  # nothing applied before Confirm
    confirm(qtbot, w)
    qtbot.waitUntil(lambda: count(w, "Proposal Sent") == 7, timeout=10000)


def test_editor_unset_field_and_rephrase(qtbot, window):
    from desktop.ui.widgets.plan_editor import PlanEditorDialog

    plan = Plan(transcript="Acme close date June 30, amount 5K",
                actions=[Action(kind="update_deal", target=Target(type="deal", id="5001", name=ACME),
                                fields={"close_date": "2026-06-30", "amount": 5000})])
    dlg = PlanEditorDialog(plan, ["Qualified", "Negotiation"], window)
    qtbot.addWidget(dlg)
    eds = dlg.editors[0]
    assert eds["close_date"].widget.text() == "2026-06-30"
    assert dlg.edited().model_dump() == plan.model_dump()  # no edits: the same plan
    eds["amount"].widget.setValue(eds["amount"].widget.minimum())  # "—": not set
    eds["close_date"].widget.setDate(eds["close_date"].widget.date().addDays(1))
    dlg.save()
    assert dlg.result() == dlg.DialogCode.Accepted
    assert dlg.plan.actions[0].fields == {"close_date": "2026-07-01"}
    dlg2 = PlanEditorDialog(plan, [], window)
    qtbot.addWidget(dlg2)
    qtbot.mouseClick(dlg2.rephrase_btn, Qt.MouseButton.LeftButton)
    assert dlg2.rephrase and dlg2.result() == dlg2.DialogCode.Rejected
