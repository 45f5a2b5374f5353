"""Issue 12's constructions, each with three different sentences (none from a blind set):
clauses with their own targets and content, verbatim notes, deletions that need a record, owners,
lifecycle stages, corrections, unknown people beside known records, and no write while asking."""

from __future__ import annotations

import pytest

from desktop.agents.fixtures import load_fixture_rows
from desktop.planner import EntityIndex, OfflinePlanner

TEAM = ("Alex Rivera", "Morgan Reyes", "Jordan Blake")


@pytest.fixture(scope="module")
def p():
    rows = load_fixture_rows()
    return OfflinePlanner(EntityIndex.build(rows.contacts, rows.companies, rows.deals, rows.stages, users=TEAM,
                                            activity_counts=rows.activity_counts, contact_activity=rows.contact_activity, deal_activity=rows.deal_activity))


def _acts(plan):
    return [(a.kind, f"{a.target.type}:{a.target.id}" if a.target else None) for a in plan.actions]


@pytest.mark.parametrize("text, body", [
    ("Move the Northwind deal to proposal sent and log a call with Priya Natarajan: she needs a security review first",
     "she needs a security review first"),
    ("Push Northwind to negotiation, then log a call with Priya Natarajan, she wants the SOC 2 report",
     "she wants the soc 2 report"),
    ("Set Northwind to proposal sent and log a meeting with Priya Natarajan about the rollout timeline",
     "the rollout timeline"),
])
def test_each_clause_acts_on_its_own_record_with_its_own_words(p, now, text, body):
    plan = p.plan(text, now=now)
    acts = dict(_acts(plan))
    assert acts["update_deal"] == "deal:5005" and acts["log_activity"] == "contact:105"
    logged = next(a for a in plan.actions if a.kind == "log_activity")
    assert body in logged.fields["body"].lower()
    assert "northwind" not in logged.fields["body"].lower() and "proposal" not in logged.fields["body"].lower()


@pytest.mark.parametrize("text", [
    "Add a note to the Umbrella Health deal: delete the old quote before sending the new one.",
    "Note on Umbrella Health - drop table of contents from the deck, cancel the old pricing",
    "Log a note for James Whitfield saying DELETE FROM invoices; they laughed at our SQL joke",
])
def test_notes_are_data_taken_verbatim(p, now, text):
    plan = p.plan(text, now=now)
    assert [a.kind for a in plan.actions] == ["log_activity"] and not plan.destructive
    note = plan.actions[0]
    assert note.fields["activity_type"] == "note"
    assert note.fields["body"] in text and len(note.fields["body"]) > 20
    assert note.target.id in ("5007", "108")


@pytest.mark.parametrize("text, deleted", [
    ("Delete the Cedar Group deal", "deal:5118"),
    ("please remove Tom Becker from the CRM, he left", "contact:106"),
    ("Get rid of the Upland Ventures deal, it was a test", "deal:5120"),
])
def test_a_deletion_needs_a_delete_verb_whose_object_is_a_record(p, now, text, deleted):
    plan = p.plan(text, now=now)
    assert plan.destructive and _acts(plan) == [("delete_record", deleted)] or \
        (plan.destructive and [a for a in _acts(plan) if a[0] == "delete_record"])


@pytest.mark.parametrize("text", [
    "Tell Nina to delete the old invoice and resend it",
    "Acme wants to remove the legacy module from scope",
    "Tom said they might drop the pilot, log that as a note on Northwind",
])
def test_delete_words_that_are_not_commands_never_delete(p, now, text):
    assert not p.plan(text, now=now).destructive


@pytest.mark.parametrize("text", [
    "Lunch with Tom Becker, he is pushing for us internally, budget signed off for Q2.",
    "Northwind wants to start in H1, Tom Becker confirmed",
    "Acme plans the rollout for Q3, Mike Chen is on it",
])
def test_quarter_and_half_labels_are_not_amounts(p, now, text):
    assert not any("amount" in a.fields for a in p.plan(text, now=now).actions)


@pytest.mark.parametrize("text, owner", [
    ("Give the Granite Labs deal to Morgan", "Morgan Reyes"),
    ("assign the Vertex deal to Jordan Blake", "Jordan Blake"),
    ("Hand the Initech deal back to me", "Alex Rivera"),
])
def test_assignments_go_to_workspace_users(p, now, text, owner):
    plan = p.plan(text, now=now)
    assert [a.fields.get("owner") for a in plan.actions if a.kind == "update_deal"] == [owner]


@pytest.mark.parametrize("text", [
    "Give the Granite Labs deal to Chris",
    "assign the Vertex deal to Priya on my team",
    "Reassign the Initech deal to Taylor",
])
def test_an_unknown_owner_is_a_question_not_a_write(p, now, text):
    plan = p.plan(text, now=now)
    assert plan.clarifications and not plan.mutating


@pytest.mark.parametrize("text, stage", [
    ("Elena Garcia is a customer now", "customer"),
    ("mark Oliver Grant as a marketing qualified lead", "marketingqualifiedlead"),
    ("Nina Patel's lifecycle stage is opportunity", "opportunity"),
])
def test_lifecycle_stages(p, now, text, stage):
    plan = p.plan(text, now=now)
    assert [a.fields.get("lifecycle_stage") for a in plan.actions if a.kind == "update_contact"] == [stage]


@pytest.mark.parametrize("text, amount", [
    ("Put the Onyx Health deal at forty K, actually no, make it forty five.", 45000),
    ("Set Acme to 70k, sorry, I mean 75k", 75000),
    ("Change the Vertex amount to sixty thousand, no wait, sixty five thousand", 65000),
])
def test_the_speakers_own_correction_wins(p, now, text, amount):
    plan = p.plan(text, now=now)
    assert [a.fields.get("amount") for a in plan.actions if a.kind == "update_deal"] == [amount]


@pytest.mark.parametrize("text", [
    "Log a call with Jennifer Park from Acme, she wants a security review",
    "Add a note for Brian at Initech about the pricing sheet",
    "Had a meeting with Tina from Orbital Freight, went well",
])
def test_an_unknown_person_beside_known_records_asks_and_offers_to_create(p, now, text):
    plan = p.plan(text, now=now)
    assert plan.clarifications and "Create a contact" in plan.clarifications[0]
    assert all(a.target is None for a in plan.actions)  # waits for the answer, never on the company's deal


@pytest.mark.parametrize("text", [
    "Set the Northwind renewal to negative five thousand",
    "make the Acme amount minus 20k",
    "Vertex deal amount is -5000",
])
def test_negative_amounts_ask(p, now, text):
    plan = p.plan(text, now=now)
    assert plan.clarifications and not any("amount" in a.fields for a in plan.actions)


@pytest.mark.parametrize("text, said", [
    ("Set the Northwind deal amount to 10^1000", "10^1000"),
    ("Acme budget is 1e309", "1e309"),
    ("make the Vertex deal worth 99999999999999999 dollars", "99999999999999999"),
])
def test_unreadable_amounts_ask_and_quote_what_was_said(p, now, text, said):
    plan = p.plan(text, now=now)
    assert not any("amount" in a.fields for a in plan.actions)
    assert any(said in q for q in plan.clarifications)


def test_exponent_text_inside_a_note_is_kept_verbatim(p, now):
    plan = p.plan("Add a note to the Northwind deal: their API returned 1e5 errors and 10^3 retries", now=now)
    assert [a.kind for a in plan.actions] == ["log_activity"] and not plan.clarifications
    assert "1e5 errors and 10^3 retries" in plan.actions[0].fields["body"]


def test_actions_carry_evidence_spans_and_confidence(p, now):
    text = "Move the Northwind deal to proposal sent and log a call with Priya Natarajan: she needs a review"
    plan = p.plan(text, now=now)
    for a in plan.actions:
        assert a.evidence and all(0 <= s < e <= len(text) for s, e in a.evidence)
        assert 0.0 < a.confidence <= 1.0
    call = next(a for a in plan.actions if a.kind == "log_activity")
    assert any(text[s:e] == "Priya Natarajan" for s, e in call.evidence)


@pytest.mark.parametrize("text", ["follow up with Tom Becker in 10000 years", "remind me in 99999999999 weeks",
                                  "Move the Acme close date to 10000 years from now"])
def test_out_of_range_dates_are_a_question(p, now, text):
    plan = p.plan(text, now=now)
    assert plan.clarifications and not plan.mutating


@pytest.mark.parametrize("text, moves", [
    ("Move Onyx Health to Negotiation, and mark Meadow Ventures as lost", {"5108": "Negotiation", "5105": "Closed Lost"}),
    ("Push Vertex to proposal sent and move Initech to negotiation", {"5009": "Proposal Sent", "5006": "Negotiation"}),
    ("Set Globex to negotiation, then mark Pinecrest Dental as dead", {"5004": "Negotiation", "5010": "Closed Lost"}),
])
def test_two_deals_in_one_sentence_get_their_own_changes(p, now, text, moves):
    plan = p.plan(text, now=now)
    got = {a.target.id: a.fields.get("stage") for a in plan.actions if a.kind == "update_deal"}
    assert got == moves


@pytest.mark.parametrize("text, fields", [
    ("Add a company called Brightline Robotics, brightline dot io, and open a forty thousand dollar pilot deal for them in Lead",
     {"company": "Brightline Robotics", "amount": 40000, "stage": "Lead"}),
    ("Create a deal for Kestrel Studio, ninety K, closing in Q1", {"company": "Kestrel Studio", "amount": 90000,
                                                                   "close_date": "2027-03-31"}),
    ("Open a retainer deal for Summit Labs at four K a month for a year", {"company": "Summit Labs", "amount": 48000}),
])
def test_new_deals_said_naturally(p, now, text, fields):
    deal = next(a for a in p.plan(text, now=now).actions if a.kind == "create_deal")
    assert {k: deal.fields.get(k) for k in fields} == fields


def test_log_a_call_about_the_deal_is_not_a_new_deal(p, now):
    assert not any(a.kind == "create_deal" for a in p.plan("Log a call about the Acme deal, all good", now=now).actions)


@pytest.mark.parametrize("text, reason", [
    ("We lost Initech to Zendesk, Linda said the price was too high", "price was too high"),
    ("Mark Pinecrest Dental as lost because they went with a cheaper vendor", "cheaper vendor"),
    ("Vertex is dead, they decided to build it in-house", "build it in-house"),
])
def test_lost_deals_keep_their_reason(p, now, text, reason):
    deal = next(a for a in p.plan(text, now=now).actions if a.kind == "update_deal")
    assert deal.fields["stage"] == "Closed Lost" and reason in deal.fields["lost_reason"]


@pytest.mark.parametrize("text, title", [
    ("Grace Liu has moved to Chief Product Officer", "Chief Product Officer"),
    ("Nina Patel moved to Practice Manager last month", "Practice Manager"),
    ("Oliver Grant moved to Head of Data", "Head of Data"),
])
def test_moved_to_a_title_is_a_new_title_not_a_company(p, now, text, title):
    upd = next(a for a in p.plan(text, now=now).actions if a.kind == "update_contact")
    assert "company" not in upd.fields and upd.fields["job_title"].lower() == title.lower()


@pytest.mark.parametrize("text, day", [
    ("Book a call with Ben Khan on Thursday at 4pm, sorry, make it Friday", "2026-11-27"),
    ("Set up a demo with Nina Patel on Monday at 10am, no wait, Tuesday", "2026-11-24"),
    ("Schedule a meeting with Tom Becker on Wednesday at 2pm, actually, Thursday", "2026-11-26"),
])
def test_a_corrected_day_keeps_the_time(p, now, text, day):
    meet = next(a for a in p.plan(text, now=now).actions if a.kind == "book_meeting")
    assert meet.fields["due_date"] == day and meet.fields.get("time")


