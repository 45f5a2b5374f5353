"""A mailbox connected with an app password; confirmed e-mails leave through the user's own SMTP
server, land in their Sent folder and thread with earlier messages (local servers on 127.0.0.1)."""

from __future__ import annotations

import io
import json

from mailservers import PASSWORD, USER
from outreach_helpers import confirm, connect_args, drain, open_ws, send_plan, set_undo

from desktop.cli import main


def test_connect_keeps_the_app_password_in_the_keyring_only(connected, memory_keyring):
    assert memory_keyring.data[("spectrum-mail", USER)] == PASSWORD
    raw = (connected / "workspace.db").read_bytes()
    assert PASSWORD.encode() not in raw
    ws = open_ws(connected)
    try:
        from desktop.outreach.sender import mailbox_config

        cfg = mailbox_config(ws)
        assert cfg.address == USER and cfg.smtp_security == "none" and cfg.sent_folder == "Sent"
    finally:
        ws.dispose()


def test_connect_with_a_wrong_password_says_so(data_dir, mail, memory_keyring, monkeypatch, capsys):
    monkeypatch.setattr("sys.stdin", io.StringIO("wrong-password\n"))
    assert main(connect_args(data_dir, mail)) == 3
    assert "refused the login" in capsys.readouterr().err


def test_connect_with_bad_input_writes_nothing(data_dir, memory_keyring, capsys):
    assert main(["--data-dir", str(data_dir), "connect", "email", "--address", "not-an-address",
                 "--smtp", "127.0.0.1:25", "--imap", "127.0.0.1:143", "--password-stdin"]) == 2
    assert "not an e-mail address" in capsys.readouterr().err
    assert memory_keyring.data == {}


def test_confirmed_email_is_sent_filed_in_sent_and_threads(connected, mail):
    ws = open_ws(connected)
    try:
        set_undo(ws, 0)
        [first] = confirm(ws, send_plan())
        assert drain(ws, connected) == 1
        [msg] = mail.delivered()
        assert msg["To"] == "nina.patel@pinecrestdental.example" and msg["Subject"] == "Onboarding checklist"
        assert msg["From"] == f"Alex Rivera <{USER}>"
        from desktop.store import email_outbox as eo

        with ws.uow() as uow:
            row = eo.get(uow.session, first)
        assert msg["Message-ID"] == row.message_id and row.status == "sent" and row.filed_at is not None
        assert row.message_id.endswith("@example.com>")
        sent = mail.folder("Sent")
        assert [m["Message-ID"] for m in sent] == [row.message_id]
        assert "Here it is." in sent[0].get_payload()
        # a reply in the same thread carries In-Reply-To and References
        [second] = confirm(ws, send_plan(subject="Re: Onboarding checklist", body="One more thing.",
                                         in_reply_to=row.message_id))
        drain(ws, connected)
        reply = mail.delivered()[1]
        assert reply["In-Reply-To"] == row.message_id and reply["References"] == row.message_id
        assert len(mail.folder("Sent")) == 2
    finally:
        ws.dispose()


def test_send_logs_the_activity_and_audit_in_one_transaction(connected, capsys):
    ws = open_ws(connected)
    try:
        [eid] = confirm(ws, send_plan())
        from desktop.store import queries

        with ws.uow() as uow:
            shown = queries.show(uow.session, "contact", "111")
        assert any("Onboarding checklist" in str(a) for a in shown["activities"])
        from sqlalchemy import select

        from desktop.store import schema as s

        with ws.uow() as uow:
            entry = uow.session.execute(select(s.AuditEntry).where(s.AuditEntry.kind == "plan_applied")).scalar_one()
            payload = json.loads(entry.payload)
            crm_rows = uow.session.execute(select(s.OutboxItem).where(s.OutboxItem.audit_id == entry.id)).scalars().all()
        assert {"activity", "email"} <= {c["entity"] for c in payload["changes"]}
        assert [r.entity_type for r in crm_rows] == ["activity"]  # the activity syncs to the CRM
    finally:
        ws.dispose()


def test_undo_send_from_the_cli_stops_the_email(connected, mail, capsys):
    ws = open_ws(connected)
    try:
        [eid] = confirm(ws, send_plan())  # default undo window: 10 s
    finally:
        ws.dispose()
    capsys.readouterr()
    assert main(["--data-dir", str(connected), "email", "cancel", str(eid)]) == 0
    assert "will not be sent" in capsys.readouterr().err
    assert main(["--data-dir", str(connected), "email", "cancel", str(eid)]) == 1
    assert "cancelled" in capsys.readouterr().err
    ws = open_ws(connected)
    try:
        set_undo(ws, 0)
        drain(ws, connected)
        from desktop.store import queries

        with ws.uow() as uow:
            shown = queries.show(uow.session, "contact", "111")
        assert not any("Onboarding checklist" in str(a) for a in shown["activities"])
    finally:
        ws.dispose()
    assert mail.delivered() == []
    assert main(["--data-dir", str(connected), "email", "list", "--json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["status"] == "cancelled" and row["reason"] == "cancelled by you"


def test_an_email_still_in_its_undo_window_waits(connected, mail):
    ws = open_ws(connected)
    try:
        [eid] = confirm(ws, send_plan())
        drain_report = None
        from desktop.outreach import service
        from desktop.outreach.sender import Sender

        drain_report = Sender(ws, service.mailbox(ws)).cycle()
        assert drain_report.sent == [] and mail.delivered() == []
    finally:
        ws.dispose()
