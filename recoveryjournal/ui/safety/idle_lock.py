"""Lock after a stretch of no keyboard or mouse activity anywhere in the app."""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.InputMethod,
}


class IdleLock(QObject):
    """Calls `on_idle` once after `minutes` without activity; 0 minutes means off."""

    def __init__(self, on_idle: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_idle = on_idle
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._on_timeout)
        self._interval_ms = 0
        self._watching = False

    @property
    def interval_ms(self) -> int:
        """Idle time before locking, in milliseconds (0 = never)."""
        return self._interval_ms

    @property
    def watching(self) -> bool:
        """Whether every event in the app is being looked at (only while counting)."""
        return self._watching

    def set_minutes(self, minutes: int) -> None:
        """Lock after this many idle minutes (0 = never); counting starts now."""
        self.set_interval_ms(max(0, minutes) * 60_000)

    def set_interval_ms(self, ms: int) -> None:
        """Exact idle interval (tests use a short one); counting starts now."""
        self._interval_ms = max(0, ms)
        self.restart()

    def restart(self) -> None:
        """Start counting again from now (after unlocking)."""
        if self._interval_ms:
            self.timer.start(self._interval_ms)
            self._watch(True)
        else:
            self.stop()

    def stop(self) -> None:
        """Nothing to lock (already locked): stop counting, and stop looking at the app's events."""
        self.timer.stop()
        self._watch(False)

    def _watch(self, on: bool) -> None:
        """Look at every event in the app only while counting: each event through Python has a cost."""
        app = QApplication.instance()
        if app is None or on == self._watching:
            return
        self._watching = on
        if on:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Any key, click, scroll or mouse movement counts as activity."""
        if event.type() in _ACTIVITY and shiboken6.isValid(self.timer) and self.timer.isActive():
            self.timer.start()
        return False

    def _on_timeout(self) -> None:
        self._on_idle()
