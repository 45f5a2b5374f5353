"""BANT+ extraction, one construction at a time, continued from ``test_agents_bant_phenomena2.py``
(issue/18p onwards): each case is a short note in words of our own (not a blind-set sentence) and the
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


@pytest.mark.parametrize("note", [
    "Hana runs this herself; anything over fifty K would need to go to their CFO, but this is far below that.",
    "Marco signs. Any purchase above twenty grand goes up to the board, he said.",
    "The ops lead approves it, everything north of a hundred thousand needs the owner's nod.",
])
def test_issue18p_a_threshold_said_as_what_it_covers_is_no_budget(note):
    _said(note, "budget", None)


@pytest.mark.parametrize("note", [
    "Our module is twelve dollars a user a month and they have about forty users; no budget from them yet.",
    "Our upgrade runs about two grand a year, they haven't told me what they have.",
    "Our seat is fifteen a month at list, they'd need thirty of them.",
])
def test_issue18p_our_add_on_price_is_no_budget(note):
    _said(note, "budget", None)


@pytest.mark.parametrize("note", [
    "Carmen sent the signed NDA back Wednesday, all good. Next I send the proposal.",
    "The quote went out Monday and Leo has it.",
    "Priya signed the pilot agreement Thursday, done.",
])
def test_issue18p_a_weekday_said_with_a_past_deed_is_no_timeline(note):
    _said(note, "timeline", None)


@pytest.mark.parametrize("note", [
    "Next is a walkthrough Thursday to go over the numbers with Sam.",
    "Next step is a workshop that their ops lead will host starting Tuesday.",
    "Next: a short call Monday with the two of them.",
])
def test_issue18p_the_next_step_s_day_is_no_timeline(note):
    _said(note, "timeline", None)


@pytest.mark.parametrize("note", [
    "Asked about timing and she would only say early next year.",
    "Rollout sometime early in the new year, they think.",
    "He sees it landing in the first couple of months of next year, nothing firmer.",
])
def test_issue18p_early_next_year_is_no_date(note):
    _said(note, "timeline", None)


@pytest.mark.parametrize("note", [
    "They dropped the Basic plan in August because nobody used it.",
    "Background: they cancelled the old support plan in October.",
    "She churned from the starter tier in September, price was the issue.",
])
def test_issue18p_a_plan_cancelled_in_a_month_is_no_timeline(note):
    _said(note, "timeline", None)


@pytest.mark.parametrize("note", [
    "Their founder froze every new tool purchase until the Q2 budget review.",
    "The CFO froze discretionary spend until their March offsite.",
    "Finance froze software buying until the new fiscal year in Q1.",
])
def test_issue18p_spend_frozen_until_a_date_is_no_timeline(note):
    _said(note, "timeline", None)


@pytest.mark.parametrize("note", [
    "Mostly chatted about hiring. They're opening a Denver office in Q2, which has nothing to do with us.",
    "Side chat: she's moving house in January, has nothing to do with our deal.",
    "He's running a marathon in March, that has nothing to do with us either.",
])
def test_issue18p_a_date_beside_the_deal_is_no_timeline(note):
    _said(note, "timeline", None)
