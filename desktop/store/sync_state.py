""":class:`SyncState` over the workspace database (``desktop.store``): the production state.

Tables (``desktop.store.schema``): ``outbox`` (:class:`OutboxItem`, written by the executor in
the plan's transaction), ``external_ids``, ``sync_cursors``, ``sync_conflicts`` and the domain
tables pulled records are mirrored into. Every method is one unit of work. This module uses the
store's ORM classes and unit of work only (no SQL text); it belongs with the store's repositories
and can move to ``desktop/store`` unchanged.

Conflict detection: ``sync_bases`` (migration 0002) keeps, per synced record, the remote value of
each field as of the last pull or push (the *base*). A pending local change to a field is a conflict
only when the pulled value of that field differs from its base (the remote side changed *that
field*) and from the local value; a record whose modified time moved because of other fields
raises no conflict. Records synced before the base existed fall back to the record-level check
(the remote record changed since the last pull, ``external_ids.remote_updated_at``), which errs
towards showing a conflict; neither path overwrites silently.

Associations: a pulled record that carries its links (a deal's ``contact_external_ids``, the
single-valued ``*_external_id`` links of :data:`sync_fields.LINK_FKS`) makes its local links of
that kind the remote set, removals included, among synced records only (links to local-only
records stay; no record is deleted). A deal waiting in the outbox keeps the links added locally
(they go out with its push); links that the previous pull saw remotely and that are gone are
still removed. A link field with a pending local change is never touched (field-level merge).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Index, Integer, String, Text, delete, insert, select
from sqlalchemy.orm import Mapped, mapped_column

from desktop.domain.sync_records import (
    OBJECT_TYPES,
    REMOVED_LINKS,
    UNSENT,
    ConflictRow,
    OutboxRow,
    Pipeline,
    Record,
    merge_fields,
)
from desktop.store import outbox
from desktop.store import schema as s
from desktop.store.db import Workspace
from desktop.store.errors import RecordNotFound
from desktop.store.executor import ChangeSet, _jsonable, commit_changes, track_changes
from desktop.store.pipelines import _stage
from desktop.store.sync_fields import DEAL_CONTACTS, LINK_FKS, UNMAPPED, to_columns, to_neutral

#: display names of the CRMs (held reasons)
CRM_NAMES = {"hubspot": "HubSpot", "pipedrive": "Pipedrive"}
#: payload key of a held row's reason (never sent)
HELD = "_held"
#: settings key of a CRM's stage/pipeline map: JSON ``{"stage:<local id>": "<CRM id>", ...}``
STAGE_MAP_KEY = "sync.stage_map.{source}"


def stage_map(ses: Any, source: str) -> dict[str, str]:
    """The stages and pipelines mapped by hand to a CRM's ids (``spectrum stages --map``):
    ``{"stage:<local id>": "<CRM stage id>", "pipeline:<local id>": "<CRM pipeline id>"}``."""
    row = ses.get(s.Setting, STAGE_MAP_KEY.format(source=source))
    return json.loads(row.value) if row and row.value else {}


MODELS: dict[str, type[s.Contact] | type[s.Company] | type[s.Deal] | type[s.Activity] | type[s.Task]] = {
    "contact": s.Contact, "company": s.Company, "deal": s.Deal, "activity": s.Activity,
          "task": s.Task}


class SyncBase(s.Base):
    """Remote field values (neutral names, JSON object in ``fields``) of one synced record as of
    the last pull or push: the base of the field-level conflict check. Table from migration 0002."""

    __tablename__ = "sync_bases"
    __table_args__ = (Index("ux_sync_base_record", "source", "entity_type", "local_id", unique=True),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(40))
    entity_type: Mapped[str] = mapped_column(String(40))
    local_id: Mapped[int] = mapped_column(Integer)
    fields: Mapped[str] = mapped_column(Text)


def _dumps(fields: dict[str, Any]) -> str:
    return json.dumps(fields, default=str, separators=(",", ":"))


def _defaults(entity: str, cols: dict[str, Any]) -> dict[str, Any]:
    """Column values a bulk insert must not leave NULL (the ORM defaults of the schema)."""
    out: dict[str, Any] = {}
    if entity == "contact" and cols.get("do_not_contact") is None:
        out["do_not_contact"] = False
    if entity == "deal" and not cols.get("currency"):
        out["currency"] = "usd"
    if entity == "task":
        out["kind"] = cols.get("kind") or "task"
        out["status"] = cols.get("status") or "open"
    return out


def _naive(ms: float) -> datetime:
    return datetime.fromtimestamp(ms / 1000, tz=UTC).replace(tzinfo=None)


def _epoch(dt: datetime | None) -> float | None:
    return None if dt is None else dt.replace(tzinfo=UTC).timestamp()


class StoreState:
    """Sync state of one CRM (``source``: "hubspot" | "pipedrive") in a :class:`Workspace`."""

    def __init__(self, workspace: Workspace, source: str) -> None:
        self.ws = workspace
        self.source = source

    # -- helpers -----------------------------------------------------------------------------
    def _ext(self, ses: Any, entity: str, local_id: int) -> str | None:
        ext: str | None = ses.execute(select(s.ExternalId.record_id).where(
            s.ExternalId.source == self.source, s.ExternalId.entity_type == entity,
            s.ExternalId.local_id == local_id)).scalars().first()
        if ext is None and entity in ("stage", "pipeline"):
            ext = stage_map(ses, self.source).get(f"{entity}:{local_id}")
        return ext

    def _local(self, ses: Any, entity: str, ext: str) -> s.ExternalId | None:
        found: s.ExternalId | None = ses.execute(select(s.ExternalId).where(
            s.ExternalId.source == self.source, s.ExternalId.entity_type == entity,
            s.ExternalId.record_id == ext)).scalars().first()
        return found

    def _link(self, ses: Any, entity: str, local_id: int, ext: str, remote_ms: int | None) -> None:
        row = self._local(ses, entity, ext)
        if row is None:
            row = s.ExternalId(source=self.source, entity_type=entity, record_id=ext, local_id=local_id)
            ses.add(row)
        row.local_id = local_id
        if remote_ms:
            row.remote_updated_at = _naive(remote_ms)

    def _row(self, ses: Any, item: s.OutboxItem, base: dict[str, Any] | None = None) -> OutboxRow:
        """The outbox row in neutral form. ``base``: the record's remote fields at the last
        pull/push (:class:`SyncBase`), from which the links to remove are computed
        (:data:`desktop.sync.port.REMOVED_LINKS`). A stage or pipeline with no CRM id puts the
        reason in ``payload["_held"]`` (the push holds the row)."""
        payload = json.loads(item.payload or "{}")
        if item.op in ("create", "update"):
            if item.entity_type == "contact" and {"first_name", "last_name"} & set(payload):
                # CRMs that write a person by full name (Pipedrive) need both halves
                obj = ses.get(s.Contact, item.local_id)
                if obj is not None:
                    payload.setdefault("first_name", obj.first_name)
                    payload.setdefault("last_name", obj.last_name)
            payload = to_neutral(item.entity_type, payload,
                                 lambda e, i: self._ext(ses, e, i))
            if UNMAPPED in payload:
                payload[HELD] = self._held_reason(ses, payload.pop(UNMAPPED))
            if item.entity_type == "deal":  # the deal's contacts go along as associations
                contacts = [e for e in (self._ext(ses, "contact", c) for c in ses.execute(
                    select(s.DealContact.contact_id).where(
                        s.DealContact.deal_id == item.local_id)).scalars()) if e]
                if contacts:
                    payload[DEAL_CONTACTS] = sorted(contacts)
                gone = self._gone_contacts(ses, (base or {}).get(DEAL_CONTACTS), contacts)
                if gone:
                    payload.setdefault(REMOVED_LINKS, {})[DEAL_CONTACTS] = gone
            for _col, field, _target in LINK_FKS.get(item.entity_type, ()):
                old = (base or {}).get(field)
                if field in payload and old and old != payload[field]:
                    payload.setdefault(REMOVED_LINKS, {})[field] = [str(old)]
        return OutboxRow(id=item.id, entity_type=item.entity_type, local_id=item.local_id, op=item.op,
                         payload=payload, idempotency_key=item.idempotency_key, status=item.status,
                         attempts=item.attempts, next_attempt_at=_epoch(item.next_attempt_at),
                         last_error=item.last_error, sent_at=_epoch(item.sent_at))

    def _gone_contacts(self, ses: Any, before: Any, now: list[str]) -> list[str]:
        """A deal's contacts the CRM had at the last pull/push (``before``) that are synced
        locally and no longer linked: their associations are removed by the push. Contacts not
        synced here are left alone (the pull's rule: links among synced records only)."""
        if not isinstance(before, list):
            return []
        gone = [str(e) for e in before if str(e) not in set(now)]
        return sorted(e for e in gone if self._local(ses, "contact", e) is not None)

    def _held_reason(self, ses: Any, unmapped: list[dict[str, Any]]) -> str:
        """"held: stage 'Proposal Sent' has no HubSpot stage: map it ..." for the first unmapped
        enumerated link (``unmapped``: :data:`sync_fields.UNMAPPED` entries)."""
        crm = CRM_NAMES.get(self.source, self.source)
        parts = []
        for u in unmapped:
            model = s.Stage if u["entity"] == "stage" else s.Pipeline
            obj = ses.get(model, u["local_id"])
            label = (obj.label if u["entity"] == "stage" else obj.name) if obj else f"#{u['local_id']}"
            parts.append(f"{u['entity']} {label!r} has no {crm} {u['entity']}: map it in "
                         f"Settings > Sync stages or with `spectrum stages {label!r} --map "
                         f"<{crm} {u['entity']}> --crm {self.source}`" if u["entity"] == "stage" else
                         f"{u['entity']} {label!r} has no {crm} {u['entity']}: map one of its "
                         f"stages with `spectrum stages <stage> --map <{crm} stage> --crm "
                         f"{self.source}`")
        return "held: " + "; ".join(parts)

    # -- cursors -----------------------------------------------------------------------------
    def get_cursor(self, object_type: str) -> dict[str, Any] | None:
        with self.ws.uow() as uow:
            row = uow.session.execute(select(s.SyncCursor).where(
                s.SyncCursor.source == self.source, s.SyncCursor.object_type == object_type)
            ).scalars().first()
            return json.loads(row.cursor) if row and row.cursor else None

    def set_cursor(self, object_type: str, cursor: dict[str, Any]) -> None:
        with self.ws.uow() as uow:
            ses = uow.session
            row = ses.execute(select(s.SyncCursor).where(
                s.SyncCursor.source == self.source, s.SyncCursor.object_type == object_type)
            ).scalars().first()
            if row is None:
                row = s.SyncCursor(source=self.source, object_type=object_type)
                ses.add(row)
            row.cursor = json.dumps(cursor, separators=(",", ":"))
            if cursor.get("since"):
                row.last_modified = _naive(cursor["since"])
            uow.commit()

    # -- pull --------------------------------------------------------------------------------
    def apply_pipelines(self, pipelines: list[Pipeline]) -> None:
        """Mirror pipelines and stages (matched by external id, then by name/label); the
        changes are audited (kind ``pull``, actor ``crm:<source>``)."""
        with self.ws.uow() as uow:
            ses = uow.session
            changes = ChangeSet()
            tracker = track_changes(ses, changes)
            tracker.__enter__()
            for p in pipelines:
                link = self._local(ses, "pipeline", p.external_id)
                pipe = ses.get(s.Pipeline, link.local_id) if link else None
                pipe = pipe or ses.execute(select(s.Pipeline).where(
                    s.Pipeline.name == p.label)).scalars().first()
                if pipe is None:
                    pipe = s.Pipeline(name=p.label)
                    ses.add(pipe)
                    ses.flush()
                self._link(ses, "pipeline", pipe.id, p.external_id, None)
                for st in p.stages:
                    link = self._local(ses, "stage", st.external_id)
                    stage = ses.get(s.Stage, link.local_id) if link else None
                    stage = stage or ses.execute(select(s.Stage).where(
                        s.Stage.pipeline_id == pipe.id, s.Stage.label == st.label)).scalars().first()
                    if stage is None:
                        stage = s.Stage(pipeline_id=pipe.id, label=st.label, position=st.position)
                        ses.add(stage)
                    stage.position, stage.probability = st.position, st.probability
                    stage.is_won, stage.is_lost = st.is_won, st.is_lost
                    ses.flush()
                    self._link(ses, "stage", stage.id, st.external_id, None)
            ses.flush()
            tracker.__exit__(None, None, None)
            if changes:
                commit_changes(ses, changes, actor=f"crm:{self.source}", kind="pull",
                               summary=f"pipelines: {len(changes)} change(s) pulled from "
                                       f"{CRM_NAMES.get(self.source, self.source)}",
                               payload={"source": self.source})
            uow.commit()

    def apply_remote(self, records: list[Record]) -> list[ConflictRow]:
        """One unit of work per page; lookups are batched per object type (a few queries per
        page, not per record)."""
        new: list[ConflictRow] = []
        with self.ws.uow() as uow:
            ses = uow.session
            fk_cache: dict[tuple[str, str], int | None] = {}

            def to_local(entity: str, ext: str) -> int | None:
                if (entity, ext) not in fk_cache:
                    row = self._local(ses, entity, ext)
                    fk_cache[(entity, ext)] = row.local_id if row else None
                return fk_cache[(entity, ext)]

            by_type: dict[str, list[Record]] = {}
            for rec in records:
                by_type.setdefault(rec["type"], []).append(rec)
            changes = ChangeSet()
            with track_changes(ses, changes):
                for entity, recs in by_type.items():
                    new += self._apply_type(ses, entity, recs, to_local, changes)
                ses.flush()
            if changes:  # the pull is a change whose author is the CRM, audited like a plan
                crm = CRM_NAMES.get(self.source, self.source)
                commit_changes(ses, changes, actor=f"crm:{self.source}", kind="pull",
                               summary=f"{len(changes)} change(s) pulled from {crm}",
                               payload={"source": self.source, "records": len(records)})
            uow.commit()
        return new

    def _apply_type(self, ses: Any, entity: str, recs: list[Record], to_local: Any,
                    changes: ChangeSet | None = None) -> list[ConflictRow]:
        model = MODELS[entity]
        links = {lk.record_id: lk for lk in ses.execute(select(s.ExternalId).where(
            s.ExternalId.source == self.source, s.ExternalId.entity_type == entity,
            s.ExternalId.record_id.in_([r["external_id"] for r in recs]))).scalars()}
        keys = [r["fields"]["idempotency_key"] for r in recs
                if r["external_id"] not in links and r["fields"].get("idempotency_key")]
        by_key = dict(ses.execute(select(s.OutboxItem.idempotency_key, s.OutboxItem.local_id).where(
            s.OutboxItem.entity_type == entity, s.OutboxItem.idempotency_key.in_(keys))).all()
        ) if keys else {}
        local_of = {}
        for r in recs:
            link = links.get(r["external_id"])
            local_of[r["external_id"]] = link.local_id if link else by_key.get(
                r["fields"].get("idempotency_key"))
        ids = [i for i in local_of.values() if i is not None]
        objs = {o.id: o for o in ses.execute(select(model).where(model.id.in_(ids))).scalars()} \
            if ids else {}
        pending_rows: dict[int, list[s.OutboxItem]] = {}
        if ids:
            for item in ses.execute(select(s.OutboxItem).where(
                    s.OutboxItem.entity_type == entity, s.OutboxItem.local_id.in_(ids),
                    s.OutboxItem.status.in_(UNSENT), s.OutboxItem.op.in_(("create", "update")))
                    .order_by(s.OutboxItem.id)).scalars():
                pending_rows.setdefault(item.local_id, []).append(item)
        bases = {b.local_id: b for b in ses.execute(select(SyncBase).where(
            SyncBase.source == self.source, SyncBase.entity_type == entity,
            SyncBase.local_id.in_(list(objs)))).scalars()} if objs else {}
        created: list[tuple[dict[str, Any], Record]] = []
        out: list[ConflictRow] = []
        # records deleted here whose delete is still waiting to be pushed: the pull must not
        # bring them back (nor re-link their CRM id: that raised a unique-index error)
        gone = {lk.local_id for lk in links.values() if lk.local_id not in objs}
        deleting = set(ses.execute(select(s.OutboxItem.local_id).where(
            s.OutboxItem.entity_type == entity, s.OutboxItem.local_id.in_(list(gone)),
            s.OutboxItem.op == "delete", s.OutboxItem.status.in_(UNSENT))).scalars()) if gone else set()
        stale: dict[str, s.ExternalId] = {}
        for rec in recs:
            local_id = local_of[rec["external_id"]]
            obj = objs.get(local_id) if local_id is not None else None
            if obj is None:
                link = links.get(rec["external_id"])
                if link is not None and link.local_id in deleting:
                    continue
                cols = None if rec["archived"] else self._new_columns(ses, entity, rec, to_local)
                if cols is not None:
                    if link is not None:
                        stale[rec["external_id"]] = link  # re-pointed to the new row below
                    created.append((cols, rec))
                continue
            if obj.id not in bases and not rec["archived"]:
                bases[obj.id] = SyncBase(source=self.source, entity_type=entity, local_id=obj.id,
                                         fields="")
                ses.add(bases[obj.id])
            out += self._merge_one(ses, entity, obj, rec, links.get(rec["external_id"]),
                                   pending_rows.get(obj.id, []), to_local, bases.get(obj.id))
        if created:  # bulk insert (one executemany with RETURNING), then the external ids
            ses.flush()
            columns = sorted({c for cols, _ in created for c in cols})
            new_ids = ses.execute(insert(model).returning(model.id, sort_by_parameter_order=True),
                                  [{c: cols.get(c) for c in columns} | _defaults(entity, cols)
                                   for cols, _ in created]).scalars().all()
            fresh = []
            for new_id, (cols, rec) in zip(new_ids, created):
                if changes is not None:  # a bulk insert: the session does not see these rows
                    changes.record(entity, new_id, "create", None,
                                   {k: _jsonable(v) for k, v in cols.items()}
                                   | {"external_id": rec["external_id"]})
                old_link = stale.get(rec["external_id"])
                if old_link is not None:
                    old_link.local_id, old_link.remote_updated_at = new_id, _naive(rec["updated_at"])
                else:
                    fresh.append({"source": self.source, "entity_type": entity,
                                  "record_id": rec["external_id"], "local_id": new_id,
                                  "remote_updated_at": _naive(rec["updated_at"])})
            if fresh:
                ses.execute(insert(s.ExternalId), fresh)
            if entity == "deal":
                for new_id, (_, rec) in zip(new_ids, created):
                    self._link_deal_contacts(ses, new_id, rec["fields"].get(DEAL_CONTACTS), to_local)
            ses.execute(insert(SyncBase), [
                {"source": self.source, "entity_type": entity, "local_id": new_id,
                 "fields": _dumps({k: v for k, v in rec["fields"].items()
                                   if k != "idempotency_key"})}
                for new_id, (_, rec) in zip(new_ids, created)])
        return out

    def _synced(self, ses: Any, entity: str, local_ids: Any) -> set[int]:
        """The ``local_ids`` of ``entity`` that have an external id in this source."""
        ids = list(local_ids)
        return set(ses.execute(select(s.ExternalId.local_id).where(
            s.ExternalId.source == self.source, s.ExternalId.entity_type == entity,
            s.ExternalId.local_id.in_(ids))).scalars()) if ids else set()

    def _link_deal_contacts(self, ses: Any, deal_id: int, contact_ext_ids: Any, to_local: Any,
                            *, exact: bool = True, previous: Any = ()) -> None:
        """Mirror a deal's contacts pulled as ``contact_external_ids`` (a list of the CRM's
        contact ids; ``None`` = not read, nothing changes). Contacts the remote list names and
        that are synced are linked. With ``exact`` (the deal has no unsent outbox row), links to
        synced contacts the list does not name are removed: the links among synced records
        become the remote set. Without it (the deal waits in the outbox and its push sends all
        its local links), only links the previous pull saw remotely (``previous``, CRM ids) and
        the remote list no longer names are removed; links added locally and not pushed yet
        stay, and contacts the previous pull saw that were unlinked locally are not re-added (the
        push removes them remotely). Links to local-only contacts (no external id in this source)
        always stay."""
        if contact_ext_ids is None:
            return
        wanted = {c for c in (to_local("contact", str(e)) for e in contact_ext_ids) if c}
        have = set(ses.execute(select(s.DealContact.contact_id).where(
            s.DealContact.deal_id == deal_id)).scalars())
        adds = wanted - have
        if not exact:
            # a contact the CRM already had at the last pull/push and that is unlinked here was
            # taken off the deal locally: the waiting push removes it remotely; not re-added
            adds -= {to_local("contact", str(e)) for e in previous or ()}
        for contact_id in sorted(adds):
            ses.add(s.DealContact(deal_id=deal_id, contact_id=contact_id))
        candidates = have - wanted
        if not exact:
            candidates &= {to_local("contact", str(e)) for e in previous or ()}
        gone = self._synced(ses, "contact", candidates)
        if gone:
            ses.execute(delete(s.DealContact).where(s.DealContact.deal_id == deal_id,
                                                    s.DealContact.contact_id.in_(sorted(gone))))

    def _unlink_cleared(self, ses: Any, entity: str, obj: Any, apply: dict[str, Any]) -> None:
        """Single-valued links (:data:`LINK_FKS`) the pull reports empty (field present, value
        ``None``; fields with a pending local change are never in ``apply``) are cleared when
        they point at a synced record; links to local-only records stay."""
        for col, field, target in LINK_FKS.get(entity, ()):
            if field in apply and apply[field] is None:
                current = getattr(obj, col)
                if current is not None and self._synced(ses, target, [current]):
                    setattr(obj, col, None)

    def _new_columns(self, ses: Any, entity: str, rec: Record, to_local: Any
                     ) -> dict[str, Any] | None:
        fields = {k: v for k, v in rec["fields"].items() if k != "idempotency_key"}
        cols = to_columns(entity, fields, to_local)
        if entity == "deal":
            if "stage_id" not in cols:
                stage = ses.execute(select(s.Stage).order_by(s.Stage.pipeline_id, s.Stage.position)
                                    ).scalars().first()
                if stage is None:
                    return None  # no pipeline yet: pulled again once pipelines exist
                cols.update(stage_id=stage.id, pipeline_id=stage.pipeline_id)
            if "pipeline_id" not in cols:
                cols["pipeline_id"] = ses.get(s.Stage, cols["stage_id"]).pipeline_id
            cols["name"] = cols.get("name") or "(unnamed deal)"
            if not cols.get("currency"):
                cols.pop("currency", None)
        if entity == "activity" and cols.get("occurred_at") is None:
            cols["occurred_at"] = _naive(rec["updated_at"])
        if entity == "activity" and not cols.get("type"):
            cols["type"] = "note"
        if entity == "task" and not cols.get("title"):
            cols["title"] = "(untitled task)"
        if entity == "company" and not cols.get("name"):
            cols["name"] = "(unnamed company)"
        if entity == "contact":
            cols["first_name"] = cols.get("first_name") or ""
            cols["last_name"] = cols.get("last_name") or ""
        return cols

    def _merge_one(self, ses: Any, entity: str, obj: Any, rec: Record, link: Any,
                   pending_rows: list[s.OutboxItem], to_local: Any,
                   base_row: SyncBase | None = None) -> list[ConflictRow]:
        fields = {k: v for k, v in rec["fields"].items() if k != "idempotency_key"}
        pending: dict[str, Any] = {}
        for item in pending_rows:
            pending.update(to_neutral(entity, json.loads(item.payload or "{}"),
                                      lambda e, i: self._ext(ses, e, i)))
        pending.pop(UNMAPPED, None)
        changed_remotely = (link is None or link.remote_updated_at is None
                            or _naive(rec["updated_at"]) > link.remote_updated_at)
        base: dict[str, Any]
        if rec["archived"]:
            if not pending:
                ses.delete(obj)
                if link is not None:
                    ses.delete(link)
                if base_row is not None:
                    ses.delete(base_row)
                return []
            fields, pending, base = {"_archived": True}, {"_archived": False}, {"_archived": False}
        else:
            stored = json.loads(base_row.fields) if base_row is not None and base_row.fields else {}
            # per field: the remote value at the last pull/push; a field with no stored base
            # (synced before migration 0002) conflicts when the record changed remotely at all
            base = {k: stored[k] if k in stored else (object() if changed_remotely else v)
                    for k, v in fields.items()}
            if base_row is not None:
                base_row.fields = _dumps(dict(stored, **fields))
        apply, conflicts = merge_fields(fields, base, pending)
        if entity == "deal":
            seen = base.get(DEAL_CONTACTS)
            self._link_deal_contacts(ses, obj.id, apply.get(DEAL_CONTACTS), to_local,
                                     exact=not pending_rows,
                                     previous=seen if isinstance(seen, list) else ())
        self._unlink_cleared(ses, entity, obj, apply)
        for col, value in to_columns(entity, apply, to_local).items():
            if col == "first_name" or col == "last_name" or col == "name" or col == "title":
                value = value or ""
            if value is None and col in ("occurred_at", "type", "stage_id", "pipeline_id",
                                         "currency"):
                continue  # NOT NULL columns keep their value when the remote one is empty
            setattr(obj, col, value)
        if link is None:
            self._link(ses, entity, obj.id, rec["external_id"], rec["updated_at"])
        elif rec["updated_at"]:
            link.remote_updated_at = max(link.remote_updated_at or _naive(0),
                                         _naive(rec["updated_at"]))
        out = []
        for c in conflicts:
            dup = ses.execute(select(s.SyncConflict.id).where(
                s.SyncConflict.source == self.source, s.SyncConflict.entity_type == entity,
                s.SyncConflict.local_id == obj.id, s.SyncConflict.field == c.field,
                s.SyncConflict.status == "open")).scalar()
            if dup:
                continue
            row = s.SyncConflict(at=datetime.utcnow(), source=self.source, entity_type=entity,
                                 local_id=obj.id, field=c.field, local_value=json.dumps(c.local),
                                 remote_value=json.dumps(c.remote), status="open")
            ses.add(row)
            ses.flush()
            out.append(self._conflict(row))
            for item in pending_rows:
                item.status = "blocked"
        return out

    # -- push --------------------------------------------------------------------------------
    def outbox_unsent(self) -> list[OutboxRow]:
        """Unsent rows for this CRM, in id order; rows no CRM has claimed yet are claimed for it
        (``outbox.crm``), so two connected CRMs never push or list the same row."""
        with self.ws.uow() as uow:
            ses = uow.session
            if outbox.claim(ses, self.source, OBJECT_TYPES):
                uow.commit()
            items = outbox.unsent(ses, self.source, OBJECT_TYPES)
            bases = self._bases(ses, {(i.entity_type, i.local_id) for i in items
                                      if i.op in ("create", "update")})
            rows = [self._row(ses, i, bases.get((i.entity_type, i.local_id))) for i in items]
            # the records' CRM ids and create keys, in two queries for the whole outbox
            wanted = {(r.entity_type, r.local_id) for r in rows}
            types = {t for t, _ in wanted}
            ids = {i for _, i in wanted}
            ext = {(e.entity_type, e.local_id): e.record_id for e in ses.execute(
                select(s.ExternalId).where(s.ExternalId.source == self.source,
                                           s.ExternalId.entity_type.in_(types),
                                           s.ExternalId.local_id.in_(ids))).scalars()} if rows else {}
            keys: dict[tuple[str, int], str] = {}
            for t, i, key in ses.execute(select(
                    s.OutboxItem.entity_type, s.OutboxItem.local_id, s.OutboxItem.idempotency_key)
                    .where(s.OutboxItem.op == "create", s.OutboxItem.entity_type.in_(types),
                           s.OutboxItem.local_id.in_(ids)).order_by(s.OutboxItem.id.desc())):
                keys[(t, i)] = key  # descending: the earliest create wins
            for r in rows:
                k = (r.entity_type, r.local_id)
                r.prefetched, r.record_external_id, r.record_key = True, ext.get(k), keys.get(k)
            return rows

    def _bases(self, ses: Any, keys: set[tuple[str, int]]) -> dict[tuple[str, int], dict[str, Any]]:
        """Stored bases (remote fields at the last pull/push) of ``(entity, local id)`` pairs."""
        out: dict[tuple[str, int], dict[str, Any]] = {}
        for entity in {e for e, _ in keys}:
            ids = [i for e, i in keys if e == entity]
            for i in range(0, len(ids), 500):
                for b in ses.execute(select(SyncBase).where(
                        SyncBase.source == self.source, SyncBase.entity_type == entity,
                        SyncBase.local_id.in_(ids[i:i + 500]))).scalars():
                    out[(entity, b.local_id)] = json.loads(b.fields) if b.fields else {}
        return out

    def external_id(self, entity_type: str, local_id: int) -> str | None:
        with self.ws.uow() as uow:
            return self._ext(uow.session, entity_type, local_id)

    def record_key(self, entity_type: str, local_id: int) -> str | None:
        with self.ws.uow() as uow:
            return uow.session.execute(select(s.OutboxItem.idempotency_key).where(
                s.OutboxItem.entity_type == entity_type, s.OutboxItem.local_id == local_id,
                s.OutboxItem.op == "create").order_by(s.OutboxItem.id)).scalars().first()

    def mark_sent(self, sent: list[tuple[int, str | None]]) -> None:
        with self.ws.uow() as uow:
            ses = uow.session
            now = datetime.utcnow()
            items = {i.id: i for i in ses.execute(select(s.OutboxItem).where(
                s.OutboxItem.id.in_([row_id for row_id, _ in sent]))).scalars()}
            types = {i.entity_type for i in items.values()}
            links = {(lk.entity_type, lk.local_id): lk for lk in ses.execute(
                select(s.ExternalId).where(
                    s.ExternalId.source == self.source, s.ExternalId.entity_type.in_(types),
                    s.ExternalId.local_id.in_([i.local_id for i in items.values()]))).scalars()}
            for row_id, ext in sent:
                item = items[row_id]
                outbox.mark_sent(item, now)
                k = (item.entity_type, item.local_id)
                if ext and k not in links:
                    links[k] = s.ExternalId(source=self.source, entity_type=k[0], record_id=ext,
                                            local_id=k[1])
                    ses.add(links[k])
                elif ext:
                    links[k].record_id = ext
                # the record's remote state now includes this push: its echo in the next pull
                # is not a remote change
                if k in links:
                    links[k].remote_updated_at = max(links[k].remote_updated_at or now, now)
            self._push_bases(ses, [items[row_id] for row_id, _ in sent])
            uow.commit()

    def _push_bases(self, ses: Any, items: list[s.OutboxItem]) -> None:
        """Fold pushed create/update payloads into the records' bases: after a push the remote
        value of those fields is the pushed one, so its echo in the next pull is no change."""
        items = [i for i in items if i.op in ("create", "update")]
        if not items:
            return
        pushed: dict[tuple[str, int], dict[str, Any]] = {}
        for item in items:
            neutral = to_neutral(item.entity_type, json.loads(item.payload or "{}"),
                                 lambda e, i: self._ext(ses, e, i))
            neutral.pop(UNMAPPED, None)
            if item.entity_type == "deal":  # the contacts pushed with the deal are the remote set now
                neutral[DEAL_CONTACTS] = sorted(e for e in (self._ext(ses, "contact", c) for c in ses.execute(
                    select(s.DealContact.contact_id).where(
                        s.DealContact.deal_id == item.local_id)).scalars()) if e)
            pushed.setdefault((item.entity_type, item.local_id), {}).update(neutral)
        for entity in {t for t, _ in pushed}:
            ids = [i for t, i in pushed if t == entity]
            rows = {b.local_id: b for b in ses.execute(select(SyncBase).where(
                SyncBase.source == self.source, SyncBase.entity_type == entity,
                SyncBase.local_id.in_(ids))).scalars()}
            for local_id in ids:
                row = rows.get(local_id)
                if row is None:
                    row = SyncBase(source=self.source, entity_type=entity, local_id=local_id,
                                   fields="{}")
                    ses.add(row)
                stored = json.loads(row.fields or "{}")
                row.fields = _dumps(dict(stored, **pushed[(entity, local_id)]))

    def mark_retry(self, row_ids: list[int], error: str, next_attempt_at: float, *,
                   count_attempt: bool = True) -> None:
        with self.ws.uow() as uow:
            outbox.mark_retry(uow.session, row_ids, error, _naive(next_attempt_at * 1000),
                              count_attempt=count_attempt)
            uow.commit()

    def mark_dead(self, row_id: int, reason: str) -> None:
        with self.ws.uow() as uow:
            outbox.mark_dead(uow.session, row_id, reason)
            uow.commit()

    # -- conflicts ---------------------------------------------------------------------------
    @staticmethod
    def _conflict(row: s.SyncConflict) -> ConflictRow:
        return ConflictRow(id=row.id, at=_epoch(row.at) or 0.0, source=row.source,
                           entity_type=row.entity_type, local_id=row.local_id, field=row.field,
                           local_value=json.loads(row.local_value) if row.local_value else None,
                           remote_value=json.loads(row.remote_value) if row.remote_value else None,
                           status=row.status)

    def conflicts(self, status: str = "open") -> list[ConflictRow]:
        with self.ws.uow() as uow:
            rows = uow.session.execute(select(s.SyncConflict).where(
                s.SyncConflict.source == self.source, s.SyncConflict.status == status)
                .order_by(s.SyncConflict.id)).scalars().all()
            return [self._conflict(r) for r in rows]

    def resolve_conflict(self, conflict_id: int, keep: str, *, actor: str = "user") -> None:
        """Resolve one conflict (``keep``: ``"local"`` pushes the local value, ``"remote"`` takes
        the CRM's), in one unit of work with an audit entry (kind ``conflict_resolved``, the
        field's values and every row the decision changed)."""
        if keep not in ("local", "remote"):
            raise ValueError("keep must be 'local' or 'remote'")
        with self.ws.uow() as uow:
            ses = uow.session
            changes = ChangeSet()
            tracker = track_changes(ses, changes)
            tracker.__enter__()
            c = ses.get(s.SyncConflict, conflict_id)
            if c is None:
                raise RecordNotFound(f"no sync conflict #{conflict_id}", "see the open ones with `spectrum sync status`")
            items = ses.execute(select(s.OutboxItem).where(
                s.OutboxItem.entity_type == c.entity_type, s.OutboxItem.local_id == c.local_id,
                s.OutboxItem.status.in_(UNSENT))).scalars().all()
            remote = json.loads(c.remote_value) if c.remote_value else None
            if keep == "remote":
                c.status = "took_remote"
                obj = ses.get(MODELS[c.entity_type], c.local_id)
                if c.field == "_archived":
                    if obj is not None:
                        ses.delete(obj)
                    ses.execute(delete(SyncBase).where(
                        SyncBase.source == self.source, SyncBase.entity_type == c.entity_type,
                        SyncBase.local_id == c.local_id))
                    for item in items:
                        item.status, item.last_error = "sent", "superseded: archived remotely"
                else:
                    to_local = lambda e, x: (lambda r: r.local_id if r else None)(  # noqa: E731
                        self._local(ses, e, x))
                    cols = to_columns(c.entity_type, {c.field: remote}, to_local)
                    for col, value in cols.items():
                        setattr(obj, col, value)
                    for item in items:
                        payload = json.loads(item.payload or "{}")
                        for col in cols:
                            payload.pop(col, None)
                        item.payload = json.dumps(payload, default=str)
                        if not payload and item.op == "update":
                            item.status, item.last_error = "sent", "superseded by the remote value"
            else:
                c.status = "kept_local"
            ses.flush()
            still_open = ses.execute(select(s.SyncConflict.id).where(
                s.SyncConflict.source == self.source, s.SyncConflict.entity_type == c.entity_type,
                s.SyncConflict.local_id == c.local_id, s.SyncConflict.status == "open")).first()
            if not still_open:
                for item in items:
                    if item.status == "blocked":
                        item.status = "pending"
            ses.flush()
            tracker.__exit__(None, None, None)
            commit_changes(ses, changes, actor=actor, kind="conflict_resolved",
                           summary=f"{c.entity_type} {c.local_id} {c.field}: kept the "
                                   f"{'local' if keep == 'local' else CRM_NAMES.get(self.source, self.source)} value",
                           payload={"source": self.source, "conflict_id": c.id, "field": c.field,
                                    "keep": keep, "local_value": c.local_value,
                                    "remote_value": c.remote_value})
            uow.commit()

    def summary(self) -> dict[str, Any]:
        with self.ws.uow() as uow:
            ses = uow.session
            counts = outbox.counts(ses, self.source)
            dead = outbox.listed(ses, self.source, held=False)
            held = outbox.listed(ses, self.source, held=True)
            cursors = {r.object_type: json.loads(r.cursor) if r.cursor else None
                       for r in ses.execute(select(s.SyncCursor).where(
                           s.SyncCursor.source == self.source)).scalars()}
        return {"source": self.source, "outbox": counts, "dead_letters": dead, "held": held,
                "open_conflicts": [c.__dict__ for c in self.conflicts()], "cursors": cursors}

def map_stage(workspace: Workspace, source: str, label: str, crm_stage: str, *,
              pipeline: str | None = None, actor: str = "user") -> dict[str, Any]:
    """Map a local stage that has no CRM stage (e.g. one made in Spectrum or by an import) to a
    stage of ``source``'s pipelines, so held stage moves can be pushed: one unit of work with an
    audit entry (kind ``stage_mapped``); held outbox rows are released at once (sent by the next
    sync). The stage's pipeline is mapped to the CRM stage's pipeline when it has no CRM id.

    Args:
        label: the local stage's label (``pipeline``: its pipeline's name when ambiguous).
        crm_stage: the CRM stage's id or label, as pulled from the CRM (``spectrum sync``).
    Returns: ``{"stage", "crm_stage_id", "crm_pipeline_id", "released"}``.
    Raises:
        desktop.store.errors.RecordNotFound: no such local stage, or no such stage pulled from
            ``source``.
    """
    with workspace.uow() as uow:
        ses = uow.session
        local = _stage(ses, label, pipeline)
        crm = CRM_NAMES.get(source, source)
        known = ses.execute(select(s.ExternalId, s.Stage).join(
            s.Stage, s.Stage.id == s.ExternalId.local_id).where(
            s.ExternalId.source == source, s.ExternalId.entity_type == "stage")).all()
        match = [(e, st) for e, st in known if e.record_id == crm_stage.strip()] or [
            (e, st) for e, st in known if st.label.lower() == crm_stage.strip().lower()]
        if not match:
            raise RecordNotFound(f"no {crm} stage {crm_stage!r}",
                                 f"pull the {crm} pipelines first (`spectrum sync`); known: "
                                 + ", ".join(f"{st.label} ({e.record_id})" for e, st in known))
        ext, crm_local = match[0]
        pipe_ext = ses.execute(select(s.ExternalId.record_id).where(
            s.ExternalId.source == source, s.ExternalId.entity_type == "pipeline",
            s.ExternalId.local_id == crm_local.pipeline_id)).scalar()
        key = STAGE_MAP_KEY.format(source=source)
        row = ses.get(s.Setting, key)
        before = json.loads(row.value) if row and row.value else {}
        after = dict(before, **{f"stage:{local.id}": ext.record_id})
        has_pipe = ses.execute(select(s.ExternalId.id).where(
            s.ExternalId.source == source, s.ExternalId.entity_type == "pipeline",
            s.ExternalId.local_id == local.pipeline_id)).first()
        if pipe_ext and not has_pipe:
            after[f"pipeline:{local.pipeline_id}"] = pipe_ext
        if row is None:
            row = s.Setting(key=key, value="{}")
            ses.add(row)
        row.value = json.dumps(after, sort_keys=True)
        released = outbox.release_held(ses, source)
        commit_changes(ses, [{"entity": "setting", "id": key, "op": "update" if before else "create",
                              "before": {"value": before} if before else None,
                              "after": {"value": after}}],
                       actor=actor, kind="stage_mapped",
                       summary=f"Stage {local.label} mapped to {crm} stage {crm_local.label}",
                       payload={"source": source, "stage_id": local.id, "stage": local.label,
                                "crm_stage_id": ext.record_id, "crm_pipeline_id": pipe_ext,
                                "released_rows": released})
        uow.commit()
        return {"stage": local.label, "crm_stage_id": ext.record_id, "crm_pipeline_id": pipe_ext,
                "released": released}


def unmapped_stages(ses: Any) -> list[dict[str, Any]]:
    """Local stages that have no stage in a CRM whose pipelines were pulled (so moves to them are
    held), per CRM: ``[{"crm", "crm_name", "stage", "pipeline", "held": rows held,
    "choices": [(CRM stage id, label), ...]}]`` in pipeline order."""
    out: list[dict[str, Any]] = []
    sources = sorted(set(ses.execute(select(s.ExternalId.source).where(
        s.ExternalId.entity_type == "stage")).scalars()))
    stages = ses.execute(select(s.Stage, s.Pipeline.name).join(
        s.Pipeline, s.Pipeline.id == s.Stage.pipeline_id).order_by(
        s.Stage.pipeline_id, s.Stage.position)).all()
    held = [r for r, in ses.execute(select(s.OutboxItem.last_error).where(
        s.OutboxItem.status == "retrying", s.OutboxItem.last_error.like(outbox.HELD_PREFIX + "%")))]
    for source in sources:
        linked = dict(ses.execute(select(s.ExternalId.local_id, s.ExternalId.record_id).where(
            s.ExternalId.source == source, s.ExternalId.entity_type == "stage")).all())
        mapped = {int(k.split(":")[1]) for k in stage_map(ses, source) if k.startswith("stage:")}
        choices = [(linked[st.id], st.label) for st, _p in stages if st.id in linked]
        crm = CRM_NAMES.get(source, source)
        for st, pipe in stages:
            if st.id in linked or st.id in mapped:
                continue
            needle = f"stage {st.label!r} has no {crm} stage"
            out.append({"crm": source, "crm_name": crm, "stage": st.label, "pipeline": pipe,
                        "held": sum(needle in r for r in held), "choices": choices})
    return out
