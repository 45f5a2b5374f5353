"""Helpers for sync tests: a CRM emulator on 127.0.0.1, adapters with fast retries, an in-memory
keyring backend (the real OS keyring is never touched)."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import keyring
import keyring.backend
import pytest

from desktop.sync.emulator import CrmEmulator, FaultConfig, RateLimit
from desktop.sync.http import RetryPolicy
from desktop.sync.hubspot import HubSpotAdapter
from desktop.sync.pipedrive import PipedriveAdapter
from desktop.sync.ratelimit import Pacer

TOKEN = "pat-na1-7f3c9e2a-SECRET-TEST-TOKEN"
FAST_RETRY = RetryPolicy(attempts=8, base_s=0.005, cap_s=0.05)
NO_LIMIT = RateLimit(None, 1.0)


class MemoryKeyring(keyring.backend.KeyringBackend):
    """Keyring backend kept in a dict."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


@pytest.fixture
def memory_keyring():
    """Swap in an in-memory keyring for the test."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def make_emulator(fault_rate: float = 0.0, *, seed: int = 1, kinds: tuple[str, ...] | None = None,
                  **kw: Any) -> CrmEmulator:
    """An emulator with no rate limits unless given, faults as asked, token :data:`TOKEN`."""
    faults = FaultConfig(rate=fault_rate, seed=seed, delay_s=0.3, retry_after_s=0)
    if kinds:
        faults.kinds = kinds
    kw.setdefault("hubspot_limit", NO_LIMIT)
    kw.setdefault("search_limit", NO_LIMIT)
    kw.setdefault("pipedrive_limit", NO_LIMIT)
    return CrmEmulator(token=TOKEN, faults=faults, **kw)


@pytest.fixture
def emulator():
    """A fault-free, unlimited emulator."""
    with make_emulator() as emu:
        yield emu


def client(timeout: float = 5.0) -> httpx.AsyncClient:
    """An httpx client with a short timeout (the emulator's "timeout" fault stalls 0.3 s)."""
    return httpx.AsyncClient(timeout=httpx.Timeout(timeout, connect=1.0))


def hubspot(c: httpx.AsyncClient, emu: CrmEmulator, **kw: Any) -> HubSpotAdapter:
    """A HubSpot adapter against ``emu`` with fast retries and an unthrottled pacer."""
    kw.setdefault("retry", FAST_RETRY)
    kw.setdefault("pacer", Pacer(rate=10_000, burst=100))
    kw.setdefault("search_pacer", Pacer(rate=10_000, burst=100))
    return HubSpotAdapter(c, lambda: TOKEN, base_url=emu.url, **kw)


def pipedrive(c: httpx.AsyncClient, emu: CrmEmulator, **kw: Any) -> PipedriveAdapter:
    """A Pipedrive adapter against ``emu`` with fast retries."""
    kw.setdefault("retry", FAST_RETRY)
    kw.setdefault("pacer", Pacer(rate=10_000, burst=100))
    kw.setdefault("ambiguous_grace_s", 0.4)  # > the emulator's 0.3 s "timeout" stall
    return PipedriveAdapter(c, lambda: TOKEN, base_url=emu.url, **kw)


def run(coro):
    """Run a coroutine to completion (no pytest-asyncio in the lock)."""
    return asyncio.run(coro)


class FakeTime:
    """A clock and an ``asyncio.sleep`` stand-in for :class:`Pacer` tests: sleeping advances the
    clock (seconds) at once, so pacing is checked without waiting."""

    def __init__(self) -> None:
        self.now = 100.0

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += seconds


def link_contact_with_pending_deal_update(ws, deal_id: int, contact_id: int) -> None:
    """Locally: change the deal's amount (an outbox row waits to be pushed) and link the contact to
    the deal, as a user's confirmed plan plus a link made in the app would."""
    from desktop.domain.plan import Action, Plan, Target
    from desktop.store import schema as s
    from desktop.store.executor import apply_plan

    apply_plan(ws, Plan(transcript="Pilot amount 9k", actions=[Action(
        kind="update_deal", target=Target(type="deal", id=str(deal_id), name="Pilot"),
        fields={"amount": 9000})], requires_confirmation=True))
    with ws.uow() as uow:
        uow.session.add(s.DealContact(deal_id=deal_id, contact_id=contact_id))
        uow.commit()
