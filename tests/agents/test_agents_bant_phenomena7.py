"""BANT+ extraction, one construction at a time, continued from ``test_agents_bant_phenomena6.py``
(issue/18t onwards, callnotes18's misses): each case is a short note in words of our own (not a blind-set
sentence) and the field a user would see on the deal."""

from __future__ import annotations

import pytest
from bant_said import NOW, said

from desktop.agents.bant import extract


# -- competitor --------------------------------------------------------------------------------------
@pytest.mark.parametrize("note", [
    "Got Helen's assistant again, she's out.",
    "Got Mr. Ortiz's assistant, he's travelling.",
    "Getting Dr. Osei's assistant every time I ring.",
])
def test_issue18t_a_persons_assistant_or_office_is_no_vendor(note):
    said(note, "competitor", None)


# -- need --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("note", [
    "Their COO wants to see Gorgias too.",
    "Their head of support wants to see Kustomer, so that's on the list.",
    "Her CFO wants to look at Zendesk as well.",
    "Dana wants to meet Gong first.",
])
def test_issue18t_wanting_to_see_another_vendor_is_no_need(note):
    said(note, "need", None)


@pytest.mark.parametrize("note", [
    "Their CFO can't attend the 9th, so we moved the call.",
    "The ops manager can't join Tuesday.",
    "Their dispatcher can't make Thursday, she's off.",
])
def test_issue18t_someone_who_cant_make_a_meeting_is_no_need(note):
    said(note, "need", None)


@pytest.mark.parametrize("note", [
    "The staff council has to be informed before they roll anything out, which takes a few weeks.",
    "Their compliance officer must be notified before rollout, and that takes two weeks.",
    "Their staff council needs to be informed first, which usually takes three weeks.",
])
def test_issue18t_a_body_they_must_consult_is_their_process_not_a_need(note):
    said(note, "need", None)


@pytest.mark.parametrize("note", [
    "Their security lead wants the completed questionnaire back before December 12th.",
    "Their IT lead sent a vendor risk form and needs it back by the 9th.",
    "Procurement would like the W-9 back by Friday.",
])
def test_issue18t_a_document_wanted_back_by_a_date_is_neither_need_nor_timeline(note):
    said(note, "need", None)
    said(note, "timeline", None)


def test_issue18t_the_signed_contract_back_by_a_date_is_still_the_timeline():
    said("She needs the signed order form back by December 15th.", "timeline", "2026-12-15")


@pytest.mark.parametrize("note", [
    "The Kims want to come back on a yearly plan, same seats.",
    "Their ops lead says they want to come back on an annual plan.",
    "They want to come back to the starter plan after the holidays.",
])
def test_issue18t_coming_back_on_a_plan_is_a_contract_term_not_a_need(note):
    said(note, "need", None)


# -- timeline ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("note", [
    "Their renewal closed on the 20th, all done.",
    "They renewed on the 3rd, nothing open.",
    "The signed contract came back on the 20th.",
])
def test_issue18t_a_day_said_with_a_deed_done_is_past(note):
    said(note, "timeline", None)


def test_issue18t_a_past_signing_date_gives_way_to_the_go_live_wanted():
    said("They signed October 30th. Now she wants the bot live by January 11th.", "timeline", "2027-01-11")


@pytest.mark.parametrize("note, day", [
    ("Their spend is frozen until the new fiscal year, so realistically they buy in March.", "2027-03-31"),
    ("Everything is on hold until the board meets, so at best they sign in February.", "2027-02-28"),
    ("New spend is paused until the audit, so probably he'd decide in March.", "2027-03-31"),
    ("Procurement is paused over the holidays, so most likely they decide in January.", "2027-01-31"),
])
def test_issue18t_what_follows_a_freeze_is_the_timeline(note, day):
    said(note, "timeline", day)


@pytest.mark.parametrize("note, day", [
    ("Marta will sign it this month.", "2026-11-30"),
    ("Dev is going to sign it this month.", "2026-11-30"),
    ("Priya will sign this month once legal is done.", "2026-11-30"),
])
def test_issue18t_a_named_person_signing_in_a_period_is_the_timeline(note, day):
    said(note, "timeline", day)


