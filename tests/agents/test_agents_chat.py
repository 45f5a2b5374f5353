"""Teammate chat: built-in questions answered offline from the workspace; free-form questions through
the LLM calling the same read tools; conversations persist per agent."""

from __future__ import annotations

import asyncio
import json

from conftest import NOW
from sqlalchemy import select

from desktop.agents.fakes import FakeLLM
from desktop.agents.llm import LLMReply, ToolCall
from desktop.store import metrics
from desktop.store import schema as s


def ask(svc, agent, q):
    return asyncio.run(svc.ask(agent, q))


def test_burn_rate_answer_uses_the_report_figures(make_service, workspace):
    svc = make_service()
    ans = ask(svc, "cfo", "what's our burn rate this quarter?")
    with workspace.uow() as uow:
        r = metrics.report(uow.session, NOW)
    assert f"${r['burn']:,.0f}/month" in ans.text
    figs = {c["name"]: c["value"] for c in ans.context if c["type"] == "figure"}
    assert figs["burn"] == r["burn"] and figs["mrr"] == r["mrr"] and ans.plan is None


def test_what_if_hire_gives_new_burn_and_runway(make_service, workspace):
    from desktop.store.metrics import CASH_KEY

    with workspace.uow() as uow:
        uow.session.add(s.Setting(key=CASH_KEY, value=str(900_000_00)))
        uow.commit()
    ans = ask(make_service(), "cfo", "should we hire an engineer at 150K?")
    figs = {c["name"]: c["value"] for c in ans.context}
    assert figs["new_burn"] == round(figs["burn"] + 150_000 * 1.25 / 12, 2)
    assert figs["new_runway_months"] == round(900_000 / figs["new_burn"], 1)
    assert f"to {figs['new_runway_months']} months" in ans.text


def test_which_leads_to_prioritise_names_hot_contacts_with_reasons(make_service):
    ans = ask(make_service(), "qualifier", "which leads should I prioritise today?")
    contacts = [c for c in ans.context if c["type"] == "contact"]
    assert len(contacts) == 5 and all(c["score"] >= 70 for c in contacts)
    assert contacts[0]["name"] in ans.text and "HOT" in ans.text


def test_why_did_the_globex_deal_stall_offers_a_plan(make_service):
    ans = ask(make_service(), "ghostbuster", "why did the Globex deal stall?")
    assert ans.context[0]["name"].startswith("Globex Logistics")
    assert "no next step agreed" in ans.text
    assert [a.kind for a in ans.plan.actions] == ["draft_email", "create_task"]
    assert ans.plan.actions[0].target.name.startswith("Globex")


def test_conversation_persists_per_agent(make_service):
    svc = make_service()
    ask(svc, "cfo", "what's our runway?")
    ask(svc, "ghostbuster", "which deals are at risk?")
    hist = make_service().history("cfo")
    assert [m["role"] for m in hist] == ["user", "agent"] and hist[0]["text"] == "what's our runway?"
    assert hist[1]["context"] and make_service().history("ghostbuster")[1]["role"] == "agent"


def test_free_form_question_goes_to_the_llm_with_read_tools_and_is_metered(make_service, workspace):
    def first(messages, tools):
        names = {t["function"]["name"] for t in tools}
        assert {"stale_deals", "show_record", "suggest_change"} <= names and "what_if" not in names
        return LLMReply(None, [ToolCall("c1", "stale_deals", {"limit": 3})], 500, 20)

    def second(messages, tools):
        result = json.loads(messages[-1]["content"])
        assert messages[-1]["role"] == "tool" and len(result["deals"]) == 3
        return LLMReply(None, [ToolCall("c2", "suggest_change",
                                        {"instruction": "Create a task to call Mike Chen tomorrow"})], 700, 20)

    llm = FakeLLM(script=[first, second, LLMReply("Granite Labs has been quiet longest; call Mike.", [], 800, 15)])
    svc = make_service(llm_model="openai/fake-model", llm=llm)
    ans = ask(svc, "ghostbuster", "tell me something surprising about my customers")
    assert ans.text.startswith("Granite Labs") and ans.tools == ["stale_deals", "suggest_change"]
    assert len([c for c in ans.context if c["type"] == "deal"]) == 3
    assert ans.plan is not None and ans.plan.actions[0].kind == "create_task"
    with workspace.uow() as uow:
        rows = uow.session.execute(select(s.LLMCall).where(s.LLMCall.agent == "ghostbuster")).scalars().all()
    assert [r.prompt_tokens for r in rows] == [500, 700, 800]
    assert abs(sum(r.cost_usd for r in rows) - (2000 * 1e-6 + 55 * 2e-6)) < 1e-9


