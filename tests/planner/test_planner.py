"""The offline planner's user-visible behaviour on the fixture workspace."""

from __future__ import annotations

from desktop.domain.plan import Plan, Target
from desktop.planner.offline import MAX_INPUT_CHARS, OfflinePlanner, PlanContext, Planner

FLAGSHIP = ("Just finished the Acme call. Mike needs board approval, budget is 100K, they're also looking at "
            "Salesforce, follow up in two weeks")


def test_offline_planner_is_a_planner(planner):
    assert isinstance(planner, Planner)


def test_flagship_instruction(planner, now):
    plan = planner.plan(FLAGSHIP, now=now)
    assert [a.kind for a in plan.actions] == ["log_activity", "update_deal", "create_task"]
    log, update, task = plan.actions
    acme = Target(type="deal", id="5001", name="Acme Corp - Platform Rollout")
    # the call was with Mike (Acme's Mike Chen): a person's call is logged on the person (and linked to the
    # deal when applied), as issue 12 asks and the blind sets' writers expect
    mike = Target(type="contact", id="101", name="Mike Chen")
    assert log.target == mike and log.fields["activity_type"] == "call" and "board approval" in log.fields["body"]
    assert update.target == acme
    assert update.fields == {"amount": 100000, "competitor": "Salesforce", "next_step": "Board approval (Mike)"}
    assert task.fields["due_date"] == "2026-12-05" and "Mike Chen" in task.fields["title"]
    assert plan.requires_confirmation and not plan.clarifications
    assert plan.public_json()["actions"][1]["fields"]["amount"] == 100000


def test_nina_call_sentiment_and_follow_up(planner, now):
    plan = planner.plan("Log a call with Nina, she's not interested, follow up in three months", now=now)
    log, task = plan.actions
    assert (log.kind, log.fields["activity_type"], log.fields["sentiment"]) == ("log_activity", "call", "negative")
    assert log.target.name == "Nina Patel"
    assert task.kind == "create_task" and task.fields["title"].startswith("Follow up with Nina")
    assert task.fields["due_date"] == "2027-02-21"


def test_ambiguous_person_asks_and_names_no_target(planner, now):
    plan = planner.plan("Log a call with Sarah", now=now)
    assert plan.clarifications == ["Which Sarah: Sarah Chen (TechCorp) or Sarah Johnson (TechCorp)?"]
    assert [t.id for t in plan.candidates[0]] == ["102", "103"]
    assert all(a.target is None for a in plan.actions)


def test_company_context_picks_the_right_mike(planner, now):
    assert planner.plan("Log a call with Mike from Acme", now=now).actions[0].target.id == "101"
    plan = planner.plan("Follow up with Mike at FinanceStartup tomorrow", now=now)
    assert "Mike Rodriguez" in plan.actions[0].fields["title"] and not plan.clarifications


def test_unknown_person_asks(planner, now):
    plan = planner.plan("Log a call with Bartholomew", now=now)
    assert plan.clarifications and "Bartholomew" in plan.clarifications[0]
    assert all(a.target is None for a in plan.actions)


def test_open_deal_preferred_over_lost_one(planner, now):
    plan = planner.plan("Move TechCorp to proposal sent", now=now)
    assert plan.actions[0].target.id == "5002"  # open; 5013 is Closed Lost


def test_the_deal_of_a_company_with_an_open_and_a_lost_deal_is_asked_about(planner, now):
    # the workspace README: a company with an open and a lost deal - a planner must ask rather than guess
    plan = planner.plan("Move the TechCorp deal to proposal sent", now=now)
    assert plan.actions == [] and "Security Add-on" in plan.clarifications[0]


def test_record_in_view_answers_pronouns(planner, now):
    ctx = PlanContext(target=Target(type="deal", id="5009", name="Vertex Analytics - Data Pipeline"))
    plan = planner.plan("move it to negotiation", now=now, context=ctx)
    assert plan.actions[0].target.id == "5009" and plan.actions[0].fields == {"stage": "Negotiation"}
    ctx = PlanContext(target=Target(type="contact", id="111", name="Nina Patel"))
    plan = planner.plan("Follow up with her next week", now=now, context=ctx)
    assert plan.actions[0].target.id == "111"


def test_no_target_and_no_context_asks(planner, now):
    plan = planner.plan("Move the deal to negotiation", now=now)
    assert plan.clarifications and not plan.actions and not plan.requires_confirmation
    assert plan.pending[0].fields == {"stage": "Negotiation"} and plan.pending[0].target is None


