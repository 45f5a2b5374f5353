"""BANT+ extraction, one construction at a time, continued from ``test_agents_bant_phenomena12.py``
(issue/18z onwards, callnotes25's invented facts and misses): each case is a short note in words of our own
(not a blind-set sentence) and the field a user would see on the deal."""

from __future__ import annotations

import pytest
from bant_said import said


# -- budget: invented ----------------------------------------------------------------------------------
@pytest.mark.parametrize("note", [
    "Call with Omar at Brightline. He floated somewhere between 20 and 30k, but didn't sound sure at all.",
    "Ines said 40 to 60 thousand, though she didn't seem confident.",
    "Kofi thinks 15-25k; he wasn't sure about that number.",
])
def test_issue18z_a_range_said_without_conviction_is_no_budget(note):
    said(note, "budget", None)


@pytest.mark.parametrize("note", [
    "Rita on money: maybe 12 to 15 grand a year.",
    "Budget is maybe twenty to thirty thousand.",
    "Omar: 'maybe 5 to 7k for year one'. He signs.",
])
def test_issue18z_a_hedged_range_is_no_budget(note):
    said(note, "budget", None)


@pytest.mark.parametrize("note", [
    "Tom on money: maybe 600 a month, a thousand tops.",
    "She said maybe 2k, 3k max, hard to say.",
    "Budget: maybe fifteen hundred a month, two grand at most.",
])
def test_issue18z_a_hedged_figure_moving_to_a_ceiling_is_no_budget(note):
    said(note, "budget", None)


@pytest.mark.parametrize("note", [
    "Budget from Ines: 'the CFO said up to 20k, maybe'.",
    "Kofi said under fifteen, probably.",
    "They could go up to 8 grand, perhaps.",
])
def test_issue18z_a_ceiling_hedged_after_it_is_no_budget(note):
    said(note, "budget", None)


@pytest.mark.parametrize("note,value", [
    ("Their budget is closer to twelve, then maybe fifteen if training is included.", None),
    ("She said 30k, then maybe 35k if we add the integration.", None),
    ("Five thousand for the year, maybe six if the pilot works, so call it five.", 5000),
])
def test_issue18z_a_figure_moving_on_a_condition_is_no_budget(note, value):
    said(note, "budget", value)


@pytest.mark.parametrize("note", [
    "Budget: whatever the HubSpot quote comes in at, about 900 a month.",
    "Omar said whatever Zendesk's price is, roughly 20k.",
    "Money: whatever their Freshworks quote comes to, maybe 15 grand.",
])
def test_issue18z_a_figure_that_is_a_rivals_quote_is_no_budget(note):
    said(note, "budget", None)


@pytest.mark.parametrize("note", [
    "Existing plan is $499/mo - no talk of budget for the upgrade.",
    "Their current subscription costs 1,200 a month. Rita wants more seats.",
    "Current contract is 18k a year and Kofi hates it.",
])
def test_issue18z_what_they_pay_today_is_no_budget(note):
    said(note, "budget", None)


@pytest.mark.parametrize("note", [
    "They'd set aside 150k — hold on, that's for the whole ERP migration, not us.",
    "Omar said 20 grand, then corrected: that's for the entire marketing stack.",
    "Budget is 60k, which is for the whole digital programme, our slice unknown.",
])
def test_issue18z_a_figure_for_a_bigger_pot_is_no_budget(note):
    said(note, "budget", None)


@pytest.mark.parametrize("note,value", [
    ("Rita got our proposal (9k a year, Growth) but hasn't opened it.", None),
    ("Kofi said the 30k proposal is steep; he has 25k in the budget.", 25000),
    ("The $12,000 quote is too much, she only has 10k set aside.", 10000),
])
def test_issue18z_our_figure_named_by_its_document_is_no_budget(note, value):
    said(note, "budget", value)


# -- timeline: invented --------------------------------------------------------------------------------
@pytest.mark.parametrize("note", [
    "Omar rescheduled the demo from Dec 4 to Dec 8 by email. Nothing else.",
    "Rita moved our call to January 6th.",
    "Kofi's assistant pushed the kickoff from the 2nd to the 9th.",
])
def test_issue18z_our_meeting_moved_is_no_timeline(note):
    said(note, "timeline", None)


@pytest.mark.parametrize("note", [
    "I pushed to sign before our Q4 ends Dec 31; Ines said there's no rush on their side.",
    "I'd love it in by our year end on December 31st, but Tom gave no date.",
    "Tried to close ahead of our quarter end, Jan 31, no luck.",
])
def test_issue18z_our_quarter_end_is_no_timeline(note):
    said(note, "timeline", None)


@pytest.mark.parametrize("note", [
    "Omar said their budget gets set in February, nothing before that.",
    "Budgets are approved in March, so no figure yet.",
    "Rita: the budget will be finalised in January.",
])
def test_issue18z_the_month_the_budget_is_set_is_no_timeline(note):
    said(note, "timeline", None)


