"""Rules checked at send time, not only at draft time: do-not-contact, withdrawn consent, the
frequency cap, sending hours, the daily budget and the agents' kill switches. A blocked send says
why (``spectrum email list``), nothing reaches the SMTP server, and its activity is removed."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from outreach_helpers import NINA, PRIYA, confirm, drain, open_ws, send_plan, set_undo

from desktop.cli import main
from desktop.outreach import rules
from desktop.store.email_outbox import SendFacts

NOW = datetime(2026, 12, 7, 15, 0)  # a Monday, 15:00 UTC


def facts(**kw) -> SendFacts:
    base = dict(contact_name="Nina Patel", do_not_contact=False, consent_withdrawn=False, time_zone=None,
                last_sent_at=None, is_reply=False, sent_today=0, daily_budget=50, agent=None, agent_killed=False)
    return SendFacts(**{**base, **kw})


def test_rules_in_order():
    assert rules.decide(facts(), NOW).action == "send"
    d = rules.decide(facts(agent="ghostbuster", agent_killed=True, do_not_contact=True), NOW)
    assert d.action == "block" and d.reason == "the kill switch of agent ghostbuster is on"
    assert rules.decide(facts(do_not_contact=True), NOW).reason == "Nina Patel is marked do-not-contact"
    assert rules.decide(facts(consent_withdrawn=True), NOW).reason == "Nina Patel withdrew consent to e-mail"
    d = rules.decide(facts(last_sent_at=NOW - timedelta(days=2)), NOW)
    assert d.action == "block" and "e-mailed 2 days ago; at most one e-mail in 3 days" in d.reason
    assert rules.decide(facts(last_sent_at=NOW - timedelta(days=2), is_reply=True), NOW).action == "send"
    assert rules.decide(facts(last_sent_at=NOW - timedelta(days=3)), NOW).action == "send"
    d = rules.decide(facts(sent_today=50), NOW)
    assert d.action == "hold" and d.until == datetime(2026, 12, 8) and "budget (50 e-mails)" in d.reason


def test_sending_hours_in_the_contacts_time_zone():
    # 15:00 UTC is 07:00 in Los Angeles: held until 08:00 there (16:00 UTC)
    d = rules.decide(facts(time_zone="America/Los_Angeles"), NOW)
    assert d.action == "hold" and d.until == datetime(2026, 12, 7, 16, 0)
    assert "Mon 08:00 (America/Los_Angeles)" in d.reason
    assert rules.decide(facts(time_zone="Europe/Berlin"), NOW).action == "send"  # 16:00 there
    # Friday 19:30 in Berlin -> Monday 08:00
    d = rules.decide(facts(time_zone="Europe/Berlin"), datetime(2026, 12, 11, 18, 30))
    assert d.until == datetime(2026, 12, 14, 7, 0)
    assert rules.decide(facts(time_zone="Not/AZone"), NOW).action == "send"  # unknown zone: no hold


def _list(data_dir, capsys):
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "email", "list", "--json"]) == 0
    return {r["id"]: r for r in json.loads(capsys.readouterr().out)}


def test_dnc_and_withdrawn_consent_set_after_confirming_block_the_send(connected, mail, capsys):
    from desktop.agents.compliance import record_consent
    from desktop.store import agents as store

    ws = open_ws(connected)
    try:
        set_undo(ws, 0)
        [nina] = confirm(ws, send_plan(NINA))
        [priya] = confirm(ws, send_plan(PRIYA, body="Hi Priya"))
        # after the confirmation, before the sender runs
        with ws.uow() as uow:
            store.set_do_not_contact(uow.session, 111, True, datetime.utcnow())
            uow.commit()
        record_consent(ws, 105, granted=False, channel="email", method="replied 'stop'")
        assert drain(ws, connected) == 0
    finally:
        ws.dispose()
    assert mail.delivered() == []
    rows = _list(connected, capsys)
    assert rows[nina]["status"] == "blocked" and rows[nina]["reason"] == "Nina Patel is marked do-not-contact"
    assert rows[priya]["status"] == "blocked" and rows[priya]["reason"] == "Priya Natarajan withdrew consent to e-mail"
    assert main(["--data-dir", str(connected), "email", "list"]) == 0
    assert "blocked   nina.patel@pinecrestdental.example" in capsys.readouterr().out


def test_frequency_cap_blocks_a_second_email_but_not_a_reply(connected, mail, capsys):
    ws = open_ws(connected)
    try:
        set_undo(ws, 0)
        [first] = confirm(ws, send_plan(NINA))
        drain(ws, connected)
        [second] = confirm(ws, send_plan(NINA, subject="Another thing"))
        msg_id = mail.delivered()[0]["Message-ID"]
        [reply] = confirm(ws, send_plan(NINA, subject="Re: Onboarding checklist", in_reply_to=msg_id))
        drain(ws, connected)
    finally:
        ws.dispose()
    assert [m["Subject"] for m in mail.delivered()] == ["Onboarding checklist", "Re: Onboarding checklist"]
    rows = _list(connected, capsys)
    assert rows[second]["status"] == "blocked"
    assert rows[second]["reason"] == "Nina Patel was e-mailed today; at most one e-mail in 3 days unless replying"


def test_daily_budget_holds_and_says_why(connected, mail, capsys):
    from desktop.outreach import service

    ws = open_ws(connected)
    try:
        set_undo(ws, 0)
        service.set_settings(ws, daily_budget=1)
        confirm(ws, send_plan(NINA))
        [held] = confirm(ws, send_plan(PRIYA))
        drain(ws, connected)
    finally:
        ws.dispose()
    assert len(mail.delivered()) == 1
    rows = _list(connected, capsys)
    assert rows[held]["status"] == "queued" and "send budget (1 e-mails) is used up" in rows[held]["reason"]


def test_kill_switch_cancels_an_agents_queued_sends(connected, mail, capsys):
    from desktop.agents.switches import set_killed
    from desktop.outreach import service
    from desktop.outreach.sender import Sender

    ws = open_ws(connected)
    try:
        [by_agent] = confirm(ws, send_plan(NINA), actor="user", source="agent:ghostbuster")
        [mine] = confirm(ws, send_plan(PRIYA))
        set_killed(ws, "ghostbuster", True)  # cancels in the same transaction as the switch
        rows = _list(connected, capsys)
        assert rows[by_agent]["status"] == "cancelled" and rows[mine]["status"] == "queued"
        # a switch flipped by another writer is caught by the sender's next cycle
        [second] = confirm(ws, send_plan(PRIYA, subject="Second"), source="agent:qualifier")
        from desktop.store import schema as s

        with ws.uow() as uow:
            uow.session.add(s.AgentState(name="qualifier", killed=True, paused=False))
            uow.commit()
        report = Sender(ws, service.mailbox(ws)).cycle()
        assert report.cancelled == [second]
    finally:
        ws.dispose()
    rows = _list(connected, capsys)
    assert rows[by_agent]["reason"] == rows[second]["reason"] == "the agent's kill switch is on"
    assert rows[mine]["status"] == "queued" and mail.delivered() == []


def test_the_agents_runtime_kill_switch_cancels_too(connected):
    from desktop.store import agents as store
    from desktop.store import email_outbox as eo

    ws = open_ws(connected)
    try:
        [eid] = confirm(ws, send_plan(NINA), source="agent:ghostbuster")
        with ws.uow() as uow:
            store.set_agent_state(uow.session, "*", killed=True, now=datetime.utcnow())
            uow.commit()
        with ws.uow() as uow:
            row = eo.get(uow.session, eid)
        assert row.status == "cancelled" and row.reason == "the agent's kill switch is on"
    finally:
        ws.dispose()


def test_stop_emailing_nina_blocks_her_queued_email(connected, mail, capsys):
    from desktop.services.planning import build
    from desktop.store.executor import apply_plan

    ws = open_ws(connected)
    try:
        [eid] = confirm(ws, send_plan(NINA))
        plan = build(ws).plan("stop emailing Nina", now=datetime(2026, 11, 21, 9))
        assert [(a.kind, a.fields) for a in plan.actions] == [("update_contact", {"do_not_contact": True})]
        apply_plan(ws, plan)
        set_undo(ws, 0)
        from desktop.store import email_outbox as eo

        with ws.uow() as uow:  # the e-mail confirmed before was in its undo window: due now
            eo.hold(uow.session, eid, datetime.utcnow(), "")
            uow.commit()
        drain(ws, connected)
    finally:
        ws.dispose()
    assert mail.delivered() == []
    assert _list(connected, capsys)[eid]["reason"] == "Nina Patel is marked do-not-contact"
