"""First run: where the journal lives, a passphrase, and the one-time recovery key."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from recoveryjournal.domain.errors import JournalError
from recoveryjournal.domain.passphrase import strength_hint
from recoveryjournal.i18n import N_, Texts, _
from recoveryjournal.services.destinations import check_place_for_journal, plugged_in_stick
from recoveryjournal.services.export_document import ExportDocument, Section
from recoveryjournal.services.export_document import paragraph as paragraph_block
from recoveryjournal.services.journal_service import JournalSession, create_journal
from recoveryjournal.services.locations import new_journal_folder
from recoveryjournal.services.policy import Policy, load_policy
from recoveryjournal.ui.errors import problem_words
from recoveryjournal.ui.safety.lock_sweep import BriefCopy
from recoveryjournal.ui.widgets.common import message_line, paragraph, show_good_news, show_message
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
        "key_title": N_("Your recovery key"),
        "key_sub": (
            N_(
                "Write this down and keep it somewhere safe. It opens your journal if you forget your passphrase. "
                "It is shown only this once, and nobody else has a copy, not even us."
            )
        ),
        "key_keep": N_("I have written down my recovery key, or kept it somewhere safe"),
        "copy": N_("Copy"),
        "print": N_("Print…"),
        "save_key": N_("Save to a file…"),
        "copied": N_("Copied. Paste it somewhere safe: the clipboard will be emptied by itself in 30 seconds."),
        "cleared": N_("The clipboard was emptied, so the key isn't left there."),
        "check": N_("To be sure you have it, type its last group here (you can skip this):"),
        "check_button": N_("Check I have it…"),
        "check_tip": N_("Hides the key while you type its last group from what you wrote down"),
        "show_again": N_("Show my key again"),
        "hidden": N_("(hidden while you check)"),
        "key_saved": N_(
            "{saved} It is in {folder}. Keep it apart from this journal too: printed, or on another stick."
        ),
        "same_place_title": N_("Save your key next to your journal?"),
        "same_place": N_(
            "That is where your journal is. If the computer or stick is lost, or someone else has it, the key "
            "would be there with the journal. Somewhere else is safer: another USB stick, or a printed copy."
        ),
        "choose_other": N_("Choose another place"),
        "save_anyway": N_("Save it here anyway"),
        "check_name": N_("The last group of the recovery key"),
        "check_ok": N_("That's it. You have your recovery key."),
        "check_not_yet": N_("Not quite yet: look again at the last four characters of what you wrote down."),
        "key_doc_title": N_("My recovery key"),
        "key_doc_text": N_(
            "This key opens my journal “{name}” if I forget its passphrase. Keep it somewhere safe, apart from the "
            "computer and the USB stick the journal is on."
        ),
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
        page.addStretch(1)
        choose.clicked.connect(self._on_choose_clicked)
        self.name_edit.textChanged.connect(self.completeChanged)
        self.folder_edit.textChanged.connect(self.completeChanged)
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

    def _on_return_pressed(self) -> None:
        wizard = self.wizard()
        if wizard is not None and self.isComplete():
            wizard.next()

    def target(self) -> Path:
        """The journal folder that will be made."""
        name = self.name_edit.text().strip().replace("/", "-").replace("\\", "-")
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


class _RecoveryKeyPage(QWizardPage):
    """The key, shown once: copy (emptied from the clipboard by itself), print, save to a file, and a gentle,
    optional check that it was written down."""

    #: How long a copied key stays on the clipboard.
    CLEAR_AFTER_MS = 30_000

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(_TEXT["key_title"])
        self.setSubTitle(_TEXT["key_sub"])
        self.key_label = QLabel(self)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setWeight(QFont.Weight.Bold)
        self.key_label.setFont(font)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setObjectName("recoveryKey")
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.copy_button = QPushButton(_TEXT["copy"], self)
        self.print_button = QPushButton(_TEXT["print"], self)
        self.save_button = QPushButton(_TEXT["save_key"], self)
        self.copied = message_line(self)
        self.key = ""
        self.journal_path: Path | None = None
        self.check_button = QPushButton(_TEXT["check_button"], self)
        self.check_button.setToolTip(_TEXT["check_tip"])
        self.show_button = QPushButton(_TEXT["show_again"], self)
        self.show_button.hide()
        self.check_prompt = paragraph(_TEXT["check"], self)
        self.check_edit = QLineEdit(self)
        self.check_edit.setAccessibleName(_TEXT["check_name"])
        self.check_edit.setMaxLength(8)
        for widget in (self.check_prompt, self.check_edit):
            widget.hide()  # shown with the key hidden, after "Check I have it…"
        self.checked = message_line(self)
        self.kept = QCheckBox(_TEXT["key_keep"], self)
        self.journal_name = ""
        self._copy = BriefCopy(self)
        self._copy.cleared.connect(lambda: show_message(self.copied, _TEXT["cleared"], calm=True))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.copy_button, self.print_button, self.save_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        checking = QHBoxLayout()
        checking.addWidget(self.check_button)
        checking.addWidget(self.show_button)
        checking.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.key_label)
        layout.addLayout(buttons)
        layout.addWidget(self.copied)
        layout.addStretch(1)
        layout.addLayout(checking)
        layout.addWidget(self.check_prompt)
        layout.addWidget(self.check_edit)
        layout.addWidget(self.checked)
        layout.addWidget(self.kept)
        self.kept.toggled.connect(self.completeChanged)
        self.copy_button.clicked.connect(self._on_copy_clicked)
        self.print_button.clicked.connect(self._on_print_clicked)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.check_edit.textChanged.connect(self._on_check_typed)
        self.check_button.clicked.connect(self._on_check_clicked)
        self.show_button.clicked.connect(self._show_key)

    def set_key(self, key: str, journal: Path) -> None:
        """Show this journal's new recovery key."""
        self.key, self.journal_path, self.journal_name = key, journal, journal.stem
        self._show_key()

    def forget(self) -> None:
        """Forget the key (the wizard closes)."""
        self.forget_copied_key()
        self.key = ""
        self.key_label.clear()
        self.check_edit.clear()

    def isComplete(self) -> bool:
        return self.kept.isChecked()

    def _show_key(self) -> None:
        self.key_label.setText(self.key)
        self._checking(False)

    def _on_check_clicked(self) -> None:
        """The check is only worth something with the key out of sight: hide it while the person types."""
        self.key_label.setText(_TEXT["hidden"])
        self._checking(True)
        self.check_edit.setFocus()

    def _checking(self, on: bool) -> None:
        """While checking: the box for the last group and "Show my key again"; else the key's own buttons."""
        key_buttons: tuple[QWidget, ...] = (self.copy_button, self.print_button, self.save_button, self.check_button)
        for widget in key_buttons:
            widget.setVisible(not on)
        for widget in (self.show_button, self.check_prompt, self.check_edit):
            widget.setVisible(on)

    def key_document(self) -> ExportDocument:
        """The key on a page, to print or save (made in memory; saved only where the person chooses)."""
        text = _TEXT["key_doc_text"].format(name=self.journal_name)
        return ExportDocument(_TEXT["key_doc_title"], (Section("", (paragraph_block(self.key),
                                                                     paragraph_block(text))),))  # fmt: skip

    def _on_copy_clicked(self) -> None:
        self._copy.copy(self.key, self.CLEAR_AFTER_MS)
        show_message(self.copied, _TEXT["copied"], calm=True)

    def forget_copied_key(self) -> None:
        """Empty the clipboard only if it still holds the key (the person may have copied something else)."""
        self._copy.forget()

    def _on_print_clicked(self) -> None:
        from recoveryjournal.ui.export.save_pdf import ask_and_print

        show_message(self.copied, ask_and_print(self, self.key_document()), calm=True)

    def _on_save_clicked(self) -> None:
        """Saved where the person chooses, suggested away from the journal; next to it only if they say so."""
        from recoveryjournal.services.destinations import beside_journal, place_apart_from
        from recoveryjournal.ui.export.save_pdf import ask_and_save_pdf

        journal = self.journal_path or Path.home()
        chosen: list[Path] = []

        def fine(path: Path) -> bool:
            chosen[:] = [path]
            return not beside_journal(path, journal) or self._save_there_anyway()

        saved = ask_and_save_pdf(self, self.key_document(), _TEXT["key_doc_title"], start=place_apart_from(journal),
                                 fine=fine)  # fmt: skip
        written = chosen[0] if chosen and chosen[0].name.lower().endswith(".pdf") else None
        if written is None and chosen:
            written = Path(str(chosen[0]) + ".pdf")
        if saved and written is not None and written.is_file():  # say where it went
            show_message(self.copied, _TEXT["key_saved"].format(saved=saved, folder=written.parent), calm=True)
        elif saved:
            show_message(self.copied, saved, calm=False)

    def _save_there_anyway(self) -> bool:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Question, _TEXT["same_place_title"], _TEXT["same_place"],
                          QMessageBox.StandardButton.NoButton, self)  # fmt: skip
        anyway = box.addButton(_TEXT["save_anyway"], QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(box.addButton(_TEXT["choose_other"], QMessageBox.ButtonRole.RejectRole))
        box.exec()
        return box.clickedButton() is anyway

    def _on_check_typed(self, typed: str) -> None:
        last = self.key.rsplit("-", 1)[-1]
        cleaned = typed.strip().replace("-", "").upper()
        if len(cleaned) < len(last):
            show_message(self.checked, "")
            return
        right = cleaned == last.upper()
        if right:  # asked once: the right group is as good as the tick below, so it is ticked for them
            self.kept.setChecked(True)
            show_good_news(self.checked, _TEXT["check_ok"])
        else:
            show_message(self.checked, _TEXT["check_not_yet"])

    def cleanupPage(self) -> None:
        self.forget_copied_key()
        super().cleanupPage()


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
        self.key_page = _RecoveryKeyPage()
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
