"""BANT+ extraction, one language phenomenon at a time (issue 18): each case is a short dictated
note in words of our own (not a blind-set sentence) and the field a user would see on the deal."""

from __future__ import annotations

from datetime import datetime

import pytest

from desktop.agents.bant import extract

NOW = datetime(2026, 11, 21, 9, 0)  # a Saturday, as in the blind sets


@pytest.mark.parametrize("note,who", [
    # the decider named by a noun ("the signer", "the signatory")
    ("Call with Nora Blake from Fabrikam. Nora is the signatory on anything like this.", "Nora"),
    # "he/she" resolved to the person the note opens with ("First Last, Company.")
    ("Dmitri Volkov, Contoso. He decides on tooling himself.", "Dmitri Volkov"),
    ("Hannah Lee, ops lead at Tailspin, she's the signer.", "Hannah Lee"),
    # the one reporting is not the decider
    ("Paul says Greta makes all the software decisions over there.", "Greta"),
    # a denied decider hands the role to the one named after
    ("Omar is not the one who signs, that's their COO.", "COO"),
    ("Ines isn't making the final call, it's her boss, the head of finance.", "head of finance"),
    # owning the contract / the purchase
    ("She was clear that Victor owns the purchase.", "Victor"),
    # a named subject deciding by a date is still who decides
    ("Farah will decide by January 10th.", "Farah"),
])
def test_authority_is_who_decides(note, who):
    assert who.lower() in (extract(note, NOW).authority or "").lower()


@pytest.mark.parametrize("note", [
    "Talked to Sam at Litware. He doesn't know who signs off on purchases.",
    "Ines isn't making the final call.",
    "I need my manager to approve the discount.",
])
def test_authority_not_invented(note):
    assert extract(note, NOW).authority is None
