"""One answer of a few, side by side as radio buttons, with "none chosen" possible (Took my medicines: not noted,
all, some, none)."""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QRadioButton, QWidget


class ChoiceRow(QWidget):
    """`answers` are (value, words); `answer()` is the chosen value, or None while none is chosen."""

    def __init__(self, answers: list[tuple[str | None, str]], name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for value, words in answers:
            choice = QRadioButton(words, self)
            choice.setProperty("answer", value)
            choice.setAccessibleName(f"{name}: {words}")  # each read with its question
            self.group.addButton(choice)
            layout.addWidget(choice)
        layout.addStretch(1)

    def answer(self) -> str | None:
        """The chosen value (None for none, or for a choice whose value is None)."""
        chosen = self.group.checkedButton()
        return None if chosen is None else chosen.property("answer")

    def reset(self) -> None:
        """No answer chosen."""
        self.group.setExclusive(False)
        for choice in self.group.buttons():
            choice.setChecked(False)
        self.group.setExclusive(True)
