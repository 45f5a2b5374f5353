"""BANT+ extraction from call notes and voice notes (offline, rule-based), and the qualification
verdict and routing that follow from it.

:func:`extract` returns, each with the sentence it came from (``evidence``):

* ``budget`` - the customer's budget in dollars (a number; "about 80k a year" -> 80000), never the
  seller's own ("our budget for ads") and never a count ("200 seats"). A budget said per month is the
  yearly figure, x12 ("maybe 400 a month" -> 4800), or x the term in months when a different term is
  said ("800 a month over a six-month pilot" -> 4800); a yearly total said with it is taken as said.
  Our own price per month is never the budget;
* ``authority`` - who decides or signs ("the CFO", "Mike Chen, VP of Operations");
* ``need`` - the problem they want solved, in the note's words;
* ``timeline`` - when they want to buy / go live / decide, a ``YYYY-MM-DD`` date; a period is its
  last day ("Q1" -> the next March 31st, "end of next month" -> that month's last day);
* ``competitor`` - another vendor they are evaluating (not one they ruled out);
* ``next_step`` - the agreed next action (the seller's "I'll send the deck" counts; a date said
  with it is not the buying timeline).

A field not stated is None (an extraction never invents one). Definitions follow the BANT
framework (IBM's Budget, Authority, Need, Timeline) plus competition and next step, as in
``/work/brief/CALLNOTES_SPEC.md``. :func:`qualify` turns the fields into a verdict (qualified /
nurture / disqualified) and a route (hot -> a task today, warm -> a sequence, cold -> nurture).
Numbers and dates use the planner's parsers (:mod:`desktop.planner.parsing`), read-only.
"""


from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any

from desktop.agents.bant.money import _budget
from desktop.agents.bant.need import _need, service_asked
from desktop.agents.bant.people import _authority
from desktop.agents.bant.rivals import _competitor
from desktop.agents.bant.steps import _next_step
from desktop.agents.bant.text import _NOT_A_FACT, _answered, _sentences, _unquote
from desktop.agents.bant.timeline import _timeline, period_end
from desktop.planner.parsing.asr import strip_fillers

__all__ = ["Bant", "Qualification", "extract", "period_end", "qualify"]


