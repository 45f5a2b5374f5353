"""BANT+ extraction, one construction at a time, continued from ``test_agents_bant_phenomena3.py``
(issue/18q onwards): each case is a short note in words of our own (not a blind-set sentence) and the
field a user would see on the deal."""

from __future__ import annotations

import pytest
from bant_said import said


# -- competitor -------------------------------------------------------------------------------------
@pytest.mark.parametrize("note, vendor", [
    ("They gave up on Drift after the trial, too slow, now it's us versus Qualified.", "Qualified"),
    ("Ruled out Gorgias in October, now it's us against Kustomer.", "Kustomer"),
    ("Dropped Intercom last week, so now it's us vs Front.", "Front"),
])
def test_issue18q_one_out_then_now_us_versus_another(note, vendor):
    said(note, "competitor", vendor)


@pytest.mark.parametrize("note, vendor", [
    ("Still Gong and us. I send the ROI sheet Monday.", "Gong"),
    ("Talked pricing with Rosa. Now it's Aircall and us.", "Aircall"),
    ("Down to Freshdesk and us, she said.", "Freshdesk"),
])
def test_issue18q_a_vendor_and_us_are_the_two_left(note, vendor):
    said(note, "competitor", vendor)


@pytest.mark.parametrize("note, vendor", [
    ("They run chat on LiveChat and Omar is torn between upgrading LiveChat and moving to us.", "LiveChat"),
    ("Helen is choosing between Calendly and us for the booking flow.", "Calendly"),
    ("Raj keeps going back and forth, torn between renewing Gusto and switching to us.", "Gusto"),
])
def test_issue18q_torn_between_their_tool_and_us(note, vendor):
    said(note, "competitor", vendor)


@pytest.mark.parametrize("note, vendor", [
    ("acme / lena ortiz: Salesloft now in the mix too, her VP likes it.", "Salesloft"),
    ("riverbend: gorgias out, kustomer in. nxt: demo tues.", "Kustomer"),
    ("compet: Chorus, still evaluating it.", "Chorus"),
])
def test_issue18q_typed_competitor_shorthand(note, vendor):
    said(note, "competitor", vendor)


@pytest.mark.parametrize("note, vendor", [
    ("Their CRM is HubSpot and the fallback option is just buying HubSpot's sales hub upgrade, still on the table.", "HubSpot"),
    ("Asana is still the alternative, Monday is long gone.", "Asana"),
    ("What they're actually evaluating alongside us is Zoho's desk module.", "Zoho"),
])
def test_issue18q_the_alternative_said_as_an_option(note, vendor):
    said(note, "competitor", vendor)


@pytest.mark.parametrize("note, vendor", [
    ("She asked about Ada's chatbot and I think they're comparing us with that now.", "Ada"),
    ("He mentioned Talkdesk, they had a demo last month and are still talking to them.", "Talkdesk"),
    ("Ivan name-dropped Clari, and they're evaluating it this month.", "Clari"),
])
def test_issue18q_a_vendor_brought_up_then_weighed_as_a_pronoun(note, vendor):
    said(note, "competitor", vendor)


@pytest.mark.parametrize("note", [
    "She mentioned Clari, but they're not evaluating it.",
    "He asked about Ada's chatbot, just curious, they're not looking at it.",
    "Gorgias out, nothing else in.",
])
def test_issue18q_a_vendor_brought_up_and_not_weighed_is_no_rival(note):
    said(note, "competitor", None)


@pytest.mark.parametrize("note, vendor", [
    ("I thought they were comparing us with Asana, but she corrected me: Asana is their PM tool, what they're looking at is Wrike.",
     "Wrike"),
    ("I assumed he was looking at Zendesk, but he set me straight, they're evaluating Front.", "Front"),
    ("We thought they were weighing us against Slack, but she corrected me, they're talking to Loom.", "Loom"),
])
def test_issue18q_the_sellers_belief_set_right_is_not_a_rival(note, vendor):
    said(note, "competitor", vendor)


# -- timeline ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("note, day", [
    ("She wants it live by the ninth, no, she corrected herself, the tenth, because of the holiday party.", "2026-12-10"),
    ("Signed by the twentieth, sorry, the eighteenth.", "2026-12-18"),
    ("Rollout by the fourth of January, no, make it the eighth, when everyone is back.", "2027-01-08"),
])
def test_issue18q_a_bare_day_corrected_is_the_later_day(note, day):
    said(note, "timeline", day)


