"""Composition root: builds the workspace, planner, voice and sync services from :class:`Settings`.

Nothing is built at import time. The CLI and the UI call these functions once; tests call them with
temp folders and fakes.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.config import Settings

if TYPE_CHECKING:  # pragma: no cover
    from desktop.services.planning import WorkspacePlanner
    from desktop.store.db import Workspace

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
DEMO_WORKSPACE = RESOURCES / "demo_workspace"
DEMO_NOW = datetime(2026, 11, 21, 9, 0)


def resources_dir() -> Path:
    """The ``resources/`` folder (next to the package in a checkout; bundled by PyInstaller)."""
    import sys

    base = Path(getattr(sys, "_MEIPASS", "")) / "resources"
    return base if base.exists() else RESOURCES


def open_workspace(settings: Settings, *, seed_demo: bool = False) -> Workspace:
    """Open (and migrate) the workspace named by ``settings``.

    Args:
        seed_demo: import the bundled demo workspace when the database holds no CRM records yet
            (first run).
    Raises:
        WorkspaceError: the database cannot be opened (message names the fix).
    """
    from desktop.store.db import open_workspace as _open

    ws = _open(settings.resolved_database_url())
    if seed_demo and is_empty(ws):
        from desktop.store.importer import import_paths

        import_paths(ws, [resources_dir() / "demo_workspace"], actor="demo")
    return ws


def is_empty(ws: Workspace) -> bool:
    """True when the workspace has no companies, contacts or deals."""
    from desktop.store import queries

    with ws.uow() as uow:
        return queries.is_empty(uow.session)


def workspace_vocabulary(settings: Settings) -> list[str]:
    """Names that bias transcription (companies, contacts, stages, competitors) from the
    workspace under ``settings``; [] when there is no workspace yet (never creates one)."""
    url = settings.resolved_database_url()
    if url.startswith("sqlite:///") and not Path(url.split("///", 1)[1]).exists():
        return []
    from desktop.store import queries
    from desktop.store.errors import WorkspaceError

    try:
        ws = open_workspace(settings)
    except WorkspaceError:
        return []
    try:
        with ws.uow() as uow:
            return queries.vocabulary(uow.session)
    finally:
        ws.dispose()


def build_planner(ws: Workspace, settings: Settings | None = None) -> WorkspacePlanner:
    """The planner for ``ws``: offline, or the LLM planner when ``settings.llm_model`` is set;
    always compliance-checked (see :mod:`desktop.services.planning`)."""
    from desktop.services import planning

    if settings is None:
        return planning.build(ws)
    return planning.build(ws, settings.llm_model, settings.llm_timeout_s, team=settings.team)
