"""Constructions worked on in session 14, three sentences (or more) each in our own words."""

from __future__ import annotations

import pytest

from desktop.planner import PlanContext
from desktop.planner.evaluation import context_target


def _kinds(plan):
    return [a.kind for a in plan.actions]


@pytest.mark.parametrize(("text", "company", "person", "title"), [
    ("Bumped into a founder at the meetup, Ines Calloway, she's CEO of Brackenridge Labs, brackenridge.io, based in "
     "Austin. Add the company and add her as a contact.", "Brackenridge Labs", ("Ines", "Calloway"), "CEO"),
    ("Got introduced to Theo Marchetti, he's head of growth at Quillfeather Books, quillfeather.com. "
     "Please add the company and add him too.", "Quillfeather Books", ("Theo", "Marchetti"), "head of growth"),
    ("Talked to Wren Okonkwo at the expo, COO of Saltire Freight, saltirefreight.co.uk, based in Glasgow. "
     "Create the company and add her as a contact.", "Saltire Freight", ("Wren", "Okonkwo"), "COO"),
])
def test_an_introduced_person_and_company_are_both_created_when_asked_back(planner, now, text, company, person, title):
    plan = planner.plan(text, now=now)
    assert _kinds(plan) == ["create_company", "create_contact"]
    co, who = plan.actions
    assert co.fields["name"] == company
    assert (who.fields["first_name"], who.fields["last_name"], who.fields["company"]) == (*person, company)
    assert title.lower() in who.fields["job_title"].lower()


@pytest.mark.parametrize(("text", "company", "amount"), [
    ("New logo today, Pelham Dental Group, pelhamdental.com. Add the company and open a deal at 18K, qualified.",
     "Pelham Dental Group", 18000),
    ("Signed a new client this morning, Ardent Cycles, ardentcycles.com, based in Leeds. Add them and open a deal "
     "for the spring campaign at twelve thousand, closed won.", "Ardent Cycles", 12000),
    ("New opportunity, Morrow Analytics, morrowanalytics.io. Create the company and start a deal at forty thousand "
     "in lead.", "Morrow Analytics", 40000),
])
def test_an_introduced_company_is_created_with_its_deal(planner, now, text, company, amount):
    plan = planner.plan(text, now=now)
    assert _kinds(plan) == ["create_company", "create_deal"]
    co, deal = plan.actions
    assert co.fields["name"] == company
    assert (deal.fields["company"], deal.fields["amount"]) == (company, amount)


@pytest.mark.parametrize(("text", "first", "company", "title"), [
    ("Just connected with a new lead on LinkedIn, Farah Quayle, VP Marketing at Juniper Systems. Add her please.",
     "Farah", "Juniper Systems", "VP Marketing"),
    ("Met Casimir Dunne at the Globex offsite, he's director of finance at Globex. Add him as a contact.",
     "Casimir", "Globex Logistics", "director of finance"),
    ("Spoke with a new stakeholder, Odile Brennan, procurement lead at Initech. Save her to the CRM.",
     "Odile", "Initech", "procurement lead"),
])
def test_an_introduced_person_at_a_known_company_is_added_back(planner, now, text, first, company, title):
    plan = planner.plan(text, now=now)
    (a,) = plan.actions
    assert a.kind == "create_contact"
    assert (a.fields["first_name"], a.fields["company"]) == (first, company)
    assert title.lower() in a.fields["job_title"].lower()


@pytest.mark.parametrize(("text", "first", "last"), [
    ("Add Priya's manager to the CRM, Gideon Ashby, VP Procurement at Globex, gideon.ashby@globex.example.", "Gideon", "Ashby"),
    ("Create Tom's assistant at Northwind Traders, Lottie Farrow, lottie@northwind.example.", "Lottie", "Farrow"),
    ("Add the new CFO at Initech, Bram Kettering, bram.kettering@initech.example.", "Bram", "Kettering"),
])
def test_a_relation_before_the_name_creates_the_person_named(planner, now, text, first, last):
    plan = planner.plan(text, now=now)
    (a,) = plan.actions
    assert a.kind == "create_contact"
    assert (a.fields["first_name"], a.fields["last_name"]) == (first, last)
    assert "@" in a.fields["email"]


def test_the_new_role_is_the_job_title(planner, now):
    plan = planner.plan("Add the new CFO at Initech, Bram Kettering, bram.kettering@initech.example.", now=now)
    assert plan.actions[0].fields["job_title"] == "CFO"


@pytest.mark.parametrize(("text", "first", "company"), [
    ("New champion at Globex Logistics, Marguerite Lacey, head of platform, marguerite.lacey@globex.example.", "Marguerite",
     "Globex Logistics"),
    ("New decision maker at Initech: Ravi Tambe, CTO, +1 415 555 0199.", "Ravi", "Initech"),
    ("So, new contact over at Northwind Traders, Esme Varga, esme.varga@northwind.example.", "Esme", "Northwind Traders"),
])
def test_a_new_person_announced_with_details_is_created(planner, now, text, first, company):
    plan = planner.plan(text, now=now)
    (a,) = plan.actions
    assert a.kind == "create_contact"
    assert (a.fields["first_name"], a.fields["company"]) == (first, company)


