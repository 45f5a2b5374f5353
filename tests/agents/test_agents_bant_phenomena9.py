"""BANT+ extraction, one construction at a time, continued from ``test_agents_bant_phenomena8.py``
(issue/18v onwards, callnotes21's invented facts and misses): each case is a short note in words of our own
(not a blind-set sentence) and the field a user would see on the deal."""

from __future__ import annotations

import pytest
from bant_said import said


# -- need --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("note", [
    "Marco wants the yearly plan, and our list price is eighteen thousand.",
    "She'd like the Pro tier at four ninety-nine a month.",
    "Tom wants our Enterprise package instead of the starter one.",
])
def test_issue18v_a_plan_or_tier_of_ours_wanted_is_no_need(note):
    said(note, "need", None)


@pytest.mark.parametrize("note", [
    "I mentioned our legal team wants the signed order form by the 20th for our year-end, not their concern.",
    "Told him my manager wants this closed before our quarter ends.",
    "I said our deal desk needs everything in by Friday to book it this quarter.",
])
def test_issue18v_the_sellers_own_team_wanting_something_is_no_need(note):
    said(note, "need", None)


@pytest.mark.parametrize("note,need", [
    ("They want a plan for onboarding their new drivers.", "onboarding"),
    ("She wants the annual plan because the reps keep losing leads over the weekend.", "losing leads"),
])
def test_issue18v_a_need_beside_a_plan_still_counts(note, need):
    said(note, "need", need)
