"""BANT+ extraction, one construction at a time, continued from ``test_agents_bant_phenomena5.py``
(issue/18s onwards, callnotes17's misses): each case is a short note in words of our own (not a blind-set
sentence) and the field a user would see on the deal."""

from __future__ import annotations

import pytest
from bant_said import said


# -- authority ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("note", [
    "Rang Dana back, she missed his call earlier.",
    "Returned her call from Thursday, Kim Osei, no answer.",
    "Left Omar Walsh a message, I'm returning their call from Tuesday.",
])
def test_issue18s_returning_someones_call_is_a_phone_call_not_whose_call_it_is(note):
    said(note, "authority", None)


@pytest.mark.parametrize("note, day", [
    ("Lena's deadline for signing is December 4th.", "2026-12-04"),
    ("Nadia's target date for signing is the 9th.", "2026-12-09"),
    ("Contract is ready for signature, Omar's deadline for sign-off is Friday.", "2026-11-27"),
])
def test_issue18s_a_deadline_for_signature_says_when_not_who_signs(note, day):
    said(note, "authority", None)
    said(note, "timeline", day)


# -- timeline ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("note", [
    "He wouldn't discuss Q2 at all.",
    "Maria isn't ready to talk about next quarter.",
    "Jonas didn't want to think about next quarter yet.",
])
def test_issue18s_a_talk_refused_about_a_period_is_no_timeline(note):
    said(note, "timeline", None)


@pytest.mark.parametrize("note", [
    "Their tooling budget is tied up until March.",
    "Money's spoken for till Q2, per Dana.",
    "The ops budget is fully committed through Q1, so nothing new for now.",
])
def test_issue18s_money_committed_until_a_date_is_no_timeline(note):
    said(note, "timeline", None)


@pytest.mark.parametrize("note", [
    "Tickets are down a third since the rollout in September.",
    "The bot has answered about nine hundred chats since go-live in October.",
    "No complaints from the front desk since their launch in August.",
])
def test_issue18s_since_an_event_in_a_month_is_past(note):
    said(note, "timeline", None)


# -- need --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("note", [
    "They want twenty-two hundred all in, not a cent more.",
    "Ben wants nine hundred a month, tops.",
    "Said they want 6k flat for the year and they'd sign.",
])
def test_issue18s_a_price_they_want_is_no_need(note):
    said(note, "need", None)


@pytest.mark.parametrize("note, day", [
    ("Karim wants a partner picked before the end of January.", "2027-01-31"),
    ("She'd like the expansion finalized by the 10th.", "2026-12-10"),
    ("Leo still wants the upgrade wrapped before December 18th.", "2026-12-18"),
])
def test_issue18s_a_buying_step_wanted_done_by_a_date_is_the_timeline_not_the_need(note, day):
    said(note, "need", None)
    said(note, "timeline", day)


# -- budget ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("note", [
    "I mentioned list price for the add-on is eight hundred a month; Raj didn't react.",
    "Sticker price is 24k a year, Farah just nodded.",
    "Told her the standard rate is fifteen hundred a month, no reaction.",
])
def test_issue18s_a_list_price_is_our_price_not_their_budget(note):
    said(note, "budget", None)


@pytest.mark.parametrize("note, budget", [
    ("List price is 24k a year; their budget is twenty K.", 20000),
    ("Their budget is thirty K, and list price is 36k.", 30000),
])
def test_issue18s_their_budget_said_beside_the_list_price_is_kept(note, budget):
    said(note, "budget", budget)


@pytest.mark.parametrize("note", [
    "Their events budget is fifty K a year overall and our thing can't take all of it.",
    "Dev said IT has forty thousand for tools next year, and this won't get the whole of it.",
    "Ops has ninety grand for software in total, we can't have most of it, he said.",
])
def test_issue18s_a_bigger_pot_this_purchase_only_gets_part_of_is_no_budget(note):
    said(note, "budget", None)


# -- next step ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("note", [
    "Front desk said Dr. Ng never picks up, asked me to write instead. Sent the deck.",
    "Voicemail again, I'll email him instead. Emailed the case study.",
    "No answer from Pablo, I'll email. Sent the short recap this morning.",
])
def test_issue18s_an_email_said_then_sent_with_what_it_carried_is_done_not_a_step(note):
    said(note, "next_step", None)


# -- competitor --------------------------------------------------------------------------------------
@pytest.mark.parametrize("note, vendor", [
    ("Kenji says they kicked off a pilot with Gorgias this week.", "Gorgias"),
    ("They're running a two-week trial of Hightouch alongside our sandbox.", "Hightouch"),
    ("Ops began a proof of concept with Samsara on Monday.", "Samsara"),
])
def test_issue18s_a_trial_of_another_vendor_is_an_evaluation(note, vendor):
    said(note, "competitor", vendor)


@pytest.mark.parametrize("note, vendor", [
    ("Procurement is weighing Oracle's built-in tool against us.", "Oracle"),
    ("They're getting a demo of Zendesk's AI agent on Thursday.", "Zendesk"),
    ("Next week they see Calendly's routing feature.", "Calendly"),
    ("Marco saw Intercom's Fin bot last week and liked it.", "Intercom"),
])
def test_issue18s_another_vendors_product_weighed_or_shown_to_them(note, vendor):
    said(note, "competitor", vendor)


@pytest.mark.parametrize("note", [
    "They use Gusto's payroll product already, we'd plug into it.",
    "Our bot would hand off to Zendesk's agent workspace, they use it today.",
    "They've run a trial of Zapier for years for other stuff.",
])
def test_issue18s_a_vendors_product_they_already_use_is_no_competitor(note):
    said(note, "competitor", None)


