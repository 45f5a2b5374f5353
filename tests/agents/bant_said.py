"""The one assertion the BANT+ phenomena tests share (imported by name; pytest puts this folder on
sys.path): a short note of our own and the field a user would see on the deal."""

from __future__ import annotations

from datetime import datetime

from desktop.agents.bant import extract

NOW = datetime(2026, 11, 21, 9, 0)  # a Saturday, as in the blind sets


def said(note: str, field: str, value) -> None:
    """The extraction of ``field`` from ``note`` is ``value`` (a number, a date, a vendor) or, for the
    worded fields, contains it; ``None`` means the field stays empty."""
    got = getattr(extract(note, NOW), field)
    if value is None or isinstance(value, (int, float)) or field in ("timeline", "competitor"):
        assert got == value, got
    else:
        assert value.lower() in (got or "").lower(), got
