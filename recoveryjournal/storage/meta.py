"""Small facts the journal keeps about itself (its id, when it was last backed up), inside the encryption."""

from __future__ import annotations

import secrets
from contextlib import suppress

from recoveryjournal.domain.errors import JournalDamaged
from recoveryjournal.storage.connection import JournalConnection


class MetaRepository:
    """Key/value facts in the `meta` table."""

    def __init__(self, journal: JournalConnection) -> None:
        self._journal = journal

    def get(self, key: str) -> str | None:
        """The value, or None."""
        with self._journal.errors():
            row = self._journal.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set(self, key: str, value: str) -> None:
        """Remember a value (refused kindly on a read-only journal)."""
        with self._journal.transaction() as db:
            db.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = ?",
                       (key, value, value))  # fmt: skip

    def journal_id(self) -> str:
        """A random id for this journal (made on first use): lets a re-import of its export add only what's new."""
        found = self.get("journal_id")
        if found is None:
            found = secrets.token_hex(8)
            if self._journal.read_only is None:
                with suppress(JournalDamaged):  # a damaged journal takes no writes; its export still has an id
                    self.set("journal_id", found)
        return found
