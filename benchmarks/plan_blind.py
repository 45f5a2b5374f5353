"""Score the offline planner once on a blind set (written by someone who never saw the planner or
its corpora) and list every wrong write.

A blind set is JSON Lines in the corpus format (``tests/planner/blind/README.md``). The first run of
a new set is the figure to report; afterwards the set joins the regression corpus.

Run: .venv/bin/python benchmarks/plan_blind.py tests/planner/blind/blind1.jsonl [--failures] [--json]
     [--transcripts heard.jsonl]   # {"id", "text"} per line: plan what was heard instead of the text

Prints a table per action kind, cases right, and the wrong writes (see
:func:`desktop.planner.evaluation.wrong_writes`); ``--json`` prints one JSON object on stdout instead.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.agents.fixtures import load_fixture_rows  # noqa: E402
from desktop.planner import EntityIndex, OfflinePlanner, PlanContext  # noqa: E402
from desktop.planner.evaluation import CORPUS_NOW, Score, context_target, load_corpus, score_case, wrong_writes  # noqa: E402

#: The workspace's users in the blind sets' SPEC (owners a plan may assign).
BLIND_TEAM = ("Alex Rivera", "Morgan Reyes", "Jordan Blake", "Sam Whitaker")


def fixture_planner() -> OfflinePlanner:
    """The offline planner over the fixture workspace with the blind sets' team."""
    rows = load_fixture_rows()
    return OfflinePlanner(EntityIndex.build(rows.contacts, rows.companies, rows.deals, rows.stages,
                                            users=BLIND_TEAM, activity_counts=rows.activity_counts, contact_activity=rows.contact_activity, deal_activity=rows.deal_activity))


def run(path: Path, heard: dict[str, str] | None = None) -> dict:
    """Score every case of ``path``; returns counts, failures and wrong writes."""
    planner = fixture_planner()
    score = Score()
    wrong: list[dict] = []
    for case in load_corpus(path):
        text = heard.get(case["id"], "") if heard is not None else case["text"]
        plan = planner.plan(text, now=CORPUS_NOW, context=PlanContext(target=context_target(case.get("context"))))
        score_case(case, plan, score, heard=heard is not None)
        for why in wrong_writes(case, plan):
            wrong.append({"id": case["id"], "text": case["text"], "heard": text if heard is not None else None,
                          "why": why})
    return {"file": str(path), "cases": score.cases, "cases_right": score.cases_ok,
            "share_right": round(score.cases_ok / max(1, score.cases), 4), "table": score.table(),
            "failures": [{"id": i, "text": t, "why": w} for i, t, w in score.failures],
            "wrong_writes": wrong, "wrong_write_cases": len({w["id"] for w in wrong})}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--failures", action="store_true", help="list every failed case")
    parser.add_argument("--transcripts", type=Path, help="JSON Lines {id, text}: plan these heard texts")
    parser.add_argument("--json", action="store_true", help="one JSON object per file on stdout")
    args = parser.parse_args()
    heard = None
    if args.transcripts:
        heard = {r["id"]: r["text"] for r in load_corpus(args.transcripts)}
    for path in args.files:
        result = run(path, heard)
        if args.json:
            print(json.dumps(result))
            continue
        print(f"== {path} ({result['cases']} cases)", file=sys.stderr)
        print(result["table"], file=sys.stderr)
        print(f"plans right: {result['cases_right']}/{result['cases']} = {100 * result['share_right']:.1f}%  "
              f"wrong writes: {len(result['wrong_writes'])} in {result['wrong_write_cases']} cases", file=sys.stderr)
        for w in result["wrong_writes"]:
            print(f"  WRONG WRITE {w['id']} {w['text']!r}: {w['why']}", file=sys.stderr)
        if args.failures:
            for f in result["failures"]:
                print(f"  FAIL {f['id']} {f['text']!r}: {f['why']}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
