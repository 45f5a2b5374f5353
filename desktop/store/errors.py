"""Errors of the workspace boundary, each with a one-line problem and its fix.

Raised where SQLAlchemy / sqlite3 / the filesystem fail and mapped here, so the CLI and UI can
show ``str(error)`` as one clear line.
"""

from __future__ import annotations


class WorkspaceError(Exception):
    """Base class: ``problem`` says what is wrong, ``fix`` what the user can do."""

    def __init__(self, problem: str, fix: str = "") -> None:
        self.problem = problem
        self.fix = fix
        super().__init__(f"{problem}" + (f" — {fix}" if fix else ""))


class DataDirNotWritable(WorkspaceError):
    """The data folder cannot be created or written."""


class DatabaseLocked(WorkspaceError):
    """Another process holds a write lock for longer than the busy timeout."""


class DatabaseCorrupt(WorkspaceError):
    """The database file is not a Spectrum workspace or is damaged."""


class RecordNotFound(WorkspaceError):
    """No record matches the id or name."""


class AmbiguousRecord(WorkspaceError):
    """Several records match a name; ``candidates`` lists ``(id, display name)`` pairs."""

    def __init__(self, problem: str, candidates: list[tuple[int, str]]) -> None:
        self.candidates = candidates
        super().__init__(problem, "use the id instead: " + ", ".join(f"{i} ({n})" for i, n in candidates))
