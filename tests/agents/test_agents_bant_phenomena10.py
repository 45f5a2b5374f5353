"""BANT+ extraction, one construction at a time, continued from ``test_agents_bant_phenomena9.py``
(issue/18w onwards, callnotes22's invented facts and misses): each case is a short note in words of our own
(not a blind-set sentence) and the field a user would see on the deal."""

from __future__ import annotations

import pytest
from bant_said import said


# -- budget: invented ----------------------------------------------------------------------------------
@pytest.mark.parametrize("note", [
    "Account snapshot: Growth, 9,590/yr, renewed in August. They want the SMS add-on.",
    "Their Starter subscription (299/mo) runs out in May and Omar wants to line the add-on up with it.",
    "Current setup: Enterprise, 48,000 a year, on a three-year term.",
])
def test_issue18w_the_plan_they_are_on_with_its_price_beside_its_name_is_no_budget(note):
    said(note, "budget", None)


@pytest.mark.parametrize("note,value", [
    ("Priya wants to step down from Scale (1,999/mo) to Growth; she has 6,000 set aside for next year.", 6000),
    ("moving them off growth (799/mo) onto starter, budget is 2,500 for the year.", 2500),
    ("He's on Pro (49/mo) today and has 3k approved for the upgrade.", 3000),
])
def test_issue18w_a_plan_price_in_brackets_leaves_their_own_figure(note, value):
    said(note, "budget", value)


@pytest.mark.parametrize("note", [
    "Budget: 'we spend twelve hundred a month on the answering service, I can't pay that twice' so no number yet.",
    "They mentioned 40k, but there's still no real figure.",
    "Somewhere between 20 and 25k for the year, not settled.",
])
def test_issue18w_a_figure_said_then_denied_in_the_same_sentence_is_no_budget(note):
    said(note, "budget", None)


@pytest.mark.parametrize("note", [
    "HubSpot cut their quote to 18k a year.",
    "Zendesk lowered its price to 2,000 a month to keep them.",
    "Her boss forwarded a Gong quote, 40k for the same seats.",
])
def test_issue18w_another_vendors_quote_is_no_budget(note):
    said(note, "budget", None)


# -- timeline: invented --------------------------------------------------------------------------------
@pytest.mark.parametrize("note", [
    "Their ERP migration finishes around the end of February and nothing goes live before that.",
    "The new phone system lands on March 3rd; they won't start before then.",
    "Audit season runs to April 15, nothing can move until then.",
])
def test_issue18w_an_earliest_date_is_no_timeline(note):
    said(note, "timeline", None)


@pytest.mark.parametrize("note", [
    "They've got 25k set aside for this in FY27, which for them starts April 1.",
    "Omar has 9k earmarked in their new fiscal year budget, which starts on February 1st.",
    "There's 60k for it in fiscal '27, which begins July 1.",
])
def test_issue18w_the_start_of_the_year_the_money_is_in_is_no_timeline(note):
    said(note, "timeline", None)


@pytest.mark.parametrize("note", [
    "Auto-reply from Dana: travelling for a client workshop until 14 Dec, slow to answer.",
    "My mail to Omar bounced, on leave until January 4th.",
    "Got Ravi's out-of-office: at a conference in Berlin until December 3.",
])
def test_issue18w_an_auto_reply_has_no_timeline(note):
    said(note, "timeline", None)


@pytest.mark.parametrize("note", [
    "Maria wants our answer by December 9.",
    "He asked for our best and final by Thursday the 3rd.",
    "Kofi needs our response by the 12th.",
])
def test_issue18w_when_we_must_answer_is_no_timeline_and_no_need(note):
    said(note, "timeline", None)
    said(note, "need", None)


# -- need / next step: invented ------------------------------------------------------------------------
@pytest.mark.parametrize("note", [
    "She'll decide once she's walked her board through it, she wants to show them the numbers first.",
    "Tom wants to take it to his partners before anything is signed.",
    "He wants to run it past the CFO first.",
])
def test_issue18w_showing_it_to_their_board_is_no_need(note):
    said(note, "need", None)


