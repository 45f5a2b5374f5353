"""Background work in a child process: ``python -m desktop ...`` (or any command) whose stdout is a
stream of JSON lines, read on a helper thread.

Heavy work (CSV import, CRM sync) in a thread of the UI process competes with the UI thread for the
GIL and triggers cyclic-GC pauses over its heap; in a child process it costs the UI nothing but a
pipe read. No Qt here: callbacks run on the reader thread; the UI relays them to its own thread.

A child outlives a crashed app by at most one of its own output lines: its next write to the
closed stdout pipe raises BrokenPipeError and ends it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Any

LineCallback = Callable[[dict[str, Any]], None]


def desktop_command(data_dir: str | Path, *args: str) -> list[str]:
    """``[python, -m, desktop, --data-dir, DIR, *args]`` with this interpreter."""
    return [sys.executable, "-m", "desktop", "--data-dir", str(data_dir), *args]


#: Scheduling niceness added to background children: on a 2-core machine the UI process then wins
#: the CPU whenever it has work (the import or sync only waits a few ms longer).
BACKGROUND_NICE = 10


def _lower_priority(pid: int) -> None:
    """Renice the started child by :data:`BACKGROUND_NICE` from the parent. (Not a
    ``preexec_fn``: that forces a full fork() of the UI process, which holds the GIL for
    60-200 ms with a 600 MB heap, where vfork/exec costs ~1 ms.)"""
    try:
        cur = os.getpriority(os.PRIO_PROCESS, pid)
        os.setpriority(os.PRIO_PROCESS, pid, min(19, cur + BACKGROUND_NICE))
    except (AttributeError, OSError):  # not POSIX, or the child already exited
        pass


#: Set in a child's environment by :class:`ChildProcess`: the child exits when its stdin reaches end
#: of file, i.e. when the parent is gone (:func:`desktop.cli.watch_parent`).
PARENT_WATCH_ENV = "SPECTRUM_PARENT_WATCH"


def child_env() -> dict[str, str]:
    """The environment for a child: ours, with the repository / app root on PYTHONPATH so
    ``-m desktop`` resolves to the same code as the parent."""
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.setdefault("PYTHONUNBUFFERED", "1")
    return env


class ChildProcess:
    """Runs ``argv`` in a child process; each stdout line that is a JSON object goes to
    ``on_line(dict)`` (other lines are kept in :attr:`text_lines`); the last 40 stderr lines are
    kept in :attr:`stderr_tail` for error messages.

    Args:
        argv: the command (see :func:`desktop_command`).
        on_line: called on the reader thread for each JSON object line.
        on_exit: called on the reader thread once, with the exit code, after stdout closed.
    Raises OSError from :meth:`start` when the command cannot be started.
    """

    def __init__(self, argv: list[str], on_line: LineCallback | None = None,
                 on_exit: Callable[[int], None] | None = None, env: dict[str, str] | None = None) -> None:
        self.argv = argv
        self.on_line = on_line
        self.on_exit = on_exit
        self.env = env if env is not None else child_env()
        self.proc: subprocess.Popen | None = None
        self.text_lines: list[str] = []
        self.stderr_tail: deque[str] = deque(maxlen=40)
        self.returncode: int | None = None
        self.cancelled = False
        self._done = threading.Event()

    def start(self) -> ChildProcess:
        """Start the child and its reader threads; returns self."""
        # the child's stdin is a pipe nobody writes to: when this process ends in any way (even
        # SIGKILL), the pipe closes and the child stops itself (desktop.cli.watch_parent)
        env = {**self.env, PARENT_WATCH_ENV: "1"}
        self.proc = subprocess.Popen(self.argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.PIPE,
                                     env=env, text=True, encoding="utf-8", errors="replace", bufsize=1)
        _lower_priority(self.proc.pid)
        self._err_thread = threading.Thread(target=self._read_err, name="child-stderr", daemon=True)
        self._err_thread.start()
        threading.Thread(target=self._read_out, name="child-stdout", daemon=True).start()
        return self

    def _read_err(self) -> None:
        assert self.proc is not None and self.proc.stderr is not None
        for line in self.proc.stderr:
            line = line.rstrip("\n").split("\r")[-1]
            if line.strip():
                self.stderr_tail.append(line)

    def _read_out(self) -> None:
        assert self.proc is not None and self.proc.stdout is not None
        for line in self.proc.stdout:
            line = line.strip()
            if not line:
                continue
            msg = None
            if line.startswith("{"):
                try:
                    msg = json.loads(line)
                except ValueError:
                    msg = None
            if isinstance(msg, dict):
                if self.on_line is not None:
                    try:
                        self.on_line(msg)
                    except Exception:  # noqa: BLE001 - a bad callback must not kill the reader
                        pass
            else:
                self.text_lines.append(line)
        self.returncode = self.proc.wait()
        self._err_thread.join(5.0)  # stderr fully read before anyone asks for error_text()
        self._done.set()
        if self.on_exit is not None:
            self.on_exit(self.returncode)

    @property
    def running(self) -> bool:
        """True until the child exited and its output was read."""
        return self.proc is not None and not self._done.is_set()

    def error_text(self) -> str:
        """The child's last meaningful stderr line (``spectrum: `` prefix removed), or ''."""
        for line in reversed(self.stderr_tail):
            if line.startswith("spectrum: "):
                return line[len("spectrum: "):]
        return self.stderr_tail[-1] if self.stderr_tail else ""

    def wait(self, timeout: float | None = None) -> int | None:
        """Block until the child exited and its output was read (seconds); the exit code, or None on timeout."""
        self._done.wait(timeout)
        return self.returncode

    def cancel(self, grace_s: float = 3.0) -> None:
        """Ask the child to stop (SIGTERM), then kill it after ``grace_s`` seconds."""
        self.cancelled = True
        p = self.proc
        if p is None or p.poll() is not None:
            return
        p.terminate()
        try:
            p.wait(grace_s)
        except subprocess.TimeoutExpired:
            p.kill()
