"""Which database a key file belongs to, and the slots a computer's keyring remembers: key-file bookkeeping
that opens no database (the one module that keys a database is storage/connection.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from recoveryjournal.domain.errors import JournalDamaged, JournalError
from recoveryjournal.i18n import N_, _
from recoveryjournal.storage import keyfile
from recoveryjournal.storage.keyfile import DEVICE_PREFIX
from recoveryjournal.storage.layout import JournalLayout
from recoveryjournal.storage.plausible import read_head

_FOREIGN_KEY_FILE = N_(
    "This journal's key file (keys.json) belongs to a different journal, so it can't open this one. "
    "Nothing has been changed. Copy the whole journal folder again, so that its two files stay together."
)
#: The database's first 16 bytes are SQLCipher's random salt: the key file remembers them, so a
#: key file copied from another journal is told apart from damage. A random salt from another
#: journal differs in about 64 of its 128 bits; a few flipped bits are damage, not a stranger.
_SALT_BYTES = 16
_SALT_DAMAGE_BITS = 8


def database_salt(layout: JournalLayout) -> bytes:
    return read_head(layout.db)[:_SALT_BYTES]


def check_key_file_belongs(doc: dict[str, Any], layout: JournalLayout) -> None:
    """A key file copied from another journal is named for what it is, before any key derivation."""
    remembered = doc.get("database_salt")
    if not isinstance(remembered, str):
        return  # made before key files remembered their database; bound on the next writable open
    try:
        expected = bytes.fromhex(remembered)
    except ValueError:
        raise JournalDamaged(
            _("This journal's key file is damaged, so it can't be opened. Nothing has been changed.")
        ) from None
    actual = database_salt(layout)
    if len(expected) != _SALT_BYTES or len(actual) != _SALT_BYTES:
        return
    differing = sum(bin(a ^ b).count("1") for a, b in zip(expected, actual, strict=True))
    if differing > _SALT_DAMAGE_BITS:
        raise JournalDamaged(_(_FOREIGN_KEY_FILE))


def bind_key_file(layout: JournalLayout) -> None:
    """Older journals: remember which database this key file belongs to (best effort)."""
    try:
        doc = keyfile.read_key_file(layout.keys)
        if "database_salt" not in doc:
            doc["database_salt"] = database_salt(layout).hex()
            keyfile.replace_key_file(layout.keys, doc)
    except JournalError:
        pass


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
