"""Questions answered from the workspace: totals, counts, lists and single facts.

"How much is sitting in Proposal Sent?", "how many deals closed this month?", "which deals has nobody
touched in three weeks?", "when did I last talk to Linda?" become one ``answer`` action whose
``value`` (a number, or an ISO date) or ``records`` (``["deal:5004", ...]``) is computed here from
the :class:`~desktop.planner.entity_index.EntityIndex`, with a sentence in ``text``.

Definitions (the same as the revenue panel's, :mod:`desktop.domain.metrics`): an open deal is one
not in a won or lost stage; "pipeline" = open deals; "won"/"closed" in a period = deals in the won
stage whose close date falls in the period ("lost" = the lost stage); "nobody touched in N weeks" =
open deals whose last activity is more than N x 7 days before today, or that have none; amounts are
summed in the deal's currency's major units (all fixture deals are USD).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from desktop.planner.entity_index import EntityIndex, Mention
from desktop.planner.parsing.numbers import small_number, words_to_digits

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_LIFECYCLE = {"customer": "customer", "customers": "customer", "lead": "lead", "leads": "lead",
              "opportunity": "opportunity", "opportunities": "opportunity", "subscriber": "subscriber",
              "subscribers": "subscriber", "evangelist": "evangelist", "evangelists": "evangelist",
              "mql": "marketingqualifiedlead", "mqls": "marketingqualifiedlead",
              "marketing qualified": "marketingqualifiedlead", "sql": "salesqualifiedlead",
              "sqls": "salesqualifiedlead", "sales qualified": "salesqualifiedlead"}
_ACTIVITY_WORDS = {"call": "call", "calls": "call", "meeting": "meeting", "meetings": "meeting",
                   "email": "email", "emails": "email", "note": "note", "notes": "note", "demo": "demo", "demos": "demo",
                   "activities": "activity", "activity": "activity", "touches": "activity", "touchpoints": "activity"}
#: Requests for something a CRM does not hold ("tell me a joke", "any good podcasts?").
OFF_TOPIC = re.compile(r"\b(?:jokes?|weather|news|song|poem|riddle|recipe|horoscope|score|recommend|books?\s+(?:on|about)|"
                       r"podcasts?|tips|advice)\b", re.I)
#: A question, or a request to show records.
QUESTION = re.compile(
    r"^\W*(?:(?:ok|okay|so|hey|quick question|and|also|i think|roughly|remind me)\W+)*"
    r"(?:what|what's|whats|which|who|who's|whos|whom|how|when|when's|whens|where|can you tell|tell me|"
    r"show|list|find|give me|pull up|display|do we have|is there|are there|did we|have we|any|anything|anyone|anybody|"
    r"count(?=\s+(?:how many|the|up|all|our|my|every))|(?:biggest|largest|smallest|oldest|newest)\s+(?:open\s+)?(?:deal|opp|one)|"
    r"total up|sum up|add up|last (?:touch|contact|activity|call|email|meeting)|"
    # "deals nobody touched in 5 weeks", "open deals over 50k": a list asked for as a noun phrase
    r"(?:all\s+)?(?:open\s+|stale\s+|won\s+|lost\s+)?(?:deals|contacts|companies)\s+(?:nobody|no one|that|which|over|under|above|"
    r"below|in|with|without|closing|not|at|from|we)\b)\b"
    r"|\?\s*$|,\s*(?:which|what|who|when|how)\b[^,]*\?\s*$"
    # "negotiation deals list", "won this qtr total", "open pipeline sum": a terse noun-phrase query
    r"|^\W*(?:[\w-]+\s+){0,4}(?:deals?|pipeline|opps|won|lost|contacts|companies)\b(?:\s+[\w-]+){0,3}?\s+"
    r"(?:list|total|count|tally|sum)\W*$", re.I)


@dataclass(frozen=True)
class Period:
    """A date range ``[start, end]`` (inclusive) and how to say it."""

    start: date
    end: date
    label: str

    def __contains__(self, d: date | None) -> bool:
        return d is not None and self.start <= d <= self.end


def _month(year: int, month: int, label: str) -> Period:
    return Period(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), label)


def period(text: str, today: date) -> Period | None:
    """The period a question asks about ("this month", "in October", "this quarter", "last year",
    "tomorrow"); None when it names none (all time)."""
    low = text.lower()
    if ahead := re.search(r"\b(?:in|within|over|during)\s+the\s+(?:next|coming)\s+(?P<n>\d+|a|one|two|three|four|five|six|seven|eight|"
                          r"nine|ten|eleven|twelve|fourteen|thirty|sixty|ninety)\s+(?P<u>days?|weeks?|months?)\b|"
                          r"\bwithin\s+(?P<n2>\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|thirty|sixty|ninety)\s+"
                          r"(?P<u2>days?|weeks?|months?)\b", low):
        # "Anything closing in the next two weeks?", "deals due within 30 days": from today to today + N (a month = 30 days)
        said = ahead.group("n") or ahead.group("n2")
        n = 1 if said in ("a", "one") else int(said) if said.isdigit() else small_number(said)
        unit = ahead.group("u") or ahead.group("u2")
        if n is not None:
            days = n * 7 if unit.startswith("week") else n * 30 if unit.startswith("month") else n
            return Period(today, today + timedelta(days=days), f"in the next {n} {unit}")
    if back := re.search(r"\b(?:in|over|during)\s+the\s+(?:last|past|previous)\s+(?P<n>\d+|a|one|two|three|four|five|six|seven|eight|"
                         r"nine|ten|eleven|twelve|fourteen|thirty|sixty|ninety)\s+(?P<u>days?|weeks?|months?)\b", low):
        # "How many deals did we win in the last 30 days?": from today - N to today
        said = back.group("n")
        n = 1 if said in ("a", "one") else int(said) if said.isdigit() else small_number(said)
        if n is not None:
            days = n * 7 if back.group("u").startswith("week") else n * 30 if back.group("u").startswith("month") else n
            return Period(today - timedelta(days=days), today, f"in the last {n} {back.group('u')}")
    if re.search(r"\btoday\b", low):
        return Period(today, today, "today")
    if re.search(r"\btomorrow\b", low):
        t = today + timedelta(days=1)
        return Period(t, t, "tomorrow")
    if re.search(r"\bthis week\b", low):
        start = today - timedelta(days=today.weekday())
        return Period(start, start + timedelta(days=6), "this week")
    if re.search(r"\bnext week\b", low):
        start = today - timedelta(days=today.weekday()) + timedelta(days=7)
        return Period(start, start + timedelta(days=6), "next week")
    if up_to := re.search(r"\b(?:between now and|from (?:now|today) (?:until|till|to|through)|(?:by|before)|in the rest of)\s+"
                          r"(?:the\s+)?end of (?:the|this)\s+(?P<p>month|quarter|year)\b", low):
        # "Which open deals close between now and the end of the month?": from today to the period's last day
        whole = {"month": _month(today.year, today.month, ""), "year": Period(date(today.year, 1, 1), date(today.year, 12, 31), ""),
                 "quarter": _month(today.year, today.month, "")}[up_to.group("p")]
        if up_to.group("p") == "quarter":
            q_end = ((today.month - 1) // 3) * 3 + 3
            whole = _month(today.year, q_end, "")
        return Period(today, whole.end, f"between now and the end of the {up_to.group('p')}")
    if re.search(r"\bthis month\b", low):
        return _month(today.year, today.month, "this month")
    if re.search(r"\blast month\b", low):
        y, mo = (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
        return _month(y, mo, "last month")
    if re.search(r"\bnext month\b", low):
        y, mo = (today.year, today.month + 1) if today.month < 12 else (today.year + 1, 1)
        return _month(y, mo, "next month")
    q = (today.month - 1) // 3
    if re.search(r"\bthis quarter\b", low):
        return Period(date(today.year, 3 * q + 1, 1), _month(today.year, 3 * q + 3, "").end, "this quarter")
    if re.search(r"\blast quarter\b", low):
        y, q2 = (today.year, q - 1) if q else (today.year - 1, 3)
        return Period(date(y, 3 * q2 + 1, 1), _month(y, 3 * q2 + 3, "").end, "last quarter")
    if m := re.search(r"\bq([1-4])\b|\b(first|second|third|fourth) quarter\b", low):
        # "closing in Q1": the next Q1 that has not ended (the one just past for "did we win in Q3")
        qn = int(m.group(1)) if m.group(1) else ["first", "second", "third", "fourth"].index(m.group(2)) + 1
        end = _month(today.year, 3 * qn, "").end
        past = bool(re.search(r"\b(?:did|have|has|won|lost|closed)\b", low)) and not re.search(r"\bclos(?:e|es|ing)\b", low)
        if past:
            year = today.year if date(today.year, 3 * qn - 2, 1) <= today else today.year - 1
        else:
            year = today.year if end >= today else today.year + 1
        return Period(date(year, 3 * qn - 2, 1), _month(year, 3 * qn, "").end, f"Q{qn} {year}")
    if re.search(r"\bthis (?:calendar |fiscal )?year\b", low):
        return Period(date(today.year, 1, 1), date(today.year, 12, 31), "this year")
    if m := re.search(r"\b(?:in|for|during|of|over)?\s*(20\d\d)\b(?![-/]\d)", low):
        return Period(date(int(m.group(1)), 1, 1), date(int(m.group(1)), 12, 31), m.group(1))  # "closed-won total for 2026"
    if re.search(r"\blast year\b", low):
        return Period(date(today.year - 1, 1, 1), date(today.year - 1, 12, 31), "last year")
    if m := re.search(r"\b(?:in|during|for|of)\s+(" + "|".join(k for k in _MONTHS if len(k) > 3) + r")\b|"
                      r"^\W*(" + "|".join(k for k in _MONTHS if len(k) > 3) + r")\s*[,:]", low):  # ("September, how many ...")
        month = _MONTHS[m.group(1) or m.group(2)]
        if re.search(r"\bclos(?:e|es|ing)\b|\bdue\b|\bexpected\b|\bwill\b", low) \
                and not re.search(r"\b(?:did|have|has)\s+(?:we|you|i|they|the team)\b(?!\s+got\b)", low):  # ("what have we got closing")
            year = today.year if month >= today.month else today.year + 1  # what closes in December: ahead
        else:
            year = today.year if month <= today.month else today.year - 1  # what we won in October: behind
        return _month(year, month, calendar.month_name[month])
    return None


def _words(text: str) -> set[str]:
    """The content words of ``text`` (lower case, "and"/"the"/"of" left out): "marketing and advertising" ->
    {"marketing", "advertising"}."""
    return set(re.findall(r"[a-z]+", text)) - {"and", "the", "of"}


def _deals(n: int) -> str:
    """"1 deal", "3 deals": a count of deals for an answer's text."""
    return f"{n} deal" if n == 1 else f"{n} deals"


