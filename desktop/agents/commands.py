"""``spectrum agents ...``, ``spectrum ask`` and ``spectrum consent``: command-line front ends of
:class:`desktop.agents.service.AgentService` and :mod:`desktop.agents.compliance`.

    spectrum agents list [--json]
    spectrum agents run NAME [--now ISO] [--note TEXT] [--deal DEAL] [--json]
    spectrum agents resume RUN_ID | spectrum agents resume NAME   # a run, or a paused schedule
    spectrum agents pause NAME                                   # stop NAME's schedule (runs on demand)
    spectrum agents serve [--interval S] [--once] [--json]       # run due schedules until SIGTERM
    spectrum agents cap [USD]                                    # the global daily spend cap
    spectrum agents kill NAME | spectrum agents kill --all
    spectrum agents enable NAME | spectrum agents enable --all
    spectrum agents log NAME [--run ID] [--json]
    spectrum agents costs [--json]
    spectrum ask [--agent NAME] [--json] [--now ISO] [--queue] QUESTION...
    spectrum consent CONTACT grant|withdraw [--channel email] --method "..." [--purpose marketing]

Exit codes: 0 success, 1 a problem the message explains (unknown agent, failed run), 2 bad usage,
4 ``agents serve``: another scheduler already runs this workspace's agents.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any


def register(subparsers: Any) -> None:
    """Add ``agents``, ``ask`` and ``consent`` (each sets ``func=handler``)."""
    p = subparsers.add_parser("agents", help="AI teammates: list, run, kill, enable, run log, costs")
    sub = p.add_subparsers(dest="agents_command", required=True)
    sp = sub.add_parser("list", help="agents with state, last run, success rate and spend today")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(func=list_handler)
    sp = sub.add_parser("run", help="run one agent now")
    sp.add_argument("name")
    sp.add_argument("--now", help="ISO 8601 reference time (default: now, UTC)")
    sp.add_argument("--note", help="post-call: the call note or transcript to process")
    sp.add_argument("--deal", help="post-call: the deal the note is about (name or id)")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(func=run_handler)
    sp = sub.add_parser("resume", help="continue a killed or interrupted run (RUN_ID), or resume a paused "
                                       "agent's schedule (NAME)")
    sp.add_argument("run_id", metavar="RUN_ID|NAME")
    sp.set_defaults(func=resume_handler)
    sp = sub.add_parser("pause", help="pause an agent's schedule (it still runs when asked)")
    sp.add_argument("name")
    sp.set_defaults(func=pause_handler)
    sp = sub.add_parser("serve", help="run agents on their schedules until stopped (SIGTERM / Ctrl+C); a slot "
                                      "missed while the machine slept runs once")
    sp.add_argument("--interval", type=float, default=60.0, help="seconds between schedule checks (default 60)")
    sp.add_argument("--once", action="store_true", help="check once, run what is due, and exit")
    sp.add_argument("--json", action="store_true", help="one JSON line per finished run on stdout")
    sp.set_defaults(func=serve_handler)
    sp = sub.add_parser("cap", help="show or set the global daily spend cap of all agents together (USD)")
    sp.add_argument("usd", nargs="?", type=float)
    sp.set_defaults(func=cap_handler)
    for verb, helptext in (("kill", "stop an agent (or --all) at once"), ("enable", "switch an agent back on")):
        sp = sub.add_parser(verb, help=helptext)
        sp.add_argument("name", nargs="?")
        sp.add_argument("--all", action="store_true", help="the global switch")
        sp.set_defaults(func=switch_handler, verb=verb)
    sp = sub.add_parser("log", help="an agent's runs and steps")
    sp.add_argument("name")
    sp.add_argument("--run", type=int, help="show this run's steps")
    sp.add_argument("--limit", type=int, default=10)
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(func=log_handler)
    sp = sub.add_parser("costs", help="today's LLM spend and transcription time")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(func=costs_handler)

    a = subparsers.add_parser("ask", help="ask an AI teammate a question about the workspace")
    a.add_argument("question", nargs="+")
    a.add_argument("--agent", help="who answers (default: picked from the question)")
    a.add_argument("--json", action="store_true")
    a.add_argument("--now", help="ISO 8601 reference time (default: now, UTC)")
    a.add_argument("--queue", action="store_true", help="send a suggested plan to approvals")
    a.set_defaults(func=ask_handler)

    c = subparsers.add_parser("consent", help="record a contact's consent or its withdrawal")
    c.add_argument("contact", help="contact id or name")
    c.add_argument("action", choices=["grant", "withdraw"])
    c.add_argument("--channel", default="any", choices=["email", "phone", "sms", "any"])
    c.add_argument("--method", required=True, help='how, e.g. "verbal on call", "web form"')
    c.add_argument("--purpose", default="marketing")
    c.set_defaults(func=consent_handler)


def _err(msg: str) -> None:
    print(f"spectrum: {msg}", file=sys.stderr)


def _now(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise SystemExit(f"spectrum: --now {value!r} is not an ISO 8601 date/time (e.g. 2026-11-21T09:00)") from None
    if dt.tzinfo is not None:

        dt = dt.astimezone(UTC).replace(tzinfo=None)
    return dt


@contextmanager
def _opened(args, now: datetime | None = None):
    """The agent service over the workspace of ``args`` (clock pinned to ``now`` when given);
    loadout errors are reported; the workspace is closed on exit."""
    from desktop.agents.service import AgentService
    from desktop.bootstrap import open_workspace

    ws = open_workspace(args.settings)
    try:
        svc = AgentService(ws, args.settings, (lambda: now) if now is not None else None)
        for e in svc.loadout_errors:
            _err(f"skipped loadout {e}")
        yield svc
    finally:
        ws.dispose()


def _fmt_dt(v: datetime | None) -> str:
    return v.isoformat(sep=" ", timespec="minutes") if v else "-"


def list_handler(args: argparse.Namespace) -> int:
    """Print one line per agent (or JSON rows)."""
    with _opened(args) as svc:
        rows = svc.list_agents()
        reason = svc.stop_reason()
    if reason:
        print(f"All agents are stopped: {reason} (`spectrum agents enable --all`)", file=sys.stderr)
    if args.json:
        print(json.dumps([{**r.__dict__, "last_run_at": r.last_run_at.isoformat() if r.last_run_at else None,
                           "next_run_at": r.next_run_at.isoformat() if r.next_run_at else None} for r in rows]))
        return 0
    for r in rows:
        rate = "-" if r.success_rate is None else f"{r.success_rate * 100:.0f}%"
        sched = (r.schedule or "on demand") + (" (paused)" if r.paused else "")
        print(f"{r.name:<12} {r.state:<11} {r.role:<16} model={r.model:<10} last={_fmt_dt(r.last_run_at)} "
              f"ok={rate:<4} spend=${r.spend_today_usd:.4f}/${r.daily_budget_usd:.2f} {sched}"
              + (f" next={_fmt_dt(r.next_run_at)}" if r.next_run_at else ""))
    return 0


def _print_result(res, as_json: bool) -> int:
    if as_json:
        def as_json(r) -> dict:
            return {"run_id": r.run_id, "agent": r.agent, "status": r.status, "error": r.error,
                    "cost_usd": r.cost_usd, "approvals": r.approvals, "applied": r.applied, "outputs": r.outputs,
                    "handoffs": [as_json(c) for c in r.handoffs]}
        print(json.dumps(as_json(res), default=str))
    else:
        print(f"{res.agent}: run #{res.run_id} {res.status}" + (f" - {res.error}" if res.error else ""))
        for out in res.outputs:
            if out.get("chat"):
                print(out["chat"])
            if out.get("reasons"):
                print(f"  {out['deal']['name']}: " + "; ".join(out["reasons"]))
            if out.get("bands"):
                print(f"  scored {out['scored']}: " + ", ".join(f"{k} {v}" for k, v in out["bands"].items()))
            if out.get("message") and not out.get("chat"):
                print(f"  {out['message']}")
        if res.approvals:
            print(f"  {len(res.approvals)} plan(s) waiting in approvals: "
                  + ", ".join(f"#{a}" for a in res.approvals) + " (spectrum approvals)")
        if res.applied:
            print(f"  applied {len(res.applied)} plan(s) (audit " + ", ".join(f"#{a}" for a in res.applied) + ")")
        for child in res.handoffs:
            print(f"-> handed over to {child.agent}:")
            _print_result(child, False)
    return 0 if res.status == "done" and all(c.status == "done" for c in res.handoffs) else 1


def run_handler(args: argparse.Namespace) -> int:
    """Run one agent; exit 0 when the run finished (``done``), else 1."""
    from desktop.agents.service import UnknownAgent

    now = _now(args.now)
    inp = {"text": args.note, "deal": args.deal} if args.note else None
    with _opened(args, now) as svc:
        try:
            res = asyncio.run(svc.run(args.name, input=inp, now=now))
        except UnknownAgent as exc:
            _err(str(exc))
            return 1
    return _print_result(res, args.json)


def resume_handler(args: argparse.Namespace) -> int:
    """Resume a stored run (a number) or a paused agent's schedule (a name)."""
    from desktop.agents.service import UnknownAgent

    with _opened(args) as svc:
        if not str(args.run_id).isdigit():
            try:
                svc.resume_agent(args.run_id)
            except UnknownAgent as exc:
                _err(str(exc))
                return 1
            nxt = svc.next_run(args.run_id)
            print(f"{args.run_id} resumed; next run {_fmt_dt(nxt) if nxt else 'only on demand (no schedule)'}.")
            return 0
        try:
            res = asyncio.run(svc.resume(int(args.run_id)))
        except (LookupError, KeyError) as exc:
            _err(str(exc).strip("'\""))
            return 1
    return _print_result(res, False)


