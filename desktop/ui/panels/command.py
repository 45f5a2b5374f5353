"""The command bar (always visible above the panels) and the Command panel (history and examples).

The command bar holds the push-to-talk button with its level meter, the live partial transcript
while speaking, and the text field for typed instructions (Ctrl+K focuses it from anywhere).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.widgets.common import LevelMeter, heading

EXAMPLES = [
    "Move Acme to Negotiation",
    "Log a call with Sarah: she wants a pilot in January",
    "Follow up with Globex next Friday",
    "Globex budget is 200K, they're also looking at HubSpot",
    "Create a task to send the proposal to TechCorp tomorrow",
]


class CommandBar(QFrame):
    """Signals: submitted(str) — a typed instruction; ptt_pressed() / ptt_released() — the
    push-to-talk button went down / up."""

    submitted = Signal(str)
    ptt_pressed = Signal()
    ptt_released = Signal()

    def __init__(self, ptt_key: str = "F9", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CommandBar")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(16, 10, 16, 10)
        lay.setSpacing(10)
        self.mic = QPushButton("◉  Hold to talk")
        self.mic.setObjectName("Mic")
        self.mic.setCheckable(False)
        self.mic.setAutoDefault(False)
        self.mic.pressed.connect(self.ptt_pressed.emit)
        self.mic.released.connect(self.ptt_released.emit)
        meter_box = QVBoxLayout()
        meter_box.setSpacing(3)
        self.meter = LevelMeter()
        self.meter.setFixedWidth(90)
        self.mic_label = QLabel("Mic off")
        self.mic_label.setObjectName("Muted")
        meter_box.addWidget(self.mic_label)
        meter_box.addWidget(self.meter)
        field_box = QVBoxLayout()
        field_box.setSpacing(2)
        self.field = QLineEdit()
        self.field.setClearButtonEnabled(True)
        self.field.setAccessibleName("Instruction")
        self.partial = QLabel("")
        self.partial.setObjectName("Partial")
        self.partial.setWordWrap(True)
        self.partial.hide()
        field_box.addWidget(self.field)
        field_box.addWidget(self.partial)
        self.go = QPushButton("Plan")
        self.go.setObjectName("Primary")
        self.go.setToolTip("Turn the instruction into a Plan (Enter)")
        self.go.clicked.connect(self._submit)
        self.field.returnPressed.connect(self._submit)
        lay.addWidget(self.mic)
        lay.addLayout(meter_box)
        lay.addLayout(field_box, 1)
        lay.addWidget(self.go)
        self.set_ptt_key(ptt_key)

    def set_ptt_key(self, key: str) -> None:
        """Show the push-to-talk key in the tooltip and placeholder."""
        self.mic.setToolTip(f"Push to talk: hold this button or the {key} key while you speak")
        self.field.setPlaceholderText(f"Type an instruction (Ctrl+K) — or hold {key} and speak")
        self.field.setToolTip(f"Type an instruction and press Enter (focus: Ctrl+K; speak: hold {key})")

    def _submit(self) -> None:
        text = self.field.text().strip()
        if text:
            self.submitted.emit(text)

    def show_partial(self, text: str) -> None:
        """Show the live transcript while speaking."""
        self.partial.setText(f"“{text}…”")
        self.partial.setVisible(bool(text))

    def clear_partial(self) -> None:
        """Hide the live transcript."""
        self.partial.clear()
        self.partial.hide()

    def set_mic_state(self, state: str) -> None:
        """Reflect the microphone state (off | ready | recording | transcribing | note | unavailable)."""
        labels = {"ready": "Mic ready", "recording": "● Listening", "transcribing": "Transcribing…",
                  "note": "● Recording note", "unavailable": "No microphone", "off": "Mic off"}
        self.mic_label.setText(labels.get(state, state))
        self.mic.setText("●  Listening…" if state == "recording" else "◉  Hold to talk")
        if state not in ("recording", "note"):
            self.meter.set_level(0.0)


class CommandPanel(QWidget):
    """History of instructions and what happened to them, plus example instructions.

    Signals: example_chosen(str).
    """

    example_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 20, 24, 20)
        lay.setSpacing(12)
        lay.addWidget(heading("Command"))
        intro = QLabel("Say or type what happened and what should change. Spectrum shows a Plan; "
                       "nothing changes until you confirm. Ctrl+Z undoes the last applied plan.")
        intro.setObjectName("Muted")
        intro.setWordWrap(True)
        lay.addWidget(intro)
        ex = QGridLayout()
        ex.setSpacing(6)
        for i, text in enumerate(EXAMPLES[:4]):
            b = QPushButton(text)
            b.setObjectName("Candidate")
            b.setToolTip("Put this example in the command bar")
            b.clicked.connect(lambda _=False, t=text: self.example_chosen.emit(t))
            ex.addWidget(b, i // 2, i % 2)
        ex.setColumnStretch(2, 1)
        lay.addLayout(ex)
        sub = QLabel("History")
        sub.setObjectName("Muted")
        lay.addWidget(sub)
        self.history = QListWidget()
        self.history.setAccessibleName("Instruction history")
        self.history.setAlternatingRowColors(True)
        lay.addWidget(self.history, 1)

    def add(self, text: str, outcome: str) -> None:
        """Add a history line (newest first)."""
        item = QListWidgetItem(f"{datetime.now():%H:%M}   {text}\n        {outcome}")
        item.setData(Qt.ItemDataRole.UserRole, text)
        self.history.insertItem(0, item)
