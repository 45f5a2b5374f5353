"""Sync test fixtures (helpers live in :mod:`sync_helpers`)."""

import pytest
from sync_helpers import emulator, memory_keyring  # noqa: F401  (fixtures)

from desktop.store.db import open_workspace


@pytest.fixture
def ws(db_url):
    """A workspace on ``db_url`` (SQLite, or PostgreSQL when configured), disposed after the test."""
    workspace = open_workspace(db_url)
    yield workspace
    workspace.dispose()
