"""`spectrum connect` and `spectrum sync` through the real CLI parser."""

from __future__ import annotations

import json

from sync_helpers import TOKEN

from desktop import cli
from desktop.sync.credentials import SERVICE


def test_connect_stores_the_token_in_the_keyring_only(memory_keyring, monkeypatch, tmp_path, capsys):
    monkeypatch.setattr("getpass.getpass", lambda prompt: TOKEN)
    assert cli.main(["--data-dir", str(tmp_path), "connect", "hubspot"]) == 0
    assert memory_keyring.store[(SERVICE, "hubspot")] == TOKEN
    out = capsys.readouterr()
    assert TOKEN not in out.out + out.err
    assert not any(TOKEN in p.read_text(errors="ignore") for p in tmp_path.rglob("*") if p.is_file())


def test_sync_without_a_connected_crm_says_how_to_connect(memory_keyring, tmp_path, capsys):
    assert cli.main(["--data-dir", str(tmp_path), "sync", "--once"]) == 2
    assert "spectrum connect hubspot" in capsys.readouterr().err


def test_sync_once_pulls_into_the_workspace_and_status_reports(memory_keyring, tmp_path, capsys,
                                                               emulator):
    memory_keyring.set_password(SERVICE, "hubspot", TOKEN)
    emulator.hubspot.create("contacts", {"email": "ada@acme.test", "firstname": "Ada"},
                            updated_ms=1_700_000_000_000)
    code = cli.main(["--data-dir", str(tmp_path), "sync", "--once", "--crm", "hubspot",
                     "--base-url", emulator.url])
    assert code == 0
    assert "hubspot: pulled contact 1" in capsys.readouterr().out
    assert cli.main(["--data-dir", str(tmp_path), "sync", "status", "--json"]) == 0
    (hub, pipe) = json.loads(capsys.readouterr().out)
    assert hub["connected"] and not pipe["connected"]
    assert hub["cursors"]["contact"]["mode"] == "incremental"
    assert TOKEN.encode() not in (tmp_path / "workspace.db").read_bytes()


def test_sandbox_sync_runs_end_to_end(tmp_path, capsys):
    assert cli.main(["--data-dir", str(tmp_path), "sync", "--sandbox", "--once"]) == 0
    out = capsys.readouterr().out
    assert "pulled company 3, contact 3, deal 3" in out and "pushed 2 change(s)" in out
    assert cli.main(["--data-dir", str(tmp_path), "sync", "status", "--sandbox"]) == 0
    assert "outbox sent 2" in capsys.readouterr().out
