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


@pytest.mark.parametrize("text", [
    "Mike Chen hinted Acme could land anywhere from ninety to a hundred and twenty k, put that in as the amount.",
    "Globex is somewhere between 150 and 200k, update the amount.",
    "Set Initech to between forty and fifty grand.",
])
def test_an_amount_said_as_a_range_is_asked(planner, now, text):
    plan = planner.plan(text, now=now)
    assert not [a for a in plan.actions if "amount" in a.fields] and "range" in (plan.message or "")


@pytest.mark.parametrize(("text", "amount"), [
    ("Take the Onyx Health deal from thirty six to forty two thousand.", 42000),
    ("Acme's going from sixty to seventy-two k.", 72000),
    ("Acme is between 80 and 100k, call it 90k.", 90000),
])
def test_from_one_amount_to_another_is_a_change_and_a_range_picked_is_kept(planner, now, text, amount):
    (a,) = planner.plan(text, now=now).actions
    assert a.fields["amount"] == amount


@pytest.mark.parametrize("text", [
    "I think Linda's title is VP of IT now, actually I'm not sure, don't change it, just remind me to check with her on Monday.",
    "Tom might be COO now, not sure, don't update it, remind me to ask him Friday.",
    "Priya could be the new head of procurement, no idea really, don't change anything, remind me to confirm on Monday.",
])
def test_a_field_said_then_held_back_is_not_written(planner, now, text):
    plan = planner.plan(text, now=now)
    assert [a.kind for a in plan.actions] == ["create_task"]


@pytest.mark.parametrize(("said", "time"), [("at half past twelve", "12:30"), ("at quarter past twelve", "12:15"),
                                            ("at quarter to one", "12:45")])
def test_times_around_noon_are_after_noon(planner, now, said, time):
    (a,) = planner.plan(f"Lunch with Elena Garcia on Friday {said}, put it on the calendar.", now=now).actions
    assert a.fields["time"] == time


@pytest.mark.parametrize("text", [
    "Give the Orbital deal to Morgan or Jordan, whoever has more room this quarter.",
    "Hand Acme to Sam or maybe Jordan.",
    "Assign the Globex deal to Jordan or Morgan, your call.",
])
def test_two_owners_offered_is_asked(planner_team, now, text):
    plan = planner_team.plan(text, now=now)
    assert not plan.actions and "Who should own it" in (plan.message or "")


@pytest.mark.parametrize(("text", "who"), [
    ("Log a call with Mr. Chen at Acme, procurement wants net sixty terms.", "101"),
    ("Email Ms. Natarajan the pricing sheet.", "105"),
    ("Book Mrs Okafor for Thursday at ten.", "107"),
])
def test_a_title_of_address_before_a_known_surname_is_that_person(planner, now, text, who):
    (a,) = planner.plan(text, now=now).actions
    assert a.target.id == who


@pytest.mark.parametrize(("text", "said"), [
    ("Move the Stellar Dynamics deal to proposal sent.", "Stellar Dynamics"),
    ("Push the Nova Logistics deal to January.", "Nova Logistics"),
    ("Close the Alpha Traders deal as won.", "Alpha Traders"),
])
def test_a_company_said_with_a_word_the_workspace_company_lacks_is_asked(planner, now, text, said):
    plan = planner.plan(text, now=now)
    assert not plan.actions and f"I don't know {said}" in (plan.message or "")


@pytest.mark.parametrize(("text", "deal", "stage"), [
    ("Harbor Health just booked their demo, bump the stage.", "5106", "Demo Scheduled"),
    ("Put Kestrel Partners back a step, they're not actually ready for a proposal.", "5113", "Demo Scheduled"),
    ("Move Acme to the next stage.", "5001", "Demo Scheduled"),
])
def test_a_deal_moved_a_step_goes_to_the_next_or_previous_stage(planner, now, text, deal, stage):
    (a,) = planner.plan(text, now=now).actions
    assert (a.kind, a.target.id, a.fields["stage"]) == ("update_deal", deal, stage)


