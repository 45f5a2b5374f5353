"""BANT+ extraction from call notes and voice notes (offline, rule-based), and the qualification
verdict and routing that follow from it.

:func:`extract` returns, each with the sentence it came from (``evidence``):

* ``budget`` - the customer's budget in dollars (a number; "about 80k a year" -> 80000), never the
  seller's own ("our budget for ads") and never a count ("200 seats");
* ``authority`` - who decides or signs ("the CFO", "Mike Chen, VP of Operations");
* ``need`` - the problem they want solved, in the note's words;
* ``timeline`` - when they want to buy / go live / decide, a ``YYYY-MM-DD`` date; a period is its
  last day ("Q1" -> the next March 31st, "end of next month" -> that month's last day);
* ``competitor`` - another vendor they are evaluating (not one they ruled out);
* ``next_step`` - the agreed next action (the seller's "I'll send the deck" counts; a date said
  with it is not the buying timeline).

A field not stated is None (an extraction never invents one). Definitions follow the BANT
framework (IBM's Budget, Authority, Need, Timeline) plus competition and next step, as in
``/work/brief/CALLNOTES_SPEC.md``. :func:`qualify` turns the fields into a verdict (qualified /
nurture / disqualified) and a route (hot -> a task today, warm -> a sequence, cold -> nurture).
Numbers and dates use the planner's parsers (:mod:`desktop.planner.parsing`), read-only.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from desktop.planner.parsing.dates import find_date
from desktop.planner.parsing.numbers import words_to_digits

# -- sentences and clauses ------------------------------------------------------------------------
_SENT = re.compile(r"(?<=[.!?;\n])\s+|\s+-{1,2}\s+|\s+—\s+")
_CLAUSE = re.compile(r",?\s+\b(?:but|although|though|whereas|while|however)\b\s+|,\s+(?:and\s+|so\s+)?(?=(?:they|he|she|"
                     r"i|we|i'll|we'll|they'll|the|their|our|next|it|budget|timeline|also)\b)", re.I)

_SELLER = re.compile(r"^(?:\w+\s+){0,2}?(?:i|we|i'm|we're|i'll|we'll|i've|we've|i'd|we'd|my|our|me|us)\b", re.I)

# -- budget --------------------------------------------------------------------------------------
_BUDGET_CUE = re.compile(
    r"\b(budget\w*|set aside|allocated|earmarked|approved (?:for|up to)|afford|spend(?:ing)?|ceiling|cap(?:ped)? at|"
    r"up to|max(?:imum)?|ballpark|range|price point|willing to (?:pay|spend|go)|can (?:go|stretch)|"
    r"(?:have|has|got) (?:about |around |roughly |maybe |like )?\$?\d[\w,.]*|money|funds?|funding|pay|"
    r"looking at (?:maybe |about |around |roughly |something like |like )?\$?\d[\w,.]*|thinking (?:maybe |about |around )?\$?\d[\w,.]*|"
    r"can (?:only )?(?:do|find|manage|stretch|justify)|find|ring-?fenced|in the (?:ballpark|region) of|"
    r"(?:a|per|for the|each) (?:year|month|yr|annum)|annually|pilot|trial)\b", re.I)
_BUDGET_NOT = re.compile(r"\b(?:our|my) (?:own )?(?:budget|ads?|spend|marketing|quota|price|pricing|discount|list price)\b"
                         r"|\bwe (?:quoted|offered|charge|priced)\b|\bi (?:quoted|offered)\b|\bdiscount\b", re.I)
_NO_BUDGET = re.compile(r"\b(?:no|zero|not (?:a|any)|don't have (?:a|any)|doesn't have (?:a|any)|without (?:a|any))\s+budget\b"
                        r"|\bbudget (?:is|was)n't\b|\bbudget (?:is |was )?(?:not|tbd|unknown|unclear)\b", re.I)
_MONEY = re.compile(r"(\$\s*)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*"
                    r"(k\b|grand\b|thousand\b|mil(?:lion)?\b|mm\b|m\b|bn\b|billion\b|hundred\b)?"
                    r"(\s*(?:dollars|bucks|usd)\b)?", re.I)
_COUNT_AFTER = re.compile(r"^\s*(?:(?:active|new|more|total|paid|extra|additional)\s+)?(?:users?|seats?|employees?|people|"
                          r"licen[cs]es?|units?|trucks?|vehicles?|drivers?|reps?|agents?|locations?|stores?|sites?|"
                          r"records?|contacts?|calls?|tickets?|orders?|shipments?|members?|customers?|accounts?|"
                          r"patients?|students?|beds?|pallets?|skus?|devices?|machines?|staff|headcount)\b", re.I)
_SCALE = {"k": 1e3, "grand": 1e3, "thousand": 1e3, "mil": 1e6, "million": 1e6, "mm": 1e6, "m": 1e6,
          "bn": 1e9, "billion": 1e9, "hundred": 1e2}

# -- authority -----------------------------------------------------------------------------------
_AUTH_CUE = re.compile(
    r"\b(decision[- ]?maker|decides|deciding|decide|decision (?:is|sits|rests|lies|will be made|gets made)|made by|final (?:say|call|decision|sign[- ]?off|word)|"
    r"signs?(?: off)?|signing|sign[- ]?off|signature|approv(?:e|es|ed|ing)\b|approval (?:from|of|by)|(?:needs?|requires?|needing|requiring) (?:\w+ ){0,2}approval|economic buyer|budget holder|holds? the (?:budget|purse)|"
    r"calls the shots|makes? the call|owns? the (?:decision|budget)|(?:'s|s') call|run it by|runs? it (?:past|by)|"
    r"buy[- ]in from|has to go (?:through|to)|controls? (?:the |that |their )?(?:budget|spend|money)|"
    r"makes? the (?:final )?decision|(?:her|his|their) call|for (?:a|the|her|his|their) (?:yes|go-ahead|ok|okay|nod)|goes (?:up )?to|green[- ]?light|blessing|veto|authority)\b", re.I)
_ROLE = re.compile(
    r"\b((?:their |the |her |his )?(?:ceo|cfo|cto|coo|cio|cmo|cro|ciso|cpo|gm|evp|svp|vp|vice president|president|"
    r"founders?|co-?founders?|owners?|board|procurement(?: team)?|(?:finance|investment|steering|buying|purchasing|executive) committee|purchasing|legal(?: team)?|finance(?: team)?|"
    r"managing director|general manager|director|head|chief \w+ officer|partners?|boss|manager|committee|"
    r"it (?:director|manager|team))(?:\s+of\s+(?:the\s+)?[A-Za-z&]+(?:\s+(?:and\s+)?[A-Z][a-z]+)?)?)\b", re.I)
_NAME = re.compile(r"\b([A-Z][a-z]+(?:[- ][A-Z][a-z]+){0,2})\b")
_NOT_NAMES = set("""I I'm I'll I've I'd We They He She It The This That These Those Their Our My His Her Its And But So
Also Just Then Next Main Budget Timeline Need Authority Competitor Competition Call Called Talked Spoke Met Had Got
Good Great Quick Note Notes Overall Apparently Basically Honestly Anyway Plus Oh Ok Okay Yes No Not Maybe Probably
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September
October November December Q1 Q2 Q3 Q4 CEO CFO CTO COO CIO CMO CRO VP Mr Mrs Ms Dr Sounds Looks Seems Said Says
Today Tomorrow Yesterday Right Well Actually Also There Here What When Where Who Why How Both Either Neither Still
Final Whoever Anything Everything Nothing Someone Somebody Everyone Head Director President Board Procurement Legal
Finance Sign Signs Decision Decides Approval Approves Pricing Demo Contract Proposal Deal Looking Let Let's Send
Follow Circle Reach Loop Schedule Book Set Share Get Email Once After Before Until Since If Unless Because""".split())

# -- need ----------------------------------------------------------------------------------------
_NEED_CUE = re.compile(
    r"\b(?:(?:main |biggest |big |real |core |key |top |their |the )*(?:pain(?: point)?s?|problems?|issues?|headaches?|challenges?|"
    r"bottlenecks?|struggles?|priority|priorities|goal|focus|concern)\s*(?:is|are|was|were|:|being|right now is)?"
    r"|(?:struggl\w+|frustrated|fed up|sick of|tired of|drowning in|wrestling)\s+(?:with|by|of|in)?"
    r"|(?:needs?|needed|want|wants|wanted|hoping|looking|trying|aiming|desperate|keen)\s+(?:to|for|a|an|some|better|more|real|"
    r"fewer|less|faster|easier|one|a single|visibility|automat\w*)|(?:needs?|needed)(?=\s+\w)|need\s*:\s*"
    r"|care (?:most )?about|interested in|(?:worried|concerned|nervous) about|so (?:they|she|he) can|to (?:replace|fix|solve|get rid of|cut|reduce|stop|automate)"
    r"|losing|wasting|spend(?:ing)? (?:hours|days|too much time))\b", re.I)
_NEED_VERB_KEEP = re.compile(r"^(?:to\s+)?(?:replace|fix|solve|get rid of|cut|reduce|stop|automate|losing|wasting)\b", re.I)
_NEED_NOT = re.compile(r"^(?:it|this|that|them)?\s*(?:by|before|until|in|within)\b|^(?:it|this|that|them|something)\b.*"
                       r"\b(?:by|before|until|within|live|done|ready)\b", re.I)
_NEED_NOT_VERB = re.compile(r"^(?:to\s+)?(?:be\b|get (?:everything|it|this|that|things|the \w+) (?:signed|done|live|over)|"
                            r"run (?:a|the) (?:pilot|trial|test)|pilot|trial|try|test|make (?:a|the) (?:decision|call)|"
                            r"(?:\w+ )?(?:legal )?review|(?:\w+ )?approval|(?:\w+ )?sign[- ]?off|.*\bfrom (?:me|us)\b|"
                            r".*\bto (?:approve|sign(?: off)?|decide|agree|okay|ok)\b|"
                            r"sign|approv|talk|check|"
                       r"run it|loop|get (?:sign|approv|buy)|get (?:the |their |his |her )?\w+(?:'s)? (?:blessing|approval|"
                       r"sign[- ]?off|ok|okay|go[- ]ahead|buy[- ]in)|think|see (?:a|the) (?:demo|proposal|pricing|quote)|"
                       r"hear back|decide|go live|launch|roll|be live|have it|get it|move|wait|start|begin|kick|onboard|approval|"
                       r"(?:more )?time|a decision|an answer|a quote|a proposal|pricing|references?|the (?:deck|contract)|"
                       r"switch|migrate|sign|buy|purchase|renew)", re.I)
_NEED_NEG = re.compile(r"\b(?:don't|doesn't|didn't|do not|does not|no)\s+(?:really\s+)?(?:need|want|care)|\bno need\b|"
                       r"\bnot (?:a|really a) (?:problem|priority|issue)\b", re.I)

# -- timeline ------------------------------------------------------------------------------------
_TIME_WORDS = re.compile(r"\b(?:by|before|until|within|in the next|next (?:week|month|quarter|year)|q[1-4]|end of)\b", re.I)
_TIME_CUE = re.compile(
    r"\b(by|before|until|no later than|go(?:ing)?[- ]live|live|launch\w*|roll(?:ing)?[- ]?out|deploy\w*|implement\w*|"
    r"in place|up and running|decid\w+|decision|sign\w*|contract|purchas\w+|buy\w*|start\w*|kick[- ]?off|switch\w*|"
    r"move|migrat\w+|timeline|timeframe|deadline|target\w*|aim\w*|plan\w*|want\w*|need\w*|hoping|expect\w*|"
    r"renew\w*|budget (?:cycle|year)|fiscal|q[1-4]|end of|next (?:week|month|quarter|year)|this (?:month|quarter|year)|"
    r"ready|done|wrap\w*|close|closing|within)\b", re.I)
_NEXT_STEP_CLAUSE = re.compile(
    r"\b(?:kick[- ]?off (?:call|meeting)|(?:is|was) (?:scheduled|booked|set)|visit)\b|"
    r"\b(?:i'll|i will|i'm going to|i need to|i have to|i've got to|i should|i'm gonna|we'll|we will|we're going to|"
    r"we need to|let's|follow[- ]?up|plan is to|trial|pilot|i owe|i promised|promised to|call (?:them|him|her) back|circle back|next step|demo|meeting|call on|call next|"
    r"send|sending|get back to|reach out|ping|check in|touch base)\b", re.I)
_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS.pop("may", None)
_MONTHS["may"] = 5
_MON = r"(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)"

# -- competitor ----------------------------------------------------------------------------------
_VENDOR = r"((?:[A-Z][\w&'.-]*|[a-z]+\.(?:com|io|ai))(?:\s+(?:[A-Z][\w&.-]*|dot com|\d+))*)"
_COMP_BEFORE = re.compile(
    r"\b(?i:evaluating|considering|comparing (?:us )?(?:with|to|against)|comparing|compared (?:us )?(?:with|to)|"
    r"(?:also |still )?(?:looking at|talking to|talking with|speaking with|in talks with|shopping|trialing|trialling|"
    r"piloting|testing|demoing|demoed|kicking the tires on)|"
    r"(?:got|have|has|getting|received) (?:a |an )?(?:cheaper |lower |better |competing |rival )?(?:quote|proposal|bid|"
    r"pricing|offer)s? (?:from|by)|(?:a |an )?(?:cheaper |lower |better |competing |rival )(?:quote|proposal|bid|offer)s? "
    r"from|up against|invited|weighing (?:us )?(?:against|with|up against)|comparison (?:with|to|against)|"
    r"went with|going with|go with|picked|chose|signed with|lost (?:it |the deal )?to|"
    r"competing (?:with|against)|vs\.?|versus|leaning (?:towards?|to)|"
    r"bake[- ]?off (?:with|against)|shortlist(?:ed)? (?:with|alongside)?|alongside|"
    r"(?:a |the )?(?:competitor|competition|alternative|other vendor|other option)(?:s)?(?: is| are|:|,)?(?: probably| mainly| mostly)?)"
    r"\s+" + _VENDOR)
_COMP_AFTER = re.compile(_VENDOR + r"\s+(?i:is|are|was)\s+(?:also\s+|still\s+)?(?:in the (?:mix|running|picture|frame)|"
                         r"on (?:the|their) (?:list|shortlist)|an option|the other option|the competitor|pitching|"
                         r"cheaper|undercutting|quoted)|" + _VENDOR + r"\s+(?i:came in|quoted them|offered them)")
_COMP_NEG = re.compile(r"\b(?:not|n't|no longer|never|anymore|any more|ruled out|dropped|stopped|off the table|"
                       r"out of the (?:picture|running)|instead of|rather than|away from|moving off|leaving|left|"
                       r"replac\w+|ditch\w*|churn\w*|fired|hate|unhappy with|frustrated with|currently (?:on|use|using))\b", re.I)
_NOT_VENDOR = set("""Us We They Them It The This That Their Our A An Some Other Another Options Prices Pricing Quotes
Vendors Tools Solutions Alternatives I You He She Him Her Monday Tuesday Wednesday Thursday Friday January February
March April June July August September October November December Q1 Q2 Q3 Q4 Next Last""".split())

# -- next step -----------------------------------------------------------------------------------
_NEXT_CUE = re.compile(
    r"\b(?:next steps?\s*(?:is|are|will be|:|-|would be|=)?\s*(?:to\s+|that\s+|for\s+)?|"
    r"(?:the )?plan is (?:to|that)\s+|agreed (?:to|that|on)\s+|"
    r"(?:i'll|i will|i'm going to|i'm gonna|i need to|i have to|i've got to|i should|i promised to|i owe (?:them|her|him)|"
    r"we'll|we will|we're going to|we need to|we agreed to|we're gonna|let's|"
    r"(?:they|she|he|(?-i:[A-Z][a-z]+))(?:'ll| will| is going to| are going to| promised to| agreed to| said (?:they|she|he)'d))\s+"
    r"(?:also\s+|then\s+|probably\s+|just\s+)?"
    r"(?=(?:send|set up|schedule|book (?:a|the|an|another) (?:demo|call|meeting|session|workshop|follow)|share|follow|put|"
    r"get|draft|write|loop|call|email|circle|reach|check|prepare|run|do|demo|"
    r"intro|introduce|ping|review|confirm|come back|revert|sort|pull|arrange|organi[sz]e|forward|connect|talk|meet|"
    r"walk|present|look|dig|chase|grab|hop|jump|touch|finali[sz]e|redline|submit|deliver|provide|"
    r"coordinate|line up|pencil|nail|go over)\b)"
    r"|(?:scheduled|booked|set up|lined up|pencilled in|penciled in) (?=(?:a|the|an|our)\s+\w+)|"
    r"\bi (?:owe|promised) (?:them|her|him|(?-i:[A-Z][a-z]+)) |"
    r"\b(?:i'm|i am|we're|we are) (?:also )?(?=sending|sharing|drafting|preparing|setting up|scheduling|booking|calling|emailing)|"
    r"\bagreed (?:i'd|we'd|i would|we would|that i'd) |\bnext up is |"
    r"\b(?:said|told me|asked me) to (?=check back|ping|call|follow up|reach out|circle back|email|send|touch base)|"
    r"\basked (?:me )?for (?=(?:a|an|the|some)\s)|\bwants? (?=(?:a|an|the)\s[\w\s-]{3,40}\bfrom me\b)|"
    r"\b(?=(?:the |a |our )?(?:demo|call|meeting|kick-?off(?: call)?|workshop|visit|review|session) (?:is|was) "
    r"(?:booked|scheduled|set up|set|planned)\b)|"
    r"follow[- ]?up (?=(?:call|meeting|demo|email|on|with|next|by|is))|"
    r"^(?:please\s+)?(?=(?:kick-?off (?:call|meeting) is|send|sending|schedule|scheduling|book|set up|share|follow up|put together|draft|email|call (?:them|him|her|back)|"
    r"loop in|circle back|reach out|check in|ping|remind me|get them|get him|get her)\b))", re.I)
_NEXT_NEG = re.compile(r"\b(?:no next step|nothing (?:agreed|scheduled|planned|set)|no follow[- ]?up|didn't agree|"
                       r"no (?:meeting|call|demo) (?:booked|scheduled|set))\b", re.I)


@dataclass(frozen=True)
class Bant:
    """Extracted qualification fields (None = not stated). ``evidence`` maps a field to the
    sentence it came from; ``sentiment`` is positive | negative | neutral (None for no text)."""

    budget: float | None = None
    authority: str | None = None
    need: str | None = None
    timeline: str | None = None
    competitor: str | None = None
    next_step: str | None = None
    sentiment: str | None = None
    evidence: dict[str, str] | None = field(default=None)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready dict (``competition`` kept as an alias of ``competitor`` for older readers)."""
        d = asdict(self)
        d["competition"] = self.competitor
        return d

    @property
    def competition(self) -> str | None:
        """Alias of :attr:`competitor`."""
        return self.competitor

    @property
    def filled(self) -> int:
        """How many of budget/authority/need/timeline are known (0-4)."""
        return sum(x is not None for x in (self.budget, self.authority, self.need, self.timeline))


