"""Applying confirmed plans: all or nothing, audited, outboxed, undoable; approvals survive restart."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from sqlalchemy import func, select

from desktop.domain.plan import Action, Plan, Target
from desktop.store import approvals, audit, queries
from desktop.store import schema as s
from desktop.store.db import open_workspace
from desktop.store.executor import (
    ComplianceBlocked,
    NeedsConfirmation,
    NothingToUndo,
    PlanRejected,
    apply_plan,
    undo_last,
)

NOW = datetime(2026, 11, 21, 9, 0)
ACME = Target(type="deal", id="5001", name="Acme Corp - Platform Rollout")
MIKE = Target(type="contact", id="101", name="Mike Chen")


def acme_plan() -> Plan:
    return Plan(transcript="Just finished the Acme call ...", actions=[
        Action(kind="log_activity", target=ACME, fields={"activity_type": "call", "body": "Board approval needed"}),
        Action(kind="update_deal", target=ACME, fields={"amount": 100000, "competitor": "Salesforce",
                                                        "next_step": "Board approval (Mike)"}),
        Action(kind="create_task", target=ACME, fields={"title": "Follow up with Mike Chen",
                                                        "due_date": "2026-12-05"}),
    ])


def deal(ws, did="5001"):
    with ws.uow() as uow:
        return queries.show(uow.session, "deal", did)


def outbox(ws):
    with ws.uow() as uow:
        return uow.session.execute(select(s.OutboxItem).order_by(s.OutboxItem.id)).scalars().all()


def test_apply_updates_deal_and_writes_audit_and_outbox(workspace):
    applied = apply_plan(workspace, acme_plan(), now=NOW)
    d = deal(workspace)
    assert d["amount"] == 100000 and d["competitor"] == "Salesforce"
    assert d["next_step"] == "Board approval (Mike)"
    assert d["activities"][0]["type"] == "call" and d["last_activity_at"].startswith("2026-11-21")
    assert [t["title"] for t in d["tasks"]] == ["Follow up with Mike Chen"]
    with workspace.uow() as uow:
        entry = uow.session.get(s.AuditEntry, applied.audit_id)
        payload = json.loads(entry.payload)
        assert entry.kind == "plan_applied" and payload["transcript"].startswith("Just finished")
        upd = next(c for c in payload["changes"] if c["entity"] == "deal" and c["op"] == "update"
                   and not c.get("internal"))
        assert upd["before"]["amount_cents"] == 6_000_000 and upd["after"]["amount_cents"] == 10_000_000
        assert audit.verify(uow.session).ok
    items = outbox(workspace)
    assert {(o.entity_type, o.op) for o in items} == {("activity", "create"), ("deal", "update"), ("task", "create")}
    assert json.loads(next(o for o in items if o.op == "update").payload)["competitor"] == "Salesforce"
    assert len({o.idempotency_key for o in items}) == len(items)


def test_plan_is_all_or_nothing(workspace):
    bad = Plan(transcript="x", actions=[
        Action(kind="update_deal", target=ACME, fields={"amount": 1}),
        Action(kind="update_deal", target=ACME, fields={"stage": "Imaginary"}),
    ])
    with pytest.raises(PlanRejected, match="unknown stage 'Imaginary'"):
        apply_plan(workspace, bad, now=NOW)
    assert deal(workspace)["amount"] == 60000
    assert outbox(workspace) == []


def test_destructive_needs_explicit_confirmation_and_undo_restores(workspace):
    plan = Plan(transcript="delete Mike Chen", actions=[Action(kind="delete_record", target=MIKE)])
    assert plan.requires_confirmation and plan.destructive
    with pytest.raises(NeedsConfirmation):
        apply_plan(workspace, plan, now=NOW)
    apply_plan(workspace, plan, now=NOW, confirmed_destructive=True)
    assert deal(workspace)["contacts"] == []
    undo_last(workspace, now=NOW)
    d = deal(workspace)
    assert [c["id"] for c in d["contacts"]] == [101]
    with workspace.uow() as uow:
        assert queries.activities_for(uow.session, contact_id=101), "activities re-linked"


def test_undo_reverts_last_plan_and_refuses_to_clobber(workspace):
    apply_plan(workspace, acme_plan(), now=NOW)
    undo_last(workspace, now=NOW)
    d = deal(workspace)
    assert d["amount"] == 60000 and d["competitor"] is None and d["tasks"] == []
    with pytest.raises(NothingToUndo):
        undo_last(workspace, now=NOW)
    apply_plan(workspace, acme_plan(), now=NOW)
    apply_plan(workspace, Plan(transcript="b", actions=[
        Action(kind="update_deal", target=ACME, fields={"amount": 5})]), now=NOW)
    undo_last(workspace, now=NOW)  # undoes amount=5
    assert deal(workspace)["amount"] == 100000
    with workspace.uow() as uow:  # someone edits the deal outside the plan
        uow.session.get(s.Deal, 5001).competitor = "HubSpot"
        uow.commit()
    with pytest.raises(PlanRejected, match="changed since"):
        undo_last(workspace, now=NOW)
    assert deal(workspace)["competitor"] == "HubSpot"


def test_clarifications_block_apply(workspace):
    plan = Plan(transcript="call Sarah", clarifications=["Which Sarah?"])
    with pytest.raises(PlanRejected, match="open questions"):
        apply_plan(workspace, plan, now=NOW)


def test_do_not_contact_blocks_outreach(workspace):
    with workspace.uow() as uow:
        uow.session.get(s.Contact, 101).do_not_contact = True
        uow.commit()
    plan = Plan(transcript="email Mike", actions=[
        Action(kind="draft_email", target=MIKE, fields={"subject": "Hi", "body": "Hello"})])
    with pytest.raises(ComplianceBlocked, match="do-not-contact"):
        apply_plan(workspace, plan, now=NOW)


def test_email_draft_carries_unsubscribe_footer(workspace):
    with workspace.uow() as uow:
        uow.session.add(s.Setting(key="sender_address", value="founder@spectrum.example"))
        uow.commit()
    apply_plan(workspace, Plan(transcript="email Mike", actions=[
        Action(kind="draft_email", target=MIKE, fields={"subject": "Next steps", "body": "Hi Mike"})]), now=NOW)
    with workspace.uow() as uow:
        t = uow.session.execute(select(s.Task).where(s.Task.kind == "email_draft")).scalar_one()
    assert "unsubscribe" in t.body and "founder@spectrum.example" in t.body


def test_approvals_queue_survives_restart(db_url, fixture_dir):
    from desktop.store.importer import import_paths

    ws = open_workspace(db_url)
    import_paths(ws, [fixture_dir])
    a1 = approvals.submit(ws, acme_plan(), source="voice", now=NOW)
    a2 = approvals.submit(ws, Plan(transcript="del", actions=[Action(kind="delete_record", target=MIKE)]),
                          source="agent:ghostbuster", now=NOW)
    ws.dispose()
    ws = open_workspace(db_url)  # restart
    assert [a.id for a in approvals.list_approvals(ws)] == [a1, a2]
    done, skipped = approvals.approve_all_safe(ws)
    assert done == [a1] and skipped[0][0] == a2 and "destructive" in skipped[0][1]
    approvals.reject(ws, a2)
    assert approvals.list_approvals(ws) == []
    with ws.uow() as uow:
        assert uow.session.execute(select(func.count()).select_from(s.Contact).where(s.Contact.id == 101)).scalar() == 1
    ws.dispose()
