"""What Spectrum's MCP tools and resources do, as plain Python over one workspace (no MCP SDK
here, so it is tested directly as well as through the server).

Every method is blocking and thread-safe: each opens its own unit of work. The MCP layer
(:mod:`desktop.mcp.server`) runs them on worker threads, calls :meth:`McpService.gate` before and
:meth:`McpService.audit` after each tool call or resource read.

Nothing here applies a plan: :meth:`McpService.submit_plan` only queues it in the approvals queue
(source ``mcp:<client name>``), where the user approves or rejects it in the app or with
``spectrum approvals``.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from datetime import datetime
from typing import Any

from pydantic import ValidationError

from desktop.config import Settings
from desktop.domain.describe import describe_plan
from desktop.domain.plan import Plan
from desktop.services import planning
from desktop.store import approvals, mcp_access, metrics, queries, series
from desktop.store.db import Workspace
from desktop.store.errors import AmbiguousRecord, RecordNotFound

#: Longest instruction ``plan`` takes (characters): a spoken or typed instruction is far shorter.
MAX_INSTRUCTION_CHARS = 4000
#: Most actions a submitted Plan may carry.
MAX_PLAN_ACTIONS = 100
#: Most rows a search returns.
MAX_SEARCH_LIMIT = 200
KINDS = ("contact", "company", "deal")


class ToolInputError(ValueError):
    """A tool's arguments are wrong (the message says what and how to fix it). Nothing changed."""


class AccessRefused(Exception):
    """The call is refused: MCP access is off (``reason = "off"``) or the client spent its daily
    budget (``reason = "budget"``). ``code`` is the JSON-RPC error code the server answers with."""

    CODES = {"off": -32001, "budget": -32002}

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.code = self.CODES[reason]


