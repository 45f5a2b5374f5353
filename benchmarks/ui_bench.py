"""Desktop UI benchmarks on a large workspace: cold start, panel refresh after a change, the
longest UI-thread stall under load, and resident memory after a scripted session.

    .venv/bin/python benchmarks/synth.py bench-data/synth                      # once (lead's script)
    .venv/bin/spectrum --data-dir .tmp/benchws import bench-data/synth          # once
    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/ui_bench.py --data-dir .tmp/benchws \
        --import-dir bench-data/synth

The run changes the workspace (deal moves, an import slice, a sync pull): run each measurement on a
fresh copy (``cp .tmp/benchws/workspace.db /tmp/ws1/``). A/B of the child processes on the same
copy conditions: add ``--import-in-process --sync-in-process`` for the old in-process way, and
``--skip startup,session`` / ``--skip startup,session,refresh`` to time only some phases.

Figures (milliseconds unless stated):
* cold start: process start -> main window shown and the event loop idle ("interactive"),
  -> every panel filled with data, -> speech model ready (a fresh child process, so imports count);
* refresh: a plan is applied (deal moved to another stage) -> each panel's ``refreshed`` signal,
  measured from the bridge's ``changed`` signal (median and worst of N moves, plus undo);
* stall: a 1 ms QTimer probe on the UI event loop records the longest gap between ticks while a 12 s
  utterance is spoken into the fake microphone and transcribed by the real model, a CSV import runs
  (a slice of the synthetic export, in the import child process as the app runs it) and a sync
  push/pull against the local CRM emulator runs (in a child process, as the app's live sync does;
  ``--sync-in-process`` / ``--import-in-process`` run them on a thread of the UI process instead, the
  old way, for A/B comparisons); a watchdog
  records the UI thread's stack during stalls longer than ``--watch-ms``; ``--app-events`` also
  delivers the import's and the pull's changes to the UI as the app does (the visible board
  refreshes, the planner index is rebuilt in the background); ``--diag on`` reports per stall the
  UI thread's CPU / run-queue / blocked (GIL) time, the Qt events and the busy threads
  (:mod:`stall_diag`);
* memory: resident set size after an hour-like scripted session (instructions planned, applied and
  undone, panels switched, utterances spoken).
"""

from __future__ import annotations

import time

