"""Importing CSV exports: recognition, associations, idempotency, bad rows, all-or-nothing."""

from __future__ import annotations

import shutil

import pytest
from sqlalchemy import func, select

from desktop.store import queries
from desktop.store import schema as s
from desktop.store.db import open_workspace
from desktop.store.importer import ImportFailed, import_paths


def _count(ws, model) -> int:
    with ws.uow() as uow:
        return uow.session.execute(select(func.count()).select_from(model)).scalar()


def test_fixture_import_counts_and_associations(workspace):
    assert _count(workspace, s.Company) == 40
    assert _count(workspace, s.Contact) == 90
    assert _count(workspace, s.Deal) == 33
    assert _count(workspace, s.Activity) == 104
    assert _count(workspace, s.Subscription) == 18
    assert _count(workspace, s.Expense) == 64
    with workspace.uow() as uow:
        deal = queries.show(uow.session, "deal", "5001")
        assert deal["name"] == "Acme Corp - Platform Rollout"
        assert deal["company_name"] == "Acme Corp"
        assert [c["first_name"] + " " + c["last_name"] for c in deal["contacts"]] == ["Mike Chen"]
        assert deal["activities"], "activities are linked to their deal"


def test_stages_created_in_pipeline_order(workspace):
    with workspace.uow() as uow:
        labels = [st.label for st in queries.stages(uow.session)]
    assert labels == ["Lead", "Qualified", "Demo Scheduled", "Proposal Sent", "Negotiation",
                      "Closed Won", "Closed Lost"]


def test_reimport_updates_without_duplicates(workspace, fixture_dir):
    report = import_paths(workspace, [fixture_dir])
    assert report.created == {} and report.updated["deals"] == 33
    assert _count(workspace, s.Deal) == 33
    assert _count(workspace, s.Expense) == 64
    assert _count(workspace, s.DealContact) == 33


def test_bad_rows_are_reported_with_file_and_line(tmp_path, fixture_dir, db_url):
    shutil.copy(fixture_dir / "companies.csv", tmp_path / "companies.csv")
    lines = (fixture_dir / "deals.csv").read_text().splitlines()
    lines[2] = lines[2].replace("2026-12-19", "19/12/2026")          # bad date, file line 3
    lines[3] = lines[3].replace(",12000,", ",twelve,")               # bad amount, line 4
    lines[4] = lines[4].replace(",9004,", ",999999,")                # unknown company, line 5
    (tmp_path / "deals.csv").write_text("\n".join(lines) + "\n")
    shutil.copy(fixture_dir / "contacts.csv", tmp_path / "contacts.csv")
    ws = open_workspace(db_url)
    report = import_paths(ws, [tmp_path])
    deals_csv = str(tmp_path / "deals.csv")
    assert report.problems == [
        f"{deals_csv}:3: bad date in 'Close Date': '19/12/2026' (expected YYYY-MM-DD or YYYY-MM-DD HH:MM)",
        f"{deals_csv}:4: bad amount in 'Amount': 'twelve'",
        f"{deals_csv}:5: unknown company id 999999 (not in this import or the workspace)",
    ]
    assert report.skipped["deals"] == 3 and report.created["deals"] == 30
    ws.dispose()


def test_strict_mode_writes_nothing(tmp_path, fixture_dir, db_url):
    shutil.copy(fixture_dir / "companies.csv", tmp_path / "companies.csv")
    lines = (fixture_dir / "companies.csv").read_text().splitlines()
    lines[1] = lines[1].replace(",420,", ",lots,")
    (tmp_path / "companies.csv").write_text("\n".join(lines) + "\n")
    ws = open_workspace(db_url)
    with pytest.raises(ImportFailed) as err:
        import_paths(ws, [tmp_path], strict=True)
    assert err.value.problems[0].endswith("companies.csv:2: bad number in 'Number of Employees': 'lots'")
    assert _count(ws, s.Company) == 0
    ws.dispose()


def test_unknown_layout_and_missing_file(tmp_path, db_url):
    (tmp_path / "weird.csv").write_text("a,b,c\n1,2,3\n")
    ws = open_workspace(db_url)
    with pytest.raises(ImportFailed, match=r"weird.csv:1: unknown CSV layout"):
        import_paths(ws, [tmp_path / "weird.csv"])
    with pytest.raises(ImportFailed, match="no such file"):
        import_paths(ws, [tmp_path / "nope.csv"])
    ws.dispose()


def test_missing_required_column(tmp_path, db_url):
    (tmp_path / "deals.csv").write_text("Record ID,Deal Name,Deal Stage\n1,X,Lead\n")
    (tmp_path / "exp.csv").write_text("Date,Vendor,Amount\n2026-01-01,Gusto,10\n")
    ws = open_workspace(db_url)
    with pytest.raises(ImportFailed, match="expenses file lacks required column"):
        import_paths(ws, [tmp_path / "exp.csv"])
    ws.dispose()


def test_failure_midway_rolls_back(tmp_path, fixture_dir, db_url, monkeypatch):
    ws = open_workspace(db_url)
    import desktop.store.importer as imp

    _crash_after_finish(monkeypatch, imp)
    with pytest.raises(RuntimeError):
        import_paths(ws, [fixture_dir])
    assert _count(ws, s.Company) == 0 and _count(ws, s.Deal) == 0
    ws.dispose()


