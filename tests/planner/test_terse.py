"""Terse typed notes (issue 12): the verbless shapes fast typists use plan like the full sentence."""

from __future__ import annotations

import pytest


def _one(planner, now, text):
    plan = planner.plan(text, now=now)
    assert not plan.clarifications, plan.clarifications
    assert len(plan.actions) == 1, plan.actions
    return plan.actions[0]


@pytest.mark.parametrize(("text", "fields"), [
    ("upland works -> negotiation, 30k", {"stage": "Negotiation", "amount": 30000}),
    ("acme -> negotiation", {"stage": "Negotiation"}),
    ("won: delta solutions, 4k", {"stage": "Closed Won", "amount": 4000}),
    ("ember to proposal sent", {"stage": "Proposal Sent"}),
    ("umbrella health: 1.2 million, close in Q1", {"amount": 1200000, "close_date": "2027-03-31"}),
])
def test_terse_deal_updates(planner, now, text, fields):
    a = _one(planner, now, text)
    assert a.kind == "update_deal"
    assert a.fields == fields


def test_a_field_named_outright_is_planned_even_if_unchanged(planner, now):
    # Blue Harbor already closes on Dec 20: the user set it, so the card shows it with the rest
    a = _one(planner, now, "blue harbor amount 12k, stage negotiation, close date dec 20")
    assert a.fields == {"amount": 12000, "stage": "Negotiation", "close_date": "2026-12-20"}


def test_terse_title_and_owner(planner, now):
    a = _one(planner, now, "rachel adams, title VP Marketing")
    assert (a.kind, a.target.id, a.fields) == ("update_contact", "115", {"job_title": "VP Marketing"})
    # read as an owner change: with no team set up, "me" is asked about (not a note, not a guess)
    plan = planner.plan("kestrel partners deal, owner me", now=now)
    assert plan.clarifications and "Who are you" in plan.clarifications[0]


def test_terse_questions(planner, now):
    a = _one(planner, now, "pipeline total in proposal sent")
    assert a.kind == "answer" and a.fields["value"] == 353000
    a = _one(planner, now, "stale deals, five weeks")
    assert a.kind == "answer" and len(a.fields["records"]) == 6


def test_a_lifecycle_move_is_not_read_as_a_deal_stage(planner, now):
    plan = planner.plan("wendy price lifecycle back to lead", now=now)
    assert not any(a.kind == "update_deal" for a in plan.actions)


def test_a_spoken_self_correction_after_a_filler_sets_the_corrected_amount(planner, now):
    a = _one(planner, now, "okay um put the Onyx deal at forty k, uh sorry, forty five k, forty five")
    assert a.fields == {"amount": 45000}


def test_the_person_said_first_then_a_pronoun(planner, now):
    a = _one(planner, now, "oh and uh Grace Liu over at Lumen, she's like a customer now, can you update that")
    assert (a.kind, a.target.id, a.fields) == ("update_contact", "113", {"lifecycle_stage": "customer"})


def test_a_churned_contact_with_a_lifecycle_change_does_not_lose_a_deal(planner, now):
    plan = planner.plan("Raj Zimmer churned, set his lifecycle stage to other.", now=now)
    assert [(a.kind, a.fields) for a in plan.actions] == [("update_contact", {"lifecycle_stage": "other"})]


def test_waiting_on_the_proposal_is_not_a_stage_move(planner, now):
    plan = planner.plan("Harbor Health is waiting on the proposal", now=now)
    assert not any("stage" in a.fields for a in plan.actions)
    a = _one(planner, now, "harbor health is in proposal")
    assert a.fields == {"stage": "Proposal Sent"}


def test_a_pronoun_note_on_a_contact_page_stays_on_that_contact(planner, now, index):
    from desktop.planner import PlanContext

    felix = index.target("contact", 221)
    plan = planner.plan("Log a call: he's moving to a new role next month, so we should talk to Ben Zimmer instead.",
                        now=now, context=PlanContext(target=felix))
    assert [(a.kind, a.target.id) for a in plan.actions] == [("log_activity", "221")]
    plan = planner.plan("Log a call with Ben Zimmer: he wants pricing", now=now, context=PlanContext(target=felix))
    assert [(a.kind, a.target.id) for a in plan.actions] == [("log_activity", "227")]


