"""One-file encrypted backups: a consistent copy of the database (VACUUM INTO, already encrypted with
the journal's own key) and the key file, in a plain ZIP container.

Nothing in a backup is readable without the passphrase or recovery key: the database is SQLCipher
ciphertext from its first byte (no plaintext temporary file exists at any moment), and the key file
holds only wrapped keys. The file is built under a hidden temporary name beside its destination,
checked, and only then renamed to its final name, so a half-written backup never carries that name.
"""

from __future__ import annotations

import json
import os
import shutil
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlcipher3

from recoveryjournal.domain.errors import CannotWrite, JournalDamaged, NotAJournal, disk_full
from recoveryjournal.i18n import N_, _
from recoveryjournal.storage import keyfile
from recoveryjournal.storage.connection import JournalConnection
from recoveryjournal.storage.db_errors import explain_db_errors
from recoveryjournal.storage.fsutil import atomic_file, explain_os_errors, remove_folder, staging_name_for
from recoveryjournal.storage.layout import DB_NAME, KEYS_NAME
from recoveryjournal.storage.maintenance import SALVAGE_TABLES
from recoveryjournal.storage.salvage import salvage_copy

MANIFEST_NAME = "recovery-journal-backup.json"
FORMAT = "recovery-journal-backup"
VERSION = 1
#: What a verified backup compares with its journal (the share log too: it is the person's history).
COUNTED_TABLES = (*(table for table, _label in SALVAGE_TABLES), "share_log")

BACKUP_DIDNT_CHECK_OUT = N_(
    "The backup was written, but it didn't read back whole when checked, so it wasn't kept. Your journal is "
    "unchanged. Please try again, perhaps somewhere else."
)
NOT_A_BACKUP = N_("This isn't a Recovery Journal backup, so it can't be restored. Nothing has been changed.")
BACKUP_DAMAGED = N_(
    "This backup is damaged or incomplete, so it can't be restored. Nothing has been changed. "
    "If you have another backup, try that one."
)


def table_counts(db: Any, schema: str = "main") -> dict[str, int]:
    """How many rows each counted table holds in `schema` (main, or an attached backup)."""
    return {t: int(db.execute(f"SELECT count(*) FROM {schema}.{t}").fetchone()[0]) for t in COUNTED_TABLES}


@contextmanager
def _staging(parent: Path, name: str) -> Iterator[Path]:
    folder = staging_name_for(parent / name)
    with explain_os_errors():
        folder.mkdir(mode=0o700)
    try:
        yield folder
    finally:
        remove_folder(folder)


def write_backup(journal: JournalConnection, target: Path) -> tuple[dict[str, int], bool]:
    """Write a verified backup of the open journal to `target` (which must not exist); returns the counts, and
    whether it holds only what could still be read (a damaged journal: storage/salvage.py).

    Raises CannotWrite (full, read-only, gone) about the target's place; leaves nothing behind on failure.
    """
    target = target.absolute()
    with _staging(target.parent, target.name) as staging:
        db_copy = staging / DB_NAME
        salvaged = False
        try:  # read through a second attachment of the file, so a damaged page spoils nothing of the journal's
            with journal.second_look("backup_source") as source:
                expected = table_counts(journal.db, source)
                with explain_db_errors(target.parent):  # a failure here is about the backup's place
                    journal.db.execute(f"VACUUM {source} INTO ?", (str(db_copy),))
        except (JournalDamaged, sqlcipher3.dbapi2.DatabaseError):  # a damaged page: keep what can still be read
            db_copy.unlink(missing_ok=True)
            with explain_db_errors(target.parent):
                expected = salvage_copy(journal, db_copy, COUNTED_TABLES)
            salvaged = True
        doc = keyfile.read_key_file(journal.layout.keys)
        doc["database_salt"] = db_copy.read_bytes()[:16].hex()
        manifest = {"format": FORMAT, "version": VERSION}

        def verified(finished: Path) -> None:
            try:
                found = verify_backup_file(journal, finished, staging)
            except JournalDamaged as exc:  # said in the words of a backup being made, not of a restore
                raise CannotWrite(_(BACKUP_DIDNT_CHECK_OUT), "") from exc
            if found != expected:
                raise JournalDamaged(
                    _(
                        "The backup was written but didn't match your journal when checked, so it wasn't kept. "
                        "Nothing in your journal has changed. Please try again, perhaps somewhere else."
                    )
                )

        with (
            atomic_file(target, check=verified) as out,
            explain_os_errors(strict=True),
            zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED) as zf,
        ):
            zf.writestr(MANIFEST_NAME, json.dumps(manifest))
            zf.writestr(KEYS_NAME, keyfile.encode(doc))
            zf.write(db_copy, DB_NAME)
    return expected, salvaged


