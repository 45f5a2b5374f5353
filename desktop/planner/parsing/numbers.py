"""Amounts in instructions: "62,500", "$100K", "2.5 million", "240 grand", "seventy five thousand".

Number words are turned into digits with ``text_to_num.alpha2digit`` (English); scale suffixes
(``k``, ``grand``, ``thousand``, ``m``, ``million``, ``bn``) are applied here. Relative phrases
("add fifteen thousand", "cut by 10 percent") are reported as :class:`AmountMatch` with a ``mode``
so the planner can apply them to the deal's current amount. Values are major currency units.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache, partial

from text_to_num import alpha2digit, text2num

#: Largest amount (major units) taken from text; bigger numbers are ignored as noise.
MAX_AMOUNT = 1e12
_SCALES = {
    "k": 1_000, "thousand": 1_000, "grand": 1_000, "m": 1_000_000, "mm": 1_000_000,
    "mil": 1_000_000, "million": 1_000_000, "bn": 1_000_000_000, "billion": 1_000_000_000,
}
_SCALE_RE = r"(?:k|thousand|grand|mm|m|mil|million|bn|billion)"
_NUM_RE = re.compile(
    rf"(?P<cur>[$€£])?\s?(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    rf"(?:\s?(?P<scale>{_SCALE_RE})(?:\s(?P<scale2>{_SCALE_RE}))?)?\b"
    rf"(?P<pct>\s?(?:%|percent\b|per cent\b))?",
    re.IGNORECASE,
)
_ADD_RE = re.compile(r"\b(?:add(?:ed|ing|s)?|plus|increase[ds]?|bump(?:ed)?|raise[ds]?|(?<!-)up(?:ped)?(?!\s+(?:at|to)\b)|grow|grew|grown|"
                     r"another|an extra|additional|"
                     r"more(?!\s+(?:like|or less|than|of|realistic|likely)\b))\b"
                     r"(?:,?\s+\w+){0,5}?\s*$"
                     # "bump the Cedar Group starter plan by 12.5k": the verb further back, then "by"
                     r"|\b(?:bump(?:ed)?|raise[ds]?|increase[ds]?|up(?:ped)?)\b[^,.;]{0,60}\bby\s*$", re.IGNORECASE)
_SUB_RE = re.compile(r"\b(?:cut|cuts|trim(?:med|s)?|reduce[ds]?|decrease[ds]?|lower(?:ed)?|drop(?:ped)?|minus|"
                     r"subtract(?:ed)?|take|knock(?:ed)?|down)\b(?:,?\s+\w+){0,5}?\s*$", re.IGNORECASE)
_FROM_TO_RE = re.compile(r"\bto\s*(?:(?:a|about|around|roughly|like)\s*)?$|"
                         r"\b(?:amount|budget|price|value)\s+of\s*$", re.IGNORECASE)  # "the amount of 60k": that amount
_MONEY_CONTEXT = re.compile(r"\b(?:budget|amount|worth|value|valued|deal size|price|priced|pricing|"
                            r"dollars?|usd|eur|euros?|pounds?|bucks|contract|arr|acv|revenue|"
                            r"(?:signed|closed|landed|came in|settled|agreed)\s+at)\b",
                            re.IGNORECASE)
_SMALL_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
                "a couple of": 2, "a couple": 2, "couple of": 2, "a few": 3, "few": 3}


@dataclass(frozen=True, slots=True)
class AmountMatch:
    """A number found in text.

    Attributes:
        value: the number in major units (``100000.0`` for "100K"), or the percentage for
            ``percent`` matches (``10.0`` for "10 percent").
        start, end: character span in the *normalised* text given to :func:`find_amounts`.
        mode: ``"set"``, ``"add"`` or ``"sub"`` (relative change).
        percent: True for "10%" / "ten percent".
        money: True when the number looks like money (currency sign, scale word, money context
            word nearby, or a value >= 1,000).
        bare: True when the number was said with no currency sign, scale word or percent sign
            ("one eighty", "60"): its magnitude is the speaker's shorthand, not certain.
    """

    value: float
    start: int
    end: int
    mode: str = "set"
    percent: bool = False
    money: bool = False
    bare: bool = False


_SMALL_SCALE = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}


#: "one oh five k": hundreds said digit by digit with "oh" for the zero, before a scale.
_OH_HUNDREDS = re.compile(r"\b(one|two|three|four|five|six|seven|eight|nine)\s+oh\s+(one|two|three|four|five|six|seven|eight|nine)\s*"
                          r"(k|grand|thousand)\b", re.IGNORECASE)


#: What a share is taken of when it is no money: "we cut onboarding time in half", "halved their ticket backlog".
_NOT_MONEY_SHARED = re.compile(r"\b(?:time|times|hours?|days?|weeks?|backlog|tickets?|workload|effort|calls?|churn|headcount|"
                               r"wait|latency|errors?|steps?|clicks?|no-?shows?)\s*(?:\w+\s+){0,2}$", re.I)


def _share_of(m: re.Match[str], *, share: str, whole: str) -> str:
    """"by ``share`` percent" for a share said at ``m`` in ``whole`` ("in half"), unless what is shared is no money."""
    return m.group(0) if _NOT_MONEY_SHARED.search(whole[max(0, m.start() - 40):m.start()]) else f"by {share} percent"


@lru_cache(maxsize=4096)
def words_to_digits(text: str) -> str:
    """Replace English number words by digits ("seventy five thousand" -> "75000").

    Small counts that ``alpha2digit`` leaves alone ("two weeks") are left as words; see
    :func:`small_number`. Never raises; returns the input on any parser failure.
    """
    protected = re.sub(r"(\d)\s+(million|billion)\b", r"\1\2", text, flags=re.IGNORECASE)
    # "one oh five k" -> "105 k": hundreds said digit by digit with "oh" for the zero, before a scale
    protected = _OH_HUNDREDS.sub(lambda m: f"{_DIGIT_WORDS[m.group(1).lower()]}0{_DIGIT_WORDS[m.group(2).lower()]} {m.group(3)}",
                                 protected)
    # "by a third", "in half", "by a quarter", "by two thirds": a share of the current amount
    for said, share in ((r"(?:by\s+)?two[\s-]thirds", "66.66666667"), (r"(?:by\s+)?(?:a|one)[\s-]third", "33.33333333"),
                        (r"(?:by\s+|in\s+)half", "50"), (r"by\s+(?:a|one)[\s-]quarter", "25")):
        protected = re.sub(rf"\b{said}\b(?!\s+(?:of\s+)?an?\s+(?:million|mil|billion)\b)",
                           partial(_share_of, share=share, whole=protected), protected, flags=re.I)
    # "double the deal amount", "triple it": a multiple of the current amount (as a percent increase)
    # ("Onyx is doubling their annual plan", "they doubled the order": the same, said as news)
    bought = r"(?:the|their|its)\s+(?:\w+\s+)?(?:deal|order|plan|contract|seats|licen[cs]es?|subscription|commitment|budget|spend)\b"
    # "the Kestrel Partners deal doubled": the deal (or its order) doubled, said after it
    protected = re.sub(r"\b((?:deal|order|contract|amount|plan))\s+(?:has\s+|just\s+)?doubled\b", r"\1 increase by 100 percent",
                       protected, flags=re.I)
    protected = re.sub(rf"\b(?:just\s+)?double\s+(?=(?:it|that|the|their|its)\b)|\bdoubl(?:es|ed|ing)\s+(?={bought})",
                       "increase by 100 percent ", protected, flags=re.I)
    protected = re.sub(rf"\b(?:just\s+)?triple\s+(?=(?:it|that|the|their|its)\b)|\btripl(?:es|ed|ing)\s+(?={bought})",
                       "increase by 200 percent ", protected, flags=re.I)
    protected = re.sub(r"\b(?:just\s+)?halve\s+(?=(?:it|that|the|their|its)\b)", "cut by 50 percent ", protected, flags=re.I)
    # "half a million", "a quarter of a million", "half a mil": fractions of a scale
    protected = re.sub(r"\b(?:a\s+)?half\s+(?:of\s+)?an?\s+(million|mil|billion)\b", r"0.5\1", protected, flags=re.I)
    protected = re.sub(r"\b(?:a\s+)?quarter\s+(?:of\s+)?an?\s+(million|mil|billion)\b", r"0.25\1", protected, flags=re.I)
    # "knock two k off", "take a grand off", "five grand": a small count before a scale word is money
    protected = re.sub(r"(?<!twenty )(?<!thirty )(?<!forty )(?<!fifty )(?<!sixty )(?<!seventy )(?<!eighty )(?<!ninety )"
                       r"(?<!hundred )(?<!and )(?<!point )(?<!-)\b(?P<n>a|one|two|three|four|five|six|seven|eight|nine)\s+(?P<sc>k|grand)\b",
                       lambda m: f"{_SMALL_SCALE[m.group('n').lower()]} {m.group('sc')}", protected, flags=re.I)
    try:
        out = alpha2digit(protected, "en")
    except Exception:  # noqa: BLE001 - text2num raises on odd inputs; fall back to the raw text
        return text
    # "1.5 1000000" (from "one point five million") -> "1.5million"
    out = re.sub(r"(\d(?:\.\d+)?)\s+1000000\b", r"\1million", out)
    out = re.sub(r"(\d(?:\.\d+)?)\s+1000\b", r"\1thousand", out)
    # "seven and a half K" -> "7.5 K"
    out = re.sub(r"\b(\d+) and a half\s*(k|thousand|grand|million|m)\b", r"\1.5 \2", out, flags=re.IGNORECASE)
    # "sixty-two and a half thousand" (the scale already turned to digits: "62 and a half 1000"), "two and a half million"
    out = re.sub(r"\b(\d+) and a half\s+(1000|1000000)\b", lambda m: f"{m.group(1)}.5 {'k' if m.group(2) == '1000' else 'million'}", out)
    out = re.sub(r"\b(one|two|three|four|five|six|seven|eight|nine|ten) and a half\s*(k|thousand|grand|million|m|1000|1000000)\b",
                 lambda m: f"{_DIGIT_WORDS.get(m.group(1).lower(), m.group(1))}.5 "
                           f"{ {'1000': 'k', '1000000': 'million'}.get(m.group(2), m.group(2))}", out, flags=re.IGNORECASE)
    # "settled at fifty-eight and a half" -> "58.5" (a figure and a half, its scale left to the reader)
    out = re.sub(r"\b(\d+) and a half\b(?!\s*(?:hours?|days?|weeks?|months?|years?|minutes?|seats?|users?|people|1000|1000000|"
                 r"k|thousand|grand|million|mil|m)\b)", r"\1.5", out, flags=re.IGNORECASE)
    # "a buck twenty", "a buck fifty" -> "120", "150" (sales slang for one-hundred-and-X, in thousands as said)
    out = re.sub(r"\ba buck\s+(\d{2})\b", r"1\1", out, flags=re.IGNORECASE)
    # "200 and 25k" (a recogniser's "two hundred and twenty-five k") -> "225 k"
    out = re.sub(r"\b([1-9])00 and ([1-9]\d)\s*(k|thousand|grand)\b", r"\1\2 \3", out, flags=re.IGNORECASE)
    # "two fifty k" -> "2 50 k" -> "250 k" (hundreds said the short way before a scale)
    out = re.sub(r"\b([1-9]) ([1-9]\d)\s*(k|thousand|grand)\b", r"\1\2 \3", out, flags=re.IGNORECASE)
    return out


_SHORT_HUNDREDS = re.compile(r"\b([1-9]) ((?:[2-9]\d)|(?:1\d))\b(?!\s*(?:am|pm|a\.m|p\.m|o'?clock|:))", re.I)


#: "42 5" (from "forty-two five"), "12 5" ("twelve five"): thousands then hundreds, said the short way.
_SHORT_THOUSANDS = re.compile(r"\b([1-9]\d)[ -]([1-9])\b(?![\d.,]|\s*(?:%|percent|k\b|thousand|grand|m\b|million|hundred|am|pm|a\.m|"
                              r"p\.m|o'?clock|:|days?|weeks?|months?|years?|people|seats?|users?|licen[cs]es?))", re.I)


def join_short_hundreds(text: str) -> str:
    """"1 80" (from "one eighty") -> "180", "9 50" -> "950": hundreds said the short way; "42 5"
    (from "forty-two five") -> "42500", "12 5" -> "12500": thousands and hundreds said the short way.

    Only for text already known to be about an amount (the caller checks): in other text the same
    digits are clock times ("at one thirty") or two counts.
    """
    return _SHORT_HUNDREDS.sub(r"\1\2", _SHORT_THOUSANDS.sub(lambda m: f"{m.group(1)}{m.group(2)}00", text))


def small_number(token: str) -> int | None:
    """``"two"`` -> 2, ``"3"`` -> 3, ``"a couple of"`` -> 2, ``"ninety"`` -> 90 (other number words through
    text2num); ``None`` when not a count."""
    token = token.strip().lower()
    if token.isdigit():
        return int(token)
    if token in _SMALL_WORDS:
        return _SMALL_WORDS[token]
    try:
        return int(text2num(token.replace("-", " "), "en"))  # "ninety", "forty five", "fifteen"
    except ValueError:
        return None


def find_amounts(text: str) -> list[AmountMatch]:
    """Every number in ``text`` (already passed through :func:`words_to_digits`), in order.

    Returns plain counts too (``money=False``); the planner decides what a number means. Years
    (``2027``) next to a month name, ordinals ("15th") and clock times ("3pm", "3:30") are skipped.
    """
    out: list[AmountMatch] = []
    for m in _NUM_RE.finditer(text):
        start, end = m.span()
        if not m.group("cur") and text[max(0, m.start("num") - 1):m.start("num")].isalpha():
            continue  # "Q2", "H1", "FY27", "v3": a label, not a number
        nxt = text[end:end + 3].lower()
        if re.match(r"(?:st|nd|rd|th)\b", nxt) or re.match(r"\s?(?:am|pm|a\.m|p\.m)\b", nxt):
            continue
        if (text[end:end + 1] and text[end:end + 1] in ":/") or text[max(0, start - 1):start] in (":", "/"):
            if not m.group("cur"):
                continue
        raw = m.group("num").replace(",", "")
        try:
            value = float(raw)
        except ValueError:
            continue
        scale = 1
        for key in ("scale", "scale2"):
            if m.group(key):
                scale *= _SCALES[m.group(key).lower()]
        pct = bool(m.group("pct"))
        value *= scale
        if not math.isfinite(value) or value > MAX_AMOUNT or (pct and value > 1000):
            continue  # "999999999999999999999" is noise, not money
        if not pct and scale == 1 and m.group("cur") is None and 1900 <= value <= 2100 and "," not in m.group("num") \
                and not (value % 100 == 0 and re.search(r"\b(?:to|at|by|of|for|is|from)\s*$", text[max(0, start - 6):start], re.I)
                         and re.match(r"\s*(?:a\s+(?:month|year|quarter|week)|per\b|/|dollars|bucks|[.,;]|$)", text[end:end + 12], re.I)):
            continue  # a year ("set it to 2000 a month", "at 2000." : round money, not a year)
        before = text[max(0, start - 70):start]
        mode = "set"
        if (re.match(r"\s*off\b", text[end:end + 6], re.I) or re.match(r"\s*(?:discount|reduction|markdown|price cut)\b", text[end:end + 14], re.I)
                and re.search(r"\b(?:give|giving|gave them|apply|applying|approve|approved|grant|put in)\b[^.;]*$", before, re.I)) \
                and (pct or scale > 1 or m.group("cur")):
            mode = "sub"  # "ten percent off the annual plan", "fifteen k off", "give them a five k discount" (one only asked for
            # - "they want a ten percent discount" - changes nothing)
        elif re.match(r"\s*(?:(?:a|per|each)\s+(?:year|month|quarter)\s+)?(?:more|extra|higher|bigger|on top)\b", text[end:end + 24], re.I) \
                and (pct or scale > 1 or m.group("cur") or value >= 1000):
            mode = "add"  # "five grand more than we thought", "about 6000 a year more"
        elif re.match(r"\s*(?:less|lower|cheaper|smaller)\b", text[end:end + 12], re.I) and (pct or scale > 1 or m.group("cur")):
            mode = "sub"  # "ten k less than quoted"
        elif _FROM_TO_RE.search(before):
            mode = "set"
        elif _ADD_RE.search(before):
            mode = "add"
        elif _SUB_RE.search(before):
            mode = "sub"
        money = bool(m.group("cur")) or scale > 1 or (value >= 1000 and not pct) or bool(
            _MONEY_CONTEXT.search(text[max(0, start - 30):min(len(text), end + 15)]))
        if money and re.match(r"\s*(?:a\s+(?:month|year)\s+|/\s*(?:mo|month|yr|year)\s+)?(?:tier|plan|package|bundle|edition|option|"
                              r"level|version)\b", text[end:end + 24], re.I) \
                and not re.search(r"\b(?:set|make|update|change|upgrade|downgrade|bump|put|move|switch|amount)\b[^.;]*$", before, re.I):
            money = False  # "he's fine with the 3k tier": the name of a price tier liked, not the deal's amount
        out.append(AmountMatch(value=value, start=start, end=end, mode=mode, percent=pct,
                               money=money and not pct, bare=not pct and scale == 1 and not m.group("cur")))
    return out


def apply_amount(match: AmountMatch, current: float | None) -> float | None:
    """The new amount after ``match`` is applied to ``current`` (major units).

    ``set`` returns the value; ``add``/``sub`` need ``current`` (``None`` when unknown); percent
    matches change ``current`` by that share. Results are rounded to cents.
    """
    if match.percent:
        if current is None or match.mode == "set":
            return None
        delta = current * match.value / 100.0
    else:
        if match.mode == "set":
            return _tidy(match.value)
        if current is None:
            return None
        delta = match.value
    result = current + delta if match.mode == "add" else current - delta
    return _tidy(max(result, 0.0))


def _tidy(value: float) -> float | int:
    value = round(value, 2)
    return int(value) if value == int(value) else value


_DIGIT_WORDS = {"zero": "0", "oh": "0", "o": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
                "six": "6", "seven": "7", "eight": "8", "nine": "9"}
_PHONE_TOKEN = re.compile(r"plus|double|triple|zero|oh|o|one|two|three|four|five|six|seven|eight|nine|\d+|,|-|\.|:|dash|"
                          r"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
                          r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety",
                          re.IGNORECASE)
#: Two-digit words in a spoken phone number (a country code "plus forty four", a pair "ninety nine").
_TEENS = {"ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14", "fifteen": "15", "sixteen": "16",
          "seventeen": "17", "eighteen": "18", "nineteen": "19"}
_TENS = {"twenty": "2", "thirty": "3", "forty": "4", "fifty": "5", "sixty": "6", "seventy": "7", "eighty": "8", "ninety": "9"}


def spoken_phone(text: str) -> str | None:
    """The number of :func:`find_spoken_phone`, or None."""
    found = find_spoken_phone(text)
    return found[0] if found else None


def find_spoken_phone(text: str) -> tuple[str, int] | None:
    """A phone number said digit by digit: "plus four nine, one five one, five five five zero" ->
    "+49 151 5550"; "double five" and "triple oh" repeat a digit; commas and pauses group digits.

    Reads from the start of ``text`` (the caller passes the words after "number is"/"mobile").
    Returns ``(number, end)`` (``end``: where the number stops in ``text``), or None when fewer than
    7 digits are said in a row.
    """
    groups: list[str] = [""]
    end = 0
    plus = False
    repeat = 1
    pos = 0
    tens_open = False
    for m in re.finditer(r"[a-z]+|\d+|[,.:\-]", text, re.IGNORECASE):
        between = text[pos:m.start()]
        if between.strip(" "):
            break  # anything else ends the number
        pos_before = pos
        pos = m.end()
        word = m.group(0).lower()
        if word == "," and re.match(r"\d{3}\b", text[m.end():]) and groups[-1] and text[m.start() - 1].isdigit():
            continue  # "1,234" written by a recogniser: one group, not a pause
        if not _PHONE_TOKEN.fullmatch(word):
            if groups == [""] and word in ("is", "now", "number", "the", "new", "it's", "its", "to", "at"):
                continue
            break
        if word == "plus" and groups == [""]:
            plus = True
        elif word == "-" and tens_open:
            continue  # "forty-four"
        elif word in (",", "-", "dash", ".", ":"):
            tens_open = False
            if groups[-1]:
                groups.append("")  # a pause, a dash or a recogniser's "4.9": a new group
        elif word == "double":
            repeat = 2
        elif word == "triple":
            repeat = 3
        elif word.isdigit():
            if groups[-1] and between and text[m.start() - 1].isspace() and text[pos_before - 1:pos_before].isdigit():
                groups.append("")  # "555 0199 1234": digits written apart are groups apart
            groups[-1] += word
            end = m.end()
        elif word in _DIGIT_WORDS:
            if tens_open and between.strip(" -") == "" and word not in ("zero", "oh", "o"):
                groups[-1] = groups[-1][:-1] + _DIGIT_WORDS[word]  # "forty four": 44, not 404
            else:
                groups[-1] += _DIGIT_WORDS[word] * repeat
            tens_open = False
            repeat = 1
            end = m.end()
        elif word in _TEENS:
            groups[-1] += _TEENS[word]
            end = m.end()
        elif word in _TENS:
            groups[-1] += _TENS[word] + "0"  # "forty" alone: 40; a digit said next replaces the 0
            tens_open = True
            end = m.end()
            continue
        else:
            break
    digits = [g for g in groups if g]
    if sum(len(g) for g in digits) < 7:
        return None
    return ("+" if plus else "") + " ".join(digits), end
