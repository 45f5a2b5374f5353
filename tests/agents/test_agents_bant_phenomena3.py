"""BANT+ extraction, one construction at a time, continued from ``test_agents_bant_phenomena2.py``
(issue/18p onwards): each case is a short note in words of our own (not a blind-set sentence) and the
field a user would see on the deal."""

from __future__ import annotations

import pytest
from bant_said import NOW, said

from desktop.agents.bant import extract


@pytest.mark.parametrize("note", [
    "Hana runs this herself; anything over fifty K would need to go to their CFO, but this is far below that.",
    "Marco signs. Any purchase above twenty grand goes up to the board, he said.",
    "The ops lead approves it, everything north of a hundred thousand needs the owner's nod.",
])
def test_issue18p_a_threshold_said_as_what_it_covers_is_no_budget(note):
    said(note, "budget", None)


@pytest.mark.parametrize("note", [
    "Our module is twelve dollars a user a month and they have about forty users; no budget from them yet.",
    "Our upgrade runs about two grand a year, they haven't told me what they have.",
    "Our seat is fifteen a month at list, they'd need thirty of them.",
])
def test_issue18p_our_add_on_price_is_no_budget(note):
    said(note, "budget", None)


@pytest.mark.parametrize("note", [
    "Carmen sent the signed NDA back Wednesday, all good. Next I send the proposal.",
    "The quote went out Monday and Leo has it.",
    "Priya signed the pilot agreement Thursday, done.",
])
def test_issue18p_a_weekday_said_with_a_past_deed_is_no_timeline(note):
    said(note, "timeline", None)


@pytest.mark.parametrize("note", [
    "Next is a walkthrough Thursday to go over the numbers with Sam.",
    "Next step is a workshop that their ops lead will host starting Tuesday.",
    "Next: a short call Monday with the two of them.",
])
def test_issue18p_the_next_step_s_day_is_no_timeline(note):
    said(note, "timeline", None)


@pytest.mark.parametrize("note", [
    "Asked about timing and she would only say early next year.",
    "Rollout sometime early in the new year, they think.",
    "He sees it landing in the first couple of months of next year, nothing firmer.",
])
def test_issue18p_early_next_year_is_no_date(note):
    said(note, "timeline", None)


@pytest.mark.parametrize("note", [
    "They dropped the Basic plan in August because nobody used it.",
    "Background: they cancelled the old support plan in October.",
    "She churned from the starter tier in September, price was the issue.",
])
def test_issue18p_a_plan_cancelled_in_a_month_is_no_timeline(note):
    said(note, "timeline", None)


@pytest.mark.parametrize("note", [
    "Their founder froze every new tool purchase until the Q2 budget review.",
    "The CFO froze discretionary spend until their March offsite.",
    "Finance froze software buying until the new fiscal year in Q1.",
])
def test_issue18p_spend_frozen_until_a_date_is_no_timeline(note):
    said(note, "timeline", None)


@pytest.mark.parametrize("note", [
    "Mostly chatted about hiring. They're opening a Denver office in Q2, which has nothing to do with us.",
    "Side chat: she's moving house in January, has nothing to do with our deal.",
    "He's running a marathon in March, that has nothing to do with us either.",
])
def test_issue18p_a_date_beside_the_deal_is_no_timeline(note):
    said(note, "timeline", None)


@pytest.mark.parametrize("note", [
    "Nadia has okayed putting four thousand into the starter plan and they want to begin on the 3rd.",
    "He agreed to spend two grand on the support tier and they want to kick off in January.",
    "Olu signed off on eight K for the annual plan and they want to go live Monday.",
])
def test_issue18p_money_on_a_plan_then_a_start_date_is_no_need(note):
    said(note, "need", None)


@pytest.mark.parametrize("note", [
    "Per his assistant, Marco's buried in quarter-end close and won't look at anything until the 10th.",
    "Lena says Omar is swamped with board prep, he can't get to it before January.",
    "She's slammed with the office move, back on the 5th.",
])
def test_issue18p_one_person_busy_is_no_need(note):
    said(note, "need", None)