def test_note_shapes_spoken_and_terse(planner, now, index):
    from desktop.planner import PlanContext

    a = _one(planner, now, "task: follow up with Tom Becker on the renewal paperwork, due Wednesday")
    assert a.kind == "create_task" and a.fields["title"].endswith("renewal paperwork")
    # the note's words are data, even when they sound like SQL
    a = _one(planner, now, "add a note on Leo Ueda, um, he literally typed select star from users into our demo form")
    assert (a.kind, a.target.id) == ("log_activity", "269") and "select star from users" in a.fields["body"]
    a = _one(planner, now, "so um Wendy Khan at Meadow Ventures, she's leaving at the end of the month, so just add a note on her")
    assert (a.kind, a.target.id) == ("log_activity", "251") and "leaving" in a.fields["body"]
    plan = planner.plan("They want to pay quarterly. Add that as a note.", now=now,
                        context=PlanContext(target=index.target("deal", 5116)))
    assert [(a.kind, a.target.id, a.fields["body"]) for a in plan.actions] == [
        ("log_activity", "5116", "They want to pay quarterly")]


def test_a_note_for_someone_not_in_the_workspace_asks(planner, now):
    plan = planner.plan("Add a note for Brian at Initech, he wants the pricing sheet.", now=now)
    assert not plan.actions and "Brian" in plan.clarifications[0]


@pytest.mark.parametrize("text", ["ugh, sorry, I was talking to my dog, ignore that",
                                  "Move Acme to negotiation, actually scratch that"])
def test_an_utterance_that_takes_itself_back_plans_nothing(planner, now, text):
    plan = planner.plan(text, now=now)
    assert not plan.actions and not plan.clarifications and "ignored" in plan.message


def test_reported_ignore_is_not_a_retraction(planner, now):
    a = _one(planner, now, "Log a call with Priya, she said to ignore that")
    assert a.kind == "log_activity"


@pytest.mark.parametrize(("text", "kind", "target", "fields"), [
    ("initech: stage -> proposal sent, amt 80k", "update_deal", "5006", {"stage": "Proposal Sent", "amount": 80000}),
    ("vertex: demo scheduled -> negotiation", "update_deal", "5009", {"stage": "Negotiation"}),
    ("acme close date -> march 3", "update_deal", "5001", {"close_date": "2027-03-03"}),
    ("umbrella health amount -> 250k", "update_deal", "5007", {"amount": 250000}),
    ("northwind deal owner -> morgan", "update_deal", "5005", {"owner": "Morgan Reyes"}),
    ("elena garcia owner -> jordan", "update_contact", "109", {"owner": "Jordan Blake"}),
    ("reassign the initech deal -> sam", "update_deal", "5006", {"owner": "Sam Whitaker"}),
])
def test_terse_field_arrows(planner_team, now, text, kind, target, fields):
    a = _one(planner_team, now, text)
    assert (a.kind, a.target.id, a.fields) == (kind, target, fields)


@pytest.mark.parametrize(("text", "target", "fields"), [
    ("onyx health dead. no budget", "5108", {"stage": "Closed Lost", "lost_reason": "no budget"}),
    ("ember logistics lost - went quiet after the pilot", "5111", {"stage": "Closed Lost",
                                                                  "lost_reason": "went quiet after the pilot"}),
    ("lost granite health to hubspot - price", "5101", {"stage": "Closed Lost", "competitor": "HubSpot", "lost_reason": "price"}),
    ("northwind renewal -4k", "5005", {"amount": 32000}),
    ("acme +10%", "5001", {"amount": 66000}),
    ("blue harbor close date eom", "5008", {"close_date": "2026-11-30"}),
])
def test_terse_lost_relative_and_abbreviated(planner, now, text, target, fields):
    a = _one(planner, now, text)
    assert (a.kind, a.target.id, a.fields) == ("update_deal", target, fields)


@pytest.mark.parametrize(("text", "target", "fields"), [
    ("rachel adams - DNC", "115", {"do_not_contact": True}),
    ("tom becker: unsubscribed", "106", {"do_not_contact": True}),
    ("hugo evans now COO", "223", {"job_title": "COO"}),
    ("elena garcia now head of operations", "109", {"job_title": "head of operations"}),
])
def test_terse_contact_changes(planner, now, text, target, fields):
    a = _one(planner, now, text)
    assert (a.kind, a.target.id) == ("update_contact", target)
    assert {k: (v.lower() if isinstance(v, str) else v) for k, v in a.fields.items()} == \
        {k: (v.lower() if isinstance(v, str) else v) for k, v in fields.items()}


@pytest.mark.parametrize(("text", "value"), [
    ("# open deals?", 27),
    ("total $ in proposal sent", 353000),
    ("won this qtr $?", 24000),
])
def test_terse_counts_and_totals(planner, now, text, value):
    a = _one(planner, now, text)
    assert a.kind == "answer" and a.fields["value"] == value


def test_terse_follow_up_in_weeks_on_the_record_in_view(planner, now):
    from desktop.domain.plan import Target
    from desktop.planner import PlanContext

    plan = planner.plan("f/u in 2 wks", now=now, context=PlanContext(target=Target(type="contact", id="201", name="x")))
    (a,) = plan.actions
    assert (a.kind, a.target.id, a.fields["due_date"]) == ("create_task", "201", "2026-12-05")
