"""Planners: turn a transcript or typed instruction into a :class:`~desktop.domain.plan.Plan`.

Public API (others call exactly this):

* :class:`Planner` - protocol ``plan(text, *, now, context=None) -> Plan``.
* :class:`PlanContext` - what the UI shows (the record in view) so "move it to negotiation" resolves.
* :class:`OfflinePlanner` - the default: rules + the workspace :class:`EntityIndex`; no network,
  no API key, ~1-5 ms per plan on the demo workspace.

The LLM planner (:mod:`desktop.planner.llm_planner`) implements the same protocol and falls back to
:class:`OfflinePlanner`. This module never imports litellm.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any, Protocol, runtime_checkable

import jellyfish
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from desktop.domain.plan import Action, Plan, Target
from desktop.planner import _accordingly as accordingly
from desktop.planner import _answers as A
from desktop.planner import _create as C
from desktop.planner import _guards as guards
from desktop.planner import _introductions as introductions
from desktop.planner import _irrealis as I
from desktop.planner import _rewrites as rewrites
from desktop.planner import _rules as R
from desktop.planner import _send
from desktop.planner import _several as several
from desktop.planner import _titles as T
from desktop.planner import _understood as U
from desktop.planner._patterns import (
    _A_TITLE,
    _ACTIVITY_SENTENCE_END,
    _ALL_CONTACTS_OF,
    _AND_COMMAND,
    _ASSIGN,
    _BARE_HANDOVER,
    _BARE_SCALE,
    _BOOK_IT,
    _CALENDAR_WORDS,
    _CALL_LIST,
    _CONTROL,
    _COUNT_OF,
    _COUNTED,
    _CREATES,
    _DEAD,
    _DELETE_AND_NEXT,
    _DELETE_CMD,
    _DEPARTMENTS,
    _EMAIL_CHANGE,
    _ENUMERATOR,
    _FIELD_WITHOUT_VALUE,
    _GARBLED_AMOUNT,
    _ID_REF,
    _IMPERATIVE,
    _LEFT_COMPANY,
    _LOST_BECAUSE,
    _LOST_REASON_FIELD,
    _LOWER_WORDS,
    _MEETING_NOUN,
    _MOVE_TO_UNKNOWN,
    _MOVED_TITLE,
    _MOVED_TO_TITLE,
    _NAME_CHANGES,
    _NAMED_STAGE,
    _NEGATIVE,
    _NEXT_COMMAND,
    _NOT_MONEY_CHANGE,
    _NOTE_NO_COLON,
    _NOTE_PREFIX,
    _NUMBER_FILLERS,
    _NUMBER_WORD,
    _ONLY_THE,
    _OPENING_PERSON_AT,
    _PERCENT_CHANGE,
    _PERCENT_CHANGE_ASKED,
    _PERCENT_CHANGE_REFUSED,
    _PERCENT_DOWN,
    _PERSON_AT,
    _PERSON_BACK_TO,
    _PHONE_CUE,
    _POLITE_COMMAND,
    _RATE,
    _RECORD_WORD,
    _REDO_THEN,
    _RELATIVE_DAY,
    _REMIND_ME_ASK,
    _REOPEN,
    _REPORTED_CONTACT,
    _SELF_CORRECTION,
    _SHIFT,
    _SHIFT_WORDS,
    _SLIP,
    _SOMEONE_AT,
    _SOMEONES,
    _SPOKEN_EMAIL,
    _SQL,
    _TASK_FOR_THAT,
    _TERSE_VERB,
    _THAT_NEXT_STEP,
    _THEIR_PERSON,
    _THERE_PERSON,
    _THING_OWNED,
    _TITLE_NOW,
    _UNKNOWN_NAME,
    _UNREADABLE_AMOUNT,
    _UNSURE_AMOUNT,
    _VAGUE_AMOUNT,
    _VAGUE_VALUE,
    _VALUE_REDO,
    _WENT_WITH,
    _WENT_WITH_HEDGE,
    _WHO_FOR,
    _WHOSE_FIELD,
    HOT_DAYS,
    STALLED_DAYS,
    _command_segments,
    _keep_only,
    _lifecycle,
    _merge_single_digits,
    _named_before,
    _one_phone_number,
    _phone_from,
    _prefer_totals,
    _reported_type,
    _restart_at,
    _spoken_domains,
    _titled_deal_name,
    contract_total,
    correct_respelt_name,
    correct_self,
    expand_gapping,
)
from desktop.planner._resolve import PERSON_REF, Focus, choices, resolve
from desktop.planner._vocab import STOPWORDS
from desktop.planner.entity_index import EntityIndex, Mention, MentionKind, normalise, sounds
from desktop.planner.parsing.asr import (
    expand_shorthand,
    join_spoken_corrections,
    strip_fillers,
    undo_asr_slips,
    unglue_addresses,
)
from desktop.planner.parsing.dates import ImpossibleDate, add_months, find_date, find_time
from desktop.planner.parsing.early_slips import undo_early_slips
from desktop.planner.parsing.numbers import (
    apply_amount,
    find_amounts,
    join_short_hundreds,
    words_to_digits,
)
from desktop.planner.parsing.terse import expand_terse

#: Characters of an instruction the planner reads; the rest is ignored (with a message).
MAX_INPUT_CHARS = 2000
#: Most records one bulk instruction may touch.
MAX_BULK = 25
EMPTY_MESSAGE = "I didn't catch an instruction. Try \"Move Acme to Negotiation\" or \"Log a call with Nina\"."
OFF_TOPIC_MESSAGE = ("I can help with your contacts, companies, deals, activities and tasks - "
                     "e.g. \"Follow up with Acme next Friday\".")
SQL_MESSAGE = "That looks like a database command; I only take CRM instructions such as \"Delete the Acme deal\"."


@dataclass(frozen=True)
class _Local:
    """The records one clause names: a contact, a deal (its own, or its company's only open deal)
    and a company; ``named_thing`` when a company or deal (not only a person) is named."""

    contact: int | None
    deal: int | None
    company: int | None
    named_thing: bool


@dataclass(frozen=True)
class PlanContext:
    """Conversation context from the UI.

    Attributes:
        target: the record in view (contact, company or deal), used for "it", "she", "this deal"
            and for commands that name no record; ``None`` when nothing is selected.
        can_send: a mailbox is connected: "email Nina the checklist" sends (``send_email``) instead
            of drafting (see :mod:`desktop.planner._send`).
        in_sequence: ids of contacts in an active e-mail sequence: "stop emailing Nina" cancels
            hers (``stop_sequence``) instead of marking her do-not-contact.
        recent_draft: the contact (or deal) of the e-mail draft just shown (the newest open draft,
            written in the last minutes): "send it" with no record in view sends that one.
    """

    target: Target | None = None
    can_send: bool = False
    in_sequence: frozenset[int] = frozenset()
    recent_draft: Target | None = None


@runtime_checkable
class Planner(Protocol):
    """Anything that turns an instruction into a Plan."""

    def plan(self, text: str, *, now: datetime, context: PlanContext | None = None) -> Plan:
        """Plan ``text`` (transcript or typed) relative to ``now`` (naive local time)."""
        ...


def sanitise(text: str) -> tuple[str, bool]:
    """Control characters removed, whitespace collapsed, cut to :data:`MAX_INPUT_CHARS`.

    Returns ``(clean_text, truncated)``.
    """
    text = unicodedata.normalize("NFKC", text or "")
    text = _CONTROL.sub(" ", text.replace("\t", " ").replace("\r", "\n"))
    truncated = len(text) > MAX_INPUT_CHARS
    text = text[:MAX_INPUT_CHARS]
    text = re.sub(r"[ \u00a0]+", " ", text)
    text = re.sub(r"\s*\n\s*", "\n", text).strip()
    return text, truncated


#: A deal field named outright ("close date dec 20", "amount 12k", "stage negotiation"): its value is
#: planned even when the deal already has it (what the user set is what the card shows).
_FIELD_NAMED = {"close_date": re.compile(r"\bclos(?:e|ing)(?:\s+date)?\s+(?:(?:is|on|by|in|to|for|at)\s+)?"
                                         r"(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|q[1-4]|end\b|next\b|this\b)", re.I),
                "amount": re.compile(r"\b(?:amount|deal size)\b", re.I),
                "stage": re.compile(r"\bstage\b", re.I)}


#: A contact field named outright ("title is", "email to"): planned even when the contact already has it.
_CONTACT_FIELD_NAMED = {"job_title": re.compile(r"\b(?:title|role|position|job)\b", re.I),
                        "email": re.compile(r"\b(?:e-?mail address|email to|email is)\b", re.I),
                        "company": re.compile(r"\bcompany\b", re.I),
                        "owner": re.compile(r"\bowner\b", re.I)}


#: The verb of a polite "would you mind ...ing" request.
_GERUND = {"booking": "book", "logging": "log", "scheduling": "schedule", "setting": "set", "moving": "move", "adding": "add",
           "creating": "create", "updating": "update", "changing": "change", "drafting": "draft", "sending": "send",
           "putting": "put", "making": "make", "pushing": "push", "marking": "mark", "emailing": "email", "writing": "write",
           "giving": "give", "assigning": "assign", "closing": "close", "bumping": "bump", "noting": "note"}
#: A third-person pronoun for a person ("he", "her", "his", "she's").
_PERSON_PRONOUN = re.compile(r"\b(?:he|she|him|her|his|hers)\b", re.I)
#: A title of address before a surname: "Mr. Chen at Acme" is the Chen there (the CRM keeps no such titles).
_TITLE_OF_ADDRESS = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+(?=(?P<n>[A-Z][a-z'-]+))")
#: An amount said as a range: "anywhere from 90 to 120k", "somewhere between 60 and 70k" ("from 50k to 65k" is a change).
_AMOUNT_RANGE = re.compile(r"\b(?:(?:anywhere|somewhere)\s+(?:from\s+|between\s+)?|between\s+)\$?(?P<a>\d[\d,.]*\s*(?:k|grand|thousand)?)"
                           r"\s+(?:to|and)\s+(?:a\s+)?(?:\$\s?)?(?P<b>\d[\d,.]*\s*(?:k|grand|thousand|million)?)(?!\s*(?:%|percent|seats|users|people|days|weeks|months))\b",
                           re.I)
#: A figure picked from a range said: "call it the midpoint", "put the low end", "go with 90".
_RANGE_PICKED = re.compile(r"\b(?:low|high|top|bottom|lower|upper)\s+end\b|\bmid-?point\b|\bmiddle\b|\b(?:call it|let'?s say|go with|make it|"
                           r"put (?:in|down))\s+\$?\d", re.I)
#: Someone away until a date: "on leave until", "out until", "travelling till", "back on".
_AWAY_UNTIL = re.compile(r"\b(?:on leave|out|away|off|travel(?:l)?ing|on (?:vacation|holiday|pto|parental leave|sick leave)|"
                         r"unavailable|ooo|out of (?:the )?office|back)\b[^,.;]{0,20}\b(?:until|till|til|through|on|in)\s+(?:the\s+)?$", re.I)


#: Command words said right before a person's name ("Email Clari at Pinecrest").
_VERB_BEFORE_NAME = frozenset("email e-mail call ping text book meet message phone ring invite cc loop thank remind".split())
#: "Remind me to call Nina Patel tomorrow and James Whitfield on Tuesday": one verb, two people, a day each.
_TWO_TO_REMIND = re.compile(r"^\W*(?:(?:please|ok|okay|so|and|also)\W+)*(?:remind me|set (?:a )?reminders?|make (?:a )?tasks?)\s+to\s+"
                            r"(?P<v>call|email|e-mail|ping|phone|text|chase|follow up with|check in with)\s+(?P<a>.+?)\s+and\s+"
                            r"(?P<b>(?-i:[A-Z]).+?)\W*$", re.I)
#: Domain endings an e-mail address ends with: the ones a web address is read with (R.TLDS) and more country codes.
_KNOWN_TLDS = frozenset(re.findall(r"[a-z]+", R.TLDS)) | frozenset("""test pt be ch at se no dk fi pl cz au nz jp cn in
br mx ar za sg hk kr il ae care finance legal services world email so to asia edu gov mil int""".split())
#: A weekday said with a day of the month: "Tuesday the twenty-fifth", "Friday December 4th", "Monday, the 30th".
_WEEKDAY_DATE = re.compile(r"\b(?P<w>monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+(?P<d>(?:the\s+)?"
                           r"(?:\d{1,2}(?:st|nd|rd|th)\b|(?:january|february|march|april|may|june|july|august|september|october|"
                           r"november|december)\s+\d|(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
                           r"\w+teenth|twentieth|twenty[- ]\w+|thirtieth|thirty[- ]first)\b))", re.I)


def _ordinal(n: int) -> str:
    """"st", "nd", "rd" or "th" for day ``n`` of a month."""
    return "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _deal_words_of(name: str) -> list[str]:
    """The words that tell a deal from its company's other deals: "TechCorp - Security Add-on" -> ["security add-on"]."""
    tail = name.split(" - ", 1)[1] if " - " in name else ""
    return [tail.lower()] if len(tail) > 3 else []


def _away_until(t: str, at: int) -> bool:
    """True when the date at ``at`` in ``t`` says until when someone is away ("on leave until February")."""
    lead = re.match(r"(?:until|till|til|through)\s+", t[at:], re.I)
    return bool(_AWAY_UNTIL.search(t[:at] + (lead.group(0) if lead else "")))


_IT_PRONOUN = re.compile(r"\b(?:it|that deal|the deal|this deal)\b", re.I)
#: A note whose first words after the command are a subject pronoun: it is about the record in view.
_PRONOUN_NOTE = re.compile(r"^\W*(?:please\s+)?(?:log|add|put|make)\s+(?:a\s+|an\s+)?(?:call|note|meeting|email)\b"
                           r"(?:\s+(?:for|on|with)\s+(?:him|her))?\s*[:,]\s*(?:he|she)\b", re.I)


#: A note's head naming a person at a company: "for Brian at Initech" (a first name, then at/from).
_UNKNOWN_PERSON_IN_HEAD = re.compile(r"^\s*(?:to|on|for|about)\s+(?P<n>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?:at|from|over at)\s+\S")


#: A word in a teammate's place as an owner: "Some should own ...", "Some is taking over ..." (see ``_users_heard``).
_USER_AS_OWNER = re.compile(r"(?:^|(?<=[.,;]\s))\W*(?P<w>[A-Za-z]+)(?:'s|\s+(?:should|will|is|'s|can|gets\s+to))\s+"
                            r"(?:own|take|taking|handle|handling|run|running|get|getting|pick\s+up|picking\s+up)\b", re.I)
#: "make some the owner of ...", "let some run Kestrel Partners", "give it to some": a word in a teammate's place.
_USER_MADE_OWNER = re.compile(r"\b(?:make|let|have|put)\s+(?P<w>[a-z]+)\s+(?:the\s+owner|own|run|take\s+over|handle|in\s+charge)\b", re.I)
#: The utterance ends by taking itself back: "..., ignore that", "scratch all that", "never mind".
_RETRACTED = re.compile(r"(?:^|[,.;!]\s*)(?:(?:just|please|oh|so|actually)\s+)?(?:ignore|disregard|scratch|forget)\s+"
                        r"(?:all\s+)?(?:that|this|everything|what i (?:just )?said)\s*[.!]?\s*$|"
                        r"(?:^|[,.;!?]\s*)(?:(?:actually|oh|so|okay|ok|well|hmm)\W+)*never\s*mind\s*[.!]?\s*$|"
                        # "please delete Acme, no wait, don't", "move it to lost... actually, don't do that"
                        r"[,.;!]\s*(?:(?:no|wait|actually|sorry|hmm|oh)\W+)*(?:don'?t|do not)(?:\s+(?:do\s+)?(?:that|it|this))?"
                        r"(?:\s+(?:yet|for now|after all))?\s*[.!]?\s*$|"
                        r"[,.;!]\s*(?:(?:no|wait|actually|sorry)\W+)*(?:cancel|scratch|forget)\s+(?:that|it)\s*[.!]?\s*$|"
                        # "..., anyway, no CRM stuff, just talking to myself": said aloud, not to the assistant
                        r"\b(?:no crm stuff|nothing for the crm|not for the crm|(?:just\s+)?talking to myself|"
                        r"(?:just\s+)?thinking out loud|not a command)\b[^.!?]*[.!]?\s*$", re.I)
RETRACTED_MESSAGE = "Okay, ignored: nothing to do."


def _deal_now(d: Any) -> dict[str, Any]:
    """A deal's amount (major units), stage label and close date (ISO) as a plan's fields would say them."""
    return {"amount": None if d.amount_cents is None else d.amount_cents / 100, "stage": d.stage_label,
            "close_date": d.close_date.isoformat() if d.close_date else None}


class OfflinePlanner:
    """The default planner: keyword rules over clauses + entity resolution with the index.

    Args:
        index: the workspace :class:`EntityIndex` (rebuild and swap it when the workspace changes).
    """

    def __init__(self, index: EntityIndex) -> None:
        self.index = index
        won = next((s.label for s in index.stages if s.is_won), None)
        lost = next((s.label for s in index.stages if s.is_lost), None)
        self._stages = R.stage_aliases([s.label for s in index.stages], won, lost)
        self._titles: tuple[re.Pattern[str] | None, dict[str, str]] | None = None

    def title_pattern(self) -> tuple[re.Pattern[str] | None, dict[str, str]]:
        """One regular expression for a person said by a job title the workspace has ("Globex's head of
        procurement", "the VP of Sales", "their CEO") and the map from each spoken form (lower case) to the
        title as stored (lower case); built once per index. ``(None, {})`` when no contact has a title."""
        if self._titles is None:
            title_of: dict[str, str] = {}
            runs_of: dict[str, str] = {}
            for t in self.index.job_titles:
                for form in (t, re.sub(r"^(vp|svp|evp)\s+(?!of\b)", r"\1 of ", t)):
                    title_of.setdefault(form, t)
            for t in self.index.job_titles:  # (the titles people hold first: a spoken form never shadows one)
                for form in _spoken_title_forms(t):
                    title_of.setdefault(form, t)  # "the ops VP", "Orbital's MD", "Vertex's data guy"
                if dept := re.match(r"^(?:head of|vp(?: of)?|director of)\s+(?P<d>[a-z][a-z &]+)$", t):
                    for d in {dept.group("d"), _DEPT_SHORT.get(dept.group("d"), dept.group("d"))}:
                        runs_of.setdefault(d, t)  # "whoever runs procurement"
            forms = sorted(title_of, key=len, reverse=True)
            pattern = re.compile(r"\b(?P<lead>the\s+(?-i:[A-Z])[\w&]*(?:\s+(?-i:[A-Z])[\w&]*){0,2}(?=\s+(?-i:[A-Z]|[a-z]))|the|their|its|"
                                 r"[A-Z][\w&]*(?:\s+[A-Z][\w&]*){0,3}(?:['\u2019]s|(?<=s)['\u2019]))\s+"
                                 r"(?:new\s+)?(?P<t>" + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms) + r")s?\b"
                                 r"(?!\s+(?:role|title|position|job|seat)\b)", re.I) if forms else None
            depts = sorted(runs_of, key=len, reverse=True)
            self._runs = re.compile(r"\b(?P<lead>whoever|the (?:person|guy|one|woman|man|lady) who)\s+(?:runs|heads|handles|leads|owns)\s+"
                                    r"(?P<t>" + "|".join(re.escape(d).replace(r"\ ", r"\s+") for d in depts) + r")\b", re.I) \
                if depts else None
            title_of.update({d: t for d, t in runs_of.items() if d not in title_of})
            self._titles = (pattern, title_of)
        return self._titles

    def plan(self, text: str, *, now: datetime, context: PlanContext | None = None) -> Plan:
        """Plan ``text``; never raises on odd input (returns a Plan with a ``message`` instead).

        While a question is open, actions with no record yet (other than creates and answers) are
        moved to :attr:`Plan.pending`: ``actions`` holds only what is certain whatever the answer.
        """
        plan = _send.recognise(self._plan(text, now=now, context=context), text, self.index, context)
        seen_once: set[tuple[str, str, str]] = set()
        unique = []
        for a in plan.actions:
            # ("Tom and Priya asked us to stop emailing, mark them do not contact": one change, said twice, planned once)
            key = (a.kind, f"{a.target.type}:{a.target.id}" if a.target else "", repr(sorted(a.fields.items())))
            if a.target is not None and key in seen_once and a.kind in ("update_contact", "update_deal"):
                continue
            seen_once.add(key)
            unique.append(a)
        plan.actions = unique
        if nameless := [a for a in plan.actions if a.kind == "create_contact"
                        and not (a.fields.get("first_name") or a.fields.get("last_name"))]:
            # "Add the owner as a contact", a name the rules could not place: a contact with no name is
            # never created; the name is asked
            plan.actions = [a for a in plan.actions if all(a is not b for b in nameless)]
            question = "What is the new contact's name? Say it and I'll add them."
            plan.clarifications = [*plan.clarifications, question]
            plan.candidates = [*plan.candidates, []]
            plan.message = plan.message or question
        for a in plan.actions:
            if a.kind == "update_deal" and a.target is not None and a.target.id.isdigit() \
                    and int(a.target.id) in self.index.deals and len(a.fields) > 1:
                # "We signed Northwind, thirty six k as planned, mark it won": the amount it already
                # has is no change; only what changes is planned - unless the field is named
                # ("blue harbor amount 12k, stage negotiation, close date dec 20": all three are set)
                same = _deal_now(self.index.deals[int(a.target.id)])
                said = {k for k, cue in _FIELD_NAMED.items() if cue.search(plan.transcript or text)}
                kept = {k: v for k, v in a.fields.items() if k not in same or same[k] != v or k in said}
                if kept and kept != a.fields:
                    a.fields = kept
        unchanged = []
        for a in plan.actions:
            if a.kind == "update_deal" and a.target is not None and a.target.id.isdigit() \
                    and int(a.target.id) in self.index.deals and len(plan.actions) > 1 \
                    and (re.search(r"\b(?:it'?s|it is|is|was)\s+already\b|\balready\b|\bit'?s (?:marked|set as|in)\b",
                                   plan.transcript or text, re.I)
                         or set(a.fields) == {"stage"} and self.index.deals[int(a.target.id)].stage_label in ("Closed Won", "Closed Lost")):
                # ("the security add-on we lost", "we lost her starter plan back in October but Kara's back": a closed
                # deal told as history beside other work is no change to plan)
                # "they signed, so that's won. Oh wait, it's already marked won? Then just add a note ...":
                # a deal update that changes nothing, beside other work, is left out
                same = _deal_now(self.index.deals[int(a.target.id)])
                if a.fields and all(k in same and same[k] == v for k, v in a.fields.items()):
                    unchanged.append(a)
            if a.kind == "update_contact" and a.target is not None and a.target.id.isdigit() \
                    and int(a.target.id) in self.index.contacts:
                # "Felix, he's the sales director, right, he wants a call Monday": what the contact
                # already has is no change
                c = self.index.contacts[int(a.target.id)]
                now_has = {"job_title": (c.job_title or "").lower(), "company": (c.company_name or "").lower(),
                           "email": (c.email or "").lower(), "lifecycle_stage": c.lifecycle_stage or "",
                           "owner": c.owner or "", "do_not_contact": c.do_not_contact}
                kept = {k: v for k, v in a.fields.items()
                        if k not in now_has or now_has[k] != (v.lower() if isinstance(v, str) and k != "owner" else v)}
                said_to = " ".join((plan.transcript or text)[s0:e0] for s0, e0 in a.evidence)
                named = {k for k, cue in _CONTACT_FIELD_NAMED.items() if cue.search(plan.transcript or text)}
                if kept and len(kept) < len(a.fields) and "company" not in kept:
                    # "Nina Patel, she's the practice manager, mark her as sales qualified": the title she has
                    # is no change beside the real one - unless the field is named ("set her title to ...") or she
                    # moves company (the title at the new one is news: "moved to Orbital as their Head of Data")
                    a.fields = {k: v for k, v in a.fields.items() if k in kept or k in named or k != "job_title"}
                if not kept and len(plan.actions) > 1 and not re.search(
                        r"\b(?:set|mark|make|change|update|switch|put)\s+(?:him|her|them|(?-i:[A-Z])\w+(?:\s+(?-i:[A-Z])\w+)?)\s+(?:as|to)\b",
                        said_to, re.I):
                    unchanged.append(a)  # (a field said beside a real change is kept: it is what the user said;
                    # so is one the user tells to set: "set him as a marketing qualified lead")
        if unchanged:
            plan.actions = [a for a in plan.actions if not any(a is u for u in unchanged)]
            plan.requires_confirmation = any(not a.read_only for a in plan.actions)
        for a in [a for a in plan.actions if a.kind == "update_deal" and isinstance(a.fields.get("amount"), (int, float))
                  and a.fields["amount"] <= 0]:
            # "take 120% off", "came back at 110% off, so take 10% off": an amount of zero or less is
            # never written; it is asked about
            q = "That would leave the deal with no amount. What should the amount be?"
            a.fields = {k: v for k, v in a.fields.items() if k != "amount"}
            plan.clarifications = [q, *plan.clarifications]
            plan.candidates = [[], *plan.candidates]
            plan.message = q
            if not a.fields:
                plan.actions = [x for x in plan.actions if x is not a]
            plan.requires_confirmation = any(not x.read_only for x in plan.actions)
        made_now = [a for a in plan.actions if a.kind == "create_company" and a.fields.get("name")]
        named_cos = list(dict.fromkeys(m.ids[0] for m in self.index.find_mentions(plan.transcript or text)
                                       if m.kind == "company" and len(m.ids) == 1))
        for a in plan.actions:
            if a.kind == "create_deal" and not a.fields.get("company") and (len(made_now) == 1 or len(named_cos) == 1):
                # "New logo: Brightwater Analytics, ... Open a deal for them", "Tidal Media wants to come back. Open a new
                # deal ...": the one company created or named in the instruction
                co = str(made_now[0].fields["name"]) if len(made_now) == 1 else self.index.companies[named_cos[0]].name
                a.fields = {"company": co, **{k: (f"{co} - New Deal" if k == "name" and v == "New Deal" else v)
                                              for k, v in a.fields.items()}}
        made = {normalise(str(a.fields.get("name", ""))) for a in plan.actions if a.kind == "create_company"}
        for a in [a for a in plan.actions if a.kind == "create_deal"]:
            co = str(a.fields.get("company") or "")
            if co and normalise(co) not in self.index.company_full_keys and normalise(co) not in made:
                # "Create deal for Stark Industries, 50k": a company the workspace does not have is asked
                # about (create it too?); the deal waits for the answer
                keep = [(q, c) for q, c in zip(plan.clarifications, plan.candidates) if co.lower() not in q.lower()]
                q = (f"I don't know {co} in your workspace. Create the company too (\"add company {co}\"), "
                     f"or which company is the deal with?")
                shared: list[Target] = []
                if several := [m for m in self.index.find_mentions(co) if m.kind == "company" and len(m.ids) > 1]:
                    # "Open a new deal for Upland, 20k" with four Uplands: which one, not "I don't know Upland"
                    listed, shared = choices(self.index, "company", several[0].ids)
                    q = f"Which {co}: {listed}?"
                plan.clarifications = [q] + [q0 for q0, _ in keep]
                plan.candidates = [shared] + [c0 for _, c0 in keep]
                plan.message = q
                plan.actions = [x for x in plan.actions if x is not a]
                plan.pending = [*plan.pending, a]
                plan.requires_confirmation = any(not x.read_only for x in plan.actions)
        if plan.clarifications:
            which_date = any(q.startswith("Which date:") or re.match(r"\w+day or the \d", q) for q in plan.clarifications)
            waiting = [a for a in plan.actions if (a.target is None or which_date and {"due_date", "close_date"} & set(a.fields))
                       and not a.read_only and a.kind not in ("create_contact", "create_company", "create_deal")]
            if waiting:
                plan.actions = [a for a in plan.actions if not any(a is w for w in waiting)]
                plan.pending = waiting
                plan.requires_confirmation = any(not a.read_only for a in plan.actions)
        return plan

    def _typed_digits(self, am: Any, digits: str) -> bool:
        """True when the amount at ``am`` in ``digits`` was written with a thousands separator or a currency sign
        ("$5,025"), as a typist writes it - not a recogniser's run of digits."""
        said = digits[max(0, am.start - 1):am.end]
        return "," in said or "$" in said

    def _one_word_keys(self) -> dict[str, list[str]]:
        """The index's one-word company keys by first letter (built once per index, for
        :meth:`_Build._heard_deal_names`)."""
        by: dict[str, list[str]] | None = getattr(self, "_keys_by_letter", None)
        if by is None or getattr(self, "_keys_for", None) is not self.index:
            by = {}
            for key in self.index.company_keys:
                if " " not in key and len(key) >= 3:
                    by.setdefault(key[:1], []).append(key)
            self._keys_by_letter: dict[str, list[str]] = by
            self._keys_for: EntityIndex = self.index
        return by

    def _truecase(self, text: str) -> str:
        """Capitals for an instruction typed all in lower case ("hand initech to casey", "new lead
        jenna park, cto at vertex"): the workspace's records and users as they are written, and a
        name after "to/named/called" or a new contact's name, so the rules that look for names
        find them. Only letters change case: character positions (evidence spans) stay the same.
        Text with any capital letter comes back unchanged."""
        if text != text.lower() or not re.search(r"[a-z]", text):
            return text
        if (note := _NOTE_PREFIX.match(text)) and note.start("body") > 0:
            # a note's words are data: only its command ("add a note to priya natarajan:") is truecased
            return self._truecase(text[:note.start("body")]) + text[note.start("body"):]
        chars = list(text)
        for m in self.index.find_mentions(text):
            chars[m.start:m.end] = list(text[m.start:m.end].title())
        out = "".join(chars)
        users = {u.split()[0].lower() for u in self.index.users}
        out = re.sub(r"\b[a-z]+\b", lambda w: w.group(0).capitalize() if w.group(0) in users else w.group(0), out)
        out = re.sub(r"\b(?P<cue>to|for)\s+(?P<w>[a-z][a-z'-]+)\b",
                     lambda m: f"{m.group('cue')} {m.group('w').capitalize()}" if m.group("w") not in STOPWORDS
                     and m.group("w") not in _LOWER_WORDS and not _NUMBER_WORD.fullmatch(m.group("w")) else m.group(0), out)
        out = re.sub(r"\b(?P<cue>named|called)\s+(?P<ws>[a-z][a-z'-]*(?:\s+(?!(?:in|at|with|from|based|and|on|for|to)\b)[a-z][a-z'-]*){0,3})",
                     lambda m: f"{m.group('cue')} {m.group('ws').title()}", out)
        out = re.sub(r"\bwith\s+(?P<w>[a-z][a-z'-]+)(?=\s+(?:from|at)\s+[A-Z])",
                     lambda m: f"with {m.group('w').capitalize()}" if m.group("w") not in STOPWORDS else m.group(0), out)
        out = re.sub(r"\b(?P<cue>new (?:lead|contact|person):?|add(?: a)?(?: new)? contact:?|add|with)\s+(?P<a>[a-z][a-z'-]+)\s+(?P<b>[a-z][a-z'-]+)(?=\s*,)",
                     lambda m: f"{m.group('cue')} {m.group('a').capitalize()} {m.group('b').capitalize()}"
                     if m.group("a") not in STOPWORDS and m.group("b") not in STOPWORDS else m.group(0), out)
        out = re.sub(r"\b(?P<cue>(?:new|their|'s)\s+)(?P<t>ceo|cfo|cto|coo|cmo|cro)\s+(?P<w>[a-z][a-z'-]+)(?=\s*(?:[,.;!?]|$))",
                     # "log call w acme's new cfo jessica": a name after a new title, at the clause's end
                     lambda m: f"{m.group('cue')}{m.group('t').upper()} {m.group('w').capitalize()}"
                     if m.group("w") not in STOPWORDS and m.group("w") not in _LOWER_WORDS else m.group(0), out)
        return out[:1].upper() + out[1:]

    def _plan(self, text: str, *, now: datetime, context: PlanContext | None = None) -> Plan:
        """Plan ``text`` (see :meth:`plan`); a part of an utterance planned on its own (a command
        segment, the words after a correction) is not truecased again: only a whole utterance typed
        all in lower case is."""
        outer = not getattr(self, "_inside", False)
        self._inside = True
        if outer:
            # the people said in full anywhere in the instruction: a first name alone in a part planned on its own
            # ("Uma Quist and their office manager ... And book a follow-up with Uma") is that person
            self._said_full = {m.ids[0] for m in self.index.find_mentions(text)
                               if m.kind == "contact" and len(m.ids) == 1 and " " in m.text.strip() and not m.partial}
        try:
            plan = self._plan_text(text, now=now, context=context, truecase=outer)
            if outer:
                guards.tidy(plan, self.index)
            return plan
        finally:
            if outer:
                self._inside = False
                self._said_full = set()

    def _with_step(self, hidden: str, step: str, at: int, now: datetime, context: PlanContext | None, transcript: str) -> Plan:
        """Plan ``hidden`` (an instruction whose next step's words were replaced by ``rewrites.STEP_PLACEHOLDER`` at
        ``at``), then put ``step`` back as the next step it sets; evidence after the step moves back by the length
        the placeholder took away."""
        self._hiding_step = True
        try:
            got = self._plan(hidden, now=now, context=context)
        finally:
            self._hiding_step = False
        shift = len(step) - len(rewrites.STEP_PLACEHOLDER)
        end = at + len(rewrites.STEP_PLACEHOLDER)
        for a in got.actions:
            for k, v in a.fields.items():
                if isinstance(v, str) and rewrites.STEP_PLACEHOLDER in v.lower():
                    said = step if k == "next_step" and v.lower() == rewrites.STEP_PLACEHOLDER else None
                    a.fields[k] = T.cap(said) if said else re.sub(rewrites.STEP_PLACEHOLDER, step, v, flags=re.I)
            a.evidence = [(s0 if s0 <= at else s0 + shift, e0 + shift if e0 >= end else e0) for s0, e0 in a.evidence]
        return got.model_copy(update={"transcript": transcript})

    def _related(self, m: re.Match[str], text: str, ctx: Target | None) -> str:
        """The person named after a relation ("Tom's colleague Rachel Adams" -> "Rachel Adams"); when the person is
        being added (a new contact) and no company is said, with the related person's company ("Add Priya's colleague
        Marco Visser" -> "Add Marco Visser at Globex Logistics")."""
        name = m.group("name")
        adding = re.search(r"\b(?:add|create)\s+(?:a\s+(?:new\s+)?contact\s+(?:for\s+)?)?$", text[:m.start()], re.I)
        if adding is None or any(c.name.lower() == name.lower() for c in self.index.contacts.values()) \
                or re.search(r"\b(?:at|from)\s+(?-i:[A-Z])|^[^.;]*\bthere\b", text[m.end():]):
            return name  # ("Add Carla Ortiz's colleague Mateo Ruiz as a contact there": the company said another way)
        co = introductions.related_company(m.group("whose").removesuffix("'s"), self.index, ctx)
        return f"{name} at {co}" if co else name

    def _person_said(self, who: str, before: str, ctx: Target | None) -> str | None:
        """The contact ``who`` names, as words the planner resolves, or None when it is not one person.

        ``who`` is a name ("Ava Novak", "Priya": a first name the workspace has once, or one said in full
        earlier) or "him"/"her", which is the one person named in ``before`` (or the contact in view, ``ctx``)."""
        if who.lower() in ("him", "her"):
            named = {i for m in self.index.find_mentions(before) if m.kind == "contact" and len(m.ids) == 1 for i in m.ids}
            if len(named) == 1:
                return self.index.contacts[next(iter(named))].name
            if not named and (in_view := self.index.contact_in_view(ctx)) is not None:
                return self.index.contacts[in_view].name
            return None
        ok = any(m.kind == "contact" and (not m.partial or len(m.ids) == 1
                                          or len(set(m.ids) & getattr(self, "_said_full", set())) == 1)
                 for m in self.index.find_mentions(who))
        return who if ok else None

    def _users_heard(self, text: str) -> str:
        """``text`` with a teammate's first name put back where the recogniser wrote a word that sounds like it in an
        owner's place ("Some should own the Cedar Group deal", "make some the owner of ...", "let some run Kestrel": Sam),
        when exactly one workspace user's first name has that word's sound (Metaphone). Unchanged otherwise."""
        firsts = {u.split()[0] for u in self.index.users if u.split()}
        if not firsts:
            return text

        def put(m: re.Match[str]) -> str:
            said = m.group("w")
            if said.lower() in {f.lower() for f in firsts} or said.lower() in self.index.first_names:
                return m.group(0)
            alike = [f for f in firsts if jellyfish.metaphone(f) == jellyfish.metaphone(said)]
            if len(alike) != 1:
                return m.group(0)
            return m.group(0)[:m.start("w") - m.start()] + alike[0] + m.group(0)[m.end("w") - m.start():]

        text = _USER_AS_OWNER.sub(put, text)
        return _USER_MADE_OWNER.sub(put, text)

    def _plan_text(self, text: str, *, now: datetime, context: PlanContext | None, truecase: bool) -> Plan:
        clean, truncated = sanitise(text)
        clean = _TITLE_OF_ADDRESS.sub(lambda m: "" if m.group("n").lower() in self.index.last_names else m.group(0), clean)
        # ("Mr. Chen at Acme": the Chen there; "a Dr. Albright", whom the workspace lacks, keeps the title it is asked by)
        transcript = clean
        self._said = clean  # (as said, before corrections are applied: "fifty k, no, five hundred, ... I don't know")
        if not clean or not re.search(r"[A-Za-z0-9]", clean):
            return Plan(transcript=transcript, message=EMPTY_MESSAGE)
        ctx = context.target if context else None
        tidied = expand_terse(expand_shorthand(strip_fillers(unglue_addresses(clean, self.index.near_domain))), self._stages)
        tidied = (self._truecase(tidied) if truecase else tidied)[:MAX_INPUT_CHARS]
        if tidied != clean:  # (cut again: "w/" spelled out as "with" can lengthen a text already cut)
            transcript = tidied  # evidence spans point into what is shown, so the fillers go from it too
        clean = rewrites.half_said(join_spoken_corrections(rewrites.join_fragments(self._users_heard(undo_early_slips(tidied)))))
        # "make her a sales qualified lead, and move Blue Harbor to qualified too. Oh wait, it's already there. Just her then.":
        # the second command is taken back because it is done; the first stands
        clean = re.sub(r"\s*,?\s+and\s+[^.!?]{3,80}[.!]\s*(?:oh,?\s+)?(?:wait|hang\s+on|hold\s+on)\W+(?:it'?s|that'?s|they'?re|she'?s|he'?s)\s+"
                       r"already\s+[^.!?]{1,40}[.!]\s*(?:(?:so\s+)?just\s+(?:her|him|them|that|the\s+\w+(?:\s+\w+)?)(?:\s+then)?|never\s*mind"
                       r"(?:\s+that)?)\W*$", ".", clean, flags=re.I)
        # "Set the Meadow Health amount to ninety k. Sorry, eighty-five.", "around forty k, maybe forty two. Let's go with forty
        # two.": a figure said again after a full stop, as a correction or the pick of the hedge before, replaces it
        clean = re.sub(r"(?:,|(?<=\w)[.!])\s*(?:(?:or\s+)?(?:maybe|possibly|perhaps|could\s+be)|no,?)\s+[^.!?,]{1,30}(?=[.!]\s+(?:so\s+)?(?:let'?s\s+(?:go\s+with|say|call\s+it|"
                       r"make\s+it)|go\s+with|call\s+it|make\s+it)\s)", "", clean, flags=re.I)
        # "... Friday at ten in the morning. Actually, make that eleven.": the hour taken back across the recogniser's full stop
        clean = re.sub(r"\b(morning|afternoon|evening|am|pm|o'clock)\s*[.!]\s+actually,?\s+(?=make\s+(?:it|that)\s+\w+\W*$)",
                       r"\1, actually, ", clean, flags=re.I)
        clean = re.sub(r"(?<=\w)\s*[.!]\s+(?:(?:(?:sorry|no|oops|wait|argh|ugh)\s*[,.!]?\s+)+(?:(?:i\s+mean|make\s+(?:it|that))\s+)?|"
                       r"(?:so\s+)?(?:let'?s\s+(?:go\s+with|say|call\s+it|make\s+it)|go\s+with|call\s+it|make\s+it)\s+)"
                       r"(?=(?:\$?\d|(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|"
                       r"fifty|sixty|seventy|eighty|ninety|a\s+hundred|half\s+a)\b)[^.!?]{0,24}[.!]?\s*$)",
                       ", actually no, ", clean, flags=re.I)
        # "Would you mind booking Linda for Wednesday at five to four?": a request, said politely, not a question
        clean = re.sub(r"\b(?:would|do)\s+you\s+mind\s+(?P<v>booking|logging|scheduling|setting|moving|adding|creating|updating|"
                       r"changing|drafting|sending|putting|making|pushing|marking|emailing|writing|giving|assigning|closing|"
                       r"bumping|noting)\b",
                       lambda m: "could you " + _GERUND[m.group("v").lower()], clean, flags=re.I)
        if (moved := _MOVED_TITLE.search(clean)) and any(m.kind == "contact" and not m.partial
                                                         for m in self.index.find_mentions(moved.group("who"))) \
                and all(_A_TITLE.search(moved.group(g)) and not [m for m in self.index.find_mentions(moved.group(g))
                                                                 if m.kind == "company"] for g in ("old", "new")):
            # "Tom Becker moved from COO to CEO at Northwind, please update him": his title changed
            clean = clean[:moved.start()] + f"change {moved.group('who')}'s job title to {moved.group('new')}" + clean[moved.end():]
        if (moved_to := _MOVED_TO_TITLE.search(clean)) and _A_TITLE.search(moved_to.group("new")) \
                and any(m.kind == "contact" and not m.partial for m in self.index.find_mentions(moved_to.group("who"))) \
                and not [m for m in self.index.find_mentions(moved_to.group("new")) if m.kind == "company"]:
            # "Victor Price moved to ops director, and ...": his new title
            said = moved_to.group("new")
            said = said.title() if said.islower() else said  # ("ops director" -> "Ops Director")
            clean = clean[:moved_to.start()] + f"change {moved_to.group('who')}'s job title to {said}" + clean[moved_to.end():]
        if (bumped := _PRONOUN_NEW_TITLE.search(clean)) and _A_TITLE.search(bumped.group("new")) \
                and (said := [m for m in self.index.find_mentions(clean[:bumped.start()])
                              if m.kind == "contact" and len(m.ids) == 1 and " " in m.text.strip()]) \
                and not [m for m in self.index.find_mentions(bumped.group("new")) if m.kind == "company"]:
            # "Tom Becker, he's not COO anymore, he got bumped to CEO": the person just named
            new_title = bumped.group("new")
            new_title = new_title.title() if new_title.islower() else new_title
            clean = clean[:bumped.start()] + f"change {self.index.contacts[said[-1].ids[0]].name}'s job title to {new_title}" \
                + clean[bumped.end():]
        if (back := _PERSON_BACK_TO.search(clean)) and (who := self._person_said(back.group("who"), clean[:back.start()], ctx)) \
                and not re.search(r"\b(?:deal|opportunity|opp)\b", clean, re.I):
            # "Move Ava Novak at Meadow Health back to lead", "Dan Moreau ... Set him back to lead": a person's lifecycle
            # stage, not her company's deal
            clean = clean[:back.start()] + f"set {who}'s lifecycle stage to {back.group('lc').lower()}" + clean[back.end():]
        if (only := _ONLY_THE.search(clean)) and (kept := _keep_only(clean[:only.start()], only.group("what"))):
            clean = kept  # "..., and make Tom the main contact... actually just the do not contact bit for now"
        if (bare := _BARE_HANDOVER.match(clean)) and not _TERSE_VERB.search(bare.group("rec")):
            # "quartz partners deal to sam", "yusuf khan -> morgan": a record handed to a workspace user
            who = bare.group("who").lower()
            user = next((u for u in self.index.users if who in (u.lower(), u.split()[0].lower())), None)
            if user is not None and self.index.find_mentions(bare.group("rec")):
                clean = f"assign {bare.group('rec')} to {user}"
        # "we're at sixty now, right? Let's make it sixty five": a tag question before a request asks nothing
        clean = re.sub(r",\s*(?:right|yeah|no|correct|isn'?t it|aren'?t we)\?\s+(?=(?:let'?s|make|set|move|push|change|update|and)\b)",
                       ". ", clean, flags=re.I)
        # "and log it as... no, just draft it", "move Northwind to proposal... no, it's already in negotiation, leave
        # it": a command trailed off and taken back is dropped
        clean = re.sub(r"(?:[,;]?\s*(?:\band\s+)|(?<=[.!?])\s+(?:and\s+)?|^)(?P<cmd>[^.,;!?]*?)(?:\.\.\.|\u2026)\s*(?:(?:hmm|um|uh|well|wait)\W+)*no\W+"
                       r"(?:(?:it'?s|that'?s|they'?re)\s+already\s+[^,.;]+[,;]?\s*)?(?:leave\s+it|forget\s+(?:it|that)|never\s*mind|"
                       r"scratch\s+that|don'?t\s+bother|just\s+(?:draft|book|log|send|add|do)\s+(?:it|that|the\s+\w+))\b[^.!?]*[.!?]?",
                       "", clean, flags=re.I).strip() or clean
        if taken_back := _DELETE_TAKEN_BACK.match(clean):
            # "Remove Ava Vogel, she's gone. Actually, don't delete her, just mark her do not contact.", "Delete Iris Novak.
            # Actually no, scratch that, we still need her.": the deletion is withdrawn; only what is said after counts
            rest = taken_back.group("rest").strip()
            if not rest or re.fullmatch(r"(?:we|i)\s+(?:still\s+)?(?:need|want|use|keep)\s+(?:her|him|them|it)\W*|"
                                        r"(?:keep|leave)\s+(?:her|him|them|it)(?:\s+(?:in|there))?\W*", rest, re.I):
                msg = "Nothing to do: you took the deletion back."
                return Plan(transcript=transcript, message=msg)
            named = [m for m in self.index.find_mentions(taken_back.group("cmd")) if len(m.ids) == 1]
            if named and named[0].kind == "company" and len(self.index.open_deals(named[0].ids[0])) == 1 \
                    and re.search(r"\b(?:deal|opportunity|opp)\b", taken_back.group("cmd"), re.I):
                seen: Target | None = self.index.target("deal", self.index.open_deals(named[0].ids[0])[0])
            else:
                seen = self.index.target(named[0].kind, named[0].ids[0]) if named else ctx
            return self._plan(rest, now=now, context=PlanContext(target=seen)).model_copy(update={"transcript": transcript})
        if _VENTING.search(clean) and not _IMPERATIVE.search(_VENTING.sub("", clean)) and not _NOTE_PREFIX.match(clean):
            # "Remind me why I started a company again. Kidding, nothing to do here, just venting.": no request
            return Plan(transcript=transcript, message="Nothing to do here - I didn't hear a request for the CRM.")
        if _RETRACTED.search(clean):
            # "ugh, sorry, I was talking to my dog, ignore that": the utterance takes itself back
            return Plan(transcript=transcript, message=RETRACTED_MESSAGE)
        if (restart := _restart_at(clean)) and restart.start() > 0:
            return self._restarted(clean, restart, now, ctx, truncated)
        if (rm := re.match(r"^\W*(?:(?:please|so|and|now|then)\s+)*remove\s+(?P<rec>(?:[\w&'.-]+\s+){1,5}?)(?:back\s+)?(?:to|into)\s+(?P<st>.+)$",
                           clean, re.I | re.S)) and R.stage_phrase(f"move it to {rm.group('st')}", self._stages):
            # "Remove Redwood Systems to negotiation": "move" misheard - a stage move, never a deletion
            clean = clean[:rm.start()] + re.sub(r"(?i)\bremove\b", "Move", clean[rm.start():], count=1)
        # "three hundred fifty k... hmm, no, thirty-five k": the value said after the trailing off replaces it
        clean = re.sub(r"(?:\.\.\.|\u2026)\s*(?:(?:hmm|um|uh|well|wait)\W+)*no\s*,\s*(?=(?:make\s+it\s+)?(?:\$?\d|one|two|three|four|five|six|seven|"
                       r"eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a\s+hundred))",
                       ", actually no, ", clean, flags=re.I)
        clean = expand_gapping(correct_self(correct_respelt_name(_one_phone_number(clean))))
        # ("Give the Upland Works deal, no wait, Upland Ventures, to Morgan" corrected to "... Upland Ventures deal, to
        # Morgan": the pause before "to" goes with the words taken back)
        clean = re.sub(r"\b(deal|account|opportunity|opp|renewal)\s*,\s+(?=(?:to|into|over to|as)\s)", r"\1 ", clean, flags=re.I)
        # "His deal, move it to proposal sent? No, it's in negotiation and staying there, just add five K": a change asked
        # of oneself and answered no is not made (what follows the "no" is)
        clean = re.sub(r"\b(?:should i\s+|shall i\s+|do i\s+)?(?:move|put|mark|push)\s+(?P<rec>[^.?!]*?)\s*(?:\bto|\binto|\bin|\bas)\s+[^.?!]*?(?:\?|,)\s+no\b[,.]?\s+"
                       r"(?=[^.?!]*\b(?:stays?|staying|leave it|keep it (?:as is|where it is|there|the same)|as it is|where it is|not yet|don'?t)\b)",
                       lambda m: f"leave the stage of {m.group('rec')} alone, ", clean, flags=re.I)
        clean = re.sub(r"(leave the stage of [^,]* alone, )(?:(?:but\s+)?(?:keep it (?:as is|where it is|there|the same)|leave it(?: as is| alone|"
                       r" there| where it is)?|it stays(?: there| put)?)\s*[,.]?\s*)", r"\1", clean, flags=re.I)
        # "Book Tom's colleague Rachel Adams for Monday": the person named is the one meant (whose colleague is an aside)
        clean = re.sub(r"\b(?P<whose>(?!(?:Book|Log|Call|Email|Ping|Invite|Schedule|Meet|Add|Ask|Tell|Text|Draft|Remind)\b)"
                       r"(?-i:[A-Z])[a-z]+(?:\s+(?-i:[A-Z])[a-z]+)?'s|his|her|their)\s+(?:colleague|boss|manager|assistant|"
                       r"co-?founder|counterpart|deputy|replacement|successor)\s*,?\s+(?P<name>(?-i:[A-Z])[a-z]+\s+"
                       r"(?:(?-i:de|van|von|der|den|da|di|du|del|della|dos|das|la|le|ter|ten)\s+){0,2}(?-i:[A-Z])[a-z'-]+)",
                       lambda m: self._related(m, clean, ctx), clean)
        # "Log calls with both Victor Price and Leo Vogel": one call each (said as one "call with ... and ...")
        clean = re.sub(r"\b(log|record)\s+(call|meeting|email)s\s+with\s+(?:both\s+)?", r"\1 a \2 with ", clean, flags=re.I)
        # "with Tom, Tom Becker, he ...": a first name said again with the last name is one person
        clean = re.sub(r"\b(?-i:([A-Z][a-z]+))[,.]?\s+\1\s+(?-i:([A-Z][a-z]+))\b", r"\1 \2", clean)
        # "Set Felix, Ueda, Delta, Works, the Customer": a recogniser's commas inside a name the workspace has
        idx = self.index
        clean = re.sub(r"\b(?-i:([A-Z][a-z]+)),\s+(?-i:([A-Z][a-z]+))\b",
                       lambda m: f"{m.group(1)} {m.group(2)}" if f"{m.group(1)} {m.group(2)}".lower() in idx.full_names
                       or f"{m.group(1)} {m.group(2)}".lower() in idx.company_keys else m.group(0), clean)
        if _PERCENT_CHANGE_ASKED.search(clean) and not _PERCENT_CHANGE_REFUSED.search(clean) \
                and not re.search(r"\b(?:draft|write|compose|e-?mail|message|note)\b", clean, re.I):
            # (an e-mail or note that offers a discount says so in its words: "offer a ten percent loyalty discount")
            # "they're asking for a ten percent discount, drop the amount accordingly", "we agreed on a ten
            # percent uplift, update the deal": a relative change the user asks for (a request only reported
            # - "they want a 10% discount" - changes nothing)
            clean = _PERCENT_CHANGE.sub(lambda m: f"{'cut' if m.group('dir').lower() in _PERCENT_DOWN else 'increase'} by "
                                                  f"{m.group('n')} percent", clean)
        if (created := introductions.split_creates(clean, self.index)) is not None:
            return self._each_created(clean, created, now, context)
        clean = introductions.rewrite(clean, self.index, ctx)
        clean = accordingly.rewrite(clean, now.date())
        clean = rewrites.rewrite(clean, self.index, now.date(), ctx)
        hidden, step, step_at = rewrites.hide_next_step(clean)
        if step is not None and not _NOTE_PREFIX.match(clean) and not getattr(self, "_hiding_step", False):
            # "Set the Vertex next step to schedule the kickoff with Oliver": the step's words are data, like a note's
            return self._with_step(hidden, step, step_at, now, context, transcript)
        if (segments := _command_segments(clean)) and not _NOTE_PREFIX.match(clean):
            return self._segmented(clean, segments, now, ctx, truncated)
        if not _NOTE_PREFIX.match(clean) and (each := several.counted(clean, self.index)) is not None:
            clean = each  # "Log two calls from this morning. Raj Zimmer wants ..., and Sofia Evans ...": one call each
        if not _NOTE_PREFIX.match(clean) and (segments := self._activity_segments(clean) or several.request_segments(clean, self.index)
                                                   or several.in_turn(clean, R.activity_type)):
            return self._segmented(clean, segments, now, ctx, truncated)
        if not _NOTE_PREFIX.match(clean):
            # "Other note to Felix Hughes. He typed ...": the recogniser's slips are undone in the
            # note's command only; its words stay verbatim
            parts = re.split(r"([.:]\s+)", clean, maxsplit=1)
            head = undo_asr_slips(parts[0])
            if head != parts[0] and len(parts) == 3 and (_NOTE_PREFIX.match(head + parts[1] + parts[2])
                                                         or _NOTE_PREFIX.match(head + ": " + parts[2])):
                clean = head + parts[1] + parts[2]
        if (nc := _NOTE_NO_COLON.match(clean)) and ":" not in clean[:nc.end()]:
            clean = f"Add a note {nc.group('h1') or nc.group('h2') or nc.group('h3') or nc.group('h4') or nc.group('h5')}: {clean[nc.end():]}"
        if not _NOTE_PREFIX.match(clean) and (dot := re.search(r"\.\s+(?=\S)", clean)) and ":" not in clean[:dot.start()]:
            # "Put a note on the Vertex deal. They want us to drop the SSO line item": the pause after
            # the note's record became a full stop; what follows is the note
            as_colon = clean[:dot.start()] + ": " + clean[dot.end():]
            if (m := _NOTE_PREFIX.match(as_colon)) and m.group("head") and m.end("head") == dot.start():
                clean = as_colon
        if (task_head := re.match(r"^\W*(?:(?:please|ok|okay|so)\W+)*(?:add|create|set|make|put)\s+(?:me\s+)?(?:a|an)\s+(?:task|reminder|to-?do)\s+"
                                  r"(?:on|for|to|against)\s+(?:the\s+)?[^.:,]{2,60}?(?:deal|account|opportunity|contact)?(?=\.\s+\S|"
                                  # "Create a task on the Redwood Systems deal, confirm their data migration is finished"
                                  r"(?<=deal|ount|nity|tact),\s+(?!(?:due|by|for|on|at|next|this|tomorrow|today|the|in|and|to|so|which|that|"
                                  r"it|due)\b)(?-i:[a-z])[a-z]+\s)",
                                  clean, re.I)) and ":" not in clean[:task_head.end()]:
            # "Add a task on the Cedar Group deal. Send the brand guidelines PDF, due the fourth.": the pause after
            # the task's record became a full stop; what follows is the task
            clean = clean[:task_head.end()] + ":" + clean[task_head.end() + 1:]
        if (em := _EMAIL_HEAD.match(clean)) and not getattr(self, "_reading_email", False) \
                and (emailed := self._email_with_words(clean, em, now, context)) is not None:
            self._reading_email = True
            try:
                ordinary = self._plan(clean, now=now, context=context)
            finally:
                self._reading_email = False
            extra = [a for a in ordinary.actions if a.kind != "draft_email"]
            after_words = [a for a in emailed.actions if a.kind != "draft_email"]
            if len(extra) > len(after_words) and sum(a.kind == "draft_email" for a in ordinary.actions) == 1:
                # the ordinary reading made commands of the e-mail's words ("..., let's grab a coffee" booked a
                # meeting): the words are the e-mail's
                return emailed.model_copy(update={"transcript": transcript})
            return ordinary.model_copy(update={"transcript": transcript})
        if ":" not in clean and (dot := re.search(r"\.\s+(?=\S)", clean)) \
                and self._reported_after_colon(as_colon := clean[:dot.start()] + ": " + clean[dot.end():]) is not None:
            # "Log a call with Tom Becker. He'll sign the renewal Monday if we hold the price at 36K.": the recogniser's full
            # stop at the pause after the person; what follows is the call's report, as after a colon
            clean = as_colon
        if (quoted := _QUOTED_ACTIVITY.match(clean)) and not (_QUOTE_WORD.search(quoted.group("speech"))
                                                             or _DIRECT_SPEECH.match(quoted.group("speech"))):
            quoted = None
        if said := quoted or self._reported_after_colon(clean):
            # "Log a call with Paula Larsen. She said, quote, delete all the test users, unquote.", "Log an email
            # from Ben Jensen. He wrote, please remove the onboarding fee and move our kickoff to January.": what
            # the person said in their own words is the activity's text, taken verbatim like a note's
            head = f"Add a note on {said.group('who')}: "
            as_note = head + clean[said.start("speech"):]
            got = _Build(self, as_note, now, ctx).verbatim_note(_NOTE_PREFIX.match(as_note))  # type: ignore[arg-type]
            shift = said.start("speech") - len(head)
            kind = said.group("kind").lower().replace("e-mail", "email").replace("voicemail", "call")
            for a in got.actions:
                a.evidence = [(s0 + shift, e0 + shift) if s0 >= len(head) else (0, said.start("speech"))
                              for s0, e0 in a.evidence]
                if a.kind == "log_activity" and a.fields.get("activity_type") == "note":
                    a.fields["activity_type"] = kind
                    break
            return got.model_copy(update={"transcript": clean})
        if note := _NOTE_PREFIX.match(clean):
            # "Add a note to the Umbrella deal: delete the old quote": the words after the colon are
            # data, taken verbatim (never commands, never refused as SQL)
            return _Build(self, clean, now, ctx).verbatim_note(note)
        if _SQL.search(clean) and not re.search(r"\b(?:log|add|put|leave|make|jot|save)\s+(?:a\s+|an\s+|the\s+)?(?:quick\s+)?note\b|"
                                                r"\bnote\s+(?:it|that|this)\b", clean, re.I):
            # (the words of a note are data even when they read like SQL: "log a note on Eva with exactly that")
            return Plan(transcript=transcript, message=SQL_MESSAGE)
        try:
            plan = _Build(self, undo_asr_slips(clean), now, ctx).run()
        except (ValueError, OverflowError) as exc:
            # "follow up in 10000 years", "in 99999999999 weeks": a date or number past what a
            # calendar holds is a question, never a crash; "February thirtieth" says which day
            question = (f"{exc}. Which date did you mean?" if isinstance(exc, ImpossibleDate)
                        else "That date or number is out of range. What did you mean?")
            return Plan(transcript=transcript, clarifications=[question], message=question)
        plan.transcript = transcript
        if truncated:
            cut = f"Only the first {MAX_INPUT_CHARS:,} characters were read."
            plan.message = f"{plan.message} {cut}" if plan.message else cut
        return plan


    def _reported_after_colon(self, text: str) -> re.Match[str] | None:
        """The match of :data:`_LOGGED_WITH_COLON` when ``text`` logs a call, meeting or e-mail with exactly one person
        of the workspace, named in full, and the words after the colon report what was said without asking for
        anything ("Log a call with Theo Price: he's bringing Zoe into the next meeting."): those words are the
        activity's text, and the people named in them are what was said, not the record. None otherwise."""
        m = _LOGGED_WITH_COLON.match(text)
        if m is None or any(_IMPERATIVE.search(part) or _ASKS.match(part)
                            for part in re.split(r"[.!?;,:]\s*|\s+(?:and|so|then|but)\s+", m.group("speech"))):
            return None
        named = self.index.find_mentions(m.group("who"))
        people = [x for x in named if x.kind == "contact"]
        if len(people) != 1 or len(people[0].ids) != 1 or people[0].partial or " " not in people[0].text.strip() \
                or any(x.kind == "contact" and x is not people[0] for x in named):
            return None
        return m

    def _email_with_words(self, text: str, em: re.Match[str], now: datetime, context: PlanContext | None) -> Plan | None:
        """"Draft an email to Ben Khan, we'd love to win Upland Media back, ... let's grab a coffee.": the words after
        the e-mail's recipient are its body, whatever they ask ("let's grab a coffee" books nothing), up to a sentence
        that is a CRM command of its own ("... Move Acme to negotiation."), which is planned after it. None when the
        e-mail has no words said (the ordinary rules read it)."""
        rest = text[em.end():]
        sentences = [x for x in R.SENTENCE_SPLIT.split(rest) if x.strip()]
        body: list[str] = []
        tail_first = ""
        for sent in sentences:
            if _CRM_COMMAND.match(sent):
                break
            if cut := re.search(r",?\s+and\s+(?=(?:then\s+)?(?:set|add|create|book|schedule|move|log|remind\s+me|update|mark|put|push|"
                                r"change|assign)\b)", sent, re.I):
                # "Draft an email to Kara, invoice reminder, and set a reminder to call her Friday": the command after "and"
                body.append(sent[:cut.start()].strip())
                tail_first = sent[cut.end():].strip()
                break
            body.append(sent.strip())
        said = " ".join(body).strip()
        if len(said.split()) < 3:
            return None
        got = self._plan(em.group("head"), now=now, context=context)
        drafts = [a for a in got.actions if a.kind == "draft_email"]
        if len(drafts) != 1 or got.clarifications:
            return None
        drafts[0].fields["body"] = T.cap(said.rstrip(" ."))
        drafts[0].evidence = [(0, len(em.group("head"))), (em.end(), em.end() + len(rest))]
        tail = " ".join([tail_first] * bool(tail_first) + sentences[len(body) + bool(tail_first):]).strip()
        if not tail:
            return got
        more = self._plan(tail, now=now, context=PlanContext(target=drafts[0].target))
        return Plan(transcript=text, actions=got.actions + more.actions, clarifications=more.clarifications,
                    candidates=more.candidates, message=more.message,
                    requires_confirmation=any(not a.read_only for a in got.actions + more.actions))

    def _each_created(self, text: str, parts: list[tuple[str, tuple[int, int]]], now: datetime,
                      context: PlanContext | None) -> Plan:
        """Plan several new records said in one breath (see :func:`introductions.split_creates`): each
        part on its own, evidence on the words it came from; a company every part creates is created once."""
        actions: list[Action] = []
        questions: list[str] = []
        candidates: list[list[Target]] = []
        made: set[str] = set()
        for said, (start, end) in parts:
            got = self._plan(said, now=now, context=context)
            for a in got.actions:
                if a.kind == "create_company":
                    if str(a.fields.get("name", "")).lower() in made:
                        continue
                    made.add(str(a.fields.get("name", "")).lower())
                actions.append(a.model_copy(update={"evidence": [(start, end)]}))
            for q, c in zip(got.clarifications, got.candidates, strict=False):
                if q not in questions:
                    questions.append(q)
                    candidates.append(c)
        return Plan(transcript=text, actions=actions, clarifications=questions, candidates=candidates,
                    message=questions[0] if questions else None,
                    requires_confirmation=any(not a.read_only for a in actions))

    def _segmented(self, text: str, segments: list[tuple[int, int]], now: datetime, ctx: Target | None,
                   truncated: bool) -> Plan:
        """Plan an instruction that creates a record among other commands ("Victor called ... Open a
        new deal for Summit Labs ..., and set a task to send him the order form") one command
        segment at a time, in order. Each segment sees the record the ones before it were about
        (a person for "him"/"her", else the last record) as context; actions keep their evidence."""
        actions: list[Action] = []
        questions: list[str] = []
        candidates: list[list[Target]] = []
        messages: list[str] = []
        last: Target | None = ctx
        last_person: Target | None = ctx if ctx is not None and ctx.type == "contact" else None
        for start, end in segments:
            part = text[start:end]
            seen = last_person if last_person is not None and PERSON_REF.search(part) else last
            made_co = next((a for a in reversed(actions) if a.kind == "create_company" and a.fields.get("name")), None)
            if made_co is not None and (their := re.match(
                    r"\W*(?:(?:and|also|then|please)\s+)*(?:(?:add|create)\s+(?:their|its|the)\s+(?P<t1>[a-z][a-z ]{1,30}?)\s*,\s*"
                    r"|(?:their|its)\s+(?P<t2>[a-z][a-z ]{1,30}?)\s+is\s+)"
                    r"(?P<first>(?-i:[A-Z])[a-z]+)\s+(?P<last>(?-i:[A-Z])[\w'-]+)(?P<rest>.*)$", part, re.I | re.S)):
                # "Add a company called Fernhill Dental, ... And add their office manager, Priscilla Moore, priscilla@...",
                # "We just landed Copperleaf Coffee ... Their marketing lead is Dana Whitmore, dana@...": its first contact
                title = (their.group("t1") or their.group("t2")).strip()
                said = f"Add {their.group('first')} {their.group('last')}, {title} at {made_co.fields['name']}{their.group('rest')}"
                fields = C.create_contact_fields(_spoken_domains(said), [], self.index)
                fields.update({"first_name": their.group("first"), "last_name": their.group("last"),
                               "company": made_co.fields["name"], "job_title": C.tidy_title(title)})
                actions.append(Action(kind="create_contact", fields=fields, evidence=[(start, end)]))
                continue
            if made_co is not None and (there := re.match(
                    r"\W*(?:(?:and|also|then|please)\s+)*(?:add|create|put)\s+(?P<first>(?-i:[A-Z])[a-z]+)\s+(?P<last>(?-i:[A-Z])[\w'-]+)"
                    r"\s+(?:there|at (?:it|them)|with them|as (?:their|its)\b)(?P<rest>.*)$", part, re.I | re.S)):
                # "Add a company called Fernway Health, ..., and add Lucy Hart there as Practice Director": the new
                # company's first contact
                rest = there.group("rest")
                said = f"Add {there.group('first')} {there.group('last')} at {made_co.fields['name']}" + (
                    f", she's their {rest.strip(' ,.')[3:].strip()}" if re.match(r"\s*as\s+(?!(?:a|an)\s+contact\b)", rest, re.I)
                    and rest.strip(" ,.")[3:].strip() else "")
                if re.search(r"\bas (?:their|its)\s*$", part[:there.start("rest")], re.I):
                    said = f"Add {there.group('first')} {there.group('last')} at {made_co.fields['name']}, she's their {rest.strip(' ,.')}"
                fields = C.create_contact_fields(_spoken_domains(said), [], self.index)
                fields.update({"first_name": there.group("first"), "last_name": there.group("last"),
                               "company": made_co.fields["name"]})
                actions.append(Action(kind="create_contact", fields=fields, evidence=[(start, end)]))
                continue
            got = self._plan(part, now=now, context=PlanContext(target=seen))
            if made_co is not None and "Which deal do you mean?" in got.clarifications \
                    and any(a.kind == "update_deal" and a.target is None for a in got.actions) \
                    and (m_new := R.IMPLIED_DEAL_RE.search(part)) and (m_new.group("art") or "").lower() != "the":
                # "New account: Corvid Labs, ... They want an outbound pilot at twelve grand, stage qualified": the
                # work the company just created wants is its first deal, not a change to a deal it does not have
                b = _Build(self, part, now, None)
                b.f = Focus()
                kind = " ".join(w for w in (m_new.group("new"), m_new.group("kind").strip(), m_new.group("noun"))
                                if w and w.lower() not in ("new", "another"))
                b._create_deal(R.stage_phrase(part, self._stages) or R.stage_mention(part, self._stages), text=part,
                               company=str(made_co.fields["name"]), kind=kind or None)
                got = b._finish()
            new_person: Target | None = None
            if _WHO_FOR in got.clarifications and any(a.kind == "create_contact" for a in actions):
                # "Add Ruth Okoye ..., and book an intro call with her": "her" is the contact just created
                i = got.clarifications.index(_WHO_FOR)
                del got.clarifications[i], got.candidates[i]
                made = max(j for j, a in enumerate(actions) if a.kind == "create_contact")
                who = " ".join(str(actions[made].fields.get(k, "")) for k in ("first_name", "last_name")).strip()
                new_person = Target(type="contact", id=f"new:{made}", name=who or "the new contact")
                if got.message == _WHO_FOR:
                    got = got.model_copy(update={"message": None})
            offset = len(actions)
            context_only = got.actions and all(a.kind == "log_activity" and a.fields.get("activity_type") == "note"
                                               for a in got.actions) \
                and not re.search(r"\b(?:note|log|record|jot)\b", part, re.I) and not _IMPERATIVE.search(part)
            if got.actions and all(a.kind == "answer" for a in got.actions) and not R.QUESTION_RE.search(part) \
                    and not A.QUESTION.search(part):
                # "Priya Natarajan is keen. Add a new contact, ...": a remark before the command is no question;
                # its record is only context
                got = got.model_copy(update={"actions": [], "message": None})
                people = [m for m in self.index.find_mentions(part) if m.kind == "contact" and len(m.ids) == 1]
                if people:
                    pid = people[0].ids[0]
                    last = last_person = Target(type="contact", id=str(pid), name=self.index.contacts[pid].name)
            for a in got.actions:
                if context_only:
                    # "Grace at Lumen wants to upgrade to the growth tier. Open a new deal ...": the
                    # sentence before the command is its reason, not a note of its own
                    last = a.target or last
                    last_person = a.target if a.target is not None and a.target.type == "contact" else last_person
                    continue
                update: dict[str, Any] = {"evidence": [(s0 + start, e0 + start) for s0, e0 in a.evidence]}
                if a.target and a.target.id.startswith("new:"):
                    update["target"] = a.target.model_copy(update={"id": f"new:{int(a.target.id[4:]) + offset}"})
                elif new_person is not None and a.target is None \
                        and a.kind in ("create_task", "book_meeting", "draft_email", "log_activity"):
                    update["target"] = new_person  # the task or meeting is for the contact just created
                actions.append(a.model_copy(update=update))
                if a.target is not None and not a.target.id.startswith("new:"):
                    last = a.target
                    if a.target.type == "contact":
                        last_person = a.target
            if not got.actions and not got.clarifications:
                # "Yusuf Rossi at Granite Labs, he emailed back. ... log his email": a segment that only reports
                # is about its person; "his" later is them
                reported = list(dict.fromkeys(m.ids[0] for m in self.index.find_mentions(part)
                                              if m.kind == "contact" and len(m.ids) == 1))
                if len(reported) == 1:
                    last_person = Target(type="contact", id=str(reported[0]), name=self.index.contacts[reported[0]].name)
            questions += got.clarifications
            candidates += got.candidates
            if got.message and not got.clarifications and not got.actions:
                continue  # a segment with nothing to do ("Quick update on Summit Labs:") adds no noise
            if got.message and got.message not in questions:
                messages.append(got.message)
        if not actions and not questions:
            return _Build(self, undo_asr_slips(text), now, ctx).run()
        plan = Plan(transcript=text, actions=actions, clarifications=questions, candidates=candidates,
                    message=(questions[0] if questions else " ".join(messages) or None))
        if truncated:
            extra = f"Only the first {MAX_INPUT_CHARS:,} characters were read."
            plan.message = f"{plan.message} {extra}" if plan.message else extra
        return plan

    def _activity_segments(self, text: str) -> list[tuple[int, int]]:
        """``[(start, end), ...]`` when ``text`` reports interactions with two or more different people in
        separate sentences ("First, I called Wendy Khan, no answer. Second, I emailed Ben Jensen the intro
        deck."): each is logged on its own person with its own words. A sentence that names nobody stays
        with the one before it (the first one with the one after it). ``[]`` otherwise."""
        cuts = [0] + [m.end() for m in _ACTIVITY_SENTENCE_END.finditer(text)] + [len(text)]
        spans = [(a, b) for a, b in zip(cuts, cuts[1:]) if text[a:b].strip()]
        if len(spans) < 2:
            return []
        spans = [(a + (e.end() if (e := _ENUMERATOR.match(text[a:b])) else 0), b) for a, b in spans]
        people: list[int | None] = []
        for a, b in spans:
            part = text[a:b]
            named = [m.ids[0] for m in self.index.find_mentions(part) if m.kind == "contact" and len(m.ids) == 1
                     and not m.partial]
            people.append(named[0] if named and R.activity_type(part) and not _IMPERATIVE.search(part)
                          # ("..., so log the meeting and set up a call with Theo Ortiz": a request, not a report)
                          and not re.search(r"\b(?:log|book|schedule|set up|remind|arrange)\b", part, re.I) else None)
        if len({p for p in people if p is not None}) < 2:
            return []
        merged: list[list[int]] = []
        for a, b in spans:
            names_one = bool(self.index.find_mentions(text[a:b]))
            if re.fullmatch(r"\W*(?:that'?s (?:it|all)|(?:and )?(?:that'?s|i'?m) done|done|thanks|thank you)\W*", text[a:b], re.I):
                continue  # "That's it."
            if not merged and not names_one:
                continue  # "Okay, logging a couple of things." before the first: a preamble
            if merged and not names_one:
                merged[-1][1] = b  # "No answer." / "She wants the deck.": with the sentence before
                continue
            merged.append([a, b])
        return [(a, b) for a, b in merged] if len(merged) >= 2 else []

    def _restarted(self, text: str, m: re.Match[str], now: datetime, ctx: Target | None, truncated: bool) -> Plan:
        """Plan a text in which the speaker took something back at ``m``: the words after the marker
        replace the command before it. Each part is planned on its own (the second with the first
        part's record as context, so "put it in proposal sent" knows what "it" is); the second
        part's actions replace the first part's actions of the same kind on the same record, or,
        when none match, the first part's last action. When the correction plans nothing the user
        is asked, and nothing from either part is written."""
        before, after = text[:m.start()].rstrip(" ,;"), text[m.end():]
        first = self._plan(before, now=now, context=PlanContext(target=ctx))
        focus = next((a.target for a in reversed(first.actions) if a.target is not None), None)
        if focus is None:
            # "Iris Fischer at Upland Works, she wants to cancel ... no wait, ..., so add a note ...": the person
            # the words before the marker are about, when they asked for nothing themselves
            people = {i for m in self.index.find_mentions(before) if m.kind == "contact" and len(m.ids) == 1 for i in m.ids}
            if len(people) == 1:
                pid = next(iter(people))
                focus = Target(type="contact", id=str(pid), name=self.index.contacts[pid].name)
        focus = focus or ctx
        person = next((a.target for a in reversed(first.actions) if a.target is not None and a.target.type == "contact"), None)
        # "... move the deal to Qualified, oh wait it's already there, never mind, just follow up with her": "her" is the
        # person the words before were about, not the deal named last
        second = self._plan(after, now=now, context=PlanContext(
            target=person if person is not None and _PERSON_PRONOUN.search(after) and not _IT_PRONOUN.search(after) else focus))
        if (bare := re.match(r"\W*(?P<v>[^,.;]{3,40}?)\s*(?=[,.;]|$)", after)) and first.actions and not first.clarifications \
                and (changed0 := self._redo_label(first.actions[-1], bare.group("v"))) is not None:
            # "bump him to marketing qualified, wait no, sales qualified, and book a call ...": the label said
            # after the marker replaces the one said before it; what follows it is planned on its own
            changed0.evidence = [(m.end(), m.end() + bare.end())]
            actions0 = first.actions[:-1] + [changed0]
            rest_at = m.end() + bare.end()
            if (more0 := re.match(r"[\s,.;]*(?:(?:and|then|also)\s+)*", text[rest_at:])) and text[rest_at + more0.end():].strip():
                start = rest_at + more0.end()
                then = self._plan(text[start:], now=now, context=PlanContext(target=changed0.target or focus))
                actions0 += [a.model_copy(update={"evidence": [(s0 + start, e0 + start) for s0, e0 in a.evidence]})
                             for a in then.actions]
                return Plan(transcript=text, actions=actions0, clarifications=then.clarifications, candidates=then.candidates,
                            message=(then.message if then.actions or then.clarifications else None) or first.message)
            return Plan(transcript=text, actions=actions0, message=first.message)
        redo_said = after[redo.end():] if (redo := _VALUE_REDO.match(after)) else ""
        more = _REDO_THEN.search(redo_said)  # "No wait, make it 85 and push the close date to ...": a command after
        if redo and first.actions and not first.clarifications and (
                changed := self._redo_value(first.actions[-1], redo_said[:more.start()] if more else redo_said, now)) is not None:
            # "Set Umbrella to two fifty k. Actually no, make it two hundred and seventy five",
            # "Book a call with Jonas Monday at ten. Scratch that, make it Tuesday at eleven":
            # the new value replaces the old one in the action it was said for
            said_end = m.end() + redo.end() + (more.start() if more else len(redo_said.rstrip()))
            changed.evidence = [(m.end(), said_end)]  # the card shows the redo
            actions = first.actions[:-1] + [changed]
            if more:
                start = m.end() + redo.end() + more.end()
                then = self._plan(text[start:], now=now, context=PlanContext(target=changed.target or focus))
                for a in then.actions:
                    a = a.model_copy(update={"evidence": [(s0 + start, e0 + start) for s0, e0 in a.evidence]})
                    same = next((x for x in actions if (x.kind, x.target) == (a.kind, a.target) and a.target is not None), None)
                    if same is not None and a.kind in ("update_deal", "update_contact"):
                        same.fields = {**same.fields, **{k: v for k, v in a.fields.items() if k not in same.fields}}
                        same.evidence = [*same.evidence, *a.evidence]
                    else:
                        actions.append(a)
                return Plan(transcript=text, actions=actions, clarifications=then.clarifications,
                            candidates=then.candidates, message=then.message or first.message)
            return Plan(transcript=text, actions=actions, message=first.message)
        if not second.actions and not second.clarifications and re.match(
                r"\W*(?:(?:i'?m|i am)\s+)?(?:just\s+)?(?:venting|kidding|joking|thinking out loud|rambling|talking to myself)\b"
                r"|\W*(?:forget (?:it|about it)|nothing|that'?s all|ignore (?:that|me|all that))\W*$", after, re.I):
            # "Remind me why I started a company again? Never mind, I'm just venting.": everything taken back, nothing asked
            return Plan(transcript=text, message="Okay, nothing to do.")
        if not second.actions and not second.clarifications and not first.actions and not first.clarifications:
            # "Ugh, what a week. Okay, never mind, nothing for now.": nothing was asked, so nothing is taken back
            return Plan(transcript=text, message=second.message or first.message)
        if not second.actions and not second.clarifications:
            question = "You took something back, but I didn't catch what to do instead. What should I change?"
            return Plan(transcript=text, clarifications=[question], message=question)
        def key(a: Action) -> tuple[str, str | None, str | None]:
            return a.kind, a.target.type if a.target else None, a.target.id if a.target else None

        replaced = {key(a) for a in second.actions}
        kept = [a for a in first.actions if key(a) not in replaced and not (a.target and a.target.id.startswith("new:"))]
        if len(kept) == len(first.actions) and kept:
            kept = kept[:-1]  # "Call Tom tomorrow. Scratch that, email him instead": the call is gone
        if any(a.target and a.target.id.startswith("new:") for a in kept):
            question = "You took something back, but I couldn't tell which part. What should I do?"
            return Plan(transcript=text, clarifications=[question], message=question)
        shift, offset = m.end(), len(kept)

        def moved(a: Action) -> Action:
            update: dict[str, Any] = {"evidence": [(s + shift, e + shift) for s, e in a.evidence]}
            if a.target and a.target.id.startswith("new:"):
                update["target"] = a.target.model_copy(update={"id": f"new:{int(a.target.id[4:]) + offset}"})
            return a.model_copy(update=update)

        redone = [moved(a) for a in second.actions]
        if not [a for a in first.actions if not a.read_only] and second.actions and not second.clarifications:
            # "Change Tom's title, the Chief Operating Officer. Actually no, he's CEO now": the question the
            # words taken back raised is moot
            first = first.model_copy(update={"clarifications": [], "candidates": [], "message": None})
        plan = Plan(transcript=text, actions=kept + redone,
                    clarifications=first.clarifications + second.clarifications,
                    candidates=first.candidates + second.candidates,
                    message=second.message or first.message)
        if truncated:
            plan.message = f"{plan.message} Only the first {MAX_INPUT_CHARS:,} characters were read." \
                if plan.message else f"Only the first {MAX_INPUT_CHARS:,} characters were read."
        return plan


    def _redo_label(self, action: Action, said: str) -> Action | None:
        """``action`` with a lifecycle stage or a deal stage said on its own after a correction marker
        ("sales qualified", "proposal sent") in place of the one it has; None when ``said`` is not
        such a label or the action has no such field."""
        if action.kind == "update_contact" and "lifecycle_stage" in action.fields and (life := _lifecycle(f"as {said}")):
            return action.model_copy(update={"fields": {**action.fields, "lifecycle_stage": life}})
        if action.kind == "update_deal" and "stage" in action.fields \
                and (stage := R.stage_phrase(f"to {said}", self._stages) or R.fuzzy_stage(said, self._stages)):
            return action.model_copy(update={"fields": {**action.fields, "stage": stage}})
        return None

    def _redo_value(self, action: Action, said: str, now: datetime) -> Action | None:
        """``action`` with the value said after "make it" put in place of its own: an amount (read
        at the old amount's magnitude: "two fifty k ... make it two seventy five" -> 275,000), a
        date (``due_date``/``close_date``) and/or a clock time. None when ``said`` holds no value
        of a field the action has."""
        fields = dict(action.fields)
        today = now.date() if isinstance(now, datetime) else now
        changed = False
        if "amount" in fields and (found := [a for a in find_amounts(words_to_digits(said))]):
            old, value = fields["amount"], found[0].value
            if found[0].bare and value < 1000 and isinstance(old, (int, float)) and old >= 1000:
                value *= 1000 if 0.2 <= value * 1000 / old <= 5 else 1
            if value >= 1000 or not found[0].bare:
                fields["amount"], changed = int(value) if float(value).is_integer() else value, True
        if (d := find_date(said, today)) is not None:
            for key in ("due_date", "close_date"):
                if key in fields:
                    fields[key], changed = d[0].isoformat(), True
        if "time" in fields and (tm := find_time(said)) is not None:
            fields["time"], changed = tm[0], True
        return action.model_copy(update={"fields": fields}) if changed else None


def _other_company_said(text: str, resolved: str) -> str | None:
    """The company name said after "at"/"from" in ``text`` when one of its words is nowhere near a word of
    ``resolved`` (the workspace company it was matched to: "Zenith Dynamics" matched to Delta Dynamics by their
    shared word), else None - then the new contact's company is asked about, not guessed."""
    known = resolved.lower().split()
    unknown = None
    for said in re.finditer(r"\b(?:at|from)\s+(?P<co>(?-i:[A-Z])[\w&'-]*(?:\s+(?-i:[A-Z])[\w&'-]*){0,3})", text):
        words = [w for w in said.group("co").lower().split() if w not in ("inc", "llc", "ltd", "the", "co")]
        if not words or not any(max((fuzz.ratio(w, k) for k in known), default=0) >= 70 for w in words):
            continue  # ("Head of Operations at Pinecrest Dental": not the company's words at all)
        if all(max(fuzz.ratio(w, k) for k in known) >= 70 for w in words) or normalise(said.group("co")) in normalise(resolved):
            return None
        unknown = unknown or said.group("co")
    return unknown


#: An e-mail's recipient said in ordinary lower-case words nobody's name matches: "email my chin that ...".
_UNHEARD_RECIPIENT = re.compile(r"\b(?i:e-?mail|write to|message)\s+(?P<r>(?-i:[a-z0-9]+)\s+(?-i:[a-z]+))\s+(?:that|saying|to say|and tell)\b")
_NOT_A_RECIPIENT = frozenset("him her them the team everyone everybody all both folks group people guys us me back over out "
                             "again and a an".split())


#: "the other guy at Acme", "the other person from Globex": a company's person other than the one named.
_THE_OTHER_AT = re.compile(r"\bthe other (?:guy|gal|woman|man|person|contact|one|lady|fellow|dude|rep|buyer)\s+"
                           r"(?:at|from|over at|on)\s+(?:the\s+)?", re.I)


#: The user telling the planner to leave a record as it is: "don't touch it", "leave that alone".
_HANDS_OFF = re.compile(r"\b(?:don'?t|do not|no need to)\s+(?:touch|change|update|move)\s+(?:it|that|this|them|the deal)\b|"
                        r"\bleave\s+(?:it|that|this|them|the deal)\s+(?:alone|as is|as it is|be)\b", re.I)


#: Departments as people say them short.
_DEPT_SHORT = {"operations": "ops", "engineering": "eng", "technology": "tech", "information technology": "it",
               "marketing": "marketing", "finance": "finance", "procurement": "procurement", "data": "data"}


def _spoken_title_forms(title: str) -> list[str]:
    """How people say a stored job title (lower case) when they name someone by it: "vp operations" -> "operations
    vp", "ops vp"; "head of data" -> "data head", "data guy", "data person"; "managing director" -> "md"."""
    out: list[str] = []
    if m := re.match(r"^(?:vp|svp|evp)(?: of)?\s+(?P<d>[a-z][a-z &]+)$", title):
        d = m.group("d")
        out += [f"{d} vp", f"{_DEPT_SHORT.get(d, d)} vp"]
    if m := re.match(r"^head of\s+(?P<d>[a-z][a-z &]+)$", title):
        d = m.group("d")
        for dd in {d, _DEPT_SHORT.get(d, d)}:
            out += [f"{dd} head", f"{dd} guy", f"{dd} person", f"{dd} lady", f"{dd} woman", f"{dd} gal"]
    if m := re.match(r"^director of\s+(?P<d>[a-z][a-z &]+)$", title):
        out.append(f"{m.group('d')} director")
    if title == "managing director":
        out.append("md")
    for chief, area in (("cfo", "finance"), ("cto", "tech"), ("coo", "ops"), ("cmo", "marketing"), ("cro", "revenue")):
        if title in (chief, f"chief {dict(cfo='financial', cto='technology', coo='operating', cmo='marketing', cro='revenue')[chief]} officer"):
            out += [f"{area} lead", f"{area} head", f"{area} guy", f"{area} person", f"{area} boss"]
    return [f for f in out if f != title]


#: "the contact on the Vertex deal", "our main point of contact for Cedar Group": the deal's one person.
_DEAL_CONTACT = re.compile(r"\b(?:the|our)\s+(?:main\s+|primary\s+|usual\s+)?(?:contact|person|point of contact|buyer|champion)\s+"
                           r"(?:on|for|at|over at)\s+(?:the\s+)?", re.I)


#: "the other Kara", "the Kara who isn't Kara Walsh": a namesake other than the one named or in view.
_THE_OTHER_NAMED = re.compile(r"\b(?i:the other) (?P<f>[A-Z][a-z]+)\b(?!\s+[A-Z][a-z])"
                              r"|\b(?i:the) (?P<f2>[A-Z][a-z]+) (?i:who (?:isn'?t|is not|'s not))\s+[A-Z][a-z]+(?:\s+[A-Z][a-z'-]+)?")


#: Someone named by their relation to a person said as a pronoun: "her boss", "his assistant".
_THEIR_RELATION = re.compile(r"(?:(?:^|[.!?;]\s+)(?:(?:so|and|oh|also)\W+)*|\b(?:(?:call|meeting|demo|lunch|coffee|sync|intro)\s+with|"
                             r"email|e-mail|call|book|meet|ping|invite)\s+)"
                             # ("Tom's counterpart at Globex wants a call": someone else than Tom)
                             r"(her|his|(?-i:[A-Z])[a-z]+(?:\s+(?-i:[A-Z])[a-z]+)?'s)\s+(boss|manager|colleague|assistant|deputy|replacement|successor|counterpart|"
                             r"co-?worker|lawyer|counsel|intern)\b"
                             r"(?=\s+(?:wants?|needs?|asked|is asking|would like|said|says|called|emailed|reached out)\b|"
                             r"(?<=\w)(?!\s+(?:was|is|were|too|also)\b))", re.I)
#: A person said with an honorific and a surname: "a Dr. Albright", "Mrs Patel".
_HONORIFIC = re.compile(r"\b(?P<h>Dr|Mr|Mrs|Ms|Miss|Prof)\.?\s+(?P<n>(?-i:[A-Z])[a-z'-]{2,})\b")


#: "he got bumped to CEO", "she was promoted to VP Sales": a new title said of "he"/"she".
_PRONOUN_NEW_TITLE = re.compile(r"\b(?:he|she)(?:'s|\s+has|\s+is)?\s+(?:just\s+)?(?:got|was|been|gotten)?\s*(?:bumped|promoted|moved)"
                                r"(?:\s+up)?\s+to\s+(?:the\s+)?(?P<new>[\w&/ -]{2,40}?)(?=\s*[,.;]|\s+and\b|\s*$)", re.I)


#: A deal moved one stage along: "one stage forward", "up a stage", "back a stage", "a stage back".
_STAGE_STEP = re.compile(r"\b(?:(?:one|a|1)\s+(?:stage|step|notch)\s+(?:(?P<fwd>forward|ahead|up|on|further)|(?P<back>back|backward|down))|"
                         r"(?:(?P<fwd2>forward|ahead|up|on)|(?P<back2>back|backward|down))\s+(?:one|a|1)\s+(?:stage|step|notch)|"
                         # "bump the stage", "advance the stage", "move them to the next stage", "put it back a step"
                         r"(?P<fwd3>(?:bump|advance|move|push|progress)\s+(?:the|their|its)\s+stage(?:\s+(?:up|forward|along))?(?!\s+(?:to|into|back|down)\b)|"
                         r"(?:to|into)\s+the\s+next\s+stage)|(?P<back3>(?:to|into)\s+the\s+(?:previous|prior|last)\s+stage))\b", re.I)




#: "Log a call with <who>. She said, ...": an activity, then what the person said (see :data:`_DIRECT_SPEECH`).
_QUOTED_ACTIVITY = re.compile(
    r"^\W*(?:(?:please|ok|okay|so|just)\W+)*(?:log|record|add)\s+(?:a|an|the|my)\s+(?:quick\s+)?(?P<kind>call|e-?mail|meeting|voicemail)\s+"
    r"(?:with|from|to)\s+(?P<who>[^.:;]{2,60}?)\s*[.:]\s*"
    r"(?P<speech>(?:he|she|they|(?-i:[A-Z])[a-z]+)\s+(?:said|says|wrote|writes|asked|replied|told\s+me|emailed|texted)\b.*)$",
    re.I | re.S)
#: "Log a call with Theo Price: he's bringing Zoe into the next meeting": an activity with one person, then its words.
_LOGGED_WITH_COLON = re.compile(
    r"^\W*(?:(?:please|ok|okay|so|just)\W+)*(?:log(?:ged)?|record(?:ed)?|add)\s+(?:(?:a|an|the|my)\s+)?(?:quick\s+|short\s+)?"
    r"(?P<kind>call|e-?mail|meeting|voicemail)\s+(?:with|from|to)\s+(?P<who>[^.:;,]{2,60}?)\s*:\s*(?P<speech>\S.*)$",
    re.I | re.S)
#: A piece of a sentence that asks for something ("so bump the deal by 12k", "follow up with him then").
_ASKS = re.compile(r"\W*(?:(?:please|so|and|also|then|can you|could you|let'?s|lets|just)\s+)*(?:follow[- ]up|remind|book|schedule|"
                   r"create|add|set|move|mark|bump|push|update|change|assign|give|hand|draft|email|send|log|close|raise|increase|"
                   r"lower|reduce|drop|delete|remove|put|make|invite|ping|text)\b", re.I)
#: Words that mark a quotation said aloud ("quote ... unquote", "end quote").
_QUOTE_WORD = re.compile(r"\b(?:quote|unquote|end\s+quote|close\s+quote)\b|[\"\u201c]", re.I)
#: Direct speech after "said,": a request in the speaker's own words ("He wrote, please remove the fee").
_DIRECT_SPEECH = re.compile(
    r"^(?:he|she|they|(?-i:[A-Z])[a-z]+)\s+(?:said|says|wrote|writes|asked|replied|told\s+me)\s*[,:]\s*"
    r"(?:(?:please|kindly|can\s+you|could\s+you|would\s+you|we\s+need\s+you\s+to|i\s+need\s+you\s+to)\b"
    r"|(?:delete|remove|cancel|drop|move|change|stop|add|send|update|reset|wipe|close|push)\s+(?:all\s+|the\s+|our\s+|my\s+|any\s+))",
    re.I)






#: Words that say there is nothing to do: a rhetorical "remind me why ...", venting, thinking out loud.
_VENTING = re.compile(r"\bremind\s+me\s+why\s+(?:i|we)\b[^.?!]*[.?!]?|\b(?:just\s+)?kidding\b[,.!]?(?=\s*(?:nothing|just\s+venting))|"
                      r"\bnothing\s+to\s+do\s+here\b[,.!]?|\bjust\s+(?:venting|thinking\s+out\s+loud|ranting)\b[,.!]?|"
                      r"^\W*(?:ugh|argh|man|wow)\W+(?:what\s+a\s+(?:day|week|month))[.!]*", re.I)


#: An e-mail asked for, then its words: "Draft an email to Ben Khan, we'd love ...", "Draft a recap email to Dan
#: Walsh from Thursday's demo. Mention they liked ...", "Write to Priya saying ...".
_EMAIL_HEAD = re.compile(
    r"^(?P<head>\W*(?:(?:please|ok|okay|so|and|hey)\W+)*(?:(?:can|could)\s+you\s+)?(?:draft|write|compose|send|shoot)\s+"
    r"(?:(?:him|her|them)\s+)?(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:e-?mail|note|message|reply)\s+(?:to|for)\s+[^,.:;]+?)"
    r"\s*(?:[,:;]|\.(?=\s)|\s+(?:saying|that\s+says|telling\s+(?:him|her|them)|to\s+say)\b)\s*", re.I)
#: A sentence that is a CRM command of its own (not words for an e-mail).
_CRM_COMMAND = re.compile(
    r"\W*(?:(?:and|also|then|oh|plus|ok|okay)\W+)*(?:move|log|set|book|schedule|create|add\s+(?:a\s+)?(?:task|note|contact|deal)|"
    r"remind\s+me|update|mark|change|assign|give|put|delete|remove|push|bump|close|open\s+a)\b", re.I)


#: A deletion, then taken back: "... Actually, don't delete her, just ...", "... Actually no, scratch that, ...".
_DELETE_TAKEN_BACK = re.compile(
    r"^(?P<cmd>\W*(?:(?:please|ok|okay|so)\W+)*(?:delete|remove|get\s+rid\s+of|archive|drop)\b[^.!;]*?)[.!;,]\s*"
    r"(?:(?:actually|wait|sorry|hmm|oh|no|hang on)[,.!\s]+)+"
    r"(?:(?:scratch|forget|cancel|ignore)\s+(?:that|it|this)|(?:don'?t|do\s+not|no\s+need\s+to)\s+(?:delete|remove|archive)\b"
    r"(?:\s+(?:her|him|them|it|that|the\s+\w+))?|never\s*mind|leave\s+(?:it|him|her|them))[,.;!]*\s*"
    r"(?:(?:just|instead|rather)[,\s]+)?(?P<rest>.*)$", re.I | re.S)


#: HubSpot lifecycle stages said as one word: never a person's name.
_LIFECYCLE_WORDS = frozenset("subscriber lead customer evangelist opportunity other mql sql".split())




class _Build:
    """One planning run (holds the per-instruction state)."""

    def __init__(self, owner: OfflinePlanner, text: str, now: datetime, ctx: Target | None) -> None:
        self.o, self.idx, self.text, self.now, self.ctx = owner, owner.index, text, now, ctx
        self.today: date = now.date() if isinstance(now, datetime) else now
        self.mentions: list[Mention] = self.idx.find_mentions(text)
        self.mentions += self._heard_people_at_companies()
        self.mentions += self._heard_deal_names()
        if re.search(r"\b(?:e-?mail|address)\b", text, re.I):
            # "her new one is Ava at meadowhealth.example": the user part of an address is no mention
            spans = [m.span() for m in _SPOKEN_EMAIL.finditer(text)] + [m.span() for m in R.EMAIL_ADDR_RE.finditer(text)]
            self.mentions = [m for m in self.mentions if not any(a <= m.start and m.end <= b for a, b in spans)]
        # "his last name is actually Ueda-Park": a name inside a hyphenated word (a new value) names nobody
        self.mentions = [m for m in self.mentions if not (
            m.kind == "contact" and " " not in m.text.strip()
            and (re.match(r"-[A-Za-z]", text[m.end:m.end + 2]) or re.search(r"[A-Za-z]-$", text[max(0, m.start - 2):m.start])))]
        # "Log a meeting with Maya Vogel, not Maya Carter": the person said as "not X" is not the one meant
        self.mentions = [m for m in self.mentions
                         if not re.search(r"\b(?:not|rather than|instead of)\s+$", text[max(0, m.start - 14):m.start], re.I)]
        # "Oliver Vogel from Upland Media" when Oliver and Vogel are two different people (a misheard
        # "Ava Vogel"): no guess; the name is asked about with the ones it could be
        self._clashes: list[tuple[str, list[int]]] = []
        for a in [m for m in self.mentions if m.kind == "contact" and m.partial]:
            b = next((n for n in self.mentions if n is not a and n.kind == "contact" and n.partial
                      and 0 < n.start - a.end <= 1 and text[a.end:n.start].isspace()), None)
            if b is not None and not set(a.ids) & set(b.ids):
                self._clashes.append((f"{a.text} {b.text}", list(b.ids)))
                self.mentions = [m for m in self.mentions if m is not a and m is not b]
        # "Met with Mike Rodriguez and David Kim. Mike wants a cheaper tier": a first name said alone after the
        # full name of one of its holders is that person
        said_full = [m for m in self.mentions if m.kind == "contact" and len(m.ids) == 1 and " " in m.text.strip()]
        self.mentions = [dataclasses.replace(m, ids=(full[-1].ids[0],)) if m.kind == "contact" and len(m.ids) > 1
                         and " " not in m.text.strip() and (full := [f for f in said_full if f.end <= m.start and f.ids[0] in m.ids
                                                                     and self.idx.contacts[f.ids[0]].first_name.lower()
                                                                     == m.text.strip().lower()])
                         else m for m in self.mentions]
        said_elsewhere: set[int] = getattr(owner, "_said_full", set())
        if said_elsewhere:
            self.mentions = [dataclasses.replace(m, ids=tuple(heard)) if m.kind == "contact" and len(m.ids) > 1
                             and " " not in m.text.strip()
                             and len(heard := [i for i in m.ids if i in said_elsewhere
                                               and self.idx.contacts[i].first_name.lower() == m.text.strip().lower()]) == 1
                             else m for m in self.mentions]
        # "Log a call with Sarah, Sarah Johnson, ...": the first name alone is refined by the full name after it
        self.mentions = [m for m in self.mentions if not (m.kind == "contact" and " " not in m.text.strip() and any(
            n is not m and n.kind == "contact" and 0 <= n.start - m.end <= 3 and n.text.lower().startswith(m.text.lower() + " ")
            for n in self.mentions))]
        self._title_spans: list[tuple[int, int, str]] = []
        self.mentions = sorted(self.mentions + self._people_by_title(), key=lambda m: m.start)
        self.mentions = sorted(self.mentions + self._the_other_one(), key=lambda m: m.start)
        self.mentions = sorted(self.mentions + self._the_other_named(), key=lambda m: m.start)
        self.mentions = sorted(self.mentions + self._deal_contact(), key=lambda m: m.start)
        self.actions: list[tuple[int, Action | dict[str, Any]]] = []
        self.message: str | None = None
        self.relative_amount = False

    def _by_name(self, t: str, start: int) -> str:
        """Clause ``t`` (at ``start`` in the instruction) with a person said by title ("the founder at
        Granite Labs") written as their name, for titles of tasks and meetings."""
        for a, b, name in sorted(self._title_spans, reverse=True):
            said = self.text[a:b]
            if start <= a and b <= start + len(t) and t[a - start:b - start] == said:
                t = t[:a - start] + name + t[b - start:]
            elif said and said in t:
                t = t.replace(said, name, 1)  # (the clause was tidied: its words moved from where they were said)
        return t

    def _the_other_one(self) -> list[Mention]:
        """"The other guy at Acme" when the instruction (or the record in view) names one of Acme's two people: a mention
        of the other one. With more than one other, none (the words name nobody for sure)."""
        out: list[Mention] = []
        for m in _THE_OTHER_AT.finditer(self.text):
            co = next((c for c in self.mentions if c.kind == "company" and len(c.ids) == 1 and c.start == m.end()), None)
            if co is None:
                continue
            people = list(self.idx.contacts_by_company.get(co.ids[0], ()))
            named = {x.ids[0] for x in self.mentions if x.kind == "contact" and len(x.ids) == 1}
            if self.ctx is not None and self.ctx.type == "contact" and self.ctx.id.isdigit():
                named.add(int(self.ctx.id))
            others = [c for c in people if c not in named]
            if named & set(people) and len(others) == 1:
                self.mentions = [x for x in self.mentions if not (m.start() <= x.start < co.end)]
                out.append(Mention("contact", (others[0],), m.start(), co.end, self.text[m.start():co.end], 100.0, False))
        return out

    def _deal_contact(self) -> list[Mention]:
        """"The contact on the Vertex deal", "our main point of contact for Cedar Group": the one person the deal (or the
        company's one open deal) is with; none when it has several or none."""
        out: list[Mention] = []
        for m in _DEAL_CONTACT.finditer(self.text):
            rec = next((x for x in self.mentions if x.kind in ("deal", "company") and len(x.ids) == 1 and x.start == m.end()), None)
            if rec is None:
                continue
            deal = rec.ids[0] if rec.kind == "deal" else (open_[0] if len(open_ := self.idx.open_deals(rec.ids[0])) == 1 else None)
            people = list(dict.fromkeys(self.idx.deals[deal].contact_ids)) if deal is not None else []
            if len(people) == 1 and people[0] in self.idx.contacts:
                out.append(Mention("contact", (people[0],), m.start(), m.end() - 1, self.text[m.start():m.end()].rstrip(), 100.0, False))
        return out

    def _the_other_named(self) -> list[Mention]:
        """"The other Kara" (with Kara Walsh in view or named), "the Kara who isn't Kara Walsh": the one other holder of
        that first name at the same company (or in the whole workspace when it has only two); none when several."""
        out: list[Mention] = []
        for m in _THE_OTHER_NAMED.finditer(self.text):
            first = (m.group("f") or m.group("f2")).lower()
            holders = list(self.idx.first_names.get(first, ()))
            named = {x.ids[0] for x in self.idx.find_mentions(self.text)  # (also "..., not Sarah Chen, ...")
                     if x.kind == "contact" and len(x.ids) == 1 and " " in x.text.strip()}
            if self.ctx is not None and self.ctx.type == "contact" and self.ctx.id.isdigit():
                named.add(int(self.ctx.id))
            excluded = [c for c in holders if c in named]
            if not excluded:
                continue
            home = {self.idx.contacts[c].company_id for c in excluded}
            others = [c for c in holders if c not in named and self.idx.contacts[c].company_id in home] \
                or ([c for c in holders if c not in named] if len(holders) == 2 else [])
            if len(others) == 1:
                self.mentions = [x for x in self.mentions if not (m.start() <= x.start < m.end())]
                out.append(Mention("contact", (others[0],), m.start(), m.end(), self.text[m.start():m.end()], 100.0, False))
        return out

    def _people_by_title(self) -> list[Mention]:
        """People named by their job title at a company: "Globex's head of procurement", "the sales
        director at Ember Logistics", "their CEO" (the company of the record in view, or the one company
        the instruction names). One contact there with that title is a mention of them; several are a
        mention with each (asked which); none (a person the workspace lacks, "their CFO") is no mention.
        A title held ("he's the sales director") or followed by the person's name ("their CEO, Maya") is
        no reference. Titles are the workspace's own, said in any case, "VP of Sales" for "VP Sales"."""
        text, idx = self.text, self.idx
        out: list[Mention] = []
        taken: list[tuple[int, int]] = []
        pattern, title_of = self.o.title_pattern()
        companies = [m for m in self.mentions if m.kind == "company" and len(m.ids) == 1]
        ctx_co = None
        if self.ctx is not None and self.ctx.id.isdigit():
            rid = int(self.ctx.id)
            ctx_co = (rid if self.ctx.type == "company" and rid in idx.companies else
                      idx.deals[rid].company_id if self.ctx.type == "deal" and rid in idx.deals else
                      idx.contacts[rid].company_id if self.ctx.type == "contact" and rid in idx.contacts else None)
        runs = getattr(self.o, "_runs", None)
        if pattern is not None:
            for m in [*pattern.finditer(text), *(runs.finditer(text) if runs is not None else ())]:
                title = title_of[re.sub(r"\s+", " ", m.group("t").lower())]
                if any(a < m.end("t") and m.start("t") < b for a, b in taken):
                    continue
                if re.search(r"\b(?:is|was|are|be|been|became|become|as|now|new|not|he'?s|she'?s|who'?s|into|from)\s*$",
                             text[:m.start("lead")], re.I) or (
                        re.search(r"\bto\s*$", text[:m.start("lead")], re.I)
                        and not re.search(r"\b(?:talk|talking|speak|speaking|reach|reaching)(?:\s+out)?\s+to\s*$|"
                                          r"\b(?:send|email|e-mail|write|introduce|intro|forward)\s+(?:it\s+|this\s+|that\s+)?to\s*$",
                                          text[:m.start("lead")], re.I)):
                    continue  # ("Felix Dubois, he's the sales director", "moved into the CEO role": a title held, no reference)
                if re.search(r"\b(?:bring|brings|bringing|invite|invites|inviting|loop in|looping in|include|including|cc)\s+(?:along\s+)?$",
                             text[:m.start("lead")], re.I) \
                        and any(x.kind == "contact" and len(x.ids) == 1 and not x.partial and x.end <= m.start("lead")
                                for x in self.mentions):
                    continue  # ("Sofia Alvarez ... wants to bring their CTO to the demo": Sofia is whom it is with)
                nxt = re.match(r"\s*,?\s*(?P<w>[A-Za-z][a-z'-]+)", text[m.end("t"):])
                if nxt and (nxt.group("w").lower() in idx.first_names or (nxt.group("w")[:1].isupper()
                                                                       and nxt.group("w").lower() not in STOPWORDS
                                                                       and nxt.group("w").lower() not in idx.company_keys)):
                    continue  # ("acme's new cfo jessica", "their CEO, Maya Brandt": the person is named)
                lead = m.group("lead")
                after = next((c for c in companies if re.fullmatch(r"\s+(?:at|over at|from|of|with)\s+(?:the\s+)?",
                                                                  text[m.end():c.start], re.I)), None)
                before = next((c for c in companies if c.end <= m.start("t") and c.start >= m.start("lead")), None)
                where = after or before
                co = where.ids[0] if where is not None else None
                if co is None and (lead.lower() in ("the", "their", "its") or lead.lower().startswith(("whoever", "the "))):
                    named = list(dict.fromkeys(c.ids[0] for c in companies))
                    deal_cos = list(dict.fromkeys(idx.deals[x.ids[0]].company_id for x in self.mentions
                                                  if x.kind == "deal" and len(x.ids) == 1))
                    people_cos = list(dict.fromkeys(idx.contacts[x.ids[0]].company_id for x in self.mentions
                                                    if x.kind == "contact" and len(x.ids) == 1))
                    pool = named or deal_cos or people_cos or ([ctx_co] if ctx_co is not None else [])
                    co = pool[0] if len(pool) == 1 else None
                if co is None:
                    continue
                ids = tuple(c for c in idx.contacts_by_company.get(co, ()) if (idx.contacts[c].job_title or "").lower() == title)
                end = after.end if after else m.end("t")
                taken.append((m.start("t"), end))
                if ids and re.match(r"\s+(?:wants?|said|says|needs?|asked|is|was|thinks?|signs?|approves?|decides?)\b", text[end:], re.I) \
                        and any(x.kind == "contact" and len(x.ids) == 1 and not x.partial and not set(x.ids) & set(ids)
                                for x in self.mentions):
                    continue  # ("Zoe Silva said ... the CEO wants a cheaper plan ... Log the call": Zoe is who it was with)
                if ids:
                    out.append(Mention(kind="contact", ids=ids, start=m.start("t"), end=end, text=text[m.start("t"):end]))
                    if len(ids) == 1:
                        self._title_spans.append((m.start("lead"), end, idx.contacts[ids[0]].name))
        return out

    def _heard_deal_names(self) -> list[Mention]:
        """A company name one letter off, said as "the <Name> deal" ("Move the Acne deal to
        Negotiation" for Acme, as ``tiny.en`` hears it): the one company whose name (or one-word
        key) is a single edit away (rapidfuzz Levenshtein, same first letter, 4+ letters); nothing
        when none or several are, or the word already names a record."""
        out: list[Mention] = []
        # (also a name heard as two short words: "move the at me deal" for Acme, "walking out of at me")
        for m in re.finditer(r"\bthe\s+(?P<w>[A-Z][a-z]{3,}|(?i:[a-z]{1,3}\s[a-z]{1,3}))(?:'s)?\s+(?i:deal|account|opportunity|renewal)\b",
                             self.text):
            word = m.group("w").lower().replace(" ", "")
            if len(word) < 4:
                continue
            if word in STOPWORDS or any(x.start <= m.start("w") < x.end for x in self.mentions):
                continue
            by_letter = self.o._one_word_keys()
            near = {cid for key in by_letter.get(word[:1], ()) if abs(len(key) - len(word)) <= 1
                    and Levenshtein.distance(key, word, score_cutoff=1) <= 1 for cid in self.idx.company_keys[key]}
            if len(near) == 1:
                out.append(Mention("company", (next(iter(near)),), m.start("w"), m.end("w"), m.group("w"), 80.0, False))
        return out

    def _heard_people_at_companies(self) -> list[Mention]:
        """People the recogniser misspelt, placed at a company it got right: "collar hues at Upland
        Works" -> Carla Hughes. The one or two words before "at/from <company>" are compared by
        sound (:func:`desktop.planner.entity_index.sounds`: rapidfuzz ratio >= 75 and 10 points clear
        of the next, or >= 65 and 25 points clear)
        with that company's contacts only; nothing when a known name is already there."""
        out: list[Mention] = []
        for co in (m for m in self.mentions if m.kind == "company" and len(m.ids) == 1):
            lead = re.search(r"(?P<who>\b[A-Za-z]{3,}(?:\s+[A-Za-z]{3,})?)\s*,?\s+(?:at|from|over at)\s+(?:the\s+)?$",
                             self.text[max(0, co.start - 40):co.start])
            if not lead:
                continue
            start = max(0, co.start - 40) + lead.start("who")
            end = start + len(lead.group("who"))
            if any(m.start < end and start < m.end for m in self.mentions):
                continue
            said = lead.group("who")
            words = said.split()
            if words[0].lower() in STOPWORDS or (len(words) > 1 and words[-1].lower() in STOPWORDS):
                continue
            scored = []
            for cid in self.idx.contacts_by_company.get(co.ids[0], ()):
                c = self.idx.contacts[cid]
                name = f"{c.first_name} {c.last_name}" if len(words) > 1 else c.first_name
                scored.append((fuzz.ratio(sounds(said), sounds(name)), cid))
            scored.sort(reverse=True)
            runner_up = scored[1][0] if len(scored) > 1 else 0.0
            if scored and (scored[0][0] >= 75 and runner_up <= scored[0][0] - 10
                           or scored[0][0] >= 65 and runner_up <= scored[0][0] - 25):
                out.append(Mention("contact", (scored[0][1],), start, end, said, scored[0][0], False))
        return out

    # ------------------------------------------------------------------ main
    def run(self) -> Plan:
        text = self.text
        if (qm := re.search(r"\?\s+(?=\S)", text)) and R.QUESTION_RE.search(text[:qm.end()]) \
                and _IMPERATIVE.search(re.sub(r"^\W*(?:and|also|oh)?\W*(?:while you'?re at it|also|then|and)\W*", "",
                                              text[qm.end():], flags=re.I)) \
                and not R.QUESTION_RE.search(text[qm.end():]) and not self._delete_asked() \
                and not any(r.search(text[qm.end():]) for r in _CREATES) and not re.search(r"\bone\b", text[qm.end():], re.I):
            # ("we don't have a deal yet, right? Let's open one.": the question leads to the create)
            return self._asked_then_told(qm.end())
        stage_any = R.stage_phrase(text, self.o._stages)
        # "Remind me, when's the Vertex deal supposed to close?": "remind me" asks to be told, not for a task
        ask_back = _REMIND_ME_ASK.match(text)
        is_question = bool(R.QUESTION_RE.search(text[ask_back.end():] if ask_back else text) or A.QUESTION.search(text)) \
            and not self._delete_asked() and (ask_back is not None or not R.TASK_RE.search(text)) \
            and not R.CREATE_CONTACT_RE.search(text) and (ask_back is not None or not _POLITE_COMMAND.search(text))
        mutating_hint = bool(R.DELETE_RE.search(text) or R.CREATE_DEAL_RE.search(text)
                             or R.CREATE_CONTACT_RE.search(text) or R.CREATE_COMPANY_RE.search(text))
        self.f = resolve(self.idx, text, self.mentions, self.ctx,
                         need_deal=self._needs_deal(text, stage_any) and not is_question)
        self._unknown_names()
        if (first_d := find_date(text, self.today)) and (alt := re.match(
                r"\s*,?\s*or\s+(?:maybe\s+|possibly\s+|(?:it|they|that)\s+(?:could|might|may|will)\s+(?:\w+\s+){0,2}?(?=into|to|until|till|in)\b)?",
                text[first_d[2]:])) \
                and ((second_d := find_date(text[first_d[2] + alt.end():], self.today)) and second_d[1] == 0
                     or (second_d := find_date("on " + text[first_d[2] + alt.end():], self.today)) and second_d[1] <= 3) \
                and second_d[0] != first_d[0] and not self.f.clarifications \
                and not (R.EMAIL_RE.search(text) or re.search(r"\b(?:offer\w*|suggest\w*|propos\w*)\b", text, re.I)):
            # "push the Acme close to the thirteenth or the thirtieth, whichever works for them": which one is asked
            self.f.ask(f"Which date: {first_d[0]:%A, %B} {first_d[0].day} or {second_d[0]:%A, %B} {second_d[0].day}?", [])
        if (wd := _WEEKDAY_DATE.search(text)) and not self.f.clarifications \
                and (said_d := find_date(text[wd.start("d"):], self.today) or find_date("on " + text[wd.start("d"):], self.today)) \
                and said_d[1] <= 3 \
                and said_d[0].strftime("%A").lower() != wd.group("w").lower():
            # "Book Carla Hughes for Tuesday the twenty-fifth at eleven" when the 25th is a Wednesday: which one is asked
            self.f.ask(f"{wd.group('w').capitalize()} or the {said_d[0].day}{_ordinal(said_d[0].day)}? "
                       f"The {said_d[0].day}{_ordinal(said_d[0].day)} is a {said_d[0]:%A}.", [])
        if _CALL_LIST.search(text) and not self.mentions and not self._delete_asked():
            self._call_list()  # "my calls for today" (said as a request, not only as a question)
        elif self._delete_asked():
            if not self._delete_and_more():
                self._delete()
        elif is_question and not mutating_hint:
            self._question(stage_any)
        elif R.CREATE_COMPANY_RE.search(text) and not R.CREATE_CONTACT_RE.search(text.split(",")[0]):
            self._forget_ambiguity()  # a new record: namesakes in the workspace do not matter
            deal_at = R.CREATE_DEAL_RE.search(text)
            if deal_at is None and (implied := R.IMPLIED_DEAL_RE.search(text)) and (implied.group("art") or "").lower() != "the" \
                    and (any(a.money for a in find_amounts(words_to_digits(text[implied.end():])))
                         or R.stage_phrase(text[implied.end():], self.o._stages)):
                deal_at = implied  # "New account: Corvid Labs, ... They want an outbound pilot at twelve grand, stage qualified"
            company_text = text[:deal_at.start()] if deal_at and deal_at.start() > 0 else text
            company = C.create_company_fields(_spoken_domains(company_text))
            if not company.get("name"):
                # "Kestrel Studio's a new client, add a deal for ...": no company is named to create;
                # the deal is the command
                if deal_at:
                    self._create_deal(stage_any)
                else:
                    self.f.ask("What is the new company called?", [])
                return self._finish()
            self._add(0, Action(kind="create_company", fields=company))
            there = _THERE_PERSON.search(text)
            named = (there.group("first"), there.group("last")) if there and there.group("first") else (
                _named_before(text[:there.start()], company.get("name", "")) if there else None)
            if there and named and not _THEIR_PERSON.search(text):
                # "..., and add Jamie Ford there as a contact too", "Bianca Reyes, she's head of ops at a company
                # called Solstice Energy. Add Solstice Energy ..., and add her as a contact there"
                first, last = named
                sentence = R.SENTENCE_SPLIT.split(text[text.find(f"{first} {last}"):], maxsplit=1)[0]
                fields = C.create_contact_fields(f"Add {first} {last}, " + sentence[len(f"{first} {last}"):].lstrip(" ,"),
                                                 [], self.idx)
                fields.update({"first_name": first, "last_name": last, "company": company["name"]})
                self._add(there.start(), Action(kind="create_contact", fields=fields))
            if person := _THEIR_PERSON.search(text):
                # "New company, Brightline Robotics, ... Add their CEO too, Hannah Ross, hannah at ...": the
                # contact is created at the new company
                first = next(g for g in (person.group(f"first{k}") for k in ("", "2", "3", "4", "5")) if g)
                last = next(g for g in (person.group(f"last{k}") for k in ("", "2", "3", "4", "5")) if g)
                title = next((g for g in (person.group(f"title{k}") for k in ("", "2", "3", "4", "5")) if g), None)
                said = f"Add {first} {last}, {title} at {company['name']}" if title else f"Add {first} {last} at {company['name']}"
                said += text[person.end():]
                fields = C.create_contact_fields(_spoken_domains(said), [], self.idx)
                fields["company"] = company["name"]
                self._add(person.start(), Action(kind="create_contact", fields=fields))
            if deal_at and deal_at.start() > 0:
                # "Add Brightline Robotics ..., and open a forty thousand dollar pilot deal for them in Lead"
                self._create_deal(R.stage_phrase(text[deal_at.start():], self.o._stages) or
                                  R.stage_mention(text[deal_at.start():], self.o._stages),
                                  text=text[deal_at.start():], company=company.get("name"), pos=deal_at.start())
        elif (dm := R.CREATE_DEAL_RE.search(text)) and (cm := R.CREATE_CONTACT_RE.search(text)) \
                and dm.start() <= cm.start() and not re.search(r"\b(?:update|move|change)\b(?!\s+on\b)", text, re.I):
            self._create_deal(stage_any)  # "New deal for Kestrel Works, 80K ARR, Lead stage": not a new lead
        elif R.CREATE_CONTACT_RE.search(text):
            self._forget_ambiguity()
            fields = C.create_contact_fields(text, self.mentions, self.idx)
            said = (fields.get("company") or "").lower()
            shared = [m for m in self.mentions if m.kind == "company" and len(m.ids) > 1 and said
                      and m.text.lower() in said]
            if shared and not any(self.idx.companies[i].name.lower() == said for i in shared[0].ids):
                # "a contact for Derek Olsen at Redwood" with Redwood Labs, Systems and Solutions
                what, options = choices(self.idx, "company", list(shared[0].ids))
                self.f.ask(f"Which {shared[0].text} does {fields.get('first_name', 'the new contact')} work at: {what}?",
                           options)
            elif said and (not any(c.name.lower() == said for c in self.idx.companies.values())
                           and not any(m.kind == "company" and m.text.lower() in said for m in self.mentions)
                           or _other_company_said(text, said)):
                other = _other_company_said(text, said)
                # "Add Peter Novak from Zenith Robotics as a contact": no such company - create it first?
                unknown = other or fields["company"]
                self.f.ask(f"I don't know {unknown} in your workspace. Create the company first "
                           f"(\"add company {unknown}\"), or which company is "
                           f"{fields.get('first_name', 'the new contact')} at?", [])
            elif fields.get("first_name") and not (fields.get("last_name") or fields.get("email") or fields.get("phone")):
                # "a guy named Peter at some logistics company, add him": too little to make a record of
                self.f.ask(f"What is {fields['first_name']}'s last name (and company)? I'll add the contact then.", [])
            else:
                made_at = R.CREATE_CONTACT_RE.search(text)
                cut = _AND_COMMAND.search(text, made_at.end()) if made_at else None
                if cut and re.search(r"\b(?:him|her|them)\b", text[cut.end():], re.I) \
                        and not R.CREATE_CONTACT_RE.search(text[cut.end():]):
                    # "Add him as a contact, his email is ..., and set me a task to email him on Monday":
                    # the task is for the contact just created
                    fields = C.create_contact_fields(text[:cut.start()], self.mentions, self.idx) or fields
                    self._add(0, Action(kind="create_contact", fields=fields))
                    who = " ".join(str(fields.get(k, "")) for k in ("first_name", "last_name")).strip()
                    new_person = Target(type="contact", id="new:0", name=who or "the new contact")
                    self._take(_Build(self.o, text[cut.end():], self.now, None).run(), cut.end(),
                               new_person=new_person, unasked=_WHO_FOR)
                else:
                    self._add(0, Action(kind="create_contact", fields=fields))
        elif (dm := R.CREATE_DEAL_RE.search(text)) and not re.search(r"\b(?:update|move|change)\b(?!\s+on\b)", text, re.I):
            self._report_before(dm.start())
            if cut := _AND_COMMAND.search(text, dm.end()):
                # "create a new deal for Lumen ..., and book a meeting with Grace for Thursday at 11 am":
                # the deal ends where the next command starts; that command is planned on its own
                self._create_deal(R.stage_phrase(text[:cut.start()], self.o._stages)
                                  or R.stage_mention(text[:cut.start()], self.o._stages), text=text[:cut.start()])
                self._then(text[cut.end():], cut.end())
            else:
                self._create_deal(stage_any)
        elif not self._implied_deal() and not self._bulk_owner() and not self._calls_in_a_row():
            self._clauses()
        return self._finish()

    def _implied_deal(self) -> bool:
        """New work a known company wants, said as a thing, not as "a deal" (``R.IMPLIED_DEAL_RE``):
        "Granite Labs wants a second project, about 30K, put it in at qualified" and "Willow wants a
        rebrand package, 45K, put it in as proposal sent" are a ``create_deal`` for that company, not a
        change to its open deal. Plainly separate work ("second", "another", ...) with an amount but no
        word on where to put it is asked about; work with no such word needs "put it in" and a stage or
        "deal". Returns True when planned (or asked) here."""
        text = self.text
        m = R.IMPLIED_DEAL_RE.search(text)
        if m is None or (m.group("art") or "").lower() == "the" or self.f.company is None:
            return False
        if re.fullmatch(r"(?:proposal|quote|deck|pricing|document|doc|sow|contract|one-?pager|case study|sheet)s?",
                        (m.group("noun") or m.group("kind") or "").strip(), re.I):
            return False  # ("she wants a rebrand proposal by Friday, so set me a task for that": a document to send, not new work)
        after = text[m.end():]
        cut = _AND_COMMAND.search(text, m.end())
        own = text[:cut.start()] if cut else text
        put = R.IMPLIED_DEAL_PUT_RE.search(own, m.end())
        stage = R.stage_phrase(own[m.end():], self.o._stages) or R.stage_mention(own[m.end():], self.o._stages)
        # (a company with no deal at all: whatever work it wants is a new deal)
        said_new = m.group("new") is not None or not self.idx.deals_by_company.get(self.f.company)
        if said_new and (put or stage):
            pass
        elif not said_new and m.group("art") and put and (stage or re.search(r"\bdeal\b", own[put.start():], re.I)):
            pass
        elif said_new and any(a.money for a in find_amounts(words_to_digits(after))) \
                and not re.search(r"\b(?:add|bump|raise|increase|update|change)\s+(?:it|the deal|the amount|that)\b"
                                  r"|\b(?:add|bump|raise|increase)\b[^.;]{0,30}\b(?:to|on)\s+(?:their|the|its|that)\s+(?:existing\s+)?deal\b"
                                  # "..., so bump the Orbital deal by thirty k": the existing deal, named
                                  r"|\b(?:add\s+\S+\s+to|bump|raise|increase|up|grow|lift)\s+(?:the\s+)?(?-i:[A-Z])[\w&'-]*(?:\s+(?-i:[A-Z])[\w&'-]*)*"
                                  r"(?:'s)?\s+(?:deal|opportunity|opp|account)\b",
                                  after, re.I):
            company = self.idx.companies[self.f.company].name
            what = " ".join(w for w in (m.group("new"), m.group("kind").strip(), m.group("noun")) if w)
            self.f.ask(f"Is the {what} a new deal for {company}? Say \"open a new deal for {company}, ...\" to add it, "
                       f"or tell me which deal to change.", [])
            return True
        else:
            return False
        self._forget_ambiguity()
        self._report_before(m.start())
        kind = " ".join(w for w in (m.group("new"), m.group("kind").strip(), m.group("noun"))
                        if w and w.lower() not in ("new", "another"))
        self._create_deal(stage, text=own, company=self.idx.companies[self.f.company].name, kind=kind or None)
        if cut:
            self._then(text[cut.end():], cut.end())
        return True

    def _delete_and_more(self) -> bool:
        """A delete beside other commands ("Delete the Pinecrest Dental deal, that was a test, and delete the
        Nina Patel contact too", "Remove Zoe Young, she's a duplicate, and mark Sofia Evans do not contact"):
        each command planned on its own words. True when split (two commands or more); False for one."""
        cuts = [m for m in _DELETE_AND_NEXT.finditer(self.text)]
        if not cuts:
            return False
        starts = [0] + [m.end() for m in cuts]
        ends = [m.start() for m in cuts] + [len(self.text)]
        plans = [(a, _Build(self.o, self.text[a:b], self.now, self.ctx).run()) for a, b in zip(starts, ends)]
        if any(not got.actions and not got.clarifications for _, got in plans):
            return False  # a piece that asks for nothing: read the instruction whole
        if any(q.startswith("What should I delete?") for _, got in plans for q in got.clarifications):
            return False  # "Quartz Health, go ahead and delete the company": the record was named in another piece
        for a, got in plans:
            self._take(got, a)
        return True

    def _report_before(self, cut: int) -> None:
        """Log the call or meeting reported before a create ("Grace Liu from Lumen called, they want to
        expand, so open a new deal, ...", "Talked with Iris Fischer ... Log the call and create a deal for
        it"): only the activity is taken from the words before ``cut``; the rest is the create's."""
        before = self.text[:cut]
        lifecycle = re.search(r"\b(?:is|'s|make|mark|set|now)\b[^.;]{0,40}?\b(?:an?\s+)?(?:opportunity|customer|evangelist|subscriber|"
                              r"(?:marketing|sales)[- ]qualified(?:\s+lead)?|mql|sql)\b", before, re.I)
        if cut <= 0 or not (R.activity_type(before) or lifecycle) or not any(
                m.kind == "contact" and len(m.ids) == 1 and m.start < cut for m in self.mentions):
            return
        got = _Build(self.o, re.sub(r"[\s,]*(?:\b(?:so|and|then)\W*)*$", "", before), self.now, self.ctx).run()
        for a in got.actions:
            if a.kind == "log_activity" and a.target is not None and a.target.type == "contact":
                self._add(0, a)
            elif lifecycle and a.kind == "update_contact" and a.target is not None and "lifecycle_stage" in a.fields:
                # "Raj Silva at Summit Ventures is an opportunity now, and open a deal for Summit Ventures, ...":
                # the person's new lifecycle stage, then the deal
                self._add(0, a)

    def _asked_then_told(self, cut: int) -> Plan:
        """A question, then a command ("How much is the Orbital deal worth? And while you're at it, set
        its next step to legal review."): the answer, then the command planned with the question's record
        as "it"."""
        self.f = resolve(self.idx, self.text, self.mentions, self.ctx, need_deal=False)
        self.f.clarifications, self.f.candidates = [], []  # (each part asks its own questions)
        first = _Build(self.o, self.text[:cut].strip(), self.now, self.ctx).run()
        self._take(first, 0)
        if first.clarifications:
            return self._finish()
        asked = [m for m in self.mentions if m.start < cut and len(m.ids) == 1]
        ctx = self.ctx
        if asked:
            m = asked[0]
            deal = m.ids[0] if m.kind == "deal" else None
            if m.kind == "company" and len(opened := self.idx.open_deals(m.ids[0])) == 1:
                deal = opened[0]
            ctx = self.idx.target("deal", deal) if deal is not None else self.idx.target(m.kind, m.ids[0])
        self._take(_Build(self.o, self.text[cut:], self.now, ctx).run(), cut)
        self.message = first.message
        return self._finish()

    def _bulk_owner(self) -> bool:
        """Plan one owner change for several records named together ("Sam is taking over all the Upland
        Works stuff, the deal and the three contacts", "I'm handing my Summit Labs leads to Jordan, that's
        Leo Vogel and Zoe Price", "make him the owner of Tom Becker and the renewal deal. Leave Rachel as she
        is"): the deal(s) when a deal is said, the people named (else every contact of the company when
        contacts, people or leads are said), minus anyone the speaker says to leave. True when planned
        (two records or more); False leaves the instruction to the clause parser."""
        t = self.text
        # ("Hand the Umbrella Health deal over to Morgan, she's got the hospital contacts": why, not what is handed over)
        t_said = re.sub(r"\b(?:she|he|they)(?:'s|\s+has|'ve|\s+have)\s+got\b[^.;]*", "", t, flags=re.I)
        if not re.search(r"\b(?:contacts|people|leads|both|all\s+(?:the|of|three|two|four)|everything|stuff|deal\s+and|"
                         r"and\s+(?:the\s+)?(?:\w+\s+)?deal|along\s+with\s+(?:it|them|that|the deal)|as\s+well|too)\b|\bowner\s+of\s+[^.;]*?,?\s+and\s+(?-i:[A-Z])[a-z'-]+\s+(?-i:[A-Z])",
                         t_said, re.I) \
                or not _ASSIGN.search(t):
            return False
        kept = {x.ids[0] for x in self.mentions if x.kind == "contact" and len(x.ids) == 1
                and re.search(r"\b(?:leave|except|not|but not|keep)\s+(?:\w+\s+){0,2}$", t[max(0, x.start - 20):x.start], re.I)}
        # the records handed over are said in the assignment's clause or in the ones that go on listing them
        # ("..., both the deal and Jonas Weber", "..., that's Leo Vogel and Zoe Price"); a person changed in
        # another clause ("James is now COO, and the deal should go to Morgan") is not handed over
        parts = R.clauses(t)
        scope: list[Any] = []
        for said in _ASSIGN.finditer(t):
            at = next((i for i, c in enumerate(parts) if c.start <= said.start() < c.start + len(c.text) + 1), None)
            if at is None:
                continue
            scope.append(parts[at])
            for c in parts[at + 1:]:
                if not re.match(r"\W*(?:both|that'?s|namely|i mean|the (?:deal|contacts|people|leads)|all\b|and\b|plus\b|"
                                r"(?:so\s+)?reassign|those are|meaning)", c.text, re.I) \
                        and not (re.search(r"\b(?:and|plus)\s*$", t[:c.start], re.I)
                                 and (re.search(r"\b(?:too|as well|along with (?:it|them|that|the deal))\W*$", c.text, re.I)
                                      # "Make Jordan the owner of Tom Becker, and Rachel Adams": the list goes on after the comma
                                      or re.fullmatch(r"\W*(?-i:[A-Z])[a-z'-]+\s+(?-i:[A-Z])[a-z'-]+\W*", c.text))) \
                        or (c.sentence != parts[at].sentence and not re.match(r"\W*(?:that'?s|namely|i mean|those are|meaning)\b",
                                                                             c.text, re.I)):
                    break  # ("... to Jordan. That's Leo Vogel and Zoe Price.": the list goes on after the pause)
                scope.append(c)
            if at > 0 and re.match(r"\W*(?:so\s+)?(?:reassign|give|hand|make)\b", parts[at].text, re.I) \
                    and parts[at - 1].sentence == parts[at].sentence and re.match(r"\W*(?:both|all|the (?:deal|contacts))\b",
                                                                                   parts[at - 1].text, re.I):
                scope.append(parts[at - 1])  # "..., both the deal and Jonas Weber, so reassign them to her"
        scope += [c for c in parts if re.search(r"\b(?:the\s+)?owner\s+of\b", c.text, re.I) and c not in scope]  # "make him the owner of X and Y"
        if not scope:
            return False
        named_cos = {x.ids[0] for x in self.mentions if x.kind == "company" and len(x.ids) == 1}
        ids_of = {}
        for x in self.mentions:
            if x.kind != "contact":
                continue
            ids = list(x.ids)
            if len(ids) > 1 and len(named_cos) == 1:
                # "Morgan should own Acme, both the deal and Mike": the Mike at Acme
                ids = [i for i in ids if self.idx.contacts[i].company_id in named_cos]
            if len(ids) != 1:
                return False  # "give Mike and the deal to Sam": which Mike is asked first
            ids_of[x.start] = ids[0]
        people = list(dict.fromkeys(ids_of[x.start] for x in self.mentions if x.kind == "contact"
                                    and ids_of[x.start] not in kept
                                    and any(c.start <= x.start < c.start + len(c.text) for c in scope)))
        first_only = {ids_of[x.start] for x in self.mentions if x.kind == "contact" and x.partial}
        companies = list(dict.fromkeys(x.ids[0] for x in self.mentions if x.kind == "company" and len(x.ids) == 1))
        if not companies and people:
            companies = list(dict.fromkeys(co_id for p in people if (co_id := self.idx.contacts[p].company_id) is not None))
        if len(companies) != 1:
            return False
        co = companies[0]
        # ("..., both the deal and James": a first name alone is the person of that name at the company)
        contacts = [p for p in people if p not in first_only or self.idx.contacts[p].company_id == co]
        if not contacts and any(x.kind == "contact" for x in self.mentions):
            return False  # people are named, but not as the ones handed over: the clause parser reads it
        if not contacts and re.search(r"\b(?:contacts|people|leads)\b", t, re.I):
            contacts = [cid for cid in self.idx.contacts_by_company.get(co, ()) if cid not in kept]
        deals: list[int] = []
        if said_deal := [x.ids[0] for x in self.mentions if x.kind == "deal" and len(x.ids) == 1
                         and self.idx.deals[x.ids[0]].company_id == co]:
            deals = list(dict.fromkeys(said_deal))  # "The Northwind renewal goes to Sam, and ...": the deal named
        elif re.search(r"\bdeals?\b|\b(?:stuff|everything)\b|\b(?:renewal|expansion|opportunity|opp|pilot)\b", t, re.I):
            deals = list(self.idx.open_deals(co))
            if len(deals) != 1 and not re.search(r"\bdeals\b|\b(?:stuff|everything)\b", t, re.I):
                return False  # "the deal" of a company with several open deals: which one is asked
        if len(contacts) + len(deals) < 2:
            return False
        owner = self._owner(t)
        if not owner:
            return owner == ""  # an owner the workspace does not have is asked about
        for d in deals:
            self._add(0, {"kind": "update_deal", "fields": {"owner": owner}, "role": "deal",
                          "loc": _Local(None, d, co, True)})
        for cid in contacts:
            self._add(0, {"kind": "update_contact", "fields": {"owner": owner}, "role": "contact",
                          "loc": _Local(cid, None, None, False)})
        return True

    def _calls_in_a_row(self) -> bool:
        """Plan one call per person for a report of several calls ("Called three people at Quartz Partners today. Yusuf
        Evans, no answer. Ben Jensen said not right now. Eva Young wants a proposal."): each sentence after the opening one
        that starts with one person's name is that person's call, its words the body. True when planned (two people or
        more, and nothing else asked); False leaves the instruction to the clause parser."""
        head = re.match(r"\W*(?:(?:so|ok|okay|just)\W+)*(?:i\s+|we\s+)?(?:called|rang|phoned|tried|dialed|dialled)\s+"
                        r"(?:(?:two|three|four|five|a few|several|\d)\s+)?(?:people|contacts|folks|of them|numbers)\b[^.!?]*[.!?:]\s*",
                        self.text, re.I)
        if head is None or _IMPERATIVE.search(self.text[head.end():]) or R.TASK_RE.search(self.text[head.end():]):
            return False
        calls: list[tuple[int, int, str]] = []
        for sm in re.finditer(r"[^.!?]+[.!?]?", self.text[head.end():]):
            at = head.end() + sm.start() + (len(sm.group(0)) - len(sm.group(0).lstrip()))
            said = sm.group(0).strip()
            who = [m for m in self.mentions if m.kind == "contact" and len(m.ids) == 1 and m.start == at]
            if not who:
                return False  # a sentence that is not one person's call: the clause parser reads it
            calls.append((at, who[0].ids[0], said.strip(" .")))
        if len(calls) < 2:
            return False
        for at, cid, said in calls:
            self._add(at, {"kind": "log_activity", "fields": {"activity_type": "call", "body": said[:1].upper() + said[1:]},
                           "role": "note", "loc": _Local(cid, None, None, False), "sure": True})
        return True

    def _delete_asked(self) -> bool:
        """True when a clause's main verb deletes and its object is a record ("delete the Cedar
        deal", "remove Tom Becker", "get rid of it"); "delete the old quote" or a delete word inside
        a note or reported speech is text, not a command."""
        for cl in R.clauses(self.text):
            m = _DELETE_CMD.match(cl.text)
            if not m:
                continue
            obj = m.group("obj")
            if re.match(r"\W*(?:the\s+|that\s+|his\s+|her\s+|their\s+)?(?:do[- ]not[- ](?:contact|call|email)|dnc|opt[- ]?out|"
                        r"unsubscribed?)(?:\s+(?:flag|tag|status|mark|setting|box))?\b", obj, re.I):
                continue  # "remove the do not contact flag from Tom Becker": a flag cleared, not a record deleted
            if re.search(r"\bfrom\b.*\b(?:deals?|opportunit\w+|sequences?|campaigns?|lists?|emails?|meetings?|calls?|outreach|"
                         r"cadences?|newsletters?|mailings?|nurture|drip|prospecting)\b",
                         obj, re.I) and not re.search(
                    r"\bfrom (?:the |our |my )?(?:crm|system|database|workspace|records?|pipeline|spectrum)\b", obj, re.I):
                continue  # "remove Mike from the Acme deal": an unlink, not a deletion
            obj_start = cl.start + m.start("obj")
            named = any(obj_start <= mm.start < cl.start + len(cl.text) for mm in self.mentions)
            if named or _RECORD_WORD.search(obj):
                self._delete_obj = re.split(r"\bfrom\b", obj, maxsplit=1)[0] if named else obj
                self._delete_span = (obj_start, obj_start + len(self._delete_obj))
                return True
        return False

    def verbatim_note(self, m: re.Match[str]) -> Plan:
        """A note whose text is taken verbatim (see :data:`_NOTE_PREFIX`); its head names the record."""
        head = m.group("head") or ""
        head_start = m.start("head") if m.group("head") else 0
        body = m.group("body").strip().strip("\"'\u201c\u201d").strip()
        more = None
        if cut := _NEXT_COMMAND.search(body):
            # "Log a note on Tom: the renewal might slip. And push the Northwind close date to ...":
            # the note ends with its sentence; the next command is planned on its own
            body, more = body[:cut.start() + 1].strip(), body[cut.start() + 1:].strip()
        # "..., they're canceling that contract in December. That's all." / "That's just a note, don't change
        # anything.": what the speaker says about the note is not in it
        body = re.sub(r"(?:(?<=[.!?])|^)\s*(?:(?:that'?s (?:all|it)|that'?s just a note|(?:just a note|only a note)|"
                      r"(?:please\s+)?don'?t change anything(?: else)?|nothing else|thanks|thank you)[,.!]?\s*)+$", "", body,
                      flags=re.I).strip() or body
        if head:
            mentions = [x for x in self.mentions if head_start <= x.start < head_start + len(head)]
            self.f = resolve(self.idx, head, [Mention(x.kind, x.ids, x.start - head_start, x.end - head_start,
                                                      x.text, x.score, x.partial) for x in mentions],
                             self.ctx if not mentions else None, need_deal=False)
        else:  # "Note: Oliver is on vacation until Monday": the note names its record
            mentions = self.mentions
            self.f = resolve(self.idx, self.text, mentions, self.ctx, need_deal=False)
        target = None
        if head and not self.f.clarifications and (who := _UNKNOWN_PERSON_IN_HEAD.search(head)) \
                and not any(head_start + who.start("n") < x.end and x.start < head_start + who.end("n") for x in mentions) \
                and who.group("n").lower() not in STOPWORDS:
            # "Add a note for Brian at Initech, ...": no Brian there - a question, not a note on Initech
            self.f.ask(f"I don't know {who.group('n')} in your workspace. Which record is the note for?", [])
        if not self.f.clarifications:
            contact = self.f.contact if not self.f.person_blocked else None
            named_deal = any(x.kind == "deal" for x in mentions) or (self.ctx is not None and self.ctx.type == "deal") \
                or bool(re.search(r"\b(?:deal|opportunity|opp|renewal|expansion|pilot)\b", head, re.I))
            co = self.f.company if self.f.company is not None else (
                self.idx.deals[self.f.deal].company_id if self.f.deal is not None else None)
            if contact is None and not named_deal and co is not None and co in self.idx.companies \
                    and not self.idx.open_deals(co) and not (self.ctx is not None and self.ctx.type == "company"):
                # "Add a note on Delta Works: ..." when Delta Works has no open deal: on the company or on which
                # deal is asked (the brief's rule: one open deal, else ask)
                deals = list(self.idx.deals_by_company.get(co, ()))
                options = [self.idx.target("company", co)] + [self.idx.target("deal", d) for d in deals]
                on = " or ".join(f"{self.idx.deals[d].name} ({self.idx.deals[d].stage_label})" for d in deals)
                self.f.ask(f"{self.idx.companies[co].name} has no open deal. Put the note on the company"
                           + (f" or on {on}?" if on else "?"), options)
            elif contact is not None:
                target = self.idx.target("contact", contact)
            elif self.f.deal is not None:
                target = self.idx.target("deal", self.f.deal)
            elif self.f.company is not None:
                target = self.idx.target("company", self.f.company)
        if target is None and not self.f.clarifications:
            if head.strip() and not mentions:
                self.f.ask(f"I couldn't find{head.rstrip()} in your workspace. Which record is the note for?", [])
            else:
                self.f.ask("Which contact, company or deal is the note for?", [])
        actions = []
        if target is not None:
            b0 = m.start("body") + m.group("body").find(body[:20]) if body else m.start("body")
            actions.append(Action(kind="log_activity", target=target, fields={"activity_type": "note", "body": body},
                                  evidence=[(0, m.start("body")), (b0, b0 + len(body))],
                                  confidence=min([x.score for x in mentions] + [100.0]) / 100))
        questions, candidates = list(self.f.clarifications), list(self.f.candidates)
        if more:
            # ("... Also set him to do not contact": "him" is the note's record when nothing else is in view)
            rest = _Build(self.o, undo_asr_slips(re.sub(r"^\W*(?:and|also|then)\s+", "", more, flags=re.I)),
                          self.now, self.ctx if self.ctx is not None else target).run()
            offset = self.text.find(more)
            for a in rest.actions:
                a.evidence = [(s0 + offset, e0 + offset) for s0, e0 in a.evidence] if offset >= 0 else []
            actions += rest.actions
            questions += rest.clarifications
            candidates += rest.candidates
        return Plan(transcript=self.text, actions=actions, clarifications=questions, candidates=candidates,
                    message=questions[0] if questions else None, requires_confirmation=any(not a.read_only for a in actions))

    def _then(self, rest: str, offset: int) -> None:
        """Plan ``rest`` (a command said after a create, at ``offset`` in the text) on its own and
        add its actions and questions to this plan."""
        self._take(_Build(self.o, rest, self.now, self.ctx).run(), offset)

    def _take(self, got: Plan, offset: int, *, new_person: Target | None = None, unasked: str | None = None) -> None:
        """Add ``got`` - the plan of the words at ``offset`` in this instruction - to this plan: its actions
        (evidence moved to this text; a task, meeting, e-mail or activity with no target put on ``new_person``,
        the contact this plan creates) and its questions (``unasked``, one ``new_person`` answers, left out)."""
        for a in got.actions:
            if new_person is not None and a.target is None and a.kind in ("create_task", "book_meeting", "draft_email",
                                                                            "log_activity"):
                a = a.model_copy(update={"target": new_person})
            a.evidence = [(s0 + offset, e0 + offset) for s0, e0 in a.evidence]
            self._add(offset, a)
        for q, c in zip(got.clarifications, got.candidates):
            if q != unasked:
                self.f.ask(q, c)

    def _forget_ambiguity(self) -> None:
        self.f.clarifications, self.f.candidates = [], []
        self.f.person_blocked = self.f.deal_blocked = False

    def _needs_deal(self, text: str, stage: str | None) -> bool:
        amounts = [m for m in find_amounts(words_to_digits(text)) if m.money or m.percent]
        return bool(stage or amounts or R.COMPETITOR_RE.search(text) or
                    ((R.CLOSE_DATE_RE.search(text) or R.FORECAST_PERIOD_RE.match(text)
                      # "Push the TechCorp deal out to February": a deal's date moved without the word "close"
                      or re.search(r"\b(?:push|pull|slide|slip|move)\w*\b[^.;]{0,50}\b(?:deal|opp\w*|renewal)\b[^.;]{0,12}\b(?:to|until|till|into)\b",
                                   text, re.I))
                     and find_date(text, self.today)))

    # -------------------------------------------------------------- clauses
    def _clauses(self) -> None:
        deal_fields: dict[str, Any] = {}
        amount_stated = False  # the amount in deal_fields was said as a figure, not as a change
        deal_pos: int | None = None
        activity: dict[str, Any] | None = None
        act_pos = 0
        contact_fields: dict[str, Any] = {}
        contact_pos = 0
        contact_who: int | None = None
        mood = R.sentiment(self.text)
        parts = R.clauses(self.text)
        skip = -1
        self._produced: set[int] = set()
        act_k = -1
        prev_loc: _Local | None = None
        deal_locs: list[_Local | None] = []
        deal_sure: list[bool] = []
        other_groups: list[tuple[int, dict[str, Any], _Local, bool]] = []
        last_date: date | None = None
        says_from, says_sentence = len(self.text), -1
        held_fields: set[str] = set()
        hypo_sentences: set[int] = set()
        cond_sentence = -1
        update_asked = I.update_asked(self.text)
        cond_date: tuple[date, int, int] | None = None
        colon_said: set[int] = set()  # clauses that are the words of a "log a call with X: ..." head
        last_close: date | None = None  # the last date said that is not when someone is back
        for k, cl in enumerate(parts):
            if k == skip:
                continue
            if k > 0 and parts[k - 1].sentence == cl.sentence and parts[k - 1].text.endswith(":") \
                    and self._ACT_HEAD.match(parts[k - 1].text) and not _IMPERATIVE.match(cl.text):
                continue  # "log a call with him: he wants a follow-up deck": what is logged, not a command of its own
            t = cl.text
            loc = own = self._local(cl.start, cl.start + len(t))
            loc_before = prev_loc
            ctx_person = int(self.ctx.id) if self.ctx is not None and self.ctx.type == "contact" and self.ctx.id.isdigit() \
                and int(self.ctx.id) in self.idx.contacts else None
            if (prev_loc is not None and prev_loc.contact is not None or prev_loc is None and ctx_person is not None) \
                    and re.match(r"\W*(?:(?:and|so|then|also|please)\s+)*(?:add|put|leave|log|make|drop)\s+(?:a\s+|an\s+)?(?:quick\s+)?"
                                 r"note\s+(?:that|saying)\s+(?:he|she|he's|she's|his|her)\b", t, re.I):
                # "Paula Larsen ..., add a note that she referred Summit Labs": "she" is the person before (or
                # the one in view); the records inside the note are its words
                who = prev_loc.contact if prev_loc is not None and prev_loc.contact is not None else ctx_person
                loc = own = _Local(who, None, None, False)
            elif prev_loc is not None and re.search(r"\bnote\s+(?:on|for|to|about|against)\s+(?:him|her|them)\b", t, re.I):
                # "..., add a note on him saying he prefers we go through Uma Ueda": "him" is the person before;
                # the people inside the note are its words
                before = [m for m in self.mentions if m.kind == "contact" and len(m.ids) == 1 and m.end <= cl.start]
                loc = own = _Local(before[-1].ids[0], None, None, False) if before else (
                    _Local(prev_loc.contact, None, None, False) if prev_loc.contact is not None else prev_loc)
            if loc is None and prev_loc is None and ctx_person is not None and _PERSON_PRONOUN.search(t) \
                    and not any(m.kind == "contact" and m.end <= cl.start for m in self.mentions):
                # on Felix's page: "He's moving to CRO, update his title, and ping David Kim ...": a pronoun before
                # anyone is named is the person in view, never someone named later
                open_ = [d for d in self.idx.deals_by_contact.get(ctx_person, ()) if self.idx.deals[d].is_open]
                loc = prev_loc = _Local(ctx_person, open_[0] if len(open_) == 1 else None, None, False)
            elif loc is None and prev_loc is not None and prev_loc.contact is None and _PERSON_PRONOUN.search(t) \
                    and (people_before := [m for m in self.mentions if m.kind == "contact" and len(m.ids) == 1
                                           and m.end <= cl.start]) and not self._names_other(t):
                # "Log that I emailed Oliver Grant the SOW. Vertex is in negotiation, set its close date to the 11th. And
                # remind me Wednesday to chase his signature": "his" is the last person named, not the deal before
                loc = _Local(people_before[-1].ids[0], None, None, False)
            elif loc is None and prev_loc is not None and not self._names_other(t):
                loc = prev_loc  # "..., she needs X", "move it to Y": the record of the clause before
                if loc.contact is not None and (other := self._other_gender(t, loc.contact, cl.start)) is not None:
                    # "Sofia wants a trial, set Hugo's lifecycle to other since he's leaving, and draft her an email":
                    # "her" is not Hugo, who was "he"; it is the person before him
                    loc = _Local(other, None, None, False)
            elif loc is not None:
                prev_loc = loc
            if (hd := re.search(r"\b(?P<p>her|his)\s+(?:deal|opportunity|opp)\b", t, re.I)) and own is None:
                # "Log a call with Sarah Johnson, ...; set the Initech next step ...; and move her deal back": "her deal"
                # is Sarah's, not the deal of the clause before
                want = "f" if hd.group("p").lower() == "her" else "m"
                seen = self._said_genders()
                said_people = [m.ids[0] for m in self.mentions if m.kind == "contact" and len(m.ids) == 1 and m.end <= cl.start
                               and seen.get(m.ids[0], want) == want]
                if said_people:
                    theirs = list(self.idx.deals_by_contact.get(said_people[-1], ()))
                    named_deal = [d for d in theirs if any(w in t.lower() or w in self.text[:cl.start].lower()
                                                           for w in _deal_words_of(self.idx.deals[d].name))]
                    her_deals = named_deal if len(named_deal) == 1 else (
                        [d for d in theirs if self.idx.deals[d].is_open] if len(theirs) > 1 else theirs)
                    if len(her_deals) == 1:
                        loc = prev_loc = _Local(said_people[-1], her_deals[0], self.idx.deals[her_deals[0]].company_id, False)
            self._loc = loc
            if k + 1 < len(parts) and parts[k + 1].sentence == cl.sentence and R.NEEDS_RE.search(t) \
                    and R.bare_fragment(parts[k + 1].text) and not self.idx.find_mentions(parts[k + 1].text):
                # "Priya needs procurement, sign off.": a transcript's comma inside what is needed
                t, skip = f"{t} {parts[k + 1].text}", k + 1
            d = find_date(t, self.today)
            if d is None and (rel := _RELATIVE_DAY.search(t)) and last_date is not None:
                # "book ... next Friday at 3 pm and remind me to prep the deck the day before"
                shift = {"before": -1, "after": 1}.get((rel.group("w") or "").lower(), 0)
                d = (last_date + timedelta(days=shift), cl.start + rel.start(), cl.start + rel.end())
                t = t[:rel.start()] + t[rel.end():]
            elif d is not None and _away_until(t, d[1]) and R.CLOSE_DATE_RE.search(t):
                d = None  # ("their CFO is on leave until February, so push the close date out": when someone is back
                # is no date to move a deal to)
            elif d is not None:
                last_date = d[0]  # ("he's out until December first, follow up with him then": the day "then" is)
                if not _away_until(t, d[1]):
                    last_close = d[0]
            if re.match(r"\W*(?:(?:so|and|but|actually|just)\s+)*(?:don'?t|do not|no need to)\s+(?:change|update|touch|set|edit)\s+"
                        r"(?:it|that|anything|them|this)(?:\s+(?:yet|for now|just yet))?\W*$", t, re.I):
                # "I think Linda's title is VP of IT now, actually I'm not sure, don't change it": what was said is kept as it is
                held_fields |= set(contact_fields) | set(deal_fields)
                continue
            if held := I.held_fields(t):
                held_fields |= held  # "don't touch the amount", "leave the stage alone": kept as they are
                if not (R.activity_type(t) or R.TASK_RE.search(t) or R.EMAIL_RE.search(t)):
                    continue  # ("just log the call and leave the stage alone": the call is still logged)
            if re.match(r"\W*(?:but|for now|anyway|in the meantime|meanwhile|right now|today)\b", t, re.I):
                cond_sentence = -1  # "..., but for now just log the call": the condition ends
            if I.hypothetical(t, after_condition=cond_sentence == cl.sentence, asked=update_asked):
                # "if legal clears it we'd move Orbital to Closed Won": thought aloud, not asked for
                if I.condition(t):
                    cond_sentence = cl.sentence
                    cond_date = d  # "if she hasn't replied by Friday, remind me ...": the task's day
                hypo_sentences.add(cl.sentence)
                prev_loc = loc_before  # (a record named only in a hypothetical is not "it" later)
                continue
            said_before = parts[k - 1].text if k > 0 and parts[k - 1].sentence == cl.sentence else ""
            if _BOOK_IT.match(t) and k > 1 and parts[k - 2].sentence == cl.sentence and re.fullmatch(
                    r"\W*(?:go ahead|ok(?:ay)?|please|yes|yeah|sure|so|great|perfect|cool)\W*", said_before, re.I):
                said_before = parts[k - 2].text  # "Thursday at ten works for Jack, go ahead and book it"
            if (bk := _BOOK_IT.match(t)) and not _MEETING_NOUN.search(said_before) and re.fullmatch(
                    r"\W*(?:(?:so|and|then|please)\s+)*(?:log|note)\s+(?:that|it|this)\W*", said_before, re.I) \
                    and k > 1 and parts[k - 2].sentence in (cl.sentence, cl.sentence - 1):
                said_before = parts[k - 2].text  # "she wants a training session, so log that and book one ...": the
                # session is said before the "log that" between
            if (bk := _BOOK_IT.match(t)) and (noun := _MEETING_NOUN.search(said_before) or re.search(
                    r"(?:(?<=\bto )|^\W*)meet(?=\s+(?:in person|up|on|next|this|at|for)\b|\s*$)", said_before, re.I)
                    # "I think Thursday at ten works for Jack Ueda, go ahead and book it": a time that suits someone
                    or (find_time(said_before) and re.search(r"(?P<w>\b(?:works?|suits?|is good|is fine|free|available|"
                                                             r"open)\b)(?!\s+(?:on|at)\s+the\s+deal)", said_before, re.I))
                    # "Wendy Price wants to talk about a refund, book it for Monday at 3:30": a conversation to book
                    or (re.search(r"\b(?:book|schedule|pencil|set up)\b", t[:bk.end()], re.I) and re.search(
                        r"(?P<w>\b(?:wants?|would like|needs?|asked)\s+to\s+(?:talk|chat|meet|discuss|speak|catch up|go over)\b)",
                        said_before, re.I))) \
                    and not R.MEETING_RE.search(said_before):
                # "Eva wants a follow-up call, book it for Monday at 4 pm": "it" is that call, booked ("Jonas wants
                # to meet in person on the third at eleven, book that": a meeting)
                kind_said = "meeting" if noun.group(0).lower() == "meet" or noun.groupdict().get("w") else noun.group(0)
                t = f"book a {kind_said} {t[bk.end():].lstrip()}"
                if (topic := re.search(r"\b(?:talk|chat|meet|speak|catch up)\s+about\s+(?P<a>[^,.;]+)|\b(?:discuss|go over)\s+(?P<b>[^,.;]+)",
                                       said_before, re.I)) and " about " not in t:
                    t = f"{t} about {(topic.group('a') or topic.group('b')).strip()}"  # "wants to talk about a refund, book it"
                if find_date(t, self.today) is None and (before_d := find_date(said_before, self.today)):
                    d = before_d  # "wants a session next Wednesday at 3, book it": when was said before
                if find_time(t) is None and (before_t := find_time(said_before)):
                    t = f"{t} at {before_t[0]}"
                self.actions = [(pos, a) for pos, a in self.actions
                                if not (pos == parts[k - 1].start and isinstance(a, dict) and a["kind"] == "create_task")]
            if re.match(r"\W*(?:(?:and|so|please|just)\s+)*(?:put|add|pop|stick)\s+(?:it|that|this)\s+(?:on|in(?:to)?)\s+(?:the|my|our)\s+"
                        r"(?:calendar|diary|cal)\W*$", t, re.I) \
                    and any((a.kind if isinstance(a, Action) else a["kind"]) == "book_meeting" for _, a in self.actions):
                self._produced.add(k)  # "Lunch with Tom Becker on the 4th at noon, put it on the calendar": booked once
                continue
            if R.MEETING_RE.search(t) and re.search(r"\b(?:wants?|asked for|needs?)\s+a\s+call[- ]?back\b|\bcall\s+(?:him|her|them|\w+)\s+back\b", t, re.I) \
                    and re.search(r"\b(?:add|create|make|set)\s+(?:me\s+)?(?:a\s+|an\s+)?(?:task|to-?do|reminder)\b", self.text, re.I):
                continue  # "Dan wants a call back tomorrow after lunch, add a task": a task to call, not a meeting booked
            said_all = " ".join(p.text for p in parts if p.sentence == cl.sentence)
            if re.search(r"\b(?:they|she|he|they've|she's|he's)\s+(?:already\s+)?book(?:ed)?\b[^,.;]*\balready\b|\balready\s+booked\b"
                         # "..., he's booked a demo with us": done by the customer, nothing for us to book
                         r"|^\W*(?:(?:and|so|because|since|as|now)\s+)*(?:they|she|he)(?:'ve|'s|\s+has|\s+have)?\s+(?:just\s+|finally\s+)?"
                         r"(?:booked|scheduled|grabbed|locked\s+in)\s+(?:a|an|the|some|time|themselves|herself|himself)\b",
                         f"{said_before} {t}" if re.fullmatch(r"\W*(?:they|she|he)\W*", said_before, re.I) else t, re.I):
                continue  # ("..., they booked the demo already": done by them, nothing to book)
            if (R.MEETING_RE.search(t) and not R.activity_type(t) or (
                    # "Renewal chat with Grace Liu, a week Friday, ten in the morning": a chat on a day to come is booked
                    (m3 := R.MEETING_RE.search(said_all)) and m3.group("what3") and said_all.startswith(t) and m3.start("what3") < len(t)
                    # ("Log a call with Tom Becker, he wants a review, book it for Wednesday at two": the call is logged)
                    and not re.match(r"\W*(?:(?:please|so|and|ok|okay|just)\W+)*(?:log|record|note)\b", t, re.I)
                    and (sd := find_date(said_all, self.today))
                    and sd[0] > self.today and find_time(said_all) and not re.search(r"\b(?:had|did|was|went|finished|wrapped|got off|yesterday|earlier|"
                                                       r"this morning|last)\b", said_all, re.I))) \
                    and not re.match(r"\W*(?:(?:and|so|then|also|please)\s+)*(?:(?:remind|task) me|(?:create|add|make|set|put in)\s+(?:me\s+)?"
                                     r"(?:a\s+)?(?:task|reminder|to-?do)(?:\s+(?:on|for|against)\s+[^,.;]{1,50}?)?)\s+to\b", t, re.I) \
                    and not re.search(r"\b(?:never|don'?t|do not|stop|no more)\s+(?:\w+\s+){0,2}(?:call|calling|meet|meeting|book)\b", t, re.I) \
                    and not re.fullmatch(r"\W*(?:don'?t|do not|never|no need to|let'?s not)\W*", said_before, re.I):
                # ("said never call him again": no call is booked)
                after = [p for p in parts[k + 1:] if p.sentence == cl.sentence]
                own_who = self.idx.contacts[own.contact].name if own is not None and own.contact is not None else self._who()
                fields: dict[str, Any] = {"title": T.meeting_title(self._by_name(t, cl.start), own_who,
                                                                   " ".join(p.text + "," for p in after))}
                tm = find_time(t)
                for p in after:
                    # "Book a meeting with Maya, Tuesday, eleven thirty in the morning, to go over ...":
                    # the day and time said in the clauses that follow (until the next command)
                    if re.match(r"\W*(?:(?:and|so|uh|um)\W+)*(?:make it|make that|let'?s (?:say|do)|say)\b", p.text, re.I) \
                            and (find_date(p.text, self.today) or find_time(p.text)):
                        d = d or find_date(p.text, self.today)  # "Book a creative review with Leo and, uh, make it Thursday at five"
                        tm = tm or find_time(p.text)
                        self._produced.add(parts.index(p))
                        continue
                    if _IMPERATIVE.search(p.text) or R.activity_type(p.text):
                        break
                    if re.fullmatch(r"\W*(?:(?:a|an|the|our|their)\s+)?(?:[a-z][\w-]*\s+){0,2}(?:check-?in|call|sync|review|demo|meeting|"
                                    r"catch[- ]?up|kick-?off|workshop|session|qbr)\W*", p.text, re.I) \
                            and fields["title"].lower().startswith("meeting with"):
                        fields["title"] = T.cap(re.sub(r"^\W*(?:(?:a|an|the|our|their)\s+)?", "", p.text).strip(" .,")) + \
                            fields["title"][len("Meeting"):]  # "Put a meeting with Grace Liu on ..., quarterly check-in."
                        self._produced.add(parts.index(p))
                        continue
                    d = d or find_date(p.text, self.today)
                    tm = tm or find_time(p.text)
                said_last: list[str] = [p.text for p in parts[:k] if p.sentence == cl.sentence - 1] or [
                    p.text for p in parts[:k] if p.sentence == cl.sentence]  # "Grace is free tomorrow at 11 am, book us a call"
                if d is None and tm is None and said_last and (
                        prev_tm := find_time(" ".join(said_last))) and not any(
                        R.CLOSE_DATE_RE.search(x) or R.TASK_RE.search(x) or R.MEETING_RE.search(x) for x in said_last):
                    # "... maybe Wednesday at 2 in the afternoon. Put a meeting on the calendar": the day and time
                    # said just before the booking
                    tm, d = prev_tm, find_date(" ".join(said_last), self.today)
                    if re.search(r"\b(?:put|book|schedule|pencil|add)\s+(?:it|that|this)\b", t, re.I):
                        # "... for a discovery call, December second at one pm. Put it on the calendar": what "it" is
                        fields["title"] = T.meeting_title(" ".join(said_last) + ", " + t, self._who())
                if d:
                    fields["due_date"] = d[0].isoformat()
                if late := re.search(r"\b(?:2[4-9]|[3-9]\d)\s*o'?\s*clock\b", words_to_digits(t), re.I):
                    # "at twenty-five o'clock tomorrow": no such hour, so nothing is booked and the time is asked
                    self.f.ask(f"\"{late.group(0)}\" isn't a time of day. What time did you mean?", [])
                    self._produced.add(k)
                    continue
                if tm:
                    fields["time"] = tm[0]
                elif bad := re.search(r"\b(?:2[4-9]|[3-9]\d):[0-5]\d\b|\b(?:1?\d|2[0-3]):[6-9]\d\b", t) or re.search(
                        # "at twenty five thirty": a spoken hour past 23
                        r"(?<=\bat )(?:2[4-9]|[3-9]\d)(?:[: ]?[0-5]\d)?\b(?!\s*(?:k|grand|thousand|percent|%|minutes?|mins?|people|seats?)\b)",
                        words_to_digits(t)):
                    # "Book a call with Leo on Tuesday at 25:30": asked, and nothing is booked
                    self.f.ask(f"\"{bad.group(0)}\" isn't a time of day. What time did you mean?", [])
                    self._produced.add(k)
                    continue
                self._add(cl.start, {"kind": "book_meeting", "fields": fields, "role": "outreach", "loc": loc,
                                     "sure": self._sure(cl, own)})
                self._produced.add(k)
                continue
            rest = R.SENTENCE_SPLIT.split(self.text[cl.start:], maxsplit=1)[0]
            # "Draft Tani, Mail to Priya, ...": a transcript's comma inside "draft an email"
            split_email = bool(re.match(r"\W*(?:draft|write|compose)\b", t, re.I)) and bool(R.EMAIL_RE.match(rest))
            if (R.EMAIL_RE.search(t) or T.is_send_thing(t) or split_email) and not R.activity_type(t) \
                    and not re.match(r"\W*(?:e-?mail|text|call)\s+(?:only|instead)\b", t, re.I) \
                    and not (re.search(r"\blog (?:it|that|this) as an? e-?mail\b", self.text, re.I)
                             and re.search(r"\b(?:this morning|yesterday|earlier|last (?:night|week)|already)\b", t, re.I)) \
                    and not re.search(r"\bremind me\b|^\W*(?:task|to-?do|reminder)\b|\b(?:task|to-?do|reminder)\s+to\s+(?!(?-i:[A-Z]))", t, re.I) \
                    and not re.search(r"\be-?mail(?:\s+address)?\s*(?:is|to|:)?\s*[\w.+-]+@", t, re.I):
                # ("remind me to send him a congrats note" is a task; "email iris@..." is the contact's field)
                named_t = self._by_name(t, cl.start)
                fields = T.email_fields(named_t, self._who(), rest)  # ("their head of growth": by name)
                if "body" not in fields and named_t != t and (sent := re.match(
                        r"\s*(?-i:[A-Z][a-z]+\s+[A-Z][a-z'-]+)\s+(?P<c>(?:the|our|a|an|their|some)\s+\S[^,;]*?)\W*$", named_t)):
                    fields["body"] = T.cap(sent.group("c"))  # "Email Vertex's data guy the security questionnaire"
                T.dictated_subject_and_body(self.text[cl.start:], fields)
                if re.fullmatch(r"\W*(?:an email\s+)?(?:with|about|on)\s+(?:that|it|this|those)\W*", fields.get("body", ""), re.I) \
                        and (asked := re.search(r"\b(?:asked (?:us |me )?for|wants?|needs?|requested|is waiting (?:on|for))\s+"
                                                r"(?P<obj>(?:the|a|an|our|their|some)\s+[^,.;]+)", said_before, re.I)):
                    # "he asked for the updated order form, so draft him an email with that": "that" is what he asked for
                    fields["body"] = T.cap(asked.group("obj").strip())
                    if fields.get("subject", "").lower() in ("it", "that", "this", "those"):
                        fields["subject"] = fields["body"]
                elif "body" not in fields and re.fullmatch(r"\W*(?:(?:so|and|please|just)\s+)*(?:draft|write|send|shoot)\s+(?:her|him|them)\s+"
                                                           r"(?:an?\s+)?(?:quick\s+|short\s+)?(?:e-?mail|note|reply)\W*", t, re.I) \
                        and (asked := re.search(r"\b(?:wants?|needs?|asked (?:us |me )?for|is asking for|requested)\s+"
                                                r"(?P<obj>(?:the|a|an|our|their|some|more)\s+[^,.;]+)", said_before, re.I)):
                    # "Ava at Meadow Health wants our SOC 2 report, draft her an email": what she wants is what it is about
                    fields["body"] = T.cap(asked.group("obj").strip())
                    if fields.get("subject", "").startswith("Following up"):
                        fields["subject"] = fields["body"]
                people = [m for m in self.mentions if m.kind == "contact" and len(m.ids) == 1
                          and cl.start <= m.start < cl.start + len(t)]
                if len(people) == 2 and re.fullmatch(r"\s*(?:(?:at|from)\s+(?-i:[A-Z])[\w&]*(?:\s+(?-i:[A-Z])[\w&]*)*)?\s*,?\s*and\s*",
                                                     t[people[0].end - cl.start:people[1].start - cl.start]) \
                        and not t[people[1].end - cl.start:].startswith("'") and not self.f.clarifications:
                    # "email Tom and Rachel at Northwind the renewal quote": one draft to each person
                    if "body" not in fields and (tail := re.sub(r"^\s*(?:(?:at|from)\s+(?-i:[A-Z])[\w&]*(?:\s+(?-i:[A-Z])[\w&]*)*)?[\s,]*",
                                                                  "", t[people[-1].end - cl.start:])) and len(tail.split()) >= 2:
                        fields["body"] = T.cap(tail.strip(" .,;"))
                    for who_m in people:
                        draft = dict(fields)
                        if draft.get("subject", "").startswith("Following up - "):
                            draft["subject"] = f"Following up - {self.idx.contacts[who_m.ids[0]].name}"
                        self._add(cl.start, {"kind": "draft_email", "fields": draft, "role": "outreach",
                                             "loc": _Local(who_m.ids[0], None, None, False), "k": k, "sure": self._sure(cl, own)})
                else:
                    if not people and (heard := _UNHEARD_RECIPIENT.search(t)) and not self.f.clarifications \
                            and not {w.lower() for w in heard.group("r").split()} & _NOT_A_RECIPIENT:
                        # "email my chin that we need the signed order form": whom to write to was not heard as anyone
                        self.f.ask(f"Who should I email? I heard \"{heard.group('r')}\".", [])
                    self._add(cl.start, {"kind": "draft_email", "fields": fields,
                                         "role": "outreach", "loc": loc, "k": k, "sure": self._sure(cl, own)})
                self._produced.add(k)
                if said := T.says_from(rest):
                    # "..., tell him the contract is attached and we need signatures by the 30th":
                    # what follows "tell him" is the e-mail's text, not a change to the deal
                    says_from, says_sentence = cl.start + said, cl.sentence
                else:
                    # "draft email yusuf khan, demo recap and next steps": the words after it are its topic
                    says_from, says_sentence = cl.start + len(t), cl.sentence
                continue
            if says_sentence == cl.sentence and cl.start + len(t) > says_from and not (
                    _IMPERATIVE.search(t) or R.TASK_RE.search(t) or R.activity_type(t) or R.MEETING_RE.search(t)
                    or R.EMAIL_RE.search(t)):
                continue
            if R.TASK_RE.search(t) and _TASK_FOR_THAT.match(t) and said_before:
                # "Priya wants the revised proposal by Friday, make a task for it": the task is what
                # the clause before says, due when it says
                d = d or find_date(said_before, self.today)
                fields = {"title": T.task_from_request(said_before, d, self._who())}
                if d:
                    fields["due_date"] = d[0].isoformat()
                self._add(cl.start, {"kind": "create_task", "fields": fields, "role": "note", "loc": loc,
                                     "sure": self._sure(cl, own)})
                self._produced.update({k, k - 1})
                continue
            if (two := _TWO_TO_REMIND.match(t)) and self._two_reminders(two, cl.start):
                # "Remind me to call Nina Patel tomorrow and James Whitfield on Tuesday": a task for each, each its own day
                self._produced.add(k)
                continue
            if R.TASK_RE.search(t) and not (re.match(r"\W*(?:(?:please|ok|okay|so)\W+)*(?:draft|write|compose|e-?mail)\b", self.text, re.I)
                                           and re.search(r"\breminders?\b", t, re.I)
                                           and not re.search(r"\b(?:remind me|set|create|add|make)\b", t, re.I)) \
                    and not (re.match(r"\W*(?:(?:and|so|then|also|please)\s+)*(?:log|record)\s+(?:a|an|the)\s+(?:call|meeting|email|e-mail|note)\b"
                                      r"[^:]*:", t, re.I) and not re.search(r"\bremind me\b", t, re.I)) \
                    and not (re.match(r"\W*(?:(?:okay|ok|so|and|then|also)\W+)*(?:i\s+|we\s+)?(?:just\s+|also\s+)?sent\b", t, re.I)
                             and R.activity_type(t) == "email" and not re.search(r"\b(?:remind me|task|reminder|to-?do)\b", t, re.I)):
                # ("I sent Tom Becker a follow-up email about ...": an e-mail that went out, not a follow-up to do)
                # ("..., and log an email to her: sent the renewal reminder": what is logged, not a task)
                # ("Draft email, Kara Brooks, invoice reminder, net 30": the reminder is the e-mail's topic)
                if d is None and last_date is not None and re.search(r"\b(?:then|that day|by then)\b", t, re.I):
                    d = (last_date, 0, 0)  # "he's out until December first, follow up with him then"
                if d is None and cond_date is not None and cond_sentence == cl.sentence:
                    d = cond_date  # "if she hasn't replied by Friday, remind me to call her"
                renamed = self._by_name(t, cl.start)
                if renamed != t and d is not None:
                    d = find_date(renamed, self.today) or d  # (the date's place in the renamed words)
                fields = {"title": T.task_title(renamed, d if d is None or d[2] else None, self._who())}
                earlier = " ".join(p.text for p in parts[:k] if p.sentence == cl.sentence)
                if (it := re.match(r"(?P<v>send|share|forward|email|bring)\s+it(?P<rest>\s+(?:to|over to|with)\s+(?:her|him|them))?\b",
                                   fields["title"], re.I)) \
                        and (asked := re.search(r"\b(?:asked for|wants?|requested|needs?|is waiting (?:on|for))\s+"
                                                r"(?P<obj>(?:a|an|the|our|their|some)\s+[\w -]{2,40}?)\s*$", earlier, re.I)):
                    # "Carla asked for a usage report, remind me to send it to her": "it" is the report, "her" Carla
                    obj = re.sub(r"^(?:a|an|some)\s+", "the ", asked.group("obj").strip())
                    prep = "with" if it.group("rest") and "with" in it.group("rest").lower() else "to"
                    to = f" {prep} {self._who()}" if it.group("rest") and self._who() else (it.group("rest") or "")
                    fields["title"] = f"{it.group('v').capitalize()} {obj}{to}{fields['title'][it.end():]}"
                if d:
                    fields["due_date"] = d[0].isoformat()
                task_loc = own
                said_here = [p for p in parts[:k] if p.sentence == cl.sentence and not _IMPERATIVE.search(p.text)]
                if own is None and re.fullmatch(r"(?:remind me|reminder|a reminder|set a reminder)", str(fields["title"]).strip(" ."), re.I) \
                        and said_here:
                    # "And Gina Moreau at Willow needs the invoice resent, remind me tomorrow": the reminder is what was said,
                    # about the one person said in that sentence
                    fields["title"] = T.cap(re.sub(r"^\W*(?:and|so|oh|also)\s+", "", said_here[-1].text.strip(" ,.;"), flags=re.I))
                    here_people = {m.ids[0] for m in self.mentions if m.kind == "contact" and len(m.ids) == 1
                                   and said_here[0].start <= m.start < cl.start}
                    if len(here_people) == 1:
                        task_loc = _Local(next(iter(here_people)), None, None, False)
                if own is None and self.ctx is not None and self.ctx.type == "deal" and self.ctx.id.isdigit() \
                        and int(self.ctx.id) in self.idx.deals and not PERSON_REF.search(t) \
                        and not re.search(r"\b(?:him|her|them|with|to)\b", str(fields["title"]), re.I):
                    # on a deal's page, "create a task to book the onboarding session": the deal's task (nobody is its object)
                    did = int(self.ctx.id)
                    task_loc = _Local(None, did, self.idx.deals[did].company_id, False)
                elif own is None and loc is not None and loc.contact is not None and PERSON_REF.search(t):
                    task_loc = _Local(loc.contact, None, None, False)  # "Wendy at Onyx ..., a task to call her"
                elif own is None and self.f.contact is not None and not self.f.person_blocked \
                        and re.search(r"\b(?:him|her)\b", t, re.I) and not {m.ids[0] for m in self.mentions if m.kind == "contact"
                                                                              and len(m.ids) == 1 and m.ids[0] != self.f.contact}:
                    task_loc = _Local(self.f.contact, None, None, False)  # "I called Hugo ..., remind me to check in with him"
                elif own is None and self.f.contact is not None and not self.f.person_blocked \
                        and re.match(r"(?:follow up with|call|email|ping|check in with|chase)\s", str(fields["title"]), re.I) \
                        and self.idx.contacts[self.f.contact].name in str(fields["title"]) \
                        and re.search(r"\b(?:called|rang|phoned|emailed|reached|texted)\s+" + re.escape(self.idx.contacts[self.f.contact].name),
                                      self.text, re.I):
                    # "I called Theo Price ..., remind me to follow up in three weeks": the follow-up is with Theo
                    task_loc = _Local(self.f.contact, None, None, False)
                elif own is None and loc is not None and loc.contact is not None and not self.f.person_blocked \
                        and re.fullmatch(r"\W*(?:(?:and|so|then|also|please)\s+)*(?:set|add|create|put in|schedule)\s+(?:a|the)\s+"
                                         r"follow[- ]?up\b.*", t, re.I) \
                        and str(fields["title"]).startswith(f"Follow up with {self.idx.contacts[loc.contact].name}"):
                    # "Good call with Yusuf Evans ..., mark him as an MQL and set a follow-up for next Wednesday": the
                    # follow-up is with the person the sentence is about, as its title says
                    task_loc = _Local(loc.contact, None, None, False)
                self._add(cl.start, {"kind": "create_task", "fields": fields, "role": "note", "loc": task_loc,
                                     "sure": self._sure(cl, own)})
                self._produced.add(k)
                continue
            # ("she wants pricing by Friday" is what she said, kept in the activity; a task is made when
            # the user asks for one: a task nobody asked for was a wrong write in every blind set)
            kind = R.activity_type(t)
            if kind == "note" and re.search(r"\blog\s+(?:it|that|this)\b", t, re.I):
                kind = _reported_type(self.text) or kind  # "Priya just called ... log it"
            if kind and activity is None:
                if own is None and loc is not None and loc.contact is not None and PERSON_REF.search(t):
                    loc = _Local(loc.contact, None, None, False)  # "..., and add a note that she's unhappy"
                elif own is None and (loc is None or loc.contact is None) and re.search(r"\b(?:his|her|him|with (?:him|her))\b", t, re.I) \
                        and len(named_ids := list(dict.fromkeys(m.ids[0] for m in self.mentions if m.kind == "contact"
                                                                and len(m.ids) == 1 and m.start < cl.start))) == 1:
                    # "Yusuf Rossi at Granite Labs, he emailed back. ... Push the close ..., and log his email": the
                    # one person named before is "his"
                    loc = _Local(named_ids[0], None, None, False)
                activity, act_pos, act_k, act_loc = {"activity_type": kind, "body": self.text}, cl.start, k, loc
                act_sure = self._sure(cl, own)
                if (head := self._ACT_HEAD.match(t)) and re.match(r"[^:]{0,80}:\s*\S", t[head.end():]):
                    colon_said.add(k)  # "Log a call: he confirmed ... and wants to sign by the 30th": what is logged
            elif k - 1 in colon_said and parts[k - 1].sentence == cl.sentence and not _IMPERATIVE.match(t):
                colon_said.add(k)  # (its words run to the sentence's end or the next command)
            if k in colon_said:
                continue  # the words of a logged call or note set no fields: the user said what to log, not to change
            # contact updates
            if (co := _ALL_CONTACTS_OF.search(t)) and (owner := self._owner(t)):
                # "Give all the Harbor Health contacts to Sam": each contact of that company
                here = [m for m in self.mentions if m.kind == "company" and len(m.ids) == 1
                        and cl.start + co.start() <= m.start < cl.start + co.end()]
                if here:
                    for cid in self.idx.contacts_by_company.get(here[0].ids[0], ()):
                        self._add(cl.start, {"kind": "update_contact", "fields": {"owner": owner}, "role": "contact",
                                             "loc": _Local(cid, None, None, False)})
                    self._produced.add(k)
                    continue
            cu = self._contact_update(t)
            several = list(dict.fromkeys(m.ids[0] for m in self.mentions if m.kind == "contact" and len(m.ids) == 1
                                         and cl.start <= m.start < cl.start + len(t)))
            if cu and len(several) < 2 and re.search(r"\bboth\b.{0,40}\bcontacts\b|\ball\s+(?:three|two|of them)\b", t, re.I):
                # "Make Jordan the owner of both Northwind contacts, Tom Becker and Rachel Adams": the people
                # listed after it, in the same sentence
                several = list(dict.fromkeys(m.ids[0] for m in self.mentions if m.kind == "contact" and len(m.ids) == 1
                                             and m.start >= cl.start and self.text[cl.start:m.start].count(".") == 0))
            if cu and len(several) < 2 and set(cu) <= {"lifecycle_stage", "owner", "do_not_contact"} \
                    and re.search(r"\b(?:their|them|both(?:\s+of\s+them)?|each\s+of\s+them)\b", t, re.I):
                # "Ava Vogel and Dan Hughes at Upland Media both churned, set their lifecycle to other": "their" is the
                # people named together just before, in the same sentence
                sent_start = max(self.text.rfind(".", 0, cl.start), self.text.rfind("?", 0, cl.start), self.text.rfind("!", 0, cl.start)) + 1
                named_together = list(dict.fromkeys(m.ids[0] for m in self.mentions if m.kind == "contact" and len(m.ids) == 1
                                                    and sent_start <= m.start < cl.start))
                if len(named_together) > 1 and re.search(r"\band\b", self.text[sent_start:cl.start], re.I):
                    several = named_together
                    t = f"{t} and"  # (the same change for each, below)
            if cu and len(several) > 1 and "owner" in cu and len(paired := self._owners_by_person(t, cl.start, several)) == len(several):
                # "Split the Summit Labs folks, Leo Vogel goes to Sam and Zoe Price goes to Morgan": each to the one said with them
                for cid, owner in paired.items():
                    self._add(cl.start, {"kind": "update_contact", "fields": {"owner": owner}, "role": "contact",
                                         "loc": _Local(cid, None, None, False)})
                self._produced.add(k)
                continue
            if cu and len(several) > 1 and set(cu) <= {"lifecycle_stage", "owner", "do_not_contact"} \
                    and re.search(r"\b(?:both|all|each|and)\b", t, re.I):
                # "Felix Hughes and Leo Ueda are both opportunities now": the same change for each
                for cid in several:
                    self._add(cl.start, {"kind": "update_contact", "fields": dict(cu), "role": "contact",
                                         "loc": _Local(cid, None, None, False)})
                self._produced.add(k)
                continue
            if cu:
                who = own.contact if own is not None and own.contact is not None else (
                    loc.contact if loc is not None else None)
                if contact_fields and who is not None and contact_who is not None and who != contact_who:
                    self._add(contact_pos, {"kind": "update_contact", "fields": contact_fields, "role": "contact",
                                            "loc": _Local(contact_who, None, None, False)})
                    contact_fields, contact_pos = {}, 0
                contact_who = who if who is not None else contact_who
                contact_fields.update(cu)
                contact_pos = contact_pos or cl.start
                self._produced.add(k)
                continue
            # deal updates
            if d is None and last_date is not None and re.search(
                    r"\b(?:set|update|change|put|make|move|push|bump|shift|fix)\b.{0,20}\b(?:clos(?:e|ing) )?date\b(?!\s+(?:to|for|on)\s+\w+day\b)",
                    t, re.I):
                d = (last_close, 0, 0) if last_close is not None else None
                # "Umbrella can't sign before June, set the close date to reflect that"
            self._amount_said = deal_fields.get("amount") if amount_stated else None
            was_relative, self.relative_amount = self.relative_amount, False
            got = self._owner_until(t, d, self._deal_updates(t, d))
            self._amount_said = None
            relative_here, self.relative_amount = self.relative_amount, was_relative or self.relative_amount
            if "amount" in got and "amount" in deal_fields and relative_here and amount_stated:
                deal_fields["amount"] = got["amount"]  # "Vertex is worth fifty-four, take fifteen percent off": the new one
                amount_stated = False
            elif "amount" in got and "amount" not in deal_fields:
                amount_stated = not relative_here
            if re.match(r"\W*(?:(?:let'?s|lets)\s+say|say|make it|make that|actually|or rather|i mean|(?:well\W+)?realistically|"
                        r"put(?:\s+(?:it|that|down))?(?=\s+(?:as|for|at|on|the|to)\b))\b", t, re.I) and d \
                    and "close_date" in deal_fields and "close_date" not in got:
                deal_fields["close_date"] = d[0].isoformat()  # "close before Christmas, say December twenty third"
                self._produced.add(k)
            if _THAT_NEXT_STEP.search(t) and said_before and not R.NEXT_STEP_RE.search(said_before):
                # "Their CMO wants to see the campaign results first, make that the next step"
                got["next_step"] = T.cap(re.sub(r"^\W*(?:so|and|but|okay|ok)\s+", "", said_before.strip(" ,.")))
            if got:
                if "next_step" not in got or len(got) > 1 or re.match(r"\W*(?:and\s+|so\s+)?(?:the\s+)?next steps?\b", t, re.I):
                    self._produced.add(k)  # ("the next step is ..." says a field, not what happened)
                key = loc.deal if loc is not None and loc.deal is not None else None
                if key is not None and loc is not None \
                        and any(x is not None and x.deal is not None and x.deal != key for x in deal_locs):
                    # "Move Onyx to Negotiation, and mark Meadow Ventures as lost": another deal, its own update
                    if set(got) - {"next_step"}:  # a "needs ..." aside about another record is not a write
                        other_groups.append((cl.start, dict(got), loc, self._sure(cl, own)))
                    continue
                if _SELF_CORRECTION.search(t) or _REOPEN.search(t):
                    deal_fields.update(got)  # "Move Blue Harbor to demo. Wait, no, put it in proposal sent."
                else:
                    deal_fields.update({k2: v for k2, v in got.items() if k2 not in deal_fields})
                    if "next_step" in got and (R.NEXT_STEP_RE.search(t) or _THAT_NEXT_STEP.search(t)):
                        deal_fields["next_step"] = got["next_step"]  # said as the field wins over "X needs Y"
                    if "competitor" in got and re.search(r"\bcompetitor\b", t, re.I):
                        deal_fields["competitor"] = got["competitor"]  # "put Zendesk as the competitor" wins too
                    if "stage" in got and re.search(r"\b(?:straight|right|directly)\s+(?:to|into)\b|\bskip(?:ping)?\s+(?:ahead\s+)?to\b", t, re.I):
                        deal_fields["stage"] = got["stage"]  # "..., they've seen enough. Move it straight to Proposal Sent"
                    if "close_date" in got and re.match(r"\W*(?:(?:so|and|but|just|then|ok|okay)\s+)*(?:make|set|change|push|move|put|let'?s say)\b",
                                                        t, re.I):
                        deal_fields["close_date"] = got["close_date"]  # "the close date says tomorrow... make it the 25th"
                    if "amount" in got and re.match(r"\W*(?:(?:so|and|but|just)\s+)*(?:make|set|change|bump|put) (?:it|that)\b", t, re.I):
                        deal_fields["amount"] = got["amount"]  # "it's at ninety six hundred, make it twelve k": the new one
                    if "amount" in got and re.match(r"\W*(?:(?:so|and|but|no|actually|really|that'?s wrong)\W+)*(?:really\s+|actually\s+)?"
                                                    r"(?:it'?s|it is|it should be|should be)\b", t, re.I) \
                            and re.search(r"\b(?:wrong|really|actually|should be|not right|incorrect)\b",
                                          self.text[max(0, self.text.find(t) - 40):self.text.find(t) + len(t)], re.I):
                        deal_fields["amount"] = got["amount"]  # "says three K? That's wrong, it's thirty K": the right one
                deal_pos = cl.start if deal_pos is None else deal_pos
                deal_locs.append(loc)
                deal_sure.append(self._sure(cl, own))
        if deal_fields.get("stage") and re.search(r"\bdemo\b", deal_fields["stage"], re.I):
            # "Acme's booked in for a demo, bump the deal to demo scheduled": the demo is the stage's
            # reason, not a meeting to book (none is, without a day or a time)
            self.actions = [(pos, a) for pos, a in self.actions if not (
                isinstance(a, dict) and a["kind"] == "book_meeting" and not {"due_date", "time"} & set(a["fields"]))]
        other_asked = any(isinstance(a, dict) and a.get("kind") in ("create_task", "book_meeting", "draft_email")
                          for _, a in self.actions)
        if (activity is not None or other_asked) and set(deal_fields) == {"next_step"} and not R.NEXT_STEP_RE.search(self.text) \
                and not _THAT_NEXT_STEP.search(self.text):
            # "Had coffee with Theo, he's keen but needs board approval in January": what someone needs,
            # told in a call or meeting report (or beside a task: "he's waiting on the proposal, so remind
            # me Friday to follow up"), stays in those words; the deal's next step is set when the user
            # says so or changes the deal too
            deal_fields = {}
        if "stage" not in deal_fields and "stage" not in held_fields and not any("stage" in g[1] for g in other_groups):
            # ("Push the Vertex close date ... and move Northwind to closed won": the stage is Northwind's alone)
            for s_index, sentence in enumerate(R.SENTENCE_SPLIT.split(self.text)):
                if s_index in hypo_sentences:
                    continue
                if sentence and (stage := R.trailing_stage(sentence, self.o._stages)):
                    deal_fields["stage"] = stage
                    deal_pos = self.text.find(sentence) if deal_pos is None else deal_pos
                    break
        if activity is not None:
            for p in parts:
                if (on := re.match(r"\W*(?:(?:and|so|then|please|just)\s+)*log\s+(?:(?:the|that|this|it|a|an)\s+)?"
                                   r"(?:(?:call|meeting|note|email|chat)\s+)?(?:on|with|for|against|under|to)\s+", p.text, re.I)):
                    on_ids = list(dict.fromkeys(m.ids[0] for m in self.mentions if m.kind == "contact" and len(m.ids) == 1
                                                and p.start + on.end() <= m.start < p.start + len(p.text)))
                    if len(on_ids) == 1:
                        # "... Wendy Khan and Kara Larsen were both on ... Log the call on Wendy": on the one said
                        act_loc = _Local(on_ids[0], None, None, False)
                        break
            if said_as := re.search(r"\blog\s+(?:it|that|this)\s+as\s+(?:a|an)\s+(?P<k>call|meeting|email|note)\b|"
                                    r"\blog\s+(?:both|them|each|all)(?:\s+of\s+them)?\s+as\s+(?P<k2>call|meeting|email|note)s\b",
                                    self.text, re.I):
                activity["activity_type"] = (said_as.group("k") or said_as.group("k2")).lower()  # "... Log it as a meeting"
            if mood:
                activity["sentiment"] = mood
            activity["body"] = self._body(parts, act_k)
            cl = parts[act_k]
            several = list(dict.fromkeys(m.ids[0] for m in self.mentions if m.kind == "contact" and len(m.ids) == 1
                                         and cl.start <= m.start < cl.start + len(cl.text)))
            both = re.search(r"\b(?:both|each of them|all of them|everyone)\b", self.text, re.I)
            if len(several) < 2 and both and re.match(r"\W*(?:(?:and|so|please|just)\s+)*log\s+(?:it|that|this|both|them|each|all)\b",
                                                      cl.text, re.I):
                # "Lunch meeting with Priya and Linda, log it for both": the people named before "log it"
                several = list(dict.fromkeys(m.ids[0] for m in self.mentions if m.kind == "contact" and len(m.ids) == 1
                                             and m.start < cl.start))
                cl = next((p for p in parts if self.mentions and p.start <= self.mentions[0].start < p.start + len(p.text)), cl)
            elif len(several) < 2 and both and (log_all := next((p for p in parts if re.match(
                    r"\W*(?:(?:and|so|please|just)\s+)*log\s+(?:both|them|each|all)(?:\s+of\s+them)?\b", p.text, re.I)), None)):
                # "Met with Mike Rodriguez and then separately with David Kim. ... Log both as meetings."
                several = list(dict.fromkeys(m.ids[0] for m in self.mentions if m.kind == "contact" and len(m.ids) == 1
                                             and m.start < log_all.start))
                cl = log_all
            if len(several) > 1 and (re.search(r"\band\b", cl.text) or re.match(r"\W*(?:(?:and|so|please|just)\s+)*log\s+(?:both|them|"
                                                                              r"each|all)\b", cl.text, re.I)) \
                    and not self.f.clarifications \
                    and (activity["activity_type"] in ("call", "email") or both or re.search(
                        # "Log a meeting with Paula Larsen and Zoe Vogel at Cedar Group": on each one's timeline
                        r"\b(?:meeting|meetings|calls|emails)\s+with\s+(?:both\s+)?(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)?\s+and\s+(?-i:[A-Z])",
                        cl.text, re.I)):
                # "Left voicemails for Kara Novak and Dan Moreau": one activity on each person's timeline
                for cid in several:
                    self._add(act_pos, {"kind": "log_activity", "fields": dict(activity), "role": "note",
                                        "loc": _Local(cid, None, None, False), "sure": act_sure})
            else:
                if act_loc is not None and act_loc.contact is None and act_loc.company is not None \
                        and activity["activity_type"] in ("call", "meeting"):
                    # "the Initech demo went well, Linda loved the routing piece": the person of that company
                    # who was there is whom the meeting is logged on (the deal is linked through her)
                    there = set()
                    for m in self.mentions:
                        ours = [i for i in m.ids if self.idx.contacts[i].company_id == act_loc.company] \
                            if m.kind == "contact" else []
                        if len(ours) == 1 and (len(m.ids) == 1 and ours[0] in self.f.contacts or m.partial):
                            there.add(ours[0])  # ("Sofia" with two Sofias in the workspace, one at Meadow Health)
                    if len(there) == 1:
                        act_loc = _Local(next(iter(there)), act_loc.deal, act_loc.company, act_loc.named_thing)
                if (in_view := self.idx.contact_in_view(self.ctx)) is not None and (act_loc is None or act_loc.contact is None) \
                        and re.match(r"\W*(?:he|she)(?:'s|\s+(?:is|was|has|had|will|wants|said|says|told|called|emailed))\b",
                                     str(activity["body"]), re.I) \
                        and not [m for m in self.mentions if m.kind == "contact"]:
                    # "He's leaving Upland Media at the end of the month. Note it." with Dan Hughes in view: the note is
                    # about him; his company named in it is what he said, not where it goes
                    act_loc = _Local(in_view, None, None, False)
                self._add(act_pos, {"kind": "log_activity", "fields": activity, "role": "note", "loc": act_loc,
                                    "sure": act_sure})
        for name in held_fields:
            deal_fields.pop(name, None)
            contact_fields.pop(name, None)
            for _pos, fields, _loc, _sure in other_groups:
                fields.pop(name, None)
        other_groups = [g for g in other_groups if g[1]]
        if deal_fields:
            locs = {id(x): x for x in deal_locs if x is not None and x.deal is not None}
            one = next(iter(locs.values())) if len(locs) == 1 and None not in deal_locs else None
            self._add(deal_pos or 0, {"kind": "update_deal", "fields": deal_fields, "role": "deal", "loc": one,
                                      "sure": one is not None and all(deal_sure)})
        merged: dict[int | None, tuple[int, dict[str, Any], _Local, bool]] = {}
        for pos, fields, loc, sure in other_groups:
            if loc.deal in merged:
                merged[loc.deal][1].update({k2: v for k2, v in fields.items() if k2 not in merged[loc.deal][1]})
            else:
                merged[loc.deal] = (pos, fields, loc, sure)
        self._grouped = bool(merged)
        for pos, fields, loc, sure in merged.values():
            self._add(pos, {"kind": "update_deal", "fields": fields, "role": "deal", "loc": loc, "sure": sure})
        for _pos, a in self.actions:
            if isinstance(a, dict) and a["kind"] == "draft_email" and "body" not in a["fields"]:
                # "Draft an email to Carla Ortiz, we'd love to win them back, offer a ten percent
                # discount": the clauses after it that ask for nothing else are what it says
                rest = [parts[j].text.strip(" ,.;") for j in range(a["k"] + 1, len(parts))
                        if j not in self._produced and parts[j].sentence == parts[a["k"]].sentence
                        and not re.match(r"\W*subject\b", parts[j].text, re.I)]
                if rest:
                    a["fields"]["body"] = T.cap(", ".join(rest))
                continue
            if isinstance(a, dict) and a["kind"] == "draft_email" and "body" in a["fields"]:
                more = []
                for j in range(a["k"] + 1, len(parts)):
                    if j in self._produced or parts[j].sentence != parts[a["k"]].sentence:
                        continue
                    if sm := re.match(r"\W*subject(?: line)?(?: is|:)?\s+(?P<s>.+?)(?=\s*,\s*(?:and\s+)?(?:say|saying|tell|ask|asking|mention|"
                                      r"let\s+\w+\s+know)\b|$)", parts[j].text, re.I | re.S):
                        a["fields"]["subject"] = T.cap(sm.group("s").strip(" .,\"'\u201c\u201d"))  # ", subject line X"
                        continue
                    extra = parts[j].text.strip(" ,.;")
                    if re.sub(r"^[^:]{0,40}:\s*", "", extra).lower()[:40] in a["fields"]["body"].lower():
                        continue  # "... about next steps: we'll send the SOW Monday": the words after the colon are the body
                    if re.match(r"(?:body|message)\b", extra, re.I) or \
                            re.sub(r"^(?:body|message)\s*(?:is|:|,|-|says?)?\s*", "", extra, flags=re.I).lower()[:40] in a["fields"]["body"].lower():
                        continue  # "..., body says we'll have round one ...": the dictated body is the body already
                    if (said_at := re.search(r"\b(?:saying|that says|tell(?:ing)? (?:him|her|them)|let (?:him|her|them) know)\s+(?:that\s+)?",
                                             extra, re.I)) and extra[said_at.end():].lower()[:40] in a["fields"]["body"].lower():
                        continue  # "Just a short note saying X": X is the body already
                    if re.sub(r"^(?:and\s+)?(?:saying|that says|tell(?:ing)? (?:him|her|them)|say|let (?:him|her|them) know|mention|"
                              r"remind (?:him|her|them)|explain|point out|ask(?:ing)?(?: (?:him|her|them))?)\s+(?:that\s+)?", "", extra,
                              flags=re.I).lower() not in a["fields"]["body"].lower():
                        more.append(extra)  # (a "saying ..." clause is already the body)
                if more:
                    a["fields"]["body"] = ", ".join([a["fields"]["body"]] + more)
        if contact_fields:
            self._add(contact_pos, {"kind": "update_contact", "fields": contact_fields, "role": "contact",
                                    "loc": _Local(contact_who, None, None, False) if contact_who is not None else None})
        if not self.actions and self._is_statement() and not U.only_a_person(self.text, self.mentions) \
                and not self.f.clarifications and not _IMPERATIVE.search(self.text) \
                and (_reported_type(self.text) or re.search(r"\b(?:log|logged|note|jot|record|write (?:that|it|this) down|"
                                                           r"put (?:that|it|this) down)\b", self.text, re.I)
                     # "The Initech deal is stuck, they went quiet": how a deal stands, said of it by name
                     or re.search(r"\b(?:deal|account|renewal)\b.{0,40}\b(?:stuck|stalled|stalling|quiet|dark|slipping|at risk|"
                                  r"blocked|delayed|on hold|ghost(?:ed|ing)|going sideways)\b", self.text, re.I)):
            # "Kara says they might revisit in the spring, jot that down": a fact about a record, asked to be
            # kept -> a note on it ("Victor Price called, they want to expand": the call he made, logged as a
            # call). A bare statement ("That's Harbor Health, who we have in the CRM", often a recogniser's
            # garble) writes nothing: the planner says what it heard and asks
            fields = {"activity_type": _reported_type(self.text) or "note", "body": self.text}
            if mood:
                fields["sentiment"] = mood
            self._add(0, {"kind": "log_activity", "fields": fields, "role": "note",
                          "loc": self._local(0, len(self.text))})  # a person named: their timeline
        if not self.actions:
            if len(self.mentions) >= 2 and U.only_names(self.text, self.mentions):
                # "Natarajan, Natarajan," / "Acme, Initech, Tidal": a recogniser echoing its vocabulary prompt
                self.message = f"I only heard names (\"{self.text}\"), not what to do. {U.RETRY_HINT}"
            elif self.mentions and not self.f.clarifications and (fm := _FIELD_WITHOUT_VALUE.search(self.text)):
                # "Set the Onyx amount to, uh, thirty something, I'll have to check": a change with no
                # value we can use is asked about, never answered as a question nor guessed
                field_name = fm.group("f").lower()
                said_stage = re.search(r"\bstage\s+(?:to|as)\s+(?P<v>[A-Za-z][\w -]{1,30}?)\W*$", self.text, re.I)
                if field_name == "stage" and said_stage:
                    labels = ", ".join(st.label for st in self.idx.stages)
                    self.f.ask(f"There is no stage \"{said_stage.group('v')}\". Which stage: {labels}?", [])
                else:
                    self.f.ask(f"What should the {field_name} be? I didn't catch a value.", [])
            elif self.mentions and not self.f.clarifications and (mv := _MOVE_TO_UNKNOWN.search(self.text)) \
                    and not R.stage_phrase(self.text, self.o._stages) and find_date(mv.group("v"), self.today) is None \
                    and not re.search(r"\d|\b(?:me|him|her|them|us)\b", words_to_digits(mv.group("v")), re.I) \
                    and not _VAGUE_VALUE.search(self.text) \
                    and not any(m.start >= mv.start("v") for m in self.mentions):
                # "Move Vertex to verbal commit": a stage this pipeline does not have - asked, never guessed
                labels = ", ".join(st.label for st in self.idx.stages)
                self.f.ask(f"There is no stage \"{mv.group('v')}\". Which stage: {labels}?", [])
            elif self.mentions and not self.f.clarifications and _VAGUE_VALUE.search(self.text):
                # "Set Meadow Health to, uh, twelve... something, I'll check": no value to write yet
                self.f.ask("What should the amount be? I didn't catch an exact value.", [])
            elif self.mentions and not self.f.clarifications and U.asks_about_record(self.text):
                self._question(None)
            elif self.mentions and not self.f.clarifications:
                # names a record but no instruction we understood (often a garbled transcript):
                # say so rather than answer a question nobody asked
                named = ", ".join(dict.fromkeys(self.idx.describe(m.kind, m.ids[0]) for m in self.mentions
                                                if len(m.ids) == 1)) or self.mentions[0].text
                self.message = f"I heard \"{self.text}\" about {named} but not what to do. {U.RETRY_HINT}"
            elif not self.f.clarifications:
                self.message = OFF_TOPIC_MESSAGE

    def _local(self, start: int, end: int) -> _Local | None:
        """The records named inside ``[start, end)`` (one clause), resolved with the whole
        instruction's help (a company named elsewhere narrows "Mike"); None when it names none."""
        here = [m for m in self.mentions if start <= m.start < end]
        if comp := R.competitor(self.text[start:end]):
            # "also looking at Microsoft Dynamics": a competitor's words are not a workspace record
            # ("I'm looking at Nina Patel at Pinecrest": a person's full name is never a rival)
            here = [m for m in here if m.text.lower() not in comp.lower() or (m.kind == "contact" and not m.partial)]
        if any(not m.partial for m in here):
            # "Acme is also looking at Microsoft Dynamics": a shared word ("Dynamics") yields to a full name
            here = [m for m in here if not m.partial or m.kind == "contact"]
        if not here:
            return None
        f = self.f
        if len(here) == 1 and here[0].kind == "company" and len(here[0].ids) == 1 \
                and re.fullmatch(r"\W*(?:the|their|our)\s+" + re.escape(here[0].text) + r"(?:'s)?\s+" + R.TITLE_RE.pattern + r"\W*",
                                 self.text[start:end], re.I) \
                and (person := next((m for m in reversed(self.mentions) if m.kind == "contact" and len(m.ids) == 1
                                     and m.end <= start and self.idx.contacts[m.ids[0]].company_id == here[0].ids[0]), None)):
            # "Theo Walsh, the Harbor Health CEO, ...": the company says who the person is; the clause is about him
            return self._local(person.start, person.end)
        contact = next((c for m in here if m.kind == "contact" for c in m.ids if c in f.contacts), None)
        if any(m.kind == "contact" and not set(m.ids) & set(f.contacts) for m in here):
            contact = None if contact is None else contact
        deal = company = None
        for m in here:
            if m.kind == "deal":
                deal = m.ids[0]
                company = self.idx.deals[deal].company_id
                break
            if m.kind == "company":
                ids = [i for i in m.ids if i in f.companies]
                if len(ids) == 1:
                    company = ids[0]
                    break
        if deal is None and company is not None:
            deal = f.deal if f.deal is not None and self.idx.deals[f.deal].company_id == company else None
            if deal is None:
                open_ = self.idx.open_deals(company)
                deal = open_[0] if len(open_) == 1 else None
        if deal is None and company is None and contact is not None:
            open_ = [d for d in self.idx.deals_by_contact.get(contact, ()) if self.idx.deals[d].is_open]
            deal = open_[0] if len(open_) == 1 else (f.deal if f.deal is not None and f.contact == contact else None)
        if contact is None and deal is None and company is None:
            return None
        return _Local(contact=contact, deal=deal, company=company, named_thing=any(m.kind != "contact" for m in here))

    def _sure(self, cl: Any, own: _Local | None) -> bool:
        """True when clause ``cl`` names its own record and nothing in it is ambiguous or unknown:
        its action stands even while another clause's question is open ("Move Globex to
        Negotiation and log a call with Sarah" keeps the Globex move, asks which Sarah)."""
        if own is None:
            return False
        end = cl.start + len(cl.text)
        for m in self.mentions:
            if cl.start <= m.start < end and len(m.ids) > 1 and not (
                    set(m.ids) & set(self.f.contacts) or set(m.ids) & set(self.f.companies)):
                return False
        return not any(name.split()[0] in cl.text for name in self.f.unknown)

    @staticmethod
    def _names_other(text: str) -> bool:
        """A clause that speaks of a record it does not name resolvably ("the other deal", "a note on the
        course deal" when no Course is known): it never borrows the record of the clause before."""
        return bool(re.search(r"\bthe other\b", text, re.I)) or bool(re.search(
            r"\b(?:on|to|for|in|under)\s+the\s+(?!(?:same|whole|new|old|other|first|second|last|big|main|current|existing|"
            r"open|closed|lost|won)\b)[a-z][\w&'-]*(?:\s+[a-z][\w&'-]*)?\s+(?:deal|account|opportunity)\b", text, re.I))

    _ACT_HEAD = re.compile(
        r"^\W*(?:(?:please|ok|okay|so|and|also|then|just|quickly|can you|could you)\s+)*"
        r"(?:(?:log|record|add)(?:ged)?\s+(?:a|an|the|my|this|that)?\s*|(?:i\s+|we\s+)?(?:just\s+)?"
        r"(?:had|finished|did|got off|wrapped up|completed|ended|hung up on)\s+(?:a|an|the|my|our)?\s*)?"
        r"(?:(?:quick|short|long|good|great|intro|discovery|follow[- ]?up|phone|zoom|video|sales|demo|"
        r"check[- ]in|kickoff|kick-off|client|customer|prospect|partner|team)\s+)*"
        r"(?:call|meeting|demo|chat|conversation|sync|coffee|lunch|dinner|drinks|visit|note|email|voicemail)"
        r"(?:\s+(?:call|meeting))?\b"
        # "just wrapped with Dan Moreau ...", "got off the phone with Tom ...": the head ends before "with"
        r"|^\W*(?:(?:please|ok|okay|so|yeah|and|also|then|right)\W+)*(?:i\s+|we\s+)?(?:just\s+)?(?:wrapped|finished|got off the phone|got off|"
        r"hung up)(?:\s+up)?(?=\s+with\b)"
        r"|^\W*(?:(?:please|so|and|also|then|just)\s+)*(?:jot\s+down|write\s+down|log|record)(?=\s+that\b)", re.I)
    _NOTE_THAT = re.compile(r"\b(?:add|put|leave|make|log|drop|jot down|write down)\s+(?:a\s+|an\s+)?(?:quick\s+|short\s+)?"
                            r"note\b(?:\s+(?:to|on|for|in|against|under)\s+[^,;:]{1,60}?)?(?:\s+that\b|\s*:)\s*", re.I)
    _LEAD_GLUE = re.compile(r"^\W*(?:(?:about|re|regarding|on|where|in which|and|to say|saying|(?:down\s+)?that|team|folks|"
                            r"people|guys|crew|deal|account|contact|record|opportunity|-)\b\W*)*", re.I)

    def _body(self, parts: list[Any], act_k: int) -> str:
        """:meth:`_body_words` without a joining word left hanging at its end ("..., he wants to bring in
        his founder, so" -> "..., he wants to bring in his founder")."""
        body = self._body_words(parts, act_k)
        body = re.sub(r"[,;]\s*(?:(?:oh\s+)?(?:wait|hang on|hold on)\W+)?(?:it'?s|it is|that'?s|they'?re)\s+already\s+(?:there|done|in|at|set|marked)\b[^,;]*$",
                      "", body, flags=re.I)  # "..., oh wait it's already there": said of a change not made
        return re.sub(r"[,;]\s*(?:so|and|but|then|or|also|just)\W*$", "", body, flags=re.I) or body

    def _body_words(self, parts: list[Any], act_k: int) -> str:
        """An activity's body: its own clause's content and the clauses after it in the same
        instruction that asked for nothing else ("log a call with Priya: she needs a security
        review first" -> "she needs a security review first"); the command words ("log a call
        with Priya") and other clauses' commands ("move Northwind to proposal sent") are left out."""
        if act_k < 0:
            return self.text
        cl = parts[act_k]
        t = cl.text
        head = self._ACT_HEAD.match(t)
        rest_start = head.end() if head else 0
        here = [m for m in self.mentions if cl.start <= m.start < cl.start + len(t)]
        first_words = t[rest_start:].lstrip()
        if here and re.match(r"^(?:with|to|for|on)\b", first_words, re.I) or (head and here and not re.match(r"that\b", first_words, re.I)
                                                                                and here[0].start - cl.start <= rest_start + 12):
            # "... call with Priya Natarajan(, at Globex)": the names belong to the command
            rest_start = max(rest_start, max(m.end for m in here if m.start - cl.start <= rest_start + 40) - cl.start
                             if any(m.start - cl.start <= rest_start + 40 for m in here) else rest_start)
            if (poss := re.match(r"['’]s\s+(?:new\s+)?", t[rest_start:])) and (ti := R.TITLE_RE.match(t, rest_start + poss.end())):
                # "a call with Acme's new CFO, Jessica Moore": who, with the title and the name after it
                who = re.match(r"\s*,?\s*(?:(?-i:[A-Z])[a-z]+(?:\s+(?-i:[A-Z])[a-z]+)?)?", t[ti.end():])
                rest_start = ti.end() + (who.end() if who else 0)
        if re.match(r"^\W*(?:(?:and|so|please|just|but|for now|now|then)\s+)*(?:"
                    # "log his email", "log the coffee as a meeting", "note that on the renewal": what was said before
                    r"log\s+(?:his|her|their)\s+(?:email|e-mail|call|message|reply|voicemail|note)(?:\s+too)?"
                    r"|log\s+the\s+[\w-]+(?:\s+[\w-]+)?\s+as\s+(?:a|an)\s+(?:meeting|call|note|email)"
                    r"|note\s+(?:it|that|this)\s+(?:on|in|to|against)\s+(?:the\s+|his\s+|her\s+|their\s+)?[\w-]+(?:\s+[\w-]+)?"
                    r"|log\s+(?:it|that|this)(?:\s+(?:as\s+)?(?:a\s+|an\s+)?"
                    r"(?:note|call|email|meeting)(?:\s+(?:to|with|for|from)\s+(?:him|her|them))?)?"
                    r"(?:\s+(?:on|against|for|under)\s+(?:him|her|them|(?-i:[A-Z])[a-z]+(?:\s+(?-i:[A-Z])[a-z'-]+)?))?"
                    r"|log\s+(?:a|the)\s+(?:call|meeting|note|email)\s+(?:with|for|on)\s+(?:him|her|them)"
                    # "..., I'll confirm later, just log a note with that": what was said before is the note
                    r"|(?:log|add|put|leave|make)\s+(?:a|the)\s+note\s+(?:with|of|about|on)\s+(?:that|this|it|why|the\s+reason)"
                    # "Log a note on Eva with exactly that": what was said before is the note
                    r"|(?:log|add|put|leave)\s+(?:a|the)\s+(?:note|call|meeting)\s+(?:on|to|for|with)\s+[\w' ]{1,40}?\s+with\s+"
                    r"(?:exactly\s+|all\s+(?:of\s+)?|just\s+)?(?:that|this|it|those details)"
                    r"(?:\s+(?:on|for|to|with)\s+(?:both(?:\s+of\s+them)?|each(?:\s+of\s+them)?|all\s+of\s+them|them|everyone))?(?:\s+please)?|(?:log|add|make)\s+(?:a|an|the|that)\s+(?:note|call|email|meeting)|(?:leave|put|drop)\s+(?:a|the)\s+(?:quick\s+)?note|"
                    r"note\s+(?:it|that|this)(?:\s+down)?)(?:\s+(?:on|in|to|against)\s+(?:his|her|their|the|this|that|its)\s+(?:record|file|profile|timeline|"
                    r"contact|account|page|deal|opportunity))?(?:\s+(?:for now|for the moment|for the time being|too|as well|please))?"
                    r"(?:\W+nothing else|\s+and\s+(?:leave|keep|don'?t)\b.*)?\W*$", t, re.I):
            # ("... Log a note and set a task"; "just log the call and leave the stage alone")
            # "Got an email from Yusuf ... asking X, log it": the body is what was reported before;
            # "Jonas Weber from Orbital, log a call, he wants the German pack": what follows, when it says something
            after = [parts[k] for k in range(act_k + 1, len(parts)) if parts[k].sentence == cl.sentence
                     and k not in self._produced and not _IMPERATIVE.search(parts[k].text)
                     and (re.match(r"\W*(?:he|she|they|we|it)\b", parts[k].text, re.I)
                          # "he's gone quiet, so log a note, no reply since October, and remind me ...": the words said right
                          # after the bare request are the note
                          or k == act_k + 1 and re.match(r"\W*(?:no|not|still|never|only|just)\b", parts[k].text, re.I))]
            before = [] if after and not re.search(r"\b(?:it|that|this)\b", t, re.I) else [
                parts[k].text.strip(" ,.;") for k in range(act_k) if not _IMPERATIVE.search(parts[k].text)
                # ("Send Felix the case study this morning. Log it as an email.": what was done, not a request)
                or re.search(r"\b(?:this morning|yesterday|earlier today|last (?:night|week))\b", parts[k].text, re.I)]
            before = [re.sub(r"^\W*(?:and|so)\s+", "", b) for b in before if b]
            if before:
                body = ", ".join(before)
                return body[:1].upper() + body[1:]
        if re.fullmatch(r"\W*(?:(?:and|so|please|just|then)\s+)*(?:log|add|put|leave)\s+(?:a|the)\s+(?:note|call|meeting)\s+(?:on|for|with|to)\s+"
                        r"(?-i:[A-Z])[a-z'-]+(?:\s+(?-i:[A-Z])[a-z'-]+)?\W*", t, re.I) \
                and not any(k not in self._produced and not _IMPERATIVE.search(parts[k].text) for k in range(act_k + 1, len(parts))) \
                and (before_said := [parts[k].text.strip(" ,.;") for k in range(act_k) if not _IMPERATIVE.search(parts[k].text)]):
            # "Theo Walsh ... flagged that the last invoice was wrong. Log a note on Theo and put a task ...": what was
            # reported before, when nothing is said after the request
            body = ", ".join(re.sub(r"^\W*(?:and|so)\s+", "", b) for b in before_said)
            return body[:1].upper() + body[1:]
        if nt := self._NOTE_THAT.search(t):
            # "add a note on the Quartz deal that their finance team needs to be in the loop": the
            # words after "that" are the note, verbatim, to the end of the sentence or the next command
            end = cl.start + len(t)
            for k in range(act_k + 1, len(parts)):
                if parts[k].sentence != cl.sentence or (k in self._produced and _IMPERATIVE.search(parts[k].text)):
                    break
                end = parts[k].start + len(parts[k].text)
            body = self.text[cl.start + nt.end():end].strip(" ,.;")
            if body:
                return body[:1].upper() + body[1:]
        own = self._LEAD_GLUE.sub("", t[rest_start:]).strip(" ,.;:-")
        # "log an email to her: sent the renewal reminder": after the colon is what is logged
        own = re.sub(r"^(?:with|to|for|on|from)\s+(?:him|her|them)\s*(?:[:,-]\s*|$)", "", own, flags=re.I)
        own = re.sub(r"^not\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?\s*,?\s*", "", own)  # "..., not Maya Carter, she approved ..."
        pieces = [own] if own else []
        ends = [cl.start + len(t)] if own else []
        sentence = cl.sentence
        for k in range(act_k + 1, len(parts)):
            if k in self._produced and (_IMPERATIVE.search(parts[k].text) or R.NEXT_STEP_RE.search(parts[k].text) or not re.match(
                    r"\W*(?:(?:they|they're|he|he's|she|she's|we|it|it's|the)\b|(?-i:[A-Z])[\w&'-]*(?:\s+(?-i:[A-Z])[\w&'-]*){0,3}\s+"
                    r"(?:wants?|said|says|needs?|asked|mentioned|told|is|are)\b)", parts[k].text, re.I)) \
                    or re.match(r"\W*(?:(?:and|so|then|also)\s+)*(?:set|make|create|add)\s+(?:me\s+)?(?:a\s+|an\s+)?(?:task|reminder|to-?do)\b",
                                parts[k].text, re.I) \
                    or re.match(r"\W*(?:(?:and|so|then|also)\s+)*(?:set|move|change|update|mark|push|bump|assign|give|reopen|close|"
                                r"leave|keep)\s+"
                                r"(?:the|it|that|this|them|his|her|their)\b", parts[k].text, re.I):
                continue  # ("..., and set the Orbital next step to ...": a command of its own, not what was said)
            if re.match(r"\W*(?:(?:and|so|please|just|then)\s+)*log\s+(?:it|that|this|the\s+(?:call|meeting|note|email))\b", parts[k].text, re.I):
                continue  # ("..., log it on each of them": the command, not the content)
            if re.match(r"\W*(?:(?:and|so|then|also|but)\s+)*(?:i|we)\s*(?:'ll|\s+will|\s+need\s+to|\s+have\s+to|\s+must|\s+should|\s+gotta|"
                        r"\s+got\s+to|'ve\s+got\s+to)\s+(?:send|call|email|draft|prepare|get|follow|book|share|write|check)\b",
                        parts[k].text, re.I) and find_date(parts[k].text, self.today):
                continue  # ("..., and I need to send him the MSA by Wednesday": the user's own task, planned as one)
            if re.fullmatch(r"\W*(?:please|thanks|thank you|cheers|ok|okay|(?:so\s+|and\s+)?(?:go ahead|let'?s do (?:it|that)|do it|sure|"
                            r"yes|yeah|fine|alright|all right)(?:\s+and)?)\W*", parts[k].text, re.I):
                continue  # (what they said stays in the body even when it also set a field: "they're comparing us against X")
            if parts[k].sentence != sentence and re.match(
                    r"\W*(?:(?:and|so|then|also|oh|plus)\s+)*(?:book|schedule|log|add|set|move|create|remind|send|e-?mail|draft|"
                    r"update|change|mark|push|bump|give|assign|put|delete|remove)\b", parts[k].text, re.I):
                break  # ("... he approved the second location. And book a site walk ...": a command of its own)
            if parts[k].sentence != sentence and pieces:
                nxt = parts[k].text
                if not pieces or R.SENTENCE_SPLIT.search(nxt):
                    break
            piece = parts[k].text.strip(" ,.;")
            if pieces and ends and re.fullmatch(r"\s+", self.text[ends[-1]:parts[k].start]):
                # "... deal that they're waiting on X": split before "they're" by a cue, not by a comma
                pieces[-1] = f"{pieces[-1]} {piece}"
            else:
                pieces.append(piece)
            ends.append(parts[k].start + len(parts[k].text))
        if not pieces or (own and len(own.split()) < 3 and len(ends) == 1):
            return str(t)  # "Call with Jonas went well": the clause says it best
        body = ", ".join(p for p in pieces if p)
        return body[:1].upper() + body[1:] if body else t

    def _is_statement(self) -> bool:
        words = re.findall(r"[A-Za-z']+", self.text)
        named = [m for m in self.mentions if m.kind in ("contact", "company", "deal")]
        return bool(named) and len(words) >= 4 and not self.text.rstrip().endswith("?") \
            and not R.QUESTION_RE.search(self.text) and not R.SEARCH_RE.search(self.text) \
            and bool(re.search(r"\b(?:is|are|was|were|went|said|says|wants?|needs?|told|got|has|have|had|"
                               r"seems?|looks?|feels?|asked|mentioned|thinks?|loved?|hated?|liked?)\b", self.text, re.I))

    def _deal_updates(self, t: str, d: tuple[date, int, int] | None) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if (at := self.text.find(t)) >= 0:
            start = max((m.end() for m in re.finditer(r"[.!?;]\s+", self.text[:at])), default=0)
            end = (m.start() + at + len(t)) if (m := re.search(r"[.!?;](?:\s|$)", self.text[at + len(t):])) else len(self.text)
            if _HANDS_OFF.search(self.text[start:end]):
                return out  # "I know that deal's lost, don't touch it": said to leave the deal as it is
        if re.search(r"\b(?:log|put|save|keep) (?:that|this|it) (?:down )?as a note\b|\b(?:just|only) (?:a|as a) note\b|"
                     r"\bnote (?:that|this) down\b", self.text, re.I) and not _IMPERATIVE.search(t) \
                and not re.search(r"\b(?:log|put|save|keep) (?:that|this|it)\b", t, re.I):
            return out  # "Iris is churning, they're moving to Docebo. Log that as a note": told as a note, not a change
        if re.search(r"\b(?:he|she|they)(?:'s|'re|\s+(?:is|was|are|were|will\s+be))?\s+(?:moving|leaving|joining|starting|changing|switching|"
                     r"going)\b[^.;]{0,30}\b(?:new\s+)?(?:job|role|position|employer|gig)\b", t, re.I):
            return out  # "She's moving to a new job at Globex next month": a person's career, not the deal's close date
        if (stepped := _STAGE_STEP.search(t)) and self.f.deal is not None:
            # "Move Acme one stage forward", "Knock Cedar Group back a stage": the next (or previous) open stage
            order = [st.label for st in self.idx.stages if not (st.is_won or st.is_lost)]
            now_at = self.idx.deals[self.f.deal].stage_label
            if now_at in order:
                i = order.index(now_at) + (-1 if stepped.group("back") or stepped.group("back2") or stepped.group("back3") else 1)
                if 0 <= i < len(order):
                    out["stage"] = order[i]
                    return out
        if re.match(r"\W*(?:(?:so|and|now)\s+)*(?:she|he)(?:'s|\s+is)\s+(?:now\s+)?(?:qualified|a lead)\b", t, re.I):
            return out  # "She's qualified now, make her an SQL": the person's state, not her company's deal stage
        if stage := R.stage_phrase(t, self.o._stages):
            out["stage"] = stage
        elif (m := _NAMED_STAGE.search(t)) and R.STAGE_VERB_RE.search(t):
            # "Move the Vertex deal to stage eleven", "... to the purple stage": no such stage
            said = (m.group("a") or m.group("b")).strip()
            labels = ", ".join(s.label for s in self.idx.stages)
            self.f.ask(f"There is no stage \"{said}\". Which stage: {labels}?", [])
            return out
        said_before = self.text[:max(0, self.text.find(t))]
        said_before = R.SENTENCE_SPLIT.split(said_before)[-1] if said_before else ""
        cue = R.CLOSE_DATE_RE.search(t) or R.FORECAST_PERIOD_RE.match(t)
        if cue is not None and cue.group(0).lower().startswith("land") and (
                said_by := re.search(r"(?-i:[A-Z])[a-z'-]+\s*$", t[:cue.start()])) and said_by.group(0).strip().lower() in self.idx.first_names:
            cue = None  # "Priya lands on December 3rd": a person arriving, not the deal closing
        if d and (cue or re.match(r"\W*(?:just\s+|so\s+)?(?:make it|make that|set it to|change it to)\b", t, re.I)
                  and (_SLIP.search(self.text) or R.CLOSE_DATE_RE.search(said_before)) and not R.MEETING_RE.search(self.text)):
            out["close_date"] = d[0].isoformat()  # (..., "gonna slip, probably mid January, just make it January 15th")
        elif (sh := _SHIFT.search(t)) and self.f.deal is not None \
                and (sh.group("dir") or not re.search(r"\b(?:call|meeting|demo|task|reminder|follow[- ]?up|lunch|sync)\b", t, re.I)) \
                and (current := self.idx.deals[self.f.deal].close_date) is not None:
            # "Push Northwind's close date out two weeks": from the close date it has now
            said_n = sh.group("n").lower()
            n = (int(said_n) if said_n.isdigit() else _SHIFT_WORDS[said_n]) * (-1 if sh.group("dir") and sh.group("dir").lower() in ("up", "in", "forward") else 1)
            unit = sh.group("u").lower()
            moved = add_months(current, n) if unit.startswith("month") else current + timedelta(
                days=n * (7 if unit.startswith("week") else 1))
            out["close_date"] = moved.isoformat()
        if comp := R.competitor(t):
            out["competitor"] = comp
        elif m := re.search(r"\b(?i:lost|lose)\b[^,;]{1,60}?\bto\s+(?:(?:another|a|an|some)\s+(?:other\s+)?[a-z]+\s*,\s*)?"
                            r"(?P<c>[A-Z](?:[\w&-]|\.(?=\w))*(?:\s[A-Z](?:[\w&-]|\.(?=\w))*)?)",
                            R.SENTENCE_SPLIT.split(self.text[max(0, self.text.find(t)):], maxsplit=1)[0]):
            # "we lost Pinecrest Dental to Weave": the winner, known to us or not
            if not any(x.start <= self.text.find(m.group("c"), max(0, self.text.find(t))) < x.end for x in self.mentions):
                out["competitor"] = m.group("c").rstrip(".")
        sentence = R.SENTENCE_SPLIT.split(self.text[max(0, self.text.find(t)):], maxsplit=1)[0]
        w_rival = None
        if (w := _WENT_WITH.search(sentence)) and w.start() < len(t) \
                and w.group("subj").lower() not in ("we", "i", "you") \
                and not _WENT_WITH_HEDGE.search(sentence[:w.start()]) \
                and w.group("c").split()[0].lower() not in STOPWORDS | {"us", "our", "the"} \
                and not any(x.start <= self.text.find(w.group("c"), max(0, self.text.find(t))) < x.end
                            for x in self.mentions if x.kind in ("contact", "company")):
            # "Harbor Health went with another studio, Brightwave": lost, to that rival
            w_rival = w
            out.setdefault("competitor", w.group("c").rstrip("."))
            lost = next((s.label for s in self.idx.stages if s.is_lost), None)
            won = next((s.label for s in self.idx.stages if s.is_won), None)
            if out.get("stage") == won and re.search(r"\bsigned\s+with\b", w.group(0), re.I) \
                    and len(re.findall(r"\b(?:signed|won|closed)\b", sentence, re.I)) == 1:
                del out["stage"]  # "signed with a local agency, Ogilvy": they signed with the rival, not with us
            if "stage" not in out and lost and self.f.deal is not None and self.idx.deals[self.f.deal].is_open:
                out["stage"] = lost
        if (self._deal_words(t) or _THING_OWNED.search(t) or not [m for m in self.mentions if m.kind == "contact"]
                or self._owner_of_deal_said_before(t) or self._company_given(t)) and not self._person_owned(t) \
                and (owner := self._owner(t)):
            out["owner"] = owner
        lost_label = next((s.label for s in self.idx.stages if s.is_lost), None)
        if lost_label and out.get("stage") == lost_label and "competitor" not in out and (diy := re.search(
                r"\blost\b[^.;]{0,60}?\bto\s+(?:an?\s+|the\s+)?(?P<c>in-?house(?:\s+(?:team|build|solution|tool|option|dev(?:elopment)?))?"
                r"|(?:their|its)\s+own\s+(?:(?:dev|development|engineering|internal|it)\s+)?(?:team|tool|build|solution|devs?|engineers)|(?:a\s+)?spreadsheets?|doing nothing|no decision|"
                r"(?:the\s+)?status quo)\b", t, re.I)):
            # "We lost Upland Ventures to an in-house team": no vendor - what they chose instead is the competitor
            out["competitor"] = T.cap(diy.group("c"))

            if out.get("lost_reason") and diy.group("c").lower().endswith(out["lost_reason"].split(",")[0].strip().lower()[:10]):
                out["lost_reason"] = out["lost_reason"].split(",", 1)[1].strip() if "," in out["lost_reason"] else ""
                if not out["lost_reason"]:
                    del out["lost_reason"]
        if _DEAD.search(t) and not re.search(r"\blife ?cycle\b", self.text, re.I):
            # ("Raj Zimmer churned, set his lifecycle stage to other": the contact's, not a deal's)
            out["stage"] = lost_label or out.get("stage")
        if lost_label and out.get("stage") == lost_label:
            # "we lost Initech to Zendesk, Linda said the price was too high": why, from the rest of the sentence
            tail = self.text[max(0, self.text.find(t)):]
            first, *rest = R.SENTENCE_SPLIT.split(tail, maxsplit=1)
            # the reason may be the next sentence: "We lost X to Weave. Honestly it came down to price."
            if because := _LOST_BECAUSE.search(first) or (_LOST_BECAUSE.search(rest[0]) if rest else None):
                why = because.group("why") or because.group("why3") or because.group("why2") or ""
                if because.group("why2") and (subj := list(re.finditer(r"\b(?:they|he|she|the (?:client|customer|buyer))\b",
                                                                        why, re.I))):
                    why = why[subj[-1].start():]  # "... lost this one to Gong they wanted a cheaper tier": the last clause
                out["lost_reason"] = why.strip(" .")
                out["lost_reason"] = re.sub(r"^\W*(?:um|uh|so|and|well)\W+", "", out["lost_reason"], flags=re.I)
                # "they went with them because of the integration": why, not whom
                out["lost_reason"] = re.sub(r"^(?:them|it|us|that|this|those guys)\s+(?=because|since|due to)", "",
                                            out["lost_reason"], flags=re.I)
            elif why := self._lost_aside(t):
                out["lost_reason"] = why  # "Lost Blue Harbor, they just went silent after the broker retired"
            elif rest and re.fullmatch(r"\W*(?-i:[A-Z])[a-z]+(?:\s+[a-z]+){0,3}\W*", rest[0].strip()) and not _IMPERATIVE.search(rest[0]) \
                    and not R.stage_phrase(rest[0], self.o._stages) and not find_amounts(words_to_digits(rest[0])) \
                    and not R.SENTENCE_SPLIT.search(rest[0].strip()):
                out["lost_reason"] = rest[0].strip(" .")  # "We lost Delta Dynamics to Salesforce. Pricing."
            elif rest and re.match(r"\W*(?:they|their|it|the|we|our|he|she|his|her|turns out|apparently)\b", rest[0], re.I) \
                    and not _IMPERATIVE.search(rest[0]) and not R.stage_phrase(rest[0], self.o._stages) \
                    and not find_amounts(words_to_digits(rest[0])) and not R.SENTENCE_SPLIT.search(rest[0].strip()):
                # "We lost Blue Harbor to HubSpot. Their brokers already knew it and didn't want to retrain."
                out["lost_reason"] = rest[0].strip(" .")
            elif rest and (why_next := R.SENTENCE_SPLIT.split(rest[0].strip(), maxsplit=1)[0].strip(" .")) \
                    and len(why_next.split()) <= 20 and not _IMPERATIVE.search(why_next) and not _ASKS.match(why_next) \
                    and not R.stage_phrase(why_next, self.o._stages) and not find_amounts(words_to_digits(why_next)) \
                    and not self.idx.find_mentions(why_next) and not R.QUESTION_RE.search(why_next) \
                    and not self.text.rstrip().endswith("?"):
                # "We lost Umbrella. Timing's wrong, there's no budget until their next fiscal year.", "..., they picked
                # Freshdesk. Reason is no integration with their ERP.": the sentence after the loss says why
                out["lost_reason"] = why_next
            if not out.get("lost_reason") and (before := (R.SENTENCE_SPLIT.split(self.text[:max(0, self.text.find(t))].strip())[-1]
                                                          if self.text.find(t) > 0 else "").strip(" .,;")) and len(before.split()) <= 25 \
                    and re.match(r"\W*(?:(?:so|and|please|just)\s+)*(?:mark|close|set|move|put)\s+(?:it|that|this|them|the\s+deal)\b", t, re.I) \
                    and not _IMPERATIVE.search(before) and not R.stage_phrase(before, self.o._stages) \
                    and not find_amounts(words_to_digits(before)) and not R.QUESTION_RE.search(before):
                # "Ember called it off, their budget's frozen until next fiscal. Mark it lost.": why, said first
                out["lost_reason"] = before
            if out.get("lost_reason") and re.search(r"\bno\s+(?:competitor|rival|other\s+vendor)\b", out["lost_reason"], re.I):
                # "..., they brought it in-house, no competitor": "no competitor" says who won (nobody), not why
                why_said = re.sub(r"[,;]?\s*(?:and\s+)?\bno\s+(?:competitor|rival|other\s+vendor)\b.*$", "", out["lost_reason"],
                                  flags=re.I).strip(" ,.;")
                if not why_said and (m_no := re.search(r"([^,.;]+?)\s*,\s*(?:and\s+)?no\s+(?:competitor|rival|other\s+vendor)\b", first,
                                                       re.I)) and not _IMPERATIVE.search(m_no.group(1)) \
                        and not R.stage_phrase(m_no.group(1), self.o._stages):
                    why_said = re.sub(r"^\W*(?:um|uh|so|and|well)\W+", "", m_no.group(1).strip(), flags=re.I)
                if why_said:
                    out["lost_reason"] = why_said
                else:
                    out.pop("lost_reason")
            if w_rival and out.get("lost_reason") and (out.get("competitor") or "").lower() in out["lost_reason"].lower() \
                    and (said := out.get("competitor")):
                # "went with another studio, Brightwave, they said we were too slow": why is what follows the rival
                after = self.text[self.text.find(said, max(0, self.text.find(t))) + len(said):]
                after = re.sub(r"^\W*(?:over us|instead of us|instead)?\W*", "", after)
                why = _LOST_BECAUSE.search(R.SENTENCE_SPLIT.split(after, maxsplit=1)[0])
                out.pop("lost_reason")
                if why and (why.group("why") or why.group("why3")):
                    out["lost_reason"] = (why.group("why") or why.group("why3")).strip(" .")
                elif (first_after := R.SENTENCE_SPLIT.split(after, maxsplit=1)[0].strip(" .,")) \
                        and len(first_after.split()) >= 2 and not _IMPERATIVE.search(first_after):
                    out["lost_reason"] = first_after  # "chose Zendesk over us, budget was the issue"
            if out.get("lost_reason"):  # "..., reason: price", "lost reason was budget"
                out["lost_reason"] = re.sub(r"^(?:the\s+)?(?:lost\s+)?reason(?:\s+(?:was|is|being))?\s*[:\-\u2013]?\s*", "",
                                            out["lost_reason"], flags=re.I) or out["lost_reason"]
                # "because it's bundled with their telematics, so mark it closed lost, and remind me ...": the reason
                # ends where a command starts; "..., no competitor" says who won, not why
                cut = re.search(r"(?:[,;]\s*|\s+)(?:(?:and|so|then)\s+)+(?:please\s+)?(?:mark|move|set|put|close|log|add|create|"
                                r"remind|book|schedule|draft|email|send|update|change|push)\b|[,;]\s*(?:no|and no)\s+competitor\b",
                                out["lost_reason"], re.I)
                if cut and cut.start() > 0:
                    out["lost_reason"] = out["lost_reason"][:cut.start()].strip(" ,.;")
                if re.match(r"\W*(?:log|note|jot|put|save|add|mark|move|set)\b", out["lost_reason"], re.I):
                    del out["lost_reason"]  # "lost to Gong, log that as a note and mark it lost": a command, no reason
            if "competitor" not in out and (m := re.search(
                    r"\b(?:churned|switched|defected|moved|went|ran)\s+(?:over\s+|off\s+)?to\s+(?P<c>[A-Z](?:[\w&-]|\.(?=\w))*(?:\s[A-Z](?:[\w&-]|\.(?=\w))*)?)"
                    # "went with another agency, Ogilvy", "chose a competitor, Samsara": the rival named after the kind
                    r"|\b(?:they\s+)?(?:went|going|gone)\s+with\s+(?P<c3>(?-i:[A-Z])(?:[\w&-]|\.(?=\w))*(?:\s(?-i:[A-Z])(?:[\w&-]|\.(?=\w))*)?)\s*[.,;]?\s*$"
                    r"|\b(?:went|going|gone)\s+with\s+(?:another|a different|a cheaper|an?)\s+(?:[\w-]+\s+){0,2}?"
                    r"(?:agency|vendor|provider|tool|platform|partner|studio|firm|competitor|option|solution)\s*,\s*"
                    # ("..., I think it was Zocdoc": the hedge before the name is no name)
                    r"(?i:(?:i\s+think|i\s+believe|i'?m\s+pretty\s+sure|pretty\s+sure|probably|apparently)\s*,?\s*)?(?i:(?:it\s+was|it'?s|called)\s+)?"
                    r"(?!I\b)(?P<c2>[A-Z](?:[\w&-]|\.(?=\w))*(?:\s[A-Z](?:[\w&-]|\.(?=\w))*)?)"
                    # "We lost the Kestrel Partners pitch to a local shop, Brightside Studio"
                    r"|\b(?i:lost)\b.{0,60}?\bto\s+(?:another|a different|a cheaper|a local|a bigger|a smaller|an?)\s+(?:[\w-]+\s+){0,2}?"
                    r"(?:agency|vendor|provider|tool|platform|partner|studio|firm|competitor|shop|consultancy|company)\s*,\s*"
                    r"(?P<c4>[A-Z](?:[\w&-]|\.(?=\w))*(?:\s[A-Z](?:[\w&-]|\.(?=\w))*)?)", self.text)) \
                    and not any(x.start <= m.start(next(g for g in ("c", "c2", "c3", "c4") if m.group(g))) < x.end
                                for x in self.mentions):
                out["competitor"] = (m.group("c") or m.group("c2") or m.group("c3") or m.group("c4")).rstrip(".")  # "they churned to Notion"
                if out.get("lost_reason", "").strip(" .").lower() == out["competitor"].lower() \
                        and (why := re.search(r"\breason (?:is|was)\s+(?P<r>[^,.;]+)", self.text, re.I)):
                    out["lost_reason"] = why.group("r").strip()  # "reason is budget freeze, and they went with Docebo"
                if out.get("lost_reason") and out["competitor"].lower() in out["lost_reason"].lower():
                    # "reason is budget freeze, and they went with Docebo": the rival is not the reason
                    out["lost_reason"] = re.split(r",?\s+(?:and\s+)?(?:they\s+)?(?:(?:is|are|'s|was|were|has|have)\s+)?"
                                                  r"(?:went|going|gone)\s+with\b", out["lost_reason"])[0].strip(" ,.")
                    if not out["lost_reason"] or any(m.text.lower() == out["lost_reason"].lower() for m in self.mentions):
                        del out["lost_reason"]  # "Globex went with another vendor, ... Samsara": who left is no reason
        if (lr := _LOST_REASON_FIELD.search(t)) and (lr.group("why") or lr.group("why2") or "").strip(" .,"):
            # "lost reason on upland media: they went in-house", 'with the reason "no response after pilot"'
            out["lost_reason"] = (lr.group("why") or lr.group("why2")).strip(" .,")
        if out.get("competitor") and any(m.kind == "contact" and m.text.lower() == out["competitor"].lower() for m in self.mentions):
            del out["competitor"]  # "I'm looking at Zoe Price at Summit Labs": a person we look at, not a rival
        if out.get("competitor"):
            out["competitor"] = R.snap_competitor(out["competitor"])  # "lost it to Zindisk": Zendesk
            if (longer := re.search(re.escape(str(out["competitor"])) + r"(?P<more>(?:\s+(?-i:[A-Z])[\w&.-]*[\w&-]){1,2})\b", t)) \
                    and not any(m.start >= self.text.find(t) + longer.start("more") for m in self.mentions
                                if m.start < self.text.find(t) + longer.end("more")) \
                    and not R.stage_phrase(longer.group("more"), self.o._stages) \
                    and not re.search(r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|jan\w*|feb\w*|march|april|may|june|july|aug\w*|"
                                      r"sep\w*|oct\w*|nov\w*|dec\w*|q[1-4]|eod|eow|asap|ok|okay)\b", longer.group("more"), re.I):
                # "set the competitor on Globex to Accenture Song": the whole name said, not the known part of it
                out["competitor"] += longer.group("more")
        people = frozenset(w.lower() for m in self.mentions if m.kind == "contact" for w in m.text.split())
        undated = t if not d else (t[:d[1]] + t[d[2]:]).strip()
        she = self.idx.contacts[self.f.contact].first_name if self.f.contact is not None and not self.f.person_blocked else None
        if (step := R.next_step(undated, people, she)) and not (
                re.search(r"\b(?:call|meeting|demo|catch[- ]?up|sync|session)\W*(?:\([^)]*\))?$", step, re.I)
                and R.MEETING_RE.search(self.text) and not R.NEXT_STEP_RE.search(t)):
            # ("Iris needs a renewal call, book her for Wednesday": the call is booked, not a next step)
            out["next_step"] = step
        if d and "close_date" not in out and "stage" not in out and _SLIP.search(t) \
                and not re.search(r"\b(?:moving|switching|going|migrating|moved|switched)\s+(?:over\s+)?to\s+(?-i:[A-Z])", t, re.I) \
                and not re.search(r"\b(?:meeting|call|demo|task|reminder|lunch|sync|catch[- ]?up|follow[- ]?up)\b", t, re.I):
            out["close_date"] = d[0].isoformat()  # "push that deal to the end of February"
        if _NEGATIVE.search(t):
            self.f.ask("A deal amount can't be negative. What should the amount be?", [])
            return out
        if vague_change := re.search(r"\b(?:bump|raise|lower|cut|drop|increase|reduce|knock|push|up|trim)\b[^.;]{0,40}?\bby\W+(?:(?:uh|um|er)\W+)?"
                                     r"(?:a (?:bit|little|touch|tad|smidge)|some|a few|a little bit|something)\W*$", t, re.I):
            # "Bump the Northwind renewal by, uh, a bit": by how much is asked, never guessed
            self.f.ask(f"\"{vague_change.group(0).strip(' .')}\": by how much?", [])
            return out
        unsure_said = _UNSURE_AMOUNT.search(getattr(self.o, "_said", ""))
        if (_UNSURE_AMOUNT.search(self.text) or (unsure_said is not None and unsure_said.group(0).lower().startswith("no"))) \
                and (R.AMOUNT_CUE_RE.search(t) or any(a.money for a in find_amounts(words_to_digits(t)))):
            # "Set the Tidal Media deal to fifty grand, or maybe forty, I honestly don't know yet": asked, never guessed
            self.f.ask("You weren't sure of the amount. What should it be?", [])
            return out
        if re.search(r"\b(?:point|and)\s+something\b|\b(?:something|some)\s+(?:k|grand|thousand)\b|\bforget the rest\b|"
                     r"\bcan'?t remember (?:the rest|exactly|the exact)\b|\bdon'?t remember the (?:exact )?(?:number|figure|amount)\b",
                     self.text, re.I) and (R.AMOUNT_CUE_RE.search(t) or any(a.money for a in find_amounts(words_to_digits(t)))):
            # "Set the Ember amount to twelve point, uh, something, I forget the rest": half a figure is asked, never cut short
            self.f.ask("I only caught part of the amount. What should it be exactly?", [])
            return out
        if (rng := _AMOUNT_RANGE.search(words_to_digits(t))) and not _RANGE_PICKED.search(self.text):
            # "could land anywhere from ninety to a hundred and twenty k, put that in as the amount": a range is no
            # figure - asked, or left alone when only a note is wanted ("..., I'll confirm later, just log a note")
            if not re.search(r"\bjust\s+(?:log|note|add|put|jot)\b|\bconfirm (?:it )?later\b", self.text, re.I):
                self.f.ask(f"You gave a range ({rng.group('a').strip()} to {rng.group('b').strip()}). What amount should I put?", [])
            return out
        if (bare := _BARE_SCALE.search(t)) and not find_amounts(words_to_digits(t[:bare.start("junk")])):
            self.f.ask(f"I couldn't read \"{bare.group(0)}\" as an amount. What should it be?", [])
            return out
        if (garbled := _GARBLED_AMOUNT.search(t)) and garbled.group("junk").lower() not in _NUMBER_FILLERS:
            self.f.ask(f"I couldn't read \"{garbled.group(0)}\" as an amount. What should it be?", [])
            return out
        if (vague := _VAGUE_AMOUNT.search(t) or ((v2 := _VAGUE_AMOUNT.search(self.text)) and (at := self.text.find(t)) >= 0
                                                  and at <= v2.start() <= at + len(t) + 2 and v2)) and R.AMOUNT_CUE_RE.search(t):
            # ("to thirty... something": the pause split the rough figure from its clause)
            self.f.ask(f"\"{vague.group(0)}\" is only roughly an amount. What exactly should it be?", [])
            return out
        if bad := _UNREADABLE_AMOUNT.search(t):
            self.f.ask(f"I can't read \"{bad.group(0)}\" as an amount. What should the amount be?", [])
            return out
        digits = words_to_digits(_ID_REF.sub(lambda m: " " if self._is_id(m) else m.group(0), t))
        dd = find_date(digits, self.today)
        if R.AMOUNT_CUE_RE.search(digits) and (find_time(t) is None or re.search(
                r"\b(?:came back|close it(?: out)?|closed|signed|landed|settled)\s+at\s+\w+\s+\w+\W*$", t, re.I)):
            digits = join_short_hundreds(digits)  # "set the amount to one eighty" -> 180 ("came back at one twenty")
        found = find_amounts(digits)
        if any(a.value >= 1000 or a.percent for a in found):
            # "closer to sixty, set it to sixty k": the number said with its scale is the amount
            found = [a for a in found if a.value >= 1000 or a.percent] + [a for a in found if not (a.value >= 1000 or a.percent)]
        found = _prefer_totals(found, digits)
        if len(found) > 1:
            # "want fifteen k off, so drop it to one seventy", "goes from ninety six hundred to fifteen
            # k": the amount it goes *to* is the new amount
            to = [a for a in found if re.search(r"\bto\s*(?:(?:a|about|around)\s*)?$", digits[:a.start]) and a.mode == "set"]
            found = to + [a for a in found if a not in to]
        if _NOT_MONEY_CHANGE.search(t):
            found = [a for a in found if not a.percent]  # "usage is up forty percent": not the deal's amount
        whole = words_to_digits(self.text)
        if re.match(r"\W*(?:(?:but|so|no|actually|really|that'?s wrong)\W+)*(?:really\s+|actually\s+)?(?:it'?s|it is|it should be|should be|"
                    r"make (?:it|that)|call it)\b", t, re.I) and (said_k := [a.value for a in find_amounts(whole) if a.money and a.value >= 1000]):
            # "closed at eighteen K, but really it's twenty": the corrected number in the scale said before it
            found = [replace(a, value=next((k for k in said_k if a.value == int(a.value) and str(int(k)).startswith(str(int(a.value)))),
                                           a.value * 1000), money=True, bare=False)
                     if a.bare and not a.percent and 1 <= a.value < 1000 and 0.2 <= a.value * 1000 / said_k[0] <= 5 else a
                     for a in found]  # ("it's twenty-eight eight, twenty-eight thousand eight hundred": the figure spelt out)
        for am in found:
            if dd and dd[1] <= am.start < dd[2]:
                continue
            if _RATE.match(digits, am.end) and any(a.money and not _RATE.match(whole, a.end) and a.value > am.value
                                                   for a in find_amounts(whole)):
                continue  # "eighteen grand a quarter, so seventy two k for the year": the total is the amount
            if not (am.money or am.percent or (am.bare and re.search(r"\b(?:close it(?: out)?|came back|signed|sign|signing|closed|landed|make|call it|"
                                                                       r"(?:going|goes|went|gone) from|number is|just put|(?:go|goes|going|went|gone|come|comes|coming|came)\s+(?:up|down)\s+to|"
                                                                       r"(?:is|are|it'?s|they'?re|now|sits?|sitting)\s+at)\b[^,.;]{0,40}$|"
                                                                       r"\bon top\b", digits[:am.end] + digits[am.end:am.end + 8], re.I)
                                               and self._amount_cue(digits))) \
                    or not (R.AMOUNT_CUE_RE.search(digits) or am.money or self._amount_cue(digits)):
                continue  # ("close it at fifty-six", "came back at one twenty": a bare number as the deal's amount)
            if am.bare and re.fullmatch(r"\d{7,}", digits[am.start:am.end].strip()) \
                    and not re.match(r"\s*(?:dollars|bucks|usd|a year|per|in)\b", digits[am.end:], re.I):
                continue  # "the new one is 4550190": a run of seven digits or more with no scale is a phone number heard
            if re.match(r"[\d ]*-\d{2,4}-\d", digits[am.start:]) or re.search(r"\d-\s*$|\+\d{1,3}(?:[ -]\d{2,5})*[ -]?\s*$", digits[:am.start]):
                continue  # "plus 1-300-5500-234": a phone number's groups, never an amount
            if re.search(r"\b(?:phone|mobile|cell|direct line|extension|ext)\b(?:\s+number)?[^.;]{0,22}$", digits[:am.start], re.I) \
                    or re.search(r"\bnumber\b[^.;]{0,15}(?:\bplus|\+)\s*$", digits[:am.start], re.I):
                continue  # "her new number is plus 4.9M" (a phone number misheard): no amount
            loc: _Local | None = getattr(self, "_loc", None)
            deal_now = loc.deal if loc is not None and loc.deal is not None else self.f.deal
            cents = self.idx.deals[deal_now].amount_cents if deal_now is not None else None
            now_amount = cents / 100 if cents is not None else None
            if getattr(self, "_amount_said", None) is not None:
                now_amount = self._amount_said  # "The Pinecrest deal is forty-eight hundred, triple it": from what was said
            if am.bare and am.value < 1000 and (_COUNTED.match(digits, am.end) or not self._amount_cue(digits)
                                              or _COUNT_OF.search(digits[:am.start])):
                continue  # "opened our email 3 times", "Wendy Price" (a name, not a price): no amount
            if am.bare and am.value < 1000 and find_time(t) is not None and re.search(r"\bat\s+$", digits[:am.start], re.I):
                continue  # "make it Thursday at five": a time, not an amount
            if am.bare and am.value < 1000 and am.value == int(am.value) and (spelled := [
                    a for a in find_amounts(whole) if a.value >= 1000 and str(int(a.value)).startswith(str(int(am.value)))
                    and a.start > am.start]):
                am = replace(am, value=spelled[0].value)  # "twenty-eight eight, twenty-eight thousand eight hundred"
            if am.bare and am.value < 1000:
                # "set it to one eighty" on a $150,000 deal: thousands are meant; with no current
                # amount to compare, or a far-off one, the magnitude is asked, not guessed.
                if am.mode == "set" and now_amount and now_amount >= 10_000 and 0.2 <= am.value * 1000 / now_amount <= 5:
                    am = replace(am, value=am.value * 1000)
                elif am.mode != "set" and not am.percent and now_amount and now_amount >= 10_000 \
                        and 0.01 <= am.value * 1000 / now_amount <= 2:
                    am = replace(am, value=am.value * 1000)  # "another fifteen on top" of a $60,000 deal: fifteen thousand
                else:
                    self.f.ask(f"Did you mean ${am.value:,.0f} or ${am.value * 1000:,.0f}?", [])
                    return out
            if am.mode == "set" and not am.percent and re.search(r"\bby\s*(?:\$\s*)?$", digits[:am.start], re.I):
                # "Change the Quartz deal by 15k", "Hunt their deal by 15k" (a verb not heard): a change by a figure, in a
                # direction not said - asked, never written as the new amount
                self.f.ask(f"Should the amount go up or down by ${am.value:,.0f}?", [])
                return out
            value = apply_amount(am, now_amount)
            if value is not None and am.mode == "set" and not am.percent:
                value = contract_total(value, digits, am.end, whole)  # "sixty-five hundred a month, annual contract": 78,000
            if value is not None and am.mode == "set" and not am.percent and now_amount and now_amount >= 20_000 \
                    and 1000 <= value < now_amount / 5 and value % 100 and not self.o._typed_digits(am, digits):
                # "the amount is now fifty two five" written by a recogniser as 5025 on a $48,000 deal: an odd figure a
                # tenth of the deal is asked, never written
                self.f.ask(f"Did you mean ${value:,.0f}? That is far below the ${now_amount:,.0f} the deal has now.", [])
                return out
            if value is not None:
                out["amount"] = value
                self.relative_amount = am.mode != "set" or am.percent
                break
        return out

    def _owner_until(self, t: str, d: tuple[date, int, int] | None, out: dict[str, Any]) -> dict[str, Any]:
        """``out`` (a clause's deal fields) without a close date said as how long a user holds the deal ("move the
        Northwind renewal to Morgan until January": Morgan owns it; the close date stays)."""
        if "close_date" in out and "owner" not in out and d is not None and d[2] \
                and re.search(r"\b(?:until|till|til|through)\s+(?:the\s+)?$",
                              t[:d[1]] + (lead.group(0) if (lead := re.match(r"(?:until|till|til|through)\s+", t[d[1]:], re.I)) else ""), re.I) \
                and (to_user := re.search(r"\bto\s+(?P<u>(?-i:[A-Z])[a-z]+)\b", t)) \
                and (users := [u for u in self.idx.users if u.split()[0].lower() == to_user.group("u").lower()]):
            # "move the Northwind renewal to Morgan until January": the deal goes to Morgan for a while; no close date
            out["owner"] = users[0]
        if "owner" in out and "close_date" in out and d is not None and d[2] and (
                re.search(r"\b(?:until|till|til|through)\s+(?:the\s+)?$", t[:d[1]], re.I) or re.match(r"(?:until|till|til|through)\b", t[d[1]:], re.I)):
            del out["close_date"]  # "move the Northwind renewal to Morgan until January": how long she has it, not when it closes
        return out

    def _lost_aside(self, t: str) -> str | None:
        """Why a deal was lost, said as a bare clause beside the one that marks it lost: "Kill the
        Delta deal, they never replied, mark it lost" -> "they never replied". Only clauses of the
        same sentence that command nothing, name no record, stage or amount, and are not the
        competitor's; None when there is none."""
        at = self.text.find(t)
        parts = R.clauses(self.text)
        mine = next((p for p in parts if p.start <= at < p.start + len(p.text) + 1), None)
        if mine is None:
            return None
        said = []
        for p in parts:
            if p is mine or (p.sentence != mine.sentence and not (
                    # "Client ghosted us. Mark it as dead.": a short sentence just before the one that marks it lost
                    p.sentence == mine.sentence - 1 and len([q for q in parts if q.sentence == p.sentence]) == 1
                    and len(p.text.split()) <= 8 and re.match(r"\W*(?:mark|kill|close|move|set|put)\b", mine.text, re.I))):
                continue
            x = p.text.strip(" ,.;")
            if (_IMPERATIVE.search(x) or R.stage_phrase(x, self.o._stages) or _DEAD.search(x)
                    or R.competitor(x) or find_amounts(words_to_digits(x))
                    or re.search(r"\b(?:to|with)\s+[A-Z]", x) or len(x.split()) < 2
                    or re.fullmatch(r"(?:[A-Z][\w&.'-]*\s*){1,4}", x)  # ", Bright Spark": a name, not a reason
                    or any(p.start <= m.start < p.start + len(p.text) for m in self.mentions)
                    or R.TASK_RE.search(x) or R.MEETING_RE.search(x)):
                continue
            said.append(re.sub(r"^(?:and|but|so|because|since)\s+", "", x, flags=re.I))
        return "; ".join(said) or None

    def _amount_cue(self, text: str) -> bool:
        """An amount cue ("budget", "worth", "set it to") in ``text`` outside the names of records
        ("Wendy Price" is a person, not a price)."""
        if re.search(r"['\u2019]s\s+number\s+is\b", text, re.I) and self.f.deal is not None and self.f.contact is None:
            return True  # "Umbrella's number is a buck fifty now": a company's number is its deal's amount (a person's is a phone)
        for m in self.mentions:
            text = text.replace(m.text, " ")
        return bool(R.AMOUNT_CUE_RE.search(text))

    def _person_owned(self, t: str) -> bool:
        """True when ``t`` gives a person to a user ("Jordan is the account manager for Theo Walsh now"): the
        contact's owner, not a deal's."""
        own = _ASSIGN.search(t)
        if own is None or not (own.group("who22") or own.group("who11")):
            return False
        at = max(0, self.text.find(t)) + own.end()
        return any(m.kind == "contact" and len(m.ids) == 1 and at <= m.start <= at + 2 for m in self.mentions)

    def _owner_of_deal_said_before(self, t: str) -> bool:
        """True when ``t`` names an owner and no record of its own ("make Sam the owner") right after a clause of the same
        sentence about a deal ("Set the next step on their deal to admin training and make Sam the owner"): the deal's."""
        at = self.text.find(t)
        if at <= 0 or not re.match(r"\W*(?:(?:and|so|then|also)\s+)*make\s+(?:me|myself|(?-i:[A-Z])[a-z]+)\s+(?:the\s+)?owner\W*$", t, re.I):
            return False
        start = max(self.text.rfind(".", 0, at), self.text.rfind("?", 0, at), self.text.rfind("!", 0, at)) + 1
        said = re.sub(r"\b(?:to|as|an|is|now)\s+(?:an?\s+)?opportunity\b", "", self.text[start:at], flags=re.I)
        # ("Set Maya Carter's lifecycle to opportunity and make me the owner": a lifecycle stage, not a deal)
        return bool(re.search(r"\b(?:deal|opportunity|opp|renewal)\b", said, re.I))

    def _other_gender(self, t: str, cid: int, at: int) -> int | None:
        """The person a gendered pronoun in ``t`` ("her", "him") means when the person of the clause before
        (``cid``) was said with the other one ("Hugo ..., since he's leaving, and draft her an email"): the
        latest person named before ``at`` who was not; None when there is no clash or nobody else."""
        said = re.search(r"\b(?P<f>she|her|hers)\b|\b(?P<m>he|him|his)\b", t, re.I)
        if said is None:
            return None
        want = "f" if said.group("f") else "m"
        seen = self._said_genders()
        if cid not in seen:
            # "Ava Vogel says stop calling, she's not the buyer, Dan Hughes is. Mark her do not contact": nothing was said
            # of Dan with a pronoun, but Ava was "she" - "her" is the person known to be one
            seen_before = self._said_genders(until=at)  # (not the pronoun being resolved: "..., and book her")
            known = [m.ids[0] for m in self.mentions if m.kind == "contact" and len(m.ids) == 1 and m.end <= at
                     and m.ids[0] != cid and seen_before.get(m.ids[0]) == want]
            return known[-1] if known else None
        if seen[cid] == want:
            return None
        before = [m.ids[0] for m in self.mentions if m.kind == "contact" and len(m.ids) == 1 and m.end <= at
                  and m.ids[0] != cid and seen.get(m.ids[0], want) == want]
        return before[-1] if before else None

    def _said_genders(self, until: int | None = None) -> dict[int, str]:
        """``{contact id: "f" | "m"}`` from the first pronoun said after each person's name, in the same
        sentence and before anyone else is named ("Zoe Price as do not contact since she's on leave"); with
        ``until``, only pronouns said before that character offset count."""
        out: dict[int, str] = {}
        people = [m for m in self.mentions if m.kind == "contact" and len(m.ids) == 1]
        for i, m in enumerate(people):
            end = people[i + 1].start if i + 1 < len(people) else len(self.text)
            end = min(end, until) if until is not None else end
            stop = R.SENTENCE_SPLIT.search(self.text, m.end)
            end = min(end, stop.start() if stop else end)
            p = re.search(r"\b(?P<f>she|her|hers|she's)\b|\b(?P<m>he|him|his|he's)\b", self.text[m.end:end], re.I)
            if p is not None:
                out.setdefault(m.ids[0], "f" if p.group("f") else "m")
        return out

    def _owners_by_person(self, t: str, start: int, people: list[int]) -> dict[int, str]:
        """``{contact id: user}`` when ``t`` gives each of ``people`` to a different user in turn ("Leo Vogel goes
        to Sam and Zoe Price goes to Morgan"): the user named after each person and before the next; {} otherwise."""
        firsts = {u.split()[0].lower(): u for u in self.idx.users}
        spots = [m for m in self.mentions if m.kind == "contact" and len(m.ids) == 1 and m.ids[0] in people
                 and start <= m.start < start + len(t)]
        out: dict[int, str] = {}
        for i, m in enumerate(spots):
            end = spots[i + 1].start if i + 1 < len(spots) else start + len(t)
            said = [firsts[w.lower()] for w in re.findall(r"[A-Za-z]+", self.text[m.end:end]) if w.lower() in firsts]
            if len(said) != 1:
                return {}
            out[m.ids[0]] = said[0]
        return out if len(set(out.values())) > 1 else {}

    def _two_reminders(self, two: re.Match[str], start: int) -> bool:
        """Add one task per person for "remind me to <verb> <A> <day> and <B> <day>" (``two`` a match of
        :data:`_TWO_TO_REMIND` at ``start`` in the text); False (nothing added) unless each part names one person and a day."""
        parts = []
        for g in ("a", "b"):
            at = start + two.start(g)
            people = [m for m in self.mentions if m.kind == "contact" and len(m.ids) == 1 and at <= m.start < start + two.end(g)]
            day = find_date(two.group(g), self.today)
            if len(people) != 1 or day is None:
                return False
            parts.append((people[0].ids[0], day))
        verb = two.group("v").lower()
        for cid, day in parts:
            who = self.idx.contacts[cid].name
            self._add(start, {"kind": "create_task", "fields": {"title": f"{verb.capitalize()} {who}", "due_date": day[0].isoformat()},
                              "role": "note", "loc": _Local(cid, None, None, False), "sure": True})
        return True

    def _company_given(self, t: str) -> bool:
        """True when ``t`` gives a company, and no person, to someone ("Give Northwind to Jordan"): the company's deal
        changes owner, never a contact of that company named elsewhere in the instruction."""
        at = max(0, self.text.find(t))
        here = [m for m in self.mentions if at <= m.start < at + len(t)]
        return bool(here) and all(m.kind in ("company", "deal") for m in here) \
            and bool(re.search(r"\b(?:give|hand|assign|reassign|pass|move)\b", t, re.I))

    @staticmethod
    def _deal_words(t: str) -> bool:
        return bool(re.search(r"\b(?:deal|opportunity|opp|renewal|account)\b", t, re.I))

    def _owner(self, t: str) -> str | None:
        """The workspace user an assignment names ("give the Granite deal to Morgan", "hand it back
        to me"); "" when the name is no user of the workspace (the planner asks); None when ``t``
        assigns nothing. "Me" is the first user of the team setting."""
        m = _ASSIGN.search(t)
        if not m:
            return None
        who = next(g for g in m.group("who", "who2", "who3", "who4", "who5", "who6", "who7", "who8", "who9", "who10",
                                      "who11", "who12", "who13", "who14", "who15", "who16", "who17", "who18", "who19",
                                      "who20", "who21", "who22", "who23", "who24", "who25") if g).strip()
        if (m.group("who22") or m.group("who23") or m.group("who24") or m.group("who25")) \
                and not any(u.split()[0].lower() == who.lower() for u in self.idx.users):
            return None  # ("Felix is the account manager for ...": a title of someone, not an owner, when no user is called so)
        if who == "I":
            who = "me"
        if who.lower() in ("she", "he", "they", "it"):
            return None  # ("hand the deal over to Morgan, she's got the hospital contacts": why, not another assignment)
        if who.lower() in ("him", "her"):
            # "Morgan's taking over the Vertex deal, and give Oliver Grant to her as well": the user named before
            at = max(0, self.text.find(t)) + m.start()
            said = [(x.start(), u) for u in self.idx.users
                    for x in re.finditer(rf"\b{re.escape(u.split()[0])}\b", self.text[:at])]
            if not said:
                return None  # ("give it to her": a person, not a user - no assignment)
            who = max(said)[1]
        if who.lower().strip() in self.o._stages or R.stage_phrase(f"move it to {who}", self.o._stages) == who.title():
            return None  # "Initech goes to Proposal Sent": a stage, not a person
        users = self.idx.users
        if (m.group("who6") or m.group("who7") or m.group("who8") or m.group("who11") or m.group("who15") or m.group("who16")
                or m.group("who20") or m.group("who21")) \
                and who.lower() not in ("me", "myself") and not any(
                u.lower() == who.lower() or u.split()[0].lower() == who.split()[0].lower() for u in users):
            after = t[m.end():]
            owned = re.match(r"\s*(?:(?:the|that|this|their|his|her)\s+)?(?:[A-Z][\w&'-]*\s+){0,3}"
                             r"(?i:deal|account|opportunity|opp|renewal|expansion)\b", after)
            if owned and who.split()[0].lower() not in STOPWORDS and who.lower() not in self.idx.company_keys and (
                    m.group("who7") or (m.group("who6") and who.split()[0].lower() not in self.idx.first_names)):
                # "Put Chris on the Meadow Health deal", "let Priyanka own the Umbrella deal": an owner the
                # workspace does not have is asked about, not dropped
                known = ", ".join(users) if users else "none yet (add them in Settings)"
                self.f.ask(f"{who} isn't a user of this workspace. Who should own it? Users: {known}.", [])
                return ""
            return None  # "put Acme on the shortlist": no assignment
        if who.lower() in ("me", "myself"):
            if users:
                return users[0]
            self.f.ask("Who are you in this workspace? Add your name to the team in Settings.", [])
            return ""
        hits = [u for u in users if u.lower() == who.lower() or u.split()[0].lower() == who.split()[0].lower()
                and (len(who.split()) == 1 or u.split()[-1].lower() == who.split()[-1].lower())]
        at = self.text.find(t)
        after = self.text[at + m.end():] if at >= 0 else t[m.end():]  # (the clause may end at ", or Sam")
        if len(hits) == 1 and (alt := re.match(r"\s*,?\s*(?:\w+\s*,\s*)?or\s+(?:maybe\s+|to\s+)?(?P<o>\w+)", after, re.I)) \
                and (other := [u for u in users if u.split()[0].lower() == alt.group("o").lower() and u != hits[0]]):
            # "Give the Orbital deal to Morgan or Jordan, whoever has more room": which one is asked
            self.f.ask(f"Who should own it: {hits[0]} or {other[0]}?", [])
            return ""
        if len(hits) == 1:
            return hits[0]  # ("Jordan Reyes" when the users are Jordan Blake and Morgan Reyes: nobody - asked)
        known = ", ".join(users) if users else "none yet (add them in Settings)"
        self.f.ask(f"{who} isn't a user of this workspace. Who should own it? Users: {known}.", [])
        return ""

    def _is_id(self, m: re.Match[str]) -> bool:
        table: dict[str, Mapping[int, object]] = {"deal": self.idx.deals, "contact": self.idx.contacts,
                                                  "company": self.idx.companies}
        return int(m.group(2)) in table[m.group(1).lower()]

    def _contact_update(self, t: str) -> dict[str, Any]:
        people = [m for m in self.mentions if m.kind == "contact"]
        if not people and not (self.ctx and self.ctx.type == "contact"):
            return {}
        out: dict[str, Any] = {}
        if R.TITLE_RE.fullmatch(t.strip(" .")) and re.search(r"\bnew (?:role|title|position|job)(?: as)?\W*$",
                                                               self.text[:max(0, self.text.find(t))], re.I):
            return {"job_title": C.tidy_title(t.strip(" ."))}  # "is moving into a new role, Head of Partnerships"
        sentence = R.SENTENCE_SPLIT.split(self.text[max(0, self.text.find(t)):], maxsplit=1)[0]
        if R.DNC_OFF_RE.search(t):
            out["do_not_contact"] = False  # "take the do not contact flag off", "fine to email him again"
        elif R.DNC_RE.search(t) and not re.search(r"\b(?:email|e-mail|call|text|phone|slack)(?:\s+\w+)?\s+(?:only|instead)\b", sentence, re.I) \
                and not re.search(r"\b(?:don'?t|do not|never|no need to|not going to)\s+(?:mark|set|flag|make|put)\b[^.;]{0,30}"
                                  r"\b(?:do[- ]not[- ]contact|dnc)\b", self.text, re.I):
            # ("Don't mark him do not contact, just note it": the flag he asked not to be given)
            at = max(0, self.text.find(t))
            if not PERSON_REF.search(t) and not [m for m in self.mentions if m.kind == "contact" and m.start < at + len(t)] \
                    and not (self.ctx and self.ctx.type == "contact"):
                # "I'll binge and unsubscribe, so do not contact, and move Yusuf Evans to SQL": whom not to contact was not
                # heard; the person named after it is another command's
                self.f.ask("Who should be marked do not contact? I didn't catch a name before it.", [])
                return {}
            out["do_not_contact"] = True  # ("not to call her, email only": a channel, not do-not-contact)
        if (life := _lifecycle(t)) is not None:
            out["lifecycle_stage"] = life
        if ((not self._deal_words(t) and not _THING_OWNED.search(t) and not self._company_given(t)) or self._person_owned(t)) \
                and not self._owner_of_deal_said_before(t) and (owner := self._owner(t)):
            out["owner"] = owner
        if re.search(r"\b(?:e-?mail|address)\b", self.text, re.I) and (m := _SPOKEN_EMAIL.search(t)) \
                and not R.EMAIL_ADDR_RE.search(t):
            # "o dot grant at vertexanalytics dot example", "O. Grant at vertexanalytics.example"
            user, host = (re.sub(r"\s*(?:\.| dot )\s*", ".", m.group(g)).replace(" ", "") for g in ("user", "host"))
            before = re.search(r"([A-Za-z]+)\s+$", t[:m.start("user")])
            out["email"] = self._fit_email_user(user.lower(), before.group(1).lower() if before else "", host.lower())
        for field_name, pattern in _NAME_CHANGES:
            if nm := pattern.search(t):
                out[field_name] = nm.group("v").strip(" .,")
        if m := _TITLE_NOW.search(t):
            title = m.group("title").strip(" .,")
            if (longer := R.TITLE_RE.match(t, m.start("title"))) and len(longer.group(0)) > len(title):
                title = longer.group(0)  # "promoted to VP of procurement": the department said in lower case too
            out["job_title"] = C.tidy_title(title)
        elif (mi := re.search(r"\b(?:moved|moving|switched|went|transferred)\s+(?:over\s+)?into\s+(?:a\s+|an\s+|the\s+)?(?P<dept>"
                              r"(?:procurement|purchasing|finance|operations|ops|sales|marketing|engineering|product|legal|it|hr|"
                              r"customer success|support|partnerships|growth|revenue operations|revops)"
                              r"(?:\s+(?:ops|operations|enablement|analytics))?(?:\s+(?:role|team|position|job))?)\b", t, re.I)) \
                and "job_title" not in out:
            # "she moved into procurement" (issue 12): the department is her new title, said as it was
            dept = re.sub(r"\s+(?:role|team|position|job)$", "", mi.group("dept"), flags=re.I)
            out["job_title"] = dept.upper() if dept.lower() in ("it", "hr") else dept.title()
        if "job_title" not in out and (run := re.search(r"\b(?:is|'s|are|'re)\s+(?:now\s+)?(?:running|heading(?:\s+up)?|in charge of)\s+"
                                                       r"(?:the\s+)?(?P<dept>" + R._DEPT + r"(?:\s+(?:and\s+)?" + R._DEPT + r")?)"
                                                       r"(?:\s+(?:team|department|org|function))?(?=\s*(?:now\b|[,.;]|$|\s+(?:at|for|over)\b))",
                                                       t, re.I)):
            # "Grace Liu is now running marketing": she heads it
            out["job_title"] = C.tidy_title("head of " + run.group("dept"))
        if (re.search(r"\b(?:email|e-mail)\b.{0,25}\b(?:is|to|now|it'?s)\b|\bnew\s+(?:email|e-mail)(?:\s+address)?\s*[:,]?\s*(?:it'?s\s+|which is\s+)?(?=\S+@)"
                      r"|\be-?mail\s*:?\s*(?=[\w.+-]+@)|\bshould be\s+(?=[\w.+-]+@)", t, re.I)
                or re.search(r"\b(?:email|e-mail)\b", self.text, re.I) and re.search(r"\bnew one\b|\bis now\b|^\W*it'?s\b", t, re.I)) \
                and (e := R.EMAIL_ADDR_RE.search(t)):
            out["email"] = e.group(0).lower()
            if "." not in (user_part := out["email"].split("@", 1)[0]):
                # "his email is useoff at quartzpartners.example" for Yusuf: the user part as the contact's name is spelt
                out["email"] = self._fit_email_user(user_part, "", out["email"].split("@", 1)[1])
        elif "email" not in out and (said := _EMAIL_CHANGE.search(t)):
            # "Update Ben's email to ben at at quartz partners": an address that cannot be read is asked for
            self.f.ask(f"I couldn't make out the e-mail address (\"{said.group('said').strip(' .')}\"). What is it?", [])
        if (cue := _PHONE_CUE.search(t)) and (num := re.match(r"\s*(\+?\d[\d \-]{5,}\d)\b", t[cue.end():])):
            out["phone"] = re.sub(r"\s+", " ", num.group(1))  # (said in pieces, joined by _one_phone_number)
        elif re.search(r"\b(?:phone|number|mobile|cell)\b", t, re.I) and (
                p := R.PHONE_RE.search(t) or re.search(r"(?<![\d$.,])\+?\d{7,15}\b(?!\s*(?:k|grand|dollars?|bucks)\b)", t, re.I)):
            # ("changed to 2065550188": the digits said as one run)
            out["phone"] = p.group(0).strip()
        elif (cue := re.search(r"\b(?:phone|numbers?|mobile|cell)\b(?:\s+(?:number|is|now|to))*[\s,:]*", t, re.I)) \
                and (at := self.text.find(t)) >= 0 and (heard_phone := _phone_from(
                    re.sub(r"^[\s,:]*(?:(?:for|of)\s+(?:[A-Z][\w'-]*\s*){1,3}[,:\s-]*)?(?:(?:it'?s|its|it is|which is|the new one is)\s+)?",
                           "", self.text[at + cue.end():], flags=re.I))):  # ("New number for Linda Okafor, 214 ...")
            out["phone"] = heard_phone  # "new mobile number, plus four nine, one five one, ..." (a clause per pause)
        if out.get("phone"):
            out["phone"] = _merge_single_digits(str(out["phone"]))
        if "job_title" not in out and (ti := next((x for x in R.TITLE_RE.finditer(t) if re.search(
                r"\b(?:is|'s)\s+(?:now\s+)?(?:the\s+|their\s+|our\s+|a\s+|an\s+)?$", t[:x.start()], re.I)), None)) and re.search(
                r"\b(?:is|'s)\s+(?:now\s+)?(?:the\s+|their\s+|our\s+|a\s+|an\s+)?$", t[:ti.start()], re.I) \
                and (re.search(r"\bnow\b", t[ti.end():], re.I) or re.search(r"\bnow\s+(?:the\s+|their\s+)?$", t[:ti.start()], re.I)
                     or re.match(r"\s*,?\s*(?:at|over at|for)\s+[A-Z]", self.text[max(0, self.text.find(t)) + ti.end():])
                     or re.search(r"\bis now\b", self.text, re.I)):
            out["job_title"] = C.tidy_title(ti.group(0))  # "Oliver Grant is Chief Data Officer now"
        cues = [c for c in re.finditer(r"\b(?:is now|now the|became|promoted|new title|title is|title to|role is|"
                                       r"(?:he|she|who)(?:'s| is)|is actually|'s now|now at|moved|as|bumped up to|"
                                       r"(?:is|'s) the new|was (?:made|named|appointed)|moved up to|now (?:serves|works) as)\b", t, re.I)
                # ("stepped down as CEO", "used to be CFO": the title she had, not her new one)
                if not re.search(r"\b(?:stepped down|resigned|retired|used to be|was formerly|former(?:ly)?|left)\s*$",
                                 t[:c.start()], re.I)]
        ti = R.TITLE_RE.search(t, cues[0].end()) if cues else None
        cue = max((c for c in cues if ti is not None and c.end() <= ti.start()), key=lambda c: c.end(), default=None)
        if "job_title" not in out and cue is not None and ti is not None \
                and not re.search(r"\b(?:from|with|by|on|for|of|about|waiting|needs?|wants?|asked|not|no longer|never)\b",
                                  t[cue.end():ti.start()], re.I) \
                and not re.match(r"\s*(?:anymore|any more|no more)\b", t[ti.end():], re.I) \
                and len(t[cue.end():ti.start()].split()) <= 4:
            # ("he's not managing director anymore": the title he had, not his new one)
            # ("she's waiting on sign-off from their CFO": the title is someone else's)
            out["job_title"] = C.tidy_title(ti.group(0))
        if m := re.search(r"\b(?:moved to|[Mm]oved? (?:over )?to|went over to|joined|now works at|now at|left for|"
                          r"(?:[Hh]e|[Ss]he)(?:'s| is)(?: now)? (?:over )?at|(?:CEO|CTO|CFO|COO|CMO|CRO|VP \w+) over at|"
                          # "Leo Vogel is at Summit Ventures now", "Kara Brooks is with Redwood Labs now"
                          r"(?<=[a-z]) is (?:now )?(?:over )?(?:at|with)(?=\s+[A-Z][\w&]*(?:\s[A-Z][\w&]*)*\s+now\b)|"
                          r"(?:moved|went|switched|changed) from\s+[A-Z][\w&]*(?:\s[A-Z][\w&]*)*\s+(?:over\s+)?to)\s+"
                          r"(?P<co>[A-Z][\w&]*(?:\s(?:[A-Z][\w&]*|of(?=\s[A-Z])|and(?=\s[A-Z])))*)", t):
            co = [x for x in self.mentions if x.kind == "company" and len(x.ids) == 1 and x.start >= 0
                  and x.text in m.group("co")]
            if not co and re.search(r"\b(?:Officer|Manager|Director|Lead|Head|VP|Chief|President|Engineer|Analyst|"
                                    r"Executive|Specialist|Coordinator|Founder|Partner)\b", m.group("co")):
                out["job_title"] = C.tidy_title(m.group("co"))  # "she's moved to Chief Product Officer"
                return out
            if co or m.group(0).startswith("moved"):
                # "Linda Okafor, Move to Globex." (a transcript's "moved"): only to a known company
                out["company"] = self.idx.companies[co[0].ids[0]].name if co else m.group("co")
        if "job_title" in out and (fix := re.search(r"(?:^|[,.;!]\s*)(?:no\W+)?(?:actually|sorry|i mean|make (?:that|it)|rather|correction)\W+"
                                                    r"(?:(?:i mean|make (?:that|it)|it'?s)\s+)?(?:the\s+|an?\s+)?(?P<t>" + R.TITLE_RE.pattern[2:-2] + r")\b",
                                                    self.text[max(0, self.text.find(t)):], re.I)):
            # "he's chairman now. Actually, executive chairman.": the title said last
            out["job_title"] = C.tidy_title(fix.group("t"))
        if "job_title" in out and re.search(r"\b(?:title|role|job)\b[^,.;]{0,12}\bstill\b|\bsame (?:title|role|job)\b", t, re.I):
            del out["job_title"]  # "title is still Director of IT": nothing changes
        if "company" not in out and (left := _LEFT_COMPANY.search(self.text)):
            # "Rachel Adams left Northwind, she's now marketing director over at Umbrella Health",
            # "Linda's leaving Initech, she's going to Blue Harbor Realty": the company she goes to
            for new_co in (x for x in self.mentions if x.kind == "company" and len(x.ids) == 1):
                if new_co.start < left.end("old") or new_co.text not in t:
                    continue
                if re.search(r"\b(?:at|to|for|joining|joined|with)\s+(?:the\s+)?$", t[:t.find(new_co.text)], re.I):
                    out["company"] = self.idx.companies[new_co.ids[0]].name
                    break
        if "email" in out and "company" not in out:
            out["email"] = self._company_domain(out["email"])
        if "email" in out and (tld := str(out["email"]).rsplit(".", 1)[-1].lower()) not in _KNOWN_TLDS:
            # "carla at uplandworks dot io" heard as "uplandworks.evil": an ending no address has is asked about
            self.f.ask(f"I heard the address as {out['email']}, and .{tld} is no domain ending I know. What is the address?", [])
            del out["email"]
        if "job_title" in out and (own := _ASSIGN.search(t)) and (own.group("who22") or own.group("who11")) \
                and any(u.split()[0].lower() == (own.group("who22") or own.group("who11")).lower() for u in self.idx.users):
            del out["job_title"]  # "Jordan is the account manager for Theo Walsh now": Jordan's role, Theo's owner
        return out

    def _fit_email_user(self, user: str, word_before: str, host: str) -> str:
        """The address for a spoken ``user at host``, with the user part spelt as the contact's own
        name when that is what was said: "Victor Ortiz at quartzpartners.example" ->
        victor.ortiz@ when the contact is Victor Ortiz (the recogniser dropped the "dot"); "Carla at
        redwoodsolutions.example" -> kara@ for Kara Brooks (same sound: rapidfuzz ratio >= 75 of
        :func:`~desktop.planner.entity_index.sounds`). Any other user part is kept as heard."""
        loc: _Local | None = getattr(self, "_loc", None)
        who = loc.contact if loc is not None and loc.contact is not None else self.f.contact
        if who is None or re.search(r"[_\d]", user):
            return f"{user}@{host}"  # ("tom_b": spelt out, kept as said)
        c = self.idx.contacts[who]
        first, last = c.first_name.lower(), c.last_name.lower()

        def like(said: str, name: str) -> bool:
            # ("useoff" for Yusuf: the same consonants once a leading vowel or y is set aside - Metaphone keys)
            keys = [re.sub(r"^[AEIOUY]+", "", jellyfish.metaphone(w)) for w in (said, name)] if said and name else ["", "-"]
            return bool(said and name) and (max(fuzz.ratio(said, name), fuzz.ratio(sounds(said), sounds(name))) >= 75
                                             or len(keys[0]) >= 2 and keys[0] == keys[1])

        if "." not in user and like(word_before, first) and like(user, last):
            return f"{first}.{last}@{host}"
        if "." not in user and like(user, first) and user != first:
            return f"{first}@{host}"
        return f"{user}@{host}"

    def _company_domain(self, email: str) -> str:
        """``email`` with its domain set to the contact's company domain when the one said is a
        near miss of it ("dan@tittlemedia.example" for Tidal Media's tidalmedia.example: same ending,
        rapidfuzz ratio >= 75 of the first label, by spelling or sound, or >= 65 with the same last five
        letters or more); unchanged otherwise (a known
        company's domain or a new employer's is kept as said)."""
        loc: _Local | None = getattr(self, "_loc", None)
        who = loc.contact if loc is not None and loc.contact is not None else self.f.contact
        if who is None or "@" not in email:
            return email
        company = self.idx.companies.get(self.idx.contacts[who].company_id or -1)
        user, host = email.split("@", 1)
        domain = (company.domain or "").lower() if company else ""
        if not domain or host == domain or self.idx.company_by_domain(host) is not None \
                or re.search(r"\b(?:moved|joined|now (?:works )?at|left|company|with a (?:dash|hyphen)|new domain)\b", self.text, re.I) \
                or ("-" in host and "-" not in domain and host.replace("-", "") == domain.replace("-", "")):
            return email  # a known company's domain, a new employer, or a dash said on purpose: as said
        if C.domain_heard_as(host, domain):
            # ("quinn@setupgroup.example" for Cedar Group's cedargroup.example: the same last word, a near start)
            return f"{user}@{domain}"
        return email

    # -------------------------------------------------------------- titles
    def _who(self) -> str | None:
        f = self.f
        if f.contact is not None and not f.person_blocked:
            return self.idx.contacts[f.contact].name
        if f.person_blocked and f.person_name:
            return f.person_name
        if f.company is not None:
            return self.idx.companies[f.company].name
        if f.deal is not None:
            return self.idx.deals[f.deal].name
        return None

    # ------------------------------------------------------------ other kinds
    def _question(self, stage: str | None) -> None:
        f = self.f
        if _CALL_LIST.search(self.text) and not self.mentions:
            self._call_list()
            return
        if not f.clarifications and not U.only_a_person(self.text, self.mentions):
            got = A.answer(self.text, self.idx, self.today, self.mentions,
                           stage or R.stage_mention(self.text, self.o._stages), f, self.ctx)
            if got is not None:
                got = {k: v for k, v in got.items() if v is not None}
                self._add(0, Action(kind="answer", fields=got, evidence=[(0, len(self.text))]))
                self.message = got.get("text")
                return
        asked = "who is" if U.only_a_person(self.text, self.mentions) else self.text  # "This is Linda Okafor." -> who she is
        answer = C.answer_text(asked, self.idx, f.deal, f.contact if not f.person_blocked else None, f.company)
        lead = R.SEARCH_RE.search(self.text)
        if answer and not lead:
            fields: dict[str, Any] = {"text": answer}
            who = f.contact if not f.person_blocked else None
            if who is not None and (low := self.text.lower()):
                # "what's Priya's email?": the fact itself as the answer's value, beside the sentence
                c = self.idx.contacts[who]
                said = c.email if "email" in low else c.phone if re.search(r"\b(?:phone|number|mobile|cell)\b", low) \
                    else c.job_title if re.search(r"\b(?:title|role|position)\b", low) else None
                if said:
                    fields["value"] = said
            self._add(0, Action(kind="answer", fields=fields))
            self.message = answer
            return
        if not self.mentions and A.OFF_TOPIC.search(self.text):
            self.message = OFF_TOPIC_MESSAGE  # "any good podcasts for account executives?"
            return
        if not self.mentions and not lead and not R.QUESTION_RE.search(self.text):
            self.message = OFF_TOPIC_MESSAGE
            return
        if not self.mentions and not re.search(r"\b(?:deal|contact|compan|accounts?\b|task|pipeline|lead|"
                                               r"opportunit|people|customer|to-?do|on my plate|agenda)", self.text, re.I):
            self.message = OFF_TOPIC_MESSAGE
            return
        if f.clarifications and any(m.kind == "contact" and len(m.ids) > 1 for m in self.mentions):
            return  # "When did I last talk to Mike?": which Mike is asked; a search for deals named Mike helps nobody
        if f.clarifications and not self.mentions and f.unknown:
            return  # "What's the status on the Larkspur Foods deal?": who or what that is, is asked; no search
        if f.clarifications and any(m.kind == "company" and len(m.ids) > 1 for m in self.mentions):
            return  # "What's the Meadow deal worth?": which Meadow is asked; a search helps nobody
        stage = stage or R.stage_mention(self.text, self.o._stages)
        self._add(0, Action(kind="search", fields=C.search_action(self.text, self.idx, self.mentions, self.today, stage)))

    def _call_list(self) -> None:
        """ "My calls for today", "who should I call today": today's task list (a ``search`` for
        open tasks due today or overdue) and an ``answer`` listing the deals to call. A deal is to
        call when it is open and either *hot* (in the last two open stages, closing within
        :data:`HOT_DAYS` days) or *stalled* (no activity for :data:`STALLED_DAYS` days or more, or
        none at all); hot deals first, then stalled ones by how long they have been quiet."""
        today = self.today
        open_stages = [s for s in self.idx.stages if not (s.is_won or s.is_lost)]
        late = {s.label for s in open_stages[-2:]}
        hot, stalled = [], []
        for d in self.idx.deals.values():
            if not d.is_open:
                continue
            if d.stage_label in late and d.close_date is not None and 0 <= (d.close_date - today).days <= HOT_DAYS:
                hot.append(d)
            elif d.last_activity_at is None or (today - d.last_activity_at.date()).days >= STALLED_DAYS:
                stalled.append(d)
        hot.sort(key=lambda d: d.close_date or date.min)  # every hot deal has a close date
        stalled.sort(key=lambda d: d.last_activity_at or datetime.min)
        lines = [f"{d.name} (closing {d.close_date:%-d %b})" for d in hot] + \
                [f"{d.name} (quiet since {d.last_activity_at:%-d %b})" if d.last_activity_at else f"{d.name} (never touched)"
                 for d in stalled]
        text = (f"{len(lines)} deals to call today: " + "; ".join(lines[:12]) + ("; ..." if len(lines) > 12 else "")
                if lines else "No hot or stalled deals to call today.") + " Your tasks due today are listed too."
        self._add(0, Action(kind="search", fields={"object": "task", "filters": {"due_date_before": today.isoformat()}},
                            evidence=[(0, len(self.text))]))
        self._add(0, Action(kind="answer", fields={"text": text, "records": [f"deal:{d.id}" for d in hot + stalled]},
                            evidence=[(0, len(self.text))]))
        self.message = text

    def _create_deal(self, stage: str | None, text: str | None = None, company: str | None = None,
                     pos: int = 0, kind: str | None = None) -> None:
        """A ``create_deal`` from ``text`` (default: the instruction): company (a known one, the one
        created in the same plan, or the capitalised words after "for/with/at"), a name ("called X",
        else the company plus what kind of deal was said: "pilot deal", "deal for X, website
        redesign"; ``kind``: what the work is when said as a thing, "second project"), stage, amount ("four K a month for a year" = 48,000) and close date."""
        f = self.f
        text = text if text is not None else self.text
        fields: dict[str, Any] = {}
        co = company or (self.idx.companies[f.company].name if f.company is not None else None)
        if co is None:
            m = re.search(r"\b(?:for|with|at)\s+(?P<co>[A-Z][\w&]*(?:\s[A-Z][\w&]*)*)", text)
            co = m.group("co") if m else None
        if co is None:
            made = [a for _, a in self.actions if isinstance(a, Action) and a.kind == "create_company" and a.fields.get("name")]
            named_here = list(dict.fromkeys(m.ids[0] for m in self.mentions if m.kind == "company" and len(m.ids) == 1))
            if len(made) == 1:
                co = str(made[0].fields["name"])  # "New logo: Brightwater Analytics, ... Open a deal for them at ninety K"
            elif len(named_here) == 1:
                co = self.idx.companies[named_here[0]].name  # "Tidal Media wants to come back. Open a new deal for twenty-four K"
        if co is None and (low := re.search(r"\b(?:deal|opportunity|opp)\s+(?:for|with|at)\s+(?P<co>(?!(?:a|an|the|them|it|him|her|"
                                            r"us|me|this|that|our|their)\b)[a-z][\w&'-]*(?:\s+[a-z][\w&'-]*){0,3}?)\s*(?:[,.;]|$)",
                                            text)) and not find_amounts(words_to_digits(low.group("co"))):
            # "create deal for stock industries, 50K": a company the workspace does not have (heard or typed
            # in lower case) - asked, never a deal with no company ("a deal for twelve thousand" is its amount)
            self.f.ask(f"I don't know {low.group('co')} in your workspace. Add the company first, or which company is "
                       f"the deal for?", [])
            return
        if co:
            fields["company"] = co
        kind_words = kind
        if m := re.search(r"\b(?:a|an|new)\s+(?:(?:[\w$,.-]+\s+){1,3}?(?:dollar|k|thousand|grand)(?:\s+dollars?)?\s+)?(?P<k>(?:[a-z-]+\s+){0,2}?)"
                          r"(?:deal|opportunity|opp)\b", text, re.I):
            kind_words = " ".join(w for w in m.group("k").split() if w.lower() not in (
                "new", "a", "an", "second", "third", "another", "additional", "separate", "2nd", "3rd", "extra")) or None
        if (app := re.search(r"\b(?:deal|opportunity)\s+(?:for|with)\s+(?-i:[A-Z])[\w&' ]{1,40}?,\s*(?:the\s+|a\s+|an\s+|their\s+)?"
                             r"(?P<d>[a-z][\w -]{3,40}?)\s*,", text)) \
                and not re.search(r"\b(?:k|thousand|grand|million|closing|close|stage|due|by)\b|\$|\d", app.group("d"), re.I) \
                and not R.stage_phrase(app.group("d"), self.o._stages) and not R.stage_mention(app.group("d"), self.o._stages):
            kind_words = app.group("d").strip()  # "Add a second deal for Acme, the maintenance module, forty thousand"
        if kind_words is None and (wants := re.search(r"\b(?:wants?|needs?|asked\s+for|(?:is|are)\s+looking\s+for)\s+(?:a|an)\s+"
                                                      r"(?P<d>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}?)(?=\s*[.,;]|\s+(?:at|for|worth)\b)", text)) \
                and not re.search(r"\b(?:discount|call|meeting|demo|quote|proposal|deal|price|update)\b", wants.group("d"), re.I):
            kind_words = wants.group("d")  # "Redwood Labs wants a website refresh. New deal, thirty k, qualified."
        if co and (m2 := re.search(re.escape(co) + r"\s*,\s*(?P<d>[a-z][\w -]{3,40}?)\s*,", text, re.I)) \
                and not re.search(r"\b(?:k|thousand|grand|million|closing|close|stage|due|by)\b|\$|\d\s*(?:k|m)\b|\d{3,}", m2.group("d"), re.I) \
                and not R.stage_phrase(m2.group("d"), self.o._stages) and not R.stage_mention(m2.group("d"), self.o._stages) \
                and find_date(m2.group("d"), self.today) is None:
            kind_words = re.sub(r"^(?:a|an|the|their)\s+", "", m2.group("d").strip(), flags=re.I)  # "a deal for Harbor Health, Phase 2 rollout, 45k"
        if m := re.search(r"\b(?:deal|opportunity|quote|proposal)(?:\s+here|\s+(?:at|with)\s+(?-i:[A-Z])[\w&]*(?:\s+(?-i:[A-Z])[\w&]*)*)?"
                          r"\s+for\s+(?:a|an|the)\s+(?P<d>[a-z0-9][\w -]{2,40}?)"
                          r"(?=\s+(?:at|worth|for|of|closing|in)\b|\s*[,.]|$)", text, re.I):
            kind_words = m.group("d").strip()  # "a deal for a brand refresh at sixty k"
        elif m := re.search(r"\b(?:new\s+)?(?:deal|opportunity)(?:\s+for\s+(?:them|it))?\s*,\s*(?P<d>[A-Za-z][\w -]{3,50}?)\s*,", text):
            said = m.group("d").strip()
            if not re.search(r"\d|\b(?:k|thousand|grand|million|closing|close|stage|worth)\b", said, re.I):
                if co and said.lower().startswith(co.lower()):
                    said = said[len(co):].strip(" -")  # "open a new deal, Lumen Learning Labs expansion, ..."
                kind_words = said or kind_words
        m = next((x for x in re.finditer(r"\b(?:called|named|(?i:call it|call the deal|name it))\s+[\"']?(?P<n>[^,\"'.]+)", text)
                  if not ((am := find_amounts(words_to_digits(x.group("n").strip()))) and am[0].start == 0)), None)
        # ("call it eighteen thousand": an amount, not a name)
        if m:
            fields["name"] = re.sub(r"\s+(?:at|worth|for)\s+\$?\d.*$|\s+(?:at|worth)\s+(?:one|two|three|four|five|six|"
                                    r"seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred)\b.*$",
                                    "", m.group("n").strip(), flags=re.I)
        elif co and (dashed := re.search(re.escape(co) + r"\s+[-\u2013\u2014]\s+(?P<n>[A-Za-z0-9][\w&' -]{1,40}?)\s*(?:[,.;]|$)", text)):
            fields["name"] = f"{co} - {dashed.group('n')}"  # "New deal: Upland Partners - Q1 Campaign, 22k"
        elif co and (titled := _titled_deal_name(text, co)):
            fields["name"] = titled  # "Let's open one. Summit Ventures Website Rebuild, thirty five k"
        elif kind_words and co:
            fields["name"] = f"{co} - {kind_words[:1].upper()}{kind_words[1:]}"
        else:
            fields["name"] = f"{co} - New Deal" if co else "New Deal"
        if (dm := R.CREATE_DEAL_RE.search(text)) and dm.start() > 0:
            # "the pilot's closed won already, but ... create a new deal, ..., demo scheduled": the stage
            # said about another deal before the command is not the new deal's
            stage = R.stage_phrase(text[dm.start():], self.o._stages) or R.stage_mention(text[dm.start():], self.o._stages)
        else:
            stage = stage or R.stage_mention(text, self.o._stages)  # "..., qualified, closing in February"
        if stage:
            fields["stage"] = stage
        digits = words_to_digits(text)
        amounts = _prefer_totals([a for a in find_amounts(digits) if a.money], digits)
        if (bare := _BARE_SCALE.search(text)) and not find_amounts(words_to_digits(text[:bare.start("junk")])):
            # "Create a deal for Juniper Systems, Starter Plan, aging thousand": a misheard figure - asked, never 1,000
            self.f.ask(f"I couldn't read \"{bare.group(0)}\" as an amount. What should it be?", [])
            amounts = []
        if amounts:
            value = apply_amount(amounts[0], None)
            if value is None and amounts[0].mode == "add" and not amounts[0].percent:
                value = amounts[0].value  # a new deal has nothing to add to: "add a deal, 8K" is its amount
            if value:
                value = contract_total(value, digits, amounts[0].end)  # "four K a month for a year": the contract's total
            fields["amount"] = value
        closing = re.search(r"\b(?:closing|close date|to close|close|closes)\b", text, re.I)
        if d := (closing and find_date(text[closing.start():], self.today)) or find_date(text, self.today):
            # ("they want the module next year, ... closing in January": the date said with the close)
            fields["close_date"] = d[0].isoformat()
        f.clarifications, f.candidates = [q for q in f.clarifications if not q.startswith("Which deal")], \
            [c for q, c in zip(f.clarifications, f.candidates) if not q.startswith("Which deal")]
        self._add(pos, Action(kind="create_deal", fields=fields))

    def _delete(self) -> None:
        f, text = self.f, self.text
        low = text.lower()
        kind: MentionKind | None
        # ("Delete Zoe Young, she left months ago and every email bounces": "every" in the reason is no bulk delete)
        bulk = bool(R.BULK_RE.search(re.split(r"[,;.]|\s+(?:because|since|as|she|he|they)\s+", text, maxsplit=1)[0]))
        if bulk:
            if f.company is not None and re.search(r"\bcontacts\b|\bpeople\b", low):
                ids = list(self.idx.contacts_by_company.get(f.company, ()))
                kind = "contact"
            elif f.company is not None and re.search(r"\bdeals\b", low):
                ids = list(self.idx.deals_by_company.get(f.company, ()))
                kind = "deal"
            else:
                self.message = "I won't delete in bulk without a list: name the records to delete."
                return
            if len(ids) > MAX_BULK:
                self.message = f"That would delete {len(ids)} records; I only delete up to {MAX_BULK} at once."
                return
            for i in ids:
                self._add(0, Action(kind="delete_record", target=self.idx.target(kind, i), destructive=True))
            self.message = f"Delete {len(ids)} {kind}s? This cannot be undone."
            return
        kind = None
        if not self.mentions and self.ctx is not None and self.ctx.type in ("contact", "company", "deal"):
            if re.search(r"\b(?:it|this|that|him|her|them)\b", low):
                self._add(0, Action(kind="delete_record", target=self.ctx, destructive=True))
                return
        companies = [m.ids[0] for m in self.mentions if m.kind == "company" and len(m.ids) == 1]
        if re.search(r"\bdeals\b|\bdeal and\b|\band the \w+(?: \w+)? deal\b", low) and len(set(companies)) > 1:
            for co in dict.fromkeys(companies):
                open_ = self.idx.open_deals(co) or list(self.idx.deals_by_company.get(co, ()))
                if len(open_) == 1:
                    self._add(0, Action(kind="delete_record", target=self.idx.target("deal", open_[0]), destructive=True))
                else:
                    f.ask(f"Which {self.idx.companies[co].name} deal should I delete?",
                          [self.idx.target("deal", d) for d in open_][:6])
            return
        # what to delete is said by the delete clause's object ("delete Zoe Young from Redwood Labs, she
        # left the company": a contact, though "company" comes later)
        low = (getattr(self, "_delete_obj", None) or low).lower()
        span = getattr(self, "_delete_span", None)
        inside = [m for m in self.mentions if span and span[0] <= m.start < span[1] and len(m.ids) == 1]
        deal_named = list(dict.fromkeys(m.ids[0] for m in self.mentions if m.kind == "deal" and len(m.ids) == 1))
        if re.fullmatch(r"\W*(?:it|that|this|that one|this one)\W*", low) and len(deal_named) == 1:
            # "upland media expansion deal is a dupe, delete it": the deal named, not its company
            self._add(0, Action(kind="delete_record", target=self.idx.target("deal", deal_named[0]), destructive=True))
            return
        said_deal = re.search(r"\b(?P<what>[\w&' -]{2,60}?)\s+(?:deal|opportunity)\b", text, re.I)
        cos = list(dict.fromkeys(m.ids[0] for m in self.mentions if m.kind == "company" and len(m.ids) == 1))
        if re.fullmatch(r"\W*(?:it|that|this|that one|this one|them)\W*", low) and said_deal and len(cos) == 1 \
                and not re.search(r"\bdeal|opportunit", low):
            # "upland media expansion deal is a dupe, delete it": "it" is the deal said, never its company
            deals = list(self.idx.deals_by_company.get(cos[0], ()))
            words = set(said_deal.group("what").lower().split()) - set(self.idx.companies[cos[0]].name.lower().split())
            named = [d for d in deals if words & set(re.findall(r"[a-z0-9]+", self.idx.deals[d].name.lower()))]
            pick = named if len(named) == 1 else deals if len(deals) == 1 else []
            if pick:
                self._add(0, Action(kind="delete_record", target=self.idx.target("deal", pick[0]), destructive=True))
            else:
                f.ask(f"Which {self.idx.companies[cos[0]].name} deal should I delete?",
                      [self.idx.target("deal", d) for d in deals][:6])
            return
        if len({(m.kind, m.ids[0]) for m in inside}) == 1 and not re.search(r"\bdeal|opportunit", low):
            # "Delete Quartz Health, it's a junk import, and Ben Jensen's got a new title": the record
            # the delete verb names, never another one the sentence mentions
            only = inside[0]
            self._add(0, Action(kind="delete_record", target=self.idx.target(only.kind, only.ids[0]), destructive=True))
            return
        if re.search(r"\bdeal|opportunit", low) and f.deal is not None and not f.deal_blocked:
            kind, rid = "deal", f.deal
        elif re.search(r"\btask\b", low):
            self.message = "Open the task and delete it there; I can't tell which task you mean."
            return
        elif f.contact is not None and not f.person_blocked and not re.search(r"\b(?:company|account)\b", low):
            kind, rid = "contact", f.contact
        elif f.company is not None and not f.deal_blocked and (
                re.search(r"\b(?:company|account)\b", low) or not [m for m in self.mentions if m.kind == "contact"]):
            kind, rid = "company", f.company
        elif not self.mentions and self.ctx is not None and self.ctx.type in ("contact", "company", "deal"):
            self._add(0, Action(kind="delete_record", target=self.ctx, destructive=True))
            return
        if kind is None:
            if not f.clarifications:
                f.ask("What should I delete? Name the contact, company or deal.", [])
            return
        self._add(0, Action(kind="delete_record", target=self.idx.target(kind, rid), destructive=True))

    def _ask_unknown_person(self, said: str, x: Mention) -> None:
        """Ask about ``said`` (a full name nobody in the workspace has), offering the people the partial mention
        ``x`` could mean instead; the "Which <name>" question it replaces is dropped and the person is blocked."""
        self.f.clarifications[:] = [q for q in self.f.clarifications if not q.startswith(f"Which {x.text}")]
        what, options = choices(self.idx, "contact", list(x.ids))
        self.f.ask(f"I don't know {said} in your workspace. Create a contact, or did you mean {what}?", options)
        self.f.person_blocked = True

    def _unknown_names(self) -> None:
        users = {u.split()[0].lower() for u in self.idx.users}
        for m in re.finditer(r"\bthe\s+(?P<n>(?-i:[A-Z])[a-z]+(?:\s+(?-i:[A-Z])[a-z]+){0,2})\s+(?:deal|account|opportunity|renewal)\b",
                             self.text, re.I):
            # "What's the status on the Larkspur Foods deal?": a deal of a company the workspace does not have
            said = m.group("n")
            if not any(x.start < m.end("n") and m.start("n") < x.end for x in self.mentions) \
                    and said.lower() not in STOPWORDS and said.lower() not in _CALENDAR_WORDS \
                    and not R.fuzzy_stage(said, self.o._stages) and said.lower() not in users \
                    and said.lower() not in R.KNOWN_COMPETITORS:
                self.f.ask(f"I don't know {said} in your workspace. Which deal do you mean?", [])
                self.f.unknown.append(said)
                return
            part = [x for x in self.mentions if x.start < m.end("n") and m.start("n") < x.end]
            if len(part) == 1 and part[0].kind == "company" and len(part[0].ids) == 1 and len(said.split()) >= 2 \
                    and part[0].start > m.start("n") and said.split()[0].lower() not in STOPWORDS \
                    and said.split()[0].lower() not in self.idx.company_keys \
                    and said.split()[0].lower() not in normalise(self.idx.companies[part[0].ids[0]].name).split():
                # "Move the Stellar Dynamics deal ...": a company named with a word Delta Dynamics does not have - asked
                name = self.idx.companies[part[0].ids[0]].name
                self.f.ask(f"I don't know {said} in your workspace. Did you mean {name}?",
                           [self.idx.target("company", part[0].ids[0])])
                self.f.unknown.append(said)
                return
        for x in self.mentions:
            # "log a call with Bea Quist": a last name the workspace has, after a first name none of its
            # holders has - an unknown person (offered to be created), not a choice between the Quists
            before = re.search(r"\b(?-i:([A-Z][a-z]+))\s+$", self.text[:x.start])
            if x.kind != "contact" or not x.partial or len(x.ids) < 2 or before is None \
                    or before.group(1).lower() in STOPWORDS or before.group(1).lower() in users \
                    or x.text.lower() not in self.idx.last_names \
                    or any(fuzz.ratio(before.group(1).lower(), normalise(self.idx.contacts[i].first_name)) >= 75 for i in x.ids):
                continue
            self._ask_unknown_person(f"{before.group(1)} {x.text}", x)
            return
        for x in self.mentions:
            # "Oliver Silver got married": a first name the workspace has, then a last name none of its holders has -
            # an unknown person (asked about), never the only Oliver
            after = re.match(r" (?-i:([A-Z][a-z]{2,}))\b(?!['\w])", self.text[x.end:])
            if x.kind != "contact" or not x.partial or after is None or x.text.lower() not in self.idx.first_names \
                    or after.group(1).lower() in STOPWORDS or after.group(1).lower() in _CALENDAR_WORDS \
                    or after.group(1).lower() in users or R.TITLE_RE.match(after.group(1)) \
                    or any(y is not x and y.start <= x.end + 1 < y.end for y in self.mentions) \
                    or any(fuzz.ratio(after.group(1).lower(), normalise(self.idx.contacts[i].last_name)) >= 70
                           or sounds(after.group(1).lower()) == sounds(normalise(self.idx.contacts[i].last_name)) for i in x.ids):
                continue
            self._ask_unknown_person(f"{x.text} {after.group(1)}", x)
            return
        for said, ids in self._clashes:
            near = [i for i in ids if any(self.idx.contacts[i].company_id in x.ids for x in self.mentions if x.kind == "company")] or ids
            what, options = choices(self.idx, "contact", near)
            self.f.ask(f"I don't know {said} in your workspace. Did you mean {what}?", options)
            self.f.person_blocked = True
            return
        for tm in R.TITLE_RE.finditer(self.text):
            # "Log a call with Acme's new CFO, Jessica Moore": the person named after a title the workspace does not
            # know by that name - asked about, never the title's holder or the company's deal
            nm = re.match(r"\s*,?\s+(?-i:([A-Z][a-z]{2,}))(?:\s+(?-i:([A-Z][a-z]{2,})))?\b", self.text[tm.end():])
            if nm is None or not re.search(r"(?:\bnew|\btheir|\bthe|\bits|'s)\s+(?:new\s+)?$", self.text[:tm.start()], re.I):
                continue
            first, last = nm.group(1), nm.group(2)
            at = tm.end() + nm.start(1)
            if any(x.kind == "contact" and x.start <= at < x.end for x in self.mentions) \
                    or first.lower() in STOPWORDS or first.lower() in users or first.lower() in _CALENDAR_WORDS \
                    or first.lower() in self.idx.first_names or first.lower() in self.idx.company_keys \
                    or first.lower() in R.KNOWN_COMPETITORS:
                continue
            said = first + (f" {last}" if last and last.lower() not in STOPWORDS and last.lower() not in self.idx.company_keys else "")
            self.f.ask(f"I don't know {said} in your workspace. Create a contact, or who do you mean?", [])
            self.f.unknown.append(said)
            self.f.person_blocked = True
            return
        assigned = [a.span() for a in _ASSIGN.finditer(self.text)]
        cities = self.idx.cities
        for m in _UNKNOWN_NAME.finditer(self.text):
            name = m.group(1)
            if any(a <= m.start(1) < b for a, b in assigned):
                continue  # "assign the Northwind deal to Taylor": an owner, asked about as one (see _owner)
            if name.lower() in cities or f"{name} {m.group(2) or ''}".strip().lower() in cities:
                continue  # "open deals with Atlanta companies": a place the workspace's companies are in
            if name.lower() in _LIFECYCLE_WORDS:
                continue  # "Drop Him to Subscriber": a lifecycle stage a recogniser capitalised
            if re.search(r"\b(?:move|moving|moved|switch|switching|switched|migrate|migrating|go|going|went|port|porting)\s+(?:over\s+)?to\s+$",
                         self.text[max(0, m.start(1) - 30):m.start(1)], re.I):
                continue  # "cancel the old SSO setup and move to Okta": a product they move to, not a person
            end = m.end()
            if m.group(2) and any(x.kind == "company" and x.start == m.start(2) for x in self.mentions):
                end = m.end(1)  # "Log an email to Roger Summit Ventures" (a recogniser's lost "at"): Roger alone
            if self.mentions:
                # a person the workspace does not have, next to records it has ("a call with
                # Jennifer Park from Acme"): only a capitalised name no index word matches
                if any(x.start < end and m.start(1) < x.end for x in self.mentions) \
                        or name.lower() in users or name.lower() in self.idx.first_names \
                        or name.lower() in self.idx.last_names or name.lower() in self.idx.company_keys \
                        or name.lower() in _CALENDAR_WORDS \
                        or R.competitor(self.text[m.start(1):m.start(1) + 40]) \
                        or name.lower() in (R.competitor(self.text[max(0, m.start() - 60):m.end()]) or "").lower().split() \
                        or R.TITLE_RE.match(self.text, m.start(1)) \
                        or re.search(r"\b(?:title|changed|promoted|role|stage|moving|moved|switching|switched)\b",
                                     self.text[max(0, m.start() - 25):m.start()], re.I) \
                        or re.search(r"\b(?:lost|lose|losing|went with|going with|chose|picked|signed with)\b",
                                     self.text[max(0, m.start(1) - 45):m.start(1)], re.I):
                    continue
            if name.lower() in STOPWORDS or name.lower() in R.KNOWN_COMPETITORS or name.lower() in users \
                    or name.lower() in _CALENDAR_WORDS \
                    or R.TITLE_RE.match(self.text, m.start(1)) \
                    or re.search(r"\b(?:title|promoted|role|position|name|surname|goes by)\b",
                                 self.text[max(0, m.start() - 25):m.start()], re.I) \
                    or R.fuzzy_stage(name, self.o._stages) \
                    or m.group(2) and R.fuzzy_stage(f"{name} {m.group(2)}", self.o._stages):  # "Nodotion Nation"
                continue
            self.f.unknown.append(name + (f" {m.group(2)}" if m.group(2) and end == m.end() and m.group(2).lower() not in STOPWORDS
                                          else ""))
        for m in _WHOSE_FIELD.finditer(self.text):
            # "Update Hannah Lee's title": a field of a person the workspace does not have
            if any(x.start < m.end(2) and m.start(1) < x.end for x in self.mentions) \
                    or {m.group(1).lower(), m.group(2).lower()} & (set(self.idx.company_keys) | STOPWORDS | users):
                continue
            self.f.unknown.append(f"{m.group(1)} {m.group(2)}")
        for x in [x for x in self.mentions if x.kind == "contact" and x.partial]:
            # "Log a meeting with Priya from Fernhill": a first name placed at a company the workspace does not
            # have is someone else, asked about - never the Priya at Globex
            placed = re.match(r"\s+(?:from|at|over at)\s+(?P<co>(?-i:[A-Z])[\w&'-]+(?:\s+(?-i:[A-Z])[\w&'-]+){0,2})", self.text[x.end:])
            if placed is None or any(m.kind == "company" and m.start <= x.end + placed.start("co") < m.end for m in self.mentions) \
                    or self.idx.find_mentions(placed.group("co")) \
                    or placed.group("co").split()[0].lower() in STOPWORDS | users | _CALENDAR_WORDS \
                    or re.match(r"(?:HQ|Home|Lunch|Dinner|Breakfast|Coffee|Work|School|Christmas|Easter)\b", placed.group("co")):
                continue
            self.f.unknown.append(f"{x.text} at {placed.group('co')}")
        for co in (x for x in self.mentions if x.kind == "company" and len(x.ids) == 1):
            # "Jessica from Acme", "Ben at Initech": a person placed at a company the workspace knows
            pm = _PERSON_AT.search(self.text[max(0, co.start - 40):co.start])
            if pm is None and co.start <= 60 and (opening := _OPENING_PERSON_AT.search(self.text[:co.start])) \
                    and _REPORTED_CONTACT.match(self.text[co.end:]) \
                    and not {opening.group("first").lower(), (opening.group("last") or "").lower()} & (STOPWORDS | users) \
                    and not any(x.start < co.start and x.kind != "company" for x in self.mentions):
                pm = opening  # "Stay see from Northwind called about invoices": someone the workspace lacks
            if not pm or any(x.kind == "contact" and x.start < co.start and x.end > co.start - len(pm.group(0)) - 1
                            and set(x.ids) & set(self.idx.contacts_by_company.get(co.ids[0], ()))
                            for x in self.mentions):
                continue
            first, last_said = pm.group("first"), pm.group("last")
            if last_said and (first.lower() in STOPWORDS or first.lower() in _VERB_BEFORE_NAME):
                first, last_said = last_said, None  # ("Email Clari at Pinecrest": "Email" is the command, Clari the person)
            by_last = [c for c in self.idx.contacts_by_company.get(co.ids[0], ())
                       if self.idx.contacts[c].last_name.lower() == first.lower()]
            if len(by_last) > 1 and not last_said:
                # "Price at Summit Labs wants a callback": a surname two people there share - asked, never guessed
                what, options = choices(self.idx, "contact", by_last)
                self.f.ask(f"Which {first} at {co.text}: {what}?", options)
                self.f.person_blocked = True
                return
            window = self.text[max(0, co.start - 40):co.start]
            if re.search(r"\b(?:of|vp|svp|evp|head|director|manager|chief|lead|team|new|their|our)\s+$", window[:pm.start()], re.I) \
                    or first.lower() in _DEPARTMENTS:
                continue  # "he's now VP of Sales at Juniper": a job, not a person
            if first.lower() in STOPWORDS or first.lower() in users or first.lower() in _CALENDAR_WORDS \
                    or first.lower() in self.idx.company_keys:
                continue
            there = [c for c in self.idx.first_names.get(first.lower(), []) if self.idx.contacts[c].company_id == co.ids[0]]
            named = [x for x in self.mentions if x.kind == "contact" and len(x.ids) == 1 and x.end <= co.start
                     and co.start - x.end <= 12 and not x.partial]
            if named and self.idx.contacts[named[-1].ids[0]].company_id != co.ids[0]:
                # "Log a call with Mike Chen from FinanceStartup": Mike Chen works elsewhere - asked, never
                # logged on the person the name alone would pick
                c = self.idx.contacts[named[-1].ids[0]]
                options = [self.idx.target("contact", i) for i in there] + [self.idx.target("contact", c.id)]
                alt = " or ".join(self.idx.contacts[i].name for i in there)
                self.f.ask(f"{c.name} works at {c.company_name or 'another company'}, not {co.text}."
                           + (f" Did you mean {alt}, or {c.name}?" if alt else f" Did you mean {c.name}?"), options)
                self.f.person_blocked = True
                return
            if not there:
                # "Ben at Initech" when no Ben works there: not "which Ben?" among other companies
                for i, q in enumerate(list(self.f.clarifications)):
                    if q.startswith(f"Which {first}:"):
                        del self.f.clarifications[i], self.f.candidates[i]
                        break
                self.f.unknown.append(f"{first} {last_said or ''}".strip() + f" at {self.idx.companies[co.ids[0]].name}")
        for m in _SOMEONE_AT.finditer(self.text):
            # "a meeting with someone from Hooli": a company the workspace does not have
            if not any(x.kind == "company" and x.start <= m.start("co") < x.end for x in self.mentions) \
                    and m.group("co").lower() not in STOPWORDS:
                self.f.ask(f"I don't know {m.group('co')} in your workspace. Add the company first, or who do you mean?", [])
                self.f.person_blocked = True
                return
        for m in _SOMEONES.finditer(self.text):
            # "Log a call with Priya's boss at Globex": someone else than Priya, whom the workspace lacks
            if any(x.kind == "contact" and (x.start <= m.start(2) < x.end or 0 <= x.start - m.end() <= 8) for x in self.mentions):
                continue  # "Acme's CFO": a person the workspace has, by title ("Kara Ito's boss, the CEO over there")
            if re.match(r"\s+(?:says|said|thinks|thought|told\s+(?:me|us)|mentioned|confirmed|reckons|agreed|signed\s+off)\b",
                        self.text[m.end():], re.I):
                continue  # ("Umbrella's CMO says two fifty k is realistic, update the amount": whom it came from, not whom to act on)
            if re.match(r",?\s+(?-i:[A-Z])[a-z'-]+\s+(?:(?:de|van|von|der|den|da|di|du|del|della|dos|das|la|le|ter|ten)\s+){0,2}"
                        r"(?-i:[A-Z])[a-z'-]+", self.text[m.end():]):
                continue  # "Add Priya's colleague Marco Visser, ...", "... colleague Joost de Vries": the person is named
            owner = next((x.text.strip() for x in self.mentions if x.kind == "contact" and x.start <= m.start(1) < x.end),
                         next((self.idx.companies[x.ids[0]].name for x in self.mentions
                               if x.kind == "company" and len(x.ids) == 1 and x.start <= m.start(1) < x.end), m.group(1)))
            role = m.group(2) if m.group(2).isupper() else m.group(2).lower()
            self.f.ask(f"Who is {owner}{'’' if owner.endswith('s') else '’s'} {role}? Name them, or add them as a contact first.".replace("’", "'"), [])
            self.f.person_blocked = True
            return
        for m in _THEIR_RELATION.finditer(self.text):
            # "Her boss wants a call Friday at 10": someone else than the person in view, whom nothing names
            if any(x.kind == "contact" and (x.start <= m.start(2) < x.end or 0 <= x.start - m.end() <= 3) for x in self.mentions) \
                    or re.match(r",?\s+(?-i:[A-Z])[a-z'-]+(?:\s+(?-i:[A-Z])[a-z'-]+)?", self.text[m.end():]) \
                    or ((th := re.match(r",?\s+(?:the|their|its)\s+", self.text[m.end():]))
                        and R.TITLE_RE.match(self.text, m.end() + th.end())):
                continue  # ("her colleague Marco Visser", "her colleague, the other Kara", "Kara's boss, the CEO": named)
            if re.match(r"\s+(?:says|said|told|tells|mentioned|called|emailed|wrote|confirmed|let\s+us\s+know|let\s+me\s+know)\b",
                        self.text[m.end():], re.I) and any(x.kind == "contact" and len(x.ids) == 1 and not x.partial
                                                          for x in self.mentions):
                continue  # "Flag James Whitfield as do not contact. His assistant says he's retiring": whom we heard it from
            whose = m.group(1).lower() if m.group(1).lower() in ("her", "his") else m.group(1)
            self.f.ask(f"Who is {whose} {m.group(2).lower()}? Name them, or add them as a contact first.", [])
            self.f.person_blocked = True
            return
        for m in _HONORIFIC.finditer(self.text):
            # "someone at Pinecrest, a Dr. Albright": a person the workspace lacks, by title and surname
            if m.group("n").lower() in self.idx.last_names or any(x.start <= m.start("n") < x.end for x in self.mentions):
                continue
            self.f.unknown.append(f"{m.group('h').rstrip('.')}. {m.group('n')}")
        commands = bool(_IMPERATIVE.search(self.text) or re.search(r"\b(?:log|call|email|book|meet|update|change|add|note|chat|"
                                                                  r"talk|talked|spoke|met|meeting|remind|task|draft)\b",
                                                                  self.text, re.I))
        for x in self.mentions if commands else ():
            if x.kind != "contact" or not x.partial or " " in x.text.strip():
                continue
            nxt = re.match(r"\s+([A-Z][a-z]{2,})\b", self.text[x.end:])
            if not nxt or nxt.group(1).lower() in STOPWORDS or nxt.group(1).lower() in _CALENDAR_WORDS \
                    or nxt.group(1).lower() in self.idx.company_keys or R.TITLE_RE.match(self.text, x.end + 1):
                continue
            lasts = {self.idx.contacts[c].last_name.lower() for c in x.ids}
            if nxt.group(1).lower() not in lasts and not any(
                    m.start <= x.end + nxt.start(1) < m.end for m in self.mentions if m is not x):
                # "Update Priya Sharma's email" when the workspace has Priya Natarajan only
                self.f.unknown.append(f"{x.text.strip()} {nxt.group(1)}")
        if self.f.unknown:
            name = self.f.unknown[0]
            alike = process.extract(name.split()[0].lower(), list(self.idx.first_names), scorer=fuzz.ratio,
                                    score_cutoff=75, limit=3)
            options = [self.idx.target("contact", cid) for first, _, _ in alike for cid in self.idx.first_names[first][:3]]
            self.f.ask(f"I don't know {name} in your workspace. Create a contact, or who do you mean?", options[:6])
            self.f.person_blocked = True

    # --------------------------------------------------------------- output
    def _add(self, pos: int, action: Action | dict[str, Any]) -> None:
        self.actions.append((pos, action))

    def _target(self, role: str, loc: _Local | None = None, kind: str = "") -> Target | None:
        """The record an action of ``kind`` in ``role`` acts on, or None (a question is then asked)."""
        target = self._target_of(role, loc, kind)
        if kind == "log_activity" and target is not None and target.type == "deal" and target.id.isdigit() \
                and not self.idx.deals[int(target.id)].is_open and not any(m.kind == "deal" for m in self.mentions) \
                and not self._deal_words(self.text) and self.ctx is None:
            # "Had a check-in call with Lumen Learning Labs" whose only deal is closed: which record?
            deal = self.idx.deals[int(target.id)]
            company = self.idx.target("company", deal.company_id) if deal.company_id in self.idx.companies else None
            where = f"on {company.name} or " if company else ""
            self.f.ask(f"{company.name if company else 'That company'} has no open deal. Log it {where}on "
                       f"{deal.name} ({deal.stage_label})?", [t for t in (company, target) if t is not None])
            return None
        if kind == "log_activity" and target is not None and target.type == "company" and target.id.isdigit() \
                and self.ctx is None and not self.idx.open_deals(int(target.id)):
            # "Log a call on Upland Partners, ..." with no deal there: on the company, or on a deal to add? (the
            # brief's rule: an activity with no person goes on the company's one open deal, else it is asked)
            self.f.ask(f"{target.name} has no open deal. Log it on the company?", [target])
            return None
        return target

    def _target_of(self, role: str, loc: _Local | None = None, kind: str = "") -> Target | None:
        f, idx = self.f, self.idx
        if role == "note" and self.ctx is not None and self.ctx.type == "contact" and _PRONOUN_NOTE.match(self.text):
            # on Felix's page: "Log a call: he's moving to a new role, so we should talk to Ben Zimmer
            # instead" - "he" is the person on screen; Ben is only mentioned
            return self.ctx
        if loc is not None and role == "deal" and loc.deal is not None and loc.named_thing and f.clarifications \
                and loc.company is not None and f.company is not None and loc.company != f.company:
            # "Log a call with Sarah from TechCorp, and push Northwind's close date ...": which Sarah is asked; the
            # clause that names Northwind acts on Northwind, never on the company of the question
            return idx.target("deal", loc.deal)
        if loc is not None and not [q for q in f.clarifications if "isn't a user of this workspace" not in q]:
            # (who should own a deal is asked on its own: "log a call with Rachel ..., and assign the deal to Taylor")
            if role in ("note", "outreach", "contact") and loc.contact is not None:
                return idx.target("contact", loc.contact)
            if role == "outreach" and loc.named_thing and loc.deal is not None and f.deal is not None and loc.deal != f.deal:
                # "Acme signed. Initech wants a demo on Friday": the clause's own company, not the instruction's first
                return idx.target("deal", loc.deal)
            if role == "deal" and loc.deal is not None:
                return idx.target("deal", loc.deal)
            if role == "note" and loc.named_thing:
                if loc.deal is not None:
                    return idx.target("deal", loc.deal)
                if loc.company is not None:
                    return idx.target("company", loc.company)
        explicit_co = any(m.kind in ("company", "deal") for m in self.mentions) or (
            # ("on this one, Tom signed the renewal, ..., create a task to send the welcome pack": a first name said
            # in passing leaves the deal in view the record)
            self.ctx is not None and self.ctx.type in ("deal", "company") and not any(
                m.kind == "contact" and (not m.partial or kind != "create_task") for m in self.mentions))
        contact = f.contact if not f.person_blocked else None
        if role == "deal":
            return idx.target("deal", f.deal) if f.deal is not None else None
        if role == "contact":
            return idx.target("contact", contact) if contact is not None else None
        if f.person_blocked:
            return None
        if role == "outreach" and contact is not None:
            return idx.target("contact", contact)
        if f.deal is not None and (explicit_co or contact is None) and not (f.person_blocked and not explicit_co):
            return idx.target("deal", f.deal)
        if contact is not None:
            return idx.target("contact", contact)
        if f.company is not None and not f.person_blocked:
            return idx.target("company", f.company)
        return None

    def _other_deals(self, first: Target) -> list[Target]:
        """"Move Acme and Globex to negotiation": the open deal of every other company named."""
        named = [m for m in self.mentions if m.kind == "company" and len(m.ids) == 1]
        if len({m.ids[0] for m in named}) < 2 or not re.search(r"\b(?:and|both|&)\b", self.text, re.I):
            return []
        # only the companies said in one list with the deal's own ("Acme and Globex", "Acme, Globex and Vertex"):
        # "Move Orbital to negotiation, log a meeting with Mike Chen at Acme" updates Orbital alone
        first_co = self.idx.deals[int(first.id)].company_id if first.type == "deal" and first.id.isdigit() else None
        groups: list[list[Mention]] = []
        for m in named:
            if groups and re.fullmatch(r"(?:\s*(?:'s|s')?\s*(?:deals?|accounts?|ones?)?\s*(?:,|and|&|plus|as well as|both)\s*(?:the\s+)?)+",
                                       self.text[groups[-1][-1].end:m.start], re.I):
                groups[-1].append(m)
            else:
                groups.append([m])
        for a_grp, b_grp in zip(groups, groups[1:]):
            if re.match(r"\s*(?:too|as well|also)\b", self.text[b_grp[-1].end:], re.I) \
                    and re.search(r"\band\s*(?:the\s+)?$", self.text[a_grp[-1].end:b_grp[0].start], re.I):
                a_grp.extend(b_grp)  # "Put Meadow Health in negotiation, and Meadow Ventures too"
                b_grp.clear()
        mine = next((g for g in groups if any(m.ids[0] == first_co for m in g)), [])
        companies = [m.ids[0] for m in mine]
        if len(set(companies)) < 2:
            return []
        out = []
        for co in dict.fromkeys(companies):
            open_ = self.idx.open_deals(co)
            if len(open_) == 1 and str(open_[0]) != first.id:
                out.append(self.idx.target("deal", open_[0]))
        return out

    def _finish(self) -> Plan:
        f = self.f
        self._sure_ids: set[int] = set()
        out: list[Action] = []
        for pos, a in sorted(self.actions, key=lambda pa: pa[0]):
            if isinstance(a, Action):
                out.append(a)
                continue
            target = self._target(a["role"], a.get("loc"), a["kind"])
            if a["kind"] in ("book_meeting", "create_task") and target is not None and target.type == "contact" \
                    and (who := self._who()) and who != target.name and who in str(a["fields"].get("title", "")) \
                    and who not in self.text[pos:pos + 160] and target.name:
                # "... the other guy at Acme. Book a call with him": the title names whom the meeting is with
                a["fields"]["title"] = str(a["fields"]["title"]).replace(who, target.name)
            if a["kind"] == "update_deal" and target is not None and not self.relative_amount \
                    and not getattr(self, "_grouped", False):
                more = self._other_deals(target)
                out.extend(Action(kind="update_deal", target=t, fields=dict(a["fields"])) for t in [target] + more)
                if more:
                    continue
                out.pop()
            if a["kind"] == "update_deal" and target is None and not f.clarifications:
                f.ask("Which deal do you mean?", [])
            if a["kind"] == "log_activity" and target is None and not f.clarifications:
                f.ask("Who was this with? Name the contact, company or deal.", [])
            if a["kind"] in ("create_task", "book_meeting", "draft_email") and target is None and not f.clarifications \
                    and PERSON_REF.search(self.text) and not any(
                        (b.kind if isinstance(b, Action) else b["kind"]) in ("create_contact", "create_company", "create_deal")
                        for _, b in self.actions):
                # "She said to call back after the holidays, make a task for that": who "she" is, is asked
                f.ask(_WHO_FOR, [])
            if a["kind"] == "draft_email" and target is None and not f.clarifications and not any(
                    (b.kind if isinstance(b, Action) else b["kind"]) in ("create_contact", "create_company", "create_deal")
                    for _, b in self.actions):
                # "Email four sure that the contract is ready": a draft goes to someone; whom was not heard
                unheard = _UNHEARD_RECIPIENT.search(self.text)
                f.ask("Who should I email?" + (f" I heard \"{unheard.group('r')}\"." if unheard else " Name the contact."), [])
            out.append(Action(kind=a["kind"], target=target, fields=a["fields"]))
            if a.get("sure"):
                self._sure_ids.add(id(out[-1]))
        for act in out:
            if act.kind == "create_contact":
                C.names_as_spelt(act.fields)  # "Elena Park, lena.park@...": the address spells the name
            if act.kind in ("update_contact", "create_contact") and (said := act.fields.get("phone")):
                number, heard = C.phone_heard(self.text, str(said))
                if number is None:
                    # "changed to 206-555-0-18": a digit lost in the recognition; asked, never written
                    del act.fields["phone"]
                    f.ask(f"I heard the phone number as \"{heard}\", which doesn't look complete. What is the number?", [])
                elif number != said:
                    act.fields["phone"] = _merge_single_digits(number)
        spans = {cl.start: (cl.start, cl.start + len(cl.text)) for cl in R.clauses(self.text)}
        for (pos, _), act in zip(sorted(self.actions, key=lambda pa: pa[0]), out):
            if not act.evidence:  # (approximate when one instruction fanned out to several deals)
                act.evidence = [spans.get(pos, (0, len(self.text)))]
        for act in out:
            for key in ("body", "title", "next_step", "lost_reason"):
                words = str(act.fields.get(key) or "")
                at = self.text.lower().find(words.lower()) if len(words) > 3 else -1
                if at >= 0:
                    act.evidence = sorted(set(act.evidence) | {(at, at + len(words))})
            named = [m for m in self.mentions if act.target is not None and act.target.id.isdigit()
                     and int(act.target.id) in m.ids]
            if named:
                act.evidence = sorted(set(act.evidence) | {(m.start, m.end) for m in named[:2]})
                act.confidence = round(min(m.score for m in named) / 100, 2)
        if f.clarifications:
            # never act on a guessed record while a question is open; a clause that named its own
            # record unambiguously keeps its action
            sure = self._sure_ids
            out = [a for a in out if a.read_only or a.target is None or a.target.id.startswith("new:")
                   or id(a) in sure]
        return Plan(transcript=self.text, actions=out, clarifications=f.clarifications,
                    candidates=f.candidates, message=self.message or (f.clarifications[0] if f.clarifications else None),
                    requires_confirmation=any(not a.read_only for a in out))

