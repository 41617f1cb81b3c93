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
    #: Medicine starts, changes and stops in the period, as (day, words): marked lines on charts (when on).
    medicine_changes: tuple[tuple[dt.date, str], ...] = ()

    @property
    def has_data(self) -> bool:
        """At least one check-in in the period."""
        return any(v is not None for v in self.mood)


def period_range(
    period: str, today: dt.date | None = None, first_ever: dt.date | None = None
) -> tuple[dt.date, dt.date]:
    """First and last day of 'week', 'month', 'year' or 'all' (from the first check-in), ending today. A period
    longer than the check-ins so far starts where they start (a year of two months isn't squeezed to the right),
    but never shows less than a week."""
    today = today or dt.date.today()
    if period == "all":
        return (first_ever or today), today
    first = today - dt.timedelta(days=PERIODS[period] - 1)
    if first_ever is not None and first_ever > first:
        first = min(first_ever, today - dt.timedelta(days=PERIODS["week"] - 1))
    return first, today


def mood_series(session: MoodSource, first: dt.date, last: dt.date, *, medicines: bool = True) -> MoodSeries:
    """Daily means of mood, sleep and anxiety from `first` to `last`, with a 7-day rolling mean, and medicine
    changes when medicines are on (and `medicines`: a share leaves them out unless they were ticked)."""
    means = {m.day: m for m in session.checkins.daily_means(first, last)}
    days = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
    mood = [means[d].mood if d in means else None for d in days]
    rolling: list[float | None] = []
    for i in range(len(days)):
        window = [v for v in mood[max(0, i - ROLLING_DAYS + 1) : i + 1] if v is not None]
        rolling.append(sum(window) / len(window) if len(window) >= 2 else None)
    return MoodSeries(
        days=days,
        mood=mood,
        sleep=[means[d].sleep if d in means else None for d in days],
        anxiety=[means[d].anxiety if d in means else None for d in days],
        rolling=rolling,
        entry_days=session.entries.dates_between(first, last),
        checkin_count=sum(m.checkins for m in means.values()),
        medicine_changes=tuple(session.medicines.changes_between(first, last)) if medicines else (),
    )


def medicine_words(series: MoodSeries) -> str:
    """The chart's marked lines in words, numbered as on the chart ('' when there are none)."""
    if not series.medicine_changes:
        return ""
    listed = "; ".join(f"{n}. {day(when)}: {words}" for n, (when, words) in enumerate(series.medicine_changes, 1))
    return _("Medicine changes (the numbered lines on the chart): {changes}.").format(changes=listed)


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
    if series.medicine_changes:
        text += " " + medicine_words(series)
    return text


#: How many days of a week need a check-in before that week can be called the highest or the lowest.
WEEK_ENOUGH_DAYS = 4


def _weekly_means(series: MoodSeries) -> list[tuple[dt.date, float]]:
    weeks: dict[dt.date, list[float]] = {}
    for when, value in zip(series.days, series.mood, strict=True):
        if value is not None:
            weeks.setdefault(when - dt.timedelta(days=when.weekday()), []).append(value)
    # A week of one or two check-ins says little: only weeks with check-ins on at least 4 days are compared.
    return [(start, sum(v) / len(v)) for start, v in sorted(weeks.items()) if len(v) >= WEEK_ENOUGH_DAYS]


#: Averages closer than this are "about the same" (a check-in scale moves in whole steps).
SAME_WITHIN = 0.5


@dataclass(frozen=True, slots=True)
class PeriodFigures:
    """A period in figures, for a shared summary: mood (average, range, and the same length of time before),
    sleep, anxiety, days checked in and days written. A figure is None where nothing was noted."""

    first: dt.date
    last: dt.date
    mood_average: float | None
    mood_low: float | None
    mood_high: float | None
    before_average: float | None
    sleep_average: float | None
    anxiety_average: float | None
    checkin_days: int
    entry_days: int

    @property
    def days(self) -> int:
        """Days in the period, both ends counted."""
        return (self.last - self.first).days + 1