@pytest.mark.parametrize("note", [
    "Zendesk is out, they hated the reporting.",
    "Freshdesk is gone, the agents found it clunky.",
    "They cancelled the Gong trial, it was too slow to set up.",
])
def test_issue18w_why_another_vendor_went_is_no_need(note):
    said(note, "need", None)


@pytest.mark.parametrize("note", [
    "My email to Dana bounced with an out-of-office: back on the 9th, urgent things to her deputy.",
    "Auto-reply from Raj: on holiday until January 5, for anything urgent contact the support desk.",
    "Out-of-office from Lena, please reach her colleague Tom in the meantime.",
])
def test_issue18w_an_auto_reply_has_no_next_step(note):
    said(note, "next_step", None)


def test_issue18w_a_step_of_ours_after_an_auto_reply_still_counts():
    said("Got Nina's auto-reply, back Monday. I'll call her Tuesday.", "next_step", "call her")


# -- competitor ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("note,vendor", [
    ("Her CFO forwarded a HubSpot quote, 31k for the same seats.", "HubSpot"),
    ("Zendesk sent them a two-year offer on Friday.", "Zendesk"),
    ("Gorgias cut their price to 900 a month to keep the deal.", "Gorgias"),
])
def test_issue18w_another_vendors_quote_or_offer_is_a_rival(note, vendor):
    said(note, "competitor", vendor)


@pytest.mark.parametrize("note,vendor", [
    ("They're sitting through a 15Five demo on Tuesday.", "15Five"),
    ("Also in the running: 8x8's contact centre; 8x8 came in cheaper.", "8x8"),
    ("360Dialog came in lower, but without the WhatsApp templates.", "360Dialog"),
])
def test_issue18w_a_vendor_whose_name_starts_with_digits_is_a_rival(note, vendor):
    said(note, "competitor", vendor)


@pytest.mark.parametrize("note,vendor", [
    ("they're on starter today. they're also trialing otter.", "Otter"),
    ("omar still piloting tidio, so no rush from them.", "Tidio"),
    ("budget ~5k. they're also evaluating freshdesk, decision in jan.", "Freshdesk"),
])
def test_issue18w_a_lower_case_vendor_being_trialled_in_a_typed_note_is_a_rival(note, vendor):
    said(note, "competitor", vendor)


@pytest.mark.parametrize("note,vendor", [
    ("A year after moving to Close, they're deciding between staying on Close or coming back to us.", "Close"),
    ("Ana decided to stay on Pipedrive for now, the timing is wrong.", "Pipedrive"),
    ("The founder made the call: Kajabi's built-in chat, it came bundled.", "Kajabi"),
])
def test_issue18w_the_tool_kept_or_chosen_instead_of_us_is_a_rival(note, vendor):
    said(note, "competitor", vendor)


@pytest.mark.parametrize("note", [
    "They're staying with Salesforce for CRM and want our add-on for quoting.",
    "Samsara stays, we sit on top of it.",
    "They decided to stay on Gusto for payroll and add us for onboarding.",
])
def test_issue18w_a_tool_kept_beside_ours_is_no_rival(note):
    said(note, "competitor", None)


@pytest.mark.parametrize("note,vendor", [
    ("Had a call with Lattice's sales team, she wasn't sold, but they're still on the list.", "Lattice"),
    ("Demo with Aircall's people last week, and they're still in the running.", "Aircall"),
    ("Meeting with Front's team went badly, yet Front is still an option.", "Front"),
])
def test_issue18w_a_vendor_met_and_kept_on_the_list_is_a_rival(note, vendor):
    said(note, "competitor", vendor)


# -- budget: misses and wrong values -------------------------------------------------------------------
@pytest.mark.parametrize("note,value", [
    ("Our list for 30 seats comes to about 27k, Maya said the approved figure is 22 thousand, and that's final.", 22000),
    ("we're at 40k list, i floated 15% off = 34k. nina: 'I have 30 for this, no more.'", 30000),
    ("The list price would be 18k, Omar told us the budget is 15k.", 15000),
])
def test_issue18w_our_list_price_beside_their_figure_leaves_theirs(note, value):
    said(note, "budget", value)


