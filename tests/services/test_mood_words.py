"""Issue 30: the chart's words don't call a week of one check-in the highest, and a year starts with its data."""

from __future__ import annotations

import datetime as dt

from recoveryjournal.services.mood_stats import MoodSeries, mood_summary, period_range

MONDAY = dt.date(2026, 11, 2)


def _series(moods: dict[dt.date, float]) -> MoodSeries:
    days = [MONDAY + dt.timedelta(days=i) for i in range(35)]
    mood = [moods.get(d) for d in days]
    return MoodSeries(days, mood, [None] * len(days), [None] * len(days), [None] * len(days),
                      checkin_count=len(moods))  # fmt: skip


def test_a_week_of_fewer_than_four_days_is_never_called_highest_or_lowest() -> None:
    full_weeks = {MONDAY + dt.timedelta(days=i): 5.0 + (i // 7) for i in range(14)}  # two weeks, every day
    text = mood_summary(_series(full_weeks), "over the last month")
    assert "lowest week began on 2 November 2026" in text and "highest began on 9 November 2026" in text
    today_only = dict(full_weeks)
    today_only[MONDAY + dt.timedelta(days=28)] = 9.0  # one bright day, alone in its week
    assert "highest began on 9 November 2026 (average 6.0)" in mood_summary(_series(today_only), "lately")
    three_days = {MONDAY + dt.timedelta(days=i): 9.0 for i in (0, 1, 2)}
    three_days.update({MONDAY + dt.timedelta(days=7 + i): 4.0 for i in range(7)})
    assert "highest" not in mood_summary(_series(three_days), "lately")  # only one week has four days


def test_a_year_starts_where_the_check_ins_start_but_shows_at_least_a_week() -> None:
    today = dt.date(2026, 12, 7)
    assert period_range("year", today, first_ever=dt.date(2026, 10, 3)) == (dt.date(2026, 10, 3), today)
    assert period_range("year", today, first_ever=dt.date(2025, 1, 1)) == (dt.date(2025, 12, 8), today)
    assert period_range("month", today, first_ever=today) == (dt.date(2026, 12, 1), today)
    assert period_range("week", today, first_ever=dt.date(2026, 12, 6)) == (dt.date(2026, 12, 1), today)


def test_the_rules_below_the_widgets(session) -> None:
    """Issue 33, 5: which of a check-in's words are new to the plan is the plan service's rule (the same word in
    other letters is the same word); a day's means come typed, decoded once."""
    from recoveryjournal.domain.checkin import DayMeans

    session.plan.set_watched("sign", ["Not sleeping"])
    assert session.plan.not_yet_watched(("not sleeping", "Racing thoughts"), ("A walk",)) == [
        ("sign", "Racing thoughts"), ("helps", "A walk")]  # fmt: skip
    session.checkins.add(6, sleep_hours=7.5)
    session.checkins.add(4)
    (today,) = session.checkins.daily_means(dt.date.today(), dt.date.today())
    assert today == DayMeans(dt.date.today(), 5.0, 7.5, None, None, 2)