def _money(v: float) -> str:
    return f"${v:,.0f}"


def _weeks(text: str) -> int | None:
    """N of "in N weeks" / "for N days" (days rounded up to weeks is not done: days are returned
    as negative numbers of days), for staleness questions."""
    digits = words_to_digits(text.lower())
    # the last duration said wins: "in three weeks, no, make that four weeks"
    if m := next(reversed(list(re.finditer(r"\b(\d+|a|one|two|three|four|five|six|seven|eight|nine|ten)\s+(weeks?|days?|months?)\b",
                                           digits))), None):
        n = 1 if m.group(1) in ("a", "one") else (int(m.group(1)) if m.group(1).isdigit() else small_number(m.group(1)))
        if n is None:
            return None
        unit = m.group(2)
        return n * 7 if unit.startswith("week") else n * 30 if unit.startswith("month") else n
    if re.search(r"\b(?:stale|stalled|stuck|gone quiet|went quiet)\b", text, re.I):
        return 21
    return None


def answer(text: str, idx: EntityIndex, today: date, mentions: list[Mention], stage: str | None,
           focus: Any, context_target: Any = None) -> dict[str, Any] | None:
    """The ``answer`` action's fields for the question ``text``, or None when it is not a question
    this module understands (the planner then says so).

    ``focus`` is the resolved :class:`~desktop.planner._resolve.Focus` (its ``contact``,
    ``company``, ``deal``); ``stage`` a stage label the question names.
    """
    low = text.lower()
    if re.search(r"\b(?:e-?mail address|email|phone|(?:phone|mobile|cell|direct)\s+number|(?:'s|his|her|their)\s+number|mobile|title|role|address|tasks?|to-?dos?|plate|agenda|"
                 r"calendar|reminders?)\b", low) and not re.search(r"\bhow many (?:calls|meetings|emails|notes)\b"
                                                                  r"|\b(?:when|what date|what day|which day)\b.{0,30}\b(?:last|first|earliest)\b",
                                                                  low):
        return None  # a contact's field or the task list: the planner's record answers
    if OFF_TOPIC.search(low) and not mentions:
        return None  # "tell me a joke before my next call block"
    titled = bool(re.search(r"^\W*(?:who|which|list|show|how many)\b|\b(?:headcount|number|count)\s+of\b|^\W*count\b", low)) \
        and _title_asked(low, list(idx.job_titles)) is not None
    if not (mentions or context_target is not None or stage or titled or re.search(
            r"\b(?:deals?|pipeline|opportunit\w*|opps?|won|win|lost|lose|closed?|closing|worth|revenue|booked|signed|"
            r"stale|stalled|sitting|contacts?|compan(?:y|ies)|accounts?|customers?|leads?|calls?|meetings?|emails?|"
            r"notes?|people|talk|talked|spoke|speak|everything (?:still )?open|(?:still|currently) open|activit(?:y|ies)|demos?|"
            r"evangelists|subscribers|mqls?|sqls?)\b", low)):
        return None  # "what's the weather like tomorrow?"
    if not (mentions or context_target is not None) and re.search(r"\b(?:won|win|lost|lose)\b", low) \
            and not re.search(r"\b(?:we|our|us|deals?|pipeline|revenue|closed|booked|total|count|tally|sum|list)\b", low):
        return None  # "who won the game last night?"
    per = period(text, today)
    contact = focus.contact if not focus.person_blocked else None
    company, deal = focus.company, focus.deal
    if deal is None and company is not None and re.search(r"(?:that|the|their|this|its)\s+(?:one\s+)?deal(?!s)", low) \
            and not [d0 for d0 in idx.deals_by_company.get(company, ()) if idx.deals[d0].is_open] \
            and len(idx.deals_by_company.get(company, ())) == 1:
        deal = idx.deals_by_company[company][0]  # "Lumen, how much was that deal?": its one deal, closed or not
    if context_target is not None and not mentions:
        if context_target.type == "deal" and context_target.id.isdigit():
            deal = int(context_target.id)
        elif context_target.type == "contact" and context_target.id.isdigit():
            contact = int(context_target.id)
        elif context_target.type == "company" and context_target.id.isdigit():
            company = int(context_target.id)

    # contacts by lifecycle stage: "Which of our contacts at Delta Works are customers?", "List every MQL we have at
    # Upland Works", "who are our evangelists?"
    life = re.search(r"\b(?P<w>customers|evangelists|subscribers|opportunities|mqls?|sqls?|marketing qualified(?: leads)?|"
                     r"sales qualified(?: leads)?)\b", low) or re.search(
        # "How many customer contacts do we have at Delta Works?": the stage said before "contacts"
        r"\b(?P<w>customer|evangelist|subscriber|opportunity)\s+contacts\b", low) or re.search(
        r"\bcontacts?\b.{0,40}\b(?:at|in)\s+(?:the\s+)?(?P<w>lead)\s+(?:lifecycle\s+)?stage\b", low) or re.search(
        # "Which contacts at Ember Logistics are still just leads?": people who are leads
        r"\b(?:contacts?|people|who)\b.{0,60}\b(?:are|is)\s+(?:still\s+)?(?:just\s+|only\s+|plain\s+|simply\s+)*(?P<w>lead)s?\b", low)
    if life and (re.search(r"\b(?:contacts?|people|who|which of|list|every|all (?:the |our )?|how many)\b", low)) \
            and not re.search(r"\b(?:deals?|pipeline|revenue|worth|amount|how much|won|win|closed?|signed|lost|booked)\b", low):
        w = life.group("w")
        stage = ("marketingqualifiedlead" if w.startswith(("mql", "marketing")) else
                 "salesqualifiedlead" if w.startswith(("sql", "sales")) else
                 {"customers": "customer", "evangelists": "evangelist", "subscribers": "subscriber",
                  "opportunities": "opportunity", "lead": "lead", "customer": "customer", "evangelist": "evangelist",
                  "subscriber": "subscriber", "opportunity": "opportunity"}[w])
        people = [c for c in idx.contacts.values() if (c.lifecycle_stage or "") == stage
                  and (company is None or c.company_id == company)]
        where = f" at {idx.companies[company].name}" if company is not None else ""
        if re.search(r"\bhow many\b|\bnumber of\b|\bcount\b", low):
            return {"text": f"{len(people)} contact{'' if len(people) == 1 else 's'}{where} with lifecycle stage {stage}.",
                    "value": len(people)}
        shown = ", ".join(c.name for c in people[:10]) + (f" and {len(people) - 10} more" if len(people) > 10 else "")
        return {"text": f"{len(people)} contacts{where} with lifecycle stage {stage}: {shown}." if people
                else f"No contacts{where} with lifecycle stage {stage}.",
                "records": [f"contact:{c.id}" for c in people]}

    # the first activity with a person: "When did we first email Wendy Price?"
    if contact is not None and re.search(r"\b(?:first|earliest)\b.{0,30}\b(?:talk|talked|spoke|speak|heard|met|meet|meeting|"
                                         r"call|called|email|emailed|contact|contacted|touch|demo|activity|reach|reached)\b", low) \
            and re.search(r"^\W*(?:when|what)\b|\bwhen (?:did|was|were)\b", low):
        c = idx.contacts[contact]
        logged = idx.contact_activity.get(contact, {})
        kind = _asked_kind(low)
        firsts = [v[2] for k, v in logged.items() if kind is None or k == kind]
        noun = kind or "activity"
        if not firsts:
            return {"text": f"No {noun} with {c.name} is logged.", "value": None}
        return {"text": f"The first {noun} with {c.name} was on {min(firsts):%A %-d %B %Y}.", "value": min(firsts).isoformat()}

    # activities logged on one deal: "How many notes are logged on the Pinecrest deal?"
    everything = re.search(r"\b(?:activities|touch(?:es|points)|interactions)\b", low) is not None
    if deal is None and company is not None and contact is None and re.search(r"\bhow many\b", low) \
            and (everything or _asked_kind(low) is not None) and re.search(r"\b(?:deal|opportunity|opp)\b", low) and not re.search(r"\bdeals\b", low):
        # "How many activities have we logged against the Orbital deal?": the company's one open deal
        open_deals = [d0 for d0 in idx.deals_by_company.get(company, ()) if idx.deals[d0].is_open]
        deal = open_deals[0] if len(open_deals) == 1 else None
    if deal is not None and contact is None and re.search(r"\bhow many\b", low) \
            and (kind := _asked_kind(low) or ("activity" if everything else None)) is not None \
            and re.search(r"\bdeal\b|\b(?:on|against|for|under)\s+(?:the\s+)?(?-i:[A-Z])", text) \
            and not re.search(r"\bdeals\b", low):
        d = idx.deals[deal]
        logged = idx.deal_activity.get(deal, {})
        # ("activities", "touches": every type counted)
        times = sum(v[0] for v in logged.values()) if kind == "activity" else logged.get(kind, (0, None, None))[0]
        noun = "activities" if kind == "activity" else f"{kind}s"
        return {"text": f"{times} {noun} logged on {d.name}.", "value": times}

    # single facts about one record
    if re.search(r"\b(?:last|latest|most recent(?:ly)?)\b.{0,30}\b(?:talk|talked|spoke|speak|heard|hear|met|meet|meeting|activity|rang|phoned|"
                 r"reach out|reached out|"
                 r"contact|contacted|touch|touched|touchpoint|call|called|email|emailed|chat|chatted|demo|note|send|sent|wrote|"
                 r"write|logged)\b|\blast (?:time|contact)\b",
                 low) and (low.lstrip().startswith(("when", "what", "last")) or re.search(r"\bwhen (?:did|was|were)\b", low)
                           # "Could you tell me when our last contact with Linda was?"
                           or re.search(r"\bwhen\b.{0,40}\blast\b.{0,60}\b(?:was|were)\W*$", low)
                           # "tom becker last contact?": a terse question about one person
                           or re.search(r"\blast (?:contact|contacted|touch|touched|activity|talked|spoke|call|email|meeting)\W*$", low)):
        if contact is not None and (kind := _asked_kind(low)) is not None:
            # "When did we last email Yusuf Khan?", "... have an actual meeting with Linda?": that kind only
            c = idx.contacts[contact]
            seen = idx.contact_activity.get(contact, {}).get(kind)
            if seen is None:
                return {"text": f"No {kind} with {c.name} is logged.", "value": None}
            return {"text": f"The last {kind} with {c.name} was on {seen[1]:%A %-d %B %Y}.", "value": seen[1].isoformat()}
        if contact is None and company is not None and (kind := _asked_kind(low)) is not None \
                and re.search(r"\b(?:anyone|anybody|someone|people|folks|team|company|them)\b|\bat\b", low):
            # "When did we last have a meeting with anyone at Cedar Group?": that kind, with any of its people
            name = idx.companies[company].name
            dates = [seen[1] for i in idx.contacts_by_company.get(company, ())
                     if (seen := idx.contact_activity.get(i, {}).get(kind)) is not None]
            if not dates:
                return {"text": f"No {kind} with anyone at {name} is logged.", "value": None}
            return {"text": f"The last {kind} with {name} was on {max(dates):%A %-d %B %Y}.", "value": max(dates).isoformat()}
        if contact is not None:
            c = idx.contacts[contact]
            if c.last_activity_at is None:
                return {"text": f"There's no activity with {c.name} yet.", "value": None}
            day = c.last_activity_at.date()
            return {"text": f"You last talked to {c.name} on {day:%A %-d %B %Y}.", "value": day.isoformat()}
        if deal is not None and (kind := _asked_kind(low)) is not None:
            # "When was the last note logged on the Orbital Freight deal?": that kind, on that deal
            d = idx.deals[deal]
            seen = idx.deal_activity.get(deal, {}).get(kind)
            if seen is None:
                return {"text": f"No {kind} is logged on {d.name}.", "value": None}
            return {"text": f"The last {kind} on {d.name} was on {seen[1]:%A %-d %B %Y}.", "value": seen[1].isoformat()}
        last_at = idx.deals[deal].last_activity_at if deal is not None else None
        if deal is not None and last_at is not None:
            day = last_at.date()
            return {"text": f"The last activity on {idx.deals[deal].name} was on {day:%-d %B %Y}.", "value": day.isoformat()}
        return None
    if deal is not None and re.search(r"^\W*how much\b.{0,40}\b(?:worth|value|amount|for)\b"
                                      r"|\bhow much\s+(?:was|is|'s)\s+(?:that|the|this|their|its)\s+(?:[\w-]+\s+)?deal\b(?!s)", low):
        d = idx.deals[deal]  # "How much was this one worth when we closed it?": its amount, not its date
        v = d.amount_cents / 100 if d.amount_cents is not None else None
        return {"text": f"{d.name} is worth {_money(v)}." if v is not None else f"{d.name} has no amount.",
                "value": int(v) if v is not None and v == int(v) else v}
    if deal is not None and re.search(r"\bwhen\b.{0,60}\bclos|\bclos(?:e|ing) date\b", low):
        d = idx.deals[deal]
        if d.close_date is None:
            return {"text": f"{d.name} has no close date.", "value": None}
        return {"text": f"{d.name} is set to close on {d.close_date.isoformat()} ({d.close_date:%A %-d %B %Y}).",
                "value": d.close_date.isoformat()}
    if deal is not None and re.search(r"\bwho\b.{0,20}\b(?:owns?|owner|running|handling|has)\b|\bwhose\b|\bowner\b", low) \
            and not re.search(r"\b(?:deals|all|every)\b", low):
        # "Who owns the Globex deal?", "whose deal is Acme?"
        d = idx.deals[deal]
        return {"text": f"{d.owner} owns {d.name}." if d.owner else f"{d.name} has no owner.", "value": d.owner}
    if deal is not None and re.search(r"\b(?:what|which)\s+stage\b|\bstage\s+(?:is|of)\b|\bwhere(?:\s+is|\s+are|'s)\b.{0,40}"
                                      r"\b(?:at|stand|in the pipeline)\b", low) and not re.search(r"\b(?:deals|all|every)\b", low):
        d = idx.deals[deal]  # "What stage is Initech in?", "where's the Acme deal at?"
        return {"text": f"{d.name} is in {d.stage_label}.", "value": d.stage_label}
    if deal is not None and re.search(r"\b(?:status|state|update)\b.{0,20}\b(?:on|of|for|with)\b|\bhow(?:'s| is)\b.{0,40}\bdeal\b"
                                      r"(?:\s+(?:doing|going|looking))?\W*$", low) \
            and not re.search(r"\b(?:deals|all|every)\b", low):
        d = idx.deals[deal]  # "What's the status on the Orbital deal?": where it stands
        v = d.amount_cents / 100 if d.amount_cents is not None else None
        when = f", closing {d.close_date.isoformat()}" if d.close_date else ""
        return {"text": f"{d.name} is in {d.stage_label} at {_money(v) if v is not None else 'no amount'}{when}.",
                "value": d.stage_label}
    if deal is not None and re.search(r"\bnext steps?\b", low):
        d = idx.deals[deal]  # "What's the next step on Northwind?"
        return {"text": f"Next step on {d.name}: {d.next_step}." if d.next_step else f"{d.name} has no next step set.",
                "value": d.next_step}
    if deal is not None and re.search(r"\b(?:worth|how big|amount|value|size)\b", low) \
            and not re.search(r"\b(?:total|pipeline|all|sitting|stage|combined|together|both|sum)\b", low) \
            and len({m.ids[0] for m in mentions if m.kind in ("company", "deal") and len(m.ids) == 1}) < 2:
        d = idx.deals[deal]
        v = d.amount_cents / 100 if d.amount_cents is not None else None
        return {"text": f"{d.name} is worth {_money(v)}." if v is not None else f"{d.name} has no amount.", "value": v}
    if deal is not None and re.search(r"\bwho(?:'s| is| are)?\b.{0,30}\bcontacts?\b", low) and not company_only(low):
        ids = list(idx.deals[deal].contact_ids)
        names = ", ".join(idx.contacts[i].name for i in ids if i in idx.contacts) or "nobody"
        return {"text": f"On {idx.deals[deal].name}: {names}.", "records": [f"contact:{i}" for i in ids]}

    # people at a company
    if company is not None and re.search(r"\b(?:who|contacts?|people|know|everyone|everybody|folks)\b", low) \
            and not re.search(r"\bdeals?\b", low):
        ids = list(idx.contacts_by_company.get(company, ()))
        if asked_title := _title_asked(low, list(idx.job_titles)):
            ids = [i for i in ids if has_title(idx.contacts[i].job_title, asked_title)]
        elif title := re.search(r"\b(ceo|cto|cfo|coo|cmo|cro|vp|head of \w+|director|founder|manager)\b", low):
            ids = [i for i in ids if title.group(1) in (idx.contacts[i].job_title or "").lower()]
        name = idx.companies[company].name
        if re.search(r"\bhow many\b|\bcount\b|\bnumber of\b|\bheadcount\b", low):
            return {"text": f"{len(ids)} contacts at {name}.", "value": len(ids)}
        shown = ", ".join(f"{idx.contacts[i].name} ({idx.contacts[i].job_title or 'no title'})" for i in ids[:10])
        return {"text": f"At {name}: {shown or 'nobody yet'}.", "records": [f"contact:{i}" for i in ids]}

    # activities with one contact: "how many meetings have we had with Sarah Johnson?", "how many
    # times have we been in touch with Wendy?" (all time unless a period is said)
    if contact is not None and re.search(r"\bhow many\b", low) and not re.search(r"\bdeals?\b", low) and (
            re.search(r"\b(?:with|to|from)\b", low) or re.search(r"\b(?:times|activities|touch(?:es|points)?)\b", low)
            or _asked_kind(low) is not None):
        c = idx.contacts[contact]
        kind = _asked_kind(low)
        logged = idx.contact_activity.get(contact, {})
        times = logged.get(kind, (0, None))[0] if kind else sum(v[0] for v in logged.values())
        noun = f"{kind}s" if kind else "activities"
        return {"text": f"{times} {noun} logged with {c.name}.", "value": times}

    # activities with one company's people: "how many meetings have we had with Acme so far?" (all time
    # unless a period is said; an activity with two of its people counts once per person)
    if company is not None and contact is None and re.search(r"\bhow many\b", low) and not re.search(r"\bdeals?\b", low) \
            and (kind := _asked_kind(low)) is not None and per is None:
        name = idx.companies[company].name
        times = sum(idx.contact_activity.get(i, {}).get(kind, (0, None))[0] for i in idx.contacts_by_company.get(company, ()))
        return {"text": f"{times} {kind}s logged with {name}.", "value": times}

    # activities with one company's people (or one person) in a period: counted from each person's first and latest
    # activity of the kind - exact when those fall wholly inside or outside the period, said to be unknown otherwise
    if (company is not None or contact is not None) and per is not None and re.search(r"\bhow many\b", low) \
            and not re.search(r"\bdeals?\b", low) and (kind := _asked_kind(low) or (
                "activity" if re.search(r"\bactivit(?:y|ies)\b", low) else None)) is not None:
        who_ids: list[int] = [contact] if contact is not None else list(idx.contacts_by_company.get(company, ())) \
            if company is not None else []
        name = idx.contacts[contact].name if contact is not None else idx.companies[company].name if company is not None else ""
        inside, unsure = 0, 0
        for i in who_ids:
            for k, (n, latest, earliest) in idx.contact_activity.get(i, {}).items():
                if kind != "activity" and k != kind or k == "demo":
                    continue
                if per.start <= earliest and latest <= per.end:
                    inside += n
                elif not (latest < per.start or earliest > per.end):
                    unsure += n
        noun = "activities" if kind == "activity" else f"{kind}s"
        if unsure:
            return {"text": f"I can't tell exactly: {inside + unsure} {noun} with {name} overlap {per.label}, "
                            f"and only {inside} fall wholly inside it.", "value": None}
        return {"text": f"{inside} {noun} logged with {name} {per.label}.", "value": inside}

    # activity counts
    kinds = [v for k, v in _ACTIVITY_WORDS.items() if re.search(rf"\b{k}\b", low)]
    if kinds and re.search(r"\bhow many\b|\bcount\b|\bnumber of\b", low) and not re.search(r"\bdeals?\b", low) \
            and not (stage and re.search(r"\b(?:everything|all|anything)\s+(?:that'?s\s+)?in\b", low)):
        # ("a count of everything in demo scheduled": deals in that stage, not demos logged)
        # "how many activities did we log this month" counts every type; "demos" are meetings logged as a demo
        p = per or _month(today.year, today.month, "this month")
        logged_n = 0
        y, mo = p.start.year, p.start.month
        while (y, mo) <= (p.end.year, p.end.month):
            logged_n += sum(n for (t, yy, mm), n in idx.activity_counts.items() if (yy, mm) == (y, mo)
                            and t != "demo") if kinds[0] == "activity" else idx.activity_counts.get((kinds[0], y, mo), 0)
            y, mo = (y, mo + 1) if mo < 12 else (y + 1, 1)
        noun = {"activity": "activities"}.get(kinds[0], f"{kinds[0]}s")
        return {"text": f"{logged_n} {noun} logged {p.label}.", "value": logged_n}

    # people by job title anywhere: "Who are all the VPs of Sales we have in the CRM?"
    if company is None and contact is None and deal is None and re.search(
            r"^\W*(?:who|which|list|show|how many)\b|\b(?:headcount|number|count)\s+of\b|^\W*count\b", low) \
            and (asked_title := _title_asked(low, list(idx.job_titles))):
        ids = [c.id for c in idx.contacts.values() if has_title(c.job_title, asked_title)]
        asked_title = next((idx.contacts[i].job_title or asked_title for i in ids), asked_title)  # as written: "VP Sales"
        if re.search(r"\bhow many\b|\b(?:headcount|number|count)\s+of\b|^\W*count\b", low):
            return {"text": f"{len(ids)} contacts with the title {asked_title}.", "value": len(ids)}
        shown = ", ".join(idx.contacts[i].name for i in ids[:10]) + (f" and {len(ids) - 10} more" if len(ids) > 10 else "")
        return {"text": f"{len(ids)} contacts with the title {asked_title}: {shown}." if ids else f"Nobody has the title {asked_title}.",
                "records": [f"contact:{i}" for i in ids]}
    # companies with no deals: "Which companies don't have any deals at all?"
    if re.search(r"\b(?:compan(?:y|ies)|accounts)\b.{0,40}\b(?:no|zero|without|don'?t have|do not have|doesn'?t have|"
                 r"does not have|haven'?t got)\b.{0,20}\b(?:deals?|opportunit(?:y|ies)|opps?)\b", low):
        with_deals = {d.company_id for d in idx.deals.values()}
        bare = [c.id for c in idx.companies.values() if c.id not in with_deals]
        if re.search(r"\bhow many\b", low):
            return {"text": f"{len(bare)} companies have no deals.", "value": len(bare)}
        return {"text": f"{len(bare)} companies have no deals: " + ", ".join(idx.companies[i].name for i in bare[:10]) + ".",
                "records": [f"company:{i}" for i in bare]}

    # contacts by lifecycle stage
    if re.search(r"\bcontacts?\b|\bpeople\b", low):
        for word, value in _LIFECYCLE.items():
            if re.search(rf"\b{word}\b", low):
                ids = [c.id for c in idx.contacts.values() if c.lifecycle_stage == value]
                if "how many" in low:
                    return {"text": f"{len(ids)} contacts are marked {value}.", "value": len(ids)}
                return {"text": f"{len(ids)} contacts are marked {value}.", "records": [f"contact:{i}" for i in ids]}

    # the whole count: "How many companies are we tracking?", "how many contacts have we got in total?"
    if (counted := re.search(r"\bhow many\s+(?:(?:different|total|unique)\s+)?(?P<what>contacts|people|companies|accounts)\b"
                           r"(?P<rest>[^?]*)", low)) and not company_only(low) \
            and re.fullmatch(r"\s*(?:(?:are|do|have|has|did|is)\s+)?(?:we|i|you|there)?\s*(?:got|have|tracking|track|got in|"
                             r"in (?:the )?(?:crm|system|workspace|database)|on (?:file|record|the books)|in total|total|"
                             r"all together|altogether|overall|all in|so far|now|right now|in here)?(?:\s+(?:in total|total|in all|"
                             r"all together|altogether|overall|now|right now|in (?:the )?(?:crm|system|workspace|database)))*\s*\W*",
                             counted.group("rest")):
        if counted.group("what") in ("contacts", "people"):
            return {"text": f"{len(idx.contacts)} contacts.", "value": len(idx.contacts)}
        return {"text": f"{len(idx.companies)} companies.", "value": len(idx.companies)}

    # companies by city or industry
    if re.search(r"\bcompan(?:y|ies)\b|\baccounts\b", low) and not re.search(r"\bdeals?\b|\bpipeline\b|\bhow much\b|\bworth\b", low):
        found = None
        if m := re.search(r"\b(?:in|from|based in)\s+(?:the\s+)?([a-z][\w&/ -]+?)(?:\s+(?:space|industry|sector))?\s*[?.!]?$", low):
            place = m.group(1).strip()
            found = [c.id for c in idx.companies.values() if c.city and c.city.lower() == place] or \
                [c.id for c in idx.companies.values() if c.industry and (place in c.industry.lower() or place.replace(" ", "")
                                                                          in c.industry.lower().replace(" ", ""))]
            # ("in healthcare": "Hospital & Health Care")
        if found is None or not found:
            # "Show me all the marketing and advertising companies", "our healthcare accounts": an industry said before the noun
            said = re.search(r"\b(?:all|the|our|any|which|what)\s+(?:the\s+)?(?P<i>[a-z][a-z& -]{2,40}?)\s+(?:companies|accounts|clients|customers)\b",
                             low)
            if said and (want := _words(said.group("i")) - {"our", "all", "my", "open", "new", "other", "big", "small", "local"}):
                hit = [c.id for c in idx.companies.values() if c.industry and want <= _words(c.industry.lower())
                       or c.industry and (c.industry.lower().startswith(said.group("i").split()[0]) and len(said.group("i")) > 4)]
                found = hit if hit else found
        if found is not None:
            if "how many" in low:
                return {"text": f"{len(found)} companies.", "value": len(found)}
            return {"text": ", ".join(idx.companies[i].name for i in found) or "None.",
                    "records": [f"company:{i}" for i in found]}

    # deals: filters ("which deals are still just leads?": the first stage said as a plural)
    if stage is None and re.search(r"\b(?:deals?|opps?|opportunities)\b.{0,30}\bleads\b", low) \
            and (first := idx.stage_by_label("Lead")) is not None:
        stage = first.label
    deals = list(idx.deals.values())
    what = []
    won = re.search(r"\b(?:won|win|closed|close[ds]? won|signed|booked)\b|\b(?:did|have|has) (?:we|you|i|the team) "
                    r"(?:actually )?(?:close|sign|win|land)\b", low) and not re.search(
        r"\b(?:close date|supposed to close|going to close|set to close|due to close|closing|expected to close)\b"
        # "everything that's not closed yet", "still open, not closed": the open pipeline
        r"|\b(?:not|n't|yet to be)\s+(?:yet\s+)?(?:been\s+)?(?:closed|won|signed)\b"
        # "How many deals do we have with TechCorp, counting the closed ones?": every deal, the closed ones too
        r"|\b(?:counting|including|with|plus)\s+(?:the\s+|all\s+)?(?:closed|won and lost|dead|old)\s+(?:ones|deals|too)\b"
        r"|\bclosed\s+ones\s+too\b", low)
    every = bool(re.search(r"\b(?:counting|including|plus)\s+(?:the\s+|all\s+)?(?:closed|won and lost|dead|old)\s+(?:ones|deals)\b"
                           r"|\bclosed\s+ones\s+too\b", low))
    lost = re.search(r"\b(?:lost|lose|losing)\b", low)
    won_label = next((st.label for st in idx.stages if st.is_won), None)
    lost_label = next((st.label for st in idx.stages if st.is_lost), None)
    if stage == won_label and won:
        stage = None
    if stage == lost_label and lost:
        stage = None
    if lost:
        deals = [d for d in deals if (sr := idx.stage_by_label(d.stage_label)) is not None and sr.is_lost]
        if per:
            deals = [d for d in deals if d.close_date in per]
        what.append("lost" + (f" {per.label}" if per else ""))
    elif won and not stage:
        deals = [d for d in deals if (sr := idx.stage_by_label(d.stage_label)) is not None and sr.is_won]
        if per:
            deals = [d for d in deals if d.close_date in per]
        what.append("won" + (f" {per.label}" if per else " so far"))
    else:
        several = [st.label for st in idx.stages if re.search(rf"\b{re.escape(st.label.lower())}\b", low)]
        if len(several) > 1 and re.search(r"\b(?:and|plus|combined|together|or)\b", low):
            # "the total of everything in qualified and demo scheduled combined"
            deals = [d for d in deals if d.stage_label in several]
            what.append("in " + " and ".join(several))
        elif stage and re.search(r"\bor\s+(?:beyond|later|further(?:\s+along)?|past\s+(?:it|that)|after|higher|above|more\s+advanced)\b", low):
            # "How many open deals are at demo scheduled or beyond?": that stage and every open stage after it
            order = [st.label for st in idx.stages if not (st.is_won or st.is_lost)]
            onward = order[order.index(stage):] if stage in order else [stage]
            deals = [d for d in deals if d.stage_label in onward and d.is_open]
            what.append(f"in {stage} or later")
        elif stage:
            deals = [d for d in deals if d.stage_label == stage]
            what.append(f"in {stage}")
        elif (company is not None or every) and re.search(r"\bhow many deals\b", low) and not re.search(
                r"\b(?:open|active|live|pipeline|in play|still)\b", low):
            what.append("in all")  # "How many deals do we have with TechCorp?": every deal, won and lost too
        else:
            deals = [d for d in deals if d.is_open]
            what.append("open")
        if re.search(r"\bclos", low) and per:
            deals = [d for d in deals if d.close_date in per]
            what.append(f"closing {per.label}")
        if re.search(r"\bpas(?:t|sed) (?:their|the|its)? ?close date|overdue|slipped|past due\b|\bclose dates?\b.{0,30}\b(?:in the past|passed|behind us|gone by)\b", low):
            deals = [d for d in deals if d.close_date is not None and d.close_date < today]
            what.append("past their close date")
        if re.search(r"\blast\s+(?:activity|touch|contact|touchpoint)\b[^?.]{0,20}\b(?:more than|over|older than|longer than)\b|"
                     r"\b(?:nobody|no one|haven'?t|hasn'?t|not been|untouched|no activity|stale|stalled|gone quiet|went quiet|"
                     r"neglected|without (?:any )?activity|without (?:anyone|anybody|someone) touching|no (?:touch|contact)|"
                     r"without (?:a\s+)?(?:single\s+)?(?:touch|contact|word|call|activity))\b", low):
            days = _weeks(text) or 21
            deals = [d for d in deals if d.last_activity_at is None or (today - d.last_activity_at.date()).days > days]
            what.append(f"untouched for {days} days")
    cities = idx.cities
    if (city := re.search(r"\b(?:in|from|out of)\s+(?P<c3>[a-z][a-z .'-]+?)(?=\s*[?.,!]|\s*$)", low)) \
            and (place := city.group("c3").strip()) in cities and not any(m.kind == "company" for m in mentions):
        # "How much pipeline have we got in Miami?": deals at companies in that city
        deals = [d for d in deals if d.company_id in idx.companies and (idx.companies[d.company_id].city or "").lower() == place]
        what.append(f"at companies in {place.title()}")
    elif (city := re.search(r"\b(?:compan(?:y|ies)|accounts?|clients?|customers?)\s+(?:that\s+are\s+|which\s+are\s+)?(?:based\s+)?"
                          r"(?:in|from|out of)\s+(?P<c>[a-z][a-z .'-]+?)(?=\s*[?.,!]|\s*$|\s+(?:and|with|that)\b)"
                          r"|\b(?:with|at|from|for)\s+(?:our\s+|the\s+)?(?P<c2>[a-z][a-z .'-]+?)(?:-based|\s+based)?\s+"
                          r"(?:compan(?:y|ies)|accounts|clients|customers)\b",
                          low)) and (place := (city.group("c") or city.group("c2")).strip()) in cities:
        # "open pipeline with companies based in Madrid", "open deals with Atlanta companies": by the company's city
        deals = [d for d in deals if d.company_id in idx.companies and (idx.companies[d.company_id].city or "").lower() == place]
        what.append(f"at companies in {place.title()}")
    if not any(m.kind == "company" for m in mentions) and (ind := _industry_said(low, idx)) is not None:
        # "How much pipeline do we have in hospital and health care?", "the E-Learning pipeline", "with marketing and
        # advertising clients": deals at companies of that industry
        deals = [d for d in deals if d.company_id in idx.companies and (idx.companies[d.company_id].industry or "").lower() == ind]
        what.append(f"at {ind.title()} companies")
    if owner := _owner_asked(text, idx):
        # "which deals does Morgan own?", "how much is Jordan's pipeline?", "my open deals"
        deals = [d for d in deals if (d.owner or "").strip().lower() == owner.lower()]
        what.append(f"owned by {owner}")
    named = list(dict.fromkeys(m.ids[0] for m in mentions if m.kind == "company" and len(m.ids) == 1))
    left_out = [m.ids[0] for m in mentions if m.kind == "company" and len(m.ids) == 1 and re.search(
        r"\b(?:leave|leaving|left)\s+out\s*$|\b(?:excluding|except(?:\s+for)?|without|not\s+counting|minus|other\s+than|apart\s+from|"
        r"besides|outside(?:\s+of)?|ignoring|but)\s*(?:the\s+)?$", text[:m.start], re.I)]
    for co_said in sorted((x for x in mentions if x.kind == "company" and len(x.ids) == 1), key=lambda x: x.start):
        if co_said.ids[0] not in left_out and any(
                x.kind == "company" and x.ids and x.ids[0] in left_out
                and re.fullmatch(r"\s*(?:,|and|or|,\s*and|nor)\s*(?:the\s+)?", text[x.end:co_said.start], re.I) for x in mentions):
            left_out.append(co_said.ids[0])  # "without Acme and Globex": both
    if left_out:
        # "How much is in the pipeline if you leave out Umbrella?", "pipeline excluding Globex": every deal but theirs
        deals = [d for d in deals if d.company_id not in left_out]
        what.append("not counting " + ", ".join(idx.companies[i].name for i in left_out))
        named, company = [i for i in named if i not in left_out], None
    if len(named) > 1:
        # "across Delta Solutions, Delta Dynamics and Delta Works combined": each company named
        deals = [d for d in deals if d.company_id in named]
        what.append("at " + ", ".join(idx.companies[i].name for i in named))
    elif company is not None and not (contact is not None and re.search(r"\bhe|she\b", low)):
        deals = [d for d in deals if d.company_id == company]
        what.append(f"at {idx.companies[company].name}")
    digits = words_to_digits(low)
    # "north of seventy k" / "south of 20k": sales slang for over / under
    digits = re.sub(r"\bnorth of\b", "over", re.sub(r"\bsouth of\b", "under", digits))
    if m := re.search(r"\b(?P<op>over|above|more than|at least|bigger than|larger than|under|below|less than|smaller than)\s+"
                      r"(?:an?\s+)?\$?(?P<n>\d[\d,.]*)\s*(?P<sc>k|thousand|grand|m|million)?\b(?!\s*(?:weeks?|days?|months?|years?)\b)", digits):
        limit = float(m.group("n").replace(",", "")) * {"k": 1e3, "thousand": 1e3, "grand": 1e3, "m": 1e6,
                                                          "million": 1e6}.get(m.group("sc") or "", 1)
        op = m.group("op")
        # "over/above/more than 50k" is strictly more; "at least" includes 50k; "under/below" strictly less
        keep: Callable[[float], bool] = {"at least": lambda v: v >= limit}.get(op) or (
            (lambda v: v > limit) if op in ("over", "above", "more than", "bigger than", "larger than")
            else (lambda v: v < limit))
        deals = [d for d in deals if d.amount_cents is not None and keep(d.amount_cents / 100)]
        what.append(f"{m.group('op')} {_money(limit)}")
    label = " ".join(what)
    if re.search(r"\b(?:single\s+)?(?:biggest|largest)\s+(?:open\s+|active\s+)?(?:one|deal)\b|\bthe (?:biggest|largest)\b(?!\s+\d)", low) \
            and not re.search(r"\b(?:top|biggest|largest)\s+(?:\d+|two|three|four|five|ten)\b", digits):
        deals = sorted(deals, key=lambda d: -(d.amount_cents or 0))[:1]
        return {"text": "; ".join(f"{d.name} {_money((d.amount_cents or 0) / 100)}" for d in deals) or f"No deals {label}.",
                "records": [f"deal:{d.id}" for d in deals]}
    if m := re.search(r"\b(?:top|biggest|largest)\s+(\d+|two|three|four|five|ten)\b|\b(\d+|two|three|four|five|ten)\s+(?:biggest|largest)\b",
                      words_to_digits(low)):
        n_raw = m.group(1) or m.group(2)
        n = int(n_raw) if n_raw.isdigit() else small_number(n_raw) or 3
        deals = sorted(deals, key=lambda d: -(d.amount_cents or 0))[:n]
        return {"text": "; ".join(f"{d.name} {_money((d.amount_cents or 0) / 100)}" for d in deals),
                "records": [f"deal:{d.id}" for d in deals]}
    if deals and (one := re.search(r"\b(?P<big>biggest|largest|fattest|juiciest)\s+(?:fish|deal|one|opp(?:ortunity)?)\b|"
                                   r"\b(?P<small>smallest|tiniest|runt of the litter)\b", low)):
        # "Biggest fish sitting in qualified?", "the runt of the litter in negotiation, the smallest one": one deal
        pick = max(deals, key=lambda d: d.amount_cents or 0) if one.group("big") else min(deals, key=lambda d: d.amount_cents or 0)
        return {"text": f"{pick.name} ({pick.stage_label}, {_money((pick.amount_cents or 0) / 100)}).", "records": [f"deal:{pick.id}"]}
    if re.search(r"\bhow many\b|\bnumber of (?:open |active |stale |won |lost )?deals\b|\bcount (?:of )?(?:the )?(?:open )?deals\b"
                 r"|\b(?:deals|won|lost)\b.{0,30}\b(?:count|tally)\W*$"
                 # "Give me a count of everything in demo scheduled"
                 r"|\b(?:a\s+)?(?:count|number|tally)\s+of\s+(?:everything|all|anything)\b", low):
        return {"text": f"{_deals(len(deals))} {label}.", "value": len(deals)}
    if re.search(r"\b(?:average|avg|mean)\b(?:\s+(?:deal|opportunity|contract))?(?:\s+(?:size|amount|value))?", low) \
            and not re.search(r"^\W*(?:which|show|list)\b", low):
        # "What's the average deal size in negotiation?": the mean amount of the deals asked about (those with an amount)
        sized = [d.amount_cents / 100 for d in deals if d.amount_cents is not None]
        mean = round(sum(sized) / len(sized), 2) if sized else 0.0
        head = "Average open deal" if label == "open" else f"Average deal {label}"
        return {"text": f"{head}: {_money(mean)} across {_deals(len(sized))}.", "value": int(mean) if mean == int(mean) else mean}
    if re.search(r"\bweighted\b", low) and not re.search(r"^\W*(?:which|show|list)\b", low):
        # weighted pipeline: each open deal's amount times its stage's win probability (the revenue
        # panel's definition, desktop.domain.metrics)
        prob = {st.label: st.probability for st in idx.stages}
        total = round(sum((d.amount_cents or 0) * prob.get(d.stage_label, 0.0) for d in deals) / 100, 2)
        head = "Weighted pipeline" if label == "open" else f"Weighted, deals {label}"
        return {"text": f"{head}: {_money(total)} across {_deals(len(deals))}.", "value": total}
    if re.search(r"\bhow much\b|\btotal\b|\bsum\b|\bworth\b|\bvalue\b|\badds? up\b|\bthe damage\b|\briding on\b|\bhow (?:fat|big|healthy)\b|"
                 r"\b(?:dollar|money|revenue)[- ]wise\b|\bin dollars\b|\bin (?:dollar|money) terms\b|"
                 r"\bpipeline\b(?!.*\b(?:which|what deals)\b)",
                 low) and not re.search(r"^\W*(?:which|show|list|anything|any deals)\b", low):
        total = sum((d.amount_cents or 0) for d in deals) / 100
        head = "Open pipeline" if label == "open" else f"Deals {label}"
        return {"text": f"{head}: {_money(total)} in {_deals(len(deals))}.", "value": total}
    shown = "; ".join(f"{d.name} ({d.stage_label}, {_money((d.amount_cents or 0) / 100)})" for d in deals[:8])
    more = f" and {len(deals) - 8} more" if len(deals) > 8 else ""
    return {"text": f"{_deals(len(deals))} {label}: {shown}{more}." if deals else f"No deals {label}.",
            "records": [f"deal:{d.id}" for d in deals]}


