#!/usr/bin/env bash
# Build the Linux bundle inside a minimal Debian 11 root (glibc 2.31), so it runs on any current Linux with
# glibc 2.31 or newer (Ubuntu 20.04+, Debian 11+, RHEL/Rocky 9, Fedora, …), not only on machines like this one.
#   sudo ./packaging/linux/build-in-debian11.sh [--check]
#     → dist/RecoveryJournal/ and dist/RecoveryJournal-linux-x86_64.tar.gz (with --check: the self-test too)
# Needs root (debootstrap and chroot) and Debian's package archive. The root is kept outside the source tree
# (RJ_ROOTS, default ~/.cache/recoveryjournal-build/roots: pip would otherwise walk it) and reused:
# the first run takes ~15 minutes (it builds Python 3.11 from Debian's source package), later runs ~3.
# See docs/packaging.md ("Which Linux it runs on").
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
CHECK=()
for arg in "$@"; do
  case "$arg" in
    --check) CHECK=(--check) ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "Unknown option: $arg (try --help)" >&2; exit 2 ;;
  esac
done
[ "$(id -u)" = 0 ] || { echo "Please run this as root (it makes a Debian root with debootstrap and uses chroot)." >&2; exit 2; }
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
ROOTS="${RJ_ROOTS:-${XDG_CACHE_HOME:-$HOME/.cache}/recoveryjournal-build/roots}"
ROOT="$ROOTS/debian11-build"
PY=/opt/python3.11/bin/python3.11
started=$(date +%s)

command -v debootstrap >/dev/null || { apt-get update -qq && apt-get install -y -qq debootstrap >/dev/null; }
if [ ! -x "$ROOT/usr/bin/apt-get" ]; then
  echo "Making a minimal Debian 11 root in $ROOT …"
  mkdir -p "$(dirname "$ROOT")"
  debootstrap --variant=minbase bullseye "$ROOT" "$MIRROR" >/dev/null
fi

# What the root needs from this machine to reach the package archives (and PyPI) the way this machine does.
cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
for ca in "${PIP_CERT:-}" "${REQUESTS_CA_BUNDLE:-}" "${SSL_CERT_FILE:-}"; do
  [ -n "$ca" ] && [ -f "$ca" ] && mkdir -p "$ROOT$(dirname "$ca")" && cp "$ca" "$ROOT$ca"
done
mounted=()
cleanup() { for ((i=${#mounted[@]}-1; i>=0; i--)); do umount -l "${mounted[i]}" 2>/dev/null || true; done; }
trap cleanup EXIT
for m in proc sys dev dev/pts; do
  mountpoint -q "$ROOT/$m" || { mount --bind "/$m" "$ROOT/$m"; mounted+=("$ROOT/$m"); }
done
in_root() { chroot "$ROOT" /usr/bin/env -u PIP_FIND_LINKS DEBIAN_FRONTEND=noninteractive HOME=/root \
  PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin "$@"; }

if [ ! -x "$ROOT$PY" ]; then
  echo "Building Python 3.11 against Debian 11's glibc (once) …"
  in_root apt-get update -qq
  in_root apt-get install -y -qq --no-install-recommends build-essential binutils xz-utils ca-certificates pkg-config \
    libssl-dev libffi-dev zlib1g-dev libbz2-dev liblzma-dev libsqlite3-dev uuid-dev >/dev/null
  # Debian 12's own Python 3.11: the upstream tarball inside its source package, with Debian's security fixes
  # (the series' CVE-… and backported 3.11 patches; not its layout changes), built here against glibc 2.31.
  echo "deb-src $MIRROR bookworm main" > "$ROOT/etc/apt/sources.list.d/bookworm-src.list"
  in_root apt-get update -qq
  in_root sh -ec 'rm -rf /usr/src/python && mkdir -p /usr/src/python && cd /usr/src/python
    apt-get source --download-only -qq python3.11 2>/dev/null
    tar xf python3.11_*.orig.tar.* && tar xf python3.11_*.debian.tar.* && cd Python-3.11.*/
    # one hunk of CVE-2023-41105 expects an assert an earlier Debian patch adds
    sed -i "/^_Py_normpath(wchar_t \*path, Py_ssize_t size)\$/{n;s/^{\$/{\n    assert(path != NULL);/}" Python/fileutils.c
    for p in $(grep -E "^(CVE-|0[0-9]{3}-3\.11)" ../debian/patches/series); do patch -p1 -s < "../debian/patches/$p"; done
    # a backported fix includes core headers in pyexpat (3.12 marks the module as core; so do we)
    grep -q Py_BUILD_CORE_MODULE Modules/pyexpat.c || sed -i "1i #ifndef Py_BUILD_CORE_BUILTIN\n#  define Py_BUILD_CORE_MODULE 1\n#endif" Modules/pyexpat.c
    echo "Applied $(grep -cE "^(CVE-|0[0-9]{3}-3\.11)" ../debian/patches/series) security patches."
    ./configure -q --prefix=/opt/python3.11 --enable-shared LDFLAGS=-Wl,-rpath,/opt/python3.11/lib
    make -s -j"$(nproc)" >/dev/null 2>&1 && make -s altinstall >/dev/null 2>&1'
  rm -f "$ROOT/etc/apt/sources.list.d/bookworm-src.list"
fi

in_root "$PY" -c "import ssl, ctypes, lzma, bz2, sqlite3, zlib, pyexpat, hashlib, _uuid, decimal" \
  || { echo "The Python built in the root lacks a module the app needs (see above)." >&2; exit 1; }

# The source as it is in this work tree (committed or not), without what git ignores.
rm -rf "$ROOT/src/recoveryjournal" && mkdir -p "$ROOT/src/recoveryjournal"
git ls-files -co --exclude-standard -z | tar --null -T - -cf - | tar -xf - -C "$ROOT/src/recoveryjournal"
in_root sh -c "cd /src/recoveryjournal && PYTHON=$PY GLIBC_FLOOR=2.31 ./packaging/build.sh ${CHECK[*]:-}"
rm -rf dist/RecoveryJournal dist/RecoveryJournal-linux-x86_64.tar.gz && mkdir -p dist
cp -a "$ROOT/src/recoveryjournal/dist/RecoveryJournal" "$ROOT/src/recoveryjournal/dist/RecoveryJournal-linux-x86_64.tar.gz" dist/
echo "Built in Debian 11 in $(( $(date +%s) - started )) s: dist/RecoveryJournal ($(du -sh dist/RecoveryJournal | cut -f1)," \
  "$(du -h dist/RecoveryJournal-linux-x86_64.tar.gz | cut -f1) packed)."
