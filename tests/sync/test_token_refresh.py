"""Expired HubSpot OAuth tokens: refreshed once from the keyring's refresh token and the request
retried; without one, a clear "reconnect" error and the outbox waits. Secrets never reach logs or
the state file."""

from __future__ import annotations

import logging

import pytest
from sync_helpers import TOKEN, client, hubspot, make_emulator, memory_keyring, run  # noqa: F401

from desktop.sync import credentials
from desktop.sync.errors import AuthExpired
from desktop.sync.oauth import TokenRefresher, save_oauth
from desktop.sync.state import FileState
from desktop.sync.worker import SyncWorker

REFRESH = "rt-na1-0b7e-REFRESH-SECRET"
CLIENT_SECRET = "cs-4d2f-CLIENT-SECRET"


def _drain(emu, state, *, refresh: bool):
    async def go():
        async with client() as c:
            refresher = TokenRefresher(c, emu.url) if refresh else None
            adapter = hubspot(c, emu, refresh=refresher)
            adapter.api._token_provider = adapter.search_api._token_provider = \
                credentials.token_provider("hubspot")
            report = await SyncWorker(adapter, state, backoff_base_s=0.0).drain()
            return report, refresher
    return run(go())


def test_expired_access_token_is_refreshed_once_and_the_push_goes_through(
        memory_keyring, tmp_path, caplog):  # noqa: F811
    caplog.set_level(logging.DEBUG)
    credentials.save_token("hubspot", TOKEN)
    save_oauth("hubspot", refresh_token=REFRESH, client_id="app-1", client_secret=CLIENT_SECRET)
    state = FileState(tmp_path / "sync.json")
    with make_emulator() as emu:
        emu.add_oauth_app("app-1", CLIENT_SECRET, REFRESH)
        state.local_change("contact", "create", {"email": "a@b.test", "first_name": "A"})
        assert _drain(emu, state, refresh=True)[0].sent == 1
        emu.expire_token()
        state.local_change("contact", "create", {"email": "c@d.test", "first_name": "C"})
        report, refresher = _drain(emu, state, refresh=True)
        assert report.sent == 1 and refresher.refreshed == 1
        new_token = credentials.load_token("hubspot")
        assert new_token != TOKEN and new_token == emu.token
        assert {o["props"]["email"] for o in emu.hubspot.live("contacts")} == {"a@b.test", "c@d.test"}
    secrets = (TOKEN, new_token, REFRESH, CLIENT_SECRET)
    assert not any(x in caplog.text for x in secrets)
    assert not any(x in (tmp_path / "sync.json").read_text() for x in secrets)


def test_without_a_refresh_token_the_user_is_told_to_reconnect_and_the_outbox_waits(
        memory_keyring, tmp_path):  # noqa: F811
    credentials.save_token("hubspot", TOKEN)
    state = FileState(tmp_path / "sync.json")
    with make_emulator() as emu:
        emu.expire_token()
        state.local_change("contact", "create", {"email": "a@b.test", "first_name": "A"})
        with pytest.raises(AuthExpired, match="spectrum connect") as info:
            _drain(emu, state, refresh=True)
        assert TOKEN not in str(info.value)
        (row,) = state.outbox_unsent()
        assert (row.status, row.attempts) == ("pending", 0)
        credentials.save_token("hubspot", emu.token)  # the user reconnects
        assert _drain(emu, state, refresh=True)[0].sent == 1
        assert [o["props"]["email"] for o in emu.hubspot.live("contacts")] == ["a@b.test"]
