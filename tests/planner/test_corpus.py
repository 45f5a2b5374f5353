"""Accuracy of the offline planner on the labelled corpus, by action kind (>= 95% each)."""

from __future__ import annotations

from pathlib import Path

from desktop.planner.evaluation import evaluate, load_corpus

CORPUS = Path(__file__).with_name("corpus.jsonl")


def test_corpus_is_large_and_varied():
    cases = load_corpus(CORPUS)
    assert len(cases) >= 200
    kinds = {a["kind"] for c in cases for a in c["expect"]["actions"]}
    assert {"update_deal", "log_activity", "create_task", "book_meeting", "draft_email", "search", "answer",
            "delete_record", "create_contact", "create_company", "create_deal", "update_contact"} <= kinds


def test_accuracy_by_action_kind(planner, request):
    score = evaluate(planner, load_corpus(CORPUS))
    request.config.planner_accuracy_report = score.table().splitlines() + [f"FAIL {cid}: {text!r}: {why}" for cid, text, why in score.failures]
    print("\n" + score.table())
    low = {k: score.accuracy(k) for k in score.total if score.accuracy(k) < 0.95}
    assert not low, f"kinds under 95%: {low}; failures: {score.failures}"
    assert score.accuracy() >= 0.95


def test_heldout_paraphrases(planner, request):
    """Paraphrases written after tuning (first, untuned run: 44/48 items, 38/40 cases)."""
    score = evaluate(planner, load_corpus(CORPUS.with_name("heldout.jsonl")))
    report = getattr(request.config, "planner_accuracy_report", None) or []
    request.config.planner_accuracy_report = report + ["", "held-out paraphrases (tests/planner/heldout.jsonl):"] \
        + score.table().splitlines()[-2:]
    assert score.accuracy() >= 0.80, score.failures


def test_second_blind_set(planner, request):
    """ASR-style paraphrases written after the second tuning round (first run: 45/45 items, 39/40 cases;
    the miss was SQL text answered with a clarification instead of a message)."""
    score = evaluate(planner, load_corpus(CORPUS.with_name("heldout2.jsonl")))
    report = getattr(request.config, "planner_accuracy_report", None) or []
    request.config.planner_accuracy_report = report + ["", "second blind set (tests/planner/heldout2.jsonl):"] \
        + score.table().splitlines()[-2:]
    assert score.accuracy() >= 0.80, score.failures