@pytest.mark.parametrize("text", [
    "Northwind might sign before Christmas or it could slip into January, update the close date.",
    "Acme could close on the 15th or it might slip to the 30th, set the close date.",
    "Globex might sign in December or it may slide into February, change the close date.",
])
def test_two_close_dates_offered_are_asked(planner, now, text):
    plan = planner.plan(text, now=now)
    assert not plan.actions and (plan.message or "").startswith("Which date")


@pytest.mark.parametrize("text", [
    "Set the Ember Logistics amount to twelve point, uh, something, I forget the rest.",
    "Acme is at sixty point something now, update the amount.",
    "Change the Globex amount to one eighty, I can't remember the rest.",
])
def test_half_an_amount_is_asked(planner, now, text):
    plan = planner.plan(text, now=now)
    assert not [a for a in plan.actions if "amount" in a.fields] and plan.message


@pytest.mark.parametrize(("text", "kinds"), [
    ("Add Quartz Health as a company, oh wait, it's already in there, so just add a contact at Quartz Health, Lina Park, "
     "office manager.", ["create_contact"]),
    ("Create a contact for Tom Becker, oh wait, he's already in there, just log a call with him.", ["log_activity"]),
    ("Add Acme Corp as a company, wait, it's already in the CRM, so just move Acme to negotiation.", ["update_deal"]),
])
def test_a_create_taken_back_because_the_record_exists(planner, now, text, kinds):
    assert [a.kind for a in planner.plan(text, now=now).actions] == kinds


@pytest.mark.parametrize(("text", "who", "life"), [
    ("Set Kara Evans as, hmm, sales qualified? No, she's only marketing qualified, put that.", "238",
     "marketingqualifiedlead"),
    ("Set Linda Okafor as a customer? No, she's only sales qualified.", "107", "salesqualifiedlead"),
    ("Mark Oliver Grant as a customer? No, he's only marketing qualified, put that.", "110", "marketingqualifiedlead"),
])
def test_a_label_asked_aloud_then_corrected_takes_the_correction(planner, now, text, who, life):
    (a,) = planner.plan(text, now=now).actions
    assert (a.target.id, a.fields["lifecycle_stage"]) == (who, life)


@pytest.mark.parametrize(("text", "kind", "who"), [
    ("Sofia Alvarez at Meadow Health wants a trial, set Hugo Ueda's lifecycle to other since he's leaving, and draft her "
     "an email with the trial link.", "draft_email", "208"),
    ("Victor Price at Summit Labs wants ten more seats, flag Zoe Price as do not contact since she's on leave, and make a "
     "task for me to send him a quote by the fifth.", "create_task", "271"),
    ("Priya Natarajan wants the SOC 2 report, mark Tom Becker a customer since he signed, and email her the report.",
     "draft_email", "105"),
])
def test_her_and_him_skip_a_person_said_with_the_other_pronoun(planner, now, text, kind, who):
    (a,) = [a for a in planner.plan(text, now=now).actions if a.kind == kind]
    assert a.target.id == who


@pytest.mark.parametrize(("text", "owners"), [
    ("Split the Summit Labs folks, Leo Vogel goes to Sam and Zoe Price goes to Morgan.",
     {"209": "Sam Whitaker", "220": "Morgan Reyes"}),
    ("Give Tom Becker to Jordan and Priya Natarajan to Sam.", {"106": "Jordan Blake", "105": "Sam Whitaker"}),
    ("Linda Okafor goes to Morgan and Mike Chen to Jordan.", {"107": "Morgan Reyes", "101": "Jordan Blake"}),
])
def test_people_given_to_different_users_each_get_their_own(planner_team, now, text, owners):
    got = {a.target.id: a.fields["owner"] for a in planner_team.plan(text, now=now).actions}
    assert got == owners


@pytest.mark.parametrize(("text", "deal"), [
    ("Log a call with Sarah Johnson, she wants to reopen the security add-on; set the Initech next step to a demo redo; "
     "and move her deal back to qualified.", "5013"),
    ("Had coffee with Tom Becker, then set Acme to negotiation and push his deal to January.", "5005"),
    ("Spoke with Priya Natarajan, move Vertex to negotiation, and bump her deal to proposal sent.", "5004"),
])
def test_her_deal_is_the_persons_deal_not_the_one_named_last(planner, now, text, deal):
    ups = [a for a in planner.plan(text, now=now).actions if a.kind == "update_deal"]
    assert ups[-1].target.id == deal


