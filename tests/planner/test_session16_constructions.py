"""Constructions worked on in session 16, three sentences (or more) each in our own words.

Each family is one way a plan used to change a record nobody asked to change (a wrong write), or to miss what
was asked."""

from __future__ import annotations

import pytest

from desktop.planner import PlanContext
from desktop.planner.evaluation import context_target


def _kinds(plan):
    return [a.kind for a in plan.actions]


@pytest.mark.parametrize(("text", "deal", "stage"), [
    ("Move the stage to negotiation on Ember.", "5111", "Negotiation"),
    ("For Globex, move the stage to demo scheduled.", "5004", "Demo Scheduled"),
    ("Push their stage into proposal sent, Initech I mean.", "5006", "Proposal Sent"),
])
def test_moving_the_stage_to_a_named_stage_is_that_stage_not_one_step(planner, now, text, deal, stage):
    plan = planner.plan(text, now=now)
    assert _kinds(plan) == ["update_deal"]
    assert plan.actions[0].target.id == deal
    assert plan.actions[0].fields["stage"] == stage


@pytest.mark.parametrize(("text", "deal", "stage"), [
    ("Bump the stage on Globex.", "5004", "Negotiation"),
    ("Advance the stage for Initech.", "5006", "Proposal Sent"),
])
def test_moving_the_stage_with_no_stage_named_is_one_step(planner, now, text, deal, stage):
    plan = planner.plan(text, now=now)
    assert plan.actions[0].target.id == deal and plan.actions[0].fields["stage"] == stage


@pytest.mark.parametrize("text", [
    "Globex might slip to January.",
    "Initech may move to negotiation next week, we'll see.",
    "Vertex could slide into February, nothing firm.",
])
def test_what_might_happen_to_a_deal_changes_nothing(planner, now, text):
    plan = planner.plan(text, now=now)
    assert not [a for a in plan.actions if a.kind == "update_deal"]


@pytest.mark.parametrize(("text", "deal", "words"), [
    ("Vertex might slip into next year, not sure yet. Just leave a note on the deal for now.", "5009", "slip into next year"),
    ("Globex wants to pause until March. Put a note on the deal for now, nothing else.", "5004", "pause until March"),
    ("Acme's champion is going on leave in December. Just note it for now.", "5001", "going on leave"),
])
def test_a_note_asked_for_with_no_words_of_its_own_carries_what_was_said_before(planner, now, text, deal, words):
    plan = planner.plan(text, now=now)
    assert _kinds(plan) == ["log_activity"]
    assert plan.actions[0].target.id == deal
    assert words in plan.actions[0].fields["body"]
    assert "note" not in plan.actions[0].fields["body"].lower()


@pytest.mark.parametrize(("text", "deal", "amount"), [
    ("Cedar might go up to fifty-five, I think that's realistic, update the amount.", "5118", 55000),
    ("Globex came down to eighty, change the amount.", "5004", 80000),
    ("Acme went up to seventy, update the amount please.", "5001", 70000),
])
def test_a_bare_figure_the_deal_goes_to_is_in_the_deals_thousands(planner, now, text, deal, amount):
    plan = planner.plan(text, now=now)
    assert _kinds(plan) == ["update_deal"]
    assert plan.actions[0].target.id == deal and plan.actions[0].fields["amount"] == amount


@pytest.mark.parametrize(("text", "in_view", "person"), [
    ("Dan Moreau at Tidal went cold. Set him back to lead.", None, "266"),
    ("Set Priya back to lead, the project is shelved.", None, "105"),
    ("Set him back to lead, he stopped answering.", "contact:106", "106"),
    ("Linda Okafor has gone quiet, put her back to lead.", None, "107"),
])
def test_a_person_set_back_to_lead_is_their_lifecycle_not_a_deals_stage(planner, now, text, in_view, person):
    plan = planner.plan(text, now=now, context=PlanContext(target=context_target(in_view)))
    assert _kinds(plan) == ["update_contact"]
    assert plan.actions[0].target.id == person and plan.actions[0].fields["lifecycle_stage"] == "lead"


@pytest.mark.parametrize(("text", "people", "words"), [
    ("Paula Larsen and Zoe Vogel at Cedar both want the case study. Draft each of them an email with the Meadow Health "
     "case study.", ["215", "261"], "case study"),
    ("Tom Becker and Linda Okafor asked for the deck. Draft them each an email with the deck.", ["106", "107"], "deck"),
    ("Priya Natarajan and Tom Becker want the pricing. Email them both the pricing sheet.", ["105", "106"], "pricing sheet"),
])
def test_an_email_to_each_of_them_is_one_draft_per_person_named(planner, now, text, people, words):
    plan = planner.plan(text, now=now)
    assert _kinds(plan) == ["draft_email", "draft_email"]
    assert [a.target.id for a in plan.actions] == people
    assert all(a.target.type == "contact" and words in a.fields["body"] for a in plan.actions)


