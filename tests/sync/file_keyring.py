"""A keyring backend kept in a JSON file named by ``SPECTRUM_TEST_KEYRING``, for tests that run the
real ``spectrum`` command in child processes (``PYTHON_KEYRING_BACKEND=file_keyring.FileKeyring``)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import keyring.backend


class FileKeyring(keyring.backend.KeyringBackend):
    """Passwords in a JSON file (test only: never use for real secrets)."""

    priority = 1

    def _path(self) -> Path:
        return Path(os.environ["SPECTRUM_TEST_KEYRING"])

    def _load(self) -> dict:
        p = self._path()
        return json.loads(p.read_text()) if p.is_file() else {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data[f"{service}/{username}"] = password
        self._path().write_text(json.dumps(data))

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        data.pop(f"{service}/{username}", None)
        self._path().write_text(json.dumps(data))