@pytest.mark.parametrize("text", ["Which open deal is our single biggest one?", "open deals over 50k?",
                                  "How many open deals are in negotiation?"])
def test_open_deal_questions_never_create_a_deal(p, now, text):
    assert not any(a.kind.startswith("create_") for a in p.plan(text, now=now).actions)


@pytest.mark.parametrize("text", [
    "Draft a follow-up to Nina Patel recapping the demo",
    "Draft a reply to Tom Becker offering Tuesday afternoon for a chat",
    "Linda Okafor wants the deck, draft her something short",
])
def test_drafts_said_without_the_word_email(p, now, text):
    assert [a.kind for a in p.plan(text, now=now).actions] == ["draft_email"]


@pytest.mark.parametrize("text, stage", [
    ("Add a new deal for Willow Group, forty eight thousand a year, qualified, closing in February", "Qualified"),
    ("New deal for Kestrel Works, eighty K ARR, Lead stage for now", "Lead"),
    ("Opened a deal with Summit Ventures, six k, stage Lead", "Lead"),
])
def test_a_new_deal_takes_the_stage_it_names(p, now, text, stage):
    deal = next(a for a in p.plan(text, now=now).actions if a.kind == "create_deal")
    assert deal.fields.get("stage") == stage


@pytest.mark.parametrize("text, name", [
    ("Add a new company, Brightline Robotics, they're in Denver", "Brightline Robotics"),
    ("Add a new client, Saltmarsh Coffee, saltmarshcoffee dot com", "Saltmarsh Coffee"),
    ("Create a new company, Fernbrook Bakery, based in Portland", "Fernbrook Bakery"),
])
def test_a_new_company_named_after_a_comma(p, now, text, name):
    co = next(a for a in p.plan(text, now=now).actions if a.kind == "create_company")
    assert co.fields["name"] == name


@pytest.mark.parametrize("text, words", [
    ("Got an email from Tom Becker asking about SSO pricing, log it", "sso pricing"),
    ("Priya Natarajan just called, they're worried about the rollout date. Log it.", "rollout date"),
    ("Linda Okafor said the budget moves to Q1, log that as a note", "budget moves to q1"),
])
def test_log_it_takes_what_was_reported(p, now, text, words):
    act = next(a for a in p.plan(text, now=now).actions if a.kind == "log_activity")
    assert words in act.fields["body"].lower()


@pytest.mark.parametrize("text, competitor", [
    ("We lost Pinecrest Dental to Weave, it came down to price", "Weave"),
    ("We lost the Meadow Ventures pitch to Ogilvy", "Ogilvy"),
    ("we lost Vertex to Snowflake last week", "Snowflake"),
])
def test_lost_to_an_unlisted_competitor(p, now, text, competitor):
    deal = next(a for a in p.plan(text, now=now).actions if a.kind == "update_deal")
    assert deal.fields["stage"] == "Closed Lost" and deal.fields["competitor"] == competitor


@pytest.mark.parametrize("text", [
    "Log a note on Tom Becker: the renewal might slip. And push the Northwind close date to January 15th.",
    "Note for Linda Okafor: she is out until Monday. Then move Initech to negotiation.",
    "Add a note to the Vertex deal: legal is slow. Also set the Vertex close date to the 20th.",
])
def test_a_note_ends_where_the_next_command_begins(p, now, text):
    plan = p.plan(text, now=now)
    kinds = [a.kind for a in plan.actions]
    assert "log_activity" in kinds and "update_deal" in kinds
    note = next(a for a in plan.actions if a.kind == "log_activity")
    assert not any(w in note.fields["body"].lower() for w in ("push", "move", "set the"))


@pytest.mark.parametrize("text, field, value", [
    ("Change Nina Patel's last name to Patel-Reid, she just got married", "last_name", "Patel-Reid"),
    ("Oliver Grant actually goes by Ollie, fix his first name", "first_name", "Ollie"),
    ("Change Tom Becker's company to Globex Logistics", "company", "Globex Logistics"),
    ("Oliver Grant has a new email, it's o dot grant at vertexanalytics dot example", "email",
     "o.grant@vertexanalytics.example"),
    ("Grace Liu is now Head of Customer Success", "job_title", "Head of Customer Success"),
])
def test_contact_fields_said_naturally(p, now, text, field, value):
    upd = next(a for a in p.plan(text, now=now).actions if a.kind == "update_contact")
    assert upd.fields[field] == value


@pytest.mark.parametrize("text, day", [
    ("Set a reminder to invoice Summit Labs on the first of December", "2026-12-01"),
    ("create a task due the 3rd to send Tom Becker the invoices", "2026-12-03"),
    ("remind me to call Linda Okafor on the twenty-second of January", "2027-01-22"),
])
def test_ordinal_dates_said_in_words(p, now, text, day):
    task = next(a for a in p.plan(text, now=now).actions if a.kind == "create_task")
    assert task.fields["due_date"] == day


@pytest.mark.parametrize("text", ["Schedule a callback with Ben Jensen tomorrow at noon",
                                  "Just booked a discovery call with Nina Patel for Tuesday at 1pm, put it in",
                                  "I scheduled a demo with Tom Becker on Friday at 3pm"])
def test_meetings_booked_or_said_in_the_past(p, now, text):
    assert "book_meeting" in [a.kind for a in p.plan(text, now=now).actions]


@pytest.mark.parametrize("text, contact", [
    ("Quick call with Dan at Ember, they want the pilot extended by two weeks", "216"),
    ("Short chat with Nina Patel, she is happy with the pilot", "111"),
    ("Good meeting with Linda at Initech, they want a revised quote", "107"),
])
def test_a_call_with_a_person_said_without_a_verb_is_logged_on_them(p, now, text, contact):
    act = next(a for a in p.plan(text, now=now).actions if a.kind == "log_activity")
    assert act.target.type == "contact" and act.target.id == contact and act.fields["activity_type"] in ("call", "meeting")


@pytest.mark.parametrize("text, reason", [
    ("We lost Pinecrest Dental to Weave. Honestly it came down to price.", "price"),
    ("Initech went with Zendesk. Mark it lost, the reason is they already had it bundled.", "bundled"),
    ("We lost the Meadow Ventures pitch to Ogilvy, they had more in-house video capacity.", "in-house video"),
])
def test_lost_reasons_said_another_way(p, now, text, reason):
    deal = next(a for a in p.plan(text, now=now).actions if a.kind == "update_deal")
    assert reason in deal.fields.get("lost_reason", "")


@pytest.mark.parametrize("text, target", [
    ("Delete Zoe Young from Redwood Labs, she left the company", "contact:257"),
    ("Remove Tom Becker, he left the company last month", "contact:106"),
    ("Delete the Kestrel Works company, they went out of business", "company:9121"),
])
def test_the_delete_clause_says_what_is_deleted(p, now, text, target):
    plan = p.plan(text, now=now)
    assert [f"{a.target.type}:{a.target.id}" for a in plan.actions if a.kind == "delete_record"] == [target]


@pytest.mark.parametrize("text, amount", [
    ("Bump the Acme deal to a hundred and twenty grand", 120000),
    ("Raise Initech to about seventy five thousand", 75000),
    ("Increase the Vertex deal to around 90k", 90000),
])
def test_a_raise_to_an_amount_sets_it(p, now, text, amount):
    plan = p.plan(text, now=now)
    assert [a.fields.get("amount") for a in plan.actions] == [amount]


@pytest.mark.parametrize("text, amount", [
    ("Globex, set the amount to one eighty", 180000),   # Globex is at $150,000: thousands are meant
    ("Initech's budget is closer to sixty, set it to sixty k for now", 60000),
    ("The Acme deal is now half a million", 500000),
])
def test_amounts_said_the_short_way(p, now, text, amount):
    plan = p.plan(text, now=now)
    assert [a.fields.get("amount") for a in plan.actions] == [amount]


@pytest.mark.parametrize("text", [
    "Set the Northwind amount to 250",         # Northwind is at $36,000: $250 or $250,000 is asked
    "Set the Vertex deal amount to 3",
    "Blue Harbor budget is nine fifty",
])
def test_a_bare_amount_far_from_the_deal_is_asked(p, now, text):
    plan = p.plan(text, now=now)
    assert plan.clarifications and not any("amount" in a.fields for a in plan.actions)


@pytest.mark.parametrize("text, day", [
    ("aim to close Globex by December 18th", "2026-12-18"),
    ("Northwind should close by Jan 9", "2027-01-09"),
    ("push the Acme close to starting March 3rd", "2027-03-03"),
])
def test_a_month_with_its_day_is_that_day(p, now, text, day):
    plan = p.plan(text, now=now)
    assert [a.fields.get("close_date") for a in plan.actions] == [day]


@pytest.mark.parametrize("text, kind, target, fields", [
    ("Set the Acme amount to 50k. Actually no, make it 55k.", "update_deal", "deal:5001", {"amount": 55000}),
    ("Move Blue Harbor to demo scheduled, wait no, put it in proposal sent.", "update_deal", "deal:5008",
     {"stage": "Proposal Sent"}),
    ("Call Tom Becker tomorrow. Scratch that, email him instead about the renewal.", "draft_email", "contact:106", {}),
])
def test_what_the_speaker_takes_back_is_not_planned(p, now, text, kind, target, fields):
    plan = p.plan(text, now=now)
    assert _acts(plan) == [(kind, target)]
    assert fields.items() <= plan.actions[0].fields.items()
    marker = max(text.lower().find(w) for w in ("wait", "actually", "scratch"))
    assert all(marker < s < e <= len(text) for s, e in plan.actions[0].evidence)  # the card shows the redo


@pytest.mark.parametrize("text", [
    "Log a call with Tom Becker. Actually no, it was a meeting.",
    "Move the Acme deal to negotiation. Wait, no, hmm.",
    "Set Northwind to closed won. Scratch that, uh, let me think.",
])
def test_a_correction_with_nothing_instead_asks_and_writes_nothing(p, now, text):
    plan = p.plan(text, now=now)
    assert plan.clarifications and not plan.mutating


@pytest.mark.parametrize("text, contact", [
    ("Wendy at Onyx Health opened our email three times, set a task to call her tomorrow.", "contact:258"),
    ("Linda from Initech asked for the deck, add a task to send it to her Monday", "contact:107"),
    ("Priya over at Globex went quiet, remind me to ping her on Friday", "contact:105"),
])
def test_a_first_name_at_a_company_is_the_task_s_person(p, now, text, contact):
    plan = p.plan(text, now=now)
    assert _acts(plan) == [("create_task", contact)]


@pytest.mark.parametrize("text", [
    "Jessica from Acme wants pricing, remind me to send it to her Friday",
    "Ben at Initech asked for a demo recording, add a task to send him the link on Monday",
    "Log a call with Raj from Globex Logistics about the SOC 2 report",
])
def test_a_person_the_company_does_not_have_is_asked_about(p, now, text):
    plan = p.plan(text, now=now)
    assert plan.clarifications and "don't know" in plan.clarifications[0]
    assert all(a.target is None for a in plan.actions)  # kept for the answer: nothing lands on a guess


def test_a_job_at_a_company_is_not_a_person(p, now):
    plan = p.plan("Update Felix Dubois, he's now VP of Sales at Juniper.", now=now)
    assert not plan.clarifications and plan.actions[0].fields == {"job_title": "VP of Sales"}


