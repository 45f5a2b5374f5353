"""SQLAlchemy 2 mapping of the local CRM workspace.

Conventions: money in integer cents (``*_cents``) plus a lower-case ISO 4217 ``currency``; timestamps
are naive UTC; every table that a CRM can hold has rows in :class:`ExternalId` mapping
``(source, entity_type, record_id)`` to the local id. The schema is created and evolved only by the
Alembic migrations in ``desktop/store/migrations`` (never ``create_all`` in the app).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    """Declarative base for every Spectrum table."""


class Pipeline(Base):
    """A sales pipeline (e.g. "Sales Pipeline") owning ordered stages."""

    __tablename__ = "pipelines"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)


class Stage(Base):
    """A pipeline stage: ``position`` orders it, ``probability`` (0.0-1.0) weights the pipeline."""

    __tablename__ = "stages"
    __table_args__ = (UniqueConstraint("pipeline_id", "label"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pipeline_id: Mapped[int] = mapped_column(ForeignKey("pipelines.id", ondelete="CASCADE"))
    label: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer)
    probability: Mapped[float] = mapped_column(Float, default=0.0)
    is_won: Mapped[bool] = mapped_column(Boolean, default=False)
    is_lost: Mapped[bool] = mapped_column(Boolean, default=False)


class Company(Base):
    """A company (account)."""

    __tablename__ = "companies"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300), index=True)
    domain: Mapped[str | None] = mapped_column(String(300))
    industry: Mapped[str | None] = mapped_column(String(200))
    employees: Mapped[int | None] = mapped_column(Integer)
    city: Mapped[str | None] = mapped_column(String(200))
    country: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime | None] = mapped_column(DateTime)
    updated_at: Mapped[datetime | None] = mapped_column(DateTime)


class Contact(Base):
    """A person. ``do_not_contact`` blocks outreach plans (see :mod:`desktop.services.compliance`)."""

    __tablename__ = "contacts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    first_name: Mapped[str] = mapped_column(String(200), default="")
    last_name: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str | None] = mapped_column(String(300), index=True)
    phone: Mapped[str | None] = mapped_column(String(100))
    job_title: Mapped[str | None] = mapped_column(String(300))
    company_id: Mapped[int | None] = mapped_column(
        ForeignKey("companies.id", ondelete="SET NULL"), index=True)
    lifecycle_stage: Mapped[str | None] = mapped_column(String(100))
    lead_status: Mapped[str | None] = mapped_column(String(100))
    do_not_contact: Mapped[bool] = mapped_column(Boolean, default=False)
    owner: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime | None] = mapped_column(DateTime)
    updated_at: Mapped[datetime | None] = mapped_column(DateTime)
    #: IANA time zone (``Europe/Berlin``) when known: e-mails wait for the contact's sending hours
    time_zone: Mapped[str | None] = mapped_column(String(64))


class Deal(Base):
    """A deal in a pipeline stage; ``amount_cents`` in ``currency``; ``last_activity_at`` is kept
    up to date by the importer and the executor so stale-deal queries need no scan of activities."""

    __tablename__ = "deals"
    __table_args__ = (Index("ix_deals_stage_activity", "stage_id", "last_activity_at"),
                      Index("ix_deals_stage_amount", "stage_id", "amount_cents"),
                      Index("ix_deals_stage_close", "stage_id", "close_date", "amount_cents"))
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300), index=True)
    pipeline_id: Mapped[int] = mapped_column(ForeignKey("pipelines.id"))
    stage_id: Mapped[int] = mapped_column(ForeignKey("stages.id"))
    amount_cents: Mapped[int | None] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3), default="usd")
    close_date: Mapped[date | None] = mapped_column(Date, index=True)
    competitor: Mapped[str | None] = mapped_column(String(300))
    next_step: Mapped[str | None] = mapped_column(Text)
    owner: Mapped[str | None] = mapped_column(String(200))
    lost_reason: Mapped[str | None] = mapped_column(Text)
    company_id: Mapped[int | None] = mapped_column(
        ForeignKey("companies.id", ondelete="SET NULL"), index=True)
    created_at: Mapped[datetime | None] = mapped_column(DateTime)
    updated_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_activity_at: Mapped[datetime | None] = mapped_column(DateTime)


class DealContact(Base):
    """Association deal <-> contact."""

    __tablename__ = "deal_contacts"
    deal_id: Mapped[int] = mapped_column(ForeignKey("deals.id", ondelete="CASCADE"), primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True, index=True)


class Activity(Base):
    """A call, meeting, email or note, optionally tied to a contact and a deal."""

    __tablename__ = "activities"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    type: Mapped[str] = mapped_column(String(20))
    occurred_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    subject: Mapped[str | None] = mapped_column(String(500))
    body: Mapped[str | None] = mapped_column(Text)
    sentiment: Mapped[str | None] = mapped_column(String(20))
    contact_id: Mapped[int | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL"), index=True)
    deal_id: Mapped[int | None] = mapped_column(ForeignKey("deals.id", ondelete="SET NULL"), index=True)


class Task(Base):
    """A to-do with a due date, linked to a contact and/or deal. ``status``: open | done."""

    __tablename__ = "tasks"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(500))
    due_date: Mapped[date | None] = mapped_column(Date, index=True)
    due_time: Mapped[str | None] = mapped_column(String(5))
    kind: Mapped[str] = mapped_column(String(20), default="task")  # task | meeting | email_draft
    body: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="open")
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="SET NULL"))
    deal_id: Mapped[int | None] = mapped_column(ForeignKey("deals.id", ondelete="SET NULL"))
    created_at: Mapped[datetime | None] = mapped_column(DateTime)


class Subscription(Base):
    """A billing subscription (Stripe export). ``amount_cents`` is per unit per ``interval``."""

    __tablename__ = "subscriptions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    customer_name: Mapped[str | None] = mapped_column(String(300))
    customer_email: Mapped[str | None] = mapped_column(String(300))
    plan: Mapped[str | None] = mapped_column(String(200))
    quantity: Mapped[int] = mapped_column(Integer, default=1)
    interval: Mapped[str] = mapped_column(String(10))  # day | week | month | year
    interval_count: Mapped[int] = mapped_column(Integer, default=1)
    amount_cents: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3), default="usd")
    status: Mapped[str] = mapped_column(String(30))
    created_at: Mapped[datetime | None] = mapped_column(DateTime)
    canceled_at: Mapped[datetime | None] = mapped_column(DateTime)


class Expense(Base):
    """A ledger expense line."""

    __tablename__ = "expenses"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    date: Mapped[date] = mapped_column(Date, index=True)
    category: Mapped[str | None] = mapped_column(String(200))
    vendor: Mapped[str | None] = mapped_column(String(300))
    amount_cents: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3), default="usd")


class ExternalId(Base):
    """Maps a record in an outside system (``source``: hubspot, pipedrive, stripe, ledger) to a
    local row (``entity_type`` + ``local_id``)."""

    __tablename__ = "external_ids"
    __table_args__ = (
        Index("ux_external_record", "source", "entity_type", "record_id", unique=True),
        Index("ix_external_local", "entity_type", "local_id"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(40))
    entity_type: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[str] = mapped_column(String(200))
    local_id: Mapped[int] = mapped_column(Integer)
    remote_updated_at: Mapped[datetime | None] = mapped_column(DateTime)


class AuditEntry(Base):
    """Append-only, hash-chained audit log. ``hash`` = SHA-256 over ``prev_hash`` and the canonical
    JSON of the entry (see :mod:`desktop.store.audit`)."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    actor: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(50))
    summary: Mapped[str] = mapped_column(Text, default="")
    payload: Mapped[str] = mapped_column(Text, default="{}")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class Approval(Base):
    """A pending plan in the approvals queue. ``status``: pending | applied | rejected | failed."""

    __tablename__ = "approvals"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    source: Mapped[str] = mapped_column(String(40))  # voice | text | agent:<name> | ui
    plan_json: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="pending", index=True)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)
    audit_id: Mapped[int | None] = mapped_column(Integer)
    error: Mapped[str | None] = mapped_column(Text)


