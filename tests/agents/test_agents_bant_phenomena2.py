"""BANT+ extraction, one language phenomenon at a time, continued from ``test_agents_bant_phenomena.py``
(issue/18m onwards): each case is a short note in words of our own (not a blind-set sentence) and the
field a user would see on the deal."""

from __future__ import annotations

from datetime import datetime

import pytest

from desktop.agents.bant import extract

NOW = datetime(2026, 11, 21, 9, 0)  # a Saturday, as in the blind sets


def _said(note: str, field: str, value) -> None:
    """The extraction of ``field`` from ``note`` is ``value`` (a number, a date, a vendor) or, for the
    worded fields, contains it; ``None`` means the field stays empty."""
    got = getattr(extract(note, NOW), field)
    if value is None or isinstance(value, (int, float)) or field in ("timeline", "competitor"):
        assert got == value, got
    else:
        assert value.lower() in (got or "").lower(), got


@pytest.mark.parametrize("note,value", [
    # a customer's budget said per month is the year's figure (x12) when no term is said
    ("Marisol can put about six hundred a month toward it.", 7200),
    ("budget ~1.2k/mo, owner decides.", 14400),
    ("He's comfortable with two hundred and fifty dollars a month.", 3000),
    # ... or x the term in months when one is said ("annual contract" is twelve)
    ("She has three hundred a month for it over a six-month pilot.", 1800),
    ("Budget is nine hundred a month on an annual contract.", 10800),
    ("They can do a thousand a month on an eighteen-month term.", 18000),
    # a figure said per month, then restated as the total, is the total
    ("He said two grand a month, then corrected himself: two grand total for the trial.", 2000),
    # a yearly figure said beside the monthly one wins
    ("Seven hundred a month, so eighty-four hundred a year, is what's approved.", 8400),
])
def test_issue18m_a_monthly_budget_is_read_per_year(note, value):
    _said(note, "budget", value)


@pytest.mark.parametrize("note", [
    # our price per month is never their budget, however it is said
    "Our starter plan is four hundred a month; she didn't react.",
    "I quoted them 1,100/mo for the team tier.",
    "We'd be around seven fifty a month at their volume.",
])
def test_issue18m_our_monthly_price_is_no_budget(note):
    assert extract(note, NOW).budget is None, extract(note, NOW)


@pytest.mark.parametrize("note", [
    # our price, said back to us in the customer's words after a label's colon, is no budget
    "Her reply, roughly: 'Nine grand is what you quoted, and I have not picked a number of my own.'",
    "His words: two thousand a year is what you offered us, he's still thinking about spend.",
    "Paraphrasing her: 'Twelve K was what you proposed; we'll see.'",
])
def test_issue18m_what_you_quoted_is_no_budget(note):
    assert extract(note, NOW).budget is None, extract(note, NOW)
