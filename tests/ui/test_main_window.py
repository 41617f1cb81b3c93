"""The whole window, driven like a person would: create, write, lock, unlock."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWizard

from recoveryjournal.services.journal_service import unlock_journal
from tests.conftest import PASSPHRASE
from tests.ui.conftest import unlock, visible_texts

CANARY = "CANARY-violet-7731"


def test_first_run_shows_welcome(window) -> None:
    """With no journal remembered, the first screen offers to create one."""
    window.start()
    assert window.stack.currentWidget() is window.welcome_page
    assert window.welcome_page.create_button.text() == "Create my journal"
    assert not window.menus.lock_action.isVisible()
    assert window.menus.quick_exit_action.isVisible()


def test_create_journal_through_the_wizard(qtbot, window, tmp_path: Path) -> None:
    """The wizard asks where and for a passphrase, shows the recovery key once, then opens the journal."""
    window.start()
    window.welcome_page.create_button.click()
    wizard = window.journal.wizard
    wizard.where_page.name_edit.setText("Mine")
    wizard.where_page.folder_edit.setText(str(tmp_path))
    wizard.next()
    assert wizard.currentPage() is wizard.passphrase_page
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    wizard.passphrase_page.first.setText("kettle river purple")
    wizard.passphrase_page.second.setText("kettle river purpl")
    assert not wizard.passphrase_page.isComplete()
    assert wizard.passphrase_page.message.text() == "The two passphrases aren't the same yet."
    wizard.passphrase_page.second.setText("kettle river purple")
    wizard.next()  # the journal is made on a worker: the page says so, and moves on by itself
    assert wizard.passphrase_page.message.text() and not wizard.passphrase_page.first.isEnabled()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.key_page, timeout=15_000)
    key = wizard.key_page.key_label.text()
    assert re.fullmatch(r"([0-9A-Z]{4}-){7}[0-9A-Z]{4}", key)
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    wizard.key_page.kept.setChecked(True)
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.key_page.key_label.text() == ""
    assert window.stack.currentWidget() is window.unlocked_view
    assert (tmp_path / "Mine.rjournal" / "keys.json").exists()
    window.lock()
    unlock_journal(tmp_path / "Mine.rjournal", key, recovery_key=True).lock()


def test_wizard_refuses_an_existing_name(window, tmp_path: Path) -> None:
    """A journal is never made over something that is already there."""
    (tmp_path / "Mine.rjournal").mkdir()
    window.start()
    window.welcome_page.create_button.click()
    page = window.journal.wizard.where_page
    page.name_edit.setText("Mine")
    page.folder_edit.setText(str(tmp_path))
    window.journal.wizard.next()
    assert window.journal.wizard.currentPage() is page
    assert "already something called that" in page.message.text()
    window.journal.wizard.reject()


def test_write_lock_unlock_round_trip(qtbot, window, created_journal) -> None:
    """An entry written and saved is emptied from every widget on lock, and shown again after unlock."""
    path, _key = created_journal
    window.start(journal=path)
    assert window.stack.currentWidget() is window.unlock_page
    unlock(qtbot, window, PASSPHRASE)
    assert window.stack.currentWidget() is window.unlocked_view
    assert window.journal_page.model.rowCount() == 3
    window.journal_page.new_button.click()
    qtbot.keyClicks(window.journal_page.editor.title_edit, "A title " + CANARY)
    qtbot.keyClicks(window.journal_page.editor.body_edit, "Body text " + CANARY)
    qtbot.keyClick(window.journal_page.editor.body_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert window.journal_page.editor.status_label.text() == "Saved."
    assert window.journal_page.model.rowCount() == 4

    window.menus.lock_action.trigger()
    assert window.stack.currentWidget() is window.unlock_page
    assert window.session is None
    assert window.journal_page.model.rowCount() == 0
    assert not any(CANARY in text for text in visible_texts(window))
    assert not window.journal_page.editor.body_edit.document().isUndoAvailable()

    unlock(qtbot, window, PASSPHRASE)
    titles = [window.journal_page.model.entry_at(r).title for r in range(window.journal_page.model.rowCount())]
    assert "A title " + CANARY in titles


def test_ctrl_l_locks_from_the_editor(qtbot, window, created_journal) -> None:
    """Ctrl+L works while typing in the entry text."""
    window.start(journal=created_journal[0])
    unlock(qtbot, window, PASSPHRASE)
    qtbot.keyClick(window.journal_page.editor.body_edit, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.session is None
    assert window.stack.currentWidget() is window.unlock_page


def test_lock_saves_half_typed_text(qtbot, window, created_journal) -> None:
    """Text typed but not saved is saved on lock, never lost."""
    path, _key = created_journal
    window.start(journal=path)
    unlock(qtbot, window, PASSPHRASE)
    window.journal_page.new_button.click()
    qtbot.keyClicks(window.journal_page.editor.body_edit, "half typed " + CANARY)
    window.lock()
    assert not any(CANARY in text for text in visible_texts(window))
    unlock(qtbot, window, PASSPHRASE)
    assert any(CANARY in window.journal_page.model.entry_at(r).text for r in range(4))


def test_switching_entries_saves_the_edit(qtbot, window, created_journal) -> None:
    """Clicking another entry keeps what was typed in the first."""
    window.start(journal=created_journal[0])
    unlock(qtbot, window, PASSPHRASE)
    page = window.journal_page
    qtbot.keyClicks(page.editor.body_edit, " more")
    page.list_view.setCurrentIndex(page.model.index(2, 0))
    texts = [page.model.entry_at(r).text for r in range(page.model.rowCount())]
    assert any(" more" in t for t in texts)


def test_wrong_passphrase_is_told_kindly(qtbot, window, created_journal) -> None:
    """A wrong passphrase leaves the person on the unlock page with a kind message and an empty field."""
    window.start(journal=created_journal[0])
    unlock(qtbot, window, "not it")
    assert window.stack.currentWidget() is window.unlock_page
    assert "doesn't open this journal" in window.unlock_page.error_label.text()
    assert window.unlock_page.secret_field.text() == ""
    assert window.unlock_page.unlock_button.isEnabled()


def test_not_a_journal_is_told_kindly(qtbot, window, tmp_path: Path) -> None:
    """Choosing a folder that isn't a journal explains itself and creates nothing."""
    folder = tmp_path / "holiday photos"
    folder.mkdir()
    window.show_unlock(folder)
    unlock(qtbot, window, "anything")
    assert "doesn't hold a Recovery Journal" in window.unlock_page.error_label.text()
    assert list(folder.iterdir()) == []


