"""Does the window stay alive while keys are derived? `python -m tests.benchmarks.bench_gaps` prints a table.

The real window (offscreen) creates a journal, changes its passphrase, unlocks it and checks a backup to
restore, each with the real key derivation (Argon2id as calibrated on this machine), while a 5 ms timer
records the longest gap between its ticks: the longest the window could not answer. Anchor: the same timer
while the window sits idle. Not a test: nothing asserts a time.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWizard

from tests.benchmarks.timing import Row, print_table

PASSPHRASE = "a passphrase for the gap benchmark"
ANCHOR = "event-loop gaps: the same 5 ms timer while the window sits idle"


class GapMeter:
    """The longest time between two ticks of a 5 ms timer."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.longest, self._last = 0.0, 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        if self._last:
            self.longest = max(self.longest, (now - self._last) * 1000)
        self._last = now

    def during(self, start: Callable[[], None], finished: Callable[[], bool], timeout: float = 120) -> float:
        """Start something, keep the event loop running until `finished()`, and return the longest gap (ms)."""
        app = QApplication.instance()
        self.longest, self._last = 0.0, 0.0
        self.timer.start()
        start()
        deadline = time.perf_counter() + timeout
        while not finished() and time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.001)
        for _ in range(5):
            app.processEvents()
        self.timer.stop()
        return self.longest


def rows(real_kdf: bool = True) -> list[Row]:
    """Create, change passphrase, unlock, restore check: the longest gap of each, beside the idle window's."""
    from recoveryjournal.storage.keyfile import FAST_KDF_ENV
    from recoveryjournal.ui.main_window import MainWindow
    from recoveryjournal.ui.settings import AppSettings
    from recoveryjournal.ui.workers import background_tasks_running

    saved = os.environ.pop(FAST_KDF_ENV, None) if real_kdf else None
    app = QApplication.instance() or QApplication([])  # noqa: F841 (kept alive while measuring)
    folder = Path(tempfile.mkdtemp())
    try:
        settings = AppSettings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
        settings.seen_welcome_tour = True
        window = MainWindow(settings)
        window.show()
        meter = GapMeter()
        idle = meter.during(lambda: None, lambda: False, timeout=1.0)  # one second of the window doing nothing
        out: list[Row] = []
        quiet = lambda: background_tasks_running() == 0  # noqa: E731

        window.start()
        window.welcome_page.create_button.click()
        wizard = window.journal.wizard
        wizard.where_page.name_edit.setText("Gaps")
        wizard.where_page.folder_edit.setText(str(folder))
        wizard.next()
        wizard.passphrase_page.first.setText(PASSPHRASE)
        wizard.passphrase_page.second.setText(PASSPHRASE)
        gap = meter.during(wizard.button(QWizard.WizardButton.CommitButton).click,
                           lambda: wizard.currentPage() is wizard.key_page)  # fmt: skip
        out.append(Row("window", "longest event-loop gap while creating a journal (real KDF)", gap, idle))
        wizard.key_page.kept.setChecked(True)
        wizard.button(QWizard.WizardButton.FinishButton).click()
        journal = window.session.path  # type: ignore[union-attr]

        from recoveryjournal.ui.dialogs.change_passphrase_dialog import ChangePassphraseDialog

        window.menus.passphrase_action.trigger()
        dialog = window.findChild(ChangePassphraseDialog)
        dialog.current.setText(PASSPHRASE)
        dialog.new.setText(PASSPHRASE + "!")
        dialog.again.setText(PASSPHRASE + "!")
        gap = meter.during(dialog.ok_button.click, lambda: not dialog.isVisible() and quiet())
        out.append(Row("window", "longest event-loop gap while changing the passphrase (real KDF)", gap, idle))

        backup = window.session.backups.back_up(folder / "gaps.rjbackup").path  # type: ignore[arg-type]
        window.lock()
        window.show_unlock(journal)
        window.unlock_page.secret_field.setText(PASSPHRASE + "!")
        gap = meter.during(window.unlock_page.unlock_button.click, lambda: window.session is not None and quiet())
        out.append(Row("window", "longest event-loop gap while unlocking (real KDF)", gap, idle))

        from recoveryjournal.ui.dialogs.restore_dialog import RestoreDialog

        window.menus.restore_action.trigger()
        restore = window.findChild(RestoreDialog)
        restore.file_edit.setText(str(backup))
        restore.secret.setText(PASSPHRASE + "!")  # the backup was taken after the change
        gap = meter.during(restore.check_button.click, lambda: restore.restore_button.isEnabled() and quiet())
        assert restore.restore_button.isEnabled(), restore.message.text()  # the check really ran, and passed
        out.append(Row("window", "longest event-loop gap while checking a backup to restore (real KDF)", gap, idle))
        restore.reject()
        window.lock()
        window.close()
        return out
    finally:
        if saved is not None:
            os.environ[FAST_KDF_ENV] = saved
        import shutil

        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    """Measure and print."""
    print_table(rows(), ANCHOR)


if __name__ == "__main__":
    main()
