"""Opening, creating and re-keying a journal. The only module that ever holds the master key.

The master key is random (256 bits) and reaches SQLCipher as a raw hex key (x'...'), which
skips SQLCipher's own passphrase KDF; passphrases never go anywhere near SQL.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlcipher3

from recoveryjournal.domain.errors import (
    AlreadyExists,
    CannotWrite,
    JournalDamaged,
    JournalError,
    NotAJournal,
)
from recoveryjournal.storage import keyfile, schema
from recoveryjournal.storage.fsutil import explain_os_errors, fsync_dir, write_private_file
from recoveryjournal.storage.keyfile import DEVICE_PREFIX, PASSPHRASE_SLOT, RECOVERY_SLOT, KdfParams
from recoveryjournal.storage.layout import JournalLayout, with_suffix
from recoveryjournal.storage.lock import JournalLock
from recoveryjournal.storage.recovery_key import new_recovery_key, normalise_recovery_key

PLAIN_SQLITE_HEADER = b"SQLite format 3\x00"
_PAGE_SIZE = 4096
_HEX_KEY = re.compile(r"[0-9a-f]{64}")
_DAMAGED_AFTER_UNWRAP = (
    "Your passphrase is right, but this journal's data file is damaged, so it can't be opened. "
    "Nothing has been changed. If you have a backup, you can restore it."
)


class JournalConnection:
    """An unlocked journal: the keyed database connection plus the lock that keeps it ours."""

    def __init__(self, layout: JournalLayout, db: Any, lock: JournalLock, opened_with_recovery_key: bool) -> None:
        self.layout = layout
        self._db: Any | None = db
        self._lock = lock
        self.opened_with_recovery_key = opened_with_recovery_key

    @property
    def is_open(self) -> bool:
        """False once the journal has been locked."""
        return self._db is not None

    @property
    def db(self) -> Any:
        """The keyed connection, for repositories in this package."""
        if self._db is None:
            raise JournalError("The journal is locked.")
        return self._db

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        """One write transaction: all of it is committed, or none of it."""
        db = self.db
        with explain_db_errors():
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    def change_passphrase(self, current: str, new: str, *, current_is_recovery_key: bool = False) -> None:
        """Re-wrap the master key under a new passphrase, atomically; the recovery key keeps working."""
        doc = keyfile.read_key_file(self.layout.keys)
        slot = RECOVERY_SLOT if current_is_recovery_key else PASSPHRASE_SLOT
        secret = normalise_recovery_key(current) if current_is_recovery_key else current
        master_key = keyfile.unwrap(doc["slots"][slot], secret, slot)
        doc["slots"][PASSPHRASE_SLOT] = keyfile.wrap(master_key, new, PASSPHRASE_SLOT, KdfParams.calibrated())
        del master_key
        keyfile.replace_key_file(self.layout.keys, doc)

    def add_device_slot(self, passphrase: str) -> tuple[str, str]:
        """Let this computer's keyring open the journal: returns (slot id, random secret) to store there."""
        doc = keyfile.read_key_file(self.layout.keys)
        master_key = keyfile.unwrap(doc["slots"][PASSPHRASE_SLOT], passphrase, PASSPHRASE_SLOT)
        slot_id, secret = secrets.token_hex(8), secrets.token_urlsafe(32)
        slot = DEVICE_PREFIX + slot_id
        doc["slots"][slot] = keyfile.wrap(master_key, secret, slot, KdfParams.for_random_secret())
        del master_key
        keyfile.replace_key_file(self.layout.keys, doc)
        return slot_id, secret

    def close(self) -> None:
        """Lock: close the database (SQLCipher wipes its key) and release the in-use lock."""
        db, self._db = self._db, None
        try:
            if db is not None:
                db.close()
        finally:
            self._lock.release()


@contextmanager
def explain_db_errors() -> Iterator[None]:
    """Translate SQLite's words into ours: full disk, read-only, damaged pages."""
    try:
        yield
    except sqlcipher3.dbapi2.OperationalError as exc:
        text = str(exc).lower()
        if "disk is full" in text:
            raise CannotWrite("The disk is full, so this couldn't be saved. What was saved before is safe.") from exc
        if "readonly" in text or "read-only" in text:
            raise CannotWrite() from exc
        if "locked" in text or "busy" in text:
            raise CannotWrite("The journal is busy in another program. Please try again in a moment.") from exc
        if "malformed" in text or "not a database" in text or "i/o error" in text:
            raise JournalDamaged() from exc
        raise  # a mistake in our own SQL: let it show as the bug it is
    except (sqlcipher3.dbapi2.IntegrityError, sqlcipher3.dbapi2.ProgrammingError):
        raise
    except sqlcipher3.dbapi2.DatabaseError as exc:
        raise JournalDamaged() from exc


def _connect(db_path: Path, master_key: bytes, *, create: bool) -> Any:
    hex_key = master_key.hex()
    assert _HEX_KEY.fullmatch(hex_key)  # a raw key of exactly 64 hex digits, never free text
    mode = "rwc" if create else "rw"
    db = sqlcipher3.connect(f"{db_path.as_uri()}?mode={mode}", uri=True, isolation_level=None, check_same_thread=False)
    try:
        db.execute("PRAGMA cipher_log_level = NONE")  # damage is reported to the person, not logged to stderr
        db.execute(f"PRAGMA key = \"x'{hex_key}'\"")
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA secure_delete = ON")  # deleted text is overwritten, not left in free pages
        db.execute("PRAGMA synchronous = FULL")
        db.execute("PRAGMA cache_size = -65536")  # 64 MiB of decrypted pages: decrypting is the costly part
    except sqlcipher3.dbapi2.DatabaseError as exc:
        db.close()
        raise JournalDamaged(_DAMAGED_AFTER_UNWRAP) from exc
    except BaseException:
        db.close()
        raise
    return db


