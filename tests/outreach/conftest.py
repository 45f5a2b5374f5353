"""Fixtures: local SMTP + IMAP servers, a memory keyring, a workspace with a connected mailbox."""

from __future__ import annotations

import keyring
import keyring.backend
import pytest

from mailservers import PASSWORD, USER, MailServers


class MemoryKeyring(keyring.backend.KeyringBackend):
    """Passwords in a dict (tests only)."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.data: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.data.get((service, username))

    def set_password(self, service, username, password):
        self.data[(service, username)] = password

    def delete_password(self, service, username):
        self.data.pop((service, username), None)


@pytest.fixture
def memory_keyring():
    old = keyring.get_keyring()
    kr = MemoryKeyring()
    keyring.set_keyring(kr)
    yield kr
    keyring.set_keyring(old)


@pytest.fixture
def mail():
    servers = MailServers().start()
    yield servers
    servers.stop()


@pytest.fixture
def data_dir(tmp_path, fixture_dir):
    from desktop.cli import main

    d = tmp_path / "data"
    assert main(["--data-dir", str(d), "import", str(fixture_dir)]) == 0
    return d


def connect_args(data_dir, mail) -> list[str]:
    return ["--data-dir", str(data_dir), "connect", "email", "--address", USER,
            "--smtp", f"127.0.0.1:{mail.smtp_port}", "--imap", f"127.0.0.1:{mail.imap_port}",
            "--smtp-security", "none", "--imap-security", "none", "--name", "Alex Rivera",
            "--password-stdin"]


@pytest.fixture
def connected(data_dir, mail, memory_keyring, monkeypatch):
    """``data_dir`` with the mailbox connected to ``mail`` (password in the memory keyring)."""
    import io

    from desktop.cli import main

    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(connect_args(data_dir, mail)) == 0
    return data_dir
