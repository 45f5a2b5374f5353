"""Opening the workspace a :class:`~desktop.config.Settings` names: migrated, and seeded with the
bundled demo workspace on a first run when asked. The composition root
(:func:`desktop.bootstrap.open_workspace`) and :meth:`desktop.services.backend.Backend.open` use it."""

from __future__ import annotations

from pathlib import Path

from desktop.config import Settings
from desktop.resources import resources_dir
from desktop.store.db import Workspace
from desktop.store.db import open_workspace as _open_url
from desktop.store.errors import WorkspaceError


def open_configured(settings: Settings, *, seed_demo: bool = False) -> Workspace:
    """Open (and migrate) the workspace named by ``settings``.

    Args:
        seed_demo: import the bundled demo workspace (``resources/demo_workspace``) when the
            database holds no CRM records yet (first run).
    Raises:
        WorkspaceError: the database cannot be opened (message names the fix).
    """
    ws = _open_url(settings.resolved_database_url())
    if seed_demo and is_empty(ws):
        from desktop.store.importer import import_paths  # noqa: PLC0415 - lazy: the CSV layouts load only on a first run

        import_paths(ws, [resources_dir() / "demo_workspace"], actor="demo")
    return ws


def is_empty(ws: Workspace) -> bool:
    """True when the workspace has no companies, contacts or deals."""
    from desktop.store import queries  # noqa: PLC0415 - lazy: the read queries load off the UI thread unless seeding

    with ws.uow() as uow:
        return queries.is_empty(uow.session)


def vocabulary(settings: Settings) -> list[str]:
    """Names that bias transcription (companies, contacts, stages, competitors) from the
    workspace under ``settings``; [] when there is no workspace yet (never creates one)."""
    url = settings.resolved_database_url()
    if url.startswith("sqlite:///") and not Path(url.split("///", 1)[1]).exists():
        return []
    try:
        ws = open_configured(settings)
    except WorkspaceError:
        return []
    try:
        from desktop.store import queries  # noqa: PLC0415 - lazy: the read queries load off the UI thread unless seeding

        with ws.uow() as uow:
            return queries.vocabulary(uow.session)
    finally:
        ws.dispose()
