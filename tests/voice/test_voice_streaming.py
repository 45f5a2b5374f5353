"""Streaming decode schedule with a fake engine (fast): partial cadence, speculative final, tail-only final."""

from __future__ import annotations

import threading

import numpy as np
from conftest import SR, tone

from desktop.voice.session import MIN_PHRASE_S
from desktop.voice.transcriber import PRIORITY_BACKGROUND, PRIORITY_FINAL

WAIT = 10
STEP_S = 0.1  # audio fed between two checks, seconds


class Feeder:
    """Feeds audio in STEP_S chunks and lets the capture thread and the worker catch up after each,
    so the schedule depends only on the audio fed (an instant fake engine: no timing in the test)."""

    def __init__(self, session, mic, worker) -> None:
        self.session, self.mic, self.worker = session, mic, worker
        self.fed = 0  # samples fed since the press

    def settle(self) -> None:
        self.session.capture.flush()
        self.worker.submit(lambda _e: None, PRIORITY_BACKGROUND).result(WAIT)  # after queued decodes

    def feed(self, audio: np.ndarray) -> None:
        step = int(STEP_S * SR)
        for i in range(0, len(audio), step):
            self.mic.feed(audio[i:i + step])
            self.fed += len(audio[i:i + step])
            self.settle()


def _speech_with_pauses(phrases_s: list[float], pause_s: float) -> np.ndarray:
    parts = []
    for p in phrases_s:
        parts += [tone(p), np.zeros(int(pause_s * SR), np.float32)]
    return np.concatenate(parts[:-1])


def test_partials_come_at_least_every_700_ms_of_audio(fake_worker, make_session):
    session, rec, mic = make_session(fake_worker, streaming=True, partial_interval_s=0.5)
    feeder = Feeder(session, mic, fake_worker)
    at: list[int] = []
    listener = session.listeners.on_partial
    session.listeners.on_partial = lambda t: (at.append(feeder.fed), listener(t))
    mic.feed_silence(0.5)
    session.press()
    feeder.feed(_speech_with_pauses([2.5, 1.2, 3.0, 0.8], pause_s=0.4))
    session.release()
    assert rec.got_final.wait(WAIT)
    marks = [0] + at + [feeder.fed]
    gaps = [(b - a) / SR for a, b in zip(marks, marks[1:])]
    assert len(at) >= 10 and max(gaps) <= 0.7, gaps
    assert at[0] <= 0.4 * SR  # the first partial comes sooner (FIRST_PARTIAL_S after speech starts)


def test_release_after_a_pause_reuses_the_speculative_final(fake_worker, fake_engine, make_session):
    session, rec, mic = make_session(fake_worker, streaming=True)
    feeder = Feeder(session, mic, fake_worker)
    mic.feed_silence(0.5)
    session.press()
    feeder.feed(np.concatenate([tone(1.5), np.zeros(int(0.3 * SR), np.float32)]))
    calls = len(fake_engine.calls)
    assert fake_engine.calls[-1]["short_context"]  # the pause was decoded at once, fast
    gate = threading.Event()
    fake_worker.submit(lambda _e: gate.wait(WAIT), PRIORITY_FINAL)  # the worker is busy...
    session.release()
    assert rec.got_final.wait(WAIT)  # ...and the final comes anyway: nothing was left to decode
    gate.set()
    fake_worker.submit(lambda _e: None, PRIORITY_BACKGROUND).result(WAIT)
    assert len(fake_engine.calls) == calls
    assert session.last_stream.final_decoded is False
    assert rec.finals[0].text == "move the acme deal to negotiation"


