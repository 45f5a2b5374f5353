"""Sync's plain record types and its merge rule, shared by the sync services and the store.

- The neutral CRM record (:class:`Record`, :class:`Pipeline`, :class:`Stage`, :data:`OBJECT_TYPES`,
  :data:`REMOVED_LINKS`): the shape every CRM adapter maps to (see :mod:`desktop.sync.port`).
- The outbox and conflict rows (:class:`OutboxRow`, :class:`ConflictRow`, :data:`UNSENT`) that the
  :class:`desktop.sync.state.SyncState` port hands the engine and worker.
- The field-level merge of a pulled remote record with local pending changes (pure functions).

Merge rules:
- a remote change to a field with no pending local change wins (it is applied locally);
- a field with a pending local change that the remote left unchanged since the last pull (remote
  value == base) keeps the local value; it will be pushed;
- a field changed on both sides to different values is a conflict, shown to the user with both
  values; neither side is overwritten until the user chooses (``keep local`` or ``take remote``);
- both sides changed to the same value: no conflict.
``base`` is the remote value seen at the previous pull.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypedDict

#: Payload key of the links to remove (see :mod:`desktop.sync.port`).
REMOVED_LINKS = "_removed_links"

#: Neutral object types every adapter maps to.
OBJECT_TYPES = ("company", "contact", "deal", "activity", "task")


class Record(TypedDict):
    """A CRM object in neutral form. ``updated_at``: epoch ms; ``fields``: neutral field names."""

    type: str
    external_id: str
    fields: dict[str, Any]
    updated_at: int
    archived: bool


@dataclass(slots=True)
class Stage:
    """A pipeline stage: ``probability`` 0.0-1.0, ``position`` 0-based."""

    external_id: str
    label: str
    position: int
    probability: float = 0.0
    is_won: bool = False
    is_lost: bool = False


@dataclass(slots=True)
class Pipeline:
    """A deal pipeline with its stages in display order."""

    external_id: str
    label: str
    stages: list[Stage] = field(default_factory=list)


#: Outbox statuses still to be sent (``blocked``: an open conflict holds the row).
UNSENT = ("pending", "retrying", "blocked")


@dataclass
class OutboxRow:
    """One local change to push. ``op``: create | update | delete | associate; ``payload``: neutral
    fields (associate: ``{"to_type", "to_local_id"}``); ``idempotency_key``: stable across retries
    (a create's key is also the record's key in the CRM's unique property)."""

    id: int
    entity_type: str
    local_id: int
    op: str
    payload: dict[str, Any]
    idempotency_key: str
    status: str = "pending"
    attempts: int = 0
    next_attempt_at: float | None = None
    last_error: str | None = None
    sent_at: float | None = None
    #: when ``prefetched``: the record's CRM id and create key as of reading the outbox (saves the
    #: worker one lookup per row)
    prefetched: bool = False
    record_external_id: str | None = None
    record_key: str | None = None


@dataclass
class ConflictRow:
    """A field changed locally (pending push) and remotely. ``status``: open | kept_local |
    took_remote."""

    id: int
    at: float
    source: str
    entity_type: str
    local_id: int
    field: str
    local_value: Any
    remote_value: Any
    status: str = "open"


_MISSING = object()


@dataclass(frozen=True, slots=True)
class FieldConflict:
    """One conflicting field: ``local`` is the pending local value, ``remote`` the pulled one."""

    field: str
    local: Any
    remote: Any


def merge_fields(remote: dict[str, Any], base: dict[str, Any], pending: dict[str, Any]
                 ) -> tuple[dict[str, Any], list[FieldConflict]]:
    """Returns (fields to write locally, conflicts).

    Args:
        remote: neutral fields of the pulled record.
        base: remote fields as of the previous pull (empty for a record never pulled).
        pending: fields with local changes not yet pushed, with their local values.
    """
    apply: dict[str, Any] = {}
    conflicts: list[FieldConflict] = []
    for name, value in remote.items():
        if name not in pending:
            apply[name] = value
            continue
        local = pending[name]
        if value == local:
            continue
        before = base.get(name, _MISSING)
        if before is _MISSING or before == value:
            continue  # remote unchanged since last pull (or never seen): local change stands
        conflicts.append(FieldConflict(name, local, value))
    return apply, conflicts
