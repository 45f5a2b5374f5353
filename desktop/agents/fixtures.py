"""Load the fixture workspace CSVs (HubSpot export layout) into read-side rows.

Used by planner tests and benchmarks; the app itself gets rows from
``desktop.store.queries.load_index_rows``. Ids are the CSV ``Record ID`` values; amounts become
integer cents; stages follow the fixture pipeline order.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from desktop.domain.models import CompanyRow, ContactRow, DealRow, StageRow

#: Stage labels of the fixture pipeline, in order, with win probabilities.
FIXTURE_STAGES: tuple[tuple[str, float], ...] = (
    ("Lead", 0.1), ("Qualified", 0.2), ("Demo Scheduled", 0.4), ("Proposal Sent", 0.6),
    ("Negotiation", 0.8), ("Closed Won", 1.0), ("Closed Lost", 0.0),
)
_REPO = Path(__file__).resolve().parents[2]
#: The shared fixture export, or the identical copy bundled in ``resources/demo_workspace``.
DEFAULT_FIXTURE_DIR = next((p for p in (_REPO.parent / "shared" / "fixtures" / "workspace",
                                        _REPO / "resources" / "demo_workspace") if p.exists()),
                           _REPO / "resources" / "demo_workspace")


@dataclass(frozen=True)
class WorkspaceRows:
    """Rows for :meth:`desktop.planner.entity_index.EntityIndex.build`."""

    contacts: list[ContactRow]
    companies: list[CompanyRow]
    deals: list[DealRow]
    stages: list[StageRow]
    activity_counts: dict = field(default_factory=dict)
    #: Per contact id, per activity type: ``(count, latest date, first date)`` (see :func:`desktop.store.queries.contact_activity`).
    contact_activity: dict = field(default_factory=dict)
    #: Per deal id, per activity type: ``(count, latest date, first date)`` (see :func:`desktop.store.queries.deal_activity`).
    deal_activity: dict = field(default_factory=dict)


def fixture_stages(pipeline_id: int = 1) -> list[StageRow]:
    """The seven fixture stages as :class:`StageRow` (ids 1..7)."""
    return [StageRow(id=i + 1, pipeline_id=pipeline_id, label=label, position=i, probability=p,
                     is_won=label == "Closed Won", is_lost=label == "Closed Lost")
            for i, (label, p) in enumerate(FIXTURE_STAGES)]


def _ids(value: str) -> list[int]:
    return [int(v) for v in value.replace(",", ";").split(";") if v.strip().isdigit()]


def load_fixture_rows(folder: Path | str = DEFAULT_FIXTURE_DIR) -> WorkspaceRows:
    """Read ``companies.csv``, ``contacts.csv`` and ``deals.csv`` from ``folder``.

    Raises:
        FileNotFoundError: a CSV is missing. KeyError: a header is not the HubSpot layout.
    """
    folder = Path(folder)
    stages = fixture_stages()
    by_label = {s.label: s for s in stages}
    with open(folder / "companies.csv", newline="", encoding="utf-8") as fh:
        companies = [CompanyRow(id=int(r["Record ID"]), name=r["Company name"],
                                domain=r["Company Domain Name"] or None, industry=r["Industry"] or None,
                                employees=int(r["Number of Employees"]) if r["Number of Employees"] else None,
                                city=r["City"] or None, country=r["Country/Region"] or None)
                     for r in csv.DictReader(fh)]
    names = {c.id: c.name for c in companies}
    last_touch: dict[int, datetime] = {}
    counts: dict[tuple[str, int, int], int] = {}
    per_contact: dict[int, dict[str, tuple[int, date, date]]] = {}
    per_deal: dict[int, dict[str, tuple[int, date, date]]] = {}
    if (folder / "activities.csv").exists():
        with open(folder / "activities.csv", newline="", encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                at = datetime.strptime(r["Activity Date"], "%Y-%m-%d %H:%M")
                key = (r["Activity Type"].lower(), at.year, at.month)
                counts[key] = counts.get(key, 0) + 1
                if key[0] == "meeting" and (r.get("Subject") or "").lower().startswith("demo"):
                    counts[("demo", at.year, at.month)] = counts.get(("demo", at.year, at.month), 0) + 1  # as queries.activity_counts
                for c in _ids(r["Associated Contact IDs"]):
                    if c not in last_touch or at > last_touch[c]:
                        last_touch[c] = at
                    n, latest, first = per_contact.setdefault(c, {}).get(key[0], (0, at.date(), at.date()))
                    per_contact[c][key[0]] = (n + 1, max(latest, at.date()), min(first, at.date()))
                for d in _ids(r["Associated Deal IDs"]):
                    n, latest, first = per_deal.setdefault(d, {}).get(key[0], (0, at.date(), at.date()))
                    per_deal[d][key[0]] = (n + 1, max(latest, at.date()), min(first, at.date()))
    with open(folder / "contacts.csv", newline="", encoding="utf-8") as fh:
        contacts = []
        for r in csv.DictReader(fh):
            cids = _ids(r["Associated Company IDs"])
            cid = cids[0] if cids else None
            contacts.append(ContactRow(id=int(r["Record ID"]), first_name=r["First Name"],
                                       last_name=r["Last Name"], email=r["Email"] or None,
                                       phone=r["Phone Number"] or None, job_title=r["Job Title"] or None,
                                       company_id=cid, company_name=(names.get(cid) if cid is not None else None) or r["Company Name"] or None,
                                       lifecycle_stage=(r.get("Lifecycle Stage") or None),
                                       last_activity_at=last_touch.get(int(r["Record ID"]))))
    with open(folder / "deals.csv", newline="", encoding="utf-8") as fh:
        deals = []
        for r in csv.DictReader(fh):
            stage = by_label[r["Deal Stage"]]
            cids = _ids(r["Associated Company IDs"])
            cid = cids[0] if cids else None
            last = r.get("Last Activity Date") or ""
            deals.append(DealRow(
                id=int(r["Record ID"]), name=r["Deal Name"], stage_id=stage.id, stage_label=stage.label,
                amount_cents=round(float(r["Amount"]) * 100) if r["Amount"] else None, currency="usd",
                close_date=date.fromisoformat(r["Close Date"]) if r["Close Date"] else None,
                company_id=cid, company_name=names.get(cid) if cid is not None else None, is_open=not stage.is_closed,
                last_activity_at=datetime.strptime(last, "%Y-%m-%d %H:%M") if last else None,
                contact_ids=tuple(_ids(r["Associated Contact IDs"]))))
    return WorkspaceRows(contacts=contacts, companies=companies, deals=deals, stages=stages, activity_counts=counts,
                         contact_activity=per_contact, deal_activity=per_deal)


_SYLLABLES = ("ka", "lo", "ve", "tri", "mon", "zar", "del", "qui", "bra", "nex", "sol", "tor", "vin", "pla",
              "cor", "ex", "lum", "dra", "fen", "gal", "hy", "jor", "kel", "mar", "nor", "ost", "pex", "ray",
              "sy", "tal", "ul", "vor", "wen", "xan", "yel", "zen")
_SUFFIXES = ("Corp", "Inc", "Labs", "Group", "Systems", "Solutions", "Partners", "Health", "Media", "Works",
             "Logistics", "Analytics", "Ventures", "Studio", "Dynamics", "Foods", "Energy", "Capital", "Retail",
             "Robotics")
_FIRST = ("James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
          "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Karen", "Charles", "Lisa",
          "Chris", "Nancy", "Daniel", "Betty", "Matthew", "Sandra", "Anthony", "Ashley", "Mark", "Emily",
          "Paul", "Kimberly", "Steven", "Donna", "Andrew", "Michelle", "Joshua", "Carol", "Kevin", "Amanda",
          "Brian", "Melissa", "George", "Deborah", "Timothy", "Stephanie", "Ronald", "Rebecca", "Jason", "Laura",
          "Ryan", "Sharon", "Jacob", "Cynthia", "Gary", "Kathleen", "Eric", "Amy", "Jonathan", "Angela",
          "Akira", "Chen", "Fatima", "Ivan", "Lars", "Mateo", "Noor", "Olga", "Pedro", "Rahul", "Sven", "Yuki")


def _pseudo_word(rng) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def synthetic_rows(n_contacts: int = 100_000, n_companies: int = 20_000, n_deals: int = 50_000,
                   seed: int = 7, include_fixture: bool = True) -> WorkspaceRows:
    """A large invented workspace (seeded, in memory) for benchmarks.

    With ``include_fixture`` the fixture rows are added too (synthetic ids start at 1,000,000), so
    corpus instructions still name real records while every lookup runs against the big tables.
    """
    import random

    rng = random.Random(seed)
    base = load_fixture_rows() if include_fixture else WorkspaceRows([], [], [], fixture_stages())
    stages = base.stages
    companies = list(base.companies)
    for i in range(n_companies):
        name = f"{_pseudo_word(rng)} {rng.choice(_SUFFIXES)}"
        companies.append(CompanyRow(id=1_000_000 + i, name=name, domain=f"{name.split()[0].lower()}{i}.example",
                                    city=rng.choice(("Berlin", "Austin", "Lyon", "Osaka", "Lagos", "Lima"))))
    new_companies = companies[len(base.companies):]
    lasts = [_pseudo_word(rng) for _ in range(3000)]
    contacts = list(base.contacts)
    for i in range(n_contacts):
        co = rng.choice(new_companies) if new_companies else None
        contacts.append(ContactRow(id=2_000_000 + i, first_name=rng.choice(_FIRST), last_name=rng.choice(lasts),
                                   company_id=co.id if co else None, company_name=co.name if co else None))
    deals = list(base.deals)
    new_contacts = contacts[len(base.contacts):]
    for i in range(n_deals):
        co = rng.choice(new_companies) if new_companies else None
        stage = rng.choice(stages)
        contact = rng.choice(new_contacts) if new_contacts else None
        deals.append(DealRow(id=3_000_000 + i, name=f"{co.name if co else 'Deal'} - {_pseudo_word(rng)} {i}",
                             stage_id=stage.id, stage_label=stage.label, amount_cents=rng.randint(1, 500) * 100_000,
                             currency="usd", close_date=date(2027, rng.randint(1, 12), rng.randint(1, 28)),
                             company_id=co.id if co else None, company_name=co.name if co else None,
                             is_open=not stage.is_closed, contact_ids=(contact.id,) if contact else ()))
    return WorkspaceRows(contacts=contacts, companies=companies, deals=deals, stages=stages)
