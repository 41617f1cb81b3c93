"""What the services built on an unlocked journal need from it, as a Protocol (no connection in it: the open
journal keeps that to itself and hands it only to the services it builds).

Services that work across parts of the journal (mood summaries, agendas, sharing) take a SessionView
rather than importing JournalSession, so the session can offer them without a circle of imports.
"""

from __future__ import annotations

from typing import Protocol

from recoveryjournal.services.appointment_service import AppointmentService
from recoveryjournal.services.checkin_service import CheckInService
from recoveryjournal.services.entry_service import EntryService
from recoveryjournal.services.medicine_service import MedicineService
from recoveryjournal.services.plans_service import GoalService, PlanService, SupportService
from recoveryjournal.services.share_history import ShareLog


class SessionView(Protocol):
    """The parts of an unlocked journal that cross-cutting services use."""

    @property
    def checkins(self) -> CheckInService: ...

    @property
    def entries(self) -> EntryService: ...

    @property
    def goals(self) -> GoalService: ...

    @property
    def medicines(self) -> MedicineService: ...

    @property
    def plan(self) -> PlanService: ...

    @property
    def support(self) -> SupportService: ...

    @property
    def appointments(self) -> AppointmentService:
        """Appointments and agendas, wired once when the journal opened."""
        ...

    @property
    def shares(self) -> ShareLog:
        """The share log, wired once when the journal opened."""
        ...
