"""Staying safe while the journal is open: idle lock, quick exit, lock closes dialogs, clipboard."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from recoveryjournal.services.journal_service import unlock_journal
from recoveryjournal.ui.dialogs.change_passphrase_dialog import ChangePassphraseDialog
from recoveryjournal.ui.pages.cover_page import NEUTRAL_TITLE
from tests.conftest import PASSPHRASE
from tests.ui.conftest import unlock, visible_texts

SECRET_WORDS = "CANARY-quiet-harbour-4410"


def _open(qtbot, window, created_journal) -> None:
    window.start(journal=created_journal[0])
    unlock(qtbot, window, PASSPHRASE)
    assert window.session is not None


def test_idle_timer_locks_and_closes_an_open_dialog(qtbot, window, created_journal) -> None:
    """After the idle time, the journal locks; a dialog that was open is closed and emptied."""
    _open(qtbot, window, created_journal)
    window.menus.passphrase_action.trigger()
    dialog = window.findChild(ChangePassphraseDialog)
    assert dialog.isVisible()
    dialog.current.setText(PASSPHRASE)
    window.journal.idle_lock.set_interval_ms(200)
    assert window.journal.idle_lock.watching
    qtbot.waitUntil(lambda: window.session is None, timeout=3_000)
    assert not dialog.isVisible()
    assert dialog.current.text() == ""
    assert window.stack.currentWidget() is window.unlock_page
    assert not window.journal.idle_lock.watching  # locked: no reason to look at every event in the app


def test_activity_keeps_the_journal_open(qtbot, window, created_journal) -> None:
    """Typing counts as activity, so the idle timer starts again."""
    _open(qtbot, window, created_journal)
    window.journal.idle_lock.set_interval_ms(400)
    for _ in range(6):
        qtbot.wait(150)
        qtbot.keyClick(window.journal_page.editor.body_edit, Qt.Key.Key_A)
    assert window.session is not None


def test_lock_while_a_confirmation_is_open(qtbot, window, created_journal) -> None:
    """A lock that arrives while 'Delete this entry?' is open closes it and deletes nothing."""
    _open(qtbot, window, created_journal)

    def lock_while_asking() -> None:
        assert isinstance(QApplication.activeModalWidget(), QMessageBox)
        window.lock()

    QTimer.singleShot(50, lock_while_asking)
    window.journal_page.editor.delete_button.click()
    assert window.session is None
    session = unlock_journal(created_journal[0], PASSPHRASE)
    assert session.entries.count() == 3
    session.lock()


def test_esc_three_times_is_a_quick_exit(qtbot, window, created_journal) -> None:
    """Esc, Esc, Esc locks, shows a neutral page with a neutral title, and minimises."""
    _open(qtbot, window, created_journal)
    window.journal_page.editor.body_edit.setFocus()
    qtbot.keyClicks(window.journal_page.editor.body_edit, SECRET_WORDS)
    for _ in range(3):
        qtbot.keyClick(window.journal_page.editor.body_edit, Qt.Key.Key_Escape)
    assert window.session is None
    assert window.stack.currentWidget() is window.cover_page
    assert window.windowTitle() == NEUTRAL_TITLE
    assert window.isMinimized()
    assert not window.menuBar().isVisible()
    assert not any(SECRET_WORDS in t for t in visible_texts(window))
    window.cover_page.continue_button.click()
    assert window.stack.currentWidget() is window.unlock_page
    unlock(qtbot, window, PASSPHRASE)
    assert any(SECRET_WORDS in window.journal_page.model.entry_at(r).text for r in range(4))  # saved, not lost


def test_shift_three_times_is_a_quick_exit(qtbot, window, created_journal) -> None:
    """Shift pressed three times quickly works the same way."""
    _open(qtbot, window, created_journal)
    window.journal_page.list_view.setFocus()
    for _ in range(3):
        qtbot.keyClick(window.journal_page.list_view, Qt.Key.Key_Shift)
    assert window.session is None
    assert window.stack.currentWidget() is window.cover_page


def test_slow_or_mixed_presses_do_nothing(qtbot, window, created_journal) -> None:
    """Two Esc presses, a letter, then Esc again is not a quick exit."""
    _open(qtbot, window, created_journal)
    editor = window.journal_page.editor.body_edit
    editor.setFocus()
    for key in (Qt.Key.Key_Escape, Qt.Key.Key_Escape, Qt.Key.Key_B, Qt.Key.Key_Escape):
        qtbot.keyClick(editor, key)
    assert window.session is not None


def test_quick_exit_button(qtbot, window, created_journal) -> None:
    """The visible Quick exit button does the same, and is there even before unlocking."""
    window.start(journal=created_journal[0])
    assert window.menus.quick_exit_action.isVisible()
    unlock(qtbot, window, PASSPHRASE)
    window.menus.toolbar.widgetForAction(window.menus.quick_exit_action).click()
    assert window.session is None
    assert window.stack.currentWidget() is window.cover_page


def test_lock_clears_the_clipboard_when_it_holds_journal_text(qtbot, window, created_journal) -> None:
    """Text copied from the journal does not outlive the lock."""
    _open(qtbot, window, created_journal)
    body = window.journal_page.editor.body_edit
    body.selectAll()
    body.copy()
    assert QGuiApplication.clipboard().text() != ""
    window.lock()
    assert QGuiApplication.clipboard().text() == ""


def test_second_copy_is_told_kindly(qtbot, window, created_journal) -> None:
    """A journal open elsewhere can't be unlocked twice; the message says so."""
    elsewhere = unlock_journal(created_journal[0], PASSPHRASE)
    try:
        window.start(journal=created_journal[0])
        unlock(qtbot, window, PASSPHRASE)
        assert window.session is None
        assert "already open" in window.unlock_page.error_label.text()
    finally:
        elsewhere.lock()
