"""The main job end to end without a display: bundled speech → transcript → plan → confirm →
updated deal, and a locked database reported in one line."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest

from desktop.cli import main


@pytest.mark.slow
def test_headless_demo_updates_the_acme_deal(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["SPECTRUM_DATA_DIR"] = str(tmp_path / "user-data")
    proc = subprocess.run([sys.executable, "-m", "desktop"], env=env, capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "No display found" in out
    assert "Acme" in out.split("2. Transcript", 1)[1].splitlines()[0]
    assert "amount: 60000.0 → 100000.0" in out
    assert "competitor: None → Salesforce" in out
    assert "task: Follow up with Mike Chen (due 2026-12-05)" in out
    assert not (tmp_path / "user-data" / "workspace.db").exists(), "the demo never touches user data"


def test_locked_database_is_one_clear_line(tmp_path, fixture_dir, capsys, monkeypatch):
    data = tmp_path / "d"
    assert main(["--data-dir", str(data), "import", str(fixture_dir)]) == 0
    monkeypatch.setattr("desktop.store.db.BUSY_TIMEOUT_MS", 100)
    holder = sqlite3.connect(data / "workspace.db")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        capsys.readouterr()
        assert main(["--data-dir", str(data), "set", "cash", "1000"]) == 1
    finally:
        holder.rollback()
        holder.close()
    err = capsys.readouterr().err.strip()
    assert "locked by another program" in err and len(err.splitlines()) == 1
