"""``spectrum connect`` and ``spectrum sync``: command-line front ends of the sync layer.

- ``spectrum connect hubspot|pipedrive [--domain COMPANY] [--oauth]`` asks for the token (hidden
  input) and stores it in the OS keyring (service "spectrum-sync"); never in the database or logs.
  With ``--oauth`` (HubSpot) it also asks for the refresh token and the app's client id and secret
  so expired access tokens are renewed (:mod:`desktop.sync.oauth`). It then makes sure the CRM has
  the unique ``spectrum_key`` property / custom field that push upserts rely on (idempotent;
  Pipedrive's field keys are kept in ``<data_dir>/sync.json``). When the CRM cannot be reached the
  check is retried at the start of the next ``spectrum sync``.
- ``spectrum sync [--once] [--pull-only] [--push-only] [--sandbox]`` pulls remote changes into the
  workspace, then drains the outbox; without ``--once`` it repeats every ``--interval`` seconds
  until Ctrl-C. ``--sandbox`` runs against the local CRM emulator (seeded with a few records, plus two local
  changes to push) with a throw-away state under ``<data_dir>/sandbox``, recreated each run;
  the real workspace and CRM are not touched.
- ``spectrum sync --watch [--interval S] [--crm X] [--sandbox]``: the long-running mode for a
  child process of the desktop app. Every cycle pulls, then drains the outbox, then prints exactly
  one JSON line to stdout (flushed)::

      {"event": "cycle", "cycle": 1, "at": 1763750000.0, "seconds": 0.8, "crms": [
        {"crm": "hubspot", "pulled": {"contact": 3, ...}, "archived": {"deal": 1} (only object
         types with remote deletions: empty when none), "new_conflicts": 0, "sent": 2,
         "retrying": 0, "dead": 0, "requests": 1, "offline": false, "waiting": 0,
         "outbox": {"sent": 2}, "dead_letters": 0, "open_conflicts": 0,
         "error": null | "offline" | "auth" | "<message>", "message": null | "<what to do>"}]}

  then waits ``--interval`` seconds (default 60). Errors never end the loop (an offline CRM or a
  rejected token is reported in the line, the outbox waits; a reconnect through the keyring takes
  effect on the next cycle). SIGTERM or SIGINT stops it at once (an interrupted cycle leaves a
  consistent state: cursors are saved per page, outbox rows are marked per batch and pushes are
  idempotent); it prints ``{"event": "stopped", "cycles": N}`` and exits 0.
- ``spectrum sync status [--json]``: outbox counts, dead letters, open conflicts, cursors.

Handlers take ``args`` (with ``args.settings``: :class:`desktop.config.Settings`) and return the
exit code: 0 ok, 1 sync error (offline, dead letters written), 2 not connected, 3 token rejected.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import json
import sys
from pathlib import Path
from typing import Any

from desktop.sync import credentials
from desktop.sync.errors import AuthExpired, Offline, SyncError

HUBSPOT_URL = "https://api.hubapi.com"


def register(subparsers: Any) -> None:
    """Add ``connect`` and ``sync`` (each sets ``func=handler``)."""
    c = subparsers.add_parser("connect", help="connect a CRM: store its API token in the OS keyring")
    c.add_argument("crm", choices=credentials.PROVIDERS)
    c.add_argument("--domain", help="Pipedrive company domain (the COMPANY in COMPANY.pipedrive.com)")
    c.add_argument("--oauth", action="store_true",
                   help="HubSpot OAuth app: also store the refresh token and client id/secret")
    c.add_argument("--base-url", help=argparse.SUPPRESS)  # tests / API proxies
    c.set_defaults(func=connect_handler)

    sp = subparsers.add_parser("sync", help="sync with the connected CRM; `sync status` shows state")
    sp.add_argument("action", nargs="?", choices=["run", "status"], default="run")
    sp.add_argument("--once", action="store_true", help="one pull + push, then exit")
    sp.add_argument("--pull-only", action="store_true")
    sp.add_argument("--push-only", action="store_true")
    sp.add_argument("--sandbox", action="store_true",
                    help="sync against the local CRM emulator (no network, no real data touched)")
    sp.add_argument("--crm", choices=credentials.PROVIDERS, help="only this CRM")
    sp.add_argument("--interval", type=float, default=60.0, help="seconds between syncs")
    sp.add_argument("--watch", action="store_true",
                    help="sync every --interval seconds, one JSON status line per cycle on stdout; "
                         "stops cleanly on SIGTERM")
    sp.add_argument("--json", action="store_true")
    sp.add_argument("--base-url", help=argparse.SUPPRESS)  # tests / API proxies
    sp.set_defaults(func=sync_handler)


def _config_path(settings: Any) -> Path:
    return Path(settings.data_dir) / "sync.json"


def _config(settings: Any) -> dict[str, Any]:
    path = _config_path(settings)
    return json.loads(path.read_text()) if path.exists() else {}


def _save_config(settings: Any, cfg: dict[str, Any]) -> None:
    path = _config_path(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(cfg, indent=2))


def connect_handler(args: argparse.Namespace) -> int:
    """Prompt for the token (not echoed), store it in the keyring, then ensure the CRM's unique
    ``spectrum_key`` property. Exit codes: 0 ok (also when the CRM is unreachable: checked again
    at the next sync), 1 the property cannot be set up, 2 bad input, 3 token rejected."""
    token = getpass.getpass(f"{args.crm} API token (input hidden): ")
    try:
        credentials.save_token(args.crm, token)
        if getattr(args, "oauth", False):
            from desktop.sync.oauth import save_oauth

            save_oauth(args.crm,
                       refresh_token=getpass.getpass("OAuth refresh token (input hidden): "),
                       client_id=getpass.getpass("OAuth client id (input hidden): "),
                       client_secret=getpass.getpass("OAuth client secret (input hidden): "))
    except ValueError as exc:
        print(f"spectrum: {exc}", file=sys.stderr)
        return 2
    cfg = _config(args.settings)
    cfg.pop(f"{args.crm}_key_property", None)  # a new account: check it again
    if args.crm == "pipedrive" and args.domain:
        cfg["pipedrive_url"] = f"https://{args.domain}.pipedrive.com"
    _save_config(args.settings, cfg)
    print(f"Connected {args.crm}: token stored in the OS keyring (service "
          f"'{credentials.SERVICE}').")
    code = asyncio.run(_connect_check(args))
    if code == 0:
        print("Run `spectrum sync --once` to sync.")
    return code


async def _connect_check(args: argparse.Namespace) -> int:
    import httpx

    from desktop.sync.errors import Permanent, Retryable
    from desktop.sync.http import DEFAULT_TIMEOUT

    async with httpx.AsyncClient(timeout=DEFAULT_TIMEOUT) as client:
        try:
            adapter = _adapter(args.crm, client, args, credentials.token_provider(args.crm))
            await _ensure_key_property(adapter, args)
        except AuthExpired:
            print(f"spectrum: {args.crm} rejected the token; check it and run `spectrum connect "
                  f"{args.crm}` again", file=sys.stderr)
            return 3
        except (Permanent, SyncError) as exc:
            if isinstance(exc, Retryable):
                print(f"spectrum: {args.crm} unreachable; the spectrum_key property will be "
                      "checked at the next `spectrum sync`", file=sys.stderr)
                return 0
            print(f"spectrum: {args.crm}: {exc}", file=sys.stderr)
            return 1
    return 0


async def _ensure_key_property(adapter: Any, args: argparse.Namespace) -> None:
    """Create the CRM's unique ``spectrum_key`` property/field if missing, once per account
    (remembered in ``sync.json``); Pipedrive's field keys are stored there and adopted."""
    cfg = _config(args.settings)
    done = cfg.get(f"{adapter.name}_key_property")
    needed = getattr(adapter, "key_property_types", None)
    if not hasattr(adapter, "ensure_key_property") or (done and (
            needed is None or (isinstance(done, list) and set(needed) <= set(done)))):
        return  # checked for every type this adapter upserts (an older check covered fewer)
    result = await adapter.ensure_key_property()
    if adapter.name == "hubspot" and result:
        print(f"Created the unique property spectrum_key on HubSpot {', '.join(result)}.")
    cfg = _config(args.settings)
    if adapter.name == "pipedrive":
        cfg["pipedrive_key_fields"] = result
    cfg[f"{adapter.name}_key_property"] = sorted(needed) if needed else True
    _save_config(args.settings, cfg)


