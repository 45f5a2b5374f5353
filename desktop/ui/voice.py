"""Qt adapter over the voice layer: the push-to-talk session, the model worker and voice notes.

:class:`VoiceController` turns the voice session's plain callbacks (called on the capture and
transcriber threads) into Qt signals delivered on the UI thread. The speech model loads in the
background after the window is shown; the microphone stream opens off the UI thread.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import Future

from PySide6.QtCore import QObject, Signal

from desktop.voice.bias import Bias
from desktop.voice.hotkey import GlobalHotkey
from desktop.voice.notes import NoteWriter
from desktop.voice.services import VoiceServices
from desktop.voice.session import VoiceListeners
from desktop.voice.types import Transcript

log = logging.getLogger(__name__)


class VoiceController(QObject):
    """Signals (all delivered on the UI thread):
        level(float): input RMS 0..1. partial(str): live transcript. final(str): utterance text.
        hint(str) / error(str): user messages. mic_state(str): off | ready | recording |
        transcribing | note | unavailable. model_state(str): loading | ready | missing | error.
        transcribed(audio seconds, decode seconds): one utterance was transcribed (metering).
        note_changed(object): a :class:`desktop.voice.notes.NoteInfo` changed state.
        notes_recovered(list): ids of the notes recovered at start (cut off by a crash), once, after
            :meth:`start`; they are being transcribed in the background.

    Args:
        parts: the voice layer built by the composition root
            (:func:`desktop.bootstrap.build_voice`): worker, session, notes service, cues, read-back.
    """

    level = Signal(float)
    partial = Signal(str)
    final = Signal(str)
    hint = Signal(str)
    error = Signal(str)
    mic_state = Signal(str)
    model_state = Signal(str)
    note_changed = Signal(object)
    notes_recovered = Signal(list)
    transcribed = Signal(float, float)

    def __init__(self, parts: VoiceServices, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.parts = parts
        self.data_dir = parts.data_dir
        self.voice_settings = parts.voice_settings
        self.worker = parts.worker
        self.session = parts.session
        self.notes = parts.notes
        self.model_status = "loading" if parts.worker is not None else "missing"
        self.mic_status = "off"
        self._model_error = parts.model_error
        if self.session is not None:
            self.session.listeners = VoiceListeners(
                on_level=self.level.emit, on_partial=self.partial.emit, on_final=self._final,
                on_hint=self.hint.emit, on_error=self.error.emit, on_state=self._on_state)
        self.notes.on_change = self.note_changed.emit
        self._arm_thread: threading.Thread | None = None
        self._recover_thread: threading.Thread | None = None
        self._writer: NoteWriter | None = None
        self.hotkey: GlobalHotkey | None = None
        #: push-to-talk start/stop tones (Settings; off by default)
        self.cues = parts.cues
        #: spoken read-back of plans and answers (Settings; off by default; needs the readback extra)
        self.readback = parts.readback

    def _final(self, tr: Transcript) -> None:
        self.transcribed.emit(float(tr.duration), float(tr.decode_time))
        self.final.emit(tr.text)

    # -- startup ---------------------------------------------------------------------------------
    def start(self) -> None:
        """Recover voice notes a crash left unfinished, load the model and open the microphone, all
        in the background (never blocks the UI)."""
        self._recover_thread = threading.Thread(target=self._recover_notes, name="notes-recover", daemon=True)
        self._recover_thread.start()
        if self.worker is None:
            self.model_state.emit("missing")
            self.error.emit(self._model_error)
            return
        self.model_state.emit("loading")
        fut = self.worker.preload()
        fut.add_done_callback(self._loaded)
        self._arm_thread = threading.Thread(target=self._arm, name="mic-open", daemon=True)
        self._arm_thread.start()

    def _recover_notes(self) -> None:
        """Worker thread: mark unfinished notes recovered (duration from the audio on disk) and queue
        them on the notes thread, which transcribes them after any utterance (background priority)."""
        try:
            ids = self.notes.recover()
        except Exception as exc:  # shown, never fatal: the audio stays on disk
            log.exception("voice note recovery failed")
            self.error.emit(f"Could not recover unfinished voice notes: {exc}")
            return
        if ids:
            log.info("recovered %d unfinished voice note(s): %s", len(ids), ", ".join(ids))
            self.hint.emit(f"Recovered {len(ids)} voice note(s) cut off when Spectrum last stopped; "
                           + ("transcribing in the background." if self.worker is not None
                              else "they will be transcribed once a speech model is available."))
        self.notes_recovered.emit(ids)

    def _loaded(self, fut: Future) -> None:
        exc = fut.exception()
        self.model_status = "ready" if exc is None else "error"
        self.model_state.emit(self.model_status)
        if exc is not None:
            self.error.emit(f"Speech model failed to load: {exc}")

    def _arm(self) -> None:
        assert self.session is not None  # start() arms only with a model, hence a session
        try:
            self.session.arm()
            self.mic_status = "ready"
            if self.parts.global_hotkey:
                self._start_global_hotkey()
        except Exception as exc:  # noqa: BLE001 - DeviceError or PortAudio missing: shown, not fatal
            self.mic_status = "unavailable"
            self.error.emit(f"Microphone unavailable: {exc}")
        self.mic_state.emit(self.mic_status)

    def _start_global_hotkey(self) -> None:
        """The system-wide push-to-talk hotkey (X11/Windows/macOS); on Wayland or without a display
        the reason is shown and the in-app key still works."""
        assert self.session is not None
        self.hotkey = GlobalHotkey(self.voice_settings.hotkey, self.session.press, self.session.release)
        if not self.hotkey.start():
            self.hint.emit(self.hotkey.reason)

    def wait_armed(self, timeout: float = 5.0) -> bool:
        """Block until the microphone open attempt finished (tests, smoke check)."""
        if self._arm_thread is not None:
            self._arm_thread.join(timeout)
        return self.mic_status == "ready"

    def _on_state(self, state: str) -> None:
        self.mic_status = {"idle": "ready"}.get(state, state)
        self.mic_state.emit(self.mic_status)

    # -- push-to-talk ----------------------------------------------------------------------------
    def press(self) -> None:
        """Push-to-talk key/button down."""
        if self.session is not None and self.session.capture.is_open:
            self.cues.start()
            self.session.press()
        elif self.session is not None:
            self.hint.emit("The microphone is not open yet.")

    def release(self) -> None:
        """Push-to-talk key/button up."""
        if self.session is not None and self.session.capture.is_open:
            self.session.release()
            self.cues.stop()

    def set_bias(self, bias: Bias) -> None:
        """Bias transcription towards workspace names (:class:`desktop.voice.bias.Bias`, built off
        the UI thread by ``Backend.voice_bias``: indexing every name for correction takes a while)."""
        self.parts.set_bias(bias)

    # -- notes -----------------------------------------------------------------------------------
    @property
    def recording_note(self) -> bool:
        """True while a voice note records."""
        return self._writer is not None

    def start_note(self, attach: tuple[str, int] | None = None) -> None:
        """Start recording a voice note (optionally attached to the record in view)."""
        if self.session is None or not self.session.capture.is_open or self._writer is not None:
            self.hint.emit("The microphone is not available for a note.")
            return
        self._writer = self.notes.start_recording(attach)
        self.session.start_note(self._writer)

    def stop_note(self) -> None:
        """Finish the note being recorded (it is transcribed in the background)."""
        if self._writer is not None and self.session is not None:
            self.session.stop_note()
            self._writer = None

    def shutdown(self) -> None:
        """Close the microphone, finish queued transcription, stop the worker threads."""
        if self._arm_thread is not None:
            self._arm_thread.join(5)
        if self._recover_thread is not None:
            self._recover_thread.join(5)
        if self.hotkey is not None:
            self.hotkey.stop()
        if self.session is not None:
            try:
                self.session.disarm()
            except Exception:  # closing a lost device must not block shutdown
                log.exception("closing the microphone failed")
        self.notes.close()
        self.readback.close()
        if self.worker is not None:
            self.worker.stop()
