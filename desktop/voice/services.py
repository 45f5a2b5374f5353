"""Wiring of the voice layer for the composition root (:mod:`desktop.bootstrap`) and the UI.

``build_voice_services(settings, ...)`` returns the worker (owning the model), the push-to-talk
session, the notes service and the audio feedback (cues, read-back), configured from
:class:`desktop.config.Settings` and the persisted :class:`~desktop.voice.settings.VoiceSettings`.
Nothing is loaded or opened here: call ``services.worker.preload()`` to warm the model in the
background, ``services.session.arm()`` to open the microphone, ``services.notes.recover()`` once at
start, and ``services.close()`` on exit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.voice import transcriber
from desktop.voice.bias import Bias, build_bias
from desktop.voice.capture import StreamFactory, default_stream_factory
from desktop.voice.feedback import Cues, PiperReadBack, readback_available
from desktop.voice.notes import NoteInfo, NotesService, Resolver
from desktop.voice.session import VoiceListeners, VoiceSession
from desktop.voice.settings import VoiceSettings
from desktop.voice.transcriber import SpeechEngine, TranscriberWorker, WhisperEngine, resolve_model_path
from desktop.voice.types import ModelNotFound

if TYPE_CHECKING:  # pragma: no cover
    from desktop.config import Settings


@dataclass
class VoiceServices:
    """The voice layer's long-lived objects.

    ``worker`` and ``session`` are None when no speech model was found (``model_error`` says why;
    notes are still listed and recorded ones wait for a model). ``global_hotkey``: register the
    system-wide push-to-talk key once the microphone opens (off for an injected, fake microphone).
    """

    worker: TranscriberWorker | None
    session: VoiceSession | None
    notes: NotesService
    voice_settings: VoiceSettings
    data_dir: Path
    cues: Cues
    readback: PiperReadBack
    model_error: str = ""
    global_hotkey: bool = True

    def set_vocabulary(self, names: Iterable[str]) -> Bias:
        """Rebuild the CRM bias (e.g. after an import or sync) for utterances and notes."""
        bias = build_bias(names)
        self.set_bias(bias)
        return bias

    def set_bias(self, bias: Bias) -> None:
        """Use ``bias`` (hotwords, prompt, name correction) for utterances and note transcripts."""
        if self.session is not None:
            self.session.set_bias(bias)
        self.notes.prompt, self.notes.hotwords = bias.initial_prompt, bias.hotwords
        self.notes.correct = bias.correct  # misheard names -> workspace spelling in note transcripts

    def close(self) -> None:
        """Close the microphone, finish queued notes, stop the worker."""
        if self.session is not None:
            self.session.disarm()
        self.notes.close()
        self.readback.close()
        if self.worker is not None:
            self.worker.stop()


def speech_engine(settings: Settings, model: str | None = None,
                  voice_settings: VoiceSettings | None = None) -> WhisperEngine:
    """The faster-whisper engine for ``model`` (default ``settings.model``), resolved against the
    model paths of ``voice.json``; the model itself loads lazily (``engine.load()``).

    Raises :class:`desktop.voice.types.ModelNotFound` naming the ``SPECTRUM_MODEL`` setting."""
    vs = voice_settings or VoiceSettings.load(settings.data_dir)
    path = resolve_model_path(model or settings.model, vs.model_paths)
    return transcriber.WhisperEngine(path, cpu_threads=settings.cpu_threads)  # looked up at call time


def build_voice_services(settings: Settings, *, listeners: VoiceListeners | None = None,
                         names: Iterable[str] = (), resolver: Resolver | None = None,
                         on_note_change: Callable[[NoteInfo], None] | None = None,
                         stream_factory: StreamFactory = default_stream_factory,
                         engine: SpeechEngine | None = None, require_model: bool = True,
                         start_worker: bool = True) -> VoiceServices:
    """Build worker + session + notes + cues/read-back from ``settings`` (a
    :class:`desktop.config.Settings`).

    Args:
        engine: a speech engine to use instead of faster-whisper (tests: ``FakeEngine``).
        stream_factory: ``sounddevice.InputStream``-like factory; an injected one delivers audio
            only when fed, so the session's stall detection is off for it.
        require_model: False: a missing model gives ``worker=None, session=None`` and
            ``model_error`` instead of raising (the desktop app shows it and keeps running).
        start_worker: start the worker thread now (else on its first job, e.g. ``preload()``).
    Raises :class:`desktop.voice.types.ModelNotFound` when ``settings.model`` names no local model
    and ``require_model`` (unless a test passes its own ``engine``).
    """
    vs = VoiceSettings.load(settings.data_dir)
    model_error = ""
    if engine is None:
        try:
            engine = speech_engine(settings, voice_settings=vs)
        except ModelNotFound as exc:
            if require_model:
                raise
            model_error = str(exc)
    worker = TranscriberWorker(engine) if engine is not None else None
    if worker is not None and start_worker:
        worker.start()
    bias = build_bias(names)
    injected = stream_factory is not default_stream_factory
    # an injected (fake) stream delivers audio only when fed: no stall detection for it
    stall: dict[str, Any] = {"stall_timeout_s": None} if injected else {}
    session = (VoiceSession(worker, vs, listeners, bias=bias, stream_factory=stream_factory, **stall)
               if worker is not None else None)
    notes = NotesService(settings.data_dir, worker, resolver=resolver, prompt=bias.initial_prompt,
                         hotwords=bias.hotwords, correct=bias.correct, on_change=on_note_change)
    return VoiceServices(worker=worker, session=session, notes=notes, voice_settings=vs,
                         data_dir=Path(settings.data_dir), cues=Cues(vs.cues),
                         readback=PiperReadBack(vs.readback and readback_available()),
                         model_error=model_error, global_hotkey=not injected)
