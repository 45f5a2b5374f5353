"""Plain CRM records, as the read side hands them to planners, agents and panels.

These are frozen dataclasses with no database behaviour: :mod:`desktop.store.queries` builds them
from SQL rows. Money is held in integer cents (``amount_cents``) with an ISO 4217 ``currency``
code in lower case (``"usd"``); dates are :class:`datetime.date`, timestamps naive UTC
:class:`datetime.datetime`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

#: Activity types (HubSpot engagement types, lower case).
ACTIVITY_TYPES = ("call", "meeting", "email", "note")
#: Sentiment labels an activity may carry.
SENTIMENTS = ("positive", "neutral", "negative")
#: Task states.
TASK_STATUSES = ("open", "done")


@dataclass(frozen=True, slots=True)
class StageRow:
    """A pipeline stage.

    Attributes:
        id: local id. label: display label ("Closed Won"). position: 0-based order in its pipeline.
        probability: win probability 0.0-1.0 used for the weighted pipeline.
        is_won / is_lost: closed stages.
    """

    id: int
    pipeline_id: int
    label: str
    position: int
    probability: float
    is_won: bool = False
    is_lost: bool = False

    @property
    def is_closed(self) -> bool:
        """True for won or lost stages."""
        return self.is_won or self.is_lost


@dataclass(frozen=True, slots=True)
class CompanyRow:
    """A company (account)."""

    id: int
    name: str
    domain: str | None = None
    industry: str | None = None
    employees: int | None = None
    city: str | None = None
    country: str | None = None


@dataclass(frozen=True, slots=True)
class ContactRow:
    """A contact (person) with the name of their primary company.

    Attributes:
        lifecycle_stage: HubSpot's internal value (``lead``, ``customer``, ...). owner: a workspace
        user's name. last_activity_at: when the latest activity with this contact happened (UTC).
    """

    id: int
    first_name: str
    last_name: str
    email: str | None = None
    phone: str | None = None
    job_title: str | None = None
    company_id: int | None = None
    company_name: str | None = None
    do_not_contact: bool = False
    lifecycle_stage: str | None = None
    owner: str | None = None
    last_activity_at: datetime | None = None

    @property
    def name(self) -> str:
        """Display name: ``"First Last"``."""
        return f"{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True, slots=True)
class DealRow:
    """A deal with its stage and company resolved.

    Attributes:
        amount_cents: deal amount in cents of ``currency`` (``None`` when unknown).
        is_open: False when the stage is Closed Won or Closed Lost.
        contact_ids: associated contacts' ids.
    """

    id: int
    name: str
    stage_id: int
    stage_label: str
    amount_cents: int | None
    currency: str
    close_date: date | None
    company_id: int | None
    company_name: str | None
    is_open: bool
    competitor: str | None = None
    next_step: str | None = None
    owner: str | None = None
    last_activity_at: datetime | None = None
    contact_ids: tuple[int, ...] = field(default_factory=tuple)