def _adapter(crm: str, client: Any, args: argparse.Namespace, token_provider: Any) -> Any:
    from desktop.sync.hubspot import HubSpotAdapter
    from desktop.sync.pipedrive import PipedriveAdapter

    if crm == "hubspot":
        from desktop.sync.oauth import TokenRefresher

        url = args.base_url or HUBSPOT_URL
        return HubSpotAdapter(client, token_provider, base_url=url,
                              refresh=TokenRefresher(client, url, "hubspot"))
    cfg = _config(args.settings)
    url = args.base_url or cfg.get("pipedrive_url")
    if not url:
        raise SyncError("Pipedrive company domain unknown: `spectrum connect pipedrive --domain X`")
    return PipedriveAdapter(client, token_provider, base_url=url,
                            key_field=cfg.get("pipedrive_key_fields") or "spectrum_key")


def _progress(object_type: str, n: int, mode: str) -> None:
    if sys.stderr.isatty():
        print(f"\r{mode} pull: {object_type} {n:,} records", end="", file=sys.stderr, flush=True)


async def _cycle(adapter: Any, state: Any, args: argparse.Namespace) -> dict[str, Any]:
    from desktop.sync.engine import SyncEngine
    from desktop.sync.worker import SyncWorker

    out: dict[str, Any] = {"crm": adapter.name}
    if not args.push_only:
        report = await SyncEngine(adapter, state, progress=_progress).pull()
        out["pulled"] = report.applied
        out["archived"] = {t: n for t, n in report.archived.items() if n}  # only types with any
        out["new_conflicts"] = len(report.conflicts)
    if not args.pull_only:
        drain = await SyncWorker(adapter, state).drain()
        out.update(sent=drain.sent, retrying=drain.retried, dead=drain.dead,
                   requests=drain.calls, offline=drain.offline, waiting=drain.waiting)
    return out


