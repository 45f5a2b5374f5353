"""Terse typed notes spelled out as the sentences the planner reads (issue 12).

People who type fast drop the verbs: "acme -> negotiation, 85k", "won: delta solutions, 4k",
"ember to proposal sent", "rachel adams, title VP Marketing", "kestrel partners deal, owner me",
"stale deals, five weeks", "pipeline total in proposal sent". :func:`expand_terse` rewrites only
these whole-line shapes (each anchored at the start of the text, never inside a sentence) into
the verb forms the planner already understands; everything else is returned unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: Words that show a line already has its verb or is a question: it is left as it is.
_HAS_VERB = re.compile(
    r"\b(?:move|moved|moving|push|pushed|bump|bumped|put|set|change|changed|update|updated|advance|advanced|"
    r"drop|dropped|send|sent|email|e-mail|call|called|log|logged|book|booked|remind|add|added|create|make|"
    r"delete|remove|talk|talked|spoke|met|meet|is|are|was|were|did|do|does|can|could|would|will|should|"
    r"please|show|list|what|which|who|how|when|where|why|give|assign|reassign|mark|close|closed|lost|won|"
    r"signed|went|go|goes|going|want|wants|need|needs|let's|i|we|they|he|she|it)\b", re.I)
#: "wendy price lifecycle back to lead": a contact's lifecycle stage, not a deal's stage.
_NOT_A_DEAL = re.compile(r"\b(?:lifecycle|life cycle|lead status|contact|status)\b", re.I)
_ARROW = re.compile(r"^\s*(?P<rec>[^:>\n]{2,60}?)\s*(?:->|→|=>|>)\s*(?P<rest>\S.*)$")
_STATUS_FIRST = re.compile(r"^\s*(?P<st>closed[- ]won|closed[- ]lost|won|lost)\s*[:\-–—]\s*(?P<rec>[^,;]{2,60}?)"
                           r"(?P<rest>\s*[,;].*)?$", re.I)
_TITLE = re.compile(r"^\s*(?P<who>[^,:]{3,60}?)\s*[,:]?\s+(?:new\s+)?(?:job\s+)?title\s*(?:is\s+|to\s+|now\s+|:\s*)?"
                    r"(?P<title>[^,;.]{2,60})\s*\.?\s*$", re.I)
_OWNER = re.compile(r"^\s*(?P<rec>[^,:]{3,60}?)\s*[,:]?\s+(?:new\s+)?owner\s*(?:is\s+|to\s+|now\s+|:\s*)?"
                    r"(?P<who>[A-Za-z][\w'-]*(?:\s+[A-Za-z][\w'-]*)?)\s*\.?\s*$", re.I)
_AMOUNT_AFTER_COLON = re.compile(r"^\s*(?P<rec>[^:,;\d]{2,40}?)\s*:\s*(?P<amt>\$?\s*\d[\d.,]*\s*(?:k|m|mm|million|thousand|grand)?)"
                                 r"\s*(?P<rest>[,;].*)?$", re.I)
#: "Grace Liu over at Lumen, she's like a customer now": the person said first, then a pronoun.
_TOPIC_THEN_PRONOUN = re.compile(r"^\s*(?P<topic>[^,;:]{3,60}?),\s+(?:she|he)(?:'s|\s+is)\s+(?:like\s+|now\s+)?"
                                 r"(?P<rest>(?:a|an)\s.*)$", re.I)
_TASK_PREFIX = re.compile(r"^\s*(?:task|todo|to-do)\s*[:\-\u2013\u2014]\s*(?:to\s+)?(?P<rest>\S.*)$", re.I)
#: "add a note on Leo Ueda, he typed ...": the comma after the record is the note's colon (only
#: before a sentence of its own: "Add a note to Acme, budget is 50k" stays two instructions).
_NOTE_COMMA = re.compile(r"^\s*(?:please\s+)?(?:add|put|leave|make)\s+(?:a\s+)?(?:quick\s+)?note\s+(?:on|to|for|about)\s+"
                         r"(?P<who>[^,:.;]{2,40}?),\s*(?P<body>(?:he|she|they|we)\b.*)$", re.I)
#: "They want to pay quarterly. Add that as a note." / "..., so just add a note on her": the note
#: command said last; what came before it is the note.
_NOTE_LAST = re.compile(r"^(?P<body>[^:]{8,}?)[,.;]?\s+(?:so\s+|and\s+)?(?:just\s+|please\s+)?(?:add|put|make|save|log)\s+"
                        r"(?:(?:that|this|it)\s+)?(?:as\s+)?(?:a\s+)?note(?:\s+(?:on|to|for|about)\s+"
                        r"(?P<who>[^,.;:]{2,40}?))?\s*[.!]?\s*$", re.I)
_PRONOUN = re.compile(r"^(?:him|her|them|it|that|this)$", re.I)
_QUERY_NOUN = re.compile(r"^\s*(?P<q>stale deals|stalled deals|overdue deals|open deals|deals closing|"
                         r"deals in|deals over|deals under)\b", re.I)
_TOTAL_NOUN = re.compile(r"^\s*(?P<q>(?:pipeline|open pipeline|deal)\s+(?:total|value|sum)|total pipeline|"
                         r"(?:total|sum)\s+(?:of\s+)?(?:the\s+)?(?:open\s+)?(?:pipeline|deals))\b", re.I)


def _stage_at(text: str, stages: Iterable[str]) -> str | None:
    """The stage phrase ``text`` starts with (longest first), else None."""
    low = text.lower().strip()
    for phrase in sorted(stages, key=len, reverse=True):
        if phrase.startswith("__"):
            continue
        if low == phrase or re.match(re.escape(phrase) + r"\b", low):
            return text.strip()[:len(phrase)]
    if re.match(r"(?:closed[- ])?(?:won|lost)\b", low):
        return re.match(r"(?:closed[- ])?(?:won|lost)", low).group(0)  # type: ignore[union-attr]
    return None


def expand_terse(text: str, stages: Iterable[str]) -> str:
    """``text`` with a terse whole-line shape spelled out, else unchanged.

    ``stages``: the workspace's stage phrases in lower case (aliases included). Shapes:
    "REC -> STAGE[, rest]" and "REC to STAGE[, rest]" -> "move REC to STAGE[, rest]";
    "won: REC[, rest]" -> "REC closed won[, rest]"; "WHO[,] title T" -> "change WHO job title to T";
    "REC[,] owner WHO" -> "assign REC to WHO"; "REC: 1.2 million[, rest]" -> "REC amount 1.2 million[, rest]"; "stale deals, five weeks" -> "show stale deals, five
    weeks"; "pipeline total in X" -> "what is the pipeline total in X"; "NAME, she's like a customer
    now" -> "NAME is a customer now"; "task: X" -> "create a task to X"; "add a note on WHO, BODY" and
    "BODY, so add a note on WHO" -> "add a note on WHO: BODY" (a pronoun WHO: "add a note: BODY").
    Never raises.
    """
    stages = tuple(stages)
    if m := _ARROW.match(text):
        rec, rest = m.group("rec").strip(), m.group("rest")
        if _stage_at(rest, stages) and not _HAS_VERB.search(rec) and not _NOT_A_DEAL.search(rec):
            return f"move {rec} to {rest}"
        return text
    if m := _STATUS_FIRST.match(text):
        st = m.group("st").lower().replace("-", " ")
        st = st if st.startswith("closed") else f"closed {st}"
        return f"{m.group('rec').strip()} {st}{m.group('rest') or ''}"
    if "?" in text:
        return text
    if (m := _TASK_PREFIX.match(text)) and re.search(r",\s*due\b", text, re.I):
        return f"create a task to {m.group('rest')}"  # ("task: call back nina fri" is read as it is)
    if m := _NOTE_COMMA.match(text):
        return f"add a note on {m.group('who').strip()}: {m.group('body')}"
    if m := _NOTE_LAST.match(text):
        who = (m.group("who") or "").strip()
        body = m.group("body").strip()
        return f"add a note on {who}: {body}" if who and not _PRONOUN.match(who) else f"add a note: {body}"
    head = re.split(r"[,;:.]", text, maxsplit=1)[0]
    if (m := re.match(r"^\s*(?P<rec>[^,;:]{2,60}?)\s+to\s+(?P<rest>\S.*)$", head + text[len(head):])) \
            and not _HAS_VERB.search(m.group("rec")) and not _NOT_A_DEAL.search(m.group("rec")) \
            and _stage_at(m.group("rest"), stages):
        return f"move {m.group('rec').strip()} to {m.group('rest')}"
    if (m := _AMOUNT_AFTER_COLON.match(text)) and not _HAS_VERB.search(m.group("rec")):
        return f"{m.group('rec').strip()} amount {m.group('amt').strip()}{m.group('rest') or ''}"
    if (m := _TITLE.match(text)) and not _HAS_VERB.search(m.group("who")):
        return f"change {m.group('who').strip()} job title to {m.group('title').strip()}"
    if (m := _OWNER.match(text)) and not _HAS_VERB.search(re.sub(r"\bdeal\b", "", m.group("rec"))):
        rec = m.group("rec").strip()
        rec = rec if re.match(r"(?:the|that|this)\b", rec, re.I) else f"the {rec}"
        return f"assign {rec} to {m.group('who').strip()}"
    if (m := _TOPIC_THEN_PRONOUN.match(text)) and not _HAS_VERB.search(m.group("topic")):
        return f"{m.group('topic').strip()} is {m.group('rest')}"
    if _TOTAL_NOUN.match(text):
        return f"what is the {text.strip()}"
    if _QUERY_NOUN.match(text):
        return f"show {text.strip()}"
    return text
