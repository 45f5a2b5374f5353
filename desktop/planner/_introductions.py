"""New records introduced first and asked for after: rewrites into the canonical create form.

People say who someone is before they ask for the record ("Met a founder at the conference, Dana
Whitlock, she's CEO of Ferncliff Robotics, ferncliffrobotics.com, based in Pittsburgh. Add the company
and add her as a contact."), name a relation before the name ("Add Rachel's boss to the CRM, Marcus
Hale, CFO at Northwind Traders, ..."), or announce a person without a verb ("New champion at Delta
Works, Priyanka Rao, head of customer operations, priyanka.rao@...").

Each function here takes the instruction (after ASR repair) and returns it rewritten into the form the
create rules of :mod:`desktop.planner.offline` read ("Add Ferncliff Robotics as a company,
ferncliffrobotics.com, based in Pittsburgh, and add Dana Whitlock there as a contact, she's CEO."), or
returns it unchanged when the construction is not there. They never invent a record: every name, title,
domain and city in the output is copied from the input, and a person or company the workspace already
has is not re-created (the rewrite is then not made).
"""

from __future__ import annotations

import re

from desktop.domain.plan import Target

from . import _rules as R
from .entity_index import EntityIndex

_CAP = r"(?-i:[A-Z])"
#: A company name as written: one to four capitalised words ("Ferncliff Robotics", "Saltmarsh Coffee Roasters").
_CO = rf"{_CAP}[\w&'-]*(?:\s+(?:&\s+)?{_CAP}[\w&'-]*){{0,3}}"
#: A person's first and last name as written ("Dana Whitlock", "Benji Park").
#: A new person's name: first and last, the last with its particles ("Joost de Vries", "Anna van der Berg").
_PERSON = rf"(?P<first>{_CAP}[a-z]+)\s+(?P<last>(?:(?-i:de|van|von|der|den|da|di|du|del|della|dos|das|la|le|ter|ten)\s+){{0,2}}{_CAP}[a-z][\w'-]*)"
_LEAD = r"^(?P<head>\W*(?:(?:please|ok|okay|so|and|also|hey)\W+)*(?:(?:can|could|would)\s+you\s+(?:please\s+)?)?)"
_VERB = r"(?:add|create|save|put|set\s+up|enter)"

#: Relations said before the name: the person is the one named, the relation is not a job title.
_RELATIONS = frozenset(
    "boss manager assistant colleague deputy replacement successor counterpart cofounder co-founder partner friend "
    "contact person guy woman lady peer ea pa coworker co-worker report teammate referral intro".split())
#: Words after "the"/"a" that are records or things, never a person's role.
_NOT_ROLES = frozenset(
    "deal opportunity opp task note meeting call company account email e-mail phone number stage amount close "
    "date owner's demo proposal quote contract invoice renewal client customer logo".split())

_RELATION_THEN_NAME = re.compile(
    _LEAD + rf"(?P<verb>{_VERB})\s+(?:(?:a\s+)?(?:new\s+)?(?:contact|record|entry)\s+for\s+)?(?:(?P<whose>{_CAP}[a-z]+['\u2019]s|his|her|their|the|a|an|our)\s+)(?:new\s+)?"
    r"(?P<rel>[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,2}?|(?-i:[A-Z]{2,4}))"
    rf"(?P<at>\s+(?:at|from|over at)\s+{_CO})?"
    r"(?:\s+(?:to|in|into|on)\s+(?:the\s+|our\s+)?(?:crm|system|contacts|workspace|database|list|spectrum))?"
    rf"\s*[,:\-]\s*{_PERSON}(?P<rest>\s*(?:[,.;:]|$).*)$", re.I | re.S)


