"""Transcribe a set of spoken instructions exactly as benchmarks/plan_e2e_audio.py (and so the app's
recorded-audio path) does: bundled tiny.en WhisperEngine (cpu_threads=2), beam ``FILE_BEAM_SIZE``,
biased with the fixture workspace vocabulary (hotwords + initial prompt), then ``Bias.correct``.

Writes one JSON line per case: {"id", "text", "wer", "decode_s", "audio_s"} (``text`` is the corrected
transcript; ``wer`` against the case text, normalised with plan_e2e_audio's ``norm``). Prints overall
WER (jiwer over all utterances) and mean real-time factor (decode time / audio duration) to stderr.
No planning or scoring is done.

    .venv/bin/python benchmarks/transcribe_set.py --cases FILE.jsonl --wav-dir DIR --out transcripts.jsonl
        [--beam N]   (default FILE_BEAM_SIZE)

``DIR`` holds ``<id>.wav`` for every case (16 kHz mono).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from plan_e2e_audio import FIXTURES, fixture_workspace, norm


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", type=Path, required=True, help="JSONL with id and text per line")
    ap.add_argument("--wav-dir", type=Path, required=True, help="directory of <id>.wav")
    ap.add_argument("--out", type=Path, required=True, help="output JSONL")
    ap.add_argument("--beam", type=int, default=None, help="beam size (default FILE_BEAM_SIZE)")
    args = ap.parse_args()
    import jiwer

    from desktop.voice.audio_io import read_audio
    from desktop.voice.bias import build_bias
    from desktop.voice.transcriber import FILE_BEAM_SIZE, WhisperEngine, resolve_model_path

    t_start = time.perf_counter()
    cases = [json.loads(line) for line in args.cases.read_text(encoding="utf-8").splitlines() if line.strip()]
    missing = [c["id"] for c in cases if not (args.wav_dir / f"{c['id']}.wav").is_file()]
    if missing:
        raise SystemExit(f"{len(missing)} WAVs missing in {args.wav_dir}, e.g. {missing[:3]}")

    ws, names = fixture_workspace(FIXTURES)
    ws.dispose()
    bias = build_bias(names)  # as the app: hotwords + prompt, then name correction
    beam = FILE_BEAM_SIZE if args.beam is None else args.beam
    engine = WhisperEngine(resolve_model_path(None), cpu_threads=2)
    t = time.perf_counter()
    engine.load()
    print(f"{len(cases)} cases; vocabulary {len(names)} names; beam {beam}; model loaded in "
          f"{time.perf_counter() - t:.1f} s", file=sys.stderr)

    refs, hyps = [], []
    dec = dur = 0.0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as f:
        for c in cases:
            audio = read_audio(args.wav_dir / f"{c['id']}.wav")
            tr = engine.transcribe(audio, prompt=bias.initial_prompt, hotwords=bias.hotwords, beam_size=beam)
            text = bias.correct(tr.text)
            ref, hyp = norm(c["text"]), norm(text)
            audio_s = len(audio) / 16_000
            dec += tr.decode_time
            dur += audio_s
            refs.append(ref)
            hyps.append(hyp)
            f.write(json.dumps({"id": c["id"], "text": text, "wer": round(jiwer.wer(ref, hyp or "-"), 4),
                                "decode_s": round(tr.decode_time, 3), "audio_s": round(audio_s, 3)}) + "\n")
            f.flush()
    wer = jiwer.wer(refs, [h or "-" for h in hyps])
    print(f"utterances {len(cases)}  WER {wer:.4f}  mean decode {dec / len(cases):.3f} s  "
          f"real-time factor {dec / dur:.4f}  audio {dur:.1f} s  wall {time.perf_counter() - t_start:.1f} s",
          file=sys.stderr)


if __name__ == "__main__":
    main()
