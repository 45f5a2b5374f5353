"""The ``spectrum`` command: a thin layer over the services, one module per command group.

``spectrum`` alone starts the desktop app (or, with no display, runs the main job headlessly).
Command groups: :mod:`~desktop.cli.workspace` (import, report, show, set, audit, stages),
:mod:`~desktop.cli.plans` (plan, run, undo, approvals), :mod:`~desktop.cli.voice` (transcribe,
notes), :mod:`~desktop.cli.sync` (connect, sync), :mod:`~desktop.cli.agents` (agents, ask, consent)
and :mod:`~desktop.cli.mcp` (mcp). Objects come from the composition root (:mod:`desktop.bootstrap`).
Exit codes: 0 success, 1 a problem the message explains, 2 bad usage / ambiguous input,
3 the user declined.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
import threading
from pathlib import Path

from desktop import bootstrap
from desktop.cli import agents, email, mcp, plans, sync, voice, workspace
from desktop.cli._common import err as _err
from desktop.config import Settings
from desktop.logs import setup_logging
from desktop.store.errors import WorkspaceError


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered."""
    p = argparse.ArgumentParser(prog="spectrum", description="Spectrum: voice-first CRM command center")
    p.add_argument("--data-dir", type=Path, help="workspace folder (default: per-user data dir; "
                                                 "env SPECTRUM_DATA_DIR)")
    p.add_argument("--smoke", action="store_true", help="start offscreen, load the model, plan one "
                                                        "instruction, exit 0")
    p.add_argument("--headless", action="store_true", help="run the spoken demo in the terminal")
    sub = p.add_subparsers(dest="command")

    for group in (workspace, plans, voice, sync, agents, mcp, email):  # (email extends sync's `connect`)
        group.register(sub)
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
        from desktop.voice.notes import recover_unfinished  # lazy: numpy, only when a note was cut off

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
        from keyring.errors import KeyringError  # lazy: keyring's backends load only after an error
    except ImportError:  # pragma: no cover - keyring is a dependency
        return False
    return isinstance(exc, KeyringError)


def watch_parent() -> threading.Thread:
    """Stop this process (SIGTERM to itself, so its own clean-up runs) when stdin reaches end of
    file: the app that started it as a child (:class:`desktop.services.child.ChildProcess`) has
    exited or crashed, and a scheduler, sender or sync child must not outlive it. Returns the
    daemon thread that waits."""
    def wait() -> None:
        try:
            while sys.stdin.buffer.read(4096):
                pass  # nobody writes; anything written is ignored
        except (OSError, ValueError):
            pass
        os.kill(os.getpid(), signal.SIGTERM)

    t = threading.Thread(target=wait, name="parent-watch", daemon=True)
    t.start()
    return t


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``spectrum`` console script. Returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    overrides = {"data_dir": args.data_dir} if args.data_dir else {}
    args.settings = Settings(**overrides)
    log_file = setup_logging(args.settings.data_dir)
    log = logging.getLogger("desktop.cli")
    if os.environ.get("SPECTRUM_PARENT_WATCH") == "1":
        watch_parent()
    if args.command is not None:
        _recover_notes(args.settings)  # (the app does it on its voice start-up, off the UI thread)
    try:
        if args.command is None:
            if args.smoke:
                return plans.smoke(args)
            if args.headless or not has_display():
                if not args.headless:
                    print("No display found: running the main job headlessly instead "
                          "(speech → transcript → plan → confirm → updated deal).")
                return plans.headless_demo(args)
            return bootstrap.run_app(args.settings)
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
    except Exception as exc:
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
