"""SQL of the agents layer: kill-switch states, chain runs and steps, metered LLM calls, teammate chat,
transcription CPU time, consents and the bulk read behind lead scoring.

Every function takes a :class:`~sqlalchemy.orm.Session` opened by the caller (one unit of work) and
never commits, except where noted. Times are naive UTC; money in USD floats (LLM costs are fractions
of a cent).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Row, and_, case, func, select, update
from sqlalchemy.orm import Session

from desktop.store import schema as s
from desktop.store.email_outbox import cancel_for_agents
from desktop.store.errors import RecordNotFound

GLOBAL = "*"


# -- kill switches -------------------------------------------------------------------------------
def agent_states(session: Session) -> dict[str, tuple[bool, bool]]:
    """{name: (killed, paused)} for every stored switch (``"*"`` = global)."""
    return {n: (bool(k), bool(p)) for n, k, p in session.execute(
        select(s.AgentState.name, s.AgentState.killed, s.AgentState.paused))}


def set_agent_state(session: Session, name: str, *, killed: bool | None = None, paused: bool | None = None,
                    now: datetime) -> None:
    """Create or update the switch row of ``name`` (``"*"`` = global)."""
    row = session.get(s.AgentState, name)
    if row is None:
        row = s.AgentState(name=name, killed=False, paused=False)
        session.add(row)
    if killed is not None:
        row.killed = killed
    if paused is not None:
        row.paused = paused
    row.updated_at = now
    session.flush()
    if killed:  # the agent's e-mails waiting in the outbox go nowhere (same transaction)
        cancel_for_agents(session, {name}, now, "the agent's kill switch is on")


# -- chain runs ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class StepRecord:
    """A stored chain step (``status``: started | done | failed | skipped)."""

    id: int
    run_id: int
    position: int
    tool: str
    input: dict[str, Any]
    output: dict[str, Any]
    status: str
    idempotency_key: str
    started_at: datetime
    finished_at: datetime | None
    cost_usd: float
    error: str | None


@dataclass(frozen=True)
class RunRecord:
    """A stored chain run (``status``: running | done | failed | killed | over_budget | paused)."""

    id: int
    agent: str
    started_at: datetime
    finished_at: datetime | None
    status: str
    cost_usd: float
    error: str | None
    state: dict[str, Any]


def _run(r: s.ChainRun) -> RunRecord:
    return RunRecord(r.id, r.agent, r.started_at, r.finished_at, r.status, r.cost_usd or 0.0, r.error,
                     json.loads(r.state or "{}"))


def _step(r: s.ChainStep) -> StepRecord:
    return StepRecord(r.id, r.run_id, r.position, r.tool, json.loads(r.input or "{}"),
                      json.loads(r.output or "{}"), r.status, r.idempotency_key, r.started_at,
                      r.finished_at, r.cost_usd or 0.0, r.error)


def create_run(session: Session, agent: str, now: datetime, state: dict[str, Any]) -> int:
    """Insert a ``running`` chain run; returns its id."""
    row = s.ChainRun(agent=agent, started_at=now, status="running", cost_usd=0.0,
                     state=json.dumps(state, default=str))
    session.add(row)
    session.flush()
    return row.id


def get_run(session: Session, run_id: int) -> RunRecord | None:
    """One run, or None."""
    row = session.get(s.ChainRun, run_id)
    return None if row is None else _run(row)


def update_run(session: Session, run_id: int, *, status: str | None = None, state: dict[str, Any] | None = None,
               error: str | None = None, finished_at: datetime | None = None, add_cost: float = 0.0) -> None:
    """Change a run's status / state / error / finish time, and add to its cost."""
    row = session.get(s.ChainRun, run_id)
    if row is None:
        raise RecordNotFound(f"no chain run #{run_id} in this workspace")
    if status is not None:
        row.status = status
    if state is not None:
        row.state = json.dumps(state, default=str)
    if error is not None:
        row.error = error[:2000]
    if finished_at is not None:
        row.finished_at = finished_at
    if add_cost:
        row.cost_usd = (row.cost_usd or 0.0) + add_cost
    session.flush()


