"""BANT+ extraction, one construction at a time, continued from ``test_agents_bant_phenomena7.py``
(issue/18u onwards, callnotes20's invented facts and misses): each case is a short note in words of our own
(not a blind-set sentence) and the field a user would see on the deal."""

from __future__ import annotations

import pytest
from bant_said import said


# -- competitor --------------------------------------------------------------------------------------
@pytest.mark.parametrize("note", [
    "We lost the reporting module to Tableau last spring. Nobody is looking at Tableau for this one.",
    "Their IT lead had a demo with Zendesk last year, but no one's considering Zendesk now.",
    "They were comparing us with Aircall in the summer; no-one is really evaluating Aircall anymore.",
])
def test_issue18u_nobody_looking_at_a_vendor_rules_it_out(note):
    said(note, "competitor", None)
