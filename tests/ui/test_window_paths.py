"""The window never freezes, never hides a fault, and every feature is in reach (issue 22): the menu walk, the
derivation thread, the one error path with canaries, and a lock that always finishes."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolBar

from recoveryjournal.services.journal_service import create_journal
from recoveryjournal.storage import keyfile
from recoveryjournal.ui.workers import background_tasks_running
from tests.conftest import PASSPHRASE
from tests.ui.conftest import choose_from_menu, create_through_wizard, unlock


def _reachable(window) -> set[QAction]:
    found: set[QAction] = set()
    menus = [a.menu() for a in window.menuBar().actions() if isinstance(a.menu(), QMenu)]
    while menus:
        menu = menus.pop()
        for action in menu.actions():
            found.add(action)
            if isinstance(action.menu(), QMenu):
                menus.append(action.menu())
    for bar in window.findChildren(QToolBar):
        found.update(bar.actions())
    return found


def test_every_named_action_is_in_a_menu_or_toolbar(qtbot, window, created_journal) -> None:
    """Walk the unlocked window's menu bar and toolbars: no action of the window is reachable only by code."""
    window.start(journal=created_journal[0])
    unlock(qtbot, window, PASSPHRASE)
    named = {name: value for name, value in vars(window.menus).items() if isinstance(value, QAction)}
    assert {"settings_action", "share_log_action"} <= set(named)
    reachable = _reachable(window)
    assert [name for name, action in named.items() if action not in reachable] == []


def test_settings_and_the_share_log_open_through_the_menu_and_their_keys(qtbot, window, created_journal) -> None:
    """Journal → Settings… and Journal → What I've shared… by mouse; Ctrl+, by keyboard."""
    from PySide6.QtCore import Qt

    from recoveryjournal.ui.dialogs.settings_dialog import SettingsDialog
    from recoveryjournal.ui.dialogs.share_log_dialog import ShareLogDialog

    window.start(journal=created_journal[0])
    unlock(qtbot, window, PASSPHRASE)
    choose_from_menu(qtbot, window, "Journal", "Settings…")
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(SettingsDialog)), timeout=3_000)
    for dialog in window.findChildren(SettingsDialog):
        dialog.reject()
    choose_from_menu(qtbot, window, "Journal", "What I've shared…")
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(ShareLogDialog)), timeout=3_000)
    for dialog in window.findChildren(ShareLogDialog):
        dialog.reject()
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(SettingsDialog)), timeout=3_000)


def test_no_key_derivation_runs_on_the_gui_thread(qtbot, window, tmp_path: Path, monkeypatch) -> None:
    """Create, unlock, change passphrase and restore, all through the window: the thread is recorded inside the
    real derivation function, every time (deterministic, no timing)."""

    from recoveryjournal.ui.dialogs.change_passphrase_dialog import ChangePassphraseDialog
    from recoveryjournal.ui.dialogs.restore_dialog import RestoreDialog

    threads: list[bool] = []
    real = keyfile.derive

    def recording(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(keyfile, "derive", recording)
    create_through_wizard(qtbot, window, tmp_path, "Mine", PASSPHRASE)  # create
    made = len(threads)
    assert window.session is not None and made >= 2
    journal = window.session.path
    backup = window.session.backups.back_up(tmp_path / "b.rjbackup").path
    choose_from_menu(qtbot, window, "Journal", "Change passphrase…")  # change passphrase
    dialog = window.findChild(ChangePassphraseDialog)
    dialog.current.setText(PASSPHRASE)
    dialog.new.setText("a new phrase for this test")
    dialog.again.setText("a new phrase for this test")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=15_000)
    window.lock()
    window.show_unlock(journal)  # unlock
    unlock(qtbot, window, "a new phrase for this test")
    assert window.session is not None
    choose_from_menu(qtbot, window, "Journal", "Restore from a backup…")  # restore
    restore = window.findChild(RestoreDialog)
    restore.file_edit.setText(str(backup))
    restore.secret.setText(PASSPHRASE)
    restore.check_button.click()
    qtbot.waitUntil(lambda: background_tasks_running() == 0 and restore.restore_button.isEnabled(), timeout=15_000)
    restore.reject()
    assert len(threads) > made + 3
    assert not any(threads), f"{threads.count(True)} of {len(threads)} derivations ran on the GUI thread"


