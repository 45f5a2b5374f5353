"""Qt item models fed by read-side rows: deal cards (board columns), the deals table, and a
generic list-of-dicts table model used by the other panels."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QMimeData, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel

from desktop.services.facades.pipeline import DealCard

DEAL_MIME = "application/x-spectrum-deal"
ROLE_ROW = Qt.ItemDataRole.UserRole + 1

#: A table row: column key -> value (the facades' typed row dicts are such mappings).
Row = Mapping[str, Any]
#: A column's formatter: cell value -> display text.
Formatter = Callable[[Any], str]


class DictTableModel(QAbstractTableModel):
    """Rows are dicts; ``columns`` is [(key, header)]. ``formatters`` maps a key to a function
    value -> display text. Rows keep an ``id`` key when they have one (see :meth:`patch`)."""

    def __init__(self, columns: list[tuple[str, str]], formatters: Mapping[str, Formatter] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.formatters = dict(formatters or {})
        self.rows: list[Row] = []
        self.row_color: Callable[[Row], str | None] | None = None  # optional row -> colour string
        self._pos: dict[object, int] = {}

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API and default
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API and default
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section][1]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        key = self.columns[index.column()][0]
        value = row.get(key)
        if role == Qt.ItemDataRole.DisplayRole:
            fmt = self.formatters.get(key)
            if fmt:
                return fmt(value)
            if isinstance(value, int) and not isinstance(value, bool) and key not in ("id", "position"):
                return f"{value:,}"
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ForegroundRole and self.row_color is not None:
            color = self.row_color(row)
            return None if color is None else QColor(color)
        if role == Qt.ItemDataRole.EditRole:  # sort key
            return value if isinstance(value, (int, float)) else ("" if value is None else str(value))
        if role == ROLE_ROW:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, (int, float)) and not isinstance(value, bool):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def set_rows(self, rows: Sequence[Row]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self.rows = list(rows)
        self._pos = {r.get("id"): i for i, r in enumerate(self.rows) if "id" in r}
        self.endResetModel()

    def patch(self, rows: Sequence[Row], ids: Sequence[object]) -> None:
        """Update rows by ``id`` in place; ids in ``ids`` missing from ``rows`` are removed and
        rows with new ids are appended."""
        fresh = {r["id"]: r for r in rows}
        for i in ids:
            pos = self._pos.get(i)
            if pos is not None and i in fresh:
                self.rows[pos] = fresh.pop(i)
                self.dataChanged.emit(self.index(pos, 0), self.index(pos, len(self.columns) - 1))
        gone = [i for i in ids if i in self._pos and i not in {r["id"] for r in rows}]
        if gone:
            self.set_rows([r for r in self.rows if r.get("id") not in set(gone)] + list(fresh.values()))
        elif fresh:
            start = len(self.rows)
            self.beginInsertRows(QModelIndex(), start, start + len(fresh) - 1)
            for r in fresh.values():
                self._pos[r["id"]] = len(self.rows)
                self.rows.append(r)
            self.endInsertRows()


class DealCardsModel(QStandardItemModel):
    """The deal cards of one board column; supports dragging a card to another column.

    A C++ item model (``QStandardItemModel``) holding one item per card (the card dict under
    :data:`ROLE_ROW`, tooltip and accessible text), so the list view's many ``rowCount`` /
    ``data`` / ``flags`` calls while it lays out and paints stay in C++: a Python model answered
    ~430 of them per board repaint, each needing the GIL, which the speech decoder and the
    planner's index build hold at times. Only the drag-and-drop methods are Python.

    Signals: dropped(deal_id, deal_name, stage_label) — a card from elsewhere was dropped here.
    A drop changes nothing by itself: the panel turns it into a Plan that must be confirmed.
    """

    dropped = Signal(int, str, str)

    _CARD_FLAGS = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
                   | Qt.ItemFlag.ItemIsDropEnabled)

    def __init__(self, stage_label: str, stage_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stage_label = stage_label
        self.stage_id = stage_id
        self.cards: list[DealCard] = []
        self.invisibleRootItem().setFlags(Qt.ItemFlag.ItemIsDropEnabled)  # drops on the empty list

    def set_cards(self, cards: Sequence[DealCard]) -> None:
        """Replace the cards (one model reset)."""
        self.cards = list(cards)
        items = []
        for card in self.cards:
            item = QStandardItem(card["name"])
            item.setData(card, ROLE_ROW)
            amount = "" if card.get("amount") is None else f" · ${card['amount']:,.0f}"
            item.setToolTip(f"{card['name']}{amount}\nDouble-click to open; drag to another stage to move it.")
            item.setData(f"{card['name']}, {card.get('company') or ''}", Qt.ItemDataRole.AccessibleTextRole)
            item.setFlags(self._CARD_FLAGS)
            items.append(item)
        self.beginResetModel()
        blocked = self.blockSignals(True)  # one reset instead of rows removed + rows inserted
        try:
            self.removeRows(0, self.rowCount())
            if items:
                self.invisibleRootItem().appendRows(items)
        finally:
            self.blockSignals(blocked)
        self.endResetModel()

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [DEAL_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        md = QMimeData()
        card = self.cards[indexes[0].row()]
        md.setData(DEAL_MIME, json.dumps({"id": card["id"], "name": card["name"],
                                          "from": self.stage_id}).encode())
        return md

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,  # noqa: N802
                        parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not data.hasFormat(DEAL_MIME):
            return False
        # PySide6's stubs lack QByteArray's buffer protocol, which bytes() uses at run time
        info = json.loads(bytes(data.data(DEAL_MIME)).decode())  # type: ignore[call-overload]
        return info.get("from") != self.stage_id

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,  # noqa: N802
                     parent: QModelIndex | QPersistentModelIndex) -> bool:
        """Emit :attr:`dropped` for a card from another stage; the model itself is unchanged."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        # PySide6's stubs lack QByteArray's buffer protocol, which bytes() uses at run time
        info = json.loads(bytes(data.data(DEAL_MIME)).decode())  # type: ignore[call-overload]
        self.dropped.emit(int(info["id"]), str(info["name"]), self.stage_label)
        return False  # nothing to remove from the source until the plan is applied