@pytest.mark.parametrize("note, day", [
    ("Launch by December 3rd, hmm, no, Ana said that is too tight and they agreed on the 14th.", "2026-12-14"),
    ("Live by January 5th, no, the team said too soon and they settled on January 19th.", "2027-01-19"),
    ("Go-live by the 7th, but no, too early for IT, so they landed on the 28th.", "2026-11-28"),
])
def test_issue18q_the_day_they_agreed_on_after_a_no(note, day):
    said(note, "timeline", day)


@pytest.mark.parametrize("note, day", [
    ("He'd said signature by January 31st, but the real deadline is finance's, January 15th.", "2027-01-15"),
    ("They'd said end of March, but Lea said she'd rather have it signed before the 20th of December.", "2026-12-20"),
    ("She had wanted it live by February, but now she says March 10th.", "2027-03-10"),
])
def test_issue18q_a_date_said_before_then_replaced(note, day):
    said(note, "timeline", day)


@pytest.mark.parametrize("note, day", [
    ("They need it done before their December 19 code freeze.", "2026-12-19"),
    ("Marta wants a decision by December 16th, when their year-end freeze starts.", "2026-12-16"),
    ("It has to be up by March 2nd for the spring launch, their renewal with us is in October.", "2027-03-02"),
])
def test_issue18q_a_deadline_said_with_a_freeze_or_up_by(note, day):
    said(note, "timeline", day)


# -- things that are not a field (never invented) ---------------------------------------------------
@pytest.mark.parametrize("note", [
    "acme / jo park. live since 9/14, all good. nxt: qbr in jan",
    "Their team has been on the Growth plan since March 3rd and they're happy.",
    "They've used it since the 4th of October without a hitch.",
])
def test_issue18q_a_date_since_which_something_holds_is_no_timeline(note):
    said(note, "timeline", None)


@pytest.mark.parametrize("note", [
    "Hana wants to push the second warehouse to next year, so no date for now.",
    "They moved the whole project into the new year.",
    "Omar is deferring the other two sites until next year.",
])
def test_issue18q_pushed_to_next_year_is_no_timeline(note):
    said(note, "timeline", None)


@pytest.mark.parametrize("note", [
    "Priya floated eight thousand a year, then said she shouldn't have given a number before her boss sees it, so disregard it.",
    "He said something about twenty K, then said forget that, he needs to talk to finance first.",
    "She mentioned fifteen thousand, then told me to ignore it until the board meets.",
])
def test_issue18q_a_figure_said_then_set_aside_is_no_budget(note):
    said(note, "budget", None)


@pytest.mark.parametrize("note, value", [
    ("Budget: she said twenty thousand, then said forget that, it's twenty-five thousand.", 25000),
    ("On budget he mentioned ten K, then said ignore that, they have twelve thousand.", 12000),
    ("Their budget, she said thirty, then said scratch that, thirty-five thousand for the year.", 35000),
])
def test_issue18q_a_figure_set_aside_for_another_keeps_the_new_one(note, value):
    said(note, "budget", value)


@pytest.mark.parametrize("note", [
    "Competitors? Jira came up, but that's their ticketing system, not part of this.",
    "Salesforce was mentioned, but it's their CRM, we'd sync with it.",
    "stripe mentioned but that's their billing platform, not competing.",
])
def test_issue18q_a_tool_they_use_said_beside_a_competitor_cue_is_no_rival(note):
    said(note, "competitor", None)


@pytest.mark.parametrize("note", [
    "Legal reviewed our MSA and wants two indemnity clauses added.",
    "She likes it but wants Gong's call summaries compared first.",
    "The budget went up because they want three stores in the pilot instead of one.",
])
def test_issue18q_a_term_a_comparison_or_the_pilot_s_scope_is_no_need(note):
    said(note, "need", None)


@pytest.mark.parametrize("note", [
    "He asked us to sharpen the price; I offered ten percent and he's thinking about it. No follow-up is booked.",
    "Pia asked for a lower rate. Nothing scheduled yet.",
    "She wants the pilot started by January 5th so it covers the new term. No next step.",
])
def test_issue18q_a_note_that_ends_with_no_step_has_none(note):
    said(note, "next_step", None)


