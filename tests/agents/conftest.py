"""Agents test fixtures: a fake clock at the fixture's reference date, a scripted LLM, and an
AgentService over the fixture workspace (loadouts from resources/ plus tmp_path/loadouts)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from desktop.agents.fakes import FakeClock, FakeLLM, no_sleep
from desktop.config import Settings

NOW = datetime(2026, 11, 21, 9, 0)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


@pytest.fixture
def fake_llm() -> FakeLLM:
    return FakeLLM()


@pytest.fixture
def data_dir(tmp_path) -> Path:
    d = tmp_path / "data"
    (d / "loadouts").mkdir(parents=True)
    return d


@pytest.fixture
def make_service(workspace, data_dir, clock, fake_llm):
    """make_service(llm_model=None, **loadout overrides) -> AgentService. ``llm_model`` becomes
    Settings.llm_model, so built-in loadouts (model: default) use the fake LLM."""
    from desktop.agents.service import AgentService

    def make(llm_model: str | None = None, llm=None, sleep=no_sleep):
        settings = Settings(data_dir=data_dir, llm_model=llm_model)
        return AgentService(workspace, settings, clock, llm or fake_llm, sleep=sleep)
    return make