T0 = time.perf_counter()

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
from pathlib import Path  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def spin(ms: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait(pred, timeout_s: float = 120.0) -> bool:
    end = time.perf_counter() + timeout_s
    while not pred():
        if time.perf_counter() > end:
            return False
        spin(5)
    return True


PANEL_NAMES = ("pipeline", "revenue", "costs", "agents", "approvals", "notes", "activity")


def build(data_dir: Path, qs_dir: Path, panel: int = 1):
    from PySide6.QtCore import QSettings

    from desktop.bootstrap import build_main_window
    from desktop.config import Settings
    from desktop.services.backend import Backend
    from desktop.ui.app import ensure_app
    from desktop.voice.fakes import FakeInputStreamFactory

    ensure_app()
    factory = FakeInputStreamFactory()
    qs = QSettings(str(qs_dir / "ui.ini"), QSettings.Format.IniFormat)
    qs.setValue("ui/welcomed", True)
    qs.setValue("ui/panel", panel)  # start on the Pipeline board (the heaviest panel)
    w = build_main_window(Settings(data_dir=data_dir), open_backend=Backend.open, qsettings=qs,
                          seed_demo=False, stream_factory=factory)
    w.mic_factory = factory
    return w


# -- cold start (child process) ------------------------------------------------------------------
def child_startup(data_dir: Path) -> None:
    from PySide6.QtCore import QTimer

    qs_dir = Path(tempfile.mkdtemp())
    w = build(data_dir, qs_dir)
    seen: set[str] = set()
    marks: dict[str, float] = {}
    w.bridge.refreshed.connect(seen.add)
    w.voice.model_state.connect(lambda s: s == "ready" and marks.setdefault("model", time.perf_counter()))
    w.show()
    w.start()
    QTimer.singleShot(0, lambda: marks.setdefault("interactive", time.perf_counter()))
    wait(lambda: "interactive" in marks)
    wait(lambda: "pipeline" in seen)  # the restored, visible panel (Pipeline) filled
    marks["data"] = time.perf_counter()
    wait(lambda: "model" in marks)
    out = {k: round((v - T0) * 1000) for k, v in marks.items()}
    w.close()
    print(json.dumps(out))


def cold_start(data_dir: Path, runs: int) -> dict:
    """Child processes with a bytecode cache (as an installed app has; this environment sets
    PYTHONDONTWRITEBYTECODE, so the cache goes to .tmp/pycache). The first run warms it and the
    OS file cache and is not counted."""
    res = []
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(ROOT / ".tmp" / "pycache")
    for i in range(runs + 1):
        t = time.perf_counter()
        p = subprocess.run([sys.executable, __file__, "--child-startup", "--data-dir", str(data_dir)],
                           capture_output=True, text=True, timeout=300, env=env)
        if i == 0:
            continue
        wall = (time.perf_counter() - t) * 1000
        line = [x for x in p.stdout.splitlines() if x.startswith("{")]
        if not line:
            print(p.stderr[-2000:], file=sys.stderr)
            continue
        d = json.loads(line[-1])
        d["process_wall_ms"] = round(wall)
        res.append(d)
    return {"runs": res}


# -- refresh -------------------------------------------------------------------------------------
def refresh_bench(w, moves: int) -> dict:
    """For each panel a deal move touches (pipeline, revenue, activity), with that panel visible:
    time from the bridge's ``changed`` signal to the panel's ``refreshed`` signal."""
    state: dict = {}

    def on_changed(_c):
        state["t"] = time.perf_counter()
        state["seen"] = {}

    def on_refreshed(name):
        if "t" in state and name not in state["seen"]:
            state["seen"][name] = (time.perf_counter() - state["t"]) * 1000

    w.bridge.changed.connect(on_changed)
    w.bridge.refreshed.connect(on_refreshed)
    stages = [c.stage.label for c in w.bridge.backend.board(1) if not c.stage.is_closed]
    deal = w.bridge.backend.deal_rows(None, "", None, 1)[0]
    out: dict = {"moves": moves, "median_ms": {}, "max_ms": {}, "undo_ms": {}}
    k = 0
    for index, name in ((1, "pipeline"), (2, "revenue"), (7, "activity")):
        w.show_panel(index)
        wait(lambda: w.bridge.runner.pending == 0, 60)
        times = []
        for _ in range(moves):
            k += 1
            target = stages[(stages.index(deal["stage"]) + k) % len(stages)]
            plan = w.bridge.backend.stage_move_plan(deal["id"], deal["name"], target)
            state.pop("t", None)
            w.confirm(plan, False)
            wait(lambda: "t" in state and name in state["seen"], 60)  # noqa: B023 - called within this iteration
            times.append(state["seen"].get(name, float("nan")))
            wait(lambda: w.bridge.runner.pending == 0, 60)
        state.pop("t", None)
        w.undo()
        wait(lambda: "t" in state and name in state["seen"], 60)  # noqa: B023 - called within this iteration
        out["undo_ms"][name] = round(state["seen"].get(name, float("nan")), 1)
        wait(lambda: w.bridge.runner.pending == 0, 60)
        out["median_ms"][name] = round(statistics.median(times), 1)
        out["max_ms"][name] = round(max(times), 1)
    return out


# -- stall probe ---------------------------------------------------------------------------------
class Probe:
    """A 1 ms QTimer on the UI thread; ``max_gap_ms`` is the longest time between two ticks
    beyond the interval (how long the event loop could not run)."""

    def __init__(self, watch_ms: float = 200.0, diag: object = None) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.diag = diag  # benchmarks/stall_diag.StallDiag (``--diag``) or None
        self.watch_s = watch_ms / 1000
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._tick)
        self.last = None
        self.gaps: list[float] = []

    def _tick(self) -> None:
        now = time.perf_counter()
        if self.last is not None:
            self.gaps.append((now - self.last) * 1000 - 1)
        self.last = now
        if self.diag is not None:
            self.diag.tick()

    def start(self) -> None:
        self.gaps, self.last = [], None
        self.stacks: list[str] = []
        self._watch = True
        self.main_ident = threading.main_thread().ident
        threading.Thread(target=self._watchdog, daemon=True).start()
        self.timer.start()

    def _watchdog(self) -> None:
        """When the UI thread has not ticked for ``watch_ms``, record what it is doing (once per stall)."""
        import traceback

        flagged = None
        while self._watch:
            time.sleep(min(0.05, self.watch_s / 4))
            last = self.last
            if last is not None and time.perf_counter() - last > self.watch_s and flagged != last:
                flagged = last
                frames = sys._current_frames()
                frame = frames.get(self.main_ident)
                if frame is not None:
                    # the UI thread's stack, plus the innermost frame of every other busy thread
                    # (a UI thread parked in loop.exec() is usually waiting for the GIL they hold)
                    names = {t.ident: t.name for t in threading.enumerate()}
                    others = [f"[{names.get(i, i)}] " + traceback.format_stack(f)[-1].strip().replace("\n", " | ")
                              for i, f in frames.items() if i not in (self.main_ident, threading.get_ident())]
                    self.stacks.append("".join(traceback.format_stack(frame)[-4:]) + "\n".join(others))

    def stop(self) -> dict:
        self.timer.stop()
        self._watch = False
        g = sorted(self.gaps)
        return {"ticks": len(g), "max_gap_ms": round(g[-1], 1) if g else None,
                "p99_gap_ms": round(g[int(len(g) * 0.99)], 1) if g else None,
                "gaps_over_50ms": sum(1 for x in g if x > 50), "stall_stacks": self.stacks[:5]}


