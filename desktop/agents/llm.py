"""The agents' LLM access: a port, the litellm adapter, and :class:`MeteredLLM` - the one door every
outbound LLM call of an agent goes through (kill switch -> budget check -> call -> meter).

* :class:`LLMPort` - ``acomplete(model, messages, tools, timeout_s) -> LLMReply``, ``price(model)``
  (USD per prompt / completion token) and ``count_tokens(model, messages)``.
* :class:`LiteLLMPort` - the real adapter: ``litellm.acompletion`` (imported lazily, with
  ``LITELLM_LOCAL_MODEL_COST_MAP=True`` so prices come from the bundled cost map, never the network);
  transient provider errors become :class:`TransientLLMError`.
* :class:`MeteredLLM` - before each call: :meth:`Gate.check` (kill switch) and the budget check
  (today's spend + prompt tokens x input price > daily budget -> :class:`OverBudget`, nothing sent);
  the call runs as a task tracked by the gate so a kill cancels it; afterwards one ``llm_calls`` row
  (prompt/completion tokens, USD, latency ms, agent, run id).
"""

from __future__ import annotations

import asyncio
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Protocol

from desktop.agents.gate import Gate, OverBudget
from desktop.store import agents as store
from desktop.store.db import Workspace


class TransientLLMError(Exception):
    """A provider hiccup worth retrying (timeout, connection error, rate limit, 5xx)."""


class LLMFailed(Exception):
    """A permanent LLM failure (bad request, auth, unknown model)."""


@dataclass(frozen=True)
class ToolCall:
    """A function call the model asked for: ``arguments`` already parsed from JSON."""

    id: str
    name: str
    arguments: dict[str, Any]


@dataclass
class LLMReply:
    """One completion: text and/or tool calls, token counts, and the provider's cost (USD, None =
    compute from :meth:`LLMPort.price`)."""

    content: str | None
    tool_calls: list[ToolCall] = field(default_factory=list)
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float | None = None


class LLMPort(Protocol):
    """What the agents need from a language model."""

    async def acomplete(self, *, model: str, messages: list[dict], tools: list[dict] | None = None,
                        timeout_s: float = 30.0) -> LLMReply:
        """One chat completion. Raises TransientLLMError / LLMFailed."""
        ...

    def price(self, model: str) -> tuple[float, float]:
        """(USD per prompt token, USD per completion token); (0, 0) when unpriced (local models)."""
        ...

    def count_tokens(self, model: str, messages: list[dict]) -> int:
        """Prompt tokens ``messages`` would use."""
        ...


def _litellm():
    os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
    import litellm  # lazy: slow import, optional feature

    return litellm


class LiteLLMPort:
    """:class:`LLMPort` over litellm. ``extra`` kwargs go to every call (e.g. ``api_base`` of a local
    OpenAI-compatible server, or ``mock_response`` in tests). API keys: see
    :func:`desktop.planner.llm_planner.api_key_for` (keyring, then environment)."""

    def __init__(self, **extra: Any) -> None:
        self.extra = extra

    async def acomplete(self, *, model: str, messages: list[dict], tools: list[dict] | None = None,
                        timeout_s: float = 30.0) -> LLMReply:
        litellm = _litellm()
        kwargs: dict[str, Any] = {"model": model, "messages": messages, "timeout": timeout_s, **self.extra}
        if tools:
            kwargs["tools"] = tools
            # litellm 1.106 routes every call with tools through its MCP handler, which imports the
            # optional `mcp` package (not installed: ModuleNotFoundError). Our tools are plain
            # functions, so skip that handler.
            kwargs["_skip_mcp_handler"] = True
        if "api_key" not in kwargs:
            try:
                from desktop.planner.llm_planner import api_key_for

                key = api_key_for(model)
                if key:
                    kwargs["api_key"] = key
            except Exception:  # noqa: BLE001 - no keyring backend: litellm reads the environment
                pass
        try:
            resp = await litellm.acompletion(**kwargs)
        except (litellm.Timeout, litellm.APIConnectionError, litellm.RateLimitError,
                litellm.ServiceUnavailableError, litellm.InternalServerError) as exc:
            raise TransientLLMError(f"{type(exc).__name__}: {exc}") from exc
        except litellm.exceptions.APIError as exc:
            raise LLMFailed(f"{type(exc).__name__}: {exc}") from exc
        msg = resp.choices[0].message
        calls = []
        for tc in getattr(msg, "tool_calls", None) or []:
            try:
                args = json.loads(tc.function.arguments or "{}")
            except json.JSONDecodeError:
                args = {}
            calls.append(ToolCall(tc.id, tc.function.name, args))
        usage = getattr(resp, "usage", None)
        try:
            cost = float(litellm.completion_cost(completion_response=resp) or 0.0)
        except Exception:  # noqa: BLE001 - model not in the cost map
            cost = None
        return LLMReply(msg.content, calls, int(getattr(usage, "prompt_tokens", 0) or 0),
                        int(getattr(usage, "completion_tokens", 0) or 0), cost)

    def price(self, model: str) -> tuple[float, float]:
        info = _litellm().model_cost.get(model) or _litellm().model_cost.get(model.split("/", 1)[-1]) or {}
        return float(info.get("input_cost_per_token") or 0.0), float(info.get("output_cost_per_token") or 0.0)

    def count_tokens(self, model: str, messages: list[dict]) -> int:
        try:
            return int(_litellm().token_counter(model=model, messages=messages))
        except Exception:  # noqa: BLE001 - unknown tokenizer: ~4 characters per token
            return sum(len(str(m.get("content") or "")) for m in messages) // 4 + 4 * len(messages)


