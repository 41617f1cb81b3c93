"""A passphrase box with a Show/Hide button; it never keeps text after `clear()`."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QToolButton, QWidget

from recoveryjournal.i18n import N_, _

_SHOW, _HIDE = N_("Show"), N_("Hide")


class PassphraseField(QWidget):
    """QLineEdit in password mode plus a toggle to see what was typed."""

    returnPressed = Signal()
    textChanged = Signal(str)

    def __init__(self, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setPlaceholderText(placeholder)
        self.edit.setAccessibleName(placeholder)  # the box a screen reader lands on (the focus goes to it)
        self.edit.setMinimumWidth(280)
        self.toggle = QToolButton(self)
        self.toggle.setText(_(_SHOW))
        self.toggle.setCheckable(True)
        self.toggle.setToolTip(_("Show or hide what you typed"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.toggle)
        self.setFocusProxy(self.edit)
        self.toggle.toggled.connect(self._on_toggled)
        self.edit.returnPressed.connect(self.returnPressed)
        self.edit.textChanged.connect(self.textChanged)

    def setAccessibleName(self, name: str) -> None:
        """Name the box itself too: it, not this wrapper, takes the focus and is what a screen reader reads."""
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)

    def text(self) -> str:
        """What was typed."""
        return self.edit.text()

    def setText(self, text: str) -> None:
        """Set the text (tests and paste helpers)."""
        self.edit.setText(text)

    def clear(self) -> None:
        """Forget what was typed, and hide it again."""
        self.edit.clear()
        self.toggle.setChecked(False)

    def _on_toggled(self, shown: bool) -> None:
        self.edit.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        self.toggle.setText(_(_HIDE if shown else _SHOW))