def test_recovery_key_unlocks_and_offers_a_new_passphrase(qtbot, window, created_journal) -> None:
    """Unlocking with the recovery key opens the journal and offers to choose a new passphrase."""
    path, key = created_journal
    window.start(journal=path)
    unlock(qtbot, window, key.lower(), recovery=True)
    assert window.stack.currentWidget() is window.unlocked_view
    from recoveryjournal.ui.dialogs.change_passphrase_dialog import ChangePassphraseDialog

    dialog = window.findChild(ChangePassphraseDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.current.setText(key)
    dialog.new.setText("a brand new phrase")
    dialog.again.setText("a brand new phrase")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=15_000)
    window.lock()
    unlock(qtbot, window, "a brand new phrase")
    assert window.stack.currentWidget() is window.unlocked_view


def test_delete_asks_first(qtbot, window, created_journal) -> None:
    """Delete asks for confirmation; choosing to delete removes the entry."""
    window.start(journal=created_journal[0])
    unlock(qtbot, window, PASSPHRASE)
    page = window.journal_page

    def confirm() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        next(b for b in box.buttons() if b.text() == "Delete entry").click()

    QTimer.singleShot(50, confirm)
    page.editor.delete_button.click()
    assert page.model.rowCount() == 2
    assert page.editor.status_label.text() == "Entry deleted."


def test_enter_keeps_the_entry_and_a_deletion_can_be_undone(qtbot, window, created_journal) -> None:
    """Issue 24, finding 6 (the delete dialog): it names the entry, Enter keeps it (Keep is the default), and
    after deleting, Undo brings it back with its words and day; the offer ends when the journal locks."""
    window.start(journal=created_journal[0])
    unlock(qtbot, window, PASSPHRASE)
    page = window.journal_page
    chosen = page.model.entry_at(0)
    seen: list[str] = []

    def press_enter() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        assert box.defaultButton().text() == "Keep it"
        qtbot.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(50, press_enter)
    page.editor.delete_button.click()
    assert page.model.rowCount() == 3 and chosen.display_title in seen[0]

    def confirm() -> None:
        box = QApplication.activeModalWidget()
        next(b for b in box.buttons() if b.text() == "Delete entry").click()

    QTimer.singleShot(50, confirm)
    page.editor.delete_button.click()
    assert page.model.rowCount() == 2 and page.editor.undo_button.isVisible()
    page.editor.undo_button.click()
    assert page.model.rowCount() == 3 and not page.editor.undo_button.isVisible()
    back = window.session.entries.get(page.model.entry_at(0).id)
    assert (back.title, back.text, back.date) == (chosen.title, chosen.text, chosen.date)
    QTimer.singleShot(50, confirm)
    page.editor.delete_button.click()
    window.lock()
    assert page._deleted is None and not page.editor.undo_button.isVisible()


def test_demo_journal_opens_with_entries(qtbot, window) -> None:
    """--demo opens a journal with made-up entries and says so."""
    window.start(demo=True)
    qtbot.waitUntil(lambda: window.session is not None, timeout=10_000)
    assert window.journal_page.model.rowCount() >= 5
    assert window.banner.isVisible() and "demo journal" in window.banner.text()
    assert window.settings.last_journal is None  # the demo is never remembered as "your" journal


def test_unlocking_builds_the_journal_tab_only(qtbot, window, created_journal) -> None:
    """The other tabs are built the first time they are shown (by click, Ctrl+number or a link), already
    showing this journal; locking empties only what was built, and the next unlock starts the same way."""
    path, _key = created_journal
    window.show_unlock(path)
    unlock(qtbot, window, PASSPHRASE)
    view = window.unlocked_view
    assert list(view._built) == ["journal_page"]
    window.journal_page.list_view.setFocus()
    qtbot.keyClick(window.journal_page.list_view, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)  # Ctrl+4: mood
    assert "mood_page" in view._built and view.tabs.currentWidget() is view.mood_page
    assert view.mood_page._session is window.session
    view.tabs.setCurrentIndex(view.tabs.indexOf(view.tabs.widget(4)))  # Goals, by its tab
    assert view.tabs.currentWidget() is view.goals_page and view.goals_page.goals.count() >= 0
    assert view.tabs.count() == 9 and all(view.tabs.widget(i) is not None for i in range(9))
    window.lock()
    assert view.mood_page._session is None
