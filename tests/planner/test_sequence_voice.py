"""Voice for outreach (issue 15): "send it" after a draft is shown -> a confirmed ``send_email`` of
that draft; "stop emailing Nina" while Nina is in a sequence -> a confirmed ``stop_sequence``
(outside a sequence it stays do-not-contact; a contact's own request stays do-not-contact)."""

from __future__ import annotations

import pytest

from desktop.domain.plan import Target
from desktop.planner.offline import PlanContext

NINA = Target(type="contact", id="111", name="Nina Patel")
IN_SEQUENCE = PlanContext(in_sequence=frozenset({111}))

SEND_IT = ["send it", "ok, send it", "go ahead and send it", "looks good, send it", "yes send that",
           "perfect, send it off", "send the draft now please"]
STOP = ["stop emailing Nina", "Stop e-mailing Nina Patel.", "take Nina off the sequence",
        "pull Nina out of the sequence", "cancel Nina's sequence", "no more follow-ups to Nina",
        "please stop following up with Nina"]


@pytest.mark.parametrize("text", SEND_IT)
def test_send_it_with_the_draft_just_shown(planner, now, text):
    plan = planner.plan(text, now=now, context=PlanContext(can_send=True, recent_draft=NINA))
    [a] = plan.actions
    assert (a.kind, a.target, a.fields) == ("send_email", NINA, {"draft_task": "latest"})
    assert plan.requires_confirmation


@pytest.mark.parametrize("text", SEND_IT[:4])
def test_send_it_with_the_record_in_view(planner, now, text):
    [a] = planner.plan(text, now=now, context=PlanContext(target=NINA)).actions
    assert a.kind == "send_email" and a.target == NINA


@pytest.mark.parametrize("text", SEND_IT[:3])
def test_send_it_with_nothing_shown_asks(planner, now, text):
    plan = planner.plan(text, now=now)
    assert plan.actions == [] and plan.clarifications == ["Which contact's draft should I send?"]


@pytest.mark.parametrize("text", STOP)
def test_stop_emailing_someone_in_a_sequence_cancels_it(planner, now, text):
    plan = planner.plan(text, now=now, context=IN_SEQUENCE)
    [a] = plan.actions
    assert (a.kind, a.target.id, a.target.name) == ("stop_sequence", "111", "Nina Patel")
    assert plan.requires_confirmation and not plan.clarifications


@pytest.mark.parametrize("text", ["stop emailing her", "take her off the sequence", "no more emails to her"])
def test_stop_emailing_her_means_the_contact_in_view(planner, now, text):
    [a] = planner.plan(text, now=now, context=PlanContext(target=NINA, in_sequence=frozenset({111}))).actions
    assert a.kind == "stop_sequence" and a.target == NINA


@pytest.mark.parametrize("text", ["stop emailing Nina", "no more emails to Nina"])
def test_outside_a_sequence_stop_emailing_stays_do_not_contact(planner, now, text):
    [a] = planner.plan(text, now=now).actions
    assert (a.kind, a.fields) == ("update_contact", {"do_not_contact": True})


@pytest.mark.parametrize("text", ["take Nina off the sequence", "cancel Nina's sequence",
                                  "pull Nina out of the cadence"])
def test_naming_a_sequence_she_is_not_in_says_so(planner, now, text):
    plan = planner.plan(text, now=now)
    assert plan.actions == [] and plan.message == "Nina Patel is in no active e-mail sequence: nothing to stop."


@pytest.mark.parametrize("text", ["Nina asked us to stop emailing her",
                                  "Nina Patel told me to stop emailing her, mark her do not contact",
                                  "stop emailing Nina and mark her do not contact"])
def test_her_own_request_stays_do_not_contact(planner, now, text):
    kinds = [(a.kind, a.fields) for a in planner.plan(text, now=now, context=IN_SEQUENCE).actions]
    assert ("update_contact", {"do_not_contact": True}) in kinds and all(k != "stop_sequence" for k, _ in kinds)
