"""Answers on screen: the results list a question or a "show me…" instruction gets, in the command
area (a sentence with the number, then the records with the fields asked about; double-click or
Enter opens one)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.services.facades.plans import Results
from desktop.ui.models import ROLE_ROW, DictTableModel
from desktop.ui.widgets.tables import make_table


def _cell(key: str, value: object) -> object:
    if value is None:
        return ""
    if key == "amount" and isinstance(value, (int, float)):
        return f"${value:,.0f}"
    return value


def headline(sentence: str, listed: bool) -> str:
    """The sentence shown above the table: when the table lists the records, the part before the
    sentence's own list ("5 deals open over $50,000: Initech ...; Umbrella ..." -> "5 deals open over
    $50,000"); else the whole sentence."""
    head, sep, _rest = sentence.partition(": ")
    return head if listed and sep and head else sentence


class ResultsView(QFrame):
    """Shows :class:`desktop.services.facades.plans.Results`. Signals: open_record(str, int) — a row was
    activated (type, local id); closed — Close (or Esc) was pressed."""

    open_record = Signal(str, int)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ResultsView")
        self.results: Results | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 8, 0, 0)
        top = QHBoxLayout()
        self.sentence = QLabel()
        self.sentence.setWordWrap(True)
        self.sentence.setAccessibleName("Answer")
        top.addWidget(self.sentence, 1)
        self.close_btn = QPushButton("Close")
        self.close_btn.setToolTip("Close the results (Esc)")
        self.close_btn.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.close_btn.clicked.connect(self.closed)
        top.addWidget(self.close_btn, 0, Qt.AlignmentFlag.AlignTop)
        lay.addLayout(top)
        self.model = DictTableModel([("name", "Name")], parent=self)
        self.table = make_table(self.model, 0, "Results")
        self.table.setMinimumHeight(160)
        self.table.doubleClicked.connect(self._open)
        self.table.activated.connect(self._open)
        lay.addWidget(self.table)
        self.hide()

    def show_results(self, results: Results | None) -> None:
        """Show ``results`` (None hides the view)."""
        self.results = results
        if results is None:
            self.hide()
            return
        text = headline(results.sentence, bool(results.rows))
        if results.ignored:
            text += f" (not understood, so not applied: {', '.join(results.ignored)})"
        self.sentence.setText(text)
        # a column no row fills (e.g. Owner in an export without owners) is left out; the name stays
        self.model.columns = [(k, label) for i, (k, label) in enumerate(results.columns)
                              if i == 0 or any(r.get(k) not in (None, "") for r in results.rows)] \
            or list(results.columns)  # set_rows resets the model (headers too)
        self.model.set_rows([{**{k: _cell(k, r.get(k)) for k, _ in self.model.columns}, "_row": r}
                             for r in results.rows])
        self.table.setVisible(bool(results.rows))
        self.show()

    def _open(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        row = index.data(ROLE_ROW)["_row"]
        self.open_record.emit(row["type"], int(row["id"]))
