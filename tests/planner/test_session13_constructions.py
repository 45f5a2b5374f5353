"""Constructions worked on in session 13, three sentences (or more) each in our own words."""

from __future__ import annotations

import pytest

from desktop.planner import PlanContext
from desktop.planner.evaluation import context_target


@pytest.mark.parametrize(("text", "who", "said"), [
    ("Log a call with Tom Becker: he says they want to sign by the 30th and budget is about 80k.", "106", "sign by the 30th"),
    ("Log a call with Priya Natarajan: they're weighing us against Salesforce, and legal wants the DPA.", "105",
     "against Salesforce"),
    ("Add a note on Oliver Grant: he thinks the close will slip to January, amount may drop to forty.", "110",
     "slip to January"),
])
def test_the_words_after_log_a_call_colon_are_logged_not_applied(planner, now, text, who, said):
    plan = planner.plan(text, now=now)
    (a,) = plan.actions
    assert (a.kind, a.target.id) == ("log_activity", who)
    assert said.lower() in a.fields["body"].lower()


@pytest.mark.parametrize(("text", "who", "kinds"), [
    ("Log a call with Tom Becker: he wants the contract by Friday. Move Northwind to negotiation.", "106",
     ["log_activity", "update_deal"]),
    ("Log a call with Priya Natarajan: she needs a security review first, and remind me to send the SOC 2 report tomorrow.",
     "105", ["log_activity", "create_task"]),
    ("Log a call with Oliver Grant: legal approved it, then mark him as a customer.", "110",
     ["log_activity", "update_contact"]),
])
def test_a_command_after_the_logged_words_still_acts(planner, now, text, who, kinds):
    plan = planner.plan(text, now=now)
    assert sorted(a.kind for a in plan.actions) == sorted(kinds)
    assert next(a for a in plan.actions if a.kind == "log_activity").target.id == who


def test_on_a_contacts_page_the_logged_words_move_no_deal(planner, now):
    plan = planner.plan("Log a call: he confirmed procurement signed off and they want to close by the 15th.", now=now,
                        context=PlanContext(target=context_target("contact:110")))
    (a,) = plan.actions
    assert (a.kind, a.target.id) == ("log_activity", "110")
    assert "close by the 15th" in a.fields["body"]


@pytest.mark.parametrize(("text", "deal"), [
    ("I'll handle the Blue Harbor Realty deal personally, make me the owner, and book a meeting with Elena Garcia on Thursday.",
     "5008"),
    ("I'm taking over the Initech deal, make me the owner, and email Sarah Johnson a hello.", "5006"),
    ("Jordan is out, so the Tidal Media deal is mine now, make me the owner and book a call with Kara Novak Monday.", "5117"),
])
def test_make_me_the_owner_after_a_deal_gives_me_the_deal_not_the_person_named_later(planner_team, now, text, deal):
    plan = planner_team.plan(text, now=now)
    owned = [a for a in plan.actions if "owner" in a.fields]
    assert [(a.kind, a.target.id, a.fields["owner"]) for a in owned] == [("update_deal", deal, "Alex Rivera")]


@pytest.mark.parametrize(("text", "who"), [
    ("Good call with Yusuf Evans at Quartz Partners, he's keen on a trial. Mark him as an MQL and set a follow-up for "
     "next Wednesday.", "252"),
    ("Spoke with Tom Becker, he liked the deck, set a follow-up for Friday.", "106"),
    ("Mark Priya Natarajan as SQL and add a follow-up on Monday.", "105"),
])
def test_a_follow_up_with_no_object_is_with_the_person_the_sentence_is_about(planner, now, text, who):
    (task,) = [a for a in planner.plan(text, now=now).actions if a.kind == "create_task"]
    assert (task.target.type, task.target.id) == ("contact", who)


@pytest.mark.parametrize(("text", "said"), [
    ("Log a call with Acme's new CFO, Jessica Moore.", "Jessica Moore"),
    ("log call w acme's new cfo jessica", "Jessica"),
    ("Talked to Globex's new VP of Sales, Rita Gomez, she wants a demo.", "Rita Gomez"),
])
def test_a_person_named_after_a_new_title_whom_the_workspace_lacks_is_asked_about(planner, now, text, said):
    plan = planner.plan(text, now=now)
    assert not [a for a in plan.actions if not a.read_only]
    assert f"I don't know {said}" in (plan.message or "")


@pytest.mark.parametrize(("text", "who", "fields"), [
    ("Just had a call with Nina Patel at Pinecrest Dental, she's the practice manager. Mark her as sales qualified.", "111",
     {"lifecycle_stage": "salesqualifiedlead"}),
    ("Nina Patel, the practice manager there, is an opportunity now.", "111", {"lifecycle_stage": "opportunity"}),
    ("Set Nina Patel's title to Practice Manager and mark her as sales qualified.", "111",
     {"job_title": "Practice Manager", "lifecycle_stage": "salesqualifiedlead"}),
])
def test_a_title_the_contact_already_has_is_no_change_unless_the_title_is_named(planner, now, text, who, fields):
    (upd,) = [a for a in planner.plan(text, now=now).actions if a.kind == "update_contact"]
    assert (upd.target.id, upd.fields) == (who, fields)
