"""The sync runner: pull then push for each connected CRM, once or in the app's long-running watch
loop, and the one-time set-up of the CRM's ``spectrum_key`` property.

The composition root (:func:`desktop.bootstrap.open_sync_runner`) builds the adapters and states
and hands them over; the CLI (:mod:`desktop.cli.sync`) prints what a cycle returns.

A cycle result is a dict (the shape of one ``--json`` line)::

    {"crm": "hubspot", "pulled": {"contact": 3, ...}, "archived": {"deal": 1} (only object types
     with remote deletions), "new_conflicts": 0, "sent": 2, "retrying": 0, "dead": 0,
     "requests": 1, "offline": false, "waiting": 0}

(``pulled``/``archived``/``new_conflicts`` only when pulling, the rest only when pushing.)
"""

from __future__ import annotations

import asyncio
import json
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.sync.engine import Progress, SyncEngine
from desktop.sync.errors import AuthExpired, Offline, SyncError
from desktop.sync.port import CrmAdapter
from desktop.sync.state import SyncState
from desktop.sync.worker import SyncWorker

#: one line of the watch loop's output (see :meth:`SyncRunner.watch`)
Emit = Callable[[dict[str, Any]], None]


class SyncConfig:
    """``<data_dir>/sync.json``: the Pipedrive company URL, Pipedrive's ``spectrum_key`` field keys
    and which CRMs' key property was already checked (never a token: those live in the keyring)."""

    def __init__(self, data_dir: Path | str) -> None:
        self.path = Path(data_dir) / "sync.json"

    def load(self) -> dict[str, Any]:
        """The stored settings ({} when the file does not exist)."""
        return json.loads(self.path.read_text()) if self.path.exists() else {}

    def save(self, cfg: dict[str, Any]) -> None:
        """Replace the stored settings with ``cfg``."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(json.dumps(cfg, indent=2))


async def ensure_key_property(adapter: CrmAdapter, config: SyncConfig) -> list[str] | None:
    """Create the CRM's unique ``spectrum_key`` property/field if missing, once per account
    (remembered in ``sync.json``); Pipedrive's field keys are stored there and adopted.

    Returns: the object types the property was created on (HubSpot), or None when nothing was
    checked (already done, or the adapter needs no such property).
    Raises: SyncError subclasses from the adapter (Retryable when the CRM is unreachable,
    AuthExpired when the token is rejected)."""
    cfg = config.load()
    done = cfg.get(f"{adapter.name}_key_property")
    needed = getattr(adapter, "key_property_types", None)
    if not hasattr(adapter, "ensure_key_property") or (done and (
            needed is None or (isinstance(done, list) and set(needed) <= set(done)))):
        return None  # checked for every type this adapter upserts (an older check covered fewer)
    result = await adapter.ensure_key_property()
    cfg = config.load()
    if adapter.name == "pipedrive":
        cfg["pipedrive_key_fields"] = result
    cfg[f"{adapter.name}_key_property"] = sorted(needed) if needed else True
    config.save(cfg)
    return list(result) if adapter.name == "hubspot" and result else None


@dataclass
class SyncRunner:
    """Pull (remote changes into the workspace) then push (drain the outbox) for each
    ``(adapter, state)`` pair.

    Args:
        jobs: one ``(CrmAdapter, SyncState)`` per connected CRM.
        pull / push: which halves run (``--push-only`` / ``--pull-only``).
        progress: pull progress callback ``(object_type, records so far, "full" | "incremental")``.
    """

    jobs: list[tuple[CrmAdapter, SyncState]]
    pull: bool = True
    push: bool = True
    progress: Progress | None = None

    async def cycle(self, adapter: CrmAdapter, state: SyncState) -> dict[str, Any]:
        """One pull + push for one CRM; returns the cycle result (module docstring).
        Raises AuthExpired, Offline or another SyncError."""
        out: dict[str, Any] = {"crm": adapter.name}
        if self.pull:
            report = await SyncEngine(adapter, state, progress=self.progress).pull()
            out["pulled"] = report.applied
            out["archived"] = {t: n for t, n in report.archived.items() if n}  # only types with any
            out["new_conflicts"] = len(report.conflicts)
        if self.push:
            drain = await SyncWorker(adapter, state).drain()
            out.update(sent=drain.sent, retrying=drain.retried, dead=drain.dead,
                       requests=drain.calls, offline=drain.offline, waiting=drain.waiting)
        return out

    async def watch_cycle(self) -> list[dict[str, Any]]:
        """One cycle over every CRM that never raises: an error becomes the result's ``error``
        ("auth", "offline" or the exception's name) and ``message``; each result also carries the
        state's ``outbox`` counts, ``dead_letters`` and ``open_conflicts``."""
        out = []
        for adapter, state in self.jobs:
            result: dict[str, Any] = {"crm": adapter.name, "error": None, "message": None}
            try:
                result.update(await self.cycle(adapter, state))
            except AuthExpired:
                result.update(error="auth", message=f"the {adapter.name} token was rejected or has "
                              f"expired; run `spectrum connect {adapter.name}` (local changes wait "
                              "in the outbox)")
            except Offline:
                result.update(error="offline", offline=True,
                              message="CRM unreachable; local changes wait in the outbox")
            except SyncError as exc:
                result.update(error=type(exc).__name__, message=str(exc)[:300])
            summary = await asyncio.to_thread(state.summary)
            result.update(outbox=summary["outbox"], dead_letters=len(summary["dead_letters"]),
                          open_conflicts=len(summary["open_conflicts"]))
            out.append(result)
        return out

    async def watch(self, interval_s: float, emit: Emit) -> int:
        """The app's background sync: every ``interval_s`` seconds one :meth:`watch_cycle`, then
        ``emit({"event": "cycle", "cycle": n, "at": unix seconds, "seconds": duration, "crms":
        [...]})``. Errors never end the loop. SIGTERM or SIGINT stops it at once (an interrupted
        cycle leaves a consistent state: cursors are saved per page, outbox rows are marked per
        batch, pushes are idempotent); then ``emit({"event": "stopped", "cycles": n})``.
        Returns 0."""
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        cycles = 0
        try:
            while not stop.is_set():
                cycles += 1
                started = time.monotonic()
                cycle = asyncio.ensure_future(self.watch_cycle())
                stopper = asyncio.ensure_future(stop.wait())
                await asyncio.wait({cycle, stopper}, return_when=asyncio.FIRST_COMPLETED)
                stopper.cancel()
                if not cycle.done():  # stopped mid-cycle: the state is consistent at any await
                    cycle.cancel()
                    await asyncio.gather(cycle, return_exceptions=True)
                    break
                emit({"event": "cycle", "cycle": cycles, "at": round(time.time(), 3),
                      "seconds": round(time.monotonic() - started, 3), "crms": cycle.result()})
                try:
                    await asyncio.wait_for(stop.wait(), timeout=max(0.0, interval_s))
                except TimeoutError:
                    pass
        finally:
            for sig in (signal.SIGTERM, signal.SIGINT):
                loop.remove_signal_handler(sig)
        emit({"event": "stopped", "cycles": cycles})
        return 0
