"""Costs: LLM spend and tokens per agent and per day (table llm_calls), local transcription time
(transcription_runs) and a budget bar per agent."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from desktop.services.facades.costs import CostsFacade, CostsReport
from desktop.ui.models import DictTableModel
from desktop.ui.widgets.common import Kpi, heading
from desktop.ui.widgets.tables import make_table


def _usd(v: float | None) -> str:
    """Dollars; fractions of a cent stay visible under $1 (LLM calls cost a few hundredths of a cent)."""
    if v is None:
        return "–"
    return f"${v:,.4f}" if 0 < abs(v) < 1 else f"${v:,.2f}"


class CostsPanel(QWidget):
    """Spend and usage over the last 30 days."""

    def __init__(self, facade: CostsFacade, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.facade = facade
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 20, 24, 20)
        lay.setSpacing(12)
        lay.addWidget(heading("Costs"))
        row = QHBoxLayout()
        self.k_llm = Kpi("LLM spend (30 days)", "Sum of cost_usd of every metered LLM call")
        self.k_tokens = Kpi("Tokens (30 days)", "Prompt + completion tokens")
        self.k_audio = Kpi("Audio transcribed", "Seconds of speech transcribed locally (no cost)")
        self.k_rtf = Kpi("Real-time factor", "Decode time ÷ audio time (lower is faster)")
        for k in (self.k_llm, self.k_tokens, self.k_audio, self.k_rtf):
            row.addWidget(k)
        lay.addLayout(row)
        cols = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(QLabel("Per agent"))
        self.agent_model = DictTableModel([("agent", "Agent"), ("calls", "Calls"), ("prompt_tokens", "Prompt tokens"),
                                           ("completion_tokens", "Completion tokens"), ("cost_usd", "Spend")],
                                          {"cost_usd": _usd}, self)
        left.addWidget(make_table(self.agent_model, 0, "LLM spend per agent"))
        left.addWidget(QLabel("Per day"))
        self.day_model = DictTableModel([("day", "Day"), ("agent", "Agent"), ("calls", "Calls"),
                                         ("tokens", "Tokens"), ("cost_usd", "Spend")], {"cost_usd": _usd}, self)
        left.addWidget(make_table(self.day_model, 1, "LLM spend per day"))
        cols.addLayout(left, 3)
        right = QVBoxLayout()
        right.addWidget(QLabel("Budgets today"))
        self.budget_box = QGridLayout()
        self.budget_box.setVerticalSpacing(8)
        right.addLayout(self.budget_box)
        self.no_budget = QLabel("No agent has spent anything yet.")
        self.no_budget.setObjectName("Muted")
        right.addWidget(self.no_budget)
        right.addWidget(QLabel("Local transcription per day"))
        self.tr_model = DictTableModel([("day", "Day"), ("runs", "Runs"), ("audio_s", "Audio s"),
                                        ("decode_s", "Decode s")], parent=self)
        right.addWidget(make_table(self.tr_model, 0, "Transcription per day"))
        cols.addLayout(right, 2)
        lay.addLayout(cols, 1)
        self.bars: dict[str, QProgressBar] = {}
        facade.watch(self, lambda _ch: self.refresh(), {"agents", "costs"})

    def refresh(self) -> None:
        """Reload the figures."""
        self.facade.report(self.show_data)

    def show_data(self, d: CostsReport) -> None:
        """Show a costs report."""
        llm, tr = d.llm, d.transcription
        self.k_llm.set(_usd(llm.total_usd), f"{sum(r['calls'] for r in llm.per_agent):,} calls")
        tokens = sum(r["prompt_tokens"] + r["completion_tokens"] for r in llm.per_agent)
        self.k_tokens.set(f"{tokens:,}")
        self.k_audio.set(f"{tr.audio_s / 60:.1f} min", f"{tr.runs} runs, {tr.decode_s:.0f} s decoding")
        self.k_rtf.set("–" if tr.rtf is None else f"{tr.rtf:.2f}", "local, offline")
        self.agent_model.set_rows(llm.per_agent)
        self.day_model.set_rows(llm.per_day)
        self.tr_model.set_rows(tr.per_day)
        while self.budget_box.count():
            item = self.budget_box.takeAt(0)
            assert item is not None  # count() > 0
            w = item.widget()
            if w:
                w.deleteLater()
        self.bars = {}
        for i, b in enumerate(d.budgets):
            name = QLabel(b.agent)
            bar = QProgressBar()
            bar.setRange(0, 1000)
            frac = 0 if not b.budget_usd else min(1.0, b.spend_usd / b.budget_usd)
            bar.setValue(int(frac * 1000))
            bar.setTextVisible(False)
            bar.setProperty("over", b.spend_usd >= b.budget_usd)
            bar.setToolTip(f"{_usd(b.spend_usd)} of {_usd(b.budget_usd)} today")
            val = QLabel(f"{_usd(b.spend_usd)} / {_usd(b.budget_usd)}")
            val.setObjectName("Muted")
            self.budget_box.addWidget(name, i, 0)
            self.budget_box.addWidget(bar, i, 1)
            self.budget_box.addWidget(val, i, 2)
            self.bars[b.agent] = bar
        self.no_budget.setVisible(not d.budgets)
        self.facade.refreshed()
