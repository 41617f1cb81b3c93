"""Tick chips: words in a wrapping row, each ticked with one click or Space (feelings, signs, what helped)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QListView, QListWidget, QListWidgetItem, QWidget


class ChipList(QListWidget):
    """Words the person can tick; keyboard: Tab in, arrows to move, Space to tick."""

    def __init__(self, name: str, parent: QWidget | None = None, *, most_height: int = 110, in_rows: bool = True):
        """`in_rows`: chips side by side, wrapping (short words); otherwise one per line, long ones wrapped."""
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.ListMode)
        if in_rows:
            self.setFlow(QListView.Flow.LeftToRight)
            self.setWrapping(True)
            self.setResizeMode(QListView.ResizeMode.Adjust)
            self.setMaximumHeight(most_height)
        else:
            self.setWordWrap(True)
            self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setSpacing(4)
        self.setAccessibleName(name)
        # A tick is the only mark: no selection colour that could be taken for one (the focus frame still shows).
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)

    def set_words(self, words: list[str], ticked: set[str] | None = None) -> None:
        """Show these words (ticked where named)."""
        self.clear()
        folded = {w.casefold() for w in ticked or set()}
        for word in words:
            self.add_word(word, ticked=word.casefold() in folded)
        if self.count():
            self.setCurrentRow(0, QItemSelectionModel.SelectionFlag.NoUpdate)

    def add_word(self, word: str, *, ticked: bool) -> None:
        """Tick a word, adding it when it isn't there yet (the same word in other letters is the same word)."""
        found = [self.item(i) for i in range(self.count()) if self.item(i).text().casefold() == word.casefold()]
        item = found[0] if found else QListWidgetItem(word, self)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def ticked(self) -> list[str]:
        """The ticked words, in the order shown."""
        return [self.item(i).text() for i in range(self.count()) if self.item(i).checkState() == Qt.CheckState.Checked]

    def words(self) -> list[str]:
        """Every word shown."""
        return [self.item(i).text() for i in range(self.count())]
