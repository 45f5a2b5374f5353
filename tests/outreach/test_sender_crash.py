"""SIGKILL the sender mid-send 30 times: no e-mail is sent twice and none is lost (the Message-ID
is the idempotency key; a row left 'sending' is sent again with the same Message-ID unless the
Sent folder has it).

The sender is the real ``spectrum email send`` in a child process. The kills come from the local
SMTP server while the child is in the middle of a message (after MAIL FROM, after RCPT TO, or with
the whole message received but before the server's 250 reply), after 0 or 1 message of each run went
through (60 e-mails, 30 kills), cycling through the three stages."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path

from mailservers import PASSWORD, USER
from outreach_helpers import confirm, open_ws, send_plan, set_undo
from sqlalchemy import select

from desktop.domain.plan import Target

ROOT = Path(__file__).resolve().parents[2]
KILLS = int(os.environ.get("KILLS", 30))
#: e-mails queued: more than the kills, so every kill finds a message in flight
MESSAGES = 2 * KILLS


def _contacts(ws, n):
    from desktop.store import schema as s

    with ws.uow() as uow:
        rows = uow.session.execute(select(s.Contact).where(s.Contact.email.is_not(None),
                                                           s.Contact.do_not_contact.is_(False))
                                   .order_by(s.Contact.id).limit(n)).scalars().all()
        return [Target(type="contact", id=str(c.id), name=f"{c.first_name} {c.last_name}") for c in rows]


def test_sigkill_mid_send_30_times_no_duplicate_no_loss(connected, mail, tmp_path):
    ws = open_ws(connected)
    try:
        set_undo(ws, 0)
        from desktop.outreach import service

        service.set_settings(ws, daily_budget=1000)
        targets = _contacts(ws, MESSAGES)
        assert len(targets) == MESSAGES
        for t in targets:
            confirm(ws, send_plan(t, subject=f"Hello {t.name}", body="A short note."))
        from desktop.store import email_outbox as eo

        with ws.uow() as uow:
            expected = {r.message_id for r in eo.queued(uow.session)}
    finally:
        ws.dispose()
    assert len(expected) == MESSAGES

    keyring_file = tmp_path / "keyring.json"
    keyring_file.write_text(json.dumps({f"spectrum-mail/{USER}": PASSWORD}))
    env = dict(os.environ, PYTHON_KEYRING_BACKEND="file_keyring.FileKeyring",
               SPECTRUM_TEST_KEYRING=str(keyring_file),
               PYTHONPATH=os.pathsep.join([str(ROOT / "tests" / "sync"), str(ROOT)]))
    rng = random.Random(15)
    stages = ["MAIL", "RCPT", "DATA"]
    state = {"child": None, "armed": False, "after": 0, "kills": 0, "passed": 0}
    lock = threading.Lock()

    def on_stage(stage: str) -> str | None:
        with lock:
            if not state["armed"]:
                return None
            if stage != stages[state["kills"] % 3] or state["passed"] < state["after"]:
                state["passed"] += stage == "DATA"
                return None
            os.kill(state["child"].pid, signal.SIGKILL)
            state["armed"] = False
            state["kills"] += 1
            return "451 4.3.0 try again later"

    mail.smtp.on_stage = on_stage
    runs = 0
    while True:
        runs += 1
        assert runs < 3 * KILLS, "the sender made no progress"
        with lock:
            state["armed"] = state["kills"] < KILLS
            state["after"], state["passed"] = rng.randint(0, 1), 0
            state["child"] = child = subprocess.Popen(
                [sys.executable, "-m", "desktop", "--data-dir", str(connected), "email", "send"],
                env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, err = child.communicate(timeout=120)
        if child.returncode == 0:
            ws = open_ws(connected)
            try:
                from desktop.store import email_outbox as eo

                with ws.uow() as uow:
                    left = eo.queued(uow.session) + eo.recover(uow.session, eo_now())
            finally:
                ws.dispose()
            if not left and state["kills"] >= KILLS:
                break
        else:
            assert child.returncode == -signal.SIGKILL, err.decode()
    assert state["kills"] == KILLS
    delivered = Counter(m["Message-ID"] for m in mail.delivered())
    assert set(delivered) == expected  # none lost
    assert max(delivered.values()) == 1  # none sent twice
    filed = Counter(m["Message-ID"] for m in mail.folder("Sent"))
    assert set(filed) == expected and max(filed.values()) == 1
    ws = open_ws(connected)
    try:
        with ws.uow() as uow:
            rows = eo.listed(uow.session, 100)
        assert Counter(r.status for r in rows) == {"sent": MESSAGES}
    finally:
        ws.dispose()


def eo_now():
    from desktop.outreach.message import utc_now

    return utc_now()
