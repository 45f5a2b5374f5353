"""The composition root: every long-lived object Spectrum runs on is built here, from
:class:`~desktop.config.Settings`, once per process, and handed to whoever needs it.

- workspace (engine + unit-of-work factory): :func:`open_workspace`; the desktop's backend facade
  over it: :func:`build_backend`;
- planner: :func:`build_planner`;
- voice: :func:`speech_engine`, :func:`transcriber` (CLI) and :func:`build_voice` (the app's
  worker, push-to-talk session, notes service, cues and read-back);
- agents: :func:`agent_service`; MCP: :func:`mcp_service`;
- sync: :func:`crm_client`, :func:`crm_adapter`, :func:`sync_state`, :func:`sync_config` and
  :func:`sync_runner` (``spectrum sync``, and the app's background ``sync --watch`` child);
- the desktop window: :func:`build_main_window`, :func:`run_app`, :func:`smoke_check`.

Callers are the entry points only (:mod:`desktop.cli`, tests, benchmarks); nothing below this
module imports it. Nothing is built at import time, and importing it loads no heavy library
(Qt, SQLAlchemy, httpx, faster-whisper, litellm): each builder imports what it builds.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.config import Settings
from desktop.resources import RESOURCES, resources_dir

if TYPE_CHECKING:  # pragma: no cover
    import httpx
    from PySide6.QtCore import QSettings

    from desktop.agents.service import AgentService
    from desktop.mcp.service import McpService
    from desktop.services.backend import Backend
    from desktop.services.facades.bundle import Facades
    from desktop.services.facades.port import CallPort
    from desktop.services.planning import WorkspacePlanner
    from desktop.store.db import Workspace
    from desktop.store.sync_state import StoreState
    from desktop.sync.port import CrmAdapter
    from desktop.sync.runner import SyncConfig, SyncRunner
    from desktop.sync.state import SyncState
    from desktop.ui.main_window import MainWindow
    from desktop.voice.capture import StreamFactory
    from desktop.voice.services import VoiceServices
    from desktop.voice.transcriber import SpeechEngine, TranscriberWorker, WhisperEngine

__all__ = ["RESOURCES", "DEMO_WORKSPACE", "DEMO_NOW", "resources_dir", "open_workspace", "is_empty",
           "workspace_vocabulary", "build_backend", "build_planner", "speech_engine", "transcriber",
           "build_voice", "agent_service", "mcp_service", "crm_client", "crm_adapter", "sync_state",
           "sync_config", "sync_runner", "build_facades", "build_main_window", "run_app", "smoke_check"]

DEMO_WORKSPACE = RESOURCES / "demo_workspace"
#: the demo workspace's "today" (its activity dates are relative to it)
DEMO_NOW = datetime(2026, 11, 21, 9, 0)
#: sys.setswitchinterval for the desktop app (seconds): worker threads (import, sync, planning)
#: hand the GIL back every 2 ms instead of 5 ms, so the UI thread waits less for it
SWITCH_INTERVAL_S = 0.002

#: ``open_backend(settings, *, seed_demo, now) -> Backend``: how the window gets its backend facade
OpenBackend = Callable[..., "Backend"]


# -- workspace and planner ---------------------------------------------------------------------
def open_workspace(settings: Settings, *, seed_demo: bool = False) -> Workspace:
    """Open (and migrate) the workspace named by ``settings``.

    Args:
        seed_demo: import the bundled demo workspace when the database holds no CRM records yet
            (first run).
    Raises:
        WorkspaceError: the database cannot be opened (message names the fix).
    """
    from desktop.store.workspace import open_configured  # lazy: SQLAlchemy (~0.2 s) only when opened

    return open_configured(settings, seed_demo=seed_demo)


def is_empty(ws: Workspace) -> bool:
    """True when the workspace has no companies, contacts or deals."""
    from desktop.store.workspace import is_empty as empty  # lazy: SQLAlchemy only when opened

    return empty(ws)


def workspace_vocabulary(settings: Settings) -> list[str]:
    """Names that bias transcription (companies, contacts, stages, competitors) from the
    workspace under ``settings``; [] when there is no workspace yet (never creates one)."""
    from desktop.store.workspace import vocabulary  # lazy: SQLAlchemy only when opened

    return vocabulary(settings)


def build_backend(settings: Settings, *, seed_demo: bool = False,
                 now: Callable[[], datetime] | None = None) -> Backend:
    """The desktop's backend facade over the workspace of ``settings`` (see :func:`open_workspace`;
    ``now``: the clock for planning and reports, naive local time). Raises WorkspaceError."""
    from desktop.services.backend import Backend  # lazy: the services load SQLAlchemy

    return Backend(settings, open_workspace(settings, seed_demo=seed_demo), now=now)


def build_planner(ws: Workspace, settings: Settings | None = None) -> WorkspacePlanner:
    """The planner for ``ws``: offline, or the LLM planner when ``settings.llm_model`` is set;
    always compliance-checked (see :mod:`desktop.services.planning`)."""
    from desktop.services import planning  # lazy: the planner's index and parsers load on use

    if settings is None:
        return planning.build(ws)
    return planning.for_settings(ws, settings)


# -- voice -------------------------------------------------------------------------------------
def speech_engine(settings: Settings, model: str | None = None) -> WhisperEngine:
    """The faster-whisper engine for ``model`` (default ``settings.model``; ``voice.json``'s model
    paths apply). The model loads on first use. Raises ModelNotFound naming ``SPECTRUM_MODEL``."""
    from desktop.voice.services import speech_engine as engine  # lazy: numpy / the voice layer

    return engine(settings, model)


def transcriber(settings: Settings, model: str | None = None) -> TranscriberWorker:
    """A started transcriber worker owning :func:`speech_engine` (the CLI's ``transcribe`` and
    ``notes``); stop it with ``.stop()``. Raises ModelNotFound."""
    from desktop.voice.transcriber import TranscriberWorker  # lazy: numpy / the voice layer

    return TranscriberWorker(speech_engine(settings, model)).start()


def build_voice(settings: Settings, *, engine: SpeechEngine | None = None,
                stream_factory: StreamFactory | None = None) -> VoiceServices:
    """The app's voice layer: transcriber worker (the model loads later, off the UI thread),
    push-to-talk session, notes service, cues and read-back, from ``settings`` and ``voice.json``.
    A missing model is no error here: ``worker``/``session`` are None and ``model_error`` says why.

    Args:
        engine: speech engine override (tests: ``desktop.voice.fakes.FakeEngine``).
        stream_factory: microphone override (tests: ``FakeInputStreamFactory``); default sounddevice.
    """
    from desktop.voice.services import build_voice_services  # lazy: numpy / the voice layer

    kwargs: dict[str, Any] = {} if stream_factory is None else {"stream_factory": stream_factory}
    return build_voice_services(settings, engine=engine, require_model=False, start_worker=False, **kwargs)


# -- agents and MCP ----------------------------------------------------------------------------
def agent_service(ws: Workspace, settings: Settings,
                  clock: Callable[[], datetime] | None = None) -> AgentService:
    """The agents runtime over ``ws`` (``clock``: naive UTC; default the real time). Loadout files
    that fail to load are listed in ``loadout_errors``."""
    from desktop.agents.service import AgentService  # lazy: the agents runtime (~0.5 s)

    return AgentService(ws, settings, clock)


def mcp_service(ws: Workspace, settings: Settings) -> McpService:
    """The workspace as MCP tools see it, planning with :func:`build_planner`."""
    from desktop.mcp.service import McpService  # lazy: only `spectrum mcp` serves

    return McpService(ws, settings, planner_factory=lambda: build_planner(ws, settings))


# -- sync --------------------------------------------------------------------------------------
@asynccontextmanager
async def crm_client() -> AsyncIterator[httpx.AsyncClient]:
    """The HTTP client every CRM adapter of one sync run shares (the sync layer's safe default
    timeouts); closed on exit."""
    import httpx  # lazy: httpx only for commands that reach a CRM

    from desktop.sync.http import DEFAULT_TIMEOUT

    async with httpx.AsyncClient(timeout=DEFAULT_TIMEOUT) as client:
        yield client


def sync_config(settings: Settings) -> SyncConfig:
    """``<data_dir>/sync.json`` (Pipedrive URL and field keys, key-property checks)."""
    from desktop.sync.runner import SyncConfig  # lazy: the sync engine only for sync commands

    return SyncConfig(settings.data_dir)


def crm_adapter(crm: str, client: httpx.AsyncClient, settings: Settings,
                token_provider: Callable[[], str | None], *, base_url: str | None = None) -> CrmAdapter:
    """The adapter of ``crm`` ("hubspot" with OAuth token refresh, or "pipedrive" at the company
    URL stored by ``spectrum connect pipedrive --domain``).

    Raises SyncError when Pipedrive's company domain is unknown."""
    from desktop.sync.errors import SyncError  # lazy: the adapters load httpx
    from desktop.sync.hubspot import BASE_URL, HubSpotAdapter
    from desktop.sync.oauth import TokenRefresher
    from desktop.sync.pipedrive import PipedriveAdapter

    if crm == "hubspot":
        url = base_url or BASE_URL  # --base-url: tests, API proxies
        return HubSpotAdapter(client, token_provider, base_url=url,
                              refresh=TokenRefresher(client, url, "hubspot"))
    cfg = sync_config(settings).load()
    company_url: str | None = base_url or cfg.get("pipedrive_url")
    if not company_url:
        raise SyncError("Pipedrive company domain unknown: `spectrum connect pipedrive --domain X`")
    return PipedriveAdapter(client, token_provider, base_url=company_url,
                            key_field=cfg.get("pipedrive_key_fields") or "spectrum_key")