@pytest.mark.parametrize("note", [
    "He asked how we stack up against Zendesk, but they aren't looking at it, it just came up.",
    "She wanted to know how we compare to Gorgias; they're not evaluating them, she'd read a review.",
    "Asked how we compare with Aircall, though they never looked at it seriously, not evaluating it.",
])
def test_issue18p_a_vendor_asked_about_but_not_weighed_is_no_rival(note):
    said(note, "competitor", None)


@pytest.mark.parametrize("note", [
    "Looking at anyone else? Podium wanted a three-year commitment, so no.",
    "Other vendors? Birdeye asked for a two-year contract, so that's a no.",
    "Any alternatives? Weave was too pricey, so nope.",
])
def test_issue18p_an_answer_ending_in_no_names_no_rival(note):
    b = extract(note, NOW)
    assert (b.competitor, b.need) == (None, None), b


@pytest.mark.parametrize("note", [
    "Jun moved Monday's call to next week, nothing else.",
    "Rosa cancelled Friday's call, she's sick.",
    "Ade skipped yesterday's call, will reschedule.",
])
def test_issue18p_a_day_s_call_names_no_decider(note):
    said(note, "authority", None)


@pytest.mark.parametrize("note", [
    "Our AE Dana sat in on the call with Ken Wu and will own the account going forward.",
    "My SE Tomas joined the call with Ruth Lee and will own the technical side from here.",
    "Our account executive Bea met Ivo Marsh and will own the deal now.",
])
def test_issue18p_our_ae_owning_the_deal_is_no_decider(note):
    said(note, "authority", None)


@pytest.mark.parametrize("note", [
    "Lucia called: she had said signature by the 20th, but legal needs until January.",
    "He mentioned signing by end of month, then said that slipped.",
    "She said signature in January at the earliest.",
])
def test_issue18p_when_they_sign_names_no_decider(note):
    said(note, "authority", None)


@pytest.mark.parametrize("note,need", [
    ("They want the visitor sign-in pilot running by March 2nd.", "visitor sign-in"),
    ("She'd like the claims triage trial live by the end of January.", "claims triage"),
    ("Ops wants the route planning pilot up and running by the 12th.", "route planning"),
])
def test_issue18p_a_pilot_of_something_running_by_a_date_is_the_need_not_a_step(note, need):
    said(note, "need", need)
    said(note, "next_step", None)


@pytest.mark.parametrize("note", [
    "Their front desk can't keep up with booking requests, roughly three hundred a month.",
    "Support is drowning in tickets, about nine hundred a month.",
    "Reps miss inbound calls, around four hundred a month.",
])
def test_issue18p_a_volume_said_with_a_comma_is_no_budget(note):
    said(note, "budget", None)


@pytest.mark.parametrize("note,who", [
    ("Lena Park at Harbor Freight, owner, decides everything, team of six.", "Park"),
    ("Omar Reyes from Tilt Labs, CEO, signs all of it.", "Reyes"),
    ("Ana Costa at Blue Fern, founder, approves every tool they buy.", "Costa"),
])
def test_issue18p_a_name_at_a_company_then_a_bare_title_names_the_decider(note, who):
    said(note, "authority", who)


@pytest.mark.parametrize("note,who", [
    ("Acme QBR with Jo Banks. She'll add a thousand a year for it, her decision, she's the owner.", "Banks"),
    ("Kickoff with Raul Diaz today. He'll sign it himself, his call, he's the CEO.", "Diaz"),
    ("Debrief with Mia Hart. It's her decision, she's the founder.", "Hart"),
])
def test_issue18p_the_pronoun_decider_is_the_person_met_in_a_review(note, who):
    said(note, "authority", who)


@pytest.mark.parametrize("note,value", [
    ("She said they have eighteen thousand set aside, which is exactly our starter plan price.", 18000),
    ("He has a budget of twelve K, which just matches our annual price.", 12000),
    ("Their budget is thirty thousand, exactly our list price, funnily enough.", 30000),
])
def test_issue18p_a_budget_that_matches_our_price_is_still_theirs(note, value):
    said(note, "budget", value)
