"""``spectrum connect email`` and ``spectrum email ...``: command-line front ends of outreach.

- ``spectrum connect email --address ME --smtp HOST[:PORT] --imap HOST[:PORT] [--smtp-security
  ssl|starttls|none] [--imap-security ...] [--username LOGIN] [--sent-folder NAME] [--name NAME]
  [--password-stdin]`` asks for the app password (hidden; or reads one line from stdin), stores it
  in the OS keyring, the rest in the workspace, and logs in to both servers once. Exit 0 connected
  (also when the servers are unreachable now: checked again at the first send), 2 bad input,
  3 the login was refused.
- ``spectrum connect email --provider gmail|m365 --address ME --client-id ID [--client-secret-stdin]
  [--tenant T] [--no-browser]``: OAuth sign-in instead of an app password (see :func:`connect_email_oauth`).
- ``spectrum email list [--json]``: the e-mail outbox, newest first, with why a row was blocked
  or is held. ``spectrum email cancel ID``: undo a send still in its undo window (exit 1 when it
  already left). ``spectrum email send [--watch]``: send what is due (``--watch``: keep sending
  until SIGTERM/Ctrl+C, reading replies every ``--replies-every`` seconds; else until nothing is due). ``spectrum email poll``: match new replies
  in INBOX. ``spectrum email settings [--undo-seconds S] [--daily-budget N]``. ``email send``
  also advances the agents' e-mail sequences (at start, then every 30 s with ``--watch``).
- ``spectrum sequence start AGENT CONTACT_ID``: enroll a contact in the agent's sequence (its
  loadout's ``sequence:``); ``list``; ``stop CONTACT_ID`` (cancel their active sequences);
  ``tick`` (advance what is due now); ``stats`` (sent / replied / bounced per sequence, reply rate
  per A/B variant with its 95% interval). Exit 0 ok, 1 nothing to stop, 2 bad usage.
"""

from __future__ import annotations

import argparse
import getpass
import json
import signal
import sys
import threading
from typing import Any

from desktop.outreach.mailbox import (
    KEYRING_SERVICE,
    SETTING_KEY,
    MailAuthError,
    Mailbox,
    MailboxConfig,
    MailError,
    Security,
    save_password,
)

EXIT_REFUSED = 3


def register(subparsers: Any) -> None:
    """Add the e-mail options to ``connect`` (registered by :mod:`desktop.sync.commands`) and the
    ``email`` command."""
    c = subparsers.choices.get("connect")
    if c is not None:
        # `connect CRM` is sync's command: "email" is added to its choices and dispatched here
        for action in c._actions:  # argparse keeps positionals only there
            if action.dest == "crm" and action.choices is not None:
                action.choices = tuple(action.choices) + ("email",)
        crm_handler = c.get_default("func")
        c.set_defaults(func=lambda args: connect_email(args) if args.crm == "email" else crm_handler(args))
        g = c.add_argument_group("e-mail (spectrum connect email)")
        g.add_argument("--address", help="your e-mail address (the From)")
        g.add_argument("--smtp", metavar="HOST[:PORT]", help="SMTP server (default port 587)")
        g.add_argument("--imap", metavar="HOST[:PORT]", help="IMAP server (default port 993)")
        g.add_argument("--smtp-security", choices=["ssl", "starttls", "none"], default=None)
        g.add_argument("--imap-security", choices=["ssl", "starttls", "none"], default=None)
        g.add_argument("--username", help="login, when it is not the address")
        g.add_argument("--sent-folder", default="Sent", help="IMAP folder of sent mail (default Sent)")
        g.add_argument("--name", default="", help="display name beside your address")
        g.add_argument("--password-stdin", action="store_true", help="read the app password from stdin")
        g.add_argument("--provider", choices=["gmail", "m365"],
                       help="sign in with OAuth instead of an app password (Gmail, Microsoft 365)")
        g.add_argument("--client-id", help="with --provider: your OAuth client's id (see README 'E-mail')")
        g.add_argument("--client-secret-stdin", action="store_true",
                       help="with --provider: read the OAuth client secret from stdin (else asked, hidden)")
        g.add_argument("--tenant", default="common", help="with --provider m365: the directory (default common)")
        g.add_argument("--no-browser", action="store_true", help="with --provider: print the sign-in URL only")
        g.add_argument("--auth-url", help=argparse.SUPPRESS)  # tests: a local OAuth server (or SPECTRUM_OAUTH_*)
        g.add_argument("--token-url", help=argparse.SUPPRESS)
    sp = subparsers.add_parser("email", help="the e-mail outbox: list, cancel, send, poll replies")
    sp.add_argument("action", choices=["list", "cancel", "send", "poll", "settings"])
    sp.add_argument("id", nargs="?", type=int, help="with cancel: the e-mail's id (from `email list`)")
    sp.add_argument("--watch", action="store_true", help="with send: keep sending until stopped")
    sp.add_argument("--replies-every", type=float, default=60.0, metavar="S",
                    help="with send --watch: read replies from INBOX every S seconds (0: never)")
    sp.add_argument("--undo-seconds", type=float, help="with settings: the undo-send window")
    sp.add_argument("--daily-budget", type=int, help="with settings: e-mails per day at most")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(func=email_handler)
    sq = subparsers.add_parser("sequence", help="e-mail sequences of agents: start, list, stop, tick, stats")
    sq.add_argument("action", choices=["start", "list", "stop", "tick", "stats"])
    sq.add_argument("agent", nargs="?", help="with start: the agent whose loadout has the sequence")
    sq.add_argument("contact", nargs="?", type=int, help="with start / stop: the contact's id")
    sq.add_argument("--json", action="store_true")
    sq.set_defaults(func=sequence_handler)


