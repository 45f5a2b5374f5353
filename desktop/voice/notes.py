"""Voice notes: long dictation written to disk as it arrives, transcribed in the background.

Layout, one folder per note under ``<data_dir>/notes/<note_id>/``:

* ``audio.pcm`` - raw signed 16-bit little-endian mono PCM at 16 kHz, appended block by block as
  audio arrives (unbuffered: every block reaches the operating system at once, so a killed process
  loses only the blocks still in the capture queue, a few tens of ms) and ``fsync``'ed at least
  every 0.5 s of audio and every 0.5 s of wall time (a power loss loses at most ~1 s). While a note
  records or is transcribed, its owner holds an exclusive ``flock`` on ``audio.pcm`` (POSIX), so
  recovery in another process (the CLI while the app runs) never takes a live note for a dead one;
* ``manifest.json`` - :class:`NoteInfo` (state, attachment, transcript), written atomically
  (temp file + ``fsync`` + ``os.replace``).

States: ``recording`` -> ``queued`` -> ``transcribing`` -> ``done`` | ``failed`` (with ``error``).
A note found in ``recording``/``queued``/``transcribing`` state at start (the app died) is recovered
by :meth:`NotesService.recover`: its audio on disk is kept, its duration set from the file, and it is
transcribed. The app runs it on a background thread at every start and the CLI at every command
(:func:`recover_unfinished`). Works offline, no LLM.
"""

from __future__ import annotations

import json
import logging
import os
import queue
import shutil
import threading
import time
import traceback
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
#: A note folder with neither manifest nor audio older than this (seconds) is a start cut off by a crash.
STALE_FOLDER_S = 60.0
#: Notes are transcribed in chunks of at most this many seconds, cut at the quietest moment.
CHUNK_S = 28.0


class NoteWork(BaseModel):
    """What a transcribed note became in the CRM (:mod:`desktop.services.note_work`).

    Attributes: state (``logged`` - activity applied; ``needs_record`` - no record named and none in
    view: attach it to log it; ``failed`` - see ``error``); activity (sentence, e.g. "Logged a call on
    Acme Corp - Platform Rollout"), activity_type, audit_id of the applied plan; target
    (``"deal:5001"``) and its name; plan (the Post-call agent's proposed actions, one sentence each),
    approval_id (its pending approval) or plan_note (why there is none).
    """

    state: Literal["logged", "needs_record", "failed"] = "logged"
    activity: str | None = None
    activity_type: str | None = None
    audit_id: int | None = None
    target: str | None = None
    target_name: str | None = None
    plan: list[str] = []
    approval_id: int | None = None
    plan_note: str | None = None
    error: str | None = None


