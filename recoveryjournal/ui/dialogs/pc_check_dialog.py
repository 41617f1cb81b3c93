"""Help → Check this PC, for support workers: the policy in force and any traces this account keeps."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from recoveryjournal.i18n import N_, Texts, _
from recoveryjournal.services.pc_check import CLEARS, check_this_pc, clear_remembered_places
from recoveryjournal.services.policy import Policy
from recoveryjournal.ui.widgets.common import heading, message_line, paragraph, show_message
from recoveryjournal.ui.widgets.file_dialogs import forget_file_dialog_history
from recoveryjournal.ui.widgets.screen_fit import fit_to_screen

_TEXT = Texts(
    {
        "window": N_("Check this PC"),
        "intro": (
            N_(
                "For support workers. This shows the shared-PC settings in force and looks, on this user account, for "
                "anything that names someone's journal or a file they saved. It only reads; it changes nothing."
            )
        ),
        "again": N_("Check again"),
        "clear": N_("Clear these now"),
        "cleared": N_("Cleared what the app remembers. {verdict} Move those files to their stick, or delete them."),
        "report": N_("Report"),
        "close": N_("Close"),
    }
)


class PcCheckDialog(QDialog):
    """Runs the check when opened and on 'Check again'."""

    def __init__(self, policy: Policy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._policy = policy
        self.setWindowTitle(_TEXT["window"])
        fit_to_screen(self, 680, 460)
        self.verdict = message_line(self)
        self.verdict.setAccessibleName(_TEXT["window"])
        self.report = QPlainTextEdit(self)
        self.report.setReadOnly(True)
        self.report.setAccessibleName(_TEXT["report"])
        again = QPushButton(_TEXT["again"], self)
        self.clear_button = QPushButton(_TEXT["clear"], self)
        self.clear_button.setToolTip(_(CLEARS))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_TEXT["close"])
        buttons.addButton(again, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.clear_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(_TEXT["window"], self, scale=1.3))
        layout.addWidget(self.verdict)  # the verdict and its counts first; then what it is, then the details
        layout.addWidget(paragraph(_TEXT["intro"], self))
        layout.addWidget(paragraph(_(CLEARS), self))
        layout.addWidget(self.report, 1)
        layout.addWidget(buttons)
        again.clicked.connect(self.run_check)
        self.clear_button.clicked.connect(self._on_clear_clicked)
        buttons.rejected.connect(self.reject)
        self.run_check()

    def run_check(self) -> None:
        """Look again and show what was found."""
        report = check_this_pc()
        self.report.setPlainText("\n".join(report.lines()))
        show_message(self.verdict, report.verdict(), calm=report.clean)
        self.clear_button.setEnabled(bool(report.remembered))

    def _on_clear_clicked(self) -> None:
        forget_file_dialog_history()  # through Qt's own settings too, so this process keeps nothing cached
        clear_remembered_places()
        self.run_check()
        report = check_this_pc()
        if report.saved:
            show_message(self.verdict, _TEXT["cleared"].format(verdict=report.verdict()), calm=True)
