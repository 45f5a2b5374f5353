"""Constructions worked on in session 15, three sentences (or more) each in our own words.

Each family is one way a plan used to change a record nobody asked to change (a wrong write)."""

from __future__ import annotations

import pytest

from desktop.planner import PlanContext
from desktop.planner.evaluation import context_target


def _kinds(plan):
    return [a.kind for a in plan.actions]


@pytest.mark.parametrize(("text", "person", "words"), [
    ("Log a call with Priya Natarajan. She confirmed the budget at ninety k but wants the rollout split in two phases.",
     "105", "two phases"),
    ("Log a meeting with Tom Becker. He said the renewal is fine at forty grand and asked about the reporting add-on.",
     "106", "reporting add-on"),
    ("Record a call with Linda Okafor. She mentioned they'd go to fifty k if we include onboarding.", "107", "onboarding"),
])
def test_what_was_said_after_a_logged_call_is_its_text_not_a_change(planner, now, text, person, words):
    plan = planner.plan(text, now=now)
    assert _kinds(plan) == ["log_activity"]
    assert plan.actions[0].target.id == person
    assert words in plan.actions[0].fields["body"]


@pytest.mark.parametrize(("text", "person", "words"), [
    ("Log a call with Theo Ortiz: he's bringing Zoe into the next meeting and wants a security review.", "244", "Zoe"),
    ("Log a meeting with Tom Becker: he wants Rachel on the next call and a case study from logistics.", "106", "Rachel"),
    ("Log a call with Linda Okafor: she said Sarah from procurement will join on Friday.", "107", "Sarah"),
])
def test_people_named_inside_a_logged_calls_words_are_what_was_said(planner, now, text, person, words):
    plan = planner.plan(text, now=now)
    assert _kinds(plan) == ["log_activity"] and not plan.clarifications
    assert plan.actions[0].target.id == person
    assert words in plan.actions[0].fields["body"]


@pytest.mark.parametrize(("text", "in_view", "words"), [
    ("Log a call. He's bringing Zoe into the next meeting and wants references from another fintech.", "contact:244",
     "references"),
    ("Log a meeting. She walked Rachel through the roadmap and wants the SOC report.", "contact:107", "SOC report"),
    ("Log a call. He says Sarah in finance signs anything over twenty k.", "contact:106", "Sarah in finance"),
])
def test_a_bare_logged_call_is_with_the_person_in_view(planner, now, text, in_view, words):
    plan = planner.plan(text, now=now, context=PlanContext(target=context_target(in_view)))
    assert _kinds(plan) == ["log_activity"] and not plan.clarifications
    assert f"contact:{plan.actions[0].target.id}" == in_view
    assert words in plan.actions[0].fields["body"]


@pytest.mark.parametrize(("text", "company", "amount", "stage"), [
    ("Ember Logistics is two deals now: the pilot, plus a new fleet rollout at a hundred and forty k, Lead stage.",
     "Ember Logistics", 140000, "Lead"),
    ("Granite Labs renewed the pilot, and also a new website rebuild at 30k, put it in at qualified.", "Granite Labs",
     30000, "Qualified"),
    ("Northwind is expanding: the renewal as well as a new analytics rollout at 90k in Lead.", "Northwind Traders",
     90000, "Lead"),
])
def test_new_work_said_beside_the_existing_deal_is_a_new_deal(planner, now, text, company, amount, stage):
    plan = planner.plan(text, now=now)
    assert _kinds(plan) == ["create_deal"]
    assert (plan.actions[0].fields["company"], plan.actions[0].fields["amount"], plan.actions[0].fields["stage"]) == (
        company, amount, stage)


@pytest.mark.parametrize(("text", "company", "amount"), [
    ("Quartz Partners' annual renews next October, about twenty k. Create a renewal deal at Negotiation.",
     "Quartz Partners", 20000),
    ("Initech wants a second year, roughly fifty grand. Open a renewal deal for them in Qualified.", "Initech", 50000),
    ("Cedar Group's support contract comes up in spring, around eight k. Create a new deal for it at Lead.",
     "Cedar Group", 8000),
])
def test_a_figure_said_before_a_new_deal_is_the_new_deals(planner, now, text, company, amount):
    plan = planner.plan(text, now=now)
    assert _kinds(plan) == ["create_deal"]
    assert (plan.actions[0].fields["company"], plan.actions[0].fields["amount"]) == (company, amount)


@pytest.mark.parametrize(("text", "flagged", "other", "stage"), [
    ("Ava Vogel says stop calling, she's not the buyer, Dan Hughes is. Mark her do not contact and set Dan Hughes as "
     "an opportunity.", "250", "259", "opportunity"),
    ("Priya Natarajan said she's leaving, Tom Becker takes over. Mark her do not contact and set Tom Becker as a "
     "customer.", "105", "106", "customer"),
    ("Linda Okafor told me she's out, David Kim is the contact now. Flag her as do not contact and set David Kim as "
     "an opportunity.", "107", "114", "opportunity"),
])
def test_her_is_the_person_said_to_be_she_not_the_last_named(planner, now, text, flagged, other, stage):
    plan = planner.plan(text, now=now)
    by_id = {a.target.id: a.fields for a in plan.actions if a.kind == "update_contact"}
    assert by_id[flagged] == {"do_not_contact": True}
    assert by_id[other] == {"lifecycle_stage": stage}