class McpService:
    """The workspace as MCP tools see it.

    Args:
        workspace: an open :class:`~desktop.store.db.Workspace`.
        settings: process settings (LLM planner, team, data folder for agent loadouts).
        now: clock returning naive *local* time for planning and reports (tests pin it).
        utcnow: clock returning naive UTC for the audit and the daily budget.
        planner_factory: builds the workspace planner (the composition root passes
            :func:`desktop.bootstrap.build_planner`; default :func:`desktop.services.planning.for_settings`).
    """

    def __init__(self, workspace: Workspace, settings: Settings, *, now: Callable[[], datetime] | None = None,
                 utcnow: Callable[[], datetime] | None = None,
                 planner_factory: Callable[[], Any] | None = None) -> None:
        self.ws = workspace
        self._planner_factory = planner_factory or (lambda: planning.for_settings(workspace, settings))
        self.settings = settings
        self._now = now or (lambda: datetime.now().replace(microsecond=0))
        self._utcnow = utcnow or datetime.utcnow
        self._planner: Any = None
        self._planner_gen = -1
        self._agents: Any = None
        self._lock = threading.Lock()

    # -- gate and audit ------------------------------------------------------------------------
    def gate(self, client: str, *, counted: bool = True) -> None:
        """Refuse the call when MCP access is off or (``counted`` calls) ``client`` used up today's budget.

        Raises: AccessRefused (its message tells the user how to switch access back on or raise the
        budget)."""
        with self.ws.uow() as uow:
            state = mcp_access.access_state(uow.session)
            if not state.enabled:
                raise AccessRefused("off", "Spectrum's MCP access is off (kill switch). The user can turn it "
                                           "on in Spectrum: Settings > MCP access, or `spectrum mcp --enable`.")
            used = mcp_access.calls_today(uow.session, client, self._utcnow()) if counted else 0
        if counted and used >= state.daily_budget:
            raise AccessRefused("budget", f"{client!r} has used its daily budget of {state.daily_budget} Spectrum "
                                          "MCP calls (resets at 00:00 UTC). The user can raise it in Settings > "
                                          "MCP access, or with `spectrum mcp --budget N`.")

    def audit(self, client: str, what: str, arguments: dict[str, Any] | None, *, ok: bool,
              error: str | None = None, refused: bool = False, listing: bool = False, ms: float | None = None,
              extra: dict[str, Any] | None = None) -> int:
        """Write the audit entry of one call (``what``: ``"tool <name>"``, ``"read <uri>"`` or the
        method, e.g. ``"tools/list"``, with ``listing=True``: not counted in the budget).
        Arguments are kept up to 2,000 characters of their JSON. Returns the entry id."""
        args = json.dumps(arguments or {}, ensure_ascii=False, default=str)
        payload = {"client": client, "call": what, "arguments": args[:2000], "ok": ok,
                   "truncated": len(args) > 2000}
        if error:
            payload["error"] = error[:1000]
        if ms is not None:
            payload["ms"] = round(ms, 1)
        payload.update(extra or {})
        outcome = "refused" if refused else ("ok" if ok else "error")
        if payload.get("approval_id"):
            outcome += f", queued as approval #{payload['approval_id']}"
        return mcp_access.record_call(self.ws, client, summary=f"{client}: {what} ({outcome})", payload=payload,
                                      refused=refused, listing=listing, now=self._utcnow())

    def access(self) -> mcp_access.AccessState:
        """The kill switch and daily budget in force."""
        with self.ws.uow() as uow:
            return mcp_access.access_state(uow.session)

    # -- read tools ----------------------------------------------------------------------------
    def search_records(self, kind: str, name: str | None = None, stage: str | None = None,
                       owner: str | None = None, stale_days: int | None = None, limit: int = 25) -> dict[str, Any]:
        """Search contacts, companies or deals (see :mod:`desktop.store.mcp_access` for each filter).

        Returns: {"kind", "count", "records": [row dicts], "truncated": bool}.
        Raises: ToolInputError for an unknown kind, a filter the kind does not take, a bad limit.
        """
        if kind not in KINDS:
            raise ToolInputError(f"kind must be one of {', '.join(KINDS)} (got {kind!r})")
        if not 1 <= limit <= MAX_SEARCH_LIMIT:
            raise ToolInputError(f"limit must be 1 to {MAX_SEARCH_LIMIT} (got {limit})")
        if stale_days is not None and not 0 <= stale_days <= 3650:
            raise ToolInputError(f"stale_days must be 0 to 3650 (got {stale_days})")
        if kind == "company" and (stage or owner or stale_days is not None):
            raise ToolInputError("companies are searched by name only (stage, owner and stale_days apply to "
                                 "contacts and deals)")
        with self.ws.uow() as uow:
            if kind == "deal":
                rows = mcp_access.search_deals(uow.session, name=name, stage=stage, owner=owner,
                                               stale_days=stale_days, now=self._now(), limit=limit + 1)
            elif kind == "contact":
                rows = mcp_access.search_contacts(uow.session, name=name, stage=stage, owner=owner,
                                                  stale_days=stale_days, now=self._now(), limit=limit + 1)
            else:
                rows = mcp_access.search_companies(uow.session, name=name, limit=limit + 1)
        return {"kind": kind, "count": min(len(rows), limit), "records": rows[:limit], "truncated": len(rows) > limit}

    def get_record(self, kind: str, id_or_name: str) -> dict[str, Any]:
        """One contact, company or deal with its associations; deals and contacts with their
        activities and tasks (the same data as ``spectrum show KIND NAME --json``).

        Raises: ToolInputError when no record or several records match (the candidates' ids are named).
        """
        if kind not in KINDS:
            raise ToolInputError(f"kind must be one of {', '.join(KINDS)} (got {kind!r})")
        try:
            with self.ws.uow() as uow:
                data = queries.show(uow.session, kind, id_or_name.strip())
        except AmbiguousRecord as exc:
            raise ToolInputError(f"{exc.problem}; ask again with one id: "
                                 + ", ".join(f"{i} ({n})" for i, n in exc.candidates[:10])) from None
        except RecordNotFound as exc:
            raise ToolInputError(f"{exc.problem}; search_records finds ids by name") from None
        data["kind"] = kind
        return data

    def metrics(self) -> dict[str, Any]:
        """Pipeline and revenue figures: the same dict as ``spectrum report --json``
        (:func:`desktop.store.metrics.report`: MRR and ARR per Stripe's definition, pipeline and
        weighted pipeline, deals by stage, 90-day win rate, burn, runway, stale deals)."""
        with self.ws.uow() as uow:
            return metrics.report(uow.session, self._now())

    def agents_status(self) -> dict[str, Any]:
        """{"global_kill": bool, "agents": [{name, role, state, model, autonomy, last_run_at,
        last_status, success_rate, spend_today_usd, daily_budget_usd}], "costs_today": LLM and
        transcription costs of the UTC day (as ``spectrum agents costs --json``)}."""
        with self._lock:
            if self._agents is None:
                from desktop.agents.service import AgentService  # lazy: the agents runtime (~0.5 s), only for this tool

                self._agents = AgentService(self.ws, self.settings)
            svc = self._agents
        with self.ws.uow() as uow:
            killed_all = series.global_kill(uow.session)
        rows = [{"name": a.name, "role": a.role, "state": "killed" if killed_all else a.state, "model": a.model,
                 "autonomy": a.autonomy, "last_run_at": a.last_run_at.isoformat(timespec="minutes")
                 if a.last_run_at else None, "last_status": a.last_status, "success_rate": a.success_rate,
                 "spend_today_usd": round(a.spend_today_usd, 4), "daily_budget_usd": a.daily_budget_usd}
                for a in svc.list_agents()]
        return {"global_kill": killed_all, "agents": rows, "costs_today": svc.costs()}

    # -- resources -----------------------------------------------------------------------------
    def summary(self) -> dict[str, Any]:
        """The workspace summary resource: record counts, open pipeline value, stages, pending
        approvals, the MCP switches, and the rule that plans wait for the user's approval."""
        with self.ws.uow() as uow:
            counts = mcp_access.workspace_counts(uow.session)
            total, weighted = metrics.pipeline_values(uow.session)
            state = mcp_access.access_state(uow.session)
        return {"workspace": "Spectrum (local)", "counts": counts, "currency": "usd",
                "open_pipeline": total / 100, "weighted_pipeline": round(weighted / 100, 2),
                "stages": [st["label"] for st in self.stages()["stages"]],
                "mcp": {"access": "on" if state.enabled else "off", "daily_budget_per_client": state.daily_budget},
                "how_to_change_data": "Call plan with an instruction, then submit_plan: the plan waits in "
                                      "Spectrum's approvals queue until the user approves it. Nothing is "
                                      "applied or deleted directly."}

    def stages(self) -> dict[str, Any]:
        """The stage list resource: {"stages": [{label, pipeline_id, position, probability, is_won,
        is_lost}]} in pipeline order (the labels a Plan's ``stage`` field takes)."""
        with self.ws.uow() as uow:
            rows = queries.stages(uow.session)
        return {"stages": [{"label": r.label, "pipeline_id": r.pipeline_id, "position": r.position,
                            "probability": r.probability, "is_won": r.is_won, "is_lost": r.is_lost} for r in rows]}

    # -- propose tools -------------------------------------------------------------------------
    def planner(self) -> Any:
        """The workspace planner (from ``planner_factory``), rebuilt when records changed since it
        was built (:func:`desktop.store.mcp_access.data_generation`)."""
        with self.ws.uow() as uow:
            gen = mcp_access.data_generation(uow.session)
        with self._lock:
            if self._planner is None or gen != self._planner_gen:
                self._planner, self._planner_gen = self._planner_factory(), gen
            return self._planner

    def plan(self, instruction: str) -> dict[str, Any]:
        """Turn an instruction into a Plan; nothing is applied or queued.

        Returns: {"plan": the Plan JSON (``spectrum plan --json``), "summary": readable lines,
        "destructive": bool, "mutating": bool, "questions": [open clarifications]}.
        Raises: ToolInputError for an empty or over-long instruction.
        """
        text = (instruction or "").strip()
        if not text:
            raise ToolInputError("instruction is empty: say what should change, e.g. 'Move Acme to Negotiation'")
        if len(text) > MAX_INSTRUCTION_CHARS:
            raise ToolInputError(f"instruction is {len(text):,} characters; the limit is {MAX_INSTRUCTION_CHARS:,}")
        plan = self.planner().plan(text, now=self._now())
        return self._plan_view(plan)

    @staticmethod
    def _plan_view(plan: Plan) -> dict[str, Any]:
        return {"plan": plan.public_json(), "summary": describe_plan(plan), "destructive": plan.destructive,
                "mutating": plan.mutating, "questions": list(plan.clarifications)}

    def validate_plan(self, plan: Any) -> Plan:
        """``plan`` (a Plan as JSON object) checked for submission: the schema
        (:class:`desktop.domain.plan.Plan`), at least one change, no open question, at most
        :data:`MAX_PLAN_ACTIONS` actions, every target an existing record, and the compliance check
        (no outreach to do-not-contact contacts).

        Raises: ToolInputError naming every problem."""
        if not isinstance(plan, dict):
            raise ToolInputError("plan must be a Plan object as the plan tool returns it (its 'plan' field)")
        try:
            parsed = Plan.model_validate(plan)
        except ValidationError as exc:
            lines = [f"{'.'.join(str(p) for p in e['loc']) or 'plan'}: {e['msg']}" for e in exc.errors()[:10]]
            raise ToolInputError("not a valid Plan: " + "; ".join(lines)) from None
        if len(parsed.actions) > MAX_PLAN_ACTIONS:
            raise ToolInputError(f"the plan has {len(parsed.actions)} actions; the limit is {MAX_PLAN_ACTIONS}")
        if parsed.clarifications:
            raise ToolInputError("the plan has open questions (" + "; ".join(parsed.clarifications[:3])
                                 + "): plan again with a more precise instruction")
        if parsed.pending:
            raise ToolInputError("the plan has actions waiting for an answer (pending): plan again with a more "
                                 "precise instruction")
        if not parsed.mutating:
            raise ToolInputError("the plan changes nothing (only search/answer actions): nothing to approve")
        from desktop.agents.compliance import check_plan  # lazy: the agents package, only when a plan is submitted

        with self.ws.uow() as uow:
            problems = mcp_access.target_problems(uow.session, parsed)
            if problems:
                raise ToolInputError("the plan names records that do not exist: " + "; ".join(problems[:10]))
            checked = check_plan(parsed, uow.session)
        if not checked.mutating:
            raise ToolInputError(f"nothing left to approve: {checked.message}")
        return checked

    def submit_plan(self, client: str, plan: Any) -> dict[str, Any]:
        """Queue a Plan for the user's decision (source ``mcp:<client>``); nothing is applied.

        Returns: {"approval_id", "state": "pending", "destructive", "summary", "note"}.
        Raises: ToolInputError (see :meth:`validate_plan`); nothing is queued then.
        """
        checked = self.validate_plan(plan)
        approval_id = approvals.submit(self.ws, checked, source=mcp_access.client_actor(client),
                                       now=self._utcnow())
        self._signal_app(approval_id)
        note = ("Queued for the user's approval in Spectrum (Approvals panel or `spectrum approvals`). "
                "Nothing has changed yet; poll plan_status for the decision.")
        if checked.destructive:
            note += " This plan DELETES records: the user must confirm the deletion explicitly."
        if checked.message:
            note += f" {checked.message}"
        return {"approval_id": approval_id, "state": "pending", "destructive": checked.destructive,
                "summary": describe_plan(checked), "note": note}

    def _signal_app(self, approval_id: int) -> None:
        """Tell a running desktop app that the queue changed (it watches
        :meth:`Settings.approvals_signal_path`); a failure only delays the panel's refresh."""
        path = self.settings.approvals_signal_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:  # rewritten in place: file watchers see a change
                f.write(f"{approval_id}\n")
        except OSError as exc:
            logging.getLogger(__name__).warning("could not signal the app about approval #%s: %s", approval_id, exc)

    def plan_status(self, approval_id: int) -> dict[str, Any]:
        """The state of a queued plan: pending, applied (with its audit id) or rejected.

        Raises: ToolInputError when there is no approval with that id."""
        with self.ws.uow() as uow:
            row = mcp_access.approval_status(uow.session, approval_id)
        if row is None:
            raise ToolInputError(f"there is no approval #{approval_id}")
        return row
