"""The hash-chained audit log detects tampering; older databases are upgraded on open."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import inspect, text, update

from desktop.store import audit
from desktop.store import schema as s
from desktop.store.db import MIGRATIONS_DIR, make_engine, open_workspace


def test_audit_chain_verifies_and_detects_tampering(workspace):
    with workspace.uow() as uow:
        for i in range(3):
            audit.append(uow.session, at=datetime(2026, 11, 21, 9, i), actor="user", kind="note",
                         summary=f"entry {i}", payload={"i": i})
        uow.commit()
    with workspace.uow() as uow:
        res = audit.verify(uow.session)
        assert res.ok and res.checked == 4  # the import wrote one entry too
        second = uow.session.execute(text("SELECT id FROM audit_log ORDER BY id LIMIT 1 OFFSET 2")).scalar()
        uow.session.execute(update(s.AuditEntry).where(s.AuditEntry.id == second).values(summary="forged"))
        uow.commit()
    with workspace.uow() as uow:
        res = audit.verify(uow.session)
    assert not res.ok and res.bad_id == second and "changed" in res.reason


def test_old_database_is_upgraded_on_open(db_url):
    from alembic import command
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    engine = make_engine(db_url)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    command.upgrade(cfg, "0001")
    with engine.begin() as c:
        c.execute(text("INSERT INTO companies (id, name) VALUES (1, 'Old Co')"))
    engine.dispose()
    ws = open_workspace(db_url)
    head = ScriptDirectory.from_config(cfg).get_current_head()
    with ws.engine.connect() as c:
        assert c.execute(text("SELECT version_num FROM alembic_version")).scalar() == head
        assert c.execute(text("SELECT name FROM companies WHERE id = 1")).scalar() == "Old Co"
    assert "outbox" in inspect(ws.engine).get_table_names()
    ws.dispose()


def _entries(ws, n):
    with ws.uow() as uow:
        for i in range(n):
            audit.append(uow.session, at=datetime(2026, 11, 21, 10, i), actor="user", kind="note",
                         summary=f"entry {i}", payload={"i": i})
        uow.commit()


def _recompute_chain(ws):
    """What a careful forger does after editing or deleting rows: recompute every hash."""
    with ws.uow() as uow:
        prev = audit.GENESIS
        for e in uow.session.query(s.AuditEntry).order_by(s.AuditEntry.id):
            e.prev_hash = prev
            e.hash = audit._digest(prev, e.at, e.actor, e.kind, e.summary, e.payload)
            prev = e.hash
        uow.commit()


def test_deleting_the_newest_entries_is_detected_by_the_anchor(tmp_path):
    ws = open_workspace(f"sqlite:///{tmp_path / 'workspace.db'}")
    _entries(ws, 5)
    with ws.uow() as uow:
        assert audit.verify(uow.session).anchored_id is not None
        uow.session.execute(text("DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log ORDER BY id DESC LIMIT 2)"))
        uow.commit()
    with ws.uow() as uow:
        assert audit.verify(uow.session, anchor=False).ok  # the chain alone cannot see it
        res = audit.verify(uow.session)
    assert not res.ok and "deleted" in res.reason
    ws.dispose()


def test_an_edit_with_the_chain_recomputed_is_detected_by_the_anchor(tmp_path):
    ws = open_workspace(f"sqlite:///{tmp_path / 'workspace.db'}")
    _entries(ws, 4)
    with ws.uow() as uow:
        uow.session.execute(text("UPDATE audit_log SET summary = 'forged' WHERE id = 2"))
        uow.commit()
    _recompute_chain(ws)
    with ws.uow() as uow:
        assert audit.verify(uow.session, anchor=False).ok
        res = audit.verify(uow.session)
    assert not res.ok and "rewritten" in res.reason
    ws.dispose()


def test_a_forged_anchor_fails_its_hmac_when_the_keyring_holds_the_key(tmp_path, monkeypatch):
    import json

    monkeypatch.setattr(audit, "_key_cache", [bytes(32)])  # as if the keyring held this key
    ws = open_workspace(f"sqlite:///{tmp_path / 'workspace.db'}")
    _entries(ws, 3)
    path = audit.anchor_path(ws.engine)
    with ws.uow() as uow:
        res = audit.verify(uow.session)
        assert res.ok and res.keyed
        uow.session.execute(text("DELETE FROM audit_log WHERE id = (SELECT MAX(id) FROM audit_log)"))
        uow.commit()
    _recompute_chain(ws)
    with ws.uow() as uow:
        last = uow.session.query(s.AuditEntry).order_by(s.AuditEntry.id.desc()).first()
        count = uow.session.query(s.AuditEntry).count()
    data = json.loads(path.read_text())
    data.update(last_id=last.id, head=last.hash, count=count)  # the forger rewrites the anchor too ...
    path.write_text(json.dumps(data))
    with ws.uow() as uow:
        res = audit.verify(uow.session)
    assert not res.ok and "HMAC" in res.reason  # ... but cannot sign it without the key
    ws.dispose()


def test_a_rolled_back_append_leaves_the_anchor_where_it_was(tmp_path):
    ws = open_workspace(f"sqlite:///{tmp_path / 'workspace.db'}")
    _entries(ws, 2)
    before = audit.anchor_path(ws.engine).read_text()
    with ws.uow() as uow:
        audit.append(uow.session, at=datetime(2026, 11, 21, 11, 0), actor="user", kind="note", summary="x",
                     payload={})
        # no commit: rolled back
    assert audit.anchor_path(ws.engine).read_text() == before
    with ws.uow() as uow:
        assert audit.verify(uow.session).ok
    ws.dispose()


def test_an_export_kept_elsewhere_catches_a_rollback_of_database_and_anchor(tmp_path):
    import shutil

    ws = open_workspace(f"sqlite:///{tmp_path / 'workspace.db'}")
    _entries(ws, 2)
    anchor = audit.anchor_path(ws.engine)
    ws.dispose()
    shutil.copy(tmp_path / "workspace.db", tmp_path / "old.db")
    shutil.copy(anchor, tmp_path / "old.anchor")
    ws = open_workspace(f"sqlite:///{tmp_path / 'workspace.db'}")
    _entries(ws, 3)
    with ws.uow() as uow:
        assert audit.export(uow.session, tmp_path / "backup" / "audit.json") == 5
    ws.dispose()
    shutil.copy(tmp_path / "old.db", tmp_path / "workspace.db")  # both rolled back together
    shutil.copy(tmp_path / "old.anchor", anchor)
    ws = open_workspace(f"sqlite:///{tmp_path / 'workspace.db'}")
    with ws.uow() as uow:
        assert audit.verify(uow.session).ok  # consistent with its own (old) anchor ...
        res = audit.verify(uow.session, tmp_path / "backup" / "audit.json")
    assert not res.ok and "deleted" in res.reason  # ... but not with the export's
    ws.dispose()
