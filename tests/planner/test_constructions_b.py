"""More constructions salespeople use (issue 12), three different sentences each: spoken money with a
small count ("knock two k off"), value said after the cue ("five grand more"), closing a deal as a
win, lost reasons said as a field or as the clause before, "make X owner of Y", month and weekday
abbreviations, and chit-chat that is not an instruction."""

from __future__ import annotations

import pytest


def _update(plan):
    (a,) = [a for a in plan.actions if a.kind == "update_deal"]
    return a


@pytest.mark.parametrize(("text", "deal", "amount"), [
    ("Granite Labs pilot, take a grand off", "5100", 2000),
    ("knock two k off the Upland Works deal", "5116", 22000),
    ("Acme is five grand more than we thought, update it", "5001", 65000),
    ("Umbrella came in ten k lower, update the deal", "5007", 230000),
])
def test_small_spoken_amounts_and_direction_after_the_value(planner, now, text, deal, amount):
    a = _update(planner.plan(text, now=now))
    assert (a.target.id, a.fields) == (deal, {"amount": amount})


@pytest.mark.parametrize(("text", "deal"), [
    ("closed the cedar group deal!!", "5118"),
    ("we finally closed Initech!", "5006"),
    ("Just closed Vertex Analytics.", "5009"),
])
def test_closed_a_deal_is_a_win(planner, now, text, deal):
    a = _update(planner.plan(text, now=now))
    assert (a.target.id, a.fields) == (deal, {"stage": "Closed Won"})


@pytest.mark.parametrize("text", [
    "Closed the loop with Priya on pricing.",
    "we closed out the quarter strong",
    "closed the ticket for Acme",
])
def test_closing_something_else_is_no_stage_change(planner, now, text):
    assert not any(a.kind == "update_deal" and "stage" in a.fields for a in planner.plan(text, now=now).actions)


@pytest.mark.parametrize(("text", "reason"), [
    ("Mark the Upland Ventures deal as closed lost, reason: no response after three follow-ups.",
     "no response after three follow-ups"),
    ("We lost Acme to Salesforce, um, they already had a contract, put that down as the reason.",
     "they already had a contract"),
    ("we lost granite health to hubspot on price", "price"),
    ("Lost Initech to Zendesk, the reason being they wanted a cheaper tier.", "they wanted a cheaper tier"),
])
def test_lost_reason_said_as_a_field_or_before(planner, now, text, reason):
    a = _update(planner.plan(text, now=now))
    assert a.fields["stage"] == "Closed Lost" and a.fields["lost_reason"] == reason


@pytest.mark.parametrize(("text", "kind", "target", "owner"), [
    ("make sam owner of theo walsh", "update_contact", "268", "Sam Whitaker"),
    ("Make Jordan owner of the Globex deal", "update_deal", "5004", "Jordan Blake"),
    ("make morgan the owner of elena garcia", "update_contact", "109", "Morgan Reyes"),
])
def test_make_someone_owner_of(planner_team, now, text, kind, target, owner):
    (a,) = planner_team.plan(text, now=now).actions
    assert (a.kind, a.target.id, a.fields) == (kind, target, {"owner": owner})


@pytest.mark.parametrize(("text", "fields"), [
    ("vertex in legal review, push close to dec 12", {"close_date": "2026-12-12"}),
    ("push vertex to jan 31 and bump it to 90k", {"close_date": "2027-01-31", "amount": 90000}),
    ("move the vertex close date to thurs", {"close_date": "2026-11-26"}),
])
def test_month_and_weekday_abbreviations_are_dates_not_people(planner, now, text, fields):
    plan = planner.plan(text, now=now)
    assert not plan.clarifications
    assert _update(plan).fields == fields


@pytest.mark.parametrize("text", [
    "need coffee before this qbr lol",
    "ugh what a week, honestly I need a vacation",
    "Tell me a joke before my next cold call block.",
])
def test_chit_chat_plans_nothing(planner, now, text):
    plan = planner.plan(text, now=now)
    assert not plan.actions and not plan.clarifications and plan.message
