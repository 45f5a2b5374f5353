"""The Follow-up agent enrols WARM leads in its e-mail sequence through Approvals (issue 15), on the
demo workspace with the local mail servers: each enrolment is a proposal; an approved one starts the
durable sequence (e-mail -> 3 business days unless they reply -> threaded follow-up -> call task),
whose e-mails and task also wait in Approvals; nobody is proposed twice, and do-not-contact or
consent-withdrawn contacts are never proposed."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

from outreach_helpers import open_ws, set_undo

from desktop.agents.fakes import FakeClock, FakeLLM, no_sleep
from desktop.config import Settings

MONDAY = datetime(2026, 11, 23, 10, 0)


def agents(ws, data_dir, clock):
    from desktop.agents.service import AgentService

    return AgentService(ws, Settings(data_dir=data_dir), clock, FakeLLM(), sleep=no_sleep)


def pending(ws, source="agent:follow-up"):
    from desktop.store import approvals

    return [a for a in approvals.list_approvals(ws) if a.source == source]


def warm_with_email(ws, now):
    from desktop.agents.scoring import Scorer, rank
    from desktop.store import agents as store
    from desktop.store import queries

    with ws.uow() as uow:
        r = rank(Scorer(None), store.lead_features(uow.session, now), top=200, per_band=200)
        ids = [sc.contact_id for sc in r.by_band["WARM"] if not sc.do_not_contact]
        rows = {c.id: c for c in queries.contacts_by_ids(uow.session, ids)}
    return [i for i in ids if rows[i].email]


def test_follow_up_agent_enrols_through_approvals_and_the_sequence_runs(connected, mail):
    from desktop.agents.compliance import record_consent
    from desktop.outreach import sequences as engine
    from desktop.outreach import service
    from desktop.outreach.sender import Sender
    from desktop.services import sequences
    from desktop.store import approvals, queries
    from desktop.store import sequences as seq_store

    clock = FakeClock(MONDAY)
    ws = open_ws(connected)
    try:
        set_undo(ws, 0)
        warm = warm_with_email(ws, MONDAY)
        assert len(warm) >= 5
        dnc, withdrawn = warm[0], warm[1]
        record_consent(ws, dnc, granted=False, channel="any", method="asked on a call", now=MONDAY)
        record_consent(ws, withdrawn, granted=False, channel="email", method="unsubscribe reply", now=MONDAY)
        svc = agents(ws, connected, clock)

        run = asyncio.run(svc.run("follow-up"))
        assert run.status == "done" and len(run.approvals) == 3
        proposals = pending(ws)
        assert [len(a.plan.actions) for a in proposals] == [1, 1, 1]
        targets = [int(a.plan.actions[0].target.id) for a in proposals]
        assert dnc not in targets and withdrawn not in targets          # never proposed
        act = proposals[0].plan.actions[0]
        assert act.kind == "enroll_sequence" and act.fields["sequence"] == "follow-up"
        assert act.fields["steps"] == ("e-mail -> wait 3 business days unless they reply -> follow-up e-mail "
                                       "(in thread) -> task: Call {first_name} {last_name} (follow-up sequence, no reply)")
        passed = {p["id"]: p["why"] for o in run.outputs if "passed_over" in o for p in o["passed_over"]}
        assert "do-not-contact" in passed[dnc] and "consent for email was withdrawn" in passed[withdrawn]

        # no duplicates: a second run proposes nobody already pending
        again = asyncio.run(svc.run("follow-up"))
        again_targets = [int(a.plan.actions[0].target.id) for a in pending(ws)]
        assert len(again_targets) == len(set(again_targets)) == 3 + len(again.approvals)
        assert not set(again_targets[3:]) & set(targets)

        # approving one enrolment starts the durable sequence for that contact
        contact = targets[0]
        approvals.approve(ws, proposals[0].id, now=clock())
        for other in pending(ws):
            approvals.reject(ws, other.id, now=clock())
        with ws.uow() as uow:
            [e] = seq_store.listed(uow.session, contact_id=contact)
            person = queries.contacts_by_ids(uow.session, [contact])[0]
        assert (e.agent, e.sequence, e.status, e.position) == ("follow-up", "follow-up", "active", 0)
        clock.advance(days=1)
        later = asyncio.run(svc.run("follow-up"))  # others may come up; the enrolled contact never again
        assert contact not in [int(a.plan.actions[0].target.id) for a in pending(ws)]
        assert len(later.approvals) == len(pending(ws))
        for other in pending(ws):
            approvals.reject(ws, other.id, now=clock())

        # the first e-mail waits in approvals; approved, it leaves through the local SMTP server
        def tick():
            return sequences.tick(ws, connected, clock())

        clock.now = MONDAY
        assert tick().proposed == [(e.id, "step 1 e-mail (variant A)")]
        [mail_ap] = pending(ws)
        assert mail_ap.plan.actions[0].kind == "send_email"
        approvals.approve(ws, mail_ap.id, now=clock())
        send = Sender(ws, service.mailbox(ws), clock=clock)
        assert send.cycle().sent
        [first] = mail.delivered()
        assert first["To"] == person.email and first["Subject"] == f"{person.first_name}, a quick follow-up"

        # no reply for 3 business days: the threaded follow-up, then the call task
        tick()
        clock.now = MONDAY + timedelta(days=3, minutes=1)
        tick()
        [follow_ap] = pending(ws)
        approvals.approve(ws, follow_ap.id, now=clock())
        assert send.cycle().sent
        second = mail.delivered()[1]
        assert second["In-Reply-To"] == first["Message-ID"] and second["Subject"].startswith("Re: ")
        tick()
        [task_ap] = pending(ws)
        assert task_ap.plan.actions[0].kind == "create_task"
        approvals.approve(ws, task_ap.id, now=clock())
        tick()
        with ws.uow() as uow:
            assert seq_store.get(uow.session, e.id).status == "done"
            tasks = queries.show(uow.session, "contact", str(contact))["tasks"]
        assert any(f"Call {person.first_name} {person.last_name}" in str(t) for t in tasks)
        assert engine.cancel_for_contact(ws, contact, now=clock()) == []  # finished: nothing left to stop
    finally:
        ws.dispose()
    assert len(mail.delivered()) == 2


def test_an_enrolment_for_a_contact_marked_do_not_contact_after_the_proposal_is_refused(connected):
    from desktop.agents.compliance import record_consent
    from desktop.store import approvals
    from desktop.store.executor import PlanRejected

    clock = FakeClock(MONDAY)
    ws = open_ws(connected)
    try:
        asyncio.run(agents(ws, connected, clock).run("follow-up"))
        ap = pending(ws)[0]
        who = int(ap.plan.actions[0].target.id)
        record_consent(ws, who, granted=False, channel="email", method="replied 'stop'", now=MONDAY)
        try:
            approvals.approve(ws, ap.id, now=clock())
            raise AssertionError("approved an enrolment after consent was withdrawn")
        except PlanRejected as exc:
            assert "withdrew consent to e-mail" in str(exc)
        from desktop.store import sequences as seq_store

        with ws.uow() as uow:
            assert seq_store.listed(uow.session, contact_id=who) == []
    finally:
        ws.dispose()
