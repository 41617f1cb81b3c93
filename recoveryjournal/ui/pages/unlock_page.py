"""The locked view: unlock with the passphrase or the recovery key. Shows no journal content."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QWidget

from recoveryjournal.i18n import N_, Texts, _
from recoveryjournal.ui.widgets.common import (
    centered_column,
    end_column,
    heading,
    message_line,
    paragraph,
    show_message,
)
from recoveryjournal.ui.widgets.passphrase_field import PassphraseField

_TEXT = Texts(
    {
        "title": N_("Your journal is locked"),
        "prompt_passphrase": N_("Type your passphrase to open it."),
        "prompt_recovery": (
            N_("Type your recovery key (the 32 letters and numbers you wrote down). Capitals and dashes don't matter.")
        ),
        "placeholder_passphrase": N_("Passphrase"),
        "placeholder_recovery": N_("Recovery key, e.g. 7K2M-…"),
        "unlock": N_("Unlock"),
        "unlocking": N_("Unlocking…"),
        "use_recovery": N_("I forgot my passphrase: use my recovery key"),
        "use_passphrase": N_("Use my passphrase instead"),
        "other": N_("Open a different journal…"),
        "new": N_("Create a new journal…"),
        "remember": N_("Remember my passphrase on this computer"),
        "remember_tip": N_("Only on a computer that is yours alone. You can turn it off again in Settings."),
        "journal": N_("Journal: {name}"),
        "restore": N_("Restore from a backup…"),
    }
)


class UnlockPage(QWidget):
    """Asks for a secret and emits `unlock_requested(secret, is_recovery_key)`."""

    unlock_requested = Signal(str, bool)
    open_other_requested = Signal()
    create_requested = Signal()
    restore_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._recovery_mode = False
        self._remember_available = False
        self._setup_ui()
        self._apply_mode()

    # Public -----------------------------------------------------------------------------
    def set_journal(self, path: Path, hint: str = "") -> None:
        """Which journal this screen unlocks; `hint` is an extra line (e.g. the demo passphrase)."""
        from recoveryjournal.services.locations import DEMO_NAME, demo_journal_path

        # The demo's folder has one name in every language; the screen says it in the person's own.
        name = _(DEMO_NAME) if path == demo_journal_path() else path.name.removesuffix(".rjournal")
        self.journal_label.setText(_TEXT["journal"].format(name=name))
        self.journal_label.setToolTip(str(path))
        show_message(self.hint_label, hint)
        self.reset()

    def reset(self) -> None:
        """Empty the field, clear messages, back to passphrase mode."""
        self._recovery_mode = False
        self._apply_mode()
        self.set_busy(False)
        show_message(self.error_label, "")
        self.restore_button.setVisible(False)

    def show_error(self, text: str, offer_restore: bool = False) -> None:
        """Show a kind message and let the person try again (or, for a damaged journal, restore a backup)."""
        self.set_busy(False)
        self.secret_field.clear()
        show_message(self.error_label, text)
        self.restore_button.setVisible(offer_restore)
        self.secret_field.setFocus()

    def set_busy(self, busy: bool) -> None:
        """While the key is derived (about a second), say so and avoid double clicks."""
        self.unlock_button.setEnabled(not busy)
        self.secret_field.setEnabled(not busy)
        self.unlock_button.setText(_TEXT["unlocking"] if busy else _TEXT["unlock"])

    def set_remember_available(self, available: bool) -> None:
        """Offer 'remember my passphrase' only where a working keyring exists and policy allows it."""
        self._remember_available = available
        self.remember_box.setVisible(available and not self._recovery_mode)

    @property
    def remember_requested(self) -> bool:
        """The person ticked 'remember my passphrase'."""
        return self.remember_box.isVisible() and self.remember_box.isChecked()

    def focus_secret(self) -> None:
        """Put the cursor in the passphrase box."""
        self.secret_field.setFocus()

    # UI ---------------------------------------------------------------------------------
    def _setup_ui(self) -> None:
        self.title_label = heading(_TEXT["title"], self)
        self.journal_label = QLabel(self)
        self.prompt_label = paragraph("", self)
        self.secret_field = PassphraseField(parent=self)
        self.unlock_button = QPushButton(_TEXT["unlock"], self)
        self.unlock_button.setDefault(True)
        self.unlock_button.setObjectName("primaryButton")
        self.remember_box = QCheckBox(_TEXT["remember"], self)
        self.remember_box.setToolTip(_TEXT["remember_tip"])
        self.remember_box.setVisible(False)
        self.error_label = message_line(self)
        self.hint_label = message_line(self, "hintLine")
        self.mode_button = QPushButton(self)
        self.mode_button.setFlat(True)
        self.other_button = QPushButton(_TEXT["other"], self)
        self.other_button.setFlat(True)
        self.new_button = QPushButton(_TEXT["new"], self)
        self.new_button.setFlat(True)
        self.restore_button = QPushButton(_TEXT["restore"], self)
        self.restore_button.setVisible(False)

        row = QHBoxLayout()
        row.addWidget(self.secret_field, 1)
        row.addWidget(self.unlock_button)
        inner = centered_column(self, 560)
        for widget in (self.title_label, self.journal_label, self.hint_label, self.prompt_label):
            inner.addWidget(widget)
        inner.addLayout(row)
        inner.addWidget(self.remember_box)
        inner.addWidget(self.error_label)
        inner.addWidget(self.restore_button, 0, Qt.AlignmentFlag.AlignLeft)
        for button in (self.mode_button, self.other_button, self.new_button):
            inner.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        end_column(inner)

        self.unlock_button.clicked.connect(self._on_unlock_clicked)
        self.restore_button.clicked.connect(self.restore_requested)
        self.secret_field.returnPressed.connect(self._on_unlock_clicked)
        self.mode_button.clicked.connect(self._on_mode_clicked)
        self.other_button.clicked.connect(self.open_other_requested)
        self.new_button.clicked.connect(self.create_requested)

    def _apply_mode(self) -> None:
        recovery = self._recovery_mode
        self.prompt_label.setText(_TEXT["prompt_recovery" if recovery else "prompt_passphrase"])
        self.secret_field.edit.setPlaceholderText(
            _TEXT["placeholder_recovery" if recovery else "placeholder_passphrase"]
        )
        self.secret_field.edit.setAccessibleName(
            _TEXT["placeholder_recovery" if recovery else "placeholder_passphrase"]
        )
        self.mode_button.setText(_TEXT["use_passphrase" if recovery else "use_recovery"])
        self.remember_box.setVisible(self._remember_available and not recovery)
        self.remember_box.setChecked(False)
        self.secret_field.clear()

    def _on_mode_clicked(self) -> None:
        self._recovery_mode = not self._recovery_mode
        self._apply_mode()
        show_message(self.error_label, "")
        self.secret_field.setFocus()

    def _on_unlock_clicked(self) -> None:
        secret = self.secret_field.text()
        if not secret:
            show_message(self.error_label, _("Type your passphrase first, then press Unlock."))
            return
        self.set_busy(True)
        show_message(self.error_label, "")
        self.unlock_requested.emit(secret, self._recovery_mode)
        self.secret_field.clear()
