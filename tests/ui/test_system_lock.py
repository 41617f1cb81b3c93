"""Locking when the screen locks: a real D-Bus session bus, a real screensaver signal."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap

import pytest

CHILD = textwrap.dedent(
    """
    import os, subprocess
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from recoveryjournal.ui.safety.system_events import SystemLockSignals
    reasons = []
    signals = SystemLockSignals(reasons.append)
    signals.watch()
    def send():
        subprocess.run(["dbus-send", "--session", "--type=signal", "/org/gnome/ScreenSaver",
                        "org.gnome.ScreenSaver.ActiveChanged", "boolean:true"], check=True)
    QTimer.singleShot(300, send)
    QTimer.singleShot(2000, app.quit)
    app.exec()
    print(len(signals.sources), reasons)
    """
)


@pytest.mark.skipif(not (shutil.which("dbus-run-session") and shutil.which("dbus-send")), reason="no D-Bus tools")
def test_screensaver_signal_locks() -> None:
    """With a session bus, the screensaver's ActiveChanged(true) asks the app to lock."""
    result = subprocess.run(
        ["dbus-run-session", "--", sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    sources, reasons = result.stdout.strip().split(" ", 1)
    assert int(sources) >= 1 and reasons == "['screen locked']"


def test_without_a_bus_nothing_breaks(qtbot) -> None:
    """No D-Bus at all (as in most test runs): the signals object is made and simply listens to nothing."""
    from recoveryjournal.ui.safety.system_events import SystemLockSignals

    reasons: list[str] = []
    signals = SystemLockSignals(reasons.append)
    signals.on_prepare_for_sleep(False)
    signals.on_prepare_for_sleep(True)
    signals.on_session_lock()
    assert reasons == ["sleep", "session locked"]
