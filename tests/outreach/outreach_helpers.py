"""Helpers shared by the outreach tests and benchmarks."""

from __future__ import annotations

import threading
from pathlib import Path

import keyring.backend
from mailservers import USER

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


class MemoryKeyring(keyring.backend.KeyringBackend):
    """Passwords in a dict (tests only)."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.data: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.data.get((service, username))

    def set_password(self, service, username, password):
        self.data[(service, username)] = password

    def delete_password(self, service, username):
        self.data.pop((service, username), None)


def connect_args(data_dir, mail) -> list[str]:
    return ["--data-dir", str(data_dir), "connect", "email", "--address", USER,
            "--smtp", f"127.0.0.1:{mail.smtp_port}", "--imap", f"127.0.0.1:{mail.imap_port}",
            "--smtp-security", "none", "--imap-security", "none", "--name", "Alex Rivera",
            "--password-stdin"]
