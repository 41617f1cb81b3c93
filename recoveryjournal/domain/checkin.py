"""A mood check-in: how things are right now, in a few seconds, in the person's own words."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from recoveryjournal.domain.errors import InvalidInput

SCALES = ("mood", "anxiety", "energy")

#: Neutral, non-clinical words for a few points of each scale; people can replace any of them.
DEFAULT_SCALE_WORDS: dict[str, dict[int, str]] = {
    "mood": {1: "Very low", 3: "Low", 5: "Okay", 7: "Good", 10: "Really good"},
    "anxiety": {1: "Calm", 5: "Some worry", 10: "Very anxious"},
    "energy": {1: "Exhausted", 5: "Some energy", 10: "Lots of energy"},
}

STARTER_FEELINGS = (
    "calm", "content", "hopeful", "grateful", "proud", "connected",
    "tired", "restless", "anxious", "sad", "lonely", "angry", "overwhelmed", "numb",
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


def check_scale(name: str, value: int | None, *, required: bool = False) -> int | None:
    """A 1–10 value, or None when optional and left out."""
    if value is None:
        if required:
            raise InvalidInput(f"Please choose how your {name} is, from 1 to 10.")
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 10:
        raise InvalidInput(f"{name.capitalize()} goes from 1 to 10; {value} is outside that.")
    return value


def check_sleep(hours: float | None) -> float | None:
    """Hours of sleep between 0 and 24, or None."""
    if hours is None:
        return None
    if not 0 <= hours <= 24:
        raise InvalidInput(f"Sleep is counted in hours from 0 to 24; {hours:g} is outside that.")
    return round(float(hours), 2)


def clean_feelings(feelings: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Trim, drop empties and repeats (ignoring case), keep the person's own spelling and order."""
    seen: set[str] = set()
    result = []
    for raw in feelings:
        name = " ".join(raw.split())[:60]
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            result.append(name)
    return tuple(result)