def relation_then_name(text: str, index: EntityIndex, ctx: Target | None = None) -> str:
    """"Add Rachel's boss to the CRM, Marcus Hale, CFO at ..." -> "Add Marcus Hale, CFO at ...";
    "Add Hugo's assistant at Meadow Health, Tess Morgan, tess@..." -> "Add Tess Morgan at Meadow Health,
    tess@..."; "Add the new CFO at Northwind, Marcus Hale" -> "Add Marcus Hale, CFO at Northwind".

    A relation word (``_RELATIONS``) is dropped; any other role is kept as the job title. Not rewritten
    when the named person is already a contact (that is an update, planned elsewhere). With no company said, the
    related person's company is the new person's ("Add Priya's colleague Marco Visser" -> "... at Globex Logistics";
    "her"/"his" is ``ctx``, the contact in view)."""
    m = _RELATION_THEN_NAME.match(text)
    if m is None:
        return text
    rel = m.group("rel")
    if (m.group("whose") or "").lower() in ("a", "an", "the") and set(rel.lower().split()) & {
            "contact", "lead", "person", "here", "there", "record", "entry", "prospect"}:
        return text  # "Add a contact here, Nadia Brooks, office manager, ...": the canonical form already
    if rel.lower().split()[-1] in _NOT_ROLES or _known_person(index, m.group("first"), m.group("last")):
        return text
    name = f"{m.group('first')} {m.group('last')}"
    at = m.group("at") or ""
    whose = re.sub(r"['\u2019]s$", "", m.group("whose") or "")
    if not at and whose and any(mm.kind == "company" and mm.start == 0 for mm in index.find_mentions(whose)):
        at = f" at {whose}"  # "a contact for Northwind's new IT lead, Sven Olsen": Sven is at Northwind
    elif not at and not re.search(r"\b(?:at|from)\s+" + _CAP, m.group("rest")) and (co := related_company(whose, index, ctx)):
        at = f" at {co}"  # "Add Priya's colleague Marco Visser": Marco is at Priya's company
    if rel.lower() in _RELATIONS or rel.lower().split()[-1] in _RELATIONS:
        return f"Add {name}{at}{m.group('rest')}"
    return f"Add {name}, {rel}{at}{m.group('rest')}"


def related_company(whose: str, index: EntityIndex, ctx: Target | None) -> str | None:
    """The company of the person ``whose`` relation someone is: a first or full name the workspace has once, or
    "her"/"his"/"their" for the contact in view (``ctx``); None when unknown."""
    if whose.lower() in ("her", "his", "their"):
        in_view = index.contact_in_view(ctx)
        return (index.contacts[in_view].company_name or None) if in_view is not None else None
    named = [x for x in index.find_mentions(whose) if x.kind == "contact" and len(x.ids) == 1]
    return (index.contacts[named[0].ids[0]].company_name or None) if named else None


_NEW_PERSON_SAID = re.compile(
    r"^(?P<head>\W*(?:(?:so|ok|okay|and|fyi|also|quick one)\W+)*)(?:(?:we\s+have|we've\s+got|there's|got)\s+)?(?:(?:a|an|one)\s+)?"
    r"new\s+(?P<role>(?:[a-z-]+\s+){0,2}(?:champion|contact|stakeholder|decision[- ]maker|buyer|sponsor|point of contact|poc|"
    r"hire|person|user|admin|lead|(?-i:[A-Z]{2,4})|head|director|manager|vp|coordinator|owner))"
    rf"\s+(?:at|from|over at|for|on)\s+(?P<co>{_CO})\s*[,:\-]\s*{_PERSON}(?P<rest>\s*(?:[,.;]|$).*)$", re.I | re.S)


def new_person_said(text: str, index: EntityIndex) -> str:
    """"New champion at Delta Works, Priyanka Rao, head of customer operations, priyanka.rao@..." ->
    "Add Priyanka Rao as a contact at Delta Works, head of customer operations, priyanka.rao@...".

    Only when the company is one the workspace has, the person is not, and the words after the name
    give something to store on a contact (an email address, a phone number or a job title said after a
    comma), so a remark ("new champion at Delta Works, Priyanka Rao, she loved the demo") is not read as
    a request to create."""
    m = _NEW_PERSON_SAID.match(text)
    if m is None or _known_person(index, m.group("first"), m.group("last")):
        return text
    if not any(mm.kind == "company" and mm.start == 0 for mm in index.find_mentions(m.group("co"))):
        return text
    rest = m.group("rest")
    if not (R.EMAIL_RE.search(rest) or re.search(r"\+?\d[\d ().-]{6,}\d", rest)
            or re.match(r"\s*,\s*(?!(?:she|he|they|who|and|but|so|which)\b)[A-Za-z][\w&/ -]{1,50}?(?:[,.]|$)", rest)):
        return text
    role = m.group("role").lower()
    if role.split()[-1] == "contact":
        return text  # "New contact at Pinecrest Dental, Rosa Lindqvist, front desk lead, ...": read as it is
    keep = "" if role.split()[-1] in ("champion", "contact", "person", "lead", "hire", "stakeholder", "user") else f", {m.group('role')}"
    return f"Add {m.group('first')} {m.group('last')} as a contact at {m.group('co')}{keep}{rest}"