def pause_handler(args: argparse.Namespace) -> int:
    """Pause an agent's schedule."""
    from desktop.agents.service import UnknownAgent

    with _opened(args) as svc:
        try:
            svc.pause_agent(args.name)
        except UnknownAgent as exc:
            _err(str(exc))
            return 1
    print(f"{args.name} paused: it runs only when asked until `spectrum agents resume {args.name}`.")
    return 0


def _result_json(res) -> dict:
    return {"run_id": res.run_id, "agent": res.agent, "status": res.status, "error": res.error,
            "cost_usd": res.cost_usd, "approvals": res.approvals, "applied": res.applied}


def serve_handler(args: argparse.Namespace) -> int:
    """Run due schedules every ``--interval`` seconds until SIGTERM/SIGINT (exit 0)."""
    import signal

    def report(res) -> None:
        if args.json:
            print(json.dumps({"event": "run", **_result_json(res)}, default=str), flush=True)
        else:
            print(f"{datetime.now():%Y-%m-%d %H:%M} {res.agent}: run #{res.run_id} {res.status}"
                  + (f" - {res.error}" if res.error else ""), file=sys.stderr, flush=True)

    async def main(svc) -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            try:
                loop.add_signal_handler(sig, stop.set)
            except (NotImplementedError, RuntimeError):  # pragma: no cover - Windows
                pass
        if args.once:
            stop.set()
        await svc.serve(stop, interval_s=max(args.interval, 0.01), on_run=report)

    import fcntl
    from pathlib import Path

    lock_path = Path(args.settings.data_dir) / "agents-serve.lock"
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    lock = open(lock_path, "a+")  # noqa: SIM115 - held for the life of the scheduler
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        lock.close()
        _err("agents serve: another scheduler already runs this workspace's agents (the app or "
             "`spectrum agents serve`); not starting a second one")
        return 4
    with lock, _opened(args) as svc:
        if not args.json:
            print("spectrum agents serve: running schedules (Ctrl+C to stop)", file=sys.stderr)
        if args.once:
            for res in asyncio.run(svc.resume_interrupted()):
                report(res)
            for res in asyncio.run(svc.run_due(datetime.now())):
                report(res)
        else:
            asyncio.run(main(svc))
    if args.json:
        print(json.dumps({"event": "stopped"}), flush=True)
    return 0


