"""What every ``spectrum`` command group shares: the error line, ``--now`` parsing and the type of
the sub-command table. No service is imported here (``spectrum --help`` stays fast)."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    SubParsers = argparse._SubParsersAction[argparse.ArgumentParser]


def err(msg: str) -> None:
    """One ``spectrum: <msg>`` line on stderr."""
    print(f"spectrum: {msg}", file=sys.stderr)


def _parse_iso(value: str) -> datetime:
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise SystemExit(f"spectrum: --now {value!r} is not an ISO 8601 date/time (e.g. 2026-11-21T09:00)") from None


def local_now(value: str | None) -> datetime:
    """``--now`` as naive local time (default: now, to the second); an offset is converted to local.

    Raises SystemExit with a sentence for a value that is not ISO 8601."""
    if not value:
        return datetime.now().replace(microsecond=0)
    dt = _parse_iso(value)
    return dt.replace(tzinfo=None) if dt.tzinfo is None else dt.astimezone().replace(tzinfo=None)


def utc_now(value: str | None) -> datetime | None:
    """``--now`` as naive UTC (the agents' clock), None when not given; a naive value is taken as is.

    Raises SystemExit with a sentence for a value that is not ISO 8601."""
    if not value:
        return None
    dt = _parse_iso(value)
    return dt.astimezone(UTC).replace(tzinfo=None) if dt.tzinfo is not None else dt
