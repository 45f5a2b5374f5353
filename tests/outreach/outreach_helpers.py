"""Helpers shared by the outreach tests and benchmarks."""

from __future__ import annotations

import threading
from pathlib import Path

from desktop.config import Settings
from desktop.domain.plan import Action, Plan, Target

NINA = Target(type="contact", id="111", name="Nina Patel")
PRIYA = Target(type="contact", id="105", name="Priya Natarajan")


def open_ws(data_dir: Path):
    from desktop.bootstrap import open_workspace

    return open_workspace(Settings(data_dir=data_dir))


def send_plan(target: Target = NINA, subject: str = "Onboarding checklist", body: str = "Hi Nina,\n\nHere it is.",
              **extra) -> Plan:
    return Plan(transcript=f"email {target.name} the {subject.lower()}",
                actions=[Action(kind="send_email", target=target, fields={"subject": subject, "body": body, **extra})])


def confirm(ws, plan: Plan, **kw):
    """Apply ``plan`` as the user's confirmation does; returns the new e-mail row ids."""
    from desktop.store.executor import apply_plan

    applied = apply_plan(ws, plan, **kw)
    return [c["id"] for c in applied.changes if c["entity"] == "email"]


def drain(ws, data_dir: Path) -> int:
    """Run the sender until nothing is queued."""
    from desktop.outreach import service

    return service.send(ws, service.mailbox(ws), threading.Event(), data_dir=data_dir)


def set_undo(ws, seconds: float) -> None:
    from desktop.outreach import service

    service.set_settings(ws, undo_seconds=seconds)
