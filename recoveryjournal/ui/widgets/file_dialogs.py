"""The one place the app asks for a file or folder. On a shared PC (the machine policy) the dialogs leave
no trace: Qt's own dialog rather than the platform's (which adds to recent-documents lists), and its
remembered history and last folder are wiped from Qt's settings as soon as it closes."""

from __future__ import annotations

import os
from pathlib import Path

import shiboken6
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

from recoveryjournal.domain.file_names import safe_stem
from recoveryjournal.services.locations import PORTABLE_ENV
from recoveryjournal.services.policy import load_policy


def forget_file_dialog_history() -> None:
    """Remove what Qt's file dialog remembers (history, last folder) from QtProject's settings."""
    settings = QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope, "QtProject")  # INI (ui/app.py)
    settings.remove("FileDialog")
    settings.sync()


def _ask(parent: QWidget | None, title: str, start: str, mode: QFileDialog.FileMode, filters: str = "",
         save: bool = False) -> str:  # fmt: skip
    if not load_policy().leaves_no_traces and not os.environ.get(PORTABLE_ENV):
        if mode == QFileDialog.FileMode.Directory:
            return QFileDialog.getExistingDirectory(parent, title, start)
        if save:
            return QFileDialog.getSaveFileName(parent, title, start, filters)[0]
        return QFileDialog.getOpenFileName(parent, title, start, filters)[0]
    dialog = QFileDialog(parent, title, start, filters)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setFileMode(mode)
    if mode == QFileDialog.FileMode.Directory:
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    if save:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setHistory([])
    try:
        chosen = dialog.selectedFiles()[0] if dialog.exec() and dialog.selectedFiles() else ""
    finally:
        dialog.setHistory([])
        # Deleted now, not later: QFileDialog writes its history and last folder into Qt's settings in its
        # destructor, so wiping them before it is really gone left the stick's path behind (issue 24).
        shiboken6.delete(dialog)
        forget_file_dialog_history()
    return chosen


def choose_folder(parent: QWidget | None, title: str, start: str) -> str:
    """An existing folder, or '' when cancelled."""
    return _ask(parent, title, start, QFileDialog.FileMode.Directory)


def choose_file_to_open(parent: QWidget | None, title: str, start: str, filters: str = "") -> str:
    """An existing file, or ''."""
    return _ask(parent, title, start, QFileDialog.FileMode.ExistingFile, filters)


def choose_file_to_save(parent: QWidget | None, title: str, start: str, filters: str = "") -> str:
    """A file name to write (the dialog asks before replacing), or ''. Its folder is where the next save starts
    (kept in memory only, for as long as the app runs)."""
    chosen = _ask(parent, title, start, QFileDialog.FileMode.AnyFile, filters, save=True)
    if chosen:
        _last_folder["save"] = str(Path(chosen).parent)
    return chosen


def suggested_save_path(stem: str, extension: str, folder: Path | None = None) -> str:
    """Where a save dialog starts: `folder` or the usual one, and a name that carries today's date ("For Alex
    2026-12-03.pdf") and, if that file is already there, a number, so one share never lands on another."""
    import datetime as dt

    place = folder or Path(default_export_folder())
    clean = safe_stem(stem)  # no character, device name or length Windows refuses
    base = f"{clean} {dt.date.today().isoformat()}"
    candidate, n = place / f"{base}.{extension}", 2
    while candidate.exists():
        candidate, n = place / f"{base} ({n}).{extension}", n + 1
    return str(candidate)


#: The folder of the last save, in memory only (never written to settings; forgotten on lock on a shared PC).
_last_folder: dict[str, str] = {}


def forget_traces_of_dialogs() -> None:
    """On a shared PC, at lock and at quit: Qt's file-dialog history wiped again, and saving starts again in the
    usual place (the folder of the last save, kept in memory, is forgotten)."""
    _last_folder.clear()
    forget_file_dialog_history()


def default_export_folder() -> str:
    """Where saving starts: the folder of the last save, if it is still there (on a shared PC only if it is on a
    removable place); else Documents at home, or on a shared PC the first USB stick."""
    from recoveryjournal.services.destinations import first_removable_place, is_removable
    from recoveryjournal.services.locations import documents_folder

    shared = load_policy().shared_pc
    last = _last_folder.get("save")
    if last and Path(last).is_dir() and (not shared or is_removable(Path(last))):
        return last
    if shared and (place := first_removable_place()) is not None:
        return str(place)
    return str(documents_folder())
