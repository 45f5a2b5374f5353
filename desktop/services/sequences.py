"""Sequences as services (issue 15): the sequence of every agent's loadout, and enrolment by agent
name, for the CLI, the app's e-mail sender child and the voice plans. The engine is
:mod:`desktop.outreach.sequences`."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from desktop.agents.loadout import load_all
from desktop.domain.sequence import SequenceSpec
from desktop.outreach import sequences as engine
from desktop.store.db import Workspace


def specs(data_dir: Path | None) -> dict[str, SequenceSpec]:
    """``{agent name: its loadout's sequence}`` over the built-in and the user's loadouts (files
    that fail to load are skipped, as the agents runtime skips them)."""
    found, _errors = load_all(data_dir)
    return {name: lo.sequence for name, lo in found.items() if lo.sequence is not None}


def enroll(workspace: Workspace, data_dir: Path | None, agent: str, contact_id: int, *,
           now: datetime) -> tuple[int, bool]:
    """Enroll ``contact_id`` in agent ``agent``'s sequence. Returns ``(enrollment id, created)``.
    Raises LookupError when the agent has no sequence (or no loadout), RecordNotFound for an
    unknown contact."""
    spec = specs(data_dir).get(agent)
    if spec is None:
        raise LookupError(f"agent {agent!r} has no sequence: add a 'sequence:' block to its loadout")
    return engine.enroll(workspace, agent, spec, contact_id, now=now)


def tick(workspace: Workspace, data_dir: Path | None, now: datetime) -> Any:
    """Advance every due enrollment once with the loadouts as they are now (see
    :func:`desktop.outreach.sequences.tick`); returns its TickReport."""
    return engine.tick(workspace, specs(data_dir), now)
