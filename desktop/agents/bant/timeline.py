"""Timeline: when the customer wants to buy, go live or decide, as a date (a period is its last day)."""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta

from desktop.agents.bant.asides import OUR_MEETING_SET
from desktop.agents.bant.dates_not_theirs import dates_put_right, strip_not_theirs
from desktop.agents.bant.text import _clauses, _seller_pronoun
from desktop.planner.parsing.dates import ImpossibleDate, add_months
from desktop.planner.parsing.dates import find_date as _planner_find_date
from desktop.planner.parsing.numbers import small_number, words_to_digits


def find_date(text: str, ref: datetime | date) -> tuple[date, int, int] | None:
    """The planner's :func:`~desktop.planner.parsing.dates.find_date`, except that a day the month does not have
    ("by February thirtieth") is no date (None) rather than an error: an extraction never raises on odd text."""
    try:
        return _planner_find_date(text, ref)
    except ImpossibleDate:
        return None

# -- timeline ------------------------------------------------------------------------------------
_TIME_WORDS = re.compile(r"\b(?:by|before|until|within|over the holidays|during the holidays|in the next|next (?:week|"
                         r"month|quarter|year)|q[1-4]|end of)\b", re.I)
_MON_SHORT = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
_TIME_CUE = re.compile(
    r"\b(by|before|until|no later than|go(?:ing)?[- ]live|live(?! in (?!q[1-4]\b|the (?:first|second|next)|\d|" + _MON_SHORT + r"))|launch\w*|roll(?:ing)?[- ]?out|deploy\w*|implement\w*|"
    r"in place|up and running|decid\w+|decision|sign\w*|contract|purchas\w+|buy\w*|start\w*|kick[- ]?off|switch\w*|"
    r"move|migrat\w+|timeline|timeframe|deadline|target\w*|aim\w*|plan\w*|want\w*|need\w*|hoping|expect\w*|"
    r"renew\w*|budget (?:cycle|year)|fiscal|q[1-4]|end of|next (?:week|month|quarter|year)|this (?:month|quarter|year)|"
    r"ready|done|wrap\w*|close|closing|within|pick\w*|choos\w*|select\w*|approv\w*|vot(?:e|es|ing)|at the latest|"
    # "January fifteenth is still the date"
    r"(?:still|is) the (?:date|target date|deadline))\b", re.I)
_NEXT_STEP_CLAUSE = re.compile(
    r"\b(?:kick[- ]?off (?:call|meeting)|(?:is|was) (?:scheduled|booked|set)|visit|workshops?|on[- ]?site)\b|"
    r"\b(?:i'll|i will|i'm going to|i need to|i have to|i've got to|i should|i'm gonna|we'll|we will|we're going to|"
    r"we need to|let's|follow[- ]?up|plan is to|asked (?:me )?for|requested|proposals?|quotes?|pricing|deck|references?|"
    r"trial|pilot|i owe|i promised|promised to|call (?:them|him|her) back|circle back|next step|demo|meeting|call on|"
    r"deep[- ]?dive|walk-?through|"
    r"call next|(?:call|meeting|chat|session|sync|workshop) with|call (?:them|him|her|me)\b|"
    r"send|sending|get back to|reach out|ping|check in|touch base)\b", re.I)
_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS.pop("may", None)
_MONTHS["may"] = 5
_MON = r"(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)"

def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _quarter_end(year: int, q: int) -> date:
    return _last_day(year, q * 3)


