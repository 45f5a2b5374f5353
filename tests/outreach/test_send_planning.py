"""'email Nina the onboarding checklist' sends (with a mailbox connected), 'send the draft to Nina'
sends her newest draft, and 'draft ...' or no mailbox stays a draft. Always confirmed."""

from __future__ import annotations

from datetime import datetime

import pytest
from outreach_helpers import open_ws

NOW = datetime(2026, 11, 21, 9)


@pytest.fixture
def planner(connected):
    from desktop.services.planning import build

    ws = open_ws(connected)
    yield build(ws)
    ws.dispose()


def test_email_a_thing_becomes_a_confirmed_send(planner):
    plan = planner.plan("email Nina the onboarding checklist", now=NOW)
    [a] = plan.actions
    assert a.kind == "send_email" and a.target.name == "Nina Patel" and plan.requires_confirmation
    assert a.fields == {"to": "nina.patel@pinecrestdental.example", "subject": "Onboarding checklist",
                        "body": "Hi Nina,\n\nHere is the onboarding checklist.\n"}


def test_drafting_words_stay_a_draft(planner):
    [a] = planner.plan("draft an email to Nina about the pilot", now=NOW).actions
    assert a.kind == "draft_email"


def test_without_a_mailbox_it_is_a_draft(data_dir):
    from desktop.services.planning import build

    ws = open_ws(data_dir)
    try:
        [a] = build(ws).plan("email Nina the onboarding checklist", now=NOW).actions
    finally:
        ws.dispose()
    assert a.kind == "draft_email"


def test_send_the_draft_sends_the_newest_draft(planner, connected, mail):
    from outreach_helpers import drain, set_undo

    from desktop.store.executor import apply_plan

    ws = planner.workspace
    apply_plan(ws, planner.plan("draft an email to Nina about the pilot", now=NOW))
    plan = planner.plan("send the draft to Nina", now=NOW)
    [a] = plan.actions
    assert a.kind == "send_email" and a.fields["subject"] == "The pilot" and a.fields["draft_task"]
    assert a.fields["to"] == "nina.patel@pinecrestdental.example" and "About the pilot" in a.fields["body"]
    set_undo(ws, 0)
    apply_plan(ws, plan)
    drain(ws, connected)
    [msg] = mail.delivered()
    assert msg["Subject"] == "The pilot" and "About the pilot" in msg.get_payload()
    # the draft is done: nothing left to send
    again = planner.plan("send the draft to Nina", now=NOW)
    assert again.actions == [] and "no open e-mail draft for Nina Patel" in again.clarifications[0]


def test_send_it_uses_the_record_in_view(planner):
    from desktop.domain.plan import Target
    from desktop.planner import PlanContext

    nina = Target(type="contact", id="111", name="Nina Patel")
    plan = planner.plan("send it", now=NOW, context=PlanContext(target=nina))
    assert "no open e-mail draft for Nina Patel" in plan.clarifications[0]
    assert planner.plan("send it", now=NOW).clarifications == ["Which contact's draft should I send?"]
