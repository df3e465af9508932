#!/usr/bin/env bash
# Prints a Python 3.11+ that can make a virtual environment, for the Makefile's PYTHON.
# Debian and Ubuntu ship Python without venv support (the python3-venv package): as root it is
# installed, otherwise this says how and fails. Any message goes to standard error.
set -euo pipefail

say() { echo "setup: $*" >&2; }

python=""
for candidate in ${PYTHON:-} python3.13 python3.12 python3.11 python3; do
  if command -v "$candidate" >/dev/null 2>&1 &&
    "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    python="$(command -v "$candidate")"
    break
  fi
done
if [ -z "$python" ]; then
  say "Python 3.11 or newer is needed; found: $(python3 --version 2>&1 || echo none)."
  say "On Debian 12+ or Ubuntu 24.04: apt-get install python3; on Ubuntu 22.04: python3.11."
  exit 1
fi

if ! "$python" -c 'import ensurepip, venv' >/dev/null 2>&1; then
  version="$("$python" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')"
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing python$version-venv"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "python$version-venv" >/dev/null ||
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
  else
    say "$python cannot make a virtual environment: install python$version-venv"
    say "(as root: apt-get install python$version-venv), then run make again."
    exit 1
  fi
fi
echo "$python"
