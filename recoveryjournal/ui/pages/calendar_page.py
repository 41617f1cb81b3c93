"""Calendar: days with entries and check-ins marked; pick a day to see what you wrote and how you were."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from recoveryjournal.i18n import N_, Texts, _
from recoveryjournal.i18n import day as say_day
from recoveryjournal.services.journal_parts import ReadsDays
from recoveryjournal.ui.pages.journal_tab import JournalTab
from recoveryjournal.ui.widgets.common import checkin_line, heading
from recoveryjournal.ui.widgets.year_view import BANDS, YearView

_CALENDAR_PARTS = {
    "qt_calendar_prevmonth": N_("Previous month"),
    "qt_calendar_nextmonth": N_("Next month"),
    "qt_calendar_monthbutton": N_("Choose the month"),
    "qt_calendar_yearbutton": N_("Choose the year"),
    "qt_calendar_calendarview": N_("Days of the month"),
}
_TEXT = Texts(
    {
        "calendar": N_("Calendar: choose a day"),
        "today": N_("Today"),
        "today_tip": N_("Go to today (Ctrl+T)"),
        "write": N_("Write about this day"),
        "entries": N_("What you wrote"),
        "checkins": N_("Check-ins"),
        "no_entries": N_("Nothing written on this day."),
        "no_checkins": N_("No check-ins on this day."),
        "legend": N_("Bold days have journal entries; shaded days have check-ins."),
        "year": N_("Year at a glance"),
        "year_tip": N_("Every day of a year coloured by that day's mood, with its number"),
        "month_view": N_("Back to the month"),
        "earlier": N_("Earlier year"),
        "later": N_("Later year"),
        "year_legend": N_(
            "Each square is a day with a check-in, showing that day's mood; the colour follows the number. "
            "Empty squares are days without one. Click a day to see it."
        ),
    }
)
ENTRY_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_CHECKIN_SHADE = QColor(0, 114, 178, 60)


class CalendarPage(JournalTab[ReadsDays]):
    """Emits `entry_requested(id)` to open an entry and `write_requested(date)` for a new one."""

    entry_requested = Signal(int)
    write_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._marked: list[QDate] = []
        self._setup_ui()

    # Public -----------------------------------------------------------------------------
    def _show_journal(self, session: ReadsDays) -> None:
        """Show this journal's days."""
        self.refresh()

    def _forget_journal(self) -> None:
        """Forget every mark and every entry shown (locking), and the year's moods."""
        self._unmark()
        self.year_view.set_year(self.year_view.year, {})
        self.views.setCurrentIndex(0)
        self.entries.clear()
        self.checkins.clear()
        self.day_title.setText("")

    def go_to(self, day: dt.date) -> None:
        """Select `day` and show it."""
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self._show_day()

    def refresh(self) -> None:
        """Re-read the marks and the selected day (after a save elsewhere)."""
        self._mark_month(self.calendar.yearShown(), self.calendar.monthShown())
        self._show_day()

    # UI ---------------------------------------------------------------------------------
    def _setup_ui(self) -> None:
        self.calendar = QCalendarWidget(self)
        self.calendar.setGridVisible(False)
        self.calendar.setAccessibleName(_TEXT["calendar"])
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        for part, name in (
            (p, _(n)) for p, n in _CALENDAR_PARTS.items()
        ):  # Qt's own month buttons and grid come without names
            widget = self.calendar.findChild(QWidget, part)
            if widget is not None:
                widget.setAccessibleName(name)
                if part != "qt_calendar_calendarview":  # Qt leaves its month and year buttons out of Tab
                    widget.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.today_button = QPushButton(_TEXT["today"], self)
        self.today_button.setToolTip(_TEXT["today_tip"])
        self.write_button = QPushButton(_TEXT["write"], self)
        legend = QLabel(_TEXT["legend"], self)
        legend.setWordWrap(True)
        legend.setObjectName("statusLine")
        self.year_button = QPushButton(_TEXT["year"], self)
        self.year_button.setToolTip(_TEXT["year_tip"])
        self.year_page = self._year_page()
        self.day_title = heading("", self, scale=1.3)
        self.entries = QListWidget(self)
        self.entries.setAccessibleName(_TEXT["entries"])
        self.checkins = QListWidget(self)
        self.checkins.setAccessibleName(_TEXT["checkins"])
        self.checkins.setWordWrap(True)
        month_page = QWidget(self)
        left = QVBoxLayout(month_page)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.calendar)
        buttons = QHBoxLayout()
        buttons.addWidget(self.today_button)
        buttons.addWidget(self.write_button)
        buttons.addWidget(self.year_button)
        buttons.addStretch(1)
        left.addLayout(buttons)
        left.addWidget(legend)
        left.addStretch(1)
        self.views = QStackedWidget(self)
        self.views.addWidget(month_page)
        self.views.addWidget(self.year_page)
        right = QVBoxLayout()
        right.addWidget(self.day_title)
        right.addWidget(QLabel(_TEXT["entries"], self))
        right.addWidget(self.entries, 2)
        right.addWidget(QLabel(_TEXT["checkins"], self))
        right.addWidget(self.checkins, 1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.views, 2)
        layout.addLayout(right, 3)

        self.calendar.selectionChanged.connect(self._show_day)
        self.calendar.currentPageChanged.connect(self._mark_month)
        self.calendar.activated.connect(lambda _d: self._on_write_clicked())
        self.today_button.clicked.connect(lambda: self.go_to(dt.date.today()))
        self.write_button.clicked.connect(self._on_write_clicked)
        self.entries.itemActivated.connect(self._on_entry_activated)
        self.year_button.clicked.connect(lambda: self.show_year(self._selected().year))

    def _year_page(self) -> QWidget:
        page = QWidget(self)
        self.year_view = YearView(page)
        self.earlier_button = QPushButton(_TEXT["earlier"], page)
        self.later_button = QPushButton(_TEXT["later"], page)
        back = QPushButton(_TEXT["month_view"], page)
        self.year_label = heading("", page, scale=1.1)
        top = QHBoxLayout()
        for widget in (back, self.earlier_button, self.year_label, self.later_button):
            top.addWidget(widget)
        top.addStretch(1)
        key = QHBoxLayout()
        for words, fill, ink in BANDS:
            swatch = QLabel(words, page)
            swatch.setAlignment(Qt.AlignmentFlag.AlignCenter)
            swatch.setMinimumWidth(44)
            swatch.setStyleSheet(f"background: {fill.name()}; color: {ink.name()}; padding: 2px 6px;")
            key.addWidget(swatch)
        key.addStretch(1)
        explained = QLabel(_TEXT["year_legend"], page)
        explained.setWordWrap(True)
        explained.setObjectName("statusLine")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.year_view, 1)
        layout.addLayout(key)
        layout.addWidget(explained)
        back.clicked.connect(lambda: self.views.setCurrentIndex(0))
        self.earlier_button.clicked.connect(lambda: self.show_year(self.year_view.year - 1))
        self.later_button.clicked.connect(lambda: self.show_year(self.year_view.year + 1))
        self.year_view.day_clicked.connect(self._on_year_day_clicked)
        return page

    def show_year(self, year: int) -> None:
        """The year at a glance: each day with a check-in coloured by its mood, with its number."""
        moods: dict[dt.date, float] = {}
        if self._session is not None:
            means = self._session.checkins.daily_means(dt.date(year, 1, 1), dt.date(year, 12, 31))
            moods = {m.day: m.mood for m in means}
        self.year_view.set_year(year, moods)
        self.year_label.setText(str(year))
        self.later_button.setEnabled(year < dt.date.today().year)
        self.views.setCurrentIndex(1)
        self.year_view.setFocus()

    def _on_year_day_clicked(self, when: dt.date) -> None:
        self.views.setCurrentIndex(0)
        self.go_to(when)

    def _selected(self) -> dt.date:
        d = self.calendar.selectedDate()
        return dt.date(d.year(), d.month(), d.day())

    def _unmark(self) -> None:
        for qdate in self._marked:
            self.calendar.setDateTextFormat(qdate, QTextCharFormat())
        self._marked = []

    def _mark_month(self, year: int, month: int) -> None:
        self._unmark()
        if self._session is None:
            return
        first = dt.date(year, month, 1) - dt.timedelta(days=7)
        last = dt.date(year + month // 12, month % 12 + 1, 1) + dt.timedelta(days=7)
        entry_days = self._session.entries.dates_between(first, last)
        checkin_days = {m.day for m in self._session.checkins.daily_means(first, last)}
        for day in entry_days | checkin_days:
            fmt = QTextCharFormat()
            if day in entry_days:
                fmt.setFontWeight(QFont.Weight.Bold)
            if day in checkin_days:
                fmt.setBackground(QBrush(_CHECKIN_SHADE))
            qdate = QDate(day.year, day.month, day.day)
            self.calendar.setDateTextFormat(qdate, fmt)
            self._marked.append(qdate)

    def _show_day(self) -> None:
        self.entries.clear()
        self.checkins.clear()
        if self._session is None:
            return
        day = self._selected()
        self.day_title.setText(say_day(day, "full"))
        for entry in self._session.entries.on_day(day):
            item = QListWidgetItem(entry.display_title, self.entries)
            item.setData(ENTRY_ID_ROLE, entry.id)
        if not self.entries.count():
            self.entries.addItem(_TEXT["no_entries"])
        medicines = self._session.medicines.turned_on
        for c in self._session.checkins.on_day(day):
            self.checkins.addItem(checkin_line(c, medicines))
        if not self.checkins.count():
            self.checkins.addItem(_TEXT["no_checkins"])

    def _on_entry_activated(self, item: QListWidgetItem) -> None:
        entry_id = item.data(ENTRY_ID_ROLE)
        if entry_id is not None:
            self.entry_requested.emit(int(entry_id))

    def _on_write_clicked(self) -> None:
        self.write_requested.emit(self._selected())
