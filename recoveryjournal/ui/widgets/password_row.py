"""Protecting a shared PDF with a password: the tick box, then the password large (five plain words suggested,
or the person's own), Copy (emptied from the clipboard by itself), Other words, and "I have the password" once a
protected file was saved; the hint under it says to write it down and tell it apart from the file."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from recoveryjournal.i18n import N_, Texts
from recoveryjournal.services.pdf_protection import suggest_password
from recoveryjournal.ui.safety.lock_sweep import BriefCopy
from recoveryjournal.ui.widgets.common import paragraph

_TEXT = Texts(
    {
        "protect": N_("Protect it with a password (for sending by e-mail)"),
        "password": N_("Password for the file"),
        "other_words": N_("Other words"),
        "copy_password": N_("Copy"),
        "have_it": N_("I have the password"),
        "have_it_tip": N_("The app doesn't keep the password: it goes from the window when you say you have it"),
        "password_hint": N_(
            "Write the password down now: the app doesn't keep it. Tell it to them by phone or in person, not in "
            "the same e-mail as the file. You can type your own instead (8 to 32 characters)."
        ),
    }
)


class PasswordRow(QWidget):
    """`password()` is the password while protecting is ticked, else None; `copied` after Copy."""

    copied = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.protect_box = QCheckBox(_TEXT["protect"], self)
        self.password_edit = QLineEdit(self)
        self.password_edit.setAccessibleName(_TEXT["password"])
        self.password_edit.setMaxLength(32)
        big = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)  # large, and 0/O, 1/l told apart
        big.setPointSizeF(big.pointSizeF() * 1.4)
        big.setBold(True)
        self.password_edit.setFont(big)
        # Room for the longest password (32 characters) whole, on a line of its own under the tick box.
        self.password_edit.setMinimumWidth(self.password_edit.fontMetrics().horizontalAdvance("m" * 33) + 12)
        self.other_words = QPushButton(_TEXT["other_words"], self)
        self.copy_button = QPushButton(_TEXT["copy_password"], self)
        self.have_it_button = QPushButton(_TEXT["have_it"], self)
        self.have_it_button.setToolTip(_TEXT["have_it_tip"])
        self.hint = paragraph(_TEXT["password_hint"], self)
        self.brief_copy = BriefCopy(self)
        row = QHBoxLayout()
        for widget in (self.password_edit, self.copy_button, self.other_words, self.have_it_button):
            row.addWidget(widget)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.protect_box)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        self.protect_box.toggled.connect(self._on_protect_toggled)
        self.other_words.clicked.connect(lambda: self.password_edit.setText(suggest_password()))
        self.copy_button.clicked.connect(self._on_copy_clicked)
        self.have_it_button.clicked.connect(lambda: self.protect_box.setChecked(False))
        self._on_protect_toggled(False)

    def password(self) -> str | None:
        """The password to protect with, or None when not protecting."""
        return self.password_edit.text().strip() if self.protect_box.isChecked() else None

    def saved_protected(self) -> None:
        """A protected file was saved: the password stays until the person says they have it."""
        self.have_it_button.show()

    def forget(self) -> None:
        """Not protecting: the password goes from the window (and the clipboard, if it is still there)."""
        self.protect_box.setChecked(False)
        self.brief_copy.forget()

    def _on_protect_toggled(self, on: bool) -> None:
        """A suggested password appears only while protecting is chosen, and is forgotten when it isn't."""
        self.brief_copy.forget()
        self.password_edit.setText(suggest_password() if on else "")
        for widget in (self.password_edit, self.other_words, self.copy_button, self.hint):
            widget.setVisible(on)
        self.have_it_button.hide()

    def _on_copy_clicked(self) -> None:
        self.brief_copy.copy(self.password_edit.text().strip())
        self.copied.emit()