async def _watch(adapters: list[tuple[Any, Any]], args: argparse.Namespace) -> int:
    """The ``--watch`` loop (see the module docstring). Returns 0 after SIGTERM/SIGINT."""
    import signal
    import time

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    cycles = 0
    try:
        while not stop.is_set():
            cycles += 1
            started = time.monotonic()
            cycle = asyncio.ensure_future(_watch_cycle(adapters, args))
            stopper = asyncio.ensure_future(stop.wait())
            await asyncio.wait({cycle, stopper}, return_when=asyncio.FIRST_COMPLETED)
            stopper.cancel()
            if not cycle.done():  # stopped mid-cycle: the state is consistent at any await
                cycle.cancel()
                await asyncio.gather(cycle, return_exceptions=True)
                break
            _emit({"event": "cycle", "cycle": cycles, "at": round(time.time(), 3),
                   "seconds": round(time.monotonic() - started, 3), "crms": cycle.result()})
            try:
                await asyncio.wait_for(stop.wait(), timeout=max(0.0, args.interval))
            except TimeoutError:
                pass
    finally:
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.remove_signal_handler(sig)
    _emit({"event": "stopped", "cycles": cycles})
    return 0


async def _watch_cycle(adapters: list[tuple[Any, Any]], args: argparse.Namespace
                       ) -> list[dict[str, Any]]:
    out = []
    for adapter, state in adapters:
        result: dict[str, Any] = {"crm": adapter.name, "error": None, "message": None}
        try:
            result.update(await _cycle(adapter, state, args))
        except AuthExpired:
            result.update(error="auth", message=f"the {adapter.name} token was rejected or has "
                          f"expired; run `spectrum connect {adapter.name}` (local changes wait "
                          "in the outbox)")
        except Offline:
            result.update(error="offline", offline=True,
                          message="CRM unreachable; local changes wait in the outbox")
        except SyncError as exc:
            result.update(error=type(exc).__name__, message=str(exc)[:300])
        summary = await asyncio.to_thread(state.summary)
        result.update(outbox=summary["outbox"], dead_letters=len(summary["dead_letters"]),
                      open_conflicts=len(summary["open_conflicts"]))
        out.append(result)
    return out