@pytest.mark.parametrize("note,value", [
    ("Her budget is 14k for the year, 1k under our 15k quote.", 14000),
    ("They have 9,000 approved, 600 below the 9,600 price.", 9000),
    ("Ben's number is 40k, 8k short of our 48k proposal.", 40000),
])
def test_issue18w_the_gap_to_our_figure_is_not_the_budget(note, value):
    said(note, "budget", value)


@pytest.mark.parametrize("note,value", [
    ("Lena: 'I can get you 30k for the new team, on top of what we already pay.'", 30000),
    ("They'll add 12k for the second site on top of what they pay today.", 12000),
    ("She has 8k approved for the add-on, on top of what they currently spend.", 8000),
])
def test_issue18w_new_money_on_top_of_todays_spend_is_the_budget(note, value):
    said(note, "budget", value)


@pytest.mark.parametrize("note,value", [
    ("Last year they paid 50k to an answering service, which ends in March, and the 50 moves over to this, that's the budget.", 50000),
    ("He still has the 25k from the old contract and nothing more.", 25000),
    ("Funding round closed, so now there's money: 500 a month, which she put at 6,000 for the year.", 6000),
])
def test_issue18w_money_moved_over_or_freed_up_is_the_budget(note, value):
    said(note, "budget", value)


@pytest.mark.parametrize("note,value", [
    ("Ana said 6k, then her CEO jumped in: 'let's say 8k, we want the SMS add-on too.'", 8000),
    ("Raj raised it: he'll go to 15k so they get the extra site, up from the 12k Tom gave me.", 15000),
    ("Hugo signed off internally on 40k, but legal wants net-45.", 40000),
])
def test_issue18w_a_figure_raised_or_signed_off_is_the_budget(note, value):
    said(note, "budget", value)


@pytest.mark.parametrize("note,value", [
    ("currently starter @ 299/mo. budget for the extra seats is 200/mo, so 2,400 for the year.", 2400),
    ("on growth @ 799/mo today; she has 5k for next year.", 5000),
    ("plan: scale @ 1,999/mo. they've got 30k approved for the expansion.", 30000),
])
def test_issue18w_a_plan_at_its_price_typed_with_an_at_sign_is_ours(note, value):
    said(note, "budget", value)


# -- authority -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("note,who", [
    ("The deal is lost. Nora Quist, the owner, made the call.", "Quist"),
    ("Dev Patel decided to stay with their agency for another year.", "Patel"),
    ("Lost it: Maria Lopez decided to wait until the merger is done.", "Lopez"),
])
def test_issue18w_the_one_who_made_the_call_decides(note, who):
    said(note, "authority", who)


@pytest.mark.parametrize("note,who", [
    ("Omar Haddad signed off internally on 30k, procurement still has to raise the PO.", "Haddad"),
    ("Greta Lind signed off on 12k yesterday.", "Lind"),
    ("Their COO, Ivan Petrov, signed off quietly on $18,000.", "Petrov"),
])
def test_issue18w_who_signed_off_on_the_money_decides(note, who):
    said(note, "authority", who)


# -- timeline / need: wrong values ---------------------------------------------------------------------
@pytest.mark.parametrize("note,value", [
    ("Eva got her Q1 number, 20k for the voice agent. They'd like it live March 3rd.", "2027-03-03"),
    ("Tom has his Q2 budget now, 9k. Go-live wanted by May 10.", "2027-05-10"),
    ("Their Q1 money came through, 15k, and they want to launch on February 15th.", "2027-02-15"),
])
def test_issue18w_the_quarter_the_money_is_for_leaves_the_go_live_date(note, value):
    said(note, "timeline", value)


@pytest.mark.parametrize("note,need", [
    ("Patients keep hitting voicemail at lunch. Their renewal is in June and she wants to co-term the expansion with it.", "voicemail"),
    ("Omar wants to co-term it with the main contract; the point is that leads sit for hours.", "leads sit"),
    ("She wants to coterm with the current plan, because reps waste hours logging calls.", "logging calls"),
])
def test_issue18w_co_terming_is_no_need(note, need):
    said(note, "need", need)
