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

from PySide6.QtCore import QObject, Qt, QThread, Signal

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
#: Set by `install`: the window locks the journal (if open) and says so, on its own thread.
_relay: _FaultRelay | None = None
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
    """A fault nobody expected, from any thread: keep a safe report, then the window locks and tells the person
    calmly — on the window's own thread (a fault on another thread is handed over, queued: touching widgets from
    there crashed the app)."""
    report = safe_report(type(exc), exc.__traceback__)
    _reports.append(report)
    print(report, file=sys.stderr)  # the same safe lines, never the error's own words
    _write(report)
    if _relay is not None:
        _relay.answer()


class _FaultRelay(QObject):
    """Lives on the window's thread: `answer()` from any thread runs the window's answer there."""

    _answer_here = Signal()

    def __init__(self, on_fault: Callable[[], None]) -> None:
        super().__init__()
        self._on_fault = on_fault
        # Queued from other threads (the signal crosses to this object's thread); direct on this one.
        self._answer_here.connect(self._run, Qt.ConnectionType.AutoConnection)

    def answer(self) -> None:
        """Answer the fault on the window's thread, whichever thread this is called on."""
        if QThread.currentThread() is self.thread():
            self._run()
        else:
            self._answer_here.emit()

    def _run(self) -> None:
        try:
            self._on_fault()
        except Exception:  # the window's own answer failed: nothing more can be done safely here
            print("(the window couldn't answer the fault)", file=sys.stderr)  # not shown


def _write(report: str) -> None:
    from recoveryjournal.services.policy import load_policy
    from recoveryjournal.services.problem_log import keep_report

    if not load_policy().leaves_no_traces:
        keep_report(report)


def last_reports() -> list[str]:
    """The reports made since the app started (Help and the tests read them)."""
    return list(_reports)


def install(on_fault: Callable[[], None]) -> None:
    """Make `report_fault` the answer to every uncaught exception: in slots (PySide hands those to
    sys.excepthook), on the main thread, and on other threads."""
    global _relay
    _relay = _FaultRelay(on_fault)  # made here, on the window's thread

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        exc.__traceback__ = tb
        report_fault(exc)

    sys.excepthook = hook
    import threading

    threading.excepthook = lambda args: hook(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback)
