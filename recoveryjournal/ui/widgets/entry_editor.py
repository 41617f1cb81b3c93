"""Date, optional title and text of one entry. Knows nothing about journals: plain values in and out."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, QStringListModel, Qt, QTime, Signal
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from recoveryjournal.i18n import N_, Texts, _
from recoveryjournal.ui.widgets.common import add_shortcut, date_box

_TEXT = Texts(
    {
        "title_placeholder": N_("Title (if you like)"),
        "body_placeholder": N_("Write whatever you like. Only you can read this."),
        "save": N_("Save"),
        "delete": N_("Delete…"),
        "undo": N_("Undo"),
        "share": N_("Share this entry…"),
        "date": N_("Date"),
        "tags": N_("Tags, separated by commas (if you like)"),
        "link": N_("Check-in:"),
        "no_link": N_("Not linked to a check-in"),
    }
)


class EntryEditor(QWidget):
    """Editing surface; emits `changed` on every edit, `save_requested` and `delete_requested` on the buttons."""

    changed = Signal()
    save_requested = Signal()
    delete_requested = Signal()
    share_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self._writable = True
        self._setup_ui()

    def set_writable(self, writable: bool) -> None:
        """A journal on a read-only place: the words can be read, selected and copied, not changed."""
        self._writable = writable
        for edit in (self.title_edit, self.tags_edit, self.body_edit):
            edit.setReadOnly(not writable)
        for widget in (self.date_edit, self.time_edit, self.save_button):
            widget.setEnabled(writable)
        self.delete_button.setEnabled(writable and self.delete_button.isEnabled())

    # Public -----------------------------------------------------------------------------
    def set_values(
        self,
        date: dt.date,
        title: str,
        text: str,
        *,
        can_delete: bool,
        tags: tuple[str, ...] = (),
        checkins: list[tuple[int, str]] | None = None,
        checkin_id: int | None = None,
        time: dt.time | None = None,
    ) -> None:
        """Show an entry (or an empty new one) without counting it as an edit.

        `checkins` are (id, label) pairs of the day's check-ins the entry may be linked to.
        """
        self._loading = True
        try:
            self.date_edit.setDate(QDate(date.year, date.month, date.day))
            when = time or dt.datetime.now().time()
            self.time_edit.setTime(QTime(when.hour, when.minute))
            self.title_edit.setText(title)
            self.tags_edit.setText(", ".join(tags))
            self.body_edit.setPlainText(text)
            self.body_edit.document().clearUndoRedoStacks()
            self.set_checkin_choices(checkins or [], checkin_id)
        finally:
            self._loading = False
        self.delete_button.setEnabled(can_delete and self._writable)
        self.share_button.setEnabled(can_delete)
        self.set_status("")

    def now_saved(self) -> None:
        """The entry is in the journal now: it can be shared (and deleted, where the journal takes writes)."""
        self.delete_button.setEnabled(self._writable)
        self.share_button.setEnabled(True)

    def set_checkin_choices(self, checkins: list[tuple[int, str]], selected: int | None) -> None:
        """Offer the day's check-ins to link to; the row hides when there are none."""
        was_loading, self._loading = self._loading, True
        self.link_box.clear()
        self.link_box.addItem(_TEXT["no_link"], None)
        for checkin_id, label in checkins:
            self.link_box.addItem(label, checkin_id)
        index = self.link_box.findData(selected) if selected is not None else 0
        self.link_box.setCurrentIndex(max(index, 0))
        self.link_row.setVisible(bool(checkins))
        self._loading = was_loading

    def set_tag_suggestions(self, tags: list[str]) -> None:
        """Tags already in use, offered as you type."""
        self._tag_model.setStringList(tags)

    def values(self) -> tuple[dt.date, str, str]:
        """(date, title, text) as typed."""
        d = self.date_edit.date()
        return dt.date(d.year(), d.month(), d.day()), self.title_edit.text(), self.body_edit.toPlainText()

    def time(self) -> dt.time:
        """The time of day shown beside the date."""
        t = self.time_edit.time()
        return dt.time(t.hour(), t.minute())

    def tags(self) -> list[str]:
        """Tags as typed, split at commas."""
        return [t for t in self.tags_edit.text().split(",") if t.strip()]

    def checkin_id(self) -> int | None:
        """The linked check-in, if any."""
        value = self.link_box.currentData()
        return int(value) if value is not None else None

    def zoom(self, steps: int) -> None:
        """Make the writing text larger (positive) or smaller (negative)."""
        if steps > 0:
            self.body_edit.zoomIn(steps)
        elif steps < 0:
            self.body_edit.zoomOut(-steps)

    def clear_all(self) -> None:
        """Forget everything shown, undo history and suggestions included (used when locking)."""
        self.set_values(dt.date.today(), "", "", can_delete=False)
        self._tag_model.setStringList([])
        self.body_edit.document().clear()
        self.body_edit.document().clearUndoRedoStacks()
        self.title_edit.setModified(False)

    def set_status(self, text: str) -> None:
        """A short line under the buttons: 'Saved', or a kind message."""
        self.status_label.setText(text)

    # UI ---------------------------------------------------------------------------------
    def _setup_ui(self) -> None:
        self.date_edit = date_box(self)
        self.date_edit.setDateRange(QDate(1900, 1, 1), QDate.currentDate().addDays(366))
        self.date_edit.setAccessibleName(_TEXT["date"])
        self.time_edit = QTimeEdit(self)
        self.time_edit.setDisplayFormat(QLocale().timeFormat(QLocale.FormatType.ShortFormat))
        self.time_edit.setAccessibleName(_("Time"))
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(_TEXT["title_placeholder"])
        self.title_edit.setAccessibleName(_TEXT["title_placeholder"])
        title_font = QFont(self.title_edit.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.25)
        self.title_edit.setFont(title_font)
        self.tags_edit = QLineEdit(self)
        self.tags_edit.setPlaceholderText(_TEXT["tags"])
        self.tags_edit.setAccessibleName(_TEXT["tags"])
        self._tag_model = QStringListModel(self)
        completer = QCompleter(self._tag_model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tags_edit.setCompleter(completer)
        self.link_box = QComboBox(self)
        self.link_box.setAccessibleName(_("Linked check-in"))
        self.link_row = QWidget(self)
        link_layout = QHBoxLayout(self.link_row)
        link_layout.setContentsMargins(0, 0, 0, 0)
        link_label = QLabel(_TEXT["link"], self.link_row)
        link_label.setBuddy(self.link_box)
        link_layout.addWidget(link_label)
        link_layout.addWidget(self.link_box, 1)
        self.link_row.setVisible(False)
        self.body_edit = QPlainTextEdit(self)
        self.body_edit.setPlaceholderText(_TEXT["body_placeholder"])
        self.body_edit.setAccessibleName(_("Entry text"))
        self.body_edit.setTabChangesFocus(True)  # Tab moves on, as everywhere else: no keyboard trap
        self.body_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        body_font = QFont(self.body_edit.font())
        body_font.setPointSizeF(body_font.pointSizeF() * 1.15)
        self.body_edit.setFont(body_font)
        self.save_button = QPushButton(_TEXT["save"], self)
        self.save_button.setToolTip(_("Save (Ctrl+S)"))
        add_shortcut(self, [QKeySequence.StandardKey.Save], self.save_requested.emit)
        self.save_button.setObjectName("primaryButton")
        self.delete_button = QPushButton(_TEXT["delete"], self)
        self.share_button = QPushButton(_TEXT["share"], self)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("statusLine")
        self.undo_button = QPushButton(_TEXT["undo"], self)  # shown for a while after an entry is deleted
        self.undo_button.setVisible(False)

        add_shortcut(self, ["Ctrl++", "Ctrl+="], lambda: self.zoom(1))
        add_shortcut(self, ["Ctrl+-"], lambda: self.zoom(-1))
        top = QHBoxLayout()
        top.addWidget(self.date_edit)
        top.addWidget(self.time_edit)
        top.addWidget(self.link_row, 1)
        top.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status_label)
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        buttons.addWidget(self.share_button)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.title_edit)
        layout.addWidget(self.body_edit, 1)
        layout.addWidget(self.tags_edit)
        layout.addLayout(buttons)

        self.date_edit.dateChanged.connect(self._on_edited)
        self.time_edit.timeChanged.connect(self._on_edited)
        self.title_edit.textEdited.connect(self._on_edited)
        self.tags_edit.textEdited.connect(self._on_edited)
        self.link_box.currentIndexChanged.connect(self._on_edited)
        self.body_edit.textChanged.connect(self._on_edited)
        self.save_button.clicked.connect(self.save_requested)
        self.delete_button.clicked.connect(self.delete_requested)
        self.share_button.clicked.connect(self.share_requested)

    def _on_edited(self, *_args: object) -> None:
        if not self._loading:
            self.set_status("")
            self.changed.emit()
