"""Planner accuracy on a labelled corpus (``tests/planner/corpus.jsonl``), by action kind.

Scoring, per case: each expected action must be matched by one planned action of the same kind
with the expected target (``"type:id"``, or ``null`` = no target; absent = not checked), every
expected ``fields`` value equal, and every ``contains`` value a case-insensitive substring of that
field. Planned actions nobody expected count as errors of their kind. Cases expecting a
clarification count under ``clarification``; cases expecting no action under ``no_action``.

Spoken input (``heard=True``, used by benchmarks/plan_e2e_audio.py): the fields that are the user's
own words copied into the plan (:data:`CONTENT_FIELDS`: an activity's body, a task's or meeting's
title, an e-mail's subject and body, a deal's next step) are compared with the written corpus text
by :func:`similar` instead of exact equality/substring: the planner can only copy what the speech
recogniser heard, a user accepts "procurement side off" as the next step they dictated (and edits
it on the Plan card), and the transcript's word errors are measured on their own (WER). Everything
a user relies on unread stays exact in both modes: kind, target, amounts, dates, times, stages,
competitor, activity type, sentiment, contact/company fields and answers.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from desktop.domain.plan import Action, Plan, Target
from desktop.planner.offline import PlanContext
from desktop.planner.parsing.numbers import words_to_digits

#: ``(action kind, field)`` pairs whose values are the user's dictated words (free text).
CONTENT_FIELDS = frozenset({("log_activity", "body"), ("create_task", "title"), ("book_meeting", "title"),
                            ("draft_email", "subject"), ("draft_email", "body"), ("update_deal", "next_step")})
#: Least :func:`similar` score (0-100) for dictated words heard imperfectly: at most ~20% of the
#: characters of the expected words edited (insertions/deletions, rapidfuzz Indel distance).
CONTENT_MIN_SIMILARITY = 80.0

#: Reference instant of the corpus (the fixture README's date; a Saturday).
CORPUS_NOW = datetime(2026, 11, 21, 10, 0)


@dataclass
class Score:
    """Counts per category; ``failures`` lists ``(case id, text, reason)``."""

    correct: Counter[str] = field(default_factory=Counter)
    total: Counter[str] = field(default_factory=Counter)
    failures: list[tuple[str, str, str]] = field(default_factory=list)
    cases: int = 0
    cases_ok: int = 0

    def accuracy(self, kind: str | None = None) -> float:
        """Share correct (0.0-1.0) for one category, or over all action-level items."""
        if kind is not None:
            return self.correct[kind] / self.total[kind] if self.total[kind] else 1.0
        total = sum(self.total.values())
        return sum(self.correct.values()) / total if total else 1.0

    def table(self) -> str:
        """A printable table: category, correct/total, percent."""
        lines = [f"{'category':<16}{'ok/total':>10}{'acc':>9}"]
        for kind in sorted(self.total):
            lines.append(f"{kind:<16}{self.correct[kind]:>5}/{self.total[kind]:<4}{100 * self.accuracy(kind):>8.1f}%")
        lines.append(f"{'ALL (items)':<16}{sum(self.correct.values()):>5}/{sum(self.total.values()):<4}"
                     f"{100 * self.accuracy():>8.1f}%")
        lines.append(f"{'cases exact':<16}{self.cases_ok:>5}/{self.cases:<4}"
                     f"{100 * self.cases_ok / max(1, self.cases):>8.1f}%")
        return "\n".join(lines)


def load_corpus(path: Path | str) -> list[dict[str, Any]]:
    """The corpus cases (one JSON object per line)."""
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def context_target(spec: str | None) -> Target | None:
    """``"deal:5009"`` -> a :class:`Target` (name left as the id; planners only use type and id)."""
    if not spec:
        return None
    kind, rid = spec.split(":", 1)
    return Target(type=kind, id=rid, name=rid)


def _words(text: Any) -> str:
    return " ".join(re.sub(r"[^\w$%]+", " ", str(text).lower().replace("-", " ")).split())


def similar(expected: Any, got: Any, *, whole: bool) -> bool:
    """True when dictated words ``got`` carry ``expected`` despite recognition errors.

    Both are lower-cased with punctuation removed (and compared once more with number words as digits:
    "fifty seats" is "50 seats"); then ``whole=True`` (a field expected equal)
    needs ``rapidfuzz.fuzz.ratio >= CONTENT_MIN_SIMILARITY`` over the whole strings, ``whole=False``
    (a field expected to contain the words) needs a substring or ``fuzz.partial_ratio >=
    CONTENT_MIN_SIMILARITY`` over the best-aligned stretch. Expected values under 5 characters
    (single short words) must appear exactly: a short word is too easily "near" something else.
    """
    e, g = _words(expected), _words(got)
    if not e or not g:
        return e == g
    if (e == g) if whole else (e in g):
        return True
    e_num, g_num = _words(words_to_digits(str(expected))), _words(words_to_digits(str(got)))
    if e_num != e and ((e_num == g_num) if whole else (e_num in g_num)):
        return True  # "fifty seats" said, "50 seats" written
    if len(e) < 5:
        return False
    score = fuzz.ratio(e, g) if whole else fuzz.partial_ratio(e, g)
    return score >= CONTENT_MIN_SIMILARITY


def _equal(key: str, got: Any, want: Any) -> bool:
    """Field equality for scoring: ``records`` compare as sets of ``"type:id"``; numbers within
    half a unit (amounts in dollars, counts); everything else exactly."""
    if key == "records" and isinstance(want, list):
        return isinstance(got, (list, tuple)) and set(map(str, got)) == set(map(str, want))
    if isinstance(want, (int, float)) and not isinstance(want, bool) and isinstance(got, (int, float)) \
            and not isinstance(got, bool):
        return abs(float(got) - float(want)) < 0.5
    return bool(got == want)


def _matches(exp: dict[str, Any], act: Action, heard: bool = False) -> str | None:
    if exp["kind"] != act.kind:
        return "kind"
    if "target" in exp:
        got = f"{act.target.type}:{act.target.id}" if act.target else None
        if got != exp["target"]:
            return f"target {got} != {exp['target']}"
    for key, value in exp.get("fields", {}).items():
        if heard and (act.kind, key) in CONTENT_FIELDS and key in act.fields \
                and similar(value, act.fields[key], whole=True):
            continue
        if not _equal(key, act.fields.get(key), value):
            return f"{key}={act.fields.get(key)!r} != {value!r}"
    for key, value in exp.get("excludes", {}).items():
        if str(value).lower() in str(act.fields.get(key, "")).lower():
            return f"{key}={act.fields.get(key)!r} has {value!r}"
    for key, value in exp.get("contains", {}).items():
        if heard and (act.kind, key) in CONTENT_FIELDS and similar(value, act.fields.get(key, ""), whole=False):
            continue
        if str(value).lower() not in str(act.fields.get(key, "")).lower():
            return f"{key}={act.fields.get(key)!r} lacks {value!r}"
    return None


def score_case(case: dict[str, Any], plan: Plan, score: Score, *, heard: bool = False) -> bool:
    """Add one case's results to ``score``; True when the whole case is right.

    An expected action may be met by a :attr:`Plan.pending` one (a corpus case that expects "log a
    call" with no record while asking which Sarah); pending actions are never applied, so one that
    meets no expectation is not counted as unexpected.

    ``heard=True`` when ``plan`` was made from a transcript of the spoken ``case["text"]``: dictated
    free text (:data:`CONTENT_FIELDS`) is then compared with :func:`similar` (see the module doc).
    """
    exp = case["expect"]
    remaining = list(plan.actions)
    waiting = list(plan.pending)  # waits for the answer: may meet an expectation, is never "unexpected"
    ok = True
    for e in exp["actions"]:
        score.total[e["kind"]] += 1
        reasons = []
        for a in remaining + waiting:
            why = _matches(e, a, heard)
            if why is None:
                (remaining if any(a is r for r in remaining) else waiting).remove(a)
                score.correct[e["kind"]] += 1
                break
            if a.kind == e["kind"]:
                reasons.append(why)
        else:
            ok = False
            score.failures.append((case["id"], case["text"], f"missing {e['kind']}: {'; '.join(reasons) or 'none planned'}"))
    for a in remaining:
        score.total[a.kind] += 1
        ok = False
        score.failures.append((case["id"], case["text"], f"unexpected {a.kind} {a.fields}"))
    if exp.get("clarify"):
        score.total["clarification"] += 1
        # (an action planned beside the question is judged above: right when the set expects it as
        # certain whatever the answer - the blind-set brief's rule - and "unexpected" otherwise)
        if plan.clarifications:
            score.correct["clarification"] += 1
        else:
            ok = False
            score.failures.append((case["id"], case["text"], f"no clarification: {plan.clarifications}"))
    elif plan.clarifications:
        ok = False
        score.failures.append((case["id"], case["text"], f"unexpected clarification {plan.clarifications}"))
    if not exp["actions"] and not exp.get("clarify"):
        score.total["no_action"] += 1
        if not plan.actions and (plan.message or not exp.get("message")):
            score.correct["no_action"] += 1
        else:
            ok = False
            score.failures.append((case["id"], case["text"], f"expected no action, got {plan.actions} / {plan.message}"))
    score.cases += 1
    score.cases_ok += ok
    return ok


def evaluate(planner: Any, cases: Iterable[dict[str, Any]], now: datetime = CORPUS_NOW) -> Score:
    """Plan every case with ``planner`` and score it."""
    score = Score()
    for case in cases:
        ctx = PlanContext(target=context_target(case.get("context")))
        score_case(case, planner.plan(case["text"], now=now, context=ctx), score)
    return score


#: Fields whose change a user relies on without reading (a wrong value here is a wrong write).
STRUCTURED_FIELDS = frozenset({"stage", "amount", "close_date", "competitor", "owner", "do_not_contact", "email",
                               "phone", "job_title", "company", "lifecycle_stage", "first_name", "last_name",
                               "due_date", "time", "activity_type"})


def wrong_writes(case: dict[str, Any], plan: Plan) -> list[str]:
    """The planned writes a user did not ask for (the issue's "wrong writes"), one reason each.

    A mutating action is a wrong write when (1) it is a ``delete_record`` nobody asked for; (2) it
    acts on an existing record that no expected action of its kind targets (wrong record; this
    includes acting while the case expects a question); (3) it matches an expected action's kind
    and target but sets a :data:`STRUCTURED_FIELDS` value that differs from the expected one, or a
    structured field of an ``update_*`` that the expected action does not list (wrong value /
    field); (4) it creates a record nobody asked to create. Read-only actions never count; free
    text (bodies, titles) is scored by :func:`score_case`, not here.
    """
    exp = case["expect"]["actions"]
    out: list[str] = []
    for a in plan.actions:
        if a.read_only:
            continue
        got = f"{a.target.type}:{a.target.id}" if a.target else None
        same_kind = [e for e in exp if e["kind"] == a.kind]
        if a.kind == "delete_record" and not same_kind:
            out.append(f"unasked deletion of {got}")
            continue
        if a.kind.startswith("create_") and a.kind != "create_task" and not same_kind:
            out.append(f"unasked {a.kind} {a.fields}")
            continue
        if got is not None and a.target is not None and not a.target.id.startswith("new:"):
            same = [e for e in same_kind if e.get("target", got) == got]
            if not same:
                out.append(f"{a.kind} on wrong record {got} (expected "
                           f"{[e.get('target') for e in same_kind] or 'a question' if case['expect'].get('clarify') else [e.get('target') for e in same_kind]})")
                continue
            candidates = same
        else:
            candidates = same_kind
        if not candidates:
            continue
        best = min(candidates, key=lambda e: len(_value_errors(e, a)))
        out.extend(f"{a.kind} {got}: {why}" for why in _value_errors(best, a))
    return out


def _value_errors(exp: dict[str, Any], act: Action) -> list[str]:
    errors = []
    want = exp.get("fields", {})
    for key, value in act.fields.items():
        if key not in STRUCTURED_FIELDS:
            continue
        if key in want:
            if not _equal(key, value, want[key]):
                errors.append(f"{key}={value!r}, expected {want[key]!r}")
        elif key in exp.get("contains", {}):
            if str(exp["contains"][key]).lower() not in str(value).lower():
                errors.append(f"{key}={value!r}, expected to contain {exp['contains'][key]!r}")
        elif act.kind.startswith("update_"):
            errors.append(f"{key}={value!r} not asked")
    return errors
