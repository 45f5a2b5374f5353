"""Field-level merge of a pulled remote record with local pending changes (pure functions).

Rules:
- a remote change to a field with no pending local change wins (it is applied locally);
- a field with a pending local change that the remote left unchanged since the last pull (remote
  value == base) keeps the local value; it will be pushed;
- a field changed on both sides to different values is a conflict, shown to the user with both
  values; neither side is overwritten until the user chooses (``keep local`` or ``take remote``);
- both sides changed to the same value: no conflict.
``base`` is the remote value seen at the previous pull.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

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
