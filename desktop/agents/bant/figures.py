"""Budget figures said the spoken or typed way (issue/18y, callnotes24): our figure denied beside theirs ("budget 45k,
not the 48k we quoted"), a bare figure the note gives in thousands elsewhere ("We've set aside thirty-two" with "the
order form at 32k"), a correction opener said as a sentence of its own ("Wait, no - she said nine thousand")."""

from __future__ import annotations

import re

_NUM = (r"(?:\$?\d[\d,.]*\s*(?:k|grand|thousand)?|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|"
        r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine|hundred|"
        r"thousand|grand|k))*)")

#: ", not the 48k we quoted", ", not ninety-six", ", not the six in our proposal": our figure denied after theirs
_NOT_OURS = re.compile(r",?\s*(?:and\s+|but\s+)?not (?:the |our )?" + _NUM + r"(?:\s+(?:we|i) (?:quoted|proposed|offered|pitched|sent|asked for)"
                       r"|\s+(?:in|on|from) (?:our|the) (?:proposal|quote|order form|price list|offer))?(?=\s*(?:[.,;:'\")]|$))", re.I)


def strip_not_ours(sentence: str) -> str:
    """``sentence`` without our figure denied right after theirs ("budget 45k, not the 48k we quoted" -> "budget 45k")."""
    return _NOT_OURS.sub("", sentence)


_WORDS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
          "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
          "eighty": 80, "ninety": 90}
_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}

#: "set aside thirty-two", "have ninety in the plan", "budgeted 45 for it": a bare figure said as their money
_FIG = (r"(?P<num>(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|"
        r"ten|eleven|twelve|\w+teen|[1-9]\d{1,2})")
#: ("They have twelve." is a count: "have" needs "in the plan" or "for it" after the figure)
_BARE = re.compile(r"\b(?:(?:set aside|put aside|budgeted|earmarked|allocated|approved)\s*" + _FIG + r"(?P<after>\s+in the (?:plan|budget)|"
                   r"\s+for (?:it|this|the \w+))?|(?:have|has|'ve got|got) (?:about |around )?" + _FIG.replace("num", "num2") +
                   r"(?P<after2>\s+in the (?:plan|budget)|\s+for (?:it|this|the \w+)))(?=\s*[.,;!'\"]|\s*$)", re.I)


def _value(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    parts = re.split(r"[- ]", word.lower())
    total = 0
    for p in parts:
        if p in _WORDS:
            total += _WORDS[p]
        elif p in _UNITS:
            total += _UNITS[p]
        else:
            return None
    return total


def scale_bare(sentence: str, note: str) -> str:
    """``sentence`` with a bare figure said as their money read in thousands when the note gives a figure in
    thousands near it elsewhere ("We've set aside thirty-two" and "the order form at 32k" -> "set aside 32k";
    "ninety in the plan, not ninety-six" after "96k" -> "90k"); unchanged otherwise."""
    def scaled(m: re.Match[str]) -> str:
        key = "num" if m.group("num") else "num2"
        n = _value(m.group(key))
        if n is None:
            return m.group(0)
        near = [float(x) for x in re.findall(r"\$?(\d[\d.]*)\s*k\b", note, re.I)]
        if any(0.8 * n <= x <= 1.25 * n for x in near):
            return m.group(0)[:m.start(key) - m.start()] + f"{n}k" + (m.group("after") or m.group("after2") or "")
        return m.group(0)
    return _BARE.sub(scaled, sentence)


_FIX_ALONE = re.compile(r"^(?:(?:uh|um|er|oh),?\s+)*(?:wait,? no|no,? wait|no,? sorry|sorry,? no|scratch that|correction)\s*[,.!]?$", re.I)


def join_fix_alone(sentences: list[str]) -> list[str]:
    """A correction opener said as a sentence of its own ("Wait, no" - "she said nine thousand") joined to the words
    after it, so the correction reads as one."""
    out: list[str] = []
    i = 0
    while i < len(sentences):
        if _FIX_ALONE.match(sentences[i].strip()) and i + 1 < len(sentences):
            out.append(sentences[i].strip().rstrip(".!,") + ", " + sentences[i + 1])
            i += 2
            continue
        out.append(sentences[i])
        i += 1
    return out
