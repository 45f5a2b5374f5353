"""Crash safety: SIGKILL the pushing process at random points, restart, and check the CRM ends
with zero duplicates and zero lost changes."""

from __future__ import annotations

import os
import random
import select
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

from sync_helpers import TOKEN, make_emulator

from desktop.sync.mapping_hubspot import KEY_PROPERTY
from desktop.sync.state import FileState

CHILD = Path(__file__).with_name("push_child.py")
ROOT = Path(__file__).resolve().parents[2]


class ForkServer:
    """The crash-test pusher: a fork server subprocess (see push_child.py)."""

    def __init__(self, state_path: Path, url: str) -> None:
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        self.proc = subprocess.Popen([sys.executable, str(CHILD), str(state_path), url, TOKEN],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, text=True)

    def start_push(self) -> int:
        """Fork a pusher; returns its pid."""
        assert self.proc.stdin and self.proc.stdout
        self.proc.stdin.write("run\n")
        self.proc.stdin.flush()
        return int(self.proc.stdout.readline())

    def finished_within(self, seconds: float) -> bool:
        """Wait up to ``seconds`` for the pusher to end by itself (select on the pipe)."""
        assert self.proc.stdout
        ready, _, _ = select.select([self.proc.stdout], [], [], seconds)
        return bool(ready)

    def wait_exit(self) -> int:
        """The pusher's wait status."""
        assert self.proc.stdout
        line = self.proc.stdout.readline().split()
        assert line[0] == "exit", line
        return int(line[1])

    def close(self) -> None:
        assert self.proc.stdin
        self.proc.stdin.close()
        self.proc.wait(timeout=10)
        assert self.proc.stdout
        self.proc.stdout.close()


def add_changes(state: FileState, rng: random.Random, round_no: int) -> None:
    """A plan's worth of local changes: creates, updates of known contacts, some deletes."""
    for i in range(40):
        state.local_change("contact", "create", {"email": f"r{round_no}-{i}@x.test",
                                                 "first_name": "New", "last_name": str(i)})
    live = [k for k in state.records if k not in state.archived]
    for k in rng.sample(live, min(20, len(live))):
        state.local_change("contact", "update", {"first_name": f"Edit{round_no}"}, local_id=k[1])
    for k in rng.sample(live, min(3, len(live))):
        state.local_change("contact", "delete", local_id=k[1])


def test_sigkill_during_push_loses_nothing_and_duplicates_nothing(tmp_path):
    rng = random.Random(20261121)
    path = tmp_path / "sync.json"
    kills = 0
    with make_emulator(0.05, seed=3, kinds=("drop_after", "truncate", "500"), latency_s=0.003) as emu:
        server = ForkServer(path, emu.url)
        round_no = 0
        try:
            while kills < 50:
                state = FileState(path)
                if len(state.outbox_unsent()) < 30:
                    round_no += 1
                    add_changes(state, rng, round_no)
                pid = server.start_push()
                if not server.finished_within(rng.uniform(0.0, 0.1)):
                    os.kill(pid, signal.SIGKILL)
                    status = server.wait_exit()
                    assert os.WIFSIGNALED(status) or status == 0
                    kills += os.WIFSIGNALED(status)
                else:
                    assert server.wait_exit() == 0
            server.start_push()  # restart and let it finish
            assert server.wait_exit() == 0
        finally:
            server.close()
        remote = list(emu.hubspot.objects["contacts"].values())
    state = FileState(path)
    assert state.outbox_unsent() == [] and state.summary()["dead_letters"] == []
    # zero duplicates: every record key exists once remotely
    keys = Counter(o["props"].get(KEY_PROPERTY) for o in remote)
    assert keys and max(keys.values()) == 1
    # zero lost changes: every local record is remote with its latest values (or archived)
    by_key = {o["props"][KEY_PROPERTY]: o for o in remote}
    assert len(by_key) == len(state.keys)
    for k, key in state.keys.items():
        obj = by_key[key]
        assert obj["archived"] == (k in state.archived), k
        if k not in state.archived:
            assert obj["props"]["firstname"] == state.records[k]["first_name"], k
    assert kills >= 50 and round_no >= 2
