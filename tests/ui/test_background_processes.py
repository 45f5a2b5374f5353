"""Import and sync run in child processes: the status bar shows live sync state, a pull that
changed records refreshes the panels, errors are shown, an import can be cancelled."""

from __future__ import annotations

import os
import sys
import threading

import pytest

from desktop.services.backend import Backend
from desktop.store.importer import ImportFailed


def _fake_child(lines: list[str], stderr: str = "", code: int = 0) -> list[str]:
    """A child printing ``lines`` (JSON) on stdout and ``stderr``, then exiting with ``code``."""
    src = ("import sys\n" + "".join(f"print({ln!r}, flush=True)\n" for ln in lines)
           + (f"print({stderr!r}, file=sys.stderr, flush=True)\n" if stderr else "") + f"sys.exit({code})\n")
    return [sys.executable, "-c", src]


def test_sync_child_pull_updates_status_bar_and_refreshes_panels(qtbot, window):
    w = window
    assert w.sync_label.text() == "Sync: not connected"  # no token in the keyring
    sync = w.live_sync
    sync.interval_s = 3600
    sync.fixed_argv = _fake_child([  # the `spectrum sync --watch` line format
        '{"event": "cycle", "cycle": 1, "at": 1763750000.0, "seconds": 0.8, "crms": [{"crm": "hubspot", '
        '"pulled": {"deal": 2}, "archived": {}, "new_conflicts": 1, "sent": 3, "retrying": 0, "dead": 0, '
        '"requests": 2, "offline": false, "waiting": 0, "outbox": {"sent": 3}, "dead_letters": 0, '
        '"open_conflicts": 1, "error": null, "message": null}]}'])
    with qtbot.waitSignal(w.bridge.changed, timeout=15000, check_params_cb=lambda c: "crm" in c.scopes):
        sync.start()
    qtbot.waitUntil(lambda: w.sync_label.text().startswith("Sync: ✓ "), timeout=10000)
    assert sync.state["pulled"] == 2 and sync.state["crm"] == "hubspot"
    assert "pulled 2, pushed 3" in w.sync_label.toolTip()
    # the visible Pipeline panel reloads from the change event
    with qtbot.waitSignal(w.bridge.refreshed, timeout=10000, check_params_cb=lambda n: n == "pipeline"):
        pass
    sync.stop()


def test_sync_child_error_is_shown_and_retried(qtbot, window):
    w = window
    sync = w.live_sync
    sync.restart_s = 3600
    sync.fixed_argv = _fake_child([], stderr="spectrum: hubspot: quota exceeded", code=1)
    sync.start()
    qtbot.waitUntil(lambda: "error" in w.sync_label.text(), timeout=15000)
    assert "quota exceeded" in w.sync_label.toolTip()
    assert sync._restart.isActive()  # retried later, not given up
    sync.stop()
    assert not sync._restart.isActive()


def test_rejected_token_is_shown_while_the_loop_keeps_running(qtbot, window):
    w = window
    sync = w.live_sync
    sync.fixed_argv = _fake_child([
        '{"event": "cycle", "cycle": 1, "crms": [{"crm": "hubspot", "error": "auth", "message": '
        '"the hubspot token was rejected or has expired; run `spectrum connect hubspot`", '
        '"outbox": {"pending": 2}, "dead_letters": 0, "open_conflicts": 0}]}',
        '{"event": "stopped", "cycles": 1}'])
    sync.start()
    qtbot.waitUntil(lambda: "error" in w.sync_label.text(), timeout=15000)
    assert "token was rejected" in w.sync_label.toolTip()
    sync.stop()


def test_not_connected_child_exit_shows_not_connected(qtbot, window):
    w = window
    sync = w.live_sync
    sync.fixed_argv = _fake_child([], stderr="spectrum: no CRM connected; run `spectrum connect hubspot`", code=2)
    with qtbot.waitSignal(sync.state_changed, timeout=15000, check_params_cb=lambda st: st["state"] == "off"):
        sync.start()
    assert "no CRM connected" in w.sync_label.toolTip()
    assert not sync._restart.isActive()


