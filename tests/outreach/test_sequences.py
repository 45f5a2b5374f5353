"""Sequences end to end on the local mail servers with a fake clock: e-mail (through approvals) ->
wait 3 business days unless replied -> threaded follow-up (auto-approved) -> a call task; the state
survives a restart mid-wait; a reply stops the sequence; blocked sends stop or skip with a reason."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from outreach_helpers import open_ws, set_undo
from test_email_replies import reply_to

NINA_ID = 111
MONDAY = datetime(2026, 11, 23, 10, 0)

LOADOUT = """\
name: nurture
role: Follow-up sequence
purpose: Follow up with contacts who went quiet.
tools: []
sequence:
  seed: 7
  steps:
    - kind: email
      subject: "Next steps for {company}"
      body: "Hi {first_name},\\n\\nShall we pick the pilot dates?"
      if_blocked: {first_blocked}
    - kind: wait
      business_days: 3
    - kind: email
      subject: "Re: Next steps for {company}"
      body: "Hi {first_name}, just bumping this."
      in_thread: true
      auto_approve: true
    - kind: task
      title: "Call {first_name} {last_name}"
      due_in_days: 1
      auto_approve: true
"""


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def specs(data_dir, first_blocked: str = "stop"):
    from desktop.agents.loadout import load_all

    folder = data_dir / "loadouts"
    folder.mkdir(exist_ok=True)
    (folder / "nurture.yaml").write_text(LOADOUT.replace("{first_blocked}", first_blocked))
    found, errors = load_all(data_dir)
    assert errors == []
    return {name: lo.sequence for name, lo in found.items() if lo.sequence is not None}


def sender(ws, clock):
    from desktop.outreach import service
    from desktop.outreach.sender import Sender

    return Sender(ws, service.mailbox(ws), clock=clock)


def enrollment(ws, eid):
    from desktop.store import sequences as store

    with ws.uow() as uow:
        return store.get(uow.session, eid)


def pending(ws):
    from desktop.store import approvals

    return approvals.list_approvals(ws)


def test_sequence_runs_end_to_end_and_survives_a_restart(connected, mail):
    from desktop.outreach import sequences
    from desktop.store import approvals, queries

    seqs, clock = specs(connected), Clock(MONDAY)
    ws = open_ws(connected)
    try:
        set_undo(ws, 0)
        eid, created = sequences.enroll(ws, "nurture", seqs["nurture"], NINA_ID, now=clock())
        assert created and sequences.enroll(ws, "nurture", seqs["nurture"], NINA_ID, now=clock()) == (eid, False)
        report = sequences.tick(ws, seqs, clock())
        assert report.proposed == [(eid, "step 1 e-mail (variant A)")]
        # the first e-mail waits in approvals: nothing leaves until it is approved
        [ap] = pending(ws)
        assert ap.source == "agent:nurture"
        assert sequences.tick(ws, seqs, clock()).proposed == []  # not proposed twice
        assert len(pending(ws)) == 1
        approvals.approve(ws, ap.id, now=clock())
        assert sender(ws, clock).cycle().sent
        [first] = mail.delivered()
        assert first["To"] == "nina.patel@pinecrestdental.example"
        assert first["Subject"] == "Next steps for Pinecrest Dental"
        sequences.tick(ws, seqs, clock())
        e = enrollment(ws, eid)
        assert (e.position, e.phase, e.next_at) == (1, "waiting", datetime(2026, 11, 26, 10, 0))
    finally:
        ws.dispose()  # the app stops mid-wait
    clock.now = MONDAY + timedelta(days=2)
    ws = open_ws(connected)  # ... and starts again
    try:
        assert sequences.tick(ws, seqs, clock()).advanced == []  # still waiting (Wednesday)
        clock.now = MONDAY + timedelta(days=3, minutes=1)  # Thursday: 3 business days, no reply
        sequences.tick(ws, seqs, clock())
        assert sender(ws, clock).cycle().sent  # the follow-up was auto-approved: straight to the outbox
        follow = mail.delivered()[1]
        assert follow["Subject"] == "Re: Next steps for Pinecrest Dental"
        assert follow["In-Reply-To"] == first["Message-ID"]  # threads under the first e-mail
        report = sequences.tick(ws, seqs, clock())
        assert (eid, "done") in report.finished
        e = enrollment(ws, eid)
        assert e.status == "done" and e.variants == {"0": "A", "2": "A"}
        with ws.uow() as uow:
            tasks = queries.show(uow.session, "contact", str(NINA_ID))["tasks"]
        assert any("Call Nina Patel" in str(t) for t in tasks)
    finally:
        ws.dispose()
    assert len(mail.delivered()) == 2


def test_a_reply_stops_the_sequence(connected, mail):
    from desktop.outreach import sequences, service
    from desktop.store import approvals

    seqs, clock = specs(connected), Clock(MONDAY)
    ws = open_ws(connected)
    try:
        set_undo(ws, 0)
        eid, _ = sequences.enroll(ws, "nurture", seqs["nurture"], NINA_ID, now=clock())
        sequences.tick(ws, seqs, clock())
        approvals.approve(ws, pending(ws)[0].id, now=clock())
        sender(ws, clock).cycle()
        sequences.tick(ws, seqs, clock())
        [first] = mail.delivered()
        mail.deliver_to_inbox(reply_to(first, "Nina Patel <nina.patel@pinecrestdental.example>"))
        assert service.poll_replies(ws, service.mailbox(ws))["replies"] == 1
        e = enrollment(ws, eid)
        assert e.status == "replied" and "replied" in e.reason
        clock.now = MONDAY + timedelta(days=7)
        assert sequences.tick(ws, seqs, clock()).proposed == []
        sender(ws, clock).cycle()
    finally:
        ws.dispose()
    assert len(mail.delivered()) == 1  # no follow-up after the reply


@pytest.mark.parametrize("mode", ["stop", "skip"])
def test_a_do_not_contact_contact_stops_or_skips_with_the_reason(connected, mail, mode):
    from desktop.outreach import sequences
    from desktop.store import agents as agents_store

    seqs, clock = specs(connected, first_blocked=mode), Clock(MONDAY)
    ws = open_ws(connected)
    try:
        with ws.uow() as uow:
            agents_store.set_do_not_contact(uow.session, NINA_ID, True, clock())
            uow.commit()
        eid, _ = sequences.enroll(ws, "nurture", seqs["nurture"], NINA_ID, now=clock())
        sequences.tick(ws, seqs, clock())
        e = enrollment(ws, eid)
        assert pending(ws) == []
        if mode == "stop":
            assert e.status == "stopped"
            assert e.reason == "step 1 not sent: Nina Patel is marked do-not-contact"
        else:  # skipped the first e-mail with its reason; waits; the auto follow-up is blocked too
            assert e.status == "active" and e.position == 1
            assert any("step 1 skipped: Nina Patel is marked do-not-contact" in line[1] for line in e.state["log"])
            clock.now = MONDAY + timedelta(days=3)
            sequences.tick(ws, seqs, clock())
            e = enrollment(ws, eid)
            assert e.status == "stopped" and "do-not-contact" in e.reason
    finally:
        ws.dispose()
    assert mail.delivered() == []


def test_a_send_blocked_at_send_time_stops_the_sequence(connected, mail):
    """Consent withdrawn after the e-mail was approved: the sender blocks it, the sequence stops."""
    from desktop.outreach import sequences
    from desktop.store import agents as agents_store
    from desktop.store import approvals

    seqs, clock = specs(connected), Clock(MONDAY)
    ws = open_ws(connected)
    try:
        set_undo(ws, 0)
        eid, _ = sequences.enroll(ws, "nurture", seqs["nurture"], NINA_ID, now=clock())
        sequences.tick(ws, seqs, clock())
        approvals.approve(ws, pending(ws)[0].id, now=clock())
        with ws.uow() as uow:
            agents_store.add_consent(uow.session, contact_id=NINA_ID, channel="email", purpose="marketing",
                                     granted=False, method="email reply", recorded_by="user", at=clock())
            uow.commit()
        assert sender(ws, clock).cycle().blocked
        sequences.tick(ws, seqs, clock())
        e = enrollment(ws, eid)
        assert e.status == "stopped"
        assert e.reason == "step 1's e-mail was blocked: Nina Patel withdrew consent to e-mail"
    finally:
        ws.dispose()
    assert mail.delivered() == []


def test_the_cli_starts_sends_lists_and_stops_a_sequence(connected, mail, capsys):
    """``spectrum sequence start``, ``spectrum email send`` (which advances sequences at start, so a
    fresh process resumes them), ``sequence list|stats|stop``."""
    import json

    from desktop.cli import main

    folder = connected / "loadouts"
    folder.mkdir(exist_ok=True)
    (folder / "nurture.yaml").write_text(LOADOUT.replace("{first_blocked}", "stop").replace(
        "      if_blocked: stop", "      if_blocked: stop\n      auto_approve: true"))
    d = ["--data-dir", str(connected)]
    assert main(d + ["email", "settings", "--undo-seconds", "0"]) == 0
    assert main(d + ["sequence", "start", "nurture", str(NINA_ID)]) == 0
    assert main(d + ["sequence", "start", "nobody", str(NINA_ID)]) == 2
    capsys.readouterr()
    assert main(d + ["email", "send"]) == 0
    [msg] = mail.delivered()
    assert msg["Subject"] == "Next steps for Pinecrest Dental"
    assert main(d + ["sequence", "tick", "--json"]) == 0
    capsys.readouterr()
    assert main(d + ["sequence", "list", "--json"]) == 0
    [e] = json.loads(capsys.readouterr().out)
    assert (e["agent"], e["status"], e["step"], e["phase"], e["variants"]) == ("nurture", "active", 2, "waiting",
                                                                               {"0": "A"})
    assert main(d + ["sequence", "stats", "--json"]) == 0
    [seq] = json.loads(capsys.readouterr().out)["sequences"]
    assert (seq["sequence"], seq["sent"], seq["active"]) == ("nurture", 1, 1)
    assert main(d + ["sequence", "stop", str(NINA_ID)]) == 0
    assert main(d + ["sequence", "stop", str(NINA_ID)]) == 1  # nothing active any more
    capsys.readouterr()
    assert main(d + ["sequence", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["status"] == "cancelled"


def test_voice_send_it_after_a_draft_and_stop_emailing_nina(connected, mail):
    """'send it' right after a draft was shown sends that draft (confirmed); 'stop emailing Nina'
    while she is in a sequence is a confirmed stop_sequence that cancels it and its queued e-mail."""
    from desktop.outreach import sequences
    from desktop.services.planning import build
    from desktop.store import approvals
    from desktop.store import email_outbox as eo
    from desktop.store.executor import apply_plan

    seqs, clock = specs(connected), Clock(MONDAY)
    ws = open_ws(connected)
    try:
        planner = build(ws)
        apply_plan(ws, planner.plan("draft an email to Nina about the pilot", now=MONDAY))
        plan = planner.plan("go ahead and send it", now=MONDAY)
        [a] = plan.actions
        assert a.kind == "send_email" and a.target.name == "Nina Patel" and plan.requires_confirmation
        assert a.fields["subject"] == "The pilot" and a.fields["to"] == "nina.patel@pinecrestdental.example"
        # Nina's sequence: its first e-mail approved and waiting in its undo window
        eid, _ = sequences.enroll(ws, "nurture", seqs["nurture"], NINA_ID, now=clock())
        sequences.tick(ws, seqs, clock())
        approvals.approve(ws, pending(ws)[0].id, now=clock())
        with ws.uow() as uow:
            [queued] = [r for r in eo.queued(uow.session) if r.enrollment_id == eid]
        stop = planner.plan("stop emailing Nina", now=MONDAY)
        [s] = stop.actions
        assert s.kind == "stop_sequence" and stop.requires_confirmation
        apply_plan(ws, stop)
        e = enrollment(ws, eid)
        assert (e.status, e.reason) == ("cancelled", "stopped by you")
        with ws.uow() as uow:
            assert eo.get(uow.session, queued.id).status == "cancelled"
        again = planner.plan("stop emailing Nina", now=MONDAY)  # no sequence any more: do-not-contact
        assert [x.kind for x in again.actions] == ["update_contact"]
    finally:
        ws.dispose()
    assert mail.delivered() == []


def test_a_crash_after_an_auto_send_is_queued_never_queues_it_twice(connected, mail, monkeypatch):
    """The engine dies between the executor's commit (e-mail queued) and its own bookkeeping; the
    next tick finds the step's e-mail by (enrollment, step) and does not queue another."""
    from desktop.outreach import sequences
    from desktop.store import sequences as store

    seqs, clock = specs(connected), Clock(MONDAY)
    auto = seqs["nurture"].model_copy(update={"steps": [
        seqs["nurture"].steps[0].model_copy(update={"auto_approve": True}), *seqs["nurture"].steps[1:]]})
    seqs = {"nurture": auto}
    ws = open_ws(connected)
    try:
        set_undo(ws, 0)
        eid, _ = sequences.enroll(ws, "nurture", auto, NINA_ID, now=clock())
        real = store.update

        def crash(session, enrollment_id, now, **kw):
            if kw.get("phase") == "proposed":
                raise RuntimeError("power cut")
            return real(session, enrollment_id, now, **kw)

        monkeypatch.setattr(store, "update", crash)
        sequences.tick(ws, seqs, clock())  # logged, not raised
        monkeypatch.setattr(store, "update", real)
        assert enrollment(ws, eid).phase == "ready"  # the bookkeeping was lost
        sequences.tick(ws, seqs, clock())
        sender(ws, clock).cycle()
        sequences.tick(ws, seqs, clock())
        with ws.uow() as uow:
            assert len(store.emails_of(uow.session, eid)) == 1
        assert enrollment(ws, eid).phase == "waiting"
    finally:
        ws.dispose()
    assert len(mail.delivered()) == 1


