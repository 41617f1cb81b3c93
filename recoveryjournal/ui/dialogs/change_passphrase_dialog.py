"""Choose a new passphrase, using the current one or the recovery key."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QWidget

from recoveryjournal.domain.passphrase import strength_hint
from recoveryjournal.i18n import N_, Texts
from recoveryjournal.services.journal_parts import ChangesPassphrase
from recoveryjournal.ui.errors import problem_words
from recoveryjournal.ui.widgets.common import message_line, paragraph, show_message
from recoveryjournal.ui.widgets.passphrase_field import PassphraseField
from recoveryjournal.ui.workers import run_in_background

_TEXT = Texts(
    {
        "window": N_("Choose a new passphrase"),
        "intro": (
            N_(
                "Your journal stays exactly as it is; only the passphrase that opens it changes. "
                "Your recovery key keeps working."
            )
        ),
        "after_recovery": (
            N_(
                "You opened your journal with your recovery key. If you like, choose a new passphrase now, "
                "so you can use that next time."
            )
        ),
        "current": N_("Current passphrase"),
        "recovery": N_("Recovery key"),
        "new": N_("New passphrase"),
        "again": N_("Type it again"),
        "mismatch": N_("The two new passphrases aren't the same yet."),
        "working": N_("Changing your passphrase…"),
        "ok": N_("Change passphrase"),
        "later": N_("Not now"),
    }
)


class ChangePassphraseDialog(QDialog):
    """Asks for the current secret and a new passphrase twice; changes it on OK."""

    def __init__(self, session: ChangesPassphrase, *, with_recovery_key: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self._with_recovery_key = with_recovery_key
        self.setWindowTitle(_TEXT["window"])
        self._setup_ui()

    def _setup_ui(self) -> None:
        self.current = PassphraseField(parent=self)
        self.new = PassphraseField(parent=self)
        self.again = PassphraseField(parent=self)
        for field, key in ((self.current, "recovery" if self._with_recovery_key else "current"), (self.new, "new"),
                           (self.again, "again")):  # fmt: skip
            field.setAccessibleName(_TEXT[key])
        self.hint = paragraph(strength_hint("").text, self)
        self.message = message_line(self)
        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton(_TEXT["ok"], QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(_TEXT["later"], QDialogButtonBox.ButtonRole.RejectRole)
        form = QFormLayout(self)
        form.addRow(paragraph(_TEXT["after_recovery" if self._with_recovery_key else "intro"], self))
        form.addRow(_TEXT["recovery" if self._with_recovery_key else "current"], self.current)
        form.addRow(_TEXT["new"], self.new)
        form.addRow("", self.hint)
        form.addRow(_TEXT["again"], self.again)
        form.addRow(self.message)
        form.addRow(self.buttons)
        self.new.textChanged.connect(self._on_changed)
        self.again.textChanged.connect(self._on_changed)
        self.buttons.accepted.connect(self._on_ok_clicked)
        self.buttons.rejected.connect(self.reject)
        self._on_changed()

    def _on_changed(self) -> None:
        self.hint.setText(strength_hint(self.new.text()).text)
        same = self.new.text() == self.again.text()
        show_message(self.message, "" if same or not self.again.text() else _TEXT["mismatch"])
        self.ok_button.setEnabled(bool(self.new.text()) and same)

    def _on_ok_clicked(self) -> None:
        """The key derivation (about a second, twice) runs on a worker; the window stays alive meanwhile."""
        current, new, recovery = self.current.text(), self.new.text(), self._with_recovery_key
        session = self._session
        run_in_background(
            lambda: session.change_passphrase(current, new, current_is_recovery_key=recovery),
            lambda _result: self.accept(),
            lambda exc: show_message(self.message, problem_words(exc)),
            owner=self,
            busy=self._set_busy,
        )

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.current, self.new, self.again, self.ok_button):
            widget.setEnabled(not busy)
        if busy:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            show_message(self.message, _TEXT["working"])
        else:
            QGuiApplication.restoreOverrideCursor()
            show_message(self.message, "")

    def done(self, result: int) -> None:
        """However the dialog closes (OK, Not now, or a lock), nothing typed stays in it."""
        for field in (self.current, self.new, self.again):
            field.clear()
        super().done(result)
