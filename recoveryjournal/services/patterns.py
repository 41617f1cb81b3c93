"""What seems to go with better days: plain sentences, each with its counts, about days on which I noticed one
of my signs (or something helped) and the other days. Descriptive only: never a prediction, a score or advice.
A sentence appears only when each side has at least MIN_DAYS days."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from recoveryjournal.i18n import N_, _, number
from recoveryjournal.services.journal_parts import HasCheckIns

#: Fewer days than this on either side, and nothing is said.
MIN_DAYS = 5
TITLE = N_("What seems to go with better days")
#: Said wherever the sentences are: what they are, and what they aren't.
NOT_CAUSES = N_("These are things that happened together, not causes.")


@dataclass(frozen=True, slots=True)
class Pattern:
    """Days with a sign noticed (or something that helped) and my mood then, and the other days."""

    kind: str  # 'noticed' or 'helped'
    name: str
    days_with: int
    mood_with: float
    days_other: int
    mood_other: float

    @property
    def sentence(self) -> str:
        """One descriptive sentence with its counts (both counts are MIN_DAYS or more)."""
        if self.kind == "noticed":
            text = _("On the {n} days I noticed “{name}”, my mood averaged {mood}; on the other {m} days, {other}.")
        else:
            text = _("On the {n} days “{name}” helped, my mood averaged {mood}; on the other {m} days, {other}.")
        return text.format(n=self.days_with, name=self.name, mood=number(tenths(self.mood_with)), m=self.days_other,
                           other=number(tenths(self.mood_other)))  # fmt: skip

    def as_json(self) -> dict[str, object]:
        """For `patterns --json`: the same figures as the sentence, rounded once."""
        return {"kind": self.kind, "name": self.name, "days_with": self.days_with,
                "mood_with": tenths(self.mood_with), "days_other": self.days_other,
                "mood_other": tenths(self.mood_other), "sentence": self.sentence}  # fmt: skip


def tenths(value: float) -> float:
    """Rounded to one decimal, halves up, as people round (6.65 → 6.7): one rounding for the words and the data
    (Python's round() and the locale's number formatting each rounded halves their own way)."""
    return float(Decimal(repr(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def find_patterns(moods: dict[dt.date, float], marks: dict[dt.date, set[tuple[str, str]]]) -> list[Pattern]:
    """From each day's mood and each day's marks. For each sign or help, the days counted start on the first day
    it was noted (before that, the person wasn't noting it); the most often noted come first."""
    folded = {day: {(kind, name.casefold()) for kind, name in day_marks} for day, day_marks in marks.items()}
    names: dict[tuple[str, str], tuple[str, dt.date]] = {}
    for when in sorted(marks):
        for kind, name in sorted(marks[when]):
            names.setdefault((kind, name.casefold()), (name, when))
    found = []
    for mark, (name, start) in names.items():
        days = [d for d in moods if d >= start]
        with_it = [moods[d] for d in days if mark in folded.get(d, ())]
        other = [moods[d] for d in days if mark not in folded.get(d, ())]
        if len(with_it) >= MIN_DAYS and len(other) >= MIN_DAYS:
            found.append(Pattern(mark[0], name, len(with_it), sum(with_it) / len(with_it), len(other),
                                 sum(other) / len(other)))  # fmt: skip
    return sorted(found, key=lambda p: (p.kind != "noticed", -p.days_with, p.name.casefold()))


def patterns(session: HasCheckIns, first: dt.date, last: dt.date) -> list[Pattern]:
    """The sentences' figures for the days from `first` to `last`."""
    moods = {m.day: m.mood for m in session.checkins.daily_means(first, last)}
    return find_patterns(moods, session.checkins.daily_marks(first, last))
