"""Voice notes: long dictation written to disk as it arrives, transcribed in the background.

Layout, one folder per note under ``<data_dir>/notes/<note_id>/``:

* ``audio.pcm`` - raw signed 16-bit little-endian mono PCM at 16 kHz, appended as audio arrives,
  flushed and ``fsync``'ed at least every 0.5 s of audio and every 0.5 s of wall time (a crash or
  power loss loses at most ~1 s);
* ``manifest.json`` - :class:`NoteInfo` (state, attachment, transcript), written atomically
  (temp file + ``fsync`` + ``os.replace``).

States: ``recording`` -> ``queued`` -> ``transcribing`` -> ``done`` | ``failed`` (with ``error``).
A note found in ``recording``/``queued``/``transcribing`` state at start (the app died) is recovered
by :meth:`NotesService.recover`: its audio on disk is kept and transcribed. Works offline, no LLM.
"""

from __future__ import annotations

import json
import logging
import os
import queue
import shutil
import threading
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

import numpy as np
from pydantic import BaseModel

from desktop.voice.transcriber import FILE_BEAM_SIZE, PRIORITY_BACKGROUND, TranscriberWorker
from desktop.voice.types import SAMPLE_RATE, NoteNotFound, Segment, Transcript

log = logging.getLogger(__name__)

NoteState = Literal["recording", "queued", "transcribing", "done", "failed"]
Resolver = Callable[[str], "tuple[str, int] | None"]
#: Sync the audio file at least this often, in seconds of audio and of wall time.
SYNC_EVERY_S = 0.5
#: Notes are transcribed in chunks of at most this many seconds, cut at the quietest moment.
CHUNK_S = 28.0


class NoteInfo(BaseModel):
    """A voice note's manifest.

    Attributes: id; state; created_at (ISO 8601 UTC); duration (seconds on disk); attached_type
    (``contact``/``deal``/``company``) and attached_id, from the view or the resolver; error (why it
    failed); transcript (when done); recovered (True if it was found unfinished at start).
    """

    id: str
    state: NoteState = "recording"
    created_at: str = ""
    duration: float = 0.0
    attached_type: str | None = None
    attached_id: int | None = None
    error: str | None = None
    transcript: Transcript | None = None
    recovered: bool = False


