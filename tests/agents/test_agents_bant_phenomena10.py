"""BANT+ extraction, one construction at a time, continued from ``test_agents_bant_phenomena9.py``
(issue/18w onwards, callnotes22's invented facts and misses): each case is a short note in words of our own
(not a blind-set sentence) and the field a user would see on the deal."""

from __future__ import annotations

import pytest
from bant_said import said


# -- budget: invented ----------------------------------------------------------------------------------
@pytest.mark.parametrize("note", [
    "Account snapshot: Growth, 9,590/yr, renewed in August. They want the SMS add-on.",
    "Their Starter subscription (299/mo) runs out in May and Omar wants to line the add-on up with it.",
    "Current setup: Enterprise, 48,000 a year, on a three-year term.",
])
def test_issue18w_the_plan_they_are_on_with_its_price_beside_its_name_is_no_budget(note):
    said(note, "budget", None)


@pytest.mark.parametrize("note,value", [
    ("Priya wants to step down from Scale (1,999/mo) to Growth; she has 6,000 set aside for next year.", 6000),
    ("moving them off growth (799/mo) onto starter, budget is 2,500 for the year.", 2500),
    ("He's on Pro (49/mo) today and has 3k approved for the upgrade.", 3000),
])
def test_issue18w_a_plan_price_in_brackets_leaves_their_own_figure(note, value):
    said(note, "budget", value)


@pytest.mark.parametrize("note", [
    "Budget: 'we spend twelve hundred a month on the answering service, I can't pay that twice' so no number yet.",
    "They mentioned 40k, but there's still no real figure.",
    "Somewhere between 20 and 25k for the year, not settled.",
])
def test_issue18w_a_figure_said_then_denied_in_the_same_sentence_is_no_budget(note):
    said(note, "budget", None)


@pytest.mark.parametrize("note", [
    "HubSpot cut their quote to 18k a year.",
    "Zendesk lowered its price to 2,000 a month to keep them.",
    "Her boss forwarded a Gong quote, 40k for the same seats.",
])
def test_issue18w_another_vendors_quote_is_no_budget(note):
    said(note, "budget", None)
