"""CRM-aware biasing for the speech model: hotwords and an initial prompt from workspace names.

Whisper conditions on at most ~224 prompt tokens (half of its 448-token context) and the hotwords,
the prompt and (while streaming) the committed text share that budget with the text to decode. A
workspace easily has hundreds of names, so they are ranked and trimmed here:

* hotwords: the *distinctive words* of the names (``Acme``, ``Globex``, ``Natarajan``; not ``Corp``
  or ``Health``), longest first, at most :data:`MAX_HOTWORD_CHARS` characters (~110-140 tokens);
* initial prompt: a short list of the full names holding the top distinctive words (spelling such
  as "TechCorp"), at most :data:`MAX_PROMPT_CHARS` characters (~80 tokens).

The budgets come from ``benchmarks/voice_wer.py`` (88 espeak-ng CRM instructions, tiny.en): share of
name words wrong 0.744 without bias, 0.543 with 220/200 characters, 0.491 with 450/300 (a
"Call notes: ... People: ..." sentence prompt and a 220-character hotword budget were both worse).
Ranking by length beats ranking by Whisper token count (:func:`tokenizer_counter`, which drops
single-token first names such as "Mike"): names wrong with hotwords + prompt 0.474 vs 0.500, WER
0.381 vs 0.433, with correction 0.312 vs 0.338 (held-out half 0.367 vs 0.433), and decoding is
faster (1.5 vs 2.3 s per utterance) - ``voice_wer.py --rank length|tokens``, 2026-11-21.

After decoding, :meth:`Bias.correct` replaces near-miss names in the final transcript with their
workspace spelling ("acne corp" -> "Acme Corp", "Tech Corp" -> "TechCorp"; see
:mod:`desktop.voice.name_correction`). Same benchmark, two decodes (the second under load 10 on 2
cores, tiny.en decodes are not bit-identical run to run): names wrong 0.731 / 0.722 without bias,
0.496 / 0.500 with hotwords + prompt, 0.312 / 0.329 with hotwords + prompt + correction; WER
0.468 / 0.468, 0.419 / 0.433, 0.360 / 0.376.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from desktop.voice.name_correction import NameCorrector, correct_text

__all__ = ["Bias", "build_bias", "correct_text", "tokenizer_counter"]

MAX_HOTWORD_CHARS = 450
MAX_PROMPT_CHARS = 300

#: Words of names that carry no information for recognition (any case).
GENERIC_WORDS = frozenset("""
corp corporation inc ltd llc gmbh co company group labs lab health partners systems solutions works
media ventures studio the and of for a an - plan starter annual expansion pilot renewal platform
rollout support scaling data pipeline security add-on onboarding automation deal sales logistics
traders dental freight realty assistant analytics booking enrollment bot agent voice dispatch fleet
patient intake helpdesk response learning dynamics scheduled sent won lost
""".split())


@dataclass(frozen=True, slots=True)
class Bias:
    """What to pass to faster-whisper (``hotwords``, ``initial_prompt``; either may be None) and the
    workspace lexicon to correct the transcript against afterwards (:meth:`correct`).

    ``lexicon``: the names the bias was built from (all of them, not only those that fit the
    prompt budget); empty means no correction.
    """

    hotwords: str | None
    initial_prompt: str | None
    lexicon: tuple[str, ...] = ()
    _corrector: NameCorrector | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.lexicon:
            object.__setattr__(self, "_corrector", NameCorrector(self.lexicon))

    def correct(self, text: str) -> str:
        """Replace misrecognised workspace names in a final transcript ``text`` with their spelling.

        "acne corp" -> "Acme Corp", "Tech Corp" -> "TechCorp"; common words and text without a
        close name are unchanged; no lexicon -> ``text`` unchanged. Call it on final transcripts
        (not on text passed back to the model as prompt). See
        :class:`desktop.voice.name_correction.NameCorrector`. Pure and thread-safe; ~0.5 ms per
        sentence for a few hundred names (at most ~16 ms measured under heavy load).
        """
        return self._corrector.correct(text) if self._corrector else text


def tokenizer_counter(model_dir: str | Path) -> Callable[[str], int] | None:
    """``count(word) -> number of Whisper tokens`` from the model's ``tokenizer.json`` (None if absent)."""
    path = Path(model_dir) / "tokenizer.json"
    if not path.is_file():
        return None
    try:
        from tokenizers import Tokenizer

        tok = Tokenizer.from_file(str(path))
    except Exception:  # noqa: BLE001 - ranking falls back to word length
        return None
    return lambda word: len(tok.encode(" " + word, add_special_tokens=False).ids)


