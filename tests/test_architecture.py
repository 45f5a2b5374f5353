"""Layer rules from DESIGN.md, enforced with import-linter (contracts live in pyproject.toml), and
start-up hygiene: importing the package builds nothing and pulls in no heavy library."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_linter_contracts_hold():
    exe = Path(sys.executable).with_name("lint-imports")
    proc = subprocess.run([str(exe), "--config", str(ROOT / "pyproject.toml")], cwd=ROOT,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "broken" not in proc.stdout.lower() or " 0 broken" in proc.stdout.lower()


def test_cli_import_is_light():
    code = ("import sys, desktop.cli, desktop.bootstrap, desktop.planner.offline;"
            "heavy=[m for m in ('litellm','faster_whisper','ctranslate2','PySide6','sqlalchemy','httpx')"
            " if m in sys.modules]; print(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"imported at start-up: {out.stdout.strip()}"
