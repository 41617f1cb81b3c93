"""A journal's entries: write, change and delete them, list them newest first, find them by day and tag. Built on
the journal's connection like every other service; `changed` after each change (the tabs listen)."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import replace

from recoveryjournal.domain.entry import Entry, check_date, clean_tags
from recoveryjournal.domain.errors import InvalidInput
from recoveryjournal.domain.signals import Signal
from recoveryjournal.i18n import _
from recoveryjournal.storage.connection import JournalConnection
from recoveryjournal.storage.entries import EntryRepository
from recoveryjournal.storage.tags import TagRepository


class Keep(enum.Enum):
    """Marks 'leave this field as it is' in updates."""

    KEEP = 0


KEEP = Keep.KEEP

#: One entry may hold a long piece of writing, but not a runaway paste of a whole disk.
MAX_ENTRY_CHARS = 5_000_000


class EntryService:
    """The entries of one open journal."""

    def __init__(self, conn: JournalConnection) -> None:
        self._repo = EntryRepository(conn)
        self._tags = TagRepository(conn)
        self.changed = Signal()

    def add(
        self,
        text: str,
        title: str = "",
        date: dt.date | None = None,
        *,
        time: dt.time | None = None,
        tags: list[str] | tuple[str, ...] = (),
        checkin_id: int | None = None,
    ) -> Entry:
        """Save a new entry (today unless a date is given)."""
        check_entry(title, text)
        entry = self._repo.add(
            check_date(date or dt.date.today()), title.strip(), text,
            time=time, tags=clean_tags(tags), checkin_id=checkin_id,
        )  # fmt: skip
        self.changed.emit()
        return entry

    def update(
        self,
        entry_id: int,
        text: str,
        title: str,
        date: dt.date,
        *,
        time: dt.time | Keep | None = KEEP,
        tags: list[str] | tuple[str, ...] | None = None,
        checkin_id: int | Keep | None = KEEP,
    ) -> Entry:
        """Save changes to an entry; time, tags and the linked check-in stay as they are unless given."""
        check_entry(title, text)
        if time is KEEP or checkin_id is KEEP:
            current = self._repo.get(entry_id)
            time = current.time if time is KEEP else time
            checkin_id = current.checkin_id if checkin_id is KEEP else checkin_id
        assert not isinstance(time, Keep) and not isinstance(checkin_id, Keep)
        entry = self._repo.update(
            entry_id, check_date(date), title.strip(), text,
            time=time, tags=None if tags is None else clean_tags(tags), checkin_id=checkin_id,
        )  # fmt: skip
        self.changed.emit()
        return entry

    def add_many(self, entries: list[Entry]) -> int:
        """Save many entries at once, all or none (imports); each is checked like a single one."""
        cleaned = []
        for e in entries:
            check_entry(e.title, e.text)
            cleaned.append(replace(e, date=check_date(e.date), title=e.title.strip(), tags=clean_tags(e.tags)))
        count = self._repo.add_many(cleaned)
        self.changed.emit()
        return count

    def delete(self, entry_id: int) -> None:
        """Delete an entry for good."""
        self._repo.delete(entry_id)
        self.changed.emit()

    def get(self, entry_id: int) -> Entry:
        """One entry."""
        return self._repo.get(entry_id)

    def newest_first(self, limit: int | None = None, offset: int = 0) -> list[Entry]:
        """Entries newest first, a page at a time."""
        return self._repo.newest_first(limit, offset)

    def dates_between(self, first: dt.date, last: dt.date) -> set[dt.date]:
        """Days in the range with at least one entry (marked on charts and the calendar)."""
        return self._repo.dates_between(first, last)

    def on_day(self, day: dt.date) -> list[Entry]:
        """The entries of one day."""
        return self._repo.on_day(day)

    def tags(self) -> list[str]:
        """Tags in use, most used first (offered as suggestions)."""
        return self._repo.all_tags()

    # Tags, tidied ----------------------------------------------------------------------------------------------
    def tag_counts(self) -> list[tuple[str, int]]:
        """Each tag with how many entries use it, most used first."""
        return self._tags.counts()

    def rename_tag(self, old: str, new: str) -> int:
        """Rename a tag on every entry, merging it into `new` when that tag exists; how many entries it was on."""
        cleaned = clean_tags([new])
        if not cleaned:
            raise InvalidInput(_("Please type the tag's new name."))
        moved = self._tags.rename(old, cleaned[0])
        self.changed.emit()
        return moved

    def remove_tag(self, name: str) -> list[int]:
        """Take a tag off every entry (the entries stay); returns the entries it was on, for undo."""
        entry_ids = self._tags.remove(name)
        self.changed.emit()
        return entry_ids

    def put_back_tag(self, name: str, entry_ids: list[int]) -> None:
        """Undo a removal: the tag goes back on those entries."""
        self._tags.put_back(name, entry_ids)
        self.changed.emit()

    def count(self) -> int:
        """How many entries there are."""
        return self._repo.count()


def check_entry(title: str, text: str) -> None:
    """An entry has some words, and not a runaway paste (InvalidInput, kindly, otherwise)."""
    if not title.strip() and not text.strip():
        raise InvalidInput(_("There's nothing to save yet. Write a few words first."))
    if len(text) > MAX_ENTRY_CHARS:
        raise InvalidInput(
            _("This entry is very long (over five million characters). Please split it into a few entries.")
        )
