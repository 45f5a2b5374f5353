"""Blind sets, once scored for the record, guard against regressions: the share of plans right may
not fall below what was measured when the set joined (a ratchet, raised as the planner improves), and
wrong writes may not rise. The figures to report are the first scores, in the closing notes."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.agents.fixtures import load_fixture_rows
from desktop.planner import EntityIndex, OfflinePlanner, PlanContext
from desktop.planner.evaluation import CORPUS_NOW, Score, context_target, load_corpus, score_case, wrong_writes

BLIND = Path(__file__).parent / "blind"
TEAM = ("Alex Rivera", "Morgan Reyes", "Jordan Blake", "Sam Whitaker")
#: file -> (least plans right, most wrong writes) as measured after the last change.
RATCHET = {"blind1.jsonl": (181, 0), "blind2.jsonl": (177, 0), "blind3.jsonl": (192, 1), "blind4.jsonl": (165, 0), "blind5.jsonl": (187, 0), "blind6.jsonl": (196, 1), "blind7.jsonl": (189, 0), "blind8.jsonl": (186, 0), "blind9.jsonl": (180, 0), "blind10.jsonl": (193, 1), "blind11.jsonl": (174, 0), "blind12.jsonl": (184, 0), "blind13.jsonl": (169, 0), "blind14.jsonl": (165, 1), "blind15.jsonl": (182, 0), "blind16.jsonl": (268, 0), "blind17.jsonl": (246, 1), "blind18.jsonl": (227, 0), "blind19.jsonl": (250, 0), "blind20.jsonl": (243, 1), "blind21.jsonl": (241, 0), "blind22.jsonl": (234, 1), "blind23.jsonl": (232, 0), "blind24.jsonl": (235, 1), "blind25.jsonl": (211, 3), "blind26.jsonl": (246, 0), "blind27.jsonl": (219, 1), "blind28.jsonl": (243, 0), "blind29.jsonl": (236, 0), "blind30.jsonl": (249, 0), "blind31.jsonl": (241, 0), "blind32.jsonl": (233, 1)}


@pytest.mark.parametrize("name", sorted(RATCHET))
def test_blind_set_does_not_regress(name):
    rows = load_fixture_rows()
    planner = OfflinePlanner(EntityIndex.build(rows.contacts, rows.companies, rows.deals, rows.stages, users=TEAM,
                                               activity_counts=rows.activity_counts, contact_activity=rows.contact_activity, deal_activity=rows.deal_activity))
    score, wrong = Score(), []
    for case in load_corpus(BLIND / name):
        plan = planner.plan(case["text"], now=CORPUS_NOW, context=PlanContext(target=context_target(case.get("context"))))
        score_case(case, plan, score)
        wrong += [(case["id"], w) for w in wrong_writes(case, plan)]
    least, most = RATCHET[name]
    assert score.cases_ok >= least, score.failures
    assert len(wrong) <= most, wrong
