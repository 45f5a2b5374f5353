"""Import CSV exports into the workspace: one transaction per run, idempotent by external id.

Files are recognised by header (:mod:`desktop.importer.layouts`) and imported in dependency order
(companies, contacts, deals, activities, subscriptions, expenses). Rows that cannot be imported are
skipped and reported as ``file:line: reason``; with ``strict=True`` any such row aborts the run and
nothing is written. Re-importing the same files updates records by ``(source, record id)`` and
creates no duplicates. Writes use SQLAlchemy Core executemany in chunks, so a 670k-row workspace
imports in seconds.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Table, bindparam, delete, insert, select, update
from sqlalchemy.orm import Session

from desktop.domain import pipeline as rules
from desktop.gc_pause import bulk_work
from desktop.importer.layouts import LAYOUTS, PARSERS, Layout, Row, RowProblem, detect_layout, header_warnings
from desktop.store import schema as s
from desktop.store.audit import append as audit_append
from desktop.store.db import Workspace

CHUNK = 5000
#: From this much CSV on, a SQLite import drops the secondary indexes of the tables it loads and
#: rebuilds them at the end (one sorted build beats maintaining B-trees row by row), in the same
#: transaction, so a failed import leaves them as they were.
BULK_BYTES = 8 * 1024 * 1024
#: The ORM classes the importer writes (each with an integer ``id`` primary key).
Model = (type[s.Company] | type[s.Contact] | type[s.Deal] | type[s.Activity] | type[s.Subscription]
         | type[s.Expense] | type[s.ExternalId])

_LAYOUT_TABLES: dict[str, Model] = {"companies": s.Company, "contacts": s.Contact, "deals": s.Deal,
                  "activities": s.Activity, "subscriptions": s.Subscription, "expenses": s.Expense}
csv.field_size_limit(16 * 1024 * 1024)

#: progress(file name, bytes read so far, file size in bytes, rows done)
Progress = Callable[[str, int, int, int], None]


class ImportFailed(Exception):
    """The run wrote nothing: a file is missing/unreadable/of unknown layout, or ``strict`` saw
    bad rows. ``problems`` lists ``file:line: reason`` strings."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