@pytest.mark.parametrize(("text", "people", "owner"), [
    ("Jordan's taking over the Upland Media account, so make Jordan the owner of Dan Hughes and Ava Vogel.",
     {"259", "250"}, "Jordan Blake"),
    ("Sam is picking up Northwind, so give Tom Becker to Sam.", {"106"}, "Sam Whitaker"),
    ("Morgan's inheriting the Globex relationship, so assign Priya Natarajan to Morgan.", {"105"}, "Morgan Reyes"),
])
def test_a_handover_given_as_the_reason_changes_only_what_is_asked(planner_team, now, text, people, owner):
    plan = planner_team.plan(text, now=now)
    assert {a.kind for a in plan.actions} == {"update_contact"}
    assert {a.target.id for a in plan.actions} == people
    assert all(a.fields == {"owner": owner} for a in plan.actions)


@pytest.mark.parametrize(("text", "person", "day"), [
    ("Book the onboarding kickoff with Zoe Price, or wait, is Leo Vogel the admin? Yeah, do Leo, Monday at 9:30.",
     "209", "2026-11-23"),
    ("Set up a demo with Mike Chen, hang on, is David Kim the buyer? Yes, use David, Tuesday at ten.", "114", "2026-11-24"),
    ("Book a call with Tom Becker, actually, is Rachel Adams running marketing? Yep, book Rachel, Friday at 2pm.",
     "115", "2026-11-27"),
])
def test_the_person_picked_after_asking_oneself_replaces_the_first(planner, now, text, person, day):
    plan = planner.plan(text, now=now)
    assert _kinds(plan) == ["book_meeting"]
    assert plan.actions[0].target.id == person
    assert plan.actions[0].fields["due_date"] == day


@pytest.mark.parametrize(("text", "person", "words"), [
    ("Send the renewal deck to Rachel Adams.", "115", "renewal deck"),
    ("Move Acme to negotiation and send the redlined MSA over to David Kim.", "114", "redlined MSA"),
    ("Please send Tom Becker our logistics case study.", "106", "case study"),
])
def test_something_sent_to_a_person_is_an_email_drafted(planner, now, text, person, words):
    plan = planner.plan(text, now=now)
    (email,) = [a for a in plan.actions if a.kind == "draft_email"]
    assert email.target.id == person
    assert words in email.fields["body"]


@pytest.mark.parametrize("text", [
    "Quick call with Theo Ortiz at Granite Labs, he's fine with the 3k tier.",
    "Granite Labs likes the five k a month plan.",
    "Talked to Iris Fischer, Upland Works prefers the 24k package.",
])
def test_a_price_tier_liked_is_not_the_deal_amount(planner, now, text):
    plan = planner.plan(text, now=now)
    assert not any("amount" in a.fields for a in plan.actions)


@pytest.mark.parametrize(("text", "deal", "field", "value"), [
    ("Delta Works signed back in October but the close date says January 1st. Fix it to the 17th of October this year.",
     "5104", "close_date", "2026-10-17"),
    ("Umbrella Health's close date still says March 31st. Change it to January 15th.", "5007", "close_date", "2027-01-15"),
    ("Initech's amount shows 72k, update it to 75k.", "5006", "amount", 75000),
])
def test_what_a_field_shows_now_is_not_the_new_value(planner, now, text, deal, field, value):
    plan = planner.plan(text, now=now)
    (a,) = plan.actions
    assert (a.kind, a.target.id) == ("update_deal", deal)
    assert a.fields == {field: value}


@pytest.mark.parametrize(("text", "amount"), [
    ("Set the Meadow Health amount to ninety k. Sorry, eighty-five.", 85000),
    ("Bump Initech to eighty k. No, make it eighty-five.", 85000),
    ("I think Delta Dynamics is around forty k now, maybe forty two. Let's go with forty two.", 42000),
    ("Vertex is fifty-four k, or maybe fifty. Let's say fifty-two.", 52000),
])
def test_a_figure_said_again_after_a_full_stop_replaces_the_first(planner, now, text, amount):
    plan = planner.plan(text, now=now)
    (a,) = plan.actions
    assert a.fields == {"amount": amount}


@pytest.mark.parametrize(("text", "stage"), [
    ("Moving Initech to proposal sent, amount stays at seventy two k.", "Proposal Sent"),
    ("Push Acme to negotiation but keep the amount at sixty k.", "Negotiation"),
    ("Northwind to closed won, the close date stays the same.", "Closed Won"),
])
def test_a_field_said_to_stay_is_not_changed(planner, now, text, stage):
    plan = planner.plan(text, now=now)
    (a,) = plan.actions
    assert a.fields == {"stage": stage}


@pytest.mark.parametrize(("text", "rival"), [
    ("Blue Harbor Realty: competitor is Follow Up Boss, and they want the deal at twelve grand.", "Follow Up Boss"),
    ("Lost Blue Harbor to Follow Up Boss.", "Follow Up Boss"),
    ("We lost Vertex to Follow Up Hub.", "Follow Up Hub"),
])
def test_a_product_called_follow_up_something_is_a_competitor_not_a_task(planner, now, text, rival):
    plan = planner.plan(text, now=now)
    assert "create_task" not in _kinds(plan)
    assert any(a.fields.get("competitor") == rival for a in plan.actions)


