"""BANT+ extraction, one construction at a time, continued from ``test_agents_bant_phenomena10.py``
(issue/18x onwards, callnotes23's invented facts and misses): each case is a short note in words of our own
(not a blind-set sentence) and the field a user would see on the deal."""

from __future__ import annotations

import pytest
from bant_said import said


# -- budget: invented ----------------------------------------------------------------------------------
@pytest.mark.parametrize("note", [
    "Omar agreed to go with our 799/mo Growth plan.",
    "maria is happy at our 6k a year.",
    "Kofi said yes to quarterly billing at our 2,400 a quarter.",
])
def test_issue18x_a_figure_named_as_ours_is_no_budget(note):
    said(note, "budget", None)


@pytest.mark.parametrize("note,value", [
    ("Kofi said ok to our 12k quote; he has 15k set aside.", 15000),
    ("Their budget is 10k, which matches our 10k quote.", 10000),
    ("Kofi has 30k set aside for it. We sent our 28k proposal Monday.", 30000),
])
def test_issue18x_their_own_figure_beside_ours_stays(note, value):
    said(note, "budget", value)


# -- authority: invented -------------------------------------------------------------------------------
@pytest.mark.parametrize("note", [
    "Priya says there's a three-quote rule. She hinted the number that gets approved is closer to 40.",
    "Omar thinks the number that gets approved will be around 40k.",
    "She guessed the amount that gets approved lands near 25 thousand.",
])
def test_issue18x_the_figure_that_gets_approved_names_no_approver(note):
    said(note, "authority", None)


@pytest.mark.parametrize("note,value", [
    ("James says the board meets on the 21st and that's where it gets approved or not.", "board"),
    ("Linda Park, their CFO, approves anything over 20k.", "Park"),
    ("Tom Reyes signs, Omar just runs the process.", "Reyes"),
])
def test_issue18x_who_approves_still_found(note, value):
    said(note, "authority", value)


# -- timeline: invented --------------------------------------------------------------------------------
@pytest.mark.parametrize("note", [
    "Deal signed. Kickoff call booked with her and Raj Price (CTO) for Thursday Dec 3 to plan the integration.",
    "Handover call booked with Omar and Tom Reyes (COO) for Tuesday Dec 8 to plan the integration.",
    "Training session set with her and Kofi Mensah (IT lead) for December 9 to plan the data import.",
])
def test_issue18x_a_meeting_with_a_title_in_brackets_before_its_date_is_no_timeline(note):
    said(note, "timeline", None)


@pytest.mark.parametrize("note", [
    "closed lost, budget cut. maybe revisit in q2, nothing set.",
    "Shelved for now; they might pick it back up in Q3, nothing firm.",
    "Could come back to it in Q3, nothing concrete yet.",
])
def test_issue18x_a_period_denied_with_nothing_set_is_no_timeline(note):
    said(note, "timeline", None)


@pytest.mark.parametrize("note,value", [
    ("They want it live by March 3, nothing else is set.", "2027-03-03"),
    ("Sarah says they might revisit it in Q2 next year, with about fifteen thousand to spend.", "2027-06-30"),
    ("Kofi Mensah (CFO) wants it live by January 15.", "2027-01-15"),
])
def test_issue18x_a_date_said_with_it_stays(note, value):
    said(note, "timeline", value)


# -- need: invented ------------------------------------------------------------------------------------
@pytest.mark.parametrize("note", [
    "They liked the reporting; the one complaint, exports timing out, is fixed in the new release and we showed it.",
    "The other complaint, reports loading slowly, has been fixed since 3.1 and we showed it.",
    "They liked the app; the one issue, missed push alerts, got patched last week.",
])
def test_issue18x_a_problem_said_as_fixed_is_no_need(note):
    said(note, "need", None)