@pytest.mark.parametrize(("text", "logged"), [
    ("Log two calls from this morning. Raj Zimmer wants a copy of last month's invoice, and Sofia Evans at Redwood Labs "
     "is thinking about upgrading.", [("210", "call", "invoice"), ("254", "call", "upgrading")]),
    ("Log a call with Raj Zimmer: he wants the invoice. Then log a meeting with Sofia Evans: she's thinking about "
     "upgrading.", [("210", "call", "invoice"), ("254", "meeting", "upgrading")]),
    ("Log a meeting with Linda Okafor, she loved the demo, and then log a call with Tom Becker, he wants a discount.",
     [("107", "meeting", "demo"), ("106", "call", "discount")]),
    ("Record two meetings from yesterday: Tom Becker signed off on the rollout plan and Priya Natarajan wants the SOC "
     "report.", [("106", "meeting", "rollout plan"), ("105", "meeting", "SOC report")]),
])
def test_several_activities_logged_in_one_breath_are_one_per_person(planner, now, text, logged):
    plan = planner.plan(text, now=now)
    assert _kinds(plan) == ["log_activity"] * len(logged)
    for action, (person, kind, words) in zip(plan.actions, logged):
        assert action.target.id == person and action.fields["activity_type"] == kind
        assert words in action.fields["body"]
        assert not any(w in action.fields["body"] for _, _, w in logged if w != words)


@pytest.mark.parametrize("text", [
    "Book a call with the new guy at Willow.",
    "Email the new girl at Globex the deck.",
    "Set up a meeting with their new hire at Initech on Friday.",
    "Acme has a new CFO, book a call with their new CFO for Monday.",
])
def test_someone_new_the_workspace_cannot_name_is_asked_about(planner, now, text):
    plan = planner.plan(text, now=now)
    assert plan.actions == [] and plan.clarifications


def test_someone_new_said_with_their_name_is_that_person(planner, now):
    plan = planner.plan("Book a call with Tom Becker, their new head of ops.", now=now)
    assert _kinds(plan) == ["book_meeting"] and plan.actions[0].target.id == "106"


@pytest.mark.parametrize(("text", "asked"), [
    ("Iris from Upland wants ten more seats, open an expansion deal for her.", "Which Upland"),
    ("Open a new deal for Upland, 20k.", "Which Upland"),
    ("Open a deal for Hooli at 50k.", "I don't know Hooli"),
])
def test_a_new_deal_for_a_company_not_known_for_sure_waits_for_the_answer(planner, now, text, asked):
    plan = planner.plan(text, now=now)
    assert not [a for a in plan.actions if a.kind == "create_deal"]
    assert [a.kind for a in plan.pending] == ["create_deal"]
    assert plan.clarifications[0].startswith(asked)


@pytest.mark.parametrize(("text", "in_view", "words"), [
    ("He's leaving Upland Media at the end of the month. Note it.", "contact:259", "leaving Upland Media"),
    ("She's moving to a new job at Globex next month, note it.", "contact:105", "new job at Globex"),
    ("He said Acme is happy with the rollout, log it as a call.", "contact:106", "happy with the rollout"),
])
def test_what_he_or_she_did_is_noted_on_the_person_in_view_not_a_company_named(planner, now, text, in_view, words):
    plan = planner.plan(text, now=now, context=PlanContext(target=context_target(in_view)))
    assert _kinds(plan) == ["log_activity"]
    assert f"contact:{plan.actions[0].target.id}" == in_view and words in plan.actions[0].fields["body"]


@pytest.mark.parametrize(("text", "people"), [
    ("Add two contacts at Willow Group, um, Nora Blake, CFO, and Ian Ross, the controller.",
     [("Nora", "Blake", "CFO"), ("Ian", "Ross", "Controller")]),
    ("Add two people at Cedar Group, uh, Mira Holt, treasurer, and Owen Pike, bookkeeper.",
     [("Mira", "Holt", "Treasurer"), ("Owen", "Pike", "Bookkeeper")]),
    ("Add Ian Ross at Willow Group, he's the controller.", [("Ian", "Ross", "Controller")]),
])
def test_people_listed_after_a_pause_keep_their_names_and_titles(planner, now, text, people):
    plan = planner.plan(text, now=now)
    assert _kinds(plan) == ["create_contact"] * len(people)
    got = [(a.fields["first_name"], a.fields["last_name"], a.fields.get("job_title")) for a in plan.actions]
    assert got == people


@pytest.mark.parametrize(("text", "deal", "amount"), [
    ("Set Blue Harbor to twelve k, no, make that fourteen and a half.", "5008", 14500),
    ("Set Blue Harbor to twelve k, no, fourteen and a half.", "5008", 14500),
    ("Put Pinecrest at eight grand, actually make it eight and a half.", "5010", 8500),
    ("Set Acme to two and a half million.", "5001", 2500000),
])
def test_and_a_half_is_part_of_the_corrected_figure(planner, now, text, deal, amount):
    plan = planner.plan(text, now=now)
    assert _kinds(plan) == ["update_deal"]
    assert plan.actions[0].target.id == deal and plan.actions[0].fields["amount"] == amount


@pytest.mark.parametrize(("text", "deal", "rival"), [
    ("Mark the Pinecrest deal as dead, they went with a cheaper booking tool, I think it was Zocdoc.", "5010", "Zocdoc"),
    ("Globex went with another vendor, pretty sure it was Samsara, mark it lost.", "5004", "Samsara"),
    ("Mark Initech lost, they went with a cheaper tool, probably Zendesk.", "5006", "Zendesk"),
])
def test_a_hedged_rival_is_the_name_not_the_hedge(planner, now, text, deal, rival):
    plan = planner.plan(text, now=now)
    assert _kinds(plan) == ["update_deal"]
    fields = plan.actions[0].fields
    assert plan.actions[0].target.id == deal and fields["stage"] == "Closed Lost" and fields["competitor"] == rival
    assert fields.get("lost_reason", "").lower() not in ("globex", "initech", "pinecrest")


