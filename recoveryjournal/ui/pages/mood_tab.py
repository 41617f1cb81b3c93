"""How things have been: your mood over time, in a chart and in words, and the feelings that came up."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from recoveryjournal.domain.share import FILE_TYPES
from recoveryjournal.i18n import N_, Texts, _
from recoveryjournal.services import mood_stats
from recoveryjournal.services.journal_parts import MoodSource
from recoveryjournal.services.patterns import MIN_DAYS, NOT_CAUSES, TITLE, patterns
from recoveryjournal.ui.charts.figure_view import FigureView
from recoveryjournal.ui.pages.journal_tab import JournalTab
from recoveryjournal.ui.widgets.common import heading, message_line, paragraph, show_message
from recoveryjournal.ui.widgets.file_dialogs import choose_file_to_save, suggested_save_path
from recoveryjournal.ui.workers import run_in_background

#: Until check-ins on this many days, the chart tab says it will say more after a few more.
FIRST_DAYS = 3

_TEXT = Texts(
    {
        "mood_chart": N_("Mood chart"),
        "feelings_chart": N_("Feelings chart"),
        "title": N_("How things have been"),
        "week": N_("Week"),
        "month": N_("Month"),
        "year": N_("Year"),
        "all": N_("All time"),
        "sleep": N_("Show sleep"),
        "anxiety": N_("Show anxiety"),
        "save": N_("Save chart as picture…"),
        "save_title": N_("Save the mood chart"),
        "feelings": N_("Feelings that came up"),
        "no_feelings": N_("No feelings chosen in this period yet."),
        "first_days": N_(
            "Your chart grows as you check in. Come back after a few check-ins to see how things have been: "
            "the words and the lines fill in day by day."
        ),
        "top_feelings": N_("The feelings you chose most often: {feelings}."),
        "click_hint": N_("Click a point to see that day."),
        "drawing": N_("Drawing…"),
        "no_patterns": N_(
            "Nothing to say here yet. When you tick your own signs or what helped in your check-ins, a sentence "
            "appears once something has at least {n} days with it and {n} without."
        ),
    }
)


def chart_library_loaded() -> bool:
    """matplotlib's figure module is loaded already (after the first chart of the run)."""
    return "matplotlib.figure" in sys.modules


def _load_chart_library() -> None:
    """Import matplotlib's figure and its Qt canvas (the slow part of the first chart), off the GUI thread."""
    import matplotlib.figure  # noqa: F401
    from matplotlib.backends import backend_qtagg  # noqa: F401


_PERIOD_WORDS = {
    "week": N_("over the last 7 days"),
    "month": N_("over the last 30 days"),
    "year": N_("over the last year"),
    "all": N_("since your first check-in"),
}