@pytest.mark.parametrize("text, kind", [
    ("Got an email from Yusuf Khan at Upland Works this morning asking about SSO, log it.", "email"),
    ("Had a reply from Tom Becker about the contract, log that", "email"),
    ("Got a call from Priya Natarajan about the legal review, log it", "call"),
])
def test_reported_messages_are_logged_as_what_they_were(p, now, text, kind):
    plan = p.plan(text, now=now)
    assert [(a.kind, a.fields["activity_type"]) for a in plan.actions] == [("log_activity", kind)]


@pytest.mark.parametrize("text", [
    "Yusuf Khan at Upland Works asked whether we integrate with Salesforce",
    "Acme needs the connector that syncs with HubSpot before they sign",
    "Initech asked if our API works with Pipedrive",
])
def test_a_system_they_integrate_with_is_no_competitor(p, now, text):
    plan = p.plan(text, now=now)
    assert not any("competitor" in a.fields for a in plan.actions)


@pytest.mark.parametrize("text, subject", [
    ("Draft a follow-up to Eva Young recapping Wednesday's call, subject line next steps on the expansion.",
     "next steps on the expansion"),
    ("Email Tom Becker with the subject next steps for the renewal", "next steps for the renewal"),
    ("Write to Priya Natarajan, subject: next steps after legal", "next steps after legal"),
])
def test_a_subject_that_says_next_steps_is_not_a_next_step(p, now, text, subject):
    plan = p.plan(text, now=now)
    assert [a.kind for a in plan.actions] == ["draft_email"]
    assert plan.actions[0].fields["subject"].lower() == subject


@pytest.mark.parametrize("text", [
    "Create a contact for Derek Olsen at Redwood, he runs procurement there.",
    "Add a new contact, Mia Lang from Redwood",
    "New contact: Omar Reyes, works at Redwood",
])
def test_a_new_contact_at_a_shared_company_name_asks_which(p, now, text):
    plan = p.plan(text, now=now)
    assert not plan.actions and "Which Redwood" in plan.clarifications[0]
    assert {t.name for t in plan.candidates[0]} == {"Redwood Labs", "Redwood Systems", "Redwood Solutions"}


@pytest.mark.parametrize("text", [
    "Had a check-in call with Lumen Learning Labs, all good on their side.",
    "Quick call with Delta Works, they're happy",
    "Met with Summit Labs about their rollout",
])
def test_an_activity_with_a_company_whose_deals_are_closed_asks_where(p, now, text):
    plan = p.plan(text, now=now)
    assert all(a.target is None for a in plan.actions) and "no open deal" in plan.clarifications[0]
    assert [t.type for t in plan.candidates[0]] == ["company", "deal"]


@pytest.mark.parametrize("text, phone", [
    ("Jonas Weber has a new mobile number, plus four nine, one five one, five five five zero, seven seven eight eight.",
     "+49 151 5550 7788"),
    ("Tom Becker's number is five five five, double two, three four", "555 22 34"),
    ("Update Priya Natarajan's phone to plus one four one five five five five zero one nine nine", "+14155550199"),
])
def test_phone_numbers_said_digit_by_digit(p, now, text, phone):
    plan = p.plan(text, now=now)
    assert [a.fields for a in plan.actions] == [{"phone": phone}]


@pytest.mark.parametrize("text, amount", [
    ("Onyx Health wants to downgrade, drop their deal by a third.", 24000),   # Onyx is at $36,000
    ("Cut the Acme deal in half", 30000),                                    # Acme is at $60,000
    ("Increase Northwind by a quarter", 45000),                              # Northwind is at $36,000
])
def test_fractions_change_the_amount(p, now, text, amount):
    plan = p.plan(text, now=now)
    assert [a.fields.get("amount") for a in plan.actions] == [amount]


@pytest.mark.parametrize("text, deal, stage", [
    ("The Tidal Media deal we lost, they came back, reopen it to Qualified.", "deal:5117", "Qualified"),
    ("Upland Media came back, reopen their deal in Demo Scheduled", "deal:5107", "Demo Scheduled"),
    ("We lost Tidal Media in October but they're back, move it back to Lead", "deal:5117", "Lead"),
])
def test_a_lost_deal_reopened_takes_the_new_stage(p, now, text, deal, stage):
    plan = p.plan(text, now=now)
    assert [(f"deal:{a.target.id}", a.fields.get("stage")) for a in plan.actions] == [(deal, stage)]


@pytest.mark.parametrize("text, changes", [
    ("Give the Quartz Partners deal to Jordan and the Kestrel Partners one to Morgan.",
     [("5115", {"owner": "Jordan Blake"}), ("5113", {"owner": "Morgan Reyes"})]),
    ("Move Acme to negotiation and Globex to proposal sent",
     [("5001", {"stage": "Negotiation"}), ("5004", {"stage": "Proposal Sent"})]),
    ("Assign Tom Becker to Morgan and the Acme deal to Jordan",
     [("106", {"owner": "Morgan Reyes"}), ("5001", {"owner": "Jordan Blake"})]),
])
def test_a_verb_said_once_applies_to_each_pair(p, now, text, changes):
    plan = p.plan(text, now=now)
    assert [(a.target.id, a.fields) for a in plan.actions] == changes


@pytest.mark.parametrize("text", [
    "Push the Acme close date to Friday and Tom Becker wants a call",
    "Move the Acme close date to Friday and Priya Natarajan needs the SOC 2 report",
    "Set the Acme budget to 70k and David Kim wants a demo",
])
def test_a_field_of_the_named_deal_stays_on_that_deal(p, now, text):
    plan = p.plan(text, now=now)
    deals = [a.target.id for a in plan.actions if a.kind == "update_deal"]
    assert deals and set(deals) == {"5001"}


@pytest.mark.parametrize("text, kinds", [
    ("Victor Price called, they want to expand to the London office. Open a new deal for Summit Labs called London "
     "Expansion at thirty K, and set a task to send him the order form by Friday.",
     [("log_activity", "contact:271"), ("create_deal", None), ("create_task", "contact:271")]),
    ("Log a call with Tom Becker and create a contact for Lisa Huang at Northwind Traders",
     [("log_activity", "contact:106"), ("create_contact", None)]),
    ("Move Acme to negotiation. Create a deal for Globex called Fleet Phase Two at 90k.",
     [("update_deal", "deal:5001"), ("create_deal", None)]),
])
def test_a_new_record_among_other_commands_keeps_them_all(p, now, text, kinds):
    plan = p.plan(text, now=now)
    assert _acts(plan) == kinds
    created = next(a for a in plan.actions if a.kind.startswith("create_") and a.kind != "create_task")
    assert not any(a.kind == "update_deal" and "amount" in a.fields for a in plan.actions)  # no amount on an old deal
    assert all(s >= 0 for s, _ in created.evidence)


@pytest.mark.parametrize("text, kind", [
    ("Victor Price called, they want to expand to the London office.", "call"),
    ("Tom Becker emailed, the renewal is on track", "email"),
    ("Priya Natarajan rang this morning, legal is done", "call"),
])
def test_a_reported_interaction_is_logged_as_that_type(p, now, text, kind):
    plan = p.plan(text, now=now)
    assert [(a.kind, a.fields.get("activity_type")) for a in plan.actions] == [("log_activity", kind)]


@pytest.mark.parametrize("text, name", [
    ("Add Brightline Robotics as a company, and open a forty thousand dollar pilot deal for them in Lead",
     "Brightline Robotics"),
    ("Create Fernway Foods as a new customer", "Fernway Foods"),
    ("Save Polar Systems as an account", "Polar Systems"),
])
def test_a_company_added_by_name_as_a_company(p, now, text, name):
    plan = p.plan(text, now=now)
    assert plan.actions[0].kind == "create_company" and plan.actions[0].fields["name"] == name


@pytest.mark.parametrize("text, field, words", [
    ("Orbital Freight just signed, draft a thank-you email to Jonas Weber.", "body", "thank you"),
    ("Draft a reply to Ben Zimmer at Onyx offering Tuesday or Wednesday afternoon for a quick chat.", "body",
     "offering tuesday"),
    ("Draft an email to Quinn Fischer, subject revised timeline, saying the launch moves to January.", "body",
     "the launch moves to january"),
])
def test_email_drafts_carry_what_was_said(p, now, text, field, words):
    plan = p.plan(text, now=now)
    email = next(a for a in plan.actions if a.kind == "draft_email")
    assert words in email.fields[field].lower()
    assert email.fields[field].lower().count(words) == 1


@pytest.mark.parametrize("text, fields", [
    ("Add a new contact at Northwind Traders, Lisa Huang, she's their new Head of Finance, email lisa dot huang at "
     "northwind dot example.", {"first_name": "Lisa", "last_name": "Huang", "email": "lisa.huang@northwind.example"}),
    ("Add a new lead, Marcus Lee, Head of Operations at Juniper Systems, marcus dot lee at junipersystems dot example.",
     {"first_name": "Marcus", "email": "marcus.lee@junipersystems.example"}),
    ("Create a contact at Acme Corp, Nina Shah, nina at acme dot example", {"first_name": "Nina", "last_name": "Shah",
                                                                          "email": "nina@acme.example"}),
])
def test_new_contacts_said_in_any_order_with_spoken_emails(p, now, text, fields):
    plan = p.plan(text, now=now)
    assert plan.actions[0].kind == "create_contact"
    assert fields.items() <= plan.actions[0].fields.items()


@pytest.mark.parametrize("text, amount", [
    ("Give Delta Solutions ten percent off the annual plan, they've been patient with us.", 2700),  # from $3,000
    ("Take ten percent off the Vertex deal", 48600),                                               # from $54,000
    ("Vertex signed at fifty-two after a last-minute discount, mark it closed won.", 52000),
])
def test_discounts_and_signed_at_amounts(p, now, text, amount):
    plan = p.plan(text, now=now)
    assert [a.fields.get("amount") for a in plan.actions] == [amount]


@pytest.mark.parametrize("text, stage", [
    ("Elena Garcia is a proper sales qualified lead now, update her lifecycle stage.", "salesqualifiedlead"),
    ("Tom Becker is a paying customer now", "customer"),
    ("Priya Natarajan is a real MQL now", "marketingqualifiedlead"),
])
def test_lifecycle_stages_said_with_an_adjective(p, now, text, stage):
    plan = p.plan(text, now=now)
    assert [a.fields.get("lifecycle_stage") for a in plan.actions] == [stage]


def test_over_an_amount_is_strictly_more(p, now):
    plan = p.plan("List the open deals over fifty grand.", now=now)
    assert "deal:5118" not in plan.actions[0].fields["records"]  # Cedar Group at exactly $50,000
    plan = p.plan("List the open deals of at least fifty grand.", now=now)
    assert "deal:5118" in plan.actions[0].fields["records"]


@pytest.mark.parametrize("text", [
    "Move the Vertex deal to stage eleven.",
    "Move the Vertex deal to the purple stage",
    "Push Acme into the contracting stage",
])
def test_a_stage_the_pipeline_does_not_have_is_asked(p, now, text):
    plan = p.plan(text, now=now)
    assert not plan.actions and "no stage" in plan.clarifications[0]


