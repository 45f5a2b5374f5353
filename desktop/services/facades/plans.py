"""Types the facades that show Plans share (the Approvals panel, the command bar's Plan card and the
plan editor): a Plan's readable action rows, and a plan waiting in the approvals queue."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from desktop.domain.models import StageRow
from desktop.domain.plan import Plan
from desktop.services.facades.port import Done


@dataclass(frozen=True)
class ActionView:
    """One action of a Plan as the Plan card shows it.

    sentence: readable sentence with before → after values (:func:`desktop.domain.describe.describe`).
    changes: [(field label, before or None, after)]. target: (type, id, name) or None.
    pending: True for a :attr:`Plan.pending` action (waits for a question's answer; never applied).
    """

    sentence: str
    kind: str
    destructive: bool
    read_only: bool
    target: tuple[str, str, str] | None
    changes: list[tuple[str, Any, Any]] = field(default_factory=list)
    pending: bool = False


@dataclass(frozen=True)
class Results:
    """What a read-only plan shows.

    Attributes:
        sentence: the answer as a sentence with its number ("4 deals in Negotiation: ...",
            "Deals in Proposal Sent: $353,000 in 6 deals.").
        object: ``deal`` / ``contact`` / ``company`` / ``task`` (the rows' type; ``deal`` when none).
        columns: [(key, header)] to show. rows: one dict per record: ``type``, ``id`` (local id),
            ``name`` and the column keys (amount in major units, dates ``YYYY-MM-DD``).
        filters: the filters applied (search). ignored: filter keys not understood (shown).
        value: the answer's number or date, if any. total: rows found before the display cap.
    """

    sentence: str
    object: str = "deal"
    columns: list[tuple[str, str]] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)
    filters: dict[str, Any] = field(default_factory=dict)
    ignored: list[str] = field(default_factory=list)
    value: Any = None
    total: int = 0

    def as_json(self) -> dict[str, Any]:
        """Plain JSON (``spectrum plan/run --json`` puts it under ``"results"``)."""
        return {"sentence": self.sentence, "object": self.object, "rows": self.rows, "filters": self.filters,
                "ignored": self.ignored, "value": self.value, "total": self.total}


@dataclass(frozen=True)
class PendingPlan:
    """A plan waiting in the approvals queue: id, when it was queued (naive UTC), source (voice |
    text | ui | agent:<name> | mcp:<client>), the plan, and its status ("pending")."""

    id: int
    created_at: datetime
    source: str
    plan: Plan
    status: str


@dataclass(frozen=True)
class SafeApprovals:
    """What "Approve all safe" did: the approval ids applied, and the ones skipped with the reason."""

    approved: list[int]
    skipped: list[tuple[int, str]]


class EditorData(Protocol):
    """What the plan editor needs of a facade (:class:`ApprovalsFacade`, :class:`CommandFacade`): every
    stage and ``plan``'s action views, loaded off the UI thread, then ``done`` on it."""

    def editor_data(self, plan: Plan, done: Done[tuple[list[StageRow], list[ActionView]]]) -> None: ...
