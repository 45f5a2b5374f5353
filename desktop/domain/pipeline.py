"""Pure pipeline rules: the order of stage labels and their default win probabilities.

When stages arrive as bare labels (an import), they are ordered by :func:`stage_rank` — the usual
B2B funnel lead -> qualified -> meeting/demo -> proposal -> negotiation/contract -> closed won ->
closed lost, following HubSpot's default sales pipeline (Appointment scheduled 20 %, Qualified to buy
40 %, Presentation scheduled 60 %, Decision maker bought-in 80 %, Contract sent 90 %, Closed won 100 %,
Closed lost 0 %) — with unknown labels kept between the open and closed stages in the order they
were first seen. Users can edit order and probabilities later.
"""

from __future__ import annotations

import re

# (pattern, rank, default probability 0..1)
_RULES: list[tuple[re.Pattern[str], int, float]] = [
    (re.compile(r"closed?\s*[- ]?\s*lost|\blost\b"), 90, 0.0),
    (re.compile(r"closed?\s*[- ]?\s*won|\bwon\b"), 80, 1.0),
    (re.compile(r"contract|commit|verbal"), 60, 0.9),
    (re.compile(r"negotiat|decision"), 55, 0.8),
    (re.compile(r"proposal|quote|pricing"), 50, 0.6),
    (re.compile(r"presentation|evaluation|trial|pilot|poc"), 40, 0.5),
    (re.compile(r"demo|appointment|meeting|discovery"), 30, 0.4),
    (re.compile(r"qualif"), 20, 0.2),
    (re.compile(r"lead|new|prospect|inbound"), 10, 0.1),
]
UNKNOWN_RANK = 70


def stage_rank(label: str) -> int:
    """Sort key for a stage label (lower comes first); unknown labels get ``UNKNOWN_RANK`` (70),
    between open stages and Closed Won."""
    low = label.lower()
    for pattern, rank, _ in _RULES:
        if pattern.search(low):
            return rank
    return UNKNOWN_RANK


def default_probability(label: str) -> float:
    """Default win probability (0.0-1.0) for a stage label; unknown open stages get 0.5."""
    low = label.lower()
    for pattern, _, prob in _RULES:
        if pattern.search(low):
            return prob
    return 0.5


def is_won_label(label: str) -> bool:
    """True for a "closed won" style label."""
    return stage_rank(label) == 80


def is_lost_label(label: str) -> bool:
    """True for a "closed lost" style label."""
    return stage_rank(label) == 90


def order_labels(labels: list[str]) -> list[str]:
    """Labels in pipeline order: by :func:`stage_rank`, ties in first-seen order."""
    seen: dict[str, int] = {}
    for i, lab in enumerate(labels):
        seen.setdefault(lab, i)
    return sorted(seen, key=lambda lab: (stage_rank(lab), seen[lab]))
