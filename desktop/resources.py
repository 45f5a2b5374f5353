"""Where the bundled files live: ``resources/`` (demo workspace, loadouts, samples), next to the
package in a checkout and inside the PyInstaller bundle when frozen. Imports nothing heavy."""

from __future__ import annotations

import sys
from pathlib import Path

#: ``resources/`` of a checkout
RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def resources_dir() -> Path:
    """The ``resources/`` folder (next to the package in a checkout; bundled by PyInstaller)."""
    base = Path(getattr(sys, "_MEIPASS", "")) / "resources"
    return base if base.exists() else RESOURCES
