"""A mood check-in: how things are right now, in a few seconds, in the person's own words."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from recoveryjournal.domain.errors import InvalidInput
from recoveryjournal.i18n import N_, _

SCALES = ("mood", "anxiety", "energy")

#: Neutral, non-clinical words for a few points of each scale; people can replace any of them.
DEFAULT_SCALE_WORDS: dict[str, dict[int, str]] = {
    "mood": {1: N_("Very low"), 3: N_("Low"), 5: N_("Okay"), 7: N_("Good"), 10: N_("Really good")},
    "anxiety": {1: N_("Calm"), 5: N_("Some worry"), 10: N_("Very anxious")},
    "energy": {1: N_("Exhausted"), 5: N_("Some energy"), 10: N_("Lots of energy")},
}

_SCALE_NAMES = {"mood": N_("mood"), "anxiety": N_("anxiety"), "energy": N_("energy")}
#: Feelings offered before a person has chosen any of their own (in the chosen language when shown).
STARTER_FEELINGS = (
    N_("calm"), N_("content"), N_("hopeful"), N_("grateful"), N_("proud"), N_("connected"),
    N_("tired"), N_("restless"), N_("anxious"), N_("sad"), N_("lonely"), N_("angry"), N_("overwhelmed"), N_("numb"),
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class CheckIn:
    """One check-in. Only mood is needed; everything else is optional."""

    id: int | None
    date: dt.date
    time: dt.time
    mood: int
    sleep_hours: float | None = None
    anxiety: int | None = None
    energy: int | None = None
    feelings: tuple[str, ...] = field(default_factory=tuple)
    note: str = ""
    #: My own signs I noticed, and what helped (from the plan's "keep an eye on this", or my own words).
    noticed: tuple[str, ...] = field(default_factory=tuple)
    helped: tuple[str, ...] = field(default_factory=tuple)
    #: "Took my medicines": 'all', 'some', 'none', or None when not noted (only when medicines are on).
    medicines: str | None = None


@dataclass(frozen=True, slots=True)
class DayMeans:
    """One day's check-ins averaged: the mood always; sleep, anxiety and energy where noted; how many there were."""

    day: dt.date
    mood: float
    sleep: float | None
    anxiety: float | None
    energy: float | None
    checkins: int


#: The answers to "Took my medicines", as stored, and as the app says them.
MEDICINE_ANSWERS = {"all": N_("all"), "some": N_("some"), "none": N_("none")}


def check_medicines(answer: str | None) -> str | None:
    """'all', 'some', 'none' or None (not noted)."""
    if answer is None or answer == "":
        return None
    if answer not in MEDICINE_ANSWERS:
        raise InvalidInput(
            _("“Took my medicines” can be all, some or none; “{answer}” isn't one of those.").format(answer=answer)
        )
    return answer


def check_scale(name: str, value: int | None, *, required: bool = False) -> int | None:
    """A 1–10 value, or None when optional and left out."""
    if value is None:
        if required:
            raise InvalidInput(
                _("Please choose a number from 1 to 10 for {scale}.").format(scale=_(_SCALE_NAMES.get(name, name)))
            )
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 10:
        raise InvalidInput(
            _("{Scale} goes from 1 to 10; {value} is outside that.").format(
                Scale=_(_SCALE_NAMES.get(name, name)).capitalize(), value=value
            )
        )
    return value


def check_sleep(hours: float | None) -> float | None:
    """Hours of sleep between 0 and 24, or None."""
    if hours is None:
        return None
    if not 0 <= hours <= 24:
        raise InvalidInput(
            _("Sleep is counted in hours from 0 to 24; {hours} is outside that.").format(hours=f"{hours:g}")
        )
    return round(float(hours), 2)


def clean_feelings(feelings: list[str] | tuple[str, ...], longest: int = 60) -> tuple[str, ...]:
    """Trim, drop empties and repeats (ignoring case), keep the person's own spelling and order. (Also the
    signs noticed and what helped, which are short words of the person's own too.)"""
    seen: set[str] = set()
    result = []
    for raw in feelings:
        name = " ".join(raw.split())[:longest]
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            result.append(name)
    return tuple(result)
