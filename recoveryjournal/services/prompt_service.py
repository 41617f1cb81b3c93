"""My own prompts: start an entry from one; add my own, change or remove any. The gentle ones a journal starts
with are offered once, in the app's language, the first time prompts are asked for (a removed one stays removed)."""

from __future__ import annotations

from recoveryjournal.domain.errors import InvalidInput
from recoveryjournal.domain.prompts import GENTLE_PROMPTS, LONGEST_NAME, LONGEST_TEXT, Prompt
from recoveryjournal.domain.signals import Signal
from recoveryjournal.i18n import _
from recoveryjournal.storage.connection import JournalConnection
from recoveryjournal.storage.meta import MetaRepository
from recoveryjournal.storage.prompts import PromptRepository

#: Set once the gentle prompts were offered to this journal.
OFFERED_KEY = "prompts_offered"


def gentle_prompts() -> list[tuple[str, str]]:
    """The prompts a journal starts with, in the language spoken now."""
    return [(_(name), _(text)) for name, text in GENTLE_PROMPTS]


class PromptService:
    """The prompts of one open journal; `changed` after each change."""

    def __init__(self, conn: JournalConnection) -> None:
        self._conn = conn
        self._repo = PromptRepository(conn)
        self._meta = MetaRepository(conn)
        self.changed = Signal()

    def all(self) -> list[Prompt]:
        """Every prompt, in order (the gentle ones too, the first time)."""
        if not self._repo.kept:  # an older journal read as it is: the gentle ones, to start from, kept nowhere
            return [Prompt(None, name, text) for name, text in gentle_prompts()]
        if self._conn.read_only is None and self._meta.get(OFFERED_KEY) is None:
            self._repo.add_missing(gentle_prompts())
            self._meta.set(OFFERED_KEY, "1")
        return self._repo.all()

    def named(self, name: str) -> Prompt:
        """The prompt called `name` (without regard to case); refused kindly when there is none."""
        found = next((p for p in self.all() if p.name.casefold() == name.strip().casefold()), None)
        if found is None:
            raise InvalidInput(_("There's no prompt called “{name}” in this journal (see `templates`). Nothing was "
                                 "added.").format(name=name))  # fmt: skip
        return found

    def add(self, name: str, text: str) -> Prompt:
        """A prompt of my own."""
        name, text = self._checked(name, text, None)
        prompt_id = self._repo.add(name, text)
        self.changed.emit()
        return Prompt(prompt_id, name, text)

    def change(self, prompt_id: int, name: str, text: str) -> Prompt:
        """New words for a prompt."""
        name, text = self._checked(name, text, prompt_id)
        if not self._repo.update(prompt_id, name, text):
            raise InvalidInput(_("That prompt isn't in this journal any more."))
        self.changed.emit()
        return Prompt(prompt_id, name, text)

    def remove(self, prompt_id: int) -> None:
        """Remove a prompt (entries started from it keep their words)."""
        self._repo.delete(prompt_id)
        self.changed.emit()

    def _checked(self, name: str, text: str, prompt_id: int | None) -> tuple[str, str]:
        name = " ".join(name.split())
        if not name:
            raise InvalidInput(_("Please give the prompt a name, so you can find it in the list."))
        if len(name) > LONGEST_NAME or len(text) > LONGEST_TEXT:
            raise InvalidInput(_("That prompt is very long. Please keep its name to a line and its words to a page."))
        other = next((p for p in self._repo.all() if p.name.casefold() == name.casefold()), None)
        if other is not None and other.id != prompt_id:
            raise InvalidInput(_("You already have a prompt called “{name}”. Please choose another name.").format(
                name=name))  # fmt: skip
        return name, text.replace("\r\n", "\n")
