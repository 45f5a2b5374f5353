"""`spectrum sync --watch`: one JSON line per cycle on stdout, clean exit on SIGTERM (the desktop
app runs it as a child process)."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.timeout(60)
def test_watch_prints_one_json_line_per_cycle_and_stops_on_sigterm(tmp_path):
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop", "--data-dir", str(tmp_path), "sync", "--sandbox",
         "--watch", "--interval", "0.2"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        first = json.loads(proc.stdout.readline())
        second = json.loads(proc.stdout.readline())
        proc.send_signal(signal.SIGTERM)
        rest = [json.loads(line) for line in proc.stdout]  # every stdout line is JSON
        assert proc.wait(timeout=20) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
    assert (first["event"], first["cycle"], second["cycle"]) == ("cycle", 1, 2)
    (hub,) = first["crms"]
    assert hub["crm"] == "hubspot" and hub["error"] is None
    assert hub["pulled"]["contact"] == 3 and hub["sent"] == 2 and hub["outbox"] == {"sent": 2}
    assert second["crms"][0]["sent"] == 0 and second["crms"][0]["open_conflicts"] == 0
    assert second["crms"][0]["archived"] == {}  # no remote deletions: nothing to refresh
    assert rest[-1]["event"] == "stopped" and rest[-1]["cycles"] >= 2
    assert all(line["event"] == "cycle" for line in rest[:-1])
