"""The main window: it hosts the pages (welcome, the passphrase screen, the open journal's tabs, the quick-exit
cover), the menus and the toolbar. The journal's life in it — unlocking, locking, quick exit, the answer to a
fault — is ui/journal_controller.py's; the dialogs its menus open are ui/window_dialogs.py's."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QPaintEvent
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from recoveryjournal import APP_NAME
from recoveryjournal.i18n import _
from recoveryjournal.services.locations import DEMO_PASSPHRASE
from recoveryjournal.services.policy import Policy, load_policy
from recoveryjournal.ui.journal_controller import DEMO_BANNER, JournalController
from recoveryjournal.ui.pages.cover_page import CoverPage
from recoveryjournal.ui.pages.welcome_page import WelcomePage
from recoveryjournal.ui.safety.quick_exit import QuickExitKeys
from recoveryjournal.ui.safety.system_events import SystemLockSignals
from recoveryjournal.ui.settings import AppSettings
from recoveryjournal.ui.widgets.common import message_line, show_message
from recoveryjournal.ui.widgets.file_dialogs import forget_traces_of_dialogs
from recoveryjournal.ui.widgets.reminder_bar import ReminderBar
from recoveryjournal.ui.widgets.screen_fit import fit_to_screen
from recoveryjournal.ui.window_dialogs import WindowDialogs
from recoveryjournal.ui.window_menus import WindowMenus

if TYPE_CHECKING:
    from recoveryjournal.services.journal_service import JournalSession
    from recoveryjournal.ui.pages.journal_page import JournalPage
    from recoveryjournal.ui.pages.unlock_page import UnlockPage
    from recoveryjournal.ui.pages.unlocked_view import UnlockedView

# Start-up shows one screen. Everything behind the lock (the tabs, the dialogs, storage and the key
# derivation) is imported where it is first used, inside the method that needs it; the test
# test_first_window_loads_nothing_behind_the_lock keeps it so. The watchers that see every event in
# the app start in _after_first_frame: PySide pays ~50 ms the first time any Python code filters
# the whole app's events, and that need not delay the first window.


class MainWindow(QMainWindow):
    """Hosts pages and menus; `journal` (a JournalController) owns the open journal and its life here."""

    #: The window's first frame is on screen (the start-up benchmark stops here).
    first_frame_shown = Signal()
    stack: QStackedWidget
    journal: JournalController
    dialogs: WindowDialogs
    menus: WindowMenus
    _unlock_page: UnlockPage | None
    _unlocked_view: UnlockedView | None

    def __init__(
        self, settings: AppSettings | None = None, policy: Policy | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.settings = settings or AppSettings()
        self.policy = policy or load_policy()
        self._first_frame_done = False
        self.setWindowTitle(APP_NAME)  # never the journal's name: others may see the taskbar
        self.resize(1000, 680)
        if not self.policy.leaves_no_traces and (geometry := self.settings.window_geometry):
            self.restoreGeometry(QByteArray(geometry))  # where the person left it (a shared PC keeps no such thing)
        self._setup_ui()
        fit_to_screen(self)  # a size saved on a big monitor, opened on a laptop: all of it on this screen
        self.welcome_page.set_centre(self.policy.centre_name, self.policy.support_line, self.policy.shared_pc)
        self.update_actions()

    # The open journal, as the rest of the app and the tests ask for it ----------------------------------------
    @property
    def session(self) -> JournalSession | None:
        """The open journal, or None while locked."""
        return self.journal.session

    @property
    def journal_path(self) -> Path | None:
        """The journal being opened or last open (None on a shared PC after locking)."""
        return self.journal.journal_path

    def start(self, journal: Path | None = None, demo: bool = False) -> None:
        """Show the right first screen: the demo, a given journal, the last one used, or a welcome."""
        self.journal.start(journal, demo)

    def show_unlock(self, path: Path, hint: str = "") -> None:
        """Ask for the passphrase of the journal at `path`."""
        self.journal.show_unlock(path, hint)

    def lock(self, wait: bool = False) -> None:
        """Save what was typed, close the journal and empty every view of it."""
        self.journal.lock(wait)

    def open_demo(self) -> None:
        """Open (making it first, if needed) the demo journal."""
        self.journal.open_demo()

    def quick_exit(self) -> None:
        """Lock, put a neutral page in the window, give it a neutral title, and minimise it."""
        self.journal.quick_exit()

    def answer_fault(self) -> None:
        """The one error path's answer (ui/errors): lock the journal if open, and say so calmly."""
        self.journal.answer_fault()

    def open_share(self, preselected: dict[str, set[object]] | None = None) -> None:
        """Start sharing; nothing is ticked except what the person came from."""
        self.dialogs.open_share(preselected)

    # Pages, built when first needed --------------------------------------------------------------------------
    @property
    def unlock_page(self) -> UnlockPage:
        """The passphrase screen: built the first time a journal is chosen."""
        if self._unlock_page is None:
            from recoveryjournal.ui.pages.unlock_page import UnlockPage

            page = UnlockPage(self)
            self.stack.insertWidget(1, page)
            page.unlock_requested.connect(self.journal.unlock_with)
            page.open_other_requested.connect(self.dialogs.open_journal_folder)
            page.create_requested.connect(self.journal.create_journal)
            page.restore_requested.connect(lambda: self.dialogs.open_restore())
            page.set_remember_available(self.journal.remember.available)
            self.journal.remember.availability_changed.connect(page.set_remember_available)
            self._unlock_page = page
        return self._unlock_page

    def unlock_page_if_made(self, do: Callable[[UnlockPage], None]) -> None:
        """Do something to the passphrase screen only if it was ever built."""
        if self._unlock_page is not None:
            do(self._unlock_page)

    @property
    def unlocked_view(self) -> UnlockedView:
        """Everything behind the lock: built the first time it is needed, so start-up shows only one screen."""
        if self._unlocked_view is None:
            from recoveryjournal.ui.pages.unlocked_view import UnlockedView

            view = UnlockedView(self)
            self.stack.addWidget(view)
            view.journal_page.share_requested.connect(lambda entry_id: self.open_share({"entry": {entry_id}}))
            view.journal_page.backup_requested.connect(self.dialogs.open_backup)
            view.tags_requested.connect(self.dialogs.open_tags)
            self._unlocked_view = view
        return self._unlocked_view

    def unlocked_view_if_made(self) -> UnlockedView | None:
        """The journal's tabs, if they were ever built."""
        return self._unlocked_view

    @property
    def journal_page(self) -> JournalPage:
        """The journal tab."""
        return self.unlocked_view.journal_page

    # UI ---------------------------------------------------------------------------------
    def _setup_ui(self) -> None:
        self.welcome_page = WelcomePage(self)
        self._unlock_page = None
        self._unlocked_view = None
        self.cover_page = CoverPage(self)
        self.stack = QStackedWidget(self)
        for page in (self.welcome_page, self.cover_page):
            self.stack.addWidget(page)
        self.banner = message_line(self, "banner")
        self.reminder_bar = ReminderBar(self)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 4, 8, 8)
        layout.addWidget(self.banner)
        layout.addWidget(self.reminder_bar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.journal = JournalController(self)
        self.dialogs = WindowDialogs(self, self.journal)
        self.menus = WindowMenus(self, self.journal, self.dialogs)
        self.journal.recovery_key_used.connect(lambda: self.dialogs.change_passphrase(with_recovery_key=True))

        self.welcome_page.create_requested.connect(self.journal.create_journal)
        self.welcome_page.open_requested.connect(self.dialogs.open_journal_folder)
        self.welcome_page.demo_requested.connect(self.journal.open_demo)
        self.cover_page.continue_requested.connect(self.journal.continue_from_cover)
        self.reminder_bar.accepted.connect(lambda: self.unlocked_view.show_checkin())
        self.quick_exit_keys = QuickExitKeys(self.journal.quick_exit, self)
        self.system_lock = SystemLockSignals(lambda _reason: self.journal.lock(), self)

    def widget(self) -> QMainWindow:
        """The window itself (its parts are given it as a WindowHost)."""
        return self

    def update_actions(self) -> None:
        """Menus, toolbar and banner as the journal's state asks (open, read-only, demo, covered)."""
        session = self.journal.session
        unlocked = session is not None
        covered = self.stack.currentWidget() is self.cover_page
        read_only = session is not None and session.read_only
        self.menus.update(
            unlocked=unlocked, covered=covered, medicines=session is not None and session.medicines.turned_on,
            passphrase=unlocked and not self.journal.is_demo and not read_only, writable=unlocked and not read_only,
        )  # fmt: skip
        self.menuBar().setVisible(not covered)
        notes = []
        if unlocked and self.journal.is_demo:
            notes.append(_(DEMO_BANNER).format(passphrase=DEMO_PASSPHRASE))
        if read_only and session is not None:
            notes.append(session.read_only_note)
        show_message(self.banner, "\n".join(notes))

    def paintEvent(self, event: QPaintEvent) -> None:
        """The first frame is on screen: say so, then start what may wait for it."""
        super().paintEvent(event)
        if not self._first_frame_done:
            self._first_frame_done = True
            QTimer.singleShot(0, self._after_first_frame)  # after the rest of this frame is painted

    def _after_first_frame(self) -> None:
        self.first_frame_shown.emit()
        self.quick_exit_keys.watch()
        self.system_lock.watch()
        self.dialogs.offer_welcome_tour()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing the window locks the journal first (taking today's automatic backup, if chosen), and
        remembers its size and place for next time (not on a shared PC)."""
        self.journal.lock(wait=True)
        if self.policy.leaves_no_traces:
            forget_traces_of_dialogs()  # again as the app goes: a dialog's own settings are written when it is deleted
        if not self.policy.leaves_no_traces and self.stack.currentWidget() is not self.cover_page:
            self.settings.window_geometry = bytes(self.saveGeometry().data())
        super().closeEvent(event)
