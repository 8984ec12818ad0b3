#!/usr/bin/env bash
# Install everything frkg needs on a fresh Debian machine.
#   bash scripts/setup.sh          runtime only (Python package, YASGUI assets)
#   bash scripts/setup.sh --test   also Chromium (browser tests) and Virtuoso (remote-store tests)
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if [ "$want_test" = 1 ]; then
  need=()
  [ -x /usr/bin/chromium ] || need+=(chromium chromium-driver)
  command -v virtuoso-t >/dev/null || need+=(virtuoso-opensource)
  command -v java >/dev/null || need+=(default-jre-headless)
  if [ "${#need[@]}" -gt 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get update -q
    # Virtuoso's post-install would start a server on all interfaces with the
    # default password: forbid service starts while installing.
    as_root sh -c "printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d"
    as_root apt-get install -y -q "${need[@]}" || { as_root rm -f /usr/sbin/policy-rc.d; exit 1; }
    as_root rm -f /usr/sbin/policy-rc.d
    as_root sh -c 'pkill -x virtuoso-t || true'
  fi
  python3 -m pip install -q -e ".[test]"
else
  python3 -m pip install -q -e .
fi

# YASGUI (SPARQL editor) from npm, pinned by package-lock.json, never committed.
if [ -f package-lock.json ]; then
  npm ci --no-audit --no-fund --silent
fi
