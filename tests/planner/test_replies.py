"""The reply reader: what the next utterance means while a plan, a question or the approvals queue
is on screen (issue 17). Cases in tests/planner/replies/*.jsonl (REPLIES_SPEC format)."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import pytest

from desktop.domain.plan import Action, Plan, Target
from desktop.planner.replies import ReplyContext, apply_edit, context_for_plan, read_reply

HERE = Path(__file__).parent / "replies"
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from replies_blind import correct, score  # noqa: E402

TODAY = date(2026, 11, 21)


def _cases(name: str) -> list[dict]:
    return [json.loads(line) for line in (HERE / name).read_text().splitlines() if line.strip()]


@pytest.mark.parametrize("case", _cases("own_cases.jsonl") + _cases("blind1.jsonl"),
                         ids=lambda c: f"{c['id']}:{c['utterance']}")
def test_own_cases_and_the_blind_set(case):
    """Own cases, and blind set 1 (written by a helper who never saw the reader; first score, run
    once on reader commit 67b73d7: 80/82 = 97.6%, 0 replies taken for a new deletion, see
    replies/blind1_first_score.json); it is a regression set now."""
    got = read_reply(case["utterance"], ReplyContext.from_json(case["context"]), today=TODAY)
    assert correct(case["expect"], got), got


def test_scorer_counts_a_reply_taken_for_a_new_deletion():
    ctx = {"kind": "plan", "actions": [{"kind": "update_deal", "target": "deal:5001", "label": "Acme Corp",
                                        "fields": {"amount": 1}}], "destructive": False}
    report = score([{"id": "x", "context": ctx, "utterance": "Delete the Initech deal",
                     "expect": {"reply": "cancel"}}])
    assert report["mistaken_destructive"] == 1 and report["correct"] == 0


def test_a_bare_yes_never_confirms_a_deletion():
    plan = Plan(transcript="Delete Globex", actions=[Action(kind="delete_record", target=Target(
        type="company", id="9004", name="Globex Logistics"))])
    ctx = context_for_plan(plan)
    for said in ("yes", "do it", "yeah go ahead", "delete it", "sure, I'm sure"):
        assert read_reply(said, ctx, today=TODAY).kind == "confirm_needs_name", said
    assert read_reply("delete Globex Logistics, yes", ctx, today=TODAY).kind == "confirm"


def test_a_yes_with_a_misheard_name_asks_for_the_name_again():
    # spoken "Yes, delete Corvana" heard as "Coronova": neither confirmed nor a new deletion
    plan = Plan(transcript="Delete Corvana", actions=[Action(kind="delete_record", target=Target(
        type="company", id="9020", name="Corvana Health"))])
    ctx = context_for_plan(plan)
    assert read_reply("Yes, Delete Coronova.", ctx, today=TODAY).kind == "confirm_needs_name"
    assert read_reply("Yes, delete Corvana Health", ctx, today=TODAY).kind == "confirm"


def test_edit_is_applied_to_the_plan():
    plan = Plan(transcript="Move Acme to Negotiation, budget 100k", actions=[Action(
        kind="update_deal", target=Target(type="deal", id="5001", name="Acme Corp - Platform Rollout"),
        fields={"stage": "Negotiation", "amount": 100000})])
    r = read_reply("make it 120k", context_for_plan(plan), today=TODAY)
    edited = apply_edit(plan, r.field, r.value)
    assert edited.actions[0].fields == {"stage": "Negotiation", "amount": 120000}
    with pytest.raises(ValueError):
        apply_edit(plan, "due_date", "2026-11-27")


def test_question_context_from_a_plan_with_candidates():
    plan = Plan(transcript="Log a call with Sarah", clarifications=["Which Sarah?"], candidates=[[
        Target(type="contact", id="102", name="Sarah Chen"), Target(type="contact", id="103", name="Sarah Johnson")]])
    r = read_reply("Sarah Johnson", context_for_plan(plan), today=TODAY)
    assert (r.kind, r.choice) == ("choose", 1)


def test_nothing_on_screen_only_instructions_start_plans():
    ctx = ReplyContext()
    assert read_reply("Move Acme to Negotiation", ctx, today=TODAY).kind == "new_instruction"
    assert read_reply("yes", ctx, today=TODAY).kind == "unclear"
    assert read_reply("undo that", ctx, today=TODAY).kind == "undo"


@pytest.mark.parametrize("heard, kind", [("Approase them all.", "approve_all"), ("Aprove all of them", "approve_all"),
                                         ("Rejekt them all", "reject_all")])
def test_an_approvals_verb_as_a_recogniser_writes_it(heard, kind):
    ctx = ReplyContext(kind="approvals", items=(("a1", "Ghostbuster: draft to Tom"), ("a2", "Post-call: move Granite")))
    assert read_reply(heard, ctx).kind == kind
