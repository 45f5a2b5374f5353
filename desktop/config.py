"""Settings for Spectrum: where data lives, which database, which models.

Settings come from environment variables prefixed ``SPECTRUM_`` (pydantic-settings) and from the
command line; they are read once by the composition root (:mod:`desktop.bootstrap`) and passed down,
never read inside deep constructors. Secrets (API keys, CRM tokens) are *not* settings: they live in
the OS keyring (see :mod:`desktop.secrets`).
"""

from __future__ import annotations

from pathlib import Path

import platformdirs
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

APP_NAME = "Spectrum"
APP_AUTHOR = "Spectrum"


def default_data_dir() -> Path:
    """The per-user data folder (``platformdirs.user_data_dir``), e.g. ``~/.local/share/Spectrum``."""
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


class Settings(BaseSettings):
    """Process-wide settings.

    Attributes:
        data_dir: folder holding the SQLite workspace, voice notes and user loadouts
            (``SPECTRUM_DATA_DIR``; default: :func:`default_data_dir`).
        database_url: SQLAlchemy URL (``SPECTRUM_DATABASE_URL``); default SQLite file
            ``<data_dir>/workspace.db``. A ``postgresql+psycopg://`` URL selects PostgreSQL.
        model: speech model: a local CTranslate2 directory, or ``tiny.en`` (bundled) / ``base``
            when a local path for it is installed (``SPECTRUM_MODEL``).
        cpu_threads: CPU threads for the speech model (``SPECTRUM_CPU_THREADS``).
        llm_model: optional litellm model string, e.g. ``gpt-4o-mini`` or ``ollama/llama3``
            (``SPECTRUM_LLM_MODEL``); ``None`` means the offline planner only.
        llm_timeout_s: upper bound in seconds for one LLM call.
        log_level: level of the log file ``<data_dir>/logs/spectrum.log`` (``SPECTRUM_LOG_LEVEL``:
            ``DEBUG``, ``INFO``, ``WARNING``...; see :mod:`desktop.logs`).
        agents_scheduler: run agents on their schedules in the app's background process
            (``SPECTRUM_AGENTS_SCHEDULER``; default on; ``0`` leaves it to ``spectrum agents serve``).
        team: the workspace's users by full name, the owners a plan may assign ("give the Granite
            deal to Morgan"); deal owners seen in the data are added (``SPECTRUM_TEAM``, a JSON list).
    """

    model_config = SettingsConfigDict(env_prefix="SPECTRUM_", extra="ignore")

    data_dir: Path = Field(default_factory=default_data_dir)
    database_url: str | None = None
    model: str = "tiny.en"
    cpu_threads: int = 2
    llm_model: str | None = None
    llm_timeout_s: float = 8.0
    log_level: str = "INFO"
    agents_scheduler: bool = True
    team: list[str] = Field(default_factory=list)

    def approvals_signal_path(self) -> Path:
        """``<data_dir>/approvals.signal``: rewritten by other processes (``spectrum mcp``) after they
        queue a plan; the desktop app watches it and reloads the approvals queue (no database polling)."""
        return self.data_dir / "approvals.signal"

    def resolved_database_url(self) -> str:
        """The SQLAlchemy URL to use: ``database_url`` or the SQLite file under ``data_dir``."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'workspace.db').as_posix()}"
