"""How fast pulled records are applied to the workspace (StoreState.apply_remote), audit included.

Applies N synthetic HubSpot contacts in pages of 100 (as a full pull does) to a fresh SQLite
workspace, then the same N again with two fields changed (an incremental pull), and prints records
per second for each. Issue 13 made every applied page one audit entry (kind ``pull``) with the
before/after of what it changed; run it with ``--repo`` on another checkout to compare.

    python benchmarks/pull_apply_bench.py [--records 5000] [--repo PATH]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--records", type=int, default=5000)
    p.add_argument("--repo", type=Path, default=Path(__file__).resolve().parents[1])
    args = p.parse_args()
    sys.path.insert(0, str(args.repo))
    from desktop.store.db import open_workspace
    from desktop.store.sync_state import StoreState

    folder = tempfile.mkdtemp(prefix="pull-apply-")
    ws = open_workspace(f"sqlite:///{folder}/ws.sqlite")
    state = StoreState(ws, "hubspot")

    def page(start: int, n: int, suffix: str = "") -> list[dict]:
        return [{"type": "contact", "external_id": str(i),
                 "fields": {"first_name": f"F{i}{suffix}", "last_name": "L", "email": f"c{i}@x.test",
                            "phone": None, "job_title": "T" + suffix},
                 "updated_at": 1_700_000_000_000 + i + (10 ** 9 if suffix else 0), "archived": False}
                for i in range(start, start + n)]

    n = args.records
    t = time.perf_counter()
    for start in range(0, n, 100):
        state.apply_remote(page(start, min(100, n - start)))
    created = time.perf_counter() - t
    t = time.perf_counter()
    for start in range(0, n, 100):
        state.apply_remote(page(start, min(100, n - start), "x"))
    updated = time.perf_counter() - t
    ws.dispose()
    print(f"{args.repo}: created {n} in {created:.2f} s ({n / created:,.0f}/s); "
          f"updated {n} in {updated:.2f} s ({n / updated:,.0f}/s)")


if __name__ == "__main__":
    main()
