"""What the services built on an unlocked journal need from it, as a Protocol.

Services that work across parts of the journal (mood summaries, agendas, sharing) take a SessionView
rather than importing JournalSession, so the session can offer them without a circle of imports.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from recoveryjournal.domain.entry import Entry
from recoveryjournal.services.checkin_service import CheckInService
from recoveryjournal.services.plans_service import GoalService, PlanService, SupportService
from recoveryjournal.storage.connection import JournalConnection


class SessionView(Protocol):
    """The parts of an unlocked journal that cross-cutting services use."""

    checkins: CheckInService
    goals: GoalService
    plan: PlanService
    support: SupportService

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
