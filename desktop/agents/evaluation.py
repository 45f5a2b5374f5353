"""Planner accuracy on a labelled corpus (``tests/planner/corpus.jsonl``), by action kind.

Scoring, per case: each expected action must be matched by one planned action of the same kind
with the expected target (``"type:id"``, or ``null`` = no target; absent = not checked), every
expected ``fields`` value equal, and every ``contains`` value a case-insensitive substring of that
field. Planned actions nobody expected count as errors of their kind. Cases expecting a
clarification count under ``clarification``; cases expecting no action under ``no_action``.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Iterable

from desktop.domain.plan import Action, Plan, Target

#: Reference instant of the corpus (the fixture README's date; a Saturday).
CORPUS_NOW = datetime(2026, 11, 21, 10, 0)


@dataclass
class Score:
    """Counts per category; ``failures`` lists ``(case id, text, reason)``."""

    correct: Counter = field(default_factory=Counter)
    total: Counter = field(default_factory=Counter)
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
    return Target(type=kind, id=rid, name=rid)  # type: ignore[arg-type]


def _matches(exp: dict[str, Any], act: Action) -> str | None:
    if exp["kind"] != act.kind:
        return "kind"
    if "target" in exp:
        got = f"{act.target.type}:{act.target.id}" if act.target else None
        if got != exp["target"]:
            return f"target {got} != {exp['target']}"
    for key, value in exp.get("fields", {}).items():
        if act.fields.get(key) != value:
            return f"{key}={act.fields.get(key)!r} != {value!r}"
    for key, value in exp.get("contains", {}).items():
        if str(value).lower() not in str(act.fields.get(key, "")).lower():
            return f"{key}={act.fields.get(key)!r} lacks {value!r}"
    return None


def score_case(case: dict[str, Any], plan: Plan, score: Score) -> bool:
    """Add one case's results to ``score``; True when the whole case is right."""
    exp = case["expect"]
    remaining = list(plan.actions)
    ok = True
    for e in exp["actions"]:
        score.total[e["kind"]] += 1
        reasons = []
        for a in remaining:
            why = _matches(e, a)
            if why is None:
                remaining.remove(a)
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
        if plan.clarifications and all(a.target is None or a.kind in ("search", "answer") for a in plan.actions
                                       if a.kind not in ("delete_record",)):
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
    from desktop.agents.planner import PlanContext

    score = Score()
    for case in cases:
        ctx = PlanContext(target=context_target(case.get("context")))
        score_case(case, planner.plan(case["text"], now=now, context=ctx), score)
    return score
