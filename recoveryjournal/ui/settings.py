"""What the app remembers between runs: never secrets, never journal content."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from recoveryjournal import APP_NAME


class AppSettings:
    """Typed access to QSettings; holds only the last journal's location."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, "RecoveryJournal", APP_NAME
        )

    @property
    def last_journal(self) -> Path | None:
        """The journal opened most recently, if it is still there."""
        value = self._settings.value("journal/last_path", "", str)
        return Path(value) if value and Path(value).exists() else None

    @last_journal.setter
    def last_journal(self, path: Path | None) -> None:
        self._settings.setValue("journal/last_path", str(path) if path else "")
        self._settings.sync()
