"""Bias building, model resolution, hotkey availability, audio file reading, CLI edges (fast)."""

from __future__ import annotations

import argparse
import subprocess

import numpy as np
import pytest
from conftest import SR, tone

from desktop.voice.audio_io import read_audio
from desktop.voice.bias import build_bias
from desktop.voice.hotkey import GlobalHotkey, global_hotkey_support
from desktop.voice.settings import VoiceSettings
from desktop.voice.transcriber import resolve_model_path
from desktop.voice.types import AudioReadError, ModelNotFound


def test_bias_ranks_distinctive_words_and_respects_limits():
    names = ["Harbor Health", "Acme Corp", "Mike Chen", "acme corp", "", "Globex Logistics",
             "Acme Corp - Platform Rollout"] + [f"Company Number{i}" for i in range(300)]
    bias = build_bias(names, count_tokens=lambda w: 3 if w in ("Acme", "Globex") else 1)
    assert bias.hotwords.split(", ")[:2] == ["Acme", "Globex"]  # split by the tokenizer: first
    assert "Corp" not in bias.hotwords and "Health" not in bias.hotwords  # generic words dropped
    assert bias.initial_prompt.startswith("Acme Corp, Globex Logistics")
    assert "Platform Rollout" not in bias.initial_prompt  # Acme already covered by "Acme Corp"
    assert len(bias.hotwords) <= 450 and len(bias.initial_prompt) <= 300


def test_bias_uses_the_model_tokenizer():
    from desktop.voice.bias import tokenizer_counter

    count = tokenizer_counter(resolve_model_path(None))
    assert count("Natarajan") > count("Mike") == 1
    bias = build_bias(["Mike Chen", "Priya Natarajan"], count_tokens=count)
    assert "Natarajan" in bias.hotwords and "Mike" not in bias.hotwords


def test_bias_without_names_is_empty():
    assert build_bias([]) == build_bias(["  ", ""])
    assert build_bias([]).hotwords is None and build_bias([]).initial_prompt is None


def test_missing_model_names_the_setting(tmp_path):
    with pytest.raises(ModelNotFound, match="SPECTRUM_MODEL"):
        resolve_model_path(str(tmp_path / "nowhere"))
    with pytest.raises(ModelNotFound, match="--model"):
        resolve_model_path("large-v3")
    assert (resolve_model_path(None) / "model.bin").is_file()  # bundled tiny.en
    assert resolve_model_path("base", {"base": str(resolve_model_path(None))}) == resolve_model_path(None)


def test_voice_settings_persist_the_device_by_name(tmp_path):
    VoiceSettings(input_device="USB Microphone", mode="toggle").save(tmp_path)
    loaded = VoiceSettings.load(tmp_path)
    assert loaded.input_device == "USB Microphone" and loaded.mode == "toggle"
    from desktop.voice.capture import resolve_input_device
    from desktop.voice.types import DeviceError

    assert resolve_input_device("USB Microphone", ["Built-in", "USB Microphone (hw:2,0)"]) == 1
    with pytest.raises(DeviceError, match="USB Microphone"):
        resolve_input_device("USB Microphone", ["Built-in"])


def test_global_hotkey_reports_why_it_is_unavailable():
    ok, why = global_hotkey_support({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert not ok and "Wayland" in why
    ok, why = global_hotkey_support({}, "linux")
    assert not ok and "No X display" in why
    assert global_hotkey_support({"DISPLAY": ":0"}, "linux") == (True, "")


def test_global_hotkey_press_and_release_with_a_fake_listener():
    class FakeListener:
        def __init__(self, on_press, on_release):
            self.on_press, self.on_release = on_press, on_release

        def start(self):
            pass

        def stop(self):
            pass

    events = []
    hk = GlobalHotkey("<ctrl>+<f9>", lambda: events.append("down"), lambda: events.append("up"),
                      listener_factory=FakeListener, parse=lambda combo: {"ctrl", "f9"})
    assert hk.start() and hk.available
    lst = hk._listener
    lst.on_press("f9")
    assert events == []
    lst.on_press("ctrl")
    lst.on_press("f9")  # auto-repeat: no second press
    assert events == ["down"]
    lst.on_release("f9")
    assert events == ["down", "up"]


def test_read_audio_formats_and_errors(tmp_path):
    import soundfile as sf

    sf.write(tmp_path / "a.wav", tone(1.0), SR)
    subprocess.run(["sox", str(tmp_path / "a.wav"), "-r", "44100", str(tmp_path / "a.flac")], check=True)
    assert len(read_audio(tmp_path / "a.wav")) == SR
    assert abs(len(read_audio(tmp_path / "a.flac")) - SR) < 10
    (tmp_path / "empty.wav").write_bytes(b"")
    with pytest.raises(AudioReadError, match="empty.wav"):
        read_audio(tmp_path / "empty.wav")
    with pytest.raises(AudioReadError, match="missing.ogg"):
        read_audio(tmp_path / "missing.ogg")
    sf.write(tmp_path / "silent.wav", np.zeros(0, np.float32), SR)
    with pytest.raises(AudioReadError, match="silent.wav"):
        read_audio(tmp_path / "silent.wav")


def test_cli_transcribe_with_missing_model_exits_2_naming_the_setting(tmp_path, capsys):
    from desktop.cli.voice import register
    from desktop.config import Settings

    parser = argparse.ArgumentParser()
    register(parser.add_subparsers())
    args = parser.parse_args(["transcribe", "--model", str(tmp_path / "none"), "x.wav"])
    args.settings = Settings(data_dir=tmp_path)
    assert args.func(args) == 2
    assert "SPECTRUM_MODEL" in capsys.readouterr().err


def test_cli_notes_delete_needs_yes(tmp_path, capsys):
    from desktop.cli.voice import register
    from desktop.config import Settings
    from desktop.voice.notes import NotesService

    writer = NotesService(tmp_path, None).start_recording()
    writer.write(tone(0.5))
    parser = argparse.ArgumentParser()
    register(parser.add_subparsers())
    args = parser.parse_args(["notes", "delete", writer.id])
    args.settings = Settings(data_dir=tmp_path)
    assert args.func(args) == 2 and "--yes" in capsys.readouterr().err
    args = parser.parse_args(["notes", "list"])
    args.settings = Settings(data_dir=tmp_path)
    assert args.func(args) == 0 and writer.id in capsys.readouterr().out
    args = parser.parse_args(["notes", "delete", writer.id, "--yes"])
    args.settings = Settings(data_dir=tmp_path)
    assert args.func(args) == 0
    assert NotesService(tmp_path, None).list_notes() == []


def test_build_voice_services_wires_session_notes_and_bias(tmp_path):
    from desktop.config import Settings
    from desktop.voice.fakes import FakeEngine, FakeInputStreamFactory
    from desktop.voice.services import build_voice_services

    VoiceSettings(mode="toggle").save(tmp_path)
    svc = build_voice_services(Settings(data_dir=tmp_path), names=["Acme Corp"], engine=FakeEngine(),
                               stream_factory=FakeInputStreamFactory())
    try:
        assert svc.session.settings.mode == "toggle"
        assert "Acme" in svc.session.bias.hotwords and "Acme" in svc.notes.hotwords
        svc.set_vocabulary(["Globex Logistics"])
        assert "Globex" in svc.session.bias.hotwords and "Globex" in svc.notes.hotwords
        assert svc.notes.recover() == []
    finally:
        svc.close()
