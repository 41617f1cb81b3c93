"""A whole journal as plain rows (for the full JSON export) and rows brought back in, table by table.

Rows keep their ids when the target has those ids free (so a journal exported and imported into a new
one is identical); otherwise they get new ids, and every reference to them (foreign keys, and the share
log's item refs) follows. Every imported row is remembered in `imported` under a key made of the source
journal's id, the table and the old id, so importing the same file twice adds nothing the second time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import sqlcipher3

from recoveryjournal.domain.entry import clean_tags, clean_text
from recoveryjournal.domain.errors import DAMAGED_NO_WRITES, JournalDamaged, NotImportable
from recoveryjournal.domain.imports import MOST_WATCHED, ImportRow
from recoveryjournal.i18n import _
from recoveryjournal.storage.checkins import CheckInRepository
from recoveryjournal.storage.connection import JournalConnection
from recoveryjournal.storage.entries import EntryRepository
from recoveryjournal.storage.salvage import readable

_SKIP = {"meta", "imported", "sqlite_sequence"}
#: Share-log items name what was shared by kind and id.
_REF_TABLES = {"entry": "entries", "checkin": "checkins", "goal": "goals", "appointment": "appointments"}
#: Tables whose rows are matched by name, not added twice.
_BY_NAME = {"tags", "feelings", "watch_items", "prompts"}


@dataclass(slots=True)
class LoadResult:
    """Per table: rows added, rows already there; columns in the file this journal doesn't have."""

    added: dict[str, int] = field(default_factory=dict)
    already: dict[str, int] = field(default_factory=dict)
    #: Rows over a cap, not brought in (signs and helps past domain.imports.MOST_WATCHED of each kind).
    left_out: dict[str, int] = field(default_factory=dict)
    unknown_columns: dict[str, list[str]] = field(default_factory=dict)
    unknown_tables: list[str] = field(default_factory=list)


def user_tables(db: Any) -> list[str]:
    """The person's tables, parents before children (search index tables aside: triggers keep those)."""
    names = [
        str(r[0])
        for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        if str(r[0]) not in _SKIP and "_fts" not in str(r[0])
    ]
    deps = {n: {str(fk[2]) for fk in db.execute(f"PRAGMA foreign_key_list({n})")} - {n} for n in names}
    ordered: list[str] = []
    while len(ordered) < len(names):
        ready = [n for n in names if n not in ordered and deps[n] <= set(ordered)]
        ordered.extend(ready or [n for n in names if n not in ordered])
    return ordered


def dump(journal: JournalConnection) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table of the person's, as plain values."""
    db = journal.db
    with journal.errors(), readable(journal) as source:  # a damaged page: every row that can still be read
        out: dict[str, list[dict[str, Any]]] = {}
        for table in user_tables(db):
            cols = [str(c[1]) for c in db.execute(f"PRAGMA table_info({table})")]
            out[table] = [dict(zip(cols, row, strict=True)) for row in source.rows(table)]
        if source.met_damage:
            journal.damaged = journal.damaged or JournalDamaged(_(DAMAGED_NO_WRITES))
    return out


def load(
    journal: JournalConnection, tables: dict[str, list[dict[str, Any]]], source: str,
    verify: Callable[[], None] | None = None,
) -> LoadResult:  # fmt: skip
    """Bring rows in, all in one transaction: after a crash the journal holds all of it or none.

    A row the database refuses (a missing value, a number out of range, a link to nothing) refuses the whole
    file (NotImportable, naming the row); `verify` runs before the commit and may refuse it too (the app
    reading everything back), so the journal is never left holding what it can't read."""
    result = LoadResult()
    with journal.transaction() as db:
        order = user_tables(db)
        result.unknown_tables = sorted(set(tables) - set(order))
        id_maps: dict[str, dict[int, int]] = {}
        for table in order:
            rows = tables.get(table) or []
            info = db.execute(f"PRAGMA table_info({table})").fetchall()
            columns = {str(c[1]) for c in info}
            extra = sorted({k for row in rows for k in row} - columns)
            if extra:
                result.unknown_columns[table] = extra
            loader = _TableLoader(db, table, info, id_maps, source)
            for number, row in enumerate(rows, start=1):
                try:
                    loader.add({k: v for k, v in row.items() if k in columns})
                except (sqlcipher3.dbapi2.IntegrityError, sqlcipher3.dbapi2.InterfaceError, OverflowError,
                        ValueError, TypeError) as exc:  # fmt: skip
                    raise NotImportable(
                        _("Row {number} of “{table}” doesn't fit this journal ({problem}). Nothing has been changed.")
                        .format(number=number, table=table, problem=str(exc).lower() or type(exc).__name__)
                    ) from exc  # fmt: skip
            result.added[table], result.already[table] = loader.added, loader.already
            if loader.left_out:
                result.left_out[table] = loader.left_out
        if verify is not None:
            verify()
    return result


