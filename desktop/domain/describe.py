"""Readable sentences for Plan actions, shared by the terminal and the Plan card."""

from __future__ import annotations

from typing import Any

from desktop.domain.plan import Action, Plan


def _money(v: Any) -> str:
    try:
        f = float(v)
    except (TypeError, ValueError):
        return str(v)
    return f"${f:,.0f}" if f == int(f) else f"${f:,.2f}"


def _fmt(key: str, v: Any) -> str:
    return _money(v) if key == "amount" else str(v)


def describe(action: Action, before: dict[str, Any] | None = None) -> str:
    """One sentence for ``action``, e.g. ``Update deal "Acme Corp - Platform Rollout": amount
    $60,000 → $100,000, competitor → Salesforce``. ``before`` (field -> current value) adds the
    before side of each change."""
    f = action.fields
    name = f'"{action.target.name}"' if action.target else ""
    before = before or {}
    k = action.kind
    if k == "update_deal" or k == "update_contact":
        parts = []
        for key, v in f.items():
            label = key.replace("_", " ")
            if key in before and before[key] not in (None, ""):
                parts.append(f"{label} {_fmt(key, before[key])} → {_fmt(key, v)}")
            else:
                parts.append(f"{label} → {_fmt(key, v)}")
        noun = "deal" if k == "update_deal" else "contact"
        return f"Update {noun} {name}: " + ", ".join(parts)
    if k == "log_activity":
        kind = f.get("activity_type", "note")
        s = f"Log a {kind} on {name}" if name else f"Log a {kind}"
        if f.get("sentiment"):
            s += f" ({f['sentiment']})"
        if f.get("body"):
            s += f": “{f['body']}”"
        return s
    if k == "create_task":
        s = f"Create task “{f.get('title', 'Follow up')}”"
        if f.get("due_date"):
            s += f" due {f['due_date']}"
        return s + (f" for {name}" if name else "")
    if k == "book_meeting":
        s = f"Book meeting “{f.get('title', 'Meeting')}”"
        if f.get("due_date"):
            s += f" on {f['due_date']}" + (f" at {f['time']}" if f.get("time") else "")
        return s + (f" with {name}" if name else "")
    if k == "draft_email":
        return f"Draft email to {name or 'contact'}: “{f.get('subject', '')}”"
    if k == "send_email":
        to = f.get("to") or "their address"
        s = f"Send e-mail to {name + ' <' + to + '>' if name else to}: “{f.get('subject', '')}”"
        if f.get("in_reply_to"):
            s += " (reply in thread)"
        body = str(f.get("body") or "").strip()
        return s + (f"\n{body[:600]}" + ("…" if len(body) > 600 else "") if body else "")
    if k == "enroll_sequence":
        s = f"Start the “{f.get('sequence', 'follow-up')}” e-mail sequence for {name or 'this contact'}"
        return s + (f": {f['steps']}" if f.get("steps") else "")
    if k == "stop_sequence":
        return f"Stop e-mailing {name or 'this contact'}: cancel their active sequence (queued e-mails cancelled)"
    if k == "create_contact":
        who = " ".join(x for x in (f.get("first_name"), f.get("last_name")) if x)
        extra = ", ".join(f"{key.replace('_', ' ')} {v}" for key, v in f.items()
                          if key not in ("first_name", "last_name"))
        return f"Create contact {who}" + (f" ({extra})" if extra else "")
    if k == "create_company":
        return f"Create company {f.get('name', '')}"
    if k == "create_deal":
        extra = ", ".join(f"{key.replace('_', ' ')} {_fmt(key, v)}" for key, v in f.items() if key != "name")
        return f"Create deal “{f.get('name', 'New deal')}”" + (f" ({extra})" if extra else "")
    if k == "delete_record":
        return f"DELETE {action.target.type if action.target else 'record'} {name}"
    if k == "search":
        return f"Search {f.get('object', 'records')}" + (f" where {f.get('filters')}" if f.get("filters") else "")
    if k == "answer":
        return str(f.get("text", ""))
    return f"{k} {name} {f}"


def describe_plan(plan: Plan) -> list[str]:
    """Lines for a whole plan: actions, then questions, then the message."""
    lines = [describe(a) for a in plan.actions]
    lines += [f"? {q}" for q in plan.clarifications]
    if plan.message:
        lines.append(plan.message)
    return lines


def source_label(source: str) -> str:
    """Where a plan came from, for people: ``voice`` -> "Voice", ``text`` -> "Typed", ``ui`` ->
    "App (board)", ``agent`` / ``agent:<name>`` -> "Agent: <name>", ``mcp:<client>`` -> "MCP: <client>"
    (an assistant connected through ``spectrum mcp``; the client names itself). Unknown sources are
    shown as they are."""
    kind, _, name = (source or "").partition(":")
    if kind == "agent":
        return f"Agent: {name}" if name else "Agent"
    if kind == "mcp":
        return f"MCP: {name or 'unknown client'}"
    return {"voice": "Voice", "text": "Typed", "ui": "App (board)"}.get(source, source or "?")
