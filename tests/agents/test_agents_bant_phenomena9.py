"""BANT+ extraction, one construction at a time, continued from ``test_agents_bant_phenomena8.py``
(issue/18v onwards, callnotes21's invented facts and misses): each case is a short note in words of our own
(not a blind-set sentence) and the field a user would see on the deal."""

from __future__ import annotations

import pytest
from bant_said import said


# -- need --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("note", [
    "Marco wants the yearly plan, and our list price is eighteen thousand.",
    "She'd like the Pro tier at four ninety-nine a month.",
    "Tom wants our Enterprise package instead of the starter one.",
])
def test_issue18v_a_plan_or_tier_of_ours_wanted_is_no_need(note):
    said(note, "need", None)


@pytest.mark.parametrize("note", [
    "I mentioned our legal team wants the signed order form by the 20th for our year-end, not their concern.",
    "Told him my manager wants this closed before our quarter ends.",
    "I said our deal desk needs everything in by Friday to book it this quarter.",
])
def test_issue18v_the_sellers_own_team_wanting_something_is_no_need(note):
    said(note, "need", None)


@pytest.mark.parametrize("note,need", [
    ("They want a plan for onboarding their new drivers.", "onboarding"),
    ("She wants the annual plan because the reps keep losing leads over the weekend.", "losing leads"),
])
def test_issue18v_a_need_beside_a_plan_still_counts(note, need):
    said(note, "need", need)


# -- budget ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("note", [
    "Priya says they had 15k earmarked for this in the spring, but all software spend is frozen until the merger closes.",
    "They've got forty grand for it, but the budget was put on hold last week.",
    "Omar had 8k set aside, but new purchasing is now paused for the rest of the year.",
])
def test_issue18v_money_said_with_spending_frozen_is_no_budget(note):
    said(note, "budget", None)


@pytest.mark.parametrize("note", [
    "Their whole CX programme budget is 400k and the chatbot would be one piece of it, no idea how much.",
    "The IT budget for next year is two million and we'd be a small part of it.",
    "Their marketing budget is 90k; she couldn't say how much of that goes to tooling.",
])
def test_issue18v_a_bigger_pot_with_this_purchases_share_unsaid_is_no_budget(note):
    said(note, "budget", None)


@pytest.mark.parametrize("note,value", [
    ("They had 50k in the spring, but it got cut to 35k after the reorg.", 35000),
    ("Sam had twenty grand set aside, which finance trimmed to fifteen grand.", 15000),
    ("Their line was 12k in Q2 and has now been reduced to 9k.", 9000),
])
def test_issue18v_money_cut_to_a_figure_is_the_budget(note, value):
    said(note, "budget", value)


# -- timeline ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("note", [
    "They had 30k in Q2 but most of it went on a CRM migration.",
    "Maya spent about eight grand on a chatbot in Q3 and hated it.",
    "They paid 4k for a pilot with another vendor in the second quarter.",
])
def test_issue18v_money_had_or_spent_in_a_quarter_is_no_timeline(note):
    said(note, "timeline", None)


@pytest.mark.parametrize("note,day", [
    ("Budget is 30k and they want to go live in Q2.", "2027-06-30"),
    ("They had 20k approved last week and want to sign in Q1.", "2027-03-31"),
])
def test_issue18v_a_quarter_they_want_to_buy_in_stays_the_timeline(note, day):
    said(note, "timeline", day)


@pytest.mark.parametrize("note,value", [
    ("I told him Basic is 149/mo and Pro is 449/mo; he said they have 3,600 budgeted for the year.", 3600),
    ("Existing customer (Standard at 199/mo). Budget for the add-on: 5k for the year.", 5000),
    ("She wants Enterprise but Enterprise is 2,499/mo; realistically they have 12,000 a year for this.", 12000),
])
def test_issue18v_a_named_plans_price_per_month_is_ours_not_the_budget(note, value):
    said(note, "budget", value)


@pytest.mark.parametrize("note,value", [
    ("Their renewal budget this year is 40k, down from 48k last year.", 40000),
    ("Budget's 18k, up from 15k last yr.", 18000),
    ("Ops budget for this is 20k, down from the 25k they had.", 20000),
])
def test_issue18v_the_earlier_figure_said_after_the_budget_is_history(note, value):
    said(note, "budget", value)


# -- authority ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("note,who", [
    ("harbor realty / tom briggs - managing partner, he decides. wants a callback bot.", "briggs"),
    ("northside gym / anna kowal - owner, she signs everything.", "kowal"),
    ("acme / bob smith - cfo, he approves.", "smith"),
])
def test_issue18v_a_typed_name_then_its_title_opening_the_next_part_decides(note, who):
    said(note, "authority", who)


@pytest.mark.parametrize("note,who", [
    ("lakeside vet - sam ortiz. owner dr lund decides, sam just books the calls.", "lund"),
    ("Front desk wants it but owner Dr. Reyes signs.", "Reyes"),
    ("maple clinic: practice owner dr fenn decides on all software.", "fenn"),
])
def test_issue18v_a_title_right_before_a_named_doctor_decides(note, who):
    said(note, "authority", who)