# -- helpers -------------------------------------------------------------------------------------
def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENT.split(text) if s and s.strip()]


def _clauses(sentence: str) -> list[str]:
    return [c.strip(" ,") for c in _CLAUSE.split(sentence) if c and c.strip(" ,")]


def _amounts(text: str) -> list[float]:
    """Dollar amounts said in ``text`` (spoken numbers included), not counts, years or percentages."""
    text = re.sub(r"\ba quarter(?: of a)? (?:million|mil)\b", "250000 dollars", text, flags=re.I)
    text = re.sub(r"\bthree quarters of a (?:million|mil)\b", "750000 dollars", text, flags=re.I)
    text = re.sub(r"\bhalf a (?:million|mil)\b", "500000 dollars", text, flags=re.I)
    t = words_to_digits(text)
    t = re.sub(r"\b(\d+)\s+(\d{2})\s*(k|grand|thousand)\b", r"\1\2 \3", t)  # "two fifty k"
    t = re.sub(r"\b(\d+)\s*(?:hundred|100)\s*(k|grand|thousand)\b", lambda m: f"{int(m.group(1)) * 100} {m.group(2)}", t,
               flags=re.I)
    out: list[float] = []
    for m in _MONEY.finditer(t):
        dollar, num, scale, word = m.group(1), m.group(2), (m.group(3) or "").lower(), m.group(4)
        try:
            v = float(num.replace(",", ""))
        except ValueError:
            continue
        after = t[m.end():]
        if re.match(r"\s*(?:%|percent\b|per cent\b|x\b|times\b)", after, re.I):
            continue
        if scale:
            v *= _SCALE[scale]
        elif not (dollar or word):
            # "30 to 40k": a bare number joined to a scaled one takes its scale
            joined = re.match(r"\s*(?:to|-|or)\s*\$?\s*\d+(?:\.\d+)?\s*(k|grand|thousand|mil(?:lion)?|m)\b", after, re.I)
            if joined:
                v *= _SCALE[joined.group(1).lower()]
            elif v < 1000 or (len(num) == 4 and num[:2] in ("19", "20")):
                continue  # a small bare number or a year is no budget
        if _COUNT_AFTER.match(after) and not (dollar or word):
            continue
        out.append(v)
    return out


