"""Voice notes: disk format, states, list/play/delete, crash recovery after SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from conftest import SR, tone

from desktop.voice.fakes import FakeEngine
from desktop.voice.notes import NotesService
from desktop.voice.transcriber import TranscriberWorker
from desktop.voice.types import NoteNotFound

ROOT = Path(__file__).resolve().parents[2]
NOTE_TEXT = "Mike Chen wants a proposal by Friday"


@pytest.fixture
def note_worker():
    w = TranscriberWorker(FakeEngine(NOTE_TEXT)).start()
    yield w
    w.stop()


def test_recorded_note_is_queued_transcribed_and_attached(tmp_path, note_worker, make_session):
    changes = []
    svc = NotesService(tmp_path, note_worker, on_change=lambda info: changes.append(info.state))
    session, _rec, mic = make_session(note_worker)
    mic.feed_silence(0.5)
    writer = svc.start_recording(attach=("deal", 5001))
    session.start_note(writer)
    mic.feed(tone(3.0))
    session.stop_note()
    session.capture.flush()
    assert svc.wait_idle(10)
    svc.close()
    (info,) = svc.list_notes()
    assert info.state == "done"
    assert (info.attached_type, info.attached_id) == ("deal", 5001)
    assert info.transcript.text == NOTE_TEXT
    assert abs(info.duration - 3.5) < 0.03  # pre-roll + note
    assert changes[:3] == ["recording", "queued", "transcribing"] and changes[-1] == "done"
    assert not list((tmp_path / "notes" / info.id).glob("*.tmp"))


def test_resolver_attaches_a_note_named_in_the_text(tmp_path, note_worker, make_session):
    svc = NotesService(tmp_path, note_worker, resolver=lambda text: ("contact", 101) if "Mike" in text else None)
    session, _rec, mic = make_session(note_worker)
    session.start_note(svc.start_recording())
    mic.feed(tone(1.0))
    session.stop_note()
    session.capture.flush()
    assert svc.wait_idle(10)
    svc.close()
    (info,) = svc.list_notes()
    assert (info.attached_type, info.attached_id) == ("contact", 101)


def test_failed_transcription_is_visible_and_retranscribe_recovers(tmp_path, make_session):
    class Broken(FakeEngine):
        fail = True

        def transcribe(self, audio, **opts):
            if self.fail:
                raise RuntimeError("model exploded")
            return super().transcribe(audio, **opts)

    engine = Broken(NOTE_TEXT)
    worker = TranscriberWorker(engine).start()
    svc = NotesService(tmp_path, worker)
    try:
        session, _rec, mic = make_session(worker)
        writer = svc.start_recording()
        session.start_note(writer)
        mic.feed(tone(1.0))
        session.stop_note()
        session.capture.flush()
        assert svc.wait_idle(10)
        info = svc.get(writer.id)
        assert info.state == "failed" and "model exploded" in info.error
        engine.fail = False
        svc.retranscribe(writer.id)
        assert svc.wait_idle(10)
        assert svc.get(writer.id).state == "done"
    finally:
        svc.close()
        worker.stop()


def test_play_returns_the_recorded_audio_and_delete_needs_confirmation(tmp_path, note_worker, make_session):
    played = []
    svc = NotesService(tmp_path, note_worker, player=lambda audio, rate: played.append((audio, rate)))
    session, _rec, mic = make_session(note_worker, preroll_s=0.3)
    sound = tone(1.0, amp=0.4)
    mic.feed_silence(0.3)
    writer = svc.start_recording()
    session.start_note(writer)
    mic.feed(sound)
    session.stop_note()
    session.capture.flush()
    svc.wait_idle(10)
    svc.play(writer.id)
    audio, rate = played[0]
    assert rate == SR and np.allclose(audio[int(0.3 * SR):], sound, atol=1e-4)
    with pytest.raises(ValueError):
        svc.delete(writer.id)
    assert svc.list_notes()
    svc.delete(writer.id, confirm=True)
    assert svc.list_notes() == []
    with pytest.raises(NoteNotFound):
        svc.get(writer.id)
    svc.close()


def _record_and_kill(tmp_path: Path, wav: Path, kill_after_s: float) -> tuple[str, int, int]:
    """Run the child recorder, SIGKILL it mid-note; returns (note id, last synced, last fed) samples."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, str(Path(__file__).with_name("note_child.py")), str(tmp_path), str(wav)],
                            stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    note_id, synced, fed = "", 0, 0
    try:
        for line in proc.stdout:  # type: ignore[union-attr]
            kind, _, value = line.strip().partition(" ")
            if kind == "note":
                note_id = value
            elif kind == "synced":
                synced = int(value)
            elif kind == "fed":
                fed = int(value)
                if fed >= kill_after_s * SR:
                    os.kill(proc.pid, signal.SIGKILL)
                    break
            elif kind == "all":
                pytest.fail("the child finished feeding before it was killed")
    finally:
        proc.wait(10)
        for line in proc.stdout:  # type: ignore[union-attr]
            kind, _, value = line.strip().partition(" ")
            if kind == "fed":
                fed = max(fed, int(value))
            elif kind == "synced":
                synced = max(synced, int(value))
        proc.stdout.close()  # type: ignore[union-attr]
    assert proc.returncode == -signal.SIGKILL
    return note_id, synced, fed


