"""Append-only, hash-chained audit log.

Each entry's ``hash`` is ``sha256(prev_hash + "\\n" + canonical_json(entry))`` where the canonical
JSON has sorted keys and holds ``at`` (ISO 8601), ``actor``, ``kind``, ``summary`` and ``payload``.
The first entry's ``prev_hash`` is 64 zeros. Changing, removing or reordering any entry breaks the
chain from that entry on, which :func:`verify` reports (the scheme of a hash chain / Merkle log as
used by Certificate Transparency, RFC 6962, reduced to a linear chain).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.store.schema import AuditEntry

GENESIS = "0" * 64


def _digest(prev_hash: str, at: datetime, actor: str, kind: str, summary: str, payload: str) -> str:
    body = json.dumps({"at": at.isoformat(timespec="microseconds"), "actor": actor, "kind": kind,
                       "summary": summary, "payload": payload}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256((prev_hash + "\n" + body).encode("utf-8")).hexdigest()


def append(session: Session, *, at: datetime, actor: str, kind: str, summary: str,
           payload: dict[str, Any]) -> AuditEntry:
    """Add an audit entry chained to the newest one, in the caller's transaction.

    Args:
        at: naive UTC time of the event. actor: "user", "agent:<name>", "sync", ...
        kind: e.g. ``plan_applied``, ``plan_undone``, ``kill_switch``, ``import``.
        payload: JSON-serialisable details (transcript, plan, before/after values).
    Returns: the new, flushed :class:`AuditEntry` (its ``id`` is set).
    """
    last_q = select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)
    if session.get_bind().dialect.name == "postgresql":
        last_q = last_q.with_for_update()
    prev = session.execute(last_q).scalar() or GENESIS
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
    entry = AuditEntry(at=at, actor=actor, kind=kind, summary=summary, payload=text, prev_hash=prev,
                       hash=_digest(prev, at, actor, kind, summary, text))
    session.add(entry)
    session.flush()
    return entry


@dataclass(frozen=True)
class VerifyResult:
    """Outcome of :func:`verify`: ``ok``, entries checked, and the first bad entry's id and reason."""

    ok: bool
    checked: int
    bad_id: int | None = None
    reason: str | None = None


def verify(session: Session) -> VerifyResult:
    """Walk the chain in id order and recompute every hash.

    Returns: :class:`VerifyResult`; ``ok`` is False at the first entry whose ``prev_hash`` does not
    match its predecessor's hash or whose own hash does not match its content.
    """
    prev = GENESIS
    n = 0
    for e in session.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars():
        n += 1
        if e.prev_hash != prev:
            return VerifyResult(False, n, e.id, "the entry before it was changed or removed")
        if _digest(e.prev_hash, e.at, e.actor, e.kind, e.summary, e.payload) != e.hash:
            return VerifyResult(False, n, e.id, "its content was changed after it was written")
        prev = e.hash
    return VerifyResult(True, n)
