"""Issue 35: New entry from a prompt, from the Journal menu, its shortcut and the button beside New entry: the
entry starts with the prompt's lines (nothing saved until I write); my own prompt added, changed and removed in
the same dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from recoveryjournal.ui.dialogs.prompts_dialog import PromptsDialog
from tests.conftest import PASSPHRASE
from tests.ui.conftest import choose_from_menu, unlock


def _prompts_dialog() -> PromptsDialog:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, PromptsDialog) and w.isVisible()][-1]


def _open(qtbot, window, created_journal) -> None:
    window.start(journal=created_journal[0])
    unlock(qtbot, window, PASSPHRASE)


def test_an_entry_from_a_prompt_through_the_menu(qtbot, window, created_journal) -> None:
    _open(qtbot, window, created_journal)
    choose_from_menu(qtbot, window, "Journal", "New entry from a prompt…")
    dialog = _prompts_dialog()
    assert dialog.list.item(0).text() == "What went well today?"
    dialog.list.setCurrentRow(1)
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    page = window.unlocked_view.journal_page
    _date, title, text = page.editor.values()
    assert title == "What I want to bring to my next appointment" and text.startswith("What I want to talk about:")
    assert not page.has_unsaved()  # nothing saved until I write something of my own
    count = window.session.entries.count()
    qtbot.keyClicks(page.editor.body_edit, "My sleep")
    assert page.save() and window.session.entries.count() == count + 1
    saved = window.session.entries.newest_first(1)[0]
    assert saved.title == title and saved.text.endswith("What has changed since last time:\nMy sleep")


def test_my_own_prompt_from_the_button_and_shortcut(qtbot, window, created_journal) -> None:
    _open(qtbot, window, created_journal)
    page = window.unlocked_view.journal_page
    qtbot.mouseClick(page.prompt_button, Qt.MouseButton.LeftButton)
    dialog = _prompts_dialog()
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.name, "Before bed")
    dialog.text.setPlainText("Three things I noticed today:\n")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "Saved the prompt “Before bed”." in dialog.message.text()
    assert dialog.list.currentItem().text() == "Before bed" and dialog.list.count() == 4

    def remove(box: QMessageBox) -> None:
        [yes] = [b for b in box.buttons() if b.text() == "Remove it"]
        yes.click()

    def answer() -> None:
        boxes = [w for w in QApplication.topLevelWidgets() if w.objectName() == "removePromptQuestion"]
        if boxes and boxes[0].isVisible():
            remove(boxes[0])
        else:
            QTimer.singleShot(20, answer)

    dialog.list.setCurrentRow(0)
    QTimer.singleShot(20, answer)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert [p.name for p in window.session.prompts.all()][-1] == "Before bed" and dialog.list.count() == 3
    dialog.close()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3_000)
    focus = QApplication.focusWidget() or window
    qtbot.keyClick(focus, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = _prompts_dialog()
    dialog.list.setCurrentRow(dialog.list.count() - 1)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    assert page.editor.values()[1:] == ("Before bed", "Three things I noticed today:\n")
