"""Loadouts: one YAML file per agent (``resources/loadouts/*.yaml`` built in, ``<data_dir>/loadouts/``
for the user's own; a user file with the same ``name`` replaces the built-in one).

YAML shape::

    name: ghostbuster                # [a-z0-9_-], unique
    role: Deal reviver               # shown in the UI
    purpose: Revive open deals with no activity for 7+ days.
    kind: ghostbuster                # built-in behaviour: qualifier | ghostbuster | post_call |
                                     # briefing | cfo | custom (custom = chat only)
    model: default                   # "offline", "default" (= Settings.llm_model or offline) or a
                                     # litellm model string such as "gpt-4o-mini"
    tools: [stale_deals, show_deal, propose_plan]
    autonomy: suggest                # suggest: plans go to approvals; auto: non-destructive plans
                                     # apply without asking (destructive never auto)
    daily_budget_usd: 0.50
    schedule: "weekdays 08:00"       # "daily HH:MM", "weekdays HH:MM", "mon,wed HH:MM" or null
    handoff: qualifier               # optional: after a run with a result, this agent continues
                                     # with it (a chain across agents: post-call -> qualifier)
    prompts: {system: "...", draft: "..."}
    params: {stale_days: 7}          # behaviour knobs (e.g. ICP weights for the qualifier)
    sequence:                        # optional: an e-mail cadence (desktop.domain.sequence)
      steps: [{kind: email, subject: "...", body: "..."}, {kind: wait, business_days: 3}, ...]

Errors: :class:`LoadoutError` names the file and the field (``ghostbuster.yaml: daily_budget_usd:
Input should be greater than or equal to 0``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from desktop.agents.tools import TOOL_NAMES
from desktop.domain.sequence import SequenceSpec
from desktop.resources import resources_dir

KINDS = ("qualifier", "ghostbuster", "post_call", "briefing", "cfo", "custom")
_DAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_SCHEDULE = re.compile(r"^\s*(daily|weekdays|weekends|(?:mon|tue|wed|thu|fri|sat|sun)(?:\s*,\s*(?:mon|tue|wed|thu|fri|sat|sun))*)"
                       r"\s+([01]?\d|2[0-3]):([0-5]\d)\s*$", re.I)


class LoadoutError(ValueError):
    """A loadout file is unreadable or invalid. ``file`` and ``field`` name where; ``str()`` says
    ``"<file>: <field>: <reason>"`` for every problem found."""

    def __init__(self, file: str, problems: list[tuple[str, str]]) -> None:
        self.file = file
        self.problems = problems
        super().__init__("; ".join(f"{file}: {fld}: {msg}" if fld else f"{file}: {msg}"
                                   for fld, msg in problems))

    @property
    def field(self) -> str:
        """The first invalid field ("" when the file itself is unreadable)."""
        return self.problems[0][0] if self.problems else ""


@dataclass(frozen=True)
class Schedule:
    """When an agent runs by itself: on ``weekdays`` (0 = Monday) at ``hour``:``minute`` local time."""

    weekdays: frozenset[int]
    hour: int
    minute: int

    @classmethod
    def parse(cls, text: str) -> Schedule:
        """Parse ``"weekdays 08:00"``, ``"daily 18:30"``, ``"weekends 10:00"`` or ``"mon,thu 09:15"``.

        Raises: ValueError naming the expected forms.
        """
        m = _SCHEDULE.match(text or "")
        if not m:
            raise ValueError(f"{text!r} is not a schedule; use e.g. 'weekdays 08:00', 'daily 18:30' "
                             "or 'mon,thu 09:15'")
        days_s = m.group(1).lower()
        if days_s == "daily":
            days = frozenset(range(7))
        elif days_s == "weekdays":
            days = frozenset(range(5))
        elif days_s == "weekends":
            days = frozenset({5, 6})
        else:
            days = frozenset(_DAYS[d.strip()] for d in days_s.split(","))
        return cls(days, int(m.group(2)), int(m.group(3)))

    def due_at(self, now: datetime) -> datetime | None:
        """Today's scheduled time if today is a scheduled day, else None."""
        if now.weekday() not in self.weekdays:
            return None
        return now.replace(hour=self.hour, minute=self.minute, second=0, microsecond=0)

    def last_slot(self, now: datetime) -> datetime | None:
        """The latest scheduled time at or before ``now`` (looking back up to a week), or None.

        A laptop that slept through several slots gets only the newest one: the scheduler runs a
        missed schedule once on wake, not once per missed slot."""
        for back in range(8):
            day = now - timedelta(days=back)
            at = self.due_at(day)
            if at is not None and at <= now:
                return at
        return None

    def next_slot(self, now: datetime) -> datetime:
        """The first scheduled time strictly after ``now`` (same clock as ``now``)."""
        for ahead in range(8):
            at = self.due_at(now + timedelta(days=ahead))
            if at is not None and at > now:
                return at
        raise AssertionError("a schedule has at least one weekday")  # pragma: no cover - parse() ensures it


