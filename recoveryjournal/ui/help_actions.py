"""The Help menu of the main window: help for this screen, keyboard shortcuts, the welcome, Check this PC, About.

A mixin of MainWindow (as BackupActions is), so the window's own file stays about the window.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from recoveryjournal.i18n import N_, Texts

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

_TEXT = Texts(
    {
        "help_here": N_("Help for this screen"),
        "shortcuts": N_("Keyboard shortcuts"),
        "tour": N_("Welcome and how it works"),
        "pc_check": N_("Check this PC (for support workers)…"),
        "about": N_("About Recovery Journal"),
    }
)


class HelpActions:
    """Everything behind the Help menu; the dialogs load when first opened."""

    def _build_help_menu(self, menu: QMenu) -> None:
        entries: tuple[tuple[str, list[str], Callable[[], object]], ...] = (
            ("help_here", ["Shift+F1"], self.open_help),
            ("shortcuts", ["Ctrl+/"], self.open_shortcuts),
            ("tour", [], self.open_welcome_tour),
            ("pc_check", [], self.open_pc_check),
            ("about", [], self.open_about),
        )
        for key, keys, slot in entries:
            action = QAction(_TEXT[key], cast(QWidget, self))
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            action.triggered.connect(lambda _checked=False, slot=slot: slot())
            menu.addAction(action)
            setattr(self, f"{key}_action", action)

    def current_help_topic(self) -> str:
        """The help topic of the screen the person is on."""
        view = self._unlocked_view  # type: ignore[attr-defined]
        if view is not None and self.stack.currentWidget() is view:  # type: ignore[attr-defined]
            return view.current_page_name()  # type: ignore[no-any-return]
        return "start"

    def open_help(self, topic: str | None = None) -> None:
        """Help, opened at the screen the person is on (or at `topic`)."""
        from recoveryjournal.ui.dialogs.help_dialog import HelpDialog

        self.help_dialog = HelpDialog(topic or self.current_help_topic(), self)  # type: ignore[arg-type]
        self.help_dialog.open()

    def open_shortcuts(self) -> None:
        """Every keyboard shortcut, in Help."""
        from recoveryjournal.ui.dialogs.help_dialog import SHORTCUTS_TOPIC

        self.open_help(SHORTCUTS_TOPIC)

    def open_welcome_tour(self) -> None:
        """The three short welcome pages."""
        from recoveryjournal.ui.dialogs.welcome_tour import WelcomeTour

        self.welcome_tour = WelcomeTour(self)  # type: ignore[arg-type]
        self.welcome_tour.finished.connect(lambda _result: self._welcome_seen())
        self.welcome_tour.open()

    def offer_welcome_tour(self) -> None:
        """On the very first start (nothing opened yet), the welcome; never on a shared PC, where nothing of
        one person may be remembered for the next (Help has it for anyone)."""
        if self.settings.seen_welcome_tour or self.policy.leaves_no_traces:  # type: ignore[attr-defined]
            return
        if self.stack.currentWidget() is self.welcome_page:  # type: ignore[attr-defined]
            self.open_welcome_tour()

    def _welcome_seen(self) -> None:
        if not self.policy.leaves_no_traces:  # type: ignore[attr-defined]
            self.settings.seen_welcome_tour = True  # type: ignore[attr-defined]

    def open_pc_check(self) -> None:
        """For support workers: the policy in force and any traces on this account."""
        from recoveryjournal.ui.dialogs.pc_check_dialog import PcCheckDialog

        self.pc_check_dialog = PcCheckDialog(self.policy, self)  # type: ignore[attr-defined, arg-type]
        self.pc_check_dialog.open()

    def open_about(self) -> None:
        """Version and the licences of the bundled components."""
        from recoveryjournal.ui.dialogs.about_dialog import AboutDialog

        self.about_dialog = AboutDialog(self)  # type: ignore[arg-type]
        self.about_dialog.open()