@pytest.mark.parametrize("text", [
    "Met Dana Whitlock at the conference, CEO of Ferncliff Robotics. She wants a demo next Thursday. Add her as a contact.",
    "New champion at Globex, Marguerite Lacey, she loved the demo.",
    "Add Priya's manager to the CRM.",
])
def test_an_introduction_with_more_to_it_is_not_flattened_into_a_create(planner, now, text):
    plan = planner.plan(text, now=now)
    assert not (_kinds(plan) == ["create_contact"] and "demo" in text and "Thursday" in text)
    if "loved the demo" in text:
        assert "create_contact" not in _kinds(plan)
    if text.startswith("Add Priya's manager"):
        assert "create_contact" not in _kinds(plan) and plan.clarifications


@pytest.mark.parametrize("text", [
    "Set up a company record for Harrowgate Clinics, harrowgateclinics.com, Denver.",
    "Open an account for Tamsin Ceramics, tamsinceramics.com, based in Bath.",
    "Could you set up Vantor Bikes as a new company, vantorbikes.com.",
])
def test_set_up_or_open_a_company_record_creates_the_company(planner, now, text):
    plan = planner.plan(text, now=now)
    (a,) = plan.actions
    assert a.kind == "create_company"
    assert a.fields["name"] in text and "." in a.fields["domain"]


@pytest.mark.parametrize(("text", "deal", "fields"), [
    ("The quote went out to Cedar Group on Thursday, update the stage accordingly.", "5118", {"stage": "Proposal Sent"}),
    ("Acme's lawyers are redlining the MSA now, change the stage to match.", "5001", {"stage": "Negotiation"}),
    ("We booked the demo with Kestrel Partners for next week, so update the stage.", "5113", {"stage": "Demo Scheduled"}),
    ("Northwind say they can't sign before March, adjust the close date accordingly.", "5005", {"close_date": "2027-03-01"}),
    ("Umbrella's board will decide by the 18th, update the close date to reflect that.", "5007", {"close_date": "2026-12-18"}),
])
def test_a_field_changed_accordingly_takes_the_value_the_fact_implies(planner, now, text, deal, fields):
    plan = planner.plan(text, now=now)
    changes = [a for a in plan.actions if a.kind == "update_deal"]
    assert [(a.target.id, a.fields) for a in changes] == [(deal, fields)]


@pytest.mark.parametrize("text", [
    "Cedar Group were lovely on the call, update the stage accordingly.",
    "Proposal went out and they signed the NDA, update the stage accordingly.",
])
def test_a_fact_that_implies_no_single_stage_writes_no_stage(planner, now, text):
    plan = planner.plan(text, now=now)
    assert not any("stage" in a.fields for a in plan.actions)


@pytest.mark.parametrize(("text", "due"), [
    ("Create a task on the Acme deal to send the security pack, due end of next month.", "2026-12-31"),
    ("Add a task for the Globex deal to chase legal, due the end of the month.", "2026-11-30"),
    ("Set a task on the Northwind deal to prep the QBR deck, due end of this month.", "2026-11-30"),
])
def test_a_task_due_at_the_end_of_a_month_keeps_its_due_date(planner, now, text, due):
    plan = planner.plan(text, now=now)
    (a,) = plan.actions
    assert (a.kind, a.fields.get("due_date")) == ("create_task", due)


@pytest.mark.parametrize(("text", "title"), [
    ("Create a task on the Redwood Systems deal, confirm their data migration is finished, due the 3rd.", "data migration"),
    ("Add a task on the Acme deal, send Mike the revised SOW, due Friday.", "revised SOW"),
    ("Make a task for the Globex account, chase the signed order form by Tuesday.", "order form"),
])
def test_a_task_on_a_deal_then_a_comma_takes_the_words_after_as_its_title(planner, now, text, title):
    plan = planner.plan(text, now=now)
    (a,) = plan.actions
    assert a.kind == "create_task" and title in a.fields["title"] and a.fields.get("due_date")


@pytest.mark.parametrize(("text", "who", "time"), [
    ("Set a thirty-minute call with Uma Ueda on the 1st at 1pm to go over the renewal terms.", "267", "13:00"),
    ("Set up a 45-minute demo with Priya Natarajan Thursday at 3pm.", "105", "15:00"),
    ("Book a quick 15 min check-in with Tom Becker Monday at 10.", "106", "10:00"),
])
def test_a_meeting_said_with_its_length_is_booked(planner, now, text, who, time):
    plan = planner.plan(text, now=now)
    (a,) = plan.actions
    assert (a.kind, a.target.id, a.fields["time"]) == ("book_meeting", who, time)


@pytest.mark.parametrize(("text", "who", "kind", "said"), [
    ("Log a call with Paula Larsen at Cedar Group. She said, quote, delete all the test users and reset the admin "
     "password, unquote. I'll pass it on to support.", "215", "call", "delete all the test users"),
    ("Log an email from Ben Jensen at Quartz Partners. He wrote, please remove the onboarding fee and move our kickoff "
     "to January.", "253", "email", "move our kickoff to January"),
    ("Log a call with Tom Becker. He said, can you cancel the old PO and drop the late fee, thanks.", "106", "call",
     "cancel the old PO"),
])
def test_a_persons_own_words_after_said_are_the_activity_text_not_commands(planner, now, text, who, kind, said):
    plan = planner.plan(text, now=now)
    (a,) = plan.actions
    assert (a.kind, a.target.id, a.fields["activity_type"]) == ("log_activity", who, kind)
    assert said in a.fields["body"]


