"""Plan-level clean-ups after the clause reader: facts said beside a request for a new deal belong to the new deal;
a stage a deal already has is no change.

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

from desktop.domain.plan import Action
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


def drop_unchanged_stage(actions: list[Action], index: EntityIndex) -> list[Action]:
    """``actions`` with a deal update's ``stage`` removed when it is the deal's stage already and the update changes
    something else ("Delta Works signed back in October ... fix the close date to the 17th of October": the deal is
    Closed Won already; only the date changes). An update whose only field is its current stage is kept (the user
    asked for it and sees it is a no-op in the plan card)."""
    for act in actions:
        if act.kind == "update_deal" and act.target is not None and act.target.id.isdigit() and len(act.fields) > 1 \
                and (deal := index.deals.get(int(act.target.id))) is not None and act.fields.get("stage") == deal.stage_label:
            del act.fields["stage"]
    return actions
