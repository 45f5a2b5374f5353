"""AgentService: the non-Qt API the UI and the CLI use for AI teammates.

Build once per process (composition root) and use from the asyncio / qasync loop::

    svc = AgentService(workspace, settings, clock=None, llm=None,   # llm: an LLMPort; None = litellm
                       on_step=None)   # on_step(agent, run_id, position, tool, output): progress
    svc.list_agents() -> list[AgentStatus]      # name, role, state (idle | running | paused | killed |
                                                # over_budget), last run, success rate, spend today
    await svc.run("ghostbuster", input=None, now=None) -> RunResult
        # post-call from a voice note / call note:
        #   await svc.run("post-call", input={"text": transcript, "deal": "5004" or "Globex"})
        # RunResult: run_id, status (done | failed | killed | over_budget | paused), outputs,
        #            error, cost_usd, approvals (queued approval ids), applied (audit ids)
    await svc.resume(run_id) -> RunResult       # continue a killed / interrupted / paused run
    await svc.resume_interrupted() -> list[RunResult]   # after a crash: runs left "running"
    svc.kill("ghostbuster") / svc.kill_all() / svc.enable("ghostbuster") / svc.enable("*")
    svc.runs("ghostbuster") -> list[RunRecord]; svc.steps(run_id) -> list[StepRecord]  (run log)
    await svc.ask("cfo", "what's our burn rate?") -> ChatAnswer(text, context, plan)
    svc.history("cfo") -> list[dict]            # {"id", "at", "role": user|agent, "text", "context", "plan_json"}
    svc.due(now) -> list[str]; await svc.run_due(now)   # loadout schedules (call every minute)
    await svc.serve(stop_event)                 # or: resume crashed runs, then run schedules until stop
    svc.costs(day) -> dict                      # LLM calls, tokens, USD by agent, transcription seconds
    record_transcription(workspace, audio_s, decode_s, cpu_s)   # voice: meter local transcription
    usage_recorder(workspace) -> on_usage callback for the LLM planner (voice plans' spend)

Plans from agents go to approvals (``source="agent:<name>"``) or, with ``autonomy: auto``, to the
executor (``actor="agent:<name>"``), never destructive ones; see :mod:`desktop.agents.chain`.
Kill switches act at once in memory (cancel in-flight LLM calls and steps), then persist in
``agent_states`` with an audit entry (kind ``kill_switch``). Times are naive UTC.

Errors: :class:`UnknownAgent` (no such loadout); Killed / OverBudget surface as run statuses, not
exceptions (``ask`` returns a ChatAnswer saying so).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Callable

from desktop.agents import chat as C
from desktop.agents.chain import ChainRunner, RunResult
from desktop.agents.gate import GLOBAL, AgentBlocked, Gate
from desktop.agents.llm import LiteLLMPort, LLMFailed, MeteredLLM, TransientLLMError
from desktop.agents.loadout import Loadout, load_all
from desktop.agents.roles import chain_for
from desktop.agents.tools import ToolContext
from desktop.store import agents as store
from desktop.store.executor import apply_change
from desktop.store.db import Workspace


class UnknownAgent(KeyError):
    """No loadout with that name (message lists the known ones)."""

    def __str__(self) -> str:
        return str(self.args[0])


@dataclass(frozen=True)
class AgentStatus:
    """One row of the agents panel. ``success_rate`` 0.0-1.0 over finished runs (None: none yet);
    ``spend_today_usd`` since UTC midnight; ``model`` "offline" when no LLM is configured."""

    name: str
    role: str
    purpose: str
    kind: str
    model: str
    autonomy: str
    state: str
    last_run_at: datetime | None
    last_status: str | None
    success_rate: float | None
    spend_today_usd: float
    daily_budget_usd: float
    schedule: str | None


class AgentService:
    """See the module docstring. ``clock`` returns naive UTC (default ``datetime.utcnow``);
    ``llm`` is an :class:`~desktop.agents.llm.LLMPort` (default: litellm, created lazily)."""

    def __init__(self, workspace: Workspace, settings: Any, clock: Callable[[], datetime] | None = None,
                 llm: Any = None, *, sleep: Callable[[float], Any] = asyncio.sleep, builtin_dir: Any = None,
                 on_step: Callable[..., None] | None = None) -> None:
        self.workspace, self.settings = workspace, settings
        self.clock = clock or datetime.utcnow
        self._builtin = builtin_dir
        self.reload()
        with workspace.uow() as uow:
            killed = {n for n, (k, _p) in store.agent_states(uow.session).items() if k}
        self.gate = Gate(killed)
        self.port = llm if llm is not None else LiteLLMPort()
        self.llm = MeteredLLM(workspace, self.port, self.gate, self.clock,
                              timeout_s=float(getattr(settings, "llm_timeout_s", 30.0) or 30.0))
        self.runner = ChainRunner(workspace, self.gate, self.clock, llm=self.llm, sleep=sleep,
                                  on_step=self._step_done if on_step else None)
        self._on_step = on_step
        self._run_agents: dict[int, str] = {}
        self._tasks: dict[str, asyncio.Task] = {}
        self._locks: dict[tuple[str, int], asyncio.Lock] = {}
        #: how often a running agent re-reads ``agent_states`` (kills from other processes), seconds
        self.watch_interval_s = 0.1

    # -- loadouts ----------------------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read the loadout files; invalid ones are listed in :attr:`loadout_errors`."""
        self.loadouts, self.loadout_errors = load_all(getattr(self.settings, "data_dir", None),
                                                      builtin=self._builtin)

    def loadout(self, name: str) -> Loadout:
        """The loadout called ``name``. Raises UnknownAgent."""
        try:
            return self.loadouts[name]
        except KeyError:
            raise UnknownAgent(f"no agent called {name!r}; agents: {', '.join(self.loadouts)}") from None

    def model_for(self, name: str) -> str | None:
        """The litellm model ``name`` uses, or None (offline)."""
        return self.loadout(name).resolved_model(getattr(self.settings, "llm_model", None))

    # -- status ------------------------------------------------------------------------------------
    def _day(self, now: datetime | None = None) -> tuple[datetime, datetime]:
        start = (now or self.clock()).replace(hour=0, minute=0, second=0, microsecond=0)
        return start, start + timedelta(days=1)

    def list_agents(self) -> list[AgentStatus]:
        """Every agent's status row, in loadout order."""
        start, end = self._day()
        with self.workspace.uow() as uow:
            stats = store.run_stats(uow.session)
            spend = store.spend_by_agent(uow.session, start, end)
            states = store.agent_states(uow.session)
        rows = []
        for name, lo in self.loadouts.items():
            st = stats.get(name, {})
            spent = spend.get(name, 0.0)
            model = lo.resolved_model(getattr(self.settings, "llm_model", None))
            task = self._tasks.get(name)
            if self.gate.blocked_reason(name):
                state = "killed"
            elif task is not None and not task.done():
                state = "running"
            elif states.get(name, (False, False))[1] or st.get("last_status") == "paused":
                state = "paused"
            elif (model and lo.daily_budget_usd is not None and spent >= lo.daily_budget_usd and spent > 0) or (
                    st.get("last_status") == "over_budget" and st.get("last_run_at") and st["last_run_at"] >= start):
                state = "over_budget"
            else:
                state = "idle"
            rate = (st["ok"] / st["finished"]) if st.get("finished") else None
            rows.append(AgentStatus(name, lo.role, lo.purpose, lo.kind, model or "offline", lo.autonomy, state,
                                    st.get("last_run_at"), st.get("last_status"), rate, round(spent, 6),
                                    lo.daily_budget_usd, lo.schedule))
        return rows

    # -- runs --------------------------------------------------------------------------------------
    async def run(self, name: str, *, input: dict[str, Any] | None = None, now: datetime | None = None) -> RunResult:
        """Run ``name``'s chain once (queued behind a run of the same agent already in progress).
        A killed agent's run is stored ``paused`` and not started (resume it after :meth:`enable`)."""
        lo = self.loadout(name)
        steps = chain_for(lo, input)
        self.sync_switches()
        reason = self.gate.blocked_reason(name)
        if reason:
            run_id = self.runner.create(lo, steps, now=now or self.clock(), input=input, status="paused")
            return RunResult(run_id, name, "paused", error=reason)
        run_id = self.runner.create(lo, steps, now=now or self.clock(), input=input)
        return await self._execute(run_id, lo)

    async def resume(self, run_id: int) -> RunResult:
        """Continue a stored run from its last completed step. Raises UnknownAgent / LookupError."""
        with self.workspace.uow() as uow:
            rec = store.get_run(uow.session, run_id)
        if rec is None:
            raise LookupError(f"no run #{run_id}")
        lo = self.loadout(rec.agent)
        reason = self.gate.blocked_reason(lo.name)
        if reason:
            return RunResult(run_id, lo.name, rec.status, error=reason)
        return await self._execute(run_id, lo)

    async def resume_interrupted(self) -> list[RunResult]:
        """Resume runs a crash left ``running`` (call once at start-up); killed or paused runs wait
        for an explicit :meth:`resume`."""
        with self.workspace.uow() as uow:
            runs = [r for r in store.resumable_runs(uow.session) if r.status == "running"]
        return [await self.resume(r.id) for r in runs if r.agent in self.loadouts]

    async def _execute(self, run_id: int, lo: Loadout) -> RunResult:
        # one queue per agent and event loop (the UI's qasync loop, or asyncio.run on a worker thread)
        lock = self._locks.setdefault((lo.name, id(asyncio.get_running_loop())), asyncio.Lock())
        async with lock:
            reason = self.gate.blocked_reason(lo.name)
            if reason:  # killed while queued: park it
                with self.workspace.uow() as uow:
                    store.update_run(uow.session, run_id, status="paused", error=reason)
                    uow.commit()
                return RunResult(run_id, lo.name, "paused", error=reason)
            task = asyncio.ensure_future(self.runner.run(run_id, lo, lo.resolved_model(
                getattr(self.settings, "llm_model", None))))
            self._tasks[lo.name] = task
            watcher = asyncio.ensure_future(self._watch(lo.name))
            try:
                result = await task
            finally:
                watcher.cancel()
                if self._tasks.get(lo.name) is task:
                    del self._tasks[lo.name]
        for out in result.outputs:
            if out.get("chat"):
                with self.workspace.uow() as uow:
                    store.add_chat(uow.session, agent=lo.name, at=self.clock(), role="agent", text=out["chat"],
                                   context=out.get("context") or [])
                    uow.commit()
        return result

    def _step_done(self, run_id: int, position: int, tool: str, output: dict) -> None:
        if self._on_step is not None:
            agent = self._run_agents.get(run_id)
            if agent is None:
                with self.workspace.uow() as uow:
                    rec = store.get_run(uow.session, run_id)
                agent = self._run_agents[run_id] = rec.agent if rec else "?"
            self._on_step(agent, run_id, position, tool, output)

    def runs(self, name: str | None = None, limit: int = 50) -> list[store.RunRecord]:
        """The run log: newest runs first (of ``name``, or every agent)."""
        with self.workspace.uow() as uow:
            return store.list_runs(uow.session, name, limit)

    def steps(self, run_id: int) -> list[store.StepRecord]:
        """One run's steps: tool, input, output (plans proposed, approval ids), cost, error."""
        with self.workspace.uow() as uow:
            return store.steps(uow.session, run_id)

    # -- kill switches -----------------------------------------------------------------------------
    def _switch(self, name: str, killed: bool, actor: str) -> None:
        now = self.clock()
        who = "all agents" if name == GLOBAL else name

        def change(session, changes) -> dict:
            before = store.agent_states(session).get(name)
            store.set_agent_state(session, name, killed=killed, now=now)
            changes.record("agent_state", name, "update" if before else "create",
                           None if before is None else {"killed": bool(before[0])},
                           {"killed": killed})
            return {"agent": name, "killed": killed}

        apply_change(self.workspace, change, actor=actor, kind="kill_switch", now=now,
                     summary=f"{'killed' if killed else 'enabled'} {who}")

    def sync_switches(self) -> None:
        """Adopt switch changes made by another process (``spectrum agents kill`` while the app runs)."""
        with self.workspace.uow() as uow:
            states = store.agent_states(uow.session)
        for name, (killed, _paused) in states.items():
            if killed and not self.gate.is_killed(name):
                self.gate.kill(name)
            elif not killed and self.gate.is_killed(name):
                self.gate.enable(name)

    async def _watch(self, name: str) -> None:
        """While ``name`` runs, poll ``agent_states`` every :attr:`watch_interval_s` so a kill from
        another process also cancels it."""
        while True:
            await asyncio.sleep(self.watch_interval_s)
            with self.workspace.uow() as uow:
                states = store.agent_states(uow.session)
            for n in (name, GLOBAL):
                if states.get(n, (False, False))[0] and not self.gate.is_killed(n):
                    self.gate.kill(n)

    def kill(self, name: str, *, actor: str = "user") -> int:
        """Stop ``name`` now: block its outbound calls, cancel its in-flight LLM calls and steps,
        park its queued runs; persisted and audited. Returns tasks cancelled. Raises UnknownAgent."""
        if name != GLOBAL:
            self.loadout(name)
        cancelled = self.gate.kill(name)
        self._switch(name, True, actor)
        return cancelled

    def kill_all(self, *, actor: str = "user") -> int:
        """The global kill switch (every agent, including ones added later)."""
        return self.kill(GLOBAL, actor=actor)

    def enable(self, name: str, *, actor: str = "user") -> list[int]:
        """Clear ``name``'s switch (``"*"``: the global one). Returns ids of its paused/killed runs
        waiting for :meth:`resume`."""
        if name != GLOBAL:
            self.loadout(name)
        self.gate.enable(name)
        self._switch(name, False, actor)
        with self.workspace.uow() as uow:
            return [r.id for r in store.resumable_runs(uow.session, None if name == GLOBAL else name)
                    if r.status in ("paused", "killed")]

    # -- chat --------------------------------------------------------------------------------------
    async def ask(self, name: str, question: str, *, now: datetime | None = None) -> C.ChatAnswer:
        """Ask ``name`` a question in its role; both messages are stored in its chat."""
        lo = self.loadout(name)
        now = now or self.clock()
        self.sync_switches()
        history = self.history(name, limit=12)
        ctx = ToolContext(self.workspace, now, lo, self.model_for(name), self.llm, planner=self.runner.planner)
        try:
            ans = await C.answer(ctx, question, history)
        except AgentBlocked as exc:
            ans = C.ChatAnswer(f"I can't answer with the model right now: {exc}.")
        except (TransientLLMError, LLMFailed) as exc:
            ans = C.ChatAnswer(f"The model did not answer ({exc}). {C.HELP}")
        with self.workspace.uow() as uow:
            store.add_chat(uow.session, agent=name, at=now, role="user", text=question, context=[])
            store.add_chat(uow.session, agent=name, at=self.clock(), role="agent", text=ans.text,
                           context=ans.context, plan_json=ans.plan.model_dump_json() if ans.plan else None)
            uow.commit()
        return ans

    def history(self, name: str, limit: int = 200) -> list[dict[str, Any]]:
        """``name``'s chat, oldest first."""
        with self.workspace.uow() as uow:
            return store.chat_history(uow.session, name, limit)

    # -- schedules and costs -----------------------------------------------------------------------
    def due(self, now: datetime) -> list[str]:
        """Agents whose schedule time today has passed (``now`` in the schedule's local time) with no
        run started since then, and not killed."""
        last = {}
        with self.workspace.uow() as uow:
            for name in self.loadouts:
                runs = store.list_runs(uow.session, name, 1)
                # the run's reference time (``now`` of the run), so scheduled and --now runs count
                last[name] = datetime.fromisoformat(runs[0].state["now"]) if runs and runs[0].state.get("now") \
                    else (runs[0].started_at if runs else None)
        out = []
        for name, lo in self.loadouts.items():
            sched = lo.parsed_schedule
            at = sched.due_at(now) if sched else None
            if at is None or now < at or self.gate.blocked_reason(name):
                continue
            if last[name] is None or last[name] < at:
                out.append(name)
        return out

    async def run_due(self, now: datetime) -> list[RunResult]:
        """Run every :meth:`due` agent once, one after the other."""
        return [await self.run(name, now=now) for name in self.due(now)]

    async def serve(self, stop: asyncio.Event, *, interval_s: float = 60.0,
                    local_now: Callable[[], datetime] = datetime.now) -> None:
        """Background loop for the app: resume runs a crash interrupted, then every ``interval_s``
        run the agents whose schedule is due (schedules are in local time, ``local_now``) until
        ``stop`` is set. Errors of one run are in its run log; the loop keeps going."""
        await self.resume_interrupted()
        while not stop.is_set():
            await self.run_due(local_now())
            try:
                await asyncio.wait_for(stop.wait(), timeout=interval_s)
            except asyncio.TimeoutError:
                pass

    def costs(self, day: datetime | None = None) -> dict[str, Any]:
        """LLM and transcription costs of the UTC day containing ``day`` (default today)."""
        start, end = self._day(day)
        with self.workspace.uow() as uow:
            return {"day": start.date().isoformat(), **store.cost_summary(uow.session, start, end)}


