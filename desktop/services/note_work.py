"""Notes become work: a transcribed voice note is logged as an activity through a Plan, and the
Post-call agent proposes its follow-ups (fields, tasks, email draft) into the approvals queue.

Which record a note is about, in order: the record the user attached it to (Notes panel → Attach);
else the one record the note names (the offline planner reads the note; a question such as "which
Sarah?" means it names none for sure); else the record in view when it was recorded; else none: the
note waits in state ``needs_record`` and the Notes panel asks for the record (attaching it logs it).

The activity is ``call`` when the note says a call happened ("called", "on the phone", "call with"),
``meeting`` when it says a meeting did ("met", "meeting with"), else ``note``. It is applied as a
one-action Plan by the executor (audit entry and outbox rows in the same transaction, so it syncs
when the CRM is reachable; Ctrl+Z undoes it). Dictating a note onto a record is the user's
instruction to log it; everything the Post-call agent suggests waits in Approvals. A note is
processed once (its manifest's ``work``); notes transcribed while the app was closed are processed
at the next start.
"""

from __future__ import annotations

import asyncio
import logging
import re
import threading
from datetime import datetime
from typing import Any

from desktop.domain.describe import describe_plan
from desktop.domain.plan import Action, Plan, Target

log = logging.getLogger(__name__)
_LOCK = threading.Lock()


def activity_type(text: str) -> str:
    """``call`` / ``meeting`` / ``note`` for a note's words (see the module docstring)."""
    low = text.lower()
    if re.search(r"\b(?:called|rang|phoned|on the phone|phone call|call with|(?:the|our|a|my) call\b|"
                 r"got off the phone|spoke (?:to|with) .{0,30}\bon the phone)", low):
        return "call"
    if re.search(r"\b(?:met with|met|meeting with|(?:the|our|a|my) meeting\b|sat down with|in person)\b", low):
        return "meeting"
    return "note"


def _named_target(planner: Any, text: str, now: datetime) -> Target | None:
    """The one deal / contact / company the note names, read by the offline planner (None when it
    names none, or asks which one)."""
    try:
        plan = planner.plan_offline(text, now=now)
    except Exception:  # an unreadable note is simply not matched by name
        log.warning("planning a note failed", exc_info=True)
        return None
    if plan.clarifications:
        return None
    targets = [a.target for a in plan.actions if a.target is not None and a.target.id.isdigit()
               and a.target.type in ("deal", "contact", "company")]
    return targets[0] if targets else None


def _view_target(workspace: Any, kind: str | None, ident: int | None) -> Target | None:
    if not kind or ident is None:
        return None
    from desktop.store import series

    with workspace.uow() as uow:
        name = series.display_name(uow.session, kind, ident)
    return Target(type=kind, id=str(ident), name=name) if name else None


def _deal_for(workspace: Any, target: Target) -> str | None:
    """The deal the Post-call agent works on: the target deal, or the contact's / company's open deal."""
    if target.type == "deal":
        return target.id
    from desktop.store import queries

    with workspace.uow() as uow:
        data = queries.show(uow.session, target.type, target.id)
    deals = [d for d in data.get("deals", []) if d.get("open", True)]
    return str(deals[0]["id"]) if deals else None


def process_note(workspace: Any, notes: Any, note_id: str, *, planner: Any, agents: Any, now: datetime) -> Any:
    """Turn done note ``note_id`` into an activity and a Post-call plan (see the module docstring).

    Args:
        workspace: the open workspace. notes: the :class:`desktop.voice.notes.NotesService`.
        planner: the :class:`desktop.services.planning.WorkspacePlanner` (names in the note).
        agents: the :class:`desktop.agents.service.AgentService` or None (no follow-ups then).
        now: naive local time (planning) — the executor stamps UTC itself.
    Returns: the updated :class:`desktop.voice.notes.NoteInfo`, or None when there was nothing to do
    (not transcribed yet, empty, or already processed).
    Raises: NoteNotFound.
    """
    from desktop.store.executor import PlanRejected, apply_plan
    from desktop.voice.notes import NoteWork

    with _LOCK:  # one note at a time: a note is never logged twice
        info = notes.get(note_id)
        text = info.transcript.text.strip() if info.transcript else ""
        if info.state != "done" or not text or (info.work is not None and info.work.state == "logged"):
            return None
        target = _view_target(workspace, info.attached_type, info.attached_id) if info.attached_by_user else None
        target = target or _named_target(planner, text, now) or _view_target(workspace, info.attached_type,
                                                                             info.attached_id)
        if target is None:
            return notes.update(note_id, work=NoteWork(state="needs_record", plan_note=(
                "No record named and none in view: attach the note to a deal or contact to log it.")))
        kind = activity_type(text)
        plan = Plan(transcript=f"Voice note: {text[:160]}", actions=[Action(
            kind="log_activity", target=target, fields={"activity_type": kind, "body": text[:4000]})])
        try:
            applied = apply_plan(workspace, plan, actor="user", source="voice", now=datetime.utcnow())
        except PlanRejected as exc:
            return notes.update(note_id, work=NoteWork(state="failed", target=f"{target.type}:{target.id}",
                                                       target_name=target.name, error=str(exc)))
        work = NoteWork(state="logged", activity=f"Logged a {kind} on {target.name}", activity_type=kind,
                        audit_id=applied.audit_id, target=f"{target.type}:{target.id}", target_name=target.name)
        info = notes.update(note_id, attached_type=target.type, attached_id=int(target.id), work=work)
    work = work.model_copy()
    if agents is None:
        work.plan_note = "The agents runtime is not available: no follow-ups proposed."
    else:
        try:
            result = asyncio.run(agents.run("post-call", input={"text": text, "deal": _deal_for(workspace, target),
                                                                "log": False}))
            if result.approvals:
                from desktop.store import approvals

                work.approval_id = result.approvals[0]
                pending = {a.id: a for a in approvals.list_approvals(workspace)}
                if work.approval_id in pending:
                    work.plan = describe_plan(pending[work.approval_id].plan)
            else:
                work.plan_note = (f"Post-call agent: {result.status}" + (f" ({result.error})" if result.error else "")
                                  + ("" if result.status != "done" else "; nothing to follow up"))
        except Exception as exc:  # the activity is logged; the follow-ups failing is shown
            log.warning("post-call agent failed for a note", exc_info=True)
            work.plan_note = f"Post-call agent failed: {exc}"
    return notes.update(note_id, work=work)


def pending_notes(notes: Any) -> list[str]:
    """Ids of done notes not processed yet (oldest first)."""
    return [n.id for n in notes.list_notes()
            if n.state == "done" and n.transcript and n.transcript.text.strip() and n.work is None]
