"""Issue 13 #6: every change goes through one unit of work with an audit entry, like a Plan:
pulled records (author: the CRM), conflict resolutions, consent and do-not-contact changes, kill
switches and the cash balance; ``spectrum audit`` lists them and ``audit --verify`` covers them."""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import select
from sync_helpers import client, hubspot, make_emulator, run

from desktop.agents.compliance import record_consent
from desktop.agents.gate import GLOBAL
from desktop.agents.service import AgentService
from desktop.bootstrap import open_workspace
from desktop.cli import main
from desktop.config import Settings
from desktop.domain.plan import Action, Plan, Target
from desktop.store import schema as s
from desktop.store.executor import apply_plan
from desktop.store.sync_state import StoreState
from desktop.sync.engine import SyncEngine

OLD = 1_700_000_000_000


def _entries(ws, kind=None):
    with ws.uow() as uow:
        q = select(s.AuditEntry).order_by(s.AuditEntry.id)
        if kind:
            q = q.where(s.AuditEntry.kind == kind)
        return [(e.actor, e.kind, e.summary, json.loads(e.payload))
                for e in uow.session.execute(q).scalars()]


def _pull(ws, emu):
    async def go():
        async with client() as c:
            return await SyncEngine(hubspot(c, emu), StoreState(ws, "hubspot")).pull()
    return run(go())


def test_pulls_conflicts_consent_kill_switch_and_cash_are_audited_and_verified(tmp_path, capsys):
    data = tmp_path / "data"
    settings = Settings(data_dir=data)
    ws = open_workspace(settings)
    try:
        with make_emulator() as emu:
            hs = emu.hubspot
            ada = hs.create("contacts", {"firstname": "Ada", "lastname": "L", "email": "ada@x.test",
                                         "jobtitle": "CTO"}, updated_ms=OLD)
            _pull(ws, emu)
            pulls = _entries(ws, "pull")
            assert pulls and all(a == "crm:hubspot" and "pulled from HubSpot" in sm
                                 for a, _k, sm, _p in pulls)
            created = [c for *_x, p in pulls for c in p["changes"] if c["entity"] == "contact"]
            assert created and created[0]["op"] == "create" and created[0]["after"]["first_name"] == "Ada"
            pipelines = [e for e in _entries(ws, "pull") if "pipelines" in e[2]]
            assert pipelines and any(c["entity"] == "stage" for c in pipelines[0][3]["changes"])

            # a remote edit arrives as an update with before/after, authored by the CRM
            hs.update("contacts", ada["id"], {"jobtitle": "CEO"})
            _pull(ws, emu)
            (change,) = [c for *_x, p in _entries(ws, "pull")[len(pulls):] for c in p["changes"]
                          if c["entity"] == "contact"]
            assert change["op"] == "update" and change["before"] == {"job_title": "CTO"} \
                and change["after"] == {"job_title": "CEO"}
            # an echo (nothing changed) writes no entry
            before = len(_entries(ws))
            _pull(ws, emu)
            assert len(_entries(ws)) == before

            # a conflict and its resolution
            with ws.uow() as uow:
                cid = uow.session.execute(select(s.Contact.id)).scalar_one()
            apply_plan(ws, Plan(transcript="Ada is VP now", actions=[Action(
                kind="update_contact", target=Target(type="contact", id=str(cid), name="Ada"),
                fields={"job_title": "VP"})], requires_confirmation=True))
            hs.update("contacts", ada["id"], {"jobtitle": "Founder"})
            report = _pull(ws, emu)
            (conflict,) = report.conflicts
            StoreState(ws, "hubspot").resolve_conflict(conflict.id, "remote")
            _a, _k, summary, payload = _entries(ws, "conflict_resolved")[-1]
            assert payload["keep"] == "remote" and payload["field"] == "job_title"
            assert [c["after"] for c in payload["changes"] if c["entity"] == "contact"] == [
                {"job_title": "Founder"}]

        # consent withdrawn: the do-not-contact flag flips in the same audited unit of work
        record_consent(ws, cid, granted=False, method="asked on a call", now=datetime(2026, 12, 6))
        actor, _k, _s, payload = _entries(ws, "consent")[-1]
        (dnc,) = [c for c in payload["changes"] if c["entity"] == "contact"]
        assert dnc["before"]["do_not_contact"] is False and dnc["after"]["do_not_contact"] is True

        # the global kill switch, then the cash balance through the CLI
        svc = AgentService(ws, settings, llm=object())
        svc.kill_all()
        _a, _k, summary, payload = _entries(ws, "kill_switch")[-1]
        assert payload["changes"] == [{"entity": "agent_state", "id": GLOBAL, "op": "create",
                                       "before": None, "after": {"killed": True}}]
    finally:
        ws.dispose()
    assert main(["--data-dir", str(data), "set", "cash", "120000"]) == 0
    assert main(["--data-dir", str(data), "set", "cash", "90000"]) == 0
    ws = open_workspace(settings)
    try:
        _a, _k, _s, payload = _entries(ws, "setting")[-1]
        assert payload["changes"][0]["before"] == {"value": "12000000"}
        assert payload["changes"][0]["after"] == {"value": "9000000"}
        kinds = {k for _a, k, _s, _p in _entries(ws)}
        assert {"pull", "plan_applied", "conflict_resolved", "consent", "kill_switch",
                "setting"} <= kinds
    finally:
        ws.dispose()
    capsys.readouterr()
    assert main(["--data-dir", str(data), "audit", "--verify", "--json"]) == 0
    verdict = json.loads(capsys.readouterr().out)
    assert verdict["ok"] is True and verdict["checked"] == _count(data)

    # an edited pull entry is caught
    ws = open_workspace(settings)
    try:
        with ws.uow() as uow:
            e = uow.session.execute(select(s.AuditEntry).where(s.AuditEntry.kind == "pull")).scalars().first()
            e.summary = "nothing happened"
            uow.commit()
    finally:
        ws.dispose()
    capsys.readouterr()
    assert main(["--data-dir", str(data), "audit", "--verify"]) == 1


def _count(data) -> int:
    ws = open_workspace(Settings(data_dir=data))
    try:
        return len(_entries(ws))
    finally:
        ws.dispose()