@pytest.mark.parametrize(("text", "deal", "fields"), [
    ("mark upland works as negotiation and put the close date at december 18th", "5116",
     {"stage": "Negotiation", "close_date": "2026-12-18"}),
    ("Mark the Vertex deal as proposal sent.", "5009", {"stage": "Proposal Sent"}),
    ("Make the Initech deal mine and push it to negotiation.", "5006", {"owner": "Alex Rivera", "stage": "Negotiation"}),
    ("Make the Globex account mine.", "5004", {"owner": "Alex Rivera"}),
    ("I'd give Upland Media another shot, reopen their deal as a lead.", "5107", {"stage": "Lead"}),
    ("Tidal Media is back, reopen their deal as a lead.", "5117", {"stage": "Lead"}),
])
def test_stage_and_owner_said_in_other_words(planner_team, now, text, deal, fields):
    plan = planner_team.plan(text, now=now)
    (a,) = plan.actions
    assert (a.kind, a.target.id, a.fields) == ("update_deal", deal, fields)


@pytest.mark.parametrize(("text", "first", "deleted"), [
    ("Lost Delta Solutions, they went with HubSpot because of price. Also remove Omar Walsh, he's gone.", "update_deal", "234"),
    ("Delete the Pinecrest Dental deal. Then move Acme to negotiation.", "delete_record", "5010"),
    ("Move Globex to negotiation. And delete Omar Walsh, he left.", "update_deal", "234"),
])
def test_a_deletion_in_its_own_sentence_beside_other_work(planner, now, text, first, deleted):
    plan = planner.plan(text, now=now)
    assert len(plan.actions) == 2 and plan.actions[0].kind == first
    assert [a.target.id for a in plan.actions if a.kind == "delete_record"] == [deleted]


@pytest.mark.parametrize(("text", "reason"), [
    ("Lost Delta Solutions, they went with HubSpot because of price.", "price"),
    ("We lost Initech, they went with Zendesk because of pricing.", "pricing"),
    ("Mark Vertex lost, they picked Tableau due to the integrations.", "the integrations"),
])
def test_the_lost_reason_is_why_not_whom(planner, now, text, reason):
    plan = planner.plan(text, now=now)
    (a,) = plan.actions
    assert a.fields["lost_reason"] == reason


@pytest.mark.parametrize(("text", "person"), [
    ("Umbrella's moving to qualified. James Whitfield confirmed budget on the call this morning.", "108"),
    ("Priya Natarajan approved the security review on our call today.", "105"),
    ("Tom Becker mentioned a second site on the phone yesterday.", "106"),
])
def test_what_a_person_did_on_a_call_logs_the_call(planner, now, text, person):
    plan = planner.plan(text, now=now)
    (log,) = [a for a in plan.actions if a.kind == "log_activity"]
    assert (log.target.id, log.fields["activity_type"]) == (person, "call")


@pytest.mark.parametrize(("text", "person", "words"), [
    ("Paula Larsen at Cedar Group agreed to be a reference. Make her an evangelist and thank her by email.", "215", "thank"),
    ("Congratulate Tom Becker by email on the promotion.", "106", "promotion"),
    ("Invite Priya Natarajan via email to the webinar.", "105", "webinar"),
])
def test_something_to_say_by_email_is_a_draft(planner, now, text, person, words):
    plan = planner.plan(text, now=now)
    (email,) = [a for a in plan.actions if a.kind == "draft_email"]
    assert email.target.id == person and words in email.fields["body"]


@pytest.mark.parametrize(("text", "task_words"), [
    ("Met with David Kim, the CFO over at Acme. They approved seventy five k, and I need to send him the MSA by Wednesday.",
     "MSA"),
    ("Just got off the phone with Oliver Grant. They want to go to sixty k, and I need to send him the order form by Tuesday.",
     "order form"),
    ("Had lunch with Tom Becker, he liked the roadmap, and I have to email him the deck by Friday.", "deck"),
])
def test_the_users_own_task_is_not_in_the_logged_words(planner, now, text, task_words):
    plan = planner.plan(text, now=now)
    (log,) = [a for a in plan.actions if a.kind == "log_activity"]
    assert task_words not in log.fields["body"]
    assert any(task_words in str(a.fields.get("title", "")) for a in plan.actions if a.kind == "create_task")


@pytest.mark.parametrize(("text", "words"), [
    ("Book a meeting with Linda Okafor on December 2nd at 10:30 for the technical deep dive.", "technical deep dive"),
    ("Book a meeting with Tom Becker on Friday at two for the quarterly roadmap review.", "quarterly roadmap review"),
    ("Book a meeting with Priya Natarajan Monday at nine for the security questionnaire walkthrough.",
     "security questionnaire walkthrough"),
])
def test_a_meetings_purpose_said_last_is_its_title(planner, now, text, words):
    plan = planner.plan(text, now=now)
    (a,) = plan.actions
    assert words in a.fields["title"].lower()


@pytest.mark.parametrize(("text", "day", "time"), [
    ("Log this: she confirmed procurement will sign off on the 8th. And book a follow-up with her that afternoon at three.",
     "2026-12-08", "15:00"),
    ("Priya lands on December 3rd, book lunch with her that day at noon.", "2026-12-03", "12:00"),
    ("Their board meets on Thursday. Book a prep call with Tom Becker that morning at nine.", "2026-11-26", "09:00"),
])
def test_that_afternoon_is_the_day_said_before(planner, now, text, day, time):
    plan = planner.plan(text, now=now, context=PlanContext(target=context_target("contact:105")))
    (meeting,) = [a for a in plan.actions if a.kind == "book_meeting"]
    assert (meeting.fields["due_date"], meeting.fields["time"]) == (day, time)
    assert "update_deal" not in _kinds(plan)


