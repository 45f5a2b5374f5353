"""BANT+ extraction, one construction at a time, continued from ``test_agents_bant_phenomena11.py``
(issue/18y onwards, callnotes24's invented facts and misses): each case is a short note in words of our own
(not a blind-set sentence) and the field a user would see on the deal."""

from __future__ import annotations

import pytest
from bant_said import said


# -- need: invented ------------------------------------------------------------------------------------
@pytest.mark.parametrize("note", [
    "Spoke to Omar at Brightline. He personally wants to stay with us, procurement is the hurdle.",
    "Kofi wants to keep us, he said as much twice.",
    "Rita wants to stay on our platform if the price works.",
])
def test_issue18y_staying_with_us_is_no_need(note):
    said(note, "need", None)


@pytest.mark.parametrize("note", [
    "She'd sign at eleven thousand because she wants the two-year prepay discount.",
    "Tom is fine with the terms, he just wants the usual nonprofit discount.",
    "Kofi wants the early renewal discount applied.",
])
def test_issue18y_a_discount_named_with_its_kind_is_no_need(note):
    said(note, "need", None)


@pytest.mark.parametrize("note", [
    "kofi says finance wants 3 quotes before any renewal.",
    "Their CFO wants three competing bids before signing anything.",
    "Procurement needs several proposals on file first.",
])
def test_issue18y_a_count_of_quotes_is_their_process_not_a_need(note):
    said(note, "need", None)


@pytest.mark.parametrize("note", [
    "Harbor Dental, sigh, second no-show. Nobody dialled in.",
    "Rita was a no-show for the demo again.",
    "Another no-show from Pinewood today. Not chasing.",
])
def test_issue18y_our_meeting_missed_is_no_need(note):
    said(note, "need", None)


@pytest.mark.parametrize("note", [
    "Kai says Nora, the owner, decides but is buried in fundraising right now.",
    "The founder signs, but she is swamped with the board deck this month.",
    "Leo approves, but he's buried in the series B raise this month.",
])
def test_issue18y_a_busy_decider_is_no_need(note):
    said(note, "need", None)


@pytest.mark.parametrize("note,value", [
    ("Their front desk is buried in voicemails every Monday.", "voicemails"),
    ("Patient no-shows are costing them two chairs a day.", "no-shows"),
    ("The support team is swamped with password tickets.", "password tickets"),
])
def test_issue18y_a_team_buried_in_work_or_client_no_shows_stay_the_need(note, value):
    said(note, "need", value)


# -- budget: invented ----------------------------------------------------------------------------------
@pytest.mark.parametrize("note", [
    "She says Kofi Mensah (CFO) has to approve even a 4k pilot.",
    "Kofi signs off on even a four thousand dollar pilot himself.",
    "Nora has to approve even a 1,500 budget line.",
])
def test_issue18y_even_a_figure_shows_a_rule_not_a_budget(note):
    said(note, "budget", None)


@pytest.mark.parametrize("note", [
    "Omar on budget: 'around 30, 35, depends on the board'. Not committed.",
    "Budget floated at 25k. Not approved yet.",
    "He mentioned 60k for it. Nothing firm.",
])
def test_issue18y_a_figure_disowned_in_the_next_fragment_is_no_budget(note):
    said(note, "budget", None)


@pytest.mark.parametrize("note,value", [
    ("They have 30k approved. Signature next week.", 30000),
    ("Budget is 12k. Firm.", 12000),
    ("She set aside 18k for it. Not negotiable.", 18000),
])
def test_issue18y_a_figure_followed_by_another_fragment_stays(note, value):
    said(note, "budget", value)


# -- timeline: invented --------------------------------------------------------------------------------
@pytest.mark.parametrize("note", [
    "Dana wants Omar Reyes on a call, that's their controller, uh, we set it for December 9th.",
    "Kofi wants the owner on a call, that's his dad, um, so we booked it for January 6th.",
    "Their owner wants to be on the call, um, booked it for December 11th.",
])
def test_issue18y_our_meeting_set_for_a_date_is_no_timeline(note):
    said(note, "timeline", None)


# -- next step: invented -------------------------------------------------------------------------------
@pytest.mark.parametrize("note", [
    "acme: raj (it) asked for our pen test summary, sent it.",
    "dana asked for our insurance certificate, sent it over.",
    "Kofi asked for the security whitepaper, already sent it.",
])
def test_issue18y_a_request_met_in_the_same_breath_is_no_step(note):
    said(note, "next_step", None)


# -- competitor: invented ------------------------------------------------------------------------------
@pytest.mark.parametrize("note", [
    "They just bought Growth in the spring and now want more seats.",
    "They purchased Scale in June and want two more sites.",
    "After the pilot they bought Starter for the front desk.",
])
def test_issue18y_our_plan_names_are_no_competitor(note):
    said(note, "competitor", None)
