"""Opening, creating and re-keying a journal. The only module that ever holds the master key.

The master key is random (256 bits) and reaches SQLCipher as a raw hex key (x'...'), which
skips SQLCipher's own passphrase KDF; passphrases never go anywhere near SQL.
"""

from __future__ import annotations

import contextlib
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
    DAMAGED_NO_WRITES,
    DISK_FAULT_NOTE,
    READ_ONLY_NOTE,
    AlreadyExists,
    CannotWrite,
    JournalDamaged,
    JournalError,
    JournalInUse,
    NotAllowed,
)
from recoveryjournal.i18n import N_, _
from recoveryjournal.storage import keyfile, schema
from recoveryjournal.storage.db_errors import explain_db_errors, truthful
from recoveryjournal.storage.fsutil import (
    explain_os_errors,
    fsync_dir,
    place_problem,
    remove_stale_temps,
    staging_name_for,
    write_private_file,
)
from recoveryjournal.storage.key_binding import bind_key_file, check_key_file_belongs, database_salt
from recoveryjournal.storage.keyfile import DEVICE_PREFIX, PASSPHRASE_SLOT, RECOVERY_SLOT, KdfParams
from recoveryjournal.storage.layout import JournalLayout, with_suffix
from recoveryjournal.storage.lock import JournalLock
from recoveryjournal.storage.plausible import check_allowed, check_plausible_files
from recoveryjournal.storage.recovery_key import new_recovery_key, normalise_recovery_key

_HEX_KEY = re.compile(r"[0-9a-f]{64}")
_DAMAGED_AFTER_UNWRAP = N_(
    "Your passphrase is right, but this journal's data file is damaged, so it can't be opened. "
    "Nothing has been changed. If you have a backup, you can restore it."
)


