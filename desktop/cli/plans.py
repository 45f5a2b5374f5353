"""``spectrum plan | run | undo | approvals``: the main job on the command line, plus the headless
spoken demo (``spectrum --headless``) and the smoke check (``spectrum --smoke``).

Handlers take the parsed ``args`` (``args.settings``: :class:`desktop.config.Settings`); the
workspace, planner and speech engine come from the composition root (:mod:`desktop.bootstrap`).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import shutil
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import bootstrap
from desktop.cli._common import local_now
from desktop.config import Settings
from desktop.domain.describe import describe, describe_plan, source_label
from desktop.domain.plan import Plan
from desktop.services.results import results_for

if TYPE_CHECKING:  # pragma: no cover
    from desktop.cli._common import SubParsers

SAMPLE_AUDIO = "samples/acme_call.wav"


def _now(args) -> datetime:
    return local_now(getattr(args, "now", None))


def transcribe_file(path: Path, settings, names: list[str] | None = None):
    """Transcribe one audio file with the configured model, biased by ``names`` (hotwords and
    prompt), then with misheard names corrected to their workspace spelling (:meth:`Bias.correct`).

    Returns: :class:`desktop.voice.types.Transcript`.
    Raises: desktop.voice.types.VoiceError (unreadable audio, missing model).
    """
    from desktop.voice.audio_io import read_audio  # lazy: numpy / soundfile only when audio is given
    from desktop.voice.bias import build_bias
    from desktop.voice.transcriber import FILE_BEAM_SIZE

    audio = read_audio(path)
    bias = build_bias(names or [])
    engine = bootstrap.speech_engine(settings)
    tr = engine.transcribe(audio, prompt=bias.initial_prompt, hotwords=bias.hotwords, beam_size=FILE_BEAM_SIZE)
    return tr.model_copy(update={"text": bias.correct(tr.text)}) if bias.lexicon else tr


def _instruction(args, ws) -> str | None:
    if getattr(args, "audio", None):
        from desktop.store import queries  # lazy: SQLAlchemy loads only when a command runs

        with ws.uow() as uow:
            names = queries.vocabulary(uow.session)
        print(f"Transcribing {args.audio} ...", file=sys.stderr)
        from desktop.agents.service import record_transcription  # lazy: the agents runtime, ~0.5 s

        cpu0 = time.process_time()
        transcript = transcribe_file(Path(args.audio), args.settings, names)
        record_transcription(ws, transcript.duration, transcript.decode_time, time.process_time() - cpu0)
        # human text goes to stderr when stdout carries JSON (`plan --json --audio`)
        print(f"Heard: “{transcript.text}” ({transcript.duration:.1f} s of audio, decoded in "
              f"{transcript.decode_time:.2f} s)", file=sys.stderr if getattr(args, "json", False) else sys.stdout)
        return transcript.text
    return " ".join(args.text) if args.text else None


def cmd_plan(args: argparse.Namespace) -> int:
    """`spectrum plan [--json] [--now ISO] TEXT | - | --audio FILE`: print the Plan; nothing is applied."""
    ws = bootstrap.open_workspace(args.settings, seed_demo=False)
    try:
        planner = bootstrap.build_planner(ws, args.settings)
        now = _now(args)
        if args.text == ["-"]:
            # exactly one output line per input line (blank lines included), so outputs align with
            # inputs; one bad line never ends the batch
            failed = 0
            for line in sys.stdin:
                line = line.rstrip("\n")
                try:
                    plan = planner.plan(line, now=now)
                    out = json.dumps(plan.public_json()) if args.json else " | ".join(describe_plan(plan))
                except Exception as exc:  # noqa: BLE001 - reported per line, the batch goes on
                    failed += 1
                    out = (json.dumps({"transcript": line, "actions": [], "error": f"{type(exc).__name__}: {exc}"})
                           if args.json else f"error: {type(exc).__name__}: {exc}")
                print(out, flush=True)
            return 1 if failed else 0
        text = _instruction(args, ws)
        if text is None:
            print("spectrum: give an instruction, '-' to read lines from stdin, or --audio FILE",
                  file=sys.stderr)
            return 2
        plan = planner.plan(text, now=now)
        res = _results(ws, plan, now)
        if args.json:
            print(json.dumps({**plan.public_json(), **({"results": res.as_json()} if res else {})}))
        else:
            _print_plan(plan, ws)
            if res is not None:
                _print_results(res)
        return 0
    finally:
        ws.dispose()


def _print_plan(plan: Plan, ws=None) -> None:
    from desktop.store.preview import before_values  # lazy: SQLAlchemy loads only when a command runs

    befores = before_values(ws, plan) if ws is not None else [{} for _ in plan.actions]
    print("Plan:")
    if not plan.actions and not plan.clarifications:
        print(f"  {plan.message or 'Nothing to do.'}")
    for i, (a, before) in enumerate(zip(plan.actions, befores), 1):
        mark = "!!" if a.destructive else f"{i}."
        print(f"  {mark} {describe(a, before)}")
    for a in plan.pending:
        print(f"  .. after you answer: {describe(a, {})}")
    for q in plan.clarifications:
        print(f"  ? {q}")
    if plan.message and plan.message not in plan.clarifications and plan.actions:
        print(f"  {plan.message}")


def _results(ws, plan: Plan, now: datetime):
    """The read-only results of a question / search plan (None for other plans)."""
    return results_for(ws, plan, now.date())


def _print_results(res, out=None) -> None:
    """The results as the app shows them: the sentence, then one line per record with its fields."""
    out = out or sys.stdout
    print(f"Answer: {res.sentence}", file=out)
    if res.ignored:
        print(f"  (filters not understood, so not applied: {', '.join(res.ignored)})", file=out)
    for r in res.rows:
        cells = []
        for key, header in res.columns[1:]:
            v = r.get(key)
            if v is None:
                continue
            cells.append(f"{header.lower()} ${v:,.0f}" if key == "amount" else f"{header.lower()} {v}")
        print(f"  {r['type']} #{r['id']}  {r['name']}" + (f"  ({'; '.join(cells)})" if cells else ""), file=out)
    if res.total > len(res.rows):
        print(f"  ... and {res.total - len(res.rows)} more", file=out)


def _can_ask() -> bool:
    try:
        return sys.stdin is not None and not sys.stdin.closed and sys.stdin.isatty()
    except (OSError, ValueError):
        return False


def _confirm(prompt: str, out=None) -> bool:
    """Ask ``prompt`` on the terminal (written to ``out``, stdout by default); False when stdin is
    not a terminal, is closed, or the answer is not y/yes."""
    try:
        if sys.stdin is None or sys.stdin.closed or not sys.stdin.isatty():
            return False
        print(prompt, end="", file=out or sys.stdout, flush=True)
        return sys.stdin.readline().strip().lower() in ("y", "yes")
    except (EOFError, OSError, ValueError):
        return False


def _ask(prompt: str, out) -> str | None:
    """One line typed at the terminal (None at end of input)."""
    print(prompt, end="", file=out, flush=True)
    try:
        line = sys.stdin.readline()
    except (OSError, ValueError):
        return None
    return line.strip() if line else None


def _converse(plan: Plan, planner, ws, args, out) -> tuple[Plan, str]:
    """The interactive `run` prompt: read each answer as a reply to the plan or question shown
    (:func:`desktop.planner.replies.read_reply`) until the plan is applied or declined.

    Returns (plan, verdict): ``apply`` (confirmed; a destructive plan only by a reply naming its
    record, or "yes" typed at the second, explicit prompt), ``declined``, ``nothing to apply``, or
    ``question: ...`` (input ended while a question was open)."""
    from desktop.planner.offline import PlanContext  # lazy: the planner (~0.5 s) only for the prompt
    from desktop.planner.replies import answered_instruction, apply_edit, context_for_plan, read_reply
    from desktop.store.executor import PlanRejected, undo_last

    now = _now(args)
    while True:
        if not plan.clarifications and not plan.mutating:
            return plan, "nothing to apply"
        asking = bool(plan.clarifications)
        line = _ask("Your answer (a name, 'the first one', or 'cancel'): " if asking else
                    "Apply this plan? (yes / no / a change such as 'make it 120k'): ", out)
        if line is None:
            print("Not applied.", file=out)
            return plan, ("question: " + plan.clarifications[0]) if asking else "declined"
        reply = read_reply(line, context_for_plan(plan), today=now.date())
        new: Plan | None = None
        if reply.kind == "undo":
            try:
                print(f"Undone the last applied plan (audit #{undo_last(ws)}).", file=out)
            except PlanRejected as exc:
                print(f"Cannot undo: {exc}", file=out)
            continue
        if reply.kind == "cancel":
            print("Not applied.", file=out)
            return plan, "declined"
        if reply.kind == "new_instruction":
            new = planner.plan(line, now=now)
        elif reply.kind == "choose" and asking and plan.candidates and reply.choice is not None \
                and reply.choice < len(plan.candidates[0]):
            target = plan.candidates[0][reply.choice]
            new = planner.plan(answered_instruction(plan, 0, target.name), now=now, context=PlanContext(target=target))
        elif reply.kind == "edit" and not asking:
            try:
                if reply.field is None:
                    raise ValueError("the change names no field")
                new = apply_edit(plan, reply.field, reply.value)
            except ValueError as exc:
                print(f"Cannot change that: {exc}.", file=out)
                continue
        elif reply.kind == "confirm" and not asking:
            return plan, "apply"
        elif reply.kind == "confirm_needs_name" and not asking:
            names = ", ".join(a.target.name for a in plan.actions if a.destructive and a.target)
            if _ask(f"This plan DELETES {names}. Type 'yes' to delete: ", out) in ("y", "yes"):
                return plan, "apply"
            print("Not applied.", file=out)
            return plan, "declined"
        else:
            print("Say which one (a name or 'the first one'), or 'cancel'." if asking else
                  "Say 'yes' to apply, 'no' to cancel, or a change such as 'make it 120k' or 'due Friday instead'.",
                  file=out)
            continue
        plan = new
        with contextlib.redirect_stdout(out):
            _print_plan(plan, ws)


def cmd_run(args: argparse.Namespace) -> int:
    """`spectrum run [--json]`: plan, show, confirm on the terminal (or --yes; deletes need
    --yes-destructive), apply. Exit 0 applied or nothing to apply, 2 a question is open or no
    instruction, 3 declined, 1 rejected by the executor.

    With ``--json`` stdout carries exactly one JSON object, ``{"plan": <Plan JSON>, "applied":
    bool, "audit_id": int | null, "changes": int, "reason": str | null}``; the plan, prompts and
    every human line go to stderr.
    """
    from desktop.store.executor import PlanRejected, apply_plan  # lazy: SQLAlchemy only when a command runs

    as_json = bool(getattr(args, "json", False))
    human = sys.stderr if as_json else sys.stdout

    def result(plan: Plan | None, applied: bool, reason: str | None, audit_id: int | None = None,
               changes: int = 0) -> None:
        if as_json:
            res = _results(ws, plan, _now(args)) if plan is not None else None
            print(json.dumps({"plan": plan.public_json() if plan is not None else None, "applied": applied,
                              "audit_id": audit_id, "changes": changes, "reason": reason,
                              **({"results": res.as_json()} if res else {})}))

    ws = bootstrap.open_workspace(args.settings, seed_demo=False)
    try:
        text = _instruction(args, ws)
        if text is None:
            print("spectrum: give an instruction or --audio FILE", file=sys.stderr)
            result(None, False, "no instruction")
            return 2
        planner = bootstrap.build_planner(ws, args.settings)
        plan = planner.plan(text, now=_now(args))
        with contextlib.redirect_stdout(human):
            _print_plan(plan, ws)
        confirmed = False
        if not args.yes and not args.yes_destructive and _can_ask():
            # the interactive prompt: the answer is read as a reply (yes / no / a change / a choice /
            # "undo that" / a new instruction), as the app reads a spoken reply
            plan, verdict = _converse(plan, planner, ws, args, human)
            if verdict == "apply":
                confirmed = True  # for a deletion: the explicit confirmation naming the record
            else:
                if verdict == "nothing to apply" and (res := _results(ws, plan, _now(args))) is not None:
                    _print_results(res, human)
                result(plan, False, verdict)
                return 0 if verdict == "nothing to apply" else (2 if verdict.startswith("question") else 3)
        if plan.clarifications:
            print("Not applied: answer the question(s) above by saying it more precisely.", file=human)
            result(plan, False, "question: " + plan.clarifications[0])
            return 2
        if not plan.mutating:
            res = _results(ws, plan, _now(args))
            if res is not None:
                _print_results(res, human)
            result(plan, False, "nothing to apply")
            return 0
        if plan.destructive and not args.yes_destructive and not confirmed:
            if args.yes or not _confirm("This plan DELETES data. Type 'yes' to delete: ", human):
                print("Not applied: destructive actions need --yes-destructive or an explicit 'yes'.", file=human)
                result(plan, False, "destructive actions need --yes-destructive")
                return 3
        elif not args.yes and not confirmed and not _confirm("Apply this plan? [y/N] ", human):
            print("Not applied." if _can_ask() else "Not applied: confirming needs a terminal; pass --yes to apply.",
                  file=human)
            result(plan, False, "declined")
            return 3
        try:
            applied = apply_plan(ws, plan, actor="user", source="voice" if args.audio else "text",
                                 now=_now(args), confirmed_destructive=True)
        except PlanRejected as exc:
            print(f"spectrum: not applied: {exc}", file=sys.stderr)
            result(plan, False, f"rejected: {exc}")
            return 1
        n = len([c for c in applied.changes if not c.get("internal")])
        print(f"Applied ({n} change(s), audit #{applied.audit_id}). Undo with `spectrum undo`.", file=human)
        result(plan, True, None, applied.audit_id, n)
        return 0
    finally:
        ws.dispose()


def cmd_undo(args: argparse.Namespace) -> int:
    """`spectrum undo`: revert the newest applied plan (refuses when its records changed since)."""
    from desktop.store.executor import PlanRejected, undo_last  # lazy: SQLAlchemy only when a command runs

    ws = bootstrap.open_workspace(args.settings)
    try:
        audit_id = undo_last(ws)
    except PlanRejected as exc:
        print(f"spectrum: {exc}", file=sys.stderr)
        return 1
    finally:
        ws.dispose()
    print(f"Undone (audit #{audit_id}).")
    return 0


def cmd_approvals(args: argparse.Namespace) -> int:
    """`spectrum approvals [list | approve ID | reject ID]`: the approvals queue."""
    from desktop.store import approvals  # lazy: SQLAlchemy only when a command runs
    from desktop.store.executor import PlanRejected

    ws = bootstrap.open_workspace(args.settings)
    try:
        if args.action in (None, "list"):
            items = approvals.list_approvals(ws)
            if args.json:
                for it in items:
                    print(json.dumps({"id": it.id, "source": it.source, "created_at": it.created_at.isoformat(),
                                      "plan": it.plan.public_json()}))
            elif not items:
                print("No pending approvals.")
            for it in items if not args.json else []:
                print(f"#{it.id} from {source_label(it.source)} at {it.created_at:%Y-%m-%d %H:%M}: "
                      f"{it.plan.transcript[:80]}")
                for line in describe_plan(it.plan):
                    print(f"    {line}")
            return 0
        if args.id is None:
            print("spectrum: give the approval id", file=sys.stderr)
            return 2
        try:
            if args.action == "approve":
                applied = approvals.approve(ws, args.id, confirmed_destructive=args.yes_destructive)
                print(f"Approved #{args.id}: applied (audit #{applied.audit_id}).")
            else:
                approvals.reject(ws, args.id)
                print(f"Rejected #{args.id}.")
        except PlanRejected as exc:
            print(f"spectrum: {exc}", file=sys.stderr)
            return 1
        return 0
    finally:
        ws.dispose()


def headless_demo(args: argparse.Namespace) -> int:
    """The main job with no display: the bundled spoken sample -> transcript -> plan -> confirm ->
    updated deal, on a temporary copy of the demo workspace (the user's data is untouched)."""
    from desktop.store import queries  # lazy: SQLAlchemy only when a command runs
    from desktop.store.executor import apply_plan

    audio = bootstrap.resources_dir() / SAMPLE_AUDIO
    tmp = Path(tempfile.mkdtemp(prefix="spectrum-demo-"))
    try:
        settings = Settings(data_dir=tmp, model=args.settings.model, cpu_threads=args.settings.cpu_threads)
        ws = bootstrap.open_workspace(settings, seed_demo=True)
        with ws.uow() as uow:
            names = queries.vocabulary(uow.session)
            before = queries.show(uow.session, "deal", "Acme Corp - Platform Rollout")
        print(f"1. Speech: {audio.name} (the bundled sample)")
        transcript = transcribe_file(audio, settings, names)
        print(f"2. Transcript ({transcript.duration:.1f} s audio, {transcript.decode_time:.2f} s): "
              f"“{transcript.text}”")
        plan = bootstrap.build_planner(ws).plan(transcript.text, now=bootstrap.DEMO_NOW)
        print("3. ", end="")
        _print_plan(plan, ws)
        if plan.clarifications or not plan.mutating:
            print("The plan needs an answer first; nothing applied.")
            return 0
        print("4. Confirmed (demo).")
        apply_plan(ws, plan, actor="demo", source="voice", now=bootstrap.DEMO_NOW)
        with ws.uow() as uow:
            after = queries.show(uow.session, "deal", "Acme Corp - Platform Rollout")
        print(f"5. Updated deal “{after['name']}”:")
        for key in ("stage_label", "amount", "competitor", "next_step", "last_activity_at"):
            if before.get(key) != after.get(key):
                print(f"     {key}: {before.get(key)} → {after.get(key)}")
        for t in after["tasks"]:
            print(f"     task: {t['title']} (due {t['due_date']})")
        ws.dispose()
        print("Run `spectrum` on a desktop to do this by voice with push-to-talk.")
        return 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def smoke(args: argparse.Namespace) -> int:
    """``spectrum --smoke``: start the window offscreen, load the model, plan one instruction, exit 0."""
    return bootstrap.smoke_check(args.settings)


def register(sub: SubParsers) -> None:
    """Add plan, run, undo and approvals to the ``spectrum`` parser."""
    sp = sub.add_parser("plan", help="turn an instruction into a Plan (nothing is applied)")
    sp.add_argument("text", nargs="*", help="the instruction, or '-' to read one per line from stdin")
    sp.add_argument("--json", action="store_true")
    sp.add_argument("--now", help="ISO 8601 reference time for relative dates")
    sp.add_argument("--audio", help="transcribe this audio file first")
    sp.set_defaults(func=cmd_plan)

    sp = sub.add_parser("run", help="plan, confirm and apply an instruction")
    sp.add_argument("text", nargs="*")
    sp.add_argument("--audio", help="transcribe this audio file first")
    sp.add_argument("--now", help="ISO 8601 reference time for relative dates")
    sp.add_argument("--yes", action="store_true", help="apply without asking (never deletes)")
    sp.add_argument("--yes-destructive", action="store_true", help="also allow destructive actions")
    sp.add_argument("--json", action="store_true", help="one JSON object on stdout; human text on stderr")
    sp.set_defaults(func=cmd_run)

    sp = sub.add_parser("undo", help="revert the last applied plan")
    sp.set_defaults(func=cmd_undo)

    sp = sub.add_parser("approvals", help="the approvals queue")
    sp.add_argument("action", nargs="?", choices=["list", "approve", "reject"])
    sp.add_argument("id", nargs="?", type=int)
    sp.add_argument("--json", action="store_true")
    sp.add_argument("--yes-destructive", action="store_true")
    sp.set_defaults(func=cmd_approvals)
