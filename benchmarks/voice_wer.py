"""Word error rate of spoken CRM instructions, with and without CRM biasing and name correction.

44 instructions x 2 espeak-ng voices (en-us, en-gb+f3), decoded with the interactive settings
(tiny.en int8, greedy, Silero VAD). Prints, per voice and overall, the WER and the *name error
rate* (share of reference workspace-name words not recognised exactly) for:

* ``no bias``: plain decoding;
* ``bias``: hotwords + initial prompt from :func:`desktop.voice.bias.build_bias`;
* ``no bias + correction`` / ``bias + correction``: the same hypotheses after
  :meth:`desktop.voice.bias.Bias.correct` (post-correction against the workspace lexicon).

Correction thresholds were tuned on the *even-indexed* instructions only; figures are printed for
all instructions, the tuning half and the held-out (odd-indexed) half, so a leak would show as a
gap between the two halves.

Hypotheses are cached in /tmp/spectrum-voice-bench/hyps-*.json (keyed by model, bias and decode
options), so re-scoring after changing the correction needs no decoding; ``--fresh`` re-decodes.

    .venv/bin/python benchmarks/voice_wer.py [--voices en-us en-gb+f3] [--show] [--fresh]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from voice_corpus import CACHE, INSTRUCTIONS, name_words, synth, workspace_names

from desktop.voice.bias import Bias, build_bias, tokenizer_counter
from desktop.voice.transcriber import WhisperEngine, resolve_model_path


def norm(text: str) -> str:
    """Lower case, hyphens split, punctuation dropped (how references and hypotheses are compared)."""
    return " ".join(re.sub(r"[^\w' ]", " ", text.lower().replace("-", " ")).split())


def name_errors(refs: list[str], hyps: list[str], names: set[str]) -> tuple[int, int]:
    """(name words in the references not matched in the alignment, name words in the references)."""
    import jiwer

    out = jiwer.process_words(refs, hyps)
    errors = total = 0
    for ref, align in zip(out.references, out.alignments):
        for chunk in align:
            for i in range(chunk.ref_start_idx, chunk.ref_end_idx):
                if ref[i] in names:
                    total += 1
                    errors += chunk.type != "equal"
    return errors, total


def decode_all(engine: WhisperEngine, items: list, hot: str | None, prompt: str | None, beam: int,
               fresh: bool, tag: str) -> tuple[list[str], float]:
    """Raw hypotheses for ``items`` (cached by decode options); returns (texts, s/utterance)."""
    key = hashlib.sha1(json.dumps([str(engine.model_path), hot, prompt, beam,
                                   [(t, v) for t, v, _ in items]]).encode()).hexdigest()[:12]
    path = CACHE / f"hyps-{tag.replace(' ', '_')}-{key}.json"
    if path.exists() and not fresh:
        data = json.loads(path.read_text())
        return data["hyps"], data["s_per_utt"]
    hyps, t0 = [], time.perf_counter()
    for _text, _voice, audio in items:
        tr = engine.transcribe(audio, hotwords=hot, prompt=prompt, beam_size=beam,
                               vad_filter=True, temperature_fallback=False)
        hyps.append(tr.text)
    per = (time.perf_counter() - t0) / len(items)
    path.write_text(json.dumps({"hyps": hyps, "s_per_utt": per}))
    return hyps, per


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--voices", nargs="+", default=["en-us", "en-gb+f3"])
    ap.add_argument("--show", action="store_true", help="print each hypothesis (bias vs bias + correction)")
    ap.add_argument("--fresh", action="store_true", help="re-decode instead of using cached hypotheses")
    ap.add_argument("--beam", type=int, default=1)
    ap.add_argument("--hot-chars", type=int, default=None, help="hotword budget (default: bias.py's)")
    ap.add_argument("--prompt-chars", type=int, default=None, help="prompt budget (default: bias.py's)")
    ap.add_argument("--rank", choices=("tokens", "length"), default="tokens",
                    help="rank names for the budget by Whisper token count (the app's) or by length")
    args = ap.parse_args()
    import jiwer

    print(f"load average at start: {os.getloadavg()}")
    model = resolve_model_path(None)
    engine = WhisperEngine(model, cpu_threads=2)
    limits = {k: v for k, v in (("max_hotword_chars", args.hot_chars), ("max_prompt_chars", args.prompt_chars))
              if v is not None}
    lexicon = workspace_names()
    counter = tokenizer_counter(model) if args.rank == "tokens" else None
    bias = build_bias(lexicon, count_tokens=counter, **limits)
    print(f"hotwords ({len(bias.hotwords or '')} chars): {bias.hotwords}")
    print(f"initial prompt ({len(bias.initial_prompt or '')} chars): {bias.initial_prompt}")
    names = name_words()
    items = [(t, v, synth(t, v)) for v in args.voices for t in INSTRUCTIONS]
    half = ["tune" if INSTRUCTIONS.index(t) % 2 == 0 else "held-out" for t, _, _ in items]
    refs = [norm(t) for t, _, _ in items]
    print(f"{len(items)} utterances ({len(INSTRUCTIONS)} instructions x {len(args.voices)} voices); "
          f"tune = even-indexed instructions, held-out = odd")
    raw: dict[str, list[str]] = {}
    for label, hot, prompt in (("no bias", None, None), ("bias", bias.hotwords, bias.initial_prompt)):
        raw[label], per = decode_all(engine, items, hot, prompt, args.beam, args.fresh, label)
        print(f"decoded {label}: {per:.2f} s/utterance", flush=True)
    t0 = time.perf_counter()
    fixer = Bias(None, None, lexicon=tuple(lexicon))
    t1 = time.perf_counter()
    hyps = {
        "no bias": raw["no bias"],
        "no bias + correction": [fixer.correct(h) for h in raw["no bias"]],
        "bias (hotwords+prompt)": raw["bias"],
        "bias + correction": [fixer.correct(h) for h in raw["bias"]],
    }
    print(f"correction: lexicon of {len(lexicon)} names built in {1000 * (t1 - t0):.1f} ms, "
          f"{1000 * (time.perf_counter() - t1) / (2 * len(items)):.2f} ms per transcript")
    subsets = [("all", lambda i: True)]
    subsets += [(v, lambda i, v=v: items[i][1] == v) for v in args.voices]
    subsets += [(h, lambda i, h=h: half[i] == h) for h in ("tune", "held-out")]
    print(f"\n{'variant':>24} | " + " | ".join(f"{s:^23}" for s, _ in subsets))
    print(f"{'':>24} | " + " | ".join(f"{'WER':>7} {'names wrong':>15}" for _ in subsets))
    for label, hs in hyps.items():
        cells = []
        for _s, pick in subsets:
            idx = [i for i in range(len(items)) if pick(i)]
            r, h = [refs[i] for i in idx], [norm(hs[i]) for i in idx]
            err, tot = name_errors(r, h, names)
            cells.append(f"{jiwer.wer(r, h):7.3f} {err:3d}/{tot:3d} = {err / tot:.3f}")
        print(f"{label:>24} | " + " | ".join(cells))
    if args.show:
        for i, (text, voice, _) in enumerate(items):
            print(f"\n[{voice} {half[i]}] {text}\n   bias: {hyps['bias (hotwords+prompt)'][i]}\n"
                  f"   +fix: {hyps['bias + correction'][i]}\n   none: {hyps['no bias'][i]}\n"
                  f"   +fix: {hyps['no bias + correction'][i]}")
    print(f"\nload average at end: {os.getloadavg()}")


if __name__ == "__main__":
    main()
