"""Dates and clock times in instructions, relative to ``now``.

Fast regex paths cover what people say most ("tomorrow", "on Friday", "in two weeks", "end of
January", "the 15th of January", "December 3rd", "2026-12-03"); anything else that looks like a date
is handed to ``dateparser`` (imported lazily: it takes ~1 s to import) with
``{'RELATIVE_BASE': now, 'PREFER_DATES_FROM': 'future'}``. Results are :class:`datetime.date`.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from desktop.planner.parsing.numbers import small_number

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_WEEKDAY_NAMES = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_MONTH_RE = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY_RE = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
#: After a month name: a day follows ("by December 18th"), so the month alone is not the date.
_NO_DAY = (r"(?!\s+(?:the\s+)?(?:[0-3]?\d(?:st|nd|rd|th)?\b(?!\s*(?:k|grand|thousand|%))|"
           r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|"
           r"fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty|thirtieth|thirty)\b))")
_COUNT = (r"(?P<n>\d+|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|"
          r"nine))?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
          r"seventeen|eighteen|nineteen|a couple of|a few)")
_UNIT = r"(?P<unit>day|week|month|year|business day|fortnight)s?"

_ORDINALS = {w: i + 1 for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split())}
_ORDINALS.update({f"twenty-{w}": 20 + i for w, i in _ORDINALS.items() if i < 10})
_ORDINALS.update({f"twenty {w}": 20 + i for w, i in list(_ORDINALS.items()) if i < 10 and "-" not in w})
_ORDINALS.update({"thirtieth": 30, "thirty-first": 31, "thirty first": 31})
_ORDINAL_WORDS = "|".join(sorted(_ORDINALS, key=len, reverse=True))

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>20\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b")),
    ("day_after", re.compile(r"\bday after tomorrow\b", re.I)),
    ("today", re.compile(r"\b(?:today|tonight|end of (?:the )?day|eod)\b", re.I)),
    ("tomorrow", re.compile(r"\b(?:tomorrow|tmrw|tmr)\b", re.I)),
    ("in_n", re.compile(rf"\b(?:in|within|after)\s+{_COUNT}\s+{_UNIT}\b", re.I)),
    ("n_from_now", re.compile(rf"\b{_COUNT}\s+{_UNIT}\s+(?:from now|from today|out)\b", re.I)),
    ("end_month_named", re.compile(rf"\b(?:end of|late|the end of)\s+{_MONTH_RE}\b", re.I)),
    ("end_next", re.compile(r"\b(?:end of|by the end of)\s+next\s+(?P<what>week|month|quarter|year)\b", re.I)),
    ("hours", re.compile(r"\b(?:in|within)\s+(?:an?|\d+|a few|a couple of|one|two|three)\s+(?:hours?|minutes?|mins?)\b|"
                         r"\blater today\b|\bthis (?:morning|afternoon|evening)\b", re.I)),
    ("from_month", re.compile(rf"\b(?:not before|no earlier than|(?:can'?t|cannot|won'?t|will not)\s+\w+\s+before|"
                              rf"starting(?: in)?|from|after|beginning(?: of)?)\s+"
                              rf"{_MONTH_RE}\b{_NO_DAY}", re.I)),
    ("quarter", re.compile(r"\b(?:in|by|for|during|end of|the end of|close of|to|until|till|close|closing|closes|more like|looking like|realistically)\s+(?:the\s+)?(?:q(?P<q>[1-4])|"
                           r"(?P<qw>first|second|third|fourth|1st|2nd|3rd|4th) quarter)\b"
                           # "Harbor Health is probably a Q1 close now": a quarter said before "close"
                           r"|\b(?:an?\s+)?q(?P<q2>[1-4])\s+(?:close|closing|deal|signature|go-?live)\b", re.I)),
    ("end_of", re.compile(r"\b(?:end of|by the end of|eo)\s*(?:the |this )?(?P<what>week|month|quarter|year|q[1-4])\b", re.I)),
    ("next_unit", re.compile(r"\bnext (?P<what>week|month|quarter|year)\b", re.I)),
    ("day_of_month", re.compile(rf"\b(?:the\s+)?{_DAY_RE}\s+(?:of\s+)?{_MONTH_RE}(?:,?\s+(?P<year>20\d\d))?\b", re.I)),
    ("month_day", re.compile(rf"\b{_MONTH_RE}\s+(?:the\s+)?{_DAY_RE}\b(?:,?\s+(?P<year>20\d\d))?", re.I)),
    # "the Friday after next": the weekday a week after the coming one
    ("wd_after_next", re.compile(r"\b(?:the\s+)?(?P<wd3>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+after\s+next\b", re.I)),
    # "the 1st of next month", "the fifteenth of next month": that day of the coming month
    ("day_next_month", re.compile(rf"\b(?:the\s+)?(?:(?P<dn>[0-3]?\d)(?:st|nd|rd|th)?|(?P<ow2>{_ORDINAL_WORDS}))\s+of\s+next\s+month\b", re.I)),
    # "a week from Monday", "two weeks from Friday", "ten days after tomorrow", "Monday week": a span from a day
    ("n_from_day", re.compile(rf"\b{_COUNT}\s+{_UNIT}\s+(?:from|after)\s+(?:next\s+|this\s+(?:coming\s+)?|coming\s+)?"
                              r"(?P<base>monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow)\b"
                              r"|\b(?P<wd2>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+week\b"
                              # "a week Friday", "a week on Tuesday": the same as "Friday week"
                              r"|\ba\s+week\s+(?:on\s+)?(?P<wd5>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)),
    ("weekday", re.compile(r"\b(?P<rel>next|this|coming)?\s*(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)),
    ("month_only", re.compile(rf"\b(?:in|into|by|for|due|early|mid|(?:(?:out|back|over)\s+)?to|until|till)(?:\s+|-)(?:-?\s*)?{_MONTH_RE}\b{_NO_DAY}", re.I)),
    ("ordinal_word", re.compile(rf"\b(?:the\s+)?(?P<ow>{_ORDINAL_WORDS})\s+of\s+{_MONTH_RE}\b", re.I)),
    ("month_ordinal", re.compile(rf"\b{_MONTH_RE}\s+(?:the\s+)?(?P<ow>{_ORDINAL_WORDS})\b", re.I)),
    ("day_only", re.compile(r"\b(?:on|for|by|before|until|to|due|date|make it|is|(?:mon|tues|wednes|thurs|fri|satur|sun)day,?)"
                            r"\s+the\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b(?!\s+of\b)"
                            # "lunch with Theo, 3rd at 12:30", "due 15th", "on 3rd": a day of the month said tersely
                            r"|(?:(?:^|,)\s*(?:the\s+)?|\b(?:on|due|by)\s+)(?P<day2>[0-3]?\d)(?:st|nd|rd|th)\b"
                            r"(?=\s+at\s+\d|\s*[,.;]|\s*$)", re.I)),
    # "check in with her on the third", "due the first": a day of this or next month, said in words
    ("day_word", re.compile(rf"\b(?:on|for|by|before|until|due|to|date(?: is)?|make it|is|(?:mon|tues|wednes|thurs|fri|satur|sun)day,?)"
                            rf"\s+the\s+(?P<ow>{_ORDINAL_WORDS})\b"
                            r"(?!\s+(?:of|time|quarter|week|day|one|half|thing|step|call|meeting|option|round|floor|"
                            r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                            r"page|slide|line|item|deal|person|draft|version|year|month|stage|phase|tier|level)\b)", re.I)),
    # "Book her for a follow-up demo, the third, at one pm": the day said on its own between pauses
    ("day_word", re.compile(rf"(?:^|,)\s*the\s+(?P<ow>{_ORDINAL_WORDS})(?=\s*,?\s+at\s+\w|\s*[,.;]|\s*$)", re.I)),
    # "the thirty-second of December", "the 35th": no month has that day (asked, never guessed)
    ("bad_day", re.compile(r"\bthe\s+(?P<bad>thirty[- ](?:second|third|fourth|fifth|sixth|seventh|eighth|ninth)|fortieth|"
                           r"(?:3[2-9]|[4-9]\d)(?:st|nd|rd|th))\b"
                           # "December 40th" (a misheard "14th"): a month with a day no month has
                           r"|\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
                           r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(?:the\s+)?"
                           r"(?P<bad2>(?:3[2-9]|[4-9]\d)(?:st|nd|rd|th)?|fortieth|forty(?:[- ]\w+)?)\b"
                           r"(?!\s*(?:k\b|grand|thousand|hundred|million|percent|%|dollars|bucks|seats|users|people|licen[cs]es))", re.I)),
    # "the first Monday in December", "the last Friday of the month", "the second Tuesday of next month"
    ("nth_weekday", re.compile(r"\b(?:the\s+)?(?P<nth>first|second|third|fourth|last|1st|2nd|3rd|4th)\s+"
                               r"(?P<wd4>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+(?:in|of)\s+"
                               rf"(?:{_MONTH_RE}|(?P<rel_m>the month|this month|next month))\b", re.I)),
    # "the day after Thanksgiving", "Thanksgiving": the fourth Thursday of November (US)
    # ("the week after Thanksgiving" names a week, not a day: no date)
    ("thanksgiving", re.compile(r"(?<!\bweek after )(?<!\bweek before )\b(?:the\s+(?P<shift>day|" + _WEEKDAY_NAMES + r")\s+"
                                r"(?P<dir>after|before)\s+)?thanksgiving\b", re.I)),
    # "Christmas Eve", "New Year's Eve": the next one (dates of the fixed holidays); "the Thursday before Christmas",
    # "the day before New Year's Eve": the day or weekday next to it ("the week before Christmas" is no day)
    ("holiday", re.compile(r"(?<!\bweek after )(?<!\bweek before )\b(?:the\s+(?P<shift>day|" + _WEEKDAY_NAMES + r")\s+"
                           r"(?P<dir>after|before)\s+)?(?P<hol>christmas eve|christmas day|christmas|boxing day|new year'?s eve|new year'?s day|"
                           r"new year'?s|valentine'?s day|halloween)\b", re.I)),
    ("slash", re.compile(r"\b(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])(?:/(?P<y>20\d\d))?\b")),
]
#: Fixed-date holidays said by name -> (month, day).
_HOLIDAYS = {"christmas eve": (12, 24), "christmas": (12, 25), "boxing day": (12, 26), "new years eve": (12, 31), "new years day": (1, 1),
             "new years": (1, 1), "valentines day": (2, 14), "halloween": (10, 31)}
#: Date kinds that name a day of a month (they win over a weekday said just before them).
_EXPLICIT = frozenset({"day_of_month", "month_day", "ordinal_word", "month_ordinal", "day_only", "day_word", "iso", "slash",
                       "nth_weekday", "thanksgiving", "holiday"})
_NTH = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "last": -1}


def _next_to(day: date, shift: str | None, direction: str | None) -> date:
    """``day`` moved as "the <shift> <direction>" says: "the day before" (-1 day), "the Monday after" (the first
    Monday after ``day``), "the Thursday before" (the last Thursday before it); ``day`` itself without a shift."""
    if not shift or not direction:
        return day
    after = direction.lower() == "after"
    if shift.lower() == "day":
        return day + timedelta(days=1 if after else -1)
    weekday = WEEKDAYS[shift.lower()]
    if after:
        return day + timedelta(days=(weekday - day.weekday()) % 7 or 7)
    return day - timedelta(days=(day.weekday() - weekday) % 7 or 7)


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The ``nth`` (1-4, or -1 for the last) ``weekday`` (Monday = 0) of ``month`` in ``year``."""
    if nth < 0:
        last = _month_end(year, month)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