@pytest.mark.parametrize("note, day", [
    ("Timing, she wants it in place before tax season, she said March 2nd.", "2027-03-02"),
    ("Timing: they want it running ahead of the launch, she said April 20th.", "2027-04-20"),
    ("Timeline, they'd like it done before the busy season, he said January 25th.", "2027-01-25"),
])
def test_issue18t_under_a_timing_label_the_date_said_after_is_the_timeline(note, day):
    said(note, "timeline", day)


# -- budget ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("note", [
    "The add-on lists at a hundred and fifty a month.",
    "The reporting module lists for three thousand a year.",
    "Extra seats are listed at forty dollars a month each.",
])
def test_issue18t_what_a_product_lists_at_is_our_price_not_their_budget(note):
    said(note, "budget", None)


# -- need said after a question ----------------------------------------------------------------------
@pytest.mark.parametrize("note, words", [
    ("Kim asked if the renewal could include the booking module, she wants patients to book their own slots.",
     ["booking module", "book their own slots"]),
    ("Omar asked whether the contract can add the WhatsApp channel, they need to reach drivers who never read email.",
     ["WhatsApp", "reach drivers"]),
    ("Lea wondered if the upgrade would include the reporting add-on for the regional managers.", ["reporting add-on"]),
])
def test_issue18t_an_add_on_asked_for_and_the_want_said_after_the_question_are_the_need(note, words):
    for w in words:
        said(note, "need", w)


@pytest.mark.parametrize("note", [
    "He asked about the API, he needs order status pushed to their portal.",
    "She asked how long setup takes, they need the front desk off the phones by spring.",
    "Asked if we do webhooks, they want new orders posted to their Slack channel.",
])
def test_issue18t_a_want_said_after_a_question_is_a_fact(note):
    assert extract(note, NOW).need is not None


# -- competitor, continued ---------------------------------------------------------------------------
@pytest.mark.parametrize("note, vendor", [
    ("Next Tuesday she's having a Gorgias demo too.", "Gorgias"),
    ("He already got a Freshworks quote last month.", "Freshworks"),
    ("They sat through a Kustomer pitch on Monday.", "Kustomer"),
])
def test_issue18t_a_vendors_demo_or_quote_they_are_given_is_an_evaluation(note, vendor):
    said(note, "competitor", vendor)


@pytest.mark.parametrize("note", [
    "Booked the Orchard Labs demo for Thursday.",
    "They had a Pipedrive demo in May, hated it, out.",
    "They saw a Kustomer pitch in the spring and passed on it.",
])
def test_issue18t_the_accounts_own_demo_or_a_vendor_demo_they_turned_down_is_no_competitor(note):
    said(note, "competitor", None)


@pytest.mark.parametrize("note, vendor", [
    ("Honestly it's us or staying with Aircall.", "Aircall"),
    ("It's us or sticking with Zendesk, she said.", "Zendesk"),
    ("Either us or keeping Talkdesk for another year.", "Talkdesk"),
])
def test_issue18t_us_or_staying_with_their_vendor_is_a_competitor(note, vendor):
    said(note, "competitor", vendor)


@pytest.mark.parametrize("note, vendor", [
    ("They use HubSpot for that and HubSpot has pitched them its AI add-on.", "HubSpot"),
    ("Their ops team likes it, and Gong has also pitched them.", "Gong"),
    ("Front has pitched her twice since October.", "Front"),
])
def test_issue18t_a_vendor_that_has_pitched_them_is_a_competitor(note, vendor):
    said(note, "competitor", vendor)


# -- budget, continued -------------------------------------------------------------------------------
@pytest.mark.parametrize("note, value", [
    ("Dana had fifteen in mind for the pilot.", 15000),
    ("Twelve is about what he had in mind.", 12000),
    ("Our quote is thirty, he had twenty-five in mind.", 25000),
])
def test_issue18t_a_bare_figure_they_have_in_mind_is_thousands(note, value):
    said(note, "budget", value)


@pytest.mark.parametrize("note, value", [
    ("They have forty grand for this, which is below our forty-eight.", 40000),
    ("Budget is twelve thousand, which is a bit under our fifteen.", 12000),
    ("Their number is eighteen thousand, not the twenty on our quote.", 18000),
])
def test_issue18t_our_figure_said_beside_theirs_is_not_the_budget(note, value):
    said(note, "budget", value)


