"""Turning whatever a person types into a safe full-text query. User text never reaches MATCH raw."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

#: Marks around matched words in snippets (private-use characters: they never occur in real text).
HIT_START, HIT_END = "\ue000", "\ue001"
_WORD = re.compile(r"[^\W_]+", re.UNICODE)  # letters and digits, as SQLite's unicode61 tokenizer sees words


@dataclass(frozen=True, slots=True)
class SearchFilters:
    """Optional limits on a search."""

    first: dt.date | None = None
    last: dt.date | None = None
    tag: str | None = None
    mood_min: int | None = None
    mood_max: int | None = None


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One result: an entry or a check-in note, with a snippet whose matches sit between HIT marks."""

    kind: str
    id: int
    date: dt.date
    title: str
    snippet: str


#: For words that appear very often, rank among this many of the most recent matches (fast at any size).
RECENT_WINDOW = 1000


class SearchResults(list[SearchHit]):
    """The hits, best first; `limited_to_recent` says older matches were not ranked (narrow by dates for those)."""

    limited_to_recent: bool = False
    #: When more matches lie further back: pass this as `older_than` to get the next page of them.
    older_than: int | None = None


def fts_query(text: str) -> str | None:
    """Every word must appear (the last may be the start of a word); None when there are no words at all.

    The query is composed (NFC) first: typed decomposed, "crème" would otherwise split at its accent.
    """
    words = _WORD.findall(unicodedata.normalize("NFC", text))[:32]
    if not words:
        return None
    quoted = ['"' + w.replace('"', '""') + '"' for w in words]
    quoted[-1] += "*"
    return " AND ".join(quoted)


def like_pattern(text: str) -> str | None:
    """For text with no words (emoji, symbols): a LIKE pattern with its wildcards escaped."""
    stripped = text.strip()
    if not stripped:
        return None
    escaped = stripped.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
