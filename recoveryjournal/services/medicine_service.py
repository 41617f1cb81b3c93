"""My medicines, only if I turn them on: the list in my words, its changes, and the lines they make on charts."""

from __future__ import annotations

import datetime as dt

from recoveryjournal.domain.entry import check_date
from recoveryjournal.domain.errors import InvalidInput
from recoveryjournal.domain.medicines import CHANGE_KINDS, Medicine, MedicineChange, change_line, check_medicine
from recoveryjournal.domain.signals import Signal
from recoveryjournal.i18n import _
from recoveryjournal.storage.connection import JournalConnection
from recoveryjournal.storage.medicines import MedicineRepository
from recoveryjournal.storage.meta import PreferenceRepository

_ON = "medicines"


class MedicineService:
    """What the Settings switch, the medicines dialog, the check-in, the charts and the CLI use."""

    def __init__(self, conn: JournalConnection) -> None:
        self._repo = MedicineRepository(conn)
        self._prefs = PreferenceRepository(conn)
        self.changed = Signal()

    @property
    def turned_on(self) -> bool:
        """Off until the person turns medicines on in Settings."""
        return self._prefs.get(_ON) == "on"

    def turn_on(self, on: bool) -> None:
        """Turn medicines on or off (off hides them everywhere; nothing written is removed)."""
        self._prefs.set(_ON, "on" if on else "off")
        self.changed.emit()

    def all(self) -> list[Medicine]:
        """Every medicine, stopped ones too, in my order."""
        return self._repo.all()

    def add(self, name: str, what_i_take: str = "", since: dt.date | None = None) -> Medicine:
        """Add a medicine."""
        name, what = check_medicine(name, what_i_take)
        medicine_id = self._repo.save(Medicine(None, name, what, check_date(since) if since else None))
        self.changed.emit()
        return self._repo.get(medicine_id)

    def note_change(self, medicine_id: int, when: dt.date, kind: str = "change", what_i_take: str = "",
                    why: str = "") -> Medicine:  # fmt: skip
        """A change (what I take from `when`) or a stop, with an optional note of why."""
        if kind not in CHANGE_KINDS:
            raise InvalidInput(_("A change can be “change” or “stop”."))
        if when > dt.date.today():
            raise InvalidInput(_("Please note a change on the day it happens, or after."))
        what, why = " ".join(what_i_take.split())[:200], why.strip()[:500]
        if kind == "change" and not what:
            raise InvalidInput(_("Please say what you take from that day, in your own words."))
        self._repo.add_change(medicine_id, MedicineChange(None, check_date(when), kind, what, why))
        self.changed.emit()
        return self._repo.get(medicine_id)

    def delete(self, medicine_id: int) -> None:
        """Remove a medicine added by mistake (a stop is noted as a change instead)."""
        self._repo.delete(medicine_id)
        self.changed.emit()

    def delete_change(self, change_id: int) -> None:
        """Remove one noted change."""
        self._repo.delete_change(change_id)
        self.changed.emit()

    def changes_between(self, first: dt.date, last: dt.date) -> list[tuple[dt.date, str]]:
        """Starts, changes and stops in the period, oldest first, each as (day, words): for chart lines."""
        if not self.turned_on:
            return []
        found: list[tuple[dt.date, str]] = []
        for m in self._repo.all():
            if m.since and first <= m.since <= last:
                found.append((m.since, _("{name}: started {what}").format(name=m.name, what=m.what_i_take).strip()))
            found += [(c.date, change_line(m, c)) for c in m.changes if first <= c.date <= last]
        return sorted(found, key=lambda f: f[0])
