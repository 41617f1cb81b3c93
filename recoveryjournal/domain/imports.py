"""What another app's export becomes: check-ins and entries, each with a key that says where it came from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from recoveryjournal.i18n import _


@dataclass(frozen=True, slots=True)
class ImportedCheckIn:
    """A mood check-in read from another app."""

    date: dt.date
    time: dt.time
    mood: int
    feelings: tuple[str, ...] = ()
    note: str = ""
    #: Daylio's activities, when the person chose them to become "what helped".
    helped: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ImportedEntry:
    """A journal entry read from another app; `with_checkin` links it to the check-in read from the same row."""

    date: dt.date
    time: dt.time | None
    title: str
    text: str
    tags: tuple[str, ...] = ()
    with_checkin: bool = False


@dataclass(frozen=True, slots=True)
class ImportRow:
    """One row (or entry) of the file: a stable key, and what it becomes."""

    key: str
    checkin: ImportedCheckIn | None = None
    entry: ImportedEntry | None = None

    @property
    def date(self) -> dt.date:
        """The day it is about."""
        if self.checkin is not None:
            return self.checkin.date
        assert self.entry is not None
        return self.entry.date


# Limits on what comes in, written once (docs/journal-format.md and docs/backup.md say them too) --------------
#: The largest file an import reads.
MAX_FILE_BYTES = 200 * 1024 * 1024
#: The most rows one table of a full export (or one jrnl file) may hold.
MAX_ROWS = 1_000_000
#: The longest text one value may hold (an entry's whole text is at most this).
MAX_TEXT_CHARS = 5_000_000
#: The deepest nesting a JSON file may have (our own export needs 4: file, tables, rows, values).
MAX_DEPTH = 8
#: How many signs, and how many things that help, one import may add to what the check-in offers to tick (a file
#: could plant thousands); the rest are left out, and the preview says so.
MOST_WATCHED = 200
#: The largest whole number SQLite stores.
_INT64 = 2**63 - 1


class ShapeError(ValueError):
    """Where a file's shape or a value's type isn't what its kind of export holds (the words say where)."""


def json_depth(value: object, limit: int = MAX_DEPTH) -> int:
    """How deep `value` nests (without recursing past `limit`: a hostile file can't exhaust the stack)."""
    depth, level = 0, [value]
    while level:
        depth += 1
        if depth > limit:
            return depth
        nxt: list[object] = []
        for v in level:
            if isinstance(v, dict):
                nxt.extend(v.values())
            elif isinstance(v, list):
                nxt.extend(v)
        level = nxt
    return depth


def check_scalar(value: object, where: str) -> None:
    """A value a table's cell can hold: text, a whole or decimal number, true/false, or nothing."""
    if value is None or isinstance(value, bool):
        return
    if isinstance(value, int):
        if abs(value) > _INT64:
            raise ShapeError(_("{where}: a number too large to keep").format(where=where))
        return
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ShapeError(_("{where}: a number that isn't a number").format(where=where))
        return
    if isinstance(value, str):
        if len(value) > MAX_TEXT_CHARS:
            raise ShapeError(
                _("{where}: text longer than {limit} characters").format(where=where, limit=MAX_TEXT_CHARS)
            )
        return
    raise ShapeError(_("{where}: a list or group where a single value belongs").format(where=where))


def check_tables(tables: object) -> dict[str, list[dict[str, object]]]:
    """A full export's tables: names to lists of rows, each row names to single values, within the limits."""
    if not isinstance(tables, dict):
        raise ShapeError(_("“tables” isn't a set of tables"))
    for name, rows in tables.items():
        if not isinstance(rows, list):
            raise ShapeError(_("table “{name}” isn't a list of rows").format(name=name))
        if len(rows) > MAX_ROWS:
            raise ShapeError(_("table “{name}” has more than {limit} rows").format(name=name, limit=MAX_ROWS))
        for number, row in enumerate(rows, start=1):
            if not isinstance(row, dict):
                raise ShapeError(_("row {number} of “{name}” isn't a row").format(number=number, name=name))
            for column, value in row.items():
                check_scalar(
                    value, _("row {number} of “{name}”, “{column}”").format(number=number, name=name, column=column)
                )
            if "id" in row and (isinstance(row["id"], bool) or not isinstance(row["id"], int)):
                raise ShapeError(
                    _("row {number} of “{name}”: its id isn't a whole number").format(number=number, name=name)
                )
    return tables
