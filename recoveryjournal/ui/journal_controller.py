"""The open journal's life in the window, in one place: choosing and unlocking it, locking it (by hand, when idle,
when the screen locks, when its stick is pulled out), quick exit and the neutral cover, the answer to a fault,
and the automatic backup taken as it closes. The window (ui/main_window.py) hosts the pages and menus; this
object decides which of them shows, as KeePassXC's per-database widget does for its window.
"""

from __future__ import annotations

import threading
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QDialog, QStyle

from recoveryjournal import APP_NAME
from recoveryjournal.domain.errors import PLACE_GONE, JournalDamaged, JournalError
from recoveryjournal.i18n import N_, _, warm_up
from recoveryjournal.services.locations import DEMO_PASSPHRASE, demo_journal_path
from recoveryjournal.ui.pages.cover_page import NEUTRAL_TITLE
from recoveryjournal.ui.safety.idle_lock import IdleLock
from recoveryjournal.ui.safety.lock_sweep import (
    clear_clipboard,
    clear_clipboard_if_ours,
    close_other_windows,
    texts_shown,
)
from recoveryjournal.ui.safety.remember import RememberPassphrase
from recoveryjournal.ui.settings import DEFAULT_AUTO_LOCK_MINUTES
from recoveryjournal.ui.widgets.common import show_message
from recoveryjournal.ui.widgets.file_dialogs import forget_traces_of_dialogs
from recoveryjournal.ui.window_host import WindowHost
from recoveryjournal.ui.workers import run_in_background

if TYPE_CHECKING:
    from recoveryjournal.services.journal_service import JournalSession

#: Said above an open demo journal (and on its lock screen).
DEMO_BANNER = N_(
    "This is a demo journal with made-up entries. Its passphrase is “{passphrase}”. Try anything: it's only a demo."
)


