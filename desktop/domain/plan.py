"""The Plan: one schema for voice, typed text, agents and the UI.

A Plan is what Spectrum understood an instruction to mean: a list of typed CRM actions, whether the
user must confirm, and the questions it needs answered first. It is produced by a planner
(:mod:`desktop.planner.offline`), shown by the approvals UI, stored in the approvals queue and the audit
log as JSON, and applied by the executor (:mod:`desktop.store.executor`).

JSON shape (``spectrum plan --json``)::

    {"transcript": str,
     "actions": [{"kind": str,
                  "target": {"type": "contact|company|deal|task", "id": str, "name": str} | null,
                  "fields": {...},
                  "destructive": bool,
                  "evidence": [[start, end], ...],   # transcript character spans it came from
                  "confidence": float}],             # 0.0-1.0
     "requires_confirmation": bool,
     "clarifications": [str]}

Field values are normalised: amounts are numbers in the deal's currency (major units, e.g. 100000.0
for "100K"), dates are ``YYYY-MM-DD``, times ``HH:MM``, stages are the workspace's stage labels.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

TargetType = Literal["contact", "company", "deal", "task"]

#: Every action kind and the fields it may carry. Keys not listed are rejected by :class:`Action`.
ACTION_FIELDS: dict[str, frozenset[str]] = {
    "create_contact": frozenset({"first_name", "last_name", "company", "job_title", "email", "phone"}),
    "update_contact": frozenset({"first_name", "last_name", "company", "job_title", "email", "phone",
                                 "do_not_contact", "owner", "lifecycle_stage"}),
    "create_company": frozenset({"name", "domain", "city", "industry"}),
    "create_deal": frozenset({"name", "company", "stage", "amount", "close_date"}),
    "update_deal": frozenset({"stage", "amount", "close_date", "competitor", "next_step", "owner", "lost_reason"}),
    "log_activity": frozenset({"activity_type", "body", "sentiment"}),
    "create_task": frozenset({"title", "due_date"}),
    "book_meeting": frozenset({"title", "due_date", "time"}),
    "draft_email": frozenset({"subject", "body"}),
    # to: the recipient's address; in_reply_to: the Message-ID it answers (threading); draft_task:
    # the id of the e-mail draft task it sends (the draft is then marked done); sequence: the
    # sequence step it sends, "<enrollment id>:<step position>:<A/B variant>"
    "send_email": frozenset({"to", "subject", "body", "in_reply_to", "draft_task", "sequence"}),
    # stop the target contact's active e-mail sequence(s); their queued e-mails are cancelled
    "stop_sequence": frozenset({"reason"}),
    # enrol the target contact in agent ``agent``'s loadout sequence ``sequence`` (A/B draw seed
    # ``seed``; ``deal``: the deal id it is about, optional); approving it starts the durable chain
    "enroll_sequence": frozenset({"agent", "sequence", "seed", "deal", "steps"}),
    "delete_record": frozenset(),
    "search": frozenset({"object", "filters"}),
    "answer": frozenset({"text", "value", "records"}),  # value: number or ISO date; records: ["deal:5001", ...]
}

#: Kinds that never change data.
READ_ONLY_KINDS = frozenset({"search", "answer"})
#: Kinds that always count as destructive.
DESTRUCTIVE_KINDS = frozenset({"delete_record"})
#: Kinds that reach out to a person (blocked for do-not-contact contacts).
OUTREACH_KINDS = frozenset({"draft_email", "book_meeting", "send_email", "enroll_sequence"})

ActionKind = Literal[
    "create_contact", "update_contact", "create_company", "create_deal", "update_deal",
    "log_activity", "create_task", "book_meeting", "draft_email", "send_email", "delete_record", "search",
    "answer", "stop_sequence", "enroll_sequence",
]


class Target(BaseModel):
    """The record an action applies to.

    Attributes:
        type: ``contact``, ``company``, ``deal`` or ``task``.
        id: the local record id as a string (e.g. ``"5001"``); for a record created earlier in the
            same plan, ``"new:<index of the creating action>"``.
        name: display name: a deal's name, a contact's ``"First Last"``, a company's name.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    type: TargetType
    id: str
    name: str


