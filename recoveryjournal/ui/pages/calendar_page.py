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
    QVBoxLayout,
    QWidget,
)

from recoveryjournal.i18n import N_, Texts, _, clock
from recoveryjournal.i18n import day as say_day
from recoveryjournal.services.journal_parts import ReadsDays
from recoveryjournal.ui.pages.journal_tab import JournalTab
from recoveryjournal.ui.widgets.common import heading

_CALENDAR_PARTS = {
    "qt_calendar_prevmonth": N_("Previous month"),
    "qt_calendar_nextmonth": N_("Next month"),
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
        "mood": N_("mood {mood}"),
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
        """Forget every mark and every entry shown (locking)."""
        self._unmark()
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
        self.today_button = QPushButton(_TEXT["today"], self)
        self.today_button.setToolTip(_TEXT["today_tip"])
        self.write_button = QPushButton(_TEXT["write"], self)
        legend = QLabel(_TEXT["legend"], self)
        legend.setWordWrap(True)
        legend.setObjectName("statusLine")
        self.day_title = heading("", self, scale=1.3)
        self.entries = QListWidget(self)
        self.entries.setAccessibleName(_TEXT["entries"])
        self.checkins = QListWidget(self)
        self.checkins.setAccessibleName(_TEXT["checkins"])
        self.checkins.setWordWrap(True)
        left = QVBoxLayout()
        left.addWidget(self.calendar)
        buttons = QHBoxLayout()
        buttons.addWidget(self.today_button)
        buttons.addWidget(self.write_button)
        buttons.addStretch(1)
        left.addLayout(buttons)
        left.addWidget(legend)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.day_title)
        right.addWidget(QLabel(_TEXT["entries"], self))
        right.addWidget(self.entries, 2)
        right.addWidget(QLabel(_TEXT["checkins"], self))
        right.addWidget(self.checkins, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)
        layout.addLayout(right, 3)

        self.calendar.selectionChanged.connect(self._show_day)
        self.calendar.currentPageChanged.connect(self._mark_month)
        self.calendar.activated.connect(lambda _d: self._on_write_clicked())
        self.today_button.clicked.connect(lambda: self.go_to(dt.date.today()))
        self.write_button.clicked.connect(self._on_write_clicked)
        self.entries.itemActivated.connect(self._on_entry_activated)

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
        entry_days = self._session.entry_dates(first, last)
        checkin_days = {dt.date.fromisoformat(r[0]) for r in self._session.checkins.daily_means(first, last)}
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
        for entry in self._session.entries_on(day):
            item = QListWidgetItem(entry.display_title, self.entries)
            item.setData(ENTRY_ID_ROLE, entry.id)
        if not self.entries.count():
            self.entries.addItem(_TEXT["no_entries"])
        for c in self._session.checkins.on_day(day):
            parts = [clock(c.time), _TEXT["mood"].format(mood=c.mood), *c.feelings]
            text = " · ".join(parts) + (f"\n{c.note}" if c.note else "")
            self.checkins.addItem(text)
        if not self.checkins.count():
            self.checkins.addItem(_TEXT["no_checkins"])

    def _on_entry_activated(self, item: QListWidgetItem) -> None:
        entry_id = item.data(ENTRY_ID_ROLE)
        if entry_id is not None:
            self.entry_requested.emit(int(entry_id))

    def _on_write_clicked(self) -> None:
        self.write_requested.emit(self._selected())
