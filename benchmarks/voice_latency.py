"""Release-to-final-transcript latency of push-to-talk, with streaming on and off.

Speech (espeak-ng) is spoken into the fake microphone at real-time pace while the key is held, so
background partial decoding really happens during the hold; the key is released after
``--tail`` seconds of trailing silence (people release a moment after the last word). Prints p50 /
p95 latency per utterance length, time to first partial, partial cadence, WER of the finals against
the spoken text, and peak RSS.

    .venv/bin/python benchmarks/voice_latency.py [--n 10] [--lengths 3 6 12] [--tail 0.3] [--modes on off]
        [--fast-commits]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import threading
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from voice_corpus import INSTRUCTIONS, SR, synth, workspace_names  # noqa: E402

from desktop.voice.bias import build_bias  # noqa: E402
from desktop.voice.fakes import FakeInputStreamFactory  # noqa: E402
from desktop.voice.session import VoiceListeners, VoiceSession  # noqa: E402
from desktop.voice.settings import VoiceSettings  # noqa: E402
from desktop.voice.transcriber import TranscriberWorker, WhisperEngine, resolve_model_path  # noqa: E402


def utterances(target_s: float, n: int, voices=("en-us", "en-gb")) -> list[tuple[str, np.ndarray]]:
    """n utterances of about target_s seconds, made of consecutive instructions."""
    out, i = [], 0
    while len(out) < n:
        voice = voices[len(out) % len(voices)]
        parts: list[str] = []
        while True:
            parts.append(INSTRUCTIONS[i % len(INSTRUCTIONS)])
            i += 1
            text = ". ".join(parts)
            audio = synth(text, voice)
            if len(audio) / SR >= target_s * 0.85:
                break
        if len(audio) / SR <= target_s * 1.35:
            out.append((text, audio))
    return out


def pct(xs: list[float], q: float) -> float:
    return float(np.percentile(np.array(xs), q))


def norm(t: str) -> str:
    import re

    return " ".join(re.sub(r"[^\w' ]", " ", t.lower()).split())


def run(worker, audio, *, streaming: bool, tail: float, bias) -> dict:
    final = threading.Event()
    res: dict = {"partials": []}
    t_press = [0.0]

    def on_partial(text):
        res["partials"].append(time.perf_counter() - t_press[0])

    def on_final(tr):
        res["t_final"] = time.perf_counter()
        res["tr"] = tr
        final.set()

    factory = FakeInputStreamFactory()
    session = VoiceSession(worker, VoiceSettings(streaming=streaming),
                           VoiceListeners(on_partial=on_partial, on_final=on_final,
                                          on_hint=lambda h: (res.setdefault("hint", h), final.set())),
                           stream_factory=factory, stall_timeout_s=None, bias=bias)
    session.arm()
    mic = factory.last
    mic.feed_silence(0.5)
    session.capture.flush()
    session.press()
    t_press[0] = time.perf_counter()
    if streaming:
        mic.feed(audio, realtime=True)
        mic.feed_silence(tail, realtime=True)
    else:  # nothing happens during the hold: feed fast, in chunks the 4 s capture queue can hold
        for i in range(0, len(audio), 2 * SR):
            mic.feed(audio[i:i + 2 * SR])
            session.capture.flush()
        mic.feed_silence(tail)
        session.capture.flush()
    t_release = time.perf_counter()
    session.release()
    final.wait(60)
    session.capture.close()
    st = session.last_stream
    res["waited"] = st.final_started_after_s if st else float("nan")
    res["decoded"] = bool(st.final_decoded) if st else True
    res["latency"] = res.get("t_final", float("nan")) - t_release
    return res


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10)
    ap.add_argument("--lengths", type=float, nargs="+", default=[3, 6, 12])
    ap.add_argument("--tail", type=float, default=0.3, help="silence before release, seconds")
    ap.add_argument("--no-bias", action="store_true")
    ap.add_argument("--modes", nargs="+", default=["on", "off"], help="streaming on/off")
    ap.add_argument("--fast-commits", action="store_true",
                    help="commit phrases with the short encoder context (session.COMMIT_SHORT_CONTEXT)")
    args = ap.parse_args()
    if args.fast_commits:
        import desktop.voice.session as session_module

        session_module.COMMIT_SHORT_CONTEXT = True
    import jiwer

    bias = None if args.no_bias else build_bias(workspace_names())
    t0 = time.perf_counter()
    worker = TranscriberWorker(WhisperEngine(resolve_model_path(None), cpu_threads=2)).start()
    worker.preload().result()
    print(f"model load: {time.perf_counter() - t0:.2f} s (tiny.en int8, 2 threads); "
          f"load average {os.getloadavg()}; tail silence before release {args.tail} s")
    worker.transcribe(synth(INSTRUCTIONS[1]), beam_size=1).result()  # warm-up
    cal = synth(INSTRUCTIONS[0])
    tc = min(worker.transcribe(cal, beam_size=1, temperature_fallback=False).result().decode_time
             for _ in range(3))
    print(f"calibration: one greedy decode of an {len(cal) / SR:.1f} s utterance takes {tc:.3f} s now "
          f"(0.66-0.74 s measured on this machine when idle)")
    for length in args.lengths:
        utts = utterances(length, args.n)
        durs = [len(a) / SR for _, a in utts]
        for streaming in [m == "on" for m in args.modes]:
            lat, first, gaps, refs, hyps, waited, decoded = [], [], [], [], [], [], 0
            for text, audio in utts:
                r = run(worker, audio, streaming=streaming, tail=args.tail, bias=bias)
                lat.append(r["latency"])
                waited.append(r["waited"])
                decoded += r["decoded"]
                refs.append(norm(text))
                hyps.append(norm(r["tr"].text) if "tr" in r else "")
                if r["partials"]:
                    first.append(r["partials"][0])
                    p = [0.0] + r["partials"]
                    gaps += [b - a for a, b in zip(p, p[1:])]
            wer = jiwer.wer(refs, hyps)
            line = (f"{length:>4.0f} s (mean {statistics.mean(durs):.1f} s, n={len(utts)}) "
                    f"streaming={'on ' if streaming else 'off'}  release->final p50 {pct(lat, 50):.3f} s  "
                    f"p95 {pct(lat, 95):.3f} s  max {max(lat):.3f} s  WER {wer:.3f}")
            if streaming and first:
                line += (f"  first partial p50 {pct(first, 50):.2f} s  partial gap p50 {pct(gaps, 50):.2f} s "
                         f"p95 {pct(gaps, 95):.2f} s")
            line += (f"\n        of which waiting for in-flight decodes p50 {pct(waited, 50):.3f} s; "
                     f"finals that still had audio to decode: {decoded}/{len(utts)}")
            print(line, flush=True)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {rss:.0f} MB (model loaded, benchmark process); load average {os.getloadavg()}")
    worker.stop()


if __name__ == "__main__":
    main()
