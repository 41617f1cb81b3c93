"""The key file: the master key wrapped under Argon2id(passphrase) and under the recovery key.

Only `connection.py` calls `unwrap`; nothing else in the program ever holds the master key.
The key file holds no personal data: salts, KDF parameters, nonces and ciphertexts only.
"""

from __future__ import annotations

import base64
import json
import os
import sys
import time
import unicodedata
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from recoveryjournal.domain.errors import JournalDamaged, NotAJournal, NotAllowed, WrongRecoveryKey, WrongSecret
from recoveryjournal.i18n import _
from recoveryjournal.storage.fsutil import atomic_replace, explain_os_errors, write_private_file

FORMAT = "recovery-journal-keys"
VERSION = 1
PASSPHRASE_SLOT = "passphrase"
RECOVERY_SLOT = "recovery"
#: Slots named "device:<random id>" hold the key for "remember my passphrase on this computer";
#: their secret is random and lives only in that computer's keyring.
DEVICE_PREFIX = "device:"
#: Only for the test suite and demo data: makes key derivation instant (and weak). Never set it for real use;
#: an installed bundle ignores it altogether.
FAST_KDF_ENV = "RECOVERYJOURNAL_INSECURE_FAST_KDF"


def _fast_kdf() -> bool:
    return os.environ.get(FAST_KDF_ENV) == "1" and not getattr(sys, "frozen", False)


_MIN_MEMORY_KIB = 64 * 1024
_TARGET_SECONDS = 0.8
#: What the app itself ever writes, with room to spare (docs/journal-format.md). A key file outside these is
#: damaged or crafted: deriving with it could run for minutes or exhaust memory, so it isn't tried.
KDF_LIMITS = {"time_cost": (1, 64), "memory_kib": (1024, 256 * 1024), "parallelism": (1, 16)}
#: ...and together no more work than the slowest the app writes (64 passes over 128 MiB: seconds, not minutes).
KDF_MAX_WORK_KIB = 64 * 128 * 1024
_SALT_BYTES, _NONCE_BYTES, _WRAPPED_BYTES = 16, 12, 48


@dataclass(frozen=True, slots=True)
class KdfParams:
    """Argon2id parameters, stored beside each wrap so they can be raised later."""

    time_cost: int
    memory_kib: int
    parallelism: int

    @classmethod
    def calibrated(cls, target_seconds: float = _TARGET_SECONDS) -> KdfParams:
        """Pick a time cost so that one derivation takes about `target_seconds` on this machine."""
        if _fast_kdf():
            return cls(time_cost=1, memory_kib=1024, parallelism=1)
        memory, parallelism, probe = 128 * 1024, 2, 3
        start = time.perf_counter()
        derive(b"calibration", os.urandom(16), cls(probe, memory, parallelism))
        per_pass = max(time.perf_counter() - start, 1e-3) / probe
        time_cost = max(3, min(64, round(target_seconds / per_pass)))
        return cls(time_cost=time_cost, memory_kib=memory, parallelism=parallelism)

    @classmethod
    def for_random_secret(cls) -> KdfParams:
        """A random 256-bit secret needs no slow stretching; keep the memory floor all the same."""
        if _fast_kdf():
            return cls(time_cost=1, memory_kib=1024, parallelism=1)
        return cls(time_cost=1, memory_kib=_MIN_MEMORY_KIB, parallelism=1)


def derive(secret: bytes, salt: bytes, params: KdfParams) -> bytes:
    """Argon2id → 32-byte key-encryption key."""
    return hash_secret_raw(
        secret,
        salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=32,
        type=Type.ID,
    )


def secret_bytes(secret: str) -> bytes:
    """Passphrases are NFC-normalised so the same words typed on another system still open the journal.

    A passphrase whose bytes weren't UTF-8 (read from a terminal in another encoding) is kept as those very
    bytes: it is still a passphrase, right or wrong, never a damaged key file."""
    text = unicodedata.normalize("NFC", secret)
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape" if _only_escapes(text) else "surrogatepass")


def _only_escapes(text: str) -> bool:
    return all(not 0xD800 <= ord(c) <= 0xDFFF or 0xDC80 <= ord(c) <= 0xDCFF for c in text)


