"""Mood check-ins: add, change, list, and the person's own words for feelings and scales."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from recoveryjournal.domain.checkin import (
    DEFAULT_SCALE_WORDS,
    SCALES,
    STARTER_FEELINGS,
    CheckIn,
    DayMeans,
    check_medicines,
    check_scale,
    check_sleep,
    clean_feelings,
)
from recoveryjournal.domain.entry import check_date
from recoveryjournal.domain.errors import InvalidInput
from recoveryjournal.domain.keep_an_eye import LONGEST
from recoveryjournal.domain.signals import Signal
from recoveryjournal.i18n import _
from recoveryjournal.storage.checkins import CheckInRepository
from recoveryjournal.storage.connection import JournalConnection

MAX_NOTE_CHARS = 20_000


class CheckInService:
    """What the check-in screen and the CLI use; `changed` fires after every write."""

    def __init__(self, conn: JournalConnection) -> None:
        self._repo = CheckInRepository(conn)
        self.changed = Signal()

    def add(
        self,
        mood: int,
        *,
        sleep_hours: float | None = None,
        anxiety: int | None = None,
        energy: int | None = None,
        feelings: list[str] | tuple[str, ...] = (),
        note: str = "",
        when: dt.datetime | None = None,
        noticed: list[str] | tuple[str, ...] = (),
        helped: list[str] | tuple[str, ...] = (),
        medicines: str | None = None,
    ) -> CheckIn:
        """Save a check-in (now, unless `when` is given), with the signs I noticed and what helped."""
        moment = when or dt.datetime.now()
        checkin = self._validated(
            CheckIn(None, moment.date(), moment.time(), mood, sleep_hours, anxiety, energy, tuple(feelings), note,
                    tuple(noticed), tuple(helped), medicines)
        )  # fmt: skip
        checkin_id = self._repo.add(checkin)
        self.changed.emit()
        return self._repo.get(checkin_id)

    def add_many(self, checkins: list[CheckIn]) -> int:
        """Save many check-ins at once, all or none (imports); each is checked like a single one."""
        valid = [self._validated(replace(c, id=None)) for c in checkins]
        count = self._repo.add_many(valid)
        self.changed.emit()
        return count

    def update(self, checkin: CheckIn) -> CheckIn:
        """Save changes to a check-in."""
        if checkin.id is None:
            raise InvalidInput(_("This check-in hasn't been saved yet."))
        self._repo.update(self._validated(checkin))
        self.changed.emit()
        return self._repo.get(checkin.id)

    def delete(self, checkin_id: int) -> None:
        """Remove a check-in."""
        self._repo.delete(checkin_id)
        self.changed.emit()

    def get(self, checkin_id: int) -> CheckIn:
        """One check-in."""
        return self._repo.get(checkin_id)

    def between(self, first: dt.date | None = None, last: dt.date | None = None, limit: int = -1) -> list[CheckIn]:
        """Check-ins in a date range, newest first."""
        return self._repo.between(first, last, limit)

    def on_day(self, day: dt.date) -> list[CheckIn]:
        """The check-ins of one day, newest first."""
        return self._repo.between(day, day)

    def count(self) -> int:
        """How many check-ins there are."""
        return self._repo.count()

    def daily_means(self, first: dt.date, last: dt.date) -> list[DayMeans]:
        """Each day with check-ins in the period, averaged (mood, sleep, anxiety, energy, how many), oldest first."""
        return self._repo.daily(first, last)

    def first_date(self) -> dt.date | None:
        """The day of the first check-in, if any."""
        return self._repo.first_date()

    def feeling_counts(self, first: dt.date, last: dt.date) -> list[tuple[str, int]]:
        """How often each feeling was chosen in the period."""
        return self._repo.feeling_counts(first, last)

    def feeling_words(self) -> list[str]:
        """The person's own feelings (most used first), then starter words they haven't used."""
        own = self._repo.own_feelings()
        used = {f.casefold() for f in own}
        return own + [w for f in STARTER_FEELINGS if (w := _(f)).casefold() not in used]

    def marks_used(self, kind: str) -> list[str]:
        """Signs I noticed ('noticed') or what helped ('helped') in check-ins so far, most used first."""
        return self._repo.marks_used(kind)

    def daily_marks(self, first: dt.date, last: dt.date) -> dict[dt.date, set[tuple[str, str]]]:
        """Per day with check-ins: what I noticed and what helped that day, as (kind, name)."""
        return self._repo.daily_marks(first, last)

    def scale_words(self) -> dict[str, dict[int, str]]:
        """For each scale, the words for each value: the person's own where they wrote them, else ours."""
        own = self._repo.scale_words()
        defaults = {scale: {n: _(w) for n, w in DEFAULT_SCALE_WORDS.get(scale, {}).items()} for scale in SCALES}
        return {scale: {**defaults[scale], **own.get(scale, {})} for scale in SCALES}

    def set_scale_word(self, scale: str, value: int, words: str) -> None:
        """Say in your own words what a value means to you (empty restores our default)."""
        if scale not in SCALES:
            raise InvalidInput(_("There's no scale called {scale}.").format(scale=scale))
        check_scale(scale, value, required=True)
        self._repo.set_scale_word(scale, value, words[:200])
        self.changed.emit()

    @staticmethod
    def _validated(c: CheckIn) -> CheckIn:
        if c.date > dt.date.today():
            raise InvalidInput(
                _("A check-in is about how you are now, or were before, so it can't be dated in the future.")
            )
        if len(c.note) > MAX_NOTE_CHARS:
            raise InvalidInput(_("This note is very long. A journal entry is a better home for longer writing."))
        return CheckIn(
            id=c.id,
            date=check_date(c.date),
            time=c.time.replace(second=0, microsecond=0),
            mood=check_scale("mood", c.mood, required=True) or c.mood,
            sleep_hours=check_sleep(c.sleep_hours),
            anxiety=check_scale("anxiety", c.anxiety),
            energy=check_scale("energy", c.energy),
            feelings=clean_feelings(c.feelings),
            note=c.note.strip(),
            noticed=clean_feelings(c.noticed, LONGEST),
            helped=clean_feelings(c.helped, LONGEST),
            medicines=check_medicines(c.medicines),
        )
