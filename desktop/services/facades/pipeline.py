"""The Pipeline panel's facade: the board (one column per stage with its largest deals as cards) and
the deals table, as typed results delivered on the UI thread."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, TypedDict

from desktop.domain.models import StageRow
from desktop.services.facades.port import Done, Failed, PanelFacade


class DealCard(TypedDict):
    """A deal card of a board column (:func:`desktop.store.series.board_cards`).

    id: local deal id. amount: major units (None: no amount). close_date: ISO date or None.
    last_activity: "YYYY-MM-DD HH:MM" (local) or None."""

    id: int
    name: str
    company: str | None
    amount: float | None
    close_date: str | None
    last_activity: str | None


class DealRow(TypedDict):
    """A row of the deals table (:func:`desktop.store.series.deal_rows`).

    amount: major units or None; close_date: ISO date or ""; last_activity: "YYYY-MM-DD HH:MM" or "";
    open: False for a deal in a won or lost stage."""

    id: int
    name: str
    company: str | None
    stage_id: int
    stage: str
    amount: float | None
    close_date: str
    owner: str
    competitor: str
    next_step: str
    last_activity: str
    open: bool


@dataclass(frozen=True)
class StageColumn:
    """A pipeline board column: the stage, its deal count, its amount total (major units, all of
    the stage's deals) and the largest deals as cards (at most ``per_stage``)."""

    stage: StageRow
    count: int
    total: float
    cards: list[DealCard]


class PipelineSource(Protocol):
    """The backend reads the Pipeline facade uses (:class:`desktop.services.backend.Backend`)."""

    def board(self, per_stage: int = 60) -> list[StageColumn]: ...

    def deal_rows(self, ids: list[int] | None = None, search: str = "", stage_id: int | None = None,
                  limit: int | None = None) -> list[DealRow]: ...


class PipelineFacade(PanelFacade[PipelineSource]):
    """Queries of the Pipeline panel; each runs on a reader thread and calls ``done`` on the UI
    thread. A card dropped on another stage becomes a Plan through :class:`CommandFacade`."""

    name = "pipeline"

    def board(self, done: Done[list[StageColumn]], *, per_stage: int = 60) -> None:
        """Every stage in pipeline order with count, total and its ``per_stage`` largest deals."""
        self._port.read(lambda: self._backend.board(per_stage), done=done)

    def deal_rows(self, done: Done[list[DealRow]], *, ids: list[int] | None = None, search: str = "",
                  stage_id: int | None = None, limit: int | None = None, error: Failed | None = None) -> None:
        """Deals table rows: ``ids`` only (None: every deal), ``search`` in deal and company names,
        one stage (``stage_id``), at most ``limit`` rows (largest amount first)."""
        self._port.read(lambda: self._backend.deal_rows(ids, search, stage_id, limit), done=done, error=error)