def test_without_a_model_free_form_questions_get_the_help_text(make_service):
    ans = ask(make_service(), "cfo", "compose a haiku about churn")
    assert ans.text.startswith("I can't tell from your data") and "burn rate" in ans.text and ans.plan is None


def test_killed_agent_answers_without_calling_out(make_service):
    llm = FakeLLM()
    svc = make_service(llm_model="openai/fake-model", llm=llm)
    svc.kill("cfo")
    ans = ask(svc, "cfo", "compose a haiku about churn")
    assert "killed" in ans.text and llm.calls == []


def test_litellm_adapter_with_mock_response_is_metered(workspace, data_dir, clock):
    """The real litellm path (mock_response: no network) through the metered gate."""
    from desktop.agents.gate import Gate
    from desktop.agents.llm import LiteLLMPort, MeteredLLM

    port = LiteLLMPort(mock_response="Hello from the mock")
    meter = MeteredLLM(workspace, port, Gate(), clock)
    reply = asyncio.run(meter.complete(agent="cfo", model="gpt-4o-mini", budget_usd=1.0,
                                       messages=[{"role": "user", "content": "hi"}]))
    assert reply.content == "Hello from the mock"
    pin, _ = port.price("gpt-4o-mini")
    assert pin > 0
    with workspace.uow() as uow:
        row = uow.session.execute(select(s.LLMCall)).scalar_one()
    assert row.model == "gpt-4o-mini" and row.agent == "cfo" and row.latency_ms >= 0


def test_each_teammate_answers_only_from_its_own_data(make_service):
    svc = make_service()
    # the CFO knows burn; the Qualifier does not answer it with its lead scores
    assert "Burn is" in ask(svc, "cfo", "what's our burn rate?").text
    other = ask(svc, "qualifier", "what's our burn rate?")
    assert other.text.startswith("I can't tell from your data") and "Ask cfo" in other.text and "$" not in other.text
    # a stalled deal is Ghostbuster's, not the CFO's
    ans = ask(svc, "cfo", "why did the Globex deal stall?")
    assert ans.text.startswith("I can't tell from your data") and "Ask ghostbuster" in ans.text and ans.plan is None
    # data Spectrum does not hold: no nearby figure passed off as the answer
    for agent, q in (("cfo", "what's our MRR in Europe?"), ("qualifier", "which leads came from LinkedIn?"),
                     ("ghostbuster", "what did Globex say in Slack?"), ("briefing", "what's our NPS?")):
        a = ask(svc, agent, q)
        assert a.text.startswith("I can't tell from your data"), (agent, q, a.text)
        assert not any(c.get("type") == "deal" for c in a.context)
    unknown = ask(svc, "ghostbuster", "how many trucks do they run?")
    assert unknown.text.startswith("I can't tell from your data") and "open deals" in unknown.text


def test_post_call_teammate_lists_calls_without_follow_up(make_service):
    ans = ask(make_service(), "post-call", "which calls still need a follow-up?")
    assert "call(s) or meeting(s) of the last day" in ans.text and ans.tools == ["recent_calls"]
