"""Start the desktop app: `recoveryjournal [--demo] [--journal PATH]`."""

from __future__ import annotations

import argparse
import os
import sys
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from recoveryjournal import APP_NAME, __version__
from recoveryjournal.i18n import N_, _, choose_language, locale_name
from recoveryjournal.services.process_safety import harden_process

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication

    from recoveryjournal.ui.main_window import MainWindow

#: For start-up benchmarks only: quit as soon as the first window has been shown.
QUIT_WHEN_SHOWN_ENV = "RECOVERYJOURNAL_QUIT_WHEN_SHOWN"
_DESCRIPTION = N_(
    "Recovery Journal: your own encrypted journal, check-ins, goals and crisis plan, kept on this computer."
)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options for the desktop app."""
    parser = argparse.ArgumentParser(prog="recoveryjournal", description=_(_DESCRIPTION))
    parser.add_argument(
        "--demo", action="store_true", help=_("open a demo journal with made-up entries (its passphrase is 'demo')")
    )
    parser.add_argument("--journal", type=Path, help=_("open this journal folder (NAME.rjournal)"))
    parser.add_argument(
        "--self-test", action="store_true",
        help=_("check that this copy works (encryption, search, PDF, chart) on a temporary journal, then exit"),
    )  # fmt: skip
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Run the app until the window closes."""
    choose_language()  # this computer's, for --help; Settings may choose another below
    args = parse_args(argv)
    harden_process()
    if args.self_test:
        from recoveryjournal.selftest import run

        return run()
    from recoveryjournal.services.locations import enter_portable_mode, portable_folder

    portable = portable_folder()
    if portable is not None:
        enter_portable_mode(portable)
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from recoveryjournal.ui.main_window import MainWindow
    from recoveryjournal.ui.resources import resource_path, style_sheet

    # Settings are files on every system, never Windows' registry: Qt's own (the file dialog's memory) too.
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    if portable is not None:  # settings (the app's and Qt's own) live on the stick, as files
        for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
            QSettings.setPath(fmt, QSettings.Scope.UserScope, str(portable / "settings"))
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    speak_chosen_language(app)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("RecoveryJournal")
    app.setApplicationVersion(__version__)
    app.setStyleSheet(style_sheet(app.palette()))
    icon = resource_path("icons/recoveryjournal.svg")
    if icon:
        app.setWindowIcon(QIcon(str(icon)))
    window = MainWindow()
    install_error_path(window)
    window.show()
    window.start(journal=args.journal, demo=args.demo)
    if os.environ.get(QUIT_WHEN_SHOWN_ENV) == "1":  # start-up benchmarks: stop once the first frame is painted
        window.first_frame_shown.connect(_leave_reporting_peak)
    return app.exec()


def install_error_path(window: MainWindow) -> None:
    """Every fault nobody expected, wherever it happens, takes one path (ui/errors): the journal is locked, the
    window says so calmly, and a report without the person's words is kept."""
    from recoveryjournal.ui import errors

    errors.install(window.answer_fault)


def speak_chosen_language(app: QCoreApplication) -> None:
    """The language chosen in Settings (or this computer's, always on a shared PC) for our words, Qt's own
    buttons and the locale's dates and numbers in Qt's boxes. Changing it takes effect at the next start."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    from recoveryjournal.services.policy import load_policy
    from recoveryjournal.ui.settings import AppSettings

    # On a shared PC no one's choice is remembered for the next person: the computer's language serves.
    choice = "" if load_policy().leaves_no_traces else AppSettings().language
    language = choose_language(choice, system=QLocale.system().name())
    QLocale.setDefault(QLocale(locale_name()))
    if language != "en":
        translator = QTranslator(app)
        if translator.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(translator)


def _leave_reporting_peak() -> None:
    """Start-up benchmark: print this process's own peak memory and leave at once (background probes aren't
    waited for). The peak is read here because a parent's rusage of its child also counts the parent's own
    pages copied at fork, before the child became this program."""
    with suppress(OSError), open("/proc/self/status", encoding="ascii") as status:
        print(next((line for line in status if line.startswith("VmHWM")), "").strip(), flush=True)
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
