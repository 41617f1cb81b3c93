"""What the services built on an unlocked journal need from it, as a Protocol.

Services that work across parts of the journal (mood summaries, agendas, sharing) take a SessionView
rather than importing JournalSession, so the session can offer them without a circle of imports.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Protocol

from recoveryjournal.domain.entry import Entry
from recoveryjournal.domain.signals import Signal
from recoveryjournal.services.checkin_service import CheckInService
from recoveryjournal.services.medicine_service import MedicineService
from recoveryjournal.services.plans_service import GoalService, PlanService, SupportService
from recoveryjournal.services.share_history import ShareLog
from recoveryjournal.storage.connection import JournalConnection

if TYPE_CHECKING:  # (these services are built on a SessionView themselves)
    from recoveryjournal.services.appointment_service import AppointmentService


class SessionView(Protocol):
    """The parts of an unlocked journal that cross-cutting services use."""

    checkins: CheckInService
    entries_changed: Signal
    goals: GoalService
    medicines: MedicineService
    plan: PlanService
    support: SupportService

    @property
    def appointments(self) -> AppointmentService:
        """Appointments and agendas, wired once when the journal opened."""
        ...

    @property
    def shares(self) -> ShareLog:
        """The share log, wired once when the journal opened."""
        ...

    @property
    def connection(self) -> JournalConnection:
        """The keyed connection (for repositories)."""
        ...

    def entry(self, entry_id: int) -> Entry:
        """One entry."""
        ...

    def entry_dates(self, first: dt.date, last: dt.date) -> set[dt.date]:
        """Days with entries."""
        ...