CANARIES = ("CANARYTEXT5521", "CANARYPASS7713", "CANARYJOURNAL8842", "CANARYEXPORT3391")


def test_a_fault_in_a_slot_locks_tells_calmly_and_reports_no_private_words(qtbot, window, tmp_path, capfd) -> None:
    """Canaries in the journal's text, its passphrase, its folder's name and an export's name; a slot raises an
    error whose own words carry all of them. The journal locks, the window says so, the report holds none."""
    from recoveryjournal.services.exporter import Exporter
    from recoveryjournal.services.policy import Policy
    from recoveryjournal.ui import errors
    from recoveryjournal.ui.app import install_error_path

    passphrase = f"my {CANARIES[1]} phrase"
    s, _key = create_journal(tmp_path / CANARIES[2], passphrase)
    entry = s.entries.add(f"words {CANARIES[0]}", "Title")
    from recoveryjournal.domain.share import ShareRequest

    assert (
        Exporter(Policy()).share(s, ShareRequest(entry_ids=(entry.id,)), "json", tmp_path / f"{CANARIES[3]}.json").done
    )
    path = s.path
    s.lock()
    install_error_path(window)
    window.start(journal=path)
    unlock(qtbot, window, passphrase)
    assert window.session is not None

    def broken() -> None:
        raise RuntimeError(" ".join(CANARIES) + f" {path}")

    QTimer.singleShot(0, broken)  # a fault inside a Qt slot, as a real one would be
    qtbot.waitUntil(lambda: window.session is None, timeout=5_000)
    assert "Your journal is safe" in window.banner.text()
    report = errors.last_reports()[-1]
    out, err = capfd.readouterr()
    logs = list(Path(tmp_path).parent.rglob("problems.log"))
    written = "".join(p.read_text() for p in logs)
    assert "builtins.RuntimeError" in report
    for canary in CANARIES:
        for where in (report, out, err, written):
            assert canary not in where, canary


def test_a_fault_on_a_plain_thread_locks_and_says_so_without_crashing(qtbot, window, created_journal) -> None:
    """Issue 33, 6: an exception on a plain threading.Thread (not one of the app's workers) with the journal open:
    the answer is handed to the window's thread (it used to touch widgets from that thread: a segmentation
    fault), so the app keeps running, locks the journal and says so; the report is kept owner-only."""
    import os
    import stat

    from recoveryjournal.services.problem_log import log_path
    from recoveryjournal.ui import errors
    from recoveryjournal.ui.app import install_error_path

    install_error_path(window)
    window.start(journal=created_journal[0])
    unlock(qtbot, window, PASSPHRASE)
    assert window.session is not None
    answered_on: list[object] = []
    original = window.answer_fault

    def watched() -> None:
        answered_on.append(threading.current_thread())
        original()

    errors._relay._on_fault = watched  # type: ignore[union-attr]

    def broken() -> None:
        raise RuntimeError("a fault on a thread of its own")

    thread = threading.Thread(target=broken)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: window.session is None, timeout=5_000)
    assert answered_on == [threading.main_thread()]
    assert "Your journal is safe" in window.banner.text() and window.isVisible()
    assert "builtins.RuntimeError" in errors.last_reports()[-1]
    kept = log_path()
    assert kept.is_file() and stat.S_IMODE(os.stat(kept).st_mode) == 0o600
    window.start(journal=created_journal[0])  # and the app goes on: the journal opens again
    unlock(qtbot, window, PASSPHRASE)
    assert window.session is not None


def test_lock_always_finishes_whatever_a_page_raises(qtbot, window, created_journal, monkeypatch) -> None:
    """A page's save_before_lock raises a RuntimeError: the journal is closed all the same, the views are empty,
    the idle watch is stopped, and the fault is told."""
    from recoveryjournal.ui.app import install_error_path

    install_error_path(window)
    window.start(journal=created_journal[0])
    unlock(qtbot, window, PASSPHRASE)
    assert window.journal_page.model.rowCount() > 0

    def broken() -> None:
        raise RuntimeError("a repair rule that broke")

    monkeypatch.setattr(window.unlocked_view, "save_before_lock", broken)
    window.lock()
    assert window.session is None
    assert window.journal_page.model.rowCount() == 0
    assert not window.journal.idle_lock.timer.isActive() and not window.journal.idle_lock.watching
    assert "Something went wrong" in window.banner.text()


