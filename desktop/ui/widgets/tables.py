"""A read-only table view over :class:`desktop.ui.models.DictTableModel` with the house style."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


def make_table(model: QAbstractItemModel, stretch: int = 0, name: str = "") -> QTableView:
    """A sortable, row-selecting table for ``model``; column ``stretch`` takes the spare width.
    Keyboard: arrows move between rows, Tab moves on to the next control."""
    from PySide6.QtCore import QSortFilterProxyModel, Qt

    proxy = QSortFilterProxyModel(model)
    proxy.setSourceModel(model)
    proxy.setSortRole(Qt.ItemDataRole.EditRole)
    t = QTableView()
    t.setModel(proxy)
    t.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    t.setSortingEnabled(True)
    t.setAlternatingRowColors(True)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setTabKeyNavigation(False)  # Tab leaves the table (arrows move between rows)
    t.verticalHeader().hide()
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    t.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    if name:
        t.setAccessibleName(name)
    return t
