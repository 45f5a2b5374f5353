"""The CSV import as a child process of the desktop app, reporting over its stdout as JSON lines.

    python -m desktop.cli.import_worker --data-dir DIR [--strict] PATH...

Lines (one JSON object each):
* ``{"progress": [file name, bytes done, bytes total, rows read]}`` at most every 0.1 s per file;
* ``{"report": ImportReport.as_dict()}`` on success (exit 0);
* ``{"error": message, "problems": ["file:line: reason", ...]}`` when nothing was imported (exit 1).

The import is one transaction (:func:`desktop.store.importer.import_paths`): killing the child
(cancel) writes nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from desktop import bootstrap
from desktop.config import Settings


def _emit(obj: dict) -> None:
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def main(argv: list[str] | None = None) -> int:
    """Run one import; returns the exit code (0 imported, 1 nothing imported)."""
    ap = argparse.ArgumentParser(prog="import_worker")
    ap.add_argument("--data-dir", type=Path, required=True)
    ap.add_argument("--strict", action="store_true")
    ap.add_argument("paths", nargs="+")
    a = ap.parse_args(argv)

    from desktop.store.importer import ImportFailed, import_paths  # lazy: SQLAlchemy after the arguments parse

    last: dict[str, float] = {}

    def progress(name: str, done: int, total: int, rows: int) -> None:
        now = time.monotonic()
        if done < total and now - last.get(name, 0.0) < 0.1:
            return
        last[name] = now
        _emit({"progress": [name, done, total, rows]})

    try:
        ws = bootstrap.open_workspace(Settings(data_dir=a.data_dir), seed_demo=False)
    except Exception as exc:  # noqa: BLE001 - reported to the parent as one line
        _emit({"error": f"cannot open the workspace: {exc}", "problems": []})
        return 1
    try:
        report = import_paths(ws, a.paths, strict=a.strict, progress=progress)
    except ImportFailed as exc:
        _emit({"error": str(exc), "problems": exc.problems[:200]})
        return 1
    except Exception as exc:  # noqa: BLE001 - WorkspaceError and the unexpected: one clear line
        _emit({"error": f"{type(exc).__name__}: {exc}", "problems": []})
        return 1
    finally:
        ws.dispose()
    _emit({"report": report.as_dict()})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
