"""The desktop app's entry points: :func:`build_main_window` (the UI composition root, also used by
tests and benchmarks), :func:`run_app` (``spectrum``) and :func:`smoke_check` (``spectrum --smoke``).

The window is shown before anything slow happens: the workspace opens first (migrations; the demo
workspace is imported on the very first run), then the speech model loads and the microphone opens
in the background while the window is already interactive.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from desktop.config import Settings


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
            from PySide6.QtGui import QIcon

            app.setWindowIcon(QIcon(str(icon)))
    return app


def _icon_path() -> Path | None:
    """packaging/spectrum-256.png in a checkout or in the PyInstaller bundle."""
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parents[2]))
    p = base / "packaging" / "spectrum-256.png"
    return p if p.exists() else None


#: sys.setswitchinterval for the app (seconds).
SWITCH_INTERVAL_S = 0.002


def user_qsettings() -> QSettings:
    """Per-user UI preferences (geometry, sidebar choice, theme, push-to-talk key)."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Spectrum", "desktop")


#: ``open_backend(settings, *, seed_demo, now) -> Backend``: how the window gets its backend facade.
#: The composition root (desktop/cli.py) passes ``desktop.services.backend.Backend.open``; the UI
#: never imports the services that reach the store.
OpenBackend = Callable[..., Any]


def build_main_window(settings: Settings, *, backend: Any = None, open_backend: OpenBackend | None = None, qsettings: QSettings | None = None, seed_demo: bool = True,
                      engine: Any = None, stream_factory: Any = None,
                      now: Callable[[], datetime] | None = None) -> Any:
    """Build the real main window over the workspace of ``settings``.

    Args:
        qsettings: UI preferences store (tests pass an INI file in a temp folder).
        seed_demo: import the demo workspace when the workspace is empty (first run).
        engine: speech engine override (tests: ``desktop.voice.fakes.FakeEngine``); default faster-whisper.
        stream_factory: microphone stream factory override (tests: ``FakeInputStreamFactory``).
        now: clock for planning and reports (tests pin it to the demo date).
        backend: an open :class:`desktop.services.backend.Backend`, or
        open_backend: a factory for one (see :data:`OpenBackend`); one of the two is required.
    Returns: the :class:`desktop.ui.main_window.MainWindow` (not yet shown; call ``start()`` after
        ``show()``).
    Raises: WorkspaceError when the workspace cannot be opened.
    """
    from desktop.ui import theme
    from desktop.ui.bridge import Bridge
    from desktop.ui.main_window import MainWindow
    from desktop.ui.voice import VoiceController

    app = ensure_app()
    # Worker threads (import, sync, planning) hand the GIL back every 2 ms instead of 5 ms, so the
    # UI thread waits less for it.
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    qs = qsettings if qsettings is not None else user_qsettings()
    theme.apply_theme(app, str(qs.value("ui/theme", theme.DEFAULT)))
    if backend is None:
        if open_backend is None:
            raise ValueError("build_main_window needs backend= or open_backend=")
        backend = open_backend(settings, seed_demo=seed_demo, now=now)
    bridge = Bridge(backend)
    voice = VoiceController(settings.data_dir, settings.model, settings.cpu_threads, engine=engine,
                            stream_factory=stream_factory)
    backend.notes_service = voice.notes
    window = MainWindow(bridge, voice, qs)
    bridge.setParent(window)
    voice.setParent(window)
    return window


def _settings_from_prefs(settings: Settings, qs: QSettings) -> Settings:
    """Apply UI-chosen LLM model / speech model / data folder unless the environment set them."""
    updates: dict[str, Any] = {}
    if not os.environ.get("SPECTRUM_LLM_MODEL") and qs.value("llm/model"):
        updates["llm_model"] = str(qs.value("llm/model"))
    if not os.environ.get("SPECTRUM_MODEL") and qs.value("speech/model"):
        updates["model"] = str(qs.value("speech/model"))
    if not os.environ.get("SPECTRUM_DATA_DIR") and qs.value("workspace/data_dir") and "--data-dir" not in sys.argv:
        updates["data_dir"] = Path(str(qs.value("workspace/data_dir")))
    return settings.model_copy(update=updates) if updates else settings