def test_a_fault_while_opening_ends_on_words_and_a_way_forward(qtbot, window, created_journal, monkeypatch) -> None:
    """An unexpected error during unlock: never a stuck "Unlocking…", but a message and Restore from a backup…."""
    from recoveryjournal.services import journal_service

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise ValueError("a page of this journal that no reader expected")

    monkeypatch.setattr(journal_service, "unlock_journal", broken)
    window.start(journal=created_journal[0])
    unlock(qtbot, window, PASSPHRASE)
    page = window.unlock_page
    assert page.unlock_button.isEnabled() and page.unlock_button.text() != "Unlocking…"
    assert page.error_label.isVisible() and page.restore_button.isVisible()


def test_every_tab_shares_one_lifecycle() -> None:
    """Every tab behind the lock is a JournalTab (load, clear, has_unsaved, save); the view asks nothing else."""
    import inspect

    from recoveryjournal.ui.pages import unlocked_view
    from recoveryjournal.ui.pages.journal_tab import JournalTab

    assert all(issubclass(cls, JournalTab) for _name, _title, cls in unlocked_view._TABS)
    assert "hasattr" not in inspect.getsource(unlocked_view)


def test_leaving_the_check_in_tab_or_locking_never_records_a_check_in(qtbot, window, created_journal) -> None:
    """A mood chosen but not saved stays a choice: switching tabs and locking save what was typed elsewhere,
    and record no check-in the person didn't ask for."""
    window.start(journal=created_journal[0])
    unlock(qtbot, window, PASSPHRASE)
    view = window.unlocked_view
    view.show_checkin()
    view.checkin_page.mood_buttons[6].click()
    view.tabs.setCurrentWidget(view.journal_page)
    session = window.session
    assert session is not None and session.checkins.between() == []
    window.lock()
    from recoveryjournal.services.journal_service import unlock_journal

    again = unlock_journal(created_journal[0], PASSPHRASE)
    assert again.checkins.between() == []
    again.lock()


def test_an_import_reloads_what_changed_instead_of_rebuilding_the_view(qtbot, window, tmp_path, monkeypatch) -> None:
    """Journal → Bring in from another app… with a full export holding entries and a goal: the services announce
    what changed (on the GUI thread), the tabs show it, and the view is never set up again."""
    from recoveryjournal.domain.goals import Goal
    from recoveryjournal.services.exporter import Exporter
    from recoveryjournal.services.policy import Policy
    from recoveryjournal.ui.pages.unlocked_view import UnlockedView

    other, _ = create_journal(tmp_path / "other", "other passphrase")
    other.entries.add("An entry that comes in.", "Brought in")
    other.goals.save(Goal(None, "A goal that comes in"))
    assert Exporter(Policy()).export_all(other, tmp_path / "all.json").done
    other.lock()
    mine, _ = create_journal(tmp_path / "mine", PASSPHRASE)
    path = mine.path
    mine.lock()
    window.start(journal=path)
    unlock(qtbot, window, PASSPHRASE)
    view = window.unlocked_view
    goals = view.goals_page  # built now, and hidden behind the journal tab
    assert goals.goals.count() == 0 and window.journal_page.model.rowCount() == 0
    calls: list[object] = []
    monkeypatch.setattr(UnlockedView, "set_session", lambda self, s: calls.append(s))
    choose_from_menu(qtbot, window, "Journal", "Bring in from another app…")
    dialog = window.dialogs.import_dialog
    dialog.set_file(tmp_path / "all.json")
    qtbot.waitUntil(lambda: background_tasks_running() == 0 and dialog.bring_button.isEnabled(), timeout=10_000)
    dialog.bring_button.click()
    qtbot.waitUntil(lambda: background_tasks_running() == 0, timeout=10_000)
    assert calls == []  # reloaded, not set up again
    assert window.journal_page.model.rowCount() == 1  # the tab on screen
    assert [goals.goals.item(i).text().splitlines()[0] for i in range(goals.goals.count())] == ["A goal that comes in"]


