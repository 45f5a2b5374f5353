"""The MCP layer: Spectrum's tools and resources on the official ``mcp`` SDK (:class:`MCPServer`),
over stdio or streamable HTTP on 127.0.0.1 with a bearer token.

Tools (read): ``search_records``, ``get_record``, ``pipeline_metrics``, ``agents_status``.
Tools (propose): ``plan`` (instruction -> Plan JSON; nothing applied), ``submit_plan`` (a Plan ->
the approvals queue; returns its id and state), ``plan_status``. No tool applies or deletes.
Resources: ``spectrum://workspace/summary`` and ``spectrum://workspace/stages`` (JSON).

Every request but the handshake and ``ping`` (tool calls, resource reads, the lists) passes
:class:`Guard` (a server middleware) which, in order: refuses it when MCP access is off or the client spent its daily budget (lists do not count
against the budget; a JSON-RPC error,
code -32001 / -32002, see :class:`desktop.mcp.service.AccessRefused`); answers a tool call whose
arguments exceed :data:`MAX_ARGUMENTS_BYTES` or name an argument the tool does not take with a tool
error (``isError: true`` and a sentence saying what is wrong, as the MCP specification asks for
input errors); runs the call; and writes one audit entry with the client's name (from the
client's ``clientInfo``), the call, its arguments and its outcome.
"""

from __future__ import annotations

import hmac
import json
import socket
import time
from typing import Annotated, Any

import anyio
from mcp.server import MCPServer
from mcp.server.mcpserver import Context
from mcp.server.mcpserver.exceptions import ToolError
from mcp.shared.exceptions import MCPError
from mcp_types import CallToolResult, TextContent, ToolAnnotations
from pydantic import Field

from desktop.mcp.service import MAX_INSTRUCTION_CHARS, MAX_SEARCH_LIMIT, AccessRefused, McpService, ToolInputError

#: Largest JSON of one call's arguments (bytes). A Plan of 100 actions is well under it.
MAX_ARGUMENTS_BYTES = 64 * 1024
#: Largest HTTP request body (bytes) the HTTP transport accepts.
MAX_HTTP_BODY_BYTES = 256 * 1024
SUMMARY_URI = "spectrum://workspace/summary"
STAGES_URI = "spectrum://workspace/stages"
INSTRUCTIONS = (
    "Spectrum is the user's local CRM (contacts, companies, deals, activities, tasks). Read it with "
    "search_records, get_record, pipeline_metrics and agents_status. To change anything, call plan with "
    "the instruction in plain words, check the returned Plan, then submit_plan: the plan waits in "
    "Spectrum's approvals queue until the user approves it there (plan_status tells you the decision). "
    "You cannot apply or delete anything yourself.")


#: Protocol housekeeping that is neither gated nor audited (everything else is: lists, calls, reads).
HANDSHAKE_METHODS = frozenset({"initialize", "ping", "server/discover"})

#: The ``kind`` argument of the record tools.
Kind = Annotated[str, Field(description="contact, company or deal", pattern="^(contact|company|deal)$")]


def client_name(ctx: Any) -> str:
    """The connected client's name from its ``clientInfo`` (``"unknown client"`` when absent)."""
    session = getattr(ctx, "session", None)
    params = getattr(session, "client_params", None) if session is not None else None
    info = getattr(params, "client_info", None)
    name = getattr(info, "name", None)
    return name if isinstance(name, str) and name.strip() else "unknown client"


def _error_result(message: str) -> CallToolResult:
    return CallToolResult(content=[TextContent(type="text", text=message)], is_error=True)


