"""Errors that reach a person, each with a kind message the GUI and the CLI both show."""

from __future__ import annotations

from recoveryjournal.i18n import N_, _


class JournalError(Exception):
    """Base for every error we expect and explain; `message` is what the person reads."""

    exit_code = 1
    default_message = N_("Something went wrong. Your journal has not been changed.")

    def __init__(self, message: str | None = None) -> None:
        self.message = message or _(self.default_message)
        super().__init__(self.message)


class WrongSecret(JournalError):
    """The passphrase or recovery key does not open this journal."""

    exit_code = 3
    default_message = N_(
        "That passphrase doesn't open this journal. Check Caps Lock and try again, or use your recovery key instead."
    )


class WrongRecoveryKey(WrongSecret):
    """The recovery key does not open this journal."""

    default_message = N_(
        "That recovery key doesn't open this journal. Check each group of letters and try again; "
        "capitals and dashes don't matter."
    )


class NotAJournal(JournalError):
    """The chosen path is not a Recovery Journal at all (empty, foreign, plain SQLite...)."""

    exit_code = 4
    default_message = N_("This isn't a Recovery Journal, so it can't be opened. Nothing in it has been changed.")


class JournalDamaged(JournalError):
    """The path is a Recovery Journal, but part of it is missing or damaged."""

    exit_code = 4
    default_message = N_(
        "This journal looks damaged, so it can't be opened safely. Nothing has been changed. "
        "If you have a copy or a backup, try that one."
    )


class NotImportable(JournalError):
    """A file to bring in that is empty, unreadable or of another kind."""

    exit_code = 4
    default_message = N_("This file can't be brought in. Nothing has been changed.")


class JournalInUse(JournalError):
    """Another copy of the app (or the CLI, or another program) has this journal open or busy."""

    exit_code = 5
    default_message = N_(
        "This journal is already open in another window or program. Close it there first, then try again."
    )


class CannotWrite(JournalError):
    """The journal's place can't be written (disk full, read-only, stick removed). Nothing was lost.

    `reason` says which: "full", "read_only", "gone", or "" when the place didn't say.
    """

    exit_code = 6
    default_message = N_(
        "Recovery Journal can't write to this place (it may be read-only, or the disk may be full). Nothing was lost."
    )

    def __init__(self, message: str | None = None, reason: str = "") -> None:
        super().__init__(message)
        self.reason = reason


#: What each kind of place problem says, in one place so the CLI and the window tell the same story.
DISK_FULL = N_(
    "There's no room left where your journal is kept. Nothing was lost. Free some space, or move the journal."
)
READ_ONLY_NOTE = N_("This journal is read-only here: you can read and search it, not change it.")
#: A place that failed while the journal was opened (an I/O error, not write protection): said as that.
DISK_FAULT_NOTE = N_(
    "The disk reported a fault as your journal opened, so it is open for reading only: nothing is changed until "
    "it opens normally. Try closing and opening it again; if this stays, copy the journal folder somewhere else."
)
READ_ONLY_WRITE = N_(
    "This journal is read-only here, so this couldn't be saved. Nothing was lost. To make changes, copy the "
    "whole journal folder somewhere you can write (or switch off the stick's write protection) and open it there."
)
PLACE_GONE = N_(
    "Your journal's place can't be reached any more (perhaps the USB stick was taken out). Nothing was lost. "
    "Put it back, then open the journal again."
)


def disk_full() -> CannotWrite:
    """The disk (or the person's quota) is full."""
    return CannotWrite(_(DISK_FULL), "full")


def read_only_place() -> CannotWrite:
    """A read-only stick, folder or file system."""
    return CannotWrite(_(READ_ONLY_WRITE), "read_only")


def place_gone() -> CannotWrite:
    """The folder vanished under us: a stick pulled out, a network share gone."""
    return CannotWrite(_(PLACE_GONE), "gone")


class NotAllowed(CannotWrite):
    """This computer account isn't allowed to read (or write) the journal's folder or files (exit 6)."""

    default_message = N_(
        "This computer account isn't allowed to open this journal's folder. Whoever set up the folder, or looks "
        "after this computer, can give this account access to it (to read and to write). Nothing has been changed."
    )

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message, "not_allowed")


#: Said when a write is refused because the journal is known to be damaged.
DAMAGED_NO_WRITES = N_(
    "This journal is damaged, so nothing new is written into it: that could make things worse. You can still "
    "read and share what can be read. `check` says what can be saved; Restore from a backup… brings back a "
    "whole copy. Nothing has been changed."
)


class AlreadyExists(JournalError):
    """Creating a journal (or a file) where something already is: a place that can't be used (exit 2)."""

    exit_code = 2
    default_message = N_(
        "Something already exists at that place, so a new journal wasn't made there. Choose another name."
    )


class InvalidInput(JournalError):
    """A value a person typed that we can't use as it is."""

    exit_code = 2
