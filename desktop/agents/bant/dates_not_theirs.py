"""Dates in a note that are no buying date of the customer's (issue/18z, callnotes25's invented timelines): our
meeting moved to a new day ("moved the demo from Dec 2 to Dec 3"), our own quarter or year end that we push to close
before ("I pushed to close before our Q4 ends Dec 31") and the month their budget is set ("our budget gets set in
January"). Each is cut from the sentence before the date is read."""

from __future__ import annotations

import re

_MON = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|"
        r"aug|sept?|oct|nov|dec)")
_DAY = (r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,? |(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.? )?(?:the )?(?:" + _MON +
        r"\.? \d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?(?: of " + _MON + r")?|\d{1,2}/\d{1,2}|[a-z]+day|tomorrow)")
_MEETING = r"(?:demo|call|meeting|kick-?off|walk-?through|session|check-?in|slot|workshop|training|review|presentation)"

_NOT_THEIRS = re.compile(
    # "Nina moved the demo from Dec 2 to Dec 3", "pushed our call to the 9th": our meeting, moved
    r"\b(?:moved|moves|rescheduled|reschedules|pushed|pushes|shifted|shifts|bumped|bumps|swapped|swaps)\s+(?:the|our|my|this|"
    r"today's|tomorrow's|their)\s+(?:[\w-]+\s+)?" + _MEETING + r"\b(?:\s+(?:from|off)\s+" + _DAY + r")?(?:\s+(?:to|until|till)\s+" + _DAY +
    r")?(?:,?\s*(?:\d{1,2}(?::\d\d)?\s*(?:am|pm)))?|"
    # "I pushed to close before our Q4 ends Dec 31", "to get it in by our year end on the 31st": our period, not theirs
    r"\b(?:before|by|ahead of|in)\s+our\s+(?:q[1-4]|quarter|fiscal year|financial year|year|half)(?:[- ]end)?\s*(?:ends?|closes?|is over)?"
    r"(?:\s+(?:on\s+)?" + _DAY + r")?|"
    # "our budget gets set in January, no number before then", "budgets are approved in March": when the money is set
    r"\b(?:the |our |their |her |his )?budgets?\s+(?:gets?|is|are|will be|'ll be|should be)\s+(?:only\s+)?(?:set|approved|decided|"
    r"finali[sz]ed|signed off|agreed|allocated)\s+(?:in|by|on|at|around)\s+(?:early |mid-?|late |the end of )?" + _MON + r"\b", re.I)


def strip_not_theirs(sentence: str) -> str:
    """``sentence`` without the dates that are not the customer's buying date (see the module docstring)."""
    return _NOT_THEIRS.sub(" ", sentence)
