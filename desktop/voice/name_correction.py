"""Contextual post-correction of transcripts against the workspace lexicon (CRM names).

The speech model hears "acne corp", "Tech Corp", "North Wind", "Linda Okafur" where the workspace
says "Acme Corp", "TechCorp", "Northwind", "Linda Okafor". :class:`NameCorrector` finds runs of 1-4
transcript words whose letters are close to a lexicon name and replaces them with the canonical
spelling. Score (0-100) = 0.6 x spelling similarity + 0.4 x sound similarity, both rapidfuzz
``fuzz.ratio`` (``100 * (1 - Indel distance / total length)``), the sound one on Metaphone
keys (:func:`phonetic_key`). It is deliberately conservative:

* the match is scored on the words' letters joined without spaces, so "Tech Corp" -> "TechCorp"
  and "uplandworks" -> "Upland Works" are found;
* short names need a closer match than long ones (:data:`MIN_SCORE_BY_LEN`);
* one of :data:`COMMON_WORDS` (or of the generic CRM words) is never replaced on its own ("make"
  stays "make", not "Mike"), a frequent English word (:func:`frequent_words`, ~12,500) only on a
  near-exact match ("Fisher" -> "Fischer"); such words can change as part of a multi-word name
  whose other words match ("Uma quest" -> "Uma Quist"), a run of common words only when its
  letters are exactly the name's ("north wind" -> "Northwind", "the price" is not "Theo Price");
* a span never takes in a word, at its edges or inside, that does not improve the match ("at
  Northwind" keeps "at", "Iris from Fisher" keeps "from"), and never crosses punctuation;
* names already spelled right are kept (their case is fixed unless they are ordinary words such as
  "outreach"); longer spans win over shorter ones ("Win Fisher" -> "Quinn Fischer", not "Win
  Fischer");
* with an empty lexicon the text is returned unchanged.

Thresholds were chosen on half of ``benchmarks/voice_wer.py``'s instructions (even indices) and
checked on the other half (that script prints both).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import jellyfish
from rapidfuzz import fuzz, process

#: Words of names that are not worth matching on their own (suffixes, deal-name tails, stage words).
GENERIC_WORDS = frozenset("""
corp corporation inc ltd llc gmbh co company group labs lab health partners systems solutions works
media ventures studio the and of for a an plan starter annual expansion pilot renewal platform
rollout support scaling data pipeline security add-on onboarding automation deal sales logistics
traders dental freight realty assistant analytics booking enrollment bot agent voice dispatch fleet
patient intake helpdesk response learning dynamics scheduled sent won lost lead qualified demo
proposal negotiation closed close monday ai addon
""".split())

#: Frequent English words (and CRM vocabulary) that are never replaced when they stand alone.
COMMON_WORDS = frozenset("""
a about above after again against all also am an and any are as at away back be because been before
being below best better between big both but by call called can cannot case come could day days deal
did do does doing done down during each early end even every few field final find first five follow
for four free friday from full get give go going good got great had has have having he her here hers
him his how i if in into is it its just keep kind know last late later least less let like little
long look looking lot made make many march may me meet meeting might mind mine month months more
most much must my name need needs new next nice nine no none nor not note now of off oh ok okay old
on once one only or other our out over own part pay per plan please price quest quick quite rather
ready really right said same say says see seems send sent set seven she should show side since six
so some soon still such sure take team ten than thank that the their them then there these they
thing think this those three through thursday till time to today told tomorrow too took top tuesday
two under until up upon us use very wait want wants was we wednesday week weeks well went were what
when where which while who whom why will with within without would year years yes yet you your
about add approval approved asked board budget but call contract customer demo discount email
follow group head growth health help legal log lost meeting morning move next pilot pricing project
proposal reference renewal review sign signed single start team tech corp works media labs systems
""".split())

#: Score a word of :func:`frequent_words` needs to be replaced on its own ("Fisher" -> "Fischer"
#: is 95; "clearly" -> "Clari" 84 and "Dean" -> "Dan" 91 are not replaced).
STRONG_SINGLE = 92.0

COMMON_WORDS_FILE = Path(__file__).with_name("common_words.json")


@cache
def frequent_words() -> frozenset[str]:
    """~12,500 frequent lower-case English words (``common_words.json``, see
    :func:`write_common_words`); empty if the file is missing."""
    try:
        return frozenset(json.loads(COMMON_WORDS_FILE.read_text(encoding="utf-8"))["words"])
    except (OSError, ValueError, KeyError):
        return frozenset()


def write_common_words(tokenizer_json: str | Path, out: str | Path = COMMON_WORDS_FILE,
                       max_id: int = 30_000) -> int:
    """Regenerate ``common_words.json`` from a Whisper ``tokenizer.json``: the lower-case
    alphabetic whole-word tokens (``"Ġword"``) of at least 3 letters with id < ``max_id`` (BPE
    merge order, roughly frequency order). Returns the number of words written."""
    vocab = json.loads(Path(tokenizer_json).read_text(encoding="utf-8"))["model"]["vocab"]
    words = [w for _i, w in sorted((i, t[1:]) for t, i in vocab.items()
                                   if t.startswith("Ġ") and t[1:].isalpha() and t[1:].islower()
                                   and len(t) >= 4 and i < max_id)]
    doc = json.loads(Path(out).read_text(encoding="utf-8"))["source"] if Path(out).exists() else ""
    Path(out).write_text(json.dumps({"source": doc, "words": words}, indent=0), encoding="utf-8")
    return len(words)


#: Minimum combined score (0-100) by length of the lexicon key (letters only).
MIN_SCORE_BY_LEN = ((4, 86.0), (6, 81.0), (9, 76.0), (99, 74.0))

#: Spelling similarity (0-100) below which a lexicon entry is not considered at all, and the one
#: names of at most 6 letters need ("acne" ~ "Acme" is 75; "land" ~ "Linda" is 67).
MIN_SPELLED = 50.0
MIN_SPELLED_SHORT = 70.0

_TOKEN = re.compile(r"\S+")
_EDGE = re.compile(r"^(\W*)(.*?)((?:'s)?\W*)$", re.S)


def phonetic_key(text: str) -> str:
    """The Metaphone key of ``text`` (letters only), lower case: its rough sound.

    ``phonetic_key("Acme") == phonetic_key("akme") == "akm"``; ``"Globx"`` and ``"Globex"`` share
    ``"klbks"``. Source: Lawrence Philips' Metaphone (1990), as implemented by ``jellyfish.metaphone``;
    German "sch" is read as "sh" first (Metaphone alone keys "Fischer" apart from "Fisher").
    Empty for text without letters.
    """
    s = re.sub(r"[^a-z]", "", text.lower()).replace("sch", "sh")
    return jellyfish.metaphone(s).lower() if s else ""


def _letters(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


@dataclass(frozen=True, slots=True)
class _Entry:
    text: str  # canonical spelling, e.g. "Linda Okafor"
    key: str  # letters only, lower case: "lindaokafor"
    phon: str  # phonetic_key(key)
    n_words: int


def _score(key: str, phon: str, entry: _Entry) -> float:
    """0.6 x spelling similarity + 0.4 x sound similarity (both rapidfuzz ``fuzz.ratio``, 0-100)."""
    sound = fuzz.ratio(phon, entry.phon) if phon and entry.phon else 0.0
    return 0.6 * fuzz.ratio(key, entry.key) + 0.4 * sound


def _min_score(key_len: int) -> float:
    for limit, score in MIN_SCORE_BY_LEN:
        if key_len <= limit:
            return score
    return MIN_SCORE_BY_LEN[-1][1]


class NameCorrector:
    """Replaces misrecognised workspace names in a transcript with their canonical spelling.

    Args:
        names: contact, company and deal names, competitors (any order; blanks and duplicates
            ignored). Of deal names like ``"Acme Corp - Platform Rollout"`` only the part before
            " - " counts (the tail describes the deal; it is no name).
            Each full name (up to 4 words) is an entry, and so is each of its distinctive words
            (not in :data:`GENERIC_WORDS`, at least 3 letters).
    """

    MAX_SPAN_WORDS = 4

    def __init__(self, names: Iterable[str]) -> None:
        entries: dict[str, _Entry] = {}
        exact: set[str] = set()
        whole: dict[str, _Entry] = {}  # "acme corp" -> entry: names spelled right, protected as they are
        for raw in names:
            for part in str(raw).split(" - ")[:1]:  # "Acme Corp - Platform Rollout": the tail is no name
                words = [w for w in part.split() if _letters(w)]
                if not words:
                    continue
                if all(_letters(w) in GENERIC_WORDS for w in words):
                    continue  # "Closed Lost", "Annual Plan": stage / deal-tail words, not names
                candidates = []
                if len(words) <= self.MAX_SPAN_WORDS:
                    candidates.append(" ".join(words))
                candidates += [w for w in words if _letters(w) not in GENERIC_WORDS and len(_letters(w)) >= 3]
                exact.update(_letters(w) for w in words)
                for text in candidates:
                    key = _letters(text)
                    if len(key) >= 3 and key not in entries:
                        entries[key] = _Entry(text, key, phonetic_key(key), len(text.split()))
                if len(words) <= self.MAX_SPAN_WORDS and len(_letters(part)) >= 3:
                    whole.setdefault(" ".join(_letters(w) for w in words), entries[_letters(part)])
        self._entries = list(entries.values())
        self._exact = frozenset(exact)
        self._whole = whole
        self._keys = [e.key for e in self._entries]
        self._frequent = frequent_words()

    def __bool__(self) -> bool:
        return bool(self._entries)

    @staticmethod
    def _edge_adds_nothing(span_cores: list[str], e: _Entry, score: float) -> bool:
        for part, edge, end in ((span_cores[1:], span_cores[0], e.key[:len(span_cores[0])]),
                                (span_cores[:-1], span_cores[-1], e.key[-len(span_cores[-1]):])):
            key = "".join(part)
            reduced = _score(key, phonetic_key(key), e)
            if reduced >= score:
                return True
            if edge in COMMON_WORDS and (reduced >= _min_score(len(e.key)) or fuzz.ratio(edge, end) < 60):
                return True  # a common word at the edge must sound like that end of the name
        return False

    def correct(self, text: str) -> str:
        """Return ``text`` with near-miss names replaced by their lexicon spelling.

        Punctuation around the replaced words and a possessive ``'s`` are kept; everything outside
        the replaced spans is unchanged. Pure and thread-safe (no state changes).
        """
        out = text
        for start, end, replacement, _score in reversed(self.matches(text)):
            out = out[:start] + replacement + out[end:]
        return out

    def matches(self, text: str) -> list[tuple[int, int, str, float]]:
        """The replacements :meth:`correct` makes: ``(start, end, replacement, score)`` with character
        offsets into ``text``, in text order; score 0-100 (200: a name already spelled right)."""
        if not self._entries or not text.strip():
            return []
        toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
        cores = []
        for _, _, tok in toks:
            m = _EDGE.match(tok)
            cores.append(_letters(m.group(2)) if m else _letters(tok))
        found: list[tuple[float, int, int, int, _Entry]] = []
        for i in range(len(toks)):
            if not cores[i]:
                continue
            for n in range(1, self.MAX_SPAN_WORDS + 1):
                j = i + n
                if j > len(toks) or not cores[j - 1]:
                    break
                span_cores = cores[i:j]
                right = self._whole.get(" ".join(span_cores))
                if right is not None:  # already a workspace name: keep it (case may be fixed)
                    found.append((200.0, n, i, j, right))
                    continue
                if n == 1 and (span_cores[0] in COMMON_WORDS or span_cores[0] in GENERIC_WORDS
                               or span_cores[0] in self._exact):
                    continue  # "make" is not "Mike", "intake" is not "Initech"
                if n > 1 and all(c in self._exact for c in span_cores):
                    continue  # already lexicon words (maybe a different name): leave alone
                all_common = all(c in COMMON_WORDS for c in span_cores)
                if any(k < j - 1 and re.search(r"[.,;:!?]$", toks[k][2]) for k in range(i, j)):
                    break  # a span never crosses punctuation
                key = "".join(span_cores)
                phon = phonetic_key(key)
                for _k, spelled, idx in process.extract(key, self._keys, scorer=fuzz.ratio, limit=8,
                                                        score_cutoff=MIN_SPELLED):
                    e = self._entries[idx]
                    if abs(len(e.key) - len(key)) > max(2, len(e.key) // 3):
                        continue
                    if len(e.key) <= 6 and spelled < MIN_SPELLED_SHORT:
                        continue
                    score = _score(key, phon, e)
                    if score < _min_score(len(e.key)) or (n > 1 and all_common and spelled < 100):
                        continue  # "north wind" -> "Northwind" yes, "the price" -> "Theo Price" no
                    if n == 1 and key in self._frequent and score < STRONG_SINGLE:
                        continue  # "clearly" is not "Clari", "Dean" is not "Dan"
                    if any(_score(k, phonetic_key(k), e) >= score for k in (
                            "".join(span_cores[:m] + span_cores[m + 1:]) for m in range(1, n - 1))):
                        continue  # a word inside adds nothing: "Iris from Fisher" is not "Iris Fischer"
                    if n > 1 and e.n_words == 1 and len(e.key) <= 5:
                        continue  # two words into one short name: too easy to hit by chance
                    if n > 1 and self._edge_adds_nothing(span_cores, e, score):
                        continue  # "at Northwind", "Summit Lab is": keep "at" and "is"
                    found.append((score, n, i, j, e))
        found.sort(key=lambda f: (f[0] < 200, -f[1], -f[0]))  # right names, then longer spans first
        taken = [False] * len(toks)
        chosen: list[tuple[int, int, str, float]] = []
        for score, _n, i, j, e in found:
            if any(taken[i:j]):
                continue
            for k in range(i, j):
                taken[k] = True
            first = _EDGE.match(toks[i][2])
            last = _EDGE.match(toks[j - 1][2])
            prefix = first.group(1) if first else ""
            suffix = last.group(3) if last else ""
            start, end = toks[i][0], toks[j - 1][1]
            if score >= 200 and all(c in COMMON_WORDS or c in self._frequent for c in cores[i:j]):
                continue  # "outreach", "copper": spelled right, and ordinary words: keep their case
            if prefix + e.text + suffix != text[start:end]:
                chosen.append((start, end, prefix + e.text + suffix, score))
        return sorted(chosen)


def correct_text(text: str, names: Iterable[str]) -> str:
    """One-shot :meth:`NameCorrector.correct` (build the corrector once when correcting many texts)."""
    return NameCorrector(names).correct(text)