def usage_recorder(workspace: Workspace, clock: Callable[[], datetime] | None = None) -> Callable[[Any], None]:
    """A callback for :class:`desktop.planner.llm_planner.LLMPlanner`'s ``on_usage``: stores each
    planner call (a ``UsageRecord``: model, tokens, cost, latency, agent) in ``llm_calls`` so voice
    planning spend shows in the same cost panel as the agents'."""
    def record(u: Any) -> None:
        with workspace.uow() as uow:
            store.add_llm_call(uow.session, at=(clock or datetime.utcnow)(), agent=getattr(u, "agent", "planner"),
                               run_id=None, model=u.model, prompt_tokens=int(u.prompt_tokens),
                               completion_tokens=int(u.completion_tokens), cost_usd=float(u.cost_usd),
                               latency_ms=float(u.latency_ms))
            uow.commit()
    return record


def record_transcription(workspace: Workspace, audio_s: float, decode_s: float, cpu_s: float,
                         at: datetime | None = None) -> None:
    """Meter one local transcription: seconds of audio, wall seconds decoding, CPU seconds used
    (``time.process_time`` delta or ``resource`` usage). For the voice/UI code; commits."""
    with workspace.uow() as uow:
        store.add_transcription(uow.session, at=at or datetime.utcnow(), audio_s=float(audio_s),
                                decode_s=float(decode_s), cpu_s=float(cpu_s))
        uow.commit()