@pytest.mark.parametrize("note,who", [
    ("delta ops: kim park (vp ops) + lee chan (it). lee chan the cfo signs off.", "chan"),
    ("marco bell the coo approves, marco wants a pilot first.", "bell"),
    ("budget 10k. ruth hall the ceo signs off.", "hall"),
])
def test_issue18v_a_typed_name_then_the_title_signs(note, who):
    said(note, "authority", who)


@pytest.mark.parametrize("note,who", [
    ("Finally reached Paula Grant. Eight staff, phones ring off the hook. She's the COO and decides alone.", "Grant"),
    ("Got hold of Victor Hale this morning. Busy quarter for them. He's the owner and signs everything himself.", "Hale"),
    ("Spoke with Dana Ruiz. They lose leads at night. She's the founder and makes the call.", "Ruiz"),
])
def test_issue18v_he_or_she_is_the_title_means_the_person_named_before(note, who):
    said(note, "authority", who)


@pytest.mark.parametrize("note,who", [
    ("Kite Co (customer, Growth at 799/mo): Maya Lind wants more seats. She's the founder, her call.", "Lind"),
    ("On Starter today. Raj Patel runs it and he's the CEO, his call.", "Patel"),
    ("Scale at 1,999/mo was too much; Emma Stone is the owner and decides.", "Stone"),
])
def test_issue18v_a_plan_name_is_no_person(note, who):
    said(note, "authority", who)


# -- competitor --------------------------------------------------------------------------------------
@pytest.mark.parametrize("note,vendor", [
    ("Their budget is 10k, so we're looking at Starter plus setup. They also got a quote from Talkdesk.", "Talkdesk"),
    ("We're considering Enterprise for them; Freshdesk is pitching them too.", "Freshdesk"),
    ("I'm looking at Pro (4,990) for them. No one else in the picture.", None),
])
def test_issue18v_a_plan_we_are_looking_at_is_no_rival(note, vendor):
    said(note, "competitor", vendor)


@pytest.mark.parametrize("note,vendor", [
    ("acme: bob wants call summaries. evaluating gong too. nxt: send deck", "Gong"),
    ("kite co / ana ruiz. trialing otter as well. budget 5k.", "Otter"),
    ("zeta labs: also considering lavender too. nxt: demo", "Lavender"),
])
def test_issue18v_a_lowercase_vendor_evaluated_too_is_a_rival(note, vendor):
    said(note, "competitor", vendor)


@pytest.mark.parametrize("note,vendor", [
    ("They're comparing us against just adding licences in Salesloft.", "Salesloft"),
    ("She's weighing this against simply upgrading to Zendesk Suite.", "Zendesk"),
    ("They're comparing it with renewing more seats on Gong.", "Gong"),
])
def test_issue18v_growing_the_tool_they_have_is_the_rival(note, vendor):
    said(note, "competitor", vendor)


@pytest.mark.parametrize("note,vendor", [
    ("They looked at Samsara's routing add-on, pricey, but it's still on the list.", "Samsara"),
    ("She looked at Calendly last month and it's still in the running.", "Calendly"),
    ("He looked at Toast, and that one is still on the shortlist.", "Toast"),
])
def test_issue18v_a_vendor_looked_at_and_still_on_the_list_is_a_rival(note, vendor):
    said(note, "competitor", vendor)


# -- timeline ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("note,day", [
    ("Summary: budget approved. Target pilot start: February 8.", "2027-02-08"),
    ("kite co / ana ruiz. pilot start jan 18. nxt: send terms", "2027-01-18"),
    ("Rollout start date: March 1st, per Omar.", "2027-03-01"),
])
def test_issue18v_a_pilot_or_rollout_start_date_is_the_timeline(note, day):
    said(note, "timeline", day)


@pytest.mark.parametrize("note", [
    "Next step is a two week trial starting Monday.",
    "The plan: a short trial starting on Tuesday, then we talk.",
    "They'll run a pilot kickoff call Thursday.",
])
def test_issue18v_a_trial_starting_on_a_weekday_is_a_step_not_the_timeline(note):
    said(note, "timeline", None)


@pytest.mark.parametrize("note,day", [
    ("They want it live by February 3, that's the first day of their spring term.", "2027-02-03"),
    ("Signed by March 15th, which is the last day of their fiscal year.", "2027-03-15"),
    ("Go-live by January 18, that's the first week of the new rota.", "2027-01-18"),
])
def test_issue18v_what_the_date_is_said_after_it_keeps_the_date(note, day):
    said(note, "timeline", day)


@pytest.mark.parametrize("note,who", [
    ("Ana and Raj joined. Neither of them signs - Theo Marsh does.", "Marsh"),
    ("Neither Ana nor Raj signs; their CFO does.", "CFO"),
    ("Three people on the call. None of them decides, Petra Holm does.", "Holm"),
])
def test_issue18v_neither_of_them_signs_then_who_does(note, who):
    said(note, "authority", who)


