"""Accessibility: shortcuts are shown in tooltips and every shortcut a tooltip promises exists; the
Approvals panel is usable with Tab and its shortcuts; text sizes come from the system font (no
pixel sizes) and follow it when it changes."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from test_main_window import type_instruction

from desktop.ui import theme

NATIVE = QKeySequence.SequenceFormat.PortableText
CLAIM = re.compile(r"\b((?:(?:Ctrl|Alt|Shift)\+)+(?:[A-Z0-9]|Enter|Return|Esc)|F\d{1,2})\b")


def norm(key: str) -> str:
    return key.replace("Return", "Enter").replace("Escape", "Esc")


def load_all_panels(qtbot, w) -> None:
    for i in range(len(w.panels)):
        w.show_panel(i)
    qtbot.waitUntil(lambda: w.approvals.model.rowCount() >= 0 and w.settings_panel.isVisible(), timeout=5000)


def existing_shortcuts(w) -> set[str]:
    keys: set[str] = set()
    for b in w.findChildren(QAbstractButton):
        if not b.shortcut().isEmpty():
            keys.add(norm(b.shortcut().toString(NATIVE)))
        m = re.search(r"&(\w)", b.text())
        if m:
            keys.add(f"Alt+{m.group(1).upper()}")
    for a in w.findChildren(QAction):
        keys |= {norm(k.toString(NATIVE)) for k in a.shortcuts()}
    for s in w.findChildren(QShortcut):
        keys.add(norm(s.key().toString(NATIVE)))
    return keys


def test_tooltips_show_shortcuts_and_promise_only_real_ones(qtbot, window):
    w = window
    type_instruction(qtbot, w, "Move Acme to Negotiation")  # the Plan card's buttons are shown
    load_all_panels(qtbot, w)
    keys = existing_shortcuts(w) | {str(w.qs.value("voice/ptt_key", "F9"))}  # push-to-talk: an app-wide key filter
    missing = []
    for b in w.findChildren(QAbstractButton):
        sc = norm(b.shortcut().toString(NATIVE))
        if sc and sc != "Esc" and sc not in norm(b.toolTip()):
            missing.append((b.text(), sc, b.toolTip()))
    for a in w.findChildren(QAction):
        sc = norm(a.shortcut().toString(NATIVE))
        if sc and a.associatedObjects() and any(isinstance(o, QWidget) and o is not w and o.isVisible()
                                                 and type(o).__name__ == "QToolButton" for o in a.associatedObjects()):
            if sc not in norm(a.toolTip()):
                missing.append((a.text(), sc, a.toolTip()))
    assert not missing, f"tooltips without their shortcut: {missing}"
    # a button's text changes (armed Confirm, kill switch state) keep its shortcut
    assert w.kill_switch.shortcut().toString(NATIVE) == "Ctrl+Shift+K"
    assert w.plan_card.confirm_btn.shortcut().toString(NATIVE) == "Ctrl+Return"
    assert w.approvals.card.confirm_btn.shortcut().toString(NATIVE) == "Ctrl+Return"
    tips = [wd.toolTip() for wd in w.findChildren(QWidget)] + [a.toolTip() for a in w.findChildren(QAction)]
    tips += [w.sidebar.item(i).toolTip() for i in range(w.sidebar.count())]
    false = sorted({(k, t) for t in tips for k in CLAIM.findall(t) if norm(k) not in keys})
    assert not false, f"tooltips promise shortcuts that do not exist: {false}"


def test_pipeline_ctrl_f_focuses_the_table_search(qtbot, window):
    w = window
    w.command_bar.field.setFocus()
    qtbot.keyClick(w.command_bar.field, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert w.pipeline.tabs.currentIndex() == 1
    qtbot.waitUntil(lambda: QApplication.focusWidget() is w.pipeline.search, timeout=2000)


def test_approvals_reachable_with_tab_and_shortcuts_win_inside_the_panel(qtbot, window):
    w = window
    type_instruction(qtbot, w, "Move Acme to Negotiation")
    with qtbot.waitSignal(w.bridge.changed, timeout=10000):
        qtbot.mouseClick(w.plan_card.later_btn, Qt.MouseButton.LeftButton)
    type_instruction(qtbot, w, "Acme budget is 100K")  # the command bar's card stays visible
    qtbot.keyClick(w.command_bar.field, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    panel = w.approvals
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=10000)
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: panel.card.isVisible() and panel.card.plan is not None, timeout=10000)
    assert w.plan_card.isVisible()
    reached = set()
    for _ in range(40):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.add(QApplication.focusWidget())
    for b in (panel.batch, panel.card.edit_btn, panel.card.cancel_btn, panel.card.confirm_btn, panel.table):
        assert b in reached, f"{b.text() if hasattr(b, 'text') else b} not reachable with Tab"
    # both cards are visible; with the focus in Approvals, Ctrl+Enter approves the approval
    panel.table.setFocus()
    with qtbot.waitSignal(w.bridge.changed, timeout=10000):
        qtbot.keyClick(panel.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: panel.result.text().startswith("Approved"), timeout=10000)
    assert w.plan_card.isVisible()  # the command bar's plan was not applied


def test_no_pixel_font_sizes_and_text_follows_the_system_font(qtbot, window):
    w = window
    sheet = theme.stylesheet()
    assert "font-size" not in sheet and not re.search(r"font:\s*\d", sheet)
    load_all_panels(qtbot, w)
    pixel = [type(x).__name__ for x in w.findChildren(QWidget) if x.font().pixelSize() != -1]
    assert not pixel, f"widgets with pixel font sizes: {pixel}"
    heading = next(lab for lab in w.approvals.findChildren(QLabel) if lab.text() == "Approvals")
    app = QApplication.instance()
    before = QFont(app.font())
    try:
        bigger = QFont(before)
        bigger.setPointSizeF(before.pointSizeF() * 1.5)
        app.setFont(bigger)
        qtbot.waitUntil(lambda: abs(heading.font().pointSizeF() - bigger.pointSizeF() * 1.45) < 0.1, timeout=2000)
        qtbot.waitUntil(lambda: abs(heading.font().pointSizeF() - bigger.pointSizeF() * 1.45) < 0.1, timeout=2000)
        assert w.command_bar.field.font().pointSizeF() == bigger.pointSizeF()
        assert w.plan_card.title.font().pointSizeF() > before.pointSizeF() * 1.5
    finally:
        app.setFont(before)
    qtbot.waitUntil(lambda: abs(heading.font().pointSizeF() - before.pointSizeF() * 1.45) < 0.1, timeout=2000)


def test_pipeline_table_opens_a_deal_with_enter(qtbot, window):
    w = window
    qtbot.keyClick(w.command_bar.field, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(w.pipeline.search, "Acme")
    qtbot.waitUntil(lambda: w.pipeline.table_model.rowCount() >= 1
                    and all("Acme" in (r["name"] + (r["company"] or "")) for r in w.pipeline.table_model.rows),
                    timeout=10000)
    qtbot.keyClick(w.pipeline.search, Qt.Key.Key_Tab)  # Tab: search -> stage filter -> table
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is w.pipeline.table
    qtbot.keyClick(w.pipeline.table, Qt.Key.Key_Down)
    with qtbot.waitSignal(w.pipeline.open_record, timeout=5000) as blocker:
        qtbot.keyClick(w.pipeline.table, Qt.Key.Key_Return)
    assert blocker.args[0] == "deal"
    qtbot.waitUntil(lambda: len(w._records) == 1, timeout=10000)