@dataclass(frozen=True)
class Bant:
    """Extracted qualification fields (None = not stated). ``evidence`` maps a field to the
    sentence it came from; ``sentiment`` is positive | negative | neutral (None for no text)."""

    budget: float | None = None
    authority: str | None = None
    need: str | None = None
    timeline: str | None = None
    competitor: str | None = None
    next_step: str | None = None
    sentiment: str | None = None
    evidence: dict[str, str] | None = field(default=None)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready dict (``competition`` kept as an alias of ``competitor`` for older readers)."""
        d = asdict(self)
        d["competition"] = self.competitor
        return d

    @property
    def competition(self) -> str | None:
        """Alias of :attr:`competitor`."""
        return self.competitor

    @property
    def filled(self) -> int:
        """How many of budget/authority/need/timeline are known (0-4)."""
        return sum(x is not None for x in (self.budget, self.authority, self.need, self.timeline))



_NEG = re.compile(r"\b(no budget|not interested|too expensive|on hold|paused|freeze|went dark|ghost\w*|"
                  r"no response|unresponsive|concern\w*|worried|risk|went with|chose|pushback|lukewarm|cold feet)\b", re.I)
_POS = re.compile(r"\b(great|excited|love[ds]?|happy|positive|keen|impressed|ready to|green light|strong|eager)\b", re.I)


#: A sentence the note itself sets aside as another deal's ("but that's a separate note", "ignore that here",
#: "but that's a different deal", "that's for the other account").
_OTHER_DEAL = re.compile(r"\b(?:ignore (?:that|this|it)(?: (?:here|for (?:now|this (?:one|note|deal))))?\b|"
                         r"(?:that's|that is|it's|it is|that goes in|that belongs (?:in|to)) (?:a |an |the )?(?:separate|different|"
                         r"another|other|their own) (?:note|deal|account|opportunity|conversation|thread|story)\b|"
                         r"(?:not|doesn't belong in|nothing to do with) (?:for )?this (?:note|deal|one)\b|"
                         # "he's raising a Series A in Q1, which has nothing to do with us": beside the deal
                         r"\b(?:has|have|had) (?:got )?nothing to do with (?:us|our (?:deal|product|project))\b|"
                         # "their base plan renews in June, not related to this": a fact the note says is beside the deal
                         r"\b(?:not|isn't|is not|nothing) (?:related|relevant|connected) to (?:this|the deal|this deal|it)\b|"
                         r"\bunrelated to (?:this|the deal|this deal)\b|,\s*(?:totally |completely )?unrelated\s*[.;]?$)", re.I)


def extract(text: str, now: datetime | date) -> Bant:
    """Extract BANT+ from ``text`` (a note, transcript or several joined), relative to ``now``
    (for "Q1", "next month"...). Never raises on odd text; fields not stated are None."""
    text = (text or "").strip()
    if not text:
        return Bant()
    # "looking at, uh, ShipBob": the words meet again; quoted words in the third person; a question joined to its answer
    sentences = _answered(_sentences(strip_fillers(_unquote(text))))
    # "..., but that's a separate note", "their Felix wants to sign by the 14th, but ignore that here": another deal's facts
    sentences = [s for s in sentences if not _OTHER_DEAL.search(s)] or sentences
    ev: dict[str, str] = {}
    # questions and counterfactuals state nothing
    facts = [s for s in sentences if not _NOT_A_FACT.search(s) and not s.rstrip().endswith("?")]
    # "they plan to expand in Q1 and asked if we'd hold the price": what they said before the question still counts
    facts += [head for s in sentences if _NOT_A_FACT.search(s)
              for head in [re.split(r",?\s+and\s+(?=(?:(?:she|he|they)\s+)?(?:asked|wanted to know|wondered)\b)", s, flags=re.I)[0]]
              if head != s and not _NOT_A_FACT.search(head)]
    # "I asked who we need to convince and Ava said he's the one who signs": the answer after the question is a fact
    facts += [s[m.start(1):] for s in sentences if _NOT_A_FACT.search(s)
              for m in [re.search(r"(?:,\s*|\s+)(?:and|but|so)\s+((?:she|he|they|(?-i:[A-Z][a-z]+)(?: (?-i:[A-Z][a-z]+))?)\s+(?:said|says|told (?:me|us)|"
                                  r"answered|replied|confirmed|explained)\b)", s)]
              if m and not _NOT_A_FACT.search(s[m.start(1):]) and not _NOT_A_FACT.search(s[m.start():])]
    # "she asked if the renewal can include the SMS add-on, they want to text customers about promos": the want said after
    # the question is a fact
    facts += [s[m.start(1):] for s in sentences if _NOT_A_FACT.search(s)
              for m in [re.search(r",\s+((?:they|she|he)\s+(?:really\s+|also\s+|just\s+)?(?:want|wants|need|needs|would like|'d like)\b)", s,
                                  re.I)]
              if m and _NOT_A_FACT.search(s[:m.start()]) and not _NOT_A_FACT.search(s[m.start(1):])]
    budget, ev_b = _budget(facts)
    authority, ev_a = _authority(facts)
    need, ev_n = _need(facts)
    asked, ev_s = service_asked(sentences)
    if need is None:  # "he's asking whether we'd run their cold email": a question, but it says what they need
        need, ev_n = asked, ev_s
    elif asked and ev_s and ev_n and ev_n != ev_s and ev_n.rstrip(".") in ev_s and asked.lower() not in need.lower():
        # "asked if the renewal can include the SMS add-on, they want to text customers": what they asked for, and why
        need, ev_n = asked + "; " + need, ev_s
    timeline, ev_t = _timeline(facts, now)
    competitor, ev_c = _competitor(sentences)
    next_step, ev_x = _next_step(sentences)
    for k, v in (("budget", ev_b), ("authority", ev_a), ("need", ev_n), ("timeline", ev_t),
                 ("competitor", ev_c), ("next_step", ev_x)):
        if v:
            ev[k] = v
    neg, pos = len(_NEG.findall(text)), len(_POS.findall(text))
    sentiment = "negative" if neg > pos else "positive" if pos > neg else "neutral"
    return Bant(budget, authority, need, timeline, competitor, next_step, sentiment, ev)


# -- verdict and routing ---------------------------------------------------------------------------
_DISQUALIFY = re.compile(r"\b(?:not interested|no budget|went with|chose (?:another|a different|[A-Z]\w+)|signed with|"
                         r"no need|not a fit|bad fit|out of business|no longer (?:looking|interested)|closed the door|"
                         r"hiring freeze|budget (?:was )?cut|killed the project|project (?:is )?(?:dead|cancelled|"
                         r"canceled))\b",
                         re.I)


@dataclass(frozen=True)
class Qualification:
    """A verdict on one deal or lead from its BANT+.

    ``verdict``: qualified | nurture | disqualified; ``route``: hot (a call task today) | warm (a
    follow-up sequence: a draft now and a task in a week) | cold (nurture: a check-in task in 30
    days); ``reasons``: why, in words."""

    verdict: str
    route: str
    reasons: list[str]

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready dict."""
        return asdict(self)


def qualify(b: Bant, text: str, now: datetime | date) -> Qualification:
    """Verdict and route from BANT+ (``text``: the note, for disqualifying statements).

    Rules: a disqualifying statement ("not interested", "no budget", "went with X") -> disqualified /
    cold. Budget, authority and need known and a timeline within 90 days (or not said) ->
    qualified; hot when the timeline is within 30 days or all four are known, else warm. Otherwise
    nurture: warm with two or more of the four known, cold below that."""
    today = now.date() if isinstance(now, datetime) else now
    dq = _DISQUALIFY.search(text or "")
    if dq:
        return Qualification("disqualified", "cold", [f"said: \"{dq.group(0)}\""])
    reasons = [f"{k} {'known' if getattr(b, k) is not None else 'unknown'}"
               for k in ("budget", "authority", "need", "timeline")]
    days = (date.fromisoformat(b.timeline) - today).days if b.timeline else None
    if days is not None:
        reasons.append(f"timeline in {days} days")
    if b.budget is not None and b.authority and b.need and (days is None or days <= 90):
        hot = (days is not None and days <= 30) or b.filled == 4
        return Qualification("qualified", "hot" if hot else "warm", reasons)
    return Qualification("nurture", "warm" if b.filled >= 2 else "cold", reasons)