def _industry_said(low: str, idx: EntityIndex) -> str | None:
    """The workspace industry ``low`` names, as the CSVs write it or with "and" for "&" ("hospital and health care"), in
    lower case; None when it names none."""
    said = low.replace("-", " ")
    for ind in sorted({(c.industry or "").lower() for c in idx.companies.values() if c.industry}, key=len, reverse=True):
        for form in {ind, ind.replace("&", "and"), ind.replace("-", " ")}:
            if len(form) > 3 and re.search(rf"\b{re.escape(form)}\b", said):
                return ind
    return None


def _owner_asked(text: str, idx: EntityIndex) -> str | None:
    """The workspace user whose deals a question is about ("which deals does Morgan own", "Jordan's
    pipeline", "deals assigned to Sam", "my deals" = the first user), else None."""
    users = list(idx.users)
    if re.search(r"\b(?:my|mine)\b.{0,20}\b(?:deals|pipeline|opportunities|opps)\b(?!\s+(?:review|meeting|call|sync|"
                 r"session|check-?in))|\b(?:deals|pipeline)\b.{0,20}\bi own\b", text, re.I) and users \
            and idx.deals_have_owners:
        # (a workspace whose deals have no owners is all the user's: "my pipeline" is the pipeline;
        # "before my pipeline review, how much ..." is no owner at all)
        return users[0]
    for u in users:
        first = re.escape(u.split()[0])
        if re.search(rf"\b(?:{re.escape(u)}|{first})(?:'s|s')\s+(?:open\s+)?(?:deals|pipeline|opportunities|opps|book)\b"
                     rf"|\b(?:does|do|did)\s+(?:{re.escape(u)}|{first})\s+(?:own|have|hold|run|manage)\b"
                     rf"|\b(?:deals?|opps?|opportunit(?:y|ies)|pipeline)\s+(?:that\s+)?(?:{re.escape(u)}|{first})\s+(?:has|owns|holds|is on|runs)\b"
                     rf"|\b(?:owned by|assigned to|belong(?:s|ing)? to)\s+"
                     rf"(?:{re.escape(u)}|{first})\b", text, re.I):
            return u
    return None


