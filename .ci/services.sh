#!/usr/bin/env bash
# Installs and starts what the test suite needs beyond Python: Debian's Chromium for the browser
# tests and a PostgreSQL 15 cluster with the test role and database. Idempotent; exits non-zero
# when a part cannot be had, so the test command fails rather than skips.
set -euo pipefail

PG_VERSION=15
PG_USER=eska
PG_PASSWORD=eska
PG_DB=eska_test
# The app's own role: owns nothing, gets the rights of `db grant` (tests/test_database_role.py).
PG_APP_USER=eska_app
PG_APP_PASSWORD=eska_app

if ! command -v chromium >/dev/null 2>&1; then
  echo "services: installing Debian's chromium" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
chromium --version >/dev/null

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "services: installing PostgreSQL $PG_VERSION" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "postgresql-$PG_VERSION" >/dev/null
fi
if ! pg_lsclusters -h | grep -q "^$PG_VERSION main .* online"; then
  pg_ctlcluster "$PG_VERSION" main start
fi
su postgres -c "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname='$PG_USER'\"" | grep -q 1 ||
  su postgres -c "psql -qc \"CREATE ROLE $PG_USER LOGIN PASSWORD '$PG_PASSWORD' CREATEDB\""
su postgres -c "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname='$PG_APP_USER'\"" | grep -q 1 ||
  su postgres -c "psql -qc \"CREATE ROLE $PG_APP_USER LOGIN PASSWORD '$PG_APP_PASSWORD'\""
su postgres -c "psql -tAc \"SELECT 1 FROM pg_database WHERE datname='$PG_DB'\"" | grep -q 1 ||
  su postgres -c "psql -qc \"CREATE DATABASE $PG_DB OWNER $PG_USER\""
echo "services: chromium and PostgreSQL $PG_VERSION ready" >&2
