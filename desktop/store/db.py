"""Engine, migrations and the unit of work.

:func:`open_workspace` is the one entry point: it makes the data folder, builds the engine (SQLite
with WAL and foreign keys, or PostgreSQL from ``SPECTRUM_DATABASE_URL``), upgrades the schema with
Alembic to the newest revision and returns a :class:`Workspace` holding a session factory.
A session never crosses threads: each worker opens its own :class:`UnitOfWork`.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

if TYPE_CHECKING:  # alembic loads only when a workspace opens (see upgrade)
    from alembic.config import Config

from desktop.store.errors import DatabaseCorrupt, DatabaseLocked, DataDirNotWritable, WorkspaceError

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
BUSY_TIMEOUT_MS = 5000


def _sqlite_pragmas(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.close()


def make_engine(url: str) -> Engine:
    """Build an engine for ``url``. SQLite connections get WAL, foreign keys and a 5 s busy timeout.

    Raises:
        DataDirNotWritable: the SQLite file's folder cannot be created or written.
    """
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            folder = Path(path).parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise DataDirNotWritable(
                    f"cannot create the data folder {folder}: {exc.strerror}",
                    "choose a writable folder with --data-dir DIR or SPECTRUM_DATA_DIR") from exc
            if not os.access(folder, os.W_OK) or (Path(path).exists() and not os.access(path, os.W_OK)):
                raise DataDirNotWritable(
                    f"the data folder {folder} is not writable",
                    "fix its permissions or choose another with --data-dir DIR / SPECTRUM_DATA_DIR")
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _alembic_config(engine: Engine) -> Config:
    from alembic.config import Config  # noqa: PLC0415 - alembic (~240 ms) loads when a workspace opens

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


def upgrade(engine: Engine) -> bool:
    """Bring the schema to the newest Alembic revision. Returns True when anything was applied.

    Raises:
        DatabaseCorrupt: the file is not a database or is damaged.
        DatabaseLocked: another process holds the write lock.
    """
    # alembic (~240 ms) loads when a workspace opens, not for every module that names Workspace
    from alembic import command  # noqa: PLC0415 - see above
    from alembic.runtime.migration import MigrationContext  # noqa: PLC0415 - see above
    from alembic.script import ScriptDirectory  # noqa: PLC0415 - see above

    cfg = _alembic_config(engine)
    head = ScriptDirectory.from_config(cfg).get_current_head()
    try:
        with engine.connect() as conn:
            current = MigrationContext.configure(conn).get_current_revision()
        if current == head:
            return False
        command.upgrade(cfg, "head")
        return True
    except (OperationalError, DatabaseError) as exc:
        raise map_db_error(exc, engine) from exc


def map_db_error(exc: Exception, engine: Engine | None = None) -> WorkspaceError:
    """Translate a SQLAlchemy / DB-API error into a :class:`WorkspaceError` with a fix."""
    msg = str(getattr(exc, "orig", exc)).lower()
    where = engine.url.render_as_string(hide_password=True) if engine is not None else "the workspace"
    if "locked" in msg or "busy" in msg:
        return DatabaseLocked(f"the workspace database is locked by another program ({where})",
                              "close the other Spectrum window or process and try again")
    if "not a database" in msg or "malformed" in msg or "corrupt" in msg:
        return DatabaseCorrupt(f"the workspace database is damaged or not a Spectrum database ({where})",
                               "restore a backup, or move the file away to start a new workspace")
    if "readonly" in msg or "read-only" in msg or "unable to open" in msg:
        return DataDirNotWritable(f"cannot write the workspace database ({where})",
                                  "check the folder's permissions or choose another with --data-dir")
    return WorkspaceError(f"database error: {getattr(exc, 'orig', exc)}", "see the log for details")


@dataclass
class Workspace:
    """An open workspace: the engine and a session factory. Close with :meth:`dispose`."""

    engine: Engine
    sessions: sessionmaker[Session]

    @property
    def is_sqlite(self) -> bool:
        """True for the SQLite backend."""
        return self.engine.dialect.name == "sqlite"

    def uow(self) -> UnitOfWork:
        """A new unit of work (one transaction; rolls back unless committed)."""
        return UnitOfWork(self.sessions)

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


def open_workspace(url: str, *, migrate: bool = True) -> Workspace:
    """Open (creating if needed) the workspace at ``url`` and upgrade its schema.

    Raises:
        WorkspaceError: (a subclass) naming the problem and the fix.
    """
    engine = make_engine(url)
    try:
        if migrate:
            upgrade(engine)
        else:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
    except WorkspaceError:
        engine.dispose()
        raise
    except (OperationalError, DatabaseError) as exc:
        engine.dispose()
        raise map_db_error(exc, engine) from exc
    return Workspace(engine, sessionmaker(engine, expire_on_commit=False))


class UnitOfWork:
    """One transaction around one command (Cosmic Python's pattern).

    Usage::

        with workspace.uow() as uow:
            uow.session.add(...)
            uow.commit()

    Leaving the block without :meth:`commit` rolls back. DB errors raised inside are mapped to
    :class:`WorkspaceError` subclasses.
    """

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions
        self.session: Session

    def __enter__(self) -> UnitOfWork:
        self.session = self._sessions()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        # close() rolls back any transaction not committed, without expiring loaded objects
        self.session.close()
        if isinstance(exc, (OperationalError, DatabaseError)):
            raise map_db_error(exc) from exc

    def commit(self) -> None:
        """Commit the transaction."""
        self.session.commit()
