"""Planning with a mailbox: the planner is told when e-mail can be sent, and a ``send_email`` of
"the draft" gets the newest e-mail draft's id, subject and text from the workspace before the Plan
card shows it (the card then shows exactly what will be sent)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from desktop.domain.plan import Action, Plan
from desktop.outreach.mailbox import SETTING_KEY
from desktop.planner.offline import PlanContext
from desktop.store import email_outbox as eo
from desktop.store import queries
from desktop.store.db import Workspace


def mailbox_connected(workspace: Workspace) -> bool:
    """True when a mailbox is connected (workspace setting ``mailbox``)."""
    with workspace.uow() as uow:
        return queries.get_setting(uow.session, SETTING_KEY) is not None


def with_mailbox(workspace: Workspace, context: PlanContext | None) -> PlanContext:
    """``context`` with ``can_send`` set when a mailbox is connected."""
    return replace(context or PlanContext(), can_send=mailbox_connected(workspace))


def fill_drafts(workspace: Workspace, plan: Plan) -> Plan:
    """Resolve ``draft_task: "latest"`` of each ``send_email`` to the newest open draft of its
    contact (or deal). Without one, the plan asks instead (nothing is sent)."""
    if not any(a.kind == "send_email" and a.fields.get("draft_task") == "latest" for a in plan.actions):
        return plan
    actions: list[Action] = []
    with workspace.uow() as uow:
        for a in plan.actions:
            if a.kind != "send_email" or a.fields.get("draft_task") != "latest":
                actions.append(a)
                continue
            t = a.target
            local = int(t.id) if t is not None and t.id.isdigit() else None
            draft = eo.latest_draft(uow.session, local if t and t.type == "contact" else None,
                                    local if t and t.type == "deal" else None)
            if draft is None:
                who = t.name if t is not None else "this record"
                question = f"There is no open e-mail draft for {who}. What should I send?"
                return Plan(transcript=plan.transcript, clarifications=[question], message=question)
            to = None
            if draft["contact_id"] is not None:
                to = eo.contact_address(uow.session, draft["contact_id"])
            fields: dict[str, Any] = {"draft_task": str(draft["id"]), "subject": draft["subject"],
                                      "body": draft["body"], "to": to}
            actions.append(Action(kind="send_email", target=a.target, fields=fields, evidence=a.evidence,
                                  confidence=a.confidence))
    return Plan(transcript=plan.transcript, actions=actions, message=plan.message)
