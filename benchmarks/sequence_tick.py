"""Sequence figures (issue 15), on the demo workspace, no mail server (e-mails are marked sent in the
store, as the sender would):

1. **tick time**: every contact with an address enrolled in a two-variant sequence whose first
   e-mail is auto-approved; the wall time of the tick that queues all first e-mails (one executor
   transaction each), of a tick with nothing due, and of the tick that moves every enrollment into
   its wait once the e-mails are sent.
2. **A/B verdict**: replies drawn at random (seeded) with true reply rates ``--rate-a`` and
   ``--rate-b``; the reply rate per variant with its 95% Wilson interval and whether a winner is
   declared with this many recipients.

Usage: ``python benchmarks/sequence_tick.py [--rate-a 0.1] [--rate-b 0.4] [--seed 1]``.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "outreach")]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rate-a", type=float, default=0.1)
    ap.add_argument("--rate-b", type=float, default=0.4)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    from outreach_helpers import open_ws
    from sqlalchemy import select

    from desktop.cli import main as cli
    from desktop.domain.sequence import SequenceSpec
    from desktop.outreach import abtest, sequences, service
    from desktop.store import email_outbox as eo
    from desktop.store import schema as s
    from desktop.store.executor import ChangeSet

    spec = SequenceSpec.model_validate({"name": "opener", "seed": args.seed, "steps": [
        {"kind": "email", "auto_approve": True, "variants": [
            {"name": "A", "subject": "Hello {first_name}", "body": "Short."},
            {"name": "B", "subject": "A question for {company}", "body": "Longer."}]},
        {"kind": "wait", "business_days": 3}]})
    specs = {"bench": spec}
    now = datetime(2026, 11, 23, 10)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        fixtures = ROOT.parent / "shared" / "fixtures" / "workspace"
        fixtures = fixtures if fixtures.exists() else ROOT / "resources" / "demo_workspace"
        assert cli(["--data-dir", str(data), "import", str(fixtures)]) == 0
        ws = open_ws(data)
        service.set_settings(ws, undo_seconds=0, daily_budget=100000)
        with ws.uow() as uow:
            contacts = list(uow.session.execute(select(s.Contact.id).where(
                s.Contact.email.is_not(None), s.Contact.do_not_contact.is_(False))).scalars())
        for c in contacts:
            sequences.enroll(ws, "bench", spec, c, now=now)
        t0 = time.perf_counter()
        rep = sequences.tick(ws, specs, now)
        first = time.perf_counter() - t0
        t0 = time.perf_counter()
        sequences.tick(ws, specs, now)
        idle = time.perf_counter() - t0
        rng = random.Random(args.seed)
        with ws.uow() as uow:
            rows = eo.queued(uow.session)
            for r in rows:
                eo.mark_sent(uow.session, r.id, now)
                if rng.random() < (args.rate_a if r.variant == "A" else args.rate_b):
                    eo.record_reply(uow.session, r.id, now, sender=r.to_addr, subject="Re", bounce=False,
                                    changes=ChangeSet())
            uow.commit()
        t0 = time.perf_counter()
        sequences.tick(ws, specs, now)
        waits = time.perf_counter() - t0
        report = abtest.report(ws)
        ws.dispose()
    n = len(contacts)
    print(f"enrolled contacts: {n}; first e-mails queued by one tick: {len(rep.proposed)}")
    print(f"tick queueing {len(rep.proposed)} auto-approved e-mails: {first * 1000:.0f} ms "
          f"({first * 1000 / max(1, len(rep.proposed)):.1f} ms each)")
    print(f"tick with nothing due (all waiting on the outbox): {idle * 1000:.1f} ms")
    print(f"tick moving the sent, unreplied enrollments into their wait (replied ones stopped already): "
          f"{waits * 1000:.0f} ms")
    print(f"A/B with true reply rates A {args.rate_a:.0%}, B {args.rate_b:.0%}:")
    for v in report["variants"]:
        print(f"  variant {v['variant']}: {v['replied']}/{v['sent']} replied, {v['interval']} -> {v['verdict']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
