"""Activity: the audit timeline (every applied plan, undo, import, kill switch), newest first."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.services.facades.activity import ActivityFacade, AuditRow
from desktop.ui.models import DictTableModel
from desktop.ui.widgets.common import heading
from desktop.ui.widgets.tables import make_table


class ActivityPanel(QWidget):
    """The audit log as a table (id, when, who, kind, summary)."""

    def __init__(self, facade: ActivityFacade, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.facade = facade
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 20, 24, 20)
        lay.setSpacing(12)
        head = QHBoxLayout()
        head.addWidget(heading("Activity"))
        head.addStretch(1)
        note = QLabel("Hash-chained audit log: every change, who made it and from what instruction")
        note.setObjectName("Muted")
        note.setWordWrap(True)
        head.addWidget(note, 1)
        lay.addLayout(head)
        self.model = DictTableModel([("id", "#"), ("at", "When (UTC)"), ("actor", "Who"), ("kind", "What"),
                                     ("summary", "Summary")], parent=self)
        self.table = make_table(self.model, 4, "Audit timeline")
        lay.addWidget(self.table, 1)
        facade.watch(self, lambda _ch: self.refresh(), {"audit"})

    def refresh(self) -> None:
        """Reload the newest entries."""
        self.facade.timeline(self._show)

    def _show(self, rows: list[AuditRow]) -> None:
        self.model.set_rows(rows)
        self.facade.refreshed()
