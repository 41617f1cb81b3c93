"""The create-journal wizard's last page: the recovery key, shown once, to copy, print or save away from the
journal, and a gentle check (with the key hidden) that it was written down."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget, QWizardPage

from recoveryjournal.i18n import N_, Texts
from recoveryjournal.services.export_document import ExportDocument, Section
from recoveryjournal.services.export_document import paragraph as paragraph_block
from recoveryjournal.ui.safety.lock_sweep import BriefCopy
from recoveryjournal.ui.widgets.common import message_line, paragraph, show_good_news, show_message

_TEXT = Texts(
    {
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


class RecoveryKeyPage(QWizardPage):
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
