"""The agents part of the desktop backend facade: agent states, kill switches, runs, chat.

Uses the agents runtime (:class:`desktop.agents.service.AgentService`) when it starts, and reads
the agent tables directly (:mod:`desktop.store.series`) when it does not.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from desktop.services.change import Change


class AgentsMixin:
    """Mixed into :class:`desktop.services.backend.Backend` (uses ``self.ws``, ``self.settings``,
    ``self._lock``, ``self.now()``)."""

    # -- agents (the agents runtime's AgentService; table reads as a fallback) -------------------
    def agent_service(self) -> Any:
        """The agents runtime (:class:`desktop.agents.service.AgentService`) over this workspace,
        created on first use; None when it cannot start (the panel then reads the tables)."""
        with self._lock:
            if getattr(self, "_agents", None) is None:
                try:
                    from desktop.agents.service import AgentService

                    self._agents = AgentService(self.ws, self.settings)
                except Exception:  # noqa: BLE001 - a broken loadout folder must not break the UI
                    import logging

                    logging.getLogger(__name__).exception("agents runtime unavailable")
                    self._agents = False
            return self._agents or None

    def set_global_kill(self, on: bool) -> Change:
        """The global kill switch (stops every agent, including ones added later)."""
        svc = self.agent_service()
        if svc is not None:
            svc.kill_all() if on else svc.enable("*")
        else:
            from desktop.services import agent_switches

            agent_switches.set_killed(self.ws, agent_switches.GLOBAL, on)
        return Change(frozenset({"agents", "audit"}))

    def set_agent_killed(self, name: str, on: bool) -> Change:
        """One agent's kill switch."""
        svc = self.agent_service()
        if svc is not None:
            svc.kill(name) if on else svc.enable(name)
        else:
            from desktop.services import agent_switches

            agent_switches.set_killed(self.ws, name, on)
        return Change(frozenset({"agents", "audit"}))

    def agents(self) -> dict[str, Any]:
        """{"global_kill": bool, "agents": [{name, role, state (idle | running | paused | killed |
        over budget), last_run, success_rate, spend_usd (today), budget_usd (daily), killed}]}."""
        from desktop.store import series

        with self.ws.uow() as uow:
            killed_all = series.global_kill(uow.session)
        svc = self.agent_service()
        if svc is not None:
            rows = []
            for a in svc.list_agents():
                state = a.state.replace("_", " ")
                if killed_all:
                    state = "killed"
                rows.append({"name": a.name, "role": a.role, "state": state,
                             "last_run": a.last_run_at.isoformat(sep=" ", timespec="minutes") if a.last_run_at else None,
                             "last_status": a.last_status, "success_rate": a.success_rate,
                             "spend_usd": round(a.spend_today_usd, 4), "budget_usd": a.daily_budget_usd,
                             "killed": a.state == "killed"})
            return {"global_kill": killed_all, "agents": rows}
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
        return {"global_kill": killed_all, "agents": rows}

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
    def _budgets(session) -> dict[str, float]:
        from desktop.store import queries

        return queries.budget_overrides(session)

    def agent_detail(self, name: str) -> dict[str, Any]:
        """{"runs": chain runs, "chat": chat messages} of agent ``name``."""
        from desktop.store import series

        with self.ws.uow() as uow:
            return {"runs": series.chain_runs(uow.session, name), "chat": series.chat_messages(uow.session, name)}
