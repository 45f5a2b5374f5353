"""BANT+ extraction from call notes and voice notes (offline, rule-based).

:func:`extract` returns budget (amount in major units), authority (who decides), need (the pain in
the customer's words), timeline (a ``YYYY-MM-DD`` date), competition (named competitor) and the next
step, each with the sentence it came from. Uses the planner's number and date parsers
(:mod:`desktop.planner.parsing`), read-only.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

from desktop.planner.parsing.dates import find_date
from desktop.planner.parsing.numbers import find_amounts

_SENT = re.compile(r"(?<=[.!?;\n])\s+")
_BUDGET = re.compile(r"\b(budget|spend|price|pricing|afford|approved|allocated|cost)\b", re.I)
_AUTH_ROLE = re.compile(r"\b(ceo|cfo|cto|coo|vp(?: of)? \w+|vp|founder|owner|director|head of \w+|board|procurement)\b", re.I)
_AUTH = re.compile(r"\b(decision[- ]maker|decides|sign[- ]?off|signs off|approv\w+|final say|economic buyer)\b", re.I)
_NEED = re.compile(r"\b(need|needs|pain|problem|struggl\w*|issue|challenge|want|wants|looking for|goal)\b", re.I)
_TIME = re.compile(r"\b(by|before|until|go[- ]live|launch|deadline|timeline|decide|decision|next (?:week|month|quarter)"
                   r"|q[1-4]|end of)\b", re.I)
_COMP = re.compile(r"\b(?:evaluating|comparing|also (?:talking to|looking at)|competitor|vs\.?|versus|"
                   r"against|switch(?:ing)? from|currently (?:use|using|on))\s+([A-Z][\w&.-]+(?:\s+[A-Z][\w&.-]+)?)")
_NEXT = re.compile(r"\b(?:next step[s]?\s*(?:is|are|:)?|will|agreed to|follow[- ]up(?: with)?|send(?: them)?)\s+(.{5,120}?)"
                   r"(?:[.!?\n]|$)", re.I)
_NEG = re.compile(r"\b(no budget|not interested|too expensive|on hold|paused|freeze|went dark|ghost\w*|"
                  r"no response|unresponsive|concern\w*|worried|risk)\b", re.I)
_POS = re.compile(r"\b(great|excited|love[ds]?|happy|positive|keen|impressed|ready to|green light)\b", re.I)


@dataclass(frozen=True)
class Bant:
    """Extracted qualification fields (None = not mentioned). ``evidence`` maps a field to its sentence."""

    budget: float | None = None
    authority: str | None = None
    need: str | None = None
    timeline: str | None = None
    competition: str | None = None
    next_step: str | None = None
    sentiment: str | None = None
    evidence: dict[str, str] | None = None

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready dict."""
        return asdict(self)

    @property
    def filled(self) -> int:
        """How many of budget/authority/need/timeline are known (0-4)."""
        return sum(x is not None for x in (self.budget, self.authority, self.need, self.timeline))


def extract(text: str, now: datetime | date) -> Bant:
    """Extract BANT+ from ``text`` (a note, transcript or several joined), relative to ``now``."""
    text = (text or "").strip()
    if not text:
        return Bant()
    ev: dict[str, str] = {}
    budget = authority = need = timeline = competition = next_step = None
    for sent in _SENT.split(text):
        s = sent.strip()
        if not s:
            continue
        if budget is None and _BUDGET.search(s):
            money = [a for a in find_amounts(s) if not a.percent]
            if money:
                budget = float(max(a.value for a in money))
                ev["budget"] = s
        if authority is None:
            m = _AUTH.search(s)
            role = _AUTH_ROLE.search(s)
            if m or role:
                authority, ev["authority"] = (role or m).group(1), s
        if need is None and _NEED.search(s):
            need, ev["need"] = s[:200], s
        if timeline is None and _TIME.search(s):
            found = find_date(s, now)
            if found:
                timeline, ev["timeline"] = found[0].isoformat(), s
        if competition is None:
            m = _COMP.search(s)
            if m:
                competition, ev["competition"] = m.group(1).strip(" .,"), s
        if next_step is None:
            m = _NEXT.search(s)
            if m:
                next_step, ev["next_step"] = m.group(1).strip(" .,"), s
    neg, pos = len(_NEG.findall(text)), len(_POS.findall(text))
    sentiment = "negative" if neg > pos else "positive" if pos > neg else ("neutral" if text else None)
    return Bant(budget, authority, need, timeline, competition, next_step, sentiment, ev)
