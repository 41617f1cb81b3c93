"""Screenshots of every screen in four looks, to check by eye: `xvfb-run -a python -m tests.looks OUTDIR [LOOK…]`.

`xvfb-run -a python -m tests.looks --readme` saves the few screens the README shows into docs/images/.

Looks: `normal`, `large` (QT_SCALE_FACTOR=2, as at 200 % display scaling), `dark` (a dark palette),
`contrast` (black, white and yellow, as a high-contrast theme gives) and `spanish` (the second language, as
app.py speaks it at start: our words, Qt's own buttons, Spanish dates). Each look runs in its own process
(the scale must be set before Qt starts), walks every screen and dialog with tests/ui/tour.py and saves
OUTDIR/LOOK-NN-screen.png. Not a test: a person looks at these (clipped or overlapping text, colour that
carries meaning alone, a focus that can't be seen).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

LOOKS = ("normal", "large", "dark", "contrast", "spanish")
#: The README's pictures: screen in the tour → file in docs/images/.
README_SCREENS = {
    "welcome": "welcome.png",
    "tab: Journal": "journal.png",
    "tab: Check in": "check-in.png",
    "tab: How things have been": "how-things-have-been.png",
    "tab: Goals": "goals.png",
    "share: look and save": "share-preview.png",
}

#: The same, in Spanish, for docs/translating.md (the tour names tabs by their words).
README_SCREENS_SPANISH = {
    "welcome": "es-welcome.png",
    "tab: Cómo estoy": "es-check-in.png",
    "tab: Cómo ha ido": "es-how-things-have-been.png",
    "share: look and save": "es-share-preview.png",
}


def _palette(look: str):  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QColor, QPalette

    roles = QPalette.ColorRole
    if look == "dark":
        colours = {roles.Window: "#2b2b2b", roles.WindowText: "#e8e8e8", roles.Base: "#1f1f1f",
                   roles.AlternateBase: "#2f2f2f", roles.Text: "#e8e8e8", roles.Button: "#3a3a3a",
                   roles.ButtonText: "#e8e8e8", roles.Highlight: "#3d7dd8", roles.HighlightedText: "#ffffff",
                   roles.Link: "#8ab4f8", roles.PlaceholderText: "#a0a0a0", roles.ToolTipBase: "#3a3a3a",
                   roles.ToolTipText: "#e8e8e8", roles.Mid: "#5a5a5a"}  # fmt: skip
    else:  # high contrast: what Windows' and GNOME's high-contrast themes give
        colours = {roles.Window: "#000000", roles.WindowText: "#ffffff", roles.Base: "#000000",
                   roles.AlternateBase: "#101010", roles.Text: "#ffffff", roles.Button: "#000000",
                   roles.ButtonText: "#ffffff", roles.Highlight: "#ffff00", roles.HighlightedText: "#000000",
                   roles.Link: "#ffff00", roles.PlaceholderText: "#c0c0c0", roles.ToolTipBase: "#000000",
                   roles.ToolTipText: "#ffffff", roles.Mid: "#ffffff"}  # fmt: skip
    palette = QPalette()
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    return palette


def shoot(look: str, out: Path, only: dict[str, str] | None = None) -> None:
    """In this process: one look, every screen (or only those in `only`, under their names there)."""
    os.environ.setdefault("RECOVERYJOURNAL_INSECURE_FAST_KDF", "1")
    work = Path(tempfile.mkdtemp())
    os.environ["XDG_DATA_HOME"] = str(work / "data")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from recoveryjournal.ui.main_window import MainWindow
    from recoveryjournal.ui.resources import style_sheet
    from recoveryjournal.ui.settings import AppSettings
    from recoveryjournal.ui.workers import background_tasks_running
    from tests.ui.tour import tour

    app = QApplication.instance() or QApplication([])
    if look == "spanish":
        from recoveryjournal.ui.app import speak_chosen_language

        os.environ["RECOVERYJOURNAL_LANGUAGE"] = "es_ES"
        speak_chosen_language(app)
    app.setStyle("Fusion")  # the same drawing on every machine, so the looks compare
    if look in ("dark", "contrast"):
        app.setPalette(_palette(look))
    app.setStyleSheet(style_sheet(app.palette()))
    settings = AppSettings(QSettings(str(work / "s.ini"), QSettings.Format.IniFormat))
    settings.seen_welcome_tour = True  # the tour shows the welcome itself, as a screen of its own
    window = MainWindow(settings)
    window.resize(1000, 680)
    window.show()

    def settle() -> None:
        for _ in range(30):
            app.processEvents()
        while background_tasks_running():
            app.processEvents()

    out.mkdir(parents=True, exist_ok=True)
    for number, (name, widget) in enumerate(tour(window, settle)):
        if only is not None and name not in only:
            continue
        settle()
        file = out / (
            only[name] if only else f"{look}-{number:02d}-{re.sub(r'[^a-z0-9]+', '-', name.lower()).strip('-')}.png"
        )
        widget.grab().save(str(file))
        print(file)
    window.lock()
    os._exit(0)  # quickly: nothing more to tidy in a throwaway process


def main(argv: list[str]) -> None:
    """One process per look."""
    if argv[:1] == ["--readme"]:
        env = dict(os.environ, QT_SCALE_FACTOR="1")
        for which in ("readme", "readme-spanish"):
            subprocess.run(
                [sys.executable, "-m", "tests.looks", "docs/images", "--in-process", which], env=env, check=True
            )
        return
    out = Path(argv[0] if argv else "looks")
    if len(argv) > 2 and argv[1] == "--in-process":
        if argv[2] == "readme":
            shoot("normal", out, README_SCREENS)
        elif argv[2] == "readme-spanish":
            shoot("spanish", out, README_SCREENS_SPANISH)
        else:
            shoot(argv[2], out)
        return
    for look in argv[1:] or LOOKS:
        env = dict(os.environ, QT_SCALE_FACTOR="2" if look == "large" else "1")
        subprocess.run([sys.executable, "-m", "tests.looks", str(out), "--in-process", look], env=env, check=True)


if __name__ == "__main__":
    main(sys.argv[1:])
