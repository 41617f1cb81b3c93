"""Unlock benchmark with the real key-derivation settings: `python -m tests.benchmarks.bench_unlock`.

Prints a table (median, min and max of several runs). Not a test: nothing here asserts a time.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.pop("RECOVERYJOURNAL_INSECURE_FAST_KDF", None)  # measure what people really get

from recoveryjournal.domain.errors import WrongSecret
from recoveryjournal.services.journal_service import create_journal, unlock_journal
from recoveryjournal.storage.keyfile import KdfParams

RUNS = 5


def _time(fn: Callable[[], object], runs: int = RUNS) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    """Measure create, unlock, wrong passphrase and passphrase change; print a table."""
    folder = Path(tempfile.mkdtemp())
    path = folder / "bench.rjournal"
    params = KdfParams.calibrated()
    rows: list[tuple[str, list[float]]] = []
    start = time.perf_counter()
    session, key = create_journal(path, "bench passphrase")
    rows.append(("create journal (calibrate + 2 wraps)", [time.perf_counter() - start]))
    for i in range(200):
        session.entries.add(f"Entry number {i} with a little text.", f"Title {i}")
    session.lock()

    def unlock_and_lock() -> None:
        unlock_journal(path, "bench passphrase").lock()

    def wrong() -> None:
        with contextlib.suppress(WrongSecret):
            unlock_journal(path, "not it")

    rows.append(("unlock with passphrase", _time(unlock_and_lock)))
    rows.append(("unlock with recovery key", _time(lambda: unlock_journal(path, key, recovery_key=True).lock())))
    rows.append(("wrong passphrase refused", _time(wrong)))
    s = unlock_journal(path, "bench passphrase")
    rows.append(("change passphrase", _time(lambda: s.change_passphrase("bench passphrase", "bench passphrase"), 3)))
    s.lock()
    shutil.rmtree(folder, ignore_errors=True)  # nothing of the benchmark's journal stays behind

    print(f"Argon2id: memory {params.memory_kib // 1024} MiB, time cost {params.time_cost}, lanes {params.parallelism}")
    print(f"{'operation':<40} {'median s':>9} {'min s':>7} {'max s':>7} {'runs':>5}")
    for name, times in rows:
        print(f"{name:<40} {statistics.median(times):>9.3f} {min(times):>7.3f} {max(times):>7.3f} {len(times):>5}")


if __name__ == "__main__":
    main()