def sync_state(ws: Workspace, crm: str) -> StoreState:
    """The workspace's sync state for ``crm`` (outbox, cursors, id links, conflicts)."""
    from desktop.store.sync_state import StoreState  # lazy: SQLAlchemy only when opened

    return StoreState(ws, crm)


def sync_runner(settings: Settings, client: httpx.AsyncClient,
                jobs: Sequence[tuple[str, SyncState, Callable[[], str | None]]], *,
                base_url: str | None = None, pull: bool = True, push: bool = True,
                progress: Callable[[str, int, str], None] | None = None) -> SyncRunner:
    """The runner over one adapter per ``(crm, state, token provider)`` job, sharing ``client``.
    Raises SyncError (see :func:`crm_adapter`)."""
    from desktop.sync.runner import SyncRunner  # lazy: the sync engine only for sync commands

    return SyncRunner([(crm_adapter(crm, client, settings, tp, base_url=base_url), state)
                       for crm, state, tp in jobs], pull=pull, push=push, progress=progress)


# -- the desktop app ---------------------------------------------------------------------------
def build_facades(backend: Backend, port: CallPort) -> Facades:
    """One typed facade per panel over ``backend`` (pipeline, revenue, costs, agents, approvals, notes,
    activity, settings, and the command bar's), running their work off the UI thread through ``port``
    (the window's :class:`desktop.ui.bridge.Bridge`)."""
    # lazy: the facades' modules load with the window
    from desktop.services.facades.activity import ActivityFacade
    from desktop.services.facades.agents import AgentsFacade
    from desktop.services.facades.approvals import ApprovalsFacade
    from desktop.services.facades.bundle import Facades
    from desktop.services.facades.command import CommandFacade
    from desktop.services.facades.costs import CostsFacade
    from desktop.services.facades.notes import NotesFacade
    from desktop.services.facades.pipeline import PipelineFacade
    from desktop.services.facades.revenue import RevenueFacade
    from desktop.services.facades.settings import SettingsFacade

    return Facades(pipeline=PipelineFacade(backend, port), revenue=RevenueFacade(backend, port),
                   costs=CostsFacade(backend, port), agents=AgentsFacade(backend, port),
                   approvals=ApprovalsFacade(backend, port), notes=NotesFacade(backend, port),
                   activity=ActivityFacade(backend, port), settings=SettingsFacade(backend, port),
                   command=CommandFacade(backend, port))


