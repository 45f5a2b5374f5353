"""Words that look like a need but state none (issue/18z, callnotes25's invented needs): a negotiation said as
"after some back and forth" (a back-and-forth of theirs, "emails back and forth all week", stays a pain), a deadline
threat to their money ("if this isn't live by February 1 I lose the budget line"), a figure confirmed to us ("she
confirmed the number by email after") and a wish to restart the talks
("she wants to restart", "wants to pick it back up"). Each is cut from the sentence before the need is read."""

from __future__ import annotations

import re

_NOT_A_NEED = re.compile(
    # "then, after some back and forth, fine, 34k": the haggling, not a problem of theirs
    r"\b(?:after|following|with) (?:some|a bit of|a little|a lot of|lots of|much|more|plenty of|the usual|a round of|two rounds of) "
    r"(?:back[- ]and[- ]forth|haggling|negotiation|going back and forth)\b|"
    # "if this isn't live by February 1 I lose the budget line": a deadline on their money, not what they need
    r"\bif (?:this|it|we|the (?:deal|contract|project))\s+(?:isn't|is not|aren't|doesn't|does not|don't|won't|can't)\b[^.;]*?\b"
    r"(?:lose|loses|lost|forfeit|forfeits|give back|gives back|hand back) (?:the|their|her|his|my|our|that) (?:whole )?"
    r"(?:budget|money|funding|funds|allocation|line item|budget line|approval)(?: line)?\b|"
    # "she confirmed the number by email after": a fact confirmed to us (confirming appointments by phone stays a pain)
    r"\b(?:confirmed|confirms|re-?confirmed|put|sent|approved|okayed) (?:the|that|this|her|his|their) (?:number|figure|budget|amount|"
    r"price|date|deadline|headcount|seat count)(?: in writing)? (?:by|over|via|in(?: an)?) (?:e-?mail|phone|text|slack)\b|"
    # "Mike wants this, I sign it": the deal itself wanted, no problem named
    r"\b(?:wants?|needs?|likes?|loves?) (?:this|it)(?=\s*[,;.]|\s*$)|"
    # "She wants to restart.", "wants to pick things back up": the talks going again, not a problem
    r"\b(?:wants?|wanted|'d like|would like|hopes?|is keen|are keen|keen) to (?:restart|resume|reopen|re-?engage|revive|"
    r"pick (?:it|this|things|the conversation|the deal) back up|get (?:going|started|things moving) again|start (?:over|again))"
    r"(?: (?:the|this|our) (?:deal|conversation|talks|project|evaluation|process|discussion))?\b", re.I)


def strip_not_needs(sentence: str) -> str:
    """``sentence`` without the words that look like a need but state none (see the module docstring)."""
    return _NOT_A_NEED.sub(" ", sentence)
