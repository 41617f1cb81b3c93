"""Journal entries, their tags and their link to a check-in, in the encrypted database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from recoveryjournal.domain.entry import Entry, clean_text
from recoveryjournal.domain.errors import InvalidInput
from recoveryjournal.i18n import _
from recoveryjournal.storage.connection import JournalConnection

_SELECT = (
    "SELECT e.id, e.entry_date, e.title, e.body, e.created_at, e.updated_at, e.entry_time, e.checkin_id, "
    "(SELECT group_concat(t.name, char(31)) FROM entry_tags et JOIN tags t ON t.id = et.tag_id "
    "WHERE et.entry_id = e.id) FROM entries e"
)
_ORDER = " ORDER BY e.entry_date DESC, e.entry_time DESC, e.id DESC"


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
        time=dt.time.fromisoformat(row[6]) if row[6] else None,
        checkin_id=row[7],
        tags=tuple(sorted(row[8].split("\x1f"), key=str.casefold)) if row[8] else (),
    )


def _time_text(time: dt.time | None) -> str:
    return time.strftime("%H:%M") if time else ""


class EntryRepository:
    """Create, read, update and delete entries; every write is its own transaction."""

    def __init__(self, journal: JournalConnection) -> None:
        self._journal = journal

    def add(
        self,
        date: dt.date,
        title: str,
        text: str,
        *,
        time: dt.time | None = None,
        tags: tuple[str, ...] = (),
        checkin_id: int | None = None,
    ) -> Entry:
        """Store a new entry and return it with its id."""
        now = _now()
        with self._journal.transaction() as db:
            cur = db.execute(
                "INSERT INTO entries (entry_date, entry_time, title, body, checkin_id, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (date.isoformat(), _time_text(time), clean_text(title), clean_text(text), checkin_id, now, now),
            )
            entry_id = int(cur.lastrowid)
            self.set_tags(db, entry_id, tags)
        return self.get(entry_id)

    def add_many(self, entries: list[Entry]) -> int:
        """Store many entries in one transaction (imports, benchmarks); tags and links are kept. Returns how many."""
        now = _now()
        with self._journal.transaction() as db:
            for e in entries:
                cur = db.execute(
                    "INSERT INTO entries (entry_date, entry_time, title, body, checkin_id, created_at, updated_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (e.date.isoformat(), _time_text(e.time), clean_text(e.title), clean_text(e.text), e.checkin_id,
                     now, now),
                )  # fmt: skip
                if e.tags:
                    self.set_tags(db, int(cur.lastrowid), e.tags)
        return len(entries)

    def update(
        self,
        entry_id: int,
        date: dt.date,
        title: str,
        text: str,
        *,
        time: dt.time | None = None,
        tags: tuple[str, ...] | None = None,
        checkin_id: int | None = None,
    ) -> Entry:
        """Replace an entry's fields; tags stay as they are when `tags` is None."""
        with self._journal.transaction() as db:
            cur = db.execute(
                "UPDATE entries SET entry_date = ?, entry_time = ?, title = ?, body = ?, checkin_id = ?, "
                "updated_at = ? WHERE id = ?",
                (date.isoformat(), _time_text(time), clean_text(title), clean_text(text), checkin_id, _now(), entry_id),
            )
            if cur.rowcount == 0:
                raise InvalidInput(_("There's no entry number {entry_id} in this journal.").format(entry_id=entry_id))
            if tags is not None:
                db.execute("DELETE FROM entry_tags WHERE entry_id = ?", (entry_id,))
                self.set_tags(db, entry_id, tags)
        return self.get(entry_id)

    def delete(self, entry_id: int) -> None:
        """Remove an entry for good (secure_delete overwrites its text in the file)."""
        with self._journal.transaction() as db:
            cur = db.execute("DELETE FROM entries WHERE id = ?", (entry_id,))
            if cur.rowcount == 0:
                raise InvalidInput(_("There's no entry number {entry_id} in this journal.").format(entry_id=entry_id))

    def get(self, entry_id: int) -> Entry:
        """One entry by id; InvalidInput with a kind message when there is none."""
        with self._journal.errors():
            row = self._journal.db.execute(f"{_SELECT} WHERE e.id = ?", (entry_id,)).fetchone()
        if row is None:
            raise InvalidInput(_("There's no entry number {entry_id} in this journal.").format(entry_id=entry_id))
        return _row_to_entry(row)

    def count(self) -> int:
        """How many entries the journal holds."""
        with self._journal.errors():
            return int(self._journal.db.execute("SELECT count(*) FROM entries").fetchone()[0])

    def newest_first(self, limit: int | None = None, offset: int = 0) -> list[Entry]:
        """A page of entries, newest date first (views fetch more as the person scrolls)."""
        with self._journal.errors():
            rows = self._journal.db.execute(
                f"{_SELECT}{_ORDER} LIMIT ? OFFSET ?", (-1 if limit is None else limit, offset)
            ).fetchall()
        return [_row_to_entry(r) for r in rows]

    def on_day(self, day: dt.date) -> list[Entry]:
        """The entries of one day, latest first."""
        with self._journal.errors():
            rows = self._journal.db.execute(f"{_SELECT} WHERE e.entry_date = ?{_ORDER}", (day.isoformat(),)).fetchall()
        return [_row_to_entry(r) for r in rows]

    def dates_between(self, first: dt.date, last: dt.date) -> set[dt.date]:
        """Days in the range that have at least one entry."""
        with self._journal.errors():
            rows = self._journal.db.execute(
                "SELECT DISTINCT entry_date FROM entries WHERE entry_date BETWEEN ? AND ?",
                (first.isoformat(), last.isoformat()),
            ).fetchall()
        return {dt.date.fromisoformat(r[0]) for r in rows}

    def all_tags(self) -> list[str]:
        """Every tag in use, most used first."""
        with self._journal.errors():
            rows = self._journal.db.execute(
                "SELECT t.name FROM tags t JOIN entry_tags et ON et.tag_id = t.id GROUP BY t.id "
                "ORDER BY count(*) DESC, t.name"
            ).fetchall()
        return [r[0] for r in rows]

    def iter_all(self) -> Iterator[Entry]:
        """Every entry, newest first, read lazily."""
        offset = 0
        while page := self.newest_first(limit=500, offset=offset):
            yield from page
            offset += len(page)

    @staticmethod
    def set_tags(db: Any, entry_id: int, tags: tuple[str, ...]) -> None:
        for tag in tags:
            db.execute("INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING", (tag,))
            db.execute(
                "INSERT OR IGNORE INTO entry_tags (entry_id, tag_id) SELECT ?, id FROM tags WHERE name = ?",
                (entry_id, tag),
            )
