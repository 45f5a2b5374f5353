"""Worker ordering with a fake adapter: per-record order, waiting behind a failed row, batching."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sync_helpers import run

from desktop.sync.errors import Retryable
from desktop.sync.port import CrmAdapter, Page, UpsertItem, UpsertResult
from desktop.sync.state import MemoryState
from desktop.sync.worker import SyncWorker


class FakeCrm:
    """An in-memory CRM behind the adapter port; fails writes of records listed in ``fail``."""

    name = "fake"
    object_types = ("contact",)
    max_batch = 3

    def __init__(self) -> None:
        self.calls: list[tuple[str, list[dict[str, Any]]]] = []
        self.records: dict[str, dict[str, Any]] = {}
        self.fail: set[str] = set()

    async def batch_upsert(self, object_type: str, items: Sequence[UpsertItem]) -> list[UpsertResult]:
        self.calls.append(("upsert", [dict(i) for i in items]))
        if any(i["fields"].get("email") in self.fail for i in items):
            raise Retryable("HTTP 503")
        out = []
        for i in items:
            ext = i.get("external_id") or f"x-{i['idempotency_key']}"
            self.records.setdefault(ext, {}).update(i["fields"])
            out.append(UpsertResult(idempotency_key=i["idempotency_key"], external_id=ext,
                                    created=not i.get("external_id")))
        return out

    async def archive(self, object_type: str, external_ids: Sequence[str]) -> None:
        self.calls.append(("archive", list(external_ids)))
        for e in external_ids:
            self.records.pop(e, None)

    async def list_changed(self, *a: Any) -> Page:
        return Page([], None)

    list_archived = list_changed

    async def get_pipelines(self) -> list:
        return []

    async def find_by_key(self, object_type: str, key: str) -> str | None:
        return None

    async def associate(self, *a: Any) -> None:
        pass

    async def aclose(self) -> None:
        pass


def test_fake_adapter_satisfies_the_port():
    assert isinstance(FakeCrm(), CrmAdapter)


def test_a_failed_row_holds_back_later_rows_of_the_same_record_only():
    crm, state = FakeCrm(), MemoryState()
    a = state.local_change("contact", "create", {"email": "a@x"})
    b = state.local_change("contact", "create", {"email": "b@x"})
    state.local_change("contact", "update", {"first_name": "A2"}, local_id=a.local_id)
    crm.fail = {"b@x"}
    worker = SyncWorker(crm, state, backoff_base_s=60.0, clock=lambda: 1000.0)
    report = run(worker.drain())
    # a's create and update are merged into one item; a transient failure of the batch
    # reschedules all three rows (nothing was applied), without dead-lettering anyone
    assert report.sent == 0 and report.retried == 3 and crm.records == {}
    crm.fail = set()
    later = SyncWorker(crm, state, backoff_base_s=60.0, clock=lambda: 1000.0 + 3600)
    report = run(later.drain())
    assert report.sent == 3 and report.calls == 1
    assert {r["email"]: r.get("first_name") for r in crm.records.values()} == {"a@x": "A2", "b@x": None}
    assert b.idempotency_key in {i["idempotency_key"] for i in crm.calls[-1][1]}


def test_rows_wait_behind_an_earlier_row_that_is_not_due():
    crm, state = FakeCrm(), MemoryState()
    a = state.local_change("contact", "create", {"email": "a@x"})
    state.mark_retry([a.id], "HTTP 503", next_attempt_at=2000.0)
    state.local_change("contact", "update", {"first_name": "A2"}, local_id=a.local_id)
    c = state.local_change("contact", "create", {"email": "c@x"})
    state.local_change("contact", "delete", local_id=c.local_id)
    report = run(SyncWorker(crm, state, clock=lambda: 1000.0).drain())
    # a's rows wait (its create is not due); c is created then archived, in order
    assert report.sent == 2 and report.waiting == 2
    assert [k for k, _ in crm.calls] == ["upsert", "archive"]
    assert crm.records == {}


def test_batches_hold_at_most_max_batch_records():
    crm, state = FakeCrm(), MemoryState()
    for i in range(7):
        state.local_change("contact", "create", {"email": f"{i}@x"})
    report = run(SyncWorker(crm, state).drain())
    assert report.sent == 7 and [len(items) for _, items in crm.calls] == [3, 3, 1]
