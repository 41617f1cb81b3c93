"""The first screen when there is no journal yet: create one, open one, or look at a demo."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QWidget

from recoveryjournal.i18n import N_, Texts, _
from recoveryjournal.ui.widgets.common import (
    centered_column,
    end_column,
    heading,
    message_line,
    paragraph,
    show_message,
)

_TEXT = Texts(
    {
        "title": N_("Welcome to Recovery Journal"),
        "intro": (
            N_(
                "A private place for your journal, your check-ins and your plans. Everything stays on this computer, "
                "locked with a passphrase that only you know. Nothing leaves unless you choose to share it."
            )
        ),
        "intro_shared": N_(
            "A private place for your journal, your check-ins and your plans. On this shared computer your journal "
            "lives on your own USB stick, locked with a passphrase that only you know, and nothing of it stays "
            "here when you lock it. Nothing leaves unless you choose to share it."
        ),
        "create": N_("Create my journal"),
        "open": N_("Open a journal I already have…"),
        "demo": N_("Look around a demo journal first"),
        "lock_hint": (
            N_(
                "When your journal is open, press Ctrl+L at any time to lock it straight away. If you need to hide it "
                "quickly, press Esc three times (or use the red Quick exit button): it locks and the window goes blank."
            )
        ),
    }
)


class WelcomePage(QWidget):
    """Three clear choices; the first is the one most people want."""

    create_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._setup_ui()

    def set_centre(self, name: str, support_line: str, shared_pc: bool = False) -> None:
        """On a shared PC: the centre's name and where to find help (from the machine policy), and where a journal
        lives under the policy (on the person's stick), in place of "everything stays on this computer"."""
        text = "\n".join(t for t in (_("Welcome to {name}.").format(name=name) if name else "", support_line) if t)
        show_message(self.centre_line, text)
        self.intro.setText(_TEXT["intro_shared"] if shared_pc else _TEXT["intro"])

    def _setup_ui(self) -> None:
        self.create_button = QPushButton(_TEXT["create"], self)
        self.create_button.setDefault(True)
        self.create_button.setObjectName("primaryButton")
        self.open_button = QPushButton(_TEXT["open"], self)
        self.demo_button = QPushButton(_TEXT["demo"], self)
        inner = centered_column(self, 520)
        self.centre_line = message_line(self, "hintLine")
        inner.addWidget(self.centre_line)
        inner.addWidget(heading(_TEXT["title"], self))
        self.intro = paragraph(_TEXT["intro"], self)
        inner.addWidget(self.intro)
        inner.addSpacing(8)
        for button in (self.create_button, self.open_button, self.demo_button):
            button.setMinimumHeight(40)
            inner.addWidget(button)
        inner.addSpacing(8)
        inner.addWidget(paragraph(_TEXT["lock_hint"], self))
        end_column(inner)
        self.create_button.clicked.connect(self.create_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.demo_button.clicked.connect(self.demo_requested)
