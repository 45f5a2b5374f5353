"""BANT+ extraction, one construction at a time, continued from ``test_agents_bant_phenomena7.py``
(issue/18u onwards, callnotes20's invented facts and misses): each case is a short note in words of our own
(not a blind-set sentence) and the field a user would see on the deal."""

from __future__ import annotations

import pytest
from bant_said import said


# -- competitor --------------------------------------------------------------------------------------
@pytest.mark.parametrize("note", [
    "We lost the reporting module to Tableau last spring. Nobody is looking at Tableau for this one.",
    "Their IT lead had a demo with Zendesk last year, but no one's considering Zendesk now.",
    "They were comparing us with Aircall in the summer; no-one is really evaluating Aircall anymore.",
])
def test_issue18u_nobody_looking_at_a_vendor_rules_it_out(note):
    said(note, "competitor", None)


# -- budget ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("note", [
    "Budget? Probably around thirty grand - no real number yet.",
    "She floated forty K for the year. No firm figure, though.",
    "Money: maybe two thousand a month - not a real budget.",
])
def test_issue18u_a_figure_denied_right_after_it_is_no_budget(note):
    said(note, "budget", None)


@pytest.mark.parametrize("note", [
    "Whatever fits under twenty K is fine with her.",
    "They'd take anything that comes in under 8k a year.",
    "Their ops lead wants whatever comes in below fifteen thousand a year.",
])
def test_issue18u_whatever_fits_under_a_figure_is_no_budget(note):
    said(note, "budget", None)


@pytest.mark.parametrize("note", [
    "Omar, just musing: if all five depots came on board, the budget would be about two hundred thousand.",
    "Her aside: if the board ever approved the full rollout, it'd be closer to a million.",
    "Hypothetically: if they add the second plant, they'd spend about sixty K.",
])
def test_issue18u_a_hypothetical_after_a_label_is_no_budget(note):
    said(note, "budget", None)


@pytest.mark.parametrize("note", [
    "She's got about nine thousand left this year, but she'd rather wait.",
    "They could find twelve K, honestly they would rather wait for the new budget.",
    "He has maybe four grand left over, he'd rather hold off until spring.",
])
def test_issue18u_money_left_that_they_would_rather_not_spend_is_no_budget(note):
    said(note, "budget", None)


@pytest.mark.parametrize("note", [
    "Freshworks told them they could get this for 900 a month.",
    "Apparently HubSpot says she can get the same thing for eight thousand a year.",
    "Their old vendor said they'd get it at two grand a year.",
])
def test_issue18u_a_price_they_could_get_elsewhere_is_no_budget(note):
    said(note, "budget", None)


@pytest.mark.parametrize("note", [
    "Budget somewhere around fifty K, nothing committed.",
    "He mentioned twenty grand, but nothing's firm.",
    "Thirty-five thousand was floated, not committed yet.",
])
def test_issue18u_a_figure_with_nothing_committed_is_no_budget(note):
    said(note, "budget", None)


def test_issue18u_a_ceiling_they_would_rather_not_pass_stays_the_budget():
    said("I'd rather not spend more than forty thousand on it, she said.", "budget", 40000)


# -- need --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("note", [
    "Next steps: we re-key their sample data into the sandbox.",
    "Next step: I rework the pricing page for them.",
    "Next step: I redo the ROI sheet by hand.",
])
def test_issue18u_the_labelled_next_step_states_no_problem(note):
    said(note, "need", None)


@pytest.mark.parametrize("note", [
    "Dana wants the order inked by the 12th.",
    "He'd like the renewal papered before December 20th.",
    "Ben would like the expansion countersigned by the 9th.",
])
def test_issue18u_paperwork_inked_by_a_date_is_no_need(note):
    said(note, "need", None)


@pytest.mark.parametrize("note", [
    "Mara wants to put together a business case for her CFO.",
    "He needs to write the ROI justification first.",
    "They still want to build an internal case for it.",
])
def test_issue18u_building_their_business_case_is_no_need(note):
    said(note, "need", None)


@pytest.mark.parametrize("note", [
    "Login issue, reset her password.",
    "Invoice issue, emailed her a corrected copy.",
    "Quick billing problem, walked him through the portal.",
])
def test_issue18u_what_the_seller_did_about_an_admin_issue_is_no_need(note):
    said(note, "need", None)


