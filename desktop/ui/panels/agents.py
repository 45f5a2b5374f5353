"""Agents: each agent's state (idle / running / paused / killed / over budget), last run, success
rate, spend and its own kill switch; select an agent to see its chain runs, the step log of a run
and its teammate chat."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QLineEdit, QSplitter, QTabWidget, QTextBrowser, QToolButton, QVBoxLayout,
                               QWidget)

from desktop.ui import theme
from desktop.ui.models import ROLE_ROW, DictTableModel
from desktop.ui.widgets.common import heading
from desktop.ui.widgets.tables import make_table


def _pct(v: float | None) -> str:
    return "–" if v is None else f"{v:.0%}"


class AgentsPanel(QWidget):
    """Agent list with per-agent kill switches, chain runs, step log and chat."""

    def __init__(self, bridge: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.rows: list[dict] = []
        self.switches: dict[str, QToolButton] = {}
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 20, 24, 20)
        lay.setSpacing(12)
        head = QHBoxLayout()
        head.addWidget(heading("Agents"))
        head.addStretch(1)
        self.global_state = QLabel("")
        self.global_state.setObjectName("Destructive")  # danger colour of the theme shown
        head.addWidget(self.global_state)
        lay.addLayout(head)
        self.empty = QLabel("No agents have run yet. Agents are defined by loadouts "
                            "(`spectrum agents ...`); their runs, spend and chats appear here.")
        self.empty.setObjectName("Muted")
        self.empty.setWordWrap(True)
        lay.addWidget(self.empty)
        split = QSplitter(Qt.Orientation.Vertical)
        self.model = DictTableModel([("name", "Agent"), ("role", "Role"), ("state", "State"), ("last_run", "Last run"),
                                     ("success_rate", "Success"), ("spend_usd", "Spend today"),
                                     ("budget_usd", "Daily budget"), ("switch", "Kill switch")],
                                    {"success_rate": _pct, "spend_usd": lambda v: f"${v:,.2f}",
                                     "budget_usd": lambda v: f"${v:,.2f}", "switch": lambda v: "",
                                     "last_run": lambda v: v or "never"},
                                    self)
        self.table = make_table(self.model, 0, "Agents")
        split.addWidget(self.table)
        detail = QTabWidget()
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
        self.chat = QTextBrowser()
        self.chat.setAccessibleName("Teammate chat")
        cl.addWidget(self.chat, 1)
        ask_row = QHBoxLayout()
        self.ask = QLineEdit()
        self.ask.setPlaceholderText("Ask this agent, e.g. \"Which deals went quiet this week?\" (Enter)")
        self.ask.returnPressed.connect(self._ask)
        ask_row.addWidget(self.ask, 1)
        cl.addLayout(ask_row)
        detail.addTab(chat_page, "Teammate chat")
        split.addWidget(detail)
        lay.addWidget(split, 1)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._select(cur))
        self.runs.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._select_run(cur))
        bridge.on_change(self, lambda _ch: self.refresh(), {"agents"})
        theme.notifier().applied.connect(self._show_chat)

    def refresh(self) -> None:
        """Reload the agents."""
        self.bridge.read("agents", done=self.show_data)

    def show_data(self, d: dict[str, Any]) -> None:
        """Show :meth:`Backend.agents`."""
        self.global_state.setText("All agents stopped (global kill switch ON)" if d["global_kill"] else "")
        for r in d["agents"]:
            r["switch"] = r["killed"]
        self.rows = d["agents"]
        self.model.set_rows(self.rows)
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
            b.toggled.connect(lambda on, name=row["name"]: self.bridge.write("set_agent_killed", name, on))
            self.table.setIndexWidget(proxy.index(i, len(self.model.columns) - 1), b)
            self.switches[row["name"]] = b
        self.empty.setVisible(not self.rows)
        self.table.setVisible(bool(self.rows))
        if self.rows and not self.table.currentIndex().isValid():
            self.table.selectRow(0)
        self.bridge.refreshed.emit("agents")

    def _ask(self) -> None:
        q = self.ask.text().strip()
        index = self.table.currentIndex()
        if not q or not index.isValid():
            return
        name = index.data(ROLE_ROW)["name"]
        self.ask.clear()
        self.ask.setPlaceholderText(f"{name} is thinking…")
        self.bridge.write("ask_agent", name, q,
                          done=lambda _r: (self.ask.setPlaceholderText("Ask this agent (Enter)"), self._select(index)),
                          error=lambda e: self.ask.setPlaceholderText(f"Could not ask {name}: {e}"))

    def _select(self, index) -> None:
        if not index.isValid():
            return
        name = index.data(ROLE_ROW)["name"]
        self.bridge.read("agent_detail", name, done=lambda d, name=name: self._show_detail(name, d))

    def _show_detail(self, name: str, d: dict[str, Any]) -> None:
        self.runs_model.set_rows(d["runs"])
        self.steps_model.set_rows([])
        self._detail = (name, d)
        self._show_chat()
        if d["runs"]:
            self.runs.selectRow(0)

    def _show_chat(self, *_theme) -> None:
        """Render the chat of the agent shown in the theme's colours (again after a theme change)."""
        if getattr(self, "_detail", None) is None:
            return
        name, d = self._detail
        c = theme.current()
        parts = []
        for m in d["chat"]:
            who = "You" if m["role"] == "user" else name
            color = c.accent if m["role"] != "user" else c.text
            parts.append(f"<p><b style='color:{color}'>{who}</b> <span style='color:{c.muted}'>{m['at']}</span>"
                         f"<br>{m['text']}</p>")
        self.chat.setHtml("".join(parts) or f"<p style='color:{c.muted}'>No messages with {name} yet.</p>")

    def _select_run(self, index) -> None:
        if index.isValid():
            self.bridge.read("run_steps", index.data(ROLE_ROW)["id"], done=self.steps_model.set_rows)