def _host_port(value: str, default_port: int) -> tuple[str, int]:
    host, _, port = value.rpartition(":") if value.count(":") == 1 else (value, "", "")
    if not port:
        return value, default_port
    if not port.isdigit():
        raise ValueError(f"{value!r}: the port must be a number")
    return host, int(port)


def _workspace(args: argparse.Namespace) -> Any:
    from desktop.bootstrap import open_workspace

    return open_workspace(args.settings)


def _err(msg: str) -> None:
    print(f"spectrum: {msg}", file=sys.stderr)


def connect_email(args: argparse.Namespace) -> int:
    """``spectrum connect email``: see the module docstring."""
    if args.provider:
        return connect_email_oauth(args)
    if not (args.address and args.smtp and args.imap):
        _err("connect email needs --address, --smtp HOST[:PORT] and --imap HOST[:PORT]")
        return 2
    try:
        smtp_host, smtp_port = _host_port(args.smtp, 587)
        imap_host, imap_port = _host_port(args.imap, 993)
        smtp_sec: Security = args.smtp_security or ("ssl" if smtp_port == 465 else "starttls")
        imap_sec: Security = args.imap_security or ("ssl" if imap_port == 993 else "starttls")
        cfg = MailboxConfig(address=args.address.strip(), smtp_host=smtp_host, smtp_port=smtp_port,
                            smtp_security=smtp_sec, imap_host=imap_host, imap_port=imap_port,
                            imap_security=imap_sec, username=args.username or "",
                            display_name=args.name or "", sent_folder=args.sent_folder or "Sent")
        cfg.check()
        password = (sys.stdin.readline().rstrip("\n") if args.password_stdin
                    else getpass.getpass(f"App password for {cfg.login} (input hidden): "))
        save_password(cfg.login, password)
    except ValueError as exc:
        _err(str(exc))
        return 2
    return _save_and_check(args, cfg, summary=f"Mailbox connected: {cfg.address}", stored="app password",
                           via="")


