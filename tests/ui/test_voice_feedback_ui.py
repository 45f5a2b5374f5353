"""Cues and read-back in the window (issue 17): push-to-talk plays its cues when they are on, and a
spoken instruction's plan is read back when read-back is on."""

from __future__ import annotations

import threading

import numpy as np
from PySide6.QtCore import Qt
from ui_helpers import speechlike

from desktop.voice.feedback import PiperReadBack


class FakeSynth:
    def synth(self, text):
        return np.zeros(10, np.float32), 22050


def test_cues_and_read_back_of_a_spoken_plan(qtbot, window):
    w = window
    played, said, done = [], [], threading.Event()
    assert not w.voice.cues.enabled and not w.voice.readback.enabled  # off by default
    w.voice.cues.enabled, w.voice.cues.player = True, lambda a, r: played.append(len(a))
    w.voice.readback = PiperReadBack(enabled=True, synth_factory=FakeSynth, player=lambda a, r: None,
                                     on_spoken=lambda t: (said.append(t), done.set()))
    qtbot.waitUntil(lambda: w.voice.mic_status == "ready", timeout=10000)
    w.sidebar.setFocus()
    qtbot.keyPress(w.sidebar, Qt.Key.Key_F9)
    assert len(played) == 1
    w.mic_factory.last.feed(speechlike(1.2))
    with qtbot.waitSignal(w.plan_shown, timeout=10000):
        qtbot.keyRelease(w.sidebar, Qt.Key.Key_F9)
    assert len(played) == 2
    assert done.wait(5)
    assert "Negotiation" in said[0] and said[0].endswith("Say yes to apply.")
    w.voice.readback.close()


def test_settings_turn_cues_on(qtbot, window):
    w = window
    w.settings_panel.cues.setChecked(True)
    w.settings_panel.apply()
    assert w.voice.cues.enabled and w.voice.voice_settings.cues
