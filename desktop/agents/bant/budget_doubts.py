"""Budget figures that are not the customer's one committed number (issue/18z, callnotes25's invented budgets).

Two kinds: our own figure named by the deal document it sits in ("the 24k proposal is a lot for us", "she got our
proposal (6k a year starter)"), which is cut from the sentence before any figure is read; and a figure said with a
doubt that leaves no single number of theirs - a range they were unsure of or hedged ("maybe 8 to 10 grand"), a
hedged figure moving to a ceiling ("maybe 800 a month, a grand tops"), a ceiling hedged after it ("up to 12k,
maybe"), a figure that moves on a condition with nothing settled ("eighteen, then maybe twenty if onboarding is in"),
a figure that is whatever a rival's quote comes to, what they pay today or for another thing, or a bigger pot ("that's for the whole tool
stack")."""

from __future__ import annotations

import re

_FIG = r"\$?\s?[\d][\d,.]*\s*(?:k|grand|thousand)?"
_WORDFIG = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty|sixty|seventy|"
            r"eighty|ninety|hundred|a grand|a thousand)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine|hundred|thousand|grand|k))*")
_ANYFIG = r"(?:" + _FIG + r"|" + _WORDFIG + r")"

#: "the 24k proposal", "our proposal (6k a year starter)", "the $6,000 quote": our figure, named by its document
_OUR_DOC_FIGURE = re.compile(r"\b(?:the|our|your|that|this) (?:revised |new |original |latest |current )?" + _FIG +
                             r"(?:\s*(?:a|per|/)\s*(?:year|yr|month|mo))?\s+(?:proposal|quote|prop|offer|order form|list price)\b|"
                             r"\b(?:our|the) (?:[\w-]+ )?(?:proposal|quote|prop|offer)\s*\([^)]*\d[^)]*\)", re.I)

#: A figure said with a doubt that leaves no one number of theirs.
_DOUBT = re.compile(
    # "between 50 and 70k, honestly didn't sound sure": a range said without conviction
    r"\b(?:didn't|did not|doesn't|does not) (?:\w+ )?(?:sound|seem|look) (?:sure|certain|confident|convinced)\b|"
    r"\b(?:wasn't|was not|isn't|is not) (?:\w+ )?(?:sure|certain) (?:of|about) (?:it|that|the (?:number|figure|range))\b|"
    # "maybe 8 to 10 grand a year": a hedged range (not "maybe five or six thousand max", a ceiling)
    r"\bmaybe (?:about |around )?" + _ANYFIG + r"(?:\s+to\s+|\s*–\s*|\s+-\s+|(?<=[\dk])-(?=\$?\d))" + _ANYFIG + r"(?![^.;]*\b(?:max|tops|at most|ceiling)\b)|"
    # "maybe 800 a month, a grand tops": a hedged figure, then a different ceiling
    r"\bmaybe (?:about |around )?" + _ANYFIG + r"[^,;.]{0,25},\s*(?:a |an )?" + _ANYFIG + r"\s*(?:tops|max(?:imum)?|at most)\b|"
    # "Theo said up to 12k, maybe.", "under ten, probably": a ceiling hedged after it
    r"\b(?:up to|under|below|max(?:imum)?(?: of)?|no more than) " + _ANYFIG + r"\s*(?:a year|a month)?,\s*(?:maybe|probably|possibly|"
    r"perhaps|i think)\s*['\"]?\s*[.!]?\s*['\"]?\s*$|"
    # "closer to eighteen, then maybe twenty if onboarding is in": the figure moves on a condition (not when a figure is
    # then settled: "..., so call it five", "but assume thirty", "but twelve is what he has signed off on")
    r"\b" + _ANYFIG + r"['\"]?,\s*(?:and\s+)?then\s+['\"]?maybe " + _ANYFIG + r"\s+if\b(?![^.;]*\b(?:call it|assume|settled|is what)\b)|"
    # "whatever the Weave quote comes in at, roughly 350 a month": the rival's quote, not their budget
    r"\bwhatever (?:the |their )?(?:[\w'-]+ ){0,2}(?:quote|price|bid|offer) (?:comes in at|comes to|lands at|is|says)\b|"
    # "I pay $400 a month for the website, I'd pay about the same for this": what they pay for another thing
    r"\b(?:pay|pays|paying|paid)\s+(?:about |around |roughly |like )?" + _ANYFIG + r"(?:\s*(?:a|per)\s*(?:month|year|mo|yr))?\s+for\s+"
    r"(?:the|their|her|his|its|our)\s+(?!(?:crm|tool|platform|pilot|project|licen[cs]es?|seats?|plan|subscription|year|month|quarter|"
    r"first|full|whole|term|contract|rollout)\b)[\w-]+|"
    # "Current sub is $799/mo": what they pay today, not the money for this purchase
    r"^\s*(?:their |the |her |his )?(?:current|existing|present) (?:sub|subscription|plan|contract|bill|spend|invoice)s? "
    r"(?:is|was|costs?|runs?|comes to)\b", re.I)

#: The fragment after the figure says it is a bigger pot: "- wait, that's for the whole LMS replacement project, not us",
#: "then corrected: that's for the whole tool stack, we'd get maybe half"
_WHOLE_POT = re.compile(r"\b(?:that's|that is|it's|it is|that was|which is)\s+(?:for|across|on)\s+(?:the|their)\s+(?:whole|entire|full|total)\s+"
                        r"[\w -]+", re.I)


def strip_our_document(sentence: str) -> str:
    """``sentence`` without our figure named by its document ("the 24k proposal is a lot for us" -> "the proposal ...")."""
    return _OUR_DOC_FIGURE.sub(" our proposal ", sentence)


def doubted(sentence: str, sentences: list[str]) -> bool:
    """True when the budget figure of ``sentence`` is said with a doubt that leaves no one number of theirs, in the
    sentence itself or in the fragment right after it ("They'd budgeted 80k - wait, that's for the whole LMS project")."""
    if _DOUBT.search(sentence) or _WHOLE_POT.search(sentence):
        return True
    if sentence in sentences:
        k = sentences.index(sentence)
        if k + 1 < len(sentences) and _WHOLE_POT.search(sentences[k + 1]) and len(sentences[k + 1].split()) <= 25:
            return True
    return False