class JournalController(QObject):
    """Owns the open journal (`session`) and its life in `window`; the window's pages only show what it holds.
    `recovery_key_used` asks for a new passphrase (the journal was opened with its recovery key)."""

    recovery_key_used = Signal()

    def __init__(self, window: WindowHost) -> None:
        super().__init__(window.widget())
        self._window = window
        self._widget = window.widget()
        self.session: JournalSession | None = None
        self.journal_path: Path | None = None
        self.is_demo = False
        self._left_at: tuple[Path, str] | None = None
        self.wizard: QDialog | None = None
        self.reminder_timer = QTimer(self)
        self.reminder_timer.timeout.connect(lambda: window.reminder_bar.ask() if self.session else None)
        # A journal on a USB stick can vanish while open: then lock at once and say what happened.
        self.place_watch = QTimer(self)
        self.place_watch.setInterval(1000)
        self.place_watch.timeout.connect(self._check_place)
        self.backups_done = threading.Event()
        self.backups_done.set()
        self.idle_lock = IdleLock(self.lock, self._widget)
        self.idle_lock.set_minutes(window.settings.auto_lock_minutes)
        self.idle_lock.stop()
        self.remember = RememberPassphrase(window.policy, self._widget)

    # Choosing and unlocking -------------------------------------------------------------------------------------
    def start(self, journal: Path | None = None, demo: bool = False) -> None:
        """Show the right first screen: the demo, a given journal, the last one used, or a welcome."""
        if demo:
            self.open_demo()
            return
        policy, settings = self._window.policy, self._window.settings
        path = journal or (settings.last_journal if policy.may_remember_last_journal else None)
        if path is not None:
            self.show_unlock(path)
        else:
            self._window.stack.setCurrentWidget(self._window.welcome_page)

    def show_unlock(self, path: Path, hint: str = "") -> None:
        """Ask for the passphrase of the journal at `path`."""
        from recoveryjournal.services.cloud_folders import is_conflict_copy, opening_words

        self.lock()
        self.journal_path = path
        page = self._window.unlock_page
        page.set_journal(path, " ".join(part for part in (hint, opening_words(path)) if part))
        self._window.stack.setCurrentWidget(page)
        page.focus_secret()
        if not is_conflict_copy(path):  # a sync service's copy is never opened without the person choosing to
            self.remember.try_unlock(path, self._on_unlocked)

    def open_demo(self) -> None:
        """Open (making it first, if needed) the demo journal."""
        self.lock()
        path = demo_journal_path()
        with suppress(OSError):  # its folder at once, so a quick quit still finds where it was being made
            path.parent.mkdir(parents=True, exist_ok=True)
        self.journal_path = path
        page = self._window.unlock_page
        page.set_journal(path, _(DEMO_BANNER).format(passphrase=DEMO_PASSPHRASE))
        page.set_busy(True)
        self._window.stack.setCurrentWidget(page)
        from recoveryjournal.services.demo import open_or_create_demo

        run_in_background(lambda: open_or_create_demo(path), lambda s: self._on_unlocked(s, demo=True),
                          self._on_unlock_failed, owner=self._widget)  # fmt: skip

    def unlock_with(self, secret: str, is_recovery_key: bool) -> None:
        """The passphrase screen's Unlock: derive the key on a worker, then show the journal (or say why not)."""
        path = self.journal_path
        if path is None:
            return
        remember = self._window.unlock_page.remember_requested and not is_recovery_key

        def unlocked(session: JournalSession) -> None:
            self._on_unlocked(session)
            if remember and self.session is session:
                say = self._widget.statusBar().showMessage
                self.remember.remember(session, secret, lambda text: say(text, 10_000))

        def unlock() -> JournalSession:
            from recoveryjournal.services.journal_service import unlock_journal

            self.backups_done.wait(60)  # an automatic backup taken on lock still holds the journal briefly
            session = unlock_journal(path, secret, recovery_key=is_recovery_key)
            warm_up()  # Babel's dates for the first list, here rather than on the GUI thread (~60 ms)
            return session

        run_in_background(unlock, unlocked, self._on_unlock_failed, owner=self._widget)

    def _on_unlocked(self, session: JournalSession, demo: bool = False) -> None:
        if self.session is not None:  # a second unlock finished (double action): keep the first
            session.lock()
            return
        window, policy = self._window, self._window.policy
        self.session, self.is_demo = session, demo
        if not demo and policy.may_remember_last_journal:
            window.settings.last_journal = session.path
        window.unlocked_view.set_session(session)
        window.stack.setCurrentWidget(window.unlocked_view)
        left_at, self._left_at = self._left_at, None
        if left_at is not None and left_at[0] == session.path and not policy.leaves_no_traces:
            window.unlocked_view.show_page(left_at[1])  # back on the tab that was open when it locked
        else:
            window.journal_page.list_view.setFocus()  # keyboard users land in the journal, not nowhere
        window.update_actions()
        self.start_idle_lock()
        self.start_reminder()
        self.place_watch.start()
        self.show_backup_note()
        self.remember.refresh(session.path)
        if session.opened_with_recovery_key:
            self.recovery_key_used.emit()

    def _on_unlock_failed(self, exc: Exception) -> None:
        """Every way an unlock can end badly ends on words and a way forward, never on "Unlocking…"; a fault we
        didn't expect is told as damage that a backup can mend (and reported by the worker)."""
        page = self._window.unlock_page
        if isinstance(exc, JournalError):
            page.show_error(exc.message, offer_restore=isinstance(exc, JournalDamaged))
        else:
            page.show_error(JournalDamaged().message, offer_restore=True)

    # Creating -----------------------------------------------------------------------------------------------------
    def create_journal(self) -> None:
        """The create-journal wizard; the new journal opens when it finishes."""
        self.lock()
        from recoveryjournal.ui.dialogs.create_journal_wizard import CreateJournalWizard

        wizard = CreateJournalWizard(self._widget, self._window.policy)
        self.wizard = wizard
        wizard.finished.connect(self._on_wizard_finished)
        wizard.open()

    def _on_wizard_finished(self, result: int) -> None:
        from recoveryjournal.ui.dialogs.create_journal_wizard import CreateJournalWizard

        wizard = self.wizard
        if not isinstance(wizard, CreateJournalWizard):
            return
        session, wizard.session = wizard.session, None
        if session is None:
            return
        self.journal_path = session.path
        if result == QDialog.DialogCode.Accepted:
            self._on_unlocked(session)
        else:  # closed by a lock before the person finished: the new journal stays locked
            session.lock()
            if self._window.stack.currentWidget() is not self._window.cover_page:
                self.show_unlock(session.path)

    # Locking ------------------------------------------------------------------------------------------------------
    def lock(self, wait: bool = False) -> None:
        """Save what was typed, close the journal and empty every view of it.

        If the person chose automatic backups, today's is taken as the journal closes: off the GUI thread
        after the window is already locked (or, when the app is closing, before it goes).
        """
        window, policy = self._window, self._window.policy
        self.idle_lock.stop()
        self.reminder_timer.stop()
        self.place_watch.stop()
        window.reminder_bar.hide()
        close_other_windows(keep=self._widget)
        if self.session is None:
            return
        # The one path that must always finish: whatever a page raises while saving, the journal is closed,
        # the views are emptied and the clipboard is handled; the fault itself then takes the one error path.
        fault: BaseException | None = None
        # Back where you were, next time (not on a shared PC: the next person learns nothing of this one).
        if not policy.leaves_no_traces:
            self._left_at = (self.session.path, window.unlocked_view.current_page_name())
        try:
            window.unlocked_view.save_before_lock()
        except JournalError:
            pass  # the place took no more writes (stick out, disk full): lock all the same
        except Exception as exc:
            fault = exc
        finally:
            with suppress(Exception):
                if policy.leaves_no_traces:
                    clear_clipboard()
                else:
                    clear_clipboard_if_ours(texts_shown(self._widget))
            session, self.session = self.session, None
            with suppress(Exception):
                window.unlocked_view.clear()
            self._finish_session(session, wait=wait)
        self._show_locked(session)
        window.update_actions()
        if fault is not None:  # told last, once the window shows the locked journal
            from recoveryjournal.ui.errors import report_fault

            report_fault(fault)

    def _show_locked(self, session: JournalSession) -> None:
        """After locking: the lock screen names the journal and has the cursor (KeePassXC's way); on a shared PC
        the next person sees a neutral start screen, nothing of this one."""
        window = self._window
        page = window.unlock_page
        page.reset()
        covered = window.stack.currentWidget() is window.cover_page
        if window.policy.leaves_no_traces:
            forget_traces_of_dialogs()
            self.journal_path = None
            page.set_journal(Path("journal"), "")
            if not covered:
                window.stack.setCurrentWidget(window.welcome_page)
        else:
            self.journal_path = session.path
            page.set_journal(session.path, _(DEMO_BANNER).format(passphrase=DEMO_PASSPHRASE) if self.is_demo else "")
            if not covered:
                window.stack.setCurrentWidget(page)
                page.focus_secret()

    def _finish_session(self, session: JournalSession, wait: bool) -> None:
        """Close the journal; first today's automatic backup, if the person chose them (on a worker, unless the
        app is closing)."""

        policy = self._window.policy
        try:
            settings = session.backups.settings()
            wanted = settings.auto_folder is not None and session.backups.automatic_due()
        except JournalError:
            wanted = False
        if not wanted:
            session.lock()
            return
        if wait:
            with suppress(JournalError):
                session.backups.take_automatic(policy)
            session.lock()
            return
        self.backups_done.clear()

        def finished(_result: object) -> None:
            session.lock()
            self.backups_done.set()

        run_in_background(lambda: session.backups.take_automatic(policy), finished, finished)

    def quick_exit(self) -> None:
        """Lock, put a neutral page in the window, give it a neutral title, and minimise it."""
        window, widget = self._window, self._widget
        self.lock()
        window.stack.setCurrentWidget(window.cover_page)
        widget.setWindowTitle(_(NEUTRAL_TITLE))
        # The task bar shows a plain document, not the app's icon (issue 24, finding 11).
        widget.setWindowIcon(widget.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon))
        window.update_actions()
        widget.showMinimized()

    def continue_from_cover(self) -> None:
        """The cover's way back: the app's own title and icon again, on the lock screen (or the welcome)."""
        window = self._window
        self._widget.setWindowTitle(APP_NAME)
        self._widget.setWindowIcon(QIcon())  # the app's own icon again
        window.stack.setCurrentWidget(window.unlock_page if self.journal_path else window.welcome_page)
        window.update_actions()
        window.unlock_page.focus_secret()

    def answer_fault(self) -> None:
        """The one error path's answer in the window (ui/errors): lock the journal if open, and say so calmly."""
        from recoveryjournal.ui.errors import SOMETHING_WENT_WRONG, SOMETHING_WENT_WRONG_UNLOCKED

        was_open = self.session is not None
        if was_open:
            self.lock()
        self._window.unlock_page_if_made(lambda page: page.set_busy(False))
        show_message(self._window.banner, _(SOMETHING_WENT_WRONG if was_open else SOMETHING_WENT_WRONG_UNLOCKED),
                     calm=False)  # fmt: skip

    def _check_place(self) -> None:
        if self.session is not None and not self.session.path.is_dir():
            self.lock()
            self._window.unlock_page.show_error(_(PLACE_GONE))

    # While it is open ---------------------------------------------------------------------------------------------
    def start_reminder(self) -> None:
        """The gentle check-in reminder, every few hours while the journal is open (only if chosen)."""
        hours = self._window.settings.checkin_reminder_hours
        if hours and self.session is not None:
            self.reminder_timer.start(hours * 3_600_000)
        else:
            self.reminder_timer.stop()

    def start_idle_lock(self) -> None:
        """Lock after the chosen idle minutes (the policy's limit on a shared PC; never off there)."""
        policy = self._window.policy
        minutes = self._window.settings.auto_lock_minutes
        if minutes == 0 and not policy.may_turn_off_auto_lock:
            minutes = DEFAULT_AUTO_LOCK_MINUTES
        self.idle_lock.set_minutes(policy.idle_minutes(minutes))

    def show_backup_note(self) -> None:
        """A quiet 'your last backup was 40 days ago' on the journal page, when it is due."""
        if self.session is None:
            return

        try:
            days = self.session.backups.settings().remind_after_days
            note = self.session.backups.reminder(days)
        except JournalError:
            note = ""
        self._window.journal_page.show_backup_note(note)
