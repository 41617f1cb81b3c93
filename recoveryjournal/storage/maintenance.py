"""Health checks on an unlocked journal: SQLCipher's page check, SQLite's structure check, encryption."""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass, field
from typing import Any

import sqlcipher3

from recoveryjournal.i18n import N_, _
from recoveryjournal.storage import schema
from recoveryjournal.storage.connection import JournalConnection
from recoveryjournal.storage.plausible import PLAIN_SQLITE_HEADER


@dataclass(slots=True)
class IntegrityResult:
    """What the checks found; empty `problems` means all is well."""

    schema_version: int = 0
    page_problems: list[str] = field(default_factory=list)
    structure_problems: list[str] = field(default_factory=list)
    encryption_problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no check found anything wrong."""
        return not (self.page_problems or self.structure_problems or self.encryption_problems)


def check_integrity(journal: JournalConnection, samples: list[str]) -> IntegrityResult:
    """Run every check. `samples` are bits of the person's text that must not appear in the file's bytes."""
    result = IntegrityResult()
    db = journal.db
    with journal.errors():
        result.schema_version = schema.current_version(db)
    result.page_problems = _rows_or_problem(db, "PRAGMA cipher_integrity_check")
    rows = _rows_or_problem(db, "PRAGMA integrity_check")
    result.structure_problems = [] if rows == ["ok"] else rows
    if journal.read_only is None and result.ok:
        with journal.errors():
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # so the file on disk holds everything we check
    result.encryption_problems = _encryption_problems(journal, samples)
    return result


def _rows_or_problem(db: Any, pragma: str) -> list[str]:
    """A check's rows; a check that can't even run on damaged pages is itself a finding, not a crash."""
    try:
        return [str(r[0]) for r in db.execute(pragma).fetchall()]
    except sqlcipher3.dbapi2.DatabaseError as exc:
        return [_("the check couldn't finish ({reason})").format(reason=exc)]


def _encryption_problems(journal: JournalConnection, samples: list[str]) -> list[str]:
    problems: list[str] = []
    for part in journal.layout.parts():
        if part.name.endswith((".db", "-wal")):
            data = part.read_bytes()
            if data.startswith(PLAIN_SQLITE_HEADER):
                problems.append(_("{file} starts like an unencrypted database").format(file=part.name))
            for sample in samples:
                for encoding in ("utf-8", "utf-16-le"):
                    if sample.encode(encoding) in data:
                        problems.append(_("{file} contains journal text in readable form").format(file=part.name))
                        break
    # A plain SQLite library must not be able to read the database without the key.
    plain = sqlite3.connect(f"{journal.layout.db.as_uri()}?mode=ro", uri=True)
    try:
        plain.execute("SELECT count(*) FROM sqlite_master").fetchone()
        problems.append(_("the database can be read without the key"))
    except sqlite3.DatabaseError:
        pass
    finally:
        plain.close()
    return sorted(set(problems))


#: What a person keeps in a journal, by table, in the words a report uses.
SALVAGE_TABLES = (
    ("entries", N_("entries")),
    ("checkins", N_("check-ins")),
    ("goals", N_("goals")),
    ("goal_steps", N_("goal steps")),
    ("plan_sections", N_("crisis plan sections")),
    ("support_items", N_("support contacts")),
    ("appointments", N_("appointments")),
)


@dataclass(frozen=True, slots=True)
class Salvage:
    """How much of one kind of thing can still be read: `readable` of `total` (None: couldn't be counted)."""

    label: str
    readable: int
    total: int | None


def salvage_counts(journal: JournalConnection) -> list[Salvage]:
    """Row by row, how much can still be read, so a damaged journal's report says what can be saved."""
    db = journal.db
    found: list[Salvage] = []
    for table, label in SALVAGE_TABLES:
        try:
            ids = [int(r[0]) for r in db.execute(f"SELECT id FROM {table}").fetchall()]
        except sqlcipher3.dbapi2.DatabaseError:
            found.append(Salvage(_(label), _count_by_probing(db, table), None))
            continue
        readable = 0
        for row_id in ids:
            try:
                db.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,)).fetchall()
                readable += 1
            except sqlcipher3.dbapi2.DatabaseError:
                pass
        found.append(Salvage(_(label), readable, len(ids)))
    return found


def _count_by_probing(db: Any, table: str) -> int:
    """The table's list of rows is damaged: look for rows one id at a time, up to the largest id seen."""
    try:
        top = int(db.execute(f"SELECT max(rowid) FROM {table}").fetchone()[0] or 0)
    except sqlcipher3.dbapi2.DatabaseError:
        top = 10_000
    readable = 0
    for row_id in range(1, min(top, 1_000_000) + 1):
        with contextlib.suppress(sqlcipher3.dbapi2.DatabaseError):
            readable += len(db.execute(f"SELECT 1 FROM {table} WHERE rowid = ?", (row_id,)).fetchall())
    return readable
