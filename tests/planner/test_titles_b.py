"""Job titles said as salespeople say them (issue 12 §3: "she's their new COO", "moved into
procurement"), three sentences each."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "contact", "title"), [
    ("David Kim is the new CFO at Acme", "114", "CFO"),
    ("Linda Okafor is their new Head of IT", "107", "Head of IT"),
    ("Tom Becker's our new VP Operations contact at Northwind", "106", "VP Operations"),
])
def test_is_the_new_title(planner, now, text, contact, title):
    (a,) = planner.plan(text, now=now).actions
    assert (a.kind, a.target.id, a.fields["job_title"]) == ("update_contact", contact, title)


@pytest.mark.parametrize(("text", "contact", "title"), [
    ("Priya moved into procurement", "105", "Procurement"),
    ("Hugo Evans moved into a sales role", "223", "Sales"),
    ("Linda Okafor switched into IT", "107", "IT"),
])
def test_moved_into_a_department(planner, now, text, contact, title):
    (a,) = planner.plan(text, now=now).actions
    assert (a.kind, a.target.id, a.fields["job_title"]) == ("update_contact", contact, title)


def test_a_deal_moved_into_a_stage_is_no_title(planner, now):
    (a,) = planner.plan("Globex moved into negotiation", now=now).actions
    assert (a.kind, a.fields) == ("update_deal", {"stage": "Negotiation"})