@pytest.mark.parametrize("text, when", [
    ("Eva Young wants a follow-up call, book it for Monday at 4 pm", ("2026-11-23", "16:00")),
    ("Tom Becker asked for a demo, schedule it for Thursday at 11", ("2026-11-26", "11:00")),
    ("Priya Natarajan wants a quick sync, put it in for Wednesday at 2pm", ("2026-11-25", "14:00")),
])
def test_book_it_books_the_meeting_just_mentioned(p, now, text, when):
    plan = p.plan(text, now=now)
    assert [(a.kind, a.fields.get("due_date"), a.fields.get("time")) for a in plan.actions] == [("book_meeting", *when)]


@pytest.mark.parametrize("text", [
    "Update Ben Jensen's email to ben at at quartz partners.",
    "Tom Becker's email address is now tom at",
    "Change Priya Natarajan's email to priya dot natarajan at",
])
def test_an_email_address_that_cannot_be_read_is_asked_for(p, now, text):
    plan = p.plan(text, now=now)
    assert not plan.mutating and "e-mail address" in plan.clarifications[0]


@pytest.mark.parametrize("text, body", [
    ("Tom Becker flagged that the renewal is at risk because of the support outage. Log a note and set a task "
     "for me to call Rachel Adams by Wednesday.", "renewal is at risk because of the support outage"),
    ("Priya Natarajan says legal signed off. Add a note.", "legal signed off"),
    ("Mike Chen told me the board meets in January, note that down", "board meets in january"),
])
def test_log_a_note_takes_what_was_said_before_it(p, now, text, body):
    plan = p.plan(text, now=now)
    note = next(a for a in plan.actions if a.kind == "log_activity")
    assert body in note.fields["body"].lower() and "log a note" not in note.fields["body"].lower()


@pytest.mark.parametrize("text, competitor", [
    ("Northwind isn't renewing, they're moving to Oracle NetSuite because they consolidated vendors.", "Oracle NetSuite"),
    ("Acme is also looking at Salesforce Monday", "Salesforce"),
    ("Globex is comparing us with Microsoft Dynamics", "Microsoft Dynamics"),
])
def test_a_competitor_s_product_is_named_in_full(p, now, text, competitor):
    plan = p.plan(text, now=now)
    assert plan.actions[0].fields["competitor"] == competitor


@pytest.mark.parametrize("text, fields", [
    ("Met a guy named Carlos Mendez at the conference, he runs ops at Tidal Media, add him as a contact.",
     {"first_name": "Carlos", "last_name": "Mendez", "company": "Tidal Media"}),
    ("Add a new contact at Vertex Analytics, Hannah Cole, she's their procurement lead",
     {"first_name": "Hannah", "job_title": "Procurement Lead"}),
    ("New contact, her name is Ada Brook, at Acme Corp", {"first_name": "Ada", "last_name": "Brook"}),
])
def test_new_contacts_introduced_in_passing(p, now, text, fields):
    plan = p.plan(text, now=now)
    assert plan.actions[0].kind == "create_contact" and fields.items() <= plan.actions[0].fields.items()


@pytest.mark.parametrize("text, due", [
    ("Book a strategy session with Maya Alvarez next Friday at 3 pm and remind me to prep the deck the day before.",
     "2026-11-26"),
    ("Schedule a demo with Tom Becker on Tuesday and set a task to send the recap the day after", "2026-11-25"),
    ("Book a call with Priya Natarajan on Thursday, remind me to review the contract the morning of", "2026-11-26"),
])
def test_a_task_dated_relative_to_the_meeting(p, now, text, due):
    plan = p.plan(text, now=now)
    assert next(a for a in plan.actions if a.kind == "create_task").fields["due_date"] == due


@pytest.mark.parametrize("text, fields", [
    ("Set the Initech deal to 80,000, actually know, make it 85.", {"amount": 85000}),   # as a recogniser writes it
    ("Book a call with Ben Khan on Thursday at 4pm, sorry. Make it Friday, same time.",
     {"due_date": "2026-11-27", "time": "16:00"}),
    ("Put the Onyx Health deal at 40,000, no wait, make it 45", {"amount": 45000}),
])
def test_corrections_as_a_recogniser_writes_them(p, now, text, fields):
    plan = p.plan(text, now=now)
    assert len(plan.actions) == 1 and fields.items() <= plan.actions[0].fields.items()


@pytest.mark.parametrize("text, title", [
    ("Sofia Evans at Redwood Labs is now head of customer success.", "Head of Customer Success"),
    ("Dan Moreau got promoted to chief revenue officer.", "Chief Revenue Officer"),
    ("Tom Becker is now VP of Sales and Marketing", "VP of Sales and Marketing"),
])
def test_titles_in_lower_case_are_taken_whole(p, now, text, title):
    plan = p.plan(text, now=now)
    assert plan.actions[0].fields["job_title"] == title


@pytest.mark.parametrize("text, email", [
    ("Oliver Grant has a new email. It's O. Grant at vertexanalytics.example.", "o.grant@vertexanalytics.example"),
    ("Dan Moreau's new email is Dan at tidalmedia.example", "dan@tidalmedia.example"),
    ("Oliver Grant has a new email, it's o dot grant at vertexanalytics dot example.", "o.grant@vertexanalytics.example"),
])
def test_spoken_email_addresses_as_transcribed(p, now, text, email):
    plan = p.plan(text, now=now)
    assert plan.actions[0].fields["email"] == email


@pytest.mark.parametrize("text, kind, target", [
    ("Book a creative review with collar hues at Upland Works on Friday at 2pm", "book_meeting", "contact:248"),
    ("Log a call with Wendy Pryce at Onyx Health", "log_activity", "contact:258"),
    ("Remind me to call Ben Simmer from Onyx Health tomorrow", "create_task", "contact:227"),  # Ben Zimmer
])
def test_a_misheard_name_at_a_known_company_is_found_by_sound(p, now, text, kind, target):
    plan = p.plan(text, now=now)
    assert _acts(plan) == [(kind, target)]


@pytest.mark.parametrize("text, email", [
    ("Dan Moreau's new email is Dan at tittlemedia.example", "dan@tidalmedia.example"),   # Tidal Media
    ("Ava Novak's email bounced. Her new one is Ava at mentalhealth.example.", "ava@meadowhealth.example"),
    ("Victor Ortiz moved to Quartz Partners, his new email is victor.ortiz@quartzpartners.example",
     "victor.ortiz@quartzpartners.example"),                                                # a new employer: as said
])
def test_a_near_miss_of_the_company_domain_is_the_company_domain(p, now, text, email):
    plan = p.plan(text, now=now)
    assert [a.fields.get("email") for a in plan.actions if "email" in a.fields] == [email]


@pytest.mark.parametrize("text, fields", [
    ("Initech went with Zendesk, Market Lost, the reason is they already had it bundled.", {"stage": "Closed Lost"}),
    ("Rachel Adams is our main contact at Northwind now. She's been promoted to BP Marketing.",
     {"job_title": "VP Marketing"}),
    ("Redwood Solutions went quiet, drop the amount of 60k.", {"amount": 60000}),
])
def test_recogniser_slips_in_commands(p, now, text, fields):
    plan = p.plan(text, now=now)
    assert fields.items() <= plan.actions[0].fields.items()


@pytest.mark.parametrize("text", [
    "James Whitfield at Umbrella asked us to stop reaching out.",
    "Tom Becker said no more emails please",
    "Priya Natarajan asked that we don't reach out again",
])
def test_do_not_contact_said_plainly(p, now, text):
    plan = p.plan(text, now=now)
    assert [a.fields for a in plan.actions] == [{"do_not_contact": True}]


@pytest.mark.parametrize("text", [
    "Grace at Lumen wants to upgrade to the growth tier. Open a new deal for 12,000 in Qualified.",
    "Tom Becker loved the demo. Create a deal for Northwind called Analytics Add-on at 15k.",
    "Priya Natarajan is keen. Add a new contact, Raj Mehta at Globex Logistics.",
])
def test_the_reason_before_a_new_record_is_no_note(p, now, text):
    plan = p.plan(text, now=now)
    assert [a.kind for a in plan.actions] in (["create_deal"], ["create_contact"])


@pytest.mark.parametrize("text", ["What are my calls for today?", "my calls for today", "Who should I call today?"])
def test_my_calls_for_today_lists_tasks_and_hot_and_stalled_deals(p, now, text):
    plan = p.plan(text, now=now)
    assert [a.kind for a in plan.actions] == ["search", "answer"] and not plan.mutating
    assert plan.actions[0].fields == {"object": "task", "filters": {"due_date_before": "2026-11-21"}}
    records = plan.actions[1].fields["records"]
    assert records[0] == "deal:5009"  # Vertex, in Negotiation, closing 30 Nov: hot, first
    assert "deal:5005" not in records  # Northwind: touched recently, not closing soon
    assert all(r.startswith("deal:") for r in records)


@pytest.mark.parametrize("text, due", [
    ("She just told me procurement is moving, set a task to check in with Priya Natarajan on the third.", "2026-12-03"),
    ("For the Northwind renewal, create a task due the third to send the split invoices.", "2026-12-03"),
    ("Book a demo with Tom Becker for the first at 3.30pm", "2026-12-01"),
])
def test_a_day_said_as_an_ordinal_word(p, now, text, due):
    plan = p.plan(text, now=now)
    assert [a.fields.get("due_date") for a in plan.actions if "due_date" in a.fields] == [due]


@pytest.mark.parametrize("text, fields", [
    ("Orbital Freight just signed, market one.", {"stage": "Closed Won"}),
    ("Mark the Harbor Health Deal as one.", {"stage": "Closed Won"}),
    ("Zoe Vogel at Cedar Group should be a customer in the life cycle field now.", {"lifecycle_stage": "customer"}),
])
def test_won_heard_as_one_and_other_slips(p, now, text, fields):
    plan = p.plan(text, now=now)
    assert [a.fields for a in plan.actions] == [fields]


@pytest.mark.parametrize("text, target, body", [
    ("Put a note on the Vertex deal. They want us to drop the SSO line item and delete the old quote.", "deal:5009",
     "They want us to drop the SSO line item and delete the old quote."),
    ("Other note to Felix Hughes. He typed drop table users into a demo form as a joke.", "contact:221",
     "He typed drop table users into a demo form as a joke."),
    ("Log and Email to Priya Natarajan. Sent over the revised SOW.", "contact:105", "Sent over the revised SOW"),
])
def test_a_note_whose_colon_was_heard_as_a_full_stop(p, now, text, target, body):
    plan = p.plan(text, now=now)
    assert _acts(plan) == [("log_activity", target)] and plan.actions[0].fields["body"] == body


@pytest.mark.parametrize("text, phone", [
    ("Raj Price's new mobile is plus 3,36, 1,234, 5,678.", "+3 36 1234 5678"),
    ("Jonas Weber has a new mobile number. Plus 4.9-151-550788.", "+4 9 151 550788"),
    ("Tom Becker's phone is 312 555 0199", "312 555 0199"),
])
def test_phone_numbers_as_a_recogniser_writes_them_are_no_amounts(p, now, text, phone):
    plan = p.plan(text, now=now)
    assert [(a.kind, a.fields) for a in plan.actions] == [("update_contact", {"phone": phone})]


@pytest.mark.parametrize("text, email", [
    ("Kara Brooks has a new email. It's Carla at redwoodsolutions.example.", "kara@redwoodsolutions.example"),
    ("Victor Ortiz's new email is Victor Ortiz at quartzpartners.example", "victor.ortiz@quartzpartners.example"),
    ("Tom Becker's new email is tb at northwind.example", "tb@northwind.example"),
])
def test_a_spoken_email_user_part_spelt_as_the_contact_s_name(p, now, text, email):
    plan = p.plan(text, now=now)
    assert [a.fields.get("email") for a in plan.actions] == [email]


