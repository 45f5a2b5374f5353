"""Shared fixtures: fixture workspace paths, temp workspaces (SQLite, or PostgreSQL when
SPECTRUM_TEST_POSTGRES_URL is set), and a guard that fails tests leaking non-daemon threads."""

from __future__ import annotations

import os
import threading
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT.parent / "shared" / "fixtures" / "workspace"
if not FIXTURES.exists():  # a checkout without shared/ beside it: the bundled copy is identical
    FIXTURES = ROOT / "resources" / "demo_workspace"
NOW = "2026-11-21T09:00:00"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests never touch the developer's OS keyring (the audit anchor's HMAC key, LLM keys, CRM tokens),
# here or in the child processes they start; tests that need a keyring swap in a memory backend.
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
# the app's agents scheduler child stays off in tests (tests/ui/test_agents_panel.py starts it itself)
os.environ.setdefault("SPECTRUM_AGENTS_SCHEDULER", "0")
os.environ.pop("SPECTRUM_DATABASE_URL", None)
os.environ.pop("SPECTRUM_LLM_MODEL", None)


@pytest.fixture
def fixture_dir() -> Path:
    """The small HubSpot/Stripe/ledger export shared with the CEO."""
    return FIXTURES


def _pg_url() -> str | None:
    return os.environ.get("SPECTRUM_TEST_POSTGRES_URL")


BACKENDS = ["sqlite"] + (["postgresql"] if _pg_url() else [])


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path):
    """A fresh, empty database URL: a SQLite file in tmp_path, or a new PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'workspace.db'}"
        return
    from sqlalchemy import create_engine, text

    base = _pg_url()
    name = f"spectrum_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f"CREATE DATABASE {name}"))
    url = base.rsplit("/", 1)[0] + "/" + name
    yield url
    with admin.connect() as c:
        c.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    admin.dispose()


@pytest.fixture
def workspace(db_url, fixture_dir):
    """A workspace with the fixture export imported."""
    from desktop.store.db import open_workspace
    from desktop.store.importer import import_paths

    ws = open_workspace(db_url)
    import_paths(ws, [fixture_dir])
    yield ws
    ws.dispose()


#: Process-wide worker pools that libraries start once and keep (not per-test leaks).
LIBRARY_THREADS = ("litellm-logging",)


@pytest.fixture(autouse=True)
def _no_leaked_threads():
    before = set(threading.enumerate())
    yield
    leaked = [t for t in threading.enumerate()
              if t not in before and t.is_alive() and not t.daemon
              and not t.name.startswith(LIBRARY_THREADS)]
    for t in leaked:
        t.join(timeout=5)
    still = [t.name for t in leaked if t.is_alive()]
    assert not still, f"test leaked threads: {still}"
