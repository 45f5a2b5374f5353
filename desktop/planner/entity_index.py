"""The workspace entity index: find contacts, companies and deals named in an instruction.

Built once from read-side rows (:mod:`desktop.domain.models`), then queried per instruction.
Lookups go exact first (dictionaries of first names, last names, full names, company names and
company short forms and distinctive tokens), then fuzzy (``rapidfuzz``) over small candidate sets
only: company keys sharing the word's first letter, and last names of contacts whose first name
matched exactly. That keeps a plan well under 20 ms on a 100k-contact workspace and still survives
transcription errors ("Globx", "glow bex", "acne corp" -> Acme Corp).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import date
from functools import lru_cache
from typing import Literal

from rapidfuzz import fuzz, process

from desktop.domain.models import CompanyRow, ContactRow, DealRow, StageRow
from desktop.domain.plan import Target
from desktop.planner._vocab import GENERIC_COMPANY_WORDS, LEGAL_SUFFIXES, STOPWORDS

MentionKind = Literal["contact", "company", "deal"]
_TOKEN_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9&]*(?:['’][A-Za-z]+)?")
_FUZZ_CUTOFF_SHORT = 88.0
_FUZZ_CUTOFF = 85.0
_MAX_FUZZY_QUERIES = 24
#: Rows indexed between two calls of :meth:`EntityIndex.build`'s ``pause`` (~0.5-1 ms of work each).
PAUSE_ROWS = 256
#: Words after which a lower-case word is taken as a (misheard) name: "the hackme deal", "with acne team".
_RECORD_NOUNS = frozenset("deal call meeting account team budget contract renewal demo opportunity".split())
#: A deal's fields said after its company: "the acne close date", "the globe ex amount".
_FIELD_NOUNS = frozenset("close closing amount stage".split())


_SIMPLE = re.compile(r"[A-Za-z0-9 ]*")


@lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """Lower case, ``&`` kept, other punctuation -> space, single spaces (cached: names repeat)."""
    if _SIMPLE.fullmatch(text):
        return " ".join(text.lower().split())
    return " ".join(t.lower() for t, _, _ in tokenize(text))


_SOUNDS = ((re.compile(r"ph"), "f"), (re.compile(r"^ch|ck|c(?=[aou])|q|c$"), "k"), (re.compile(r"c(?=[eiy])"), "s"),
           (re.compile(r"y"), "i"),
           (re.compile(r"z"), "s"), (re.compile(r"(\w)\1+"), r"\1"))


@lru_cache(maxsize=65536)
def sounds(text: str) -> str:
    """A rough phonetic key for fuzzy name matching: "Cara Novick" and "Kara Novak" -> "kara novik"
    / "kara novak" (ph->f, hard c/ck/q and a leading ch->k, soft c (before e, i, y)->s, y->i, z->s,
    doubled letters once: "Cedar" and "setter" -> "sedar"/"seter";
    a leading "ch" because that is how the recogniser hears "Chen": "Ken")."""
    out = text.lower()
    for pattern, repl in _SOUNDS:
        out = pattern.sub(repl, out)
    return out


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """Word tokens as ``(text, start, end)``; possessive ``'s`` is dropped from the token."""
    out = []
    for m in _TOKEN_RE.finditer(text):
        tok = m.group(0)
        end = m.end()
        low = tok.lower()
        if low.endswith(("'s", "’s")):
            tok = tok[:-2]
            end -= 2
        elif re.search(r"['’](?:re|ll|ve|d|t|m)$", low):  # they're, we'll: keep the word; O'Brien stays whole
            tok = re.split(r"['’]", tok)[0]
            end = m.start() + len(tok)
        out.append((tok, m.start(), end))
    return out


