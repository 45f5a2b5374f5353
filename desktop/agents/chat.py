"""Teammate chat: answer a question in an agent's role, grounded in the workspace.

:func:`answer` first tries the built-in questions, answered offline from the metrics and read-side
queries (burn / runway / MRR, what-if hires, which leads to prioritise, why a deal stalled, stale
deals, today's tasks, the morning brief). Anything else goes - when the agent has a model - to the
LLM with the agent's read tools offered through litellm tool calling (the LLM never sees SQL; it
calls the same registry tools, plus ``suggest_change`` which turns an instruction into a Plan with
the offline planner). Without a model the answer says what can be asked. Every answer carries a
context list (records and figures used) and, when it suggests a change, a Plan (compliance-checked,
never applied by the chat itself).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from desktop.agents import roles as R
from desktop.agents import tools as T
from desktop.domain.plan import Plan

MAX_TOOL_ROUNDS = 4
_HIRE = re.compile(r"\b(hire|hiring|headcount|add (?:an? |\d+ )?\w*\s*(?:engineer|person|rep|developer)s?)\b", re.I)
_FIN = re.compile(r"\b(burn|runway|cash|mrr|arr|recurring revenue|revenue|finances?|money)\b", re.I)
_LEADS = re.compile(r"\b(leads?|prioriti[sz]e|who should i (?:call|contact)|hot|qualif\w+|score)\b", re.I)
_STALL = re.compile(r"\b(stall\w*|stuck|went quiet|gone quiet|ghost\w*|what happened)\b", re.I)
_STALE = re.compile(r"\b(stale|at risk|inactive|quiet deals|no activity)\b", re.I)
_TASKS = re.compile(r"\b(tasks?|to-?dos?|agenda|today)\b", re.I)
_BRIEF = re.compile(r"\b(brief|briefing|morning|summary|overview)\b", re.I)
_PIPE = re.compile(r"\b(pipeline|win rate|forecast)\b", re.I)
_MONTHLY = re.compile(r"\b(per month|a month|monthly|/mo)\b", re.I)
_COUNT = re.compile(r"\b(\d+)\s+(?:more\s+|new\s+|additional\s+)?(?:engineers?|developers?|people|hires?|reps?|"
                    r"salespeople|designers?|employees?|staff)\b", re.I)

_NUM_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
              "nine": 9, "ten": 10, "a couple of": 2, "a few": 3}
_NUM_WORD = re.compile(r"\b(" + "|".join(sorted(_NUM_WORDS, key=len, reverse=True)) + r")\b", re.I)

HELP = ("I can answer from the workspace: \"what's our burn rate?\", \"should we hire an engineer at 150K?\", "
        "\"which leads should I prioritise today?\", \"why did the Globex deal stall?\", "
        "\"which deals are at risk?\", \"what's on today?\". Configure a model (SPECTRUM_LLM_MODEL) for "
        "free-form questions.")


@dataclass
class ChatAnswer:
    """An answer: ``text``; ``context`` - records ({"type", "id", "name"}) and figures ({"type":
    "figure", "name", "value", "source"}) it used; ``plan`` - a suggested change or None;
    ``tools`` - the tools called; ``cost_usd`` - LLM spend of this answer."""

    text: str
    context: list[dict[str, Any]] = field(default_factory=list)
    plan: Plan | None = None
    tools: list[str] = field(default_factory=list)
    cost_usd: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        """JSON shape of ``spectrum ask --json``."""
        return {"text": self.text, "context": self.context, "plan": self.plan.public_json() if self.plan else None,
                "tools": self.tools, "cost_usd": round(self.cost_usd, 6)}


def _deal_in(ctx: T.ToolContext, question: str) -> int | None:
    idx = T.planner_for(ctx).index
    for m in idx.find_mentions(question):
        if m.kind == "deal" and len(m.ids) == 1:
            return m.ids[0]
        if m.kind == "company":
            for cid in m.ids:
                open_ = idx.open_deals(cid)
                if open_:
                    return open_[0]
    return None


async def offline_answer(ctx: T.ToolContext, question: str) -> ChatAnswer | None:
    """The built-in questions, answered with no LLM; None when the question is not one of them."""
    from desktop.planner.parsing.numbers import find_amounts, words_to_digits

    q = question.strip()
    if _HIRE.search(q) or re.search(r"\bwhat[- ]if\b", q, re.I):
        digits = _NUM_WORD.sub(lambda m: str(_NUM_WORDS[m.group(1).lower()]), words_to_digits(q))
        found = [a for a in find_amounts(digits) if not a.percent]
        amounts = sorted((a.value for a in found if a.money or a.value >= 1000), reverse=True)
        count = _COUNT.search(digits)
        hires = int(count.group(1)) if count else 1
        monthly = bool(_MONTHLY.search(q)) and not _HIRE.search(q)
        if amounts:
            w = await T.what_if(ctx, monthly_cost=amounts[0] if monthly else None,
                                annual_salary=None if monthly else amounts[0], hires=hires)
            text = whatif_text(w)
            ctx_list = [T.figure("burn", w["burn"], "average net burn, last 3 full months"),
                        T.figure("new_burn", w["new_burn"], "burn + salary x loaded factor / 12"),
                        T.figure("cash_balance", w["cash_balance"], "spectrum set cash"),
                        T.figure("runway_months", w["runway_months"], "cash / burn"),
                        T.figure("new_runway_months", w["new_runway_months"], "cash / new burn")]
            return ChatAnswer(text, ctx_list, tools=["what_if", "revenue_report"])
    if _STALL.search(q) and not _STALE.search(q):
        deal_id = _deal_in(ctx, q)
        if deal_id is not None:
            d = await R.diagnose_stall(ctx, deal_id=deal_id)
            plan = Plan.model_validate(d["plan"])
            from desktop.agents.compliance import check_plan

            with ctx.session() as uow:
                plan = check_plan(plan, uow.session)
            why = "; ".join(d["reasons"]) or "no clear reason in the record"
            quiet = d.get("days_inactive")
            head = (f"{d['deal']['name']} stalled" if quiet is None or quiet >= 7 else
                    f"{d['deal']['name']} is not stale yet (last activity {quiet} days ago), but watch out")
            text = (f"{head}: {why}. I drafted a re-engagement email and a follow-up "
                    f"task - approve the plan to queue them." + (f" {plan.message}" if plan.message else ""))
            return ChatAnswer(text, [d["deal"]], plan if plan.mutating else None,
                              tools=["show_record", "diagnose_stall"])
    if _STALE.search(q) or _STALL.search(q):
        s = await T.stale_deals(ctx)
        items = "; ".join(f"{x['name']} ({x['stage']}, {T.money(x['amount'])}, {x['days_inactive']} days quiet)"
                          for x in s["deals"][:5])
        text = f"{s['total']} open deal(s) have had no activity for 7+ days" + (f": {items}." if items else ".")
        return ChatAnswer(text, [T.ref("deal", x["id"], x["name"]) for x in s["deals"][:5]], tools=["stale_deals"])
    if _LEADS.search(q):
        s = await T.score_leads(ctx, limit=10)
        top = [x for x in s["top"] if not x["do_not_contact"]][:5]
        items = "; ".join(f"{x['name']} ({x['company'] or 'no company'}) {x['band']} {x['score']} - "
                          f"{', '.join(x['reasons']) or 'ICP fit'}" for x in top)
        text = (f"Call these first: {items}. Of {s['scored']} contacts, {s['bands']['HOT']} are HOT, "
                f"{s['bands']['WARM']} WARM, {s['bands']['COLD']} COLD.")
        return ChatAnswer(text, [T.ref("contact", x["contact_id"], x["name"], score=x["score"]) for x in top],
                          tools=["score_leads"])
    if _FIN.search(q):
        r = await T.revenue_report(ctx)
        from datetime import timedelta

        from desktop.store import metrics

        with ctx.session() as uow:
            mrr_30 = float(metrics.mrr_cents(uow.session, ctx.now - timedelta(days=30))) / 100
        return ChatAnswer(R.finance_text(r, mrr_30),
                          [T.figure(k, r[k], "spectrum report") for k in ("burn", "mrr", "arr", "cash_balance",
                                                                        "runway_months")]
                          + [{"type": "figure", "name": "burn_months", "value": r["burn_months"],
                              "source": "ledger expenses - subscription revenue, per month"}],
                          tools=["revenue_report"])
    if _BRIEF.search(q):
        b = await R.morning_brief(ctx)
        return ChatAnswer(b["chat"], b["context"], tools=["morning_brief"])
    if _CALLS.search(q) and ctx.agent.kind == "post_call":
        from desktop.agents.roles import recent_calls

        r = await recent_calls(ctx, hours=int((ctx.agent.params or {}).get("lookback_hours", 24)), limit=10)
        items = "; ".join(f"{c['subject'] or c['type']} ({c['at'][:16].replace('T', ' ')})" for c in r["calls"])
        text = (f"{len(r['calls'])} call(s) or meeting(s) of the last day have no follow-up task yet" +
                (f": {items}." if items else "."))
        return ChatAnswer(text, [T.ref("activity", c["id"], c["subject"] or c["type"]) for c in r["calls"]],
                          tools=["recent_calls"])
    if _TASKS.search(q):
        t = await T.open_tasks(ctx)
        items = "; ".join(f"{x['title']}" + (f" (due {x['due_date']})" if x["due_date"] else "") for x in t["tasks"][:10])
        return ChatAnswer(f"{len(t['tasks'])} open task(s) due by today" + (f": {items}." if items else "."),
                          [T.ref("task", x["id"], x["title"]) for x in t["tasks"][:10]], tools=["open_tasks"])
    if _PIPE.search(q):
        r = await T.revenue_report(ctx)
        wr = "n/a" if r["win_rate"] is None else f"{r['win_rate'] * 100:.0f}%"
        return ChatAnswer(f"Pipeline {T.money(r['pipeline_value'])} (weighted {T.money(r['weighted_pipeline'])}); "
                          f"win rate over 90 days {wr}.",
                          [T.figure(k, r[k], "spectrum report") for k in ("pipeline_value", "weighted_pipeline", "win_rate")],
                          tools=["revenue_report"])
    return None


def whatif_text(w: dict) -> str:
    """One paragraph for a what-if result (see :func:`desktop.agents.tools.what_if`)."""
    if w.get("annual_salary"):
        what = (f"Hiring {w['hires']} at {T.money(w['annual_salary'])}/year (loaded x{w['loaded_factor']:g} = "
                f"{T.money(w['extra_monthly'])}/month)")
    else:
        what = f"Spending {T.money(w['extra_monthly'])} more per month"
    text = f"{what} takes burn from {T.money(w['burn'])} to {T.money(w['new_burn'])}/month"
    if w["cash_balance"] is None:
        return text + ". Runway: unknown - set the cash balance with `spectrum set cash AMOUNT`."
    if w["new_runway_months"] is None:
        return text + f"; with cash of {T.money(w['cash_balance'])} you would still not be burning cash."
    before = "unlimited" if w["runway_months"] is None else f"{w['runway_months']}"
    return (text + f"; runway goes from {before} to {w['new_runway_months']} months "
            f"(cash {T.money(w['cash_balance'])}).")


def _context_from(name: str, out: dict) -> list[dict]:
    if name in ("revenue_report", "what_if"):
        return [T.figure(k, v, name) for k, v in out.items() if isinstance(v, (int, float)) and v is not None]
    if name == "stale_deals":
        return [T.ref("deal", d["id"], d["name"]) for d in out.get("deals", [])]
    if name == "score_leads":
        return [T.ref("contact", x["contact_id"], x["name"], score=x["score"]) for x in out.get("top", [])]
    if name == "open_tasks":
        return [T.ref("task", x["id"], x["title"]) for x in out.get("tasks", [])]
    if name == "show_record" and out.get("record"):
        r = out["record"]
        return [T.ref(out["kind"], r.get("id"), r.get("name") or "")]
    return []


SUGGEST = {"type": "function", "function": {
    "name": "suggest_change", "description": "Offer a CRM change as a plan for the user to approve, written as "
    "one plain instruction (e.g. 'Create a task to call Mike Chen tomorrow').",
    "parameters": {"type": "object", "properties": {"instruction": {"type": "string"}}, "required": ["instruction"]}}}


async def llm_answer(ctx: T.ToolContext, question: str, history: list[dict]) -> ChatAnswer:
    """Free-form answer through the LLM with the agent's read tools (tool-calling loop, at most
    :data:`MAX_TOOL_ROUNDS` rounds). Raises Killed / OverBudget / LLM errors from the metered client."""
    from desktop.agents.compliance import check_plan
    from desktop.planner.offline import PlanContext
    lo = ctx.agent
    allowed = [n for n in T.READ_TOOLS if n in lo.tools]
    schemas = [T.get(n).schema() for n in allowed] + [SUGGEST]
    system = lo.prompts.get("system", f"You are {lo.role}. {lo.purpose}")
    system += (f" Today is {ctx.now.date().isoformat()}. Use the tools for every figure or record you mention; "
               "answer in at most five sentences; money in USD. When your tools do not hold the answer, say "
               f"\"{CANT_TELL}\" and nothing else that sounds like an answer.")
    messages: list[dict] = [{"role": "system", "content": system}]
    for h in history[-6:]:
        messages.append({"role": "user" if h["role"] == "user" else "assistant", "content": h["text"]})
    messages.append({"role": "user", "content": question})
    answer = ChatAnswer("")
    for _ in range(MAX_TOOL_ROUNDS):
        reply = await ctx.llm.complete(agent=lo.name, model=ctx.model, messages=messages,
                                       budget_usd=lo.daily_budget_usd, run_id=None, tools=schemas)
        answer.cost_usd += reply.cost_usd or 0.0
        if not reply.tool_calls:
            answer.text = (reply.content or "").strip()
            break
        messages.append({"role": "assistant", "content": reply.content or "", "tool_calls": [
            {"id": c.id, "type": "function", "function": {"name": c.name, "arguments": json.dumps(c.arguments)}}
            for c in reply.tool_calls]})
        for c in reply.tool_calls:
            answer.tools.append(c.name)
            if c.name == "suggest_change":
                plan = T.planner_for(ctx).plan(str(c.arguments.get("instruction", "")), now=ctx.now,
                                               context=PlanContext())
                with ctx.session() as uow:
                    plan = check_plan(plan, uow.session)
                answer.plan = plan if (plan.mutating or plan.clarifications) else answer.plan
                out: dict = {"plan": plan.public_json()}
            elif c.name in allowed:
                try:
                    out = await T.get(c.name).fn(ctx, **c.arguments)
                except TypeError as exc:
                    out = {"error": f"bad arguments: {exc}"}
                answer.context += _context_from(c.name, out)
            else:
                out = {"error": f"tool {c.name!r} is not available to {lo.name}"}
            messages.append({"role": "tool", "tool_call_id": c.id, "name": c.name,
                             "content": json.dumps(out, default=str)[:6000]})
    else:
        answer.text = answer.text or "I could not finish that answer within the tool-call limit."
    return answer


def pick_agent(question: str, names: list[str]) -> str:
    """The built-in agent best placed to answer ``question`` (cfo for money, qualifier for leads,
    ghostbuster for stalled deals, briefing otherwise), among ``names``."""
    order = []
    if (_HIRE.search(question) or _FIN.search(question) or _PIPE.search(question)
            or re.search(r"\bwhat[- ]if\b", question, re.I)):
        order.append("cfo")
    if _STALL.search(question) or _STALE.search(question):
        order.append("ghostbuster")
    if _LEADS.search(question):
        order.append("qualifier")
    order += ["briefing", "cfo"]
    return next((n for n in order if n in names), names[0] if names else "briefing")


#: What each built-in kind of teammate answers from (its data and tools) and the question topics it
#: owns; a question on another topic gets "I can't tell from your data" and the teammate who can.
ROLES: dict[str, tuple[tuple[str, ...], str, str]] = {
    "cfo": (("hire", "finance", "pipeline"), "the ledger, Stripe subscriptions and the pipeline",
            "\"what's our burn rate?\", \"should we hire an engineer at 150K?\", \"what's our win rate?\""),
    "qualifier": (("leads",), "contacts, companies, their activities and the ICP scoring",
                  "\"which leads should I prioritise today?\", \"who are our hot leads?\""),
    "ghostbuster": (("stall", "stale"), "open deals and their activity history",
                    "\"which deals are at risk?\", \"why did the Globex deal stall?\""),
    "briefing": (("brief", "tasks"), "today's tasks, top leads, deals at risk and MRR moves",
                 "\"what's on today?\", \"give me the morning brief\""),
    "post_call": (("calls",), "calls and meetings of the last day and the notes taken on them",
                  "\"which calls still need a follow-up?\""),
    "custom": ((), "the workspace through its tools", ""),
}
_CALLS = re.compile(r"\b(calls?|call notes?|follow[- ]?ups?|meetings?)\b", re.I)
#: systems and cuts Spectrum holds no data for: never answered with a nearby figure
OUTSIDE = re.compile(r"\b(slack|zendesk|jira|intercom|google analytics|linkedin|twitter|website traffic|web traffic|"
                     r"nps|net promoter|support tickets?|tickets|csat|churn reasons?|by region|per region|in europe|"
                     r"emea|apac|latam|by country|per country|by segment|per segment|by channel|by campaign|"
                     r"ad spend|adwords|google ads|marketing spend|cac|ltv|lifetime value|open rates?|click rates?|"
                     r"employee satisfaction|glassdoor|stock price|share price|competitors'? revenue)\b", re.I)
CANT_TELL = "I can't tell from your data"


def topic_of(question: str, has_deal: bool = False) -> str | None:
    """The built-in topic of ``question`` (the order :func:`offline_answer` tries them), or None."""
    q = question
    if _HIRE.search(q) or re.search(r"\bwhat[- ]if\b", q, re.I):
        return "hire"
    if _STALL.search(q) and not _STALE.search(q) and has_deal:
        return "stall"
    if _STALE.search(q) or _STALL.search(q):
        return "stale"
    if _LEADS.search(q):
        return "leads"
    if _FIN.search(q):
        return "finance"
    if _BRIEF.search(q):
        return "brief"
    if _CALLS.search(q):
        return "calls"
    if _TASKS.search(q):
        return "tasks"
    if _PIPE.search(q):
        return "pipeline"
    return None


def _owner(topic: str, names: dict[str, str]) -> str | None:
    """The teammate (agent name) whose kind owns ``topic`` (``names``: {agent name: kind})."""
    return next((n for n, kind in names.items() if topic in ROLES.get(kind, ((),))[0]), None)


async def answer(ctx: T.ToolContext, question: str, history: list[dict] | None = None) -> ChatAnswer:
    """Answer ``question`` as ``ctx.agent``, from its own data only: a question on another
    teammate's topic, or about data Spectrum does not hold (:data:`OUTSIDE`), gets "I can't tell from
    your data" (and who can tell, when a teammate can); its own topics are answered offline, then -
    with a model - the LLM with its own read tools; anything else without a model: "I can't tell"."""
    kind = ctx.agent.kind
    topics, data, examples = ROLES.get(kind, ROLES["custom"])
    outside = OUTSIDE.search(question)
    if outside:
        return ChatAnswer(f"{CANT_TELL}: Spectrum holds no {outside.group(0)} data. I answer from {data}.",
                          [{"type": "figure", "name": "data_used", "value": None, "source": data}])
    topic = topic_of(question, has_deal=kind in ("ghostbuster", "custom") and _deal_in(ctx, question) is not None)
    if topic is not None and kind != "custom" and topic not in topics:
        names = {n: lo.kind for n, lo in (ctx.loadouts or {}).items()}
        who = _owner(topic, names)
        return ChatAnswer(f"{CANT_TELL}: that is outside what I, the {ctx.agent.role} teammate, work with "
                          f"({data})." + (f" Ask {who}: it answers that from its own data." if who else ""))
    if topic is None or kind == "custom" or topic in topics:
        found = await offline_answer(ctx, question) if (topic is not None) else None
        if found is not None:
            return found
    if ctx.model and ctx.llm is not None:
        return await llm_answer(ctx, question, history or [])
    return ChatAnswer(f"{CANT_TELL}. I answer from {data}" + (f", e.g. {examples}" if examples else "")
                      + ". Configure a model (SPECTRUM_LLM_MODEL) for free-form questions about it.")
