"""Settings: microphone, push-to-talk key and mode, speech model, LLM model (litellm string) and
API key (OS keyring, never the database), CRM connections, MCP access (the kill switch, applied at
once, and the daily budget per client), data folder and theme."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.services.change import Change
from desktop.services.facades.settings import McpAccess, SettingsFacade, StageMapping
from desktop.ui import theme
from desktop.ui.widgets.common import center_form_labels, heading, scroll_page

if TYPE_CHECKING:  # imported by the composition root, which builds the window
    from desktop.ui.voice import VoiceController

PTT_KEYS = ["F9", "F8", "F10", "F12", "Pause", "ScrollLock"]
MODES = [("hold", "Hold to talk"), ("toggle", "Press to start / stop"), ("handsfree", "Hands-free (voice activity)")]


def _section(title: str) -> tuple[QFrame, QFormLayout]:
    box = QFrame()
    box.setObjectName("Card")
    lay = QVBoxLayout(box)
    lay.setContentsMargins(18, 14, 18, 14)
    lab = QLabel(title)
    lab.setObjectName("ColumnTitle")
    lay.addWidget(lab)
    form = QFormLayout()
    form.setHorizontalSpacing(18)
    form.setVerticalSpacing(10)
    lay.addLayout(form)
    return box, form


class SettingsPanel(QWidget):
    """Signals: theme_changed(str), ptt_key_changed(str)."""

    theme_changed = Signal(str)
    ptt_key_changed = Signal(str)

    def __init__(self, facade: SettingsFacade, voice: VoiceController, qsettings: QSettings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.facade, self.voice, self.qs = facade, voice, qsettings
        in_force = facade.in_force
        lay = scroll_page(self)
        lay.addWidget(heading("Settings"))
        vs = voice.voice_settings
        box, f = _section("Voice")
        self.mic = QComboBox()
        self.mic.addItem("System default", None)
        self.mic.setToolTip("Input device (stored by name)")
        self.ptt = QComboBox()
        self.ptt.addItems(PTT_KEYS)
        self.ptt.setCurrentText(str(qsettings.value("voice/ptt_key", "F9")))
        self.ptt.setToolTip("In-app push-to-talk key")
        self.mode = QComboBox()
        for key, label in MODES:
            self.mode.addItem(label, key)
        self.mode.setCurrentIndex([m for m, _ in MODES].index(vs.mode))
        self.hotkey = QLineEdit(vs.hotkey)
        self.hotkey.setToolTip("Global hotkey in pynput syntax, e.g. <ctrl>+<alt>+<space> (X11 only)")
        self.model = QLineEdit(in_force.speech_model)
        self.model.setToolTip("Speech model: tiny.en (bundled) or a local CTranslate2 folder (SPECTRUM_MODEL)")
        f.addRow("Microphone", self.mic)
        f.addRow("Push-to-talk key", self.ptt)
        f.addRow("Mode", self.mode)
        f.addRow("Global hotkey", self.hotkey)
        f.addRow("Speech model", self.model)
        from desktop.voice.feedback import readback_available

        self.cues = QCheckBox("Play a short tone when push-to-talk starts and stops")
        self.cues.setChecked(vs.cues)
        self.readback = QCheckBox("Read plans and answers aloud (on-device voice)")
        self.readback.setChecked(vs.readback and readback_available())
        self.readback.setEnabled(readback_available())
        self.readback.setToolTip("Piper neural voice, on this computer; never a network voice" if readback_available()
                                 else "Install the optional 'readback' extra (requirements/readback.lock) to enable")
        f.addRow("Sound cues", self.cues)
        f.addRow("Read-back", self.readback)
        lay.addWidget(box)
        box, f = _section("Language model (optional)")
        self.llm = QLineEdit(str(qsettings.value("llm/model", in_force.llm_model or "")))
        self.llm.setPlaceholderText("litellm model string, e.g. gpt-4o-mini or ollama/llama3 — empty: offline planner")
        self.key = QLineEdit()
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key.setPlaceholderText("API key — stored in the OS keyring, never in the workspace")
        self.key_state = QLabel("")
        self.key_state.setObjectName("Muted")
        f.addRow("LLM model", self.llm)
        f.addRow("API key", self.key)
        f.addRow("", self.key_state)
        lay.addWidget(box)
        box, f = _section("CRM connections")
        self.crm_fields: dict[str, QLineEdit] = {}
        self.crm_state: dict[str, QLabel] = {}
        for provider in ("hubspot", "pipedrive"):
            row = QHBoxLayout()
            fld = QLineEdit()
            fld.setEchoMode(QLineEdit.EchoMode.Password)
            fld.setPlaceholderText("access token (OS keyring)")
            st = QLabel("…")
            st.setObjectName("Muted")
            row.addWidget(fld, 1)
            row.addWidget(st)
            self.crm_fields[provider], self.crm_state[provider] = fld, st
            f.addRow(provider.title(), row)
        lay.addWidget(box)
        box, f = _section("MCP access (Claude Desktop, Cursor and other assistants)")
        self.mcp_on = QCheckBox("On: assistants running `spectrum mcp` may read the workspace and propose plans")
        self.mcp_on.setToolTip("The kill switch: off refuses every MCP call at once, also of servers already "
                               "running. Proposed plans always wait here in Approvals.")
        self.mcp_budget = QSpinBox()
        self.mcp_budget.setRange(1, 1_000_000)
        self.mcp_budget.setSuffix(" calls per client per day")
        self.mcp_budget.setToolTip("Each MCP client's calls per UTC day; more are refused (spectrum mcp --budget N)")
        self.mcp_state = QLabel("…")
        self.mcp_state.setObjectName("Muted")
        self.mcp_state.setWordWrap(True)
        f.addRow("MCP access", self.mcp_on)
        f.addRow("Daily budget", self.mcp_budget)
        f.addRow("", self.mcp_state)
        self._mcp_budget_shown: int | None = None
        self.mcp_on.toggled.connect(self._mcp_toggled)
        lay.addWidget(box)
        box, f = _section("Sync stages")
        self.stage_map_note = QLabel("Every stage has a CRM stage.")
        self.stage_map_note.setObjectName("Muted")
        self.stage_map_note.setWordWrap(True)
        f.addRow(self.stage_map_note)
        self.stage_map_form = f
        self.stage_map_rows: list[tuple[str, str, QComboBox, QPushButton]] = []
        lay.addWidget(box)
        box, f = _section("Workspace and appearance")
        self.data_dir = QLineEdit(str(in_force.data_dir))
        self.data_dir.setToolTip("Used from the next start (or pass --data-dir / SPECTRUM_DATA_DIR)")
        self.theme = QComboBox()
        for value, label in theme.CHOICES:
            self.theme.addItem(label, value)
        self.theme.setCurrentIndex(max(0, self.theme.findData(str(qsettings.value("ui/theme", theme.DEFAULT)))))
        self.theme.setToolTip("Colour theme: System follows the OS light/dark setting (Ctrl+Shift+T toggles light / dark)")
        theme.notifier().applied.connect(self._theme_shown)
        f.addRow("Data folder", self.data_dir)
        f.addRow("Theme", self.theme)
        lay.addWidget(box)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.status = QLabel("")
        self.status.setObjectName("Muted")
        buttons.addWidget(self.status)
        self.save = QPushButton("Save")
        self.save.setObjectName("Primary")
        self.save.setToolTip("Save settings (Ctrl+S)")
        self.save.setShortcut("Ctrl+S")
        buttons.addWidget(self.save)
        lay.addLayout(buttons)
        lay.addStretch(1)
        self.save.clicked.connect(self.apply)
        self.theme.currentIndexChanged.connect(lambda _i: self.theme_changed.emit(self.theme.currentData()))
        for form in self.findChildren(QFormLayout):
            center_form_labels(form)

    def _theme_shown(self, _name: str) -> None:
        """Keep the combo on the preference in force (Ctrl+Shift+T changes it too)."""
        i = self.theme.findData(theme.preference())
        if i >= 0 and i != self.theme.currentIndex():
            self.theme.blockSignals(True)
            self.theme.setCurrentIndex(i)
            self.theme.blockSignals(False)

    def _show_mcp(self, st: McpAccess) -> None:
        self.mcp_on.blockSignals(True)
        self.mcp_on.setChecked(st.enabled)
        self.mcp_on.blockSignals(False)
        self.mcp_budget.setValue(st.daily_budget)
        self._mcp_budget_shown = st.daily_budget
        calls = ", ".join(f"{name} {n}" for name, n in st.calls_today.items())
        self.mcp_state.setText(("MCP access: on." if st.enabled else "MCP access: OFF — every MCP call is refused.")
                               + (f" Calls today: {calls}." if calls else " No MCP calls today."))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        """Re-read the MCP switch and today's calls when shown (clients call while the app runs)."""
        super().showEvent(event)
        self.facade.mcp_access(self._show_mcp)

    def _mcp_toggled(self, on: bool) -> None:
        """The kill switch applies at once (no Save needed)."""
        self.facade.set_mcp_access(on, done=lambda _c: self.facade.mcp_access(self._show_mcp),
                                   error=lambda e: self.status.setText(f"MCP access not changed: {e}"))

    def refresh(self) -> None:
        """Load the device list, the keyring state and the MCP switches off the UI thread."""
        def devices(names: list[str]) -> None:
            cur = self.voice.voice_settings.input_device
            self.mic.clear()
            self.mic.addItem("System default", None)
            for n in names:
                self.mic.addItem(n, n)
            if cur:
                i = self.mic.findData(cur)
                self.mic.setCurrentIndex(max(0, i))
        self.facade.input_devices(devices)

        def crm_states(st: dict[str, bool]) -> None:
            for p, ok in st.items():
                self.crm_state[p].setText("connected" if ok else "not connected")

        self.facade.crm_connections(crm_states)
        self.facade.mcp_access(self._show_mcp)
        self.facade.stage_mappings(self._show_stage_mappings)
        model = self.llm.text().strip()
        self.facade.has_llm_key(model, lambda ok: self.key_state.setText(
            ("Key stored in the OS keyring" if ok else "No key stored") if model else "Offline planner (no LLM)"))

    def _show_stage_mappings(self, rows: list[StageMapping]) -> None:
        """One row per local stage with no CRM stage: a choice of the CRM's stages and Map."""
        for _crm, _stage, combo, _button in self.stage_map_rows:
            row = combo.parentWidget()
            assert row is not None  # the row widget holding the combo (see below)
            self.stage_map_form.removeRow(row)
        self.stage_map_rows = []
        self.stage_map_note.setText(
            "Moves to these stages are held (never sent to the CRM) until each is mapped to a stage "
            "of the CRM's pipeline:" if rows else "Every stage has a CRM stage.")
        for r in rows:
            holder = QWidget()
            line = QHBoxLayout(holder)
            line.setContentsMargins(0, 0, 0, 0)
            combo = QComboBox()
            for ext, label in r["choices"]:
                combo.addItem(f"{label} ({ext})", ext)
            combo.setAccessibleName(f"{r['crm_name']} stage for {r['stage']}")
            button = QPushButton("Map")
            button.setToolTip(f"Send moves to {r['stage']} as this {r['crm_name']} stage")
            line.addWidget(combo, 1)
            line.addWidget(button)
            held = f" · {r['held']} held" if r["held"] else ""
            self.stage_map_form.addRow(f"{r['stage']} → {r['crm_name']}{held}", holder)
            button.clicked.connect(lambda _c=False, r=r, combo=combo: self._map_stage(r, combo))
            self.stage_map_rows.append((r["crm"], r["stage"], combo, button))

    def _map_stage(self, row: StageMapping, combo: QComboBox) -> None:
        if combo.currentData() is None:
            return
        self.facade.map_stage(row, combo.currentData(), done=self._mapped,
                              error=lambda e: self.status.setText(f"Cannot map: {e}"))

    def _mapped(self, change: Change) -> None:
        self.status.setText(change.summary or "Mapped.")
        self.refresh()

    def apply(self) -> None:
        """Save: voice settings to voice.json, LLM/theme/data folder to QSettings, secrets to the keyring."""
        vs = self.voice.voice_settings
        vs.input_device = self.mic.currentData()
        vs.mode = self.mode.currentData()
        vs.hotkey = self.hotkey.text().strip() or vs.hotkey
        vs.cues = self.voice.cues.enabled = self.cues.isChecked()
        vs.readback = self.voice.readback.enabled = self.readback.isChecked()
        data_dir = self.voice.data_dir
        self.facade.save_voice_settings(vs, data_dir)
        self.qs.setValue("voice/ptt_key", self.ptt.currentText())
        self.qs.setValue("llm/model", self.llm.text().strip())
        self.qs.setValue("speech/model", self.model.text().strip())
        self.qs.setValue("workspace/data_dir", self.data_dir.text().strip())
        self.qs.setValue("ui/theme", self.theme.currentData())
        self.ptt_key_changed.emit(self.ptt.currentText())
        key = self.key.text()
        if key.strip() and self.llm.text().strip():
            self.facade.save_llm_key(self.llm.text().strip(), key, done=lambda _r: self.refresh(),
                                     error=lambda e: self.status.setText(f"Keyring unavailable: {e}"))
            self.key.clear()
        if self._mcp_budget_shown is not None and self.mcp_budget.value() != self._mcp_budget_shown:
            self.facade.set_mcp_budget(self.mcp_budget.value(), done=lambda _c: self.facade.mcp_access(self._show_mcp),
                                       error=lambda e: self.status.setText(f"MCP budget not saved: {e}"))
        for provider, fld in self.crm_fields.items():
            if fld.text().strip():
                self.facade.save_crm_token(provider, fld.text(), done=lambda _r: self.refresh(),
                                           error=lambda e: self.status.setText(f"Keyring unavailable: {e}"))
                fld.clear()
        self.status.setText("Saved. Model and data folder changes apply at the next start.")
