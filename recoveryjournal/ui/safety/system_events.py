"""Lock when the screen locks, the user session switches, or the machine is about to sleep.

Linux: logind (system bus) and the freedesktop / GNOME screensaver (session bus), over D-Bus.
Everywhere: Qt's application state, where the platform reports a suspend. Where none of these
exist (no D-Bus, other platforms), nothing happens: the idle timer and Ctrl+L still protect.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QGuiApplication

try:  # QtDBus ships with PySide6-Essentials on Linux; elsewhere it may be absent.
    from PySide6.QtDBus import QDBusConnection
except ImportError:  # pragma: no cover - platform dependent
    QDBusConnection = None  # type: ignore[assignment,misc]

_SCREENSAVERS = (
    ("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
    ("/org/mate/ScreenSaver", "org.mate.ScreenSaver"),
)


class SystemLockSignals(QObject):
    """Calls `on_lock(reason)` for each system event that should lock the journal."""

    def __init__(self, on_lock: Callable[[str], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_lock = on_lock
        self.sources: list[str] = []  # which signals we are listening to, for the log and tests

    def watch(self) -> None:
        """Start listening (the main window does this once its first frame is up)."""
        self._connect_dbus()
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._on_application_state)

    def _connect_dbus(self) -> None:
        if QDBusConnection is None:
            return
        system = QDBusConnection.systemBus()
        if system.isConnected():
            login1 = "org.freedesktop.login1"
            if system.connect(login1, "/org/freedesktop/login1", f"{login1}.Manager", "PrepareForSleep",
                              self, "1on_prepare_for_sleep(bool)"):  # type: ignore[call-overload]  # fmt: skip
                self.sources.append("logind: sleep")  # not shown: a note for developers
            # PySide takes Qt's SLOT-string form here; its type stubs only know the callable form.
            if system.connect("", "", f"{login1}.Session", "Lock", self, "1on_session_lock()"):  # type: ignore[call-overload]
                self.sources.append("logind: session lock")  # not shown: a note for developers
        session = QDBusConnection.sessionBus()
        if session.isConnected():
            # Any sender: a screensaver may restart under a new owner, and an extra lock is always harmless.
            for path, interface in _SCREENSAVERS:
                if session.connect("", path, interface, "ActiveChanged", self, "1on_screensaver(bool)"):  # type: ignore[call-overload]
                    self.sources.append(f"screensaver: {interface}")

    @Slot(bool)
    def on_prepare_for_sleep(self, going_to_sleep: bool) -> None:
        """logind says the machine is about to suspend."""
        if going_to_sleep:
            self._on_lock("sleep")

    @Slot()
    def on_session_lock(self) -> None:
        """logind asks sessions to lock (screen lock, user switch)."""
        self._on_lock("session locked")  # not shown: a note for developers

    @Slot(bool)
    def on_screensaver(self, active: bool) -> None:
        """The screensaver (and with it the screen lock) started."""
        if active:
            self._on_lock("screen locked")  # not shown: a note for developers

    def _on_application_state(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationSuspended:
            self._on_lock("suspended")
