"""The composition root builds the window's pieces once and hands them over: the backend facade,
the voice layer (its notes service shared with the backend) and the UI thread's GIL interval."""

from __future__ import annotations

import sys

from ui_helpers import build


def test_the_window_receives_one_voice_layer_shared_with_the_backend(qtbot, tmp_path):
    from desktop.bootstrap import SWITCH_INTERVAL_S

    w = build(qtbot, tmp_path)
    parts = w.voice.parts
    assert w.bridge.backend.notes_service is parts.notes is w.voice.notes
    assert w.voice.session is parts.session and w.voice.worker is parts.worker
    assert parts.session.listeners.on_final == w.voice._final  # the session reports to the window
    assert parts.notes.on_change == w.voice.note_changed.emit
    assert sys.getswitchinterval() == SWITCH_INTERVAL_S
    qtbot.waitUntil(lambda: w.voice.model_status == "ready", timeout=10000)
    w.close()
