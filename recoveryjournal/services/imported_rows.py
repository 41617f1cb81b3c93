"""What the importers share: reading a time as people write it, and the key that remembers an imported row (so
the same file brought in twice adds nothing the second time)."""

from __future__ import annotations

import datetime as dt
import hashlib
import re

from recoveryjournal.domain.errors import InvalidInput
from recoveryjournal.i18n import _

_TIME = re.compile(r"^\s*(\d{1,2})[:.](\d{2})(?::\d{2})?\s*([ap]\.?m\.?)?\s*$", re.IGNORECASE)


def parse_time(value: str) -> dt.time:
    """'8:30 pm', '20:30', '8.30 a.m.' → a time; InvalidInput otherwise."""
    m = _TIME.match(value or "")
    if not m:
        raise InvalidInput(_("“{value}” isn't a time").format(value=value))
    hour, minute, half = int(m.group(1)), int(m.group(2)), (m.group(3) or "").lower().replace(".", "")
    if half == "pm" and hour < 12:
        hour += 12
    elif half == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        raise InvalidInput(_("“{value}” isn't a time").format(value=value))
    return dt.time(hour, minute)


def row_key(kind: str, *parts: object) -> str:
    return f"{kind}:" + hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8", "replace")).hexdigest()
