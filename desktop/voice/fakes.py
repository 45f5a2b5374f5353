"""Test doubles shipped with the voice layer: a fake input stream and a fake speech engine.

They live here (not under tests/) so benchmarks and other teams' end-to-end tests can speak a WAV
into a fake microphone: ``VoiceSession(..., stream_factory=FakeInputStreamFactory())``.
"""

from __future__ import annotations

import threading
import time
from typing import Any

import numpy as np

from desktop.voice.types import SAMPLE_RATE, Transcript


class FakeInputStream:
    """Same call shape as ``sounddevice.InputStream``; audio is pushed by :meth:`feed`."""

    def __init__(self, *, samplerate: int, channels: int, dtype: str, blocksize: int, device: Any,
                 callback: Any, finished_callback: Any = None, **_: Any) -> None:
        assert samplerate == SAMPLE_RATE and channels == 1 and dtype == "float32"
        self.blocksize = blocksize
        self.device = device
        self.callback = callback
        self.finished_callback = finished_callback
        self.started = False
        self.closed = False

    def start(self) -> None:
        self.started = True

    def stop(self) -> None:
        self.started = False

    def close(self) -> None:
        self.closed = True

    def feed(self, audio: np.ndarray, *, realtime: bool = False) -> None:
        """Deliver ``audio`` block by block through the callback (optionally at real-time pace)."""
        audio = np.asarray(audio, dtype=np.float32).reshape(-1)
        t0 = time.perf_counter()
        for i in range(0, len(audio), self.blocksize):
            block = audio[i:i + self.blocksize]
            if len(block) < self.blocksize:
                block = np.pad(block, (0, self.blocksize - len(block)))
            if realtime:
                delay = t0 + (i + self.blocksize) / SAMPLE_RATE - time.perf_counter()
                if delay > 0:
                    time.sleep(delay)
            self.callback(block.reshape(-1, 1), self.blocksize, None, None)

    def feed_silence(self, seconds: float, *, realtime: bool = False) -> None:
        """Deliver ``seconds`` of digital silence."""
        self.feed(np.zeros(int(seconds * SAMPLE_RATE), np.float32), realtime=realtime)

    def disconnect(self) -> None:
        """Simulate the device disappearing: PortAudio ends the stream."""
        self.started = False
        if self.finished_callback:
            self.finished_callback()


class FakeInputStreamFactory:
    """A stream factory remembering the streams it made (``.last`` is the newest)."""

    def __init__(self) -> None:
        self.streams: list[FakeInputStream] = []
        self.opened = threading.Event()

    def __call__(self, **kwargs: Any) -> FakeInputStream:
        stream = FakeInputStream(**kwargs)
        self.streams.append(stream)
        self.opened.set()
        return stream

    @property
    def last(self) -> FakeInputStream:
        return self.streams[-1]


class FakeEngine:
    """A speech engine that "hears" a fixed text and records what it was asked (fast unit tests)."""

    def __init__(self, text: str = "hello world") -> None:
        self.text = text
        self.calls: list[dict[str, Any]] = []
        self.audio: list[np.ndarray] = []

    def transcribe(self, audio: np.ndarray, **opts: Any) -> Transcript:
        from desktop.voice.types import Segment, Word

        self.calls.append({"samples": len(audio), **opts})
        self.audio.append(np.array(audio, dtype=np.float32))
        dur = len(audio) / SAMPLE_RATE
        if dur < 0.1 or float(np.max(np.abs(audio), initial=0.0)) < 1e-4:
            return Transcript(text="", duration=dur)
        words = self.text.split()
        step = dur / max(1, len(words))
        ws = [Word(start=i * step, end=(i + 1) * step, text=" " + w) for i, w in enumerate(words)]
        seg = Segment(start=0.0, end=dur, text=self.text,
                      words=ws if opts.get("word_timestamps") else None)
        return Transcript(text=self.text, segments=[seg], duration=dur)
