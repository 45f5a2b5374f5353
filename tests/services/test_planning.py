"""The planner every entry point uses: compliance on the way out, LLM usage metered."""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import select

from desktop.services import planning
from desktop.store import schema as s

NOW = datetime(2026, 11, 21, 9, 0)


def test_outreach_to_do_not_contact_is_removed_with_a_reason(workspace):
    with workspace.uow() as uow:
        uow.session.get(s.Contact, 101).do_not_contact = True
        uow.commit()
    plan = planning.build(workspace).plan("Email Mike Chen about the rollout", now=NOW)
    assert not any(a.kind == "draft_email" for a in plan.actions)
    assert "do-not-contact" in (plan.message or "")


def test_llm_plan_is_used_and_metered(workspace):
    answer = json.dumps({"transcript": "Move Globex to negotiation", "actions": [
        {"kind": "update_deal", "target": {"type": "deal", "id": "5004",
                                           "name": "Globex Logistics - Fleet Analytics"},
         "fields": {"stage": "Negotiation"}, "destructive": False}],
        "requires_confirmation": True, "clarifications": []})
    planner = planning.build(workspace, "gpt-4o-mini", mock_response=answer)
    plan = planner.plan("Move Globex to negotiation", now=NOW)
    assert plan.actions[0].fields == {"stage": "Negotiation"}
    with workspace.uow() as uow:
        calls = uow.session.execute(select(s.LLMCall)).scalars().all()
    assert len(calls) == 1 and calls[0].model == "gpt-4o-mini" and calls[0].agent == "planner"


def test_invalid_llm_output_falls_back_to_offline(workspace):
    planner = planning.build(workspace, "gpt-4o-mini", mock_response=["not json", "still not json"])
    plan = planner.plan("Move Globex to negotiation", now=NOW)
    assert plan.actions[0].target.name == "Globex Logistics - Fleet Analytics"
    with workspace.uow() as uow:
        assert len(uow.session.execute(select(s.LLMCall)).scalars().all()) == 2  # first try + one retry
