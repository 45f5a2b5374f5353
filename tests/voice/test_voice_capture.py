"""Push-to-talk behaviour with a fake microphone and a fake speech engine (fast)."""

from __future__ import annotations

import numpy as np
from conftest import SR, tone

from desktop.voice.session import HINT_SILENCE, HINT_TOO_SHORT

WAIT = 10


def test_hold_mode_transcribes_audio_held_plus_preroll(fake_worker, fake_engine, make_session):
    session, rec, mic = make_session(fake_worker, mode="hold", preroll_s=0.5, streaming=False)
    mic.feed_silence(1.0)
    mic.feed(tone(0.4, amp=0.2))  # the first word starts before the key goes down
    session.press()
    mic.feed(tone(1.0))
    session.release()
    assert rec.got_final.wait(WAIT)
    tr = rec.finals[0]
    assert tr.text == "move the acme deal to negotiation"
    # 0.5 s pre-roll + 1.0 s held: the 0.4 s spoken before the press is inside the utterance
    assert abs(tr.duration - 1.5) < 0.03
    assert fake_engine.calls[-1]["samples"] == int(1.5 * SR)


def test_preroll_audio_is_the_audio_just_before_the_press(fake_worker, fake_engine, make_session):
    session, rec, mic = make_session(fake_worker, preroll_s=0.3, streaming=False)
    marker = tone(0.3, freq=1000, amp=0.5)
    held = tone(0.5, freq=300, amp=0.3)
    mic.feed_silence(1.0)
    mic.feed(marker)
    session.press()
    mic.feed(held)
    session.release()
    assert rec.got_final.wait(WAIT)
    decoded = fake_engine.audio[-1]
    assert np.allclose(decoded, np.concatenate([marker, held]), atol=1e-6)


def test_preroll_never_repeats_the_end_of_the_previous_utterance(fake_worker, fake_engine, make_session):
    # "Move Acme to negotiation" ... release, then at once press again and say "yes": the pre-roll
    # must not carry the first utterance's last words into the reply ("Yes" heard as "..., yes")
    session, rec, mic = make_session(fake_worker, preroll_s=0.5, streaming=False)
    mic.feed_silence(1.0)
    session.press()
    mic.feed(tone(1.0, freq=1000, amp=0.5))
    session.release()
    assert rec.got_final.wait(WAIT)
    rec.got_final.clear()
    mic.feed_silence(0.2)  # 0.2 s between release and the next press: less than the pre-roll
    session.press()
    reply = tone(0.6, freq=300, amp=0.3)
    mic.feed(reply)
    session.release()
    assert rec.got_final.wait(WAIT)
    decoded = fake_engine.audio[-1]
    assert np.allclose(decoded, np.concatenate([np.zeros(int(0.2 * SR), np.float32), reply]), atol=1e-6)


def test_toggle_mode_press_starts_and_second_press_stops(fake_worker, make_session):
    session, rec, mic = make_session(fake_worker, mode="toggle", streaming=False)
    mic.feed_silence(0.5)
    session.press()
    mic.feed(tone(1.0))
    session.release()  # ignored in toggle mode
    mic.feed(tone(0.5))
    session.capture.flush()
    assert not rec.finals
    session.press()
    assert rec.got_final.wait(WAIT)
    assert abs(rec.finals[0].duration - (0.5 + 1.5)) < 0.03


def test_too_short_press_gives_a_hint_and_no_utterance(fake_worker, fake_engine, make_session):
    session, rec, mic = make_session(fake_worker, min_press_s=0.3, streaming=False)
    mic.feed(tone(1.0))
    session.press()
    mic.feed(tone(0.1))
    session.release()
    assert rec.got_hint.wait(WAIT)
    session.capture.flush()
    assert rec.hints == [HINT_TOO_SHORT]
    assert not rec.finals and not fake_engine.calls


def test_silence_only_gives_a_hint_and_no_utterance(fake_worker, fake_engine, make_session):
    session, rec, mic = make_session(fake_worker)
    mic.feed_silence(1.0)
    session.press()
    mic.feed(np.random.default_rng(0).normal(0, 0.001, SR).astype(np.float32))  # room noise
    session.release()
    assert rec.got_hint.wait(WAIT)
    assert rec.hints == [HINT_SILENCE]
    assert not rec.finals and not fake_engine.calls