def utterance_12s():
    import numpy as np

    from desktop.bootstrap import resources_dir
    from desktop.voice.audio_io import read_audio

    a = read_audio(resources_dir() / "samples" / "acme_call.wav")
    out = np.concatenate([a, np.zeros(8000, np.float32), a])[: 12 * 16000]
    return np.pad(out, (0, max(0, 12 * 16000 - len(out))))


def import_slice(src: Path, rows: int) -> Path:
    dst = Path(tempfile.mkdtemp(prefix="ui-bench-import-"))
    for f in sorted(src.glob("*.csv")):
        with open(f, encoding="utf-8") as a, open(dst / f.name, "w", encoding="utf-8") as b:
            for i, line in enumerate(a):
                if i > rows:
                    break
                b.write(line)
    return dst


def run_sync(data_dir: Path) -> str:
    """One push + pull against the local CRM emulator over the real workspace outbox."""
    import asyncio

    from desktop.cli import sync as commands
    from desktop.config import Settings
    from desktop.store.db import open_workspace
    from desktop.sync.emulator import CrmEmulator
    try:
        from desktop.store.sync_state import StoreState
    except ImportError:  # older layout
        from desktop.store.sync_state import StoreState

    settings = Settings(data_dir=data_dir)
    ws = open_workspace(settings.resolved_database_url())
    try:
        with CrmEmulator(token="bench-token") as emu:
            for i in range(50):
                emu.hubspot.create("contacts", {"email": f"p{i}@bench.test", "firstname": f"P{i}", "lastname": "Bench"})
            args = argparse.Namespace(once=True, pull_only=False, push_only=False, base_url=emu.url, json=True,
                                      interval=60.0, crm="hubspot", settings=settings, domain=None, sandbox=False)
            code = asyncio.run(commands._run([("hubspot", StoreState(ws, "hubspot"), lambda: "bench-token")], args))
            return f"exit {code}"
    finally:
        ws.dispose()


def run_sync_child(data_dir: Path, on_result=None) -> str:
    """:func:`run_sync` in a child process (emulator included), started the way the app starts its
    live sync child (:class:`desktop.services.child.ChildProcess`: same environment and the same
    lowered scheduling priority, ``BACKGROUND_NICE``). ``on_result(dict)``: each per-CRM JSON result
    line, on the child's reader thread."""
    from desktop.services.child import ChildProcess

    results: list[str] = []

    def line(msg: dict) -> None:
        results.append(json.dumps(msg))
        if on_result is not None:
            on_result(msg)

    child = ChildProcess([sys.executable, __file__, "--child-sync", "--data-dir", str(data_dir)],
                         on_line=line).start()
    code = child.wait(600)
    if code is None:
        child.cancel()
        return "failed: timed out"
    lines = results + child.text_lines
    err = " | ".join(child.stderr_tail)[-300:]
    if code != 0 or not lines:
        return f"failed (exit {code}): {err}"
    return lines[-1] if lines[-1] == "exit 0" else " | ".join(lines[-2:])[-600:] + f" | {err}"


