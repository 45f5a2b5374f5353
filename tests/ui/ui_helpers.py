"""Helpers for the UI tests: build the real main window, synthesise speech-level audio."""

from __future__ import annotations

import numpy as np

from desktop.bootstrap import DEMO_NOW


def speechlike(seconds: float = 1.2, amplitude: float = 0.3) -> np.ndarray:
    """A loud 220 Hz tone: above the energy VAD threshold, so the session treats it as speech."""
    t = np.arange(int(seconds * 16000)) / 16000
    return (amplitude * np.sin(2 * np.pi * 220 * t)).astype(np.float32)


def build(qtbot, tmp_path, *, engine=None, heard: str = "Move Acme to Negotiation", panel: int | None = 1):
    from PySide6.QtCore import QSettings

    from desktop.bootstrap import build_main_window
    from desktop.config import Settings
    from desktop.services.backend import Backend
    from desktop.voice.fakes import FakeEngine, FakeInputStreamFactory

    settings = Settings(data_dir=tmp_path / "ws")
    qs = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    factory = FakeInputStreamFactory()
    w = build_main_window(settings, open_backend=Backend.open, qsettings=qs,
                          engine=engine or FakeEngine(heard), stream_factory=factory, now=lambda: DEMO_NOW)
    w.mic_factory = factory
    qtbot.addWidget(w)
    w.show()
    w.start()
    if panel is None:  # keep the restored panel
        return w
    w.show_panel(panel)  # the Pipeline panel: panels load when shown and refresh while visible
    qtbot.waitUntil(lambda: bool(w.pipeline.columns) and w.pipeline._loaded_table, timeout=15000)
    return w


_PIPER = []


def spoken(text: str, out_dir) -> np.ndarray:
    """``text`` spoken by the neural Piper voice of the ``readback`` extra (dev dependency) when it
    is installed, else by espeak-ng + sox; 16 kHz mono float32 with 0.3 s of silence around it,
    cached in ``out_dir``. Skips the test when neither can speak."""
    import hashlib
    import shutil
    import subprocess
    from pathlib import Path

    import pytest
    import soundfile as sf

    from desktop.voice.feedback import readback_available

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    engine = "piper" if readback_available() else "espeak"
    out = out_dir / f"{engine}-{hashlib.sha1(text.encode()).hexdigest()[:12]}.wav"
    if not out.exists():
        if engine == "piper":
            from desktop.voice.feedback import PiperSynth

            if not _PIPER:
                _PIPER.append(PiperSynth(threads=2))
            audio, rate = _PIPER[0].synth(text)
            n = int(len(audio) * 16000 / rate)  # linear resampling is plenty for test speech
            audio = np.interp(np.arange(n) * rate / 16000, np.arange(len(audio)), audio)
            sf.write(str(out), audio.astype(np.float32), 16000)
        else:
            if not (shutil.which("espeak-ng") and shutil.which("sox")):
                pytest.skip("test speech needs the readback extra (Piper) or espeak-ng and sox")
            raw = out_dir / f"{out.stem}.raw.wav"
            subprocess.run(["espeak-ng", "-v", "en-us", "-w", str(raw), text], check=True)
            subprocess.run(["sox", str(raw), "-r", "16000", "-c", "1", str(out)], check=True)
    audio, rate = sf.read(str(out), dtype="float32")
    assert rate == 16000
    pad = np.zeros(4800, np.float32)
    return np.concatenate([pad, audio, pad])


def speak(qtbot, w, audio: np.ndarray, signal, timeout: int = 60000):
    """Hold the push-to-talk key, feed ``audio`` into the fake microphone (in 1 s pieces as the
    capture queue drains), release, and wait for ``signal``; returns the signal's blocker."""
    from PySide6.QtCore import Qt

    w.sidebar.setFocus()
    qtbot.keyPress(w.sidebar, Qt.Key.Key_F9)
    queue = w.voice.session.capture._q
    for i in range(0, len(audio), 16000):
        w.mic_factory.last.feed(audio[i:i + 16000])
        qtbot.waitUntil(lambda: queue.qsize() == 0, timeout=10000)
    w.mic_factory.last.feed_silence(0.3)
    qtbot.waitUntil(lambda: queue.qsize() == 0, timeout=10000)  # the release lands after all the audio
    with qtbot.waitSignal(signal, timeout=timeout) as blocker:
        qtbot.keyRelease(w.sidebar, Qt.Key.Key_F9)
    return blocker