_DATEPARSER_HINT = re.compile(r"\b(?:fortnight|weekend)\b", re.I)


def add_months(day: date, months: int) -> date:
    """``day`` moved by ``months`` calendar months, clamped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _future_month_year(today: date, month: int) -> int:
    return today.year if month >= today.month else today.year + 1


class ImpossibleDate(ValueError):
    """A day the month does not have ("February thirtieth", "April 31st"): the planner asks."""


def _named_day(month: int, day: int, today: date, year: int | None = None) -> date:
    """``day`` of ``month`` (the next one from ``today``, or in ``year``). Raises
    :class:`ImpossibleDate` when no year's ``month`` has that day."""
    if _safe_date(2024, month, day) is None:  # 2024: a leap year, so only truly impossible days fail
        raise ImpossibleDate(f"{calendar.month_name[month]} has no day {day}")
    if year is not None:
        d = _safe_date(year, month, day)
        if d is None:
            raise ImpossibleDate(f"{calendar.month_name[month]} {year} has no day {day}")
        return d
    for y in (today.year, today.year + 1):
        d = _safe_date(y, month, day)
        if d is not None and d >= today:
            return d
    # the next such month lacks the day ("February 29th" said in a common year): ask, never jump years
    raise ImpossibleDate(f"{calendar.month_name[month]} {today.year + 1} has no day {day}")


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _after(start: date, n: int, unit: str) -> date:
    """``start`` plus ``n`` ``unit``s ("day", "business day" (Monday-Friday), "week", "fortnight",
    "month", "year"; months by :func:`add_months`)."""
    if unit == "business day":
        while n > 0:
            start += timedelta(days=1)
            n -= start.weekday() < 5
        return start
    if unit in ("month", "year"):
        return add_months(start, n * (12 if unit == "year" else 1))
    return start + timedelta(days=n * {"week": 7, "fortnight": 14}.get(unit, 1))


