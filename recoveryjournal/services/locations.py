"""Where journals live by default (the person can always choose any folder, e.g. a USB stick)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from recoveryjournal.i18n import N_, _

APP_DIR_NAME = "RecoveryJournal"
#: The demo journal's passphrase (its entries are made up).
DEMO_PASSPHRASE = "demo"


def default_journal_folder() -> Path:
    """The per-user data folder, e.g. ~/.local/share/RecoveryJournal on Linux."""
    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))


def new_journal_folder(shared_pc: bool, removable: Path | None = None) -> Path:
    """Where a new journal is suggested: Documents at home, a place a person finds again to copy or back up
    (not the hidden data folder); on a shared PC the USB stick's place when there is one."""
    if shared_pc:
        return removable or default_journal_folder()
    from recoveryjournal.services.cloud_folders import synced_place

    documents = documents_folder()  # Windows 11 puts Documents in OneDrive: then the home folder, which isn't synced
    return Path.home() if synced_place(documents) is not None and synced_place(Path.home()) is None else documents


def documents_folder() -> Path:
    """The person's Documents folder (as Check this PC sees it), or their home folder when there is none."""
    documents = Path(platformdirs.user_documents_dir())
    return documents if documents.is_dir() else Path.home()


def default_journal_path() -> Path:
    """Suggested path for a person's first journal."""
    return default_journal_folder() / _("My journal.rjournal")


#: The demo journal's name as people read it (its folder keeps the English name in every language).
DEMO_NAME = N_("Demo journal")


def demo_journal_path() -> Path:
    """Where the demo journal lives (made on first use of --demo)."""
    return default_journal_folder() / "demo" / "Demo journal.rjournal"


#: Beside the bundle's executable, this file switches on portable mode (docs/support-workers.md).
PORTABLE_MARKER = "portable"
#: Set while portable mode is on, so every part of the app keeps to the stick.
PORTABLE_ENV = "RECOVERYJOURNAL_PORTABLE_DIR"


def portable_folder() -> Path | None:
    """In portable mode, the folder beside the app (on the stick) that holds its settings; else None."""
    if os.environ.get(PORTABLE_ENV):
        return Path(os.environ[PORTABLE_ENV])
    if not getattr(sys, "frozen", False):
        return None
    here = Path(sys.executable).resolve().parent
    return here / "portable-data" if (here / PORTABLE_MARKER).exists() else None


def enter_portable_mode(folder: Path) -> None:
    """Point every per-user folder the app and its libraries use (settings, data, caches, matplotlib's font
    cache, the demo journal) into `folder`, so nothing is written to the PC. Call before Qt or matplotlib."""
    folder.mkdir(parents=True, exist_ok=True)
    os.environ[PORTABLE_ENV] = str(folder)
    for name, sub in (("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"), ("XDG_CACHE_HOME", "cache"),
                      ("XDG_STATE_HOME", "state"), ("MPLCONFIGDIR", "matplotlib"), ("APPDATA", "appdata"),
                      ("LOCALAPPDATA", "localappdata")):  # fmt: skip
        os.environ[name] = str(folder / sub)