def _seller_subject(clause: str, cue_start: int) -> bool:
    """True when the words before the cue make the seller the subject ("I need", "we want")."""
    head = clause[:cue_start].strip().lower()
    words = re.findall(r"[a-z']+", head)
    return bool(words) and words[-1] in ("i", "we", "i'd", "we'd", "i'm", "we're", "me", "us", "my", "our") or \
        bool(re.search(r"\b(?:i|we)\s+(?:really\s+|just\s+|also\s+)?$", head))


def _clean(phrase: str) -> str:
    phrase = re.sub(r"\s+", " ", phrase).strip(" ,.;:-")
    phrase = re.sub(r"^(?:to|that|is|are|was|a|for)\s+", "", phrase, flags=re.I)
    return phrase[:200]


# -- fields --------------------------------------------------------------------------------------
def _budget(sentences: list[str]) -> tuple[float | None, str | None]:
    for s in sentences:
        for c in (_clauses(s) or [s]) + [s]:  # each clause, then the whole sentence
            if not (_BUDGET_CUE.search(c) or _BUDGET_CUE.search(words_to_digits(c))) or _BUDGET_NOT.search(c):
                continue
            if _NO_BUDGET.search(c) and not re.search(r"\d|hundred|thousand|grand|million", c, re.I):
                continue
            if re.search(r"\b(?:she|he|they) (?:didn't|did not|never) (?:say|confirm)|\bmy guess\b|\bi'm guessing\b", s, re.I):
                continue  # the seller's guess, not what the customer said
            if _AUTH_CUE.search(c):  # "the GM approves any spend over 20 grand": a threshold, no budget
                c = re.sub(r"\b(?:over|above|more than|greater than|exceeding|north of)\s+\$?\s*[\w.,-]+"
                           r"(?:\s*(?:k|grand|thousand|million|dollars|bucks))?", " ", c, flags=re.I)
            amounts = _amounts(c)
            if amounts:
                return float(max(amounts)), s
    return None, None


