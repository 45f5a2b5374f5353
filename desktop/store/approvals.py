"""The approvals queue: pending Plans from voice, typed text and agents, kept in the database so
they survive restart. Approving applies the (possibly edited) plan through the executor; rejecting
only marks it. Every decision is visible in the audit log through the applied plan's entry."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.domain.plan import Plan
from desktop.store import schema as s
from desktop.store.db import Workspace
from desktop.store.executor import Applied, PlanRejected, apply_plan


@dataclass(frozen=True)
class PendingApproval:
    """A queued plan: id, when (naive UTC), source (voice | text | ui | agent:<name>), the plan."""

    id: int
    created_at: datetime
    source: str
    plan: Plan
    status: str


class ApprovalNotFound(PlanRejected):
    """No pending approval with that id."""


def submit(workspace: Workspace, plan: Plan, *, source: str, now: datetime | None = None) -> int:
    """Queue ``plan`` for a human decision. Returns the approval id."""
    with workspace.uow() as uow:
        row = s.Approval(created_at=now or datetime.utcnow(), source=source,
                         plan_json=plan.model_dump_json(), status="pending")
        uow.session.add(row)
        uow.session.flush()
        uow.commit()
        return row.id


def list_approvals(workspace: Workspace, status: str | None = "pending") -> list[PendingApproval]:
    """Approvals with ``status`` (None = all), oldest first."""
    with workspace.uow() as uow:
        q = select(s.Approval).order_by(s.Approval.id)
        if status:
            q = q.where(s.Approval.status == status)
        return [PendingApproval(a.id, a.created_at, a.source, Plan.model_validate_json(a.plan_json), a.status)
                for a in uow.session.execute(q).scalars()]


def _pending(session: Session, approval_id: int) -> s.Approval:
    row = session.get(s.Approval, approval_id)
    if row is None or row.status != "pending":
        raise ApprovalNotFound(f"no pending approval #{approval_id}")
    return row


def approve(workspace: Workspace, approval_id: int, *, edited: Plan | None = None, actor: str = "user",
            confirmed_destructive: bool = False, now: datetime | None = None) -> Applied:
    """Apply a pending plan (or its edited version) and mark it applied.

    Raises:
        ApprovalNotFound: no such pending approval.
        PlanRejected (and subclasses): the executor refused; the approval stays pending with the
            reason in ``error``.
    """
    with workspace.uow() as uow:
        row = _pending(uow.session, approval_id)
        plan = edited or Plan.model_validate_json(row.plan_json)
        source = row.source
    try:
        applied = apply_plan(workspace, plan, actor=actor, source=source, now=now,
                             confirmed_destructive=confirmed_destructive)
    except PlanRejected as exc:
        with workspace.uow() as uow:
            failed = uow.session.get(s.Approval, approval_id)
            if failed is not None:
                failed.error = str(exc)
            uow.commit()
        raise
    with workspace.uow() as uow:
        done = uow.session.get(s.Approval, approval_id)
        if done is None:
            raise ApprovalNotFound(f"approval #{approval_id} was removed while its plan was applied")
        done.status, done.decided_at, done.audit_id, done.error = "applied", now or datetime.utcnow(), applied.audit_id, None
        if edited is not None:
            done.plan_json = edited.model_dump_json()
        uow.commit()
    return applied


def update_plan(workspace: Workspace, approval_id: int, plan: Plan) -> None:
    """Replace the plan of a pending approval with an edited version (still pending; nothing is
    applied). ``plan`` was validated by :class:`Plan` already.

    Raises: ApprovalNotFound.
    """
    with workspace.uow() as uow:
        row = _pending(uow.session, approval_id)
        row.plan_json, row.error = plan.model_dump_json(), None
        uow.commit()


def reject(workspace: Workspace, approval_id: int, *, now: datetime | None = None) -> None:
    """Mark a pending plan rejected; nothing is applied.

    Raises: ApprovalNotFound.
    """
    with workspace.uow() as uow:
        row = _pending(uow.session, approval_id)
        row.status, row.decided_at = "rejected", now or datetime.utcnow()
        uow.commit()


def approve_all_safe(workspace: Workspace, *, actor: str = "user") -> tuple[list[int], list[tuple[int, str]]]:
    """Batch-approve every pending plan that is not destructive and has no open question.

    Returns: (applied approval ids, [(skipped id, reason)]).
    """
    done: list[int] = []
    skipped: list[tuple[int, str]] = []
    for item in list_approvals(workspace):
        if item.plan.destructive:
            skipped.append((item.id, "destructive: needs an explicit confirmation"))
            continue
        if item.plan.clarifications:
            skipped.append((item.id, "has open questions"))
            continue
        try:
            approve(workspace, item.id, actor=actor)
            done.append(item.id)
        except PlanRejected as exc:
            skipped.append((item.id, str(exc)))
    return done, skipped