def resumable_runs(session: Session, agent: str | None = None) -> list[RunRecord]:
    """Runs left ``running`` (a crash) or ``paused``/``killed`` mid-way, oldest first."""
    q = select(s.ChainRun).where(s.ChainRun.status.in_(("running", "paused", "killed")),
                                 s.ChainRun.finished_at.is_(None)).order_by(s.ChainRun.id)
    if agent is not None:
        q = q.where(s.ChainRun.agent == agent)
    return [_run(r) for r in session.execute(q).scalars()]


def run_by_parent(session: Session, parent_key: str) -> int | None:
    """Id of the run a chain step (idempotency ``parent_key``) handed its result to, or None."""
    return session.execute(select(s.ChainRun.id).where(
        s.ChainRun.state.contains(json.dumps(parent_key))).order_by(s.ChainRun.id).limit(1)).scalar()


def list_runs(session: Session, agent: str | None = None, limit: int = 50) -> list[RunRecord]:
    """Newest runs first."""
    q = select(s.ChainRun).order_by(s.ChainRun.id.desc()).limit(limit)
    if agent is not None:
        q = q.where(s.ChainRun.agent == agent)
    return [_run(r) for r in session.execute(q).scalars()]


def steps(session: Session, run_id: int) -> list[StepRecord]:
    """A run's steps in order."""
    q = select(s.ChainStep).where(s.ChainStep.run_id == run_id).order_by(s.ChainStep.position)
    return [_step(r) for r in session.execute(q).scalars()]


def begin_step(session: Session, run_id: int, position: int, tool: str, input: dict[str, Any], key: str,
               now: datetime) -> None:
    """Insert (or reset a failed) step row as ``started``."""
    row = session.execute(select(s.ChainStep).where(s.ChainStep.idempotency_key == key)).scalar()
    if row is None:
        row = s.ChainStep(run_id=run_id, position=position, tool=tool, idempotency_key=key)
        session.add(row)
    row.input, row.status, row.started_at = json.dumps(input, default=str), "started", now
    row.output, row.error, row.finished_at = "{}", None, None
    session.flush()


def finish_step(session: Session, key: str, *, status: str, output: dict[str, Any] | None, now: datetime,
                cost_usd: float = 0.0, error: str | None = None) -> None:
    """Mark the step with idempotency ``key`` done / failed / skipped with its output."""
    session.execute(update(s.ChainStep).where(s.ChainStep.idempotency_key == key).values(
        status=status, output=json.dumps(output or {}, default=str), finished_at=now,
        cost_usd=cost_usd, error=(error or None) and error[:2000]).execution_options(synchronize_session=False))


def run_stats(session: Session) -> dict[str, dict[str, Any]]:
    """Per agent: last run time and status, finished runs, successful runs."""
    out: dict[str, dict[str, Any]] = {}
    q = select(s.ChainRun.agent, func.max(s.ChainRun.id),
               func.sum(case((s.ChainRun.status == "done", 1), else_=0)),
               func.sum(case((s.ChainRun.finished_at.is_not(None), 1), else_=0))).group_by(s.ChainRun.agent)
    for agent, last_id, ok, finished in session.execute(q):
        last = session.get(s.ChainRun, last_id)
        if last is None:  # the max id of the agent's runs: deleted in between
            continue
        out[agent] = {"last_run_at": last.started_at, "last_status": last.status,
                      "ok": int(ok or 0), "finished": int(finished or 0)}
    return out


def find_audit_marker(session: Session, actor: str, marker: str, since: datetime) -> int | None:
    """Id of a ``plan_applied`` audit entry by ``actor`` since ``since`` whose payload contains
    ``marker`` (how a resumed chain learns that an interrupted auto-apply step did commit)."""
    return session.execute(select(s.AuditEntry.id).where(
        s.AuditEntry.actor == actor, s.AuditEntry.kind == "plan_applied", s.AuditEntry.at >= since,
        s.AuditEntry.payload.contains(marker)).limit(1)).scalar()


