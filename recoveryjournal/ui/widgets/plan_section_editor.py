"""One crisis-plan section: its title (yours to rename), your words, and people or services to contact."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from recoveryjournal.domain.crisis_plan import Contact, PlanSection, holds_contacts, prompt_for
from recoveryjournal.i18n import N_, Texts, _
from recoveryjournal.ui.widgets.common import cell, cell_text

_TEXT = Texts(
    {
        "title": N_("Section title"),
        "text": N_("In your own words"),
        "contacts": N_("People and numbers"),
        "add": N_("Add someone"),
        "remove": N_("Remove"),
        "headers": [N_("Name"), N_("How to reach (phone, email…)"), N_("When")],
    }
)


class PlanSectionEditor(QWidget):
    """Edits one PlanSection; `changed` fires on every edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._section = PlanSection("", "")
        self._loading = False
        self._setup_ui()

    def set_section(self, section: PlanSection) -> None:
        """Show a section."""
        self._loading = True
        self._section = section
        self.title.setText(_(section.title))
        self.prompt.setText(prompt_for(section.key))
        self.text.setPlainText(section.text)
        self.contacts.setRowCount(0)
        for c in section.contacts:
            self._add_row(c)
        show_contacts = holds_contacts(section.key) or bool(section.contacts)
        for widget in (self.contacts_label, self.contacts, self.add_button, self.remove_button):
            widget.setVisible(show_contacts)
        self._loading = False

    def section(self) -> PlanSection:
        """The section as typed."""
        contacts = []
        for row in range(self.contacts.rowCount()):
            cells = [cell_text(self.contacts, row, col).strip()
                     for col in range(3)]  # fmt: skip
            if any(cells):
                contacts.append(Contact(*cells))
        return replace(self._section, title=self.title.text().strip(), text=self.text.toPlainText(),
                       contacts=tuple(contacts))  # fmt: skip

    def clear(self) -> None:
        """Empty everything (locking)."""
        self.set_section(PlanSection("", ""))

    def _add_row(self, contact: Contact) -> None:
        row = self.contacts.rowCount()
        self.contacts.insertRow(row)
        for col, value in enumerate((contact.name, contact.reach, contact.when)):
            self.contacts.setItem(row, col, QTableWidgetItem(value))

    def _setup_ui(self) -> None:
        self.title = QLineEdit(self)
        self.title.setAccessibleName(_TEXT["title"])
        self.prompt = QLabel(self)
        self.prompt.setWordWrap(True)
        self.prompt.setObjectName("statusLine")
        self.text = QPlainTextEdit(self)
        self.text.setPlaceholderText(_TEXT["text"])
        self.text.setAccessibleName(_TEXT["text"])
        self.contacts_label = QLabel(f"<b>{_TEXT['contacts']}</b>", self)
        self.contacts = QTableWidget(0, 3, self)
        self.contacts.setHorizontalHeaderLabels(_TEXT["headers"])
        self.contacts.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.contacts.verticalHeader().setVisible(False)
        self.contacts.setAccessibleName(_TEXT["contacts"])
        self.add_button, self.remove_button = QPushButton(_TEXT["add"], self), QPushButton(_TEXT["remove"], self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.contacts_label)
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.prompt)
        layout.addWidget(self.text, 2)
        layout.addLayout(buttons)
        layout.addWidget(self.contacts, 1)
        self.title.textEdited.connect(self._on_edited)
        self.text.textChanged.connect(self._on_edited)
        self.contacts.itemChanged.connect(self._on_edited)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)

    def _on_edited(self, *_args: object) -> None:
        if not self._loading:
            self.changed.emit()

    def _on_add_clicked(self) -> None:
        self._add_row(Contact(""))
        self.contacts.setCurrentCell(self.contacts.rowCount() - 1, 0)
        self.contacts.editItem(cell(self.contacts, self.contacts.rowCount() - 1, 0))

    def _on_remove_clicked(self) -> None:
        if self.contacts.currentRow() >= 0:
            self.contacts.removeRow(self.contacts.currentRow())
            self._on_edited()