@pytest.mark.parametrize("note,who", [
    ("Maria, the COO, sat in. She's leaving the decision to Sam Ortiz.", "Ortiz"),
    ("Tom leaves the call to their CFO on this one.", "CFO"),
    ("The founder left the final decision up to Nadia Kerr.", "Kerr"),
])
def test_issue18v_leaving_the_decision_to_someone_makes_them_the_decider(note, who):
    said(note, "authority", who)


# -- need (misses) -----------------------------------------------------------------------------------
@pytest.mark.parametrize("note,need", [
    ("Their nurses spend evenings returning patient voicemails.", "voicemails"),
    ("The two admins spend weekends re-keying timesheets.", "timesheets"),
    ("Their planners spend nights chasing carrier confirmations.", "carrier"),
])
def test_issue18v_spending_nights_or_weekends_on_a_chore_is_the_need(note, need):
    said(note, "need", need)


@pytest.mark.parametrize("note,need", [
    ("clinic staff can't answer phones during morning drop-off.", "drop-off"),
    ("The reception team cannot answer calls while checking guests in.", "cannot answer calls"),
    ("Support can't pick up after 6pm, so customers hang up.", "after 6pm"),
])
def test_issue18v_cannot_answer_the_phones_is_the_need(note, need):
    said(note, "need", need)


@pytest.mark.parametrize("note,need", [
    ("New starters wait two weeks for their system logins.", "logins"),
    ("Tenants wait days for a repair slot.", "repair slot"),
    ("Customers waited a week for refunds last quarter.", "refunds"),
])
def test_issue18v_a_wait_of_theirs_is_the_need(note, need):
    said(note, "need", need)


@pytest.mark.parametrize("note,need", [
    ("nordic labs / eva: wants to add 3 seats for new recruiters.", "seats"),
    ("He wants to roll it out to the Porto office next.", "Porto"),
    ("She wants the third clinic live by March 1.", "third clinic"),
])
def test_issue18v_more_of_the_deal_for_a_new_team_or_named_site_is_the_need(note, need):
    said(note, "need", need)


@pytest.mark.parametrize("note,need", [
    ("Mia wants Enterprise for the whole company. The pain is lost leads over the weekend.", "lost leads"),
    ("He'd like Pro, but the real problem is double bookings.", "double bookings"),
])
def test_issue18v_a_plan_by_its_name_gives_way_to_the_pain(note, need):
    said(note, "need", need)


# -- budget (misses) ---------------------------------------------------------------------------------
@pytest.mark.parametrize("note,value", [
    ("Their budget is - wait - he said eighteen thousand for the year.", 18000),
    ("The number is... let me check. Twelve thousand.", 12000),
    ("She said the budget is, hang on, nine grand.", 9000),
])
def test_issue18v_a_budget_cue_cut_off_by_an_aside_takes_the_figure_after_it(note, value):
    said(note, "budget", value)


@pytest.mark.parametrize("note,value", [
    ("Budget was forty grand, then finance told him it's thirty-two thousand.", 32000),
    ("She said the budget is six thousand, then Raj corrected her, five thousand.", 5000),
    ("He had twenty K in mind, then their CFO said it's fifteen K, so fifteen.", 15000),
])
def test_issue18v_a_figure_someone_else_then_put_right_is_the_budget(note, value):
    said(note, "budget", value)


# -- next step ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("note,step", [
    ("Action items from the Monday sync (auto-generated): 1) Lena to send the signed order form.", "order form"),
    ("Action items for next week: a) send Tom the revised quote.", "revised quote"),
    ("Action items: 1) Priya to book the security review.", "security review"),
])
def test_issue18v_an_action_items_label_with_its_source_and_numbering_is_the_step(note, step):
    said(note, "next_step", step)


@pytest.mark.parametrize("note,need", [
    ("They want to add the other office, the Leeds office, to the plan.", "Leeds office"),
    ("She needs the night shift, the weekend night shift, covered.", "weekend night shift"),
    ("He wants to bring in the second crew, the roofing crew, next month.", "roofing crew"),
])
def test_issue18v_the_same_thing_named_again_more_exactly_stays_in_the_need(note, need):
    said(note, "need", need)


@pytest.mark.parametrize("note,need", [
    ("acme/raj: 40k approved for invoice automation. cfo signs.", "invoice automation"),
    ("They have 15k earmarked for patient intake this year.", "intake"),
    ("Budget: 9k set aside for shift scheduling.", "shift scheduling"),
])
def test_issue18v_the_capability_their_money_is_approved_for_is_the_need(note, need):
    said(note, "need", need)


@pytest.mark.parametrize("note", [
    "They have 40k approved for the project.",
    "Budget of 30k earmarked for Q1.",
    "She has 12k set aside for this.",
])
def test_issue18v_money_set_aside_for_a_project_or_period_is_no_need(note):
    said(note, "need", None)


@pytest.mark.parametrize("note", [
    "He wants the Growth plan for 7,990 a year.",
    "She'd take Pro for 499 a month.",
    "They asked about Enterprise for 24k a year.",
])
def test_issue18v_a_named_plan_for_its_price_is_no_budget(note):
    said(note, "budget", None)
