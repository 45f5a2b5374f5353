"""More typed shorthand (issue 12 §3), three sentences each: "book NAME DAY TIME", "task on the X deal:
...", "chase X for ...", "NAME call, notes", "REC STAGE", and a new e-mail or number said between commas."""

from __future__ import annotations

import pytest


def _one(plan):
    (a,) = plan.actions
    return a


@pytest.mark.parametrize(("text", "contact", "day", "time"), [
    ("book maya carter thurs 1:15pm", "225", "2026-11-26", "13:15"),
    ("book Jonas Weber for Monday at ten", "112", "2026-11-23", "10:00"),
    ("pls book tom becker tomorrow 9am", "106", "2026-11-22", "09:00"),
    ("book Tom for the 2nd at 3:30pm", "106", "2026-12-02", "15:30"),
    ("book Priya on the 9th at 10am", "105", "2026-12-09", "10:00"),
])
def test_book_a_person_for_a_day_and_time(planner, now, text, contact, day, time):
    a = _one(planner.plan(text, now=now))
    assert (a.kind, a.target.id, a.fields["due_date"], a.fields["time"]) == ("book_meeting", contact, day, time)


@pytest.mark.parametrize(("text", "target", "word"), [
    ("task on the meadow health deal: send case studies by the 3rd", "5102", "case studies"),
    ("task for the Initech deal: confirm the pilot scope by Friday", "5006", "pilot scope"),
    ("todo on the acme deal: send revised timeline tomorrow", "5001", "revised timeline"),
])
def test_task_on_a_deal_with_a_colon(planner, now, text, target, word):
    a = _one(planner.plan(text, now=now))
    assert (a.kind, a.target.id) == ("create_task", target)
    assert word in a.fields["title"].lower() and not a.fields["title"].lower().startswith("task")


@pytest.mark.parametrize(("text", "target"), [
    ("chase harbor health for signed SOW in 3 days", "5106"),
    ("chase Initech for the signed order form on Friday", "5006"),
    ("chase Tom Becker for the PO next week", "106"),
])
def test_chase_is_a_task(planner, now, text, target):
    a = _one(planner.plan(text, now=now))
    assert (a.kind, a.target.id) == ("create_task", target)


@pytest.mark.parametrize(("text", "contact", "kind", "word"), [
    ("paula larsen call, renewal risk, exec sponsor left", "215", "call", "renewal risk"),
    ("Tom Becker meeting, wants the renewal quote, budget approved", "106", "meeting", "renewal quote"),
    ("priya natarajan call, security review pending", "105", "call", "security review"),
])
def test_name_call_comma_notes(planner, now, text, contact, kind, word):
    a = _one(planner.plan(text, now=now))
    assert (a.kind, a.target.id, a.fields["activity_type"]) == ("log_activity", contact, kind)
    assert word in a.fields["body"].lower()


@pytest.mark.parametrize(("text", "deal", "stage"), [
    ("pinecrest qualified", "5010", "Qualified"),
    ("acme: negotiation", "5001", "Negotiation"),
    ("Initech now proposal sent", "5006", "Proposal Sent"),
])
def test_record_then_stage(planner, now, text, deal, stage):
    a = _one(planner.plan(text, now=now))
    assert (a.kind, a.target.id, a.fields) == ("update_deal", deal, {"stage": stage})


@pytest.mark.parametrize(("text", "field", "value"), [
    ("Carla Hughes has a new email, carla@uplandworks.example, please update it.", "email", "carla@uplandworks.example"),
    ("Tom Becker has a new number, +1 312 555 0199, update him", "phone", "+1 312 555 0199"),
    ("Priya Natarajan got a new e-mail address, priya@globex.example", "email", "priya@globex.example"),
])
def test_a_new_value_between_commas(planner, now, text, field, value):
    a = _one(planner.plan(text, now=now))
    assert (a.kind, a.fields[field]) == ("update_contact", value)
