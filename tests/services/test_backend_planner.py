"""The desktop backend's planner: rebuilt after changes without holding the backend lock, a change
during a build makes that build stale, and the replaced index is freed piecemeal."""

from __future__ import annotations

import threading
from datetime import datetime

from desktop.config import Settings
from desktop.services import planning
from desktop.services.backend import Backend

NOW = datetime(2026, 11, 21, 9, 0)


def test_rebuild_runs_outside_the_backend_lock_and_a_change_meanwhile_keeps_it_dirty(workspace, tmp_path,
                                                                                      monkeypatch):
    backend = Backend(Settings(data_dir=tmp_path), workspace, now=lambda: NOW)
    first = backend.planner()
    assert backend.planner() is first  # no change: no rebuild
    first_id, first_contacts = id(first), first.index.contacts
    del first  # nothing but the backend holds the planner now
    started, release = threading.Event(), threading.Event()
    real_build = planning.build

    def slow_build(*args, **kwargs):
        started.set()
        assert release.wait(10)
        return real_build(*args, **kwargs)

    monkeypatch.setattr(planning, "build", slow_build)
    backend._planner_dirty = True  # a plan was applied
    got = {}
    t = threading.Thread(target=lambda: got.setdefault("p", backend.planner()))
    t.start()
    assert started.wait(10)
    # the backend lock is free during the build (cancel_import, the agents runtime use it)
    assert backend._lock.acquire(timeout=1)
    backend._lock.release()
    backend._planner_dirty = True  # another change while the index is being built
    release.set()
    t.join(10)
    assert id(got["p"]) != first_id
    assert first_contacts == {}  # the replaced index was emptied (freed piecemeal)
    assert backend._planner_dirty  # built from data older than the last change
    monkeypatch.setattr(planning, "build", real_build)
    newest = backend.planner()
    assert newest is not got["p"] and not backend._planner_dirty
    assert newest.plan_offline("Call Mike Chen", now=NOW).actions


def test_a_replaced_planner_still_in_use_is_not_emptied(workspace, tmp_path):
    backend = Backend(Settings(data_dir=tmp_path), workspace, now=lambda: NOW)
    in_use = backend.planner()  # held, as by a plan running on another reader thread
    backend._planner_dirty = True
    assert backend.planner() is not in_use
    assert in_use.index.contacts  # still whole
    assert in_use.plan_offline("Call Mike Chen", now=NOW).actions


def test_refresh_planner_rebuilds_only_when_stale(workspace, tmp_path):
    backend = Backend(Settings(data_dir=tmp_path), workspace, now=lambda: NOW)
    first = backend.planner()
    backend.refresh_planner()
    assert backend._planner is first
    backend._planner_dirty = True
    backend.refresh_planner()
    assert backend._planner is not first and not backend._planner_dirty