def _entities(text: str, near: int | None = None) -> list[str]:
    """People and roles named in ``text`` in order (``near``: keep only the one closest to that
    character offset and those right beside it)."""
    found: list[tuple[int, str]] = []
    for m in _ROLE.finditer(text):
        role = re.sub(r"^(?:their|the|her|his)\s+", "", m.group(1), flags=re.I)
        found.append((m.start(), role if not role.isupper() and len(role) > 4 else role.upper() if len(role) <= 4 else role))
    for m in _NAME.finditer(text):
        parts = [p for p in re.split(r"[- ]", m.group(1)) if p]
        if any(p in _NOT_NAMES for p in parts):
            parts = [p for p in parts if p not in _NOT_NAMES]
            if not parts:
                continue
        if m.start() == 0 and not re.match(r"^[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}(?:'s)?\s+[a-z]", text):
            continue
        found.append((m.start(), " ".join(parts)))
    found.sort()
    if near is not None and found:
        # the decider is the entity nearest the cue, with the ones right beside it ("the COO Rick")
        pos, _e = min(found, key=lambda f: abs(f[0] - near))
        found = [f for f in found if abs(f[0] - pos) <= 28]
    out: list[str] = []
    for _, e in found:
        if e.lower() not in (x.lower() for x in out):
            out.append(e)
    return out


