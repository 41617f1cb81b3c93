"""The neutral screen after a quick exit: nothing on it says what this app is or holds."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from recoveryjournal.i18n import N_, _

NEUTRAL_TITLE = N_("Untitled")


class CoverPage(QWidget):
    """A plain, empty page with one button to come back, at the top where it is seen at once (words that don't name
    the app, on any screen size)."""

    continue_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.continue_button = QPushButton(_("Continue"), self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.continue_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.continue_button.clicked.connect(self.continue_requested)
