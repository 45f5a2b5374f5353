"""Sending e-mail (issue 15): which instructions mean *send*, not *draft*.

Run on the offline planner's plan (:func:`recognise`, one call at the end of
:meth:`desktop.planner.offline.OfflinePlanner.plan`):

* With a mailbox connected (``PlanContext.can_send``), an instruction that starts with a sending
  verb - "email Nina the onboarding checklist", "send Tom the proposal", "mail Priya: ..." - turns
  the ``draft_email`` the clause parser read into a ``send_email`` to the contact's address, with
  the same subject and text (a short greeting and the thing named when only a thing was named).
  "draft / write / compose / prepare an email" stays a draft; so does everything without a mailbox.
* "send it", "send the draft", "send the draft to Nina", "send Nina's draft" -> a ``send_email``
  of the newest e-mail draft (``draft_task: "latest"``; the services fill in the draft's id,
  subject and text from the workspace) for the named contact, else the record in view, else the
  draft just shown (``PlanContext.recent_draft``); "go ahead and send it", "looks good, send it",
  "ok, send it off" alike.

* "stop emailing Nina", "take Nina off the sequence", "cancel Nina's sequence", "no more
  follow-ups to Nina" -> ``stop_sequence`` on Nina when she is in an active e-mail sequence
  (``PlanContext.in_sequence``, filled by the services). Outside a sequence, "stop emailing Nina"
  keeps its meaning (do-not-contact, parsed elsewhere), and a phrasing that names the sequence
  says there is none to stop. Only an utterance that *starts* with the command counts ("Rachel
  asked us to stop emailing her" is her request: do-not-contact).

Every ``send_email`` and ``stop_sequence`` is always confirmed (it mutates), and the Plan card shows and edits recipient,
subject and text. Pure: the entity index and the plan in, a plan out.
"""

from __future__ import annotations

import re
from typing import Any

from desktop.domain.plan import Action, Plan, Target

_SEND_VERB = re.compile(r"^\s*(?:please\s+|can you\s+|could you\s+)?(?:e-?mail|send|mail|shoot)\b", re.I)
_DRAFT_VERB = re.compile(r"\b(?:draft|write|compose|prepare)\b", re.I)
_SEND_DRAFT = re.compile(
    r"^\s*(?:(?:ok(?:ay)?|yes|yep|great|perfect|sure|alright|all\s+right|looks\s+good|that\s+looks\s+good|"
    r"lgtm|now)[,.!]?\s+)?(?:go\s+ahead\s+and\s+)?(?:please\s+)?send\s+"
    r"(?:it|that|this|the\s+draft|that\s+draft|the\s+e-?mail|my\s+draft|(?P<owner>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?)'s\s+draft)"
    r"(?:\s+(?:off|out|over))?"
    r"(?:\s+(?:to|for)\s+(?P<to>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?))?(?:\s+now)?(?:,?\s+please)?\s*[.!]?\s*$", re.I)
#: "stop emailing Nina", "take Nina off the sequence", "cancel Nina's sequence", "no more follow-ups
#: to Nina": a command (at the start of the utterance) about one person's e-mail sequence
_WHO = r"[^\s,.;:!?]+(?:\s+[^\s,.;:!?]+){0,2}?"  # a name of one to three words (or a pronoun)
_STOP_SEQUENCE = re.compile((
    r"^\s*(?:please\s+|ok(?:ay)?,?\s+)?(?:"
    r"stop\s+(?:e-?mailing|following\s+up\s+with|the\s+(?:e-?mails?|follow-?ups?|sequence|cadence)\s+(?:to|for|with))\s+(?P<a>{who})"
    r"|(?:take|pull|remove|drop)\s+(?P<b>{who})\s+(?:off|out\s+of|from)\s+(?:the|her|his|their|this)\s+(?:e-?mail\s+)?(?:sequence|cadence)"
    r"|(?:cancel|stop|end|kill)\s+(?P<c>{who})'s\s+(?:e-?mail\s+)?(?:sequence|cadence|follow-?ups?)"
    r"|no\s+more\s+(?:e-?mails?|follow-?ups?)\s+(?:to|for)\s+(?P<d>{who})"
    r")\s*(?:,?\s+please)?\s*[.!]?\s*$").replace("{who}", _WHO), re.I)
_EXPLICIT_SEQUENCE = re.compile(r"\b(?:sequence|cadence)\b", re.I)
_PRONOUNS = {"her", "him", "them"}


def _first_name(name: str) -> str:
    return name.split()[0] if name else ""


