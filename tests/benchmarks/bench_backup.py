"""Backup, restore and import speed: `python -m tests.benchmarks.bench_backup` prints a table. Not a test.

A 10-year journal (3,650 entries + 3,650 check-ins). Key derivation is measured separately with the real
Argon2id parameters; the rest with the test-only fast KDF, so each row shows the time *beyond* it.
Anchor: plain SQLite's own `VACUUM INTO` of the same rows, unencrypted, measured in the same run.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

os.environ["RECOVERYJOURNAL_INSECURE_FAST_KDF"] = "1"

from recoveryjournal.domain.checkin import CheckIn
from recoveryjournal.domain.entry import Entry
from recoveryjournal.services import backup_service, daylio_import
from recoveryjournal.services.exporter import Exporter
from recoveryjournal.services.journal_service import create_journal
from recoveryjournal.services.policy import Policy
from recoveryjournal.storage import transfer
from recoveryjournal.storage.keyfile import KdfParams, derive
from tests.benchmarks.timing import Row, median_ms, print_table

DAYS = 3650
RUNS = 5


def _fill(session, days: int = DAYS) -> None:  # type: ignore[no-untyped-def]
    today = dt.date.today()
    words = "Some words about the day, how it went and what helped. " * 6
    session.entries.add_many(
        [Entry(None, today - dt.timedelta(days=i), f"Day {i}", f"{words} {i}") for i in range(days)]
    )
    session.checkins.add_many([CheckIn(None, today - dt.timedelta(days=i), dt.time(9, 0), 1 + i % 10, 7.0, 3, 5,
                                             ("calm", "tired"), f"note {i}") for i in range(days)])  # fmt: skip


def _daylio(path: Path, rows: int) -> None:
    start = dt.date(2016, 1, 1)
    lines = [",".join(daylio_import.DAYLIO_COLUMNS)]
    for i in range(rows):
        day = start + dt.timedelta(days=i)
        mood = ("rad", "good", "meh", "bad", "awful")[i % 5]
        lines.append(f'{day},{day:%B %-d},{day:%A},{1 + i % 12}:{i % 60:02d} pm,{mood},'
                     f'walk | reading,Day {i},"A note for day {i}, with a few words in it."')  # fmt: skip
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def rows(days: int = DAYS, runs: int = RUNS, real_kdf: bool = True) -> list[Row]:
    """Backup, restore and imports of a journal of `days` days; the anchor is plain SQLite's VACUUM INTO."""
    folder = Path(tempfile.mkdtemp())
    kdf_ms = None
    try:
        session, _ = create_journal(folder / "bench", "bench")
        _fill(session, days)
        n = [0]

        def backup_and_verify() -> None:
            n[0] += 1
            session.backups.back_up(folder / f"b{n[0]}")

        backup_ms = median_ms(backup_and_verify, runs)
        size_mb = (folder / "b1.rjbackup").stat().st_size / 1e6

        plain = sqlite3.connect(folder / "plain.db")
        plain.execute("CREATE TABLE entries (id INTEGER PRIMARY KEY, d TEXT, title TEXT, body TEXT)")
        plain.executemany("INSERT INTO entries (d, title, body) VALUES (?, ?, ?)",
                          [(str(e.date), e.title, e.text) for e in session.entries.newest_first()] * 2)  # fmt: skip
        plain.commit()

        def anchor() -> None:
            n[0] += 1
            plain.execute("VACUUM INTO ?", (str(folder / f"plain{n[0]}.db"),))

        anchor_ms = median_ms(anchor, runs)
        session.lock()
        m = [0]

        def restore() -> None:
            m[0] += 1
            backup_service.prepare_restore(folder / "b1.rjbackup", folder / f"r{m[0]}", "bench").commit()

        restore_ms = median_ms(restore, runs)

        _daylio(folder / "daylio.csv", days)
        k = [0]

        def import_daylio() -> None:
            k[0] += 1
            target, _ = create_journal(folder / f"i{k[0]}", "bench")
            preview = target.imports.read_file(folder / "daylio.csv", "daylio")
            target.imports.bring_in(preview)
            target.lock()

        import_ms = median_ms(import_daylio, runs)
        source, _ = create_journal(folder / "src", "bench")
        _fill(source, days)
        Exporter(Policy()).export_all(source, folder / "all.json")
        source.lock()
        j = [0]

        def round_trip() -> None:
            j[0] += 1
            target, _ = create_journal(folder / f"j{j[0]}", "bench")
            transfer.load(target._conn, target.imports.read_file(folder / "all.json", "json").tables, "x")
            target.lock()

        json_ms = median_ms(round_trip, min(runs, 3))
        if real_kdf:
            os.environ.pop("RECOVERYJOURNAL_INSECURE_FAST_KDF")
            params = KdfParams.calibrated()
            kdf_ms = median_ms(lambda: derive(b"bench", b"0" * 16, params), 3)
            os.environ["RECOVERYJOURNAL_INSECURE_FAST_KDF"] = "1"
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    out = [
        Row("backup", f"back up + verify, {days:,} days ({size_mb:.1f} MB file)", backup_ms, anchor_ms,
            aim="≤ 2 s beyond key derivation"),
        Row("backup", "restore (unpack, open, integrity check, summary, put in place)", restore_ms),
        Row("backup", f"import {days:,} Daylio rows (read, preview, bring in)", import_ms, aim="≤ 2 s"),
        Row("backup", "import a full export-all JSON of the same journal", json_ms),
    ]  # fmt: skip
    if kdf_ms is not None:
        out.insert(0, Row("unlock", "key derivation, real Argon2id (once per unlock/restore)", kdf_ms, aim="0.5–1 s"))
    return out


ANCHOR = "backup: plain SQLite's VACUUM INTO of the same entries twice over, unencrypted"


def main() -> None:
    """Measure and print (rows beyond key derivation, except the first)."""
    print_table(rows(), ANCHOR)


if __name__ == "__main__":
    main()