def period_end(text: str, today: date) -> date | None:
    """The last day of a period said in ``text`` ("Q1", "end of next month", "next quarter",
    "first week of January", "by March", "early next year"), or None. Later than ``today``."""
    t = words_to_digits(text).lower()
    t = re.sub(r"\beo(y|q|m)\b", lambda m: "end of the " + {"y": "year", "q": "quarter", "m": "month"}[m.group(1)], t)
    t = re.sub(r"\b(?:within|during|in) (?:the|this) (quarter|month|year)\b", r"end of the \1", t)  # "done within the quarter"
    t = re.sub(r"\bq\s*([1-4])\b", r"q\1", t)
    m = re.search(r"\b(?:in|within|over) (?:the next |the coming |about |around )?(\d+|an?|one|two|three|four|five|six|"
                  r"seven|"
                  r"eight|nine|ten|eleven|twelve|a couple of|a few) (day|week|month)s?\b", t)
    if m:
        n, unit = small_number(m.group(1)) or 1, m.group(2)
        return add_months(today, n) if unit == "month" else today + timedelta(days=n * (7 if unit == "week" else 1))
    t = re.sub(r"\b(first|second|third|fourth) quarter\b", lambda m: "q" + str(["first", "second", "third", "fourth"]
                                                                              .index(m.group(1)) + 1), t)
    cur_q = (today.month - 1) // 3 + 1
    m = re.search(r"\bq([1-4])(?:\s+(?:of\s+)?(?:'|20)?(\d{2}))?\b", t)
    if m:
        q = int(m.group(1))
        if m.group(2):
            return _quarter_end(2000 + int(m.group(2)), q)
        nxt = re.search(r"\bnext year\b", t)
        year = today.year + 1 if (q < cur_q or nxt) else today.year
        return _quarter_end(year, q)
    m = re.search(r"\b(?:h|half\s*)([12])\b|\b(first|second) half\b", t)
    if m:
        h = int(m.group(1)) if m.group(1) else (1 if m.group(2) == "first" else 2)
        year = today.year + 1 if (h == 1 and today.month > 6) or "next year" in t else today.year
        return _last_day(year, 6 if h == 1 else 12)
    m = re.search(r"\b" + _MON + r" (?:of )?next year\b", t)  # "in November next year"
    if m:
        return _last_day(today.year + 1, _MONTHS[m.group(1)[:3] if m.group(1)[:3] in _MONTHS else m.group(1)])
    m = re.search(r"\b(?:in|at|during|after) (?:the|their) " + _MON + r" (?:meeting|board meeting|review|offsite|retreat)\b", t)
    if m:  # "partners decide in the January meeting"
        mo = _MONTHS[m.group(1)[:3] if m.group(1)[:3] in _MONTHS else m.group(1)]
        return _last_day(today.year + (1 if mo < today.month else 0), mo)
    unit = r"(week|month|quarter|year)"
    m = re.search(r"\b(?:end of |by the end of |before the end of |close of )?(?:the )?(this|next|the next|following) " + unit + r"\b", t)
    if m and m.group(1) in ("this", "next", "the next", "following"):
        which, u = m.group(1), m.group(2)
        shift = 0 if which == "this" else 1
        if u == "week":
            start = today - timedelta(days=today.weekday()) + timedelta(weeks=shift)
            return start + timedelta(days=4)  # Friday: the working week's last day
        if u == "month":
            y, mo = today.year + (today.month + shift - 1) // 12, (today.month + shift - 1) % 12 + 1
            return _last_day(y, mo)
        if u == "quarter":
            q = cur_q + shift
            return _quarter_end(today.year + (q - 1) // 4, (q - 1) % 4 + 1)
        if u == "year":
            if re.search(r"\b(early|beginning of|start of)\s+(?:next|the next) year", t):
                return _quarter_end(today.year + shift, 1)
            return date(today.year + shift, 12, 31)
    m = re.search(r"\b(?:end of |by )(?:the )?(month|quarter|year)\b", t)
    if m:
        return {"month": _last_day(today.year, today.month), "quarter": _quarter_end(today.year, cur_q),
                "year": date(today.year, 12, 31)}[m.group(1)]
    m = re.search(r"\b(?:the )?(first|1st|second|2nd|last) week of " + _MON + r"\b", t)
    if m:
        mo = _MONTHS[m.group(2)[:3] if m.group(2)[:3] in _MONTHS else m.group(2)]
        year = today.year + (1 if mo < today.month else 0)
        if m.group(1) in ("first", "1st"):
            return date(year, mo, 7)
        if m.group(1) in ("second", "2nd"):
            return date(year, mo, 14)
        return _last_day(year, mo)
    m = re.search(r"\b(early|mid|late|end of|beginning of|start of)[- ](?:in\s+)?" + _MON + r"\b", t)
    if m:
        mo = _MONTHS[m.group(2)[:3] if m.group(2)[:3] in _MONTHS else m.group(2)]
        year = today.year + (1 if mo < today.month else 0)
        if m.group(1) == "mid":
            return date(year, mo, 15)
        if m.group(1) in ("early", "beginning of", "start of"):
            return date(year, mo, 10)
        return _last_day(year, mo)
    day_of = re.search(r"\b(?:\d{1,2}(?:st|nd|rd|th)?|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                       r"\w+teenth|twentieth|\w+tieth|twenty[- ]\w+|thirty[- ]first) of " + _MON, t)
    m = None if day_of else re.search(r"\b(?:by|in|is|for|around|before|until|of|targeting|target|aiming for|"
                                      r"sometime in)\s+(?:early\s+|late\s+)?" + _MON
                  + r"\b(?!\s*\d)(?!\s+(?:first|second|third|\w+teenth|\w+tieth|\w+th)\b)", t)
    if m:
        key = m.group(1)
        mo = _MONTHS[key[:3] if key[:3] in _MONTHS else key]
        return _last_day(today.year + (1 if mo < today.month else 0), mo)
    if re.search(r"\b(?:by|before|for|until) thanksgiving\b", t):  # the fourth Thursday of November
        first = date(today.year, 11, 1)
        day = first + timedelta(days=(3 - first.weekday()) % 7 + 21)
        return day if day >= today else None
    m = re.search(r"\b" + _MON + r",?\s+(20\d\d)\b", t)  # "February 2027": that month's last day
    if m:
        return _last_day(int(m.group(2)), _MONTHS[m.group(1)[:3] if m.group(1)[:3] in _MONTHS else m.group(1)])
    if re.search(r"\b(?:over|during) the holidays\b", t):
        return date(today.year, 12, 31)
    m = re.search(r"\b(?:by|before) (?:christmas|the holidays)\b", t)
    if m:
        return date(today.year if today <= date(today.year, 12, 24) else today.year + 1, 12, 24)
    # ("start after New Year", "from the new year on": open-ended, no date either)
    if re.search(r"\b(?:in|after|from|past) (?:the )?new year(?:'s)?\b", t) and not re.search(r"\b(?:by|before) (?:the )?new year\b|\byear[- ]end|end of (?:the )?year\b", t):
        return None  # "start in the new year": some time next year, no date (by the new year is December 31st)
    if re.search(r"\b(?:by |before )?(?:new year|the new year|year[- ]end|end of (?:the )?year)\b", t):
        return date(today.year, 12, 31)
    return None


_RECURRING = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day (?:mornings|afternoons|evenings|nights)\b|"
                        r"\b(?:every|each|on)\s+(?:single\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:s)?|"
                        r"week|month|quarter)(?:\s+(?:morning|afternoon|evening|night))?\b|\b(?:mon|tues|wednes|thurs|fri|satur|"
                        r"sun)days\b", re.I)


_CHANGED = re.compile(r"(?:\b(?:ideally|preferably|probably|more precisely|specifically|no wait|wait no|scratch that|"
                      r"corrected (?:himself|herself|themselves|that|it)|i mean|actually,? no|no,? sorry|(?<=, )no(?=,)|"
                      r"(?:she|he|they) (?:moved|changed|pushed|bumped|shifted) (?:that|it)(?: (?:to|back|out))?)|,\s*like|\b" + _MON + r"(?=,?\s+" + _MON + r"\s+(?:\d|first|second|third|\w+th|\w+st)\b)|,\s*so(?:\s+(?:they're|they are|she's|he's|"
                      r"they'll|she'll|he'll|it's)\s+(?:targeting|aiming for|planning|looking at))?(?:\s+(?:go[- ]live|launch|"
                      r"start|rollout|roll-out|kickoff|kick-off))?(?:\s+let's say)?),?\s+"
                      # ("the fifteenth of January, no sorry, she said the fifth, January fifth": the day said again with its month)
                      r"(?:(?:she|he|they) said,?\s+)?(?:the [\w-]+,\s+)?(?=(?:by |in |before |for |an? )?"
                      r"(?:the [\w-]+ of )?(?:"
                      + _MON + r"|q[1-4]|the end of|end of)\b)|\b(?:now (?:they're|they are|she's|he's) (?:saying|"
                               r"talking about|targeting|aiming for)|now it's|now (?:they'll|they will|she'll|he'll|it'll) (?:decide|sign|"
                               r"go live|launch|start|close|be)|"
                      r"(?:pushed|slipped|moved|shifted) (?:it |back |out )?to|revised to|"
                      # "they moved the award from January twenty-ninth to February twelfth"
                      r"(?:pushed|slipped|moved|shifted) (?:the |their )?[\w-]+ from (?:the )?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|"
                      r"oct|nov|dec)[a-z]*\b|\d|q[1-4]\b|(?:mon|tues|wednes|thurs|fri)day\b|end of\b)[^,.;]{0,25}? to)\s+", re.I)


