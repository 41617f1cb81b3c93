"""Every bad input gets the right kind error, and nothing on disk changes: hashes before and after."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from pathlib import Path

import pytest

from recoveryjournal.domain.errors import (
    READ_ONLY_NOTE,
    AlreadyExists,
    CannotWrite,
    JournalDamaged,
    JournalError,
    JournalInUse,
    NotAJournal,
    WrongRecoveryKey,
    WrongSecret,
)
from recoveryjournal.domain.share import ShareRequest
from recoveryjournal.services.journal_service import create_journal, unlock_journal
from recoveryjournal.services.share_service import build
from tests.conftest import PASSPHRASE
from tests.places import hashes as _hashes
from tests.places import read_only


def _refused(path: Path, error: type[JournalError], secret: str = PASSPHRASE, **kwargs: bool) -> JournalError:
    """Opening (and reading everything) raises `error` with a kind message; the files are unchanged."""
    before = _hashes(path) if path.exists() else {}
    with pytest.raises(error) as info:
        session = unlock_journal(path, secret, **kwargs)
        try:
            session.entries.newest_first()
            session.checkins.between()
            session.search("words")
        finally:
            session.lock()
    assert info.value.message and "Traceback" not in info.value.message
    assert (_hashes(path) if path.exists() else {}) == before
    return info.value


def test_wrong_passphrase(created_journal) -> None:
    """A wrong passphrase is told apart from damage."""
    assert "doesn't open this journal" in _refused(created_journal[0], WrongSecret, "nope").message


def test_wrong_and_malformed_recovery_key(created_journal) -> None:
    """A well-formed but wrong key, and something that isn't a key at all."""
    _refused(created_journal[0], WrongRecoveryKey, "0000-0000-0000-0000-0000-0000-0000-0000", recovery_key=True)
    assert "32 letters" in _refused(created_journal[0], WrongRecoveryKey, "hello", recovery_key=True).message


@pytest.mark.parametrize(
    "content", [b"", b"\x89PNG\r\n\x1a\n" + os.urandom(500), os.urandom(4096), b"my shopping list\n"]
)
def test_a_file_that_is_not_a_journal(tmp_path: Path, content: bytes) -> None:
    """Empty, picture, random and text files are refused as 'not a journal' and never turned into one."""
    path = tmp_path / "thing"
    path.write_bytes(content)
    _refused(path, NotAJournal)
    assert path.read_bytes() == content


def test_a_plain_sqlite_file(tmp_path: Path) -> None:
    """An ordinary SQLite database is named for what it is."""
    path = tmp_path / "other.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE t (x)")
    db.commit()
    db.close()
    assert "ordinary database" in _refused(path, NotAJournal).message


def test_an_empty_folder_and_a_missing_path(tmp_path: Path) -> None:
    """A folder with nothing in it, and a path that isn't there."""
    (tmp_path / "empty").mkdir()
    _refused(tmp_path / "empty", NotAJournal)
    assert list((tmp_path / "empty").iterdir()) == []
    assert "no journal at" in _refused(tmp_path / "gone.rjournal", NotAJournal).message
    assert not (tmp_path / "gone.rjournal").exists()


def test_missing_key_file(created_journal) -> None:
    """Without keys.json the journal can't be unlocked, and the message says which part is missing."""
    path, _ = created_journal
    (path / "keys.json").unlink()
    assert "keys.json" in _refused(path, JournalDamaged).message


def test_missing_database(created_journal) -> None:
    """Without journal.db: damaged, and nothing new is created."""
    path, _ = created_journal
    (path / "journal.db").unlink()
    assert "journal.db" in _refused(path, JournalDamaged).message
    assert not (path / "journal.db").exists()


@pytest.mark.parametrize("size", [0, 4096, 5000])
def test_truncated_database(created_journal, size: int) -> None:
    """A database cut short (to nothing, to one page, mid-page) is damaged, never a new empty journal."""
    path, _ = created_journal
    db = path / "journal.db"
    db.write_bytes(db.read_bytes()[:size])
    _refused(path, JournalDamaged)


def _flip(db: Path, offset: int) -> None:
    data = bytearray(db.read_bytes())
    data[offset] ^= 0x55
    db.write_bytes(bytes(data))


