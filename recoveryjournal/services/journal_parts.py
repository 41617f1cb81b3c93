"""The parts of an open journal a screen may be given: each tab receives only the services it uses, named here
as small protocols (the session satisfies them all; mypy checks that a tab reaches for nothing else). Nothing
here holds the database connection: that stays in storage and services."""

from __future__ import annotations

from typing import Protocol

from recoveryjournal.domain.search import SearchFilters, SearchResults
from recoveryjournal.services.checkin_service import CheckInService
from recoveryjournal.services.entry_service import EntryService
from recoveryjournal.services.medicine_service import MedicineService
from recoveryjournal.services.plans_service import GoalService, PlanService, SupportService
from recoveryjournal.services.share_history import ShareLog


class HasCheckIns(Protocol):
    """Check-ins (and the person's own words for the scales)."""

    @property
    def checkins(self) -> CheckInService: ...


class ListsEntries(Protocol):
    """The entries (listed newest first, a page at a time; found by day and tag; written and changed)."""

    @property
    def entries(self) -> EntryService: ...


class HasMedicines(Protocol):
    """My medicines (off until turned on in Settings)."""

    @property
    def medicines(self) -> MedicineService: ...


class MoodSource(HasCheckIns, HasMedicines, ListsEntries, Protocol):
    """What a mood chart is drawn from: check-ins, the days written about, and medicine changes (when on)."""


class ChecksIn(HasCheckIns, HasMedicines, Protocol):
    """The check-in tab: check-ins, the plan's signs and what helps, medicines (when on), on a journal that may
    be read-only."""

    @property
    def plan(self) -> PlanService: ...

    @property
    def read_only(self) -> bool: ...


class ReadsDays(MoodSource, Protocol):
    """The calendar: what happened on each day."""


class WritesEntries(ListsEntries, ChecksIn, Protocol):
    """The journal tab: entries to write, change and delete, with their tags, check-ins and shares."""

    @property
    def shares(self) -> ShareLog: ...


class HasGoals(Protocol):
    """The goals tab: goals, and what was shared of them."""

    @property
    def goals(self) -> GoalService: ...

    @property
    def shares(self) -> ShareLog: ...


class HasPlan(Protocol):
    """The crisis plan and its versions, and what of it I keep an eye on in check-ins."""

    @property
    def plan(self) -> PlanService: ...

    @property
    def read_only(self) -> bool: ...


class HasSupport(Protocol):
    """The support list."""

    @property
    def support(self) -> SupportService: ...


class AgendaSource(MoodSource, Protocol):
    """What an appointment's agenda is made from: the mood since the last appointment, the goals to review, and
    the support to change (services/appointment_service.py builds agendas from it)."""

    @property
    def goals(self) -> GoalService: ...

    @property
    def support(self) -> SupportService: ...


class Searches(ListsEntries, Protocol):
    """Search, with the tags (of the entries) to narrow it."""

    def search(self, text: str, filters: SearchFilters | None = None, limit: int = 200,
               older_than: int | None = None) -> SearchResults: ...  # fmt: skip


class HasShareLog(Protocol):
    """What was shared, when and with whom."""

    @property
    def shares(self) -> ShareLog: ...


class ChangesPassphrase(Protocol):
    """A new passphrase for the journal (the key derivation runs on a worker)."""

    def change_passphrase(self, current: str, new: str, *, current_is_recovery_key: bool = False) -> None: ...
