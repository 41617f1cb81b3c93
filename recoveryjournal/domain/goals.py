"""Recovery goals in the person's own words, small steps with agreed responsibility, and positive risks."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from recoveryjournal.domain.errors import InvalidInput
from recoveryjournal.i18n import N_, _

#: Who does a step. Agreed between the person and whoever supports them, never imposed.
WHO = {
    "me": N_("Me"),
    "care_coordinator": N_("My care coordinator"),
    "peer_supporter": N_("A peer supporter"),
    "family_friend": N_("Family or a friend"),
    "other": N_("Someone else"),
}
STATUSES = {"active": N_("Working on it"), "paused": N_("Paused for now"), "done": N_("Done")}


@dataclass(frozen=True, slots=True)
class Step:
    """One small step: what, who does it (and their name, if you like), an optional target date, done or not."""

    id: int | None
    text: str
    who: str = "me"
    who_name: str = ""
    target: dt.date | None = None
    done: bool = False


@dataclass(frozen=True, slots=True)
class PositiveRisk:
    """A risk the person chooses to take, in calm words: why, what could go wrong, what helps, who supports."""

    risk: str = ""
    why_worth_it: str = ""
    could_go_wrong: str = ""
    what_helps: str = ""
    who_supports: str = ""

    @property
    def is_empty(self) -> bool:
        """Nothing written yet."""
        return not any((self.risk, self.why_worth_it, self.could_go_wrong, self.what_helps, self.who_supports))


@dataclass(frozen=True, slots=True)
class ProgressNote:
    """A few words about how a goal is going, dated."""

    id: int | None
    date: dt.date
    text: str


@dataclass(frozen=True, slots=True)
class Goal:
    """A goal: the person's words, why it matters, steps, progress notes, and a status that never says 'failed'."""

    id: int | None
    title: str
    why: str = ""
    status: str = "active"
    review_next_appointment: bool = False
    steps: tuple[Step, ...] = ()
    risk: PositiveRisk = field(default_factory=PositiveRisk)
    notes: tuple[ProgressNote, ...] = ()

    @property
    def steps_done(self) -> int:
        """How many steps are done."""
        return sum(1 for s in self.steps if s.done)


def check_goal_title(title: str) -> str:
    """A goal needs a few words of its own."""
    cleaned = " ".join(title.split())
    if not cleaned:
        raise InvalidInput(_("Give your goal a few words of your own, for example “Walk to the shop on my own”."))
    return cleaned[:300]


def check_step(step: Step) -> Step:
    """Steps need words; the person doing it defaults to 'me' when left out."""
    text = " ".join(step.text.split())
    if not text:
        raise InvalidInput(_("A step needs a few words saying what it is."))
    who = step.who if step.who in WHO else "me"
    return Step(step.id, text[:500], who, " ".join(step.who_name.split())[:120], step.target, step.done)


def check_status(status: str) -> str:
    """One of active, paused, done."""
    if status not in STATUSES:
        raise InvalidInput(_("A goal can be worked on, paused for now, or done."))
    return status
