"""What can still be read of a damaged journal: copied row by row into a new database (a backup of it), or read
row by row (export-all).

`VACUUM INTO` copies a whole database or nothing: one damaged page and a damaged journal couldn't be backed up at
all, though `check` could read most of it. Here the new database is attached to the open journal (ATTACH without a
KEY clause encrypts it with the journal's own key, so no key leaves the connection), given the same tables, and
filled with every row that can still be read; rows whose parent was lost go too, indexes and search are rebuilt.

Once SQLCipher meets a damaged page it refuses every later read on that attachment of the file, so the journal is
read through a second attachment of its own file (JournalConnection.second_look), attached afresh after each read
that fails: one damaged page costs the rows on it, not everything read after it.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlcipher3

from recoveryjournal.storage.connection import JournalConnection

_CREATE = re.compile(r"^(CREATE\s+(?:UNIQUE\s+)?(?:VIRTUAL\s+)?(?:TABLE|INDEX|TRIGGER|VIEW)\s+)", re.IGNORECASE)
_PROBE_LIMIT = 1_000_000  # rows looked for one by one in a table whose list of rows is damaged
SOURCE = "salvage_source"


class Source:
    """The journal's file read through a second attachment, renewed after every read that meets damage."""

    def __init__(self, journal: JournalConnection) -> None:
        self.db = journal.db
        self._journal = journal
        self._look: contextlib.ExitStack | None = None
        #: A read met a damaged page (what was read holds less than the journal did).
        self.met_damage = False
        self._attach()

    def _attach(self) -> None:
        self._look = contextlib.ExitStack()
        self._look.enter_context(self._journal.second_look(SOURCE))

    def renew(self) -> None:
        """Attach the file afresh (after a read met a damaged page)."""
        self.met_damage = True
        self.close()
        self._attach()

    def close(self) -> None:
        """Detach."""
        if self._look is not None:
            self._look.close()
            self._look = None

    def rows(self, table: str) -> Iterator[tuple[Any, ...]]:
        """Every row of `table` that can be read: all at once, else one at a time."""
        try:
            yield from self.db.execute(f"SELECT * FROM {SOURCE}.{table} ORDER BY rowid").fetchall()
            return
        except sqlcipher3.dbapi2.DatabaseError:
            self.renew()
        for row_id in self.row_ids(table):
            try:
                yield from self.db.execute(f"SELECT * FROM {SOURCE}.{table} WHERE rowid = ?", (row_id,)).fetchall()
            except sqlcipher3.dbapi2.DatabaseError:
                self.renew()

    def row_ids(self, table: str) -> list[int]:
        """The ids of a table's rows: its list of them, or where that list is damaged too, every id up to the
        largest one seen."""
        try:
            return [int(r[0]) for r in self.db.execute(f"SELECT rowid FROM {SOURCE}.{table}").fetchall()]
        except sqlcipher3.dbapi2.DatabaseError:
            self.renew()
        try:
            top = int(self.db.execute(f"SELECT max(rowid) FROM {SOURCE}.{table}").fetchone()[0] or 0)
        except sqlcipher3.dbapi2.DatabaseError:
            self.renew()
            top = 10_000
        return list(range(1, min(top, _PROBE_LIMIT) + 1))


@contextlib.contextmanager
def readable(journal: JournalConnection) -> Iterator[Source]:
    """The journal as it can still be read (see Source)."""
    source = Source(journal)
    try:
        yield source
    finally:
        source.close()


def salvage_copy(journal: JournalConnection, target: Path, counted: tuple[str, ...]) -> dict[str, int]:
    """Copy every row of `journal` that can still be read into a new database at `target` (which must not exist);
    returns how many rows of each `counted` table it holds."""
    with readable(journal) as source:
        db = source.db
        objects = [tuple(r) for r in db.execute(f"SELECT type, name, sql FROM {SOURCE}.sqlite_master "
                                                "WHERE sql IS NOT NULL ORDER BY rowid").fetchall()]  # fmt: skip
        version = int(db.execute(f"PRAGMA {SOURCE}.user_version").fetchone()[0])
        application = int(db.execute(f"PRAGMA {SOURCE}.application_id").fetchone()[0])
        virtual = [name for kind, name, sql in objects if kind == "table" and sql.upper().startswith("CREATE VIRTUAL")]
        shadows = tuple(f"{v}_" for v in virtual)  # what a search index keeps for itself: made again by a rebuild
        tables = [name for kind, name, sql in objects
                  if kind == "table" and name not in virtual and not name.startswith(shadows)]  # fmt: skip
        db.execute("ATTACH DATABASE ? AS salvage", (str(target),))
        # No transaction around it all: each statement is its own (the copy is a scratch file until the backup
        # holding it is written whole), so a failed read ends nothing but itself.
        db.execute("PRAGMA salvage.journal_mode = OFF")
        db.execute("PRAGMA salvage.synchronous = OFF")
        db.execute("PRAGMA foreign_keys = OFF")  # rows come in any order; orphans are taken out after
        try:
            for kind, name, sql in objects:
                if kind == "table" and not name.startswith(shadows):
                    db.execute(_CREATE.sub(r"\1salvage.", sql, count=1))
            for table in tables:
                columns = len(db.execute(f"PRAGMA salvage.table_info({table})").fetchall())
                insert = f"INSERT OR IGNORE INTO salvage.{table} VALUES ({', '.join('?' * columns)})"
                for row in source.rows(table):
                    with contextlib.suppress(sqlcipher3.dbapi2.DatabaseError):
                        db.execute(insert, row)
            for kind, _name, sql in objects:
                if kind in ("index", "trigger"):
                    db.execute(_CREATE.sub(r"\1salvage.", sql, count=1))
            for table, row_id in {(str(r[0]), int(r[1])) for r in db.execute("PRAGMA salvage.foreign_key_check")}:
                db.execute(f"DELETE FROM salvage.{table} WHERE rowid = ?", (row_id,))
            for index in virtual:
                db.execute(f"INSERT INTO salvage.{index}({index}) VALUES ('rebuild')")
            db.execute(f"PRAGMA salvage.user_version = {version}")
            db.execute(f"PRAGMA salvage.application_id = {application}")
            return {t: int(db.execute(f"SELECT count(*) FROM salvage.{t}").fetchone()[0]) for t in counted}
        finally:
            with contextlib.suppress(sqlcipher3.dbapi2.Error):
                db.execute("PRAGMA foreign_keys = ON")
            db.execute("DETACH DATABASE salvage")
