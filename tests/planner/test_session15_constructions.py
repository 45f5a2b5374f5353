"""Constructions worked on in session 15, three sentences (or more) each in our own words.

Each family is one way a plan used to change a record nobody asked to change (a wrong write)."""

from __future__ import annotations

import pytest

from desktop.planner import PlanContext
from desktop.planner.evaluation import context_target


def _kinds(plan):
    return [a.kind for a in plan.actions]


@pytest.mark.parametrize(("text", "person", "words"), [
    ("Log a call with Priya Natarajan. She confirmed the budget at ninety k but wants the rollout split in two phases.",
     "105", "two phases"),
    ("Log a meeting with Tom Becker. He said the renewal is fine at forty grand and asked about the reporting add-on.",
     "106", "reporting add-on"),
    ("Record a call with Linda Okafor. She mentioned they'd go to fifty k if we include onboarding.", "107", "onboarding"),
])
def test_what_was_said_after_a_logged_call_is_its_text_not_a_change(planner, now, text, person, words):
    plan = planner.plan(text, now=now)
    assert _kinds(plan) == ["log_activity"]
    assert plan.actions[0].target.id == person
    assert words in plan.actions[0].fields["body"]


@pytest.mark.parametrize(("text", "person", "words"), [
    ("Log a call with Theo Ortiz: he's bringing Zoe into the next meeting and wants a security review.", "244", "Zoe"),
    ("Log a meeting with Tom Becker: he wants Rachel on the next call and a case study from logistics.", "106", "Rachel"),
    ("Log a call with Linda Okafor: she said Sarah from procurement will join on Friday.", "107", "Sarah"),
])
def test_people_named_inside_a_logged_calls_words_are_what_was_said(planner, now, text, person, words):
    plan = planner.plan(text, now=now)
    assert _kinds(plan) == ["log_activity"] and not plan.clarifications
    assert plan.actions[0].target.id == person
    assert words in plan.actions[0].fields["body"]


@pytest.mark.parametrize(("text", "in_view", "words"), [
    ("Log a call. He's bringing Zoe into the next meeting and wants references from another fintech.", "contact:244",
     "references"),
    ("Log a meeting. She walked Rachel through the roadmap and wants the SOC report.", "contact:107", "SOC report"),
    ("Log a call. He says Sarah in finance signs anything over twenty k.", "contact:106", "Sarah in finance"),
])
def test_a_bare_logged_call_is_with_the_person_in_view(planner, now, text, in_view, words):
    plan = planner.plan(text, now=now, context=PlanContext(target=context_target(in_view)))
    assert _kinds(plan) == ["log_activity"] and not plan.clarifications
    assert f"contact:{plan.actions[0].target.id}" == in_view
    assert words in plan.actions[0].fields["body"]


@pytest.mark.parametrize(("text", "company", "amount", "stage"), [
    ("Ember Logistics is two deals now: the pilot, plus a new fleet rollout at a hundred and forty k, Lead stage.",
     "Ember Logistics", 140000, "Lead"),
    ("Granite Labs renewed the pilot, and also a new website rebuild at 30k, put it in at qualified.", "Granite Labs",
     30000, "Qualified"),
    ("Northwind is expanding: the renewal as well as a new analytics rollout at 90k in Lead.", "Northwind Traders",
     90000, "Lead"),
])
def test_new_work_said_beside_the_existing_deal_is_a_new_deal(planner, now, text, company, amount, stage):
    plan = planner.plan(text, now=now)
    assert _kinds(plan) == ["create_deal"]
    assert (plan.actions[0].fields["company"], plan.actions[0].fields["amount"], plan.actions[0].fields["stage"]) == (
        company, amount, stage)


@pytest.mark.parametrize(("text", "company", "amount"), [
    ("Quartz Partners' annual renews next October, about twenty k. Create a renewal deal at Negotiation.",
     "Quartz Partners", 20000),
    ("Initech wants a second year, roughly fifty grand. Open a renewal deal for them in Qualified.", "Initech", 50000),
    ("Cedar Group's support contract comes up in spring, around eight k. Create a new deal for it at Lead.",
     "Cedar Group", 8000),
])
def test_a_figure_said_before_a_new_deal_is_the_new_deals(planner, now, text, company, amount):
    plan = planner.plan(text, now=now)
    assert _kinds(plan) == ["create_deal"]
    assert (plan.actions[0].fields["company"], plan.actions[0].fields["amount"]) == (company, amount)


