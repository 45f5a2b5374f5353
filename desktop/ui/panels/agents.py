"""Agents: each agent's state (idle / running / paused / killed / over budget), schedule and next
run, last run, success rate, spend and its own kill switch; Run now / Pause / Resume for the selected
agent; the global daily spend cap and why all agents are stopped; select an agent to see its chain
runs, the step log of a run and its teammate chat (each answer's context beside it, and a button
that sends its suggested plan to approvals)."""

from __future__ import annotations

import functools

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.facades.agents import (
    AgentDetail,
    AgentRow,
    AgentsFacade,
    AgentsOverview,
    ContextItem,
)
from desktop.ui import theme
from desktop.ui.models import ROLE_ROW, DictTableModel
from desktop.ui.widgets.common import heading
from desktop.ui.widgets.tables import make_table


def _pct(v: float | None) -> str:
    return "–" if v is None else f"{v:.0%}"


def _context_html(items: list[ContextItem], muted: str) -> str:
    """The records and figures an answer used, one per line (figures with their value and source)."""
    import html

    lines = []
    for it in items:
        if it.get("type") == "figure":
            v = it.get("value")
            shown = "–" if v is None else (f"{v:,.2f}" if isinstance(v, float) else str(v))
            lines.append(f"<b>{html.escape(str(it.get('name')))}</b> = {html.escape(shown)}"
                         f"<br><span style='color:{muted}'>{html.escape(str(it.get('source') or ''))}</span>")
        else:
            extra = f" (score {it['score']})" if it.get("score") is not None else ""
            lines.append(f"{html.escape(str(it.get('type')))} #{html.escape(str(it.get('id')))}: "
                         f"{html.escape(str(it.get('name') or ''))}{extra}")
    return "<p>" + "</p><p>".join(lines) + "</p>" if lines else f"<p style='color:{muted}'>No records or figures used.</p>"


