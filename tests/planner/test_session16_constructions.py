"""Constructions worked on in session 16, three sentences (or more) each in our own words.

Each family is one way a plan used to change a record nobody asked to change (a wrong write), or to miss what
was asked."""

from __future__ import annotations

import pytest

from desktop.planner import PlanContext
from desktop.planner.evaluation import context_target


def _kinds(plan):
    return [a.kind for a in plan.actions]


@pytest.mark.parametrize(("text", "deal", "stage"), [
    ("Move the stage to negotiation on Ember.", "5111", "Negotiation"),
    ("For Globex, move the stage to demo scheduled.", "5004", "Demo Scheduled"),
    ("Push their stage into proposal sent, Initech I mean.", "5006", "Proposal Sent"),
])
def test_moving_the_stage_to_a_named_stage_is_that_stage_not_one_step(planner, now, text, deal, stage):
    plan = planner.plan(text, now=now)
    assert _kinds(plan) == ["update_deal"]
    assert plan.actions[0].target.id == deal
    assert plan.actions[0].fields["stage"] == stage


@pytest.mark.parametrize(("text", "deal", "stage"), [
    ("Bump the stage on Globex.", "5004", "Negotiation"),
    ("Advance the stage for Initech.", "5006", "Proposal Sent"),
])
def test_moving_the_stage_with_no_stage_named_is_one_step(planner, now, text, deal, stage):
    plan = planner.plan(text, now=now)
    assert plan.actions[0].target.id == deal and plan.actions[0].fields["stage"] == stage


@pytest.mark.parametrize("text", [
    "Globex might slip to January.",
    "Initech may move to negotiation next week, we'll see.",
    "Vertex could slide into February, nothing firm.",
])
def test_what_might_happen_to_a_deal_changes_nothing(planner, now, text):
    plan = planner.plan(text, now=now)
    assert not [a for a in plan.actions if a.kind == "update_deal"]


@pytest.mark.parametrize(("text", "deal", "words"), [
    ("Vertex might slip into next year, not sure yet. Just leave a note on the deal for now.", "5009", "slip into next year"),
    ("Globex wants to pause until March. Put a note on the deal for now, nothing else.", "5004", "pause until March"),
    ("Acme's champion is going on leave in December. Just note it for now.", "5001", "going on leave"),
])
def test_a_note_asked_for_with_no_words_of_its_own_carries_what_was_said_before(planner, now, text, deal, words):
    plan = planner.plan(text, now=now)
    assert _kinds(plan) == ["log_activity"]
    assert plan.actions[0].target.id == deal
    assert words in plan.actions[0].fields["body"]
    assert "note" not in plan.actions[0].fields["body"].lower()


@pytest.mark.parametrize(("text", "deal", "amount"), [
    ("Cedar might go up to fifty-five, I think that's realistic, update the amount.", "5118", 55000),
    ("Globex came down to eighty, change the amount.", "5004", 80000),
    ("Acme went up to seventy, update the amount please.", "5001", 70000),
])
def test_a_bare_figure_the_deal_goes_to_is_in_the_deals_thousands(planner, now, text, deal, amount):
    plan = planner.plan(text, now=now)
    assert _kinds(plan) == ["update_deal"]
    assert plan.actions[0].target.id == deal and plan.actions[0].fields["amount"] == amount


@pytest.mark.parametrize(("text", "in_view", "person"), [
    ("Dan Moreau at Tidal went cold. Set him back to lead.", None, "266"),
    ("Set Priya back to lead, the project is shelved.", None, "105"),
    ("Set him back to lead, he stopped answering.", "contact:106", "106"),
    ("Linda Okafor has gone quiet, put her back to lead.", None, "107"),
])
def test_a_person_set_back_to_lead_is_their_lifecycle_not_a_deals_stage(planner, now, text, in_view, person):
    plan = planner.plan(text, now=now, context=PlanContext(target=context_target(in_view)))
    assert _kinds(plan) == ["update_contact"]
    assert plan.actions[0].target.id == person and plan.actions[0].fields["lifecycle_stage"] == "lead"


@pytest.mark.parametrize(("text", "people", "words"), [
    ("Paula Larsen and Zoe Vogel at Cedar both want the case study. Draft each of them an email with the Meadow Health "
     "case study.", ["215", "261"], "case study"),
    ("Tom Becker and Linda Okafor asked for the deck. Draft them each an email with the deck.", ["106", "107"], "deck"),
    ("Priya Natarajan and Tom Becker want the pricing. Email them both the pricing sheet.", ["105", "106"], "pricing sheet"),
])
def test_an_email_to_each_of_them_is_one_draft_per_person_named(planner, now, text, people, words):
    plan = planner.plan(text, now=now)
    assert _kinds(plan) == ["draft_email", "draft_email"]
    assert [a.target.id for a in plan.actions] == people
    assert all(a.target.type == "contact" and words in a.fields["body"] for a in plan.actions)


