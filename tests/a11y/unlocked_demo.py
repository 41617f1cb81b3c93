"""The real window with the demo journal open on its Goals tab, for tests/a11y/atspi_tree.sh to read."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from recoveryjournal import APP_NAME
from recoveryjournal.ui.main_window import MainWindow
from recoveryjournal.ui.resources import style_sheet


def main() -> None:
    """Open the demo journal, show a tab (argv[1], default goals_page), and wait to be read."""
    app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setStyleSheet(style_sheet(app.palette()))
    window = MainWindow()
    window.settings.seen_welcome_tour = True
    window.show()
    window.open_demo()
    tab = sys.argv[1] if len(sys.argv) > 1 else "goals_page"
    QTimer.singleShot(4000, lambda: window.unlocked_view.tabs.setCurrentWidget(getattr(window.unlocked_view, tab)))
    app.exec()


if __name__ == "__main__":
    main()
