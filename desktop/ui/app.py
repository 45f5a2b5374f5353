"""Qt plumbing of the desktop app: the QApplication, the per-user UI preferences, the qasync event
loop, and small waits used by the smoke check. The window itself is built by the composition root
(:func:`desktop.bootstrap.build_main_window`), which hands it the backend facade and the voice layer.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QEventLoop, QSettings, QTimer, SignalInstance
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.config import Settings

T = TypeVar("T")


def ensure_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication (created once)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv or [sys.argv[0]])
        app.setApplicationName("Spectrum")
        app.setOrganizationName("Spectrum")
        app.setApplicationDisplayName("Spectrum")
        app.setDesktopFileName("spectrum")
        icon = _icon_path()
        if icon is not None:
            app.setWindowIcon(QIcon(str(icon)))
    assert isinstance(app, QApplication)
    return app


def _icon_path() -> Path | None:
    """packaging/spectrum-256.png in a checkout or in the PyInstaller bundle."""
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parents[2]))
    p = base / "packaging" / "spectrum-256.png"
    return p if p.exists() else None


def user_qsettings() -> QSettings:
    """Per-user UI preferences (geometry, sidebar choice, theme, push-to-talk key)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Spectrum", "desktop")


def settings_from_prefs(settings: Settings, qs: QSettings, argv: list[str]) -> Settings:
    """Apply the UI-chosen LLM model / speech model / data folder unless the environment (or
    ``--data-dir`` in ``argv``) set them."""
    updates: dict[str, Any] = {}
    if not os.environ.get("SPECTRUM_LLM_MODEL") and qs.value("llm/model"):
        updates["llm_model"] = str(qs.value("llm/model"))
    if not os.environ.get("SPECTRUM_MODEL") and qs.value("speech/model"):
        updates["model"] = str(qs.value("speech/model"))
    if not os.environ.get("SPECTRUM_DATA_DIR") and qs.value("workspace/data_dir") and "--data-dir" not in argv:
        updates["data_dir"] = Path(str(qs.value("workspace/data_dir")))
    return settings.model_copy(update=updates) if updates else settings


def show_fatal(what: str, exc: BaseException) -> None:
    """Log ``exc`` and show ``what`` with its message in a dialog (the app then exits)."""
    logging.getLogger("desktop.ui.app").error(what.lower(), exc_info=exc)
    QMessageBox.critical(None, "Spectrum", f"{what}:\n{exc}")


def run_until_closed(app: QApplication) -> int:
    """Run the qasync event loop until the last window closes. Returns 0."""
    import qasync  # lazy: ~35 ms that only the running app (not tests, benchmarks) needs
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    closed = asyncio.Event()
    app.lastWindowClosed.connect(closed.set)
    with loop:
        loop.run_until_complete(closed.wait())
    return 0


def wait_for(signal: SignalInstance, accept: Callable[[T], bool], timeout_s: float,
             start: Callable[[], None] | None = None) -> T | None:
    """Run a local event loop until ``signal`` carries a value ``accept`` takes (returned), or
    ``timeout_s`` seconds pass (None). ``start`` is called once connected (what makes it fire)."""
    got: list[T] = []
    loop = QEventLoop()

    def seen(value: T) -> None:
        if not got and accept(value):
            got.append(value)
            loop.quit()

    signal.connect(seen)
    try:
        if start is not None:
            start()
        if not got:
            QTimer.singleShot(int(timeout_s * 1000), loop.quit)
            loop.exec()
    finally:
        signal.disconnect(seen)
    return got[0] if got else None