def _emit(line: dict[str, Any]) -> None:
    print(json.dumps(line, default=str), flush=True)


async def _run(jobs: list[tuple[str, Any, Any]], args: argparse.Namespace) -> int:
    import httpx

    from desktop.sync.http import DEFAULT_TIMEOUT

    code = 0
    async with httpx.AsyncClient(timeout=DEFAULT_TIMEOUT) as client:
        adapters = [(_adapter(crm, client, args, tp), state) for crm, state, tp in jobs]
        if not getattr(args, "sandbox", False):
            for adapter, _ in adapters:  # not checked at connect time (offline then): now
                try:
                    await _ensure_key_property(adapter, args)
                except SyncError as exc:
                    print(f"spectrum: {adapter.name}: cannot check the spectrum_key property "
                          f"({type(exc).__name__}); pushes may fail until it exists",
                          file=sys.stderr)
        if getattr(args, "watch", False):
            return await _watch(adapters, args)
        while True:
            for adapter, state in adapters:
                try:
                    result = await _cycle(adapter, state, args)
                except AuthExpired:
                    print(f"spectrum: the {adapter.name} token was rejected or has expired and "
                          f"could not be refreshed; run `spectrum connect {adapter.name}` (local "
                          "changes wait in the outbox)", file=sys.stderr)
                    return 3
                except Offline as exc:
                    print(f"spectrum: {adapter.name} unreachable ({exc}); local changes wait "
                          "in the outbox", file=sys.stderr)
                    result, code = {"crm": adapter.name, "offline": True}, 1
                except SyncError as exc:
                    print(f"spectrum: {adapter.name}: {exc}", file=sys.stderr)
                    result, code = {"crm": adapter.name, "error": str(exc)}, 1
                if sys.stderr.isatty():
                    print(file=sys.stderr)
                if result.get("dead") or result.get("offline"):
                    code = 1
                _print(result, args.json)
            if args.once:
                return code
            await asyncio.sleep(args.interval)


def _print(result: dict[str, Any], as_json: bool) -> None:
    if as_json:
        print(json.dumps(result))
        return
    parts: list[str] = []
    if "pulled" in result:
        parts.append("pulled " + ", ".join(f"{k} {v}" for k, v in result["pulled"].items() if v)
                     if any(result["pulled"].values()) else "nothing new to pull")
        if result.get("new_conflicts"):
            parts.append(f"{result['new_conflicts']} new conflict(s) — see `spectrum sync status`")
    if "sent" in result:
        parts.append(f"pushed {result['sent']} change(s) in {result['requests']} request(s)")
        if result.get("retrying"):
            parts.append(f"{result['retrying']} to retry")
        if result.get("dead"):
            parts.append(f"{result['dead']} dead-lettered")
    print(f"{result['crm']}: " + ("; ".join(parts) or "nothing to do"))


