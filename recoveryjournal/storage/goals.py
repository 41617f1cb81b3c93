"""Recovery goals, their steps, progress notes and positive risks."""

from __future__ import annotations

import datetime as dt
from typing import Any

from recoveryjournal.domain.entry import clean_text
from recoveryjournal.domain.errors import InvalidInput
from recoveryjournal.domain.goals import Goal, PositiveRisk, ProgressNote, Step
from recoveryjournal.i18n import _
from recoveryjournal.storage.connection import JournalConnection

_GOAL_COLUMNS = (
    "id, title, why, status, review_next_appointment, risk, risk_why, risk_could_go_wrong, risk_what_helps, "
    "risk_who_supports"
)


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


class GoalRepository:
    """A goal is saved whole (fields, steps, risk) in one transaction; notes are added one by one."""

    def __init__(self, journal: JournalConnection) -> None:
        self._journal = journal

    def save(self, goal: Goal) -> int:
        """Insert or replace a goal and its steps; returns its id. Step ids are kept where given."""
        r = goal.risk
        values = (clean_text(goal.title), clean_text(goal.why), goal.status, int(goal.review_next_appointment),
                  clean_text(r.risk), clean_text(r.why_worth_it), clean_text(r.could_go_wrong),
                  clean_text(r.what_helps), clean_text(r.who_supports))  # fmt: skip
        with self._journal.transaction() as db:
            if goal.id is None:
                position = db.execute("SELECT coalesce(max(position), 0) + 1 FROM goals").fetchone()[0]
                cur = db.execute(
                    "INSERT INTO goals (title, why, status, review_next_appointment, risk, risk_why, "
                    "risk_could_go_wrong, risk_what_helps, risk_who_supports, position, created_at, updated_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (*values, position, _now(), _now()),
                )
                goal_id = int(cur.lastrowid)
            else:
                goal_id = goal.id
                cur = db.execute(
                    "UPDATE goals SET title = ?, why = ?, status = ?, review_next_appointment = ?, risk = ?, "
                    "risk_why = ?, risk_could_go_wrong = ?, risk_what_helps = ?, risk_who_supports = ?, "
                    "updated_at = ? WHERE id = ?",
                    (*values, _now(), goal_id),
                )
                if cur.rowcount == 0:
                    raise InvalidInput(_("There's no goal number {goal_id} in this journal.").format(goal_id=goal_id))
            self._save_steps(db, goal_id, goal.steps)
        return goal_id

    def add_step(self, goal_id: int, step: Step) -> int:
        """Append one step (for example, from something agreed at an appointment)."""
        with self._journal.transaction() as db:
            position = db.execute(
                "SELECT coalesce(max(position), 0) + 1 FROM goal_steps WHERE goal_id = ?", (goal_id,)
            ).fetchone()[0]
            return int(self._insert_step(db, goal_id, position, step))

    def add_note(self, goal_id: int, date: dt.date, text: str) -> None:
        """A dated progress note in the person's words."""
        with self._journal.transaction() as db:
            db.execute("INSERT INTO goal_notes (goal_id, note_date, text) VALUES (?, ?, ?)",
                       (goal_id, date.isoformat(), clean_text(text)))  # fmt: skip

    def delete(self, goal_id: int) -> None:
        """Remove a goal with its steps and notes."""
        with self._journal.transaction() as db:
            if db.execute("DELETE FROM goals WHERE id = ?", (goal_id,)).rowcount == 0:
                raise InvalidInput(_("There's no goal number {goal_id} in this journal.").format(goal_id=goal_id))

    def get(self, goal_id: int) -> Goal:
        """One goal, whole."""
        goals = self._select("WHERE id = ?", (goal_id,))
        if not goals:
            raise InvalidInput(_("There's no goal number {goal_id} in this journal.").format(goal_id=goal_id))
        return goals[0]

    def all(self, status: str | None = None) -> list[Goal]:
        """Every goal (or those with one status), in the person's order."""
        if status:
            return self._select("WHERE status = ? ORDER BY position, id", (status,))
        return self._select("ORDER BY position, id", ())

    # Internals ------------------------------------------------------------------------
    def _save_steps(self, db: Any, goal_id: int, steps: tuple[Step, ...]) -> None:
        kept = [s.id for s in steps if s.id is not None]
        marks = ",".join("?" * len(kept))
        db.execute(f"DELETE FROM goal_steps WHERE goal_id = ? AND id NOT IN ({marks or 'NULL'})", (goal_id, *kept))
        for position, step in enumerate(steps, start=1):
            if step.id is None:
                self._insert_step(db, goal_id, position, step)
            else:
                db.execute(
                    "UPDATE goal_steps SET position = ?, text = ?, who = ?, who_name = ?, target_date = ?, done = ? "
                    "WHERE id = ? AND goal_id = ?",
                    (position, clean_text(step.text), step.who, clean_text(step.who_name),
                     step.target.isoformat() if step.target else None, int(step.done), step.id, goal_id),
                )  # fmt: skip

    @staticmethod
    def _insert_step(db: Any, goal_id: int, position: int, step: Step) -> int:
        cur = db.execute(
            "INSERT INTO goal_steps (goal_id, position, text, who, who_name, target_date, done) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (goal_id, position, clean_text(step.text), step.who, clean_text(step.who_name),
             step.target.isoformat() if step.target else None, int(step.done)),
        )  # fmt: skip
        return int(cur.lastrowid)

    def _select(self, where: str, params: tuple[Any, ...]) -> list[Goal]:
        with self._journal.errors():
            db = self._journal.db
            rows = db.execute(f"SELECT {_GOAL_COLUMNS} FROM goals {where}", params).fetchall()
            if not rows:
                return []
            ids = [r[0] for r in rows]
            marks = ",".join("?" * len(ids))
            steps: dict[int, list[Step]] = {}
            for goal_id, *s in db.execute(
                f"SELECT goal_id, id, text, who, who_name, target_date, done FROM goal_steps "
                f"WHERE goal_id IN ({marks}) ORDER BY position, id",
                ids,
            ):
                target = dt.date.fromisoformat(s[4]) if s[4] else None
                steps.setdefault(goal_id, []).append(Step(s[0], s[1], s[2], s[3], target, bool(s[5])))
            notes: dict[int, list[ProgressNote]] = {}
            for goal_id, note_id, date, text in db.execute(
                f"SELECT goal_id, id, note_date, text FROM goal_notes WHERE goal_id IN ({marks}) "
                "ORDER BY note_date DESC, id DESC",
                ids,
            ):
                notes.setdefault(goal_id, []).append(ProgressNote(note_id, dt.date.fromisoformat(date), text))
        return [
            Goal(
                id=r[0], title=r[1], why=r[2], status=r[3], review_next_appointment=bool(r[4]),
                risk=PositiveRisk(r[5], r[6], r[7], r[8], r[9]),
                steps=tuple(steps.get(r[0], ())), notes=tuple(notes.get(r[0], ())),
            )
            for r in rows
        ]  # fmt: skip
