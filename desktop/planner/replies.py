"""Replies: what the next utterance means while a Plan card, a question or the approvals queue is open.

A voice-first app must let the user finish what they started by voice. While something waits on
screen, the next utterance is first read here as a *reply*; only an utterance that is clearly a new
CRM instruction starts a new plan. The reply kinds (the same as ``/work/brief/REPLIES_SPEC.md``, the
blind set's format):

* ``confirm`` / ``cancel`` / ``undo``: "yes", "do it", "no", "scrap that", "undo that";
* ``confirm_needs_name``: an affirmative reply to a *destructive* plan that does not name the record
  being deleted ("yes", "sure, delete it"): the app must ask for the explicit confirmation, never
  delete; "delete Acme Corp, yes" names it and is a ``confirm``;
* ``choose``: an option of a question, by ordinal ("the second one"), name ("Sarah Chen") or company
  ("the TechCorp one");
* ``edit``: one field of the plan on screen ("make it 120k", "due Friday instead", "not a call, a
  meeting" -> ``activity_type = "meeting"``); values normalised as in the Plan schema (amounts in
  major units, dates ``YYYY-MM-DD``, times ``HH:MM``, stages as workspace labels);
* ``approve_all`` / ``reject_all`` / ``approve`` / ``reject`` (one item, by ordinal, company, person
  or agent) in the approvals queue;
* ``new_instruction``: a clearly new CRM instruction ("log a call with Dana at Initech");
* ``unclear``: none of these (the app asks again; it never starts a plan from it).

Pure functions over plain data: no workspace, no I/O; a reply is read in well under a millisecond.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

from rapidfuzz.distance import Levenshtein

from desktop.domain.plan import ACTION_FIELDS, Plan
from desktop.planner.parsing.dates import find_date, find_time
from desktop.planner.parsing.numbers import find_amounts, join_short_hundreds, words_to_digits

ReplyKind = Literal["confirm", "cancel", "undo", "choose", "edit", "approve_all", "approve", "reject",
                    "reject_all", "new_instruction", "confirm_needs_name", "unclear"]

#: The workspace's default stages (the fixture pipeline); a context may carry its own.
DEFAULT_STAGES = ("Lead", "Qualified", "Demo Scheduled", "Proposal Sent", "Negotiation", "Closed Won",
                  "Closed Lost")


@dataclass(frozen=True)
class ReplyContext:
    """What is on screen when the utterance comes.

    Attributes:
        kind: ``plan`` (a Plan card waits for confirmation), ``question`` (a clarification with
            ``options``), ``approvals`` (the queue with ``items``) or ``none`` (nothing waits).
        actions: the plan's actions as dicts ``{"kind", "target", "label", "fields"}`` (``target`` a
            ``"deal:5004"`` string or None, ``label`` the target's display name).
        destructive: the plan deletes something (a bare "yes" is not enough).
        question / options: the question and its options' display texts.
        items: the approvals queue as ``(id, label)`` pairs, in the order shown; ``selected``: the id
            of the item in view, if any ("reject that").
        stages: the workspace's stage labels. owners: workspace users (for "give it to Sam").
    """

    kind: Literal["plan", "question", "approvals", "none"] = "none"
    actions: tuple[dict[str, Any], ...] = ()
    destructive: bool = False
    question: str = ""
    options: tuple[str, ...] = ()
    items: tuple[tuple[str, str], ...] = ()
    selected: str | None = None
    stages: tuple[str, ...] = DEFAULT_STAGES
    owners: tuple[str, ...] = ()

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ReplyContext:
        """The ``context`` object of a REPLIES_SPEC line. Raises KeyError / ValueError on a bad shape."""
        kind = data["kind"]
        if kind == "plan":
            acts = tuple({"kind": a["kind"], "target": a.get("target"), "label": a.get("label") or "",
                          "fields": dict(a.get("fields") or {})} for a in data.get("actions", []))
            destructive = bool(data.get("destructive")) or any(a["kind"] == "delete_record" for a in acts)
            return cls(kind="plan", actions=acts, destructive=destructive)
        if kind == "question":
            return cls(kind="question", question=data.get("question", ""), options=tuple(data["options"]))
        if kind == "approvals":
            return cls(kind="approvals", items=tuple((str(i["id"]), i["label"]) for i in data["items"]),
                       selected=data.get("selected"))
        if kind == "none":
            return cls()
        raise ValueError(f"unknown context kind {kind!r}")


@dataclass(frozen=True)
class Reply:
    """How an utterance was read.

    Attributes:
        kind: see :data:`ReplyKind`. choice: 0-based option index (``choose``). approval: the item
        id (``approve``/``reject`` of one item). field / value: the edit (``edit``; one field).
        why: a short reason (shown in logs and tests).
    """

    kind: ReplyKind
    choice: int | None = None
    approval: str | None = None
    field: str | None = None
    value: Any = None
    why: str = ""

    def as_json(self) -> dict[str, Any]:
        """The REPLIES_SPEC ``expect`` shape."""
        out: dict[str, Any] = {"reply": self.kind}
        if self.kind == "choose":
            out["choice"] = self.choice
        if self.kind in ("approve", "reject"):
            out["approval"] = self.approval
        if self.kind == "edit":
            out["edit"] = {"field": self.field, "value": self.value}
        return out


# -- vocabulary --------------------------------------------------------------------------------
_NEG = r"(?:don'?t|do not|not|never|no need to|shouldn'?t|won'?t|didn'?t)"
_CONFIRM = re.compile(
    r"\b(?:yes|yeah|yea|yah|yep|yup|ya|sure|ok|okay|k|alright|all right|confirm(?:ed)?|do it|do that|"
    r"go ahead|go for it|go on|proceed|apply(?: it| that)?|sounds (?:good|great|right|fine|perfect)|"
    r"looks (?:good|great|right|fine|perfect|correct)|all good|perfect|correct|that's right|thats right|"
    r"that is right|right on|exactly|absolutely|definitely|certainly|of course|please do|make it so|ship it|"
    r"send it|save it|book it|log it|fine|great|lgtm|affirmative|approved?|let's do (?:it|that)|"
    r"lets do (?:it|that)|that works|works for me|good to go|carry on|execute|commit|submit|do so|"
    r"go|yes please|i'm sure|im sure|i am sure|sure thing|you bet|why not|for sure|agreed|"
    r"that's it|thats it|nailed it|spot on|good|i do|do the delete|delete it|delete that|remove it)\b", re.I)
_CANCEL = re.compile(
    r"\b(?:no|nope|nah|naw|cancel(?:led)?|never ?mind|scrap|scratch (?:it|that|this)|forget (?:it|that|about it)|stop|don'?t|"
    r"do not|hold (?:on|off|it)|abort|discard|drop (?:it|that|this)|not now|not yet|skip (?:it|that|this)|"
    r"leave it|wrong|no thanks|negative|wait|hang on|keep (?:it|him|her|them|the)|ditch|dismiss|"
    r"throw (?:it|that|this) (?:out|away)|kill (?:it|that|this)|bin (?:it|that|this)|nix|belay|"
    r"not (?:right|correct|what i (?:said|meant|wanted))|that's not|thats not|rather not|changed my mind|"
    r"back out|let's not|lets not|pass|not that|none of (?:those|them|these)|neither|incorrect|"
    r"i'm not sure|im not sure|not sure|start over)\b", re.I)
_UNDO = re.compile(
    r"\b(?:undo|un-do|take (?:it|that|this) back|revert|roll (?:it|that|this) back|rollback|"
    r"put (?:it|that) back|reverse (?:it|that|this)|change (?:it|that) back|undo the last|unapply|"
    r"back it out|roll back|set it back|restore it)\b", re.I)
#: "Undo that" as the speech model often writes it, said alone ("And do that.").
_UNDO_SLIP = re.compile(r"^\W*(?:and|an|on|un) do (?:that|it|this)\W*$", re.I)
_DELETE_VERB = re.compile(r"\b(?:delete|remove|erase|wipe|get rid of|destroy|purge|trash)\b", re.I)
_APPROVE = re.compile(
    r"\b(?:approve[ds]?|accept|yes|yeah|yep|sure|ok|okay|go ahead(?: with)?|green ?light|sign off on|"
    r"ship|send|apply|confirm|do|let's do|lets do|fine|good|looks good|go with|take|keep|allow|"
    r"pass|okay the|ok the|greenlight|run)\b", re.I)
_REJECT = re.compile(
    r"\b(?:reject(?:ed)?|decline|deny|no|nope|nah|skip|drop|dismiss|discard|scrap|kill|bin|ditch|"
    r"trash|remove|delete|refuse|pass on|don'?t|do not|not|veto|throw out|toss|cancel|nix|get rid of|"
    r"lose|forget)\b", re.I)
_ALL = re.compile(r"\b(?:all|everything|every one|everyone|each of them|each one|the lot|the whole (?:lot|queue|list)|"
                  r"both|them all|all of them|all of it|across the board|the rest|whole queue|whole list|"
                  r"every single one|every plan|every item|all the|all those|all these)\b", re.I)
_ORDINALS = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3, "4th": 3,
             "fifth": 4, "5th": 4, "sixth": 5, "6th": 5, "top": 0, "former": 0, "upper": 0}
_LAST = re.compile(r"\b(?:last|bottom|latter|final|lower)\b(?! (?:week|month|year|time|quarter|friday|monday|"
                   r"tuesday|wednesday|thursday|saturday|sunday|call|meeting))", re.I)
_NUMBERED = re.compile(r"\b(?:number|option|item|choice|no\.?|#)\s*(one|two|three|four|five|six|\d)\b", re.I)
_SMALL = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
#: Words a reply says about a record without naming it.
_FILLER = frozenset("""a an the one ones that this it its them they those these yes yeah yep no nope please
    approve approved reject rejected decline accept go ahead with do it to for of and or but on in at by
    i i'm im me my we our you your is was be are just actually ok okay sure fine good looks look great
    one's ones let's lets from about guy lady person company deal item plan option choice number
    thanks thank want wanted mean meant said say think guess want pick choose take go with use
    the other not don't dont skip drop mm hmm um uh well so then right now also yup yea
    send ship sign off green light keep fine pass kill scrap cancel ditch bin remove delete trash
    there here what which who whom whose one, meant, call email meeting note task
    """.split())
_GENERIC = frozenset({"corp", "corporation", "inc", "llc", "ltd", "co", "company", "deal", "the", "and", "of",
                      "group", "holdings", "a", "to", "for", "with", "on", "in", "at"})
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_ACTIVITY_TYPES = {"call": "call", "phone call": "call", "calls": "call", "meeting": "meeting",
                   "meetings": "meeting", "email": "email", "e-mail": "email", "emails": "email", "note": "note",
                   "notes": "note"}
_STAGE_WORDS = {"won": "Closed Won", "closed won": "Closed Won", "close won": "Closed Won", "win": "Closed Won",
                "lost": "Closed Lost", "closed lost": "Closed Lost", "close lost": "Closed Lost",
                "demo": "Demo Scheduled", "demo scheduled": "Demo Scheduled", "proposal": "Proposal Sent",
                "proposal sent": "Proposal Sent", "negotiation": "Negotiation", "negotiating": "Negotiation",
                "negotiations": "Negotiation", "qualified": "Qualified", "lead": "Lead"}
#: Starts of a new CRM instruction (after fillers such as "actually", "also", "oh and").
_INSTRUCTION = re.compile(
    r"^(?:log|add|create|make (?:a|an|me a|new)\b|move|update|set|schedule|book|remind me|email|e-mail|send|"
    r"draft|write|delete|remove|mark|assign|reassign|put|note that|jot|call|ring|follow up|close|new|open|"
    r"start|record|tag|link|associate|change|what|what's|whats|how|how's|how much|how many|show|list|who|"
    r"who's|when|when's|which|where|find|pull up|give me|tell me|i just|just (?:had|got|spoke|talked|met|"
    r"finished|called|emailed)|had a (?:call|meeting|chat)|met with|spoke (?:to|with)|talked to|got off|"
    r"finished|there's a new|we (?:have|got|lost|won|closed|signed)|is there|are there|did we|have we|"
    r"can you|could you|please (?:log|add|create|move|update|schedule|book|send|draft|delete|remove|mark)|"
    r"let's (?:log|add|create|move|schedule|book|send|draft)|lets (?:log|add|create|move|schedule|book)|"
    r"i need (?:to|a)|i want to|i'd like to|rename|import|sync|run|archive|unsubscribe)\b", re.I)
_LEAD_IN = re.compile(
    r"^(?:(?:ok(?:ay)?|so|and|also|oh|actually|now|then|next|right|alright|all right|hey|um+|uh+|hmm+|"
    r"well|separately|different thing|another thing|one more thing|while i'm at it|by the way|btw|"
    r"forget that|never ?mind(?: that)?|new (?:thing|instruction|task)|no|wait|instead|oh and|"
    r"different topic|unrelated|moving on|something else)\b[\s,.:;!-]*)+", re.I)
#: An instruction's object that points at the plan on screen: then it is an edit, not a new plan.
_PLAN_OBJECT = re.compile(
    r"^(?:it|that|this|them|those|these|the (?:amount|value|stage|date|close date|due date|time|title|"
    r"subject|body|owner|task|meeting|call|email|note|activity|deal|plan|first|second|last|one|reminder|"
    r"follow[- ]?up|price|number|figure|budget|size|closing date|contact|record))\b", re.I)


#: Words that say the reply changes something ("instead", "make it", "due", "no, ...").
_EDIT_CUE = re.compile(
    r"\b(?:instead|change[ds]?|make (?:it|that|the)|move|push|pull|bump|raise|lower|reduce|increase|set|should be|"
    r"actually|rather|not|no|due|by|to|it was|it's|its|switch|swap|put|mark|call it|title|subject|amount|value|"
    r"price|budget|stage|date|time|at|but|correction|sorry|i mean|meant|make|only)\b", re.I)


@dataclass
class _Text:
    raw: str
    low: str
    words: list[str] = field(default_factory=list)
    compact: str = ""


def _prep(text: str) -> _Text:
    low = text.strip().lower().replace("’", "'").replace("–", "-").replace("—", "-")
    words = re.findall(r"[a-z0-9][a-z0-9']*", low)
    return _Text(text.strip(), low, words, "".join(re.findall(r"[a-z0-9]", low)))


def _heard_verb(t: _Text) -> _Text:
    """The approvals verb as a recogniser may write it: "Approase them all" / "Aprove" -> "approve",
    "Rejekt" -> "reject" (the first word, 5+ letters, within two edits of the verb and nearer to it
    than to the other one). Unchanged when the first word is already a verb or is no near one."""
    first = t.words[0]
    if len(first) < 5 or first.startswith(("approv", "reject")):
        return t
    dist = {v: Levenshtein.distance(first, v) for v in ("approve", "reject")}
    verb = min(dist, key=lambda v: dist[v])
    if dist[verb] > 2 or sorted(dist.values())[0] == sorted(dist.values())[1]:
        return t
    return _prep(re.sub(rf"^\W*{re.escape(first)}", verb, t.low, count=1))


def _label_tokens(label: str) -> list[str]:
    return [t for t in re.findall(r"[a-z0-9][a-z0-9']*", label.lower().replace("'s", "")) if t not in _GENERIC]


def _cues(regex: re.Pattern[str], low: str) -> list[int]:
    """Start positions of ``regex`` matches in ``low`` that are not negated ("don't do it")."""
    out = []
    for m in regex.finditer(low):
        before = low[max(0, m.start() - 16):m.start()]
        if re.search(rf"\b{_NEG}\s+(?:\w+\s+)?$", before) and regex is _CONFIRM:
            continue
        out.append(m.start())
    return out


def _polarity(low: str) -> Literal["confirm", "cancel"] | None:
    """``confirm`` / ``cancel`` from the last confirmation or cancellation cue said, or None."""
    yes = _cues(_CONFIRM, low)
    no = _cues(_CANCEL, low)
    # "no problem, go ahead" / "no worries": not a cancellation
    no = [p for p in no if not re.match(r"no (?:problem|worries|doubt|issue)|not a problem|don'?t worry|"
                                        r"do not worry|don'?t see why not|don'?t mind|not bad", low[p:])]
    # "not sure" is hesitation (cancel), never "sure"
    yes = [p for p in yes if not re.search(r"\bnot\s+$", low[max(0, p - 5):p])]
    # a cancel word that only negates the confirm word after it ("don't do it") counts once, as cancel
    if not yes and not no:
        return None
    last_yes = max(yes) if yes else -1
    last_no = max(no) if no else -1
    return "confirm" if last_yes > last_no else "cancel"


def _ordinal(t: _Text, n: int) -> int | None:
    """The 0-based index an ordinal in ``t`` names among ``n`` options, or None."""
    if n <= 0:
        return None
    if _LAST.search(t.low):
        return n - 1
    m = _NUMBERED.search(t.low)
    if m:
        v = m.group(1)
        k = int(v) if v.isdigit() else _SMALL[v]
        return k - 1 if 1 <= k <= n else None
    for w in t.words:
        if w in _ORDINALS and _ORDINALS[w] < n:
            return _ORDINALS[w]
    if n == 3 and re.search(r"\b(?:middle|center|centre)\b", t.low):
        return 1
    return None


def _match_labels(t: _Text, labels: list[str]) -> int | None:
    """The one label the utterance names (by a token that label alone has), or None (none or a tie)."""
    toks = [set(_label_tokens(lab)) for lab in labels]
    # tokens of options; a token in every option tells nothing
    common = set.intersection(*toks) if toks else set()
    said = {w.replace("'s", "") for w in t.words if w not in _FILLER}
    scores = []
    for ts in toks:
        s = 0.0
        for tok in ts - common:
            if len(tok) < 2:
                continue
            if tok in said:
                s += 1.0
            elif len(tok) >= 4 and tok in t.compact:  # "tech corp" for "TechCorp"
                s += 0.9
            elif len(tok) >= 5 and any(_close(tok, w) for w in said if len(w) >= 4):
                s += 0.6  # a recogniser slip ("Beckerr", "Grannite")
        scores.append(s)
    if not scores or max(scores) <= 0:
        return None
    best = max(scores)
    if scores.count(best) > 1:
        return None
    return scores.index(best)


def _close(a: str, b: str) -> bool:
    return Levenshtein.distance(a, b) <= (1 if len(a) < 7 else 2)


def _names_record(t: _Text, label: str) -> bool:
    """True when the utterance names the record ``label`` (a distinctive word of it)."""
    toks = [tok for tok in _label_tokens(label) if len(tok) >= 3]
    said = set(t.words)
    return any(tok in said or (len(tok) >= 5 and tok in t.compact) for tok in toks)


def _foreign_name(t: _Text, known: list[str], ctx: ReplyContext) -> bool:
    """True when the utterance names someone or something the context does not show (a capitalised
    word that is not a label's word, a stage, a weekday, a month or the sentence's first word)."""
    known_toks = set()
    for lab in known:
        known_toks.update(re.findall(r"[a-z0-9]+", lab.lower()))
    for st in ctx.stages:
        known_toks.update(st.lower().split())
    for _k, v in ctx.actions and [(k, v) for a in ctx.actions for k, v in a["fields"].items()] or []:
        if isinstance(v, str):
            known_toks.update(re.findall(r"[a-z0-9]+", v.lower()))
    for m in re.finditer(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-zA-Z]+)", t.raw):
        w = m.group(1).lower()
        if m.start() == 0 or w in known_toks or w in _WEEKDAYS or w in _MONTHS or w in {
                "i", "i'm", "ok", "okay", "yes", "no", "q1", "q2", "q3", "q4", "ceo", "cto", "vp", "cfo", "coo"}:
            continue
        prev = t.raw[:m.start()].rstrip()
        if prev.endswith((".", "!", "?", ":")) or prev == "":
            continue
        return True
    return False


def _instruction_start(t: _Text) -> tuple[re.Match[str] | None, str]:
    rest = _LEAD_IN.sub("", t.low).strip()
    return _INSTRUCTION.match(rest), rest


def _is_new_instruction(t: _Text, ctx: ReplyContext, known: list[str]) -> bool:
    """A clearly new instruction: starts like one, and is about something the screen does not show
    (a new name, a question) or creates a new record rather than pointing at the one on screen."""
    m, rest = _instruction_start(t)
    if m is None:
        return False
    obj = rest[m.end():].strip(" ,")
    if re.match(r"(?:it|that|this|them)\b", obj) or (_PLAN_OBJECT.match(obj) and not _foreign_name(t, known, ctx)):
        return False  # "assign it to Morgan", "call it Pricing review": about the plan on screen
    verb = m.group(0)
    if re.match(r"(?:what|what's|whats|how|who|who's|when|when's|which|where|show|list|find|pull up|give me|"
                r"tell me|is there|are there|did we|have we)\b", verb):
        return not re.match(r"(?:what|how) about\b", rest)  # "what about the TechCorp one?" is a choice
    if _foreign_name(t, known, ctx):
        return True
    # no new name: a creating verb with its own object ("create a task to ...", "log a call ...")
    return bool(re.match(r"(?:log|add|create|make (?:a|an|me a|new)|schedule|book|draft|write|remind me|"
                         r"new|put|record|i just|just (?:had|got|spoke|talked|met|finished|called|emailed)|"
                         r"had a|met with|spoke|talked to|there's a new)\b", verb)) \
        and bool(re.match(r"(?:a|an|new|another|the|in|with|to|me|that|my)\b", obj)) and not _PLAN_OBJECT.match(obj)


# -- edits -------------------------------------------------------------------------------------
def _plan_fields(ctx: ReplyContext) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for a in ctx.actions:
        for k, v in a["fields"].items():
            out.setdefault(k, v)
    return out


def _kinds(ctx: ReplyContext) -> set[str]:
    return {a["kind"] for a in ctx.actions}


def _edit_activity(t: _Text, ctx: ReplyContext) -> tuple[str, Any] | None:
    if "log_activity" not in _kinds(ctx):
        return None
    types = list(re.finditer(r"\b(phone call|call|meeting|e-?mail|note)s?\b", t.low))
    if not types:
        return None
    current = _plan_fields(ctx).get("activity_type")
    said = []
    for m in types:
        before = t.low[max(0, m.start() - 24):m.start()]
        negated = bool(re.search(r"\b(?:not|n't|instead of|rather than|no)\s+(?:a |an |the |really )?$", before)) \
            or bool(re.search(r"\bnot\s+(?:a|an)\s+$", before))
        said.append((_ACTIVITY_TYPES[m.group(1).replace("e-mail", "email")], negated))
    wanted = [v for v, neg in said if not neg]
    if not wanted:
        return None
    value = wanted[-1] if any(neg for _, neg in said) else wanted[0]
    cue = re.search(r"\b(?:not|instead|make it|change it|log it as|it was|was a|was an|should be|as an?|"
                    r"actually|rather|switch|it's a|its a|change (?:that|the type)|type)\b", t.low)
    if value == current or (not cue and len(t.words) > 3):
        return None
    return "activity_type", value


def _edit_stage(t: _Text, ctx: ReplyContext) -> tuple[str, Any] | None:
    if not _kinds(ctx) & {"update_deal", "create_deal"}:
        return None
    names = {s.lower(): s for s in ctx.stages}
    names.update({k: v for k, v in _STAGE_WORDS.items() if v in ctx.stages})
    best = None
    taken: list[tuple[int, int]] = []  # "closed won" said: its "won" is not another mention
    for key in sorted(names, key=len, reverse=True):
        for m in re.finditer(rf"\b{re.escape(key)}\b(?!')", t.low):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append(m.span())
            if re.search(r"\b(?:not|instead of|rather than)\s+(?:to\s+)?(?:the\s+)?$", t.low[:m.start()]):
                continue
            if best is None or m.start() > best[0]:
                best = (m.start(), names[key])
    if best is None:
        return None
    if best[1] == _plan_fields(ctx).get("stage"):
        return None
    return "stage", best[1]


def _edit_amount(t: _Text, ctx: ReplyContext) -> tuple[str, Any] | None:
    kinds = _kinds(ctx)
    if not kinds & {"update_deal", "create_deal"}:
        return None
    norm = join_short_hundreds(words_to_digits(t.raw))
    found = [a for a in find_amounts(norm) if not a.percent]
    if not found:
        return None
    cur = _plan_fields(ctx).get("amount")
    a = found[-1] if re.search(r"\b(?:no|not|actually|instead|rather|i mean|sorry)\b", t.low) else found[0]
    value = a.value
    if a.bare and not a.money and (value < 10 or not _EDIT_CUE.search(t.low)):
        return None  # "yes, all three": a count, not an amount
    if a.mode in ("add", "sub") and isinstance(cur, (int, float)):
        value = cur + value if a.mode == "add" else cur - value
    elif a.bare and value < 1000 and isinstance(cur, (int, float)) and cur >= 10000:
        value = value * 1000  # "make it one twenty" with $100,000 on screen
    elif a.bare and not a.money and (value < 10 or not _EDIT_CUE.search(t.low)):
        return None
    value = int(value) if float(value).is_integer() else value
    if value == cur:
        return None
    return "amount", value


def _edit_date(t: _Text, ctx: ReplyContext, today: date) -> tuple[str, Any] | None:
    kinds = _kinds(ctx)
    fields = _plan_fields(ctx)
    found = None
    pos = 0
    while pos < len(t.raw):  # the last date said that is not negated ("not Monday, make it tomorrow")
        got = find_date(t.raw[pos:], today)
        if not got or got[2] <= 0:
            break
        start, end = pos + got[1], pos + got[2]
        if not re.search(r"\b(?:not|instead of|rather than)\s+(?:on\s+|the\s+)?$", t.low[:start]):
            found = (got[0], start, end)
        pos = end
    if not found:
        m = re.search(r"\bthe (\d{1,2})(?:st|nd|rd|th)\b", t.low)
        if not m:
            return None
        day, (y, mo) = int(m.group(1)), (today.year, today.month)
        if day < today.day:
            y, mo = (y + 1, 1) if mo == 12 else (y, mo + 1)
        try:
            found = (date(y, mo, day), m.start(), m.end())
        except ValueError:
            return None
    d = found[0].isoformat()
    if re.search(r"\bclos(?:e|ing|es)\b", t.low) and kinds & {"update_deal", "create_deal"}:
        name = "close_date"
    elif kinds & {"create_task", "book_meeting"} or "due_date" in fields:
        name = "due_date"
    elif kinds & {"update_deal", "create_deal"}:
        name = "close_date"
    else:
        return None
    if fields.get(name) == d:
        return None
    return name, d


def _edit_time(t: _Text, ctx: ReplyContext) -> tuple[str, Any] | None:
    if "book_meeting" not in _kinds(ctx):
        return None
    found = find_time(t.raw)
    if not found:
        m = re.search(r"\b(\d{1,2}):(\d{2})\b", t.low) or re.search(
            r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(fifteen|thirty|forty[- ]five)\b", t.low)
        if not m:
            return None
        words = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "thirty": 30, "forty five": 45, "forty-five": 45}
        h = int(m.group(1)) if m.group(1).isdigit() else words[m.group(1)]
        mi = int(m.group(2)) if m.group(2).isdigit() else words[m.group(2)]
        if h > 23 or mi > 59:
            return None
        if 1 <= h < 8:
            h += 12  # "make it 2:30": business hours
        found = (f"{h:02d}:{mi:02d}", m.start(), m.end())
    if found[0] == _plan_fields(ctx).get("time"):
        return None
    return "time", found[0]


_TEXT_FIELDS = (
    (re.compile(r"\b(?:subject(?: line)?)\s+(?:to|should be|is|as|:)\s+(?P<v>.+)$", re.I), "subject"),
    (re.compile(r"\b(?:call it|title it|name it|rename it(?: to)?|title (?:to|should be|is)|"
                r"change the title to|make the title)\s+(?P<v>.+)$", re.I), "title"),
    (re.compile(r"\b(?:competitor(?: is| to| should be)?|they're (?:also )?looking at|up against)\s+(?P<v>[A-Z][\w&.-]*"
                r"(?: [A-Z][\w&.-]*)*)", re.I), "competitor"),
    (re.compile(r"\b(?:next step(?: is| to| should be)?)\s+(?P<v>.+)$", re.I), "next_step"),
    (re.compile(r"\b(?:job title|her title|his title|their title|role)\s+(?:is|to|should be)\s+(?P<v>.+)$", re.I),
     "job_title"),
)


def _edit_text(t: _Text, ctx: ReplyContext) -> tuple[str, Any] | None:
    kinds = _kinds(ctx)
    for rx, name in _TEXT_FIELDS:
        m = rx.search(t.raw)
        if not m:
            continue
        value = m.group("v").strip().strip(".!\"'“”").strip()
        if name == "title" and not kinds & {"create_task", "book_meeting"}:
            if kinds & {"update_contact", "create_contact"}:
                name = "job_title"
            elif "draft_email" in kinds:
                name = "subject"
            else:
                continue
        if name == "subject" and "draft_email" not in kinds:
            continue
        if name in ("competitor", "next_step") and not kinds & {"update_deal"}:
            continue
        if value:
            return name, value
    return None


def _edit_email(t: _Text, ctx: ReplyContext) -> tuple[str, Any] | None:
    if not _kinds(ctx) & {"update_contact", "create_contact"}:
        return None
    m = re.search(r"\b(?:e-?mail(?: address)?|address)\s+(?:is|to|should be|as)\s+(?P<v>.+)$", t.low)
    if not m:
        return None
    v = re.sub(r"\s+at\s+", "@", m.group("v").strip(" .!"))
    v = re.sub(r"\s+dot\s+", ".", v).replace(" ", "")
    return ("email", v) if re.fullmatch(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", v) else None


def _edit_owner(t: _Text, ctx: ReplyContext) -> tuple[str, Any] | None:
    if not _kinds(ctx) & {"update_deal", "update_contact"}:
        return None
    m = re.search(r"\b(?:give it to|assign it to|owner (?:is|to|should be)|hand it (?:over )?to|"
                  r"reassign it to|owned by|make (?P<who2>[A-Z]\w+) the owner)\s*(?P<who>[A-Z]\w+(?: [A-Z]\w+)?)?",
                  t.raw, re.I)
    if not m:
        return None
    who = (m.group("who") or m.group("who2") or "").strip()
    if not who:
        return None
    for full in ctx.owners:
        if full.lower().startswith(who.lower()):
            return "owner", full
    return "owner", who


def read_edit(text: str, ctx: ReplyContext, today: date) -> tuple[str, Any] | None:
    """The one field (name, normalised value) ``text`` changes in the plan on screen, or None."""
    t = _prep(text)
    for reader in (_edit_email, _edit_text, _edit_owner, _edit_activity, _edit_time):
        got = reader(t, ctx)
        if got:
            return got
    # a date and an amount both said: the one with its own cue word wins, else the date ("Friday 3")
    date_edit = _edit_date(t, ctx, today)
    amount = _edit_amount(t, ctx)
    if amount and date_edit:
        if re.search(r"\b(?:k|grand|thousand|million|dollars?|bucks|\$|amount|value|price)\b", t.low) \
                or "$" in t.raw:
            return amount
        return date_edit
    return amount or date_edit or _edit_stage(t, ctx)


# -- the reader --------------------------------------------------------------------------------
def read_reply(text: str, ctx: ReplyContext, *, today: date | datetime | None = None) -> Reply:
    """Read ``text`` (one utterance) as a reply to ``ctx`` (what is on screen).

    ``today``: the reference day for relative dates ("Friday", "tomorrow"; default: today).
    Returns a :class:`Reply`; never raises on any text (an empty or unreadable one is ``unclear``).
    """
    if isinstance(today, datetime):
        today = today.date()
    today = today or date.today()
    t = _prep(text)
    if not t.words:
        return Reply("unclear", why="nothing said")
    if (_UNDO.search(t.low) and not re.search(rf"\b{_NEG}\s+undo\b", t.low)) or _UNDO_SLIP.match(t.low):
        return Reply("undo", why="undo")
    if ctx.kind == "approvals":
        return _read_approvals(_heard_verb(t), ctx)
    if ctx.kind == "question":
        return _read_question(t, ctx)
    if ctx.kind == "plan":
        return _read_plan(t, ctx, today)
    if _instruction_start(t)[0] is not None:
        return Reply("new_instruction", why="nothing waits on screen")
    return Reply("unclear", why="nothing waits on screen")


def _read_plan(t: _Text, ctx: ReplyContext, today: date) -> Reply:
    labels = [a["label"] for a in ctx.actions if a.get("label")]
    pol = _polarity(t.low)
    if ctx.destructive:
        doomed = [a["label"] for a in ctx.actions if a["kind"] == "delete_record" and a.get("label")]
        named = any(_names_record(t, lab) for lab in doomed)
        if pol == "cancel" or re.search(rf"\b{_NEG}\s+(?:\w+\s+)?(?:delete|remove)\b|\bkeep\b", t.low):
            return Reply("cancel", why="declined a deletion")
        if _DELETE_VERB.search(t.low) and not named and pol == "confirm":
            # "Yes, delete Coronova" (Corvana misheard): a confirmation whose name did not come
            # through - asked again, never read as a new deletion of something else
            return Reply("confirm_needs_name", why="a deletion needs the record named")
        if _DELETE_VERB.search(t.low) and not named and _foreign_name(t, labels, ctx):
            return Reply("new_instruction", why="deletes another record")
        if named and (pol == "confirm" or _DELETE_VERB.search(t.low)):
            return Reply("confirm", why="named the record to delete")
        if pol == "confirm" or (_DELETE_VERB.search(t.low) and len(t.words) <= 6):
            return Reply("confirm_needs_name", why="a deletion needs the record named")
        if _is_new_instruction(t, ctx, labels):
            return Reply("new_instruction", why="a new instruction")
        return Reply("unclear", why="no reply to a deletion")
    if _is_new_instruction(t, ctx, labels):
        return Reply("new_instruction", why="a new instruction")
    if re.search(r"\b(?:delete|remove|erase|trash|bin|kill|drop)\s+(?:it|that|this|the plan|all (?:of )?that)\b", t.low):
        return Reply("cancel", why="drop the plan on screen")
    edit = read_edit(t.raw, ctx, today)
    if edit and pol == "confirm" and edit[0] in ("due_date", "close_date", "time") and not _EDIT_CUE.search(t.low):
        edit = None  # "sure, do it today": when to do it, not a change of the plan
    if edit and not re.fullmatch(r"(?:\W*(?:no|nope|nah|cancel|never ?mind|scrap (?:it|that)|forget (?:it|that))\W*)+",
                                 t.low):
        if not (pol == "cancel" and re.search(r"\b(?:cancel|scrap|forget|never ?mind|don'?t)\b", t.low)
                and not re.search(r"\b(?:instead|make it|should be|change|actually|rather|not a|it was)\b", t.low)):
            return Reply("edit", field=edit[0], value=edit[1], why="changes one field")
    if pol is not None:
        return Reply(pol, why="confirmation cue" if pol == "confirm" else "cancellation cue")
    return Reply("unclear", why="no reply cue")


def _read_question(t: _Text, ctx: ReplyContext) -> Reply:
    n = len(ctx.options)
    by_name = _match_labels(t, list(ctx.options))
    pol = _polarity(t.low)
    if by_name is None and _is_new_instruction(t, ctx, list(ctx.options)):
        return Reply("new_instruction", why="a new instruction")
    if by_name is not None:
        if pol == "cancel" and re.search(r"\b(?:not|neither|none)\b", t.low) and not re.search(
                r"\b(?:not\s+\w+\s*,\s*|not the \w+ one\W+)", t.low):
            # "not Sarah Chen, Sarah Kim" names the other one; "neither" declines
            pass
        return Reply("choose", choice=by_name, why="named an option")
    k = _ordinal(t, n)
    if k is not None:
        return Reply("choose", choice=k, why="ordinal")
    if n == 2 and re.search(r"\b(?:the )?other (?:one|guy|lady|person|sarah)?\b", t.low) is None and False:
        pass
    if pol == "cancel":
        return Reply("cancel", why="declined the question")
    return Reply("unclear", why="no option named")


def _read_approvals(t: _Text, ctx: ReplyContext) -> Reply:
    ids = [i for i, _ in ctx.items]
    labels = [lab for _, lab in ctx.items]
    yes = [m.start() for m in _APPROVE.finditer(t.low)
           if not re.search(rf"\b{_NEG}\s+$", t.low[max(0, m.start() - 8):m.start()])]
    no = [m.start() for m in _REJECT.finditer(t.low)
          if not re.match(r"no (?:problem|worries)|don'?t worry|not bad", t.low[m.start():])]
    # "not X" is a rejection only as "not the X one"/"don't approve"; "approve" after "don't" is rejection
    if re.search(rf"\b{_NEG}\s+(?:\w+\s+)?(?:approve|accept|send|apply|do)\b", t.low):
        yes = []
    if re.search(r"\bnone of (?:them|those|these|it)\b|\bneither\b", t.low):
        return Reply("reject_all", why="none of them")
    if not yes and not no:
        if _is_new_instruction(t, ctx, labels):
            return Reply("new_instruction", why="a new instruction")
        which = _match_labels(t, labels)
        return Reply("unclear", approval=ids[which] if which is not None else None, why="no approve/reject word")
    polarity: Literal["approve", "reject"] = "approve" if (yes and (not no or max(yes) > max(no) and not re.search(
        r"\b(?:reject|decline|deny|skip|drop|dismiss|discard|scrap|kill|veto)\b", t.low))) else "reject"
    if yes and no and re.search(r"\b(?:reject|decline|deny|skip|drop|dismiss|discard|scrap|kill|veto|toss|bin|ditch)\b",
                                t.low) and not re.search(r"\b(?:approve|accept)\b", t.low):
        polarity = "reject"
    if _ALL.search(t.low) and not re.search(r"\b(?:all|everything) (?:but|except)\b|\bexcept\b|\bbut not\b",
                                             t.low):
        if re.search(r"\bnone\b", t.low):
            return Reply("reject_all", why="none of them")
        return Reply("approve_all" if polarity == "approve" else "reject_all", why="all of them")
    if re.search(r"\bnone of (?:them|those|these|it)\b", t.low):
        return Reply("reject_all", why="none of them")
    which = _match_labels(t, labels)
    if which is None:
        which = _ordinal(t, len(ids))
    if which is None and re.search(r"\b(?:that|this|it|that one|this one)\b", t.low):
        if ctx.selected in ids:
            which = ids.index(ctx.selected)
        elif len(ids) == 1:
            which = 0
    if which is None and len(ids) == 1:
        which = 0
    if which is None:
        if _is_new_instruction(t, ctx, labels):
            return Reply("new_instruction", why="a new instruction")
        return Reply("unclear", why="which item?")
    return Reply(polarity, approval=ids[which], why="one item")


# -- bridges to the Plan schema ------------------------------------------------------------------
def context_for_plan(plan: Any, stages: tuple[str, ...] | list[str] = DEFAULT_STAGES,
                     owners: tuple[str, ...] | list[str] = ()) -> ReplyContext:
    """The :class:`ReplyContext` of a :class:`~desktop.domain.plan.Plan` on screen: a ``question``
    when it has an open clarification with candidates (options = candidate names), else a ``plan``."""
    if plan.clarifications:
        cands = plan.candidates[0] if plan.candidates else []
        return ReplyContext(kind="question", question=plan.clarifications[0],
                            options=tuple(c.name for c in cands), stages=tuple(stages), owners=tuple(owners))
    acts = tuple({"kind": a.kind, "target": f"{a.target.type}:{a.target.id}" if a.target else None,
                  "label": a.target.name if a.target else "", "fields": dict(a.fields)} for a in plan.actions)
    return ReplyContext(kind="plan", actions=acts, destructive=bool(plan.destructive), stages=tuple(stages),
                        owners=tuple(owners))


def answered_instruction(plan: Any, question: int, name: str) -> str:
    """The plan's instruction with clarification ``question`` answered by the record called ``name``:
    the ambiguous name ("Sarah" of "Which Sarah: ...?") is replaced by ``name`` ("Sarah Johnson"),
    else ``name`` is added in brackets. Plan it again with the record as context."""
    text = plan.transcript
    q = plan.clarifications[question] if question < len(plan.clarifications) else ""
    m = re.match(r"\s*Which\s+(.+?)\s*[:?]", q)
    if m and re.search(rf"\b{re.escape(m.group(1))}\b", text, re.I):
        return re.sub(rf"\b{re.escape(m.group(1))}\b(?:\s+{re.escape(name.split()[-1])}\b)?",
                      name, text, count=1, flags=re.I)
    return f"{text} ({name})"


def apply_edit(plan: Any, field_name: str, value: Any) -> Any:
    """A copy of ``plan`` with ``field_name`` set to ``value`` on the actions that carry it (else on
    the first action whose kind takes it); the transcript notes the edit. Raises ValueError when no
    action of the plan takes that field."""
    data = plan.model_dump()
    acts = data["actions"]
    hit = [i for i, a in enumerate(acts) if field_name in a["fields"]]
    if not hit:
        hit = [i for i, a in enumerate(acts) if field_name in ACTION_FIELDS[a["kind"]]][:1]
    if not hit:
        raise ValueError(f"no action of this plan has a {field_name.replace('_', ' ')}")
    for i in hit:
        acts[i]["fields"][field_name] = value
    return Plan.model_validate(data)
