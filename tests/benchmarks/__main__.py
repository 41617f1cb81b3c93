"""Every benchmark in one table: `python -m tests.benchmarks [--smoke] [--large N] [--rounds N] [--bundle DIR]`.

Each row is our median beside an anchor measured in the same run (a bare PySide6 window for start-up; plain
SQLite through the same SQL for the journal; plain QTextDocument → PDF for sharing; SQLite's own VACUUM INTO
for backups) and the ratio. `--smoke` runs every row once on tiny data so the benchmarks never rot (the test
suite does this); its figures mean nothing. Not a test: nothing asserts a time.
"""

from __future__ import annotations

import argparse
import os
import platform
import time
from pathlib import Path

os.environ["RECOVERYJOURNAL_INSECURE_FAST_KDF"] = "1"  # key derivation has its own row, with the real settings
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.benchmarks import bench_backup, bench_checkin, bench_gaps, bench_journal, bench_share, bench_startup
from tests.benchmarks.timing import Row, print_table

ANCHORS = "; ".join(
    (
        bench_startup.ANCHOR,
        bench_journal.ANCHOR,
        bench_checkin.ANCHOR,
        bench_share.ANCHOR,
        bench_backup.ANCHOR,
        bench_gaps.ANCHOR,
    )
)


def rows(smoke: bool = False, large: int = 100_000, rounds: int = 9, bundle: Path | None = None) -> list[Row]:
    """Every row, in the order people meet them: start the app, use the journal, share, back up."""
    if smoke:
        return [
            *bench_startup.rows(rounds=1),
            *bench_journal.rows(large=60, ten_years=40),
            *bench_checkin.rows(runs=1),
            *bench_share.rows(entries=5, checkins=3, long_note_mb=0.05),
            *bench_backup.rows(days=20, runs=1, real_kdf=False),
            *bench_gaps.rows(real_kdf=False),
        ]
    return [
        *bench_startup.rows(rounds, bundle),
        *bench_journal.rows(large),
        *bench_checkin.rows(),
        *bench_share.rows(),
        *bench_backup.rows(),
        *bench_gaps.rows(),
    ]


def main(argv: list[str] | None = None) -> None:
    """Measure everything and print one table."""
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="tiny data, one run each: checks the benchmarks run")
    parser.add_argument("--large", type=int, default=100_000, help="entries in the large journal (default 100000)")
    parser.add_argument("--rounds", type=int, default=9, help="alternating start-up rounds (default 9)")
    parser.add_argument("--bundle", type=Path, help="also start a built bundle (e.g. dist/recoveryjournal)")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    table = rows(args.smoke, args.large, args.rounds, args.bundle)
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    print(f"{machine} · {time.strftime('%Y-%m-%d %H:%M')}")
    print_table(table, ANCHORS)
    print(f"({time.perf_counter() - start:.0f} s)")


if __name__ == "__main__":
    main()