@pytest.mark.parametrize("note,value", [
    ("The billing bug is sorted, but reps still lose half a day logging calls by hand.", "logging calls"),
    ("They need the sync bug fixed before renewal.", "sync bug"),
    ("Q: what hooked her? A: the dispatch board that updates itself.", "dispatch board"),
])
def test_issue18x_a_problem_still_open_stays(note, value):
    said(note, "need", value)


@pytest.mark.parametrize("note", [
    "He can't sign himself; it needs his CEO, Dana Wu, who's back from leave on the 3rd.",
    "Omar can't approve it alone, it needs Tom's signature.",
    "It can't go through yet; it needs her CFO, Tom Reyes, who is out until the 3rd.",
])
def test_issue18x_a_signature_it_needs_is_no_need(note):
    said(note, "need", None)


@pytest.mark.parametrize("note", [
    "Tom said it's his call either way, but he wants our best number first.",
    "She wants a better price before she'll sign.",
    "Omar needs a sharper quote by Friday.",
])
def test_issue18x_a_better_price_from_us_is_no_need(note):
    said(note, "need", None)


@pytest.mark.parametrize("note,value", [
    ("They want better pricing visibility across regions.", "pricing visibility"),
    ("She wants the price list synced to the CRM so reps stop quoting old prices.", "price list"),
    ("He needs a better way to route after-hours calls.", "after-hours calls"),
    ("Omar needs better deal-flow tracking across the team.", "deal-flow"),
])
def test_issue18x_a_problem_about_prices_stays_a_need(note, value):
    said(note, "need", value)


# -- budget: a ceiling with a range under it ------------------------------------------------------------
@pytest.mark.parametrize("note", [
    "Theo said 'up to 12k' for year one, but he'd rather land around 9 or 10.",
    "Budget is up to 20k, though she'd prefer to come in around 15 or 16.",
    "They can go up to 40k but would rather spend about 30 to 35.",
])
def test_issue18x_a_ceiling_with_a_preferred_range_under_it_is_no_budget(note):
    said(note, "budget", None)


@pytest.mark.parametrize("note,value", [
    ("She can go up to 12k for this, that's the budget.", 12000),
    ("Up to 25k is approved; he'd rather not go near it.", 25000),
    ("budget she said 4k for the yr, hard cap.", 4000),
])
def test_issue18x_a_ceiling_alone_stays_the_budget(note, value):
    said(note, "budget", value)


# -- competitor: missed --------------------------------------------------------------------------------
@pytest.mark.parametrize("note,value", [
    ("She said the routing is still the must-have, and, uh, that Dialpad dropped their price again.", "Dialpad"),
    ("Omar mentioned that Gong cut their price last week.", "Gong"),
    ("Kofi told me that Aircall just lowered its price to keep them.", "Aircall"),
])
def test_issue18x_another_vendor_cutting_its_price_said_after_that_is_a_rival(note, value):
    said(note, "competitor", value)


@pytest.mark.parametrize("note,value", [
    ("The trial ended, they didn't love it, but they're still weighing Procore against us.", "Procore"),
    ("They are pitting Zendesk versus us on price.", "Zendesk"),
    ("Ops is comparing Motive against us this month.", "Motive"),
])
def test_issue18x_a_vendor_weighed_against_us_is_a_rival(note, value):
    said(note, "competitor", value)


def test_issue18x_a_person_dropping_something_is_no_rival():
    said("Omar said that Dana dropped her kids at school, then we talked pricing.", "competitor", None)


# -- budget: a figure put right with a bare "no" -------------------------------------------------------
@pytest.mark.parametrize("note,value", [
    ("Budget, he said they've set aside, uh, seventy, no, sixty, sixty thousand for year one.", 60000),
    ("They've allocated 90, no, 80k for year one.", 80000),
    ("She has sixty, no, fifty-five thousand set aside.", 55000),
])
def test_issue18x_a_figure_put_right_after_a_bare_no_is_the_budget(note, value):
    said(note, "budget", value)


def test_issue18x_a_no_after_the_figure_is_no_correction():
    said("They have 30k set aside. No, they haven't seen the deck yet.", "budget", 30000)