def test_speech_after_a_pause_drops_the_speculative_final(fake_worker, fake_engine, make_session):
    session, rec, mic = make_session(fake_worker, streaming=True)
    feeder = Feeder(session, mic, fake_worker)
    mic.feed_silence(0.5)
    session.press()
    feeder.feed(np.concatenate([tone(1.0), np.zeros(int(0.3 * SR), np.float32), tone(0.5)]))
    calls = len(fake_engine.calls)
    session.release()  # mid-speech, right after a short phrase (< MIN_PHRASE_S: nothing committed)
    assert rec.got_final.wait(WAIT)
    assert session.last_stream.final_decoded is True
    assert fake_engine.calls[calls]["samples"] == int(0.5 * SR) + feeder.fed  # all of it, once


def test_final_after_release_decodes_only_the_tail(fake_worker, fake_engine, make_session):
    session, rec, mic = make_session(fake_worker, streaming=True, preroll_s=0.5)
    feeder = Feeder(session, mic, fake_worker)
    mic.feed_silence(0.5)
    session.press()
    phrase = MIN_PHRASE_S + 0.5
    feeder.feed(np.concatenate([tone(phrase), np.zeros(int(0.3 * SR), np.float32), tone(1.0)]))
    full = [c for c in fake_engine.calls if not c["short_context"]]
    assert len(full) == 1  # the phrase, committed once speech resumed
    committed = full[-1]["samples"]
    assert 0.5 * SR + phrase * SR <= committed <= 0.5 * SR + (phrase + 0.3) * SR  # cut inside the pause
    calls = len(fake_engine.calls)
    session.release()  # mid-speech: no pause, so the tail must be decoded
    assert rec.got_final.wait(WAIT)
    total = int(0.5 * SR) + feeder.fed
    tail = fake_engine.calls[calls:]
    assert len(tail) == 1 and tail[0]["samples"] == total - committed and tail[0]["short_context"]
    final = rec.finals[0]
    assert final.text.count("acme") == 2 and abs(final.duration - total / SR) < 0.01


def test_no_partial_decode_starts_once_the_key_is_released(fake_worker, fake_engine, make_session):
    session, rec, mic = make_session(fake_worker, streaming=True, partial_interval_s=0.5)
    gate, busy = threading.Event(), threading.Event()
    mic.feed_silence(0.5)
    session.press()
    mic.feed(tone(0.2))  # no partial due yet
    session.capture.flush()
    fake_worker.submit(lambda _e: (busy.set(), gate.wait(WAIT)), PRIORITY_FINAL)
    assert busy.wait(WAIT)
    mic.feed(tone(0.6))  # a partial is due and queued behind the busy job
    session.capture.flush()
    calls = len(fake_engine.calls)
    session.release()
    gate.set()
    assert rec.got_final.wait(WAIT)
    assert len(fake_engine.calls) == calls + 1  # only the final pass decoded
    assert rec.order[-1] == "final" and "partial" not in rec.order


def test_an_empty_speculative_final_is_decoded_again_in_full(make_session):
    """A short-context decode at the pause that hears nothing must not end the utterance with
    "Couldn't make out any words": the release gets a real, full-window final pass."""
    from desktop.voice.fakes import FakeEngine
    from desktop.voice.transcriber import TranscriberWorker
    from desktop.voice.types import Transcript

    class DeafToShortContext(FakeEngine):
        def transcribe(self, audio, **opts):
            if opts.get("short_context"):
                self.calls.append({"samples": len(audio), **opts})
                return Transcript(text="", duration=len(audio) / SR)
            return super().transcribe(audio, **opts)

    engine = DeafToShortContext("move the acme deal to negotiation")
    worker = TranscriberWorker(engine).start()
    try:
        session, rec, mic = make_session(worker, streaming=True)
        feeder = Feeder(session, mic, worker)
        mic.feed_silence(0.5)
        session.press()
        feeder.feed(np.concatenate([tone(1.5), np.zeros(int(0.3 * SR), np.float32)]))
        assert engine.calls[-1]["short_context"]  # the speculative final heard nothing
        session.release()
        assert rec.got_final.wait(WAIT)
        assert rec.finals[0].text == "move the acme deal to negotiation"
        assert not engine.calls[-1].get("short_context")  # decoded again with the full window
    finally:
        worker.stop()