_SAID_BY = re.compile(r"\b((?-i:[A-Z][a-z]+)(?: (?-i:[A-Z][a-z]+))?)(?:'s)?\s+(?:at|from|says|said|told|mentioned|thinks|"
                      r"wants|asked|is|called)\b", re.I)


def _contact_name(sentences: list[str], idx: int) -> str | None:
    """The person a "he"/"she" in sentence ``idx`` most likely means: the nearest earlier (or the
    same) sentence's person named with "X at Company" / "X says" / "X is", else the note's first."""
    for j in range(idx, -1, -1):
        for m in _SAID_BY.finditer(sentences[j]):
            parts = [p for p in m.group(1).split() if p not in _NOT_NAMES]
            if parts and not _ROLE.fullmatch(m.group(1)):
                return " ".join(parts)
    return None


def _authority(sentences: list[str]) -> tuple[str | None, str | None]:
    for idx, s in enumerate(sentences):
        if re.search(r"\b(?:not sure|don't know|no idea|unclear|unknown|tbd|didn't ask|need to find out)\b[^.]*\b(?:who|decision|sign)",
                     s, re.I):
            continue
        for c in _clauses(s) or [s]:
            m = _AUTH_CUE.search(c)
            if not m:
                continue
            if re.search(r"\b(?:my|our)\s+(?:manager|boss|vp|director|team|legal|finance)\b", c, re.I) and \
                    not re.search(r"\btheir\b", c, re.I):
                continue
            if m.group(1).lower().startswith("sign") and re.search(r"\b(?:i|we)\s+(?:\w+\s+)?sign", c, re.I):
                continue
            if m.group(1).lower().startswith("decid") and (re.search(r"\b(?:to|they|we|i)\s+(?:\w+\s+)?$", c[:m.start()], re.I)
                                                          or re.match(r"\s+(?:by|before|in|on|within|after|until|next|this)\b",
                                                                      c[m.end():], re.I)) \
                    and not re.search(r"\bwho\s+$", c[:m.start()], re.I):
                pron = re.search(r"\b(?:he|she)\b", c[:m.start()], re.I)
                if not pron and not _ROLE.search(c[:m.start()]):
                    continue  # "they want to decide in two weeks": a timeline, not who decides
            subj = re.findall(r"\b(they|they're|we|we're|i|i'm|he|she|he's|she's)\b", c[:m.start()], re.I)
            if re.match(r"^(?:make|decid)", m.group(1), re.I) and subj and subj[-1].lower() in (
                    "they", "they're", "we", "we're", "i", "i'm"):
                continue  # "they will make the decision on the 11th": when, not who
            if re.match(r"^approv", m.group(1), re.I) and re.search(r"\b(?:is|was|been|got|are|were|be|already)\s+(?:\w+\s+)?"
                                                                r"approv|approved (?:for|budget|spend)", c, re.I):
                continue  # "one point two mil is approved": the budget, not who approves
            ents = _entities(c, m.start())
            if not ents:
                if re.match(r"^(?:approv|sign|decid)", m.group(1), re.I) and not re.search(
                        r"\b(?:he|she|his|her|him)\b", c, re.I):
                    continue
                ents = _entities(s)
            pron = re.search(r"\b(?:he|she|he's|she's|his|her|him)\b", c, re.I)
            if pron and (not ents or all(_ROLE.fullmatch(e) for e in ents)):
                who = _contact_name(sentences, idx)  # "She's the one who decides": whom "she" means
                if who:
                    ents = [who] + [e for e in ents if e.lower() != who.lower()]
                elif not ents and idx > 0:
                    ents = _entities(sentences[idx - 1])  # "Owner is Jim. He'll decide ..."
            if ents:
                return ", ".join(ents[:3]), s
    return None, None


