"""Speech-recognition slips undone before an utterance is cut into sentences.

These decide where a sentence ends or what a figure, address or name is ("... questionnaire. Do in three days." ->
"..., due in three days."; "$80KR" -> "$80K ARR"; "j dot whitfield at umbrella health dot example" ->
"j.whitfield@umbrellahealth.example"), so :func:`desktop.planner.offline.OfflinePlanner` runs them first; the rest of
the repairs (:func:`desktop.planner.parsing.asr.undo_asr_slips`) run on each command later and call these too.
Each rule was taken from a spoken blind run (Kokoro and Piper voices on the bundled ``tiny.en``) and is tested with
sentences of our own in ``tests/planner/test_session17_constructions.py``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

#: Slips undone before an instruction is cut into sentences: they decide where a sentence ends or what it holds.
_EARLY_RULES: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    # "We signed Priya Natarajan to Jordan." -> "Reassign ..." (a person given to a teammate is never a deal signed)
    (re.compile(r"^(\W*)(?:we\s+)?signed\s+(?=(?-i:[A-Z])[a-z]+\s+(?-i:[A-Z])[a-z'-]+\s+(?:over\s+)?to\s+(?-i:[A-Z])[a-z]+\W*$)", re.I),
     r"\1Reassign "),
    # "It's plus 3 5 3 8 7 5 5 5 0 192", "plus 4-9-40-5550-177": a number read out digit by digit after "plus"
    # (only read that way: three single digits or more - "plus 1 312 555 0177", "plus 1-300-5500-234" are grouped already)
    (re.compile(r"\bplus\s+(?P<d>\d(?:[\s-]+\d+){3,})\b", re.I),
     lambda m: "+" + re.sub(r"[\s-]+", "", m.group("d"))
     if sum(len(t) == 1 for t in re.split(r"[\s-]+", m.group("d"))) >= 3 else m.group(0)),
    # "Email is Hannah. Moss at Northwind.example", "Owen.park at Lumenlabs.example": an address with a pause in it
    (re.compile(r"\b(?P<pre>e-?mail(?:\s+address)?(?:\s+is|'s|:)?\s*,?\s+|address\s+is\s+|,\s*)(?P<u>[A-Za-z][a-z]+(?:\.\s?[A-Za-z][a-z]+)?)\s+at\s+"
                r"(?P<h>[A-Za-z][\w-]*\.(?:com|io|co|net|org|ai|app|dev|example|studio|agency))\b", re.I),
     lambda m: m.group("pre") + re.sub(r"\s+", "", m.group("u")).lower() + "@" + m.group("h").lower()
     if "." in m.group("u") or m.group("pre").strip(" ,").lower().startswith(("email", "e-mail", "address")) else m.group(0)),
    # "they went with Monday dot com" -> "Monday.com" (a product said by its web name)
    (re.compile(r"\b(?P<n>(?-i:[A-Z])[a-z]+)\s+dot\s+com\b", re.I), lambda m: f"{m.group('n')}.com"),
    # "j dot whitfield at umbrella health dot example" -> "j.whitfield@umbrellahealth.example": an address said aloud, its
    # host in several words (never "him at acme dot com": a pronoun is no mailbox)
    (re.compile(r"\b(?P<user>(?!(?:him|her|them|me|us|it|you|meet|call|see|email|e-mail)\b)[a-z][a-z0-9]*(?:\s+dot\s+[a-z][a-z0-9]*)*)\s+at\s+"
                r"(?P<host>[a-z][a-z0-9-]*(?:\s+[a-z][a-z0-9-]*){0,2})\s+dot\s+(?P<tld>com|io|co|net|org|ai|app|dev|example|studio|agency)\b",
                re.I),
     lambda m: (re.sub(r"\s+dot\s+", ".", re.sub(r"\s+dash\s+", "-", m.group("user"), flags=re.I), flags=re.I) + "@"
                + re.sub(r"\s+dash\s+", "-", m.group("host"), flags=re.I).replace(" ", "") + "." + m.group("tld")).lower()
     if " " in m.group("host").strip() or " dot " in m.group("user").lower() else m.group(0)),
    # "Add Sunrise Bakery as a company. Sunrise Bakery.com, Portland" -> "sunrisebakery.com": a web address has no spaces;
    # only when the words are the name said before it
    (re.compile(r"\b(?P<a>(?-i:[A-Z])[a-z]+)\s+(?P<b>(?-i:[A-Z])[a-z]+)\.(?P<tld>com|io|co|net|org|ai|app|studio|agency|example)\b"),
     lambda m: (f"{m.group('a')}{m.group('b')}".lower() + f".{m.group('tld')}")
     if f"{m.group('a')} {m.group('b')}".lower() in m.string[:m.start()].lower() else m.group(0)),
    # "Add a new contact. Marcus Lee, ...", "Add a new contact at Meadow Health. Bianca Reyes, ..." -> a colon at the pause
    (re.compile(r"^(\W*(?:please\s+)?(?:add|create)\s+(?:a\s+)?new\s+(?:company|contact|lead|deal)"
                r"(?:\s+(?:at|for)\s+(?-i:[A-Z])[\w&'-]*(?:\s+(?-i:[A-Z])[\w&'-]*){0,3})?)\.\s+(?=(?-i:[A-Z]))", re.I), r"\1: "),
    # "Add a new lead: I'm Priya Shah, ..." -> the filler "um" heard as "I'm" before the new person's name
    (re.compile(r"(?<=:\s)I'm\s+(?=(?-i:[A-Z])[a-z]+\s+(?-i:[A-Z])[a-z])"), ""),
    # "Set up Halcyon Foods as a new company. Domain halcyonfoods.com, ..." -> the company's details go on after the pause
    (re.compile(r"\b(as\s+(?:a\s+)?(?:new\s+)?(?:company|client|account))\.\s+(?=(?:domain|website|web\s+address|based|they'?re|they\s+are|"
                r"[\w-]+\.(?:com|io|co|net|org|ai|app|studio|agency|example)\b))", re.I), r"\1, "),
    # "Other new contact. Marcus Lee, ...", "Art a note to Hugo Evans" -> "Add a new contact", "Add a note" ("add" misheard)
    (re.compile(r"^\s*(?:other|art|ad)\s+(?=(?:a\s+)?(?:new\s+)?(?:contact|company|deal|lead|note|task)\b)", re.I),
     lambda m: "Add a " if not re.match(r"\s*\w+\s+a\s", m.string[m.start():] + " ") else "Add "),
    # "Set up Halcyon Foods as a new company. The main halcyonfoods.com" -> "domain halcyonfoods.com"
    (re.compile(r"\bthe\s+main\s+(?=[\w-]+\.(?:com|io|co|net|org|ai|app|dev|studio|agency|example)\b)", re.I), "domain "),
    # "Logit and drop the amount", "... next month. Logits." -> "Log it"
    (re.compile(r"\blogits?\b", re.I), "log it"),
    # "Create a task on the Onyx deal to send the questionnaire. Do in three days." -> ", due in three days" ("due" heard as
    # "do", often after a full stop the recogniser put at the pause)
    (re.compile(r"(?<=\w)\s*[.,]\s+do\s+(?=(?:in\s+(?:a|an|one|two|three|four|five|six|seven|ten|\d+|a\s+couple\s+of)\s+(?:days?|weeks?|months?)"
                r"|by\s+(?:the\s+)?\w+|on\s+(?:mon|tues|wednes|thurs|fri)day|next\s+(?:week|month|mon|tues|wednes|thurs|fri)\w*|"
                r"(?:this|end\s+of)\s+(?:week|month|friday)|tomorrow|(?:mon|tues|wednes|thurs|fri)day)\b)", re.I), ", due "),
    # "$80KR" -> "$80K ARR" (the recurring-revenue letters run into the figure)
    (re.compile(r"(?<=\d)\s?KR\b"), "K ARR"),
)


def undo_early_slips(text: str) -> str:
    """``text`` with :data:`_EARLY_RULES` applied: slips that move a sentence's end or a figure ("... questionnaire. Do in
    three days." -> "..., due in three days."; "$80KR" -> "$80K ARR"). Idempotent."""
    for _ in range(2):  # (twice: a word put right by one rule can open the way for an earlier one)
        for pattern, repl in _EARLY_RULES:
            text = pattern.sub(repl, text, count=1)
    return text
