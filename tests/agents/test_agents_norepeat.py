"""No repeats: an agent never proposes again what is pending in approvals, or was approved or
rejected lately; a rejection makes it wait longer."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import timedelta

from desktop.store import approvals


def _targets(ws) -> Counter:
    """(kind, deal id) of every change queued by Ghostbuster, over all approvals."""
    out: Counter = Counter()
    for a in approvals.list_approvals(ws, status=None):
        if a.source == "agent:ghostbuster":
            for act in a.plan.actions:
                out[(act.kind, act.target.id)] += 1
    return out


def test_ghostbuster_twice_queues_no_duplicate_approvals(make_service, workspace):
    svc = make_service()
    first = asyncio.run(svc.run("ghostbuster"))
    assert first.status == "done" and len(first.approvals) == 5
    second = asyncio.run(svc.run("ghostbuster"))
    assert second.status == "done"
    counts = _targets(workspace)
    assert counts and max(counts.values()) == 1                 # nothing proposed twice
    out = next(o for o in second.outputs if "already_proposed" in o)
    assert len(out["already_proposed"]) == 5                     # the pending five wait
    # the second run moves on to the next stalled deals instead (if any)
    assert not set(second.approvals) & set(first.approvals)


def test_approved_and_rejected_plans_are_not_proposed_again(make_service, workspace, clock):
    svc = make_service()
    first = asyncio.run(svc.run("ghostbuster"))
    a_ok, a_no = first.approvals[:2]
    approvals.approve(workspace, a_ok, now=clock())
    approvals.reject(workspace, a_no, now=clock())
    for a in first.approvals[2:]:
        approvals.reject(workspace, a, now=clock())
    clock.advance(days=1)
    asyncio.run(svc.run("ghostbuster"))
    assert max(_targets(workspace).values()) == 1
    # after the repeat window (7 days) an approved deal that is still quiet may come back; a
    # rejected one waits 30 days
    rejected_deals = {act.target.id for a in approvals.list_approvals(workspace, status="rejected")
                      for act in a.plan.actions}
    clock.advance(days=8)
    asyncio.run(svc.run("ghostbuster"))
    again = [(k, d) for (k, d), n in _targets(workspace).items() if n > 1]
    assert not {d for _k, d in again} & rejected_deals


def test_a_repeat_inside_one_plan_is_dropped_with_the_reason(make_service, workspace):
    from desktop.agents.chain import drop_repeats
    from desktop.domain.plan import Action, Plan, Target

    svc = make_service()
    res = asyncio.run(svc.run("ghostbuster"))
    queued = approvals.list_approvals(workspace)[0]
    deal = next(a.target for a in queued.plan.actions)
    plan = Plan(transcript="again", actions=[
        Action(kind="create_task", target=deal, fields={"title": "Call again", "due_date": "2026-11-25"}),
        Action(kind="create_task", target=Target(type="deal", id="999999", name="Other"),
               fields={"title": "New", "due_date": "2026-11-25"})])
    kept = drop_repeats(workspace, svc.loadout("ghostbuster"), plan, svc.clock() + timedelta(hours=1))
    assert [a.target.id for a in kept.actions] == ["999999"]
    assert f"already proposed (approval #{queued.id}, pending)" in kept.message
    assert res.approvals


def test_since_yesterday_uses_audit_and_crm_times_never_the_import_time(make_service, workspace, clock):
    """Right after an import every deal's updated_at is the import time: the brief lists no moves.
    A stage moved to won through a plan shows up the next morning, and only that one."""
    from desktop.domain.plan import Action, Plan, Target
    from desktop.store import schema as s
    from desktop.store.executor import apply_plan

    svc = make_service()
    with workspace.uow() as uow:   # the import just now stamped every deal
        for d in uow.session.query(s.Deal):
            d.updated_at = clock()
        uow.commit()
    brief = asyncio.run(svc.run("briefing")).outputs[0]
    assert [m for m in brief["moves"] if m["won"] or m["lost"]] == []
    apply_plan(workspace, Plan(transcript="Globex is won", actions=[
        Action(kind="update_deal", target=Target(type="deal", id="5004", name="Globex"),
               fields={"stage": "Closed Won"})]), now=clock())
    clock.advance(hours=20)
    moves = asyncio.run(svc.run("briefing")).outputs[0]["moves"]
    assert [(m["id"], m["won"]) for m in moves if m["won"] or m["lost"]] == [(5004, True)]
    clock.advance(days=2)
    assert not [m for m in asyncio.run(svc.run("briefing")).outputs[0]["moves"] if m["won"]]


def test_a_second_call_note_on_the_same_deal_is_no_repeat(make_service, workspace):
    svc = make_service()
    first = asyncio.run(svc.run("post-call", input={"text": "Call with Globex: they are evaluating Samsara.",
                                                    "deal": "Globex"}))
    second = asyncio.run(svc.run("post-call", input={"text": "Globex again: they dropped Samsara, budget is 90K. "
                                                     "I'll send the pricing sheet.", "deal": "Globex"}))
    assert first.approvals and second.approvals   # new facts are a new proposal
    plan = next(a.plan for a in approvals.list_approvals(workspace) if a.id == second.approvals[0])
    assert any(a.kind == "update_deal" for a in plan.actions)
    # its Qualifier follow-up draft for the same deal waits: the first one is still pending
    (q2,) = second.handoffs
    q2_plan = next(a.plan for a in approvals.list_approvals(workspace) if a.id in q2.approvals) if q2.approvals else None
    assert q2_plan is None or not any(a.kind == "draft_email" for a in q2_plan.actions)