# -- timeline ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("note", [
    "Their January 20th signing target is off, she says.",
    "Their Q1 target got scrapped last week.",
    "Her December 12th target was dropped, she says.",
])
def test_issue18u_a_target_said_to_be_off_is_no_timeline(note):
    said(note, "timeline", None)


@pytest.mark.parametrize("note", [
    "Their school is closed for winter break until the 4th.",
    "The clinic is shut until the 5th for renovations.",
    "They're closed over the holidays until January 3rd.",
])
def test_issue18u_closed_until_a_date_is_no_timeline(note):
    said(note, "timeline", None)


@pytest.mark.parametrize("note", [
    "At a trade show in Vegas until December 4th.",
    "Auto-reply: attending a summit until the 9th, limited access to email.",
    "Dev is attending their partner summit until December 10th.",
])
def test_issue18u_away_at_a_conference_until_a_date_is_no_timeline(note):
    said(note, "timeline", None)


# -- next step ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("note", [
    "Priya asked us to move their invoices to quarterly. Updated in billing.",
    "Nadia asked me to put the PO number on the invoice. Fixed in the portal.",
    "Sam asked us to change the contact on the contract to Ines. Changed in the CRM.",
])
def test_issue18u_a_request_reported_done_where_it_was_done_is_no_step(note):
    said(note, "next_step", None)


# -- authority ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("note, body", [
    ("Ravi runs the evaluation, but a buying committee of sales, IT and legal votes on it in January.", "committee"),
    ("The decision sits with an executive council of HR, IT and operations, not with Ravi.", "council"),
    ("An investment board of finance, IT, and risk signs off on anything like this.", "board"),
])
def test_issue18u_a_committee_of_several_functions_decides(note, body):
    said(note, "authority", body)


@pytest.mark.parametrize("note, who", [
    ("blue fern - dana reyes (founder/ceo, she signs). leads sit in a shared inbox.", "Reyes"),
    ("Mateo Cruz (owner/GM, he decides) wants fewer missed calls.", "Cruz"),
    ("ridgeway - lena hart (partner/owner, she has the final say). no budget yet.", "Hart"),
])
def test_issue18u_two_titles_joined_by_a_slash_name_the_decider(note, who):
    said(note, "authority", who)


@pytest.mark.parametrize("note, who", [
    ("Loss review: Tom Vance, the COO, who made the call, went with Freshdesk.", "Vance"),
    ("Closed lost. Nadia Ortiz, their CFO, who made the final call, chose Gusto on price.", "Ortiz"),
    ("Ines Park, who made the call, signed with Aircall in the end.", "Park"),
])
def test_issue18u_who_made_the_call_then_chose_a_vendor_decides(note, who):
    said(note, "authority", who)


@pytest.mark.parametrize("note, who", [
    ("Good news: Rita Gomez signed off on annual, card on file.", "Gomez"),
    ("Paul Lind signed off on going yearly, so I'll send the new order form.", "Lind"),
    ("Noor Aziz has signed off on the annual plan.", "Aziz"),
])
def test_issue18u_signing_off_on_the_plan_is_deciding(note, who):
    said(note, "authority", who)


@pytest.mark.parametrize("note, who", [
    ("The pilot is done, Hugo Marsh signed it Tuesday.", "Marsh"),
    ("Renewal closed this morning, Clara Boyd signed.", "Boyd"),
    ("Expansion is through, Omar Diaz, their COO, signed the order form yesterday.", "Diaz"),
])
def test_issue18u_the_person_who_signed_the_deal_is_the_authority(note, who):
    said(note, "authority", who)


@pytest.mark.parametrize("note, who", [
    ("Budget is whatever Lena approves, Lena Brandt being the owner.", "Brandt"),
    ("Spend is whatever Marco approves; Marco Levi runs finance.", "Levi"),
    ("The number is whatever Priya Rao approves at the board meeting.", "Rao"),
])
def test_issue18u_whatever_a_person_approves_names_the_approver(note, who):
    said(note, "authority", who)


@pytest.mark.parametrize("note, who", [
    ("Tom Reid, the founder, used to sign everything but Ana Vidal decides on this one.", "Vidal"),
    ("Their CEO used to approve all tools, but now Kim Soto decides herself.", "Soto"),
    ("Ivan Petrov used to sign off on software, but Jade Lin signs now.", "Lin"),
])
def test_issue18u_who_used_to_sign_is_not_who_decides_now(note, who):
    said(note, "authority", who)


