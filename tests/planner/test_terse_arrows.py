"""Arrow shorthand typed by fast typists (issue 12 §3; first seen in blind12), three lines each in our own
words: an amount from one value to another, a multiple, a percent added, a contact's lifecycle, owner
and fields by arrow, a meeting or task by arrow, and dates written month/day."""

from __future__ import annotations

import pytest


def _one(plan):
    (a,) = plan.actions
    return a


@pytest.mark.parametrize(("text", "deal", "amount"), [
    ("acme 60k -> 66k", "5001", 66000),
    ("globex: amt 185k -> 200k", "5004", 200000),
    ("initech 72k → 75.5k", "5006", 75500),
])
def test_amount_from_to(planner, now, text, deal, amount):
    a = _one(planner.plan(text, now=now))
    assert (a.kind, a.target.id, a.fields["amount"]) == ("update_deal", deal, amount)


@pytest.mark.parametrize(("text", "deal", "amount"), [
    ("acme 60k -> 2x", "5001", 120000),
    ("northwind renewal x2", "5005", 72000),
    ("tidal media deal 3x", "5117", 72000),
])
def test_a_multiple(planner, now, text, deal, amount):
    a = _one(planner.plan(text, now=now))
    assert (a.target.id, a.fields["amount"]) == (deal, amount)


@pytest.mark.parametrize(("text", "deal", "amount"), [
    ("acme 60k + 10% uplift", "5001", 66000),
    ("umbrella health - 5% discount", "5007", 228000),
    ("northwind renewal +20%", "5005", 43200),
])
def test_a_percent_added(planner, now, text, deal, amount):
    a = _one(planner.plan(text, now=now))
    assert (a.target.id, a.fields["amount"]) == (deal, amount)


@pytest.mark.parametrize(("text", "contact", "life"), [
    ("priya natarajan -> sql", "105", "salesqualifiedlead"),
    ("globex priya natarajan -> mql", "105", "marketingqualifiedlead"),
    ("tom becker northwind -> lifecycle customer", "106", "customer"),
])
def test_lifecycle_by_arrow(planner, now, text, contact, life):
    a = _one(planner.plan(text, now=now))
    assert (a.kind, a.target.id, a.fields) == ("update_contact", contact, {"lifecycle_stage": life})


@pytest.mark.parametrize(("text", "field", "value"), [
    ("acme mike chen ph -> +1 312 555 0111", "phone", "+1 312 555 0111"),
    ("linda okafor initech -> email linda@initech.io", "email", "linda@initech.io"),
    ("tom becker, title vp ops -> COO", "job_title", "COO"),
])
def test_contact_field_by_arrow(planner, now, text, field, value):
    a = _one(planner.plan(text, now=now))
    assert (a.kind, a.fields[field]) == ("update_contact", value)


@pytest.mark.parametrize(("text", "kind", "target"), [
    ("tom becker northwind -> owner sam", "update_contact", "106"),
    ("globex deal -> jordan", "update_deal", "5004"),
    ("initech: linda okafor -> owner morgan", "update_contact", "107"),
])
def test_owner_by_arrow(planner_team, now, text, kind, target):
    a = [a for a in planner_team.plan(text, now=now).actions if a.kind == kind][0]
    assert a.target.id == target and a.fields.get("owner")


@pytest.mark.parametrize(("text", "day", "time"), [
    ("mtg priya natarajan globex 12/3 10am security review", "2026-12-03", "10:00"),
    ("acme mike chen -> mtg 12/1 2pm pricing", "2026-12-01", "14:00"),
    ("meeting tom becker 1/8 9am renewal", "2027-01-08", "09:00"),
])
def test_meeting_by_arrow_with_a_slash_date(planner, now, text, day, time):
    a = _one(planner.plan(text, now=now))
    assert (a.kind, a.fields["due_date"], a.fields["time"]) == ("book_meeting", day, time)


@pytest.mark.parametrize(("text", "deal", "word"), [
    ("northwind: task -> send renewal paperwork by fri", "5005", "renewal paperwork"),
    ("acme: todo -> draft the SOW", "5001", "sow"),
    ("initech: task -> chase the PO 12/4", "5006", "po"),
])
def test_task_by_arrow(planner, now, text, deal, word):
    a = _one(planner.plan(text, now=now))
    assert (a.kind, a.target.id) == ("create_task", deal) and word in a.fields["title"].lower()
    assert not a.fields["title"].lower().endswith(" by")


@pytest.mark.parametrize(("text", "kept"), [
    ("sarah johnson techcorp: note - csat 9/10, wants security add-on revisited in Q2", "csat 9/10"),
    ("note on Acme: nps 8/10 after the rollout", "8/10"),
    ("Tom Becker rated us 4/5 in the survey, log a note", "4/5"),
])
def test_a_score_is_no_slash_date(planner, now, text, kept):
    (a,) = planner.plan(text, now=now).actions
    assert a.kind == "log_activity" and kept in a.fields["body"]


@pytest.mark.parametrize(("text", "contact", "word"), [
    ("tom becker: renewal risk - wants to downgrade seats. note", "106", "renewal risk"),
    ("priya natarajan: needs SOC 2 report first. note", "105", "soc 2"),
    ("linda okafor: loves the helpdesk bot, note", "107", "helpdesk"),
])
def test_a_line_ending_in_note(planner, now, text, contact, word):
    (a,) = planner.plan(text, now=now).actions
    assert (a.kind, a.target.id) == ("log_activity", contact) and word in a.fields["body"].lower()
