"""The Activity panel's facade: the audit timeline, newest first."""

from __future__ import annotations

from typing import Protocol, TypedDict

from desktop.services.facades.port import Done, PanelFacade


class AuditRow(TypedDict):
    """One audit entry: id, at ("YYYY-MM-DD HH:MM:SS", UTC), actor (user | agent:<name> | ...), kind
    (plan, undo, import, kill_switch, ...) and its one-line summary."""

    id: int
    at: str
    actor: str
    kind: str
    summary: str


class ActivitySource(Protocol):
    """The backend read the Activity facade uses."""

    def audit(self, limit: int = 300) -> list[AuditRow]: ...


class ActivityFacade(PanelFacade[ActivitySource]):
    """Queries of the Activity panel (a reader thread; ``done`` on the UI thread)."""

    name = "activity"

    def timeline(self, done: Done[list[AuditRow]], *, limit: int = 300) -> None:
        """The newest ``limit`` audit entries, newest first."""
        self._port.read(lambda: self._backend.audit(limit), done=done)