def _bounded_params(record: dict[str, Any]) -> KdfParams:
    values = {}
    for name, (low, high) in KDF_LIMITS.items():
        value = record[name]
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise ValueError(f"{name} out of range")  # not shown: becomes "the key file is damaged"
        values[name] = value
    if values["time_cost"] * values["memory_kib"] > KDF_MAX_WORK_KIB:
        raise ValueError("too much work")  # not shown
    return KdfParams(**values)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise ValueError("expected base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


def _aad(slot: str) -> bytes:
    return f"{FORMAT}/v{VERSION}/{slot}".encode()


def wrap(master_key: bytes, secret: str, slot: str, params: KdfParams) -> dict[str, Any]:
    """Wrap the master key under `secret`; returns the JSON-ready slot record."""
    salt, nonce = os.urandom(16), os.urandom(12)
    kek = derive(secret_bytes(secret), salt, params)
    ciphertext = AESGCM(kek).encrypt(nonce, master_key, _aad(slot))
    return {
        "kdf": "argon2id",
        **asdict(params),
        "salt": _b64(salt),
        "aead": "aes-256-gcm",
        "nonce": _b64(nonce),
        "wrapped_key": _b64(ciphertext),
    }


def unwrap(record: dict[str, Any], secret: str, slot: str) -> bytes:
    """Recover the master key; WrongSecret when the authenticated cipher rejects the secret."""
    try:
        params = _bounded_params(record)
        salt, nonce, ciphertext = _unb64(record["salt"]), _unb64(record["nonce"]), _unb64(record["wrapped_key"])
        if record.get("kdf") != "argon2id" or record.get("aead") != "aes-256-gcm":
            raise ValueError("unknown algorithm")
        if (len(salt), len(nonce), len(ciphertext)) != (_SALT_BYTES, _NONCE_BYTES, _WRAPPED_BYTES):
            raise ValueError("lengths")
    except (KeyError, ValueError, TypeError, AttributeError) as exc:
        raise JournalDamaged(
            _("This journal's key file is damaged, so it can't be opened. Nothing has been changed.")
        ) from exc
    kek = derive(secret_bytes(secret), salt, params)
    try:
        master_key = AESGCM(kek).decrypt(nonce, ciphertext, _aad(slot))
    except InvalidTag:
        if slot.startswith(DEVICE_PREFIX):
            raise WrongSecret(_("The passphrase remembered on this computer no longer opens this journal.")) from None
        raise (WrongRecoveryKey() if slot == RECOVERY_SLOT else WrongSecret()) from None
    if len(master_key) != 32:
        raise JournalDamaged()
    return master_key


def new_key_file(master_key: bytes, passphrase: str, recovery_key: str, params: KdfParams) -> dict[str, Any]:
    """Build the key-file document for a new journal."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "database": "sqlcipher4, raw 256-bit key",  # not shown: the key file's own format
        "slots": {
            PASSPHRASE_SLOT: wrap(master_key, passphrase, PASSPHRASE_SLOT, params),
            RECOVERY_SLOT: wrap(master_key, recovery_key, RECOVERY_SLOT, params),
        },
    }


def encode(doc: dict[str, Any]) -> bytes:
    """The key file's bytes, as written to disk."""
    return (json.dumps(doc, indent=2, sort_keys=True) + "\n").encode("utf-8")


def create_key_file(path: Path, doc: dict[str, Any]) -> None:
    """Write a brand-new key file, owner-only."""
    with explain_os_errors():
        write_private_file(path, encode(doc))


def replace_key_file(path: Path, doc: dict[str, Any]) -> None:
    """Atomically replace the key file (temp file, fsync, rename): old or new, never half."""
    atomic_replace(path, encode(doc))


def read_key_file(path: Path) -> dict[str, Any]:
    """Read and sanity-check the key file, telling 'missing', 'foreign' and 'damaged' apart."""
    if not path.exists():
        raise JournalDamaged(
            _(
                "Part of this journal is missing (its key file, keys.json), so it can't be unlocked. "
                "If you copied the journal, copy the whole folder again. Nothing has been changed."
            )
        )
    try:
        raw = path.read_bytes()
    except PermissionError as exc:
        raise NotAllowed() from exc
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise JournalDamaged(
            _("This journal's key file is damaged, so it can't be opened. Nothing has been changed.")
        ) from exc
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise NotAJournal()
    if doc.get("version") != VERSION:
        raise NotAJournal(
            _("This journal was made by a newer version of Recovery Journal. Please update the app to open it.")
        )
    slots = doc.get("slots")
    if not isinstance(slots, dict) or not isinstance(slots.get(PASSPHRASE_SLOT), dict):
        raise JournalDamaged(_("This journal's key file is damaged, so it can't be opened. Nothing has been changed."))
    return doc


def device_slot_ids(doc: dict[str, Any]) -> list[str]:
    """Ids of the 'remembered on a computer' slots in a key-file document."""
    return [name.removeprefix(DEVICE_PREFIX) for name in doc.get("slots", {}) if name.startswith(DEVICE_PREFIX)]
