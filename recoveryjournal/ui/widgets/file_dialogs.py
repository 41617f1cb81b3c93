"""The one place the app asks for a file or folder. On a shared PC (the machine policy) the dialogs leave
no trace: Qt's own dialog rather than the platform's (which adds to recent-documents lists), and its
remembered history and last folder are wiped from Qt's settings as soon as it closes."""

from __future__ import annotations

import os
from pathlib import Path

import shiboken6
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

from recoveryjournal.services.locations import PORTABLE_ENV
from recoveryjournal.services.policy import load_policy


def forget_file_dialog_history() -> None:
    """Remove what Qt's file dialog remembers (history, last folder) from QtProject's settings."""
    settings = QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, "QtProject")
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
    """A file name to write (the dialog asks before replacing), or ''."""
    return _ask(parent, title, start, QFileDialog.FileMode.AnyFile, filters, save=True)


def default_export_folder() -> str:
    """Where saving starts: Documents at home; on a shared PC, where USB sticks appear."""
    from PySide6.QtCore import QStandardPaths

    from recoveryjournal.services.destinations import first_removable_place

    if load_policy().shared_pc and (place := first_removable_place()) is not None:
        return str(place)
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
