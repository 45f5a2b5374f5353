"""A chain survives SIGKILL: it resumes from the last completed step and no step that changed data
runs twice."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from pathlib import Path

from agent_helpers import builtin_text, write_loadout
from conftest import NOW
from sqlalchemy import func, select

from desktop.agents.fakes import FakeLLM
from desktop.store import agents as store
from desktop.store import schema as s
from desktop.store.approvals import list_approvals

CHILD = Path(__file__).with_name("agent_child.py")
ROOT = Path(__file__).resolve().parents[2]


def test_sigkill_mid_chain_then_resume_never_repeats_a_step(workspace, data_dir, make_service):
    url = workspace.engine.url.render_as_string(hide_password=False)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, str(CHILD), url, str(data_dir), "2"], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env=env, cwd=str(ROOT))
    seen = []
    for line in child.stdout:
        seen.append(line.strip())
        if line.startswith("BLOCKED"):
            break
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    child.stdout.close()
    child.stderr.close()
    assert seen[-1] == "BLOCKED", seen
    assert [ln.split()[3] for ln in seen if ln.startswith("STEP")] == [
        "stalled_deals", "diagnose_stall", "propose_plan", "diagnose_stall", "propose_plan"]
    before = list_approvals(workspace)
    assert len(before) == 2
    with workspace.uow() as uow:
        (run,) = store.resumable_runs(uow.session)
        assert run.status == "running" and run.finished_at is None

    llm = FakeLLM()
    svc = make_service(llm_model="openai/fake-model", llm=llm)
    (res,) = asyncio.run(svc.resume_interrupted())
    assert res.run_id == run.id and res.status == "done"
    after = list_approvals(workspace)
    assert len(after) == 5 and [a.id for a in after[:2]] == [a.id for a in before]
    targets = [a.plan.actions[0].target.id for a in after]
    assert len(set(targets)) == 5                       # each stale deal exactly once
    assert len(llm.calls) == 3                          # only the three deals not yet drafted
    keys = [st.idempotency_key for st in svc.steps(run.id)]
    assert len(keys) == len(set(keys)) == 11 and all(st.status == "done" for st in svc.steps(run.id))


def test_interrupted_auto_apply_is_reconciled_from_the_audit_log(make_service, workspace, data_dir):
    write_loadout(data_dir, "post_call", builtin_text("post-call", autonomy="auto", handoff="null"))
    svc = make_service()
    note = "Call with Globex: they are evaluating Samsara. Next step is to send the pricing sheet."
    res = asyncio.run(svc.run("post-call", input={"text": note, "deal": "Globex"}))
    assert res.status == "done" and len(res.applied) == 1
    # simulate a crash after the plan committed but before the step was marked done
    with workspace.uow() as uow:
        step = uow.session.execute(select(s.ChainStep).where(s.ChainStep.run_id == res.run_id,
                                                             s.ChainStep.tool == "propose_plan")).scalar_one()
        step.status, step.output = "started", "{}"
        run = uow.session.get(s.ChainRun, res.run_id)
        run.status, run.finished_at = "running", None
        uow.commit()
        applied_before = uow.session.execute(select(func.count()).select_from(s.AuditEntry).where(
            s.AuditEntry.kind == "plan_applied")).scalar()
    (again,) = asyncio.run(make_service().resume_interrupted())
    assert again.status == "done" and again.applied == res.applied
    with workspace.uow() as uow:
        assert uow.session.execute(select(func.count()).select_from(s.AuditEntry).where(
            s.AuditEntry.kind == "plan_applied")).scalar() == applied_before
        assert uow.session.execute(select(func.count()).select_from(s.Task).where(
            s.Task.kind == "email_draft")).scalar() == 1


def test_started_but_uncommitted_approval_step_runs_once(make_service, workspace):
    """A propose step left 'started' (crash before its transaction committed) queued nothing, so it
    runs again - exactly once."""
    svc = make_service()
    res = asyncio.run(svc.run("qualifier", now=NOW))
    with workspace.uow() as uow:
        step = uow.session.execute(select(s.ChainStep).where(s.ChainStep.run_id == res.run_id,
                                                             s.ChainStep.tool == "propose_plan")).scalar_one()
        step.status, step.output = "started", "{}"
        approval = uow.session.get(s.Approval, res.approvals[0])
        uow.session.delete(approval)   # the crash rolled the approval back with the step
        run = uow.session.get(s.ChainRun, res.run_id)
        run.status, run.finished_at = "running", None
        uow.commit()
    (again,) = asyncio.run(make_service().resume_interrupted())
    assert again.status == "done" and len(list_approvals(workspace)) == 1
