"""The parts of an open journal, as small protocols: the one place that names what a screen, a dialog or a
service working across the journal may be given. Each receives only the services it uses (the open journal,
services/journal_service.JournalSession, satisfies them all; mypy checks that nothing reaches for more).
Nothing here holds the database connection: the open journal keeps that to itself.

A service named here never imports this module (it is given its own services instead), so there is no circle."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from recoveryjournal.domain.search import SearchFilters, SearchResults
from recoveryjournal.services.appointment_service import AppointmentService
from recoveryjournal.services.checkin_service import CheckInService
from recoveryjournal.services.entry_service import EntryService
from recoveryjournal.services.medicine_service import MedicineService
from recoveryjournal.services.plans_service import GoalService, PlanService, SupportService
from recoveryjournal.services.prompt_service import PromptService
from recoveryjournal.services.share_history import ShareLog

if TYPE_CHECKING:  # imported when first asked for, not at start-up (the open journal builds them then)
    from recoveryjournal.services.backup_service import Backups
    from recoveryjournal.services.import_preview import ImportOutcome
    from recoveryjournal.services.import_service import Imports


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


class HasPrompts(Protocol):
    """My own prompts, to start an entry from."""

    @property
    def prompts(self) -> PromptService: ...


class WritesEntries(ListsEntries, ChecksIn, HasPrompts, Protocol):
    """The journal tab: entries to write (from a prompt too), change and delete, with their tags, check-ins and
    shares."""

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
    """What an appointment's agenda is made from: the appointments before it, the mood since the last one, the
    goals to review, and the support to change (services/agendas.py makes agendas from it)."""

    @property
    def appointments(self) -> AppointmentService: ...

    @property
    def goals(self) -> GoalService: ...

    @property
    def support(self) -> SupportService: ...


class HasAppointments(AgendaSource, Protocol):
    """The appointments tab: appointments, the goals an agreement becomes a step of, and what the agenda it saves
    as a PDF is made from."""


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


class SessionView(AgendaSource, ListsEntries, Protocol):
    """Every service of an open journal: what the share dialog and the services that work across the journal
    (sharing, exporting) are given."""

    @property
    def plan(self) -> PlanService: ...

    @property
    def shares(self) -> ShareLog: ...


class EveryTab(SessionView, Searches, Protocol):
    """What the unlocked view hands on: each tab gets its own part of the open journal, and the view hears what
    changes in them."""


class HasBackups(Protocol):
    """Back up now, the automatic backups and their settings; and whether the journal can be written here."""

    @property
    def backups(self) -> Backups: ...

    @property
    def read_only(self) -> bool: ...


class HasImports(Protocol):
    """Bring a file in, export all of it; and whether the journal is damaged (then an export holds what could be
    read, and says so)."""

    @property
    def imports(self) -> Imports: ...

    @property
    def damaged(self) -> bool: ...


class ImportsInto(Protocol):
    """What the import dialog uses: reading and bringing in, whether the journal can be written here, and telling
    the journal's services what an import changed (on the window's thread: the tabs listen)."""

    @property
    def imports(self) -> Imports: ...

    @property
    def read_only(self) -> bool: ...

    def announce(self, outcome: ImportOutcome) -> None: ...