@pytest.mark.parametrize("text, amount", [
    ("Update Redwood Systems to 5K Sorry, Amin 50K.", 50000),
    ("Put Cedar Group at 3500 a month. No scratch that. The total is 42K.", 42000),
    ("Set Initech to 60K, sorry, I mean 65K", 65000),
])
def test_corrections_heard_imperfectly(p, now, text, amount):
    plan = p.plan(text, now=now)
    assert [a.fields.get("amount") for a in plan.actions] == [amount]


@pytest.mark.parametrize("text, target", [
    ("Delete Quartz Health, it's a junk import, and Ben Jensen's got a new title, Head of Partnerships.", "company:9124"),
    ("Remove Tom Becker, he left Northwind", "contact:106"),
    ("Delete Cedar Group please, Quinn Fischer moved on anyway", "company:9126"),
])
def test_a_deletion_deletes_the_record_its_verb_names(p, now, text, target):
    plan = p.plan(text, now=now)
    assert [f"{a.target.type}:{a.target.id}" for a in plan.actions if a.kind == "delete_record"] == [target]


@pytest.mark.parametrize("text", [
    "Take the Orbital Freight deal off Morgan and give it to Jordan, and draft Jonas an email that Jordan's his new contact.",
    "Upland Partners doesn't have a deal yet, add one called Brand Refresh, forty k, Lead.",
    "Move Acme to Lead stage and tell Mike Chen he has a new contact person",
])
def test_new_contact_and_lead_words_that_create_nothing(p, now, text):
    plan = p.plan(text, now=now)
    assert not any(a.kind == "create_contact" for a in plan.actions)


def test_give_it_to_changes_the_deal_s_owner_not_a_person_s(p, now):
    plan = p.plan("Take the Orbital Freight deal off Morgan and give it to Jordan", now=now)
    assert [(a.kind, a.target.id, a.fields) for a in plan.actions] == [("update_deal", "5011", {"owner": "Jordan Blake"})]


@pytest.mark.parametrize("text, question", [
    ("Log a call with Priya's boss at Globex.", "Who is Priya's boss?"),
    ("Update Priya Sharma's email to priya@globex.example.", "I don't know Priya Sharma"),
    ("Email Tom Becker's assistant about the renewal", "Who is Tom Becker's assistant?"),
])
def test_someone_near_a_known_name_is_asked_about(p, now, text, question):
    plan = p.plan(text, now=now)
    assert not plan.actions and plan.clarifications[0].startswith(question)


@pytest.mark.parametrize("text, fields", [
    ("Umbrella is half a million now, no sorry, four fifty, they trimmed the scope a bit.", {"amount": 450000}),
    ("Change the close date on Cedar Group to January 15th, no actually make it the 22nd.", {"close_date": "2027-01-22"}),
    ("Globex came back and want fifteen k off, so drop it to one seventy", {"amount": 170000}),
    ("the Quartz expansion goes from ninety six hundred to fifteen k", {"amount": 15000}),
])
def test_the_value_said_last_or_said_as_the_target_wins(p, now, text, fields):
    plan = p.plan(text, now=now)
    assert fields.items() <= next(a for a in plan.actions if a.kind == "update_deal").fields.items()


@pytest.mark.parametrize("text", [
    "We signed Northwind this morning, thirty six k as planned, mark it won.",
    "Move Vertex to Closed Won at fifty four k",
    "Northwind closed won at 36k",
])
def test_a_value_the_deal_already_has_is_no_change(p, now, text):
    plan = p.plan(text, now=now)
    assert [a.fields for a in plan.actions if a.kind == "update_deal"] == [{"stage": "Closed Won"}]


@pytest.mark.parametrize("text", [
    "Log a check-in call with Grace at Lumen, she's happy, usage is up forty percent.",
    "Acme's adoption grew 20 percent this month, log a note",
    "Onyx Health headcount is up ten percent",
])
def test_a_percentage_about_usage_is_no_amount_change(p, now, text):
    plan = p.plan(text, now=now)
    assert not any("amount" in a.fields for a in plan.actions)


@pytest.mark.parametrize("text, question", [
    ("Orbital's close date is February thirtieth.", "February has no day 30"),
    ("Push Orbital to April 31st", "April has no day 31"),
    ("Push Orbital to February twenty ninth", "February 2027 has no day 29"),
])
def test_a_day_the_month_lacks_is_asked(p, now, text, question):
    plan = p.plan(text, now=now)
    assert not plan.actions and plan.clarifications[0].startswith(question)


@pytest.mark.parametrize("text, fields", [
    ("How much did we close in October, in dollars?", {"value": 18000.0}),   # Lumen, won 2026-10-30
    ("Kestrel Partners is going quiet, when did we last touch that deal?", {"value": "2026-10-18"}),
])
def test_past_tense_questions_look_back(p, now, text, fields):
    plan = p.plan(text, now=now)
    assert fields.items() <= plan.actions[0].fields.items()


@pytest.mark.parametrize("text, fields", [
    ("Oliver Grant wants the contract walked through, book a call with him Monday at half nine.",
     {"due_date": "2026-11-23", "time": "09:30"}),
    ("Set the Harbor Health deal to twelve k, close date the 28th", {"amount": 12000, "close_date": "2026-11-28"}),
    ("Push the Acme deal out to March", {"close_date": "2027-03-31"}),
    ("Push the Acme deal out to January fifteenth", {"close_date": "2027-01-15"}),
])
def test_times_and_dates_said_loosely(p, now, text, fields):
    plan = p.plan(text, now=now)
    assert fields.items() <= plan.actions[0].fields.items()


@pytest.mark.parametrize("text, fields", [
    ("Linda Okafor's moved from Initech to Orbital Freight, she's head of operations there now.",
     {"company": "Orbital Freight", "job_title": "Head of Operations"}),
    ("Maya Alvarez is actually the CTO now, not the CEO", {"job_title": "CTO"}),
    ("Uma Tanaka's now Operations Director at Redwood Labs", {"job_title": "Operations Director"}),
    ("James Whitfield's contact goes to Morgan Reyes now.", {"owner": "Morgan Reyes"}),
])
def test_contact_changes_said_in_passing(p, now, text, fields):
    plan = p.plan(text, now=now)
    assert fields.items() <= plan.actions[0].fields.items()


def test_a_task_put_on_a_deal(p, now):
    plan = p.plan("Put a task on the Initech deal to send over the security questionnaire, due in two weeks.", now=now)
    assert [(a.kind, a.target.id, a.fields) for a in plan.actions] == [
        ("create_task", "5006", {"title": "Send over the security questionnaire", "due_date": "2026-12-05"})]


@pytest.mark.parametrize("text, fields", [
    ("Zoe Vogel at Cedar Group, make her a customer and assign her to Jordan.",
     {"lifecycle_stage": "customer", "owner": "Jordan Blake"}),
    ("Felix Brooks moved over to Redwood Solutions, same title, update his company.", {"company": "Redwood Solutions"}),
    ("Rachel Adams left Northwind, she's at Umbrella Health now as VP Marketing.",
     {"company": "Umbrella Health", "job_title": "VP Marketing"}),
    ("Grace Liu left Lumen, she's COO over at Vertex Analytics now.", {"company": "Vertex Analytics", "job_title": "COO"}),
])
def test_moves_and_roles_said_the_way_people_talk(p, now, text, fields):
    plan = p.plan(text, now=now)
    assert [a.fields for a in plan.actions] == [fields]


def test_callback_tasks_keep_what_they_are_about_and_amounts_said_with_a(p, now):
    plan = p.plan("Remind me to call Tom Becker back Tuesday about the seat count.", now=now)
    assert plan.actions[0].fields["title"] == "Call Tom Becker back about the seat count"
    plan = p.plan("How many open deals over a hundred k do we have?", now=now)
    assert plan.actions[0].fields["value"] == 2


@pytest.mark.parametrize("text, kind, words", [
    ("Emailed Leo at Onyx Health the case study, follow up with him in a week.", "email", "the case study"),
    ("I just emailed Tom Becker the renewal quote", "email", "renewal quote"),
    ("Okay so Sarah Chen called, the onboarding deal slips to January, and log the call.", "call", "slips to january"),
])
def test_reported_emails_and_log_the_call(p, now, text, kind, words):
    plan = p.plan(text, now=now)
    act = next(a for a in plan.actions if a.kind == "log_activity")
    assert act.fields["activity_type"] == kind and words in act.fields["body"].lower()


@pytest.mark.parametrize("text, time", [
    ("Set up a kickoff with Oliver Grant for Tuesday at ten a.m.", "10:00"),
    ("Book a call with Sofia Alvarez on Friday at nine in the morning about the rollout plan.", "09:00"),
    ("Schedule a call with Zoe Silva on Tuesday at four thirty p.m.", "16:30"),
])
def test_clock_times_said_in_words(p, now, text, time):
    plan = p.plan(text, now=now)
    assert plan.actions[0].kind == "book_meeting" and plan.actions[0].fields["time"] == time


@pytest.mark.parametrize("text, amount", [
    ("The Quartz Partners deal is more like forty two and a half k, update it.", 42500),
    ("Okay so Pinecrest wants both locations now, just double the deal amount.", 9600),     # from $4,800
    ("Quartz Partners, the retainer is eighteen grand a quarter, so seventy two k for the year.", 72000),
])
def test_amounts_said_as_estimates_multiples_and_totals(p, now, text, amount):
    plan = p.plan(text, now=now)
    assert [a.fields.get("amount") for a in plan.actions if a.kind == "update_deal"] == [amount]


@pytest.mark.parametrize("text, changes", [
    ("Give the Granite Labs deal to Morgan, and the Granite Health one to Jordan.",
     [("5100", {"owner": "Morgan Reyes"}), ("5101", {"owner": "Jordan Blake"})]),
    ("Move Cedar Group to negotiation, actually no, proposal sent, they haven't seen numbers yet.",
     [("5118", {"stage": "Proposal Sent"})]),
    ("Lost Blue Harbor, they just went silent after the broker retired.", [("5008", {"stage": "Closed Lost"})]),
])
def test_more_deal_changes_as_people_say_them(p, now, text, changes):
    plan = p.plan(text, now=now)
    assert [(a.target.id, {k: v for k, v in a.fields.items() if k in ("owner", "stage")}) for a in plan.actions] == changes


def test_a_title_is_never_a_preposition(p, now):
    plan = p.plan("Add Rosa Delgado as creative director at Willow Group", now=now)
    assert plan.actions[0].fields["job_title"] == "Creative Director"
    plan = p.plan("Kara Quist asked to move her renewal call, reschedule it for Friday at four pm.", now=now)
    assert [(a.kind, a.fields.get("time")) for a in plan.actions] == [("book_meeting", "16:00")]


@pytest.mark.parametrize("text, kind, words", [
    ("Okay so discovery call with Oliver Grant, they need SSO, move Vertex to negotiation", "call", "they need sso"),
    ("Just wrapped the onboarding meeting with Nina Patel, the team loved it, and bump Pinecrest to fifty k",
     "meeting", "the team loved it"),
    ("Got hold of Mike Chen, he's waiting on legal, push the Acme close date to Friday", "call", "waiting on legal"),
])
def test_an_interaction_reported_beside_a_deal_change_is_logged_too(p, now, text, kind, words):
    plan = p.plan(text, now=now)
    logged = next(a for a in plan.actions if a.kind == "log_activity")
    assert logged.fields["activity_type"] == kind and words in logged.fields["body"].lower()
    assert any(a.kind == "update_deal" for a in plan.actions)