_PAIN = re.compile(
    r"\b(?:(?:is|are) killing (?:them|us|him|her)|eat(?:s|ing)? up|wast(?:e|es|ed|ing)|overwhelmed|jammed|swamped|"
    r"drowning|breaks|broke|broken|(?:has|have) doubled|(?:has|have) tripled|on paper|by hand|manual(?:ly)?|"
    r"lose (?:track|them|leads|deals|customers|clients)|lost track|losing|takes (?:them )?(?:\w+ ){0,2}(?:weeks?|days?|hours?)|"
    r"spend(?:s|ing)? (?:way too long|too long|too much time|half|hours|days)|can't (?:keep up|hire)|nobody (?:answers|responds|"
    r"follows up)|missing (?:calls|leads|deadlines)|(?:is|are) (?:\w+ )?(?:days|weeks)\b|backlog|falls? through the cracks|"
    r"double[- ]entry|too (?:slow|long)|still (?:on|in) (?:paper|spreadsheets|excel)|everything lives in)\b", re.I)


def _pain(sentences: list[str]) -> tuple[str | None, str | None]:
    """A sentence that states the customer's problem without a need word ("Level one tickets eat up
    eighty percent of her helpdesk's time"): the clause itself is the need."""
    for s in sentences:
        for c in _clauses(s) or [s]:
            m = _PAIN.search(c)
            if not m or _seller_subject(c, 0) or re.match(r"^(?:\w+\s+)?(?:i|we|our|my)\b", c, re.I):
                continue
            if _BUDGET_CUE.search(c) and _amounts(c):
                continue
            return _clean(c), s
    return None, None


def _need(sentences: list[str]) -> tuple[str | None, str | None]:
    found = _need_cued(sentences)
    return found if found[0] is not None else _pain(sentences)