class OutboxItem(Base):
    """A change waiting to be pushed to a cloud CRM, written in the same transaction as the change.

    ``op``: create | update | delete | associate. ``payload``: JSON of the fields changed (neutral
    names). ``status``: pending | retrying | sent | dead. ``idempotency_key`` is stable across
    retries so an operation applied twice has no second effect.
    """

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_status_id", "status", "id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    audit_id: Mapped[int | None] = mapped_column(Integer)
    entity_type: Mapped[str] = mapped_column(String(40))
    local_id: Mapped[int] = mapped_column(Integer)
    op: Mapped[str] = mapped_column(String(20))
    payload: Mapped[str] = mapped_column(Text, default="{}")
    idempotency_key: Mapped[str] = mapped_column(String(80), unique=True)
    status: Mapped[str] = mapped_column(String(20), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime)
    #: the CRM this row is for (``hubspot`` | ``pipedrive``); NULL until a connected CRM claims it
    crm: Mapped[str | None] = mapped_column(String(20), nullable=True)


class SyncCursor(Base):
    """Where the last pull of one object type from one CRM stopped."""

    __tablename__ = "sync_cursors"
    __table_args__ = (UniqueConstraint("source", "object_type"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(40))
    object_type: Mapped[str] = mapped_column(String(40))
    cursor: Mapped[str | None] = mapped_column(String(500))
    last_modified: Mapped[datetime | None] = mapped_column(DateTime)


class SyncConflict(Base):
    """A field changed both locally (pending push) and remotely: shown to the user, never
    silently overwritten. ``status``: open | kept_local | took_remote."""

    __tablename__ = "sync_conflicts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    source: Mapped[str] = mapped_column(String(40))
    entity_type: Mapped[str] = mapped_column(String(40))
    local_id: Mapped[int] = mapped_column(Integer)
    field: Mapped[str] = mapped_column(String(100))
    local_value: Mapped[str | None] = mapped_column(Text)
    remote_value: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="open")