def cap_handler(args: argparse.Namespace) -> int:
    """Show or set the global daily spend cap (USD)."""
    with _opened(args) as svc:
        if args.usd is not None:
            if args.usd < 0:
                _err("cap: give an amount in USD >= 0")
                return 2
            svc.set_daily_cap(args.usd)
        cap, spent = svc.daily_cap(), svc.spent_today()
    print(f"Global daily cap ${cap:.2f}; spent today ${spent:.4f}.")
    return 0


def switch_handler(args: argparse.Namespace) -> int:
    """``kill``/``enable`` NAME or ``--all``."""
    from desktop.agents.service import UnknownAgent

    if bool(args.name) == bool(args.all):
        _err(f"agents {args.verb}: give an agent NAME or --all")
        return 2
    with _opened(args) as svc:
        try:
            name = "*" if args.all else args.name
            if args.verb == "kill":
                svc.kill(name)
                print(f"{'All agents' if args.all else name} stopped; outbound calls are blocked until "
                      f"`spectrum agents enable {'--all' if args.all else name}`.")
            else:
                waiting = svc.enable(name)
                print(f"{'Global switch cleared' if args.all else name + ' enabled'}."
                      + (f" Runs waiting to resume: {', '.join(f'#{i}' for i in waiting)} "
                         f"(spectrum agents resume ID)." if waiting else ""))
                svc.sync_switches()
                if not args.all and svc.gate.global_killed:
                    print(f"Warning: the global kill switch is still on; {name} will not run until "
                          "`spectrum agents enable --all`.", file=sys.stderr)
        except UnknownAgent as exc:
            _err(str(exc))
            return 1
    return 0


