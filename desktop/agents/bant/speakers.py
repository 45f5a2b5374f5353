"""Who speaks in a quote that names no speaker (issue/18z, callnotes25): when the note has named exactly one person by
full name before the quote ("First call with David Kim (CFO, Acme). Blunt. 'Mike wants this, I sign it.'"), the quote's
"I" and "me" are that person - a first call is with one contact, and a name inside the quote is someone else."""

from __future__ import annotations

import re

#: two capitalised words, not part of a longer run of them ("Blue Harbor Realty" is a company)
_FULL_NAME = re.compile(r"(?<![\w'])(?<![A-Z][a-z] )(?<![A-Z][a-z]{2} )(?<![A-Z][a-z]{3} )(?<![A-Z][a-z]{4} )(?<![A-Z][a-z]{5} )"
                        r"((?-i:[A-Z][a-z]+)) ((?-i:[A-Z][a-z]+(?:-[A-Z][a-z]+)?))(?![\w'])(?! (?-i:[A-Z]))")


def only_person_before(before: str) -> str | None:
    """The first name of the one person named by full name in ``before`` (the note up to a quote), or None when
    there is none or more than one ("Dan Walsh + Kara Evans" names two)."""
    from desktop.agents.bant.people import _COMPANY_WORD, _NOT_NAMES  # people -> text -> here; no cycle at import time

    before = re.sub(r"\"[^\"]*\"", " ", before)  # (names inside an earlier quote are not the note's contact)
    people = set()
    for m in _FULL_NAME.finditer(before):
        first, last = m.group(1), m.group(2)
        if first in _NOT_NAMES or last in _NOT_NAMES or _COMPANY_WORD.search(m.group(0)):
            continue
        people.add((first, last))
    firsts = {f for f, _ in people}
    return next(iter(firsts)) if len(people) == 1 else None


#: "Wendy Price (Onyx, founder) is back in the loop", "Elena Garcia (Blue Harbor) called back": the note opens with the
#: person met, their company or role in brackets
_OPENS_WITH_PERSON = re.compile(r"^(?:(?:so|um|uh|ok|okay|right)\W+)*((?-i:[A-Z][a-z]+) (?-i:[A-Z][a-z]+(?:-[A-Z][a-z]+)?))\s*\([^)]{2,60}\)")


def opening_person(first_sentence: str) -> str | None:
    """The person a note opens with when a bracket follows the name ("Wendy Price (Onyx, founder) is back ..."), or
    None: whom a later "she"/"he" means when no other sentence names anyone."""
    from desktop.agents.bant.people import _COMPANY_WORD, _NOT_NAMES  # people -> here; no cycle at import time

    m = _OPENS_WITH_PERSON.match(first_sentence)
    if not m or any(w in _NOT_NAMES for w in m.group(1).split()) or _COMPANY_WORD.search(m.group(1)):
        return None
    return m.group(1)
