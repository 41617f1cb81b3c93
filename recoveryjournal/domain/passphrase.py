"""A friendly strength hint for a new passphrase. A hint only: any passphrase is allowed."""

from __future__ import annotations

import math
from dataclasses import dataclass

from recoveryjournal.i18n import _

_COMMON = {"password", "passw0rd", "123456", "12345678", "qwerty", "letmein", "iloveyou", "welcome", "admin", "abc123"}


@dataclass(frozen=True, slots=True)
class StrengthHint:
    """0 (empty) to 4 (strong), with a short encouraging sentence."""

    score: int
    text: str


def strength_hint(passphrase: str) -> StrengthHint:
    """Estimate how hard the passphrase is to guess, and suggest, never demand, something stronger."""
    if not passphrase:
        return StrengthHint(0, _("Choose something you'll remember. A few unrelated words make a good passphrase."))
    if passphrase.lower() in _COMMON or len(set(passphrase)) <= 2:
        return StrengthHint(1, _("This one is very easy to guess. A few unrelated words would be much safer."))
    pool = 0
    pool += 26 if any(c.islower() for c in passphrase) else 0
    pool += 26 if any(c.isupper() for c in passphrase) else 0
    pool += 10 if any(c.isdigit() for c in passphrase) else 0
    pool += 33 if any(not c.isalnum() for c in passphrase) else 0
    bits = len(passphrase) * math.log2(max(pool, 10))
    words = len(passphrase.split())
    if bits >= 80 or (words >= 4 and len(passphrase) >= 20):
        return StrengthHint(4, _("Strong. Nice choice."))
    if bits >= 60 or (words >= 3 and len(passphrase) >= 15):
        return StrengthHint(3, _("Good. Another word would make it even stronger."))
    if bits >= 40:
        return StrengthHint(2, _("Okay. Longer is stronger: try adding a word or two."))
    return StrengthHint(1, _("This is short and could be guessed. Adding a few words would help."))