#: The command that adds what was introduced: "Add the company", "add them", "add her as a contact".
_ADD_BACK = re.compile(
    rf"(?P<verb>\b{_VERB})\s+(?P<obj>the\s+(?:company|account|client|business|firm|practice|agency|brand|org|organi[sz]ation)"
    r"|(?:this|that)\s+(?:company|account|client|one|person|contact)|the\s+(?:contact|person)|them|it|her|him)\b"
    # ("Add them as the competitor": a deal's field, no record to create)
    r"(?!\s+(?:as|to)\s+(?:the|a|an|their)\s+(?:competitor|rival|competition|next\s+step|owner)\b)"
    r"(?P<as>\s+(?:in\s+)?(?:as\s+(?:a|an)\s+(?:new\s+)?(?P<what>contact|company|client|customer|account|lead|prospect)"
    r"|to\s+(?:the\s+)?(?:crm|system|contacts|workspace|database)))?(?:\s+(?:too|as well|please))?", re.I)
#: A command sentence that starts with such an add.
_COMMAND_START = re.compile(r"(?:^|(?<=[.!?;])\s+|(?<=\n))(?=\W*(?:(?:so|ok|okay|please|and|yeah)\W+)*(?:(?:can|could|would)\s+you\s+"
                            rf"(?:please\s+)?)?{_VERB}\s+(?:the|this|that|them|it|her|him)\b)", re.I)
#: Words in an introduction that are requests or facts of their own: such an introduction is not rewritten.
_NOT_JUST_INTRO = re.compile(
    r"\b(?:wants?|needs?|asked|asks|book|schedule|send|sent|remind|follow(?:ing)?[- ]up|move|update|change|mark|close[sd]?|"
    r"budget|demo|proposal|quote|call\s+(?:me|back)|task|deal|pilot|contract|renewal|price|pricing|\d+\s*k\b|grand|thousand|"
    r"million|hundred|\$|next\s+(?:week|month)|tomorrow|monday|tuesday|wednesday|thursday|friday)\b", re.I)
_INTRO_COMPANY = (
    # "CEO of Ferncliff Robotics", "Head of RevOps at Juniper Systems", "works for Acme"
    rf"\b(?:at|from|for|with|called|named|runs|owns)\s+(?P<co1>{_CO})",
    rf"\bof\s+(?P<co4>{_CO})",
    # "New opportunity, Harlow Insurance, brand new logo, harlowinsurance.com", "a new client today, Saltmarsh Coffee Roasters,"
    rf"(?:^|[,:]\s*)(?P<co2>{_CO})\s*,\s*(?:[^,.]{{0,40}},\s*)?(?:[\w-]+\.)+[a-z]{{2,}}\b",
    rf"\bnew\s+(?:client|customer|logo|prospect|account|opportunity|company)(?:\s+(?:today|this\s+morning|yesterday))?\s*[,:]\s*(?P<co3>{_CO})\b",
)
_NOT_NAME_START = frozenset(
    "met just new signed got had add the a an our my we i she he they ceo cto cfo coo vp head founder "
    "called spoke talked connected brand".split())


