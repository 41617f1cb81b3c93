"""Quick exit: Esc three times, or Shift three times, in quick succession, from anywhere in the app."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

#: Three presses within this many seconds count as a quick exit.
WINDOW_SECONDS = 1.2
PRESSES = 3
_KEYS = (Qt.Key.Key_Escape, Qt.Key.Key_Shift)


class QuickExitKeys(QObject):
    """Watches every key press in the app and calls `on_trigger` on Esc×3 or Shift×3."""

    def __init__(self, on_trigger: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_trigger = on_trigger
        self._key: int | None = None
        self._times: list[float] = []

    def watch(self) -> None:
        """Start watching every key press in the app (the main window does this once its first frame is up)."""
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Count quick repeated presses of the same exit key; any other key starts over."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if not self._first_receiver(watched):
            return False
        if event.isAutoRepeat():
            return False
        key = event.key()
        if key not in _KEYS:
            self._times.clear()
            return False
        now = time.monotonic()
        if key != self._key:
            self._key, self._times = key, []
        self._times = [t for t in self._times if now - t <= WINDOW_SECONDS] + [now]
        if len(self._times) >= PRESSES:
            self._times.clear()
            self._on_trigger()
            return True
        return False

    @staticmethod
    def _first_receiver(watched: QObject) -> bool:
        """One press reaches the native window, the focused widget and maybe its parents: count it once."""
        if not isinstance(watched, QWidget):
            return False
        focus = QApplication.focusWidget()
        return watched is focus if focus is not None else watched.isWindow()