@pytest.mark.parametrize("text", [
    "Book Carla Hughes for Tuesday the twenty-fifth at eleven.",
    "Set up a call with Tom Becker on Monday the 3rd.",
    "Book a demo with Priya for Friday December 1st.",
])
def test_a_weekday_that_is_not_the_dates_day_is_asked(planner, now, text):
    plan = planner.plan(text, now=now)
    assert not plan.actions and " is a " in (plan.message or "")


@pytest.mark.parametrize(("text", "amount"), [
    ("Give Granite Health a five k discount on the expansion.", 75000),
    ("Give Acme a 10% discount.", 54000),
    ("Apply a twenty k reduction to the Globex deal.", 165000),
])
def test_a_discount_takes_the_amount_down(planner, now, text, amount):
    (a,) = planner.plan(text, now=now).actions
    assert a.fields["amount"] == amount


@pytest.mark.parametrize(("text", "amount"), [
    ("Willow Group signed a six month retainer at five k a month, create the deal as won.", 30000),
    ("New deal for Acme, a three month pilot at four k a month.", 12000),
    ("Open a deal for Globex, nine month engagement at ten k a month.", 90000),
])
def test_a_monthly_rate_with_a_term_in_months_is_the_total(planner, now, text, amount):
    (a,) = planner.plan(text, now=now).actions
    assert (a.kind, a.fields["amount"]) == ("create_deal", amount)


@pytest.mark.parametrize("text", [
    "Write to Carla Ortiz at Tidal Media, subject Let's try again in the new year.",
    "Email Tom Becker, subject see you in the new year.",
    "Draft an email to Priya, subject catching up next year.",
])
def test_the_new_year_in_an_email_is_no_stage(planner, now, text):
    assert [a.kind for a in planner.plan(text, now=now).actions] == ["draft_email"]


@pytest.mark.parametrize(("said", "rival"), [("Sensara", "Samsara"), ("Ogovie", "Ogilvy"), ("Zindisk", "Zendesk")])
def test_a_rival_heard_wrong_is_snapped_to_the_known_one_it_sounds_like(planner, now, said, rival):
    (a,) = planner.plan(f"Globex is also looking at {said}, put them down as the competitor.", now=now).actions
    assert a.fields["competitor"] == rival


@pytest.mark.parametrize("text", [
    "Set up the renewal signing with Tom for December 40th at 3pm.",
    "Push the Acme close date to January 45th.",
    "Book a demo with Priya on March 33rd.",
])
def test_a_month_with_a_day_no_month_has_is_asked(planner, now, text):
    plan = planner.plan(text, now=now)
    assert not plan.actions and plan.message and "?" in plan.message


@pytest.mark.parametrize(("text", "kinds"), [
    ("Matt Jonas, Weber at the Hamburg office, he wants German ads too. At 20k to Orbital, and Booka follow up with him "
     "December 10 at 4pm.", {"update_deal": 116000, "book_meeting": None}),
    ("Tom wants the renewal. At 5k to Northwind and Booka call with him Friday.", {"update_deal": 41000, "book_meeting": None}),
    ("Globex wants more. At 10k to Globex.", {"update_deal": 195000}),
])
def test_add_heard_as_at_and_book_a_heard_as_booka(planner, now, text, kinds):
    plan = planner.plan(text, now=now)
    got = {a.kind: a.fields.get("amount") for a in plan.actions if a.kind in kinds}
    assert got == kinds


@pytest.mark.parametrize(("text", "who"), [
    ("Draft to follow up to Oliver Grant about the data residency question.", "110"),
    ("Draft to follow up to Tom Becker about the renewal quote.", "106"),
    ("Draft a follow up to Priya Natarajan about the security review.", "105"),
])
def test_draft_to_follow_up_is_an_email_draft(planner, now, text, who):
    (a,) = planner.plan(text, now=now).actions
    assert (a.kind, a.target.id) == ("draft_email", who)


