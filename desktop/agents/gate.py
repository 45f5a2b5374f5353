"""Kill switches: the gate every outbound LLM call and every chain step passes through.

:class:`Gate` holds the switch states in memory (loaded from ``agent_states`` at start; the service
persists every change and writes an audit entry) and the asyncio tasks doing work for each agent.
``kill(name)`` / ``kill_all()`` mark the switch first - so :meth:`Gate.check` refuses any further
call at once - and then cancel the tracked tasks (in-flight LLM calls and running chain steps), from
any thread. ``enable(name)`` clears the agent's switch (``enable("*")`` the global one).
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

GLOBAL = "*"


class AgentBlocked(Exception):
    """Base: the agent may not make this call now. ``str()`` says why in one line."""


class Killed(AgentBlocked):
    """The agent's kill switch (or the global one) is on."""


class OverBudget(AgentBlocked):
    """The call would take the agent past its daily budget (checked before the call)."""


class Gate:
    """Switch states plus the tasks to cancel when a switch flips. Thread-safe.

    Attributes:
        switched_at: ``time.perf_counter()`` of the last kill, per name (``"*"`` = global), for the
            kill-switch latency figure.
    """

    def __init__(self, killed: set[str] | None = None) -> None:
        self._lock = threading.Lock()
        self._killed: set[str] = set(killed or ())
        self._tasks: dict[str, set[tuple[asyncio.AbstractEventLoop, asyncio.Task]]] = {}
        self.switched_at: dict[str, float] = {}

    # -- state ------------------------------------------------------------------------------------
    def blocked_reason(self, agent: str) -> str | None:
        """Why ``agent`` may not act now, or None."""
        with self._lock:
            if GLOBAL in self._killed:
                return "all agents are stopped (global kill switch)"
            if agent in self._killed:
                return f"agent {agent!r} is killed"
        return None

    def is_killed(self, agent: str) -> bool:
        """True when ``agent``'s own switch is on (ignores the global switch)."""
        with self._lock:
            return agent in self._killed

    @property
    def global_killed(self) -> bool:
        """True when the global switch is on."""
        with self._lock:
            return GLOBAL in self._killed

    def check(self, agent: str) -> None:
        """Raise :class:`Killed` when ``agent`` (or everyone) is switched off."""
        reason = self.blocked_reason(agent)
        if reason:
            raise Killed(reason)

    # -- switching ---------------------------------------------------------------------------------
    def kill(self, name: str) -> int:
        """Switch ``name`` off (``"*"`` = every agent) and cancel its tasks. Returns tasks cancelled."""
        with self._lock:
            self._killed.add(name)
            self.switched_at[name] = time.perf_counter()
            if name == GLOBAL:
                victims = [t for ts in self._tasks.values() for t in ts]
            else:
                victims = list(self._tasks.get(name, ()))
        for loop, task in victims:
            if task.done():
                continue
            try:
                running = asyncio.get_running_loop()
            except RuntimeError:
                running = None
            if running is loop and task is asyncio.current_task():
                continue  # a task switching itself off (the spend cap) stops at its next gate check
            if running is loop:
                task.cancel()
            else:
                loop.call_soon_threadsafe(task.cancel)
        return len(victims)

    def enable(self, name: str) -> None:
        """Switch ``name`` back on (``"*"`` clears only the global switch)."""
        with self._lock:
            self._killed.discard(name)

    # -- task tracking -----------------------------------------------------------------------------
    @contextmanager
    def tracked(self, agent: str, task: asyncio.Task | None = None) -> Iterator[None]:
        """Register ``task`` (default: the current task) as working for ``agent`` while inside the
        block; raises :class:`Killed` on entry when the agent is switched off."""
        self.check(agent)
        task = task or asyncio.current_task()
        if task is None:
            raise RuntimeError("tracked() needs a task: call it from a coroutine")
        entry = (asyncio.get_running_loop(), task)
        with self._lock:
            self._tasks.setdefault(agent, set()).add(entry)
        try:
            yield
        finally:
            with self._lock:
                self._tasks.get(agent, set()).discard(entry)

    def active(self, agent: str | None = None) -> int:
        """Tasks currently tracked (for ``agent``, or in total)."""
        with self._lock:
            if agent is not None:
                return sum(1 for _, t in self._tasks.get(agent, ()) if not t.done())
            return sum(1 for ts in self._tasks.values() for _, t in ts if not t.done())
