"""Release-to-final-transcript latency of push-to-talk, with streaming on and off.

Speech (espeak-ng) is spoken into the fake microphone at real-time pace while the key is held, so
background partial decoding really happens during the hold; the key is released after
``--tail`` seconds of trailing silence (people release a moment after the last word). Prints p50 /
p95 latency per utterance length, time to first partial, partial cadence, WER of the finals against
the spoken text, and peak RSS.

    .venv/bin/python benchmarks/voice_latency.py [--n 10] [--lengths 3 6 12] [--tail 0.3] [--modes on off]
        [--fast-commits] [--full-speculative] [--wer]
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

from voice_corpus import INSTRUCTIONS, SR, synth, workspace_names

from desktop.voice.bias import build_bias
from desktop.voice.fakes import FakeInputStreamFactory
from desktop.voice.session import VoiceListeners, VoiceSession
from desktop.voice.settings import VoiceSettings
from desktop.voice.transcriber import TranscriberWorker, WhisperEngine, resolve_model_path


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


def pressed_session(worker, streaming: bool, bias, listeners: VoiceListeners):
    """An armed session on a fake microphone, 0.5 s of silence in its pre-roll, key down.
    Returns (session, fake input stream)."""
    factory = FakeInputStreamFactory()
    session = VoiceSession(worker, VoiceSettings(streaming=streaming), listeners,
                           stream_factory=factory, stall_timeout_s=None, bias=bias)
    session.arm()
    mic = factory.last
    mic.feed_silence(0.5)
    session.capture.flush()
    session.press()
    return session, mic


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

    session, mic = pressed_session(worker, streaming, bias, VoiceListeners(
        on_partial=on_partial, on_final=on_final,
        on_hint=lambda h: (res.setdefault("hint", h), final.set())))
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


def run_paced(worker, audio, *, streaming: bool, bias, step_s: float = 0.1):
    """One utterance through the session, paced by the audio only: after every ``step_s`` of audio
    the capture thread and the worker catch up (as on an idle machine), so the final transcript does
    not depend on machine load. Returns the final Transcript (or None)."""
    from desktop.voice.transcriber import PRIORITY_BACKGROUND

    out: dict = {}
    done = threading.Event()
    session, mic = pressed_session(worker, streaming, bias, VoiceListeners(
        on_final=lambda tr: (out.setdefault("tr", tr), done.set()), on_hint=lambda h: done.set()))
    step = int(step_s * SR)
    for i in range(0, len(audio) + int(0.3 * SR), step):
        chunk = audio[i:i + step]
        mic.feed(chunk if len(chunk) else np.zeros(step, np.float32))
        session.capture.flush()
        if streaming:
            worker.submit(lambda _e: None, PRIORITY_BACKGROUND).result()
    session.release()
    done.wait(60)
    session.capture.close()
    return out.get("tr")


def wer_corpus(worker, bias, modes=(True, False), voices=("en-us", "en-gb+f3")) -> None:
    """WER (and name-word errors) of final transcripts on the voice_wer.py corpus, streaming on/off."""
    import jiwer
    from voice_corpus import name_words
    from voice_wer import name_errors
    from voice_wer import norm as wnorm

    items = [(t, synth(t, v)) for v in voices for t in INSTRUCTIONS]
    refs = [wnorm(t) for t, _ in items]
    for streaming in modes:
        t0 = time.perf_counter()
        hyps = []
        for _, audio in items:
            tr = run_paced(worker, audio, streaming=streaming, bias=bias)
            hyps.append(wnorm(tr.text) if tr else "")
        err, tot = name_errors(refs, hyps, name_words())
        print(f"corpus ({len(items)} utterances, {'+'.join(voices)}) streaming={'on ' if streaming else 'off'} "
              f"WER {jiwer.wer(refs, hyps):.3f}  name-word errors {err}/{tot} = {err / tot:.3f}  "
              f"({time.perf_counter() - t0:.0f} s; load average {os.getloadavg()[0]:.1f})", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10)
    ap.add_argument("--lengths", type=float, nargs="+", default=[3, 6, 12])
    ap.add_argument("--tail", type=float, default=0.3, help="silence before release, seconds")
    ap.add_argument("--no-bias", action="store_true")
    ap.add_argument("--modes", nargs="+", default=["on", "off"], help="streaming on/off")
    ap.add_argument("--wer", action="store_true",
                    help="only the WER of streaming vs non-streaming finals on the voice_wer.py corpus "
                         "(paced by the audio, not real time)")
    ap.add_argument("--fast-commits", action="store_true",
                    help="commit phrases with the short encoder context (session.COMMIT_SHORT_CONTEXT)")
    ap.add_argument("--full-speculative", action="store_true",
                    help="decode the speculative final at a pause with the full 30 s window "
                         "(session.SPECULATIVE_SHORT_CONTEXT = False)")
    args = ap.parse_args()
    import desktop.voice.session as session_module

    session_module.COMMIT_SHORT_CONTEXT = args.fast_commits
    session_module.SPECULATIVE_SHORT_CONTEXT = not args.full_speculative
    print(f"commits: {'short' if args.fast_commits else 'full'} context; speculative final at a pause: "
          f"{'full' if args.full_speculative else 'short'} context")
    import jiwer

    bias = None if args.no_bias else build_bias(workspace_names())
    t0 = time.perf_counter()
    worker = TranscriberWorker(WhisperEngine(resolve_model_path(None), cpu_threads=2)).start()
    worker.preload().result()
    print(f"model load: {time.perf_counter() - t0:.2f} s (tiny.en int8, 2 threads); "
          f"load average {os.getloadavg()}; tail silence before release {args.tail} s")
    if args.wer:
        wer_corpus(worker, bias, [m == "on" for m in args.modes])
        worker.stop()
        return
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