def test_a_command_after_the_quoted_words_still_acts(planner, now):
    plan = planner.plan("Log a call with Tom Becker: he said, can you cancel the old PO and send a new one. Move "
                        "Northwind to negotiation.", now=now)
    assert [a.kind for a in plan.actions] == ["log_activity", "update_deal"]
    assert plan.actions[1].fields == {"stage": "Negotiation"}


@pytest.mark.parametrize(("text", "who"), [
    ("Log that I emailed Oliver Grant the revised SOW. Set the Vertex close date to December 11th. And remind me "
     "Wednesday to chase his signature.", "110"),
    ("I called Priya Natarajan about the security review. Move Globex to negotiation, and remind me Friday to send "
     "her the DPA.", "105"),
    ("Had coffee with Tom Becker. Push the Northwind close date to January 15th. Remind me Monday to send him the "
     "renewal quote.", "106"),
])
def test_his_or_her_after_a_deal_clause_is_the_last_person_named(planner, now, text, who):
    plan = planner.plan(text, now=now)
    task = next(a for a in plan.actions if a.kind == "create_task")
    assert task.target.id == who


@pytest.mark.parametrize("text", [
    "Write him a follow-up saying I'll be in Atlanta the week of December 7th and would love to swing by.",
    "Drop him a line saying the contract is ready for signature.",
    "Shoot him a quick message asking whether legal has signed off.",
])
def test_a_message_with_its_words_is_an_email_draft(planner, now, text):
    plan = planner.plan(text, now=now, context=PlanContext(target=context_target("contact:214")))
    (a,) = plan.actions
    assert (a.kind, a.target.id) == ("draft_email", "214")
    assert len(a.fields["body"]) > 10


@pytest.mark.parametrize(("text", "who", "time"), [
    ("Raj Silva from Summit Ventures said yes to an intro call, next Wednesday at half ten, can you put it in?", "203", "10:30"),
    ("Tom Becker wants a renewal review Thursday at 2, can you pop it in?", "106", "14:00"),
    ("Priya Natarajan said yes to a demo on the 3rd at 11, could you put that in please?", "105", "11:00"),
])
def test_can_you_put_it_in_books_the_meeting_said(planner, now, text, who, time):
    plan = planner.plan(text, now=now)
    (a,) = plan.actions
    assert (a.kind, a.target.id, a.fields["time"]) == ("book_meeting", who, time)


@pytest.mark.parametrize(("text", "title"), [
    ("Add Ravi Menon at Initech as a contact, Senior IT Manager.", "Senior IT Manager"),
    ("Add Jo Park at Globex Logistics, she's their interim CFO.", "Interim CFO"),
    ("Tom Becker is now Senior Director of Operations.", "Senior Director of Operations"),
])
def test_a_seniority_word_stays_in_the_job_title(planner, now, text, title):
    plan = planner.plan(text, now=now)
    (a,) = plan.actions
    assert a.fields["job_title"] == title


@pytest.mark.parametrize(("text", "names", "city"), [
    ("Add three companies from the trade show, Harbourline Foods, Pemberton Insurance and Skylark Aviation.",
     ["Harbourline Foods", "Pemberton Insurance", "Skylark Aviation"], None),
    ("Create two new accounts, Quillon Dental and Marlow Optics, both based in Denver.", ["Quillon Dental", "Marlow Optics"],
     "Denver"),
    ("Please add these prospects: Ostara Wines, Bellhaven Hotels, and Corrib Tours.",
     ["Ostara Wines", "Bellhaven Hotels", "Corrib Tours"], None),
])
def test_a_list_of_new_companies_creates_each(planner, now, text, names, city):
    plan = planner.plan(text, now=now)
    assert [a.kind for a in plan.actions] == ["create_company"] * len(names)
    assert [a.fields["name"] for a in plan.actions] == names
    assert all(a.fields.get("city") == city for a in plan.actions)


@pytest.mark.parametrize(("text", "company", "people"), [
    ("Met two people from Globex at the expo. Lena Vasquez, their CTO, lena.vasquez@globex.example, and Arjun Patel, who "
     "runs procurement. Add them both please.", "Globex Logistics", [("Lena", "CTO"), ("Arjun", "procurement")]),
    ("Got two referrals at Initech, Bram Kettering, he's their CFO, and Odile Brennan, she's the IT lead. Can you add them?",
     "Initech", [("Bram", "CFO"), ("Odile", "IT")]),
    ("Add the two new people from Northwind Traders, Esme Varga, buyer, esme@northwind.example, and Theo Lund, he's "
     "their new COO.", "Northwind Traders", [("Esme", "buyer"), ("Theo", "COO")]),
])
def test_several_new_people_at_a_company_are_each_created(planner, now, text, company, people):
    plan = planner.plan(text, now=now)
    assert [a.kind for a in plan.actions] == ["create_contact"] * len(people)
    for a, (first, title) in zip(plan.actions, people, strict=True):
        assert (a.fields["first_name"], a.fields["company"]) == (first, company)
        assert title.lower() in a.fields["job_title"].lower()


