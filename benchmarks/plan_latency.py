"""Offline planner latency: index build time and per-plan p50/p95 on the fixture workspace and on a
synthetic 100k-contact / 20k-company / 50k-deal workspace (seeded, in memory).

Run: .venv/bin/python benchmarks/plan_latency.py [--rounds 5]
Instructions: every text of tests/planner/corpus.jsonl, heldout.jsonl, heldout2.jsonl and the blind sets in
tests/planner/blind/ (warm-up round not timed).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.agents.fixtures import load_fixture_rows, synthetic_rows  # noqa: E402
from desktop.planner.entity_index import EntityIndex  # noqa: E402
from desktop.planner.evaluation import CORPUS_NOW, context_target, load_corpus  # noqa: E402
from desktop.planner.offline import OfflinePlanner, PlanContext  # noqa: E402
from desktop.planner.parsing.numbers import words_to_digits  # noqa: E402


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def run(label: str, rows, cases, rounds: int) -> None:
    t0 = time.perf_counter()
    index = EntityIndex.build(rows.contacts, rows.companies, rows.deals, rows.stages)
    build_ms = (time.perf_counter() - t0) * 1000
    planner = OfflinePlanner(index)
    inputs = [(c["text"], PlanContext(target=context_target(c.get("context")))) for c in cases]
    for text, ctx in inputs:  # warm-up (lazy caches, first-call costs)
        planner.plan(text, now=CORPUS_NOW, context=ctx)
    times, cpu = [], []
    for _ in range(rounds):
        for text, ctx in inputs:
            c, s = time.thread_time(), time.perf_counter()
            planner.plan(text, now=CORPUS_NOW, context=ctx)
            times.append((time.perf_counter() - s) * 1000)
            cpu.append((time.thread_time() - c) * 1000)
    cold = []
    for text, ctx in inputs:  # caches cleared before every plan: what a never-seen instruction costs
        index._fuzzy_cache.clear()
        index._lasts_by_first.clear()
        words_to_digits.cache_clear()
        s = time.perf_counter()
        planner.plan(text, now=CORPUS_NOW, context=ctx)
        cold.append((time.perf_counter() - s) * 1000)
    print(f"{label}: {len(rows.contacts):,} contacts / {len(rows.companies):,} companies / {len(rows.deals):,} deals")
    print(f"  index build: {build_ms:,.0f} ms")
    print(f"  plan latency over {len(times)} plans: p50 {pct(times, 50):.2f} ms, p95 {pct(times, 95):.2f} ms, "
          f"p99 {pct(times, 99):.2f} ms, max {max(times):.2f} ms, mean {statistics.mean(times):.2f} ms")
    print(f"  CPU time per plan (immune to other processes on the machine): p50 {pct(cpu, 50):.2f} ms, "
          f"p95 {pct(cpu, 95):.2f} ms, p99 {pct(cpu, 99):.2f} ms")
    print(f"  cold caches, {len(cold)} plans: p50 {pct(cold, 50):.2f} ms, p95 {pct(cold, 95):.2f} ms, "
          f"p99 {pct(cold, 99):.2f} ms, max {max(cold):.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    cases = [c for n in ("corpus", "heldout", "heldout2") for c in load_corpus(ROOT / f"tests/planner/{n}.jsonl")]
    cases += [c for f in sorted((ROOT / "tests/planner/blind").glob("*.jsonl")) for c in load_corpus(f)]
    t0 = time.perf_counter()
    OfflinePlanner(EntityIndex.build([], [], [], [])).plan("over the weekend", now=CORPUS_NOW)
    print(f"cold first plan incl. dateparser import (slow path): {(time.perf_counter() - t0) * 1000:,.0f} ms")
    run("fixture workspace", load_fixture_rows(), cases, args.rounds)
    t0 = time.perf_counter()
    big = synthetic_rows()
    print(f"(synthetic rows generated in {(time.perf_counter() - t0) * 1000:,.0f} ms)")
    run("synthetic workspace", big, cases, args.rounds)


if __name__ == "__main__":
    main()
