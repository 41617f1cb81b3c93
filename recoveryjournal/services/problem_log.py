"""The problem log: the safe reports of faults nobody expected (ui/errors makes them), kept owner-only through
the one file writer, so a half-written log never stands in its place."""

from __future__ import annotations

import contextlib
from pathlib import Path

import platformdirs

from recoveryjournal.domain.errors import JournalError
from recoveryjournal.storage.fsutil import write_file

#: The log keeps the newest reports up to about this size (older ones go first).
MOST_BYTES = 256 * 1024


def log_path() -> Path:
    """Where the problem log is kept on this account."""
    return Path(platformdirs.user_log_dir("RecoveryJournal", appauthor=False)) / "problems.log"


def keep_report(report: str) -> None:
    """Add one report to the log (never raises: a report that can't be kept must never become a second fault)."""
    path = log_path()
    with contextlib.suppress(OSError, JournalError):
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        before = path.read_bytes() if path.is_file() else b""
        data = (before + (report + "\n\n").encode("utf-8"))[-MOST_BYTES:]
        write_file(path, data, overwrite=True)  # owner-only from its first byte, whole or not at all