def _words(name: str) -> list[str]:
    return re.findall(r"[A-Za-z][\w'&.]*[\w]|[A-Za-z]", name)


def _pack(items: list[str], limit: int, sep: str) -> list[str]:
    out: list[str] = []
    size = 0
    for item in items:
        extra = len(item) + (len(sep) if out else 0)
        if size + extra <= limit:
            out.append(item)
            size += extra
    return out


def build_bias(
    names: Iterable[str],
    *,
    count_tokens: Callable[[str], int] | None = None,
    max_hotword_chars: int = MAX_HOTWORD_CHARS,
    max_prompt_chars: int = MAX_PROMPT_CHARS,
) -> Bias:
    """Build hotwords and an initial prompt from workspace vocabulary.

    Args:
        names: contact, company and deal names, stage labels, competitor names, most important
            first (order breaks ties); duplicates and blanks are ignored; case is kept.
        count_tokens: Whisper token count of a word (see :func:`tokenizer_counter`); words split
            into more tokens rank first and single-token words are dropped from the hotwords.
            Without it (the default everywhere in the app: it measured better, see above),
            longer words rank first.
        max_hotword_chars / max_prompt_chars: length limits in characters.

    Returns:
        ``Bias(hotwords, initial_prompt)``; both None when there are no usable names.
    """
    full: list[str] = []
    seen_names: set[str] = set()
    order: dict[str, int] = {}
    spelled: dict[str, str] = {}
    for raw in names:
        name = " ".join(str(raw).split())
        if not name or name.lower() in seen_names:
            continue
        seen_names.add(name.lower())
        full.append(name)
        for w in _words(name):
            key = w.lower()
            if key in GENERIC_WORDS or len(key) < 3:
                continue
            if key not in order:
                order[key] = len(order)
                spelled[key] = w
    if not full:
        return Bias(None, None)
    lexicon = tuple(n for n in full if n.lower() not in GENERIC_WORDS)

    def score(key: str) -> tuple[int, int]:
        n = count_tokens(spelled[key]) if count_tokens else (len(key) + 3) // 4
        return (-n, order[key])

    ranked = sorted(order, key=score)
    if count_tokens:
        ranked = [k for k in ranked if count_tokens(spelled[k]) > 1] or ranked
    hot = _pack([spelled[k] for k in ranked], max_hotword_chars, ", ")
    rank_of = {k: i for i, k in enumerate(ranked)}

    def name_rank(name: str) -> tuple[int, int]:
        ks = [rank_of[w.lower()] for w in _words(name) if w.lower() in rank_of]
        return (min(ks) if ks else len(rank_of), len(name))

    covered: set[str] = set()
    prompt_names: list[str] = []
    for name in sorted(full, key=name_rank):
        keys = {w.lower() for w in _words(name)} & set(rank_of)
        if not keys or min(keys, key=rank_of.__getitem__) in covered:
            continue  # e.g. "Acme Corp - Platform Rollout" after "Acme Corp"
        covered |= keys
        prompt_names.append(name)
    body = _pack(prompt_names, max(0, max_prompt_chars - 2), ", ")
    return Bias(hotwords=", ".join(hot) or None, initial_prompt=(", ".join(body) + ".") if body else None,
                lexicon=lexicon)
