"""The Revenue panel's facade: every revenue figure (:func:`desktop.store.metrics.report`) with the
monthly series, as one typed :class:`RevenueReport`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol, TypedDict, cast

from desktop.services.facades.port import Done, PanelFacade


class StageTotal(TypedDict):
    """Count and amount sum (major units; None: no amounts) of one stage's deals; ``closed``: a won
    or lost stage."""

    stage_id: int
    stage: str
    pipeline: str
    count: int
    amount: float | None
    closed: bool


class BurnMonth(TypedDict):
    """One full month of the burn figure ("YYYY-MM"; expenses, revenue and net in major units)."""

    month: str
    expenses: float | None
    revenue: float | None
    net: float | None


class StaleDeal(TypedDict):
    """An open deal with no activity for 7+ days: amount in major units, last_activity
    "YYYY-MM-DD HH:MM" or None, days_inactive (None: never any activity)."""

    id: int
    name: str
    stage: str | None
    amount: float | None
    last_activity: str | None
    days_inactive: int | None


@dataclass(frozen=True)
class RevenueReport:
    """The Revenue panel's figures at ``now`` (ISO local time); money in major units (USD).

    mrr / arr: recurring revenue per month / year. pipeline_value / weighted_pipeline: open deal
    amounts (× stage probability). win_rate: 0.0-1.0 over the last 90 days (None: no closed deal).
    burn: average monthly net burn over the last 3 full months (``burn_months``). cash_balance: None
    when unset; runway_months: cash ÷ burn (None without cash or burn). stale_deals: the 50 largest
    of ``stale_deals_count``. mrr_series / won_series: [("YYYY-MM", major units)], last 12 months.
    """

    now: str
    currency: str
    mrr: float
    arr: float
    pipeline_value: float
    weighted_pipeline: float
    deals_by_stage: list[StageTotal]
    win_rate: float | None
    burn: float
    burn_months: list[BurnMonth]
    cash_balance: float | None
    runway_months: float | None
    stale_deals_count: int
    stale_deals: list[StaleDeal]
    mrr_series: list[tuple[str, float]]
    won_series: list[tuple[str, float]]

    @classmethod
    def from_report(cls, d: dict[str, Any]) -> RevenueReport:
        """The typed form of :meth:`desktop.services.backend.Backend.revenue`'s dict."""
        return cls(now=d["now"], currency=d["currency"], mrr=d["mrr"], arr=d["arr"],
                   pipeline_value=d["pipeline_value"], weighted_pipeline=d["weighted_pipeline"],
                   deals_by_stage=cast(list[StageTotal], d["deals_by_stage"]), win_rate=d["win_rate"],
                   burn=d["burn"], burn_months=cast(list[BurnMonth], d["burn_months"]),
                   cash_balance=d["cash_balance"], runway_months=d["runway_months"],
                   stale_deals_count=d["stale_deals_count"], stale_deals=cast(list[StaleDeal], d["stale_deals"]),
                   mrr_series=[(m, v) for m, v in d["mrr_series"]], won_series=[(m, v) for m, v in d["won_series"]])


class RevenueSource(Protocol):
    """The backend read the Revenue facade uses."""

    def revenue(self) -> dict[str, Any]: ...


class RevenueFacade(PanelFacade[RevenueSource]):
    """Queries of the Revenue panel (a reader thread; ``done`` on the UI thread)."""

    name = "revenue"

    def report(self, done: Done[RevenueReport]) -> None:
        """Every figure and series of the panel (the subscription figures are cached per day)."""
        self._port.read(lambda: RevenueReport.from_report(self._backend.revenue()), done=done)
