"""LLM planner: the same :class:`~desktop.planner.offline.Planner` protocol through litellm.

Enabled when ``SPECTRUM_LLM_MODEL`` names any litellm model string (``gpt-4o-mini``,
``anthropic/claude-3-5-haiku-latest``, ``ollama/llama3`` ...); the composition root builds it with
the offline planner as ``fallback``. The model receives the instruction, today's date, the stages and
a compact list of candidate records from the :class:`EntityIndex`, and must answer with the Plan as
JSON; the answer is validated by the same pydantic model (and every target must be a known record).
Invalid output is retried once, then the offline planner answers; errors and timeouts go straight
to the fallback. Every call's tokens and cost are reported through ``on_usage``.

API keys: OS keyring (service ``"spectrum"``, username = the provider's env var name such as
``OPENAI_API_KEY``), else that environment variable; never the database. litellm is imported lazily
(it takes seconds to import), so importing this module or the offline planner stays cheap.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date as _date
from datetime import datetime
from types import ModuleType
from typing import Any

from pydantic import ValidationError

from desktop.domain.plan import ACTION_FIELDS, Plan
from desktop.planner.entity_index import EntityIndex, MentionKind
from desktop.planner.offline import OfflinePlanner, PlanContext, sanitise

log = logging.getLogger(__name__)

#: Environment variable (and keyring username) holding the key, per litellm provider.
PROVIDER_KEY_VARS = {
    "openai": "OPENAI_API_KEY", "anthropic": "ANTHROPIC_API_KEY", "gemini": "GEMINI_API_KEY",
    "groq": "GROQ_API_KEY", "mistral": "MISTRAL_API_KEY", "deepseek": "DEEPSEEK_API_KEY",
    "openrouter": "OPENROUTER_API_KEY", "cohere": "COHERE_API_KEY", "together_ai": "TOGETHERAI_API_KEY",
    "xai": "XAI_API_KEY", "azure": "AZURE_API_KEY",
}
KEYRING_SERVICE = "spectrum"
_MAX_CANDIDATES = 24


@dataclass(frozen=True)
class UsageRecord:
    """One LLM call's usage.

    Attributes:
        model: litellm model string. prompt_tokens / completion_tokens: token counts reported by
        the provider (0 when unknown). cost_usd: ``litellm.completion_cost`` from the local cost
        map (0.0 when the model is not priced). latency_ms: wall time of the call in milliseconds.
        agent: who called (``"planner"`` here; agents pass their own name).
    """

    model: str
    prompt_tokens: int
    completion_tokens: int
    cost_usd: float
    latency_ms: float
    agent: str = "planner"


class InvalidPlanOutput(ValueError):
    """The model's answer was not a valid Plan for this workspace (reason in the message);
    ``raw``: the answer's first 2,000 characters, fed back to the model on the retry."""

    raw: str = ""


def _litellm() -> ModuleType:
    os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
    import litellm  # noqa: PLC0415 - lazy on purpose (slow import, optional feature)

    module: ModuleType = litellm  # mypy does not follow litellm (see pyproject.toml)
    return module


def provider_key_var(model: str) -> str | None:
    """The env var / keyring username for ``model``'s provider (``None`` for keyless, e.g. ollama)."""
    provider = model.split("/", 1)[0] if "/" in model else None
    if provider is None:
        try:
            provider = _litellm().get_llm_provider(model)[1]
        except Exception:  # noqa: BLE001 - unknown model string: let litellm complain at call time
            return None
    return PROVIDER_KEY_VARS.get(provider)


def api_key_for(model: str) -> str | None:
    """The API key for ``model`` from the OS keyring, else the provider's environment variable."""
    var = provider_key_var(model)
    if var is None:
        return None
    try:
        import keyring  # noqa: PLC0415 - ~50 ms and backend probing; only when a model needs a key

        secret = keyring.get_password(KEYRING_SERVICE, var)
        if secret:
            return secret
    except Exception:  # noqa: BLE001 - no keyring backend (CI, headless Linux): fall back to the environment
        pass
    return os.environ.get(var) or None