# -- budget self-corrections ------------------------------------------------------------------------
@pytest.mark.parametrize("note, value", [
    ("Budget, Ana first said sixty thousand, then Raj jumped in, no, fifty-five, the sixty had travel in it.", 55000),
    ("Budget, he said eight to ten, then, no, let's say eight.", 8000),
    ("They can spend forty thousand, then she corrected herself, the forty had hardware in it, so thirty-four for the software.", 34000),
])
def test_issue18q_a_budget_corrected_is_the_later_figure(note, value):
    said(note, "budget", value)


# -- next step said without a cue verb --------------------------------------------------------------
@pytest.mark.parametrize("note, step", [
    ("Lisa owns the budget. Pricing review meeting with Lisa, Tom and me on January 6.", "pricing review"),
    ("Tom signs. Security review with their IT lead on the 8th.", "security review"),
    ("oak dental - dr ruiz signed off. onboarding kickoff 12/4 w/ the front desk.", "kickoff"),
])
def test_issue18q_a_meeting_said_with_its_day_is_the_step(note, step):
    said(note, "next_step", step)


@pytest.mark.parametrize("note, step", [
    ("Omar decides. Booking a call with Omar for Tuesday.", "call with Omar"),
    ("Setting up a demo with their ops lead next week.", "demo"),
    ("Scheduling a walkthrough with Ines and her two agents.", "walkthrough"),
])
def test_issue18q_the_sellers_booking_said_as_a_gerund_is_the_step(note, step):
    said(note, "next_step", step)


@pytest.mark.parametrize("note", [
    "Renewal call with Dana Ortiz at Birch Foods, she says the CFO signs in January.",
    "Pricing review with Priya on the 3rd happened, all fine.",
    "Weekly sync with their ops team every Monday, nothing new.",
])
def test_issue18q_a_meeting_logged_or_habitual_is_no_step(note):
    said(note, "next_step", None)


# -- authority --------------------------------------------------------------------------------------
@pytest.mark.parametrize("note, who", [
    ("birch foods / ana ruiz. b: 20k. lena park signs. nxt: demo thu", "Lena Park"),
    ("oak dental / sam lee. dr ortiz still signs. no comp.", "Ortiz"),
    ("harbor / ivo kent: ivo (final say) ok'd the pilot at 5k.", "Ivo"),
])
def test_issue18q_a_typed_lowercase_name_said_as_the_one_who_decides(note, who):
    said(note, "authority", who)


@pytest.mark.parametrize("note, who", [
    ("fern labs / omar diaz. dm still priya shah. close target 2/15.", "Priya Shah"),
    ("elm co / jo reyes (ops). signer marta. nxt: call fri", "Marta"),
    ("Approver: Hana Berg. Budget 30k.", "Hana Berg"),
])
def test_issue18q_the_role_said_before_the_name(note, who):
    said(note, "authority", who)


@pytest.mark.parametrize("note, who", [
    ("Nadia Roth signed off verbally on 20k for the pilot.", "Nadia Roth"),
    ("ember - jo emailed: lena walsh signed off on the 9k pilot budget.", "Lena Walsh"),
    ("Paul from ops pinged me, Maya has signed off on spending eight thousand on the plan.", "Maya"),
])
def test_issue18q_who_signed_off_on_the_money(note, who):
    said(note, "authority", who)


@pytest.mark.parametrize("note, who", [
    ("Rita Gomez in finance, no relation to Ben, holds the software budget and approves new tools.", "Rita Gomez"),
    ("Theo Lind, who joined late, holds the marketing budget.", "Theo Lind"),
    ("So Ines, the COO, she signs, confirmed twice.", "Ines"),
])
def test_issue18q_the_budget_holder_and_a_name_after_a_discourse_word(note, who):
    said(note, "authority", who)


@pytest.mark.parametrize("note, field, value", [
    ("BANT with Ola Berg. B, ten thousand. A, Ola herself, she's the owner. N, missed calls at lunch. C, nobody.", "budget", 10000),
    ("Quick BANT. B, twelve thousand for the year. A, their CFO. T, end of March.", "authority", "CFO"),
    ("BANT pass: A, Jonas himself. B, forty K. T, by the 15th.", "authority", "Jonas"),
])
def test_issue18q_a_bant_pass_said_letter_by_letter(note, field, value):
    said(note, field, value)