@pytest.mark.parametrize("text", [
    "The demo is on Thursday. Book a prep call with Tom Becker that morning at nine.",
    "Vertex demo went well last month, they want a follow-up with Oliver Grant on Monday.",
    "The Globex demo recording is in the drive, send it to Priya Natarajan.",
])
def test_a_demo_mentioned_in_passing_does_not_move_a_deal_back(planner, now, text):
    plan = planner.plan(text, now=now)
    assert not any(a.kind == "update_deal" and "stage" in a.fields for a in plan.actions)


@pytest.mark.parametrize(("heard", "fixed"), [
    ("Matt with David Kim, the CFO over at Acme.", "Met with David Kim"),
    ("So Matt with Priya Natarajan this morning.", "Met with Priya Natarajan"),
    ("Matt with Tom Becker about the renewal.", "Met with Tom Becker"),
    ("I think Blue Harbor is basically dead. Market lost.", "mark it lost"),
    ("Vertex signed, market won.", "mark it won"),
    ("Onyx is gone, market as dead.", "mark it as dead"),
    ("Change the close date on Meadow Ventures to Fed15.", "to Feb 15"),
    ("Push Initech to Fed 3rd.", "to Feb 3rd"),
    ("Close date Fed28 for Vertex.", "Feb 28"),
    ("Book a meeting with Linda Okafor on December 2nd at 1030.", "at 10:30"),
    ("Schedule a call with Tom Becker Friday at 945.", "at 9:45"),
    ("Demo with Priya Natarajan tomorrow at 230.", "at 2:30"),
    ("Budget's confirmed, and reminded me to send the proposal by Friday.", "remind me to send"),
    ("Good call, so reminded me to chase the PO on Monday.", "remind me to chase"),
    ("She's keen, reminded me to call her next week.", "remind me to call"),
    ("We lost Vertex to snowflake.", "to Snowflake"),
    ("We lost Initech to zendesk, sadly.", "to Zendesk"),
    ("We lost Onyx Health to hubspot.", "to Hubspot"),
])
def test_recogniser_slips_are_undone(heard, fixed):
    from desktop.planner.parsing.asr import undo_asr_slips

    assert fixed in undo_asr_slips(heard)


@pytest.mark.parametrize("heard", [
    "Set the amount at 1200 a month.",
    "We lost Vertex to budget.",
    "Nina reminded me to send the deck.",
])
def test_what_the_recogniser_got_right_is_left_alone(heard):
    from desktop.planner.parsing.asr import undo_asr_slips

    assert undo_asr_slips(heard) == heard


@pytest.mark.parametrize(("text", "deal", "step"), [
    ("Next step on Ember Logistics, get the signed pilot agreement back from Dan Walsh.", "5111", "signed pilot agreement"),
    ("Next step on Globex, security review with Priya.", "5004", "Security review"),
    ("next step on the Vertex deal, pricing call with Oliver Grant.", "5009", "Pricing call"),
])
def test_a_next_step_said_after_its_record_and_a_pause(planner, now, text, deal, step):
    plan = planner.plan(text, now=now)
    (a,) = plan.actions
    assert a.target.id == deal and step in a.fields["next_step"]


@pytest.mark.parametrize("text", [
    "Change the Quartz Partners deal by 15k.",
    "Hunt their deal by 15k.",
    "Adjust the Initech amount by twenty grand.",
])
def test_a_change_by_a_figure_in_no_direction_is_asked(planner, now, text):
    plan = planner.plan(text, now=now)
    assert plan.clarifications and "up or down" in plan.clarifications[0]
    assert not any("amount" in a.fields for a in plan.actions)


@pytest.mark.parametrize(("text", "deal"), [
    ("So, the Grant Labs pilot pushed the close date to the 20th of December.", "5100"),
    ("Move the Grant Labs deal to negotiation.", "5100"),
    ("Log a note on the Grant Health deal: legal is reviewing.", "5101"),
])
def test_a_misheard_company_is_not_the_person_with_that_surname(planner, now, text, deal):
    plan = planner.plan(text, now=now)
    (a,) = plan.actions
    assert a.target.id == deal


@pytest.mark.parametrize(("heard", "fixed"), [
    ("Blue Harbor Realty, competitors follow up boss, and they want the deal at 12 grand.", "competitor is Follow Up Boss"),
    ("Globex, competitor samsara, and remind me on the third.", "competitor is Samsara"),
    ("Initech competitor zendesk.", "competitor is Zendesk"),
])
def test_a_rival_said_in_lower_case_after_competitor_keeps_its_capitals(heard, fixed):
    from desktop.planner.parsing.asr import undo_asr_slips

    assert fixed in undo_asr_slips(heard)


@pytest.mark.parametrize(("text", "reason"), [
    ("We lost Umbrella. Timing's wrong, there's no budget until their next fiscal year.", "no budget"),
    ("Mark Kestrel Partners as lost, they picked Freshdesk. Reason is no integration with their ERP.", "ERP"),
    ("We lost Pinecrest Dental. They decided to stay with paper forms for now.", "paper forms"),
])
def test_the_sentence_after_a_loss_says_why(planner, now, text, reason):
    plan = planner.plan(text, now=now)
    (a,) = plan.actions
    assert a.fields["stage"] == "Closed Lost" and reason in a.fields["lost_reason"]