SYSTEM_PROMPT = """You turn a CRM instruction into a JSON Plan. Reply with one JSON object only:
{"actions": [{"kind": str, "target": {"type": "contact|company|deal", "id": str, "name": str} | null,
  "fields": {...}, "destructive": bool}], "clarifications": [str], "message": str | null}
Action kinds and their allowed fields: %s.
Rules: amounts are numbers in major units (100K -> 100000); dates YYYY-MM-DD relative to today;
times HH:MM; stages must be one of the given stage labels; activity_type is call|meeting|email|note;
sentiment positive|neutral|negative. Targets must be records from "candidates" (copy type, id, name)
or the record in view; never invent ids. If a person is ambiguous or unknown, add a clarification
question and leave target null. For a company, act on its open deal. delete_record is destructive. Off-topic input: no actions and a
friendly message."""


class LLMPlanner:
    """Plans through an LLM, validated, with the offline planner as fallback.

    Args:
        model: litellm model string. index: the workspace :class:`EntityIndex`.
        fallback: the offline planner used on invalid output (after one retry), errors and timeouts.
        on_usage: called with a :class:`UsageRecord` after every LLM call (also failed ones).
        timeout_s: upper bound in seconds for one LLM call.
        mock_response: passed to litellm as ``mock_response`` (tests; no network); a list gives one
            answer per call (the last one repeats).
        mock_options: extra litellm test switches, e.g. ``{"mock_timeout": True}`` or
            ``{"mock_delay": 2.0}`` (seconds).
        agent: name recorded in usage records.
    """

    def __init__(self, model: str, index: EntityIndex, fallback: OfflinePlanner,
                 on_usage: Callable[[UsageRecord], None] | None = None, timeout_s: float = 8.0, *,
                 mock_response: str | list[str] | None = None, mock_options: dict[str, Any] | None = None,
                 agent: str = "planner") -> None:
        self.model, self.index, self.fallback = model, index, fallback
        self.on_usage, self.timeout_s, self.agent = on_usage, float(timeout_s), agent
        self._mocks = list(mock_response) if isinstance(mock_response, list) else mock_response
        self._mock_options = dict(mock_options or {})

    # ------------------------------------------------------------------ public
    def plan(self, text: str, *, now: datetime, context: PlanContext | None = None) -> Plan:
        """Plan ``text`` with the LLM; never raises (falls back to the offline planner)."""
        clean, _ = sanitise(text)
        if not clean.strip():
            return self.fallback.plan(text, now=now, context=context)
        messages = self._messages(clean, now, context)
        for attempt in range(2):
            try:
                content = self._call(messages)
                return self._parse(content, clean, context)
            except InvalidPlanOutput as exc:
                log.info("LLM plan invalid (attempt %d): %s", attempt + 1, exc)
                messages = messages + [{"role": "assistant", "content": getattr(exc, "raw", "")},
                                       {"role": "user", "content": f"Invalid: {exc}. Reply with corrected JSON only."}]
            except Exception as exc:  # noqa: BLE001 - network, auth, timeout: the offline planner answers
                log.warning("LLM planner failed (%s); using the offline planner", type(exc).__name__)
                break
        return self.fallback.plan(text, now=now, context=context)

    async def aplan(self, text: str, *, now: datetime, context: PlanContext | None = None) -> Plan:
        """Async :meth:`plan` (``litellm.acompletion``), bounded by ``timeout_s``."""
        clean, _ = sanitise(text)
        if not clean.strip():
            return self.fallback.plan(text, now=now, context=context)
        messages = self._messages(clean, now, context)
        for attempt in range(2):
            try:
                content = await asyncio.wait_for(self._acall(messages), timeout=self.timeout_s + 1.0)
                return self._parse(content, clean, context)
            except InvalidPlanOutput as exc:
                log.info("LLM plan invalid (attempt %d): %s", attempt + 1, exc)
                messages = messages + [{"role": "assistant", "content": getattr(exc, "raw", "")},
                                       {"role": "user", "content": f"Invalid: {exc}. Reply with corrected JSON only."}]
            except Exception as exc:  # noqa: BLE001 - network, auth, timeout (TimeoutError): the offline planner answers
                log.warning("LLM planner failed (%s); using the offline planner", type(exc).__name__)
                break
        return self.fallback.plan(text, now=now, context=context)

    # ------------------------------------------------------------------ calls
    def _kwargs(self, messages: list[dict[str, str]]) -> dict[str, Any]:
        kwargs: dict[str, Any] = {"model": self.model, "messages": messages, "timeout": self.timeout_s,
                                  "temperature": 0, "num_retries": 0}
        mock = self._next_mock()
        if mock is not None:
            kwargs["mock_response"] = mock
            kwargs.update(self._mock_options)
        else:
            key = api_key_for(self.model)
            if key:
                kwargs["api_key"] = key
        return kwargs

    def _next_mock(self) -> str | None:
        if isinstance(self._mocks, list):
            return self._mocks.pop(0) if len(self._mocks) > 1 else (self._mocks[0] if self._mocks else None)
        return self._mocks

    def _call(self, messages: list[dict[str, str]]) -> str:
        litellm = _litellm()
        start = time.perf_counter()
        response = litellm.completion(**self._kwargs(messages))
        self._record(litellm, response, start)
        return response.choices[0].message.content or ""

    async def _acall(self, messages: list[dict[str, str]]) -> str:
        litellm = _litellm()
        start = time.perf_counter()
        response = await litellm.acompletion(**self._kwargs(messages))
        self._record(litellm, response, start)
        return response.choices[0].message.content or ""

    def _record(self, litellm: Any, response: Any, start: float) -> None:
        latency = (time.perf_counter() - start) * 1000.0
        usage = getattr(response, "usage", None)
        try:
            cost = float(litellm.completion_cost(completion_response=response) or 0.0)
        except Exception:  # noqa: BLE001 - model not in the local cost map
            cost = 0.0
        record = UsageRecord(model=self.model, prompt_tokens=int(getattr(usage, "prompt_tokens", 0) or 0),
                             completion_tokens=int(getattr(usage, "completion_tokens", 0) or 0),
                             cost_usd=cost, latency_ms=latency, agent=self.agent)
        if self.on_usage is not None:
            self.on_usage(record)

    # ---------------------------------------------------------------- prompt
    def _messages(self, text: str, now: datetime, context: PlanContext | None) -> list[dict[str, str]]:
        fields = "; ".join(f"{k}({', '.join(sorted(v))})" for k, v in ACTION_FIELDS.items())
        payload = {
            "today": now.date().isoformat(), "weekday": now.strftime("%A"),
            "stages": [s.label for s in self.index.stages],
            "record_in_view": context.target.model_dump() if context and context.target else None,
            "candidates": self._candidates(text, context),
            "instruction": text,
        }
        return [{"role": "system", "content": SYSTEM_PROMPT % fields},
                {"role": "user", "content": json.dumps(payload, ensure_ascii=False)}]

    def _candidates(self, text: str, context: PlanContext | None) -> list[dict[str, Any]]:
        idx = self.index
        out: list[dict[str, Any]] = []
        seen: set[tuple[str, int]] = set()

        def add(kind: MentionKind, rid: int) -> None:
            if (kind, rid) in seen or len(out) >= _MAX_CANDIDATES:
                return
            seen.add((kind, rid))
            item: dict[str, Any] = idx.target(kind, rid).model_dump()
            if kind == "contact":
                item["company"] = idx.contacts[rid].company_name
            elif kind == "deal":
                d = idx.deals[rid]
                item.update(stage=d.stage_label, open=d.is_open,
                            amount=d.amount_cents / 100 if d.amount_cents is not None else None)
            out.append(item)

        for m in idx.find_mentions(text):
            for rid in m.ids[:6]:
                add(m.kind, rid)
                if m.kind == "company":
                    for did in idx.deals_by_company.get(rid, ())[:4]:
                        add("deal", did)
                if m.kind == "contact":
                    for did in idx.deals_by_contact.get(rid, ())[:2]:
                        add("deal", did)
        if context and context.target and context.target.id.isdigit():
            rid, known = int(context.target.id), self._records(context.target.type)
            if known is not None and rid in known[1]:
                add(known[0], rid)
        return out

    def _records(self, kind: str) -> tuple[MentionKind, Mapping[int, object]] | None:
        """The record kind a target names and the index's records of that kind; None for a kind
        the index does not hold (a task)."""
        if kind == "contact":
            return "contact", self.index.contacts
        if kind == "company":
            return "company", self.index.companies
        if kind == "deal":
            return "deal", self.index.deals
        return None

    def _check_fields(self, action: Any) -> str | None:
        """Normalise stage labels in place; the reason a value is unusable, or None."""
        f = action.fields
        if "stage" in f:
            stage = self.index.stage_by_label(str(f["stage"]))
            if stage is None:
                return f"stage {f['stage']!r} is not one of {[s.label for s in self.index.stages]}"
            f["stage"] = stage.label
        if "amount" in f:
            if isinstance(f["amount"], bool) or not isinstance(f["amount"], (int, float)) or f["amount"] < 0:
                return f"amount must be a non-negative number, got {f['amount']!r}"
        for key in ("close_date", "due_date"):
            if key in f:
                try:
                    _date.fromisoformat(str(f[key]))
                except ValueError:
                    return f"{key} must be YYYY-MM-DD, got {f[key]!r}"
        if "time" in f and not re.fullmatch(r"[0-2]\d:[0-5]\d", str(f["time"])):
            return f"time must be HH:MM, got {f['time']!r}"
        return None

    # ----------------------------------------------------------------- parse
    def _parse(self, content: str, text: str, context: PlanContext | None) -> Plan:
        raw = content.strip()
        m = re.search(r"\{.*\}", raw, re.S)
        try:
            data = json.loads(m.group(0) if m else raw)
            if not isinstance(data, dict):
                raise ValueError("not a JSON object")
            data["transcript"] = text
            data.pop("requires_confirmation", None)  # recomputed by the Plan model
            plan = Plan.model_validate(data)
        except (ValueError, ValidationError) as exc:
            err = InvalidPlanOutput(str(exc).splitlines()[0][:300])
            err.raw = raw[:2000]
            raise err from exc
        ctx = context.target if context else None
        for action in plan.actions:
            t = action.target
            if t is None or (ctx is not None and t.type == ctx.type and t.id == ctx.id):
                continue
            known = self._records(t.type)
            if known is None or not t.id.isdigit() or int(t.id) not in known[1]:
                err = InvalidPlanOutput(f"unknown target {t.type}:{t.id}")
                err.raw = raw[:2000]
                raise err
            action.target = self.index.target(known[0], int(t.id))  # canonical display name
        for action in plan.actions:
            problem = self._check_fields(action)
            if problem:
                err = InvalidPlanOutput(problem)
                err.raw = raw[:2000]
                raise err
        if plan.clarifications:
            for action in plan.actions:
                if action.kind != "delete_record":
                    action.target = None  # never act on a guess while asking
            plan.actions = [a for a in plan.actions if a.kind != "delete_record"]
        plan.requires_confirmation = plan.requires_confirmation or plan.mutating or plan.destructive
        return plan


def make_planner(index: EntityIndex, llm_model: str | None = None, *, timeout_s: float = 8.0,
                 on_usage: Callable[[UsageRecord], None] | None = None) -> OfflinePlanner | LLMPlanner:
    """The planner the app should use: :class:`LLMPlanner` when ``llm_model`` is set (from
    ``Settings.llm_model`` / ``SPECTRUM_LLM_MODEL``), else the :class:`OfflinePlanner`.

    The LLM planner always wraps an offline planner over the same index as its fallback.
    """
    offline = OfflinePlanner(index)
    if not llm_model:
        return offline
    return LLMPlanner(llm_model, index, offline, on_usage=on_usage, timeout_s=timeout_s)
