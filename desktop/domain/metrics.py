"""Pure revenue rules (no I/O): how one subscription counts toward MRR, and month arithmetic.

MRR follows Stripe's definition (Stripe Billing docs, "Monthly recurring revenue (MRR)"): the sum,
over subscriptions whose status is ``active`` or ``past_due``, of price x quantity normalised to one
month — yearly plans divided by 12, weekly x 52/12, daily x 365/12, and by the interval count
(every 3 months -> /3). ``trialing``, ``canceled``, ``incomplete``, ``incomplete_expired``,
``unpaid`` and ``paused`` subscriptions contribute nothing. ARR = 12 x MRR.
"""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction

MRR_STATUSES = frozenset({"active", "past_due"})
_PER_MONTH = {"month": Fraction(1), "year": Fraction(1, 12), "week": Fraction(52, 12),
              "day": Fraction(365, 12)}


def monthly_cents(amount_cents: int, quantity: int, interval: str, interval_count: int = 1) -> Fraction:
    """One subscription's monthly value in cents (exact fraction).

    Args:
        amount_cents: price per unit per interval, in cents. quantity: units.
        interval: ``day`` | ``week`` | ``month`` | ``year``. interval_count: intervals per billing period.
    Raises:
        ValueError: unknown interval.
    """
    if interval not in _PER_MONTH:
        raise ValueError(f"unknown billing interval {interval!r}")
    return Fraction(amount_cents * quantity) * _PER_MONTH[interval] / max(1, interval_count)


def counts_for_mrr(status: str) -> bool:
    """True when a subscription in ``status`` counts toward MRR (active or past_due)."""
    return status in MRR_STATUSES


def month_start(d: date) -> date:
    """First day of ``d``'s month."""
    return d.replace(day=1)


def add_months(d: date, n: int) -> date:
    """First day of the month ``n`` months after ``d``'s month (n may be negative)."""
    y, m = divmod(d.year * 12 + (d.month - 1) + n, 12)
    return date(y, m + 1, 1)


def last_full_months(today: date, n: int) -> list[tuple[date, date]]:
    """The ``n`` full calendar months before ``today``'s month as (first day, last day), oldest first."""
    this = month_start(today)
    out = []
    for k in range(n, 0, -1):
        start = add_months(this, -k)
        out.append((start, add_months(start, 1) - timedelta(days=1)))
    return out