@pytest.mark.parametrize(("text", "in_view", "deal", "step"), [
    ("Set the Vertex next step to, uh, schedule the onboarding kickoff with Oliver.", None, "5009",
     "Schedule the onboarding kickoff with Oliver"),
    ("Next step on Acme: send the revised proposal.", None, "5001", "Send the revised proposal"),
    ("Update the next step to delete the old quote and resend.", "deal:5004", "5004", "Delete the old quote and resend"),
    ("Change the next step on Initech to book a demo with Linda.", None, "5006", "Book a demo with Linda"),
])
def test_a_next_steps_words_are_its_text_not_commands(planner, now, text, in_view, deal, step):
    plan = planner.plan(text, now=now, context=PlanContext(target=context_target(in_view)))
    assert _kinds(plan) == ["update_deal"]
    assert plan.actions[0].target.id == deal and plan.actions[0].fields == {"next_step": step}


def test_a_command_after_the_next_step_is_still_read(planner, now):
    plan = planner.plan("Set the next step on Globex to book a demo with Priya, and move it to negotiation.", now=now)
    assert _kinds(plan) == ["update_deal"]
    assert plan.actions[0].fields == {"next_step": "Book a demo with Priya", "stage": "Negotiation"}


@pytest.mark.parametrize(("text", "amount"), [
    ("New deal, Kestrel Works, one point two million, no wait, one twenty k, lead stage.", 120000),
    ("Make the Acme deal two point five million, no, two hundred fifty k.", 250000),
    ("Set Globex to one point five million, sorry, one fifty k.", 150000),
])
def test_a_figure_with_a_point_taken_back_is_replaced_whole(planner, now, text, amount):
    plan = planner.plan(text, now=now)
    assert [a.fields["amount"] for a in plan.actions if "amount" in a.fields] == [amount]


@pytest.mark.parametrize(("text", "in_view", "words"), [
    ("Log a note here, go-live slipped a week because of their SSO setup.", "deal:5104", "slipped a week"),
    ("Add a note on this one, they want to move the kickoff to March.", "deal:5001", "kickoff to March"),
    ("Put a note here, they asked us to delete the old quote.", "deal:5004", "delete the old quote"),
])
def test_a_note_here_then_a_comma_is_the_note_not_a_change(planner, now, text, in_view, words):
    plan = planner.plan(text, now=now, context=PlanContext(target=context_target(in_view)))
    assert _kinds(plan) == ["log_activity"]
    assert f"deal:{plan.actions[0].target.id}" == in_view and words in plan.actions[0].fields["body"]


@pytest.mark.parametrize(("text", "person"), [
    ("Bump Theo Ortiz up to sales qualified lead, he's booked a demo with us.", "244"),
    ("Mark Linda Okafor as SQL, she's booked a meeting for next week.", "107"),
    ("Make Tom Becker an opportunity, he has scheduled a call with our CTO.", "106"),
])
def test_a_meeting_the_customer_booked_is_not_booked_again(planner, now, text, person):
    plan = planner.plan(text, now=now)
    assert _kinds(plan) == ["update_contact"] and plan.actions[0].target.id == person


@pytest.mark.parametrize("text", [
    "Book a call with Elena Garcia at, um, twenty-five o'clock tomorrow.",
    "Set up a meeting with Tom Becker Friday at 30 o'clock.",
    "Schedule a demo with Priya Natarajan Monday at twenty-six o'clock.",
])
def test_an_hour_past_midnight_oclock_is_asked_not_booked(planner, now, text):
    plan = planner.plan(text, now=now)
    assert plan.actions == [] and "isn't a time of day" in plan.clarifications[0]


@pytest.mark.parametrize(("text", "unknown"), [
    ("Add Carlos Mendes at Zenith Dynamics as a contact.", "Zenith Dynamics"),
    ("Add Ana Ruiz from Blue Lagoon Realty as a contact.", "Blue Lagoon Realty"),
    ("New contact Omar Haddad at Pinecrest Orthodontics.", "Pinecrest Orthodontics"),
])
def test_a_company_sharing_one_word_with_ours_is_not_ours(planner, now, text, unknown):
    plan = planner.plan(text, now=now)
    assert not [a for a in plan.actions if a.kind == "create_contact"]
    assert unknown in plan.clarifications[0]


def test_a_company_said_in_part_is_still_ours(planner, now):
    plan = planner.plan("Add Carlos Mendes at Globex as a contact.", now=now)
    assert _kinds(plan) == ["create_contact"] and plan.actions[0].fields["company"] == "Globex Logistics"


