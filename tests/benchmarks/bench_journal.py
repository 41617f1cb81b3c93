"""Everyday speed: `python -m tests.benchmarks.bench_journal [--large N]` prints a table.

Two journals: ten years of daily use (3,650 entries + 3,650 check-ins) and a very large one
(100,000 entries by default). Each figure is the median of several runs, beside the same query on an
unencrypted SQLite copy of the same data (the anchor). Key derivation is excluded (it is measured by
bench_unlock.py), so "unlock → today" is the work after the key is known. Not a test: nothing asserts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

os.environ["RECOVERYJOURNAL_INSECURE_FAST_KDF"] = "1"  # leave Argon2 out: this measures everything after it
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from recoveryjournal.domain.checkin import CheckIn
from recoveryjournal.domain.entry import Entry
from recoveryjournal.services.journal_service import create_journal, unlock_journal
from recoveryjournal.services.mood_stats import mood_series, period_range
from recoveryjournal.storage import schema
from tests.benchmarks.timing import Row, median_ms, print_table

COMMON = [
    "the",
    "and",
    "i",
    "was",
    "to",
    "a",
    "it",
    "of",
    "my",
    "in",
    "today",
    "felt",
    "that",
    "but",
    "so",
    "with",
    "tea",
    "sleep",
    "tired",
    "walk",
    "garden",
    "hopeful",
    "appointment",
    "letter",
    "sister",
    "music",
    "rain",
    "window",
    "morning",
    "evening",
    "kitchen",
    "bus",
    "friend",
    "quiet",
    "work",
    "bills",
    "calm",
    "anxious",
    "plan",
    "park",
]
_SYLLABLES = ["ka", "lo", "mi", "ren", "ta", "vo", "shi", "dal", "po", "ne", "ru", "fen", "si", "tor", "ba"]
# A Zipf-like vocabulary: a few very common words, thousands of rare ones, as in real writing.
VOCABULARY = COMMON + [a + b + c for a in _SYLLABLES for b in _SYLLABLES for c in _SYLLABLES][:4000]
WEIGHTS = [1 / (rank + 1) for rank in range(len(VOCABULARY))]
PASS = "bench"


def _text(rng: random.Random, n: int) -> str:
    return " ".join(rng.choices(VOCABULARY, weights=WEIGHTS, k=n))


def build(folder: Path, entries: int, checkins: int) -> tuple[Path, Path]:
    """An encrypted journal and a plain SQLite twin with the same rows."""
    rng = random.Random(7)
    today = dt.date.today()
    path = folder / f"bench-{entries}.rjournal"
    session, _ = create_journal(path, PASS)
    batch: list[Entry] = []
    for i in range(entries):
        day = today - dt.timedelta(days=i % 3650)
        batch.append(Entry(None, day, _text(rng, 3).capitalize(), _text(rng, 80)))
        if len(batch) == 5000:
            session.entries.add_many(batch)
            batch = []
    if batch:
        session.entries.add_many(batch)
    session.checkins.add_many(
        [
            CheckIn(None, today - dt.timedelta(days=i), dt.time(9, 0), rng.randint(2, 9), rng.uniform(4, 9),
                    rng.randint(1, 9), None, (rng.choice(COMMON[-12:]),), "")
            for i in range(checkins)
        ]
    )  # fmt: skip
    session.lock()
    plain = folder / f"plain-{entries}.sqlite"
    db = sqlite3.connect(plain)
    for statement in (s for step in schema.MIGRATIONS for s in step):
        db.execute(statement)
    source = unlock_journal(path, PASS)
    for table in ("entries", "checkins"):
        rows = source._conn.db.execute(f"SELECT * FROM {table}").fetchall()
        if rows:
            db.executemany(f"INSERT INTO {table} VALUES ({','.join('?' * len(rows[0]))})", rows)
    db.commit()
    db.close()
    source.lock()
    return path, plain


class _Plain:
    """The same repositories, pointed at the unencrypted copy: the identical SQL, without SQLCipher."""

    read_only = None

    def __init__(self, path: Path) -> None:
        self.db = sqlite3.connect(path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode = WAL")
        self.db.execute("PRAGMA synchronous = FULL")  # the same durability as the journal

    @contextmanager
    def errors(self) -> Iterator[None]:
        yield

    def has(self, version: int) -> bool:
        """Like JournalConnection.has: the copy is of a journal at the latest version."""
        return True

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")


def measure(path: Path, plain_path: Path) -> list[tuple[str, float, float | None]]:
    """(what, encrypted ms, plain SQLite ms) rows."""
    from PySide6.QtWidgets import QApplication

    from recoveryjournal.storage.checkins import CheckInRepository
    from recoveryjournal.storage.entries import EntryRepository
    from recoveryjournal.storage.search import SearchRepository
    from recoveryjournal.ui.pages.unlocked_view import UnlockedView

    app = QApplication.instance() or QApplication([])
    plain = _Plain(plain_path)
    plain_entries, plain_checkins = EntryRepository(plain), CheckInRepository(plain)  # type: ignore[arg-type]
    plain_search = SearchRepository(plain)  # type: ignore[arg-type]
    today = dt.date.today()
    rows: list[tuple[str, float, float | None]] = []

    def today_view() -> None:
        s = unlock_journal(path, PASS)
        view = UnlockedView()
        view.set_session(s)
        app.processEvents()
        view.clear()
        s.lock()

    def plain_today() -> None:
        plain_entries.count()
        plain_entries.newest_first(200)
        plain_checkins.between(today, today)
        plain_entries.all_tags()

    rows.append(("unlock → today view populated", median_ms(today_view, 5), median_ms(plain_today)))
    session = unlock_journal(path, PASS)
    for label, query in (
        ("search a common word (“tired”)", "tired"),
        ("search two words (“garden walk”)", "garden walk"),
        ("search a rare word (“kalomi”)", "kalomi"),
        ("search a word as you type (“gar”)", "gar"),
    ):
        rows.append(
            (label, median_ms(lambda q=query: session.search(q)), median_ms(lambda q=query: plain_search.search(q)))
        )
    first_page = session.search("tired")
    if first_page.older_than is not None:  # the next, older page of a very common word ("Show older matches")
        cursor = first_page.older_than
        rows.append(("search: older matches, next page", median_ms(lambda: session.search("tired", older_than=cursor)),
                     median_ms(lambda: plain_search.search("tired", older_than=cursor))))  # fmt: skip
    from recoveryjournal.services.charts import draw_mood_figure

    for period in ("month", "year"):
        first, last = period_range(period)
        series = mood_series(session, first, last)

        def redraw(series: object = series) -> None:
            fig = draw_mood_figure(series)  # type: ignore[arg-type]
            fig.canvas.draw()  # render to pixels, as the window's canvas does

        rows.append((f"chart redraw ({period}, to pixels)", median_ms(redraw), None))
    counter = iter(range(10_000))
    rows.append(
        (
            "save an entry",
            median_ms(lambda: session.entries.add(f"benchmark entry {next(counter)}", "Bench"), 21),
            median_ms(lambda: plain_entries.add(today, "Bench", f"benchmark entry {next(counter)}"), 21),
        )
    )
    session.lock()
    plain.db.close()
    return rows


def first_chart_ms() -> float:
    """A fresh process: import the chart code (and matplotlib, lazily) and draw one chart."""
    code = (
        "import time, datetime as dt; t = time.perf_counter()\n"
        "from recoveryjournal.services.charts import draw_mood_figure, figure_png\n"
        "from recoveryjournal.services.mood_stats import MoodSeries\n"
        "days = [dt.date.today() - dt.timedelta(days=i) for i in range(30)][::-1]\n"
        "s = MoodSeries(days, [5.0] * 30, [7.0] * 30, [3.0] * 30, [5.0] * 30)\n"
        "figure_png(draw_mood_figure(s), dpi=100); print((time.perf_counter() - t) * 1000)\n"
    )
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
            for _ in range(3)]  # fmt: skip
    return statistics.median(runs)


_AIMS = {
    "unlock → today view populated": {"10 years": "≤ 100 ms", "large": "≤ 300 ms"},
    "search: older matches, next page": {"large": "≤ 20 ms"},
    "search a common word (“tired”)": {"large": "≤ 20 ms"},
    "save an entry": {"10 years": "≤ 10 ms", "large": "≤ 10 ms"},
}


def memory_with_chart(path: Path) -> tuple[float, float]:
    """A fresh process: the journal open in the real tabs with the mood chart shown; (resident, peak) MiB.

    The peak leaves out a real key derivation (this journal uses the fast test one): Argon2id's 128 MiB
    working memory lifts a real unlock's peak for the half-second it runs and is given back at once.
    """
    code = (
        "import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtWidgets import QApplication; app = QApplication([])\n"
        "from recoveryjournal.services.journal_service import unlock_journal\n"
        "from recoveryjournal.ui.pages.unlocked_view import UnlockedView\n"
        "view = UnlockedView(); view.resize(1000, 680); view.show()\n"
        "view.set_session(unlock_journal(sys.argv[1], sys.argv[2])); app.processEvents()\n"
        "view.tabs.setCurrentWidget(view.mood_page); app.processEvents()\n"
        "assert view.mood_page.mood_view.isVisible()\n"
        "status = {x.split(':')[0]: int(x.split()[1]) for x in open('/proc/self/status') if x.startswith('Vm')}\n"
        "print(status['VmRSS'] / 1024, status['VmHWM'] / 1024)\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(path), PASS], capture_output=True, text=True, check=True)
    resident, peak = out.stdout.strip().splitlines()[-1].split()
    return float(resident), float(peak)


def rows(large: int = 100_000, ten_years: int = 3650) -> list[Row]:
    """Both journals, every measurement, and the memory row (the anchor is plain SQLite through the same SQL)."""
    with tempfile.TemporaryDirectory() as tmp:  # nothing of the benchmark's journals stays behind
        return _rows(Path(tmp), large, ten_years)


def _rows(folder: Path, large: int, ten_years: int) -> list[Row]:
    out: list[Row] = []
    for area, entries, checkins in (("10 years", ten_years, ten_years), ("large", large, ten_years)):
        path, plain = build(folder, entries, checkins)
        for what, enc, ref in measure(path, plain):
            out.append(Row(area, what, enc, ref, aim=_AIMS.get(what, {}).get(area, "")))
        if area == "10 years":
            resident, peak = memory_with_chart(path)
            out.append(Row(area, "memory: journal open, mood chart shown (resident)", resident, None, "Mi",
                           "≤ 150 MiB"))  # fmt: skip
            out.append(Row(area, "memory: the same, peak (without Argon2id's 128 MiB)", peak, None, "Mi", "≤ 150 MiB"))
    out.append(Row("any", "first chart incl. lazy matplotlib import", first_chart_ms(), aim="≤ 1 s"))
    return out


def main() -> None:
    """Build both journals, measure, print one table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--large", type=int, default=100_000, help="entries in the large journal (default 100000)")
    args = parser.parse_args()
    print_table(rows(args.large), ANCHOR)


ANCHOR = "an unencrypted SQLite copy of the same rows, through the same repositories and SQL"

if __name__ == "__main__":
    main()
