"""My own prompts: a name and the lines an entry starts with. A few gentle ones come with a journal; the person
adds their own, and changes or removes any."""

from __future__ import annotations

from dataclasses import dataclass

from recoveryjournal.i18n import N_


@dataclass(frozen=True, slots=True)
class Prompt:
    """A prompt: its name (what the list shows) and the lines a new entry starts with."""

    id: int | None
    name: str
    text: str


#: The prompts a journal starts with (in the app's language when they are first offered).
GENTLE_PROMPTS: tuple[tuple[str, str], ...] = (
    (N_("What went well today?"), N_("What went well today, even something small?\n\n")),
    (N_("What I want to bring to my next appointment"),
     N_("What I want to talk about:\n- \n\nWhat I'd like to ask:\n- \n\nWhat has changed since last time:\n")),
    (N_("After a hard day: what helped, even a little?"),
     N_("What happened, in a few words:\n\nWhat helped, even a little:\n\nWhat I'd like to try next time:\n")),
)  # fmt: skip

#: The longest a prompt's name and its lines may be.
LONGEST_NAME = 120
LONGEST_TEXT = 4000
