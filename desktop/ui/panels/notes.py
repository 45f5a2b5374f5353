"""Notes: offline voice notes with their state (recording, queued, transcribing, done, failed),
playback, transcript, and attaching a note to a deal or contact (:mod:`desktop.voice.notes`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.services.facades.notes import NoteRow, NotesFacade, RecordChoice
from desktop.ui.models import ROLE_ROW, DictTableModel
from desktop.ui.widgets.common import heading, set_button_text
from desktop.ui.widgets.tables import make_table

if TYPE_CHECKING:  # imported by the composition root, which builds the window
    from desktop.ui.voice import VoiceController


class NotesPanel(QWidget):
    """Voice notes list and detail."""

    def __init__(self, facade: NotesFacade, voice: VoiceController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.facade = facade
        self.voice = voice
        self.current: NoteRow | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 20, 24, 20)
        lay.setSpacing(12)
        head = QHBoxLayout()
        head.addWidget(heading("Notes"))
        head.addStretch(1)
        self.record = QPushButton("●  Record note")
        self.record.setObjectName("Primary")
        self.record.setToolTip("Start / stop a voice note; it is transcribed offline (Ctrl+Shift+N)")
        self.record.setShortcut("Ctrl+Shift+N")
        self.record.clicked.connect(self._toggle_record)
        head.addWidget(self.record)
        lay.addLayout(head)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.model = DictTableModel([("created", "Recorded"), ("state", "State"), ("duration_s", "Seconds"),
                                     ("attached", "Attached to"), ("activity", "Activity"), ("plan", "Plan")],
                                    parent=self)
        #: returns the (type, id) of the record in view, if any (set by the main window)
        self.record_in_view: Callable[[], tuple[str, int] | None] = lambda: None
        self.table = make_table(self.model, 3, "Voice notes")
        split.addWidget(self.table)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(8, 0, 0, 0)
        self.title = QLabel("Select a note")
        self.title.setObjectName("Muted")
        rl.addWidget(self.title)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setAccessibleName("Transcript")
        rl.addWidget(self.text, 1)
        actions = QHBoxLayout()
        self.play = QPushButton("▶  Play")
        self.play.setToolTip("Play the recording")
        self.retry = QPushButton("Transcribe again")
        self.retry.setToolTip("Queue the note for transcription again")
        actions.addWidget(self.play)
        actions.addWidget(self.retry)
        actions.addStretch(1)
        rl.addLayout(actions)
        attach = QHBoxLayout()
        self.find_record = QLineEdit()
        self.find_record.setPlaceholderText("Find a deal or contact to attach to")
        self.choices = QComboBox()
        self.choices.setMinimumWidth(220)
        self.attach = QPushButton("Attach")
        self.attach.setToolTip("Attach this note to the chosen record")
        attach.addWidget(self.find_record, 1)
        attach.addWidget(self.choices, 1)
        attach.addWidget(self.attach)
        rl.addLayout(attach)
        split.addWidget(right)
        split.setSizes([520, 480])
        lay.addWidget(split, 1)
        self.play.clicked.connect(self._play)
        self.retry.clicked.connect(self._retry)
        self.find_record.returnPressed.connect(self._search)
        self.attach.clicked.connect(self._attach)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _p: self._select(cur))
        self._enable(False)
        voice.note_changed.connect(lambda _info: self.refresh())
        facade.watch(self, lambda _ch: self.refresh(), {"notes"})

    def _enable(self, on: bool) -> None:
        for w in (self.play, self.retry, self.find_record, self.choices, self.attach):
            w.setEnabled(on)

    def refresh(self) -> None:
        """Reload the notes."""
        self.facade.rows(self._show)

    def _show(self, rows: list[NoteRow]) -> None:
        cur = self.current["id"] if self.current else None
        self.model.set_rows(rows)
        set_button_text(self.record, "■  Stop note" if self.voice.recording_note else "●  Record note")
        for r in rows:
            if r["id"] == cur:
                self._fill(r)
        self.facade.refreshed()

    def _select(self, index: QModelIndex) -> None:
        if index.isValid():
            self._fill(index.data(ROLE_ROW))

    def _fill(self, row: NoteRow) -> None:
        self.current = row
        self.title.setText(f"{row['created']} · {row['state']} · {row['duration_s']} s"
                           + (f" · attached to {row['attached']}" if row["attached"] else ""))
        body = row["transcript"] or row["error"] or f"({row['state']})"
        if row["activity"]:
            body += f"\n\nActivity: {row['activity']}"
        if row["plan"]:
            body += f"\nPlan: {row['plan']}"
        self.text.setPlainText(body)
        self._enable(True)

    def _toggle_record(self) -> None:
        if self.voice.recording_note:
            self.voice.stop_note()
        else:
            self.voice.start_note(self.record_in_view())
        set_button_text(self.record, "■  Stop note" if self.voice.recording_note else "●  Record note")

    def _play(self) -> None:
        if self.current:
            self.facade.play(self.current["id"])

    def _retry(self) -> None:
        if self.current:
            self.facade.retranscribe(self.current["id"])

    def _search(self) -> None:
        def fill(choices: list[RecordChoice]) -> None:
            self.choices.clear()
            for kind, ident, name in choices:
                self.choices.addItem(f"{name} ({kind})", (kind, ident))
        self.facade.record_choices(self.find_record.text().strip(), fill)

    def _attach(self) -> None:
        data = self.choices.currentData()
        if self.current and data:
            self.facade.attach(self.current["id"], data[0], data[1])
