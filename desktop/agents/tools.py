"""The tool registry: the only way agents read the workspace or propose changes.

Three kinds of tool, each ``async fn(ctx, **args) -> dict`` (JSON-ready output):

* ``read`` - read-side queries and metrics (also offered to the LLM in teammate chat through
  litellm tool calling; never raw SQL): ``revenue_report``, ``stale_deals``, ``open_tasks``,
  ``show_record``, ``score_leads``, ``what_if``.
* ``think`` - deterministic work plus optional LLM language, no data change (registered by
  :mod:`desktop.agents.roles`): ``stalled_deals``, ``diagnose_stall``, ``extract_bant``, ``plan_from_note``,
  ``recent_calls``, ``morning_brief``, ``finance_summary``, ``qualify_leads``.
* ``act`` - ``propose_plan``: the Plan goes through :func:`desktop.agents.compliance.check_plan`,
  then to approvals (``autonomy: suggest``) or the executor (``autonomy: auto``, never destructive).

A loadout's ``tools`` list names the tools it may use plus the Plan action kinds it may propose
(``create_task``, ``draft_email`` ...); actions of other kinds are dropped from its plans.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from desktop.domain.plan import ACTION_FIELDS, Plan

READ_TOOLS = ("revenue_report", "stale_deals", "open_tasks", "show_record", "score_leads", "what_if")
THINK_TOOLS = ("stalled_deals", "diagnose_stall", "extract_bant", "plan_from_note", "hand_off", "qualify_deal", "recent_calls", "morning_brief",
               "finance_summary", "qualify_leads", "sequence_candidates", "plan_enrolment")
ACT_TOOLS = ("propose_plan",)
#: Every name a loadout's ``tools`` may list: tools plus the Plan action kinds.
TOOL_NAMES = frozenset(READ_TOOLS + THINK_TOOLS + ACT_TOOLS) | frozenset(ACTION_FIELDS)
DEFAULT_LOADED_COST = 1.25


@dataclass
class ToolContext:
    """What a tool may use. ``say`` is the LLM-or-template language helper; ``propose`` is bound by
    the chain runner to the current step (idempotency key) and is None outside chains.

    Attributes:
        now: the run's reference time (naive UTC). agent: the Loadout. model: litellm model or None.
    """

    workspace: Any
    now: datetime
    agent: Any
    model: str | None = None
    llm: Any = None
    run_id: int | None = None
    propose: Callable[[Plan], Awaitable[dict]] | None = None
    outputs: dict[int, dict] = field(default_factory=dict)
    input: dict[str, Any] = field(default_factory=dict)
    cost_usd: float = 0.0
    planner: Any = None
    #: every agent's Loadout by name (a chain hands its result to another agent)
    loadouts: dict[str, Any] = field(default_factory=dict)

    async def say(self, prompt_key: str, fallback: str, facts: dict[str, Any]) -> str:
        """Language for ``facts``: the LLM with the loadout's prompt ``prompt_key`` when a model is
        configured, else ``fallback`` (a deterministic template). Raises Killed / OverBudget."""
        if not self.model or self.llm is None:
            return fallback
        import json

        system = self.agent.prompts.get("system", f"You are {self.agent.role}. {self.agent.purpose}")
        task = self.agent.prompts.get(prompt_key, "Rewrite the draft clearly and briefly, keeping every fact.")
        messages = [{"role": "system", "content": system},
                    {"role": "user", "content": f"{task}\n\nFacts (JSON): {json.dumps(facts, default=str)}\n\n"
                                                f"Draft:\n{fallback}"}]
        reply = await self.llm.complete(agent=self.agent.name, model=self.model, messages=messages,
                                        budget_usd=self.agent.daily_budget_usd, run_id=self.run_id)
        self.cost_usd += reply.cost_usd or 0.0
        return (reply.content or "").strip() or fallback

    def session(self):
        """A read-only unit of work (never committed)."""
        return self.workspace.uow()


@dataclass(frozen=True)
class Tool:
    """A registered tool: name, kind (read | think | act), description and JSON-schema parameters
    (for LLM tool calling), and the coroutine function."""

    name: str
    kind: str
    description: str
    parameters: dict[str, Any]
    fn: Callable[..., Awaitable[dict]]

    def schema(self) -> dict[str, Any]:
        """The OpenAI / litellm ``tools`` entry."""
        return {"type": "function", "function": {"name": self.name, "description": self.description,
                                                 "parameters": self.parameters}}


REGISTRY: dict[str, Tool] = {}


def tool(name: str, kind: str, description: str, parameters: dict[str, Any] | None = None):
    """Decorator registering ``fn`` under ``name``."""
    def deco(fn):
        REGISTRY[name] = Tool(name, kind, description,
                              parameters or {"type": "object", "properties": {}}, fn)
        return fn
    return deco


def get(name: str) -> Tool:
    """The tool called ``name`` (think tools are registered on first use). Raises KeyError."""
    if name not in REGISTRY:
        import desktop.agents.roles  # noqa: F401 - registers the think and act tools
    return REGISTRY[name]


def money(v: float | None) -> str:
    """``$12,345`` (no cents) or ``n/a``."""
    return "n/a" if v is None else f"${v:,.0f}"


def ref(kind: str, id_: Any, name: str, **extra: Any) -> dict[str, Any]:
    """A context entry naming a record the answer used."""
    return {"type": kind, "id": id_, "name": name, **extra}


def figure(name: str, value: Any, source: str) -> dict[str, Any]:
    """A context entry naming a figure the answer used and where it comes from."""
    return {"type": "figure", "name": name, "value": value, "source": source}


# -- read tools ------------------------------------------------------------------------------------
@tool("revenue_report", "read", "Revenue figures now: MRR, ARR, burn (3-month average), cash, runway "
      "months, pipeline value, weighted pipeline, win rate, count of stale deals.")
async def revenue_report(ctx: ToolContext) -> dict:
    from desktop.store import metrics

    with ctx.session() as uow:
        r = metrics.report(uow.session, ctx.now)
    keys = ("mrr", "arr", "burn", "cash_balance", "runway_months", "pipeline_value", "weighted_pipeline",
            "win_rate", "stale_deals_count", "burn_months")
    return {k: r[k] for k in keys}


@tool("stale_deals", "read", "Open deals with no activity for N+ days (default 7), oldest first.",
      {"type": "object", "properties": {"days": {"type": "integer", "minimum": 1},
                                        "limit": {"type": "integer", "minimum": 1, "maximum": 50}}})
async def stale_deals(ctx: ToolContext, days: int = 7, limit: int = 10) -> dict:
    from desktop.store import metrics

    with ctx.session() as uow:
        total, rows = metrics.stale_deals(uow.session, ctx.now + timedelta(days=7 - int(days)), int(limit))
    for r in rows:
        if r["last_activity"]:
            r["days_inactive"] = (ctx.now - datetime.fromisoformat(r["last_activity"])).days
    return {"total": total, "deals": rows}


@tool("open_tasks", "read", "Open tasks due by a date (default today), soonest first.",
      {"type": "object", "properties": {"due_by": {"type": "string", "description": "YYYY-MM-DD"}}})
async def open_tasks(ctx: ToolContext, due_by: str | None = None) -> dict:
    from datetime import date

    from desktop.store import queries

    day = date.fromisoformat(due_by) if due_by else ctx.now.date()
    with ctx.session() as uow:
        rows = queries.open_tasks(uow.session, due_by=day)
    return {"due_by": day.isoformat(), "tasks": rows}


@tool("show_record", "read", "One deal, contact or company by name or id, with contacts, activities and tasks.",
      {"type": "object", "properties": {"kind": {"type": "string", "enum": ["deal", "contact", "company"]},
                                        "name": {"type": "string"}}, "required": ["kind", "name"]})
async def show_record(ctx: ToolContext, kind: str, name: str) -> dict:
    from desktop.store import queries
    from desktop.store.errors import AmbiguousRecord, RecordNotFound

    with ctx.session() as uow:
        try:
            rec = queries.show(uow.session, kind, str(name))
        except RecordNotFound as exc:
            return {"error": str(exc)}
        except AmbiguousRecord as exc:
            return {"error": str(exc), "candidates": [list(c) for c in getattr(exc, "candidates", [])]}
    if "activities" in rec:
        rec["activities"] = rec["activities"][:10]
    return {"kind": kind, "record": rec}


@tool("score_leads", "read", "Contacts ranked by ICP fit score 0-100 with band HOT/WARM/COLD and reasons.",
      {"type": "object", "properties": {"limit": {"type": "integer", "minimum": 1, "maximum": 100},
                                        "band": {"type": "string", "enum": ["HOT", "WARM", "COLD"]}}})
async def score_leads(ctx: ToolContext, limit: int = 10, band: str | None = None) -> dict:
    from desktop.agents.scoring import Scorer, rank
    from desktop.store import agents as store

    icp = (ctx.agent.params or {}).get("icp") if ctx.agent is not None else None
    with ctx.session() as uow:
        rows = store.lead_features(uow.session, ctx.now)
    r = rank(Scorer(icp), rows, top=int(limit), per_band=int(limit))
    picked = r.top if band is None else r.by_band[band]
    return {"scored": r.scored, "bands": r.bands, "top": [sc.as_dict() for sc in picked]}


@tool("what_if", "read", "What-if on burn and runway: add a monthly cost, or hires at an annual salary "
      "(loaded cost x1.25 by default).",
      {"type": "object", "properties": {"annual_salary": {"type": "number"}, "hires": {"type": "integer"},
                                        "monthly_cost": {"type": "number"},
                                        "loaded_factor": {"type": "number"}}})
async def what_if(ctx: ToolContext, annual_salary: float | None = None, hires: int = 1,
                  monthly_cost: float | None = None, loaded_factor: float | None = None) -> dict:
    from desktop.store import metrics

    factor = float(loaded_factor or (ctx.agent.params or {}).get("loaded_cost_factor", DEFAULT_LOADED_COST)
                   if ctx.agent is not None else loaded_factor or DEFAULT_LOADED_COST)
    with ctx.session() as uow:
        b = metrics.burn(uow.session, ctx.now)["burn"]
        cash_c = metrics.cash_balance_cents(uow.session)
    extra = float(monthly_cost or 0.0)
    if annual_salary:
        extra += float(annual_salary) * factor * int(hires or 1) / 12
    cash = None if cash_c is None else cash_c / 100
    new_burn = round(b + extra, 2)
    runway_now = round(cash / b, 1) if cash is not None and b > 0 else None
    runway_new = round(cash / new_burn, 1) if cash is not None and new_burn > 0 else None
    return {"burn": b, "extra_monthly": round(extra, 2), "new_burn": new_burn, "cash_balance": cash,
            "runway_months": runway_now, "new_runway_months": runway_new, "loaded_factor": factor,
            "annual_salary": annual_salary, "hires": hires}


def workspace_planner(workspace: Any) -> Any:
    """An offline :class:`~desktop.planner.OfflinePlanner` over a fresh index of ``workspace``
    (about 1 s at 170k rows): built once per agent service or run and injected, never per step."""
    from desktop.planner import EntityIndex, OfflinePlanner
    from desktop.store import queries

    with workspace.uow() as uow:
        rows = (queries.contacts(uow.session), queries.companies(uow.session), queries.deals(uow.session),
                queries.stages(uow.session), queries.activity_counts(uow.session),
                queries.contact_activity(uow.session), queries.deal_activity(uow.session))
    return OfflinePlanner(EntityIndex.build(*rows[:4], activity_counts=rows[4], contact_activity=rows[5],
                                            deal_activity=rows[6]))


def planner_for(ctx: ToolContext) -> Any:
    """The planner injected into ``ctx``; built from the workspace once (and kept on ``ctx``) when a
    caller injected none."""
    if ctx.planner is None:
        ctx.planner = workspace_planner(ctx.workspace)
    return ctx.planner