def introduced_then_added(text: str, index: EntityIndex) -> str:
    """An introduction followed by a command that adds what it introduced, rewritten as one create
    command: "Signed a new client today, Saltmarsh Coffee Roasters, saltmarshcoffee.com, based in
    Portland. Add them, add the owner Benji Park as a contact, and open a deal ..." -> "Add Saltmarsh
    Coffee Roasters as a company, saltmarshcoffee.com, based in Portland, add Benji Park there as a
    contact, she's their owner, and open a deal ...".

    The introduction (the sentences before the command) may name at most one new company and one new
    person; "them"/"it"/"the company" is the new company (else the person), "her"/"him"/"the contact"
    the person. Not rewritten when the introduction also asks or reports something else
    (``_NOT_JUST_INTRO``: "she wants a demo Thursday" must not be lost), or names nothing new."""
    cmd = _COMMAND_START.search(text)
    if cmd is None or cmd.start() == 0:
        return text
    intro, command = text[:cmd.start()], text[cmd.start():].lstrip()
    if _NOT_JUST_INTRO.search(re.sub(r"\S+@\S+|\b(?:[\w-]+\.)+[a-z]{2,}\b", " ", intro)):
        return text
    company, co_span = None, (0, 0)
    for pattern in _INTRO_COMPANY:
        if m := re.search(pattern, intro, re.I):
            name = next(g for g in m.groups() if g)
            name = re.sub(r"\s+(?:Inc|LLC|Ltd)\.?$", "", name)
            if name.split()[0].lower() not in _NOT_NAME_START:
                company, co_span = name, m.span(next(i for i, g in enumerate(m.groups(), 1) if g))
                break
    known_co = company is not None and any(mm.kind == "company" and mm.score >= 90 and not mm.partial
                                           for mm in index.find_mentions(company))
    person = None
    for m in re.finditer(rf"(?:^|(?<=,\s)|(?<=\b[Ww]ith\s)|(?<=\b[Mm]et\s)|(?<=\bto\s)|(?<=\bnamed\s)|(?<=\bcalled\s)"
                         rf"|(?<=\binto\s))(?={_PERSON}\b)", intro):  # (a lookahead: "Met Casimir Dunne" is tried at "Casimir" too)
        if m.start("first") < co_span[1] and m.end("last") > co_span[0] or m.group("first").lower() in _NOT_NAME_START:
            continue
        if _known_person(index, m.group("first"), m.group("last")):
            return text  # a known person: "add her" is not a create
        person = m
        break
    objs = list(_ADD_BACK.finditer(command))
    if not objs or (company is None or known_co) and person is None:
        return text
    email = re.search(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", intro)
    details = ""
    if company is not None and not known_co:
        # what the introduction says of the company after its name ("saltmarshcoffee.com, based in
        # Portland"), verbatim: the create rules read domain, city and industry from it
        details = re.split(r"[.!?](?:\s|$)", intro[co_span[1]:], maxsplit=1)[0]
        if person is not None and person.start("first") > co_span[1]:
            details = details[:person.start("first") - co_span[1]]
        details = re.sub(r"\s*,?\s*(?:and\s+)?$", "", details).strip(" ,;:")
    title = None
    if person is not None:
        after = intro[person.end("last"):]
        lead = (r"(?:^|,)\s*(?:(?:she|he)(?:'s|\s+is)|who(?:'s|\s+is)|(?:she|he)\s+runs)?\s*(?:the\s+|their\s+|a\s+|an\s+)?"
                r"(?P<t>(?!(?:based|and|but|so)\b)[A-Za-z][\w&/ -]{0,40}?)")
        co = re.escape(company) if company else _CO
        t = re.search(lead + rf"\s+(?:at|for|of)\s+{co}", after)
        title = t.group("t").strip() if t else None
    new_company = company is not None and not known_co
    pieces: list[tuple[int, int, str]] = []
    for o in objs:
        obj = o.group("obj").lower()
        what = (o.group("what") or "").lower()
        to_person = obj in ("her", "him", "the contact", "the person", "this person", "that person", "this contact",
                            "that contact") or what in ("contact", "lead", "prospect") or not new_company
        if to_person and person is None or not to_person and not new_company:
            return text
        if to_person and person is not None:
            name = f"{person.group('first')} {person.group('last')}"
            if new_company and any("as a company" in p[2] for p in pieces):
                said = f"{o.group('verb')} {name} there as a contact" + (f", she's {title}" if title else "")
            elif company:
                said = f"{o.group('verb')} {name} as a contact, " + (f"{title} at {company}" if title else f"at {company}")
            else:
                said = f"{o.group('verb')} {name} as a contact" + (f", {title}" if title else "")
            if email:
                said += f", {email.group(0)}"
        else:
            said = f"{o.group('verb')} {company} as a company" + (f", {details}" if details else "")
        pieces.append((o.start(), o.end(), said))
    out, at = [], 0
    for s, e, said in pieces:
        out.append(command[at:s])
        out.append(said)
        at = e
    out.append(command[at:])
    rewritten = "".join(out)
    if new_company:
        # "..., add the owner Benji Park as a contact": a person named with their role, at the new company
        rewritten = re.sub(rf"\b(?P<v>add|create)\s+(?:the|their|its)\s+(?P<t>[a-z][a-z ]{{1,30}}?)\s*,?\s+{_PERSON}"
                           r"(?:\s+(?:as\s+(?:a|the)\s+contact|too))?\b",
                           lambda m: f"{m.group('v')} {m.group('first')} {m.group('last')} there as a contact, she's their {m.group('t')}",
                           rewritten, count=1)
        # "..., add Helen Achebe as the practice owner, and open a deal ...": the same, with the role after the name
        rewritten = re.sub(rf"\b(?P<v>add|create)\s+{_PERSON}\s+as\s+(?:the|their|its)\s+(?P<t>[a-z][a-z ]{{1,30}}?)(?=\s*(?:[,.;]|$|\s+and\b))",
                           lambda m: f"{m.group('v')} {m.group('first')} {m.group('last')} there as a contact, she's their {m.group('t')}",
                           rewritten, count=1)
    # "Add the company and add her as a contact": the second add joins the first
    return re.sub(r"(as a company(?:,[^,]+?)*)\s+and\s+(?=add\s)", r"\1, and ", rewritten, count=1, flags=re.I)


_THEN_ADD_PERSON = re.compile(
    rf"^(?P<co_part>.*?\b(?:as\s+(?:a|an)\s+(?:new\s+)?company|company\s+(?:called|named)\s+{_CO})\b(?:[^.;]|\.(?=\w))*)[.;]\s+"
    rf"(?:(?:then|and|also|now|next)\s*,?\s+)?(?:add|create)\s+{_PERSON}\s*(?:,\s*(?P<rest>.*)|\s*[.!]?\s*)$", re.S | re.I)


def then_add_person(text: str, index: EntityIndex) -> str:
    """"Create Ortega Dental Group as a company, ortegadental.com. Then add Lucia Ortega, she owns the
    practice, her email is lucia@..." -> "..., and add Lucia Ortega there as a contact, she owns ...": a new
    person added in the sentence after a new company is that company's contact (a person the workspace
    has is left alone)."""
    m = _THEN_ADD_PERSON.match(text)
    if m is None or _known_person(index, m.group("first"), m.group("last")) or "as a contact" in (m.group("rest") or "")[:20]:
        return text
    rest = m.group("rest")
    return (f"{m.group('co_part').rstrip(' ,')}, and add {m.group('first')} {m.group('last')} there as a contact"
            + (f", {rest}" if rest else "."))


#: "..., and the new marketing lead is Jess Park, jess.park@northwind.example": a new person in a role, said as news.
_NEW_ROLE_IS = re.compile(
    r"(?P<lead>(?:^|[,.;]\s*)(?:(?:and|also|oh|plus|so)\s+)*)(?:the|their|our)\s+new\s+"
    r"(?P<role>(?:[a-z&/-]+\s+){0,3}?(?:lead|head|director|manager|vp|cfo|ceo|cto|coo|cmo|cro|champion|buyer|admin|coordinator|"
    r"owner|contact|officer|specialist|partner|(?-i:[A-Z]{2,4}))(?:\s+of\s+[a-z]+)?)(?:\s+(?:at|from|over\s+at)\s+(?P<co>" + _CO + r"))?"
    r"\s+(?:there\s+)?(?:is|will\s+be|'s)\s+" + _PERSON
    + r"(?P<rest>\s*,\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\s*,\s*(?:\+|plus\s+)?\d[\d ().-]{6,}\d)", re.I)


def new_role_is(text: str, index: EntityIndex) -> str:
    """"Rachel at Northwind is leaving, ..., and the new marketing lead is Jess Park, jess.park@northwind.example" ->
    "..., and add Jess Park, marketing lead at Northwind Traders, jess.park@northwind.example": a new person with an
    address or number to store is a new contact, at the one company the instruction names. Unchanged when the person
    is a contact already, no such detail is given, or the company is not one named workspace company."""
    m = _NEW_ROLE_IS.search(text)
    if m is None or _known_person(index, m.group("first"), m.group("last")):
        return text
    cos = {i for x in index.find_mentions(text[:m.start()] + " " + text[m.end():]) if x.kind == "company" and len(x.ids) == 1
           for i in x.ids}
    cos |= {c.company_id for x in index.find_mentions(text[:m.start()]) if x.kind == "contact" and len(x.ids) == 1
            for c in [index.contacts[x.ids[0]]] if c.company_id is not None}
    if m.group("co"):
        cos = {i for x in index.find_mentions(m.group("co")) if x.kind == "company" and len(x.ids) == 1 for i in x.ids}
    if len(cos) != 1:
        return text
    company = index.companies[next(iter(cos))].name
    verb = "Add" if not text[:m.start()].strip() or re.search(r"[.!?]", m.group("lead")) else "add"
    said = f"{verb} {m.group('first')} {m.group('last')}, {m.group('role')} at {company}{m.group('rest')}"
    if not re.search(r"\b(?:mark|set|move|log|book|add|create|update|change|remind|draft|email|give|assign|delete|remove|"
                     r"push|schedule)\b", text[:m.start()], re.I):
        return said + text[m.end():]  # ("Tom Becker moved on. Their new CFO is Dana Holt, ...": the news asks for the add)
    return text[:m.start()] + m.group("lead") + said + text[m.end():]


def _known_person(index: EntityIndex, first: str, last: str) -> bool:
    """True when "First Last" names a contact the workspace has (exactly, not a fuzzy guess)."""
    return any(m.kind == "contact" and not m.partial and m.score >= 95 for m in index.find_mentions(f"{first} {last}"))


def rewrite(text: str, index: EntityIndex, ctx: Target | None = None) -> str:
    """All the rewrites of this module, in order (each a no-op when its construction is absent); ``ctx`` is the
    record in view."""
    text = relation_then_name(text, index, ctx)
    text = new_role_is(text, index)
    text = new_person_said(text, index)
    text = then_add_person(text, index)
    return introduced_then_added(text, index)


_COMPANY_LIST = re.compile(
    r"^\W*(?:(?:please|ok|okay|so|and|also)\W+)*(?:(?:can|could)\s+you\s+)?(?:add|create|set\s+up|save)\s+"
    r"(?:(?:two|three|four|five|these|the\s+following|a\s+few|some|both)\s+)?(?:new\s+)?(?:companies|accounts|prospects|logos|clients)\b"
    r"(?P<mid>[^,:.]{0,60}?)\s*[,:]\s*"
    rf"(?P<list>{_CO}(?:\s*,\s*{_CO})*\s*,?\s+and\s+{_CO})(?P<rest>.*)$", re.I | re.S)
_PLURAL_ADD = re.compile(
    r"\b(?:add|create|save|put\s+in)\s+(?:them(?:\s+(?:both|all|two|in))?|both(?:\s+of\s+them)?|all\s+(?:three|four|of\s+them)|"
    r"the\s+(?:two|three|four)\b|these\s+(?:two|three)\b)", re.I)
_PERSON_AT = re.compile(rf"\b(?:from|at|of|over\s+at)\s+(?P<co>{_CO})")
#: A count of new records, then one sentence each: "Create two companies. A, ... And B, ...".
_LIST_IN_SENTENCES = re.compile(
    r"^\W*(?:(?:please|ok|okay|so|and|also)\W+)*(?:(?:can|could)\s+you\s+)?(?:add|create|set\s+up|save)\s+"
    r"(?:two|three|four|five|these|the\s+following|a\s+few|some)\s+(?:new\s+)?"
    r"(?P<what>companies|accounts|clients|logos|prospects|contacts|people|leads)\b(?P<mid>[^.:]{0,80})[.:]\s*(?P<items>.+)$",
    re.I | re.S)


def split_creates(text: str, index: EntityIndex) -> list[tuple[str, tuple[int, int]]] | None:
    """Several new records of one kind said in one breath, split into one create instruction each,
    with the span of the input each came from: "Add three companies for the outbound list, Brightwater
    Foods, Copperleaf Insurance and Tanager Aviation." -> "Add Brightwater Foods as a company", ...;
    "Met two people from Vertex ... Hannah Osei, their COO, hannah@..., and Marcus Lind, who runs
    procurement. Add them both please." -> "Add Hannah Osei as a contact at Vertex Analytics, their COO,
    hannah@..." and "Add Marcus Lind as a contact at Vertex Analytics, who runs procurement".

    A person's company is the one the text names after "from"/"at"/"of" (a workspace company), or a
    company the same text creates; then each person's instruction creates that company too ("Add X as a
    company, ..., and add P there as a contact") and the caller keeps one of the identical company
    creates. Returns None when the text is not such a list (fewer than two new names, a name the
    workspace has, or no company for the people)."""
    if m := _COMPANY_LIST.match(text):
        names = [n.strip() for n in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", m.group("list")) if n.strip()]
        if len(names) < 2 or any(_known_company(index, n) for n in names):
            return None
        shared = ""
        if city := re.search(rf"\b(?:both|all|each)\s+(?:(?:are|of\s+them)\s+)?(?:based|located|headquartered)\s+in\s+"
                             rf"(?P<c>{_CAP}[a-z]+(?:\s+{_CAP}[a-z]+)?)", m.group("rest")):
            shared = f", based in {city.group('c')}"
        out = []
        for n in names:
            at = text.find(n)
            out.append((f"Add {n} as a company{shared}", (at, at + len(n))))
        return out
    if (m := _LIST_IN_SENTENCES.match(text)) and len(re.findall(r"[.;](?:\s|$)", m.group("items").strip())) >= 1 \
            and (each := _one_sentence_each(m, index)) is not None:
        return each
    return _people_in_one_breath(text, index)


def _one_sentence_each(m: re.Match[str], index: EntityIndex) -> list[tuple[str, tuple[int, int]]] | None:
    """The records of :data:`_LIST_IN_SENTENCES`, one per sentence (None when that is not what was said)."""
    # "Create two companies. Lark and Finch Studio, larkfinch.example, Brooklyn, design. And Ostara Wellness, ...",
    # "Create three contacts from the Upland Partners webinar list. Lucia Ferrer, marketing lead. Tomas Gil, CEO."
    items = [(i.group("name").strip(), (i.group("rest") or "").strip(" ,.;"), i.start("name"))
             for i in re.finditer(r"(?:^|(?<=[.;])\s+)(?:and\s+)?(?P<name>(?-i:[A-Z])[^,.;]{1,50}?)(?:\s*,\s*(?P<rest>[^;]*?))?"
                                  r"\s*(?=[.;](?:\s|$)|$)", m.group("items"), re.I)]
    base = m.start("items")
    if len(items) < 2:
        return None
    if m.group("what").lower().startswith(("compan", "account", "client", "logo", "prospect")):
        if any(_known_company(index, n) for n, _, _ in items):
            return None
        return [(f"Add {n} as a company" + (f", {r}" if r else ""), (base + at, base + at + len(n))) for n, r, at in items]
    co = next((index.companies[mm.ids[0]].name for mm in index.find_mentions(m.group("mid"))
               if mm.kind == "company" and len(mm.ids) == 1), None)
    out = []
    for n, r, at in items:
        pm = re.fullmatch(_PERSON, n)
        if pm is None or co is None or _known_person(index, pm.group("first"), pm.group("last")):
            return None
        r = "" if re.fullmatch(r"(?:no|without)\s+(?:title|role|details?)(?:\s+yet)?", r, re.I) else r
        out.append((f"Add {n}, {r}, as a contact at {co}" if r else f"Add {n} as a contact at {co}", (base + at, base + at + len(n))))
    return out


def _people_in_one_breath(text: str, index: EntityIndex) -> list[tuple[str, tuple[int, int]]] | None:
    """Several new people said in one breath (see :func:`split_creates`)."""
    if not _PLURAL_ADD.search(text) and not re.search(r"\b(?:two|three|both)\s+(?:new\s+)?(?:people|contacts|referrals|folks|"
                                                     r"stakeholders|names)\b", text, re.I) \
            and not re.search(rf"\badd\s+their\s+[^,.]{{1,40}}?\s*,?\s+{_PERSON}\s*,?\s+and\s+their\b", text) \
            and not re.search(rf"^\W*(?:[Pp]lease\s+)?(?:[Aa]dd|[Cc]reate)\s+{_PERSON}\b.*\band\s+(?P<f2>{_CAP}[a-z]+)\s+(?P<l2>{_CAP}[a-z][\w'-]*)"
                              r"\b[^.]*\btoo\b", text, re.S):
        return None
    new_co = re.search(rf"\b(?:[Cc]reate|[Aa]dd)\s+(?:a\s+(?:new\s+)?company\s+(?:called|named)\s+|the\s+company\s+)?(?P<co>{_CO})\s*(?:,|\s+as\s+(?:a|an)\s+"
                       rf"(?:new\s+)?company\b)", text)
    people: list[re.Match[str]] = []
    for p in re.finditer(rf"(?<![\w'])(?={_PERSON}\b)", text):
        first, last = p.group("first"), p.group("last")
        if first.lower() in _NOT_NAME_START or _known_person(index, first, last) or _known_company(index, f"{first} {last}") \
                or any(p.start("first") < q.end("last") for q in people) \
                or new_co is not None and new_co.start("co") <= p.start("first") < new_co.end("co"):
            continue
        if re.search(r"\b(?:of|the|a|an|our|my|in|for|their|its)\s+$", text[max(0, p.start("first") - 8):p.start("first")], re.I) \
                or p.start("first") < 3 and not re.match(r"\s*,", text[p.end("last"):]):
            continue  # "VP of Member Services", "Prospecting List, ...": capitalised words that are no person
        if re.match(r"\s+(?:as\s+(?:a|an)\s+(?:new\s+)?company|[\w&'-]+\s+(?:Inc|LLC|Ltd|Group|Health|Labs|Media|Systems)\b)",
                    text[p.end("last"):]):
            continue
        people.append(p)
    if len(people) < 2:
        return None
    company, co_details, creating = None, "", False
    if new_co and not _known_company(index, new_co.group("co")) and re.search(r"\bcompany\b", text[:new_co.end() + 20], re.I):
        company, creating = new_co.group("co"), True
        co_details = re.split(r"\s*,?\s*\band\s+add\b|[.!?](?:\s|$)", text[new_co.end("co"):], maxsplit=1)[0].strip(" ,")
        co_details = re.sub(r"^as\s+(?:a|an)\s+(?:new\s+)?company\b\s*,?\s*", "", co_details)
    else:
        for said_at in _PERSON_AT.finditer(text):
            name = said_at.group("co")
            hit = next((mm for mm in index.find_mentions(name) if mm.kind == "company" and len(mm.ids) == 1 and not mm.partial), None)
            if hit is not None and hit.start == 0:
                company = index.companies[hit.ids[0]].name
                break
    if company is None:
        return None
    out = []
    title_before = re.compile(r"(?:,?\s*\band\s+|,\s*|^\s*)?\b(?:their|the|its|our)\s+"
                              r"(?P<t>(?![^,]*\b(?:people|folks|contacts|referrals|names|from|at|two|three|four)\b)[A-Za-z][\w&/ -]{1,40}?)"
                              r"\s*,?\s*$")
    for i, p in enumerate(people):
        end = people[i + 1].start("first") if i + 1 < len(people) else len(text)
        if i + 1 < len(people) and (nxt := title_before.search(text[p.end("last"):end])):
            end = p.end("last") + nxt.start()  # "... Dana Whitman and their VP of member services, Curtis Boyd": the next one's title
        details = text[p.end("last"):end]
        details = re.split(r"[.!?](?:\s|$)|\b(?:can|could)\s+you\b|\b(?:add|create|save)\s+(?:them|both|all|the\s+(?:two|three))\b",
                           details, maxsplit=1)[0]
        details = re.sub(r"\s*,?\s*(?:and|&)?\s*(?:(?:his|her|their)\s+)?$", "", details).strip(" ,;:")
        before = text[people[i - 1].end("last") if i else 0:p.start("first")]
        if t := title_before.search(before):
            details = f"their {t.group('t')}" + (f", {details}" if details else "")
        details = re.sub(r"^who\s+(runs|heads|leads|owns|manages)\b", r"head of", details, flags=re.I)
        # ("Add Bruno Costa as a contact at Tidal Media, ..., and Lena Moss at Tidal too, creative director": where
        # the first one was said to be is the company; what is left is the person's)
        details = re.sub(rf"^(?:as\s+(?:a|an)\s+(?:new\s+)?contact\s*)?(?:(?:at|from|over\s+at)\s+{_CO}\s*)?(?:too|as\s+well)?\s*,?\s*",
                         "", details).strip(" ,")
        name = f"{p.group('first')} {p.group('last')}"
        span = (p.start("first"), end)
        if creating:
            said = f"Add {company} as a company" + (f", {co_details}" if co_details else "") + f", and add {name} there as a contact"
            out.append((said + (f", she's {details}" if details else ""), span))
        elif bare := re.match(r"(?P<t>(?-i:[a-z])[a-z]+(?:\s+[a-z]+){0,3})\s*(?:,\s*|$)(?P<rest>.*)$", details, re.S):
            # "Esme Varga, buyer, esme@...": a bare role said right after the name stays beside it
            if bare.group("t").split()[0] in ("she", "he", "they", "who", "and", "but", "so", "her", "his"):
                out.append((f"Add {name} as a contact at {company}, {details}", span))
            else:
                rest = bare.group("rest").strip()
                out.append((f"Add {name}, {bare.group('t')}, as a contact at {company}" + (f", {rest}" if rest else ""), span))
        else:
            out.append((f"Add {name} as a contact at {company}" + (f", {details}" if details else ""), span))
    return out


def _known_company(index: EntityIndex, name: str) -> bool:
    """True when ``name`` is (exactly) a company the workspace has."""
    return any(m.kind == "company" and not m.partial and m.score >= 95 and m.start == 0 and m.end >= len(name) - 1
               for m in index.find_mentions(name))
