"""BANT+ extraction, one construction at a time, continued from ``test_agents_bant_phenomena4.py``
(issue/18r onwards): each case is a short note in words of our own (not a blind-set sentence) and the
field a user would see on the deal."""

from __future__ import annotations

import pytest
from bant_said import said


# -- timeline ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("note", [
    "Priya pushed for a bigger discount. My director wants it closed by the 15th because our quarter ends, so I'll ask.",
    "Our VP needs to sign off on the terms and he wants it in by December 12th because our fiscal year closes.",
    "Sales ops would like this booked before the 28th because our books close that day.",
])
def test_issue18r_a_date_whose_reason_is_our_own_period_is_no_timeline(note):
    said(note, "timeline", None)


@pytest.mark.parametrize("note, step", [
    ("Told Priya I'd send the updated pricing by Thursday.", "pricing"),
    ("Promised Marco Diaz I'll confirm the discount by Monday.", "discount"),
    ("Told Hana we'd have the security answers back by the 4th.", "security"),
])
def test_issue18r_told_someone_i_would_is_our_step_not_their_date(note, step):
    said(note, "timeline", None)
    said(note, "next_step", step)


@pytest.mark.parametrize("note, step", [
    ("Omar approved the upgrade on the call. Paperwork next week.", "paperwork"),
    ("Lina said yes to ten more seats. Order form Monday.", "order form"),
    ("Verbal yes from Tariq. Contract on Tuesday.", "contract"),
])
def test_issue18r_a_bare_document_with_a_day_is_a_step_not_a_timeline(note, step):
    said(note, "timeline", None)
    said(note, "next_step", step)


# -- next step ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("note", [
    "Their CFO decides, a Greg something, I'll get the last name.",
    "The buyer is their head of procurement, Anita, I'll find out the surname.",
    "Spoke to a Tom at reception, I'll grab his email later.",
])
def test_issue18r_a_gap_in_my_notes_is_no_step(note):
    said(note, "next_step", None)


@pytest.mark.parametrize("note", [
    "Rang twice, the office manager said he's travelling and I should email instead. Sent the email.",
    "No answer at the desk, her colleague said I should just email her. Emailed her.",
    "Voicemail again, the receptionist said I should text. Sent the text.",
])
def test_issue18r_a_step_the_next_sentence_says_was_done_is_no_step(note):
    said(note, "next_step", None)


@pytest.mark.parametrize("note, need", [
    ("Theo wants us to take the intake and send the jobs to the right crew.", "intake"),
    ("She wants us to take their inbound calls after six and book the visits.", "inbound calls"),
    ("Rui wants us to route the tickets to the right team automatically.", "tickets"),
])
def test_issue18r_wants_us_to_do_their_work_is_a_need_not_a_step(note, need):
    said(note, "next_step", None)
    said(note, "need", need)


# -- need --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("note", [
    "Ines watched the recording and wants a live demo with her dispatchers there.",
    "He liked the slides and wants a proper walkthrough for his finance team.",
    "The director wants a hands-on demo before the holidays.",
])
def test_issue18r_a_demo_wanted_is_a_step_not_a_need(note):
    said(note, "need", None)


@pytest.mark.parametrize("note, need", [
    ("Scheduling is still the pain, two days to fill every shift.", "scheduling"),
    ("Month-end close remains the main headache, it drags on for a week.", "month-end close"),
    ("Their intake forms are the real problem, half come back incomplete.", "intake forms"),
])
def test_issue18r_x_is_the_pain_names_the_need(note, need):
    said(note, "need", need)


@pytest.mark.parametrize("note", [
    "Pricing is still the issue, they think we're high.",
    "Budget is the main problem, nothing left this year.",
    "Cost is their biggest problem.",
])
def test_issue18r_a_price_or_timing_called_the_pain_is_no_need(note):
    said(note, "need", None)


# -- next step: what it points at ---------------------------------------------------------------------
@pytest.mark.parametrize("note, step", [
    ("Mira asked for a sample contract, which I'm sending on Monday.", "sample contract"),
    ("Their CTO wants our pen test summary, which I'll send tomorrow.", "pen test"),
    ("Ravi requested three customer logos in retail, which we're sending by Friday.", "customer logos"),
])
def test_issue18r_which_i_am_sending_points_at_what_they_asked(note, step):
    said(note, "next_step", step)


@pytest.mark.parametrize("note, step", [
    ("I'm asking our deal desk whether we can waive the setup fee, and I'll get back to Nora by Thursday.", "setup fee"),
    ("I'm checking with legal if we can accept their liability cap, and I'll get back to him on Monday.", "liability cap"),
    ("I'm asking finance about a quarterly billing option, and I'll come back to Ade next week.", "quarterly billing"),
])
def test_issue18r_get_back_to_someone_carries_the_question_asked_before(note, step):
    said(note, "next_step", step)


# -- authority ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("note, who", [
    ("Maria Lopez is the one who approves the purchase.", "Lopez"),
    ("Their COO, Ben Ortiz, is the person that approves new tools.", "Ortiz"),
    ("Anya Berg is the one who signs off and approves it.", "Berg"),
])
def test_issue18r_is_the_one_who_approves_names_the_approver(note, who):
    said(note, "authority", who)


@pytest.mark.parametrize("note, who", [
    ("Sam Reyes, their IT lead, has technical sign-off, but Nadia Cole approves the spend.", "Cole"),
    ("Security approval sits with Raf Lind, but Oona Park is the one who decides on the purchase.", "Park"),
    ("Kit Moss has legal sign-off, but the final say is with Ruth Vance.", "Vance"),
])
def test_issue18r_a_technical_gate_gives_way_to_the_buyer_said_after_but(note, who):
    said(note, "authority", who)


@pytest.mark.parametrize("note, need", [
    ("She says late invoices are a bigger pain than missed calls: forty a month slip through.", "late invoices"),
    ("Yard scheduling is a far worse problem than billing, trucks wait for hours.", "yard scheduling"),
    ("Ken thinks patient no-shows are a bigger headache than intake.", "no-shows"),
])
def test_issue18r_the_one_called_a_bigger_pain_is_the_need(note, need):
    said(note, "need", need)