#: A date they had said, then replaced in the same sentence: "She'd said signature by December 31st, but the real cut-off is
#: procurement's, December 18th", "they'd said end of January, but Zoe said she'd rather have it signed before the 18th".
_SAID_BEFORE = re.compile(r"\b(?:(?:they|she|he|(?-i:[A-Z][a-z]+))'d|(?:they|she|he|(?-i:[A-Z][a-z]+)) had|(?:they|she|he|(?-i:[A-Z][a-z]+)) first) "
                          r"(?:said|wanted|planned|targeted|talked about|mentioned|pencilled|penciled)\b[^.;]*?,\s*but\s+"
                          r"(?=(?:the (?:real|actual|hard|true) |(?-i:[A-Z][a-z]+) (?:said|says|now)|(?:she|he|they) (?:said|says|now)|now))", re.I)


#: A deadline said as one: "live by March 27th", "the renewal signed by the end of February", "has to launch by ...".
_DEADLINE = re.compile(r"\b(?:live|in place|ready|done|up and running|(?<=\bbe )up|sign(?:ed)?|running|launch(?:ed)?|executed|finished|completed|closed)\s+"
                       r"(?:by|before|no later than)\b", re.I)


def _timeline(sentences: list[str], now: datetime | date) -> tuple[str | None, str | None]:
    """The buying date (``YYYY-MM-DD``) and its sentence. A date said as an event ("their plan renews in March", "sales
    launch April 10th") gives way to a deadline said as one in the note ("... live by March 27th", "wants it signed by
    the end of February")."""
    sentences = dates_put_right(sentences)  # "Jan 15th - sorry, she corrected herself, Jan 12th"
    d, s = _timeline_first(sentences, now)
    if d is None or s is None or _DEADLINE.search(s) or re.search(r"(?:by|before|until|no later than|deadline)", s, re.I):
        return d, s
    for k in range(sentences.index(s) + 1 if s in sentences else len(sentences), len(sentences)):
        if _DEADLINE.search(sentences[k]):
            d2, s2 = _timeline_first(sentences[k:k + 1], now)
            if d2 is not None:
                return d2, s2
    return d, s


