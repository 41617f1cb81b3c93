"""What every shared document has in common, so a care coordinator can read it in a minute: a header that
says whose it is, for whom, what period and when it was made; the person's own voice; the summary first.

Used by a share (services.share_service) and by an appointment's agenda (services.plan_documents).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from recoveryjournal.domain.redaction import REDACTED
from recoveryjournal.i18n import N_, _, day, ngettext, number, pgettext
from recoveryjournal.services import mood_stats
from recoveryjournal.services.export_document import Block, Section, image, paragraph, strip

#: The one line that says whose document this is.
SHARED_BY_ME = N_("Shared by me from my own journal. Everything here is in my own words.")
#: Said only where words were left out, so the marks never look like somebody else's censoring.
LEFT_OUT = N_("I left some words out (shown as {mark}).")
#: Section headings, in the order a reader wants them: what I want to talk about, how I've been, then detail.
TALK_ABOUT = N_("What I want to talk about")
HOW_I_HAVE_BEEN = N_("How I've been")
#: The chart's caption, told from what it shows: only the lines and marks that are drawn are named.
CHART_CAPTION = N_("My mood, sleep and anxiety by day. A gap is a day I didn't check in.")
CAPTION_AVERAGE = N_("The dashed line is my 7-day average of mood.")
CAPTION_WRITTEN = N_("Small marks at the foot are days I wrote in my journal.")
CAPTION_APPOINTMENTS = N_("Dotted upright lines are appointments.")


@dataclass(frozen=True, slots=True)
class Chart:
    """The shared chart as a picture, with the caption that says what is drawn in it and its figures in words,
    and the days' values as a table (what a web page offers whoever can't see the picture)."""

    png: bytes = b""
    caption: str = ""
    header: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()


NO_CHART = Chart()


def covers(first: dt.date | None, last: dt.date | None) -> str:
    """The period a document covers, in words ("1 November 2026 to 3 December 2026"), or "" when undated."""
    if first is None or last is None:
        return ""
    if first == last:
        return day(first)
    return _("{first} to {last}").format(first=day(first), last=day(last))


def header(*, author: str = "", recipient: str = "", period: str = "", extra: tuple[tuple[str, str], ...] = (),
           made_on: dt.date | None = None) -> tuple[tuple[str, str], ...]:  # fmt: skip
    """Page 1's header rows: From, For, (what else the document needs), Covers, Made on; empty ones left out."""
    rows = [(pgettext("who it is from", "From"), author), (_("For"), recipient), *extra, (_("Covers"), period),
            (_("Made on"), day(made_on or dt.date.today()))]  # fmt: skip
    return tuple((label, value) for label, value in rows if value.strip())


def notes(texts: list[str]) -> tuple[str, ...]:
    """The plain lines under the header: whose it is, and (only if so) that some words were left out."""
    lines = [_(SHARED_BY_ME)]
    if any(REDACTED in t for t in texts):
        lines.append(_(LEFT_OUT).format(mark=REDACTED))
    return tuple(lines)


def summary_blocks(cells: list[tuple[str, str, str]], chart: Chart, under: str = "") -> tuple[Block, ...]:
    """The summary strip (each figure with its sentence: mood_stats.strip_cells), the one chart under it, and
    `under` (the chart's medicine lines in words, when medicines were chosen)."""
    blocks = [strip(cells)]
    if chart.png:
        blocks.append(image(chart.png, chart.caption, chart.header, chart.rows))
    if under:
        blocks.append(paragraph(under))
    return tuple(blocks)


def summary_section(figures: mood_stats.PeriodFigures, chart: Chart) -> Section:
    """ "How I've been": the strip and the chart."""
    return Section(_(HOW_I_HAVE_BEEN), summary_blocks(mood_stats.strip_cells(figures), chart))


def report_chart(series: mood_stats.MoodSeries, appointments: list[dt.date], *, compact: bool = False) -> Chart:
    """The shared chart (matplotlib is loaded now, only when a document needs it) and its caption; NO_CHART with
    no check-ins."""
    if not series.has_data:
        return NO_CHART
    from recoveryjournal.services.charts import draw_report_figure, figure_png

    size = (7.2, 2.1) if compact else (7.2, 2.9)
    png = figure_png(draw_report_figure(series, appointments, size=size))
    return Chart(png, chart_caption(series, appointments), *chart_days(series))


def chart_days(series: mood_stats.MoodSeries) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """The chart's values day by day (the days I checked in), as a table's header and rows."""
    header = (_("Day"), _("Mood (out of 10)"), _("Sleep (hours)"), _("Anxiety (out of 10)"))

    def shown(value: float | None) -> str:
        return "–" if value is None else number(value)

    rows = tuple((day(d), shown(m), shown(s), shown(a))
                 for d, m, s, a in zip(series.days, series.mood, series.sleep, series.anxiety, strict=True)
                 if (m, s, a) != (None, None, None))  # fmt: skip
    return header, rows


def chart_figures(series: mood_stats.MoodSeries) -> str:
    """The chart's figures in words, for someone who can't see it ('' when nothing is drawn)."""
    mood = [v for v in series.mood if v is not None]
    if not mood:
        return ""
    if min(mood) == max(mood):
        words = ngettext("My mood was {value} out of 10 on the {n} day I checked in.",
                         "My mood was {value} out of 10 on each of the {n} days I checked in.",
                         len(mood)).format(value=number(mood[0], fixed=False), n=len(mood))  # fmt: skip
    else:
        words = ngettext(
            "My mood was between {low} and {high} out of 10, {average} on average, on the {n} day I checked in.",
            "My mood was between {low} and {high} out of 10, {average} on average, on the {n} days I checked in.",
            len(mood),
        ).format(low=number(min(mood), fixed=False), high=number(max(mood), fixed=False),
                 average=number(sum(mood) / len(mood)), n=len(mood))  # fmt: skip
    sleep = [v for v in series.sleep if v is not None]
    if sleep:
        words += " " + _("My sleep averaged {hours} hours a night.").format(hours=number(sum(sleep) / len(sleep)))
    anxiety = [v for v in series.anxiety if v is not None]
    if anxiety:
        words += " " + _("My anxiety averaged {value} out of 10.").format(value=number(sum(anxiety) / len(anxiety)))
    return words


def chart_caption(series: mood_stats.MoodSeries, appointments: list[dt.date]) -> str:
    """What the chart shows, naming only what is drawn (no appointments line when there were none), then its
    figures in words."""
    parts = [_(CHART_CAPTION)]
    if any(v is not None for v in series.rolling):
        parts.append(_(CAPTION_AVERAGE))
    if any(series.days[0] <= d <= series.days[-1] for d in series.entry_days):
        parts.append(_(CAPTION_WRITTEN))
    if any(series.days[0] <= d <= series.days[-1] for d in appointments):
        parts.append(_(CAPTION_APPOINTMENTS))
    parts.append(chart_figures(series))
    return " ".join(p for p in parts if p)


def first_paragraphs(text: str) -> list[Block]:
    """A text's paragraphs (blank lines between them) as blocks."""
    return [paragraph(p) for p in text.split("\n\n") if p.strip()]
