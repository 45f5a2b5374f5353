"""Reading audio files for transcription (WAV/FLAC/OGG/MP3) into float32 mono 16 kHz.

soundfile (libsndfile; MP3 needs libsndfile >= 1.1) first; if it cannot read the file and
``ffmpeg`` is on PATH, ffmpeg decodes it; otherwise :class:`AudioReadError` says why.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import numpy as np

from desktop.voice.types import SAMPLE_RATE, AudioReadError


def _resample(audio: np.ndarray, rate: int) -> np.ndarray:
    if rate == SAMPLE_RATE or len(audio) == 0:
        return audio.astype(np.float32)
    n = int(round(len(audio) * SAMPLE_RATE / rate))
    x_old = np.arange(len(audio)) / rate
    x_new = np.arange(n) / SAMPLE_RATE
    return np.interp(x_new, x_old, audio).astype(np.float32)


def _ffmpeg(path: Path) -> np.ndarray:
    exe = shutil.which("ffmpeg")
    if exe is None:
        raise AudioReadError(f"{path}: format not supported by libsndfile and ffmpeg is not installed")
    proc = subprocess.run(
        [exe, "-nostdin", "-loglevel", "error", "-i", str(path), "-f", "f32le", "-ac", "1",
         "-ar", str(SAMPLE_RATE), "-"], capture_output=True, timeout=600, check=False)
    if proc.returncode != 0:
        reason = proc.stderr.decode(errors="replace").strip().splitlines()
        raise AudioReadError(f"{path}: cannot decode audio ({reason[-1] if reason else 'ffmpeg failed'})")
    return np.frombuffer(proc.stdout, dtype="<f4").astype(np.float32)


def read_audio(path: str | Path) -> np.ndarray:
    """Read an audio file as float32 mono samples at 16 kHz.

    Raises:
        AudioReadError: missing/unreadable file, unsupported format, or no samples (message names
            the file).
    """
    path = Path(path)
    if not path.is_file():
        raise AudioReadError(f"{path}: no such file")
    try:
        import soundfile as sf

        data, rate = sf.read(str(path), dtype="float32", always_2d=True)
        audio = _resample(data.mean(axis=1), int(rate))
    except Exception:  # noqa: BLE001 - libsndfile errors vary; fall back to ffmpeg
        audio = _ffmpeg(path)
    if len(audio) == 0:
        raise AudioReadError(f"{path}: the file holds no audio")
    return audio
