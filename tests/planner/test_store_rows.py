"""Integration: the planner over rows read from an imported workspace database
(``desktop.store.queries.load_index_rows``) plans the corpus as well as over the CSV loader's rows."""

from __future__ import annotations

from pathlib import Path

from desktop.planner.entity_index import EntityIndex
from desktop.planner.evaluation import evaluate, load_corpus
from desktop.planner.offline import OfflinePlanner

CORPUS = Path(__file__).with_name("corpus.jsonl")


def test_corpus_on_store_rows(workspace):
    from desktop.store import queries

    with workspace.uow() as uow:
        rows = queries.load_index_rows(uow.session)
    score = evaluate(OfflinePlanner(EntityIndex.build(*rows)), load_corpus(CORPUS))
    assert score.accuracy() >= 0.95, score.failures[:10]


def test_paced_row_loading_reads_the_same_rows_and_pauses(workspace):
    from desktop.store import queries

    calls = []
    with workspace.uow() as uow:
        plain = (queries.contacts(uow.session), queries.companies(uow.session), queries.deals(uow.session))
        paced = (queries.contacts(uow.session, pause=lambda: calls.append(1)),
                 queries.companies(uow.session, pause=lambda: calls.append(1)),
                 queries.deals(uow.session, pause=lambda: calls.append(1)))
    assert paced == plain
    assert len(calls) >= 4  # at least once per batch of each query (contacts, companies, deal links, deals)


def test_activity_per_contact_from_the_store_matches_the_export(workspace):
    """The store's per-contact activity summary (count and latest date per type) is what the CSV
    export says, so "when did we last email Tom?" has the same answer in the app as in the corpus."""
    from desktop.agents.fixtures import load_fixture_rows
    from desktop.store import queries

    with workspace.uow() as uow:
        stored = queries.contact_activity(uow.session)
    exported = load_fixture_rows().contact_activity
    assert stored and set(stored) <= set(exported)
    for cid, kinds in stored.items():
        for kind, (n, latest, first) in kinds.items():
            assert exported[cid][kind][1] == latest
            assert exported[cid][kind][2] <= first
            assert n <= exported[cid][kind][0]  # an activity names one contact in the store, several in the export


def test_activity_per_deal_from_the_store_matches_the_export(workspace):
    """The store's per-deal activity summary (count, latest and first date per type) is what the CSV
    export says, so "how many notes are on the Pinecrest deal?" has the same answer in the app as in the corpus."""
    from desktop.agents.fixtures import load_fixture_rows
    from desktop.store import queries

    with workspace.uow() as uow:
        stored = queries.deal_activity(uow.session)
    exported = load_fixture_rows().deal_activity
    assert stored and set(stored) <= set(exported)
    for did, kinds in stored.items():
        for kind, got in kinds.items():
            assert got == exported[did][kind]
