"""Offline planner accuracy by action kind on tests/planner/corpus.jsonl (tuned on) and
heldout.jsonl / heldout2.jsonl (written after tuning rounds), on the fixture workspace and on the fixture rows merged into
the synthetic 100k-contact workspace (same expectations: more names must not confuse resolution).

Run: .venv/bin/python benchmarks/plan_accuracy.py [--no-synthetic] [--failures]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.agents.fixtures import load_fixture_rows, synthetic_rows  # noqa: E402
from desktop.planner.entity_index import EntityIndex  # noqa: E402
from desktop.planner.evaluation import evaluate, load_corpus  # noqa: E402
from desktop.planner.offline import OfflinePlanner  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-synthetic", action="store_true")
    parser.add_argument("--failures", action="store_true")
    args = parser.parse_args()
    workspaces = [("fixture", load_fixture_rows())]
    if not args.no_synthetic:
        workspaces.append(("synthetic 100k + fixture", synthetic_rows()))
    for label, rows in workspaces:
        planner = OfflinePlanner(EntityIndex.build(rows.contacts, rows.companies, rows.deals, rows.stages))
        for name in ("corpus.jsonl", "heldout.jsonl", "heldout2.jsonl"):
            score = evaluate(planner, load_corpus(ROOT / "tests/planner" / name))
            print(f"\n== {name} on {label} workspace ({score.cases} cases)")
            print(score.table())
            if args.failures:
                for cid, text, why in score.failures:
                    print(f"  FAIL {cid} {text!r}: {why}")


if __name__ == "__main__":
    main()
