"""What was agreed at an appointment: what, who does it, their name, and whether it became a goal step."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from recoveryjournal.domain.appointments import Agreement
from recoveryjournal.i18n import N_, _
from recoveryjournal.ui.widgets.common import cell_data, cell_text
from recoveryjournal.ui.widgets.who_cell import put_who_chooser

_HEADERS = [N_("What we agreed"), N_("Who does it"), N_("Their name"), N_("Goal step")]
ROLE = Qt.ItemDataRole.UserRole + 1


class AgreementsTable(QTableWidget):
    """Edits Agreement values; `changed` on any edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(_HEADERS), parent)
        self.setHorizontalHeaderLabels([_(h) for h in _HEADERS])
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setVisible(False)
        self.setAccessibleName(_("What we agreed"))
        self.itemChanged.connect(lambda _i: self.changed.emit())

    def set_agreements(self, agreements: tuple[Agreement, ...]) -> None:
        """Show these agreements."""
        self.blockSignals(True)
        self.setRowCount(0)
        for a in agreements:
            self.append(a)
        self.blockSignals(False)

    def append(self, a: Agreement) -> None:
        """Add a row (a new, empty one when `a.text` is empty)."""
        row = self.rowCount()
        self.insertRow(row)
        text = QTableWidgetItem(a.text)
        text.setData(ROLE, a)
        self.setItem(row, 0, text)
        label = f"{_(_HEADERS[1])}: {a.text}" if a.text else _(_HEADERS[1])
        put_who_chooser(self, row, 1, a.who, label, self.changed.emit)
        self.setItem(row, 2, QTableWidgetItem(a.who_name))
        linked = QTableWidgetItem(_("Yes") if a.step_id else "")
        linked.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        self.setItem(row, 3, linked)

    def agreements(self) -> tuple[Agreement, ...]:
        """The agreements as typed; empty rows left out."""
        result = []
        for row in range(self.rowCount()):
            text = cell_text(self, row, 0).strip()
            if not text:
                continue
            old: Agreement = cell_data(self, row, 0, ROLE) or Agreement(None, "")
            combo = self.cellWidget(row, 1)
            who = combo.currentData() if isinstance(combo, QComboBox) else "me"
            name = cell_text(self, row, 2)
            result.append(Agreement(old.id, text, who, name, old.goal_id, old.step_id))
        return tuple(result)

    def current_agreement(self) -> Agreement | None:
        """The agreement in the selected row, as last saved."""
        row = self.currentRow()
        return cell_data(self, row, 0, ROLE) if row >= 0 else None
