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


def test_one_kill_switch_implementation():
    """Issue 14: kill switches were implemented twice (agents/service.py and services/agent_switches.py).
    The stored switches are written by desktop/agents/switches.py only; the agents runtime and the
    desktop backend's fallback both go through it."""
    assert not (ROOT / "desktop" / "services" / "agent_switches.py").exists()
    writers = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "desktop").rglob("*.py")
                     if "set_agent_state(" in p.read_text(encoding="utf-8")
                     and p.relative_to(ROOT).as_posix() != "desktop/store/agents.py")
    assert writers == ["desktop/agents/switches.py"]
    for user in ("desktop/agents/service.py", "desktop/services/agents_facade.py"):
        assert "switches.set_killed(" in (ROOT / user).read_text(encoding="utf-8"), user
