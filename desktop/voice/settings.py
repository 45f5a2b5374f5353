"""Voice preferences persisted per user in ``<data_dir>/voice.json``.

The input device is stored by *name* (PortAudio indices change when devices are replugged); it is
resolved to an index each time the stream opens (:func:`desktop.voice.capture.resolve_input_device`).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

Mode = Literal["hold", "toggle", "handsfree"]


class VoiceSettings(BaseModel):
    """Voice preferences.

    Attributes:
        input_device: input device name (None: system default).
        mode: push-to-talk mode: ``hold``, ``toggle`` or ``handsfree`` (VAD end-pointing).
        hotkey: global hotkey in pynput syntax, e.g. ``<ctrl>+<alt>+<space>`` or ``<f9>``.
        preroll_s: audio kept from before the key press, seconds (>= 0.3).
        min_press_s: presses shorter than this produce no utterance, seconds.
        max_utterance_s: recording stops by itself after this many seconds.
        speech_rms: frame RMS (full scale 1.0) above which audio counts as speech (energy VAD).
        endpoint_silence_s: hands-free: silence that ends an utterance, seconds.
        streaming: decode partial transcripts while the key is held.
        partial_interval_s: at most this long between partial decodes while speaking, seconds
            (0.35: partials then come at most ~0.65 s apart at p95 on 2 cores; 0.5 gave 0.8 s).
        model_paths: size name (``base``, ``small.en``...) -> local CTranslate2 directory.
        cues: play short start/stop tones on push-to-talk (off by default).
        readback: speak plans and answers with the on-device Piper voice (the ``readback`` extra;
            off by default).
    """

    input_device: str | None = None
    mode: Mode = "hold"
    hotkey: str = "<ctrl>+<alt>+<space>"
    preroll_s: float = Field(0.5, ge=0.3)
    min_press_s: float = 0.3
    max_utterance_s: float = 60.0
    speech_rms: float = 0.01
    endpoint_silence_s: float = 0.8
    streaming: bool = True
    partial_interval_s: float = 0.35
    model_paths: dict[str, str] = Field(default_factory=dict)
    cues: bool = False
    readback: bool = False

    @classmethod
    def load(cls, data_dir: Path) -> VoiceSettings:
        """Read ``<data_dir>/voice.json``; defaults when it is missing or unreadable."""
        path = Path(data_dir) / "voice.json"
        try:
            return cls.model_validate_json(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()

    def save(self, data_dir: Path) -> None:
        """Write ``<data_dir>/voice.json`` atomically (temp file + ``os.replace``)."""
        path = Path(data_dir) / "voice.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".json.tmp")
        tmp.write_text(json.dumps(self.model_dump(), indent=2), encoding="utf-8")
        os.replace(tmp, path)
