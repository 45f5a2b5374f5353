"""``spectrum import | report | show | set | audit | stages``: the workspace commands.

Each handler takes the parsed ``args`` (``args.settings``: :class:`desktop.config.Settings`) and
returns the exit code: 0 done, 1 a problem the message names, 2 bad input or an ambiguous name.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import bootstrap
from desktop.cli._common import err, local_now
from desktop.importer.layouts import RowProblem, parse_cents
from desktop.store.errors import AmbiguousRecord, RecordNotFound

if TYPE_CHECKING:  # pragma: no cover
    from desktop.cli._common import SubParsers
    from desktop.store.db import Workspace


def _workspace(args: argparse.Namespace, seed_demo: bool = False) -> Workspace:
    return bootstrap.open_workspace(args.settings, seed_demo=seed_demo)


def cmd_import(args: argparse.Namespace) -> int:
    """`spectrum import PATH...`: import CSV exports; prints a summary (or JSON) and problems. Exit 1 when nothing was imported."""
    from desktop.store.importer import ImportFailed, import_paths  # lazy: SQLAlchemy loads only when a command runs

    ws = _workspace(args)
    show_progress = sys.stderr.isatty() or args.progress

    def progress(name: str, done: int, total: int, rows: int) -> None:
        if show_progress:
            pct = 100 * done // max(total, 1)
            print(f"\r{name}: {pct:3d}% ({rows:,} rows)", end="" if done < total else "\n",
                  file=sys.stderr, flush=True)

    try:
        report = import_paths(ws, args.paths, strict=args.strict, progress=progress)
    except ImportFailed as exc:
        err(str(exc))
        for p in exc.problems[:50]:
            print(p, file=sys.stderr)
        return 1
    finally:
        ws.dispose()
    if args.json:
        print(json.dumps(report.as_dict()))
        return 0
    for w in report.warnings:
        print(f"warning: {w}", file=sys.stderr)
    for p in report.problems[:100]:
        print(p, file=sys.stderr)
    if len(report.problems) > 100:
        print(f"... and {len(report.problems) - 100} more problems", file=sys.stderr)
    per = ", ".join(f"{report.created.get(k, 0) + report.updated.get(k, 0)} {k}"
                    for k in ("companies", "contacts", "deals", "activities", "subscriptions", "expenses")
                    if report.created.get(k) or report.updated.get(k))
    print(f"Imported {report.imported} rows ({per or 'nothing'}); skipped {report.skipped_total}"
          + (" — see the problems above" if report.skipped_total else ""))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    """`spectrum report [--json] [--now ISO]`: the revenue-panel figures (see desktop.store.metrics)."""
    from desktop.store import metrics  # lazy: SQLAlchemy loads only when a command runs

    ws = _workspace(args, seed_demo=False)
    try:
        with ws.uow() as uow:
            data = metrics.report(uow.session, local_now(args.now))
    finally:
        ws.dispose()
    if args.json:
        print(json.dumps(data))
    else:
        win = "-" if data["win_rate"] is None else f"{data['win_rate']:.0%}"
        runway = ("set cash with `spectrum set cash AMOUNT`" if data["runway_months"] is None
                  else f"{data['runway_months']} months")
        print(f"MRR ${data['mrr']:,.2f}   ARR ${data['arr']:,.2f}")
        print(f"Pipeline ${data['pipeline_value']:,.0f}   weighted ${data['weighted_pipeline']:,.0f}   "
              f"win rate {win}")
        print(f"Burn ${data['burn']:,.0f}/month   runway {runway}")
        for st in data["deals_by_stage"]:
            print(f"  {st['stage']:<18} {st['count']:>6}  ${st['amount']:,.0f}")
        print(f"Stale deals: {data['stale_deals_count']}")
        for d in data["stale_deals"][:10]:
            print(f"  {d['name']} ({d['stage']}, {d['days_inactive']} days)")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    """`spectrum show deal|contact|company NAME_OR_ID`: one record with its associations. Exit 2 when the name is ambiguous."""
    from desktop.store import queries  # lazy: SQLAlchemy loads only when a command runs

    ws = _workspace(args)
    try:
        with ws.uow() as uow:
            data = queries.show(uow.session, args.kind, args.name)
    except AmbiguousRecord as exc:
        err(str(exc))
        return 2
    except RecordNotFound as exc:
        err(str(exc))
        return 1
    finally:
        ws.dispose()
    if args.json:
        print(json.dumps(data, default=str))
    else:
        for k, v in data.items():
            if isinstance(v, list):
                print(f"{k}:")
                for item in v:
                    print(f"  - {item}")
            else:
                print(f"{k}: {v}")
    return 0


def cmd_set(args: argparse.Namespace) -> int:
    """`spectrum set cash AMOUNT`: store a workspace setting (audited). Exit 2 on a bad key or amount."""
    from desktop.store import schema as s  # lazy: SQLAlchemy loads only when a command runs
    from desktop.store.executor import apply_change

    if args.key != "cash":
        err(f"unknown setting {args.key!r} (known: cash)")
        return 2
    try:
        cents = parse_cents(args.value, "cash")
    except RowProblem as exc:
        err(str(exc))
        return 2
    if cents is None:
        err("cash needs an amount, e.g. `spectrum set cash 25000`")
        return 2

    def change(session, changes) -> dict:
        row = session.get(s.Setting, "cash_balance_cents")
        before = None if row is None else row.value
        session.merge(s.Setting(key="cash_balance_cents", value=str(cents)))
        changes.record("setting", "cash_balance_cents", "update" if row else "create",
                       None if row is None else {"value": before}, {"value": str(cents)})
        return {"cash_balance_cents": cents}

    ws = _workspace(args)
    try:
        apply_change(ws, change, actor="user", kind="setting",
                     summary=f"Cash balance set to {cents / 100:,.2f}")
    finally:
        ws.dispose()
    print(f"Cash balance set to ${cents / 100:,.2f}")
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    """`spectrum audit [--json] [--verify]`: list the audit log or verify its hash chain (exit 1 if tampered)."""
    from desktop.store import audit, queries  # lazy: SQLAlchemy loads only when a command runs

    ws = _workspace(args)
    try:
        with ws.uow() as uow:
            if args.export:
                n = audit.export(uow.session, Path(args.export))
                print(f"Exported {n} audit entries with the chain's anchor to {args.export}", file=sys.stderr)
                return 0
            if args.verify:
                res = audit.verify(uow.session, Path(args.against) if args.against else True)
                if args.json:
                    print(json.dumps({"ok": res.ok, "checked": res.checked, "bad_id": res.bad_id,
                                      "reason": res.reason, "anchored_id": res.anchored_id, "keyed": res.keyed}))
                elif res.ok:
                    anchor = ("not anchored (no anchor file: entries written before anchoring, or it was removed)"
                              if res.anchored_id is None else
                              f"anchored at entry #{res.anchored_id}"
                              + (" (HMAC checked with the keyring key)" if res.keyed
                                 else " (no HMAC check: no keyring key on this machine)"))
                    print(f"Audit log intact: {res.checked} entries verified; {anchor}")
                else:
                    print(f"Audit log TAMPERED at entry {res.bad_id}: {res.reason}")
                return 0 if res.ok else 1
            rows = queries.recent_audit(uow.session, args.limit)
    finally:
        ws.dispose()
    if args.json:
        for r in rows:
            print(json.dumps(r))
    else:
        for r in rows:
            print(f"#{r['id']} {r['at']} {r['actor']:<12} {r['kind']:<14} {r['summary']}")
    return 0


def cmd_stages(args: argparse.Namespace) -> int:
    """`spectrum stages [LABEL --position N --probability P --rename NEW]`: list or edit pipeline stages."""
    from desktop.store import pipelines, queries  # lazy: SQLAlchemy loads only when a command runs

    ws = _workspace(args)
    if args.map:
        from desktop.store.sync_state import map_stage  # lazy: only with --map

        if not args.label:
            err("say which stage to map: spectrum stages LABEL --map CRM_STAGE --crm hubspot")
            return 2
        try:
            res = map_stage(ws, args.crm, args.label, args.map, pipeline=args.pipeline)
        except RecordNotFound as exc:
            err(str(exc))
            ws.dispose()
            return 2
        print(f"{res['stage']} -> {args.crm} stage {res['crm_stage_id']}; "
              f"{res['released']} held change(s) go out with the next sync", file=sys.stderr)
    try:
        with ws.uow() as uow:
            if args.label and not args.map:
                try:
                    pipelines.edit_stage(uow.session, args.label, pipeline=args.pipeline,
                                         position=args.position, probability=args.probability,
                                         rename=args.rename)
                except ValueError as exc:
                    err(str(exc))
                    return 2
                uow.commit()
            rows = queries.stages(uow.session)
    finally:
        ws.dispose()
    for st in rows:
        flag = " (won)" if st.is_won else " (lost)" if st.is_lost else ""
        print(f"{st.position}. {st.label:<20} {st.probability:>4.0%}{flag}")
    return 0


def register(sub: SubParsers) -> None:
    """Add import, report, show, set, audit and stages to the ``spectrum`` parser."""
    sp = sub.add_parser("import", help="import CSV exports (files or folders)")
    sp.add_argument("paths", nargs="+")
    sp.add_argument("--strict", action="store_true", help="import nothing if any row has a problem")
    sp.add_argument("--json", action="store_true")
    sp.add_argument("--progress", action="store_true", help="show progress even when not a terminal")
    sp.set_defaults(func=cmd_import)

    sp = sub.add_parser("report", help="revenue and pipeline figures")
    sp.add_argument("--json", action="store_true")
    sp.add_argument("--now", help="ISO 8601 reference time (default: now)")
    sp.set_defaults(func=cmd_report)

    sp = sub.add_parser("show", help="one record with its associations")
    sp.add_argument("kind", choices=["deal", "contact", "company"])
    sp.add_argument("name", help="id or name")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(func=cmd_show)

    sp = sub.add_parser("set", help="workspace settings: `spectrum set cash AMOUNT`")
    sp.add_argument("key")
    sp.add_argument("value")
    sp.set_defaults(func=cmd_set)

    sp = sub.add_parser("audit", help="the audit log")
    sp.add_argument("--json", action="store_true")
    sp.add_argument("--verify", action="store_true", help="check the hash chain")
    sp.add_argument("--against", metavar="EXPORT", help="with --verify: check against an export's anchor")
    sp.add_argument("--export", metavar="FILE", help="write every entry and the anchor to FILE (JSON)")
    sp.add_argument("--limit", type=int, default=50)
    sp.set_defaults(func=cmd_audit)

    sp = sub.add_parser("stages", help="list pipeline stages, or edit one: order, label, probability")
    sp.add_argument("label", nargs="?", help="the stage to edit")
    sp.add_argument("--position", type=int, help="new 0-based place in the pipeline")
    sp.add_argument("--probability", type=float, help="win probability 0..1")
    sp.add_argument("--rename", help="new label")
    sp.add_argument("--pipeline", help="pipeline name when several have the stage")
    sp.add_argument("--map", metavar="CRM_STAGE",
                    help="map the stage to a CRM stage (id or label) so held stage moves are pushed")
    sp.add_argument("--crm", default="hubspot", choices=["hubspot", "pipedrive"],
                    help="with --map: the CRM (default hubspot)")
    sp.set_defaults(func=cmd_stages)
