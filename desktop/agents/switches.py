"""The agents' kill switches and schedule pauses as stored: one row per agent in ``agent_states``
(``"*"``: the global kill switch), each flip one audited change (:func:`desktop.store.executor.apply_change`).

This is the only implementation: :class:`desktop.agents.service.AgentService` writes through it
(after acting at once in memory through its :class:`~desktop.agents.gate.Gate`), and the desktop's
backend uses it directly when the agents runtime cannot start (a broken loadout folder). Times are
naive UTC.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from desktop.agents.gate import GLOBAL
from desktop.store import agents as store
from desktop.store.email_outbox import cancel_for_agents
from desktop.store.executor import ChangeSet, apply_change

__all__ = ["GLOBAL", "set_killed", "set_paused"]


def set_killed(workspace: Any, name: str, killed: bool, *, actor: str = "user",
               now: datetime | None = None, reason: str | None = None) -> None:
    """Turn the kill switch of agent ``name`` (``"*"``: every agent, also ones added later) on or
    off; audited as kind ``kill_switch`` with ``reason`` (e.g. the spend cap) or "killed X" /
    "enabled X" as its summary."""
    now = now or datetime.utcnow()
    who = "all agents" if name == GLOBAL else name

    def change(session: Any, changes: ChangeSet) -> dict[str, Any]:
        before = store.agent_states(session).get(name)
        store.set_agent_state(session, name, killed=killed, now=now)
        if killed:  # the agent's e-mails waiting in the outbox go nowhere (same transaction)
            cancel_for_agents(session, {name}, now, "the agent's kill switch is on")
        changes.record("agent_state", name, "update" if before else "create",
                       None if before is None else {"killed": bool(before[0])},
                       {"killed": killed})
        return {"agent": name, "killed": killed}

    apply_change(workspace, change, actor=actor, kind="kill_switch", now=now,
                 summary=reason or f"{'killed' if killed else 'enabled'} {who}")


def set_paused(workspace: Any, name: str, paused: bool, *, actor: str = "user",
               now: datetime | None = None) -> None:
    """Pause (or resume) agent ``name``'s schedule; it still runs when asked. Audited as kind
    ``agent_paused`` / ``agent_resumed``."""
    now = now or datetime.utcnow()

    def change(session: Any, changes: ChangeSet) -> dict[str, Any]:
        store.set_agent_state(session, name, paused=paused, now=now)
        changes.record("agent_state", name, "update", {"paused": not paused}, {"paused": paused})
        return {"agent": name}

    apply_change(workspace, change, actor=actor, kind="agent_paused" if paused else "agent_resumed",
                 now=now, summary=f"Agent {name} {'paused' if paused else 'resumed'}")
