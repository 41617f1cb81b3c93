"""The recovery key: 160 random bits written as eight groups of four easy-to-read characters."""

from __future__ import annotations

import secrets

from recoveryjournal.domain.errors import WrongRecoveryKey
from recoveryjournal.i18n import _

# Crockford's base32 alphabet leaves out I, L, O and U so the key is easy to copy by hand.
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_CONFUSABLE = str.maketrans({"I": "1", "L": "1", "O": "0", "U": "V"})
_GROUPS, _GROUP_LEN = 8, 4


def new_recovery_key() -> str:
    """Return a fresh recovery key such as ``7K2M-…`` (32 characters, 160 bits)."""
    chars = "".join(secrets.choice(_ALPHABET) for _ in range(_GROUPS * _GROUP_LEN))
    return "-".join(chars[i : i + _GROUP_LEN] for i in range(0, len(chars), _GROUP_LEN))


def normalise_recovery_key(typed: str) -> str:
    """Accept the key however it was typed: lower case, spaces, missing dashes, O for 0."""
    cleaned = "".join(ch for ch in typed.upper() if ch.isalnum()).translate(_CONFUSABLE)
    if len(cleaned) != _GROUPS * _GROUP_LEN or any(ch not in _ALPHABET for ch in cleaned):
        raise WrongRecoveryKey(
            _("That doesn't look like a recovery key. It has 32 letters and numbers in eight groups of four.")
        )
    return "-".join(cleaned[i : i + _GROUP_LEN] for i in range(0, len(cleaned), _GROUP_LEN))