def _mean(values: list[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None


def period_figures(session: MoodSource, series: MoodSeries) -> PeriodFigures:
    """The figures of `series`, with the mood average of the same number of days just before it."""
    first, last = series.days[0], series.days[-1]
    span = dt.timedelta(days=len(series.days))
    before = mood_series(session, first - span, first - dt.timedelta(days=1), medicines=False)  # figures only
    mood = [v for v in series.mood if v is not None]
    return PeriodFigures(
        first=first,
        last=last,
        mood_average=_mean(series.mood),
        mood_low=min(mood) if mood else None,
        mood_high=max(mood) if mood else None,
        before_average=_mean(before.mood),
        sleep_average=_mean(series.sleep),
        anxiety_average=_mean(series.anxiety),
        checkin_days=len(mood),
        entry_days=len(series.entry_days),
    )


def _direction(f: PeriodFigures) -> str:
    if f.mood_average is None or f.before_average is None:
        return ""
    n, before = f.days, number(f.before_average)
    if abs(f.mood_average - f.before_average) < SAME_WITHIN:
        words = ngettext("That is about the same as the {n} day before ({before}).",
                         "That is about the same as the {n} days before ({before}).", n)  # fmt: skip
    elif f.mood_average > f.before_average:
        words = ngettext("That is higher than the {n} day before ({before}).",
                         "That is higher than the {n} days before ({before}).", n)  # fmt: skip
    else:
        words = ngettext("That is lower than the {n} day before ({before}).",
                         "That is lower than the {n} days before ({before}).", n)  # fmt: skip
    return " " + words.format(n=n, before=before)


def strip_cells(f: PeriodFigures) -> list[tuple[str, str, str]]:
    """(label, figure, sentence) for each panel of a shared summary, in the person's own voice (first person:
    the reader is someone else)."""
    out_of_ten = _("{value} out of 10")
    if f.mood_average is not None:
        mood = (out_of_ten.format(value=number(f.mood_average)),
                _("My mood averaged {average} out of 10, from {low} to {high}.").format(
                    average=number(f.mood_average), low=number(f.mood_low or 0, fixed=False),
                    high=number(f.mood_high or 0, fixed=False)) + _direction(f))  # fmt: skip
    else:
        mood = ("–", _("I didn't check in during this time."))
    if f.sleep_average is not None:
        hours = number(f.sleep_average)
        slept = _("I slept {hours} hours a night on average, on the nights I noted it.")
        sleep = (_("{hours} hours").format(hours=hours), slept.format(hours=hours))
    else:
        sleep = ("–", _("I didn't note my sleep during this time."))
    if f.anxiety_average is not None:
        value = number(f.anxiety_average)
        felt = _("My anxiety averaged {value} out of 10 (1 is calm, 10 is very anxious).")
        anxiety = (out_of_ten.format(value=value), felt.format(value=value))
    else:
        anxiety = ("–", _("I didn't note my anxiety during this time."))
    checked = ngettext("I checked in on {n} of {days} day.", "I checked in on {n} of {days} days.", f.days).format(
        n=f.checkin_days, days=f.days
    )
    if f.entry_days:
        checked += " " + ngettext("I wrote in my journal on {n} day.", "I wrote in my journal on {n} days.",
                                  f.entry_days).format(n=f.entry_days)  # fmt: skip
    days = _("{n} of {days} days").format(n=f.checkin_days, days=f.days)
    return [
        (_("My mood"), *mood),
        (_("My sleep"), *sleep),
        (_("My anxiety"), *anxiety),
        (_("Checking in"), days, checked),
    ]


def shared_summary(f: PeriodFigures) -> str:
    """The summary strip as sentences (what a JSON or CSV share carries, and what a screen reader reads)."""
    return " ".join(words for _label, _figure, words in strip_cells(f))


def month_words(year: int, month: int, moods: dict[dt.date, float]) -> str:
    """One month in a sentence: how many days had a check-in, the mood's range and average."""
    values = [v for d, v in moods.items() if d.year == year and d.month == month]
    name = day(dt.date(year, month, 1), "month")
    if not values:
        return _("{month}: no check-ins.").format(month=name)
    days = ngettext("{n} day with a check-in", "{n} days with a check-in", len(values)).format(n=len(values))
    return _("{month}: {days}, mood from {low} to {high}, average {average}.").format(
        month=name, days=days, low=number(min(values), fixed=False), high=number(max(values), fixed=False),
        average=number(sum(values) / len(values)),
    )  # fmt: skip