@pytest.mark.parametrize(("text", "who", "email"), [
    ("Update Carla Hughes, Email to carla dot hughes at uplandworks dot io.", "248", "carla.hughes@uplandworks.io"),
    ("Change Tom Becker, email to tom at northwind dot com.", "106", "tom@northwind.com"),
    ("Update Priya Natarajan, email to priya at globex dot io.", "105", "priya@globex.io"),
])
def test_a_possessive_heard_as_a_pause_before_email_still_changes_the_email(planner, now, text, who, email):
    (a,) = planner.plan(text, now=now).actions
    assert (a.kind, a.target.id, a.fields["email"]) == ("update_contact", who, email)


@pytest.mark.parametrize("text", [
    "Update Carla Hughes' email to carla dot hughes at uplandworks dot evil.",
    "Tom Becker's new email is tom at northwind dot comm.",
    "Change Priya Natarajan's email to priya at globex dot kom.",
])
def test_an_address_with_an_ending_no_domain_has_is_asked(planner, now, text):
    plan = planner.plan(text, now=now)
    assert not plan.actions and "domain ending" in (plan.message or "")


@pytest.mark.parametrize(("text", "said"), [
    ("Email Clari at Pinecrest about the photo shoot.", "Clari"),
    ("Call Gong at Acme about the pilot.", "Gong"),
    ("Email Outreach at Globex about the renewal.", "Outreach"),
])
def test_a_person_at_a_company_named_like_a_rival_is_asked_about(planner, now, text, said):
    plan = planner.plan(text, now=now)
    assert not plan.actions and f"I don't know {said}" in (plan.message or "")


@pytest.mark.parametrize(("text", "who"), [
    ("Set up a QBR with car quiz that Delta works on December 9 at 2 p.m.", "224"),
    ("I just got off with a Elena Garcia at Blue Harbor, follow up with her Monday.", "109"),
    ("Book a call with a Oliver Grant at Vertex for Friday.", "110"),
])
def test_at_heard_as_that_and_a_filler_a_before_a_name(planner, now, text, who):
    plan = planner.plan(text, now=now)
    assert who in {a.target.id for a in plan.actions if a.target is not None}


def test_cutting_something_else_in_half_is_no_amount(planner, now):
    plan = planner.plan("Draft a cold email to Theo Price at Kestrel Partners. Subject line quick question about onboarding. "
                        "Mention we cut onboarding time in half for Summit Labs.", now=now)
    assert [a.kind for a in plan.actions] == ["draft_email"]
    (a,) = planner.plan("Cut the Acme amount in half.", now=now).actions
    assert a.fields["amount"] == 30000


@pytest.mark.parametrize(("text", "field", "value"), [
    ("Umbrella set the amount to 200, no weight, 250,000.", "amount", 250000),
    ("Book the launch review with Dan Alvarez on December 3rd. Know the 4th at 10am.", "due_date", "2026-12-04"),
    ("Set up a call with Omar Walsh for Wednesday at Quota, past two in the afternoon.", "time", "14:15"),
])
def test_a_correction_or_a_time_heard_as_other_words(planner, now, text, field, value):
    (a,) = planner.plan(text, now=now).actions
    assert a.fields[field] == value


@pytest.mark.parametrize(("text", "who"), [
    ("When did we last? Email Mike Rodriguez.", "Mike Rodriguez"),
    ("When did we last? Call Tom Becker.", "Tom Becker"),
    ("When did I last? Talk to Priya Natarajan.", "Priya Natarajan"),
])
def test_a_question_split_by_a_pause_is_one_question(planner, now, text, who):
    plan = planner.plan(text, now=now)
    assert [a.kind for a in plan.actions] == ["answer"] and who in (plan.message or "")


@pytest.mark.parametrize(("text", "phone"), [
    ("Nina Patel's number is 303-555-0-142. No sorry, 303-555-0-124.", "303 555 0124"),
    ("Tom Becker's number is 206-555-0-199.", "206 555 0199"),
    ("Linda Okafor's number is 214-555-0-107.", "214 555 0107"),
])
def test_a_phone_number_with_a_digit_split_off_by_a_dash(planner, now, text, phone):
    (a,) = planner.plan(text, now=now).actions
    assert a.fields["phone"] == phone