class JournalConnection:
    """An unlocked journal: the keyed database connection plus the lock that keeps it ours."""

    def __init__(
        self,
        layout: JournalLayout,
        db: Any,
        lock: JournalLock,
        opened_with_recovery_key: bool,
        read_only: CannotWrite | None = None,
    ) -> None:
        self.layout = layout
        self._db: Any | None = db
        self._lock = lock
        self.opened_with_recovery_key = opened_with_recovery_key
        #: Why this journal was opened for reading only (read-only place, full disk), or None.
        self.read_only = read_only
        #: Damage found (by a failed read, or the whole-file check before the first write); then no writes.
        self.damaged: JournalDamaged | None = None
        self._checked_whole = False
        self._version: int | None = None

    @property
    def version(self) -> int:
        """The schema version as opened: the latest, or an earlier one read as it is from a read-only place
        (then what later versions add reads as empty, and nothing of it can be written)."""
        if self._version is None:
            self._version = schema.current_version(self.db)
        return self._version

    def has(self, version: int) -> bool:
        """This journal holds what schema `version` added."""
        return self.version >= version

    @property
    def read_only_note(self) -> str:
        """A calm line for a banner while the journal is read-only; empty otherwise."""
        if self.read_only is None:
            return ""
        if self.read_only.reason == "full":
            return self.read_only.message
        return _(READ_ONLY_NOTE) if self.read_only.reason == "read_only" else _(DISK_FAULT_NOTE)

    def refuse_if_read_only(self) -> None:
        """Raise the kind CannotWrite for this place before anything is attempted."""
        if self.read_only is not None:
            raise CannotWrite(self.read_only.message, self.read_only.reason)

    def errors(self) -> Any:
        """A context that tells this journal's database errors truthfully (see explain_db_errors); damage it
        finds is remembered, so no write follows it."""
        return self._noting_damage(explain_db_errors(self.layout.folder, reading_only=self.read_only is not None))

    @contextmanager
    def _noting_damage(self, inner: Any) -> Iterator[None]:
        try:
            with inner:
                yield
        except JournalDamaged as exc:
            self.damaged = self.damaged or exc
            raise

    def refuse_if_damaged(self) -> None:
        """Before the first write: the whole file is read once (SQLite's quick check, which makes SQLCipher
        verify every page); once damage is known, every write is refused (exit 4), reads go on.

        The check reads the file through a second attachment of it: once SQLCipher meets a damaged page it
        refuses every later read on that attachment, so reading the whole file through the journal's own would
        leave nothing readable afterwards (not even what `check` says can be saved)."""
        if self.damaged is None and not self._checked_whole and self._db is not None:
            self._checked_whole = True
            try:
                with self.second_look() as name:
                    rows = [str(r[0]) for r in self._db.execute(f"PRAGMA {name}.quick_check(1)").fetchall()]
            except sqlcipher3.dbapi2.DatabaseError as exc:
                rows = [str(exc)]
            if rows != ["ok"]:
                self.damaged = JournalDamaged(_(DAMAGED_NO_WRITES))
        if self.damaged is not None:
            raise JournalDamaged(_(DAMAGED_NO_WRITES))

    @contextmanager
    def second_look(self, name: str = "second_look") -> Iterator[str]:
        """The journal's own file attached again as `name` (ATTACH without a KEY clause uses this journal's key),
        for reads that may meet a damaged page without spoiling the journal's own attachment; detached after."""
        uri = f"{self.layout.db.as_uri()}?mode=ro"  # only ever read through
        # On a read-only place (no shared-memory file can be made) it is read as it stands, as the journal is.
        candidates = [uri, uri + "&immutable=1"] if self.read_only is not None else [uri]
        for attempt, candidate in enumerate(candidates, 1):
            try:
                self.db.execute("ATTACH DATABASE ? AS " + name, (candidate,))
            except sqlcipher3.dbapi2.DatabaseError:
                if attempt == len(candidates):
                    raise
                continue
            try:
                self.db.execute(f"SELECT count(*) FROM {name}.sqlite_master").fetchone()
                break
            except sqlcipher3.dbapi2.DatabaseError:
                if attempt == len(candidates):
                    break  # damaged where the first page is: the reads through it will say so
                self.db.execute("DETACH DATABASE " + name)
        try:
            yield name
        finally:
            with contextlib.suppress(sqlcipher3.dbapi2.Error):
                self.db.execute("DETACH DATABASE " + name)

    @property
    def is_open(self) -> bool:
        """False once the journal has been locked."""
        return self._db is not None

    @property
    def db(self) -> Any:
        """The keyed connection, for repositories in this package."""
        if self._db is None:
            raise JournalError(_("The journal is locked."))
        return self._db

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        """One write transaction: all of it is committed, or none of it."""
        db = self.db
        self.refuse_if_read_only()
        self.refuse_if_damaged()
        with self._noting_damage(explain_db_errors(self.layout.folder)):
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    def change_passphrase(self, current: str, new: str, *, current_is_recovery_key: bool = False) -> None:
        """Re-wrap the master key under a new passphrase, atomically; the recovery key keeps working."""
        self.refuse_if_read_only()
        doc = keyfile.read_key_file(self.layout.keys)
        slot = RECOVERY_SLOT if current_is_recovery_key else PASSPHRASE_SLOT
        secret = normalise_recovery_key(current) if current_is_recovery_key else current
        master_key = keyfile.unwrap(doc["slots"][slot], secret, slot)
        doc["slots"][PASSPHRASE_SLOT] = keyfile.wrap(master_key, new, PASSPHRASE_SLOT, KdfParams.calibrated())
        del master_key
        keyfile.replace_key_file(self.layout.keys, doc)

    def add_device_slot(self, passphrase: str) -> tuple[str, str]:
        """Let this computer's keyring open the journal: returns (slot id, random secret) to store there."""
        self.refuse_if_read_only()
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


def _connect(db_path: Path, master_key: bytes, *, create: bool = False, read_only: bool = False) -> Any:
    hex_key = master_key.hex()
    assert _HEX_KEY.fullmatch(hex_key)  # a raw key of exactly 64 hex digits, never free text
    uri = f"{db_path.as_uri()}?mode={'rwc' if create else 'ro' if read_only else 'rw'}"
    # On a read-only place SQLite can't make its shared-memory file: there, nothing else can be
    # writing (our lock says so), so the file is read as it stands ("immutable").
    uris = [uri, uri + "&immutable=1"] if read_only else [uri]
    for attempt, candidate in enumerate(uris, 1):
        db = sqlcipher3.connect(candidate, uri=True, isolation_level=None, check_same_thread=False)
        try:
            db.execute("PRAGMA cipher_log_level = NONE")  # damage is reported to the person, not logged to stderr
            db.execute(f"PRAGMA key = \"x'{hex_key}'\"")
            db.execute("PRAGMA foreign_keys = ON")
            if not read_only:
                db.execute("PRAGMA secure_delete = ON")  # deleted text is overwritten, not left in free pages
                db.execute("PRAGMA synchronous = FULL")
            db.execute("PRAGMA cache_size = -65536")  # 64 MiB of decrypted pages: decrypting is the costly part
            if read_only:
                db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.dbapi2.DatabaseError as exc:
            db.close()
            if attempt < len(uris):
                continue
            problem = truthful(exc, None if read_only else db_path.parent)
            if isinstance(problem, (CannotWrite, JournalInUse)):
                raise problem from exc
            raise JournalDamaged(_(_DAMAGED_AFTER_UNWRAP)) from exc
        except BaseException:
            db.close()
            raise
        return db
    raise AssertionError("unreachable")  # pragma: no cover