class Guard:
    """Server middleware: kill switch, daily budget, argument checks and the audit (see the module
    docstring). ``allowed``: {tool name: its argument names}."""

    def __init__(self, service: McpService, allowed: dict[str, frozenset[str]]) -> None:
        self.service = service
        self.allowed = allowed

    async def __call__(self, ctx: Any, call_next: Any) -> Any:
        if ctx.request_id is None or ctx.method in HANDSHAKE_METHODS:
            return await call_next(ctx)
        client = client_name(ctx)
        params = dict(ctx.params or {})
        arguments: Any = {}
        if ctx.method == "tools/call":
            what = f"tool {params.get('name')}"
            arguments = params.get("arguments") or {}
        elif ctx.method == "resources/read":
            what = f"read {params.get('uri')}"
        else:
            what = ctx.method  # tools/list, resources/list, ...
        listing = ctx.method not in ("tools/call", "resources/read")  # metadata: not in the budget
        try:
            await anyio.to_thread.run_sync(lambda: self.service.gate(client, counted=not listing))
        except AccessRefused as exc:
            refusal = str(exc)
            await anyio.to_thread.run_sync(lambda: self.service.audit(
                client, what, _small(arguments), ok=False, error=refusal, refused=True))
            raise MCPError(code=exc.code, message=str(exc)) from None
        started = time.perf_counter()
        problem = self._check(params) if ctx.method == "tools/call" else None
        if problem is not None:
            await anyio.to_thread.run_sync(lambda: self.service.audit(
                client, what, _small(arguments), ok=False, error=problem, ms=(time.perf_counter() - started) * 1000))
            return _error_result(problem)
        ok, error = True, None
        extra: dict[str, Any] = {}
        try:
            result = await call_next(ctx)
        except Exception as exc:  # MCPError (unknown resource...), validation errors: audited, re-raised
            ok, error = False, str(exc) or type(exc).__name__
            raise
        else:
            ok, error, extra = _outcome(result)
            return result
        finally:
            ms = (time.perf_counter() - started) * 1000
            with anyio.CancelScope(shield=True):  # a cancelled call is audited too
                await anyio.to_thread.run_sync(lambda: self.service.audit(
                    client, what, arguments, ok=ok, error=error, listing=listing, ms=ms, extra=extra))

    def _check(self, params: dict[str, Any]) -> str | None:
        """The reason a tool call's arguments are refused, or None."""
        name, arguments = params.get("name"), params.get("arguments")
        if arguments is not None and not isinstance(arguments, dict):
            return "arguments must be a JSON object"
        size = len(json.dumps(arguments or {}, ensure_ascii=False).encode("utf-8"))
        if size > MAX_ARGUMENTS_BYTES:
            return (f"the arguments are {size:,} bytes; Spectrum takes at most {MAX_ARGUMENTS_BYTES:,} bytes per call "
                    "(send a shorter instruction or a smaller plan)")
        if name not in self.allowed:
            return f"unknown tool {name!r}; Spectrum's tools: {', '.join(sorted(self.allowed))}"
        unknown = sorted(set(arguments or {}) - self.allowed[name])
        if unknown:
            takes = ", ".join(sorted(self.allowed[name])) or "no arguments"
            return f"{name} does not take argument(s) {', '.join(unknown)}; it takes: {takes}"
        return None


def _small(arguments: Any) -> Any:
    """Arguments of a refused call as audited: only their size when they are large."""
    try:
        size = len(json.dumps(arguments, default=str))
    except (TypeError, ValueError):
        return {"unserialisable": True}
    return arguments if size <= 2000 else {"omitted_bytes": size}


def _outcome(result: Any) -> tuple[bool, str | None, dict[str, Any]]:
    """(ok, error text, audit extras such as the approval id) of a tool or resource result."""
    is_error = getattr(result, "is_error", None)
    if is_error is None and isinstance(result, dict):
        is_error = result.get("isError") or result.get("is_error")
    content = result.get("content") if isinstance(result, dict) else getattr(result, "content", None)
    texts = [(c.get("text") if isinstance(c, dict) else getattr(c, "text", None)) or "" for c in content or []]
    if is_error:
        return False, " ".join(texts)[:1000] or "tool error", {}
    extra: dict[str, Any] = {}
    for text in texts:
        if '"approval_id"' in text:
            try:
                extra["approval_id"] = json.loads(text)["approval_id"]
            except (ValueError, KeyError, TypeError):
                pass
    return True, None, extra


def _tool_error(exc: ToolInputError) -> ToolError:
    return ToolError(str(exc))


