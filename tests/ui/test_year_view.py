"""The Calendar's year at a glance (issue 25, point 4): each day with a check-in coloured by its mood and showing
the number (colour never alone), a legend, words for screen readers, a click goes to the day."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from recoveryjournal.services.mood_stats import month_words
from recoveryjournal.ui.widgets.year_view import BANDS, band
from tests.conftest import PASSPHRASE
from tests.ui.conftest import unlock


def test_mood_bands_cover_one_to_ten() -> None:
    assert [band(m) for m in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)] == [0, 0, 1, 1, 2, 2, 3, 3, 4, 4]
    assert band(5.4) == 2 and band(6.6) == 3


def test_a_year_at_a_glance_through_the_calendar(qtbot, window, created_journal) -> None:
    """Calendar ▸ Year at a glance: a day's square has its band's colour and its mood in figures; the year is
    said in words; clicking the day shows it in the month; locking forgets the moods."""
    window.start(journal=created_journal[0])
    unlock(qtbot, window, PASSPHRASE)
    when = dt.date(dt.date.today().year, 1, 14)
    window.session.checkins.add(9, when=dt.datetime.combine(when, dt.time(9)))
    window.session.checkins.add(2, when=dt.datetime.combine(when + dt.timedelta(days=1), dt.time(9)))
    view = window.unlocked_view
    view.tabs.setCurrentWidget(view.calendar_page)
    page = view.calendar_page
    qtbot.mouseClick(page.year_button, Qt.MouseButton.LeftButton)
    year = page.year_view
    assert page.views.currentWidget() is page.year_page and year.moods[when] == 9.0
    assert "January" in year.accessibleDescription() and "mood from 2 to 9" in year.accessibleDescription()
    year.resize(760, 470)
    image = year.grab().toImage()
    rect = next(r for r, d in year._cells if d == when)
    centre = rect.center()
    assert QColor(image.pixel(int(rect.left()) + 2, int(rect.top()) + 2)) == BANDS[4][1]
    inked = [QColor(image.pixel(x, y)).lightness() > 200 for x in range(int(rect.left()), int(rect.right()))
             for y in range(int(rect.top()), int(rect.bottom()))]  # fmt: skip
    assert any(inked)  # the figure "9" is written on it in white: colour is never the only sign
    qtbot.mouseClick(year, Qt.MouseButton.LeftButton, pos=QPoint(int(centre.x()), int(centre.y())))
    assert page.views.currentIndex() == 0 and page.calendar.selectedDate().toPython() == when
    assert "mood 9" in page.checkins.item(0).text()
    window.lock()
    assert year.moods == {}


def test_a_month_in_words() -> None:
    moods = {dt.date(2026, 11, 3): 4.0, dt.date(2026, 11, 9): 7.0}
    assert month_words(2026, 11, moods) == "November 2026: 2 days with a check-in, mood from 4 to 7, average 5.5."
    assert month_words(2026, 10, moods) == "October 2026: no check-ins."
