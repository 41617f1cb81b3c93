"""Cheap checks before a journal is unlocked (no key derivation yet): that this account may read it, and that
its files are what a journal's files are, so a wrong file is named for what it is rather than called damage."""

from __future__ import annotations

import os
from pathlib import Path

from recoveryjournal.domain.errors import JournalDamaged, NotAJournal, NotAllowed
from recoveryjournal.i18n import _
from recoveryjournal.storage import keyfile
from recoveryjournal.storage.layout import JournalLayout

#: What an unencrypted SQLite database starts with (a journal's data file never does).
PLAIN_SQLITE_HEADER = b"SQLite format 3\x00"
#: SQLCipher's page size: a whole data file is a whole number of pages.
PAGE_SIZE = 4096


def check_allowed(layout: JournalLayout) -> None:
    """This account may read the folder and the journal's files (root may read anything, so as root this
    passes); otherwise say so, rather than calling it damage or a mystery."""
    folder = layout.folder
    if folder.is_dir() and not os.access(folder, os.R_OK | os.X_OK):
        raise NotAllowed()
    for part in (layout.keys, layout.db):
        if part.exists() and not os.access(part, os.R_OK):
            raise NotAllowed()


def check_plausible_files(layout: JournalLayout) -> None:
    """Cheap checks before any key derivation, so a wrong file is named for what it is."""
    folder = layout.folder
    if not folder.exists():
        raise NotAJournal(
            _("There's no journal at {folder}. It may have been moved, or a USB stick may be unplugged.").format(
                folder=folder
            )
        )
    if not folder.is_dir():
        head = read_head(folder)
        if head.startswith(PLAIN_SQLITE_HEADER):
            raise NotAJournal(
                _("This is an ordinary database file, not a Recovery Journal, so it can't be opened here.")
            )
        raise NotAJournal()
    has_keys, has_db = layout.keys.exists(), layout.db.exists()
    if not has_keys and not has_db:
        raise NotAJournal(_("This folder doesn't hold a Recovery Journal."))
    keyfile.read_key_file(layout.keys)
    if not has_db:
        raise JournalDamaged(
            _(
                "Part of this journal is missing (its data file, journal.db). If you copied the journal, "
                "copy the whole folder again. Nothing has been changed."
            )
        )
    size = layout.db.stat().st_size
    if size == 0 or size % PAGE_SIZE:
        raise JournalDamaged(
            _(
                "This journal's data file is incomplete (it may have been copied only in part). "
                "Nothing has been changed. If you have another copy or a backup, try that one."
            )
        )
    if read_head(layout.db).startswith(PLAIN_SQLITE_HEADER):
        raise JournalDamaged(
            _(
                "This journal's data file isn't encrypted, so it isn't one Recovery Journal made. Nothing has been "
                "changed."
            )
        )


def read_head(path: Path) -> bytes:
    try:
        with path.open("rb") as fh:
            return fh.read(16)
    except OSError:
        return b""
