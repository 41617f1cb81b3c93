"""The unlocked journal: entries on the left, the one being written on the right."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QListView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from recoveryjournal.domain.entry import Entry
from recoveryjournal.domain.errors import JournalError
from recoveryjournal.i18n import N_, Texts, _, clock, day
from recoveryjournal.services.journal_parts import WritesEntries
from recoveryjournal.ui.models.entry_list_model import EntryListModel
from recoveryjournal.ui.pages.journal_tab import JournalTab
from recoveryjournal.ui.widgets.common import add_shortcut, message_line, show_message
from recoveryjournal.ui.widgets.entry_editor import EntryEditor

#: How long Undo is offered after an entry is deleted.
UNDO_MS = 20_000

_TEXT = Texts(
    {
        "new": N_("New entry"),
        "from_prompt": N_("From a prompt…"),
        "first_step": N_(
            "Your journal is ready. A first step, if you like: write a few words on the right about today. They "
            "are kept as you write, and only you can read them."
        ),
        "saved": N_("Saved."),
        "delete_title": N_("Delete this entry?"),
        "delete_text": N_("Delete “{name}” from {day}? You can undo it for a little while, until the journal locks."),
        "delete_yes": N_("Delete entry"),
        "keep": N_("Keep it"),
        "deleted": N_("Entry deleted."),
        "undone": N_("The entry is back."),
        "autosaved": N_("Saved as you write."),
        "checkin_label": N_("{time} · mood {mood}"),
        "back_up": N_("Back up now…"),
    }
)
#: Save this long after the last keystroke, so nothing typed waits long to be safe.
AUTOSAVE_MS = 1500


class JournalPage(JournalTab[WritesEntries]):
    """Lists entries and edits one; saves before switching, so nothing typed is lost."""

    error = Signal(str)
    share_requested = Signal(int)
    backup_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._current_id: int | None = None
        self._syncing = False
        self._deleted: Entry | None = None  # the entry just deleted, for Undo (memory only, a little while)
        self.prompts_dialog: QDialog | None = None  # New entry from a prompt, the last one opened
        self._undo_timer = QTimer(self)
        self._undo_timer.setSingleShot(True)
        self._undo_timer.setInterval(UNDO_MS)
        self._undo_timer.timeout.connect(self._forget_deleted)
        self.model = EntryListModel(self)
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self._on_autosave)
        self._setup_ui()

    # Public -----------------------------------------------------------------------------
    def _show_journal(self, session: WritesEntries) -> None:
        """Show a freshly unlocked journal: newest entry selected, or a blank page to write on."""
        self.model.set_session(session)
        self.editor.set_writable(not session.read_only)
        self.new_button.setEnabled(not session.read_only)
        self.prompt_button.setEnabled(not session.read_only)
        self.editor.set_tag_suggestions(session.entries.tags())
        if self.model.rowCount() > 0:
            self._select_row(0)
        else:
            self.start_new_entry()

    def _show_first_step(self) -> None:
        empty = self._session is not None and self.model.rowCount() == 0 and not self._session.read_only
        show_message(self.first_step, _TEXT["first_step"] if empty else "")

    def show_backup_note(self, text: str) -> None:
        """A quiet note ('Your last backup was 40 days ago.') with a way to back up; '' hides it."""
        show_message(self.backup_note, text)
        self.backup_button.setVisible(bool(text))

    def _forget_journal(self) -> None:
        """Forget every piece of journal content this page holds (called on lock)."""
        self._autosave.stop()
        self._forget_deleted()
        self.show_backup_note("")
        show_message(self.first_step, "")
        self._current_id = None
        self.model.clear()
        self.editor.clear_all()

    def _save_typed(self, session: WritesEntries, lenient: bool) -> None:
        """Save what was typed (an empty page is nothing to save)."""
        self._autosave.stop()
        date, title, text = self.editor.values()
        if not title.strip() and not text.strip():
            return
        tags, checkin_id, time = self.editor.tags(), self.editor.checkin_id(), self.editor.time()
        if self._current_id is None:
            entry = session.entries.add(text, title, date, time=time, tags=tags, checkin_id=checkin_id)
        else:
            entry = session.entries.update(self._current_id, text, title, date, time=time, tags=tags,
                                         checkin_id=checkin_id)  # fmt: skip
        self._current_id = entry.id
        self.editor.now_saved()

    def _tell(self, words: str) -> None:
        self.editor.set_status(words)

    def start_new_entry(self, date: dt.date | None = None) -> None:
        """A blank entry (dated today unless given), cursor in the text."""
        if not self.save():
            return
        self._show_saved_changes()
        self._sync_selection(-1)
        self._current_id = None
        self.mark_unsaved(False)
        day = date or dt.date.today()
        self.editor.set_values(day, "", "", can_delete=False, checkins=self._checkin_choices(day))
        self.editor.body_edit.setFocus()

    def choose_prompt(self) -> None:
        """New entry from a prompt: choose one (or add my own), and the entry starts with its lines."""
        if self._session is None or self._session.read_only or not self.save():
            return
        from recoveryjournal.ui.dialogs.prompts_dialog import PromptsDialog

        dialog = PromptsDialog(self._session, not self._session.read_only, self)
        dialog.start.connect(self.start_from_prompt)
        dialog.open()
        self.prompts_dialog = dialog

    def start_from_prompt(self, title: str, text: str) -> None:
        """A new entry (today) with a prompt's name as its title and its lines to write under; nothing is saved
        until I write something of my own."""
        self.start_new_entry()
        if self._current_id is not None or self.editor.values()[1:] != ("", ""):
            return  # the entry being written couldn't be saved: it stays, and says why
        self.editor.set_values(dt.date.today(), title, text, can_delete=False,
                               checkins=self._checkin_choices(dt.date.today()))  # fmt: skip
        self.editor.body_edit.setFocus()
        self.editor.body_edit.moveCursor(QTextCursor.MoveOperation.End)

    def open_entry(self, entry_id: int) -> None:
        """Show one entry (from search or the calendar), even if the list hasn't loaded it yet."""
        if self._session is None or not self.save():
            return
        self._show_saved_changes()
        row = self.model.row_of(entry_id)
        while row < 0 and self.model.canFetchMore():
            self.model.fetchMore()
            row = self.model.row_of(entry_id)
        if row >= 0:
            self._select_row(row)
            self.list_view.scrollTo(self.model.index(row, 0))

    def refresh_suggestions(self) -> None:
        """Tags in use and the day's check-ins may have changed elsewhere."""
        if self._session is not None:
            self.editor.set_tag_suggestions(self._session.entries.tags())
            date, _title, _text = self.editor.values()
            self.editor.set_checkin_choices(self._checkin_choices(date), self.editor.checkin_id())

    def _checkin_choices(self, day: dt.date) -> list[tuple[int, str]]:
        if self._session is None:
            return []
        return [
            (int(c.id or 0), _TEXT["checkin_label"].format(time=clock(c.time), mood=c.mood))
            for c in self._session.checkins.on_day(day)
        ]

    # UI ---------------------------------------------------------------------------------
    def _setup_ui(self) -> None:
        self.new_button = QPushButton(_TEXT["new"], self)
        self.new_button.setToolTip(_("New entry (Ctrl+N)"))
        add_shortcut(self, [QKeySequence.StandardKey.New], self.start_new_entry)
        self.prompt_button = QPushButton(_TEXT["from_prompt"], self)
        self.prompt_button.setToolTip(_("New entry from one of your prompts (Ctrl+Shift+N)"))
        self.list_view = QListView(self)
        self.list_view.setModel(self.model)
        self.list_view.setUniformItemSizes(True)
        self.list_view.setAlternatingRowColors(True)
        self.list_view.setAccessibleName(_("Entries, newest first"))
        self.list_view.setSpacing(2)
        # A long first line (an untitled entry) is cut short with "…", never a sideways scroll.
        self.list_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list_view.setWordWrap(False)
        self.editor = EntryEditor(self)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        new_row = QHBoxLayout()
        new_row.addWidget(self.new_button, 1)
        new_row.addWidget(self.prompt_button)
        left_layout.addLayout(new_row)
        left_layout.addWidget(self.list_view, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([300, 700])
        # A new journal's first screen says what the first step is (gone once there is an entry).
        self.first_step = message_line(self, "hintLine")
        self.backup_note = message_line(self, "hintLine")
        self.backup_button = QPushButton(_TEXT["back_up"], self)
        self.backup_button.setFlat(True)
        self.backup_button.setVisible(False)
        note_row = QHBoxLayout()
        note_row.addWidget(self.backup_note, 1)
        note_row.addWidget(self.backup_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.first_step)
        layout.addLayout(note_row)
        layout.addWidget(splitter, 1)

        self.backup_button.clicked.connect(self.backup_requested)
        for change in (self.model.modelReset, self.model.rowsInserted, self.model.rowsRemoved):
            change.connect(self._show_first_step)
        self.new_button.clicked.connect(self.start_new_entry)
        self.prompt_button.clicked.connect(self.choose_prompt)
        self.list_view.selectionModel().currentChanged.connect(self._on_current_changed)
        self.editor.changed.connect(self._on_edited)
        self.editor.save_requested.connect(self._on_save_clicked)
        self.editor.delete_requested.connect(self._on_delete_clicked)
        self.editor.undo_button.clicked.connect(self._on_undo_clicked)
        self.editor.share_requested.connect(self._on_share_clicked)

    def _select_row(self, row: int) -> None:
        self._sync_selection(row)
        entry = self.model.entry_at(row)
        if entry is not None:
            self._current_id = entry.id
            self.mark_unsaved(False)
            self.editor.set_values(
                entry.date, entry.title, entry.text, can_delete=True, tags=entry.tags,
                checkins=self._checkin_choices(entry.date), checkin_id=entry.checkin_id, time=entry.time,
            )  # fmt: skip
            shared = self._session.shares.shared_item("entry", str(entry.id)) if self._session else []
            self.editor.set_status(shared[0] if shared else "")

    def _sync_selection(self, row: int) -> None:
        """Move the list's highlight without treating it as the person choosing another entry."""
        self._syncing = True
        try:
            if row >= 0:
                self.list_view.setCurrentIndex(self.model.index(row, 0))
            else:
                self.list_view.clearSelection()
        finally:
            self._syncing = False

    def _show_saved_changes(self) -> None:
        """Reload the list (a save may change the order) and keep the current entry highlighted."""
        self._syncing = True
        try:
            self.model.reload()
        finally:
            self._syncing = False
        self._sync_selection(self.model.row_of(self._current_id) if self._current_id is not None else -1)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing:
            return
        chosen = self.model.entry_at(current.row())
        if chosen is None or chosen.id is None or chosen.id == self._current_id:
            return
        if not self.save():
            return
        self._show_saved_changes()
        self._select_row(self.model.row_of(chosen.id))

    def _on_edited(self) -> None:
        self.mark_unsaved(True)
        self._autosave.start()

    def _on_autosave(self) -> None:
        if self.has_unsaved() and self.save():
            self.editor.set_status(_TEXT["autosaved"])
            self._refresh_current_row()

    def _refresh_current_row(self) -> None:
        """Show a new title in the list without moving the cursor out of the text."""
        focus = self.focusWidget()
        self._show_saved_changes()
        if focus is not None:
            focus.setFocus()

    def _on_save_clicked(self) -> None:
        was_dirty = self.has_unsaved()
        if self.save():
            self._show_saved_changes()
            self.editor.set_status(_TEXT["saved"] if was_dirty else "")

    def _on_share_clicked(self) -> None:
        if self.save() and self._current_id is not None:
            self.share_requested.emit(self._current_id)

    def _on_delete_clicked(self) -> None:
        if self._current_id is None or self._session is None:
            return
        entry = self.model.entry_at(self.list_view.currentIndex().row())
        if entry is None or entry.id != self._current_id:
            entry = None
        name = entry.display_title if entry is not None else ""
        when = day(entry.date) if entry is not None else ""
        text = _TEXT["delete_text"].format(name=name, day=when)
        box = QMessageBox(QMessageBox.Icon.Question, _TEXT["delete_title"], text, parent=self)
        delete = box.addButton(_TEXT["delete_yes"], QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(_TEXT["keep"], QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)  # Enter keeps it: deleting is the choice that takes a deliberate click
        box.setEscapeButton(keep)
        box.exec()
        if box.clickedButton() is not delete or self._session is None:
            return
        try:
            self._deleted = self._session.entries.get(self._current_id)  # kept in memory only, to undo
            self._session.entries.delete(self._current_id)
        except JournalError as exc:
            self.editor.set_status(exc.message)
            return
        self._current_id = None
        self.mark_unsaved(False)
        self.model.reload()
        if self.model.rowCount() > 0:
            self._select_row(0)
        else:
            self.start_new_entry()
        self.editor.set_status(_TEXT["deleted"])
        self.editor.undo_button.setVisible(True)
        self._undo_timer.start()

    def _on_undo_clicked(self) -> None:
        """Bring the deleted entry back as it was (its words, day, time, tags and check-in link)."""
        deleted, self._deleted = self._deleted, None
        self._forget_deleted()
        if deleted is None or self._session is None:
            return
        try:
            back = self._session.entries.add(deleted.text, deleted.title, deleted.date, time=deleted.time,
                                           tags=deleted.tags, checkin_id=deleted.checkin_id)  # fmt: skip
        except JournalError as exc:
            self.editor.set_status(exc.message)
            return
        self.model.reload()
        self._select_row(self.model.row_of(back.id or 0))
        self.editor.set_status(_TEXT["undone"])

    def _forget_deleted(self) -> None:
        self._deleted = None
        self._undo_timer.stop()
        self.editor.undo_button.setVisible(False)