@pytest.mark.parametrize(("text", "reason"), [
    ("We lost Onyx Health to Gong. They said the pricing was too high.", "the pricing was too high"),
    ("We lost Onyx Health to Gong, they said the per-seat pricing was too high for a 40-person team.", "40-person team"),
    ("We lost Acme on price.", "price"),
])
def test_lost_on_needs_a_word_boundary_and_a_team_size_is_no_amount(planner, now, text, reason):
    (a,) = planner.plan(text, now=now).actions
    assert reason in a.fields["lost_reason"] and "amount" not in a.fields


@pytest.mark.parametrize(("text", "who"), [
    ("Send Carla Carter the one-pager, Logit, and ping her again in a week.", "242"),
    ("Send Tom Becker the renewal quote, log it.", "106"),
    ("Send Priya Natarajan the security pack. Log it.", "105"),
])
def test_send_heard_for_sent_before_log_it_is_an_email_logged(planner, now, text, who):
    plan = planner.plan(text, now=now)
    (log,) = [a for a in plan.actions if a.kind == "log_activity"]
    assert (log.target.id, log.fields["activity_type"]) == (who, "email")
    assert not [a for a in plan.actions if a.kind == "draft_email"]


@pytest.mark.parametrize(("text", "who", "time"), [
    ("Put a creative review with Eva Young on Thursday at 3:30 pm.", "273", "15:30"),
    ("Got Noah Ito to agree to a fifteen minute intro, Monday at 9:45.", "229", "09:45"),
    ("Pop a pricing walkthrough with Tom Becker on Friday at 11am.", "106", "11:00"),
])
def test_a_meeting_put_or_agreed_with_a_person_for_a_time_is_booked(planner, now, text, who, time):
    (a,) = planner.plan(text, now=now).actions
    assert (a.kind, a.target.id, a.fields["time"]) == ("book_meeting", who, time)


@pytest.mark.parametrize(("text", "who", "title"), [
    ("Iris Fischer stepped back from founder to advisor at Upland Works, change her title.", "202", "Advisor"),
    ("Tom Becker stepped down from COO to advisor.", "106", "Advisor"),
    ("Priya Natarajan moved from procurement lead to Head of Procurement.", "105", "Head of Procurement"),
])
def test_a_title_changed_from_one_to_another(planner, now, text, who, title):
    (a,) = planner.plan(text, now=now).actions
    assert (a.target.id, a.fields["job_title"]) == (who, title)


@pytest.mark.parametrize(("text", "domain"), [
    ("Can you add Saltmarsh Studios as a company, saltmarsh dot studio, they're in Brooklyn.", "saltmarsh.studio"),
    ("Add a company called Kiln Agency, kiln dot agency, based in Leeds.", "kiln.agency"),
    ("New company: Ferro Design, ferro dot design, out of Milan.", "ferro.design"),
])
def test_a_newer_domain_ending_is_kept(planner, now, text, domain):
    (a,) = planner.plan(text, now=now).actions
    assert (a.kind, a.fields.get("domain")) == ("create_company", domain)


@pytest.mark.parametrize(("text", "value"), [
    ("How many activities have we logged against the Orbital deal?", 5),
    ("How many touches on the Orbital Freight deal so far?", 5),
    ("How many notes are on the Orbital deal?", 4),
])
def test_activities_counted_on_one_deal(planner, now, text, value):
    (a,) = planner.plan(text, now=now).actions
    assert (a.kind, a.fields["value"]) == ("answer", value)


@pytest.mark.parametrize(("text", "records"), [
    ("Which open deals are set to close between now and the end of the month?", {"deal:5009", "deal:5110"}),
    ("What's set to close from now until the end of the month?", {"deal:5009", "deal:5110"}),
    ("List the open deals closing before the end of this month.", {"deal:5009", "deal:5110"}),
])
def test_deals_closing_between_now_and_the_end_of_the_month(planner, now, text, records):
    (a,) = planner.plan(text, now=now).actions
    assert set(a.fields["records"]) == records


@pytest.mark.parametrize("text", [
    "FinanceStartup to Qualified, actually no, straight to Demo Scheduled, they book the demo already.",
    "Move Acme to Demo Scheduled, they book the demo already.",
    "Globex to demo scheduled, she booked it already.",
])
def test_a_demo_they_booked_already_is_not_booked_again(planner, now, text):
    plan = planner.plan(text, now=now)
    assert [a.kind for a in plan.actions] == ["update_deal"] and not plan.message


