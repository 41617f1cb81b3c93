"""The benchmark scripts still run (with tiny data): a benchmark that rots unnoticed measures nothing.

Found needed when the journal benchmark's plain-SQLite stand-in lacked a method the repositories gained."""

from __future__ import annotations

from pathlib import Path


def test_the_journal_benchmark_runs_on_tiny_data(tmp_path: Path, qapp) -> None:
    """Build a small journal and its plain copy, and take every measurement once."""
    from tests.benchmarks import bench_journal

    path, plain = bench_journal.build(tmp_path, 40, 40)
    rows = bench_journal.measure(path, plain)
    assert {label for label, _enc, _ref in rows} >= {"unlock → today view populated", "save an entry"}
    assert all(enc >= 0 for _label, enc, _ref in rows)
