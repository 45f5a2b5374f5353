"""The LLM planner through litellm with ``mock_response`` (no network), and lazy imports."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.domain.plan import Target
from desktop.planner.llm_planner import LLMPlanner, UsageRecord, api_key_for, provider_key_var
from desktop.planner.offline import PlanContext, Planner

ROOT = Path(__file__).resolve().parents[2]
GOOD = json.dumps({"actions": [{"kind": "update_deal",
                                "target": {"type": "deal", "id": "5001", "name": "whatever"},
                                "fields": {"stage": "Negotiation", "amount": 100000}}],
                   "clarifications": []})


class _InlineExecutor:
    """Runs litellm's success-logging callbacks inline, so no pool thread outlives a test."""

    def submit(self, fn, /, *args, **kwargs):
        from concurrent.futures import Future

        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except Exception as exc:  # noqa: BLE001 - handed to the caller through the Future, like litellm does
            future.set_exception(exc)
        return future


@pytest.fixture(autouse=True)
def _inline_litellm_logging(monkeypatch):
    from desktop.planner.llm_planner import _litellm

    _litellm()
    import litellm.utils

    monkeypatch.setattr(litellm.utils, "executor", _InlineExecutor())


@pytest.fixture()
def usage() -> list[UsageRecord]:
    return []


def make(index, planner, usage, mock, model="gpt-4o-mini"):
    return LLMPlanner(model, index, planner, on_usage=usage.append, timeout_s=5, mock_response=mock)


def test_valid_json_becomes_a_plan_with_usage(index, planner, usage, now):
    llm = make(index, planner, usage, GOOD)
    assert isinstance(llm, Planner)
    plan = llm.plan("move acme to negotiation, budget 100k", now=now)
    action = plan.actions[0]
    assert action.target == Target(type="deal", id="5001", name="Acme Corp - Platform Rollout")
    assert action.fields == {"stage": "Negotiation", "amount": 100000}
    assert plan.requires_confirmation
    assert len(usage) == 1
    record = usage[0]
    assert record.model == "gpt-4o-mini" and record.agent == "planner"
    assert record.prompt_tokens > 0 and record.completion_tokens > 0
    assert record.cost_usd > 0 and record.latency_ms >= 0


def test_invalid_output_is_retried_once(index, planner, usage, now):
    llm = make(index, planner, usage, ["this is not json", GOOD])
    plan = llm.plan("move acme to negotiation", now=now)
    assert plan.actions[0].fields["stage"] == "Negotiation"
    assert len(usage) == 2


def test_twice_invalid_falls_back_to_offline_planner(index, planner, usage, now):
    bad = json.dumps({"actions": [{"kind": "update_deal", "target": {"type": "deal", "id": "999999", "name": "x"},
                                   "fields": {"stage": "Negotiation"}}]})
    llm = make(index, planner, usage, ["nope", bad])
    plan = llm.plan("Move the Acme deal to negotiation", now=now)
    assert plan == planner.plan("Move the Acme deal to negotiation", now=now)
    assert len(usage) == 2


def test_unknown_field_is_rejected_by_the_schema(index, planner, usage, now):
    bad = json.dumps({"actions": [{"kind": "create_task", "fields": {"title": "x", "priority": "high"}}]})
    llm = make(index, planner, usage, [bad, bad])
    plan = llm.plan("Follow up with Nina tomorrow", now=now)
    assert plan.actions[0].target.name == "Nina Patel"  # the offline answer


def test_provider_error_falls_back(index, planner, usage, now):
    llm = make(index, planner, usage, "litellm.RateLimitError")
    plan = llm.plan("Move the Acme deal to negotiation", now=now)
    assert plan.actions[0].fields == {"stage": "Negotiation"}


def test_clarifying_answer_names_no_target(index, planner, usage, now):
    out = json.dumps({"actions": [{"kind": "log_activity", "target": {"type": "contact", "id": "102", "name": "x"},
                                   "fields": {"activity_type": "call"}}],
                      "clarifications": ["Which Sarah?"]})
    plan = make(index, planner, usage, out).plan("Log a call with Sarah", now=now)
    assert plan.clarifications == ["Which Sarah?"] and plan.actions[0].target is None


