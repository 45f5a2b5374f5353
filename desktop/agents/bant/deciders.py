"""Who decides, when the sentence that says so needs a second look (issue/18y, callnotes24): the person answering
"who signs?" with "me", a "he"/"she" that never means a department, a decider corrected in the sentence after, and
"his boss, the VP Operations" (the title, not the person whose boss it is)."""

from __future__ import annotations

import re

#: "The final decision is made by me, once finance blesses it", "who signs? 'Me.'": the person answering
ME_ANSWER = re.compile(r"\b(?:decision is made by|made by|signs?|decides?|approves?)\s*:?\s*(?:me|myself)"
                       r"(?=\s*(?:[,.;:!'\"]|$)|\s+(?:once|after|when|alone|but)\b)", re.I)

#: A department or body, which a "he"/"she" never means ("finance clawed back five. He's still the one signing.")
BODY = re.compile(r"(?:the |their )?(?:finance|legal|procurement|purchasing|board|committee|it|ops|operations|accounting|hr|"
                  r"security|compliance|management|leadership)(?: team| department| committee| group)?", re.I)

#: "Felix signs off on tooling - actually no, I'm wrong, ... it's Raj himself": the decider put right in the next sentence
_CORRECTION_OPENER = re.compile(r"^(?:(?:uh|um|er|oh),?\s+)*(?:actually,? no|no,? wait|wait,? no|scratch that|correction|sorry,? no|"
                                r"i'm wrong|i was wrong|my mistake|not (?:him|her))\b", re.I)
_NOT_A_PERSON = (r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|"
                 r"September|October|November|December|The|This|That|It|Their|Our|Q[1-4])\b)")
_CORRECTED_TO = re.compile(r"\b(?:it's|it is|now it's|it's now)\s+(" + _NOT_A_PERSON + r"(?-i:[A-Z][a-z]+)(?: (?-i:[A-Z][a-z]+))?)"
                           r"(?:\s+(?:himself|herself|now))?\b(?!\s+(?:that|which|when|for|to)\b)|"
                           r"\b(" + _NOT_A_PERSON + r"(?-i:[A-Z][a-z]+)(?: (?-i:[A-Z][a-z]+))?)\s+(?:signs|decides|approves|does)\s+(?:now|(?:it )?"
                           r"(?:himself|herself))\b")


def corrected_decider(sentences: list[str], evidence: str) -> str | None:
    """The decider named in the sentence right after ``evidence`` when that sentence opens by taking the first one
    back ("Felix signs off on tooling - actually no, I'm wrong, since the reorg it's Raj himself")."""
    if evidence not in sentences:
        return None
    k = sentences.index(evidence)
    nxt = sentences[k + 1] if k + 1 < len(sentences) else ""
    if not _CORRECTION_OPENER.match(nxt.strip()):
        return None
    found = [g for m in _CORRECTED_TO.finditer(nxt) for g in m.groups() if g]
    return found[-1] if found else None


#: "Decision is his boss, the VP Operations (no name given)": the boss's title, not the person whose boss it is
BOSS_TITLE = re.compile(r"\b(?:decision(?: is| sits| rests| lies)?(?: with)?|signs?|approves?|decides?|sign-?off is)\s*:?\s*(?:with\s+)?"
                        r"(?:his|her|their) (?:boss|manager|superior|supervisor|line manager),\s+(?:the |their |his |her )?"
                        r"((?:vp|svp|evp|head|director|chief|ceo|cfo|coo|cto|cio|gm|md)\b[\w ]{0,30}?)(?=\s*(?:[(.,;]|$))", re.I)


#: "can't sign by EOM after all, legal pushed it", "procurement held it up": a body that delayed the signing, not who signs
_DELAYED_IT = (r"\s+(?:has |have |had )?(?:pushed|delayed|held|holds|slowed|stalled|bumped|blocked|paused|moved)\s+(?:it|things|this|that|"
               r"the (?:signing|signature|date|deal|contract|close))(?:\s+(?:up|back|out|down))?\b")


def delayed_by(who: str, evidence: str) -> bool:
    """True when ``who`` is a department or body that the sentence only says delayed the signing ("can't sign by EOM
    after all, legal pushed it"): it names no decider."""
    if not BODY.fullmatch(who.strip()):
        return False
    body = re.escape(who.strip())
    if re.search(r"\b" + body + r"\s+(?:(?:also|still|always|then)\s+)?(?:signs?|decides?|approves?|has (?:the )?final say|owns? the decision)\b",
                 evidence, re.I):
        return False  # ("The board approves it, and the board pushed it to January": it decides)
    return bool(re.search(r"\b" + body + _DELAYED_IT, evidence, re.I))


#: "Theo Walsh's EA says he's the one who signs": the initials of an assistant, read as the word
_ASSISTANT = re.compile(r"(?<='s )(?-i:EA|PA)\b|(?<='s )exec(?:utive)? assistant\b|(?<='s )personal assistant\b", re.I)


def assistant_spelled_out(sentence: str) -> str:
    """``sentence`` with an assistant's initials after a possessive as the word ("Theo Walsh's EA says he's the one who
    signs" -> "Theo Walsh's assistant says ..."), so the "he" after it means the person, not the initials."""
    return _ASSISTANT.sub("assistant", sentence)