def stall_bench(w, data_dir: Path, import_dir: Path | None, slice_rows: int, sync_in_process: bool = False,
                watch_ms: float = 200.0, import_in_process: bool = False, diag: str = "",
                app_events: bool = False) -> dict:
    from PySide6.QtCore import QObject, Signal

    class Relay(QObject):
        """Delivers a Change from the bench's threads to the UI thread (a queued signal)."""
        change = Signal(object)

    relay = Relay()
    relay.change.connect(w.bridge.changed.emit)  # as the app's bridge.write / LiveSync emit them
    probe = Probe(watch_ms)
    probe.start()
    spin(2000)
    idle = probe.stop()
    out: dict = {"idle": idle}
    audio = utterance_12s()
    results: dict = {}
    wait(lambda: w.voice.model_status == "ready" and w.voice.mic_status == "ready", 120)
    plan_seen: dict = {}
    w.plan_shown.connect(lambda p: plan_seen.setdefault("plan", p))

    def background() -> None:
        t = time.perf_counter()
        if import_dir is not None:
            src = import_slice(import_dir, slice_rows)
            try:
                report, change = w.bridge.backend.import_paths([src], in_process=import_in_process)
                results["import"] = f"{report.imported:,} rows in {time.perf_counter() - t:.1f} s"
                if app_events:
                    relay.change.emit(change)
            except Exception as exc:  # noqa: BLE001
                results["import"] = f"failed: {exc}"
        t = time.perf_counter()
        try:
            def on_result(msg: dict) -> None:
                change = w.bridge.backend.sync_change(msg) if app_events else None
                if change is not None:
                    relay.change.emit(change)

            res = run_sync(data_dir) if sync_in_process else run_sync_child(data_dir, on_result)
            results["sync"] = f"{res} in {time.perf_counter() - t:.1f} s ({'thread' if sync_in_process else 'child'})"
        except Exception as exc:  # noqa: BLE001
            results["sync"] = f"failed: {exc}"

    cpu0, wall0 = time.process_time(), time.perf_counter()
    if diag:
        from stall_diag import StallDiag

        probe.diag = StallDiag(watch_ms, profile=diag == "profile")
        probe.diag.start()
        t_start, mods0 = time.perf_counter(), set(sys.modules)
        signals: list = []
        w.bridge.changed.connect(lambda c: signals.append((round(time.perf_counter() - t_start, 2), "changed",
                                                           sorted(c.scopes), c.summary)))
        w.bridge.refreshed.connect(lambda n: signals.append((round(time.perf_counter() - t_start, 2), "refreshed", n)))
    probe.start()
    bg = threading.Thread(target=background, name="bench-load", daemon=True)
    bg.start()
    w.voice.press()
    feeder = threading.Thread(target=lambda: w.mic_factory.last.feed(audio, realtime=True), daemon=True)
    feeder.start()
    wait(lambda: not feeder.is_alive(), 60)
    t_release = time.perf_counter()
    w.voice.release()
    wait(lambda: "plan" in plan_seen, 120)
    results["utterance"] = (f"12 s transcribed and planned {time.perf_counter() - t_release:.2f} s after release: "
                            f"{len(plan_seen['plan'].actions) if 'plan' in plan_seen else 0} actions")
    wait(lambda: not bg.is_alive(), 600)
    spin(500)
    out["under_load"] = probe.stop()
    if probe.diag is not None:
        probe.diag.stop()
        out["under_load"]["diag"] = probe.diag.report()
        out["under_load"]["diag_t0"] = round(t_start, 2)
        out["under_load"]["diag_signals"] = signals
        out["under_load"]["diag_new_modules"] = sorted(set(sys.modules) - mods0)[:60]
    # CPU seconds the UI process itself burned (all its threads, not its children): less load-
    # sensitive than the stall figures when other processes share the cores
    out["under_load"]["ui_process_cpu_s"] = round(time.process_time() - cpu0, 1)
    out["under_load"]["wall_s"] = round(time.perf_counter() - wall0, 1)
    out["work"] = results
    return out


