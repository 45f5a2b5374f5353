"""Score the offline BANT+ extractor on a set of dictated call notes (JSON Lines, the format of the
blind-set brief: ``{"id", "note", "deal", "expect": {budget, authority, need, timeline, competitor,
next_step}}``).

Per note six fields are scored:

* ``budget``: right when both are null, or both are numbers within 1% (dollars);
* ``authority`` / ``need`` / ``next_step``: expected ``{"contains": [words]}`` -> right when the
  extraction is not null and contains every word (case-insensitive); expected null -> right when
  the extraction is null;
* ``timeline``: the same ``YYYY-MM-DD`` (or both null);
* ``competitor``: the same name, case-insensitive, ignoring a trailing ".com"/punctuation (or both null).

A field the note does NOT state (expected null) that the extraction fills is **invented**; one it
states that the extraction leaves null is **missed**; any other mismatch is **wrong**.

Usage::

    python benchmarks/bant_blind.py FILE.jsonl [--now 2026-11-21] [--details]

Prints one JSON object on stdout: {"file", "notes", "fields", "right", "fields_right_pct",
"invented", "missed", "wrong", "by_field": {field: {"right", "invented", "missed", "wrong"}}} and,
with ``--details``, every miss on stderr. Exit 0 (2 on an unreadable file).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.agents.bant import extract

FIELDS = ("budget", "authority", "need", "timeline", "competitor", "next_step")


def _norm_vendor(v: str) -> str:
    return re.sub(r"(\.com|\.io|\.ai|[\s.,'!-])", "", v.lower())


def judge(field: str, expected, got) -> str:
    """'right' | 'invented' | 'missed' | 'wrong' for one field (see the module docstring)."""
    if expected is None:
        return "right" if got in (None, "") else "invented"
    if got in (None, ""):
        return "missed"
    if field == "budget":
        ok = abs(float(got) - float(expected)) <= 0.01 * abs(float(expected))
    elif field in ("authority", "need", "next_step"):
        words = expected.get("contains", []) if isinstance(expected, dict) else [str(expected)]
        ok = all(str(w).lower() in str(got).lower() for w in words)
    elif field == "timeline":
        ok = str(got)[:10] == str(expected)[:10]
    else:
        ok = _norm_vendor(str(got)) == _norm_vendor(str(expected))
    return "right" if ok else "wrong"


def score(cases: list[dict], now: datetime, details: bool = False) -> dict:
    """Score ``cases``; returns the summary dict printed by :func:`main`."""
    by = {f: {"right": 0, "invented": 0, "missed": 0, "wrong": 0} for f in FIELDS}
    for case in cases:
        b = extract(case["note"], now)
        got = {"budget": b.budget, "authority": b.authority, "need": b.need, "timeline": b.timeline,
               "competitor": b.competitor, "next_step": b.next_step}
        for f in FIELDS:
            verdict = judge(f, case["expect"].get(f), got[f])
            by[f][verdict] += 1
            if details and verdict != "right":
                print(f"{case['id']} {f}: {verdict}: expected {case['expect'].get(f)!r}, got {got[f]!r}\n"
                      f"    {case['note']}", file=sys.stderr)
    total = len(cases) * len(FIELDS)
    right = sum(v["right"] for v in by.values())
    return {"notes": len(cases), "fields": total, "right": right,
            "fields_right_pct": round(100.0 * right / total, 1) if total else None,
            "invented": sum(v["invented"] for v in by.values()), "missed": sum(v["missed"] for v in by.values()),
            "wrong": sum(v["wrong"] for v in by.values()), "by_field": by}


def main(argv: list[str] | None = None) -> int:
    """Command line: see the module docstring."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("file")
    ap.add_argument("--now", default="2026-11-21", help="the notes' 'today' (default 2026-11-21, the brief's)")
    ap.add_argument("--details", action="store_true", help="list every field that is not right on stderr")
    args = ap.parse_args(argv)
    try:
        cases = [json.loads(line) for line in Path(args.file).read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, ValueError) as exc:
        print(f"bant_blind: cannot read {args.file}: {exc}", file=sys.stderr)
        return 2
    out = score(cases, datetime.fromisoformat(args.now).replace(hour=9), args.details)
    print(json.dumps({"file": str(args.file), **out}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
