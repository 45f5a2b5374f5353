"""The figures of the revenue panel and ``spectrum report --json``.

Money figures are returned in major units of the workspace currency (USD by default) as floats
rounded to cents; each function documents its definition and source.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from fractions import Fraction
from typing import Any

from sqlalchemy import ColumnElement, Row, and_, func, or_, select
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


def _monthly_sum(session: Session, *where: ColumnElement[bool]) -> Fraction:
    """Sum of monthly values (cents) of the subscriptions matching ``where``: amount x quantity is
    summed in SQL per (interval, interval count), then normalised exactly in Python."""
    q = (select(s.Subscription.interval, s.Subscription.interval_count,
                func.sum(s.Subscription.amount_cents * s.Subscription.quantity))
         .where(*where).group_by(s.Subscription.interval, s.Subscription.interval_count))
    return sum((rules.monthly_cents(int(total or 0), 1, interval, count)
                for interval, count, total in session.execute(q)), Fraction(0))


def _open_stage_filter() -> ColumnElement[bool]:
    return and_(s.Stage.is_won.is_(False), s.Stage.is_lost.is_(False))


def pipeline_values(session: Session) -> tuple[int, float]:
    """(pipeline value, weighted pipeline) in cents over open deals (stage neither won nor lost);
    weighted = sum of amount x the stage's win probability (HubSpot's "weighted amount")."""
    q = (select(func.coalesce(func.sum(s.Deal.amount_cents), 0),
                func.coalesce(func.sum(s.Deal.amount_cents * s.Stage.probability), 0))
         .join(s.Stage, s.Stage.id == s.Deal.stage_id).where(_open_stage_filter()))
    total, weighted = session.execute(q).one()
    return int(total), float(weighted)


def _stage_totals(session: Session) -> list[Row[Any]]:
    """Per stage in pipeline order: (id, label, pipeline name, deal count, amount cents, is_won,
    is_lost, probability); one GROUP BY over the (stage, amount) index."""
    agg = (select(s.Deal.stage_id, func.count(s.Deal.id).label("n"),
                  func.coalesce(func.sum(s.Deal.amount_cents), 0).label("total"))
           .group_by(s.Deal.stage_id).subquery())
    q = (select(s.Stage.id, s.Stage.label, s.Pipeline.name, func.coalesce(agg.c.n, 0),
                func.coalesce(agg.c.total, 0), s.Stage.is_won, s.Stage.is_lost, s.Stage.probability)
         .join(s.Pipeline, s.Pipeline.id == s.Stage.pipeline_id)
         .outerjoin(agg, agg.c.stage_id == s.Stage.id)
         .order_by(s.Stage.pipeline_id, s.Stage.position))
    return list(session.execute(q))


def _by_stage_rows(totals: list[Row[Any]]) -> list[dict[str, Any]]:
    return [{"stage_id": i, "stage": lab, "pipeline": p, "count": int(n), "amount": _money(t),
             "closed": bool(w or lo)} for i, lab, p, n, t, w, lo, _prob in totals]


def deals_by_stage(session: Session) -> list[dict[str, Any]]:
    """Count and amount sum per stage, every stage in pipeline order (empty stages included)."""
    return _by_stage_rows(_stage_totals(session))


def win_rate(session: Session, now: datetime) -> float | None:
    """Closed won ÷ (closed won + closed lost) over deals whose close date falls in the last
    90 days up to ``now`` (HubSpot's deal win rate); None when no deal closed in that window.
    Counted per closed stage over the (stage, close date, amount) index."""
    since = (now - timedelta(days=WIN_RATE_DAYS)).date()
    closed = session.execute(select(s.Stage.id, s.Stage.is_won).where(
        or_(s.Stage.is_won.is_(True), s.Stage.is_lost.is_(True)))).all()
    won = total = 0
    for sid, is_won in closed:
        n = session.execute(select(func.count()).select_from(s.Deal).where(
            s.Deal.stage_id == sid, s.Deal.close_date > since, s.Deal.close_date <= now.date())).scalar() or 0
        total += n
        won += n if is_won else 0
    return None if not total else round(won / total, 4)


def subscription_revenue_cents(session: Session, start: date, end: date) -> Fraction:
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
    months: list[dict[str, Any]] = []
    for start, end in rules.last_full_months(now.date(), BURN_MONTHS):
        spent = session.execute(select(func.coalesce(func.sum(s.Expense.amount_cents), 0)).where(
            s.Expense.date >= start, s.Expense.date <= end)).scalar() or 0
        revenue = subscription_revenue_cents(session, start, end)
        months.append({"month": start.strftime("%Y-%m"), "expenses": _money(spent),
                       "revenue": _money(revenue), "net": _money(Fraction(int(spent)) - revenue)})
    avg = sum(Fraction(m["net"]).limit_denominator(100) for m in months) / len(months)
    return {"burn": round(float(avg), 2), "months": months}


def stale_deals(session: Session, now: datetime, limit: int = 50) -> tuple[int, list[dict[str, Any]]]:
    """Open deals with no activity for 7 or more days (last activity, or creation when none),
    oldest first. Returns (total count, the first ``limit``).

    Read per open stage through the (stage, last activity) index: deals with an activity and
    deals without one (by creation time) are counted and listed separately, then merged."""
    cutoff = now - timedelta(days=STALE_DAYS)
    open_ids = session.execute(select(s.Stage.id).where(_open_stage_filter())).scalars().all()
    labels: dict[int, str] = {i: lab for i, lab in session.execute(select(s.Stage.id, s.Stage.label)).all()}
    total = 0
    cands: list[Row[Any]] = []
    cols = (s.Deal.id, s.Deal.name, s.Deal.stage_id, s.Deal.amount_cents)
    for sid in open_ids:
        active = and_(s.Deal.stage_id == sid, s.Deal.last_activity_at.is_not(None), s.Deal.last_activity_at <= cutoff)
        never = and_(s.Deal.stage_id == sid, s.Deal.last_activity_at.is_(None), s.Deal.created_at <= cutoff)
        total += session.execute(select(func.count()).select_from(s.Deal).where(active)).scalar() or 0
        total += session.execute(select(func.count()).select_from(s.Deal).where(never)).scalar() or 0
        cands += session.execute(select(*cols, s.Deal.last_activity_at).where(active)
                                 .order_by(s.Deal.last_activity_at, s.Deal.id).limit(limit)).all()
        cands += session.execute(select(*cols, s.Deal.created_at).where(never)
                                 .order_by(s.Deal.created_at, s.Deal.id).limit(limit)).all()
    cands.sort(key=lambda r: (r[4], r[0]))
    rows = [{"id": i, "name": n, "stage": labels.get(st), "amount": _money(a),
             "last_activity": la.isoformat(sep=" ", timespec="minutes") if la else None,
             "days_inactive": (now - la).days if la else None} for i, n, st, a, la in cands[:limit]]
    return total, rows


def cash_balance_cents(session: Session) -> int | None:
    """The cash balance set with ``spectrum set cash AMOUNT``, in cents, or None."""
    v = get_setting(session, CASH_KEY)
    return None if v is None else int(v)


def money_inputs_fingerprint(session: Session) -> tuple[Any, ...]:
    """A cheap value that changes when subscriptions or expenses change (row count, largest id,
    amount sum, canceled count): callers cache the subscription- and expense-derived figures
    (MRR, burn, MRR by month) under it. About 1 ms on 2k subscriptions + 3k expenses."""
    sub = session.execute(select(func.count(), func.max(s.Subscription.id), func.sum(s.Subscription.amount_cents),
                                 func.sum(s.Subscription.quantity), func.count(s.Subscription.canceled_at),
                                 func.count(s.Subscription.created_at))).one()
    exp = session.execute(select(func.count(), func.max(s.Expense.id), func.sum(s.Expense.amount_cents))).one()
    return tuple(sub) + tuple(exp)


def money_figures(session: Session, now: datetime) -> dict[str, Any]:
    """The subscription- and expense-derived figures at ``now``: mrr_cents (Fraction), burn
    (see :func:`burn`). Deals do not affect them."""
    return {"mrr_cents": mrr_cents(session, now), "burn": burn(session, now)}


def report(session: Session, now: datetime, money: dict[str, Any] | None = None) -> dict[str, Any]:
    """Every revenue-panel figure at ``now`` (see each function for its definition).
    ``money``: :func:`money_figures` computed earlier for the same ``now`` day (a cache), or None."""
    money = money or money_figures(session, now)
    mrr = money["mrr_cents"]
    totals = _stage_totals(session)  # pipeline values from the per-stage sums: same figures, one query
    open_stages = [r for r in totals if not (r[5] or r[6])]
    total = int(sum(int(r[4]) for r in open_stages))
    weighted = float(sum(int(r[4]) * float(r[7] or 0) for r in open_stages))
    b = money["burn"]
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
        "deals_by_stage": _by_stage_rows(totals),
        "win_rate": win_rate(session, now),
        "burn": b["burn"],
        "burn_months": b["months"],
        "cash_balance": _money(cash),
        "runway_months": runway,
        "stale_deals_count": stale_total,
        "stale_deals": stale,
    }
