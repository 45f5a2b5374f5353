"""Built-in agents do useful work with no LLM, and their plans go where the autonomy says."""

from __future__ import annotations

import asyncio

from agent_helpers import builtin_text, write_loadout
from conftest import NOW
from sqlalchemy import func, select

from desktop.agents.compliance import record_consent
from desktop.store import metrics
from desktop.store import schema as s
from desktop.store.approvals import list_approvals

GLOBEX_NOTE = ("Call with Priya at Globex: budget is 150K, approved by the CFO. They are also evaluating Samsara. "
               "Need to go live by end of January. Next step is to send the security questionnaire.")


def test_ghostbuster_queues_one_reengagement_plan_per_stale_deal(workspace, make_service):
    svc = make_service()
    res = asyncio.run(svc.run("ghostbuster"))
    assert res.status == "done", res.error
    with workspace.uow() as uow:
        total, stale = metrics.stale_deals(uow.session, NOW, limit=5)
    assert total > 5 and len(res.approvals) == 5
    pending = [a for a in list_approvals(workspace) if a.id in res.approvals]
    assert {a.source for a in pending} == {"agent:ghostbuster"}
    targets = [a.plan.actions[0].target.id for a in pending]
    assert targets == [str(d["id"]) for d in stale]
    for a in pending:
        assert [x.kind for x in a.plan.actions] == ["draft_email", "create_task"]
        assert "stalled" in a.plan.actions[1].fields["title"]
    diag = [o for o in res.outputs if "reasons" in o]
    assert len(diag) == 5 and all(any("no activity for" in r for r in o["reasons"]) for o in diag)
    # nothing was written besides the approvals: no tasks created yet
    with workspace.uow() as uow:
        assert uow.session.execute(select(func.count()).select_from(s.Task)).scalar() == 0


def test_qualifier_scores_routes_and_plans_calls_for_hot_leads(make_service, workspace):
    res = asyncio.run(make_service().run("qualifier"))
    assert res.status == "done"
    out = res.outputs[0]
    assert out["scored"] == 90 and sum(out["bands"].values()) == 90
    assert all(x["score"] >= 70 and x["band"] == "HOT" for x in out["hot"])
    assert all(40 <= x["score"] < 70 for x in out["warm"])
    plan = list_approvals(workspace)[0].plan
    assert plan.actions and all(a.kind == "create_task" and a.target.type == "contact" for a in plan.actions)
    assert all(a.fields["due_date"] == NOW.date().isoformat() for a in plan.actions)


def test_post_call_note_becomes_activity_bant_then_qualifier_routes_it(make_service, workspace):
    res = asyncio.run(make_service().run("post-call", input={"text": GLOBEX_NOTE, "deal": "Globex"}))
    assert res.status == "done", res.error
    bant = res.outputs[0]["bant"]
    assert bant["budget"] == 150000 and bant["competitor"] == "Samsara" and bant["timeline"] == "2027-01-31"
    assert bant["authority"] == "CFO" and "go live" not in (bant["need"] or "")
    post, qual = [a.plan for a in list_approvals(workspace)]
    kinds = [a.kind for a in post.actions]
    assert kinds[0] == "log_activity" and "update_deal" in kinds and "draft_email" not in kinds
    upd = next(a for a in post.actions if a.kind == "update_deal")
    assert upd.target.name.startswith("Globex") and upd.fields["competitor"] == "Samsara"
    assert "security questionnaire" in upd.fields["next_step"]
    assert upd.fields["close_date"] == "2027-01-31"          # the timeline, once the user approves
    note = next(a for a in post.actions if a.kind == "log_activity" and a.fields["body"].startswith("BANT+"))
    assert 'Budget: $150,000 - "Call with Priya at Globex: budget is 150K, approved by the CFO."' in note.fields["body"]
    # the chain continues in the Qualifier: a verdict and the follow-up
    (handed,) = res.handoffs
    assert handed.agent == "qualifier" and handed.status == "done"
    verdict = handed.outputs[0]["verdict"]
    assert verdict["verdict"] == "nurture" and verdict["route"] == "warm"   # no need stated: 3 of 4 known
    assert [a.kind for a in qual.actions] == ["log_activity", "draft_email", "create_task"]
    assert "security questionnaire" in qual.actions[1].fields["body"]