class _TableLoader:
    """Adds one table's rows: ids kept where free, links followed, the same row twice is one row."""

    def __init__(self, db: Any, table: str, info: list[Any], id_maps: dict[str, dict[int, int]], source: str):
        self.db, self.table, self.id_maps, self.source = db, table, id_maps, source
        self.has_id = any(str(c[1]) == "id" and c[5] for c in info)
        self.fks = {str(fk[3]): str(fk[2]) for fk in db.execute(f"PRAGMA foreign_key_list({table})")}
        self.mapping = id_maps.setdefault(table, {})
        self.added = self.already = self.left_out = 0
        self._watched: dict[str, int] = {}

    def add(self, values: dict[str, Any]) -> None:
        """One row (only the columns this journal has)."""
        db, table = self.db, self.table
        for col, parent in self.fks.items():
            if values.get(col) is not None:
                values[col] = self.id_maps.get(parent, {}).get(int(values[col]), values[col])
        if table == "share_log_items" and values.get("kind") in _REF_TABLES:
            ref_map = self.id_maps.get(_REF_TABLES[str(values["kind"])], {})
            if str(values.get("ref", "")).isdigit():
                values["ref"] = str(ref_map.get(int(values["ref"]), values["ref"]))
        if not self.has_id:  # links and keyed rows: the same row twice is one row
            if not values:
                raise ValueError("a row with nothing this journal keeps")  # not shown: "Row N of … doesn't fit"
            same = " AND ".join(f"{c} IS ?" for c in values)
            if values and db.execute(f"SELECT 1 FROM {table} WHERE {same}", tuple(values.values())).fetchone():
                self.already += 1
                return
            cols = ", ".join(values)
            cur = db.execute(f"INSERT OR IGNORE INTO {table} ({cols}) VALUES ({', '.join('?' * len(values))})",
                             tuple(values.values()))  # fmt: skip
            if cur.rowcount:
                self.added += 1
            else:
                self.already += 1
            return
        if not isinstance(values.get("id"), int):
            raise ValueError("a row without its id")  # not shown: becomes "Row N of … doesn't fit"
        old_id = int(values.pop("id"))
        key = f"rj:{self.source}:{table}:{old_id}"
        seen = db.execute("SELECT row_id FROM imported WHERE key = ?", (key,)).fetchone()
        if seen is not None and db.execute(f"SELECT 1 FROM {table} WHERE id = ?", (seen[0],)).fetchone():
            self.mapping[old_id] = int(seen[0])
            self.already += 1
            return
        if table in _BY_NAME:
            match = db.execute(f"SELECT id FROM {table} WHERE name = ?", (values.get("name"),)).fetchone()
            if match is not None:
                self._remember(key, old_id, int(match[0]))
                return
        if (
            values
            and db.execute(  # the very same row is already here (e.g. a restored copy): keep it
                f"SELECT 1 FROM {table} WHERE id = ? AND " + " AND ".join(f"{c} IS ?" for c in values),
                (old_id, *values.values()),
            ).fetchone()
        ):
            self._remember(key, old_id, old_id)
            return
        if table == "watch_items":  # at most MOST_WATCHED new of each kind (nothing links to them)
            kind = str(values.get("kind"))
            if self._watched.get(kind, 0) >= MOST_WATCHED:
                self.left_out += 1
                return
            self._watched[kind] = self._watched.get(kind, 0) + 1
        if db.execute(f"SELECT 1 FROM {table} WHERE id = ?", (old_id,)).fetchone() is None:
            values = {"id": old_id, **values}
        cols = ", ".join(values)
        cur = db.execute(f"INSERT INTO {table} ({cols}) VALUES ({', '.join('?' * len(values))})",
                         tuple(values.values()))  # fmt: skip
        self.mapping[old_id] = int(cur.lastrowid)
        db.execute("INSERT OR REPLACE INTO imported (key, tbl, row_id) VALUES (?, ?, ?)",
                   (key, table, self.mapping[old_id]))  # fmt: skip
        self.added += 1

    def _remember(self, key: str, old_id: int, row_id: int) -> None:
        self.mapping[old_id] = row_id
        self.db.execute("INSERT OR REPLACE INTO imported (key, tbl, row_id) VALUES (?, ?, ?)",
                        (key, self.table, row_id))  # fmt: skip
        self.already += 1