def _need_cued(sentences: list[str]) -> tuple[str | None, str | None]:
    for s in sentences:
        for c in _clauses(s) or [s]:
            if _NEED_NEG.search(c):
                continue
            for m in _NEED_CUE.finditer(c):
                if _seller_subject(c, m.start()):
                    continue
                rest = c[m.end():]
                cue = m.group(0)
                if _NEED_VERB_KEEP.match(cue.split()[-1] if cue.split() else "") or re.match(
                        r"^(?:to (?:replace|fix|solve|get rid of|cut|reduce|stop|automate)|losing|wasting|spend)", cue, re.I):
                    rest = cue + rest
                elif re.search(r"\b(?:a|an|some|better|more|real|fewer|less|faster|easier|one|single|visibility|automat\w*)$",
                               cue, re.I):
                    rest = cue.split()[-1] + rest
                phrase = _clean(rest)
                if len(phrase) < 4 or _NEED_NOT.match(phrase):
                    continue
                if re.match(r"^(?:\w+\s+){0,3}?(?:signed|rolled out|live|done|in place|up and running|finished|complete[d]?|deployed|"
                             r"launched|implemented|decided|sorted)\b", phrase, re.I) and \
                        (_TIME_WORDS.search(phrase) or period_end(phrase, date(2000, 1, 1))):
                    continue  # "get everything signed by the end of the year": a timeline, not a need
                if re.search(r"\b(?:needs?|needed|want\w*|hoping|looking|trying|aiming|desperate|keen)\b", cue, re.I) \
                        and _NEED_NOT_VERB.match(phrase):
                    continue
                if re.match(r"^(?:it|this|that)\b", phrase, re.I) and len(phrase.split()) < 4:
                    continue
                return phrase, s
    return None, None


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _quarter_end(year: int, q: int) -> date:
    return _last_day(year, q * 3)


def _add_months(d: date, n: int) -> date:
    y, m = d.year + (d.month - 1 + n) // 12, (d.month - 1 + n) % 12 + 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def period_end(text: str, today: date) -> date | None:
    """The last day of a period said in ``text`` ("Q1", "end of next month", "next quarter",
    "first week of January", "by March", "early next year"), or None. Later than ``today``."""
    t = words_to_digits(text).lower()
    t = re.sub(r"\bq\s*([1-4])\b", r"q\1", t)
    m = re.search(r"\b(?:in|within|over) (?:the next |the coming |about |around )?(\d+) (day|week|month)s?\b", t)
    if m:
        n, unit = int(m.group(1)), m.group(2)
        return _add_months(today, n) if unit == "month" else today + timedelta(days=n * (7 if unit == "week" else 1))
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
    m = None if day_of else re.search(r"\b(?:by|in|is|for|around|before|until|of|targeting|target|aiming for|sometime in)\s+(?:early\s+|late\s+)?" + _MON
                  + r"\b(?!\s*\d)(?!\s+(?:first|second|third|\w+teenth|\w+tieth|\w+th)\b)", t)
    if m:
        key = m.group(1)
        mo = _MONTHS[key[:3] if key[:3] in _MONTHS else key]
        return _last_day(today.year + (1 if mo < today.month else 0), mo)
    m = re.search(r"\b(?:by|before) (?:christmas|the holidays)\b", t)
    if m:
        return date(today.year if today <= date(today.year, 12, 24) else today.year + 1, 12, 24)
    if re.search(r"\b(?:by |before )?(?:new year|the new year|year[- ]end|end of (?:the )?year)\b", t):
        return date(today.year, 12, 31)
    return None


def _timeline(sentences: list[str], now: datetime | date) -> tuple[str | None, str | None]:
    today = now.date() if isinstance(now, datetime) else now
    for s in sentences:
        for c in _clauses(s) or [s]:
            if not _TIME_CUE.search(c):
                continue
            if re.match(r"^(?:\w+\s+)?(?:i|we|i'll|we'll|i'm|we're|i've|we've|i'd|we'd)\b", c, re.I) \
                    or re.search(r"\b(?:from me|from us|our own|our (?:ad|marketing))\b", c, re.I) \
                    or re.search(r"\b(?:no|zero) (?:budget|money|funds?)\b|\bno money\b", c, re.I):
                continue  # the seller's own step, or when money might come: no buying timeline
            nxt = _NEXT_STEP_CLAUSE.search(c)
            buying = re.search(r"\b(go(?:ing)?[- ]live|live|launch|roll|deploy|implement|in place|up and running|"
                               r"decid|decision|sign(?:ed|ing)? (?:the )?(?:contract|deal|paperwork)|contract|purchas|buy|"
                               r"switch|migrat|timeline|timeframe|timing|deadline|renew|budget cycle|fiscal|"
                               r"start (?:using|with|the rollout|onboarding)|onboard|push\w*|slip\w*|delay\w*)", c, re.I)
            if nxt and not buying:
                continue
            ref = now if isinstance(now, datetime) else datetime.combine(now, datetime.min.time())
            found = find_date(c, ref)
            exact = found is not None and re.search(
                r"\d|" + _MON + r"\s+\w|(?:first|second|third|\w+th|\w+st|\w+nd) of", c[found[1]:found[2]], re.I)
            d = found[0] if found is not None and exact else period_end(c, today)
            if d is None:
                d = found[0] if found else None
            if d is None or d < today:
                continue
            if not buying and not re.search(r"\b(by|before|until|no later than|within|need|want\w*|hoping|aim|target|"
                                            r"expect|plan|end of|q[1-4]|ready|done|wrap|like to|'d like|sometime|"
                                            r"start\w*)\b", c, re.I):
                continue
            return d.isoformat(), s
    return None, None


def _vendor(name: str) -> str | None:
    name = re.sub(r"\s+dot com$", ".com", name.strip(" .,'"))
    name = re.sub(r"'s$", "", name)
    words = name.split()
    while words and words[-1] in _NOT_VENDOR | {"And", "Or", "But", "So", "Too", "As"}:
        words.pop()
    if not words or words[0] in _NOT_VENDOR:
        return None
    return " ".join(words[:3])


