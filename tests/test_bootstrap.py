"""The composition root (desktop/bootstrap.py) builds each piece from Settings and hands it over:
the voice layer from voice.json, the sync runner's adapters from sync.json and the keyring's token
provider, the MCP service with the root's planner (issue 14)."""

from __future__ import annotations

import asyncio

import pytest

from desktop import bootstrap
from desktop.config import Settings


def test_build_voice_wires_the_parts_from_voice_json(tmp_path):
    from desktop.voice.fakes import FakeEngine, FakeInputStreamFactory
    from desktop.voice.settings import VoiceSettings

    VoiceSettings(mode="toggle", cues=True).save(tmp_path)
    engine = FakeEngine("hello")
    parts = bootstrap.build_voice(Settings(data_dir=tmp_path), engine=engine,
                                  stream_factory=FakeInputStreamFactory())
    try:
        assert parts.worker is not None and parts.worker.engine is engine
        assert parts.session is not None and parts.session.worker is parts.worker
        assert parts.session.settings.mode == "toggle" and parts.cues.enabled
        assert parts.notes.worker is parts.worker and parts.data_dir == tmp_path
        assert parts.session.capture.stall_timeout_s is None  # a fake microphone is fed on demand
        assert not parts.global_hotkey and parts.model_error == ""
    finally:
        parts.close()


def test_build_voice_without_a_model_keeps_notes_and_says_why(tmp_path):
    parts = bootstrap.build_voice(Settings(data_dir=tmp_path, model=str(tmp_path / "no-model")))
    try:
        assert parts.worker is None and parts.session is None
        assert "SPECTRUM_MODEL" in parts.model_error
        assert parts.notes.list_notes() == []
    finally:
        parts.close()


def test_speech_engine_names_the_setting_when_the_model_is_missing(tmp_path):
    from desktop.voice.types import ModelNotFound

    with pytest.raises(ModelNotFound, match="SPECTRUM_MODEL"):
        bootstrap.speech_engine(Settings(data_dir=tmp_path), str(tmp_path / "none"))


def test_sync_runner_gets_one_adapter_per_crm_on_the_shared_client(tmp_path):
    from desktop.sync.errors import SyncError
    from desktop.sync.hubspot import HubSpotAdapter
    from desktop.sync.pipedrive import PipedriveAdapter
    from desktop.sync.state import FileState

    settings = Settings(data_dir=tmp_path)

    async def build():
        async with bootstrap.crm_client() as client:
            with pytest.raises(SyncError, match="connect pipedrive --domain"):
                bootstrap.crm_adapter("pipedrive", client, settings, lambda: "t")
            bootstrap.sync_config(settings).save({"pipedrive_url": "https://acme.pipedrive.com"})
            hub, pipe = FileState(tmp_path / "h.json", source="hubspot"), FileState(tmp_path / "p.json")
            runner = bootstrap.sync_runner(settings, client, [("hubspot", hub, lambda: "t1"),
                                                              ("pipedrive", pipe, lambda: "t2")],
                                           push=False)
            return client, runner

    client, runner = asyncio.run(build())
    (h, hs), (p, ps) = runner.jobs
    assert isinstance(h, HubSpotAdapter) and isinstance(p, PipedriveAdapter)
    assert h.api.base_url == "https://api.hubapi.com" and p.api.base_url == "https://acme.pipedrive.com"
    assert h.api.client is client and p.api.client is client and client.is_closed
    assert (hs.source, runner.pull, runner.push) == ("hubspot", True, False)


def test_mcp_service_plans_with_the_roots_planner(tmp_path, workspace, monkeypatch):
    built = []
    real = bootstrap.build_planner
    monkeypatch.setattr(bootstrap, "build_planner", lambda ws, settings=None: built.append(ws) or real(ws, settings))
    svc = bootstrap.mcp_service(workspace, Settings(data_dir=tmp_path))
    assert svc.plan("Move Acme to Negotiation")["plan"]["actions"]
    assert built == [workspace]
