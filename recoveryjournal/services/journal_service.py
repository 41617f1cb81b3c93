"""Create, unlock and lock a journal, and work with its entries. The GUI and CLI both use this."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from recoveryjournal.domain.entry import Entry, check_date, clean_tags
from recoveryjournal.domain.errors import InvalidInput, JournalError
from recoveryjournal.domain.search import SearchFilters, SearchResults
from recoveryjournal.domain.signals import Signal
from recoveryjournal.i18n import _
from recoveryjournal.services.checkin_service import CheckInService
from recoveryjournal.services.destinations import check_new_journal_place
from recoveryjournal.services.medicine_service import MedicineService
from recoveryjournal.services.plans_service import GoalService, PlanService, SupportService
from recoveryjournal.services.share_history import ShareLog
from recoveryjournal.storage import connection
from recoveryjournal.storage.entries import EntryRepository
from recoveryjournal.storage.search import SearchRepository

if TYPE_CHECKING:
    from recoveryjournal.services import journal_parts
    from recoveryjournal.services.appointment_service import AppointmentService


class Keep(enum.Enum):
    """Marks 'leave this field as it is' in updates."""

    KEEP = 0


KEEP = Keep.KEEP

#: One entry may hold a long piece of writing, but not a runaway paste of a whole disk.
MAX_ENTRY_CHARS = 5_000_000


class JournalSession:
    """An unlocked journal. `lock()` closes it; after that every call says the journal is locked."""

    def __init__(self, conn: connection.JournalConnection) -> None:
        self._conn = conn
        self._entries = EntryRepository(conn)
        self._search = SearchRepository(conn)
        self.checkins = CheckInService(conn)
        self.goals = GoalService(conn)
        self.plan = PlanService(conn)
        self.support = SupportService(conn)
        self.medicines = MedicineService(conn)
        self.entries_changed = Signal()
        self.locked = Signal()

    @property
    def path(self) -> Path:
        """The journal folder."""
        return self._conn.layout.folder

    @property
    def is_unlocked(self) -> bool:
        """False once locked."""
        return self._conn.is_open

    @property
    def read_only(self) -> bool:
        """True when the journal's place can't be written (read-only stick, full disk): reading still works."""
        return self._conn.read_only is not None

    @property
    def read_only_note(self) -> str:
        """A calm sentence for a banner while read-only; empty otherwise."""
        return self._conn.read_only_note

    @property
    def opened_with_recovery_key(self) -> bool:
        """True when unlocked with the recovery key (a good moment to choose a new passphrase)."""
        return self._conn.opened_with_recovery_key

    # Entries -------------------------------------------------------------------------
    def add_entry(
        self,
        text: str,
        title: str = "",
        date: dt.date | None = None,
        *,
        time: dt.time | None = None,
        tags: list[str] | tuple[str, ...] = (),
        checkin_id: int | None = None,
    ) -> Entry:
        """Save a new entry (today unless a date is given)."""
        self._check_entry(title, text)
        entry = self._entries.add(
            check_date(date or dt.date.today()), title.strip(), text,
            time=time, tags=clean_tags(tags), checkin_id=checkin_id,
        )  # fmt: skip
        self.entries_changed.emit()
        return entry

    def update_entry(
        self,
        entry_id: int,
        text: str,
        title: str,
        date: dt.date,
        *,
        time: dt.time | Keep | None = KEEP,
        tags: list[str] | tuple[str, ...] | None = None,
        checkin_id: int | Keep | None = KEEP,
    ) -> Entry:
        """Save changes to an entry; time, tags and the linked check-in stay as they are unless given."""
        self._check_entry(title, text)
        if time is KEEP or checkin_id is KEEP:
            current = self._entries.get(entry_id)
            time = current.time if time is KEEP else time
            checkin_id = current.checkin_id if checkin_id is KEEP else checkin_id
        assert not isinstance(time, Keep) and not isinstance(checkin_id, Keep)
        entry = self._entries.update(
            entry_id, check_date(date), title.strip(), text,
            time=time, tags=None if tags is None else clean_tags(tags), checkin_id=checkin_id,
        )  # fmt: skip
        self.entries_changed.emit()
        return entry

    def add_entries(self, entries: list[Entry]) -> int:
        """Save many entries at once, all or none (imports); each is checked like a single one."""
        cleaned = []
        for e in entries:
            self._check_entry(e.title, e.text)
            cleaned.append(replace(e, date=check_date(e.date), title=e.title.strip(), tags=clean_tags(e.tags)))
        count = self._entries.add_many(cleaned)
        self.entries_changed.emit()
        return count

    def delete_entry(self, entry_id: int) -> None:
        """Delete an entry for good."""
        self._entries.delete(entry_id)
        self.entries_changed.emit()

    def entry(self, entry_id: int) -> Entry:
        """One entry."""
        return self._entries.get(entry_id)

    def entries(self, limit: int | None = None, offset: int = 0) -> list[Entry]:
        """Entries newest first, a page at a time."""
        return self._entries.newest_first(limit, offset)

    def entry_dates(self, first: dt.date, last: dt.date) -> set[dt.date]:
        """Days in the range with at least one entry (marked on charts and the calendar)."""
        return self._entries.dates_between(first, last)

    def entries_on(self, day: dt.date) -> list[Entry]:
        """The entries of one day."""
        return self._entries.on_day(day)

    def tags(self) -> list[str]:
        """Tags in use, most used first (offered as suggestions)."""
        return self._entries.all_tags()

    def entry_count(self) -> int:
        """How many entries there are."""
        return self._entries.count()

    @staticmethod
    def _check_entry(title: str, text: str) -> None:
        if not title.strip() and not text.strip():
            raise InvalidInput(_("There's nothing to save yet. Write a few words first."))
        if len(text) > MAX_ENTRY_CHARS:
            raise InvalidInput(
                _("This entry is very long (over five million characters). Please split it into a few entries.")
            )

    @cached_property
    def appointments(self) -> AppointmentService:
        """Appointments, agendas and agreements (built on goals, support and check-ins)."""
        from recoveryjournal.services.appointment_service import AppointmentService

        return AppointmentService(self)

    @cached_property
    def shares(self) -> ShareLog:
        """The share log (what was shared, when and with whom), built when first asked."""
        return ShareLog(self._conn)

    # Search ----------------------------------------------------------------------------
    def search(
        self, text: str, filters: SearchFilters | None = None, limit: int = 200, older_than: int | None = None
    ) -> SearchResults:
        """Entries and check-in notes matching the words typed (any text is safe); [] when nothing matches.
        `older_than` (from the previous results) reaches the next, older page of a very common word."""
        return self._search.search(text, filters, limit, older_than)

    # Keys ----------------------------------------------------------------------------
    def change_passphrase(self, current: str, new: str, *, current_is_recovery_key: bool = False) -> None:
        """Choose a new passphrase; `current` is the old passphrase or the recovery key."""
        if not new:
            raise InvalidInput(_("Please choose a new passphrase. It can be anything you'll remember."))
        self._conn.change_passphrase(current, new, current_is_recovery_key=current_is_recovery_key)

    def lock(self) -> None:
        """Close the journal and forget its key; listeners are told so they can clear what they show."""
        if self._conn.is_open:
            self._conn.close()
            self.locked.emit()

    @property
    def connection(self) -> connection.JournalConnection:
        """For other services in this package (check, export); not for widgets."""
        if not self._conn.is_open:
            raise JournalError(_("The journal is locked."))
        return self._conn


def create_journal(path: Path | str, passphrase: str) -> tuple[JournalSession, str]:
    """Make a new journal; returns the open session and the recovery key (show it once)."""
    if not passphrase:
        raise InvalidInput(_("Please choose a passphrase. It can be anything you'll remember."))
    check_new_journal_place(Path(path))
    conn, recovery_key = connection.create_journal(path, passphrase)
    return JournalSession(conn), recovery_key


def unlock_journal(
    path: Path | str, secret: str, *, recovery_key: bool = False, device_slot: str | None = None
) -> JournalSession:
    """Open a journal with its passphrase, its recovery key, or a secret remembered on this computer."""
    return JournalSession(connection.open_journal(path, secret, recovery_key=recovery_key, device_slot=device_slot))


if TYPE_CHECKING:  # the session offers every part a screen may be given (services/journal_parts.py); mypy checks it

    def _offers_every_part(s: JournalSession) -> tuple[
        journal_parts.WritesEntries, journal_parts.ReadsDays, journal_parts.ChecksIn, journal_parts.MoodSource,
        journal_parts.HasGoals, journal_parts.HasPlan, journal_parts.HasSupport, journal_parts.HasAppointments,
        journal_parts.Searches, journal_parts.ListsEntries, journal_parts.HasCheckIns, journal_parts.HasShareLog,
        journal_parts.ChangesPassphrase,
    ]:  # fmt: skip
        return (s, s, s, s, s, s, s, s, s, s, s, s, s)
