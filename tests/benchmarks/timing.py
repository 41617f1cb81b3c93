"""What the benchmark scripts share: one timing helper, one kind of row, one table printer."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass


def median_ms(fn: Callable[[], object], runs: int = 7) -> float:
    """Run `fn` `runs` times and return the median wall time in milliseconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


@dataclass(frozen=True)
class Row:
    """One measured line: ours beside the anchor measured in the same run (when there is one)."""

    area: str
    what: str
    ours: float
    anchor: float | None = None
    unit: str = "ms"
    aim: str = ""

    @property
    def ratio(self) -> float | None:
        """Ours ÷ anchor."""
        return self.ours / self.anchor if self.anchor else None


def print_table(rows: Iterable[Row], anchors: str = "") -> None:
    """One aligned table; `anchors` says what the anchor column holds."""
    print(f"{'area':<11} {'what':<66} {'ours':>9} {'anchor':>9} {'×':>6}  aim")
    for r in rows:
        anchor = "" if r.anchor is None else f"{r.anchor:.1f}"
        ratio = "" if r.ratio is None else f"{r.ratio:.2f}"
        print(f"{r.area:<11} {r.what[:66]:<66} {r.ours:>7.1f}{r.unit:<2} {anchor:>9} {ratio:>6}  {r.aim}")
    if anchors:
        print(f"\nanchors: {anchors}")
