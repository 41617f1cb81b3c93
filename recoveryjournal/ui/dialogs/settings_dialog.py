"""Settings: when to lock by itself, whether this computer remembers the passphrase, and (for the open journal)
whether it keeps track of medicines."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPushButton,
    QSpinBox,
    QWidget,
)

from recoveryjournal.domain.errors import JournalError
from recoveryjournal.i18n import LANGUAGES, N_, Texts, spoken_language
from recoveryjournal.services.keyring_service import forget_on_this_computer
from recoveryjournal.services.medicine_service import MedicineService
from recoveryjournal.services.policy import Policy
from recoveryjournal.ui.errors import problem_words
from recoveryjournal.ui.settings import AppSettings
from recoveryjournal.ui.widgets.common import message_line, paragraph, show_message
from recoveryjournal.ui.workers import run_in_background

_TEXT = Texts(
    {
        "window": N_("Settings"),
        "auto_lock": N_("Lock by itself after"),
        "never": N_("Never"),
        "minutes": N_(" minutes without activity"),
        "auto_lock_help": (
            N_(
                "Your journal also locks when the screen locks or the computer goes to sleep, and whenever you press "
                "Ctrl+L."
            )
        ),
        "shared": N_("This is a shared computer, so your journal always locks by itself."),
        "language": N_("Language"),
        "follow_computer": N_("As this computer is set ({language})"),
        "language_help": N_("A new language is used from the next time you open Recovery Journal."),
        "language_shared": N_("On a shared computer the language follows the computer's own setting."),
        "reminder": N_("Remind me to check in"),
        "reminder_off": N_("Never (off)"),
        "reminder_every": N_("every {hours} hours while the app is open"),
        "reminder_help": N_("A quiet question at the top of the window. No sound, no pop-ups."),
        "forget": N_("Forget my passphrase on this computer"),
        "medicines": N_("Keep track of my medicines in this journal"),
        "medicines_help": N_(
            "Off unless you turn it on. Then “My medicines…” is in the Journal menu, your check-in asks “Took my "
            "medicines: all, some or none”, and changes show on your mood chart. Turning it off hides them again; "
            "nothing is removed."
        ),
        "forgotten": N_("This computer no longer remembers your passphrase."),
    }
)


class SettingsDialog(QDialog):
    """Changes apply when the person presses OK."""

    def __init__(
        self,
        settings: AppSettings,
        policy: Policy,
        journal: Path | None,
        remembered: bool,
        parent: QWidget | None = None,
        medicines: MedicineService | None = None,
    ) -> None:
        """`medicines`: the open journal's, when it can be written (the switch belongs to that journal)."""
        super().__init__(parent)
        self._settings, self._policy, self._journal = settings, policy, journal
        self._medicines = medicines
        self.medicines = QCheckBox(_TEXT["medicines"], self)
        self.medicines.setChecked(medicines is not None and medicines.turned_on)
        self.setWindowTitle(_TEXT["window"])
        self.auto_lock = QSpinBox(self)
        self.auto_lock.setRange(0 if policy.may_turn_off_auto_lock else 1, policy.auto_lock_minutes or 240)
        self.auto_lock.setSpecialValueText(_TEXT["never"])
        self.auto_lock.setSuffix(_TEXT["minutes"])
        self.auto_lock.setValue(policy.idle_minutes(max(settings.auto_lock_minutes, self.auto_lock.minimum())))
        self.reminder = QComboBox(self)
        self.reminder.addItem(_TEXT["reminder_off"], 0)
        for hours in (2, 4, 8, 12):
            self.reminder.addItem(_TEXT["reminder_every"].format(hours=hours), hours)
        self.reminder.setCurrentIndex(max(0, self.reminder.findData(settings.checkin_reminder_hours)))
        self.language = QComboBox(self)
        system = LANGUAGES[spoken_language(QLocale.system().name())]
        self.language.addItem(_TEXT["follow_computer"].format(language=system), "")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.language.setEnabled(not policy.leaves_no_traces)
        self.forget_button = QPushButton(_TEXT["forget"], self)
        self.forget_button.setVisible(remembered and journal is not None)
        self.message = message_line(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        form = QFormLayout(self)
        form.addRow(_TEXT["auto_lock"], self.auto_lock)
        form.addRow(paragraph(_TEXT["auto_lock_help"] if policy.may_turn_off_auto_lock else _TEXT["shared"], self))
        form.addRow(_TEXT["language"], self.language)
        help_key = "language_shared" if policy.leaves_no_traces else "language_help"
        form.addRow(paragraph(_TEXT[help_key], self))
        form.addRow(_TEXT["reminder"], self.reminder)
        form.addRow(paragraph(_TEXT["reminder_help"], self))
        if medicines is not None:
            form.addRow(self.medicines)
            form.addRow(paragraph(_TEXT["medicines_help"], self))
        form.addRow(self.forget_button)
        from recoveryjournal.services.cloud_folders import synced_place

        synced = synced_place(journal) if journal is not None else None
        self.synced_note = paragraph(synced.words() if synced is not None else "", self)
        self.synced_note.setVisible(synced is not None)
        form.addRow(self.synced_note)
        form.addRow(self.message)
        form.addRow(buttons)
        buttons.accepted.connect(self._on_ok_clicked)
        buttons.rejected.connect(self.reject)
        self.forget_button.clicked.connect(self._on_forget_clicked)

    def _on_ok_clicked(self) -> None:
        self._settings.auto_lock_minutes = self.auto_lock.value()
        self._settings.checkin_reminder_hours = int(self.reminder.currentData())
        if not self._policy.leaves_no_traces:
            self._settings.language = str(self.language.currentData())
        if self._medicines is not None and self.medicines.isChecked() != self._medicines.turned_on:
            try:
                self._medicines.turn_on(self.medicines.isChecked())
            except JournalError as exc:
                show_message(self.message, exc.message)
                return
        self.accept()

    def _on_forget_clicked(self) -> None:
        journal = self._journal
        if journal is None:
            return
        self.forget_button.setEnabled(False)
        run_in_background(
            lambda: forget_on_this_computer(journal),
            self._on_forgotten,
            lambda exc: show_message(self.message, problem_words(exc)),
            owner=self,
        )

    def _on_forgotten(self, _result: object) -> None:
        show_message(self.message, _TEXT["forgotten"])
        self.forget_button.setVisible(False)