def _pacer(pause: Callable[[], None] | None) -> Callable[[], None]:
    """A per-row callable that calls ``pause()`` once every :data:`PAUSE_ROWS` calls."""
    if pause is None:
        return lambda: None
    count = 0

    def tick() -> None:
        nonlocal count
        count += 1
        if count >= PAUSE_ROWS:
            count = 0
            pause()
    return tick


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of the instruction that names records.

    Attributes:
        kind: ``contact``, ``company`` or ``deal``.
        ids: candidate record ids (several when the name is ambiguous, e.g. two Sarahs).
        start, end: character span in the instruction.
        text: the words as written. score: 100 for exact, the rapidfuzz score for fuzzy matches.
        partial: True for a first name or last name alone, or a company's shared token.
    """

    kind: MentionKind
    ids: tuple[int, ...]
    start: int
    end: int
    text: str
    score: float = 100.0
    partial: bool = False


@dataclass
class EntityIndex:
    """Dictionaries over a workspace's contacts, companies, deals and stages.

    Build with :meth:`build`; records are looked up by id with :attr:`contacts`, :attr:`companies`,
    :attr:`deals`. Not thread-safe to mutate; rebuild after the workspace changes.
    """

    contacts: dict[int, ContactRow] = field(default_factory=dict)
    companies: dict[int, CompanyRow] = field(default_factory=dict)
    deals: dict[int, DealRow] = field(default_factory=dict)
    stages: list[StageRow] = field(default_factory=list)
    first_names: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    last_names: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    full_names: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    company_keys: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    company_full_keys: set[str] = field(default_factory=set)
    #: the companies' cities, lower case ("madrid"), for "deals with companies in Madrid"
    cities: set[str] = field(default_factory=set)
    deals_by_company: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))
    deals_by_contact: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))
    contacts_by_company: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))
    deal_names: dict[str, int] = field(default_factory=dict)
    _fuzzy_buckets: dict[str, list[str]] = field(default_factory=dict)
    _max_key_words: int = 1
    _fuzzy_cache: dict[tuple[str, bool], tuple[set[int], float] | None] = field(default_factory=dict)
    _lasts_by_first: dict[str, dict[str, list[int]]] = field(default_factory=dict)
    _lasts_by_sound: dict[str, list[str]] | None = None
    _firsts_by_last: dict[str, dict[str, list[int]]] = field(default_factory=dict)
    _domains: dict[str, int] | None = None
    _stage_labels: dict[str, StageRow] | None = None
    #: The workspace's users (possible owners), full names: deal owners seen plus the team setting.
    users: list[str] = field(default_factory=list)
    #: True when any indexed deal has an owner ("my pipeline" then means the first user's deals).
    deals_have_owners: bool = False
    #: Every contact's job title, lower case, once each ("who are our VPs of Sales?").
    job_titles: set[str] = field(default_factory=set)
    #: Activities per ``(type, year, month)``.
    activity_counts: dict[tuple[str, int, int], int] = field(default_factory=dict)
    #: Per contact id, per activity type: ``(count, date of the latest, date of the first)``.
    contact_activity: dict[int, dict[str, tuple[int, date, date]]] = field(default_factory=dict)
    #: Per deal id, per activity type: ``(count, date of the latest, date of the first)``.
    deal_activity: dict[int, dict[str, tuple[int, date, date]]] = field(default_factory=dict)

    @classmethod
    def build(cls, contacts: Iterable[ContactRow], companies: Iterable[CompanyRow],
              deals: Iterable[DealRow], stages: Sequence[StageRow],
              pause: Callable[[], None] | None = None, users: Iterable[str] = (),
              activity_counts: dict[tuple[str, int, int], int] | None = None,
              contact_activity: dict[int, dict[str, tuple[int, date, date]]] | None = None,
              deal_activity: dict[int, dict[str, tuple[int, date, date]]] | None = None) -> EntityIndex:
        """Index the given rows (any iterables; consumed once). O(rows); ~1 s for 170k rows.

        ``pause`` is called every :data:`PAUSE_ROWS` rows (about every millisecond). A process
        with a UI thread passes ``time.sleep(0)``: that releases the GIL so the UI thread gets it
        within ~1 ms, where otherwise it waits a full 5 ms switch interval for each of its Python
        callbacks (measured 30-140 ms UI stalls while an index was built on a worker thread).

        ``users``: the workspace's users by full name (the team setting); every deal owner seen
        is added, so an owner named in an instruction can be checked against them.
        ``activity_counts``: activities per ``(type, year, month)`` for questions about them.
        ``contact_activity`` / ``deal_activity``: per contact / deal, per activity type ``(count, latest
        date, first date)`` (:func:`desktop.store.queries.contact_activity`, :func:`~desktop.store.queries.deal_activity`)."""
        idx = cls()
        idx.activity_counts = dict(activity_counts or {})
        idx.contact_activity = dict(contact_activity or {})
        idx.deal_activity = dict(deal_activity or {})
        seen_users = dict.fromkeys(u.strip() for u in users if u and u.strip())
        idx.stages = sorted(stages, key=lambda s: (s.pipeline_id, s.position))
        token_df: dict[str, set[int]] = defaultdict(set)
        tick = _pacer(pause)
        for co in companies:
            tick()
            idx.companies[co.id] = co
            if co.city:
                idx.cities.add(co.city.lower())
            words = normalise(co.name).split()
            if not words:
                continue
            full = " ".join(words)
            idx.company_keys[full].add(co.id)
            idx.company_full_keys.add(full)
            idx._max_key_words = max(idx._max_key_words, len(words))
            short = [w for w in words if w not in LEGAL_SUFFIXES]
            if short and short != words:
                idx.company_keys[" ".join(short)].add(co.id)
            if len(words) > 1:
                idx.company_keys["".join(words)].add(co.id)  # "northwind" for "North Wind"
            for w in set(words):
                if w not in GENERIC_COMPANY_WORDS and len(w) >= 3 and not w.isdigit():
                    token_df[w].add(co.id)
            if co.domain:
                stem = co.domain.lower().split(".")[0]
                if len(stem) >= 4:
                    token_df[stem].add(co.id)
        limit = max(5, len(idx.companies) // 500)
        for tok, ids in token_df.items():
            tick()
            if len(ids) <= limit and tok not in idx.company_keys:
                idx.company_keys[tok] |= ids
        for c in contacts:
            tick()
            idx.contacts[c.id] = c
            if c.job_title:
                idx.job_titles.add(c.job_title.lower())
            first, last = normalise(c.first_name), normalise(c.last_name)
            if first:
                idx.first_names[first].append(c.id)
            if last:
                idx.last_names[last].append(c.id)
            if first and last:
                idx.full_names[f"{first} {last}"].append(c.id)
            if c.company_id is not None:
                idx.contacts_by_company[c.company_id].append(c.id)
        for d in deals:
            tick()
            idx.deals[d.id] = d
            idx.deal_names[normalise(d.name)] = d.id
            if d.owner:
                idx.deals_have_owners = True
                seen_users.setdefault(d.owner.strip())
            if d.company_id is not None:
                idx.deals_by_company[d.company_id].append(d.id)
            for cid in d.contact_ids:
                idx.deals_by_contact[cid].append(d.id)
        buckets: dict[str, list[str]] = defaultdict(list)
        for key in idx.company_keys:
            if len(key) >= 4:
                buckets[key[0]].append(key)
        idx._fuzzy_buckets = dict(buckets)
        idx.users = list(seen_users)
        return idx

    def dispose(self, pause: Callable[[], None] | None = None) -> None:
        """Empty the index piecemeal: every dict, list and set field loses :data:`PAUSE_ROWS`
        entries between two calls of ``pause``. Dropping the last reference to a 170k-row index
        frees it in one C-level cascade that holds the GIL for 40-60 ms; this spreads the same
        work out. The index is empty (and finds nothing) afterwards."""
        tick = _pacer(pause)
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, dict):
                while value:
                    value.popitem()
                    tick()
            elif isinstance(value, (list, set)):
                while value:
                    value.pop()
                    tick()

    # ----------------------------------------------------------------- lookups
    def target(self, kind: MentionKind, record_id: int) -> Target:
        """The plan :class:`Target` for a record (display name per :mod:`desktop.domain.plan`)."""
        if kind == "contact":
            return Target(type="contact", id=str(record_id), name=self.contacts[record_id].name)
        if kind == "company":
            return Target(type="company", id=str(record_id), name=self.companies[record_id].name)
        return Target(type="deal", id=str(record_id), name=self.deals[record_id].name)

    def contact_in_view(self, target: Target | None) -> int | None:
        """The id of the workspace contact ``target`` (the record in view) is, or None when it is no contact of
        this workspace (nothing in view, a deal or company, a new or unknown id)."""
        if target is None or target.type != "contact" or not target.id.isdigit():
            return None
        return int(target.id) if int(target.id) in self.contacts else None

    def describe(self, kind: MentionKind, record_id: int) -> str:
        """A short label for clarifications: ``"Sarah Chen (TechCorp)"``."""
        if kind == "contact":
            c = self.contacts[record_id]
            return f"{c.name} ({c.company_name})" if c.company_name else c.name
        if kind == "company":
            return self.companies[record_id].name
        d = self.deals[record_id]
        return f"{d.name} ({d.stage_label})"

    def company_by_domain(self, domain: str) -> int | None:
        """The id of the company whose web domain is ``domain`` (case-insensitive), or None.
        Built on first use (one pass over the companies)."""
        if self._domains is None:
            self._domains = {c.domain.lower(): cid for cid, c in self.companies.items() if c.domain}
        return self._domains.get(domain.lower())

    def near_domain(self, host: str) -> str | None:
        """The workspace domain ``host`` is or nearly is ("vertexanolytics.example" -> "vertexanalytics.example": the
        same ending, rapidfuzz ratio >= 85 of the first label), or None."""
        if self.company_by_domain(host) is not None:
            return host.lower()
        label, _, rest = host.lower().partition(".")
        assert self._domains is not None
        near = [d for d in self._domains if d.partition(".")[2] == rest and fuzz.ratio(d.partition(".")[0], label) >= 85]
        return near[0] if len(near) == 1 else None

    def open_deals(self, company_id: int) -> list[int]:
        """Ids of the company's open deals (not Closed Won/Lost)."""
        return [d for d in self.deals_by_company.get(company_id, ()) if self.deals[d].is_open]

    def stage_by_label(self, label: str) -> StageRow | None:
        """The stage whose label equals ``label`` (case-insensitive); the first of its pipelines when
        several pipelines share the label. A dictionary built on first use (answers call this once per deal)."""
        if self._stage_labels is None:
            labels: dict[str, StageRow] = {}
            for st in self.stages:
                labels.setdefault(st.label.lower(), st)
            self._stage_labels = labels
        return self._stage_labels.get(label.lower())

    # ---------------------------------------------------------------- mentions
    def find_mentions(self, text: str) -> list[Mention]:
        """Contacts, companies and deals named in ``text``, left to right, non-overlapping.

        Exact matches win over fuzzy ones; longer spans over shorter ones. Ordinary words (see
        :data:`desktop.planner._vocab.STOPWORDS`) are only names when capitalised mid-sentence.
        """
        toks = tokenize(text)
        lows = [t.lower() for t, _, _ in toks]
        used = [False] * len(toks)
        found: list[Mention] = []

        def capitalised(i: int) -> bool:
            tok, start, _ = toks[i]
            if not tok[:1].isupper():
                return False
            before = text[:start].rstrip()
            return bool(before) and before[-1] not in ".!?:;\"'"

        def wordlike(i: int) -> bool:
            return lows[i] in STOPWORDS and not capitalised(i)

        def take(i: int, j: int, kind: MentionKind, ids: Iterable[int], score: float = 100.0,
                 partial: bool = False) -> None:
            for k in range(i, j):
                used[k] = True
            s, e = toks[i][1], toks[j - 1][2]
            found.append(Mention(kind, tuple(sorted(set(ids))), s, e, text[s:e], score, partial))

        n = len(toks)
        # 0. explicit ids: "deal 5001", "contact #101"
        tables: dict[str, tuple[MentionKind, Mapping[int, object]]] = {
            "deal": ("deal", self.deals), "contact": ("contact", self.contacts), "company": ("company", self.companies)}
        for i in range(n - 1):
            if lows[i] in tables and lows[i + 1].isdigit() and int(lows[i + 1]) in tables[lows[i]][1]:
                take(i, i + 2, tables[lows[i]][0], [int(lows[i + 1])])
        # 1. deal names and company names, longest first (exact)
        for size in range(min(self._max_key_words + 3, 8), 0, -1):
            for i in range(0, n - size + 1):
                if any(used[i:i + size]):
                    continue
                key = " ".join(lows[i:i + size])
                if size > 1 and key in self.deal_names:
                    take(i, i + size, "deal", [self.deal_names[key]])
                    continue
                if size > self._max_key_words + 1:
                    continue
                ids = self.company_keys.get(key)
                if ids is None and size == 2:
                    ids = self.company_keys.get(lows[i] + lows[i + 1])
                if not ids:
                    continue
                if size == 1 and (wordlike(i) or lows[i].isdigit()):
                    continue
                partial = key not in self.company_full_keys and size == 1 and len(ids) > 1
                take(i, i + size, "company", ids, partial=partial)
        # 2. people: full names, then fuzzy last name after an exact first name, then single names
        for i in range(n):
            if used[i]:
                continue
            if i + 1 < n and not used[i + 1]:
                full = self.full_names.get(f"{lows[i]} {lows[i + 1]}")
                if full:
                    take(i, i + 2, "contact", full)
                    continue
                if lows[i] in self.first_names and not wordlike(i) and not wordlike(i + 1) \
                        and len(lows[i + 1]) >= 3:
                    hit = self._fuzzy_last(lows[i], lows[i + 1])
                    if hit:
                        take(i, i + 2, "contact", hit[0], score=hit[1])
                        continue
        fuzzy_people = 0
        for i in range(n - 1):
            if fuzzy_people >= 3:
                break
            if used[i] or used[i + 1] or lows[i] in STOPWORDS or lows[i + 1] in STOPWORDS \
                    or not (capitalised(i) or i == 0 and toks[i][0][:1].isupper()) \
                    or not toks[i + 1][0][:1].isupper() or len(lows[i]) < 3 or len(lows[i + 1]) < 3 \
                    or text[toks[i][2]:toks[i + 1][1]] != " ":
                continue
            fuzzy_people += 1
            hit = self._fuzzy_full(lows[i], lows[i + 1])
            if hit:
                take(i, i + 2, "contact", hit[0], score=hit[1])
        for i in range(n):
            if used[i] or wordlike(i) or len(lows[i]) < 2:
                continue
            if i > 0 and not used[i - 1] and len(self.last_names.get(lows[i], ())) > 1 \
                    and lows[i] not in self.first_names:
                # "Whitcarra, Novak": the first name glued to the word before it ("with Kara Novak")
                glued = sounds(lows[i - 1])
                glued_hits = [c for c in self.last_names[lows[i]] if len(self.contacts[c].first_name) >= 3
                              and glued.endswith(sounds(normalise(self.contacts[c].first_name)))]
                if len({normalise(self.contacts[c].first_name) for c in glued_hits}) == 1:
                    take(i - 1, i + 1, "contact", glued_hits, score=90.0)
                    continue
            named = self.first_names.get(lows[i]) or self.last_names.get(lows[i])
            if named and i + 1 < n and not used[i + 1] and toks[i + 1][0][:1].isupper() \
                    and lows[i + 1] in self._company_tail_words() and lows[i + 1] not in self.first_names \
                    and (co_hit := self._fuzzy_company(f"{lows[i]} {lows[i + 1]}")) is not None:
                # "the Grant Labs pilot": a company's name misheard ("Granite Labs"), not Oliver Grant - the word
                # after the name is the last word of company names
                take(i, i + 2, "company", co_hit[0], score=co_hit[1])
                continue
            if named:
                take(i, i + 1, "contact", named, partial=True)
        # 3. fuzzy companies over small buckets (ASR errors)
        queries = 0
        for size in (2, 1, 3):
            for i in range(0, n - size + 1):
                if queries >= _MAX_FUZZY_QUERIES:
                    break
                span = range(i, i + size)
                # "Delete the up on media deal": between "the" and a record noun, the words are a name however ordinary
                framed = size > 1 and i > 0 and lows[i - 1] == "the" and i + size < n and lows[i + size] in _RECORD_NOUNS \
                    and lows[i] not in ("a", "an", "new", "old", "big", "other", "same", "whole", "first", "second")
                if any(used[k] for k in span) or not framed and any(
                        lows[k] in STOPWORDS and (len(lows[k]) > 2 or not capitalised(k)) for k in span):
                    continue  # capitalised ordinary words too: transcripts title-case ("Legal Review Pending")
                if any(lows[k].isdigit() for k in span):
                    continue
                key = " ".join(lows[i:i + size])
                if len(key.replace(" ", "")) < 4:
                    continue
                if size == 1 and not any(ch.isupper() for ch in toks[i][0]) and not (
                        i + 1 < n and (lows[i + 1] in _RECORD_NOUNS or lows[i + 1] in _FIELD_NOUNS)
                        and i > 0 and lows[i - 1] in ("the", "with", "at")):
                    continue  # a lone lower-case word is too often an ordinary word ("loved", "total")
                queries += 1
                # "the acne deal", "Zen desk account": a record noun after the words vouches for a name
                loose = i + size < n and (lows[i + size] in _RECORD_NOUNS or lows[i + size] in _FIELD_NOUNS) \
                    or i >= 2 and lows[i - 1] in ("at", "from") and used[i - 2]  # "Priya at Acne": a person's company
                co_hit = self._fuzzy_company(key, loose=loose)
                if co_hit is None and size == 2:
                    queries += 1
                    co_hit = self._fuzzy_company(key.replace(" ", ""))
                if co_hit is not None:
                    take(i, i + size, "company", co_hit[0], score=co_hit[1])
        found.sort(key=lambda m: m.start)
        return found

    def _company_tail_words(self) -> frozenset[str]:
        """The last words of the workspace's company names of two words or more, lower case ("labs", "health",
        "partners"); computed once per index."""
        tails = self.__dict__.get("_tails")
        if tails is None:
            tails = frozenset(normalise(c.name).split()[-1] for c in self.companies.values() if len(normalise(c.name).split()) > 1)
            self.__dict__["_tails"] = tails
        return tails

    def _fuzzy_company(self, key: str, *, loose: bool = False) -> tuple[set[int], float] | None:
        """The companies whose name (or key) ``key`` most likely is, with the rapidfuzz ratio (0-100),
        or None. ``loose``: a record noun follows ("the acne deal"), so one clear candidate at a ratio
        of 75 or more is enough (8 points ahead of the next)."""
        cache = self._fuzzy_cache
        if (key, loose) in cache:
            return cache[(key, loose)]
        bucket = self._fuzzy_buckets.get(key[0], [])
        cutoff = _FUZZ_CUTOFF_SHORT if len(key) <= 6 else _FUZZ_CUTOFF
        best = process.extractOne(key, bucket, scorer=fuzz.ratio, score_cutoff=cutoff) if bucket else None
        if best is None and len(key) >= 5 and bucket:
            # a lost syllable keeps the ends: "itech" -> "initech"
            near = process.extract(key, bucket, scorer=fuzz.ratio, score_cutoff=80.0, limit=3)
            best = next((b for b in near if b[0][-3:] == key[-3:] and " " not in b[0]), None)
        if best is None and key[0] == "h" and len(key) >= 5:
            # a breathy onset the speaker never said: "hackme" -> "acme"
            bucket = self._fuzzy_buckets.get(key[1], [])
            best = process.extractOne(key[1:], bucket, scorer=fuzz.ratio,
                                      score_cutoff=_FUZZ_CUTOFF_SHORT) if bucket else None
        if best is None and loose and bucket:
            near = process.extract(key, bucket, scorer=fuzz.ratio, score_cutoff=75.0, limit=2)
            if near and (len(near) == 1 or near[0][1] - near[1][1] >= 8):
                best = near[0]
        result = (set(self.company_keys[best[0]]), float(best[1])) if best else None
        if len(cache) > 10_000:
            cache.clear()
        cache[(key, loose)] = result
        return result

    def _fuzzy_full(self, first: str, last: str) -> tuple[list[int], float] | None:
        """Contacts whose name sounds like ``first last`` ("Cara Novick" -> Kara Novak): rapidfuzz
        over a phonetic key (:func:`sounds`), last names first (few distinct ones), then full names."""
        if self._lasts_by_sound is None:
            by_sound: dict[str, list[str]] = defaultdict(list)
            for name in self.last_names:
                by_sound[sounds(name)].append(name)
            self._lasts_by_sound = dict(by_sound)
        key = sounds(f"{first} {last}")
        best: tuple[list[int], float] | None = None
        for snd, _, _ in process.extract(sounds(last), list(self._lasts_by_sound), scorer=fuzz.ratio,
                                         score_cutoff=70.0, limit=4):
            for name in self._lasts_by_sound[snd]:
                firsts = self._firsts_by_last.get(name)
                if firsts is None:  # distinct first names per last name: a few, even for 100k contacts
                    firsts = defaultdict(list)
                    for cid in self.last_names[name]:
                        firsts[normalise(self.contacts[cid].first_name)].append(cid)
                    self._firsts_by_last[name] = firsts
                for first_name, cids in firsts.items():
                    score = fuzz.ratio(key, sounds(f"{first_name} {name}"))
                    if score >= 85.0 and (best is None or score > best[1]):
                        best = (list(cids), score)
                    elif best is not None and score == best[1]:
                        best[0].extend(c for c in cids if c not in best[0])
        return best

    def _fuzzy_last(self, first: str, word: str) -> tuple[list[int], float] | None:
        lasts = self._lasts_by_first.get(first)
        if lasts is None:
            lasts = defaultdict(list)
            for cid in self.first_names.get(first, []):
                lasts[normalise(self.contacts[cid].last_name)].append(cid)
            self._lasts_by_first[first] = lasts
        found = process.extractOne(word, list(lasts), scorer=fuzz.ratio, score_cutoff=80.0)
        best: tuple[str, float] | None = (found[0], found[1]) if found is not None else None
        if best is None and len(lasts) > 1:
            # as it sounds, among the few namesakes only: "Mike, Ken" -> Mike Chen
            heard = sounds(word)
            near = [(name, fuzz.ratio(heard, sounds(name))) for name in lasts]
            near = [(name, sc) for name, sc in near if sc >= 80.0]
            best = near[0] if len(near) == 1 else None
        if best is None:
            return None
        return lasts[best[0]], float(best[1])