@dataclass
class ImportReport:
    """What a run did: rows imported (created + updated) and skipped per layout, and why."""

    created: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    updated: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    skipped: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    problems: list[str] = field(default_factory=list)
    files: list[tuple[str, str]] = field(default_factory=list)  # (path, layout)
    warnings: list[str] = field(default_factory=list)  # "file:1: ..." about columns (nothing skipped)

    @property
    def imported(self) -> int:
        """Rows created or updated."""
        return sum(self.created.values()) + sum(self.updated.values())

    @property
    def skipped_total(self) -> int:
        """Rows skipped because of a problem."""
        return sum(self.skipped.values())

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready summary."""
        return {"imported": self.imported, "skipped": self.skipped_total,
                "created": dict(self.created), "updated": dict(self.updated),
                "skipped_by_layout": dict(self.skipped), "problems": self.problems, "warnings": self.warnings,
                "files": [{"path": p, "layout": lay} for p, lay in self.files]}


def collect_files(paths: Iterable[str | Path]) -> list[tuple[Path, Layout]]:
    """Expand folders to their ``*.csv`` files, detect each layout, order by dependency.

    Raises:
        ImportFailed: a path does not exist, is unreadable, or a CSV has an unknown layout or lacks
            a required column (the message names the file and the columns).
    """
    found: list[tuple[Path, Layout]] = []
    for raw in paths:
        p = Path(raw)
        if not p.exists():
            raise ImportFailed(f"{p}: no such file or folder")
        files = sorted(p.glob("*.csv")) if p.is_dir() else [p]
        if p.is_dir() and not files:
            raise ImportFailed(f"{p}: the folder holds no .csv files")
        for f in files:
            try:
                with open(f, newline="", encoding="utf-8-sig") as fh:
                    header = next(csv.reader(fh), [])
            except (OSError, UnicodeDecodeError) as exc:
                raise ImportFailed(f"{f}: cannot read the file ({exc})") from exc
            layout = detect_layout(header)
            if layout is None:
                raise ImportFailed(
                    f"{f}:1: unknown CSV layout (header: {', '.join(header[:8])}) — expected a HubSpot "
                    "export of companies, contacts, deals or activities, a Stripe subscriptions export, "
                    "or an expenses ledger (Date, Category, Vendor, Amount, Currency)")
            missing = layout.required - {h.strip().lower() for h in header}
            if missing:
                raise ImportFailed(f"{f}:1: {layout.name} file lacks required column(s): "
                                   + ", ".join(sorted(missing)))
            found.append((f, layout))
    return sorted(found, key=lambda fl: fl[1].order)


def _rows(path: Path, progress: Progress | None) -> Iterator[tuple[int, Row]]:
    size = os.path.getsize(path)
    with open(path, "rb") as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
        reader = csv.reader(text)
        header = next(reader)
        idx = {h.strip().lower(): i for i, h in enumerate(header)}
        width = len(header)
        n = 0
        for values in reader:
            values = [v.strip() for v in values]
            if not any(values):
                continue
            if len(values) < width:
                values += [""] * (width - len(values))
            n += 1
            yield reader.line_num, Row(idx, values)
            if progress and n % 20000 == 0:
                progress(path.name, raw.tell(), size, n)
        if progress:
            progress(path.name, size, size, n)


class _Importer:
    """One run's state: id maps, id counters, stage cache. Lives inside one session."""

    def __init__(self, session: Session, report: ImportReport, now: datetime) -> None:
        self.session = session
        self.report = report
        self.now = now
        self.next_ids: dict[str, int] = {}
        self.used: dict[str, set[int]] = {}
        self.maps: dict[tuple[str, str], dict[str, int]] = {}
        self.stages: dict[tuple[str, str], int] = {}
        self.pipelines: dict[str, int] = {}
        self.stage_pipeline: dict[int, int] = {}
        self.deal_activity: dict[int, datetime] = {}
        self.conn = session.connection()
        self.sqlite = self.conn.dialect.name == "sqlite"
        if self.sqlite:  # a bigger page cache keeps index B-trees in memory during bulk loads
            self.conn.exec_driver_sql("PRAGMA cache_size=-262144")
            self.conn.exec_driver_sql("PRAGMA temp_store=MEMORY")

    # -- helpers ---------------------------------------------------------------------------
    def ext_map(self, source: str, entity: str) -> dict[str, int]:
        key = (source, entity)
        if key not in self.maps:
            rows = self.conn.execute(select(s.ExternalId.record_id, s.ExternalId.local_id).where(
                s.ExternalId.source == source, s.ExternalId.entity_type == entity))
            self.maps[key] = {r: i for r, i in rows}
        return self.maps[key]

    def alloc(self, table: Model, preferred: str | None = None) -> int:
        """A free local id: the source's numeric record id when it is free (so a HubSpot record
        keeps its number on a first import), else one past the highest id in use."""
        name = table.__tablename__
        if name not in self.used:
            self.used[name] = set(self.conn.execute(select(table.id)).scalars())
            self.next_ids[name] = max(self.used[name], default=0) + 1
        used = self.used[name]
        if preferred and preferred.isdigit() and len(preferred) < 10:
            value = int(preferred)
            if value not in used:
                used.add(value)
                return value
        value = self.next_ids[name]
        while value in used:
            value += 1
        used.add(value)
        self.next_ids[name] = value + 1
        return value

    def stage_id(self, pipeline: str, label: str) -> int:
        key = (pipeline, label)
        if key in self.stages:
            return self.stages[key]
        pid = self.pipelines.get(pipeline)
        if pid is None:
            pid = self.conn.execute(select(s.Pipeline.id).where(s.Pipeline.name == pipeline)).scalar()
            if pid is None:
                pid = self.conn.execute(insert(s.Pipeline).values(name=pipeline)).inserted_primary_key[0]
            self.pipelines[pipeline] = pid
        sid = self.conn.execute(select(s.Stage.id).where(s.Stage.pipeline_id == pid,
                                                         s.Stage.label == label)).scalar()
        if sid is None:
            sid = self.conn.execute(insert(s.Stage).values(
                pipeline_id=pid, label=label, position=10**6,
                probability=rules.default_probability(label), is_won=rules.is_won_label(label),
                is_lost=rules.is_lost_label(label))).inserted_primary_key[0]
            self._place(pid, sid, label)
        self.stages[key] = sid
        self.stage_pipeline[sid] = pid
        return sid

    def drop_indexes(self, layouts: list[str]) -> list[Any]:
        """Drop the secondary indexes of the tables these layouts load (SQLite only), inside the
        import's transaction; returns the :class:`sqlalchemy.Index` objects to re-create."""
        if not self.sqlite:
            return []
        # Python's sqlite3 opens a transaction only before INSERT/UPDATE/DELETE: a DROP INDEX issued
        # first would commit on its own, and a failed import could not bring the index back. Open
        # the transaction here so the drop, the rows and the re-create commit or roll back together.
        raw = self.conn.connection.driver_connection
        if raw is None:
            raise RuntimeError("the import's database connection is closed")
        if not raw.in_transaction:
            self.conn.exec_driver_sql("BEGIN")
        tables = [t for t in [*(_LAYOUT_TABLES[name].__table__ for name in layouts), s.ExternalId.__table__]
                  if isinstance(t, Table)]
        dropped = []
        for table in dict.fromkeys(tables):
            for index in table.indexes:
                index.drop(self.conn, checkfirst=True)
                dropped.append(index)
        return dropped

    def _place(self, pipeline_id: int, new_id: int, label: str) -> None:
        """Put a new stage among the existing ones by rank; existing stages keep their order."""
        rows = self.conn.execute(select(s.Stage.id, s.Stage.label).where(
            s.Stage.pipeline_id == pipeline_id, s.Stage.id != new_id).order_by(
            s.Stage.position, s.Stage.id)).all()
        rank = rules.stage_rank(label)
        at = next((i for i, r in enumerate(rows) if rules.stage_rank(r.label) > rank), len(rows))
        ordered = [r.id for r in rows[:at]] + [new_id] + [r.id for r in rows[at:]]
        self.conn.execute(update(s.Stage).where(s.Stage.id == bindparam("sid")).values(
            position=bindparam("pos")), [{"sid": sid, "pos": i} for i, sid in enumerate(ordered)])

    def flush(self, table: Model, inserts: list[dict[str, Any]], updates: list[dict[str, Any]], ext_rows: list[dict[str, Any]]) -> None:
        if inserts:
            self._insert(table, inserts)
        if ext_rows:
            self._insert(s.ExternalId, ext_rows)
        if updates:
            cols = [k for k in updates[0] if k != "id"]
            stmt = update(table).where(table.id == bindparam("_id")).values(
                {c: bindparam(c) for c in cols})
            self.conn.execute(stmt, [{**{c: u[c] for c in cols}, "_id": u["id"]} for u in updates])
        inserts.clear()
        updates.clear()
        ext_rows.clear()

    def _insert(self, table: Model, rows: list[dict[str, Any]]) -> None:
        """Bulk insert. On SQLite, straight DB-API executemany with values rendered the way
        SQLAlchemy stores them (ISO text for dates/times), skipping per-row bind processing."""
        if not self.sqlite:
            self.conn.execute(insert(table), rows)
            return
        defaults = {c.key: c.default.arg for c in table.__table__.columns
                    if c.default is not None and c.default.is_scalar and c.key not in rows[0]}
        temporal = [c for c in rows[0] if isinstance(rows[0][c], (date, datetime))
                    or _is_temporal(table, c)]
        if temporal:
            for r in rows:
                for c in temporal:
                    v = r[c]
                    if v is not None:
                        r[c] = v.isoformat(sep=" ", timespec="microseconds") if isinstance(v, datetime) \
                            else v.isoformat()
        cols = list(rows[0])
        extra = tuple(defaults.values())
        sql = (f"INSERT INTO {table.__tablename__} ({', '.join(cols + list(defaults))}) "
               f"VALUES ({', '.join('?' for _ in range(len(cols) + len(defaults)))})")
        self.conn.exec_driver_sql(sql, [(*map(r.get, cols), *extra) for r in rows])

    def problem(self, path: Path, line: int, layout: str, reason: str) -> None:
        self.report.problems.append(f"{path}:{line}: {reason}")
        self.report.skipped[layout] += 1

    # -- one file --------------------------------------------------------------------------
    def run_file(self, path: Path, layout: Layout, progress: Progress | None) -> None:
        handler = getattr(self, f"_prepare_{layout.name}")
        table = _LAYOUT_TABLES[layout.name]
        source = {"subscriptions": "stripe", "expenses": "ledger"}.get(layout.name, "hubspot")
        entity = layout.name.rstrip("s") if layout.name != "activities" else "activity"
        if layout.name == "companies":
            entity = "company"
        ext = self.ext_map(source, entity)
        inserts: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        ext_rows: list[dict[str, Any]] = []
        self._assoc: list[dict[str, Any]] = []
        self._assoc_reset: list[int] = []
        seen_keys: dict[str, int] = defaultdict(int)
        first_line: dict[str, int] = {}
        parser = PARSERS[layout.name]
        for line, row in _rows(path, progress):
            try:
                data = parser(row)
                if layout.name == "expenses":
                    key = "|".join(str(data[k]) for k in ("date", "category", "vendor", "amount_cents",
                                                          "currency"))
                    seen_keys[key] += 1
                    data["record_id"] = hashlib.sha1(f"{key}#{seen_keys[key]}".encode()).hexdigest()[:20]
                elif data["record_id"] in first_line:
                    # the same record twice in one file: which row is right is not ours to guess
                    raise RowProblem(f"duplicate {'Activity ID' if layout.name == 'activities' else 'Record ID'} "
                                     f"{data['record_id']!r} (first on line {first_line[data['record_id']]})")
                first_line.setdefault(data["record_id"], line)
                record_id = data.pop("record_id")
                local = ext.get(record_id)
                values = handler(data, local)
            except RowProblem as exc:
                self.problem(path, line, layout.name, str(exc))
                continue
            if local is None:
                local = self.alloc(table, record_id)
                values["id"] = local
                ext[record_id] = local
                inserts.append(values)
                ext_rows.append({"source": source, "entity_type": entity, "record_id": record_id,
                                 "local_id": local})
                self.report.created[layout.name] += 1
            else:
                values["id"] = local
                updates.append(values)
                self.report.updated[layout.name] += 1
            self._after_row(layout.name, local, data)
            if len(inserts) + len(updates) >= CHUNK:
                self.flush(table, inserts, updates, ext_rows)
        self.flush(table, inserts, updates, ext_rows)
        if layout.name == "deals":
            if self._assoc_reset:
                for i in range(0, len(self._assoc_reset), 900):
                    self.conn.execute(delete(s.DealContact).where(
                        s.DealContact.deal_id.in_(self._assoc_reset[i:i + 900])))
            if self._assoc:
                self.conn.execute(insert(s.DealContact), self._assoc)

    def _resolve(self, refs: list[str], entity: str, what: str) -> int | None:
        if not refs:
            return None
        m = self.maps.get(("hubspot", entity)) or self.ext_map("hubspot", entity)
        for ref in refs:
            local = m.get(ref)
            if local is not None:
                return local
        raise RowProblem(f"unknown {what} id {refs[0]} (not in this import or the workspace)")

    def _prepare_companies(self, d: dict[str, Any], local: int | None) -> dict[str, Any]:
        d["updated_at"] = self.now
        return d

    def _prepare_contacts(self, d: dict[str, Any], local: int | None) -> dict[str, Any]:
        d["company_id"] = self._resolve(d.pop("company_refs"), "company", "company")
        d["updated_at"] = self.now
        return d

    def _prepare_deals(self, d: dict[str, Any], local: int | None) -> dict[str, Any]:
        d["company_id"] = self._resolve(d.pop("company_refs"), "company", "company")
        contacts = d.pop("contact_refs")
        cmap = self.ext_map("hubspot", "contact")
        missing = [c for c in contacts if c not in cmap]
        if missing:
            raise RowProblem(f"unknown contact id {missing[0]} (not in this import or the workspace)")
        d["_contacts"] = [cmap[c] for c in contacts]
        sid = self.stage_id(d.pop("pipeline"), d.pop("stage"))
        d["stage_id"] = sid
        d["pipeline_id"] = self.stage_pipeline[sid]
        d["updated_at"] = self.now
        out = {k: v for k, v in d.items() if not k.startswith("_")}
        return out

    def _prepare_activities(self, d: dict[str, Any], local: int | None) -> dict[str, Any]:
        d["contact_id"] = self._resolve(d.pop("contact_refs"), "contact", "contact")
        d["deal_id"] = self._resolve(d.pop("deal_refs"), "deal", "deal")
        return d

    def _prepare_subscriptions(self, d: dict[str, Any], local: int | None) -> dict[str, Any]:
        return d

    def _prepare_expenses(self, d: dict[str, Any], local: int | None) -> dict[str, Any]:
        return d

    def _after_row(self, layout: str, local: int, data: dict[str, Any]) -> None:
        if layout == "deals":
            self._assoc_reset.append(local)
            seen = set()
            for cid in data.get("_contacts", []):
                if cid not in seen:
                    seen.add(cid)
                    self._assoc.append({"deal_id": local, "contact_id": cid})
        elif layout == "activities" and data.get("deal_id"):
            at = data["occurred_at"]
            prev = self.deal_activity.get(data["deal_id"])
            if prev is None or at > prev:
                self.deal_activity[data["deal_id"]] = at

    def finish(self) -> None:
        """Raise deals' ``last_activity_at`` to their newest imported activity."""
        if not self.deal_activity:
            return
        ids = list(self.deal_activity)
        current: dict[int, datetime | None] = {}
        for i in range(0, len(ids), 900):
            for did, at in self.conn.execute(select(s.Deal.id, s.Deal.last_activity_at).where(
                    s.Deal.id.in_(ids[i:i + 900]))):
                current[did] = at
        changes = [{"_id": d, "at": at} for d, at in self.deal_activity.items()
                   if d in current and ((cur := current[d]) is None or at > cur)]
        if changes:
            self.conn.execute(update(s.Deal).where(s.Deal.id == bindparam("_id")).values(
                last_activity_at=bindparam("at")), changes)


