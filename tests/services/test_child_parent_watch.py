"""A background child (scheduler, sender, sync) stops when the app that started it dies, even by
SIGKILL: nothing keeps running, unseen, against the user's workspace (the stdin pipe closes)."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

PARENT = textwrap.dedent("""
    import sys, threading
    from desktop.services.child import desktop_command
    from desktop.services.child import ChildProcess
    started = threading.Event()
    child = ChildProcess(desktop_command(sys.argv[1], "agents", "serve", "--json"),
                         on_line=lambda line: started.set()).start()
    print(child.proc.pid, flush=True)
    threading.Event().wait()  # until killed
""")


@pytest.mark.skipif(not hasattr(os, "pidfd_open"), reason="needs Linux pidfd to await another process's exit")
def test_the_scheduler_child_exits_when_the_app_is_killed(tmp_path):
    parent = subprocess.Popen([sys.executable, "-c", PARENT, str(tmp_path / "ws")], cwd=ROOT,
                              stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    child_pid = 0
    try:
        child_pid = int(parent.stdout.readline())
        exited = os.pidfd_open(child_pid)  # readable once the child has exited
        assert select.select([exited], [], [], 0)[0] == [], "the child should be running"
        parent.send_signal(signal.SIGKILL)
        parent.wait(10)
        assert select.select([exited], [], [], 30)[0] == [exited], "the scheduler child outlived the app"
        os.close(exited)
    finally:
        parent.kill()
        if child_pid:
            try:
                os.kill(child_pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
