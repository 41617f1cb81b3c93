"""One error path for the window. A fault we expect (a JournalError) is told in its own kind words through
`problem_words`; anything else reaches `report_fault` — from a slot, a worker or anywhere, through the
excepthook `install` sets — which locks the journal, shows one calm message, and keeps a short report.

The report names only what went wrong and where in the app's code (kind of error, module, function, line):
never the error's own words, local values, journal text, passphrases, or the names of journals or exports,
since any of those could carry the person's words. On a shared PC it is not written to disk at all."""

from __future__ import annotations

import datetime as dt
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from recoveryjournal import __version__
from recoveryjournal.domain.errors import JournalError
from recoveryjournal.i18n import N_, _

SOMETHING_WENT_WRONG = N_(
    "Something went wrong. Your journal is safe: it has been locked, and nothing you saved is lost. Open it "
    "again to carry on."
)
SOMETHING_WENT_WRONG_UNLOCKED = N_(
    "Something went wrong. Your journal is safe, and nothing you saved is lost. If it happens again, close the app "
    "and open it again."
)
_PACKAGE = Path(__file__).resolve().parents[1]
#: Set by `install`: the window locks the journal (if open) and says so.
_on_fault: Callable[[], None] | None = None
_reports: list[str] = []


def problem_words(exc: BaseException) -> str:
    """What to tell the person about `exc`: a JournalError's own kind words, else the calm general sentence."""
    if isinstance(exc, JournalError):
        return exc.message
    return _(SOMETHING_WENT_WRONG_UNLOCKED)


def safe_report(exc_type: type[BaseException], tb: TracebackType | None) -> str:
    """What is kept of a fault: the kind of error and the app's own frames, nothing the person wrote."""
    when = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    lines = [f"Recovery Journal {__version__}, Python {sys.version.split()[0]}, {sys.platform}",
             f"{when}: {exc_type.__module__}.{exc_type.__name__}"]  # fmt: skip
    for frame in traceback.extract_tb(tb):
        path = Path(frame.filename)
        try:
            where = "recoveryjournal/" + path.resolve().relative_to(_PACKAGE).as_posix()
        except ValueError:
            where = f"<{path.parent.name}/{path.name}>" if "site-packages" in path.parts else "<elsewhere>"
        lines.append(f"  {where}:{frame.lineno} in {frame.name}")
    return "\n".join(lines)


def report_fault(exc: BaseException) -> None:
    """A fault nobody expected: keep a safe report, then the window locks and tells the person calmly."""
    report = safe_report(type(exc), exc.__traceback__)
    _reports.append(report)
    print(report, file=sys.stderr)  # the same safe lines, never the error's own words
    _write(report)
    if _on_fault is not None:
        try:
            _on_fault()
        except Exception:  # the window's own answer failed: nothing more can be done safely here
            print("(the window couldn't answer the fault)", file=sys.stderr)  # not shown


def _write(report: str) -> None:
    from recoveryjournal.services.policy import load_policy

    if load_policy().leaves_no_traces:
        return
    try:
        import platformdirs

        folder = Path(platformdirs.user_log_dir("RecoveryJournal", appauthor=False))
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        with open(folder / "problems.log", "a", encoding="utf-8") as fh:  # owner-only by its folder
            fh.write(report + "\n\n")
    except OSError:
        pass  # a report that can't be kept must never become a second fault


def last_reports() -> list[str]:
    """The reports made since the app started (Help and the tests read them)."""
    return list(_reports)


def install(on_fault: Callable[[], None]) -> None:
    """Make `report_fault` the answer to every uncaught exception: in slots (PySide hands those to
    sys.excepthook), on the main thread, and on other threads."""
    global _on_fault
    _on_fault = on_fault

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        exc.__traceback__ = tb
        report_fault(exc)

    sys.excepthook = hook
    import threading

    threading.excepthook = lambda args: hook(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback)
