"""Planning with a mailbox: the planner is told when e-mail can be sent, and a ``send_email`` of
"the draft" gets the newest e-mail draft's id, subject and text from the workspace before the Plan
card shows it (the card then shows exactly what will be sent)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from desktop.domain.plan import Action, Plan, Target
from desktop.outreach.mailbox import SETTING_KEY
from desktop.outreach.message import utc_now
from desktop.planner.offline import PlanContext
from desktop.store import email_outbox as eo
from desktop.store import queries, sequences
from desktop.store.db import Workspace


def mailbox_connected(workspace: Workspace) -> bool:
    """True when a mailbox is connected (workspace setting ``mailbox``)."""
    with workspace.uow() as uow:
        return queries.get_setting(uow.session, SETTING_KEY) is not None


#: a draft written this recently (seconds) is "the draft just shown" for "send it"
RECENT_DRAFT_S = 30 * 60


def with_mailbox(workspace: Workspace, context: PlanContext | None, now: datetime | None = None) -> PlanContext:
    """``context`` with ``can_send`` (a mailbox is connected), ``in_sequence`` (contacts in an active
    e-mail sequence) and ``recent_draft`` (the contact or deal of the newest open e-mail draft
    written in the last :data:`RECENT_DRAFT_S` seconds before ``now``, naive UTC) filled in."""
    with workspace.uow() as uow:
        connected = queries.get_setting(uow.session, SETTING_KEY) is not None
        active = frozenset(sequences.active_contacts(uow.session))
        draft = eo.newest_draft(uow.session, (now or utc_now()) - timedelta(seconds=RECENT_DRAFT_S))
    recent = None
    if draft is not None:
        recent = Target(type="contact" if draft["contact_id"] is not None else "deal",
                        id=str(draft["contact_id"] if draft["contact_id"] is not None else draft["deal_id"]),
                        name=draft["name"])
    return replace(context or PlanContext(), can_send=connected, in_sequence=active, recent_draft=recent)


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
