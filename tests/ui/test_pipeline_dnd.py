"""Dragging a deal card between board columns through Qt's own event path, as far as the offscreen
platform allows.

What runs for real: QTest mouse press and move on the source column's viewport, which the list
view turns into its ``startDrag`` (the board's :class:`CardListView`), building the QDrag with the
model's real mime data; then QDragEnter / QDragMove / QDrop events carrying that mime data, sent to
the destination column's viewport, which Qt routes through ``QAbstractItemView.dropEvent`` to the
model's ``canDropMimeData`` / ``dropMimeData`` and on to the Plan card.

What cannot be tested offscreen: the platform drag loop itself (``QDrag.exec`` blocks in the
platform's drag manager, which tracks the real pointer and has no synthetic cursor offscreen), so the
test replaces ``QDrag.exec`` with a stub that records the drag and reports a move; the drag pixmap
following the pointer and the OS drop-target highlighting are therefore not covered.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDrag, QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from test_main_window import ACME, confirm, count

from desktop.ui.models import DEAL_MIME


@pytest.mark.filterwarnings("ignore:Function.*QDrag.*deprecated:DeprecationWarning")
def test_drag_card_through_qt_drag_and_drop_events(qtbot, window, monkeypatch):
    w = window
    src = w.pipeline.column_for("Qualified")
    dst = w.pipeline.column_for("Proposal Sent")
    drags: list[QDrag] = []

    def fake_exec(drag, *args):
        drags.append(drag)
        return Qt.DropAction.MoveAction

    monkeypatch.setattr(QDrag, "exec", fake_exec)
    row = next(i for i, c in enumerate(src.model.cards) if c["name"] == ACME)
    vp = src.view.viewport()
    start = src.view.visualRect(src.model.index(row, 0)).center()
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    step = QApplication.startDragDistance() + 5
    for k in (1, 2, 3):
        QTest.mouseMove(vp, start + QPoint(step * k, step * k))
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start + QPoint(3 * step, 3 * step))
    assert len(drags) == 1, "the press-and-move did not start a drag"
    mime = drags[0].mimeData()
    assert mime.hasFormat(DEAL_MIME) and not drags[0].pixmap().isNull()

    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    # over its own column the card is refused (no plan for a drop on the same stage)
    own = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.MoveAction, mime, buttons, mods)
    QApplication.sendEvent(vp, own)
    own_move = QDragMoveEvent(QPoint(5, 5), Qt.DropAction.MoveAction, mime, buttons, mods)
    QApplication.sendEvent(vp, own_move)
    assert not own_move.isAccepted()
    QApplication.sendEvent(vp, QDragLeaveEvent())  # the pointer leaves the source column

    target = dst.view.viewport()
    pos = QPointF(target.rect().center())
    enter = QDragEnterEvent(pos.toPoint(), Qt.DropAction.MoveAction, mime, buttons, mods)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted(), "the destination column refused the card"
    move = QDragMoveEvent(pos.toPoint(), Qt.DropAction.MoveAction, mime, buttons, mods)
    QApplication.sendEvent(target, move)
    assert move.isAccepted()
    with qtbot.waitSignal(w.plan_shown, timeout=10000) as blocker:
        QApplication.sendEvent(target, QDropEvent(pos, Qt.DropAction.MoveAction, mime, buttons, mods))
    plan = blocker.args[0]
    assert plan.actions[0].fields == {"stage": "Proposal Sent"} and plan.actions[0].target.name == ACME
    assert count(w, "Proposal Sent") == 6  # nothing moved before the confirmation
    confirm(qtbot, w)
    qtbot.waitUntil(lambda: count(w, "Proposal Sent") == 7, timeout=10000)
