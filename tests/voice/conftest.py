"""Voice test fixtures: espeak-ng speech (generated once per session), fake streams, engines."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pytest

from desktop.voice.fakes import FakeEngine, FakeInputStreamFactory
from desktop.voice.session import VoiceListeners, VoiceSession
from desktop.voice.settings import VoiceSettings
from desktop.voice.transcriber import TranscriberWorker

SR = 16_000


def make_speech(out_dir: Path, text: str, voice: str = "en-us") -> Path:
    """espeak-ng -> sox 16 kHz mono WAV, cached by (voice, text)."""
    key = hashlib.sha1(f"{voice}|{text}".encode()).hexdigest()[:12]
    out = out_dir / f"{key}.wav"
    if not out.exists():
        raw = out_dir / f"{key}.raw.wav"
        subprocess.run(["espeak-ng", "-v", voice, "-w", str(raw), text], check=True)
        subprocess.run(["sox", str(raw), "-r", "16000", "-c", "1", str(out)], check=True)
    return out


@pytest.fixture(scope="session")
def speech(tmp_path_factory) -> Callable[..., np.ndarray]:
    """``speech(text, voice="en-us") -> float32 16 kHz samples`` spoken by espeak-ng."""
    if not (shutil.which("espeak-ng") and shutil.which("sox")):
        pytest.skip("espeak-ng and sox are needed to synthesise test speech")
    d = tmp_path_factory.mktemp("speech")

    def _speech(text: str, voice: str = "en-us") -> np.ndarray:
        import soundfile as sf

        audio, rate = sf.read(str(make_speech(d, text, voice)), dtype="float32")
        assert rate == SR
        return audio

    _speech.dir = d  # type: ignore[attr-defined]
    return _speech


@pytest.fixture(scope="session")
def whisper_worker() -> Iterator[TranscriberWorker]:
    """The real tiny.en model, loaded once per session (slow tests only)."""
    from desktop.voice.transcriber import WhisperEngine, resolve_model_path

    worker = TranscriberWorker(WhisperEngine(resolve_model_path(None))).start()
    worker.preload().result()
    yield worker
    worker.stop()


def tone(seconds: float, freq: float = 440.0, amp: float = 0.3) -> np.ndarray:
    """A sine tone (loud enough to count as speech for the energy VAD)."""
    t = np.arange(int(seconds * SR)) / SR
    return (amp * np.sin(2 * np.pi * freq * t)).astype(np.float32)


class Recorder:
    """Collects every listener callback, with events to wait on (no sleeping)."""

    def __init__(self) -> None:
        self.levels: list[float] = []
        self.partials: list[str] = []
        self.finals: list = []
        self.hints: list[str] = []
        self.errors: list[str] = []
        self.order: list[str] = []
        self.got_final = threading.Event()
        self.got_hint = threading.Event()
        self.got_partial = threading.Event()
        self.got_error = threading.Event()

    def listeners(self) -> VoiceListeners:
        return VoiceListeners(
            on_level=self.levels.append,
            on_partial=lambda t: (self.partials.append(t), self.order.append("partial"), self.got_partial.set()),
            on_final=lambda tr: (self.finals.append(tr), self.order.append("final"), self.got_final.set()),
            on_hint=lambda h: (self.hints.append(h), self.got_hint.set()),
            on_error=lambda e: (self.errors.append(e), self.got_error.set()),
        )


@pytest.fixture
def fake_engine() -> FakeEngine:
    return FakeEngine("move the acme deal to negotiation")


@pytest.fixture
def fake_worker(fake_engine) -> Iterator[TranscriberWorker]:
    worker = TranscriberWorker(fake_engine).start()
    yield worker
    worker.stop()


@pytest.fixture
def make_session() -> Iterator[Callable[..., tuple[VoiceSession, Recorder, object]]]:
    """``make_session(worker, **voice_settings) -> (session, recorder, fake_stream)``, armed."""
    made: list[VoiceSession] = []

    def _make(worker: TranscriberWorker, **kw):
        rec = Recorder()
        factory = FakeInputStreamFactory()
        session = VoiceSession(worker, VoiceSettings(**kw), rec.listeners(), stream_factory=factory,
                               stall_timeout_s=None)
        session.arm()
        made.append(session)
        return session, rec, factory.last

    yield _make
    for s in made:
        s.capture.close()
