"""New entry from a prompt: choose one of my prompts and start an entry with its lines; add my own, change or
remove any. The prompts live inside the encrypted journal."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from recoveryjournal.domain.errors import JournalError
from recoveryjournal.domain.prompts import Prompt
from recoveryjournal.i18n import N_, _
from recoveryjournal.services.journal_parts import HasPrompts
from recoveryjournal.ui.widgets.common import paragraph, show_message
from recoveryjournal.ui.widgets.screen_fit import fit_to_screen

ABOUT = N_(
    "A prompt starts an entry with a few lines of your choosing. Choose one and press Start, or change the words "
    "first. You can add your own prompts, and change or remove any of them."
)
_ID = Qt.ItemDataRole.UserRole


class PromptsDialog(QDialog):
    """`start(title, text)` when the person starts an entry from a prompt (the journal tab opens it)."""

    start = Signal(str, str)

    def __init__(self, session: HasPrompts, writable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._writable = writable
        self._prompts: dict[int, Prompt] = {}
        self.setWindowTitle(_("New entry from a prompt"))
        fit_to_screen(self, 720, 480)
        self.list = QListWidget(self)
        self.list.setAccessibleName(_("My prompts"))
        self.list.setWordWrap(True)  # a long name shows whole, never a sideways scroll
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.name = QLineEdit(self)
        self.name.setAccessibleName(_("The prompt's name"))
        self.text = QPlainTextEdit(self)
        self.text.setAccessibleName(_("The lines an entry starts with"))
        self.text.setTabChangesFocus(True)
        self.start_button = QPushButton(_("&Start an entry"), self)
        self.start_button.setDefault(True)
        self.new_button = QPushButton(_("&New prompt"), self)
        self.save_button = QPushButton(_("Sa&ve prompt"), self)
        self.remove_button = QPushButton(_("&Remove…"), self)
        close = QPushButton(_("Close"), self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)

        editor = QWidget(self)
        form = QFormLayout(editor)
        form.setContentsMargins(0, 0, 0, 0)
        name_label, text_label = QLabel(_("&Name"), editor), QLabel(_("&Lines"), editor)
        name_label.setBuddy(self.name)
        text_label.setBuddy(self.text)
        form.addRow(name_label, self.name)
        form.addRow(text_label, self.text)
        edit_buttons = QHBoxLayout()
        for button in (self.save_button, self.remove_button):
            edit_buttons.addWidget(button)
        edit_buttons.addStretch(1)
        form.addRow(edit_buttons)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.new_button)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(editor)
        splitter.setStretchFactor(1, 2)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.start_button)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(paragraph(_(ABOUT), self))
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

        for widget in (self.new_button, self.save_button, self.remove_button):
            widget.setEnabled(writable)
        self.list.currentItemChanged.connect(lambda *_a: self._show_chosen())
        self.list.itemActivated.connect(lambda _item: self._on_start())
        self.start_button.clicked.connect(self._on_start)
        self.new_button.clicked.connect(self._on_new)
        self.save_button.clicked.connect(self._on_save)
        self.remove_button.clicked.connect(self._on_remove)
        close.clicked.connect(self.reject)
        self.reload()
        self.list.setFocus()

    def reload(self, choose: int | None = None) -> None:
        """List the prompts again (choosing `choose`, or the first)."""
        try:
            prompts = self._session.prompts.all()
        except JournalError as exc:
            prompts = []
            show_message(self.message, exc.message)
        self.list.blockSignals(True)
        self.list.clear()
        self._prompts = {}
        for index, prompt in enumerate(prompts):
            key = prompt.id if prompt.id is not None else -1 - index
            self._prompts[key] = prompt
            item = QListWidgetItem(prompt.name)
            item.setData(_ID, key)
            self.list.addItem(item)
            if key == choose:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self.list.blockSignals(False)
        self._show_chosen()

    def chosen(self) -> Prompt | None:
        """The prompt chosen in the list (None while a new one is being written)."""
        item = self.list.currentItem()
        return self._prompts.get(int(item.data(_ID))) if item is not None else None

    def _show_chosen(self) -> None:
        prompt = self.chosen()
        self.name.setText(prompt.name if prompt else "")
        self.text.setPlainText(prompt.text if prompt else "")
        self.remove_button.setEnabled(self._writable and prompt is not None and prompt.id is not None)
        self.start_button.setEnabled(bool(self.name.text().strip() or self.text.toPlainText().strip()))

    def _on_start(self) -> None:
        """Start an entry with the lines as they are shown (changed or not): the prompt itself stays as it was."""
        title, text = self.name.text().strip(), self.text.toPlainText()
        if title or text.strip():
            self.start.emit(title, text)
            self.accept()

    def _on_new(self) -> None:
        self.list.setCurrentRow(-1)
        self.list.clearSelection()
        self.name.clear()
        self.text.clear()
        self.remove_button.setEnabled(False)
        self.start_button.setEnabled(True)
        self.name.setFocus()
        show_message(self.message, _("Give your prompt a name and the lines it starts with, then save it."))

    def _on_save(self) -> None:
        prompt = self.chosen()
        try:
            if prompt is not None and prompt.id is not None:
                saved = self._session.prompts.change(prompt.id, self.name.text(), self.text.toPlainText())
            else:
                saved = self._session.prompts.add(self.name.text(), self.text.toPlainText())
        except JournalError as exc:
            show_message(self.message, exc.message)
            return
        self.reload(choose=saved.id)
        show_message(self.message, _("Saved the prompt “{name}”.").format(name=saved.name))

    def _on_remove(self) -> None:
        prompt = self.chosen()
        if prompt is None or prompt.id is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, _("Remove a prompt"),
                          _("Remove the prompt “{name}”? Entries you started from it keep their words.").format(
                              name=prompt.name), QMessageBox.StandardButton.NoButton, self)  # fmt: skip
        box.setObjectName("removePromptQuestion")
        remove = box.addButton(_("Remove it"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(box.addButton(_("Keep it"), QMessageBox.ButtonRole.RejectRole))
        box.exec()
        if box.clickedButton() is not remove:
            return
        try:
            self._session.prompts.remove(prompt.id)
        except JournalError as exc:
            show_message(self.message, exc.message)
            return
        self.reload()
        show_message(self.message, _("Removed the prompt “{name}”.").format(name=prompt.name))