def test_auto_autonomy_applies_non_destructive_plan_as_the_agent(make_service, workspace, data_dir):
    write_loadout(data_dir, "post_call", builtin_text("post-call", autonomy="auto", handoff="null"))
    res = asyncio.run(make_service().run("post-call", input={"text": GLOBEX_NOTE, "deal": "Globex"}))
    assert res.status == "done" and res.applied and not res.approvals
    with workspace.uow() as uow:
        deal = uow.session.get(s.Deal, 5004)
        assert deal.competitor == "Samsara"
        entry = uow.session.get(s.AuditEntry, res.applied[0])
        assert entry.actor == "agent:post-call" and entry.kind == "plan_applied"
        draft = uow.session.execute(select(s.Task).where(s.Task.kind == "email_draft")).scalar_one()
        assert "unsubscribe" in draft.body  # the executor's footer


def test_destructive_plan_is_never_auto_applied(make_service, workspace, data_dir):
    from desktop.agents.chain import StepSpec
    from desktop.agents.tools import ToolContext
    from desktop.domain.plan import Action, Plan, Target

    write_loadout(data_dir, "cfo", builtin_text("cfo", autonomy="auto", tools="[delete_record, create_task]"))
    svc = make_service()
    lo = svc.loadout("cfo")
    run_id = svc.runner.create(lo, [StepSpec("propose_plan")], now=NOW)
    ctx = ToolContext(workspace, NOW, lo, None, None, run_id)
    plan = Plan(transcript="delete it", actions=[Action(kind="delete_record",
                                                        target=Target(type="deal", id="5004", name="Globex"))])

    async def go():
        from desktop.store import agents as store

        with workspace.uow() as uow:
            store.begin_step(uow.session, run_id, 0, "propose_plan", {}, f"cfo:{run_id}:0", NOW)
            uow.commit()
        return await svc.runner._propose(ctx, plan, f"cfo:{run_id}:0")
    out = asyncio.run(go())
    assert out.get("approval_id") and not out.get("applied")
    with workspace.uow() as uow:
        assert uow.session.get(s.Deal, 5004) is not None


def test_do_not_contact_blocks_agent_outreach_with_a_reason(make_service, workspace):
    # the first stale deal's contact withdraws all consent
    with workspace.uow() as uow:
        _, stale = metrics.stale_deals(uow.session, NOW, limit=1)
        contact_id = uow.session.execute(select(s.DealContact.contact_id).where(
            s.DealContact.deal_id == stale[0]["id"])).scalars().first()
    record_consent(workspace, contact_id, granted=False, channel="any", method="asked on call", now=NOW)
    res = asyncio.run(make_service().run("ghostbuster"))
    first = next(a for a in list_approvals(workspace) if a.id == res.approvals[0])
    assert [a.kind for a in first.plan.actions] == ["create_task"]
    assert "do-not-contact" in first.plan.message


def test_briefing_and_cfo_post_to_chat(make_service):
    svc = make_service()
    assert asyncio.run(svc.run("briefing")).status == "done"
    assert asyncio.run(svc.run("cfo")).status == "done"
    brief = svc.history("briefing")[-1]
    assert brief["role"] == "agent" and "Leads to call:" in brief["text"] and "Deals at risk" in brief["text"]
    assert any(c["type"] == "contact" for c in brief["context"])
    cfo = svc.history("cfo")[-1]["text"]
    assert "Burn is $29,371/month" in cfo


def test_status_rows_and_success_rate(make_service):
    svc = make_service()
    asyncio.run(svc.run("cfo"))
    row = next(r for r in svc.list_agents() if r.name == "cfo")
    assert row.state == "idle" and row.last_status == "done" and row.success_rate == 1.0
    assert row.model == "offline" and row.spend_today_usd == 0.0


def test_schedule_due(make_service, clock):
    from datetime import datetime

    svc = make_service()
    saturday = datetime(2026, 11, 21, 9, 0)
    assert "ghostbuster" not in svc.due(saturday)
    monday = datetime(2026, 11, 23, 8, 5)
    due = svc.due(monday)
    assert "ghostbuster" in due and "cfo" not in due  # cfo: mon 08:30
    asyncio.run(svc.run("ghostbuster", now=monday))
    clock.now = monday
    assert "ghostbuster" not in svc.due(monday)


def test_serve_runs_due_agents_once_until_stopped(make_service):
    from datetime import datetime

    svc = make_service()
    monday = datetime(2026, 11, 23, 8, 40)
    ran = []

    async def go():
        stop = asyncio.Event()
        real = svc.run_due

        async def run_due(now):
            results = await real(now)
            ran.extend(r.agent for r in results)
            if len(ran) >= 1:
                stop.set()
            return results
        svc.run_due = run_due
        await svc.serve(stop, interval_s=0.01, local_now=lambda: monday)
    asyncio.run(go())
    assert sorted(ran) == ["briefing", "cfo", "follow-up", "ghostbuster", "qualifier"]   # post-call has no schedule
    assert svc.due(monday) == []
