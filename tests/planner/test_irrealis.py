"""Thinking aloud is not an instruction (issue 12): conditions, hypotheticals and held fields
change nothing, while the real request said beside them is still planned."""

from __future__ import annotations

import pytest


def _kinds(plan):
    return [a.kind for a in plan.actions]


@pytest.mark.parametrize("text", [
    "If Initech signs by Friday we'll move them to Closed Won.",
    "If the pilot goes well we'd bump Acme to Negotiation.",
    "Should Globex get budget approval, we would move the deal to Proposal Sent.",
    "Assuming legal signs off, Northwind would go to Closed Won next month.",
    "if umbrella health takes the whole package it'd be more like four hundred k",
])
def test_a_hypothetical_change_is_not_planned(planner, now, text):
    plan = planner.plan(text, now=now)
    assert not any(a.kind == "update_deal" for a in plan.actions), plan.actions


@pytest.mark.parametrize(("text", "kind"), [
    ("If Vertex signs next week we'd move it to won, but for now just log a call with Oliver Grant.", "log_activity"),
    ("If Acme comes back with a yes we'll mark it won; for now remind me to ping Mike Chen on Monday.", "create_task"),
    ("Umbrella could be worth three hundred k if they add the second clinic, so add a note on the Umbrella deal "
     "that they are thinking about a second clinic.", "log_activity"),
])
def test_the_request_beside_a_hypothetical_is_planned_alone(planner, now, text, kind):
    plan = planner.plan(text, now=now)
    assert _kinds(plan) == [kind], plan.actions


def test_a_condition_gives_its_day_to_the_reminder(planner, now):
    plan = planner.plan("If Priya hasn't answered by Thursday, remind me to call her.", now=now)
    (task,) = plan.actions
    assert task.kind == "create_task" and task.fields["due_date"] == "2026-11-26"


@pytest.mark.parametrize(("text", "held", "kept"), [
    ("Don't touch the amount on the Acme deal, but push the close date to the end of January.",
     "amount", {"close_date": "2027-01-31"}),
    ("Leave the stage alone on Initech, the amount is 90k now.", "stage", {"amount": 90000}),
    ("Northwind went dark again, don't mark it lost yet, just set the next step to a check-in call.",
     "stage", {"next_step": "A check-in call"}),
    ("Keep the close date as is on Globex, Priya says it's more like two hundred k.", "close_date", {"amount": 200000}),
])
def test_a_held_field_is_never_changed(planner, now, text, held, kept):
    plan = planner.plan(text, now=now)
    updates = [a for a in plan.actions if a.kind == "update_deal"]
    assert updates and all(held not in a.fields for a in updates), plan.actions
    assert updates[0].fields == kept


def test_a_value_reported_with_a_modal_is_written_when_the_update_is_asked(planner, now):
    plan = planner.plan("Initech said the rollout could be 150k if we add the chat module, update the deal.", now=now)
    (a,) = plan.actions
    assert a.kind == "update_deal" and a.fields == {"amount": 150000}


def test_dont_forget_is_still_a_request(planner, now):
    plan = planner.plan("Don't forget to call Priya Natarajan on Monday.", now=now)
    assert _kinds(plan) == ["create_task"]


@pytest.mark.parametrize(("text", "body"), [
    ("Add a note to the Acme deal that their legal team wants a DPA first.", "Their legal team wants a DPA first"),
    ("for now put a note on Initech that they're reviewing two other vendors", "They're reviewing two other vendors"),
    ("Add a note on the Globex deal that Northwind referred them to us.", "Northwind referred them to us"),
])
def test_a_note_that_says_what_follows_that(planner, now, text, body):
    plan = planner.plan(text, now=now)
    (a,) = plan.actions
    assert a.kind == "log_activity" and a.fields["activity_type"] == "note"
    assert a.fields["body"] == body


@pytest.mark.parametrize(("text", "value"), [
    ("Remind me, when's the Vertex deal supposed to close?", "2026-11-30"),
    ("remind me what the Acme deal is worth?", 60000.0),
    ("Tell me again, what stage is Initech in?", "Demo Scheduled"),
])
def test_remind_me_before_a_question_asks_to_be_told(planner, now, text, value):
    plan = planner.plan(text, now=now)
    (a,) = plan.actions
    assert a.kind == "answer" and a.fields["value"] == value


@pytest.mark.parametrize(("text", "value"), [
    ("What stage is Initech in?", "Demo Scheduled"),
    ("where's the Umbrella deal at?", "Lead"),
    ("Which stage is the Globex deal in?", "Proposal Sent"),
])
def test_the_stage_of_one_deal_is_answered(planner, now, text, value):
    (a,) = planner.plan(text, now=now).actions
    assert a.kind == "answer" and a.fields["value"] == value


@pytest.mark.parametrize(("text", "deal", "stage"), [
    ("Initech goes to Proposal Sent.", "5006", "Proposal Sent"),
    ("the Acme deal went to Negotiation yesterday", "5001", "Negotiation"),
    ("Okay so Globex goes into negotiation", "5004", "Negotiation"),
])
def test_goes_to_a_stage_is_a_stage_change_not_an_owner(planner, now, text, deal, stage):
    plan = planner.plan(text, now=now)
    assert not plan.clarifications
    (a,) = plan.actions
    assert (a.kind, a.target.id, a.fields) == ("update_deal", deal, {"stage": stage})


@pytest.mark.parametrize(("text", "kind", "who"), [
    ("Log a call with Rachel, no, sorry, Tom Becker, he signed off the seat count.", "log_activity", "106"),
    ("Email Priya, no sorry, Elena, about the renewal quote.", "draft_email", "109"),
    ("Remind me to call Kara Novak, sorry, I mean Dan Moreau, tomorrow.", "create_task", None),
])
def test_a_name_taken_back_is_replaced_and_the_verb_stays(planner, now, text, kind, who):
    plan = planner.plan(text, now=now)
    (a,) = plan.actions
    assert a.kind == kind
    if who:
        assert a.target.id == who
    assert "Rachel" not in str(a.fields) and "Priya" not in str(a.fields) and "Kara" not in str(a.fields)


@pytest.mark.parametrize("text", [
    "please delete Acme, no wait, don't",
    "move Acme to lost. Actually, don't.",
    "delete the Initech deal... wait, don't do that",
    "book Priya for Monday, no, cancel that",
])
def test_a_command_taken_back_at_the_end_plans_nothing(planner, now, text):
    plan = planner.plan(text, now=now)
    assert not plan.actions and not plan.pending


@pytest.mark.parametrize(("text", "target"), [
    ("drop the Zoe Young contact, she's a dupe", "contact:257"),
    ("please drop the Quartz Health company, junk import", "company:9124"),
    ("drop the Pinecrest Dental deal, it was a test", "deal:5010"),
])
def test_drop_a_record_named_as_one_deletes_it(planner, now, text, target):
    (a,) = planner.plan(text, now=now).actions
    assert (a.kind, f"{a.target.type}:{a.target.id}") == ("delete_record", target)


@pytest.mark.parametrize("text", ["drop the Acme deal to 50k", "drop the price on the Acme deal", "drop the amount on Acme by 5k"])
def test_drop_an_amount_deletes_nothing(planner, now, text):
    assert not [a for a in planner.plan(text, now=now).actions if a.kind == "delete_record"]