def connect_email_oauth(args: argparse.Namespace) -> int:
    """``spectrum connect email --provider gmail|m365 --address ME --client-id ID``: sign in through the
    browser (OAuth 2.0 with PKCE, loopback redirect on 127.0.0.1), keep the client secret and the
    refresh token in the OS keyring, the servers in the workspace, and log in to both servers once
    with XOAUTH2. ``--smtp`` / ``--imap`` / ``--sent-folder`` override the provider's defaults. Exit 0
    connected (also when the servers are unreachable now), 2 bad input, 3 sign-in or login refused."""
    import webbrowser

    from desktop.outreach import oauth

    if not (args.address and args.client_id):
        _err(f"connect email --provider {args.provider} needs --address and --client-id "
             "(your own OAuth client: see README 'E-mail')")
        return 2
    try:
        p = oauth.provider(args.provider, tenant=args.tenant, auth_url=args.auth_url, token_url=args.token_url)
        smtp_host, smtp_port = _host_port(args.smtp, 587) if args.smtp else p.smtp[:2]
        imap_host, imap_port = _host_port(args.imap, 993) if args.imap else p.imap[:2]
        cfg = MailboxConfig(address=args.address.strip(), smtp_host=str(smtp_host), smtp_port=int(smtp_port),
                            smtp_security=args.smtp_security or p.smtp[2],
                            imap_host=str(imap_host), imap_port=int(imap_port),
                            imap_security=args.imap_security or p.imap[2],
                            username=args.username or "", display_name=args.name or "",
                            sent_folder=args.sent_folder if args.sent_folder != "Sent" else p.sent_folder,
                            auth="xoauth2", oauth_provider=p.name, token_url=p.token_url)
        cfg.check()
        secret = (sys.stdin.readline().rstrip("\n") if args.client_secret_stdin
                  else getpass.getpass(f"{p.title} OAuth client secret (input hidden"
                                       + ("" if p.secret_required else "; Enter for none") + "): ")).strip()
        if p.secret_required and not secret:
            raise ValueError(f"{p.title} needs your OAuth client's secret")
    except ValueError as exc:
        _err(str(exc))
        return 2

    def show(url: str) -> None:
        print(f"Sign in to {p.title} as {cfg.address} in your browser; if it does not open, visit:\n{url}",
              file=sys.stderr, flush=True)
        if not args.no_browser:
            webbrowser.open(url)

    try:
        grant = oauth.sign_in(p, client_id=args.client_id.strip(), client_secret=secret, login_hint=cfg.address,
                              open_url=show)
        oauth.save_grant(cfg.login, grant)
    except oauth.OAuthError as exc:
        _err(str(exc))
        return EXIT_REFUSED
    except MailError as exc:
        _err(str(exc))
        return 1
    return _save_and_check(args, cfg, summary=f"Mailbox connected ({p.title} OAuth): {cfg.address}",
                           stored=f"{p.title} sign-in", via=f" through {p.title} (XOAUTH2)")


def _save_and_check(args: argparse.Namespace, cfg: MailboxConfig, *, summary: str, stored: str, via: str) -> int:
    """Store the mailbox settings ``cfg`` in the workspace (audited as ``summary``), say what is in the
    keyring (``stored``), then log in once. Returns 0 (connected, or a temporary failure checked again at
    the first send) or :data:`EXIT_REFUSED` (the server refused the login)."""
    from desktop.store import email_outbox as eo  # lazy: the store only for this command
    from desktop.store.executor import apply_change

    ws = _workspace(args)
    try:
        apply_change(ws, lambda ses, ch: eo.put_settings(ses, {SETTING_KEY: cfg.to_json(),
                                                             "email_from": cfg.address}, ch),
                     actor="user", kind="setting", summary=summary)
    finally:
        ws.dispose()
    print(f"Mailbox {cfg.address}: {stored} stored in the OS keyring (service '{KEYRING_SERVICE}').", file=sys.stderr)
    try:
        Mailbox(cfg).check()
    except MailAuthError as exc:
        _err(str(exc))
        return EXIT_REFUSED
    except MailError as exc:
        _err(f"{exc} (checked again at the first send)")
        return 0
    print(f"Connected: e-mails are sent from {cfg.address}{via} and filed in '{cfg.sent_folder}'.", file=sys.stderr)
    return 0


def _row_json(r: Any) -> dict[str, Any]:
    return {"id": r.id, "status": r.status, "to": r.to_addr, "subject": r.subject,
            "message_id": r.message_id, "agent": r.agent, "reason": r.reason,
            "not_before": r.not_before.isoformat() if r.not_before else None,
            "sent_at": r.sent_at.isoformat() if r.sent_at else None,
            "replied_at": r.replied_at.isoformat() if r.replied_at else None}


