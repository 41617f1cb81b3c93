"""Check a built Linux bundle against packaging/bundle_rules.py, and say what it weighs.

    python packaging/audit_bundle.py dist/RecoveryJournal [--floor 2.35] [--json]

Fails (exit 1), naming each file, when a library or program in the bundle asks for a newer glibc than the
floor, when `ldd` can't find a library one of them needs, or when a library that is left to the host is inside.
Prints the figures docs/packaging.md keeps: size unpacked, ELF files, host libraries inside, the newest glibc
asked for. Needs pyelftools (build.sh installs it into the bundle's build environment).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

from elftools.common.exceptions import ELFError
from elftools.elf.elffile import ELFFile
from elftools.elf.gnuversions import GNUVerNeedSection

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bundle_rules


def version(text: str) -> tuple[int, ...]:
    """`2.35` → (2, 35)."""
    return tuple(int(p) for p in text.split("."))


def glibc_needed(path: Path) -> tuple[int, ...] | None:
    """The newest GLIBC_x.y symbol version an ELF file asks for; None for a file that isn't ELF or asks none."""
    try:
        with path.open("rb") as f:
            elf = ELFFile(f)
            newest: tuple[int, ...] | None = None
            for section in elf.iter_sections():
                if isinstance(section, GNUVerNeedSection):
                    for _needed, auxiliaries in section.iter_versions():
                        for aux in auxiliaries:
                            if aux.name.startswith("GLIBC_") and aux.name[6:7].isdigit():
                                found = version(aux.name[6:])
                                newest = found if newest is None or found > newest else newest
            return newest
    except (ELFError, OSError, ValueError):
        return None


def is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(4) == b"\x7fELF"
    except OSError:
        return False


def not_found(path: Path, bundle: Path) -> list[str]:
    """Libraries `ldd` can't find for `path`, with the bundle's own folders searched as the frozen app does (a
    library left to the host may be missing on the build machine: every desktop has it)."""
    internal = bundle / "_internal"
    folders = {str(internal), str(path.parent)} | {str(p.parent) for p in internal.rglob("*.so*")}
    env = {**os.environ, "LD_LIBRARY_PATH": ":".join(sorted(folders))}
    try:
        out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env, timeout=60).stdout
    except (OSError, subprocess.TimeoutExpired):
        return []
    missing = [line.split("=>")[0].strip() for line in out.splitlines() if "not found" in line]
    return [name for name in missing if not bundle_rules.left_to_host(name)]  # the desktop brings those


@dataclass
class Audit:
    unpacked_mb: float
    elf_files: int
    newest_glibc: str
    floor: str
    host_libraries_inside: list[str]
    too_new: list[str]
    not_found: list[str]

    @property
    def problems(self) -> list[str]:
        inside = [f"{name} is left to the host (packaging/bundle_rules.py) but is inside"
                  for name in self.host_libraries_inside]  # fmt: skip
        return [*self.too_new, *self.not_found, *inside]


def audit(bundle: Path, floor: tuple[int, ...]) -> Audit:
    """What the bundle holds, and what breaks the rules."""
    elves = [p for p in sorted(bundle.rglob("*")) if p.is_file() and not p.is_symlink() and is_elf(p)]
    newest: tuple[int, ...] = (0,)
    too_new, missing = [], []
    for elf in elves:
        needed = glibc_needed(elf)
        if needed is not None:
            newest = max(newest, needed)
            if needed > floor:
                too_new.append(f"{elf.relative_to(bundle)} asks for GLIBC_{'.'.join(map(str, needed))}")
        missing += [f"{elf.relative_to(bundle)} needs {name}, not found" for name in not_found(elf, bundle)]
    libraries = (str(p.relative_to(bundle)) for p in bundle.rglob("*.so*"))
    host = sorted(name for name in libraries if bundle_rules.left_to_host(name))
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    return Audit(round(size / 1e6, 1), len(elves), ".".join(map(str, newest)), ".".join(map(str, floor)), host,
                 too_new, sorted(set(missing)))  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("bundle", type=Path)
    default = os.environ.get("GLIBC_FLOOR") or ".".join(map(str, bundle_rules.GLIBC_FLOOR))
    parser.add_argument("--floor", default=default, help=f"the newest glibc the bundle may ask for (default {default})")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    found = audit(args.bundle, version(args.floor))
    if args.json:
        print(json.dumps(asdict(found), indent=1))
    else:
        print(f"Bundle {args.bundle}: {found.unpacked_mb} MB unpacked, {found.elf_files} ELF files, newest glibc "
              f"asked for {found.newest_glibc} (floor {found.floor}), {len(found.host_libraries_inside)} host "
              f"libraries inside.")  # fmt: skip
    problems = found.problems
    for line in problems:
        print(f"  ✗ {line}", file=sys.stderr)
    if problems:
        print(f"The bundle breaks {len(problems)} packaging rule(s); see above.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
