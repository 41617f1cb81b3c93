"""Small facts the journal keeps about itself (its id, when it was last backed up), inside the encryption."""

from __future__ import annotations

import secrets
from contextlib import suppress

from recoveryjournal.domain.errors import JournalDamaged
from recoveryjournal.storage.connection import JournalConnection
from recoveryjournal.storage.schema import PLAN_IN_CHECKINS


class MetaRepository:
    """Key/value facts in the `meta` table."""

    _TABLE = "meta"
    _SINCE = 1

    def __init__(self, journal: JournalConnection) -> None:
        self._journal = journal

    def get(self, key: str) -> str | None:
        """The value, or None (always None in a journal older than the table, read as it is)."""
        if self._SINCE > 1 and not self._journal.has(self._SINCE):
            return None
        with self._journal.errors():
            row = self._journal.db.execute(f"SELECT value FROM {self._TABLE} WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set(self, key: str, value: str) -> None:
        """Remember a value (refused kindly on a read-only journal)."""
        with self._journal.transaction() as db:
            db.execute(f"INSERT INTO {self._TABLE} (key, value) VALUES (?, ?) "
                       f"ON CONFLICT (key) DO UPDATE SET value = ?", (key, value, value))  # fmt: skip

    def journal_id(self) -> str:
        """A random id for this journal (made on first use): lets a re-import of its export add only what's new."""
        found = self.get("journal_id")
        if found is None:
            found = secrets.token_hex(8)
            if self._journal.read_only is None:
                with suppress(JournalDamaged):  # a damaged journal takes no writes; its export still has an id
                    self.set("journal_id", found)
        return found


class PreferenceRepository(MetaRepository):
    """The journal's own choices (medicines on or off, "not now"), in `preferences`: unlike `meta`, part of the
    journal's export, so they travel with it."""

    _TABLE = "preferences"
    _SINCE = PLAN_IN_CHECKINS
