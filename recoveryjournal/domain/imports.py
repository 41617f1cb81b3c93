"""What another app's export becomes: check-ins and entries, each with a key that says where it came from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ImportedCheckIn:
    """A mood check-in read from another app."""

    date: dt.date
    time: dt.time
    mood: int
    feelings: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True, slots=True)
class ImportedEntry:
    """A journal entry read from another app; `with_checkin` links it to the check-in read from the same row."""

    date: dt.date
    time: dt.time | None
    title: str
    text: str
    tags: tuple[str, ...] = ()
    with_checkin: bool = False


@dataclass(frozen=True, slots=True)
class ImportRow:
    """One row (or entry) of the file: a stable key, and what it becomes."""

    key: str
    checkin: ImportedCheckIn | None = None
    entry: ImportedEntry | None = None

    @property
    def date(self) -> dt.date:
        """The day it is about."""
        if self.checkin is not None:
            return self.checkin.date
        assert self.entry is not None
        return self.entry.date
