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


class NicedLoadEngine:
    """A fake engine with a model to load: records the loading thread's niceness."""

    def __init__(self, inner) -> None:
        self.inner, self.load_nice, self.loads = inner, None, 0

    def load(self) -> None:
        self.loads += 1
        if self.load_nice is None:
            self.load_nice = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())

    def transcribe(self, audio, **opts):
        return self.inner.transcribe(audio, **opts)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread niceness is Linux only")
def test_speech_model_loads_on_a_niced_thread_and_the_worker_keeps_its_priority(qtbot, tmp_path):
    from desktop.ui.tasks import MODEL_THREAD_NICE
    from desktop.voice.fakes import FakeEngine

    engine = NicedLoadEngine(FakeEngine("Move Acme to Negotiation"))
    w = build(qtbot, tmp_path, engine=engine, panel=None)
    qtbot.waitUntil(lambda: w.voice.model_status == "ready", timeout=10000)
    ui_nice = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    assert engine.load_nice == min(19, ui_nice + MODEL_THREAD_NICE)  # the encoder threads inherit it
    seen = w.voice.worker.submit(lambda _e: os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))
    qtbot.waitUntil(seen.done, timeout=10000)
    assert seen.result() == ui_nice  # the worker (faster-whisper's Python, holds the GIL) is not lowered
    # the VAD warm-up ran: one second of silence through the engine, VAD on
    qtbot.waitUntil(lambda: any(c.get("vad_filter") and c["samples"] == 16000 for c in engine.inner.calls),
                    timeout=10000)


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
