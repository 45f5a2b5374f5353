"""Pipedrive deletions (read from the v1 changes feed) are mirrored locally, like HubSpot archives."""

from __future__ import annotations

from sqlalchemy import select
from sync_helpers import client, make_emulator, pipedrive, run

from desktop.store import schema as s
from desktop.store.sync_state import StoreState
from desktop.sync.engine import SyncEngine


def test_remote_deletions_are_mirrored_in_the_workspace(ws):
    with make_emulator() as emu:
        org = emu.pipedrive.create("organizations", {"name": "Acme"}, updated_s=1_700_000_000)
        ada = emu.pipedrive.create("persons", {"first_name": "Ada", "last_name": "L"},
                                   updated_s=1_700_000_001)
        emu.pipedrive.create("persons", {"first_name": "Bo", "last_name": "K"},
                             updated_s=1_700_000_002)
        note = emu.pipedrive.create("notes", {"content": "Budget approved"}, updated_s=1_700_000_003)
        state = StoreState(ws, "pipedrive")

        async def pull():
            async with client() as c:
                return await SyncEngine(pipedrive(c, emu), state).pull()

        first = run(pull())
        assert first.applied["contact"] == 2 and first.applied["activity"] == 1
        emu.pipedrive.handle("DELETE", f"/api/v2/persons/{ada['id']}", {}, None)
        emu.pipedrive.handle("DELETE", f"/v1/notes/{note['id']}", {}, None)
        second = run(pull())
        third = run(pull())  # nothing new: a deletion is mirrored once
    assert second.archived["contact"] == 1 and second.archived["activity"] == 1
    assert second.archived["company"] == 0
    assert third.archived["contact"] == 0
    with ws.uow() as uow:
        ses = uow.session
        assert [c.first_name for c in ses.execute(select(s.Contact)).scalars()] == ["Bo"]
        assert ses.execute(select(s.Activity)).scalars().all() == []
        assert [c.name for c in ses.execute(select(s.Company)).scalars()] == [org["name"]]
