"""My crisis plan: a template of sections in our own plain words, which the person can reorder,
rename, skip or add to. Section keys and the template version are stored with the data, so the
template can change later without anything being lost."""

from __future__ import annotations

from dataclasses import dataclass

from recoveryjournal.i18n import N_, _

TEMPLATE_VERSION = 1

#: (key, title, prompt, holds contacts). Our own wording; not taken from any published plan.
TEMPLATE: tuple[tuple[str, str, str, bool], ...] = (
    (
        "keeps_me_well",
        N_("What keeps me well day to day"),
        N_("Routines, people, places and things that help you stay well."),
        False,
    ),
    (
        "set_me_off",
        N_("Things that can set me off"),
        N_("Situations, dates or feelings that can make things harder."),
        False,
    ),
    (
        "early_signs",
        N_("Early signs and what I do then"),
        N_("How you, or people close to you, can tell things are slipping, and what helps at that point."),
        False,
    ),
    (
        "cope_alone",
        N_("Things I can do on my own to cope"),
        N_("Small things that have helped before, even a little."),
        False,
    ),
    (
        "distractions",
        N_("People and places that take my mind off things"),
        N_("Where you can go, or who you can be with, for a change of scene."),
        False,
    ),
    ("people", N_("People I can ask for help"), N_("Name, how to reach them, and the best time."), True),
    (
        "services",
        N_("Professionals and services, including crisis lines"),
        N_("Name, number and when they are open."),
        True,
    ),
    (
        "safer_surroundings",
        N_("Making my surroundings safer"),
        N_("What you or others can do to make where you are safer for now."),
        False,
    ),
    (
        "reasons",
        N_("My reasons for living, and what matters to me"),
        N_("People, hopes, pets, plans, anything that matters."),
        False,
    ),
    (
        "practical",
        N_("Practical things to look after if I'm unwell"),
        N_("Children, pets, bills, work, home: who could help with what."),
        False,
    ),
    (
        "where",
        N_("Where I would and wouldn't want to be"),
        N_("Places you would choose, and places you would rather avoid."),
        False,
    ),
    (
        "treatment",
        N_("Treatment I prefer or want to avoid"),
        N_("Including an advance statement in your own words, if you'd like one."),
        False,
    ),
    (
        "involved",
        N_("Who I want involved, and who not"),
        N_("People you want told or involved, and people you don't."),
        False,
    ),
    ("after", N_("After a crisis: what helps me recover"), N_("What helps in the days and weeks afterwards."), False),
)


@dataclass(frozen=True, slots=True)
class Contact:
    """Someone to reach: a name, a number or way to reach them, and when."""

    name: str
    reach: str = ""
    when: str = ""


@dataclass(frozen=True, slots=True)
class PlanSection:
    """One section as the person has it: their title, their words, their contacts, shown or skipped."""

    key: str
    title: str
    text: str = ""
    contacts: tuple[Contact, ...] = ()
    skipped: bool = False
    template_version: int = TEMPLATE_VERSION

    @property
    def is_empty(self) -> bool:
        """Nothing written in it."""
        return not self.text.strip() and not self.contacts


def template_sections() -> list[PlanSection]:
    """The starting plan: every template section, in order, empty."""
    return [PlanSection(key, _(title)) for key, title, _prompt, _contacts in TEMPLATE]


def prompt_for(key: str) -> str:
    """The gentle prompt shown under a template section ('' for the person's own sections)."""
    return next((_(prompt) for k, _t, prompt, _c in TEMPLATE if k == key), "")


def holds_contacts(key: str) -> bool:
    """Template sections that list people or services; the person's own sections may hold contacts too."""
    return next((c for k, _t, _p, c in TEMPLATE if k == key), True)


def dialable(number: str) -> str:
    """A phone number as a phone would dial it: keep a leading + and the digits."""
    stripped = number.strip()
    digits = "".join(ch for ch in stripped if ch.isdigit())
    return ("+" + digits) if stripped.startswith("+") else digits
