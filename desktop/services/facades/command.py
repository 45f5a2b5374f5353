"""The command facade: what the command bar, the Plan card and the window around them ask of the
workspace. An instruction (typed, spoken, or a drag on the pipeline board) is planned, shown with
its readable actions, answered read-only when it is a question, applied or queued for approval, and
undone; the status bar's counts, a record's details, voice-note processing, the speech model's CRM
bias and CSV imports go through here too."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from desktop.domain.models import StageRow
from desktop.domain.plan import Plan, Target
from desktop.services.change import Change
from desktop.services.facades.plans import ActionView, Results
from desktop.services.facades.port import Done, Failed, PanelFacade

if TYPE_CHECKING:  # the voice layer (numpy) loads with the window's voice controller, not with this module
    from desktop.voice.bias import Bias

#: A deal, contact or company with its activities, tasks and associations, plus ``kind`` and ``notes``
#: (:meth:`desktop.services.backend.Backend.record`; the keys depend on the kind).
RecordDetail = dict[str, Any]
#: ``progress(file name, bytes done, bytes total, rows read)``, called on a worker thread.
ImportProgress = Callable[[str, int, int, int], None]


@dataclass(frozen=True)
class PlannedInstruction:
    """A planned instruction and its readable actions (the Plan card shows both).

    refine: an LLM planner is configured, so a refined plan may follow (:meth:`CommandFacade.refine`)."""

    plan: Plan
    views: list[ActionView]
    refine: bool = False


@dataclass(frozen=True)
class HeldChanges:
    """Changes held back from the CRM (not sent) and why, e.g. a stage with no CRM stage."""

    count: int
    reasons: list[str]


@dataclass(frozen=True)
class StatusCounts:
    """The status bar's figures: plans waiting in approvals, outbox rows by status (pending,
    retrying, sent, dead), held changes, open sync conflicts, and the global kill switch."""

    pending_approvals: int
    outbox: dict[str, int]
    held: HeldChanges
    conflicts: int
    global_kill: bool


class ImportSummary(Protocol):
    """What an import did (:class:`desktop.store.importer.ImportReport`): rows imported (created +
    updated) and skipped, and the warnings and problems as "file:line: reason" lines."""

    @property
    def imported(self) -> int: ...

    @property
    def skipped_total(self) -> int: ...

    warnings: list[str]
    problems: list[str]


class CommandSource(Protocol):
    """The backend reads and writes the command facade uses."""

    @property
    def settings(self) -> Any: ...

    def now(self) -> datetime: ...

    def plan(self, text: str, context: Target | None = None) -> Plan: ...

    def plan_offline(self, text: str, context: Target | None = None) -> Plan: ...

    def has_llm(self) -> bool: ...

    def pick_candidate(self, plan: Plan, question: int, target: Target) -> Plan: ...

    def stage_move_plan(self, deal_id: int, deal_name: str, stage: str) -> Plan: ...

    def plan_view(self, plan: Plan) -> list[ActionView]: ...

    def stages(self) -> list[StageRow]: ...

    def results(self, plan: Plan) -> Results | None: ...

    def apply(self, plan: Plan, source: str = "text", confirmed_destructive: bool = False) -> Change: ...

    def undo(self) -> Change: ...

    def submit(self, plan: Plan, source: str) -> Change: ...

    def record(self, kind: str, local_id: int) -> RecordDetail: ...

    def status(self) -> dict[str, Any]: ...

    def record_transcription(self, audio_s: float, decode_s: float, cpu_s: float = 0.0) -> Change: ...

    def warm_up(self) -> None: ...

    def voice_bias(self) -> Bias: ...

    def process_note(self, note_id: str) -> Change: ...

    def process_pending_notes(self) -> Change: ...

    def import_paths(self, paths: list[str | Path], progress: ImportProgress | None = None) -> tuple[Any, Change]: ...

    def cancel_import(self) -> bool: ...


class CommandFacade(PanelFacade[CommandSource]):
    """Queries (reader threads) and commands (the writer thread; each Change is broadcast) of the
    command bar, the Plan card and the main window; every ``done`` / ``error`` runs on the UI thread."""

    name = "command"

    # -- in memory (no I/O) ----------------------------------------------------------------------
    def now(self) -> datetime:
        """The workspace clock (naive local time; tests pin it)."""
        return self._backend.now()

    @property
    def team(self) -> list[str]:
        """The workspace's users by full name (the owners a plan may assign)."""
        return list(self._backend.settings.team)

    @property
    def approvals_signal_path(self) -> Path:
        """The file other processes (``spectrum mcp``) rewrite after queueing a plan."""
        return Path(self._backend.settings.approvals_signal_path())

    # -- planning --------------------------------------------------------------------------------
    def plan(self, text: str, context: Target | None, done: Done[PlannedInstruction], error: Failed) -> None:
        """The instant offline plan of ``text`` (a few ms; ``context``: the record in view) with its
        action views; ``refine`` says whether an LLM plan may follow."""
        def read() -> PlannedInstruction:
            plan = self._backend.plan_offline(text, context)
            return PlannedInstruction(plan, self._backend.plan_view(plan), self._backend.has_llm())
        self._port.call(read, done=done, error=error)

    def refine(self, text: str, context: Target | None, done: Done[PlannedInstruction], error: Failed) -> None:
        """The configured planner's plan of ``text`` (the LLM's; blocks a worker up to its timeout)."""
        def read() -> PlannedInstruction:
            plan = self._backend.plan(text, context)
            return PlannedInstruction(plan, self._backend.plan_view(plan))
        self._port.call(read, done=done, error=error)

    def pick_candidate(self, plan: Plan, question: int, target: Target, done: Done[PlannedInstruction]) -> None:
        """Answer clarification ``question`` of ``plan`` with ``target`` and plan again."""
        def read() -> PlannedInstruction:
            p = self._backend.pick_candidate(plan, question, target)
            return PlannedInstruction(p, self._backend.plan_view(p))
        self._port.call(read, done=done)

    def stage_move(self, deal_id: int, deal_name: str, stage: str, done: Done[PlannedInstruction]) -> None:
        """The Plan a drag on the pipeline board stands for (deal ``deal_id`` to ``stage``)."""
        def read() -> PlannedInstruction:
            p = self._backend.stage_move_plan(deal_id, deal_name, stage)
            return PlannedInstruction(p, self._backend.plan_view(p))
        self._port.call(read, done=done)

    def plan_view(self, plan: Plan, done: Done[list[ActionView]], error: Failed | None = None) -> None:
        """``plan``'s actions as readable rows (the records' current values as the before side)."""
        self._port.read(lambda: self._backend.plan_view(plan), done=done, error=error)

    def editor_data(self, plan: Plan, done: Done[tuple[list[StageRow], list[ActionView]]]) -> None:
        """What the plan editor shows: every stage, and ``plan``'s action views."""
        self._port.call(lambda: (self._backend.stages(), self._backend.plan_view(plan)), done=done)

    def results(self, plan: Plan, done: Done[Results | None], error: Failed) -> None:
        """What read-only ``plan`` shows (its question answered, executed read-only); None for a plan
        that changes data or asks a question."""
        self._port.read(lambda: self._backend.results(plan), done=done, error=error)

    # -- changing data ---------------------------------------------------------------------------
    def apply(self, plan: Plan, source: str, confirmed_destructive: bool, done: Done[Change], error: Failed) -> None:
        """Apply a confirmed plan (``source``: text | voice | ui). Errors: PlanRejected,
        NeedsConfirmation, ComplianceBlocked."""
        self._port.write(lambda: self._backend.apply(plan, source, confirmed_destructive), done=done, error=error)

    def undo(self, done: Done[Change], error: Failed) -> None:
        """Revert the newest applied plan. Errors: NothingToUndo, PlanRejected."""
        self._port.write(self._backend.undo, done=done, error=error)

    def queue(self, plan: Plan, source: str, done: Done[Change]) -> None:
        """Send ``plan`` to approvals for a decision later."""
        self._port.write(lambda: self._backend.submit(plan, source), done=done)

    def import_paths(self, paths: list[str], progress: ImportProgress, done: Done[ImportSummary],
                     error: Failed) -> None:
        """Import CSV exports (files or folders) in a child process; ``progress`` on a worker thread."""
        self._port.write(lambda: self._backend.import_paths(list(paths), progress), done=lambda r: done(r[0]),
                         error=error)

    def cancel_import(self) -> None:
        """Stop a running import (nothing is written)."""
        self._port.call(self._backend.cancel_import)

    def record_transcription(self, audio_s: float, decode_s: float) -> None:
        """Meter one local transcription (seconds of audio and of decoding) for the Costs panel."""
        self._port.write(lambda: self._backend.record_transcription(audio_s, decode_s))

    def process_note(self, note_id: str, done: Done[Change], error: Failed) -> None:
        """Log transcribed voice note ``note_id`` as an activity and queue its follow-ups in approvals."""
        self._port.write(lambda: self._backend.process_note(note_id), done=done, error=error)

    def process_pending_notes(self) -> None:
        """Process every transcribed note not processed yet (ones finished while the app was closed)."""
        self._port.write(self._backend.process_pending_notes)

    # -- reads for the window --------------------------------------------------------------------
    def record(self, kind: str, local_id: int, done: Done[RecordDetail], error: Failed) -> None:
        """A deal, contact or company with its activities, tasks, associations and voice notes."""
        self._port.read(lambda: self._backend.record(kind, local_id), done=done, error=error)

    def status(self, done: Done[StatusCounts]) -> None:
        """The status bar's counts and the global kill switch."""
        def read() -> StatusCounts:
            st = self._backend.status()
            held = st.get("held") or {}
            return StatusCounts(int(st["pending_approvals"]), dict(st["outbox"]),
                                HeldChanges(int(held.get("count") or 0), list(held.get("reasons") or [])),
                                int(st.get("conflicts") or 0), bool(st["global_kill"]))
        self._port.read(read, done=done)

    def warm_up(self) -> None:
        """Import the modules the first plan needs and build the planner's index (on a reader thread)."""
        self._port.read(self._backend.warm_up)

    def voice_bias(self, done: Done[Bias]) -> None:
        """The speech model's CRM bias (hotwords, prompt, name corrections) from the workspace's names."""
        self._port.read(self._backend.voice_bias, done=done)
