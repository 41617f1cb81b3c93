"""My medicines and their changes."""

from __future__ import annotations

import datetime as dt
from typing import Any

from recoveryjournal.domain.entry import clean_text
from recoveryjournal.domain.errors import InvalidInput
from recoveryjournal.domain.medicines import Medicine, MedicineChange
from recoveryjournal.i18n import _
from recoveryjournal.storage.connection import JournalConnection
from recoveryjournal.storage.schema import PLAN_IN_CHECKINS


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


class MedicineRepository:
    """Medicines in the person's order, each with its changes oldest first; every write is one transaction."""

    def __init__(self, journal: JournalConnection) -> None:
        self._journal = journal

    def all(self) -> list[Medicine]:
        """Every medicine, stopped ones too."""
        if not self._journal.has(PLAN_IN_CHECKINS):
            return []
        with self._journal.errors():
            db = self._journal.db
            rows = db.execute("SELECT id, name, what_i_take, since FROM medicines ORDER BY position, id").fetchall()
            changes: dict[int, list[MedicineChange]] = {}
            for cid, mid, when, kind, what, why in db.execute(
                "SELECT id, medicine_id, change_date, kind, what_i_take, why FROM medicine_changes "
                "ORDER BY change_date, id"
            ):
                changes.setdefault(mid, []).append(MedicineChange(cid, dt.date.fromisoformat(when), kind, what, why))
        return [Medicine(r[0], r[1], r[2], _day(r[3]), tuple(changes.get(r[0], ()))) for r in rows]

    def get(self, medicine_id: int) -> Medicine:
        """One medicine."""
        for m in self.all():
            if m.id == medicine_id:
                return m
        raise InvalidInput(_("There's no medicine number {id} in this journal.").format(id=medicine_id))

    def save(self, m: Medicine) -> int:
        """Add (id None) or change a medicine's name, what I take and since when; returns its id."""
        values = (clean_text(m.name), clean_text(m.what_i_take), m.since.isoformat() if m.since else None)
        with self._journal.transaction() as db:
            if m.id is None:
                position = db.execute("SELECT coalesce(max(position), 0) + 1 FROM medicines").fetchone()[0]
                now = dt.datetime.now().astimezone().isoformat(timespec="seconds")
                cur = db.execute(
                    "INSERT INTO medicines (name, what_i_take, since, position, created_at) VALUES (?, ?, ?, ?, ?)",
                    (*values, position, now),
                )
                return int(cur.lastrowid)
            if db.execute("UPDATE medicines SET name = ?, what_i_take = ?, since = ? WHERE id = ?",
                          (*values, m.id)).rowcount == 0:  # fmt: skip
                raise InvalidInput(_("There's no medicine number {id} in this journal.").format(id=m.id))
            return m.id

    def add_change(self, medicine_id: int, change: MedicineChange) -> None:
        """Note a change or a stop."""
        with self._journal.transaction() as db:
            self._exists(db, medicine_id)
            db.execute(
                "INSERT INTO medicine_changes (medicine_id, change_date, kind, what_i_take, why) "
                "VALUES (?, ?, ?, ?, ?)",
                (medicine_id, change.date.isoformat(), change.kind, clean_text(change.what_i_take),
                 clean_text(change.why)),
            )  # fmt: skip

    def delete(self, medicine_id: int) -> None:
        """Remove a medicine and its changes (for one added by mistake; a stop is noted as a change)."""
        with self._journal.transaction() as db:
            self._exists(db, medicine_id)
            db.execute("DELETE FROM medicines WHERE id = ?", (medicine_id,))

    def delete_change(self, change_id: int) -> None:
        """Remove one noted change."""
        with self._journal.transaction() as db:
            db.execute("DELETE FROM medicine_changes WHERE id = ?", (change_id,))

    @staticmethod
    def _exists(db: Any, medicine_id: int) -> None:
        if db.execute("SELECT 1 FROM medicines WHERE id = ?", (medicine_id,)).fetchone() is None:
            raise InvalidInput(_("There's no medicine number {id} in this journal.").format(id=medicine_id))