def test_timeout_is_bounded_and_falls_back(index, planner, usage, now):
    import time

    llm = LLMPlanner("gpt-4o-mini", index, planner, on_usage=usage.append, timeout_s=0.2,
                     mock_response=GOOD, mock_options={"mock_timeout": True})
    start = time.perf_counter()
    plan = llm.plan("Move the Acme deal to negotiation", now=now)
    assert time.perf_counter() - start < 3.0
    assert plan.actions[0].fields == {"stage": "Negotiation"}  # the offline answer


def test_async_timeout_is_bounded(index, planner, usage, now):
    import time

    llm = LLMPlanner("gpt-4o-mini", index, planner, on_usage=usage.append, timeout_s=0.2,
                     mock_response=GOOD, mock_options={"mock_delay": 10.0})
    start = time.perf_counter()
    plan = asyncio.run(llm.aplan("Move the Acme deal to negotiation", now=now))
    assert time.perf_counter() - start < 3.0
    assert plan.actions[0].fields == {"stage": "Negotiation"}


def test_async_variant(index, planner, usage, now):
    llm = make(index, planner, usage, GOOD)
    ctx = PlanContext(target=Target(type="deal", id="5001", name="Acme Corp - Platform Rollout"))
    plan = asyncio.run(llm.aplan("move it to negotiation", now=now, context=ctx))
    assert plan.actions[0].target.id == "5001" and len(usage) == 1


def test_prompt_carries_candidates_stages_and_date(index, planner, usage, now):
    llm = make(index, planner, usage, GOOD)
    payload = json.loads(llm._messages("Log a call with Mike from Acme", now, None)[1]["content"])
    assert payload["today"] == "2026-11-21" and "Closed Won" in payload["stages"]
    ids = {(c["type"], c["id"]) for c in payload["candidates"]}
    assert {("company", "9001"), ("deal", "5001"), ("contact", "101"), ("contact", "104")} <= ids


def test_api_key_from_environment_when_keyring_has_none(monkeypatch):
    import keyring

    monkeypatch.setattr(keyring, "get_password", lambda service, user: None)
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    assert provider_key_var("gpt-4o-mini") == "OPENAI_API_KEY"
    assert api_key_for("gpt-4o-mini") == "sk-test"
    monkeypatch.setattr(keyring, "get_password", lambda service, user: "from-keyring" if service == "spectrum" else None)
    assert api_key_for("anthropic/claude-3-5-haiku-latest") == "from-keyring"
    assert api_key_for("ollama/llama3") is None


def test_importing_planners_does_not_import_litellm():
    code = ("import sys, desktop.planner.offline, desktop.planner.llm_planner; "
            "print('litellm' in sys.modules, 'dateparser' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_make_planner_picks_by_setting(index):
    from desktop.planner.llm_planner import make_planner
    from desktop.planner.offline import OfflinePlanner

    assert isinstance(make_planner(index, None), OfflinePlanner)
    llm = make_planner(index, "ollama/llama3", timeout_s=3)
    assert isinstance(llm, LLMPlanner) and isinstance(llm.fallback, OfflinePlanner) and llm.timeout_s == 3


def test_stage_labels_are_normalised_and_unknown_stages_rejected(index, planner, usage, now):
    lower = GOOD.replace('"Negotiation"', '"negotiation"')
    plan = make(index, planner, usage, lower).plan("move acme to negotiation", now=now)
    assert plan.actions[0].fields["stage"] == "Negotiation"
    bogus = GOOD.replace('"Negotiation"', '"Haggling"')
    usage.clear()
    plan = make(index, planner, usage, [bogus, bogus]).plan("Move the Acme deal to negotiation", now=now)
    assert len(usage) == 2 and plan.actions[0].fields == {"stage": "Negotiation"}  # offline fallback
