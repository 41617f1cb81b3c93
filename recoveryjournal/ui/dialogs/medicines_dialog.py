"""My medicines, in my own words: what I take and since when, and each change or stop with its date and why."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from recoveryjournal.domain.errors import JournalError
from recoveryjournal.domain.medicines import Medicine, change_line, first_line
from recoveryjournal.i18n import N_, Texts, day
from recoveryjournal.services.journal_parts import HasMedicines
from recoveryjournal.ui.widgets.common import date_box, message_line, paragraph, show_good_news, show_message
from recoveryjournal.ui.widgets.screen_fit import fit_to_screen

_TEXT = Texts(
    {
        "window": N_("My medicines"),
        "intro": N_(
            "Only if you want it: a short list in your own words. Changes show as small marked lines on your mood "
            "chart, and nothing here is shared unless you tick “My medicines” when you share."
        ),
        "list": N_("My medicines and their changes"),
        "name": N_("Name"),
        "what": N_("What I take"),
        "since": N_("Since"),
        "add_box": N_("Add a medicine"),
        "add": N_("Add"),
        "change_box": N_("A change to the medicine chosen above"),
        "on": N_("From"),
        "new_what": N_("What I take from then"),
        "why": N_("Why (if you like)"),
        "change": N_("Note this change"),
        "stop": N_("I stopped taking it"),
        "remove": N_("Remove (added by mistake)"),
        "sure": N_("Press “Remove” again to remove {name} and its changes from your journal."),
        "sure_change": N_("Press “Remove” again to remove the change of {day} from your journal."),
        "choose": N_("Choose a medicine in the list first."),
        "noted": N_("Noted."),
        "headers": [N_("Medicine"), N_("What I take"), N_("Since"), N_("Why")],
        "stop_word": N_("stopped"),
    }
)

_ID = Qt.ItemDataRole.UserRole
_CHANGE = Qt.ItemDataRole.UserRole + 1


def _pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class MedicinesDialog(QDialog):
    """Each change is saved as it is made (nothing waits for a final OK)."""

    def __init__(self, session: HasMedicines, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._armed: tuple[str, int] | None = None
        self.setWindowTitle(_TEXT["window"])
        fit_to_screen(self, 820, 560)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels(_TEXT["headers"])
        self.tree.setAccessibleName(_TEXT["list"])
        self.tree.setColumnWidth(0, 200)
        self.tree.setColumnWidth(1, 220)
        self.tree.setColumnWidth(2, 130)
        self.tree.setWordWrap(True)  # a long "why" is shown whole
        today = QDate.currentDate()
        self.name, self.what = QLineEdit(self), QLineEdit(self)
        self.since = date_box(self, today)
        for edit, key in ((self.name, "name"), (self.what, "what"), (self.since, "since")):
            edit.setAccessibleName(_TEXT[key])
        self.add_button = QPushButton(_TEXT["add"], self)
        add_box = QGroupBox(_TEXT["add_box"], self)
        add_form = QFormLayout(add_box)
        add_form.addRow(_TEXT["name"], self.name)
        add_form.addRow(_TEXT["what"], self.what)
        add_form.addRow(_TEXT["since"], self.since)
        add_form.addRow(self.add_button)
        self.on, self.new_what, self.why = date_box(self, today), QLineEdit(self), QLineEdit(self)
        for edit, key in ((self.on, "on"), (self.new_what, "new_what"), (self.why, "why")):
            edit.setAccessibleName(_TEXT[key])
        self.change_button, self.stop_button = QPushButton(_TEXT["change"], self), QPushButton(_TEXT["stop"], self)
        self.remove_button = QPushButton(_TEXT["remove"], self)
        change_box = QGroupBox(_TEXT["change_box"], self)
        change_form = QFormLayout(change_box)
        change_form.addRow(_TEXT["on"], self.on)
        change_form.addRow(_TEXT["new_what"], self.new_what)
        change_form.addRow(_TEXT["why"], self.why)
        row = QHBoxLayout()
        row.addWidget(self.change_button)
        row.addWidget(self.stop_button)
        row.addStretch(1)
        row.addWidget(self.remove_button)
        change_form.addRow(row)
        self.message = message_line(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        boxes = QHBoxLayout()
        boxes.addWidget(add_box)
        boxes.addWidget(change_box)
        layout = QVBoxLayout(self)
        layout.addWidget(paragraph(_TEXT["intro"], self))
        layout.addWidget(self.tree, 1)
        layout.addLayout(boxes)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        buttons.rejected.connect(self.reject)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.change_button.clicked.connect(lambda: self._on_change_clicked("change"))
        self.stop_button.clicked.connect(lambda: self._on_change_clicked("stop"))
        self.remove_button.clicked.connect(self._on_remove_clicked)
        self._show()

    def _show(self, select: int | None = None) -> None:
        self._armed = None
        self.tree.clear()
        for m in self._session.medicines.all():
            # What I take now first; under it how it went, oldest first (how it started, then each change).
            since = day(m.now_since) if m.now_since else ""
            now = _TEXT["stop_word"] if m.stopped else m.now
            top = QTreeWidgetItem(self.tree, [m.name, now, since, ""])
            top.setData(0, _ID, m.id)
            if m.changes and m.since:
                first = QTreeWidgetItem(top, [day(m.since), first_line(m), "", ""])
                first.setData(0, _ID, m.id)
            for c in m.changes:
                what = _TEXT["stop_word"] if c.kind == "stop" else c.what_i_take
                child = QTreeWidgetItem(top, [day(c.date), what, "", c.why])
                child.setData(0, _ID, m.id)
                child.setData(0, _CHANGE, c.id)
                for column in range(4):  # the whole of it on hovering, and for screen readers
                    child.setToolTip(column, f"{day(c.date)}: {change_line(m, c)}")
            top.setExpanded(True)
            if m.id == select:
                self.tree.setCurrentItem(top)

    def _chosen(self) -> int | None:
        item = self.tree.currentItem()
        return None if item is None else int(item.data(0, _ID))

    def _do(self, action: object, select: int | None) -> bool:
        try:
            result = action() if callable(action) else None
        except JournalError as exc:
            show_message(self.message, exc.message)
            return False
        if isinstance(result, Medicine):
            select = result.id
        self._show(select)
        show_good_news(self.message, _TEXT["noted"])
        return True

    def _on_add_clicked(self) -> None:
        meds = self._session.medicines
        if self._do(lambda: meds.add(self.name.text(), self.what.text(), _pydate(self.since.date())), None):
            self.name.clear()
            self.what.clear()

    def _on_change_clicked(self, kind: str) -> None:
        chosen = self._chosen()
        if chosen is None:
            show_message(self.message, _TEXT["choose"])
            return
        meds = self._session.medicines
        what = self.new_what.text() if kind == "change" else ""
        if self._do(lambda: meds.note_change(chosen, _pydate(self.on.date()), kind, what, self.why.text()), chosen):
            self.new_what.clear()
            self.why.clear()

    def _on_remove_clicked(self) -> None:
        """A medicine, or one change of it (whichever row is chosen). Asks once in words ("press Remove again"),
        then removes: nothing is lost by one stray click."""
        item = self.tree.currentItem()
        if item is None:
            show_message(self.message, _TEXT["choose"])
            return
        parent = item.parent()
        if parent is not None and item.data(0, _CHANGE) is None:
            item = parent  # "started …" is the medicine itself
        medicine_id, change_id = int(item.data(0, _ID)), item.data(0, _CHANGE)
        target = ("change", int(change_id)) if change_id is not None else ("medicine", medicine_id)
        if self._armed != target:
            self._armed = target
            words = (_TEXT["sure_change"].format(day=item.text(0)) if change_id is not None
                     else _TEXT["sure"].format(name=f"“{item.text(0)}”"))  # fmt: skip
            show_message(self.message, words)
            return
        meds = self._session.medicines
        if change_id is not None:
            self._do(lambda: meds.delete_change(int(change_id)), medicine_id)
        else:
            self._do(lambda: meds.delete(medicine_id), None)
