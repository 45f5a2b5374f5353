"""The per-panel facades (:mod:`desktop.services.facades`) return typed results from a real
workspace: each query runs through the call port (here a synchronous one) and reaches ``done``
as frozen dataclasses and typed row dicts; commands return the backend's Change."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import FrozenInstanceError
from datetime import datetime
from typing import Any

import pytest

from desktop.config import Settings
from desktop.domain.models import StageRow
from desktop.domain.plan import Plan
from desktop.services.backend import Backend
from desktop.services.change import Change
from desktop.services.facades.activity import ActivityFacade
from desktop.services.facades.agents import AgentDetail, AgentsFacade, AgentsOverview
from desktop.services.facades.approvals import ApprovalsFacade
from desktop.services.facades.command import CommandFacade, HeldChanges, PlannedInstruction, StatusCounts
from desktop.services.facades.costs import AgentBudget, CostsFacade, CostsReport, LlmCosts, TranscriptionTotals
from desktop.services.facades.notes import NotesFacade
from desktop.services.facades.pipeline import PipelineFacade, StageColumn
from desktop.services.facades.plans import ActionView, PendingPlan, Results, SafeApprovals
from desktop.services.facades.revenue import RevenueFacade, RevenueReport
from desktop.services.facades.settings import McpAccess, SettingsFacade, SettingsInForce

NOW = datetime(2026, 11, 21, 9, 0)


class SyncPort:
    """A :class:`~desktop.services.facades.port.CallPort` that runs the work at once on this thread
    and records what it was asked (reads, writes, changes broadcast, panels refreshed)."""

    def __init__(self) -> None:
        self.reads = self.writes = 0
        self.changes: list[Change] = []
        self.refreshed: list[str] = []
        self.watched: list[tuple[Any, set[str]]] = []

    def _run(self, fn: Callable[[], Any], done: Any, error: Any) -> Any:
        try:
            result = fn()
        except Exception as exc:  # handed to the error callback, as the bridge does
            if error is None:
                raise
            error(exc)
            return None
        if done is not None:
            done(result)
        return result

    def read(self, fn, *, done=None, error=None) -> None:
        self.reads += 1
        self._run(fn, done, error)

    def write(self, fn, *, done=None, error=None) -> None:
        self.writes += 1
        result = self._run(fn, done, error)
        change = result if isinstance(result, Change) else next(
            (r for r in result if isinstance(r, Change)), None) if isinstance(result, tuple) else None
        if change is not None:
            self.changes.append(change)

    def call(self, fn, *, done=None, error=None, write=False) -> None:
        self._run(fn, done, error)

    def on_change(self, panel, slot, scopes) -> None:
        self.watched.append((panel, scopes))

    def panel_refreshed(self, name: str) -> None:
        self.refreshed.append(name)


def got(query: Callable[..., None], *args: Any, **kwargs: Any) -> Any:
    """The result a facade query delivers to ``done`` (its last positional argument)."""
    out: list[Any] = []
    query(*args, out.append, **kwargs)
    assert len(out) == 1
    return out[0]


@pytest.fixture
def backend(workspace, tmp_path):
    return Backend(Settings(data_dir=tmp_path), workspace, now=lambda: NOW)


@pytest.fixture
def port():
    return SyncPort()


def test_pipeline_facade_returns_typed_columns_and_rows(backend, port):
    facade = PipelineFacade(backend, port)
    cols = got(facade.board)
    assert cols and all(isinstance(c, StageColumn) and isinstance(c.stage, StageRow) for c in cols)
    assert sum(c.count for c in cols) == len(backend.deal_rows())
    with pytest.raises(FrozenInstanceError):
        cols[0].count = 0  # type: ignore[misc]
    card = next(card for c in cols for card in c.cards)
    assert set(card) == {"id", "name", "company", "amount", "close_date", "last_activity"}
    rows = got(facade.deal_rows, limit=3)
    assert 0 < len(rows) <= 3 and {"id", "name", "stage", "amount", "open"} <= set(rows[0])
    one = got(facade.deal_rows, ids=[rows[0]["id"]])
    assert [r["id"] for r in one] == [rows[0]["id"]]
    assert port.reads == 3
    facade.refreshed()
    assert port.refreshed == ["pipeline"]


def test_revenue_facade_returns_a_typed_report(backend, port):
    report = got(RevenueFacade(backend, port).report)
    assert isinstance(report, RevenueReport)
    raw = backend.revenue()
    assert report.weighted_pipeline == raw["weighted_pipeline"] and report.mrr == raw["mrr"]
    assert report.arr == pytest.approx(report.mrr * 12, abs=0.12)  # each rounded to cents on its own
    assert len(report.mrr_series) == 12 and all(isinstance(m, str) and len(m) == 7 for m, _ in report.mrr_series)
    assert {s["stage"] for s in report.deals_by_stage} == {c.stage.label for c in backend.board()}
    assert report.stale_deals_count >= len(report.stale_deals)


def test_costs_facade_returns_a_typed_report(backend, port):
    backend.record_transcription(12.0, 3.0, 2.5)
    report = got(CostsFacade(backend, port).report, days=7)
    assert isinstance(report, CostsReport) and report.days == 7
    assert isinstance(report.llm, LlmCosts) and isinstance(report.transcription, TranscriptionTotals)
    assert report.transcription.runs == 1 and report.transcription.audio_s == 12.0
    assert report.transcription.rtf == pytest.approx(0.25)
    assert report.transcription.per_day[0]["runs"] == 1
    assert all(isinstance(b, AgentBudget) and b.budget_usd > 0 for b in report.budgets)


def test_activity_facade_returns_the_audit_timeline(backend, port):
    rows = got(ActivityFacade(backend, port).timeline, limit=5)
    assert 0 < len(rows) <= 5
    assert set(rows[0]) == {"id", "at", "actor", "kind", "summary"}
    assert [r["id"] for r in rows] == sorted((r["id"] for r in rows), reverse=True)


def test_agents_facade_returns_typed_agents_and_its_switches_broadcast_changes(backend, port):
    facade = AgentsFacade(backend, port)
    overview = got(facade.overview)
    assert isinstance(overview, AgentsOverview) and overview.global_kill is False
    facade.set_global_kill(True)
    assert port.changes[-1].scopes == {"agents", "audit"}
    assert got(facade.overview).global_kill is True
    assert all(a["state"] == "killed" for a in got(facade.overview).agents)
    facade.set_global_kill(False)
    assert got(facade.overview).global_kill is False
    name = overview.agents[0]["name"] if overview.agents else "ghostbuster"
    detail = got(facade.detail, name)
    assert isinstance(detail, AgentDetail) and isinstance(detail.runs, list) and isinstance(detail.chat, list)


def test_approvals_facade_returns_typed_pending_plans_and_decides(backend, port):
    facade = ApprovalsFacade(backend, port)
    assert got(facade.pending) == []
    deal = backend.deal_rows(limit=1)[0]
    backend.submit(backend.stage_move_plan(deal["id"], deal["name"], "Negotiation"), "ui")
    (item,) = got(facade.pending)
    assert isinstance(item, PendingPlan) and item.source == "ui" and item.plan.actions[0].kind == "update_deal"
    (view,) = got(facade.plan_view, item.plan)
    assert isinstance(view, ActionView) and view.changes[0][0] == "stage" and view.changes[0][2] == "Negotiation"
    stages, views = got(facade.editor_data, item.plan)
    assert all(isinstance(s, StageRow) for s in stages) and views == [view]
    result = got(facade.approve_all_safe)
    assert isinstance(result, SafeApprovals) and result.approved == [item.id] and result.skipped == []
    assert "crm" in port.changes[-1].scopes
    assert backend.deal_rows(ids=[deal["id"]])[0]["stage"] == "Negotiation"
    assert got(facade.pending) == []


def test_notes_facade_returns_typed_rows_attaches_and_plays(backend, port, tmp_path):
    import numpy as np

    from desktop.voice.notes import NotesService

    facade = NotesFacade(backend, port)
    assert got(facade.rows) == []  # no notes service yet
    played: list[int] = []
    backend.notes_service = NotesService(tmp_path / "voice", None, player=lambda audio, rate: played.append(len(audio)))
    writer = backend.notes_service.start_recording()
    writer.write(np.zeros(8000, np.float32))
    writer.finish()
    (row,) = got(facade.rows)
    assert row["id"] == writer.id and row["attached"] == "" and row["duration_s"] == 0.5
    deal = backend.deal_rows(limit=1)[0]
    kind, ident, name = next(c for c in got(facade.record_choices, deal["name"]) if c[0] == "deal")
    facade.attach(row["id"], kind, ident)
    assert port.changes[-1].scopes == {"notes"}  # not transcribed yet: nothing to log
    (row,) = got(facade.rows)
    assert row["attached"] == name
    facade.play(row["id"])
    assert played == [8000]


def test_settings_facade_returns_typed_settings_and_mcp_access(backend, port, tmp_path):
    facade = SettingsFacade(backend, port)
    assert facade.in_force == SettingsInForce(backend.settings.model, backend.settings.llm_model, tmp_path)
    access = got(facade.mcp_access)
    assert isinstance(access, McpAccess) and access.enabled and access.calls_today == {}
    facade.set_mcp_budget(7, done=lambda _c: None, error=pytest.fail)
    facade.set_mcp_access(False, done=lambda _c: None, error=pytest.fail)
    assert got(facade.mcp_access) == McpAccess(enabled=False, daily_budget=7, calls_today={})
    assert [c.scopes for c in port.changes] == [{"settings", "audit"}] * 2
    assert got(facade.stage_mappings) == []  # no CRM connected: nothing is held
    assert got(facade.crm_connections).keys() == {"hubspot", "pipedrive"}


def test_command_facade_plans_applies_undoes_and_reports_typed_status(backend, port):
    facade = CommandFacade(backend, port)
    failed: list[BaseException] = []
    deal = backend.deal_rows(limit=1)[0]
    planned = got(facade.stage_move, deal["id"], deal["name"], "Negotiation")
    assert isinstance(planned, PlannedInstruction) and planned.refine is False
    assert planned.views[0].changes[0][2] == "Negotiation"
    typed = got(facade.plan, f"Move {deal['name']} to Negotiation", None, error=failed.append)
    assert isinstance(typed.plan, Plan) and typed.plan.actions and not failed
    change = got(facade.apply, planned.plan, "ui", False, error=failed.append)
    assert isinstance(change, Change) and deal["id"] in (change.deal_ids or ()) and port.changes == [change]
    status = got(facade.status)
    assert isinstance(status, StatusCounts) and isinstance(status.held, HeldChanges)
    assert status.global_kill is False and status.pending_approvals == 0
    undone = got(facade.undo, error=failed.append)
    assert undone.audit_id is not None and not failed
    assert backend.deal_rows(ids=[deal["id"]])[0]["stage"] == deal["stage"]
    detail = got(facade.record, "deal", deal["id"], error=failed.append)
    assert detail["kind"] == "deal" and detail["name"] == deal["name"]
    question = got(facade.plan, "How many deals are in Negotiation?", None, error=failed.append).plan
    results = got(facade.results, question, error=failed.append)
    assert isinstance(results, Results) and results.object == "deal"
    assert facade.now() == NOW and facade.approvals_signal_path.name == "approvals.signal"
