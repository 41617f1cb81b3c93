"""A gentle, silent 'would you like to check in?' bar. It never pops up over anything and never sounds."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from recoveryjournal.i18n import N_, Texts

_TEXT = Texts(
    {
        "ask": N_("Would you like to check in? It only takes a few seconds."),
        "yes": N_("Check in now"),
        "later": N_("Not now"),
    }
)


class ReminderBar(QFrame):
    """Hidden until `ask()`; emits `accepted` when the person chooses to check in."""

    accepted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hintLine")
        self.label = QLabel(_TEXT["ask"], self)
        self.label.setWordWrap(True)
        self.yes_button = QPushButton(_TEXT["yes"], self)
        self.later_button = QPushButton(_TEXT["later"], self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 8, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.yes_button)
        layout.addWidget(self.later_button)
        self.setVisible(False)
        self.yes_button.clicked.connect(self._on_yes_clicked)
        self.later_button.clicked.connect(self.hide)

    def ask(self) -> None:
        """Show the question."""
        self.setVisible(True)

    def _on_yes_clicked(self) -> None:
        self.hide()
        self.accepted.emit()
