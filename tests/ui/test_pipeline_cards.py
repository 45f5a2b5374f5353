"""Board cards as the user sees them: painted from the card (name, company, amount, close date),
selection shows, tooltips and accessible text per card, and a card whose data changed is painted
anew (the delegate caches card pictures)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QImage
from test_main_window import ACME


def card_image(view, row: int) -> QImage:
    rect = view.visualRect(view.model().index(row, 0))
    return view.viewport().grab(rect).toImage()


def test_cards_are_painted_and_selection_shows(qtbot, window):
    col = window.pipeline.column_for("Qualified")
    row = next(i for i, c in enumerate(col.model.cards) if c["name"] == ACME)
    before = card_image(col.view, row)
    assert len({before.pixel(x, before.height() // 2) for x in range(before.width())}) > 3  # text drawn
    col.view.selectionModel().select(col.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    qtbot.waitUntil(lambda: card_image(col.view, row) != before, timeout=5000)


def test_card_tooltip_and_accessible_text(window):
    col = window.pipeline.column_for("Qualified")
    row = next(i for i, c in enumerate(col.model.cards) if c["name"] == ACME)
    index = col.model.index(row, 0)
    assert ACME in index.data(Qt.ItemDataRole.ToolTipRole) and "Double-click" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert index.data(Qt.ItemDataRole.AccessibleTextRole).startswith(f"{ACME}, ")
    assert index.flags() & Qt.ItemFlag.ItemIsDragEnabled and index.flags() & Qt.ItemFlag.ItemIsSelectable


def test_a_changed_card_is_painted_anew(qtbot, window):
    col = window.pipeline.column_for("Qualified")
    cards = list(col.model.cards)
    row = next(i for i, c in enumerate(cards) if c["name"] == ACME)
    before = card_image(col.view, row)
    cards[row] = dict(cards[row], name="Renamed deal", amount=(cards[row].get("amount") or 0) + 12345)
    col.model.set_cards(cards)
    qtbot.waitUntil(lambda: card_image(col.view, row) != before, timeout=5000)
    assert col.model.index(row, 0).data(Qt.ItemDataRole.DisplayRole) == "Renamed deal"


def test_double_click_on_a_card_opens_the_deal(qtbot, window):
    from PySide6.QtTest import QTest

    col = window.pipeline.column_for("Qualified")
    row = next(i for i, c in enumerate(col.model.cards) if c["name"] == ACME)
    center = col.view.visualRect(col.model.index(row, 0)).center()
    vp, left, none = col.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    with qtbot.waitSignal(window.pipeline.open_record, timeout=5000) as blocker:
        QTest.mousePress(vp, left, none, center)  # a real double-click: press, release, double-click
        QTest.mouseRelease(vp, left, none, center)
        QTest.mouseDClick(vp, left, none, center)
    assert blocker.args == ["deal", col.model.cards[row]["id"]]
