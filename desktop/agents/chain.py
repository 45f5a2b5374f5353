"""The chain runner: an agent's typed steps (tool calls) run as an asyncio task, persisted after
every step so a crash or restart resumes from the last completed step.

Durability rules:

* Before a step runs, its ``chain_steps`` row is written as ``started`` with the idempotency key
  ``"<agent>:<run id>:<position>"``; afterwards ``done`` with its output (one commit each).
* A resumed run skips steps that are ``done``/``skipped`` (their outputs are reloaded, so dynamic
  steps a step added via ``"_next"`` are rebuilt identically) and re-runs steps left ``started``
  or ``failed`` - safe for read and think steps, which change nothing.
* The only step that changes data, ``propose_plan``, commits its effect and its ``done`` mark in one
  transaction when it queues an approval; when it applies a plan itself (``autonomy: auto``) the plan's
  transcript carries ``[<idempotency key>]`` and a resumed run first looks for that marker in the
  audit log, so the plan is never applied twice.
* Transient LLM errors are retried with exponential backoff (tenacity; the sleep is injectable).
* The kill switch cancels the run task; the run is left ``killed`` (resumable after re-enabling).
  Over budget -> ``over_budget``; any other error -> ``failed`` (the step row holds the error).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from tenacity import AsyncRetrying, retry_if_exception_type, stop_after_attempt, wait_exponential

from desktop.agents import tools as T
from desktop.agents.compliance import check_plan
from desktop.agents.gate import Gate, Killed, OverBudget
from desktop.agents.llm import TransientLLMError
from desktop.domain.plan import ACTION_FIELDS, Plan
from desktop.store import agents as store
from desktop.store.db import Workspace

log = logging.getLogger(__name__)


class ToolNotAllowed(Exception):
    """A chain step names a tool its loadout does not list."""


def _get_run(session: Any, run_id: int) -> store.RunRecord:
    """Run ``run_id``; raises LookupError when the workspace has no such run."""
    rec = store.get_run(session, run_id)
    if rec is None:
        raise LookupError(f"no chain run #{run_id} in this workspace")
    return rec


def _run_of(ctx: T.ToolContext) -> int:
    """The run a chain step belongs to (a step's context always carries one)."""
    if ctx.run_id is None:
        raise RuntimeError("a chain step runs inside a chain run: its context has no run_id")
    return ctx.run_id


@dataclass(frozen=True)
class StepSpec:
    """One step: a registered tool name and its arguments (JSON-ready)."""

    tool: str
    args: dict[str, Any] = field(default_factory=dict)


@dataclass
class RunResult:
    """How a run ended: status (done | failed | killed | over_budget | paused), the step outputs in
    order, the error (one line), USD spent, approvals queued and audit entries of auto-applied plans."""

    run_id: int
    agent: str
    status: str
    outputs: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None
    cost_usd: float = 0.0
    approvals: list[int] = field(default_factory=list)
    applied: list[int] = field(default_factory=list)
    #: results of the runs this run handed its output to (a chain across agents), in order
    handoffs: list[RunResult] = field(default_factory=list)


class ChainRunner:
    """Runs and resumes chains for agents.

    Args:
        llm: a :class:`~desktop.agents.llm.MeteredLLM` (None: no LLM; tools use templates).
        clock: naive UTC now. sleep: backoff sleep (tests pass a no-op). retries: attempts per step.
        on_step: callback(run_id, position, tool, output) after each completed step.
    """

    def __init__(self, workspace: Workspace, gate: Gate, clock: Callable[[], datetime], *, llm: Any = None,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep, retries: int = 3,
                 backoff_s: float = 0.5, on_step: Callable[..., None] | None = None, planner: Any = None) -> None:
        self.workspace, self.gate, self.clock, self.llm = workspace, gate, clock, llm
        self.planner = planner  # injected (or built once on first use by a tool): never per step
        self.loadouts: dict[str, Any] = {}  # every agent's Loadout (the service keeps it current)
        self.sleep, self.retries, self.backoff_s, self.on_step = sleep, retries, backoff_s, on_step

    # -- public ------------------------------------------------------------------------------------
    def create(self, loadout: Any, steps: list[StepSpec], *, now: datetime, input: dict | None = None,
               status: str = "running", extra: dict[str, Any] | None = None) -> int:
        """Persist a new run (``status`` running, or paused when a kill switch is on). ``extra`` is
        kept in the run's state (``slot``: the schedule time a scheduled run is for; ``parent_run``:
        the run that handed its output over). Returns its id."""
        state = {"steps": [asdict(s) for s in steps], "input": input or {}, "now": now.isoformat(), **(extra or {})}
        with self.workspace.uow() as uow:
            run_id = store.create_run(uow.session, loadout.name, self.clock(), state)
            if status != "running":
                store.update_run(uow.session, run_id, status=status)
            uow.commit()
        return run_id

    async def run(self, run_id: int, loadout: Any, model: str | None) -> RunResult:
        """Execute (or resume) run ``run_id`` to the end, a kill, a budget stop or an error."""
        with self.workspace.uow() as uow:
            rec = _get_run(uow.session, run_id)
            done_steps = {st.position: st for st in store.steps(uow.session, run_id)}
            store.update_run(uow.session, run_id, status="running")
            uow.commit()
        state = rec.state
        ctx = T.ToolContext(self.workspace, datetime.fromisoformat(state["now"]), loadout, model, self.llm,
                            run_id, input=state.get("input") or {}, planner=self.planner, loadouts=self.loadouts)
        steps = [StepSpec(**s) for s in state["steps"]]
        result = RunResult(run_id, loadout.name, "running")
        status, error = "done", None
        try:
            with self.gate.tracked(loadout.name):
                pos = 0
                while pos < len(steps):
                    out = await self._step(ctx, pos, steps[pos], done_steps.get(pos), result)
                    ctx.outputs[pos] = out
                    result.outputs.append(out)
                    for j, nxt in enumerate(out.get("_next") or []):
                        steps.insert(pos + 1 + j, StepSpec(nxt["tool"], nxt.get("args") or {}))
                    pos += 1
        except asyncio.CancelledError:
            if not self.gate.blocked_reason(loadout.name):
                self._finish(run_id, "running", "interrupted", result, final=False)
                raise
            status, error = "killed", self.gate.blocked_reason(loadout.name)
        except Killed as exc:
            status, error = "killed", str(exc)
        except OverBudget as exc:
            status, error = "over_budget", str(exc)
        except Exception as exc:  # recorded on the run and the step, shown in the run log
            log.exception("agent %s run %s failed", loadout.name, run_id)
            status, error = "failed", f"{type(exc).__name__}: {exc}"
        self._finish(run_id, status, error, result, final=status != "killed")
        return result

    # -- internals ---------------------------------------------------------------------------------
    def _finish(self, run_id: int, status: str, error: str | None, result: RunResult, *, final: bool) -> None:
        result.status, result.error = status, error
        with self.workspace.uow() as uow:
            store.update_run(uow.session, run_id, status=status, error=error,
                             finished_at=self.clock() if final else None)
            rec = _get_run(uow.session, run_id)
            uow.commit()
        result.cost_usd = rec.cost_usd

    async def _step(self, ctx: T.ToolContext, pos: int, spec: StepSpec, prev: Any, result: RunResult) -> dict:
        agent = ctx.agent.name
        run_id = _run_of(ctx)
        key = f"{agent}:{run_id}:{pos}"
        if prev is not None and prev.status in ("done", "skipped"):
            self._collect(prev.output, result)
            return prev.output
        tool = T.get(spec.tool)
        if spec.tool not in ctx.agent.tools:
            raise ToolNotAllowed(f"{agent} may not use the tool {spec.tool!r}: add it to `tools` in "
                                 f"{ctx.agent.source or agent + '.yaml'}")
        if prev is not None and prev.status == "started" and tool.kind == "act":
            with self.workspace.uow() as uow:
                audit_id = store.find_audit_marker(uow.session, f"agent:{agent}", f"[{key}]", prev.started_at)
                if audit_id is not None:
                    reconciled = {"applied": True, "audit_id": audit_id, "reconciled": True}
                    store.finish_step(uow.session, key, status="done", output=reconciled, now=self.clock())
                    uow.commit()
                    self._collect(reconciled, result)
                    return reconciled
        self.gate.check(agent)
        started = self.clock()
        with self.workspace.uow() as uow:
            store.begin_step(uow.session, run_id, pos, spec.tool, spec.args, key, started)
            uow.commit()
        ctx.propose = (lambda plan: self._propose(ctx, plan, key)) if tool.kind == "act" else None
        ctx.cost_usd = 0.0
        try:
            out: dict[str, Any] = {}
            async for attempt in AsyncRetrying(
                    stop=stop_after_attempt(self.retries), reraise=True, sleep=self.sleep,
                    wait=wait_exponential(multiplier=self.backoff_s, max=30),
                    retry=retry_if_exception_type(TransientLLMError)):
                with attempt:
                    self.gate.check(agent)
                    out = await tool.fn(ctx, **spec.args)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            with self.workspace.uow() as uow:
                store.finish_step(uow.session, key, status="failed", output={}, now=self.clock(),
                                  cost_usd=ctx.cost_usd, error=f"{type(exc).__name__}: {exc}")
                store.update_run(uow.session, run_id, add_cost=ctx.cost_usd)
                uow.commit()
            raise
        with self.workspace.uow() as uow:
            if not out.pop("_committed", False):
                store.finish_step(uow.session, key, status="done", output=out, now=self.clock(),
                                  cost_usd=ctx.cost_usd)
            store.update_run(uow.session, run_id, add_cost=ctx.cost_usd,
                             state={**_get_run(uow.session, run_id).state, "position": pos + 1})
            uow.commit()
        self._collect(out, result)
        if self.on_step is not None:
            self.on_step(ctx.run_id, pos, spec.tool, out)
        return out

    @staticmethod
    def _collect(out: dict, result: RunResult) -> None:
        if out.get("approval_id"):
            result.approvals.append(int(out["approval_id"]))
        if out.get("applied") and out.get("audit_id"):
            result.applied.append(int(out["audit_id"]))

    async def _propose(self, ctx: T.ToolContext, plan: Plan, key: str) -> dict:
        """Compliance, allowed kinds, then approvals (suggest) or the executor (auto)."""
        from desktop.store.executor import PlanRejected, apply_plan

        lo = ctx.agent
        allowed = set(lo.tools) & set(ACTION_FIELDS)
        kept = [a for a in plan.actions if a.read_only or a.kind in allowed]
        notes = [plan.message] if plan.message else []
        if len(kept) < len(plan.actions):
            dropped = sorted({a.kind for a in plan.actions if a not in kept})
            notes.append(f"Dropped {', '.join(dropped)}: not in {lo.name}'s tools.")
        plan = Plan(transcript=plan.transcript, actions=kept, clarifications=plan.clarifications,
                    message=" ".join(notes) or None)
        with self.workspace.uow() as uow:
            plan = check_plan(plan, uow.session)
        now = self.clock()
        plan = drop_repeats(self.workspace, lo, plan, now)
        if not plan.mutating:
            with self.workspace.uow() as uow:
                store.finish_step(uow.session, key, status="skipped", now=now,
                                  output={"skipped": True, "message": plan.message or "nothing to change"})
                uow.commit()
            return {"_committed": True, "skipped": True, "message": plan.message}
        plan = plan.model_copy(update={"transcript": f"{plan.transcript} [{key}]".strip()})
        out: dict[str, Any] = {"plan": plan.public_json()}
        if lo.autonomy == "auto" and not plan.destructive and not plan.clarifications:
            self.gate.check(lo.name)
            try:
                applied = apply_plan(self.workspace, plan, actor=f"agent:{lo.name}", source="agent", now=now)
            except PlanRejected as exc:
                out["auto_rejected"] = str(exc)
            else:
                out.update(applied=True, audit_id=applied.audit_id)
                with self.workspace.uow() as uow:
                    store.finish_step(uow.session, key, status="done", output=out, now=self.clock())
                    uow.commit()
                return {**out, "_committed": True}
        with self.workspace.uow() as uow:
            approval_id = store.add_approval_with_step(uow.session, now=now, source=f"agent:{lo.name}",
                                                       plan_json=plan.model_dump_json(), key=key, output=out)
            uow.commit()
        return {**out, "approval_id": approval_id, "_committed": True}


# -- no repeats ----------------------------------------------------------------------------------------
def proposal_keys(plan: Plan) -> set[str]:
    """What a plan proposes, as ``"kind:type:id"`` per changing action (``log_activity`` and the
    updates add a hash of their fields, so two different call notes about one deal are two
    proposals, while a second draft or task for the same deal is a repeat)."""
    import hashlib
    import json

    keys = set()
    for a in plan.actions:
        if a.read_only or a.target is None:
            continue
        key = f"{a.kind}:{a.target.type}:{a.target.id or a.target.name}"
        if a.kind in ("log_activity", "update_deal", "update_contact"):  # the same change, not the same record
            key += ":" + hashlib.sha1(json.dumps(a.fields, sort_keys=True, default=str).encode()).hexdigest()[:12]
        keys.add(key)
    return keys


def recent_proposals(workspace: Workspace, loadout: Any, now: datetime) -> dict[str, tuple[int, str]]:
    """{proposal key: (approval id, status)} of what ``loadout``'s agent must not propose again:
    every pending approval of it, the ones applied within ``params.repeat_days`` (default 7) and the
    ones rejected within ``params.rejected_wait_days`` (default 30: a rejection teaches it to wait)."""
    from datetime import timedelta

    p = loadout.params or {}
    repeat = timedelta(days=float(p.get("repeat_days", 7)))
    rejected = timedelta(days=float(p.get("rejected_wait_days", 30)))
    with workspace.uow() as uow:
        rows = store.proposals_of(uow.session, f"agent:{loadout.name}", now - max(repeat, rejected))
    out: dict[str, tuple[int, str]] = {}
    for r in rows:
        when = r["decided_at"] or r["created_at"]
        if r["status"] == "rejected" and when < now - rejected:
            continue
        if r["status"] not in ("pending", "rejected") and when < now - repeat:
            continue
        try:
            keys = proposal_keys(Plan.model_validate_json(r["plan_json"]))
        except ValueError:
            continue
        for k in keys:
            out.setdefault(k, (r["id"], r["status"]))
    return out


def drop_repeats(workspace: Workspace, loadout: Any, plan: Plan, now: datetime) -> Plan:
    """``plan`` without the actions its agent already proposed (see :func:`recent_proposals`); the
    plan's message says which approval each dropped action repeats."""
    seen = recent_proposals(workspace, loadout, now)
    if not seen:
        return plan
    kept, notes = [], []
    for a in plan.actions:
        hit = next((seen[k] for k in proposal_keys(Plan(transcript="", actions=[a])) if k in seen), None)
        if hit is None:
            kept.append(a)
        else:
            what = (a.target.name or a.target.id) if a.target is not None else "the plan"
            notes.append(f"{a.kind} on {what} already proposed (approval #{hit[0]}, {hit[1]})")
    if not notes:
        return plan
    msg = " ".join(x for x in (plan.message, "Not proposed again: " + "; ".join(notes) + ".") if x)
    return plan.model_copy(update={"actions": kept, "message": msg})
