"""The Agents panel's facade: every agent's state, spend and schedule, its chain runs, step logs and
teammate chat; the kill switches (one agent's, and the global one of the toolbar), Run now, pausing a
schedule, asking an agent, and sending a plan it suggested to approvals."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NotRequired, Protocol, TypedDict, cast

from desktop.services.change import Change
from desktop.services.facades.port import Done, Failed, PanelFacade


class AgentRow(TypedDict):
    """One agent as the table shows it.

    state: idle | running | paused | killed | over budget. last_run / next_run: "YYYY-MM-DD HH:MM"
    (local) or None. success_rate: 0.0-1.0 of finished runs (None: none finished). spend_usd: today;
    budget_usd: daily (USD). schedule: cron-like text or "on demand". emails: "sent / replied / bounced".
    ``switch``: set by the panel (the kill switch column); ``running`` / ``runs``: only when the agents
    runtime did not start (read from the tables)."""

    name: str
    role: NotRequired[str]
    state: str
    last_run: str | None
    last_status: str | None
    success_rate: float | None
    spend_usd: float
    budget_usd: float
    killed: bool
    paused: bool
    schedule: NotRequired[str]
    next_run: NotRequired[str | None]
    emails: str
    running: NotRequired[int]
    runs: NotRequired[int]
    switch: NotRequired[bool]


class SequenceRow(TypedDict):
    """One row of the "Sequences and A/B" tab: per sequence (step and variant "all": enrolled, e-mails
    "sent / replied / bounced") or per A/B variant of an e-mail step (reply rate with its 95% Wilson
    interval, and the verdict); see :func:`desktop.services.agents_facade._sequence_rows`."""

    agent: str
    sequence: str
    step: str
    variant: str
    enrolled: str
    emails: str
    reply_rate: str
    verdict: str


@dataclass(frozen=True)
class AgentsOverview:
    """Every agent, and the switches over all of them.

    global_kill: the global kill switch is on. stop_reason: why every agent is stopped (e.g. the spend
    cap), None when not stopped or unknown. cap_usd / spent_today_usd: the global daily spend cap and
    today's spend of all agents (USD; None when the agents runtime did not start)."""

    global_kill: bool
    stop_reason: str | None
    cap_usd: float | None
    spent_today_usd: float | None
    agents: list[AgentRow]
    sequences: list[SequenceRow] = field(default_factory=list)

    @classmethod
    def from_agents(cls, d: dict[str, Any]) -> AgentsOverview:
        """The typed form of :meth:`desktop.services.backend.Backend.agents`'s dict."""
        return cls(global_kill=bool(d["global_kill"]), stop_reason=d.get("stop_reason"), cap_usd=d.get("cap_usd"),
                   spent_today_usd=d.get("spent_today_usd"), agents=cast(list[AgentRow], d["agents"]),
                   sequences=cast(list[SequenceRow], d.get("sequences") or []))


class ChainRun(TypedDict):
    """One chain run of an agent: started_at / finished_at "YYYY-MM-DD HH:MM:SS" (UTC; finished_at ""
    while running), status (done | failed | killed | over_budget | paused | running), cost in USD."""

    id: int
    started_at: str
    finished_at: str
    status: str
    cost_usd: float
    error: str


class ChainStep(TypedDict):
    """One step of a chain run, in order: the tool, its status, input and output text, cost in USD."""

    position: int
    tool: str
    status: str
    input: str | None
    output: str | None
    cost_usd: float | None
    error: str


class ContextItem(TypedDict, total=False):
    """A record or figure an agent's answer used: a record (type deal | contact | company, id, name,
    score) or a figure (type "figure", name, value, source)."""

    type: str
    id: int | str
    name: str
    score: float | None
    value: Any
    source: str | None


class ChatMessage(TypedDict):
    """One teammate chat message, oldest first: at "YYYY-MM-DD HH:MM" (UTC), role user | agent, the
    text, the records and figures an answer used, and whether it suggests a plan."""

    id: int
    at: str
    role: str
    text: str
    context: list[ContextItem]
    has_plan: bool


@dataclass(frozen=True)
class AgentDetail:
    """An agent's newest chain runs (at most 50) and its teammate chat (at most 200 messages)."""

    runs: list[ChainRun]
    chat: list[ChatMessage]


class AgentsSource(Protocol):
    """The backend reads and writes the Agents facade uses."""

    def agents(self) -> dict[str, Any]: ...

    def agent_detail(self, name: str) -> dict[str, Any]: ...

    def run_steps(self, run_id: int) -> list[dict[str, Any]]: ...

    def set_agent_killed(self, name: str, on: bool) -> Change: ...

    def set_global_kill(self, on: bool) -> Change: ...

    def set_agent_paused(self, name: str, on: bool) -> Change: ...

    def run_agent(self, name: str) -> tuple[str, Change]: ...

    def ask_agent(self, name: str, question: str) -> tuple[str, Change]: ...

    def queue_chat_plan(self, name: str, message_id: int) -> tuple[int, Change]: ...


class AgentsFacade(PanelFacade[AgentsSource]):
    """Queries (reader threads) and commands (the writer thread; their Change is broadcast) of the
    Agents panel; every ``done`` / ``error`` runs on the UI thread."""

    name = "agents"

    def overview(self, done: Done[AgentsOverview]) -> None:
        """Every agent with state, schedule, spend and switches."""
        self._port.read(lambda: AgentsOverview.from_agents(self._backend.agents()), done=done)

    def detail(self, name: str, done: Done[AgentDetail]) -> None:
        """Agent ``name``'s chain runs and chat."""
        def read() -> AgentDetail:
            d = self._backend.agent_detail(name)
            return AgentDetail(cast(list[ChainRun], d["runs"]), cast(list[ChatMessage], d["chat"]))
        self._port.read(read, done=done)

    def steps(self, run_id: int, done: Done[list[ChainStep]]) -> None:
        """The step log of chain run ``run_id``, in order."""
        self._port.read(lambda: cast(list[ChainStep], self._backend.run_steps(run_id)), done=done)

    def set_killed(self, name: str, on: bool) -> None:
        """Turn agent ``name``'s kill switch on or off (audited)."""
        self._port.write(lambda: self._backend.set_agent_killed(name, on))

    def set_global_kill(self, on: bool) -> None:
        """The global kill switch: stops every agent, including ones added later (audited)."""
        self._port.write(lambda: self._backend.set_global_kill(on))

    def set_paused(self, name: str, on: bool, done: Done[Change] | None = None) -> None:
        """Pause (``on``) or resume agent ``name``'s schedule; it still runs when asked."""
        self._port.write(lambda: self._backend.set_agent_paused(name, on), done=done)

    def run(self, name: str, done: Done[str], error: Failed) -> None:
        """Run agent ``name`` now (on the writer thread); ``done(one-line result)``, e.g. "ghostbuster:
        run #12 done; 2 plan(s) in Approvals"."""
        self._port.write(lambda: self._backend.run_agent(name), done=lambda r: done(r[0]), error=error)

    def ask(self, name: str, question: str, done: Done[str], error: Failed) -> None:
        """Ask agent ``name`` in its teammate chat; ``done(answer text)``."""
        self._port.write(lambda: self._backend.ask_agent(name, question), done=lambda r: done(r[0]), error=error)

    def queue_chat_plan(self, name: str, message_id: int, done: Done[int], error: Failed) -> None:
        """Send the plan chat message ``message_id`` of agent ``name`` suggested to approvals;
        ``done(approval id)``."""
        self._port.write(lambda: self._backend.queue_chat_plan(name, message_id), done=lambda r: done(r[0]),
                         error=error)
