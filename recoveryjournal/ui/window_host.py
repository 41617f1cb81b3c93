"""What the window's parts — the journal's controller, the dialogs, the menus — use of the window that hosts them,
as a protocol: they are given the host, never the MainWindow class, so no part imports the window back."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # (pages behind the lock load when first shown: named here for the types only)
    from PySide6.QtWidgets import QMainWindow, QStackedWidget

    from recoveryjournal.services.policy import Policy
    from recoveryjournal.ui.pages.cover_page import CoverPage
    from recoveryjournal.ui.pages.journal_page import JournalPage
    from recoveryjournal.ui.pages.unlock_page import UnlockPage
    from recoveryjournal.ui.pages.unlocked_view import UnlockedView
    from recoveryjournal.ui.pages.welcome_page import WelcomePage
    from recoveryjournal.ui.settings import AppSettings
    from recoveryjournal.ui.widgets.common import MessageLine
    from recoveryjournal.ui.widgets.reminder_bar import ReminderBar


class WindowHost(Protocol):
    """The main window as its parts see it: its pages, its settings and policy, and itself as a widget."""

    @property
    def settings(self) -> AppSettings: ...

    @property
    def policy(self) -> Policy: ...

    @property
    def stack(self) -> QStackedWidget: ...

    @property
    def welcome_page(self) -> WelcomePage: ...

    @property
    def cover_page(self) -> CoverPage: ...

    @property
    def banner(self) -> MessageLine: ...

    @property
    def reminder_bar(self) -> ReminderBar: ...

    @property
    def unlock_page(self) -> UnlockPage: ...

    @property
    def unlocked_view(self) -> UnlockedView: ...

    @property
    def journal_page(self) -> JournalPage: ...

    def widget(self) -> QMainWindow:
        """The window itself: the parent of dialogs and actions, and what shows the title and icon."""
        ...

    def update_actions(self) -> None:
        """Menus, toolbar and banner as the journal's state asks."""
        ...

    def unlock_page_if_made(self, do: Callable[[UnlockPage], None]) -> None:
        """Do something to the passphrase screen only if it was ever built."""
        ...

    def unlocked_view_if_made(self) -> UnlockedView | None:
        """The journal's tabs, if they were ever built."""
        ...