def build_main_window(settings: Settings, *, backend: Backend | None = None,
                      open_backend: OpenBackend | None = None, qsettings: QSettings | None = None,
                      seed_demo: bool = True, engine: SpeechEngine | None = None,
                      stream_factory: StreamFactory | None = None,
                      now: Callable[[], datetime] | None = None) -> MainWindow:
    """Build the real main window over the workspace of ``settings``: the backend facade, the
    voice layer (:func:`build_voice`) and the window that receives them.

    Args:
        backend: an open :class:`desktop.services.backend.Backend`, or
        open_backend: a factory for one (default :func:`build_backend`).
        qsettings: UI preferences store (tests pass an INI file in a temp folder).
        seed_demo: import the demo workspace when the workspace is empty (first run).
        engine: speech engine override (tests: ``desktop.voice.fakes.FakeEngine``); default faster-whisper.
        stream_factory: microphone stream factory override (tests: ``FakeInputStreamFactory``).
        now: clock for planning and reports (tests pin it to the demo date).
    Returns: the :class:`desktop.ui.main_window.MainWindow` (not yet shown; call ``start()`` after
        ``show()``).
    Raises: WorkspaceError when the workspace cannot be opened.
    """
    from desktop.ui import theme  # lazy: Qt only for the desktop app
    from desktop.ui.app import ensure_app, user_qsettings
    from desktop.ui.bridge import Bridge
    from desktop.ui.main_window import MainWindow
    from desktop.ui.voice import VoiceController

    app = ensure_app()
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    qs = qsettings if qsettings is not None else user_qsettings()
    theme.apply_theme(app, str(qs.value("ui/theme", theme.DEFAULT)))
    if backend is None:
        backend = (open_backend or build_backend)(settings, seed_demo=seed_demo, now=now)
    bridge = Bridge(backend)
    parts = build_voice(settings, engine=engine, stream_factory=stream_factory)
    backend.notes_service = parts.notes
    voice = VoiceController(parts)
    window = MainWindow(bridge, build_facades(backend, bridge), voice, qs)
    bridge.setParent(window)
    voice.setParent(window)
    return window


