"""Wiring of the voice layer for the composition root (:mod:`desktop.bootstrap`) and the UI.

``build_voice_services(settings, ...)`` returns the worker (owning the model), the push-to-talk
session and the notes service, configured from :class:`desktop.config.Settings` and the persisted
:class:`~desktop.voice.settings.VoiceSettings`. Nothing is loaded or opened here: call
``services.worker.preload()`` to warm the model in the background, ``services.session.arm()`` to open
the microphone, ``services.notes.recover()`` once at start, and ``services.close()`` on exit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from desktop.voice.bias import Bias, build_bias
from desktop.voice.capture import StreamFactory, default_stream_factory
from desktop.voice.notes import NoteInfo, NotesService, Resolver
from desktop.voice.session import VoiceListeners, VoiceSession
from desktop.voice.settings import VoiceSettings
from desktop.voice.transcriber import TranscriberWorker, WhisperEngine, resolve_model_path


@dataclass
class VoiceServices:
    """The voice layer's long-lived objects."""

    worker: TranscriberWorker
    session: VoiceSession
    notes: NotesService
    voice_settings: VoiceSettings

    def set_vocabulary(self, names: Iterable[str]) -> Bias:
        """Rebuild the CRM bias (e.g. after an import or sync) for utterances and notes."""
        bias = build_bias(names)
        self.session.set_bias(bias)
        self.notes.prompt, self.notes.hotwords = bias.initial_prompt, bias.hotwords
        self.notes.correct = bias.correct
        return bias

    def close(self) -> None:
        """Close the microphone, finish queued notes, stop the worker."""
        self.session.disarm()
        self.notes.close()
        self.worker.stop()


def build_voice_services(settings: Any, *, listeners: VoiceListeners | None = None,
                         names: Iterable[str] = (), resolver: Resolver | None = None,
                         on_note_change: Callable[[NoteInfo], None] | None = None,
                         stream_factory: StreamFactory = default_stream_factory,
                         engine: Any = None) -> VoiceServices:
    """Build worker + session + notes from ``settings`` (a :class:`desktop.config.Settings`).

    Raises :class:`desktop.voice.types.ModelNotFound` when ``settings.model`` names no local model
    (unless a test passes its own ``engine``).
    """
    vs = VoiceSettings.load(settings.data_dir)
    if engine is None:
        path = resolve_model_path(settings.model, vs.model_paths)
        engine = WhisperEngine(path, cpu_threads=settings.cpu_threads)
    worker = TranscriberWorker(engine).start()
    bias = build_bias(names)
    session = VoiceSession(worker, vs, listeners, bias=bias, stream_factory=stream_factory)
    notes = NotesService(settings.data_dir, worker, resolver=resolver, prompt=bias.initial_prompt,
                         hotwords=bias.hotwords, correct=bias.correct, on_change=on_note_change)
    return VoiceServices(worker=worker, session=session, notes=notes, voice_settings=vs)
