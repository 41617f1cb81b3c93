#!/usr/bin/env bash
# Install the built bundle (dist/RecoveryJournal) with a menu entry and icons, or remove it again.
#   ./packaging/install-linux.sh                 for you alone (~/.local)
#   sudo ./packaging/install-linux.sh --system   for everyone on this computer (/opt, /usr/local), e.g. a shared PC
#   ./packaging/install-linux.sh --uninstall [--system]
# Journals are never touched: they live wherever people keep them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
SYSTEM=0
UNINSTALL=0
for arg in "$@"; do
  case "$arg" in
    --system) SYSTEM=1 ;;
    --uninstall) UNINSTALL=1 ;;
    -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
    *) echo "Unknown option: $arg (try --help)" >&2; exit 2 ;;
  esac
done
if [ "$SYSTEM" = 1 ]; then
  APP_DIR=/opt/recoveryjournal; BIN_DIR=/usr/local/bin; SHARE=/usr/local/share
  [ "$(id -u)" = 0 ] || { echo "Installing for everyone needs admin rights: run it with sudo." >&2; exit 1; }
else
  APP_DIR="$HOME/.local/opt/recoveryjournal"; BIN_DIR="$HOME/.local/bin"; SHARE="${XDG_DATA_HOME:-$HOME/.local/share}"
fi
DESKTOP="$SHARE/applications/recoveryjournal.desktop"
SIZES="16 24 32 48 64 128 256 512"

refresh() {
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$SHARE/applications" || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$SHARE/icons/hicolor" 2>/dev/null || true
}

if [ "$UNINSTALL" = 1 ]; then
  rm -rf "$APP_DIR"
  rm -f "$BIN_DIR/recoveryjournal" "$BIN_DIR/recoveryjournal-cli" "$DESKTOP"
  for s in $SIZES; do rm -f "$SHARE/icons/hicolor/${s}x${s}/apps/recoveryjournal.png"; done
  rm -f "$SHARE/icons/hicolor/scalable/apps/recoveryjournal.svg"
  refresh
  echo "Recovery Journal has been removed. Journals were not touched."
  exit 0
fi

[ -x dist/RecoveryJournal/recoveryjournal ] || { echo "Build it first: ./packaging/build.sh" >&2; exit 1; }
mkdir -p "$APP_DIR" "$BIN_DIR" "$SHARE/applications"
rm -rf "$APP_DIR.new"
cp -a dist/RecoveryJournal "$APP_DIR.new"
rm -rf "$APP_DIR" && mv "$APP_DIR.new" "$APP_DIR"
ln -sf "$APP_DIR/recoveryjournal" "$BIN_DIR/recoveryjournal"
printf '#!/bin/sh\nexec "%s/recoveryjournal" cli "$@"\n' "$APP_DIR" > "$BIN_DIR/recoveryjournal-cli"
chmod 755 "$BIN_DIR/recoveryjournal-cli"
for s in $SIZES; do
  install -D -m 644 "resources/icons/recoveryjournal-$s.png" "$SHARE/icons/hicolor/${s}x${s}/apps/recoveryjournal.png"
done
install -D -m 644 resources/icons/recoveryjournal.svg "$SHARE/icons/hicolor/scalable/apps/recoveryjournal.svg"
sed "s|^Exec=.*|Exec=$APP_DIR/recoveryjournal|" packaging/linux/recoveryjournal.desktop > "$DESKTOP"
chmod 644 "$DESKTOP"
refresh
echo "Installed in $APP_DIR. Start it from the menu (Recovery Journal) or with: $BIN_DIR/recoveryjournal"
