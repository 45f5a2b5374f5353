"""More ways a note names a rival vendor (issue/18y, callnotes24), tried when the main cues of :mod:`rivals` find
none: a vendor that undercut us, approached them with an offer, was named as one of the quotes, is what they
consolidate on, or is what they moved to ("Close, the CRM"); and a vendor put as a question, then corrected ("a quote
from Pipedrive? No - Freshworks, sorry")."""

from __future__ import annotations

import re

#: A vendor's name (as in :mod:`rivals`): capitalised words, "360Learning", "monday.com"
VENDOR = r"((?-i:[A-Z])[\w&'.-]*(?:\s+(?-i:[A-Z])[\w&.-]*){0,2}|[a-z]+\.(?:com|io|ai))"

_MORE = [
    # "Fivetran undercut us on the add-on", "Gusto came in under our quote": a rival beating our price
    re.compile(r"(?:^|(?<=[,.;:]\s)|(?<=\bthat\s)|(?<=\band\s)|(?<=\bsays\s)|(?<=\bsaid\s))" + VENDOR + r"\s+(?:has\s+|had\s+|just\s+)?(?:undercut|undercuts|underbid|"
               r"underbids|beat|beats|came in (?:under|below)|went (?:under|below))\s+(?:us|our (?:price|quote|number|bid|proposal))\b"),
    # "Jane App approached Zoe Vogel with a bundled offer": a rival's offer put to them
    re.compile(r"(?:^|(?<=[,.;:]\s)|(?<=\bthat\s)|(?<=\band\s)|(?<=\bsays\s)|(?<=\bsaid\s))" + VENDOR + r"\s+(?:has\s+|had\s+|just\s+)?(?:approached|pitched|contacted)\s+"
               r"(?:(?-i:[A-Z][a-z]+)(?: (?-i:[A-Z][a-z]+))?|them|her|him)\s+with\s+(?:a|an|their)\s+(?:[\w+-]+\s+){0,4}?(?:offer|pitch|"
               r"quote|bundle|deal|proposal|discount)\b", re.I),
    # "wants 3 quotes ... he named monday.com as one": a vendor named as one of the quotes
    re.compile(r"\b(?:named|mentioned|listed|gave)\s+" + VENDOR + r"\s+as\s+(?:one|one of them|one of the (?:three|two|others|quotes|bids)|an option)(?=\s*(?:[.,;!]|$))",
               re.I),
    # "consolidating on Zoho One company-wide": the vendor they standardise on, instead of us
    re.compile(r"\b(?:consolidat|standardi[sz])(?:e|es|ed|ing)\s+on\s+" + VENDOR, re.I),
    # "they moved to Close, the CRM, for a couple of months": the tool they moved to, said with what it is
    re.compile(r"\b(?:moved|moving|migrated|migrating|switched over|went over)\s+to\s+" + VENDOR + r",?\s+(?:the|a|an)\s+(?:[\w-]+\s+)?"
               r"(?:crm|tool|platform|app|system|software|helpdesk|help desk|product|vendor)\b", re.I),
]


def more_rival(sentences: list[str]) -> tuple[str | None, str | None]:
    """The first vendor the constructions above name in ``sentences``, with its sentence."""
    for s in sentences:
        for rx in _MORE:
            m = rx.search(s)
            if m and not re.search(r"\b(?:not|n't|never|no longer)\b[^.;,]*$", s[:m.start()], re.I):
                return m.group(1), s
    return None, None


def corrected_after_question(sentences: list[str]) -> list[str]:
    """"... a quote from Pipedrive?" "No" "Freshworks, sorry, it was Freshworks.": the vendor put as a question and corrected
    in the words after the "no" takes the question's place (the sentences otherwise as they were)."""
    out = list(sentences)
    for i, s in enumerate(out[:-1]):
        q = re.search(VENDOR + r"\?\s*$", s)
        rest = " ".join(out[i + 1:i + 3])
        fix = re.match(r"^(?:no|nope|sorry|wait)\b[\s,.\u2014-]*" + VENDOR + r"(?=,?\s+(?:sorry|i mean|it was|rather|actually)\b)", rest, re.I)
        if q and fix:
            out[i] = s[:q.start()] + fix.group(1) + "."
    return out