def test_device_lost_mid_recording_keeps_audio_and_tells_the_user(fake_worker, make_session):
    session, rec, mic = make_session(fake_worker, preroll_s=0.3, streaming=False)
    mic.feed_silence(0.5)
    session.press()
    mic.feed(tone(1.2))
    mic.disconnect()
    assert rec.got_error.wait(WAIT)
    assert "Microphone lost" in rec.errors[0] and "1.5 s" in rec.errors[0]
    assert rec.got_final.wait(WAIT)
    assert abs(rec.finals[0].duration - 1.5) < 0.03


def test_device_silence_is_reported_as_lost_by_the_stall_watchdog(fake_worker):
    from conftest import Recorder

    from desktop.voice.fakes import FakeInputStreamFactory
    from desktop.voice.session import VoiceSession
    from desktop.voice.settings import VoiceSettings

    rec = Recorder()
    session = VoiceSession(fake_worker, VoiceSettings(), rec.listeners(),
                           stream_factory=FakeInputStreamFactory(), stall_timeout_s=0.05)
    session.arm()
    try:
        assert rec.got_error.wait(WAIT)
        assert "no audio" in rec.errors[0]
    finally:
        session.capture.close()


def test_partials_arrive_while_the_key_is_held(fake_worker, make_session):
    session, rec, mic = make_session(fake_worker, streaming=True, partial_interval_s=0.5)
    mic.feed_silence(0.5)
    session.press()
    mic.feed(tone(2.0))
    assert rec.got_partial.wait(WAIT)  # before release
    session.release()
    assert rec.got_final.wait(WAIT)
    assert rec.order[0] == "partial" and rec.order[-1] == "final"
    assert "acme" in rec.partials[0]


def test_max_utterance_length_stops_recording(fake_worker, make_session):
    session, rec, mic = make_session(fake_worker, max_utterance_s=2.0, streaming=False)
    session.press()
    mic.feed(tone(3.0))
    assert rec.got_final.wait(WAIT)
    assert any("2 s limit" in h for h in rec.hints)
    assert rec.finals[0].duration <= 2.0 + 0.03


def test_handsfree_mode_endpoints_on_silence(fake_worker, make_session):
    session, rec, mic = make_session(fake_worker, mode="handsfree", endpoint_silence_s=0.6, streaming=False)
    mic.feed_silence(1.0)
    mic.feed(tone(1.0))
    mic.feed_silence(1.0)
    assert rec.got_final.wait(WAIT)
    # pre-roll (0.5 s, speech onset within it) + rest of the speech + 0.6 s end-pointing silence
    assert 1.4 < rec.finals[0].duration < 2.2


def test_level_meter_reports_rms(fake_worker, make_session):
    session, rec, mic = make_session(fake_worker)
    mic.feed_silence(0.2)
    mic.feed(tone(0.2, amp=0.5))
    session.capture.flush()
    assert rec.levels[0] == 0.0
    assert abs(max(rec.levels) - 0.5 / np.sqrt(2)) < 0.01


def test_callback_never_blocks_when_the_queue_is_full(fake_engine):
    from desktop.voice.capture import AudioCapture
    from desktop.voice.fakes import FakeInputStreamFactory

    class SlowSink:
        def handle_block(self, block, rms):
            gate.wait()

        def handle_event(self, e, p):
            pass

        def handle_device_lost(self, r):
            pass

    import threading

    gate = threading.Event()
    factory = FakeInputStreamFactory()
    cap = AudioCapture(SlowSink(), stream_factory=factory, queue_blocks=5, stall_timeout_s=None)
    cap.open()
    try:
        factory.last.feed(tone(1.0))  # 50 blocks into a 5-block queue: returns, drops the excess
        assert cap.dropped_blocks >= 40
    finally:
        gate.set()
        cap.close()


def test_audio_dropped_by_a_full_queue_is_reported(fake_worker, make_session):
    import threading

    session, rec, mic = make_session(fake_worker, streaming=False)
    gate, stuck = threading.Event(), threading.Event()

    def stall(rms: float) -> None:  # the capture thread stalls here until the gate opens
        stuck.set()
        gate.wait(WAIT)

    session.listeners.on_level = stall
    session.press()
    mic.feed(tone(0.2))
    assert stuck.wait(WAIT), "the consumer is recording and now stuck"
    mic.feed(tone(8.0))  # 8 s while the consumer is stuck: more than the 4 s queue holds
    assert session.capture.dropped_blocks > 0
    gate.set()
    session.release()
    assert rec.got_final.wait(WAIT)
    assert rec.errors and "audio was lost" in rec.errors[0]
    assert session.capture.dropped_blocks > 0
