"""Child process for the crash test: records a voice note from a fake microphone, then waits to be
killed. Prints ``fed N`` after each block and ``synced N`` after each fsync (N in samples).

Usage: python note_child.py DATA_DIR WAV
"""

from __future__ import annotations

import sys
import threading

import soundfile as sf

from desktop.voice.fakes import FakeEngine, FakeInputStreamFactory
from desktop.voice.notes import NotesService
from desktop.voice.session import VoiceSession
from desktop.voice.settings import VoiceSettings
from desktop.voice.transcriber import TranscriberWorker


def main() -> None:
    data_dir, wav = sys.argv[1], sys.argv[2]
    audio, _ = sf.read(wav, dtype="float32")
    notes = NotesService(data_dir, None)
    factory = FakeInputStreamFactory()
    session = VoiceSession(TranscriberWorker(FakeEngine()), VoiceSettings(), stream_factory=factory,
                           stall_timeout_s=None)
    session.arm()
    mic = factory.last
    writer = notes.start_recording(attach=("contact", 101),
                                   on_synced=lambda n: print(f"synced {n}", flush=True))
    session.start_note(writer)
    session.capture.flush()
    print(f"note {writer.id}", flush=True)
    block = mic.blocksize
    for i in range(0, len(audio), block * 5):
        mic.feed(audio[i:i + block * 5], realtime=True)
        print(f"fed {min(len(audio), i + block * 5)}", flush=True)
    print("all fed", flush=True)
    threading.Event().wait()  # wait to be killed


if __name__ == "__main__":
    main()
