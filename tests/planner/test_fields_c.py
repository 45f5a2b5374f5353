"""Fields and bodies (issue 12 §2-3), three sentences each: the lost reason said as the field, a deal
named with "call it X", "log a call" followed by what was said, and an e-mail whose content comes before
a separate "ask for ..." clause."""

from __future__ import annotations

import pytest


def _by_kind(plan):
    return {a.kind: a for a in plan.actions}


@pytest.mark.parametrize(("text", "deal", "why"), [
    ("lost reason on upland media: they went in-house", "5107", "in-house"),
    ("Upland Media lost reason - budget was cut", "5107", "budget"),
    ("set the lost reason on the Upland Media deal to they hired an agency", "5107", "agency"),
])
def test_lost_reason_said_as_the_field(planner, now, text, deal, why):
    a = _by_kind(planner.plan(text, now=now))["update_deal"]
    assert a.target.id == deal and why in a.fields["lost_reason"]


@pytest.mark.parametrize(("text", "name"), [
    ("Right, so the Kestrel Works people want a website rebuild, new deal, call it Kestrel Works Website, eighteen grand",
     "Kestrel Works Website"),
    ("new deal for Acme, call it Acme Expansion, 40k", "Acme Expansion"),
    ("open a deal for Initech, call it Voice Pilot, 30k in Lead", "Voice Pilot"),
])
def test_call_it_names_the_deal(planner, now, text, name):
    assert _by_kind(planner.plan(text, now=now))["create_deal"].fields["name"] == name


@pytest.mark.parametrize(("text", "contact", "word"), [
    ("Jonas Weber from Orbital, log a call, he wants the German language pack, and set the Orbital next step to "
     "send a language pack quote.", "112", "german language pack"),
    ("Tom Becker from Northwind, log a meeting, they want to renew", "106", "renew"),
    ("Priya at Globex, log a call, she needs the SOC 2 report", "105", "soc 2"),
])
def test_log_a_call_then_what_was_said(planner, now, text, contact, word):
    a = _by_kind(planner.plan(text, now=now))["log_activity"]
    assert a.target.id == contact and word in a.fields["body"].lower() and "next step" not in a.fields["body"].lower()


@pytest.mark.parametrize(("text", "words"), [
    ("email jack ueda intro to our voice agent, ask for 15 min", ("voice agent", "15 min")),
    ("email Tom Becker recap of the QBR, ask for feedback", ("qbr", "feedback")),
    ("email Priya Natarajan the pricing deck, ask if Tuesday works", ("pricing deck", "tuesday")),
])
def test_email_content_then_a_separate_ask(planner, now, text, words):
    body = _by_kind(planner.plan(text, now=now))["draft_email"].fields["body"].lower()
    assert all(w in body for w in words), body


@pytest.mark.parametrize(("text", "deal", "step"), [
    ("set the next step on Vertex to a security review", "5009", "security review"),
    ("change the next step for Acme to a pricing call", "5001", "pricing call"),
    ("Globex next step to be the signed order form", "5004", "signed order form"),
])
def test_next_step_on_a_deal_to_a_thing(planner, now, text, deal, step):
    a = _by_kind(planner.plan(text, now=now))["update_deal"]
    assert a.target.id == deal and step in a.fields["next_step"].lower() and "on " not in a.fields["next_step"][:3].lower()


@pytest.mark.parametrize(("text", "deal"), [
    ("Initech is going with us, close it", "5006"),
    ("Acme said yes, close it out.", "5001"),
    ("the Vertex paperwork is signed, so close the deal", "5009"),
])
def test_close_it_after_a_yes_is_a_win(planner, now, text, deal):
    a = _by_kind(planner.plan(text, now=now))["update_deal"]
    assert (a.target.id, a.fields) == (deal, {"stage": "Closed Won"})


@pytest.mark.parametrize("text", ["close it by Friday", "they're going with us on Acme", "close the loop with Tom"])
def test_close_with_a_date_or_a_hint_is_no_win(planner, now, text):
    assert not [a for a in planner.plan(text, now=now).actions if a.fields.get("stage") == "Closed Won"]


@pytest.mark.parametrize(("text", "deal"), [
    ("kill the Initech deal", "5006"),
    ("kill the Initech deal, they went dark", "5006"),
    ("we killed the Onyx Health deal", "5108"),
])
def test_kill_a_deal_is_lost(planner, now, text, deal):
    a = _by_kind(planner.plan(text, now=now))["update_deal"]
    assert (a.target.id, a.fields["stage"]) == (deal, "Closed Lost")


@pytest.mark.parametrize(("text", "people"), [
    ("email Tom and Rachel at Northwind the renewal quote", {"106", "115"}),
    ("draft an email to Mike Chen and David Kim about the rollout timeline", {"101", "114"}),
    ("write to Priya Natarajan and Linda Okafor about the webinar", {"105", "107"}),
])
def test_an_email_to_two_people_is_a_draft_to_each(planner, now, text, people):
    drafts = [a for a in planner.plan(text, now=now).actions if a.kind == "draft_email"]
    assert {a.target.id for a in drafts} == people and all(a.fields.get("body") for a in drafts)


def test_a_name_inside_the_subject_gets_no_email(planner, now):
    drafts = [a for a in planner.plan("email Priya about the renewal and Tom's contract", now=now).actions]
    assert [(a.kind, a.target.id) for a in drafts] == [("draft_email", "105")]