@pytest.mark.parametrize("note, value", [
    ("Budget, she first said fifty, which is our price, but then she corrected herself, the real budget line is forty and "
     "anything more waits for next year.", 40000),
    ("He started at thirty, which is our quote, then corrected himself, their budget is twenty-five and that's firm.", 25000),
    ("Money: she said eighty, which is our number, but the actual budget is seventy and nothing above that.", 70000),
])
def test_issue18t_a_figure_named_as_ours_gives_way_to_the_budget_line_said_after(note, value):
    said(note, "budget", value)


@pytest.mark.parametrize("note, value", [
    ("The real budget line is forty and anything over that needs the board.", 40000),
    ("Their budget is thirty and they won't go higher.", 30000),
    ("The budget is twenty and that's all there is.", 20000),
])
def test_issue18t_a_bare_budget_figure_followed_by_and_a_new_clause_is_thousands(note, value):
    said(note, "budget", value)


# -- authority ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("note, who", [
    ("The order form gets signed by their controller.", "controller"),
    ("Any renewal is signed off by the COO, Dana says.", "COO"),
    ("She runs the evaluation, but the contract gets signed by their CFO, Pieter something.", "CFO"),
])
def test_issue18t_signed_by_in_the_passive_names_the_signer(note, who):
    said(note, "authority", who)


@pytest.mark.parametrize("note, who", [
    ("Omar Haddad, the owner, made the call and went with Gorgias.", "Haddad"),
    ("Lena made the call and signed with us on Friday.", "Lena"),
    ("Yusuf, their COO, made the call to stay with Aircall.", "Yusuf"),
])
def test_issue18t_made_the_call_and_went_with_is_the_decision(note, who):
    said(note, "authority", who)


def test_issue18t_making_a_phone_call_to_someone_is_no_decision():
    said("I made the call to Dana about the renewal.", "authority", None)


@pytest.mark.parametrize("note, who", [
    ("Maria Lopez called in, their CFO. She signed off on the phase two rollout.", "Lopez"),
    ("Kenji Mori, the MD, rang back. He signed off on the upgrade this morning.", "Mori"),
    ("Pat signed off on the proposal yesterday.", "Pat"),
])
def test_issue18t_signing_off_on_the_rollout_upgrade_or_proposal_is_authority(note, who):
    said(note, "authority", who)


# -- the seller's question as a label ----------------------------------------------------------------
@pytest.mark.parametrize("note, who", [
    ("Asked who signs: Dev Patel does, he's the COO.", "Patel"),
    ("Asked who approves on this: Ines, she's the owner.", "Ines"),
    ("We asked who decides: their board, at the January meeting.", "board"),
])
def test_issue18t_asked_who_signs_colon_labels_the_answer(note, who):
    said(note, "authority", who)


@pytest.mark.parametrize("note, words", [
    ("I asked what she needs: fewer no-shows at the clinic.", "no-shows"),
    ("Asked what they hope for from it: tenants answered at night without a person on call.", "tenants answered"),
    ("We asked what he wants out of it: route changes pushed to the drivers' phones.", "route changes"),
])
def test_issue18t_asked_what_they_want_colon_labels_the_need(note, words):
    said(note, "need", words)


# -- next step ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("note", [
    "On money she said ten, maybe twelve thousand, then said call it twelve.",
    "Budget around fifteen, let's call it fifteen.",
    "Their number's roughly fifty, then said call it forty-eight.",
])
def test_issue18t_call_it_a_figure_is_no_phone_call(note):
    said(note, "next_step", None)


@pytest.mark.parametrize("note, words", [
    ("She did agree to a short intro call with their founder on January 6th.", "intro call"),
    ("He did agree to a demo with the ops team next week.", "demo"),
    ("Omar will agree to a pilot on their Leeds site, he said.", "pilot"),
])
def test_issue18t_an_agreement_said_with_its_auxiliary_is_the_next_step(note, words):
    said(note, "next_step", words)


# -- need, continued ---------------------------------------------------------------------------------
@pytest.mark.parametrize("note, words, day", [
    ("They need ticket deflection in place by March.", "ticket deflection", "2027-03-31"),
    ("Want patient intake triage running by the 15th.", "intake triage", "2026-12-15"),
    ("She needs order-status notifications in place before the holidays.", "order-status notifications", "2026-12-24"),
])
def test_issue18t_a_capability_wanted_in_place_by_a_date_is_need_and_timeline(note, words, day):
    said(note, "need", words)
    said(note, "timeline", day)


