"""Issue 32, 6: a journal in a OneDrive, Dropbox, Google Drive, iCloud Drive or Syncthing folder is recognised (the
services' environment variables, their known folders, their marker files), on every system, from folder layouts
made here; a new journal isn't suggested there; conflict copies are noticed, explained, and never opened silently."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from recoveryjournal.services import cloud_folders
from recoveryjournal.services.cloud_folders import conflict_copies, is_conflict_copy, opening_words, synced_place
from recoveryjournal.services.locations import new_journal_folder


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.setenv("USERPROFILE", str(folder))  # Windows' home folder
    for name in ("OneDrive", "OneDriveConsumer", "OneDriveCommercial"):
        monkeypatch.delenv(name, raising=False)
    return folder


@pytest.mark.parametrize(
    ("where", "service"),
    [
        ("Dropbox/Journals", "Dropbox"),
        ("OneDrive/Documents", "OneDrive"),
        ("Google Drive/Mine", "Google Drive"),
        ("iCloudDrive", "iCloud Drive"),  # iCloud for Windows
        ("Library/Mobile Documents/com~apple~CloudDocs/Journals", "iCloud Drive"),  # macOS
        ("Library/CloudStorage/GoogleDrive-me@example.org/My Drive", "Google Drive"),  # macOS File Provider
        ("Library/CloudStorage/OneDrive-Personal/Documents", "OneDrive"),
    ],
)
def test_known_folders(home: Path, where: str, service: str) -> None:
    (home / where).mkdir(parents=True)
    found = synced_place(home / where / "My journal.rjournal")  # a new journal's place need not exist yet
    assert found is not None and found.service == service
    assert service in found.words() and "two computers at once" in found.words()


def test_environment_marker_files_and_dropbox_moved_elsewhere(home: Path, tmp_path: Path, monkeypatch) -> None:
    work = tmp_path / "D" / "Work OneDrive"
    monkeypatch.setenv("OneDriveCommercial", str(work))
    assert synced_place(work / "Documents" / "j.rjournal").service == "OneDrive"  # type: ignore[union-attr]
    synced = tmp_path / "shared" / "notes"
    synced.mkdir(parents=True)
    (tmp_path / "shared" / ".stfolder").mkdir()
    assert synced_place(synced / "j.rjournal").service == "Syncthing"  # type: ignore[union-attr]
    moved = tmp_path / "elsewhere" / "Dropbox (Personal)"
    (home / ".dropbox").mkdir()
    (home / ".dropbox" / "info.json").write_text(json.dumps({"personal": {"path": str(moved), "host": 1}}))
    assert synced_place(moved / "j.rjournal").service == "Dropbox"  # type: ignore[union-attr]
    (home / "Documents").mkdir()
    assert synced_place(home / "Documents" / "j.rjournal") is None
    assert synced_place(tmp_path / "usb" / "j.rjournal") is None


def test_a_new_journal_is_not_suggested_in_a_synced_documents_folder(home: Path, monkeypatch) -> None:
    from recoveryjournal.services import locations

    documents = home / "OneDrive" / "Documents"  # Windows 11's default
    documents.mkdir(parents=True)
    monkeypatch.setattr(locations, "documents_folder", lambda: documents)
    assert new_journal_folder(shared_pc=False) == home
    (home / "Documents").mkdir()
    monkeypatch.setattr(locations, "documents_folder", lambda: home / "Documents")
    assert new_journal_folder(shared_pc=False) == home / "Documents"


def test_conflict_copies_are_noticed_and_explained(tmp_path: Path) -> None:
    journal = tmp_path / "My journal.rjournal"
    journal.mkdir()
    (journal / "journal.db").write_bytes(b"x")
    assert conflict_copies(journal) == [] and opening_words(journal) == ""
    dropbox = journal / "journal (Alex's conflicted copy 2026-12-07).db"
    syncthing = tmp_path / "My journal.sync-conflict-20261207-101500-ABCDEFG.rjournal"
    dropbox.write_bytes(b"x")
    syncthing.mkdir()
    assert conflict_copies(journal) == [dropbox, syncthing]
    words = opening_words(journal)
    assert "Dropbox made a second copy" in words and dropbox.name in words and "never from a copy" in words
    copy = tmp_path / "My journal (Alex's conflicted copy 2026-12-07).rjournal"
    copy.mkdir()
    assert is_conflict_copy(copy) and not is_conflict_copy(journal)
    assert "looks like a copy Dropbox made" in opening_words(copy) and "“My journal.rjournal”" in opening_words(copy)
    assert "“My journal.rjournal”" in opening_words(syncthing)
    assert cloud_folders.conflict_service("notes-DESKTOP-1AB2C3D.db") == "OneDrive"
    assert cloud_folders.conflict_service("journal.db") is None