def email_handler(args: argparse.Namespace) -> int:
    """``spectrum email ACTION``: see the module docstring. Exit 0 ok, 1 a problem the message
    explains, 2 bad usage / not connected, 3 the mailbox refused the login."""
    from desktop.outreach import service

    ws = _workspace(args)
    try:
        if args.action == "list":
            rows = service.outbox(ws)
            if args.json:
                print(json.dumps([_row_json(r) for r in rows]))
            for r in rows if not args.json else []:
                why = f" - {r.reason}" if r.reason and r.status in ("blocked", "queued", "dead", "cancelled") else ""
                print(f"{r.id:>5}  {r.status:<9} {r.to_addr:<32} {r.subject[:40]}{why}")
            return 0
        if args.action == "cancel":
            if args.id is None:
                _err("email cancel needs the e-mail's id (see `spectrum email list`)")
                return 2
            ok, text = service.cancel(ws, args.id)
            if args.json:
                print(json.dumps({"id": args.id, "cancelled": ok, "message": text}))
            else:
                print(text, file=sys.stderr)
            return 0 if ok else 1
        if args.action == "settings":
            values = service.set_settings(ws, undo_seconds=args.undo_seconds, daily_budget=args.daily_budget)
            print(json.dumps(values) if args.json else
                  f"undo window {values['undo_seconds']} s, daily budget {values['daily_budget']} e-mails")
            return 0
        mailbox = service.mailbox(ws)
        if mailbox is None:
            _err("no mailbox connected; run `spectrum connect email --address ... --smtp ... --imap ...`")
            return 2
        if args.action == "poll":
            try:
                report = service.poll_replies(ws, mailbox)
            except MailAuthError as exc:
                _err(str(exc))
                return EXIT_REFUSED
            print(json.dumps(report) if args.json else
                  f"{report['replies']} repl{'y' if report['replies'] == 1 else 'ies'}, "
                  f"{report['bounces']} bounce(s) matched")
            return 0
        stop = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        try:
            from desktop.outreach.message import utc_now
            from desktop.services import sequences

            total = service.send(ws, mailbox, stop, watch=args.watch, data_dir=args.settings.data_dir,
                                 replies_every_s=args.replies_every or None,
                                 sequences_tick=lambda: sequences.tick(ws, args.settings.data_dir, utc_now()),
                                 on_event=lambda kind, rid, text: print(json.dumps(
                                     {"event": kind, "id": rid, "detail": text}) if args.json
                                     else f"{kind}: e-mail {rid} ({text})", flush=True,
                                     file=sys.stdout if args.json else sys.stderr))
        except KeyboardInterrupt:
            return 0
        except MailAuthError as exc:
            _err(str(exc))
            return EXIT_REFUSED
        if not args.json:
            print(f"{total} e-mail(s) sent", file=sys.stderr)
        return 0
    finally:
        ws.dispose()


def sequence_handler(args: argparse.Namespace) -> int:
    """``spectrum sequence ACTION``: see the module docstring."""
    from desktop.outreach import abtest
    from desktop.outreach import sequences as engine
    from desktop.outreach.message import utc_now
    from desktop.services import sequences
    from desktop.store import sequences as store
    from desktop.store.errors import RecordNotFound

    ws = _workspace(args)
    data_dir = args.settings.data_dir
    try:
        if args.action == "start":
            if not args.agent or args.contact is None:
                _err("sequence start needs an agent and a contact id")
                return 2
            try:
                eid, created = sequences.enroll(ws, data_dir, args.agent, args.contact, now=utc_now())
            except (LookupError, RecordNotFound) as exc:
                _err(str(exc))
                return 2
            print(json.dumps({"enrollment": eid, "created": created}) if args.json else
                  f"enrollment {eid} {'started' if created else 'was already running'}")
            return 0
        if args.action == "stop":
            contact = args.contact if args.contact is not None else (int(args.agent) if (args.agent or "").isdigit()
                                                                     else None)
            if contact is None:
                _err("sequence stop needs a contact id")
                return 2
            ids = engine.cancel_for_contact(ws, contact, now=utc_now())
            print(json.dumps({"cancelled": ids}) if args.json else f"{len(ids)} sequence(s) cancelled")
            return 0 if ids else 1
        if args.action == "tick":
            rep = sequences.tick(ws, data_dir, utc_now())
            out = {"proposed": rep.proposed, "advanced": rep.advanced, "finished": rep.finished}
            print(json.dumps(out) if args.json else "\n".join(f"{k}: {len(v)}" for k, v in out.items()))
            return 0
        if args.action == "stats":
            rep = abtest.report(ws)
            if args.json:
                print(json.dumps(rep))
                return 0
            for q in rep["sequences"]:
                print(f"{q['agent']}/{q['sequence']}: {q['enrolled']} enrolled, sent {q['sent']} / replied "
                      f"{q['replied']} / bounced {q['bounced']}")
            for v in rep["variants"]:
                print(f"  step {v['step']} variant {v['variant']}: {v['replied']}/{v['sent']} replied, "
                      f"{v['interval']} {v['verdict']}")
            return 0
        with ws.uow() as uow:
            rows = store.listed(uow.session)
        if args.json:
            print(json.dumps([{"id": e.id, "agent": e.agent, "sequence": e.sequence, "contact": e.contact_id,
                               "status": e.status, "step": e.position + 1, "phase": e.phase,
                               "next_at": e.next_at.isoformat() if e.next_at else None, "reason": e.reason,
                               "variants": e.variants} for e in rows]))
        for e in rows if not args.json else []:
            why = f" - {e.reason}" if e.reason else ""
            print(f"{e.id:>5}  {e.status:<9} {e.agent}/{e.sequence} contact {e.contact_id} step {e.position + 1} "
                  f"({e.phase}){why}")
        return 0
    finally:
        ws.dispose()