class Setting(Base):
    """Workspace settings that belong with the data (e.g. ``cash_balance_cents``). Never secrets."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class LLMCall(Base):
    """One metered LLM call: tokens, USD cost (litellm local cost map), latency in ms."""

    __tablename__ = "llm_calls"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    agent: Mapped[str] = mapped_column(String(100), default="planner")
    run_id: Mapped[int | None] = mapped_column(Integer)
    model: Mapped[str] = mapped_column(String(200))
    prompt_tokens: Mapped[int] = mapped_column(Integer, default=0)
    completion_tokens: Mapped[int] = mapped_column(Integer, default=0)
    cost_usd: Mapped[float] = mapped_column(Float, default=0.0)
    latency_ms: Mapped[float] = mapped_column(Float, default=0.0)


class TranscriptionRun(Base):
    """Local transcription work for the cost panel: audio and CPU seconds."""

    __tablename__ = "transcription_runs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    audio_s: Mapped[float] = mapped_column(Float)
    decode_s: Mapped[float] = mapped_column(Float)
    cpu_s: Mapped[float] = mapped_column(Float, default=0.0)


class Consent(Base):
    """A consent record: who gave or withdrew consent, when, how, for what channel and purpose."""

    __tablename__ = "consents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"), index=True)
    channel: Mapped[str] = mapped_column(String(40))  # email | phone | sms | any
    purpose: Mapped[str] = mapped_column(String(100), default="marketing")
    granted: Mapped[bool] = mapped_column(Boolean)
    method: Mapped[str] = mapped_column(String(100))  # e.g. "web form", "verbal on call"
    recorded_by: Mapped[str] = mapped_column(String(100))
    at: Mapped[datetime] = mapped_column(DateTime)


class AgentState(Base):
    """Per-agent switches; the row named ``*`` is the global kill switch."""

    __tablename__ = "agent_states"
    name: Mapped[str] = mapped_column(String(100), primary_key=True)
    killed: Mapped[bool] = mapped_column(Boolean, default=False)
    paused: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime | None] = mapped_column(DateTime)


class ChainRun(Base):
    """One run of an agent's chain. ``status``: running | done | failed | killed | over_budget."""

    __tablename__ = "chain_runs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agent: Mapped[str] = mapped_column(String(100), index=True)
    started_at: Mapped[datetime] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    status: Mapped[str] = mapped_column(String(20), default="running")
    cost_usd: Mapped[float] = mapped_column(Float, default=0.0)
    error: Mapped[str | None] = mapped_column(Text)
    state: Mapped[str] = mapped_column(Text, default="{}")


