"""The parts of an open journal a screen may be given: each tab receives only the services it uses, named here
as small protocols (the session satisfies them all; mypy checks that a tab reaches for nothing else). Nothing
here holds the database connection: that stays in storage and services."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Protocol

from recoveryjournal.domain.entry import Entry
from recoveryjournal.domain.search import SearchFilters, SearchResults
from recoveryjournal.services.checkin_service import CheckInService
from recoveryjournal.services.medicine_service import MedicineService
from recoveryjournal.services.plans_service import GoalService, PlanService, SupportService
from recoveryjournal.services.share_history import ShareLog

if TYPE_CHECKING:
    from recoveryjournal.services.appointment_service import AppointmentService


class HasCheckIns(Protocol):
    """Check-ins (and the person's own words for the scales)."""

    checkins: CheckInService


class ListsEntries(Protocol):
    """The entries, newest first, a page at a time."""

    def entries(self, limit: int | None = None, offset: int = 0) -> list[Entry]: ...

    def entry_count(self) -> int: ...


class HasMedicines(Protocol):
    """My medicines (off until turned on in Settings)."""

    medicines: MedicineService


class MoodSource(HasCheckIns, HasMedicines, Protocol):
    """What a mood chart is drawn from: check-ins, the days written about, and medicine changes (when on)."""

    def entry_dates(self, first: dt.date, last: dt.date) -> set[dt.date]: ...


class ChecksIn(HasCheckIns, HasMedicines, Protocol):
    """The check-in tab: check-ins, the plan's signs and what helps, medicines (when on), on a journal that may
    be read-only."""

    plan: PlanService

    @property
    def read_only(self) -> bool: ...


class ReadsDays(MoodSource, Protocol):
    """The calendar: what happened on each day."""

    def entries_on(self, day: dt.date) -> list[Entry]: ...


class WritesEntries(ListsEntries, ChecksIn, Protocol):
    """The journal tab: entries to write, change and delete, with their tags, check-ins and shares."""

    @property
    def shares(self) -> ShareLog: ...

    def add_entry(self, text: str, title: str = "", date: dt.date | None = None, *, time: dt.time | None = None,
                  tags: list[str] | tuple[str, ...] = (), checkin_id: int | None = None) -> Entry: ...  # fmt: skip

    def update_entry(self, entry_id: int, text: str, title: str, date: dt.date, *, time: dt.time | None = ...,
                     tags: list[str] | tuple[str, ...] | None = None,
                     checkin_id: int | None = ...) -> Entry: ...  # fmt: skip

    def delete_entry(self, entry_id: int) -> None: ...

    def entry(self, entry_id: int) -> Entry: ...

    def tags(self) -> list[str]: ...


class HasGoals(Protocol):
    """The goals tab: goals, and what was shared of them."""

    goals: GoalService

    @property
    def shares(self) -> ShareLog: ...


class HasPlan(Protocol):
    """The crisis plan and its versions, and what of it I keep an eye on in check-ins."""

    plan: PlanService

    @property
    def read_only(self) -> bool: ...


class HasSupport(Protocol):
    """The support list."""

    support: SupportService


class HasAppointments(Protocol):
    """Appointments and their agendas, and the goals an agenda reviews."""

    goals: GoalService

    @property
    def appointments(self) -> AppointmentService: ...


class Searches(Protocol):
    """Search, with the tags to narrow it."""

    def search(self, text: str, filters: SearchFilters | None = None, limit: int = 200,
               older_than: int | None = None) -> SearchResults: ...  # fmt: skip

    def tags(self) -> list[str]: ...


class HasShareLog(Protocol):
    """What was shared, when and with whom."""

    @property
    def shares(self) -> ShareLog: ...


class ChangesPassphrase(Protocol):
    """A new passphrase for the journal (the key derivation runs on a worker)."""

    def change_passphrase(self, current: str, new: str, *, current_is_recovery_key: bool = False) -> None: ...
