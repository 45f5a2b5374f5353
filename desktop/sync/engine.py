"""Pull: initial full sync, then incremental sync by last-modified time, per object type.

Cursor state per object type (kept in :class:`desktop.sync.state.SyncState`)::

    {"mode": "full" | "incremental", "since": ms | None, "page": adapter cursor | None,
     "started_at": ms, "high_water": ms, "archived_page": adapter cursor | None, "stage": "changed"|"archived",
     "archived_since": ms | None, "archived_seen": [external ids archived at archived_since]}

The cursor is saved after every applied page, so an interrupted pull resumes where it stopped.
A full sync lists everything; once done, ``since`` becomes the full sync's start time minus
``skew_ms`` (records changed during the full sync are read again by the first incremental sync).
An incremental sync reads records modified at or after ``since`` (oldest first), then records
archived remotely since then, and moves ``since`` to the highest modified time seen. Archives are
a separate feed with their own mark (``archived_since``: the latest archive time seen; the records
archived at exactly that time are remembered so they are mirrored and reported once).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field

from desktop.sync.port import CrmAdapter, Page, Pipeline
from desktop.sync.state import ConflictRow, SyncState

log = logging.getLogger("desktop.sync.engine")

#: progress(object_type, records_so_far, phase) — phase is "full" or "incremental"
Progress = Callable[[str, int, str], None]

#: most external ids remembered at the archive mark (beyond it the mark moves 1 ms on)
MAX_SEEN = 10

#: what must be applied before an object type's pages are applied (links resolve locally)
APPLY_AFTER: dict[str, tuple[str, ...]] = {
    "company": (),
    "contact": ("company",),
    "deal": ("pipelines", "company", "contact"),
    "activity": ("company", "contact", "deal"),
    "task": ("company", "contact", "deal"),
}


@dataclass
class PullReport:
    """Records applied per object type, archived records mirrored, and new conflicts."""

    applied: dict[str, int] = field(default_factory=dict)
    archived: dict[str, int] = field(default_factory=dict)
    conflicts: list[ConflictRow] = field(default_factory=list)
    pipelines: int = 0
    seconds: float = 0.0


class SyncEngine:
    """Pulls changes from one CRM into local state.

    Args:
        adapter: a :class:`desktop.sync.port.CrmAdapter`.
        state: a :class:`desktop.sync.state.SyncState`.
        progress: optional callback, called after each page.
        clock_ms: current time in epoch ms (injectable).
        skew_ms: overlap subtracted from the full sync start (default 5 minutes).
    """

    def __init__(self, adapter: CrmAdapter, state: SyncState, *, progress: Progress | None = None,
                 clock_ms: Callable[[], int] = lambda: int(time.time() * 1000),
                 skew_ms: int = 300_000) -> None:
        self.adapter = adapter
        self.state = state
        self.progress = progress
        self.clock_ms = clock_ms
        self.skew_ms = skew_ms
        self.pipelines: list[Pipeline] = []  # last pulled pipelines

    async def pull(self, object_types: Sequence[str] | None = None, *,
                   pipelines: bool = True) -> PullReport:
        """Pull every object type (full the first time, incremental afterwards).

        Every object type starts fetching at once (the adapter's pacers keep the combined request
        rate under the limits), but pages are *applied* in dependency order: pipelines, then
        companies, contacts, deals, then engagements and tasks (see :data:`APPLY_AFTER`), so a
        record's links (company, contacts, deal) always find their local targets.

        Raises: :mod:`desktop.sync.errors` exceptions after the adapter's own retries; the
        cursor saved so far stays valid.
        """
        started = time.monotonic()
        report = PullReport()
        types = list(object_types or self.adapter.object_types)
        done: dict[str, asyncio.Event] = {t: asyncio.Event() for t in (*types, "pipelines")}
        if not pipelines:
            done["pipelines"].set()

        async def pull_pipelines() -> None:
            try:
                self.pipelines = await self.adapter.get_pipelines()
                report.pipelines = len(self.pipelines)
                apply_pipelines = getattr(self.state, "apply_pipelines", None)
                if apply_pipelines is not None:
                    apply_pipelines(self.pipelines)
            finally:
                done["pipelines"].set()

        async def one(t: str) -> None:
            waits = [done[d] for d in APPLY_AFTER.get(t, ()) if d in done]

            async def gate() -> None:
                for ev in waits:
                    await ev.wait()
            try:
                await self.pull_type(t, report, gate=gate)
            finally:
                done[t].set()

        jobs = [one(t) for t in types] + ([pull_pipelines()] if pipelines else [])
        tasks = [asyncio.ensure_future(j) for j in jobs]
        try:
            await asyncio.gather(*tasks)
        finally:
            for task in tasks:
                if not task.done():
                    task.cancel()
                elif not task.cancelled():
                    task.exception()  # the other types failed the same way: one error for the user
        report.seconds = time.monotonic() - started
        return report

    async def pull_type(self, object_type: str, report: PullReport | None = None, *,
                        gate: Callable[[], Awaitable[None]] | None = None) -> PullReport:
        """Pull one object type to the end of its change list.

        ``gate``: awaited once before the first page is applied (pages are already being fetched);
        :meth:`pull` uses it to apply object types in dependency order. In incremental mode the
        archived records are fetched concurrently with the changed ones (they use another
        endpoint and pacer) and applied after them, so an archive is never undone by an older
        page of changes."""
        report = report or PullReport()
        cur = self.state.get_cursor(object_type) or {
            "mode": "full", "since": None, "page": None, "started_at": self.clock_ms(),
            "high_water": 0, "archived_page": None, "stage": "changed"}
        if cur.get("stage") == "done":
            cur = {"mode": "incremental", "since": cur["since"], "page": None,
                   "started_at": self.clock_ms(), "high_water": cur["since"] or 0,
                   "archived_page": None, "stage": "changed",
                   "archived_since": cur.get("archived_since"),
                   "archived_seen": cur.get("archived_seen") or []}
            self.state.set_cursor(object_type, cur)
        since = cur["since"] if cur["mode"] == "incremental" else None
        count = report.applied.get(object_type, 0)
        fetch: asyncio.Future[Page] | None = None
        archived_fetch: asyncio.Future[list[Page]] | None = None
        if cur["stage"] == "changed":
            fetch = asyncio.ensure_future(self.adapter.list_changed(object_type, since, cur["page"]))
        if cur["stage"] in ("changed", "archived") and cur["mode"] == "incremental":
            archived_fetch = asyncio.ensure_future(
                self._fetch_archived(object_type, cur.get("archived_since") or since,
                                     cur.get("archived_page")))
        gated = gate is None
        try:
            while cur["stage"] == "changed":
                assert fetch is not None
                page = await fetch
                fetch = None
                if page.next_cursor is not None:  # prefetch the next page while applying this one
                    fetch = asyncio.ensure_future(
                        self.adapter.list_changed(object_type, since, page.next_cursor))
                if not gated:
                    assert gate is not None
                    await gate()
                    gated = True
                if page.records:
                    report.conflicts += self.state.apply_remote(page.records)
                    cur["high_water"] = max(cur["high_water"] or 0,
                                            max(r["updated_at"] for r in page.records))
                count += len(page.records)
                cur["page"] = page.next_cursor
                if page.next_cursor is None:
                    cur["stage"] = "archived" if cur["mode"] == "incremental" else "finish"
                self.state.set_cursor(object_type, cur)
                if self.progress:
                    self.progress(object_type, count, cur["mode"])
            report.applied[object_type] = count
            archived = 0
            if cur["stage"] == "archived":
                assert archived_fetch is not None
                pages = await archived_fetch
                archived_fetch = None
                if not gated and gate is not None:
                    await gate()
                mark, seen = cur.get("archived_since"), set(cur.get("archived_seen") or ())
                new_mark, new_seen = mark, set(seen)
                for page in pages:
                    fresh = [r for r in page.records if mark is None or r["updated_at"] > mark
                             or (r["updated_at"] == mark and r["external_id"] not in seen)]
                    for r in page.records:
                        if new_mark is None or r["updated_at"] > new_mark:
                            new_mark, new_seen = r["updated_at"], set()
                        if r["updated_at"] == new_mark:
                            new_seen.add(r["external_id"])
                    if fresh:
                        report.conflicts += self.state.apply_remote(fresh)
                        archived += len(fresh)
                    cur["archived_page"] = page.next_cursor
                if len(new_seen) > MAX_SEEN:  # keep the cursor small (stored in 500 chars)
                    new_mark, new_seen = (new_mark or 0) + 1, set()
                cur["archived_since"], cur["archived_seen"] = new_mark, sorted(new_seen)
                cur["stage"] = "finish"
                self.state.set_cursor(object_type, cur)
            report.archived[object_type] = report.archived.get(object_type, 0) + archived
        finally:
            for f in (fetch, archived_fetch):
                if f is not None and not f.done():
                    f.cancel()
                elif f is not None and not f.cancelled():
                    f.exception()  # a prefetch that failed too (the same 401): reported once, by the caller
        if cur["mode"] == "full":
            new_since = cur["started_at"] - self.skew_ms
        else:
            new_since = max(cur["since"] or 0, cur["high_water"] or 0)
        self.state.set_cursor(object_type, {"mode": "incremental", "since": new_since, "page": None,
                                             "started_at": cur["started_at"], "high_water": new_since,
                                             "archived_page": None, "stage": "done",
                                             "archived_since": cur.get("archived_since"),
                                             "archived_seen": cur.get("archived_seen") or []})
        return report

    async def _fetch_archived(self, object_type: str, since: int | None, cursor: str | None
                              ) -> list[Page]:
        """Every page of records archived since ``since`` (applied later, in order)."""
        pages = []
        while True:
            page = await self.adapter.list_archived(object_type, since, cursor)
            pages.append(page)
            cursor = page.next_cursor
            if cursor is None:
                return pages
