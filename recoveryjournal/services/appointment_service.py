"""Appointments: keep them, and bring back what was agreed as goal steps (the agenda is made in agendas.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from recoveryjournal.domain.appointments import Agreement, Appointment
from recoveryjournal.domain.entry import check_date
from recoveryjournal.domain.errors import InvalidInput
from recoveryjournal.domain.goals import WHO, Goal, Step
from recoveryjournal.domain.signals import Signal
from recoveryjournal.i18n import _
from recoveryjournal.services.plans_service import GoalService
from recoveryjournal.storage.appointments import AppointmentRepository
from recoveryjournal.storage.connection import JournalConnection


class AppointmentService:
    """Appointments of one open journal, and what was agreed at them (an agreement becomes a step of one of
    `goals`). An appointment's agenda is made in services/agendas.py."""

    def __init__(self, conn: JournalConnection, goals: GoalService) -> None:
        self._goals = goals
        self._repo = AppointmentRepository(conn)
        self.changed = Signal()

    def save(self, appointment: Appointment) -> Appointment:
        """Check and save an appointment with its agenda and agreements."""
        check_date(appointment.date)
        agreements = tuple(
            replace(a, text=" ".join(a.text.split()), who=a.who if a.who in WHO else "me")
            for a in appointment.agreements
            if a.text.strip()
        )
        appt_id = self._repo.save(replace(appointment, agreements=agreements))
        self.changed.emit()
        return self._repo.get(appt_id)

    def delete(self, appt_id: int) -> None:
        """Remove an appointment."""
        self._repo.delete(appt_id)
        self.changed.emit()

    def get(self, appt_id: int) -> Appointment:
        """One appointment."""
        return self._repo.get(appt_id)

    def all(self) -> list[Appointment]:
        """Every appointment, latest first."""
        return self._repo.all()

    def last_before(self, when: dt.date) -> dt.date | None:
        """The day of my last appointment before `when` (for "since my last appointment"), or None."""
        return max((a.date for a in self._repo.all() if a.date < when), default=None)

    def agreement_to_step(self, appt_id: int, agreement_id: int, goal_id: int) -> Goal:
        """Turn something agreed into a step of a goal, with the responsibility that was agreed."""
        appointment = self._repo.get(appt_id)
        agreement: Agreement | None = next((a for a in appointment.agreements if a.id == agreement_id), None)
        if agreement is None:
            raise InvalidInput(_("That agreement isn't part of this appointment."))
        if agreement.step_id is not None:
            raise InvalidInput(_("This agreement is already a step of a goal."))
        goal = self._goals.add_step(goal_id, Step(None, agreement.text, agreement.who, agreement.who_name))
        self._repo.set_agreement_step(agreement_id, goal_id, int(goal.steps[-1].id or 0))
        self.changed.emit()
        return goal