@pytest.mark.parametrize(("text", "deal"), [
    ("Move this to Proposal Sent, and the amount is now 5025.", "deal:5002"),
    ("Set the amount to 4250.", "deal:5001"),
    ("The amount is now 9025.", "deal:5004"),
])
def test_an_odd_figure_far_below_the_deal_is_asked(planner, now, text, deal):
    plan = planner.plan(text, now=now, context=PlanContext(target=context_target(deal)))
    assert not [a for a in plan.actions if "amount" in a.fields] and "far below" in (plan.message or "")


@pytest.mark.parametrize(("text", "who"), [
    ("Set up a discovery, meeting with Maya Carter at Upland Ventures for the second.", "225"),
    ("Book an intro, call with Tom Becker on Friday at ten.", "106"),
    ("Schedule a pricing, meeting with Priya Natarajan on Monday at two.", "105"),
])
def test_a_pause_inside_the_meetings_name_still_books_it(planner, now, text, who):
    (a,) = planner.plan(text, now=now).actions
    assert (a.kind, a.target.id) == ("book_meeting", who)


@pytest.mark.parametrize(("text", "who"), [
    ("Look a call with Raj Zimmer at Redwood Systems, he said payment goes out Friday.", "210"),
    ("Look a call with Tom Becker, he wants the renewal quote.", "106"),
    ("Look a meeting with Priya Natarajan, the security review went fine.", "105"),
])
def test_log_heard_as_look(planner, now, text, who):
    (a,) = planner.plan(text, now=now).actions
    assert (a.kind, a.target.id) == ("log_activity", who)


@pytest.mark.parametrize(("text", "deal", "stage"), [
    ("Let's get the demo for Quartz Partners. They've seen enough. Move it straight to Proposal Sent.", "5115", "Proposal Sent"),
    ("Acme wants a demo, actually they've seen it, move them straight to negotiation.", "5001", "Negotiation"),
    ("Initech to demo scheduled. Linda has seen the product though, so move it straight to negotiation.", "5006", "Negotiation"),
])
def test_straight_to_a_stage_wins_over_one_said_before(planner, now, text, deal, stage):
    ups = [a for a in planner.plan(text, now=now).actions if a.kind == "update_deal"]
    assert [(a.target.id, a.fields.get("stage")) for a in ups] == [(deal, stage)]


@pytest.mark.parametrize(("text", "value"), [
    ("How much pipeline do we have in hospital and health care?", 373000),
    ("How much open pipeline do we have with marketing and advertising clients?", 9600),
    ("What's the E-Learning pipeline worth?", 140000),
    ("What's the pipeline value for our Madrid clients?", 92600),
])
def test_pipeline_by_the_companies_industry_or_city(planner, now, text, value):
    (a,) = planner.plan(text, now=now).actions
    assert a.fields["value"] == value


@pytest.mark.parametrize(("text", "records"), [
    ("List every company we have in Atlanta.", {"company:9107", "company:9112", "company:9116", "company:9118"}),
    ("Show me all the companies in Miami.", {"company:9104", "company:9105", "company:9114", "company:9123"}),
    ("Which companies are in Atlanta?", {"company:9107", "company:9112", "company:9116", "company:9118"}),
])
def test_companies_in_a_city_are_companies_not_deals(planner, now, text, records):
    (a,) = planner.plan(text, now=now).actions
    assert set(a.fields["records"]) == records


@pytest.mark.parametrize(("text", "tasks"), [
    ("Remind me to call Nina Patel tomorrow and James Whitfield on Tuesday.", [("111", "2026-11-22"), ("108", "2026-11-24")]),
    ("Remind me to call Yusuf Evans on the first of December and Ben Jensen on the second.",
     [("252", "2026-12-01"), ("253", "2026-12-02")]),
    ("Remind me to email Tom Becker on Monday and Priya Natarajan on Friday.", [("106", "2026-11-23"), ("105", "2026-11-27")]),
])
def test_one_reminder_verb_for_two_people_on_two_days_is_two_tasks(planner, now, text, tasks):
    got = [(a.target.id, a.fields["due_date"]) for a in planner.plan(text, now=now).actions]
    assert got == tasks


