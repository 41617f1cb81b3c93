#!/usr/bin/env bash
# Build the Recovery Journal bundle (Linux or macOS) from a clean virtual environment.
#   ./packaging/build.sh            → dist/RecoveryJournal/ (one folder; run dist/RecoveryJournal/recoveryjournal)
#   ./packaging/build.sh --check    → also run the bundle's --self-test and print its size
# On Linux the build fails when the bundle breaks packaging/bundle_rules.py (a newer glibc than GLIBC_FLOOR, a
# library not found, a host library inside), and dist/RecoveryJournal-linux-x86_64.tar.gz is made. For a bundle
# that runs on any current Linux, build in Debian 11: sudo ./packaging/linux/build-in-debian11.sh
# On Windows use packaging/build.ps1. See docs/packaging.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
CHECK=0
for arg in "$@"; do
  case "$arg" in
    --check) CHECK=1 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "Unknown option: $arg (try --help)" >&2; exit 2 ;;
  esac
done
PYTHON="${PYTHON:-python3}"
started=$(date +%s)
# Qt's own libraries for the build machine (the bundle carries Qt; xcb needs these system ones).
./packaging/setup.sh --no-venv
rm -rf build/bundle-venv build/pyinstaller dist/RecoveryJournal
"$PYTHON" -m venv build/bundle-venv
build/bundle-venv/bin/python -m pip install --quiet --upgrade pip
build/bundle-venv/bin/python -m pip install --quiet . "pyinstaller>=6.10,<7" "pyelftools>=0.31"
build/bundle-venv/bin/pyinstaller --noconfirm --clean --log-level WARN \
  --workpath build/pyinstaller --distpath dist packaging/recoveryjournal.spec
if [ "$(uname -s)" = Linux ] && command -v strip >/dev/null 2>&1; then
  # Debug symbols are most of these libraries' size; never touch *.libs (auditwheel-patched, break if stripped).
  find dist/RecoveryJournal/_internal \( -path '*.libs/*' -prune \) -o -type f \( -name '*.so' -o -name '*.so.*' \) -print \
    | while read -r lib; do strip --strip-unneeded "$lib" 2>/dev/null || true; done
fi
if [ "$(uname -s)" = Linux ]; then
  build/bundle-venv/bin/python packaging/audit_bundle.py dist/RecoveryJournal
  rm -f dist/RecoveryJournal-linux-x86_64.tar.gz
  tar -C dist -czf dist/RecoveryJournal-linux-x86_64.tar.gz RecoveryJournal
  echo "Packed: dist/RecoveryJournal-linux-x86_64.tar.gz, $(du -h dist/RecoveryJournal-linux-x86_64.tar.gz | cut -f1)."
fi
echo "Built dist/RecoveryJournal in $(( $(date +%s) - started )) s; $(du -sh dist/RecoveryJournal | cut -f1) unpacked."
if [ "$CHECK" = 1 ]; then
  QT_QPA_PLATFORM=offscreen dist/RecoveryJournal/recoveryjournal --self-test
  echo "Biggest parts:"
  du -s dist/RecoveryJournal/_internal/* | sort -rn | awk 'NR <= 12 {printf "  %6.1f MB  %s\n", $1/1024, $2}'
fi
