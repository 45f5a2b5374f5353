"""Constructions worked on in session 8, three sentences each in our own words: a new deal's name said as
"call it X" or as the company followed by title-case words, "open / set up one" after a deal is mentioned,
and interactions with different people reported in separate sentences ("First, I called ... Second, I
emailed ...") logged one per person with each sentence's own words."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "name"), [
    ("New deal for Lumen Learning Labs. Call it Lumen Expansion, forty two thousand, put it in Qualified.", "Lumen Expansion"),
    ("We don't have an opportunity with Quartz Partners yet, so create one: Quartz Partners Brand Refresh, twenty grand.",
     "Quartz Partners Brand Refresh"),
    ("New deal: Globex Security Suite, 40k, in Qualified.", "Globex Security Suite"),
])
def test_a_new_deal_keeps_the_name_said(planner, now, text, name):
    (a,) = planner.plan(text, now=now).actions
    assert a.kind == "create_deal" and a.fields["name"] == name


@pytest.mark.parametrize("text", [
    "no deal for Initech yet, so set one up, 15k, lead",
    "There's no opportunity for Summit Ventures, open one at thirty k in Qualified.",
    "Acme Corp has no deal for the add-on, start one, twelve thousand, Lead stage",
])
def test_one_after_a_deal_is_mentioned_creates_it(planner, now, text):
    (a,) = planner.plan(text, now=now).actions
    assert a.kind == "create_deal" and a.target is None


@pytest.mark.parametrize(("text", "logged"), [
    ("Okay, two things. First, I called Tom Becker, no answer. Second, I emailed Priya Natarajan the pricing sheet. That's it.",
     [("106", "call", "no answer"), ("105", "email", "pricing sheet")]),
    ("I called Mike Chen about onboarding. Then I emailed Linda Okafor the contract.",
     [("101", "call", "onboarding"), ("107", "email", "contract")]),
    ("Had coffee with Rachel Adams, she loves the product. After that I spoke to Mike Chen, he wants a discount.",
     [("115", "meeting", "loves the product"), ("101", "call", "discount")]),
])
def test_interactions_with_different_people_are_logged_apart(planner, now, text, logged):
    acts = [a for a in planner.plan(text, now=now).actions if a.kind == "log_activity"]
    got = [(a.target.id, a.fields["activity_type"], a.fields["body"]) for a in acts]
    assert [(i, t) for i, t, _ in got] == [(i, t) for i, t, _ in logged]
    for (_i, _t, body), (_i2, _t2, word) in zip(got, logged):
        assert word in body.lower()
    assert "emailed" not in got[0][2].lower() and "spoke" not in got[0][2].lower()
