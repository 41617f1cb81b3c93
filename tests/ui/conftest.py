"""UI fixtures: a real MainWindow with its settings in tmp_path."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget, QWizardPage

from recoveryjournal.ui.main_window import MainWindow
from recoveryjournal.ui.settings import AppSettings
from recoveryjournal.ui.workers import background_tasks_running


@pytest.fixture(autouse=True)
def _saves_start_afresh() -> None:
    """Each test's save dialogs start in the usual place (the folder of a save is kept in memory for a run)."""
    from recoveryjournal.ui.widgets import file_dialogs

    file_dialogs._last_folder.clear()


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Iterator[MainWindow]:
    """A shown main window whose settings live in tmp_path."""
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    settings.seen_welcome_tour = True  # the welcome has its own tests; here it would cover the window
    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=5_000)  # shortcuts (Ctrl+S, Ctrl+L) need an active window
    yield w
    qtbot.waitUntil(lambda: background_tasks_running() == 0, timeout=10_000)
    if shiboken6.isValid(w):  # pytest-qt may already have closed it (closing locks too)
        w.lock()


def unlock(qtbot, window: MainWindow, secret: str, recovery: bool = False) -> None:
    """Type the secret on the unlock page and wait for the journal (or an error) to show."""
    page = window.unlock_page
    if recovery:
        page.mode_button.click()
    page.secret_field.setText(secret)
    page.unlock_button.click()
    qtbot.waitUntil(lambda: background_tasks_running() == 0, timeout=10_000)


def visible_texts(root: QWidget) -> list[str]:
    """Every piece of text any line edit, text box or label under `root` holds."""
    texts = [w.text() for w in root.findChildren(QLineEdit)]
    texts += [w.toPlainText() for w in root.findChildren(QPlainTextEdit)]
    texts += [w.text() for w in root.findChildren(QLabel)]
    return texts


def choose_from_menu(qtbot, window: MainWindow, menu_title: str, action_text: str) -> None:
    """Open a menu of the menu bar and click one of its items, as a person does (not QAction.trigger())."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMenu

    bar = window.menuBar()
    menus = {a.text().replace("&", ""): a.menu() for a in bar.actions() if isinstance(a.menu(), QMenu)}
    menu = menus[menu_title]
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(menu.menuAction()).center())
    qtbot.waitUntil(menu.isVisible, timeout=3_000)
    [action] = [a for a in menu.actions() if a.text().replace("&", "") == action_text]
    assert action.isEnabled() and action.isVisible(), action_text
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    qtbot.waitUntil(lambda: not menu.isVisible(), timeout=3_000)


def create_through_wizard(qtbot, window: MainWindow, folder: Path, name: str, passphrase: str) -> None:
    """Create a journal the way a person does: Create on the welcome screen, the wizard's three pages (the
    journal is made on a worker; the wizard moves on by itself), "I've kept it", Open my journal."""
    from PySide6.QtWidgets import QWizard

    wizard = reach_the_recovery_key(qtbot, window, folder, name, passphrase).wizard()
    wizard.key_page.kept.setChecked(True)
    wizard.button(QWizard.WizardButton.FinishButton).click()


def reach_the_recovery_key(qtbot, window: MainWindow, folder: Path, name: str, passphrase: str) -> QWizardPage:
    """Create on the welcome screen, through the wizard's first two pages, to the recovery key's page."""
    from PySide6.QtWidgets import QWizard

    window.start()
    window.welcome_page.create_button.click()
    wizard = window.journal.wizard
    wizard.where_page.name_edit.setText(name)
    wizard.where_page.folder_edit.setText(str(folder))
    wizard.next()
    wizard.passphrase_page.first.setText(passphrase)
    wizard.passphrase_page.second.setText(passphrase)
    wizard.button(QWizard.WizardButton.CommitButton).click()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.key_page, timeout=15_000)
    return wizard.key_page
