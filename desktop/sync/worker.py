"""Push: drain the outbox to the CRM, in order per record, idempotently, in batches.

Rules:
- per record, rows go in id order: a record's later row waits while an earlier one is unsent;
- consecutive creates/updates of one object type become one ``batch_upsert`` of up to
  ``adapter.max_batch`` (100) records; a record's consecutive create/update rows are merged into
  one item (all marked sent together); deletes of one type become one ``archive`` call;
- a create is an upsert by the row's idempotency key (the CRM's unique property), so a create
  sent twice (crash before ``mark_sent``, lost answer) is still one record;
- errors: :class:`RateLimited` and :class:`Offline` reschedule without spending attempts (the outbox
  waits and drains when the network returns); :class:`Retryable` spends an attempt with exponential
  backoff and jitter, dead-lettering after ``max_attempts``; :class:`Permanent`/:class:`Conflict`
  dead-letter the row with the reason (a failed batch is split to find the bad row);
  :class:`AuthExpired` and :class:`MissingScope` stop the drain and propagate (the user must
  reconnect or grant the scope; the rows wait, nothing is dead-lettered);
- a create/update whose stage or pipeline has no CRM id is held (``retrying``, no attempt spent)
  with the reason :func:`unmapped_reason` gives, and sent once it is mapped.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from desktop.sync.errors import AuthExpired, Conflict, Offline, Permanent, RateLimited, Retryable, SyncError
from desktop.sync.port import REMOVED_LINKS, CrmAdapter, UpsertItem
from desktop.sync.state import OutboxRow, SyncState

log = logging.getLogger("desktop.sync.worker")


@dataclass
class DrainReport:
    """What one :meth:`SyncWorker.drain` pass did. ``requests``: adapter calls made."""

    sent: int = 0
    retried: int = 0
    dead: int = 0
    calls: int = 0
    offline: bool = False
    waiting: int = 0
    errors: list[str] = field(default_factory=list)


@dataclass
class _Unit:
    kind: str  # "upsert" | "archive" | "associate"
    entity_type: str
    rows: list[OutboxRow]  # rows covered (one record's merged rows for upserts)


class SyncWorker:
    """Drains a :class:`SyncState` outbox through a :class:`CrmAdapter`.

    Args:
        max_attempts: attempts before a row is dead-lettered (transient errors only).
        backoff_base_s / backoff_cap_s: retry delay ``min(cap, base * 2**attempts)`` with jitter.
        clock: epoch seconds (injectable).
    """

    _unconfirmed: set[int] = set()

    def __init__(self, adapter: CrmAdapter, state: SyncState, *, max_attempts: int = 8,
                 backoff_base_s: float = 1.0, backoff_cap_s: float = 300.0,
                 clock: Callable[[], float] = time.time) -> None:
        self.adapter = adapter
        self.state = state
        self.max_attempts = max_attempts
        self.backoff_base_s = backoff_base_s
        self.backoff_cap_s = backoff_cap_s
        self.clock = clock

    # -- planning ------------------------------------------------------------------------------
    def _plan(self, now: float) -> tuple[list[_Unit], int]:
        """Units ready now, in outbox order; second value: unsent rows not ready."""
        units: list[_Unit] = []
        seen: set[tuple[str, int]] = set()
        open_unit: dict[tuple[str, int], _Unit] = {}
        waiting = 0
        for row in self.state.outbox_unsent():
            k = (row.entity_type, row.local_id)
            ready = row.status != "blocked" and (row.next_attempt_at or 0) <= now
            if k in seen and k not in open_unit:
                waiting += 1
                continue  # an earlier row of this record is not going out in this pass
            seen.add(k)
            if not ready:
                open_unit.pop(k, None)  # later rows of this record wait behind this one
                waiting += 1
                continue
            if row.op in ("create", "update"):
                unit = open_unit.get(k)
                if unit is not None:
                    unit.rows.append(row)  # merge into the record's earlier create/update
                    continue
                unit = _Unit("upsert", row.entity_type, [row])
                open_unit[k] = unit
                units.append(unit)
            else:  # delete / associate: sent alone; later rows of the record wait for it
                open_unit.pop(k, None)
                units.append(_Unit("archive" if row.op == "delete" else "associate",
                                   row.entity_type, [row]))
        return units, waiting

    # -- draining ------------------------------------------------------------------------------
    async def drain(self) -> DrainReport:
        """Send everything ready now. Returns a report; raises :class:`AuthExpired`.

        The outbox is re-read at each change of object type, so a contact created after its
        company in the same plan is sent with the company's fresh CRM id (its association).
        """
        report = DrainReport()
        done: set[int] = set()
        while True:
            units, report.waiting = self._plan(self.clock())
            units = [u for u in units if u.rows[0].id not in done]
            if not units:
                return report
            first = units[0]
            run_units = []
            for unit in units:  # the leading run of one kind and object type
                if unit.kind != first.kind or unit.entity_type != first.entity_type:
                    break
                run_units.append(unit)
            for unit in run_units:
                done.update(r.id for r in unit.rows)
            step = self.adapter.max_batch if first.kind != "associate" else 1
            for i in range(0, len(run_units), step):
                if await self._send(run_units[i:i + step], report):
                    return report

    async def run(self, stop: asyncio.Event, *, idle_s: float = 2.0,
                  on_drain: Callable[[DrainReport], None] | None = None) -> None:
        """Drain until ``stop`` is set, waiting ``idle_s`` between passes (doubling up to 60 s
        while offline). ``on_drain`` receives each pass's report (status displays, notifications).
        :class:`AuthExpired` ends the loop by propagating."""
        delay = idle_s
        while not stop.is_set():
            report = await self.drain()
            if on_drain is not None:
                on_drain(report)
            delay = min(delay * 2, 60.0) if report.offline else idle_s
            try:
                await asyncio.wait_for(stop.wait(), timeout=delay)
            except TimeoutError:
                pass

    async def _send(self, batch: list[_Unit], report: DrainReport) -> bool:
        """Send one batch; returns True when the drain must stop (offline)."""
        report.calls += 1
        try:
            sent = await self._call(batch)
        except AuthExpired:
            raise
        except (Permanent, Conflict) as exc:
            if len(batch) > 1:
                for unit in batch:  # isolate the bad record(s)
                    if await self._send([unit], report):
                        return True
                return False
            for row in batch[0].rows:
                self.state.mark_dead(row.id, f"{type(exc).__name__}: {exc}")
                report.dead += 1
            report.errors.append(str(exc))
            return False
        except RateLimited as exc:
            self._reschedule(batch, str(exc), exc.retry_after, count=False)
            report.retried += sum(len(u.rows) for u in batch)
            return False
        except Offline as exc:
            self._reschedule(batch, str(exc), self.backoff_base_s, count=False)
            report.offline = True
            report.retried += sum(len(u.rows) for u in batch)
            return True
        except Retryable as exc:
            rows = [r for u in batch for r in u.rows]
            for row in rows:
                if row.attempts + 1 >= self.max_attempts:
                    self.state.mark_dead(row.id, f"gave up after {row.attempts + 1} attempts: {exc}")
                    report.dead += 1
                else:
                    delay = min(self.backoff_cap_s, self.backoff_base_s * 2 ** row.attempts)
                    self.state.mark_retry([row.id], str(exc),
                                          self.clock() + random.uniform(0.5, 1.0) * delay)
                    report.retried += 1
            report.errors.append(str(exc))
            return False
        confirmed = [(row_id, ext) for row_id, ext in sent if row_id not in self._unconfirmed]
        self.state.mark_sent(confirmed)
        report.sent += len(confirmed)
        if self._unconfirmed:
            # the CRM answered without the change these rows carry: they stay in the outbox
            ids = sorted(self._unconfirmed)
            self.state.mark_retry(ids, "the CRM did not confirm this change; it will be sent again",
                                  self.clock() + self.backoff_base_s)
            report.retried += len(ids)
            report.errors.append(f"{len(ids)} change(s) not confirmed by the CRM")
            self._unconfirmed = set()
        return False

    def _reschedule(self, batch: list[_Unit], error: str, delay: float, *, count: bool) -> None:
        ids = [r.id for u in batch for r in u.rows]
        self.state.mark_retry(ids, error, self.clock() + delay, count_attempt=count)

    async def _call(self, batch: list[_Unit]) -> list[tuple[int, str | None]]:
        kind, etype = batch[0].kind, batch[0].entity_type
        self._unconfirmed = set()
        if kind == "upsert":
            items: list[UpsertItem] = []
            held: list[tuple[_Unit, str]] = []
            for unit in batch:
                fields_all: dict[str, Any] = {}
                for row in unit.rows:
                    fields_all.update(row.payload)
                reason = unmapped_reason(fields_all)
                if reason:
                    held.append((unit, reason))
            if held:
                # a stage or pipeline with no CRM id would be sent as null: never sent, held with why
                for unit, reason in held:
                    self.state.mark_retry([r.id for r in unit.rows], reason, self.clock() + HOLD_S,
                                          count_attempt=False)
                held_units = [u for u, _ in held]
                batch = [u for u in batch if u not in held_units]
                if not batch:
                    return []
            for unit in batch:
                first = unit.rows[0]
                fields: dict[str, Any] = {}
                for row in unit.rows:
                    removed = {**fields.get(REMOVED_LINKS, {}), **row.payload.get(REMOVED_LINKS, {})}
                    fields.update(row.payload)
                    if removed:
                        fields[REMOVED_LINKS] = removed
                fields.pop(HELD, None)
                if first.prefetched:
                    ext, key = first.record_external_id, first.record_key
                else:
                    ext = self.state.external_id(etype, first.local_id)
                    key = self.state.record_key(etype, first.local_id)
                key = key or first.idempotency_key
                items.append(UpsertItem(idempotency_key=key, external_id=ext, fields=fields))
            results = await self.adapter.batch_upsert(etype, items)
            by_key = {r["idempotency_key"]: r["external_id"] for r in results}
            out = []
            for unit, item in zip(batch, items):
                for row in unit.rows:
                    if item["idempotency_key"] not in by_key:
                        self._unconfirmed.add(row.id)  # no answer for it: not sent
                    out.append((row.id, by_key.get(item["idempotency_key"])))
            return out
        if kind == "archive":
            ids: list[str] = []
            for unit in batch:
                row = unit.rows[0]
                ext = self.state.external_id(etype, row.local_id)
                key = self.state.record_key(etype, row.local_id)
                if ext is None and key:
                    ext = await self.adapter.find_by_key(etype, key)
                if ext:
                    ids.append(ext)
            if ids:
                await self.adapter.archive(etype, ids)
            return [(u.rows[0].id, None) for u in batch]
        row = batch[0].rows[0]  # associate
        to_type, to_local = row.payload["to_type"], int(row.payload["to_local_id"])
        a = self.state.external_id(etype, row.local_id)
        b = self.state.external_id(to_type, to_local)
        if not a or not b:
            raise Retryable("association waits for both records to be pushed")
        await self.adapter.associate(etype, a, to_type, b)
        return [(row.id, None)]


#: Neutral fields never sent as null (HubSpot would clear the deal's stage or pipeline).
_NEVER_NULL = ("stage_external_id", "pipeline_external_id")
#: Payload key of a held row's reason, set by the state (never sent).
HELD = "_held"


def unmapped_reason(fields: dict[str, Any]) -> str | None:
    """Why a create/update must not be sent yet: the state's reason (``fields["_held"]``, e.g.
    "held: stage 'Proposal Sent' has no HubSpot stage: map it ..."), or :data:`HELD_STAGE` when an
    enumerated field (:data:`_NEVER_NULL`) is ``None``; ``None`` when it may be sent."""
    if fields.get(HELD):
        return str(fields[HELD])
    if any(k in fields and fields[k] is None for k in _NEVER_NULL):
        return HELD_STAGE
    return None

#: Why a held row waits, shown by ``spectrum sync status``; and how long until it is looked at again (s).
HELD_STAGE = ("held: the deal's stage has no CRM stage id (a stage made in Spectrum, or pipelines not pulled "
              "yet); pull pipelines or create the stage in the CRM")
HOLD_S = 300.0

__all__ = ["SyncWorker", "DrainReport", "SyncError", "HELD_STAGE"]
