"""What the sync engine and worker need from local storage: the :class:`SyncState` port.

Implementations: :class:`MemoryState` (tests), :class:`FileState` (a JSON file replaced atomically
on every change, so a killed process leaves the last committed state — used by the crash test and
the ``--sandbox`` CLI), and the workspace database (``desktop/store``: ``outbox``, ``external_ids``,
``sync_cursors``, ``sync_conflicts`` tables). Each method is one transaction.

Times are epoch seconds (float) unless named ``*_ms``. Outbox statuses follow
``desktop.store.schema.OutboxItem``: ``pending | retrying | sent | dead``, plus ``blocked`` while an
open conflict holds the row.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
import time
import uuid
from dataclasses import asdict
from pathlib import Path
from typing import Any, Protocol

# The outbox and conflict rows live in the domain (the store reads and writes them too).
from desktop.domain.sync_records import UNSENT, ConflictRow, OutboxRow, Record, merge_fields

__all__ = ["UNSENT", "ConflictRow", "FileState", "MemoryState", "OutboxRow", "SyncState"]


class SyncState(Protocol):
    """Local storage port used by :mod:`engine` (pull) and :mod:`worker` (push)."""

    source: str

    def get_cursor(self, object_type: str) -> dict[str, Any] | None:
        """The pull cursor of ``object_type`` (opaque JSON-able dict) or ``None``."""
        ...

    def set_cursor(self, object_type: str, cursor: dict[str, Any]) -> None:
        """Store the pull cursor."""
        ...

    def apply_remote(self, records: list[Record]) -> list[ConflictRow]:
        """Mirror pulled records (incl. archived ones) locally, merging field by field with
        pending local changes (:func:`desktop.domain.sync_records.merge_fields`); returns new conflicts."""
        ...

    def outbox_unsent(self) -> list[OutboxRow]:
        """Unsent rows (pending, retrying, blocked) in id order."""
        ...

    def external_id(self, entity_type: str, local_id: int) -> str | None:
        """The CRM id linked to a local record."""
        ...

    def record_key(self, entity_type: str, local_id: int) -> str | None:
        """Idempotency key of the record's create row, if it was created locally."""
        ...

    def mark_sent(self, sent: list[tuple[int, str | None]]) -> None:
        """Mark rows sent; link ``(row's record) -> external id`` when given. One transaction."""
        ...

    def mark_retry(self, row_ids: list[int], error: str, next_attempt_at: float, *,
                   count_attempt: bool = True) -> None:
        """Schedule rows again (``status = retrying``)."""
        ...

    def mark_dead(self, row_id: int, reason: str) -> None:
        """Dead-letter a row with a human-readable reason (visible in ``spectrum sync status``)."""
        ...

    def conflicts(self, status: str = "open") -> list[ConflictRow]:
        """Conflicts by status."""
        ...

    def resolve_conflict(self, conflict_id: int, keep: str) -> None:
        """``keep="local"``: push the local value; ``"remote"``: take the remote value."""
        ...

    def summary(self) -> dict[str, Any]:
        """Counts for status displays: outbox by status, open conflicts, cursors."""
        ...


