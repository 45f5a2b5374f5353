"""Revenue: MRR, ARR, pipeline and weighted pipeline, win rate, burn and runway, stale deals,
with charts of MRR by month, closed-won by month and pipeline by stage (pyqtgraph).

Figures come from :meth:`Backend.revenue` (:func:`desktop.store.metrics.report` plus monthly
series); the definitions are documented there."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QGridLayout, QHBoxLayout, QHeaderView, QLabel, QTableView, QWidget

from desktop.services.change import Change
from desktop.services.facades.revenue import RevenueFacade, RevenueReport
from desktop.ui import theme
from desktop.ui.models import ROLE_ROW, DictTableModel
from desktop.ui.widgets.common import Kpi, heading, money, scroll_page, short_money

KPIS = [("mrr", "MRR", "Monthly recurring revenue: active and past-due subscriptions, per month"),
        ("arr", "ARR", "Annual run rate: MRR × 12"),
        ("pipeline_value", "Pipeline", "Sum of open deal amounts"),
        ("weighted_pipeline", "Weighted pipeline", "Open deal amounts × stage win probability"),
        ("win_rate", "Win rate", "Closed won ÷ closed (won + lost), last 90 days"),
        ("burn", "Burn", "Average monthly net burn over the last 3 full months"),
        ("runway_months", "Runway", "Cash balance ÷ burn"),
        ("stale_deals_count", "Stale deals", "Open deals with no activity for 7+ days")]


#: A chart of :func:`_chart_class` (pyqtgraph ships no type hints: its classes are typed Any).
_Chart = Any


def _chart_class() -> Any:
    """The chart widget class; pyqtgraph is imported on first use (it costs ~0.3-0.7 s at start)."""
    import pyqtgraph as pg

    class Chart(pg.PlotWidget):
        """A themed pyqtgraph plot with month / stage labels on the x axis."""

        _n: int  # the bars shown (set by :meth:`bars`): their count, colour and values
        _color: str
        _values: list[float]

        def __init__(self, title: str) -> None:
            super().__init__()
            self.setMinimumHeight(210)
            self.setMenuEnabled(False)
            self.setMouseEnabled(x=False, y=False)
            self.hideButtons()
            self.showGrid(x=False, y=True, alpha=0.15)
            self._title = title
            self.setToolTip(title)
            self.setAccessibleName(title)

        def restyle(self) -> None:
            c = theme.current()
            if getattr(self, "_styled", None) == c.name:
                return
            self._styled = c.name
            self.setBackground(c.surface)
            self.setTitle(f"<span style='color:{c.muted}'>{self._title}</span>")
            for name in ("left", "bottom"):
                ax = self.getAxis(name)
                ax.setPen(pg.mkPen(c.border))
                ax.setTextPen(pg.mkPen(c.muted))

        def set_labels(self, labels: list[str], every: int = 1) -> None:
            ticks = [(i, lab if i % every == 0 else "") for i, lab in enumerate(labels)]
            if ticks == getattr(self, "_ticks", None):
                return
            self._ticks = ticks
            self.getAxis("bottom").setTicks([ticks])
            self.getAxis("left").setTickSpacing()
            self.getAxis("left").tickStrings = lambda values, scale, spacing: [short_money(v) for v in values]

        def bars(self, values: list[float], color: str) -> None:
            """Show ``values`` as bars; updates the existing item in place when only values changed."""
            self.restyle()
            item = getattr(self, "_bars", None)
            if item is not None and len(values) == self._n:  # in place: new values and/or colour
                if self._color != color:
                    self._color = color
                    item.setOpts(brush=pg.mkBrush(color))
                if values != self._values:
                    self._values = list(values)
                    item.setOpts(height=values)
                return
            self.clear()
            self._color, self._n, self._values = color, len(values), list(values)
            self._bars = pg.BarGraphItem(x=list(range(len(values))), height=values, width=0.6,
                                         brush=pg.mkBrush(color), pen=pg.mkPen(None))
            self.addItem(self._bars)

        def line(self, values: list[float], color: str) -> None:
            """Show ``values`` as a filled line; updates the existing curve in place when it can."""
            self.restyle()
            item = getattr(self, "_line", None)
            fill = pg.mkColor(color)
            fill.setAlpha(40)
            if item is not None and len(values) == self._n:  # in place: new values and/or colour
                if self._color != color:
                    self._color = color
                    item.setPen(pg.mkPen(color, width=2.5))
                    item.setSymbolBrush(pg.mkBrush(color))
                    item.setFillBrush(pg.mkBrush(fill))
                if values != self._values:
                    self._values = list(values)
                    item.setData(list(range(len(values))), values)
                return
            self.clear()
            self._color, self._n, self._values = color, len(values), list(values)
            self._line = self.plot(list(range(len(values))), values, pen=pg.mkPen(color, width=2.5), symbol="o",
                                   symbolSize=6, symbolBrush=pg.mkBrush(color), symbolPen=pg.mkPen(None),
                                   fillLevel=0, brush=pg.mkBrush(fill))

    return Chart


class RevenuePanel(QWidget):
    """Signals: open_record(kind, id) from the stale deals table."""

    open_record = Signal(str, int)

    def __init__(self, facade: RevenueFacade, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.facade = facade
        self.data: RevenueReport | None = None
        lay = scroll_page(self)
        head = QHBoxLayout()
        head.addWidget(heading("Revenue"))
        head.addStretch(1)
        self.asof = QLabel("")
        self.asof.setObjectName("Muted")
        head.addWidget(self.asof)
        lay.addLayout(head)
        grid = QGridLayout()
        grid.setSpacing(12)
        self.kpis: dict[str, Kpi] = {}
        for i, (key, cap, tip) in enumerate(KPIS):
            k = Kpi(cap, tip)
            self.kpis[key] = k
            grid.addWidget(k, i // 4, i % 4)
        lay.addLayout(grid)
        self.charts = QGridLayout()
        self.charts.setSpacing(12)
        # built when the panel is first shown
        self.mrr_chart: _Chart | None = None
        self.won_chart: _Chart | None = None
        self.stage_chart: _Chart | None = None
        lay.addLayout(self.charts)
        lab = QLabel("Stale deals (no activity for 7+ days)")
        lab.setFont(theme.scaled_font(lab, 1.1, bold=True))
        lay.addWidget(lab)
        self.stale_model = DictTableModel([("name", "Deal"), ("stage", "Stage"), ("amount", "Amount"),
                                           ("days_inactive", "Days inactive"), ("last_activity", "Last activity")],
                                          {"amount": money}, self)
        self.stale = QTableView()
        self.stale.setModel(self.stale_model)
        self.stale.verticalHeader().hide()
        self.stale.setAlternatingRowColors(True)
        self.stale.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.stale.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.stale.setMinimumHeight(220)
        self.stale.doubleClicked.connect(lambda i: self.open_record.emit("deal", i.data(ROLE_ROW)["id"]))
        lay.addWidget(self.stale)
        facade.watch(self, self.on_changed, {"crm"})

    def refresh(self) -> None:
        """Reload every figure."""
        self.facade.report(self.show_data)

    def on_changed(self, change: Change) -> None:
        """Reload after a CRM change."""
        if "crm" in change.scopes:
            self.refresh()

    def restyle(self) -> None:
        """Recolour the charts after a theme change (in place: background, title, axes, series);
        while the panel is hidden this waits for the next show."""
        self._restyle_pending = not self.isVisible()
        if self.data and self.mrr_chart is not None and not self._restyle_pending:
            self._draw(self.data)

    def _make_charts(self) -> None:
        chart = _chart_class()
        self.mrr_chart = chart("MRR by month")
        self.won_chart = chart("Closed won by month")
        self.stage_chart = chart("Open pipeline by stage")
        self.charts.addWidget(self.mrr_chart, 0, 0)
        self.charts.addWidget(self.won_chart, 0, 1)
        self.charts.addWidget(self.stage_chart, 1, 0, 1, 2)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self.data is not None and (self.mrr_chart is None or getattr(self, "_restyle_pending", False)):
            self._restyle_pending = False
            self._draw(self.data)

    def show_data(self, d: RevenueReport) -> None:
        """Show a revenue report (charts are drawn when the panel is visible)."""
        self.data = d
        self._figures(d)
        if self.isVisible():
            self._draw(d)
        self.facade.refreshed()

    def _figures(self, d: RevenueReport) -> None:
        self.asof.setText(f"as of {d.now.replace('T', ' ')[:16]}")
        self.kpis["mrr"].set(money(d.mrr), f"{len(d.mrr_series)}-month trend below")
        self.kpis["arr"].set(money(d.arr))
        self.kpis["pipeline_value"].set(short_money(d.pipeline_value), money(d.pipeline_value))
        self.kpis["weighted_pipeline"].set(short_money(d.weighted_pipeline), money(d.weighted_pipeline))
        wr = d.win_rate
        self.kpis["win_rate"].set("–" if wr is None else f"{wr:.0%}", "last 90 days")
        self.kpis["burn"].set(short_money(d.burn), "per month (net)")
        rw = d.runway_months
        self.kpis["runway_months"].set("–" if rw is None else f"{rw:g} mo",
                                       "set cash: spectrum set cash AMOUNT" if rw is None else
                                       f"cash {short_money(d.cash_balance)}")
        self.kpis["stale_deals_count"].set(f"{d.stale_deals_count:,}", "open, 7+ days quiet")
        self.stale_model.set_rows(d.stale_deals)

    def _draw(self, d: RevenueReport) -> None:
        """Update the charts: items are updated in place (a refresh after a change only moves bars)."""
        if self.mrr_chart is None:
            self._make_charts()
        assert self.mrr_chart is not None and self.won_chart is not None and self.stage_chart is not None
        c = theme.current()
        months = [m[5:] + "/" + m[2:4] for m, _ in d.mrr_series]
        self.mrr_chart.line([v for _, v in d.mrr_series], c.accent)
        self.mrr_chart.set_labels(months, every=2)
        self.won_chart.bars([v for _, v in d.won_series], c.success)
        self.won_chart.set_labels([m[5:] + "/" + m[2:4] for m, _ in d.won_series], every=2)
        open_stages = [s for s in d.deals_by_stage if not s["closed"]]
        self.stage_chart.bars([s["amount"] or 0 for s in open_stages], c.accent)
        self.stage_chart.set_labels([s["stage"] for s in open_stages])
