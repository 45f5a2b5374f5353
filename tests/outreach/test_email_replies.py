"""End to end on the local mail servers: a draft approved -> sent (in the server's mailbox with the
right headers) -> a reply delivered to INBOX -> ``spectrum email poll`` logs it as an activity on
the contact and the deal, moves the deal's last activity and marks the e-mail replied; a bounce
(RFC 3464 report) marks it bounced; unrelated mail is ignored."""

from __future__ import annotations

import json
from datetime import datetime

from outreach_helpers import drain, open_ws, set_undo

from desktop.cli import main
from desktop.domain.plan import Action, Plan, Target

MIKE = Target(type="contact", id="101", name="Mike Chen")


def reply_to(msg, sender: str, text: str = "Sounds good, let's talk Tuesday.") -> bytes:
    return (f"From: {sender}\r\nTo: me@example.com\r\nSubject: Re: {msg['Subject']}\r\n"
            f"Message-ID: <reply-{msg['Message-ID'].strip('<>').split('@')[0]}@acme.example>\r\n"
            f"In-Reply-To: {msg['Message-ID']}\r\nReferences: {msg['Message-ID']}\r\n"
            f"Date: Mon, 07 Dec 2026 10:00:00 +0000\r\n\r\n{text}\r\n").encode()


def test_draft_approved_sent_replied_logged(connected, mail, capsys):
    from desktop.store import approvals, queries
    from desktop.store import email_outbox as eo
    from desktop.store.executor import apply_plan

    ws = open_ws(connected)
    try:
        set_undo(ws, 0)
        # an agent's draft waits in approvals; the user approves it, then sends the draft
        apply_plan(ws, Plan(transcript="draft", actions=[Action(kind="draft_email", target=MIKE, fields={
            "subject": "Rollout next steps", "body": "Hi Mike, here are the next steps."})]))
        from desktop.services.planning import build

        plan = build(ws).plan("send the draft to Mike Chen", now=datetime(2026, 11, 21, 9))
        approvals.approve(ws, approvals.submit(ws, plan, source="agent:post-call"))
        assert drain(ws, connected) == 1
        [sent] = mail.delivered()
        assert sent["To"] == "mike.chen@acme.example" and sent["Subject"] == "Rollout next steps"
        with ws.uow() as uow:
            row = eo.by_message_id(uow.session, sent["Message-ID"])
        assert row.agent == "post-call" and row.deal_id is not None
        # unrelated mail and the reply arrive
        mail.deliver_to_inbox(b"From: news@example.org\r\nSubject: Newsletter\r\nMessage-ID: <n1@example.org>\r\n\r\nhi\r\n")
        mail.deliver_to_inbox(reply_to(sent, "Mike Chen <mike.chen@acme.example>"))
    finally:
        ws.dispose()
    capsys.readouterr()
    assert main(["--data-dir", str(connected), "email", "poll", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"read": 2, "replies": 1, "bounces": 0}
    assert main(["--data-dir", str(connected), "email", "poll", "--json"]) == 0  # the cursor moved on
    assert json.loads(capsys.readouterr().out) == {"read": 0, "replies": 0, "bounces": 0}
    ws = open_ws(connected)
    try:
        with ws.uow() as uow:
            row = eo.by_message_id(uow.session, sent["Message-ID"])
            contact = queries.show(uow.session, "contact", "101")
            deal = queries.show(uow.session, "deal", str(row.deal_id))
        assert row.replied_at is not None
        assert any("Reply: Re: Rollout next steps" in str(a) for a in contact["activities"])
        assert any("Reply: Re: Rollout next steps" in str(a) for a in deal["activities"])
        from desktop.store import schema as s

        with ws.uow() as uow:
            assert uow.session.get(s.Deal, row.deal_id).last_activity_at == row.replied_at
            stats = eo.counts_by(uow.session)
        assert stats["post-call"]["sent"] == 1 and stats["post-call"]["replied"] == 1
        # the Agents panel's column for this agent
        from desktop.services.agents_facade import _with_emails

        assert _with_emails(ws, [{"name": "post-call"}, {"name": "qualifier"}]) == [
            {"name": "post-call", "emails": "1 / 1 / 0"}, {"name": "qualifier", "emails": "0 / 0 / 0"}]
    finally:
        ws.dispose()


def test_a_bounce_marks_the_email_bounced(connected, mail, capsys):
    from outreach_helpers import confirm, send_plan

    from desktop.store import email_outbox as eo

    ws = open_ws(connected)
    try:
        set_undo(ws, 0)
        confirm(ws, send_plan())
        drain(ws, connected)
        [sent] = mail.delivered()
        mail.deliver_to_inbox(
            b"From: Mail Delivery System <MAILER-DAEMON@example.com>\r\nSubject: Undelivered Mail\r\n"
            b"Message-ID: <dsn1@example.com>\r\nIn-Reply-To: " + sent["Message-ID"].encode() +
            b"\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=x\r\n\r\n--x--\r\n")
    finally:
        ws.dispose()
    capsys.readouterr()
    assert main(["--data-dir", str(connected), "email", "poll", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["bounces"] == 1
    ws = open_ws(connected)
    try:
        with ws.uow() as uow:
            row = eo.by_message_id(uow.session, sent["Message-ID"])
            assert row.bounced_at is not None and row.replied_at is None
            assert eo.counts_by(uow.session)["you"] == {"sent": 1, "replied": 0, "bounced": 1,
                                                         "cancelled": 0, "blocked": 0}
    finally:
        ws.dispose()
