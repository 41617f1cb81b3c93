"""Help: every keyboard shortcut the window has is listed; Shift+F1 opens help for the screen you are on;
the welcome shows once on a first start, can be skipped, and comes back from Help."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel

from recoveryjournal.services.policy import Policy
from recoveryjournal.ui.help_texts import SHORTCUTS
from recoveryjournal.ui.main_window import MainWindow
from recoveryjournal.ui.settings import AppSettings
from tests.conftest import PASSPHRASE
from tests.ui.conftest import unlock


def _listed() -> set[str]:
    """Every key combination Help names, one by one ("Ctrl+1 … Ctrl+9" counts as all nine)."""
    keys: set[str] = set()
    for text, _what in SHORTCUTS:
        for part in re.split(r",? or |, | and ", text):
            part = part.strip()
            if "…" in part and part.startswith("Ctrl+1"):
                keys.update(f"Ctrl+{n}" for n in range(1, 10))
            keys.add(part)
    return keys


def test_help_lists_every_shortcut_the_window_has(qtbot, window, created_journal) -> None:
    """Open a journal and build every tab, then every shortcut of every action must be in Help's list."""
    window.show_unlock(created_journal[0])
    unlock(qtbot, window, PASSPHRASE)
    view = window.unlocked_view
    for index in range(view.tabs.count()):
        view.tabs.setCurrentIndex(index)
    listed = _listed()
    missing = set()
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            text = sequence.toString(QKeySequence.SequenceFormat.PortableText)
            if text and text not in listed and text not in ("Ctrl+=", "Ctrl+Return"):  # second keys of listed ones
                missing.add(text)
    assert not missing, f"shortcuts the window has but Help doesn't list: {sorted(missing)}"


def test_shift_f1_opens_help_for_the_screen_you_are_on(qtbot, window, created_journal) -> None:
    """On Goals, Shift+F1 opens Help at Goals; Ctrl+/ opens the shortcut list."""
    window.show_unlock(created_journal[0])
    unlock(qtbot, window, PASSPHRASE)
    window.unlocked_view.tabs.setCurrentWidget(window.unlocked_view.goals_page)
    window.journal_page.list_view.setFocus()
    qtbot.keyClick(window.unlocked_view.goals_page.goals, Qt.Key.Key_F1, Qt.KeyboardModifier.ShiftModifier)
    dialog = window.dialogs.help_dialog
    assert dialog.isVisible() and dialog.topics.currentItem().text() == "Goals"
    assert "small steps" in dialog.text.toPlainText()
    dialog.reject()
    window.menus.shortcuts_action.trigger()
    assert "Ctrl+L" in window.dialogs.help_dialog.text.toPlainText()
    assert "Quick exit" in window.dialogs.help_dialog.text.toPlainText()


def test_the_welcome_shows_once_and_comes_back_from_help(qtbot, tmp_path: Path) -> None:
    """First start: the three pages; Skip closes them and they don't come back by themselves; Help has them."""
    settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings, Policy())
    qtbot.addWidget(window)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: window.dialogs.welcome_tour is not None and window.dialogs.welcome_tour.isVisible())
    tour = window.dialogs.welcome_tour
    assert tour.stack.count() == 3

    def page_text() -> str:
        return " ".join(label.text() for label in tour.stack.currentWidget().findChildren(QLabel))

    assert "private place" in page_text()
    tour.next_button.click()
    assert "recovery key" in page_text() and "Esc three times" in page_text()
    tour.next_button.click()
    assert "Nothing leaves your journal unless you choose it" in page_text()
    assert tour.next_button.text() == "Let's start" and not tour.skip_button.isVisible()
    tour.back_button.click()
    tour.skip_button.click()
    assert not tour.isVisible() and settings.seen_welcome_tour
    again = MainWindow(settings, Policy())
    qtbot.addWidget(again)
    again.show()
    again.start()
    qtbot.wait(100)
    assert again.dialogs.welcome_tour is None
    again.menus.tour_action.trigger()
    assert again.dialogs.welcome_tour.isVisible()
    for _ in range(3):
        again.dialogs.welcome_tour.next_button.click()
    assert not again.dialogs.welcome_tour.isVisible()


def test_no_welcome_by_itself_on_a_shared_pc(qtbot, tmp_path: Path) -> None:
    """Under the shared-PC policy nothing is remembered for the next person, so nothing is offered by itself."""
    settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings, Policy(shared_pc=True))
    qtbot.addWidget(window)
    window.show()
    window.start()
    qtbot.wait(150)
    assert window.dialogs.welcome_tour is None
    assert not settings.seen_welcome_tour
