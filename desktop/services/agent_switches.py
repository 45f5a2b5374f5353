"""Kill switches and pause flags of agents (table ``agent_states``; the row ``*`` is the global
kill switch). Every flip is written to the audit log.

This is the desktop's adapter until the agents runtime (:mod:`desktop.agents`) exposes its own
switch API; it writes the same rows the runtime reads.
"""

from __future__ import annotations

from datetime import datetime

from desktop.store import schema as s
from desktop.store.audit import append as audit_append
from desktop.store.db import Workspace

GLOBAL = "*"


def set_killed(workspace: Workspace, name: str, killed: bool, *, actor: str = "user",
               now: datetime | None = None) -> None:
    """Turn the kill switch of agent ``name`` (``"*"``: every agent) on or off."""
    now = now or datetime.utcnow()
    with workspace.uow() as uow:
        row = uow.session.get(s.AgentState, name)
        if row is None:
            row = s.AgentState(name=name, killed=killed, paused=False, updated_at=now)
            uow.session.add(row)
        else:
            row.killed, row.updated_at = killed, now
        if killed:  # the agent's e-mails waiting in the outbox go nowhere (same transaction)
            from desktop.store.email_outbox import cancel_for_agents

            cancel_for_agents(uow.session, {name}, now, "the agent's kill switch is on")
        who = "all agents" if name == GLOBAL else f"agent {name}"
        audit_append(uow.session, at=now, actor=actor, kind="kill_switch",
                     summary=f"Kill switch {'ON' if killed else 'off'} for {who}",
                     payload={"agent": name, "killed": killed})
        uow.commit()


def set_paused(workspace: Workspace, name: str, paused: bool, *, actor: str = "user",
               now: datetime | None = None) -> None:
    """Pause or resume agent ``name``."""
    now = now or datetime.utcnow()
    with workspace.uow() as uow:
        row = uow.session.get(s.AgentState, name)
        if row is None:
            uow.session.add(s.AgentState(name=name, killed=False, paused=paused, updated_at=now))
        else:
            row.paused, row.updated_at = paused, now
        audit_append(uow.session, at=now, actor=actor, kind="agent_paused" if paused else "agent_resumed",
                     summary=f"Agent {name} {'paused' if paused else 'resumed'}", payload={"agent": name})
        uow.commit()
