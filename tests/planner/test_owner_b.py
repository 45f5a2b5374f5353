"""Handing a company's contacts to a colleague (issue 12 §3: owner), three sentences: "assign all of X's
contacts to Y", "give Y all the X contacts", "hand Y all the X people"."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "company", "owner"), [
    ("Assign all of Willow Group's contacts to Jordan.", "Willow Group", "Jordan Blake"),
    ("Can you give Morgan all the Delta Works contacts, she's running that account from now on.", "Delta Works", "Morgan Reyes"),
    ("hand Sam all the Harbor Health people", "Harbor Health", "Sam Whitaker"),
])
def test_all_of_a_companys_contacts_to_a_user(planner_team, index, now, text, company, owner):
    plan = planner_team.plan(text, now=now)
    (co,) = [c.id for c in index.companies.values() if c.name == company]
    assert sorted(a.target.id for a in plan.actions) == sorted(str(i) for i in index.contacts_by_company[co])
    assert all(a.kind == "update_contact" and a.fields == {"owner": owner} for a in plan.actions)
