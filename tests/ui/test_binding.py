"""The Qt binding must not corrupt reference counts: PySide6 6.12.0 on CPython 3.11 dropped one
reference to ``None`` (or ``True``/``False``) on every void-returning Qt call, so the app died with
"Fatal Python error: none_dealloc" after ~70k calls (a few minutes of level-meter updates while
recording, or ~110 theme switches). The pinned binding (requirements/runtime.in) must keep them."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel, QProgressBar

CALLS = 1_000
OBJECTS = (("None", None), ("True", True), ("False", False))


def test_void_qt_calls_keep_none_and_bool_references(qtbot) -> None:
    label, bar = QLabel("x"), QProgressBar()
    qtbot.addWidget(label)
    qtbot.addWidget(bar)
    calls = {
        "QWidget.update()": label.update,
        "QLabel.setText(str)": lambda: label.setText("y"),
        "QProgressBar.setValue(int)": lambda: bar.setValue(3),
        "QWidget.setVisible(False)": lambda: label.setVisible(False),
    }
    lost: dict[str, dict[str, int]] = {}
    for call_name, call in calls.items():
        before = [sys.getrefcount(obj) for _, obj in OBJECTS]
        for _ in range(CALLS):
            call()
        after = [sys.getrefcount(obj) for _, obj in OBJECTS]
        lost[call_name] = {name: b - a for (name, _), b, a in zip(OBJECTS, before, after)}
    # A leaking binding loses one reference per call (CALLS); unrelated code moves counts by a few.
    assert all(n < CALLS // 10 for per in lost.values() for n in per.values()), f"references lost: {lost}"
