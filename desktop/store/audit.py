"""Append-only, hash-chained audit log.

Each entry's ``hash`` is ``sha256(prev_hash + "\\n" + canonical_json(entry))`` where the canonical
JSON has sorted keys and holds ``at`` (ISO 8601), ``actor``, ``kind``, ``summary`` and ``payload``.
The first entry's ``prev_hash`` is 64 zeros. Changing, removing or reordering any entry breaks the
chain from that entry on, which :func:`verify` reports (the scheme of a hash chain / Merkle log as
used by Certificate Transparency, RFC 6962, reduced to a linear chain).

**Anchor.** A chain alone cannot show that its newest entries were deleted, or that someone edited
an entry and recomputed every hash after it. So after every commit that appends, the head of the
chain (newest id, its hash, the number of entries) is written *outside the database* to an anchor
file (:func:`anchor_path`: next to the SQLite file, or in the user's data folder for PostgreSQL),
atomically (temp file + ``os.replace``). When the OS keyring works, the anchor also carries an
HMAC-SHA256 with a random key kept in the keyring (created on first use), so the anchor itself
cannot be forged. :func:`verify` checks the chain against the anchor: the anchored entry must
exist, with that hash, and as many entries up to it.

What it proves: entries up to the anchored one were not removed, reordered or changed since they
were written, unless the attacker could also rewrite the anchor file *and* (when keyed) read the
keyring key. What it does not prove: entries appended after the newest anchor write (a crash
between commit and anchor write leaves at most the last commit un-anchored); that nobody deleted
the anchor file (verify then reports the log as not anchored, not as tampered); anything about a
database restored together with its anchor file from a backup.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import tempfile
import weakref
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import event, func, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session

from desktop.config import Settings
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
    count = session.execute(select(func.count()).select_from(AuditEntry)).scalar_one()
    session.info["audit_head"] = (entry.id, entry.hash, count)
    if not session.info.get("audit_anchor_hook"):
        session.info["audit_anchor_hook"] = True
        event.listen(session, "after_commit", _anchor_after_commit)
    return entry


# -- anchor -------------------------------------------------------------------------------------
KEYRING_SERVICE = "Spectrum"
KEYRING_ITEM = "audit-hmac-key"
_paths: weakref.WeakKeyDictionary[Engine, Path | None] = weakref.WeakKeyDictionary()
_key_cache: list[bytes | None] = []


def anchor_path(bind: Engine | Connection) -> Path | None:
    """The anchor file for the database of ``bind`` (an engine, or a connection of one):
    ``<db file>.audit-anchor.json`` for SQLite (None for an in-memory database),
    ``<data dir>/audit-anchors/<db>-<id>.json`` for PostgreSQL."""
    engine = bind.engine
    if engine in _paths:
        return _paths[engine]
    url = engine.url
    path: Path | None
    if url.get_backend_name() == "sqlite":
        db = url.database
        path = None if not db or db == ":memory:" else Path(db).with_name(Path(db).name + ".audit-anchor.json")
    else:
        ident = hashlib.sha1(f"{url.host}:{url.port}/{url.database}".encode()).hexdigest()[:12]
        path = Settings().data_dir / "audit-anchors" / f"{url.database}-{ident}.json"
    _paths[engine] = path
    return path


def _hmac_key() -> bytes | None:
    """The anchor's HMAC key from the OS keyring (created there on first use); None without a
    working keyring backend. Cached for the process."""
    if _key_cache:
        return _key_cache[0]
    key: bytes | None = None
    try:
        import keyring  # noqa: PLC0415 - ~50 ms and backend probing; only when an anchor is first keyed
        stored = keyring.get_password(KEYRING_SERVICE, KEYRING_ITEM)
        if stored is None:
            stored = secrets.token_hex(32)
            keyring.set_password(KEYRING_SERVICE, KEYRING_ITEM, stored)
        key = bytes.fromhex(stored)
    except Exception:  # noqa: BLE001 - no backend, locked keyring, bad value: anchor without HMAC
        key = None
    _key_cache.append(key)
    return key


def _mac(key: bytes, last_id: int, head: str, count: int) -> str:
    return hmac.new(key, f"{last_id}:{head}:{count}".encode(), hashlib.sha256).hexdigest()


def write_anchor(path: Path, last_id: int, head: str, count: int) -> None:
    """Write the anchor file atomically (temp file in the same folder, fsync, ``os.replace``)."""
    key = _hmac_key()
    data = {"version": 1, "last_id": last_id, "head": head, "count": count,
            "hmac": _mac(key, last_id, head, count) if key else None}
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".anchor-", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_anchor(path: Path | None) -> dict[str, Any] | None:
    """The anchor at ``path`` (an anchor file, or an export from :func:`export`), or None when there
    is none; ``{"unreadable": True}`` when the file cannot be read as one."""
    if path is None or not path.is_file():
        return None
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {"unreadable": True}
    if not isinstance(data, dict):
        return {"unreadable": True}
    if "entries" in data:
        anchor: dict[str, Any] = data.get("anchor") or {"unreadable": True}
        return anchor
    return data


def export(session: Session, path: Path) -> int:
    """Write every entry and the chain's anchor (newest id, hash, count, HMAC when keyed) to
    ``path`` as JSON, atomically. Kept elsewhere (a backup, another machine), an export lets
    ``verify(session, path)`` catch a database rolled back together with its anchor file.
    Returns the number of entries."""
    rows = session.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars().all()
    entries = [{"id": e.id, "at": e.at.isoformat(), "actor": e.actor, "kind": e.kind, "summary": e.summary,
                "payload": e.payload, "prev_hash": e.prev_hash, "hash": e.hash} for e in rows]
    anchor = None
    if rows:
        key = _hmac_key()
        last = rows[-1]
        anchor = {"version": 1, "last_id": last.id, "head": last.hash, "count": len(rows),
                  "hmac": _mac(key, last.id, last.hash, len(rows)) if key else None}
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".audit-export-", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump({"entries": entries, "anchor": anchor}, f, ensure_ascii=False)
    os.replace(tmp, path)
    return len(entries)


def _anchor_after_commit(session: Session) -> None:
    head = session.info.pop("audit_head", None)
    if head is None:
        return
    try:
        path = anchor_path(session.get_bind())
        if path is not None:
            write_anchor(path, *head)
    except OSError:
        pass  # the entry is committed; the next append writes a newer anchor


@dataclass(frozen=True)
class VerifyResult:
    """Outcome of :func:`verify`: ``ok``, entries checked, the first bad entry's id and reason, and
    how the anchor stands: ``anchored_id`` (the newest entry the anchor vouches for, or None when
    there is no anchor) and ``keyed`` (the anchor carries an HMAC that was checked)."""

    ok: bool
    checked: int
    bad_id: int | None = None
    reason: str | None = None
    anchored_id: int | None = None
    keyed: bool = False


def verify(session: Session, anchor: Path | None | bool = True) -> VerifyResult:
    """Walk the chain in id order, recompute every hash, and check it against the anchor.

    Args:
        anchor: True for the database's own anchor file (:func:`anchor_path`), a path for another
            one (e.g. from an export), or False/None to check the chain alone.
    Returns: :class:`VerifyResult`; ``ok`` is False at the first entry whose ``prev_hash`` does not
    match its predecessor's hash or whose own hash does not match its content, when the anchored
    entry is missing or differs (entries deleted, or rewritten with their hashes recomputed), or
    when the anchor's HMAC does not match the keyring key.
    """
    prev = GENESIS
    n = 0
    hashes: dict[int, tuple[str, int]] = {}
    for e in session.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars():
        n += 1
        if e.prev_hash != prev:
            return VerifyResult(False, n, e.id, "the entry before it was changed or removed")
        if _digest(e.prev_hash, e.at, e.actor, e.kind, e.summary, e.payload) != e.hash:
            return VerifyResult(False, n, e.id, "its content was changed after it was written")
        hashes[e.id] = (e.hash, n)
        prev = e.hash
    path = anchor_path(session.get_bind()) if anchor is True else (anchor or None)
    data = read_anchor(path) if path is not None else None
    if data is None:
        return VerifyResult(True, n)
    if data.get("unreadable") or not {"last_id", "head", "count"} <= set(data):
        return VerifyResult(False, n, None, f"the anchor file {path} is unreadable or was altered")
    keyed = False
    key = _hmac_key()
    if data.get("hmac"):
        if key is None:
            pass  # keyed elsewhere; this machine cannot check the HMAC, the chain check still runs
        elif not hmac.compare_digest(data["hmac"], _mac(key, data["last_id"], data["head"], data["count"])):
            return VerifyResult(False, n, None, "the anchor file was altered (its HMAC does not match)")
        else:
            keyed = True
    last_id, head, count = int(data["last_id"]), str(data["head"]), int(data["count"])
    if last_id not in hashes:
        return VerifyResult(False, n, last_id, f"entry #{last_id} and possibly others after it were deleted "
                                               f"(the anchor vouches for {count} entries, {n} remain)", last_id, keyed)
    got_hash, position = hashes[last_id]
    if got_hash != head or position != count:
        return VerifyResult(False, n, last_id, f"entries up to #{last_id} were rewritten or removed and the chain "
                                               "recomputed (it no longer matches its anchor)", last_id, keyed)
    return VerifyResult(True, n, anchored_id=last_id, keyed=keyed)
