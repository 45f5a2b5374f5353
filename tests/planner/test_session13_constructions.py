"""Constructions worked on in session 13, three sentences (or more) each in our own words."""

from __future__ import annotations

import pytest

from desktop.planner import PlanContext
from desktop.planner.evaluation import context_target


@pytest.mark.parametrize(("text", "who", "said"), [
    ("Log a call with Tom Becker: he says they want to sign by the 30th and budget is about 80k.", "106", "sign by the 30th"),
    ("Log a call with Priya Natarajan: they're weighing us against Salesforce, and legal wants the DPA.", "105",
     "against Salesforce"),
    ("Add a note on Oliver Grant: he thinks the close will slip to January, amount may drop to forty.", "110",
     "slip to January"),
])
def test_the_words_after_log_a_call_colon_are_logged_not_applied(planner, now, text, who, said):
    plan = planner.plan(text, now=now)
    (a,) = plan.actions
    assert (a.kind, a.target.id) == ("log_activity", who)
    assert said.lower() in a.fields["body"].lower()


@pytest.mark.parametrize(("text", "who", "kinds"), [
    ("Log a call with Tom Becker: he wants the contract by Friday. Move Northwind to negotiation.", "106",
     ["log_activity", "update_deal"]),
    ("Log a call with Priya Natarajan: she needs a security review first, and remind me to send the SOC 2 report tomorrow.",
     "105", ["log_activity", "create_task"]),
    ("Log a call with Oliver Grant: legal approved it, then mark him as a customer.", "110",
     ["log_activity", "update_contact"]),
])
def test_a_command_after_the_logged_words_still_acts(planner, now, text, who, kinds):
    plan = planner.plan(text, now=now)
    assert sorted(a.kind for a in plan.actions) == sorted(kinds)
    assert next(a for a in plan.actions if a.kind == "log_activity").target.id == who


def test_on_a_contacts_page_the_logged_words_move_no_deal(planner, now):
    plan = planner.plan("Log a call: he confirmed procurement signed off and they want to close by the 15th.", now=now,
                        context=PlanContext(target=context_target("contact:110")))
    (a,) = plan.actions
    assert (a.kind, a.target.id) == ("log_activity", "110")
    assert "close by the 15th" in a.fields["body"]


@pytest.mark.parametrize(("text", "deal"), [
    ("I'll handle the Blue Harbor Realty deal personally, make me the owner, and book a meeting with Elena Garcia on Thursday.",
     "5008"),
    ("I'm taking over the Initech deal, make me the owner, and email Sarah Johnson a hello.", "5006"),
    ("Jordan is out, so the Tidal Media deal is mine now, make me the owner and book a call with Kara Novak Monday.", "5117"),
])
def test_make_me_the_owner_after_a_deal_gives_me_the_deal_not_the_person_named_later(planner_team, now, text, deal):
    plan = planner_team.plan(text, now=now)
    owned = [a for a in plan.actions if "owner" in a.fields]
    assert [(a.kind, a.target.id, a.fields["owner"]) for a in owned] == [("update_deal", deal, "Alex Rivera")]


@pytest.mark.parametrize(("text", "who"), [
    ("Good call with Yusuf Evans at Quartz Partners, he's keen on a trial. Mark him as an MQL and set a follow-up for "
     "next Wednesday.", "252"),
    ("Spoke with Tom Becker, he liked the deck, set a follow-up for Friday.", "106"),
    ("Mark Priya Natarajan as SQL and add a follow-up on Monday.", "105"),
])
def test_a_follow_up_with_no_object_is_with_the_person_the_sentence_is_about(planner, now, text, who):
    (task,) = [a for a in planner.plan(text, now=now).actions if a.kind == "create_task"]
    assert (task.target.type, task.target.id) == ("contact", who)


@pytest.mark.parametrize(("text", "said"), [
    ("Log a call with Acme's new CFO, Jessica Moore.", "Jessica Moore"),
    ("log call w acme's new cfo jessica", "Jessica"),
    ("Talked to Globex's new VP of Sales, Rita Gomez, she wants a demo.", "Rita Gomez"),
])
def test_a_person_named_after_a_new_title_whom_the_workspace_lacks_is_asked_about(planner, now, text, said):
    plan = planner.plan(text, now=now)
    assert not [a for a in plan.actions if not a.read_only]
    assert f"I don't know {said}" in (plan.message or "")


