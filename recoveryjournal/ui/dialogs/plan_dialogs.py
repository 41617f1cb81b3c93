"""Dialogs around the crisis plan: earlier versions, the wallet card, and the plan at a glance (F1)."""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from recoveryjournal.domain.crisis_plan import PlanSection, dialable
from recoveryjournal.i18n import _, clock, day
from recoveryjournal.services.journal_parts import HasPlan
from recoveryjournal.services.plan_documents import EMPTY_PLAN, wallet_card
from recoveryjournal.ui.export.save_pdf import ask_and_save_pdf
from recoveryjournal.ui.safety.lock_sweep import copy_to_clipboard
from recoveryjournal.ui.widgets.common import heading, message_line, paragraph, show_message
from recoveryjournal.ui.widgets.screen_fit import fit_to_screen


class PlanVersionsDialog(QDialog):
    """Every saved version, newest first; choose one to see what changed since the one before it."""

    def __init__(self, session: HasPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Earlier versions of my plan"))
        fit_to_screen(self, 640, 460)
        self._session = session
        self._versions = session.plan.versions()
        self.list = QListWidget(self)
        for _id, when in self._versions:
            self.list.addItem(_("Saved {day} at {time}").format(day=day(when.date(), "full"), time=clock(when.time())))
        self.list.setAccessibleName(_("Earlier versions of my plan"))
        self.changes = QPlainTextEdit(self)
        self.changes.setReadOnly(True)
        self.changes.setAccessibleName(_("What changed in this version"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(QLabel(_("What changed in this version (+ added, − taken out):"), self))
        layout.addWidget(self.changes, 2)
        layout.addWidget(close)
        close.rejected.connect(self.reject)
        self.list.currentRowChanged.connect(self._on_chosen)
        if self._versions:
            self.list.setCurrentRow(0)

    def _on_chosen(self, row: int) -> None:
        if not 0 <= row < len(self._versions):
            return
        if row + 1 < len(self._versions):
            lines = self._session.plan.changes(self._versions[row + 1][0], self._versions[row][0])
            self.changes.setPlainText("\n".join(lines) or _("No changes in the words."))
        else:
            self.changes.setPlainText(_("This is the first version you saved."))

    def done(self, result: int) -> None:
        """Nothing of the plan stays in the dialog once it closes."""
        self.changes.clear()
        self.list.clear()
        super().done(result)


class WalletCardDialog(QDialog):
    """Choose which contacts go on a bank-card-sized card, and a few first steps in your words."""

    def __init__(self, sections: list[PlanSection], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Wallet card"))
        self._sections = sections
        self.boxes = {s.key: QCheckBox(s.title, self) for s in sections if s.contacts and not s.skipped}
        for box in self.boxes.values():
            box.setChecked(True)
        self.first_steps = QPlainTextEdit(self)
        self.first_steps.setPlaceholderText(
            _("First steps, in a few words (for example: Breathe. Make tea. Ring Sam.)")
        )
        self.first_steps.setMaximumHeight(70)
        self.first_steps.setAccessibleName(_("First steps, in a few words"))
        self.message = message_line(self)
        buttons = QDialogButtonBox(self)
        save = buttons.addButton(_("Save card as PDF…"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(
            paragraph(_("A small card to keep in your wallet or phone case. Choose what goes on it."), self)
        )
        for box in self.boxes.values():
            layout.addWidget(box)
        if not self.boxes:
            layout.addWidget(
                paragraph(_("Your plan has no contacts yet. Add people or services in the plan first."), self)
            )
        layout.addWidget(self.first_steps)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        save.clicked.connect(self._on_save_clicked)
        buttons.rejected.connect(self.reject)

    def document(self) -> object:
        """The card as it will be written."""
        chosen = [key for key, box in self.boxes.items() if box.isChecked()]
        return wallet_card(self._sections, chosen, self.first_steps.toPlainText())

    def _on_save_clicked(self) -> None:
        show_message(self.message, ask_and_save_pdf(self, self.document(), _("Wallet card")))  # type: ignore[arg-type]


class PlanAtAGlance(QDialog):
    """The plan, large and readable, with a Copy button beside every number. Opens with F1."""

    def __init__(self, sections: list[PlanSection], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("My crisis plan"))
        fit_to_screen(self, 720, 640)
        content = QWidget(self)
        grid = QVBoxLayout(content)
        shown = [s for s in sections if not s.skipped and not s.is_empty]
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.25)
        self.copy_buttons: list[QPushButton] = []
        if not shown:
            grid.addWidget(paragraph(_(EMPTY_PLAN), content))
        for s in shown:
            grid.addWidget(heading(s.title, content, scale=1.3))
            if s.text.strip():
                label = paragraph(s.text.strip(), content)
                label.setFont(big)
                grid.addWidget(label)
            rows = QGridLayout()
            for row, c in enumerate(s.contacts):
                text = f"<b>{escape(c.name)}</b>  {escape(c.reach)}" + (
                    f"  <i>({escape(c.when)})</i>" if c.when else ""
                )
                name = QLabel(text, content)
                name.setFont(big)
                rows.addWidget(name, row, 0)
                number = dialable(c.reach)
                if number:
                    button = QPushButton(_("Copy {what}").format(what=c.reach.strip()), content)
                    button.setAccessibleName(_("Copy the number for {name}").format(name=c.name))
                    button.clicked.connect(lambda _c=False, n=number, b=button: self._copy(n, b))
                    rows.addWidget(button, row, 1)
                    self.copy_buttons.append(button)
            grid.addLayout(rows)
        grid.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(close)
        close.rejected.connect(self.reject)

    @staticmethod
    def _copy(number: str, button: QPushButton) -> None:
        copy_to_clipboard(number)
        button.setText(_("Copied {number}").format(number=number))
