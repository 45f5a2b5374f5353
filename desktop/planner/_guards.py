"""Plan-level guards after the clause reader (:func:`tidy` runs them all on a whole utterance's plan): facts said beside
a request for a new deal belong to the new deal (:func:`absorb`); a stage moved backwards only because a statement
mentioned it is no change (:func:`keep_forward`); a meeting with someone unheard is asked (:func:`unheard_person`); the
same action said twice is planned once; a lost reason does not start with the rival's name.

"Quartz Partners' annual renews next October, about twenty k. Create a renewal deal at Negotiation, closing
October 20th next year.": the figure of the first sentence describes the renewal being created, not the
company's existing expansion deal. The clause reader plans the statement on its own (an amount for the
company's one open deal) beside the create; :func:`absorb` moves such a statement's fields into the
``create_deal`` of the same company and drops the update - a change to an existing record that nobody
asked for is a wrong write, the worst outcome of a plan.

Only statements move: a clause that asks for a change ("Bump the Acme deal to 60k and create a renewal
deal ...") keeps its update.
"""

from __future__ import annotations

import re

from desktop.domain.plan import Action, Plan
from desktop.planner._patterns import _IMPERATIVE
from desktop.planner.entity_index import EntityIndex

#: Fields of an existing deal's update that a statement about a new deal may carry over.
_CARRIED = frozenset({"amount", "close_date", "stage"})
_SENTENCE = re.compile(r"[^.!?;]+[.!?;]?")


def _sentence_at(text: str, at: int) -> str:
    """The sentence of ``text`` that holds character ``at`` (0-based); ``""`` when ``at`` is outside."""
    for m in _SENTENCE.finditer(text):
        if m.start() <= at < m.end():
            return m.group(0)
    return ""


def absorb(actions: list[Action], text: str, index: EntityIndex) -> list[Action]:
    """``actions`` with each statement-born ``update_deal`` of a company folded into that company's
    ``create_deal`` (fields it lacks: amount in dollars, close date, stage); returns a new list, the
    others unchanged. ``text`` is the transcript the evidence spans point into."""
    creates = [a for a in actions if a.kind == "create_deal" and a.fields.get("company")]
    if not creates:
        return actions
    out: list[Action] = []
    for act in actions:
        if act.kind == "update_deal" and act.target is not None and act.target.id.isdigit() and act.evidence \
                and set(act.fields) <= _CARRIED:
            deal = index.deals.get(int(act.target.id))
            company = index.companies.get(deal.company_id) if deal is not None and deal.company_id is not None else None
            said = {_sentence_at(text, start) for start, _ in act.evidence}
            new = next((c for c in creates if company is not None
                        and str(c.fields["company"]).lower() == company.name.lower()), None)
            if new is not None and said and not any(_IMPERATIVE.search(s) or re.search(r"\bdeal\b", s, re.I) for s in said) \
                    and not (set(act.fields) & set(new.fields)):
                new.fields.update(act.fields)
                new.evidence = sorted(set(new.evidence) | set(act.evidence))
                continue
        out.append(act)
    return out



#: Words that ask for a stage change, or say that a deal goes back ("move", "push back", "reopen", "back to").
_STAGE_ASKED = re.compile(r"\b(?:move|moved|moving|set|put|push|pushed|mark|marked|change|changed|drop|dropped|bump|bumped|revert|"
                          r"reverted|reopen|reopened|back|backwards?|downgrade|downgraded|stage)\b", re.I)


