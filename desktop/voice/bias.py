"""CRM-aware biasing for the speech model: hotwords and an initial prompt from workspace names.

Whisper conditions on at most ~224 prompt tokens (half its 448-token context), and faster-whisper
truncates ``hotwords`` and the previous-text prompt to that budget separately. Long workspaces are
therefore ranked and trimmed here, so what is cut is the least useful name, not a random tail.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

#: Character budgets (~4 characters per token for English names; well under 224 tokens each).
MAX_HOTWORD_CHARS = 600
MAX_PROMPT_CHARS = 500

#: Pipeline stage labels and CRM words that help the model spell instructions right.
DEFAULT_TERMS = ("deal", "pipeline", "stage", "follow up", "negotiation", "proposal", "demo")

_COMMON = {
    "corp", "inc", "ltd", "llc", "group", "labs", "health", "partners", "systems", "solutions",
    "works", "media", "ventures", "the", "and", "of", "co",
}


@dataclass(frozen=True, slots=True)
class Bias:
    """What to pass to faster-whisper: ``hotwords`` and ``initial_prompt`` (either may be None)."""

    hotwords: str | None
    initial_prompt: str | None


def _rank_key(name: str) -> tuple[int, int]:
    # Names made of uncommon words (Acme, Globex, Natarajan) are the ones the model gets wrong;
    # put them first, shorter before longer so more distinct names fit.
    words = re.findall(r"[A-Za-z][\w'-]*", name)
    rare = any(w.lower() not in _COMMON for w in words)
    return (0 if rare else 1, len(name))


def build_bias(
    names: Iterable[str],
    *,
    max_hotword_chars: int = MAX_HOTWORD_CHARS,
    max_prompt_chars: int = MAX_PROMPT_CHARS,
) -> Bias:
    """Build hotwords and an initial prompt from workspace vocabulary.

    Args:
        names: contact, company and deal names, stage labels, competitor names (any order;
            duplicates and blanks are ignored; case is kept).
        max_hotword_chars / max_prompt_chars: length limits in characters (Whisper's prompt is
            limited to ~224 tokens; the defaults stay well inside it).

    Returns:
        ``Bias(hotwords, initial_prompt)``; both None when there are no names. ``hotwords`` is a
        comma-separated list of the highest-ranked names; ``initial_prompt`` is a short sentence of
        the same kind a user would say ("CRM notes about Acme Corp, Mike Chen, ...") which Whisper
        follows for spelling.
    """
    seen: set[str] = set()
    unique: list[str] = []
    for raw in names:
        name = " ".join(str(raw).split())
        if not name or name.lower() in seen:
            continue
        seen.add(name.lower())
        unique.append(name)
    if not unique:
        return Bias(None, None)
    ranked = sorted(unique, key=_rank_key)  # stable: input order breaks ties

    def pack(items: list[str], limit: int, sep: str) -> str:
        out: list[str] = []
        size = 0
        for item in items:
            extra = len(item) + (len(sep) if out else 0)
            if size + extra > limit:
                continue
            out.append(item)
            size += extra
        return sep.join(out)

    hotwords = pack(ranked, max_hotword_chars, ", ") or None
    head = "CRM notes about "
    body = pack(ranked, max(0, max_prompt_chars - len(head) - 1), ", ")
    prompt = f"{head}{body}." if body else None
    return Bias(hotwords=hotwords, initial_prompt=prompt)
