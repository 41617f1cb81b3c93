"""My tags: each with how many entries use it; see its entries, rename it (two become one when the new name is
another tag's), or take it off every entry (asked once, with undo while the journal is open)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from recoveryjournal.domain.errors import JournalError
from recoveryjournal.i18n import N_, _, ngettext
from recoveryjournal.services.journal_parts import ListsEntries
from recoveryjournal.ui.widgets.common import paragraph, show_message
from recoveryjournal.ui.widgets.screen_fit import fit_to_screen

ABOUT = N_(
    "The tags you've given your entries, and how many entries have each. Choose one to see its entries, to give "
    "it a new name (the name of another tag puts the two together), or to take it off every entry. The entries "
    "themselves stay as they are."
)
_NAME = Qt.ItemDataRole.UserRole


class TagsDialog(QDialog):
    """The journal's tags, tidied here; `show_tag` asks the window to search for one."""

    show_tag = Signal(str)

    def __init__(self, session: ListsEntries, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._removed: list[tuple[str, list[int]]] = []  # what can be put back while the journal is open
        self.setWindowTitle(_("My tags"))
        fit_to_screen(self, 520, 460)
        self.list = QListWidget(self)
        self.list.setAccessibleName(_("My tags, most used first"))
        self.show_button = QPushButton(_("&Show its entries"), self)
        self.rename_button = QPushButton(_("&Rename…"), self)
        self.remove_button = QPushButton(_("Take it &off every entry…"), self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.undo_button = QPushButton(_("&Undo"), self)
        self.undo_button.setVisible(False)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons = QHBoxLayout()
        for button in (self.show_button, self.rename_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        news = QHBoxLayout()
        news.addWidget(self.message, 1)
        news.addWidget(self.undo_button)
        layout = QVBoxLayout(self)
        layout.addWidget(paragraph(_(ABOUT), self))
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addLayout(news)
        layout.addWidget(close)
        close.rejected.connect(self.reject)
        self.show_button.clicked.connect(self._on_show)
        self.rename_button.clicked.connect(self._on_rename)
        self.remove_button.clicked.connect(self._on_remove)
        self.undo_button.clicked.connect(self._on_undo)
        self.list.itemActivated.connect(lambda _item: self._on_show())
        self.list.currentItemChanged.connect(lambda *_a: self._update_buttons())
        self.reload()

    def reload(self, choose: str = "") -> None:
        """List the tags again (choosing `choose`, or the first)."""
        self.list.clear()
        for name, count in self._session.entries.tag_counts():
            item = QListWidgetItem(
                ngettext("{tag} · {n} entry", "{tag} · {n} entries", count).format(tag=name, n=count)
            )
            item.setData(_NAME, name)
            self.list.addItem(item)
            if name.casefold() == choose.casefold():
                self.list.setCurrentItem(item)
        if self.list.count() and self.list.currentItem() is None:
            self.list.setCurrentRow(0)
        if not self.list.count():
            show_message(self.message, _("No tags yet. When you write an entry, you can give it tags of your own."))
        self._update_buttons()

    def chosen(self) -> str:
        """The tag chosen in the list ('' when none)."""
        item = self.list.currentItem()
        return str(item.data(_NAME)) if item is not None else ""

    def _update_buttons(self) -> None:
        for button in (self.show_button, self.rename_button, self.remove_button):
            button.setEnabled(bool(self.chosen()))

    def _on_show(self) -> None:
        if self.chosen():
            self.show_tag.emit(self.chosen())
            self.accept()

    def _on_rename(self) -> None:
        old = self.chosen()
        if not old:
            return
        new, ok = QInputDialog.getText(self, _("Rename a tag"), _("New name for “{tag}”:").format(tag=old),
                                       QLineEdit.EchoMode.Normal, old)  # fmt: skip
        if ok and new.strip() and new.strip() != old:
            self.rename(old, new)

    def rename(self, old: str, new: str) -> None:
        """Rename `old` (merging into `new` when that tag exists) and say what happened."""
        existing = {name.casefold() for name, _n in self._session.entries.tag_counts()}
        merging = new.strip().lstrip("#").casefold() in existing and new.strip().casefold() != old.casefold()
        try:
            moved = self._session.entries.rename_tag(old, new)
        except JournalError as exc:
            show_message(self.message, exc.message)
            return
        name = " ".join(new.strip().lstrip("#").split())
        said = _("“{old}” and “{new}” are one tag now.") if merging else _("“{old}” is called “{new}” now.")
        self.reload(choose=name)
        count = ngettext("It is on {n} entry.", "It is on {n} entries.", moved).format(n=moved)
        show_message(self.message, said.format(old=old, new=name) + (" " + count if not merging else ""))

    def _on_remove(self) -> None:
        name = self.chosen()
        if not name:
            return
        count = dict(self._session.entries.tag_counts()).get(name, 0)
        box = QMessageBox(QMessageBox.Icon.Question, _("Take a tag off"),
                          _("Take “{tag}” off every entry that has it? The entries stay as they are, and you can "
                            "undo this while your journal is open.").format(tag=name),
                          QMessageBox.StandardButton.NoButton, self)  # fmt: skip
        box.setObjectName("removeTagQuestion")
        take = box.addButton(_("Take it off"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(box.addButton(_("Keep it"), QMessageBox.ButtonRole.RejectRole))
        box.exec()
        if box.clickedButton() is take and count:
            self.remove(name)

    def remove(self, name: str) -> None:
        """Take `name` off every entry, and offer to undo it."""
        try:
            entry_ids = self._session.entries.remove_tag(name)
        except JournalError as exc:
            show_message(self.message, exc.message)
            return
        self._removed.append((name, entry_ids))
        self.reload()
        show_message(self.message, ngettext("Took “{tag}” off {n} entry.", "Took “{tag}” off {n} entries.",
                                            len(entry_ids)).format(tag=name, n=len(entry_ids)))  # fmt: skip
        self.undo_button.setVisible(True)

    def _on_undo(self) -> None:
        if not self._removed:
            return
        name, entry_ids = self._removed.pop()
        try:
            self._session.entries.put_back_tag(name, entry_ids)
        except JournalError as exc:
            show_message(self.message, exc.message)
            return
        self.reload(choose=name)
        show_message(self.message, _("“{tag}” is back on its entries.").format(tag=name))
        self.undo_button.setVisible(bool(self._removed))

    def forget(self) -> None:
        """Locking: nothing of the journal stays here."""
        self._removed.clear()
        self.list.clear()
