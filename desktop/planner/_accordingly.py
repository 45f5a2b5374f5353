"""A deal field changed "accordingly": the value is the fact said before the request.

"Proposal went out to Cedar Group yesterday, update the stage accordingly." asks for the stage the
fact implies (Proposal Sent); "Umbrella told me they won't sign anything before June, change the close
date accordingly." for the date it names (a "not before" date is that period's first day, as the
planner brief says). :func:`rewrite` turns the request into one with its value ("..., move the deal to
Proposal Sent", "..., set the close date to 2027-06-01") so the ordinary rules plan it, and leaves the
text unchanged when the fact implies no single value (then the planner asks what the value should be).
"""

from __future__ import annotations

import re
from datetime import date

from .parsing.dates import find_date

#: The request: a change of the stage or close date with no value of its own, at the end of the text.
_REQUEST = re.compile(
    r"(?P<sep>[,.;]|\s+and)\s*(?:(?:so|please|then|just|can you|could you)\s+)*"
    r"(?:update|change|set|adjust|move|fix|bump|push)\s+(?:the\s+|their\s+|its\s+|that\s+)?(?:deal(?:['\u2019]s)?\s+)?"
    r"(?P<f>stage|close\s+date|closing\s+date|close)\b"
    r"(?:\s+(?:accordingly|to\s+match|to\s+reflect\s+(?:that|this|it)|as\s+well|too|then|for\s+(?:that|me)))?\s*(?:please\s*)?[.!]?\s*$",
    re.I)
#: A fact's date is a close date only when it is about signing or deciding ("they'll sign by the 15th").
_WHEN_CUE = re.compile(r"\b(?:sign\w*|clos\w*|decid\w*|decision|go[- ]live|launch\w*|buy\w*|commit\w*|approv\w*|"
                       r"slip\w*|push\w*|delay\w*|pushed|moved)\b", re.I)

#: What a fact says of the deal's stage (labels of the default pipeline).
_STAGE_EVENTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("Proposal Sent", re.compile(
        r"\b(?:proposal|quote)\b.{0,40}?\b(?:went\s+out|is\s+out|sent|delivered|went\s+over|over\s+to)\b"
        r"|\b(?:sent|emailed|got|received|have|has)\s+(?:\w+\s+){0,3}?(?:the|our|a)\s+(?:proposal|quote)\b", re.I)),
    ("Demo Scheduled", re.compile(
        r"\bdemo\b.{0,40}?\b(?:booked|scheduled|set|on\s+the\s+calendar|confirmed|locked\s+in)\b"
        r"|\b(?:booked|scheduled|set\s+up|locked\s+in)\s+(?:a|the)\s+demo\b", re.I)),
    ("Negotiation", re.compile(r"\b(?:negotiat\w+|redlin\w+|haggl\w+|legal\s+(?:review|is\s+reviewing)|"
                               r"(?:reviewing|marking\s+up)\s+the\s+contract)\b", re.I)),
    ("Closed Won", re.compile(r"\b(?:signed|contract\s+is\s+back|went\s+with\s+us|chose\s+us|picked\s+us)\b", re.I)),
    ("Closed Lost", re.compile(r"\b(?:went\s+with\s+(?!us\b)|chose\s+(?!us\b)|picked\s+(?!us\b)|walked\s+away|"
                               r"are\s+out|pulled\s+out|backed\s+out|said\s+no)\b", re.I)),
)
_NOT_BEFORE = re.compile(r"\b(?:not|won't|will\s+not|can't|cannot|isn't|aren't|wouldn't|no)\b[^.;]{0,40}?\b(?:before|until|till)\s+"
                         r"(?P<when>(?:the\s+)?(?:january|february|march|april|may|june|july|august|september|october|november|"
                         r"december|q[1-4]|next\s+(?:month|quarter|year))\b)"
                         r"(?!\s+(?:the\s+)?(?:\d|[a-z]+(?:st|nd|rd|th)\b))", re.I)  # ("until March 9th" is that day)


def rewrite(text: str, today: date) -> str:
    """``text`` with a value-less "update the stage/close date accordingly" given the value its fact
    implies; unchanged when there is no such request or the fact implies no single value.

    Stage: the one stage whose event the fact reports (``_STAGE_EVENTS``: a proposal sent, a demo
    booked, redlines, a signature, a loss). Close date: a "not before <period>" date is the period's
    first day; any other date in a fact about signing or deciding (``_WHEN_CUE``) is taken as
    :func:`find_date` reads it (a period's last day). A date already past is never set.
    """
    m = _REQUEST.search(text)
    if m is None or m.start() < 8:
        return text
    fact = text[:m.start()]
    field = m.group("f").lower()
    if field == "stage":
        said = [label for label, cue in _STAGE_EVENTS if cue.search(fact)]
        if len(said) != 1:
            return text
        return f"{fact}{m.group('sep')} move the deal to {said[0]}."
    when = _NOT_BEFORE.search(fact)
    if when is not None and (found := find_date("in " + when.group("when"), today)) is not None:
        day = found[0].replace(day=1) if not re.match(r"(?:the\s+)?q[1-4]", when.group("when"), re.I) else \
            date(found[0].year, found[0].month - 2, 1)
    elif _WHEN_CUE.search(fact) and (found := find_date(fact, today)) is not None:
        day = found[0]
    else:
        return text
    if day < today:
        return text
    return f"{fact}{m.group('sep')} set the close date to {day.isoformat()}."