def test_bit_flipped_first_page(created_journal) -> None:
    """A flipped byte in the first page: the key is right but the data is damaged, and it says so."""
    path, _ = created_journal
    _flip(path / "journal.db", 100)
    assert "passphrase is right" in _refused(path, JournalDamaged).message


@pytest.mark.parametrize("where", ["middle", "last page"])
def test_bit_flipped_later_page(created_journal, where: str) -> None:
    """A flipped byte further in is never read as garbage: opening or reading says 'damaged', or check finds it."""
    path, _ = created_journal
    db = path / "journal.db"
    size = db.stat().st_size
    _flip(db, {"middle": size // 2 + 100, "last page": size - 200}[where])
    before = _hashes(path)
    try:
        session = unlock_journal(path, PASSPHRASE)
    except JournalDamaged:
        return
    try:
        session.entries.newest_first()
        report = session.check()
    except JournalDamaged:
        return
    finally:
        session.lock()
    assert not report.ok and any("page" in line for line in report.lines if line.startswith("!!"))
    assert _hashes(path) == before


def test_plain_sqlite_in_place_of_the_database(created_journal) -> None:
    """An unencrypted database where journal.db should be is refused."""
    path, _ = created_journal
    (path / "journal.db").unlink()
    plain = sqlite3.connect(path / "journal.db")
    plain.execute("CREATE TABLE entries (x)")
    plain.commit()
    plain.close()
    assert "isn't encrypted" in _refused(path, JournalDamaged).message


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b'{"format": "something-else", "version": 1}',
        b"\xff\xfe\x00garbage",
        b'{"format": "recovery-journal-keys"}',
    ],
)
def test_damaged_or_foreign_key_file(created_journal, content: bytes) -> None:
    """Garbage, another program's JSON, or a key file missing its parts."""
    path, _ = created_journal
    (path / "keys.json").write_bytes(content)
    _refused(path, JournalError)


def test_tampered_wrapped_key_is_told_as_wrong_passphrase(created_journal) -> None:
    """A changed ciphertext fails authentication: the passphrase can't open it (no garbage key is used)."""
    path, _ = created_journal
    doc = json.loads((path / "keys.json").read_text())
    wrapped = bytearray(__import__("base64").b64decode(doc["slots"]["passphrase"]["wrapped_key"]))
    wrapped[0] ^= 1
    doc["slots"]["passphrase"]["wrapped_key"] = __import__("base64").b64encode(bytes(wrapped)).decode()
    (path / "keys.json").write_text(json.dumps(doc))
    _refused(path, WrongSecret)


def test_keys_from_another_journal(tmp_path: Path, created_journal) -> None:
    """Another journal's key file opens with its passphrase but the database is not its own: damaged."""
    path, _ = created_journal
    other, _ = create_journal(tmp_path / "other", PASSPHRASE)
    other.lock()
    (path / "keys.json").write_bytes((tmp_path / "other.rjournal" / "keys.json").read_bytes())
    _refused(path, JournalDamaged)


@pytest.mark.parametrize("with_lock_file", [True, False])
def test_read_only_folder_opens_for_reading(created_journal, with_lock_file: bool) -> None:
    """A journal in a folder that can't be written opens read-only: reading, searching and checking work,
    every write is refused with exit 6 and a kind message, and no byte changes."""
    path, _ = created_journal
    if not with_lock_file:
        (path / "in-use.lock").unlink(missing_ok=True)
    before = _hashes(path)
    with read_only(path):
        session = unlock_journal(path, PASSPHRASE)
        try:
            assert session.read_only
            assert session.read_only_note == READ_ONLY_NOTE
            assert [e.title for e in session.entries.newest_first()] == ["Three", "Two", "One"]
            assert len(session.search("words")) == 3
            assert session.check().ok
            with pytest.raises(CannotWrite) as info:
                session.entries.add("more words")
            assert info.value.exit_code == 6 and info.value.reason == "read_only"
            assert "read-only here" in info.value.message and "Nothing was lost" in info.value.message
            with pytest.raises(CannotWrite):
                session.checkins.add(5)
            with pytest.raises(CannotWrite):
                session.change_passphrase(PASSPHRASE, "another")
        finally:
            session.lock()
    assert _hashes(path) == before


