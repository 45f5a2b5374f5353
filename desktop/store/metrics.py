"""The figures of the revenue panel and ``spectrum report --json``.

Money figures are returned in major units of the workspace currency (USD by default) as floats
rounded to cents; each function documents its definition and source.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from fractions import Fraction
from typing import Any

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from desktop.domain import metrics as rules
from desktop.store import schema as s
from desktop.store.queries import get_setting

STALE_DAYS = 7
WIN_RATE_DAYS = 90
BURN_MONTHS = 3
CASH_KEY = "cash_balance_cents"


def _money(cents: int | float | Fraction | None) -> float | None:
    return None if cents is None else round(float(cents) / 100, 2)


def mrr_cents(session: Session, now: datetime) -> Fraction:
    """Monthly recurring revenue in cents at ``now``: Stripe's definition (see
    :mod:`desktop.domain.metrics`): subscriptions with status active or past_due created by ``now``,
    amount x quantity normalised to a month (yearly / 12); canceled and trialing excluded."""
    return _monthly_sum(session, s.Subscription.status.in_(rules.MRR_STATUSES),
                        or_(s.Subscription.created_at.is_(None), s.Subscription.created_at <= now))


def _monthly_sum(session: Session, *where) -> Fraction:
    """Sum of monthly values (cents) of the subscriptions matching ``where``: amount x quantity is
    summed in SQL per (interval, interval count), then normalised exactly in Python."""
    q = (select(s.Subscription.interval, s.Subscription.interval_count,
                func.sum(s.Subscription.amount_cents * s.Subscription.quantity))
         .where(*where).group_by(s.Subscription.interval, s.Subscription.interval_count))
    return sum((rules.monthly_cents(int(total or 0), 1, interval, count)
                for interval, count, total in session.execute(q)), Fraction(0))


def _open_stage_filter():
    return and_(s.Stage.is_won.is_(False), s.Stage.is_lost.is_(False))


def pipeline_values(session: Session) -> tuple[int, float]:
    """(pipeline value, weighted pipeline) in cents over open deals (stage neither won nor lost);
    weighted = sum of amount x the stage's win probability (HubSpot's "weighted amount")."""
    q = (select(func.coalesce(func.sum(s.Deal.amount_cents), 0),
                func.coalesce(func.sum(s.Deal.amount_cents * s.Stage.probability), 0))
         .join(s.Stage, s.Stage.id == s.Deal.stage_id).where(_open_stage_filter()))
    total, weighted = session.execute(q).one()
    return int(total), float(weighted)


def deals_by_stage(session: Session) -> list[dict[str, Any]]:
    """Count and amount sum per stage, every stage in pipeline order (empty stages included)."""
    agg = (select(s.Deal.stage_id, func.count(s.Deal.id).label("n"),
                  func.coalesce(func.sum(s.Deal.amount_cents), 0).label("total"))
           .group_by(s.Deal.stage_id).subquery())
    q = (select(s.Stage.id, s.Stage.label, s.Pipeline.name, func.coalesce(agg.c.n, 0),
                func.coalesce(agg.c.total, 0), s.Stage.is_won, s.Stage.is_lost)
         .join(s.Pipeline, s.Pipeline.id == s.Stage.pipeline_id)
         .outerjoin(agg, agg.c.stage_id == s.Stage.id)
         .order_by(s.Stage.pipeline_id, s.Stage.position))
    return [{"stage_id": i, "stage": lab, "pipeline": p, "count": int(n), "amount": _money(t),
             "closed": bool(w or lo)} for i, lab, p, n, t, w, lo in session.execute(q)]


def win_rate(session: Session, now: datetime) -> float | None:
    """Closed won ÷ (closed won + closed lost) over deals whose close date falls in the last
    90 days up to ``now`` (HubSpot's deal win rate); None when no deal closed in that window."""
    since = (now - timedelta(days=WIN_RATE_DAYS)).date()
    q = (select(func.sum(case((s.Stage.is_won.is_(True), 1), else_=0)), func.count(s.Deal.id))
         .join(s.Stage, s.Stage.id == s.Deal.stage_id)
         .where(or_(s.Stage.is_won.is_(True), s.Stage.is_lost.is_(True)),
                s.Deal.close_date > since, s.Deal.close_date <= now.date()))
    won, closed = session.execute(q).one()
    return None if not closed else round(int(won or 0) / int(closed), 4)


def subscription_revenue_cents(session: Session, start, end) -> Fraction:
    """Recurring revenue booked in the month [start, end] (dates): the monthly value of every
    subscription that had started by ``end`` and was not canceled before ``start``, trialing and
    incomplete ones excluded. An approximation of billed revenue from a subscriptions export."""
    start_dt = datetime.combine(start, datetime.min.time())
    end_dt = datetime.combine(end, datetime.max.time())
    return _monthly_sum(session,
                        s.Subscription.status.not_in(("trialing", "incomplete", "incomplete_expired")),
                        or_(s.Subscription.created_at.is_(None), s.Subscription.created_at <= end_dt),
                        or_(s.Subscription.canceled_at.is_(None), s.Subscription.canceled_at >= start_dt))


def burn(session: Session, now: datetime) -> dict[str, Any]:
    """Average monthly net burn over the last 3 full calendar months before ``now``'s month:
    (expenses − subscription revenue) per month, averaged. Positive = money going out.

    Returns: {"burn": major units, "months": [{"month": "YYYY-MM", "expenses", "revenue", "net"}]}.
    """
    months = []
    for start, end in rules.last_full_months(now.date(), BURN_MONTHS):
        spent = session.execute(select(func.coalesce(func.sum(s.Expense.amount_cents), 0)).where(
            s.Expense.date >= start, s.Expense.date <= end)).scalar()
        revenue = subscription_revenue_cents(session, start, end)
        months.append({"month": start.strftime("%Y-%m"), "expenses": _money(spent),
                       "revenue": _money(revenue), "net": _money(Fraction(int(spent)) - revenue)})
    avg = sum(Fraction(m["net"]).limit_denominator(100) for m in months) / len(months)
    return {"burn": round(float(avg), 2), "months": months}


def stale_deals(session: Session, now: datetime, limit: int = 50) -> tuple[int, list[dict[str, Any]]]:
    """Open deals with no activity for 7 or more days (last activity, or creation when none),
    oldest first. Returns (total count, the first ``limit``)."""
    cutoff = now - timedelta(days=STALE_DAYS)
    last = func.coalesce(s.Deal.last_activity_at, s.Deal.created_at)
    where = and_(_open_stage_filter(), last <= cutoff)
    total = session.execute(select(func.count(s.Deal.id)).join(s.Stage, s.Stage.id == s.Deal.stage_id)
                            .where(where)).scalar() or 0
    q = (select(s.Deal.id, s.Deal.name, s.Stage.label, s.Deal.amount_cents, last)
         .join(s.Stage, s.Stage.id == s.Deal.stage_id).where(where).order_by(last).limit(limit))
    rows = [{"id": i, "name": n, "stage": st, "amount": _money(a),
             "last_activity": la.isoformat(sep=" ", timespec="minutes") if la else None,
             "days_inactive": (now - la).days if la else None} for i, n, st, a, la in session.execute(q)]
    return total, rows


def cash_balance_cents(session: Session) -> int | None:
    """The cash balance set with ``spectrum set cash AMOUNT``, in cents, or None."""
    v = get_setting(session, CASH_KEY)
    return None if v is None else int(v)


def report(session: Session, now: datetime) -> dict[str, Any]:
    """Every revenue-panel figure at ``now`` (see each function for its definition)."""
    mrr = mrr_cents(session, now)
    total, weighted = pipeline_values(session)
    b = burn(session, now)
    cash = cash_balance_cents(session)
    stale_total, stale = stale_deals(session, now)
    runway = None
    if cash is not None and b["burn"] > 0:
        runway = round(cash / 100 / b["burn"], 1)
    return {
        "now": now.isoformat(timespec="seconds"),
        "currency": "usd",
        "mrr": _money(mrr),
        "arr": _money(mrr * 12),
        "pipeline_value": _money(total),
        "weighted_pipeline": _money(weighted),
        "deals_by_stage": deals_by_stage(session),
        "win_rate": win_rate(session, now),
        "burn": b["burn"],
        "burn_months": b["months"],
        "cash_balance": _money(cash),
        "runway_months": runway,
        "stale_deals_count": stale_total,
        "stale_deals": stale,
    }
