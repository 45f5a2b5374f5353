"""Who and what an instruction is about: mentions -> records, with clarifications when unsure."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from desktop.domain.plan import Target
from desktop.planner._vocab import PERSON_PRONOUNS
from desktop.planner.entity_index import EntityIndex, Mention, MentionKind, normalise

_MAX_CHOICES = 6
_THING_REF = re.compile(r"\b(?:it|this deal|that deal|the deal|this one|this opportunity|this account|"
                        r"this company|the company|this contact|them|they|their|they're)\b", re.I)
_PERSON_REF = re.compile(r"\b(?:he|she|him|her|his|he's|she's)\b", re.I)


@dataclass
class Focus:
    """The records an instruction is about, once mentions are resolved.

    ``contact``/``company``/``deal`` are ids (None when not named or not resolvable);
    ``clarifications`` and ``candidates`` are parallel lists for :class:`desktop.domain.plan.Plan`.
    ``person_blocked``/``deal_blocked`` say an ambiguity stops a contact/deal target being named.
    """

    contact: int | None = None
    company: int | None = None
    deal: int | None = None
    contacts: list[int] = field(default_factory=list)
    companies: list[int] = field(default_factory=list)
    clarifications: list[str] = field(default_factory=list)
    candidates: list[list[Target]] = field(default_factory=list)
    person_blocked: bool = False
    deal_blocked: bool = False
    person_name: str | None = None
    unknown: list[str] = field(default_factory=list)

    def ask(self, question: str, options: list[Target]) -> None:
        if question not in self.clarifications:
            self.clarifications.append(question)
            self.candidates.append(options)


def _rank(index: EntityIndex, kind: MentionKind, ids: Sequence[int]) -> list[int]:
    """Most likely first: records with open deals and the most recent deal activity."""
    if len(ids) <= 1 or kind == "deal":
        return list(ids)

    def key(rid: int) -> tuple[bool, float, int]:
        deals = index.deals_by_contact.get(rid, ()) if kind == "contact" else index.deals_by_company.get(rid, ())
        rows = [index.deals[d] for d in deals]
        latest = max((d.last_activity_at for d in rows if d.last_activity_at), default=None)
        return (not any(d.is_open for d in rows), -(latest.timestamp() if latest else 0.0), rid)

    return sorted(ids, key=key)


def choices(index: EntityIndex, kind: MentionKind, ids: Sequence[int]) -> tuple[str, list[Target]]:
    """A question's wording for several records ("A, B or C") and their targets (at most six)."""
    shown = _rank(index, kind, ids)[:_MAX_CHOICES]
    labels = [index.describe(kind, i) for i in shown]
    if len(ids) > len(shown):
        text = ", ".join(labels) + f" or {len(ids) - len(shown)} more"
    else:
        text = ", ".join(labels[:-1]) + f" or {labels[-1]}" if len(labels) > 1 else labels[0]
    return text, [index.target(kind, i) for i in shown]


