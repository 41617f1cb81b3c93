"""The main window: welcome, locked and unlocked views, and the actions around them."""

from __future__ import annotations

import threading
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QIcon, QPaintEvent
from PySide6.QtWidgets import (
    QDialog,
    QMainWindow,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from recoveryjournal import APP_NAME
from recoveryjournal.domain.errors import PLACE_GONE, JournalDamaged, JournalError
from recoveryjournal.i18n import _, warm_up
from recoveryjournal.services.locations import DEMO_PASSPHRASE, demo_journal_path
from recoveryjournal.services.policy import Policy, load_policy
from recoveryjournal.ui.backup_actions import BackupActions
from recoveryjournal.ui.help_actions import HelpActions
from recoveryjournal.ui.menu_actions import TEXT, MenuActions
from recoveryjournal.ui.pages.cover_page import NEUTRAL_TITLE, CoverPage
from recoveryjournal.ui.pages.welcome_page import WelcomePage
from recoveryjournal.ui.safety.idle_lock import IdleLock
from recoveryjournal.ui.safety.lock_sweep import (
    clear_clipboard,
    clear_clipboard_if_ours,
    close_other_windows,
    texts_shown,
)
from recoveryjournal.ui.safety.quick_exit import QuickExitKeys
from recoveryjournal.ui.safety.remember import RememberPassphrase
from recoveryjournal.ui.safety.system_events import SystemLockSignals
from recoveryjournal.ui.settings import DEFAULT_AUTO_LOCK_MINUTES, AppSettings
from recoveryjournal.ui.widgets.common import message_line, show_message
from recoveryjournal.ui.widgets.file_dialogs import choose_folder, forget_traces_of_dialogs
from recoveryjournal.ui.widgets.reminder_bar import ReminderBar
from recoveryjournal.ui.widgets.screen_fit import fit_to_screen
from recoveryjournal.ui.workers import run_in_background

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


class MainWindow(MenuActions, BackupActions, HelpActions, QMainWindow):
    """Owns the current JournalSession; pages only show what it holds."""

    #: The window's first frame is on screen (the start-up benchmark stops here).
    first_frame_shown = Signal()
    stack: QStackedWidget
    _unlock_page: UnlockPage | None
    _unlocked_view: UnlockedView | None

    def __init__(
        self, settings: AppSettings | None = None, policy: Policy | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.settings = settings or AppSettings()
        self.policy = policy or load_policy()
        self.session: JournalSession | None = None
        self.journal_path: Path | None = None
        self._left_at: tuple[Path, str] | None = None
        self._is_demo = False
        self._first_frame_done = False
        self.setWindowTitle(APP_NAME)  # never the journal's name: others may see the taskbar
        self.resize(1000, 680)
        if not self.policy.leaves_no_traces and (geometry := self.settings.window_geometry):
            self.restoreGeometry(QByteArray(geometry))  # where the person left it (a shared PC keeps no such thing)
        self._setup_ui()
        fit_to_screen(self)  # a size saved on a big monitor, opened on a laptop: all of it on this screen
        self.welcome_page.set_centre(self.policy.centre_name, self.policy.support_line, self.policy.shared_pc)
        self._update_actions()

    # Public -----------------------------------------------------------------------------
    def start(self, journal: Path | None = None, demo: bool = False) -> None:
        """Show the right first screen: the demo, a given journal, the last one used, or a welcome."""
        if demo:
            self.open_demo()
            return
        path = journal or (self.settings.last_journal if self.policy.may_remember_last_journal else None)
        if path is not None:
            self.show_unlock(path)
        else:
            self.stack.setCurrentWidget(self.welcome_page)

    def show_unlock(self, path: Path, hint: str = "") -> None:
        """Ask for the passphrase of the journal at `path`."""
        self.lock()
        self.journal_path = path
        self.unlock_page.set_journal(path, hint)
        self.stack.setCurrentWidget(self.unlock_page)
        self.unlock_page.focus_secret()
        self.remember.try_unlock(path, self._on_unlocked)

    def lock(self, wait: bool = False) -> None:
        """Save what was typed, close the journal and empty every view of it.

        If the person chose automatic backups, today's is taken as the journal closes: off the GUI thread
        after the window is already locked (or, when the app is closing, before it goes).
        """
        self.idle_lock.stop()
        self.reminder_timer.stop()
        self.place_watch.stop()
        self.reminder_bar.hide()
        close_other_windows(keep=self)
        if self.session is None:
            return
        # The one path that must always finish: whatever a page raises while saving, the journal is closed,
        # the views are emptied and the clipboard is handled; the fault itself then takes the one error path.
        fault: BaseException | None = None
        # Back where you were, next time (not on a shared PC: the next person learns nothing of this one).
        if not self.policy.leaves_no_traces:
            self._left_at = (self.session.path, self.unlocked_view.current_page_name())
        try:
            self.unlocked_view.save_before_lock()
        except JournalError:
            pass  # the place took no more writes (stick out, disk full): lock all the same
        except Exception as exc:
            fault = exc
        finally:
            with suppress(Exception):
                if self.policy.leaves_no_traces:
                    clear_clipboard()
                else:
                    clear_clipboard_if_ours(texts_shown(self))
            session, self.session = self.session, None
            with suppress(Exception):
                self.unlocked_view.clear()
            self._finish_session(session, wait=wait)
        self.unlock_page.reset()
        if self.policy.leaves_no_traces:  # the next person sees a neutral start screen, nothing of this one
            forget_traces_of_dialogs()
            self.journal_path = None
            self.unlock_page.set_journal(Path("journal"), "")
            if self.stack.currentWidget() is not self.cover_page:
                self.stack.setCurrentWidget(self.welcome_page)
        else:  # the lock screen names the journal and has the cursor, as KeePassXC's does
            self.journal_path = session.path
            hint = TEXT["demo_banner"].format(passphrase=DEMO_PASSPHRASE) if self._is_demo else ""
            self.unlock_page.set_journal(session.path, hint)
            if self.stack.currentWidget() is not self.cover_page:
                self.stack.setCurrentWidget(self.unlock_page)
                self.unlock_page.focus_secret()
        self._update_actions()
        if fault is not None:  # told last, once the window shows the locked journal
            from recoveryjournal.ui.errors import report_fault

            report_fault(fault)

    def open_share(self, preselected: dict[str, set[object]] | None = None) -> None:
        """Start sharing; nothing is ticked except what the person came from (e.g. 'share this entry')."""
        if self.session is None:
            return
        self.unlocked_view.save_if_dirty()
        from recoveryjournal.ui.dialogs.share_dialog import ShareDialog

        self.share_dialog = ShareDialog(self.session, self.policy, preselected, self)
        self.share_dialog.open()

    def quick_exit(self) -> None:
        """Lock, put a neutral page in the window, give it a neutral title, and minimise it."""
        self.lock()
        self.stack.setCurrentWidget(self.cover_page)
        self.setWindowTitle(_(NEUTRAL_TITLE))
        # The task bar shows a plain document, not the app's icon (issue 24, finding 11).
        self.setWindowIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon))
        self._update_actions()
        self.showMinimized()

    def open_demo(self) -> None:
        """Open (making it first, if needed) the demo journal."""
        self.lock()
        path = demo_journal_path()
        with suppress(OSError):  # its folder at once, so a quick quit still finds where it was being made
            path.parent.mkdir(parents=True, exist_ok=True)
        self.journal_path = path
        self.unlock_page.set_journal(path, TEXT["demo_banner"].format(passphrase=DEMO_PASSPHRASE))
        self.unlock_page.set_busy(True)
        self.stack.setCurrentWidget(self.unlock_page)
        from recoveryjournal.services.demo import open_or_create_demo

        run_in_background(
            lambda: open_or_create_demo(path),
            lambda s: self._on_unlocked(s, demo=True),
            self._on_unlock_failed,
            owner=self,
        )

    @property
    def unlock_page(self) -> UnlockPage:
        """The passphrase screen: built the first time a journal is chosen."""
        if self._unlock_page is None:
            from recoveryjournal.ui.pages.unlock_page import UnlockPage

            page = UnlockPage(self)
            self.stack.insertWidget(1, page)
            page.unlock_requested.connect(self._on_unlock_requested)
            page.open_other_requested.connect(self._on_open_requested)
            page.create_requested.connect(self._on_create_requested)
            page.restore_requested.connect(lambda: self.open_restore())
            page.set_remember_available(self.remember.available)
            self.remember.availability_changed.connect(page.set_remember_available)
            self._unlock_page = page
        return self._unlock_page

    @property
    def unlocked_view(self) -> UnlockedView:
        """Everything behind the lock: built the first time it is needed, so start-up shows only one screen."""
        if self._unlocked_view is None:
            from recoveryjournal.ui.pages.unlocked_view import UnlockedView

            view = UnlockedView(self)
            self.stack.addWidget(view)
            view.journal_page.share_requested.connect(lambda entry_id: self.open_share({"entry": {entry_id}}))
            view.journal_page.backup_requested.connect(self.open_backup)
            self._unlocked_view = view
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
        self.reminder_timer = QTimer(self)
        self.reminder_timer.timeout.connect(lambda: self.reminder_bar.ask() if self.session else None)
        # A journal on a USB stick can vanish while open: then lock at once and say what happened.
        self.place_watch = QTimer(self)
        self.place_watch.setInterval(1000)
        self.place_watch.timeout.connect(self._check_place)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 4, 8, 8)
        layout.addWidget(self.banner)
        layout.addWidget(self.reminder_bar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._setup_actions()

        self.welcome_page.create_requested.connect(self._on_create_requested)
        self.welcome_page.open_requested.connect(self._on_open_requested)
        self.welcome_page.demo_requested.connect(self.open_demo)
        self.cover_page.continue_requested.connect(self._on_cover_continue)
        self.reminder_bar.accepted.connect(lambda: self.unlocked_view.show_checkin())
        self._backups_done = threading.Event()
        self._backups_done.set()
        self.idle_lock = IdleLock(self.lock, self)
        self.idle_lock.set_minutes(self.settings.auto_lock_minutes)
        self.idle_lock.stop()
        self.quick_exit_keys = QuickExitKeys(self.quick_exit, self)
        self.system_lock = SystemLockSignals(lambda _reason: self.lock(), self)
        self.remember = RememberPassphrase(self.policy, self)

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
        self.offer_welcome_tour()

    def _update_actions(self) -> None:
        unlocked = self.session is not None
        covered = self.stack.currentWidget() is self.cover_page
        self.lock_action.setEnabled(unlocked)
        self.lock_action.setVisible(unlocked)
        for action in (self.plan_action, self.share_action, self.share_log_action):
            action.setEnabled(unlocked)
            action.setVisible(unlocked)
        medicines = unlocked and self.session is not None and self.session.medicines.turned_on
        self.medicines_action.setVisible(medicines)
        self.medicines_action.setEnabled(medicines)
        self.toolbar.setVisible(not covered)
        self.menuBar().setVisible(not covered)
        read_only = self.session is not None and self.session.read_only
        self.passphrase_action.setEnabled(unlocked and not self._is_demo and not read_only)
        self.backup_action.setEnabled(unlocked)
        self.import_action.setEnabled(unlocked and not read_only)
        notes = []
        if unlocked and self._is_demo:
            notes.append(TEXT["demo_banner"].format(passphrase=DEMO_PASSPHRASE))
        if read_only and self.session is not None:
            notes.append(self.session.read_only_note)
        show_message(self.banner, "\n".join(notes))

    def _on_unlock_requested(self, secret: str, is_recovery_key: bool) -> None:
        path = self.journal_path
        if path is None:
            return
        remember = self.unlock_page.remember_requested and not is_recovery_key

        def unlocked(session: JournalSession) -> None:
            self._on_unlocked(session)
            if remember and self.session is session:
                self.remember.remember(session, secret, lambda text: self.statusBar().showMessage(text, 10_000))

        def unlock() -> JournalSession:
            from recoveryjournal.services.journal_service import unlock_journal

            self._backups_done.wait(60)  # an automatic backup taken on lock still holds the journal briefly
            session = unlock_journal(path, secret, recovery_key=is_recovery_key)
            warm_up()  # Babel's dates for the first list, here rather than on the GUI thread (~60 ms)
            return session

        run_in_background(
            unlock,
            unlocked,
            self._on_unlock_failed,
            owner=self,
        )

    def _on_unlocked(self, session: JournalSession, demo: bool = False) -> None:
        if self.session is not None:  # a second unlock finished (double action): keep the first
            session.lock()
            return
        self.session, self._is_demo = session, demo
        if not demo and self.policy.may_remember_last_journal:
            self.settings.last_journal = session.path
        self.unlocked_view.set_session(session)
        self.stack.setCurrentWidget(self.unlocked_view)
        left_at, self._left_at = self._left_at, None
        if left_at is not None and left_at[0] == session.path and not self.policy.leaves_no_traces:
            self.unlocked_view.show_page(left_at[1])  # back on the tab that was open when it locked
        else:
            self.journal_page.list_view.setFocus()  # keyboard users land in the journal, not nowhere
        self._update_actions()
        self._start_idle_lock()
        self._start_reminder()
        self.place_watch.start()
        self._show_backup_note()
        self.remember.refresh(session.path)
        if session.opened_with_recovery_key:
            self._on_change_passphrase(with_recovery_key=True)

    def _on_unlock_failed(self, exc: Exception) -> None:
        """Every way an unlock can end badly ends on words and a way forward, never on "Unlocking…"; a fault we
        didn't expect is told as damage that a backup can mend (and reported by the worker)."""
        if isinstance(exc, JournalError):
            self.unlock_page.show_error(exc.message, offer_restore=isinstance(exc, JournalDamaged))
        else:
            self.unlock_page.show_error(JournalDamaged().message, offer_restore=True)

    def answer_fault(self) -> None:
        """The one error path's answer in the window (ui/errors): lock the journal if open, and say so calmly."""
        from recoveryjournal.ui.errors import SOMETHING_WENT_WRONG, SOMETHING_WENT_WRONG_UNLOCKED

        was_open = self.session is not None
        if was_open:
            self.lock()
        if self._unlock_page is not None:
            self._unlock_page.set_busy(False)
        show_message(self.banner, _(SOMETHING_WENT_WRONG if was_open else SOMETHING_WENT_WRONG_UNLOCKED), calm=False)

    def _check_place(self) -> None:
        if self.session is not None and not self.session.path.is_dir():
            self.lock()
            self.unlock_page.show_error(_(PLACE_GONE))

    def _on_create_requested(self) -> None:
        self.lock()
        from recoveryjournal.ui.dialogs.create_journal_wizard import CreateJournalWizard

        self.wizard = CreateJournalWizard(self, self.policy)
        self.wizard.finished.connect(self._on_wizard_finished)
        self.wizard.open()

    def _on_wizard_finished(self, result: int) -> None:
        session, self.wizard.session = self.wizard.session, None
        if session is None:
            return
        self.journal_path = session.path
        if result == QDialog.DialogCode.Accepted:
            self._on_unlocked(session)
        else:  # closed by a lock before the person finished: the new journal stays locked
            session.lock()
            if self.stack.currentWidget() is not self.cover_page:
                self.show_unlock(session.path)

    def _start_reminder(self) -> None:
        hours = self.settings.checkin_reminder_hours
        if hours and self.session is not None:
            self.reminder_timer.start(hours * 3_600_000)
        else:
            self.reminder_timer.stop()

    def _start_idle_lock(self) -> None:
        minutes = self.settings.auto_lock_minutes
        if minutes == 0 and not self.policy.may_turn_off_auto_lock:
            minutes = DEFAULT_AUTO_LOCK_MINUTES
        self.idle_lock.set_minutes(self.policy.idle_minutes(minutes))

    def _on_cover_continue(self) -> None:
        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(QIcon())  # the app's own icon again
        self.stack.setCurrentWidget(self.unlock_page if self.journal_path else self.welcome_page)
        self._update_actions()
        self.unlock_page.focus_secret()

    def _on_open_requested(self) -> None:
        from recoveryjournal.services.destinations import first_removable_place, plugged_in_stick
        from recoveryjournal.services.locations import documents_folder

        # On a shared PC, Open starts on the stick (journals live there); else where the last journal or a new
        # one would be.
        stick = (plugged_in_stick() or first_removable_place()) if self.policy.shared_pc else None
        start = stick or (self.journal_path.parent if self.journal_path else documents_folder())
        folder = choose_folder(self, TEXT["open_title"], str(start))
        if folder:
            self.show_unlock(Path(folder))

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing the window locks the journal first (taking today's automatic backup, if chosen), and
        remembers its size and place for next time (not on a shared PC)."""
        self.lock(wait=True)
        if self.policy.leaves_no_traces:
            forget_traces_of_dialogs()  # again as the app goes: a dialog's own settings are written when it is deleted
        if not self.policy.leaves_no_traces and self.stack.currentWidget() is not self.cover_page:
            self.settings.window_geometry = bytes(self.saveGeometry().data())
        super().closeEvent(event)
