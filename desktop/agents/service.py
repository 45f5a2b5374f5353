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
    svc.due(now) -> list[str]; await svc.run_due(now)   # loadout schedules (call every minute); a slot
                                                # missed while asleep runs once (its newest slot only)
    svc.next_run(name, local_now) -> datetime | None    # when it runs next by itself
    svc.pause_agent(name) / svc.resume_agent(name)      # its schedule (it still runs when asked)
    await svc.serve(stop_event, on_run=cb)      # resume crashed runs, then run schedules until stop
    svc.daily_cap() / svc.set_daily_cap(usd) / svc.spent_today() / svc.stop_reason()
        # the global daily spend cap of all agents: crossing it turns the global kill switch on,
        # with the reason in the audit log (stop_reason)
    RunResult.handoffs: runs a loadout's ``handoff`` agent continued with (a chain across agents)
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
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from desktop.agents import chat as C
from desktop.agents import switches
from desktop.agents.chain import ChainRunner, RunResult
from desktop.agents.gate import GLOBAL, AgentBlocked, Gate
from desktop.agents.llm import LiteLLMPort, LLMFailed, MeteredLLM, TransientLLMError
from desktop.agents.loadout import Loadout, load_all
from desktop.agents.roles import chain_for
from desktop.agents.tools import ToolContext
from desktop.store import agents as store
from desktop.store.db import Workspace
from desktop.store.executor import apply_change


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
    #: when it runs next by itself (local time), None: no schedule, paused or killed
    next_run_at: datetime | None = None
    #: its schedule is paused (``pause_agent``)
    paused: bool = False


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
                              timeout_s=float(getattr(settings, "llm_timeout_s", 30.0) or 30.0),
                              on_cap=self._cap_reached)
        self.runner = ChainRunner(workspace, self.gate, self.clock, llm=self.llm, sleep=sleep,
                                  on_step=self._step_done if on_step else None)
        self.runner.loadouts = self.loadouts
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
        if getattr(self, "runner", None) is not None:
            self.runner.loadouts = self.loadouts

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

    def list_agents(self, local_now: datetime | None = None) -> list[AgentStatus]:
        """Every agent's status row, in loadout order (``local_now``: the schedules' clock for
        ``next_run_at``, default local now)."""
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
            paused = states.get(name, (False, False))[1]
            rows.append(AgentStatus(name, lo.role, lo.purpose, lo.kind, model or "offline", lo.autonomy, state,
                                    st.get("last_run_at"), st.get("last_status"), rate, round(spent, 6),
                                    lo.daily_budget_usd, lo.schedule, self.next_run(name, local_now), paused))
        return rows

    # -- runs --------------------------------------------------------------------------------------
    async def run(self, name: str, *, input: dict[str, Any] | None = None, now: datetime | None = None,
                  slot: datetime | None = None) -> RunResult:
        """Run ``name``'s chain once (queued behind a run of the same agent already in progress).
        A killed agent's run is stored ``paused`` and not started (resume it after :meth:`enable`).
        ``slot``: the schedule time (local) a scheduled run is for (see :meth:`due`)."""
        lo = self.loadout(name)
        steps = chain_for(lo, input)
        self.sync_switches()
        extra = {"slot": slot.isoformat()} if slot is not None else None
        reason = self.gate.blocked_reason(name)
        if reason:
            run_id = self.runner.create(lo, steps, now=now or self.clock(), input=input, status="paused", extra=extra)
            return RunResult(run_id, name, "paused", error=reason)
        run_id = self.runner.create(lo, steps, now=now or self.clock(), input=input, extra=extra)
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
        out = []
        for r in runs:
            with self.workspace.uow() as uow:
                cur = store.get_run(uow.session, r.id)
            # a run handed over by another one was already continued when its parent resumed
            if r.agent in self.loadouts and cur is not None and cur.status == "running" and cur.finished_at is None:
                out.append(await self.resume(r.id))
        return out

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
            nxt = out.get("handoff")
            if nxt and result.status == "done" and nxt.get("agent") in self.loadouts:
                # the chain continues in the next agent (its run was stored with the hand-off step)
                with self.workspace.uow() as uow:
                    child = store.get_run(uow.session, int(nxt["run_id"]))
                if child is not None and child.finished_at is None and child.status == "running":
                    result.handoffs.append(await self._execute(child.id, self.loadouts[nxt["agent"]]))
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
    def _switch(self, name: str, killed: bool, actor: str, reason: str | None = None) -> None:
        switches.set_killed(self.workspace, name, killed, actor=actor, now=self.clock(), reason=reason)

    # -- global daily spend cap --------------------------------------------------------------------
    def daily_cap(self) -> float:
        """The global daily cap of all agents' LLM spend together (USD per UTC day)."""
        with self.workspace.uow() as uow:
            return store.daily_cap_usd(uow.session)

    def set_daily_cap(self, usd: float, *, actor: str = "user") -> None:
        """Set the global daily cap (USD >= 0; audited). Raises ValueError for a negative amount."""
        if usd < 0:
            raise ValueError("the daily cap is an amount in USD >= 0")
        def change(session, changes) -> dict:
            before = store.daily_cap_usd(session)
            store.set_daily_cap_usd(session, float(usd))
            changes.record("setting", "agents_daily_cap_usd", "update", {"usd": before}, {"usd": float(usd)})
            return {"daily_cap_usd": usd}

        apply_change(self.workspace, change, actor=actor, kind="settings", now=self.clock(),
                     summary=f"agents' global daily cap set to ${usd:.2f}")

    def spent_today(self) -> float:
        """All agents' LLM spend since UTC midnight, USD."""
        start, end = self._day()
        with self.workspace.uow() as uow:
            return store.spend_usd(uow.session, None, start, end)

    def stop_reason(self) -> str | None:
        """Why every agent is stopped (the global switch's audit summary, e.g. the spend cap), or None."""
        with self.workspace.uow() as uow:
            return store.global_stop_reason(uow.session)

    def _cap_reached(self, reason: str) -> None:
        """All agents together reached the daily cap: the global kill switch goes on, with the
        reason in the audit log (shown by the Agents panel and ``agents list``)."""
        if self.gate.global_killed:
            return
        self._switch(GLOBAL, True, "spend cap", reason=reason)
        self.gate.kill(GLOBAL)

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
        ctx = ToolContext(self.workspace, now, lo, self.model_for(name), self.llm, planner=self.runner.planner,
                          loadouts=self.loadouts)
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
    def _last_reference(self, session: Any, name: str) -> datetime | None:
        """The newest reference time of ``name``'s runs: the slot of a scheduled run, else the
        run's ``now`` (so a run started by hand after a slot also covers that slot)."""
        refs = []
        for r in store.list_runs(session, name, 20):
            v = r.state.get("slot") or r.state.get("now")
            refs.append(datetime.fromisoformat(v) if v else r.started_at)
        return max(refs, default=None)

    def due(self, now: datetime) -> list[str]:
        """Agents whose newest schedule slot at or before ``now`` (local time, the schedule's clock)
        has no run yet, and that are neither killed nor paused. A machine that slept through
        several slots finds only the newest one due: a missed schedule runs once on wake. An agent
        that never ran catches up only a slot of the last 24 hours (a new install does not run
        last week's schedules)."""
        return [name for name, _slot in self.due_slots(now)]

    def due_slots(self, now: datetime) -> list[tuple[str, datetime]]:
        """[(agent, the slot it is due for)] - see :meth:`due`."""
        out = []
        with self.workspace.uow() as uow:
            states = store.agent_states(uow.session)
            for name, lo in self.loadouts.items():
                sched = lo.parsed_schedule
                slot = sched.last_slot(now) if sched else None
                if slot is None or self.gate.blocked_reason(name) or states.get(name, (False, False))[1]:
                    continue
                last = self._last_reference(uow.session, name)
                if (last is None and now - slot < timedelta(hours=24)) or (last is not None and last < slot):
                    out.append((name, slot))
        return out

    def next_run(self, name: str, now: datetime | None = None) -> datetime | None:
        """When ``name`` runs next by itself (local time; ``now`` default local now): the missed
        slot (= now) when one is due, else the next slot; None when it has no schedule or is
        paused or killed. Raises UnknownAgent."""
        lo = self.loadout(name)
        sched = lo.parsed_schedule
        now = now or datetime.now().replace(second=0, microsecond=0)
        if sched is None or self.gate.blocked_reason(name):
            return None
        with self.workspace.uow() as uow:
            if store.agent_states(uow.session).get(name, (False, False))[1]:
                return None
            last = self._last_reference(uow.session, name)
        slot = sched.last_slot(now)
        if slot is not None and ((last is None and now - slot < timedelta(hours=24)) or (last is not None and last < slot)):
            return now
        return sched.next_slot(now)

    async def run_due(self, now: datetime) -> list[RunResult]:
        """Run every :meth:`due` agent once (for its newest slot), one after the other."""
        self.sync_switches()
        out = []
        for name, slot in self.due_slots(now):
            out.append(await self.run(name, slot=slot))
        return out

    def pause_agent(self, name: str, *, actor: str = "user") -> None:
        """Pause ``name``'s schedule (it still runs when asked); persisted and audited. Raises UnknownAgent."""
        self._set_paused(name, True, actor)

    def resume_agent(self, name: str, *, actor: str = "user") -> None:
        """Resume ``name``'s schedule; a slot missed while paused runs once at the next check."""
        self._set_paused(name, False, actor)

    def _set_paused(self, name: str, paused: bool, actor: str) -> None:
        self.loadout(name)
        switches.set_paused(self.workspace, name, paused, actor=actor, now=self.clock())

    async def serve(self, stop: asyncio.Event, *, interval_s: float = 60.0,
                    local_now: Callable[[], datetime] = datetime.now,
                    on_run: Callable[[RunResult], None] | None = None) -> None:
        """Background loop (the app's scheduler child and ``spectrum agents serve``): resume runs a
        crash interrupted, then every ``interval_s`` seconds run the agents whose schedule is due
        (schedules are in local time, ``local_now``) until ``stop`` is set. ``on_run(result)``
        after each run. Errors of one run are in its run log; the loop keeps going."""
        for res in await self.resume_interrupted():
            if on_run is not None:
                on_run(res)
        while not stop.is_set():
            for res in await self.run_due(local_now()):
                if on_run is not None:
                    on_run(res)
            try:
                await asyncio.wait_for(stop.wait(), timeout=interval_s)
            except TimeoutError:
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
