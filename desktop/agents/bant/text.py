"""Sentences, clauses and the small text helpers every BANT+ field uses."""

from __future__ import annotations

import re

# -- sentences and clauses ------------------------------------------------------------------------
_SENT = re.compile(r"(?<=[.!?;\n])(?<!\b(?:Dr|Mr|Ms|St)\.)(?<!\bMrs\.)\s+|\s+-{1,2}\s+|\s+—\s+")
_CLAUSE = re.compile(r",?\s+\b(?:but|although|though|whereas|while|however)\b\s+|,\s+(?:and\s+|so\s+)?(?=(?:they|he|she|"
                     r"i|we|i'll|we'll|they'll|the|their|our|next|it|budget|timeline|also)\b)", re.I)

_SELLER = re.compile(r"^(?:\w+\s+){0,2}?(?:i|we|i'm|we're|i'll|we'll|i've|we've|i'd|we'd|my|our|me|us)\b", re.I)
#: A question the customer asked, or a counterfactual, states no fact: "Priya asked about our roadmap for
#: Q2", "Tom wanted to know our uptime", "Oliver would decide if it were up to him", "if they ever did this"
#: (but "calls are people asking where their parcel is" states the customer's problem).
_NOT_A_FACT = re.compile(r"(?<!people )(?<!customers )(?<!callers )(?<!clients )(?<!patients )(?<!parents )(?<!tenants )"
                         r"(?<!drivers )(?<!members )\b(?:asked|asking|wondered|wondering|was curious)\s+(?:me\s+|us\s+)?"
                         r"(?:about|whether|if|how|what|when|why|who|where)\b|\b(?:wanted|wants) to know\b|\bif (?:it|they|"
                         r"he|she|we) (?:were|ever|had)\b|"
                         r"\bif (?:it|that) was up to\b", re.I)


# -- helpers -------------------------------------------------------------------------------------
def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENT.split(text) if s and s.strip()]


def _clauses(sentence: str) -> list[str]:
    return [c.strip(" ,") for c in _CLAUSE.split(sentence) if c and c.strip(" ,")]


def _seller_subject(clause: str, cue_start: int) -> bool:
    """True when the words before the cue make the seller the subject ("I need", "we want")."""
    head = clause[:cue_start].strip().lower()
    words = re.findall(r"[a-z']+", head)
    return bool(words) and words[-1] in ("i", "we", "i'd", "we'd", "i'm", "we're", "me", "us", "my", "our") or \
        bool(re.search(r"\b(?:i|we)\s+(?:really\s+|just\s+|also\s+)?$", head))


def _clean(phrase: str) -> str:
    phrase = re.sub(r"\s+", " ", phrase).strip(" ,.;:-")
    phrase = re.sub(r"^(?:to|that|is|are|was|a|for)\s+", "", phrase, flags=re.I)
    return phrase[:200]