def verify_backup_file(journal: JournalConnection, backup: Path, scratch: Path) -> dict[str, int]:
    """Open the finished file as a restore would (container, key file, database) and count what it holds.

    The database is checked through the open journal's own key (ATTACH without a KEY clause uses it),
    so no passphrase is needed: a backup taken automatically on lock is verified too.
    """
    check_copy = scratch / "verify.db"
    unpack_backup(backup, scratch, db_name=check_copy.name)
    db = journal.db
    try:
        db.execute("ATTACH DATABASE ? AS verify", (str(check_copy),))
    except sqlcipher3.dbapi2.DatabaseError as exc:
        raise JournalDamaged(_(BACKUP_DAMAGED)) from exc
    try:
        rows = [str(r[0]) for r in db.execute("PRAGMA verify.integrity_check").fetchall()]
        if rows != ["ok"]:
            raise JournalDamaged(_(BACKUP_DAMAGED))
        return table_counts(db, "verify")
    except sqlcipher3.dbapi2.DatabaseError as exc:
        raise JournalDamaged(_(BACKUP_DAMAGED)) from exc
    finally:
        db.execute("DETACH DATABASE verify")
        check_copy.unlink(missing_ok=True)
        (scratch / KEYS_NAME).unlink(missing_ok=True)


#: The most a backup's members may hold (docs/backup.md): the app writes them stored, never compressed, so a
#: member that expands, or is larger than these, is a damaged or crafted file and is never unpacked.
MEMBER_LIMITS = {MANIFEST_NAME: 64 * 1024, KEYS_NAME: 1024 * 1024, DB_NAME: 64 * 1024**3}


def _check_members(zf: zipfile.ZipFile, folder: Path) -> None:
    """Before a byte is unpacked: only our members, stored as written, within their sizes, and room for them."""
    total = 0
    for info in zf.infolist():
        limit = MEMBER_LIMITS.get(info.filename)
        if (limit is None or info.compress_type != zipfile.ZIP_STORED or info.file_size != info.compress_size
                or info.file_size > limit):  # fmt: skip
            raise JournalDamaged(_(BACKUP_DAMAGED))
        total += info.file_size
    with explain_os_errors():
        free = shutil.disk_usage(folder).free
    if total + 1024 * 1024 > free:
        raise disk_full()


def _copy_member(zf: zipfile.ZipFile, member: str, target: Path) -> None:
    """Unpack one member owner-only, never more bytes than it says it holds."""
    expected = zf.getinfo(member).file_size
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as out, zf.open(member) as src:
        copied = 0
        while chunk := src.read(1 << 20):
            copied += len(chunk)
            if copied > expected:
                raise JournalDamaged(_(BACKUP_DAMAGED))
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())


def unpack_backup(backup: Path, folder: Path, *, db_name: str = DB_NAME) -> None:
    """Check the container and put its key file and database into `folder` (owner-only)."""
    try:
        if not backup.is_file():
            raise NotAJournal(_(NOT_A_BACKUP))
        if not zipfile.is_zipfile(backup):
            with backup.open("rb") as fh:
                started_like_one = fh.read(4) == b"PK\x03\x04"
            raise (JournalDamaged(_(BACKUP_DAMAGED)) if started_like_one else NotAJournal(_(NOT_A_BACKUP)))
        with zipfile.ZipFile(backup) as zf:
            names = set(zf.namelist())
            if MANIFEST_NAME not in names:
                raise NotAJournal(_(NOT_A_BACKUP))
            manifest = json.loads(zf.read(MANIFEST_NAME).decode("utf-8"))
            if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
                raise NotAJournal(_(NOT_A_BACKUP))
            if manifest.get("version") != VERSION:
                raise NotAJournal(
                    _(
                        "This backup was made by a newer version of Recovery Journal. Please update the app to "
                        "restore it."
                    )
                )
            if not {KEYS_NAME, DB_NAME} <= names:
                raise JournalDamaged(_(BACKUP_DAMAGED))
            _check_members(zf, folder)
            if zf.testzip() is not None:
                raise JournalDamaged(_(BACKUP_DAMAGED))
            with explain_os_errors():
                for member, name in ((KEYS_NAME, KEYS_NAME), (DB_NAME, db_name)):
                    _copy_member(zf, member, folder / name)
    except (zipfile.BadZipFile, UnicodeDecodeError, json.JSONDecodeError, EOFError) as exc:
        raise JournalDamaged(_(BACKUP_DAMAGED)) from exc
