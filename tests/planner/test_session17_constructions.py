"""Constructions worked on in session 17, three sentences (or more) each in our own words.

Each family is one way a plan used to change a record nobody asked to change (a wrong write), or to miss what
was asked."""

from __future__ import annotations

import pytest


def _kinds(plan):
    return [a.kind for a in plan.actions]


@pytest.mark.parametrize(("text", "deal", "rival"), [
    ("Onyx Health picked another agency, Bluefin. Close the deal as lost.", "5108", "Bluefin"),
    ("Lumen went with a cheaper vendor, Gong. Mark it lost.", "5012", "Gong"),
    ("Initech is going with HubSpot. Move the deal to closed lost.", "5006", "HubSpot"),
])
def test_a_rival_named_at_a_sentence_end_does_not_take_the_next_sentence(planner, now, text, deal, rival):
    plan = planner.plan(text, now=now)
    deal_updates = [a for a in plan.actions if a.kind == "update_deal"]
    assert deal_updates and deal_updates[0].target.id == deal
    assert deal_updates[0].fields["competitor"] == rival
    assert deal_updates[0].fields["stage"] == "Closed Lost"


@pytest.mark.parametrize(("text", "reason"), [
    ("Budget got cut and Initech is going with HubSpot, mark the deal lost.", "Budget got cut"),
    ("Mark Lumen lost, the champion left and they went with Pipedrive.", "the champion left"),
    ("Legal dragged on forever so Globex signed with Salesforce, close it as lost.", "Legal dragged on forever"),
])
def test_the_lost_reason_stops_before_who_the_buyer_went_with(planner, now, text, reason):
    plan = planner.plan(text, now=now)
    upd = next(a for a in plan.actions if a.kind == "update_deal")
    assert upd.fields["stage"] == "Closed Lost"
    assert upd.fields.get("lost_reason", "").lower() == reason.lower()


@pytest.mark.parametrize(("text", "contact"), [
    ("Sent Kara Walsh the pricing sheet by email.", "274"),
    ("Sent Priya Natarajan the revised order form over email this morning.", "105"),
    ("Followed up with Eva Young by email, still waiting on legal.", "273"),
    ("I sent Tom Becker a follow-up email about the onboarding plan.", "106"),
])
def test_an_email_that_went_out_is_logged_as_an_email(planner, now, text, contact):
    plan = planner.plan(text, now=now)
    assert _kinds(plan) == ["log_activity"]
    assert plan.actions[0].target.id == contact
    assert plan.actions[0].fields["activity_type"] == "email"


@pytest.mark.parametrize(("text", "contact", "types"), [
    ("Left a voicemail for Paula Walsh and then sent her a follow-up email.", "245", ["call", "email"]),
    ("Called Tom Becker, no answer, then emailed him the deck.", "106", ["call", "email"]),
    ("Had a quick call with Priya Natarajan and then sent her the pricing sheet by email.", "105", ["call", "email"]),
])
def test_two_interactions_one_after_the_other_are_two_activities(planner, now, text, contact, types):
    plan = planner.plan(text, now=now)
    assert _kinds(plan) == ["log_activity", "log_activity"]
    assert [a.target.id for a in plan.actions] == [contact, contact]
    assert [a.fields["activity_type"] for a in plan.actions] == types


def test_a_follow_up_email_still_to_send_is_no_email_logged(planner, now):
    plan = planner.plan("Remind me to send Tom Becker a follow-up email on Monday.", now=now)
    assert _kinds(plan) == ["create_task"]