@pytest.mark.parametrize(("text", "who", "fields"), [
    ("Just had a call with Nina Patel at Pinecrest Dental, she's the practice manager. Mark her as sales qualified.", "111",
     {"lifecycle_stage": "salesqualifiedlead"}),
    ("Nina Patel, the practice manager there, is an opportunity now.", "111", {"lifecycle_stage": "opportunity"}),
    ("Set Nina Patel's title to Practice Manager and mark her as sales qualified.", "111",
     {"job_title": "Practice Manager", "lifecycle_stage": "salesqualifiedlead"}),
])
def test_a_title_the_contact_already_has_is_no_change_unless_the_title_is_named(planner, now, text, who, fields):
    (upd,) = [a for a in planner.plan(text, now=now).actions if a.kind == "update_contact"]
    assert (upd.target.id, upd.fields) == (who, fields)


@pytest.mark.parametrize(("text", "who", "kind"), [
    ("Great in-person meeting with Jonas this morning, he's keen. Move Orbital to Negotiation.", "112", "meeting"),
    ("Met Jonas Weber at their Hamburg office, he wants German voiceovers. Add ten k to Orbital.", "112", "meeting"),
    ("I met Zoe Vogel at Cedar Group for lunch yesterday, she signs off on budget.", "261", "meeting"),
    ("So, cold called Wendy Price at Onyx, got her voicemail, um, try her again Friday.", "258", "call"),
    ("Just got off with Tom Becker, he wants the renewal quote. Follow up with him Friday.", "106", "call"),
])
def test_an_interaction_told_beside_commands_is_logged_on_the_person(planner, now, text, who, kind):
    (log,) = [a for a in planner.plan(text, now=now).actions if a.kind == "log_activity"]
    assert (log.target.id, log.fields["activity_type"]) == (who, kind)


@pytest.mark.parametrize(("text", "who"), [
    ("Just got off with Elena Garcia, she's keen. Move the deal to Qualified, oh wait it's already there, never mind, "
     "just follow up with her on the 30th.", "109"),
    ("Had a call with Tom Becker, move Northwind to negotiation, no wait, scratch that, just remind me to call him Monday.",
     "106"),
    ("Spoke with Priya Natarajan, push Globex to negotiation, actually never mind, follow up with her on Friday.", "105"),
])
def test_after_taking_a_deal_change_back_her_and_him_are_the_person(planner, now, text, who):
    plan = planner.plan(text, now=now)
    (task,) = [a for a in plan.actions if a.kind == "create_task"]
    assert (task.target.type, task.target.id) == ("contact", who)
    assert not [a for a in plan.actions if a.kind == "update_deal"]


@pytest.mark.parametrize(("text", "deal", "stage"), [
    ("Okay, rapid fire. Acme to Proposal Sent. Give Northwind to Jordan.", "5001", "Proposal Sent"),
    ("Quick one. Globex to negotiation.", "5004", "Negotiation"),
    ("Next one: initech, demo scheduled", "5006", "Demo Scheduled"),
])
def test_a_terse_stage_move_after_a_word_of_preamble(planner, now, text, deal, stage):
    ups = [a for a in planner.plan(text, now=now).actions if a.kind == "update_deal" and "stage" in a.fields]
    assert [(a.target.id, a.fields["stage"]) for a in ups] == [(deal, stage)]


@pytest.mark.parametrize(("text", "deal"), [
    ("Acme to Proposal Sent. Give Northwind to Jordan. And remind me Monday to call Tom about the renewal.", "5005"),
    ("Hand Globex to Jordan, and book a call with Priya on Friday.", "5004"),
    ("Assign Initech to Jordan, Linda Okafor prefers him anyway.", "5006"),
])
def test_a_company_given_to_a_user_moves_its_deal_not_a_person_named_elsewhere(planner_team, now, text, deal):
    owned = [a for a in planner_team.plan(text, now=now).actions if "owner" in a.fields]
    assert [(a.kind, a.target.id, a.fields["owner"]) for a in owned] == [("update_deal", deal, "Jordan Blake")]


