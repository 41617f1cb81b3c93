"""Issue 35: Journal ▸ My tags… and Search's "My tags…": each tag with its count; rename (merging), take one off
every entry (asked once; "Keep it" is the default) with undo while the journal is open; showing a tag searches
for it. Opened through the menu and the button, answered the way a person answers."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from recoveryjournal.services.journal_service import unlock_journal
from recoveryjournal.ui.dialogs.tags_dialog import TagsDialog
from tests.conftest import PASSPHRASE
from tests.ui.conftest import choose_from_menu, unlock


def _journal_with_tags(created_journal) -> None:
    s = unlock_journal(created_journal[0], PASSPHRASE)
    s.entries.add("Out by the river.", "River", tags=["walk"])
    s.entries.add("Round the park.", "Park", tags=["walking"])
    s.entries.add("Slept well.", "Sleep", tags=["sleep", "walk"])
    s.lock()


def _answer_later(qtbot, find, act) -> None:
    """When the modal question shows, answer it (the way a person clicks)."""

    def answer() -> None:
        for widget in QApplication.topLevelWidgets():
            if find(widget) and widget.isVisible():
                act(widget)
                return
        QTimer.singleShot(20, answer)

    QTimer.singleShot(20, answer)


def _tags_dialog() -> TagsDialog:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, TagsDialog) and w.isVisible()][-1]


def test_my_tags_from_the_menu(qtbot, window, created_journal) -> None:
    _journal_with_tags(created_journal)
    window.start(journal=created_journal[0])
    unlock(qtbot, window, PASSPHRASE)
    choose_from_menu(qtbot, window, "Journal", "My tags…")
    dialog = _tags_dialog()
    assert [dialog.list.item(i).text() for i in range(dialog.list.count())] == [
        "walk · 2 entries", "sleep · 1 entry", "walking · 1 entry"]  # fmt: skip

    # Rename "walking" to "walk": the two become one.
    dialog.list.setCurrentRow(2)

    def rename(box: QInputDialog) -> None:
        box.setTextValue("walk")
        box.accept()

    _answer_later(qtbot, lambda w: isinstance(w, QInputDialog), rename)
    qtbot.mouseClick(dialog.rename_button, Qt.MouseButton.LeftButton)
    assert "are one tag now" in dialog.message.text()
    assert dialog.list.item(0).text() == "walk · 3 entries" and dialog.list.count() == 2

    # Take "walk" off every entry: asked once, "Keep it" is the default; then undo.
    dialog.list.setCurrentRow(0)
    seen: list[str] = []

    def take_off(box: QMessageBox) -> None:
        seen.append(box.defaultButton().text())
        [take] = [b for b in box.buttons() if b.text() == "Take it off"]
        take.click()

    _answer_later(qtbot, lambda w: w.objectName() == "removeTagQuestion", take_off)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert seen == ["Keep it"] and "Took “walk” off 3 entries." in dialog.message.text()
    assert dialog.list.count() == 1 and dialog.undo_button.isVisible()
    assert all("walk" not in e.tags for e in window.session.entries.newest_first())
    dialog.close()
    choose_from_menu(qtbot, window, "Journal", "My tags…")  # the undo is still there while the journal is open
    dialog = _tags_dialog()
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert "back on its entries" in dialog.message.text() and dialog.list.item(0).text() == "walk · 3 entries"

    # Showing a tag searches for it: its entries, no words needed.
    dialog.list.setCurrentRow(0)
    qtbot.mouseClick(dialog.show_button, Qt.MouseButton.LeftButton)
    view = window.unlocked_view
    assert view.tabs.currentWidget() is view.search_page
    assert view.search_page.tag_box.currentData() == "walk" and view.search_page.model.rowCount() == 3


def test_my_tags_from_search_and_forgotten_on_lock(qtbot, window, created_journal) -> None:
    _journal_with_tags(created_journal)
    window.start(journal=created_journal[0])
    unlock(qtbot, window, PASSPHRASE)
    view = window.unlocked_view
    view.show_search()
    qtbot.mouseClick(view.search_page.tags_button, Qt.MouseButton.LeftButton)
    dialog = _tags_dialog()
    assert dialog.list.count() == 3
    dialog.remove("sleep")
    window.lock()
    assert not dialog.isVisible() and dialog.list.count() == 0 and window.dialogs.tags_dialog is None
