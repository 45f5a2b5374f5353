"""Outcomes of sequences and their A/B variants (issue 15): sent / replied / bounced per agent, per
sequence and per variant, and each variant's reply rate with its Wilson score interval.

The interval is scipy's (``scipy.stats.binomtest(k, n).proportion_ci(method="wilson")``: Wilson,
1927, "Probable inference, the law of succession, and statistical inference", JASA 22:209-212).
A step's winner is declared only when one variant's interval lies wholly above every other
variant's interval (the intervals separate); until then the verdict is "no winner yet".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from desktop.store import sequences as store
from desktop.store.db import Workspace

#: confidence level of the intervals shown
CONFIDENCE = 0.95


def wilson(replied: int, sent: int, confidence: float = CONFIDENCE) -> tuple[float, float]:
    """The Wilson score interval ``(low, high)`` (fractions 0-1) of ``replied`` successes in
    ``sent`` trials; ``(0.0, 1.0)`` when nothing was sent. Raises ValueError when ``replied`` is
    not in 0..``sent``."""
    if sent == 0:
        return 0.0, 1.0
    if not 0 <= replied <= sent:
        raise ValueError(f"replied ({replied}) must be between 0 and sent ({sent})")
    from scipy.stats import binomtest  # lazy: scipy.stats takes ~0.3 s to import

    ci = binomtest(replied, sent).proportion_ci(confidence_level=confidence, method="wilson")
    return float(ci.low), float(ci.high)


@dataclass(frozen=True)
class VariantStats:
    """One variant of one e-mail step: e-mails ``sent``, ``replied`` (of those sent), ``bounced``;
    ``rate`` = replied / sent (0-1, None when none was sent) and its interval ``low``-``high``."""

    agent: str
    sequence: str
    step: int
    variant: str
    sent: int
    replied: int
    bounced: int
    rate: float | None
    low: float
    high: float


def variant_stats(rows: Iterable[dict[str, Any]]) -> list[VariantStats]:
    """Group :func:`desktop.store.sequences.email_stats` rows by (agent, sequence, step, variant)."""
    groups: dict[tuple[str, str, int, str], list[int]] = {}
    for r in rows:
        key = (r["agent"], r["sequence"], int(r["step"] or 0), r["variant"] or "A")
        g = groups.setdefault(key, [0, 0, 0])
        if r["status"] == "sent":
            g[0] += 1
            g[1] += bool(r["replied"])
            g[2] += bool(r["bounced"])
    out = []
    for (agent, seq, step, variant), (sent, replied, bounced) in sorted(groups.items()):
        low, high = wilson(replied, sent)
        out.append(VariantStats(agent, seq, step, variant, sent, replied, bounced,
                                replied / sent if sent else None, low, high))
    return out


def winner(variants: list[VariantStats]) -> str | None:
    """The variant of one step whose interval lies wholly above every other's, or None (fewer than
    two variants, or the intervals still overlap)."""
    if len(variants) < 2:
        return None
    for v in variants:
        if all(v.low > o.high for o in variants if o is not v):
            return v.variant
    return None


def verdicts(stats: list[VariantStats]) -> dict[tuple[str, str, int], str]:
    """``{(agent, sequence, step): sentence}`` for each step with 2+ variants: ``"B wins"`` or
    ``"no winner yet (intervals overlap)"``."""
    steps: dict[tuple[str, str, int], list[VariantStats]] = {}
    for v in stats:
        steps.setdefault((v.agent, v.sequence, v.step), []).append(v)
    out = {}
    for key, vs in steps.items():
        if len(vs) >= 2:
            w = winner(vs)
            out[key] = f"{w} wins" if w else "no winner yet (intervals overlap)"
    return out


def _pct(x: float | None) -> str:
    return "–" if x is None else f"{100 * x:.0f}%"


def report(workspace: Workspace) -> dict[str, Any]:
    """Everything the Agents panel and ``spectrum sequence stats`` show::

        {"sequences": [{"agent", "sequence", "enrolled", "active", "replied_enrollments", "done",
                        "stopped", "sent", "replied", "bounced"}],
         "variants": [{"agent", "sequence", "step" (1-based), "variant", "sent", "replied", "bounced",
                       "rate" (0-1 or None), "low", "high", "interval" ("12% (5%-25%)"),
                       "verdict"}]}
    """
    with workspace.uow() as uow:
        rows = store.email_stats(uow.session)
        enrolled = store.enrollment_counts(uow.session)
    stats = variant_stats(rows)
    verdict = verdicts(stats)
    seqs: dict[tuple[str, str], dict[str, Any]] = {}
    for (agent, seq), counts in enrolled.items():
        seqs[(agent, seq)] = {"agent": agent, "sequence": seq, "enrolled": sum(counts.values()),
                              "active": counts.get("active", 0), "replied_enrollments": counts.get("replied", 0),
                              "done": counts.get("done", 0),
                              "stopped": counts.get("stopped", 0) + counts.get("cancelled", 0),
                              "sent": 0, "replied": 0, "bounced": 0}
    for v in stats:
        d = seqs.setdefault((v.agent, v.sequence), {"agent": v.agent, "sequence": v.sequence, "enrolled": 0,
                                                    "active": 0, "replied_enrollments": 0, "done": 0,
                                                    "stopped": 0, "sent": 0, "replied": 0, "bounced": 0})
        d["sent"] += v.sent
        d["replied"] += v.replied
        d["bounced"] += v.bounced
    variants = [{"agent": v.agent, "sequence": v.sequence, "step": v.step + 1, "variant": v.variant,
                 "sent": v.sent, "replied": v.replied, "bounced": v.bounced, "rate": v.rate, "low": v.low,
                 "high": v.high, "interval": f"{_pct(v.rate)} ({_pct(v.low)}-{_pct(v.high)})",
                 "verdict": verdict.get((v.agent, v.sequence, v.step), "")} for v in stats]
    return {"sequences": [seqs[k] for k in sorted(seqs)], "variants": variants}
