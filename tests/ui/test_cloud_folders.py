"""Issue 32, 6, in the window: the person is told in plain words when a new journal's place, or the open journal's
folder (Settings), is kept in sync by a cloud service; a sync service's conflict copy is explained on the
passphrase screen and never opened on its own, not even with a remembered passphrase."""

from __future__ import annotations

import shutil
from pathlib import Path

import keyring
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from recoveryjournal.ui.dialogs.settings_dialog import SettingsDialog
from recoveryjournal.ui.main_window import MainWindow
from recoveryjournal.ui.settings import AppSettings
from tests.conftest import PASSPHRASE
from tests.keyring_backends import MemoryKeyring
from tests.ui.conftest import choose_from_menu, unlock


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "home"
    (folder / "Dropbox").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.setenv("USERPROFILE", str(folder))  # Windows' home folder
    return folder


def test_the_wizard_says_what_a_synced_folder_means(qtbot, window, home: Path) -> None:
    window.start()
    window.welcome_page.create_button.click()
    where = window.journal.wizard.where_page
    where.folder_edit.setText(str(home / "Dropbox"))
    assert "kept in sync by Dropbox" in where.synced_note.text() and "two computers at once" in where.synced_note.text()
    where.folder_edit.setText(str(home))
    assert where.synced_note.text() == ""
    window.journal.wizard.reject()


def test_settings_say_so_for_a_journal_in_a_synced_folder(qtbot, window, created_journal, home: Path) -> None:
    synced = home / "Dropbox" / "journal.rjournal"
    shutil.move(str(created_journal[0]), synced)
    window.start(journal=synced)
    unlock(qtbot, window, PASSPHRASE)
    choose_from_menu(qtbot, window, "Journal", "Settings…")
    dialog = [w for w in QApplication.topLevelWidgets() if isinstance(w, SettingsDialog) and w.isVisible()][-1]
    assert (
        dialog.synced_note.isVisible()
        and "an encrypted copy of your journal goes to Dropbox" in dialog.synced_note.text()
    )
    dialog.reject()


def test_a_conflict_copy_is_explained_and_not_opened_on_its_own(qtbot, tmp_path, created_journal) -> None:
    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
        w = MainWindow(settings)
        qtbot.addWidget(w)
        w.show()
        w.start(journal=created_journal[0])
        qtbot.waitUntil(lambda: w.unlock_page.remember_box.isVisible(), timeout=3_000)
        w.unlock_page.remember_box.setChecked(True)
        unlock(qtbot, w, PASSPHRASE)
        w.lock()
        copy = created_journal[0].parent / "journal (Alex's conflicted copy 2026-12-07).rjournal"
        shutil.copytree(created_journal[0], copy)
        w.show_unlock(copy)
        qtbot.wait(600)  # a remembered passphrase would have opened it by now
        assert w.session is None and w.stack.currentWidget() is w.unlock_page
        hint = w.unlock_page.hint_label.text()
        assert "looks like a copy Dropbox made" in hint and "“journal.rjournal”" in hint
        unlock(qtbot, w, PASSPHRASE)  # the person may still choose to open it
        assert w.session is not None
        w.close()
    finally:
        keyring.set_keyring(previous)