@pytest.mark.parametrize(("text", "company", "people"), [
    ("Create a company called Lakeview Credit Union, lakeviewcu.org, based in Madison, and add their CFO Nora Quint and "
     "their head of lending, Paul Arden.", "Lakeview Credit Union", ["Nora", "Paul"]),
    ("Add Redfern Clinics as a company, redfernclinics.com, and add their COO Ivy Marsh and their practice manager, "
     "Sol Benitez.", "Redfern Clinics", ["Ivy", "Sol"]),
])
def test_a_new_company_and_several_of_its_people(planner, now, text, company, people):
    plan = planner.plan(text, now=now)
    assert [a.kind for a in plan.actions] == ["create_company"] + ["create_contact"] * len(people)
    assert plan.actions[0].fields["name"] == company
    assert [(a.fields["first_name"], a.fields["company"]) for a in plan.actions[1:]] == [(p, company) for p in people]


@pytest.mark.parametrize(("text", "first", "company"), [
    ("Create Ortega Vision as a company, ortegavision.com, based in Tucson. Then add Lucia Ferro, she owns the practice, "
     "her email is lucia@ortegavision.com.", "Lucia", "Ortega Vision"),
    ("Add Kestrel Dental as a new company, kestreldental.com. Then add Maya Brandt, she's the office manager.", "Maya",
     "Kestrel Dental"),
    ("Create a company called Finch Analytics, finch.io. Add Omar Reyes, omar@finch.io.", "Omar", "Finch Analytics"),
])
def test_a_new_person_added_right_after_a_new_company_is_its_contact(planner, now, text, first, company):
    plan = planner.plan(text, now=now)
    assert [a.kind for a in plan.actions] == ["create_company", "create_contact"]
    assert (plan.actions[1].fields["first_name"], plan.actions[1].fields["company"]) == (first, company)


@pytest.mark.parametrize(("text", "first", "title"), [
    ("New client, Corvina Vets, corvinavets.com. Create the company, add Helen Aske as the practice owner, and open a "
     "deal at 20K, closed won.", "Helen", "practice owner"),
    ("Signed Pallas Print today, pallasprint.com. Add the company, add Rui Costa as their managing director.", "Rui",
     "managing director"),
])
def test_a_person_added_as_the_new_companys_role(planner, now, text, first, title):
    plan = planner.plan(text, now=now)
    person = next(a for a in plan.actions if a.kind == "create_contact")
    assert person.fields["first_name"] == first and title in person.fields["job_title"].lower()


@pytest.mark.parametrize(("text", "kinds"), [
    ("Remove Ava Vogel from Upland Media, she's gone. Actually, don't delete her, just mark her do not contact.",
     ["update_contact"]),
    ("Delete Iris Novak at Upland Ventures. Actually no, scratch that, we still need her.", []),
    ("Delete the Cedar Group deal. Wait, no, don't delete it, move it to closed lost instead.", ["update_deal"]),
    ("Remove Tom Becker. Actually never mind.", []),
])
def test_a_deletion_taken_back_deletes_nothing(planner, now, text, kinds):
    plan = planner.plan(text, now=now)
    assert [a.kind for a in plan.actions] == kinds
    assert not any(a.destructive for a in plan.actions)


@pytest.mark.parametrize("text", [
    "Log a note on Kara Brooks, prefers texts over calls, don't call before 10am her time.",
    "Add a note on Tom Becker: don't call him after 5, he's on site.",
    "Log a call with Priya Natarajan, she said don't call during the board week.",
])
def test_when_not_to_call_is_no_do_not_contact_flag(planner, now, text):
    plan = planner.plan(text, now=now)
    assert not any(a.fields.get("do_not_contact") for a in plan.actions)
    assert [a.kind for a in plan.actions] == ["log_activity"]


@pytest.mark.parametrize(("text", "email"), [
    ("Elena Garcia's new email is elena@blueharborhomes.example, update it please.", "elena@blueharborhomes.example"),
    ("Tom Becker's email is now tom@northwindtradersgroup.example.", "tom@northwindtradersgroup.example"),
    ("Change Priya Natarajan's email to priya@globexlogisticsgroup.example.", "priya@globexlogisticsgroup.example"),
])
def test_an_address_with_a_word_more_than_the_company_domain_is_kept_as_typed(planner, now, text, email):
    plan = planner.plan(text, now=now)
    (a,) = plan.actions
    assert a.fields["email"] == email