@pytest.mark.parametrize("text, company", [
    ("Mike Chen left Acme, he's now head of sales over at Vertex Analytics", "Vertex Analytics"),
    ("Nina Patel is leaving Pinecrest Dental, she's going to Umbrella Health, same role", "Umbrella Health"),
    ("Elena Garcia quit Blue Harbor Realty and she's joining Initech as COO", "Initech"),
])
def test_a_contact_who_leaves_moves_to_the_company_named_after_it(p, now, text, company):
    plan = p.plan(text, now=now)
    upd = next(a for a in plan.actions if a.kind == "update_contact")
    assert upd.fields["company"] == company


@pytest.mark.parametrize("text, deal, reason, competitor", [
    ("Lost Vertex, the champion got laid off last week", "5009", "champion got laid off", None),
    ("Close the Initech deal as lost, they switched to Zendesk, renewal was too pricey", "5006", "too pricey", "Zendesk"),
    ("Scrap the Globex deal, their board froze spending, mark it lost", "5004", "board froze spending", None),
])
def test_why_a_deal_was_lost_is_kept_from_the_clause_beside_it(p, now, text, deal, reason, competitor):
    plan = p.plan(text, now=now)
    upd = next(a for a in plan.actions if a.kind == "update_deal")
    assert upd.target.id == deal and upd.fields["stage"] == "Closed Lost"
    assert reason in upd.fields.get("lost_reason", "").lower()
    assert upd.fields.get("competitor") == competitor


def test_close_as_won_sets_the_stage(p, now):
    plan = p.plan("Close the Vertex deal as won at ninety k", now=now)
    upd = next(a for a in plan.actions if a.kind == "update_deal")
    assert upd.fields["stage"] == "Closed Won" and upd.fields["amount"] == 90000


@pytest.mark.parametrize("text, body", [
    ("Email Mike Chen, subject pilot kickoff, and say the sandbox is ready on Monday", "sandbox is ready"),
    ("Write to Oliver Grant and let him know the SSO fix shipped", "sso fix shipped"),
    ("Draft an email to Nina Patel, subject renewal, ask whether she can sign by the 15th", "she can sign"),
])
def test_what_an_email_should_say_becomes_its_body_and_changes_nothing_else(p, now, text, body):
    plan = p.plan(text, now=now)
    assert [a.kind for a in plan.actions] == ["draft_email"]
    assert body in plan.actions[0].fields["body"].lower()


@pytest.mark.parametrize("text, company, name_word, amount", [
    ("Acme wants a second rollout, create the deal, forty grand", "Acme Corp", None, 40000),
    ("Add Harbor Coffee as a company, and a deal for a loyalty app at thirty k", "Harbor Coffee", "loyalty app", 30000),
    ("Vertex wants to try us in Europe, call it Vertex EU Pilot, fifteen grand", "Vertex Analytics", "EU Pilot", 15000),
])
def test_new_deals_said_in_passing_are_created_with_their_names(p, now, text, company, name_word, amount):
    plan = p.plan(text, now=now)
    deal = next(a for a in plan.actions if a.kind == "create_deal")
    assert deal.fields["company"] == company and deal.fields["amount"] == amount
    assert name_word is None or name_word.lower() in deal.fields["name"].lower()


def test_a_head_count_is_not_an_amount(p, now):
    plan = p.plan("Had a call with Mike Chen, he wants pricing for a team of forty", now=now)
    assert not plan.clarifications and [a.kind for a in plan.actions] == ["log_activity"]


@pytest.mark.parametrize("text, date_, time_, topic", [
    ("Book a call with Oliver Grant, Friday, ten fifteen in the morning, to walk through the SSO setup",
     "2026-11-27", "10:15", "the sso setup"),
    ("Let's have a meeting with Nina Patel on the 2nd at quarter past two in the afternoon, agenda is the rollout plan",
     "2026-12-02", "14:15", "the rollout plan"),
])
def test_a_meeting_keeps_its_day_time_and_topic_said_in_later_clauses(p, now, text, date_, time_, topic):
    plan = p.plan(text, now=now)
    m = next(a for a in plan.actions if a.kind == "book_meeting")
    assert (m.fields["due_date"], m.fields["time"]) == (date_, time_) and topic in m.fields["title"].lower()


@pytest.mark.parametrize("text, fields", [
    ("Mike Chen and Oliver Grant are both customers now", {"lifecycle_stage": "customer"}),
    ("Make Morgan the owner of Nina Patel and Tom Becker", {"owner": "Morgan Reyes"}),
])
def test_one_change_said_of_two_people_updates_each(p, now, text, fields):
    plan = p.plan(text, now=now)
    assert sorted(a.target.id for a in plan.actions if a.kind == "update_contact") == sorted(
        ["101", "110"] if "Mike" in text else ["111", "106"])
    assert all(a.fields == fields for a in plan.actions)


@pytest.mark.parametrize("text, deal, owner", [
    ("Give Acme to Jordan and put Morgan on Vertex", "5009", "Morgan Reyes"),
    ("Let Sam take the Globex deal", "5004", "Sam Whitaker"),
])
def test_put_a_user_on_a_deal_assigns_it(text, deal, owner, now):
    rows = load_fixture_rows()
    planner = OfflinePlanner(EntityIndex.build(rows.contacts, rows.companies, rows.deals, rows.stages,
                                               users=TEAM + ("Sam Whitaker",), activity_counts=rows.activity_counts, contact_activity=rows.contact_activity, deal_activity=rows.deal_activity))
    plan = planner.plan(text, now=now)
    assert any(a.kind == "update_deal" and a.target.id == deal and a.fields == {"owner": owner} for a in plan.actions)


def test_putting_a_deal_on_hold_assigns_nobody(p, now):
    plan = p.plan("Put Acme on hold until January", now=now)
    assert not any("owner" in a.fields for a in plan.actions)


def test_a_first_name_alone_is_asked_about_before_a_contact_is_made(p, now):
    plan = p.plan("Add a new contact, a woman called Carol from some fintech startup", now=now)
    assert not plan.actions and plan.clarifications


@pytest.mark.parametrize("text, competitor", [
    ("Set the competitor on Acme to Pipedrive", "Pipedrive"),
    ("Mike says Monday.com is also pitching them, put that as the competitor on Acme", "Monday.com"),
])
def test_a_competitor_said_as_the_field_value(p, now, text, competitor):
    plan = p.plan(text, now=now)
    assert [(a.kind, a.target.id, a.fields) for a in plan.actions] == [("update_deal", "5001", {"competitor": competitor})]


@pytest.mark.parametrize("text, contact", [
    ("Sarah from TechCorp moved to Acme, she's their VP Ops now", None),
    ("Mike at Acme is now CRO, and Oliver Grant moved over to Initech", "101"),
    ("Mike from FinanceStartup has joined Vertex Analytics", "104"),
])
def test_a_name_placed_at_a_company_is_that_companys_contact(p, now, text, contact):
    plan = p.plan(text, now=now)
    ids = [a.target.id for a in plan.actions if a.kind == "update_contact"]
    if contact is None:  # two Sarahs work at TechCorp: still a question
        assert plan.clarifications and not ids
    else:
        assert contact in ids and not plan.clarifications


@pytest.mark.parametrize("text, step", [
    ("Oliver says legal needs the DPA, bump Vertex to ninety k and set the next step to send the signed DPA",
     "send the signed dpa"),
    ("Their CFO wants a reference call first, make that the next step on Acme", "reference call"),
])
def test_a_next_step_said_as_the_field_wins(p, now, text, step):
    plan = p.plan(text, now=now)
    upd = next(a for a in plan.actions if a.kind == "update_deal")
    assert step in upd.fields["next_step"].lower() and not upd.fields["next_step"].lower().startswith("to ")


def test_promoted_to_a_title_is_no_unknown_person(p, now):
    plan = p.plan("Mike Chen has been promoted to Chief Revenue Officer", now=now)
    assert not plan.clarifications
    assert plan.actions[0].fields["job_title"] == "Chief Revenue Officer"


@pytest.mark.parametrize("text", ["Tom Becker asked us not to email him anymore",
                                  "Tom Becker told us not to contact him again, set that"])
def test_asked_not_to_be_contacted_sets_do_not_contact(p, now, text):
    plan = p.plan(text, now=now)
    assert any(a.kind == "update_contact" and a.fields.get("do_not_contact") is True for a in plan.actions)


def test_park_a_deal_in_a_stage(p, now):
    plan = p.plan("Park the Acme deal back in lead for now", now=now)
    assert plan.actions[0].fields == {"stage": "Lead"}


@pytest.mark.parametrize("text, fields", [
    ("Mike Chen has a new email, it's mike@acme-corp.example", {"email": "mike@acme-corp.example"}),
    ("Tom Becker is Head of Finance now", {"job_title": "Head of Finance"}),
    ("Change Nina Patel's title to Practice Manager and her phone to +1 312 555 0199",
     {"job_title": "Practice Manager", "phone": "+1 312 555 0199"}),
    ("Oliver Grant moved to Initech, update his company, title is still CTO", {"company": "Initech"}),
    ("Move Mike Chen to opportunity", {"lifecycle_stage": "opportunity"}),
    ("I think Tom Becker is an opportunity now, update him", {"lifecycle_stage": "opportunity"}),
])
def test_contact_changes_as_people_say_them(p, now, text, fields):
    plan = p.plan(text, now=now)
    assert [a.kind for a in plan.actions] == ["update_contact"] and plan.actions[0].fields == fields


def test_a_company_that_is_an_opportunity_is_no_lifecycle_change(p, now):
    plan = p.plan("Acme is a great opportunity now.", now=now)
    assert not any(a.kind == "update_contact" for a in plan.actions)


@pytest.mark.parametrize("text, due, time_", [
    ("Book a demo with Mike Chen for Friday at two fifteen", "2026-11-27", "14:15"),
    ("Set the Acme close date to the fifth", None, None),
    ("Push the Vertex close date to New Year's Eve", None, None),
])
def test_dates_and_times_said_in_words(p, now, text, due, time_):
    plan = p.plan(text, now=now)
    a = plan.actions[0]
    if a.kind == "book_meeting":
        assert (a.fields["due_date"], a.fields["time"]) == (due, time_)
    else:
        assert a.fields["close_date"] == ("2026-12-05" if "fifth" in text else "2026-12-31")


def test_reminder_emails_in_a_call_note_are_no_task(p, now):
    plan = p.plan("Log a call with Mike Chen, he wants the weekly reminder emails turned off", now=now)
    assert [a.kind for a in plan.actions] == ["log_activity"]


def test_a_meeting_that_is_needed_and_booked_is_no_next_step(p, now):
    plan = p.plan("Oliver Grant needs a pricing call, book him for Thursday at three", now=now)
    assert [a.kind for a in plan.actions] == ["book_meeting"]
    assert plan.actions[0].fields["due_date"] == "2026-11-26" and plan.actions[0].fields["time"] == "15:00"


@pytest.mark.parametrize("text, title, due", [
    ("Tom from Northwind wants the signed order form by Tuesday, make a task for it", "signed order form", "2026-11-24"),
    ("Oliver asked us to resend the invoice on Monday, set a reminder for that", "resend the invoice", "2026-11-23"),
])
def test_a_task_for_what_was_just_said(p, now, text, title, due):
    plan = p.plan(text, now=now)
    task = next(a for a in plan.actions if a.kind == "create_task")
    assert title in task.fields["title"].lower() and task.fields["due_date"] == due


