"""Issue 30, 3.15: the shared chart's caption names only what is drawn: the dashed 7-day average, the marks of
days written, and appointment lines only when there are appointments in its days."""

from __future__ import annotations

import datetime as dt

from recoveryjournal.services.mood_stats import MoodSeries
from recoveryjournal.services.report import chart_caption

DAYS = [dt.date(2026, 11, 1) + dt.timedelta(days=i) for i in range(10)]


def _series(rolling: bool, written: set[dt.date]) -> MoodSeries:
    mood = [5.0] * len(DAYS)
    return MoodSeries(DAYS, mood, [None] * 10, [None] * 10, [5.0] * 10 if rolling else [None] * 10,
                      entry_days=written)  # fmt: skip


def test_the_caption_says_dashed_and_names_appointments_only_when_there_are_some() -> None:
    words = chart_caption(_series(True, {DAYS[2]}), [])
    assert "dashed line is my 7-day average" in words and "dotted line" not in words
    assert "days I wrote" in words and "appointments" not in words
    assert "Dotted upright lines are appointments." in chart_caption(_series(True, set()), [DAYS[4]])
    outside = chart_caption(_series(False, set()), [dt.date(2026, 12, 25)])
    assert outside == (
        "My mood, sleep and anxiety by day. A gap is a day I didn't check in. My mood was 5 out of 10 "
        "on each of the 10 days I checked in."
    )  # its figures, in words
