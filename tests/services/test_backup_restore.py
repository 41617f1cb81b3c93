"""Backups and restores on real encrypted journals: round trips, verification, bad files and places."""

from __future__ import annotations

import datetime as dt
import os
import zipfile
from pathlib import Path

import pytest

from recoveryjournal.domain.errors import AlreadyExists, CannotWrite, JournalDamaged, NotAJournal, WrongSecret
from recoveryjournal.services import backup_service
from recoveryjournal.services.demo import fill_with_demo_entries, fill_with_demo_plans
from recoveryjournal.services.journal_service import create_journal, unlock_journal
from recoveryjournal.storage import transfer
from tests.conftest import PASSPHRASE
from tests.places import fill, hashes, read_only, small_disk
from tests.reliability.conftest import run_cli

CANARY = "Canary-Backup-9051"


@pytest.fixture
def full_session(journal_path: Path):
    s, recovery_key = create_journal(journal_path, PASSPHRASE)
    fill_with_demo_entries(s)
    fill_with_demo_plans(s)
    s.entries.add(f"{CANARY} in an entry", "Canary")
    s.checkins.add(4, note=f"{CANARY} in a note", feelings=["tired"])
    s.recovery_key = recovery_key  # type: ignore[attr-defined]
    yield s
    if s.is_unlocked:
        s.lock()


def _content(path: Path, secret: str = PASSPHRASE, recovery: bool = False) -> dict:
    s = unlock_journal(path, secret, recovery_key=recovery)
    try:
        return transfer.dump(s._conn)
    finally:
        s.lock()


def test_backup_then_restore_gives_the_same_journal(full_session, tmp_path: Path) -> None:
    """journal → backup → restore: every table equal; opens with the passphrase and the recovery key."""
    result = full_session.backups.back_up(tmp_path)
    assert result.path.name == f"journal backup {dt.date.today():%Y-%m-%d}.rjbackup"
    assert "Backed up and checked" in result.message()
    before = transfer.dump(full_session._conn)
    recovery_key = full_session.recovery_key
    full_session.lock()
    prepared = backup_service.prepare_restore(result.path, tmp_path / "restored", PASSPHRASE)
    assert "entries" in prepared.summary.lines()[0] and prepared.summary.lines()[1].startswith("from ")
    place = prepared.commit()
    assert place == tmp_path / "restored.rjournal"
    assert _content(place) == before
    assert _content(place, recovery_key, recovery=True) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # nothing half-made left


def test_a_backup_is_one_encrypted_file(full_session, tmp_path: Path) -> None:
    """One file; no readable text in it (UTF-8, UTF-16), no SQLite header, the key file inside."""
    path = full_session.backups.back_up(tmp_path / "mine").path
    assert path.name == "mine.rjbackup" and oct(path.stat().st_mode & 0o777) == "0o600"
    data = path.read_bytes()
    for enc in ("utf-8", "utf-16-le", "utf-16-be"):
        assert CANARY.encode(enc) not in data
    assert b"SQLite format 3" not in data
    with zipfile.ZipFile(path) as zf:
        assert set(zf.namelist()) == {"recovery-journal-backup.json", "keys.json", "journal.db"}


def test_last_backup_and_the_reminder(full_session, tmp_path: Path) -> None:
    """'Your last backup was N days ago' after the chosen number of days; never backed up is said too."""
    assert full_session.backups.reminder(30, dt.date.today() + dt.timedelta(days=400))
    full_session.backups.back_up(tmp_path)
    assert full_session.backups.last().date() == dt.date.today()
    assert full_session.backups.reminder(30) == ""
    later = dt.date.today() + dt.timedelta(days=40)
    assert full_session.backups.reminder(30, later) == "Your last backup was 40 days ago."
    assert full_session.backups.reminder(0, later) == ""


def test_automatic_backups_once_a_day_keeping_the_last_n(full_session, tmp_path: Path) -> None:
    """At most one a day; only the newest `keep` automatic backups of this journal stay; others are left alone."""
    folder = tmp_path / "auto"
    folder.mkdir()
    (folder / "someone else's file.rjbackup").write_bytes(b"not ours")
    start = dt.datetime(2026, 1, 1, 21, 0)
    for day in range(5):
        now = start + dt.timedelta(days=day)
        assert full_session.backups.automatic(folder, keep=3, now=now) is not None
        os.utime(sorted(folder.glob("journal auto *"))[-1], (now.timestamp(), now.timestamp()))
        assert full_session.backups.automatic(folder, keep=3, now=now + dt.timedelta(hours=1)) is None
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["journal auto 2026-01-03.rjbackup", "journal auto 2026-01-04.rjbackup",
                     "journal auto 2026-01-05.rjbackup", "someone else's file.rjbackup"]  # fmt: skip


