"""Finding records named in an instruction, with transcription errors."""

from __future__ import annotations

import pytest


def kinds_ids(index, text):
    return [(m.kind, m.ids) for m in index.find_mentions(text)]


@pytest.mark.parametrize("text, company_id", [
    ("the Acme deal", 9001), ("acne corp", 9001), ("Globx", 9004), ("glow bex", 9004), ("Globex Logistics", 9004),
    ("north wind", 9005), ("Tech Corp", 9002), ("orbital freight", 9011), ("vertex", 9009),
])
def test_company_names_survive_asr_errors(index, text, company_id):
    assert ("company", (company_id,)) in kinds_ids(index, text)


def test_first_name_alone_is_ambiguous_when_shared(index):
    assert kinds_ids(index, "Call Mike") == [("contact", (101, 104))]
    assert kinds_ids(index, "Email Sarah") == [("contact", (102, 103))]


def test_full_names_and_misspelt_last_names(index):
    assert kinds_ids(index, "Sarah Johnson") == [("contact", (103,))]
    assert kinds_ids(index, "Sarah Jonson") == [("contact", (103,))]


def test_shared_company_token_lists_all_candidates(index):
    assert kinds_ids(index, "the Granite deal") == [("company", (9102, 9103))]


def test_ordinary_words_are_not_names(index):
    assert kinds_ids(index, "will you please call me back later") == []
    assert kinds_ids(index, "what is the weather like") == []


def test_deal_names_and_open_deals(index):
    assert kinds_ids(index, "TechCorp - Security Add-on") == [("deal", (5013,))]
    assert index.open_deals(9002) == [5002]


def test_apostrophes_in_names_and_contractions():
    from desktop.domain.models import ContactRow
    from desktop.planner.entity_index import EntityIndex

    idx = EntityIndex.build([ContactRow(id=1, first_name="Sean", last_name="O'Brien")], [], [], [])
    assert [(m.kind, m.ids) for m in idx.find_mentions("call Sean O'Brien's office")] == [("contact", (1,))]
    assert [(m.kind, m.ids) for m in idx.find_mentions("they're calling O'Brien")] == [("contact", (1,))]


def test_build_with_pause_yields_every_few_hundred_rows_and_indexes_the_same(rows, index):
    from desktop.planner import entity_index as ei

    calls = []
    paced = ei.EntityIndex.build(rows.contacts, rows.companies, rows.deals, rows.stages,
                                 pause=lambda: calls.append(1))
    n_rows = len(rows.contacts) + len(rows.companies) + len(rows.deals)
    assert len(calls) >= n_rows // ei.PAUSE_ROWS
    for text in ("the Acme deal", "Call Mike", "Sarah Jonson", "glow bex"):
        assert kinds_ids(paced, text) == kinds_ids(index, text)


def test_dispose_empties_the_index_piecemeal(rows):
    from desktop.planner import entity_index as ei

    idx = ei.EntityIndex.build(rows.contacts, rows.companies, rows.deals, rows.stages)
    assert kinds_ids(idx, "Call Mike")
    calls = []
    idx.dispose(pause=lambda: calls.append(1))
    assert not idx.contacts and not idx.companies and not idx.deals and not idx.first_names
    assert kinds_ids(idx, "Call Mike") == []
