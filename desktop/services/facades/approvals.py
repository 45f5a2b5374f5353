"""The Approvals panel's facade: the queue of pending plans, each plan's readable actions, and the
decisions (approve, reject, save an edited plan, approve every safe plan, reject many)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol

from desktop.domain.models import StageRow
from desktop.domain.plan import Plan
from desktop.services.change import Change
from desktop.services.facades.plans import ActionView, PendingPlan, SafeApprovals
from desktop.services.facades.port import Done, Failed, PanelFacade


class QueuedPlan(Protocol):
    """A pending approval as the backend returns it (:class:`desktop.store.approvals.PendingApproval`)."""

    @property
    def id(self) -> int: ...

    @property
    def created_at(self) -> datetime: ...

    @property
    def source(self) -> str: ...

    @property
    def plan(self) -> Plan: ...

    @property
    def status(self) -> str: ...


class ApprovalsSource(Protocol):
    """The backend reads and writes the Approvals facade uses."""

    def approvals(self) -> Sequence[QueuedPlan]: ...

    def plan_view(self, plan: Plan) -> list[ActionView]: ...

    def stages(self) -> list[StageRow]: ...

    def plan(self, text: str) -> Plan: ...

    def approve(self, approval_id: int, edited: Plan | None = None, confirmed_destructive: bool = False) -> Change: ...

    def reject(self, approval_id: int) -> Change: ...

    def reject_many(self, approval_ids: list[int]) -> Change: ...

    def update_approval(self, approval_id: int, plan: Plan) -> Change: ...

    def approve_all_safe(self) -> tuple[list[int], list[tuple[int, str]], Change]: ...


class ApprovalsFacade(PanelFacade[ApprovalsSource]):
    """Queries (reader threads) and decisions (the writer thread; each Change is broadcast) of the
    Approvals panel; every ``done`` / ``error`` runs on the UI thread."""

    name = "approvals"

    def pending(self, done: Done[list[PendingPlan]]) -> None:
        """The pending plans, oldest first."""
        def read() -> list[PendingPlan]:
            return [PendingPlan(a.id, a.created_at, a.source, a.plan, a.status)
                    for a in self._backend.approvals()]
        self._port.read(read, done=done)

    def plan_view(self, plan: Plan, done: Done[list[ActionView]]) -> None:
        """``plan``'s actions as readable rows, with the records' current values as the before side."""
        self._port.read(lambda: self._backend.plan_view(plan), done=done)

    def editor_data(self, plan: Plan, done: Done[tuple[list[StageRow], list[ActionView]]]) -> None:
        """What the plan editor shows: every stage, and ``plan``'s action views."""
        self._port.call(lambda: (self._backend.stages(), self._backend.plan_view(plan)), done=done)

    def replan(self, text: str, done: Done[Plan]) -> None:
        """Plan a rephrased instruction (applies nothing)."""
        self._port.read(lambda: self._backend.plan(text), done=done)

    def approve(self, approval_id: int, edited: Plan | None, confirmed_destructive: bool, done: Done[Change],
                error: Failed | None = None) -> None:
        """Apply pending plan ``approval_id`` (``edited``: the user's edited plan instead); a destructive
        plan needs ``confirmed_destructive``. Errors: PlanRejected and its subclasses."""
        self._port.write(lambda: self._backend.approve(approval_id, edited, confirmed_destructive), done=done,
                         error=error)

    def reject(self, approval_id: int, done: Done[Change]) -> None:
        """Reject pending plan ``approval_id`` (nothing is applied)."""
        self._port.write(lambda: self._backend.reject(approval_id), done=done)

    def reject_many(self, approval_ids: list[int], done: Done[Change]) -> None:
        """Reject each of ``approval_ids`` (ones no longer pending are skipped)."""
        self._port.write(lambda: self._backend.reject_many(approval_ids), done=done)

    def update(self, approval_id: int, plan: Plan, done: Done[Change], error: Failed | None = None) -> None:
        """Save an edited plan back to pending approval ``approval_id`` (still pending)."""
        self._port.write(lambda: self._backend.update_approval(approval_id, plan), done=done, error=error)

    def approve_all_safe(self, done: Done[SafeApprovals]) -> None:
        """Approve every non-destructive pending plan without open questions."""
        self._port.write(self._backend.approve_all_safe, done=lambda r: done(SafeApprovals(r[0], r[1])))
