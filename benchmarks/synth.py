"""Generate a synthetic CRM workspace in the fixture's CSV layouts (HubSpot exports, Stripe, ledger).

Default size: 20,000 companies, 100,000 contacts, 50,000 deals, 500,000 activities, 2,000
subscriptions, 3,000 expenses. Seeded, so every run writes the same files.

    python benchmarks/synth.py OUTDIR [--scale 1.0] [--seed 7]
"""

from __future__ import annotations

import argparse
import csv
import random
import time
from datetime import datetime, timedelta
from pathlib import Path

STAGES = ["Lead", "Qualified", "Demo Scheduled", "Proposal Sent", "Negotiation", "Closed Won", "Closed Lost"]
INDUSTRIES = ["Computer Software", "Manufacturing", "Financial Services", "Logistics and Supply Chain",
              "Health Care", "Retail", "Education", "Marketing and Advertising", "Real Estate", "Media"]
CITIES = [("Chicago", "United States"), ("Austin", "United States"), ("New York", "United States"),
          ("Rotterdam", "Netherlands"), ("Berlin", "Germany"), ("London", "United Kingdom"),
          ("Toronto", "Canada"), ("Paris", "France"), ("Sydney", "Australia"), ("Madrid", "Spain")]
FIRST = ["Mike", "Sarah", "Nina", "Omar", "Priya", "Lucas", "Emma", "Chen", "Ava", "Noah", "Liam", "Mia",
         "Sofia", "Mateo", "Aisha", "Kenji", "Elena", "David", "Grace", "Ivan", "Zoe", "Ravi", "Hana", "Leo"]
LAST = ["Chen", "Johnson", "Rodriguez", "Patel", "Smith", "Garcia", "Kim", "Nguyen", "Müller", "Rossi",
        "Okafor", "Novak", "Silva", "Haddad", "Larsen", "Tanaka", "Cohen", "Dubois", "Kowalski", "Brown"]
WORDS = ["Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Tyrell", "Cyberdyne", "Soylent",
         "Hooli", "Vandelay", "Wonka", "Aperture", "Gringotts", "Oscorp", "Monarch", "Nakatomi", "Duff",
         "Pied", "Piper", "Blue", "Sun", "Cedar", "Granite", "Onyx", "Tidal", "Upland", "Harbor", "Willow",
         "Lumen", "Northwind", "Delta", "Apex", "Summit", "Nova", "Orbit", "Pixel", "Quantum", "Vertex"]
SUFFIX = ["Corp", "Labs", "Group", "Systems", "Health", "Media", "Logistics", "Ventures", "Solutions", "Inc"]
TITLES = ["CEO", "CTO", "VP Sales", "VP Operations", "Head of Growth", "Procurement Manager", "CFO",
          "Engineering Manager", "Director of IT", "COO"]


def _fmt(dt: datetime) -> str:
    return dt.strftime("%Y-%m-%d %H:%M")


