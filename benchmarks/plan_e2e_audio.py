"""End-to-end planner accuracy from synthetic speech: espeak-ng audio -> tiny.en transcript -> Plan.

A fixed seeded sample of tests/planner/corpus.jsonl (spread over the corpus tags; off-topic,
SQL/markup and e-mail/phone items are skipped: they are not meaningful speech) is spoken with two
espeak-ng voices, resampled with sox to 16 kHz mono 16-bit, transcribed with the bundled tiny.en
model (WhisperEngine, cpu_threads=2, loaded once, beam size ``FILE_BEAM_SIZE`` as ``spectrum plan --audio``
unless ``--beam`` says otherwise (``--beam 1``: push-to-talk's greedy decode), biased with the fixture workspace vocabulary from
``desktop.store.queries.vocabulary`` and its names corrected with ``Bias.correct`` as in the app), planned with ``build_planner(ws).plan(transcript, now=CORPUS_NOW)``
and scored with :mod:`desktop.planner.evaluation` (the scoring of benchmarks/plan_accuracy.py, with
``heard=True``: dictated free text - activity body, task/meeting title, e-mail subject/body, next step -
compared with a character-edit tolerance, because the planner can only copy the words the recogniser
heard and transcript WER is reported separately; kinds, targets, amounts, dates, times and stages stay
exact. The same run scored verbatim is printed too).

Prints, per voice: accuracy by action kind and over all items, next to the text-only accuracy of
the same subset; transcript WER (jiwer, lower-cased, punctuation removed); mean decode time (s)
and real-time factor (decode time / audio duration); end-to-end accuracy by per-utterance WER
bucket (how the planner copes with near-miss transcripts vs. garbled ones). WAVs are cached under
``$TMPDIR/spectrum-bench-data/plan_e2e_audio`` so reruns only decode.

    .venv/bin/python benchmarks/plan_e2e_audio.py [--n 100] [--seed 11] [--failures] [--show]
        [--voices V ...] [--speed WPM] [--beam N]
        [--save-transcripts FILE] [--from-transcripts FILE]   (re-plan saved transcripts, no decoding)
        [--show-heldout]   (failures of the held-out items are hidden unless asked for)

A fixed ~30% of the sampled items (hash of the case id, :func:`held_out`) is held out: the planner is
tuned on the failures of the other items only, and accuracy is printed for both parts.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop.planner.evaluation import CORPUS_NOW, Score, context_target, load_corpus, score_case  # noqa: E402

FIXTURES = ROOT.parent / "shared" / "fixtures" / "workspace"
if not FIXTURES.exists():
    FIXTURES = ROOT / "resources" / "demo_workspace"
CACHE = Path(tempfile.gettempdir()) / "spectrum-bench-data" / "plan_e2e_audio"
VOICES = ("en-us+m3", "en-us+f3")
SPEED = 130
#: Corpus tags not spoken: off-topic/SQL/markup/control characters (not meaningful speech) and
#: "asr" (lines that already are transcripts of this benchmark's audio).
SKIP_TAGS = {"off_topic", "asr"}
#: Share of the sampled audio items kept out of tuning (their failures are never printed unless
#: ``--show-heldout``): an item is held out when ``sha1("heldout|" + id)`` mod 100 < HELDOUT_PCT.
HELDOUT_PCT = 30
#: Characters a speakable instruction may contain (no e-mail addresses, phone numbers or markup).
SPEAKABLE = re.compile(r"[A-Za-z0-9 ,.'?!:$%&/-]+")


def speakable(case: dict) -> bool:
    """True when ``case`` is an instruction a person would say (see :data:`SKIP_TAGS`)."""
    text = case["text"].strip()
    return (case.get("tag") not in SKIP_TAGS and len(text) >= 3 and SPEAKABLE.fullmatch(text) is not None
            and not re.search(r"\b(?:select|drop|insert|delete)\s+(?:\*|from|table|into)\b", text, re.I))


def held_out(case_id: str) -> bool:
    """True for the fixed, seed-independent held-out part of the audio items (see :data:`HELDOUT_PCT`)."""
    return int(hashlib.sha1(f"heldout|{case_id}".encode()).hexdigest(), 16) % 100 < HELDOUT_PCT


def sample(cases: list[dict], n: int, seed: int) -> list[dict]:
    """``n`` speakable cases, round-robin over tags (each tag's order shuffled with ``seed``), in
    corpus order."""
    rng = random.Random(seed)
    by_tag: dict[str, list[dict]] = defaultdict(list)
    for c in cases:
        if speakable(c):
            by_tag[c.get("tag", "")].append(c)
    for tag in sorted(by_tag):
        rng.shuffle(by_tag[tag])
    picked: list[dict] = []
    while len(picked) < n and any(by_tag.values()):
        for tag in sorted(by_tag):
            if by_tag[tag] and len(picked) < n:
                picked.append(by_tag[tag].pop())
    order = {c["id"]: i for i, c in enumerate(cases)}
    return sorted(picked, key=lambda c: order[c["id"]])


def synth(text: str, voice: str, speed: int = SPEED) -> Path:
    """espeak-ng (``-v voice -s speed``, words per minute) then sox to 16 kHz mono 16-bit; cached by
    voice+speed+text."""
    CACHE.mkdir(parents=True, exist_ok=True)
    key = hashlib.sha1(f"{voice}|{speed}|{text}".encode()).hexdigest()[:16]
    out = CACHE / f"{key}.wav"
    if not out.exists():
        raw = CACHE / f"{key}.raw.wav"
        subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "-w", str(raw), text], check=True)
        subprocess.run(["sox", str(raw), "-r", "16000", "-c", "1", "-b", "16", str(out)], check=True)
        raw.unlink()
    return out


def norm(text: str) -> str:
    """Lower case, punctuation removed (hyphens to spaces), for WER."""
    return " ".join(re.sub(r"[^\w'$% ]", " ", text.lower().replace("-", " ")).split())


def fixture_workspace(folder: Path):
    """A temp SQLite workspace with the fixture CSVs imported; returns (workspace, vocabulary)."""
    from desktop.bootstrap import open_workspace
    from desktop.config import Settings
    from desktop.store import queries
    from desktop.store.importer import import_paths

    data = Path(tempfile.mkdtemp(prefix="spectrum-e2e-"))
    ws = open_workspace(Settings(data_dir=data, database_url=f"sqlite:///{data / 'workspace.db'}"))
    import_paths(ws, [FIXTURES], now=CORPUS_NOW)
    with ws.uow() as uow:
        names = queries.vocabulary(uow.session)
    return ws, names


def score_all(planner, cases: list[dict], texts: dict[str, str], heard: bool = True) -> Score:
    """Plan ``texts[case id]`` for every case and score it like benchmarks/plan_accuracy.py
    (``heard``: dictated free text compared WER-tolerantly, see desktop.planner.evaluation)."""
    from desktop.planner.offline import PlanContext

    score = Score()
    for case in cases:
        ctx = PlanContext(target=context_target(case.get("context")))
        score_case(case, planner.plan(texts[case["id"]], now=CORPUS_NOW, context=ctx), score, heard=heard)
    return score


def side_by_side(text_score: Score, voice_scores: dict[str, Score]) -> str:
    """Accuracy by kind: text-only and each voice in columns."""
    kinds = sorted(set(text_score.total) | {k for s in voice_scores.values() for k in s.total})
    cols = ["text only", *voice_scores]
    lines = [f"{'category':<16}" + "".join(f"{c:>20}" for c in cols)]

    def cell(s: Score, k: str | None) -> str:
        ok = sum(s.correct.values()) if k is None else s.correct[k]
        tot = sum(s.total.values()) if k is None else s.total[k]
        return f"{ok:>4}/{tot:<4}{100 * ok / max(1, tot):>7.1f}%"

    for k in kinds:
        lines.append(f"{k:<16}" + "".join(f"{cell(s, k):>20}" for s in (text_score, *voice_scores.values())))
    lines.append(f"{'ALL (items)':<16}" + "".join(f"{cell(s, None):>20}" for s in (text_score, *voice_scores.values())))
    lines.append(f"{'cases exact':<16}" + "".join(
        f"{s.cases_ok:>4}/{s.cases:<4}{100 * s.cases_ok / max(1, s.cases):>7.1f}%" .rjust(20)
        for s in (text_score, *voice_scores.values())))
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100, help="instructions sampled (default 100)")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--voices", nargs="+", default=list(VOICES))
    ap.add_argument("--speed", type=int, default=SPEED, help=f"espeak-ng words per minute (default {SPEED})")
    ap.add_argument("--beam", type=int, default=None,
                    help="beam size (default FILE_BEAM_SIZE, as `spectrum plan --audio`; 1 = push-to-talk's greedy decode)")
    ap.add_argument("--failures", action="store_true", help="print end-to-end failures with transcripts")
    ap.add_argument("--show", action="store_true", help="print every transcript")
    ap.add_argument("--save-transcripts", type=Path)
    ap.add_argument("--from-transcripts", type=Path, help="re-plan transcripts saved earlier (no decoding)")
    ap.add_argument("--show-heldout", action="store_true",
                    help="also print failures of the held-out items (do not tune on them)")
    args = ap.parse_args()
    import jiwer

    from desktop.bootstrap import build_planner

    t_start = time.perf_counter()
    cases = sample(load_corpus(ROOT / "tests/planner/corpus.jsonl"), args.n, args.seed)
    tags = defaultdict(int)
    for c in cases:
        tags[c.get("tag", "")] += 1
    print(f"{len(cases)} instructions (seed {args.seed}) x {len(args.voices)} voices; tags: {dict(sorted(tags.items()))}")
    ws, names = fixture_workspace(FIXTURES)
    planner = build_planner(ws)
    print(f"workspace vocabulary: {len(names)} names; load average {os.getloadavg()[0]:.2f}")

    transcripts: dict[str, dict[str, str]] = {}
    timing: dict[str, tuple[float, float]] = {}
    if args.from_transcripts:
        transcripts = json.loads(args.from_transcripts.read_text())
    else:
        from desktop.voice.audio_io import read_audio
        from desktop.voice.bias import build_bias
        from desktop.voice.transcriber import FILE_BEAM_SIZE, WhisperEngine, resolve_model_path

        beam = FILE_BEAM_SIZE if args.beam is None else args.beam
        print(f"beam size {beam} ({'as spectrum plan --audio' if beam == FILE_BEAM_SIZE else 'greedy, as push-to-talk' if beam == 1 else 'custom'}); espeak-ng speed {args.speed} wpm")
        model = resolve_model_path(None)
        engine = WhisperEngine(model, cpu_threads=2)
        t = time.perf_counter()
        engine.load()
        print(f"model {Path(model).name} loaded in {time.perf_counter() - t:.1f} s")
        bias = build_bias(names)  # as the app: hotwords + prompt, then name correction
        t = time.perf_counter()
        wavs = {(v, c["id"]): synth(c["text"], v, args.speed) for v in args.voices for c in cases}
        print(f"audio ready in {time.perf_counter() - t:.1f} s (cache {CACHE})")
        for voice in args.voices:
            transcripts[voice] = {}
            dec = dur = 0.0
            for c in cases:
                audio = read_audio(wavs[(voice, c["id"])])
                tr = engine.transcribe(audio, prompt=bias.initial_prompt, hotwords=bias.hotwords, beam_size=beam)
                transcripts[voice][c["id"]] = bias.correct(tr.text)
                dec += tr.decode_time
                dur += len(audio) / 16_000
            timing[voice] = (dec / len(cases), dec / dur)
        if args.save_transcripts:
            args.save_transcripts.write_text(json.dumps(transcripts, indent=1))

    text_score = score_all(planner, cases, {c["id"]: c["text"] for c in cases}, heard=False)
    voice_scores = {v: score_all(planner, cases, transcripts[v]) for v in args.voices}
    refs = [norm(c["text"]) for c in cases]
    print("\n== accuracy by kind (items correct / items), text only vs end to end per voice")
    print(side_by_side(text_score, voice_scores))
    print("\n== transcripts")
    for v in args.voices:
        hyps = [norm(transcripts[v][c["id"]]) for c in cases]
        line = f"{v:<10} WER {jiwer.wer(refs, hyps):.3f}"
        if v in timing:
            line += f"  mean decode {timing[v][0]:.2f} s  real-time factor {timing[v][1]:.3f}"
        print(line)
    print("\n== end-to-end accuracy by transcript quality (per-utterance WER bucket): items ok/total, utterances")
    for v in args.voices:
        buckets: dict[str, list[dict]] = {"WER <= 0.10": [], "0.10 < WER <= 0.30": [], "WER > 0.30": []}
        for c in cases:
            w = jiwer.wer(norm(c["text"]), norm(transcripts[v][c["id"]]) or "-")
            buckets["WER <= 0.10" if w <= 0.10 else "0.10 < WER <= 0.30" if w <= 0.30 else "WER > 0.30"].append(c)
        cells = []
        for label, group in buckets.items():
            s = score_all(planner, group, transcripts[v])
            cells.append(f"{label}: {sum(s.correct.values())}/{sum(s.total.values())} "
                         f"({100 * s.accuracy():.0f}%, {len(group)} utt)")
        print(f"{v:<10} " + "; ".join(cells))
    parts = {"tuned": [c for c in cases if not held_out(c["id"])], "held-out": [c for c in cases if held_out(c["id"])]}
    for part, group in parts.items():
        print(f"\n== {part} part ({len(group)} items; held out: sha1('heldout|id') % 100 < {HELDOUT_PCT})")
        print(side_by_side(score_all(planner, group, {c["id"]: c["text"] for c in group}, heard=False),
                           {v: score_all(planner, group, transcripts[v]) for v in args.voices}))
    all_ok = sum(sum(s.correct.values()) for s in voice_scores.values())
    all_tot = sum(sum(s.total.values()) for s in voice_scores.values())
    print(f"\nEND-TO-END overall (both voices): {all_ok}/{all_tot} = {100 * all_ok / max(1, all_tot):.1f}% "
          f"(text only {100 * text_score.accuracy():.1f}%; target >= 85%)")
    strict = [score_all(planner, cases, transcripts[v], heard=False) for v in args.voices]
    s_ok, s_tot = sum(sum(s.correct.values()) for s in strict), sum(sum(s.total.values()) for s in strict)
    print(f"END-TO-END with dictated free text compared verbatim (strict): {s_ok}/{s_tot} = "
          f"{100 * s_ok / max(1, s_tot):.1f}%")
    if args.show or args.failures:
        by_id = {c["id"]: c for c in cases}
        for v, s in voice_scores.items():
            failed = {cid for cid, _, _ in s.failures}
            for cid, _text, why in ([(c["id"], c["text"], "") for c in cases] if args.show else s.failures):
                if held_out(cid) and not args.show_heldout:
                    continue
                if args.show and cid in failed:
                    why = "; ".join(w for i, _, w in s.failures if i == cid)
                mark = "FAIL" if cid in failed else "ok  "
                print(f"  {mark} [{v}] {cid} {by_id[cid]['text']!r}\n        heard {transcripts[v][cid]!r} {why}")
    ws.dispose()
    print(f"\ntotal wall time {time.perf_counter() - t_start:.0f} s")


if __name__ == "__main__":
    main()
