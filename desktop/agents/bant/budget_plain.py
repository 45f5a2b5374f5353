"""Budget figures said as a commitment without a budget word (issue/18z, callnotes25's missed budgets), read only
when no budget cue gave one: a figure someone will approve ("He'll approve fifty-five thousand for year one"), a
figure they say is all they have ("thirty is what I've got", "at 30k, not 36") and a figure they find and call final
("fine, we can find thirty-four, that's final")."""

from __future__ import annotations

import re
from collections.abc import Callable

_PLAIN = re.compile(
    # "He'll approve fifty-five thousand for year one" (not "can approve up to 25k": a signing limit)
    r"\b(?:'ll|will|would|'d|can|is going to)\s+(?:only\s+)?approve\s+(?!up to|under|below|anything)(?P<a>[^,.;]{2,40}?)"
    r"(?=\s+(?:for|on|this|in)\b|\s*[,.;]|\s*$)|"
    # "thirty is what I've got", "forty is all she has"
    r"(?:^|[,:;]\s*|\b(?:but|and|so)\s+)(?P<b>[\w$.,-]{2,20}(?:\s*(?:k|grand|thousand))?)\s+is (?:what|all) (?:i|she|he|they|we|(?-i:[A-Z][a-z]+))(?:'ve|'s| have| has)?"
    r"\s*(?:got|have|has)\b|"
    # "wants to renew, but at 30k, not 36": their figure against ours
    r"\bat (?P<c>\$?\d[\d,.]*\s*(?:k|grand|thousand)),\s*not\s+\$?\d|"
    # "fine, we can find thirty-four, that's final"
    r"\b(?:can|could) find (?P<d>[^,.;]{2,30}?),\s*(?:that's|that is) (?:final|it|the number)\b", re.I)


def plain_budget(sentences: list[str], amounts: Callable[[str], list[float]]) -> tuple[float | None, str | None]:
    """The figure of the first sentence that commits to one without a budget word, in dollars, and that sentence
    (a bare "thirty-four" is in thousands when the note writes it so, "34k"); (None, None) when there is none.
    ``amounts`` reads the figures of a text (the budget module's reader)."""
    note = " ".join(sentences)
    for s in sentences:
        if re.match(r"^(?:if|unless|assuming)\b", s, re.I):
            continue
        m = _PLAIN.search(s)
        if not m:
            continue
        said = next(g for g in m.groups() if g)
        got = amounts("budget is " + said)
        if not got:
            continue
        value = float(got[-1])
        if value < 1000 and re.search(r"\b" + str(int(value)) + r"\s*k\b", note, re.I):
            value *= 1000  # "we can find thirty-four" beside "revised proposal at 34k"
        elif value < 1000 and re.search(r"\b\d[\d,.]*\s*(?:k|grand|thousand)\b", s, re.I):
            value *= 1000  # "at 30k, not 36": the scale said beside it
        if value >= 1000:
            return value, s
    return None, None
