"""Several activities asked for in one breath, one per person.

The clause reader in :mod:`desktop.planner.offline` logs one activity per instruction. People log their calls in
batches, though:

* "Log a call with Raj Zimmer about the invoice. Log a meeting with Sofia Evans, she's thinking about upgrading." -
  two requests, each with its own person and words: :func:`request_segments` cuts the instruction so each is planned
  on its own.
* "Log two calls from this morning. Raj Zimmer wants a copy of last month's invoice, and Sofia Evans is thinking about
  upgrading." - a count announced, then what each person said: :func:`counted` rewrites it as one request each.

* "Left a voicemail for Paula Walsh and then sent her a follow-up email." - two interactions with one person, one
  after the other: :func:`in_turn` cuts it so each is logged with its own type.

All only act when every piece names a different workspace contact (one record each); anything less certain is left
to the clause reader, which asks.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from desktop.planner.entity_index import EntityIndex

#: The start of a request to log an activity with a person: "Log a call with", "also record a meeting with",
#: "then add a note on".
_LOG_REQUEST = re.compile(
    r"(?:^|(?<=[.!?;]\s)|(?<=,\s)(?=(?:and\s+)?(?:then\s+|also\s+)?(?:log|record)\b)|(?<=\sand\s)(?=(?:then\s+|also\s+)?(?:log|record)\b))"
    r"\W*(?:(?:and|also|then|please|ok|okay|so|plus)\W+)*(?:log|record|add)\s+(?:a|an|the|my)\s+(?:[\w-]+\s+)?"
    r"(?:call|meeting|note|email|e-mail|voicemail)\s+(?:with|to|on|for|from|against)\s+", re.I)

#: "Log two calls from this morning.", "Record three meetings from yesterday:": a count of activities announced.
_COUNTED = re.compile(
    r"^\W*(?:(?:so|ok|okay|right|please|and)\W+)*(?:log|record|add)\s+(?:(?P<n>two|three|four|2|3|4)|a\s+couple\s+(?:of\s+)?|both)\s+"
    r"(?P<kind>call|meeting|note|email|e-mail|voicemail)s?\b(?P<when>[^.:;]{0,40}?)\s*[.:;]\s*(?P<rest>\S.*)$", re.I | re.S)

#: "..., and then sent her ...", "..., then emailed him ...": a second interaction reported after the first.
_THEN_REPORT = re.compile(r",?\s+(?:and\s+)?then\s+(?=(?:i\s+|we\s+)?(?:also\s+)?(?:sent|emailed|e-mailed|called|rang|phoned|"
                          r"left|texted|followed up|met)\b)", re.I)

_NUMBERS = {"two": 2, "three": 3, "four": 4, "2": 2, "3": 3, "4": 4}


def _person(index: EntityIndex, text: str) -> tuple[int, int] | None:
    """``(contact id, start)`` of the first workspace contact ``text`` names as one record, or None."""
    for m in index.find_mentions(text):
        if m.kind == "contact" and len(m.ids) == 1:
            return m.ids[0], m.start
    return None


def request_segments(text: str, index: EntityIndex) -> list[tuple[int, int]]:
    """``[(start, end), ...]``: one span per request to log an activity when ``text`` holds two or more, each with
    a different person named right after it ("Log a call with X ... . Log a meeting with Y ..."); words before the
    first request go with it. ``[]`` otherwise (one request, or a request whose person is not one contact)."""
    starts = [m.start() for m in _LOG_REQUEST.finditer(text)]
    if len(starts) < 2:
        return []
    people = []
    for a, b in zip(starts, starts[1:] + [len(text)]):
        head = _LOG_REQUEST.match(text, a)
        who = _person(index, text[head.end():b]) if head else None
        if who is None or who[1] > 3:
            return []
        people.append(who[0])
    if len(set(people)) != len(people):
        return []
    cuts = [0] + starts[1:] + [len(text)]
    out = []
    for a, b in zip(cuts, cuts[1:]):
        tail = re.search(r"(?:[\s,;]+(?:and|then|also|plus)\b)*[\s,;]*$", text[a:b], re.I)
        out.append((a, a + tail.start() if tail else b))  # "..., and log a call with ...": the "and" joins, it is no content
    return out


def counted(text: str, index: EntityIndex) -> str | None:
    """``text`` rewritten as one request per person when it announces a count of activities and then says what each
    person said ("Log two calls from this morning. Raj Zimmer wants the invoice, and Sofia Evans is thinking about
    upgrading." -> "Log a call with Raj Zimmer: Raj Zimmer wants the invoice. Log a call with Sofia Evans: Sofia
    Evans is thinking about upgrading."), or None when the pieces do not name that many different people."""
    m = _COUNTED.match(text)
    if m is None:
        return None
    rest = m.group("rest")
    found: list[tuple[int, int]] = []
    for men in index.find_mentions(rest):
        if men.kind == "contact" and len(men.ids) == 1 and men.ids[0] not in [f[0] for f in found]:
            # a piece starts at a person named at the start of the words or after a sentence end, comma or "and"
            if men.start == 0 or re.search(r"(?:[.;,]\s*(?:and\s+|then\s+|also\s+)?|\band\s+|\bthen\s+)$", rest[:men.start]):
                found.append((men.ids[0], men.start))
    want = _NUMBERS.get((m.group("n") or "").lower(), len(found))
    if len(found) < 2 or len(found) != want:
        return None
    kind = m.group("kind").lower().replace("e-mail", "email")
    out = []
    for (pid, a), (_, b) in zip(found, found[1:] + [(0, len(rest))]):
        words = re.sub(r"(?:[,;]\s*(?:and|then|also)?|\s+and|\s+then)\s*$", "", rest[a:b].strip()).strip(" ,.;")
        out.append(f"Log {'an' if kind in ('email', 'e-mail') else 'a'} {kind} with {index.contacts[pid].name}: {words}.")
    return " ".join(out)


def in_turn(text: str, activity_type: Callable[[str], str | None]) -> list[tuple[int, int]]:
    """``[(start, end), (start, end)]`` when ``text`` reports two interactions of different types one after the other
    ("Left a voicemail for Paula Walsh and then sent her a follow-up email": a call, then an e-mail), each piece a
    report ``activity_type`` (:func:`desktop.planner._rules.activity_type`) reads on its own; ``[]`` otherwise (one
    interaction, two of one type, or more than one "then")."""
    cuts = list(_THEN_REPORT.finditer(text))
    if len(cuts) != 1:
        return []
    m = cuts[0]
    first, second = activity_type(text[:m.start()]), activity_type(text[m.end():])
    if first is None or second is None or first == second or "note" in (first, second):
        return []
    return [(0, m.start()), (m.end(), len(text))]