@pytest.mark.parametrize(("text", "in_view", "name", "company"), [
    ("She just intro'd me to her cofounder, um, add him, Marcus Liu, he's the CTO.", "contact:113", ("Marcus", "Liu"),
     "Lumen Learning Labs"),
    ("Add her colleague Marcus Liu, he's the CTO.", "contact:113", ("Marcus", "Liu"), "Lumen Learning Labs"),
    ("Add Priya's colleague Marco Visser, he runs procurement.", None, ("Marco", "Visser"), "Globex Logistics"),
    ("Add Tom Becker's boss Hannah Stone, she's the CFO.", None, ("Hannah", "Stone"), "Northwind Traders"),
])
def test_a_person_added_through_a_relation_is_new_and_works_where_they_do(planner, now, text, in_view, name, company):
    plan = planner.plan(text, now=now, context=PlanContext(target=context_target(in_view)))
    assert _kinds(plan) == ["create_contact"]
    fields = plan.actions[0].fields
    assert (fields["first_name"], fields["last_name"]) == name and fields["company"] == company


@pytest.mark.parametrize(("text", "in_view"), [
    ("Okay, on this one, Tom signed the renewal, so yeah, mark it won, and create a task to send the welcome pack Monday.",
     "deal:5005"),
    ("Priya says this is ready, move it to negotiation and add a task to draft the contract by Friday.", "deal:5004"),
    ("Linda liked the pilot, create a task to prepare the order form for Tuesday.", "deal:5006"),
])
def test_a_task_about_the_deal_in_view_stays_on_it_when_a_first_name_is_said_in_passing(planner, now, text, in_view):
    plan = planner.plan(text, now=now, context=PlanContext(target=context_target(in_view)))
    tasks = [a for a in plan.actions if a.kind == "create_task"]
    assert len(tasks) == 1 and f"deal:{tasks[0].target.id}" == in_view and tasks[0].target.type == "deal"


@pytest.mark.parametrize(("text", "in_view", "check"), [
    ("Log a note here, um, go-live slipped a week because of their SSO setup.", "deal:5104",
     lambda p: [a.kind for a in p.actions] == ["log_activity"] and "SSO setup" in p.actions[0].fields["body"]),
    ("We lost the Delta Dynamics deal to HubSpot, um, they wanted everything in one suite.", None,
     lambda p: "one suite" in p.actions[0].fields.get("lost_reason", "")),
    ("Draft him an email, subject contract timing, um, say we can hold the price until December thirteenth.", "contact:223",
     lambda p: p.actions[0].fields["subject"] == "Contract timing" and "hold the price" in p.actions[0].fields["body"]),
    ("Move Globex to negotiation, uh, they signed off on the security review.", None,
     lambda p: p.actions[0].fields["stage"] == "Negotiation" and len(p.actions) == 1),
])
def test_a_filler_at_a_pause_keeps_the_clauses_apart(planner, now, text, in_view, check):
    plan = planner.plan(text, now=now, context=PlanContext(target=context_target(in_view)))
    assert check(plan), plan.actions


@pytest.mark.parametrize(("text", "in_view", "day"), [
    ("Book her for a follow-up demo, um, the third, at one pm.", "contact:107", "2026-12-03"),
    ("Set up a call with Tom Becker, the fifth, at ten.", None, "2026-12-05"),
    ("Schedule the kickoff with Priya Natarajan, the twenty-fourth, at 2 pm.", None, "2026-11-24"),
])
def test_a_day_said_alone_between_pauses_is_the_date(planner, now, text, in_view, day):
    plan = planner.plan(text, now=now, context=PlanContext(target=context_target(in_view)))
    assert _kinds(plan) == ["book_meeting"] and plan.actions[0].fields["due_date"] == day


@pytest.mark.parametrize(("text", "deal", "amount"), [
    ("Log a call with Jonas, um, they want a second site in Bremen, so bump the Orbital deal by, like, thirty k.", "5011",
     126000),
    ("Globex wants a second warehouse, bump the Globex deal by 20k.", "5004", 205000),
    ("Acme wants another team on it, raise the Acme deal by ten k.", "5001", 70000),
])
def test_more_work_added_to_a_deal_named_is_that_deal_not_a_new_one(planner, now, text, deal, amount):
    plan = planner.plan(text, now=now)
    updates = [a for a in plan.actions if a.kind == "update_deal"]
    assert not plan.clarifications and updates[0].target.id == deal and updates[0].fields["amount"] == amount


@pytest.mark.parametrize(("text", "person", "company"), [
    ("Um, Rachel at Northwind is leaving, so mark her do not contact, and the new marketing lead is Jess Park, "
     "jess.park@northwind.example.", ("Jess", "Park"), "Northwind Traders"),
    ("Tom Becker moved on. Their new CFO is Dana Holt, dana.holt@northwind.example.", ("Dana", "Holt"), "Northwind Traders"),
    ("The new head of ops at Globex is Ravi Shah, plus 1 415 555 0199.", ("Ravi", "Shah"), "Globex Logistics"),
])
def test_the_new_person_in_a_role_with_an_address_is_a_new_contact(planner, now, text, person, company):
    plan = planner.plan(text, now=now)
    made = [a for a in plan.actions if a.kind == "create_contact"]
    assert len(made) == 1 and (made[0].fields["first_name"], made[0].fields["last_name"]) == person
    assert made[0].fields["company"] == company


