"""``spectrum transcribe`` and ``spectrum notes``: command-line front ends of the voice layer.

The main CLI calls :func:`register` with its subparsers and later ``args.func(args)`` with
``args.settings`` set to a :class:`desktop.config.Settings`. The speech engine and the workspace
vocabulary come from the composition root (:mod:`desktop.bootstrap`).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from desktop import bootstrap
from desktop.voice.bias import Bias, build_bias
from desktop.voice.types import VoiceError

if TYPE_CHECKING:  # pragma: no cover
    from desktop.cli._common import SubParsers
    from desktop.config import Settings
    from desktop.voice.notes import NotesService
    from desktop.voice.transcriber import TranscriberWorker


def register(subparsers: SubParsers) -> None:
    """Add the ``transcribe`` and ``notes`` subcommands (each sets ``func=handler``)."""
    p = subparsers.add_parser("transcribe", help="transcribe audio files (WAV/FLAC/MP3/OGG) offline")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--json", action="store_true", help="one Transcript JSON object per line")
    p.add_argument("--model", default=None, help="local CTranslate2 model dir or size (SPECTRUM_MODEL)")
    p.add_argument("--no-bias", action="store_true",
                   help="do not bias towards (nor correct to) workspace names")
    p.set_defaults(func=transcribe_handler)

    n = subparsers.add_parser("notes", help="list, play, re-transcribe or delete voice notes")
    n.add_argument("action", choices=["list", "play", "retranscribe", "delete"])
    n.add_argument("id", nargs="?")
    n.add_argument("--yes", action="store_true", help="confirm deletion")
    n.add_argument("--model", default=None)
    n.set_defaults(func=notes_handler)


def _workspace_bias(settings: Settings) -> Bias:
    """Hotwords, prompt and correction lexicon from the workspace under ``settings`` (none if absent)."""
    try:
        return build_bias(bootstrap.workspace_vocabulary(settings))
    except Exception:  # noqa: BLE001 - an unreadable workspace: transcribe without names
        return Bias(None, None)


def _worker(settings: Settings, model: str | None) -> TranscriberWorker:
    """A started transcriber worker over the speech engine of ``settings`` (``model`` overrides
    ``settings.model``). Raises ModelNotFound."""
    return bootstrap.transcriber(settings, model)


def transcribe_handler(args: argparse.Namespace) -> int:
    """Transcribe each file; one line per file (text, or JSON with ``--json``).

    Returns 0 when every file was transcribed, 1 when some file failed (named on stderr), 2 when the
    model is missing.
    """
    from desktop.voice.audio_io import read_audio  # lazy: numpy / soundfile only for this command
    from desktop.voice.transcriber import FILE_BEAM_SIZE

    settings = args.settings
    try:
        worker = _worker(settings, args.model)
    except VoiceError as exc:
        print(f"spectrum transcribe: {exc}", file=sys.stderr)
        return 2
    bias = Bias(None, None) if getattr(args, "no_bias", False) else \
        _workspace_bias(settings)
    failed = 0
    try:
        for name in args.files:
            try:
                audio = read_audio(name)
                tr = worker.transcribe(audio, prompt=bias.initial_prompt, hotwords=bias.hotwords,
                                       vad_filter=True, beam_size=FILE_BEAM_SIZE).result()
                if bias.lexicon:
                    tr = tr.model_copy(update={
                        "text": bias.correct(tr.text),
                        "segments": [s.model_copy(update={"text": bias.correct(s.text)}) for s in tr.segments]})
            except VoiceError as exc:
                print(f"spectrum transcribe: {exc}", file=sys.stderr)
                failed += 1
                continue
            if args.json:
                print(json.dumps({"file": name, **tr.model_dump(mode="json")}), flush=True)
            else:
                print(tr.text, flush=True)
    finally:
        worker.stop()
    return 1 if failed else 0


def _unfinished(svc: NotesService) -> list[str]:
    """Ids of notes left ``recording``/``queued``/``transcribing`` that no live process owns."""
    from desktop.voice.notes import is_busy_elsewhere  # lazy: numpy only for the notes command

    return [n.id for n in svc.list_notes() if n.state in ("recording", "queued", "transcribing")
            and not is_busy_elsewhere(svc.root / n.id / "audio.pcm")]


def notes_handler(args: argparse.Namespace) -> int:
    """``notes list | play ID | retranscribe ID | delete ID --yes``; returns an exit code.

    ``list`` and ``retranscribe`` first finish the notes a crash left unfinished (recovered, then
    transcribed with the speech model; a line on stderr says how many). Without a model they are
    listed as ``queued`` and ``list`` still exits 0.
    """
    from desktop.voice.notes import NotesService, dump_note_json  # lazy: numpy only for this command
    from desktop.voice.types import NoteNotFound

    settings = args.settings
    svc = NotesService(settings.data_dir, None)
    pending = _unfinished(svc) if args.action in ("list", "retranscribe") else []
    needs_model = args.action == "retranscribe" or bool(pending)
    worker = None
    try:
        worker = _worker(settings, args.model) if needs_model else None
    except VoiceError as exc:
        if args.action == "retranscribe":
            print(f"spectrum notes: {exc}", file=sys.stderr)
            return 2
        print(f"spectrum notes: {len(pending)} unfinished note(s) wait for transcription: {exc}",
              file=sys.stderr)
    if worker is not None:
        bias = _workspace_bias(settings)
        svc = NotesService(settings.data_dir, worker, prompt=bias.initial_prompt, hotwords=bias.hotwords,
                           correct=bias.correct)
        if pending:
            print(f"spectrum notes: transcribing {len(pending)} note(s) left unfinished by a crash ...",
                  file=sys.stderr, flush=True)
            svc.recover()
            svc.wait_idle()
    try:
        if args.action == "list":
            for info in svc.list_notes():
                print(dump_note_json(info))
            return 0
        if not args.id:
            print(f"spectrum notes {args.action}: a note ID is required", file=sys.stderr)
            return 2
        if args.action == "play":
            svc.play(args.id)
        elif args.action == "retranscribe":
            svc.retranscribe(args.id)
            svc.wait_idle()
            print(dump_note_json(svc.get(args.id)))
        elif args.action == "delete":
            if not args.yes:
                print("spectrum notes delete: add --yes to confirm deleting the note", file=sys.stderr)
                return 2
            svc.delete(args.id, confirm=True)
        return 0
    except NoteNotFound as exc:
        print(f"spectrum notes: {exc}", file=sys.stderr)
        return 1
    finally:
        svc.close()
        if worker is not None:
            worker.stop()