@pytest.mark.parametrize("text", [
    "We lost Vertex. Tom Becker called about Northwind.",
    "We lost Vertex. Move Acme to negotiation.",
    "We lost Vertex. How much is left in the pipeline?",
])
def test_a_sentence_after_a_loss_that_says_something_else_is_no_reason(planner, now, text):
    plan = planner.plan(text, now=now)
    assert not any(a.fields.get("lost_reason") for a in plan.actions)


@pytest.mark.parametrize(("text", "person"), [
    ("Flag James Whitfield as do not contact. His assistant says he's retiring and asked us to stop reaching out.", "108"),
    ("Mark Linda Okafor do not contact, her colleague told me she's on leave for a year.", "107"),
    ("Set Tom Becker to do not contact. His assistant said he wants no more calls.", "106"),
])
def test_whom_we_heard_it_from_is_not_asked_about(planner, now, text, person):
    plan = planner.plan(text, now=now)
    assert not plan.clarifications
    (a,) = plan.actions
    assert (a.target.id, a.fields) == (person, {"do_not_contact": True})


@pytest.mark.parametrize(("text", "deal", "fields"), [
    ("Update the Blue Harbor close date, it's December 18th now, not the 20th.", "5008", {"close_date": "2026-12-18"}),
    ("Fix the Initech amount, it's 75k now.", "5006", {"amount": 75000}),
    ("Change the Vertex close date, it's the end of January.", "5009", {"close_date": "2027-01-31"}),
    ("Lost reason on Tidal Media should say budget frozen after the reorg, can you fix that?", "5117",
     {"lost_reason": "budget frozen after the reorg"}),
    ("The next step on Vertex should be a pricing call with Oliver.", "5009", {"next_step": "A pricing call with Oliver"}),
    ("Competitor for Initech should say Zendesk.", "5006", {"competitor": "Zendesk"}),
    ("Set the next step on Cedar Group to send revised pricing.", "5118", {"next_step": "Send revised pricing"}),
    ("Change the next step on Cedar Group to, quote, send revised pricing.", "5118", {"next_step": "Send revised pricing"}),
    ("Update the next step on Globex to chase the security questionnaire.", "5004",
     {"next_step": "Chase the security questionnaire"}),
])
def test_a_field_value_said_after_the_field(planner, now, text, deal, fields):
    plan = planner.plan(text, now=now)
    (a,) = plan.actions
    assert (a.kind, a.target.id, a.fields) == ("update_deal", deal, fields)


@pytest.mark.parametrize(("text", "deal"), [
    ("On Harbor Health, set the next step to a kickoff call with Carla Carter, and I'm taking the deal over from Sam.", "5106"),
    ("I'll take over Globex from Morgan.", "5004"),
    ("Vertex is slipping, I'm taking it over.", "5009"),
])
def test_taking_a_deal_over_gives_it_to_the_user(planner_team, now, text, deal):
    plan = planner_team.plan(text, now=now)
    (a,) = plan.actions
    assert (a.target.id, a.fields["owner"]) == (deal, "Alex Rivera")


@pytest.mark.parametrize("text", [
    "Add a next step on Umbrella: James wants a clinical workflow review with their nursing leads.",
    "Next step on Acme to",
    "Set the next step for Initech:",
])
def test_a_next_step_cut_off_before_its_value_is_asked_not_written(planner, now, text):
    plan = planner.plan(text, now=now)
    assert not any(str(a.fields.get("next_step", "")).lower().startswith(("on ", "for ")) for a in plan.actions)


@pytest.mark.parametrize(("heard", "fixed"), [
    ("Harbor Health signed for 12K, Market One, and give the deal to Morgan.", "mark it won"),
    ("Vertex came through, market one.", "mark it won"),
    ("Mark Poller has do not contact.", "Mark Poller as do not contact"),
    ("Mark her has a customer now.", "Mark her as a customer"),
    ("Schedule a QBR with him on December 9th at 10 a.m., an other note that renewal risk is low.",
     "and add a note that renewal risk is low"),
    ("Book a demo with Maya next Friday at 3pm, another task to prep the deck.", "and add a task to prep the deck"),
    ("Open a deal for them. Brand refresh 30,000 stage laid.", "stage lead"),
    ("Move Initech back to laid.", "to lead"),
    ("Put the closed date at December 18th.", "close date"),
    ("Sign Tom Becker, and Rachel Adams to Morgan.", "Assign Tom Becker and Rachel Adams to Morgan"),
    ("Sign Priya Natarajan to Sam.", "Assign Priya Natarajan to Sam"),
    ("Set the next step to send revised terms and harm the deal to Sam.", "hand the deal to Sam"),
    ("Change is titled to CEO and log that he signed off.", "change his title to CEO"),
    ("Change his title to VP Sales.", "change his title to VP Sales"),
    ("Call him no answer. Try again tomorrow morning.", "Called him, no answer"),
    ("Call Tom Becker no answer.", "Called Tom Becker, no answer"),
    ("Competitor on Meadow Health is epic and they're leaning that way.", "is Epic"),
    ("Competitor for Initech is zendesk.", "is Zendesk"),
    ("Next step on Ember Logistics. Get the signed pilot agreement back.", "Ember Logistics: Get"),
    ("Add a new company. Brightline Robotics, brightline.example, based in Pittsburgh.", "new company: Brightline"),
    ("Delete, Kestrel Works, we never worked with them.", "Delete Kestrel Works"),
])
def test_more_recogniser_slips_are_undone(heard, fixed):
    from desktop.planner.parsing.asr import undo_asr_slips

    assert fixed in undo_asr_slips(heard)


