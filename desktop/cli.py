"""The ``spectrum`` command: a thin layer over the services.

``spectrum`` alone starts the desktop app (or, with no display, runs the main job headlessly).
Subcommands: import, report, show, set, audit, plan, run, undo, approvals, and those registered by
the voice, sync, agents and mcp packages (transcribe, notes, connect, sync, agents, ask, mcp).
Exit codes: 0 success, 1 a problem the message explains, 2 bad usage / ambiguous input,
3 the user declined.
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import os
import sys
from datetime import datetime
from pathlib import Path

from desktop.config import Settings


def _now(value: str | None) -> datetime:
    if not value:
        return datetime.now().replace(microsecond=0)
    try:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise SystemExit(f"spectrum: --now {value!r} is not an ISO 8601 date/time (e.g. 2026-11-21T09:00)") from None
    return dt.replace(tzinfo=None) if dt.tzinfo is None else dt.astimezone().replace(tzinfo=None)


def _err(msg: str) -> None:
    print(f"spectrum: {msg}", file=sys.stderr)


def _workspace(args, seed_demo: bool = False):
    from desktop.bootstrap import open_workspace

    return open_workspace(args.settings, seed_demo=seed_demo)


# -- workspace commands ------------------------------------------------------------------------
def cmd_import(args) -> int:
    """`spectrum import PATH...`: import CSV exports; prints a summary (or JSON) and problems. Exit 1 when nothing was imported."""
    from desktop.store.importer import ImportFailed, import_paths

    ws = _workspace(args)
    show_progress = sys.stderr.isatty() or args.progress

    def progress(name: str, done: int, total: int, rows: int) -> None:
        if show_progress:
            pct = 100 * done // max(total, 1)
            print(f"\r{name}: {pct:3d}% ({rows:,} rows)", end="" if done < total else "\n",
                  file=sys.stderr, flush=True)

    try:
        report = import_paths(ws, args.paths, strict=args.strict, progress=progress)
    except ImportFailed as exc:
        _err(str(exc))
        for p in exc.problems[:50]:
            print(p, file=sys.stderr)
        return 1
    finally:
        ws.dispose()
    if args.json:
        print(json.dumps(report.as_dict()))
        return 0
    for w in report.warnings:
        print(f"warning: {w}", file=sys.stderr)
    for p in report.problems[:100]:
        print(p, file=sys.stderr)
    if len(report.problems) > 100:
        print(f"... and {len(report.problems) - 100} more problems", file=sys.stderr)
    per = ", ".join(f"{report.created.get(k, 0) + report.updated.get(k, 0)} {k}"
                    for k in ("companies", "contacts", "deals", "activities", "subscriptions", "expenses")
                    if report.created.get(k) or report.updated.get(k))
    print(f"Imported {report.imported} rows ({per or 'nothing'}); skipped {report.skipped_total}"
          + (" — see the problems above" if report.skipped_total else ""))
    return 0


def cmd_report(args) -> int:
    """`spectrum report [--json] [--now ISO]`: the revenue-panel figures (see desktop.store.metrics)."""
    from desktop.store import metrics

    ws = _workspace(args, seed_demo=False)
    try:
        with ws.uow() as uow:
            data = metrics.report(uow.session, _now(args.now))
    finally:
        ws.dispose()
    if args.json:
        print(json.dumps(data))
    else:
        win = "-" if data["win_rate"] is None else f"{data['win_rate']:.0%}"
        runway = ("set cash with `spectrum set cash AMOUNT`" if data["runway_months"] is None
                  else f"{data['runway_months']} months")
        print(f"MRR ${data['mrr']:,.2f}   ARR ${data['arr']:,.2f}")
        print(f"Pipeline ${data['pipeline_value']:,.0f}   weighted ${data['weighted_pipeline']:,.0f}   "
              f"win rate {win}")
        print(f"Burn ${data['burn']:,.0f}/month   runway {runway}")
        for st in data["deals_by_stage"]:
            print(f"  {st['stage']:<18} {st['count']:>6}  ${st['amount']:,.0f}")
        print(f"Stale deals: {data['stale_deals_count']}")
        for d in data["stale_deals"][:10]:
            print(f"  {d['name']} ({d['stage']}, {d['days_inactive']} days)")
    return 0


def cmd_show(args) -> int:
    """`spectrum show deal|contact|company NAME_OR_ID`: one record with its associations. Exit 2 when the name is ambiguous."""
    from desktop.store import queries
    from desktop.store.errors import AmbiguousRecord, RecordNotFound

    ws = _workspace(args)
    try:
        with ws.uow() as uow:
            data = queries.show(uow.session, args.kind, args.name)
    except AmbiguousRecord as exc:
        _err(str(exc))
        return 2
    except RecordNotFound as exc:
        _err(str(exc))
        return 1
    finally:
        ws.dispose()
    if args.json:
        print(json.dumps(data, default=str))
    else:
        for k, v in data.items():
            if isinstance(v, list):
                print(f"{k}:")
                for item in v:
                    print(f"  - {item}")
            else:
                print(f"{k}: {v}")
    return 0


def cmd_set(args) -> int:
    """`spectrum set cash AMOUNT`: store a workspace setting (audited). Exit 2 on a bad key or amount."""
    from desktop.importer.layouts import RowProblem, parse_cents
    from desktop.store import schema as s
    from desktop.store.executor import apply_change

    if args.key != "cash":
        _err(f"unknown setting {args.key!r} (known: cash)")
        return 2
    try:
        cents = parse_cents(args.value, "cash")
    except RowProblem as exc:
        _err(str(exc))
        return 2
    def change(session, changes) -> dict:
        row = session.get(s.Setting, "cash_balance_cents")
        before = None if row is None else row.value
        session.merge(s.Setting(key="cash_balance_cents", value=str(cents)))
        changes.record("setting", "cash_balance_cents", "update" if row else "create",
                       None if row is None else {"value": before}, {"value": str(cents)})
        return {"cash_balance_cents": cents}

    ws = _workspace(args)
    try:
        apply_change(ws, change, actor="user", kind="setting",
                     summary=f"Cash balance set to {cents / 100:,.2f}")
    finally:
        ws.dispose()
    print(f"Cash balance set to ${cents / 100:,.2f}")
    return 0


def cmd_audit(args) -> int:
    """`spectrum audit [--json] [--verify]`: list the audit log or verify its hash chain (exit 1 if tampered)."""
    from desktop.store import audit, queries

    ws = _workspace(args)
    try:
        with ws.uow() as uow:
            if args.export:
                n = audit.export(uow.session, Path(args.export))
                print(f"Exported {n} audit entries with the chain's anchor to {args.export}", file=sys.stderr)
                return 0
            if args.verify:
                res = audit.verify(uow.session, Path(args.against) if args.against else True)
                if args.json:
                    print(json.dumps({"ok": res.ok, "checked": res.checked, "bad_id": res.bad_id,
                                      "reason": res.reason, "anchored_id": res.anchored_id, "keyed": res.keyed}))
                elif res.ok:
                    anchor = ("not anchored (no anchor file: entries written before anchoring, or it was removed)"
                              if res.anchored_id is None else
                              f"anchored at entry #{res.anchored_id}"
                              + (" (HMAC checked with the keyring key)" if res.keyed
                                 else " (no HMAC check: no keyring key on this machine)"))
                    print(f"Audit log intact: {res.checked} entries verified; {anchor}")
                else:
                    print(f"Audit log TAMPERED at entry {res.bad_id}: {res.reason}")
                return 0 if res.ok else 1
            rows = queries.recent_audit(uow.session, args.limit)
    finally:
        ws.dispose()
    if args.json:
        for r in rows:
            print(json.dumps(r))
    else:
        for r in rows:
            print(f"#{r['id']} {r['at']} {r['actor']:<12} {r['kind']:<14} {r['summary']}")
    return 0


def cmd_stages(args) -> int:
    """`spectrum stages [LABEL --position N --probability P --rename NEW]`: list or edit pipeline stages."""
    from desktop.store import pipelines, queries

    ws = _workspace(args)
    if args.map:
        from desktop.store.errors import RecordNotFound
        from desktop.store.sync_state import map_stage

        if not args.label:
            _err("say which stage to map: spectrum stages LABEL --map CRM_STAGE --crm hubspot")
            return 2
        try:
            res = map_stage(ws, args.crm, args.label, args.map, pipeline=args.pipeline)
        except RecordNotFound as exc:
            _err(str(exc))
            ws.dispose()
            return 2
        print(f"{res['stage']} -> {args.crm} stage {res['crm_stage_id']}; "
              f"{res['released']} held change(s) go out with the next sync", file=sys.stderr)
    try:
        with ws.uow() as uow:
            if args.label and not args.map:
                try:
                    pipelines.edit_stage(uow.session, args.label, pipeline=args.pipeline,
                                         position=args.position, probability=args.probability,
                                         rename=args.rename)
                except ValueError as exc:
                    _err(str(exc))
                    return 2
                uow.commit()
            rows = queries.stages(uow.session)
    finally:
        ws.dispose()
    for st in rows:
        flag = " (won)" if st.is_won else " (lost)" if st.is_lost else ""
        print(f"{st.position}. {st.label:<20} {st.probability:>4.0%}{flag}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered."""
    p = argparse.ArgumentParser(prog="spectrum", description="Spectrum: voice-first CRM command center")
    p.add_argument("--data-dir", type=Path, help="workspace folder (default: per-user data dir; "
                                                 "env SPECTRUM_DATA_DIR)")
    p.add_argument("--smoke", action="store_true", help="start offscreen, load the model, plan one "
                                                        "instruction, exit 0")
    p.add_argument("--headless", action="store_true", help="run the spoken demo in the terminal")
    sub = p.add_subparsers(dest="command")

    sp = sub.add_parser("import", help="import CSV exports (files or folders)")
    sp.add_argument("paths", nargs="+")
    sp.add_argument("--strict", action="store_true", help="import nothing if any row has a problem")
    sp.add_argument("--json", action="store_true")
    sp.add_argument("--progress", action="store_true", help="show progress even when not a terminal")
    sp.set_defaults(func=cmd_import)

    sp = sub.add_parser("report", help="revenue and pipeline figures")
    sp.add_argument("--json", action="store_true")
    sp.add_argument("--now", help="ISO 8601 reference time (default: now)")
    sp.set_defaults(func=cmd_report)

    sp = sub.add_parser("show", help="one record with its associations")
    sp.add_argument("kind", choices=["deal", "contact", "company"])
    sp.add_argument("name", help="id or name")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(func=cmd_show)

    sp = sub.add_parser("set", help="workspace settings: `spectrum set cash AMOUNT`")
    sp.add_argument("key")
    sp.add_argument("value")
    sp.set_defaults(func=cmd_set)

    sp = sub.add_parser("audit", help="the audit log")
    sp.add_argument("--json", action="store_true")
    sp.add_argument("--verify", action="store_true", help="check the hash chain")
    sp.add_argument("--against", metavar="EXPORT", help="with --verify: check against an export's anchor")
    sp.add_argument("--export", metavar="FILE", help="write every entry and the anchor to FILE (JSON)")
    sp.add_argument("--limit", type=int, default=50)
    sp.set_defaults(func=cmd_audit)

    sp = sub.add_parser("stages", help="list pipeline stages, or edit one: order, label, probability")
    sp.add_argument("label", nargs="?", help="the stage to edit")
    sp.add_argument("--position", type=int, help="new 0-based place in the pipeline")
    sp.add_argument("--probability", type=float, help="win probability 0..1")
    sp.add_argument("--rename", help="new label")
    sp.add_argument("--pipeline", help="pipeline name when several have the stage")
    sp.add_argument("--map", metavar="CRM_STAGE",
                    help="map the stage to a CRM stage (id or label) so held stage moves are pushed")
    sp.add_argument("--crm", default="hubspot", choices=["hubspot", "pipedrive"],
                    help="with --map: the CRM (default hubspot)")
    sp.set_defaults(func=cmd_stages)

    from desktop import cli_plans

    cli_plans.register(sub)
    for module in ("desktop.voice.commands", "desktop.sync.commands", "desktop.agents.commands",
                   "desktop.mcp.commands"):
        try:
            mod = importlib.import_module(module)
        except ImportError as exc:
            if exc.name and exc.name.startswith(module):
                continue
            raise
        mod.register(sub)
    return p


