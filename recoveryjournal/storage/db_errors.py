"""SQLite's errors told truthfully: a full disk, a read-only place, a pulled-out stick, a failing disk, another
program, or real damage — asked of the place itself before anything is called damage."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlcipher3

from recoveryjournal.domain.errors import (
    CannotWrite,
    JournalDamaged,
    JournalInUse,
    disk_full,
    place_gone,
    read_only_place,
)
from recoveryjournal.i18n import N_, _
from recoveryjournal.storage.fsutil import place_problem


@contextmanager
def explain_db_errors(folder: Path | None = None, *, reading_only: bool = False) -> Iterator[None]:
    """Translate SQLite's words into what really happened: full disk, read-only, stick removed, damage.

    SQLite says "disk I/O error" (or worse, "malformed") for a full disk or a vanished stick too,
    so where the journal's folder is known the place itself is asked before anything is called damage.
    """
    try:
        yield
    except (sqlcipher3.dbapi2.IntegrityError, sqlcipher3.dbapi2.ProgrammingError):
        raise
    except sqlcipher3.dbapi2.DatabaseError as exc:
        if reading_only and folder is not None and not folder.is_dir():
            raise place_gone() from exc
        raise truthful(exc, None if reading_only else folder) from exc


PLACE_FAILED_IO = N_(
    "The disk where your journal is kept reported an error, so this wasn't done. Nothing was lost. Try again; if "
    "it keeps happening, copy the whole journal folder somewhere else, and check the disk or USB stick."
)


def truthful(exc: Exception, folder: Path | None) -> Exception:
    name = str(getattr(exc, "sqlite_errorname", "") or "")
    text = str(exc).lower()
    if name.startswith("SQLITE_FULL") or "disk is full" in text:
        return disk_full()
    if name.startswith("SQLITE_READONLY") or "readonly" in text or "read-only" in text:
        return (folder and place_problem(folder)) or read_only_place()
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in text or "busy" in text:
        return JournalInUse(
            _("The journal is busy in another program. Please try again in a moment. Nothing was lost.")
        )
    if folder is not None:
        problem = place_problem(folder)
        if problem is not None:
            return problem
    if name.startswith("SQLITE_IOERR") or "disk i/o error" in text:  # not shown: SQLite's words
        # The disk said it couldn't read or write: the place failing, not damage (check would find none).
        return CannotWrite(_(PLACE_FAILED_IO), "io")
    is_operational: bool = isinstance(exc, sqlcipher3.dbapi2.OperationalError)
    if is_operational and not (
        name.startswith(("SQLITE_IOERR", "SQLITE_CORRUPT", "SQLITE_NOTADB", "SQLITE_CANTOPEN"))
        or any(
            w in text for w in ("malformed", "not a database", "i/o error", "unable to open")
        )  # not shown: SQLite's words
    ):
        return exc  # a mistake in our own SQL: let it show as the bug it is
    return JournalDamaged()