def test_issue18q_a_single_letter_a_is_still_a_word():
    said("A, we spoke about the weather. Nothing else.", "authority", None)


# -- need said as a situation -----------------------------------------------------------------------
@pytest.mark.parametrize("note, need", [
    ("Marta's worry is weekend chat messages sitting unanswered until Monday.", "weekend chat"),
    ("Their biggest gripe is invoices going out with the wrong tax code.", "tax code"),
    ("Omar's frustration is that leads from trade shows never get followed up.", "trade shows"),
])
def test_issue18q_a_worry_or_gripe_said_as_someones_is_the_need(note, need):
    said(note, "need", need)


@pytest.mark.parametrize("note", [
    "Budget's fine, don't worry about budget, he said.",
    "No worries on timing, they can wait.",
    "She said not to worry, it's a formality.",
])
def test_issue18q_dont_worry_is_no_need(note):
    said(note, "need", None)


@pytest.mark.parametrize("note, need", [
    ("Lea says whatever we do has to sync with Blackbaud, or it's a non-starter.", "Blackbaud"),
    ("Whatever they buy needs to plug into their Epic instance.", "Epic"),
    ("He said whatever we build must work offline on the shop floor.", "offline"),
])
def test_issue18q_what_any_purchase_must_do_is_the_need(note, need):
    said(note, "need", need)


@pytest.mark.parametrize("note, need", [
    ("Gorgias is out. The ticket backlog is still the reason for all this.", "ticket backlog"),
    ("Double-booked rooms are the whole reason behind the project.", "double-booked"),
    ("Missed renewals were the main reason for this evaluation.", "missed renewals"),
])
def test_issue18q_what_is_the_reason_for_all_this_is_the_need(note, need):
    said(note, "need", need)


@pytest.mark.parametrize("note, need", [
    ("Need: onboarding new franchise owners onto their tools, their team does it all by hand.", "franchise owners"),
    ("They want to bring the Leeds support team on too. Their headache is refund emails piling up.", "refund"),
    ("Felix wants to extend the pilot to their Porto office. Her problem is no-shows, one in six.", "no-shows"),
])
def test_issue18q_the_main_need_over_the_deals_scope(note, need):
    said(note, "need", need)


# -- typed shorthand --------------------------------------------------------------------------------
@pytest.mark.parametrize("note, value", [
    ("birch / ana ruiz. b: 25k hard cap. nxt: demo thu", 25000),
    ("oak dental / sam lee. his b: 9k for the yr.", 9000),
    ("fern labs / omar diaz. b 40k unchanged. close 2/15.", 40000),
])
def test_issue18q_a_budget_typed_with_its_letter(note, value):
    said(note, "budget", value)


@pytest.mark.parametrize("note, vendor", [
    ("fern labs / omar diaz. comp: hubspot vs us, pipedrive dropped.", "Hubspot"),
    ("elm co / jo reyes. comp: zoho desk in the mix.", "Zoho"),
    ("birch / ana ruiz. front quoted them 12k, she's still talking to them.", "Front"),
])
def test_issue18q_a_typed_lowercase_vendor(note, vendor):
    said(note, "competitor", vendor)


@pytest.mark.parametrize("note", [
    "fern labs / omar diaz. comp: none. nxt: demo thu",
    "elm co / jo reyes. comp: nobody else.",
    "birch / ana ruiz. she quoted them our list price.",
])
def test_issue18q_a_typed_competitor_label_with_nobody_is_none(note):
    said(note, "competitor", None)


@pytest.mark.parametrize("note, day", [
    ("Their agents spend Monday mornings rebuilding the rota. They want it live by end of January.", "2027-01-31"),
    ("Ops lose Friday afternoons to manual exports; they'd like it done by the 15th of December.", "2026-12-15"),
    ("Sunday nights go to reconciling orders. Decision by end of Q1.", "2027-03-31"),
])
def test_issue18q_a_weekday_said_as_a_habit_is_no_timeline(note, day):
    said(note, "timeline", day)


@pytest.mark.parametrize("note, need", [
    ("onyx / felix hughes. big ask: offline mode, half their sites have no signal.", "offline"),
    ("The biggest ask is a Spanish version of the intake bot.", "Spanish"),
    ("elm co / jo reyes. big ask: one inbox for all three shops.", "inbox"),
])
def test_issue18q_the_big_ask_is_the_need(note, need):
    said(note, "need", need)