@pytest.mark.parametrize(("text", "logged"), [
    ("Log two calls from this morning. Raj Zimmer wants a copy of last month's invoice, and Sofia Evans at Redwood Labs "
     "is thinking about upgrading.", [("210", "call", "invoice"), ("254", "call", "upgrading")]),
    ("Log a call with Raj Zimmer: he wants the invoice. Then log a meeting with Sofia Evans: she's thinking about "
     "upgrading.", [("210", "call", "invoice"), ("254", "meeting", "upgrading")]),
    ("Log a meeting with Linda Okafor, she loved the demo, and then log a call with Tom Becker, he wants a discount.",
     [("107", "meeting", "demo"), ("106", "call", "discount")]),
    ("Record two meetings from yesterday: Tom Becker signed off on the rollout plan and Priya Natarajan wants the SOC "
     "report.", [("106", "meeting", "rollout plan"), ("105", "meeting", "SOC report")]),
])
def test_several_activities_logged_in_one_breath_are_one_per_person(planner, now, text, logged):
    plan = planner.plan(text, now=now)
    assert _kinds(plan) == ["log_activity"] * len(logged)
    for action, (person, kind, words) in zip(plan.actions, logged):
        assert action.target.id == person and action.fields["activity_type"] == kind
        assert words in action.fields["body"]
        assert not any(w in action.fields["body"] for _, _, w in logged if w != words)


@pytest.mark.parametrize("text", [
    "Book a call with the new guy at Willow.",
    "Email the new girl at Globex the deck.",
    "Set up a meeting with their new hire at Initech on Friday.",
    "Acme has a new CFO, book a call with their new CFO for Monday.",
])
def test_someone_new_the_workspace_cannot_name_is_asked_about(planner, now, text):
    plan = planner.plan(text, now=now)
    assert plan.actions == [] and plan.clarifications


def test_someone_new_said_with_their_name_is_that_person(planner, now):
    plan = planner.plan("Book a call with Tom Becker, their new head of ops.", now=now)
    assert _kinds(plan) == ["book_meeting"] and plan.actions[0].target.id == "106"


@pytest.mark.parametrize(("text", "asked"), [
    ("Iris from Upland wants ten more seats, open an expansion deal for her.", "Which Upland"),
    ("Open a new deal for Upland, 20k.", "Which Upland"),
    ("Open a deal for Hooli at 50k.", "I don't know Hooli"),
])
def test_a_new_deal_for_a_company_not_known_for_sure_waits_for_the_answer(planner, now, text, asked):
    plan = planner.plan(text, now=now)
    assert not [a for a in plan.actions if a.kind == "create_deal"]
    assert [a.kind for a in plan.pending] == ["create_deal"]
    assert plan.clarifications[0].startswith(asked)


@pytest.mark.parametrize(("text", "in_view", "words"), [
    ("He's leaving Upland Media at the end of the month. Note it.", "contact:259", "leaving Upland Media"),
    ("She's moving to a new job at Globex next month, note it.", "contact:105", "new job at Globex"),
    ("He said Acme is happy with the rollout, log it as a call.", "contact:106", "happy with the rollout"),
])
def test_what_he_or_she_did_is_noted_on_the_person_in_view_not_a_company_named(planner, now, text, in_view, words):
    plan = planner.plan(text, now=now, context=PlanContext(target=context_target(in_view)))
    assert _kinds(plan) == ["log_activity"]
    assert f"contact:{plan.actions[0].target.id}" == in_view and words in plan.actions[0].fields["body"]


@pytest.mark.parametrize(("text", "people"), [
    ("Add two contacts at Willow Group, um, Nora Blake, CFO, and Ian Ross, the controller.",
     [("Nora", "Blake", "CFO"), ("Ian", "Ross", "Controller")]),
    ("Add two people at Cedar Group, uh, Mira Holt, treasurer, and Owen Pike, bookkeeper.",
     [("Mira", "Holt", "Treasurer"), ("Owen", "Pike", "Bookkeeper")]),
    ("Add Ian Ross at Willow Group, he's the controller.", [("Ian", "Ross", "Controller")]),
])
def test_people_listed_after_a_pause_keep_their_names_and_titles(planner, now, text, people):
    plan = planner.plan(text, now=now)
    assert _kinds(plan) == ["create_contact"] * len(people)
    got = [(a.fields["first_name"], a.fields["last_name"], a.fields.get("job_title")) for a in plan.actions]
    assert got == people


@pytest.mark.parametrize(("text", "deal", "amount"), [
    ("Set Blue Harbor to twelve k, no, make that fourteen and a half.", "5008", 14500),
    ("Set Blue Harbor to twelve k, no, fourteen and a half.", "5008", 14500),
    ("Put Pinecrest at eight grand, actually make it eight and a half.", "5010", 8500),
    ("Set Acme to two and a half million.", "5001", 2500000),
])
def test_and_a_half_is_part_of_the_corrected_figure(planner, now, text, deal, amount):
    plan = planner.plan(text, now=now)
    assert _kinds(plan) == ["update_deal"]
    assert plan.actions[0].target.id == deal and plan.actions[0].fields["amount"] == amount


@pytest.mark.parametrize(("text", "deal", "rival"), [
    ("Mark the Pinecrest deal as dead, they went with a cheaper booking tool, I think it was Zocdoc.", "5010", "Zocdoc"),
    ("Globex went with another vendor, pretty sure it was Samsara, mark it lost.", "5004", "Samsara"),
    ("Mark Initech lost, they went with a cheaper tool, probably Zendesk.", "5006", "Zendesk"),
])
def test_a_hedged_rival_is_the_name_not_the_hedge(planner, now, text, deal, rival):
    plan = planner.plan(text, now=now)
    assert _kinds(plan) == ["update_deal"]
    fields = plan.actions[0].fields
    assert plan.actions[0].target.id == deal and fields["stage"] == "Closed Lost" and fields["competitor"] == rival
    assert fields.get("lost_reason", "").lower() not in ("globex", "initech", "pinecrest")
