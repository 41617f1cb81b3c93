"""Appointments: build an agenda that is yours, and bring back what was agreed as goal steps."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Protocol

from recoveryjournal.domain.appointments import Agreement, Appointment
from recoveryjournal.domain.entry import check_date
from recoveryjournal.domain.errors import InvalidInput
from recoveryjournal.domain.goals import WHO, Goal, Step
from recoveryjournal.domain.signals import Signal
from recoveryjournal.domain.support import SupportItem
from recoveryjournal.i18n import _
from recoveryjournal.services import mood_stats
from recoveryjournal.services.journal_parts import AgendaSource
from recoveryjournal.services.plans_service import GoalService
from recoveryjournal.storage.appointments import AppointmentRepository
from recoveryjournal.storage.connection import JournalConnection


@dataclass(frozen=True, slots=True)
class Agenda:
    """What goes to the appointment: your topics, goals to review, how your mood has been, support to change."""

    appointment: Appointment
    talk_about: list[str]
    goals: list[Goal]
    mood_since: dt.date
    mood_summary: str
    mood_series: mood_stats.MoodSeries
    support: list[SupportItem]
    #: The same period in figures, for the shared agenda's summary strip (in the person's own voice).
    figures: mood_stats.PeriodFigures


class AppointmentService:
    """Appointments of one open journal; agendas are made from `source` (its check-ins, goals and support)."""

    def __init__(self, conn: JournalConnection, source: AgendaSource) -> None:
        self._session = source
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

    def agenda(self, appointment: Appointment) -> Agenda:
        """The agenda as it would be shared: topics, goals for review, mood since the last appointment, support."""
        earlier = [a for a in self._repo.all() if a.date < appointment.date and a.id != appointment.id]
        since = max((a.date for a in earlier), default=appointment.date - dt.timedelta(days=27))
        until = min(appointment.date, dt.date.today())
        since = min(since, until)
        series = mood_stats.mood_series(self._session, since, until, medicines=False)  # never in an agenda
        words = _("since your last appointment") if earlier else _("over the four weeks before this appointment")
        goal_ids = set(appointment.goal_ids)
        goals = [
            g for g in self._session.goals.all() if g.id in goal_ids or (not goal_ids and g.review_next_appointment)
        ]
        support = self._session.support.to_change()
        return Agenda(
            appointment=appointment,
            talk_about=[line.strip(" -•\t") for line in appointment.talk_about.splitlines() if line.strip(" -•\t")],
            goals=goals,
            mood_since=since,
            mood_summary=mood_stats.mood_summary(series, words),
            mood_series=series,
            support=support,
            figures=mood_stats.period_figures(self._session, series),
        )

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
        goal = self._session.goals.add_step(goal_id, Step(None, agreement.text, agreement.who, agreement.who_name))
        self._repo.set_agreement_step(agreement_id, goal_id, int(goal.steps[-1].id or 0))
        self.changed.emit()
        return goal


class HasAppointments(Protocol):
    """The appointments tab: appointments and their agendas, and the goals an agenda reviews."""

    @property
    def goals(self) -> GoalService: ...

    @property
    def appointments(self) -> AppointmentService: ...