# -- a bare figure said as the money they have ------------------------------------------------------
@pytest.mark.parametrize("note, value", [
    ("Budget? 'We've got forty approved.'", 40000),
    ("Her reaction: 'we have 55 budgeted for this.'", 55000),
    ("He balked at our seventy and said they'd budgeted closer to fifty for year one.", 50000),
])
def test_issue18q_a_bare_figure_had_or_budgeted_is_thousands(note, value):
    said(note, "budget", value)


@pytest.mark.parametrize("note, value", [
    ("Price is fine, twenty was always their number.", 20000),
    ("Lena's number is 14 for the year, all in.", 14000),
    ("Omar had said ten, but Ines put it at twelve thousand once support is in.", 12000),
])
def test_issue18q_their_number_and_the_figure_put_at(note, value):
    said(note, "budget", value)


@pytest.mark.parametrize("note, value", [
    ("Their number is six K for the year.", 6000),
    ("She estimated ninety thousand across both sites.", 90000),
    ("They have 40 seats budgeted.", None),
])
def test_issue18q_a_figure_with_its_scale_or_a_count_stays_as_said(note, value):
    said(note, "budget", value)


@pytest.mark.parametrize("note, vendor", [
    ("She said a Gong rep pitched them last week and they're half considering it.", "Gong"),
    ("fern labs / omar diaz. hubspot still in play. close 2/15.", "Hubspot"),
    ("Freshdesk's AI agent is still the main alternative, since their tickets live there.", "Freshdesk"),
])
def test_issue18q_a_vendors_rep_pitched_or_still_in_play(note, vendor):
    said(note, "competitor", vendor)


@pytest.mark.parametrize("note, vendor", [
    ("Intercom's Fin has been priced out and they're keeping that option open.", "Intercom"),
    ("Budget? Six thousand. Lavender? Still looking, their SDR lead likes it.", "Lavender"),
    ("Timing? Q1. Aircall? Still in, they have a final demo next week.", "Aircall"),
])
def test_issue18q_a_vendor_kept_open_or_answered_still_in(note, vendor):
    said(note, "competitor", vendor)


@pytest.mark.parametrize("note", [
    "Gong? No, dropped after the trial.",
    "Aircall? They looked, then passed.",
    "Fivetran? Never heard of it, she said.",
])
def test_issue18q_a_vendor_asked_about_and_not_still_in_is_no_rival(note):
    said(note, "competitor", None)


# -- two people, one first name; the pronoun after a name and its title -----------------------------
@pytest.mark.parametrize("note, who", [
    ("Two Anas on the call, Ana Ruiz and Ana Holt. Ana Ruiz was keen, Ana Holt was cautious, but she's the one who approves it.",
     "Ana Holt"),
    ("Ben Ito seemed bored, Ben Cole was engaged, but he's the one who signs.", "Ben Cole"),
    ("Maya Lind sounded sold, Maya Park stayed quiet, but she's the decision maker.", "Maya Park"),
])
def test_issue18q_the_one_set_against_the_other_before_but_she(note, who):
    said(note, "authority", who)


@pytest.mark.parametrize("note, who", [
    ("Ravi likes us, but Omar, Omar's the owner, he's the one who says yes.", "Omar"),
    ("Lena is the champion, but Jo, Jo is the founder, she decides.", "Jo"),
    ("Sam runs ops, but Kai, Kai's their CEO, he signs everything.", "Kai"),
])
def test_issue18q_a_name_said_with_its_title_before_the_pronoun(note, who):
    said(note, "authority", who)


@pytest.mark.parametrize("note, day", [
    ("Ines decides. March third is still the date.", "2027-03-03"),
    ("The RFP, they moved the award from January 8th to January 22nd.", "2027-01-22"),
    ("fern labs / omar diaz. go-live still EOMar.", "2027-03-31"),
])
def test_issue18q_a_date_still_the_date_moved_or_typed_eo_month(note, day):
    said(note, "timeline", day)


@pytest.mark.parametrize("note", [
    "The date of our last call was March third.",
    "They won an industry award in March, nice small talk.",
    "No date yet, it is still the date they gave last year, which passed.",
])
def test_issue18q_a_date_that_is_not_theirs_to_buy_by_stays_empty(note):
    said(note, "timeline", None)
