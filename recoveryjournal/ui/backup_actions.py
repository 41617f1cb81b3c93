"""The main window's backup side: automatic backups as a journal closes, Back up now, Restore, Bring in,
and the 'last backup' note. A mixin of MainWindow (it uses the window's session, policy and pages)."""

from __future__ import annotations

import threading
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtWidgets import QWidget

from recoveryjournal.domain.errors import JournalError
from recoveryjournal.ui.workers import run_in_background

if TYPE_CHECKING:
    from recoveryjournal.services.journal_service import JournalSession
    from recoveryjournal.services.policy import Policy


class BackupActions:
    """Mixed into MainWindow."""

    session: JournalSession | None
    policy: Policy
    journal_path: Path | None
    _backups_done: threading.Event
    unlocked_view: Any
    journal_page: Any

    if TYPE_CHECKING:  # provided by MainWindow

        def lock(self, wait: bool = False) -> None: ...

        def show_unlock(self, path: Path, hint: str = "") -> None: ...

    def _finish_session(self, session: JournalSession, wait: bool) -> None:
        from recoveryjournal.services import backup_service

        try:
            settings = backup_service.backup_settings(session)
            wanted = settings.auto_folder is not None and backup_service.auto_backup_due(session)
        except JournalError:
            wanted = False
        if not wanted:
            session.lock()
            return
        if wait:
            with suppress(JournalError):
                backup_service.take_automatic_backup(session, self.policy)
            session.lock()
            return
        self._backups_done.clear()

        def finished(_result: object) -> None:
            session.lock()
            self._backups_done.set()

        run_in_background(lambda: backup_service.take_automatic_backup(session, self.policy), finished, finished)

    def open_backup(self) -> None:
        """Back up now (and the choices for automatic backups)."""
        if self.session is None:
            return
        self.unlocked_view.save_if_dirty()
        from recoveryjournal.ui.dialogs.backup_dialog import BackupDialog

        self.backup_dialog = BackupDialog(self.session, self.policy, cast(QWidget, self))
        self.backup_dialog.backed_up.connect(lambda _r: self._show_backup_note())
        self.backup_dialog.open()

    def open_restore(self, backup_file: Path | None = None) -> None:
        """Restore from a backup: as a new journal, or over the one open or chosen now."""
        current = self.session.path if self.session is not None else self.journal_path
        from recoveryjournal.ui.dialogs.restore_dialog import RestoreDialog

        self.restore_dialog = RestoreDialog(current, lambda: self.lock(wait=True), cast(QWidget, self),
                                           backup_file=backup_file)  # fmt: skip
        self.restore_dialog.restored.connect(self._on_restored)
        self.restore_dialog.open()

    def _on_restored(self, path: Path, message: str) -> None:
        self.restore_dialog.accept()
        self.show_unlock(Path(path), message)

    def open_import(self) -> None:
        """Bring in entries and check-ins from another app."""
        if self.session is None:
            return
        self.unlocked_view.save_if_dirty()
        from recoveryjournal.ui.dialogs.import_dialog import ImportDialog

        self.import_dialog = ImportDialog(self.session, cast(QWidget, self))
        self.import_dialog.imported.connect(self.unlocked_view.reload_current_page)
        self.import_dialog.open()

    def _show_backup_note(self) -> None:
        if self.session is None:
            return
        from recoveryjournal.services import backup_service

        try:
            days = backup_service.backup_settings(self.session).remind_after_days
            note = backup_service.backup_reminder(self.session, days)
        except JournalError:
            note = ""
        self.journal_page.show_backup_note(note)
