"""Clauses that describe a change without asking for it: conditions, hypotheticals and held fields.

Salespeople think aloud: "if legal clears it next week we'd move Orbital to Closed Won", "if they
sign the full thing it'd be closer to 300K", "don't mark it lost yet", "leave the amount as is". A
careful assistant writes none of those changes (each was a wrong write in blind sets 11 and 12).
This module decides, per clause (see :func:`desktop.planner._rules.clauses`):

* :func:`condition` - the clause states a condition ("if they sign", "unless legal objects",
  "assuming the board approves"): what follows it in the same sentence is hypothetical unless it
  is a request of its own (a reminder, a note, an e-mail: "if she hasn't replied by Friday, remind
  me to call her" is a real task).
* :func:`hypothetical` - the clause is a hypothetical consequence ("we'd move it to won", "it
  would be closer to 300K", "we'll mark it won if they sign").
* :func:`held_fields` - the clause tells the assistant to keep fields as they are ("don't touch the
  amount", "leave the stage alone", "don't mark it lost yet", "hold off on the close date"): the
  names of the held fields (``stage``, ``amount``, ``close_date``, ``owner``, ``next_step``), which no
  other clause of the utterance may then change.

Linguistic background: conditionals and irrealis mood (Quirk et al., *A Comprehensive Grammar of
the English Language*, 1985, 15.33-15.37); the cue lists below are ours.
"""

from __future__ import annotations

import re

#: A request inside a conditional sentence is still a request (a task, a note, an e-mail, a call).
_REQUEST = re.compile(r"\b(?:remind me|reminder|create (?:a |an )?task|add (?:a |an )?task|set (?:a |an )?task|"
                      r"make (?:a |an )?task|log|add (?:a |an )?note|note (?:that|down)|draft|e-?mail|write to|"
                      r"follow[- ]?up|ping|call (?:her|him|them)|book)\b", re.I)
_CONDITION = re.compile(r"^\W*(?:(?:and|but|so|then|because|okay|ok|well|now)\s+)*(?:only\s+)?(?:if|unless|in case|assuming|"
                        r"suppose|supposing|provided(?: that)?|should (?:they|he|she|it)|once (?:they|he|she|it|legal|the)\b"
                        r"(?=.*\b(?:we'?d|would|we'?ll|we will|it'?ll)\b))\b", re.I)
#: "we'd move", "it'd be", "would go up", "we could bump", "we'll mark it won if ...": a modal
#: before a change or a value (requests "could you ...", "would you ...", "I'd like ..." excluded).
_MODAL = re.compile(r"\b(?:we'?d|i'?d|it'?d|they'?d|that'?d|would|could|might|may)\b(?!\s+(?:you|like|love|appreciate|prefer|i\b))"
                    r"(?:\s+(?:then|probably|likely|definitely|just|also|need to|have to|want to|be able to))*\s+"
                    r"(?:move|mark|bump|put|set|change|update|push|close|go|be|jump|drop|add|log|make|land|end up|get|slip|slide|shift|drift|"
                    r"fall|come in)\b", re.I)
_FUTURE_IF = re.compile(r"\b(?:we'?ll|we will|i'?ll|i will|it'?ll|it will|that'?ll)\s+(?:then\s+)?"
                        r"(?:move|mark|bump|put|set|change|update|push|close|go|be|jump|drop)\b.*\bif\b"
                        r"|\bif\b.*\b(?:we'?ll|we will|i'?ll|it'?ll|it will|that'?ll)\s+(?:then\s+)?"
                        r"(?:move|mark|bump|put|set|change|update|push|close|go|be|jump|drop)\b", re.I)

_NEGATED = re.compile(r"^\W*(?:(?:and|but|so|just|please|though|for now|for the moment|yet)\W+)*"
                      r"(?:don'?t|do not|dont|never|no need to|not going to|we'?re not going to|hold off on|"
                      r"hold off|wait (?:before|to)|let'?s not|i wouldn'?t|shouldn'?t)\s+"
                      r"(?!forget\b|let me forget\b)(?P<what>.*)$", re.I)
