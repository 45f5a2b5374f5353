"""The Costs panel's facade: LLM spend and tokens per agent and per day, local transcription time
and each agent's spend today against its daily budget, as one typed :class:`CostsReport`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol, TypedDict, cast

from desktop.services.facades.port import Done, PanelFacade


class AgentSpend(TypedDict):
    """One agent's metered LLM calls over the period: tokens, and cost in USD."""

    agent: str
    calls: int
    prompt_tokens: int
    completion_tokens: int
    cost_usd: float


class DaySpend(TypedDict):
    """One agent's LLM calls on one day ("YYYY-MM-DD"): tokens (prompt + completion), cost in USD."""

    day: str
    agent: str
    calls: int
    tokens: int
    cost_usd: float


class TranscriptionDay(TypedDict):
    """Local transcriptions on one day ("YYYY-MM-DD"): runs, seconds of audio and of decoding."""

    day: str
    runs: int
    audio_s: float
    decode_s: float


@dataclass(frozen=True)
class LlmCosts:
    """LLM spend over the period: ``total_usd`` (USD), per agent, and per day (newest first)."""

    total_usd: float
    per_agent: list[AgentSpend]
    per_day: list[DaySpend]


@dataclass(frozen=True)
class TranscriptionTotals:
    """Local transcription over the period: runs, seconds of audio / decoding / CPU, the real-time
    factor (decode ÷ audio; None without audio) and per day."""

    runs: int
    audio_s: float
    decode_s: float
    cpu_s: float
    rtf: float | None
    per_day: list[TranscriptionDay]


@dataclass(frozen=True)
class AgentBudget:
    """One agent's LLM spend today against its daily budget (both USD)."""

    agent: str
    spend_usd: float
    budget_usd: float


@dataclass(frozen=True)
class CostsReport:
    """The Costs panel over the last ``days`` days."""

    llm: LlmCosts
    transcription: TranscriptionTotals
    budgets: list[AgentBudget]
    days: int

    @classmethod
    def from_costs(cls, d: dict[str, Any]) -> CostsReport:
        """The typed form of :meth:`desktop.services.backend.Backend.costs`'s dict."""
        llm, tr = d["llm"], d["transcription"]
        return cls(llm=LlmCosts(llm["total_usd"], cast(list[AgentSpend], llm["per_agent"]),
                                cast(list[DaySpend], llm["per_day"])),
                   transcription=TranscriptionTotals(tr["runs"], tr["audio_s"], tr["decode_s"], tr["cpu_s"], tr["rtf"],
                                                     cast(list[TranscriptionDay], tr["per_day"])),
                   budgets=[AgentBudget(b["agent"], b["spend_usd"], b["budget_usd"]) for b in d["budgets"]],
                   days=d["days"])


class CostsSource(Protocol):
    """The backend read the Costs facade uses."""

    def costs(self, days: int = 30) -> dict[str, Any]: ...


class CostsFacade(PanelFacade[CostsSource]):
    """Queries of the Costs panel (a reader thread; ``done`` on the UI thread)."""

    name = "costs"

    def report(self, done: Done[CostsReport], *, days: int = 30) -> None:
        """Spend and usage over the last ``days`` days, and today's spend per agent."""
        self._port.read(lambda: CostsReport.from_costs(self._backend.costs(days)), done=done)