def keep_forward(actions: list[Action], text: str, index: EntityIndex) -> list[Action]:
    """``actions`` without a deal update's ``stage`` when that stage comes before the deal's current one (by the
    pipeline's ``position``), the deal is open, and no sentence of the action's evidence in ``text``, nor one that names
    the stage, asks for a stage change: "The demo is on Thursday. Book a prep call with Tom Becker" must not move the Northwind deal back from
    Negotiation to Demo Scheduled. An update left with no field is dropped. Returns a new list."""
    order = {s.label: s.position for s in index.stages}
    out: list[Action] = []
    for act in actions:
        if act.kind == "update_deal" and act.target is not None and act.target.id.isdigit() and "stage" in act.fields \
                and (deal := index.deals.get(int(act.target.id))) is not None and deal.is_open \
                and order.get(str(act.fields["stage"]), 99) < order.get(deal.stage_label, -1) \
                and not any(_STAGE_ASKED.search(_sentence_at(text, start)) for start, _ in act.evidence) \
                and not any(_STAGE_ASKED.search(said) and str(act.fields["stage"]).split()[0].lower() in said.lower()
                            for said in _SENTENCE.findall(text)):
            act.fields = {k: v for k, v in act.fields.items() if k != "stage"}
            if not act.fields:
                continue
        out.append(act)
    return out


#: "with caller OTs at Tidal Media": someone said by words the workspace has no person for, at a company it has.
_WITH_SOMEONE_AT = re.compile(r"\bwith\s+(?P<who>(?!(?:the|their|our|them|him|her|everyone|everybody|folks|people|someone|somebody|"
                              r"the\s+team|their\s+team)\b)[\w'-]+(?:\s+[\w'-]+){0,2}?)\s+(?:at|from|over\s+at)\s+(?P<co>(?-i:[A-Z])[\w&'-]*"
                              r"(?:\s+(?-i:[A-Z])[\w&'-]*){0,3})", re.I)


def unheard_person(actions: list[Action], text: str, index: EntityIndex) -> tuple[list[Action], str | None]:
    """``(actions, question)``: a meeting booked on a company's deal or the company although ``text`` books it with
    someone at that company whom the workspace cannot name ("Set up a call with caller OTs at Tidal Media": Carla
    Ortiz misheard) is taken out and asked about instead - booking it on the deal would be a guess. ``question``
    is None (and ``actions`` unchanged) otherwise."""
    for act in actions:
        if act.kind != "book_meeting" or act.target is None or act.target.type not in ("deal", "company"):
            continue
        for m in _WITH_SOMEONE_AT.finditer(text):
            who = m.group("who")
            if index.find_mentions(who) or not index.find_mentions(m.group("co")):
                continue
            company = next((x for x in index.find_mentions(m.group("co")) if x.kind == "company"), None)
            if company is None:
                continue
            name = index.companies[company.ids[0]].name
            return [a for a in actions if a is not act], (f"I didn't catch whom at {name} the meeting is with "
                                                          f"(I heard \"{who}\"). Who is it?")
    return actions, None


#: A person known only as someone new: "the new guy at Willow", "their new CFO", "the new hire from Initech".
_SOMEONE_NEW = re.compile(
    r"\b(?:with|to|email|e-mail|call|ping|meet|text|invite|for)\s+(?:the|their|our|his|her|its)\s+(?P<who>new\s+(?:[\w-]+\s+){0,2}?"
    r"(?:guy|girl|hire|person|lady|woman|man|fella|gal|contact|buyer|champion|boss|head|director|manager|lead|vp|cfo|ceo|cto|coo|cmo|"
    r"cro|admin|person\s+in\s+charge))\b(?:\s+(?:at|from|over\s+at|in)\s+(?P<co>(?-i:[A-Z])[\w&'-]*(?:\s+(?-i:[A-Z])[\w&'-]*){0,2}))?",
    re.I)