def run_app(settings: Settings, open_backend: OpenBackend, *, qsettings: QSettings | None = None,
            engine: Any = None, stream_factory: Any = None,
            on_started: Callable[[Any], None] | None = None) -> int:
    """Run the desktop app on a qasync event loop until the window closes. Returns the exit code.

    Start-up: the log file (``<data dir>/logs/spectrum.log``), the workspace, the window, then in
    the background the voice layer (voice notes a crash left unfinished are recovered and
    transcribed, the speech model loads, the microphone opens).

    Args:
        qsettings: UI preferences (default: the per-user file; a test passes an INI in a temp dir,
            and then the environment-only settings are used as given).
        engine / stream_factory: speech engine and microphone overrides (tests; see
            :func:`build_main_window`).
        on_started: called with the window once it is shown and started (tests drive it).
    """
    import asyncio

    import qasync

    from desktop.logs import setup_logging

    app = ensure_app(sys.argv)
    qs = qsettings if qsettings is not None else user_qsettings()
    if qsettings is None:
        settings = _settings_from_prefs(settings, qs)
    setup_logging(settings.data_dir, level=settings.log_level)
    first_run = not bool(qs.value("ui/welcomed", False))
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    try:
        window = build_main_window(settings, qsettings=qs, seed_demo=True, open_backend=open_backend,
                                   engine=engine, stream_factory=stream_factory)
    except Exception as exc:  # WorkspaceError and friends: show and exit 1
        import logging

        from PySide6.QtWidgets import QMessageBox

        logging.getLogger("desktop.ui.app").error("cannot open the workspace", exc_info=exc)
        QMessageBox.critical(None, "Spectrum", f"Cannot open the workspace:\n{exc}")
        return 1
    window.show()
    window.start()
    if first_run:
        window.show_welcome()
    if on_started is not None:
        on_started(window)
    closed = asyncio.Event()
    app.lastWindowClosed.connect(closed.set)
    with loop:
        loop.run_until_complete(closed.wait())
    return 0


def smoke_check(settings: Settings, open_backend: OpenBackend, instruction: str = "Move Acme to Negotiation", timeout_s: float = 120.0) -> int:
    """Start the window offscreen on a temporary copy of the demo workspace, load the speech model,
    plan one instruction, and return 0 (1 with a message on stderr when a step fails).

    The user's workspace is not touched."""
    import shutil
    import tempfile

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer

    app = ensure_app()
    tmp = Path(tempfile.mkdtemp(prefix="spectrum-smoke-"))
    t0 = time.perf_counter()
    window = None
    try:
        qs = QSettings(str(tmp / "ui.ini"), QSettings.Format.IniFormat)
        s = settings.model_copy(update={"data_dir": tmp, "database_url": None})
        window = build_main_window(s, qsettings=qs, seed_demo=True, open_backend=open_backend)
        window.show()
        window.start()
        t_window = time.perf_counter() - t0
        result: dict[str, Any] = {}
        loop = QEventLoop()
        window.voice.model_state.connect(lambda st: st in ("ready", "error", "missing")
                                         and (result.setdefault("model", st), loop.quit()))
        if window.voice.model_status in ("ready", "missing"):
            result["model"] = window.voice.model_status
        else:
            QTimer.singleShot(int(timeout_s * 1000), loop.quit)
            loop.exec()
        t_model = time.perf_counter() - t0
        if result.get("model") != "ready":
            print(f"spectrum --smoke: speech model not ready ({result.get('model', 'timeout')})", file=sys.stderr)
            return 1
        window.plan_shown.connect(lambda plan: (result.setdefault("plan", plan), loop.quit()))
        window.submit(instruction, "text")
        QTimer.singleShot(int(timeout_s * 1000), loop.quit)
        loop.exec()
        plan = result.get("plan")
        if plan is None or not plan.actions:
            print("spectrum --smoke: planning failed", file=sys.stderr)
            return 1
        from desktop.domain.describe import describe_plan

        print(f"window {t_window:.2f} s, model ready {t_model:.2f} s; "
              f"plan: {' | '.join(describe_plan(plan))}")
        return 0
    finally:
        if window is not None:
            window.close()
            app.processEvents()
        shutil.rmtree(tmp, ignore_errors=True)
