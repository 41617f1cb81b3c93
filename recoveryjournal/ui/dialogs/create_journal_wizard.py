"""First run: where the journal lives, a passphrase, and the one-time recovery key."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from recoveryjournal.domain.errors import JournalError
from recoveryjournal.domain.file_names import safe_stem
from recoveryjournal.domain.passphrase import strength_hint
from recoveryjournal.i18n import N_, Texts, _
from recoveryjournal.services.destinations import check_place_for_journal, plugged_in_stick
from recoveryjournal.services.journal_service import JournalSession, create_journal
from recoveryjournal.services.locations import new_journal_folder
from recoveryjournal.services.policy import Policy, load_policy
from recoveryjournal.ui.dialogs.recovery_key_page import RecoveryKeyPage
from recoveryjournal.ui.errors import problem_words
from recoveryjournal.ui.widgets.common import message_line, paragraph, show_message
from recoveryjournal.ui.widgets.file_dialogs import choose_folder
from recoveryjournal.ui.widgets.passphrase_field import PassphraseField
from recoveryjournal.ui.widgets.screen_fit import fit_to_screen
from recoveryjournal.ui.workers import run_in_background

_TEXT = Texts(
    {
        "window": N_("Create your journal"),
        "where_title": N_("Where should your journal live?"),
        "where_sub": (
            N_(
                "Your journal is one folder. It can live on this computer or on a USB stick, and you can copy it "
                "anywhere: it stays locked wherever it goes."
            )
        ),
        "where_sub_shared": N_(
            "On this shared computer your journal lives on your own USB stick, so it goes with you and nothing "
            "of it stays here. It stays locked wherever it goes."
        ),
        "plug_in": N_("Plug in your USB stick. It will be chosen here as soon as it appears, or use Choose…"),
        "name": N_("Name"),
        "folder": N_("Folder"),
        "choose": N_("Choose…"),
        "default_name": N_("My journal"),
        "name_tip": N_(
            "Anyone who can see this computer's files may see this name, so pick one you're comfortable with."
        ),
        "exists": N_("There's already something called that in this folder. Please choose another name."),
        "pass_title": N_("Choose a passphrase"),
        "pass_sub": (
            N_(
                "Your passphrase locks your journal. A few unrelated words you'll remember work well, like "
                "“kettle river purple Tuesday”. It's your choice: this is a hint, not a rule."
            )
        ),
        "pass": N_("Passphrase"),
        "again": N_("Type it again"),
        "mismatch": N_("The two passphrases aren't the same yet."),
        "creating": N_("Making your journal… this takes a few seconds."),
    }
)


class _WherePage(QWizardPage):
    def __init__(self, policy: Policy) -> None:
        super().__init__()
        self.setTitle(_TEXT["where_title"])
        self._policy = policy
        self.setSubTitle(_TEXT["where_sub_shared"] if policy.shared_pc else _TEXT["where_sub"])
        self.name_edit = QLineEdit(_TEXT["default_name"], self)
        self.name_edit.setToolTip(_TEXT["name_tip"])
        self.folder_edit = QLineEdit(self)
        self.folder_edit.setAccessibleName(_TEXT["folder"])
        choose = QPushButton(_TEXT["choose"], self)
        self.message = message_line(self)
        self.synced_note = message_line(self, "hintLine")
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(choose)
        form = QFormLayout()
        form.addRow(_TEXT["name"], self.name_edit)
        form.addRow(_TEXT["folder"], folder_row)
        form.addRow(paragraph(_TEXT["name_tip"], self))
        page = QVBoxLayout(self)
        page.addLayout(form)
        page.addWidget(self.message)  # outside the form, where a long sentence wraps whole rather than cut off
        page.addWidget(self.synced_note)
        page.addStretch(1)
        choose.clicked.connect(self._on_choose_clicked)
        self.name_edit.textChanged.connect(self.completeChanged)
        self.folder_edit.textChanged.connect(self.completeChanged)
        self.folder_edit.textChanged.connect(self._tell_if_synced)
        for edit in (self.name_edit, self.folder_edit):  # Return in either box moves on, as Next does
            edit.returnPressed.connect(self._on_return_pressed)
        # On a shared PC with no stick yet: say so, and fill the folder in when one appears.
        self._stick_watch = QTimer(self)
        self._stick_watch.setInterval(1500)
        self._stick_watch.timeout.connect(self._suggest_folder)
        self._suggest_folder()

    def _suggest_folder(self) -> None:
        if self.folder_edit.text().strip():
            self._stick_watch.stop()
            return
        stick = plugged_in_stick() if self._policy.shared_pc else None
        if self._policy.shared_pc and stick is None:
            show_message(self.message, _TEXT["plug_in"], calm=True)
            self._stick_watch.start()
            return
        self.folder_edit.setText(str(new_journal_folder(self._policy.shared_pc, stick)))
        if self._policy.shared_pc:
            show_message(self.message, "")
        self._stick_watch.stop()

    def _tell_if_synced(self, text: str) -> None:
        """A folder a sync service copies elsewhere (OneDrive, Dropbox…): say what that means, in plain words."""
        from recoveryjournal.services.cloud_folders import synced_place

        place = synced_place(Path(text.strip()).expanduser()) if text.strip() else None
        show_message(self.synced_note, place.words() if place is not None else "", calm=True)

    def _on_return_pressed(self) -> None:
        wizard = self.wizard()
        if wizard is not None and self.isComplete():
            wizard.next()

    def target(self) -> Path:
        """The journal folder that will be made."""
        name = safe_stem(self.name_edit.text().strip().replace("/", "-").replace("\\", "-"), _TEXT["default_name"])
        return Path(self.folder_edit.text().strip()).expanduser() / f"{name}.rjournal"

    def isComplete(self) -> bool:
        return bool(self.name_edit.text().strip() and self.folder_edit.text().strip())

    def validatePage(self) -> bool:
        if self.target().exists():
            show_message(self.message, _TEXT["exists"])
            self._fix_here(self.name_edit)
            return False
        wizard = self.wizard()
        try:
            if isinstance(wizard, CreateJournalWizard):
                check_place_for_journal(self.target().parent, wizard.policy)
        except JournalError as exc:
            show_message(self.message, exc.message)
            self._fix_here(self.folder_edit)
            return False
        show_message(self.message, "")
        return True

    @staticmethod
    def _fix_here(edit: QLineEdit) -> None:
        """The page didn't move on: the cursor goes to the end of what needs changing, beside the whole sentence
        that says why, so it is plain that this page is still waiting."""
        edit.setFocus()
        edit.end(False)

    def _on_choose_clicked(self) -> None:
        folder = choose_folder(self, _TEXT["folder"], self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)


class _PassphrasePage(QWizardPage):
    def __init__(self, wizard: CreateJournalWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self._creating = False
        self.setTitle(_TEXT["pass_title"])
        self.setSubTitle(_TEXT["pass_sub"])
        self.setCommitPage(True)  # after this, the journal exists: no going back
        self.setButtonText(QWizard.WizardButton.CommitButton, _("Create my journal"))
        self.first = PassphraseField(_TEXT["pass"], self)
        self.second = PassphraseField(_TEXT["again"], self)
        self.meter = QProgressBar(self)
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.meter.setMaximumHeight(8)
        self.meter.setAccessibleName(_("Passphrase strength"))
        self.hint = paragraph(strength_hint("").text, self)
        # Room for the longest hint (two lines) from the start, so the box below never jumps as it changes.
        self.hint.setMinimumHeight(max(self.hint.heightForWidth(360), 3 * self.hint.fontMetrics().lineSpacing()))
        self.message = message_line(self)
        form = QFormLayout(self)
        form.addRow(_TEXT["pass"], self.first)
        form.addRow("", self.meter)
        form.addRow("", self.hint)
        form.addRow(_TEXT["again"], self.second)
        form.addRow(self.message)
        self.first.textChanged.connect(self._on_changed)
        self.second.textChanged.connect(self._on_changed)

    def isComplete(self) -> bool:
        return bool(self.first.text()) and self.first.text() == self.second.text()

    def validatePage(self) -> bool:
        """The journal is made on a worker (measuring the key derivation, then wrapping the key twice: seconds);
        the window stays alive meanwhile, and the wizard moves on by itself when it is done."""
        if self._wizard.session is not None:
            self.first.clear()
            self.second.clear()
            return True
        if not self._creating:
            self._wizard.make_journal(self.first.text(), self._set_busy, self._on_failed)
        return False

    def _on_failed(self, exc: Exception) -> None:
        show_message(self.message, problem_words(exc))

    def _set_busy(self, busy: bool) -> None:
        self._creating = busy
        for widget in (self.first, self.second):
            widget.setEnabled(not busy)
        for button in (QWizard.WizardButton.CommitButton, QWizard.WizardButton.CancelButton):
            self._wizard.button(button).setEnabled(not busy)
        if busy:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            show_message(self.message, _TEXT["creating"])
        else:
            QGuiApplication.restoreOverrideCursor()
            show_message(self.message, "")

    def _on_changed(self) -> None:
        hint = strength_hint(self.first.text())
        self.meter.setValue(hint.score)
        self.hint.setText(hint.text)
        both = self.first.text() and self.second.text()
        show_message(self.message, _TEXT["mismatch"] if both and self.first.text() != self.second.text() else "")
        self.completeChanged.emit()


class CreateJournalWizard(QWizard):
    """After it finishes, `session` is the new, unlocked journal."""

    def __init__(self, parent: QWidget | None = None, policy: Policy | None = None) -> None:
        super().__init__(parent)
        self.policy = policy or load_policy()
        self.session: JournalSession | None = None
        self.setWindowTitle(_TEXT["window"])
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.FinishButton, _("Open my journal"))
        self.where_page = _WherePage(self.policy)
        self.passphrase_page = _PassphrasePage(self)
        self.key_page = RecoveryKeyPage()
        for page in (self.where_page, self.passphrase_page, self.key_page):
            self.addPage(page)
        fit_to_screen(self, 640, 480)

    def make_journal(self, passphrase: str, busy: Callable[[bool], None], failed: Callable[[Exception], None]) -> None:
        """Make the journal on a worker (called by the passphrase page); then show its recovery key."""
        target = self.where_page.target()

        def made(result: tuple[JournalSession, str]) -> None:
            self.session, recovery_key = result
            self.key_page.set_key(recovery_key, target)
            self.next()

        run_in_background(lambda: create_journal(target, passphrase), made, failed, owner=self, busy=busy)

    def done(self, result: int) -> None:
        """Forget the recovery key as soon as the wizard closes (and take it off the clipboard if it is there)."""
        self.key_page.forget()
        super().done(result)
