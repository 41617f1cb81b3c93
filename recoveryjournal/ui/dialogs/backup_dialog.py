"""Back up now, and choose automatic backups: one encrypted file, checked before it is kept."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from recoveryjournal.domain.errors import JournalError
from recoveryjournal.i18n import N_, Texts, moment
from recoveryjournal.services.backup_service import BackupResult, BackupSettings
from recoveryjournal.services.destinations import first_removable_place
from recoveryjournal.services.journal_parts import HasBackups
from recoveryjournal.services.policy import Policy
from recoveryjournal.ui.errors import problem_words
from recoveryjournal.ui.widgets.common import busy_bar, message_line, paragraph, show_good_news, show_message
from recoveryjournal.ui.widgets.file_dialogs import choose_folder
from recoveryjournal.ui.widgets.screen_fit import fit_to_screen
from recoveryjournal.ui.workers import run_in_background

_TEXT = Texts(
    {
        "window": N_("Back up my journal"),
        "intro": (
            N_(
                "A backup is one file that holds your whole journal, still encrypted. It opens with your passphrase "
                "or recovery key. Keep it somewhere other than your journal: another USB stick, or another computer."
            )
        ),
        "where": N_("Back up to"),
        "choose": N_("Choose…"),
        "now": N_("Back up now"),
        "working": N_("Backing up and checking…"),
        "last": N_("Last backup: {when}."),
        "never": N_("This journal hasn't been backed up yet."),
        "auto": N_("Automatic backups"),
        "auto_on": N_("Back up automatically, at most once a day, when I lock or close"),
        "auto_where": N_("Into this folder"),
        "keep": N_("Keep the last"),
        "keep_suffix": N_(" backups"),
        "remind": N_("Remind me after"),
        "remind_suffix": N_(" days without a backup"),
        "remind_off": N_("never"),
        "save": N_("Save these choices"),
        "saved": N_("Saved. They're kept inside your journal, so they travel with it."),
        "read_only": N_(
            "This journal is read-only here, so these choices can't be changed now. Backing up still works."
        ),
        "close": N_("Close"),
        "pick_folder": N_("Choose a folder for the backup"),
    }
)


class BackupDialog(QDialog):
    """Back up now (with a check), and the choices for automatic backups and reminders."""

    backed_up = Signal(object)

    def __init__(self, session: HasBackups, policy: Policy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session, self._policy = session, policy
        self.setWindowTitle(_TEXT["window"])
        fit_to_screen(self, 660, 560)
        self._setup_ui()
        self._load()

    # Public -----------------------------------------------------------------------------
    def back_up_now(self) -> None:
        """Write and check the backup off the GUI thread; the dialog shows progress and the result."""
        folder = Path(self.where.text().strip() or ".").expanduser()
        self._set_busy(True)
        run_in_background(
            lambda: self._session.backups.back_up(folder, policy=self._policy),
            self._on_done,
            self._on_failed,
            owner=self,
        )

    # UI ---------------------------------------------------------------------------------
    def _setup_ui(self) -> None:
        self.where = QLineEdit(self)
        self.where.setAccessibleName(_TEXT["where"])
        choose = QPushButton(_TEXT["choose"], self)
        choose.setAccessibleName(_TEXT["pick_folder"])
        self.now_button = QPushButton(_TEXT["now"], self)
        self.now_button.setObjectName("primaryButton")
        self.progress = busy_bar(self, _TEXT["working"])
        self.message = message_line(self)
        self.last_label = paragraph("", self)

        where_row = QHBoxLayout()
        where_row.addWidget(self.where, 1)
        where_row.addWidget(choose)
        where_row.addWidget(self.now_button)

        self.auto_box = QGroupBox(_TEXT["auto"], self)
        self.auto_on = QCheckBox(_TEXT["auto_on"], self.auto_box)
        self.auto_where = QLineEdit(self.auto_box)
        self.auto_where.setAccessibleName(_TEXT["auto_where"])
        auto_choose = QPushButton(_TEXT["choose"], self.auto_box)
        auto_choose.setAccessibleName(_TEXT["auto_where"])
        self.keep = QSpinBox(self.auto_box)
        self.keep.setRange(1, 60)
        self.keep.setSuffix(_TEXT["keep_suffix"])
        self.keep.setAccessibleName(_TEXT["keep"])
        self.remind = QSpinBox(self.auto_box)
        self.remind.setRange(0, 365)
        self.remind.setSuffix(_TEXT["remind_suffix"])
        self.remind.setSpecialValueText(_TEXT["remind_off"])
        self.remind.setAccessibleName(_TEXT["remind"])
        self.save_button = QPushButton(_TEXT["save"], self.auto_box)
        self.auto_message = message_line(self.auto_box)
        auto_row = QHBoxLayout()
        auto_row.addWidget(self.auto_where, 1)
        auto_row.addWidget(auto_choose)
        form = QFormLayout(self.auto_box)
        form.addRow(self.auto_on)
        form.addRow(_TEXT["auto_where"], auto_row)
        form.addRow(_TEXT["keep"], self.keep)
        form.addRow(_TEXT["remind"], self.remind)
        form.addRow(self.save_button)
        form.addRow(self.auto_message)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_TEXT["close"])
        layout = QVBoxLayout(self)
        layout.addWidget(paragraph(_TEXT["intro"], self))
        layout.addLayout(where_row)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.last_label)
        layout.addWidget(self.auto_box)
        layout.addStretch(1)
        layout.addWidget(buttons)
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)  # grows with its messages

        choose.clicked.connect(lambda: self._pick(self.where))
        auto_choose.clicked.connect(lambda: self._pick(self.auto_where))
        self.now_button.clicked.connect(self.back_up_now)
        self.auto_on.toggled.connect(self._apply_auto_enabled)
        self.save_button.clicked.connect(self._on_save_clicked)
        buttons.rejected.connect(self.reject)

    def _load(self) -> None:
        settings = self._session.backups.settings()
        default = first_removable_place() if self._policy.shared_pc else None
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        self.where.setText(str(settings.auto_folder or default or documents or Path.home()))
        self.auto_on.setChecked(settings.auto_folder is not None)
        self.auto_where.setText(str(settings.auto_folder or ""))
        self.keep.setValue(settings.keep)
        self.remind.setValue(settings.remind_after_days)
        self._apply_auto_enabled()
        self._show_last()
        if self._session.read_only:
            for widget in (self.auto_on, self.auto_where, self.keep, self.remind, self.save_button):
                widget.setEnabled(False)
            show_message(self.auto_message, _TEXT["read_only"])

    def _show_last(self) -> None:
        last = self._session.backups.last()
        self.last_label.setText(_TEXT["last"].format(when=moment(last)) if last else _TEXT["never"])

    def _apply_auto_enabled(self) -> None:
        on = self.auto_on.isChecked() and not self._session.read_only
        for widget in (self.auto_where, self.keep):
            widget.setEnabled(on)

    def _pick(self, field: QLineEdit) -> None:
        folder = choose_folder(self, _TEXT["pick_folder"], field.text() or str(Path.home()))
        if folder:
            field.setText(folder)

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.now_button.setEnabled(not busy)
        if busy:
            show_message(self.message, _TEXT["working"], calm=True)

    def _on_done(self, result: BackupResult) -> None:
        self._set_busy(False)
        if result.salvaged:  # a damaged journal: kept what could be read, said in the warm look (it needs attention)
            show_message(self.message, result.message(), calm=False)
        else:
            show_good_news(self.message, result.message())
        self._show_last()
        self.backed_up.emit(result)

    def _on_failed(self, exc: Exception) -> None:
        self._set_busy(False)
        show_message(self.message, problem_words(exc), calm=False)

    def _on_save_clicked(self) -> None:
        folder = Path(self.auto_where.text().strip()).expanduser() if self.auto_on.isChecked() else None
        if folder is not None and not self.auto_where.text().strip():
            folder = None
        try:
            self._session.backups.save_settings(
                BackupSettings(folder, self.keep.value(), self.remind.value()), self._policy
            )
        except JournalError as exc:
            show_message(self.auto_message, exc.message, calm=False)
            return
        show_good_news(self.auto_message, _TEXT["saved"])
