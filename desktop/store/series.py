"""Read-side series for the desktop panels: monthly revenue series, pipeline board pages, costs,
agents, sync status and the records behind a voice note. Nothing here writes.

Money is returned in major units (floats rounded to cents) unless a name ends in ``_cents``;
months are ``"YYYY-MM"`` strings; timestamps naive UTC.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from desktop.domain import metrics as rules
from desktop.store import schema as s
from desktop.store.metrics import subscription_revenue_cents


def _months_back(now: datetime, n: int) -> list[tuple[date, date]]:
    """The last ``n`` calendar months up to and including ``now``'s month, oldest first."""
    out = []
    y, m = now.year, now.month
    for _ in range(n):
        start = date(y, m, 1)
        nxt = date(y + (m == 12), m % 12 + 1, 1)
        out.append((start, nxt - timedelta(days=1)))
        y, m = (y - 1, 12) if m == 1 else (y, m - 1)
    return out[::-1]


def mrr_by_month(session: Session, now: datetime, months: int = 12) -> list[tuple[str, float]]:
    """Recurring revenue per calendar month (see
    :func:`desktop.store.metrics.subscription_revenue_cents`), last ``months`` months, in major units."""
    return [(a.strftime("%Y-%m"), round(float(subscription_revenue_cents(session, a, b)) / 100, 2))
            for a, b in _months_back(now, months)]


def closed_won_by_month(session: Session, now: datetime, months: int = 12) -> list[tuple[str, float]]:
    """Sum of amounts of deals in a won stage by close-date month, last ``months`` months: one
    SUM per month over the covering (stage, close date, amount) index (no rows are fetched:
    converting thousands of dates in Python cost ~25 ms on 50k deals)."""
    spans = _months_back(now, months)
    won = session.execute(select(s.Stage.id).where(s.Stage.is_won.is_(True))).scalars().all()
    out = []
    for a, b in spans:
        cents = 0
        if won:
            cents = session.execute(select(func.coalesce(func.sum(s.Deal.amount_cents), 0)).where(
                s.Deal.stage_id.in_(won), s.Deal.close_date >= a, s.Deal.close_date <= b)).scalar() or 0
        out.append((a.strftime("%Y-%m"), round(int(cents or 0) / 100, 2)))
    return out


def board_cards(session: Session, per_stage: int = 60) -> dict[int, list[dict[str, Any]]]:
    """For every stage, its ``per_stage`` largest deals (by amount) as card dicts:
    id, name, company, amount (major units), close_date (ISO), stale (bool: no activity 7+ days)."""
    out: dict[int, list[dict[str, Any]]] = {}
    stage_ids = session.execute(select(s.Stage.id)).scalars().all()
    for sid in stage_ids:
        q = (select(s.Deal.id, s.Deal.name, s.Company.name, s.Deal.amount_cents, s.Deal.close_date,
                    s.Deal.last_activity_at)
             .outerjoin(s.Company, s.Company.id == s.Deal.company_id)
             .where(s.Deal.stage_id == sid)
             .order_by(s.Deal.amount_cents.desc().nulls_last(), s.Deal.id).limit(per_stage))
        out[sid] = [_card(*r) for r in session.execute(q)]
    return out


def _card(i: int, name: str, company: str | None, cents: int | None, close: date | None,
          last: datetime | None) -> dict[str, Any]:
    return {"id": i, "name": name, "company": company,
            "amount": None if cents is None else round(cents / 100, 2),
            "close_date": close.isoformat() if close else None,
            "last_activity": last.isoformat(sep=" ", timespec="minutes") if last else None}


