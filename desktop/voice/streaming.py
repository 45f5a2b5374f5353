"""Streaming decode of a growing utterance: phrases committed at pauses, partials, a short final.

While the key is held the session watches the energy of the audio. At each *pause* (>= 0.15 s of
silence after speech) the audio since the last commit is decoded at once with a short encoder
context (fast: ~0.1 s for a few seconds of audio on 2 cores) and kept as the *speculative final*:
when the key is released before more speech comes, that decode *is* the final transcript and nothing
is left to decode (unless it heard nothing: then the tail is decoded again with the full window).
When speech resumes after a pause that ended a phrase of >= 2 s, the phrase is
decoded once at full quality (30 s encoder window, with the committed text as prompt) and
*committed*: its text is fixed and its audio is never decoded again (cutting only inside pauses never
splits a word). Between pauses, partial decodes with the short encoder context keep the displayed
text fresh. After a release with no speculative final covering the speech, only the audio after the
last commit is decoded (short context while streaming, so the final never waits on a 30 s window).

:class:`StreamState` methods run on the transcriber worker thread (in submission order); the
capture thread appends to :class:`AudioBuffer` and, at the release, may take the final transcript
with :meth:`StreamState.final_if_covered` (no decoding) instead of queueing a final pass behind
decodes in flight.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

import numpy as np

from desktop.voice.bias import Bias
from desktop.voice.transcriber import SpeechEngine
from desktop.voice.types import SAMPLE_RATE, Segment, Transcript

#: Characters of committed text passed back as prompt.
PROMPT_TAIL_CHARS = 200


class AudioBuffer:
    """A growing float32 buffer, appended by the capture thread, read by the worker (thread-safe)."""

    def __init__(self, capacity_s: float = 30.0) -> None:
        self._data = np.zeros(int(capacity_s * SAMPLE_RATE), dtype=np.float32)
        self._n = 0
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return self._n

    def append(self, block: np.ndarray) -> None:
        """Append samples, growing the storage geometrically when needed."""
        with self._lock:
            need = self._n + len(block)
            if need > len(self._data):
                grown = np.zeros(max(need, 2 * len(self._data)), dtype=np.float32)
                grown[: self._n] = self._data[: self._n]
                self._data = grown
            self._data[self._n:need] = block
            self._n = need

    def read(self, start: int = 0, end: int | None = None) -> np.ndarray:
        """A copy of samples ``[start, end)`` (end defaults to the current length)."""
        with self._lock:
            end = self._n if end is None else min(end, self._n)
            return self._data[start:end].copy()


@dataclass
class _Decoded:
    base: int  # committed sample index the decode started at
    end: int  # utterance sample index it covered up to
    text: str
    segments: list[Segment]
    reusable: bool = True  # may serve as the final transcript of [base, end)


@dataclass
class StreamState:
    """Per-utterance streaming state (used on the worker thread once recording starts)."""

    buf: AudioBuffer
    bias: Bias
    committed: int = 0
    committed_text: str = ""
    committed_segments: list[Segment] = field(default_factory=list)
    last: _Decoded | None = None
    decodes: int = 0
    want_cut: int = 0  # newest commit point asked for by the capture thread
    final_decoded: bool | None = None  # after the final pass: True if it had audio left to decode
    final_started_after_s: float = 0.0  # release -> start of the final pass (waiting on earlier jobs)
    dropped: bool = False  # no more decodes: ended without a final pass, or the final was delivered
    _lock: threading.RLock = field(default_factory=threading.RLock, repr=False)

    def prompt(self) -> str | None:
        """Bias prompt followed by the tail of the committed text."""
        parts = [p for p in (self.bias.initial_prompt, self.committed_text[-PROMPT_TAIL_CHARS:]) if p]
        return " ".join(parts) or None

    def _decode(self, engine: SpeechEngine, start: int, end: int, vad_filter: bool,
                short: bool = False) -> _Decoded:
        audio = self.buf.read(start, end)
        dur = len(audio) / SAMPLE_RATE
        tr = engine.transcribe(audio, prompt=self.prompt(), hotwords=self.bias.hotwords,
                               vad_filter=vad_filter, beam_size=1, temperature_fallback=False,
                               max_new_tokens=int(12 + 8 * min(dur, 30.0)), short_context=short)
        self.decodes += 1
        base_s = start / SAMPLE_RATE
        segs = [Segment(start=round(base_s + s.start, 3), end=round(base_s + s.end, 3), text=s.text)
                for s in tr.segments if s.text]
        return _Decoded(base=start, end=end, text=tr.text, segments=segs)

    def _join(self, text: str) -> str:
        return " ".join(f"{self.committed_text} {text}".split())

    def commit(self, engine: SpeechEngine, cut: int, *, vad_filter: bool = False, short: bool = False) -> str:
        """Decode ``[committed, cut)`` once and fix it; returns the text so far.

        ``cut``: sample index (inside a pause). ``short``: short encoder context (faster, less accurate).
        """
        if cut > self.committed:
            d = self._decode(engine, self.committed, cut, vad_filter, short=short)
            with self._lock:
                self.committed_text = self._join(d.text)
                self.committed_segments = self.committed_segments + d.segments
                self.committed = cut
                self.last = _Decoded(base=cut, end=cut, text="", segments=[])
        return self.committed_text

    def partial(self, engine: SpeechEngine, end: int, short: bool = True, reusable: bool = False) -> str:
        """Decode ``[committed, end)`` for display (not committed); returns the text so far.

        ``short``: short encoder context (fast; see :meth:`WhisperEngine.transcribe`).
        ``reusable``: the decode may become the final transcript if no speech follows ``end``
        (the speculative final decoded at a pause); plain partials are display-only.
        """
        if end <= self.committed:
            return self.committed_text
        d = self._decode(engine, self.committed, end, vad_filter=False, short=short)
        d.reusable = reusable
        with self._lock:
            if d.base == self.committed and (
                    reusable or not (self.last and self.last.reusable and self.last.base == self.committed)):
                self.last = d  # a display-only partial never replaces a speculative final
        return self._join(d.text)

    def final(self, engine: SpeechEngine, end: int, last_speech_end: int, *, vad_filter: bool,
              margin_s: float = 0.05, short: bool = False) -> Transcript:
        """The transcript of ``[0, end)``, decoding only what earlier decodes did not cover.

        ``end`` / ``last_speech_end``: sample indices of the release and of the end of the last
        speech. ``short``: decode the remaining tail with the short encoder context (streaming: the
        tail is short and the release should not wait for a 30 s encoder window).
        Misheard workspace names in the final text are corrected with :meth:`Bias.correct` (the
        committed text used as prompt stays as decoded). A covering speculative decode that heard
        nothing is not trusted: the tail is decoded again with the full window.
        """
        tr = self.final_if_covered(end, last_speech_end, margin_s=margin_s)
        if tr is not None and tr.text:
            return tr
        if tr is not None:  # the short-context speculative decode heard nothing: full window now
            short = False
        with self._lock:
            self.final_decoded = True
            d = self._decode(engine, self.committed, end, vad_filter, short=short) \
                if end > self.committed else _Decoded(self.committed, end, "", [])
            return self._transcript(d, end)

    def final_if_covered(self, end: int, last_speech_end: int, *, margin_s: float = 0.05) -> Transcript | None:
        """The final transcript without decoding, when the newest reusable decode (the speculative
        final of the last pause) covers all speech up to
        ``last_speech_end`` (+ ``margin_s`` seconds); else None. Cheap (~1-5 ms: name correction),
        safe to call from any thread."""
        with self._lock:
            d = self.last
            covered = min(end, last_speech_end + int(margin_s * SAMPLE_RATE))
            if d is None or not d.reusable or d.base != self.committed or d.end < covered:
                return None
            self.final_decoded = False
            return self._transcript(d, end)

    def _transcript(self, d: _Decoded, end: int) -> Transcript:
        text = self._join(d.text)
        correct = getattr(self.bias, "correct", None)
        if callable(correct) and text:
            text = correct(text)
        return Transcript(text=text, segments=self.committed_segments + d.segments,
                          language="en", duration=end / SAMPLE_RATE)
