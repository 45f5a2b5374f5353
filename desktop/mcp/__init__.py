"""Spectrum as a Model Context Protocol server (``spectrum mcp``).

Other assistants (Claude Desktop, Cursor, ...) connect over stdio, or over streamable HTTP on
127.0.0.1 with a bearer token, read the local workspace and *propose* Plans. Nothing changes until
the user approves the plan in Spectrum's approvals queue (app or ``spectrum approvals``): there is
no tool that applies or deletes.

- :mod:`desktop.mcp.service`: what the tools do, as plain Python over the workspace (no MCP SDK):
  the gate (kill switch, per-client daily budget), the audit of every call, reads, plan, submit.
- :mod:`desktop.mcp.server`: the MCP layer on the official ``mcp`` SDK: tools, resources, argument
  checks, stdio and HTTP transports.
- the ``spectrum mcp`` command line is :mod:`desktop.cli.mcp`.
"""
