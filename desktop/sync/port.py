"""The CRM adapter port: what the sync engine and worker need from any CRM.

A CRM is added by writing one adapter (implementing :class:`CrmAdapter`) and one mapping module
(remote JSON <-> neutral :class:`Record`). Nothing else in Spectrum knows a CRM's wire format.

Neutral record shape (a plain dict, see :class:`Record`)::

    {"type": "contact|company|deal|activity|task", "external_id": "123",
     "fields": {"email": "a@b.co", ...}, "updated_at": 1700000000000, "archived": False}

Links travel as neutral fields holding external ids: ``company_external_id`` (contacts, deals,
engagements), ``contact_external_ids`` (a deal's contacts, a list), ``contact_external_id`` and
``deal_external_id`` (activities and tasks). Adapters read and write them as the CRM does
(HubSpot associations, Pipedrive foreign keys).

A push payload may also carry :data:`REMOVED_LINKS`: ``{link field: [external ids]}``, the links
the CRM had at the last pull or push that the local record no longer has (a contact moved to
another company, a contact taken off a deal). Adapters remove those associations (HubSpot v4
``batch/archive``) or ignore the key where writing the new foreign key replaces the old one
(Pipedrive). It is never sent as a field.

``updated_at`` is the remote last-modified time in epoch milliseconds (UTC).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypedDict, runtime_checkable

# The neutral record types live in the domain (the store reads and writes them too).
from desktop.domain.sync_records import OBJECT_TYPES, REMOVED_LINKS, Pipeline, Record, Stage

__all__ = ["OBJECT_TYPES", "REMOVED_LINKS", "CrmAdapter", "Page", "Pipeline", "Record", "Stage", "UpsertItem",
           "UpsertResult"]


class UpsertItem(TypedDict, total=False):
    """One write. ``idempotency_key``: stable key of the local record (stored in the CRM's unique
    property, so a create sent twice is one record); ``external_id``: the CRM id when known
    (then the write is an update by id); ``fields``: neutral fields to set."""

    idempotency_key: str
    external_id: str | None
    fields: dict[str, Any]


class UpsertResult(TypedDict):
    """Outcome of one :class:`UpsertItem`: the CRM id and whether the record was new."""

    idempotency_key: str
    external_id: str
    created: bool


@dataclass(slots=True)
class Page:
    """One page of changed records. ``next_cursor`` is ``None`` on the last page; it is opaque
    and may be persisted (the engine stores it so an interrupted pull resumes)."""

    records: list[Record]
    next_cursor: str | None
    total: int | None = None


@runtime_checkable
class CrmAdapter(Protocol):
    """Async operations against one CRM account.

    All methods raise only :mod:`desktop.sync.errors` exceptions.

    Optional (not part of the structural check, so adapters without it still satisfy the port):
    ``async ensure_key_property()`` creates the CRM's unique property / custom field holding the
    idempotency key when missing (``spectrum connect``); idempotent; returns adapter-specific
    setup facts to keep (Pipedrive: kind -> field key; HubSpot: types where it was created). ``object_type`` is one of
    :data:`OBJECT_TYPES` (adapters may support a subset, listed in ``object_types``).
    """

    #: short provider name: "hubspot", "pipedrive", ...
    name: str
    #: neutral object types this adapter syncs, in dependency order (companies before contacts ...)
    object_types: tuple[str, ...]
    #: most items accepted by one ``batch_upsert``/``archive`` call
    max_batch: int

    async def list_changed(self, object_type: str, since: int | None, cursor: str | None) -> Page:
        """Records of ``object_type`` modified at or after ``since`` (epoch ms; ``None`` = all,
        i.e. the initial full sync), one page per call, oldest first when ``since`` is given."""
        ...

    async def list_archived(self, object_type: str, since: int | None, cursor: str | None) -> Page:
        """Records archived/deleted remotely (``archived=True``) at or after ``since``."""
        ...

    async def get_pipelines(self) -> list[Pipeline]:
        """Deal pipelines and their stages."""
        ...

    async def batch_upsert(self, object_type: str, items: Sequence[UpsertItem]) -> list[UpsertResult]:
        """Create-or-update up to ``max_batch`` records idempotently (see :class:`UpsertItem`)."""
        ...

    async def archive(self, object_type: str, external_ids: Sequence[str]) -> None:
        """Archive (soft-delete) records; archiving an already archived record is not an error."""
        ...

    async def find_by_key(self, object_type: str, idempotency_key: str) -> str | None:
        """The CRM id of the record holding ``idempotency_key``, or ``None``."""
        ...

    async def associate(self, from_type: str, from_id: str, to_type: str, to_id: str) -> None:
        """Link two records (default association type); idempotent."""
        ...

    async def aclose(self) -> None:
        """Release the HTTP client if the adapter owns it."""
        ...
