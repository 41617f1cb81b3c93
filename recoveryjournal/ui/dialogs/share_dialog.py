"""Share with my care coordinator (or anyone): choose, leave words out, see exactly what will leave, save.

Cancelling at any step writes nothing and logs nothing. The preview and the file come from the same
document and the same page-drawing call.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from recoveryjournal.domain.errors import JournalError
from recoveryjournal.domain.share import FILE_TYPES, FORMATS, ShareRequest, redact
from recoveryjournal.i18n import N_, Texts, _
from recoveryjournal.services.html_share import html_bytes
from recoveryjournal.services.journal_parts import SessionView
from recoveryjournal.services.policy import Policy
from recoveryjournal.services.share_service import SharePackage, build, csv_bytes, json_bytes, prepare, suggest_names
from recoveryjournal.ui.export.save_pdf import exporter, no_printer_here, printing_is_fine_here
from recoveryjournal.ui.widgets.common import heading, message_line, paragraph, show_message
from recoveryjournal.ui.widgets.file_dialogs import choose_file_to_save, suggested_save_path
from recoveryjournal.ui.widgets.password_row import PasswordRow
from recoveryjournal.ui.widgets.screen_fit import fit_to_screen
from recoveryjournal.ui.widgets.share_picker import SharePicker
from recoveryjournal.ui.workers import run_and_wait

_TEXT = Texts(
    {
        "window": N_("Share from my journal"),
        "choose": N_("1. Choose what to share"),
        "choose_help": N_("Nothing is ticked unless you tick it. Only what you tick will leave your journal."),
        "to": N_("Who it's for"),
        "title": N_("Title on the document"),
        "author": N_("My name on it (optional)"),
        "leave_out": N_("2. Leave words out"),
        "leave_out_help": N_(
            "Words or passages you add here are removed from everything you share: they won't appear at "
            "all. Tick suggested names to leave them out too."
        ),
        "add_phrase": N_("Type a word or passage and press Enter"),
        "suggest": N_("Suggest names I've used"),
        "preview": N_("3. Check exactly what will leave"),
        "preview_help": N_("This is exactly what will be saved. Nothing is saved or shared until you press Save."),
        "back": N_("Back"),
        "next": N_("Next"),
        "save": N_("Save…"),
        "print": N_("Print…"),
        "cancel": N_("Cancel"),
        "close": N_("Close"),
        "shared_pc": N_("On a shared computer, please save it to your own USB stick."),
        "password_copied": N_("Copied. The clipboard will be emptied by itself in 30 seconds."),
        "protected_saved": N_("{saved} Its password is still shown above, until you press “I have the password”."),
        "protected_stem": N_("{stem} (protected)"),
    }
)


class ShareDialog(QDialog):
    """Three steps; `package` is what will leave, rebuilt whenever the choices change."""

    def __init__(self, session: SessionView, policy: Policy, preselected: dict[str, set[object]] | None = None,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._session, self._policy = session, policy
        self.package: SharePackage | None = None
        self.setWindowTitle(_TEXT["window"])
        fit_to_screen(self, 860, 700)
        self.picker = SharePicker(session, preselected or {}, self)
        self._setup_ui()

    # Steps --------------------------------------------------------------------------------
    def go_next(self) -> None:
        """Move to the next step (building the preview on the last one)."""
        if self.stack.currentIndex() == 0:
            try:
                build(self._session, self._request())
            except JournalError as exc:
                show_message(self.message, exc.message)
                return
        self.stack.setCurrentIndex(min(self.stack.currentIndex() + 1, 2))
        if self.stack.currentIndex() == 2:
            self.refresh_preview()
        self._update_buttons()

    def go_back(self) -> None:
        """Back one step."""
        self.stack.setCurrentIndex(max(self.stack.currentIndex() - 1, 0))
        self._update_buttons()

    def fmt(self) -> str:
        """'pdf', 'json', 'csv' or 'html'."""
        return FORMATS[self.format_group.checkedId()]

    def refresh_preview(self) -> None:
        """Build what will leave and show it: page pictures for PDF, the very text for JSON and CSV. The chart,
        the layout and the page pictures are made on a worker (a year of items: a fraction of a second)."""
        session, request, fmt = self._session, self._request(), self.fmt()

        def build() -> tuple[SharePackage, list[QImage]]:
            package = prepare(session, request, fmt)
            if fmt != "pdf":
                return package, []
            from recoveryjournal.render.pdf import preview_images

            return package, preview_images(package.document)

        self.package, images = run_and_wait(build, busy=self._set_saving)
        self._empty_pages()
        if self.fmt() == "pdf":
            for image in images:
                label = QLabel(self.pages)
                label.setPixmap(QPixmap.fromImage(image))
                label.setAccessibleName(_("A page of what will be saved"))
                self.pages_layout.addWidget(label)
        elif self.fmt() == "html":  # the page as a browser shows it (Qt reads the same HTML, picture included)
            page = QTextBrowser(self.pages)
            page.setOpenLinks(False)
            # Qt's rich text doesn't follow the page's max-width: the picture is given the preview's width here
            # (only here: the file itself reflows in a browser).
            width = max(self.width() - 120, 320)
            page.setHtml(html_bytes(self.package.document).decode("utf-8").replace("<img ", f'<img width="{width}" '))
            page.setAccessibleName(_("The web page that will be saved"))
            page.setMinimumHeight(480)
            self.pages_layout.addWidget(page)
        else:
            data = json_bytes(self.package) if self.fmt() == "json" else csv_bytes(self.package)
            text = QPlainTextEdit(data.decode("utf-8-sig"), self.pages)
            text.setReadOnly(True)
            text.setMinimumHeight(480)
            self.pages_layout.addWidget(text)

    def print_with(self, printer: object) -> str:
        """Print what the preview shows (same pages), then log it as printed."""
        from recoveryjournal.render.pdf import paint_pages

        if self.package is None:
            self.refresh_preview()
        assert self.package is not None
        outcome = exporter().print_share(self._session, self.package,
                                         lambda doc: paint_pages(doc, printer))  # type: ignore[arg-type]  # fmt: skip
        if outcome.done:
            self.cancel_button.setText(_TEXT["close"])
        return str(outcome.sentence)

    def save_to(self, path: Path) -> str:
        """Write what the preview shows to `path`, then log it. Returns a sentence for the person."""
        if self.package is None:
            self.refresh_preview()
        assert self.package is not None
        # The save dialog has already asked before replacing a file of that name.
        password = self.password_row.password()
        package, fmt, session = self.package, self.fmt(), self._session
        # Drawing and writing the file (a PDF of a year: a fraction of a second) runs on a worker.
        outcome = run_and_wait(lambda: exporter().share(session, package.request, fmt, path, overwrite=True,
                                                        previewed=package, password=password),
                               busy=self._set_saving)  # fmt: skip
        if outcome.done:
            self.cancel_button.setText(_TEXT["close"])  # something has left: closing now cancels nothing
        if outcome.done and password is not None:  # shown until the person says they have it, then forgotten
            self.password_row.saved_protected()
            return str(_TEXT["protected_saved"].format(saved=outcome.sentence))
        return str(outcome.sentence)

    def _set_saving(self, busy: bool) -> None:
        for button in (self.save_button, self.print_button, self.back_button):
            button.setEnabled(not busy)

    def _on_password_copied(self) -> None:
        show_message(self.message, _TEXT["password_copied"], calm=True)

    def _on_format_chosen(self) -> None:
        pdf = self.fmt() == "pdf"
        self.protect_box.setEnabled(pdf)  # only a PDF can be protected
        if not pdf:
            self.protect_box.setChecked(False)
        self.refresh_preview()

    # UI ---------------------------------------------------------------------------------
    def _empty_pages(self) -> None:
        while self.pages_layout.count():
            taken = self.pages_layout.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()

    def _request(self) -> ShareRequest:
        phrases = [self.phrases.item(i).text() for i in range(self.phrases.count())
                   if self.phrases.item(i).checkState() == Qt.CheckState.Checked]  # fmt: skip
        return self.picker.request(self.recipient.currentText().strip(), self.title.text().strip(),
                                   self.author.text().strip(), tuple(phrases))  # fmt: skip

    def _setup_ui(self) -> None:
        self.recipient = QComboBox(self)
        self.recipient.setEditable(True)
        self.recipient.addItems(self._session.shares.recipients())
        self.recipient.setCurrentText(
            self.recipient.itemText(0) if self.recipient.count() else _("my care coordinator")
        )
        self.title = QLineEdit(_("Shared from my journal"), self)
        self.author = QLineEdit(self)
        for edit, key in ((self.recipient.lineEdit(), "to"), (self.title, "title"), (self.author, "author")):
            if edit is not None:  # the combo's own box too, which has no label of its own
                edit.setAccessibleName(_TEXT[key].replace("&", ""))
        choose = QWidget(self)
        form = QFormLayout()
        form.addRow(_TEXT["to"], self.recipient)
        form.addRow(_TEXT["title"], self.title)
        form.addRow(_TEXT["author"], self.author)
        choose_layout = QVBoxLayout(choose)
        for widget in (heading(_TEXT["choose"], choose, 1.3), paragraph(_TEXT["choose_help"], choose)):
            choose_layout.addWidget(widget)
        choose_layout.addLayout(form)
        choose_layout.addWidget(self.picker, 1)

        leave = QWidget(self)
        self.phrases = QListWidget(leave)
        self.phrase_edit = QLineEdit(leave)
        self.phrase_edit.setPlaceholderText(_TEXT["add_phrase"])
        self.phrase_edit.setAccessibleName(_TEXT["add_phrase"])
        self.phrases.setAccessibleName(_TEXT["leave_out"])
        suggest = QPushButton(_TEXT["suggest"], leave)
        leave_layout = QVBoxLayout(leave)
        leave_widgets: tuple[QWidget, ...] = (heading(_TEXT["leave_out"], leave, 1.3),
                                              paragraph(_TEXT["leave_out_help"], leave), self.phrase_edit,
                                              self.phrases, suggest)  # fmt: skip
        for part in leave_widgets:
            leave_layout.addWidget(part)

        preview = QWidget(self)
        self.format_group = QButtonGroup(self)
        formats = QHBoxLayout()
        labels = (_("PDF to print or hand over"), _("JSON (data)"), _("CSV (spreadsheet)"),
                  _("Web page (for a screen reader or a phone)"))  # fmt: skip
        for index, label in enumerate(labels):
            radio = QRadioButton(label, preview)
            self.format_group.addButton(radio, index)
            formats.addWidget(radio)
        self.format_group.button(0).setChecked(True)
        formats.addStretch(1)
        self.pages = QWidget(preview)
        self.pages_layout = QVBoxLayout(self.pages)
        scroll = QScrollArea(preview)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.pages)
        preview_layout = QVBoxLayout(preview)
        preview_layout.addWidget(heading(_TEXT["preview"], preview, 1.3))
        preview_layout.addWidget(paragraph(_TEXT["preview_help"], preview))
        preview_layout.addLayout(formats)
        self.password_row = PasswordRow(preview)
        # The row's parts by the names the rest of the dialog (and its tests) use.
        self.protect_box, self.password_edit = self.password_row.protect_box, self.password_row.password_edit
        self.have_it_button, self.copy_password = self.password_row.have_it_button, self.password_row.copy_button
        self.password_row.copied.connect(self._on_password_copied)
        preview_layout.addWidget(self.password_row)
        preview_layout.addWidget(scroll, 1)

        self.stack = QStackedWidget(self)
        for page in (choose, leave, preview):
            self.stack.addWidget(page)
        self.message = message_line(self)
        self.back_button, self.next_button = QPushButton(_TEXT["back"], self), QPushButton(_TEXT["next"], self)
        self.save_button = QPushButton(_TEXT["save"], self)
        self.cancel_button = cancel = QPushButton(_TEXT["cancel"], self)
        self.print_button = QPushButton(_TEXT["print"], self)
        self.log_button = QPushButton(_("What I've shared…"), self)  # the share log, a step from here
        self.save_button.setObjectName("primaryButton")
        buttons = QHBoxLayout()
        buttons.addWidget(cancel)
        buttons.addWidget(self.log_button)
        buttons.addStretch(1)
        for button in (self.back_button, self.next_button, self.print_button, self.save_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.phrase_edit.returnPressed.connect(self._on_phrase_entered)
        suggest.clicked.connect(self._on_suggest_clicked)
        self.format_group.idClicked.connect(lambda _i: self._on_format_chosen())
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.print_button.clicked.connect(self._on_print_clicked)
        self.log_button.clicked.connect(self._on_log_clicked)
        cancel.clicked.connect(self.reject)
        self._update_buttons()

    def _update_buttons(self) -> None:
        step = self.stack.currentIndex()
        self.back_button.setEnabled(step > 0)
        self.next_button.setVisible(step < 2)
        self.save_button.setVisible(step == 2)
        self.print_button.setVisible(step == 2)
        self.log_button.setVisible(step == 2)
        show_message(self.message, _TEXT["shared_pc"] if step == 2 and self._policy.shared_pc else "")

    def _add_phrase(self, text: str, checked: bool) -> None:
        if text and not self.phrases.findItems(text, Qt.MatchFlag.MatchFixedString):
            item = QListWidgetItem(text, self.phrases)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _on_phrase_entered(self) -> None:
        self._add_phrase(" ".join(self.phrase_edit.text().split()), True)
        self.phrase_edit.clear()

    def _on_suggest_clicked(self) -> None:
        for name in suggest_names(self._session, own_name=self.author.text()):
            self._add_phrase(name, False)

    def _on_save_clicked(self) -> None:
        if self.package is None:
            self.refresh_preview()
        assert self.package is not None
        # The suggested name says for whom and when (with the chosen words already left out), so two shares
        # never overwrite each other.
        recipient = redact(self.package.request.recipient, self.package.request.redactions).strip()
        stem = _("For {who}").format(who=recipient) if recipient else self.package.document.title
        if self.protect_box.isChecked():
            stem = _TEXT["protected_stem"].format(stem=stem)  # the protected copy, told apart from a plain one
        suggested = suggested_save_path(stem, self.fmt())
        name = choose_file_to_save(self, _TEXT["save"], suggested, _(FILE_TYPES[self.fmt()]))
        if name:
            show_message(self.message, self.save_to(Path(name)))

    def _on_log_clicked(self) -> None:
        from recoveryjournal.ui.dialogs.share_log_dialog import ShareLogDialog

        ShareLogDialog(self._session, self).open()

    def _on_print_clicked(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        self.format_group.button(0).click()  # printing is always the PDF layout
        if no_printer_here():
            show_message(self.message, no_printer_here())
            return
        if not printing_is_fine_here(self, self._policy.shared_pc):
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
            show_message(self.message, self.print_with(printer))

    def done(self, result: int) -> None:
        """Nothing of what was chosen or previewed stays in memory once the dialog closes."""
        self.package = None
        self.password_row.forget()  # the password, forgotten (and off the clipboard if it is still there)
        self._empty_pages()
        self.picker.tree.clear()
        self.phrases.clear()
        super().done(result)