@pytest.mark.parametrize(("heard", "person", "words"), [
    ("Draft a quick email to Jonas Weber. Proposal attached. Happy to walk through it on Monday.", "112", "walk through it"),
    ("Draft a follow up to Priya Natarajan. Thanks for the call, here's the pricing link.", "105", "pricing link"),
    ("Send a quick email to Tom Becker. Great seeing you today. A renewal chat in January works for us.", "106",
     "renewal chat in January"),
])
def test_an_emails_words_after_a_stop_the_recogniser_put_are_its_body(planner, now, heard, person, words):
    plan = planner.plan(heard, now=now)
    (a,) = plan.actions
    assert (a.kind, a.target.id) == ("draft_email", person) and words in a.fields["body"]


@pytest.mark.parametrize(("text", "in_view", "address"), [
    ("His email is useoff at quartzpartners.example.", "contact:252", "yusuf@quartzpartners.example"),
    ("Her new email is carla@redwoodsolutions.example.", "contact:233", "kara@redwoodsolutions.example"),
    ("Update his email to oliver@vertexanalytics.example.", "contact:110", "oliver@vertexanalytics.example"),
])
def test_an_address_whose_user_sounds_like_the_contacts_name_is_spelt_as_the_name(planner, now, text, in_view, address):
    plan = planner.plan(text, now=now, context=PlanContext(target=context_target(in_view)))
    (a,) = plan.actions
    assert a.fields["email"] == address


@pytest.mark.parametrize(("text", "kept"), [
    ("Change Tom Becker's email to tbecker@northwind.example.", "tbecker@northwind.example"),
    ("Tom Becker's new email is thomas@northwind.example.", "thomas@northwind.example"),
    ("Priya Natarajan's email is now procurement@globex.example.", "procurement@globex.example"),
])
def test_an_address_unlike_the_name_is_kept_as_said(planner, now, text, kept):
    (a,) = planner.plan(text, now=now).actions
    assert a.fields["email"] == kept


@pytest.mark.parametrize("text", [
    "Set up a call with caller OTs at Tidal Media for the first at 11 AM.",
    "Book a demo with Marla Quent at Initech on Friday at two.",
    "Schedule a meeting with Jorn Bleeker from Globex next Tuesday.",
])
def test_a_meeting_with_someone_unheard_at_a_company_is_asked_not_put_on_the_deal(planner, now, text):
    plan = planner.plan(text, now=now)
    assert not any(a.kind == "book_meeting" for a in plan.actions)
    assert plan.clarifications


@pytest.mark.parametrize(("text", "deals"), [
    ("Anything closing in the next two weeks?", {"5009", "5106", "5110"}),
    ("Which deals close within 14 days?", {"5009", "5106", "5110"}),
    ("What's closing over the next 12 days?", {"5009", "5106", "5110"}),
])
def test_deals_closing_in_the_next_n_days(planner, now, text, deals):
    (a,) = planner.plan(text, now=now).actions
    assert a.kind == "answer" and {r.split(":")[1] for r in a.fields["records"]} == deals


@pytest.mark.parametrize(("text", "value"), [
    ("How much have we closed won this calendar year?", 24000),
    ("How many deals did we win in the last 60 days?", 2),
    ("What did we close in the past two months?", None),
])
def test_won_in_a_period_said_other_ways(planner, now, text, value):
    (a,) = planner.plan(text, now=now).actions
    assert a.kind == "answer"
    if value is not None:
        assert a.fields["value"] == value
    else:
        assert {r.split(":")[1] for r in a.fields["records"]} == {"5012", "5114"}


@pytest.mark.parametrize("text", [
    "List the open deals where the last activity was more than two weeks ago.",
    "Which open deals had their last touch over two weeks ago?",
    "Show deals whose last contact is older than 14 days.",
])
def test_stale_deals_said_by_their_last_activity(planner, now, text):
    (a,) = planner.plan(text, now=now).actions
    assert a.kind == "answer" and "untouched for 14 days" in a.fields["text"]


@pytest.mark.parametrize(("text", "value"), [
    ("How many meetings did we have with Acme this month?", 2),
    ("How many activities have we logged with Northwind this month?", 3),
    ("How many emails did we send Northwind last month?", 0),
])
def test_activities_with_a_company_in_a_period_are_that_companys(planner, now, text, value):
    (a,) = planner.plan(text, now=now).actions
    assert a.kind == "answer" and a.fields["value"] == value


@pytest.mark.parametrize(("text", "value"), [
    ("what's stuck in proposal sent, dollar-wise?", 353000),
    ("Negotiation, in dollars?", 173000),
    ("What's sitting in qualified, money-wise?", 168800),
])
def test_a_stage_asked_about_in_dollars_is_its_total(planner, now, text, value):
    (a,) = planner.plan(text, now=now).actions
    assert a.kind == "answer" and a.fields["value"] == value


@pytest.mark.parametrize(("text", "person"), [
    ("Left James Whitfield a voicemail, second try this week.", "108"),
    ("Left Priya Natarajan a voicemail about the renewal.", "105"),
    ("Just left Tom Becker a vm.", "106"),
])
def test_a_voicemail_left_is_a_call_logged(planner, now, text, person):
    (a,) = planner.plan(text, now=now).actions
    assert (a.kind, a.target.id, a.fields["activity_type"]) == ("log_activity", person, "call")