def _crash_after_finish(monkeypatch, imp):
    """Make the importer fail right after its last step (as if the disk vanished); returns the original."""
    original = imp._Importer.finish

    def boom(self):
        original(self)
        raise RuntimeError("disk vanished")

    monkeypatch.setattr(imp._Importer, "finish", boom)
    return original


def _index_names(ws) -> set[tuple[str, str]]:
    from sqlalchemy import inspect

    insp = inspect(ws.engine)
    return {(t, ix["name"] or ",".join(ix["column_names"])) for t in insp.get_table_names()
            for ix in insp.get_indexes(t)} | {(t, uc["name"] or ",".join(uc["column_names"]))
                                             for t in insp.get_table_names() for uc in insp.get_unique_constraints(t)}


@pytest.mark.parametrize("fail", ["strict", "crash"])
def test_a_failed_bulk_import_keeps_every_index(tmp_path, fixture_dir, db_url, monkeypatch, fail):
    """A bulk import (>= BULK_BYTES, forced small here) that fails writes nothing, indexes included:
    the schema afterwards equals a fresh workspace's, and a later import still finds duplicates."""
    import desktop.store.importer as imp

    fresh = open_workspace(f"sqlite:///{tmp_path / 'fresh.db'}") if db_url.startswith("sqlite") else None
    ws = open_workspace(db_url)
    before = _index_names(ws)
    assert any(t == "external_ids" for t, _ in before)
    monkeypatch.setattr(imp, "BULK_BYTES", 1)
    data = tmp_path / "in"
    shutil.copytree(fixture_dir, data)
    if fail == "strict":
        lines = (data / "companies.csv").read_text().splitlines()
        lines[1] = lines[1].replace(",420,", ",lots,")
        (data / "companies.csv").write_text("\n".join(lines) + "\n")
        with pytest.raises(ImportFailed):
            import_paths(ws, [data], strict=True)
    else:
        original = _crash_after_finish(monkeypatch, imp)
        with pytest.raises(RuntimeError):
            import_paths(ws, [data])
        monkeypatch.setattr(imp._Importer, "finish", original)
    assert _index_names(ws) == before
    if fresh is not None:
        assert _index_names(ws) == _index_names(fresh)
        fresh.dispose()
    assert _count(ws, s.Company) == 0
    import_paths(ws, [fixture_dir])
    import_paths(ws, [fixture_dir])  # the UNIQUE external-id index still stops duplicates
    assert _count(ws, s.Company) == 40
    ws.dispose()


def test_absurd_negative_and_duplicate_rows_are_reported_with_file_and_line(tmp_path, fixture_dir, db_url):
    for name in ("companies.csv", "contacts.csv"):
        shutil.copy(fixture_dir / name, tmp_path / name)
    lines = (fixture_dir / "deals.csv").read_text().splitlines()
    lines[1] = lines[1].replace(",60000,", ",1e309,")              # line 2: overflows a float
    lines[2] = lines[2].replace(",48000,", ",-5000,")              # line 3: negative
    lines[3] = lines[3].replace(",12000,", ",99999999999999999,")  # line 4: absurd
    lines.append(lines[5])                                         # line 35: duplicate of line 6
    (tmp_path / "deals.csv").write_text("\n".join(lines) + "\n")
    ws = open_workspace(db_url)
    report = import_paths(ws, [tmp_path])  # not strict: the good rows go in, the rest is reported
    deals_csv = str(tmp_path / "deals.csv")
    assert [p.split(": ", 1)[0] for p in report.problems] == [f"{deals_csv}:{n}" for n in (2, 3, 4, 35)]
    assert "negative amount" in report.problems[1] and "first on line 6" in report.problems[3]
    assert report.created["deals"] == 30 and report.skipped["deals"] == 4
    with ws.uow() as uow:
        amounts = uow.session.scalars(select(s.Deal.amount_cents)).all()
    assert all(a is None or 0 <= a < 10**17 for a in amounts)
    with pytest.raises(ImportFailed, match="4 row"):
        import_paths(open_workspace(f"sqlite:///{tmp_path / 'strict.db'}"), [tmp_path], strict=True)
    ws.dispose()


def test_a_renamed_amount_column_is_warned_about(tmp_path, fixture_dir, db_url):
    shutil.copy(fixture_dir / "companies.csv", tmp_path / "companies.csv")
    shutil.copy(fixture_dir / "contacts.csv", tmp_path / "contacts.csv")
    text = (fixture_dir / "deals.csv").read_text()
    (tmp_path / "deals.csv").write_text(text.replace("Amount", "Deal Value", 1))
    ws = open_workspace(db_url)
    report = import_paths(ws, [tmp_path])
    deals_csv = str(tmp_path / "deals.csv")
    assert report.warnings == [f"{deals_csv}:1: no 'Amount' column: deals are imported without it",
                               f"{deals_csv}:1: column(s) 'Deal Value' not recognised and ignored"]
    assert import_paths(ws, [fixture_dir]).warnings == []  # the fixture export is as expected
    ws.dispose()
