"""Call reports said the ways salespeople say them (issue 12 §2-3), three sentences each: "client call
with X: ...", "just wrapped with X", "got off the phone with X" are calls that happened, logged on the
person with the clause's content; a company's wish said after the call ("Meadow Health wants ...") stays
in the body; a value stated as the current one and then "make it Y" sets Y."""

from __future__ import annotations

import pytest


def _by_kind(plan):
    return {a.kind: a for a in plan.actions}


@pytest.mark.parametrize(("text", "contact", "word"), [
    ("Client call with Maya Alvarez at Meadow Ventures: they want a second brand on the retainer. Bump the deal to 9K.",
     "241", "second brand"),
    ("Customer call with Tom Becker, they want to renew for two years", "106", "renew"),
    ("prospect call with Priya Natarajan: she needs a security review first", "105", "security review"),
])
def test_a_kind_of_call_with_a_person(planner, now, text, contact, word):
    act = _by_kind(planner.plan(text, now=now))["log_activity"]
    assert (act.fields["activity_type"], act.target.id) == ("call", contact)
    assert word in act.fields["body"].lower() and "call with" not in act.fields["body"].lower()


@pytest.mark.parametrize(("text", "contact", "word"), [
    ("so yeah just wrapped with Dan Moreau from Tidal, they want to come back, so reopen the Tidal deal in proposal sent",
     "266", "come back"),
    ("got off the phone with Tom Becker, he wants the renewal paperwork by Friday", "106", "paperwork"),
    ("Just finished up with Linda Okafor, she loved the helpdesk demo", "107", "loved"),
])
def test_a_call_that_just_ended(planner, now, text, contact, word):
    act = _by_kind(planner.plan(text, now=now))["log_activity"]
    assert (act.fields["activity_type"], act.target.id) == ("call", contact)
    assert word in act.fields["body"].lower()


@pytest.mark.parametrize(("text", "word"), [
    ("so I had a call with Sofia Alvarez, Meadow Health wants to push the go live to February, so move the close "
     "date to the end of February", "go live"),
    ("had a call with Priya Natarajan, Globex needs the SOC 2 report, so move the deal to negotiation", "soc 2"),
    ("I had a meeting with Tom Becker, Northwind said the budget is approved, move the renewal to negotiation",
     "budget"),
])
def test_a_company_said_after_the_call_stays_in_the_body(planner, now, text, word):
    got = _by_kind(planner.plan(text, now=now))
    assert word in got["log_activity"].fields["body"].lower()
    assert "update_deal" in got


@pytest.mark.parametrize(("text", "deal", "amount"), [
    ("the Quartz Partners deal, it's at ninety six hundred, make it twelve k", "5115", 12000),
    ("Globex, currently 185k, make it 200k", "5004", 200000),
    ("Northwind is sitting at 36k, set it to 40k", "5005", 40000),
])
def test_the_current_value_then_make_it(planner, now, text, deal, amount):
    act = _by_kind(planner.plan(text, now=now))["update_deal"]
    assert (act.target.id, act.fields["amount"]) == (deal, amount)


@pytest.mark.parametrize("text", [
    "um so the Harbor Health people, Theo Walsh, he's waiting on the proposal, so remind me Friday to follow up with Theo about it",
    "Priya needs the security questionnaire, remind me to send it Monday",
    "Tom is waiting on legal, book a call with him Thursday at 2pm",
])
def test_what_someone_needs_beside_a_task_is_no_next_step(planner, now, text):
    plan = planner.plan(text, now=now)
    assert not [a for a in plan.actions if a.kind == "update_deal"]
    assert [a for a in plan.actions if a.kind in ("create_task", "book_meeting")]


@pytest.mark.parametrize(("text", "amount"), [
    ("Northwind renewal: they're asking for a ten percent discount, drop the amount accordingly.", 32400),
    ("give Northwind a ten percent discount", 32400),
    ("we agreed on a ten percent uplift on the Northwind renewal, update the deal to reflect that", 39600),
])
def test_a_percent_discount_or_uplift_asked_for(planner, now, text, amount):
    act = _by_kind(planner.plan(text, now=now))["update_deal"]
    assert (act.target.id, act.fields["amount"]) == ("5005", amount)


@pytest.mark.parametrize("text", [
    "Had a call with Tom Becker, they want a ten percent discount",
    "Northwind is asking for a 10% discount, I said no",
    "Tom mentioned a five percent uplift at their other vendor",
])
def test_a_percent_discount_only_reported_changes_no_amount(planner, now, text):
    assert not [a for a in planner.plan(text, now=now).actions if "amount" in a.fields]


@pytest.mark.parametrize("text", [
    "Just finished the Acme call. Mike needs board approval, budget is 100K, they're also looking at Salesforce, follow up in two weeks",
    "Mike from Acme called, they're also looking at Salesforce, budget is 100K, follow up in two weeks",
    "just finished the acme call mike needs board approval budget is 100k they are also looking at salesforce follow up in two weeks",
])
def test_the_brief_example_keeps_whole_clauses(planner, now, text):
    got = _by_kind(planner.plan(text, now=now))
    body = got["log_activity"].fields["body"].lower()
    assert "looking at salesforce" in body and not body.endswith(("also", "they're", "they are"))
    assert got["update_deal"].fields["competitor"] == "Salesforce" and got["update_deal"].fields["amount"] == 100000
    assert got["create_task"].fields["due_date"] == "2026-12-05"


@pytest.mark.parametrize(("text", "people"), [
    ("I met with Rachel Adams and Tom Becker from Northwind today about the renewal, log the meeting on both of them please.",
     {"115", "106"}),
    ("Had a meeting with Mike Chen and David Kim, log it on each of them", {"101", "114"}),
    ("Lunch meeting with Priya Natarajan and Linda Okafor, log it for both", {"105", "107"}),
])
def test_a_meeting_logged_on_both_people(planner, now, text, people):
    acts = [a for a in planner.plan(text, now=now).actions if a.kind == "log_activity"]
    assert {a.target.id for a in acts} == people and all(a.fields["activity_type"] == "meeting" for a in acts)