def test_note_survives_sigkill_and_is_recovered_at_start(tmp_path, speech, note_worker):
    text = "Sarah Johnson called about the TechCorp renewal. She wants the proposal by Friday and a discount."
    audio = speech(text)
    wav = Path(speech.dir) / "long_note.wav"  # type: ignore[attr-defined]
    import soundfile as sf

    sf.write(wav, audio, SR)
    note_id, synced, fed = _record_and_kill(tmp_path, wav, kill_after_s=2.5)
    assert note_id and synced > 0
    svc = NotesService(tmp_path, note_worker)
    assert svc.get(note_id).state == "recording"  # what the crash left behind
    assert svc.recover() == [note_id]
    assert svc.wait_idle(10)
    svc.close()
    info = svc.get(note_id)
    assert info.state == "done" and info.recovered
    assert (info.attached_type, info.attached_id) == ("contact", 101)
    on_disk = len(svc.load_audio(note_id))
    assert on_disk >= synced
    assert fed - on_disk <= 1.0 * SR  # at most one second lost
    assert np.allclose(svc.load_audio(note_id)[:SR], audio[:SR], atol=1e-3)  # the audio, in order


def test_ten_kills_mid_note_are_all_recovered_when_the_app_starts(tmp_path, speech, qtbot):
    """Issue 19 #3/#9: kill the recorder 10 times at random points mid-note, then start the app's
    voice controller (its own start-up path): every note is finished, with its duration and its
    words, and at most 0.1 s of what was fed is lost beyond the last fsync."""
    import random

    import soundfile as sf

    from desktop.bootstrap import build_voice
    from desktop.config import Settings
    from desktop.ui.voice import VoiceController
    from desktop.voice.fakes import FakeInputStreamFactory

    audio = speech("Sarah Johnson called about the TechCorp renewal. She wants the proposal by Friday.")
    wav = Path(speech.dir) / "kill_note.wav"  # type: ignore[attr-defined]
    sf.write(wav, audio, SR)
    rng = random.Random(19)
    killed = [_record_and_kill(tmp_path, wav, kill_after_s=rng.uniform(0.4, 1.6)) for _ in range(10)]
    stuck = NotesService(tmp_path, None)
    assert [stuck.get(n).state for n, _, _ in killed] == ["recording"] * 10  # what the kills left behind

    voice = VoiceController(build_voice(Settings(data_dir=tmp_path),
                                        engine=FakeEngine("sarah johnson called about the renewal"),
                                        stream_factory=FakeInputStreamFactory()))
    hints = []
    voice.hint.connect(hints.append)
    voice.start()
    qtbot.waitUntil(lambda: all(stuck.get(n).state == "done" for n, _, _ in killed), timeout=60_000)
    for note_id, synced, fed in killed:
        info = stuck.get(note_id)
        on_disk = len(stuck.load_audio(note_id))
        assert info.recovered and info.duration == round(on_disk / SR, 3) and info.duration > 0
        assert info.transcript is not None and "renewal" in info.transcript.text
        assert on_disk >= synced and fed - on_disk <= 0.1 * SR  # <= 0.1 s lost
    qtbot.waitUntil(lambda: any("Recovered 10 voice note" in h for h in hints), timeout=5_000)
    voice.notes.close()
    voice.worker.stop()


def test_notes_list_repairs_notes_left_recording_without_a_model(tmp_path, speech):
    import soundfile as sf

    audio = speech("Sarah Johnson called about the TechCorp renewal. She wants the proposal by Friday.")
    wav = Path(speech.dir) / "kill_note.wav"  # type: ignore[attr-defined]
    sf.write(wav, audio, SR)
    note_id, _synced, _fed = _record_and_kill(tmp_path, wav, kill_after_s=0.8)
    proc = subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(tmp_path), "notes", "list",
                           "--model", str(tmp_path / "no-such-model")], capture_output=True, text=True,
                          timeout=120, cwd=ROOT)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr
    assert "recovered 1 voice note" in proc.stderr and "wait for transcription" in proc.stderr
    import json

    listed = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [(n["id"], n["state"], n["recovered"]) for n in listed] == [(note_id, "queued", True)]
    assert listed[0]["duration"] > 0.5