@pytest.mark.parametrize(("text", "flagged", "other", "stage"), [
    ("Ava Vogel says stop calling, she's not the buyer, Dan Hughes is. Mark her do not contact and set Dan Hughes as "
     "an opportunity.", "250", "259", "opportunity"),
    ("Priya Natarajan said she's leaving, Tom Becker takes over. Mark her do not contact and set Tom Becker as a "
     "customer.", "105", "106", "customer"),
    ("Linda Okafor told me she's out, David Kim is the contact now. Flag her as do not contact and set David Kim as "
     "an opportunity.", "107", "114", "opportunity"),
])
def test_her_is_the_person_said_to_be_she_not_the_last_named(planner, now, text, flagged, other, stage):
    plan = planner.plan(text, now=now)
    by_id = {a.target.id: a.fields for a in plan.actions if a.kind == "update_contact"}
    assert by_id[flagged] == {"do_not_contact": True}
    assert by_id[other] == {"lifecycle_stage": stage}


@pytest.mark.parametrize(("text", "people", "owner"), [
    ("Jordan's taking over the Upland Media account, so make Jordan the owner of Dan Hughes and Ava Vogel.",
     {"259", "250"}, "Jordan Blake"),
    ("Sam is picking up Northwind, so give Tom Becker to Sam.", {"106"}, "Sam Whitaker"),
    ("Morgan's inheriting the Globex relationship, so assign Priya Natarajan to Morgan.", {"105"}, "Morgan Reyes"),
])
def test_a_handover_given_as_the_reason_changes_only_what_is_asked(planner_team, now, text, people, owner):
    plan = planner_team.plan(text, now=now)
    assert {a.kind for a in plan.actions} == {"update_contact"}
    assert {a.target.id for a in plan.actions} == people
    assert all(a.fields == {"owner": owner} for a in plan.actions)


@pytest.mark.parametrize(("text", "person", "day"), [
    ("Book the onboarding kickoff with Zoe Price, or wait, is Leo Vogel the admin? Yeah, do Leo, Monday at 9:30.",
     "209", "2026-11-23"),
    ("Set up a demo with Mike Chen, hang on, is David Kim the buyer? Yes, use David, Tuesday at ten.", "114", "2026-11-24"),
    ("Book a call with Tom Becker, actually, is Rachel Adams running marketing? Yep, book Rachel, Friday at 2pm.",
     "115", "2026-11-27"),
])
def test_the_person_picked_after_asking_oneself_replaces_the_first(planner, now, text, person, day):
    plan = planner.plan(text, now=now)
    assert _kinds(plan) == ["book_meeting"]
    assert plan.actions[0].target.id == person
    assert plan.actions[0].fields["due_date"] == day


@pytest.mark.parametrize(("text", "person", "words"), [
    ("Send the renewal deck to Rachel Adams.", "115", "renewal deck"),
    ("Move Acme to negotiation and send the redlined MSA over to David Kim.", "114", "redlined MSA"),
    ("Please send Tom Becker our logistics case study.", "106", "case study"),
])
def test_something_sent_to_a_person_is_an_email_drafted(planner, now, text, person, words):
    plan = planner.plan(text, now=now)
    (email,) = [a for a in plan.actions if a.kind == "draft_email"]
    assert email.target.id == person
    assert words in email.fields["body"]


@pytest.mark.parametrize("text", [
    "Quick call with Theo Ortiz at Granite Labs, he's fine with the 3k tier.",
    "Granite Labs likes the five k a month plan.",
    "Talked to Iris Fischer, Upland Works prefers the 24k package.",
])
def test_a_price_tier_liked_is_not_the_deal_amount(planner, now, text):
    plan = planner.plan(text, now=now)
    assert not any("amount" in a.fields for a in plan.actions)


@pytest.mark.parametrize(("text", "deal", "field", "value"), [
    ("Delta Works signed back in October but the close date says January 1st. Fix it to the 17th of October this year.",
     "5104", "close_date", "2026-10-17"),
    ("Umbrella Health's close date still says March 31st. Change it to January 15th.", "5007", "close_date", "2027-01-15"),
    ("Initech's amount shows 72k, update it to 75k.", "5006", "amount", 75000),
])
def test_what_a_field_shows_now_is_not_the_new_value(planner, now, text, deal, field, value):
    plan = planner.plan(text, now=now)
    (a,) = plan.actions
    assert (a.kind, a.target.id) == ("update_deal", deal)
    assert a.fields == {field: value}
