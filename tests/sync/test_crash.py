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
                    try:
                        os.kill(pid, signal.SIGKILL)
                    except ProcessLookupError:
                        pass  # it ended (and was reaped) between the wait and the kill: a clean run
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


def _workspace_changes(ws, round_no: int, rng: random.Random) -> None:
    """A plan's worth of local changes written the way the executor writes them: contact rows plus
    their outbox rows (creates, then updates of earlier contacts)."""
    import json
    import uuid
    from datetime import datetime

    from desktop.store import schema as sch

    with ws.uow() as uow:
        ses = uow.session
        now = datetime(2026, 11, 21, 10, 0)
        base = round_no * 100
        for i in range(12):
            cid = base + i
            ses.add(sch.Contact(id=cid, first_name="New", last_name=f"{round_no}-{i}", email=f"k{cid}@x.test",
                                created_at=now, updated_at=now))
            ses.add(sch.OutboxItem(created_at=now, entity_type="contact", local_id=cid, op="create",
                                   payload=json.dumps({"first_name": "New", "last_name": f"{round_no}-{i}",
                                                       "email": f"k{cid}@x.test"}),
                                   idempotency_key=uuid.uuid4().hex, status="pending"))
        earlier = [r * 100 + i for r in range(1, round_no) for i in range(12)]
        for cid in rng.sample(earlier, min(6, len(earlier))):
            ses.add(sch.OutboxItem(created_at=now, entity_type="contact", local_id=cid, op="update",
                                   payload=json.dumps({"first_name": f"Edit{round_no}"}),
                                   idempotency_key=uuid.uuid4().hex, status="pending"))
        uow.commit()


class _SignalLog(list):
    """The emulator's request log, with an event set on every request (so the test waits on it)."""

    def __init__(self, items) -> None:
        import threading

        super().__init__(items)
        self.requested = threading.Event()

    def append(self, item) -> None:
        super().append(item)
        self.requested.set()


def _remote_contacts(emu) -> dict:
    return {o["props"].get(KEY_PROPERTY): (o["props"].get("email"), o["props"].get("firstname"), o["archived"])
            for o in emu.hubspot.objects["contacts"].values()}


def test_sigkill_of_spectrum_sync_on_the_workspace_outbox(tmp_path):
    """Issue 19 #9: the real path. `spectrum sync --once` on a SQLite workspace is SIGKILLed at
    random points after its first request, at least 30 times; then it runs to the end. The CRM holds
    no duplicate and loses no change, and its contacts equal those of a run that was never killed."""
    import time

    from desktop.store import schema as sch
    from desktop.store.db import open_workspace

    keyring_file = tmp_path / "keyring.json"
    env = dict(os.environ, PYTHONPATH=f"{ROOT}{os.pathsep}{Path(__file__).parent}",
               PYTHON_KEYRING_BACKEND="file_keyring.FileKeyring", SPECTRUM_TEST_KEYRING=str(keyring_file))
    keyring_file.write_text(f'{{"spectrum-sync/hubspot": "{TOKEN}"}}')

    def spectrum_sync(data: Path, url: str) -> subprocess.Popen:
        return subprocess.Popen([sys.executable, "-m", "desktop", "--data-dir", str(data), "sync", "--once",
                                 "--push-only", "--crm", "hubspot", "--base-url", url],
                                env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    rng = random.Random(1919)
    killed_dir, clean_dir = tmp_path / "killed", tmp_path / "clean"
    kills = rounds = 0
    with make_emulator(0.0, latency_s=0.25) as emu, make_emulator(0.0, latency_s=0.0) as clean_emu:
        emu.log = _SignalLog(emu.log)
        ws = open_workspace(f"sqlite:///{killed_dir / 'workspace.db'}") if killed_dir.mkdir() is None else None
        clean_dir.mkdir()
        clean_ws = open_workspace(f"sqlite:///{clean_dir / 'workspace.db'}")
        runs = 0
        while kills < 30 or rounds < 2:
            runs += 1
            with ws.uow() as uow:
                unsent = uow.session.query(sch.OutboxItem).filter(sch.OutboxItem.status != "sent").count()
            if unsent < 6:
                rounds += 1
                rng_state = rng.getstate()
                _workspace_changes(ws, rounds, rng)
                rng_clean = random.Random()
                rng_clean.setstate(rng_state)
                _workspace_changes(clean_ws, rounds, rng_clean)
            emu.log.requested.clear()
            proc = spectrum_sync(killed_dir, emu.url)
            deadline = time.monotonic() + 30
            # wait for its first request (the push has begun), or for it to end
            while not emu.log.requested.wait(0.05) and proc.poll() is None and time.monotonic() < deadline:
                pass
            if runs % 10 == 0:
                # every tenth run is left to finish, so the outbox drains and new changes are made even on a
                # machine slow enough that every killed run dies before its first push (a loaded CI box)
                proc.wait(timeout=120)
                continue
            try:
                proc.wait(timeout=rng.uniform(0.0, 0.6))  # a random point after the first request ...
            except subprocess.TimeoutExpired:
                proc.send_signal(signal.SIGKILL)  # ... unless it finished first
                kills += proc.wait() == -signal.SIGKILL
        assert spectrum_sync(killed_dir, emu.url).wait(60) == 0  # restarted, it finishes
        assert spectrum_sync(clean_dir, clean_emu.url).wait(60) == 0  # the run nobody killed
        killed, clean = _remote_contacts(emu), _remote_contacts(clean_emu)
        counts = Counter(o["props"].get(KEY_PROPERTY) for o in emu.hubspot.objects["contacts"].values())
        with ws.uow() as uow:
            left = uow.session.query(sch.OutboxItem).filter(sch.OutboxItem.status != "sent").count()
        ws.dispose()
        clean_ws.dispose()
    assert kills >= 30 and rounds >= 2
    assert max(counts.values()) == 1  # zero duplicates
    assert left == 0  # zero losses: every change was sent ...
    assert sorted(v for v in killed.values()) == sorted(v for v in clean.values())  # ... and the CRM agrees