def remember_imported(journal: JournalConnection, db: Any, key: str, table: str, row_id: int) -> None:
    """Note that `row_id` came from the item known by `key` (inside the caller's transaction)."""
    db.execute("INSERT OR REPLACE INTO imported (key, tbl, row_id) VALUES (?, ?, ?)", (key, table, row_id))


def already_imported(journal: JournalConnection, keys: list[str]) -> set[str]:
    """Which of these keys were brought in before (and whose rows are still there)."""
    found: set[str] = set()
    with journal.errors():
        db = journal.db
        for start in range(0, len(keys), 500):
            chunk = keys[start : start + 500]
            rows = db.execute(
                f"SELECT key, tbl, row_id FROM imported WHERE key IN ({', '.join('?' * len(chunk))})", chunk
            ).fetchall()
            for key, table, row_id in rows:
                if db.execute(f"SELECT 1 FROM {table} WHERE id = ?", (row_id,)).fetchone():
                    found.add(str(key))
    return found


def import_rows(journal: JournalConnection, rows: list[ImportRow]) -> tuple[int, int]:
    """Add check-ins and entries read from another app, in one transaction; rows whose key was imported
    before are passed over. Returns (check-ins added, entries added)."""
    now = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    done = already_imported(journal, [r.key for r in rows])
    added_checkins = added_entries = 0
    with journal.transaction() as db:
        for row in rows:
            if row.key in done:
                continue
            checkin_id: int | None = None
            first_id: int | None = None
            if row.checkin is not None:
                c = row.checkin
                cur = db.execute(
                    "INSERT INTO checkins (checkin_date, checkin_time, mood, note, created_at) VALUES (?, ?, ?, ?, ?)",
                    (c.date.isoformat(), c.time.strftime("%H:%M"), c.mood, clean_text(c.note), now),
                )
                checkin_id = first_id = int(cur.lastrowid)
                CheckInRepository.set_feelings(db, checkin_id, c.feelings)
                CheckInRepository.set_marks(db, checkin_id, (), c.helped)
                remember_imported(journal, db, row.key, "checkins", checkin_id)
                added_checkins += 1
            if row.entry is not None:
                e = row.entry
                cur = db.execute(
                    "INSERT INTO entries (entry_date, entry_time, title, body, checkin_id, created_at, updated_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (e.date.isoformat(), e.time.strftime("%H:%M") if e.time else "", clean_text(e.title),
                     clean_text(e.text), checkin_id if e.with_checkin else None, now, now),
                )  # fmt: skip
                entry_id = int(cur.lastrowid)
                EntryRepository.set_tags(db, entry_id, clean_tags(e.tags))
                if first_id is None:
                    remember_imported(journal, db, row.key, "entries", entry_id)
                added_entries += 1
    return added_checkins, added_entries
