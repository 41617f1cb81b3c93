"""Mood check-ins, their feelings, and the person's own words for each scale."""

from __future__ import annotations

import datetime as dt
from typing import Any

from recoveryjournal.domain.checkin import CheckIn, DayMeans
from recoveryjournal.domain.entry import clean_text
from recoveryjournal.domain.errors import InvalidInput
from recoveryjournal.i18n import _
from recoveryjournal.storage.connection import JournalConnection
from recoveryjournal.storage.schema import PLAN_IN_CHECKINS

_COLUMNS = "id, checkin_date, checkin_time, mood, sleep_hours, anxiety, energy, note"
#: Written only to journals that have the column (v7 on); reads of older ones (read-only) say "not noted".
_WITH_MEDICINES = _COLUMNS + ", medicines"


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


class CheckInRepository:
    """Check-ins in the encrypted database; every write is one transaction."""

    def __init__(self, journal: JournalConnection) -> None:
        self._journal = journal

    def add(self, c: CheckIn) -> int:
        """Store a check-in, its feelings, what I noticed and what helped; returns its id."""
        with self._journal.transaction() as db:
            checkin_id = self._insert(db, c, _now())
        return checkin_id

    def _insert(self, db: Any, c: CheckIn, now: str) -> int:
        cur = db.execute(
            f"INSERT INTO checkins ({_WITH_MEDICINES[4:]}, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (*self._values(c), c.medicines, now),
        )
        checkin_id = int(cur.lastrowid)
        self.set_feelings(db, checkin_id, c.feelings)
        self.set_marks(db, checkin_id, c.noticed, c.helped)
        return checkin_id

    def add_many(self, checkins: list[CheckIn]) -> int:
        """Store many check-ins in one transaction (imports, benchmarks). Returns how many."""
        now = _now()
        with self._journal.transaction() as db:
            for c in checkins:
                self._insert(db, c, now)
        return len(checkins)

    def update(self, c: CheckIn) -> None:
        """Replace a check-in's values and feelings."""
        with self._journal.transaction() as db:
            cur = db.execute(
                "UPDATE checkins SET checkin_date = ?, checkin_time = ?, mood = ?, sleep_hours = ?, anxiety = ?, "
                "energy = ?, note = ?, medicines = ? WHERE id = ?",
                (*self._values(c), c.medicines, c.id),
            )
            if cur.rowcount == 0:
                raise InvalidInput(_("There's no check-in number {id} in this journal.").format(id=c.id))
            db.execute("DELETE FROM checkin_feelings WHERE checkin_id = ?", (c.id,))
            db.execute("DELETE FROM checkin_marks WHERE checkin_id = ?", (c.id,))
            self.set_feelings(db, int(c.id or 0), c.feelings)
            self.set_marks(db, int(c.id or 0), c.noticed, c.helped)

    def delete(self, checkin_id: int) -> None:
        """Remove a check-in for good."""
        with self._journal.transaction() as db:
            if db.execute("DELETE FROM checkins WHERE id = ?", (checkin_id,)).rowcount == 0:
                raise InvalidInput(
                    _("There's no check-in number {checkin_id} in this journal.").format(checkin_id=checkin_id)
                )

    def get(self, checkin_id: int) -> CheckIn:
        """One check-in by id."""
        rows = self._select("WHERE id = ?", (checkin_id,))
        if not rows:
            raise InvalidInput(
                _("There's no check-in number {checkin_id} in this journal.").format(checkin_id=checkin_id)
            )
        return rows[0]

    def between(self, first: dt.date | None = None, last: dt.date | None = None, limit: int = -1) -> list[CheckIn]:
        """Check-ins from `first` to `last` (inclusive), newest first."""
        return self._select(
            "WHERE checkin_date BETWEEN ? AND ? ORDER BY checkin_date DESC, checkin_time DESC, id DESC LIMIT ?",
            ((first or dt.date.min).isoformat(), (last or dt.date.max).isoformat(), limit),
        )

    def count(self) -> int:
        """How many check-ins there are."""
        with self._journal.errors():
            return int(self._journal.db.execute("SELECT count(*) FROM checkins").fetchone()[0])

    def daily(self, first: dt.date, last: dt.date) -> list[DayMeans]:
        """Each day with check-ins in the period, averaged, oldest first (decoded here, once)."""
        with self._journal.errors():
            rows = self._journal.db.execute(
                "SELECT checkin_date, avg(mood), avg(sleep_hours), avg(anxiety), avg(energy), count(*) "
                "FROM checkins "
                "WHERE checkin_date BETWEEN ? AND ? GROUP BY checkin_date ORDER BY checkin_date",
                (first.isoformat(), last.isoformat()),
            ).fetchall()
        return [DayMeans(dt.date.fromisoformat(r[0]), float(r[1]), r[2], r[3], r[4], int(r[5])) for r in rows]

    def first_date(self) -> dt.date | None:
        """The earliest check-in's date."""
        with self._journal.errors():
            row = self._journal.db.execute("SELECT min(checkin_date) FROM checkins").fetchone()
        return dt.date.fromisoformat(row[0]) if row and row[0] else None

    def feeling_counts(self, first: dt.date, last: dt.date) -> list[tuple[str, int]]:
        """How often each feeling was chosen in the period, most often first."""
        with self._journal.errors():
            return list(
                self._journal.db.execute(
                    "SELECT f.name, count(*) FROM checkin_feelings cf JOIN feelings f ON f.id = cf.feeling_id "
                    "JOIN checkins c ON c.id = cf.checkin_id WHERE c.checkin_date BETWEEN ? AND ? "
                    "GROUP BY f.id ORDER BY count(*) DESC, f.name",
                    (first.isoformat(), last.isoformat()),
                ).fetchall()
            )

    def own_feelings(self) -> list[str]:
        """Every feeling word used so far, most used first (offered again next time)."""
        with self._journal.errors():
            rows = self._journal.db.execute(
                "SELECT f.name FROM feelings f LEFT JOIN checkin_feelings cf ON cf.feeling_id = f.id "
                "GROUP BY f.id ORDER BY count(cf.checkin_id) DESC, f.name"
            ).fetchall()
        return [r[0] for r in rows]

    def marks_used(self, kind: str) -> list[str]:
        """Every sign noticed ('noticed') or thing that helped ('helped') so far, most used first."""
        if not self._journal.has(PLAN_IN_CHECKINS):
            return []
        with self._journal.errors():
            rows = self._journal.db.execute(
                "SELECT name FROM checkin_marks WHERE kind = ? GROUP BY name COLLATE NOCASE "
                "ORDER BY count(*) DESC, name",
                (kind,),
            ).fetchall()
        return [r[0] for r in rows]

    def daily_marks(self, first: dt.date, last: dt.date) -> dict[dt.date, set[tuple[str, str]]]:
        """Per day with check-ins in the period: the (kind, name) marks of that day's check-ins."""
        if not self._journal.has(PLAN_IN_CHECKINS):
            return {}
        with self._journal.errors():
            rows = self._journal.db.execute(
                "SELECT c.checkin_date, m.kind, m.name FROM checkin_marks m JOIN checkins c ON c.id = m.checkin_id "
                "WHERE c.checkin_date BETWEEN ? AND ?",
                (first.isoformat(), last.isoformat()),
            ).fetchall()
        days: dict[dt.date, set[tuple[str, str]]] = {}
        for when, kind, name in rows:
            days.setdefault(dt.date.fromisoformat(when), set()).add((kind, name))
        return days

    def scale_words(self) -> dict[str, dict[int, str]]:
        """The person's own words for scale values."""
        with self._journal.errors():
            rows = self._journal.db.execute("SELECT scale, value, words FROM scale_words").fetchall()
        words: dict[str, dict[int, str]] = {}
        for scale, value, text in rows:
            words.setdefault(scale, {})[int(value)] = text
        return words

    def set_scale_word(self, scale: str, value: int, words: str) -> None:
        """Save (or, when empty, remove) the person's words for one scale value."""
        with self._journal.transaction() as db:
            if words.strip():
                db.execute(
                    "INSERT INTO scale_words (scale, value, words) VALUES (?, ?, ?) "
                    "ON CONFLICT (scale, value) DO UPDATE SET words = excluded.words",
                    (scale, value, clean_text(words.strip())),
                )
            else:
                db.execute("DELETE FROM scale_words WHERE scale = ? AND value = ?", (scale, value))

    # Internals ------------------------------------------------------------------------
    @staticmethod
    def _values(c: CheckIn) -> tuple[Any, ...]:
        return (
            c.date.isoformat(), c.time.strftime("%H:%M"), c.mood, c.sleep_hours, c.anxiety, c.energy,
            clean_text(c.note),
        )  # fmt: skip

    @staticmethod
    def set_feelings(db: Any, checkin_id: int, feelings: tuple[str, ...]) -> None:
        for name in feelings:
            db.execute("INSERT INTO feelings (name) VALUES (?) ON CONFLICT (name) DO NOTHING", (clean_text(name),))
            db.execute(
                "INSERT OR IGNORE INTO checkin_feelings (checkin_id, feeling_id) "
                "SELECT ?, id FROM feelings WHERE name = ?",
                (checkin_id, clean_text(name)),
            )

    @staticmethod
    def set_marks(db: Any, checkin_id: int, noticed: tuple[str, ...], helped: tuple[str, ...]) -> None:
        """What I noticed and what helped, for one check-in (inside the caller's transaction)."""
        for kind, names in (("noticed", noticed), ("helped", helped)):
            for name in names:
                db.execute(
                    "INSERT OR IGNORE INTO checkin_marks (checkin_id, kind, name) VALUES (?, ?, ?)",
                    (checkin_id, kind, clean_text(name)),
                )

    def _select(self, where: str, params: tuple[Any, ...]) -> list[CheckIn]:
        newer = self._journal.has(PLAN_IN_CHECKINS)
        with self._journal.errors():
            db = self._journal.db
            columns = _WITH_MEDICINES if newer else _COLUMNS + ", NULL"
            rows = db.execute(f"SELECT {columns} FROM checkins {where}", params).fetchall()
            feelings: dict[int, list[str]] = {}
            marks: dict[tuple[int, str], list[str]] = {}
            if rows:
                ids = [r[0] for r in rows]
                places = ",".join("?" * len(ids))
                for cid, name in db.execute(
                    f"SELECT cf.checkin_id, f.name FROM checkin_feelings cf JOIN feelings f ON f.id = cf.feeling_id "
                    f"WHERE cf.checkin_id IN ({places}) ORDER BY f.name",
                    ids,
                ):
                    feelings.setdefault(cid, []).append(name)
                if newer:
                    for cid, kind, name in db.execute(
                        f"SELECT checkin_id, kind, name FROM checkin_marks WHERE checkin_id IN ({places}) "
                        f"ORDER BY rowid",
                        ids,
                    ):
                        marks.setdefault((cid, kind), []).append(name)
        return [
            CheckIn(
                id=r[0], date=dt.date.fromisoformat(r[1]), time=dt.time.fromisoformat(r[2]), mood=r[3],
                sleep_hours=r[4], anxiety=r[5], energy=r[6], feelings=tuple(feelings.get(r[0], ())), note=r[7],
                noticed=tuple(marks.get((r[0], "noticed"), ())), helped=tuple(marks.get((r[0], "helped"), ())),
                medicines=r[8],
            )
            for r in rows
        ]  # fmt: skip