def test_relative_amount_uses_current_deal_amount(planner, now):
    plan = planner.plan("Add fifteen thousand to the Acme deal", now=now)
    assert plan.actions[0].fields == {"amount": 75000}


def test_delete_is_destructive_and_confirmed(planner, now):
    plan = planner.plan("Delete Nina Patel", now=now)
    assert plan.destructive and plan.requires_confirmation and plan.actions[0].destructive


def test_bulk_delete_of_everything_is_refused(planner, now):
    plan = planner.plan("Delete everything", now=now)
    assert plan.actions == [] and plan.message


def test_bulk_delete_lists_each_record(planner, now):
    plan = planner.plan("Delete all contacts at Acme", now=now)
    assert {a.target.id for a in plan.actions} == {"101", "114"}
    assert all(a.destructive for a in plan.actions) and plan.requires_confirmation


def test_questions_are_read_only(planner, now):
    plan = planner.plan("How much is the Initech deal worth?", now=now)
    assert [a.kind for a in plan.actions] == ["answer"] and "$72,000" in plan.message
    assert not plan.requires_confirmation
    plan = planner.plan("Show me all deals in negotiation", now=now)
    assert plan.actions[0].kind == "answer" and not plan.requires_confirmation
    assert plan.actions[0].fields["records"] == ["deal:5005", "deal:5009", "deal:5101", "deal:5103"]


def test_questions_are_answered_from_the_workspace(planner, now):
    """Totals, counts, lists and single facts are computed, not left to a search nobody shows."""
    def ans(text):
        plan = planner.plan(text, now=now)
        assert [a.kind for a in plan.actions] == ["answer"], (text, plan)
        return plan.actions[0].fields
    assert ans("How much is sitting in Negotiation?")["value"] == 173000
    assert ans("What's the total value of deals in negotiation right now?")["value"] == 173000
    assert ans("How many deals are in Demo Scheduled?")["value"] == 9
    assert ans("how many open deals have we got")["value"] == 27
    assert ans("When did I last talk to Linda Okafor?")["value"] == "2026-11-06"
    assert ans("when did we last speak with Nina Patel")["value"] == "2026-10-31"
    assert ans("When does the Vertex deal close?")["value"] == "2026-11-30"
    assert len(ans("Who do we know at Delta Works?")["records"]) == 4
    assert ans("How many calls did we log this month?")["value"] == 11


def test_off_topic_and_empty_input_get_a_message(planner, now):
    for text in ["", "   ", "What's the weather like tomorrow?", "Tell me a joke", "\x00\x01"]:
        plan = planner.plan(text, now=now)
        assert plan.actions == [] and plan.message, text


def test_long_input_is_capped_with_a_message(planner, now):
    plan = planner.plan("Move Acme to negotiation. " + "blah " * 3000, now=now)
    assert len(plan.transcript) <= MAX_INPUT_CHARS
    assert "2,000 characters" in plan.message
    assert plan.actions[0].fields == {"stage": "Negotiation"}


def test_plan_round_trips_through_json(planner, now):
    plan = planner.plan(FLAGSHIP, now=now)
    assert Plan.model_validate_json(plan.model_dump_json()) == plan


def test_planner_works_on_an_empty_workspace(now):
    from desktop.planner.entity_index import EntityIndex

    empty = OfflinePlanner(EntityIndex.build([], [], [], []))
    plan = empty.plan("Move Acme to negotiation", now=now)
    assert all(a.target is None for a in plan.actions)


def test_answers_with_thresholds_periods_and_the_biggest(planner, now):
    def ans(text):
        plan = planner.plan(text, now=now)
        assert [a.kind for a in plan.actions] == ["answer"], (text, plan)
        return plan.actions[0].fields
    over = ans("List the open deals over fifty grand")["records"]
    assert over and all(planner.index.deals[int(r.split(":")[1])].amount_cents >= 5_000_000 for r in over)
    assert len(ans("Which open deal is our single biggest one?")["records"]) == 1
    assert ans("What's the close date on the Northwind renewal?")["value"] == "2026-12-15"
    december = ans("What's the total value of open deals closing in December?")["value"]
    assert december == sum(d.amount_cents for d in planner.index.deals.values()
                           if d.is_open and d.close_date and d.close_date.year == 2026 and d.close_date.month == 12) / 100
    assert ans("How much have we won in total this year?")["value"] == sum(d.amount_cents for d in planner.index.deals.values() if d.stage_label == "Closed Won" and d.close_date and d.close_date.year == 2026) / 100
    assert "value" in ans("Total up everything we've got in Proposal Sent.")