class MemoryState:
    """In-memory :class:`SyncState` plus a tiny local record store standing in for the workspace.

    ``records[(type, local_id)]`` holds neutral fields; :meth:`local_change` plays the executor's
    part (change a record and write its outbox row in one step).
    """

    def __init__(self, source: str = "hubspot") -> None:
        self.source = source
        self._lock = threading.RLock()
        self.cursors: dict[str, dict[str, Any]] = {}
        self.records: dict[tuple[str, int], dict[str, Any]] = {}
        self.archived: set[tuple[str, int]] = set()
        self.base: dict[tuple[str, int], dict[str, Any]] = {}
        self.links: dict[tuple[str, int], str] = {}
        self.keys: dict[tuple[str, int], str] = {}
        self.by_ext: dict[tuple[str, str], tuple[str, int]] = {}
        self.by_key: dict[str, tuple[str, int]] = {}
        self.outbox: list[OutboxRow] = []
        self.conflict_rows: list[ConflictRow] = []
        self._next_local = 0
        self._next_row = 0

    # -- persistence hook -------------------------------------------------------------------
    def _commit(self) -> None:
        """Called at the end of every mutating method (FileState writes the file here)."""

    # -- executor side ----------------------------------------------------------------------
    def local_change(self, entity_type: str, op: str, fields: dict[str, Any] | None = None, *,
                     local_id: int | None = None, payload: dict[str, Any] | None = None) -> OutboxRow:
        """Change a local record and append its outbox row (one transaction). ``op="create"``
        allocates the local id and the record key."""
        with self._lock:
            if op == "create":
                self._next_local += 1
                local_id = self._next_local
            assert local_id is not None
            key = (entity_type, local_id)
            if op in ("create", "update"):
                self.records.setdefault(key, {}).update(fields or {})
            elif op == "delete":
                self.archived.add(key)
            self._next_row += 1
            row = OutboxRow(self._next_row, entity_type, local_id, op,
                            dict(payload if payload is not None else (fields or {})),
                            idempotency_key=f"sp-{uuid.uuid4().hex}")
            if op == "create":
                self.keys[key] = row.idempotency_key
                self.by_key[row.idempotency_key] = key
            self.outbox.append(row)
            self._commit()
            return row

    # -- SyncState ----------------------------------------------------------------------------
    def get_cursor(self, object_type: str) -> dict[str, Any] | None:
        with self._lock:
            c = self.cursors.get(object_type)
            return dict(c) if c else None

    def set_cursor(self, object_type: str, cursor: dict[str, Any]) -> None:
        with self._lock:
            self.cursors[object_type] = dict(cursor)
            self._commit()

    def _link(self, k: tuple[str, int], ext: str) -> None:
        self.links[k] = ext
        self.by_ext[(k[0], ext)] = k

    def _local_for(self, rec: Record) -> tuple[str, int] | None:
        k = self.by_ext.get((rec["type"], rec["external_id"]))
        if k is None and rec["fields"].get("idempotency_key"):
            k = self.by_key.get(rec["fields"]["idempotency_key"])
        return k

    def apply_remote(self, records: list[Record]) -> list[ConflictRow]:
        with self._lock:
            new: list[ConflictRow] = []
            unsent: dict[tuple[str, int], list[OutboxRow]] = {}
            for r in self.outbox:
                if r.status in UNSENT and r.op in ("create", "update"):
                    unsent.setdefault((r.entity_type, r.local_id), []).append(r)
            for rec in records:
                k = self._local_for(rec)
                fields = {n: v for n, v in rec["fields"].items() if n != "idempotency_key"}
                if k is None:
                    if rec["archived"]:
                        continue
                    self._next_local += 1
                    k = (rec["type"], self._next_local)
                if k not in self.links:
                    self._link(k, rec["external_id"])
                rows = unsent.get(k, [])
                pending: dict[str, Any] = {}
                for r in rows:
                    pending.update(r.payload)
                if rec["archived"]:
                    if pending:
                        fields, pending_fields = {"_archived": True}, {"_archived": False}
                        apply, conflicts = merge_fields(fields, {"_archived": False}, pending_fields)
                    else:
                        self.archived.add(k)
                        continue
                else:
                    apply, conflicts = merge_fields(fields, self.base.get(k, {}), pending)
                self.records.setdefault(k, {}).update(apply)
                self.base.setdefault(k, {}).update(fields)
                for c in conflicts:
                    if any(o.status == "open" and (o.entity_type, o.local_id) == k
                           and o.field == c.field and o.remote_value == c.remote
                           for o in self.conflict_rows):
                        continue
                    row = ConflictRow(len(self.conflict_rows) + 1, time.time(), self.source, k[0],
                                      k[1], c.field, c.local, c.remote)
                    self.conflict_rows.append(row)
                    new.append(row)
                    for r in rows:
                        if c.field in r.payload or c.field == "_archived":
                            r.status = "blocked"
            self._commit()
            return new

    def outbox_unsent(self) -> list[OutboxRow]:
        with self._lock:
            out = []
            for r in self.outbox:
                if r.status in UNSENT:
                    k = (r.entity_type, r.local_id)
                    out.append(OutboxRow(**dict(asdict(r), prefetched=True,
                                                record_external_id=self.links.get(k),
                                                record_key=self.keys.get(k))))
            return out

    def external_id(self, entity_type: str, local_id: int) -> str | None:
        with self._lock:
            return self.links.get((entity_type, local_id))

    def record_key(self, entity_type: str, local_id: int) -> str | None:
        with self._lock:
            return self.keys.get((entity_type, local_id))

    def _row(self, row_id: int) -> OutboxRow:
        return next(r for r in self.outbox if r.id == row_id)

    def mark_sent(self, sent: list[tuple[int, str | None]]) -> None:
        with self._lock:
            now = time.time()
            for row_id, ext in sent:
                r = self._row(row_id)
                r.status, r.sent_at, r.last_error = "sent", now, None
                k = (r.entity_type, r.local_id)
                if ext:
                    self._link(k, ext)
                if r.op in ("create", "update"):
                    self.base.setdefault(k, {}).update(r.payload)
            self._commit()

    def mark_retry(self, row_ids: list[int], error: str, next_attempt_at: float, *,
                   count_attempt: bool = True) -> None:
        with self._lock:
            for row_id in row_ids:
                r = self._row(row_id)
                if r.status == "blocked":
                    continue
                r.status, r.last_error, r.next_attempt_at = "retrying", error, next_attempt_at
                r.attempts += 1 if count_attempt else 0
            self._commit()

    def mark_dead(self, row_id: int, reason: str) -> None:
        with self._lock:
            r = self._row(row_id)
            r.status, r.last_error = "dead", reason
            self._commit()

    def conflicts(self, status: str = "open") -> list[ConflictRow]:
        with self._lock:
            return [ConflictRow(**asdict(c)) for c in self.conflict_rows if c.status == status]

    def resolve_conflict(self, conflict_id: int, keep: str) -> None:
        with self._lock:
            c = next(c for c in self.conflict_rows if c.id == conflict_id)
            k = (c.entity_type, c.local_id)
            rows = [r for r in self.outbox if (r.entity_type, r.local_id) == k and r.status in UNSENT]
            if keep == "remote":
                c.status = "took_remote"
                if c.field == "_archived":
                    self.archived.add(k)
                    for r in rows:
                        r.status, r.last_error = "sent", "superseded: remote archived"
                else:
                    self.records.setdefault(k, {})[c.field] = c.remote_value
                    for r in rows:
                        r.payload.pop(c.field, None)
                        if not r.payload and r.op == "update":
                            r.status, r.last_error = "sent", "superseded by the remote value"
            elif keep == "local":
                c.status = "kept_local"
            else:
                raise ValueError("keep must be 'local' or 'remote'")
            still_open = {o.field for o in self.conflict_rows
                          if o.status == "open" and (o.entity_type, o.local_id) == k}
            for r in rows:
                if r.status == "blocked" and not (still_open & (set(r.payload) | {"_archived"})):
                    r.status = "pending"
            self._commit()

    def summary(self) -> dict[str, Any]:
        with self._lock:
            counts: dict[str, int] = {}
            for r in self.outbox:
                counts[r.status] = counts.get(r.status, 0) + 1
            dead = [{"id": r.id, "entity_type": r.entity_type, "local_id": r.local_id,
                     "op": r.op, "reason": r.last_error} for r in self.outbox if r.status == "dead"]
            held = [{"id": r.id, "entity_type": r.entity_type, "local_id": r.local_id, "op": r.op,
                     "reason": r.last_error} for r in self.outbox
                    if r.status == "retrying" and (r.last_error or "").startswith("held:")]
            return {"source": self.source, "outbox": counts, "dead_letters": dead, "held": held,
                    "open_conflicts": [asdict(c) for c in self.conflict_rows if c.status == "open"],
                    "cursors": {k: dict(v) for k, v in self.cursors.items()}}