def add_approval_with_step(session: Session, *, now: datetime, source: str, plan_json: str, key: str,
                           output: dict[str, Any]) -> int:
    """Queue a plan for approval and mark the chain step ``key`` done in the same transaction (the
    step's idempotency key guarantees a resumed chain never queues it twice). Returns the approval id."""
    row = s.Approval(created_at=now, source=source, plan_json=plan_json, status="pending")
    session.add(row)
    session.flush()
    finish_step(session, key, status="done", output={**output, "approval_id": row.id}, now=now)
    return row.id


# -- LLM metering --------------------------------------------------------------------------------
def add_llm_call(session: Session, *, at: datetime, agent: str, run_id: int | None, model: str,
                 prompt_tokens: int, completion_tokens: int, cost_usd: float, latency_ms: float) -> None:
    """Record one metered LLM call."""
    session.add(s.LLMCall(at=at, agent=agent, run_id=run_id, model=model, prompt_tokens=prompt_tokens,
                          completion_tokens=completion_tokens, cost_usd=cost_usd, latency_ms=latency_ms))
    session.flush()


def spend_usd(session: Session, agent: str | None, start: datetime, end: datetime) -> float:
    """Sum of LLM cost in USD in [start, end) for ``agent`` (None = everyone)."""
    q = select(func.coalesce(func.sum(s.LLMCall.cost_usd), 0.0)).where(
        s.LLMCall.at >= start, s.LLMCall.at < end)
    if agent is not None:
        q = q.where(s.LLMCall.agent == agent)
    return float(session.execute(q).scalar() or 0.0)


def spend_by_agent(session: Session, start: datetime, end: datetime) -> dict[str, float]:
    """{agent: USD} in [start, end)."""
    q = (select(s.LLMCall.agent, func.sum(s.LLMCall.cost_usd))
         .where(s.LLMCall.at >= start, s.LLMCall.at < end).group_by(s.LLMCall.agent))
    return {a: float(c or 0.0) for a, c in session.execute(q)}


def cost_summary(session: Session, start: datetime, end: datetime) -> dict[str, Any]:
    """Calls, tokens, USD and mean latency of LLM calls plus transcription seconds in [start, end)."""
    calls, pt, ct, usd, lat = session.execute(select(
        func.count(s.LLMCall.id), func.coalesce(func.sum(s.LLMCall.prompt_tokens), 0),
        func.coalesce(func.sum(s.LLMCall.completion_tokens), 0), func.coalesce(func.sum(s.LLMCall.cost_usd), 0.0),
        func.avg(s.LLMCall.latency_ms)).where(s.LLMCall.at >= start, s.LLMCall.at < end)).one()
    runs, audio, decode, cpu = session.execute(select(
        func.count(s.TranscriptionRun.id), func.coalesce(func.sum(s.TranscriptionRun.audio_s), 0.0),
        func.coalesce(func.sum(s.TranscriptionRun.decode_s), 0.0),
        func.coalesce(func.sum(s.TranscriptionRun.cpu_s), 0.0)).where(
        s.TranscriptionRun.at >= start, s.TranscriptionRun.at < end)).one()
    return {"llm_calls": int(calls), "prompt_tokens": int(pt), "completion_tokens": int(ct),
            "llm_cost_usd": round(float(usd), 6), "llm_mean_latency_ms": None if lat is None else round(float(lat), 1),
            "transcriptions": int(runs), "audio_s": round(float(audio), 2), "decode_s": round(float(decode), 2),
            "transcription_cpu_s": round(float(cpu), 2), "by_agent": spend_by_agent(session, start, end)}