def log_handler(args: argparse.Namespace) -> int:
    """Runs of an agent (newest first) with their steps."""
    from desktop.agents.service import UnknownAgent

    with _opened(args) as svc:
        try:
            svc.loadout(args.name)
            runs = svc.runs(args.name, args.limit) if args.run is None else [
                r for r in svc.runs(args.name, 1000) if r.id == args.run]
            data = [(r, svc.steps(r.id)) for r in runs]
        except UnknownAgent as exc:
            _err(str(exc))
            return 1
    if args.json:
        print(json.dumps([{**r.__dict__, "steps": [st.__dict__ for st in steps]} for r, steps in data], default=str))
        return 0
    if not data:
        print(f"{args.name} has no runs yet.")
    for r, steps in data:
        print(f"run #{r.id} {_fmt_dt(r.started_at)} {r.status} cost=${r.cost_usd:.4f}"
              + (f" - {r.error}" if r.error else ""))
        for st in steps:
            extra = st.output.get("approval_id") and f" -> approval #{st.output['approval_id']}" or ""
            if st.output.get("audit_id"):
                extra = f" -> applied (audit #{st.output['audit_id']})"
            print(f"  {st.position:>2}. {st.tool:<16} {st.status:<8}{extra}" + (f" {st.error}" if st.error else ""))
    return 0


def costs_handler(args: argparse.Namespace) -> int:
    """Today's LLM and transcription costs."""
    with _opened(args) as svc:
        c = svc.costs()
    if args.json:
        print(json.dumps(c))
        return 0
    print(f"{c['day']}: {c['llm_calls']} LLM call(s), {c['prompt_tokens']}+{c['completion_tokens']} tokens, "
          f"${c['llm_cost_usd']:.4f}; transcription {c['transcriptions']} run(s), {c['audio_s']} s audio, "
          f"{c['transcription_cpu_s']} s CPU")
    for agent, usd in sorted(c["by_agent"].items()):
        print(f"  {agent:<12} ${usd:.4f}")
    return 0


def ask_handler(args: argparse.Namespace) -> int:
    """Answer a question in an agent's role (text, or JSON with ``--json``)."""
    from desktop.agents.service import UnknownAgent

    question = " ".join(args.question)
    now = _now(args.now)
    with _opened(args, now) as svc:
        try:
            from desktop.agents.chat import pick_agent

            name = args.agent or pick_agent(question, list(svc.loadouts))
            svc.sync_switches()
            paused = svc.gate.blocked_reason(name)
            if paused:
                # chat stays available while agents are stopped: it only reads the workspace, and the
                # gate refuses its model calls; nothing it suggests is queued
                print(f"Note: {paused}; this answer uses the workspace only (no model calls) and nothing "
                      "is queued.", file=sys.stderr)
            ans = asyncio.run(svc.ask(name, question, now=now))
            queued = None
            if args.queue and paused:
                _err(f"not queued: {paused}")
                return 3
            if args.queue and ans.plan is not None and ans.plan.mutating:
                from desktop.store.approvals import submit

                queued = submit(svc.workspace, ans.plan, source=f"agent:{name}", now=now)
        except UnknownAgent as exc:
            _err(str(exc))
            return 1
    if args.json:
        print(json.dumps({"agent": name, **ans.as_dict(), "approval_id": queued}, default=str))
        return 0
    print(f"[{name}] {ans.text}")
    for item in ans.context:
        if item["type"] == "figure":
            print(f"  - {item['name']}: {item['value']} ({item['source']})")
        else:
            print(f"  - {item['type']} #{item['id']} {item['name']}")
    if ans.plan is not None:
        print("Suggested plan: " + "; ".join(f"{a.kind} {a.target.name if a.target else ''}".strip()
                                             for a in ans.plan.actions)
              + (f" - queued as approval #{queued}" if queued else " (add --queue to send it to approvals)"))
    return 0


def consent_handler(args: argparse.Namespace) -> int:
    """Record consent or its withdrawal for a contact (by id or name)."""
    from desktop.agents.compliance import record_consent
    from desktop.bootstrap import open_workspace
    from desktop.store import queries
    from desktop.store.errors import WorkspaceError

    ws = open_workspace(args.settings)
    try:
        with ws.uow() as uow:
            try:
                contact = queries.show(uow.session, "contact", args.contact)
            except WorkspaceError as exc:
                _err(str(exc))
                return 1
        res = record_consent(ws, contact["id"], granted=args.action == "grant", channel=args.channel,
                             method=args.method, purpose=args.purpose)
    except (ValueError, LookupError) as exc:
        _err(str(exc))
        return 1
    finally:
        ws.dispose()
    verb = "granted" if args.action == "grant" else "withdrew"
    print(f"{contact['name']} {verb} {args.channel} consent ({args.method}); "
          f"do-not-contact is {'on' if res['do_not_contact'] else 'off'}.")
    return 0
