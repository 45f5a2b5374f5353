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

    from desktop.config import Settings
    from desktop.services.backend import Backend
    from desktop.ui.app import build_main_window
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