def _resolve(kind: str, m: re.Match[str], today: date) -> date | None:  # a flat dispatch table
    g = m.groupdict()
    if kind == "nth_weekday":
        nth, weekday = _NTH[g["nth"].lower()], WEEKDAYS[g["wd4"].lower()]
        if g.get("rel_m"):
            month0 = add_months(today.replace(day=1), 1) if "next" in g["rel_m"].lower() else today.replace(day=1)
            return _nth_weekday(month0.year, month0.month, weekday, nth)
        month = MONTHS[g["month"].lower()]
        when = _nth_weekday(today.year, month, weekday, nth)
        return when if when >= today else _nth_weekday(today.year + 1, month, weekday, nth)
    if kind == "thanksgiving":
        when = _nth_weekday(today.year, 11, 3, 4)  # the fourth Thursday of November
        if when < today:
            when = _nth_weekday(today.year + 1, 11, 3, 4)
        return _next_to(when, g.get("shift"), g.get("dir"))
    if kind == "iso":
        return _safe_date(int(g["y"]), int(g["m"]), int(g["d"]))
    if kind == "today":
        return today
    if kind == "tomorrow":
        return today + timedelta(days=1)
    if kind == "day_after":
        return today + timedelta(days=2)
    if kind in ("in_n", "n_from_now"):
        return _after(today, small_number(g["n"]) or 1, g["unit"].lower())
    if kind == "end_month_named":
        month = MONTHS[g["month"].lower()]
        return _month_end(_future_month_year(today, month), month)
    if kind == "hours":
        return today
    if kind == "end_next":
        what = g["what"].lower()
        if what == "week":
            return today + timedelta(days=(4 - today.weekday()) % 7 + 7)
        if what == "month":
            nxt = add_months(today.replace(day=1), 1)
            return _month_end(nxt.year, nxt.month)
        if what == "year":
            return date(today.year + 1, 12, 31)
        q_end = _month_end(today.year, ((today.month - 1) // 3 + 1) * 3)
        nxt = add_months(q_end.replace(day=1), 3)
        return _month_end(nxt.year, nxt.month)
    if kind == "end_of":
        what = g["what"].lower()
        if what == "week":
            return today + timedelta(days=(4 - today.weekday()) % 7)
        if what == "month":
            return _month_end(today.year, today.month)
        if what == "year":
            return date(today.year, 12, 31)
        q = (today.month - 1) // 3 + 1 if what == "quarter" else int(what[1])
        year = today.year if what == "quarter" or q >= (today.month - 1) // 3 + 1 else today.year + 1
        return _month_end(year, q * 3)
    if kind == "next_unit":
        what = g["what"].lower()
        if what == "week":
            return today + timedelta(days=7 - today.weekday())  # next Monday
        if what == "month":
            # a bare period as a close or due date is its last day ("push this to next month" -> its last day)
            return add_months(today.replace(day=1), 2) - timedelta(days=1)
        if what == "quarter":
            # a bare period as a close or due date is its last day ("push to next quarter" -> Mar 31)
            q_start = add_months(date(today.year, ((today.month - 1) // 3) * 3 + 1, 1), 3)
            return add_months(q_start, 3) - timedelta(days=1)
        return date(today.year + 1, 1, 1)
    if kind in ("day_of_month", "month_day"):
        month = MONTHS[g["month"].lower()]
        day = int(g["day"])
        if not 1 <= day <= 31:
            raise ValueError(f"day {day} of a month is out of range")  # "the 35th of January": ask
        return _named_day(month, day, today, int(g["year"]) if g.get("year") else None)
    if kind in ("ordinal_word", "month_ordinal"):  # "the first of December", "February thirtieth"
        month = MONTHS[g["month"].lower()]
        day = _ORDINALS[re.sub(r"\s+", " ", g["ow"].lower())]
        return _named_day(month, day, today)
    if kind == "wd_after_next":
        wd = WEEKDAYS[g["wd3"].lower()]
        return today + timedelta(days=((wd - today.weekday()) % 7 or 7) + 7)
    if kind == "day_next_month":
        day = int(g["dn"]) if g["dn"] else _ORDINALS[g["ow2"].lower()]
        first = add_months(today.replace(day=1), 1)
        return _safe_date(first.year, first.month, day)
    if kind == "n_from_day":
        base = (g["base"] or g["wd2"] or g["wd5"]).lower()
        start = today + timedelta(days=1) if base == "tomorrow" else \
            today + timedelta(days=(WEEKDAYS[base] - today.weekday()) % 7 or 7)
        if g["wd2"] or g["wd5"]:
            return start + timedelta(weeks=1)
        return _after(start, small_number(g["n"]) or 1, g["unit"].lower())
    if kind == "weekday":
        wd = WEEKDAYS[g["wd"].lower()]
        ahead = (wd - today.weekday()) % 7 or 7
        return today + timedelta(days=ahead)
    if kind == "month_only":
        # a bare month as a due or close date means by its end ("close in January" -> Jan 31);
        # "early January" its first day, "mid January" the 15th
        month = MONTHS[g["month"].lower()]
        year = _future_month_year(today, month)
        lead = re.split(r"[\s-]+", m.group(0))[0].lower()
        if lead == "early":
            return date(year, month, 1) if (year, month) != (today.year, today.month) else today
        if lead == "mid":
            return date(year, month, 15)
        return _month_end(year, month)
    if kind == "from_month":  # "not before June" -> June 1st
        month = MONTHS[g["month"].lower()]
        year = _future_month_year(today, month)
        return date(year, month, 1) if (year, month) != (today.year, today.month) else today
    if kind == "quarter":  # "in Q1" -> the quarter's last day, the next one that has not ended
        q = int(g["q"] or g["q2"]) if (g.get("q") or g.get("q2")) else {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
                                             "fourth": 4, "4th": 4}[g["qw"].lower()]
        end = _month_end(today.year, 3 * q)
        return end if end >= today else _month_end(today.year + 1, 3 * q)
    if kind in ("day_only", "day_word"):
        day = int(g["day"] or g["day2"]) if kind == "day_only" else _ORDINALS[re.sub(r"\s+", " ", g["ow"].lower())]
        this_month = _safe_date(today.year, today.month, day)
        if this_month is None or this_month < today:
            nxt = add_months(today.replace(day=1), 1)
            return _safe_date(nxt.year, nxt.month, day)
        return this_month
    if kind == "bad_day":
        raise ImpossibleDate(f"No month has a day \"{g['bad'] or g['bad2']}\"")
    if kind == "holiday":
        month, day = _HOLIDAYS[re.sub(r"'", "", g["hol"].lower()).replace("christmas day", "christmas")]
        d = date(today.year, month, day)
        return _next_to(d if d >= today else date(today.year + 1, month, day), g.get("shift"), g.get("dir"))
    if kind == "slash":
        y = int(g["y"]) if g.get("y") else today.year
        said = _safe_date(y, int(g["m"]), int(g["d"]))
        if said is not None and said < today and not g.get("y"):
            return _safe_date(y + 1, int(g["m"]), int(g["d"]))
        return said
    return None


def find_date(text: str, now: datetime | date) -> tuple[date, int, int] | None:
    """The first date expression in ``text`` as ``(date, start, end)``, or ``None``.

    ``now`` is the reference instant ("tomorrow" is ``now``'s date + 1 day). Past-looking bare dates
    ("December 3rd" in late December) roll into the next year (dates are for tasks and closings).
    """
    today = now.date() if isinstance(now, datetime) else now
    best: tuple[date, int, int] | None = None
    found: list[tuple[str, date, int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if kind == "month_only" and re.match(r"\s*(?:may|march)\b", text[m.start("month"):], re.I) \
                    and not re.search(r"\b(?:in|by|early|mid|to|until|till)\s+(?:may|march)\b", m.group(0), re.I):
                continue
            if kind == "month_only" and re.match(r"\s*to\b", m.group(0), re.I) \
                    and re.match(r"\s*(?:may|march)\b", text[m.start("month"):], re.I) \
                    and not re.search(r"\b(?:slip(?:s|ped|ping)?|push(?:es|ed|ing)?|mov(?:e|es|ed|ing)|bump(?:s|ed)?|"
                                      r"shift(?:s|ed)?|delay(?:s|ed)?|out|back|close|closing|date)\s*$", text[:m.start()], re.I):
                continue  # "talk to May", "go to March": a name or a verb, not a date
            if kind == "month_only" and m.group("month").lower() == "may" and m.group(0).lower().startswith("for"):
                continue
            if re.search(r"\b(?:year|quarter|month|week)$", m.group(0), re.I) and re.match(r"['’]s\b", text[m.end():]):
                continue  # "plan next year's campaign", "this quarter's numbers": what the thing is for, not when
            resolved = _resolve(kind, m, today)
            if resolved is None:
                continue
            start = m.start() + len(m.group(0)) - len(m.group(0).lstrip())  # (" Monday": where its word starts)
            found.append((kind, resolved, start, m.end()))
            if best is None or start < best[1] or (start == best[1] and m.end() > best[2]):
                best = (resolved, start, m.end())  # ("Monday week": the longer phrase said from the same word)
            break
    for f in sorted(found, key=lambda f: f[2]):
        if best is not None and f[2] > best[1] and re.search(r"\b(?:say|make it|call it|actually|or rather|i mean)\W*$",
                                                             text[:f[2]], re.I):
            best = (f[1], f[2], f[3])  # "close before Christmas, say December twenty third"
            found = [f]
    if best is not None and found:
        # "Tuesday December first", "Monday the thirtieth": the weekday is said with the date it names;
        # the explicit date wins (they agree when said right; when not, the date is what was meant)
        first = next((f for f in found if f[2] == best[1]), found[0])
        later = [f for f in found if f[0] in _EXPLICIT and best[1] <= f[2] <= first[3] + 2]
        if first[0] == "weekday" and later:
            best = (later[0][1], best[1], max(first[3], later[0][3]))
    if best is not None and (re.search(r"\bfrom\s+(?:the\s+)?$", text[:best[1]], re.I) or re.match(r"from\b", text[best[1]:], re.I)):
        # "push their close from March to the end of April": the date it moves to
        to = next((f for f in sorted(found, key=lambda f: f[2]) if f[2] > best[2]
                   and re.fullmatch(r"\s*(?:to|until|till|into)\s+(?:the\s+)?", text[best[2]:f[2]], re.I)), None)
        if to is None and (to_at := re.match(r"\s*(?:to|until|till|into)\s+", text[best[2]:])):
            moved = find_date(text[best[2] + to_at.end():], today)
            to = ("", moved[0], best[2] + to_at.end() + moved[1], best[2] + to_at.end() + moved[2]) if moved else None
        if to is not None:
            best = (to[1], to[2], to[3])
    if best is not None and best[0].year == today.year + 1 and (this_year := re.match(r"\s*,?\s*(?:of\s+)?this\s+year\b", text[best[2]:], re.I)):
        # "the 17th of October this year" (said in November): this year's, even though it has passed
        try:
            best = (best[0].replace(year=today.year), best[1], best[2] + this_year.end())
        except ValueError:
            pass
    if best is None and _DATEPARSER_HINT.search(text):
        parsed = _dateparser(text, today.isoformat())
        if parsed is not None:
            return parsed, 0, len(text)
    return best


@lru_cache(maxsize=512)
def _dateparser(text: str, today_iso: str) -> date | None:
    """Slow path through ``dateparser`` (lazy import, cached per text and day)."""
    try:
        import dateparser  # noqa: PLC0415 - ~125 ms to import; only dates the fast rules miss need it
    except ImportError:  # pragma: no cover - dependency is pinned
        return None
    base = datetime.fromisoformat(today_iso)
    try:
        result = dateparser.parse(text, languages=["en"],
                                  settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "future"})
    except Exception:  # noqa: BLE001 - dateparser raises assorted errors on odd strings
        return None
    return result.date() if result else None


_TIME_RE = re.compile(
    r"\b(?:at\s+)?(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>a\.?m\.?|p\.?m\.?)(?![a-z])"  # 2.30 pm too
    r"|(?:\bat\s+|(?i:(?<=day\s)|(?<=mon\s)|(?<=tue\s)|(?<=wed\s)|(?<=thu\s)|(?<=fri\s)|(?<=sat\s)|(?<=sun\s)|(?<=tues\s)|"
    r"(?<=thur\s)|(?<=thurs\s)|(?<=tomorrow\s)|(?<=today\s)))"  # "at 10.30"; "thu 12:30" as a typist writes it
    r"(?P<h2>[01]?\d|2[0-3])(?:[:.]|\s(?=[0-5]\d\b(?!\s*(?:%|percent|k\b|thousand|minutes?|mins?|people|seats?|users?|days?|weeks?))))"
    r"(?P<mi2>[0-5]\d)\b(?!\.\d)"  # ("at 10 30": the recogniser's space for the colon)
    r"|(?:\bat|(?<=day),|(?<=tomorrow),)\s+(?P<h3>[1-9]|1[0-2])\b"  # "next Thursday, 10" (a transcript's comma)
    r"(?!\s*(?:%|percent|k\b|thousand|million|days?|weeks?|months?|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))"
    r"|\b(?P<noon>noon|midday|midnight)\b",
    re.I,
)


_SPOKEN_TIME = re.compile(
    r"\b(?P<rel>(?:half|(?:a\s+)?quarter|five|ten|twenty|twenty[- ]five)\s+(?:past|after|to)|(?:(?<=at )|(?<=, )|(?<=for )|^)half)\s+(?P<h>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve)(?:\s+(?:o'?clock))?(?:\s+(?P<part>in the (?:morning|afternoon|evening)|am|pm|a\.m\.|p\.m\.))?"
    r"|\b(?P<h2>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?P<mi>thirty|fifteen|"
    r"forty[- ]five|\d\d)\s*(?P<part2>in the (?:morning|afternoon|evening)|a\.?\s?m\b\.?|p\.?\s?m\b\.?)"
    r"|\b(?P<h3>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    r"(?P<part3>o'?clock|in the (?:morning|afternoon|evening)|a\.?\s?m\b\.?|p\.?\s?m\b\.?)"
    r"|(?<=\bat )(?P<h5>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?P<mi5>thirty|fifteen|"
    r"forty[- ]five|twenty|forty|fifty)\b(?!\s+(?:percent|k\b|thousand|grand|hundred|million|days?|weeks?|months?|people|seats?))"
    r"|(?<=\bat )(?P<h4>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b"
    r"(?!\s+(?:percent|k\b|thousand|grand|hundred|million|days?|weeks?|months?|people|seats?|sixty|seventy|eighty|ninety|"
    r"[a-z]+[- ]?(?:k|grand|thousand)\b))", re.I)
_HOURS = {w: i for i, w in enumerate(["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                                       "ten", "eleven", "twelve"])}


def _spoken_time(text: str) -> tuple[str, int, int] | None:
    """"half past three in the afternoon" -> 15:30, "ten thirty am" -> 10:30, "quarter to nine" -> 08:45,
    "twenty past ten" -> 10:20, "half nine" (British: half past nine) -> 09:30."""
    m = _SPOKEN_TIME.search(text)
    if not m:
        return None
    raw = m.group("h") or m.group("h2") or m.group("h3") or m.group("h4") or m.group("h5")
    h = int(raw) if raw.isdigit() else _HOURS[raw.lower()]
    if m.group("h5"):  # "at ten thirty": no am/pm said
        mi = {"thirty": 30, "fifteen": 15, "forty five": 45, "twenty": 20, "forty": 40, "fifty": 50}[
            m.group("mi5").lower().replace("-", " ")]
    elif m.group("h3") or m.group("h4"):
        mi = 0  # "ten a.m.", "nine in the morning", "four o'clock", "at three"
    elif m.group("rel"):
        rel = re.sub(r"^a\s+|-", lambda x: "" if x.group(0).startswith("a") else " ", m.group("rel").lower()).split()
        mi = {"half": 30, "quarter": 15, "five": 5, "ten": 10, "twenty": 20}[rel[0]] + (5 if rel[:2] == ["twenty", "five"] else 0)
        if rel[-1] == "to":  # "quarter to nine": 8:45; "twenty to four": 3:40 ("at half nine": 9:30)
            h, mi = (h - 1) or 12, 60 - mi
    else:
        word = m.group("mi").lower().replace("-", " ")
        mi = int(word) if word.isdigit() else {"thirty": 30, "fifteen": 15, "forty five": 45}[word]
    part = (m.group("part") or m.group("part2") or m.group("part3") or "").lower()
    pm = "afternoon" in part or "evening" in part or part.startswith("p") or (not part and 1 <= h < 8)
    if h > 12 or mi > 59:
        return None
    # ("half past twelve", "twelve fifteen": just after noon - midnight only when said as "am")
    h = 12 if h == 12 and not part.startswith("a") else (h % 12) + (12 if pm else 0)
    return f"{h:02d}:{mi:02d}", m.start(), m.end()


def find_time(text: str) -> tuple[str, int, int] | None:
    """The first clock time in ``text`` as ``("HH:MM", start, end)``; bare "at 3" means 3 pm and "4:30"
    without am/pm 16:30 (hours 1-6 are read as the afternoon); spoken
    forms too ("half past three in the afternoon", "ten thirty am")."""
    if spoken := _spoken_time(text):
        return spoken
    m = _TIME_RE.search(text)
    if not m:
        return None
    g = m.groupdict()
    if g["noon"]:
        return ("00:00" if g["noon"].lower() == "midnight" else "12:00"), m.start(), m.end()
    if g["h"]:
        h, mi = int(g["h"]), int(g["mi"] or 0)
        pm = g["ap"].lower().startswith("p")
        if h > 12:
            return None
        h = (h % 12) + (12 if pm else 0)
    elif g["h2"]:
        h, mi = int(g["h2"]), int(g["mi2"])
        if 1 <= h < 7:
            h += 12  # "Thursday at 4:30": a meeting in the afternoon (nobody books one at 04:30)
    else:
        h, mi = int(g["h3"]), 0
        if h < 8:
            h += 12
    return f"{h:02d}:{mi:02d}", m.start(), m.end()