def someone_new(actions: list[Action], text: str, index: EntityIndex) -> tuple[list[Action], str | None]:
    """``(actions, question)``: a meeting, e-mail, activity or task for "the new guy at Willow" or "their new CFO" that the
    planner could only put on the company or its deal (nobody new is in the workspace under a name) is taken out and
    asked about: putting it on the deal would be a guess about a person. ``question`` is None (``actions`` unchanged)
    otherwise."""
    m = _SOMEONE_NEW.search(text)
    if m is None or [x for x in index.find_mentions(m.group("who")) if x.kind == "contact"]:
        return actions, None
    named = {str(i) for x in index.find_mentions(text) if x.kind == "contact" for i in x.ids}
    guessed = [a for a in actions if a.kind in ("book_meeting", "draft_email", "log_activity", "create_task")
               and a.target is not None and (a.target.type in ("deal", "company")
                                             or a.target.type == "contact" and a.target.id not in named)]
    if not guessed:
        return actions, None
    where = f" at {m.group('co')}" if m.group("co") else ""
    return [a for a in actions if a not in guessed], (f"I don't have the {m.group('who')}{where} as a contact. Who is it? "
                                                      "(Add them as a contact and I can do the rest.)")


#: The object of a deletion: "Delete the contact Noah Ito", "remove my Maya Vogel at Willow Group".
_DELETE_OBJECT = re.compile(r"\b(?:delete|remove|erase|wipe|get\s+rid\s+of)\s+(?:the\s+|my\s+|our\s+|this\s+|that\s+)?"
                            r"(?P<kind>contact|person|company|account|deal|opportunity|record)?\s*(?P<obj>[^,.;!?]*)", re.I)
_KIND_OF = {"contact": "contact", "person": "contact", "company": "company", "account": "company", "deal": "deal",
            "opportunity": "deal"}


def unsure_deletion(actions: list[Action], text: str, index: EntityIndex) -> tuple[list[Action], str | None]:
    """``(actions, question)``: a deletion is taken out and asked about when the words do not name its record for sure -
    "delete the contact X" planned on a company or deal, a company deleted while the words before its name are
    nobody the workspace knows ("Delete my Vodula Willow Group": Maya Vogel at Willow Group misheard), or a
    company deleted that is then called "she"/"he". Deleting the wrong record cannot be undone by the user's eye, so a
    question is always cheaper. ``question`` is None (``actions`` unchanged) otherwise."""
    m = _DELETE_OBJECT.search(text)
    if m is None:
        return actions, None
    for a in actions:
        if a.kind != "delete_record" or a.target is None:
            continue
        said_kind = _KIND_OF.get((m.group("kind") or "").lower())
        obj = re.sub(r"\s*\b(?:from|in|out\s+of|off|for\s+good|entirely|completely)\b.*$", "", m.group("obj").strip(), flags=re.I)
        obj = re.sub(r"^(?:it|them|that(?:\s+one)?|this(?:\s+one)?|the\s+whole\s+thing)\b", "", obj, flags=re.I).strip()
        unsure = said_kind is not None and said_kind != a.target.type
        if not unsure and a.target.type == "company":
            name = a.target.name.lower().split()
            extra = [w for w in re.findall(r"[A-Za-z][\w'-]*", obj.split(" at ")[0])
                     if w.lower() not in name and w.lower() not in ("the", "my", "our", "company", "account", "record", "please", "too")]
            unsure = bool(extra) and not any(x.kind == "company" and x.start == 0 for x in index.find_mentions(obj)) \
                or bool(re.search(r"\b(?:she|he)\b(?:'s|\s+(?:was|is|left|has))", text[m.end():], re.I))
        if unsure:
            said = obj or "that record"
            return [x for x in actions if x is not a], f"I'm not sure which record \"{said}\" is, so I haven't planned a deletion. Which one should I delete?"
    return actions, None


