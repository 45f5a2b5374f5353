"""Push-to-talk cues and spoken read-back (issue 17): optional, off by default, on-device."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from desktop.voice.feedback import Cues, PiperReadBack, cue_tone, readback_available


def test_cues_are_off_by_default_and_play_rising_then_falling_when_on():
    played = []
    cues = Cues(player=lambda a, r: played.append((a, r)))
    cues.start()
    cues.stop()
    assert played == []
    cues.enabled = True
    cues.start()
    cues.stop()
    assert len(played) == 2 and all(r == 16000 and 0 < len(a) <= 1600 for a, r in played)
    assert np.max(np.abs(played[0][0])) <= 0.26
    # rising cue: more zero crossings in its second half than its first
    def crossings(x):
        return int(np.sum(np.abs(np.diff(np.sign(x))) > 0))
    up = cue_tone(True)
    assert crossings(up[len(up) // 2:]) > crossings(up[:len(up) // 2])


def test_a_missing_output_device_never_stops_dictation():
    def broken(_a, _r):
        raise OSError("no output device")
    Cues(enabled=True, player=broken).start()  # logs, does not raise


def test_readback_is_off_by_default_and_speaks_the_newest_text():
    spoken, done = [], threading.Event()

    class Synth:
        def synth(self, text):
            return np.zeros(100, np.float32), 22050

    rb = PiperReadBack(synth_factory=Synth, player=lambda a, r: None,
                       on_spoken=lambda t: (spoken.append(t), done.set()))
    rb.say("Plan ready")
    assert rb._thread is None
    rb.enabled = True
    rb.say("Move Acme to Negotiation. Say yes to apply.")
    assert done.wait(5)
    rb.close()
    assert spoken == ["Move Acme to Negotiation. Say yes to apply."]


@pytest.mark.slow
@pytest.mark.skipif(not readback_available(), reason="the readback extra (piper-tts, joe voice) is not installed")
def test_the_on_device_neural_voice_speaks():
    got, done = [], threading.Event()
    rb = PiperReadBack(enabled=True, player=lambda a, r: got.append((a, r)), on_spoken=lambda _t: done.set())
    rb.say("Say yes to apply.")
    assert done.wait(60)
    rb.close()
    audio, rate = got[0]
    assert rate == 22050 and 0.5 < len(audio) / rate < 4 and float(np.max(np.abs(audio))) > 0.05