@pytest.mark.parametrize(("text", "person", "words"), [
    ("Theo Walsh, Harbor Health's CEO, flagged that the last invoice was wrong. Log a note on Theo and put a task on the "
     "Harbor Health deal to reissue the invoice by Wednesday.", "268", "invoice was wrong"),
    ("Jonas Weber said the Hamburg depot is confirmed. Log a note on Jonas and move Orbital to negotiation.", "112",
     "Hamburg depot"),
    ("Tom Becker mentioned their board meets in March. Log a note on Tom Becker.", "106", "board meets in March"),
])
def test_a_note_asked_on_a_person_after_a_report_holds_the_report(planner, now, text, person, words):
    plan = planner.plan(text, now=now)
    (log,) = [a for a in plan.actions if a.kind == "log_activity"]
    assert log.target.id == person and words in log.fields["body"]


@pytest.mark.parametrize(("text", "title"), [
    ("Schedule an onboarding kickoff with Kara Quist for December 8th at 9 in the morning.", "Onboarding kickoff"),
    ("Book a renewal review session with Tom Becker on Friday at two.", "review session"),
    ("Set up a pricing call with Priya Natarajan Monday at ten.", "Pricing call"),
])
def test_a_meetings_kind_said_with_two_nouns_keeps_both(planner, now, text, title):
    (a,) = planner.plan(text, now=now).actions
    assert title.lower() in a.fields["title"].lower()


@pytest.mark.parametrize(("text", "person", "fields"), [
    ("Elena Garcia is properly qualified now, make her a sales qualified lead, and move Blue Harbor to qualified too. Oh wait, "
     "it's already there. Just her then.", "109", {"lifecycle_stage": "salesqualifiedlead"}),
    ("Mark Tom Becker as a customer, and move Northwind to negotiation too. Hang on, it's already there. Just him then.", "106",
     {"lifecycle_stage": "customer"}),
    ("Set Priya Natarajan as an opportunity, and put Globex in proposal sent. Oh wait, they're already in it. Never mind.",
     "105", {"lifecycle_stage": "opportunity"}),
])
def test_a_second_command_taken_back_because_it_is_done_leaves_the_first(planner, now, text, person, fields):
    plan = planner.plan(text, now=now)
    (a,) = plan.actions
    assert (a.target.id, a.fields) == (person, fields)


@pytest.mark.parametrize(("text", "person", "field", "value"), [
    ("Log the call and flip her lifecycle to opportunity.", "200", "lifecycle_stage", "opportunity"),
    ("Switch his owner to Sam.", "106", "owner", "Sam Whitaker"),
    ("Flip Gina Moreau's lifecycle to customer.", "200", "lifecycle_stage", "customer"),
])
def test_a_field_flipped_or_switched_is_set(planner_team, now, text, person, field, value):
    in_view = "contact:200" if "her" in text.split() else "contact:106"
    plan = planner_team.plan(text, now=now, context=PlanContext(target=context_target(in_view)))
    (a,) = [a for a in plan.actions if a.kind == "update_contact"]
    assert (a.target.id, a.fields[field]) == (person, value)


@pytest.mark.parametrize(("text", "deal", "owner"), [
    ("Oh, and Morgan is the renewal owner for Northwind going forward.", "5005", "Morgan Reyes"),
    ("Sam is the new owner of the Vertex deal.", "5009", "Sam Whitaker"),
    ("Jordan will be the account owner for Globex from now on.", "5004", "Jordan Blake"),
])
def test_a_teammate_said_to_be_a_deals_owner(planner_team, now, text, deal, owner):
    (a,) = planner_team.plan(text, now=now).actions
    assert (a.kind, a.target.id, a.fields) == ("update_deal", deal, {"owner": owner})


@pytest.mark.parametrize(("text", "words"), [
    ("Ember called it off, their budget's frozen until next fiscal. Mark it lost.", "budget"),
    ("Pinecrest said no, they're staying on paper. Close it out as lost.", "staying on paper"),
    ("Vertex went quiet after the reorg, nobody owns the project now. Mark it lost.", "reorg"),
])
def test_why_said_before_mark_it_lost_is_the_reason(planner, now, text, words):
    plan = planner.plan(text, now=now, context=PlanContext(target=context_target("deal:5111")))
    (a,) = plan.actions
    assert a.fields["stage"] == "Closed Lost" and words in a.fields["lost_reason"]


@pytest.mark.parametrize(("heard", "fixed"), [
    ("Hugo Evans called, they're unhappy with onboarding. Love the call, set the next step.", "log the call"),
    ("Tom Becker wants the deck, love the meeting and remind me Friday.", "log the meeting"),
    ("Log it is a no, and remind me to talk expansion.", "log it as a note"),
    ("Log that is a note please.", "log it as a note"),
    ("Book a demo, and add a test to prep the deck.", "add a task to prep"),
    ("Create a test to call Priya on Monday.", "Create a task to call"),
    ("Umbrella Health is out. Mark their deal loss because of the budget freeze.", "Mark their deal lost"),
    ("Mark the Tidal Media deal loss to Intercom.", "deal lost to Intercom"),
    ("Mark it, loss.", "Mark it lost"),
    ("Draft to follow up to Quinn Silva. Thanks for the chat.", "follow-up"),
    ("Set her life cycle to evangelist.", "lifecycle"),
    ("Change Tom's life cycle stage to customer.", "lifecycle stage"),
])
def test_recogniser_slips_heard_on_blind26(heard, fixed):
    from desktop.planner.parsing.asr import undo_asr_slips

    assert fixed in undo_asr_slips(heard)