def _title_asked(low: str, titles: list[str]) -> str | None:
    """The job title a question names, as the longest lower-case title (or title words) that one of
    ``titles`` contains ("who at Redwood Labs is an office manager?" -> "office manager", "all the VPs
    of Sales" -> "vp of sales"); None when it names none."""
    said = re.sub(r"\bvps\b", "vp", re.sub(r"\b(?:heads)\b", "head", low))
    said = re.sub(r"\b(\w+?)s\b(?=\s+of\b)", r"\1", said)  # "directors of sales" -> "director of sales"
    said = re.sub(r"\s+of\s+", " ", said)  # "VP of Sales" is "VP Sales"
    best: str | None = None
    for t in {t.lower() for t in titles if t}:
        for cand in (t, re.sub(r"^(?:senior|junior|sr\.?|jr\.?)\s+", "", t)):
            bare = re.escape(re.sub(r"\s+of\s+", " ", cand))
            if len(cand) >= 3 and re.search(rf"\b{bare}s?\b", said) \
                    and (best is None or len(cand) > len(best)):
                best = cand
    return best


def has_title(title: str | None, asked: str) -> bool:
    """True when the job ``title`` is the ``asked`` one (lower case, whole words: "cto" is not in "director")."""
    return bool(title) and re.search(rf"\b{re.escape(asked)}\b", (title or "").lower()) is not None


def _asked_kind(low: str) -> str | None:
    """The activity type a question asks about ("email", "meeting", "call", "note"), from its nouns
    and verbs ("emailed", "met", "called"); None for any contact at all ("talked", "in touch")."""
    for pattern, kind in ((r"\be-?mail(?:s|ed)?\b", "email"), (r"\b(?:meetings?|met|meet|demos?)\b", "meeting"),
                          (r"\b(?:calls?|called|phoned?|rang|ring|rung|dialled|dialed)\b", "call"), (r"\bnotes?\b", "note")):
        if re.search(pattern, low):
            return kind
    return None


def company_only(low: str) -> bool:
    """True when the question is about a company's people rather than one deal's."""
    return bool(re.search(r"\b(?:at|over at|from)\b", low)) and "deal" not in low
