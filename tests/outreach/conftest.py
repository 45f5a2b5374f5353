"""Fixtures: local SMTP + IMAP servers, a memory keyring, a workspace with a connected mailbox."""

from __future__ import annotations

import keyring
import pytest
from mailservers import PASSWORD, MailServers
from outreach_helpers import MemoryKeyring, connect_args


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


@pytest.fixture
def connected(data_dir, mail, memory_keyring, monkeypatch):
    """``data_dir`` with the mailbox connected to ``mail`` (password in the memory keyring)."""
    import io

    from desktop.cli import main

    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(connect_args(data_dir, mail)) == 0
    return data_dir
