#!/usr/bin/env bash
# Install what Recovery Journal needs on this machine, then the app itself into .venv.
#   ./packaging/setup.sh         system libraries for Qt + the app
#   ./packaging/setup.sh --dev   also test tools (pytest, pytest-qt, ...) and Xvfb/poppler for screenshots
#   ./packaging/setup.sh --no-venv   only the system libraries (used by packaging/build.sh)
# Safe to run again: it only installs what is missing.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
DEV=0
VENV=1
for arg in "$@"; do
  case "$arg" in
    --dev) DEV=1 ;;
    --no-venv) VENV=0 ;;
    -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
    *) echo "Unknown option: $arg (try --help)" >&2; exit 2 ;;
  esac
done

PYTHON="${PYTHON:-python3}"
# What Qt's xcb and offscreen platforms load on a bare Debian/Ubuntu (see docs/development.md).
QT_PACKAGES=(libegl1 libgl1 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0 libxkbcommon0 libxkbcommon-x11-0
  libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0
  libxcb-shape0 libxcb-xfixes0 libxcb-xinerama0 libxcb-xkb1 fonts-dejavu-core)
DEV_PACKAGES=(xvfb xauth poppler-utils dbus strace shellcheck)  # strace: the write-fault battery injects real
# syscall errors; shellcheck: actionlint checks the workflow's scripts with it

missing=()
if command -v dpkg >/dev/null 2>&1; then
  wanted=("${QT_PACKAGES[@]}")
  [ "$DEV" = 1 ] && wanted+=("${DEV_PACKAGES[@]}")
  "$PYTHON" -m venv --help >/dev/null 2>&1 && "$PYTHON" -c "import ensurepip" 2>/dev/null || wanted+=(python3-venv)
  for pkg in "${wanted[@]}"; do
    dpkg -s "$pkg" 2>/dev/null | grep -q "^Status: install ok installed" || missing+=("$pkg")
  done
fi

if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing system packages: ${missing[*]}"
  if [ "$(id -u)" = 0 ]; then SUDO=(); elif command -v sudo >/dev/null 2>&1; then SUDO=(sudo); else SUDO=(none); fi
  if [ "${SUDO[0]:-}" = none ]; then
    echo "Please ask someone with admin rights to run:"
    echo "  apt-get install -y ${missing[*]}"
  else
    export DEBIAN_FRONTEND=noninteractive
    "${SUDO[@]}" apt-get update -qq
    if ! "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
      # Another release may name a package differently: install what it has, and say what it hasn't.
      for pkg in "${missing[@]}"; do
        "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "$pkg" >/dev/null 2>&1 \
          || echo "Note: the system package $pkg isn't available here; Qt may still work without it."
      done
    fi
  fi
elif ! command -v dpkg >/dev/null 2>&1; then
  echo "Not a Debian-like system: make sure Qt's usual libraries (EGL, fontconfig, xkbcommon, xcb) are installed."
fi

"$PYTHON" - <<'PY' || { echo "Recovery Journal needs Python 3.11 or newer (set PYTHON=/path/to/python3.11)." >&2; exit 1; }
import sys
sys.exit(0 if sys.version_info >= (3, 11) else 1)
PY
[ "$VENV" = 1 ] || exit 0

if [ ! -x .venv/bin/python ]; then
  echo "Making a virtual environment in .venv"
  "$PYTHON" -m venv .venv
  .venv/bin/python -m pip install --quiet --upgrade pip
fi

target="."
[ "$DEV" = 1 ] && target=".[dev]"
stamp=".venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)-$DEV"
if [ ! -f "$stamp" ]; then
  if [ "$DEV" = 1 ]; then echo "Installing Recovery Journal with its test tools into .venv"
  else echo "Installing Recovery Journal into .venv"; fi
  .venv/bin/python -m pip install --quiet -e "$target"
  rm -f .venv/.installed-* && touch "$stamp"
fi
echo "Ready: .venv/bin/recoveryjournal (the app) and .venv/bin/recoveryjournal-cli"
