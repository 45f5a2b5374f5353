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
