"""Check-ins, search, tags, mood series and the v1 → v2 migration, on real encrypted journals."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recoveryjournal.domain.errors import InvalidInput
from recoveryjournal.domain.search import HIT_END, HIT_START, SearchFilters, fts_query
from recoveryjournal.services.journal_service import create_journal, unlock_journal
from recoveryjournal.services.mood_stats import mood_series, mood_summary, period_range
from tests.conftest import PASSPHRASE

TODAY = dt.date.today()


def _at(days_ago: int, hour: int = 9) -> dt.datetime:
    return dt.datetime.combine(TODAY - dt.timedelta(days=days_ago), dt.time(hour, 0))


def test_checkin_round_trip_and_own_words(session) -> None:
    """A full check-in reads back; own feeling words are offered first next time."""
    c = session.checkins.add(6, sleep_hours=7.5, anxiety=3, energy=5, feelings=["Calm", "calm", " hopeful "], note="ok")
    again = session.checkins.get(c.id)
    assert (again.mood, again.sleep_hours, again.anxiety, again.energy) == (6, 7.5, 3, 5)
    assert set(again.feelings) == {"Calm", "hopeful"}
    session.checkins.add(4, feelings=["my own word"])
    assert "my own word" in session.checkins.feeling_words()[:3]


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"mood": None}, "choose a number from 1 to 10 for mood"),
        ({"mood": 0}, "from 1 to 10"),
        ({"mood": 11}, "from 1 to 10"),
        ({"mood": 5, "anxiety": 12}, "from 1 to 10"),
        ({"mood": 5, "sleep_hours": 25}, "0 to 24"),
        ({"mood": 5, "when": dt.datetime(1850, 1, 1)}, "outside the dates"),
        ({"mood": 5, "when": dt.datetime.now() + dt.timedelta(days=800)}, "in the future"),
        ({"mood": 5, "when": dt.datetime.now() + dt.timedelta(days=2)}, "in the future"),
    ],
)
def test_checkin_bad_input_is_refused_kindly(session, kwargs, words) -> None:
    """Empty or out-of-range check-ins are refused with a kind message; nothing is saved."""
    mood = kwargs.pop("mood")
    with pytest.raises(InvalidInput) as info:
        session.checkins.add(mood, **kwargs)
    assert words in info.value.message
    assert session.checkins.count() == 0


def test_scale_words_are_the_persons_own(session) -> None:
    """Renaming what a 3 means keeps the other defaults; empty words restore ours."""
    session.checkins.set_scale_word("mood", 3, "Heavy but managing")
    words = session.checkins.scale_words()["mood"]
    assert words[3] == "Heavy but managing" and words[5] == "Okay"
    session.checkins.set_scale_word("mood", 3, "")
    assert session.checkins.scale_words()["mood"][3] == "Low"


@pytest.mark.parametrize(
    "query", ['"', "*", "(", ")", "AND", "OR NOT", "NEAR(", "a-b", "💙", "'; DROP TABLE entries; --"]
)
def test_any_typed_text_searches_without_error(session, query) -> None:
    """FTS syntax characters, SQL and emoji are all just text to search for."""
    session.entries.add('Feeling 💙 after the walk; a-b testing (brackets) and "quotes" * stars', "Walk")
    session.search(query)  # no exception is the point
    assert session.entries.count() == 1


def test_search_ranks_highlights_and_filters(session) -> None:
    """Matches come back highlighted; date, tag and mood filters narrow them."""
    e1 = session.entries.add("The garden was quiet and the garden was green", "Garden", TODAY, tags=["outdoors"])
    session.entries.add("A short note about a garden", "", TODAY - dt.timedelta(days=40))
    session.checkins.add(8, note="garden visit", when=_at(0))
    hits = session.search("gard")
    assert hits[0].id == e1.id and HIT_START + "garden" + HIT_END in hits[0].snippet.lower()
    assert {h.kind for h in hits} == {"entry", "checkin"}
    assert len(session.search("garden", SearchFilters(first=TODAY - dt.timedelta(days=7)))) == 2
    assert [h.id for h in session.search("garden", SearchFilters(tag="OUTDOORS"))] == [e1.id]
    assert all(h.date == TODAY for h in session.search("garden", SearchFilters(mood_min=7)))
    assert session.search("nothing like this") == []


def test_search_follows_edits_and_deletes(session) -> None:
    """The index stays in step: edited words are found, deleted ones are not."""
    entry = session.entries.add("apple", "")
    session.entries.update(entry.id, "banana", "", entry.date)
    assert session.search("apple") == [] and len(session.search("banana")) == 1
    session.entries.delete(entry.id)
    assert session.search("banana") == []


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=40))
def test_fts_query_never_lets_syntax_through(session, text) -> None:
    """Whatever is typed, the built query runs (words are always quoted)."""
    query = fts_query(text)
    if query is not None:
        assert query.count('"') % 2 == 0
    session.search(text)


def test_mood_series_keeps_gaps_and_summarises(session) -> None:
    """Days without a check-in stay empty; the summary says the average in words."""
    for days_ago, mood in ((0, 6), (1, 4), (5, 8)):
        session.checkins.add(mood, sleep_hours=7, when=_at(days_ago))
    first, last = period_range("week")
    series = mood_series(session, first, last)
    assert len(series.days) == 7 and series.mood[-1] == 6 and series.mood[-3] is None
    text = mood_summary(series, "over the last 7 days")
    assert "averaged 6.0" in text and "3 check-ins" in text
    empty = mood_series(session, TODAY - dt.timedelta(days=400), TODAY - dt.timedelta(days=300))
    assert "no check-ins" in mood_summary(empty, "then")


def test_entry_tags_time_and_link(session) -> None:
    """Tags are cleaned, the time is kept, a link survives edits and is cleared when the check-in goes."""
    c = session.checkins.add(5)
    e = session.entries.add("words", "", time=dt.time(21, 30), tags=["#Sleep", "sleep", "Family "], checkin_id=c.id)
    assert e.tags == ("Family", "Sleep") and e.time == dt.time(21, 30)
    e = session.entries.update(e.id, "more words", "", e.date)
    assert e.checkin_id == c.id and e.tags == ("Family", "Sleep")
    session.checkins.delete(c.id)
    assert session.entries.get(e.id).checkin_id is None


def test_version_1_journal_is_upgraded_and_searchable(journal_path, monkeypatch) -> None:
    """A journal made with schema v1 opens, is migrated to the latest, and its old entries are searchable."""
    from recoveryjournal.storage import schema

    latest = list(schema.MIGRATIONS)
    monkeypatch.setattr(schema, "MIGRATIONS", latest[:1])
    monkeypatch.setattr(schema, "LATEST", 1)
    s, _ = create_journal(journal_path, PASSPHRASE)
    s._conn.db.execute(  # written as version 1 wrote entries
        "INSERT INTO entries (entry_date, title, body, created_at, updated_at) VALUES (?, 'Old', ?, ?, ?)",
        (TODAY.isoformat(), "an old riverside memory", "2026-01-01T00:00:00", "2026-01-01T00:00:00"),
    )
    s.lock()
    monkeypatch.setattr(schema, "MIGRATIONS", latest)
    monkeypatch.setattr(schema, "LATEST", len(latest))
    s = unlock_journal(journal_path, PASSPHRASE)
    assert len(s.search("riverside")) == 1
    s.lock()


def test_cli_free_import_of_services_does_not_load_matplotlib() -> None:
    """Start-up stays lean: services load matplotlib only when a chart is drawn."""
    code = "import recoveryjournal.services.charts, recoveryjournal.ui.app, sys; print('matplotlib' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert json.loads(out.strip().lower()) is False


def test_older_matches_page_by_page(session, monkeypatch) -> None:
    """A very common word: each page ranks one window of matches, newest first; paging reaches every
    match exactly once, and the last page says there's nothing further back."""
    import recoveryjournal.storage.search as search_storage

    monkeypatch.setattr(search_storage, "RECENT_WINDOW", 5)
    ids = [session.entries.add(f"tired again, day {i}", f"Day {i}").id for i in range(23)]
    session.checkins.add(4, note="tired in a check-in")
    first = session.search("tired")
    assert first.limited_to_recent and first.older_than is not None
    assert {h.kind for h in first} == {"entry", "checkin"} and len([h for h in first if h.kind == "entry"]) == 5
    seen = [h.id for h in first if h.kind == "entry"]
    cursor = first.older_than
    while cursor is not None:
        page = session.search("tired", older_than=cursor)
        assert all(h.kind == "entry" for h in page) and all(h.id < cursor for h in page)
        seen += [h.id for h in page]
        cursor = page.older_than
    assert sorted(seen) == sorted(ids)
