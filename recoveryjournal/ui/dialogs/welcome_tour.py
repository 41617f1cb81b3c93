"""A short welcome, three pages at most, skippable, shown once and reachable again from Help."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from recoveryjournal.i18n import N_, Texts, _
from recoveryjournal.ui.widgets.common import heading, paragraph
from recoveryjournal.ui.widgets.screen_fit import fit_to_screen

PAGES: list[tuple[str, list[str]]] = [
    (
        N_("A place that is yours"),
        [
            N_(
                "Recovery Journal is a private place for your journal, how you're feeling, your goals and your "
                "crisis plan. It's yours: write as much or as little as you like, whenever you like."
            ),
            N_("Two more short pages, then you can make your journal, or look around a demo journal first."),
        ],
    ),
    (
        N_("It stays with you, locked"),
        [
            N_(
                "Everything stays on this computer, or on your USB stick, locked with a passphrase only you know. "
                "Nobody else can read it, not even us."
            ),
            N_(
                "When you make your journal you get a recovery key. Write it down and keep it somewhere safe: it is "
                "the only other way in."
            ),
            N_(
                "If someone comes in, press Esc three times (or the red Quick exit button): your journal locks and "
                "the window goes blank."
            ),
        ],
    ),
    (
        N_("You choose what to share"),
        [
            N_(
                "Nothing leaves your journal unless you choose it. When you share with your care coordinator, you "
                "tick what goes, see every page before it leaves, and the journal remembers what you shared, when and "
                "with whom."
            ),
            N_("Help (Shift+F1) explains each screen whenever you want it."),
        ],
    ),
]
_TEXT = Texts(
    {"window": N_("Welcome"), "skip": N_("Skip"), "back": N_("Back"), "next": N_("Next"), "done": N_("Let's start")}
)


class WelcomeTour(QDialog):
    """Three short pages; Skip, or Let's start on the last, closes it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_TEXT["window"])
        fit_to_screen(self, 560, 360)
        self.stack = QStackedWidget(self)
        for title, paragraphs in PAGES:
            page = QWidget(self.stack)
            column = QVBoxLayout(page)
            column.addWidget(heading(_(title), page, 1.4))
            for text in paragraphs:
                column.addWidget(paragraph(_(text), page))
            column.addStretch(1)
            self.stack.addWidget(page)
        self.skip_button = QPushButton(_TEXT["skip"], self)
        self.back_button = QPushButton(_TEXT["back"], self)
        self.next_button = QPushButton(_TEXT["next"], self)
        self.next_button.setObjectName("primaryButton")
        self.next_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.skip_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        self.skip_button.clicked.connect(self.accept)
        self.back_button.clicked.connect(lambda: self._go(-1))
        self.next_button.clicked.connect(lambda: self._go(+1))
        self._go(0)

    def _go(self, step: int) -> None:
        index = self.stack.currentIndex() + step
        if index >= self.stack.count():
            self.accept()
            return
        self.stack.setCurrentIndex(index)
        last = index == self.stack.count() - 1
        self.back_button.setEnabled(index > 0)
        self.skip_button.setVisible(not last)
        self.next_button.setText(_TEXT["done"] if last else _TEXT["next"])
        self.next_button.setFocus()