@pytest.mark.parametrize(("text", "person", "words", "meeting"), [
    ("Log a call with Tom Becker, he wants a pricing review, book it for Wednesday at two pm.", "106", "pricing review",
     ("2026-11-25", "14:00")),
    ("Log a call with Priya Natarajan, she wants a demo for her team, book it for Friday at ten.", "105", "demo for her team",
     ("2026-11-27", "10:00")),
    ("Log a meeting with Linda Okafor, she asked for a workshop, schedule it Monday at 3 pm.", "107", "workshop",
     ("2026-11-23", "15:00")),
])
def test_a_logged_call_stays_logged_when_what_was_asked_on_it_is_booked(planner, now, text, person, words, meeting):
    plan = planner.plan(text, now=now)
    assert _kinds(plan) == ["log_activity", "book_meeting"]
    assert plan.actions[0].target.id == person and words in plan.actions[0].fields["body"]
    assert (plan.actions[1].fields["due_date"], plan.actions[1].fields["time"]) == meeting


@pytest.mark.parametrize(("text", "subject", "words"), [
    ("Draft a cold email to Jack Ueda, subject quick question, um, ask who owns ops tooling over there.", "Quick question",
     "ops tooling"),
    ("Email Tom Becker, subject renewal, ask if they can sign by Friday.", "Renewal", "sign by Friday"),
    ("Draft an email to Priya Natarajan, subject pricing, tell her we can do ten percent off.", "Pricing", "ten percent"),
])
def test_a_dictated_subject_ends_where_what_to_say_begins(planner, now, text, subject, words):
    plan = planner.plan(text, now=now)
    assert _kinds(plan) == ["draft_email"]
    assert plan.actions[0].fields["subject"] == subject and words in plan.actions[0].fields["body"]


@pytest.mark.parametrize(("text", "person"), [
    ("Log a QBR with Tom Becker, they're happy but want SSO.", "106"),
    ("Log a business review with Linda Okafor, they renewed the pilot.", "107"),
    ("Log the check-in with Priya Natarajan, she wants the roadmap.", "105"),
])
def test_a_qbr_or_check_in_logged_is_a_meeting(planner, now, text, person):
    plan = planner.plan(text, now=now)
    assert _kinds(plan) == ["log_activity"]
    assert plan.actions[0].target.id == person and plan.actions[0].fields["activity_type"] == "meeting"


@pytest.mark.parametrize(("text", "person", "words"), [
    ("Quartz signed off on the storyboard, log that on Eva. And Gina Moreau at Willow needs the invoice resent, remind me "
     "tomorrow.", "200", "invoice resent"),
    ("Tom Becker wants the SOC report, remind me Friday.", "106", "SOC report"),
    ("Priya Natarajan is waiting on the revised quote, set a reminder for Monday.", "105", "revised quote"),
])
def test_a_bare_reminder_is_about_what_was_just_said_and_whom(planner, now, text, person, words):
    plan = planner.plan(text, now=now)
    tasks = [a for a in plan.actions if a.kind == "create_task"]
    assert len(tasks) == 1 and tasks[0].target.id == person and words in tasks[0].fields["title"]


@pytest.mark.parametrize(("text", "person", "stage"), [
    ("Set Jack Ueda to other and make a note of why.", "255", "other"),
    ("Jack Ueda moved on. Set him to other.", "255", "other"),
    ("Move Tom Becker to subscriber, he only wants the newsletter.", "106", "subscriber"),
])
def test_a_person_set_to_a_lifecycle_no_deal_has_is_their_lifecycle(planner, now, text, person, stage):
    plan = planner.plan(text, now=now)
    updates = [a for a in plan.actions if a.kind == "update_contact"]
    assert updates and updates[0].target.id == person and updates[0].fields["lifecycle_stage"] == stage
    assert not [a for a in plan.actions if a.kind == "update_deal"] and not plan.clarifications


def test_a_note_of_why_carries_the_reason_said_before(planner, now):
    plan = planner.plan("Jack Ueda's out, he moved into a sales ops role with no budget. Set him to other and make a note "
                        "of why.", now=now)
    notes = [a for a in plan.actions if a.kind == "log_activity"]
    assert len(notes) == 1 and "no budget" in notes[0].fields["body"] and notes[0].target.id == "255"


@pytest.mark.parametrize(("heard", "check"), [
    ("New Deal, Kestrel Works, 1.2 Million, No Wait, 120K, Lead Stage.",
     lambda p: [a.fields.get("amount") for a in p.actions] == [120000]),
    ("The Acme deal grew, odd 15k for the extra plant.", lambda p: p.actions[0].fields == {"amount": 75000}),
    ("Book the kick-off with Linda Okafor on December 1st at 10M.",
     lambda p: _kinds(p) == ["book_meeting"] and p.actions[0].fields["time"] == "10:00"),
    ("Ah, Boca Kickoff with Eva Young, December 1st, 1030, No, 11.",
     lambda p: _kinds(p) == ["book_meeting"] and p.actions[0].fields["time"] == "11:00"),
    ("Book a meeting with David Kim Friday at 2, sorry, 2 30 in the afternoon to go over budget.",
     lambda p: _kinds(p) == ["book_meeting"] and p.actions[0].fields["time"] == "14:30"),
    ("Set the Acme Amount to, O-20K.", lambda p: p.actions == [] and "can't read" in p.clarifications[0]),
])
def test_recogniser_slips_heard_in_blind28_speech(planner, now, heard, check):
    plan = planner.plan(heard, now=now)
    assert check(plan), (plan.actions, plan.clarifications)


