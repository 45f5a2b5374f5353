"""UI-thread cost of the theme and plan-editor features (milliseconds, median and worst of N):

* theme switch: ``MainWindow.set_theme`` light <-> dark (palette, re-polish of the widgets on screen,
  charts, repaint);
* panel shown after a switch: the next panel shown (Costs / Agents) re-polishes its widgets then;
  "panel shown, no switch" is the same show without a switch before it, for comparison;
* OS scheme change: ``QStyleHints.colorSchemeChanged`` emitted with the preference on System;
* system font change: ``QApplication.setFont`` (scaled headings re-applied, widgets re-polished);
* plan editor: Plan card Edit -> editor dialog shown (stage labels read on a worker thread) and the
  dialog's construction alone.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/ui_theme_editor_bench.py [--data-dir DIR] [-n 10]

Without ``--data-dir`` a temporary copy of the demo workspace is used; with it, an existing
workspace (e.g. the synthetic 50k-deal one of ``benchmarks/ui_bench.py``) is opened as is.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", type=Path)
    ap.add_argument("-n", type=int, default=10)
    args = ap.parse_args()
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from desktop.bootstrap import DEMO_NOW, build_main_window
    from desktop.config import Settings
    from desktop.services.backend import Backend
    from desktop.ui.widgets.plan_editor import PlanEditorDialog
    from desktop.voice.fakes import FakeEngine, FakeInputStreamFactory

    tmp = Path(tempfile.mkdtemp(prefix="spectrum-theme-bench-"))
    data_dir = args.data_dir or tmp / "ws"
    w = build_main_window(Settings(data_dir=data_dir), open_backend=Backend.open,
                          qsettings=QSettings(str(tmp / "ui.ini"), QSettings.Format.IniFormat),
                          seed_demo=args.data_dir is None, engine=FakeEngine("x"),
                          stream_factory=FakeInputStreamFactory(), now=lambda: DEMO_NOW)
    w.resize(1360, 860)
    w.show()
    w.start()
    app = QApplication.instance()

    from ui_bench import spin as settle  # the event-loop helpers of the main UI benchmark
    from ui_bench import wait

    for i in range(len(w.panels)):  # every panel built and filled, as after a session
        w.show_panel(i)
        settle(300)
    w.show_panel(2)  # Revenue: the charts restyle too
    settle(500)
    results: dict[str, list[float]] = {"theme switch": [], "panel shown after a switch": [],
                                       "panel shown, no switch": [], "OS scheme change": [],
                                       "system font change": [], "plan editor: Edit -> shown": [],
                                       "plan editor: construction": []}
    for k in range(args.n):
        t = time.perf_counter()
        w.set_theme("dark" if k % 2 == 0 else "light")
        app.processEvents()
        results["theme switch"].append((time.perf_counter() - t) * 1000)
    for k in range(2 * args.n):
        if k % 2 == 0:
            w.set_theme("dark" if k % 4 == 0 else "light")
        settle(100)
        t = time.perf_counter()
        w.show_panel(3 + k // 2 % 2)  # Costs or Agents, hidden during the switch
        app.processEvents()
        results["panel shown after a switch" if k % 2 == 0 else "panel shown, no switch"].append(
            (time.perf_counter() - t) * 1000)
        w.show_panel(2)
        settle(100)
    w.set_theme("system")
    for k in range(args.n):
        t = time.perf_counter()
        app.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark if k % 2 == 0 else Qt.ColorScheme.Light)
        app.processEvents()
        results["OS scheme change"].append((time.perf_counter() - t) * 1000)
    base = QFont(app.font())
    for k in range(args.n):
        f = QFont(base)
        f.setPointSizeF(base.pointSizeF() * (1.25 if k % 2 == 0 else 1.0))
        t = time.perf_counter()
        app.setFont(f)
        app.processEvents()
        results["system font change"].append((time.perf_counter() - t) * 1000)
    app.setFont(base)
    w.submit("Acme budget is 100K, close date is December 15", "text")
    wait(lambda: w.plan_card.isVisible() and w.plan_card.plan is not None)
    plan = w.plan_card.plan
    stages = [c.stage.label for c in w.bridge.backend.board(per_stage=0)]
    for _ in range(args.n):
        t = time.perf_counter()
        w.plan_card.edit_btn.click()
        wait(lambda: getattr(w, "plan_editor", None) is not None and w.plan_editor.isVisible())
        results["plan editor: Edit -> shown"].append((time.perf_counter() - t) * 1000)
        w.plan_editor.reject()
        wait(lambda: getattr(w, "plan_editor", None) is None)
        t = time.perf_counter()
        d = PlanEditorDialog(plan, stages, w)
        results["plan editor: construction"].append((time.perf_counter() - t) * 1000)
        d.deleteLater()
    load = os.getloadavg()
    print(f"workspace: {data_dir}  n={args.n}  load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    for name, xs in results.items():
        print(f"{name:28s} median {statistics.median(xs):7.1f} ms   worst {max(xs):7.1f} ms")
    w.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