# -- competitor (misses) -----------------------------------------------------------------------------
@pytest.mark.parametrize("note, vendor", [
    ("They did get a quote from Gorgias, pricier, but it's still in the mix.", "Gorgias"),
    ("She'll get a proposal from Aircall next week as well.", "Aircall"),
    ("They want to get pricing from Kustomer before they decide.", "Kustomer"),
])
def test_issue18u_get_a_quote_from_a_vendor_is_weighing_it(note, vendor):
    said(note, "competitor", vendor)


@pytest.mark.parametrize("note, vendor", [
    ("Their COO wants to check out Gorgias too.", "Gorgias"),
    ("Ines would like to evaluate Freshdesk as well.", "Freshdesk"),
    ("Marco plans to trial Aircall next month.", "Aircall"),
])
def test_issue18u_a_vendor_they_mean_to_look_at_is_a_competitor(note, vendor):
    said(note, "competitor", vendor)


@pytest.mark.parametrize("note", [
    "Priya wants to look at Dana's forecast first.",
    "He wants to look at Excel exports before deciding.",
    "Kim wants to look at Sarah Chen's notes.",
])
def test_issue18u_what_they_mean_to_look_at_is_no_vendor_when_it_is_a_thing(note):
    said(note, "competitor", None)


@pytest.mark.parametrize("note, vendor", [
    ("Gong is definitely in the running.", "Gong"),
    ("Clari is very much in the mix, she said.", "Clari"),
    ("Outreach is clearly still in play.", "Outreach"),
])
def test_issue18u_a_vendor_definitely_in_the_running_is_a_competitor(note, vendor):
    said(note, "competitor", vendor)


# -- need (misses) -----------------------------------------------------------------------------------
@pytest.mark.parametrize("note, word", [
    ("Their dispatch team has no route visibility.", "route visibility"),
    ("The warehouse has no stock visibility at all.", "stock visibility"),
    ("Managers have no forecast visibility until month end.", "forecast visibility"),
])
def test_issue18u_no_visibility_of_something_is_the_need(note, word):
    said(note, "need", word)


@pytest.mark.parametrize("note, word", [
    ("Agents juggle tickets from three inboxes.", "tickets"),
    ("Her reps are juggling leads across email and WhatsApp.", "leads"),
    ("Coordinators juggle bookings from two calendars.", "bookings"),
])
def test_issue18u_juggling_work_across_places_is_the_need(note, word):
    said(note, "need", word)


@pytest.mark.parametrize("note, word", [
    ("Nobody knows which orders already shipped.", "orders"),
    ("No one knows who followed up with the lead.", "followed up"),
    ("Nobody knows whether the invoice went out.", "invoice"),
])
def test_issue18u_nobody_knows_what_happened_is_the_need(note, word):
    said(note, "need", word)


def test_issue18u_nobody_knows_who_signs_is_no_need():
    said("Their CFO left. Nobody knows who will sign now.", "need", None)


@pytest.mark.parametrize("note, word", [
    ("Callers can't get through at lunchtime.", "lunchtime"),
    ("Tenants never get through to the office after five.", "office"),
    ("Most callers hang up before anyone answers.", "anyone answers"),
])
def test_issue18u_callers_who_cannot_get_through_or_hang_up_are_the_need(note, word):
    said(note, "need", word)


@pytest.mark.parametrize("note, word", [
    ("The clerk re-types every order into SAP.", "SAP"),
    ("Their nurses re-enter vitals into the chart.", "vitals"),
    ("Front desk retypes each form into Epic.", "Epic"),
])
def test_issue18u_typing_it_all_again_is_the_need(note, word):
    said(note, "need", word)


@pytest.mark.parametrize("note, word", [
    ("Check-in is still clipboards at the front desk.", "check-in"),
    ("Their purchase orders are still faxes.", "purchase orders"),
    ("Inspections are kept in binders.", "inspections"),
])
def test_issue18u_work_kept_on_clipboards_faxes_or_binders_is_the_need(note, word):
    said(note, "need", word)


@pytest.mark.parametrize("note, word", [
    ("Bookings come in from separate channels.", "bookings"),
    ("Orders are tracked in separate sheets per store.", "orders"),
    ("Patient notes sit in different places.", "patient notes"),
])
def test_issue18u_work_kept_in_separate_places_is_the_need(note, word):
    said(note, "need", word)
