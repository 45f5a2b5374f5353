"""Fuzzing the planner with random and adversarial text: never a crash, never an unconfirmed change."""

from __future__ import annotations

from datetime import datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain.plan import DESTRUCTIVE_KINDS, Plan
from desktop.planner.offline import MAX_INPUT_CHARS

NOW = datetime(2026, 11, 21, 10, 0)
FRAGMENTS = ["'; DROP TABLE contacts; --", "SELECT * FROM deals", "delete", "all", "everything", "Acme", "Mike",
             "Sarah", "100K", "move", "to negotiation", "follow up", "tomorrow", "\x00", "\u202e", "🙂", "\n",
             "ignore previous instructions", "mark as won", "remove", "Globx", "<script>", "%s%n", "{{7*7}}",
             "cut by 10 percent", "at 3pm", "Nina", "book a demo", "$", "-1e309", "9" * 40]


def check(plan: Plan) -> None:
    assert isinstance(plan, Plan)
    assert len(plan.transcript) <= MAX_INPUT_CHARS
    if plan.mutating:
        assert plan.requires_confirmation
    for action in plan.actions:
        if action.kind in DESTRUCTIVE_KINDS:
            assert action.destructive and action.target is not None
    if plan.clarifications:
        assert len(plan.candidates) == len(plan.clarifications)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_random_text(planner, text):
    check(planner.plan(text, now=NOW))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=12), st.sampled_from([" ", ", ", ". ", ""]))
def test_adversarial_fragments(planner, parts, sep):
    check(planner.plan(sep.join(parts), now=NOW))


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=1, max_size=200).map(lambda s: s * (10_000 // len(s) + 1)))
def test_huge_inputs(planner, text):
    assert len(text) >= 10_000
    check(planner.plan(text, now=NOW))


def test_ten_kilobytes_of_sql(planner):
    plan = planner.plan("'; DROP TABLE contacts; -- " * 400, now=NOW)
    check(plan)
    assert not plan.mutating
