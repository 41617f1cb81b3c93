"""The start-up anchor: a bare PySide6 QMainWindow of the app's size, leaving as soon as its first frame is painted.

Run as a process by bench_startup.py, alternating with the app, so both are measured in the same conditions.
It notices its first frame the way the app's MainWindow does (paintEvent, then a zero timer), so both stop at
the same moment.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QApplication, QMainWindow


class BareWindow(QMainWindow):
    """Nothing but a window."""

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        QTimer.singleShot(0, _leave_reporting_peak)


def _leave_reporting_peak() -> None:
    """Print this process's own peak memory (as the app does in its benchmark mode) and leave."""
    with open("/proc/self/status", encoding="ascii") as status:
        print(next((line for line in status if line.startswith("VmHWM")), "").strip(), flush=True)
    os._exit(0)


def main() -> None:
    """Show the window; the process ends after its first paint."""
    app = QApplication(sys.argv[:1])
    window = BareWindow()
    window.resize(1000, 680)
    window.show()
    app.exec()


if __name__ == "__main__":
    main()