@pytest.mark.parametrize(("text", "first", "last", "title"), [
    ("Create a contact, first name Amara, last name Okonkwo, Vertex Analytics, data engineer.", "Amara", "Okonkwo",
     "Data Engineer"),
    ("New contact: first name Bea, surname Quist, Initech, solutions architect.", "Bea", "Quist", "Solutions Architect"),
    ("Add a contact at Globex Logistics, first name is Noor, last name is Haddad, procurement manager.", "Noor", "Haddad",
     "Procurement Manager"),
])
def test_a_name_said_field_by_field(planner, now, text, first, last, title):
    plan = planner.plan(text, now=now)
    (a,) = plan.actions
    assert (a.kind, a.fields["first_name"], a.fields["last_name"], a.fields.get("job_title")) == (
        "create_contact", first, last, title)


@pytest.mark.parametrize(("text", "company"), [
    ("Create a contact for Northwind's new IT lead, Sven Olsen, sven.olsen@northwind.example.", "Northwind Traders"),
    ("Add a contact for Initech's new buyer, Lara Finch, lara@initech.example.", "Initech"),
    ("Create a record for Globex's new controller, Omid Sadeghi, omid@globex.example.", "Globex Logistics"),
])
def test_a_contact_for_a_companys_new_role_is_at_that_company(planner, now, text, company):
    plan = planner.plan(text, now=now)
    (a,) = plan.actions
    assert a.kind == "create_contact" and a.fields["company"] == company and "'" not in a.fields["first_name"]


@pytest.mark.parametrize("text", [
    "Log a meeting with Priya from Fernhill, they loved the moodboards.",
    "Book a call with Tom from Larkfield on Friday at 2.",
    "Email Grace at Ottoline Studios the case study.",
])
def test_a_first_name_at_a_company_we_do_not_have_is_asked_about(planner, now, text):
    plan = planner.plan(text, now=now)
    assert not [a for a in plan.actions if a.target is not None]
    assert plan.clarifications


@pytest.mark.parametrize(("text", "email"), [
    ("Tom Becker's email is now tom.becker@northwind.example.", "tom.becker@northwind.example"),
    ("Priya Natarajan's email has changed to tobias.p@globex.example.", "tobias.p@globex.example"),
    ("Grace Liu's e-mail is now toni@lumen.example", "toni@lumen.example"),
])
def test_an_address_starting_with_to_keeps_its_first_letters(planner, now, text, email):
    plan = planner.plan(text, now=now)
    (a,) = plan.actions
    assert a.fields["email"] == email


@pytest.mark.parametrize(("text", "owner", "records"), [
    ("Morgan should own Acme going forward, both the deal and Mike.", "Morgan Reyes", {"deal:5001", "contact:101"}),
    ("Jordan's taking over Globex, the deal and Priya both.", "Jordan Blake", {"deal:5004", "contact:105"}),
    ("The Northwind renewal goes to Sam, and the contacts Tom Becker and Rachel Adams go with it.", "Sam Whitaker",
     {"deal:5005", "contact:106", "contact:115"}),
    ("Make Jordan the owner of everything Tom, his contact and the Northwind deal.", "Jordan Blake",
     {"deal:5005", "contact:106"}),
])
def test_one_owner_for_a_deal_and_its_people_named_together(planner_team, now, text, owner, records):
    plan = planner_team.plan(text, now=now)
    assert {f"{a.target.type}:{a.target.id}" for a in plan.actions} == records
    assert all(a.fields == {"owner": owner} for a in plan.actions)


@pytest.mark.parametrize(("text", "who", "stage", "company"), [
    ("Tom Becker is an evangelist now, and open a deal for Northwind Traders, 12k, qualified.", "106", "evangelist",
     "Northwind Traders"),
    ("Make Priya Natarajan a customer and start a new deal for Globex Logistics at 30k in lead.", "105", "customer",
     "Globex Logistics"),
    ("Mark Linda Okafor as sales qualified, then create a deal for Initech, forty thousand, demo scheduled.", "107",
     "salesqualifiedlead", "Initech"),
])
def test_a_lifecycle_change_before_a_new_deal_is_kept(planner, now, text, who, stage, company):
    plan = planner.plan(text, now=now)
    assert [a.kind for a in plan.actions] == ["update_contact", "create_deal"]
    assert (plan.actions[0].target.id, plan.actions[0].fields) == (who, {"lifecycle_stage": stage})
    assert plan.actions[1].fields["company"] == company


@pytest.mark.parametrize(("text", "who", "time", "title"), [
    ("Can we get Tom Becker's QBR on the calendar for December 8th, 11 in the morning?", "106", "11:00", "QBR"),
    ("Could you put a demo with Priya Natarajan in the diary for Thursday at 3?", "105", "15:00", "Demo"),
    ("Grab time with Linda Okafor next Monday at 2:15pm for a brainstorm.", "107", "14:15", "Linda Okafor"),
    ("Schedule Linda Okafor's onboarding session for the 9th at 10am.", "107", "10:00", "Onboarding"),
])
def test_a_meeting_asked_for_the_everyday_way_is_booked(planner, now, text, who, time, title):
    plan = planner.plan(text, now=now)
    (a,) = plan.actions
    assert (a.kind, a.target.id, a.fields["time"]) == ("book_meeting", who, time)
    assert title in a.fields["title"]


