"""Budget: the customer's budget in dollars, never the seller's own and never a count."""

from __future__ import annotations

import re

from desktop.agents.bant.people import _AUTH_CUE
from desktop.agents.bant.text import _clauses
from desktop.planner.parsing.numbers import words_to_digits

# -- budget --------------------------------------------------------------------------------------
_BUDGET_CUE = re.compile(
    r"\b(budget\w*|set aside|allocated|earmarked|approved (?:for|up to)|afford|spend(?:ing)?|ceiling|cap(?:ped)? at|"
    r"up to|max(?:imum)?|ballpark|range|price point|willing to (?:pay|spend|go)|can (?:go|stretch)|"
    r"(?:have|has|got) (?:about |around |roughly |maybe |like )?\$?\d[\w,.]*|money|funds?|funding|pay|"
    r"looking at (?:maybe |about |around |roughly |something like |like )?\$?\d[\w,.]*|thinking (?:maybe |about |around )?\$?\d[\w,.]*|"
    r"can (?:only )?(?:do|find|manage|stretch|justify)|find|ring-?fenced|in the (?:ballpark|region) of|"
    r"(?:a|per|for the|each) (?:year|month|yr|annum)|annually|pilot|trial)\b", re.I)
_BUDGET_NOT = re.compile(r"\b(?:our|my) (?:own )?(?:budget|ads?|spend|marketing|quota|price|pricing|discount|list price)\b"
                         r"|\bwe (?:quoted|offered|charge|priced)\b|\bi (?:quoted|offered)\b|\bdiscount\b", re.I)
_NO_BUDGET = re.compile(r"\b(?:no|zero|not (?:a|any)|don't have (?:a|any)|doesn't have (?:a|any)|without (?:a|any))\s+budget\b"
                        r"|\bbudget (?:is|was)n't\b|\bbudget (?:is |was )?(?:not|tbd|unknown|unclear)\b", re.I)
_MONEY = re.compile(r"(\$\s*)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*"
                    r"(k\b|grand\b|thousand\b|mil(?:lion)?\b|mm\b|m\b|bn\b|billion\b|hundred\b)?"
                    r"(\s*(?:dollars|bucks|usd)\b)?", re.I)
_COUNT_AFTER = re.compile(r"^\s*(?:(?:active|new|more|total|paid|extra|additional)\s+)?(?:users?|seats?|employees?|people|"
                          r"licen[cs]es?|units?|trucks?|vehicles?|drivers?|reps?|agents?|locations?|stores?|sites?|"
                          r"records?|contacts?|calls?|tickets?|orders?|shipments?|members?|customers?|accounts?|"
                          r"patients?|students?|beds?|pallets?|skus?|devices?|machines?|staff|headcount)\b", re.I)
_SCALE = {"k": 1e3, "grand": 1e3, "thousand": 1e3, "mil": 1e6, "million": 1e6, "mm": 1e6, "m": 1e6,
          "bn": 1e9, "billion": 1e9, "hundred": 1e2}

def _amounts(text: str) -> list[float]:
    """Dollar amounts said in ``text`` (spoken numbers included), not counts, years or percentages."""
    text = re.sub(r"\ba quarter(?: of a)? (?:million|mil)\b", "250000 dollars", text, flags=re.I)
    text = re.sub(r"\bthree quarters of a (?:million|mil)\b", "750000 dollars", text, flags=re.I)
    text = re.sub(r"\bhalf a (?:million|mil)\b", "500000 dollars", text, flags=re.I)
    t = words_to_digits(text)
    t = re.sub(r"\b(\d+)\s+(\d{2})\s*(k|grand|thousand)\b", r"\1\2 \3", t)  # "two fifty k"
    t = re.sub(r"\b(\d+)\s*(?:hundred|100)\s*(k|grand|thousand)\b", lambda m: f"{int(m.group(1)) * 100} {m.group(2)}", t,
               flags=re.I)
    out: list[float] = []
    for m in _MONEY.finditer(t):
        dollar, num, scale, word = m.group(1), m.group(2), (m.group(3) or "").lower(), m.group(4)
        try:
            v = float(num.replace(",", ""))
        except ValueError:
            continue
        after = t[m.end():]
        if re.match(r"\s*(?:%|percent\b|per cent\b|x\b|times\b)", after, re.I):
            continue
        if scale:
            v *= _SCALE[scale]
        elif not (dollar or word):
            # "30 to 40k": a bare number joined to a scaled one takes its scale
            joined = re.match(r"\s*(?:to|-|or)\s*\$?\s*\d+(?:\.\d+)?\s*(k|grand|thousand|mil(?:lion)?|m)\b", after, re.I)
            if joined:
                v *= _SCALE[joined.group(1).lower()]
            elif v < 1000 or (len(num) == 4 and num[:2] in ("19", "20")):
                continue  # a small bare number or a year is no budget
        if _COUNT_AFTER.match(after) and not (dollar or word):
            continue
        out.append(v)
    return out


# -- fields --------------------------------------------------------------------------------------
def _budget(sentences: list[str]) -> tuple[float | None, str | None]:
    for s in sentences:
        for c in (_clauses(s) or [s]) + [s]:  # each clause, then the whole sentence
            if not (_BUDGET_CUE.search(c) or _BUDGET_CUE.search(words_to_digits(c))) or _BUDGET_NOT.search(c):
                continue
            if _NO_BUDGET.search(c) and not re.search(r"\d|hundred|thousand|grand|million", c, re.I):
                continue
            if re.search(r"\b(?:she|he|they) (?:didn't|did not|never) (?:say|confirm)|\bmy guess\b|\bi'm guessing\b", s, re.I):
                continue  # the seller's guess, not what the customer said
            if _AUTH_CUE.search(c):  # "the GM approves any spend over 20 grand": a threshold, no budget
                c = re.sub(r"\b(?:over|above|more than|greater than|exceeding|north of)\s+\$?\s*[\w.,-]+"
                           r"(?:\s*(?:k|grand|thousand|million|dollars|bucks))?", " ", c, flags=re.I)
            amounts = _amounts(c)
            if amounts:
                return float(max(amounts)), s
    return None, None
