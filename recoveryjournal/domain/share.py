"""What a person chooses to share, and how chosen passages are removed before anything leaves."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from recoveryjournal.i18n import N_

#: What a removed passage becomes: always the same, so its length gives nothing away.
REDACTED = "█████"
FORMATS = ("pdf", "json", "csv")


@dataclass(frozen=True, slots=True)
class ShareRequest:
    """The person's choices: to whom, which items, and which words to leave out."""

    recipient: str = ""
    title: str = N_("Shared from my journal")
    author: str = ""
    entry_ids: tuple[int, ...] = ()
    checkin_ids: tuple[int, ...] = ()
    mood_range: tuple[dt.date, dt.date] | None = None
    goal_ids: tuple[int, ...] = ()
    plan_keys: tuple[str, ...] = ()
    appointment_ids: tuple[int, ...] = ()
    redactions: tuple[str, ...] = field(default_factory=tuple)

    @property
    def is_empty(self) -> bool:
        """Nothing chosen yet."""
        return not (self.entry_ids or self.checkin_ids or self.mood_range or self.goal_ids or self.plan_keys
                    or self.appointment_ids)  # fmt: skip


@dataclass(frozen=True, slots=True)
class ShareRecord:
    """One line of the share log: when, to whom, what (by reference), how, and where it was saved."""

    id: int
    shared_at: dt.datetime
    recipient: str
    title: str
    format: str
    saved_to: str
    items: tuple[tuple[str, str], ...]


def redact(text: str, phrases: tuple[str, ...]) -> str:
    """Remove every chosen phrase (ignoring case and extra spaces) from `text`."""
    for phrase in sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True):
        pattern = r"\s+".join(re.escape(part) for part in phrase.split())
        text = re.sub(pattern, REDACTED, text, flags=re.IGNORECASE)
    return text