_LEAVE = re.compile(r"\b(?:leave|keep)\s+(?P<what>(?:the|its|it'?s|their|that|this|it)\b.{0,40}?)\s*"
                    r"(?:alone|as (?:is|it is)|where it is|unchanged|untouched|the same|for now|as-is)\b", re.I)
_FIELD_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("stage", re.compile(r"\b(?:stage|won|lost|dead|closed|move|moving|mark|marking|advance|pipeline)\b", re.I)),
    ("amount", re.compile(r"\b(?:amount|number|value|price|figure|deal size|budget|size|k|grand)\b", re.I)),
    ("close_date", re.compile(r"\b(?:close date|closing date|close|date|timeline|push|pushing)\b", re.I)),
    ("owner", re.compile(r"\b(?:owner|reassign|assign|hand)\b", re.I)),
    ("next_step", re.compile(r"\bnext steps?\b", re.I)),
)


def condition(text: str) -> bool:
    """True when the clause ``text`` states a condition and asks for nothing itself.

    "If Delta signs the annual plan next week" -> True; "if she hasn't replied by Friday, remind me"
    -> False (a request). Never raises.
    """
    return bool(_CONDITION.search(text)) and not _REQUEST.search(text)


#: "..., update the deal", "put that in", "change the amount to reflect it": the user asks for the
#: change a reported "could be" value describes.
_UPDATE_ASKED = re.compile(r"(?:^|[,.;]\s*|\band\s+|\bso\s+|\bplease\s+|\bjust\s+)(?:update|change|adjust|correct|reflect|"
                           r"put (?:that|it|this) in|set (?:it|that|the \w+))\b", re.I)


def update_asked(utterance: str) -> bool:
    """True when ``utterance`` asks outright for an update ("..., update the deal amount"): then a
    value reported with a modal ("Globex said it could be 1.2 million") is what to write."""
    return bool(_UPDATE_ASKED.search(utterance))


def hypothetical(text: str, after_condition: bool = False, asked: bool = False) -> bool:
    """True when the clause ``text`` describes a change that would follow from a condition.

    ``after_condition``: an earlier clause of the same sentence stated a condition (see
    :func:`condition`), so a bare change ("move it to Closed Won") is its consequence. ``asked``:
    the utterance asks outright for the update (:func:`update_asked`), so a modal value is the
    one to write. A request (reminder, note, e-mail) is never hypothetical. Never raises.
    """
    if _REQUEST.search(text) and not re.search(r"\b(?:we'?d|would)\s+(?:log|add)\b", text, re.I):
        return False
    if asked and not condition(text):
        return False
    if _MODAL.search(text) or _FUTURE_IF.search(text):
        return True
    if condition(text):
        return True
    return after_condition


def held_fields(text: str) -> frozenset[str] | None:
    """The fields the clause ``text`` tells us to keep, or None when it holds nothing.

    "don't touch the amount" -> {"amount"}; "leave the stage alone" -> {"stage"}; "don't mark it lost
    yet" -> {"stage"}; "don't change anything" -> every field. "Don't forget to call her" holds
    nothing (a request). Never raises.
    """
    m = _NEGATED.match(text)
    what = m.group("what") if m else None
    if what is None and (lv := _LEAVE.search(text)):
        what = lv.group("what") + " " + text[lv.end():]
        if re.fullmatch(r"\W*(?:it|that|this)\W*", lv.group("what"), re.I):
            what = "stage amount close date owner"  # "leave it as is": the record as a whole
    if what is None:
        return None
    if m is not None and re.match(r"\W*(?:contact|e-?mail|call|text|reach out)\b", what, re.I):
        return None  # "don't contact her": do-not-contact, a change of its own
    if re.search(r"\b(?:anything|everything|any of it|any fields?)\b", what, re.I):
        return frozenset(name for name, _ in _FIELD_WORDS)
    held = frozenset(name for name, pat in _FIELD_WORDS if pat.search(what))
    return held or None
