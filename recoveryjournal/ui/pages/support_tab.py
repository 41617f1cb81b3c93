"""My support: what support I get or want, from whom, what I think of it, and what I'd change."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from recoveryjournal.domain.support import SupportItem
from recoveryjournal.i18n import N_, Texts, _
from recoveryjournal.services.journal_parts import HasSupport
from recoveryjournal.services.repairs import support_item
from recoveryjournal.ui.pages.journal_tab import JournalTab
from recoveryjournal.ui.widgets.common import (
    add_shortcut,
    cell,
    cell_data,
    cell_text,
    message_line,
    paragraph,
    show_good_news,
    show_message,
)

_TEXT = Texts(
    {
        "intro": N_(
            "The support you get, or would like, in your own words. What you'd change goes on your next "
            "appointment's agenda if you choose. The cost column is only for people who manage a personal budget."
        ),
        "headers": [
            N_("What it is"),
            N_("Who provides it"),
            N_("How often"),
            N_("What I think of it"),
            N_("What I'd like to change"),
            N_("Cost"),
        ],
        "add": N_("Add support"),
        "remove": N_("Remove"),
        "save": N_("Save"),
        "saved": N_("Saved."),
    }
)
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class SupportTab(JournalTab[HasSupport]):
    """A table of support items, saved together."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self._setup_ui()

    def _show_journal(self, session: HasSupport) -> None:
        """Show this journal's support list."""
        self._load()

    def _forget_journal(self) -> None:
        """Forget everything shown (locking)."""
        self.table.setRowCount(0)
        show_message(self.message, "")

    def _save_typed(self, session: HasSupport, lenient: bool) -> None:
        """Save the list (it changed). When locking, a cost that isn't a number is kept in words beside what I
        think of it (services/repairs.py), so nothing typed is lost."""
        items = self._items(lenient)
        kept = {i.id for i in items if i.id is not None}
        for old in session.support.all():
            if old.id not in kept:
                session.support.delete(int(old.id or 0))
        for item in items:
            session.support.save(item)
        self.mark_unsaved(False)
        self._load()

    def _items(self, lenient: bool = False) -> list[SupportItem]:
        items = []
        for row in range(self.table.rowCount()):
            cells = [cell_text(self.table, row, c).strip() for c in range(6)]
            if not any(cells[:5]):
                continue
            item_id = cell_data(self.table, row, 0, ID_ROLE)
            typed = SupportItem(item_id, cells[0], cells[1], cells[2], cells[3], cells[4])
            items.append(support_item(typed, cells[5], lenient))
        return items

    def _load(self) -> None:
        self._loading = True
        self.table.setRowCount(0)
        for item in self._session.support.all() if self._session else []:
            cost = "" if item.cost is None else f"{item.cost:g}"
            self._add_row([item.what, item.provider, item.how_often, item.my_view, item.change_wanted, cost], item.id)
        self._loading = False

    def _add_row(self, values: list[str], item_id: int | None = None) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for col, value in enumerate(values):
            cell = QTableWidgetItem(value)
            if col == 0:
                cell.setData(ID_ROLE, item_id)
            self.table.setItem(row, col, cell)

    def _setup_ui(self) -> None:
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels(_TEXT["headers"])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setAccessibleName(_("My support"))
        self.message = message_line(self)
        add, remove, save = (QPushButton(_TEXT[k], self) for k in ("add", "remove", "save"))
        save.setObjectName("primaryButton")
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        buttons.addWidget(save)
        layout = QVBoxLayout(self)
        layout.addWidget(paragraph(_TEXT["intro"], self))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        add_shortcut(self, [QKeySequence.StandardKey.Save], self._on_save_clicked)
        self.table.itemChanged.connect(self._on_edited)
        add.clicked.connect(self._on_add_clicked)
        remove.clicked.connect(self._on_remove_clicked)
        save.clicked.connect(self._on_save_clicked)

    def _on_edited(self, *_args: object) -> None:
        if not self._loading:
            self.mark_unsaved(True)

    def _on_add_clicked(self) -> None:
        self._add_row([""] * 6)
        self.table.setCurrentCell(self.table.rowCount() - 1, 0)
        self.table.editItem(cell(self.table, self.table.rowCount() - 1, 0))

    def _on_remove_clicked(self) -> None:
        if self.table.currentRow() >= 0:
            self.table.removeRow(self.table.currentRow())
            self.mark_unsaved(True)

    def _on_save_clicked(self) -> None:
        self.mark_unsaved(True)
        if self.save():
            show_good_news(self.message, _TEXT["saved"])
