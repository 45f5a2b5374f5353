"""``spectrum mcp``: serve the workspace to MCP clients, or set the MCP switches.

    spectrum mcp                               # stdio (what Claude Desktop and Cursor launch)
    spectrum mcp --http [--host 127.0.0.1] [--port 8765]   # streamable HTTP at /mcp with a bearer token
    spectrum mcp --disable | --enable          # the kill switch "MCP access: off" / on again
    spectrum mcp --budget N                    # calls per client per UTC day
    spectrum mcp --status [--json]

Exit codes: 0 done, 1 a problem (the port is taken...), 2 bad usage (a host that is not loopback,
a budget out of range).
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import sys
from typing import TYPE_CHECKING

from desktop import bootstrap

if TYPE_CHECKING:  # pragma: no cover
    from desktop.cli._common import SubParsers
    from desktop.store.db import Workspace

DEFAULT_HTTP_PORT = 8765


def _say(msg: str) -> None:
    print(f"spectrum mcp: {msg}", file=sys.stderr, flush=True)


def mcp_handler(args: argparse.Namespace) -> int:
    """Run ``spectrum mcp`` (see the module docstring)."""
    from desktop.store import mcp_access  # lazy: SQLAlchemy only when a command runs

    ws = bootstrap.open_workspace(args.settings)
    try:
        if args.disable or args.enable or args.budget is not None:
            if args.disable and args.enable:
                _say("--disable and --enable contradict each other")
                return 2
            if args.budget is not None:
                try:
                    mcp_access.set_daily_budget(ws, args.budget)
                except ValueError as exc:
                    _say(str(exc))
                    return 2
                _say(f"daily budget: {args.budget} calls per MCP client")
            if args.disable or args.enable:
                mcp_access.set_access(ws, bool(args.enable))
                _say("MCP access is ON" if args.enable else
                     "MCP access is OFF: every MCP client's calls are refused (running servers too) until "
                     "`spectrum mcp --enable` or Settings > MCP access")
            return 0
        if args.status:
            with ws.uow() as uow:
                state = mcp_access.access_state(uow.session)
            if args.json:
                print(json.dumps({"access": "on" if state.enabled else "off", "daily_budget": state.daily_budget}))
            else:
                print(f"MCP access: {'on' if state.enabled else 'OFF'}; daily budget {state.daily_budget} calls "
                      "per client")
            return 0
        return _serve(args, ws)
    finally:
        ws.dispose()


def _serve(args: argparse.Namespace, ws: Workspace) -> int:
    service = bootstrap.mcp_service(ws, args.settings)
    if not service.access().enabled:
        _say("MCP access is OFF: calls will be refused until `spectrum mcp --enable` or Settings > MCP access")
    if not args.http:
        from desktop.mcp.server import run_stdio  # lazy: the MCP SDK only when serving

        run_stdio(service)
        return 0
    from desktop.mcp.server import bind_loopback, run_http  # lazy: the MCP SDK only when serving

    try:
        sock = bind_loopback(args.host, args.port)
    except ValueError as exc:
        _say(str(exc))
        return 2
    except OSError as exc:
        _say(f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}")
        return 1
    port = sock.getsockname()[1]
    token = os.environ.get("SPECTRUM_MCP_TOKEN", "").strip()
    host = f"[{args.host}]" if ":" in args.host else args.host
    _say(f"listening on http://{host}:{port}/mcp (streamable HTTP; send 'Authorization: Bearer <token>')")
    if not token:
        token = secrets.token_urlsafe(32)
        _say(f"token for this run: {token} (set SPECTRUM_MCP_TOKEN to choose your own)")
    try:
        run_http(service, token, sock, args.host)
    except KeyboardInterrupt:
        pass
    finally:
        sock.close()
    return 0


def register(subparsers: SubParsers) -> None:
    """Add ``mcp`` to the ``spectrum`` parser."""
    sp = subparsers.add_parser("mcp", help="serve the workspace to MCP clients (Claude Desktop, Cursor...): "
                                           "read tools and plans that wait for your approval")
    sp.add_argument("--http", action="store_true", help="streamable HTTP on 127.0.0.1 with a bearer token "
                                                        "instead of stdio")
    sp.add_argument("--host", default="127.0.0.1", help="with --http: 127.0.0.1 (default), ::1 or localhost")
    sp.add_argument("--port", type=int, default=DEFAULT_HTTP_PORT, help=f"with --http (default {DEFAULT_HTTP_PORT}; "
                                                                         "0 = any free port)")
    sp.add_argument("--disable", action="store_true", help="kill switch: refuse every MCP call until --enable")
    sp.add_argument("--enable", action="store_true", help="allow MCP calls again")
    sp.add_argument("--budget", type=int, metavar="N", help="calls each MCP client may make per UTC day")
    sp.add_argument("--status", action="store_true", help="show the switch and the budget")
    sp.add_argument("--json", action="store_true", help="with --status: JSON on stdout")
    sp.set_defaults(func=mcp_handler)