def test_a_kill_switch_cancels_the_queued_step_and_stops_the_sequence_with_the_reason(connected, mail):
    from desktop.outreach import sequences
    from desktop.store import agents as agents_store
    from desktop.store import approvals

    seqs, clock = specs(connected), Clock(MONDAY)
    ws = open_ws(connected)
    try:
        set_undo(ws, 0)
        eid, _ = sequences.enroll(ws, "nurture", seqs["nurture"], NINA_ID, now=clock())
        sequences.tick(ws, seqs, clock())
        approvals.approve(ws, pending(ws)[0].id, now=clock())
        with ws.uow() as uow:
            agents_store.set_agent_state(uow.session, "nurture", killed=True, now=clock())
            uow.commit()
        assert sender(ws, clock).cycle().sent == []
        assert sequences.tick(ws, seqs, clock()).finished == []  # a killed agent's sequences wait
        with ws.uow() as uow:
            agents_store.set_agent_state(uow.session, "nurture", killed=False, now=clock())
            uow.commit()
        sequences.tick(ws, seqs, clock())
        e = enrollment(ws, eid)
        assert e.status == "stopped"
        assert e.reason == "step 1's e-mail was cancelled: the agent's kill switch is on"
    finally:
        ws.dispose()
    assert mail.delivered() == []