def _atomic_write(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


class NoteWriter:
    """Appends audio of one note to disk (called on the capture thread)."""

    def __init__(self, service: NotesService, info: NoteInfo, audio_path: Path,
                 on_synced: Callable[[int], None] | None = None) -> None:
        self.service = service
        self.info = info
        self._f = open(audio_path, "ab")  # noqa: SIM115 - closed in finish()
        self.samples = 0
        self.synced_samples = 0
        self._last_sync = time.monotonic()
        self._on_synced = on_synced
        self._finished = False

    @property
    def id(self) -> str:
        return self.info.id

    def write(self, block: np.ndarray) -> None:
        """Append float32 samples; fsync when 0.5 s of audio or of wall time is pending."""
        if self._finished or len(block) == 0:
            return
        pcm = (np.clip(block, -1.0, 1.0) * 32767.0).astype("<i2")
        self._f.write(pcm.tobytes())
        self.samples += len(pcm)
        now = time.monotonic()
        if self.samples - self.synced_samples >= SYNC_EVERY_S * SAMPLE_RATE or now - self._last_sync >= SYNC_EVERY_S:
            self.sync()

    def sync(self) -> None:
        """Flush and fsync the audio written so far."""
        self._f.flush()
        os.fsync(self._f.fileno())
        self.synced_samples = self.samples
        self._last_sync = time.monotonic()
        if self._on_synced:
            self._on_synced(self.synced_samples)

    def finish(self, error: str | None = None) -> None:
        """Close the file and queue the note for transcription (idempotent)."""
        if self._finished:
            return
        self._finished = True
        self.sync()
        self._f.close()
        self.service._finished_recording(self.info.id)


class NotesService:
    """Records, lists, plays, (re)transcribes and deletes voice notes.

    Args:
        data_dir: notes live under ``<data_dir>/notes``.
        worker: the transcriber worker (note chunks run at background priority, after utterances).
        resolver: optional ``resolver(text) -> (type, id) | None`` naming the contact/deal a note
            talks about, used when the note was not recorded with an attachment.
        prompt / hotwords: CRM bias for note transcription (see :func:`build_bias`).
        correct: ``correct(text) -> text`` applied to each transcribed chunk and segment, e.g.
            :meth:`desktop.voice.bias.Bias.correct` (workspace-name correction); None: unchanged.
        on_change: called with the new :class:`NoteInfo` whenever a note changes state (any thread).
        player: ``player(audio_float32, samplerate)`` used by :meth:`play` (default: sounddevice).
    """

    def __init__(self, data_dir: Path, worker: TranscriberWorker | None, *, resolver: Resolver | None = None,
                 prompt: str | None = None, hotwords: str | None = None,
                 correct: Callable[[str], str] | None = None,
                 on_change: Callable[[NoteInfo], None] | None = None,
                 player: Callable[[np.ndarray, int], None] | None = None) -> None:
        self.root = Path(data_dir) / "notes"
        self.root.mkdir(parents=True, exist_ok=True)
        self.worker = worker
        self.resolver = resolver
        self.prompt = prompt
        self.hotwords = hotwords
        self.correct = correct
        self.on_change = on_change or (lambda _info: None)
        self.player = player
        self._jobs: queue.Queue[str | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._idle = threading.Event()
        self._idle.set()

    # --- files ----------------------------------------------------------------------------------
    def _dir(self, note_id: str) -> Path:
        d = self.root / note_id
        if not (d / "manifest.json").is_file():
            raise NoteNotFound(f"No voice note {note_id!r}.")
        return d

    def get(self, note_id: str) -> NoteInfo:
        """The note's manifest. Raises :class:`NoteNotFound`."""
        info = NoteInfo.model_validate_json((self._dir(note_id) / "manifest.json").read_text("utf-8"))
        return info

    def _save(self, info: NoteInfo) -> None:
        with self._lock:
            _atomic_write(self.root / info.id / "manifest.json", info.model_dump_json(indent=2))
        self.on_change(info)

    def list_notes(self) -> list[NoteInfo]:
        """All notes, oldest first."""
        out = []
        for d in sorted(self.root.iterdir()):
            if (d / "manifest.json").is_file():
                try:
                    out.append(self.get(d.name))
                except (ValueError, NoteNotFound):
                    log.warning("unreadable note manifest in %s", d)
        return sorted(out, key=lambda n: n.created_at)

    def load_audio(self, note_id: str) -> np.ndarray:
        """The note's audio as float32 mono 16 kHz samples (a torn last sample is dropped)."""
        raw = (self._dir(note_id) / "audio.pcm").read_bytes()
        pcm = np.frombuffer(raw[: len(raw) // 2 * 2], dtype="<i2")
        return (pcm.astype(np.float32) / 32767.0)

    def play(self, note_id: str) -> None:
        """Play the note through the output device (or the injected ``player``); blocks until done."""
        audio = self.load_audio(note_id)
        if self.player is not None:
            self.player(audio, SAMPLE_RATE)
            return
        import sounddevice as sd

        sd.play(audio, SAMPLE_RATE)
        sd.wait()

    # --- recording -----------------------------------------------------------------------------
    def start_recording(self, attach: tuple[str, int] | None = None,
                        on_synced: Callable[[int], None] | None = None) -> NoteWriter:
        """Create a note in ``recording`` state; pass the writer to ``VoiceSession.start_note``.

        ``attach`` is the (type, id) of the contact/deal in view, if any.
        """
        note_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]
        (self.root / note_id).mkdir(parents=True)
        info = NoteInfo(id=note_id, created_at=datetime.now(UTC).isoformat(timespec="seconds"),
                        attached_type=attach[0] if attach else None, attached_id=attach[1] if attach else None)
        (self.root / note_id / "audio.pcm").touch()
        self._save(info)
        return NoteWriter(self, info, self.root / note_id / "audio.pcm", on_synced)

    def _finished_recording(self, note_id: str) -> None:
        info = self.get(note_id)
        info.state = "queued"
        info.duration = round(len(self.load_audio(note_id)) / SAMPLE_RATE, 3)
        self._save(info)
        self._enqueue(note_id)

    # --- transcription -------------------------------------------------------------------------
    def recover(self, *, transcribe: bool = True) -> list[str]:
        """Finish every note a crash or a kill left unfinished (recording/queued/transcribing): its
        duration is set from the audio on disk (seconds), a note cut off while recording is marked
        ``recovered``, and it is queued for transcription. Returns their ids.

        Called on every start (the app's voice start-up and the ``notes`` commands).
        ``transcribe=False`` (or no worker) only repairs the manifests: the notes stay ``queued``
        until a later start with a speech model transcribes them.
        """
        ids = []
        for info in self.list_notes():
            if info.state in ("recording", "queued", "transcribing"):
                if info.state == "recording":
                    info.recovered = True
                info.state = "queued"
                try:
                    info.duration = round(len(self.load_audio(info.id)) / SAMPLE_RATE, 3)
                except OSError:
                    info.duration = 0.0  # the audio file never got created: nothing was said
                self._save(info)
                if transcribe and self.worker is not None:
                    self._enqueue(info.id)
                ids.append(info.id)
        return ids

    def retranscribe(self, note_id: str) -> None:
        """Queue the note for transcription again (e.g. after a failure or with a better model)."""
        info = self.get(note_id)
        info.state, info.error = "queued", None
        self._save(info)
        self._enqueue(note_id)

    def delete(self, note_id: str, *, confirm: bool = False) -> None:
        """Delete the note's audio and manifest. Raises ValueError unless ``confirm=True``."""
        if not confirm:
            raise ValueError("Deleting a voice note needs an explicit confirmation (confirm=True).")
        shutil.rmtree(self._dir(note_id))

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Wait until no note is queued or transcribing; True if idle."""
        return self._idle.wait(timeout)

    def close(self) -> None:
        """Stop the notes thread after the current note."""
        if self._thread is not None:
            self._jobs.put(None)
            self._thread.join(30)
            self._thread = None

    def _enqueue(self, note_id: str) -> None:
        self._idle.clear()
        self._jobs.put(note_id)
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="voice-notes", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        while True:
            note_id = self._jobs.get()
            if note_id is None:
                return
            try:
                self._transcribe(note_id)
            except NoteNotFound:
                pass  # deleted while queued
            finally:
                if self._jobs.empty():
                    self._idle.set()

    def _transcribe(self, note_id: str) -> None:
        if self.worker is None:
            return
        info = self.get(note_id)
        info.state = "transcribing"
        self._save(info)
        try:
            audio = self.load_audio(note_id)
            segments: list[Segment] = []
            texts: list[str] = []
            t0 = time.perf_counter()
            for offset, chunk in _chunks(audio):
                tr: Transcript = self.worker.transcribe(
                    chunk, PRIORITY_BACKGROUND, prompt=self.prompt, hotwords=self.hotwords,
                    vad_filter=True, beam_size=FILE_BEAM_SIZE).result()
                base = offset / SAMPLE_RATE
                fix = self.correct or (lambda t: t)
                segments += [Segment(start=round(base + s.start, 3), end=round(base + s.end, 3),
                                     text=fix(s.text)) for s in tr.segments]
                texts.append(fix(tr.text))
            text = " ".join(t for t in texts if t).strip()
            info = self.get(note_id)
            info.transcript = Transcript(text=text, segments=segments, duration=len(audio) / SAMPLE_RATE,
                                         decode_time=time.perf_counter() - t0)
            if info.attached_id is None and self.resolver is not None and text:
                found = self.resolver(text)
                if found:
                    info.attached_type, info.attached_id = found
            info.state, info.error = "done", None
        except NoteNotFound:
            raise
        except Exception as exc:  # noqa: BLE001 - recorded as a visible failed state, never swallowed
            log.exception("note %s failed", note_id)
            info = self.get(note_id)
            info.state, info.error = "failed", str(exc) or type(exc).__name__
        self._save(info)


def _chunks(audio: np.ndarray) -> list[tuple[int, np.ndarray]]:
    """Split audio into <= CHUNK_S pieces, each cut at the quietest 20 ms frame of its last 8 s."""
    out = []
    start, n = 0, len(audio)
    limit = int(CHUNK_S * SAMPLE_RATE)
    frame = SAMPLE_RATE // 50
    while n - start > limit:
        lo, hi = start + limit - 8 * SAMPLE_RATE, start + limit
        window = audio[lo:hi][: (hi - lo) // frame * frame].reshape(-1, frame)
        cut = lo + int(np.argmin(np.square(window).mean(axis=1))) * frame + frame // 2
        out.append((start, audio[start:cut]))
        start = cut
    out.append((start, audio[start:]))
    return out


def dump_note_json(info: NoteInfo) -> str:
    """One-line JSON for the CLI."""
    return json.dumps(info.model_dump(mode="json"))
