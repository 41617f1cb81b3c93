"""Getting ready for an appointment: the person's agenda goes out, what was agreed comes back in."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Agreement:
    """Something agreed at an appointment, and who does it; it can become a step of a goal."""

    id: int | None
    text: str
    who: str = "me"
    who_name: str = ""
    goal_id: int | None = None
    step_id: int | None = None


@dataclass(frozen=True, slots=True)
class Appointment:
    """An appointment with the person's own agenda and, afterwards, what was agreed."""

    id: int | None
    date: dt.date
    time: dt.time | None = None
    with_whom: str = ""
    talk_about: str = ""
    support_to_change: str = ""
    goal_ids: tuple[int, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    notes_after: str = ""
