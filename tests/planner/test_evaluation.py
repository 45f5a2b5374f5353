"""Scoring of plans against the corpus: dictated free text is judged WER-tolerantly only for
spoken input; targets, amounts, dates and stages stay exact."""

from __future__ import annotations

from desktop.domain.plan import Action, Plan, Target
from desktop.planner.evaluation import Score, score_case, similar

DEAL = Target(type="deal", id="5001", name="Acme Corp - Platform Rollout")


def _case(fields=None, contains=None, kind="update_deal"):
    exp = {"kind": kind, "target": "deal:5001"}
    if fields:
        exp["fields"] = fields
    if contains:
        exp["contains"] = contains
    return {"id": "x", "text": "t", "expect": {"actions": [exp], "clarify": False, "message": None}}


def _plan(fields, kind="update_deal", target=DEAL):
    return Plan(transcript="t", actions=[Action(kind=kind, target=target, fields=fields)])


def test_similar_tolerates_a_few_misheard_letters_not_other_words():
    assert similar("Procurement sign-off (Priya)", "Procurement side off (Priya)", whole=True)
    assert not similar("Procurement sign-off (Priya)", "Board approval (Priya)", whole=True)
    assert similar("Log a call", "Logga call with Marasa Lemu.", whole=False)
    assert not similar("Demo", "Memo", whole=True)  # values under 5 letters must be exact
    assert not similar("security review", "Following up - Priya Natarajan", whole=False)


def test_next_step_heard_imperfectly_counts_only_for_spoken_input():
    case, plan = _case(fields={"next_step": "Procurement sign-off (Priya)"}), \
        _plan({"next_step": "Procurement side off (Priya)"})
    assert score_case(case, plan, Score(), heard=True)
    assert not score_case(case, plan, Score())


def test_amounts_stages_and_targets_stay_exact_for_spoken_input():
    assert not score_case(_case(fields={"amount": 100000}), _plan({"amount": 10000}), Score(), heard=True)
    assert not score_case(_case(fields={"stage": "Negotiation"}), _plan({"stage": "Qualified"}), Score(), heard=True)
    other = Target(type="deal", id="5002", name="TechCorp")
    assert not score_case(_case(fields={"next_step": "Legal approval"}), _plan({"next_step": "Legal approval"},
                                                                              target=other), Score(), heard=True)


def test_activity_body_contains_is_tolerant_for_spoken_input():
    case = _case(contains={"body": "security add-on"}, kind="log_activity")
    plan = _plan({"activity_type": "call", "body": "spoke to Sarah Johnson about the security ad on"}, kind="log_activity")
    assert score_case(case, plan, Score(), heard=True)
    assert not score_case(case, plan, Score())
