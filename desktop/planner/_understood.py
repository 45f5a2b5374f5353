"""When the offline planner understood no instruction: is the text a question about a record, a
bare name, or only names (a speech recogniser echoing its vocabulary prompt)? Pure functions over
the text and its :class:`~desktop.planner.entity_index.Mention` list."""

from __future__ import annotations

import re

from desktop.planner import _rules as R
from desktop.planner.entity_index import Mention

RETRY_HINT = "Try again, e.g. \"Move Acme to Negotiation\" or \"Log a call with Nina\"."


def only_names(text: str, mentions: list[Mention]) -> bool:
    """``text`` is record names and punctuation with at most one other word ("Natarajan, Natarajan,")."""
    rest, pos = [], 0
    for m in mentions:
        rest.append(text[pos:m.start])
        pos = m.end
    rest.append(text[pos:])
    return len(re.findall(r"[A-Za-z0-9']+", " ".join(rest))) <= 1


def only_a_person(text: str, mentions: list[Mention]) -> bool:
    """Nothing but one contact's full name, maybe after "this is"/"who's" ("This Linda Okafor." is
    how a transcript may write "Who is Linda Okafor?")."""
    people = [m for m in mentions if m.kind == "contact" and not m.partial]
    if len(mentions) != 1 or len(people) != 1:
        return False
    rest = (text[:people[0].start] + " " + text[people[0].end:]).lower()
    return re.fullmatch(r"\W*(?:(?:this|that|it|here|who|who's|whos)\W*(?:is\W*)?)?", rest) is not None


def asks_about_record(text: str) -> bool:
    """A question, a request to look something up, or a record's name with at most a few words
    ("Acme deal status"); not a statement the planner failed to understand."""
    words = re.findall(r"[A-Za-z']+", text)
    return bool(R.QUESTION_RE.search(text) or R.SEARCH_RE.search(text) or len(words) <= 4
                or re.search(r"\b(?:status|stage|worth|amount|value|email|phone|number|close date|next step|"
                             r"competitor|pipeline)\b", text, re.I))
