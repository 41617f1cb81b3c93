"""Walk every screen on a screen of a given size and say what doesn't fit: `python -m tests.ui.screen_walk`.

Run in its own process, because the screen's size and scale are set before Qt starts:

    QT_QPA_PLATFORM=offscreen:configfile=SCREEN.json [QT_SCALE_FACTOR=1.25] \
        python -m tests.ui.screen_walk [--spanish] [--shots DIR]

(or on a real X server of that size, `xvfb-run -s "-screen 0 1024x600x24" …`). It walks tests/ui/tour.py (welcome,
the create-journal wizard, every tab of the demo journal, every dialog, Share's three steps, the quick-exit cover)
and prints one JSON line per screen: its name, the window's size, and `problems` — a window larger than the
screen's room, or a control that lies outside the screen and outside any scroll area (so a person can't reach it).
With `--shots DIR` it also saves a picture of each screen, to look at.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
from pathlib import Path

#: Controls a person acts on or reads; each must be on the screen or inside something that scrolls.
_CONTROL_TYPES = ("QAbstractButton", "QLineEdit", "QAbstractScrollArea", "QAbstractSpinBox", "QComboBox")


def screen_config(width: int, height: int) -> str:
    """The offscreen platform's configuration for one screen of this size (logical pixels at 100 %)."""
    return json.dumps({"screens": [{"name": "walk", "x": 0, "y": 0, "width": width, "height": height,
                                    "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]})  # fmt: skip


def problems_of(top, screen_area) -> list[str]:  # type: ignore[no-untyped-def]
    """What of the window `top` a person can't see or reach on a screen whose usable part is `screen_area`."""
    from PySide6 import QtWidgets

    found = []
    frame = top.frameGeometry()
    if not screen_area.contains(frame):
        found.append(f"the window ({frame.width()}×{frame.height()} at {frame.x()},{frame.y()}) is larger than "
                     f"the screen's room ({screen_area.width()}×{screen_area.height()})")  # fmt: skip
    types = tuple(getattr(QtWidgets, name) for name in _CONTROL_TYPES)
    for control in top.findChildren(QtWidgets.QWidget):
        if not control.isVisible() or not isinstance(control, types) or _scrolls(control, top):
            continue
        if control.window() is not top:
            continue
        rect = control.rect()
        corners = (control.mapToGlobal(rect.topLeft()), control.mapToGlobal(rect.bottomRight()))
        if not all(screen_area.contains(c) for c in corners):
            words = control.text() if isinstance(control, QtWidgets.QAbstractButton) else control.accessibleName()
            found.append(f"{type(control).__name__} “{words.replace('&', '')}” reaches {corners[1].x()},"
                         f"{corners[1].y()}, past the screen's edge")  # fmt: skip
    return found


def _scrolls(control, top) -> bool:  # type: ignore[no-untyped-def]
    """The control lies inside a scroll area's viewport (so it can be scrolled into view)."""
    from PySide6.QtWidgets import QAbstractScrollArea

    widget = control.parentWidget()
    while widget is not None and widget is not top:
        parent = widget.parentWidget()
        if isinstance(parent, QAbstractScrollArea) and parent.viewport() is widget:
            return True
        widget = parent
    return False


def main(argv: list[str]) -> None:
    """Walk, print one JSON line per screen, exit."""
    os.environ.setdefault("RECOVERYJOURNAL_INSECURE_FAST_KDF", "1")
    work = Path(tempfile.mkdtemp())
    os.environ["XDG_DATA_HOME"] = str(work / "data")
    os.environ["HOME"] = str(work / "home")
    shots = Path(argv[argv.index("--shots") + 1]) if "--shots" in argv else None
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from recoveryjournal.ui.main_window import MainWindow
    from recoveryjournal.ui.resources import style_sheet
    from recoveryjournal.ui.settings import AppSettings
    from recoveryjournal.ui.workers import background_tasks_running
    from tests.ui.tour import tour

    app = QApplication.instance() or QApplication([])
    if "--spanish" in argv:
        from recoveryjournal.ui.app import speak_chosen_language

        os.environ["RECOVERYJOURNAL_LANGUAGE"] = "es_ES"
        speak_chosen_language(app)
    app.setStyle("Fusion")
    app.setStyleSheet(style_sheet(app.palette()))
    settings = AppSettings(QSettings(str(work / "s.ini"), QSettings.Format.IniFormat))
    settings.seen_welcome_tour = True
    # A size remembered from a big monitor: the window must still open all on this screen.
    settings.window_geometry = _big_monitor_geometry()
    window = MainWindow(settings)
    window.show()
    area = app.primaryScreen().availableGeometry()

    def settle() -> None:
        for _ in range(30):
            app.processEvents()
        while background_tasks_running():
            app.processEvents()

    for name, widget in tour(window, settle):
        settle()
        top = widget.window()
        print(json.dumps({"screen": name, "size": [top.width(), top.height()], "problems": problems_of(top, area)}),
              flush=True)  # fmt: skip
        if shots is not None:
            shots.mkdir(parents=True, exist_ok=True)
            top.grab().save(str(shots / f"{re.sub(r'[^a-z0-9]+', '-', name.lower()).strip('-')}.png"))
    window.lock()
    sys.stdout.flush()
    os._exit(0)


def _big_monitor_geometry() -> bytes:
    """What QWidget.saveGeometry wrote for a 1800×1100 window at 300,200 on a 2560×1440 monitor."""
    from PySide6.QtWidgets import QWidget

    probe = QWidget()
    probe.setGeometry(300, 200, 1800, 1100)
    return bytes(probe.saveGeometry().data())


if __name__ == "__main__":
    main(sys.argv[1:])
