"""Health checks on an unlocked journal: SQLCipher's page check, SQLite's structure check, encryption."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from recoveryjournal.storage import schema
from recoveryjournal.storage.connection import PLAIN_SQLITE_HEADER, JournalConnection


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
        result.page_problems = [str(r[0]) for r in db.execute("PRAGMA cipher_integrity_check").fetchall()]
        rows = [str(r[0]) for r in db.execute("PRAGMA integrity_check").fetchall()]
        result.structure_problems = [] if rows == ["ok"] else rows
        if journal.read_only is None:
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # so the file on disk holds everything we check
    result.encryption_problems = _encryption_problems(journal, samples)
    return result


def _encryption_problems(journal: JournalConnection, samples: list[str]) -> list[str]:
    problems: list[str] = []
    for part in journal.layout.parts():
        if part.name.endswith((".db", "-wal")):
            data = part.read_bytes()
            if data.startswith(PLAIN_SQLITE_HEADER):
                problems.append(f"{part.name} starts like an unencrypted database")
            for sample in samples:
                for encoding in ("utf-8", "utf-16-le"):
                    if sample.encode(encoding) in data:
                        problems.append(f"{part.name} contains journal text in readable form")
                        break
    # A plain SQLite library must not be able to read the database without the key.
    plain = sqlite3.connect(f"{journal.layout.db.as_uri()}?mode=ro", uri=True)
    try:
        plain.execute("SELECT count(*) FROM sqlite_master").fetchone()
        problems.append("the database can be read without the key")
    except sqlite3.DatabaseError:
        pass
    finally:
        plain.close()
    return sorted(set(problems))
