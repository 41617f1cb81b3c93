"""What a person chooses to share, and how chosen passages are removed before anything leaves."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from recoveryjournal.domain.redaction import REDACTED, redact
from recoveryjournal.i18n import N_

#: The ways a share can be saved (printing is the PDF's pages): listed once, for the window and the CLI.
FORMATS = ("pdf", "json", "csv", "html")
#: Every kind of file that leaves the journal, as a save dialog names it.
FILE_TYPES = {"pdf": N_("PDF (*.pdf)"), "json": N_("JSON (*.json)"), "csv": N_("CSV (*.csv)"), "png": N_("PNG (*.png)"),
              "html": N_("Web page (*.html)")}  # fmt: skip
__all__ = ["FILE_TYPES", "FORMATS", "REDACTED", "ShareRecord", "ShareRequest", "redact"]


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
    #: What rides along only when ticked as its own choice (off unless the person ticks it).
    goal_risks: bool = False
    goal_helpers: bool = False
    entry_tags: bool = False
    #: "Just the summary: one page": what I want to talk about, how I've been, my goals in a line each.
    summary_only: bool = False
    #: My medicines (the list, its changes on the chart, the check-ins' answers): only as their own ticked item.
    medicines: bool = False
    #: "What seems to go with better days" for these days.
    patterns: tuple[dt.date, dt.date] | None = None

    def __post_init__(self) -> None:
        """Each item once, however many times it was named (`--entry 1 --entry 1`), in the order first named."""
        for name in ("entry_ids", "checkin_ids", "goal_ids", "plan_keys", "appointment_ids"):
            object.__setattr__(self, name, tuple(dict.fromkeys(getattr(self, name))))

    @property
    def is_empty(self) -> bool:
        """Nothing chosen yet."""
        return not (self.entry_ids or self.checkin_ids or self.mood_range or self.goal_ids or self.plan_keys
                    or self.appointment_ids or self.medicines or self.patterns)  # fmt: skip


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
    #: Each item as it left, beside `items`: (its date, ISO or '', and its title with the chosen words left out).
    shown: tuple[tuple[str, str], ...] = ()
    #: How many times chosen words were left out of what left (shown as the mark there).
    words_left_out: int = 0
