"""Tick chips: words in a wrapping row, each ticked with one click or Space (feelings, signs, what helped)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QListWidget, QListWidgetItem, QMenu, QWidget

from recoveryjournal.i18n import _

#: Marks a chip the person added in this check-in (their own words, not a list's): it can be removed again.
OWN_ROLE = Qt.ItemDataRole.UserRole + 7


class ChipList(QListWidget):
    """Words the person can tick; keyboard: Tab in, arrows to move, Space to tick."""

    def __init__(
        self,
        name: str,
        parent: QWidget | None = None,
        *,
        most_height: int = 110,
        in_rows: bool = True,
        placeholder: str = "",
    ):
        """`in_rows`: chips side by side, wrapping (short words); otherwise one per line, long ones wrapped.
        `placeholder`: words shown while there are no chips (then the list keeps its room: `most_height`)."""
        super().__init__(parent)
        self._placeholder = placeholder
        self.setViewMode(QListView.ViewMode.ListMode)
        if in_rows:
            self.setFlow(QListView.Flow.LeftToRight)
            self.setWrapping(True)
            self.setResizeMode(QListView.ResizeMode.Adjust)
            self.setMaximumHeight(most_height)
            if placeholder:  # its room is kept even while empty, so a first chip moves nothing below it
                self.setFixedHeight(most_height)
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
        once = {w.casefold(): w for w in reversed(words)}  # the same word in other letters once, first spelling kept
        for word in (w for w in words if once.get(w.casefold()) is w):
            item = QListWidgetItem(word, self)  # in one pass: thousands of words (an import's) stay quick
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if word.casefold() in folded else Qt.CheckState.Unchecked)
        if self.count():
            self.setCurrentRow(0, QItemSelectionModel.SelectionFlag.NoUpdate)

    def add_word(self, word: str, *, ticked: bool, own: bool = False) -> None:
        """Tick a word, adding it when it isn't there yet (the same word in other letters is the same word).
        `own`: the person typed it just now, so it can be removed again (Delete, or right-click → Remove)."""
        found = [self.item(i) for i in range(self.count()) if self.item(i).text().casefold() == word.casefold()]
        item = found[0] if found else QListWidgetItem(word, self)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        if own and not found:
            item.setData(OWN_ROLE, True)
            item.setToolTip(_("You added this just now. To take it away, press Delete or right-click it."))
        if own:
            self.setCurrentItem(item, QItemSelectionModel.SelectionFlag.NoUpdate)

    def remove_word(self, item: QListWidgetItem) -> None:
        """Take away a chip the person added just now (one added by mistake)."""
        if item.data(OWN_ROLE):
            self.takeItem(self.row(item))
            self.viewport().update()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Delete or Backspace takes away a chip added just now."""
        item = self.currentItem()
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and item is not None and item.data(OWN_ROLE):
            self.remove_word(item)
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """Right-click on a chip added just now offers to remove it."""
        item = self.itemAt(event.pos())
        if item is None or not item.data(OWN_ROLE):
            return
        menu = QMenu(self)
        remove = menu.addAction(_("Remove “{word}”").format(word=item.text()))
        if menu.exec(event.globalPos() if event.globalPos() != QPoint() else self.mapToGlobal(event.pos())) is remove:
            self.remove_word(item)

    def paintEvent(self, event: QPaintEvent) -> None:
        """The placeholder's words while there are no chips."""
        super().paintEvent(event)
        if self.count() == 0 and self._placeholder:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().placeholderText().color())
            flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
            painter.drawText(self.viewport().rect().adjusted(8, 6, -8, -6), int(flags), self._placeholder)

    def ticked(self) -> list[str]:
        """The ticked words, in the order shown."""
        return [self.item(i).text() for i in range(self.count()) if self.item(i).checkState() == Qt.CheckState.Checked]

    def words(self) -> list[str]:
        """Every word shown."""
        return [self.item(i).text() for i in range(self.count())]
