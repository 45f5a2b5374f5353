"""The desktop's backend facade: every read and write the Qt UI needs, as plain Python calls.

No Qt here. Every method is blocking and thread-safe (each call opens its own unit of work), so the
UI runs them on worker threads and receives the results through Qt signals. Writes return a
:class:`Change` naming what changed, which the UI re-broadcasts as its ``changed`` signal so panels
refresh from events instead of polling.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from desktop.config import Settings
from desktop.domain.describe import describe
from desktop.domain.models import StageRow
from desktop.domain.plan import Action, Plan, Target
from desktop.services.agents_facade import AgentsMixin
from desktop.services.change import SCOPES, Change  # noqa: F401  (re-exported)
from desktop.services.facades.activity import AuditRow
from desktop.services.facades.pipeline import DealCard, DealRow, StageColumn
from desktop.services.facades.plans import ActionView

if TYPE_CHECKING:  # pragma: no cover
    from desktop.services.planning import WorkspacePlanner
    from desktop.store.importer import ImportReport
    from desktop.voice.bias import Bias


class Backend(AgentsMixin):
    """Facade over the workspace, planner, executor, approvals, metrics and agent switches.

    Args:
        settings: process settings (data folder, models).
        workspace: an open :class:`desktop.store.db.Workspace`.
        now: clock returning naive local time for planning and reports (tests pin it).
    """

    def __init__(self, settings: Settings, workspace: Any, *, now: Callable[[], datetime] | None = None) -> None:
        self.settings = settings
        self.ws = workspace
        self._now = now or (lambda: datetime.now().replace(microsecond=0))
        self._planner: Any = None
        self._data_gen, self._built_gen = 1, 0  # workspace changes seen / index built from
        self._lock = threading.RLock()
        self._build_lock = threading.Lock()  # one index build at a time, outside ``_lock``
        self._revenue_cache: dict[str, Any] = {}  # "money": (key, money figures, MRR by month)
        self._import_child: Any = None

    @classmethod
    def open(cls, settings: Settings, *, seed_demo: bool = False,
             now: Callable[[], datetime] | None = None) -> Backend:
        """Open the workspace of ``settings`` (migrating it, and importing the demo workspace on
        first run when ``seed_demo``; :func:`desktop.store.workspace.open_configured`). The app's
        composition root builds its backend with :func:`desktop.bootstrap.build_backend`; tests
        and tools use this. Raises WorkspaceError."""
        from desktop.store.workspace import open_configured

        return cls(settings, open_configured(settings, seed_demo=seed_demo), now=now)

    def now(self) -> datetime:
        """The backend clock (naive local time)."""
        return self._now()

    def close(self) -> None:
        """Release database connections."""
        self.ws.dispose()

    # -- planning ----------------------------------------------------------------------------
    @property
    def _planner_dirty(self) -> bool:
        """True when the workspace changed since the planner's index was built. Writers set it
        to True (each time counts: a change during a build makes that build stale too); False
        declares the current planner up to date."""
        return self._built_gen != self._data_gen

    @_planner_dirty.setter
    def _planner_dirty(self, dirty: bool) -> None:
        if dirty:
            self._data_gen += 1
        else:  # the planner set by hand (tests) is current
            self._built_gen = self._data_gen

    def planner(self) -> Any:
        """The offline planner over a current entity index, rebuilt lazily after changes.

        The 1-3 s build runs outside :attr:`_lock` (under its own build lock: callers that need
        the planner wait for the one build in progress; the import child, ``cancel_import`` and the
        agents runtime do not), the new planner is swapped in under the lock and the old index is
        freed piecemeal (:meth:`_retire`). The build yields the GIL every ~1 ms
        (:func:`desktop.services.planning.yield_gil`): it runs on a worker thread of the UI process."""
        with self._lock:
            if self._planner is not None and not self._planner_dirty:
                return self._planner
        with self._build_lock:
            with self._lock:
                if self._planner is not None and not self._planner_dirty:
                    return self._planner
                gen, before = self._data_gen, self._planner
            from desktop.services import planning

            old: WorkspacePlanner | None
            planner = planning.build(self.ws, self.settings.llm_model, self.settings.llm_timeout_s,
                                     pause=planning.yield_gil, team=self.settings.team)
            with self._lock:
                if self._planner is not before:  # set by hand meanwhile (tests): that one wins
                    old, planner = planner, self._planner
                else:
                    old, self._planner, self._built_gen = self._planner, planner, gen
            before = None
        if old is not None:
            box, old = [old], None
            self._retire(box)
        return planner

    def refresh_planner(self) -> None:
        """Rebuild the planner's index now if the workspace changed since it was built (1-3 s on a
        170k-record workspace; call from a worker right after a change, so the next plan does not
        wait for the rebuild)."""
        if self._planner_dirty:
            self.planner()

    @staticmethod
    def _retire(box: list[Any]) -> None:
        """Free the replaced planner in ``box`` (its only holder) with its entity index emptied
        piecemeal (:meth:`EntityIndex.dispose`) when nothing else holds the planner; a plan still
        running on another thread keeps it whole (it is then freed at once when that plan ends)."""
        import sys

        from desktop.services import planning

        old = box.pop()
        # references: ``old`` here and getrefcount's argument
        index = getattr(old, "index", None) if sys.getrefcount(old) <= 2 else None
        # the index's holders: the offline planner, the LLM planner if any, ``index`` here, the argument
        holders = 3 + (getattr(getattr(old, "llm", None), "index", None) is index)
        if index is not None and hasattr(index, "dispose") and sys.getrefcount(index) <= holders:
            index.dispose(planning.yield_gil)

    #: Modules the first plan and its apply import lazily (compliance check, executor, transcription
    #: metering with the agents' loadouts and YAML, number words): imported by :meth:`warm_up` at startup, because
    #: importing them on a worker thread during the user's first utterance held the GIL and the
    #: import lock long enough to stall the UI thread for 50-90 ms (benchmarks/ui_bench.py stall).
    WARM_MODULES = ("desktop.agents.compliance", "desktop.agents.service", "desktop.store.executor",
                    "desktop.domain.describe", "text_to_num")

    def warm_up(self) -> None:
        """Import :data:`WARM_MODULES`, then build the planner's entity index (call from a worker
        at startup, never from the UI thread). The imports go first: they take ~0.2 s, the index
        1-3 s on a 170k-record workspace, and a first utterance during that build would otherwise
        also wait for (and compete with) the imports."""
        import importlib

        for name in self.WARM_MODULES:
            importlib.import_module(name)
        self.planner()

    def plan(self, text: str, context: Target | None = None) -> Plan:
        """Plan a typed or spoken instruction with the configured planner (the LLM when set, which
        falls back to the offline planner); never applies anything. Blocks for up to the LLM timeout."""
        from desktop.planner.offline import PlanContext

        return self.planner().plan(text, now=self.now(), context=PlanContext(target=context))

    def plan_offline(self, text: str, context: Target | None = None) -> Plan:
        """The instant offline plan (a few ms), whatever planner is configured."""
        from desktop.planner.offline import PlanContext

        return self.planner().plan_offline(text, now=self.now(), context=PlanContext(target=context))

    def has_llm(self) -> bool:
        """True when an LLM planner is configured (its plan may refine the offline one)."""
        return getattr(self.planner(), "llm", None) is not None

    def pick_candidate(self, plan: Plan, question: int, target: Target) -> Plan:
        """Answer clarification ``question`` of ``plan`` with ``target`` and plan again: the
        ambiguous name in the transcript is replaced by the candidate's full name."""
        from desktop.planner.replies import answered_instruction

        text = answered_instruction(plan, question, target.name)
        return self.plan(text, context=target)

    def stage_move_plan(self, deal_id: int, deal_name: str, stage: str) -> Plan:
        """The Plan a drag on the pipeline board stands for: update_deal stage -> ``stage``."""
        return Plan(transcript=f"Move {deal_name} to {stage}",
                    actions=[Action(kind="update_deal", target=Target(type="deal", id=str(deal_id), name=deal_name),
                                    fields={"stage": stage})])

    def plan_view(self, plan: Plan) -> list[ActionView]:
        """Readable rows for each action, with the targets' current values as the before side."""
        from desktop.store import queries

        views = []
        with self.ws.uow() as uow:
            for a in plan.actions:
                before: dict[str, Any] = {}
                t = a.target
                if t is not None and t.id.isdigit() and a.kind in ("update_deal", "update_contact"):
                    if t.type == "deal":
                        deals = queries.deals(uow.session, ids=[int(t.id)], with_contacts=False)
                        if deals:
                            d = deals[0]
                            before = {"stage": d.stage_label, "amount": None if d.amount_cents is None
                                      else d.amount_cents / 100, "close_date": d.close_date and d.close_date.isoformat(),
                                      "competitor": d.competitor, "next_step": d.next_step}
                    elif t.type == "contact":
                        contacts = queries.contacts_by_ids(uow.session, [int(t.id)])
                        if contacts:
                            c = contacts[0]
                            before = {"first_name": c.first_name, "last_name": c.last_name, "email": c.email,
                                      "phone": c.phone, "job_title": c.job_title, "company": c.company_name,
                                      "do_not_contact": c.do_not_contact}
                changes = [(k.replace("_", " "), before.get(k), v) for k, v in a.fields.items()] \
                    if a.kind.startswith("update_") else []
                views.append(ActionView(describe(a, before), a.kind, a.destructive, a.read_only,
                                        (t.type, t.id, t.name) if t else None, changes))
        views += [ActionView(describe(a, {}), a.kind, a.destructive, a.read_only, None, [], pending=True)
                  for a in plan.pending]
        return views

    def results(self, plan: Plan) -> Any:
        """What a read-only plan shows (:class:`desktop.services.results.Results`: sentence, rows,
        filters kept), executed read-only; None for a plan that changes data or asks a question."""
        from desktop.services.results import results_for

        return results_for(self.ws, plan, self.now().date())

    # -- writes --------------------------------------------------------------------------------
    def apply(self, plan: Plan, source: str = "text", confirmed_destructive: bool = False) -> Change:
        """Apply a confirmed plan. Raises PlanRejected / NeedsConfirmation / ComplianceBlocked."""
        from desktop.store.executor import apply_plan

        applied = apply_plan(self.ws, plan, actor="user", source=source, now=datetime.utcnow(),
                             confirmed_destructive=confirmed_destructive)
        self._planner_dirty = True
        return self._change_from(applied.changes, applied.audit_id, plan.transcript)

    def undo(self) -> Change:
        """Revert the newest applied plan. Raises NothingToUndo / PlanRejected."""
        import json

        from desktop.store import schema as s
        from desktop.store.executor import undo_last

        audit_id = undo_last(self.ws)
        self._planner_dirty = True
        with self.ws.uow() as uow:
            entry = uow.session.get(s.AuditEntry, audit_id)
            changes = json.loads(entry.payload).get("changes", [])
            summary = entry.summary
        return self._change_from(changes, audit_id, summary)

    @staticmethod
    def _change_from(changes: list[dict], audit_id: int, summary: str) -> Change:
        deals = {c["id"] for c in changes if c.get("entity") == "deal"}
        only_updates = all(c.get("op") == "update" for c in changes if c.get("entity") == "deal")
        return Change(frozenset({"crm", "audit", "sync"}), tuple(sorted(deals)) if only_updates else None,
                      audit_id, summary)

    def import_paths(self, paths: list[str | Path], progress: Callable[[str, int, int, int], None] | None = None,
                     *, strict: bool = False, in_process: bool = False) -> tuple[ImportReport, Change]:
        """Import CSV exports (see :func:`desktop.store.importer.import_paths`) in a child process
        (:mod:`desktop.cli.import_worker`, so the UI process keeps its GIL and heap to itself);
        ``progress(file name, bytes done, bytes total, rows read)`` is called on a reader thread.
        Blocks until the child exits; :meth:`cancel_import` stops it (one transaction: nothing is
        written). ``in_process=True`` imports in this process instead. Returns (ImportReport, Change).
        Raises ImportFailed (also when cancelled or when the child dies) / WorkspaceError."""
        from desktop.store.importer import ImportFailed, ImportReport, import_paths

        if in_process:
            report = import_paths(self.ws, paths, strict=strict, progress=progress)  # pauses cyclic GC itself
        else:
            from desktop.services.child import ChildProcess, child_env

            got: dict[str, Any] = {}

            def on_line(msg: dict[str, Any]) -> None:
                if "progress" in msg and progress is not None:
                    progress(*msg["progress"])
                else:
                    got.update(msg)

            env = child_env()
            env["SPECTRUM_DATABASE_URL"] = self.settings.resolved_database_url()
            argv = [sys.executable, "-m", "desktop.cli.import_worker", "--data-dir", str(self.settings.data_dir),
                    *(["--strict"] if strict else []), "--", *[str(p) for p in paths]]
            child = ChildProcess(argv, on_line=on_line, env=env)
            with self._lock:
                self._import_child = child
            try:
                child.start()
                code = child.wait()
            finally:
                with self._lock:
                    self._import_child = None
            if child.cancelled and "report" not in got:
                raise ImportFailed("Import cancelled; nothing was imported")
            if "error" in got:
                raise ImportFailed(got["error"], got.get("problems") or [])
            if code != 0 or "report" not in got:
                raise ImportFailed(f"the import process failed (exit {code}): {child.error_text() or 'no output'}")
            d = got["report"]
            report = ImportReport(created=dict(d["created"]), updated=dict(d["updated"]),
                                  skipped=dict(d["skipped_by_layout"]), problems=list(d["problems"]),
                                  warnings=list(d.get("warnings", [])),
                                  files=[(f["path"], f["layout"]) for f in d["files"]])
        self._planner_dirty = True
        self._revenue_cache.clear()
        return report, Change(frozenset({"crm", "audit"}), None, None, f"Imported {report.imported} rows")

    def cancel_import(self) -> bool:
        """Stop a running child-process import (nothing is written). True when one was running."""
        with self._lock:
            child = getattr(self, "_import_child", None)
        if child is None:
            return False
        child.cancel()
        return True

    # -- approvals ----------------------------------------------------------------------------
    def approvals(self) -> list[Any]:
        """Pending approvals (:class:`desktop.store.approvals.PendingApproval`), oldest first."""
        from desktop.store import approvals

        return approvals.list_approvals(self.ws)

    def submit(self, plan: Plan, source: str) -> Change:
        """Queue ``plan`` for a decision later."""
        from desktop.store import approvals

        approvals.submit(self.ws, plan, source=source)
        return Change(frozenset({"approvals"}))

    def approve(self, approval_id: int, edited: Plan | None = None, confirmed_destructive: bool = False) -> Change:
        """Apply a pending plan. Raises PlanRejected (subclasses)."""
        from desktop.store import approvals

        applied = approvals.approve(self.ws, approval_id, edited=edited, confirmed_destructive=confirmed_destructive)
        self._planner_dirty = True
        ch = self._change_from(applied.changes, applied.audit_id, f"Approved #{approval_id}")
        return Change(ch.scopes | {"approvals"}, ch.deal_ids, ch.audit_id, ch.summary)

    def update_approval(self, approval_id: int, plan: Plan) -> Change:
        """Save an edited plan back to a pending approval (applies nothing). Raises ApprovalNotFound."""
        from desktop.store import approvals

        approvals.update_plan(self.ws, approval_id, Plan.model_validate(plan.model_dump()))
        return Change(frozenset({"approvals"}))

    def reject(self, approval_id: int) -> Change:
        """Reject a pending plan."""
        from desktop.store import approvals

        approvals.reject(self.ws, approval_id)
        return Change(frozenset({"approvals"}))

    def reject_many(self, approval_ids: list[int]) -> Change:
        """Reject each pending plan of ``approval_ids`` (ones no longer pending are skipped)."""
        from desktop.store import approvals
        from desktop.store.approvals import ApprovalNotFound

        for i in approval_ids:
            try:
                approvals.reject(self.ws, i)
            except ApprovalNotFound:
                continue
        return Change(frozenset({"approvals"}))

    def approve_all_safe(self) -> tuple[list[int], list[tuple[int, str]], Change]:
        """Approve every non-destructive pending plan without open questions."""
        from desktop.store import approvals

        done, skipped = approvals.approve_all_safe(self.ws)
        self._planner_dirty = True
        return done, skipped, Change(frozenset({"approvals", "crm", "audit", "sync"}))

    # -- MCP access (``spectrum mcp``) ---------------------------------------------------------
    def mcp_access(self) -> dict[str, Any]:
        """{"enabled": bool (False = the kill switch "MCP access: off"), "daily_budget": calls per
        client per UTC day, "calls_today": {client name: calls served today}}."""
        from desktop.store import mcp_access

        with self.ws.uow() as uow:
            state = mcp_access.access_state(uow.session)
            today = mcp_access.calls_by_client_today(uow.session, datetime.utcnow())
        return {"enabled": state.enabled, "daily_budget": state.daily_budget, "calls_today": today}

    def set_mcp_access(self, enabled: bool) -> Change:
        """Turn MCP access on or off (audited); running MCP servers refuse the next call when off."""
        from desktop.store import mcp_access

        mcp_access.set_access(self.ws, enabled)
        return Change(frozenset({"settings", "audit"}))

    def set_mcp_budget(self, calls: int) -> Change:
        """Set the calls each MCP client may make per UTC day (audited). Raises ValueError out of 1..1,000,000."""
        from desktop.store import mcp_access

        mcp_access.set_daily_budget(self.ws, calls)
        return Change(frozenset({"settings", "audit"}))

    def record_transcription(self, audio_s: float, decode_s: float, cpu_s: float = 0.0) -> Change:
        """Meter one local transcription (seconds) for the Costs panel."""
        from desktop.agents.service import record_transcription

        record_transcription(self.ws, audio_s, decode_s, cpu_s)
        return Change(frozenset({"costs"}))

    def run_steps(self, run_id: int) -> list[dict[str, Any]]:
        """The step log of a chain run."""
        from desktop.store import series

        with self.ws.uow() as uow:
            return series.chain_steps(uow.session, run_id)

    # -- reads ---------------------------------------------------------------------------------
    def stages(self) -> list[StageRow]:
        """Every stage in pipeline order."""
        from desktop.store import queries

        with self.ws.uow() as uow:
            return queries.stages(uow.session)

    def board(self, per_stage: int = 60) -> list[StageColumn]:
        """The pipeline board: one column per stage with count, total and the largest deals."""
        from desktop.store import metrics, queries, series

        with self.ws.uow() as uow:
            stages = queries.stages(uow.session)
            agg = {r["stage_id"]: r for r in metrics.deals_by_stage(uow.session)}
            cards = series.board_cards(uow.session, per_stage)
        return [StageColumn(st, agg.get(st.id, {}).get("count", 0), agg.get(st.id, {}).get("amount") or 0.0,
                            cast(list[DealCard], cards.get(st.id, []))) for st in stages]

    def deal_rows(self, ids: list[int] | None = None, search: str = "", stage_id: int | None = None,
                  limit: int | None = None) -> list[DealRow]:
        """Rows of the deals table (see :func:`desktop.store.series.deal_rows`)."""
        from desktop.store import series

        with self.ws.uow() as uow:
            return cast(list[DealRow], series.deal_rows(uow.session, ids=ids, search=search, stage_id=stage_id,
                                                        limit=limit))

    def record(self, kind: str, local_id: int) -> dict[str, Any]:
        """A deal, contact or company with activities, tasks and associations, plus ``notes``
        (voice notes attached to it). Raises RecordNotFound."""
        from desktop.store import queries

        with self.ws.uow() as uow:
            data = queries.show(uow.session, kind, str(local_id))
        data["kind"] = kind
        data["notes"] = [n for n in self.notes_list() if n.attached_type == kind and n.attached_id == local_id]
        return data

    def revenue(self) -> dict[str, Any]:
        """Every revenue figure (:func:`desktop.store.metrics.report`) plus ``mrr_series`` and
        ``won_series`` ([(YYYY-MM, major units)], last 12 months).

        The subscription/expense figures (MRR, burn, MRR by month; ~50 ms on the synthetic
        workspace) are cached per day under :func:`desktop.store.metrics.money_inputs_fingerprint`,
        so a refresh after a deal change only re-reads the deal figures."""
        from desktop.store import metrics, series

        now = self.now()
        with self.ws.uow() as uow:
            key = (now.date(), metrics.money_inputs_fingerprint(uow.session))
            cached = self._revenue_cache.get("money")
            if cached is None or cached[0] != key:
                cached = (key, metrics.money_figures(uow.session, now), series.mrr_by_month(uow.session, now))
                self._revenue_cache["money"] = cached
            data = metrics.report(uow.session, now, money=cached[1])
            data["mrr_series"] = list(cached[2])
            data["won_series"] = series.closed_won_by_month(uow.session, now)
        return data

    def costs(self, days: int = 30) -> dict[str, Any]:
        """{"llm": :func:`series.llm_costs`, "transcription": :func:`series.transcription_totals`,
        "budgets": agents' spend today vs budget [{agent, spend_usd, budget_usd}], "days": days}."""
        from desktop.store import series

        since = self.now() - timedelta(days=days)
        with self.ws.uow() as uow:
            llm = series.llm_costs(uow.session, since)
            tr = series.transcription_totals(uow.session, since)
        agents = self.agents()["agents"]
        return {"llm": llm, "transcription": tr, "days": days,
                "budgets": [{"agent": a["name"], "spend_usd": a["spend_usd"], "budget_usd": a["budget_usd"]}
                            for a in agents]}

    def audit(self, limit: int = 300) -> list[AuditRow]:
        """Newest audit entries first."""
        from desktop.store import queries

        with self.ws.uow() as uow:
            return cast(list[AuditRow], queries.recent_audit(uow.session, limit))

    def status(self) -> dict[str, Any]:
        """{"pending_approvals": int, "outbox": counts by status (pending, retrying, sent, dead),
        "held": {"count", "reasons"} (changes held back from the CRM and why), "conflicts": open
        sync conflicts, "global_kill": bool}."""
        from desktop.store import outbox, queries, series

        with self.ws.uow() as uow:
            return {"pending_approvals": queries.pending_approvals_count(uow.session),
                    "outbox": series.outbox_status(uow.session),
                    "held": {"count": outbox.held_count(uow.session),
                             "reasons": outbox.held_reasons(uow.session)},
                    "conflicts": series.open_conflicts(uow.session),
                    "global_kill": series.global_kill(uow.session)}

    def stage_mappings(self) -> list[dict[str, Any]]:
        """Local stages with no CRM stage (their moves are held), with the CRM stages to map them
        to: see :func:`desktop.store.sync_state.unmapped_stages`."""
        from desktop.store.sync_state import unmapped_stages

        with self.ws.uow() as uow:
            return unmapped_stages(uow.session)

    def map_stage(self, crm: str, stage: str, crm_stage: str, pipeline: str | None = None) -> Change:
        """Map a local stage to a CRM stage (audited); held moves go out with the next sync.
        Raises RecordNotFound."""
        from desktop.store.sync_state import map_stage

        res = map_stage(self.ws, crm, stage, crm_stage, pipeline=pipeline)
        return Change(frozenset({"sync", "audit"}), None, None,
                      f"{res['stage']} mapped; {res['released']} held change(s) go out next sync")

    def record_choices(self, text: str) -> list[tuple[str, int, str]]:
        """Deals and contacts matching ``text`` (for attaching notes)."""
        from desktop.store import series

        with self.ws.uow() as uow:
            return series.record_choices(uow.session, text)

    def vocabulary(self) -> list[str]:
        """Names that bias transcription."""
        from desktop.store import queries

        with self.ws.uow() as uow:
            return queries.vocabulary(uow.session)

    def voice_bias(self) -> Bias:
        """The speech model's CRM bias (:class:`desktop.voice.bias.Bias`: hotwords, prompt and the
        name-correction lexicon) from :meth:`vocabulary`. Call it off the UI thread: building the
        corrector's index takes tens of ms on a large workspace."""
        from desktop.voice.bias import build_bias

        return build_bias(self.vocabulary())

    # -- secrets (OS keyring only; never the database) ------------------------------------------
    def save_llm_key(self, model: str, key: str) -> None:
        """Store the API key for the LLM provider of litellm string ``model`` (e.g. ``gpt-4o-mini``,
        ``anthropic/claude-3-5-haiku``) in the OS keyring, where the LLM planner reads it
        (service ``spectrum``, username = the provider's key variable, e.g. ``OPENAI_API_KEY``).
        Raises keyring.errors.KeyringError; ValueError for a provider that takes no key."""
        import keyring

        from desktop.planner.llm_planner import KEYRING_SERVICE, provider_key_var

        var = provider_key_var(model)
        if var is None:
            raise ValueError(f"{model} needs no API key")
        keyring.set_password(KEYRING_SERVICE, var, key.strip())

    def has_llm_key(self, model: str) -> bool:
        """True when a key is stored for ``model``'s provider (False if the keyring is unavailable)."""
        import keyring

        from desktop.planner.llm_planner import KEYRING_SERVICE, provider_key_var

        try:
            var = provider_key_var(model) if model else None
            return var is not None and keyring.get_password(KEYRING_SERVICE, var) is not None
        except Exception:  # noqa: BLE001 - no keyring backend: report "no key"
            return False

    def crm_connections(self) -> dict[str, bool]:
        """{"hubspot": connected?, "pipedrive": connected?} (a token is in the keyring)."""
        from desktop.sync import credentials

        return {p: credentials.load_token(p) is not None for p in credentials.PROVIDERS}

    def save_crm_token(self, provider: str, token: str) -> Change:
        """Store a CRM token in the OS keyring (see :mod:`desktop.sync.credentials`)."""
        from desktop.sync import credentials

        credentials.save_token(provider, token)
        return Change(frozenset({"sync", "settings"}))

    def sync_argv(self, interval_s: float = 60.0, sandbox: bool = False) -> list[str] | None:
        """The command of the long-running background sync child (``spectrum sync --watch
        --interval S``: one JSON status line per pass, see :mod:`desktop.cli.sync`),
        or None when no CRM is connected and ``sandbox`` is off (``--sandbox``: the local CRM
        emulator with a throw-away state; the workspace is not touched)."""
        from desktop.services.child import desktop_command

        if not sandbox and not any(self.crm_connections().values()):
            return None
        return desktop_command(self.settings.data_dir, "sync", "--watch", "--interval", f"{interval_s:g}",
                               *(["--sandbox"] if sandbox else []))

    def sync_change(self, result: dict[str, Any]) -> Change | None:
        """The :class:`Change` a background sync pass stands for (``result``: one JSON line of
        ``spectrum sync --json``): crm+audit+sync when the pull changed records, sync otherwise
        (outbox counts moved); None for an error line that changed nothing. ``result``: one
        CRM's entry of a ``--watch`` cycle line (or a ``--json`` line)."""
        pulled = result.get("pulled") or {}
        archived = result.get("archived") or {}
        if isinstance(archived, dict):  # {object type: count}; older lines listed every type with 0
            archived = sum(int(v or 0) for v in archived.values())
        if any(pulled.values()) or archived:
            self._planner_dirty = True
            return Change(frozenset({"crm", "audit", "sync"}), None, None,
                          f"Synced from {result.get('crm', 'CRM')}")
        if "sent" in result or "new_conflicts" in result:
            return Change(frozenset({"sync"}))
        return None

    def input_devices(self) -> list[str]:
        """Input device names PortAudio sees."""
        from desktop.voice.capture import list_input_devices

        return list_input_devices()

    # -- notes (the voice engineer's NotesService is attached by the UI composition root) --------
    notes_service: Any = None

    def notes_list(self) -> list[Any]:
        """Voice notes (:class:`desktop.voice.notes.NoteInfo`), newest first; [] without a service."""
        if self.notes_service is None:
            return []
        return list(reversed(self.notes_service.list_notes()))

    def notes_rows(self) -> list[dict[str, Any]]:
        """Notes as table rows: id, state, created (local display), duration_s, attached (name),
        transcript text, error, info (the NoteInfo)."""
        rows = []
        for n in self.notes_list():
            rows.append({"id": n.id, "state": n.state, "created": n.created_at.replace("T", " ")[:16],
                         "duration_s": round(n.duration, 1),
                         "attached": self.attached_name(n.attached_type, n.attached_id) or "",
                         "transcript": n.transcript.text if n.transcript else "", "error": n.error or "",
                         "activity": self._note_activity(n), "plan": self._note_plan(n), "info": n})
        return rows

    @staticmethod
    def _note_activity(n: Any) -> str:
        w = n.work
        if w is None:
            return "" if n.state != "done" else "processing…"
        return {"logged": w.activity or "logged", "needs_record": "needs a record: attach it",
                "failed": f"not logged: {w.error}"}.get(w.state, "")

    @staticmethod
    def _note_plan(n: Any) -> str:
        w = n.work
        if w is None or w.state != "logged":
            return ""
        if w.approval_id is not None:
            return f"Approval #{w.approval_id}: " + "; ".join(w.plan)
        return w.plan_note or ""

    def attach_note(self, note_id: str, kind: str, local_id: int) -> Change:
        """Attach a voice note to a deal or contact chosen by the user (rewrites its manifest
        atomically); a transcribed note not logged yet is then logged on it (:meth:`process_note`)."""
        svc = self.notes_service
        info = svc.update(note_id, attached_type=kind, attached_id=local_id, attached_by_user=True)
        if info.state == "done" and (info.work is None or info.work.state != "logged"):
            return self.process_note(note_id)
        return Change(frozenset({"notes"}))

    def process_note(self, note_id: str) -> Change:
        """Log transcribed note ``note_id`` as an activity (a Plan through the executor) and queue the
        Post-call agent's follow-ups in Approvals (:func:`desktop.services.note_work.process_note`).
        Returns a Change (notes, crm, audit, sync, approvals). Raises NoteNotFound."""
        from desktop.services.note_work import process_note

        info = process_note(self.ws, self.notes_service, note_id, planner=self.planner(),
                            agents=self.agent_service(), now=self.now())
        if info is not None and info.work is not None and info.work.state == "logged":
            self._planner_dirty = True
            return Change(frozenset({"notes", "crm", "audit", "sync", "approvals"}), None, info.work.audit_id,
                          info.work.activity or "Note logged")
        return Change(frozenset({"notes"}))

    def process_pending_notes(self) -> Change:
        """Process every transcribed note not processed yet (notes finished while the app was closed)."""
        from desktop.services.note_work import pending_notes

        scopes: set[str] = {"notes"}
        for note_id in pending_notes(self.notes_service) if self.notes_service is not None else []:
            scopes |= self.process_note(note_id).scopes
        return Change(frozenset(scopes))

    def attached_name(self, kind: str | None, local_id: int | None) -> str | None:
        """Display name of a note's attachment."""
        from desktop.store import series

        if not kind or local_id is None:
            return None
        with self.ws.uow() as uow:
            return series.display_name(uow.session, kind, local_id)
