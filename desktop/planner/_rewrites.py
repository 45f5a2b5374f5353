"""Phrasing rewrites of an instruction before its clauses are read (see :func:`rewrite`).

Each rewrite turns one everyday construction into the phrasing the clause reader in :mod:`desktop.planner.offline`
understands, with an example of what it covers beside it. They were moved here from ``OfflinePlanner._plan_text``
unchanged, in their order, so that the planner's main module holds the reading of clauses and this one the
rewording of whole instructions.
"""

from __future__ import annotations

import re
from datetime import date

from desktop.domain.plan import Target
from desktop.planner import _introductions as introductions
from desktop.planner._patterns import _IMPERATIVE, _POLITE_COMMAND
from desktop.planner.entity_index import EntityIndex
from desktop.planner.parsing.dates import find_date
from desktop.planner.parsing.numbers import find_amounts, join_short_hundreds, words_to_digits

#: A new company announced: "New logo: X, ...", "We've got a new prospect, X, ...", "Add X, a design agency in ...".
_NEW_COMPANY_SAID = re.compile(
    r"^\W*(?:(?:so|okay|ok|and)\W+)*(?:(?:new\s+(?:logo|client|customer|prospect|account)(?!\s+company)|we'?ve\s+got\s+a\s+new\s+"
    r"(?:prospect|client|customer|logo)|we\s+(?:just\s+)?(?:signed|landed|won)\s+a\s+new\s+(?:client|customer|logo))"
    r"(?:\s+(?:coming\s+in|incoming|alert|today|this\s+morning|on\s+board))?\s*[:,.!]?\s*(?!(?i:add|create|set|open|make|put)\b)"
    r"(?P<name>(?-i:[A-Z])[\w'-]*(?:\s+(?:&\s+)?(?-i:[A-Z])[\w'-]*){0,3})\s*,\s*"
    r"|(?:please\s+)?add\s+(?P<name2>(?-i:[A-Z])[\w'-]*(?:\s+(?:&\s+)?(?-i:[A-Z])[\w'-]*){0,3})\s*,\s*(?=(?:a|an)\s+(?:[\w-]+\s+){0,3}(?:agency|studio|company|"
    r"firm|shop|startup|practice|clinic|roaster|bakery|brand|retailer|distributor|manufacturer|consultancy|cafe|restaurant)\b))",
    re.I)

#: An explicit "Log a call with X." followed by what the person said: "He confirmed ...", "She wants ...".
_LOG_THEN_REPORT = re.compile(
    r"^(?P<head>\W*(?:(?:please|ok|okay|so|just)\W+)*(?:log|record)\s+(?:a|an|the|my)\s+(?:quick\s+|short\s+)?"
    r"(?:call|phone\s+call|meeting|chat|zoom)\s+with\s+[^.:;!?]{2,60}?)\.\s+"
    r"(?=(?:he|she|they)\s+(?:(?:also|then|just|basically)\s+)?(?:said|says|confirmed|told|mentioned|explained|asked|"
    r"wants|wanted|needs|needed|agreed|raised|flagged|thinks|thought|complained|shared|walked|admitted|hinted)\b)",
    re.I)

#: "..., or wait, is Leo Vogel the admin? Yeah, do Leo, Monday at 9:30": the speaker asks themself who and picks.
_ASKED_SELF_WHO = re.compile(
    r"\s*,?\s*(?:or\s+)?(?:wait|hang\s+on|hold\s+on|actually)\W+(?:is|isn'?t|was)\s+(?P<new>(?-i:[A-Z])[a-z'-]+\s+(?-i:[A-Z])[a-z'-]+)"
    r"\s+[^?.]{2,60}\?\s*(?:yeah|yes|yep|yup|right)\W+(?:do|use|go\s+with|make\s+it|book|it'?s)\s+(?P<pick>(?-i:[A-Z])[a-z'-]+)"
    r"(?:\s+(?-i:[A-Z])[a-z'-]+)?\s*[,.]?(?P<rest>.*)$", re.I | re.S)

#: One person and a time in a list of meetings: "Ava Vogel at 10".
_MEETING_ITEM = re.compile(r"(?P<who>(?-i:[A-Z])[a-z]+(?:\s+(?-i:[A-Z])[\w'-]+)?)\s+at\s+(?P<t>\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\.?)?|noon)\b")

#: Several meetings booked in one breath (see :func:`_meetings_each`).
_MEETINGS_LIST = (
    # "Book two check-ins for Monday, Ava Vogel at 10 and Dan Hughes at 11."
    re.compile(r"^\W*(?:(?:please|ok|okay|so)\W+)*(?P<v>book|schedule|set\s+up|put\s+in)\s+(?:two|three|four|2|3|4)\s+"
               r"(?P<kind>[\w-]+?)s\s+(?P<when>(?:for|on|next|this)\s+[^,]+?)\s*[,:]\s*(?P<list>.+)$", re.I | re.S),
    # "Book intro meetings next Tuesday with Paula Walsh at 10 and Felix Dubois at 11, both at Juniper Systems."
    re.compile(r"^\W*(?:(?:please|ok|okay|so)\W+)*(?P<v>book|schedule|set\s+up)\s+(?P<kind>(?:[\w-]+\s+)?(?:meeting|call|demo|check-in|"
               r"intro|catch-up)s)\s+(?P<when>(?:for\s+|on\s+)?(?:next|this|tomorrow|the|monday|tuesday|wednesday|thursday|friday)[^,]*?)"
               r"\s+with\s+(?P<list>.+)$", re.I | re.S),
)


#: An e-mail for each of several people said before: "draft each of them an email", "email them both", "write to both of
#: them". The group ``who`` is the words for the people.
_EACH_OF_THEM = re.compile(
    r"\b(?:draft|e-?mail|write(?:\s+to)?|send)\s+(?:(?:an?|the)\s+e-?mail\s+to\s+)?"
    r"(?P<who>each\s+of\s+them|them\s+each|both\s+of\s+them|them\s+both|the\s+two\s+of\s+them|them\s+all|all\s+of\s+them)\b", re.I)


#: A deal's next step set in so many words: "Set the Vertex next step to schedule the onboarding kickoff with Oliver",
#: "Next step on Acme: send the revised proposal". ``step`` runs to the sentence's end or the next command.
_NEXT_STEP_SAID = re.compile(
    r"(?:^|(?<=[.!?;]\s)|(?<=,\s)|(?<=\band\s)|(?<=\bthen\s))\W*(?:(?:please|ok|okay|so|and|then|also)\W+)*"
    r"(?:(?:set|change|update|make|put|add)\s+)?"
    r"(?:the\s+|a\s+|their\s+|its\s+)?(?:[\w&'-]+\s+){0,4}?next\s+steps?(?:\s+(?:on|for|of|with)\s+[^,:.;]{1,60}?)?"
    r"(?:\s+to\s*,?|\s*:|\s+is|\s+should\s+be|\s*=)\s*(?:quote\s*,?\s*)?(?:to\s+(?=\w+\s))?"
    r"(?P<step>(?!(?:tbd|none|nothing|blank|empty|be)\b)\w[^.;!?]*?)"
    r"(?=\s*,\s*(?:and|but|so|then|also|oh|plus|can\s+you|could\s+you|please|let'?s|unquote|end\s+quote)\b"
    r"|\s*,\s*(?=[^,.;]*\b(?:amount|stage|close\s+date|closing\s+date|owner|competitor)\b)"  # (", an odd 10k to the amount")
    r"|\s+(?:and\s+(?:then\s+)?|then\s+)(?:make|set|move|give|assign|reassign|hand|pass|transfer|book|log|draft|remind|put|mark|push|"
    r"change|update|create|add|schedule|can\s+you|let'?s)\b|\s*[.;!?](?:\s|$)|\s*$)", re.I)
#: The step said before its field: "Put contract review with legal as the next step for Globex".
_STEP_BEFORE = re.compile(
    r"(?:^|(?<=[.!?;]\s)|(?<=,\s)|(?<=\band\s)|(?<=\bthen\s))\W*(?:(?:please|ok|okay|so|and|then|also|just)\W+)*"
    r"(?:add|put|set|make|log|record|have|note)\s+(?P<step>(?!(?:it|that|this|them|him|her|me)\b)\w[^.;!?]{2,80}?)\s+(?:down\s+)?"
    r"as\s+(?:the\s+|their\s+|our\s+|its\s+|a\s+)?next\s+steps?\b", re.I)
