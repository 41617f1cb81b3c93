"""Schema and migrations, numbered by PRAGMA user_version. Each step commits with its version bump."""

from __future__ import annotations

from typing import Any

from recoveryjournal.domain.errors import NotAJournal

#: Marks the database as ours (PRAGMA application_id); fixed forever.
APPLICATION_ID = 0x524A4E4C  # "RJNL"

#: MIGRATIONS[i] upgrades a database at version i to version i + 1.
#: Append only; never edit a step that has been released.
MIGRATIONS: list[tuple[str, ...]] = [
    (
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        """CREATE TABLE entries (
            id INTEGER PRIMARY KEY,
            entry_date TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
        "CREATE INDEX entries_by_date ON entries (entry_date DESC, id DESC)",
    ),
]
LATEST = len(MIGRATIONS)


def current_version(db: Any) -> int:
    """The schema version stored in the database."""
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: Any) -> int:
    """Bring the database (opened in autocommit mode) up to LATEST, one transaction per step."""
    version = current_version(db)
    if version > LATEST:
        raise NotAJournal(
            "This journal was made by a newer version of Recovery Journal. Please update the app to open it."
        )
    for target in range(version + 1, LATEST + 1):
        db.execute("BEGIN IMMEDIATE")
        try:
            for statement in MIGRATIONS[target - 1]:
                db.execute(statement)
            db.execute(f"PRAGMA user_version = {int(target)}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
    return LATEST