def add_transcription(session: Session, *, at: datetime, audio_s: float, decode_s: float, cpu_s: float) -> None:
    """Record local transcription work (seconds of audio, wall decode time, CPU time)."""
    session.add(s.TranscriptionRun(at=at, audio_s=audio_s, decode_s=decode_s, cpu_s=cpu_s))
    session.flush()


# -- chat ----------------------------------------------------------------------------------------
def add_chat(session: Session, *, agent: str, at: datetime, role: str, text: str, context: list[Any],
             plan_json: str | None = None) -> int:
    """Append a chat message; returns its id."""
    row = s.ChatMessage(agent=agent, at=at, role=role, text=text, context=json.dumps(context, default=str),
                        plan_json=plan_json)
    session.add(row)
    session.flush()
    return row.id


def chat_history(session: Session, agent: str, limit: int = 200) -> list[dict[str, Any]]:
    """The newest ``limit`` messages of ``agent``'s chat, oldest first."""
    q = select(s.ChatMessage).where(s.ChatMessage.agent == agent).order_by(s.ChatMessage.id.desc()).limit(limit)
    rows = list(session.execute(q).scalars())[::-1]
    return [{"id": m.id, "at": m.at, "role": m.role, "text": m.text, "context": json.loads(m.context or "[]"),
             "plan_json": m.plan_json} for m in rows]


# -- consent -------------------------------------------------------------------------------------
def add_consent(session: Session, *, contact_id: int, channel: str, purpose: str, granted: bool, method: str,
                recorded_by: str, at: datetime) -> int:
    """Append a consent record; returns its id."""
    row = s.Consent(contact_id=contact_id, channel=channel, purpose=purpose, granted=granted, method=method,
                    recorded_by=recorded_by, at=at)
    session.add(row)
    session.flush()
    return row.id


def consents(session: Session, contact_id: int) -> list[dict[str, Any]]:
    """A contact's consent records, oldest first."""
    q = select(s.Consent).where(s.Consent.contact_id == contact_id).order_by(s.Consent.at, s.Consent.id)
    return [{"id": c.id, "channel": c.channel, "purpose": c.purpose, "granted": c.granted, "method": c.method,
             "recorded_by": c.recorded_by, "at": c.at} for c in session.execute(q).scalars()]


def set_do_not_contact(session: Session, contact_id: int, value: bool, now: datetime) -> bool:
    """Set a contact's do-not-contact flag; returns the previous value. Raises LookupError."""
    c = session.get(s.Contact, contact_id)
    if c is None:
        raise LookupError(f"no contact with id {contact_id}")
    before = bool(c.do_not_contact)
    c.do_not_contact, c.updated_at = value, now
    session.flush()
    return before


def do_not_contact_ids(session: Session, ids: list[int]) -> set[int]:
    """The subset of contact ``ids`` marked do-not-contact."""
    if not ids:
        return set()
    return set(session.execute(select(s.Contact.id).where(s.Contact.id.in_(ids),
                                                          s.Contact.do_not_contact.is_(True))).scalars())


def primary_contact_of(session: Session, entity: str, local_id: int) -> int | None:
    """The contact an outreach action on a deal/contact/company would reach (as the executor links it)."""
    if entity == "contact":
        return local_id
    if entity == "deal":
        return session.execute(select(s.DealContact.contact_id).where(
            s.DealContact.deal_id == local_id).limit(1)).scalar()
    return None


