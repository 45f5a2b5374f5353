"""The log file: ``<data dir>/logs/spectrum.log``, rotating (1 MB x 3 backups), for the CLI and the app.

Errors that tell the user "see the log" point here. Nothing secret goes in: every record passes
:class:`Redact`, which masks bearer tokens, HubSpot private-app tokens (``pat-...``), OAuth
secrets and ``key=value`` pairs whose key names a secret. Note and transcript text is never logged
by Spectrum's own code (log calls carry ids and counts, not words); the filter does not try to
recognise speech, so that rule is kept by the callers.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

#: Largest log file before it rotates, in bytes; and how many rotated files are kept.
MAX_BYTES = 1_000_000
BACKUPS = 3

_SECRETS = (
    (re.compile(r"(?i)\b(bearer)\s+[A-Za-z0-9._~+/=-]{8,}"), r"\1 ***"),
    (re.compile(r"\bpat-[a-z0-9]{2,4}-[A-Za-z0-9-]{8,}"), "pat-***"),
    (re.compile(r"(?i)\b(access_token|refresh_token|client_secret|api_token|api_key|apikey|token|password|secret)"
                r"(\"?\s*[:=]\s*\"?)[^\s\"',&]+"), r"\1\2***"),
)


def redact(text: str) -> str:
    """``text`` with tokens and secrets masked (see the module docstring)."""
    for pattern, repl in _SECRETS:
        text = pattern.sub(repl, text)
    return text


class Redact(logging.Filter):
    """A logging filter that masks secrets in the formatted message and in exception text."""

    def filter(self, record: logging.LogRecord) -> bool:  # logging API name
        record.msg = redact(record.getMessage())
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


def log_path(data_dir: Path) -> Path:
    """Where the log file lives for ``data_dir``."""
    return Path(data_dir) / "logs" / "spectrum.log"


def _level(level: int | str) -> int:
    """A logging level from a level or its name, any case; ValueError when the name is unknown."""
    if isinstance(level, int):
        return level
    known = logging.getLevelNamesMapping()
    name = level.strip().upper()
    if name not in known:
        raise ValueError(f"unknown log level {level!r} (use one of {', '.join(sorted(known, key=known.__getitem__))})")
    return known[name]


def setup_logging(data_dir: Path, level: int | str = logging.INFO) -> Path | None:
    """Send Spectrum's log records (``desktop.*``, ``asyncio``, warnings) to the rotating log file.

    ``level``: a logging level or its name (``"DEBUG"``, ``"info"``: ``SPECTRUM_LOG_LEVEL``); an
    unknown name raises ValueError.

    Idempotent (a second call for the same file adds nothing). Returns the log path, or None when
    the folder cannot be written (the app then runs without a file log rather than failing).
    """
    level = _level(level)
    path = log_path(data_dir)
    root = logging.getLogger()
    for h in root.handlers:
        if isinstance(h, logging.handlers.RotatingFileHandler) and Path(h.baseFilename) == path.resolve():
            return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                                       encoding="utf-8", delay=True)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(Redact())
    handler.setLevel(level)
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.WARNING:
        root.setLevel(logging.WARNING)  # other libraries: warnings and errors only
    ours = logging.getLogger("desktop")
    if ours.level == logging.NOTSET or ours.level > level:
        ours.setLevel(level)
    logging.captureWarnings(True)
    return path