def resolve(index: EntityIndex, text: str, mentions: list[Mention], context: Target | None,
            need_deal: bool) -> Focus:
    """Resolve mentions to records.

    Rules: company context disambiguates people ("Mike" + "Acme" -> Mike Chen); the record in view
    (``context``) disambiguates too and answers pronouns ("she", "it", "this deal"); among a company's
    deals open ones are preferred, and words of the deal name pick between several ("security add-on").
    Anything still ambiguous becomes a clarification with candidates, never a guess.
    """
    f = Focus()
    deal_mentions = [m for m in mentions if m.kind == "deal"]
    company_mentions = [m for m in mentions if m.kind == "company"]
    contact_mentions = [m for m in mentions if m.kind == "contact"]
    ctx_company = ctx_contacts = None
    if context is not None:
        try:
            cid = int(context.id)
        except ValueError:
            cid = -1
        if context.type == "company" and cid in index.companies:
            ctx_company = cid
        elif context.type == "deal" and cid in index.deals:
            ctx_company = index.deals[cid].company_id
            ctx_contacts = set(index.deals[cid].contact_ids)
        elif context.type == "contact" and cid in index.contacts:
            ctx_company = index.contacts[cid].company_id
            ctx_contacts = {cid}

    if deal_mentions:
        f.deal = deal_mentions[0].ids[0]
        f.company = index.deals[f.deal].company_id
    # companies
    for m in company_mentions:
        ids = list(m.ids)
        if len(ids) > 1:
            narrowed = [i for i in ids if any(index.contacts[c].company_id == i
                                              for cm in contact_mentions for c in cm.ids)]
            if len(narrowed) == 1:
                ids = narrowed
            elif ctx_company in ids:
                ids = [ctx_company]
            else:
                ids = _by_other_words(index, ids, text, m)
            if len(ids) > 1:
                # "the Quartz expansion": the one company with a deal of that name
                words = set(normalise(text).split())
                by_deal = [i for i in ids if any(_suffix_words(index.deals[d].name)
                                                 and _suffix_words(index.deals[d].name) <= words
                                                 for d in index.deals_by_company.get(i, ()))]
                if len(by_deal) == 1:
                    ids = by_deal
        if len(ids) == 1:
            if ids[0] not in f.companies:
                f.companies.append(ids[0])
        else:
            what, options = choices(index, "company", ids)
            f.ask(f"Which {m.text}: {what}?", options)
            f.deal_blocked = True
    if f.company is None and f.companies:
        f.company = f.companies[0]
    # people
    for m in contact_mentions:
        ids = list(m.ids)
        if len(ids) > 1:
            # "Sofia from Meadow Health has moved to Redwood Labs": the company said right after the
            # name is hers, whatever other companies the sentence names
            at = next((c for c in company_mentions if c.start >= m.end and re.fullmatch(
                r"\s*,?\s*(?:from|at|over at|of|with)\s+(?:the\s+)?", text[m.end:c.start], re.I)), None)
            narrowed = [i for i in ids if at is not None and index.contacts[i].company_id in at.ids]
            if len(narrowed) == 1:
                ids = narrowed
        if len(ids) > 1 and f.companies:
            narrowed = [i for i in ids if index.contacts[i].company_id in f.companies]
            if narrowed:
                ids = narrowed
        if len(ids) > 1 and ctx_contacts:
            narrowed = [i for i in ids if i in ctx_contacts]
            if narrowed:
                ids = narrowed
        if len(ids) > 1 and ctx_company is not None:
            narrowed = [i for i in ids if index.contacts[i].company_id == ctx_company]
            if narrowed:
                ids = narrowed
        if len(ids) == 1:
            if ids[0] not in f.contacts:
                f.contacts.append(ids[0])
        else:
            what, options = choices(index, "contact", ids)
            f.ask(f"Which {m.text}: {what}?", options)
            f.person_blocked = True
            f.person_name = m.text
    if f.contacts:
        f.contact = f.contacts[0]
    # context and pronouns
    if context is not None and not mentions:
        if context.type == "contact" and ctx_contacts:
            f.contact = next(iter(ctx_contacts))
            f.company = f.company or index.contacts[f.contact].company_id
        elif context.type == "deal" and context.id.isdigit() and int(context.id) in index.deals:
            f.deal = int(context.id)
            f.company = index.deals[f.deal].company_id
        elif context.type == "company" and ctx_company is not None:
            f.company = ctx_company
    elif context is not None and f.contact is None and not f.person_blocked and _PERSON_REF.search(text) \
            and context.type == "contact" and ctx_contacts:
        f.contact = next(iter(ctx_contacts))
    # deal from company / contact
    if f.deal is None and not f.deal_blocked:
        f.deal = _pick_deal(index, f, text, need_deal)
    if f.company is None and f.contact is not None:
        f.company = index.contacts[f.contact].company_id
    return f