@pytest.mark.parametrize(("text", "deal", "field", "value"), [
    ("Move the Harbor Health deal, sorry, I mean Onyx Health, to negotiation.", "5108", "stage", "Negotiation"),
    ("Give the Upland Works deal, no wait, Upland Ventures, to Morgan.", "5119", "owner", "Morgan Reyes"),
    ("Push the Acme deal, no sorry, Globex, to January.", "5004", "close_date", "2027-01-31"),
])
def test_the_deal_named_again_after_a_correction_is_the_one_changed(planner_team, now, text, deal, field, value):
    (a,) = planner_team.plan(text, now=now).actions
    assert (a.target.id, a.fields[field]) == (deal, value)


@pytest.mark.parametrize(("text", "value"), [
    ("How many Redwood Labs contacts are still plain leads?", 2),
    ("How many customer contacts do we have at Delta Works?", 1),
    ("How many contacts at Ember Logistics are still just leads?", 2),
])
def test_contacts_of_a_lifecycle_stage_at_one_company(planner, now, text, value):
    (a,) = planner.plan(text, now=now).actions
    assert a.fields["value"] == value


@pytest.mark.parametrize(("text", "who", "day", "time"), [
    ("Book Victor Silva for the twelfth at four p.m.", "235", "2026-12-12", "16:00"),
    ("Onboarding kickoff with Kara Quist at Delta Works, Monday at nine a.m., put it in.", "224", "2026-11-23", "09:00"),
    ("Creative review with Maya Vogel at Willow Group, Tuesday the twenty-fourth at eleven thirty.", "256", "2026-11-24", "11:30"),
])
def test_a_meeting_named_with_a_person_and_a_day_to_come_is_booked(planner, now, text, who, day, time):
    (a,) = planner.plan(text, now=now).actions
    assert (a.kind, a.target.id, a.fields["due_date"], a.fields["time"]) == ("book_meeting", who, day, time)


@pytest.mark.parametrize(("text", "due"), [
    ("In three weeks, remind me to check Delta Works' usage numbers.", "2026-12-12"),
    ("On Friday, remind me to call Tom Becker.", "2026-11-27"),
    ("Tomorrow, follow up with Priya about the DPA.", "2026-11-22"),
])
def test_a_day_said_before_the_request_is_its_due_date(planner, now, text, due):
    (a,) = planner.plan(text, now=now).actions
    assert (a.kind, a.fields["due_date"]) == ("create_task", due)


@pytest.mark.parametrize("text", [
    "Ugh, what a week. Remind me why I started a company again? Never mind, I'm just venting.",
    "Book a call with Tom tomorrow. Never mind, I'm just thinking out loud.",
    "Move Acme to negotiation, never mind, forget it.",
])
def test_everything_taken_back_plans_nothing_and_asks_nothing(planner, now, text):
    plan = planner.plan(text, now=now)
    assert not plan.actions and not plan.clarifications


@pytest.mark.parametrize(("text", "who", "fields"), [
    ("Ava Vogel and Dan Hughes at Upland Media both churned, set their lifecycle to other.", ["250", "259"],
     {"lifecycle_stage": "other"}),
    ("Tom Becker and Priya Natarajan asked us to stop emailing, mark them do not contact.", ["106", "105"],
     {"do_not_contact": True}),
    ("Linda Okafor and Mike Chen signed off, mark them as customers.", ["107", "101"], {"lifecycle_stage": "customer"}),
])
def test_their_after_two_people_named_together_changes_each_once(planner, now, text, who, fields):
    plan = planner.plan(text, now=now)
    assert [(a.target.id, a.fields) for a in plan.actions] == [(w, fields) for w in who]


@pytest.mark.parametrize(("text", "email"), [
    ("Fix Dan Walsh's email, it's dan.walsh@ember-logistics.example, with a dash.", "dan.walsh@ember-logistics.example"),
    ("Dan Walsh's email is dan.walsh@ember-logistics.example now.", "dan.walsh@ember-logistics.example"),
    ("Update Kara Evans's email to kara@ember-logistics.example.", "kara@ember-logistics.example"),
])
def test_a_dash_in_the_domain_said_on_purpose_is_kept(planner, now, text, email):
    (a,) = planner.plan(text, now=now).actions
    assert a.fields["email"] == email


