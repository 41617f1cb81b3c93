"""Charts drawn from plain number series with matplotlib's Figure API (never pyplot).

One drawing function per chart, used by the window (inside a Qt canvas) and by exports (as PNG).
matplotlib is imported only when the first chart is drawn, so start-up stays quick.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from typing import TYPE_CHECKING

from recoveryjournal.i18n import _, day, ngettext
from recoveryjournal.services.mood_stats import MoodSeries

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

# Okabe–Ito colours: told apart by people with every common kind of colour blindness.
MOOD, ROLLING, SLEEP, ANXIETY, ENTRY = "#0072B2", "#E69F00", "#009E73", "#D55E00", "#999999"
MEDICINE = "#CC79A7"


def _medicine_marks(ax: Axes, series: MoodSeries, *, fontsize: float = 8.0) -> bool:
    """Each medicine change as a short line at the top of the panel with its number (words in the summary)."""
    from matplotlib import dates as mdates

    for n, (when, _words) in enumerate(series.medicine_changes, 1):
        x = mdates.date2num(when)
        ax.axvline(x, ymin=0.76, ymax=0.9, color=MEDICINE, linewidth=2.0, gid="medicine")
        ax.text(x, 0.91, str(n), transform=ax.get_xaxis_transform(), color=MEDICINE, fontsize=fontsize,
                ha="center", va="bottom", fontweight="bold")  # fmt: skip
    return bool(series.medicine_changes)


def _colours(dark: bool) -> tuple[str, str, str]:
    return ("#1e1e1e", "#e8e8e8", "#555555") if dark else ("#ffffff", "#222222", "#dddddd")


def _nan(values: list[float | None]) -> list[float]:
    return [math.nan if v is None else v for v in values]


def draw_mood_figure(
    series: MoodSeries,
    *,
    show_sleep: bool = False,
    show_anxiety: bool = False,
    dark: bool = False,
    size: tuple[float, float] = (8.0, 3.6),
    dpi: int = 100,
) -> Figure:
    """Mood by day (gaps stay gaps), its 7-day average, optional sleep and anxiety, and days with entries."""
    from matplotlib import dates as mdates
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    background, foreground, grid = _colours(dark)
    # Fixed margins rather than constrained layout: the layout engine alone costs more than the drawing.
    fig = Figure(figsize=size, dpi=dpi, facecolor=background)
    fig.subplots_adjust(left=0.08, right=0.92 if show_sleep else 0.97, top=0.88, bottom=0.12)
    ax = fig.add_subplot()
    ax.set_facecolor(background)
    days = mdates.date2num(series.days)  # numbers matplotlib reads as dates
    ax.plot(
        days,
        _nan(series.mood),
        color=MOOD,
        marker="o",
        markersize=4,
        linewidth=1.6,
        label=_("Mood"),
        picker=6,
        gid="mood",
    )
    if any(v is not None for v in series.rolling):
        ax.plot(days, _nan(series.rolling), color=ROLLING, linewidth=2.2, linestyle="--", label=_("7-day average"))
    if show_anxiety and any(v is not None for v in series.anxiety):
        ax.plot(days, _nan(series.anxiety), color=ANXIETY, marker="s", markersize=3, linewidth=1.2, label=_("Anxiety"))
    if series.entry_days:
        marked = mdates.date2num(sorted(d for d in series.entry_days if series.days[0] <= d <= series.days[-1]))
        ax.plot(
            marked,
            [0.4] * len(marked),
            linestyle="none",
            marker="|",
            markersize=9,
            color=ENTRY,
            label=_("Journal entry"),
        )
    if _medicine_marks(ax, series):
        ax.plot([], [], color=MEDICINE, linewidth=2.0, label=_("Medicine change"))
    ax.set_ylim(0, 10.5)
    ax.set_yticks([1, 3, 5, 7, 10])
    ax.set_ylabel(_("Mood (1–10)"), color=foreground)
    if show_sleep and any(v is not None for v in series.sleep):
        ax2 = ax.twinx()
        ax2.plot(
            days, _nan(series.sleep), color=SLEEP, marker="^", markersize=3, linewidth=1.2, label=_("Sleep (hours)")
        )
        ax2.set_ylim(0, 14)
        ax2.set_ylabel(_("Sleep (hours)"), color=foreground)
        ax2.tick_params(colors=foreground)
        for spine in ax2.spines.values():
            spine.set_visible(False)
        handles, labels = ax.get_legend_handles_labels()
        h2, l2 = ax2.get_legend_handles_labels()
        ax.legend(
            handles + h2,
            labels + l2,
            loc="lower left",
            bbox_to_anchor=(0, 1.0),
            fontsize="small",
            frameon=False,
            ncols=5,
            labelcolor=foreground,
        )
    else:
        # Above the plot, so nothing drawn (a mood of 10, a medicine line) hides under it.
        ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), fontsize="small", frameon=False, ncols=5,
                  labelcolor=foreground)  # fmt: skip
    ax.grid(axis="y", color=grid, linewidth=0.6)
    ax.tick_params(colors=foreground)
    for name, spine in ax.spines.items():
        spine.set_visible(name == "bottom")
        spine.set_color(grid)
    _span(ax, list(days))
    locator = mdates.AutoDateLocator(minticks=3, maxticks=9)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(FuncFormatter(_axis_day))
    return fig


def _span(ax: object, days: list[float]) -> None:
    """The axis covers the chosen days, however few check-ins fall in them (one dot sits on its own day)."""
    ax.set_xlim(days[0] - 0.5, days[-1] + 0.5)  # type: ignore[attr-defined]


def draw_report_figure(series: MoodSeries, appointments: list[dt.date], *, size: tuple[float, float] = (7.2, 2.9),
                       dpi: int = 100) -> Figure:  # fmt: skip
    """For a shared document: mood, sleep and anxiety as small panels one above the other on one time axis
    (days without a check-in stay gaps, never joined across), my journal days and my appointments marked.
    Printed, its words are at least 8 points. A panel with nothing noted in the period is left out."""
    from matplotlib import dates as mdates
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.ticker import FuncFormatter

    background, foreground, grid = _colours(False)
    panels = [("mood", _("Mood (1–10)"), series.mood, MOOD, (0, 10.5), [1, 5, 10])]
    if any(v is not None for v in series.sleep):
        panels.append(("sleep", _("Sleep (hours)"), series.sleep, SLEEP, (0, 14), [0, 6, 12]))
    if any(v is not None for v in series.anxiety):
        panels.append(("anxiety", _("Anxiety (1–10)"), series.anxiety, ANXIETY, (0, 10.5), [1, 5, 10]))
    ratios = [2.0] + [1.0] * (len(panels) - 1)
    height = size[1] * sum(ratios) / 4.0 + 0.6
    fig = Figure(figsize=(size[0], height), dpi=dpi, facecolor=background)
    fig.subplots_adjust(left=0.05, right=0.99, top=1 - 0.32 / height, bottom=0.3 / height, hspace=0.32)
    axes = fig.subplots(len(panels), 1, sharex=True, gridspec_kw={"height_ratios": ratios}, squeeze=False)[:, 0]
    days = mdates.date2num(series.days)
    shown = [d for d in appointments if series.days[0] <= d <= series.days[-1]]
    written = sorted(d for d in series.entry_days if series.days[0] <= d <= series.days[-1])
    for ax, (key, label, values, colour, limits, ticks) in zip(axes, panels, strict=True):
        ax.set_facecolor(background)
        ax.plot(days, _nan(values), color=colour, marker="o", markersize=3.5, linewidth=1.4, gid=key)
        if key == "mood" and any(v is not None for v in series.rolling):
            ax.plot(days, _nan(series.rolling), color=ROLLING, linewidth=1.8, linestyle="--")
        for when in shown:
            ax.axvline(mdates.date2num(when), color=foreground, linewidth=0.9, linestyle=":")
        ax.set_ylim(*limits)
        ax.set_yticks(ticks)
        ax.set_title(label, loc="left", fontsize=9.5, color=foreground, pad=2)
        ax.tick_params(colors=foreground, labelsize=9.5)
        ax.grid(axis="y", color=grid, linewidth=0.6)
        for name, spine in ax.spines.items():
            spine.set_visible(name == "bottom")
            spine.set_color(grid)
    if written:
        axes[0].plot(mdates.date2num(written), [0.5] * len(written), linestyle="none", marker="|", markersize=8,
                     color=ENTRY)  # fmt: skip
    _medicine_marks(axes[0], series, fontsize=9.0)
    _span(axes[-1], list(days))
    axes[-1].xaxis.set_major_locator(mdates.AutoDateLocator(minticks=3, maxticks=7))
    axes[-1].xaxis.set_major_formatter(FuncFormatter(_axis_day))
    legend = [Line2D([], [], color=MOOD, marker="o", markersize=3.5, label=_("Mood"))]
    if any(v is not None for v in series.rolling):
        legend.append(Line2D([], [], color=ROLLING, linestyle="--", label=_("7-day average")))
    if written:
        legend.append(Line2D([], [], color=ENTRY, linestyle="none", marker="|", markersize=8, label=_("Journal entry")))
    if shown:
        legend.append(Line2D([], [], color=foreground, linestyle=":", label=_("Appointment")))
    if series.medicine_changes:
        legend.append(Line2D([], [], color=MEDICINE, linewidth=2.0, label=_("Medicine change")))
    fig.legend(handles=legend, loc="upper right", ncols=len(legend), frameon=False, fontsize=9.5, labelcolor=foreground,
               borderaxespad=0.1)  # fmt: skip
    return fig


def draw_feelings_figure(counts: list[tuple[str, int]], *, dark: bool = False, top: int = 12) -> Figure:
    """How often each feeling came up, most often at the top."""
    from matplotlib.figure import Figure

    background, foreground, grid = _colours(dark)
    shown = counts[:top][::-1]
    fig = Figure(figsize=(6, max(1.6, 0.32 * len(shown) + 0.8)), dpi=100, facecolor=background, layout="constrained")
    ax = fig.add_subplot()
    ax.set_facecolor(background)
    # One feeling is one thin bar on a scale of at least 5, never a solid block.
    ax.barh([name for name, _n in shown], [n for _name, n in shown], color=MOOD, height=0.6 if len(shown) > 1 else 0.35)
    ax.set_xlim(0, max(5, max((n for _name, n in shown), default=0) + 1))
    if len(shown) == 1:
        ax.set_ylim(-1, 1)
    ax.set_xlabel(_("Times chosen"), color=foreground)
    ax.tick_params(colors=foreground)
    ax.grid(axis="x", color=grid, linewidth=0.6)
    for name, spine in ax.spines.items():
        spine.set_visible(name == "left")
        spine.set_color(grid)
    return fig


def draw_progress_figure(done: int, to_do: int, *, dark: bool = False) -> Figure:
    """A small bar: steps done and steps still to do (never 'missed' or 'overdue')."""
    from matplotlib.figure import Figure

    background, foreground, _grid = _colours(dark)
    fig = Figure(figsize=(4.2, 0.75), dpi=100, facecolor=background)
    fig.subplots_adjust(left=0.02, right=0.98, top=0.95, bottom=0.05)
    ax = fig.add_subplot()
    ax.set_facecolor(background)
    total = max(done + to_do, 1)
    ax.barh([0], [done], color=SLEEP, height=0.6)
    ax.barh([0], [to_do], left=[done], color="#cccccc" if not dark else "#555555", height=0.6)
    ax.set_xlim(0, total)
    ax.text(
        0.02 * total,
        0,
        ngettext("{n} done", "{n} done", done).format(n=done),
        va="center",
        color="white" if done else foreground,
        fontsize=9,
    )
    ax.text(
        0.98 * total, 0, _("{to_do} to do").format(to_do=to_do), va="center", ha="right", color=foreground, fontsize=9
    )
    ax.set_axis_off()
    return fig


def figure_png(fig: Figure, dpi: int = 150) -> bytes:
    """The figure as PNG bytes, in memory (never a temporary file)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, facecolor=fig.get_facecolor())
    return buffer.getvalue()


def _axis_day(value: float, _position: int | None = None) -> str:
    """A day on the time axis as this locale writes it short ("7 Nov", "7 nov")."""
    import matplotlib.dates as mdates

    return day(mdates.num2date(value).date(), "day_month_short")
