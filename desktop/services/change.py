"""The change event the desktop backend returns after every write."""

from __future__ import annotations

from dataclasses import dataclass

#: Scopes a :class:`Change` may name.
SCOPES = ("crm", "approvals", "agents", "audit", "notes", "sync", "settings", "costs")


@dataclass(frozen=True)
class Change:
    """What a write changed. ``scopes``: subset of :data:`SCOPES`. ``deal_ids``: deals touched,
    or None when unknown / too many (panels reload everything in their scope)."""

    scopes: frozenset[str]
    deal_ids: tuple[int, ...] | None = None
    audit_id: int | None = None
    summary: str = ""