@pytest.mark.parametrize(("text", "company", "person"), [
    ("New logo coming in. Tarn Valley Foods, tarnvalley.example, based in Leeds. Their COO is Iris Pym, iris@tarnvalley.example. "
     "Open a deal for them at 30k in qualified.", "Tarn Valley Foods", "Iris"),
    ("New client! Copse Bakery, copsebakery.example, Austin. Their owner is Dev Raman. Set up a deal for their rebrand, 18k, "
     "proposal sent.", "Copse Bakery", "Dev"),
])
def test_a_new_company_announced_with_its_person_and_deal(planner, now, text, company, person):
    plan = planner.plan(text, now=now)
    assert [a.kind for a in plan.actions] == ["create_company", "create_contact", "create_deal"]
    assert plan.actions[0].fields["name"] == company
    assert (plan.actions[1].fields["first_name"], plan.actions[1].fields["company"]) == (person, company)
    assert plan.actions[2].fields["company"] == company


def test_a_new_company_announced_then_its_deal(planner, now):
    plan = planner.plan("New client! Fernhill Bakery, fernhillbakery.example, Austin. Set up a deal for their rebrand, 18k.",
                        now=now)
    assert [a.kind for a in plan.actions] == ["create_company", "create_deal"]


@pytest.mark.parametrize(("text", "kind", "names"), [
    ("Create two companies. Lark and Finch Studio, larkfinch.example, Brooklyn. And Ostara Wellness, ostara.example, Denver.",
     "create_company", ["Lark and Finch Studio", "Ostara Wellness"]),
    ("Add three new accounts: Pell Print. Dune Optics, dune.example. And Marra Tea.", "create_company",
     ["Pell Print", "Dune Optics", "Marra Tea"]),
    ("Create three contacts from the Upland Partners webinar list. Lucia Ferrer, marketing lead. Tomas Gil, CEO. And Ana "
     "Beltran, no title yet.", "create_contact", ["Lucia", "Tomas", "Ana"]),
    ("Add two people at Initech. Rohan Das, IT manager. Mei Lin, mei@initech.example.", "create_contact", ["Rohan", "Mei"]),
])
def test_a_count_of_new_records_then_one_sentence_each(planner, now, text, kind, names):
    plan = planner.plan(text, now=now)
    assert [a.kind for a in plan.actions] == [kind] * len(names)
    key = "name" if kind == "create_company" else "first_name"
    assert [a.fields[key] for a in plan.actions] == names


@pytest.mark.parametrize(("text", "company", "people"), [
    ("Add Bruno Costa as a contact at Tidal Media, he's their new head of content, and Lena Moss at Tidal too, creative director.",
     "Tidal Media", ["Bruno", "Lena"]),
    ("Add Ivo Marsh at Initech, their CTO, and Dana Roe at Initech too, procurement lead.", "Initech", ["Ivo", "Dana"]),
    ("Create Ola Berg as a contact at Globex Logistics, and Kit Lowe there too, she runs ops.", "Globex Logistics", ["Ola", "Kit"]),
])
def test_a_second_new_person_added_with_too(planner, now, text, company, people):
    plan = planner.plan(text, now=now)
    assert [a.kind for a in plan.actions] == ["create_contact"] * len(people)
    assert [(a.fields["first_name"], a.fields["company"]) for a in plan.actions] == [(p, company) for p in people]


@pytest.mark.parametrize(("text", "people", "times"), [
    ("Book two check-ins for Monday, Ava Vogel at 10 and Dan Hughes at 11.", ["250", "259"], ["10:00", "11:00"]),
    ("Book intro meetings next Tuesday with Paula Walsh at 10 and Felix Dubois at 11, both at Juniper Systems.", ["245", "214"],
     ["10:00", "11:00"]),
    ("Schedule three demos for Thursday: Tom Becker at 9, Priya Natarajan at 11 and Linda Okafor at 2pm.", ["106", "105", "107"],
     ["09:00", "11:00", "14:00"]),
])
def test_several_meetings_booked_in_one_breath(planner, now, text, people, times):
    plan = planner.plan(text, now=now)
    assert [a.kind for a in plan.actions] == ["book_meeting"] * len(people)
    assert [(a.target.id, a.fields["time"]) for a in plan.actions] == list(zip(people, times, strict=True))


@pytest.mark.parametrize(("text", "topic"), [
    ("Put a meeting with Priya Natarajan on the calendar for Tuesday at 3:30pm, it's the pricing review.", "the pricing review"),
    ("Book a call with Tom Becker Friday at 10, it's our renewal kickoff.", "our renewal kickoff"),
    ("Set up a call with Linda Okafor for Wednesday the 2nd at 11 a.m. to go through pricing.", "pricing"),
])
def test_what_the_meeting_is_for_is_in_its_title(planner, now, text, topic):
    plan = planner.plan(text, now=now)
    (a,) = plan.actions
    assert a.kind == "book_meeting" and a.fields["title"].endswith(f"about {topic}")