#: Words in a next step that the clause reader would take as a command, a stage or a meeting: only then are the
#: step's words hidden from it (otherwise "getting Tom to sign" keeps Tom for a "him" said later).
_STEP_RISK = re.compile(r"\b(?:book|schedul|set\s+up|meet|demo|call|e-?mail|draft|send|sent|delete|remov|cancel|drop|log|remind|task|"
                        r"proposal|won|win|lost|lose|clos|negotiat|qualif|lead|move|push|mark|assign|give|hand|owner|amount|\d)\w*"
                        # ("a security review with their CTO": a person said in the step is no record to act on)
                        r"|\b(?:their|his|her|our)\s+(?:cto|ceo|cfo|coo|cmo|cro|vp|head|director|manager|champion|buyer|boss|team)\b",
                        re.I)

#: What stands for the next step's words while the rest of the instruction is read (a word no record has).
STEP_PLACEHOLDER = "stepword"


def hide_next_step(clean: str) -> tuple[str, str | None, int]:
    """``(text, step, at)``: ``clean`` with the words of a next step said outright replaced by
    :data:`STEP_PLACEHOLDER`, the words themselves, and where they started - so that "send the revised proposal" or
    "schedule the kickoff with Oliver" are the step's text, never a stage, a meeting or a person to act on.
    ``(clean, None, -1)`` when no next step is said that way."""
    if (before := _STEP_BEFORE.search(clean)) is not None and len(before.group("step").split()) >= 2:
        # (the field named after the words: they are the step whatever they say)
        return (clean[:before.start("step")] + STEP_PLACEHOLDER + clean[before.end("step"):], before.group("step").strip(),
                before.start("step"))
    m = _NEXT_STEP_SAID.search(clean)
    if m is None or len(m.group("step").split()) < 2 or not _STEP_RISK.search(m.group("step")) \
            or re.search(r"\b(?:book|schedule|set\s+up|send|draft|log)\s+(?:it|that|one|them)\b", clean[m.end("step"):], re.I):
        # ("set the next step to a meeting with Iris Fischer and book it for the 4th": "it" needs the step's words)
        return clean, None, -1
    return clean[:m.start("step")] + STEP_PLACEHOLDER + clean[m.end("step"):], m.group("step").strip(), m.start("step")


#: "... intro'd me to her cofounder, add him, Marcus Liu": a person added by a pronoun, then named.
_ADD_HIM_NAMED = re.compile(r"(?P<add>\b(?:please\s+)?(?:add|create)\s+)(?:him|her|them)\s*[,:-]\s*"
                            r"(?P<name>(?-i:[A-Z])[a-z'-]+\s+(?-i:[A-Z])[a-z'-]+)\b", re.I)
_RELATION_BEFORE = re.compile(r"\b(?P<whose>her|his|their|(?-i:[A-Z])[a-z]+(?:\s+(?-i:[A-Z])[a-z'-]+)?)(?:'s)?\s+(?:new\s+)?"
                              r"(?:colleague|co-?worker|boss|manager|assistant|deputy|co-?founder|business\s+partner|partner)\b", re.I)


def _relation_added(clean: str, index: EntityIndex, ctx: Target | None) -> str:
    """``clean`` with "add him, Marcus Liu" said as "add Marcus Liu at <company>", the company of the person he is
    related to earlier in the sentence ("intro'd me to her cofounder": the contact in view's). Unchanged when the
    name is a workspace contact already or nothing is said of a relation."""
    m = _ADD_HIM_NAMED.search(clean)
    if m is None or any(c.name.lower() == m.group("name").lower() for c in index.contacts.values()):
        return clean
    before = list(_RELATION_BEFORE.finditer(clean[:m.start()]))
    if not before:
        return clean
    company = introductions.related_company(before[-1].group("whose"), index, ctx)
    rest = clean[m.end():]
    at = f" at {company}" if company and not re.search(r"\b(?:at|from)\s+(?-i:[A-Z])", rest) else ""
    if _IMPERATIVE.search(clean[:m.start()]):
        return clean[:m.start()] + f"{m.group('add')}{m.group('name')}{at}" + rest
    return f"Add {m.group('name')}{at}" + rest  # ("She just intro'd me to her cofounder": how they met, nothing to do)


#: A sentence that is only a day and/or a time: "Next Thursday at 330 in the afternoon." (the recogniser's full stop
#: cut it from the booking before it).
_WHEN_FRAGMENT = re.compile(
    r"(?:next|this|on|at|around|tomorrow|today|monday|tuesday|wednesday|thursday|friday|the\s+\d|\d)\b[^.!?]{0,50}", re.I)
_FRAGMENT_VERB = re.compile(r"\b(?:is|are|was|were|want|wants|need|needs|said|says|has|have|had|will|can|book|log|move|set|"
                            r"add|send|call|email|push|mark|update|change|create|remind|give|assign)\b", re.I)
#: A command whose object is still to come after the stop: "Close date for Granite Health." then "Make it the 20th."
_FIELD_FOR = re.compile(r"(?:^|(?<=[.!?]\s))\W*(?:the\s+)?(?:close\s+date|closing\s+date|amount|next\s+step|stage|owner)\s+"
                        r"(?:for|on|of)\s+[^.!?]{2,50}$", re.I)


def _without_dates(text: str, today: date) -> str:
    """``text`` with the dates it says blanked out ("move the close up to December 4": no figure besides the date)."""
    for _ in range(3):
        found = find_date(text, today)
        if found is None or found[2] <= found[1]:
            break
        text = text[:found[1]] + " " * (found[2] - found[1]) + text[found[2]:]
    return text


def join_fragments(clean: str) -> str:
    """``clean`` with the full stops a recogniser puts at pauses taken out where the next sentence cannot stand on its
    own: a day/time fragment after a booking ("Book a demo with Priya. Next Thursday at 3:30." -> "..., next Thursday
    at 3:30."), "make it ..." after a field named for a record ("Close date for Granite Health. Make it the 20th."),
    and what an e-mail is to say after the request to draft it ("Draft an email to Nina, subject X. Ask if Thursday
    works."). Sentences that are commands of their own are left alone."""
    parts = re.split(r"(?<=[a-z0-9])\.\s+(?=[A-Z0-9])", clean)
    if len(parts) < 2:
        return clean
    out = [parts[0]]
    for part in parts[1:]:
        prev = out[-1]
        booking = re.search(r"\b(?:book|schedule|set\s+up|pencil\s+in|arrange)\b", prev, re.I) \
            and not find_date(prev, date(2000, 1, 1)) and not re.search(r"\b\d{1,2}(?::\d\d)?\s*(?:am|pm)\b|\bat\s+\d", prev, re.I)
        emailing = re.search(r"\b(?:draft|write|send|compose)\b[^.]{0,40}\b(?:e-?mail|note|message|recap|follow[- ]?up)\b", prev, re.I) \
            and not re.search(r"\b(?:saying|say|tell|ask|body)\b", prev, re.I)
        if booking and _WHEN_FRAGMENT.fullmatch(part.rstrip(" .")) and not _FRAGMENT_VERB.search(part):
            out[-1] = f"{prev}, {part[:1].lower()}{part[1:]}"
        elif _FIELD_FOR.search(prev) and re.match(r"\W*(?:make|set|change|put|move)\s+it\b|\W*(?:it'?s|it\s+should\s+be)\b", part, re.I):
            out[-1] = f"{prev}, {part[:1].lower()}{part[1:]}"
        elif re.match(r"\W*(?:actually|sorry|no|wait|scratch\s+that|or\s+rather)\b\W*(?:no\W+)?(?:make\s+(?:it|that)|let'?s\s+(?:say|do))\b",
                      part, re.I) and re.search(r"\b(?:book|schedule|set\s+up|meeting|call|demo)\b", prev, re.I) \
                and re.search(r"\bat\s+\d", prev, re.I):
            out[-1] = f"{prev}, {part[:1].lower()}{part[1:]}"  # "... on Monday at 3. Actually make it 4 p.m.": one correction
        elif emailing and re.match(r"\W*(?:ask|say|tell|let\s+(?:him|her|them)\s+know|thanks|thank\s+you|mention)\b", part, re.I):
            out[-1] = f"{prev}, {part[:1].lower()}{part[1:]}"
        else:
            out.append(part)
    return ". ".join(out)


