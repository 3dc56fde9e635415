#!/usr/bin/env bash
# Make sure the Debian packages the build (and optionally the tests) need are installed.
# Usage: scripts/system-deps.sh build|test
# As root: installs what is missing with apt-get. Otherwise: one line saying what to install.
set -euo pipefail

need=()
have_lib() { ldconfig -p 2>/dev/null | grep -q "$1"; }

command -v dot >/dev/null 2>&1 || need+=(graphviz)
have_lib libpango-1.0.so.0 || need+=(libpango-1.0-0)
have_lib libpangoft2-1.0.so.0 || need+=(libpangoft2-1.0-0)
fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core)
command -v git >/dev/null 2>&1 || need+=(git)
if [ "${1:-build}" = "test" ]; then
  # Debian's Chromium drives the browser tests; CHROMIUM_PATH may name another (e.g. Chrome).
  [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || need+=(chromium)
  # npm installs the pinned axe-core (package-lock.json) for the accessibility tests.
  command -v npm >/dev/null 2>&1 || need+=(npm)
  command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
  # Java runs the W3C Nu Html Checker (vnu-jar, pinned in package-lock.json).
  command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
fi

[ ${#need[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Asennetaan järjestelmäpaketit: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
else
  echo "Puuttuvat järjestelmäpaketit – asenna ne: sudo apt-get install ${need[*]}" >&2
  exit 1
fi
