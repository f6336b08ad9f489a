#!/usr/bin/env bash
# What the test suite needs beyond the app's own system packages (scripts/install-system-deps.sh):
#   * Debian's PostgreSQL, started on 127.0.0.1 with a `kenesshi` role and a `kenesshi_test` database,
#     so the registry tests run against a real server as well as SQLite;
#   * Debian's Chromium, which Playwright drives for the end-to-end browser test (no `playwright install`).
# Prints `KENESSHI_TEST_PG_URL=...` on its last line for the Makefile. With KENESSHI_REQUIRE_SYSTEM_DEPS=1 (CI)
# any failure is fatal; otherwise the tests that need the missing piece are skipped with the reason.
set -u
PACKAGES="postgresql chromium fonts-dejavu-core"
PG_USER=kenesshi
PG_PASSWORD=kenesshi
PG_DB=kenesshi_test
PG_PORT="${KENESSHI_TEST_PG_PORT:-5432}"

fail() {
  echo "test dependencies: $1" >&2
  if [ "${KENESSHI_REQUIRE_SYSTEM_DEPS:-0}" = "1" ]; then exit 1; fi
  exit 0
}
if [ "$(id -u)" = "0" ]; then SUDO=""; elif sudo -n true 2>/dev/null; then SUDO="sudo -n"; else SUDO="none"; fi

missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  [ "$SUDO" = "none" ] && fail "missing:$missing and not root (sudo apt-get install -y$missing)"
  command -v apt-get >/dev/null 2>&1 || fail "missing:$missing and apt-get not found"
  export DEBIAN_FRONTEND=noninteractive
  echo "installing test packages:$missing" >&2
  $SUDO apt-get install -y -q --no-install-recommends $missing >/dev/null 2>&1 \
    || { $SUDO apt-get update -q >/dev/null 2>&1 && $SUDO apt-get install -y -q --no-install-recommends $missing >/dev/null; } \
    || fail "apt-get install$missing failed"
fi

# Start the Debian cluster (no systemd in containers: pg_ctlcluster directly).
if [ "$SUDO" != "none" ]; then
  version=$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1)
  [ -n "$version" ] || fail "PostgreSQL not installed"
  if ! pg_lsclusters -h 2>/dev/null | grep -q "^$version "; then
    $SUDO pg_createcluster "$version" main >/dev/null || fail "pg_createcluster failed"
  fi
  if ! pg_lsclusters -h | grep "^$version main" | grep -q online; then
    $SUDO pg_ctlcluster "$version" main start || fail "PostgreSQL did not start"
  fi
  psql_admin() { $SUDO su postgres -s /bin/sh -c "psql -p $PG_PORT -v ON_ERROR_STOP=1 -qtAc \"$1\""; }
  for _ in $(seq 1 30); do psql_admin "SELECT 1" >/dev/null 2>&1 && break; sleep 1; done
  if [ "$(psql_admin "SELECT 1 FROM pg_roles WHERE rolname='$PG_USER'")" != "1" ]; then
    psql_admin "CREATE ROLE $PG_USER LOGIN CREATEDB PASSWORD '$PG_PASSWORD'" || fail "cannot create role"
  fi
  if [ "$(psql_admin "SELECT 1 FROM pg_database WHERE datname='$PG_DB'")" != "1" ]; then
    psql_admin "CREATE DATABASE $PG_DB OWNER $PG_USER" || fail "cannot create database"
  fi
  echo "KENESSHI_TEST_PG_URL=postgresql+psycopg://$PG_USER:$PG_PASSWORD@127.0.0.1:$PG_PORT/$PG_DB"
fi
