"""The agents part of the desktop backend facade: agent states, kill switches, runs, chat.

Uses the agents runtime (:class:`desktop.agents.service.AgentService`) when it starts, and reads
the agent tables directly (:mod:`desktop.store.series`) when it does not.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Literal

from desktop.services.change import Change

if TYPE_CHECKING:  # pragma: no cover
    import threading

    from desktop.agents.service import AgentService
    from desktop.config import Settings


class AgentsMixin:
    """Mixed into :class:`desktop.services.backend.Backend` (uses ``self.ws``, ``self.settings``,
    ``self._lock``, ``self.now()``)."""

    # set by Backend.__init__ (``_agents`` by :meth:`agent_service`: False when the runtime did not start)
    ws: Any
    settings: Settings
    _lock: threading.RLock
    _agents: AgentService | Literal[False]

    if TYPE_CHECKING:  # pragma: no cover

        def now(self) -> datetime: ...  # Backend.now

    # -- agents (the agents runtime's AgentService; table reads as a fallback) -------------------
    def agent_service(self) -> Any:
        """The agents runtime (:class:`desktop.agents.service.AgentService`) over this workspace,
        created on first use; None when it cannot start (the panel then reads the tables)."""
        with self._lock:
            if getattr(self, "_agents", None) is None:
                try:
                    from desktop.agents.service import AgentService

                    self._agents = AgentService(self.ws, self.settings, clock=self._agents_clock)
                except Exception:  # a broken loadout folder must not break the UI
                    import logging

                    logging.getLogger(__name__).exception("agents runtime unavailable")
                    self._agents = False
            return self._agents or None

    def _agents_clock(self) -> datetime:
        """Naive UTC now for the agents, following the backend clock when it is pinned (the demo
        workspace's day in tests and screenshots; the real time otherwise)."""
        return datetime.utcnow() + (self.now() - datetime.now())

    def set_global_kill(self, on: bool) -> Change:
        """The global kill switch (stops every agent, including ones added later)."""
        svc = self.agent_service()
        if svc is not None:
            svc.kill_all() if on else svc.enable("*")
        else:  # the runtime did not start: the same switch, written without it
            from desktop.agents import switches  # lazy: the executor loads on this worker, not at start-up

            switches.set_killed(self.ws, switches.GLOBAL, on)
        return Change(frozenset({"agents", "audit"}))

    def set_agent_killed(self, name: str, on: bool) -> Change:
        """One agent's kill switch."""
        svc = self.agent_service()
        if svc is not None:
            svc.kill(name) if on else svc.enable(name)
        else:  # the runtime did not start: the same switch, written without it
            from desktop.agents import switches  # lazy: the executor loads on this worker, not at start-up

            switches.set_killed(self.ws, name, on)
        return Change(frozenset({"agents", "audit"}))

    def agents_serve_argv(self) -> list[str] | None:
        """The command of the app's background scheduler child (``spectrum agents serve --json``:
        one JSON line per finished run), or None when ``agents_scheduler`` is off."""
        from desktop.services.child import desktop_command

        if not getattr(self.settings, "agents_scheduler", True):
            return None
        return desktop_command(self.settings.data_dir, "agents", "serve", "--json")

    def email_send_argv(self) -> list[str] | None:
        """The command of the app's e-mail sender child (``spectrum email send --watch --json``),
        or None when no mailbox is connected (:mod:`desktop.outreach`)."""
        from desktop.outreach.drafts import mailbox_connected
        from desktop.services.child import desktop_command

        if not mailbox_connected(self.ws):
            return None
        return desktop_command(self.settings.data_dir, "email", "send", "--watch", "--json")

    def run_agent(self, name: str) -> tuple[str, Change]:
        """Run agent ``name`` now (on this worker thread). Returns (one-line result, Change).
        Raises UnknownAgent / RuntimeError (no runtime)."""
        import asyncio

        svc = self._svc()
        res = asyncio.run(svc.run(name))
        parts = [f"{name}: run #{res.run_id} {res.status}" + (f" - {res.error}" if res.error else "")]
        queued = len(res.approvals) + sum(len(c.approvals) for c in res.handoffs)
        if queued:
            parts.append(f"{queued} plan(s) in Approvals")
        return "; ".join(parts), Change(frozenset({"agents", "approvals", "costs"}))

    def set_agent_paused(self, name: str, on: bool) -> Change:
        """Pause (``on``) or resume agent ``name``'s schedule."""
        svc = self._svc()
        svc.pause_agent(name) if on else svc.resume_agent(name)
        return Change(frozenset({"agents", "audit"}))

    def set_agents_cap(self, usd: float) -> Change:
        """The global daily spend cap of all agents (USD)."""
        self._svc().set_daily_cap(usd)
        return Change(frozenset({"agents", "costs", "audit"}))

    def queue_chat_plan(self, name: str, message_id: int) -> tuple[int, Change]:
        """Send the plan a teammate suggested in chat message ``message_id`` to approvals (source
        ``agent:<name>``). Returns (approval id, Change). Raises LookupError (no plan there)."""
        from desktop.domain.plan import Plan
        from desktop.store import approvals, series

        with self.ws.uow() as uow:
            plan_json = series.chat_plan(uow.session, name, message_id)
        if not plan_json:
            raise LookupError(f"message #{message_id} of {name} suggests no plan")
        approval_id = approvals.submit(self.ws, Plan.model_validate_json(plan_json), source=f"agent:{name}",
                                       now=self.now())
        return approval_id, Change(frozenset({"approvals"}))

    def _svc(self) -> Any:
        svc = self.agent_service()
        if svc is None:
            raise RuntimeError("the agents runtime is not available")
        return svc

    def agents(self) -> dict[str, Any]:
        """{"global_kill": bool, "stop_reason": why every agent is stopped (e.g. the spend cap) or
        None, "cap_usd", "spent_today_usd", "agents": [{name, role, state (idle | running | paused |
        killed | over budget), last_run, success_rate, spend_usd (today), budget_usd (daily), killed,
        paused, schedule, next_run}], "sequences": rows of :func:`_sequence_rows`}."""
        from desktop.store import series

        with self.ws.uow() as uow:
            killed_all = series.global_kill(uow.session)
        svc = self.agent_service()
        if svc is not None:
            rows = []
            extra = {"stop_reason": svc.stop_reason() if killed_all else None, "cap_usd": svc.daily_cap(),
                     "spent_today_usd": round(svc.spent_today(), 4)}
            for a in svc.list_agents(self.now()):
                state = a.state.replace("_", " ")
                if killed_all:
                    state = "killed"
                rows.append({"name": a.name, "role": a.role, "state": state,
                             "last_run": a.last_run_at.isoformat(sep=" ", timespec="minutes") if a.last_run_at else None,
                             "last_status": a.last_status, "success_rate": a.success_rate,
                             "spend_usd": round(a.spend_today_usd, 4), "budget_usd": a.daily_budget_usd,
                             "killed": a.state == "killed", "paused": a.paused, "schedule": a.schedule or "on demand",
                             "next_run": a.next_run_at.isoformat(sep=" ", timespec="minutes") if a.next_run_at else None})
            return {"global_kill": killed_all, "agents": _with_emails(self.ws, rows), **extra,
                    "sequences": _sequence_rows(self.ws)}
        with self.ws.uow() as uow:
            rows = series.agent_overview(uow.session, self.now() - timedelta(days=1))
            budgets = self._budgets(uow.session)
        for r in rows:
            r["budget_usd"] = budgets.get(r["name"], budgets.get("*", 5.0))
            if r["killed"] or killed_all:
                r["state"] = "killed"
            elif r["spend_usd"] >= r["budget_usd"] or r["last_status"] == "over_budget":
                r["state"] = "over budget"
            elif r["paused"]:
                r["state"] = "paused"
            elif r["running"]:
                r["state"] = "running"
            else:
                r["state"] = "idle"
        return {"global_kill": killed_all, "agents": _with_emails(self.ws, rows), "stop_reason": None, "cap_usd": None,
                "spent_today_usd": None, "sequences": _sequence_rows(self.ws)}

    def ask_agent(self, name: str, question: str) -> tuple[str, Change]:
        """Ask agent ``name`` a question in its teammate chat (runs the agent's chat on this worker
        thread). Returns (answer text, Change). Raises UnknownAgent."""
        import asyncio

        svc = self.agent_service()
        if svc is None:
            raise RuntimeError("the agents runtime is not available")
        answer = asyncio.run(svc.ask(name, question))
        return answer.text, Change(frozenset({"agents", "sync"}))

    @staticmethod
    def _budgets(session: Any) -> dict[str, float]:
        from desktop.store import queries

        return queries.budget_overrides(session)

    def agent_detail(self, name: str) -> dict[str, Any]:
        """{"runs": chain runs, "chat": chat messages} of agent ``name``."""
        from desktop.store import series

        with self.ws.uow() as uow:
            return {"runs": series.chain_runs(uow.session, name), "chat": series.chat_messages(uow.session, name)}


def _with_emails(ws: Any, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``rows`` with ``emails``: the agent's e-mails as "sent / replied / bounced" (issue 15)."""
    from desktop.outreach.service import email_counts

    counts = email_counts(ws)
    for r in rows:
        c = counts.get(r["name"], {})
        r["emails"] = f"{c.get('sent', 0)} / {c.get('replied', 0)} / {c.get('bounced', 0)}"
    return rows


def _sequence_rows(ws: Any) -> list[dict[str, Any]]:
    """One row per sequence (``step``/``variant`` "all": enrolled, sent / replied / bounced) followed
    by one row per A/B variant of each e-mail step (reply rate with its 95% Wilson interval and the
    verdict), for the Agents panel's "Sequences and A/B" tab: ``{"agent", "sequence", "step",
    "variant", "enrolled", "emails" ("sent / replied / bounced"), "reply_rate", "verdict"}``."""
    from desktop.outreach.abtest import report

    rep = report(ws)
    rows: list[dict[str, Any]] = []
    for q in rep["sequences"]:
        rate = f"{100 * q['replied'] / q['sent']:.0f}%" if q["sent"] else "–"
        rows.append({"agent": q["agent"], "sequence": q["sequence"], "step": "all", "variant": "all",
                     "enrolled": f"{q['enrolled']} ({q['active']} active, {q['replied_enrollments']} replied)",
                     "emails": f"{q['sent']} / {q['replied']} / {q['bounced']}", "reply_rate": rate, "verdict": ""})
        for v in rep["variants"]:
            if (v["agent"], v["sequence"]) == (q["agent"], q["sequence"]):
                rows.append({"agent": v["agent"], "sequence": v["sequence"], "step": str(v["step"]),
                             "variant": v["variant"], "enrolled": "",
                             "emails": f"{v['sent']} / {v['replied']} / {v['bounced']}",
                             "reply_rate": v["interval"], "verdict": v["verdict"]})
    return rows