@pytest.mark.parametrize(("said", "amount"), [("sixty-two and a half thousand", 62500), ("two and a half million", 2500000),
                                              ("ten and a half thousand", 10500)])
def test_a_figure_and_a_half_with_its_scale(planner, now, said, amount):
    (a,) = planner.plan(f"Cedar Group's budget came in at {said}, so update the amount on that.", now=now).actions
    assert a.fields["amount"] == amount


@pytest.mark.parametrize(("text", "deal", "owner"), [
    ("Jordan's out on paternity leave, so move the Northwind renewal to Morgan until January.", "5005", "Morgan Reyes"),
    ("Move the Acme deal to Sam until the end of the month.", "5001", "Sam Whitaker"),
    ("Morgan is away, so give the Globex deal to Jordan until February.", "5004", "Jordan Blake"),
])
def test_a_deal_given_to_a_user_until_a_date_changes_its_owner_not_its_close_date(planner_team, now, text, deal, owner):
    (a,) = [a for a in planner_team.plan(text, now=now).actions if a.kind == "update_deal"]
    assert (a.target.id, a.fields) == (deal, {"owner": owner})


@pytest.mark.parametrize("text", [
    "Hand the Umbrella Health deal over to Morgan, she's got the hospital contacts.",
    "Give the Acme deal to Sam, he's got the Chicago contacts anyway.",
    "Hand Globex over to Jordan, she has all the logistics people.",
])
def test_why_a_user_gets_a_deal_hands_over_no_contacts(planner_team, now, text):
    assert [a.kind for a in planner_team.plan(text, now=now).actions] == ["update_deal"]


@pytest.mark.parametrize(("text", "kinds"), [
    ("Create a task to book the QBR with Tom Becker next week.", ["create_task"]),
    ("Add a task to schedule the onboarding call with Priya on Friday.", ["create_task"]),
    ("Set me a reminder to book a demo with Linda Okafor tomorrow.", ["create_task"]),
])
def test_a_task_to_book_a_meeting_is_a_task(planner, now, text, kinds):
    assert [a.kind for a in planner.plan(text, now=now).actions] == kinds


@pytest.mark.parametrize(("text", "kinds"), [
    ("Log a meeting with Gina Moreau, the Willow Group pitch went great and she wants a rebrand proposal by Friday, so set "
     "me a task for that.", ["log_activity", "create_task"]),
    ("Tidal Media wants a campaign quote by Monday, remind me to send it.", ["create_task"]),
    ("Acme wants a rollout deck by Thursday, set me a task for that.", ["create_task"]),
])
def test_a_document_wanted_is_no_new_deal(planner, now, text, kinds):
    assert [a.kind for a in planner.plan(text, now=now).actions] == kinds


@pytest.mark.parametrize(("text", "company", "amount"), [
    ("New retainer with Tidal Media, monthly content, five grand a month for twelve months, so sixty K total.", "Tidal Media",
     60000),
    ("New project with Acme, 40k, qualified.", "Acme Corp", 40000),
    ("New pilot with Globex, twenty k.", "Globex Logistics", 20000),
])
def test_new_paid_work_with_a_company_is_a_new_deal(planner, now, text, company, amount):
    (a,) = planner.plan(text, now=now).actions
    assert (a.kind, a.fields["company"], a.fields["amount"]) == ("create_deal", company, amount)


@pytest.mark.parametrize(("text", "who"), [
    ("Called three people at Quartz Partners today. Yusuf Evans, no answer. Ben Jensen said not right now. Eva Young wants "
     "a proposal.", ["252", "253", "273"]),
    ("Rang two contacts this morning. Tom Becker is fine with the renewal. Priya Natarajan wants the DPA first.", ["106", "105"]),
    ("Tried three people today. Linda Okafor, voicemail. Mike Chen, no answer. Oliver Grant picked up and wants a demo.",
     ["107", "101", "110"]),
])
def test_a_report_of_several_calls_logs_one_call_per_person(planner, now, text, who):
    plan = planner.plan(text, now=now)
    assert [(a.kind, a.target.id) for a in plan.actions] == [("log_activity", w) for w in who]