def _pick_deal(index: EntityIndex, f: Focus, text: str, need_deal: bool) -> int | None:
    pool: list[int] = []
    if f.company is not None:
        pool = list(index.deals_by_company.get(f.company, ()))
    elif f.contact is not None:
        home = index.contacts[f.contact].company_id
        pool = list(index.deals_by_contact.get(f.contact, ())) or list(
            index.deals_by_company.get(home, ()) if home is not None else ())
    if not pool:
        return None
    words = set(normalise(text).split())
    named = [d for d in pool if _suffix_words(index.deals[d].name) and _suffix_words(index.deals[d].name) <= words]
    if len(named) == 1:
        return named[0]
    if f.contact is not None and f.company is None:
        # "Sarah Johnson ... the onboarding deal": a deal of her company she is not on, named by its words
        company = index.contacts[f.contact].company_id
        wider = [d for d in (index.deals_by_company.get(company, ()) if company is not None else ()) if d not in pool]
        named = [d for d in wider if _suffix_words(index.deals[d].name)
                 and _suffix_words(index.deals[d].name) & words - {"deal"}
                 and re.search(r"\b(?:deal|opportunity|renewal|project)\b", text, re.I)]
        if len(named) == 1:
            return named[0]
    if not named and len(pool) > 1:
        # the deal's own words heard imperfectly ("Secure already and on" for "Security Add-on")
        heard = [w for w in words if len(w) >= 4]
        named = [d for d in pool if _suffix_words(index.deals[d].name)
                 and all(_heard(w, heard) for w in _suffix_words(index.deals[d].name) if len(w) >= 4)
                 and any(len(w) >= 4 for w in _suffix_words(index.deals[d].name))]
        if len(named) == 1:
            return named[0]
    some = [d for d in pool if {w for w in _suffix_words(index.deals[d].name) if len(w) >= 4} & (words - {"deal", "plan", "deals"})]
    if len(some) == 1 and len(pool) > 1:
        return some[0]  # "the TechCorp onboarding deal": one of its words names one deal
    open_ = [d for d in pool if index.deals[d].is_open]
    if len(open_) == 1 and len(pool) > 1 and need_deal and f.company is not None \
            and re.search(r"\b(?:the|their|that)\s+(?:[\w&'-]+\s+){0,3}deal\b", text, re.I) \
            and not re.search(r"\b(?:call|called|meeting|met|note|email|emailed|log|logged|demo)\b", text, re.I):
        # "Update the TechCorp deal to fifty grand" with an open and a lost TechCorp deal: the workspace's own
        # rule (a company with an open and a lost deal: ask rather than guess)
        what, options = choices(index, "deal", pool)
        f.ask(f"Which deal: {what}?", options)
        f.deal_blocked = True
        return None
    if len(open_) == 1:
        return open_[0]
    if not open_ and len(pool) == 1:
        return pool[0]
    if need_deal:
        ids = open_ or pool
        what, options = choices(index, "deal", ids)
        f.ask(f"Which deal: {what}?", options)
        f.deal_blocked = True
    return None


def _by_other_words(index: EntityIndex, ids: list[int], text: str, m: Mention) -> list[int]:
    """Among companies sharing the word said ("Harbor"), the one whose other words are next to it
    ("New Harbor Realty" -> Blue Harbor Realty, not Harbor Health); ``ids`` unchanged when no single
    company has more of its words (4+ letters, rapidfuzz ratio >= 85) within three words."""
    said = set(normalise(m.text).split())
    near = normalise(text[:m.start]).split()[-3:] + normalise(text[m.end:]).split()[:3]
    near = [w for w in near if len(w) >= 4]
    if not near:
        return ids
    hits = {i: sum(1 for w in set(normalise(index.companies[i].name).split()) - said
                   if len(w) >= 4 and any(fuzz.ratio(w, h) >= 85.0 for h in near)) for i in ids}
    best = max(hits.values())
    winners = [i for i, h in hits.items() if h == best]
    return winners if best > 0 and len(winners) == 1 else ids


def _heard(word: str, heard: list[str]) -> bool:
    """``word`` (4+ letters) is among ``heard`` as the recogniser may have written it: rapidfuzz
    ratio >= 80, or the same first five letters ("security" / "secure")."""
    return any(fuzz.ratio(word, h) >= 80.0 or (len(word) >= 5 and len(h) >= 5 and word[:5] == h[:5]) for h in heard)


def _suffix_words(name: str) -> set[str]:
    if " - " not in name:
        return set()
    return {w for w in normalise(name.split(" - ", 1)[1]).split() if len(w) > 2} - {"plan", "the"}


PRONOUNS = PERSON_PRONOUNS
PERSON_REF = _PERSON_REF
THING_REF = _THING_REF
