"""What the app remembers between runs: never secrets, never journal content."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from recoveryjournal import APP_NAME

DEFAULT_AUTO_LOCK_MINUTES = 5


class AppSettings:
    """Typed access to QSettings; holds only the last journal's location."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, "RecoveryJournal", APP_NAME
        )

    @property
    def last_journal(self) -> Path | None:
        """The journal opened most recently, if it is still there."""
        value = str(self._settings.value("journal/last_path", "", str) or "")
        return Path(value) if value and Path(value).exists() else None

    @last_journal.setter
    def last_journal(self, path: Path | None) -> None:
        self._settings.setValue("journal/last_path", str(path) if path else "")
        self._settings.sync()

    @property
    def window_geometry(self) -> bytes:
        """The main window's size and place when it last closed (never kept on a shared PC)."""
        value = self._settings.value("window/geometry", QByteArray())
        return bytes(value.data()) if isinstance(value, QByteArray) else b""

    @window_geometry.setter
    def window_geometry(self, state: bytes) -> None:
        self._settings.setValue("window/geometry", QByteArray(state))
        self._settings.sync()

    @property
    def auto_lock_minutes(self) -> int:
        """Lock after this many minutes without activity; 0 means never. Default 5."""
        try:
            return max(0, int(str(self._settings.value("safety/auto_lock_minutes", DEFAULT_AUTO_LOCK_MINUTES))))
        except (TypeError, ValueError):
            return DEFAULT_AUTO_LOCK_MINUTES

    @auto_lock_minutes.setter
    def auto_lock_minutes(self, minutes: int) -> None:
        self._settings.setValue("safety/auto_lock_minutes", max(0, int(minutes)))
        self._settings.sync()

    @property
    def language(self) -> str:
        """The language chosen in Settings ("en", "es"), or "" to follow this computer's (the default)."""
        return str(self._settings.value("display/language", "", str))

    @language.setter
    def language(self, code: str) -> None:
        self._settings.setValue("display/language", code)
        self._settings.sync()

    @property
    def seen_welcome_tour(self) -> bool:
        """The welcome pages were shown once (or skipped)."""
        return str(self._settings.value("help/seen_welcome", "false")).lower() == "true"

    @seen_welcome_tour.setter
    def seen_welcome_tour(self, seen: bool) -> None:
        self._settings.setValue("help/seen_welcome", "true" if seen else "false")
        self._settings.sync()

    @property
    def checkin_reminder_hours(self) -> int:
        """While the app is open, gently ask about a check-in every this many hours; 0 (the default) is off."""
        try:
            return max(0, int(str(self._settings.value("checkins/reminder_hours", 0))))
        except (TypeError, ValueError):
            return 0

    @checkin_reminder_hours.setter
    def checkin_reminder_hours(self, hours: int) -> None:
        self._settings.setValue("checkins/reminder_hours", max(0, int(hours)))
        self._settings.sync()
