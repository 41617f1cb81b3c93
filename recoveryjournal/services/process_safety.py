"""Keep journal text out of crash dumps: no core files (Linux, macOS), not dumpable or traceable by others
(Linux), and on Windows no crash box and no heap in an error report (storage/system.py)."""

from __future__ import annotations

import ctypes
import sys

from recoveryjournal.storage import system

_PR_SET_DUMPABLE = 4


def harden_process() -> list[str]:
    """Apply what this platform allows; returns what was done (for tests and the log). Never raises."""
    done: list[str] = []
    if sys.platform != "win32":  # Linux and macOS: no core file
        try:
            import resource

            resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
            done.append("core dumps off")  # not shown: a note for developers
        except (ImportError, ValueError, OSError):
            pass
    done += system.windows_crash_reports_off()  # Windows (or a test's fake of it): no crash box, no heap in reports
    if sys.platform.startswith("linux"):
        try:
            # The running program's own symbols include libc's prctl; find_library would start a
            # subprocess (ldconfig) at every start-up.
            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(_PR_SET_DUMPABLE, 0, 0, 0, 0) == 0:
                done.append("not dumpable")  # not shown: a note for developers
        except OSError:
            pass
    return done
