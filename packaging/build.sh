#!/usr/bin/env bash
# Build the one-folder desktop app with PyInstaller: dist/spectrum/spectrum
# Usage: packaging/build.sh            (Makefile target: `package: ; packaging/build.sh`)
# Needs pyinstaller in the venv: `make package` installs requirements/package.lock first.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
if ! "$PY" -c "import PyInstaller" 2>/dev/null; then
    echo "pyinstaller is not installed: add an exact pin (pyinstaller==6.x) to requirements/dev.in," >&2
    echo "re-lock (see docs/dev/HELPERS.md) and install, then run this script again." >&2
    exit 2
fi
"$PY" -m PyInstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller packaging/spectrum.spec
# desktop integration files next to the binary (install: copy to ~/.local/share/{applications,icons})
install -m 644 packaging/spectrum.desktop dist/spectrum/spectrum.desktop
install -m 644 packaging/spectrum-256.png dist/spectrum/spectrum.png
echo "Built dist/spectrum/ ($(du -sh dist/spectrum | cut -f1)). Smoke check:"
QT_QPA_PLATFORM=offscreen dist/spectrum/spectrum --smoke