def deal_rows(session: Session, *, ids: list[int] | None = None, search: str = "",
              stage_id: int | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    """Deal table rows: id, name, company, stage_id, stage, amount, close_date, owner, competitor,
    next_step, last_activity, open. Filter by ``ids``, a case-insensitive ``search`` over deal and
    company names, and ``stage_id``."""
    q = (select(s.Deal.id, s.Deal.name, s.Company.name, s.Deal.stage_id, s.Stage.label,
                s.Deal.amount_cents, s.Deal.close_date, s.Deal.owner, s.Deal.competitor,
                s.Deal.next_step, s.Deal.last_activity_at, s.Stage.is_won, s.Stage.is_lost)
         .join(s.Stage, s.Stage.id == s.Deal.stage_id)
         .outerjoin(s.Company, s.Company.id == s.Deal.company_id).order_by(s.Deal.id))
    if ids is not None:
        q = q.where(s.Deal.id.in_(ids))
    if search:
        like = f"%{search.lower()}%"
        q = q.where(or_(func.lower(s.Deal.name).like(like), func.lower(s.Company.name).like(like)))
    if stage_id is not None:
        q = q.where(s.Deal.stage_id == stage_id)
    if limit:
        q = q.limit(limit)
    return [{"id": r[0], "name": r[1], "company": r[2], "stage_id": r[3], "stage": r[4],
             "amount": None if r[5] is None else round(r[5] / 100, 2),
             "close_date": r[6].isoformat() if r[6] else "", "owner": r[7] or "",
             "competitor": r[8] or "", "next_step": r[9] or "",
             "last_activity": r[10].isoformat(sep=" ", timespec="minutes") if r[10] else "",
             "open": not (r[11] or r[12])} for r in session.execute(q)]


# -- costs ---------------------------------------------------------------------------------------
def llm_costs(session: Session, since: datetime) -> dict[str, Any]:
    """LLM spend since ``since``: ``per_agent`` [{agent, calls, prompt_tokens, completion_tokens,
    cost_usd}], ``per_day`` [{day, agent, calls, tokens, cost_usd}] (newest day first), ``total_usd``."""
    tokens = s.LLMCall.prompt_tokens + s.LLMCall.completion_tokens
    per_agent = [{"agent": a, "calls": int(n), "prompt_tokens": int(p or 0), "completion_tokens": int(c or 0),
                  "cost_usd": round(float(u or 0), 4)}
                 for a, n, p, c, u in session.execute(
                     select(s.LLMCall.agent, func.count(), func.sum(s.LLMCall.prompt_tokens),
                            func.sum(s.LLMCall.completion_tokens), func.sum(s.LLMCall.cost_usd))
                     .where(s.LLMCall.at >= since).group_by(s.LLMCall.agent).order_by(s.LLMCall.agent))]
    day = func.date(s.LLMCall.at)
    per_day = [{"day": str(d), "agent": a, "calls": int(n), "tokens": int(t or 0), "cost_usd": round(float(u or 0), 4)}
               for d, a, n, t, u in session.execute(
                   select(day, s.LLMCall.agent, func.count(), func.sum(tokens), func.sum(s.LLMCall.cost_usd))
                   .where(s.LLMCall.at >= since).group_by(day, s.LLMCall.agent)
                   .order_by(day.desc(), s.LLMCall.agent))]
    return {"per_agent": per_agent, "per_day": per_day,
            "total_usd": round(sum(r["cost_usd"] for r in per_agent), 4)}


def transcription_totals(session: Session, since: datetime) -> dict[str, Any]:
    """Local transcription since ``since``: runs, audio seconds, decode seconds, CPU seconds,
    real-time factor (decode ÷ audio; None without audio), and per day [{day, runs, audio_s, decode_s}]."""
    n, audio, decode, cpu = session.execute(
        select(func.count(), func.sum(s.TranscriptionRun.audio_s), func.sum(s.TranscriptionRun.decode_s),
               func.sum(s.TranscriptionRun.cpu_s)).where(s.TranscriptionRun.at >= since)).one()
    day = func.date(s.TranscriptionRun.at)
    per_day = [{"day": str(d), "runs": int(k), "audio_s": round(float(a or 0), 1), "decode_s": round(float(b or 0), 1)}
               for d, k, a, b in session.execute(
                   select(day, func.count(), func.sum(s.TranscriptionRun.audio_s),
                          func.sum(s.TranscriptionRun.decode_s))
                   .where(s.TranscriptionRun.at >= since).group_by(day).order_by(day.desc()))]
    audio, decode = float(audio or 0), float(decode or 0)
    return {"runs": int(n or 0), "audio_s": round(audio, 1), "decode_s": round(decode, 1),
            "cpu_s": round(float(cpu or 0), 1), "rtf": round(decode / audio, 3) if audio else None,
            "per_day": per_day}


# -- agents --------------------------------------------------------------------------------------
def agent_overview(session: Session, since: datetime) -> list[dict[str, Any]]:
    """Every agent seen in agent_states, chain_runs or llm_calls (except the ``*`` row and the
    planner): name, killed, paused, last_run (ISO), last_status, runs, success_rate (done ÷
    finished runs; None without finished runs), spend_usd since ``since``."""
    names: set[str] = set()
    states = {r.name: r for r in session.execute(select(s.AgentState)).scalars()}
    names |= set(states)
    names |= set(session.execute(select(s.ChainRun.agent).distinct()).scalars())
    names |= set(session.execute(select(s.LLMCall.agent).distinct()).scalars())
    names -= {"*", "planner"}
    out = []
    for name in sorted(names):
        runs = session.execute(select(s.ChainRun.status, func.count()).where(s.ChainRun.agent == name)
                               .group_by(s.ChainRun.status)).all()
        by = {k: int(v) for k, v in runs}
        finished = sum(v for k, v in by.items() if k != "running")
        last = session.execute(select(s.ChainRun.started_at, s.ChainRun.status).where(s.ChainRun.agent == name)
                               .order_by(s.ChainRun.started_at.desc()).limit(1)).first()
        spend = session.execute(select(func.coalesce(func.sum(s.LLMCall.cost_usd), 0.0)).where(
            s.LLMCall.agent == name, s.LLMCall.at >= since)).scalar()
        st = states.get(name)
        out.append({"name": name, "killed": bool(st and st.killed), "paused": bool(st and st.paused),
                    "last_run": last[0].isoformat(sep=" ", timespec="minutes") if last else None,
                    "last_status": last[1] if last else None, "running": by.get("running", 0),
                    "runs": sum(by.values()),
                    "success_rate": round(by.get("done", 0) / finished, 3) if finished else None,
                    "spend_usd": round(float(spend or 0), 4)})
    return out


def global_kill(session: Session) -> bool:
    """True when the global kill switch (agent_states row ``*``) is on."""
    return bool(session.execute(select(s.AgentState.killed).where(s.AgentState.name == "*")).scalar())


def chain_runs(session: Session, agent: str, limit: int = 50) -> list[dict[str, Any]]:
    """An agent's newest chain runs: id, started_at, finished_at, status, cost_usd, error."""
    q = select(s.ChainRun).where(s.ChainRun.agent == agent).order_by(s.ChainRun.id.desc()).limit(limit)
    return [{"id": r.id, "started_at": r.started_at.isoformat(sep=" ", timespec="seconds"),
             "finished_at": r.finished_at.isoformat(sep=" ", timespec="seconds") if r.finished_at else "",
             "status": r.status, "cost_usd": r.cost_usd, "error": r.error or ""}
            for r in session.execute(q).scalars()]


def chain_steps(session: Session, run_id: int) -> list[dict[str, Any]]:
    """The step log of one chain run, in order: position, tool, status, input, output, cost_usd, error."""
    q = select(s.ChainStep).where(s.ChainStep.run_id == run_id).order_by(s.ChainStep.position)
    return [{"position": r.position, "tool": r.tool, "status": r.status, "input": r.input, "output": r.output,
             "cost_usd": r.cost_usd, "error": r.error or ""} for r in session.execute(q).scalars()]


def chat_messages(session: Session, agent: str, limit: int = 200) -> list[dict[str, Any]]:
    """An agent's teammate chat, oldest first: id, at, role (user | agent), text, context (the
    records and figures an answer used) and has_plan (it suggests a plan)."""
    q = select(s.ChatMessage).where(s.ChatMessage.agent == agent).order_by(s.ChatMessage.id.desc()).limit(limit)
    rows = [{"id": m.id, "at": m.at.isoformat(sep=" ", timespec="minutes"), "role": m.role, "text": m.text,
             "context": json.loads(m.context or "[]"), "has_plan": bool(m.plan_json)}
            for m in session.execute(q).scalars()]
    return rows[::-1]


def chat_plan(session: Session, agent: str, message_id: int) -> str | None:
    """The plan JSON a chat message of ``agent`` suggested, or None."""
    m = session.get(s.ChatMessage, message_id)
    return m.plan_json if m is not None and m.agent == agent else None


# -- sync ----------------------------------------------------------------------------------------
def outbox_status(session: Session) -> dict[str, int]:
    """Outbox rows by status: pending, retrying, sent, dead (missing statuses are 0)."""
    got: dict[str, int] = {st: n for st, n in session.execute(
        select(s.OutboxItem.status, func.count()).group_by(s.OutboxItem.status)).all()}
    return {k: int(got.get(k, 0)) for k in ("pending", "retrying", "sent", "dead")}


def open_conflicts(session: Session) -> int:
    """Sync conflicts still waiting for the user's decision (status ``open``), all sources."""
    return int(session.execute(select(func.count()).select_from(s.SyncConflict)
                               .where(s.SyncConflict.status == "open")).scalar() or 0)


def record_choices(session: Session, text: str, limit: int = 20) -> list[tuple[str, int, str]]:
    """Deals and contacts whose name contains ``text``: [(type, id, display name)]."""
    like = f"%{text.lower()}%"
    deals = [("deal", i, n) for i, n in session.execute(
        select(s.Deal.id, s.Deal.name).where(func.lower(s.Deal.name).like(like)).limit(limit))]
    full = s.Contact.first_name + " " + s.Contact.last_name
    contacts = [("contact", i, n) for i, n in session.execute(
        select(s.Contact.id, full).where(func.lower(full).like(like)).limit(limit))]
    return (deals + contacts)[:limit]


def display_name(session: Session, kind: str, local_id: int) -> str | None:
    """Display name of a deal, contact or company, or None when it does not exist."""
    if kind == "deal":
        return session.execute(select(s.Deal.name).where(s.Deal.id == local_id)).scalar()
    if kind == "company":
        return session.execute(select(s.Company.name).where(s.Company.id == local_id)).scalar()
    if kind == "contact":
        r = session.execute(select(s.Contact.first_name, s.Contact.last_name).where(s.Contact.id == local_id)).first()
        return f"{r[0]} {r[1]}".strip() if r else None
    return None


__all__ = ["mrr_by_month", "closed_won_by_month", "board_cards", "deal_rows", "llm_costs",
           "transcription_totals", "agent_overview", "global_kill", "chain_runs", "chain_steps",
           "chat_messages", "outbox_status", "open_conflicts", "record_choices", "display_name", "rules"]