def tidy(plan: Plan, index: EntityIndex) -> None:
    """Apply every guard of this module to ``plan`` (a whole utterance's, its ``transcript`` the text the evidence
    spans point into), in place: new-deal facts absorbed, backward stages from statements dropped, a meeting with
    someone unheard turned into a question, duplicate activities/tasks/meetings/e-mails removed, and "HubSpot because of
    price" as a lost reason cut to "price" when HubSpot is the competitor."""
    plan.actions = keep_forward(absorb(plan.actions, plan.transcript, index), plan.transcript, index)
    plan.actions, unheard = unheard_person(plan.actions, plan.transcript, index)
    if unheard is None:
        plan.actions, unheard = someone_new(plan.actions, plan.transcript, index)
    if unheard is None:
        plan.actions, unheard = unsure_deletion(plan.actions, plan.transcript, index)
    if unheard is not None:
        plan.clarifications = [*plan.clarifications, unheard]
        plan.candidates = [*plan.candidates, []]
        plan.message = plan.message or unheard
        plan.requires_confirmation = any(not a.read_only for a in plan.actions)
    if plan.clarifications:
        # "Iris from Upland wants ten more seats, open an expansion deal for her" with four Uplands: the new deal's
        # company is what is asked, so the deal waits for the answer
        waiting = [a for a in plan.actions if a.kind == "create_deal" and not a.fields.get("company")]
        plan.actions = [a for a in plan.actions if not any(a is w for w in waiting)]
        plan.pending = [*plan.pending, *waiting]
        plan.requires_confirmation = any(not a.read_only for a in plan.actions)
    seen: set[str] = set()
    for a in list(plan.actions):
        key = f"{a.kind}|{a.target.type if a.target else ''}:{a.target.id if a.target else ''}|{sorted(a.fields.items())}"
        if a.kind in ("create_task", "book_meeting", "draft_email", "log_activity") and key in seen:
            plan.actions.remove(a)  # "We have to send Acme the letter by Friday, make a task": one task, said twice
        seen.add(key)
    for a in plan.actions:
        if a.kind == "update_deal" and a.fields.get("competitor") and a.fields.get("lost_reason") and (named := re.match(
                rf"{re.escape(str(a.fields['competitor']))}\s+(?:because\s+of|because|since|due\s+to|for)\s+(?=\S)",
                str(a.fields["lost_reason"]), re.I)):
            a.fields["lost_reason"] = str(a.fields["lost_reason"])[named.end():]  # "went with HubSpot because of price"
        if a.kind == "update_deal" and a.fields.get("competitor") and a.fields.get("lost_reason") and (cut := re.search(
                r",?\s+(?:and|so|because|since)\s+(?:(?:they|(?-i:[A-Z])[\w&'-]*)\s+){0,3}?(?:(?:is|are|'s|was|were|has|have)\s+)?"
                r"(?:went|going|gone|signed|chose|picked)\s+(?:with\s+)?" + re.escape(str(a.fields["competitor"])),
                str(a.fields["lost_reason"]), re.I)) and cut.start() > 0:
            # "budget got cut and Initech is going with HubSpot, mark it lost": the cut is the reason, the rival the competitor
            a.fields["lost_reason"] = str(a.fields["lost_reason"])[:cut.start()].strip(" ,.")
        said_why = str(a.fields.get("lost_reason", "")).strip(" .").lower()
        if a.kind == "update_deal" and a.fields.get("competitor") and said_why \
                and (said_why == str(a.fields["competitor"]).lower()
                     or str(a.fields["competitor"]).lower().startswith(said_why + ".")):
            # "mark Lumen lost, the champion left and they went with Pipedrive": the rival is no reason; the words
            # before it are, when there are some
            why = re.search(r"(?:^|[,;:.]\s*)(?P<why>[^,;:.]{3,80}?)\s*,?\s+(?:and|so)\s+(?:they\s+)?(?:(?:have|'ve)\s+)?"
                            r"(?:went|gone|signed|chose|picked)\s+(?:with\s+)?" + re.escape(str(a.fields["competitor"])),
                            plan.transcript or "", re.I)
            if why and not re.match(r"\W*(?:mark|move|set|close|put)\b", why.group("why"), re.I):
                a.fields["lost_reason"] = why.group("why").strip()
            else:
                del a.fields["lost_reason"]
