"""Streaming decode of a growing utterance: partial transcripts and a short final pass.

While the key is held, partial decodes (with word timestamps) run on the growing audio after the
last *committed* point. Words that two consecutive partial decodes agree on (LocalAgreement-2, as in
whisper_streaming) and that end at least :data:`COMMIT_GUARD_S` before the end of the audio are
committed: their text is fixed and the audio before them is never decoded again. The final pass
after release decodes only the audio after the last commit, with the committed text as prompt; and
when the newest partial decode already covered all speech (only silence came after it), that
partial *is* the final transcript and no decode is needed at all.

All methods except :meth:`AudioBuffer.append` / construction run on the transcriber worker thread.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field

import numpy as np

from desktop.voice.bias import Bias
from desktop.voice.transcriber import SpeechEngine
from desktop.voice.types import SAMPLE_RATE, Segment, Transcript, Word

#: Words ending closer than this to the end of the audio are never committed (seconds).
COMMIT_GUARD_S = 1.0
#: Uncommitted audio longer than this forces a commit (Whisper sees at most 30 s), seconds.
FORCE_COMMIT_S = 20.0
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


def _norm(word: str) -> str:
    return re.sub(r"[^\w']", "", word.lower())


@dataclass
class _Hypothesis:
    base: int  # committed sample index the words are relative to
    end: int  # utterance sample index the decode covered
    words: list[Word]


@dataclass
class StreamState:
    """Per-utterance streaming state (owned by the worker thread once recording starts)."""

    buf: AudioBuffer
    bias: Bias
    committed: int = 0
    committed_text: str = ""
    committed_segments: list[Segment] = field(default_factory=list)
    prev_words: list[Word] = field(default_factory=list)
    hyp: _Hypothesis | None = None
    partial_decodes: int = 0

    def prompt(self) -> str | None:
        """Bias prompt followed by the tail of the committed text."""
        parts = [p for p in (self.bias.initial_prompt, self.committed_text[-PROMPT_TAIL_CHARS:]) if p]
        return " ".join(parts) or None

    def text_with(self, words: list[Word]) -> str:
        """Committed text followed by ``words``."""
        return (self.committed_text + "".join(w.text for w in words)).strip()

    # --- worker thread ----------------------------------------------------------------------
    def partial(self, engine: SpeechEngine, end: int) -> str:
        """Decode ``[committed, end)``, commit agreed words, return the partial text."""
        start = self.committed
        audio = self.buf.read(start, end)
        tr = engine.transcribe(audio, prompt=self.prompt(), hotwords=self.bias.hotwords,
                               word_timestamps=True, vad_filter=False, beam_size=1,
                               temperature_fallback=False)
        self.partial_decodes += 1
        words = [w for s in tr.segments for w in (s.words or [])]
        dur = len(audio) / SAMPLE_RATE
        agree = 0
        for a, b in zip(self.prev_words, words):
            if _norm(a.text) != _norm(b.text):
                break
            agree += 1
        k = agree
        if dur > FORCE_COMMIT_S:
            k = max(k, len(words) - 3)
        while k > 0 and words[k - 1].end > dur - COMMIT_GUARD_S:
            k -= 1
        if k > 0:
            # Cut right at the end of the last committed word: the next decode then starts with the
            # pause before the next word (Whisper tends to drop a word whose onset is clipped).
            cut_s = words[k - 1].end
            cut = min(int(cut_s * SAMPLE_RATE), len(audio))
            text = "".join(w.text for w in words[:k])
            self.committed_segments.append(Segment(
                start=round((start / SAMPLE_RATE) + words[0].start, 3),
                end=round((start / SAMPLE_RATE) + words[k - 1].end, 3), text=text.strip()))
            self.committed_text += text
            self.committed = start + cut
            shift = cut / SAMPLE_RATE
            words = [Word(start=w.start - shift, end=w.end - shift, text=w.text) for w in words[k:]]
        self.prev_words = words
        self.hyp = _Hypothesis(base=self.committed, end=end, words=words)
        return self.text_with(words)

    def final(self, engine: SpeechEngine, end: int, last_speech_end: int, *, vad_filter: bool,
              margin_s: float = 0.1) -> Transcript:
        """The final transcript of ``[0, end)``; decodes only what the partials did not cover."""
        hyp = self.hyp
        base_s = self.committed / SAMPLE_RATE
        if (hyp is not None and hyp.base == self.committed
                and hyp.end >= min(end, last_speech_end + int(margin_s * SAMPLE_RATE))):
            tail_segments = []
            if hyp.words:
                tail_segments = [Segment(start=round(base_s + hyp.words[0].start, 3),
                                         end=round(base_s + hyp.words[-1].end, 3),
                                         text="".join(w.text for w in hyp.words).strip())]
            text = self.text_with(hyp.words)
        else:
            tail = self.buf.read(self.committed, end)
            tr = engine.transcribe(tail, prompt=self.prompt(), hotwords=self.bias.hotwords,
                                   word_timestamps=False, vad_filter=vad_filter, beam_size=1,
                                   temperature_fallback=False)
            tail_segments = [Segment(start=round(base_s + s.start, 3), end=round(base_s + s.end, 3),
                                     text=s.text) for s in tr.segments]
            text = (self.committed_text + " " + tr.text).strip()
        return Transcript(text=" ".join(text.split()), segments=self.committed_segments + tail_segments,
                          language="en", duration=end / SAMPLE_RATE)
