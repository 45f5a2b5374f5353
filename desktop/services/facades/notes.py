"""The Notes panel's facade: voice notes as table rows, finding a deal or contact to attach a note
to, attaching it (a transcribed note is then logged on that record), playing a note and queueing it
for transcription again."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, TypedDict, cast

from desktop.services.change import Change
from desktop.services.facades.port import Done, PanelFacade

if TYPE_CHECKING:  # the voice layer (numpy) is loaded by the window's voice controller, not by this module
    from desktop.voice.notes import NoteInfo


class NoteRow(TypedDict):
    """One voice note, newest first: id, state (recording | queued | transcribing | done | failed),
    created ("YYYY-MM-DD HH:MM", UTC), duration_s (seconds, 0.1 s), attached (the record's name or
    ""), transcript text, error, activity (what was logged, or why not), plan (the follow-ups queued)
    and info (the note's manifest)."""

    id: str
    state: str
    created: str
    duration_s: float
    attached: str
    transcript: str
    error: str
    activity: str
    plan: str
    info: NoteInfo


#: A record a note can be attached to: (type "deal" | "contact", local id, display name).
RecordChoice = tuple[str, int, str]


class NotesPlayer(Protocol):
    """The voice layer's notes service as this facade uses it (:class:`desktop.voice.notes.NotesService`)."""

    def play(self, note_id: str) -> None: ...

    def retranscribe(self, note_id: str) -> None: ...


class NotesSource(Protocol):
    """The backend reads and writes the Notes facade uses (``notes_service``: set by the composition root)."""

    notes_service: Any

    def notes_rows(self) -> list[dict[str, Any]]: ...

    def record_choices(self, text: str) -> list[tuple[str, int, str]]: ...

    def attach_note(self, note_id: str, kind: str, local_id: int) -> Change: ...


class NotesFacade(PanelFacade[NotesSource]):
    """Queries (reader threads) and commands (the writer thread) of the Notes panel; every ``done``
    runs on the UI thread."""

    name = "notes"

    def rows(self, done: Done[list[NoteRow]]) -> None:
        """Every voice note, newest first."""
        self._port.read(lambda: cast(list[NoteRow], self._backend.notes_rows()), done=done)

    def record_choices(self, text: str, done: Done[list[RecordChoice]]) -> None:
        """Deals and contacts whose name contains ``text`` (at most 20)."""
        self._port.read(lambda: self._backend.record_choices(text), done=done)

    def attach(self, note_id: str, kind: str, local_id: int) -> None:
        """Attach note ``note_id`` to deal or contact ``local_id`` (a transcribed note not logged yet
        is then logged on it); the Change is broadcast."""
        self._port.write(lambda: self._backend.attach_note(note_id, kind, local_id))

    def play(self, note_id: str) -> None:
        """Play note ``note_id`` through the output device (on a reader thread; blocks it until done)."""
        player: NotesPlayer = self._backend.notes_service
        self._port.call(lambda: player.play(note_id))

    def retranscribe(self, note_id: str) -> None:
        """Queue note ``note_id`` for transcription again (on the writer thread)."""
        player: NotesPlayer = self._backend.notes_service
        self._port.call(lambda: player.retranscribe(note_id), write=True)
