"""Constructions that state no fact of a field, shared by the field modules (issue/18y, callnotes24's invented
facts): a figure said only to show how strict a rule is ("has to approve even a 3k pilot"), a figure disowned in the
fragment after it ("'around 70' - not committed."), a decider who is only busy ("decides but is buried in fundraising"),
our meeting nobody came to ("third no-show"), a request met in the same breath ("asked for our SOC 2 report, sent it"),
our own plan names ("they just bought Scale") and our meeting set by us ("we set it for December 3rd")."""

from __future__ import annotations

import re

_NUM_WORD = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty|sixty|seventy|"
             r"eighty|ninety|hundred)")

#: "has to approve even a 3k pilot", "signs off on even a two thousand dollar tool": the figure shows how strict the rule is,
#: it is no money of theirs for this purchase
EVEN_A_FIGURE = re.compile(r"\beven (?:for )?(?:a |an )(?:\$?\s?\d[\d,.]*\s*(?:k|grand|thousand|dollars?)?|"
                           r"(?:" + _NUM_WORD + r"[- ]?){1,3}(?:k|grand|thousand|hundred)(?:[- ]dollars?)?)(?:[- ](?:dollar|buck))?\b", re.I)

#: A short fragment that disowns the figure said just before it: "- not committed.", "Not firm yet.", "Nothing signed off."
_DISOWNED = re.compile(r"^(?:(?:but|and|so|though)\s*,?\s*)?(?:(?:it's|it is|that's|that is|still|totally|completely)\s+)?"
                       r"(?:not|nothing|un)[- ]?(?:yet |really |at all )?(?:committed|firm|final|fixed|agreed|locked(?: in)?)"
                       r"(?: (?:yet|at all|though|either|so far))*\s*[.!]?$", re.I)


def disowned_after(sentence: str, sentences: list[str]) -> bool:
    """True when the sentence after ``sentence`` is a bare fragment that disowns its figure ("Sofia said 'around 70'
    - not committed.")."""
    if sentence not in sentences:
        return False
    k = sentences.index(sentence)
    return k + 1 < len(sentences) and len(sentences[k + 1].split()) <= 5 and bool(_DISOWNED.match(sentences[k + 1].strip()))


#: "Iris decides but is buried in fundraising", "the owner signs, he's slammed with the audit": the decider is busy with
#: their own work - no problem the purchase solves (a team "buried in tickets" still is one)
BUSY_PERSON = re.compile(r"\b(?:decides?|signs?|approves?|(?:she|he)(?:'s| is| was)|(?-i:[A-Z][a-z]+)(?:'s| is| was))\s+(?:(?:but|and)\s+)?"
                         r"(?:(?:is|'s|has been|was)\s+)?(?:totally |completely |really |just )?(?:buried|swamped|slammed|snowed under|"
                         r"heads[- ]down|tied up|flat out)\s+(?:in|with|under|by|on)\s+(?:the |their |her |his |a |an )?(?:[\w-]+ ){0,2}?"
                         r"(?:fundraising|fund-?raise|raise|round|series [a-e]|board (?:prep|meetings?|deck)|audits?|year-?end|travel|"
                         r"hiring|merger|acquisition|move|relocation|launch|budget season|investor meetings|conferences?|"
                         r"month-?end|quarter-?end|reorg)\b", re.I)

#: "Granite Labs, ugh, third no-show", "he was a no-show for the demo": nobody came to our meeting - no problem of
#: theirs (their patients' or clients' no-shows still are one)
OUR_NO_SHOW = re.compile(r"\b(?:(?:first|second|third|fourth|fifth|another|one more|a|was a|were a|been a)\s+(?:[\w-]+\s+)?no-?show\b"
                         r"(?!\s+(?:rate|problem|issue|fees?))|no-?show(?:ed)?\s+(?:on|for|to|at)\s+(?:the|our|my|this|today's|"
                         r"(?:mon|tues|wednes|thurs|fri)day's)\s+(?:[\w-]+\s+)?(?:call|demo|meeting|session|walk-?through|review|slot)\b)",
                         re.I)

#: "asked for our SOC2 report, sent it", "wanted the W-9, done": a request met in the same sentence - no step left
MET_AFTER_COMMA = re.compile(r",\s*(?:and\s+)?(?:i\s+|we\s+)?(?:already\s+|just\s+)?(?:sent|re-?sent|emailed|forwarded|shared|done|handled|"
                             r"sorted|took care of)(?:\s+(?:it|that|them|this|over|across))*(?:\s+(?:already|today|right away|same day|"
                             r"this morning|yesterday))?\s*[.!]?\s*(?:$|[—-]|;)", re.I)

#: Our own plan names: "they just bought Scale last month", "upgraded to Growth" - no other vendor
OUR_PLANS = {"Starter", "Growth", "Scale", "Pro", "Premium", "Enterprise", "Basic", "Standard", "Essentials"}

#: "Mike wants David Kim on a call, ... we set it for December 3rd", "a call with their CFO - we booked it for the 9th":
#: our meeting and its date, not when they buy
OUR_MEETING_SET = re.compile(r"\b(?:we|i)\s+(?:(?:have|'ve)\s+)?(?:set|booked|scheduled|pencil(?:l)?ed(?:\s+in)?|locked(?:\s+in)?|put|slotted)\s+"
                             r"(?:it|that|this|one|them)(?:\s+in)?\s+(?:for|on)\b|"
                             # "wants David Kim on a call" (not "the bot on the call queue")
                             r"\b(?:wants?|wanted|needs?|asked for|get|getting|bring|brings) (?:[\w.'-]+ ){1,4}?on (?:a|the) (?:[\w-]+ )?"
                             r"(?:call|meeting|demo|zoom)\b(?!\s*(?:cent(?:er|re)|queue|floor|lines?|volumes?|recordings?))", re.I)
