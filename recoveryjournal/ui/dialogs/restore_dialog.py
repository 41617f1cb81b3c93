"""Restore from a backup: unlock and check it first, show what it holds, then restore when you say so."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from recoveryjournal.domain.errors import JournalError
from recoveryjournal.i18n import N_, Texts
from recoveryjournal.services import backup_service
from recoveryjournal.services.backup_service import PreparedRestore
from recoveryjournal.ui.errors import problem_words
from recoveryjournal.ui.widgets.common import busy_bar, message_line, paragraph, show_good_news, show_message
from recoveryjournal.ui.widgets.file_dialogs import choose_file_to_open
from recoveryjournal.ui.widgets.passphrase_field import PassphraseField
from recoveryjournal.ui.widgets.screen_fit import fit_to_screen
from recoveryjournal.ui.workers import run_in_background

_TEXT = Texts(
    {
        "window": N_("Restore from a backup"),
        "intro": (
            N_(
                "First the backup is opened and checked, and you see what it holds. Nothing is changed until you "
                "press Restore."
            )
        ),
        "file": N_("Backup file"),
        "choose": N_("Choose…"),
        "pick": N_("Choose your backup (it ends in .rjbackup)"),
        "filter": N_("Recovery Journal backups (*.rjbackup);;All files (*)"),
        "as_new": N_("Restore it as a new journal"),
        "name": N_("New journal's name"),
        "folder": N_("In this folder"),
        "over": N_("Restore it over “{name}” (the journal as it is now is kept beside it, renamed)"),
        "secret": N_("The backup's passphrase"),
        "use_key": N_("Use the backup's recovery key instead"),
        "check": N_("Open and check"),
        "checking": N_("Opening and checking the backup…"),
        "holds": N_("The backup opened and passed its checks. It holds: {what}."),
        "restore": N_("Restore"),
        "done_new": N_("Restored as {path}. You can open it now."),
        "done_over": N_(
            "Restored. Your journal as it was before is kept beside it as “{old}”; delete it when you're sure."
        ),
        "cancel": N_("Cancel"),
        "name_default": N_("Restored journal"),
    }
)


class RestoreDialog(QDialog):
    """Emits `restored(path)` when a journal has been put in place."""

    restored = Signal(object, str)

    def __init__(
        self, current: Path | None = None, before_replace: Callable[[], None] | None = None,
        parent: QWidget | None = None, backup_file: Path | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self._current, self._before_replace = current, before_replace
        self._prepared: PreparedRestore | None = None
        self.setWindowTitle(_TEXT["window"])
        fit_to_screen(self, 660, 440)
        self._setup_ui()
        if backup_file is not None:
            self.file_edit.setText(str(backup_file))

    # UI ---------------------------------------------------------------------------------
    def _setup_ui(self) -> None:
        self.file_edit = QLineEdit(self)
        self.file_edit.setAccessibleName(_TEXT["file"])
        choose = QPushButton(_TEXT["choose"], self)
        choose.setAccessibleName(_TEXT["pick"])
        self.as_new = QRadioButton(_TEXT["as_new"], self)
        self.as_new.setChecked(True)
        self.over = QRadioButton(_TEXT["over"].format(name=self._current.name.removesuffix(".rjournal"))
                                 if self._current else "", self)  # fmt: skip
        self.over.setVisible(self._current is not None)
        group = QButtonGroup(self)
        group.addButton(self.as_new)
        group.addButton(self.over)
        self.name_edit = QLineEdit(_TEXT["name_default"], self)
        self.name_edit.setAccessibleName(_TEXT["name"])
        self.folder_edit = QLineEdit(str(self._current.parent if self._current else Path.home()), self)
        self.folder_edit.setAccessibleName(_TEXT["folder"])
        self.secret = PassphraseField(parent=self)
        self.secret.setAccessibleName(_TEXT["secret"])
        self.use_key = QCheckBox(_TEXT["use_key"], self)
        self.check_button = QPushButton(_TEXT["check"], self)
        self.progress = busy_bar(self, _TEXT["checking"])
        self.message = message_line(self)
        self.restore_button = QPushButton(_TEXT["restore"], self)
        self.restore_button.setObjectName("primaryButton")
        self.restore_button.setEnabled(False)
        cancel = QPushButton(_TEXT["cancel"], self)

        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(choose)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.restore_button)
        form = QFormLayout(self)
        form.addRow(paragraph(_TEXT["intro"], self))
        form.addRow(_TEXT["file"], file_row)
        form.addRow(self.as_new)
        form.addRow(_TEXT["name"], self.name_edit)
        form.addRow(_TEXT["folder"], self.folder_edit)
        form.addRow(self.over)
        form.addRow(_TEXT["secret"], self.secret)
        form.addRow("", self.use_key)
        form.addRow("", self.check_button)
        form.addRow(self.progress)
        form.addRow(self.message)
        form.addRow(buttons)
        form.setSizeConstraint(QFormLayout.SizeConstraint.SetMinimumSize)  # grows with its messages

        choose.clicked.connect(self._on_choose_clicked)
        self.check_button.clicked.connect(self.check_backup)
        self.restore_button.clicked.connect(self.restore)
        cancel.clicked.connect(self.reject)
        for widget in (self.file_edit, self.name_edit, self.folder_edit):
            widget.textChanged.connect(self._forget_check)
        self.as_new.toggled.connect(self._forget_check)
        self.as_new.toggled.connect(self.name_edit.setEnabled)
        self.as_new.toggled.connect(self.folder_edit.setEnabled)

    # Steps ------------------------------------------------------------------------------
    def check_backup(self) -> None:
        """Unlock and check the backup beside where it will go (off the GUI thread)."""
        self._forget_check()
        backup = Path(self.file_edit.text().strip()).expanduser()
        replace = self.over.isChecked() and self._current is not None
        target = self._current if replace and self._current else Path(self.folder_edit.text()).expanduser() / (
            self.name_edit.text().strip() or _TEXT["name_default"])  # fmt: skip
        secret, use_key = self.secret.text(), self.use_key.isChecked()
        self.check_button.setEnabled(False)
        self.progress.setVisible(True)
        show_message(self.message, _TEXT["checking"], calm=True)
        run_in_background(
            lambda: backup_service.prepare_restore(backup, target, secret, recovery_key=use_key, replace=replace),
            self._on_checked, self._on_failed, owner=self,
        )  # fmt: skip

    def restore(self) -> None:
        """Put it in place (locking the current journal first when restoring over it)."""
        prepared, self._prepared = self._prepared, None  # ours now: a lock closing this dialog won't cancel it
        if prepared is None:
            return
        self.restore_button.setEnabled(False)
        if prepared.replace and self._before_replace is not None:
            self._before_replace()
        try:
            place = prepared.commit()
        except JournalError as exc:
            prepared.cancel()
            show_message(self.message, exc.message, calm=False)
            return
        if prepared.kept_old is not None:
            done = _TEXT["done_over"].format(old=prepared.kept_old.name)
        else:
            done = _TEXT["done_new"].format(path=place)
        show_good_news(self.message, done)
        self.restored.emit(place, done)

    def _on_checked(self, prepared: PreparedRestore) -> None:
        self.progress.setVisible(False)
        self.check_button.setEnabled(True)
        self.secret.clear()
        self._prepared = prepared
        show_message(self.message, _TEXT["holds"].format(what="; ".join(prepared.summary.lines())), calm=True)
        self.restore_button.setEnabled(True)
        self.restore_button.setDefault(True)
        self.restore_button.setFocus()

    def _on_failed(self, exc: Exception) -> None:
        self.progress.setVisible(False)
        self.check_button.setEnabled(True)
        show_message(self.message, problem_words(exc), calm=False)

    def _forget_check(self) -> None:
        if self._prepared is not None:
            self._prepared.cancel()
            self._prepared = None
        self.restore_button.setEnabled(False)

    def _on_choose_clicked(self) -> None:
        name = choose_file_to_open(self, _TEXT["pick"], self.folder_edit.text(), _TEXT["filter"])
        if name:
            self.file_edit.setText(name)

    def done(self, result: int) -> None:
        """However it closes, a checked-but-not-restored copy is removed and nothing typed stays."""
        self._forget_check()
        self.secret.clear()
        super().done(result)