@pytest.mark.parametrize("text", [
    "Give the Globex deal to Jordan, or Sam, whoever's free.",
    "Give the Globex deal to Jordan, Al, or Sam, whoever's free.",
    "Hand Acme to Morgan, or maybe Jordan.",
])
def test_two_owners_offered_is_a_question(planner_team, now, text):
    plan = planner_team.plan(text, now=now)
    assert plan.actions == [] and plan.clarifications[0].startswith("Who should own it")


@pytest.mark.parametrize("text", [
    "Delete the contact NOAA Edo. He left Harbor Health ages ago.",
    "Delete my Vodula Willow Group, she was entered by mistake.",
    "Remove the contact Jon Snoo, he left Globex.",
])
def test_a_deletion_whose_record_is_not_named_for_sure_is_asked(planner, now, text):
    plan = planner.plan(text, now=now)
    assert not [a for a in plan.actions if a.kind == "delete_record"] and plan.clarifications


@pytest.mark.parametrize(("text", "deleted"), [
    ("Ugh, Quartz Health went out of business, so, um, delete the company from the CRM.", "company:9124"),
    ("Delete Maya Vogel at Willow Group, she was entered by mistake.", "contact:256"),
    ("Delete the Willow Group company, they closed down.", "company:9125"),
])
def test_a_deletion_named_for_sure_is_planned(planner, now, text, deleted):
    plan = planner.plan(text, now=now)
    assert [f"{a.target.type}:{a.target.id}" for a in plan.actions if a.kind == "delete_record"] == [deleted]


@pytest.mark.parametrize("text", [
    "I'll binge and unsubscribe, so do not contact and move Yusuf Evans to Sales Qualified Lead.",
    "Someone unsubscribed, so do not contact, and move Yusuf Evans to sales qualified lead.",
    "Mark do not contact, then book a call with Tom Becker.",
])
def test_do_not_contact_with_nobody_before_it_is_asked_not_put_on_the_next_person(planner, now, text):
    plan = planner.plan(text, now=now)
    assert not [a for a in plan.actions if a.fields.get("do_not_contact")]
    assert plan.clarifications


@pytest.mark.parametrize(("heard", "check"), [
    ("Move the Granite Labs pilot to Proposal Sent, and Uma, set the amount to 4.5K.",
     lambda p: p.actions[0].fields == {"stage": "Proposal Sent", "amount": 4500}),
    ("Book a demo with Priya. Uma, next Thursday at 3.30 in the afternoon.",
     lambda p: (p.actions[0].fields["due_date"], p.actions[0].fields["time"]) == ("2026-11-26", "15:30")),
    ("Next step on Onyx is, Uma, get the security questionnaire back from Wendy Price.",
     lambda p: p.actions[0].fields == {"next_step": "Get the security questionnaire back from Wendy Price"}),
    ("Set Blue Harbor to 12k, no. Make that 14 and a half.", lambda p: p.actions[0].fields == {"amount": 14500}),
])
def test_a_filler_heard_as_uma_or_after_a_full_stop_is_a_pause(planner, now, heard, check):
    plan = planner.plan(heard, now=now)
    assert plan.actions and check(plan), (plan.actions, plan.clarifications)


def test_a_filler_before_a_command_still_starts_a_new_sentence(planner, now):
    plan = planner.plan("Kickoff with Quinn Fischer from Cedar Group went well. They want the first round of concepts by "
                        "the 4th. Um, add a task for that.", now=now)
    tasks = [a for a in plan.actions if a.kind == "create_task"]
    assert len(tasks) == 1 and tasks[0].target.type == "deal" and tasks[0].target.id == "5118"


def test_uma_the_person_is_not_a_filler(planner, now):
    plan = planner.plan("Log a call with Uma Quist, she wants a demo.", now=now)
    assert _kinds(plan) == ["log_activity"] and plan.actions[0].target.id == "201"


@pytest.mark.parametrize(("text", "value"), [
    ("So yeah, how many companies are we tracking?", 40),
    ("Um, how many contacts have we got in total?", 90),
    ("How many contacts do we have?", 90),
    ("How many companies are in the CRM?", 40),
    ("How many companies are in healthcare?", 5),
])
def test_how_many_records_in_all_is_counted(planner, now, text, value):
    plan = planner.plan(text, now=now)
    assert _kinds(plan) == ["answer"] and plan.actions[0].fields["value"] == value


@pytest.mark.parametrize(("text", "value"), [
    ("Um, how much is in the pipeline if you leave out Umbrella?", 1018600),
    ("What's our pipeline excluding Globex?", 1073600),
    ("Total pipeline without Acme and Globex?", 1013600),
])
def test_pipeline_leaving_a_company_out(planner, now, text, value):
    plan = planner.plan(text, now=now)
    assert _kinds(plan) == ["answer"] and plan.actions[0].fields["value"] == value


