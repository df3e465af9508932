#!/usr/bin/env bash
# Installs and starts what the test suite needs beyond Python: a Chromium for the browser tests and
# a PostgreSQL cluster with the test role and database. Idempotent; exits non-zero when a part
# cannot be had, so the test command fails rather than skips.
#
# Works on Debian 12/13 and Ubuntu 22.04/24.04 (run as root, or in a container): PostgreSQL is the
# distribution's own version (15, 17, 14, 16); Chromium is Debian's package, or on Ubuntu (whose
# chromium package is only a snap) the one Playwright downloads. The browser's path is written to
# .venv/browser_path, which `make test` passes to the tests as BROWSER_PATH.
set -euo pipefail
cd "$(dirname "$0")/.."

PG_USER=eska
PG_PASSWORD=eska
PG_DB=eska_test
# The app's own role: owns nothing, gets the rights of `db grant` (tests/test_database_role.py).
PG_APP_USER=eska_app
PG_APP_PASSWORD=eska_app
BROWSER_FILE=.venv/browser_path

say() { echo "services: $*" >&2; }
apt_install() {
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
distribution() { (. /etc/os-release && echo "${ID:-unknown}"); }
works() { [ -x "$1" ] && "$1" --version >/dev/null 2>&1; }

# --- Chromium ------------------------------------------------------------------------------------
browser="${BROWSER_PATH:-}"
if [ -z "$browser" ] || ! works "$browser"; then
  browser=/usr/bin/chromium
  if ! works "$browser"; then
    if [ "$(distribution)" = ubuntu ]; then
      say "installing Playwright's Chromium (Ubuntu's chromium package is a snap)"
      .venv/bin/python -m playwright install --with-deps chromium >/dev/null
      browser="$(.venv/bin/python - <<'PY'
from playwright.sync_api import sync_playwright
with sync_playwright() as p:
    print(p.chromium.executable_path)
PY
)"
    else
      say "installing Debian's chromium"
      apt_install chromium
    fi
  fi
fi
works "$browser" || { say "no working Chromium at $browser"; exit 1; }
mkdir -p .venv && echo "$browser" >"$BROWSER_FILE"

# --- PostgreSQL ----------------------------------------------------------------------------------
installed() { ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1; }
if [ -z "$(installed)" ] || ! command -v pg_ctlcluster >/dev/null 2>&1; then
  say "installing the distribution's PostgreSQL"
  apt_install postgresql
fi
PG_VERSION="$(installed)"
[ -n "$PG_VERSION" ] || { say "PostgreSQL did not install"; exit 1; }
if ! pg_lsclusters -h | grep -q "^$PG_VERSION main "; then
  pg_createcluster "$PG_VERSION" main >/dev/null
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
say "Chromium ($browser) and PostgreSQL $PG_VERSION ready"