def _check_plausible_files(layout: JournalLayout) -> None:
    """Cheap checks before any key derivation, so a wrong file is named for what it is."""
    folder = layout.folder
    if not folder.exists():
        raise NotAJournal(f"There's no journal at {folder}. It may have been moved, or a USB stick may be unplugged.")
    if not folder.is_dir():
        head = _head(folder)
        if head.startswith(PLAIN_SQLITE_HEADER):
            raise NotAJournal("This is an ordinary database file, not a Recovery Journal, so it can't be opened here.")
        raise NotAJournal()
    has_keys, has_db = layout.keys.exists(), layout.db.exists()
    if not has_keys and not has_db:
        raise NotAJournal("This folder doesn't hold a Recovery Journal.")
    keyfile.read_key_file(layout.keys)
    if not has_db:
        raise JournalDamaged(
            "Part of this journal is missing (its data file, journal.db). If you copied the journal, "
            "copy the whole folder again. Nothing has been changed."
        )
    size = layout.db.stat().st_size
    if size == 0 or size % _PAGE_SIZE:
        raise JournalDamaged(
            "This journal's data file is incomplete (it may have been copied only in part). "
            "Nothing has been changed. If you have another copy or a backup, try that one."
        )
    if _head(layout.db).startswith(PLAIN_SQLITE_HEADER):
        raise JournalDamaged(
            "This journal's data file isn't encrypted, so it isn't one Recovery Journal made. Nothing has been changed."
        )


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as fh:
            return fh.read(16)
    except OSError:
        return b""


def _verify_and_migrate(db: Any) -> None:
    with explain_db_errors():
        try:
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.dbapi2.DatabaseError as exc:
            raise JournalDamaged(_DAMAGED_AFTER_UNWRAP) from exc
        if int(db.execute("PRAGMA application_id").fetchone()[0]) != schema.APPLICATION_ID:
            raise JournalDamaged()
        schema.migrate(db)


def device_slots(path: Path | str) -> list[str]:
    """Ids of the slots remembered on some computer (empty when the journal has none or can't be read)."""
    try:
        return keyfile.device_slot_ids(keyfile.read_key_file(JournalLayout.for_path(path).keys))
    except JournalError:
        return []


def forget_device_slot(path: Path | str, slot_id: str) -> None:
    """Remove a remembered slot from the key file (the keyring side is the caller's to delete)."""
    layout = JournalLayout.for_path(path)
    doc = keyfile.read_key_file(layout.keys)
    if doc["slots"].pop(DEVICE_PREFIX + slot_id, None) is not None:
        keyfile.replace_key_file(layout.keys, doc)


def open_journal(
    path: Path | str, secret: str, *, recovery_key: bool = False, device_slot: str | None = None
) -> JournalConnection:
    """Unlock with the passphrase, the recovery key or a remembered secret. Changes nothing on a failure."""
    layout = JournalLayout.for_path(path)
    _check_plausible_files(layout)
    lock = JournalLock(layout.lock)
    lock.acquire()
    try:
        doc = keyfile.read_key_file(layout.keys)
        slot = DEVICE_PREFIX + device_slot if device_slot else RECOVERY_SLOT if recovery_key else PASSPHRASE_SLOT
        if slot not in doc["slots"]:
            raise JournalDamaged("Part of this journal's key file is missing, so it can't be unlocked that way.")
        secret = normalise_recovery_key(secret) if recovery_key else secret
        master_key = keyfile.unwrap(doc["slots"][slot], secret, slot)
        db = _connect(layout.db, master_key, create=False)
        del master_key
        try:
            _verify_and_migrate(db)
        except BaseException:
            db.close()
            raise
    except BaseException:
        lock.release()
        raise
    return JournalConnection(layout, db, lock, opened_with_recovery_key=recovery_key)


def create_journal(path: Path | str, passphrase: str) -> tuple[JournalConnection, str]:
    """Make a new journal folder; returns it unlocked, and the recovery key to show once."""
    folder = with_suffix(path).absolute()
    if folder.exists() or folder.is_symlink():
        raise AlreadyExists()
    staging = folder.with_name("." + folder.name + ".creating")
    with explain_os_errors():
        folder.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if staging.exists():
            shutil.rmtree(staging)
        staging.mkdir(mode=0o700)
    try:
        recovery = new_recovery_key()
        _build(JournalLayout(staging), passphrase, recovery)
        with explain_os_errors():
            os.rename(staging, folder)  # the journal appears whole, or not at all
            fsync_dir(folder.parent)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return open_journal(folder, passphrase), recovery


def _build(layout: JournalLayout, passphrase: str, recovery: str) -> None:
    master_key = os.urandom(32)
    with explain_os_errors():
        write_private_file(layout.db, b"")
    db = _connect(layout.db, master_key, create=True)
    try:
        with explain_db_errors():
            db.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
            db.execute("PRAGMA journal_mode = WAL")
            schema.migrate(db)
    finally:
        db.close()
    doc = keyfile.new_key_file(master_key, passphrase, recovery, KdfParams.calibrated())
    del master_key
    keyfile.create_key_file(layout.keys, doc)