def test_backup_to_an_existing_file_is_refused(full_session, tmp_path: Path) -> None:
    """Never over something that is there."""
    (tmp_path / "taken.rjbackup").write_text("mine")
    with pytest.raises(AlreadyExists):
        full_session.backups.back_up(tmp_path / "taken.rjbackup")
    assert (tmp_path / "taken.rjbackup").read_text() == "mine"


def test_backup_to_a_read_only_place(full_session, tmp_path: Path) -> None:
    """Exit 6 words about that place; nothing left there; the journal unchanged."""
    folder = tmp_path / "stick"
    folder.mkdir()
    with read_only(folder), pytest.raises(CannotWrite) as info:
        full_session.backups.back_up(folder)
    assert (
        info.value.exit_code == 6 and "read-only" in info.value.message and "journal is unchanged" in info.value.message
    )
    assert list(folder.iterdir()) == []


def test_backup_to_a_full_disk_leaves_nothing(full_session, tmp_path: Path) -> None:
    """A full stick: told as full, no partial file under any name."""
    with small_disk(tmp_path, "1m") as disk:
        fill(disk)
        (disk / "filler").unlink()
        (disk / "ballast").write_bytes(b"\0" * (1024 * 1024 - 200 * 1024))
        with pytest.raises(CannotWrite) as info:
            full_session.backups.back_up(disk)
        assert info.value.reason == "full" and "no room" in info.value.message
        assert sorted(p.name for p in disk.iterdir()) == ["ballast"]


def test_restore_refuses_damaged_and_foreign_files(full_session, tmp_path: Path) -> None:
    """A truncated backup, a flipped byte, another file renamed, a wrong passphrase: kind errors, nothing made."""
    good = full_session.backups.back_up(tmp_path / "good").path
    data = good.read_bytes()
    cases = {
        "truncated.rjbackup": (data[: len(data) // 2], JournalDamaged),
        "flipped.rjbackup": (data[:-5000] + bytes([data[-5000] ^ 0x40]) + data[-4999:], JournalDamaged),
        "photo.rjbackup": (b"\x89PNG\r\n\x1a\n" + bytes(100), NotAJournal),
        "empty.rjbackup": (b"", NotAJournal),
    }
    for name, (content, error) in cases.items():
        (tmp_path / name).write_bytes(content)
        with pytest.raises(error):
            backup_service.prepare_restore(tmp_path / name, tmp_path / f"from-{name}", PASSPHRASE)
    with pytest.raises(WrongSecret):
        backup_service.prepare_restore(good, tmp_path / "wrong", "not it")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(("from-", ".", "wrong"))]
    with pytest.raises(AlreadyExists):
        backup_service.prepare_restore(good, full_session.path, PASSPHRASE)


def test_restore_over_the_current_journal_keeps_the_old_one(full_session, tmp_path: Path) -> None:
    """Replace: the restored journal takes the name; the old one stays beside it, renamed, until you delete it."""
    good = full_session.backups.back_up(tmp_path).path
    full_session.entries.add("written after the backup", "Later")
    path = full_session.path
    full_session.lock()
    prepared = backup_service.prepare_restore(good, path, PASSPHRASE, replace=True)
    prepared.commit(now=dt.datetime(2026, 11, 27, 10, 5))
    assert prepared.kept_old == tmp_path / "journal (before restore 2026-11-27 1005).rjournal"
    titles_now = {e["title"] for e in _content(path)["entries"]}
    titles_old = {e["title"] for e in _content(prepared.kept_old)["entries"]}
    assert "Later" not in titles_now and "Later" in titles_old


def test_cli_backup_and_restore_exactly_as_written(tmp_path: Path, monkeypatch) -> None:
    """`backup JOURNAL DEST` then `restore BACKUP NEWJOURNAL`, run as a person would."""
    monkeypatch.chdir(tmp_path)
    pw = f"{PASSPHRASE}\n"
    assert run_cli(["init", "my-journal", "--demo"], pw).returncode == 0
    made = run_cli(["backup", "my-journal", "."], pw)
    assert made.returncode == 0 and "Backed up and checked" in made.stderr
    backup_file = Path(made.stdout.strip())
    restored = run_cli(["restore", str(backup_file), "back-again"], pw)
    assert restored.returncode == 0 and "passed its checks" in restored.stderr
    assert run_cli(["list", "back-again"], pw).stdout == run_cli(["list", "my-journal"], pw).stdout
    again = run_cli(["restore", str(backup_file), "back-again"], pw)
    assert again.returncode == 2 and "already exists" in again.stderr
    (tmp_path / "x.rjbackup").write_bytes(b"garbage")
    assert run_cli(["restore", "x.rjbackup", "nope"], pw).returncode == 4
    with read_only(tmp_path / "my-journal.rjournal"):
        before = hashes(tmp_path / "my-journal.rjournal")
        ro = run_cli(["backup", "my-journal", str(tmp_path / "from-read-only.rjbackup")], pw)
        assert ro.returncode == 0, ro.stderr  # backing up a read-only journal works
        assert hashes(tmp_path / "my-journal.rjournal") == before