def generate(out: Path, *, scale: float = 1.0, seed: int = 7) -> dict[str, int]:
    """Write companies/contacts/deals/activities/subscriptions/expenses CSVs into ``out``.

    Returns: rows written per file.
    """
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    n_co, n_ct, n_dl, n_act = (int(x * scale) for x in (20_000, 100_000, 50_000, 500_000))
    n_sub, n_exp = int(2_000 * scale) or 1, int(3_000 * scale) or 1
    base = datetime(2026, 11, 21, 9, 0)
    counts = {}

    with open(out / "companies.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Record ID", "Company name", "Company Domain Name", "Industry", "Number of Employees",
                    "City", "Country/Region", "Create Date"])
        for i in range(n_co):
            name = f"{rng.choice(WORDS)} {rng.choice(WORDS)} {rng.choice(SUFFIX)} {i}"
            city, country = rng.choice(CITIES)
            w.writerow([100_000 + i, name, f"co{i}.example", rng.choice(INDUSTRIES), rng.randint(2, 5000),
                        city, country, _fmt(base - timedelta(days=rng.randint(30, 900)))])
    counts["companies"] = n_co

    with open(out / "contacts.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Record ID", "First Name", "Last Name", "Email", "Phone Number", "Job Title",
                    "Company Name", "Associated Company IDs", "Lifecycle Stage", "Lead Status", "Create Date"])
        for i in range(n_ct):
            co = rng.randrange(n_co)
            fn, ln = rng.choice(FIRST), rng.choice(LAST)
            w.writerow([200_000 + i, fn, ln, f"{fn.lower()}.{ln.lower()}{i}@co{co}.example",
                        f"+1 555 {i:07d}", rng.choice(TITLES), "", 100_000 + co,
                        rng.choice(["lead", "opportunity", "customer", "salesqualifiedlead"]),
                        rng.choice(["NEW", "OPEN_DEAL", "IN_PROGRESS"]),
                        _fmt(base - timedelta(days=rng.randint(1, 900)))])
    counts["contacts"] = n_ct

    deal_created = []
    with open(out / "deals.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Record ID", "Deal Name", "Pipeline", "Deal Stage", "Amount", "Close Date",
                    "Associated Company IDs", "Associated Contact IDs", "Create Date", "Last Activity Date"])
        for i in range(n_dl):
            co = rng.randrange(n_co)
            created = base - timedelta(days=rng.randint(1, 400))
            deal_created.append(created)
            contacts = ";".join(str(200_000 + rng.randrange(n_ct)) for _ in range(rng.randint(1, 2)))
            w.writerow([300_000 + i, f"Deal {i} - {rng.choice(WORDS)} {rng.choice(['Rollout', 'Pilot', 'Expansion'])}",
                        "Sales Pipeline", rng.choices(STAGES, [20, 18, 16, 14, 10, 12, 10])[0],
                        rng.randrange(10, 2000) * 100, (created + timedelta(days=rng.randint(20, 200))).date(),
                        100_000 + co, contacts, _fmt(created), ""])
    counts["deals"] = n_dl

    with open(out / "activities.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Activity ID", "Activity Type", "Activity Date", "Associated Contact IDs",
                    "Associated Deal IDs", "Subject", "Body"])
        kinds = ["CALL", "EMAIL", "MEETING", "NOTE"]
        for i in range(n_act):
            d = rng.randrange(n_dl)
            at = deal_created[d] + timedelta(minutes=rng.randint(0, 60 * 24 * 300))
            at = min(at, base)
            kind = rng.choice(kinds)
            w.writerow([400_000 + i, kind, _fmt(at), 200_000 + rng.randrange(n_ct), 300_000 + d,
                        f"{kind.title()} {i}", "Discussed pricing, timeline and next steps."])
    counts["activities"] = n_act

    with open(out / "subscriptions.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "Customer Name", "Customer Email", "Plan", "Quantity", "Interval", "Amount",
                    "Currency", "Status", "Created (UTC)", "Canceled At (UTC)"])
        for i in range(n_sub):
            status = rng.choices(["active", "past_due", "canceled", "trialing"], [80, 5, 10, 5])[0]
            created = base - timedelta(days=rng.randint(1, 700))
            canceled = _fmt(created + timedelta(days=rng.randint(1, 300))) if status == "canceled" else ""
            interval = rng.choice(["month", "month", "month", "year"])
            amt = rng.choice([299, 799, 1999]) * (10 if interval == "year" else 1)
            w.writerow([f"sub_{i:06d}", f"Customer {i}", f"billing{i}@cust.example", "Growth",
                        rng.randint(1, 5), interval, f"{amt:.2f}", "usd", status, _fmt(created), canceled])
    counts["subscriptions"] = n_sub

    with open(out / "expenses.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Date", "Category", "Vendor", "Amount", "Currency"])
        for _ in range(n_exp):
            day = (base - timedelta(days=rng.randint(1, 365))).date()
            w.writerow([day, rng.choice(["Payroll", "Software", "Rent", "Marketing", "Contractors"]),
                        f"Vendor {rng.randint(1, 200)}", f"{rng.randint(50, 20000)}.{rng.randint(0, 99):02d}", "usd"])
    counts["expenses"] = n_exp
    return counts


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("out", type=Path)
    p.add_argument("--scale", type=float, default=1.0)
    p.add_argument("--seed", type=int, default=7)
    a = p.parse_args()
    t = time.perf_counter()
    counts = generate(a.out, scale=a.scale, seed=a.seed)
    print(f"wrote {sum(counts.values()):,} rows to {a.out} in {time.perf_counter() - t:.1f} s: {counts}")


if __name__ == "__main__":
    main()
