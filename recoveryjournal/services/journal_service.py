"""Create and unlock a journal. The open journal (JournalSession) builds its services when first asked and keeps
the connection to itself. The GUI and CLI both use this."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from recoveryjournal.domain.errors import InvalidInput
from recoveryjournal.domain.search import SearchFilters, SearchResults
from recoveryjournal.domain.signals import Signal
from recoveryjournal.i18n import _
from recoveryjournal.services.appointment_service import AppointmentService
from recoveryjournal.services.checkin_service import CheckInService
from recoveryjournal.services.destinations import check_new_journal_place
from recoveryjournal.services.entry_service import EntryService
from recoveryjournal.services.medicine_service import MedicineService
from recoveryjournal.services.plans_service import GoalService, PlanService, SupportService
from recoveryjournal.services.prompt_service import PromptService
from recoveryjournal.services.share_history import ShareLog
from recoveryjournal.storage import connection
from recoveryjournal.storage.search import SearchRepository

if TYPE_CHECKING:
    from recoveryjournal.services import journal_parts
    from recoveryjournal.services.backup_service import Backups
    from recoveryjournal.services.check_service import CheckReport
    from recoveryjournal.services.import_preview import ImportOutcome
    from recoveryjournal.services.import_service import Imports


class JournalSession:
    """An open journal: it builds its services when each is first asked for (checkins, entries, goals, plan,
    support, medicines, appointments, prompts, shares, backups, imports) and owns the connection they share.
    `lock()` closes it; after that every call says the journal is locked."""

    def __init__(self, conn: connection.JournalConnection) -> None:
        self._conn = conn
        self.locked = Signal()

    # The services, each built when first asked -------------------------------------------------------------
    @cached_property
    def entries(self) -> EntryService:
        """Entries: write, change, delete, list newest first, find by day and tag."""
        return EntryService(self._conn)

    @cached_property
    def checkins(self) -> CheckInService:
        """Check-ins (and the person's own words for the scales)."""
        return CheckInService(self._conn)

    @cached_property
    def goals(self) -> GoalService:
        """Recovery goals, their steps and notes."""
        return GoalService(self._conn)

    @cached_property
    def plan(self) -> PlanService:
        """The crisis plan, its versions, and what of it the check-in keeps an eye on."""
        return PlanService(self._conn)

    @cached_property
    def support(self) -> SupportService:
        """The support list."""
        return SupportService(self._conn)

    @cached_property
    def medicines(self) -> MedicineService:
        """My medicines (off until turned on)."""
        return MedicineService(self._conn)

    @cached_property
    def appointments(self) -> AppointmentService:
        """Appointments and what was agreed at them (an agreement becomes a step of a goal)."""
        return AppointmentService(self._conn, self.goals)

    @cached_property
    def prompts(self) -> PromptService:
        """My own prompts, to start an entry from."""
        return PromptService(self._conn)

    @cached_property
    def shares(self) -> ShareLog:
        """The share log (what was shared, when and with whom)."""
        return ShareLog(self._conn)

    @cached_property
    def backups(self) -> Backups:
        """Back up now, the automatic backups and their settings (imported when first asked: not at start-up)."""
        from recoveryjournal.services.backup_service import Backups

        return Backups(self._conn)

    @cached_property
    def imports(self) -> Imports:
        """Bring a file in, and export all of it as JSON (imported when first asked: not at start-up)."""
        from recoveryjournal.services.import_service import Imports

        return Imports(self._conn)

    def announce(self, outcome: ImportOutcome) -> None:
        """Tell everyone who listens what an import changed, through the services' own signals (call it on the
        thread that shows the journal: the listeners may be windows)."""
        if outcome.entries:
            self.entries.changed.emit()
        if outcome.checkins:
            self.checkins.changed.emit()
        if outcome.other:
            for service in (self.goals, self.plan, self.support, self.appointments):
                service.changed.emit()

    @cached_property
    def _search(self) -> SearchRepository:
        return SearchRepository(self._conn)

    # The journal itself -----------------------------------------------------------------------------------------
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
    def damaged(self) -> bool:
        """True when the journal's data file is damaged: what can still be read is shown, nothing is written."""
        return self._conn.damaged is not None

    @property
    def read_only_note(self) -> str:
        """A calm sentence for a banner while read-only; empty otherwise."""
        return self._conn.read_only_note

    @property
    def opened_with_recovery_key(self) -> bool:
        """True when unlocked with the recovery key (a good moment to choose a new passphrase)."""
        return self._conn.opened_with_recovery_key

    def search(
        self, text: str, filters: SearchFilters | None = None, limit: int = 200, older_than: int | None = None
    ) -> SearchResults:
        """Entries and check-in notes matching the words typed (any text is safe); [] when nothing matches.
        `older_than` (from the previous results) reaches the next, older page of a very common word."""
        return self._search.search(text, filters, limit, older_than)

    def change_passphrase(self, current: str, new: str, *, current_is_recovery_key: bool = False) -> None:
        """Choose a new passphrase; `current` is the old passphrase or the recovery key."""
        if not new:
            raise InvalidInput(_("Please choose a new passphrase. It can be anything you'll remember."))
        self._conn.change_passphrase(current, new, current_is_recovery_key=current_is_recovery_key)

    def add_device_slot(self, passphrase: str) -> tuple[str, str]:
        """A new key slot for this computer's keyring: its id and the secret that opens it."""
        return self._conn.add_device_slot(passphrase)

    def check(self) -> CheckReport:
        """Is the journal whole, and really encrypted? A short report in plain words."""
        from recoveryjournal.services.check_service import check_journal

        return check_journal(self._conn, self.entries)

    def lock(self) -> None:
        """Close the journal and forget its key; listeners are told so they can clear what they show."""
        if self._conn.is_open:
            self._conn.close()
            self.locked.emit()


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
        journal_parts.ChangesPassphrase, journal_parts.AgendaSource, journal_parts.SessionView,
        journal_parts.EveryTab, journal_parts.HasBackups, journal_parts.HasImports, journal_parts.ImportsInto,
        journal_parts.HasPrompts,
    ]:  # fmt: skip
        return (s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s, s)
