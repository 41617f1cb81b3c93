"""Number series and plain-words summaries of check-ins, for charts and for people who can't see them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from recoveryjournal.domain.counts import how_many
from recoveryjournal.i18n import _, day, ngettext, number
from recoveryjournal.services.journal_parts import MoodSource

PERIODS = {"week": 7, "month": 30, "year": 365}
ROLLING_DAYS = 7


@dataclass(frozen=True, slots=True)
class MoodSeries:
    """One value per calendar day (None where there was no check-in, so charts show gaps, not lines)."""

    days: list[dt.date]
    mood: list[float | None]
    sleep: list[float | None]
    anxiety: list[float | None]
    rolling: list[float | None]
    entry_days: set[dt.date] = field(default_factory=set)
    checkin_count: int = 0

    @property
    def has_data(self) -> bool:
        """At least one check-in in the period."""
        return any(v is not None for v in self.mood)


def period_range(
    period: str, today: dt.date | None = None, first_ever: dt.date | None = None
) -> tuple[dt.date, dt.date]:
    """First and last day of 'week', 'month', 'year' or 'all' (from the first check-in), ending today."""
    today = today or dt.date.today()
    if period == "all":
        return (first_ever or today), today
    return today - dt.timedelta(days=PERIODS[period] - 1), today


def mood_series(session: MoodSource, first: dt.date, last: dt.date) -> MoodSeries:
    """Daily means of mood, sleep and anxiety from `first` to `last`, with a 7-day rolling mean."""
    rows = {dt.date.fromisoformat(r[0]): r for r in session.checkins.daily_means(first, last)}
    days = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
    mood = [rows[d][1] if d in rows else None for d in days]
    rolling: list[float | None] = []
    for i in range(len(days)):
        window = [v for v in mood[max(0, i - ROLLING_DAYS + 1) : i + 1] if v is not None]
        rolling.append(sum(window) / len(window) if len(window) >= 2 else None)
    return MoodSeries(
        days=days,
        mood=mood,
        sleep=[rows[d][2] if d in rows else None for d in days],
        anxiety=[rows[d][3] if d in rows else None for d in days],
        rolling=rolling,
        entry_days=session.entry_dates(first, last),
        checkin_count=sum(int(r[5]) for r in rows.values()),
    )


def mood_summary(series: MoodSeries, period_words: str) -> str:
    """A few gentle sentences saying what the chart shows."""
    values = [v for v in series.mood if v is not None]
    if not values:
        return _(
            "There are no check-ins {period_words} yet. When you check in, a summary of your mood will appear here."
        ).format(period_words=period_words)
    days_with = len(values)
    text = _("{Period}, your mood averaged {average} out of 10, from {checkins} on {days}.").format(
        Period=period_words[:1].upper() + period_words[1:],
        average=number(sum(values) / len(values)),
        checkins=how_many("checkins", series.checkin_count),
        days=ngettext("{n} day", "{n} days", days_with).format(n=days_with),
    )
    weeks = _weekly_means(series)
    if len(weeks) >= 2:
        low, high = min(weeks, key=lambda w: w[1]), max(weeks, key=lambda w: w[1])
        text += " " + _(
            "Your lowest week began on {low_day} (average {low}); your highest began on {high_day} (average {high})."
        ).format(low_day=day(low[0]), low=number(low[1]), high_day=day(high[0]), high=number(high[1]))
    sleep = [v for v in series.sleep if v is not None]
    if sleep:
        text += " " + _("You slept {hours} hours a night on average, where you noted it.").format(
            hours=number(sum(sleep) / len(sleep))
        )
    if series.entry_days:
        text += " " + _("You wrote in your journal on {days} of these days.").format(days=len(series.entry_days))
    return text


def _weekly_means(series: MoodSeries) -> list[tuple[dt.date, float]]:
    weeks: dict[dt.date, list[float]] = {}
    for when, value in zip(series.days, series.mood, strict=True):
        if value is not None:
            weeks.setdefault(when - dt.timedelta(days=when.weekday()), []).append(value)
    return [(start, sum(v) / len(v)) for start, v in sorted(weeks.items())]
