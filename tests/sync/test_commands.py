"""`spectrum connect` and `spectrum sync` through the real CLI parser."""

from __future__ import annotations

import json

from sync_helpers import TOKEN

from desktop import cli
from desktop.sync.credentials import SERVICE


def test_connect_stores_the_token_in_the_keyring_only(memory_keyring, monkeypatch, tmp_path, capsys,
                                                      emulator):
    monkeypatch.setattr("getpass.getpass", lambda prompt: TOKEN)
    assert cli.main(["--data-dir", str(tmp_path), "connect", "hubspot",
                     "--base-url", emulator.url]) == 0
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


def test_connect_hubspot_creates_the_unique_key_property_once(memory_keyring, monkeypatch, tmp_path,
                                                              capsys, emulator):
    from desktop.sync.mapping_hubspot import KEY_PROPERTY

    for hs_type in ("contacts", "companies", "deals"):
        del emulator.hubspot.properties[hs_type][KEY_PROPERTY]  # a portal never connected
    monkeypatch.setattr("getpass.getpass", lambda prompt: TOKEN)
    argv = ["--data-dir", str(tmp_path), "connect", "hubspot", "--base-url", emulator.url]
    assert cli.main(argv) == 0
    for hs_type in ("contacts", "companies", "deals"):
        assert emulator.hubspot.properties[hs_type][KEY_PROPERTY]["hasUniqueValue"] is True
    created = [e for e in emulator.log if e[0] == "POST" and e[1].startswith("/crm/v3/properties")]
    assert len(created) == 3
    assert cli.main(argv) == 0  # connecting again creates nothing
    assert len([e for e in emulator.log if e[0] == "POST"
                and e[1].startswith("/crm/v3/properties")]) == 3
    # a property of that name that is not unique cannot back upserts: say so
    emulator.hubspot.properties["deals"][KEY_PROPERTY]["hasUniqueValue"] = False
    assert cli.main(argv) == 1
    assert "not unique" in capsys.readouterr().err


def test_connect_pipedrive_creates_key_fields_and_pushes_use_them(memory_keyring, monkeypatch,
                                                                 tmp_path, capsys, emulator):
    monkeypatch.setattr("getpass.getpass", lambda prompt: TOKEN)
    argv = ["--data-dir", str(tmp_path), "connect", "pipedrive", "--base-url", emulator.url]
    assert cli.main(argv) == 0
    keys = json.loads((tmp_path / "sync.json").read_text())["pipedrive_key_fields"]
    assert set(keys) == {"persons", "organizations", "deals", "activities"}
    assert all(len(k) == 40 for k in keys.values())  # hashed keys, as real Pipedrive makes them
    assert cli.main(argv) == 0
    assert sum(len(f) for f in emulator.pipedrive.fields.values()) == 4  # idempotent
    # a local contact pushed by `spectrum sync` carries its key in the person's custom field
    from desktop.domain.plan import Action, Plan
    from desktop.store.db import open_workspace
    from desktop.store.executor import apply_plan

    ws = open_workspace(f"sqlite:///{tmp_path / 'workspace.db'}")
    apply_plan(ws, Plan(transcript="add Kim Lee", actions=[Action(
        kind="create_contact", fields={"first_name": "Kim", "last_name": "Lee"})],
        requires_confirmation=True))
    ws.dispose()
    assert cli.main(["--data-dir", str(tmp_path), "sync", "--once", "--crm", "pipedrive",
                     "--base-url", emulator.url]) == 0
    (kim,) = emulator.pipedrive.live("persons")
    assert kim["custom_fields"].get(keys["persons"])  # the idempotency key, under the hashed key
    assert cli.main(["--data-dir", str(tmp_path), "sync", "--once", "--crm", "pipedrive",
                     "--base-url", emulator.url]) == 0
    assert len(emulator.pipedrive.live("persons")) == 1  # pulled back and matched, no duplicate


def test_sync_with_a_rejected_token_says_so_in_one_line(memory_keyring, tmp_path, capsys, emulator, caplog):
    import gc
    import logging

    caplog.set_level(logging.ERROR, logger="asyncio")
    memory_keyring.set_password(SERVICE, "hubspot", "pat-na1-not-the-right-token")
    code = cli.main(["--data-dir", str(tmp_path), "sync", "--once", "--crm", "hubspot", "--base-url", emulator.url])
    gc.collect()  # an unretrieved task exception is reported when the task is collected
    err = capsys.readouterr().err
    assert code != 0
    # (the in-process emulator's server thread may print its own socket errors; spectrum's lines don't)
    assert "never retrieved" not in err and err.startswith("spectrum:")
    assert "spectrum connect hubspot" in err  # what to do about it
    assert not [r for r in caplog.records if "never retrieved" in r.getMessage()]


def test_a_workspace_set_up_before_engagements_had_the_key_is_checked_again_at_sync(
        memory_keyring, tmp_path, capsys, emulator):
    """Issue 13 #3: sync.json from before said the key property was checked (companies, contacts,
    deals only); the next sync checks every upserted type and creates it on the engagements."""
    from desktop.sync.mapping_hubspot import KEY_PROPERTY

    memory_keyring.set_password(SERVICE, "hubspot", TOKEN)
    for hs_type in ("notes", "calls", "meetings", "tasks"):
        del emulator.hubspot.properties[hs_type][KEY_PROPERTY]
    (tmp_path / "sync.json").write_text(json.dumps({"hubspot_key_property": True}))
    assert cli.main(["--data-dir", str(tmp_path), "sync", "--once", "--crm", "hubspot",
                     "--base-url", emulator.url]) == 0
    assert "Created the unique property spectrum_key on HubSpot notes, calls, meetings, tasks" in \
        capsys.readouterr().out
    assert all(emulator.hubspot.properties[t][KEY_PROPERTY]["hasUniqueValue"]
               for t in ("notes", "calls", "meetings", "tasks"))
    cfg = json.loads((tmp_path / "sync.json").read_text())
    assert sorted(cfg["hubspot_key_property"]) == sorted(
        ["companies", "contacts", "deals", "notes", "calls", "meetings", "tasks"])
    before = len(emulator.log)
    assert cli.main(["--data-dir", str(tmp_path), "sync", "--once", "--crm", "hubspot",
                     "--base-url", emulator.url]) == 0
    assert not any(p.startswith("/crm/v3/properties") for _m, p, _s in emulator.log[before:])