def _verify_and_migrate(db: Any, folder: Path, read_only: CannotWrite | None) -> None:
    with explain_db_errors(None if read_only else folder):
        try:
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.dbapi2.DatabaseError as exc:
            problem = None if read_only else place_problem(folder)
            raise (problem or JournalDamaged(_(_DAMAGED_AFTER_UNWRAP))) from exc
        if int(db.execute("PRAGMA application_id").fetchone()[0]) != schema.APPLICATION_ID:
            raise JournalDamaged()
        if read_only is not None and schema.current_version(db) >= schema.READABLE_WITHOUT_UPDATE:
            return  # what's missing is only a faster index: read it as it is
        if read_only is not None and schema.current_version(db) < schema.LATEST:
            raise CannotWrite(
                _(
                    "This journal was made by an earlier version of Recovery Journal and needs a small update "
                    "before it can be opened, but its place can't be written. Nothing was lost. Open it once "
                    "somewhere you can write."
                ),
                read_only.reason,
            )
        schema.migrate(db)


def open_journal(
    path: Path | str, secret: str, *, recovery_key: bool = False, device_slot: str | None = None
) -> JournalConnection:
    """Unlock with the passphrase, the recovery key or a remembered secret. Changes nothing on a failure.

    Where the journal's place can't be written (a read-only stick, a full disk) it opens for
    reading: `read_only` on the result then says why, and every write is refused kindly.
    """
    try:
        layout = JournalLayout.for_path(path)
        check_allowed(layout)
        check_plausible_files(layout)
    except PermissionError as exc:
        raise NotAllowed() from exc
    doc = keyfile.read_key_file(layout.keys)
    check_key_file_belongs(doc, layout)
    lock = JournalLock(layout.lock)
    read_only: CannotWrite | None = None
    try:
        lock.acquire()
    except CannotWrite as exc:
        read_only = exc
        lock.acquire_for_reading()
    try:
        slot = DEVICE_PREFIX + device_slot if device_slot else RECOVERY_SLOT if recovery_key else PASSPHRASE_SLOT
        if slot not in doc["slots"]:
            raise JournalDamaged(_("Part of this journal's key file is missing, so it can't be unlocked that way."))
        secret = normalise_recovery_key(secret) if recovery_key else secret
        master_key = keyfile.unwrap(doc["slots"][slot], secret, slot)
        try:
            db = _connect(layout.db, master_key, read_only=read_only is not None)
        except CannotWrite as exc:
            if read_only is not None:
                raise
            read_only = exc  # a full disk: SQLite can't even make its side files, so read what is there
            db = _connect(layout.db, master_key, read_only=True)
        del master_key
        try:
            _verify_and_migrate(db, layout.folder, read_only)
        except BaseException:
            db.close()
            raise
    except BaseException:
        lock.release()
        raise
    if read_only is None and "database_salt" not in doc:
        bind_key_file(layout)
    if read_only is None:  # what a crashed copy of the app left in and beside the journal's folder
        for folder in (layout.folder, layout.folder.parent):
            remove_stale_temps(folder)
    return JournalConnection(layout, db, lock, opened_with_recovery_key=recovery_key, read_only=read_only)


def create_journal(path: Path | str, passphrase: str) -> tuple[JournalConnection, str]:
    """Make a new journal folder; returns it unlocked, and the recovery key to show once."""
    folder = with_suffix(path).absolute()
    if folder.exists() or folder.is_symlink():
        raise AlreadyExists()
    remove_stale_temps(folder.parent)
    staging = staging_name_for(folder, "creating")
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
        with explain_db_errors(layout.folder.parent):
            db.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
            db.execute("PRAGMA journal_mode = WAL")
            schema.migrate(db)
    finally:
        db.close()
    doc = keyfile.new_key_file(master_key, passphrase, recovery, KdfParams.calibrated())
    del master_key
    doc["database_salt"] = database_salt(layout).hex()
    keyfile.create_key_file(layout.keys, doc)
