"""An appointment's agenda, made from the whole journal: my points, the goals to review, how my mood has been since
the appointment before, and the support I'd like to change. (Appointments themselves are kept by
services/appointment_service.py; the agenda reaches across the journal, so it is made here.)"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from recoveryjournal.domain.appointments import Appointment
from recoveryjournal.domain.goals import Goal
from recoveryjournal.domain.support import SupportItem
from recoveryjournal.i18n import _
from recoveryjournal.services import mood_stats
from recoveryjournal.services.journal_parts import AgendaSource


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


def make_agenda(source: AgendaSource, appointment: Appointment) -> Agenda:
    """The agenda as it would be shared: topics, goals for review, mood since the last appointment, support."""
    earlier = [a for a in source.appointments.all() if a.date < appointment.date and a.id != appointment.id]
    since = max((a.date for a in earlier), default=appointment.date - dt.timedelta(days=27))
    until = min(appointment.date, dt.date.today())
    since = min(since, until)
    series = mood_stats.mood_series(source, since, until, medicines=False)  # never in an agenda
    words = _("since your last appointment") if earlier else _("over the four weeks before this appointment")
    goal_ids = set(appointment.goal_ids)
    goals = [g for g in source.goals.all() if g.id in goal_ids or (not goal_ids and g.review_next_appointment)]
    return Agenda(
        appointment=appointment,
        talk_about=[line.strip(" -•\t") for line in appointment.talk_about.splitlines() if line.strip(" -•\t")],
        goals=goals,
        mood_since=since,
        mood_summary=mood_stats.mood_summary(series, words),
        mood_series=series,
        support=source.support.to_change(),
        figures=mood_stats.period_figures(source, series),
    )
