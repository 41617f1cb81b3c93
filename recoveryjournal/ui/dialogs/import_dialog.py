"""Bring in what you wrote elsewhere (Daylio, jrnl, or a full export): see what will come in, then confirm."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QWidget,
)

from recoveryjournal.i18n import N_, Texts, _
from recoveryjournal.services import import_service
from recoveryjournal.services.import_preview import ImportOutcome, ImportPreview
from recoveryjournal.services.journal_parts import ImportsInto
from recoveryjournal.ui.errors import problem_words
from recoveryjournal.ui.widgets.common import busy_bar, cell_text, message_line, paragraph, show_good_news, show_message
from recoveryjournal.ui.widgets.file_dialogs import choose_file_to_open
from recoveryjournal.ui.widgets.screen_fit import fit_to_screen
from recoveryjournal.ui.workers import run_in_background

_TEXT = Texts(
    {
        "window": N_("Bring in from another app"),
        "intro": (
            N_(
                "You'll see what will come in before anything is added. Bringing in the same file again adds nothing "
                "twice."
            )
        ),
        "file": N_("File"),
        "choose": N_("Choose…"),
        "pick": N_("Choose the file to bring in"),
        "kind": N_("What kind of file"),
        "kinds": {
            "daylio": N_("Daylio export (CSV)"),
            "jrnl": N_("jrnl export (JSON)"),
            "json": N_("A full export from Recovery Journal (JSON)"),
        },
        "moods": N_("Daylio's moods as numbers (1 very low, 10 really good)"),
        "mood_word": N_("Mood in Daylio"),
        "mood_number": N_("Number"),
        "activities": N_("Daylio's activities become"),
        "as_feelings": N_("feelings in my check-ins"),
        "as_helped": N_("what helped, in my check-ins"),
        "as_tags": N_("tags on my entries"),
        "preview": N_("Show what will come in"),
        "preview_box": N_("What will come in"),
        "bring_in": N_("Bring it in"),
        "working": N_("Reading the file…"),
        "close": N_("Close"),
    }
)


class ImportDialog(QDialog):
    """Emits `imported` after something was added, so the pages can show it."""

    imported = Signal()

    def __init__(self, session: ImportsInto, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._preview: ImportPreview | None = None
        self.setWindowTitle(_TEXT["window"])
        fit_to_screen(self, 680, 560)
        self._setup_ui()

    # Public -----------------------------------------------------------------------------
    def set_file(self, path: Path) -> None:
        """Choose a file (its kind is guessed from what it holds) and show the preview."""
        self.file_edit.setText(str(path))
        self.kind.setCurrentIndex(list(_TEXT["kinds"]).index(guess_kind(path)))
        self.show_preview()

    def show_preview(self) -> None:
        """Read the file off the GUI thread (nothing changes in the journal) and say what will come in."""
        self._preview = None
        self.bring_button.setEnabled(False)
        kind = list(_TEXT["kinds"])[self.kind.currentIndex()]
        path = Path(self.file_edit.text().strip()).expanduser()
        mood_map = self._mood_map()
        activities = "tags" if self.as_tags.isChecked() else "helped" if self.as_helped.isChecked() else "feelings"
        self._set_busy(True)
        run_in_background(
            lambda: self._session.imports.read_file(path, kind, mood_map=mood_map, activities_as=activities),
            self._on_read, self._on_failed, owner=self,
        )  # fmt: skip

    def bring_in(self) -> None:
        """Add what the preview showed, all at once (off the GUI thread, with progress shown)."""
        preview, self._preview = self._preview, None
        if preview is None:
            return
        self.bring_button.setEnabled(False)
        self._set_busy(True)
        run_in_background(lambda: self._session.imports.bring_in(preview), self._on_brought_in,
                          self._on_failed, owner=self)  # fmt: skip

    def _on_read(self, preview: ImportPreview) -> None:
        self._set_busy(False)
        show_message(self.message, "")
        self._preview = preview
        self._fill_moods(preview)
        self.preview_text.setPlainText("\n".join(preview.lines()))
        self.bring_button.setEnabled(preview.new > 0 and not self._session.read_only)

    def _on_brought_in(self, outcome: ImportOutcome) -> None:
        self._set_busy(False)
        show_good_news(self.message, outcome.message())
        self._session.announce(outcome)  # on this (the GUI) thread: the tabs listen
        self.imported.emit()

    def _on_failed(self, exc: Exception) -> None:
        self._set_busy(False)
        self.preview_text.setPlainText("")
        show_message(self.message, problem_words(exc), calm=False)

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.preview_button.setEnabled(not busy)

    # UI ---------------------------------------------------------------------------------
    def _setup_ui(self) -> None:
        self.file_edit = QLineEdit(self)
        self.file_edit.setAccessibleName(_TEXT["file"])
        choose = QPushButton(_TEXT["choose"], self)
        choose.setAccessibleName(_TEXT["pick"])
        self.kind = QComboBox(self)
        self.kind.addItems(list(_TEXT["kinds"].values()))
        self.kind.setAccessibleName(_TEXT["kind"])
        self.moods = QTableWidget(0, 2, self)
        self.moods.setHorizontalHeaderLabels([_TEXT["mood_word"], _TEXT["mood_number"]])
        self.moods.horizontalHeader().setStretchLastSection(True)
        self.moods.verticalHeader().setVisible(False)
        self.moods.setAccessibleName(_TEXT["moods"])
        self.moods.setMaximumHeight(170)
        self.as_feelings = QRadioButton(_TEXT["as_feelings"], self)
        self.as_feelings.setChecked(True)
        self.as_tags = QRadioButton(_TEXT["as_tags"], self)
        self.as_helped = QRadioButton(_TEXT["as_helped"], self)
        group = QButtonGroup(self)
        for choice in (self.as_feelings, self.as_helped, self.as_tags):
            group.addButton(choice)
        self.preview_button = QPushButton(_TEXT["preview"], self)
        self.progress = busy_bar(self, _TEXT["working"])
        self.preview_text = QPlainTextEdit(self)
        self.preview_text.setReadOnly(True)
        self.preview_text.setAccessibleName(_TEXT["preview_box"])
        self.message = message_line(self)
        self.bring_button = QPushButton(_TEXT["bring_in"], self)
        self.bring_button.setObjectName("primaryButton")
        self.bring_button.setEnabled(False)
        close = QPushButton(_TEXT["close"], self)

        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(choose)
        activities = QHBoxLayout()
        activities.addWidget(self.as_feelings)
        activities.addWidget(self.as_helped)
        activities.addWidget(self.as_tags)
        activities.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        buttons.addWidget(self.bring_button)
        form = QFormLayout(self)
        form.addRow(paragraph(_TEXT["intro"], self))
        form.addRow(_TEXT["file"], file_row)
        form.addRow(_TEXT["kind"], self.kind)
        form.addRow(paragraph(_TEXT["moods"], self))
        form.addRow(self.moods)
        form.addRow(_TEXT["activities"], activities)
        form.addRow(self.preview_button)
        form.addRow(self.progress)
        form.addRow(self.preview_text)
        form.addRow(self.message)
        form.addRow(buttons)

        choose.clicked.connect(self._on_choose_clicked)
        self.preview_button.clicked.connect(self.show_preview)
        self.kind.currentIndexChanged.connect(self._on_options_changed)
        self.as_tags.toggled.connect(self._on_options_changed)
        self.as_helped.toggled.connect(self._on_options_changed)
        self.bring_button.clicked.connect(self.bring_in)
        close.clicked.connect(self.reject)
        self._on_options_changed()

    def _on_options_changed(self) -> None:
        daylio = list(_TEXT["kinds"])[self.kind.currentIndex()] == "daylio"
        for widget in (self.moods, self.as_feelings, self.as_helped, self.as_tags):
            widget.setEnabled(daylio)
        if self.file_edit.text().strip():
            self.show_preview()

    def _mood_map(self) -> dict[str, int]:
        found: dict[str, int] = {}
        for row in range(self.moods.rowCount()):
            word, spin = self.moods.item(row, 0), self.moods.cellWidget(row, 1)
            if word is not None and isinstance(spin, QSpinBox) and spin.value() > 0:
                found[word.text()] = spin.value()
        return found

    def _fill_moods(self, preview: ImportPreview) -> None:
        from PySide6.QtWidgets import QTableWidgetItem

        words = {**preview.mood_map, **dict.fromkeys(preview.unmapped_moods, 0)}
        if [cell_text(self.moods, r, 0) for r in range(self.moods.rowCount())] == list(words):
            return
        self.moods.setRowCount(len(words))
        for row, (word, number) in enumerate(words.items()):
            item = QTableWidgetItem(word)
            item.setFlags(item.flags() & ~item.flags().ItemIsEditable)
            self.moods.setItem(row, 0, item)
            spin = QSpinBox(self.moods)
            spin.setRange(0, 10)
            spin.setSpecialValueText("choose")
            spin.setValue(number)
            spin.setAccessibleName(_("{value} for {word}").format(value=_TEXT["mood_number"], word=word))
            spin.valueChanged.connect(lambda _v: self.show_preview())
            self.moods.setCellWidget(row, 1, spin)

    def _on_choose_clicked(self) -> None:
        name = choose_file_to_open(self, _TEXT["pick"], str(Path.home()), _("Exports (*.csv *.json);;All files (*)"))
        if name:
            self.set_file(Path(name))


def guess_kind(path: Path) -> str:
    """Daylio for CSV; for JSON, ours when it says so, else jrnl."""
    if path.suffix.lower() == ".csv":
        return "daylio"
    try:
        with path.open("rb") as fh:
            head = fh.read(4096).decode("utf-8", "replace")
    except OSError:
        return "daylio"
    if import_service.EXPORT_FORMAT in head:
        return "json"
    return "jrnl"
