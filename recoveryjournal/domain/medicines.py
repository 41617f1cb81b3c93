"""My medicines, in my own words, only if I want them: what I take and since when, and each change or stop
with its date and, if I like, why."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from recoveryjournal.domain.errors import InvalidInput
from recoveryjournal.i18n import N_, _

CHANGE_KINDS = {"change": N_("changed"), "stop": N_("stopped")}


@dataclass(frozen=True, slots=True)
class MedicineChange:
    """A change (what I take from that day) or a stop, with an optional note of why."""

    id: int | None
    date: dt.date
    kind: str = "change"
    what_i_take: str = ""
    why: str = ""


@dataclass(frozen=True, slots=True)
class Medicine:
    """One medicine: its name, what I take (at first), since when, and its changes oldest first."""

    id: int | None
    name: str
    what_i_take: str = ""
    since: dt.date | None = None
    changes: tuple[MedicineChange, ...] = field(default_factory=tuple)

    @property
    def stopped(self) -> dt.date | None:
        """The day I stopped, if the latest change is a stop."""
        return self.changes[-1].date if self.changes and self.changes[-1].kind == "stop" else None

    @property
    def now(self) -> str:
        """What I take now (after the latest change)."""
        taken = [c.what_i_take for c in self.changes if c.kind == "change" and c.what_i_take]
        return taken[-1] if taken else self.what_i_take

    @property
    def now_since(self) -> dt.date | None:
        """Since when I take what I take now (the latest change, else the first day)."""
        if self.stopped is not None:
            return self.stopped
        changed = [c.date for c in self.changes if c.kind == "change"]
        return changed[-1] if changed else self.since


def now_line(medicine: Medicine, day_words: Callable[[dt.date], str]) -> str:
    """What I take now first ("150 mg, since 1 December 2026"), or when I stopped; the history follows elsewhere."""
    when = medicine.now_since
    if medicine.stopped is not None:
        return _("stopped on {day}").format(day=day_words(medicine.stopped))
    since = _(", since {day}").format(day=day_words(when)) if when else ""
    return (medicine.now + since).strip(", ")


def first_line(medicine: Medicine) -> str:
    """How it started, for the history: "started 50 mg"."""
    return _("started {what}").format(what=medicine.what_i_take).strip() if medicine.what_i_take else _("started")


def check_medicine(name: str, what_i_take: str) -> tuple[str, str]:
    """A name is needed; both are short lines."""
    name, what = " ".join(name.split()), " ".join(what_i_take.split())
    if not name:
        raise InvalidInput(_("Please give the medicine a name, in whatever words you use for it."))
    if len(name) > 120 or len(what) > 200:
        raise InvalidInput(_("Please keep the name and what you take to a short line each."))
    return name, what


def change_line(medicine: Medicine, change: MedicineChange) -> str:
    """A change in a few words: "Sertraline: 100 mg a day (my doctor and I agreed)"."""
    if change.kind == "stop":
        text = _("{name}: stopped").format(name=medicine.name)
    else:
        text = _("{name}: now {what}").format(name=medicine.name, what=change.what_i_take or _("changed"))
    return text + (_(" ({why})").format(why=change.why) if change.why else "")