@pytest.mark.parametrize(("text", "day", "time"), [
    ("Book thirty minutes with Tom Becker next Tuesday at 9:30 to go over the annual plan.", "2026-11-24", "09:30"),
    ("Can you book a renewal review with Tom Becker on the last day of the month at 1:30 pm?", "2026-11-30", "13:30"),
    ("Block out an hour with Priya Natarajan on Friday at 2 for the security questions.", "2026-11-27", "14:00"),
])
def test_time_booked_with_someone_and_month_end(planner, now, text, day, time):
    plan = planner.plan(text, now=now)
    (a,) = plan.actions
    assert (a.kind, a.fields.get("due_date"), a.fields.get("time")) == ("book_meeting", day, time)


@pytest.mark.parametrize("text", [
    "Remind me why I started a company again. Kidding, nothing to do here, just venting.",
    "Ugh, what a week. Remind me why I started a company again?",
    "Remind me why we ever agreed to net 90. Just thinking out loud.",
])
def test_venting_plans_nothing(planner, now, text):
    plan = planner.plan(text, now=now)
    assert plan.actions == [] and plan.message


@pytest.mark.parametrize(("text", "who", "company"), [
    ("Rachel Adams has left Northwind, she's at Brightline Retail now, same title.", "115", "Brightline Retail"),
    ("Tom Becker left Northwind Traders, he's now with Tamarind Freight.", "106", "Tamarind Freight"),
    ("Linda Okafor has left Initech; she's a partner at Cobalt Ventures now.", "107", "Cobalt Ventures"),
])
def test_someone_who_left_for_another_company_moves_there(planner, now, text, who, company):
    plan = planner.plan(text, now=now)
    (a,) = plan.actions
    assert (a.kind, a.target.id, a.fields.get("company")) == ("update_contact", who, company)


@pytest.mark.parametrize(("text", "who", "phone"), [
    ("Omar Walsh gave me his direct line, it's +1 305 555 0142.", "234", "+1 305 555 0142"),
    ("Priya Natarajan sent me her mobile: +31 6 5550 1234.", "105", "+31 6 5550 1234"),
    ("Tom Becker gave me his new number, which is +1 206 555 0199.", "106", "+1 206 555 0199"),
])
def test_a_number_someone_gave_me_is_their_phone(planner, now, text, who, phone):
    plan = planner.plan(text, now=now)
    (a,) = plan.actions
    assert (a.kind, a.target.id, a.fields.get("phone")) == ("update_contact", who, phone)


@pytest.mark.parametrize(("text", "said"), [
    ("FYI I emailed Dan Hughes at Upland Media the churn survey, can you log it.", "churn survey"),
    ("I called Tom Becker about the renewal terms, could you log that please?", "renewal terms"),
    ("Heads up, I met Priya Natarajan for coffee about the security review, can you note it.", "security review"),
])
def test_can_you_log_it_logs_what_was_reported(planner, now, text, said):
    plan = planner.plan(text, now=now)
    (a,) = plan.actions
    assert a.kind == "log_activity" and said in a.fields["body"]


@pytest.mark.parametrize(("text", "who", "email"), [
    ("ava vogel's email bounced. the right one is ava@uplandmedia.example, can you fix that", "250", "ava@uplandmedia.example"),
    ("Tom Becker's email is bouncing, the correct address is t.becker@northwind.example.", "106", "t.becker@northwind.example"),
    ("Priya Natarajan's email doesn't work. The new one is priya.n@globex.example", "105", "priya.n@globex.example"),
])
def test_a_bounced_address_is_replaced_by_the_one_given(planner, now, text, who, email):
    plan = planner.plan(text, now=now)
    (a,) = plan.actions
    assert (a.kind, a.target.id, a.fields) == ("update_contact", who, {"email": email})


@pytest.mark.parametrize(("text", "people", "stage"), [
    ("Summit Labs is live now, so Zoe Price and Leo Vogel should both be customers.", ["220", "209"], "customer"),
    ("Make Tom Becker and Rachel Adams evangelists.", ["106", "115"], "evangelist"),
    ("Mark Priya Natarajan and Linda Okafor as customers now.", ["105", "107"], "customer"),
])
def test_two_people_given_one_lifecycle_stage(planner, now, text, people, stage):
    plan = planner.plan(text, now=now)
    assert [(a.target.id, a.fields) for a in plan.actions] == [(p, {"lifecycle_stage": stage}) for p in people]


@pytest.mark.parametrize("text", [
    "how many proposals are out the door right now",
    "How many proposals are still out?",
    "how many proposals are outstanding",
])
def test_proposals_out_counts_deals_in_proposal_sent(planner, now, text):
    plan = planner.plan(text, now=now)
    (a,) = plan.actions
    assert a.kind == "answer" and a.fields["value"] == 6


@pytest.mark.parametrize(("text", "who", "said"), [
    ("Draft an email to Ben Khan, we'd love to win Upland Media back, new year, new budget, let's grab a coffee.", "237",
     "grab a coffee"),
    ("Draft a recap email to Tom Becker from Tuesday's call. Mention the next step on our side is the revised order form.",
     "106", "next step"),
    ("Write an email to Priya Natarajan, thanks for the time today, let's book the security review for next week.", "105",
     "book the security review"),
])
def test_an_emails_words_are_its_body_not_commands(planner, now, text, who, said):
    plan = planner.plan(text, now=now)
    (a,) = plan.actions
    assert (a.kind, a.target.id) == ("draft_email", who) and said in a.fields["body"]