def build_server(service: McpService) -> MCPServer:
    """The MCP server for ``service``: tools, resources and the :class:`Guard` middleware."""
    mcp = MCPServer("Spectrum", title="Spectrum CRM (local)", version="0.1.0", instructions=INSTRUCTIONS,
                    log_level="WARNING")
    read_only = ToolAnnotations(read_only_hint=True, destructive_hint=False, idempotent_hint=True,
                                open_world_hint=False)

    @mcp.tool(annotations=read_only)
    def search_records(
        kind: Kind,
        name: Annotated[str | None, Field(description="part of the name (or e-mail / domain)", max_length=200)] = None,
        stage: Annotated[str | None, Field(description="deals: a stage label (see the stages resource); contacts: "
                                                       "a lifecycle stage such as lead or customer",
                                           max_length=100)] = None,
        owner: Annotated[str | None, Field(description="the owner's name, or part of it", max_length=200)] = None,
        stale_days: Annotated[int | None, Field(description="only records with no activity for at least this many "
                                                            "days (deals: open deals only)", ge=0, le=3650)] = None,
        limit: Annotated[int, Field(description="most rows to return", ge=1, le=MAX_SEARCH_LIMIT)] = 25,
    ) -> dict[str, Any]:
        """Search the workspace's contacts, companies or deals by name, stage, owner and staleness."""
        try:
            return service.search_records(kind, name=name, stage=stage, owner=owner, stale_days=stale_days,
                                          limit=limit)
        except ToolInputError as exc:
            raise _tool_error(exc) from None

    @mcp.tool(annotations=read_only)
    def get_record(
        kind: Kind,
        id_or_name: Annotated[str, Field(description="the record's id (from search_records) or its exact name",
                                         min_length=1, max_length=300)],
    ) -> dict[str, Any]:
        """One contact, company or deal with its associations; contacts and deals with their activities and tasks."""
        try:
            return service.get_record(kind, id_or_name)
        except ToolInputError as exc:
            raise _tool_error(exc) from None

    @mcp.tool(annotations=read_only)
    def pipeline_metrics() -> dict[str, Any]:
        """Pipeline and revenue figures, as `spectrum report`: MRR, ARR, pipeline, weighted pipeline, deals by
        stage, win rate, burn, runway, stale deals (amounts in major units of USD)."""
        return service.metrics()

    @mcp.tool(annotations=read_only)
    def agents_status() -> dict[str, Any]:
        """Spectrum's AI agents: state (idle, running, killed...), last run, success rate, today's spend and
        daily budget, plus today's LLM and transcription costs."""
        return service.agents_status()

    @mcp.tool(annotations=ToolAnnotations(read_only_hint=True, destructive_hint=False, idempotent_hint=True,
                                          open_world_hint=False))
    def plan(
        instruction: Annotated[str, Field(description="what should change, in plain words, e.g. 'Move the Acme "
                                                      "deal to Negotiation and remind me to call Mike on Friday'",
                                          min_length=1, max_length=MAX_INSTRUCTION_CHARS)],
    ) -> dict[str, Any]:
        """Turn an instruction into a Spectrum Plan (typed CRM actions). Nothing is applied or queued: pass the
        returned 'plan' to submit_plan to ask the user for approval. Open 'questions' must be resolved by
        planning again with a more precise instruction."""
        try:
            return service.plan(instruction)
        except ToolInputError as exc:
            raise _tool_error(exc) from None

    @mcp.tool(annotations=ToolAnnotations(read_only_hint=False, destructive_hint=False, idempotent_hint=False,
                                          open_world_hint=False))
    def submit_plan(
        plan: Annotated[dict[str, Any], Field(description="a Plan object exactly as the plan tool returned it "
                                                          "(its 'plan' field)")],
        ctx: Context,
    ) -> dict[str, Any]:
        """Queue a Plan in Spectrum's approvals queue for the user's decision; returns its approval id and state.
        Nothing changes until the user approves it in Spectrum. Plans that delete records are marked and need
        the user's explicit confirmation."""
        try:
            return service.submit_plan(client_name(ctx.request_context), plan)
        except ToolInputError as exc:
            raise _tool_error(exc) from None

    @mcp.tool(annotations=read_only)
    def plan_status(
        approval_id: Annotated[int, Field(description="the id submit_plan returned", ge=1)],
    ) -> dict[str, Any]:
        """The state of a submitted plan: pending, applied (with its audit entry id) or rejected."""
        try:
            return service.plan_status(approval_id)
        except ToolInputError as exc:
            raise _tool_error(exc) from None

    @mcp.resource(SUMMARY_URI, name="workspace-summary", title="Workspace summary", mime_type="application/json")
    def workspace_summary() -> str:
        """Record counts, open pipeline, stage labels, pending approvals and how changes are made."""
        return json.dumps(service.summary())

    @mcp.resource(STAGES_URI, name="stages", title="Pipeline stages", mime_type="application/json")
    def stages() -> str:
        """The pipeline's stages in order, with win probabilities (the labels a Plan's stage field takes)."""
        return json.dumps(service.stages())

    # argument names per tool, from the schemas the SDK derived (the SDK itself ignores unknown names)
    allowed = {t.name: frozenset((t.parameters or {}).get("properties", {}))
               for t in mcp._tool_manager.list_tools()}
    mcp.middleware.append(Guard(service, allowed))
    return mcp


