#!/usr/bin/env bash
# Start the app (demo journal, unlocked) on a virtual screen with the AT-SPI bus, then read its tree as a
# screen reader would. Needs Debian's xvfb, at-spi2-core and python3-pyatspi (see docs/accessibility.md).
# Usage: tests/a11y/atspi_tree.sh [OUT.txt [TAB]]   (TAB: journal_page, checkin_page, … goals_page by default)
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${1:-/dev/stdout}"
tab="${2:-goals_page}"
home=$(mktemp -d)
dbus-run-session -- bash -c '
  /usr/libexec/at-spi-bus-launcher --launch-immediately &
  sleep 1
  export QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 QT_ACCESSIBILITY=1 HOME="$1" RECOVERYJOURNAL_INSECURE_FAST_KDF=1
  xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python -m tests.a11y.unlocked_demo "$3" &
  app=$!
  sleep 8
  /usr/bin/python3 tests/a11y/atspi_dump.py "Recovery Journal" > "$2" || true
  kill $app 2>/dev/null || true
' _ "$home" "$out" "$tab"
rm -rf "$home"
