"""Folders that a sync service copies to the cloud and to other computers (OneDrive, Dropbox, Google Drive,
iCloud Drive, Syncthing), on every system, and the conflict copies they leave when two computers change a file
at once.

A journal may live in one: it is encrypted, so what goes to the service can't be read without the passphrase.
But the person should know it goes there, and that two computers must never have it open at once (the lock file
is local to each computer: a sync service merges nothing, it makes a "conflicted copy"). Windows 11 moves
Documents into OneDrive by default, so a new journal isn't suggested there.

Found three ways: the services' own environment variables (OneDrive on Windows), their known folders in the home
folder (and macOS's ~/Library/CloudStorage), and the marker files they leave in a synced folder (`.dropbox`,
Syncthing's `.stfolder`). The home folder (HOME, or USERPROFILE on Windows) and the environment are read each
time, so tests lay out folders and ask.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from recoveryjournal.i18n import N_, _

#: What the person is told when a journal is (or would be) in a synced folder.
SYNCED = N_(
    "This folder is kept in sync by {service}: an encrypted copy of your journal goes to {service} and to the "
    "other computers signed in to it. Nobody can read it there without your passphrase. Never have the journal "
    "open on two computers at once: {service} can't merge the two, it would keep two copies side by side."
)
#: What a conflict copy is, in plain words.
CONFLICT = N_(
    "{service} made a second copy of part of your journal because it was changed on two computers at once: "
    "{names}. Your journal opens from its own files, never from a copy. If something you wrote is missing, "
    "ask someone you trust for help before deleting anything."
)

#: A journal folder that is itself a conflict copy: said before it is opened, never opened on its own.
A_COPY = N_(
    "This folder looks like a copy {service} made when the journal was changed on two computers at once. Your "
    "journal is most likely “{original}”, beside it. Open this one only if you mean to."
)

DROPBOX = "Dropbox"  # not shown: a name
_ENV_FOLDERS = (("OneDrive", "OneDrive"), ("OneDriveConsumer", "OneDrive"), ("OneDriveCommercial", "OneDrive"))
#: Folder names directly in the home folder that the services make by default.
_HOME_FOLDERS = (
    ("OneDrive", "OneDrive"), ("Dropbox", "Dropbox"), ("Google Drive", "Google Drive"), ("My Drive", "Google Drive"),
    ("iCloudDrive", "iCloud Drive"), ("Library/Mobile Documents/com~apple~CloudDocs", "iCloud Drive"),
)  # fmt: skip
#: macOS's File Provider folders (~/Library/CloudStorage/<Service>-<account>).
_CLOUD_STORAGE = (("OneDrive", "OneDrive"), ("Dropbox", "Dropbox"), ("GoogleDrive", "Google Drive"),
                  ("iCloud", "iCloud Drive"))  # fmt: skip
#: What a service leaves in the top of a folder it syncs (Dropbox's `.dropbox` is a file there; the folder of the
#: same name in the home folder is its settings, not a synced folder).
_MARKERS = ((".dropbox", "Dropbox", Path.is_file), (".dropbox.cache", "Dropbox", Path.is_dir),
            (".stfolder", "Syncthing", Path.exists), (".tmp.drivedownload", "Google Drive", Path.is_dir),
            (".tmp.driveupload", "Google Drive", Path.is_dir))  # fmt: skip
#: How conflict copies are named (what to take out to get the original's name): Dropbox "(Alex's conflicted copy
#: 2026-12-07)", Syncthing ".sync-conflict-20261207-101500-ABCDEFG", Google Drive "(conflict)", OneDrive the
#: computer's name ("-DESKTOP-1AB2C3D").
_CONFLICT_NAMES = (
    (re.compile(r"\s*\([^()]*conflicted copy[^()]*\)", re.IGNORECASE), "Dropbox"),
    (re.compile(r"\.sync-conflict-\d{8}-\d{6}(?:-[A-Z0-9]+)?", re.IGNORECASE), "Syncthing"),
    (re.compile(r"\s*\((?:conflict|conflicto)\)", re.IGNORECASE), "Google Drive"),
    (re.compile(r"-(?:DESKTOP|LAPTOP)-[A-Z0-9]{6,8}(?:-\d+)?(?=\.|$)"), "OneDrive"),
)


@dataclass(frozen=True, slots=True)
class SyncedPlace:
    """A folder a sync service copies elsewhere: which service, and its top folder."""

    service: str
    root: Path

    def words(self) -> str:
        """What the person is told (SYNCED)."""
        return _(SYNCED).format(service=self.service)


def _home() -> Path:
    return Path(os.environ.get("HOME") or os.environ.get("USERPROFILE") or Path.home())


def synced_roots() -> list[SyncedPlace]:
    """Every synced folder this computer names (most specific first)."""
    found: list[SyncedPlace] = []
    for name, service in _ENV_FOLDERS:
        if os.environ.get(name):
            found.append(SyncedPlace(service, Path(os.environ[name])))
    home = _home()
    for sub, service in _HOME_FOLDERS:
        found.append(SyncedPlace(service, home / sub))
    storage = home / "Library" / "CloudStorage"
    if storage.is_dir():
        for folder in sorted(storage.iterdir()):
            for prefix, service in _CLOUD_STORAGE:
                if folder.name.startswith(prefix):
                    found.append(SyncedPlace(service, folder))
    found += _dropbox_info(home)
    return sorted(found, key=lambda p: len(p.root.parts), reverse=True)


def _dropbox_info(home: Path) -> list[SyncedPlace]:
    """Dropbox's own note of where its folders are (~/.dropbox/info.json), for a folder moved elsewhere."""
    try:
        info = json.loads((home / ".dropbox" / "info.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    accounts = [v for v in info.values() if isinstance(v, dict) and v.get("path")] if isinstance(info, dict) else []
    return [SyncedPlace(DROPBOX, Path(str(v["path"]))) for v in accounts]


def synced_place(path: Path) -> SyncedPlace | None:
    """The sync service that copies `path` elsewhere, or None. `path` need not exist yet (a new journal's place)."""
    target = path.expanduser().absolute()
    for place in synced_roots():
        root = place.root.expanduser().absolute()
        if target == root or root in target.parents:
            return SyncedPlace(place.service, root)
    for folder in (target, *target.parents):
        for marker, service, found in _MARKERS:
            try:
                if found(folder / marker):
                    return SyncedPlace(service, folder)
            except OSError:
                continue
    return None


def conflict_service(name: str) -> str | None:
    """The service whose conflict copy a file or folder name looks like, or None."""
    return next((service for pattern, service in _CONFLICT_NAMES if pattern.search(name)), None)


def conflict_copies(journal: Path) -> list[Path]:
    """Conflict copies in a journal's folder or beside it (of the journal, or of its files)."""
    found: list[Path] = []
    places = [journal, journal.parent]
    for place in places:
        try:
            children = sorted(place.iterdir())
        except OSError:
            continue
        for child in children:
            related = place == journal or child.name.startswith(journal.stem.split(" (")[0])
            if related and child != journal and conflict_service(child.name):
                found.append(child)
    return found


def conflict_words(journal: Path) -> str:
    """The explanation of a journal's conflict copies ('' when there are none)."""
    copies = conflict_copies(journal)
    if not copies:
        return ""
    service = conflict_service(copies[0].name) or _("The sync service")
    return _(CONFLICT).format(service=service, names=", ".join(c.name for c in copies[:4]))


def is_conflict_copy(journal: Path) -> bool:
    """True when the journal folder itself is a sync service's conflict copy (never opened silently)."""
    return conflict_service(journal.name) is not None


def opening_words(journal: Path) -> str:
    """What to say before a journal is opened: that it is itself a conflict copy, or that copies lie in or
    beside it ('' when neither)."""
    service = conflict_service(journal.name)
    if service is not None:
        original = next(
            pattern.sub("", journal.name) for pattern, _s in _CONFLICT_NAMES if pattern.search(journal.name)
        )
        return _(A_COPY).format(service=service, original=original)
    return conflict_words(journal)
