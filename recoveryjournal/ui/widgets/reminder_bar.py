"""A gentle, silent question bar ('would you like to check in?', 'keep an eye on some signs?'). It never pops
up over anything and never sounds."""

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
    """Hidden until `ask()`; emits `accepted` when the person says yes, `declined` for "not now"."""

    accepted = Signal()
    declined = Signal()

    def __init__(self, parent: QWidget | None = None, words: tuple[str, str, str] | None = None) -> None:
        """`words`: the question, the yes and the not-now (already translated); the check-in question if left out."""
        super().__init__(parent)
        ask, yes, later = words or (_TEXT["ask"], _TEXT["yes"], _TEXT["later"])
        self.setObjectName("hintLine")
        self.label = QLabel(ask, self)
        self.label.setWordWrap(True)
        self.yes_button = QPushButton(yes, self)
        self.later_button = QPushButton(later, self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 8, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.yes_button)
        layout.addWidget(self.later_button)
        self.setVisible(False)
        self.yes_button.clicked.connect(self._on_yes_clicked)
        self.later_button.clicked.connect(self._on_later_clicked)

    def ask(self) -> None:
        """Show the question."""
        self.setVisible(True)

    def _on_later_clicked(self) -> None:
        self.hide()
        self.declined.emit()

    def _on_yes_clicked(self) -> None:
        self.hide()
        self.accepted.emit()