class Loadout(BaseModel):
    """One agent's definition (see the module docstring for every field)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,29}$")
    role: str = Field(min_length=1, max_length=80)
    purpose: str = Field(min_length=1)
    kind: Literal["qualifier", "ghostbuster", "post_call", "briefing", "cfo", "follow_up", "custom"] = "custom"
    model: str = "default"
    tools: list[str] = Field(default_factory=list)
    autonomy: Literal["suggest", "auto"] = "suggest"
    daily_budget_usd: float = Field(default=0.0, ge=0.0, le=10_000.0)
    schedule: str | None = None
    handoff: str | None = Field(default=None, pattern=r"^[a-z0-9][a-z0-9_-]{0,29}$")
    prompts: dict[str, str] = Field(default_factory=dict)
    params: dict[str, Any] = Field(default_factory=dict)
    #: an e-mail sequence this agent runs for the contacts enrolled in it (None: none)
    sequence: SequenceSpec | None = None
    source: str = ""

    @field_validator("tools")
    @classmethod
    def _known_tools(cls, value: list[str]) -> list[str]:
        unknown = [t for t in value if t not in TOOL_NAMES]
        if unknown:
            raise ValueError(f"unknown tool(s) {', '.join(unknown)}; known: {', '.join(sorted(TOOL_NAMES))}")
        return value

    @field_validator("schedule")
    @classmethod
    def _schedule(cls, value: str | None) -> str | None:
        if value is not None:
            Schedule.parse(value)
        return value

    @field_validator("model")
    @classmethod
    def _model(cls, value: str) -> str:
        if not value.strip() or any(c.isspace() for c in value.strip()):
            raise ValueError("model must be 'offline', 'default' or a litellm model string like 'gpt-4o-mini'")
        return value.strip()

    @property
    def parsed_schedule(self) -> Schedule | None:
        """The schedule, parsed (None = only on demand)."""
        return Schedule.parse(self.schedule) if self.schedule else None

    def resolved_model(self, default: str | None) -> str | None:
        """The litellm model string to use, or None for offline-only (``default`` = Settings.llm_model)."""
        if self.model == "offline":
            return None
        if self.model == "default":
            return default or None
        return self.model


def load_file(path: Path) -> Loadout:
    """Read and validate one loadout file.

    Raises: LoadoutError naming ``path``'s file name and the offending field(s).
    """
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise LoadoutError(path.name, [("", f"cannot read: {exc.strerror}")]) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        raise LoadoutError(path.name, [("", f"not valid YAML{where}: {getattr(exc, 'problem', exc)}")]) from exc
    if not isinstance(data, dict):
        raise LoadoutError(path.name, [("", "expected a mapping of fields (name, role, purpose, ...)")])
    data.pop("source", None)
    try:
        return Loadout(**data, source=str(path))
    except ValidationError as exc:
        problems = [(".".join(str(p) for p in err["loc"]) or "", err["msg"].removeprefix("Value error, "))
                    for err in exc.errors()]
        raise LoadoutError(path.name, problems) from None


def builtin_dir() -> Path:
    """``resources/loadouts`` (checkout or PyInstaller bundle)."""
    return resources_dir() / "loadouts"


def load_all(data_dir: Path | None, *, builtin: Path | None = None) -> tuple[dict[str, Loadout], list[LoadoutError]]:
    """Built-in loadouts overlaid with the user's (``<data_dir>/loadouts/*.yaml``).

    Returns: ({name: Loadout} in file order, [errors of files that were skipped]). A broken user file
    never hides the built-in agents; a broken built-in file is reported like any other.
    """
    found: dict[str, Loadout] = {}
    errors: list[LoadoutError] = []
    folders = [builtin or builtin_dir()]
    if data_dir is not None:
        folders.append(Path(data_dir) / "loadouts")
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.y*ml")):
            try:
                lo = load_file(path)
            except LoadoutError as exc:
                errors.append(exc)
                continue
            found[lo.name] = lo
    return found, errors