class MeteredLLM:
    """Gate + budget + meter around an :class:`LLMPort`.

    Args:
        clock: returns naive UTC ``datetime`` (the day boundary of the daily budget is UTC midnight).
        on_call: optional callback(agent, reply_or_None, latency_ms) after each call (tests, UI).
    """

    def __init__(self, workspace: Workspace, port: LLMPort, gate: Gate, clock: Callable[[], datetime],
                 timeout_s: float = 30.0, on_call: Callable[..., None] | None = None,
                 on_cap: Callable[[str], None] | None = None) -> None:
        self.workspace, self.port, self.gate, self.clock = workspace, port, gate, clock
        self.timeout_s = timeout_s
        self.on_call = on_call
        #: called with the reason when all agents together reach the global daily cap
        #: (the service turns the global kill switch on)
        self.on_cap = on_cap

    def _cap_check(self, estimate: float) -> None:
        """Raise OverBudget (after ``on_cap``) when today's spend of every agent plus ``estimate``
        exceeds the global daily cap."""
        start = self.clock().replace(hour=0, minute=0, second=0, microsecond=0)
        with self.workspace.uow() as uow:
            cap = store.daily_cap_usd(uow.session)
            spent = store.spend_usd(uow.session, None, start, start + timedelta(days=1))
        if spent + estimate > cap + 1e-12 or (estimate == 0 and spent >= cap and cap > 0) or cap == 0:
            reason = (f"spend cap reached: all agents spent ${spent:.4f} of the ${cap:.2f} daily cap"
                      + (f"; the next call needs about ${estimate:.4f}" if estimate else ""))
            if self.on_cap is not None:
                self.on_cap(reason)
            raise OverBudget(reason)

    def spent_today(self, agent: str) -> float:
        """USD spent by ``agent`` since UTC midnight of the clock's today."""
        start = self.clock().replace(hour=0, minute=0, second=0, microsecond=0)
        with self.workspace.uow() as uow:
            return store.spend_usd(uow.session, agent, start, start + timedelta(days=1))

    def estimate_usd(self, model: str, messages: list[dict]) -> float:
        """Prompt tokens x input price: the lower bound the budget check uses."""
        return self.port.count_tokens(model, messages) * self.port.price(model)[0]

    async def complete(self, *, agent: str, model: str, messages: list[dict], budget_usd: float | None,
                       run_id: int | None = None, tools: list[dict] | None = None) -> LLMReply:
        """One gated, budgeted, metered call.

        Raises:
            Killed: the agent (or everyone) is switched off - nothing is sent.
            OverBudget: today's spend plus this call's estimate exceeds ``budget_usd``, or all agents'
                spend today plus the estimate exceeds the global daily cap (``on_cap`` is called
                first) - nothing sent.
            asyncio.CancelledError: a kill switch cancelled the call in flight.
            TransientLLMError / LLMFailed: from the port (a failed call is metered with 0 tokens).
        """
        self.gate.check(agent)
        self._cap_check(self.estimate_usd(model, messages))
        if budget_usd is not None:
            estimate = self.estimate_usd(model, messages)
            spent = self.spent_today(agent)
            if spent + estimate > budget_usd + 1e-12:
                raise OverBudget(f"agent {agent!r} is over budget: spent ${spent:.4f} of ${budget_usd:.2f} "
                                 f"today; the next call needs about ${estimate:.4f}")
        start = time.perf_counter()
        reply: LLMReply | None = None
        call = asyncio.ensure_future(self.port.acomplete(model=model, messages=messages, tools=tools,
                                                         timeout_s=self.timeout_s))
        try:
            with self.gate.tracked(agent, call):
                reply = await call
        finally:
            if not call.done():
                call.cancel()
            latency = (time.perf_counter() - start) * 1000
            if reply is not None:
                pin, pout = self.port.price(model)
                cost = reply.cost_usd if reply.cost_usd is not None else (
                    reply.prompt_tokens * pin + reply.completion_tokens * pout)
                reply.cost_usd = cost
            with self.workspace.uow() as uow:
                store.add_llm_call(uow.session, at=self.clock(), agent=agent, run_id=run_id, model=model,
                                   prompt_tokens=reply.prompt_tokens if reply else 0,
                                   completion_tokens=reply.completion_tokens if reply else 0,
                                   cost_usd=(reply.cost_usd or 0.0) if reply else 0.0, latency_ms=latency)
                uow.commit()
            if self.on_call is not None:
                self.on_call(agent, reply, latency)
        if reply is not None and reply.cost_usd:
            try:
                self._cap_check(0.0)  # this call reached the cap: stop every agent now
            except OverBudget:
                pass  # the answer was paid for; the switch stops what comes next
        self.gate.check(agent)  # killed while the answer was on its way: drop it
        return reply
