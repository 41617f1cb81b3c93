"""The one way to run slow work (key derivation, backups, restores, imports, exports, the keyring) off the GUI
thread: a busy state while it runs, then the result or the error back on the GUI thread. An error that isn't
one we expect also goes to the one error path (ui/errors.report_fault)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from recoveryjournal.domain.errors import JournalError


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn, self._relay = fn, relay

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:  # handed to the GUI thread, which shows the kind message
            self._relay.failed.emit(exc)
        else:
            self._relay.done.emit(result)


_running: set[_Relay] = set()


def run_in_background(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[Exception], None] | None = None,
    owner: QObject | None = None,
    busy: Callable[[bool], None] | None = None,
) -> None:
    """Call `fn()` on a worker thread; `on_done(result)` or `on_error(exc)` then runs on the GUI thread.

    `busy(True)` is called now and `busy(False)` before either answer. `on_error` gets every error, to put its
    screen right (ui/errors.problem_words gives the words); one that isn't a JournalError is also reported
    through the one error path. When `owner` is given and has been deleted by the time the work ends (its window
    closed), nothing is called.
    """
    relay = _Relay()
    _running.add(relay)
    if busy is not None:
        busy(True)

    def finish(callback: Callable[[Any], None] | None, value: Any) -> None:
        _running.discard(relay)
        if owner is not None and not shiboken6.isValid(owner):
            from recoveryjournal.services.journal_service import JournalSession  # only ever needed here, late

            if isinstance(value, JournalSession):
                value.lock()  # an unlock that finished after its window closed: close it again
            return
        if busy is not None:
            busy(False)
        if callback is not None:
            callback(value)
        if isinstance(value, BaseException) and not isinstance(value, JournalError):
            from recoveryjournal.ui.errors import report_fault

            report_fault(value)

    relay.done.connect(lambda result: finish(on_done, result))
    relay.failed.connect(lambda exc: finish(on_error, exc))
    QThreadPool.globalInstance().start(_Task(fn, relay))


def background_tasks_running() -> int:
    """How many tasks have not reported back yet (tests wait on this)."""
    return len(_running)


def run_and_wait(fn: Callable[[], Any], busy: Callable[[bool], None] | None = None) -> Any:
    """Run `fn()` on a worker and wait for it while the window keeps answering (a local event loop): for slow
    work whose caller needs the result there and then (saving a share, a PDF, a picture). Returns what `fn`
    returned, or raises what it raised — a JournalError for its own words; anything else takes the one error path
    as well. Only the calling code waits: the window repaints, and quick exit and the lock keep working."""
    from PySide6.QtCore import QEventLoop

    loop = QEventLoop()
    outcome: dict[str, Any] = {}

    def done(result: Any) -> None:
        outcome["result"] = result
        loop.quit()

    def failed(exc: Exception) -> None:
        outcome["error"] = exc
        loop.quit()

    run_in_background(fn, done, failed, busy=busy)
    if not outcome:
        loop.exec()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("result")
