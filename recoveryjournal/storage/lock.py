"""One copy per journal: an OS-level lock on a file inside the journal folder.

The operating system releases the lock when the holding process ends, however it ends, so a
crash or kill -9 never leaves a stale lock behind. The same class serves the GUI and the CLI
(it needs no Qt), and the lock file holds no name, user or host: on a shared PC it tells nothing.
"""

from __future__ import annotations

import os
from pathlib import Path

from recoveryjournal.domain.errors import DISK_FAULT_NOTE, CannotWrite, JournalInUse
from recoveryjournal.i18n import _
from recoveryjournal.storage import system
from recoveryjournal.storage.fsutil import place_error

_try_lock, _unlock = system.try_lock_file, system.unlock_file  # the platform's own lock (storage/system.py)


class JournalLock:
    """Held for as long as a journal is unlocked in this process."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        """True while this object holds the lock."""
        return self._fd is not None

    def acquire(self) -> None:
        """Take the lock, or raise JournalInUse (another copy has it) or CannotWrite (the place takes no writes).

        On a read-only place an existing lock file is still locked (flock needs no write access), so
        two copies never read one journal while a third writes it; with no lock file there at all,
        nobody can be writing, and `acquire_for_reading` goes on without one.
        """
        if self._fd is not None:
            return
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise place_error(exc) or CannotWrite(_(DISK_FAULT_NOTE), "fault") from exc
        self._take(fd)

    def acquire_for_reading(self) -> None:
        """Take the lock on a place that can't be written (read-only stick, full disk)."""
        if self._fd is not None:
            return
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:
            try:
                fd = os.open(self.path, os.O_RDONLY)
            except OSError:
                return  # no lock file and none can be made: nothing can write here either
        self._take(fd)

    def _take(self, fd: int) -> None:
        if not _try_lock(fd):
            os.close(fd)
            raise JournalInUse()
        self._fd = fd

    def release(self) -> None:
        """Let go of the lock (the file stays; it is empty and harmless)."""
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            _unlock(fd)
        finally:
            os.close(fd)

    def __enter__(self) -> JournalLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
