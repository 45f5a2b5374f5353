"""Constructions worked on in session 9, three sentences (or more) each in our own words."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "deal", "rival", "why"), [
    ("Globex went with another vendor, Motive, they said the hardware was cheaper.", "5004", "Motive", "hardware was cheaper"),
    ("Bad news on Initech, they picked Zendesk over us, the renewal bundle was the issue.", "5006", "Zendesk",
     "renewal bundle"),
    ("Cedar Group signed with a local agency, Ogilvy, because we couldn't staff it in time.", "5118", "Ogilvy",
     "staff it in time"),
    ("Vertex chose Databricks.", "5009", "Databricks", None),
])
def test_a_customer_that_went_with_a_rival_is_lost_to_it(planner, now, text, deal, rival, why):
    (a,) = planner.plan(text, now=now).actions
    assert (a.kind, a.target.id) == ("update_deal", deal)
    assert a.fields["stage"] == "Closed Lost" and a.fields["competitor"] == rival
    if why:
        assert why in a.fields["lost_reason"] and rival not in a.fields["lost_reason"]
    else:
        assert "lost_reason" not in a.fields


@pytest.mark.parametrize("text", [
    "If Initech went with Zendesk we would be in trouble.",
    "I'm worried Globex picked Samsara already.",
    "Initech is leaning towards Zendesk.",
])
def test_a_rival_only_feared_or_considered_does_not_lose_the_deal(planner, now, text):
    plan = planner.plan(text, now=now)
    assert all(a.fields.get("stage") != "Closed Lost" for a in plan.actions)


@pytest.mark.parametrize(("text", "kind", "who"), [
    ("Add Priya Shah at Globex Logistics, priya.shah@globex.example, and remind me to call her Thursday.", "create_task",
     "Priya Shah"),
    ("Add Sam Okoro as a contact at Tidal Media, he's their new art director, and remind me to send him the deck tomorrow.",
     "create_task", "Sam Okoro"),
    ("I met Marcus Bell at the trade show, he runs ops at Initech. Add him as a contact, marcus.bell@initech.example, "
     "and set me a task to email him on Monday.", "create_task", "Marcus Bell"),
    ("Add Tom Becker's colleague Jana Ruiz at Northwind Traders as a contact and book a call with her next Tuesday at 3 pm.",
     "book_meeting", "Jana Ruiz"),
])
def test_a_task_or_meeting_for_a_new_contact_is_on_that_contact(planner, now, text, kind, who):
    plan = planner.plan(text, now=now)
    made, then = plan.actions
    assert made.kind == "create_contact" and f"{made.fields['first_name']} {made.fields['last_name']}" == who
    assert then.kind == kind and then.target is not None and then.target.id == "new:0" and then.target.name == who
    assert not plan.clarifications


@pytest.mark.parametrize(("text", "company", "person"), [
    ("Add Lakeview Bakery as a company, lakeviewbakery.example, in Tacoma, and add Jo Park there as a contact too.",
     "Lakeview Bakery", ("Jo", "Park")),
    ("New company Fernhill Dental, fernhill.example, and add Paul Ng as a contact there, he's the practice manager.",
     "Fernhill Dental", ("Paul", "Ng")),
    ("Got an intro, Bianca Reyes, she's head of ops at a company called Solstice Energy. Add Solstice Energy as a new "
     "company, solsticeenergy.com, and add her as a contact there.", "Solstice Energy", ("Bianca", "Reyes")),
])
def test_a_person_added_at_a_new_company_is_created_there(planner, now, text, company, person):
    co, pe = planner.plan(text, now=now).actions
    assert co.kind == "create_company" and co.fields["name"] == company
    assert pe.kind == "create_contact" and (pe.fields["first_name"], pe.fields["last_name"]) == person
    assert pe.fields["company"] == company


@pytest.mark.parametrize(("text", "industry"), [
    ("new co lantern studio, lanternstudio.co, design agency", "Design"),
    ("Add Copperleaf Studios as a company, copperleaf.example, in Austin, a branding agency.", "Branding"),
    ("Create company Nimbus Freight, nimbusfreight.io, logistics sector.", "Logistics"),
    ("Add a company called Kestrel Bio, kestrelbio.com, they're in the biotech space.", "Biotech"),
    ("We have a new prospect, Brightline Robotics, brightline.io, in Lisbon, robotics industry. Add them as a company.",
     "Robotics"),
])
def test_a_new_company_keeps_its_industry(planner, now, text, industry):
    (a,) = planner.plan(text, now=now).actions
    assert a.kind == "create_company" and a.fields["industry"] == industry


@pytest.mark.parametrize("text", [
    "Put Chris on the Meadow Health deal, he knows healthcare.",
    "Let Priyanka own the Umbrella Health deal from now on.",
    "Have Taylor handle the Globex account.",
])
def test_an_owner_who_is_no_user_is_asked_about(planner_team, now, text):
    plan = planner_team.plan(text, now=now)
    assert not [a for a in plan.actions if not a.read_only]
    assert any("isn't a user of this workspace" in q for q in plan.clarifications)


@pytest.mark.parametrize(("text", "who", "day", "time", "title"), [
    ("Dan at Tidal Media wants a training session Thursday at 2pm.", "266", "2026-11-26", "14:00", "training session"),
    ("Linda Okafor wants a walkthrough Friday at 10am.", "107", "2026-11-27", "10:00", "walkthrough"),
    ("Put a pitch meeting in with Uma Quist for Wednesday around two thirty in the afternoon.", "201", "2026-11-25", "14:30",
     "pitch meeting"),
    ("Grab 30 minutes with Wendy Khan on Friday at 11 for a discovery call.", "251", "2026-11-27", "11:00", "discovery call"),
    ("Pencil a review call in with Tom Becker for Monday at 9.", "106", "2026-11-23", "09:00", "review call"),
])
def test_a_meeting_said_as_a_wish_or_put_in_is_booked(planner, now, text, who, day, time, title):
    (a,) = planner.plan(text, now=now).actions
    assert (a.kind, a.target.id, a.fields["due_date"], a.fields["time"]) == ("book_meeting", who, day, time)
    assert title in a.fields["title"].lower()


@pytest.mark.parametrize(("text", "who", "day", "time"), [
    ("I think we should get in front of Hugo Evans again, maybe Wednesday at 2 in the afternoon. Put a meeting on the calendar.",
     "223", "2026-11-25", "14:00"),
    ("Lined up Tom Becker for a pricing review, Thursday at 3 pm. Put it in the calendar.", "106", "2026-11-26", "15:00"),
    ("Rachel Adams is free Tuesday at 11. Book a call with her.", "115", "2026-11-24", "11:00"),
])
def test_a_booking_takes_the_day_and_time_said_just_before(planner, now, text, who, day, time):
    (a,) = planner.plan(text, now=now).actions
    assert (a.kind, a.target.id, a.fields.get("due_date"), a.fields.get("time")) == ("book_meeting", who, day, time)


def test_a_booking_does_not_take_a_close_date_said_before(planner, now):
    plan = planner.plan("Move the Acme close date to Friday at 5. Book a call with Mike Chen.", now=now)
    meeting = next(a for a in plan.actions if a.kind == "book_meeting")
    assert "due_date" not in meeting.fields and "time" not in meeting.fields


@pytest.mark.parametrize(("text", "day", "time"), [
    ("Jonas Weber wants to, uh, meet in person on the third at eleven, um, book that.", "2026-12-03", "11:00"),
    ("So I spoke to Felix at Onyx, and he wants a demo. Log that, and book it for Wednesday at 2 pm.", "2026-11-25", "14:00"),
    ("Rachel Adams wants a follow-up call next Monday at 4, um, book it.", "2026-11-23", "16:00"),
])
def test_book_that_books_the_meeting_said_before_a_pause(planner, now, text, day, time):
    plan = planner.plan(text, now=now)
    meeting = next(a for a in plan.actions if a.kind == "book_meeting")
    assert (meeting.fields["due_date"], meeting.fields["time"]) == (day, time)
    assert all("book" not in str(a.fields.get("body", "")).lower() for a in plan.actions)


@pytest.mark.parametrize(("text", "deal", "amount"), [
    ("Closed Granite Health at seventy five k, that's the final number.", "5101", 75000),
    ("We closed Acme at 80k today.", "5001", 80000),
    ("Finally closed the Initech deal for ninety grand!", "5006", 90000),
])
def test_closed_at_an_amount_is_a_win_at_that_amount(planner, now, text, deal, amount):
    (a,) = planner.plan(text, now=now).actions
    assert (a.kind, a.target.id, a.fields["stage"], a.fields["amount"]) == ("update_deal", deal, "Closed Won", amount)


@pytest.mark.parametrize(("text", "who", "phone"), [
    ("Sofia Evans changed numbers, it's plus one 305 555 0144 now.", "254", "+1 305 555 0144"),
    ("Tom Becker switched numbers, it's 415 555 0199.", "106", "415 555 0199"),
    ("Rachel Adams has a new mobile, plus four four, seven seven zero zero, nine double zero, one two three.", "115",
     "+44 7700 900 123"),
])
def test_a_new_number_said_after_a_pause_is_the_phone(planner, now, text, who, phone):
    (a,) = planner.plan(text, now=now).actions
    assert (a.kind, a.target.id, a.fields) == ("update_contact", who, {"phone": phone})


@pytest.mark.parametrize(("text", "update", "body"), [
    ("Take ten percent off the Globex deal and note that procurement is pushing on payment terms.", {"amount": 166500},
     "Procurement is pushing on payment terms"),
    ("Bump Acme to 70k and jot down that the CFO approved it.", {"amount": 70000}, "The CFO approved it"),
    ("Move Initech to negotiation and write down that Linda wants a longer pilot.", {"stage": "Negotiation"},
     "Linda wants a longer pilot"),
    ("Push Acme to Friday and log that Mike is out till then.", {"close_date": "2026-11-27"}, "Mike is out till then"),
])
def test_and_note_that_after_a_change_is_a_note_of_its_own(planner, now, text, update, body):
    upd, note = planner.plan(text, now=now).actions
    assert upd.kind == "update_deal" and upd.fields == update
    assert note.kind == "log_activity" and note.fields["activity_type"] == "note" and note.fields["body"] == body


def _answer(planner, now, text):
    (a,) = planner.plan(text, now=now).actions
    assert a.kind == "answer"
    return a.fields


@pytest.mark.parametrize(("text", "stage"), [
    ("What's the status on the Orbital Freight deal?", "Proposal Sent"),
    ("Any update on the Initech deal?", "Demo Scheduled"),
    ("How's the Acme deal looking?", "Qualified"),
])
def test_the_status_of_a_deal_is_its_stage(planner, now, text, stage):
    assert _answer(planner, now, text)["value"] == stage


@pytest.mark.parametrize(("text", "records"), [
    ("Which contacts at Ember Logistics are still just leads?", {"contact:216", "contact:238"}),
    ("Who at Redwood Labs is an office manager?", {"contact:232", "contact:265"}),
    ("Who are the CTOs at Acme?", set()),
])
def test_people_at_a_company_are_filtered_by_what_is_asked(planner, now, text, records):
    assert set(_answer(planner, now, text)["records"]) == records


@pytest.mark.parametrize(("text", "n"), [
    ("Who are all the VPs of Sales we have in the CRM?", 9),
    ("Who are the CTOs?", 6),
    ("Which contacts are operations managers?", 13),
])
def test_people_by_job_title_across_the_workspace(planner, now, text, n):
    assert len(_answer(planner, now, text)["records"]) == n


@pytest.mark.parametrize("text", [
    "Which companies don't have any deals at all?",
    "Show me accounts with no opportunities.",
    "List the companies without deals.",
])
def test_companies_with_no_deals(planner, now, text):
    assert len(_answer(planner, now, text)["records"]) == 8


@pytest.mark.parametrize(("text", "day"), [
    ("When did we last have a meeting with anyone at Cedar Group?", "2026-10-14"),
    ("When was the last call with anybody at Acme?", None),
])
def test_the_last_activity_of_a_kind_with_anyone_at_a_company(planner, now, text, day):
    got = _answer(planner, now, text)
    if day:
        assert got["value"] == day
    else:
        assert "text" in got


@pytest.mark.parametrize("text", [
    "Can you tell me a joke about accountants?",
    "Any good podcasts for account executives?",
    "Tell me a riddle.",
])
def test_off_topic_requests_plan_nothing(planner, now, text):
    assert planner.plan(text, now=now).actions == []


@pytest.mark.parametrize(("text", "kind", "contact"), [
    ("When did we first email Wendy Price?", "email", 258),
    ("When did we first meet Tom Becker?", "meeting", 106),
    ("When was our first call with Priya Natarajan?", "call", 105),
])
def test_the_first_activity_with_a_person(planner, index, now, text, kind, contact):
    seen = index.contact_activity.get(contact, {}).get(kind)
    assert _answer(planner, now, text).get("value") == (seen[2].isoformat() if seen else None)


@pytest.mark.parametrize(("text", "deal", "kind"), [
    ("How many notes are logged on the Pinecrest deal?", 5010, "note"),
    ("How many calls have we logged against the Acme deal?", 5001, "call"),
    ("how many emails on the Globex deal so far", 5004, "email"),
])
def test_activities_of_a_kind_logged_on_a_deal(planner, index, now, text, deal, kind):
    assert _answer(planner, now, text)["value"] == index.deal_activity.get(deal, {}).get(kind, (0,))[0]


def test_the_pinecrest_deal_has_three_notes(index):
    assert index.deal_activity[5010]["note"][0] == 3


@pytest.mark.parametrize(("text", "kind", "field", "value"), [
    ("Book a meeting with Wendy Price for Friday at 9. No. Make it 10.", "book_meeting", "time", "10:00"),
    ("Pinecrest is probably closer to 6 grand. No, let's say 6500.", "update_deal", "amount", 6500),
    ("Set the Vertex deal to 40k. No, make it 45.", "update_deal", "amount", 45000),
    ("Pinecrest is probably closer to six grand, no, let's say sixty five hundred.", "update_deal", "amount", 6500),
])
def test_a_correction_after_the_recognisers_full_stop_takes_the_new_value(planner, now, text, kind, field, value):
    (a,) = planner.plan(text, now=now).actions
    assert a.kind == kind and a.fields[field] == value


@pytest.mark.parametrize(("heard", "kind", "fields"), [
    # an instruction's first word heard as another: "Add" as "At", "Create" as "Created"
    ("At 15,000 to the Onyx Health Deal, they added two more clinics.", "update_deal", {"amount": 51000}),
    ("At 5k to the Acme deal.", "update_deal", {"amount": 65000}),
    ("Created Deal for Tidal Media, New Starter Plan, 8K, Lead Stage.", "create_deal", {"amount": 8000, "stage": "Lead"}),
    ("Created a new deal for Initech, Phase Two, 30K.", "create_deal", {"amount": 30000}),
    # "and a half a K", a month heard as "John"
    ("Bump the Cedar Group starter plan by 12 and a half a K.", "update_deal", {"amount": 62500}),
    ("Initech, the proposal sent, Closed John 31.", "update_deal", {"close_date": "2027-01-31"}),
    ("Push the Vertex close date to John 15th.", "update_deal", {"close_date": "2027-01-15"}),
])
def test_recognition_slips_at_the_start_of_an_instruction(planner, now, heard, kind, fields):
    (a,) = planner.plan(heard, now=now).actions
    assert a.kind == kind and fields.items() <= a.fields.items()


@pytest.mark.parametrize("heard", [
    "Take the Granite Health deal down 10%, and they won it signed by December tenth.",
    "They want it signed by the 15th, Granite Health.",
    "Initech, the proposal sent, Closed Jan 31.",
])
def test_signed_by_a_date_or_closed_on_a_date_is_no_win(planner, now, heard):
    assert all(a.fields.get("stage") != "Closed Won" for a in planner.plan(heard, now=now).actions)


@pytest.mark.parametrize("heard", [
    "Task called David Kim rebudged at sign-off fry.",
    "Women's Linda Okafor's last demo.",
    "Renewal Call, Tom Becker, Next Use, 10 AM.",
])
def test_garbled_requests_log_no_activity(planner, now, heard):
    assert all(a.kind != "log_activity" for a in planner.plan(heard, now=now).actions)


@pytest.mark.parametrize(("text", "day"), [
    ("Renewal call, Tom Becker, next Tuesday, 10 AM.", "2026-11-24"),
    ("Demo, Linda Okafor, tomorrow at 3pm.", "2026-11-22"),
    ("Check-in call, Rachel Adams, next Monday, 9 am.", "2026-11-23"),
])
def test_a_terse_call_with_a_day_and_time_is_booked(planner, now, text, day):
    (a,) = planner.plan(text, now=now).actions
    assert a.kind == "book_meeting" and a.fields["due_date"] == day


@pytest.mark.parametrize(("heard", "who"), [
    ("Shoot Maya Alvarez and email with the mood board Linda Okafor feedback by Friday.", "241"),
    ("Send Tom Becker and email about the renewal.", "106"),
    ("Drop Rachel Adams and quick email to say thanks.", "115"),
])
def test_an_email_heard_as_and_email_goes_to_the_person_named_first(planner, now, heard, who):
    drafts = [a for a in planner.plan(heard, now=now).actions if a.kind == "draft_email"]
    assert [a.target.id for a in drafts] == [who]


@pytest.mark.parametrize(("text", "logged", "booked"), [
    ("So, I had lunch with Yusuf Rossi, Granite Labs. He wants to bring in his founder, so, um, log the meeting and set up "
     "a call with Theo Ortiz on Friday at one.", "243", "244"),
    ("Had coffee with Tom Becker. He wants his CFO in the loop, so log it and book a call with Rachel Adams on Monday at 10.",
     "106", "115"),
    ("Met Linda Okafor at the conference. She wants a demo for her team, log the meeting and set up a demo with "
     "Mike Chen on Tuesday at 2 pm.", "107", "101"),
])
def test_a_report_then_a_booking_with_someone_else_logs_on_the_first_person(planner, now, text, logged, booked):
    plan = planner.plan(text, now=now)
    logs = [a for a in plan.actions if a.kind == "log_activity"]
    meetings = [a for a in plan.actions if a.kind == "book_meeting"]
    assert [a.target.id for a in logs] == [logged] and [a.target.id for a in meetings] == [booked]
    assert str(meetings[0].fields["title"]).endswith(meetings[0].target.name)
    assert not logs[0].fields["body"].rstrip().endswith(("so", ","))


@pytest.mark.parametrize(("text", "who"), [
    ("So, Theo Walsh, the Harbor Health CEO, he's asking to be the only contact for billing, add a note.", "268"),
    ("Linda Okafor, the Initech CTO, wants weekly reports, add a note.", "107"),
    ("Tom Becker, their Northwind COO, asked for an invoice copy, add a note on that.", "106"),
])
def test_a_person_described_by_company_and_title_gets_the_note(planner, now, text, who):
    notes = [a for a in planner.plan(text, now=now).actions if a.kind == "log_activity"]
    assert [a.target.id for a in notes] == [who]


@pytest.mark.parametrize(("heard", "day", "time"), [
    ("Lunch W slash Theo Ortiz, 3rd, 1230.", "2026-12-03", "12:30"),
    ("Coffee with Tom Becker on the 4th at 9.", "2026-12-04", "09:00"),
    ("Demo with Linda Okafor, 15th at 10.", "2026-12-15", "10:00"),
])
def test_a_meal_or_meeting_with_a_day_to_come_is_booked_not_logged(planner, now, heard, day, time):
    (a,) = planner.plan(heard, now=now).actions
    assert (a.kind, a.fields.get("due_date"), a.fields.get("time")) == ("book_meeting", day, time)


@pytest.mark.parametrize(("heard", "amount"), [
    ("Odd 15 K to the Acme Deal.", 75000),
    ("I think we can bump the Initech deal up to 90 grand. No way. Make it 85.", 85000),
    ("Had 5k to the Acme deal.", 65000),
])
def test_more_recognition_slips_in_amounts(planner, now, heard, amount):
    (a,) = [x for x in planner.plan(heard, now=now).actions if x.kind == "update_deal"]
    assert a.fields["amount"] == amount


@pytest.mark.parametrize("text", [
    "Create deal for stock industries, 50K Qualified.",
    "open a deal for brightwave partners, 20k, lead",
    "new opportunity for lantern studio.",
])
def test_a_deal_for_a_company_the_workspace_lacks_is_asked_about(planner, now, text):
    plan = planner.plan(text, now=now)
    assert not plan.actions and any("in your workspace" in q for q in plan.clarifications)


@pytest.mark.parametrize(("text", "who", "fields"), [
    ("Hugo Ueda's last name is actually Ueda-Park.", "246", {"last_name": "Ueda-Park"}),
    ("Change Tom Becker's last name to Becker-Shaw.", "106", {"last_name": "Becker-Shaw"}),
    ("Rachel Adams goes by Adams-Lee now, update her last name to Adams-Lee.", "115", {"last_name": "Adams-Lee"}),
])
def test_a_hyphenated_new_name_names_nobody_else(planner, now, text, who, fields):
    (a,) = planner.plan(text, now=now).actions
    assert (a.kind, a.target.id) == ("update_contact", who) and fields.items() <= a.fields.items()


@pytest.mark.parametrize(("text", "who", "title"), [
    ("task call david kim re budget sign off fri", "114", "budget"),
    ("todo email priya the deck monday", "105", "deck"),
    ("task - send tom the contract tomorrow", "106", "contract"),
])
def test_a_terse_task_line(planner, now, text, who, title):
    (a,) = planner.plan(text, now=now).actions
    assert (a.kind, a.target.id) == ("create_task", who) and title in a.fields["title"]


@pytest.mark.parametrize(("text", "deal", "rival"), [
    ("competitor on vertex is snowflake", "5009", "Snowflake"),
    ("the competitor for the Acme deal is HubSpot", "5001", "HubSpot"),
    ("competitor for initech: zendesk", "5006", "Zendesk"),
])
def test_the_competitor_said_as_the_field(planner, now, text, deal, rival):
    (a,) = planner.plan(text, now=now).actions
    assert (a.kind, a.target.id, a.fields) == ("update_deal", deal, {"competitor": rival})


@pytest.mark.parametrize(("text", "who", "fields"), [
    ("victor price churned, lifecycle other", "271", {"lifecycle_stage": "other"}),
    ("Ben Jensen at Quartz is moving into a new role, Head of Partnerships. Update that.", "253",
     {"job_title": "Head of Partnerships"}),
    ("Rachel Adams has a new title: VP Marketing.", "115", {"job_title": "VP Marketing"}),
    ("Tom Becker starts a new role as Chief Revenue Officer next month.", "106", {"job_title": "Chief Revenue Officer"}),
])
def test_lifecycle_and_title_said_tersely(planner, now, text, who, fields):
    (a,) = planner.plan(text, now=now).actions
    assert (a.kind, a.target.id, a.fields) == ("update_contact", who, fields)


@pytest.mark.parametrize(("text", "day"), [
    ("Upland Ventures said not before June, so push the close date.", "2027-06-01"),
    ("Acme can't sign until March 9th, so push the close date.", "2027-03-09"),
    ("Initech needs until the end of January, bump the close date.", "2027-01-31"),
])
def test_push_the_close_date_takes_the_date_said_before(planner, now, text, day):
    (a,) = planner.plan(text, now=now).actions
    assert a.kind == "update_deal" and a.fields["close_date"] == day


@pytest.mark.parametrize(("text", "owner", "records"), [
    ("Sam is taking over all the Upland Works stuff, the deal and the three contacts.", "Sam Whitaker",
     {"deal:5116", "contact:202", "contact:248", "contact:263"}),
    ("Give Morgan the Cedar Group account, the contacts I mean, all three of them.", "Morgan Reyes",
     {"contact:215", "contact:236", "contact:261"}),
    ("I'm handing my Summit Labs leads to Jordan, that's Leo Vogel and Zoe Price.", "Jordan Blake",
     {"contact:209", "contact:220"}),
    ("Morgan's taking over Orbital Freight, both the deal and Jonas Weber, so reassign them to her.", "Morgan Reyes",
     {"deal:5011", "contact:112"}),
    ("Sam's covering Northwind while I'm out, so make him the owner of Tom Becker and the renewal deal. Leave Rachel as she is.",
     "Sam Whitaker", {"deal:5005", "contact:106"}),
])
def test_one_owner_for_several_records_handed_over_together(planner_team, now, text, owner, records):
    plan = planner_team.plan(text, now=now)
    assert {f"{a.target.type}:{a.target.id}" for a in plan.actions} == records
    assert all(a.fields == {"owner": owner} for a in plan.actions)


def test_a_person_changed_in_another_clause_is_not_handed_over(planner_team, now):
    plan = planner_team.plan("Over at Umbrella Health, James Whitfield is now chief operating officer, and the deal should go to "
                        "Morgan.", now=now)
    assert [(a.kind, a.fields) for a in plan.actions] == [
        ("update_contact", {"job_title": "Chief Operating Officer"}), ("update_deal", {"owner": "Morgan Reyes"})]


@pytest.mark.parametrize(("text", "body"), [
    ("Okay, add a note on Yusuf Khan. He said, quote, drop table on the old vendor, they're canceling that contract in "
     "December. That's all.", "He said, quote, drop table on the old vendor, they're canceling that contract in December."),
    ("Okay, note on Initech. Their security team wants us to drop the SSO requirement. That's just a note, don't change "
     "anything.", "Their security team wants us to drop the SSO requirement."),
    ("So, add a note on Tom Becker. He wants us to delete from the invoice the old address. Thanks.",
     "He wants us to delete from the invoice the old address."),
])
def test_a_dictated_note_keeps_its_words_and_drops_the_remark_after_it(planner, now, text, body):
    (a,) = planner.plan(text, now=now).actions
    assert a.kind == "log_activity" and a.fields["body"] == body


@pytest.mark.parametrize(("text", "answer", "update"), [
    ("How much is the Orbital Freight deal worth? And while you're at it, set its next step to legal review.", 96000.0,
     ("5011", {"next_step": "Legal review"})),
    ("When does the Acme deal close? Push it two weeks.", "2027-01-31", ("5001", {"close_date": "2027-02-14"})),
    ("What stage is Initech in? Move it to negotiation.", "Demo Scheduled", ("5006", {"stage": "Negotiation"})),
])
def test_a_question_then_a_command_answers_and_acts_on_the_same_record(planner, now, text, answer, update):
    got, upd = planner.plan(text, now=now).actions
    assert got.kind == "answer" and got.fields["value"] == answer
    assert (upd.kind, upd.target.id, upd.fields) == ("update_deal", *update)


@pytest.mark.parametrize(("text", "ctx", "day"), [
    ("Push it two weeks.", "deal:5001", "2027-02-14"),
    ("Push the close date two weeks.", "deal:5001", "2027-02-14"),
    ("Slip it a month.", "deal:5001", "2027-02-28"),
])
def test_push_without_a_direction_is_later(planner, now, text, ctx, day):
    from desktop.planner import PlanContext
    from desktop.planner.evaluation import context_target
    (a,) = planner.plan(text, now=now, context=PlanContext(target=context_target(ctx))).actions
    assert a.fields == {"close_date": day}


def test_pushing_a_call_does_not_move_the_close_date(planner, now):
    from desktop.planner import PlanContext
    from desktop.planner.evaluation import context_target
    plan = planner.plan("Push the call two weeks.", now=now, context=PlanContext(target=context_target("deal:5001")))
    assert all("close_date" not in a.fields for a in plan.actions)


@pytest.mark.parametrize(("text", "kind", "who", "words"), [
    ("Quick one. Vertex, Oliver Grant called me back, they want to close before month end. Drop the price to fifty one "
     "thousand, and leave it in Negotiation.", "call", "110", "close before month end"),
    ("Okay, just left the kickoff with Kara Brooks at Redwood Solutions, they want the whole campaign.", "meeting", "233",
     "whole campaign"),
    ("Walked out of the demo with Linda Okafor, she loved the routing.", "meeting", "107", "loved the routing"),
])
def test_a_call_or_meeting_reported_in_other_words_is_logged(planner, now, text, kind, who, words):
    (a,) = [x for x in planner.plan(text, now=now).actions if x.kind == "log_activity"]
    assert (a.fields["activity_type"], a.target.id) == (kind, who) and words in a.fields["body"]
    assert "leave it" not in a.fields["body"]


@pytest.mark.parametrize(("text", "name"), [
    ("Create a deal for Harbor Health, Phase 2 rollout, 45k, Qualified, closing end of February.", "Harbor Health - Phase 2 rollout"),
    ("New deal for Acme Corp, EU expansion, 30k.", "Acme Corp - EU expansion"),
    ("Open a deal for Initech, Tier 3 support, 12k, Lead.", "Initech - Tier 3 support"),
])
def test_a_new_deal_keeps_a_name_with_capitals_or_digits(planner, now, text, name):
    (a,) = planner.plan(text, now=now).actions
    assert a.kind == "create_deal" and a.fields["name"] == name


def test_a_rival_named_after_a_correction_is_the_competitor(planner, now):
    (a,) = planner.plan("We lost Kestrel Partners. They went with an in-house team, no, actually they hired another agency, "
                        "Brightwave. The reason was they wanted someone local in Berlin.", now=now).actions
    assert a.fields["competitor"] == "Brightwave" and "local in Berlin" in a.fields["lost_reason"]


@pytest.mark.parametrize(("text", "title"), [
    ("Carla Hughes asked for a usage report, remind me to send it to her on Monday.", "Send the usage report to Carla Hughes"),
    ("Tom Becker wants the signed order form, remind me to send it over to him tomorrow.",
     "Send the signed order form to Tom Becker"),
    ("Priya needs a security questionnaire, set a task to share it with her Friday.",
     "Share the security questionnaire with Priya Natarajan"),
])
def test_it_in_a_task_is_what_was_asked_for(planner, now, text, title):
    (a,) = planner.plan(text, now=now).actions
    assert a.kind == "create_task" and a.fields["title"] == title


@pytest.mark.parametrize(("text", "who", "company"), [
    ("Uh, Grace Liu from Lumen called, they want to expand to two more campuses, so open a new deal, Lumen expansion, "
     "thirty-six k.", "113", "Lumen Learning Labs"),
    ("Talked with Iris Fischer at Upland Works, they'll expand in spring, around fifty k. Log the call and create a deal "
     "for it.", "202", "Upland Works"),
    ("Had lunch with Tom Becker, Northwind wants a second warehouse, open a new deal for Northwind Traders, 20k.", "106",
     "Northwind Traders"),
])
def test_a_call_reported_before_a_new_deal_is_logged_too(planner, now, text, who, company):
    plan = planner.plan(text, now=now)
    assert [(a.kind, a.target.id if a.target else None) for a in plan.actions] == [("log_activity", who), ("create_deal", None)]
    assert plan.actions[1].fields["company"] == company


@pytest.mark.parametrize(("text", "who", "fields"), [
    ("Grace Liu should be a customer now that Lumen signed.", "113", {"lifecycle_stage": "customer"}),
    ("Tom Becker will be an evangelist after this launch, mark it.", "106", {"lifecycle_stage": "evangelist"}),
    ("Rachel Adams has become a customer.", "115", {"lifecycle_stage": "customer"}),
])
def test_a_lifecycle_said_as_should_or_will_be(planner, now, text, who, fields):
    (a,) = planner.plan(text, now=now).actions
    assert (a.kind, a.target.id, a.fields) == ("update_contact", who, fields)


@pytest.mark.parametrize(("text", "who", "body"), [
    ("Log a call with Yusuf Rossi, he approved the homepage mockups, no wait, the homepage and the pricing page.", "243",
     "He approved the homepage and the pricing page"),
    ("Log a call with Tom Becker, he wants the gold plan, sorry, the silver plan.", "106", "He wants the silver plan"),
    ("Add a note on Linda Okafor, she reviewed the contract, no wait, the order form.", "107", "She reviewed the order form"),
])
def test_a_correction_of_the_object_keeps_the_person(planner, now, text, who, body):
    (a,) = planner.plan(text, now=now).actions
    assert (a.kind, a.target.id, a.fields["body"].strip(".").lower()) == ("log_activity", who, body.lower())


def test_a_win_already_marked_is_not_planned_again_beside_a_note(planner, now):
    plan = planner.plan("The Summit Labs expansion, Victor Price signed already, I know it's marked won, but can you log a "
                        "note that the invoice goes to accounts payable?", now=now)
    assert [a.kind for a in plan.actions] == ["log_activity"]


@pytest.mark.parametrize(("text", "acts"), [
    ("Delete the Pinecrest Dental deal, that was a test I set up, and delete the Nina Patel contact too.",
     [("delete_record", "deal", "5010"), ("delete_record", "contact", "111")]),
    ("Do not contact on Sofia Evans, she unsubscribed, and remove Zoe Young, she's a duplicate.",
     [("update_contact", "contact", "254"), ("delete_record", "contact", "257")]),
    ("Delete the Acme deal and log a call with Tom Becker.", [("delete_record", "deal", "5001"), ("log_activity", "contact", "106")]),
])
def test_a_delete_beside_other_commands_plans_each(planner, now, text, acts):
    assert [(a.kind, a.target.type, a.target.id) for a in planner.plan(text, now=now).actions] == acts


@pytest.mark.parametrize(("text", "who", "fields"), [
    ("Carla Carter is an opportunity now, and Sam owns her from here on.", "242",
     {"lifecycle_stage": "opportunity", "owner": "Sam Whitaker"}),
    ("Quinn Silva should be a marketing qualified lead now, and put me down as the owner.", "231",
     {"lifecycle_stage": "marketingqualifiedlead", "owner": "Alex Rivera"}),
    ("Tom Becker is a customer now, Jordan takes him.", "106", {"lifecycle_stage": "customer", "owner": "Jordan Blake"}),
])
def test_an_owner_said_as_owns_her_or_put_me_down(planner_team, now, text, who, fields):
    (a,) = planner_team.plan(text, now=now).actions
    assert (a.kind, a.target.id, a.fields) == ("update_contact", who, fields)


@pytest.mark.parametrize(("text", "deal", "amount"), [
    ("Onyx Health is doubling their annual plan, update the deal.", "5108", 72000),
    ("Acme tripled their order, so update the deal.", "5001", 180000),
    ("Initech doubled the seats on their contract, bump the deal.", "5006", 144000),
])
def test_doubling_said_as_news_doubles_the_amount(planner, now, text, deal, amount):
    (a,) = planner.plan(text, now=now).actions
    assert (a.kind, a.target.id, a.fields["amount"]) == ("update_deal", deal, amount)


def test_a_metric_that_doubled_is_no_amount(planner, now):
    plan = planner.plan("Log a call with Tom Becker, their ticket volume doubled the week after launch.", now=now)
    assert [a.kind for a in plan.actions] == ["log_activity"]


@pytest.mark.parametrize(("text", "rival", "why"), [
    ("Lost Umbrella Health to Epic, they went with them because of the integration with their EHR", "Epic", "because of the integration"),
    ("Lost Initech to Zendesk.", "Zendesk", None),
    ("Lost Vertex to Databricks, they chose them because of price.", "Databricks", "because of price"),
])
def test_lost_said_first_names_the_rival(planner, now, text, rival, why):
    (a,) = planner.plan(text, now=now).actions
    assert a.fields["stage"] == "Closed Lost" and a.fields["competitor"] == rival
    assert (why is None) or a.fields["lost_reason"].startswith(why)


@pytest.mark.parametrize(("text", "deal", "day"), [
    ("I think Harbor Health is probably a Q1 close now, move the date.", "5106", "2027-03-31"),
    ("Acme looks like a Q2 close, update the close date.", "5001", "2027-06-30"),
    ("Globex is now a Q1 close, change the date.", "5004", "2027-03-31"),
])
def test_a_quarter_close_said_before_move_the_date(planner, now, text, deal, day):
    (a,) = planner.plan(text, now=now).actions
    assert (a.kind, a.target.id, a.fields) == ("update_deal", deal, {"close_date": day})


@pytest.mark.parametrize(("heard", "kind", "fields"), [
    ("Bump Noah Ito to Sales, Qualified.", "update_contact", {"lifecycle_stage": "salesqualifiedlead"}),
    ("Move Initech to Proposal, Sent.", "update_deal", {"stage": "Proposal Sent"}),
    ("Knock 20% of the Onyx Health deal.", "update_deal", {"amount": 28800}),
    ("Create a deal for Tidal Media. New start-up plan 8K lead stay.", "create_deal", {"amount": 8000, "stage": "Lead"}),
])
def test_pauses_and_homophones_inside_values(planner, now, heard, kind, fields):
    (a,) = planner.plan(heard, now=now).actions
    assert a.kind == kind and fields.items() <= a.fields.items()


@pytest.mark.parametrize(("heard", "title", "day"), [
    ("Add a task on the Cedar Group deal. Send the brand guidelines PDF, do the fourth.", "Send the brand guidelines PDF", "2026-12-04"),
    ("Remind me, to send Carla Ortiz the webinar recording by the third.", "Send Carla Ortiz the webinar recording", "2026-12-03"),
    ("Set a reminder for Tom Becker: call about the renewal, due the twentieth.", "Call about the renewal", "2026-12-20"),
])
def test_a_task_dictated_with_pauses(planner, now, heard, title, day):
    (a,) = planner.plan(heard, now=now).actions
    assert (a.kind, a.fields["title"], a.fields["due_date"]) == ("create_task", title, day)


@pytest.mark.parametrize(("heard", "subject", "body"), [
    ("Right Oliver Grant Email, Subject, Contract, Redlines. Saying Legal has sent back the redlines and we can sign by the 30th.",
     "Contract redlines", "we can sign by the 30th"),
    ("Write Tom Becker an email, subject renewal paperwork. Letting him know the contract is attached.", "Renewal paperwork",
     "contract is attached"),
    ("Email Linda Okafor, subject, pilot, plan. Asking her for the security questionnaire.", "Pilot plan", "security questionnaire"),
])
def test_an_email_dictated_with_pauses_stays_one_email(planner, now, heard, subject, body):
    (a,) = planner.plan(heard, now=now).actions
    assert a.kind == "draft_email" and a.fields["subject"] == subject and body in a.fields["body"]


@pytest.mark.parametrize(("heard", "who", "answer_kind"), [
    ("When did we last here from Maya Carter?", "Maya Carter", "value"),
    ("Anything in the pipeline that's gone stale for more than two weeks.", None, "records"),
    ("Anyone at Acme we haven't called yet.", None, "records"),
])
def test_questions_heard_without_their_question_mark(planner, now, heard, who, answer_kind):
    (a,) = planner.plan(heard, now=now).actions
    assert a.kind == "answer" and answer_kind in a.fields


def test_a_new_company_said_at_a_sentence_end_with_its_person(planner, now):
    plan = planner.plan("Just got a referral. Bianca Reyes, she's head of ops at a company called Solstice Energy. Add Solstice "
                        "Energy as a new company. Solstice Energy.com and add her as a contact there.", now=now)
    co, pe = plan.actions
    assert co.fields == {"name": "Solstice Energy", "domain": "solsticeenergy.com"}
    assert (pe.fields["first_name"], pe.fields["last_name"], pe.fields["company"]) == ("Bianca", "Reyes", "Solstice Energy")


def test_a_list_after_the_pause_is_who_is_handed_over(planner_team, now):
    plan = planner_team.plan("I'm handing my summit labs leads to Jordan. That's Leo Vogel and Zoe Price.", now=now)
    assert {a.target.id for a in plan.actions} == {"209", "220"}


@pytest.mark.parametrize(("heard", "rival"), [
    ("Upland Works isn't renewing. Mark the annual plan lost, reason is budget freeze, and they went with Dosebo.", "Docebo"),
    ("Heads up, Orbital Freight is also talking to Simsara. Put that on the deal as the competitor.", "Samsara"),
    ("Initech is also evaluating Fresh desk.", "Freshdesk"),
])
def test_a_misheard_vendor_snaps_to_the_known_one(planner, now, heard, rival):
    (a,) = planner.plan(heard, now=now).actions
    assert a.fields["competitor"] == rival


def test_an_ambiguous_vendor_word_is_no_rival_without_a_cue(planner, now):
    (a,) = planner.plan("Log a call with Tom Becker, it was an epic call, they love it.", now=now).actions
    assert a.kind == "log_activity"


@pytest.mark.parametrize(("heard", "amount"), [
    ("Pinecrest is probably closer to 6 grand, no. Let's say, 6500.", 6500),
    ("Set the Vertex deal to 40k, sorry. Make it 45k.", 45000),
    ("Initech is at 70 grand, no. Make it 72.", 72000),
])
def test_a_no_closed_by_a_full_stop_still_corrects(planner, now, heard, amount):
    (a,) = planner.plan(heard, now=now).actions
    assert a.fields["amount"] == amount


@pytest.mark.parametrize(("text", "who"), [
    ("Email Theo at Kestrel, about a follow-up call.", "249"),
    ("Email Tom Becker, about the renewal.", "106"),
    ("Draft a note to Linda Okafor, regarding the pilot plan.", "107"),
])
def test_about_after_a_pause_is_the_topic_not_a_task(planner, now, text, who):
    (a,) = planner.plan(text, now=now).actions
    assert (a.kind, a.target.id) == ("draft_email", who)


@pytest.mark.parametrize(("heard", "who", "phone"), [
    ("Add Omar Walsh's direct line. It's plus 1-300-5500-234.", "234", "+1 300 5500 234"),
    ("Update Tom Becker's mobile. It's 415-555-0199.", "106", "415 555 0199"),
    ("Rachel Adams has a new number. It's plus 44 20 7946 0958.", "115", "+44 20 7946 0958"),
])
def test_a_number_said_after_the_pause_is_the_phone_not_an_amount(planner, now, heard, who, phone):
    (a,) = planner.plan(heard, now=now).actions
    assert (a.kind, a.target.id, a.fields) == ("update_contact", who, {"phone": phone})


@pytest.mark.parametrize(("text", "kinds"), [
    ("Draft Email, Kara Brooks and Voice Reminder, Net30.", ["draft_email"]),
    ("draft email tom becker, renewal reminder", ["draft_email"]),
    ("Draft an email to Kara Brooks, invoice reminder, and set a reminder to call her Friday.", ["draft_email", "create_task"]),
])
def test_a_reminder_inside_an_email_is_its_topic(planner, now, text, kinds):
    assert [a.kind for a in planner.plan(text, now=now).actions] == kinds


@pytest.mark.parametrize(("heard", "kind"), [
    ("All in one more, I email Priya at Globex the revised proposal this morning, so log that.", "email"),
    ("I email Tom Becker the contract yesterday, log it.", "email"),
    ("We email Linda Okafor the deck today, log that please.", "email"),
])
def test_an_email_heard_in_the_present_tense_is_logged_as_an_email(planner, now, heard, kind):
    logs = [a for a in planner.plan(heard, now=now).actions if a.kind == "log_activity"]
    assert [a.fields["activity_type"] for a in logs] == [kind]


@pytest.mark.parametrize(("heard", "phone"), [
    ("Add Omar Walsh's direct line. It's plus 1, 305, 555, 0, 2, 3, 4.", "+1 305 555 0234"),
    ("Update Omar Walsh's phone to plus 1, 305, 555, 0, 2, 3, 4.", "+1 305 555 0234"),
    ("Omar Walsh's new number is plus 1 305 555 0234.", "+1 305 555 0234"),
])
def test_digits_said_one_at_a_time_join_one_group(planner, now, heard, phone):
    (a,) = planner.plan(heard, now=now).actions
    assert a.fields["phone"] == phone


@pytest.mark.parametrize(("heard", "fields"), [
    ("So, move the at me deal to Proposal Sent and put it at 75K.", {"stage": "Proposal Sent", "amount": 75000}),
    ("Push the at me deal to January 31st.", {"close_date": "2027-01-31"}),
    ("Move the Acne deal to Negotiation", {"stage": "Negotiation"}),
])
def test_a_company_heard_as_two_short_words_before_deal(planner, now, heard, fields):
    (a,) = planner.plan(heard, now=now).actions
    assert (a.kind, a.target.id) == ("update_deal", "5001") and fields.items() <= a.fields.items()


@pytest.mark.parametrize(("text", "deal", "amount"), [
    ("Meadow Health came back and they want another twenty grand of seats, so bump the deal.", "5102", 100000),
    ("Upland Works wants to expand, they're adding another twelve K to the annual plan.", "5116", 36000),
    ("Acme wants an extra 5k of training on the deal.", "5001", 65000),
])
def test_another_amount_adds_to_the_deal(planner, now, text, deal, amount):
    (a,) = [x for x in planner.plan(text, now=now).actions if x.kind == "update_deal"]
    assert (a.target.id, a.fields["amount"]) == (deal, amount)


@pytest.mark.parametrize(("text", "amount"), [
    ("Quartz Partners signed the retainer! Mark it closed won, it ended up at twelve K.", 12000),
    ("Initech ended up at 80k, mark it won.", 80000),
    ("Vertex settled at 50k in the end, update the amount.", 50000),
])
def test_ended_up_at_is_the_amount_not_a_raise(planner, now, text, amount):
    (a,) = planner.plan(text, now=now).actions
    assert a.fields["amount"] == amount


@pytest.mark.parametrize(("text", "name"), [
    ("Grace Liu referred a colleague at Lumen, Ravi Menon, he's the head of partnerships. Add him and set up an intro call "
     "with him next Wednesday at 1pm.", ("Ravi", "Menon")),
    ("Tom Becker introduced a friend, Dana Cole, she runs ops at Northwind Traders. Add her please.", ("Dana", "Cole")),
    ("Linda Okafor referred someone at Initech, Marco Ruiz. Add him.", ("Marco", "Ruiz")),
])
def test_a_person_referred_is_the_one_added(planner, now, text, name):
    made = [a for a in planner.plan(text, now=now).actions if a.kind == "create_contact"]
    assert [(a.fields["first_name"], a.fields["last_name"]) for a in made] == [name]


@pytest.mark.parametrize("text", [
    "Called Theo Price, they're looking at tools in Q1.",
    "Initech is looking at options for next year.",
    "Tom Becker said they're evaluating vendors again.",
])
def test_a_lower_case_thing_looked_at_is_no_competitor(planner, now, text):
    assert all("competitor" not in a.fields for a in planner.plan(text, now=now).actions)


def test_a_lifecycle_the_user_sets_is_planned_even_when_it_is_already_so(planner, now):
    plan = planner.plan("I called Theo Price at Kestrel Partners, he picked up. Set him as a marketing qualified lead and remind "
                        "me to follow up in three weeks.", now=now)
    assert [(a.kind, a.target.id) for a in plan.actions] == [
        ("log_activity", "249"), ("update_contact", "249"), ("create_task", "249")]


@pytest.mark.parametrize(("text", "deal", "amount"), [
    ("The Delta Solutions deal says three K? That's wrong, it's thirty K.", "5103", 30000),
    ("The Lumen deal closed at eighteen K, but really it's twenty with the add-on. Fix the amount.", "5012", 20000),
    ("Acme is at 60k, but really it's 65 now.", "5001", 65000),
])
def test_the_value_said_after_wrong_or_really_is_the_amount(planner, now, text, deal, amount):
    (a,) = planner.plan(text, now=now).actions
    assert (a.target.id, a.fields["amount"]) == (deal, amount)


@pytest.mark.parametrize("text", [
    "Iris Fischer is churning, they're moving to a competitor, I think it's Docebo. Log that as a note.",
    "Globex is probably going with Samsara, just a note for now.",
    "Initech might slip to March, note that down.",
])
def test_a_statement_logged_as_a_note_changes_no_field(planner, now, text):
    plan = planner.plan(text, now=now)
    assert [a.kind for a in plan.actions] == ["log_activity"]


@pytest.mark.parametrize(("text", "who"), [
    ("Um, so I called, uh, Hugo, the CEO over at Granite Health, he said they're basically ready. So remind me to check in "
     "with him on the fourth.", "223"),
    ("I called Linda at Initech, she's waiting on legal, remind me to ping her Friday.", "107"),
    ("Spoke to Tom at Northwind about the renewal, remind me to send him the quote Monday.", "106"),
])
def test_him_or_her_in_a_task_is_the_one_person_talked_about(planner, now, text, who):
    (a,) = [x for x in planner.plan(text, now=now).actions if x.kind == "create_task"]
    assert (a.target.type, a.target.id) == ("contact", who)


@pytest.mark.parametrize(("text", "records"), [
    ("Give Linda Okafor and the Initech deal to Jordan.", {"deal:5006", "contact:107"}),
    ("Hand Tom Becker and the Northwind deal over to Sam.", {"deal:5005", "contact:106"}),
    ("Give Mike Chen and the Acme deal to Morgan.", {"deal:5001", "contact:101"}),
])
def test_a_person_and_a_deal_given_together(planner_team, now, text, records):
    assert {f"{a.target.type}:{a.target.id}" for a in planner_team.plan(text, now=now).actions} == records


@pytest.mark.parametrize(("text", "who"), [
    ("I'll own David Kim from now on, put me down as his owner.", "114"),
    ("Put me down as her owner, Linda Okafor I mean.", "107"),
    ("Tom Becker, set me as his owner.", "106"),
])
def test_put_me_down_as_his_owner(planner_team, now, text, who):
    (a,) = planner_team.plan(text, now=now).actions
    assert (a.kind, a.target.id, a.fields) == ("update_contact", who, {"owner": "Alex Rivera"})


@pytest.mark.parametrize(("text", "who", "kind"), [
    ("I just tried Mike Chen, no answer, I'll try him again in two days.", "101", "call"),
    ("Right, so I got Elena Garcia on the phone, finally, she's interested.", "109", "call"),
    ("James Whitfield told me on the phone that their budget got approved.", "108", "call"),
    ("Kickoff with Quinn Fischer from Cedar Group went well, they approved the creative direction.", "236", "meeting"),
])
def test_calls_and_meetings_reported_in_other_words(planner, now, text, who, kind):
    (a,) = [x for x in planner.plan(text, now=now).actions if x.kind == "log_activity"]
    assert (a.target.id, a.fields["activity_type"]) == (who, kind)


def test_an_unknown_owner_beside_a_log_does_not_block_the_log(planner_team, now):
    plan = planner_team.plan("Log a call with Rachel Adams, she's happy with the rollout, and assign the Northwind deal to Taylor.",
                             now=now)
    assert [(a.kind, a.target.id) for a in plan.actions] == [("log_activity", "115")]
    assert any("Taylor isn't a user" in q for q in plan.clarifications)


@pytest.mark.parametrize(("text", "fields"), [
    ("Please add Marta Lindqvist to Northwind Traders, she's their new billing manager.",
     {"first_name": "Marta", "last_name": "Lindqvist", "company": "Northwind Traders"}),
    ("Add Joe Park to Acme Corp.", {"first_name": "Joe", "last_name": "Park", "company": "Acme Corp"}),
    ("Add Nora Blum to Initech, she's in procurement.", {"first_name": "Nora", "last_name": "Blum", "company": "Initech"}),
])
def test_add_a_new_person_to_a_company(planner, now, text, fields):
    (a,) = planner.plan(text, now=now).actions
    assert a.kind == "create_contact" and fields.items() <= a.fields.items()


def test_add_an_amount_to_a_deal_is_no_new_person(planner, now):
    (a,) = planner.plan("Add fifteen thousand to the Onyx Health deal, they added two more clinics.", now=now).actions
    assert a.kind == "update_deal"


@pytest.mark.parametrize("text", [
    "Tom Becker wants us to stop calling his cell and use email only, add a note.",
    "Linda Okafor asked us not to call her, email only, note that.",
    "Rachel Adams said stop emailing, text instead, add a note.",
])
def test_a_channel_preference_is_no_do_not_contact(planner, now, text):
    assert all(not a.fields.get("do_not_contact") for a in planner.plan(text, now=now).actions)


@pytest.mark.parametrize(("text", "kinds"), [
    ("Jack Ueda said never call him again. Mark him do not contact.", ["update_contact"]),
    ("Don't book a call with Tom Becker, he's out.", []),
    ("Book a call with Tom Becker tomorrow at 10.", ["book_meeting"]),
])
def test_never_call_books_nothing(planner, now, text, kinds):
    assert [a.kind for a in planner.plan(text, now=now).actions if not a.read_only] == kinds


@pytest.mark.parametrize(("text", "body"), [
    ("Send Felix Hughes the case study this morning. Log it as an email.", "case study"),
    ("Emailed Tom Becker the quote yesterday, log it as an email.", "quote"),
    ("Sent Linda Okafor the deck earlier today. Log that as an email.", "deck"),
])
def test_an_email_sent_earlier_is_logged_not_drafted(planner, now, text, body):
    (a,) = planner.plan(text, now=now).actions
    assert (a.kind, a.fields["activity_type"]) == ("log_activity", "email") and body in a.fields["body"]


@pytest.mark.parametrize("text", [
    "Give the Quartz Partners deal to Kelly. She's our new account laid.",
    "Morgan is our new account manager, give her the Acme deal.",
    "Jordan, my new account exec, takes Initech.",
])
def test_our_new_account_manager_creates_no_company(planner_team, now, text):
    assert all(a.kind != "create_company" for a in planner_team.plan(text, now=now).actions)


@pytest.mark.parametrize(("heard", "who"), [
    ("Rachel's phone number changed to 26050188.", "115"),
    ("Tom Becker's mobile number is now 415 555 0199.", "106"),
    ("Linda's cell phone changed to 212 555 0101.", "107"),
])
def test_a_phone_number_is_never_a_deal_amount(planner, now, heard, who):
    assert all(a.kind != "update_deal" for a in planner.plan(heard, now=now).actions)


@pytest.mark.parametrize("text", [
    "Add a note on Delta Works: onboarding is finished, everyone's trained.",
    "Add a note for Redwood Labs: their office is moving in January.",
    "Note on Summit Labs: the invoice went to accounts payable.",
])
def test_a_note_on_a_company_with_no_open_deal_asks_where(planner, now, text):
    plan = planner.plan(text, now=now)
    assert not plan.actions and any("has no open deal" in q for q in plan.clarifications)


@pytest.mark.parametrize(("text", "target"), [
    ("Note on the Tidal Media deal: client asked us to delete all the draft ad creatives.", ("deal", "5117")),
    ("Add a note on Acme: they want SSO.", ("deal", "5001")),
    ("Add a note on the Summit Labs expansion deal: invoice sent.", ("deal", "5114")),
])
def test_a_note_on_a_named_deal_or_an_open_one_is_logged(planner, now, text, target):
    (a,) = planner.plan(text, now=now).actions
    assert (a.kind, a.target.type, a.target.id) == ("log_activity", *target)


@pytest.mark.parametrize(("text", "who", "day", "time"), [
    ("Grace Liu is free tomorrow at 11 am, book us a call.", "113", "2026-11-22", "11:00"),
    ("Kara Novak wants a call, uh, Friday, no, make that Monday, at ten thirty.", "213", "2026-11-23", "10:30"),
    ("Tom Becker is around Thursday at 3 pm, put a meeting in.", "106", "2026-11-26", "15:00"),
])
def test_a_booking_takes_the_day_and_time_said_earlier_in_the_sentence(planner, now, text, who, day, time):
    (a,) = planner.plan(text, now=now).actions
    assert (a.kind, a.target.id, a.fields.get("due_date"), a.fields.get("time")) == ("book_meeting", who, day, time)


def test_a_call_wanted_before_a_day_is_no_booking(planner, now):
    plan = planner.plan("Tom Becker wants a call before Friday, log that.", now=now)
    assert [a.kind for a in plan.actions] == ["log_activity"]


@pytest.mark.parametrize(("text", "title", "day"), [
    ("I need to review the Northwind usage report by the end of the month, add a task.", "Review the Northwind usage report",
     "2026-11-30"),
    ("We have to send Acme the SOC 2 letter by Friday, make a task.", "Send Acme the SOC 2 letter", "2026-11-27"),
    ("I should call Linda Okafor back tomorrow, set a reminder.", "Call Linda Okafor back", "2026-11-22"),
])
def test_add_a_task_after_what_needs_doing(planner, now, text, title, day):
    (a,) = planner.plan(text, now=now).actions
    assert (a.kind, a.fields["title"], a.fields.get("due_date")) == ("create_task", title, day)


@pytest.mark.parametrize(("text", "why"), [
    ("We lost Delta Dynamics to Salesforce. Pricing.", "Pricing"),
    ("Lost Initech to Zendesk. Budget cuts.", "Budget cuts"),
    ("We lost Vertex to Snowflake. Timing, mostly.", "Timing, mostly"),
])
def test_a_short_reason_said_after_the_loss(planner, now, text, why):
    (a,) = planner.plan(text, now=now).actions
    assert a.fields["stage"] == "Closed Lost" and a.fields.get("lost_reason") == why


def test_an_ambiguous_company_question_asks_without_searching(planner, now):
    plan = planner.plan("What's the Meadow deal worth?", now=now)
    assert not plan.actions and plan.clarifications