@pytest.mark.parametrize(("text", "value"), [
    ("Okay so, um, Lumen, like, how much was that deal?", 18000),
    ("How much was the Lumen deal?", 18000),
    ("How much is the Acme deal?", 60000),
])
def test_how_much_was_a_companys_one_deal_even_closed(planner, now, text, value):
    plan = planner.plan(text, now=now)
    assert _kinds(plan) == ["answer"] and plan.actions[0].fields["value"] == value


@pytest.mark.parametrize(("text", "deal", "reason"), [
    ("Mark Ember Logistics as closed lost, um, they brought it in-house, no competitor.", "5111", "in-house"),
    ("We lost Initech, they built it themselves, no competitor involved.", "5006", "built it themselves"),
    ("Globex is closed lost, budget got cut, no competitor.", "5004", "budget got cut"),
])
def test_no_competitor_is_who_won_not_why(planner, now, text, deal, reason):
    plan = planner.plan(text, now=now)
    fields = plan.actions[0].fields
    assert plan.actions[0].target.id == deal and fields["stage"] == "Closed Lost" and "competitor" not in fields
    assert reason in fields["lost_reason"] and "competitor" not in fields["lost_reason"]


@pytest.mark.parametrize(("text", "in_view", "words"), [
    ("Um, he's gone quiet, so log a note, no reply since October, and remind me to call him on the first.", "contact:108",
     "No reply since October"),
    ("She's slow to answer, log a note, still no signed order form.", "contact:107", "Still no signed order form"),
    ("Log a note, no budget until March, and book a call for Friday.", "contact:106", "No budget until March"),
])
def test_what_follows_a_bare_note_request_is_the_note(planner, now, text, in_view, words):
    plan = planner.plan(text, now=now, context=PlanContext(target=context_target(in_view)))
    notes = [a for a in plan.actions if a.kind == "log_activity"]
    assert len(notes) == 1 and notes[0].fields["body"] == words


@pytest.mark.parametrize(("text", "in_view", "deal", "owner"), [
    ("Move the Meadow Health deal to Jordan, I'm over capacity.", None, "5102", "Jordan Blake"),
    ("Move Globex to Sam.", None, "5004", "Sam Whitaker"),
    ("Move this deal over to Morgan.", "deal:5001", "5001", "Morgan Reyes"),
    ("Move Acme to Jordan Blake.", None, "5001", "Jordan Blake"),
])
def test_a_deal_moved_to_a_teammate_is_given_to_them(planner_team, now, text, in_view, deal, owner):
    plan = planner_team.plan(text, now=now, context=PlanContext(target=context_target(in_view)))
    assert _kinds(plan) == ["update_deal"] and plan.actions[0].target.id == deal
    assert plan.actions[0].fields == {"owner": owner}


@pytest.mark.parametrize(("text", "deal", "amount"), [
    ("Had a call with Hugo at Granite Health, they're ready to sign at seventy-five. Update the amount and move the close "
     "up to December fourth.", "5101", 75000),
    ("Acme will sign at sixty-five k, update the amount.", "5001", 65000),
    ("Globex came back at one ninety, please update the deal amount.", "5004", 190000),
])
def test_update_the_amount_with_no_figure_takes_the_one_said_before(planner, now, text, deal, amount):
    plan = planner.plan(text, now=now)
    updates = [a for a in plan.actions if a.kind == "update_deal"]
    assert updates[0].target.id == deal and updates[0].fields["amount"] == amount


@pytest.mark.parametrize(("text", "value"), [
    ("What's the average deal size in negotiation?", 43250),
    ("What's the average deal in proposal sent?", None),
    ("Average deal value in qualified?", None),
])
def test_average_deal_size(planner, now, text, value):
    plan = planner.plan(text, now=now)
    assert _kinds(plan) == ["answer"] and "Average" in plan.actions[0].fields["text"]
    if value is not None:
        assert plan.actions[0].fields["value"] == value


@pytest.mark.parametrize(("heard", "in_view", "check"), [
    ("Book a demo with Priya. Next Thursday at 330 in the afternoon.", None,
     lambda p: (p.actions[0].fields.get("due_date"), p.actions[0].fields.get("time")) == ("2026-11-26", "15:30")),
    ("Close date for Granite Health. Make it the 20th. They need legal to look at it.", None,
     lambda p: p.actions[0].fields.get("close_date") == "2026-12-20"),
    ("Draft an email to Nina Patel, subject booking assistant next steps. Ask if Thursday works for a walkthrough.", None,
     lambda p: "walkthrough" in p.actions[0].fields.get("body", "")),
    ("Send her a recap email. Thanks for the demo.", "contact:105",
     lambda p: "Thanks for the demo" in p.actions[0].fields.get("body", "") or "thanks for the demo" in p.actions[0].fields.get("body", "")),
])
def test_a_full_stop_put_at_a_pause_does_not_cut_a_command_from_its_words(planner, now, heard, in_view, check):
    plan = planner.plan(heard, now=now, context=PlanContext(target=context_target(in_view)))
    assert plan.actions and check(plan), plan.actions


def test_a_command_of_its_own_after_a_booking_stays_its_own(planner, now):
    plan = planner.plan("Book a demo with Priya Natarajan. Move Globex to negotiation.", now=now)
    assert _kinds(plan) == ["book_meeting", "update_deal"]


