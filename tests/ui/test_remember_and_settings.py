"""Remember-my-passphrase in the window, a keyring that hangs, Settings, and the shared-PC policy."""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QDialogButtonBox

from recoveryjournal.services.policy import Policy
from recoveryjournal.ui.dialogs.settings_dialog import SettingsDialog
from recoveryjournal.ui.main_window import MainWindow
from recoveryjournal.ui.settings import AppSettings
from tests.conftest import PASSPHRASE
from tests.keyring_backends import HangingKeyring, MemoryKeyring
from tests.ui.conftest import unlock


@pytest.fixture
def use_backend() -> Iterator:
    """Install a keyring backend for one test, then put the previous one back."""
    previous = keyring.get_keyring()
    yield keyring.set_keyring
    keyring.set_keyring(previous)


def _window(qtbot, tmp_path: Path, policy: Policy | None = None) -> MainWindow:
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    w = MainWindow(settings, policy or Policy())
    qtbot.addWidget(w)
    w.show()
    return w


def test_no_keyring_means_no_offer(qtbot, window, created_journal) -> None:
    """Without a working keyring the 'remember' box never appears."""
    window.start(journal=created_journal[0])
    qtbot.wait(300)
    assert not window.unlock_page.remember_box.isVisible()


def test_remembered_passphrase_unlocks_next_time(qtbot, tmp_path, use_backend, created_journal) -> None:
    """Tick 'remember', unlock; after a lock, showing the journal again opens it without typing."""
    backend = MemoryKeyring()
    use_backend(backend)
    w = _window(qtbot, tmp_path)
    w.start(journal=created_journal[0])
    qtbot.waitUntil(lambda: w.unlock_page.remember_box.isVisible(), timeout=3_000)
    w.unlock_page.remember_box.setChecked(True)
    unlock(qtbot, w, PASSPHRASE)
    qtbot.waitUntil(lambda: "remember your passphrase" in w.statusBar().currentMessage(), timeout=3_000)
    assert PASSPHRASE not in backend.store.values()
    w.lock()
    w.show_unlock(created_journal[0])
    qtbot.waitUntil(lambda: w.session is not None, timeout=3_000)
    assert w.stack.currentWidget() is w.unlocked_view
    w.close()


def test_hanging_keyring_never_freezes_the_window(qtbot, tmp_path, use_backend, created_journal) -> None:
    """A keyring stuck on a prompt for 30 s: the window keeps answering, and unlocking by hand works."""
    backend = HangingKeyring()
    use_backend(backend)
    w = _window(qtbot, tmp_path)
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(10)
    w.start(journal=created_journal[0])
    qtbot.wait(1_500)
    unlock(qtbot, w, PASSPHRASE)
    qtbot.wait(500)
    timer.stop()
    backend.release.set()
    longest = max(b - a for a, b in itertools.pairwise(ticks))
    print(f"longest event-loop stall with a hanging keyring: {longest * 1000:.0f} ms")
    assert longest < 2.0  # generous: a freeze would be the keyring's 30 s
    assert w.session is not None
    w.close()


def test_shared_pc_policy_offers_no_remembering(qtbot, tmp_path, use_backend, created_journal) -> None:
    """Under a shared-PC policy: no 'remember' box, no remembered journal, and auto-lock can't be off."""
    use_backend(MemoryKeyring())
    w = _window(qtbot, tmp_path, Policy(shared_pc=True))
    w.start(journal=created_journal[0])
    qtbot.wait(300)
    assert not w.unlock_page.remember_box.isVisible()
    unlock(qtbot, w, PASSPHRASE)
    assert w.settings.last_journal is None
    w.settings.auto_lock_minutes = 0
    w.lock()
    unlock(qtbot, w, PASSPHRASE)
    assert w.journal.idle_lock.interval_ms == 5 * 60_000
    dialog = SettingsDialog(w.settings, w.policy, created_journal[0], False, w)
    assert dialog.auto_lock.minimum() == 1
    w.close()


def test_settings_change_the_idle_time(qtbot, window, created_journal) -> None:
    """Settings → 'Lock by itself after' applies at once; 0 means never on your own computer."""
    window.start(journal=created_journal[0])
    unlock(qtbot, window, PASSPHRASE)
    assert window.journal.idle_lock.interval_ms == 5 * 60_000
    window.menus.settings_action.trigger()
    dialog = window.findChild(SettingsDialog)
    dialog.auto_lock.setValue(0)
    assert dialog.auto_lock.text() == "Never"
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert window.settings.auto_lock_minutes == 0
    assert window.journal.idle_lock.interval_ms == 0


def test_checkin_reminder_is_off_by_default_and_gentle(qtbot, window, created_journal) -> None:
    """No reminder unless chosen; when it comes it is a quiet bar that leads to the check-in tab."""
    window.start(journal=created_journal[0])
    unlock(qtbot, window, PASSPHRASE)
    assert not window.journal.reminder_timer.isActive()
    window.settings.checkin_reminder_hours = 2
    window.journal.start_reminder()
    assert window.journal.reminder_timer.interval() == 2 * 3_600_000
    window.journal.reminder_timer.setInterval(50)
    window.journal.reminder_timer.start()
    qtbot.waitUntil(window.reminder_bar.isVisible, timeout=2_000)
    window.reminder_bar.yes_button.click()
    assert window.unlocked_view.tabs.currentWidget() is window.unlocked_view.checkin_page
    window.lock()
    assert not window.journal.reminder_timer.isActive() and not window.reminder_bar.isVisible()