@pytest.mark.parametrize("note, vendor", [
    ("Finance would rather stick with NetSuite's own module, and they're evaluating it now.", "NetSuite"),
    ("Their IT would rather go with Workday's add-on, and they're looking at it in parallel.", "Workday"),
    ("Sales would prefer to use Salesforce's native tool, and they're considering it.", "Salesforce"),
])
def test_issue18s_a_vendor_they_would_rather_default_to_then_weighed_as_it(note, vendor):
    said(note, "competitor", vendor)


@pytest.mark.parametrize("note, day", [
    ("Nadia wants to kick off the pilot on January 11th.", "2027-01-11"),
    ("Karl approved the trial and plans to start Dec 14.", "2026-12-14"),
    ("They hope to begin the rollout on February 2nd.", "2027-02-02"),
])
def test_issue18s_when_they_want_to_start_is_the_timeline(note, day):
    said(note, "timeline", day)


@pytest.mark.parametrize("note, day", [
    ("If approved, they'd go live in March.", "2027-03-31"),
    ("If it gets signed off, Omar would sign in February.", "2027-02-28"),
    ("If the budget is approved she'd buy in Q2.", "2027-06-30"),
])
def test_issue18s_a_date_said_on_their_own_approval_is_their_target(note, day):
    said(note, "timeline", day)


@pytest.mark.parametrize("note, day", [
    ("The order has to be in by December 12th, that's their change freeze.", "2026-12-12"),
    ("Sign by the 16th, which is when their budget freeze starts.", "2026-12-16"),
    ("Needs to close by December 20th, that's the year-end cut-off.", "2026-12-20"),
])
def test_issue18s_a_freeze_said_after_the_date_leaves_the_date(note, day):
    said(note, "timeline", day)


@pytest.mark.parametrize("note, day", [
    ("The money comes from their fiscal year budget, which goes through September 30th, and they'd like to go live within "
     "a month.", "2026-12-21"),
    ("Ines has twelve thousand out of the ops budget, which runs to March 31st, and they want to sign within the next three "
     "weeks.", "2026-12-12"),
    ("Eight K from the training budget, which ends on June 30th, and they need it running within two weeks.", "2026-12-05"),
])
def test_issue18s_the_budget_years_end_is_not_the_timeline(note, day):
    said(note, "timeline", day)


# -- authority (misses) ------------------------------------------------------------------------------
@pytest.mark.parametrize("note, who", [
    ("Purchases of this size are decided by their investment committee.", "committee"),
    ("The tool choice is decided by the COO, Lars Berg.", "Lars Berg"),
    ("Software buys get decided by their procurement board.", "board"),
])
def test_issue18s_decided_by_names_the_decider(note, who):
    said(note, "authority", who)


@pytest.mark.parametrize("note, who", [
    ("Deal closed Friday, Hanna Roth countersigned.", "Hanna Roth"),
    ("The paperwork is back, Felix Brooks co-signed it this morning.", "Felix Brooks"),
    ("The renewal went through, their CFO countersigned.", "CFO"),
])
def test_issue18s_who_countersigned_is_the_signer(note, who):
    said(note, "authority", who)


@pytest.mark.parametrize("note, who", [
    ("Kim runs the pilot but doesn't sign. Tariq does; he's away this week.", "Tariq"),
    ("Nora loves it but doesn't decide. Dev does, and he's slow.", "Dev"),
    ("Marek uses it daily, doesn't sign. Ilse does; she's back Monday.", "Ilse"),
])
def test_issue18s_a_bare_first_name_that_does_after_a_denial_is_the_decider(note, who):
    said(note, "authority", who)


# -- next step (misses) ------------------------------------------------------------------------------
@pytest.mark.parametrize("note, step", [
    ("She'll take our proposal to the partners on Thursday.", "proposal"),
    ("He'll take the ROI analysis to his board next week.", "ROI analysis"),
    ("They'll take our quote to procurement on the 3rd.", "quote"),
])
def test_issue18s_our_document_carried_to_their_decider_is_the_step(note, step):
    said(note, "next_step", step)


@pytest.mark.parametrize("note", [
    "Ben will take it to the board.",
    "He'll take it to the CFO.",
    "She'll take it to her partners.",
])
def test_issue18s_taking_it_to_their_decider_is_their_process_not_a_step(note):
    said(note, "next_step", None)


@pytest.mark.parametrize("note, step", [
    ("The revised quote goes to Marta on Monday.", "quote"),
    ("Order form goes to him next week.", "order form"),
    ("Contract goes to them Thursday.", "contract"),
])
def test_issue18s_our_document_goes_to_them_on_a_day_is_the_step_not_an_approval(note, step):
    said(note, "next_step", step)
    said(note, "authority", None)


@pytest.mark.parametrize("note, step", [
    ("We'll scope the integration and send pricing.", "integration"),
    ("I'll quote the extra seats by Friday.", "extra seats"),
    ("I'll price out the second site for Omar.", "second site"),
])
def test_issue18s_scoping_or_quoting_is_our_step(note, step):
    said(note, "next_step", step)


@pytest.mark.parametrize("note, step", [
    ("Ana confirmed the walkthrough for Thursday.", "walkthrough"),
    ("Dev locked in the kickoff call for December 8th.", "kickoff"),
    ("Their office manager confirmed the demo for Wed at 2.", "demo"),
])
def test_issue18s_a_meeting_confirmed_for_a_day_is_the_step(note, step):
    said(note, "next_step", step)