@pytest.mark.parametrize("note,day", [
    ("Tom wants it live by December 18th, before our quarter ends.", "2026-12-18"),
    ("'It has to be signed by the thirty-first of March, that's our fiscal year end,' said Ines.", "2027-03-31"),
    ("They moved the go-live to January 15th.", "2027-01-15"),
])
def test_issue18z_their_own_dates_stay(note, day):
    said(note, "timeline", day)


# -- need: invented ------------------------------------------------------------------------------------
@pytest.mark.parametrize("note", [
    "Omar signs. Budget 20k, then after a bit of back and forth, 22k, final.",
    "Rita pushed on price; after some haggling she agreed to 15k.",
    "After much back-and-forth, Kofi settled on twelve thousand.",
])
def test_issue18z_haggling_is_no_need(note):
    said(note, "need", None)


@pytest.mark.parametrize("note", [
    "Tom, quote: 'if this isn't signed by March 1 I lose the funding.'",
    "If it doesn't go live by January, she forfeits the budget line.",
    "Ines said if we don't close by the 15th, they give back the money.",
])
def test_issue18z_a_deadline_threat_to_their_money_is_no_need(note):
    said(note, "need", None)


@pytest.mark.parametrize("note", [
    "The budget is 40k, she confirmed the number by email later.",
    "Omar approved the figure over Slack.",
    "Kofi confirmed the headcount by phone, 14 seats.",
])
def test_issue18z_a_fact_confirmed_to_us_is_no_need(note):
    said(note, "need", None)


@pytest.mark.parametrize("note", [
    "Rita called back, funding's in. She wants to restart.",
    "Omar would like to pick things back up in January.",
    "Kofi is keen to resume the evaluation.",
])
def test_issue18z_restarting_the_talks_is_no_need(note):
    said(note, "need", None)


@pytest.mark.parametrize("note,need", [
    ("Their front desk confirms appointments by phone, it eats hours.", "confirms appointments by phone"),
    ("Reps go back and forth by email for days to book a meeting.", "back and forth"),
    ("If leads aren't called back in an hour, they lose the deal, and that's the problem.", "lose the deal"),
])
def test_issue18z_real_pains_stay(note, need):
    said(note, "need", need)


# -- authority: invented -------------------------------------------------------------------------------
@pytest.mark.parametrize("note", [
    "Omar Haddad - won't sign this month after all, procurement held it up.",
    "Can't close Friday, legal pushed the signing to next week.",
    "Rita's deal slipped; finance delayed the contract again.",
])
def test_issue18z_a_body_that_delayed_the_signing_is_no_decider(note):
    said(note, "authority", None)


@pytest.mark.parametrize("note,who", [
    ("Legal signs off on every vendor contract.", "legal"),
    ("The board approves it, and the board pushed it to January.", "board"),
    ("Procurement decides, they held it up last time too.", "procurement"),
])
def test_issue18z_a_body_that_decides_stays(note, who):
    said(note, "authority", who)


# -- authority: the one person the note names speaks an unattributed quote ----------------------------------
@pytest.mark.parametrize("note,who", [
    ("First call with Hana Sato (COO). Direct. 'Raj likes it, I sign it, and I won't pay fifty.'", "Sato"),
    ("Omar Haddad from Brightline rang. 'Price is fine, I'll sign it if you add the Teams alerts.'", "Haddad"),
    ("Spoke w/ Rita Gomez (owner). Q: who signs? A: 'me, it's my shop.'", "Gomez"),
])
def test_issue18z_an_unattributed_quote_is_the_one_named_persons(note, who):
    said(note, "authority", who)


@pytest.mark.parametrize("note,who", [
    ("Call with Dan Walsh and Kara Evans. 'Kara decides, I just run the pilot.' Kara signs.", "Kara"),
    ("Tom Becker, Northwind. He said, quote, 'I sign everything here.'", "Becker"),
    ("Blue Harbor Realty call with Elena Garcia. 'I decide.'", "Garcia"),
])
def test_issue18z_unattributed_quote_guards(note, who):
    said(note, "authority", who)


# -- budget/need: what they pay for another thing; the deal itself wanted ---------------------------------
@pytest.mark.parametrize("note", [
    "Rita pays $300 a month for the booking widget and would pay about the same for this.",
    "They pay 2k a year for their website host; no budget for us yet.",
    "Omar said he paid 15k for the old CMS, never again.",
])
def test_issue18z_what_they_pay_for_another_thing_is_no_budget(note):
    said(note, "budget", None)


@pytest.mark.parametrize("note", [
    "Hana Sato, COO: 'Raj wants this, I sign it.'",
    "The VP loves it, the CFO signs.",
    "Tom needs this; Omar approves.",
])
def test_issue18z_the_deal_itself_wanted_is_no_need(note):
    said(note, "need", None)