# -- lead scoring read -----------------------------------------------------------------------------
def lead_features(session: Session, now: datetime, *, intent_days: int = 30) -> Sequence[Row[Any]]:
    """One row per contact for scoring, in three set-based queries (fast on 100k contacts):
    ``(contact_id, first, last, job_title, lifecycle_stage, do_not_contact, company_id, company name,
    industry, employees, country, activities in the last ``intent_days`` days, meetings then,
    positive activities then, open deal amount cents (max), open deal count)``."""
    since = now - timedelta(days=intent_days)
    act = (select(s.Activity.contact_id.label("cid"), func.count(s.Activity.id).label("n"),
                  func.sum(case((s.Activity.type == "meeting", 1), else_=0)).label("meet"),
                  func.sum(case((s.Activity.sentiment == "positive", 1), else_=0)).label("pos"))
           .where(s.Activity.occurred_at >= since, s.Activity.contact_id.is_not(None))
           .group_by(s.Activity.contact_id).subquery())
    deal = (select(s.DealContact.contact_id.label("cid"), func.max(s.Deal.amount_cents).label("amt"),
                   func.count(s.Deal.id).label("nd"))
            .join(s.Deal, s.Deal.id == s.DealContact.deal_id).join(s.Stage, s.Stage.id == s.Deal.stage_id)
            .where(and_(s.Stage.is_won.is_(False), s.Stage.is_lost.is_(False)))
            .group_by(s.DealContact.contact_id).subquery())
    q = (select(s.Contact.id, s.Contact.first_name, s.Contact.last_name, s.Contact.job_title,
                s.Contact.lifecycle_stage, s.Contact.do_not_contact, s.Contact.company_id, s.Company.name,
                s.Company.industry, s.Company.employees, s.Company.country,
                func.coalesce(act.c.n, 0), func.coalesce(act.c.meet, 0), func.coalesce(act.c.pos, 0),
                deal.c.amt, func.coalesce(deal.c.nd, 0))
         .outerjoin(s.Company, s.Company.id == s.Contact.company_id)
         .outerjoin(act, act.c.cid == s.Contact.id).outerjoin(deal, deal.c.cid == s.Contact.id))
    return session.connection().execute(q).all()  # Core rows: tuple-like, no ORM overhead


def notes_text(session: Session, contact_ids: list[int], limit_per: int = 20) -> dict[int, str]:
    """Concatenated subject + body of the newest activities per contact (for BANT+ extraction)."""
    if not contact_ids:
        return {}
    out: dict[int, list[str]] = {}
    q = (select(s.Activity.contact_id, s.Activity.subject, s.Activity.body)
         .where(s.Activity.contact_id.in_(contact_ids)).order_by(s.Activity.occurred_at.desc()))
    for cid, subj, body in session.execute(q):
        bucket = out.setdefault(cid, [])
        if len(bucket) < limit_per:
            bucket.append(" ".join(x for x in (subj, body) if x))
    return {k: "\n".join(v) for k, v in out.items()}


def recent_calls(session: Session, since: datetime, limit: int = 20) -> list[dict[str, Any]]:
    """Call and note activities since ``since`` with their deal/contact, newest first."""
    q = (select(s.Activity).where(s.Activity.occurred_at >= since, s.Activity.type.in_(("call", "meeting")))
         .order_by(s.Activity.occurred_at.desc()).limit(limit))
    return [{"id": a.id, "type": a.type, "at": a.occurred_at, "subject": a.subject, "body": a.body,
             "deal_id": a.deal_id, "contact_id": a.contact_id} for a in session.execute(q).scalars()]


