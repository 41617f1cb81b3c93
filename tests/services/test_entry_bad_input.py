"""Entries with awkward input: very long, odd Unicode, dates far away, nothing at all."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recoveryjournal.domain.entry import parse_date
from recoveryjournal.domain.errors import InvalidInput


def test_a_ten_megabyte_paste_is_kept_whole(session) -> None:
    """A 10 MB entry saves and reads back exactly (the limit is five million characters)."""
    text = ("A long pasted line of writing. " * 33_000)[:1_000_000] * 4  # 4 million characters, ~4-10 MB
    entry = session.entries.add(text, "Long")
    assert session.entries.get(entry.id).text == text
    with pytest.raises(InvalidInput, match="very long"):
        session.entries.add("x" * 5_000_001, "Too long")


def test_empty_entry_is_not_saved(session) -> None:
    """Nothing written: a kind message, nothing stored."""
    with pytest.raises(InvalidInput, match="nothing to save"):
        session.entries.add("   \n ", "  ")
    assert session.entries.count() == 0


@pytest.mark.parametrize("typed", ["1850-01-01", str(dt.date.today().year + 3) + "-01-01", "31/02/2026", "soon", ""])
def test_dates_far_away_or_unreadable(typed: str) -> None:
    """Dates before 1900, years ahead, or not dates at all are refused with a kind message."""
    with pytest.raises(InvalidInput) as info:
        parse_date(typed)
    assert info.value.message


def test_odd_unicode_is_kept(session) -> None:
    """NFC and NFD stay as typed; right-to-left text and emoji round-trip; a lone surrogate is made safe."""
    nfd = unicodedata.normalize("NFD", "Café crème")
    samples = [nfd, unicodedata.normalize("NFC", nfd), "مرحبا بالعالم", "שלום", "💙🌱 family 👨‍👩‍👧", "zero\u200bwidth"]
    for text in samples:
        entry = session.entries.add(text, "")
        assert session.entries.get(entry.id).text == text
    entry = session.entries.add("pasted \ud800 half", "\udfff")
    stored = session.entries.get(entry.id)
    assert stored.text.startswith("pasted ") and stored.text.endswith(" half")
    stored.text.encode("utf-8")  # no surrogate is left to break saving or exporting


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=st.text(max_size=80), text=st.text(min_size=1, max_size=300).filter(str.strip))
def test_any_text_round_trips(session, title: str, text: str) -> None:
    """Whatever Unicode is typed (surrogates made safe), it comes back as stored."""
    entry = session.entries.add(text, title)
    stored = session.entries.get(entry.id)
    assert stored.text == text.encode("utf-8", "replace").decode("utf-8")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("2026-03-14", dt.date(2026, 3, 14)), ("14/03/2026", dt.date(2026, 3, 14)), ("14-3-2026", dt.date(2026, 3, 14)),
     ("14 March 2026", dt.date(2026, 3, 14)), ("March 14, 2026", dt.date(2026, 3, 14)),
     ("14 Mar 2026", dt.date(2026, 3, 14)),
     ("today", dt.date.today()), ("Tomorrow", dt.date.today() + dt.timedelta(days=1))],
)  # fmt: skip
def test_dates_typed_in_any_reasonable_format(typed: str, expected: dt.date) -> None:
    """ISO, day-first numbers, month names and everyday words are all understood."""
    assert parse_date(typed) == expected
