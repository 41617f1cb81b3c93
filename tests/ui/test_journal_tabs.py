"""Journal tabs: autosave, tags, search (Ctrl+F), calendar (Ctrl+T) and moving between them."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from recoveryjournal.ui.pages import journal_page
from tests.conftest import PASSPHRASE
from tests.ui.conftest import unlock, visible_texts


def _open(qtbot, window, created_journal) -> None:
    window.start(journal=created_journal[0])
    unlock(qtbot, window, PASSPHRASE)


def test_autosave_while_typing(qtbot, window, created_journal, monkeypatch) -> None:
    """Typing is saved shortly after the last key, with no Save press."""
    monkeypatch.setattr(journal_page, "AUTOSAVE_MS", 100)
    window.journal_page._autosave.setInterval(100)
    _open(qtbot, window, created_journal)
    window.journal_page.new_button.click()
    qtbot.keyClicks(window.journal_page.editor.body_edit, "autosaved words")
    qtbot.waitUntil(lambda: window.journal_page.editor.status_label.text() == "Saved as you write.", timeout=3_000)
    assert any(e.text == "autosaved words" for e in window.session.entries.newest_first())


def test_tags_are_saved_and_suggested(qtbot, window, created_journal) -> None:
    """Tags typed with commas are saved, cleaned, and offered again."""
    _open(qtbot, window, created_journal)
    editor = window.journal_page.editor
    qtbot.keyClicks(editor.tags_edit, "#sleep, Family,, sleep")
    editor.save_button.click()
    entry = window.session.entries.newest_first()[0]
    assert entry.tags == ("Family", "sleep")
    assert set(editor._tag_model.stringList()) == {"Family", "sleep"}


def test_ctrl_f_searches_and_opens_an_entry(qtbot, window, created_journal) -> None:
    """Ctrl+F from the editor goes to search; Enter on a result opens the entry in the journal tab."""
    _open(qtbot, window, created_journal)
    view = window.unlocked_view
    window.journal_page.editor.body_edit.setFocus()
    qtbot.keyClick(window.journal_page.editor.body_edit, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert view.tabs.currentWidget() is view.search_page
    qtbot.keyClicks(view.search_page.query, "Second")
    qtbot.keyClick(view.search_page.query, Qt.Key.Key_Return)
    assert view.search_page.status.text() == "1 found"
    assert view.search_page.results.hasFocus()
    qtbot.keyClick(view.search_page.results, Qt.Key.Key_Return)
    assert view.tabs.currentWidget() is view.journal_page
    assert window.journal_page.editor.title_edit.text() == "Two"


def test_search_says_kindly_when_nothing_is_found(qtbot, window, created_journal) -> None:
    """No match is not an error: a kind sentence suggests trying other words."""
    _open(qtbot, window, created_journal)
    page = window.unlocked_view.search_page
    page.query.setText("zebra crossing")
    page.run_search()
    assert "Nothing found for “zebra crossing”" in page.status.text()


def test_calendar_shows_the_day_and_writes_about_it(qtbot, window, created_journal) -> None:
    """Ctrl+T shows today with its entries; 'Write about this day' starts an entry dated that day."""
    _open(qtbot, window, created_journal)
    window.session.checkins.add(6, feelings=["calm"], note="a calm morning")
    view = window.unlocked_view
    window.journal_page.list_view.setFocus()
    qtbot.keyClick(window.journal_page.list_view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert view.tabs.currentWidget() is view.calendar_page
    entries = [view.calendar_page.entries.item(i).text() for i in range(view.calendar_page.entries.count())]
    assert set(entries) == {"One", "Two", "Three"}
    assert "mood 6" in view.calendar_page.checkins.item(0).text()
    yesterday = dt.date.today() - dt.timedelta(days=1)
    view.calendar_page.go_to(yesterday)
    assert view.calendar_page.entries.item(0).text() == "Nothing written on this day."
    view.calendar_page.write_button.click()
    assert view.tabs.currentWidget() is view.journal_page
    assert window.journal_page.editor.values()[0] == yesterday


def test_ctrl_number_switches_tabs(qtbot, window, created_journal) -> None:
    """Ctrl+2 and Ctrl+3 move between tabs from the keyboard."""
    _open(qtbot, window, created_journal)
    window.journal_page.list_view.setFocus()
    qtbot.keyClick(window.journal_page.list_view, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.unlocked_view.tabs.currentIndex() == 2


def test_lock_empties_every_tab(qtbot, window, created_journal) -> None:
    """After searching and browsing the calendar, locking leaves no journal text in any widget."""
    _open(qtbot, window, created_journal)
    view = window.unlocked_view
    view.search_page.query.setText("words")
    view.search_page.run_search()
    view.show_today()
    window.lock()
    assert view.search_page.model.rowCount() == 0
    assert view.calendar_page.entries.count() == 0
    assert not any(
        text in t for t in visible_texts(window) for text in ("First words.", "Second words.", "Third words.")
    )


def test_show_older_matches(qtbot, window, created_journal, monkeypatch) -> None:
    """When a word comes up more often than one window holds, 'Show older matches' adds the next ones."""
    import recoveryjournal.storage.search as search_storage

    monkeypatch.setattr(search_storage, "RECENT_WINDOW", 2)
    _open(qtbot, window, created_journal)
    page = window.unlocked_view.search_page
    window.unlocked_view.show_search()
    qtbot.keyClicks(page.query, "words")
    page.run_search()
    assert page.model.rowCount() == 2 and page.older_button.isVisible()
    page.older_button.click()
    assert page.model.rowCount() == 3 and not page.older_button.isVisible()
    assert page.status.text() == "3 found so far."
