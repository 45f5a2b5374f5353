"""Lead scoring time for 100k contacts (target <= 5 s): the Qualifier's full read path
(three set-based SQL queries over contacts, companies, activities and deals) plus scoring, on a
SQLite workspace filled with synthetic rows; and the pure scoring step alone.

    .venv/bin/python benchmarks/agents_scoring.py [--contacts 100000] [--data-dir D]

With ``--data-dir`` an existing workspace is used (e.g. one imported from ``benchmarks/synth.py``).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert

from desktop.agents.scoring import Scorer, rank
from desktop.store import agents as store
from desktop.store import schema as s
from desktop.store.db import open_workspace

NOW = datetime(2026, 11, 21, 9, 0)
INDUSTRIES = ["Computer Software", "Manufacturing", "Financial Services", "Logistics and Supply Chain",
              "Health Care", "Retail", "Education", "Marketing and Advertising", "Real Estate", None]
COUNTRIES = ["United States", "Germany", "United Kingdom", "Netherlands", "France", "Brazil", None]
TITLES = ["CEO", "Founder", "VP Sales", "Head of Growth", "Sales Director", "Operations Manager",
          "Office Manager", "Engineer", "Analyst", None]


def fill(ws, n: int) -> None:
    rnd = random.Random(7)
    n_co, n_deals, n_act = n // 5, n // 2, n * 2
    with ws.engine.begin() as c:
        c.execute(insert(s.Pipeline), [{"id": 1, "name": "Sales Pipeline"}])
        c.execute(insert(s.Stage), [{"id": i + 1, "pipeline_id": 1, "label": lab, "position": i,
                                     "probability": 0.2, "is_won": lab == "Closed Won", "is_lost": lab == "Closed Lost"}
                                    for i, lab in enumerate(["Lead", "Qualified", "Proposal Sent", "Closed Won",
                                                             "Closed Lost"])])
        c.execute(insert(s.Company), [{"id": i, "name": f"Company {i}", "industry": rnd.choice(INDUSTRIES),
                                       "employees": rnd.choice([5, 15, 40, 80, 300, 1200, 8000, None]),
                                       "country": rnd.choice(COUNTRIES)} for i in range(1, n_co + 1)])
        c.execute(insert(s.Contact), [{"id": i, "first_name": f"F{i}", "last_name": f"L{i}",
                                       "job_title": rnd.choice(TITLES), "company_id": rnd.randint(1, n_co),
                                       "lifecycle_stage": rnd.choice(["lead", "opportunity", None]),
                                       "do_not_contact": rnd.random() < 0.02} for i in range(1, n + 1)])
        c.execute(insert(s.Deal), [{"id": i, "name": f"Deal {i}", "pipeline_id": 1, "stage_id": rnd.randint(1, 5),
                                    "amount_cents": rnd.randint(1, 200) * 100_000, "currency": "usd"}
                                   for i in range(1, n_deals + 1)])
        c.execute(insert(s.DealContact), [{"deal_id": i, "contact_id": rnd.randint(1, n)} for i in range(1, n_deals + 1)])
        c.execute(insert(s.Activity), [{"type": rnd.choice(["call", "email", "meeting", "note"]),
                                        "occurred_at": NOW - timedelta(days=rnd.randint(0, 120)),
                                        "sentiment": rnd.choice(["positive", "neutral", None]),
                                        "contact_id": rnd.randint(1, n)} for _ in range(n_act)])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--contacts", type=int, default=100_000)
    ap.add_argument("--data-dir", type=Path)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        if args.data_dir:
            ws = open_workspace(f"sqlite:///{args.data_dir / 'workspace.db'}")
        else:
            ws = open_workspace(f"sqlite:///{d}/w.db")
            t = time.perf_counter()
            fill(ws, args.contacts)
            print(f"filled {args.contacts:,} contacts (+ companies, deals, {args.contacts * 2:,} activities) "
                  f"in {time.perf_counter() - t:.1f} s")
        t0 = time.perf_counter()
        with ws.uow() as uow:
            rows = store.lead_features(uow.session, NOW)
        t1 = time.perf_counter()
        r = rank(Scorer(), rows, top=10, per_band=15)
        t2 = time.perf_counter()
        bands = r.bands
        print(f"scored {r.scored:,} contacts in {t2 - t0:.2f} s (SQL read {t1 - t0:.2f} s, scoring "
              f"{t2 - t1:.2f} s = {r.scored / max(t2 - t1, 1e-9):,.0f} contacts/s); bands {bands}")
        ws.dispose()


if __name__ == "__main__":
    main()
