"""Keep an eye on this: which of my own early signs, triggers and helpful things my check-in offers to tick."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from recoveryjournal.domain.crisis_plan import PlanSection
from recoveryjournal.domain.errors import JournalError
from recoveryjournal.domain.keep_an_eye import MOST, plan_lines
from recoveryjournal.i18n import N_, Texts
from recoveryjournal.services.journal_parts import HasPlan
from recoveryjournal.ui.widgets.chips import ChipList
from recoveryjournal.ui.widgets.common import message_line, paragraph, show_message
from recoveryjournal.ui.widgets.screen_fit import fit_to_screen

_TEXT = Texts(
    {
        "window": N_("Keep an eye on this"),
        "intro": N_(
            "Tick a few of your own early signs and of the things that help. Your check-in will then offer them, "
            "one tap each, so you can notice how they come and go. Nothing is ticked unless you tick it, and you "
            "can change this any time."
        ),
        "signs": N_("My early signs and things that can set me off"),
        "helps": N_("Things that help me"),
        "own_sign": N_("Another sign, in your own words (Enter adds it)"),
        "own_help": N_("Another thing that helps (Enter adds it)"),
        "empty": N_("Nothing written in these parts of your plan yet: you can add your own words below."),
        "most": N_("Up to {most} of each keeps a check-in quick."),
    }
)


class KeepAnEyeDialog(QDialog):
    """Lines of the plan (plus what is already watched) as tick chips; OK saves the choice."""

    def __init__(self, session: HasPlan, sections: list[PlanSection] | None = None,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._session = session
        self.setWindowTitle(_TEXT["window"])
        fit_to_screen(self, 720, 480)
        sections = sections if sections is not None else session.plan.sections()
        self.lists: dict[str, ChipList] = {}
        self.edits: dict[str, QLineEdit] = {}
        grid = QGridLayout()
        for column, (kind, title, own) in enumerate((("sign", "signs", "own_sign"), ("helps", "helps", "own_help"))):
            chips = ChipList(_TEXT[title], self, in_rows=False)
            watched = [w.name for w in session.plan.watched(kind)]
            lines = [line for _key, line in plan_lines(sections, kind)]
            chips.set_words(watched + [line for line in lines if line.casefold() not in
                                       {w.casefold() for w in watched}], set(watched))  # fmt: skip
            edit = QLineEdit(self)
            edit.setPlaceholderText(_TEXT[own])
            edit.setAccessibleName(_TEXT[own])
            edit.returnPressed.connect(lambda c=chips, e=edit: self._on_own(c, e))
            grid.addWidget(QLabel(f"<b>{_TEXT[title]}</b>", self), 0, column)
            grid.addWidget(chips, 1, column)
            if not chips.count():
                grid.addWidget(paragraph(_TEXT["empty"], self), 2, column)
            grid.addWidget(edit, 3, column)
            self.lists[kind], self.edits[kind] = chips, edit
        self.message = message_line(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        layout = QVBoxLayout(self)
        layout.addWidget(paragraph(_TEXT["intro"], self))
        layout.addLayout(grid, 1)
        layout.addWidget(QLabel(_TEXT["most"].format(most=MOST), self))
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        buttons.accepted.connect(self._on_ok_clicked)
        buttons.rejected.connect(self.reject)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in a box adds its words; it doesn't also press OK (elsewhere, Enter is OK as usual)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.focusWidget() in self.edits.values():
            event.accept()
            return
        super().keyPressEvent(event)

    @staticmethod
    def _on_own(chips: ChipList, edit: QLineEdit) -> None:
        word = " ".join(edit.text().split())
        if word:
            chips.add_word(word, ticked=True)
        edit.clear()

    def _on_ok_clicked(self) -> None:
        try:
            for kind, chips in self.lists.items():
                self._session.plan.set_watched(kind, chips.ticked())
        except JournalError as exc:
            show_message(self.message, exc.message)
            return
        self.accept()
