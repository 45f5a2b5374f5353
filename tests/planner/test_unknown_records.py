"""Records the workspace does not have are asked about, never invented nor swapped for a namesake (issue 12)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "who"), [
    ("Add Peter Novak from Zenith Robotics as a contact.", "Zenith Robotics"),
    ("New contact: Dana Ruiz, CFO at Bluefin Analytics, dana@bluefin.example", "Bluefin Analytics"),
    ("Create a contact for Omar Said at Lakeside Partners, he runs procurement.", "Lakeside Partners"),
])
def test_a_new_contact_at_an_unknown_company_asks_first(planner, now, text, who):
    plan = planner.plan(text, now=now)
    assert not plan.actions
    assert plan.clarifications and who in plan.clarifications[0]


def test_a_new_contact_at_a_known_company_is_created(planner, now):
    (a,) = planner.plan("Add Omar Haddad from Juniper Systems as a contact, he's their IT Manager.", now=now).actions
    assert a.kind == "create_contact" and a.fields["company"] == "Juniper Systems"


@pytest.mark.parametrize(("text", "who"), [
    ("Update Hannah Lee's title to VP of Marketing.", "Hannah Lee"),
    ("Change Derek Olsen's phone to 555 0199.", "Derek Olsen"),
    ("set Nadia Frost's email to nadia@acme.example", "Nadia Frost"),
])
def test_a_field_of_an_unknown_person_is_asked_about(planner, now, text, who):
    plan = planner.plan(text, now=now)
    assert not plan.actions
    assert plan.clarifications and who in plan.clarifications[0]


@pytest.mark.parametrize("text", [
    "Just wrapped with the folks at Brightwater Foods, can you move their deal to Demo Scheduled?",
    "Had lunch with the people at Cobalt Freight, they want a proposal.",
    "Met the team at Harborview Labs, can you log that?",
])
def test_people_at_an_unknown_company_are_asked_about(planner, now, text):
    plan = planner.plan(text, now=now)
    assert not plan.actions
    assert plan.clarifications and "don't know" in plan.clarifications[0]


@pytest.mark.parametrize(("text", "stage"), [
    ("Talked to the people at Acme, can you move the deal to negotiation?", "Negotiation"),
    ("They loved the demo, could you bump Initech to proposal sent?", "Proposal Sent"),
    ("Globex signed the order form. Can you mark the deal as won?", "Closed Won"),
])
def test_a_polite_command_after_a_report_is_a_command_not_a_question(planner, now, text, stage):
    plan = planner.plan(text, now=now)
    updates = [a for a in plan.actions if a.kind == "update_deal"]
    assert updates and updates[0].fields.get("stage") == stage
    assert not any(a.kind == "answer" for a in plan.actions)


@pytest.mark.parametrize(("text", "said"), [
    ("log a call with Bea Quist", "Bea Quist"),
    ("book Bea Quist for Monday", "Bea Quist"),
    ("email Zed Walsh about the renewal", "Zed Walsh"),
])
def test_an_unknown_first_name_with_a_known_last_name_is_an_unknown_person(planner, now, text, said):
    plan = planner.plan(text, now=now)
    assert not [a for a in plan.actions if a.target is not None]
    assert any(f"I don't know {said}" in q and "Create a contact" in q for q in plan.clarifications)