@pytest.mark.parametrize(("text", "deal", "stage"), [
    ("They signed the NDA, move Globex to negotiation.", "5004", "Negotiation"),
    ("We signed an LOI with Initech, push them to negotiation.", "5006", "Negotiation"),
    ("Acme signed the mutual NDA, move them to demo scheduled.", "5001", "Demo Scheduled"),
])
def test_signing_paperwork_on_the_way_is_not_a_win(planner, now, text, deal, stage):
    (a,) = planner.plan(text, now=now).actions
    assert (a.target.id, a.fields["stage"]) == (deal, stage)


@pytest.mark.parametrize(("text", "who"), [
    ("Tom Becker said it's fine to email him again, take the do not contact flag off.", "106"),
    ("Remove the do not contact flag from Priya Natarajan.", "105"),
    ("Linda Okafor opted back in, clear her DNC.", "107"),
])
def test_clearing_do_not_contact_sets_it_false_and_deletes_nothing(planner, now, text, who):
    (a,) = planner.plan(text, now=now).actions
    assert (a.kind, a.target.id, a.fields) == ("update_contact", who, {"do_not_contact": False})


@pytest.mark.parametrize(("text", "who"), [
    ("Remove Ben Jensen from our outreach, he asked not to be contacted.", "253"),
    ("Remove Tom Becker from all our sequences, he asked not to be emailed.", "106"),
    ("Remove Priya Natarajan from our mailing lists please.", "105"),
])
def test_removing_a_person_from_outreach_is_do_not_contact_not_a_deletion(planner, now, text, who):
    (a,) = planner.plan(text, now=now).actions
    assert (a.kind, a.target.id, a.fields) == ("update_contact", who, {"do_not_contact": True})


@pytest.mark.parametrize(("text", "due", "said"), [
    ("Put a task on the Upland Works deal to plan next year's campaign, due next quarter.", "2027-03-31", "next year's"),
    ("Remind me to plan next year's budget on Friday.", "2026-11-27", "next year's"),
    ("Remind me to send this quarter's report tomorrow.", "2026-11-22", "this quarter's"),
])
def test_next_years_thing_is_what_the_task_is_about_not_its_date(planner, now, text, due, said):
    (a,) = planner.plan(text, now=now).actions
    assert a.fields["due_date"] == due and said in a.fields["title"]


@pytest.mark.parametrize(("text", "due"), [
    ("Task on the Acme deal: renewal prep, due January.", "2027-01-31"),
    ("Create a task for the Acme deal to prep the renewal, due in January.", "2027-01-31"),
    ("Add a task on Globex to send the security pack, due in February.", "2027-02-28"),
])
def test_a_task_due_in_a_month_is_due_its_last_day(planner, now, text, due):
    (a,) = planner.plan(text, now=now).actions
    assert (a.kind, a.fields["due_date"]) == ("create_task", due)


@pytest.mark.parametrize(("text", "deal", "close"), [
    ("Probably end of Q1 for Acme now, their CFO is on leave until February, so push the close date out.", "5001",
     "2027-03-31"),
    ("Globex is more like end of January, Priya is out until the 10th, so update the close date.", "5004", "2027-01-31"),
    ("Initech slips to March, Linda is travelling until February, so change the close date.", "5006", "2027-03-31"),
])
def test_when_someone_is_back_is_not_the_close_date(planner, now, text, deal, close):
    (a,) = planner.plan(text, now=now).actions
    assert (a.target.id, a.fields["close_date"]) == (deal, close)


@pytest.mark.parametrize(("text", "who"), [
    ("Sent Carla Carter the one-pager, log it, and ping her again in a week.", "242"),
    ("Sent Tom Becker the renewal quote this morning, log it.", "106"),
    ("I sent Priya Natarajan over the security pack, log that.", "105"),
])
def test_sending_someone_a_document_is_logged_as_an_email(planner, now, text, who):
    (log,) = [a for a in planner.plan(text, now=now).actions if a.kind == "log_activity"]
    assert (log.target.id, log.fields["activity_type"]) == (who, "email")


@pytest.mark.parametrize("text", ["Can you remind me what NPS stands for?", "Could you remind me what ARR means?",
                                  "Can you remind me what a QBR is?"])
def test_a_polite_remind_me_what_question_is_no_task(planner, now, text):
    assert not planner.plan(text, now=now).actions
