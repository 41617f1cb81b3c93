"""The benchmarks still run (with tiny data): a benchmark that rots unnoticed measures nothing.

Found needed when the journal benchmark's plain-SQLite stand-in lacked a method the repositories gained.
Nothing here asserts a time; `python -m tests.benchmarks` is where times are read.
"""

from __future__ import annotations

import subprocess
import sys


def test_every_benchmark_row_runs_on_tiny_data() -> None:
    """`python -m tests.benchmarks --smoke`: every row of the one table, once, on tiny data, in a fresh process."""
    result = subprocess.run([sys.executable, "-m", "tests.benchmarks", "--smoke"],
                            capture_output=True, text=True, timeout=600)  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    table = result.stdout
    for row in ("app, welcome screen: time", "app, passphrase screen: peak memory", "unlock → today view populated",
                "memory: journal open, mood chart shown", "share PDF", "back up + verify",
                "import 20 Daylio rows"):  # fmt: skip
        assert row in table, f"{row!r} missing from:\n{table}"
    assert "anchors:" in table