class Action(BaseModel):
    """One typed CRM action.

    Attributes:
        evidence: the character spans ``[start, end)`` of the plan's ``transcript`` this action was
            read from (the clause, its record mention, its values); the Plan card highlights them.
        confidence: 0.0-1.0, how sure the planner is of the target and values (1.0 = exact names and
            values; fuzzy or sound-alike names, pronouns and guessed defaults lower it). Planners ask
            instead of acting below their threshold.

    Raises:
        pydantic.ValidationError: unknown ``kind`` or a field that kind does not take, or a
            ``delete_record`` without a target.
    """

    model_config = ConfigDict(extra="forbid")

    kind: ActionKind
    target: Target | None = None
    fields: dict[str, Any] = Field(default_factory=dict)
    destructive: bool = False
    evidence: list[tuple[int, int]] = Field(default_factory=list)
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)

    @field_validator("fields")
    @classmethod
    def _drop_nones(cls, value: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in value.items() if v is not None}

    @model_validator(mode="after")
    def _check(self) -> Action:
        unknown = set(self.fields) - ACTION_FIELDS[self.kind]
        if unknown:
            raise ValueError(f"{self.kind} does not take field(s): {', '.join(sorted(unknown))}")
        if self.kind in DESTRUCTIVE_KINDS:
            if self.target is None:
                raise ValueError("delete_record needs a target")
            self.destructive = True
        return self

    @property
    def read_only(self) -> bool:
        """True for ``search`` and ``answer``: applying it changes nothing."""
        return self.kind in READ_ONLY_KINDS


class Plan(BaseModel):
    """What an instruction means, as typed actions plus what must be asked first.

    Attributes:
        transcript: the instruction as heard or typed.
        actions: actions in the order they are applied.
        requires_confirmation: True when any action mutates data; always True with a destructive
            or bulk action. A plan with clarifications is never applied until they are answered.
        clarifications: questions for the user (e.g. ``"Which Sarah: Sarah Chen (TechCorp) or
            Sarah Johnson (TechCorp)?"``); while non-empty no action names a guessed target.
        message: a friendly line for off-topic or empty input, or a summary of read-only answers.
        candidates: per clarification, the records that would answer it (for clickable choices).
        pending: actions waiting for a clarification's answer ("log a call with Sarah" while asking
            which Sarah): they have no record yet, are never applied, and are shown only as a
            preview; answering re-plans the instruction with the chosen record.
    """

    model_config = ConfigDict(extra="forbid")

    transcript: str = ""
    actions: list[Action] = Field(default_factory=list)
    requires_confirmation: bool = False
    clarifications: list[str] = Field(default_factory=list)
    message: str | None = None
    candidates: list[list[Target]] = Field(default_factory=list)
    pending: list[Action] = Field(default_factory=list)

    @model_validator(mode="after")
    def _confirmation_rule(self) -> Plan:
        if any(not a.read_only for a in self.actions):
            self.requires_confirmation = True
        return self

    @property
    def destructive(self) -> bool:
        """True when any action is destructive (needs an explicit second confirmation)."""
        return any(a.destructive for a in self.actions)

    @property
    def mutating(self) -> bool:
        """True when applying this plan would change data."""
        return any(not a.read_only for a in self.actions)

    def public_json(self) -> dict[str, Any]:
        """The documented JSON shape (without UI-only extras such as ``candidates``)."""
        data = self.model_dump(mode="json")
        data.pop("candidates", None)
        if not data.get("pending"):
            data.pop("pending", None)
        if data.get("message") is None:
            data.pop("message", None)
        return data