def test_a_next_step_ends_where_the_deal_is_handed_on(planner_team, now):
    plan = planner_team.plan("On Granite Health, set the next step to send revised net 60 terms and hand the deal to Sam.",
                             now=now)
    assert plan.actions[0].fields == {"next_step": "Send revised net 60 terms", "owner": "Sam Whitaker"}


@pytest.mark.parametrize(("heard", "in_view", "check"), [
    ("Had a call with Hugo at Granite Health, they're ready to sign at 75. Update the amount and move the close up to "
     "December 4.", None, lambda p: [a.fields.get("amount") for a in p.actions if a.kind == "update_deal"] == [75000]),
    ("Book an negotiation call with Oliver on Monday at 3. Actually make it 4 p.m.", None,
     lambda p: p.actions[0].fields.get("time") == "16:00"),
    ("Draft Linda and email with the three pricing tiers.", None,
     lambda p: _kinds(p) == ["draft_email"] and "pricing tiers" in p.actions[0].fields.get("body", "")),
    ("They want the extra seats, call at 40k all in, and move it to Proposal Sent.", "deal:5009",
     lambda p: p.actions == [p.actions[0]] and p.actions[0].fields == {"amount": 40000, "stage": "Proposal Sent"}),
])
def test_recogniser_slips_heard_in_blind27_speech(planner, now, heard, in_view, check):
    plan = planner.plan(heard, now=now, context=PlanContext(target=context_target(in_view)))
    assert plan.actions and check(plan), plan.actions


def test_a_correction_after_a_full_stop_in_a_figure_is_still_read_as_before(planner, now):
    plan = planner.plan("Meadow Ventures. The proposal they have is six k. They want the bigger package, so it's twelve k "
                        "now. Actually, make that twelve five. And close date end of the month.", now=now)
    assert plan.actions[0].fields == {"amount": 12500, "close_date": "2026-11-30"}


@pytest.mark.parametrize(("text", "in_view", "check"), [
    ("Bump this one to fifty five k and set the next step to a security review with their CTO.", "deal:5002",
     lambda p: p.actions[0].target.id == "5002" and p.actions[0].fields["amount"] == 55000),
    ("Initech is also looking at Freshdesk. Add them as the competitor and make the next step a side by side comparison deck.",
     None, lambda p: _kinds(p) == ["update_deal"] and p.actions[0].fields["competitor"] == "Freshdesk"),
    ("Globex mentioned Zendesk, add it as the competitor.", None,
     lambda p: _kinds(p) == ["update_deal"] and p.actions[0].fields["competitor"] == "Zendesk"),
    ("Sent Jack Ueda at Summit Ventures an intro email about a pilot, log it.", None,
     lambda p: p.actions[0].fields["activity_type"] == "email"),
    ("Sent Tom Becker the renewal quote by email this morning, log it.", None,
     lambda p: p.actions[0].fields["activity_type"] == "email"),
    ("Move Northwind's renewal close date to December 20th, wait, make it the 22nd.", None,
     lambda p: p.actions[0].fields == {"close_date": "2026-12-22"}),
    ("Push Acme to January 10th, wait, make it the 12th.", None, lambda p: p.actions[0].fields == {"close_date": "2027-01-12"}),
    ("Set a task on the Delta Works deal to schedule the kickoff, due in a week.", None,
     lambda p: _kinds(p) == ["create_task"] and p.actions[0].fields["due_date"] == "2026-11-28"),
    ("Add a task for Tom Becker to book the training session by Friday.", None, lambda p: _kinds(p) == ["create_task"]),
    ("Create a task on the Acme deal to set up the onboarding call next Monday.", None, lambda p: _kinds(p) == ["create_task"]),
])
def test_blind29_wrong_writes_by_construction(planner, now, text, in_view, check):
    plan = planner.plan(text, now=now, context=PlanContext(target=context_target(in_view)))
    assert plan.actions and check(plan), plan.actions


@pytest.mark.parametrize(("text", "deal"), [
    ("Harbor Health is past the demo, they've got the proposal in hand now.", "5106"),
    ("Initech is past the demo, they've got the proposal now.", "5006"),
    ("TechCorp is done with the demo, they have received the proposal.", "5002"),
])
def test_past_the_demo_with_the_proposal_in_hand_is_proposal_sent(planner, now, text, deal):
    plan = planner.plan(text, now=now)
    assert _kinds(plan) == ["update_deal"] and plan.actions[0].target.id == deal
    assert plan.actions[0].fields == {"stage": "Proposal Sent"}


@pytest.mark.parametrize(("text", "person"), [
    ("Dan Hughes asked us to take him off all outreach.", "259"),
    ("Take Tom Becker off our mailing list.", "106"),
    ("Priya wants to be taken off all emails.", "105"),
])
def test_taken_off_our_outreach_is_do_not_contact(planner, now, text, person):
    plan = planner.plan(text, now=now)
    assert _kinds(plan) == ["update_contact"] and plan.actions[0].target.id == person
    assert plan.actions[0].fields == {"do_not_contact": True}


def test_his_colleague_works_where_the_person_in_view_does(planner, now):
    plan = planner.plan("Add his colleague Marco Visser, he runs procurement.", now=now,
                        context=PlanContext(target=context_target("contact:106")))
    assert _kinds(plan) == ["create_contact"] and plan.actions[0].fields["company"] == "Northwind Traders"
