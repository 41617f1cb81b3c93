"""Read every row the way the app will, and say which it can't: the rule that keeps an import (or a restored
backup) from storing what the app can't show, and what `check` means by "All is well".

Each reader is the repository the app itself uses; where a whole kind can't be read, its rows are read one
by one so the report names them ("goal 3"). The database's own damage is the integrity checks' business:
here a row is unreadable when its values don't fit (a date that isn't a date, contacts that aren't a list).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sqlcipher3

from recoveryjournal.domain.errors import CannotWrite, JournalInUse
from recoveryjournal.i18n import N_, _
from recoveryjournal.storage.appointments import AppointmentRepository
from recoveryjournal.storage.checkins import CheckInRepository
from recoveryjournal.storage.connection import JournalConnection
from recoveryjournal.storage.entries import EntryRepository
from recoveryjournal.storage.goals import GoalRepository
from recoveryjournal.storage.medicines import MedicineRepository
from recoveryjournal.storage.plan import PlanRepository, WatchRepository
from recoveryjournal.storage.share_log import ShareLogRepository
from recoveryjournal.storage.support import SupportRepository

_Reader = Callable[[JournalConnection], object]
_OneReader = Callable[[JournalConnection, int], object]

#: (words for one item with its number, the table, read them all, read one by id or None)
_READERS: tuple[tuple[str, str, _Reader, _OneReader | None], ...] = (
    (N_("entry {n}"), "entries", lambda j: EntryRepository(j).newest_first(), lambda j, i: EntryRepository(j).get(i)),
    (N_("check-in {n}"), "checkins", lambda j: (CheckInRepository(j).between(), CheckInRepository(j).scale_words()),
     lambda j, i: CheckInRepository(j).get(i)),
    (N_("goal {n}"), "goals", lambda j: GoalRepository(j).all(), lambda j, i: GoalRepository(j).get(i)),
    (N_("crisis plan section {n}"), "plan_sections",
     lambda j: (PlanRepository(j).sections(), PlanRepository(j).revisions()), None),
    (N_("support item {n}"), "support_items", lambda j: SupportRepository(j).all(), None),
    (N_("appointment {n}"), "appointments", lambda j: AppointmentRepository(j).all(),
     lambda j, i: AppointmentRepository(j).get(i)),
    (N_("share log line {n}"), "share_log", lambda j: ShareLogRepository(j).all(), None),
    (N_("medicine {n}"), "medicines", lambda j: MedicineRepository(j).all(), lambda j, i: MedicineRepository(j).get(i)),
    (N_("what I keep an eye on"), "watch_items", lambda j: WatchRepository(j).all(), None),
)  # fmt: skip
#: A fault of the place or another program is never a row's fault: let those through as they are.
_NOT_THE_ROWS = (CannotWrite, JournalInUse, sqlcipher3.dbapi2.OperationalError)


def unreadable_rows(journal: JournalConnection, limit: int = 20) -> list[str]:
    """The items the app can't read back, in words ("goal 3"); empty when it can show everything."""
    found: list[str] = []
    for words, table, read_all, read_one in _READERS:
        try:
            read_all(journal)
            continue
        except _NOT_THE_ROWS:
            raise
        except Exception:  # a value that doesn't fit: find which rows
            pass
        ids = _ids(journal.db, table)
        if read_one is None or not ids:
            found.append(_(words).format(n="").strip())
            continue
        for row_id in ids:
            try:
                read_one(journal, row_id)
            except _NOT_THE_ROWS:
                raise
            except Exception:
                found.append(_(words).format(n=row_id))
                if len(found) >= limit:
                    return found
    return found


def _ids(db: Any, table: str) -> list[int]:
    try:
        return [int(r[0]) for r in db.execute(f"SELECT rowid FROM {table} ORDER BY rowid").fetchall()]
    except sqlcipher3.dbapi2.DatabaseError:
        return []