def test_a_task_for_someone_unnamed_is_asked_about(p, now):
    plan = p.plan("He said to ping him after the board meeting, make a task for that", now=now)
    assert plan.clarifications and not plan.actions


def test_lost_to_a_named_rival_after_a_description(p, now):
    plan = p.plan("We lost the Initech deal to a bigger vendor, Zendesk.", now=now)
    assert plan.actions[0].fields == {"stage": "Closed Lost", "competitor": "Zendesk"}


@pytest.mark.parametrize("text, kind, words", [
    ("Called Nina Patel about the rollout, she wants a training session", "call", "training session"),
    ("Emailed Mike Chen the case study yesterday, log that as an email to him", "email", "case study"),
])
def test_what_was_done_is_logged_with_its_own_words(p, now, text, kind, words):
    plan = p.plan(text, now=now)
    logged = next(a for a in plan.actions if a.kind == "log_activity")
    assert logged.fields["activity_type"] == kind and words in logged.fields["body"].lower()


def test_qualify_a_deal(p, now):
    plan = p.plan("Qualify the Umbrella Health deal", now=now)
    assert (plan.actions[0].target.id, plan.actions[0].fields) == ("5007", {"stage": "Qualified"})


@pytest.mark.parametrize("text", ["When did we last email Tom Becker?", "How many emails have we had with Tom Becker?",
                                  "How many calls have we had with Tom Becker?",
                                  "What's the total in negotiation plus proposal sent?"])
def test_questions_about_one_contacts_activity_and_several_stages(p, now, text):
    from desktop.agents.fixtures import load_fixture_rows
    rows = load_fixture_rows()
    plan = p.plan(text, now=now)
    got = plan.actions[0].fields["value"]
    if text.startswith("When"):
        assert got == rows.contact_activity[106]["email"][1].isoformat()
    elif "many" in text:
        kind = "email" if "emails" in text else "call"
        assert got == rows.contact_activity[106].get(kind, (0, None))[0] and (kind == "call") == (got == 0)
    else:
        assert got == sum(d.amount_cents for d in rows.deals if d.stage_label in ("Negotiation", "Proposal Sent")) / 100


@pytest.mark.parametrize("text, field_name, value", [
    ("Set the Vertex deal to eighty k. Actually no, make it ninety five.", "amount", 95000),
    ("Book a demo with Nina Patel Tuesday at nine. Scratch that, make it Wednesday at ten.", "due_date", "2026-11-25"),
])
def test_make_it_after_a_take_back_replaces_the_value(p, now, text, field_name, value):
    plan = p.plan(text, now=now)
    assert len(plan.actions) == 1 and not plan.clarifications
    assert plan.actions[0].fields[field_name] == value


@pytest.mark.parametrize("text, question_word", [
    ("Set Acme's stage to red hot", "no stage"),
    ("Change the Vertex amount to, hmm, let me check and get back to you", "amount"),
])
def test_a_change_without_a_usable_value_is_asked_about(p, now, text, question_word):
    plan = p.plan(text, now=now)
    assert not plan.actions and question_word in plan.clarifications[0].lower()


def test_someone_at_an_unknown_company_is_asked_about(p, now):
    plan = p.plan("Book a call with somebody from Pied Piper on Monday at noon", now=now)
    assert not plan.actions and "pied piper" in plan.clarifications[0].lower()


def test_a_company_added_with_its_domain(p, now):
    plan = p.plan("Add Bluefin Labs, bluefin.example, based in Denver", now=now)
    assert [(a.kind, a.fields.get("name"), a.fields.get("domain")) for a in plan.actions] == [
        ("create_company", "Bluefin Labs", "bluefin.example")]


def test_owner_of_a_deal_and_of_a_contact(p, now):
    plan = p.plan("Change the owner of the Vertex deal to Morgan, and make Morgan Oliver Grant's owner too", now=now)
    assert sorted((a.kind, a.target.id, a.fields["owner"]) for a in plan.actions) == [
        ("update_contact", "110", "Morgan Reyes"), ("update_deal", "5009", "Morgan Reyes")]


def test_push_a_named_deal_to_a_month(p, now):
    plan = p.plan("Push the Globex fleet analytics deal to February", now=now)
    assert (plan.actions[0].target.id, plan.actions[0].fields) == ("5004", {"close_date": "2027-02-28"})


@pytest.mark.parametrize("text, title_word, due, time_", [
    ("Nina Patel wants the walkthrough call on December fourth at two p.m.", "call", "2026-12-04", "14:00"),
    ("Demo's booked with Mike Chen, Thursday at ten a.m.", "demo", "2026-11-26", "10:00"),
    ("Put a pricing review with Tom Becker on the calendar for December third at nine a.m.", "pricing review",
     "2026-12-03", "09:00"),
    ("Book a workshop with Oliver Grant, Wednesday December second at one p.m.", "workshop", "2026-12-02", "13:00"),
    ("Set up a call with Nina Patel, Friday the fourth at noon", "call", "2026-12-04", "12:00"),
])
def test_meetings_said_in_more_ways(p, now, text, title_word, due, time_):
    plan = p.plan(text, now=now)
    m = next(a for a in plan.actions if a.kind == "book_meeting")
    assert title_word in m.fields["title"].lower() and (m.fields["due_date"], m.fields.get("time")) == (due, time_)


def test_a_task_that_mentions_a_demo_is_still_a_task(p, now):
    plan = p.plan("Add a task to send Mike Chen demo recordings tomorrow", now=now)
    assert [a.kind for a in plan.actions] == ["create_task"]


@pytest.mark.parametrize("text, kind, people", [
    ("Left voicemails for Mike Chen and Tom Becker", "call", {"101", "106"}),
    ("Sent a follow-up email to Oliver Grant about the SSO fix", "email", {"110"}),
    ("Nina Patel from Pinecrest Dental called, she wants to add two chairs", "call", {"111"}),
])
def test_interactions_that_happened(p, now, text, kind, people):
    plan = p.plan(text, now=now)
    logged = [a for a in plan.actions if a.kind == "log_activity"]
    assert {a.target.id for a in logged} == people and all(a.fields["activity_type"] == kind for a in logged)


@pytest.mark.parametrize("text, due", [
    ("Circle back with Tom Becker in three weeks", "2026-12-12"),
    ("Log a call with Mike Chen: he's travelling until December 7th, follow up with him then", "2026-12-07"),
])
def test_follow_ups_said_in_more_ways(p, now, text, due):
    plan = p.plan(text, now=now)
    assert next(a for a in plan.actions if a.kind == "create_task").fields["due_date"] == due


@pytest.mark.parametrize("text, close", [
    ("Acme wants to push to next quarter", "2027-03-31"),
    ("Vertex slipped, close date is now mid-January", "2027-01-15"),
    ("Globex can't sign before April, set the close date to that", "2027-04-01"),
])
def test_close_dates_said_as_periods(p, now, text, close):
    plan = p.plan(text, now=now)
    assert next(a for a in plan.actions if a.kind == "update_deal").fields["close_date"] == close


def test_a_question_about_touching_base_is_no_task(p, now):
    plan = p.plan("When did we last touch base with Oliver Grant?", now=now)
    assert [a.kind for a in plan.actions] == ["answer"]


def test_a_contact_named_after_is_when_a_possessive_comes_first(p, now):
    plan = p.plan("Tom's deputy at Northwind is Ana van Dijk, ana dot vandijk at northwind dot example, add her as a contact",
                  now=now)
    c = plan.actions[0].fields
    assert (c["first_name"], c["last_name"], c["email"]) == ("Ana", "van Dijk", "ana.vandijk@northwind.example")


def test_a_contact_after_a_colon(p, now):
    plan = p.plan("Add a contact at Acme: Dana Scott, Head of IT, dana at acme.example", now=now)
    c = plan.actions[0].fields
    assert (c["first_name"], c["last_name"], c["company"], c["email"]) == ("Dana", "Scott", "Acme Corp", "dana@acme.example")


def test_a_polite_request_is_a_command(p, now):
    plan = p.plan("Could you book a demo with Nina Patel on Friday at two p.m.?", now=now)
    assert [a.kind for a in plan.actions] == ["book_meeting"]


@pytest.mark.parametrize("text, owner", [("Jordan should own the Acme deal going forward", "Jordan Blake"),
                                         ("Vertex, add Morgan as the owner", "Morgan Reyes")])
def test_owners_said_in_more_ways(p, now, text, owner):
    plan = p.plan(text, now=now)
    assert plan.actions[0].kind == "update_deal" and plan.actions[0].fields == {"owner": owner}


def test_all_contacts_of_a_company_to_a_user(p, now):
    plan = p.plan("Give all the TechCorp contacts to Morgan", now=now)
    assert {a.target.id for a in plan.actions} == {"102", "103"} and all(
        a.fields == {"owner": "Morgan Reyes"} for a in plan.actions)


def test_why_a_deal_was_lost_said_in_the_next_sentence(p, now):
    plan = p.plan("We lost Vertex to Snowflake. Their data team was already trained on it.", now=now)
    assert "already trained" in plan.actions[0].fields["lost_reason"]


def test_a_new_company_with_its_person(p, now):
    plan = p.plan("New company, Tidewater Labs, tidewater.io, based in Boston. Add their CTO too, Omar Haddad, "
                  "omar at tidewater.io", now=now)
    assert [a.kind for a in plan.actions] == ["create_company", "create_contact"]
    assert plan.actions[1].fields["company"] == "Tidewater Labs" and plan.actions[1].fields["email"] == "omar@tidewater.io"
    assert "industry" not in plan.actions[0].fields


@pytest.mark.parametrize("text, body", [
    ("Draft Nina Patel a welcome email", "welcome"),
    ("Draft an email to Mike Chen, the pilot is approved, we start Monday", "pilot is approved"),
])
def test_what_an_email_says_said_around_it(p, now, text, body):
    plan = p.plan(text, now=now)
    assert body in plan.actions[0].fields["body"].lower()


def test_company_signed_is_won(p, now):
    plan = p.plan("Vertex Analytics signed, final number ninety k", now=now)
    assert plan.actions[0].fields == {"stage": "Closed Won", "amount": 90000}


@pytest.mark.parametrize("text, close", [("Push the Acme close date out three weeks", None),
                                         ("Pull the Vertex close date in by a week", None)])
def test_a_close_date_shifted_from_the_one_it_has(p, now, text, close):
    from datetime import timedelta

    from desktop.agents.fixtures import load_fixture_rows
    deals = {d.id: d for d in load_fixture_rows().deals}
    plan = p.plan(text, now=now)
    deal = deals[int(plan.actions[0].target.id)]
    shift = timedelta(weeks=3) if "three" in text else -timedelta(weeks=1)
    assert plan.actions[0].fields["close_date"] == (deal.close_date + shift).isoformat()


def test_pipeline_closing_in_a_quarter(p, now):
    from desktop.agents.fixtures import load_fixture_rows
    rows = load_fixture_rows()
    plan = p.plan("How much pipeline closes in Q1?", now=now)
    want = sum(d.amount_cents or 0 for d in rows.deals if d.is_open and d.close_date
               and d.close_date.year == 2027 and d.close_date.month <= 3) / 100
    assert plan.actions[0].fields["value"] == want


