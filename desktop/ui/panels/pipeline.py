"""Pipeline: a board of stages (count and total per column, deals as cards you can drag to another
stage) and a table with a stage filter and search. A drag becomes a Plan (update_deal stage) that
goes through the same confirmation as a spoken instruction; double-click opens the record."""

from __future__ import annotations

import functools
from collections import OrderedDict

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRectF,
    QSize,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QDrag, QFont, QFontMetrics, QKeySequence, QPainter, QPen, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.models import StageRow
from desktop.services.change import Change
from desktop.services.facades.pipeline import DealCard, DealRow, PipelineFacade, StageColumn
from desktop.ui import theme
from desktop.ui.models import ROLE_ROW, DealCardsModel, DictTableModel
from desktop.ui.widgets.common import heading, money, short_money

#: Rows the table holds at once; search and the stage filter run in the database.
TABLE_LIMIT = 500

TABLE_COLUMNS = [("name", "Deal"), ("company", "Company"), ("stage", "Stage"), ("amount", "Amount"),
                 ("close_date", "Close date"), ("owner", "Owner"), ("competitor", "Competitor"),
                 ("last_activity", "Last activity")]


class CardDelegate(QStyledItemDelegate):
    """Paints a deal card: name, company, amount and close date.

    Each card is drawn once into a pixmap per (card, size, selected, theme colours, font, device
    pixel ratio) and afterwards blitted: a repaint of the board (when the Plan card or the command
    bar changes height and the columns are laid out again) then costs one ``drawPixmap`` per
    visible card instead of four text draws, two elisions and an antialiased rounded rectangle
    (~0.1 ms of UI-thread work and a GIL round-trip each). :data:`CACHE_CARDS` pixmaps are kept
    (oldest dropped first), enough for every card of a board (60 per stage)."""

    CACHE_CARDS = 1500

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pixmaps: OrderedDict[tuple, QPixmap] = OrderedDict()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        fm = QFontMetrics(option.font)
        return QSize(120, fm.height() * 3 + 18)

    def paint(self, p: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        card: DealCard = index.data(ROLE_ROW)
        rect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        dpr = p.device().devicePixelRatioF() if p.device() is not None else 1.0
        key = (card["id"], card["name"], card.get("company"), card.get("amount"), card.get("close_date"),
               rect.width(), rect.height(), selected, theme.current(), option.font.key(), dpr)
        pm = self._pixmaps.get(key)
        if pm is None:
            pm = self._render(card, option, selected, dpr)
            self._pixmaps[key] = pm
            if len(self._pixmaps) > self.CACHE_CARDS:
                self._pixmaps.popitem(last=False)
        else:
            self._pixmaps.move_to_end(key)
        p.drawPixmap(rect.topLeft(), pm)

    def _render(self, card: DealCard, option: QStyleOptionViewItem, selected: bool, dpr: float) -> QPixmap:
        """The card drawn at ``option.rect``'s size (device-independent pixels) on a transparent pixmap."""
        c = theme.current()
        size = option.rect.size()
        pm = QPixmap(size * dpr)
        pm.setDevicePixelRatio(dpr)
        pm.fill(Qt.GlobalColor.transparent)
        p = QPainter(pm)
        try:
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            r = QRectF(0, 0, size.width(), size.height()).adjusted(2, 3, -2, -3)
            p.setPen(QPen(QColor(c.accent if selected else c.border), 1.2))
            p.setBrush(QColor(c.accent_soft if selected else c.surface))
            p.drawRoundedRect(r, 8, 8)
            font = QFont(option.font)
            fm = QFontMetrics(font)
            x, y, w = r.x() + 10, r.y() + 6, r.width() - 20
            bold = QFont(font)
            bold.setBold(True)
            p.setFont(bold)
            p.setPen(QColor(c.text))
            p.drawText(QRectF(x, y, w, fm.height()), Qt.AlignmentFlag.AlignLeft,
                       QFontMetrics(bold).elidedText(card["name"], Qt.TextElideMode.ElideRight, int(w)))
            p.setFont(font)
            p.setPen(QColor(c.muted))
            p.drawText(QRectF(x, y + fm.height() + 2, w, fm.height()), Qt.AlignmentFlag.AlignLeft,
                       fm.elidedText(card.get("company") or "", Qt.TextElideMode.ElideRight, int(w)))
            p.setPen(QColor(c.text))
            p.drawText(QRectF(x, y + 2 * fm.height() + 4, w, fm.height()), Qt.AlignmentFlag.AlignLeft,
                       short_money(card.get("amount")))
            p.setPen(QColor(c.muted))
            p.drawText(QRectF(x, y + 2 * fm.height() + 4, w, fm.height()), Qt.AlignmentFlag.AlignRight,
                       card.get("close_date") or "")
        finally:
            p.end()
        return pm


class CardListView(QListView):
    """A column's card list. Dragging a card starts a :class:`QDrag` carrying the model's mime data
    (``DEAL_MIME``: deal id, name, source stage id) with the card's picture; dropping it on another
    column's view reaches that column's model ``dropMimeData`` through Qt's normal drop path."""

    def startDrag(self, supported_actions: Qt.DropAction) -> None:  # noqa: N802 - Qt API
        indexes = [i for i in self.selectedIndexes() if i.isValid()] or [self.currentIndex()]
        if not indexes or not indexes[0].isValid():
            return
        drag = QDrag(self)
        drag.setMimeData(self.model().mimeData(indexes[:1]))
        rect = self.visualRect(indexes[0])
        drag.setPixmap(self.viewport().grab(rect))
        drag.setHotSpot(self.viewport().mapFromGlobal(self.cursor().pos()) - rect.topLeft())
        self.last_drag = drag  # tests: the drag (and its mime data) the board produced
        drag.exec(supported_actions & Qt.DropAction.MoveAction or Qt.DropAction.MoveAction,
                  Qt.DropAction.MoveAction)


class StageColumnWidget(QFrame):
    """One board column: title, count · total, and the card list."""

    def __init__(self, stage: StageRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Column")
        em = self.fontMetrics().averageCharWidth()  # column widths follow the system font size
        self.setMinimumWidth(max(210, 26 * em))
        self.setMaximumWidth(max(280, 35 * em))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 10, 8, 8)
        lay.setSpacing(4)
        self.title = QLabel(stage.label)
        self.title.setObjectName("ColumnTitle")
        self.summary = QLabel("")
        self.summary.setObjectName("Muted")
        lay.addWidget(self.title)
        lay.addWidget(self.summary)
        self.model = DealCardsModel(stage.label, stage.id, self)
        self.view = CardListView()
        self.view.setObjectName("Cards")
        self.view.setModel(self.model)
        self.view.setItemDelegate(CardDelegate(self.view))
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setUniformItemSizes(True)
        self.view.setAccessibleName(f"{stage.label} deals")
        self.view.setToolTip("Drag a deal to another stage, or select it and press Ctrl+M to move it")
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        lay.addWidget(self.view, 1)

    def set_column(self, col: StageColumn) -> None:
        """Show a board column (:class:`desktop.services.facades.pipeline.StageColumn`)."""
        self.summary.setText(f"{col.count:,} deals · {short_money(col.total)}")
        self.summary.setToolTip(f"{col.count:,} deals, total {money(col.total)}")
        self.model.set_cards(col.cards)


class PipelinePanel(QWidget):
    """Signals: move_requested(deal_id, deal_name, stage) — a card was dropped on another stage;
    open_record(kind, id)."""

    move_requested = Signal(int, str, str)
    open_record = Signal(str, int)

    def __init__(self, facade: PipelineFacade, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.facade = facade
        self.columns: dict[int, StageColumnWidget] = {}
        self._loaded_table = False
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 20, 24, 16)
        lay.setSpacing(10)
        head = QHBoxLayout()
        head.addWidget(heading("Pipeline"))
        self.totals = QLabel("")
        self.totals.setObjectName("Muted")
        head.addStretch(1)
        head.addWidget(self.totals)
        lay.addLayout(head)
        self.tabs = QTabWidget()
        lay.addWidget(self.tabs, 1)
        # board
        self.board_area = QScrollArea()
        self.board_area.setWidgetResizable(True)
        self.board = QWidget()
        self.board_layout = QHBoxLayout(self.board)
        self.board_layout.setContentsMargins(0, 8, 0, 0)
        self.board_layout.setSpacing(10)
        self.board_area.setWidget(self.board)
        self.tabs.addTab(self.board_area, "Board")
        # table
        table_page = QWidget()
        tl = QVBoxLayout(table_page)
        tl.setContentsMargins(0, 8, 0, 0)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search deals and companies")
        self.search.setToolTip("Filter the table (Ctrl+F); Enter on a row opens the deal")
        self.search.setClearButtonEnabled(True)
        self.stage_filter = QComboBox()
        self.stage_filter.addItem("All stages", None)
        self.stage_filter.setToolTip("Show one stage only")
        bar.addWidget(self.search, 1)
        bar.addWidget(self.stage_filter)
        tl.addLayout(bar)
        self.table_model = DictTableModel(TABLE_COLUMNS, {"amount": lambda v: money(v)}, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.table_model)
        self.proxy.setSortRole(Qt.ItemDataRole.EditRole)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move, Enter opens
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.setAccessibleName("Deals table")
        tl.addWidget(self.table, 1)
        self.table_note = QLabel("")
        self.table_note.setObjectName("Muted")
        tl.addWidget(self.table_note)
        self.tabs.addTab(table_page, "Table")
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self.reload_table)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.stage_filter.currentIndexChanged.connect(self._stage_filter)
        self.table.doubleClicked.connect(self._open_from_table)
        open_row = QShortcut(QKeySequence(Qt.Key.Key_Return), self.table, context=Qt.ShortcutContext.WidgetShortcut)

        def open_current() -> None:
            if self.table.currentIndex().isValid():
                self._open_from_table(self.table.currentIndex())

        open_row.activated.connect(open_current)
        find = QShortcut(QKeySequence("Ctrl+F"), self)  # active while the panel is shown
        find.activated.connect(self.focus_search)
        facade.watch(self, self.on_changed, {"crm"})

    # -- refresh ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the board and the table from the workspace."""
        self._pending = 2
        self.facade.board(self._show_board)
        self.reload_table()

    def reload_table(self) -> None:
        """Query the table rows for the current search and stage filter (at most TABLE_LIMIT)."""
        self.facade.deal_rows(self._show_table, search=self.search.text().strip(),
                              stage_id=self.stage_filter.currentData(), limit=TABLE_LIMIT)

    def on_changed(self, change: Change) -> None:
        """Refresh what a :class:`Change` touched (only the changed table rows when known)."""
        if "crm" not in change.scopes:
            return
        self._pending = 2
        self.facade.board(self._show_board)
        if change.deal_ids is not None and self._loaded_table:
            ids = list(change.deal_ids)
            self.facade.deal_rows(functools.partial(self._patch_table, ids=ids), ids=None if not ids else ids)
        else:
            self.reload_table()

    def _open_current_card(self, w: StageColumnWidget) -> None:
        if w.view.currentIndex().isValid():
            self.open_record.emit("deal", w.view.currentIndex().data(ROLE_ROW)["id"])

    def _done_part(self) -> None:
        self._pending -= 1
        if self._pending == 0:
            self.facade.refreshed()

    def _show_board(self, cols: list[StageColumn]) -> None:
        known = set(self.columns)
        if known != {c.stage.id for c in cols}:
            for w in self.columns.values():
                w.setParent(None)
                w.deleteLater()
            self.columns = {}
            while self.board_layout.count():
                self.board_layout.takeAt(0)
            for col in cols:
                w = StageColumnWidget(col.stage)
                w.model.dropped.connect(self.move_requested.emit)
                w.view.doubleClicked.connect(lambda idx: self.open_record.emit("deal", idx.data(ROLE_ROW)["id"]))
                w.view.customContextMenuRequested.connect(lambda pos, w=w: self._move_menu(w, pos))
                move = QShortcut(QKeySequence("Ctrl+M"), w.view, context=Qt.ShortcutContext.WidgetShortcut)
                move.activated.connect(lambda w=w: self._move_menu(w, None))
                enter = QShortcut(QKeySequence(Qt.Key.Key_Return), w.view, context=Qt.ShortcutContext.WidgetShortcut)
                enter.activated.connect(functools.partial(self._open_current_card, w))
                self.columns[col.stage.id] = w
                self.board_layout.addWidget(w)
            self.board_layout.addStretch(1)
            self.stage_filter.blockSignals(True)
            self.stage_filter.clear()
            self.stage_filter.addItem("All stages", None)
            for col in cols:
                self.stage_filter.addItem(col.stage.label, col.stage.id)
            self.stage_filter.blockSignals(False)
        for col in cols:
            self.columns[col.stage.id].set_column(col)
        open_cols = [c for c in cols if not c.stage.is_closed]
        self.totals.setText(f"{sum(c.count for c in open_cols):,} open deals · "
                            f"{money(sum(c.total for c in open_cols))} in pipeline")
        self._done_part()

    def _show_table(self, rows: list[DealRow]) -> None:
        self.table_model.set_rows(rows)
        self.table_note.setText(f"Showing the first {TABLE_LIMIT:,} matches — search or filter by stage to narrow"
                                if len(rows) >= TABLE_LIMIT else f"{len(rows):,} deals")
        if not self._loaded_table:
            self.table.resizeColumnsToContents()
            self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self._loaded_table = True
        self._done_part()

    def _patch_table(self, rows: list[DealRow], ids: list[int]) -> None:
        self.table_model.patch([r for r in rows if r["id"] in self.table_model._pos], ids)
        self._done_part()

    # -- interactions ----------------------------------------------------------------------------
    def focus_search(self) -> None:
        """Ctrl+F: show the table and put the keyboard focus in its search field."""
        self.tabs.setCurrentIndex(1)
        self.search.setFocus()
        self.search.selectAll()

    def _stage_filter(self, _i: int) -> None:
        self.reload_table()

    def _open_from_table(self, index: QModelIndex) -> None:
        row = self.proxy.mapToSource(index)
        self.open_record.emit("deal", self.table_model.rows[row.row()]["id"])

    def _move_menu(self, col: StageColumnWidget, pos: QPoint | None) -> None:
        """Keyboard / right-click alternative to dragging: Move to ▸ stage (a Plan to confirm)."""
        index = col.view.indexAt(pos) if pos is not None else col.view.currentIndex()
        if not index.isValid():
            return
        card = index.data(ROLE_ROW)
        menu = QMenu(self)
        menu.addAction("Open").triggered.connect(lambda: self.open_record.emit("deal", card["id"]))
        sub = menu.addMenu("Move to")
        for other in self.columns.values():
            if other is not col:
                label = other.model.stage_label
                sub.addAction(label).triggered.connect(
                    lambda _=False, label=label: self.move_requested.emit(card["id"], card["name"], label))
        rect = col.view.visualRect(index)
        menu.popup(col.view.viewport().mapToGlobal(pos if pos is not None else rect.center()))

    def column_for(self, stage_label: str) -> StageColumnWidget | None:
        """The board column of ``stage_label`` (tests, keyboard moves)."""
        return next((w for w in self.columns.values() if w.model.stage_label == stage_label), None)
