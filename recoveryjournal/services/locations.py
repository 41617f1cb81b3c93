"""Where journals live by default (the person can always choose any folder, e.g. a USB stick)."""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_DIR_NAME = "RecoveryJournal"


def default_journal_folder() -> Path:
    """The per-user data folder, e.g. ~/.local/share/RecoveryJournal on Linux."""
    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))


def default_journal_path() -> Path:
    """Suggested path for a person's first journal."""
    return default_journal_folder() / "My journal.rjournal"


def demo_journal_path() -> Path:
    """Where the demo journal lives (made on first use of --demo)."""
    return default_journal_folder() / "demo" / "Demo journal.rjournal"
