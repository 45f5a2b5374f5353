"""OAuth mailbox figures (issue 15) on loopback: SMTP hand-off through SASL XOAUTH2.

For each of ``--sends`` messages a fresh :class:`desktop.outreach.mailbox.Mailbox` (as a new sender
process has) connects to the local SMTP server, logs in with XOAUTH2 and hands one message over; timed
from ``send()`` to the server's 250 (the server checks the bearer token with the fake OAuth provider).
Three cases: the stored access token is valid; it has expired (refreshed at the token endpoint before
logging in); the server refuses a token Spectrum still thought valid (refused, refreshed, logged in
again). The fake provider and the mail servers (tests/outreach) run in this process on 127.0.0.1.
Usage: ``python benchmarks/email_oauth.py [--sends 30]``; prints p50 / p95 / max in milliseconds.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from email.message import EmailMessage
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "outreach")]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sends", type=int, default=30)
    args = ap.parse_args()

    import keyring
    from fake_oauth import CLIENT_ID, CLIENT_SECRET, FakeOAuth
    from mailservers import USER, MailServers
    from outreach_helpers import MemoryKeyring

    from desktop.outreach import oauth
    from desktop.outreach.mailbox import Mailbox, MailboxConfig

    keyring.set_keyring(MemoryKeyring())
    provider = FakeOAuth(user=USER).start()
    mail = MailServers(bearer=provider.valid).start()
    try:
        cfg = MailboxConfig(address=USER, smtp_host="127.0.0.1", smtp_port=mail.smtp_port, smtp_security="none",
                            imap_host="127.0.0.1", imap_port=mail.imap_port, imap_security="none",
                            auth="xoauth2", oauth_provider="gmail", token_url=f"{provider.base}/token")
        p = oauth.provider("gmail", auth_url=f"{provider.base}/authorize", token_url=cfg.token_url)

        def browser(url: str) -> None:
            import urllib.request

            urllib.request.urlopen(url, timeout=10).read()

        t0 = time.perf_counter()
        grant = oauth.sign_in(p, client_id=CLIENT_ID, client_secret=CLIENT_SECRET, login_hint=USER, open_url=browser)
        sign_in_ms = (time.perf_counter() - t0) * 1000
        oauth.save_grant(USER, grant)

        def one(i: int, prepare) -> float:
            prepare()
            msg = EmailMessage()
            msg["From"], msg["To"], msg["Subject"] = USER, "nina@example.com", f"bench {i}"
            msg["Message-ID"] = f"<bench-{i}-{time.time_ns()}@example.com>"
            msg.set_content("hello")
            box = Mailbox(cfg)
            start = time.perf_counter()
            box.send(msg)
            ms = (time.perf_counter() - start) * 1000
            box.close()
            return ms

        def expire_stored() -> None:
            g = oauth.load_grant(USER)
            oauth.save_grant(USER, {**g, "expires_at": 0})

        cases = {"valid token": lambda: None, "expired (refresh first)": expire_stored,
                 "refused by the server (refresh, retry)": provider.expire_access_tokens}
        print(f"sign-in (loopback redirect + code exchange): {sign_in_ms:.0f} ms")
        out = {}
        for name, prepare in cases.items():
            times = sorted(one(i, prepare) for i in range(args.sends))
            p95 = times[min(len(times) - 1, round(0.95 * len(times)) - 1)]
            out[name] = {"p50": statistics.median(times), "p95": p95, "max": times[-1]}
            print(f"{name}: connect + XOAUTH2 + send, {args.sends} e-mails: p50 {out[name]['p50']:.1f} ms, "
                  f"p95 {p95:.1f} ms, max {times[-1]:.1f} ms")
        print(json.dumps({"sign_in_ms": sign_in_ms, **out}))
    finally:
        mail.stop()
        provider.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