# -- hour-like session ---------------------------------------------------------------------------
def session_bench(w, cycles: int) -> dict:
    import numpy as np

    before = rss_mb()
    trace: list[tuple[int, float]] = []
    stages = [c.stage.label for c in w.bridge.backend.board(1) if not c.stage.is_closed]
    deals = w.bridge.backend.deal_rows(search="", limit=50)
    t = time.perf_counter()
    for i in range(cycles):
        shown: dict = {}
        conn = w.plan_shown.connect(lambda p: shown.setdefault("p", p))  # noqa: B023 - called within this iteration
        w.submit(f"Move {deals[i % len(deals)]['name']} to {stages[i % len(stages)]}", "text")
        wait(lambda: "p" in shown, 60)  # noqa: B023 - called within this iteration
        w.plan_shown.disconnect(conn)
        applied: dict = {}
        c2 = w.applied.connect(lambda ch: applied.setdefault("c", ch))  # noqa: B023 - called within this iteration
        if shown["p"].mutating and not shown["p"].clarifications:
            w.confirm(shown["p"], False)
            wait(lambda: "c" in applied, 60)  # noqa: B023 - called within this iteration
            if i % 2:
                done: dict = {}
                c3 = w.undone.connect(lambda ch: done.setdefault("c", ch))  # noqa: B023 - called within this iteration
                w.undo()
                wait(lambda: "c" in done, 60)  # noqa: B023 - called within this iteration
                w.undone.disconnect(c3)
        w.applied.disconnect(c2)
        w.show_panel(i % 9)
        if i % 10 == 0:
            w.voice.press()
            w.mic_factory.last.feed((0.3 * np.sin(np.arange(16000 * 2) / 16000 * 2 * np.pi * 220)).astype(np.float32))
            w.voice.release()
        spin(20)
        if (i + 1) % 25 == 0:
            trace.append((i + 1, round(rss_mb(), 1)))
    wait(lambda: w.bridge.runner.pending == 0, 60)
    return {"cycles": cycles, "seconds": round(time.perf_counter() - t, 1), "rss_before_mb": round(before, 1),
            "rss_after_mb": round(rss_mb(), 1), "rss_every_25_cycles": trace}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-dir", type=Path, required=True)
    ap.add_argument("--import-dir", type=Path)
    ap.add_argument("--slice-rows", type=int, default=20000, help="rows per CSV imported during the stall test")
    ap.add_argument("--startup-runs", type=int, default=3)
    ap.add_argument("--moves", type=int, default=5)
    ap.add_argument("--cycles", type=int, default=120)
    ap.add_argument("--child-startup", action="store_true")
    ap.add_argument("--child-sync", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--sync-in-process", action="store_true", help="stall test: sync on a UI-process thread")
    ap.add_argument("--import-in-process", action="store_true", help="stall test: import on a UI-process thread")
    ap.add_argument("--watch-ms", type=float, default=40.0, help="stall test: dump the UI stack after this gap")
    ap.add_argument("--app-events", action="store_true",
                    help="stall test: the import's and the sync pull's changes reach the UI as in the app "
                         "(bridge 'changed': the visible board refreshes, the planner index is rebuilt)")
    ap.add_argument("--diag", default="", choices=["", "on", "profile"],
                    help="stall test: per-gap UI thread CPU/runqueue/blocked time, Qt events, other threads' CPU "
                         "(benchmarks/stall_diag.py); 'profile' also traces the UI thread's Python calls")
    ap.add_argument("--skip", default="", help="comma list of phases to skip: startup,refresh,stall,session")
    a = ap.parse_args()
    if a.child_startup:
        child_startup(a.data_dir)
        return 0
    if a.child_sync:
        print(run_sync(a.data_dir))
        return 0
    skip = set(a.skip.split(","))
    report: dict = {"data_dir": str(a.data_dir)}
    if "startup" not in skip:
        report["cold_start"] = cold_start(a.data_dir, a.startup_runs)
        print(json.dumps(report["cold_start"]), flush=True)
    w = build(a.data_dir, Path(tempfile.mkdtemp()))
    w.show()
    w.start()
    w.show_panel(1)
    wait(lambda: w.pipeline._loaded_table, 300)
    report["rss_after_start_mb"] = round(rss_mb(), 1)
    if "refresh" not in skip:
        report["refresh"] = refresh_bench(w, a.moves)
        print(json.dumps(report["refresh"]), flush=True)
    if "stall" not in skip:
        report["stall"] = stall_bench(w, a.data_dir, a.import_dir, a.slice_rows, a.sync_in_process, a.watch_ms,
                                      a.import_in_process, a.diag, a.app_events)
        print(json.dumps(report["stall"]), flush=True)
    if "session" not in skip:
        report["session"] = session_bench(w, a.cycles)
        print(json.dumps(report["session"]), flush=True)
    w.close()
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
