"""Planner test fixtures (fixture workspace rows, index, offline planner) and the accuracy summary."""

from __future__ import annotations

from datetime import datetime

import pytest

from desktop.agents.fixtures import WorkspaceRows, load_fixture_rows
from desktop.planner.entity_index import EntityIndex
from desktop.planner.evaluation import CORPUS_NOW
from desktop.planner.offline import OfflinePlanner


@pytest.fixture(scope="session")
def rows() -> WorkspaceRows:
    return load_fixture_rows()


@pytest.fixture(scope="session")
def index(rows: WorkspaceRows) -> EntityIndex:
    return EntityIndex.build(rows.contacts, rows.companies, rows.deals, rows.stages, activity_counts=rows.activity_counts, contact_activity=rows.contact_activity, deal_activity=rows.deal_activity)


@pytest.fixture(scope="session")
def planner(index: EntityIndex) -> OfflinePlanner:
    return OfflinePlanner(index)


@pytest.fixture(scope="session")
def planner_team(rows: WorkspaceRows) -> OfflinePlanner:
    """The offline planner with the blind sets' team as the workspace's users (possible owners)."""
    return OfflinePlanner(EntityIndex.build(rows.contacts, rows.companies, rows.deals, rows.stages,
                                            users=("Alex Rivera", "Morgan Reyes", "Jordan Blake", "Sam Whitaker"),
                                            activity_counts=rows.activity_counts, contact_activity=rows.contact_activity, deal_activity=rows.deal_activity))


@pytest.fixture()
def now() -> datetime:
    return CORPUS_NOW


def pytest_terminal_summary(terminalreporter, exitstatus, config):  # pytest hook signature
    report = getattr(config, "planner_accuracy_report", None)  # set by test_corpus.py
    if report:
        terminalreporter.section("planner accuracy by action kind (tests/planner/corpus.jsonl)")
        for line in report:
            terminalreporter.write_line(line)
