"""Dates in a note that are no buying date of the customer's (issue/18z, callnotes25's invented timelines): our
meeting moved to a new day ("moved the demo from Dec 2 to Dec 3"), our own quarter or year end that we push to close
before ("I pushed to close before our Q4 ends Dec 31") and the month their budget is set ("our budget gets set in
January"), and a date they can no longer make ("can't sign by EOM after all"). Each is cut from the sentence before the
date is read. Two wordings of their own deadline are read as one: "by the 10th, that's their board meeting" (the event
after the date says why, the date stays) and "wants the pilot started by the 15th" (a pilot they want going by a date, as
"running by" is)."""

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
    r"finali[sz]ed|signed off|agreed|allocated)\s+(?:in|by|on|at|around)\s+(?:early |mid-?|late |the end of )?" + _MON + r"\b|"
    # "can't sign by EOM after all, legal pushed it": a date they can no longer make (the new one said after it counts)
    r"\b(?:can't|cannot|can not|won't|will not|couldn't|isn't going to|aren't going to)\s+(?:\w+\s+)?(?:sign|close|go live|launch|"
    r"decide|make it)(?:\s+(?:it|this|the (?:contract|deal)))?\s+(?:by|before|on|in)\s+(?:eom|eoq|eoy|end of (?:the )?(?:month|"
    r"quarter|year)|" + _DAY + r")(?:\s+after all)?", re.I)

#: "by the 10th, that's their board meeting": their event said after the deadline's date, which stays
_EVENT_AFTER = re.compile(r"(\b(?:by|before)\s+" + _DAY + r"),\s*(?:that's|that is|which is|as that's|because that's)\s+(?:when )?"
                          r"(?:their|the|her|his)\s+(?:[\w'-]+\s+){0,2}(?:meeting|offsite|board|committee|retreat|kick-?off|conference|"
                          r"event|launch|season)\b[^.;]*", re.I)
#: "wants the pilot started by the 15th": a pilot they want going by a date
_PILOT_STARTED = re.compile(r"\b((?:wants?|wanted|needs?|needed|'d like|would like|hopes? to have|expects?)\s+(?:the|a|their)\s+"
                            r"(?:[\w-]+\s+)?(?:pilot|trial|poc))\s+(?:started|kicked off|begun|going|underway|set up)\s+(?=by\b)", re.I)


def strip_not_theirs(sentence: str) -> str:
    """``sentence`` without the dates that are not the customer's buying date (see the module docstring)."""
    sentence = _EVENT_AFTER.sub(r"\1", sentence)
    sentence = _PILOT_STARTED.sub(r"\1 running ", sentence)
    return _NOT_THEIRS.sub(" ", sentence)


_OPENS_FIX = re.compile(r"^(?:(?:uh|um|er|oh),?\s+)*(?:sorry|no wait|wait,? no|correction|i mean|no,? (?:she|he|they) corrected "
                        r"(?:herself|himself|themselves))\b", re.I)
_FULL_DATE = r"(?:" + _MON + r"\.? \d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)? (?:of )?" + _MON + r")"
#: "Jan 15th, sorry, she corrected herself, Jan 12th": the first date taken back for the one said after it
_DATE_PUT_RIGHT = re.compile(r"\b" + _FULL_DATE + r"\b[,;]?\s+(?:(?:sorry|no|wait)\b,?\s*)+(?:(?:she|he|they) corrected (?:herself|himself|"
                             r"themselves),?\s+|i mean,?\s+)?(?=" + _FULL_DATE + r"\b)", re.I)


def dates_put_right(sentences: list[str]) -> list[str]:
    """``sentences`` with a date taken back for the one said right after it, also when the correction was split off
    as a sentence of its own ("... starts, Jan 15th - sorry, she corrected herself, Jan 12th" -> "... starts, Jan 12th")."""
    out: list[str] = []
    for s in sentences:
        if out and _OPENS_FIX.match(s.strip()) and re.search(_FULL_DATE, s, re.I) and re.search(_FULL_DATE + r"\W*$", out[-1], re.I):
            out[-1] = out[-1].rstrip(" .;,") + ", " + s.strip()
        else:
            out.append(s)
    return [_DATE_PUT_RIGHT.sub("", s) for s in out]
