"""The mood scale: ten large buttons, 1 to 10, one of them chosen, with words at its two ends (the person's own,
once they set them) so 1 and 10 mean something."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from recoveryjournal.i18n import _


class MoodScale(QWidget):
    """`group` holds the buttons with their numbers as ids; `low_end` and `high_end` are the words at the ends."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: list[QPushButton] = []
        row = QHBoxLayout()
        for value in range(1, 11):
            button = QPushButton(str(value), self)
            button.setCheckable(True)
            button.setObjectName("moodButton")
            button.setMinimumSize(44, 44)  # a target large enough for a shaky hand
            button.setAccessibleName(_("Mood {value}").format(value=value))
            self.group.addButton(button, value)
            self.buttons.append(button)
            row.addWidget(button)
        self.low_end, self.high_end = QLabel(self), QLabel(self)
        self.high_end.setAlignment(Qt.AlignmentFlag.AlignRight)
        ends = QHBoxLayout()
        for end in (self.low_end, self.high_end):
            end.setObjectName("scaleEnd")
        ends.addWidget(self.low_end)
        ends.addStretch(1)
        ends.addWidget(self.high_end)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addLayout(ends)

    def clear(self) -> None:
        """No mood chosen."""
        self.group.setExclusive(False)
        for button in self.buttons:
            button.setChecked(False)
        self.group.setExclusive(True)