def _timeline_first(sentences: list[str], now: datetime | date) -> tuple[str | None, str | None]:
    today = now.date() if isinstance(now, datetime) else now
    for k, s in enumerate(sentences):
        s = strip_not_theirs(s)  # our meeting moved, our quarter end, the month their budget is set
        # "If the pilot works he wants the contract signed by end of February": their pilot is the agreed path, so the date
        # said on its success is their target (as "they'd sign in Q1 if the pilot hits its numbers" is)
        s = re.sub(r"^if (?:the|their|our) (?:[\w-]+ )?(?:pilot|trial|poc|proof of concept)\s+(?:works|goes well|succeeds|is a success|"
                   r"pans out|hits (?:its|the|their) \w+)\s*,?\s*(?=(?:then )?(?:they|she|he|(?-i:[A-Z][a-z]+))\b)", "", s, flags=re.I)
        # "If approved they'd sign in January", "if the budget gets signed off, she'd go live in March": their own approval is the
        # path to the purchase, so the date said on it is their target
        s = re.sub(r"^if (?:(?:it|this|that)(?:'s| is| gets)? |(?:the|their) (?:deal|budget|business case|purchase|spend|project|request|"
                   r"proposal|contract)(?:'s| is| gets) )?(?:approved|signed off|green-?lit|okayed|ok'd|blessed)\s*,?\s*"
                   r"(?=(?:then )?(?:they|she|he|(?-i:[A-Z][a-z]+))\b)", "", s, flags=re.I)
        # "by December 15th, that's their spending freeze": the freeze said after its date is why, the date stays
        s = re.sub(r",\s*(?:that's|that is|which is|as that's|because that's) (?:when )?(?:their|the) (?:[\w-]+ ){0,2}(?:freeze|shutdown|"
                   r"blackout|cut-?off)(?: (?:starts|begins|kicks in|hits))?\b", "", s, flags=re.I)
        # "live by January 11, that's the first day of the January hiring class": what the date is, said after it
        s = re.sub(r"(?<=\d)((?:st|nd|rd|th)?),\s*(?:that's|that is|which is|as that's|because that's) (?:the |their )?(?:first|last|opening|"
                   r"final|start(?:ing)?) (?:day|date|week|monday) of\b[^.;]*", r"\1", s, flags=re.I)
        # "their fiscal year budget, which runs to June 30th": the money's year, not when they buy
        s = re.sub(r",?\s*(?:which|that) (?:runs|goes|lasts|ends) (?:to|until|till|through|thru|on|in) (?:the end of )?(?:" + _MON
                   + r"\.?(?: \d{1,2}(?:st|nd|rd|th)?| [a-z]+(?:st|nd|rd|th))?|the \d{1,2}(?:st|nd|rd|th)?)\b", "", s, flags=re.I)
        # "New hires start January 11th and she wants the seats by then": "then" is the date said before it
        s = re.sub(r"^(.*?\b(?:start|starts|begin|begins|kick off|kicks off|open|opens|arrive|arrive|join|joins|land|lands)\s+(?:on\s+)?"
                   r"(" + _MON + r"\.? \d{1,2}(?:st|nd|rd|th)?|\d{1,2}/\d{1,2})\b.*?\b(?:by|before)) (?:then|that date|that day)\b",
                   r"\1 \2", s, flags=re.I)
        # typed "EOM Jan", "EOQ March": the end of the month named, not of this month
        s = re.sub(r"\beo[mq]\s+(?=" + _MON + r"\b)", "end of ", s, flags=re.I)
        s = re.sub(r"\beo(?=" + _MON + r"\b)", "by end of ", s, flags=re.I)  # typed "card launch still EOFeb"
        # "the plan they passed on in October", "a tool they churned from in March": a past month, no buying date
        s = re.sub(r"\b(?:passed on|turned (?:\w+ )?down|declined|said no(?: to)?|walked away(?: from)?|churned(?: from)?|lost|"
                   r"cancell?ed|dropped)\b(?:(?!\b(?:and|but|so|then|now|want\w*|need\w*|plan(?:s|ned|ning)? to|hop\w*|aim\w*|live|sign\w*|go|decid\w*)\b)[^,.;]){0,40}?"
                   r"\bin (?:early |late |mid-?)?" + _MON + r"\b", " ", s, flags=re.I)
        # "they had 36k in Q3 but it got cut", "spent twenty grand on it in Q2": money had or spent in a quarter is past
        s = re.sub(r"\b(?:had|spent|paid|got|was|were)\s+(?:about |around |roughly |only |just |like )?(?:\$\s?)?(?:\d[\d,.]*\s*(?:k|grand|"
                   r"thousand)?|[a-z-]+ (?:k|grand|thousand))\b(?:\s+(?!(?:and|but|so|now|to|by|before)\b)[\w-]+){0,4}?\s+in (?:q[1-4]|"
                   r"the (?:first|second|third|fourth|last) quarter)\b", " ", s, flags=re.I)
        # "live by, I think he said December eighteenth": the seller's hedge about what was said, not a step of ours
        s = re.sub(r",\s*(?:(?:i think|i believe|i'm pretty sure)\s*,?\s*(?:(?:he|she|they)\s+said|it was)|if i (?:remember|heard) "
                   r"(?:right|correctly)(?:\s*,?\s*(?:(?:he|she|they)\s+said|it was))?)\s*,?\s*", " ", s, flags=re.I)
        # "their January board meeting, which is the twelfth": the month's day said after the event
        s = re.sub(r"\b" + _MON + r"((?: [\w-]+){1,3}),?\s+(?:which is|that's|that is|on) the (\d{1,2}(?:st|nd|rd|th)?|[a-z]+(?:st|nd|rd|th))\b",
                   r"\1 \3\2", s, flags=re.I)
        s = re.sub(r"\b(?:in|at|for) " + _MON + r",?\s+(?:which is|that's|that is) the (\d{1,2}(?:st|nd|rd|th)?|[a-z]+(?:st|nd|rd|th))\b",
                   r"on \1 \2", s, flags=re.I)  # "their partners' meeting in January, which is the fourteenth"
        # "for the February cohort, that starts on the 8th": the day said after the month's event is in that month
        s = re.sub(r"\b" + _MON + r"((?:\s+[\w-]+){1,3}?),?\s+(?:which|that|it)\s+(?:starts|begins|opens|kicks off|launches|is|runs)\s+(?:on\s+)?"
                   r"the (\d{1,2}(?:st|nd|rd|th)?|[a-z]+(?:st|nd|rd|th))\b", r"\1\2, by \1 \3", s, flags=re.I)
        # "mid-December and then let's say the thirteenth": a day said after its month narrows it
        s = re.sub(r"\b(?:mid-?|early |late |the middle of )?" + _MON + r"\b[^.;]{0,30}?\b(?:let's say|say|call it|make it|specifically|"
                   r"more precisely|exactly),?\s+the (\d{1,2}(?:st|nd|rd|th)?|[a-z]+(?:st|nd|rd|th))\b", r"by \1 \2", s, flags=re.I)
        # "by the fifteenth of December, sorry, the eighteenth": the day corrected within the month said
        s = re.sub(r"\b(?:the )?([\w-]+) of " + _MON + r",?\s+(?:no,?\s+)?(?:sorry|i mean|no),?\s+(?:(?:make it|it's|it was)\s+)?the "
                   r"(\d{1,2}(?:st|nd|rd|th)|[a-z]+(?:st|nd|rd|th))\b", r"the \3 of \2", s, flags=re.I)
        s = re.sub(r"\b" + _MON + r" (\d{1,2}(?:st|nd|rd|th)?|[a-z]+(?:st|nd|rd|th)),?\s+(?:no,?\s+)?(?:sorry|i mean|no),?\s+"
                   r"(?:(?:make it|it's|it was)\s+)?the (\d{1,2}(?:st|nd|rd|th)|[a-z]+(?:st|nd|rd|th))\b", r"\1 \3", s, flags=re.I)
        # "by the twelfth, no, he corrected himself, the eleventh": a bare day said again
        s = re.sub(r"\bthe (\d{1,2}(?:st|nd|rd|th)|[a-z]+(?:st|nd|rd|th))(?: of " + _MON + r")?,?\s+(?:(?:no|sorry|i mean|wait|hmm)\b,?\s*)+"
                   r"(?:(?:he|she|they) corrected (?:himself|herself|themselves),?\s+|(?:make it|it's|it was|actually)\s+)?"
                   r"the (\d{1,2}(?:st|nd|rd|th)|[a-z]+(?:st|nd|rd|th))\b(?!\s+(?:is|was|would|will)\b)",
                   lambda m: "the " + m.group(3) + (" of " + m.group(2) if m.group(2) else ""), s, flags=re.I)
        # "Go-live by December 2nd, no, ... they agreed on the 16th": the day they settled on
        s = re.sub(r"\b(?P<cue>by|before|for|on) (?:" + _MON + r" (?:\d{1,2}(?:st|nd|rd|th)?|[a-z]+(?:st|nd|rd|th))|the (?:\d{1,2}(?:st|nd|rd|th)|"
                   r"[a-z]+(?:st|nd|rd|th)))\b(?P<mid>[^.;]*?\b(?:no|sorry|too soon|too early|too tight)\b[^.;]*?\b(?:agreed|settled|landed)"
                   r" on) (?P<day>the (?:\d{1,2}(?:st|nd|rd|th)|[a-z]+(?:st|nd|rd|th))|" + _MON + r" (?:\d{1,2}(?:st|nd|rd|th)?|[a-z]+(?:st|nd|rd|th)))\b",
                   lambda m: m.group("cue") + " " + m.group("day") + " " + m.group("mid") + " it", s, flags=re.I)
        # "before their December 17 release freeze", "by December 18th, when their change freeze starts": the freeze's date
        s = re.sub(r"\b(before|by) (?:the |their )?(" + _MON + r" (?:\d{1,2}(?:st|nd|rd|th)?|[a-z]+(?:st|nd|rd|th)))\s+(?:[\w-]+ )?"
                   r"(?:freeze|shutdown|blackout|cut-?off)\b", r"\1 \2", s, flags=re.I)
        s = re.sub(r",\s*when (?:the |their )?(?:[\w-]+ )?(?:freeze|shutdown|blackout)\s+(?:starts|begins|kicks in|hits)\b", "", s,
                   flags=re.I)
        # "live since 10/30", "on the plan since March": a date since which something holds is past
        # ("since go-live in October", "since their launch in March": the event is past too)
        s = re.sub(r"\bsince (?:the |their |our )?(?:go[- ]?live|launch|roll-?out|kick-?off|onboarding|cut-?over|switch(?:-?over)?|"
                   r"migration|pilot|start)\s+(?:back\s+)?(?:in|on)\s+(?=" + _MON + r"\b|\d)", "since ", s, flags=re.I)
        s = re.sub(r"\bsince (?:the )?(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?|" + _MON + r"\.?(?: \d{1,2}(?:st|nd|rd|th)?| [a-z]+(?:st|nd|rd|th))?|"
                   r"\d{1,2}(?:st|nd|rd|th)?(?: of " + _MON + r")?)\b", " ", s, flags=re.I)
        # "wants to push the two new sites to next year": moved to a vague year, no date
        s = re.sub(r"\b(?:push\w*|mov(?:e|ed|es|ing)|slip\w*|defer\w*|shift\w*|punt\w*|postpon\w*)\b([^.;,]{0,50}?)"
                   r"\s+(?:to|into|until|till) (?:next year|the new year|the following year|20\d\d)\b", r"\1", s, flags=re.I)
        # "nothing goes live before that", "they won't start before the upgrade is done": the earliest date, a floor, not a target;
        # an out-of-office or auto-reply: when someone is back, not when they buy
        if re.search(r"\b(?:nothing|no(?:thing)? (?:[\w-]+ ){0,2}(?:can|will|could)|(?:won't|can't|cannot|will not|couldn't)(?: \w+)?)"
                     r" (?:goes?|go|going|start\w*|launch\w*|happen\w*|move\w*|be) (?:live )?(?:before|until|till|ahead of) (?:that|then|it)\b|"
                     r"\b(?:auto-?repl(?:y|ies)|autoreply|out[- ]of[- ]office|bounced)\b", s, re.I):
            continue
        # "40k set aside in FY27, which for them starts Jan 1": the money's year and when it starts, not when they buy
        s = re.sub(r"\b(?:in|for|from|out of) (?:their |the |next year's |the new )?(?:fy\s?'?\d{2,4}|fiscal (?:year|'?\d{2,4})|financial year|budget year|"
                   r"new (?:fiscal|financial|budget) year)(?: (?:budget|plan))?,?\s*(?:which|that) (?:for (?:them|her|him) )?(?:starts|begins|opens|"
                   r"kicks off|runs from)\b[^,.;]*", " ", s, flags=re.I)
        if re.search(r"\b(?:don't|doesn't|do not|does not|didn't) know\b|\bnot sure\b|\bundecided\b", s, re.I):
            continue  # "maybe Q2, maybe Q3, they really don't know yet"
        fixed = list(_CHANGED.finditer(s)) or list(_SAID_BEFORE.finditer(s))  # "wanted it by September ..., now they're saying end of next month"
        later = [re.sub(r"^(?:in |an? |for |by )?((?:the [\w-]+ of )?" + _MON + r")\b", r"by \1", s[fixed[-1].end():],
                        flags=re.I)] if fixed else []
        if later and not _TIME_CUE.search(later[0]) and _SAID_BEFORE.search(s):
            later = ["target " + later[0]]  # "she had wanted it by February, but now she says March 10th"
        target = re.search(r",\s*(?:so|which means)\s+(?:they|she|he)\s+(?:\w+\s+)?(?:want|need|would like|'d like|plan|hope|aim|has to|have to|must)\w*\b.*$|"
                           # "spend is frozen until the new fiscal year, so realistically they sign in April": what follows from it
                           r",\s*(?:so|which means)\s+(?:realistically|probably|likely|in practice|effectively|at best|most likely),?\s+"
                           r"(?:they|she|he)(?:'ll|'d| will| would| can| could)?\s+(?:sign|buy|decide|close|go live|start|commit)\b.*$|"
                           r"(?<=\bhiring\b)[^.;]*?\bso\s+((?:they|she|he|it)\s+(?:\w+\s+)?(?:want|need|would like|'d like|plan|hope|"
                           r"aim|has|have|must)\w*\b.*$)", s, re.I)
        if target and not fixed:  # "their season starts January first, so they want it in place by December 31st"
            later = [(target.group(1) or target.group(0)).lstrip(", ")]
        # "Timing, they want it running before the spring season, he said February 1st": under a timing label, the sentence
        # is one answer (its date may sit in a clause of its own)
        if not later and re.match(r"^(?:timing|timeline|time ?frame)\s*[,:-]\s*", s, re.I):
            later = [re.sub(r"^(?:timing|timeline|time ?frame)\s*[,:-]\s*", "", s, flags=re.I)]
        # "end of February, because their audit is in January": the reason's date is not the target
        later = [re.sub(r",?\s*\bbecause\b.*$", "", x, flags=re.I) for x in later]
        # ("sales launch April 10th, and they need the funnel live by March 27th": the deadline said as one first)
        for c in later + sorted(_clauses(s) or [s], key=lambda x: not _DEADLINE.search(x)):
            # "done before their budget freeze on December 15th": the freeze's date is the deadline
            # ("the paperwork done by their budget freeze on December 11th": by the freeze, the same deadline)
            c = re.sub(r"\b(before|by) (?:the |their |a )?(?:[\w-]+ )?(?:freeze|shutdown|blackout)(?: (?:on|starts|starting|begins|kicks in))?\b",
                       r"\1", c, flags=re.I)
            # "for next year Raj has budgeted 9,600": the year the money is for, not when they buy
            if re.search(r"\bbudget\w*|\bset aside\b|\bearmarked\b", c, re.I) and not re.search(
                    r"\b(?:live|launch|decid\w*|decision|sign\w*|contract|rollout|roll out|deadline|in place|renew\w*)\b", c, re.I):
                c = re.sub(r"\b(?:for|in|from) (?:next|this|the coming) (?:year|fiscal year|fy|quarter)\b|\bfor (?:fy)?20\d\d\b|"
                           r"\b(?:for|in) (?:the )?q[1-4]\b|\bfor (?:the )?(?:first|second|third|fourth|last) quarter\b", " ", c,
                           flags=re.I)
            # "Eva got her Q1 number, 12k for ...": the quarter the money is for, not when they buy
            c = re.sub(r"\b(?:her|his|their|the) q[1-4] (?:number|budget|money|allocation|figure)\b", " ", c, flags=re.I)
            # "thirty-six K in next year's plan": where the money sits, not when they buy
            c = re.sub(r"\b(?:in|into|from|out of|for) (?:next|this) year's (?:capital |operating |it |annual )?(?:plan|budget|capex|opex|"
                       r"allocation|spend)\b", " ", c,
                       flags=re.I)
            # "The board meets December 10th to review it, and Hugo wants it signed by ...": their meeting, not the date they buy by
            c = re.sub(r"\b(?:the |their )?(?:[\w-]+ )?(?:board|committee|partners|council|team) meets? (?:on )?(?:[\w,]+ ){1,3}?to (?:review|discuss|"
                       r"look at|go over|consider)\b[^,;]*", " ", c, flags=re.I)
            why = re.search(r",?\s*\bbecause\b.*$", c, re.I)  # "by the 18th because of their year-end freeze": the reason
            if re.search(r"\b(?:are|is|'re|'s) hiring\b|\bnew hires?\b", re.sub(r",\s*when\b.*$", "", c, flags=re.I), re.I) and not re.search(
                    r"\b(?:live|launch|decid\w*|decision|sign\w*|contract|rollout|roll out|deadline|in place)\b|"
                    # ("new hires start January 11th and she wants the seats by then": what they want in place by the start)
                    r"\bwants? (?:it|them|the (?:[\w-]+ ){0,2}?(?:seats|licen[cs]es|accounts|logins|tool|product|platform)) (?:by|before)\b", c, re.I):
                continue  # "they're hiring four reps in January": their hiring, not when they buy
            if re.search(r"\b(?:timing is (?:wrong|bad|off)|bad timing|not the right time|(?:leaving|left|quitting|retiring|"
                         r"on (?:vacation|holiday|leave)|out of (?:the |her |his |their )?office|ooo|away from (?:the |her |his )?(?:office|desk)|(?:out|away|off|traveling|travelling|on the road) (?:until|till|through|thru)|(?:be|is|'s|gets?) back (?:in|on|from|at|after)|"
                         r"(?:is|'s|are|be) (?:out|away|off) (?:on|until|till|through|for)|"
                         r"(?:parental|maternity|paternity|sick|medical) leave|locked in(?:to)?|"
                         r"(?:not|\w+n't|no) (?:buy|buying|purchase|purchasing|spend|spending|sign|signing|looking at) (?:anything|any\w*)|"
                         r"on leave|covers? (?:for|until)|"
                         r"hold off|revisit after|reorg\w*|restructur\w*|in the middle of|slammed|swamped|buried|heads[- ]down|flat out|busy until|"
                         r"check back|no rush|"
                         # "she didn't want to talk about next year yet": a talk refused, no date said
                         r"(?:\w+n't|not)\s+(?:(?:want|ready|willing|prepared|able|going) to\s+)?(?:talk|discuss|think|get into|go into)\b|"
                         # "their budget is spoken for until January": money committed until then, not when they buy
                         r"(?:spoken for|tied up|committed|allocated|used up|maxed out|tapped out|locked up)\s+(?:\w+\s+)?(?:until|till|through|thru)\b|"

                         # "nobody answers until Monday": when their problem lasts, not when they buy
                         r"(?:nobody|no one|no-one)\b[^,;]*?\buntil|no hurry|not in a hurry|no (?:real |hard |firm |set |fixed |specific )?(?:timeline|"
                         r"deadline|date)s?\b|whenever|circle back|wait until|waiting until|not until|"
                         r"talk again|speak again|reconnect|catch up|(?:wants?|asked) (?:us|me|our \w+) to|earliest|"
                         r"no earlier than|not before|if (?:we|i|you|our)\b|think about it|sleep on it|mull it over|"
                         r"not (?:\w+ ){1,4}until|"
                         r"undecided|freeze|froze|frozen|on hold|paused|"
                         # "Priya is traveling until mid-December": her absence, no buying date
                         r"travel(?:l)?ing (?:until|till|through|for|to|in)|"
                         # "closed for Thanksgiving through the 30th", "at a trade show in Lisbon until Nov 27": when they are
                         # away, no buying date
                         r"(?:closed|shut(?: down)?)(?: (?:for|over) (?:the )?[\w' -]{2,30}?)? (?:until|till|through|thru)\b|"
                         r"\b(?:at|attending) (?:a |an |the |their |our )?(?:[\w-]+ ){0,2}(?:conference|trade ?show|summit|expo|offsite|"
                         r"off-site|retreat|convention)\b[^,;]*?\b(?:until|till|through|thru)\b|"
                         # "the review we had for Tuesday is off", "the December 18th go-live is off": called off
                         r"(?:demo|call|meeting|walk-?through|workshop|session|review|presentation|kick-?off|visit|check-?in|"
                         r"go-?live|launch|rollout|roll-?out|deadline|date|timeline|target)s?\b[^,;]*?\b(?:is|was|got|has been|are|were) "
                         r"(?:now )?(?:off|cancell?ed|called off|scrapped|shelved|dropped|dead)|"
                         r"(?:push|move|reschedul|shift|bump|postpon|rebook|bring forward)\w* (?:the |our |their |this |that )?(?:[\w-]+ ){0,2}(?:demo|call|meeting|walk-?through|workshop|session|review|presentation|kick-?off|visit|check-?in)s?|"
                         r"cut (?:all )?(?:new )?spend\w*|"
                         # "killed the budget for Q4": no money, so no date to buy by
                         r"(?:killed|pulled|scrapped|froze|frozen|slashed|cancell?ed|zeroed) (?:the |their |her |his |all |out )?(?:[\w-]+ )?budget\w*|nothing to do until|no (?:number|figure|budget|price)(?: yet)? until|"
                         # "she'd renew tomorrow but it's not up to her": eagerness, not a date
                         r"(?:'d|would|could) (?:happily |gladly |honestly )?(?:sign|renew|buy|do it|go ahead|say yes)"
                         r"(?: (?:it|this|that|the \w+))? (?:tomorrow|today|right now|now|in a heartbeat|on the spot))\b)", c[:why.start()] if why else c, re.I) or re.search(r"\bour (?:roadmap|release|"
                         r"launch|product|plans?)\b", c, re.I):
                continue  # a person's leave, the seller's roadmap, "the timing is wrong": no buying timeline
            if why and re.search(r"\b(?:our|my) (?:own )?(?:[\w-]+ )?(?:quarter|quota|fiscal(?: year)?|year[- ]end|month[- ]end|books|"
                                 r"forecast|number|target|commission)s?\b", why.group(0), re.I):
                continue  # "she wants this booked by the 30th because our quarter closes": the seller's own date
            c = re.sub(r",?\s*\bbecause\b.*$", "", c, flags=re.I)  # "by end of February because of their visit": the reason
            if re.search(r"\bno (?:real |hard |firm |set |fixed |specific )?(?:dates?|deadlines?|timeline)\b", s, re.I) and not re.search(r"\d", c):
                continue  # "rollout early next year, but no firm date": the period said is not a date
            if re.search(r"\bnothing (?:(?:is|was|'s) )?(?:set|firm|fixed|concrete|definite|booked|locked(?: in)?|agreed|scheduled)\b",
                         s, re.I) and not re.search(r"\d", re.sub(r"\bq[1-4]\b", "", c, flags=re.I)):
                continue  # "maybe revisit in q2, nothing set": the period said is denied in the same breath
            # "sometime next year", "decide sometime in the new year": no date (a month said with it still is one)
            c = re.sub(r"\b(?:some ?time|at some point|some point)\s+(?:in\s+)?(?:next year|the new year|the coming year|"
                       r"the next year)\b", " ", c, flags=re.I)
            # "she'd only say early next year", "early in the new year": a vague part of next year, no date
            c = re.sub(r"\b(?:(?:some ?time |at some point )?(?:early|earlyish|the first part of)\s+(?:in\s+)?(?:next year|the new year|the "
                       r"coming year|the next year)|(?:some ?time |at some point )?in the first (?:few|couple of) months of (?:next|the new) year)\b",
                       " ", c, flags=re.I)
            # "the proposal went out Tuesday", "Iris signed it Friday": a weekday said with a past deed is last week's
            c = re.sub(r"\b((?:went|sent|signed|came|got|had|did|returned|emailed|called|met|mailed|replied|dropped|submitted|"
                       r"finished|wrapped|closed|approved|passed|ran|held|demoed|showed|was|were)\b(?:(?!\b(?:will|'ll|next|this|coming|by|before|until|for)\b)"
                       r"[^,.;]){0,40}?)\b(?:on\s+|last\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", r"\1", c, flags=re.I)
            # "the expansion went through on the 20th", "they signed October 30th": a day said with a deed done is past
            # (not "wants it signed on the 20th": a deed wanted)
            if not re.search(r"\b(?:want\w*|need\w*|plan\w*|hop\w*|aim\w*|expect\w*|would|'d|will|'ll|to|going|should|must|"
                             r"has|have|get|be)\b", c, re.I):
                c = re.sub(r"\b((?:went|came|signed|closed|renewed|launched|started|kicked off|was|were|got|had|did|sent|"
                           r"cancell?ed|churned|paid|converted|upgraded|downgraded)\b(?:(?!\b(?:next|this|coming|by|before|until|for)\b)"
                           r"[^,.;]){0,40}?)\b(?:on\s+|back on\s+)?(?:the (?:\d{1,2}(?:st|nd|rd|th)|[a-z]+(?:-[a-z]+)?(?:st|nd|rd|th))\b"
                           r"(?: of " + _MON + r"\b)?|" + _MON + r"\.? (?:\d{1,2}(?:st|nd|rd|th)?|[a-z]+(?:-[a-z]+)?(?:st|nd|rd|th))\b)",
                           r"\1", c, flags=re.I)
            # "thirty-six thousand, same as this year": a comparison, not a date
            c = re.sub(r"\b(?:same as|just like|like|than|as|up from|down from) (?:this|last) (?:year|quarter|month)'?s?\b", " ", c,
                       flags=re.I)
            if re.search(r"\b(?:unrelated|side note|off topic|by the way|totally different thing)\b", s, re.I) and not \
                    re.search(r"\b(?:go[- ]live|live|launch|decid\w*|decision|sign\w*|contract|rollout|roll out|deadline)\b", c, re.I):
                continue  # "their office is moving in March, unrelated": an aside, no buying timeline
            if re.search(r"\b(?:said|says|told (?:me|us|him|her))\s*,?\s+(?:that\s+)?if\b", s, re.I):
                continue  # "told me if it saves an hour a day, they'll sign tomorrow": a condition, no date
            if re.search(r"\b(?:wants?|wanted|needs?|needed|asked for|asked us for|expects?|expected|'d like|would like) (?:our|my) (?:(?:final|formal|written|official|firm) )?"
                         r"(?:answer|reply|response|decision|best and final|final offer|final price|final number|counter(?:-?offer)?|verdict)\b", c, re.I):
                continue  # "wants our answer by the 4th": when we must reply, not when they buy
            if re.search(r"\b(?:wants?|wanted|needs?|needed|asked for|expects?|expected|'d like|would like) (?:it|them|this|that|those|"
                         r"(?:the|our|their|her|his) (?!(?:[\w-]+ ){0,2}(?:contract|order form|agreement|paperwork|po|purchase order|msa|sow)s?\b)"
                         r"(?!signed\b)(?:[\w-]+ ){0,2}[\w-]+) back (?:by|before|on|no later than|until)\b", c, re.I):
                continue  # "sent over a questionnaire, she wants it back by December 4th": when our document is due, not when they buy
            if not _TIME_CUE.search(c) or re.match(r"^(?:if|unless|assuming|should they|in case)\b", s, re.I):
                continue
            if re.search(r"(?<!\bbe )(?<!\bbeen )(?<!\bget )(?<!\bis )(?<!\bare )(?<!\bto )\b(?:went live|launched|rolled out|kicked off|"
                         r"started|opened|shipped)\s+(?:back\s+)?(?:in|on|last)\s+" + _MON + r"\b", c, re.I) and not re.search(
                    r"\b(?:will|'ll|wants?|needs?|plans?|by|before|until|has to|have to)\b", c, re.I):
                continue  # "the bot we built went live in October": a month past, no buying date
            if _seller_pronoun(s, c):
                continue  # "I need my VP to approve the discount, he'll answer by Tuesday": the seller's side
            if re.match(r"^(?:\w+\s+)?(?:i|we|i'll|we'll|i'm|we're|i've|we've|i'd|we'd|my|our)\b", c, re.I) \
                    or re.search(r"\b(?:from me|from us|our own|(?:our|my) (?:[\w-]+ )?(?:quarter|quota|year|month|"
                                 r"fiscal|ad|marketing|target|number|books|forecast))\b", c, re.I) \
                    or re.search(r"\b(?:no|zero) (?:budget|money|funds?)\b|\bno money\b|\b(?:might|may|could|possibly|"
                                 r"maybe|if they)\s+"
                                 r"(?:\w+\s+){0,2}(?:have|get|find|free up|see)\s+(?:\w+\s+){0,2}(?:money|budget|funds?|"
                                 r"funding)\b",
                                 c, re.I):
                continue  # the seller's own step, or when money might come: no buying timeline
            if re.match(r"^(?:(?:i |we )?(?:told|promised|assured|reassured|emailed|texted|messaged) (?:him|her|them|(?-i:[A-Z][a-z]+)(?: "
                        r"(?-i:[A-Z][a-z]+))?) (?:that )?)(?:i'd|i'll|we'd|we'll|i would|i will|we would|we will)\b", c, re.I):
                continue  # "Told Wendy I'd confirm the single invoice by Wednesday": the seller's promise, not their date
            if re.fullmatch(r"(?:the |a |our |their )?(?:signed |signing |final |revised |renewal |expansion )?(?:paperwork|order form|"
                            r"proposal|quote|sow|msa|deck|docs|documents|contract)s?,? (?:(?:on|by|early|later|sometime) )?(?:next week|this week|"
                            r"tomorrow|(?:next |this )?(?:mon|tues|wednes|thurs|fri)day|the \w+|\d{1,2}/\d{1,2})[.!]?", c.strip(), re.I):
                continue  # "Paperwork next week.": a document's next move, a step, not when they buy
            if re.search(r"(?:^|,\s+)(?:the )?(?:contract|proposal|quote|order form|deck|sow|msa|paperwork)s? (?:goes |going |"
                         r"is going )?"
                         r"(?:out|over|sent|to (?:their|the|her|his) (?:lawyers?|legal|counsel|attorneys?|procurement))\b", c, re.I):
                continue  # "Contract out by Friday": the seller's next step
            nxt = _NEXT_STEP_CLAUSE.search(re.sub(r"\b(?:before|by) (?:the |their )?(?:\w+ )?(?:meeting|call)\b", "", c, flags=re.I)) or \
                OUR_MEETING_SET.search(c)  # "wants their CFO on a call, we set it for December 3rd": our meeting's date
            buying = re.search(r"\b(running|go(?:ing)?[- ]live|live(?! in (?!q[1-4]\b|the (?:first|second|next)|\d|" + _MON_SHORT + r"))|launch|roll|deploy|implement|in place|up and running|"
                               r"decid|decision|sign(?:ed|ing)? (?:the )?(?:contract|deal|paperwork)|signs? off|sign-off|"
                               r"(?:they|she|he)(?:'d|'ll| will| would| want to| plan to| hope to)? sign\b|"
                               # "Oliver will sign it himself this month": a named person's signature, with its time
                               r"(?-i:[A-Z][a-z]+)(?:'ll| will| would| wants? to| plans? to| hopes? to| is going to) sign\b|"
                               # "she'd rather have it signed before her board meeting on the 18th": the deal done by then
                               r"\b(?:have|get|got) (?:it|this|that|the (?:deal|contract|renewal|expansion|order form)) (?:signed|done|closed|live)\b|"
                               # "a contract review call with their legal team on the 1st": a meeting, not the deal's date
                               r"contract(?!s?\s+(?:review|redline|walk-?through|negotiation)?\s*(?:call|meeting|session|sync))|"
                               r"purchas|buy|"
                               r"switch|migrat|timeline|timeframe|timing|deadline|"
                               # ("sending the renewal order form Monday": the renewal names our document, the date is the step's)
                               r"renew(?!al\s+(?:order form|quote|proposal|paperwork|docs?|documents?|call|meeting|deck|invoice|contract)s?\b)|"
                               r"budget cycle|fiscal|"
                               r"start (?:using|with|the rollout|onboarding)|onboard|"
                               # "Target pilot start: January 11", "pilot start dec 7": when their pilot begins
                               r"(?:pilot|rollout|roll-out|project|go-?live|target) start(?: date)?(?!\w)(?!\s+(?:on|this|next|(?:mon|tues|wednes|thurs|fri)day)\b)|push\w*|slip\w*|delay\w*|"
                               # "they still want to start the pilot on January 4th", "wants to start Dec 7": when they begin
                               r"(?:wants?|wanted|needs?|plans?|planning|hopes?|hoping|aims?|aiming|'d like|would like) to (?:start|begin|kick off)\b|"
                               r"(?:pick|choose|select)\w* (?:a |the )?(?:vendor|partner|tool|solution)|signs? (?=(?:next|"
                               r"this|on|by|in|before)\b)|"
                               r"vot(?:e|es|ing) (?:on )?(?:it|this|that|the (?:deal|contract|purchase|proposal|renewal))\b|"
                               r"approve (?:the )?budgets?|meets? (?:on )?(?:[\w]+ ){1,4}and (?:will |'ll )?(?:approve|vote|decide|"
                               r"sign))", c, re.I)
            # "Next step is a trial that Ben, their VP Sales, will run starting Monday": a clause of the note's next step
            nxt = nxt or (re.match(r"^(?:the )?next(?: steps?)?\s*(?:is|are|:|,|-|will be)\s", s, re.I))
            if not nxt and re.match(r"^(?:(?:the|their|her|his) [\w -]{1,30},\s*)?(?:for|on)\b", c.strip(), re.I) and s.find(c) > 0:
                # "Kickoff call booked with her and Raj Price (CTO) for Thursday Dec 3": the date clause of a meeting said
                # before it (cut off by the title in brackets), not the deal's date
                nxt = _NEXT_STEP_CLAUSE.search(s[:s.find(c)]) or re.search(
                    r"\b(?:call|meeting|session|workshop|demo|kick-?off|training|walk-?through|review|sync)s? (?:is |was )?(?:booked|"
                    r"set(?: up)?|scheduled|locked(?: in)?|confirmed|planned)\b", s[:s.find(c)], re.I)
            if nxt and not buying:
                continue
            ref = now if isinstance(now, datetime) else datetime.combine(now, datetime.min.time())
            c = _RECURRING.sub(" ", c)  # "every Friday", "each Monday morning": a habit, not a date
            c = re.sub(r"\b\w+\.(?:com|io|ai|co|app)\b", " ", c, flags=re.I)  # "Monday.com" is a vendor, not a day
            found = None
            if buying and buying.start() > 0 and find_date(c[:buying.start()], ref):
                found = find_date(c[buying.start():], ref)  # "the pilot ends Dec 12 and they'll decide by Jan 15": the later
            found = found or find_date(c, ref)
            exact = found and re.search(r"\d|" + _MON + r"\s+\w|(?:first|second|third|\w+th|\w+st|\w+nd) of",
                                        c[found[1]:found[2]], re.I)
            d = found[0] if found and exact else period_end(c, today)
            if d is None:
                d = found[0] if found else None
            if d is None or d <= today:  # "they live in Google Sheets today": today is no buying timeline
                continue
            if not buying and not re.search(r"\b(by|before|until|no later than|at the latest|within|need|want\w*|hoping|aim|target|eo[mqy]|"
                                            r"(?:still|is) the (?:date|deadline)|"
                                            r"expect|plan|end of|q[1-4]|ready|done|wrap|like to|'d like|sometime|"
                                            r"start\w*)\b", c, re.I) and not (
                    len(re.sub(r"\b(?:maybe|probably|hopefully|ideally|perhaps)\b", "", c).split()) <= 3 and period_end(c, today)
                    and not (k and re.search(r"\b(?:not|n't) (?:really |actually )?(?:evaluating|looking|shopping|buying|"
                                             r"interested)|\bno (?:project|budget|need)\b", sentences[k - 1], re.I))):
                continue  # ("Maybe next quarter." said alone is the timeline)
            return d.isoformat(), s
    return None, None
