"""Constructions first seen in blind12 (tuned on it after its first score), three sentences each in our
own words: a reminder to send something is a task, "email <address>" is the contact's field, a person
placed at a company they do not work at is asked about, and a later close-date command wins over a date
only mentioned before it."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "remind me to send Tom Becker a congrats note tomorrow",
    "Tom Becker got promoted, remind me to email him a congrats note on Monday",
    "remind me to send Priya Natarajan the pricing email on Friday",
])
def test_a_reminder_to_send_is_a_task(planner, now, text):
    kinds = [a.kind for a in planner.plan(text, now=now).actions]
    assert "create_task" in kinds and "draft_email" not in kinds


@pytest.mark.parametrize(("text", "email"), [
    ("Update Tom Becker: new title COO, email tom@northwind.io", "tom@northwind.io"),
    ("Priya Natarajan email priya@globex.io", "priya@globex.io"),
    ("Linda Okafor's email is linda@initech.io now", "linda@initech.io"),
])
def test_email_followed_by_an_address_is_the_field(planner, now, text, email):
    plan = planner.plan(text, now=now)
    assert not [a for a in plan.actions if a.kind == "draft_email"]
    assert [a for a in plan.actions if a.kind == "update_contact" and a.fields.get("email") == email]


@pytest.mark.parametrize("text", [
    "Log a call with Mike Chen from FinanceStartup about the support scaling rollout.",
    "book a demo with Priya Natarajan from Initech on Friday at 10",
    "email Tom Becker at Acme about the renewal",
])
def test_a_person_at_a_company_they_do_not_work_at_is_asked_about(planner, now, text):
    plan = planner.plan(text, now=now)
    assert plan.clarifications and not [a for a in plan.actions if a.target is not None]


@pytest.mark.parametrize(("text", "deal", "day"), [
    ("Vertex is probably closing by the end of the month. Make the close date the twenty-fifth.", "5009", "2026-11-25"),
    ("redwood solutions closing tmrw?? no way. push to jan", "5110", "2027-01-31"),
    ("Globex was going to close on the 30th, set the close date to December 12th instead", "5004", "2026-12-12"),
])
def test_a_later_close_date_command_wins(planner, now, text, deal, day):
    (a,) = [a for a in planner.plan(text, now=now).actions if a.kind == "update_deal"]
    assert (a.target.id, a.fields["close_date"]) == (deal, day)


@pytest.mark.parametrize(("text", "kind"), [
    ("Schedule a pricing call with Hugo Evans on December 1st at 3:30 pm.", "pricing call"),
    ("Could you book a renewal review with Tom Becker for December eighth, ten a.m.?", "renewal review"),
    ("book a working session with Iris Novak Monday at 1 pm", "working session"),
])
def test_the_kind_of_meeting_is_in_its_title(planner, now, text, kind):
    (a,) = planner.plan(text, now=now).actions
    assert a.kind == "book_meeting" and a.fields["title"].lower().startswith(kind)


def test_a_quick_call_is_just_a_call(planner, now):
    (a,) = planner.plan("book a quick call with Tom Becker tomorrow at 9", now=now).actions
    assert a.fields["title"] == "Call with Tom Becker"


@pytest.mark.parametrize("text", [
    "Set me a task to research Summit Ventures by Tuesday.",
    "make me a task to prep the Acme deck by Thursday",
    "give me a reminder to call Priya on Monday",
])
def test_set_me_a_task(planner, now, text):
    assert [a.kind for a in planner.plan(text, now=now).actions] == ["create_task"]


@pytest.mark.parametrize(("text", "why"), [
    ('Granite Labs has gone quiet. Move it to Closed Lost with the reason "no response after pilot".', "no response after pilot"),
    ("Mark the Onyx Health deal lost, the reason was, they froze the budget", "froze the budget"),
    ("close Initech as lost with the reason: went in-house", "went in-house"),
])
def test_the_reason_said_with_a_loss(planner, now, text, why):
    (a,) = [a for a in planner.plan(text, now=now).actions if a.kind == "update_deal"]
    assert a.fields["stage"] == "Closed Lost" and why in a.fields["lost_reason"]


@pytest.mark.parametrize(("text", "contact"), [
    ("Can you draft something to Gina Moreau at Willow Group? Just a short note saying we loved meeting the team.", "200"),
    ("draft something for Tom Becker thanking him for the renewal", "106"),
    ("draft something short to Priya Natarajan saying the SOC 2 report is attached", "105"),
])
def test_draft_something_to_a_person(planner, now, text, contact):
    (a,) = planner.plan(text, now=now).actions
    assert (a.kind, a.target.id) == ("draft_email", contact) and a.fields.get("body")
    assert a.fields["body"].lower().count("saying") == 0


@pytest.mark.parametrize(("text", "email"), [
    ("quick correction on Uma Tanaka, her email's wrong. It should be uma.tanaka@redwoodlabs.com.au.", "uma.tanaka@redwoodlabs.com.au"),
    ("Tom Becker's email is wrong, it should be tom@northwind.io", "tom@northwind.io"),
    ("Priya's address is off, should be priya.n@globex.example", "priya.n@globex.example"),
])
def test_email_should_be(planner, now, text, email):
    (a,) = planner.plan(text, now=now).actions
    assert (a.kind, a.fields["email"]) == ("update_contact", email)


@pytest.mark.parametrize(("text", "word"), [
    ("mtg hugo hughes redwood labs 12/3 10am onboarding kickoff", "onboarding kickoff"),
    ("acme mike chen -> mtg 12/1 2pm upsell", "upsell"),
    ("meeting tom becker 1/8 9am re renewal pricing", "renewal pricing"),
])
def test_a_terse_meeting_keeps_its_topic(planner, now, text, word):
    (a,) = planner.plan(text, now=now).actions
    assert a.kind == "book_meeting" and word in a.fields["title"].lower()


@pytest.mark.parametrize(("text", "subject"), [
    ('Draft a follow-up email to Felix Hughes with the subject "Quick question about your support stack" asking if he has time',
     "Quick question about your support stack"),
    ('email Tom Becker, subject line "Renewal terms", saying the quote is attached', "Renewal terms"),
    ('write to Priya Natarajan with the subject \u201cSOC 2 report\u201d and say it is attached', "SOC 2 report"),
])
def test_a_quoted_subject(planner, now, text, subject):
    (a,) = planner.plan(text, now=now).actions
    assert (a.kind, a.fields["subject"]) == ("draft_email", subject)


@pytest.mark.parametrize(("text", "phone"), [
    ("Jonas Weber has a new direct line, +49 40 5550 0190. Update it.", "+49 40 5550 0190"),
    ("Tom Becker's new direct line is +1 312 555 0100", "+1 312 555 0100"),
    ("new direct dial for Priya Natarajan: +31 10 555 0199", "+31 10 555 0199"),
])
def test_a_direct_line_is_the_phone(planner, now, text, phone):
    (a,) = [a for a in planner.plan(text, now=now).actions if a.kind == "update_contact"]
    assert a.fields["phone"] == phone


def test_a_later_sentence_command_stays_out_of_the_call_body(planner, now):
    text = "Please log a call with Kara Novak at Tidal Media: she wants to revisit next year. Then reopen their deal as a Lead."
    (a,) = [a for a in planner.plan(text, now=now).actions if a.kind == "log_activity"]
    assert "reopen" not in a.fields["body"].lower()


@pytest.mark.parametrize("text", [
    "We landed a new client, uh, well, almost. Peachtree Bakery. Log a call with their owner, Jasmine.",
    "new client, so, um, right, add it",
    "add a new company, okay",
])
def test_a_filler_is_no_company_name(planner, now, text):
    assert not [a for a in planner.plan(text, now=now).actions if a.kind == "create_company"
                and a.fields.get("name", "").lower() in ("well", "so", "okay", "right", "almost")]


@pytest.mark.parametrize(("text", "close"), [
    ("Rachel Adams wants the marketing module next year, so open a new deal for Northwind, 18k, closing in January.", "2027-01-31"),
    ("new deal for Acme next quarter maybe, call it Acme Phase Two, 30k, close date end of March", "2027-03-31"),
    ("Initech wants to start next year, create a deal called Voice Pilot, 20k, to close in February", "2027-02-28"),
])
def test_a_new_deals_close_date_is_the_one_said_with_the_close(planner, now, text, close):
    (a,) = [a for a in planner.plan(text, now=now).actions if a.kind == "create_deal"]
    assert a.fields["close_date"] == close


@pytest.mark.parametrize("text", [
    "So I'm looking at Zoe Price at Summit Labs, she's been ghosting us, put her lifecycle back to lead",
    "looking at Tom Becker's deal, bump it to 40k",
    "we're looking at Priya Natarajan as the champion, note that on Globex",
])
def test_a_person_looked_at_is_no_competitor(planner, now, text):
    assert not [a for a in planner.plan(text, now=now).actions if a.fields.get("competitor")]


def test_a_call_it_amount_is_no_deal_name(planner, now):
    (a,) = [a for a in planner.plan("open a new deal for Northwind, Marketing Module, call it eighteen thousand", now=now).actions]
    assert a.fields["amount"] == 18000 and "eighteen" not in a.fields["name"].lower()


@pytest.mark.parametrize(("text", "time"), [
    ("schedule a call with Jonas Weber Thursday at 4:30", "16:30"),
    ("let's schedule a call with Jonas Weber Thursday at 4.30 to go through the revised quote", "16:30"),
    ("book Tom Becker at 2:15 tomorrow", "14:15"),
])
def test_an_afternoon_clock_time_without_pm(planner, now, text, time):
    (a,) = planner.plan(text, now=now).actions
    assert a.fields["time"] == time


@pytest.mark.parametrize("text", ["book Tom Becker at 9:30 tomorrow", "book Tom Becker at 07:15 tomorrow", "book Tom Becker at 11:45 on Monday"])
def test_a_morning_clock_time_stays(planner, now, text):
    (a,) = planner.plan(text, now=now).actions
    assert int(a.fields["time"][:2]) < 12


@pytest.mark.parametrize(("text", "day"), [
    ("So, I need to book a kick off with Iris Fischer, the founder at Upland Works, for December 9th at half past two.", "2026-12-09"),
    ("set up a kick-off with Tom Becker on Monday at 10", "2026-11-23"),
    ("book the kickoff with Priya Natarajan Friday at 3pm", "2026-11-27"),
])
def test_a_kick_off_is_a_meeting(planner, now, text, day):
    (a,) = planner.plan(text, now=now).actions
    assert (a.kind, a.fields["due_date"]) == ("book_meeting", day)


@pytest.mark.parametrize(("text", "close"), [
    ("the Redwood Solutions close date says tomorrow, which is wrong. They said mid-January, let's say January fifteenth.", "2027-01-15"),
    ("Acme should close in March, lets say March 9th", "2027-03-09"),
    ("Globex should close before Christmas, let's say December 22nd", "2026-12-22"),
])
def test_lets_say_a_date_refines_the_close_date(planner, now, text, close):
    (a,) = [a for a in planner.plan(text, now=now).actions if a.kind == "update_deal"]
    assert a.fields["close_date"] == close


@pytest.mark.parametrize(("text", "target"), [
    ("upland media expansion deal is a dupe, delete it", "deal:5107"),
    ("the Acme deal is a test, delete it", "deal:5001"),
    ("Granite Labs pilot deal was a test import, please delete it", "deal:5100"),
])
def test_delete_it_after_a_deal_is_the_deal(planner, now, text, target):
    (a,) = planner.plan(text, now=now).actions
    assert (a.kind, f"{a.target.type}:{a.target.id}") == ("delete_record", target)


def test_delete_it_after_a_company_is_the_company(planner, now):
    (a,) = planner.plan("Acme is a junk import, delete it", now=now).actions
    assert (a.kind, a.target.type) == ("delete_record", "company")


@pytest.mark.parametrize("text", [
    "the Summit Labs expansion, they signed, so that's won. Oh wait, it's already marked won? Then just add a note on Victor Price saying kickoff is in December.",
    "Northwind is already in negotiation, so just log a call with Tom Becker: he confirmed the seats.",
    "move Summit Labs expansion to won, oh it is already won, ok just remind me to send Victor Price the kickoff deck Monday",
])
def test_a_change_that_is_already_so_is_left_out_beside_other_work(planner, now, text):
    plan = planner.plan(text, now=now)
    assert plan.actions and not [a for a in plan.actions if a.kind == "update_deal"]


@pytest.mark.parametrize("text", [
    "So I had coffee with Grace Liu, she offered to be a reference. Log that as a meeting, and mark her as an evangelist, would you?",
    "move Acme to negotiation, could you?",
    "log a call with Tom Becker, he confirmed the seats, can you please?",
])
def test_a_tag_question_after_a_request_is_a_request(planner, now, text):
    plan = planner.plan(text, now=now)
    assert plan.actions and not [a for a in plan.actions if a.kind in ("answer", "search")]


@pytest.mark.parametrize(("text", "word"), [
    ("Eva Young wants us to pitch their client, so log a call with her, and make me a task to prep the deck by Thursday.", "pitch"),
    ("Tom Becker said the renewal is approved, log a meeting with him", "renewal"),
    ("Priya Natarajan needs the SOC 2 report first, log a note for her", "soc 2"),
])
def test_log_a_call_with_her_takes_what_was_said_before(planner, now, text, word):
    (a,) = [a for a in planner.plan(text, now=now).actions if a.kind == "log_activity"]
    assert word in a.fields["body"].lower() and not a.fields["body"].lower().startswith("log ")


def test_a_task_clause_stays_out_of_the_call_body(planner, now):
    text = "Just finished the demo with Linda Okafor, they want SSO. So move Initech to proposal sent, and set me a task to send the proposal by Wednesday."
    (a,) = [a for a in planner.plan(text, now=now).actions if a.kind == "log_activity"]
    assert "task" not in a.fields["body"].lower()


@pytest.mark.parametrize(("text", "close"), [
    ("For the Cedar Group deal, set the close date to December 18th, sorry, no, the 22nd. December 22nd.", "2026-12-22"),
    ("push Globex to January 10th, sorry, no, the 12th", "2027-01-12"),
    ("push Acme to March 3rd, sorry no, the 5th", "2027-03-05"),
])
def test_sorry_no_corrects_the_day(planner, now, text, close):
    (a,) = [a for a in planner.plan(text, now=now).actions if a.kind == "update_deal"]
    assert a.fields["close_date"] == close


@pytest.mark.parametrize("text", [
    "Hey, how many deals do we actually have open right now? Ballpark is fine but I'd rather have the real number.",
    "how many open deals, give me the exact number",
    "what's the number of open deals?",
])
def test_the_number_of_deals_is_no_phone_number(planner, now, rows, text):
    (a,) = planner.plan(text, now=now).actions
    assert a.kind == "answer" and a.fields["value"] == len([d for d in rows.deals if d.is_open])


@pytest.mark.parametrize(("text", "contact"), [
    ("Please add a note on Ben Khan: he said not to reach out until April. Also set him to do not contact.", "237"),
    ("Note on Tom Becker: renewal is approved. Then change his title to Chief Revenue Officer.", "106"),
    ("Add a note to Priya Natarajan: she starts a new role. Also change her title to COO.", "105"),
])
def test_a_command_after_a_note_acts_on_the_notes_person(planner, now, text, contact):
    plan = planner.plan(text, now=now)
    kinds = {a.kind: a for a in plan.actions}
    assert kinds["log_activity"].target.id == contact and kinds["update_contact"].target.id == contact


@pytest.mark.parametrize(("text", "first"), [
    ("Add Priya's colleague Marco Visser, Procurement Manager at Globex Logistics, marco.visser@globex.example.", "Marco"),
    ("add Tom's boss Helen Park, CFO at Northwind Traders", "Helen"),
    ("add Linda's deputy Omar Reyes, IT Manager at Initech", "Omar"),
])
def test_a_named_colleague_is_created(planner, now, text, first):
    (a,) = planner.plan(text, now=now).actions
    assert (a.kind, a.fields["first_name"]) == ("create_contact", first)


@pytest.mark.parametrize(("text", "people"), [
    ("Make Jordan the owner of both Northwind contacts, Tom Becker and Rachel Adams.", {"106", "115"}),
    ("Make Sam the owner of both TechCorp contacts, Sarah Chen and Sarah Johnson.", {"102", "103"}),
    ("make Morgan the owner of both Acme contacts, Mike Chen and David Kim", {"101", "114"}),
])
def test_both_contacts_listed_after_the_command(planner_team, now, text, people):
    acts = [a for a in planner_team.plan(text, now=now).actions if a.kind == "update_contact"]
    assert {a.target.id for a in acts} == people


@pytest.mark.parametrize(("text", "words"), [
    ('Draft an email to Felix Hughes with the subject "Quick question" asking if he has 15 minutes next week.', "15 minutes"),
    ('email Tom Becker, subject "Renewal", asking whether legal signed', "legal signed"),
    ('write to Priya Natarajan with the subject "SOC 2" asking for a call Friday', "call friday"),
])
def test_the_ask_after_a_quoted_subject_is_the_body(planner, now, text, words):
    (a,) = planner.plan(text, now=now).actions
    assert words in a.fields.get("body", "").lower()
