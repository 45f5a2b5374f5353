"""E-mail sequences (issue 15): a cadence an agent's loadout defines, as plain validated data.

A loadout's ``sequence:`` block::

    sequence:
      name: revive                  # optional; default: the agent's name
      seed: 7                       # A/B assignment seed (recorded per recipient)
      steps:
        - kind: email
          variants:                 # one or more; 2+ = an A/B test (recipients assigned at random)
            - {name: A, subject: "Still looking at {company}?", body: "Hi {first_name}, ..."}
            - {name: B, subject: "Quick question, {first_name}", body: "..."}
          auto_approve: false       # false (default): the send waits in approvals
          if_blocked: stop          # a send-time rule refused it: stop (default) or skip the step
        - {kind: wait, business_days: 3}        # unless replied (a reply stops the sequence)
        - {kind: email, subject: "Re: {first_name}", body: "...", in_thread: true}
        - {kind: task, title: "Call {first_name} {last_name}", due_in_days: 1}

Templates use ``{first_name}``, ``{last_name}``, ``{company}`` and ``{deal}``; an unknown name is
left as written. Pure: no I/O.
"""

from __future__ import annotations

import string
from datetime import datetime, timedelta
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator


class Variant(BaseModel):
    """One version of an e-mail step: ``name`` (``A``, ``B``...), subject and body templates."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1, max_length=20)
    subject: str = ""
    body: str = ""


class SequenceStep(BaseModel):
    """One step: ``email`` (``subject``/``body`` or ``variants``), ``wait`` (``business_days``, Mon-Fri)
    or ``task`` (``title``, due ``due_in_days`` calendar days after the step runs)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Literal["email", "wait", "task"]
    subject: str = ""
    body: str = ""
    variants: list[Variant] = Field(default_factory=list)
    #: thread the e-mail under the sequence's previous e-mail (In-Reply-To / References)
    in_thread: bool = False
    business_days: int = Field(default=0, ge=0, le=60)
    title: str = ""
    due_in_days: int = Field(default=0, ge=0, le=60)
    auto_approve: bool = False
    if_blocked: Literal["stop", "skip"] = "stop"

    @model_validator(mode="after")
    def _shape(self) -> SequenceStep:
        if self.kind == "email":
            if self.variants and (self.subject or self.body):
                raise ValueError("an email step has either subject/body or variants, not both")
            if not self.variants and not (self.subject or self.body):
                raise ValueError("an email step needs a subject and body (or variants)")
            names = [v.name for v in self.variants]
            if len(set(names)) != len(names):
                raise ValueError("variant names must differ")
        elif self.kind == "wait" and self.business_days < 1:
            raise ValueError("a wait step needs business_days >= 1")
        elif self.kind == "task" and not self.title:
            raise ValueError("a task step needs a title")
        return self

    def all_variants(self) -> list[Variant]:
        """The step's variants; a plain email step is one variant named ``A``."""
        return list(self.variants) or [Variant(name="A", subject=self.subject, body=self.body)]


class SequenceSpec(BaseModel):
    """A cadence: ``steps`` run in order for each enrolled contact. ``name`` (default: the agent's
    name), ``seed``: the A/B assignment seed."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(default="", pattern=r"^[a-z0-9_-]{0,30}$")
    seed: int = 0
    steps: list[SequenceStep] = Field(min_length=1)


class _Keep(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def render(template: str, values: dict[str, str]) -> str:
    """``template`` with ``{name}`` fields filled from ``values`` (unknown fields kept as written;
    a malformed template is returned unchanged)."""
    try:
        return string.Formatter().vformat(template, (), _Keep(values))
    except (ValueError, IndexError, AttributeError):
        return template


def add_business_days(start: datetime, days: int) -> datetime:
    """``start`` moved ``days`` weekdays (Mon-Fri) later, same time of day; a start on a weekend
    counts from the next Monday. ``days`` >= 0."""
    at = start
    while at.weekday() >= 5:
        at = (at + timedelta(days=1))
    left = days
    while left > 0:
        at += timedelta(days=1)
        if at.weekday() < 5:
            left -= 1
    return at