def test_the_lock_screen_has_the_cursor_names_the_journal_and_returns_to_the_tab(qtbot, window, tmp_path) -> None:
    """Issue 24, finding 1: after Ctrl+L the passphrase box has the cursor and the screen names the journal (also
    right after creating it); unlocking again lands on the tab that was open."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    create_through_wizard(qtbot, window, tmp_path, "Kim's journal", PASSPHRASE)
    view = window.unlocked_view
    view.show_page("goals_page")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.session is None and window.stack.currentWidget() is window.unlock_page
    assert "Kim's journal" in window.unlock_page.journal_label.text()
    focused = QApplication.focusWidget()
    assert focused is not None and (focused is window.unlock_page.secret_field
                                    or window.unlock_page.secret_field.isAncestorOf(focused))  # fmt: skip
    qtbot.keyClicks(focused, PASSPHRASE)  # typed straight in, no click first
    qtbot.keyClick(focused, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.session is not None, timeout=10_000)
    assert view.tabs.currentWidget() is view.goals_page


def test_ctrl_2_then_a_number_records_that_mood_and_the_scale_has_words_at_its_ends(
    qtbot, window, created_journal
) -> None:
    """Issue 24, finding 3: Ctrl+2 moves the keyboard into the check-in, so a number key chooses the mood; the
    ends of the scale say what 1 and 10 mean (the person's own words once they set them)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    window.start(journal=created_journal[0])
    unlock(qtbot, window, PASSPHRASE)
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    tab = window.unlocked_view.checkin_page
    assert window.unlocked_view.tabs.currentWidget() is tab
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_7)
    assert tab.mood() == 7
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_0)
    assert tab.mood() == 10
    assert (tab.low_end.text(), tab.high_end.text()) == ("1: Very low", "10: Really good")
    window.session.checkins.set_scale_word("mood", 10, "Like a good summer")
    tab._on_words_done(0)
    assert tab.high_end.text() == "10: Like a good summer"
    window.lock()
    assert tab.high_end.text() == ""


def test_after_quick_exit_the_task_bar_shows_a_plain_document(qtbot, window, created_journal) -> None:
    """Issue 24, finding 11: the cover has a plain title and a plain document's icon, not the app's; Continue
    brings the app's icon back."""
    from PySide6.QtWidgets import QApplication

    window.start(journal=created_journal[0])
    unlock(qtbot, window, PASSPHRASE)
    app_icon = QApplication.windowIcon().cacheKey()
    window.menus.toolbar.widgetForAction(
        window.menus.quick_exit_action
    ).click()  # the red button, as a person presses it
    assert window.session is None and window.windowTitle() == "Untitled"
    assert window.windowIcon().cacheKey() != app_icon and not window.windowIcon().isNull()
    window.cover_page.continue_button.click()
    assert window.windowTitle() == "Recovery Journal" and window.windowIcon().cacheKey() == app_icon


def test_a_new_journal_is_suggested_in_documents_and_the_passphrase_page_doesnt_jump(qtbot, window) -> None:
    """Issue 24, finding 5: at home the folder offered is Documents (a place a person finds again to copy or
    back up), and the second passphrase box stays where it is while the hint under the first one changes."""
    import os

    window.start()
    window.welcome_page.create_button.click()
    wizard = window.journal.wizard
    assert Path(wizard.where_page.folder_edit.text()) == Path(os.environ["XDG_DOCUMENTS_DIR"])
    wizard.next()
    page = wizard.passphrase_page
    qtbot.waitUntil(page.second.isVisible, timeout=3_000)
    before = page.second.mapTo(wizard, page.second.rect().topLeft()).y()
    page.first.setText("a long and unusual passphrase of many words")
    process_events()
    assert page.hint.text() and page.second.mapTo(wizard, page.second.rect().topLeft()).y() == before
    wizard.reject()


def process_events() -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(5):
        QApplication.processEvents()


@pytest.fixture(autouse=True)
def _no_hook_left_behind():  # type: ignore[no-untyped-def]
    import sys

    hooks = (sys.excepthook, threading.excepthook)
    yield
    sys.excepthook, threading.excepthook = hooks
    from recoveryjournal.ui import errors

    errors._relay = None
