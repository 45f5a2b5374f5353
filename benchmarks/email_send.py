"""E-mail sending figures (issue 15) on loopback, on the demo workspace:

1. **send latency**: from the user's confirmation (``apply_plan`` of a ``send_email`` plan) to the
   SMTP server's acceptance (the local aiosmtpd server receives the whole message), with the undo
   window set to 0 s (the default window adds 10 s by design); the sender runs in a thread and
   polls every 50 ms, as in ``spectrum email send --watch``.
2. **kill switch -> cancelled**: an agent has 20 e-mails queued in their undo window; from the flip
   of its kill switch (``set_killed``) to all 20 rows ``cancelled`` in the database, with the sender
   running.

Local SMTP (aiosmtpd) and IMAP (pymap) servers on 127.0.0.1 (tests/outreach/mailservers.py).
Usage: ``python benchmarks/email_send.py [--sends 50] [--kills 20]``; prints the figures.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "outreach")]


def pct(values: list[float], p: float) -> float:
    """The ``p``-th percentile (nearest rank) of ``values``."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sends", type=int, default=50)
    ap.add_argument("--kills", type=int, default=20)
    args = ap.parse_args()

    import keyring
    from mailservers import PASSWORD, USER, MailServers
    from outreach_helpers import MemoryKeyring, open_ws, send_plan
    from sqlalchemy import select

    from desktop.agents.switches import set_killed
    from desktop.cli import main as cli
    from desktop.domain.plan import Target
    from desktop.outreach import service
    from desktop.outreach.sender import Sender
    from desktop.store import schema as s
    from desktop.store.executor import apply_plan

    keyring.set_keyring(MemoryKeyring())
    mail = MailServers().start()
    accepted: dict[str, float] = {}

    def on_stage(stage: str) -> None:
        return None

    def on_data(raw: bytes) -> None:
        import email as email_lib

        accepted[email_lib.message_from_bytes(raw)["Message-ID"]] = time.perf_counter()

    mail.smtp.on_stage = on_stage
    mail.smtp.on_data = on_data
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        fixtures = ROOT.parent / "shared" / "fixtures" / "workspace"
        fixtures = fixtures if fixtures.exists() else ROOT / "resources" / "demo_workspace"
        assert cli(["--data-dir", str(data), "import", str(fixtures)]) == 0
        import io

        sys.stdin = io.StringIO(PASSWORD + "\n")
        assert cli(["--data-dir", str(data), "connect", "email", "--address", USER,
                    "--smtp", f"127.0.0.1:{mail.smtp_port}", "--imap", f"127.0.0.1:{mail.imap_port}",
                    "--smtp-security", "none", "--imap-security", "none", "--password-stdin"]) == 0
        ws = open_ws(data)
        service.set_settings(ws, undo_seconds=0, daily_budget=100000)
        with ws.uow() as uow:
            contacts = [Target(type="contact", id=str(c.id), name=f"{c.first_name} {c.last_name}")
                        for c in uow.session.execute(select(s.Contact).where(
                            s.Contact.email.is_not(None), s.Contact.do_not_contact.is_(False))
                            .order_by(s.Contact.id)).scalars()]
        stop = threading.Event()
        sender = Sender(ws, service.mailbox(ws))
        thread = threading.Thread(target=sender.run, args=(stop,), daemon=True)
        thread.start()

        latencies = []
        for i in range(args.sends):
            target = contacts[i % len(contacts)]
            plan = send_plan(target, subject=f"Benchmark {i}", body="Hello.",
                             in_reply_to=None if i < len(contacts) else "<earlier@example.com>")
            t0 = time.perf_counter()
            applied = apply_plan(ws, plan)
            mid = next(c["after"]["message_id"] for c in applied.changes if c["entity"] == "email")
            while mid not in accepted:
                time.sleep(0.001)
            latencies.append((accepted[mid] - t0) * 1000)
        print(f"send latency, confirm -> SMTP accept (loopback, undo window 0 s, sender polling 50 ms), "
              f"{len(latencies)} e-mails: p50 {statistics.median(latencies):.0f} ms, "
              f"p95 {pct(latencies, 95):.0f} ms, max {max(latencies):.0f} ms")

        service.set_settings(ws, undo_seconds=10)
        cancel_ms = []
        for k in range(args.kills):
            agent = f"bench{k}"
            ids = []
            for i in range(20):
                target = contacts[(k * 20 + i) % len(contacts)]
                applied = apply_plan(ws, send_plan(target, subject=f"Agent {k} #{i}"), source=f"agent:{agent}")
                ids += [c["id"] for c in applied.changes if c["entity"] == "email"]
            t0 = time.perf_counter()
            set_killed(ws, agent, True)
            while True:
                with ws.uow() as uow:
                    left = uow.session.execute(select(s.EmailOutboxItem.id).where(
                        s.EmailOutboxItem.id.in_(ids), s.EmailOutboxItem.status != "cancelled")).first()
                if left is None:
                    break
                time.sleep(0.002)
            cancel_ms.append((time.perf_counter() - t0) * 1000)
        print(f"kill switch -> 20 queued e-mails cancelled (sender polling 50 ms), {len(cancel_ms)} kills: "
              f"p50 {statistics.median(cancel_ms):.0f} ms, p95 {pct(cancel_ms, 95):.0f} ms, "
              f"max {max(cancel_ms):.0f} ms (target: 200 ms)")
        stop.set()
        thread.join(10)
        ws.dispose()
    mail.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
