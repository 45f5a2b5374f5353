"""Word error rate of spoken CRM instructions, with and without CRM biasing.

44 instructions x 2 espeak-ng voices (en-us, en-gb+f3), decoded with the interactive settings
(tiny.en int8, greedy, Silero VAD). Prints WER overall and restricted to workspace-name words
("name error rate": share of reference name words not recognised exactly), for: no bias, hotwords
only, initial prompt only, both.

    .venv/bin/python benchmarks/voice_wer.py [--voices en-us en-gb+f3] [--show]
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from voice_corpus import INSTRUCTIONS, name_words, synth, workspace_names  # noqa: E402

from desktop.voice.bias import build_bias, tokenizer_counter  # noqa: E402
from desktop.voice.transcriber import WhisperEngine, resolve_model_path  # noqa: E402


def norm(text: str) -> str:
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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--voices", nargs="+", default=["en-us", "en-gb+f3"])
    ap.add_argument("--show", action="store_true", help="print each hypothesis")
    ap.add_argument("--beam", type=int, default=1)
    ap.add_argument("--hot-chars", type=int, default=None, help="hotword budget (default: bias.py's)")
    ap.add_argument("--prompt-chars", type=int, default=None, help="prompt budget (default: bias.py's)")
    ap.add_argument("--variants", nargs="+", default=["no bias", "hotwords", "prompt", "hotwords+prompt"])
    args = ap.parse_args()
    import jiwer

    model = resolve_model_path(None)
    engine = WhisperEngine(model, cpu_threads=2)
    engine.load()
    limits = {k: v for k, v in (("max_hotword_chars", args.hot_chars), ("max_prompt_chars", args.prompt_chars))
              if v is not None}
    bias = build_bias(workspace_names(), count_tokens=tokenizer_counter(model), **limits)
    print(f"load average at start: {os.getloadavg()}")
    print(f"hotwords ({len(bias.hotwords or '')} chars): {bias.hotwords}")
    print(f"initial prompt ({len(bias.initial_prompt or '')} chars): {bias.initial_prompt}")
    names = name_words()
    items = [(t, v, synth(t, v)) for v in args.voices for t in INSTRUCTIONS]
    refs = [norm(t) for t, _, _ in items]
    variants = {
        "no bias": (None, None),
        "hotwords": (bias.hotwords, None),
        "prompt": (None, bias.initial_prompt),
        "hotwords+prompt": (bias.hotwords, bias.initial_prompt),
    }
    print(f"{len(items)} utterances ({len(INSTRUCTIONS)} instructions x {len(args.voices)} voices)")
    for label, (hot, prompt) in variants.items():
        if label not in args.variants:
            continue
        hyps, t0 = [], time.perf_counter()
        for text, voice, audio in items:
            tr = engine.transcribe(audio, hotwords=hot, prompt=prompt, beam_size=args.beam,
                                   vad_filter=True, temperature_fallback=False)
            hyps.append(norm(tr.text))
            if args.show:
                print(f"  [{label} {voice}] {tr.text}")
        err, tot = name_errors(refs, hyps, names)
        print(f"{label:>16}: WER {jiwer.wer(refs, hyps):.3f}  name-word errors {err}/{tot} = {err / tot:.3f}  "
              f"({(time.perf_counter() - t0) / len(items):.2f} s/utterance)", flush=True)
    print(f"load average at end: {os.getloadavg()}")


if __name__ == "__main__":
    main()
