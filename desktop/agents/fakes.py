"""Test doubles for the agents layer: a scripted LLM and a settable clock (used by tests and benchmarks).

:class:`FakeLLM` implements :class:`~desktop.agents.llm.LLMPort` with no network: each call pops the
next scripted reply (a string, an :class:`LLMReply`, an exception to raise, or a callable
``(messages, tools) -> reply``), optionally after ``delay_s`` of ``asyncio.sleep`` (cancellable, so a
kill switch can interrupt it). It records every call's start time and whether it was cancelled.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from desktop.agents.llm import LLMReply


@dataclass
class CallRecord:
    """One outbound call seen by the fake: model, messages, perf_counter start/end, cancelled flag."""

    model: str
    messages: list[dict]
    tools: list[dict] | None
    started: float
    ended: float | None = None
    cancelled: bool = False


@dataclass
class FakeLLM:
    """Scripted LLM. ``default`` answers when the script is empty. Prices are USD per token."""

    script: list[Any] = field(default_factory=list)
    default: Any = "OK"
    delay_s: float = 0.0
    price_in: float = 1e-6
    price_out: float = 2e-6
    calls: list[CallRecord] = field(default_factory=list)
    started: asyncio.Event | None = None

    async def acomplete(self, *, model: str, messages: list[dict], tools: list[dict] | None = None,
                        timeout_s: float = 30.0) -> LLMReply:
        rec = CallRecord(model, messages, tools, time.perf_counter())
        self.calls.append(rec)
        if self.started is not None:
            self.started.set()
        try:
            if self.delay_s:
                await asyncio.sleep(self.delay_s)
            item = self.script.pop(0) if self.script else self.default
            if callable(item) and not isinstance(item, type):
                item = item(messages, tools)
            if isinstance(item, BaseException) or (isinstance(item, type) and issubclass(item, BaseException)):
                raise item
            if isinstance(item, LLMReply):
                return item
            text = str(item)
            return LLMReply(text, [], self.count_tokens(model, messages), max(1, len(text) // 4))
        except asyncio.CancelledError:
            rec.cancelled = True
            raise
        finally:
            rec.ended = time.perf_counter()

    def price(self, model: str) -> tuple[float, float]:
        return self.price_in, self.price_out

    def count_tokens(self, model: str, messages: list[dict]) -> int:
        return sum(len(str(m.get("content") or "")) for m in messages) // 4 + 4 * len(messages)


class FakeClock:
    """A clock that only moves when told: ``clock()`` returns the current naive UTC time."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        """Move forward by ``timedelta(**delta)``."""
        self.now += timedelta(**delta)


async def no_sleep(seconds: float, _log: list[float] | None = None) -> None:
    """An ``asyncio.sleep`` stand-in for retry backoff that returns at once (yields to the loop)."""
    await asyncio.sleep(0)


def recording_sleep(log: list[float]) -> Callable[[float], Any]:
    """A backoff sleep that records the requested delays in ``log`` and returns at once."""
    async def _sleep(seconds: float) -> None:
        log.append(seconds)
        await asyncio.sleep(0)
    return _sleep