# -- authority: the person the note opens with, a name in brackets after it; an assistant's initials ----------
@pytest.mark.parametrize("note,who", [
    ("Rita Gomez (Brightline, owner) called back. They used Zoho's CRM years ago and hated it. She signs.", "Gomez"),
    ("Omar Haddad (Quartz Partners) rang about pricing. They looked at Pipedrive's deal module once. His call, he said.", "Haddad"),
    ("Hana Sato (COO) is back. They tried Monday's sales module last spring. She decides.", "Sato"),
])
def test_issue18z_a_pronoun_means_the_person_the_note_opens_with(note, who):
    said(note, "authority", who)


@pytest.mark.parametrize("note,who", [
    ("Brightline. Omar Haddad's EA says he's the one who signs, but he's away till the 9th.", "Haddad"),
    ("Rita Gomez's PA told me she signs everything.", "Gomez"),
    ("Kofi Mensah's exec assistant says he's the approver.", "Mensah"),
])
def test_issue18z_an_assistants_initials_are_not_the_decider(note, who):
    said(note, "authority", who)


# -- timeline: their deadline said with its event, a pilot wanted going, a date they can no longer make -------
@pytest.mark.parametrize("note,day", [
    ("Omar decides. Wants it signed by the 9th, that's their partners' meeting.", "2026-12-09"),
    ("Rita wants the contract done by December 16th, which is their board offsite.", "2026-12-16"),
    ("Ines wants it live by January 6th, that's their sales kickoff.", "2027-01-06"),
])
def test_issue18z_a_deadline_with_their_event_after_it(note, day):
    said(note, "timeline", day)


@pytest.mark.parametrize("note,day", [
    ("Hana decides. Wants the pilot started by the 12th.", "2026-12-12"),
    ("They'd like the trial kicked off by January 8th.", "2027-01-08"),
    ("Kofi needs the pilot set up by December 20th for the holiday rush.", "2026-12-20"),
])
def test_issue18z_a_pilot_wanted_going_by_a_date(note, day):
    said(note, "timeline", day)


@pytest.mark.parametrize("note,day", [
    ("Omar can't sign by EOM after all, procurement is slow; new target is by the 11th.", "2026-12-11"),
    ("Rita won't close by December 4th after all; now it's by the 18th.", "2026-12-18"),
    ("Kofi can't go live by January 5th; new go-live is by January 19th.", "2027-01-19"),
])
def test_issue18z_a_date_they_can_no_longer_make_gives_way(note, day):
    said(note, "timeline", day)


# -- budget: a figure committed to without a budget word; a correction put as "no, he corrected himself" --------
@pytest.mark.parametrize("note,value", [
    ("Hana Sato, CFO. She'll approve forty thousand for year one, no more.", 40000),
    ("Omar wants the renewal at 20k, not 24: 'twenty is what I've got'.", 20000),
    ("Price talk went on a while; fine, they can find twenty-six, that's final. Revised quote at 26k.", 26000),
    ("He can approve up to 25k on his own.", None),
])
def test_issue18z_a_figure_committed_to_without_a_budget_word(note, value):
    said(note, "budget", value)


@pytest.mark.parametrize("note,value", [
    ("Budget: 'two k a month' - no, she corrected herself, 'two k a year, we're tiny'.", 2000),
    ("Money: five grand a year - no, he corrected himself, eight grand a year.", 8000),
    ("Budget 'ten k a month' - no, they corrected themselves, 'ten k for the whole year'.", 10000),
])
def test_issue18z_a_figure_put_right_with_no_he_corrected_himself(note, value):
    said(note, "budget", value)


# -- competitor: a note's subjectless "said" before the vendor -------------------------------------------------
@pytest.mark.parametrize("note,vendor", [
    ("Hana Sato, CFO. Said HubSpot came in cheaper, but their rollout is slow.", "HubSpot"),
    ("Mentioned Pipedrive quoted them lower last week.", "Pipedrive"),
    ("Omar, blunt. Says Freshworks undercut us by a third.", "Freshworks"),
])
def test_issue18z_a_subjectless_said_is_no_part_of_the_vendor(note, vendor):
    said(note, "competitor", vendor)


# -- timeline: a date taken back for the one said right after it, across a dash --------------------------------
@pytest.mark.parametrize("note,day", [
    ("Rita wants it live when their spring term starts, Jan 20th - sorry, she corrected herself, Jan 18th.", "2027-01-18"),
    ("Omar needs it signed by Dec 11, no, Dec 9.", "2026-12-09"),
    ("Kofi: go-live by February 3rd — sorry, February 1st.", "2027-02-01"),
])
def test_issue18z_a_date_put_right_after_it(note, day):
    said(note, "timeline", day)