def test_a_command_after_the_emails_words_still_acts(planner, now):
    plan = planner.plan("Draft an email to Ben Khan, let's grab a coffee in January. Move Upland Media to negotiation.", now=now)
    assert [a.kind for a in plan.actions][0] == "draft_email" and "coffee" in plan.actions[0].fields["body"]
    assert "book_meeting" not in [a.kind for a in plan.actions]


@pytest.mark.parametrize(("text", "kinds"), [
    ("Add a task to send Tom Becker the renewal quote on the 1st. And move Northwind to proposal... no, it's already in "
     "negotiation, leave it.", ["create_task"]),
    ("Email Priya Natarajan the DPA, and log it as... no, just send it.", ["draft_email"]),
    ("Book a demo with Linda Okafor Friday at 2, and move Initech to demo... no, forget it.", ["book_meeting"]),
])
def test_a_command_trailed_off_and_taken_back_is_dropped(planner, now, text, kinds):
    plan = planner.plan(text, now=now)
    assert [a.kind for a in plan.actions] == kinds


@pytest.mark.parametrize(("text", "deal", "amount"), [
    ("Make the Onyx deal three hundred fifty k... hmm, no, thirty-five k, I misread the sheet.", "5108", 35000),
    ("Set the Acme amount to ninety k... no, eighty-five k.", "5001", 85000),
    ("Upgrade the Meadow Ventures deal from six grand to nine.", "5105", 9000),
])
def test_a_figure_corrected_after_trailing_off_and_units_carried(planner, now, text, deal, amount):
    plan = planner.plan(text, now=now)
    (a,) = plan.actions
    assert (a.target.id, a.fields) == (deal, {"amount": amount})


@pytest.mark.parametrize(("text", "who", "email"), [
    ("Email to Gina Rossi bounced, her new address is gina@deltadynamics.example.", "204", "gina@deltadynamics.example"),
    ("My email to Tom Becker bounced. His new address is tb@northwind.example", "106", "tb@northwind.example"),
    ("Message to Priya Natarajan bounced, the correct email address is priya.n@globex.example.", "105", "priya.n@globex.example"),
])
def test_a_bounced_email_to_someone_updates_their_address(planner, now, text, who, email):
    plan = planner.plan(text, now=now)
    (a,) = plan.actions
    assert (a.kind, a.target.id, a.fields) == ("update_contact", who, {"email": email})


@pytest.mark.parametrize(("text", "who", "due", "said"), [
    ("Ben at Quartz said to call back after the new year, so set me a reminder for January 5th.", "253", "2027-01-05", "Call"),
    ("Tom Becker asked me to call back next week, so set a reminder for Monday.", "106", "2026-11-23", "Call"),
    ("Priya said to email her after the board meeting, so add a task for December 10th.", "105", "2026-12-10", "Email"),
])
def test_a_reminder_for_what_someone_asked_is_with_them(planner, now, text, who, due, said):
    plan = planner.plan(text, now=now)
    (a,) = plan.actions
    assert (a.kind, a.target.id, a.fields["due_date"]) == ("create_task", who, due)
    assert a.fields["title"].startswith(said)


@pytest.mark.parametrize(("text", "competitor"), [
    ("Set the competitor on Globex to Accenture Song.", "Accenture Song"),
    ("We lost Acme to Salesforce Service Cloud last week.", "Salesforce Service Cloud"),
    ("They're evaluating Gong Monday, put it on the Initech deal as the competitor.", "Gong"),
])
def test_a_competitors_whole_name_is_kept(planner, now, text, competitor):
    plan = planner.plan(text, now=now)
    assert next(a for a in plan.actions if "competitor" in a.fields).fields["competitor"] == competitor


@pytest.mark.parametrize(("text", "title"), [
    ("Add the new admin at Lumen, Devon Park, devon.park@lumenlabs.example, title Learning Systems Admin.", "Learning Systems Admin"),
    ("Add Ivo Marsh at Initech, ivo@initech.example, job title Head of Platform Engineering.", "Head of Platform Engineering"),
    ("Create a contact Noor Haddad at Globex Logistics, title: Regional Fleet Manager.", "Regional Fleet Manager"),
])
def test_a_title_said_as_such_is_taken_whole(planner, now, text, title):
    plan = planner.plan(text, now=now)
    (a,) = plan.actions
    assert (a.kind, a.fields["job_title"]) == ("create_contact", title)


@pytest.mark.parametrize(("text", "people", "stage"), [
    ("They churned, so mark the Tidal Media contacts as other: Kara Novak, Dan Moreau and Carla Ortiz.", ["213", "266", "272"],
     "other"),
    ("Mark the Northwind contacts as evangelists: Tom Becker and Rachel Adams.", ["106", "115"], "evangelist"),
    ("Set all the Globex people to customer - Priya Natarajan and Linda Okafor.", ["105", "107"], "customer"),
])
def test_a_companys_contacts_named_after_their_new_stage(planner, now, text, people, stage):
    plan = planner.plan(text, now=now)
    assert [(a.target.id, a.fields) for a in plan.actions] == [(p, {"lifecycle_stage": stage}) for p in people]