def _competitor(sentences: list[str]) -> tuple[str | None, str | None]:
    for s in sentences:
        for c in _clauses(s) or [s]:
            for rx in (_COMP_BEFORE, _COMP_AFTER):
                for m in rx.finditer(c):
                    raw = next((g for g in m.groups() if g), None)
                    if raw is None:
                        continue
                    v = _vendor(raw)
                    if v is None:
                        continue
                    if _COMP_NEG.search(c[:m.end()]) and not re.search(r"\b(?:instead of|rather than)\b", c[:m.start()], re.I):
                        if not re.search(r"\b(?:also|still)\b", c[:m.start()], re.I) or re.search(
                                r"\b(?:not|n't|no longer|anymore)\b", c, re.I):
                            continue
                    return v, s
    return None, None


def _next_step(sentences: list[str]) -> tuple[str | None, str | None]:
    for s in sentences:
        if _NEXT_NEG.search(s):
            continue
        for c in _clauses(s) or [s]:
            m = _NEXT_CUE.search(c)
            if not m:
                continue
            phrase = _clean(c[m.end():] if not re.match(r"^(?:scheduled|booked|set up|lined up|penc|follow)", m.group(0), re.I)
                            else c[m.start():])
            if len(phrase) < 4:
                continue
            return phrase, s
    return None, None


_NEG = re.compile(r"\b(no budget|not interested|too expensive|on hold|paused|freeze|went dark|ghost\w*|"
                  r"no response|unresponsive|concern\w*|worried|risk|went with|chose|pushback|lukewarm|cold feet)\b", re.I)
_POS = re.compile(r"\b(great|excited|love[ds]?|happy|positive|keen|impressed|ready to|green light|strong|eager)\b", re.I)


def extract(text: str, now: datetime | date) -> Bant:
    """Extract BANT+ from ``text`` (a note, transcript or several joined), relative to ``now``
    (for "Q1", "next month"...). Never raises on odd text; fields not stated are None."""
    text = (text or "").strip()
    if not text:
        return Bant()
    sentences = _sentences(text)
    ev: dict[str, str] = {}
    budget, ev_b = _budget(sentences)
    authority, ev_a = _authority(sentences)
    need, ev_n = _need(sentences)
    timeline, ev_t = _timeline(sentences, now)
    competitor, ev_c = _competitor(sentences)
    next_step, ev_x = _next_step(sentences)
    for k, v in (("budget", ev_b), ("authority", ev_a), ("need", ev_n), ("timeline", ev_t),
                 ("competitor", ev_c), ("next_step", ev_x)):
        if v:
            ev[k] = v
    neg, pos = len(_NEG.findall(text)), len(_POS.findall(text))
    sentiment = "negative" if neg > pos else "positive" if pos > neg else "neutral"
    return Bant(budget, authority, need, timeline, competitor, next_step, sentiment, ev)


# -- verdict and routing ---------------------------------------------------------------------------
_DISQUALIFY = re.compile(r"\b(?:not interested|no budget|went with|chose (?:another|a different|[A-Z]\w+)|signed with|"
                         r"no need|not a fit|bad fit|out of business|no longer (?:looking|interested)|closed the door|"
                         r"hiring freeze|budget (?:was )?cut|killed the project|project (?:is )?(?:dead|cancelled|canceled))\b",
                         re.I)


@dataclass(frozen=True)
class Qualification:
    """A verdict on one deal or lead from its BANT+.

    ``verdict``: qualified | nurture | disqualified; ``route``: hot (a call task today) | warm (a
    follow-up sequence: a draft now and a task in a week) | cold (nurture: a check-in task in 30
    days); ``reasons``: why, in words."""

    verdict: str
    route: str
    reasons: list[str]

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready dict."""
        return asdict(self)


def qualify(b: Bant, text: str, now: datetime | date) -> Qualification:
    """Verdict and route from BANT+ (``text``: the note, for disqualifying statements).

    Rules: a disqualifying statement ("not interested", "no budget", "went with X") -> disqualified /
    cold. Budget, authority and need known and a timeline within 90 days (or not said) ->
    qualified; hot when the timeline is within 30 days or all four are known, else warm. Otherwise
    nurture: warm with two or more of the four known, cold below that."""
    today = now.date() if isinstance(now, datetime) else now
    dq = _DISQUALIFY.search(text or "")
    if dq:
        return Qualification("disqualified", "cold", [f"said: \"{dq.group(0)}\""])
    reasons = [f"{k} {'known' if getattr(b, k) is not None else 'unknown'}"
               for k in ("budget", "authority", "need", "timeline")]
    days = (date.fromisoformat(b.timeline) - today).days if b.timeline else None
    if days is not None:
        reasons.append(f"timeline in {days} days")
    if b.budget is not None and b.authority and b.need and (days is None or days <= 90):
        hot = (days is not None and days <= 30) or b.filled == 4
        return Qualification("qualified", "hot" if hot else "warm", reasons)
    return Qualification("nurture", "warm" if b.filled >= 2 else "cold", reasons)