# -- transports ----------------------------------------------------------------------------------
LOOPBACK_HOSTS = ("127.0.0.1", "::1", "localhost")


def run_stdio(service: McpService) -> None:
    """Serve MCP over stdin/stdout until the client closes the pipe (what Claude Desktop runs).
    Blocks. Only JSON-RPC goes to stdout; messages go to stderr and the log file."""
    anyio.run(build_server(service).run_stdio_async)


class BearerAuth:
    """ASGI middleware: HTTP requests need ``Authorization: Bearer <token>`` (compared in constant
    time); others get 401 with a JSON error. Lifespan events pass through."""

    def __init__(self, app: Any, token: str) -> None:
        self.app = app
        self._expected = f"Bearer {token}".encode()

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            got = dict(scope.get("headers") or []).get(b"authorization", b"")
            if not hmac.compare_digest(got, self._expected):
                body = json.dumps({"error": "Spectrum MCP: missing or wrong bearer token (Authorization: Bearer "
                                            "<token> printed by `spectrum mcp --http`, or SPECTRUM_MCP_TOKEN)"}).encode()
                await send({"type": "http.response.start", "status": 401,
                            "headers": [(b"content-type", b"application/json"), (b"www-authenticate", b"Bearer")]})
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)


def http_app(service: McpService, token: str, host: str = "127.0.0.1") -> Any:
    """The streamable-HTTP ASGI app (path ``/mcp``) behind :class:`BearerAuth`; DNS-rebinding
    protection (Host / Origin must be loopback) comes from the SDK for a loopback ``host``."""
    app = build_server(service).streamable_http_app(host=host, max_request_body_size=MAX_HTTP_BODY_BYTES)
    return BearerAuth(app, token)


def bind_loopback(host: str, port: int) -> socket.socket:
    """A listening TCP socket on ``host`` (a loopback address only) and ``port`` (0: any free port).

    Raises: ValueError for a host that is not loopback; OSError when the port is taken."""
    if host not in LOOPBACK_HOSTS:
        raise ValueError(f"the MCP HTTP server listens on this machine only ({', '.join(LOOPBACK_HOSTS)}), "
                         f"not {host!r}")
    family = socket.AF_INET6 if host == "::1" else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1" if host == "localhost" else host, port))
    sock.listen(64)
    sock.setblocking(False)
    return sock


def run_http(service: McpService, token: str, sock: socket.socket, host: str = "127.0.0.1") -> None:
    """Serve MCP over streamable HTTP on the bound ``sock`` until interrupted. Blocks."""
    import uvicorn

    config = uvicorn.Config(http_app(service, token, host), log_level="warning", lifespan="on",
                            access_log=False)
    anyio.run(lambda: uvicorn.Server(config).serve(sockets=[sock]))