class ChainStep(Base):
    """One completed (or failed) step of a chain run; ``idempotency_key`` makes re-runs no-ops."""

    __tablename__ = "chain_steps"
    __table_args__ = (UniqueConstraint("run_id", "position"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("chain_runs.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    tool: Mapped[str] = mapped_column(String(100))
    input: Mapped[str] = mapped_column(Text, default="{}")
    output: Mapped[str] = mapped_column(Text, default="{}")
    status: Mapped[str] = mapped_column(String(20))
    idempotency_key: Mapped[str] = mapped_column(String(100), unique=True)
    started_at: Mapped[datetime] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    cost_usd: Mapped[float] = mapped_column(Float, default=0.0)
    error: Mapped[str | None] = mapped_column(Text)


class ChatMessage(Base):
    """A message in an agent's teammate chat. ``role``: user | agent. ``context``: JSON list of
    records and figures the answer used."""

    __tablename__ = "chat_messages"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agent: Mapped[str] = mapped_column(String(100), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    role: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    context: Mapped[str] = mapped_column(Text, default="[]")
    plan_json: Mapped[str | None] = mapped_column(Text)


class EmailOutboxItem(Base):
    """An e-mail waiting to be sent from the user's mailbox (the e-mail outbox), written by the
    executor in the same transaction as its activity and audit entry (:mod:`desktop.store.email_outbox`).

    ``message_id`` (RFC 5322 ``Message-ID``, with angle brackets) is the idempotency key: a retry
    after a crash sends the same message with the same id. ``status``: queued (waiting for
    ``not_before``: the undo-send window, or a sending-hours/budget hold) | sending (handed to SMTP,
    not confirmed) | sent | cancelled | blocked (a send-time rule refused it; ``last_error`` says
    why) | dead (the server refused it). ``agent``: the agent that proposed it (kill switch), or NULL.
    """

    __tablename__ = "email_outbox"
    __table_args__ = (Index("ix_email_outbox_status", "status", "not_before"),
                      Index("ix_email_outbox_contact", "contact_id", "sent_at"))
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    message_id: Mapped[str] = mapped_column(String(300), unique=True)
    actor: Mapped[str] = mapped_column(String(100), default="user")
    agent: Mapped[str | None] = mapped_column(String(100), index=True)
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="SET NULL"))
    deal_id: Mapped[int | None] = mapped_column(ForeignKey("deals.id", ondelete="SET NULL"))
    activity_id: Mapped[int | None] = mapped_column(Integer)
    to_addr: Mapped[str] = mapped_column(String(300))
    subject: Mapped[str] = mapped_column(String(500), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    in_reply_to: Mapped[str | None] = mapped_column(String(300))
    references: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="queued")
    not_before: Mapped[datetime | None] = mapped_column(DateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime)
    filed_at: Mapped[datetime | None] = mapped_column(DateTime)
    replied_at: Mapped[datetime | None] = mapped_column(DateTime)
    bounced_at: Mapped[datetime | None] = mapped_column(DateTime)
    #: the sequence enrollment, step position and A/B variant this e-mail belongs to (NULL: none)
    enrollment_id: Mapped[int | None] = mapped_column(Integer, index=True)
    seq_step: Mapped[int | None] = mapped_column(Integer)
    variant: Mapped[str | None] = mapped_column(String(20))


class SequenceEnrollment(Base):
    """One contact going through an agent's e-mail sequence (:mod:`desktop.store.sequences`).

    ``status``: active | done | replied | stopped | cancelled. ``position``: the step being run;
    ``phase``: ready (not started) | proposed (its e-mail/task is in approvals or the outbox) |
    waiting (a wait step, until ``next_at``). ``state``: JSON ``{"variants": {step: name},
    "approvals": {step: id}, "log": [[at, text], ...]}``. ``seed``: the A/B seed used.
    """

    __tablename__ = "sequence_enrollments"
    __table_args__ = (Index("ix_sequence_enrollments_status", "status", "next_at"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agent: Mapped[str] = mapped_column(String(100), index=True)
    sequence: Mapped[str] = mapped_column(String(100))
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="SET NULL"), index=True)
    deal_id: Mapped[int | None] = mapped_column(ForeignKey("deals.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(20), default="active")
    position: Mapped[int] = mapped_column(Integer, default=0)
    phase: Mapped[str] = mapped_column(String(20), default="ready")
    next_at: Mapped[datetime | None] = mapped_column(DateTime)
    seed: Mapped[int] = mapped_column(Integer, default=0)
    state: Mapped[str] = mapped_column(Text, default="{}")
    reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
