"""Do-not-contact and consent: outreach plans to blocked contacts lose those actions, with a reason."""

from __future__ import annotations

import pytest
from conftest import NOW
from sqlalchemy import select

from desktop.agents.compliance import check_plan, record_consent
from desktop.domain.models import ContactRow, DealRow
from desktop.domain.plan import Action, Plan, Target
from desktop.store import schema as s
from desktop.store.executor import ComplianceBlocked, apply_plan

MIKE = Target(type="contact", id="101", name="Mike Chen")
ACME = Target(type="deal", id="5001", name="Acme Corp - Platform Rollout")


def _plan(*actions):
    return Plan(transcript="reach out", actions=list(actions))


def test_rows_variant_removes_outreach_and_keeps_the_rest():
    plan = _plan(Action(kind="draft_email", target=MIKE, fields={"subject": "Hi"}),
                 Action(kind="create_task", target=MIKE, fields={"title": "Call"}),
                 Action(kind="book_meeting", target=ACME, fields={"title": "Demo"}))
    rows = [ContactRow(101, "Mike", "Chen", do_not_contact=True),
            DealRow(5001, "Acme Corp - Platform Rollout", 1, "Qualified", None, "usd", None, None, None, True,
                    contact_ids=(101,))]
    out = check_plan(plan, rows)
    assert [a.kind for a in out.actions] == ["create_task"]
    assert "Not drafting an email to Mike Chen: marked do-not-contact." in out.message
    assert "Not booking a meeting with contact #101" in out.message
    assert check_plan(plan, {101: False}) is plan


def test_new_targets_are_renumbered_after_a_removal():
    plan = _plan(Action(kind="draft_email", target=MIKE, fields={"subject": "Hi"}),
                 Action(kind="create_company", fields={"name": "NewCo"}),
                 Action(kind="create_task", target=Target(type="company", id="new:1", name="NewCo"),
                        fields={"title": "Research"}))
    out = check_plan(plan, {101: True})
    assert [a.kind for a in out.actions] == ["create_company", "create_task"]
    assert out.actions[1].target.id == "new:0"


def test_withdrawal_of_all_channels_sets_do_not_contact_and_is_audited(workspace):
    res = record_consent(workspace, 101, granted=False, channel="any", method="asked on call", now=NOW)
    assert res["do_not_contact"] and res["changed"]
    with workspace.uow() as uow:
        assert uow.session.get(s.Contact, 101).do_not_contact
        entry = uow.session.execute(select(s.AuditEntry).where(s.AuditEntry.kind == "consent")).scalar_one()
        assert "withdrew any consent" in entry.summary
        plan = check_plan(_plan(Action(kind="draft_email", target=ACME, fields={"subject": "Hi"})), uow.session)
    assert plan.actions == [] and "do-not-contact" in plan.message
    # the executor refuses too, if a plan skipped the check
    with pytest.raises(ComplianceBlocked):
        apply_plan(workspace, _plan(Action(kind="draft_email", target=MIKE, fields={"subject": "Hi"})), now=NOW)
    record_consent(workspace, 101, granted=True, channel="any", method="web form", now=NOW)
    with workspace.uow() as uow:
        assert not uow.session.get(s.Contact, 101).do_not_contact


def test_email_only_withdrawal_blocks_email_but_not_a_meeting(workspace):
    record_consent(workspace, 101, granted=False, channel="email", method="unsubscribe link", now=NOW)
    with workspace.uow() as uow:
        out = check_plan(_plan(Action(kind="draft_email", target=MIKE, fields={"subject": "Hi"}),
                               Action(kind="book_meeting", target=MIKE, fields={"title": "Call"})), uow.session)
        assert not uow.session.get(s.Contact, 101).do_not_contact
    assert [a.kind for a in out.actions] == ["book_meeting"]
    assert "consent for email was withdrawn" in out.message


def test_consent_errors(workspace):
    with pytest.raises(ValueError, match="unknown channel"):
        record_consent(workspace, 101, granted=True, channel="pigeon", method="x")
    with pytest.raises(ValueError, match="say how"):
        record_consent(workspace, 101, granted=True, channel="email", method=" ")
    with pytest.raises(LookupError):
        record_consent(workspace, 999999, granted=True, channel="email", method="form")
