"""A/B variants of a sequence step: recipients drawn at random (seeded, recorded on the enrollment and
the sent e-mail), reply rate per variant with a Wilson interval, no winner until the intervals
separate; sent / replied / bounced per agent and per sequence."""

from __future__ import annotations

from datetime import datetime

import pytest
from outreach_helpers import open_ws, set_undo
from test_email_replies import reply_to

MONDAY = datetime(2026, 11, 23, 10, 0)
LOADOUT = """\
name: abtester
role: A/B opener
purpose: Try two openers.
sequence:
  name: opener
  seed: 42
  steps:
    - kind: email
      auto_approve: true
      variants:
        - {name: A, subject: "Hello {first_name}", body: "Short one."}
        - {name: B, subject: "A question for {company}", body: "Longer one."}
    - {kind: wait, business_days: 3}
"""


def test_wilson_interval_and_winner_rule():
    from desktop.outreach import abtest

    assert abtest.wilson(0, 0) == (0.0, 1.0)
    low, high = abtest.wilson(5, 10)
    assert low == pytest.approx(0.2366, abs=1e-4) and high == pytest.approx(0.7634, abs=1e-4)
    with pytest.raises(ValueError):
        abtest.wilson(3, 2)

    def v(name, replied, sent):
        low, high = abtest.wilson(replied, sent)
        return abtest.VariantStats("a", "s", 0, name, sent, replied, 0, replied / sent, low, high)

    assert abtest.winner([v("A", 2, 20), v("B", 6, 20)]) is None  # 10% vs 30%: intervals overlap
    assert abtest.winner([v("A", 5, 100), v("B", 40, 100)]) == "B"
    assert abtest.winner([v("A", 5, 100)]) is None


def test_assignment_is_seeded_and_spread():
    from desktop.domain.sequence import SequenceStep, Variant
    from desktop.outreach.sequences import choose_variant

    step = SequenceStep(kind="email", variants=[Variant(name="A", subject="a"), Variant(name="B", subject="b")])
    drawn = [choose_variant(step, 42, i, 0) for i in range(200)]
    assert drawn == [choose_variant(step, 42, i, 0) for i in range(200)]  # reproducible
    assert 70 <= drawn.count("A") <= 130  # both arms used, roughly evenly
    assert drawn != [choose_variant(step, 43, i, 0) for i in range(200)]  # the seed matters


def test_variants_are_recorded_and_reply_rates_compared(connected, mail):
    from desktop.agents.loadout import load_all
    from desktop.outreach import abtest, sequences, service
    from desktop.outreach.sender import Sender
    from desktop.store import sequences as store

    (connected / "loadouts").mkdir()
    (connected / "loadouts" / "abtester.yaml").write_text(LOADOUT)
    specs = {n: lo.sequence for n, lo in load_all(connected)[0].items() if lo.sequence is not None}
    ws = open_ws(connected)
    try:
        set_undo(ws, 0)
        from sqlalchemy import select

        from desktop.store import schema as s

        with ws.uow() as uow:
            contacts = list(uow.session.execute(select(s.Contact.id).where(
                s.Contact.email.is_not(None), s.Contact.do_not_contact.is_(False)).order_by(s.Contact.id).limit(24)).scalars())
        assert len(contacts) == 24
        ids = {sequences.enroll(ws, "abtester", specs["abtester"], c, now=MONDAY)[0]: c for c in contacts}
        sequences.tick(ws, specs, MONDAY)
        sender = Sender(ws, service.mailbox(ws), clock=lambda: MONDAY)
        while sender.cycle(file=False).sent:
            pass
        sent = mail.delivered()
        assert len(sent) == 24
        with ws.uow() as uow:
            enrolled = {i: store.get(uow.session, i) for i in ids}
            rows = {r.message_id: r for i in ids for r in store.emails_of(uow.session, i)}
        by_variant = {"A": [], "B": []}
        for msg in sent:
            row = rows[msg["Message-ID"]]
            assert enrolled[row.enrollment_id].variants["0"] == row.variant  # recorded on both
            expected = "Hello" if row.variant == "A" else "A question for"
            assert msg["Subject"].startswith(expected)
            by_variant[row.variant].append(msg)
        assert by_variant["A"] and by_variant["B"]
        sequences.tick(ws, specs, MONDAY)
        before = abtest.report(ws)
        assert {v["verdict"] for v in before["variants"]} == {"no winner yet (intervals overlap)"}
        # every B recipient replies, no A recipient does
        for msg in by_variant["B"]:
            mail.deliver_to_inbox(reply_to(msg, msg["To"]))
        assert service.poll_replies(ws, service.mailbox(ws))["replies"] == len(by_variant["B"])
        sequences.tick(ws, specs, MONDAY)
        rep = abtest.report(ws)
    finally:
        ws.dispose()
    a, b = sorted(rep["variants"], key=lambda v: v["variant"])
    assert (a["sent"], a["replied"], b["sent"], b["replied"]) == (
        len(by_variant["A"]), 0, len(by_variant["B"]), len(by_variant["B"]))
    assert a["high"] < b["low"] and a["verdict"] == b["verdict"] == "B wins"
    assert b["interval"].startswith("100% (")
    [seq] = rep["sequences"]
    assert seq["agent"] == "abtester" and seq["sequence"] == "opener"
    assert (seq["sent"], seq["replied"], seq["replied_enrollments"]) == (len(sent), len(by_variant["B"]),
                                                                       len(by_variant["B"]))