class AgentsPanel(QWidget):
    """Agent list with per-agent kill switches, chain runs, step log and chat."""

    def __init__(self, facade: AgentsFacade, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.facade = facade
        self.rows: list[AgentRow] = []
        self._detail: tuple[str, AgentDetail] | None = None
        self._plan_message: tuple[str, int] | None = None
        self.switches: dict[str, QToolButton] = {}
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 20, 24, 20)
        lay.setSpacing(12)
        head = QHBoxLayout()
        head.addWidget(heading("Agents"))
        head.addStretch(1)
        self.global_state = QLabel("")
        self.global_state.setObjectName("Destructive")  # danger colour of the theme shown
        self.global_state.setWordWrap(True)
        head.addWidget(self.global_state)
        lay.addLayout(head)
        bar = QHBoxLayout()
        self.run_btn = QPushButton("Run now")
        self.run_btn.setToolTip("Run the selected agent now (its plans go to Approvals)")
        self.run_btn.clicked.connect(self._run)
        self.pause_btn = QPushButton("Pause schedule")
        self.pause_btn.setToolTip("Pause or resume the selected agent's schedule (it still runs when asked)")
        self.pause_btn.clicked.connect(self._pause)
        self.action_state = QLabel("")
        self.action_state.setObjectName("Muted")
        self.cap_state = QLabel("")
        self.cap_state.setObjectName("Muted")
        bar.addWidget(self.run_btn)
        bar.addWidget(self.pause_btn)
        bar.addWidget(self.action_state, 1)
        bar.addWidget(self.cap_state)
        lay.addLayout(bar)
        self.empty = QLabel("No agents have run yet. Agents are defined by loadouts "
                            "(`spectrum agents ...`); their runs, spend and chats appear here.")
        self.empty.setObjectName("Muted")
        self.empty.setWordWrap(True)
        lay.addWidget(self.empty)
        split = QSplitter(Qt.Orientation.Vertical)
        self.model = DictTableModel([("name", "Agent"), ("role", "Role"), ("state", "State"), ("schedule", "Schedule"),
                                     ("next_run", "Next run"), ("last_run", "Last run"),
                                     ("success_rate", "Success"), ("spend_usd", "Spend today"),
                                     ("budget_usd", "Daily budget"), ("emails", "E-mails sent / replied / bounced"),
                                     ("switch", "Kill switch")],
                                    {"success_rate": _pct, "spend_usd": lambda v: f"${v:,.4f}" if v < 1 else f"${v:,.2f}",
                                     "budget_usd": lambda v: f"${v:,.2f}", "switch": lambda v: "",
                                     "last_run": lambda v: v or "never", "next_run": lambda v: v or "–",
                                     "schedule": lambda v: v or "on demand"},
                                    self)
        self.table = make_table(self.model, 0, "Agents")
        split.addWidget(self.table)
        self.detail = detail = QTabWidget()
        runs_page = QWidget()
        rl = QHBoxLayout(runs_page)
        rl.setContentsMargins(0, 6, 0, 0)
        self.runs_model = DictTableModel([("id", "Run"), ("started_at", "Started"), ("status", "Status"),
                                          ("cost_usd", "Cost"), ("error", "Error")],
                                         {"cost_usd": lambda v: f"${v:,.4f}"}, self)
        self.runs = make_table(self.runs_model, 4, "Chain runs")
        self.steps_model = DictTableModel([("position", "#"), ("tool", "Tool"), ("status", "Status"),
                                           ("output", "Output"), ("error", "Error")], parent=self)
        self.steps = make_table(self.steps_model, 3, "Step log")
        rl.addWidget(self.runs, 1)
        rl.addWidget(self.steps, 1)
        detail.addTab(runs_page, "Chain runs and step log")
        chat_page = QWidget()
        cl = QVBoxLayout(chat_page)
        cl.setContentsMargins(0, 6, 0, 0)
        chat_split = QSplitter(Qt.Orientation.Horizontal)
        self.chat = QTextBrowser()
        self.chat.setAccessibleName("Teammate chat")
        chat_split.addWidget(self.chat)
        side = QWidget()
        sl = QVBoxLayout(side)
        sl.setContentsMargins(6, 0, 0, 0)
        side_head = QLabel("Context of the last answer")
        side_head.setObjectName("Muted")
        sl.addWidget(side_head)
        self.context = QTextBrowser()
        self.context.setAccessibleName("Records and figures the last answer used")
        sl.addWidget(self.context, 1)
        self.queue_btn = QPushButton("Send plan to approvals")
        self.queue_btn.setToolTip("Queue the change this teammate suggested; nothing is applied until you approve it")
        self.queue_btn.setEnabled(False)
        self.queue_btn.clicked.connect(self._queue_plan)
        sl.addWidget(self.queue_btn)
        chat_split.addWidget(side)
        chat_split.setStretchFactor(0, 3)
        chat_split.setStretchFactor(1, 2)
        cl.addWidget(chat_split, 1)
        ask_row = QHBoxLayout()
        self.ask = QLineEdit()
        self.ask.setPlaceholderText("Ask this agent, e.g. \"Which deals went quiet this week?\" (Enter)")
        self.ask.returnPressed.connect(self._ask)
        ask_row.addWidget(self.ask, 1)
        cl.addLayout(ask_row)
        detail.addTab(chat_page, "Teammate chat")
        self.seq_model = DictTableModel([("agent", "Agent"), ("sequence", "Sequence"), ("step", "Step"),
                                         ("variant", "Variant"), ("enrolled", "Enrolled"),
                                         ("emails", "E-mails sent / replied / bounced"),
                                         ("reply_rate", "Reply rate (95% interval)"), ("verdict", "A/B verdict")],
                                        parent=self)
        self.sequences = make_table(self.seq_model, 7, "Sequences and A/B variants")
        detail.addTab(self.sequences, "Sequences and A/B")
        split.addWidget(detail)
        lay.addWidget(split, 1)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._select(cur))
        self.runs.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._select_run(cur))
        facade.watch(self, lambda _ch: self.refresh(), {"agents"})
        theme.notifier().applied.connect(self._show_chat)

    def refresh(self) -> None:
        """Reload the agents."""
        self.facade.overview(self.show_data)

    def show_data(self, d: AgentsOverview) -> None:
        """Show every agent (:class:`desktop.services.facades.agents.AgentsOverview`)."""
        reason = d.stop_reason
        self.global_state.setText((f"All agents stopped: {reason}" if reason else
                                   "All agents stopped (global kill switch ON)") if d.global_kill else "")
        if d.cap_usd is not None:
            self.cap_state.setText(f"All agents today: ${d.spent_today_usd or 0:,.4f} of the ${d.cap_usd:,.2f} daily cap")
        for r in d.agents:
            r["switch"] = r["killed"]
        selected = self._selected()
        keep = selected["name"] if selected else None  # the reload keeps the agent the user selected
        self.rows = d.agents
        self.model.set_rows(self.rows)
        self.seq_model.set_rows(list(d.sequences))
        self.switches = {}
        proxy = self.table.model()
        for i in range(proxy.rowCount()):
            row = proxy.index(i, 0).data(ROLE_ROW)
            b = QToolButton()
            b.setObjectName("KillSwitch")
            b.setCheckable(True)
            b.setChecked(row["killed"])
            b.setText("Killed" if row["killed"] else "Kill")
            b.setToolTip(f"Stop agent {row['name']} (its own kill switch)")
            b.toggled.connect(lambda on, name=row["name"]: self.facade.set_killed(name, on))
            self.table.setIndexWidget(proxy.index(i, len(self.model.columns) - 1), b)
            self.switches[row["name"]] = b
        self.empty.setVisible(not self.rows)
        self.table.setVisible(bool(self.rows))
        if self.rows and not self.table.currentIndex().isValid():
            names = [proxy.index(i, 0).data(ROLE_ROW)["name"] for i in range(proxy.rowCount())]
            self.table.selectRow(names.index(keep) if keep in names else 0)
        self._update_buttons()
        self.facade.refreshed()

    def _selected(self) -> AgentRow | None:
        index = self.table.currentIndex()
        return index.data(ROLE_ROW) if index.isValid() else None

    def _update_buttons(self) -> None:
        row = self._selected()
        self.run_btn.setEnabled(row is not None and not row.get("killed"))
        paused = bool(row and row.get("paused"))
        self.pause_btn.setText("Resume schedule" if paused else "Pause schedule")
        self.pause_btn.setEnabled(row is not None and row.get("schedule", "on demand") != "on demand")

    def _run(self) -> None:
        row = self._selected()
        if row is None:
            return
        name = row["name"]
        self.run_btn.setEnabled(False)
        self.action_state.setText(f"{name} is running…")

        def done(msg: str) -> None:
            self.action_state.setText(msg)
            self.run_btn.setEnabled(True)

        def error(e: BaseException) -> None:
            self.action_state.setText(f"Could not run {name}: {e}")
            self.run_btn.setEnabled(True)

        self.facade.run(name, done=done, error=error)

    def _pause(self) -> None:
        row = self._selected()
        if row is None:
            return
        on = not row.get("paused")
        self.facade.set_paused(row["name"], on, done=lambda _c: self.action_state.setText(
            f"{row['name']} {'paused: it runs only when asked' if on else 'resumed'}"))

    def _queue_plan(self) -> None:
        msg = self._plan_message
        if msg is None:
            return
        name, mid = msg
        self.queue_btn.setEnabled(False)
        self.facade.queue_chat_plan(name, mid,
                                    done=lambda i: self.action_state.setText(f"Plan from {name} queued as approval #{i}"),
                                    error=lambda e: self.action_state.setText(f"Could not queue the plan: {e}"))

    def _ask(self) -> None:
        q = self.ask.text().strip()
        index = self.table.currentIndex()
        if not q or not index.isValid():
            return
        name = index.data(ROLE_ROW)["name"]
        self.ask.clear()
        self.ask.setPlaceholderText(f"{name} is thinking…")

        def done(_a: str) -> None:
            self.ask.setPlaceholderText("Ask this agent (Enter)")
            self._load_detail(name)  # by name: the table may have been reloaded meanwhile (a stale index would crash)

        self.facade.ask(name, q, done=done, error=lambda e: self.ask.setPlaceholderText(f"Could not ask {name}: {e}"))

    def _select(self, index: QModelIndex) -> None:
        self._update_buttons()
        if not index.isValid():
            return
        self._load_detail(index.data(ROLE_ROW)["name"])

    def _load_detail(self, name: str) -> None:
        self.facade.detail(name, functools.partial(self._show_detail, name))

    def _show_detail(self, name: str, d: AgentDetail) -> None:
        self.runs_model.set_rows(d.runs)
        self.steps_model.set_rows([])
        self._detail = (name, d)
        self._show_chat()
        if d.runs:
            self.runs.selectRow(0)

    def _show_chat(self, *_theme: object) -> None:
        """Render the chat of the agent shown in the theme's colours (again after a theme change)."""
        if self._detail is None:
            return
        name, d = self._detail
        c = theme.current()
        parts = []
        for m in d.chat:
            who = "You" if m["role"] == "user" else name
            color = c.accent if m["role"] != "user" else c.text
            parts.append(f"<p><b style='color:{color}'>{who}</b> <span style='color:{c.muted}'>{m['at']}</span>"
                         f"<br>{m['text']}</p>")
        self.chat.setHtml("".join(parts) or f"<p style='color:{c.muted}'>No messages with {name} yet.</p>")
        self.chat.verticalScrollBar().setValue(self.chat.verticalScrollBar().maximum())
        last = next((m for m in reversed(d.chat) if m["role"] != "user"), None)
        self.context.setHtml(_context_html(last["context"] if last else [], c.muted))
        self._plan_message = (name, last["id"]) if last and last["has_plan"] else None
        self.queue_btn.setEnabled(self._plan_message is not None)

    def _select_run(self, index: QModelIndex) -> None:
        if index.isValid():
            self.facade.steps(index.data(ROLE_ROW)["id"], self.steps_model.set_rows)
