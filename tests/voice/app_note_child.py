"""Child process for the app crash test: starts the desktop app through its own start-up path
(:func:`desktop.bootstrap.run_app`: log file, workspace, window, then the voice layer, which recovers
unfinished notes in the background) with a fake microphone and a fake speech engine, presses the
Notes panel's Record button, and speaks a WAV into the microphone in real time until it is killed.

Prints ``started`` once the window is up, ``note ID`` when the note records, ``fed N`` after each
20 ms block (N samples delivered to the microphone since the note started) and ``all fed`` at the end.

Usage: python app_note_child.py DATA_DIR WAV
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import soundfile as sf


def main() -> None:
    data_dir, wav = Path(sys.argv[1]), sys.argv[2]
    audio, _ = sf.read(wav, dtype="float32")
    from PySide6.QtCore import QSettings

    from desktop.bootstrap import run_app
    from desktop.config import Settings
    from desktop.services.backend import Backend
    from desktop.ui.main_window import PANELS
    from desktop.voice.fakes import FakeEngine, FakeInputStreamFactory

    qs = QSettings(str(data_dir / "ui.ini"), QSettings.Format.IniFormat)
    qs.setValue("ui/welcomed", True)
    factory = FakeInputStreamFactory()

    def speak(mic) -> None:
        block = mic.blocksize
        for i in range(0, len(audio), block):
            mic.feed(audio[i:i + block], realtime=True)
            print(f"fed {min(len(audio), i + block)}", flush=True)
        print("all fed", flush=True)

    def started(window) -> None:
        print("started", flush=True)
        pressed = []

        def record(state: str) -> None:
            if state != "ready" or pressed:
                return
            pressed.append(True)
            window.show_panel(PANELS.index("Notes"))
            window.notes.record.click()  # what the user presses (Ctrl+Shift+N)
            writer = window.voice._writer
            if writer is None:
                print("error: the note did not start", flush=True)
                return
            print(f"note {writer.id}", flush=True)
            threading.Thread(target=speak, args=(factory.last,), name="speaker", daemon=True).start()

        window.voice.mic_state.connect(record)
        record(window.voice.mic_status)

    sys.exit(run_app(Settings(data_dir=data_dir), Backend.open, qsettings=qs,
                     engine=FakeEngine("Mike wants the proposal by Friday"), stream_factory=factory,
                     on_started=started))


if __name__ == "__main__":
    main()