@pytest.mark.parametrize("said", ["I love the call we had with them.", "Nobody likes a loss.", "We ran a test on the import."])
def test_ordinary_words_near_those_slips_stay(said):
    from desktop.planner.parsing.asr import undo_asr_slips

    assert undo_asr_slips(said) == said


@pytest.mark.parametrize(("text", "moves"), [
    ("Move Acme to proposal, Initech to negotiation, and Vertex to closed won.",
     {"5001": "Proposal Sent", "5006": "Negotiation", "5009": "Closed Won"}),
    ("Acme goes to proposal sent, Initech to negotiation.", {"5001": "Proposal Sent", "5006": "Negotiation"}),
    ("Globex moves to negotiation, and Vertex to closed won.", {"5004": "Negotiation", "5009": "Closed Won"}),
])
def test_several_records_moved_in_one_breath(planner, now, text, moves):
    plan = planner.plan(text, now=now)
    assert {a.target.id: a.fields.get("stage") for a in plan.actions} == moves


@pytest.mark.parametrize(("text", "changes"), [
    ("Globex is at 190k now and Vertex slipped to January.", {"5004": {"amount": 190000}, "5009": {"close_date": "2027-01-31"}}),
    ("Initech is at 80k now and Acme slipped to March.", {"5006": {"amount": 80000}, "5001": {"close_date": "2027-03-31"}}),
    ("Northwind renewed at 40k and Pinecrest slipped to February.",
     {"5005": {"amount": 40000}, "5010": {"close_date": "2027-02-28"}}),
])
def test_a_second_record_with_its_own_news_after_and(planner, now, text, changes):
    plan = planner.plan(text, now=now)
    got = {a.target.id: {k: v for k, v in a.fields.items() if k in ("amount", "close_date")} for a in plan.actions}
    assert got == changes


@pytest.mark.parametrize(("text", "kind", "deal"), [
    ("Acme signed. Initech wants a demo on Friday at 2.", "book_meeting", "5006"),
    ("Acme signed and Initech wants a demo Friday.", "book_meeting", "5006"),
    ("Move Acme to negotiation and remind me to chase Initech on Monday.", "create_task", "5006"),
])
def test_a_later_clause_acts_on_the_company_it_names(planner, now, text, kind, deal):
    plan = planner.plan(text, now=now)
    (a,) = [a for a in plan.actions if a.kind == kind]
    assert a.target.id == deal


@pytest.mark.parametrize("heard", [
    "Got an email back from use of everyone. He wants to push to next month. Log it.",
    "Lunch with everyone today, log it for both.",
    "Called them all, log it for each of them.",
])
def test_both_or_everyone_with_nobody_named_plans_without_crashing(planner, now, heard):
    plan = planner.plan(heard, now=now)
    assert plan.actions or plan.clarifications or plan.message


@pytest.mark.parametrize(("text", "in_view", "fields"), [
    ("They want the extra seats. Call it forty K all in, and move it to proposal sent.", "deal:5112",
     {"amount": 40000, "stage": "Proposal Sent"}),
    ("Call it fifty grand for the Initech deal.", None, {"amount": 50000}),
    ("Vertex wants a discount, call it 48k.", None, {"amount": 48000}),
])
def test_call_it_before_a_figure_is_the_figure_not_a_call(planner, now, text, in_view, fields):
    plan = planner.plan(text, now=now, context=PlanContext(target=context_target(in_view)))
    assert "book_meeting" not in _kinds(plan)
    (a,) = plan.actions
    assert a.fields == fields


@pytest.mark.parametrize(("text", "deal", "stage"), [
    ("Initech's demo is done, bump them to the next stage.", "5006", "Proposal Sent"),
    ("Move Acme up a stage.", "5001", "Demo Scheduled"),
    ("Push Globex into the next stage.", "5004", "Negotiation"),
])
def test_the_next_stage_is_one_stage_forward(planner, now, text, deal, stage):
    plan = planner.plan(text, now=now)
    (a,) = [a for a in plan.actions if a.kind == "update_deal"]
    assert (a.target.id, a.fields["stage"]) == (deal, stage)


@pytest.mark.parametrize(("text", "first", "last", "title"), [
    ("Add Orbital's new CFO as a contact: Hannah Krause, hannah.krause@orbitalfreight.example.", "Hannah", "Krause", "CFO"),
    ("Add Quartz Partners' new creative director, Sven Olsen, sven at quartzpartners dot example.", "Sven", "Olsen",
     "Creative Director"),
    ("Add Initech's new CTO as a contact: Marta Lind, marta.lind@initech.example.", "Marta", "Lind", "CTO"),
])
def test_a_companys_new_person_is_named_after_the_title(planner, now, text, first, last, title):
    (a,) = planner.plan(text, now=now).actions
    assert (a.kind, a.fields["first_name"], a.fields["last_name"], a.fields["job_title"]) == ("create_contact", first, last, title)


@pytest.mark.parametrize(("text", "person", "kind"), [
    ("Got an email back from Yusuf Evans, he wants to push to next month. Log it.", "252", "email"),
    ("Had a call from Tom Becker, he wants to move the renewal to March. Log it.", "106", "call"),
    ("Received an email from Priya Natarajan, she'd like a 20k discount. Log that.", "105", "email"),
])
def test_a_report_logged_as_said_changes_no_field(planner, now, text, person, kind):
    plan = planner.plan(text, now=now)
    (a,) = plan.actions
    assert (a.kind, a.target.id, a.fields["activity_type"]) == ("log_activity", person, kind)
