"""Say in your own words what each number means to you, for mood, anxiety and energy."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QTabWidget, QVBoxLayout, QWidget

from recoveryjournal.domain.checkin import DEFAULT_SCALE_WORDS, SCALES
from recoveryjournal.domain.errors import JournalError
from recoveryjournal.i18n import N_, Texts, _
from recoveryjournal.services.journal_parts import HasCheckIns
from recoveryjournal.ui.widgets.common import message_line, paragraph, show_message

_TEXT = Texts(
    {
        "window": N_("What the numbers mean to me"),
        "intro": N_("Write what each number feels like for you. Leave a box empty to use our words."),
        "mood": N_("Mood"),
        "anxiety": N_("Anxiety"),
        "energy": N_("Energy"),
    }
)


class ScaleWordsDialog(QDialog):
    """One tab per scale, ten boxes each; saved when the person presses OK."""

    def __init__(self, session: HasCheckIns, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.setWindowTitle(_TEXT["window"])
        self.edits: dict[tuple[str, int], QLineEdit] = {}
        tabs = QTabWidget(self)
        current = session.checkins.scale_words()
        for scale in SCALES:
            page = QWidget(tabs)
            form = QFormLayout(page)
            for value in range(1, 11):
                edit = QLineEdit(page)
                own = current[scale].get(value, "")
                default = _(DEFAULT_SCALE_WORDS[scale].get(value, ""))
                edit.setText(own if own != default else "")
                edit.setPlaceholderText(default)
                edit.setAccessibleName(f"{_TEXT[scale]} {value}")
                form.addRow(str(value), edit)
                self.edits[(scale, value)] = edit
            tabs.addTab(page, _TEXT[scale])
        self.message = message_line(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        layout = QVBoxLayout(self)
        layout.addWidget(paragraph(_TEXT["intro"], self))
        layout.addWidget(tabs)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        buttons.accepted.connect(self._on_ok_clicked)
        buttons.rejected.connect(self.reject)

    def _on_ok_clicked(self) -> None:
        try:
            for (scale, value), edit in self.edits.items():
                self._session.checkins.set_scale_word(scale, value, edit.text())
        except JournalError as exc:
            show_message(self.message, exc.message)
            return
        self.accept()

    def done(self, result: int) -> None:
        """Nothing typed stays in the dialog after it closes (it may close because of a lock)."""
        for edit in self.edits.values():
            edit.clear()
        super().done(result)
