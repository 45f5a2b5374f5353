"""The voice session: push-to-talk (hold / toggle), hands-free end-pointing, utterances, partials.

``VoiceSession`` is what the UI drives: :meth:`arm` opens the always-open input stream (with a
pre-roll ring buffer), :meth:`press`/:meth:`release` come from the in-app shortcut or the global
hotkey, and results come back through plain callbacks (no Qt here; the UI wraps them in signals).
Callbacks run on the capture thread (``on_level``, ``on_hint``, ``on_error``, ``on_state``, and
``on_final`` when the speculative final already covers the speech at the release) or on the
transcriber worker thread (``on_partial``, ``on_final``, ``on_error`` of a decode).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

import numpy as np

from desktop.voice.bias import Bias
from desktop.voice.capture import AudioCapture, StreamFactory, default_stream_factory, resolve_input_device
from desktop.voice.settings import VoiceSettings
from desktop.voice.streaming import AudioBuffer, StreamState
from desktop.voice.transcriber import PRIORITY_FINAL, PRIORITY_PARTIAL, TranscriberWorker
from desktop.voice.types import SAMPLE_RATE, Transcript

log = logging.getLogger(__name__)

#: A pause (silence after speech, seconds): the audio since the last commit is decoded at once (short
#: encoder context) as the speculative final; when the key is released after a pause, nothing is left
#: to decode.
PAUSE_S = 0.15
#: Only phrases at least this long (seconds of audio since the last commit) are committed (decoded once
#: at full quality and never again) - when speech resumes after their pause.
MIN_PHRASE_S = 2.0
#: Without any pause, commit at the quietest moment once this much audio is uncommitted (seconds):
#: bounds the audio every partial and the final decode.
FORCE_COMMIT_S = 10.0
#: The first partial of an utterance is due after this much audio since the press once speech was
#: heard (seconds; later ones every ``partial_interval_s``).
FIRST_PARTIAL_S = 0.3
#: Decode the speculative final at a pause with the short encoder context (~0.1 s instead of ~0.3 s
#: idle on 2 cores, so a release right after the pause barely waits; costs accuracy on the last
#: phrase: see benchmarks/voice_latency.py --wer). Off: full 30 s window, as the non-streaming final.
#: (A full-quality re-decode of the same audio while the key stays held was tried and removed: it
#: kept the single worker busy, partials came up to 0.8 s apart, and corpus WER was the same,
#: 0.364 with it vs 0.363 without; benchmarks/voice_latency.py, 2026-11-21.)
SPECULATIVE_SHORT_CONTEXT = True
#: Commit phrases with the short encoder context too (faster, a little less accurate; see
#: :meth:`desktop.voice.transcriber.WhisperEngine.transcribe`). Off: commits use the full window.
COMMIT_SHORT_CONTEXT = False

HINT_TOO_SHORT = "Hold the key while you speak (that press was too short)."
HINT_SILENCE = "Didn't hear anything - check the microphone and speak after pressing."
HINT_EMPTY = "Couldn't make out any words - try again."


def _noop(*_a: Any) -> None:
    return None


@dataclass
class VoiceListeners:
    """Callbacks the UI connects (each optional).

    on_level(rms): input level, RMS in full scale 0..1, about every 50 ms of audio.
    on_partial(text): growing transcript while recording. on_final(Transcript): the utterance result.
    on_hint(text): short user hint (too short, silence). on_error(text): device loss, decode errors.
    on_state(state): ``"idle"``, ``"recording"``, ``"transcribing"``, ``"note"``.
    """

    on_level: Callable[[float], None] = _noop
    on_partial: Callable[[str], None] = _noop
    on_final: Callable[[Transcript], None] = _noop
    on_hint: Callable[[str], None] = _noop
    on_error: Callable[[str], None] = _noop
    on_state: Callable[[str], None] = _noop


class VoiceSession:
    """Push-to-talk capture and streaming transcription of utterances.

    Args:
        worker: the transcriber worker (owns the model).
        settings: voice preferences (mode, pre-roll, min press, max length, streaming...).
        listeners: callbacks (see :class:`VoiceListeners`).
        bias: hotwords / prompt (see :func:`desktop.voice.bias.build_bias`); changeable via
            :meth:`set_bias`.
        stream_factory: ``sounddevice.InputStream``-like factory (tests: a fake stream).
        stall_timeout_s: no audio for this long counts as device loss (None disables).
        vad_filter: Silero VAD on the final pass (faster-whisper ``vad_filter``).
    """

    def __init__(self, worker: TranscriberWorker, settings: VoiceSettings | None = None,
                 listeners: VoiceListeners | None = None, *, bias: Bias | None = None,
                 stream_factory: StreamFactory = default_stream_factory, device: int | str | None = None,
                 stall_timeout_s: float | None = 2.0, vad_filter: bool = True) -> None:
        self.worker = worker
        self.settings = settings or VoiceSettings()
        self.listeners = listeners or VoiceListeners()
        self.bias = bias or Bias(None, None)
        self.vad_filter = vad_filter
        self.capture = AudioCapture(self, stream_factory=stream_factory, device=device,
                                    stall_timeout_s=stall_timeout_s)
        self._device_from_settings = device is None and stream_factory is default_stream_factory
        n = int(self.settings.preroll_s * SAMPLE_RATE)
        self._ring = np.zeros(n, dtype=np.float32)
        self._ring_pos = 0
        self._ring_fill = 0
        self._samples = 0  # samples received since arm (audio clock)
        self._level_acc = 0.0
        self._level_n = 0
        # capture-thread state
        self._recording = False
        self._press_at = 0
        self._utt: StreamState | None = None
        self._utt_id = 0
        self._last_speech_end = 0
        self._speech_seen = False
        self._since_partial = 0
        self._silence_run = 0
        self._speech_run = 0
        self._listening = self.settings.mode == "handsfree"
        self._partial_busy = threading.Event()
        self._commit_queued = threading.Event()
        self._commit_pos = 0  # capture thread's view of the last commit cut (samples)
        self._pending_cut = 0  # a phrase ended at this cut; committed when speech resumes (samples)
        self._partials_sent = 0  # partial decodes queued in this utterance
        self._released = threading.Event()  # set by release() at once, before the capture queue
        self._energy: list[tuple[int, float]] = []  # (block end, RMS) since the press
        self._dropped = 0  # samples dropped (capture queue full) during this utterance
        self._note: Any = None  # desktop.voice.notes.NoteWriter while a note records
        self.last_final_future: Any = None
        self.last_stream: StreamState | None = None  # the last utterance's state (diagnostics)

    # --- UI-thread API ------------------------------------------------------------------------
    def arm(self) -> None:
        """Open the input stream (pre-roll starts filling). Raises :class:`DeviceError`.

        The device saved in settings (by name) is looked up again each time, so a replugged
        device with a new index is still found.
        """
        if self._device_from_settings and self.settings.input_device:
            self.capture.device = resolve_input_device(self.settings.input_device)
        self.capture.open()

    def disarm(self) -> None:
        """Close the stream; an utterance in progress is finished first."""
        if self.capture.is_open:
            self.capture.post("stop")
            self.capture.post("note_stop")
            self.capture.flush()
        self.capture.close()

    def set_bias(self, bias: Bias) -> None:
        """Use new hotwords / prompt from the next utterance on."""
        self.bias = bias

    def press(self) -> None:
        """Push-to-talk key went down (hold: start; toggle: start/stop; hands-free: listen on/off)."""
        self.capture.post({"hold": "start", "toggle": "toggle", "handsfree": "listen"}[self.settings.mode],
                          time.perf_counter())

    def release(self) -> None:
        """Push-to-talk key went up (hold: stop and transcribe; other modes: nothing)."""
        if self.settings.mode == "hold":
            self._released.set()  # no partial decode starts from now on
            self.capture.post("stop", time.perf_counter())

    def cancel(self) -> None:
        """Drop the utterance in progress without transcribing it."""
        self.capture.post("cancel")

    def start_note(self, writer: Any) -> None:
        """Send audio (from the pre-roll on) to a note writer until :meth:`stop_note`."""
        self.capture.post("note_start", writer)

    def stop_note(self) -> None:
        """Finish the note being recorded (it is then queued for transcription by its service)."""
        self.capture.post("note_stop")

    # --- capture thread (CaptureSink) ---------------------------------------------------------
    def handle_block(self, block: np.ndarray, rms: float) -> None:
        """Append a block to the pre-roll ring and, while recording, to the utterance."""
        n = len(block)
        self._samples += n
        self._level_acc = max(self._level_acc, rms)
        self._level_n += n
        if self._level_n >= SAMPLE_RATE // 20:
            self.listeners.on_level(self._level_acc)
            self._level_acc, self._level_n = 0.0, 0
        self._ring_write(block)
        if self._note is not None:
            self._note.write(block)
        speech = rms >= self.settings.speech_rms
        if not self._recording:
            if self._listening and self._note is None:
                self._speech_run = self._speech_run + n if speech else 0
                if self._speech_run >= int(0.1 * SAMPLE_RATE):
                    self._start(from_ring=True)
            return
        st = self._utt
        assert st is not None
        st.buf.append(block)
        self._energy.append((len(st.buf), rms))
        if speech:
            self._speech_seen = True
            self._last_speech_end = len(st.buf)
            self._silence_run = 0
            if self._pending_cut and self.settings.streaming:  # speech resumed: commit the phrase
                cut, self._pending_cut = self._pending_cut, 0
                self._submit_commit(cut)
        else:
            self._silence_run += n
        self._since_partial += n
        if len(st.buf) >= self.settings.max_utterance_s * SAMPLE_RATE:
            self.listeners.on_hint(f"Stopped at the {self.settings.max_utterance_s:g} s limit.")
            self._stop(time.perf_counter())
            return
        if self.settings.mode == "handsfree" and self._speech_seen and \
                self._silence_run >= self.settings.endpoint_silence_s * SAMPLE_RATE:
            self._stop(time.perf_counter())
            return
        if not self.settings.streaming:
            return
        pause = int(PAUSE_S * SAMPLE_RATE)
        pos = len(st.buf)
        if self._silence_run >= pause and self._silence_run - n < pause:
            if self._last_speech_end > self._commit_pos:  # speech since the last commit
                # the speculative final: fast, reusable as the final transcript if no more speech
                self._submit_partial(speculative=True)
            if self._last_speech_end - self._commit_pos >= MIN_PHRASE_S * SAMPLE_RATE:
                self._pending_cut = self._last_speech_end + pause // 2
        elif pos - self._commit_pos > FORCE_COMMIT_S * SAMPLE_RATE:
            self._pending_cut = 0
            self._submit_commit(self._quietest_point(pos))
        elif not self._partial_busy.is_set() and self._since_partial >= self._partial_due():
            self._submit_partial()

    def handle_gap(self, samples: int) -> None:
        """Blocks were dropped before the next one (the capture queue was full)."""
        if self._recording:
            self._dropped += samples

    def handle_event(self, event: str, payload: Any) -> None:
        """Press/release/toggle/cancel/note events, in audio order."""
        if event == "start" and not self._recording:
            self._start(from_ring=True)
        elif event == "toggle":
            if self._recording:
                self._stop(payload)
            else:
                self._start(from_ring=True)
        elif event == "listen":
            self._listening = not self._listening
            if not self._listening and self._recording:
                self._stop(payload)
        elif event == "stop" and self._recording:
            self._stop(payload if payload is not None else time.perf_counter())
        elif event == "cancel" and self._recording:
            if self._utt is not None:
                self._utt.dropped = True
            self._recording = False
            self._utt = None
            self.listeners.on_state("idle")
        elif event == "note_start" and self._note is None:
            self._note = payload
            self._note.write(self._ring_read())
            self.listeners.on_state("note")
        elif event == "note_stop" and self._note is not None:
            note, self._note = self._note, None
            note.finish()
            self.listeners.on_state("idle")

    def handle_device_lost(self, reason: str) -> None:
        """Keep what was recorded, finish it, and tell the user."""
        kept = []
        if self._recording and self._utt is not None:
            kept.append(f"{len(self._utt.buf) / SAMPLE_RATE:.1f} s of speech")
            self._stop(time.perf_counter(), device_lost=True)
        if self._note is not None:
            note, self._note = self._note, None
            kept.append("the note so far")
            note.finish(error=None)
        msg = f"Microphone lost: {reason}."
        if kept:
            msg += " Kept " + " and ".join(kept) + "."
        self.listeners.on_error(msg)

    # --- internals (capture thread) -----------------------------------------------------------
    def _ring_write(self, block: np.ndarray) -> None:
        size = len(self._ring)
        if len(block) >= size:
            self._ring[:] = block[-size:]
            self._ring_pos, self._ring_fill = 0, size
            return
        end = self._ring_pos + len(block)
        if end <= size:
            self._ring[self._ring_pos:end] = block
        else:
            k = size - self._ring_pos
            self._ring[self._ring_pos:] = block[:k]
            self._ring[: end - size] = block[k:]
        self._ring_pos = end % size
        self._ring_fill = min(size, self._ring_fill + len(block))

    def _ring_read(self) -> np.ndarray:
        if self._ring_fill < len(self._ring):
            return self._ring[: self._ring_fill].copy()
        return np.concatenate([self._ring[self._ring_pos:], self._ring[: self._ring_pos]])

    def _start(self, from_ring: bool) -> None:
        self._utt_id += 1
        st = StreamState(buf=AudioBuffer(), bias=self.bias)
        pre = self._ring_read() if from_ring else np.zeros(0, np.float32)
        st.buf.append(pre)
        frame = SAMPLE_RATE // 50
        rms = [float(np.sqrt(np.mean(np.square(pre[i:i + frame])))) for i in range(0, len(pre), frame)]
        voiced = [i for i, r in enumerate(rms) if r >= self.settings.speech_rms]
        self._speech_seen = bool(voiced)
        self._last_speech_end = min(len(pre), (voiced[-1] + 1) * frame) if voiced else 0
        self._utt = st
        self._recording = True
        self._press_at = self._samples
        self._dropped = 0
        self._since_partial = 0
        self._silence_run = 0
        self._speech_run = 0
        self._commit_pos = 0
        self._pending_cut = 0
        self._released.clear()
        self._partials_sent = 0
        self._energy = []
        self.listeners.on_state("recording")

    def _quietest_point(self, pos: int) -> int:
        """Sample index of the quietest block in the last 3 s (forced commit without a pause)."""
        recent = [(end, rms) for end, rms in self._energy if end > pos - 3 * SAMPLE_RATE]
        if not recent:
            return pos
        return min(recent, key=lambda e: e[1])[0]

    def _partial_due(self) -> int:
        """Audio (samples) since the last partial after which the next one is due: the first one
        sooner (:data:`FIRST_PARTIAL_S`, once speech was heard), then every ``partial_interval_s``."""
        if not self._partials_sent and self._speech_seen:
            return int(min(FIRST_PARTIAL_S, self.settings.partial_interval_s) * SAMPLE_RATE)
        return int(self.settings.partial_interval_s * SAMPLE_RATE)

    def _submit_commit(self, cut: int) -> None:
        st, utt_id = self._utt, self._utt_id
        assert st is not None
        self._commit_pos = cut
        st.want_cut = cut
        if self._commit_queued.is_set():
            return  # the queued commit job will take the newest cut: never a backlog of decodes
        self._commit_queued.set()

        def job(engine: Any) -> None:
            self._commit_queued.clear()
            if st.dropped or self._released.is_set() or utt_id != self._utt_id or not self._recording:
                return  # released before it started: the final pass decodes this audio (short context)
            text = st.commit(engine, st.want_cut, short=COMMIT_SHORT_CONTEXT)
            if utt_id == self._utt_id and self._recording and text:
                self.listeners.on_partial(text)

        # Final priority: commits run in order and before the final pass of the same utterance.
        self.worker.submit(job, PRIORITY_FINAL).add_done_callback(self._report_failure)

    def _submit_partial(self, speculative: bool = False) -> None:
        """Queue a decode of ``[committed, now)`` (short encoder context, see the constants above).

        ``speculative``: submitted at a pause with final priority, kept as the final transcript if
        the key is released before more speech (it still runs after a release); otherwise a
        display-only partial, skipped once the release is seen.
        """
        st, utt_id = self._utt, self._utt_id
        if st is None:
            raise RuntimeError("a partial decode needs an open utterance")
        end = len(st.buf)
        self._since_partial = 0
        self._partials_sent += 1
        if not speculative:
            self._partial_busy.set()

        def job(engine: Any) -> None:
            try:
                if utt_id != self._utt_id or st.dropped or \
                        (not speculative and (not self._recording or self._released.is_set())):
                    return  # the utterance already ended: its final pass decodes the tail
                short = SPECULATIVE_SHORT_CONTEXT or not speculative
                text = st.partial(engine, end, short=short, reusable=speculative)  # type: ignore[union-attr]
                if utt_id == self._utt_id and self._recording and not self._released.is_set() and text:
                    self.listeners.on_partial(text)
            finally:
                if not speculative:
                    self._partial_busy.clear()

        prio = PRIORITY_FINAL if speculative else PRIORITY_PARTIAL
        self.worker.submit(job, prio).add_done_callback(self._report_failure)

    def _stop(self, released_at: float, device_lost: bool = False) -> None:
        st = self._utt
        self._recording = False
        self._utt = None
        if st is None:
            return
        # the next pre-roll starts after this utterance: a press right after a release must not
        # repeat its last words ("yes" heard as "..., yes")
        self._ring_pos = self._ring_fill = 0
        held = (self._samples - self._press_at) / SAMPLE_RATE
        too_short = not device_lost and self.settings.mode != "handsfree" and held < self.settings.min_press_s
        st.dropped = too_short or not self._speech_seen  # no final pass: no more decodes
        if too_short:
            self.listeners.on_hint(HINT_TOO_SHORT)
            self.listeners.on_state("idle")
            return
        if not self._speech_seen:
            self.listeners.on_hint(HINT_SILENCE)
            self.listeners.on_state("idle")
            return
        self.listeners.on_state("transcribing")
        if self._dropped:
            self.listeners.on_error(f"{self._dropped / SAMPLE_RATE:.1f} s of audio was lost "
                                    "(the computer was too busy); the transcript may miss words.")
        end, last_speech = len(st.buf), self._last_speech_end
        use_stream = self.settings.streaming

        self.last_stream = st
        if use_stream:  # the speculative final is done: deliver it now, on this thread
            tr = st.final_if_covered(end, last_speech)
            if tr is not None and tr.text:  # an empty speculative final gets a real final pass
                st.dropped = True  # decodes of this utterance still queued or running are dropped
                st.final_started_after_s = 0.0
                tr.decode_time = time.perf_counter() - released_at
                fut: Future = Future()
                fut.set_result(tr)
                self.last_final_future = fut
                self._deliver(tr)
                return

        def job(engine: Any) -> Transcript:
            st.final_started_after_s = time.perf_counter() - released_at  # waiting for earlier jobs
            if not use_stream:
                st.last = None
            tr = st.final(engine, end, last_speech, vad_filter=self.vad_filter, short=use_stream)
            st.dropped = True
            tr.decode_time = time.perf_counter() - released_at
            self._deliver(tr)
            return tr

        fut = self.worker.submit(job, PRIORITY_FINAL)
        fut.add_done_callback(self._report_failure)
        self.last_final_future = fut

    def _deliver(self, tr: Transcript) -> None:
        if tr.text:
            self.listeners.on_final(tr)
        else:
            self.listeners.on_hint(HINT_EMPTY)
        self.listeners.on_state("idle")

    def _report_failure(self, fut: Any) -> None:
        exc = fut.exception()
        if exc is not None:
            log.error("transcription failed: %s", exc)
            self.listeners.on_error(f"Transcription failed: {exc}")
