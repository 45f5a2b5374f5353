#!/usr/bin/env python3
"""Score the reply reader (:mod:`desktop.planner.replies`) on a set of spoken replies.

Input: JSON Lines in the format of the blind reply set (``/work/brief/REPLIES_SPEC.md``): one case a
line, ``{"id", "context", "utterance", "expect"}``. Output: one JSON object on stdout::

    {"file": str, "cases": int, "correct": int, "share": float (0-1),
     "mistaken_destructive": int,   # replies read as a new instruction that deletes something
     "unsafe_delete_confirms": int, # destructive plans confirmed when the case expected no confirm
     "by_kind": {expected kind: [correct, total]},
     "wrong": [{"id", "utterance", "expect", "got", "why"}]}

A case is correct when the reply kind matches and, for ``choose`` the option index, for
``approve``/``reject`` the item id, for ``edit`` the field and value (numbers compared as numbers,
text case-insensitively) match. "Today" is the spec's Saturday 2026-11-21.

Usage: ``python benchmarks/replies_blind.py FILE.jsonl [--wrong]`` (``--wrong`` keeps the list of
misread cases; without it only their count is printed, so a blind set stays unread by the scorer's
user). Exit 0; 2 on an unreadable file.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop.planner.replies import Reply, ReplyContext, read_reply

TODAY = date(2026, 11, 21)
_DELETE = re.compile(r"\b(?:delete|remove|erase|wipe|get rid of|destroy|purge|trash)\b", re.I)


def _same_value(a, b) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(float(a) - float(b)) < 1e-6
    return str(a).strip().lower() == str(b).strip().lower()


def correct(expect: dict, got: Reply) -> bool:
    """True when ``got`` reads the case as ``expect`` says (see the module docstring)."""
    if got.kind != expect.get("reply"):
        return False
    if got.kind == "choose":
        return got.choice == expect.get("choice")
    if got.kind in ("approve", "reject"):
        return str(got.approval) == str(expect.get("approval"))
    if got.kind == "edit":
        e = expect.get("edit") or {}
        return got.field == e.get("field") and _same_value(got.value, e.get("value"))
    return True


def score(cases: list[dict]) -> dict:
    """Score ``cases`` (parsed JSON lines); returns the report dict printed by :func:`main`."""
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    wrong, ok, mistaken, unsafe = [], 0, 0, 0
    for case in cases:
        ctx = ReplyContext.from_json(case["context"])
        got = read_reply(case["utterance"], ctx, today=TODAY)
        exp = case["expect"]
        good = correct(exp, got)
        kind = exp.get("reply", "?")
        by_kind[kind][1] += 1
        if good:
            ok += 1
            by_kind[kind][0] += 1
        else:
            wrong.append({"id": case.get("id"), "utterance": case["utterance"], "expect": exp,
                          "got": got.as_json(), "why": got.why})
        if got.kind == "new_instruction" and kind != "new_instruction" and _DELETE.search(case["utterance"]):
            mistaken += 1
        if ctx.destructive and got.kind == "confirm" and kind != "confirm":
            unsafe += 1
    n = len(cases)
    return {"cases": n, "correct": ok, "share": round(ok / n, 4) if n else 0.0, "mistaken_destructive": mistaken,
            "unsafe_delete_confirms": unsafe, "by_kind": dict(sorted(by_kind.items())), "wrong": wrong}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("file", type=Path)
    ap.add_argument("--wrong", action="store_true", help="list the misread cases")
    args = ap.parse_args(argv)
    try:
        cases = [json.loads(line) for line in args.file.read_text("utf-8").splitlines() if line.strip()]
    except (OSError, ValueError) as exc:
        print(f"replies_blind: cannot read {args.file}: {exc}", file=sys.stderr)
        return 2
    report = {"file": str(args.file), **score(cases)}
    if not args.wrong:
        report["wrong"] = len(report["wrong"])
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
