"""Foundation benchmark: full import of the synthetic workspace, then every report figure and `show`.

    python benchmarks/synth.py bench-data/synth        # once
    python benchmarks/import_bench.py bench-data/synth [--db-url URL]

Prints: import wall time and rows/s, peak RSS of the import (ru_maxrss), database size on disk,
and the time of each report figure and of `show deal|contact|company` (median of 5 runs, ms).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import tempfile
import time
from datetime import datetime
from pathlib import Path

from desktop.store import metrics, queries
from desktop.store.db import open_workspace
from desktop.store.importer import import_paths

NOW = datetime(2026, 11, 21, 9, 0)


def _lines(path: Path) -> int:
    with open(path) as f:
        return sum(1 for _ in f)


def timed(fn, n: int = 5) -> float:
    """Median wall time of ``fn()`` over ``n`` runs, in ms."""
    xs = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        xs.append((time.perf_counter() - t) * 1000)
    return statistics.median(xs)


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("csv_dir", type=Path)
    p.add_argument("--db-url")
    a = p.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="spectrum-bench-"))
    url = a.db_url or f"sqlite:///{tmp / 'workspace.db'}"
    ws = open_workspace(url)
    rows = sum(_lines(f) - 1 for f in a.csv_dir.glob("*.csv"))
    t = time.perf_counter()
    report = import_paths(ws, [a.csv_dir])
    wall = time.perf_counter() - t
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"import: {report.imported:,} rows in {wall:.2f} s = {report.imported / wall:,.0f} rows/s "
          f"(skipped {report.skipped_total}); peak RSS {peak_mb:.0f} MB; csv rows {rows:,}")
    if url.startswith("sqlite"):
        db = tmp / "workspace.db"
        size = db.stat().st_size + sum(f.stat().st_size for f in tmp.glob("workspace.db-*"))
        print(f"database size on disk: {size / 1e6:.0f} MB")
    with ws.uow() as uow:
        se = uow.session
        figures = {
            "mrr+arr": lambda: metrics.mrr_cents(se, NOW),
            "pipeline_value+weighted": lambda: metrics.pipeline_values(se),
            "deals_by_stage": lambda: metrics.deals_by_stage(se),
            "win_rate": lambda: metrics.win_rate(se, NOW),
            "burn+runway": lambda: (metrics.burn(se, NOW), metrics.cash_balance_cents(se)),
            "stale_deals": lambda: metrics.stale_deals(se, NOW),
            "report (all)": lambda: metrics.report(se, NOW),
            "show deal 300042": lambda: queries.show(se, "deal", "300042"),
            "show contact 200042": lambda: queries.show(se, "contact", "200042"),
            "show company 100042": lambda: queries.show(se, "company", "100042"),
            "show deal by name": lambda: queries.show(se, "deal", "Deal 4242 - "),
        }
        for name, fn in figures.items():
            try:
                print(f"{name:<26} {timed(fn):8.1f} ms")
            except Exception as exc:  # noqa: BLE001 - a name that matches several records still measures the lookup
                print(f"{name:<26} {type(exc).__name__}: {exc}")
    ws.dispose()
    print(f"machine: {os.cpu_count()} cores; data dir {tmp}")


if __name__ == "__main__":
    main()