def _as_send(a: Action, index: Any) -> Action:
    t = a.target
    contact = index.contacts.get(int(t.id)) if t is not None and t.type == "contact" and t.id.isdigit() else None
    fields = {k: v for k, v in a.fields.items() if k in ("subject", "body")}
    if contact is not None and getattr(contact, "email", None):
        fields["to"] = contact.email
    thing = (fields.get("body") or "").strip().rstrip(".")
    hello = f"Hi {_first_name(t.name)}," if t is not None else "Hi,"
    if thing and len(thing.split()) <= 5 and not re.search(r"[.,;:!?]", thing) \
            and re.match(r"(?i)(?:the|our|my|a|an)\s", thing):
        # only a thing was named ("the onboarding checklist"): a subject and a greeting to edit
        subject = re.sub(r"(?i)^the\s+", "", thing)
        fields["subject"] = subject[:1].upper() + subject[1:]
        fields["body"] = f"{hello}\n\nHere is {thing[:1].lower() + thing[1:]}.\n"
    elif thing:
        fields["body"] = f"{hello}\n\n{fields['body'].strip()}\n"
    return Action(kind="send_email", target=t, fields=fields, evidence=a.evidence, confidence=a.confidence)


def _named(index: Any, name: str | None) -> Target | None:
    if not name:
        return None
    found = [m for m in index.find_mentions(name) if m.kind == "contact"] if hasattr(index, "find_mentions") else []
    ids = {i for m in found for i in getattr(m, "ids", ())}
    if len(ids) != 1:
        return None
    cid = next(iter(ids))
    c = index.contacts.get(cid)
    return Target(type="contact", id=str(cid), name=f"{c.first_name} {c.last_name}".strip()) if c else None


def _stop_sequence(plan: Plan, text: str, index: Any, context: Any | None) -> Plan | None:
    """A ``stop_sequence`` plan for "stop emailing Nina" when Nina is in an active sequence
    (``PlanContext.in_sequence``), or for a phrasing that names the sequence outright; None otherwise
    (so "stop emailing Nina" outside any sequence stays do-not-contact)."""
    m = _STOP_SEQUENCE.match(text or "")
    if not m:
        return None
    who = next(g for g in (m.group("a"), m.group("b"), m.group("c"), m.group("d")) if g is not None).strip()
    in_view = getattr(context, "target", None) if context is not None else None
    if who.lower() in _PRONOUNS:
        target = in_view if in_view is not None and in_view.type == "contact" else None
    else:
        target = _named(index, who) or next((a.target for a in plan.actions if a.target is not None
                                             and a.target.type == "contact"), None)
    active: frozenset[int] = getattr(context, "in_sequence", frozenset()) if context is not None else frozenset()
    explicit = bool(_EXPLICIT_SEQUENCE.search(text))
    if target is None:
        if not explicit:
            return None
        question = "Whose sequence should I stop?"
        return Plan(transcript=plan.transcript, clarifications=[question], message=question)
    if not (target.id.isdigit() and int(target.id) in active):
        if not explicit:
            return None
        msg = f"{target.name} is in no active e-mail sequence: nothing to stop."
        return Plan(transcript=plan.transcript, message=msg)
    return Plan(transcript=plan.transcript, actions=[Action(
        kind="stop_sequence", target=target, fields={"reason": "stopped by you"},
        evidence=[(0, len(plan.transcript))], confidence=0.9)])


def recognise(plan: Plan, text: str, index: Any, context: Any | None) -> Plan:
    """``plan`` with drafts turned into sends and sequences stopped (see the module docstring);
    unchanged otherwise."""
    stopped = _stop_sequence(plan, text, index, context)
    if stopped is not None:
        return stopped
    m = _SEND_DRAFT.match(text or "")
    if m:
        named = m.group("to") or m.group("owner")
        target = next((a.target for a in plan.actions + plan.pending if a.target is not None
                       and a.target.type == "contact"), None) or _named(index, named)
        if target is None and context is not None and getattr(context, "target", None) is not None \
                and context.target.type in ("contact", "deal"):
            target = context.target
        if target is None and context is not None and getattr(context, "recent_draft", None) is not None:
            target = context.recent_draft  # the draft just shown
        if target is None:
            question = "Which contact's draft should I send?"
            return Plan(transcript=plan.transcript, clarifications=[question], message=question)
        return Plan(transcript=plan.transcript, actions=[Action(
            kind="send_email", target=target, fields={"draft_task": "latest"},
            evidence=[(0, len(plan.transcript))], confidence=0.9)])
    if not (context is not None and getattr(context, "can_send", False)):
        return plan
    if not _SEND_VERB.match(text or "") or _DRAFT_VERB.search(text or ""):
        return plan
    if not any(a.kind == "draft_email" for a in plan.actions):
        return plan
    plan.actions = [_as_send(a, index) if a.kind == "draft_email" else a for a in plan.actions]
    plan.pending = [_as_send(a, index) if a.kind == "draft_email" else a for a in plan.pending]
    return plan
