"""One kill-switch implementation (desktop/agents/switches.py): what the desktop writes when the agents
runtime could not start is the very switch the runtime reads, audited the same way."""

from __future__ import annotations

from sqlalchemy import select

from desktop.agents import switches
from desktop.config import Settings
from desktop.store import schema as s


def _audit(workspace) -> list[tuple[str, str]]:
    with workspace.uow() as uow:
        rows = uow.session.execute(select(s.AuditEntry).where(
            s.AuditEntry.kind.in_(("kill_switch", "agent_paused", "agent_resumed"))).order_by(s.AuditEntry.id))
        return [(a.kind, a.summary) for a in rows.scalars()]


def test_the_backend_fallback_writes_the_switch_the_runtime_reads(workspace, make_service, data_dir, monkeypatch):
    from desktop.services.backend import Backend

    backend = Backend(Settings(data_dir=data_dir), workspace)
    monkeypatch.setattr(backend, "agent_service", lambda: None)  # the runtime did not start
    backend.set_agent_killed("ghostbuster", True)
    backend.set_global_kill(True)

    svc = make_service()
    states = {r.name: r.state for r in svc.list_agents()}
    assert states["ghostbuster"] == "killed"
    assert svc.gate.is_killed("ghostbuster") and svc.gate.global_killed
    assert _audit(workspace) == [("kill_switch", "killed ghostbuster"), ("kill_switch", "killed all agents")]

    backend.set_global_kill(False)
    svc.sync_switches()
    assert not svc.gate.global_killed and svc.gate.is_killed("ghostbuster")
    assert _audit(workspace)[-1] == ("kill_switch", "enabled all agents")


def test_runtime_switches_and_pauses_go_through_the_one_module(make_service, workspace, monkeypatch):
    calls: list[tuple[str, str, bool]] = []
    set_killed, set_paused = switches.set_killed, switches.set_paused
    monkeypatch.setattr(switches, "set_killed",
                        lambda ws, name, on, **kw: (calls.append(("kill", name, on)), set_killed(ws, name, on, **kw)))
    monkeypatch.setattr(switches, "set_paused",
                        lambda ws, name, on, **kw: (calls.append(("pause", name, on)), set_paused(ws, name, on, **kw)))
    svc = make_service()
    svc.kill("ghostbuster")
    svc.enable("ghostbuster")
    svc.pause_agent("ghostbuster")
    svc.resume_agent("ghostbuster")
    assert calls == [("kill", "ghostbuster", True), ("kill", "ghostbuster", False),
                     ("pause", "ghostbuster", True), ("pause", "ghostbuster", False)]
    assert _audit(workspace) == [("kill_switch", "killed ghostbuster"), ("kill_switch", "enabled ghostbuster"),
                                 ("agent_paused", "Agent ghostbuster paused"),
                                 ("agent_resumed", "Agent ghostbuster resumed")]
