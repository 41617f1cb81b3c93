#!/usr/bin/env bash
# Run a built Linux bundle's --self-test on other Debian releases: each in a minimal root made with debootstrap,
# with only the libraries a desktop has (not the xcb-util family, which the bundle brings), under the offscreen
# platform and under a real X server (Xvfb, the xcb platform).
#   sudo ./packaging/linux/try-elsewhere.sh [BUNDLE] [SUITE ...]
#     BUNDLE defaults to dist/RecoveryJournal; SUITES to "bullseye trixie" (Debian 11, the oldest the archive
#     serves, glibc 2.31; Debian 13, newer libraries than the build machine, glibc 2.41)
# Prints one line per release and platform, and exits 1 when any self-test fails. See docs/packaging.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
case "${1:-}" in -h|--help) sed -n '2,8p' "$0"; exit 0 ;; esac
[ "$(id -u)" = 0 ] || { echo "Please run this as root (it makes Debian roots with debootstrap and uses chroot)." >&2; exit 2; }
BUNDLE="$(realpath "${1:-dist/RecoveryJournal}")"
shift || true
if [ $# -gt 0 ]; then SUITES=("$@"); else SUITES=(bullseye trixie); fi
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
[ -x "$BUNDLE/recoveryjournal" ] || { echo "No bundle at $BUNDLE: build it first (packaging/build.sh)." >&2; exit 2; }
# What a desktop has: GL/EGL, fonts, D-Bus, GLib, core X11 and xcb, xkbcommon, Wayland's client libraries, CUPS.
DESKTOP=(libgl1 libegl1 libfontconfig1 libfreetype6 fonts-dejavu-core libdbus-1-3 libglib2.0-0 libx11-6
  libx11-xcb1 libxcb1 libxcb-randr0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 libxcb-render0 libxcb-shm0
  libxcb-sync1 libxcb-glx0 libxkbcommon0 libxkbcommon-x11-0 libwayland-client0 libwayland-cursor0 libwayland-egl1
  libcups2 xvfb xauth)
command -v debootstrap >/dev/null || { apt-get update -qq && apt-get install -y -qq debootstrap >/dev/null; }
# Kept outside the source tree (pip would walk it) and reused; whatever is mounted is unmounted however this ends.
ROOTS="${RJ_ROOTS:-${XDG_CACHE_HOME:-$HOME/.cache}/recoveryjournal-build/roots}"
mounted=()
cleanup() { for ((i=${#mounted[@]}-1; i>=0; i--)); do umount -l "${mounted[i]}" 2>/dev/null || true; done; mounted=(); }
trap cleanup EXIT
failed=0
for suite in "${SUITES[@]}"; do
  root="$ROOTS/$suite-run"
  if [ ! -x "$root/usr/bin/apt-get" ]; then
    mkdir -p "$(dirname "$root")"
    debootstrap --variant=minbase "$suite" "$root" "$MIRROR" >/dev/null
  fi
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  for m in proc sys dev dev/pts; do
    mountpoint -q "$root/$m" || { mount --bind "/$m" "$root/$m"; mounted+=("$root/$m"); }
  done
  in_root() { chroot "$root" /usr/bin/env DEBIAN_FRONTEND=noninteractive HOME=/root \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$@"; }
  in_root apt-get update -qq >/dev/null
  in_root apt-get install -y -qq --no-install-recommends "${DESKTOP[@]}" >/dev/null
  rm -rf "$root/opt/RecoveryJournal" && cp -a "$BUNDLE" "$root/opt/RecoveryJournal"
  glibc=$(in_root ldd --version 2>/dev/null | awk 'NR == 1 {print $NF}')
  for platform in offscreen xcb; do
    run=(env QT_QPA_PLATFORM="$platform" /opt/RecoveryJournal/recoveryjournal --self-test)
    [ "$platform" = xcb ] && run=(xvfb-run -a -s "-screen 0 1280x720x24" "${run[@]}")
    if out=$(in_root "${run[@]}" 2>&1); then
      echo "Debian $suite (glibc $glibc), $platform: self-test passed. $(echo "$out" | tail -1)"
    else
      echo "Debian $suite (glibc $glibc), $platform: self-test FAILED:"; echo "$out" | tail -15 | sed 's/^/    /'
      failed=1
    fi
  done
  cleanup
done
exit "$failed"