def has_display() -> bool:
    """True when a GUI can be shown (X11/Wayland display, or an explicit QT_QPA_PLATFORM)."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _may_have_unfinished_notes(root: Path) -> bool:
    """A cheap look: a note folder without a manifest, or a manifest mentioning "recording"."""
    if not root.is_dir():
        return False
    for d in root.iterdir():
        manifest = d / "manifest.json"
        if d.is_dir() and (not manifest.is_file() or '"recording"' in manifest.read_text("utf-8", errors="replace")):
            return True
    return False


def _recover_notes(settings: Settings) -> None:
    """Voice notes a dead app left ``recording`` become ``queued`` with their duration (audio kept),
    and one line on stderr says so; the app and ``spectrum notes`` transcribe them."""
    try:
        if not _may_have_unfinished_notes(Path(settings.data_dir) / "notes"):
            return  # the common case, without importing the voice layer
        from desktop.voice.notes import recover_unfinished

        notes = recover_unfinished(settings.data_dir)
    except OSError as exc:  # an unreadable notes folder must not stop an unrelated command
        logging.getLogger("desktop.cli").warning("voice note recovery skipped: %s", exc)
        return
    if notes:
        logging.getLogger("desktop.cli").info("recovered %d voice note(s) left recording: %s", len(notes),
                                              ", ".join(n.id for n in notes))
        seconds = sum(n.duration for n in notes)
        print(f"spectrum: recovered {len(notes)} voice note(s) cut off while recording ({seconds:.1f} s of "
              "audio kept); `spectrum notes list` or the app transcribes them", file=sys.stderr)


def _is_keyring_error(exc: BaseException) -> bool:
    try:
        from keyring.errors import KeyringError
    except ImportError:  # pragma: no cover - keyring is a dependency
        return False
    return isinstance(exc, KeyringError)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``spectrum`` console script. Returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    overrides = {"data_dir": args.data_dir} if args.data_dir else {}
    args.settings = Settings(**overrides)
    from desktop.logs import setup_logging
    from desktop.store.errors import WorkspaceError

    log_file = setup_logging(args.settings.data_dir)
    log = logging.getLogger("desktop.cli")
    if args.command is not None:
        _recover_notes(args.settings)  # (the app does it on its voice start-up, off the UI thread)
    try:
        if args.command is None:
            from desktop import cli_plans

            if args.smoke:
                return cli_plans.smoke(args)
            if args.headless or not has_display():
                if not args.headless:
                    print("No display found: running the main job headlessly instead "
                          "(speech → transcript → plan → confirm → updated deal).")
                return cli_plans.headless_demo(args)
            from desktop.services.backend import Backend
            from desktop.ui.app import run_app

            return run_app(args.settings, Backend.open)
        return int(args.func(args) or 0)
    except WorkspaceError as exc:
        log.error("workspace error in %r", args.command, exc_info=True)
        _err(str(exc) + (f" (log: {log_file})" if log_file and "see the log" in str(exc) else ""))
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `spectrum notes list | head -1`: the reader left; stop quietly, as Unix tools do
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except OSError:
            pass
        return 141
    except Exception as exc:  # the last line of defence: a sentence, not a traceback
        if _is_keyring_error(exc):
            _err("no usable keyring to keep the CRM token in. Install one (on Linux: `pip install "
                 "secretstorage` with a running Secret Service, e.g. gnome-keyring or KeePassXC), or choose a "
                 "backend with PYTHON_KEYRING_BACKEND (e.g. keyrings.alt.file.EncryptedKeyring after "
                 "`pip install keyrings.alt`). The token is never written anywhere else.")
            log.error("no keyring backend: %s", type(exc).__name__)
            return 2
        log.error("unexpected error in %r", args.command, exc_info=True)
        _err(f"unexpected error: {type(exc).__name__}: {exc}"
             + (f". Details are in {log_file}" if log_file else ""))
        return 1
