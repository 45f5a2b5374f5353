"""Sync test fixtures (helpers live in :mod:`sync_helpers`)."""

from sync_helpers import emulator, memory_keyring  # noqa: F401  (fixtures)