def half_said(clean: str) -> str:
    """``clean`` with "<number> and a half" said as "<number> point five" ("twelve k, no, fourteen and a half" ->
    "..., fourteen point five"), so that no "and" splits a clause inside a number; durations ("two and a half weeks")
    are left as they are."""
    return re.sub(r"\b(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
                  r"seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|"
                  r"five|six|seven|eight|nine))?)\s+and\s+a\s+half\b(?!\s+(?:weeks?|days?|hours?|months?|years?|minutes?|mins?|hrs?|a\s+\w+)\b)",
                  lambda m: f"{m.group('n')}.5" if m.group("n").isdigit() else f"{m.group('n')} point five", clean, flags=re.I)


def _two_people(before: str, index: EntityIndex) -> list[str]:
    """The full names of the people named (each as one workspace contact) in ``before``, in the order said, or
    fewer/more than two when it is not a pair (then nothing is rewritten)."""
    names: list[str] = []
    for m in index.find_mentions(before):
        if m.kind == "contact" and len(m.ids) == 1 and (name := index.contacts[m.ids[0]].name) not in names:
            names.append(name)
    return names


def _meetings_each(text: str) -> str:
    """Several meetings booked in one breath, one sentence each: "Book two check-ins for Monday, Ava Vogel at 10
    and Dan Hughes at 11." -> "Book a check-in with Ava Vogel for Monday at 10. Book a check-in with Dan Hughes
    for Monday at 11." (unchanged unless two people or more are each given a time)."""
    for pattern in _MEETINGS_LIST:
        if (m := pattern.match(text)) is None:
            continue
        items = list(_MEETING_ITEM.finditer(m.group("list")))
        if len(items) < 2:
            continue
        kind = re.sub(r"s$", "", m.group("kind").strip())
        kind = kind if " " in kind or kind.lower() not in ("intro",) else "intro call"
        art = "an" if kind[:1].lower() in "aeiou" else "a"
        both = re.search(r"\b(?:both|all)\s+(?:at|from)\s+(?P<co>(?-i:[A-Z])[\w&'-]*(?:\s+(?-i:[A-Z])[\w&'-]*){0,3})", m.group("list"), re.I)
        at = f" at {both.group('co')}" if both else ""  # ("..., both at Juniper Systems": where each of them is)
        return " ".join(f"Book {art} {kind} with {i.group('who')}{at} {m.group('when').strip()} at {i.group('t')}." for i in items)
    return text

#: A new contact's sentence and the one after it that goes on about the person: "... Hannah Moss. She's the new CFO"
_NEW_CONTACT_GOES_ON = re.compile(
    r"^(?P<head>\W*(?:(?:please|ok|okay|so)\W+)*(?:add|create|new)\b[^.?!]{0,60}?\b(?:contact|lead|person)\b[^?!]{0,160}?"
    r"(?-i:[A-Z])[a-z'-]+)\.\s+(?=(?:(?:he|she|they)(?:'s|\s+is|'re|\s+are)\b|(?:(?:his|her|their)\s+)?(?:e-?mail|phone|number|"
    r"mobile|cell|direct line)\b|[\w.+-]+@))", re.I)