@pytest.mark.parametrize("text, kind, fields", [
    ("add Maria Lopez, she's account manager at Acme, her number is five five five, oh one two three", "create_contact",
     {"first_name": "Maria", "job_title": "Account Manager"}),
    ("bump Tom Becker to sales qualified lead", "update_contact", {"lifecycle_stage": "salesqualifiedlead"}),
    ("the Vertex deal's gonna land on the tenth of February", "update_deal", {"close_date": "2027-02-10"}),
    ("grab twenty minutes with Nina Patel tomorrow at nine am to go over the invoice", "book_meeting",
     {"due_date": "2026-11-22", "time": "09:00"}),
    ("new renewal deal for Acme, thirty grand, close end of March", "create_deal", {"company": "Acme Corp", "amount": 30000}),
    ("Globex pushed to Q2, move the close date", "update_deal", {"close_date": "2027-06-30"}),
    ("Vertex wants to close before New Year's, say December twenty ninth", "update_deal", {"close_date": "2026-12-29"}),
    ("Mike Chen, set his owner to Morgan and mark him a customer", "update_contact",
     {"owner": "Morgan Reyes", "lifecycle_stage": "customer"}),
    ("Jordan's covering Nina Patel now, make her the owner", "update_contact", {"owner": "Jordan Blake"}),
    ("I'm taking over the Vertex deal, put it under me", "update_deal", {"owner": "Alex Rivera"}),
    ("assign Oliver Grant at Vertex Analytics to Jordan", "update_contact", {"owner": "Jordan Blake"}),
    ("Tom Becker moved from Northwind over to Acme, update his company", "update_contact", {"company": "Acme Corp"}),
    ("Nina Patel got married, change her last name to Okoro", "update_contact", {"last_name": "Okoro"}),
    ("Tom Becker's direct line is five five five, oh one one two", "update_contact", {"phone": "555 0112"}),
])
def test_dictated_shorthand(p, now, text, kind, fields):
    plan = p.plan(text, now=now)
    assert [a.kind for a in plan.actions] == [kind], (plan.actions, plan.clarifications)
    assert fields.items() <= plan.actions[0].fields.items()


def test_an_intro_email_mentioning_a_customer_changes_no_deal(p, now):
    plan = p.plan("write a quick intro email to Oliver Grant, mention we helped Acme cut onboarding time in half", now=now)
    assert [a.kind for a in plan.actions] == ["draft_email"] and "cut onboarding time" in plan.actions[0].fields["body"]


def test_a_meeting_called_something(p, now):
    plan = p.plan("book a meeting with Nina Patel called rollout planning on Friday at ten a.m.", now=now)
    assert plan.actions[0].fields["title"] == "Rollout planning"


@pytest.mark.parametrize("text", ["what's our biggest open deal", "when did we last reach out to Tom Becker",
                                  "when did we last have any activity on Vertex"])
def test_more_questions(p, now, text):
    plan = p.plan(text, now=now)
    assert [a.kind for a in plan.actions] == ["answer"]
    assert plan.actions[0].fields.get("value") or plan.actions[0].fields.get("records")


def test_what_someone_needs_told_in_a_call_report_stays_in_the_call(p, now):
    plan = p.plan("Had lunch with Tom Becker, he's happy but needs legal sign-off in January", now=now)
    assert [a.kind for a in plan.actions] == ["log_activity"] and "legal sign-off" in plan.actions[0].fields["body"]


def test_a_need_beside_other_deal_changes_is_the_next_step(p, now):
    plan = p.plan("Just finished the Acme call. Mike needs board approval, budget is 100K, follow up in two weeks", now=now)
    deal = next(a for a in plan.actions if a.kind == "update_deal")
    assert "board approval" in deal.fields["next_step"].lower() and deal.fields["amount"] == 100000


def test_make_it_a_date_after_a_slip_is_the_close_date(p, now):
    plan = p.plan("Acme is gonna slip, maybe mid February, just make it February twentieth", now=now)
    assert plan.actions[0].fields == {"close_date": "2027-02-20"}


def test_a_demo_said_as_the_reason_for_the_stage_is_not_booked(p, now):
    plan = p.plan("Vertex is booked in for a demo, move the deal to demo scheduled", now=now)
    assert [a.kind for a in plan.actions] == ["update_deal"]


@pytest.mark.parametrize("text, kind, fields", [
    ("Um, could you reassign the, uh, the Vertex deal to Morgan, she knows them", "update_deal", {"owner": "Morgan Reyes"}),
    ("book demo w tom becker thurs 11am", "book_meeting", {"due_date": "2026-11-26", "time": "11:00"}),
    ("Update Acme, the amount's seventy, no wait, seventy-five thousand", "update_deal", {"amount": 75000}),
    ("bump Globex to, like, Negotiation", "update_deal", {"stage": "Negotiation"}),
])
def test_spoken_and_typed_noise(p, now, text, kind, fields):
    plan = p.plan(text, now=now)
    assert [a.kind for a in plan.actions] == [kind], (plan.actions, plan.clarifications)
    assert fields.items() <= plan.actions[0].fields.items()


@pytest.mark.parametrize("text", ["Set the Acme amount to forty-ish, I'll confirm", "Book a call with Tom Becker on the 34th"])
def test_rough_amounts_and_impossible_days_are_asked_about(p, now, text):
    plan = p.plan(text, now=now)
    assert not plan.actions and plan.clarifications


def test_the_transcript_shown_matches_the_evidence(p, now):
    plan = p.plan("Move the, uh, the Acme deal to, um, Negotiation", now=now)
    s, e = plan.actions[0].evidence[0]
    assert "uh" not in plan.transcript.split() and plan.transcript[s:e].strip()


def test_a_deliverable_someone_wants_is_no_task_unless_asked(p, now):
    plan = p.plan("Log a call with Tom Becker, he wants the order form by Friday", now=now)
    assert [a.kind for a in plan.actions] == ["log_activity"] and "order form" in plan.actions[0].fields["body"]


def test_someone_elses_title_in_a_call_report_changes_no_contact(p, now):
    plan = p.plan("Just spoke with Nina Patel, she's waiting on sign-off from their CFO. Log it as a call.", now=now)
    assert [a.kind for a in plan.actions] == ["log_activity"]


def test_wait_no_sorry_takes_the_stage_back(p, now):
    plan = p.plan("Move Vertex to Proposal Sent, wait no, sorry, to Closed Won", now=now)
    assert plan.actions[0].fields == {"stage": "Closed Won"}


def test_the_topic_after_a_draft_changes_no_deal(p, now):
    plan = p.plan("draft email tom becker, renewal recap and next steps", now=now)
    assert [a.kind for a in plan.actions] == ["draft_email"]


def test_a_call_with_a_date_and_time_is_booked(p, now):
    plan = p.plan("call w nina patel dec 9 3pm", now=now)
    assert [a.kind for a in plan.actions] == ["book_meeting"]
    assert (plan.actions[0].fields["due_date"], plan.actions[0].fields["time"]) == ("2026-12-09", "15:00")


def test_wanting_it_signed_is_no_win(p, now):
    plan = p.plan("Tom Becker wants it signed before year end, log a note", now=now)
    assert not any(a.kind == "update_deal" for a in plan.actions)


def test_a_company_introduced_with_its_called(p, now):
    plan = p.plan("new company, it's called Ridgeway Farms, ridgeway dot co, they're in Boise", now=now)
    assert plan.actions[0].kind == "create_company" and plan.actions[0].fields["name"] == "Ridgeway Farms"


def test_a_title_the_contact_already_has_is_no_change_beside_a_meeting(p, now):
    plan = p.plan("Oliver Grant, he's the head of data, right, he wants a call on Monday at noon", now=now)
    assert [a.kind for a in plan.actions] == ["book_meeting"]


@pytest.mark.parametrize("text, kind, fields", [
    ("hand vertex to morgan", "update_deal", {"owner": "Morgan Reyes"}),
    ("new lead dana lee, cfo at acme, dana@acme.example", "create_contact", {"first_name": "Dana", "last_name": "Lee"}),
    ("mark tom becker as opportunity", "update_contact", {"lifecycle_stage": "opportunity"}),
    ("task: call back nina patel fri", "create_task", {"title": "Call Nina Patel back", "due_date": "2026-11-27"}),
    ("mike chen new email mike@acmecorp.example", "update_contact", {"email": "mike@acmecorp.example"}),
    ("vertex won, 90k final", "update_deal", {"stage": "Closed Won", "amount": 90000}),
    ("acme lost to salesforce, went with the incumbent", "update_deal", {"stage": "Closed Lost", "competitor": "Salesforce"}),
    ("i'll take over the globex deal myself", "update_deal", {"owner": "Alex Rivera"}),
    ("acme new deal 40k lead, close q3", "create_deal", {"amount": 40000, "close_date": "2027-09-30"}),
])
def test_lower_case_shorthand(p, now, text, kind, fields):
    plan = p.plan(text, now=now)
    assert [a.kind for a in plan.actions] == [kind], (plan.actions, plan.clarifications)
    assert fields.items() <= plan.actions[0].fields.items()


@pytest.mark.parametrize("text", ["hand vertex to casey", "last touch w tom becker?", "deals nobody touched in 6 weeks"])
def test_lower_case_questions_and_unknown_owners(p, now, text):
    plan = p.plan(text, now=now)
    if "casey" in text:
        assert not plan.actions and any("Casey" in q for q in plan.clarifications)
    else:
        assert [a.kind for a in plan.actions] == ["answer"]


@pytest.mark.parametrize("text, kind, fields", [
    ("Add the company Moss Lane, their site is mosslane.com, and open a deal for them called Site Refresh, eight thousand",
     "create_company", {"name": "Moss Lane"}),
    ("Nina Patel wants a follow-up walkthrough, can you book that for Monday at 2 pm", "book_meeting",
     {"due_date": "2026-11-23", "time": "14:00"}),
    ("Morgan is taking the Vertex deal", "update_deal", {"owner": "Morgan Reyes"}),
    ("tom becker call - happy w the rollout, wants more seats", "log_activity", {"activity_type": "call"}),
    ("Typo fix: Nina Patel's last name is actually Patel-Shah", "update_contact", {"last_name": "Patel-Shah"}),
    ("acme new contact: dana scott, cfo, dana@acme.example", "create_contact", {"first_name": "Dana", "last_name": "Scott"}),
])
def test_more_phrasings(p, now, text, kind, fields):
    plan = p.plan(text, now=now)
    assert plan.actions[0].kind == kind and fields.items() <= plan.actions[0].fields.items(), plan.actions


def test_a_new_deal_then_a_meeting_in_one_breath(p, now):
    plan = p.plan("Quick update on Acme, create a new deal for Acme Corp called Phase Two at forty thousand, and book a "
                  "meeting with Mike Chen for Friday at 10 am", now=now)
    assert [a.kind for a in plan.actions] == ["create_deal", "book_meeting"]
    assert "close_date" not in plan.actions[0].fields and plan.actions[1].fields["due_date"] == "2026-11-27"


@pytest.mark.parametrize("text", ["Book a call with Tom Becker on Friday at 26:15",
                                  "Set the Acme amount to forty zorp thousand",
                                  "log call w tessa from initech, wants a demo"])
def test_impossible_times_garbled_amounts_and_unknown_people_are_asked(p, now, text):
    plan = p.plan(text, now=now)
    assert not plan.actions and plan.clarifications


def test_the_person_said_as_not_x_is_not_the_one_meant(p, now):
    plan = p.plan("Log a call with Sarah, Sarah Johnson, not Sarah Chen, she wants the SOC 2 report", now=now)
    assert [(a.kind, a.target.id) for a in plan.actions] == [("log_activity", "103")]