class MoodTab(JournalTab[MoodSource]):
    """Charts are drawn only when this tab is shown or its data changes."""

    day_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._period = "month"
        self._stale = True
        self._setup_ui()

    # Public -----------------------------------------------------------------------------
    def _show_journal(self, session: MoodSource) -> None:
        """Show this journal (drawn when the tab is first shown)."""
        session.checkins.changed.connect(self._on_data_changed)
        session.medicines.changed.connect(self._on_data_changed)
        self._stale = True
        if self.isVisible():
            self.refresh()

    def _forget_journal(self) -> None:
        """Forget every chart and sentence (locking)."""
        if self._session is not None:
            self._session.checkins.changed.disconnect(self._on_data_changed)
            self._session.medicines.changed.disconnect(self._on_data_changed)
        self.mood_view.clear()
        self.feelings_view.clear()
        self.summary.setText("")
        show_message(self.first_days, "")
        self.patterns.setText("")
        self.feelings_summary.setText("")
        show_message(self.message, "")

    def set_period(self, period: str) -> None:
        """'week', 'month', 'year' or 'all'."""
        self._period = period
        self.period_buttons[period].setChecked(True)
        self.refresh()

    def refresh(self) -> None:
        """Redraw from the journal."""
        self._stale = False
        if self._session is None:
            return
        from recoveryjournal.services.charts import draw_feelings_figure, draw_mood_figure

        first, last = mood_stats.period_range(self._period, first_ever=self._session.checkins.first_date())
        series = mood_stats.mood_series(self._session, first, last)
        self.summary.setText(mood_stats.mood_summary(series, _(_PERIOD_WORDS[self._period])))
        days_so_far = sum(1 for v in series.mood if v is not None)
        # The first days: one dot says little, so say when it will say more (gently, never as a task).
        show_message(self.first_days, _TEXT["first_days"] if 0 < days_so_far < FIRST_DAYS else "", calm=True)
        dark = QApplication.palette().window().color().lightness() < 128
        if series.has_data:
            figure = draw_mood_figure(
                series, show_sleep=self.sleep_box.isChecked(), show_anxiety=self.anxiety_box.isChecked(), dark=dark
            )
            self.mood_view.show_figure(figure, series.days, self.summary.text())
        else:
            self.mood_view.clear()
        self.save_button.setEnabled(series.has_data)
        found = patterns(self._session, first, last)
        self.patterns.setText(
            "\n".join(p.sentence for p in found) + "\n" + _(NOT_CAUSES)
            if found else _TEXT["no_patterns"].format(n=MIN_DAYS)
        )  # fmt: skip
        counts = self._session.checkins.feeling_counts(first, last)
        if counts:
            top = ", ".join(f"{name} ({n})" for name, n in counts[:5])
            self.feelings_summary.setText(_TEXT["top_feelings"].format(feelings=top))
            self.feelings_view.show_figure(
                draw_feelings_figure(counts, dark=dark), description=self.feelings_summary.text()
            )
        else:
            self.feelings_view.clear()
            self.feelings_summary.setText(_TEXT["no_feelings"])

    # Qt ---------------------------------------------------------------------------------
    def showEvent(self, event: object) -> None:
        """Draw on first show (and after changes made elsewhere). The first time, the chart library loads on a
        worker while the tab says "Drawing…", so the window never looks stuck."""
        super().showEvent(event)  # type: ignore[arg-type]
        if not self._stale:
            return
        if chart_library_loaded():
            self.refresh()
            return
        self._stale = False
        show_message(self.message, _TEXT["drawing"], calm=True)
        run_in_background(_load_chart_library, self._drawn_after_loading, owner=self)

    def _drawn_after_loading(self, _loaded: object) -> None:
        show_message(self.message, "")
        if self._session is not None:  # (locked while the library loaded: nothing to draw, nothing to say)
            self.refresh()

    # UI ---------------------------------------------------------------------------------
    def _setup_ui(self) -> None:
        self.period_group = QButtonGroup(self)
        self.period_buttons: dict[str, QPushButton] = {}
        periods = QHBoxLayout()
        for key in ("week", "month", "year", "all"):
            button = QPushButton(_TEXT[key], self)
            button.setCheckable(True)
            self.period_group.addButton(button)
            self.period_buttons[key] = button
            periods.addWidget(button)
            button.clicked.connect(lambda _c=False, k=key: self.set_period(k))
        self.period_buttons["month"].setChecked(True)
        self.sleep_box = QCheckBox(_TEXT["sleep"], self)
        self.anxiety_box = QCheckBox(_TEXT["anxiety"], self)
        periods.addSpacing(16)
        periods.addWidget(self.sleep_box)
        periods.addWidget(self.anxiety_box)
        periods.addStretch(1)
        self.save_button = QPushButton(_TEXT["save"], self)
        periods.addWidget(self.save_button)
        self.mood_view = FigureView(self)
        self.mood_view.setAccessibleName(_TEXT["mood_chart"])
        self.summary = paragraph("", self)
        self.summary.setAccessibleName(_("Summary of your mood"))
        self.patterns = paragraph("", self)
        self.patterns.setAccessibleName(_(TITLE))
        self.feelings_view = FigureView(self)
        self.feelings_view.setAccessibleName(_TEXT["feelings_chart"])
        self.feelings_summary = paragraph("", self)
        self.message = message_line(self)
        self.first_days = message_line(self, "hintLine")
        hint = QLabel(_TEXT["click_hint"], self)
        hint.setObjectName("statusLine")
        content = QWidget(self)
        inner = QVBoxLayout(content)
        inner.addWidget(heading(_TEXT["title"], content, scale=1.4))
        inner.addLayout(periods)
        inner.addWidget(self.message)
        inner.addWidget(self.first_days)
        inner.addWidget(self.summary)
        inner.addWidget(self.mood_view)
        inner.addWidget(hint)
        inner.addWidget(heading(_(TITLE), content, scale=1.15))
        inner.addWidget(self.patterns)
        inner.addWidget(heading(_TEXT["feelings"], content, scale=1.15))
        inner.addWidget(self.feelings_summary)
        inner.addWidget(self.feelings_view)
        inner.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.sleep_box.toggled.connect(lambda _on: self.refresh())
        self.anxiety_box.toggled.connect(lambda _on: self.refresh())
        self.save_button.clicked.connect(self._on_save_clicked)
        self.mood_view.day_clicked.connect(self.day_requested)

    def _on_data_changed(self) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def _on_save_clicked(self) -> None:
        figure = self.mood_view.figure
        if figure is None:
            return
        start = suggested_save_path(_("My mood chart"), "png")
        name = choose_file_to_save(self, _TEXT["save_title"], start, _(FILE_TYPES["png"]))
        if not name:
            return
        from recoveryjournal.services.charts import figure_png
        from recoveryjournal.ui.export.save_pdf import exporter

        show_message(self.message, exporter().save_picture(figure_png(figure), Path(name)).sentence)
