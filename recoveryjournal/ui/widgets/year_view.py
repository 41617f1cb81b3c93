"""A year at a glance: twelve small months, each day with a check-in coloured by that day's mood and showing the
number itself, so colour never carries the meaning alone. Said in words for screen readers, month by month."""

from __future__ import annotations

import calendar
import datetime as dt

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QToolTip, QWidget

from recoveryjournal.i18n import _, day, number
from recoveryjournal.services.mood_stats import month_words

#: Mood bands, low to high: Okabe–Ito colours, told apart with every common kind of colour blindness; each with
#: the text colour that reads on it.
BANDS = (
    ("1–2", QColor("#D55E00"), QColor("white")),
    ("3–4", QColor("#E69F00"), QColor("black")),
    ("5–6", QColor("#F0E442"), QColor("black")),
    ("7–8", QColor("#56B4E9"), QColor("black")),
    ("9–10", QColor("#0072B2"), QColor("white")),
)


def band(mood: float) -> int:
    """Which of the five bands a day's mood falls in (1–2 → 0 … 9–10 → 4)."""
    return min(4, max(0, (round(mood) - 1) // 2))


def _weekday_letters() -> list[str]:
    """The weekdays' first letters, Monday first (the columns of calendar.Calendar), in the app's language."""
    monday = dt.date(2024, 1, 1)  # a Monday
    return [day(monday + dt.timedelta(days=n), "weekday_letter") for n in range(7)]


class YearView(QWidget):
    """Paints one year; `day_clicked(date)` when a day is clicked."""

    day_clicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.year = dt.date.today().year
        self.moods: dict[dt.date, float] = {}
        self._cells: list[tuple[QRectF, dt.date]] = []
        self.setMouseTracking(True)
        self.setMinimumSize(420, 300)  # fits beside nothing else on a 1024×600 screen
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def set_year(self, year: int, moods: dict[dt.date, float]) -> None:
        """Show `year` with these daily moods (one average per day); says the year in words for screen readers."""
        self.year, self.moods = year, moods
        self.setAccessibleName(_("Year at a glance, {year}").format(year=year))
        self.setAccessibleDescription(" ".join(month_words(year, m, moods) for m in range(1, 13)))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(760, 470)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_colour = self.palette().color(QPalette.ColorRole.WindowText)
        empty = self.palette().color(QPalette.ColorRole.Mid)
        columns, rows = 4, 3
        width, height = self.width() / columns, self.height() / rows
        cell = min((width - 12) / 7, (height - 26) / 7.6)  # six weeks and a row of weekday letters
        small = QFont(self.font())
        small.setPointSizeF(max(6.5, cell * 0.36))
        title = QFont(self.font())
        title.setBold(True)
        self._cells = []
        for month in range(1, 13):
            left, top = ((month - 1) % columns) * width + 4, ((month - 1) // columns) * height + 2
            painter.setFont(title)
            painter.setPen(text_colour)
            painter.drawText(QRectF(left, top, width - 8, 20), int(Qt.AlignmentFlag.AlignLeft),
                             day(dt.date(self.year, month, 1), "month"))  # fmt: skip
            painter.setFont(small)
            painter.setPen(text_colour)
            for column, letter in enumerate(_weekday_letters()):
                place = QRectF(left + column * cell, top + 20, cell - 2, cell)
                painter.drawText(place, int(Qt.AlignmentFlag.AlignCenter), letter)
            for week, days in enumerate(calendar.Calendar().monthdatescalendar(self.year, month)):
                for column, when in enumerate(days):
                    if when.month != month:
                        continue
                    rect = QRectF(left + column * cell, top + 22 + (week + 1) * cell, cell - 2, cell - 2)
                    self._cells.append((rect, when))
                    mood = self.moods.get(when)
                    if mood is None:
                        painter.setPen(empty)
                        painter.setBrush(Qt.BrushStyle.NoBrush)
                        painter.drawRect(rect)
                        continue
                    _words, fill, ink = BANDS[band(mood)]
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(fill)
                    painter.drawRect(rect)
                    painter.setPen(ink)
                    painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), str(round(mood)))
        painter.end()

    def _day_at(self, point: QPointF) -> dt.date | None:
        return next((when for rect, when in self._cells if rect.contains(point)), None)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        when = self._day_at(event.position())
        if when is None:
            QToolTip.hideText()
            return
        mood = self.moods.get(when)
        words = _("{day}: mood {mood}").format(day=day(when), mood=number(mood)) if mood is not None else \
            _("{day}: no check-in").format(day=day(when))  # fmt: skip
        QToolTip.showText(event.globalPosition().toPoint(), words, self)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        when = self._day_at(event.position())
        if when is not None:
            self.day_clicked.emit(when)
