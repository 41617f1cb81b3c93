"""The "who does it" chooser inside a table row (a goal's steps, what was agreed at an appointment)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QTableWidget, QTableWidgetItem

from recoveryjournal.domain.goals import WHO
from recoveryjournal.i18n import _
from recoveryjournal.ui.widgets.common import label_choice


def put_who_chooser(table: QTableWidget, row: int, column: int, who: str, name: str,
                    on_change: Callable[[], None]) -> QComboBox:  # fmt: skip
    """A chooser of who does it in the cell, named for screen readers (`name`, e.g. "Who does it: Walk").

    The cell under it holds the same words: screen readers read a table by its cells and don't see widgets
    placed in them, so without this the choice would be silent there.
    """
    combo = QComboBox(table)
    combo.setAccessibleName(name)
    for key, label in ((k, _(w)) for k, w in WHO.items()):
        combo.addItem(label, key)
    combo.setCurrentIndex(max(0, combo.findData(who)))
    behind = QTableWidgetItem(combo.currentText())
    behind.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    table.setItem(row, column, behind)
    combo.currentTextChanged.connect(behind.setText)
    combo.currentIndexChanged.connect(lambda _i: on_change())
    table.setCellWidget(row, column, combo)
    label_choice(combo, name)
    return combo
