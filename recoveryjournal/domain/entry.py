"""A journal entry, as the person wrote it."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Any

from recoveryjournal.domain.errors import InvalidInput
from recoveryjournal.i18n import N_, _, calendar_words, locale_name

#: Words for days near today that a date box accepts (in English and in the chosen language).
_NEAR_DAYS = {N_("today"): 0, N_("tomorrow"): 1, N_("yesterday"): -1}
#: Dates outside this range are almost certainly typing slips; we say so kindly.
EARLIEST_DATE = dt.date(1900, 1, 1)


@dataclass(frozen=True, slots=True)
class Entry:
    """One journal entry: a date, an optional title and the text."""

    id: int | None
    date: dt.date
    title: str
    text: str
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    time: dt.time | None = None
    tags: tuple[str, ...] = ()
    checkin_id: int | None = None

    @property
    def display_title(self) -> str:
        """The title, or the first words of the text when there is no title."""
        if self.title.strip():
            return self.title.strip()
        first_line = self.text.strip().splitlines()[0].strip() if self.text.strip() else ""
        if len(first_line) <= 60:
            return first_line or _("Untitled entry")
        cut = first_line[:60].rsplit(" ", 1)[0] if " " in first_line[:60] else first_line[:60]
        return cut.rstrip(" ,;:.–-") + "…"  # a one-line snippet, ended at a word


def clean_text(value: str) -> str:
    """Remove characters that can't be stored as UTF-8 (lone surrogates from a clipboard)."""
    return value.encode("utf-8", "replace").decode("utf-8") if _has_surrogates(value) else value


def _has_surrogates(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def parse_date(value: str) -> dt.date:
    """Read a date however a person typed it (2026-03-14, 14/3/2026, 14 March 2026, today, tomorrow).

    Numbers are read day first (14/3 is the 14th of March), as in the UK where the app began.
    """
    text = value.strip()
    words = {word: days for english, days in _NEAR_DAYS.items() for word in (english, _(english).lower())}
    if text.lower() in words:
        return check_date(dt.date.today() + dt.timedelta(days=words[text.lower()]))
    date: dt.date | None
    try:
        date = dt.date.fromisoformat(text)
    except ValueError:
        # Written the ISO way (2026-13-01) but not a real day: never guess another day from it.
        date = _iso_like(text) if _ISO_LIKE.match(text) else _loose_date(text)
    if date is None:
        raise InvalidInput(
            _("“{value}” isn't a date I can read. Try something like 14 March 2026 or 2026-03-14.").format(value=value)
        )
    return check_date(date)


_ISO_LIKE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


def _iso_like(text: str) -> dt.date | None:
    year, month, day = (int(g) for g in _ISO_LIKE.match(text).groups())  # type: ignore[union-attr]
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _loose_date(text: str) -> dt.date | None:
    if not text or not any(ch.isdigit() for ch in text) or text.strip().isdigit():
        return None  # a bare number ("5") isn't a day
    from dateutil import parser  # comes with matplotlib; only needed for typed dates

    try:
        default = dt.datetime(dt.date.today().year, 1, 1)
        parsed: dt.datetime = parser.parse(text, _date_words(locale_name()), dayfirst=True, default=default)
        return parsed.date()
    except (ValueError, OverflowError):
        return None


def check_date(date: dt.date) -> dt.date:
    """Accept any date from 1900 up to a year from today."""
    latest = dt.date.today() + dt.timedelta(days=366)
    if not EARLIEST_DATE <= date <= latest:
        raise InvalidInput(
            _("{date} is outside the dates a journal can hold (1900 to next year).").format(date=date.isoformat())
        )
    return date


def clean_tags(tags: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Trim tags, drop empty ones and repeats (ignoring case), keep the person's spelling."""
    seen: set[str] = set()
    result = []
    for raw in tags:
        tag = " ".join(raw.strip().lstrip("#").split())[:60]
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            result.append(clean_text(tag))
    return tuple(result)


@functools.lru_cache(maxsize=4)
def _date_words(locale: str) -> Any:
    """dateutil's words for dates, with this language's month and weekday names and its little words
    ("7 de noviembre de 2026") added, so a date written the way the app shows it reads back."""
    from dateutil import parser

    months, days = calendar_words()

    def both(ours: list[tuple[str, ...]], theirs: list[tuple[str, str]]) -> list[tuple[str, ...]]:
        return [tuple(dict.fromkeys((*a, *b))) for a, b in zip(ours, theirs, strict=True)]

    words = type(
        "DateWords",
        (parser.parserinfo,),
        {
            "MONTHS": both(parser.parserinfo.MONTHS, months),
            "WEEKDAYS": both(parser.parserinfo.WEEKDAYS, days),
            "JUMP": [*parser.parserinfo.JUMP, "de", "del"],
        },
    )
    return words(dayfirst=True)
