# Spectrum — `make run` installs everything and starts the app; `make test` runs ruff, mypy and the whole
# test suite.
# Both are idempotent. System packages come from apt-get when run as root or with sudo; otherwise the
# list is printed.
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
UV := $(BIN)/uv pip install --python $(BIN)/python --require-hashes
SYSTEM_PACKAGES := python3-venv libportaudio2 libsndfile1 libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 \
  libfontconfig1 libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 \
  libxcb-randr0 libxcb-render-util0 libxcb-image0 libglib2.0-0 espeak-ng sox libsox-fmt-mp3 ffmpeg xvfb xauth \
  postgresql

.PHONY: run test check system-deps package bench clean

system-deps: $(VENV)/.system-stamp
$(VENV)/.system-stamp:
	@mkdir -p $(VENV)
	@missing=$$(for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -z "$$missing" ]; then true; \
	elif [ "$$(id -u)" -eq 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	else echo "Please install these Debian/Ubuntu packages, then run make again:"; echo "  sudo apt-get install $$missing"; exit 1; fi
	@touch $@

$(BIN)/python:
	$(PY) -m venv $(VENV)

$(VENV)/.bootstrap-stamp: requirements/bootstrap.lock | $(BIN)/python
	$(BIN)/python -m pip install -q --require-hashes -r requirements/bootstrap.lock
	@touch $@

$(VENV)/.runtime-stamp: requirements/runtime.lock pyproject.toml $(VENV)/.bootstrap-stamp
	$(UV) -q -r requirements/runtime.lock
	$(BIN)/uv pip install --python $(BIN)/python -q --no-deps --no-build-isolation -e .
	@touch $@

$(VENV)/.dev-stamp: requirements/dev.lock $(VENV)/.runtime-stamp
	$(UV) -q -r requirements/runtime.lock -r requirements/dev.lock
	@touch $@

run: $(VENV)/.system-stamp $(VENV)/.runtime-stamp
	$(BIN)/spectrum

# Static checks (settings in pyproject.toml): lint, then types; any finding stops the run.
check: $(VENV)/.dev-stamp
	$(BIN)/ruff check .
	$(BIN)/mypy

test: $(VENV)/.system-stamp check
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

$(VENV)/.package-stamp: requirements/package.lock $(VENV)/.runtime-stamp
	$(UV) -q -r requirements/runtime.lock -r requirements/package.lock
	@touch $@

package: $(VENV)/.system-stamp $(VENV)/.package-stamp
	bash packaging/build.sh

bench: $(VENV)/.runtime-stamp
	@[ -d bench-data/synth ] || $(BIN)/python benchmarks/synth.py bench-data/synth
	$(BIN)/python benchmarks/import_bench.py bench-data/synth

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
