"""A chain across agents - a dictated call note -> Post-call -> Qualifier -> a queued draft - killed
with SIGKILL after every one of its steps in turn, each time resumed by a new process: it ends with
each plan queued exactly once and every step done once."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

from desktop.store import agents as store
from desktop.store.approvals import list_approvals

CHILD = Path(__file__).with_name("chain_child.py")
ROOT = Path(__file__).resolve().parents[2]
NOTE = ("Call with Priya at Globex. They've got about 150K set aside and the CFO signs off. They need to cut "
        "manual dispatch work. They want to go live by the end of January, and they're also looking at Samsara. "
        "I'll send over the security questionnaire.")


def test_call_note_to_queued_draft_survives_sigkill_at_each_step(workspace, data_dir):
    url = workspace.engine.url.render_as_string(hide_password=False)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    steps_seen, kills = [], 0
    for _ in range(12):
        proc = subprocess.run([sys.executable, str(CHILD), url, str(data_dir), "1", NOTE], capture_output=True,
                              text=True, env=env, cwd=str(ROOT), timeout=120)
        steps_seen += [ln.split()[3] for ln in proc.stdout.splitlines() if ln.startswith("STEP")]
        if proc.returncode == -9:
            kills += 1
            continue
        assert proc.returncode == 0, proc.stderr[-2000:]
        assert "FINISHED" in proc.stdout
        break
    # one kill after each of the five steps, then a last process that only closes the run
    assert steps_seen == ["plan_from_note", "propose_plan", "hand_off", "qualify_deal", "propose_plan"]
    assert kills == 5
    runs = {r.agent: r for r in store_runs(workspace)}
    assert set(runs) == {"post-call", "qualifier"} and all(r.status == "done" for r in runs.values())
    assert runs["qualifier"].state["parent_run"] == runs["post-call"].id
    queued = list_approvals(workspace)
    assert [a.source for a in queued] == ["agent:post-call", "agent:qualifier"]
    post, qual = (a.plan for a in queued)
    assert any(a.kind == "update_deal" and a.fields.get("competitor") == "Samsara" for a in post.actions)
    draft = next(a for a in qual.actions if a.kind == "draft_email")
    assert "security questionnaire" in draft.fields["body"]
    with workspace.uow() as uow:
        keys = Counter(st.idempotency_key for r in runs.values() for st in store.steps(uow.session, r.id))
        assert len(keys) == 5 and set(keys.values()) == {1}
        assert all(st.status == "done" for r in runs.values() for st in store.steps(uow.session, r.id))


def store_runs(workspace):
    with workspace.uow() as uow:
        return store.list_runs(uow.session, None, 100)