@pytest.mark.parametrize("note, words", [
    ("They want the same booking flow rolled out to the Leeds clinic.", "booking flow"),
    ("He needs the same dispatch alerts extended to the night shift.", "dispatch alerts"),
    ("She'd like the same chat widget set up for the new practice.", "chat widget"),
])
def test_issue18t_the_same_setup_rolled_out_to_more_of_the_business_is_the_need(note, words):
    said(note, "need", words)


@pytest.mark.parametrize("note", [
    "Their CTO will want the security docs first.",
    "Legal needs the privacy documentation before anything else.",
    "Their IT team wants the compliance pack by Friday.",
])
def test_issue18t_review_papers_asked_of_us_are_no_need(note):
    said(note, "need", None)


@pytest.mark.parametrize("note, words", [
    ("New-hire paperwork is the big thing, they're still emailing PDFs around.", "paperwork"),
    ("Returns are the big thing, they process each refund by hand.", "Returns"),
    ("Stock counts are the biggest thing, the stores count by hand on Sundays.", "Stock counts"),
])
def test_issue18t_x_is_the_big_thing_names_the_need(note, words):
    said(note, "need", words)


@pytest.mark.parametrize("note, words", [
    ("If the bot can book appointments into their calendar, they'll buy.", "book appointments"),
    ("If your tool flags late deliveries before the customer calls, she'd go ahead.", "flags late deliveries"),
    ('Her words: "If it routes after-hours calls to the on-call tech, I\'ll sign."', "after-hours calls"),
])
def test_issue18t_what_the_product_must_do_for_them_to_sign_is_the_need(note, words):
    said(note, "need", words)


@pytest.mark.parametrize("note", [
    "If it works, they'll sign.",
    "If we get the discount, they'll sign.",
    "If legal is happy, she'll sign this month.",
])
def test_issue18t_a_condition_that_is_no_capability_is_no_need(note):
    said(note, "need", None)


# -- authority: whom the pronoun means ---------------------------------------------------------------
@pytest.mark.parametrize("note, who", [
    ("Zoe Silva, her words: Theo has the proposal, he's the one who signs.", "Theo"),
    ("Lena Fox at Acme, her words: Marco has the quote, he's the one who signs.", "Marco"),
    ("Dev Shah, in his words: Kofi's got the contract, he signs it.", "Kofi"),
])
def test_issue18t_the_one_holding_our_document_is_whom_the_next_he_means(note, who):
    said(note, "authority", who)


@pytest.mark.parametrize("note, who", [
    ("Spoke to Tom Reyes and his boss, Amy Cole. Tom's championing it but he admitted it's her money and her signature.",
     "Amy Cole"),
    ("Call with Kofi Mensah and his COO, Ines Ruiz. Kofi's running the pilot but he said it's her money, she's the one who "
     "says yes.", "Ines Ruiz"),
    ("Lunch with Dana Webb and her CFO, Raj Patel. Dana's pushing for it and she said it's his signature, he signs.",
     "Raj Patel"),
])
def test_issue18t_the_other_pronoun_after_the_champion_is_the_other_person(note, who):
    said(note, "authority", who)


def test_issue18t_the_same_pronoun_still_means_the_person_named():
    said("Dana Webb called. She's the one who signs.", "authority", "Dana Webb")


@pytest.mark.parametrize("note, words", [
    ("Their procurement team sent a vendor risk assessment. We're working through it.", "vendor risk assessment"),
    ("Kim emailed their supplier onboarding form, needs it back before the 10th. I'm completing it now.", "onboarding form"),
    ("They sent a sixty-line RFP spreadsheet. I'm filling it out this weekend.", "RFP spreadsheet"),
])
def test_issue18t_their_document_we_are_filling_in_is_the_next_step(note, words):
    said(note, "next_step", words)


def test_issue18t_filling_it_in_with_no_document_named_is_no_step():
    said("I'm filling it in.", "next_step", None)


@pytest.mark.parametrize("note, vendor", [
    ("Policy is two bids for anything this size, and they've got both: us and Fleetio.", "Fleetio"),
    ("Their rule is three quotes per purchase, and they have them: us, Gorgias and Kustomer.", "Gorgias"),
    ("Procurement asks for three bids, and they've got them, you, Aircall and Dialpad. Dialpad is out.", "Aircall"),
])
def test_issue18t_the_quotes_they_hold_besides_ours_are_competitors(note, vendor):
    said(note, "competitor", vendor)
