"""Work that competes with the UI thread is kept out of its way: the speech model's worker thread
runs below the UI thread's priority (Linux), so the encoder threads it starts cannot keep the UI
thread off the CPU while an utterance is transcribed; the planner's index is rebuilt in the
background right after a change, not when the next instruction is planned."""

from __future__ import annotations

import os
import sys
import threading

import pytest

from ui_helpers import build


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread niceness is Linux only")
def test_speech_worker_thread_is_niced_before_the_model_loads(qtbot, tmp_path):
    from desktop.ui.tasks import MODEL_THREAD_NICE

    w = build(qtbot, tmp_path, panel=None)
    ui_nice = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    seen = w.voice.worker.submit(lambda _e: os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))
    qtbot.waitUntil(seen.done, timeout=10000)
    assert seen.result() == min(19, ui_nice + MODEL_THREAD_NICE)
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == ui_nice  # the UI thread is untouched


def test_applied_plan_rebuilds_the_planner_index_in_the_background(qtbot, tmp_path):
    """The next spoken or typed instruction after a change does not wait for the index rebuild."""
    from PySide6.QtCore import Qt

    w = build(qtbot, tmp_path)
    qtbot.waitUntil(lambda: w.backend._planner is not None and not w.backend._planner_dirty, timeout=15000)
    before = w.backend._planner
    w.command_bar.field.setFocus()
    qtbot.keyClicks(w.command_bar.field, "Move Acme to Negotiation")
    with qtbot.waitSignal(w.plan_shown, timeout=10000):
        qtbot.keyClick(w.command_bar.field, Qt.Key.Key_Return)
    with qtbot.waitSignal(w.applied, timeout=10000):
        qtbot.mouseClick(w.plan_card.confirm_btn, Qt.MouseButton.LeftButton)
    # no instruction was given since: the rebuild ran because of the change alone
    qtbot.waitUntil(lambda: w.backend._planner is not before and not w.backend._planner_dirty, timeout=15000)