def test_create_in_a_read_only_folder(tmp_path: Path) -> None:
    """Creating a journal where nothing may be written says so kindly and leaves nothing behind."""
    folder = tmp_path / "locked"
    folder.mkdir()
    with read_only(folder):
        with pytest.raises(CannotWrite):
            create_journal(folder / "mine", PASSPHRASE)
        assert list(folder.iterdir()) == []


def test_create_where_something_exists(tmp_path: Path, created_journal) -> None:
    """Never overwrite: an existing journal, folder or file at the target is refused."""
    path, _ = created_journal
    before = _hashes(path)
    with pytest.raises(AlreadyExists):
        create_journal(path, "another")
    assert _hashes(path) == before
    (tmp_path / "notes.rjournal").write_text("mine")
    with pytest.raises(AlreadyExists):
        create_journal(tmp_path / "notes", "x")
    assert (tmp_path / "notes.rjournal").read_text() == "mine"


def test_second_open_in_the_same_process(created_journal) -> None:
    """The same journal can't be unlocked twice at once."""
    path, _ = created_journal
    first = unlock_journal(path, PASSPHRASE)
    try:
        _refused(path, JournalInUse)
    finally:
        first.lock()
    unlock_journal(path, PASSPHRASE).lock()


def _as_version_5(path: Path) -> None:
    """Turn a journal back into one made before the v6 index and v7's tables (as an earlier release left it)."""
    session = unlock_journal(path, PASSPHRASE)
    db = session._conn.db
    session.checkins.add(6, feelings=["calm"])
    session.shares.record(build(session, ShareRequest(recipient="Alex", entry_ids=(1,))), "json", "x.json")
    for table in ("checkin_marks", "watch_items", "medicine_changes", "medicines", "preferences", "prompts"):  # v9
        db.execute(f"DROP TABLE {table}")
    db.execute("ALTER TABLE checkins DROP COLUMN medicines")
    for table, column in (("share_log", "words_left_out"), ("share_log_items", "item_date"),
                          ("share_log_items", "item_title")):  # what v8 adds  # fmt: skip
        db.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    db.execute("DROP INDEX entries_newest_first")
    db.execute("CREATE INDEX entries_by_date ON entries (entry_date DESC, id DESC)")
    db.execute("PRAGMA user_version = 5")
    session.lock()


def test_an_older_journal_on_a_read_only_stick_is_read_as_it_is(created_journal) -> None:
    """A v5 journal lacks only a faster index: where it can't be written it opens for reading, not refused;
    where it can, the index is added on opening and the newest entries are read without sorting them all."""
    path, _ = created_journal
    _as_version_5(path)
    with read_only(path):
        session = unlock_journal(path, PASSPHRASE)
        try:
            assert session.read_only
            assert [e.title for e in session.entries.newest_first()] == ["Three", "Two", "One"]
            # What v7 adds reads as nothing yet: no signs, nothing that helped, no medicines, no patterns.
            (checkin,) = session.checkins.between()
            assert (checkin.mood, checkin.feelings, checkin.noticed, checkin.medicines) == (6, ("calm",), (), None)
            assert session.plan.watched("sign") == [] and not session.plan.offer_keeping_an_eye()
            assert session.medicines.all() == [] and not session.medicines.turned_on
            assert session.checkins.daily_marks(dt.date.min, dt.date.max) == {}
            # What v8 adds too: the share log's lines are there, told by counts (no titles were kept yet).
            (logged,) = session.shares.all()
            assert logged.items == (("entry", "1"),) and logged.shown == (("", ""),) and logged.words_left_out == 0
        finally:
            session.lock()
    session = unlock_journal(path, PASSPHRASE)
    try:
        plan = session._conn.db.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM entries e ORDER BY e.entry_date DESC, e.entry_time DESC, e.id DESC"
        ).fetchall()
        assert "entries_newest_first" in str(plan) and "TEMP B-TREE" not in str(plan)
        assert [e.title for e in session.entries.newest_first()] == ["Three", "Two", "One"]
    finally:
        session.lock()
