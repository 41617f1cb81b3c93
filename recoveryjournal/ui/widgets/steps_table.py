"""The steps of a goal as an editable table: done, what, who does it, their name, by when."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from recoveryjournal.domain.errors import InvalidInput
from recoveryjournal.domain.goals import Step
from recoveryjournal.i18n import N_, _, day
from recoveryjournal.services.repairs import step_date
from recoveryjournal.ui.widgets.common import cell, cell_data, cell_text
from recoveryjournal.ui.widgets.who_cell import put_who_chooser

_HEADERS = [N_("Done"), N_("Step"), N_("Who does it"), N_("Their name"), N_("By when")]
STEP_ID_ROLE = Qt.ItemDataRole.UserRole + 1
UNREADABLE_ROLE = Qt.ItemDataRole.UserRole + 2


class StepsTable(QTableWidget):
    """Edits a list of Step values; `changed` fires on any edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(_HEADERS), parent)
        self.setHorizontalHeaderLabels([_(h) for h in _HEADERS])
        self.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (0, 2, 4):  # "Done", who does it ("A peer supporter") and the date: never cut off
            self.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAccessibleName(_("Steps"))
        self.verticalHeader().setVisible(False)
        self.setMinimumHeight(150)
        date_header = self.horizontalHeaderItem(4)
        if date_header is not None:
            date_header.setToolTip(_("Any date you like, e.g. 14/03/2027 or 14 March 2027; leave empty for none"))
        self.itemChanged.connect(lambda _item: self.changed.emit())

    def set_steps(self, steps: tuple[Step, ...]) -> None:
        """Show these steps."""
        self.blockSignals(True)
        self.setRowCount(0)
        for step in steps:
            self._append(step)
        self.blockSignals(False)

    def add_step(self) -> None:
        """A new empty step for me, ready to type."""
        self._append(Step(None, ""))
        self.setCurrentCell(self.rowCount() - 1, 1)
        self.editItem(cell(self, self.rowCount() - 1, 1))
        self.changed.emit()

    def finish_editing(self) -> None:
        """Take in what is being typed in a cell (Ctrl+S while still typing a step keeps it)."""
        editor = QApplication.focusWidget()
        if self.state() == self.State.EditingState and isinstance(editor, QLineEdit) and self.isAncestorOf(editor):
            self.commitData(editor)
            self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def remove_current(self) -> None:
        """Remove the selected step."""
        row = self.currentRow()
        if row >= 0:
            self.removeRow(row)
            self.changed.emit()

    def steps(self, *, lenient: bool = False, unreadable: list[tuple[int, str, str]] | None = None) -> tuple[Step, ...]:
        """The steps as typed (empty rows left out); InvalidInput for an unreadable date unless `lenient`, or unless
        `unreadable` is given: then that step has no date, and (its place, what was typed, why) is added to it."""
        self.finish_editing()
        result: list[Step] = []
        for row in range(self.rowCount()):
            text = cell_text(self, row, 1).strip()
            if not text:
                continue
            combo = self.cellWidget(row, 2)
            who = combo.currentData() if isinstance(combo, QComboBox) else "me"
            name = cell_text(self, row, 3)
            typed_date = cell_text(self, row, 4).strip()
            try:
                text, target = step_date(text, typed_date, lenient)  # the rule lives in services/repairs.py
            except InvalidInput as exc:
                if unreadable is None:
                    raise
                unreadable.append((len(result), typed_date, exc.message))
                target = None
            done = cell(self, row, 0).checkState() == Qt.CheckState.Checked
            result.append(Step(cell_data(self, row, 1, STEP_ID_ROLE), text, who, name, target, done))
        return tuple(result)

    def mark_unreadable(self, index: int, typed: str, why: str) -> None:
        """Put back a date that couldn't be read, in the step's own cell, marked (the rest is saved)."""
        if not 0 <= index < self.rowCount():
            return
        self.blockSignals(True)
        item = QTableWidgetItem(typed)
        item.setBackground(QColor("#fde2e1"))
        item.setForeground(QColor("#5a1a12"))
        item.setToolTip(why)
        item.setData(UNREADABLE_ROLE, True)
        self.setItem(index, 4, item)
        self.blockSignals(False)

    def marked_rows(self) -> list[int]:
        """Rows whose date is marked as unreadable."""
        return [row for row in range(self.rowCount()) if (item := self.item(row, 4)) and item.data(UNREADABLE_ROLE)]

    def _append(self, step: Step) -> None:
        row = self.rowCount()
        self.insertRow(row)
        done = QTableWidgetItem()
        done.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        done.setCheckState(Qt.CheckState.Checked if step.done else Qt.CheckState.Unchecked)
        self.setItem(row, 0, done)
        text = QTableWidgetItem(step.text)
        text.setData(STEP_ID_ROLE, step.id)
        self.setItem(row, 1, text)
        label = f"{_(_HEADERS[2])}: {step.text}" if step.text else _(_HEADERS[2])
        put_who_chooser(self, row, 2, step.who, label, self.changed.emit)
        self.setItem(row, 3, QTableWidgetItem(step.who_name))
        self.setItem(row, 4, QTableWidgetItem(day(step.target, "short") if step.target else ""))
