#!/usr/bin/env bash
# Starts a local PostgreSQL (Debian's package) on 127.0.0.1:5432 for the test suite and prints the URL
# for SPECTRUM_TEST_POSTGRES_URL. Needs root (or sudo). Idempotent.
set -euo pipefail
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >&2
fi
ver=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^$ver main$"; then
  $SUDO pg_createcluster "$ver" main >&2
fi
if ! pg_lsclusters -h | grep -q "^$ver main .* online"; then
  $SUDO pg_ctlcluster "$ver" main start >&2
fi
for _ in $(seq 1 50); do
  $SUDO -u postgres psql -qtAc "SELECT 1" >/dev/null 2>&1 && break
  su postgres -c "psql -qtAc 'SELECT 1'" >/dev/null 2>&1 && break
  sleep 0.2
done
run_psql() { if [ -z "$SUDO" ]; then su postgres -c "psql -qtAc \"$1\""; else sudo -u postgres psql -qtAc "$1"; fi; }
if [ "$(run_psql "SELECT 1 FROM pg_roles WHERE rolname='spectrum'")" != "1" ]; then
  run_psql "CREATE ROLE spectrum LOGIN SUPERUSER PASSWORD 'spectrum'" >&2
fi
echo "postgresql+psycopg://spectrum:spectrum@127.0.0.1:5432/postgres"