def _sandbox(args: argparse.Namespace) -> int:
    from desktop.sync.emulator import CrmEmulator
    from desktop.sync.state import FileState

    folder = Path(args.settings.data_dir) / "sandbox"
    (folder / "sync-state.json").unlink(missing_ok=True)  # the emulator starts empty each run
    state = FileState(folder / "sync-state.json", source="hubspot")
    with CrmEmulator(token="sandbox-token") as emu:
        for i, (name, domain) in enumerate([("Acme", "acme.test"), ("Globex", "globex.test"),
                                            ("Initech", "initech.test")]):
            emu.hubspot.create("companies", {"name": name, "domain": domain})
            emu.hubspot.create("contacts", {"email": f"ceo@{domain}", "firstname": f"Pat{i}",
                                            "lastname": name})
            emu.hubspot.create("deals", {"dealname": f"{name} pilot", "amount": str(5000 * (i + 1)),
                                         "dealstage": "qualifiedtobuy", "pipeline": "default"})
        state.local_change("contact", "create", {"first_name": "Sam", "last_name": "Sandbox",
                                                 "email": "sam@sandbox.test"})
        state.local_change("task", "create", {"subject": "Send the sandbox proposal",
                                              "status": "open"})
        args.base_url = emu.url
        print(f"sandbox: local CRM emulator at {emu.url}; state in {folder}",
              file=sys.stderr if args.watch else sys.stdout)
        return asyncio.run(_run([("hubspot", state, lambda: "sandbox-token")], args))


def sync_handler(args: argparse.Namespace) -> int:
    """``spectrum sync`` and ``spectrum sync status``."""
    if args.action == "status":
        return _status(args)
    if args.sandbox:
        return _sandbox(args)
    crms = [args.crm] if args.crm else [c for c in credentials.PROVIDERS if credentials.load_token(c)]
    if not crms or not all(credentials.load_token(c) for c in crms):
        print("spectrum: no CRM connected; run `spectrum connect hubspot` (or pipedrive)",
              file=sys.stderr)
        return 2
    from desktop.store.db import open_workspace
    from desktop.store.sync_state import StoreState

    ws = open_workspace(args.settings.resolved_database_url())
    try:
        jobs = [(c, StoreState(ws, c), credentials.token_provider(c)) for c in crms]
        return asyncio.run(_run(jobs, args))
    finally:
        ws.dispose()


def _status(args: argparse.Namespace) -> int:
    if args.sandbox:
        from desktop.sync.state import FileState

        summaries = [FileState(Path(args.settings.data_dir) / "sandbox" / "sync-state.json").summary()]
    else:
        from desktop.store.db import open_workspace
        from desktop.store.sync_state import StoreState

        ws = open_workspace(args.settings.resolved_database_url())
        try:
            summaries = [dict(StoreState(ws, c).summary(),
                              connected=credentials.load_token(c) is not None)
                         for c in ([args.crm] if args.crm else credentials.PROVIDERS)]
        finally:
            ws.dispose()
    if args.json:
        print(json.dumps(summaries, default=str))
        return 0
    for sm in summaries:
        outbox = ", ".join(f"{k} {v}" for k, v in sorted(sm["outbox"].items())) or "empty"
        link = "" if "connected" not in sm else (" (connected)" if sm["connected"] else " (not connected)")
        print(f"{sm['source']}{link}: outbox {outbox}")
        for d in sm["dead_letters"]:
            print(f"  dead letter #{d['id']} {d['op']} {d['entity_type']} {d['local_id']}: {d['reason']}")
        for h in sm.get("held", []):
            print(f"  held #{h['id']} {h['op']} {h['entity_type']} {h['local_id']}: {h['reason']}")
        for c in sm["open_conflicts"]:
            print(f"  conflict #{c['id']} {c['entity_type']} {c['local_id']} field {c['field']}: "
                  f"local {c['local_value']!r} vs remote {c['remote_value']!r}")
        for t, cur in sorted(sm["cursors"].items()):
            print(f"  {t}: {cur.get('mode') if cur else '-'} since {cur.get('since') if cur else '-'}")
    return 0
