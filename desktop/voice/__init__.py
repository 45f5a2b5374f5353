"""The voice layer: microphone -> utterance -> transcript, voice notes, ``spectrum transcribe``.

Public API (no Qt; results come back through plain callbacks the UI wraps in signals):

* :class:`desktop.voice.session.VoiceSession` (+ :class:`~desktop.voice.session.VoiceListeners`):
  ``arm() / press() / release() / cancel() / start_note(writer) / stop_note() / disarm()``.
* :class:`desktop.voice.transcriber.TranscriberWorker` owning a
  :class:`~desktop.voice.transcriber.WhisperEngine`; :func:`~desktop.voice.transcriber.resolve_model_path`.
* :func:`desktop.voice.bias.build_bias` -> :class:`~desktop.voice.bias.Bias`.
* :class:`desktop.voice.notes.NotesService`: record / recover / list / play / retranscribe / delete.
* :class:`desktop.voice.hotkey.GlobalHotkey`, :func:`~desktop.voice.hotkey.global_hotkey_support`.
* :class:`desktop.voice.settings.VoiceSettings` (``<data_dir>/voice.json``).
* :func:`desktop.voice.services.build_voice_services`: worker + session + notes + cues, for the
  composition root (:func:`desktop.bootstrap.build_voice`); the CLI front end is :mod:`desktop.cli.voice`.
* :mod:`desktop.voice.fakes`: fake microphone and engine for tests of other layers.
"""
