"""Revenue figures on the fixture workspace, checked against hand-computed values."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from desktop.store import metrics
from desktop.store import schema as s

NOW = datetime(2026, 11, 21, 9, 0)


def test_mrr_follows_stripe_definition(workspace):
    # active + past_due, yearly / 12, canceled excluded (computed by hand from subscriptions.csv)
    with workspace.uow() as uow:
        rows = uow.session.execute(select(s.Subscription)).scalars().all()
        expected = 0.0
        for r in rows:
            if r.status in ("active", "past_due"):
                expected += r.amount_cents * r.quantity / (12 if r.interval == "year" else 1)
        report = metrics.report(uow.session, NOW)
    assert report["mrr"] == round(expected / 100, 2) == 16634.67
    assert report["arr"] == round(expected * 12 / 100, 2) == 199616.0  # 12 x exact MRR


def test_pipeline_stage_breakdown_and_win_rate(workspace):
    with workspace.uow() as uow:
        r = metrics.report(uow.session, NOW)
    stages = {x["stage"]: x for x in r["deals_by_stage"]}
    assert [x["stage"] for x in r["deals_by_stage"]][0] == "Lead"
    assert stages["Demo Scheduled"]["count"] == 9
    open_sum = sum(x["amount"] for x in r["deals_by_stage"] if not x["closed"])
    assert r["pipeline_value"] == open_sum
    assert 0 < r["weighted_pipeline"] < r["pipeline_value"]
    assert r["win_rate"] == 0.4  # 2 won of 5 closed in the 90 days before 2026-11-21


def test_burn_and_runway(workspace):
    with workspace.uow() as uow:
        r = metrics.report(uow.session, NOW)
        assert [m["month"] for m in r["burn_months"]] == ["2026-08", "2026-09", "2026-10"]
        assert r["runway_months"] is None
        uow.session.add(s.Setting(key="cash_balance_cents", value=str(300_000_00)))
        uow.commit()
    with workspace.uow() as uow:
        r = metrics.report(uow.session, NOW)
    assert r["burn"] > 0
    assert r["runway_months"] == round(300_000 / r["burn"], 1)


def test_stale_deals_oldest_first_and_only_open(workspace):
    with workspace.uow() as uow:
        r = metrics.report(uow.session, NOW)
    days = [d["days_inactive"] for d in r["stale_deals"]]
    assert days == sorted(days, reverse=True) and min(days) >= 7
    assert all(d["stage"] not in ("Closed Won", "Closed Lost") for d in r["stale_deals"])
    names = {d["name"] for d in r["stale_deals"]}
    assert "Acme Corp - Platform Rollout" not in names  # activity on 2026-11-18
