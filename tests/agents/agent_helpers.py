"""Helpers shared by the agents tests (imported by name; pytest puts this folder on sys.path)."""

from __future__ import annotations

from pathlib import Path


def write_loadout(data_dir: Path, name: str, text: str) -> Path:
    """Write ``<data_dir>/loadouts/<name>.yaml``."""
    p = data_dir / "loadouts" / f"{name}.yaml"
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p


def builtin_text(name: str, **changes: str) -> str:
    """A built-in loadout's YAML with top-level ``key: value`` lines replaced."""
    from desktop.agents.loadout import builtin_dir

    fname = name.replace("-", "_") + ".yaml"
    lines = (builtin_dir() / fname).read_text(encoding="utf-8").splitlines()
    out = []
    for ln in lines:
        key = ln.split(":", 1)[0]
        if key in changes and not ln.startswith(" "):
            out.append(f"{key}: {changes.pop(key)}")
        else:
            out.append(ln)
    out += [f"{k}: {v}" for k, v in changes.items()]
    return "\n".join(out) + "\n"