def deals_changed_since(session: Session, since: datetime) -> list[dict[str, Any]]:
    """Deals that were created or changed stage since ``since`` ("revenue moves since yesterday").

    Times that mean something, never the import time (an import sets ``updated_at`` of every row):
    local changes come from the audit log (``plan_applied`` entries whose deal change moved the
    stage or created the deal), CRM changes from the CRM's own modification time of the record
    (``external_ids.remote_updated_at``) and creation time (``deals.created_at``, the CRM's create
    date). ``won``/``lost``: the deal now sits in a won/lost stage and its stage moved (or the CRM
    changed it) in the window; ``new``: created in the window."""
    moved: set[int] = set()
    created: set[int] = set()
    q = select(s.AuditEntry.payload).where(s.AuditEntry.kind == "plan_applied", s.AuditEntry.at >= since)
    for (payload,) in session.execute(q):
        try:
            changes = json.loads(payload or "{}").get("changes") or []
        except ValueError:
            continue
        for c in changes:
            if c.get("entity") != "deal" or not c.get("id"):
                continue
            if c.get("op") == "create":
                created.add(int(c["id"]))
            elif c.get("op") == "update" and (c.get("before") or {}).get("stage_id") != (c.get("after") or {}).get("stage_id"):
                moved.add(int(c["id"]))
    crm = set(session.execute(select(s.ExternalId.local_id).where(
        s.ExternalId.entity_type == "deal", s.ExternalId.remote_updated_at >= since)).scalars())
    created |= set(session.execute(select(s.Deal.id).where(s.Deal.created_at >= since)).scalars())
    ids = moved | created | crm
    if not ids:
        return []
    dq = (select(s.Deal.id, s.Deal.name, s.Stage.label, s.Stage.is_won, s.Stage.is_lost, s.Deal.amount_cents)
          .join(s.Stage, s.Stage.id == s.Deal.stage_id).where(s.Deal.id.in_(ids)).order_by(s.Deal.id))
    out = []
    for i, n, st, w, lo, a in session.execute(dq):
        changed = i in moved or i in crm
        row = {"id": i, "name": n, "stage": st, "won": bool(w) and changed, "lost": bool(lo) and changed,
               "amount": None if a is None else a / 100, "new": i in created}
        if row["won"] or row["lost"] or row["new"]:
            out.append(row)
    return out


# -- global daily spend cap --------------------------------------------------------------------------
#: workspace setting holding the cap of all agents' LLM spend per UTC day, USD
DAILY_CAP_KEY = "agents_daily_cap_usd"
#: the cap when none is set (USD per UTC day): above the sum of the built-in agents' budgets ($1.60)
DEFAULT_DAILY_CAP_USD = 2.0


def daily_cap_usd(session: Session) -> float:
    """The global daily spend cap of all agents together, USD (default :data:`DEFAULT_DAILY_CAP_USD`)."""
    v = session.get(s.Setting, DAILY_CAP_KEY)
    try:
        return float(v.value) if v is not None else DEFAULT_DAILY_CAP_USD
    except ValueError:
        return DEFAULT_DAILY_CAP_USD


def set_daily_cap_usd(session: Session, usd: float) -> None:
    """Set the global daily spend cap (USD >= 0)."""
    row = session.get(s.Setting, DAILY_CAP_KEY)
    if row is None:
        session.add(s.Setting(key=DAILY_CAP_KEY, value=f"{usd:.4f}"))
    else:
        row.value = f"{usd:.4f}"
    session.flush()


def global_stop_reason(session: Session) -> str | None:
    """The summary of the newest audit entry that turned the global kill switch on (e.g. "spend cap
    reached: ..."), or None when the global switch is off."""
    row = session.get(s.AgentState, GLOBAL)
    if row is None or not row.killed:
        return None
    q = (select(s.AuditEntry.summary).where(s.AuditEntry.kind == "kill_switch",
                                            s.AuditEntry.payload.contains('"agent": "*"'),
                                            s.AuditEntry.payload.contains('"killed": true'))
         .order_by(s.AuditEntry.id.desc()).limit(1))
    return session.execute(q).scalar()


# -- no repeats ------------------------------------------------------------------------------------
def proposals_of(session: Session, source: str, since: datetime) -> list[dict[str, Any]]:
    """Approvals queued by ``source`` (``agent:<name>``) that are still pending, or were created or
    decided since ``since``: [{"id", "status", "created_at", "decided_at", "plan_json"}], newest first."""
    q = (select(s.Approval).where(s.Approval.source == source,
                                  (s.Approval.status == "pending") | (s.Approval.created_at >= since)
                                  | (s.Approval.decided_at >= since))
         .order_by(s.Approval.id.desc()))
    return [{"id": a.id, "status": a.status, "created_at": a.created_at, "decided_at": a.decided_at,
             "plan_json": a.plan_json} for a in session.execute(q).scalars()]
