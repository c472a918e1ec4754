#!/usr/bin/env bash
# Installs Debian's chromium for the browser tests (tests/test_browser.py).
# Idempotent: does nothing when /usr/bin/chromium is already there.
# Playwright drives this system browser; we never run `playwright install`
# (that downloads a browser build, which this project's machines cannot fetch).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
    echo "chromium already installed: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
    exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends chromium chromium-driver fonts-dejavu-core
/usr/bin/chromium --version || true
