"""Time from the end of a spoken "yes" to the change applied (issue 17), in the real main window.

The demo workspace, the real tiny.en model (int8, ``--threads`` CPU threads) and the fake microphone:
each round types an instruction (a deal stage move, alternating so every round changes the deal),
waits for the Plan card, then speaks "Yes." into the microphone with push-to-talk held and releases
the key the moment the speech ends (hold mode: the release ends the utterance). Measured from that
release to the window's ``applied`` signal (the plan committed: deal, audit entry and outbox rows in
one transaction), split into release -> transcript (``final``) and transcript -> applied (reply read,
plan applied on the writer thread). Speech: the Piper voice of the ``readback`` extra when installed,
else espeak-ng.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/reply_latency.py [--rounds 30] [--threads 2]

Prints one JSON object: rounds, p50/p95/max of the total and of both parts (seconds), the machine's
CPU count, the model and the speech engine.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "ui"))


def spin(ms: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait(pred, timeout_s: float = 120.0) -> None:
    end = time.perf_counter() + timeout_s
    while not pred():
        if time.perf_counter() > end:
            raise TimeoutError("timed out")
        spin(2)


def pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return round(s[min(len(s) - 1, max(0, int(round(q * (len(s) - 1)))))], 3)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=30)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args(argv)

    import numpy as np
    from PySide6.QtCore import QSettings
    from ui_helpers import spoken

    from desktop.bootstrap import DEMO_NOW, build_main_window
    from desktop.config import Settings
    from desktop.services.backend import Backend
    from desktop.ui.app import ensure_app
    from desktop.voice.fakes import FakeInputStreamFactory
    from desktop.voice.feedback import readback_available
    from desktop.voice.transcriber import WhisperEngine, resolve_model_path
    from desktop.voice.types import SAMPLE_RATE

    ensure_app()
    tmp = Path(tempfile.mkdtemp(prefix="reply-latency-"))
    settings = Settings(data_dir=tmp / "ws", cpu_threads=args.threads)
    factory = FakeInputStreamFactory()
    w = build_main_window(settings, open_backend=Backend.open, qsettings=QSettings(str(tmp / "ui.ini"),
                                                                                    QSettings.Format.IniFormat),
                          engine=WhisperEngine(resolve_model_path("tiny.en"), cpu_threads=args.threads),
                          stream_factory=factory, now=lambda: DEMO_NOW)
    w.show()
    w.start()
    wait(lambda: w.voice.model_status == "ready" and w.voice.mic_status == "ready")
    wait(lambda: bool(w.voice.session.bias.lexicon))
    yes = spoken("Yes.", tmp / "speech")[4800:-4800]  # no padding: the key is released as the speech ends
    marks: dict[str, float] = {}
    w.voice.final.connect(lambda _t: marks.setdefault("final", time.perf_counter()))
    w.applied.connect(lambda _c: marks.setdefault("applied", time.perf_counter()))
    w.plan_shown.connect(lambda _p: marks.setdefault("plan", time.perf_counter()))
    totals, decode, apply = [], [], []
    heard = []
    w.voice.final.connect(heard.append)
    queue = w.voice.session.capture._q
    for i in range(args.rounds + 1):  # round 0 warms up (first apply imports, first decode)
        marks.clear()
        w.submit("Move Acme to Negotiation" if i % 2 == 0 else "Move Acme to Qualified")
        wait(lambda: "plan" in marks and w.plan_card.isVisible())
        marks.clear()
        # the room between utterances: a real microphone hears silence before the press, so the
        # pre-roll holds no speech of the previous round (else "Yes." decodes as "Yes, yes.")
        factory.last.feed(np.zeros(SAMPLE_RATE, dtype=np.float32))
        wait(lambda: queue.qsize() == 0)
        w.voice.press()
        for k in range(0, len(yes), 16000):
            factory.last.feed(yes[k:k + 16000])
            wait(lambda: queue.qsize() == 0)
        t0 = time.perf_counter()
        w.voice.release()
        wait(lambda: "applied" in marks, 60)
        if i == 0:
            continue
        totals.append(marks["applied"] - t0)
        decode.append(marks["final"] - t0)
        apply.append(marks["applied"] - marks["final"])
    out = {"rounds": args.rounds, "cpu_count": os.cpu_count(), "threads": args.threads, "model": "tiny.en int8",
           "speech": "piper joe" if readback_available() else "espeak-ng", "heard": sorted(set(heard)),
           "yes_to_applied_s": {"p50": pct(totals, 0.5), "p95": pct(totals, 0.95), "max": round(max(totals), 3)},
           "release_to_transcript_s": {"p50": pct(decode, 0.5), "p95": pct(decode, 0.95)},
           "transcript_to_applied_s": {"p50": pct(apply, 0.5), "p95": pct(apply, 0.95)},
           "mean_s": round(statistics.mean(totals), 3)}
    print(json.dumps(out))
    w.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