class NoteInfo(BaseModel):
    """A voice note's manifest.

    Attributes: id; state; created_at (ISO 8601 UTC); duration (seconds on disk); attached_type
    (``contact``/``deal``/``company``) and attached_id, from the view or the resolver; error (why it
    failed); transcript (when done); recovered (True if it was found unfinished at start);
    attached_by_user (the user chose the record: it wins over a record the note names);
    work (:class:`NoteWork`: the activity and plan it became, once processed).
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
    attached_by_user: bool = False
    work: NoteWork | None = None


def _try_lock(fileobj: Any) -> bool:
    """Take an exclusive, non-blocking ``flock`` on ``fileobj``; False when another open file
    (another process, or another writer) holds it. Always True where ``fcntl`` is missing."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: no cross-process guard
        return True
    try:
        fcntl.flock(fileobj.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def is_busy_elsewhere(audio_path: Path) -> bool:
    """True when a live process holds ``audio_path``'s lock: a :class:`NoteWriter` recording it or a
    :class:`NotesService` transcribing it (in any process, this one included)."""
    try:
        with open(audio_path, "rb") as f:
            return not _try_lock(f)  # closing the file releases a lock taken here
    except FileNotFoundError:
        return False


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
        # unbuffered: a block is in the OS page cache as soon as it is written, so SIGKILL loses
        # only what the capture queue still holds; fsync (below) covers power loss
        self._f = open(audio_path, "ab", buffering=0)  # noqa: SIM115 - closed in finish()
        _try_lock(self._f)  # held until finish(): recovery elsewhere skips a live note
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
        info.duration = _duration_on_disk(self.root / note_id / "audio.pcm")
        self._save(info)
        self._enqueue(note_id)

    # --- transcription -------------------------------------------------------------------------
    def recover(self, *, transcribe: bool = True, only_recording: bool = False) -> list[str]:
        """Recover every unfinished note (``recording``/``queued``/``transcribing``) left by a process
        that died, and queue it for transcription.

        A note cut off while recording is marked ``recovered``; each one gets ``state="queued"`` and
        ``duration`` (seconds of audio on disk, from the file size). A note another live process is
        still recording (its writer holds the file lock) is left alone. Leftover temp manifests are
        removed and a folder whose manifest is missing gets a new one when it holds audio (an empty
        one is removed: it never held anything).

        Args:
            transcribe: queue the notes on this service's transcription thread (needs a ``worker``;
                without one they stay ``queued`` for the next start that has a model).
            only_recording: recover only notes cut off while recording (leave ``queued`` and
                ``transcribing`` ones to the app or ``spectrum notes``, which transcribe them).
        Returns: the recovered notes' ids, oldest first.
        """
        if not self.root.is_dir():
            return []
        self._repair_folders()
        ids = []
        for info in self.list_notes():
            if info.state not in (("recording",) if only_recording else ("recording", "queued", "transcribing")):
                continue
            audio = self.root / info.id / "audio.pcm"
            if is_busy_elsewhere(audio):
                continue  # a live process is recording or transcribing it
            if info.state == "recording":
                info.recovered = True
            info.state = "queued"
            info.duration = _duration_on_disk(audio)
            self._save(info)
            if transcribe and self.worker is not None:
                self._enqueue(info.id)
            ids.append(info.id)
        return ids

    def _repair_folders(self) -> None:
        """Temp manifests of an interrupted write are removed; a folder without a manifest gets one
        (audio kept) or, when it holds no audio, is removed."""
        for d in sorted(self.root.iterdir()):
            if not d.is_dir():
                continue
            for tmp in d.glob("*.tmp"):
                tmp.unlink(missing_ok=True)
            if (d / "manifest.json").is_file():
                continue
            audio = d / "audio.pcm"
            if audio.is_file() and audio.stat().st_size > 0:
                stamp = d.name.split("-", 1)[0]
                try:
                    created = datetime.strptime(stamp, "%Y%m%dT%H%M%S").replace(tzinfo=UTC)
                except ValueError:
                    created = datetime.fromtimestamp(audio.stat().st_mtime, UTC)
                info = NoteInfo(id=d.name, state="recording", created_at=created.isoformat(timespec="seconds"))
                with self._lock:
                    _atomic_write(d / "manifest.json", info.model_dump_json(indent=2))
            elif time.time() - d.stat().st_mtime > STALE_FOLDER_S and not is_busy_elsewhere(audio):
                shutil.rmtree(d, ignore_errors=True)  # a start cut off before its manifest: no audio

    def update(self, note_id: str, **fields: Any) -> NoteInfo:
        """Set manifest fields of a note (atomically) and tell ``on_change``. Raises NoteNotFound."""
        info = self.get(note_id)
        for k, v in fields.items():
            setattr(info, k, v)
        self._save(info)
        return info

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
        try:
            owner = open(self._dir(note_id) / "audio.pcm", "rb")  # noqa: SIM115 - closed below
        except FileNotFoundError:
            raise NoteNotFound(f"No voice note {note_id!r}.") from None
        try:
            if not _try_lock(owner):
                return  # another process records or transcribes it: it finishes the note
            self._transcribe_locked(note_id, self.worker)
        finally:
            owner.close()

    def _transcribe_locked(self, note_id: str, worker: TranscriberWorker) -> None:
        info = self.get(note_id)
        info.state = "transcribing"
        self._save(info)
        try:
            audio = self.load_audio(note_id)
            segments: list[Segment] = []
            texts: list[str] = []
            t0 = time.perf_counter()
            for offset, chunk in _chunks(audio):
                tr: Transcript = worker.transcribe(
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
            # the log names the note and where it failed, never the message: it may quote the note
            log.error("note %s failed: %s\n%s", note_id, type(exc).__name__,
                      "".join(traceback.format_tb(exc.__traceback__)).rstrip())
            info = self.get(note_id)
            info.state, info.error = "failed", str(exc) or type(exc).__name__
        self._save(info)


def _duration_on_disk(audio_path: Path) -> float:
    """Seconds of 16 kHz 16-bit mono audio in ``audio_path`` (0.0 when missing), to the millisecond."""
    try:
        size = audio_path.stat().st_size
    except FileNotFoundError:
        return 0.0
    return round(size // 2 / SAMPLE_RATE, 3)


def recover_unfinished(data_dir: Path) -> list[NoteInfo]:
    """Mark the notes a dead process left ``recording`` under ``<data_dir>/notes`` as ``queued`` with
    their duration (see :meth:`NotesService.recover`), without transcribing them; creates nothing
    when there is no notes folder. Returns the recovered notes (the CLI says so on stderr; the app
    and ``spectrum notes`` transcribe them)."""
    root = Path(data_dir) / "notes"
    if not root.is_dir():
        return []
    svc = NotesService(data_dir, None)
    return [svc.get(i) for i in svc.recover(transcribe=False, only_recording=True)]


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