def test_sandbox_sync_runs_against_the_local_emulator_in_a_child(qtbot, window):
    """The real ``spectrum sync --sandbox`` child: CRM emulator on 127.0.0.1, throw-away state."""
    w = window
    sync = w.live_sync
    sync.interval_s = 3600
    with qtbot.waitSignal(sync.state_changed, timeout=60000, check_params_cb=lambda st: st["state"] == "ok"):
        w.sandbox_action.setChecked(True)  # File → Sync with the sandbox CRM
    assert sync.state["crm"] == "hubspot" and sync.state["pulled"] > 0
    assert w.sync_label.text().startswith("Sync: ✓")
    assert sync.task is not None and sync.task.running  # the long-running child waits for its next pass
    assert str(w.qs.value("sync/sandbox")).lower() == "true"  # remembered
    first = sync.task
    with qtbot.waitSignal(sync.state_changed, timeout=60000, check_params_cb=lambda st: st["state"] == "ok"):
        w.sync_now_action.trigger()  # a new pass at once, in a new child
    assert sync.task is not first
    sync.stop()


def test_import_in_child_process_reports_problems_and_cancels(tmp_path, fixture_dir):
    from desktop.config import Settings

    settings = Settings(data_dir=tmp_path / "ws")
    backend = Backend.open(settings)
    try:
        with pytest.raises(ImportFailed, match="no such file or folder"):
            backend.import_paths([tmp_path / "missing"])
        # cancel on the first progress report of a 30k-contact export: nothing is imported (one transaction)
        big = tmp_path / "big"
        big.mkdir()
        with open(big / "contacts.csv", "w", encoding="utf-8") as f:
            f.write("Record ID,First Name,Last Name,Email,Create Date\n")
            f.writelines(f"{100000 + i},Pat{i},Bulk,pat{i}@bulk.test,2026-04-03 00:00\n" for i in range(30000))
        seen = threading.Event()

        def progress(name, done, total, rows):
            if not seen.is_set():
                seen.set()
                backend.cancel_import()

        with pytest.raises(ImportFailed, match="cancelled"):
            backend.import_paths([big], progress)
        assert seen.is_set()
        assert backend.record_choices("Bulk") == []
        report, change = backend.import_paths([fixture_dir])
        assert report.imported > 0 and "crm" in change.scopes
        assert len(backend.deal_rows()) > 0
    finally:
        backend.close()


def test_background_child_runs_at_lower_priority_and_reports_lines():
    from desktop.services.child import BACKGROUND_NICE, ChildProcess

    got: list[dict] = []
    src = "import os, json, sys; print('plain text'); print(json.dumps({'nice': os.nice(0)}));" \
          "print('spectrum: boom', file=sys.stderr)"
    child = ChildProcess([sys.executable, "-c", src], on_line=got.append).start()
    assert child.wait(30) == 0
    assert got == [{"nice": os.nice(0) + BACKGROUND_NICE}]
    assert child.text_lines == ["plain text"] and child.error_text() == "boom"


def test_sync_pass_that_pulled_nothing_does_not_reload_panels(tmp_path):
    from desktop.config import Settings

    backend = Backend.open(Settings(data_dir=tmp_path / "ws"))
    try:
        quiet = {"crm": "hubspot", "pulled": {"deal": 0}, "archived": {"deal": 0}, "sent": 0}
        assert backend.sync_change(quiet).scopes == {"sync"}
        assert "crm" in backend.sync_change(dict(quiet, archived={"deal": 1})).scopes
        assert backend.sync_change({"crm": "hubspot", "error": "offline"}) is None
    finally:
        backend.close()


def test_changes_held_back_from_the_crm_are_counted_and_explained_in_the_status_bar(qtbot, window):
    """Issue 13 #2: a stage move with no CRM stage is held with a visible reason."""
    from datetime import datetime

    from desktop.store import schema as s

    w = window
    reason = ("held: stage 'Legal Review' has no HubSpot stage: map it with "
              "`spectrum stages 'Legal Review' --map <HubSpot stage> --crm hubspot`")
    with w.bridge.backend.ws.uow() as uow:
        uow.session.add(s.OutboxItem(created_at=datetime(2026, 12, 6), entity_type="deal", local_id=5004,
                                     op="update", payload="{}", idempotency_key="held-1",
                                     status="retrying", last_error=reason, crm="hubspot"))
        uow.commit()
    w.refresh_status()
    qtbot.waitUntil(lambda: "1 held" in w.sync_label.text(), timeout=10000)
    assert "waiting" not in w.sync_label.text()  # the held row is not counted as waiting too
    assert "stage 'Legal Review' has no HubSpot stage" in w.sync_label.toolTip()