class FileState(MemoryState):
    """:class:`MemoryState` persisted to a JSON file, atomically replaced (write temp + fsync +
    ``os.replace``) after every change. Holds no secrets (tokens live in the OS keyring)."""

    _FIELDS = ("cursors", "records", "archived", "base", "links", "keys", "outbox",
               "conflict_rows", "_next_local", "_next_row")

    def __init__(self, path: Path | str, source: str = "hubspot") -> None:
        super().__init__(source)
        self.path = Path(path)
        if self.path.exists():
            self._load(json.loads(self.path.read_text()))

    def _load(self, data: dict[str, Any]) -> None:
        def keyed(d: dict[str, Any]) -> dict[tuple[str, int], Any]:
            return {(k.split(":")[0], int(k.split(":")[1])): v for k, v in d.items()}
        self.cursors = data["cursors"]
        self.records, self.base = keyed(data["records"]), keyed(data["base"])
        self.links, self.keys = keyed(data["links"]), keyed(data["keys"])
        self.archived = {(t, int(i)) for t, i in data["archived"]}
        self.outbox = [OutboxRow(**r) for r in data["outbox"]]
        self.conflict_rows = [ConflictRow(**c) for c in data["conflict_rows"]]
        self._next_local, self._next_row = data["_next_local"], data["_next_row"]
        self.by_ext = {(k[0], ext): k for k, ext in self.links.items()}
        self.by_key = {v: k for k, v in self.keys.items()}

    def _commit(self) -> None:
        def flat(d: dict[tuple[str, int], Any]) -> dict[str, Any]:
            return {f"{t}:{i}": v for (t, i), v in d.items()}
        data = {"cursors": self.cursors, "records": flat(self.records), "base": flat(self.base),
                "links": flat(self.links), "keys": flat(self.keys),
                "archived": sorted(self.archived), "outbox": [asdict(r) for r in self.outbox],
                "conflict_rows": [asdict(c) for c in self.conflict_rows],
                "_next_local": self._next_local, "_next_row": self._next_row}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".sync-", suffix=".tmp")
        with os.fdopen(fd, "w") as fh:
            json.dump(data, fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.path)


__all__ = ["SyncState", "MemoryState", "FileState", "OutboxRow", "ConflictRow", "UNSENT"]