def rewrite(clean: str, index: EntityIndex, today: date, ctx: Target | None) -> str:
    """``clean`` (an instruction after sanitising, filler removal and the speaker's corrections) rewritten into
    the plainer phrasing the clause reader knows: the everyday ways of saying a record change, a meeting, an e-mail,
    a new company or contact, a handover, a correction are turned into one canonical sentence each ("set Dan Hughes
    as an opportunity" -> "mark Dan Hughes as an opportunity"). ``index`` resolves names, ``today`` anchors dates
    said relative to others ("that afternoon"), ``ctx`` is the record in view. Returns the rewritten text (the
    input itself when nothing applies); never raises on any input."""
    # "Set up a company record for Larkspur Clinics", "open an account for ...": a new company is added
    # "flip her lifecycle to opportunity", "switch his owner to Sam": a field set in other words
    clean = re.sub(r"\b(?:flip|switch|swap|bump)\s+(?=(?:her|his|their|its|the|(?-i:[A-Z])[a-z'-]+(?:\s+(?-i:[A-Z])[a-z'-]+)?['\u2019]s)\s+"
                   r"(?:lifecycle(?:\s+stage)?|owner|title|job\s+title)\s+to\b)", "set ", clean, flags=re.I)
    # "Morgan is the renewal owner for Northwind going forward": the deal goes to that teammate
    if (owns := re.match(r"^\W*(?:(?:oh|and|so|also|ok|okay)\W+)*(?P<who>(?-i:[A-Z])[a-z]+)\s+(?:is|will\s+be|'s)\s+(?:now\s+)?the\s+"
                         r"(?:renewal\s+|deal\s+|account\s+|new\s+)?owner\s+(?:for|of|on)\s+(?P<rec>(?:the\s+)?(?-i:[A-Z])[\w&'-]*"
                         r"(?:\s+(?-i:[A-Z])[\w&'-]*){0,3}(?:\s+(?:deal|account|renewal))?)(?:\s+(?:going\s+forward|from\s+now\s+on|now))?\W*$",
                         clean, re.I)) and any(u.split()[0].lower() == owns.group("who").lower() for u in index.users):
        clean = f"Assign {owns.group('rec')} to {owns.group('who')}."
    # "Globex is at 190k now and Vertex slipped to January": a second record with its own news is a sentence of its own
    def _own_sentence(m: re.Match[str]) -> str:
        here = [x for x in index.find_mentions(m.group("rec")) if x.kind in ("company", "deal")]
        before = [x for x in index.find_mentions(clean[:m.start()]) if x.kind in ("company", "deal")]
        if here and before and not set(here[0].ids) & set(before[-1].ids):
            return f". {m.group('rec')} "
        return m.group(0)
    clean = re.sub(r",?\s+and\s+(?P<rec>(?-i:[A-Z])[\w&'-]*(?:\s+(?-i:[A-Z])[\w&'-]*){0,3})\s+(?=(?:slipped|slips|moved|moves|is|was|went|goes|"
                   r"signed|closed|dropped|jumped|pushed|needs|wants|has|had|came|comes|got|gets|said|says|renewed|churned)\b)",
                   _own_sentence, clean)
    # "Harbor Health is past the demo, they've got the proposal in hand now": beyond Demo Scheduled, in Proposal Sent
    clean = re.sub(r"\b(?:is|are|'s|'re)\s+(?:now\s+)?(?:past|beyond|done\s+with|through|finished\s+with)\s+(?:the\s+)?demo\b",
                   "is past that stage", clean, flags=re.I)
    clean = re.sub(r"(?<=past that stage, )(?:they'?ve|they\s+have)\s+(?:got|received)\s+(?:the|our)\s+proposal(?:\s+in\s+hand)?(?:\s+now)?\b",
                   "they're in proposal sent now", clean, flags=re.I)
    # "..., call at 40k all in" (the recogniser's "at" for "it" before a figure with its scale)
    clean = re.sub(r"\bcall\s+at\s+(?=\$?\d[\d,.]*\s*(?:k|grand|thousand)\b)", "call it ", clean, flags=re.I)
    # "Call it forty K all in": a figure settled on, never a call to book
    clean = re.sub(r"\bcall\s+it\s+(?=\$?\d|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
                   r"forty|fifty|sixty|seventy|eighty|ninety|a\s+hundred)\b)", "make it ", clean, flags=re.I)
    # "Initech's demo is done, bump them ...": a demo that happened is had, not scheduled (no "Demo Scheduled" from it)
    clean = re.sub(r"^(?P<pre>\W*(?:(?:so|ok|okay)\W+)*)(?P<co>(?-i:[A-Z])[\w&'-]*(?:\s+(?-i:[A-Z])[\w&'-]*){0,3})['\u2019]s\s+demo\s+"
                   r"(?:is|was|'s)\s+(?:done|over|finished|complete|completed|wrapped)\b",
                   r"\g<pre>We had the \g<co> demo", clean, flags=re.I)
    # "bump them to the next stage", "move Acme up a stage": one stage forward
    clean = re.sub(r"\b(?:to|into)\s+the\s+next\s+stage\b|\bup\s+a\s+stage\b", "one stage forward", clean, flags=re.I)
    # "Got an email back from Yusuf Evans, he wants to push to next month. Log it.": a report logged as it was said -
    # what the person wants is what they said, not a change
    if (got := re.match(r"^\W*(?:(?:so|ok|okay|just)\W+)*(?:got|had|received)\s+(?:an?\s+)?(?P<kind>e-?mail|call|voicemail)\s+"
                        r"(?:back\s+)?from\s+(?P<who>(?-i:[A-Z])[a-z'-]+\s+(?-i:[A-Z])[a-z'-]+)\s*[,.:;]\s*(?P<rest>[^.!?]+?)[.!]?\s+"
                        r"(?:(?:please|so|and)\s+)?(?:log|note)\s+(?:it|that|this)\W*$", clean, re.I)) \
            and not _IMPERATIVE.search(got.group("rest")):
        kind = got.group("kind").lower().replace("e-mail", "email")
        clean = f"Log {'an' if kind == 'email' else 'a'} {kind} from {got.group('who')}: {got.group('rest').rstrip(' ,;')}."
    # "draft to Ben Jensen: recap of Friday's workshop, ...": a typed e-mail draft, its words after the colon
    clean = re.sub(r"^(\W*)draft\s+(?:to|for)\s+(?=(?-i:[A-Z])[a-z'-]+(?:\s+(?-i:[A-Z])[a-z'-]+)?\s*:)", r"\1Draft an email to ", clean, flags=re.I)
    # "What day did I last talk to James Whitfield?": when
    clean = re.sub(r"\b(?:what|which)\s+(?:day|date)\s+(?=did\s+(?:i|we)\s+last\b)", "when ", clean, flags=re.I)
    # "How many proposals do we have out right now?": deals in the proposal stage
    clean = re.sub(r"\bhow\s+many\s+proposals\s+(?:do\s+we\s+have\s+|are\s+(?:there\s+)?|have\s+we\s+got\s+)?"
                   r"(?:out(?:standing)?|pending|in\s+flight|open|sent)\b", "how many deals are in proposal sent", clean, flags=re.I)
    # "How much have we closed won this calendar year?": the year, not a calendar to book in
    clean = re.sub(r"\b(this|last|next|the)\s+calendar\s+year\b", r"\1 year", clean, flags=re.I)
    if (dictated := re.match(r"^(?P<head>\W*(?:(?:please|ok|okay|so)\W+)*(?:(?:draft|write|send|compose)\s+(?:a|an)\s+(?:quick\s+|short\s+)?"
                             r"(?:follow[- ]?up\s+)?(?:e-?mail|note|follow[- ]?up|reply|message)|e-?mail\s+draft)\s+(?:to|for)\s+"
                             r"(?-i:[A-Z])[a-z'-]+(?:\s+(?-i:[A-Z])[a-z'-]+)?)"
                             r"\.\s+(?P<body>(?-i:[A-Z]).+)$", clean, re.I | re.S)) \
            and not any(_IMPERATIVE.search(part) for part in re.split(r"(?<=[.!?])\s+", dictated.group("body"))) \
            and not re.match(r"(?:subject|re)\b", dictated.group("body"), re.I):
        # "Draft a quick email to Jonas Weber. Proposal attached. Happy to walk through it on Monday.": the recogniser's
        # stops after the recipient; what follows is the e-mail's words
        words = re.sub(r"(?<=\w)[.!]\s+(?=\S)", ", ", dictated.group("body").strip())
        clean = f"{dictated.group('head')}: {words[:1].lower()}{words[1:]}"
    clean = re.sub(r"\b(?:set\s+up|open|start|make|spin\s+up)\s+(?=(?:a|an)\s+(?:new\s+)?(?:company|account|client)\s+"
                   r"(?:record\s+|entry\s+)?(?:for|called|named)\s+(?-i:[A-Z]))", "create ", clean, flags=re.I)
    clean = re.sub(r"\b(?:set\s+up|open|start|make)\s+(?=(?-i:[A-Z])[\w&'-]*(?:\s+(?-i:[A-Z])[\w&'-]*){0,3}\s+as\s+(?:a|an)\s+"
                   r"(?:new\s+)?(?:company|account|client)\b)", "add ", clean, flags=re.I)
    if (new_co := _NEW_COMPANY_SAID.match(clean)) and not any(
            m.kind == "company" for m in index.find_mentions(new_co.group("name") or new_co.group("name2"))):
        # "New logo: Brightwater Analytics, brightwater dot io, ...", "Add Northbeam Studio, a design agency in
        # Portland, ...": a company the workspace does not have yet, announced as such
        clean = f"Add {new_co.group('name') or new_co.group('name2')} as a company, " + clean[new_co.end():]
    # "Create a contact, first name Amara, last name Okonkwo, ...": the name said field by field
    clean = re.sub(r"\bfirst\s+name\s*(?:is\s+|:\s*)?(?P<f>(?-i:[A-Z])[\w'-]+)\s*,?\s*(?:and\s+)?(?:the\s+)?(?:last|sur|family)\s*name\s*"
                   r"(?:is\s+|:\s*)?(?P<l>(?-i:[A-Z])[\w'-]+)", r"\g<f> \g<l>", clean, flags=re.I)
    # "Write him a follow-up saying I'll be in Atlanta ...", "drop her a line saying ...": a message with its words is an e-mail
    clean = re.sub(r"\b(?P<v>write|drop|shoot|send|fire\s+off)\s+(?P<who>him|her|them|(?-i:[A-Z])[a-z]+(?:\s+(?-i:[A-Z])[a-z'-]+)?)\s+"
                   r"(?:a\s+)?(?P<q>quick\s+|short\s+)?(?:follow[- ]?up|line|message|reply)(?!\s+e-?mail)\s+"
                   r"(?=saying|that says|to say|telling|letting|about|re\b|with\b|asking)",
                   lambda m: f"write {m.group('who')} a {m.group('q') or ''}follow-up email ", clean, flags=re.I)
    # "Raj said yes to an intro call, next Wednesday at half ten, can you put it in?": the meeting is booked
    if re.search(r"\b(?:call|meeting|demo|session|check-?in|kickoff|kick-off|review|workshop|lunch|coffee)\b", clean, re.I):
        clean = re.sub(r"[,.]?\s*(?:(?:can|could|would)\s+you\s+(?:please\s+)?)?(?:put|pop|stick|get|add|slot)\s+(?:it|that|this)\s+"
                       r"in(?:\s+(?:for\s+me|please))?\s*[?.!]?\s*$", ", put it in the calendar.", clean, flags=re.I)
        clean = re.sub(r"\bsaid\s+yes\s+to\b", "agreed to", clean, flags=re.I)
    # "Can we get Tom Becker's QBR on the calendar for December 8th, 11 in the morning?", "Grab time with Zoe Silva ...":
    # a meeting booked, said the everyday way
    if cal := re.match(r"^\W*(?:(?:so|ok|okay|hey)\W+)*(?:(?:can|could)\s+(?:we|you)\s+(?:please\s+)?|let'?s\s+|please\s+)?"
                       r"(?:get|put|pop|stick)\s+(?P<what>[^,.?]{3,60}?)\s+(?:on|in|into)\s+(?:the|my|our)\s+(?:calendar|diary|books)\b",
                       clean, flags=re.I):
        clean = f"book {cal.group('what')}" + re.sub(r"\?\s*$", ".", clean[cal.end():])
    clean = re.sub(r"\b(?:book|schedule|set\s+up|arrange)\s+(?P<who>(?-i:[A-Z])[a-z]+(?:\s+(?-i:[A-Z])[\w'-]+)?)['\u2019]s\s+"
                   r"(?P<what>(?:QBR|quarterly review|renewal review|kickoff|kick-off|demo|onboarding(?:\s+session)?|check-?in|"
                   r"review|training(?:\s+session)?|workshop))\b",
                   lambda m: f"book a {m.group('what')} with {m.group('who')}", clean, flags=re.I)
    clean = re.sub(r"\b(?:grab|find|carve\s+out|block(?:\s+out)?|get)\s+(?:some\s+)?time\s+with\b", "book a meeting with", clean,
                   flags=re.I)
    clean = re.sub(r"(?<=[\d,]\s)(?<!\bat\s\d\s)(?<!\bat\s\d\d\s)(?P<h>\d{1,2}(?::\d\d)?)\s+in\s+the\s+(?P<p>morning|afternoon|evening)\b",
                   r"at \g<h> in the \g<p>", clean, flags=re.I)  # "December 8th, 11 in the morning"
    clean = _meetings_each(clean)
    # "from six grand to nine": the second figure is in the same units
    clean = re.sub(r"\bfrom\s+(?P<a>[\w.-]+(?:\s+[\w.-]+)?)\s+(?P<s>grand|k|thousand)\s+to\s+(?P<b>(?:\d+(?:\.\d+)?|one|two|three|four|five|six|"
                   r"seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty)(?:[- ](?:one|two|three|four|five|six|seven|eight|"
                   r"nine))?)\b(?!\s*(?:grand|k|thousand|million|percent|%|dollars|bucks))",
                   r"from \g<a> \g<s> to \g<b> \g<s>", clean, flags=re.I)
    # "ava vogel's email bounced. the right one is ava@..., can you fix that": the address given is set
    clean = re.sub(r"(?P<who>\b[A-Za-z][a-z]+\s+[A-Za-z][\w'-]+)['\u2019]s\s+e-?mail(?:\s+address)?\s+(?:bounced|is\s+bouncing|"
                   r"is\s+wrong|is\s+dead|doesn'?t\s+work|is\s+out\s+of\s+date)\s*[.,;]?\s*(?:the\s+)?(?:right|correct|new|good|"
                   r"working)\s+(?:one|address)\s+is\s+(?P<addr>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)\s*(?:,?\s*(?:can|could)\s+you\s+"
                   r"(?:please\s+)?(?:fix|update|change)\s+(?:that|it)\W*)?",
                   r"set \g<who>'s email to \g<addr>. ", clean, flags=re.I).strip()
    # "Email to Gina Rossi bounced, her new address is gina@...": the address given is set
    clean = re.sub(r"^\W*(?:(?:my|the|our)\s+)?(?:e-?mail|message)\s+to\s+(?P<who>(?-i:[A-Z])[a-z]+\s+(?-i:[A-Z])[\w'-]+)\s+bounced\s*[.,;]?\s*"
                   r"(?:(?:her|his|their|the)\s+)?(?:new|right|correct|working)\s+(?:e-?mail\s+)?(?:address|one)\s+is\s+"
                   r"(?P<addr>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)",
                   r"set \g<who>'s email to \g<addr>", clean, flags=re.I)
    # "Ben at Quartz said to call back after the new year, so set me a reminder for January 5th": the task is what
    # they asked for, with them, on the day said
    if (asked := re.match(r"^\W*(?P<who>(?-i:[A-Z])[a-z]+(?:\s+(?-i:[A-Z])[\w'-]+)?(?:\s+(?:at|from)\s+(?-i:[A-Z])[\w&'-]*(?:\s+(?-i:[A-Z])[\w&'-]*)?)?)"
                          r"\s+(?:said|asked\s+(?:me|us))\s+to\s+(?P<v>call|ring|email|ping|follow\s+up|check\s+in|circle)\s*(?P<back>back)?"
                          r"(?P<why>[^,.;]*?)\s*[,;]\s*(?:so\s+)?(?:please\s+)?(?:set|add|create|make|put\s+in)\s+(?:me\s+)?(?:a\s+)?"
                          r"(?:reminder|task)\s+(?P<when>(?:for|on|in|next|this)\b[^,.;]*)\W*$", clean, re.I)):
        back_said = " back" if asked.group("back") else ""
        clean = f"Remind me {asked.group('when')} to {asked.group('v').lower()} {asked.group('who')}{back_said}."
    # "Zoe Price and Leo Vogel should both be customers", "make Zoe Price and Leo Vogel customers": each one's stage
    if (both := re.match(r"^\W*(?:(?:so|and|ok|okay)\W+)*(?:(?:make|mark|set)\s+)?(?P<a>(?-i:[A-Z])[a-z]+\s+(?-i:[A-Z])[\w'-]+)\s+and\s+"
                        r"(?P<b>(?-i:[A-Z])[a-z]+\s+(?-i:[A-Z])[\w'-]+)\s+(?:should\s+(?:both\s+)?be\s+|are\s+(?:both\s+)?(?:now\s+)?|as\s+)?"
                        r"(?:both\s+)?(?P<lc>customers|opportunities|evangelists|subscribers|mqls|sqls)\b(?:\s+now)?\W*$",
                        re.sub(r"^.*?\bso\s+(?=(?-i:[A-Z]))", "", clean), re.I)) \
            and not _IMPERATIVE.search(clean[:max(0, len(clean) - len(both.string))]):
        one = {"customers": "a customer", "opportunities": "an opportunity", "evangelists": "an evangelist",
               "subscribers": "a subscriber", "mqls": "an MQL", "sqls": "an SQL"}[both.group("lc").lower()]
        clean = f"Mark {both.group('a')} as {one}. Mark {both.group('b')} as {one}."
    # "They churned, so mark the Tidal Media contacts as other: Kara Novak, Dan Moreau and Carla Ortiz": each one's stage
    if listed := re.search(r"\b(?:mark|make|set|move)\s+(?:the\s+|all\s+(?:the\s+)?)?(?:[\w&'-]+\s+){0,3}?(?:contacts|people)\s+(?:as\s+|to\s+)?"
                           r"(?:an?\s+)?(?P<lc>other|customers?|leads?|opportunit(?:y|ies)|evangelists?|subscribers?)\s*[:,-]\s*"
                           r"(?P<list>(?-i:[A-Z])[a-z]+\s+(?-i:[A-Z])[\w'-]+(?:\s*,\s*(?-i:[A-Z])[a-z]+\s+(?-i:[A-Z])[\w'-]+)*"
                           r"\s*,?\s+and\s+(?-i:[A-Z])[a-z]+\s+(?-i:[A-Z])[\w'-]+)\W*$", clean, re.I):
        stage = {"customers": "customer", "leads": "lead", "opportunities": "opportunity", "evangelists": "evangelist",
                 "subscribers": "subscriber"}.get(listed.group("lc").lower(), listed.group("lc").lower())
        art = "an" if stage[0] in "aeiou" else "a"
        names = [n.strip() for n in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", listed.group("list")) if n.strip()]
        said = " ".join(f"Mark {n} as {art} {stage}." if stage != "other" else f"Set {n}'s lifecycle stage to other."
                        for n in names)
        before = clean[:listed.start()]
        clean = said if not _IMPERATIVE.search(re.sub(r"^.*\bso\s*$", "", before)) else clean
    # "how many proposals are out the door": deals in Proposal Sent
    clean = re.sub(r"\bproposals\s+(?:are\s+)?(?:out(?:\s+the\s+door)?|outstanding|pending|still\s+out)\b", "deals are in proposal sent",
                   clean, flags=re.I)
    # "Rachel Adams has left Northwind, she's at Brightline Retail now": the person's new company
    clean = re.sub(r"(?P<who>(?-i:[A-Z])[a-z]+\s+(?-i:[A-Z])[\w'-]+)\s+(?:has\s+)?left\s+[^,.;]{2,40}?\s*[,;]\s*(?:and\s+)?(?:so\s+)?"
                   r"(?:she|he|they)(?:'s|\s+is|'re|\s+are)\s+(?:now\s+)?(?:at|with|over\s+at|working\s+(?:at|for)|"
                   r"a\s+[a-z ]{2,30}?\s+at)\s+(?P<co>(?-i:[A-Z])[\w&'-]*(?:\s+(?-i:[A-Z])[\w&'-]*){0,3})(?:\s+now)?",
                   r"\g<who> has moved to \g<co>", clean)
    # "Omar Walsh gave me his direct line, it's +1 305 555 0142": the number is the person's phone
    clean = re.sub(r"(?P<who>(?-i:[A-Z])[a-z]+\s+(?-i:[A-Z])[\w'-]+)\s+(?:gave|sent|texted)\s+(?:me|us)\s+(?:his|her|their)\s+(?:new\s+)?"
                   r"(?:direct\s+(?:line|dial)|(?:phone\s+|mobile\s+|cell\s+)?number|mobile|cell)\s*[,:\-]?\s*(?:(?:it'?s|which\s+is)\s+)?"
                   r"(?=\+?\d)", r"set \g<who>'s phone number to ", clean, flags=re.I)
    if ctx is not None and ctx.type == "contact" and ctx.id.isdigit() and int(ctx.id) in index.contacts and (bare := re.match(
            r"^\W*(?:(?:please|ok|okay|so|just)\W+)*(?:log|record|add)\s+(?:a|an|the)\s+(?:quick\s+|short\s+)?(?P<kind>call|meeting|note)"
            r"\s*[.:]\s+(?=\S)", clean, re.I)) and not any(
            _IMPERATIVE.search(part) for part in re.split(r"(?<=[.!?;])\s+", clean[bare.end():])):
        # on Omar's page: "Log a call. He's bringing Zoe into the next meeting and wants references.": the call is with the
        # person in view; the people named after it are what was said
        kind = bare.group("kind").lower()
        in_view = index.contacts[int(ctx.id)].name
        clean = f"Log a {kind} {'on' if kind == 'note' else 'with'} {in_view}: " + clean[bare.end():]
    if (report := _LOG_THEN_REPORT.match(clean)) and not any(
            _IMPERATIVE.search(part) for part in re.split(r"(?<=[.!?;])\s+", clean[report.end():])):
        # "Log a call with Dan Alvarez. He confirmed budget at thirty-six k but wants us to kill the video
        # deliverable.": what the person said after the logged call is the call's text, as after a colon; a
        # figure reported there changes no field (a sentence that asks for a change still does)
        clean = clean[:report.end("head")] + ": " + clean[report.end():]
    # "Jordan's taking over the Upland Media account, so make Jordan the owner of Dan Hughes and Ava Vogel": the
    # handover is the reason; what to reassign is what the request after "so" names
    if (handover := re.match(r"^\W*(?:(?:ok|okay|so|fyi|heads up)\W+)*(?-i:[A-Z])[a-z]+(?:\s+(?-i:[A-Z])[a-z]+)?(?:'s|\s+is|\s+will\s+be)\s+"
                             r"(?:taking\s+over|picking\s+up|inheriting)\s+[^.,;]{3,60}?\s*[,;]?\s*so\s+"
                             r"(?=(?:please\s+)?(?:make|set|give|assign|reassign|hand|move)\b[^.;]*\b(?:owner|to)\b)", clean, re.I)) \
            and not re.search(r"\b(?:those|these|them|it|both|all)\b", clean[handover.end():], re.I) \
            and any(m.kind == "contact" for m in index.find_mentions(clean[handover.end():])):
        clean = clean[handover.end():]
    if (asked := _ASKED_SELF_WHO.search(clean)) and (first := asked.group("new").split()[0]).lower() == asked.group("pick").lower():
        # "Book the kickoff with Zoe Price, or wait, is Leo Vogel the admin? Yeah, do Leo, Monday at 9:30": the person
        # the speaker asked themself about and picked replaces the one said before
        before = clean[:asked.start()]
        named = [m for m in index.find_mentions(before) if m.kind == "contact"]
        if named and first:
            last = named[-1]
            rest = asked.group("rest").strip()
            clean = (before[:last.start] + asked.group("new") + before[last.end:]).rstrip(" ,") + (f", {rest}" if rest else "")
    # "Send the renewal deck to Rachel Adams", "send Rachel Adams the pricing sheet": something sent to a person is
    # an e-mail drafted to them with it
    sent_already = re.search(r"\blog\s*(?:it|that|this)\b|\blogit\b|\b(?:this morning|yesterday|earlier|last week)\b", clean, re.I)
    clean = clean if sent_already else re.sub(r"(?:^|(?<=[.,;!?]\s)|(?<=\band\s))\W*(?:(?:please|so|then|also|can you|could you)\s+)?send\s+(?:over\s+)?"
                   r"(?P<what>(?:the|our|a|an|my)\s+[^.,;:!?]{2,40}?)\s+(?:over\s+|across\s+)?to\s+"
                   r"(?P<who>him|her|(?-i:[A-Z])[a-z'-]+\s+(?-i:[A-Z])[a-z'-]+)\b(?!\s+(?:at|from)\b)(?!\s*(?:'s|\u2019s))",
                   lambda m: f"email {m.group('who')} {m.group('what')}" if m.group("who").lower() in ("him", "her") or any(
                       x.kind == "contact" and len(x.ids) == 1 for x in index.find_mentions(m.group("who")))
                   else m.group(0), clean, flags=re.I)
    clean = clean if sent_already else re.sub(r"(?:^|(?<=[.,;!?]\s)|(?<=\band\s))\W*(?:(?:please|so|then|also|can you|could you)\s+)?send\s+"
                   r"(?P<who>(?-i:[A-Z])[a-z'-]+\s+(?-i:[A-Z])[a-z'-]+)\s+(?=(?:the|our|a|an|my)\s+\w)",
                   lambda m: f"email {m.group('who')} " if any(
                       x.kind == "contact" and len(x.ids) == 1 for x in index.find_mentions(m.group("who")))
                   else m.group(0), clean, flags=re.I)
    # "... but the close date says January 1st. Fix it to the 17th of October": what a field shows now is no new value
    clean = re.sub(r"(?:^|\s*,?\s*(?:but|and|yet)?\s*)(?P<o>the|its|their|(?-i:[A-Z])[\w&]*(?:\s+(?-i:[A-Z])[\w&]*){0,3}['\u2019]s)\s+"
                   r"(?P<f>close\s+date|closing\s+date|amount|stage|next\s+step)\s+"
                   r"(?:still\s+|currently\s+)?(?:says|shows|reads|is\s+showing|has)\s+[^.;,]{2,40}?(?P<p>\s*[.;,]\s+(?:(?:so|please|can you|could you)\s+)?)"
                   r"(?P<v>fix|change|correct|update|set|make|move|put)\s+(?:it|that|this)\b",
                   lambda m: f"{m.group('p')}{m.group('v')} {m.group('o')} {m.group('f')}", clean, flags=re.I)
    # "mark upland works as negotiation": a deal's stage said with "mark ... as" (a person "marked as a lead" is left
    # to the lifecycle rules)
    clean = re.sub(r"\bmark\s+(?P<rec>(?!(?:him|her|them|it|this|that)\b)[^.,;:!?]{2,50}?)\s+as\s+(?:in\s+)?(?P<st>demo\s+scheduled|"
                   r"proposal\s+sent|negotiation|negotiating|qualified)\b",
                   lambda m: f"move {m.group('rec')} to {m.group('st')}" if (named := index.find_mentions(m.group("rec")))
                   and not any(x.kind == "contact" for x in named) else m.group(0), clean, flags=re.I)
    # "Reopen Upland Media as a lead": the stage it reopens in, said with an article
    clean = re.sub(r"\b(?P<v>re-?open\w*|revive\w*)\s+(?P<rec>[^.,;:!?]{2,50}?)\s+as\s+an?\s+(?=(?:lead|qualified)\b(?!\s+lead\b))",
                   r"\g<v> \g<rec> as ", clean, flags=re.I)
    # "Make the Initech deal mine", "put Acme under my name": the deal is given to the user
    clean = re.sub(r"\b(?:make|mark)\s+(?P<rec>(?:the\s+)?[^.,;:!?]{2,50}?\s+(?:deal|account|opportunity|opp))\s+(?:mine|my\s+own)\b",
                   r"assign \g<rec> to me", clean, flags=re.I)
    # "Moving Initech to proposal sent, amount stays at seventy two k": a field said to stay as it is changes nothing
    clean = re.sub(r"\s*[,;]?\s*(?:and|but|though)?\s*(?:the\s+|its\s+|their\s+)?(?P<f>amount|value|price|close\s+date|closing\s+date)\s+"
                   r"(?:stays|remains|is\s+staying|is\s+unchanged|doesn'?t\s+change|won'?t\s+change|holds)(?:\s+(?:the\s+same|as\s+is|put))?"
                   r"(?:\s+(?:at|on)\s+[^,.;!?]{1,30})?(?=\s*(?:[,.;!?]|$))|\s*[,;]?\s*(?:and|but)?\s*(?:keep|leave)\s+the\s+"
                   r"(?:amount|value|price|close\s+date)\s+(?:at|as|where)\s+[^,.;!?]{1,30}(?=\s*(?:[,.;!?]|$))", "", clean, flags=re.I).strip() or clean
    # "thank her by email", "congratulate Tom Becker over email on the promotion": an e-mail drafted to say it
    clean = re.sub(r"\b(?P<v>thank|congratulate|nudge|remind|update|invite|welcome|chase|warn)\s+(?P<who>him|her|them|(?-i:[A-Z])[a-z'-]+"
                   r"(?:\s+(?-i:[A-Z])[a-z'-]+)?)(?P<rest>(?:\s+(?!by\b|via\b|over\b)[^\s.;,]+){0,8}?)\s+(?:by|via|over|through|in\s+an?)\s+e-?mail\b"
                   r"(?P<rest2>[^.;]*)",
                   lambda m: f"email {m.group('who')} to {m.group('v').lower()} "
                             f"{m.group('who') if m.group('who').lower() in ('him', 'her', 'them') else 'them'}"
                             f"{m.group('rest')}{m.group('rest2')}", clean, flags=re.I)
    if (same_day := re.search(r"\b(?:on\s+)?that\s+(?:same\s+)?(?P<part>afternoon|morning|evening|day)\b", clean, re.I)) \
            and (said_day := find_date(clean[:same_day.start()], today)) is not None:
        # "... will sign off on the 8th. And book a follow-up with her that afternoon at three": the day said before
        d0 = said_day[0]
        part = "" if same_day.group("part").lower() == "day" else f" in the {same_day.group('part').lower()}"
        clean = clean[:same_day.start()] + f"on {d0:%B} {d0.day}{part}" + clean[same_day.end():]
    # "Add a next step on Umbrella: James wants a clinical workflow review", "Change the next step on Cedar Group to,
    # quote, send revised pricing": the value said after the record is set as the next step
    clean = re.sub(r"^(?P<pre>\W*(?:(?:please|ok|okay|so|and)\W+)*)(?:(?:add|set|change|update|make|put)\s+(?:a|the|their)\s+)?"
                   r"(?P<ns>next\s+steps?\s+(?:on|for)\s+(?:the\s+)?(?-i:[A-Z])[\w&'-]*(?:\s+(?-i:[A-Z])[\w&'-]*){0,3}(?:\s+(?:deal|account))?)"
                   r"\s*(?::|\s+to\s*,?\s*(?:quote|quote\s+unquote)\s*,?)\s*(?=\S)",
                   lambda m: f"{m.group('pre')}set the {m.group('ns')} to ", clean, flags=re.I)
    # "..., and I'm taking the deal over from Sam", "I'll take over Globex from Morgan": the deal is given to the user
    clean = re.sub(r"\b(?:i'?m|i\s+am|i'?ll|i\s+will)\s+(?:be\s+)?(?:taking|take)\s+(?:(?P<a>the\s+deal|it|that\s+deal|this\s+deal|that\s+one)\s+over|"
                   r"over\s+(?P<b>the\s+deal|(?-i:[A-Z])[\w&'-]*(?:\s+(?-i:[A-Z])[\w&'-]*){0,3}(?:\s+deal)?))"
                   r"(?:\s+from\s+(?-i:[A-Z])[a-z]+(?:\s+(?-i:[A-Z])[a-z]+)?)?",
                   lambda m: f"assign {'it' if (m.group('a') or m.group('b') or '').lower().startswith(('the deal', 'it', 'that', 'this')) else m.group('b')} to me",
                   clean, flags=re.I)
    # "Lost reason on Tidal Media should say budget frozen after the reorg, can you fix that?": the value it should have
    clean = re.sub(r"^(?P<pre>\W*(?:(?:so|ok|okay|hey|and)\W+)*)(?:the\s+)?(?P<f>lost\s+reason|next\s+step|close\s+date|competitor)\s+"
                   r"(?P<on>(?:on|for)\s+(?:the\s+)?[^,.?]{2,40}?)\s+(?:should|needs\s+to|ought\s+to)\s+(?:say|be|read)\s+(?P<v>[^,.?;]+?)"
                   r"\s*(?:[,.;]\s*(?:can|could|would)\s+you\s+(?:please\s+)?(?:fix|change|update|correct)\s+(?:that|it)(?:\s+please)?)?\s*[?.!]?\s*$",
                   lambda m: f"{m.group('pre')}set the {m.group('f')} {m.group('on')} to {m.group('v')}.", clean, flags=re.I)
    # "Update the Blue Harbor close date, it's December 18th now, not the 20th": the value said after the field
    clean = re.sub(r"\b(?P<f>close\s+date|closing\s+date|amount|stage)\s*,\s*(?:it'?s|it\s+is|that'?s)\s+(?:now\s+)?(?P<v>[^,.;]{2,30}?)"
                   r"(?:\s+now)?\s*(?:,\s*not\s+[^,.;]{2,30}?)?(?=\s*(?:[.;!]|$))",
                   r"\g<f> to \g<v>", clean, flags=re.I)
    # "Next step on Ember Logistics, get the signed pilot agreement back": the pause after the record is the colon
    clean = re.sub(r"^(\W*(?:(?:ok|okay|so|and)\W+)*(?:the\s+)?next\s+steps?\s+(?:on|for|with)\s+(?:the\s+)?(?-i:[A-Z])[\w&'-]*"
                   r"(?:\s+(?-i:[A-Z])[\w&'-]*){0,3}(?:\s+(?:deal|account))?)\s*,\s+(?=\S)", r"\1: ", clean, flags=re.I)
    # "set Dan Hughes as an opportunity": a person's lifecycle stage, said with "set ... as" like "mark ... as"
    clean = re.sub(r"\bset\s+(?P<who>him|her|them|(?-i:[A-Z])[a-z'-]+(?:\s+(?-i:[A-Z])[a-z'-]+)?)\s+as\s+(?=(?:a|an)\s+"
                   r"(?:opportunity|lead|customer|subscriber|evangelist|mql|sql|marketing[- ]qualified\s+lead|"
                   r"sales[- ]qualified\s+lead)\b(?!\s+(?:deal|for|at|on)\b))",
                   lambda m: f"mark {m.group('who')} as " if m.group("who").lower() in ("him", "her", "them") or any(
                       x.kind == "contact" for x in index.find_mentions(m.group("who"))) else m.group(0), clean, flags=re.I)
    # "FYI I emailed Dan Hughes the churn survey, can you log it.": the report is what is logged
    clean = re.sub(r"^\W*(?:fyi|heads[- ]up|just so you know|for the record)\W+(?=(?:i|we)\s)", "", clean, flags=re.I)
    clean = re.sub(r",\s*(?:can|could|would)\s+you\s+(?:please\s+)?(log|note|record)\s+(it|that|this)(?:\s+(?:please|for me))?\s*[.?!]?\s*$",
                   r", \1 \2.", clean, flags=re.I)
    # "Book thirty minutes with her next Tuesday": time booked with someone is a meeting
    clean = re.sub(r"\b(?P<v>book|schedule|set\s+up|block(?:\s+out)?)\s+(?:(?:\d+|ten|fifteen|twenty|thirty|forty[- ]five|"
                   r"forty|sixty|ninety)\s+min(?:ute)?s|an?\s+hour|half\s+an\s+hour|a\s+half[- ]hour)\s+with\b", "book a meeting with",
                   clean, flags=re.I)
    # "at 11 a.m. to go through pricing": the dots of a.m. end no sentence
    clean = re.sub(r"\b([ap])\.\s?m\.(?=\s+[a-z])", r"\1m", clean, flags=re.I)
    # "on the last day of the month": its end
    clean = re.sub(r"\bthe\s+last\s+day\s+of\s+(?:the|this)\s+month\b", "the end of the month", clean, flags=re.I)
    # "Set a thirty-minute call with Uma ...": how long a call is does not change what it is
    clean = re.sub(r"\b(?P<a>a|an)\s+(?P<q>quick\s+)?(?:(?:\d+|[a-z]+(?:[- ][a-z]+)?)[- ]min(?:ute)?s?|half[- ]an?[- ]hour|one[- ]hour|"
                   r"half[- ]hour|hour[- ]long)(?:[- ]long)?\s+(?=(?:call|meeting|demo|chat|session|check-?in|sync|catch-?up|"
                   r"review|walkthrough|zoom)\b)", lambda m: "a " + (m.group("q") or ""), clean, flags=re.I)
    # "Set a follow-up with him a week from Tuesday at 4": a follow-up with a clock time is a meeting booked
    clean = re.sub(r"^(\W*(?:(?:please|ok|okay|so|and)\W+)*)(?:set|book|schedule|put in)(?:\s+up)?\s+(?:a|an)\s+follow[- ]?up\s+"
                   r"(?=with\b[^.;]*\bat\s+(?:\d|noon|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b)",
                   r"\1book a follow-up meeting ", clean, flags=re.I)
    # "And the close date, they said end of Feb, realistically": the date said for the field is set
    clean = re.sub(r"\b(?:and\s+)?the\s+close\s+date\s*,\s*(?:(?:they|she|he)\s+(?:said|say|says|reckon|think|figure)|"
                   r"(?:probably|realistically|honestly))\s*,?\s+(?=\S)", "set the close date to ", clean, flags=re.I)
    # "renewed for another year at thirty-eight k": the year is another; the amount is not added
    clean = re.sub(r"\b(for|of)\s+another\s+(year|month|quarter|term|cycle|season)\b", r"\1 a further \2", clean, flags=re.I)
    # "Discount the Acme deal by 10 percent": the verb is a cut
    clean = re.sub(r"^(\W*(?:(?:please|so|and|ok|okay)\s+)*)discount\b(?=.{1,60}?\bby\s+(?:\d|one|two|three|four|five|six|seven|eight|"
                   r"nine|ten|twelve|fifteen|twenty|thirty|forty|fifty|an?\b))", r"\1cut", clean, flags=re.I)
    # "Add Priya's colleague Marco Visser, ...", "She just intro'd me to her cofounder, add him, Marcus Liu, he's the CTO":
    # the new person is the one named; the relation says where they work (the related person's company)
    clean = _relation_added(clean, index, ctx)
    # "her email's wrong. It should be uma@x.example": the value said after the complaint
    clean = re.sub(r"\b(e-?mail|address)(?:'s|\s+is)\s+(?:wrong|off|incorrect|out of date|outdated|bouncing)\s*[.,;]?\s*(?:it\s+)?"
                   r"(?:should be|is actually|needs to be|(?:so\s+)?(?:change|update|set|fix)\s+it\s+to|(?:so\s+)?make\s+it)\s+"
                   r"(?=[\w.+-]+@|[a-z][\w.]*\s+at\s+[a-z])", "email is ", clean, flags=re.I)
    # "Carla has a new email, carla@upland.example, please update it": the value is the field's, not a clause
    clean = re.sub(r"\bnew\s+direct\s+(?:line|dial|number)\b", "new phone number", clean, flags=re.I)  # "a new direct line, +49 ..."
    clean = re.sub(r"(?<=['\u2019]s )direct\s+(?:line|dial|number)\b", "phone number", clean, flags=re.I)  # "Omar's direct line"
    # "Add Omar Walsh's phone number, it's plus one 305 ...": the value given is set, not asked for
    clean = re.sub(r"^\W*(?:please\s+)?(?:add|save|put in)\s+(?P<who>[^,]{3,40}?)['\u2019]s\s+(?P<f>phone number|phone|mobile|cell|"
                   r"e-?mail(?: address)?)\s*[,:]?\s*(?:it'?s|which is|its|:)\s+",
                   lambda m: f"set {m.group('who')}'s {m.group('f')} to ", clean, flags=re.I)
    # "Priya's number changed, it's +31 10 555 0199 now", "Tom's email has changed to tom@...": the value is set
    clean = re.sub(r"^\W*(?:(?:so|and|also|fyi|heads up|ok|okay)\W+)*(?P<who>(?-i:[A-Z])[\w'-]*(?:\s+(?-i:[A-Z])[\w'-]*)?)['\u2019]s\s+"
                   r"(?P<f>phone number|phone|number|mobile|cell|e-?mail(?: address)?)\s+(?:has\s+|just\s+)*changed\s*"
                   r"(?:[,:.;-]\s*(?:(?:it'?s|it is|its|the new one is|new one'?s|now)\s+)?|\s+to\s+)(?=[\w.+-]+@|\+?\d|(?:zero|oh|one|two|three|four|"
                   r"five|six|seven|eight|nine|plus)\b)",
                   lambda m: f"set {m.group('who')}'s {m.group('f')} to ", clean, flags=re.I)
    clean = re.sub(r"\b(new\s+(?:e-?mail|phone(?:\s+number)?|number|mobile|cell)(?:\s+address)?)\s*[,.]\s*(?:(?:it'?s|its|it is|which is)\s+)?"
                   r"(?=[\w.+-]+@|\+?\d|(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)\b)", r"\1: ", clean, flags=re.I)
    # "..., and mark her as an evangelist, would you?": a request with a tag question is a request
    clean = re.sub(r",?\s*(?:would|could|can|will)\s+you(?:\s+please)?\s*\?\s*$", ".", clean, flags=re.I)
    if (polite := _POLITE_COMMAND.search(clean)) and polite.start() > 0 and clean.rstrip().endswith("?") \
            and "?" not in clean[:polite.start()]:
        clean = clean.rstrip()[:-1] + "."  # "Priya wants a demo, can you book it for Friday?": a request
    # "Rachel wants a training session for her team. Book it for Wednesday at 1pm.": "it" is the meeting
    # the sentence before asks for, so the two are read as one
    clean = re.sub(r"(?<=\w)(?:[.!]\s+|,\s*)(?:(?:can|could|would|will)\s+you\s+(?:please\s+)?)?"
                   r"(?=(?:(?:so|and|please)\s+)?(?:book|schedule|set up|pencil in)\s+(?:it|that|one)\b)", ", ", clean, flags=re.I)
    # "..., they're ready to sign at seventy-five. Update the amount and ...": the figure said before is the new amount
    upd = re.search(r"\b(?:update|change|adjust|fix|correct)\s+the\s+(?:deal\s+)?(?:amount|value|number|deal\s+size)"
                    r"(?=\s*(?:[.,;!?]|$|\s+(?:and|then|too|as well|accordingly)\b))", clean, re.I)
    before_digits = join_short_hundreds(words_to_digits(clean[:upd.start()])) if upd else ""
    if upd and len(figures := [a for a in find_amounts(before_digits) if not a.percent and (a.money or 10 <= a.value < 1000)]) == 1 \
            and not find_amounts(_without_dates(words_to_digits(re.split(r"[.;!?]", clean[upd.end():])[0]), today)):
        said = before_digits[figures[0].start:figures[0].end]
        clean = clean[:upd.end()] + f" to {said}" + clean[upd.end():]
    # "Move the Meadow Health deal to Jordan, I'm over capacity": moved to a teammate is given to them (no stage is a name)
    if index.users:
        firsts = "|".join([re.escape(u) for u in index.users if u.split()] + [re.escape(u.split()[0]) for u in index.users if u.split()])
        clean = re.sub(rf"\b(?:move|moving|shift|switch|transfer|put)\s+(?P<rec>(?:the\s+)?(?-i:[A-Z])[\w&'-]*(?:\s+(?-i:[A-Z])[\w&'-]*){{0,3}}"
                       rf"(?:\s+(?:deal|account|opportunity))?|(?:this|that|the)\s+(?:deal|account|one))\s+(?:over\s+)?to\s+"
                       rf"(?P<who>(?-i:{firsts}))\b(?!\s*['\u2019]s)(?!\s+(?-i:[A-Z]))",
                       lambda m: f"give {m.group('rec')} to {m.group('who')}", clean, flags=re.I)
    # "Paula Larsen and Zoe Vogel both want the case study. Draft each of them an email with it": one e-mail to each
    # of the two people named before
    if (each := _EACH_OF_THEM.search(clean)) and len(pair := _two_people(clean[:each.start()], index)) == 2:
        clean = clean[:each.start("who")] + f"{pair[0]} and {pair[1]}" + clean[each.end("who"):]
    for _ in range(3):
        # "Add a contact, Hannah Moss. She's the new CFO at Initech. Email hannah.moss@initech.example.": what the
        # sentences after a new contact say of "she", or of an address, is the new contact's
        clean, merged = _NEW_CONTACT_GOES_ON.subn(r"\g<head>, ", clean, count=1)
        if not merged:
            break
    return clean
