"""Stall diagnosis for ``ui_bench.py --diag``: what the UI thread did during each long event-loop gap.

For every gap longer than the threshold it reports (all times in ms):
* ``gap``: the gap between two probe ticks;
* ``ui_run`` / ``ui_runq``: how long the UI thread was on a CPU / runnable but waiting for a CPU
  during the gap (``/proc/self/task/<tid>/schedstat``); the rest of the gap (``ui_blocked``) it slept:
  waiting for the GIL, a lock or I/O;
* ``threads``: CPU ms each other thread of the process used in the gap (sampled every ~5 ms);
* ``events``: the Qt events the UI thread started in the gap, as (ms after the gap start, event
  type, receiver class), so a long pause after one event points at its handler;
* ``py``: Python functions the UI thread ran in the gap with their wall ms (``sys.setprofile`` on
  the UI thread: C calls included; this adds overhead, use it to find culprits, not for figures).

Linux only (schedstat). Not used by the app.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections import deque


def _schedstat(tid: int) -> tuple[int, int]:
    try:
        with open(f"/proc/self/task/{tid}/schedstat") as f:
            run, wait, _ = f.read().split()
        return int(run), int(wait)
    except (OSError, ValueError):
        return 0, 0


class StallDiag:
    """Install with :meth:`start` on the UI thread; :meth:`tick` from the probe's timer slot;
    :meth:`report` after :meth:`stop`."""

    def __init__(self, threshold_ms: float, profile: bool = False) -> None:
        from PySide6.QtCore import QObject

        self.threshold_s = threshold_ms / 1000
        self.profile = profile
        self.events: deque = deque(maxlen=50000)
        self.calls: deque = deque(maxlen=200000)
        self.samples: deque = deque(maxlen=20000)  # (t, {tid: run ns})
        self.where: deque = deque(maxlen=50000)  # (t, thread name, innermost Python frames) of busy threads
        self.gaps: list[dict] = []
        self.tid = threading.get_native_id()
        self.last_t = None
        self.last_stat = (0, 0)
        self._on = False
        diag = self

        class Filter(QObject):
            def eventFilter(self, obj, ev):  # noqa: N802 - Qt API
                diag.events.append((time.perf_counter(), int(ev.type().value), type(obj).__name__))
                return False

        self.filter = Filter()

    def _sampler(self) -> None:
        names, idents = {}, {}
        prev: dict = {}
        while self._on:
            d = {}
            for t in threading.enumerate():
                if t.native_id is not None:
                    names[t.native_id] = t.name
                    idents[t.ident] = t.native_id
            for tid in os.listdir("/proc/self/task"):
                d[int(tid)] = _schedstat(int(tid))[0]
            now = time.perf_counter()
            frames = sys._current_frames()
            for ident, f in frames.items():
                tid = idents.get(ident)
                if tid is None or tid == self.tid or tid == threading.get_native_id():
                    continue
                if d.get(tid, 0) - prev.get(tid, 0) > 500_000:  # ran > 0.5 ms since the last sample
                    # innermost function only: walking f_back / f_lineno of running threads' frames
                    # 200 times a second crashed CPython 3.11 twice (segfault in this loop)
                    code = f.f_code
                    self.where.append((now, names.get(tid, str(tid)),
                                       f"{code.co_filename.rsplit('/', 1)[-1]}:{code.co_name}"))
            prev = d
            self.samples.append((now, d))
            self.names = dict(names)
            time.sleep(0.005)

    def _prof(self, frame, event, arg) -> None:
        if event in ("call", "c_call"):
            name = arg.__qualname__ if event == "c_call" and hasattr(arg, "__qualname__") else (
                f"{frame.f_code.co_filename.rsplit('/', 2)[-1]}:{frame.f_code.co_name}")
            self.calls.append((time.perf_counter(), 1, name))
        elif event in ("return", "c_return", "c_exception"):
            self.calls.append((time.perf_counter(), 0, None))

    def start(self) -> None:
        from PySide6.QtWidgets import QApplication

        self._on = True
        self.names: dict = {}
        threading.Thread(target=self._sampler, daemon=True, name="diag-sampler").start()
        QApplication.instance().installEventFilter(self.filter)
        if self.profile:
            sys.setprofile(self._prof)

    def stop(self) -> None:
        from PySide6.QtWidgets import QApplication

        self._on = False
        if self.profile:
            sys.setprofile(None)
        QApplication.instance().removeEventFilter(self.filter)

    def tick(self) -> None:
        now = time.perf_counter()
        stat = _schedstat(self.tid)
        if self.last_t is not None and now - self.last_t > self.threshold_s:
            self.gaps.append({"t0": self.last_t, "t1": now, "run": stat[0] - self.last_stat[0],
                              "wait": stat[1] - self.last_stat[1]})
        self.last_t, self.last_stat = now, stat

    def _threads(self, t0: float, t1: float) -> dict[str, float]:
        before = [s for s in self.samples if s[0] <= t0]
        after = [s for s in self.samples if s[0] >= t1]
        if not before or not after:
            return {}
        a, b = before[-1][1], after[0][1]
        out = {}
        for tid, v in b.items():
            dv = (v - a.get(tid, v)) / 1e6
            if dv >= 1:
                out[self.names.get(tid, str(tid))] = round(dv, 1)
        out["_window_ms"] = round((after[0][0] - before[-1][0]) * 1000, 1)
        return out

    def _py(self, t0: float, t1: float) -> list[tuple[str, float]]:
        """Top-level-ish calls (depth <= 6 inside the gap) with the longest wall time."""
        stack: list[tuple[float, str]] = []
        spans: dict[str, float] = {}
        for t, kind, name in self.calls:
            if t < t0 - 0.5:
                continue
            if kind:
                stack.append((t, name))
            elif stack:
                s, n = stack.pop()
                lo, hi = max(s, t0), min(t, t1)
                if hi - lo > 0.002 and len(stack) <= 8:
                    spans[f"{len(stack)}:{n}"] = max(spans.get(f"{len(stack)}:{n}", 0), (hi - lo) * 1000)
            if t > t1 + 0.01:
                break
        return sorted(((k, round(v, 1)) for k, v in spans.items()), key=lambda x: -x[1])[:12]

    def report(self) -> list[dict]:
        from PySide6.QtCore import QEvent

        out = []
        for g in self.gaps:
            t0, t1 = g["t0"], g["t1"]
            gap = (t1 - t0) * 1000
            evs = []
            for t, typ, recv in self.events:
                if t0 <= t <= t1:
                    try:
                        tname = QEvent.Type(typ).name
                    except ValueError:
                        tname = str(typ)
                    evs.append((round((t - t0) * 1000, 1), tname, recv))
            out.append({"at_s": round(t0, 2), "gap": round(gap, 1), "ui_run": round(g["run"] / 1e6, 1),
                        "ui_runq": round(g["wait"] / 1e6, 1),
                        "ui_blocked": round(gap - g["run"] / 1e6 - g["wait"] / 1e6, 1),
                        "threads": self._threads(t0, t1), "events": evs[:40],
                        "busy_py": sorted({f"{n}: {w}" for t, n, w in self.where if t0 <= t <= t1 + 0.006})[:15],
                        **({"py": self._py(t0, t1)} if self.profile else {})})
        return out
