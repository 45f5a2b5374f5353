"""The transactional outbox: local changes waiting to be pushed to a connected CRM.

Rows (``outbox`` table, :class:`desktop.store.schema.OutboxItem`) are written by
:func:`enqueue` in the same transaction as the change and its audit entry (the executor's unit of
work), so a change is never applied without its row nor pushed without having been applied. The
sync state (:class:`desktop.store.sync_state.StoreState`) reads and moves them through their
statuses with the functions below, always inside the caller's session (one unit of work).

Statuses: ``pending`` (new) -> ``sent`` (the CRM confirmed it) | ``retrying`` (a transient error, or
*held*: ``last_error`` starts with ``"held:"`` while a stage has no CRM id) | ``blocked`` (an open
conflict holds it) | ``dead`` (the CRM refused it; shown with its reason). ``crm``: the CRM a row
is queued for, ``NULL`` until the first connected CRM claims it (:func:`claim`).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, Result, func, select, update
from sqlalchemy.orm import Session

from desktop.store import schema as s
from desktop.store.errors import RecordNotFound

#: statuses of rows not sent yet
UNSENT = ("pending", "retrying", "blocked")
#: ``last_error`` prefix of a held row
HELD_PREFIX = "held:"


def enqueue(session: Session, now: datetime, audit_id: int | None, changes: Iterable[dict[str, Any]]
            ) -> int:
    """Add one ``pending`` row per change (``{"entity", "id", "op", "before", "after",
    "internal"?}``; ``internal`` changes are not pushed). An update's payload holds only the
    columns that changed (``updated_at`` aside); a delete's is empty. Returns rows added."""
    n = 0
    for ch in changes:
        if ch.get("internal"):
            continue
        payload = ch["after"] if ch["op"] != "delete" else {}
        if ch["op"] == "update" and ch["before"] and ch["after"]:
            payload = {k: v for k, v in ch["after"].items()
                       if ch["before"].get(k) != v and k != "updated_at"}
        session.add(s.OutboxItem(created_at=now, audit_id=audit_id, entity_type=ch["entity"],
                                 local_id=ch["id"], op=ch["op"],
                                 payload=json.dumps(payload, default=str),
                                 idempotency_key=uuid.uuid4().hex, status="pending"))
        n += 1
    return n


def claim(session: Session, crm: str, entity_types: Iterable[str]) -> int:
    """Claim the unsent rows no CRM has claimed yet for ``crm``; returns how many."""
    result = session.execute(update(s.OutboxItem).where(
        s.OutboxItem.crm.is_(None), s.OutboxItem.status.in_(UNSENT),
        s.OutboxItem.entity_type.in_(list(entity_types))).values(crm=crm))
    return _rowcount(result)


def unsent(session: Session, crm: str, entity_types: Iterable[str]) -> list[s.OutboxItem]:
    """``crm``'s unsent rows of ``entity_types`` in id order."""
    return list(session.execute(select(s.OutboxItem).where(
        s.OutboxItem.status.in_(UNSENT), s.OutboxItem.entity_type.in_(list(entity_types)),
        s.OutboxItem.crm == crm).order_by(s.OutboxItem.id)).scalars())


def mark_sent(item: s.OutboxItem, now: datetime) -> None:
    """The CRM confirmed the row."""
    item.status, item.sent_at, item.last_error = "sent", now, None


def mark_retry(session: Session, row_ids: Iterable[int], error: str, next_attempt_at: datetime,
               *, count_attempt: bool = True) -> None:
    """Schedule rows again (``retrying``; ``blocked`` rows stay blocked). ``error`` is kept
    (2,000 characters at most); a held row's starts with :data:`HELD_PREFIX`."""
    for row_id in row_ids:
        item = session.get(s.OutboxItem, row_id)
        if item is None or item.status == "blocked":
            continue
        item.status, item.last_error = "retrying", error[:2000]
        item.next_attempt_at = next_attempt_at
        item.attempts += 1 if count_attempt else 0


def mark_dead(session: Session, row_id: int, reason: str) -> None:
    """Dead-letter a row with a human-readable reason."""
    item = session.get(s.OutboxItem, row_id)
    if item is None:
        raise RecordNotFound(f"no outbox row #{row_id}", "it may have been removed; run the sync again")
    item.status, item.last_error = "dead", reason[:2000]


def release_held(session: Session, crm: str) -> int:
    """Make ``crm``'s held rows (and unclaimed ones) due now, e.g. after a stage was mapped;
    returns how many."""
    result = session.execute(update(s.OutboxItem).where(
        s.OutboxItem.status == "retrying", s.OutboxItem.last_error.like(HELD_PREFIX + "%"),
        (s.OutboxItem.crm == crm) | s.OutboxItem.crm.is_(None)).values(
        next_attempt_at=None))
    return _rowcount(result)


def _rowcount(result: Result[Any]) -> int:
    """Rows an UPDATE matched (an UPDATE's result is a CursorResult, typed as a plain Result)."""
    return int(cast("CursorResult[Any]", result).rowcount)


def counts(session: Session, crm: str) -> dict[str, int]:
    """Rows per status for ``crm``, plus ``"waiting for a CRM"``: unsent rows nobody claimed."""
    out: dict[str, int] = {}
    for status, n in session.execute(select(s.OutboxItem.status, func.count()).where(
            s.OutboxItem.crm == crm).group_by(s.OutboxItem.status)):
        out[status] = n
    unclaimed = session.execute(select(func.count()).select_from(s.OutboxItem).where(
        s.OutboxItem.crm.is_(None), s.OutboxItem.status.in_(UNSENT))).scalar_one()
    if unclaimed:
        out["waiting for a CRM"] = unclaimed
    return out


def listed(session: Session, crm: str, *, held: bool) -> list[dict[str, Any]]:
    """``crm``'s dead (``held=False``) or held rows as ``{"id", "entity_type", "local_id", "op",
    "reason"}``."""
    q = select(s.OutboxItem).where(s.OutboxItem.crm == crm)
    q = q.where(s.OutboxItem.status == "retrying", s.OutboxItem.last_error.like(HELD_PREFIX + "%")) \
        if held else q.where(s.OutboxItem.status == "dead")
    return [{"id": i.id, "entity_type": i.entity_type, "local_id": i.local_id, "op": i.op,
             "reason": i.last_error} for i in session.execute(q.order_by(s.OutboxItem.id)).scalars()]


def held_reasons(session: Session, limit: int = 3) -> list[str]:
    """Why held rows wait (every CRM), distinct, oldest first, at most ``limit``: shown by the
    app's status bar."""
    out: list[str] = []
    for reason, in session.execute(select(s.OutboxItem.last_error).where(
            s.OutboxItem.status == "retrying", s.OutboxItem.last_error.like(HELD_PREFIX + "%"))
            .order_by(s.OutboxItem.id)):
        text = reason[len(HELD_PREFIX):].strip()
        if text not in out:
            out.append(text)
        if len(out) >= limit:
            break
    return out


def held_count(session: Session) -> int:
    """Rows held (every CRM)."""
    return int(session.execute(select(func.count()).select_from(s.OutboxItem).where(
        s.OutboxItem.status == "retrying", s.OutboxItem.last_error.like(HELD_PREFIX + "%"))).scalar_one())
