"""The main window: sidebar of panels, the always-visible command bar with the Plan card, the
toolbar with the global kill switch, and the status bar (microphone, model, sync, approvals).

Every instruction — typed, spoken, or a drag on the pipeline board — becomes a Plan shown in the
Plan card; nothing changes until the user confirms. Work runs off the UI thread (see
:class:`desktop.ui.bridge.Bridge`); panels refresh from the bridge's ``changed`` signal.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QByteArray, QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.plan import Plan, Target
from desktop.services.change import Change
from desktop.services.facades.bundle import Facades
from desktop.services.facades.command import ImportSummary, PlannedInstruction, RecordDetail, StatusCounts
from desktop.services.facades.plans import ActionView, Results
from desktop.ui import theme
from desktop.ui.bridge import AgentScheduler, Bridge, LiveSync, SyncState, sync_status_text
from desktop.ui.email_sender import EmailSender
from desktop.ui.panels.activity import ActivityPanel
from desktop.ui.panels.agents import AgentsPanel
from desktop.ui.panels.approvals import ApprovalsPanel
from desktop.ui.panels.command import CommandBar, CommandPanel
from desktop.ui.panels.costs import CostsPanel
from desktop.ui.panels.notes import NotesPanel
from desktop.ui.panels.pipeline import PipelinePanel
from desktop.ui.panels.settings import SettingsPanel
from desktop.ui.ptt import PushToTalkFilter
from desktop.ui.widgets.common import set_button_text
from desktop.ui.widgets.plan_card import PlanCard
from desktop.ui.widgets.record_view import RecordDialog

if TYPE_CHECKING:  # loaded on first use (the reply reader) or by the composition root (the voice layer)
    from desktop.planner.replies import Reply, ReplyContext
    from desktop.ui.voice import VoiceController
    from desktop.voice.notes import NoteInfo

PANELS = ["Command", "Pipeline", "Revenue", "Costs", "Agents", "Approvals", "Notes", "Activity", "Settings"]
ICONS = {"Command": "⌘", "Pipeline": "▥", "Revenue": "↗", "Costs": "$", "Agents": "◎", "Approvals": "✓",
         "Notes": "✎", "Activity": "≡", "Settings": "⚙"}


class MainWindow(QMainWindow):
    """Signals: plan_shown(Plan) — the Plan card shows a new plan; applied(Change) — a plan was
    applied; undone(Change); status_updated(StatusCounts); results_shown(Results) — a question's answer is on
    screen (:mod:`desktop.services.results`); note_processed(Change) — a transcribed voice note was
    logged and its follow-ups queued (:mod:`desktop.services.note_work`); reply_read(str, Reply) — a spoken utterance was
    read as a reply to what was on screen (:mod:`desktop.planner.replies`)."""

    plan_shown = Signal(object)
    reply_read = Signal(str, object)
    results_shown = Signal(object)
    note_processed = Signal(object)
    applied = Signal(object)
    undone = Signal(object)
    status_updated = Signal(object)

    def __init__(self, bridge: Bridge, facades: Facades, voice: VoiceController, qsettings: QSettings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge, self.facades, self.voice, self.qs = bridge, facades, voice, qsettings
        self.command = facades.command
        self.context_target: Target | None = None
        self._plan_seq = 0  # the newest instruction planned (an older one's LLM refinement is dropped)
        self._last_status: StatusCounts | None = None
        self._source = "text"
        self._records: list[RecordDialog] = []
        self.setWindowTitle("Spectrum")
        self.setProperty(theme.THEME_PROPERTY, theme.current().name)  # dialogs parented here follow it
        self.resize(1320, 840)
        self._build()
        self._wire()
        self._restore()

    # -- layout ----------------------------------------------------------------------------------
    def _build(self) -> None:
        central = QWidget()
        root = QHBoxLayout(central)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        side = QVBoxLayout()
        side.setSpacing(0)
        side_box = QWidget()
        side_box.setObjectName("SidebarBox")
        side_box.setLayout(side)
        brand = QLabel("◆ Spectrum")
        brand.setObjectName("Brand")
        theme.set_scaled_font(brand, 1.25, bold=True)
        side.addWidget(brand)
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("Sidebar")
        # styled now: rows laid out before the first polish (setCurrentRow in _restore) kept the
        # unpadded height, overlapping, until a style sheet change re-laid them out
        self.sidebar.ensurePolished()
        self.sidebar.setAccessibleName("Panels")
        for i, name in enumerate(PANELS):
            item = QListWidgetItem(f"{ICONS[name]}   {name}")
            item.setToolTip(f"{name} (Ctrl+{i + 1})")
            self.sidebar.addItem(item)
        side.addWidget(self.sidebar, 1)
        # wide enough for "✓   Approvals  (999)" in the system font (text scales with it)
        side_box.setFixedWidth(max(190, self.sidebar.fontMetrics().horizontalAdvance("✓   Approvals  (999)") + 56))
        root.addWidget(side_box)
        right = QVBoxLayout()
        right.setSpacing(0)
        right.setContentsMargins(0, 0, 0, 0)
        key = str(self.qs.value("voice/ptt_key", "F9"))
        self.command_bar = CommandBar(key)
        right.addWidget(self.command_bar)
        card_box = QWidget()
        cl = QVBoxLayout(card_box)
        cl.setContentsMargins(20, 12, 20, 0)
        self.plan_card = PlanCard()
        self.plan_card.hide()
        cl.addWidget(self.plan_card)
        from desktop.ui.widgets.results_view import ResultsView

        self.results_view = ResultsView()
        cl.addWidget(self.results_view)
        right.addWidget(card_box)
        self.stack = QStackedWidget()
        right.addWidget(self.stack, 1)
        root.addLayout(right, 1)
        self.setCentralWidget(central)
        self.command_panel = CommandPanel()
        self.pipeline = PipelinePanel(self.facades.pipeline)
        from desktop.ui.panels.revenue import RevenuePanel

        self.revenue = RevenuePanel(self.facades.revenue)
        self.costs = CostsPanel(self.facades.costs)
        self.agents = AgentsPanel(self.facades.agents)
        self.approvals = ApprovalsPanel(self.facades.approvals)
        self.notes = NotesPanel(self.facades.notes, self.voice)
        self.activity = ActivityPanel(self.facades.activity)
        self.settings_panel = SettingsPanel(self.facades.settings, self.voice, self.qs)
        self.panels = [self.command_panel, self.pipeline, self.revenue, self.costs, self.agents, self.approvals,
                       self.notes, self.activity, self.settings_panel]
        for p in self.panels:
            self.stack.addWidget(p)
        self._build_toolbar()
        self._build_menus()
        self._build_status()

    def _build_toolbar(self) -> None:
        tb = self.addToolBar("Main")
        tb.setObjectName("MainToolbar")
        tb.setMovable(False)
        self.undo_action = QAction("↶  Undo", self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setToolTip("Undo the last applied plan (Ctrl+Z)")
        self.import_action = QAction("Import…", self)
        self.import_action.setShortcut("Ctrl+I")
        self.import_action.setToolTip("Import CSV exports (Ctrl+I)")
        self.focus_action = QAction("Command", self)
        self.focus_action.setShortcut("Ctrl+K")
        self.focus_action.setToolTip("Focus the command bar (Ctrl+K)")
        self.theme_action = QAction("◐  Theme", self)
        self.theme_action.setShortcut("Ctrl+Shift+T")
        self.theme_action.setToolTip("Toggle light / dark theme (Ctrl+Shift+T)")
        for a in (self.focus_action, self.undo_action, self.import_action, self.theme_action):
            tb.addAction(a)
        spacer = QWidget()
        spacer.setSizePolicy(spacer.sizePolicy().horizontalPolicy().Expanding,
                             spacer.sizePolicy().verticalPolicy().Preferred)
        tb.addWidget(spacer)
        self.kill_switch = QToolButton()
        self.kill_switch.setObjectName("KillSwitch")
        self.kill_switch.setCheckable(True)
        self.kill_switch.setShortcut("Ctrl+Shift+K")
        self.kill_switch.setToolTip("Global kill switch: stop every agent now (Ctrl+Shift+K)")
        self.kill_switch.setAccessibleName("Global kill switch")
        self._show_kill(False)
        tb.addWidget(self.kill_switch)

    def _build_menus(self) -> None:
        m = self.menuBar().addMenu("&File")
        m.addAction(self.import_action)
        self.sync_now_action = m.addAction("Sync now")
        self.sync_now_action.setShortcut("Ctrl+Shift+Y")
        self.sync_now_action.setToolTip("Sync with the connected CRM now (Ctrl+Shift+Y)")
        self.sync_now_action.triggered.connect(lambda: self.live_sync.sync_now())
        self.sandbox_action = m.addAction("Sync with the sandbox CRM (local emulator)")
        self.sandbox_action.setCheckable(True)
        self.sandbox_action.setChecked(str(self.qs.value("sync/sandbox", "false")).lower() == "true")
        self.sandbox_action.toggled.connect(self._sandbox_toggled)
        m.addSeparator()
        quit_action = m.addAction("Quit")
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        e = self.menuBar().addMenu("&Edit")
        e.addAction(self.undo_action)
        v = self.menuBar().addMenu("&View")
        v.addAction(self.focus_action)
        v.addAction(self.theme_action)
        v.addSeparator()
        for i, name in enumerate(PANELS):
            a = v.addAction(name)
            a.setShortcut(f"Ctrl+{i + 1}")
            a.triggered.connect(lambda _=False, i=i: self.show_panel(i))
            self.addAction(a)
        h = self.menuBar().addMenu("&Help")
        welcome = h.addAction("Welcome and shortcuts")
        welcome.setShortcut("F1")
        welcome.triggered.connect(self.show_welcome)

    def _build_status(self) -> None:
        sb = self.statusBar()
        self.mic_label = QLabel("Mic: off")
        self.model_label = QLabel("Speech model: loading…")
        self.sync_label = QLabel("Sync: –")
        self.approvals_label = QLabel("Approvals: 0")
        for w, tip in ((self.mic_label, "Microphone state"), (self.model_label, "Speech model (loads in the background)"),
                       (self.sync_label, "Outbox: changes waiting to be pushed to your CRM"),
                       (self.approvals_label, "Plans waiting in Approvals (Ctrl+6)")):
            w.setToolTip(tip)
            sb.addPermanentWidget(w)

    # -- wiring ----------------------------------------------------------------------------------
    def _wire(self) -> None:
        b, v, cb, card = self.bridge, self.voice, self.command_bar, self.plan_card
        self.sidebar.currentRowChanged.connect(self.show_panel)
        cb.submitted.connect(lambda text: self.submit(text, "text"))
        cb.ptt_pressed.connect(v.press)
        cb.ptt_released.connect(v.release)
        v.level.connect(cb.meter.set_level)
        v.partial.connect(cb.show_partial)
        v.final.connect(self._heard)
        v.transcribed.connect(self.command.record_transcription)
        v.hint.connect(lambda t: self.statusBar().showMessage(t, 5000))
        v.error.connect(lambda t: self.statusBar().showMessage(t, 10000))
        v.mic_state.connect(self._mic_state)
        v.model_state.connect(self._model_state)
        card.confirmed.connect(self.confirm)
        card.cancelled.connect(self.dismiss_plan)
        card.edit_requested.connect(self._edit)
        card.fields_requested.connect(self._edit_fields)
        card.queued.connect(lambda plan: self.command.queue(plan, self._source,
                                                            done=lambda _c: self._done_plan(plan, "Sent to Approvals")))
        card.candidate_picked.connect(self._pick)
        card.link_activated.connect(self.open_record)
        self.results_view.open_record.connect(self.open_record)
        self.results_view.closed.connect(self.dismiss_plan)
        v.note_changed.connect(self._note_changed)
        self.notes.record_in_view = self.record_in_view
        self.pipeline.move_requested.connect(self._drag_move)
        self.pipeline.open_record.connect(self.open_record)
        self.revenue.open_record.connect(self.open_record)
        self.command_panel.example_chosen.connect(self._example)
        self.undo_action.triggered.connect(self.undo)
        self.import_action.triggered.connect(self.import_dialog)
        self.focus_action.triggered.connect(self.focus_command)
        self.theme_action.triggered.connect(self.toggle_theme)
        self.kill_switch.toggled.connect(self._kill_toggled)
        self.settings_panel.theme_changed.connect(self.set_theme)
        theme.notifier().applied.connect(self._theme_applied)
        self.settings_panel.ptt_key_changed.connect(self.set_ptt_key)
        b.changed.connect(lambda _c: self.refresh_status())
        self.live_sync = LiveSync(b)
        self.agent_scheduler = AgentScheduler(b)
        self.email_sender = EmailSender(b)
        self.live_sync.state_changed.connect(self._show_sync)
        b.notify.connect(lambda level, msg: self.statusBar().showMessage(msg, 10000))
        self.ptt_filter = PushToTalkFilter(self._key_code(str(self.qs.value("voice/ptt_key", "F9"))),
                                           v.press, v.release, self)
        self._app().installEventFilter(self.ptt_filter)

    @staticmethod
    def _app() -> QApplication:
        """The running application (one exists while a widget does)."""
        app = theme.qapp()
        assert app is not None
        return app

    @staticmethod
    def _key_code(name: str) -> int:
        seq = QKeySequence(name)
        # PySide6's stubs lack QKeySequence.__getitem__ (C++ operator[]), which it has at run time
        return seq[0].key().value if seq.count() else Qt.Key.Key_F9.value  # type: ignore[index]

    def set_ptt_key(self, name: str) -> None:
        """Use ``name`` (e.g. "F9") as the in-app push-to-talk key."""
        self.ptt_filter.key = self._key_code(name)
        self.command_bar.set_ptt_key(name)

    def _restore(self) -> None:
        geo = self.qs.value("ui/geometry")
        if isinstance(geo, (QByteArray, bytes)):
            self.restoreGeometry(geo)
        self.sidebar.setCurrentRow(int(cast("int | str", self.qs.value("ui/panel", 0))))

    def start(self) -> None:
        """Load the visible panel's data (in the background; the others when first shown) and
        start the voice layer."""
        current = self.panels[self.stack.currentIndex()]
        for p in self.panels:
            if hasattr(p, "refresh"):
                if p is current or p is self.settings_panel:
                    p.refresh()
                else:
                    p.setProperty("stale", True)
        self.refresh_status()
        self._watch_approvals()
        self.live_sync.start(sandbox=self.sandbox_action.isChecked())
        self.agent_scheduler.start()
        self.email_sender.start()
        self.command.warm_up()
        self.command.voice_bias(self.voice.set_bias)
        self.command.process_pending_notes()
        worker = getattr(self.voice, "worker", None)
        if worker is not None:  # queued behind the model load (VAD warm-up)
            from desktop.ui.tasks import prepare_speech_worker

            prepare_speech_worker(worker)
        self.voice.start()

    def _watch_approvals(self) -> None:
        """Reload the approvals queue when another process (``spectrum mcp``) rewrites the signal
        file (:meth:`Settings.approvals_signal_path`); the file is created off the UI thread first."""
        from PySide6.QtCore import QFileSystemWatcher

        path = self.command.approvals_signal_path
        self._approvals_watch = QFileSystemWatcher(self)
        self._approvals_watch.fileChanged.connect(self._approvals_signalled)

        def touch() -> str:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.touch()
            return str(path)
        self.bridge.call(touch, done=self._approvals_watch.addPath,
                         error=lambda e: self.statusBar().showMessage(f"Not watching for MCP plans: {e}", 8000))

    def _approvals_signalled(self, path: str) -> None:
        if path not in self._approvals_watch.files() and Path(path).exists():
            self._approvals_watch.addPath(path)  # some editors and file systems replace the file
        self.refresh_status()
        if self.approvals.isVisible():
            self.approvals.refresh()
        else:
            self.approvals.setProperty("stale", True)

    # -- panels ----------------------------------------------------------------------------------
    def show_panel(self, index: int) -> None:
        """Show panel ``index`` (order of :data:`PANELS`)."""
        if self.sidebar.currentRow() != index:
            self.sidebar.setCurrentRow(index)
            return
        self.stack.setCurrentIndex(index)
        self.qs.setValue("ui/panel", index)
        panel = self.panels[index]
        if panel.property("stale") and hasattr(panel, "refresh"):
            panel.setProperty("stale", False)
            panel.refresh()

    def panel(self, name: str) -> QWidget:
        """The panel called ``name``."""
        return self.panels[PANELS.index(name)]

    def focus_command(self) -> None:
        """Put the keyboard focus in the command bar's text field."""
        self.command_bar.field.setFocus()
        self.command_bar.field.selectAll()

    # -- the main job ------------------------------------------------------------------------------
    def submit(self, text: str, source: str = "text") -> None:
        """Plan ``text`` off the UI thread and show the Plan card."""
        self._source = source
        self.command_bar.clear_partial()
        target = self.context_target
        self._plan_seq = seq = self._plan_seq + 1

        def show_offline(planned: PlannedInstruction) -> None:
            plan = planned.plan
            self._show_plan(planned)
            if planned.refine:  # the LLM's plan replaces this one if it arrives before the user acts
                self.statusBar().showMessage("Refining with the LLM…", 8000)
                self.command.refine(text, target, done=lambda r: self._refine_plan(seq, plan, r),
                                    error=lambda e: self.statusBar().showMessage(f"LLM planning failed: {e}", 6000))

        self.statusBar().showMessage("Planning…", 2000)
        self.command.plan(text, target, done=show_offline,
                          error=lambda e: self.statusBar().showMessage(f"Planning failed: {e}"))

    def _refine_plan(self, seq: int, offline_plan: Plan, refined: PlannedInstruction) -> None:
        """Show the LLM's plan if the card still shows the offline plan of the same request."""
        plan = refined.plan
        if seq != self._plan_seq or self.plan_card.plan is not offline_plan or not self.plan_card.isVisible():
            return
        if plan.model_dump() != offline_plan.model_dump():
            self._show_plan(refined)
            self.statusBar().showMessage("Plan refined by the LLM", 4000)
        else:
            self.statusBar().clearMessage()

    def _show_plan(self, planned: PlannedInstruction) -> None:
        plan, views = planned.plan, planned.views
        self.statusBar().clearMessage()
        self.plan_card.show_plan(plan, views)
        self.results_view.show_results(None)
        if not plan.mutating and not plan.clarifications and plan.actions:
            # a question or "show me…": executed read-only, shown as a results list
            self.command.results(plan, done=functools.partial(self._show_results, plan),
                                 error=lambda e: self.statusBar().showMessage(f"Could not show the results: {e}", 8000))
        elif self._source == "voice":
            self.speak_back(self.read_back_text(plan, views))
        self.plan_shown.emit(plan)

    def _show_results(self, plan: Plan, results: Results | None) -> None:
        if self.plan_card.plan is not plan:
            return  # another plan replaced it meanwhile
        self.results_view.show_results(results)
        if results is not None:
            self.plan_card.hide()  # read-only: nothing to confirm; the results view has Close (Esc)
            self.command_panel.add(plan.transcript, results.sentence[:160])
            if self._source == "voice":
                self.speak_back(results.sentence)
            self.results_shown.emit(results)

    @staticmethod
    def read_back_text(plan: Plan, views: list[ActionView]) -> str:
        """What read-back says for a plan: its question, else its sentences (at most three) and what to say."""
        if plan.clarifications:
            return plan.clarifications[0]
        lines = [v.sentence for v in views if not getattr(v, "pending", False)][:3]
        if not plan.mutating:
            return plan.message or " ".join(lines) or "Nothing to do."
        return " ".join(lines) + (" Say delete and the name to confirm." if plan.destructive else " Say yes to apply.")

    # -- the conversation: the next utterance is first a reply to what is on screen -------------
    def reply_context(self) -> ReplyContext:
        """What a spoken reply answers (:class:`desktop.planner.replies.ReplyContext`): the Plan card's
        plan or question when it is shown, else the approvals queue when the Approvals panel is in view
        with pending plans, else nothing."""
        from desktop.planner.replies import ReplyContext, context_for_plan

        plan = self.plan_card.plan
        if self.plan_card.isVisible() and plan is not None and not self.plan_card.busy \
                and (plan.mutating or plan.clarifications):
            return context_for_plan(plan, self.backend_stages(), self.command.team)
        if self.stack.currentWidget() is self.approvals and self.approvals.items:
            return ReplyContext(kind="approvals", items=self.approvals.reply_items(),
                                selected=None if self.approvals.current_id is None else str(self.approvals.current_id))
        return ReplyContext()

    def backend_stages(self) -> tuple[str, ...]:
        """The stage labels the pipeline board shows (the default pipeline's before it has loaded)."""
        from desktop.planner.replies import DEFAULT_STAGES

        cols = getattr(self.pipeline, "columns", None) or []
        labels = tuple(getattr(getattr(c, "stage", None), "label", "") for c in cols)
        return tuple(x for x in labels if x) or DEFAULT_STAGES

    def _heard(self, text: str) -> None:
        """A final transcript: read it as a reply to what is on screen (off the UI thread), then act."""
        from desktop.planner.replies import read_reply

        self.command_bar.field.setText(text)
        ctx = self.reply_context()
        today = self.command.now().date()
        shown = self.plan_card.plan
        self.bridge.call(lambda: (ctx, read_reply(text, ctx, today=today)),
                         done=lambda r: self._act_on_reply(text, *r, shown=shown),
                         error=lambda _e: self.submit(text, "voice"))

    def _act_on_reply(self, text: str, ctx: ReplyContext, reply: Reply, shown: Plan | None = None) -> None:
        kind = reply.kind
        self.reply_read.emit(text, reply)
        plan = self.plan_card.plan
        if ctx.kind in ("plan", "question") and kind not in ("undo", "new_instruction") and plan is not shown:
            self.statusBar().showMessage(f"Heard “{text}” while the plan changed: say it again.", 8000)
            return
        if kind == "undo":
            self.command_bar.field.clear()
            self.undo()
            return
        if ctx.kind == "none" or kind == "new_instruction":
            self.submit(text, "voice")
            return
        if ctx.kind == "approvals":
            self.command_bar.field.clear()
            self.approvals.act_on_reply(reply)
            return
        if plan is None or not self.plan_card.isVisible():  # the card went away meanwhile
            self.submit(text, "voice")
            return
        if kind == "confirm" and plan.mutating and not plan.clarifications:
            self.speak_back("Applying.")
            self.confirm(plan, bool(plan.destructive))
        elif kind == "confirm_needs_name":
            names = ", ".join(a.target.name for a in plan.actions if a.destructive and a.target)
            self.plan_card.arm(f"This plan deletes {names}. Say “delete {names}, yes”, or press Confirm delete.")
            self.speak_back(f"This deletes {names}. Say delete {names}, yes, to confirm.")
        elif kind == "cancel":
            self.command_panel.add(plan.transcript, "Cancelled")
            self.statusBar().showMessage("Cancelled", 4000)
            self.dismiss_plan()
            self.command_bar.field.clear()
        elif kind == "choose" and plan.clarifications and plan.candidates and reply.choice is not None \
                and reply.choice < len(plan.candidates[0]):
            self._pick(0, plan.candidates[0][reply.choice])
        elif kind == "edit":
            self._edit_by_voice(plan, reply.field, reply.value)
        else:
            hint = ("Say yes to apply it, no to cancel, or a change like “make it 120k”." if ctx.kind == "plan"
                    else "Say which one (“the first one”, a name), or cancel.")
            self.plan_card.message.setText(f"Heard “{text}”. {hint}")
            self.plan_card.message.show()
            self.statusBar().showMessage(f"Heard “{text}”: not a reply. {hint}", 8000)

    def _edit_by_voice(self, plan: Plan, field: str | None, value: object) -> None:
        from desktop.planner.replies import apply_edit

        assert field is not None  # an "edit" reply always names its field (desktop.planner.replies.Reply)
        try:
            edited = apply_edit(plan, field, value)
        except ValueError as exc:
            self.statusBar().showMessage(f"Cannot change that: {exc}", 8000)
            return
        self.command.plan_view(edited, done=lambda views: self._show_plan(PlannedInstruction(edited, views)),
                               error=lambda e: self.statusBar().showMessage(f"Cannot change that: {e}", 8000))

    def speak_back(self, text: str) -> None:
        """Read ``text`` aloud when spoken read-back is on (Settings; off by default)."""
        readback = getattr(self.voice, "readback", None)
        if readback is not None:
            readback.say(text)

    def _pick(self, question: int, target: Target) -> None:
        plan = self.plan_card.plan
        if plan is not None:
            self.command.pick_candidate(plan, question, target, done=self._show_plan)

    # -- notes become work ---------------------------------------------------------------------
    def record_in_view(self) -> tuple[str, int] | None:
        """(type, id) of the newest open record dialog, else of the Plan card's first record, else None."""
        for dlg in reversed(self._records):
            data = getattr(dlg, "data", None)
            if dlg.isVisible() and isinstance(data, dict) and data.get("kind") in ("deal", "contact", "company"):
                return data["kind"], int(data["id"])
        plan = self.plan_card.plan
        if self.plan_card.isVisible() and plan is not None:
            t = next((a.target for a in plan.actions if a.target and a.target.id.isdigit()), None)
            if t is not None and t.type in ("deal", "contact", "company"):
                return t.type, int(t.id)
        return None

    def _note_changed(self, info: NoteInfo) -> None:
        if info.state == "done" and info.work is None and info.transcript is not None:
            self.command.process_note(info.id, done=self.note_processed.emit,
                                      error=lambda e: self.statusBar().showMessage(f"Note not logged: {e}", 10000))

    def _drag_move(self, deal_id: int, name: str, stage: str) -> None:
        self._source = "ui"
        self.command.stage_move(deal_id, name, stage, done=self._show_plan)

    def confirm(self, plan: Plan, destructive_ok: bool) -> None:
        """Apply a confirmed plan (on the writer thread)."""
        self.plan_card.set_busy(True)
        self.command.apply(plan, self._source, destructive_ok,
                           done=lambda change: self._applied(plan, change), error=self._apply_failed)

    def _applied(self, plan: Plan, change: Change) -> None:
        sends = sum(a.kind == "send_email" for a in plan.actions)
        self._done_plan(plan, "E-mail queued — it leaves after the undo window; Ctrl+Z to undo send"
                        if sends else "Applied — Ctrl+Z to undo")
        self.applied.emit(change)

    def _apply_failed(self, exc: BaseException) -> None:
        self.plan_card.set_busy(False)
        self.plan_card.message.setText(f"Not applied: {exc}")
        self.plan_card.message.show()
        self.statusBar().showMessage(f"Not applied: {exc}", 10000)

    def _done_plan(self, plan: Plan, outcome: str) -> None:
        self.command_panel.add(plan.transcript, outcome)
        self.statusBar().showMessage(outcome, 6000)
        self.dismiss_plan()
        self.command_bar.field.clear()

    def dismiss_plan(self) -> None:
        """Hide the Plan card (and a question's results)."""
        self.plan_card.set_busy(False)
        self.plan_card.hide()
        self.results_view.show_results(None)

    def _edit(self, text: str) -> None:
        self.plan_card.hide()
        self.command_bar.field.setText(text)
        self.focus_command()

    def _edit_fields(self, plan: Plan) -> None:
        """Plan card Edit: change the plan's fields, then show the edited plan to confirm."""
        from desktop.ui.widgets.plan_editor import open_plan_editor

        def saved(edited: Plan) -> None:
            self.command.plan_view(edited, done=lambda views: self._show_plan(PlannedInstruction(edited, views)))
        open_plan_editor(self, self.command, plan, saved=saved, rephrase=self._edit)

    def _example(self, text: str) -> None:
        self.command_bar.field.setText(text)
        self.focus_command()

    def undo(self) -> None:
        """Revert the last applied plan (Ctrl+Z)."""
        def done(change: Change) -> None:
            self.command_panel.add("Undo", change.summary or "")
            self.statusBar().showMessage(change.summary or "", 6000)
            self.undone.emit(change)
        self.command.undo(done=done, error=lambda e: self.statusBar().showMessage(f"Cannot undo: {e}", 8000))

    def open_record(self, kind: str, local_id: int) -> None:
        """Open the record dialog for a deal, contact or company."""
        def show(data: RecordDetail) -> None:
            dlg = RecordDialog(data, self)
            dlg.open_record.connect(self.open_record)
            dlg.finished.connect(lambda _r, d=dlg: self._records.remove(d) if d in self._records else None)
            self._records.append(dlg)
            dlg.show()
        self.command.record(kind, local_id, done=show, error=lambda e: self.statusBar().showMessage(str(e), 6000))

    # -- kill switch, status, theme, import ------------------------------------------------------
    def _show_kill(self, on: bool) -> None:
        self.kill_switch.blockSignals(True)
        self.kill_switch.setChecked(on)
        self.kill_switch.blockSignals(False)
        set_button_text(self.kill_switch, "■  ALL AGENTS STOPPED" if on else "○  Kill switch: off")

    def _kill_toggled(self, on: bool) -> None:
        self._show_kill(on)
        self.facades.agents.set_global_kill(on)

    def refresh_status(self) -> None:
        """Reload approvals count, outbox state and the kill switch."""
        self.command.status(self._status)

    def _status(self, st: StatusCounts) -> None:
        n = st.pending_approvals
        self.approvals_label.setText(f"Approvals: {n}")
        self.sidebar.item(PANELS.index("Approvals")).setText(
            f"{ICONS['Approvals']}   Approvals" + (f"  ({n})" if n else ""))
        self._last_status = st
        self._show_sync()
        self._show_kill(st.global_kill)
        self.status_updated.emit(st)

    def _sandbox_toggled(self, on: bool) -> None:
        self.qs.setValue("sync/sandbox", on)
        self.live_sync.sync_now(sandbox=on)

    def _show_sync(self, state: SyncState | None = None) -> None:
        """Sync label: live sync state (:class:`LiveSync`) + outbox waiting/failed + conflicts."""
        st = self._last_status
        text, tip = sync_status_text(st.outbox if st else {}, st.conflicts if st else 0, self.live_sync.state,
                                     st.held if st else None)
        self.sync_label.setText(text)
        self.sync_label.setToolTip(tip)

    def _mic_state(self, state: str) -> None:
        self.mic_label.setText(f"Mic: {state}")
        self.command_bar.set_mic_state(state)

    def _model_state(self, state: str) -> None:
        self.model_label.setText({"loading": "Speech model: loading…", "ready": "Speech model: ready"}.get(
            state, f"Speech model: {state}"))

    def set_theme(self, name: str) -> None:
        """Apply and remember theme preference ``name`` ("system" | "light" | "dark")."""
        self.qs.setValue("ui/theme", name)
        theme.apply_theme(self._app(), name)

    def _theme_applied(self, _name: str) -> None:
        """Restyle what paints with explicit colours (also after an OS colour-scheme change); the
        window itself was re-polished and repainted by :func:`theme.repolish` (the pipeline cards and
        the level meter read :func:`theme.current` when they paint)."""
        self.revenue.restyle()

    def toggle_theme(self) -> None:
        """Switch between light and dark."""
        self.set_theme("dark" if theme.current().name == "light" else "light")

    def import_dialog(self, paths: list[str] | None = None) -> None:
        """Ask for CSV files/folders and import them with a progress dialog (off the UI thread)."""
        if paths is None:
            folder = QFileDialog.getExistingDirectory(self, "Import a folder of CSV exports")
            if not folder:
                return
            paths = [folder]
        dlg = QProgressDialog("Importing…", "Cancel", 0, 1000, self)
        dlg.setWindowTitle("Import")
        dlg.setMinimumDuration(0)
        dlg.setAutoClose(False)
        dlg.setAutoReset(False)
        self.import_progress = dlg
        relay = _ProgressRelay(self)

        def show_progress(name: str, frac: float, rows: int) -> None:
            dlg.setLabelText(f"{name}: {rows:,} rows")
            dlg.setValue(int(frac * 1000))

        relay.progress.connect(show_progress)

        def progress(name: str, done: int, total: int, rows: int) -> None:
            relay.progress.emit(name, done / max(total, 1), rows)

        def cancel() -> None:
            if not dlg.labelText().startswith(("Imported", "Nothing")):
                dlg.setLabelText("Cancelling…")
                self.command.cancel_import()

        dlg.canceled.connect(cancel)

        def finished(report: ImportSummary) -> None:
            dlg.setValue(1000)
            lines = [f"Imported {report.imported:,} rows; skipped {report.skipped_total:,}."]
            lines += [f"Warning: {Path(w.split(':', 1)[0]).name}: {w.split(': ', 1)[-1]}" for w in report.warnings[:5]]
            lines += [Path(p.split(":", 1)[0]).name + ":" + p.split(":", 1)[1] for p in report.problems[:8]]
            if len(report.problems) > 8:
                lines.append(f"… and {len(report.problems) - 8} more (run `spectrum import` for the full list)")
            dlg.setLabelText("\n".join(lines))
            dlg.setCancelButtonText("Close")
            self.statusBar().showMessage(f"Imported {report.imported:,} rows", 8000)

        def failed(exc: BaseException) -> None:
            dlg.setLabelText(f"Nothing imported: {exc}")
            dlg.setCancelButtonText("Close")

        dlg.show()
        self.command.import_paths(paths, progress, done=finished, error=failed)

    def show_welcome(self) -> QMessageBox:
        """The short welcome that teaches the push-to-talk key (shown on first run)."""
        key = self.qs.value("voice/ptt_key", "F9")
        box = QMessageBox(self)
        box.setWindowTitle("Welcome to Spectrum")
        box.setText(f"<h3>Talk to your CRM</h3><p>Hold <b>{key}</b> (or the ◉ Hold to talk button), say what happened — "
                    "<i>“Move Acme to Negotiation, budget is 100K”</i> — and let go.</p>"
                    "<p>Spectrum shows a <b>Plan</b>; nothing changes until you press <b>Confirm</b>. "
                    "<b>Ctrl+Z</b> undoes. <b>Ctrl+K</b> types an instruction instead. "
                    "This is a demo workspace; import your own from File → Import.</p>")
        box.setModal(False)
        box.show()
        self.qs.setValue("ui/welcomed", True)
        return box

    # -- shutdown --------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        self.qs.setValue("ui/geometry", self.saveGeometry())
        self.qs.setValue("ui/panel", self.stack.currentIndex())
        self.qs.sync()
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Stop voice, background work and close the workspace (idempotent)."""
        if getattr(self, "_shut", False):
            return
        self._shut = True
        self._app().removeEventFilter(self.ptt_filter)
        for d in list(self._records):
            d.close()
        self.voice.shutdown()
        self.bridge.shutdown()


class _ProgressRelay(QObject):
    progress = Signal(str, float, int)
