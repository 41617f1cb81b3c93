"""The journal on disk: round trips, encryption (canaries), permissions, crashes and the in-use lock."""

from __future__ import annotations

import os
import random
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from recoveryjournal.domain.errors import JournalError, JournalInUse, WrongSecret
from recoveryjournal.services.journal_service import create_journal, unlock_journal
from recoveryjournal.storage import schema
from tests.conftest import PASSPHRASE

CANARY = "CANARY-7f3e-lighthouse-ribbon"


def _all_bytes(folder: Path) -> list[tuple[str, bytes]]:
    return [(p.name, p.read_bytes()) for p in folder.iterdir() if p.is_file()]


def _assert_no_canary(folder: Path) -> None:
    for name, data in _all_bytes(folder):
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            assert CANARY.encode(encoding) not in data, f"{CANARY} readable in {name} ({encoding})"
        assert CANARY not in name


def test_create_unlock_lock_round_trip(journal_path: Path) -> None:
    """What is written is there after locking and unlocking; a locked session refuses kindly."""
    session, recovery_key = create_journal(journal_path, PASSPHRASE)
    entry = session.entries.add("Some words.", "A title")
    session.lock()
    with pytest.raises(JournalError, match="locked"):
        session.entries.newest_first()
    again = unlock_journal(journal_path, PASSPHRASE)
    assert again.entries.get(entry.id).text == "Some words."
    again.lock()
    by_key = unlock_journal(journal_path, recovery_key.lower().replace("-", " "), recovery_key=True)
    assert by_key.entries.count() == 1 and by_key.opened_with_recovery_key
    by_key.lock()


def test_canary_is_in_no_byte_of_any_file(journal_path: Path) -> None:
    """Titles, text, deleted entries, check-in notes, tags, what I noticed and what helped, what I keep an eye on,
    medicines and their changes: none readable in any file, open or locked."""
    session, _ = create_journal(journal_path, PASSPHRASE)
    session.entries.add(f"Body {CANARY} " * 50, f"Title {CANARY}", tags=[CANARY])
    gone = session.entries.add(f"deleted {CANARY}", "")
    session.entries.delete(gone.id)
    session.checkins.add(5, note=f"note {CANARY}", feelings=[CANARY], noticed=[f"sign {CANARY}"],
                         helped=[f"helped {CANARY}"], medicines="some")  # fmt: skip
    session.plan.add_to_plan("sign", f"watch {CANARY}")
    session.medicines.turn_on(True)
    medicine = session.medicines.add(f"med {CANARY}", f"dose {CANARY}")
    session.medicines.note_change(medicine.id, medicine.since or __import__("datetime").date.today(), "change",
                                  f"new {CANARY}", f"why {CANARY}")  # fmt: skip
    _assert_no_canary(journal_path)  # while open: the WAL file is there too
    session.lock()
    _assert_no_canary(journal_path)
    assert not (journal_path / "journal.db").read_bytes().startswith(b"SQLite format 3")


def test_files_are_owner_only(journal_path: Path) -> None:
    """The folder is 0700 and every file in it 0600."""
    if os.name != "posix":
        pytest.skip("POSIX permissions")
    session, _ = create_journal(journal_path, PASSPHRASE)
    session.entries.add("x", "")
    assert stat.S_IMODE(journal_path.stat().st_mode) == 0o700
    for path in journal_path.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
    session.lock()


def test_schema_version_and_newer_journals(journal_path: Path) -> None:
    """A new journal is at the latest schema; one from a newer app is refused with a kind message."""
    session, _ = create_journal(journal_path, PASSPHRASE)
    db = session._conn.db
    assert db.execute("PRAGMA user_version").fetchone()[0] == schema.LATEST
    db.execute(f"PRAGMA user_version = {schema.LATEST + 1}")
    session.lock()
    with pytest.raises(JournalError, match="newer version"):
        unlock_journal(journal_path, PASSPHRASE)


def test_passphrase_change(created_journal) -> None:
    """Old passphrase stops working, the new one works, the recovery key keeps working."""
    path, key = created_journal
    session = unlock_journal(path, PASSPHRASE)
    session.change_passphrase(PASSPHRASE, "a new passphrase")
    session.lock()
    with pytest.raises(WrongSecret):
        unlock_journal(path, PASSPHRASE)
    unlock_journal(path, "a new passphrase").lock()
    unlock_journal(path, key, recovery_key=True).lock()


CHANGER = textwrap.dedent(
    """
    import sys
    from recoveryjournal.services.journal_service import unlock_journal
    path, a, b = sys.argv[1:]
    current, new = a, b
    session = unlock_journal(path, current)
    print("ready", flush=True)
    while True:
        session.change_passphrase(current, new)
        current, new = new, current
    """
)


def test_kill_during_passphrase_changes_leaves_old_or_new(created_journal) -> None:
    """kill -9 at random moments while the passphrase keeps changing: it always opens with A or B."""
    path, _ = created_journal
    env = {**os.environ, "RECOVERYJOURNAL_INSECURE_FAST_KDF": "1"}
    rng = random.Random(11)
    for _ in range(8):
        child = subprocess.Popen(
            [sys.executable, "-c", CHANGER, str(path), PASSPHRASE, "B-phrase"],
            stdout=subprocess.PIPE, env=env, text=True,
        )  # fmt: skip
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.01, 0.15))
        child.send_signal(signal.SIGKILL)
        child.wait()
        opened = None
        for candidate in (PASSPHRASE, "B-phrase"):
            try:
                opened = unlock_journal(path, candidate)
            except WrongSecret:
                continue
            break
        assert opened is not None, "neither the old nor the new passphrase opens the journal"
        assert opened.entries.count() == 3
        opened.lock()
        if candidate != PASSPHRASE:
            s = unlock_journal(path, candidate)
            s.change_passphrase(candidate, PASSPHRASE)
            s.lock()


HOLDER = textwrap.dedent(
    """
    import sys, time
    from recoveryjournal.services.journal_service import unlock_journal
    session = unlock_journal(sys.argv[1], sys.argv[2])
    print("holding", flush=True)
    time.sleep(60)
    """
)


def test_lock_held_by_another_process_and_recovered_after_kill(created_journal) -> None:
    """Another process has it open: JournalInUse. After that process is killed, it opens again."""
    path, _ = created_journal
    child = subprocess.Popen([sys.executable, "-c", HOLDER, str(path), PASSPHRASE], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "holding"
        with pytest.raises(JournalInUse):
            unlock_journal(path, PASSPHRASE)
    finally:
        child.kill()
        child.wait()
    unlock_journal(path, PASSPHRASE).lock()  # no stale lock: the OS released it with the process


RACER = textwrap.dedent(
    """
    import sys, time
    from recoveryjournal.domain.errors import JournalInUse
    from recoveryjournal.services.journal_service import unlock_journal
    start = float(sys.argv[3])
    while time.time() < start:
        pass
    try:
        session = unlock_journal(sys.argv[1], sys.argv[2])
        print("opened", flush=True)
        time.sleep(1.5)
        session.lock()
    except JournalInUse:
        print("in use", flush=True)
    """
)


def test_two_copies_started_at_the_same_moment(created_journal) -> None:
    """Two processes opening at the same instant: exactly one gets the journal, the other is told it's in use."""
    path, _ = created_journal
    start = time.time() + 1.0
    children = [
        subprocess.Popen(
            [sys.executable, "-c", RACER, str(path), PASSPHRASE, str(start)], stdout=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    outcomes = sorted(c.communicate(timeout=30)[0].strip() for c in children)
    assert outcomes == ["in use", "opened"]