def run_app(settings: Settings, open_backend: OpenBackend | None = None, *,
            qsettings: QSettings | None = None, engine: SpeechEngine | None = None,
            stream_factory: StreamFactory | None = None,
            on_started: Callable[[MainWindow], None] | None = None) -> int:
    """Run the desktop app on a qasync event loop until the window closes. Returns the exit code
    (1 with a message box when the workspace cannot be opened).

    Start-up: the log file (``<data dir>/logs/spectrum.log``), the workspace, the window, then in
    the background the voice layer (voice notes a crash left unfinished are recovered and
    transcribed, the speech model loads, the microphone opens).

    Args:
        open_backend: the backend factory (default :func:`build_backend`).
        qsettings: UI preferences (default: the per-user file; a test passes an INI in a temp dir,
            and then the environment-only settings are used as given).
        engine / stream_factory: speech engine and microphone overrides (tests; see
            :func:`build_main_window`).
        on_started: called with the window once it is shown and started (tests drive it).
    """
    from desktop.logs import setup_logging  # lazy: Qt and qasync only for the desktop app
    from desktop.ui.app import ensure_app, run_until_closed, settings_from_prefs, show_fatal, user_qsettings

    app = ensure_app(sys.argv)
    qs = qsettings if qsettings is not None else user_qsettings()
    if qsettings is None:
        settings = settings_from_prefs(settings, qs, sys.argv)
    setup_logging(settings.data_dir, level=settings.log_level)
    first_run = not bool(qs.value("ui/welcomed", False))
    try:
        window = build_main_window(settings, qsettings=qs, seed_demo=True, open_backend=open_backend,
                                   engine=engine, stream_factory=stream_factory)
    except Exception as exc:  # noqa: BLE001 - WorkspaceError and friends: show and exit 1
        show_fatal("Cannot open the workspace", exc)
        return 1
    window.show()
    window.start()
    if first_run:
        window.show_welcome()
    if on_started is not None:
        on_started(window)
    return run_until_closed(app)


def smoke_check(settings: Settings, open_backend: OpenBackend | None = None,
                instruction: str = "Move Acme to Negotiation", timeout_s: float = 120.0) -> int:
    """Start the window offscreen on a temporary copy of the demo workspace, load the speech model,
    plan one instruction, and return 0 (1 with a message on stderr when a step fails).

    The user's workspace is not touched."""
    import shutil  # lazy: only `spectrum --smoke`
    import tempfile

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings  # lazy: Qt only for the desktop app (after the platform is set)

    from desktop.domain.describe import describe_plan
    from desktop.ui.app import ensure_app, wait_for

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
        voice = window.voice
        model = (voice.model_status if voice.model_status in ("ready", "missing") else
                 wait_for(voice.model_state, lambda st: st in ("ready", "error", "missing"), timeout_s))
        t_model = time.perf_counter() - t0
        if model != "ready":
            print(f"spectrum --smoke: speech model not ready ({model or 'timeout'})", file=sys.stderr)
            return 1
        plan = wait_for(window.plan_shown, lambda _plan: True, timeout_s,
                        start=lambda: window.submit(instruction, "text"))
        if plan is None or not plan.actions:
            print("spectrum --smoke: planning failed", file=sys.stderr)
            return 1
        print(f"window {t_window:.2f} s, model ready {t_model:.2f} s; "
              f"plan: {' | '.join(describe_plan(plan))}")
        return 0
    finally:
        if window is not None:
            window.close()
            app.processEvents()
        shutil.rmtree(tmp, ignore_errors=True)
