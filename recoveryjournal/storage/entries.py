"""Journal entries in the encrypted database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from recoveryjournal.domain.entry import Entry, clean_text
from recoveryjournal.domain.errors import InvalidInput
from recoveryjournal.storage.connection import JournalConnection, explain_db_errors

_COLUMNS = "id, entry_date, title, body, created_at, updated_at"


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def _row_to_entry(row: Any) -> Entry:
    return Entry(
        id=row[0],
        date=dt.date.fromisoformat(row[1]),
        title=row[2],
        text=row[3],
        created_at=dt.datetime.fromisoformat(row[4]),
        updated_at=dt.datetime.fromisoformat(row[5]),
    )


class EntryRepository:
    """Create, read, update and delete entries; every write is its own transaction."""

    def __init__(self, journal: JournalConnection) -> None:
        self._journal = journal

    def add(self, date: dt.date, title: str, text: str) -> Entry:
        """Store a new entry and return it with its id."""
        now = _now()
        with self._journal.transaction() as db:
            cur = db.execute(
                "INSERT INTO entries (entry_date, title, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                (date.isoformat(), clean_text(title), clean_text(text), now, now),
            )
            entry_id = cur.lastrowid
        return self.get(entry_id)

    def update(self, entry_id: int, date: dt.date, title: str, text: str) -> Entry:
        """Replace an entry's date, title and text."""
        with self._journal.transaction() as db:
            cur = db.execute(
                "UPDATE entries SET entry_date = ?, title = ?, body = ?, updated_at = ? WHERE id = ?",
                (date.isoformat(), clean_text(title), clean_text(text), _now(), entry_id),
            )
            if cur.rowcount == 0:
                raise InvalidInput(f"There's no entry number {entry_id} in this journal.")
        return self.get(entry_id)

    def delete(self, entry_id: int) -> None:
        """Remove an entry for good (secure_delete overwrites its text in the file)."""
        with self._journal.transaction() as db:
            cur = db.execute("DELETE FROM entries WHERE id = ?", (entry_id,))
            if cur.rowcount == 0:
                raise InvalidInput(f"There's no entry number {entry_id} in this journal.")

    def get(self, entry_id: int) -> Entry:
        """One entry by id; InvalidInput with a kind message when there is none."""
        with explain_db_errors():
            row = self._journal.db.execute(f"SELECT {_COLUMNS} FROM entries WHERE id = ?", (entry_id,)).fetchone()
        if row is None:
            raise InvalidInput(f"There's no entry number {entry_id} in this journal.")
        return _row_to_entry(row)

    def count(self) -> int:
        """How many entries the journal holds."""
        with explain_db_errors():
            return int(self._journal.db.execute("SELECT count(*) FROM entries").fetchone()[0])

    def newest_first(self, limit: int | None = None, offset: int = 0) -> list[Entry]:
        """A page of entries, newest date first (views fetch more as the person scrolls)."""
        sql = f"SELECT {_COLUMNS} FROM entries ORDER BY entry_date DESC, id DESC LIMIT ? OFFSET ?"
        with explain_db_errors():
            rows = self._journal.db.execute(sql, (-1 if limit is None else limit, offset)).fetchall()
        return [_row_to_entry(r) for r in rows]

    def dates_between(self, first: dt.date, last: dt.date) -> set[dt.date]:
        """Days in the range that have at least one entry."""
        with explain_db_errors():
            rows = self._journal.db.execute(
                "SELECT DISTINCT entry_date FROM entries WHERE entry_date BETWEEN ? AND ?",
                (first.isoformat(), last.isoformat()),
            ).fetchall()
        return {dt.date.fromisoformat(r[0]) for r in rows}

    def iter_all(self) -> Iterator[Entry]:
        """Every entry, newest first, read lazily."""
        offset = 0
        while page := self.newest_first(limit=500, offset=offset):
            yield from page
            offset += len(page)
