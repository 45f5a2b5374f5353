"""The planner every entry point uses: offline by default, the LLM planner when
``SPECTRUM_LLM_MODEL`` is set, and always the compliance check (no outreach to do-not-contact
contacts) on the way out. LLM usage is metered into ``llm_calls`` for the cost panel."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from desktop.agents.compliance import check_plan
from desktop.domain.plan import Plan
from desktop.gc_pause import bulk_work
from desktop.store import queries
from desktop.store import schema as s
from desktop.store.db import Workspace

if TYPE_CHECKING:  # pragma: no cover
    from desktop.config import Settings
    from desktop.planner.offline import PlanContext


def record_usage(workspace: Workspace, usage: Any, run_id: int | None = None) -> None:
    """Store one LLM call's usage (:class:`desktop.planner.llm_planner.UsageRecord`) in llm_calls."""
    with workspace.uow() as uow:
        uow.session.add(s.LLMCall(at=datetime.utcnow(), agent=usage.agent, run_id=run_id, model=usage.model,
                                  prompt_tokens=usage.prompt_tokens, completion_tokens=usage.completion_tokens,
                                  cost_usd=usage.cost_usd, latency_ms=usage.latency_ms))
        uow.commit()


def yield_gil() -> None:
    """Let other Python threads run now (``time.sleep(0)`` releases the GIL): a worker doing long
    pure-Python work calls it every millisecond or so, so that the UI thread's next Python
    callback waits ~1 ms for the GIL instead of a full switch interval (5 ms) per callback."""
    time.sleep(0)


class WorkspacePlanner:
    """Plans against one workspace.

    Attributes:
        offline: the :class:`~desktop.planner.offline.OfflinePlanner` (instant; the UI shows its plan
            first). llm: the :class:`~desktop.planner.llm_planner.LLMPlanner` or None.
    """

    def __init__(self, workspace: Workspace, offline: Any, llm: Any | None = None) -> None:
        self.workspace = workspace
        self.offline = offline
        self.llm = llm

    @property
    def index(self) -> Any:
        """The workspace :class:`~desktop.planner.entity_index.EntityIndex`."""
        return self.offline.index

    def checked(self, plan: Plan) -> Plan:
        """``plan`` without outreach to do-not-contact / consent-withdrawn contacts (reason in
        ``plan.message``)."""
        with self.workspace.uow() as uow:
            return check_plan(plan, uow.session)

    def plan(self, text: str, *, now: datetime, context: PlanContext | None = None) -> Plan:
        """Plan ``text`` with the LLM when configured (it falls back to the offline planner on
        errors, invalid output or timeout), else offline; then the compliance check."""
        from desktop.outreach.drafts import fill_drafts, with_mailbox

        planner = self.llm or self.offline
        plan = planner.plan(text, now=now, context=with_mailbox(self.workspace, context))
        return self.checked(fill_drafts(self.workspace, plan))

    def plan_offline(self, text: str, *, now: datetime, context: PlanContext | None = None) -> Plan:
        """The instant offline plan (compliance-checked), whatever is configured."""
        from desktop.outreach.drafts import fill_drafts, with_mailbox

        plan = self.offline.plan(text, now=now, context=with_mailbox(self.workspace, context))
        return self.checked(fill_drafts(self.workspace, plan))


def for_settings(workspace: Workspace, settings: Settings) -> WorkspacePlanner:
    """:func:`build` with the LLM model, its timeout and the team from ``settings``."""
    return build(workspace, settings.llm_model, settings.llm_timeout_s, team=settings.team)


def build(workspace: Workspace, llm_model: str | None = None, timeout_s: float = 8.0,
          mock_response: Any = None, pause: Callable[[], None] | None = None,
          team: list[str] | tuple[str, ...] = ()) -> WorkspacePlanner:
    """A :class:`WorkspacePlanner` over a fresh entity index of ``workspace``.

    ``pause``: called every thousand rows read (:func:`desktop.store.queries.contacts` and co.) and
    every few hundred rows indexed (:meth:`desktop.planner.entity_index.EntityIndex.build`); the
    desktop passes :func:`yield_gil`. ``team``: the workspace's users (``Settings.team``)."""
    from desktop.planner.entity_index import (
        EntityIndex,  # lazy: the planner (~0.35 s) loads on the index-building worker, not at start-up
    )
    from desktop.planner.offline import OfflinePlanner

    step = pause or (lambda: None)
    with bulk_work():
        with workspace.uow() as uow:
            contacts = queries.contacts(uow.session, pause=pause)
            step()
            companies = queries.companies(uow.session, pause=pause)
            step()
            deals = queries.deals(uow.session, pause=pause)
            step()
            stages = queries.stages(uow.session)
            counts = queries.activity_counts(uow.session)
            per_contact = queries.contact_activity(uow.session)
            per_deal = queries.deal_activity(uow.session)
        index = EntityIndex.build(contacts, companies, deals, stages, pause=pause, users=team,
                                  activity_counts=counts, contact_activity=per_contact, deal_activity=per_deal)
    offline = OfflinePlanner(index)
    llm = None
    if llm_model:
        from desktop.planner.llm_planner import (
            LLMPlanner,  # lazy: litellm takes seconds to import; only with an LLM model
        )

        llm = LLMPlanner(llm_model, index, offline, on_usage=lambda u: record_usage(workspace, u),
                         timeout_s=timeout_s, mock_response=mock_response)
    return WorkspacePlanner(workspace, offline, llm)
