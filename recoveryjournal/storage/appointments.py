"""Appointments: the person's agenda, and what was agreed afterwards."""

from __future__ import annotations

import datetime as dt
from typing import Any

from recoveryjournal.domain.appointments import Agreement, Appointment
from recoveryjournal.domain.entry import clean_text
from recoveryjournal.domain.errors import InvalidInput
from recoveryjournal.i18n import _
from recoveryjournal.storage.connection import JournalConnection

_COLUMNS = "id, appt_date, appt_time, with_whom, talk_about, support_to_change, notes_after"


class AppointmentRepository:
    """An appointment is saved whole (agenda, goals for review, agreements) in one transaction."""

    def __init__(self, journal: JournalConnection) -> None:
        self._journal = journal

    def save(self, a: Appointment) -> int:
        """Insert or replace; agreement ids are kept where given. Returns the appointment id."""
        values = (a.date.isoformat(), a.time.strftime("%H:%M") if a.time else "", clean_text(a.with_whom),
                  clean_text(a.talk_about), clean_text(a.support_to_change), clean_text(a.notes_after))  # fmt: skip
        with self._journal.transaction() as db:
            if a.id is None:
                cur = db.execute(
                    "INSERT INTO appointments (appt_date, appt_time, with_whom, talk_about, support_to_change, "
                    "notes_after, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (*values, dt.datetime.now().astimezone().isoformat(timespec="seconds")),
                )
                appt_id = int(cur.lastrowid)
            else:
                appt_id = a.id
                cur = db.execute(
                    "UPDATE appointments SET appt_date = ?, appt_time = ?, with_whom = ?, talk_about = ?, "
                    "support_to_change = ?, notes_after = ? WHERE id = ?",
                    (*values, appt_id),
                )
                if cur.rowcount == 0:
                    raise InvalidInput(
                        _("There's no appointment number {appt_id} in this journal.").format(appt_id=appt_id)
                    )
            db.execute("DELETE FROM appointment_goals WHERE appointment_id = ?", (appt_id,))
            for goal_id in dict.fromkeys(a.goal_ids):
                db.execute("INSERT INTO appointment_goals (appointment_id, goal_id) VALUES (?, ?)", (appt_id, goal_id))
            self._save_agreements(db, appt_id, a.agreements)
        return appt_id

    def set_agreement_step(self, agreement_id: int, goal_id: int, step_id: int) -> None:
        """Remember which goal step an agreement became."""
        with self._journal.transaction() as db:
            db.execute("UPDATE agreements SET goal_id = ?, step_id = ? WHERE id = ?", (goal_id, step_id, agreement_id))

    def delete(self, appt_id: int) -> None:
        """Remove an appointment with its agenda and agreements."""
        with self._journal.transaction() as db:
            db.execute("DELETE FROM appointments WHERE id = ?", (appt_id,))

    def get(self, appt_id: int) -> Appointment:
        """One appointment."""
        found = self._select("WHERE id = ?", (appt_id,))
        if not found:
            raise InvalidInput(_("There's no appointment number {appt_id} in this journal.").format(appt_id=appt_id))
        return found[0]

    def all(self) -> list[Appointment]:
        """Every appointment, soonest or most recent first."""
        return self._select("ORDER BY appt_date DESC, appt_time DESC, id DESC", ())

    @staticmethod
    def _save_agreements(db: Any, appt_id: int, agreements: tuple[Agreement, ...]) -> None:
        kept = [g.id for g in agreements if g.id is not None]
        marks = ",".join("?" * len(kept))
        db.execute(
            f"DELETE FROM agreements WHERE appointment_id = ? AND id NOT IN ({marks or 'NULL'})", (appt_id, *kept)
        )
        for g in agreements:
            values = (clean_text(g.text), g.who, clean_text(g.who_name), g.goal_id, g.step_id)
            if g.id is None:
                db.execute("INSERT INTO agreements (text, who, who_name, goal_id, step_id, appointment_id) "
                           "VALUES (?, ?, ?, ?, ?, ?)", (*values, appt_id))  # fmt: skip
            else:
                db.execute("UPDATE agreements SET text = ?, who = ?, who_name = ?, goal_id = ?, step_id = ? "
                           "WHERE id = ? AND appointment_id = ?", (*values, g.id, appt_id))  # fmt: skip

    def _select(self, where: str, params: tuple[Any, ...]) -> list[Appointment]:
        with self._journal.errors():
            db = self._journal.db
            rows = db.execute(f"SELECT {_COLUMNS} FROM appointments {where}", params).fetchall()
            result = []
            for r in rows:
                goal_rows = db.execute(
                    "SELECT goal_id FROM appointment_goals WHERE appointment_id = ? ORDER BY goal_id", (r[0],)
                ).fetchall()
                agreement_rows = db.execute(
                    "SELECT id, text, who, who_name, goal_id, step_id FROM agreements WHERE appointment_id = ? "
                    "ORDER BY id",
                    (r[0],),
                ).fetchall()
                result.append(
                    Appointment(
                        id=r[0],
                        date=dt.date.fromisoformat(r[1]),
                        time=dt.time.fromisoformat(r[2]) if r[2] else None,
                        with_whom=r[3],
                        talk_about=r[4],
                        support_to_change=r[5],
                        notes_after=r[6],
                        goal_ids=tuple(int(g[0]) for g in goal_rows),
                        agreements=tuple(Agreement(*g) for g in agreement_rows),
                    )
                )
        return result
