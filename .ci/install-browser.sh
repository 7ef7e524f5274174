#!/usr/bin/env bash
# Install Debian's Chromium for the end-to-end browser tests (tests/test_e2e_browser.py). Idempotent.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
    echo "chromium finnes allerede: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
$SUDO apt-get update
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
/usr/bin/chromium --version