def _is_temporal(table: Model, col: str) -> bool:
    column = table.__table__.columns.get(col)
    return column is not None and column.type.__class__.__name__ in ("Date", "DateTime")


def import_paths(workspace: Workspace, paths: Iterable[str | Path], *, strict: bool = False,
                 progress: Progress | None = None, now: datetime | None = None,
                 actor: str = "user") -> ImportReport:
    """Import every recognised CSV under ``paths`` in one transaction.

    Args:
        strict: abort (write nothing) if any row has a problem.
        progress: called as rows are read (see :data:`Progress`).
        now: timestamp for ``updated_at`` and the audit entry (naive UTC; default: now).
    Returns: an :class:`ImportReport`.
    Raises:
        ImportFailed: nothing was written (see the class).
        WorkspaceError: the database refused the write (locked, read-only, corrupt).
    """
    files = collect_files(paths)
    report = ImportReport(files=[(str(p), lay.name) for p, lay in files])
    for path, layout in files:
        with open(path, newline="", encoding="utf-8-sig") as fh:
            report.warnings += [f"{path}:1: {w}" for w in header_warnings(next(csv.reader(fh), []), layout)]
    now = now or datetime.utcnow()
    bulk = sum(os.path.getsize(p) for p, _ in files) >= BULK_BYTES
    with bulk_work(), workspace.uow() as uow:
        imp = _Importer(uow.session, report, now)
        dropped = imp.drop_indexes([lay.name for _, lay in files]) if bulk else []
        for path, layout in files:
            imp.run_file(path, layout, progress)
        imp.finish()
        for index in dropped:
            index.create(imp.conn)
        if strict and report.problems:
            raise ImportFailed(f"{len(report.problems)} row(s) have problems; nothing was imported "
                               "(strict mode)", report.problems)
        if workspace.engine.dialect.name == "postgresql":
            for table in imp.next_ids:
                uow.session.connection().exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT COALESCE(MAX(id), 1) FROM {table}))")
        audit_append(uow.session, at=now, actor=actor, kind="import",
                     summary=f"Imported {report.imported} rows, skipped {report.skipped_total}",
                     payload={"files": [p for p, _ in report.files], "created": dict(report.created),
                              "updated": dict(report.updated), "skipped": dict(report.skipped)})
        uow.commit()
    return report


__all__ = ["ImportFailed", "ImportReport", "LAYOUTS", "collect_files", "import_paths"]
