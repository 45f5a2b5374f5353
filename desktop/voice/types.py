"""Value types and errors of the voice layer: transcripts, segments, words, voice errors.

Times are seconds from the start of the audio the transcript describes; audio is mono float32 at
:data:`SAMPLE_RATE` Hz in the range [-1, 1].
"""

from __future__ import annotations

from pydantic import BaseModel, Field

#: Sample rate of every utterance and note, in Hz (what Whisper expects).
SAMPLE_RATE = 16_000


class Word(BaseModel):
    """One word with its timing (seconds from the start of the decoded audio)."""

    start: float
    end: float
    text: str


class Segment(BaseModel):
    """A stretch of the transcript: ``start``/``end`` in seconds, ``text`` as decoded."""

    start: float
    end: float
    text: str
    words: list[Word] | None = Field(default=None, exclude=True)


class Transcript(BaseModel):
    """The result of transcribing one utterance, note or file.

    Attributes:
        text: the whole text, stripped.
        segments: timed pieces (seconds from the start of the audio).
        language: language code (``"en"`` for ``*.en`` models).
        duration: length of the transcribed audio in seconds.
        decode_time: wall time in seconds spent producing this transcript (for an utterance: from
            key release to the final transcript).
    """

    text: str
    segments: list[Segment] = Field(default_factory=list)
    language: str = "en"
    duration: float = 0.0
    decode_time: float = 0.0


class VoiceError(Exception):
    """Base class of errors raised by :mod:`desktop.voice`; ``str(err)`` is a user-facing message."""


class ModelNotFound(VoiceError):
    """The speech model named by the ``SPECTRUM_MODEL`` setting / ``--model`` option does not exist."""


class AudioReadError(VoiceError):
    """An audio file could not be read (unreadable, unsupported format, or empty)."""


class DeviceError(VoiceError):
    """The input device is missing or failed."""


class NoteNotFound(VoiceError):
    """No voice note with that id."""
