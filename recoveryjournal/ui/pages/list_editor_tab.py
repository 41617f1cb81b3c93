"""The shape goals and appointments share, written once: a list on the left with New above it; the chosen one's
editor on the right, scrolling, with its message line and action row pinned below (never scrolled away); Ctrl+S
saves; choosing another item or locking saves first (JournalTab.save), so nothing typed is lost.

A tab fills in `_rows()` (id and label of each item, in order), `_show_item(id)`, `_show_nothing()` and, as for
every tab, `_save_typed`; it reports typing with `mark_unsaved()` and is told by `_reload(select)` what to show.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from recoveryjournal.ui.pages.journal_tab import J, JournalTab
from recoveryjournal.ui.widgets.common import add_shortcut, message_line, show_good_news, show_message
from recoveryjournal.ui.widgets.screen_fit import scrolling

#: Where each list row keeps the id of its item.
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class ListEditorTab(JournalTab[J]):
    """A list of the journal's items beside the editor of the chosen one (see the module's docstring)."""

    def _build(self, *, list_name: str, new_text: str, editor: QWidget, actions: list[QWidget],
               save_button: QPushButton, beside_save: list[QWidget] | None = None,
               sizes: tuple[int, int] = (260, 740)) -> None:  # fmt: skip
        """Lay the tab out: `actions` stand left of a stretch in the pinned row, `beside_save` then `save_button`
        at its right end."""
        self.list = QListWidget(self)
        self.list.setAccessibleName(list_name)
        self.new_button = QPushButton(new_text, self)
        self.save_button = save_button
        self.save_button.setObjectName("primaryButton")
        self.message = message_line(self)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.new_button)
        left_layout.addWidget(self.list, 1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(scrolling(editor, right), 1)
        right_layout.addWidget(self.message)
        row = QHBoxLayout()
        for widget in actions:
            row.addWidget(widget)
        row.addStretch(1)
        for widget in beside_save or []:
            row.addWidget(widget)
        row.addWidget(self.save_button)
        right_layout.addLayout(row)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes(list(sizes))
        layout = QHBoxLayout(self)
        layout.addWidget(splitter)
        add_shortcut(self, [QKeySequence.StandardKey.Save], self._on_save_clicked)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.list.currentItemChanged.connect(self._on_row_chosen)

    # For each tab to fill in ----------------------------------------------------------------------------------
    def _rows(self) -> list[tuple[int, str]]:
        """Each item's id and its label in the list, in order."""
        return []

    def _show_item(self, item_id: int) -> None:
        """Put this item in the editor (not yet changed)."""

    def _show_nothing(self) -> None:
        """An empty editor: there is nothing in the list (yet)."""

    def _saved_words(self) -> str:
        """What Save says when it worked ("Saved.")."""
        return ""

    # The shared behaviour -----------------------------------------------------------------------------------
    def chosen_id(self) -> int | None:
        """The id of the item chosen in the list, if any."""
        item = self.list.currentItem()
        return None if item is None else int(item.data(ID_ROLE))

    def _reload(self, select: int | None) -> None:
        """Fill the list afresh and show `select` (else the first item; else nothing)."""
        self.list.blockSignals(True)
        self.list.clear()
        for item_id, label in self._rows() if self._session is not None else []:
            QListWidgetItem(label, self.list).setData(ID_ROLE, item_id)
        rows = [self.list.item(i) for i in range(self.list.count())]
        chosen = next((r for r in rows if r.data(ID_ROLE) == select), rows[0] if rows else None)
        if chosen is not None:
            self.list.setCurrentItem(chosen)
        self.list.blockSignals(False)
        if chosen is not None:
            self._show_item(int(chosen.data(ID_ROLE)))
        else:
            self._show_nothing()
        self.mark_unsaved(False)

    def _on_edited(self, *_args: object) -> None:
        """The person typed: unsaved, and any old message goes."""
        self.mark_unsaved()
        show_message(self.message, "")

    def _on_row_chosen(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is None or self._session is None:
            return
        if self.save():  # what was typed in the item being left is kept first
            self._show_item(int(current.data(ID_ROLE)))
            self.mark_unsaved(False)

    def _on_save_clicked(self) -> None:
        self.mark_unsaved()
        if self.save() and (words := self._saved_words()):
            show_good_news(self.message, words)
